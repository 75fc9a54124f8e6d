"""The audit log in plain words, in the reader's language (issue 16).

An entry is stored as codes (``hours.closure``, ``venue:canteen``) so that it stays exact; an
admin reads "梅 关闭了场馆：社区食堂" instead. An action this module does not know yet is
still shown, by its code, with the generic words ("做了操作").
"""

from __future__ import annotations

import re

from bot.centre import Centre
from bot.i18n import Translator, message_keys
from bot.services import audit

# Every action recorded in the package (tests/test_roles.py checks the list is complete).
ACTIONS = (
    "role.grant",
    "role.revoke",
    "hours.closure",
    "hours.special",
    "hours.remove",
    "hours.closure-keep",
    "holidays.notice",
    "feedback.reply",
    "feedback.resolve",
    "feedback.export",
    "event.create",
    "event.edit",
    "event.cancel",
    "broadcast.create",
    "broadcast.pause",
    "broadcast.resume",
    "broadcast.cancel",
    "nightschool.create",
    "nightschool.import",
    "nightschool.publish",
    "nightschool.cancel",
    "nightschool.draw",
    "nightschool.edit",
    "nightschool.capacity",
    "nightschool.session-cancel",
    "nightschool.session-move",
    "nightschool.session-add",
    "helpdesk.ban",
    "helpdesk.unban",
    "survey.create",
    "survey.publish",
    "survey.edit",
)
ACTION_TEXTS = message_keys(
    ACTIONS,
    {
        "role.grant": "audit-do-role-grant",
        "role.revoke": "audit-do-role-revoke",
        "hours.closure": "audit-do-hours-closure",
        "hours.special": "audit-do-hours-special",
        "hours.remove": "audit-do-hours-remove",
        "hours.closure-keep": "audit-do-hours-closure-keep",
        "holidays.notice": "audit-do-holidays-notice",
        "feedback.reply": "audit-do-feedback-reply",
        "feedback.resolve": "audit-do-feedback-resolve",
        "feedback.export": "audit-do-feedback-export",
        "event.create": "audit-do-event-create",
        "event.edit": "audit-do-event-edit",
        "event.cancel": "audit-do-event-cancel",
        "broadcast.create": "audit-do-broadcast-create",
        "broadcast.pause": "audit-do-broadcast-pause",
        "broadcast.resume": "audit-do-broadcast-resume",
        "broadcast.cancel": "audit-do-broadcast-cancel",
        "nightschool.create": "audit-do-nightschool-create",
        "nightschool.import": "audit-do-nightschool-import",
        "nightschool.publish": "audit-do-nightschool-publish",
        "nightschool.cancel": "audit-do-nightschool-cancel",
        "nightschool.draw": "audit-do-nightschool-draw",
        "nightschool.edit": "audit-do-nightschool-edit",
        "nightschool.capacity": "audit-do-nightschool-capacity",
        "nightschool.session-cancel": "audit-do-nightschool-session-cancel",
        "nightschool.session-move": "audit-do-nightschool-session-move",
        "nightschool.session-add": "audit-do-nightschool-session-add",
        "helpdesk.ban": "audit-do-helpdesk-ban",
        "helpdesk.unban": "audit-do-helpdesk-unban",
        "survey.create": "audit-do-survey-create",
        "survey.publish": "audit-do-survey-publish",
        "survey.edit": "audit-do-survey-edit",
    },
)
# A venue is shown by its name, not a key.
SUBJECT_KINDS = ("broadcast", "event", "feedback", "year", "user", "survey")
SUBJECT_TEXTS = message_keys(
    SUBJECT_KINDS,
    {
        "broadcast": "audit-subject-broadcast",
        "event": "audit-subject-event",
        "feedback": "audit-subject-feedback",
        "year": "audit-subject-year",
        "user": "audit-subject-user",
        "survey": "audit-subject-survey",
    },
)
_SUBJECT = re.compile(
    r"^(?:(?P<kind>venue|broadcast|event|feedback|year|user|survey):(?P<value>[\w-]+)"
    r"|course (?P<course>\d+)|(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2}))$"
)


def action_key(action: str) -> str:
    """The catalog key of a recorded action (``audit-do-other`` for one not known yet)."""
    return ACTION_TEXTS.get(action, "audit-do-other")


def subject_text(t: Translator, centre: Centre, subject: str) -> str:
    """``venue:canteen`` → "社区食堂", ``broadcast:3`` → "通知 #3"; anything else as stored."""
    match = _SUBJECT.match(subject)
    if match is None:
        return subject
    if match.group("course"):
        return t("audit-subject-course", id=match.group("course"))
    if match.group("start"):
        return t("audit-subject-period", start=match.group("start"), end=match.group("end"))
    kind, value = match.group("kind"), match.group("value")
    if kind == "venue":
        venue = centre.venue(value)
        return venue.name.get(t.lang) if venue else value
    return t(SUBJECT_TEXTS[kind], id=value)


def entry_text(t: Translator, centre: Centre, entry: audit.Entry, at: str) -> str:
    """One line: when, who, what they did, to what."""
    key = ACTION_TEXTS.get(entry.action)
    did = t(key) if key is not None else t("audit-do-other", action=entry.action)
    return t(
        "audit-line",
        at=at,
        actor=entry.actor_name,
        action=did,
        subject=subject_text(t, centre, entry.subject),
    )
