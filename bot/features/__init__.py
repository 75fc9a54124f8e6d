"""The list of features: adding one is one line here (see docs/architecture.md).

The order is the order in which the features get a chance at an update.
"""

from __future__ import annotations

from bot.handlers import (
    abuse,
    askstaff,
    broadcast,
    common,
    events,
    feedback,
    holidays,
    hours,
    nightschool,
    privacy,
    questions,
    reminders,
    roles,
)
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
    hours.MANIFEST,  # before questions: builds the shared matcher
    askstaff.MANIFEST,  # before questions: a staff reply to a notification is an answer
    questions.MANIFEST,  # free text; must stay the last feature before the fallbacks
)
