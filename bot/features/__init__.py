"""The list of features: adding one is one line here (see docs/architecture.md).

The order is the order in which the features get a chance at an update.
"""

from __future__ import annotations

from bot.features.abuse import handlers as abuse
from bot.features.askstaff import handlers as askstaff
from bot.features.broadcast import handlers as broadcast
from bot.features.common import handlers as common
from bot.features.events import handlers as events
from bot.features.feedback import handlers as feedback
from bot.features.holidays import handlers as holidays
from bot.features.hours import handlers as hours
from bot.features.nightschool import handlers as nightschool
from bot.features.poster import handlers as poster
from bot.features.privacy import handlers as privacy
from bot.features.questions import handlers as questions
from bot.features.reminders import handlers as reminders
from bot.features.roles import handlers as roles
from bot.features.surveys import handlers as surveys
from bot.manifest import Manifest

MANIFESTS: tuple[Manifest, ...] = (
    common.MANIFEST,
    abuse.MANIFEST,  # the per-user flood guard (group -90, after the profile is known)
    privacy.MANIFEST,
    feedback.MANIFEST,  # conversations: their text steps must come before free-text questions
    nightschool.MANIFEST,  # conversations too (staff)
    broadcast.MANIFEST,  # a staff conversation; before roles' handler of forwarded messages
    roles.MANIFEST,
    events.MANIFEST,
    reminders.MANIFEST,
    holidays.MANIFEST,  # a staff conversation: before free-text questions
    surveys.MANIFEST,  # typed answers (group -10) and organisers' survey files
    hours.MANIFEST,  # before questions: builds the shared matcher
    poster.MANIFEST,
    askstaff.MANIFEST,  # before questions: a staff reply to a notification is an answer
    questions.MANIFEST,  # free text; must stay the last feature before the fallbacks
)
