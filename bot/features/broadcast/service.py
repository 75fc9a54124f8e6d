"""Announcements to many residents: audiences, topics, quiet hours, delivery control.

A confirmed broadcast is one ``broadcasts`` row, one outbox body per language and one outbox
row per recipient (``source = "broadcast:<id>"``), all written in one transaction by
``INSERT … SELECT`` so that the audience never passes through Python's memory. The outbox
sender then delivers at Telegram's pace; this module pauses (rows → ``held``, out of the
sender's reach), resumes (``held`` → ``pending``), cancels, and reports progress.
"""

from __future__ import annotations

import html
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from html.parser import HTMLParser
from typing import Protocol

from sqlalchemy import Select, exists, func, literal, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.broadcast.models import Broadcast, TopicOptOut
from bot.features.nightschool.common import ENROLLED, OFFERED, PUBLISHED, WAITLISTED
from bot.features.nightschool.courses import course_audience
from bot.features.nightschool.models import Course
from bot.i18n import LANGUAGES, message_keys
from bot.services import audit, outbox
from bot.services.holiday_calendar import HolidayCalendar
from bot.services.text_parts import units
from bot.services.users import Profile
from bot.storage.db import ring_after_commit
from bot.storage.models import OutboxMessage, User
from bot.storage.upsert import insert_ignore
from bot.understanding import staff_input

TOPICS = ("canteen", "health", "nightschool", "events")


class Status(StrEnum):
    """A broadcast's life cycle (``broadcasts.status``)."""

    ACTIVE = "active"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


ACTIVE, PAUSED, CANCELLED, DONE = Status


class Shown(StrEnum):
    """Where a broadcast stands in words: an active one is scheduled or sending."""

    SCHEDULED = "scheduled"
    SENDING = "sending"
    PAUSED = "paused"
    CANCELLED = "cancelled"
    DONE = "done"


TOPIC_TEXTS = message_keys(
    TOPICS,
    {
        "canteen": "topic-canteen",
        "health": "topic-health",
        "nightschool": "topic-nightschool",
        "events": "topic-events",
    },
)
LANGUAGE_TEXTS = message_keys(
    LANGUAGES, {"zh": "broadcast-language-zh", "en": "broadcast-language-en"}
)
HELD = "held"  # an outbox status of ours: a paused broadcast's rows, out of the sender's reach
TEXT_LIMIT = 4096
CAPTION_LIMIT = 1024
SCHEDULE_HORIZON = timedelta(days=90)

Audience = Select[int, int]


class Labeler(Protocol):
    """A catalog key (and its arguments) → its text in the staff member's language."""

    def __call__(self, key: str, /, **args: object) -> str: ...


# -- audiences --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class AudienceSpec:
    """A kind of audience staff can pick.

    ``build(param, urgent)`` returns a select of ``(chat_id, user_id)``; blocked people and
    duplicates are removed by :func:`audience_query`, so a spec only says who qualifies.
    ``options(session, t)`` lists the parameters to offer as ``(param, label)``; ``None``
    means the audience takes no parameter. ``valid`` checks a parameter's form; a pressed
    parameter must also be among the current options (see :func:`offered`), so a forged or
    stale one (a course id that does not exist or was cancelled) is refused.
    """

    label_key: str
    build: Callable[[str | None, bool], Audience]
    options: Callable[[AsyncSession, Labeler], Awaitable[list[tuple[str, str]]]] | None = None
    valid: Callable[[str | None], bool] = field(default=lambda param: param is None)


def _everyone(_param: str | None = None, _urgent: bool = False) -> Audience:
    return select(User.telegram_id.label("chat_id"), User.id.label("user_id"))


def _topic(param: str | None, urgent: bool) -> Audience:
    if urgent:  # urgent announcements reach everyone, whatever they follow
        return _everyone()
    opted_out = exists().where(TopicOptOut.user_id == User.id, TopicOptOut.topic == param)
    return _everyone().where(~opted_out)


def _language(param: str | None, _urgent: bool) -> Audience:
    return _everyone().where(User.language == param)


async def _topic_options(_session: AsyncSession, t: Labeler) -> list[tuple[str, str]]:
    return [(topic, t(TOPIC_TEXTS[topic])) for topic in TOPICS]


async def _language_options(_session: AsyncSession, t: Labeler) -> list[tuple[str, str]]:
    return [(lang, t(LANGUAGE_TEXTS[lang])) for lang in LANGUAGES]


# A course's people: "<course id>-<who>". Someone offered a seat from the waitlist has not
# taken it yet, so they are still among the waitlisted.
COURSE_WHO: dict[str, tuple[str, ...]] = {
    "enrolled": (ENROLLED,),
    "waitlisted": (WAITLISTED, OFFERED),
    "both": (ENROLLED, WAITLISTED, OFFERED),
}
COURSE_WHO_TEXTS = message_keys(
    COURSE_WHO,
    {
        "enrolled": "broadcast-course-enrolled",
        "waitlisted": "broadcast-course-waitlisted",
        "both": "broadcast-course-both",
    },
)
COURSE_PARAM = re.compile(r"([1-9][0-9]{0,8})-(enrolled|waitlisted|both)")
COURSE_CHOICES = 16  # courses offered as buttons (three each), newest first
COURSE_TITLE_CHARS = 40


def _course_param(param: str | None) -> tuple[int, tuple[str, ...]] | None:
    match = COURSE_PARAM.fullmatch(param or "")
    if match is None:
        return None
    return int(match.group(1)), COURSE_WHO[match.group(2)]


def _course(param: str | None, _urgent: bool) -> Audience:
    # Urgent does not widen it: an urgent notice about a course is for that course's people.
    parsed = _course_param(param)
    if parsed is None:
        raise ValueError(f"not a course audience: {param!r}")
    course_id, statuses = parsed
    published = exists().where(Course.id == course_id, Course.status == PUBLISHED)
    return course_audience(course_id, statuses).where(published)


def _short(title: str) -> str:
    return title if len(title) <= COURSE_TITLE_CHARS else title[: COURSE_TITLE_CHARS - 1] + "…"


async def _course_options(session: AsyncSession, t: Labeler) -> list[tuple[str, str]]:
    courses = await session.execute(
        select(Course.id, Course.title_zh, Course.title_en)
        .where(Course.status == PUBLISHED)
        .order_by(Course.id.desc())
        .limit(COURSE_CHOICES)
    )
    return [
        (
            f"{course_id}-{who}",
            t(
                "broadcast-course-option",
                zh=_short(title_zh),
                en=_short(title_en),
                who=t(COURSE_WHO_TEXTS[who]),
            ),
        )
        for course_id, title_zh, title_en in courses
        for who in COURSE_WHO
    ]


AUDIENCES: dict[str, AudienceSpec] = {
    "everyone": AudienceSpec("broadcast-audience-everyone", _everyone),
    "topic": AudienceSpec(
        "broadcast-audience-topic", _topic, _topic_options, lambda param: param in TOPICS
    ),
    "language": AudienceSpec(
        "broadcast-audience-language",
        _language,
        _language_options,
        lambda param: param in LANGUAGES,
    ),
    "course": AudienceSpec(
        "broadcast-audience-course",
        _course,
        _course_options,
        lambda param: _course_param(param) is not None,
    ),
}


async def offered(session: AsyncSession, name: str, param: str, t: Labeler) -> str | None:
    """The label of ``param`` if it is one of the choices the audience offers now."""
    spec = AUDIENCES.get(name)
    if spec is None or spec.options is None or not spec.valid(param):
        return None
    return dict(await spec.options(session, t)).get(param)


def audience_query(name: str, param: str | None, urgent: bool) -> Audience:
    """Who receives it: the spec's people, minus the blocked, each once."""
    spec = AUDIENCES.get(name)
    if spec is None or not spec.valid(param):
        raise ValueError(f"unknown audience {name!r} / {param!r}")
    chosen = spec.build(param, urgent).subquery()
    chat_id, user_id = list(chosen.c)[:2]
    return (
        select(chat_id, user_id)
        .join(User, User.id == user_id)
        .where(User.blocked_at.is_(None))
        .distinct()
    )


async def audience_size(session: AsyncSession, name: str, param: str | None, urgent: bool) -> int:
    """How many people would receive a broadcast now."""
    query = audience_query(name, param, urgent).subquery()
    return int(await session.scalar(select(func.count()).select_from(query)) or 0)


# -- subscriptions ----------------------------------------------------------------------


async def followed_topics(session: AsyncSession, user_id: int) -> set[str]:
    """The topics a resident follows (all of them unless they opted out)."""
    out = set(
        await session.scalars(select(TopicOptOut.topic).where(TopicOptOut.user_id == user_id))
    )
    return {topic for topic in TOPICS if topic not in out}


async def toggle_topic(session: AsyncSession, user_id: int, topic: str, now: datetime) -> bool:
    """Follow or stop following ``topic``; returns whether it is followed now."""
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}")
    removed = await session.execute(
        TopicOptOut.__table__.delete().where(  # type: ignore[attr-defined]
            TopicOptOut.user_id == user_id, TopicOptOut.topic == topic
        )
    )
    if getattr(removed, "rowcount", 0):
        return True
    await insert_ignore(
        session,
        TopicOptOut.__table__,  # type: ignore[arg-type]
        {"user_id": user_id, "topic": topic, "created_at": now},
        ["user_id", "topic"],
    )
    return False


async def follow_topic(session: AsyncSession, user_id: int, topic: str) -> None:
    """Follow ``topic`` (a poster's "subscribe" link): pressing it twice changes nothing."""
    if topic not in TOPICS:
        raise ValueError(f"unknown topic {topic!r}")
    await session.execute(
        TopicOptOut.__table__.delete().where(  # type: ignore[attr-defined]
            TopicOptOut.user_id == user_id, TopicOptOut.topic == topic
        )
    )


# -- texts ------------------------------------------------------------------------------

_ALLOWED_TAGS: dict[str, set[str]] = {
    "b": set(),
    "strong": set(),
    "i": set(),
    "em": set(),
    "u": set(),
    "ins": set(),
    "s": set(),
    "strike": set(),
    "del": set(),
    "tg-spoiler": set(),
    "span": {"class"},
    "a": {"href"},
    "code": {"class"},
    "pre": set(),
    "blockquote": {"expandable"},
    "tg-emoji": {"emoji-id"},
}


class _TelegramHtml(HTMLParser):
    """Checks Telegram's HTML subset and measures the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.stack: list[str] = []
        self.visible: list[str] = []
        self.problem: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        allowed = _ALLOWED_TAGS.get(tag)
        if allowed is None or any(name not in allowed for name, _ in attrs):
            self.problem = self.problem or f"<{tag}>"
            return
        if tag == "span" and dict(attrs).get("class") != "tg-spoiler":
            self.problem = self.problem or "<span>"
            return
        self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.problem = self.problem or f"<{tag}/>"

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.problem = self.problem or f"</{tag}>"
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if "<" in data:  # Telegram wants a literal "<" written as &lt;
            self.problem = self.problem or "<"
        self.visible.append(data)

    def handle_entityref(self, name: str) -> None:
        self.visible.append(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self.visible.append(html.unescape(f"&#{name};"))


@dataclass(frozen=True, slots=True)
class TextCheck:
    """The verdict on a staff member's HTML: ``problem`` is a catalog key, or ``None``."""

    problem: str | None
    length: int
    detail: str = ""


def check_html(text: str, *, caption: bool = False) -> TextCheck:
    """Whether Telegram will accept ``text`` as HTML, and within its length limit."""
    parser = _TelegramHtml()
    try:
        parser.feed(text)
        parser.close()
    except Exception:  # HTMLParser rarely raises, but never let a typo crash a handler
        return TextCheck("broadcast-html-invalid", 0, "?")
    visible = "".join(parser.visible)
    length = units(visible)
    if parser.problem is not None or parser.stack:
        detail = parser.problem or f"<{parser.stack[-1]}>"
        return TextCheck("broadcast-html-invalid", length, detail)
    if not visible.strip():
        return TextCheck("broadcast-text-empty", 0)
    limit = CAPTION_LIMIT if caption else TEXT_LIMIT
    if length > limit:
        return TextCheck("broadcast-text-too-long", length, str(limit))
    return TextCheck(None, length)


def plain_to_html(text: str) -> str:
    """A text without markup, escaped so that ``<`` or ``&`` show as typed."""
    return html.escape(text, quote=False)


# -- time -------------------------------------------------------------------------------


def in_quiet_hours(local: time, start: time, end: time) -> bool:
    """Whether a local time of day falls in the quiet hours (which may wrap midnight)."""
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def after_quiet_hours(when: datetime, zone: tzinfo, start: time, end: time) -> datetime:
    """``when`` itself, or the end of the quiet hours it falls in (aware UTC either way)."""
    local = when.astimezone(zone)
    if not in_quiet_hours(local.timetz().replace(tzinfo=None), start, end):
        return when
    day: date = local.date()
    if local.time() >= end:  # evening part of a window that wraps midnight
        day += timedelta(days=1)
    return datetime.combine(day, end, tzinfo=zone).astimezone(UTC)


class WhenProblem(StrEnum):
    """Why a typed sending time was not taken (catalog keys in ``compose``)."""

    UNREAD = "unread"  # no clock time found ("明天" alone, "soon")
    PAST = "past"
    TOO_FAR = "too-far"  # beyond SCHEDULE_HORIZON


def parse_when(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> datetime | WhenProblem:
    """When to send, in the centre's zone, as aware UTC: "2026-03-05 09:00", "明天上午9点",
    "周五下午3点", "tomorrow 9am" (a time alone is today). A day needs its time: midnight is
    never what staff mean. Past times and those beyond the horizon are refused."""
    found = staff_input.find_clock(text)
    if found is None:
        return WhenProblem.UNREAD
    start, end = found[1]
    rest = (text[:start] + text[end:]).strip(" \t,，.。")
    if rest and staff_input.find_date(text, now.astimezone(zone).date(), calendar) is None:
        return WhenProblem.UNREAD  # "2026-13-01 09:00": never today at 09:00
    when = staff_input.parse_moment(text, now, zone, calendar, end_of_day=False)
    if when is None:
        return WhenProblem.UNREAD
    if when <= now:
        return WhenProblem.PAST
    if when > now + SCHEDULE_HORIZON:
        return WhenProblem.TOO_FAR
    return when


# -- broadcasts -------------------------------------------------------------------------


def source_of(broadcast_id: int) -> str:
    """The outbox ``source`` of a broadcast's messages."""
    return f"broadcast:{broadcast_id}"


@dataclass(frozen=True, slots=True)
class Draft:
    """What a staff member composed, before confirmation."""

    text_zh: str
    text_en: str | None = None
    photo_file_id: str | None = None
    audience: str = "everyone"
    audience_param: str | None = None
    urgent: bool = False
    when: datetime | None = None  # None: now
    valid_until: datetime | None = None  # None: never expires


@dataclass(frozen=True, slots=True)
class Created:
    id: int
    total: int
    not_before: datetime


def suggested_valid_until(
    draft: Draft, now: datetime, start: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> datetime | None:
    """A time-bound message ("明天（12月1日）食堂停业") is worth receiving until the end of the
    last day it names ("明天" read on the day it was written); ``None`` when it names no day
    from its start on."""
    today, first = now.astimezone(zone).date(), start.astimezone(zone).date()
    days = [
        day
        for text in (draft.text_zh, draft.text_en or "")
        for day in [staff_input.find_date(part, today, calendar) for part in _sentences(text)]
        if day is not None and day >= first
    ]
    return staff_input.end_of(max(days), zone).astimezone(UTC) if days else None


def _sentences(text: str) -> list[str]:
    return [part for part in re.split(r"[。！？!?\n；;]", text) if part.strip()][:20]


def parse_valid_until(
    text: str, start: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> datetime | None:
    """Staff's "valid until" in words ("12月1日", "明天 18:00", "tomorrow 6pm"); ``None`` when
    not understood or not after the start (a message must have some time to be delivered)."""
    when = staff_input.parse_moment(text, start, zone, calendar, end_of_day=True)
    if when is None or when <= start or when > start + SCHEDULE_HORIZON:
        return None
    return when


def start_time(draft: Draft, now: datetime, zone: tzinfo, quiet: tuple[time, time]) -> datetime:
    """When delivery begins: the chosen time, moved past the quiet hours unless urgent."""
    when = draft.when or now
    return when if draft.urgent else after_quiet_hours(when, zone, *quiet)


# Over 60 lines on purpose: one transaction, in order: broadcast row, one body per language, the
# audience's rows, the audit entry; apart they could be half-done.
async def create(
    session: AsyncSession,
    draft: Draft,
    author: Profile,
    now: datetime,
    zone: tzinfo,
    quiet: tuple[time, time],
    progress_chat_id: int | None = None,
) -> Created:
    """Store the broadcast, its bodies and one outbox row per recipient, and audit it."""
    not_before = start_time(draft, now, zone, quiet)
    row = Broadcast(
        author_id=author.id,
        author_name=author.first_name,
        text_zh=draft.text_zh,
        text_en=draft.text_en,
        photo_file_id=draft.photo_file_id,
        audience=draft.audience,
        audience_param=draft.audience_param,
        urgent=draft.urgent,
        status=ACTIVE,
        total=0,
        not_before=not_before,
        valid_until=draft.valid_until,
        created_at=now,
        progress_chat_id=progress_chat_id,
    )
    session.add(row)
    await session.flush()
    source = source_of(row.id)
    total = 0
    if draft.text_en:  # English speakers get the English version, everyone else Chinese
        versions = [
            (draft.text_zh, User.language != "en"),
            (draft.text_en, User.language == "en"),
        ]
    else:
        versions = [(draft.text_zh, None)]  # type: ignore[list-item]  # None: no filter
    for text, who in versions:
        body_id = await outbox.create_body(session, text, now)
        if draft.photo_file_id:
            await outbox.remember_photo(session, body_id, draft.photo_file_id)
        recipients = audience_query(draft.audience, draft.audience_param, draft.urgent)
        if who is not None:
            recipients = recipients.where(who)
        total += await outbox.enqueue_audience(
            session,
            body_id,
            recipients,
            source=source,
            now=now,
            priority=outbox.PRIORITY_BROADCAST,
            not_before=not_before,
            expires_at=draft.valid_until,
        )
    row.total = total
    await audit.record(
        session,
        actor_id=author.id,
        actor_name=author.first_name,
        action="broadcast.create",
        subject=source,
        now=now,
        details={
            "audience": draft.audience,
            "param": draft.audience_param,
            "urgent": draft.urgent,
            "recipients": total,
            "not_before": not_before.isoformat(),
            "valid_until": draft.valid_until.isoformat() if draft.valid_until else None,
            "text": draft.text_zh[:200],
        },
    )
    return Created(row.id, total, not_before)


@dataclass(frozen=True, slots=True)
class Progress:
    """Where a broadcast stands."""

    id: int
    status: str
    total: int
    sent: int
    failed: int
    blocked: int
    remaining: int
    cancelled: int
    not_before: datetime
    created_at: datetime
    author_name: str
    progress_chat_id: int | None
    progress_message_id: int | None
    progress_text: str | None
    expired: int = 0
    valid_until: datetime | None = None

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.blocked


async def progress(session: AsyncSession, broadcast_id: int) -> Progress | None:
    """Figures of one broadcast, counted from its outbox rows."""
    row = await session.get(Broadcast, broadcast_id)
    if row is None:
        return None
    # Tallies kept as messages reach a final status: a few rows, however large the audience.
    counts = await outbox.tallies(session, source_of(broadcast_id))
    sent = counts.get(outbox.SENT, 0)
    failed = counts.get(outbox.FAILED, 0)
    expired = counts.get(outbox.EXPIRED, 0)
    blocked = counts.get(outbox.BLOCKED, 0)
    cancelled = counts.get(outbox.CANCELLED, 0)
    remaining = max(0, row.total - sent - failed - expired - blocked - cancelled)
    return Progress(
        id=row.id,
        status=row.status,
        total=row.total,
        sent=sent,
        failed=failed,
        blocked=blocked,
        # Rows of a forgotten resident are deleted, not tallied: a finished broadcast has none.
        remaining=0 if row.status in (DONE, CANCELLED) else remaining,
        cancelled=cancelled,
        not_before=row.not_before,
        created_at=row.created_at,
        author_name=row.author_name,
        progress_chat_id=row.progress_chat_id,
        progress_message_id=row.progress_message_id,
        progress_text=row.progress_text,
        expired=expired,
        valid_until=row.valid_until,
    )


def shown_status(figures: Progress, now: datetime) -> Shown:
    """The true word for where a broadcast stands: scheduled, sending, paused, cancelled, done.

    An active broadcast whose time has not come and that sent nothing yet is *scheduled*, not
    "sending". One with nothing left (every message sent, failed, blocked, expired or
    withdrawn) is *done*, even before the progress job has written it so: the row turns
    ``done`` only on the job's next tick, and /broadcasts must not say "sending" meanwhile."""
    if figures.status == ACTIVE:
        if figures.remaining == 0 and figures.total > 0:
            return Shown.DONE
        scheduled = figures.not_before > now and figures.done == 0
        return Shown.SCHEDULED if scheduled else Shown.SENDING
    return Shown(figures.status)


def is_overdue(figures: Progress, now: datetime) -> bool:
    """An unfinished broadcast whose "valid until" has passed: what is left must not go."""
    return (
        figures.valid_until is not None
        and figures.valid_until <= now
        and figures.status in (ACTIVE, PAUSED)
    )


async def expire_overdue(session: AsyncSession, broadcast_id: int, now: datetime) -> int:
    """Past its "valid until", a broadcast's pending and held messages expire (never sent), and
    the broadcast is done once none is in flight, even if it was paused. How many expired."""
    row = await session.get(Broadcast, broadcast_id)
    if row is None or row.valid_until is None or row.valid_until > now:
        return 0
    if row.status not in (ACTIVE, PAUSED):
        return 0
    source = source_of(broadcast_id)
    result = await session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.source == source,
            OutboxMessage.status.in_((outbox.PENDING, HELD)),
        )
        .values(status=outbox.EXPIRED, error="expired before it could be sent")
    )
    expired = int(getattr(result, "rowcount", 0) or 0)
    await outbox.add_tallies(session, {(source, outbox.EXPIRED): expired})
    in_flight = select(OutboxMessage.id).where(
        OutboxMessage.source == source, OutboxMessage.status == outbox.SENDING
    )
    if not await session.scalar(select(in_flight.exists())):
        await _change_status(session, broadcast_id, (ACTIVE, PAUSED), DONE, now)
    return expired


async def set_progress_message(
    session: AsyncSession, broadcast_id: int, chat_id: int, message_id: int
) -> None:
    """Remember which message shows the live progress (it survives a restart)."""
    await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id)
        .values(progress_chat_id=chat_id, progress_message_id=message_id)
    )


async def remember_progress_text(session: AsyncSession, broadcast_id: int, text: str) -> None:
    """What the progress message shows now (no edit is made to show the same again)."""
    await session.execute(
        update(Broadcast).where(Broadcast.id == broadcast_id).values(progress_text=text)
    )


async def unfinished(session: AsyncSession) -> list[int]:
    """Broadcasts being sent, waiting for their time, or paused."""
    rows = await session.scalars(
        select(Broadcast.id).where(Broadcast.status.in_((ACTIVE, PAUSED))).order_by(Broadcast.id)
    )
    return list(rows)


async def finish_if_done(session: AsyncSession, broadcast_id: int, now: datetime) -> bool:
    """Mark an active or paused broadcast done once none of its messages is left to send.

    Paused too: a pause that held nothing (everything was sent or in flight) would otherwise
    read "paused" forever, with nothing left that a resume could send."""
    left = select(OutboxMessage.id).where(
        OutboxMessage.source == source_of(broadcast_id),
        OutboxMessage.status.in_((outbox.PENDING, outbox.SENDING, HELD)),
    )
    if await session.scalar(select(left.exists())):  # one index probe, not a count
        return False
    result = await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status.in_((ACTIVE, PAUSED)))
        .values(status=DONE, finished_at=now)
        .returning(Broadcast.id)
    )
    return result.first() is not None


async def _change_status(
    session: AsyncSession, broadcast_id: int, before: tuple[str, ...], after: str, now: datetime
) -> bool:
    values: dict[str, object] = {"status": after}
    if after in (CANCELLED, DONE):
        values["finished_at"] = now
    result = await session.execute(
        update(Broadcast)
        .where(Broadcast.id == broadcast_id, Broadcast.status.in_(before))
        .values(values)
        .returning(Broadcast.id)
    )
    return result.first() is not None


async def _move(session: AsyncSession, broadcast_id: int, before: str, after: str) -> int:
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.source == source_of(broadcast_id), OutboxMessage.status == before)
        .values(status=after)
    )
    return int(getattr(result, "rowcount", 0) or 0)


async def _audit(
    session: AsyncSession, actor: Profile, action: str, broadcast_id: int, now: datetime, n: int
) -> None:
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action=action,
        subject=source_of(broadcast_id),
        now=now,
        details={"messages": n},
    )


async def pause(session: AsyncSession, broadcast_id: int, actor: Profile, now: datetime) -> bool:
    """Stop sending: the messages not yet sent are held (those in flight still go).

    A broadcast with nothing left is finished first, and is not paused."""
    if await finish_if_done(session, broadcast_id, now):
        return False
    if not await _change_status(session, broadcast_id, (ACTIVE,), PAUSED, now):
        return False
    moved = await _move(session, broadcast_id, outbox.PENDING, HELD)
    await _audit(session, actor, "broadcast.pause", broadcast_id, now, moved)
    return True


async def hold_stragglers(session: AsyncSession, broadcast_id: int) -> int:
    """Hold again messages that came back to pending while paused (a 429 or a retry in flight)."""
    paused = await session.scalar(
        select(literal(1)).where(Broadcast.id == broadcast_id, Broadcast.status == PAUSED)
    )
    return await _move(session, broadcast_id, outbox.PENDING, HELD) if paused else 0


async def resume(session: AsyncSession, broadcast_id: int, actor: Profile, now: datetime) -> bool:
    """Send the held messages again."""
    if not await _change_status(session, broadcast_id, (PAUSED,), ACTIVE, now):
        return False
    moved = await _move(session, broadcast_id, HELD, outbox.PENDING)
    await expire_overdue(session, broadcast_id, now)  # past its "valid until": none may go
    ring_after_commit(session)  # the held rows are due again: wake the sender after commit
    await _audit(session, actor, "broadcast.resume", broadcast_id, now, moved)
    return True


async def cancel(session: AsyncSession, broadcast_id: int, actor: Profile, now: datetime) -> bool:
    """Withdraw every message not yet sent, whether pending or held (none left: finished)."""
    if await finish_if_done(session, broadcast_id, now):
        return False
    if not await _change_status(session, broadcast_id, (ACTIVE, PAUSED), CANCELLED, now):
        return False
    moved = await outbox.cancel(session, source=source_of(broadcast_id))
    held = await _move(session, broadcast_id, HELD, outbox.CANCELLED)
    await outbox.add_tallies(session, {(source_of(broadcast_id), outbox.CANCELLED): held})
    moved += held
    await _audit(session, actor, "broadcast.cancel", broadcast_id, now, moved)
    return True


async def is_done(session: AsyncSession, broadcast_id: int) -> bool:
    """Whether the broadcast has finished sending (a press on its old buttons is answered so)."""
    status = await session.scalar(select(Broadcast.status).where(Broadcast.id == broadcast_id))
    return status == DONE


async def recent(session: AsyncSession, limit: int = 10) -> list[Progress]:
    """The newest broadcasts with their figures."""
    ids = list(
        await session.scalars(
            select(Broadcast.id)
            .order_by(Broadcast.created_at.desc(), Broadcast.id.desc())
            .limit(limit)
        )
    )
    found = [await progress(session, broadcast_id) for broadcast_id in ids]
    return [item for item in found if item is not None]


async def draft_of(session: AsyncSession, broadcast_id: int) -> Draft | None:
    """The composed content of a stored broadcast (for its report)."""
    row = await session.get(Broadcast, broadcast_id)
    if row is None:
        return None
    return Draft(
        text_zh=row.text_zh,
        text_en=row.text_en,
        photo_file_id=row.photo_file_id,
        audience=row.audience,
        audience_param=row.audience_param,
        urgent=row.urgent,
        when=row.not_before,
        valid_until=row.valid_until,
    )
