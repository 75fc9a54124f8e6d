"""The audit log in plain words, in the reader's language (issue 16).

An entry is stored as codes (``hours.closure``, ``venue:canteen``) so that it stays exact; an
admin reads "梅 关闭了场馆：社区食堂" instead. An action this module does not know yet is
still shown, by its code, with the generic words ("做了操作").
"""

from __future__ import annotations

import re

from bot.centre import Centre
from bot.i18n import Translator
from bot.services import audit

# Every action recorded in the package (tests/test_roles.py checks the list is complete).
ACTIONS = (
    "role.grant",
    "role.revoke",
    "hours.closure",
    "hours.special",
    "hours.remove",
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
)
_SUBJECT = re.compile(
    r"^(?:(?P<kind>venue|broadcast|event|feedback|year):(?P<value>[\w-]+)"
    r"|course (?P<course>\d+)|(?P<start>\d{4}-\d{2}-\d{2})\.\.(?P<end>\d{4}-\d{2}-\d{2}))$"
)


def action_key(action: str) -> str:
    return "audit-do-" + action.replace(".", "-").replace("_", "-")


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
    return t(f"audit-subject-{kind}", id=value)


def entry_text(t: Translator, centre: Centre, entry: audit.Entry, at: str) -> str:
    """One line: when, who, what they did, to what."""
    key = action_key(entry.action)
    did = t(key) if t.catalog.has(key) else t("audit-do-other", action=entry.action)
    return t(
        "audit-line",
        at=at,
        actor=entry.actor_name,
        action=did,
        subject=subject_text(t, centre, entry.subject),
    )
