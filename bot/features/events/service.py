"""Events: staff create, edit, move and cancel them; residents sign up and withdraw.

Seats are counted by the database: a sign-up takes a seat with
``UPDATE events SET taken = taken + 1 WHERE … AND (capacity IS NULL OR taken < capacity)``
and there is one sign-up row per person and event (``UNIQUE(event_id, user_id)``), so two
concurrent presses can neither overfill an event nor take two seats for one person.
Everything an event change owes people (the news of a move or a cancellation, withdrawing
reminders) is written in the transaction of the change.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import Select, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import Centre
from bot.features.events import waitlist
from bot.features.events.models import Event, EventSignup
from bot.features.events.notices import Notices
from bot.features.events.waitlist import ACTIVE, HOLDING, LIVE, OFFERED, WAITLISTED, WITHDRAWN
from bot.i18n import LANGUAGES
from bot.services import audit, outbox, privacy, reminders
from bot.services.holiday_calendar import HolidayCalendar
from bot.services.users import Profile
from bot.storage.models import User
from bot.understanding import staff_input

KIND = "event"
SCHEDULED, CANCELLED = "scheduled", "cancelled"
TITLE_MAX = 100
DESCRIPTION_MAX = 1000
CAPACITY_MAX = 10_000
COMPANIONS_DEFAULT = 2  # "+1 / +2" unless staff say otherwise
COMPANIONS_MAX = 5  # the table's check constraint
_NO_COMPANIONS = re.compile(
    r"^(?:不带|不能带|不可以带|不可带|不许带|不带人|没有|无|只限本人|仅限本人|本人|只能自己|"
    r"none|no|no one|nobody|no companions|alone|just themselves|only themselves)$",
    re.IGNORECASE,
)
_BRING = re.compile(
    r"^(?:每人|每位|each|everyone)?\s*(?:最多|至多|up to|at most|max(?:imum)?)?\s*"
    r"(?:可以带|可带|能带|带|bring|brings|\+)?\s*",
    re.IGNORECASE,
)
LIST_LIMIT = 10
_LOCAL_TIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s+(\d{1,2}):(\d{2})\s*$")


class Invalid(ValueError):
    """Input staff typed that cannot be used; ``key`` names the catalog message saying why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def parse_local_time(text: str, zone: tzinfo) -> datetime:
    """``YYYY-MM-DD HH:MM`` in the centre's zone to an aware UTC datetime."""
    match = _LOCAL_TIME.fullmatch(text or "")
    if match is None:
        raise Invalid("events-bad-time")
    year, month, day, hour, minute = (int(part) for part in match.groups())
    try:
        local = datetime(year, month, day, hour, minute, tzinfo=zone)
    except ValueError:
        raise Invalid("events-bad-time") from None
    return local.astimezone(UTC)


def parse_start(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> tuple[datetime, datetime | None]:
    """The start (and the end, when a span is given) from words: "下周四晚上7点到8点半",
    "3月5日 14:30", "next Thursday 7pm-8:30pm", or ``YYYY-MM-DD HH:MM``."""
    try:
        return parse_local_time(text, zone), None
    except Invalid:
        pass
    day = staff_input.find_date(text, now.astimezone(zone).date(), calendar)
    found = staff_input.find_clock(text)
    if day is None or found is None:
        raise Invalid("events-bad-time")
    clock = found[0]
    start = datetime.combine(day, clock.start, tzinfo=zone).astimezone(UTC)
    end = None if clock.end is None else datetime.combine(day, clock.end, tzinfo=zone)
    return start, None if end is None else end.astimezone(UTC)


def parse_end(text: str, starts_at: datetime, zone: tzinfo, calendar: HolidayCalendar) -> datetime:
    """The end from words: a time alone ("8点半", "20:30") is on the start's day."""
    try:
        return parse_local_time(text, zone)
    except Invalid:
        pass
    local_start = starts_at.astimezone(zone)
    day = staff_input.find_date(text, local_start.date(), calendar)
    if day is None:  # the start's day: "4点" after 14:00 is 16:00
        end = staff_input.find_end_clock(text, local_start.time())
        if end is None:
            raise Invalid("events-bad-time")
        return datetime.combine(local_start.date(), end, tzinfo=zone).astimezone(UTC)
    found = staff_input.find_clock(text)
    if found is None:
        raise Invalid("events-bad-time")
    return datetime.combine(day, found[0].start, tzinfo=zone).astimezone(UTC)


def check_title(text: str) -> str:
    text = (text or "").strip()
    if not text or len(text) > TITLE_MAX:
        raise Invalid("events-bad-title")
    return text


def check_description(text: str) -> str:
    text = (text or "").strip()
    if not text or len(text) > DESCRIPTION_MAX:
        raise Invalid("events-bad-description")
    return text


def check_capacity(text: str) -> int | None:
    """A number of seats, or ``None`` for no limit, said in words ("不限", "no limit", "-").

    Zero is refused with its own reason: staff who type "0人" may mean "no more sign-ups" as
    much as "no limit", and reading it as either would do the opposite of what some meant."""
    text = (text or "").strip()
    if text in {"-", "无"} or staff_input.is_unlimited(text):
        return None
    size = staff_input.parse_size(text)  # "20人", "二十位", "up to 30 people"
    if size == 0:
        raise Invalid("events-zero-capacity")
    if size is None or not 1 <= size <= CAPACITY_MAX:
        raise Invalid("events-bad-capacity")
    return size


def check_companions(text: str) -> int:
    """How many companions one sign-up may bring: "2", "两位", "每人最多带1人", "+1", "不带",
    "none" (0 to 5)."""
    compact = staff_input.fold_text(text or "")
    if _NO_COMPANIONS.match(compact):
        return 0
    rest = _BRING.sub("", compact, count=1)
    size = staff_input.parse_size(rest) if len(rest) <= 40 else None
    if size == 0 and not rest.startswith("0"):  # "不限": no limit is not an answer here
        size = None
    if size is None or size > COMPANIONS_MAX:
        raise Invalid("events-bad-companions")
    return size


def check_venue(text: str, centre: Centre) -> str:
    """A venue of the centre's data by id, Chinese or English name, or alias."""
    wanted = (text or "").strip().lower()
    for venue in centre.venues:
        names = {venue.id, venue.name.zh, venue.name.en, *venue.aliases}
        if wanted in {name.lower() for name in names}:
            return venue.id
    raise Invalid("events-bad-venue")


def check_times(starts_at: datetime, ends_at: datetime, now: datetime) -> None:
    if starts_at <= now:
        raise Invalid("events-start-in-past")
    if ends_at <= starts_at or ends_at - starts_at > timedelta(days=7):
        raise Invalid("events-bad-end")


@dataclass(frozen=True, slots=True)
class Draft:
    """A new event as staff described it."""

    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    venue_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    companions_max: int = COMPANIONS_DEFAULT


@dataclass(frozen=True, slots=True)
class EventView:
    """An event as the handlers show it."""

    id: int
    title_zh: str
    title_en: str
    description_zh: str
    description_en: str
    venue_id: str
    starts_at: datetime
    ends_at: datetime
    capacity: int | None
    taken: int
    status: str
    companions_max: int = 0
    waiting: int = 0
    # The reader's own sign-up: its status (None if none is live), party, offer.
    mine: str | None = None
    party: int = 1
    position: int = 0
    offer_id: int | None = None
    offer_expires_at: datetime | None = None

    @property
    def signed_up(self) -> bool:
        return self.mine == ACTIVE

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh

    def description(self, lang: str) -> str:
        return self.description_en if lang == "en" else self.description_zh

    @property
    def full(self) -> bool:
        """No seat for a newcomer: all taken, or people already wait for the free ones."""
        return self.capacity is not None and (self.taken >= self.capacity or self.waiting > 0)

    def open_at(self, now: datetime) -> bool:
        return self.status == SCHEDULED and self.starts_at > now


def _view(event: Event, mine: EventSignup | None = None, waiting: int = 0) -> EventView:
    live = mine is not None and mine.status in LIVE
    return EventView(
        id=event.id,
        title_zh=event.title_zh,
        title_en=event.title_en,
        description_zh=event.description_zh,
        description_en=event.description_en,
        venue_id=event.venue_id,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        capacity=event.capacity,
        taken=event.taken,
        status=event.status,
        companions_max=event.companions_max,
        waiting=waiting,
        mine=mine.status if live and mine is not None else None,
        party=mine.party if mine is not None else 1,
        offer_id=mine.id if mine is not None and mine.status == OFFERED else None,
        offer_expires_at=mine.offer_expires_at if mine is not None else None,
    )


async def create(session: AsyncSession, draft: Draft, actor: Profile, now: datetime) -> int:
    """Store a new event (and the audit entry); returns its id."""
    check_times(draft.starts_at, draft.ends_at, now)
    event = Event(
        title_zh=draft.title_zh,
        title_en=draft.title_en,
        description_zh=draft.description_zh,
        description_en=draft.description_en,
        venue_id=draft.venue_id,
        starts_at=draft.starts_at,
        ends_at=draft.ends_at,
        capacity=draft.capacity,
        companions_max=draft.companions_max,
        taken=0,
        status=SCHEDULED,
        created_by=actor.id,
        created_at=now,
        updated_at=now,
    )
    session.add(event)
    await session.flush()
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="event.create",
        subject=f"event:{event.id}",
        now=now,
        details={"title": draft.title_zh, "starts_at": draft.starts_at.isoformat()},
    )
    return event.id


async def get(session: AsyncSession, event_id: int, user_id: int | None = None) -> EventView | None:
    """One event, with the reader's own sign-up (if ``user_id``) and the waitlist's length."""
    event = await session.get(Event, event_id, populate_existing=True)
    if event is None:
        return None
    mine = await waitlist.my_signup(session, event_id, user_id) if user_id is not None else None
    view = _view(event, mine, await waitlist.waiting(session, event_id))
    if mine is not None and mine.status == WAITLISTED:
        return replace(view, position=await waitlist.position(session, event_id, mine.seq))
    return view


async def upcoming(
    session: AsyncSession, now: datetime, user_id: int | None = None, limit: int = LIST_LIMIT
) -> list[EventView]:
    """Scheduled events that have not started, soonest first."""
    events = list(
        await session.scalars(
            select(Event)
            .where(Event.status == SCHEDULED, Event.starts_at > now)
            .order_by(Event.starts_at, Event.id)
            .limit(limit)
        )
    )
    mine: dict[int, EventSignup] = {}
    if user_id is not None and events:
        rows = await session.scalars(
            select(EventSignup).where(
                EventSignup.user_id == user_id,
                EventSignup.status.in_(LIVE),
                EventSignup.event_id.in_([e.id for e in events]),
            )
        )
        mine = {row.event_id: row for row in rows}
    return [_view(e, mine.get(e.id)) for e in events]


async def mine(session: AsyncSession, user_id: int, now: datetime) -> list[EventView]:
    """The reader's events that have not started: signed up, waiting or offered seats,
    soonest first (all of them, not only those among the first ``LIST_LIMIT`` events)."""
    rows = (
        await session.execute(
            select(Event, EventSignup)
            .join(EventSignup, EventSignup.event_id == Event.id)
            .where(
                EventSignup.user_id == user_id,
                EventSignup.status.in_(LIVE),
                Event.status == SCHEDULED,
                Event.starts_at > now,
            )
            .order_by(Event.starts_at, Event.id)
        )
    ).all()
    views = []
    for event, signup in rows:
        view = _view(event, signup)
        if signup.status == WAITLISTED:
            view = replace(view, position=await waitlist.position(session, event.id, signup.seq))
        views.append(view)
    return views


class SignUp(enum.Enum):
    JOINED = "joined"
    WAITLISTED = "waitlisted"
    ALREADY = "already"
    FULL = "full"  # the party is larger than the whole event
    TOO_MANY = "too-many"  # more companions than the event allows
    CLOSED = "closed"  # cancelled, started, or no such event


async def sign_up(
    session: AsyncSession, event_id: int, user_id: int, now: datetime, party: int = 1
) -> SignUp:
    """Take ``party`` seats (the person and companions) or join the waitlist.

    Under the event's lock: seats are taken only if they fit and nobody is already waiting
    for them (the waitlist is served first); otherwise the sign-up waits in arrival order.
    """
    event = await waitlist.lock_event(session, event_id)
    if event is None or event.status != SCHEDULED or event.starts_at <= now:
        return SignUp.CLOSED
    if not 1 <= party <= 1 + event.companions_max:
        return SignUp.TOO_MANY
    if event.capacity is not None and party > event.capacity:
        return SignUp.FULL
    row = await waitlist.my_signup(session, event_id, user_id)
    if row is not None and row.status in LIVE:
        return SignUp.ALREADY
    seated = await waitlist.waiting(session, event_id) == 0 and await waitlist.take_seats(
        session, event_id, party
    )
    event.last_seq += 1
    status = ACTIVE if seated else WAITLISTED
    fields = {
        "status": status,
        "party": party,
        "seq": event.last_seq,
        "signed_up_at": now,
        "withdrawn_at": None,
        "withdrawn_from": None,
        "offer_expires_at": None,
    }
    if row is None:
        session.add(EventSignup(event_id=event_id, user_id=user_id, **fields))
    else:  # came back after withdrawing, declining or missing an offer: at the end of the line
        for name, value in fields.items():
            setattr(row, name, value)
    await session.flush()  # UNIQUE (event_id, user_id) speaks here
    return SignUp.JOINED if seated else SignUp.WAITLISTED


async def withdraw(
    session: AsyncSession,
    event_id: int,
    user_id: int,
    now: datetime,
    notices: Notices | None = None,
) -> bool:
    """Give up a seat, an offer or a waitlist place; pending reminders go with a seat.

    With ``notices``, freed seats are offered at once to the people waiting; without (a
    reminder's "I can't come", forgetting a person) the offers job does it within a minute.
    ``False`` if they held nothing.
    """
    event = await waitlist.lock_event(session, event_id)
    row = await waitlist.my_signup(session, event_id, user_id)
    if event is None or row is None or row.status not in LIVE:
        return False
    held = row.status in HOLDING
    row.withdrawn_from = row.status if row.status in waitlist.UNDOABLE else None
    row.status, row.withdrawn_at, row.offer_expires_at = WITHDRAWN, now, None
    await session.flush()
    if held:
        await waitlist.give_back(session, event_id, row.party)
        await reminders.cancel_pending(session, KIND, event_id, user_id)
        if notices is not None:
            await waitlist.pass_seats(session, event, now, notices)
    return True


# -- staff changes ---------------------------------------------------------------------

FIELDS = (
    "title_zh",
    "title_en",
    "description_zh",
    "description_en",
    "venue",
    "start",
    "end",
    "capacity",
    "companions",
)


class Change(enum.Enum):
    SAVED = "saved"
    GONE = "gone"  # no such event, cancelled, or already started
    BELOW_TAKEN = "below-taken"  # fewer seats than people already signed up
    STALE = "stale"  # the event was moved (or its seats changed) since the preview was shown
    CONFIRM = "confirm"  # lifting the limit on seats is previewed first (plan_lift_limit)


MOVES = ("start", "venue")  # the changes staff preview before anyone is told
_SAME = {"start": "events-move-same", "venue": "events-relocate-same"}
_MOVED_NOTICES = {"start": "events-moved-notice", "venue": "events-relocated-notice"}


@dataclass(frozen=True, slots=True)
class MovePlan:
    """A move staff are about to confirm: of the event's start or its venue (``field``), from
    what to what (a start, or a venue's id), and how many hear of it."""

    event_id: int
    title_zh: str
    title_en: str
    field: str
    was: datetime | str
    to: datetime | str
    told: int

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


def minute_of(moment: datetime) -> int:
    """A moment as whole minutes since the epoch: how a button carries it."""
    return int(moment.timestamp()) // 60


def from_minute(minute: int) -> datetime:
    return datetime.fromtimestamp(minute * 60, UTC)


def _new_start(event: Event, value: str, now: datetime, zone: tzinfo) -> datetime:
    """The new start typed as ``YYYY-MM-DD HH:MM``, checked with the event's length kept."""
    starts_at = parse_local_time(value, zone)
    check_times(starts_at, starts_at + (event.ends_at - event.starts_at), now)
    return starts_at


def _placed(event: Event, field_name: str) -> datetime | str:
    """Where the event stands on the moved ``field_name``: its start, or its venue's id."""
    return event.starts_at if field_name == "start" else event.venue_id


async def plan_move(
    session: AsyncSession,
    event_id: int,
    field_name: str,
    value: str,
    now: datetime,
    notices: Notices,
) -> MovePlan | None:
    """What moving the event's start (``YYYY-MM-DD HH:MM``) or venue (a name) to ``value``
    would do, saving nothing; ``None`` if not open.

    Raises :class:`Invalid` for a value that cannot be used (or is the one it already has).
    """
    if field_name not in MOVES:
        raise Invalid("events-bad-field")
    event = await session.scalar(
        select(Event).where(Event.id == event_id, Event.status == SCHEDULED, Event.starts_at > now)
    )
    if event is None:
        return None
    to: datetime | str
    if field_name == "start":
        to = _new_start(event, value, now, notices.centre.zone)
    else:
        to = check_venue(value, notices.centre)
    if to == _placed(event, field_name):
        raise Invalid(_SAME[field_name])
    told = await cancel_audience(session, event_id)
    was = _placed(event, field_name)
    return MovePlan(event.id, event.title_zh, event.title_en, field_name, was, to, told.total)


async def move(
    session: AsyncSession,
    event_id: int,
    was: datetime | str,
    to: datetime | str,
    actor: Profile,
    now: datetime,
    notices: Notices,
) -> Change:
    """Move the event from ``was`` (as previewed) to ``to``: a new start (its length kept) or
    a new venue (a venue's id), and tell everyone signed up or waiting, naming both.
    ``STALE`` if it no longer stands at ``was``."""
    field_name = "start" if isinstance(to, datetime) else "venue"
    event = await _open_event(session, event_id, now)
    if event is None:
        return Change.GONE
    if _placed(event, field_name) != was:
        return Change.STALE
    if isinstance(to, datetime):
        length = event.ends_at - event.starts_at
        check_times(to, to + length, now)
        event.starts_at, event.ends_at = to, to + length
    else:
        event.venue_id = check_venue(to, notices.centre)
    event.updated_at = now
    await session.flush()
    # Reminders of the old time or place go; the job writes fresh ones for the new ones.
    await reminders.cancel_pending(session, KIND, event.id)
    notice = _MOVED_NOTICES[field_name]
    await _tell_signed_up(session, event, notice, notices, now, before=was)
    before_key = "starts_at" if field_name == "start" else "venue"
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="event.edit",
        subject=f"event:{event.id}",
        now=now,
        details={
            "field": field_name,
            "value": to.isoformat() if isinstance(to, datetime) else to,
            "before": {before_key: was.isoformat() if isinstance(was, datetime) else was},
        },
    )
    return Change.SAVED


async def _tell_signed_up(
    session: AsyncSession,
    event: Event,
    key: str,
    notices: Notices,
    now: datetime,
    before: datetime | str | None = None,
) -> int:
    """One message per active sign-up, in each person's language (``INSERT … SELECT``);
    ``before`` is the start (or the venue's id) the event had, for a notice that it moved."""
    total = 0
    for lang in LANGUAGES:
        extra: dict[str, object] = {}
        if isinstance(before, datetime):
            extra["before"] = notices.when(before, lang)
        elif before is not None:
            extra["before"] = notices.venue_name(before, lang)
        body_id = await outbox.create_body(session, notices.render(key, lang, event, **extra), now)
        audience = (
            select(User.telegram_id, User.id)
            .join(EventSignup, EventSignup.user_id == User.id)
            .where(
                EventSignup.event_id == event.id,
                EventSignup.status.in_(LIVE),
                User.language == lang,
                User.blocked_at.is_(None),
            )
        )
        total += await outbox.enqueue_audience(
            session,
            body_id,
            audience,
            source=f"event:{event.id}:{key}",
            now=now,
            priority=outbox.PRIORITY_NOTICE,
        )
    return total


async def _open_event(session: AsyncSession, event_id: int, now: datetime) -> Event | None:
    return await session.scalar(
        select(Event)
        .where(Event.id == event_id, Event.status == SCHEDULED, Event.starts_at > now)
        .with_for_update()
    )


async def change(
    session: AsyncSession,
    event_id: int,
    field_name: str,
    value: str,
    actor: Profile,
    now: datetime,
    notices: Notices,
) -> Change:
    """Edit one field that tells nobody (a new start or venue goes through :func:`move`)."""
    if field_name not in FIELDS or field_name in MOVES:
        raise Invalid("events-bad-field")
    event = await _open_event(session, event_id, now)
    if event is None:
        return Change.GONE
    before = {"starts_at": event.starts_at.isoformat(), "venue": event.venue_id}
    grew = False
    if field_name in {"title_zh", "title_en"}:
        setattr(event, field_name, check_title(value))
    elif field_name in {"description_zh", "description_en"}:
        setattr(event, field_name, check_description(value))
    elif field_name == "end":
        ends_at = parse_local_time(value, notices.centre.zone)
        check_times(event.starts_at, ends_at, now)
        event.ends_at = ends_at
    elif field_name == "capacity":
        capacity = check_capacity(value)
        if capacity is None and event.capacity is not None:
            return Change.CONFIRM  # staff see who gets a seat first: lift_limit
        if capacity is not None and capacity < event.taken:
            return Change.BELOW_TAKEN
        event.capacity = capacity
        grew = True
    else:  # companions: sign-ups already made keep their party; new ones follow the limit
        event.companions_max = check_companions(value)
    event.updated_at = now
    await session.flush()
    if grew:  # more seats: the people waiting are offered them
        await waitlist.pass_seats(session, event, now, notices)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="event.edit",
        subject=f"event:{event.id}",
        now=now,
        details={"field": field_name, "value": value[:200], "before": before},
    )
    return Change.SAVED


@dataclass(frozen=True, slots=True)
class LiftPlan:
    """Lifting an event's limit on seats, as staff confirm it: the limit it has now, and how
    many sign-ups wait (each gets a seat, with their companions, and is told)."""

    event_id: int
    title_zh: str
    title_en: str
    capacity: int
    waiting: int

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


async def plan_lift_limit(session: AsyncSession, event_id: int, now: datetime) -> LiftPlan | None:
    """What lifting the event's limit on seats would do, saving nothing; ``None`` if the
    event is not open or has no limit."""
    event = await session.scalar(
        select(Event).where(Event.id == event_id, Event.status == SCHEDULED, Event.starts_at > now)
    )
    if event is None or event.capacity is None:
        return None
    waiting = await waitlist.waiting(session, event.id)
    return LiftPlan(event.id, event.title_zh, event.title_en, event.capacity, waiting)


async def lift_limit(
    session: AsyncSession,
    event_id: int,
    was: int,
    actor: Profile,
    now: datetime,
    notices: Notices,
) -> tuple[Change, int]:
    """Lift the limit of ``was`` seats that staff saw in the preview: everyone waiting gets a
    seat and is told in their language (written to the outbox in this transaction). Returns
    the outcome and how many sign-ups got a seat; ``STALE`` when the limit is no longer
    ``was`` (changed, or lifted already, since the preview)."""
    event = await _open_event(session, event_id, now)
    if event is None:
        return Change.GONE, 0
    if event.capacity != was:
        return Change.STALE, 0
    event.capacity = None
    event.updated_at = now
    await session.flush()
    seated = await _seat_everyone_waiting(session, event, now, notices)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="event.edit",
        subject=f"event:{event.id}",
        now=now,
        details={"field": "capacity", "value": None, "before": {"capacity": was}, "seated": seated},
    )
    return Change.SAVED, seated


async def _seat_everyone_waiting(
    session: AsyncSession, event: Event, now: datetime, notices: Notices
) -> int:
    """The limit was lifted: everyone waiting has a seat, in arrival order, and is told (an
    offer already made stays as it is). Returns how many sign-ups got a seat."""
    rows = list(
        await session.scalars(
            select(EventSignup)
            .where(EventSignup.event_id == event.id, EventSignup.status == WAITLISTED)
            .order_by(EventSignup.seq)
        )
    )
    for row in rows:
        row.status, row.signed_up_at = ACTIVE, now
        await waitlist.take_seats(session, event.id, row.party)
    await session.flush()
    for row in rows:
        person = (
            await session.execute(
                select(User.telegram_id, User.language, User.blocked_at).where(
                    User.id == row.user_id
                )
            )
        ).one()
        if person.blocked_at is not None:
            continue
        await outbox.enqueue(
            session,
            chat_id=person.telegram_id,
            user_id=row.user_id,
            text=notices.render("events-seated-notice", person.language, event, party=row.party),
            source=f"event:{event.id}:seated",
            now=now,
            priority=outbox.PRIORITY_NOTICE,
            dedupe_key=f"event:seated:{row.id}:{row.seq}:{int(now.timestamp())}",
        )
    return len(rows)


@dataclass(frozen=True, slots=True)
class Told:
    """Who hears of a cancellation: sign-ups holding a place, and those still waiting (an
    offered seat not yet accepted counts as waiting)."""

    signed_up: int = 0
    waiting: int = 0

    @property
    def total(self) -> int:
        return self.signed_up + self.waiting


async def cancel_audience(session: AsyncSession, event_id: int) -> Told:
    """The people a cancellation would tell, counted as :func:`_tell_signed_up` sends: every
    live sign-up whose person has not blocked the bot. The confirmation and the result say
    the same numbers."""
    rows = await session.execute(
        select(EventSignup.status, func.count())
        .join(User, EventSignup.user_id == User.id)
        .where(
            EventSignup.event_id == event_id,
            EventSignup.status.in_(LIVE),
            User.blocked_at.is_(None),
        )
        .group_by(EventSignup.status)
    )
    counts: dict[str, int] = {status: int(count) for status, count in rows.all()}
    return Told(
        signed_up=counts.get(ACTIVE, 0),
        waiting=counts.get(WAITLISTED, 0) + counts.get(OFFERED, 0),
    )


async def cancel(
    session: AsyncSession, event_id: int, actor: Profile, now: datetime, notices: Notices
) -> Told | None:
    """Cancel an event: tell everyone signed up or waiting, drop their reminders. ``None`` if
    not open."""
    event = await _open_event(session, event_id, now)
    if event is None:
        return None
    told = await cancel_audience(session, event.id)
    event.status = CANCELLED
    event.updated_at = now
    await session.flush()
    await reminders.cancel_pending(session, KIND, event.id)
    await _tell_signed_up(session, event, "events-cancelled-notice", notices, now)
    await audit.record(
        session,
        actor_id=actor.id,
        actor_name=actor.first_name,
        action="event.cancel",
        subject=f"event:{event.id}",
        now=now,
        details={"title": event.title_zh, "told": told.total},
    )
    return told


def ics_filename(event: EventView) -> str:
    return f"event-{event.id}.ics"


def ics(event: EventView, lang: str, centre: Centre) -> bytes:
    """The event as an iCalendar file for the resident's calendar app."""
    # Imported on first use: a calendar file is asked for rarely (start-up memory, issue 18).
    from icalendar import Calendar
    from icalendar import Event as IcsEvent

    calendar = Calendar()
    calendar.add("prodid", "-//frontdesk//events//")
    calendar.add("version", "2.0")
    item = IcsEvent()
    item.add("uid", f"event-{event.id}@frontdesk")
    item.add("summary", event.title(lang))
    item.add("description", event.description(lang))
    venue = centre.venue(event.venue_id)
    item.add("location", venue.name.get(lang) if venue else event.venue_id)
    item.add("dtstart", event.starts_at)
    item.add("dtend", event.ends_at)
    item.add("dtstamp", event.starts_at)
    calendar.add_component(item)
    return bytes(calendar.to_ical())


# -- reminders ---------------------------------------------------------------------------


class EventReminderSource(reminders.ReminderSource):
    """Everyone with an active sign-up to a scheduled event."""

    kind = KIND

    @staticmethod
    def _query(
        window_start: datetime, window_end: datetime
    ) -> Select[int, int, datetime, str, str, str, datetime]:
        return (
            select(
                Event.id,
                EventSignup.user_id,
                Event.starts_at,
                Event.title_zh,
                Event.title_en,
                Event.venue_id,
                EventSignup.signed_up_at,
            )
            .join(EventSignup, EventSignup.event_id == Event.id)
            .where(
                Event.status == SCHEDULED,
                Event.starts_at > window_start,
                Event.starts_at <= window_end,
                EventSignup.status == ACTIVE,
            )
        )

    async def attendances(
        self, session: AsyncSession, window_start: datetime, window_end: datetime
    ) -> Sequence[reminders.Attendance]:
        rows = await session.execute(self._query(window_start, window_end))
        return [
            reminders.Attendance(item, user, starts, title_zh, title_en, venue, since)
            for item, user, starts, title_zh, title_en, venue, since in rows
        ]

    async def confirm(
        self, session: AsyncSession, wanted: Sequence[reminders.Attendance]
    ) -> set[tuple[int, int, datetime]]:
        held: set[tuple[int, int, datetime]] = set()
        pairs = sorted({(a.item_id, a.user_id) for a in wanted})
        for start in range(0, len(pairs), 1000):
            chunk = pairs[start : start + 1000]
            ids = sorted({item for item, _ in chunk})
            users = sorted({user for _, user in chunk})
            # FOR SHARE (PostgreSQL): a withdrawal, move or cancellation committing meanwhile
            # waits for this transaction, then cancels what it wrote; SQLite serialises anyway.
            rows = await session.execute(
                select(Event.id, EventSignup.user_id, Event.starts_at)
                .join(EventSignup, EventSignup.event_id == Event.id)
                .where(
                    Event.id.in_(ids),
                    EventSignup.user_id.in_(users),
                    Event.status == SCHEDULED,
                    EventSignup.status == ACTIVE,
                )
                .with_for_update(read=True)
            )
            held |= {(item, user, starts) for item, user, starts in rows}
        return held

    async def cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> reminders.CantCome:
        event = await session.get(Event, item_id)
        if event is None or event.status != SCHEDULED or event.starts_at != starts_at:
            return reminders.CantCome.STALE
        if event.starts_at <= now:
            return reminders.CantCome.STALE
        if await withdraw(session, item_id, user_id, now):
            return reminders.CantCome.WITHDRAWN
        return reminders.CantCome.NOT_EXPECTED

    async def undo_cant_come(
        self, session: AsyncSession, item_id: int, user_id: int, starts_at: datetime, now: datetime
    ) -> reminders.UndoCantComeOutcome:
        """The sign-up back, as the card's "undo" does (the seats may have gone meanwhile)."""
        event = await session.get(Event, item_id)
        if event is None or event.starts_at != starts_at:
            return reminders.UndoCantComeOutcome.STALE
        answer = await waitlist.undo(session, item_id, user_id, now)
        return _UNDO_OUTCOMES.get(answer, reminders.UndoCantComeOutcome.EXPIRED)


_UNDO_OUTCOMES = {
    waitlist.Answer.UNDONE: reminders.UndoCantComeOutcome.UNDONE,
    waitlist.Answer.ALREADY: reminders.UndoCantComeOutcome.UNDONE,  # signed up again meanwhile
    waitlist.Answer.SEAT_GONE: reminders.UndoCantComeOutcome.SEAT_GONE,
    waitlist.Answer.CLOSED: reminders.UndoCantComeOutcome.STALE,
}


# -- data rights (see bot/services/privacy.py) -----------------------------------------------


class EventData:
    """A resident's event sign-ups (active and withdrawn)."""

    name = "events"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        rows = await session.execute(
            select(EventSignup, Event)
            .join(Event, Event.id == EventSignup.event_id)
            .where(EventSignup.user_id == user_id)
            .order_by(Event.starts_at, Event.id)
        )
        return {
            "sign_ups": [
                {
                    "event": event.title_zh,
                    "event_en": event.title_en,
                    "starts": privacy.iso(event.starts_at),
                    "venue": event.venue_id,
                    "event_status": event.status,
                    "status": signup.status,
                    "party": signup.party,
                    "signed_up": privacy.iso(signup.signed_up_at),
                    "withdrawn": privacy.iso(signup.withdrawn_at),
                }
                for signup, event in rows
            ]
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """Withdraw every active sign-up the normal way (the seat is freed, pending reminders
        are withdrawn), then delete the rows in one statement."""
        ids = list(user_ids)
        active = list(
            await session.execute(
                select(EventSignup.user_id, EventSignup.event_id).where(
                    EventSignup.user_id.in_(ids), EventSignup.status.in_(LIVE)
                )
            )
        )
        for user_id, event_id in active:
            await withdraw(session, event_id, user_id, now)
        await session.execute(delete(EventSignup).where(EventSignup.user_id.in_(ids)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their sign-ups: privacy's probe."""
        return [select(EventSignup.id).where(EventSignup.user_id.in_(user_ids)).exists()]


DATA_SECTION = EventData()
