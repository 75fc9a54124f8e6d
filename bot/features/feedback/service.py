"""Canteen feedback: submitting (one per resident, meal and day), alerts, replies, exports.

No Telegram here. Texts for other people (staff alerts, answers to residents) are rendered
from the catalogs in the recipient's language and written to the outbox in the same
transaction as the change that causes them.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot import dates
from bot.callbacks import encode
from bot.centre import Venue
from bot.features.feedback.buttons import Photos, Reply, Resolve
from bot.features.feedback.models import Feedback, FeedbackSubmission, FeedbackTag
from bot.i18n import Catalog, Translator, message_keys
from bot.services import audit, outbox, privacy
from bot.services.hours import DaySchedule, HoursBook
from bot.settings import FeedbackSettings, PrivacySettings
from bot.storage.models import OutboxBody, OutboxMessage, User, UserRole
from bot.storage.upsert import insert_for


class Answered(StrEnum):
    """What became of staff's answer to a feedback."""

    SENT = "sent"
    MISSING = "missing"  # no such feedback
    FORGOTTEN = "forgotten"  # kept, anonymised: its author asked to be forgotten


class MealKind(StrEnum):
    """The three meals a resident can rate (stored as the value in ``feedback.meal``)."""

    BREAKFAST = "breakfast"
    LUNCH = "lunch"
    DINNER = "dinner"


class KnownTag(StrEnum):
    """The tags the catalogs name (the centre may configure others: shown by their id)."""

    TASTE = "taste"
    PRICE = "price"
    PORTION = "portion"
    HYGIENE = "hygiene"
    SERVICE = "service"
    WAITING = "waiting"
    VARIETY = "variety"


MEALS = tuple(MealKind)
MEAL_TEXTS = message_keys(
    MealKind,
    {
        MealKind.BREAKFAST: "feedback-meal-breakfast",
        MealKind.LUNCH: "feedback-meal-lunch",
        MealKind.DINNER: "feedback-meal-dinner",
    },
)
TAG_TEXTS = message_keys(
    KnownTag,
    {
        KnownTag.TASTE: "feedback-tag-taste",
        KnownTag.PRICE: "feedback-tag-price",
        KnownTag.PORTION: "feedback-tag-portion",
        KnownTag.HYGIENE: "feedback-tag-hygiene",
        KnownTag.SERVICE: "feedback-tag-service",
        KnownTag.WAITING: "feedback-tag-waiting",
        KnownTag.VARIETY: "feedback-tag-variety",
    },
)
STAR_TEXTS = message_keys(
    range(1, 6),
    {
        1: "feedback-star-1",
        2: "feedback-star-2",
        3: "feedback-star-3",
        4: "feedback-star-4",
        5: "feedback-star-5",
    },
)
SOURCE_ALERT = "feedback:alert"
SOURCE_ANSWER = "feedback:answer"


class FeedbackError(Exception):
    """A submission the rules refuse; ``key`` names the catalog message that explains it."""

    def __init__(self, key: str, **args: object) -> None:
        super().__init__(key)
        self.key = key
        self.args_for_text = args


@dataclass(frozen=True, slots=True)
class Draft:
    """What a resident has chosen so far (the conversation keeps it until they confirm)."""

    meal: str
    stars: int = 0
    tags: tuple[str, ...] = ()
    comment: str | None = None
    photos: tuple[str, ...] = ()
    anonymous: bool = False
    day: date | None = None  # the meal's day, when not today's (the canteen is closed today)


@dataclass(frozen=True, slots=True)
class Submitted:
    """The stored feedback: its id, whether it replaced an earlier one, alerts written."""

    feedback_id: int
    updated: bool
    alerts: int


@dataclass(frozen=True, slots=True)
class Author:
    """The person acting (a resident submitting, a staff member replying)."""

    id: int
    name: str


@dataclass(frozen=True, slots=True)
class Item:
    """One feedback as staff see it (``name`` is ``None`` when anonymous)."""

    id: int
    day: date
    meal: str
    stars: int
    comment: str | None
    tags: list[str] = field(default_factory=list)
    photos: list[str] = field(default_factory=list)
    name: str | None = None
    telegram_id: int | None = None
    resolved: bool = False
    forgotten: bool = False  # the author asked to be forgotten: nobody to answer


def preselect_meal(local: time, settings: FeedbackSettings) -> str:
    """The meal that started last before ``local`` (breakfast before any has started)."""
    if local >= settings.dinner_start:
        return "dinner"
    if local >= settings.lunch_start:
        return "lunch"
    return "breakfast"


LOOK_BACK_DAYS = 14  # the last open day is looked for this far back (a long holiday: 8 days)


def _meals_served(schedule: DaySchedule, settings: FeedbackSettings) -> list[str]:
    """The meals served on a day: those its hours name, else those that start while open."""
    named = {i.label for i in schedule.intervals if i.label is not None}
    if named:
        return [meal for meal in MEALS if meal in named]
    starts = {
        "breakfast": settings.breakfast_start,
        "lunch": settings.lunch_start,
        "dinner": settings.dinner_start,
    }
    served: list[str] = []
    for meal in MEALS:
        minute = starts[meal].hour * 60 + starts[meal].minute
        if any(i.start <= minute < i.end for i in schedule.intervals):
            served.append(meal)
    return served


def meal_to_ask(
    book: HoursBook,
    venue: Venue | None,
    now_local: datetime,
    settings: FeedbackSettings,
    meal: str | None = None,
) -> tuple[date, str]:
    """The day and meal the form asks about: today's last meal that has started (the first
    before any has), among those served today; when the canteen is closed today (a weekly
    day off, a holiday, a closure), the last meal of the last day it was open, so that a
    resident is never asked about a meal that was not served. ``meal`` (a poster's link
    names one) is kept. Without the venue's hours: today, by the time of day, as before."""
    today = now_local.date()
    fallback = meal if meal in MEALS else preselect_meal(now_local.time(), settings)
    if venue is None or venue.hours is None:
        return today, fallback
    for back in range(LOOK_BACK_DAYS + 1):
        day = today - timedelta(days=back)
        served = _meals_served(book.day(venue, day), settings)
        if not served:
            continue
        if meal in MEALS:
            return day, meal
        if back == 0:
            started = [m for m in served if MEALS.index(m) <= MEALS.index(fallback)]
            return day, started[-1] if started else served[0]
        return day, served[-1]
    return today, fallback


def rated_day(draft: Draft, today: date) -> date:
    """The day whose meal is rated: today, or the earlier open day the form asked about."""
    if draft.day is None:
        return today
    if not today - timedelta(days=LOOK_BACK_DAYS) <= draft.day <= today:
        raise FeedbackError("feedback-invalid")
    return draft.day


def validate(draft: Draft, settings: FeedbackSettings) -> None:
    """Raise :class:`FeedbackError` for anything outside the bounds (buttons can be forged)."""
    if draft.meal not in MEALS:
        raise FeedbackError("feedback-invalid")
    if not 1 <= draft.stars <= 5:
        raise FeedbackError("feedback-invalid")
    if any(tag not in settings.tags for tag in draft.tags) or len(set(draft.tags)) != len(
        draft.tags
    ):
        raise FeedbackError("feedback-invalid")
    if draft.comment is not None and len(draft.comment) > settings.comment_max_chars:
        raise FeedbackError("feedback-comment-too-long", limit=settings.comment_max_chars)
    if len(draft.photos) > settings.max_photos:
        raise FeedbackError("feedback-photos-full", limit=settings.max_photos)


async def submissions_last_hour(session: AsyncSession, user_id: int, now: datetime) -> int:
    """How many times the user confirmed a feedback in the past hour."""
    count = await session.scalar(
        select(func.count())
        .select_from(FeedbackSubmission)
        .where(
            FeedbackSubmission.user_id == user_id,
            FeedbackSubmission.at > now - timedelta(hours=1),
            FeedbackSubmission.at <= now,
        )
    )
    return int(count or 0)


# Over 60 lines on purpose: replace-or-insert, tags, photos and the low-rating alert belong to one
# transaction.
async def submit(
    session: AsyncSession,
    *,
    author: Author,
    draft: Draft,
    now: datetime,
    zone: tzinfo,
    settings: FeedbackSettings,
    catalog: Catalog,
) -> Submitted:
    """Store the feedback (replacing the same meal's earlier one that day: today, or the day
    the form asked about) and alert on low stars.

    The user's row is locked first, so the flood count and the "was there one already"
    answer cannot race with a second submission from another bot instance.
    """
    validate(draft, settings)
    await session.execute(select(User.id).where(User.id == author.id).with_for_update())
    if await submissions_last_hour(session, author.id, now) >= settings.max_submissions_per_hour:
        raise FeedbackError("feedback-flood", limit=settings.max_submissions_per_hour)
    day = rated_day(draft, now.astimezone(zone).date())
    existing = await session.scalar(
        select(Feedback.id).where(
            Feedback.user_id == author.id, Feedback.day == day, Feedback.meal == draft.meal
        )
    )
    low = draft.stars <= settings.low_rating_threshold
    values = {
        "stars": draft.stars,
        "comment": draft.comment or None,
        "photos": json.dumps(list(draft.photos)) if draft.photos else None,
        "anonymous": draft.anonymous,
        "needs_attention": low,
        "updated_at": now,
        "reply": None,
        "replied_at": None,
        "replied_by": None,
        "resolved_at": None,
        "resolved_by": None,
    }
    table = Feedback.__table__
    statement = insert_for(session, table).values(  # type: ignore[arg-type]
        user_id=author.id, day=day, meal=draft.meal, created_at=now, revisions=1, **values
    )
    statement = statement.on_conflict_do_update(
        index_elements=["user_id", "day", "meal"],
        set_={**values, "revisions": table.c.revisions + 1},
    ).returning(table.c.id)
    feedback_id = int((await session.execute(statement)).scalar_one())
    await session.execute(delete(FeedbackTag).where(FeedbackTag.feedback_id == feedback_id))
    if draft.tags:
        session.add_all(
            FeedbackTag(feedback_id=feedback_id, day=day, tag=tag) for tag in draft.tags
        )
    session.add(FeedbackSubmission(user_id=author.id, at=now))
    alerts = 0
    if low:
        item = Item(
            id=feedback_id,
            day=day,
            meal=draft.meal,
            stars=draft.stars,
            comment=draft.comment,
            tags=list(draft.tags),
            photos=list(draft.photos),
            name=None if draft.anonymous else author.name,
        )
        alerts = await _alert_staff(session, item, now=now, settings=settings, catalog=catalog)
    await session.flush()
    return Submitted(feedback_id=feedback_id, updated=existing is not None, alerts=alerts)


async def exists_for(session: AsyncSession, user_id: int, day: date, meal: str) -> bool:
    """Whether a new submission for this meal and day would replace an earlier one."""
    found = await session.scalar(
        select(Feedback.id).where(
            Feedback.user_id == user_id, Feedback.day == day, Feedback.meal == meal
        )
    )
    return found is not None


async def alert_recipients(
    session: AsyncSession, settings: FeedbackSettings
) -> list[tuple[int, str]]:
    """``(chat id, language)`` of whoever gets low-rating alerts."""
    if settings.staff_chat_id is not None:
        return [(settings.staff_chat_id, settings.staff_chat_language)]
    rows = await session.execute(
        select(User.telegram_id, User.language)
        .join(UserRole, UserRole.user_id == User.id)
        .where(UserRole.role == "staff", User.blocked_at.is_(None))
        .order_by(User.id)
    )
    return [(int(tid), str(lang)) for tid, lang in rows]


def stars_text(stars: int) -> str:
    """``★★☆☆☆`` for 2 of 5."""
    return "★" * stars + "☆" * (5 - stars)


def alert_text(catalog: Catalog, lang: str, item: Item) -> str:
    """The staff alert for a low rating, in ``lang``."""
    t = catalog.translator(lang)
    lines = [
        t(
            "feedback-alert",
            meal=meal_label(t, item.meal),
            day=dates.day(item.day, t.lang),
            stars=stars_text(item.stars),
            who=item.name if item.name is not None else t("feedback-anonymous-person"),
        )
    ]
    if item.tags:
        lines.append(t("feedback-alert-tags", tags=t.join(tag_label(t, x) for x in item.tags)))
    if item.comment:
        lines.append(t("feedback-alert-comment", comment=item.comment))
    if item.photos:
        lines.append(t("feedback-alert-photos", count=len(item.photos)))
    return "\n".join(lines)


def meal_label(t: Translator, meal: str) -> str:
    """A meal's name in the translator's language."""
    return t(MEAL_TEXTS[MealKind(meal)])


def tag_label(t: Translator, tag: str) -> str:
    """A tag's label in the translator's language (the id for a tag the catalogs lack)."""
    known = next((k for k in KnownTag if k == tag), None)
    return t(TAG_TEXTS[known]) if known is not None else tag


def alert_buttons(catalog: Catalog, lang: str, item: Item) -> list[list[outbox.Button]]:
    t = catalog.translator(lang)
    row = [
        outbox.Button(t("feedback-button-reply"), data=Reply(item.id)),
        outbox.Button(t("feedback-button-resolve"), data=Resolve(item.id)),
    ]
    rows = [row]
    if item.photos:
        rows.append([outbox.Button(t("feedback-button-photos"), data=Photos(item.id))])
    return rows


async def _alert_staff(
    session: AsyncSession,
    item: Item,
    *,
    now: datetime,
    settings: FeedbackSettings,
    catalog: Catalog,
) -> int:
    count = 0
    for chat_id, lang in await alert_recipients(session, settings):
        await outbox.enqueue(
            session,
            chat_id=chat_id,
            text=alert_text(catalog, lang, item),
            buttons=alert_buttons(catalog, lang, item),
            source=SOURCE_ALERT,
            now=now,
            priority=outbox.PRIORITY_NOTICE,
        )
        count += 1
    return count


async def load_item(session: AsyncSession, feedback_id: int) -> Item | None:
    """A feedback as staff may see it (no identity when anonymous)."""
    row = (
        await session.execute(
            select(Feedback, User.first_name, User.telegram_id)
            .outerjoin(User, User.id == Feedback.user_id)
            .where(Feedback.id == feedback_id)
        )
    ).first()
    if row is None:
        return None
    feedback, name, telegram_id = row
    tags = list(
        await session.scalars(
            select(FeedbackTag.tag)
            .where(FeedbackTag.feedback_id == feedback_id)
            .order_by(FeedbackTag.id)
        )
    )
    return Item(
        id=feedback.id,
        day=feedback.day,
        meal=feedback.meal,
        stars=feedback.stars,
        comment=feedback.comment,
        tags=tags,
        photos=json.loads(feedback.photos) if feedback.photos else [],
        name=None if feedback.anonymous else name,
        telegram_id=None if feedback.anonymous else telegram_id,
        resolved=feedback.resolved_at is not None,
        forgotten=feedback.user_id is None,
    )


async def answer(
    session: AsyncSession,
    *,
    feedback_id: int,
    staff: Author,
    text: str,
    now: datetime,
    settings: FeedbackSettings,
    catalog: Catalog,
) -> Answered:
    """Send staff's answer to the resident through the bot.

    Staff never learn who an anonymous resident is: the answer is addressed by feedback id.
    A forgotten author's feedback stays (anonymised, still open) but has nobody to answer.
    """
    if not text.strip() or len(text) > settings.reply_max_chars:
        raise FeedbackError("feedback-reply-bounds", limit=settings.reply_max_chars)
    row = (
        await session.execute(
            select(Feedback.day, Feedback.meal, User.id, User.telegram_id, User.language)
            .join(User, User.id == Feedback.user_id)
            .where(Feedback.id == feedback_id)
            .with_for_update(of=Feedback)
        )
    ).first()
    if row is None:
        kept = await session.scalar(select(Feedback.id).where(Feedback.id == feedback_id))
        return Answered.MISSING if kept is None else Answered.FORGOTTEN
    day, meal, user_id, telegram_id, language = row
    await session.execute(
        update(Feedback)
        .where(Feedback.id == feedback_id)
        .values(reply=text, replied_at=now, replied_by=staff.id)
    )
    t = catalog.translator(language)
    await outbox.enqueue(
        session,
        chat_id=telegram_id,
        user_id=user_id,
        text=t(
            "feedback-answer",
            meal=meal_label(t, meal),
            day=dates.day(day, t.lang),
            answer=text,
        ),
        source=SOURCE_ANSWER,
        now=now,
    )
    await audit.record(
        session,
        actor_id=staff.id,
        actor_name=staff.name,
        action="feedback.reply",
        subject=f"feedback:{feedback_id}",
        now=now,
        details={"chars": len(text)},
    )
    return Answered.SENT


async def resolve(
    session: AsyncSession,
    *,
    feedback_id: int,
    staff: Author,
    now: datetime,
    catalog: Catalog,
) -> str:
    """Mark an item resolved and tell the resident: ``resolved``, ``already`` or ``missing``
    (``resolved_quietly`` when its author was forgotten: there is nobody to tell).

    A conditional update: of two staff pressing at once, exactly one resolves it.
    """
    result = await session.execute(
        update(Feedback)
        .where(Feedback.id == feedback_id, Feedback.resolved_at.is_(None))
        .values(resolved_at=now, resolved_by=staff.id, needs_attention=False)
        .returning(Feedback.user_id, Feedback.day, Feedback.meal)
    )
    row = result.first()
    if row is None:
        exists = await session.scalar(select(Feedback.id).where(Feedback.id == feedback_id))
        return "already" if exists is not None else "missing"
    user_id, day, meal = row
    resident = (
        await session.execute(select(User.telegram_id, User.language).where(User.id == user_id))
    ).first()
    if resident is not None:  # nobody to tell when the feedback was anonymised
        t = catalog.translator(resident.language)
        await outbox.enqueue(
            session,
            chat_id=resident.telegram_id,
            user_id=user_id,
            text=t(
                "feedback-resolved-notice", meal=meal_label(t, meal), day=dates.day(day, t.lang)
            ),
            source=SOURCE_ANSWER,
            now=now,
        )
    await audit.record(
        session,
        actor_id=staff.id,
        actor_name=staff.name,
        action="feedback.resolve",
        subject=f"feedback:{feedback_id}",
        now=now,
    )
    return "resolved" if resident is not None else "resolved_quietly"


# -- export --------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "id",
    "day",
    "meal",
    "stars",
    "tags",
    "comment",
    "photos",
    "anonymous",
    "name",
    "telegram_id",
    "reply",
    "resolved_at",
)
_EXPORT_CHUNK = 500


async def export_rows(
    session: AsyncSession, start: date, end: date
) -> AsyncIterator[tuple[object, ...]]:
    """Feedback of ``start..end`` as flat rows, streamed in chunks; anonymous without identity."""
    query = (
        select(
            Feedback.id,
            Feedback.day,
            Feedback.meal,
            Feedback.stars,
            Feedback.comment,
            Feedback.photos,
            Feedback.anonymous,
            User.first_name,
            User.telegram_id,
            Feedback.reply,
            Feedback.resolved_at,
        )
        .outerjoin(User, User.id == Feedback.user_id)
        .where(Feedback.day >= start, Feedback.day <= end)
        .order_by(Feedback.day, Feedback.id)
    )
    stream = await session.stream(query)
    async for chunk in stream.partitions(_EXPORT_CHUNK):
        ids = [row.id for row in chunk]
        tags: dict[int, list[str]] = {}
        tag_rows = await session.execute(
            select(FeedbackTag.feedback_id, FeedbackTag.tag)
            .where(FeedbackTag.feedback_id.in_(ids))
            .order_by(FeedbackTag.id)
        )
        for feedback_id, tag in tag_rows:
            tags.setdefault(feedback_id, []).append(tag)
        for row in chunk:
            yield (
                row.id,
                row.day.isoformat(),
                row.meal,
                row.stars,
                ",".join(tags.get(row.id, [])),
                row.comment or "",
                len(json.loads(row.photos)) if row.photos else 0,
                "yes" if row.anonymous else "no",
                "" if row.anonymous else (row.first_name or ""),
                "" if row.anonymous else (row.telegram_id or ""),
                row.reply or "",
                row.resolved_at.isoformat() if row.resolved_at else "",
            )


def export_filename(start: date, end: date, extension: str) -> str:
    return f"canteen_feedback_{start.isoformat()}_{end.isoformat()}.{extension}"


def _safe_cell(value: object) -> object:
    """Neutralise spreadsheet formulas in residents' free text (CSV/Excel injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


async def export_files(
    session: AsyncSession, start: date, end: date, headers: Sequence[str]
) -> tuple[bytes, bytes, int]:
    """``(xlsx bytes, csv bytes, row count)`` for ``start..end``."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("feedback")
    sheet.append(list(headers))
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    count = 0
    async for row in export_rows(session, start, end):
        safe = [_safe_cell(value) for value in row]
        sheet.append(safe)
        writer.writerow(safe)
        count += 1
    xlsx = io.BytesIO()
    workbook.save(xlsx)
    # UTF-8 with a BOM: Excel then shows Chinese correctly when opening the CSV.
    return xlsx.getvalue(), text.getvalue().encode("utf-8-sig"), count


# -- data rights (see bot/services/privacy.py) -----------------------------------------------

# Submissions are only counted over the last hour (the flood limit); older ones are dropped.
SUBMISSIONS_KEPT = timedelta(days=1)


class FeedbackData:
    """The canteen feedback a resident gave (anonymous ones too: they are theirs).

    Forgetting keeps each item for the statistics, anonymised: the author, the comment, the
    photos and the staff's reply (addressed to them) go; the day, meal, stars, tags and the
    "needs attention" mark stay, so counts, averages, top tags and open items do not change.
    The comment goes because free text can name or describe its author; the photos because
    they are the resident's own pictures. The staff alerts about the item (which may quote the
    comment and name the author) are deleted from the outbox.
    """

    name = "feedback"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        items = list(
            await session.scalars(
                select(Feedback)
                .where(Feedback.user_id == user_id)
                .order_by(Feedback.day, Feedback.id)
            )
        )
        tags: dict[int, list[str]] = {}
        if items:
            rows = await session.execute(
                select(FeedbackTag.feedback_id, FeedbackTag.tag)
                .where(FeedbackTag.feedback_id.in_([f.id for f in items]))
                .order_by(FeedbackTag.id)
            )
            for feedback_id, tag in rows:
                tags.setdefault(feedback_id, []).append(tag)
        submissions = await session.scalars(
            select(FeedbackSubmission.at)
            .where(FeedbackSubmission.user_id == user_id)
            .order_by(FeedbackSubmission.at)
        )
        return {
            "feedback": [
                {
                    "day": f.day.isoformat(),
                    "meal": f.meal,
                    "stars": f.stars,
                    "tags": tags.get(f.id, []),
                    "comment": f.comment,
                    "photos": len(json.loads(f.photos)) if f.photos else 0,
                    "anonymous": f.anonymous,
                    "given": privacy.iso(f.created_at),
                    "changed": privacy.iso(f.updated_at),
                    "times_changed": f.revisions - 1,
                    "reply": f.reply,
                    "replied": privacy.iso(f.replied_at),
                    "resolved": privacy.iso(f.resolved_at),
                }
                for f in items
            ],
            "submitted": [privacy.iso(at) for at in submissions],
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        people = list(user_ids)
        ids = list(await session.scalars(select(Feedback.id).where(Feedback.user_id.in_(people))))
        await _delete_alerts(session, ids)
        await session.execute(
            update(Feedback)
            .where(Feedback.user_id.in_(people))
            .values(
                user_id=None,
                comment=None,
                photos=None,
                reply=None,
                anonymous=True,
            )
        )
        await session.execute(
            delete(FeedbackSubmission).where(FeedbackSubmission.user_id.in_(people))
        )

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their feedback (the staff alerts about it are found from it) and submission
        times: privacy's probe."""
        return [
            select(Feedback.id).where(Feedback.user_id.in_(user_ids)).exists(),
            select(FeedbackSubmission.id).where(FeedbackSubmission.user_id.in_(user_ids)).exists(),
        ]

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        """Feedback older than the retention loses its author (their names are scrubbed from
        the comment first); submission times older than a day are dropped. At most ``limit``
        of each per call (:meth:`read_batch` then :meth:`write_batch` in one transaction;
        the retention pass reads outside the write lock)."""
        return await self.write_batch(
            session, await self.read_batch(session, now, settings, limit), now, settings
        )

    async def read_batch(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> privacy.RetentionBatch:
        """The next ``limit`` feedback rows past the retention that still name their author,
        each with its comment scrubbed of the author's names, and expired submission times.

        Read in id order from where the pass's previous batch stopped (a primary-key range,
        kept in the pass's scratch): the rows of one batch then lie on neighbouring pages, so
        its commit writes few pages (in ``updated_at`` order they were spread over the whole
        table and each commit wrote about a thousand pages to the WAL: 30–60 ms of the lock,
        issue 18)."""
        cutoff = now - timedelta(days=settings.identity_retention_days)
        scratch = privacy.pass_scratch()
        after = int(scratch.get(_AFTER, 0)) if scratch is not None else 0
        old = (
            await session.execute(
                select(Feedback.id, Feedback.user_id, Feedback.comment)
                .where(
                    Feedback.id > after,
                    Feedback.user_id.is_not(None),
                    Feedback.updated_at < cutoff,
                )
                .order_by(Feedback.id)
                .limit(limit)
            )
        ).all()
        if scratch is not None and old:
            scratch[_AFTER] = old[-1].id
        people = await privacy.identities(session, [u for _, u, c in old if c and u is not None])
        rows = []
        for feedback_id, user_id, comment in old:
            who = people.get(user_id) if user_id is not None else None
            scrubbed = privacy.scrub_text(comment, who) if comment and who else comment
            rows.append({"row": feedback_id, "author": user_id, "was": comment, "now": scrubbed})
        expired = list(
            await session.scalars(
                select(FeedbackSubmission.id)
                .where(FeedbackSubmission.at < now - SUBMISSIONS_KEPT)
                .limit(limit)
            )
        )
        return privacy.RetentionBatch(max(len(rows), len(expired)), (rows, expired))

    async def write_batch(
        self,
        session: AsyncSession,
        batch: privacy.RetentionBatch,
        now: datetime,
        settings: PrivacySettings,
    ) -> int:
        """One guarded ``UPDATE`` for the batch's rows (executemany: each row is changed
        only while it still names the same author, with the same comment, and is still past
        the retention: an edit or a /forgetme since the read wins) and one ``DELETE``."""
        rows, expired = batch.work
        cutoff = now - timedelta(days=settings.identity_retention_days)
        touched = 0
        if rows:
            table = Feedback.__table__
            anonymised = await session.execute(
                update(table)  # type: ignore[arg-type]
                .where(
                    table.c.id == bindparam("row"),
                    table.c.user_id == bindparam("author"),
                    table.c.comment.is_not_distinct_from(bindparam("was")),
                    table.c.updated_at < cutoff,
                )
                .values(user_id=None, comment=bindparam("now")),
                rows,
            )
            touched += _changed(anonymised, len(rows))
        if expired:
            dropped = await session.execute(
                delete(FeedbackSubmission).where(
                    FeedbackSubmission.id.in_(expired),
                    FeedbackSubmission.at < now - SUBMISSIONS_KEPT,
                )
            )
            touched += _changed(dropped, len(expired))
        return touched


# The retention pass's scratch key: the last feedback id its previous batch read.
_AFTER = "feedback_after"


def _changed(result: Any, attempted: int) -> int:
    """Rows a (guarded) statement changed: its rowcount where the driver reports one for an
    executemany, else how many it was given."""
    count = int(getattr(result, "rowcount", -1))
    return count if count >= 0 else attempted


# The reply button's data inside an alert's buttons (JSON), as encode(Reply(n)) writes it.
_REPLY_DATA = re.compile(re.escape(encode(Reply(0))).replace("0", r"\d+"))


async def _delete_alerts(session: AsyncSession, feedback_ids: Sequence[int]) -> None:
    """Delete the staff alerts about these feedback items (they may name the author): one
    scan of the alerts, matched on their buttons here, instead of a LIKE per item."""
    if not feedback_ids:
        return
    markers = {f'"{encode(Reply(n))}"' for n in feedback_ids}
    alerts = await session.execute(
        select(OutboxBody.id, OutboxBody.buttons)
        .join(OutboxMessage, OutboxMessage.body_id == OutboxBody.id)
        .where(OutboxMessage.source == SOURCE_ALERT, OutboxBody.buttons.is_not(None))
    )
    bodies = {
        body
        for body, buttons in alerts
        if any(f'"{found}"' in markers for found in _REPLY_DATA.findall(buttons or ""))
    }
    if bodies:
        await privacy.delete_messages(
            session,
            (OutboxMessage.source == SOURCE_ALERT) & OutboxMessage.body_id.in_(sorted(bodies)),
        )


DATA_SECTION = FeedbackData()
