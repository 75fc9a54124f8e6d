"""Reminders derived from the database: who is expected where, and when to tell them.

Nothing here is an in-memory timer. A repeating job calls :meth:`Reminders.enqueue_due_reminders`,
which asks every :class:`ReminderSource` (events now, class sessions when the night school lands)
for the people expected at items starting soon, works out which of their lead times are due,
and writes each due reminder to the outbox under a unique dedupe key::

    rem:<kind>:<item id>:<user id>:<lead>:<start epoch>

The key makes a reminder exactly-once across restarts and across instances sharing one
PostgreSQL database: rows are written with ``INSERT … ON CONFLICT (dedupe_key) DO NOTHING``,
so the loser of a race skips the row instead of failing. The start epoch in the key means a
moved item gets fresh reminders, while the pending ones of the old time are cancelled by the
change itself (:func:`cancel_pending`). ``expires_at`` is the start, so a reminder held up
past the start is never sent.

Adding a source (e.g. class sessions) is a subclass of :class:`SimpleSource` with ``kind``,
``attendances`` and ``cant_come``, passed to :meth:`Reminders.register`.
"""

from __future__ import annotations

import enum
import json
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import dates
from bot.callbacks import Callback, callback
from bot.centre import Centre
from bot.i18n import Catalog, message_keys
from bot.services import outbox, privacy
from bot.services.hours import HoursBook
from bot.storage.models import OutboxBody, OutboxMessage, ReminderPreference, ReminderScan, User
from bot.storage.upsert import insert_for, insert_ignore

log = logging.getLogger(__name__)

EVENING = "eve"
# The choices offered by /reminders, in the order shown: the evening before, then minutes.
LEAD_CHOICES: tuple[str, ...] = (EVENING, "1440", "180", "60", "30")
# What each lead is called inside a reminder ("tomorrow", "in an hour").
LEAD_TEXTS = message_keys(
    LEAD_CHOICES,
    {
        EVENING: "reminder-lead-eve",
        "1440": "reminder-lead-1440",
        "180": "reminder-lead-180",
        "60": "reminder-lead-60",
        "30": "reminder-lead-30",
    },
)
_KIND = re.compile(r"[a-z_]{1,16}")
DEFAULT_LEADS: tuple[str, ...] = (EVENING, "60")
# Items are looked at this far ahead; it covers the longest lead ("eve" is at most ~29 hours).
LOOKAHEAD = timedelta(hours=48)
# A reminder going out this long after its moment is logged as late.
LATE_AFTER = timedelta(minutes=2)
# A late reminder's lead is reworded by the real day ("today"): at once for the leads said in
# days, after this long for those said in minutes ("in 1 hour" five minutes late still holds).
_DAY_LEADS = frozenset({EVENING, "1440"})
_MINUTES_HOLD_FOR = timedelta(minutes=15)
_CHUNK = 2000
_INSERT_CHUNK = 500


@callback("reminders:cant")
class CantComeButton(Callback):
    """ "I can't come" under a reminder: which source, which item, which moment."""

    kind: str
    item_id: int
    epoch: int

    def __post_init__(self) -> None:
        if not _KIND.fullmatch(self.kind):
            raise ValueError(self.kind)


@callback("reminders:uncant")
class UndoCantCome(Callback):
    """ "Undo" under a reminder whose "I can't come" was just pressed (for ten minutes)."""

    kind: str
    item_id: int
    epoch: int

    def __post_init__(self) -> None:
        if not _KIND.fullmatch(self.kind):
            raise ValueError(self.kind)


class CantCome(enum.Enum):
    """What pressing "I can't come" did."""

    DONE = "done"  # absence recorded for this one time; the place is kept
    WITHDRAWN = "withdrawn"  # the sign-up itself is cancelled and the seat freed
    NOT_EXPECTED = "not-expected"  # they were not (or no longer) signed up
    STALE = "stale"  # the item moved, was cancelled or has started


class UndoCantComeOutcome(enum.Enum):
    """What pressing "undo" after "I can't come" did."""

    UNDONE = "undone"  # expected again, as before
    EXPIRED = "expired"  # the ten minutes have passed (or nothing to undo)
    SEAT_GONE = "seat-gone"  # the freed seat has gone to someone else
    STALE = "stale"  # the item moved, was cancelled or has started


@dataclass(frozen=True, slots=True)
class Attendance:
    """One person expected at one item (an event, a class session)."""

    item_id: int
    user_id: int
    starts_at: datetime
    title_zh: str
    title_en: str
    venue_id: str
    # When this person's place began; a reminder whose moment came earlier is not sent.
    since: datetime | None = None
    ends_at: datetime | None = None  # when the item ends, if its source says

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


class ReminderSource(ABC):
    """What the reminder job needs from a kind of item. See :class:`SimpleSource`."""

    kind: str = ""

    @abstractmethod
    async def attendances(
        self, session: AsyncSession, window_start: datetime, window_end: datetime
    ) -> Sequence[Attendance]:
        """Everyone expected at items starting in ``(window_start, window_end]``."""
        ...

    @abstractmethod
    async def confirm(
        self, session: AsyncSession, wanted: Sequence[Attendance]
    ) -> set[tuple[int, int, datetime]]:
        """Which of ``wanted`` still hold, as ``(item_id, user_id, starts_at)``, checked inside
        the writing transaction (and on PostgreSQL locked against a concurrent withdrawal)."""
        ...

    @abstractmethod
    async def cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> CantCome:
        """The person says they cannot come to the item starting at ``starts_at``."""
        ...

    @abstractmethod
    async def undo_cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> UndoCantComeOutcome:
        """Take back an "I can't come" pressed less than ten minutes ago
        (:data:`bot.services.second_chance.UNDO_WINDOW`)."""
        ...

    def note(self, attendance: Attendance, book: HoursBook) -> str | None:
        """A catalog key to say under the reminder (the venue is closed that day), or
        ``None``; ``book`` is the centre's calendar as it stands now."""
        return None


class SimpleSource(ReminderSource):
    """A source whose ``confirm`` re-reads ``attendances`` inside the writing transaction.

    A class-session source is ``kind``, ``attendances`` and ``cant_come``, about 20 lines.
    """

    async def confirm(
        self, session: AsyncSession, wanted: Sequence[Attendance]
    ) -> set[tuple[int, int, datetime]]:
        if not wanted:
            return set()
        first = min(a.starts_at for a in wanted) - timedelta(microseconds=1)
        last = max(a.starts_at for a in wanted)
        current = await self.attendances(session, first, last)
        return {(a.item_id, a.user_id, a.starts_at) for a in current}


def dedupe_prefix(kind: str, item_id: int, user_id: int | None = None) -> str:
    """The key prefix of an item's reminders (for one person, or everyone)."""
    return f"rem:{kind}:{item_id}:" + ("" if user_id is None else f"{user_id}:")


def dedupe_key(kind: str, item_id: int, user_id: int, lead: str, starts_at: datetime) -> str:
    return f"{dedupe_prefix(kind, item_id, user_id)}{lead}:{int(starts_at.timestamp())}"


async def cancel_pending(
    session: AsyncSession, kind: str, item_id: int, user_id: int | None = None
) -> int:
    """Withdraw reminders not yet sent (withdrawal, cancellation, a move), in the caller's
    transaction, and free their keys so that signing up again brings reminders back."""
    prefix = dedupe_prefix(kind, item_id, user_id)
    cancelled = await outbox.cancel(session, dedupe_prefix=prefix)
    if cancelled:
        await session.execute(
            update(OutboxMessage)
            .where(
                OutboxMessage.status == outbox.CANCELLED,
                OutboxMessage.dedupe_key.startswith(prefix, autoescape=True),
            )
            .values(dedupe_key=None)
        )
    return cancelled


def from_epoch(epoch: int) -> datetime:
    """The start time carried in a reminder's button."""
    return datetime.fromtimestamp(epoch, UTC)


def parse_leads(text: str | None, defaults: Sequence[str] = DEFAULT_LEADS) -> tuple[str, ...]:
    """Stored lead codes to a tuple (unknown codes are dropped); ``None`` means the defaults."""
    if text is None:
        return tuple(defaults)
    return tuple(code for code in LEAD_CHOICES if code in set(text.split(",")))


def moment_of(lead: str, starts_at: datetime, zone: tzinfo, evening_hour: int) -> datetime:
    """When the reminder of ``lead`` is due for an item starting at ``starts_at``."""
    if lead == EVENING:
        day_before = starts_at.astimezone(zone).date() - timedelta(days=1)
        return datetime.combine(day_before, time(evening_hour), zone).astimezone(starts_at.tzinfo)
    return starts_at - timedelta(minutes=int(lead))


async def preferences(session: AsyncSession, user_id: int) -> str | None:
    """A resident's stored lead codes, or ``None`` when they never chose (the defaults)."""
    return await session.scalar(
        select(ReminderPreference.leads).where(ReminderPreference.user_id == user_id)
    )


async def set_preferences(
    session: AsyncSession, user_id: int, leads: Iterable[str], now: datetime
) -> tuple[str, ...]:
    """Store a resident's lead times (empty: reminders off); returns what was stored."""
    chosen = tuple(code for code in LEAD_CHOICES if code in set(leads))
    encoded = ",".join(chosen)
    await insert_ignore(
        session,
        ReminderPreference.__table__,  # type: ignore[arg-type]
        {"user_id": user_id, "leads": encoded, "updated_at": now},
        ["user_id"],
    )
    await session.execute(
        update(ReminderPreference)
        .where(ReminderPreference.user_id == user_id)
        .values(leads=encoded, updated_at=now)
    )
    return chosen


@dataclass(frozen=True, slots=True)
class _Recipient:
    chat_id: int
    language: str
    leads: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Due:
    """One reminder that should be in the outbox now."""

    kind: str
    attendance: Attendance
    lead: str
    moment: datetime
    key: str


@dataclass
class TickReport:
    """What one run of the job did."""

    due: int = 0
    enqueued: int = 0
    late: int = 0
    missed: list[str] = field(default_factory=list)


@dataclass
class Reminders:
    """The reminder planner: sources, texts and the centre's settings."""

    catalog: Catalog
    centre: Centre
    evening_hour: int = 19
    default_leads: tuple[str, ...] = DEFAULT_LEADS
    sources: dict[str, ReminderSource] = field(default_factory=dict)
    # The centre's calendar from a day on (closures, holidays), for the sources' notes.
    hours: Callable[[date], Awaitable[HoursBook]] | None = None

    def register(self, source: ReminderSource) -> None:
        if not source.kind or ":" in source.kind or len(source.kind) > 16:
            raise ValueError(f"bad reminder source kind {source.kind!r}")
        self.sources[source.kind] = source

    @property
    def zone(self) -> tzinfo:
        return self.centre.zone

    # -- finding what is due ------------------------------------------------------------

    async def _recipients(
        self, session: AsyncSession, user_ids: Iterable[int]
    ) -> dict[int, _Recipient]:
        found: dict[int, _Recipient] = {}
        ids = sorted(set(user_ids))
        for start in range(0, len(ids), _CHUNK):
            rows = await session.execute(
                select(User.id, User.telegram_id, User.language, ReminderPreference.leads)
                .outerjoin(ReminderPreference, ReminderPreference.user_id == User.id)
                .where(User.id.in_(ids[start : start + _CHUNK]), User.blocked_at.is_(None))
            )
            for user_id, telegram_id, language, leads in rows:
                found[user_id] = _Recipient(
                    telegram_id, language, parse_leads(leads, self.default_leads)
                )
        return found

    def _due(
        self,
        kind: str,
        attendances: Sequence[Attendance],
        people: dict[int, _Recipient],
        *,
        not_after: datetime,
    ) -> list[Due]:
        due: list[Due] = []
        for attendance in attendances:
            person = people.get(attendance.user_id)
            if person is None:
                continue
            for lead in person.leads:
                moment = moment_of(lead, attendance.starts_at, self.zone, self.evening_hour)
                if moment > not_after or moment >= attendance.starts_at:
                    continue
                if attendance.since is not None and attendance.since > moment:
                    continue  # signed up after this reminder's moment: no point reminding
                key = dedupe_key(
                    kind, attendance.item_id, attendance.user_id, lead, attendance.starts_at
                )
                due.append(Due(kind, attendance, lead, moment, key))
        return due

    @staticmethod
    async def _existing(session: AsyncSession, keys: Sequence[str]) -> dict[str, str]:
        """Status of the outbox rows already holding any of ``keys``."""
        found: dict[str, str] = {}
        for start in range(0, len(keys), _CHUNK):
            rows = await session.execute(
                select(OutboxMessage.dedupe_key, OutboxMessage.status).where(
                    OutboxMessage.dedupe_key.in_(keys[start : start + _CHUNK])
                )
            )
            found.update({key: status for key, status in rows if key is not None})
        return found

    async def find_due(self, session: AsyncSession, now: datetime) -> list[Due]:
        """Reminders due now (moment ≤ now < start) and not yet in the outbox."""
        pending: list[Due] = []
        for kind, source in sorted(self.sources.items()):
            attendances = await source.attendances(session, now, now + LOOKAHEAD)
            people = await self._recipients(session, (a.user_id for a in attendances))
            due = _nearest_only(self._due(kind, attendances, people, not_after=now))
            existing = await self._existing(session, [d.key for d in due])
            pending += [d for d in due if d.key not in existing]
        return pending

    # -- writing them -------------------------------------------------------------------

    def render(
        self, due: Due, language: str, now: datetime, book: HoursBook | None = None
    ) -> tuple[str, list[list[outbox.Button]]]:
        """The reminder's text and its "I can't come" button, in ``language``. Written at
        ``now``: a reminder going out late (after downtime) says when the item really is;
        with ``book``, the source's note under it (the venue is closed that day)."""
        t = self.catalog.translator(language)
        attendance = due.attendance
        local = attendance.starts_at.astimezone(self.zone)
        venue = self.centre.venue(attendance.venue_id)
        lead = LEAD_TEXTS[due.lead]
        if now - due.moment > (LATE_AFTER if due.lead in _DAY_LEADS else _MINUTES_HOLD_FOR):
            lead = _lead_by_day(now.astimezone(self.zone), local) or lead
        text = t(
            "reminder-text",
            lead=t(lead),
            title=attendance.title(language),
            when=dates.day_and_time(local, self.zone, language),
            venue=venue.name.get(language) if venue else attendance.venue_id,
        )
        source = self.sources.get(due.kind)
        note = source.note(attendance, book) if source is not None and book is not None else None
        if note is not None:
            text += "\n" + t(note)
        epoch = int(attendance.starts_at.timestamp())
        data = CantComeButton(due.kind, attendance.item_id, epoch)
        return text, [[outbox.Button(t("reminder-cant-come"), data=data)]]

    async def enqueue_due_reminders(self, session: AsyncSession, now: datetime) -> TickReport:
        """Write every reminder due at ``now`` to the outbox (once), and log those missed."""
        report = TickReport()
        due = await self.find_due(session, now)
        report.due = len(due)
        if due:
            people = await self._recipients(session, {d.attendance.user_id for d in due})
            ready: list[tuple[Due, _Recipient]] = []
            for kind in sorted({d.kind for d in due}):
                of_kind = [d for d in due if d.kind == kind]
                holding = await self.sources[kind].confirm(session, [d.attendance for d in of_kind])
                for item in of_kind:
                    a = item.attendance
                    person = people.get(a.user_id)
                    if person is not None and (a.item_id, a.user_id, a.starts_at) in holding:
                        ready.append((item, person))
            # One order for every instance, so racing inserts cannot deadlock.
            ready.sort(key=lambda pair: pair[0].key)
            for start in range(0, len(ready), _INSERT_CHUNK):
                for item in await self._enqueue_many(
                    session, ready[start : start + _INSERT_CHUNK], now
                ):
                    report.enqueued += 1
                    if now - item.moment > LATE_AFTER:
                        report.late += 1
                        log.info(
                            "reminder %s is late by %s (downtime?); sent before the start",
                            item.key,
                            now - item.moment,
                        )
        for kind in sorted(self.sources):
            report.missed += await self._missed(session, kind, now)
        return report

    async def _enqueue_many(
        self, session: AsyncSession, batch: Sequence[tuple[Due, _Recipient]], now: datetime
    ) -> list[Due]:
        """Write a batch to the outbox with insert-ignore on the dedupe key; returns those
        written. The loser of a race between instances skips the row instead of failing (a
        plain INSERT would abort the whole transaction on PostgreSQL)."""
        if not batch:
            return []
        book = await self.hours(now.astimezone(self.zone).date()) if self.hours else None
        bodies = []
        for item, person in batch:
            text, buttons = self.render(item, person.language, now, book)
            encoded = json.dumps([[b.as_dict() for b in row] for row in buttons])
            bodies.append({"text": text, "buttons": encoded, "created_at": now})
        body_ids = list(
            await session.scalars(
                insert(OutboxBody).returning(OutboxBody.id, sort_by_parameter_order=True),
                bodies,
            )
        )
        rows = [
            {
                "body_id": body_id,
                "chat_id": person.chat_id,
                "user_id": item.attendance.user_id,
                "priority": outbox.PRIORITY_REMINDER,
                "status": outbox.PENDING,
                "source": f"reminder:{item.kind}:{item.attendance.item_id}"[:64],
                "dedupe_key": item.key,
                "not_before": now,
                "expires_at": item.attendance.starts_at,
                "attempts": 0,
                "created_at": now,
            }
            for body_id, (item, person) in zip(body_ids, batch, strict=True)
        ]
        statement = (
            insert_for(session, OutboxMessage.__table__)  # type: ignore[arg-type]
            .values(rows)
            .on_conflict_do_nothing(index_elements=["dedupe_key"])
            .returning(OutboxMessage.body_id)
        )
        written = set(await session.scalars(statement))
        unused = [body_id for body_id in body_ids if body_id not in written]
        if unused:
            await session.execute(delete(OutboxBody).where(OutboxBody.id.in_(unused)))
        return [
            item for body_id, (item, _) in zip(body_ids, batch, strict=True) if body_id in written
        ]

    async def _missed(self, session: AsyncSession, kind: str, now: datetime) -> list[str]:
        """Log reminders of items that started since the last look without them going out."""
        previous = await session.scalar(
            select(ReminderScan.scanned_until).where(ReminderScan.kind == kind)
        )
        if previous is None:
            await insert_ignore(
                session,
                ReminderScan.__table__,  # type: ignore[arg-type]
                {"kind": kind, "scanned_until": now},
                ["kind"],
            )
            return []
        if previous >= now:
            return []
        claimed = await session.execute(
            update(ReminderScan)
            .where(ReminderScan.kind == kind, ReminderScan.scanned_until == previous)
            .values(scanned_until=now)
        )
        if not getattr(claimed, "rowcount", 0):
            return []  # another instance looked at this stretch
        started = await self.sources[kind].attendances(session, previous, now)
        people = await self._recipients(session, (a.user_id for a in started))
        due = [d for d in self._due(kind, started, people, not_after=now) if d.moment < now]
        existing = await self._existing(session, [d.key for d in due])
        gone = (None, outbox.PENDING, outbox.EXPIRED)  # pending now means it will expire
        # One superseded by a nearer one that went out (_nearest_only) was not missed.
        went_out: dict[tuple[int, int, datetime], datetime] = {}
        for d in due:
            if existing.get(d.key) not in gone:
                went_out[_held(d)] = max(d.moment, went_out.get(_held(d), d.moment))
        missed = [
            d.key
            for d in due
            if existing.get(d.key) in gone and went_out.get(_held(d), d.moment) <= d.moment
        ]
        for key in missed:
            log.warning("reminder %s was not sent: the item started while the bot was down", key)
        return missed


def _nearest_only(due: Sequence[Due]) -> list[Due]:
    """Of several reminders of one item due at once (the bot was down, or the resident signed
    up between two leads), only the nearest to the start: "tomorrow" after "in 1 hour" would
    be wrong, and two reminders at once are noise. The earlier ones stay superseded on later
    looks too, because the nearer moment has passed as well."""
    nearest: dict[tuple[int, int, datetime], Due] = {}
    for item in due:
        key = _held(item)
        if key not in nearest or item.moment > nearest[key].moment:
            nearest[key] = item
    return list(nearest.values())


def _held(due: Due) -> tuple[int, int, datetime]:
    """The place a reminder is about: one person at one item at one start."""
    a = due.attendance
    return (a.item_id, a.user_id, a.starts_at)


def _lead_by_day(now_local: datetime, start_local: datetime) -> str | None:
    """A late reminder's lead in days as they really are ("today", "tomorrow"), or ``None``
    when the start is further away (the lead's own words still hold)."""
    days = (start_local.date() - now_local.date()).days
    return {0: "reminder-lead-today", 1: "reminder-lead-eve"}.get(days)


# -- data rights (see bot/services/privacy.py) -----------------------------------------------


class ReminderData:
    """A resident's choice of reminder lead times (reminders themselves are outbox messages,
    exported and deleted by the privacy module's "messages" section)."""

    name = "reminders"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        row = await session.get(ReminderPreference, user_id)
        if row is None:  # never chose: the centre's defaults apply
            return {"lead_times": None, "changed": None}
        return {
            "lead_times": [code for code in row.leads.split(",") if code],  # [] = off
            "changed": privacy.iso(row.updated_at),
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        await session.execute(
            delete(ReminderPreference).where(ReminderPreference.user_id.in_(list(user_ids)))
        )

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their lead times: what :meth:`forget_many` deletes (privacy's one probe)."""
        return [
            select(ReminderPreference.user_id)
            .where(ReminderPreference.user_id.in_(user_ids))
            .exists()
        ]


DATA_SECTION = ReminderData()
