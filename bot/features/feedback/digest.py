"""The organisers' feedback digest: aggregates computed by the database, text, chart, schedule.

Exactly one scheduled digest per organiser and local day, whatever happens: the claim is a row
of ``digest_deliveries`` (UNIQUE(user_id, day)) inserted with ON CONFLICT DO NOTHING in the
same transaction that writes the digest's messages to the outbox. Two bot instances, a restart
or a retry therefore cannot send it twice, and a crash before the commit leaves it unsent.

Schedule: :func:`run_due_digests` runs every minute. An organiser is due when their local
digest time has passed today and today's claim does not exist yet; a digest claimed more than
``digest_late_after_minutes`` after its time (the bot was down) says so. Only *today's* digest
is caught up: a day the bot missed entirely is not sent afterwards (a stale evening summary the
next day helps nobody) — organisers can ask for any day with ``/digest``.
A digest scheduled before noon reports on the previous day (a morning read of yesterday);
from noon on it reports on the day itself.
"""

from __future__ import annotations

import asyncio
import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import case, delete, exists, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot import dates, day_ranges
from bot.centre import Centre
from bot.clock import Clock
from bot.features.feedback.models import DigestDelivery, DigestSubscription, Feedback, FeedbackTag
from bot.features.feedback.service import MEALS, FeedbackError, meal_label, stars_text, tag_label
from bot.fonts import cjk_font_path
from bot.i18n import Catalog, Translator
from bot.services import outbox, privacy
from bot.services.digest import DigestSection
from bot.services.holiday_calendar import HolidayCalendar
from bot.settings import FeedbackSettings, Settings
from bot.storage.db import Database
from bot.storage.models import User, UserRole
from bot.storage.upsert import insert_for, insert_ignore

if TYPE_CHECKING:  # matplotlib is imported only when a chart is drawn
    from matplotlib.font_manager import FontProperties

log = logging.getLogger(__name__)

SOURCE_DIGEST = "feedback:digest"
DIGEST_ROLES = ("organiser", "admin")
MAX_RANGE_DAYS = 31
CHART_DAYS = 14
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MORNING_CUTOFF = 12 * 60  # a digest due before noon reports on the previous day
MESSAGE_BUDGET = 3800  # characters of HTML per message (Telegram allows 4096 after parsing)
TOP_TAGS = 5
UNRESOLVED_LISTED = 5


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    day: date
    meal: str
    stars: int
    comment: str
    name: str | None  # None: anonymous


@dataclass(frozen=True, slots=True)
class DayPoint:
    day: date
    count: int
    average: float | None


@dataclass
class Report:
    """Everything a digest shows for ``start..end`` (one day or a range)."""

    start: date
    end: date
    count: int = 0
    average: float | None = None
    baseline_average: float | None = None
    baseline_count: int = 0
    stars: dict[int, int] = field(default_factory=dict)
    meals: list[tuple[str, int, float]] = field(default_factory=list)
    tags: list[tuple[str, int]] = field(default_factory=list)
    lowest: list[Comment] = field(default_factory=list)
    unresolved_count: int = 0
    unresolved: list[tuple[int, date, str, int]] = field(default_factory=list)
    series: list[DayPoint] = field(default_factory=list)


def _avg(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]


async def day_summary(
    session: AsyncSession, start: date, end: date
) -> tuple[int, float | None, dict[int, int]]:
    """``(count, average, {stars: count})`` of ``start..end`` in one aggregate query."""
    columns = [func.count(), func.avg(Feedback.stars)] + [
        func.coalesce(func.sum(case((Feedback.stars == n, 1), else_=0)), 0) for n in range(1, 6)
    ]
    row = (
        await session.execute(select(*columns).where(Feedback.day >= start, Feedback.day <= end))
    ).one()
    return int(row[0]), _avg(row[1]), {n: int(row[n + 1]) for n in range(1, 6)}


async def chart_series(session: AsyncSession, start: date, end: date) -> list[DayPoint]:
    """Responses and average per day of ``start..end`` (missing days filled with zero)."""
    rows = await session.execute(
        select(Feedback.day, func.count(), func.avg(Feedback.stars))
        .where(Feedback.day >= start, Feedback.day <= end)
        .group_by(Feedback.day)
    )
    found = {day: (int(count), _avg(average)) for day, count, average in rows}
    points = []
    day = start
    while day <= end:
        count, average = found.get(day, (0, None))
        points.append(DayPoint(day, count, average))
        day += timedelta(days=1)
    return points


# Over 60 lines on purpose: one query per figure of the report, read in one transaction so they
# agree.
async def build_report(
    session: AsyncSession, start: date, end: date, settings: FeedbackSettings
) -> Report:
    """Aggregate ``start..end`` in the database; only bounded lists come back to Python."""
    in_range = (Feedback.day >= start, Feedback.day <= end)
    report = Report(start=start, end=end)
    report.count, report.average, report.stars = await day_summary(session, start, end)
    baseline = (
        await session.execute(
            select(func.count(), func.avg(Feedback.stars)).where(
                Feedback.day >= start - timedelta(days=7), Feedback.day < start
            )
        )
    ).one()
    report.baseline_count, report.baseline_average = int(baseline[0]), _avg(baseline[1])
    meal_rows = await session.execute(
        select(Feedback.meal, func.count(), func.avg(Feedback.stars))
        .where(*in_range)
        .group_by(Feedback.meal)
    )
    by_meal = {meal: (int(count), float(average)) for meal, count, average in meal_rows}
    report.meals = [(meal, *by_meal[meal]) for meal in MEALS if meal in by_meal]
    tag_count = func.count().label("n")
    tag_rows = await session.execute(
        select(FeedbackTag.tag, tag_count)
        .where(FeedbackTag.day >= start, FeedbackTag.day <= end)
        .group_by(FeedbackTag.tag)
        .order_by(tag_count.desc(), FeedbackTag.tag)
        .limit(TOP_TAGS)
    )
    report.tags = [(tag, int(n)) for tag, n in tag_rows]
    if settings.digest_lowest_comments:
        comment_rows = await session.execute(
            select(
                Feedback.id,
                Feedback.day,
                Feedback.meal,
                Feedback.stars,
                Feedback.comment,
                Feedback.anonymous,
                User.first_name,
            )
            .outerjoin(User, User.id == Feedback.user_id)
            .where(*in_range, Feedback.comment.is_not(None))
            .order_by(Feedback.stars, Feedback.updated_at.desc(), Feedback.id)
            .limit(settings.digest_lowest_comments)
        )
        report.lowest = [
            Comment(r.id, r.day, r.meal, r.stars, r.comment, None if r.anonymous else r.first_name)
            for r in comment_rows
        ]
    open_items = Feedback.needs_attention.is_(True)
    report.unresolved_count = int(
        await session.scalar(select(func.count()).select_from(Feedback).where(open_items)) or 0
    )
    if report.unresolved_count:
        unresolved = await session.execute(
            select(Feedback.id, Feedback.day, Feedback.meal, Feedback.stars)
            .where(open_items)
            .order_by(Feedback.day, Feedback.id)
            .limit(UNRESOLVED_LISTED)
        )
        report.unresolved = [(r.id, r.day, r.meal, r.stars) for r in unresolved]
    chart_start = min(start, end - timedelta(days=CHART_DAYS - 1))
    report.series = await chart_series(session, chart_start, end)
    return report


# -- text ----------------------------------------------------------------------------------


def _period(t: Translator, start: date, end: date) -> str:
    if start == end:
        return t(
            "digest-period-day",
            day=start.isoformat(),
            weekday=dates.weekday(start, t.lang, long=True),
        )
    return t("digest-period-range", start=start.isoformat(), end=end.isoformat())


def _bar(count: int, total: int, width: int = 10) -> str:
    filled = round(width * count / total) if total else 0
    return "█" * filled + "░" * (width - filled)


# Over 60 lines on purpose: the digest's sections in the order organisers read them; each is a few
# lines.
def render(
    report: Report,
    t: Translator,
    *,
    late_for: time | None = None,
    empty_note: bool = True,
) -> list[str]:
    """The digest as HTML messages (each within Telegram's limit); empty when nothing to say."""
    title = t("digest-title", period=_period(t, report.start, report.end))
    blocks: list[str] = [title]
    if late_for is not None:
        blocks.append(t("digest-late", time=late_for.strftime("%H:%M")))
    if report.count == 0:
        if not empty_note:
            return []
        blocks.append(t("digest-empty"))
        if report.unresolved_count:
            blocks.append(t("digest-unresolved-count", count=report.unresolved_count))
        return _pack(blocks)
    assert report.average is not None
    if report.baseline_average is None:
        change = t("digest-change-none")
    else:
        delta = report.average - report.baseline_average
        change = t(
            "digest-change",
            delta=f"{delta:+.1f}",
            baseline=f"{report.baseline_average:.1f}",
        )
    blocks.append(
        t("digest-summary", count=report.count, average=f"{report.average:.1f}", change=change)
    )
    stars = [t("digest-stars-title")]
    for n in range(5, 0, -1):
        count = report.stars.get(n, 0)
        share = round(100 * count / report.count)
        stars.append(f"{n}★ {_bar(count, report.count)} {count} ({share}%)")
    blocks.append("\n".join(stars))
    meals = [t("digest-meals-title")]
    meals += [
        t(
            "digest-meal-line",
            meal=meal_label(t, meal),
            count=count,
            average=f"{average:.1f}",
        )
        for meal, count, average in report.meals
    ]
    blocks.append("\n".join(meals))
    if report.tags:
        tags = t.join(
            t("digest-tag-count", tag=tag_label(t, tag), count=n) for tag, n in report.tags
        )
        blocks.append(t("digest-tags", tags=tags))
    if report.lowest:
        blocks.append(t("digest-lowest-title"))
        for item in report.lowest:
            blocks.append(
                t(
                    "digest-comment",
                    stars=stars_text(item.stars),
                    meal=meal_label(t, item.meal),
                    day=item.day.isoformat(),
                    who=item.name if item.name is not None else t("feedback-anonymous-person"),
                    comment=item.comment,
                )
            )
    if report.unresolved_count:
        lines = [t("digest-unresolved-count", count=report.unresolved_count)]
        lines += [
            t(
                "digest-unresolved-line",
                id=item_id,
                day=day.isoformat(),
                meal=meal_label(t, meal),
                stars=stars_text(stars),
            )
            for item_id, day, meal, stars in report.unresolved
        ]
        blocks.append("\n".join(lines))
    else:
        blocks.append(t("digest-unresolved-none"))
    return _pack(blocks)


def _pack(blocks: list[str]) -> list[str]:
    """Join self-contained HTML blocks into as few messages as fit Telegram's limit."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        block = block[:MESSAGE_BUDGET]  # a block is bounded by the settings; belt and braces
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) > MESSAGE_BUDGET and current:
            messages.append(current)
            current = block
        else:
            current = candidate
    if current:
        messages.append(current)
    return messages


def chart_caption(t: Translator, report: Report) -> str:
    return t(
        "digest-chart-caption",
        start=report.series[0].day.isoformat() if report.series else report.start.isoformat(),
        end=report.end.isoformat(),
    )


def _chart_font(size: float) -> FontProperties:
    """Noto Sans CJK SC from the mplfonts wheel (``bot.fonts``, the posters' font too):
    Chinese and Latin labels alike, never fetched at run time."""
    from matplotlib.font_manager import FontProperties

    return FontProperties(fname=str(cjk_font_path()), size=size)


# Over 60 lines on purpose: one figure, drawn top to bottom; split, it would pass a dozen values.
def render_chart(series: list[DayPoint], t: Translator) -> bytes:
    """A 1200x800 PNG: bars of responses per day, a line of the average, labelled in the
    reader's language (``t``) with a CJK font."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(12, 8), dpi=100)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    positions = list(range(len(series)))
    labels = [point.day.strftime("%m-%d") for point in series]
    counts = [point.count for point in series]
    axes.bar(positions, counts, color="#9ecae1")
    axes.set_ylabel(t("digest-chart-responses"), fontproperties=_chart_font(20))
    axes.set_ylim(0, max([*counts, 1]) * 1.25)
    step = 1 if len(series) <= 16 else 2  # a month of dates stays legible on a phone
    axes.set_xticks(positions[::step])
    axes.set_xticklabels(labels[::step], rotation=45, ha="right", fontproperties=_chart_font(16))
    for tick in axes.get_yticklabels():
        tick.set_fontproperties(_chart_font(16))
    rating = axes.twinx()
    averages = [point.average for point in series]
    points = [(x, a) for x, a in zip(positions, averages, strict=True) if a is not None]
    if points:
        xs, ys = zip(*points, strict=True)
        rating.plot(xs, ys, color="#d62728", linewidth=4, marker="o", markersize=10)
        for x, y in points:
            rating.annotate(
                f"{y:.1f}",
                (x, y),
                textcoords="offset points",
                xytext=(0, 14),
                ha="center",
                fontproperties=_chart_font(14 if len(series) <= 16 else 10),
                color="#d62728",
                bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
            )
    rating.set_ylim(0.5, 5.5)
    rating.set_yticks([1, 2, 3, 4, 5])
    rating.set_ylabel(t("digest-chart-average"), fontproperties=_chart_font(20), color="#d62728")
    rating.tick_params(axis="y", colors="#d62728")
    for tick in rating.get_yticklabels():
        tick.set_fontproperties(_chart_font(16))
    title = (
        t("digest-chart-title", start=labels[0], end=labels[-1])
        if labels
        else t("digest-chart-title-empty")
    )
    axes.set_title(title, fontproperties=_chart_font(24))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


# -- periods (/digest, /export) ------------------------------------------------------------

_DATE = r"\d{4}-\d{2}-\d{2}"
_RANGE = re.compile(rf"^({_DATE})\s*(?:\.\.|~|to)\s*({_DATE})$")
WORDS = {
    "today": 0, "今天": 0, "yesterday": 1, "昨天": 1,
}  # fmt: skip


_YEAR = re.compile(r"\d{4}")
_WEEK_NAMED = re.compile(r"[下上这本]个?(?:周|星期|礼拜)|\b(?:next|last|this)\b", re.IGNORECASE)
_WEEKDAY_WORD = re.compile(r"周|星期|礼拜|\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", re.IGNORECASE)


def _days_gone_by(text: str, today: date, calendar: HolidayCalendar) -> tuple[date, date] | None:
    """The days /closure's reader finds in ``text``, looked back at: a digest is of days gone
    by, and that reader looks ahead ("12月1日到3日" on 20 December is this December's, not next
    year's; "周一到周三" on a Saturday this week's). A year written keeps its days."""
    found = day_ranges.parse_days(text, today, calendar, past=True)
    if _YEAR.search(text) or (found is not None and found[0] <= today):
        return found
    if _WEEK_NAMED.search(text):  # "下周四": that week's, said so (the future is refused)
        return found
    if _WEEKDAY_WORD.search(text):
        if found is None:
            return None
        start, end = found
        while start > today:  # the same weekdays, a week earlier
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return start, end
    if found is not None and (found[0] - today).days <= 31:
        return found  # days just ahead ("12月25日" on the 20th): the future, refused as such
    try:
        year_before = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_before = today.replace(year=today.year - 1, day=28)
    earlier = day_ranges.parse_days(text, year_before, calendar, past=True)
    if earlier is not None and earlier[0] <= today:
        return earlier
    return found


def parse_period(
    text: str, today: date, *, calendar: HolidayCalendar, max_days: int = MAX_RANGE_DAYS
) -> tuple[date, date]:
    """``''``/today/yesterday, ``YYYY-MM-DD``, ``YYYY-MM-DD..YYYY-MM-DD``, or the days in the
    words /closure takes ("2026-12-01 到 2026-12-02", "12月1日至3日"); bounded."""
    text = text.strip().lower()
    if not text:
        return today, today
    if text in WORDS:
        day = today - timedelta(days=WORDS[text])
        return day, day
    match = _RANGE.fullmatch(text)
    try:
        if match:
            start, end = date.fromisoformat(match.group(1)), date.fromisoformat(match.group(2))
        elif re.fullmatch(_DATE, text):
            start = end = date.fromisoformat(text)
        elif found := _days_gone_by(text, today, calendar):
            start, end = found
        else:
            raise FeedbackError("digest-bad-period", max_days=max_days)
    except ValueError:
        raise FeedbackError("digest-bad-period", max_days=max_days) from None
    if end < start:
        start, end = end, start
    if (end - start).days + 1 > max_days:
        raise FeedbackError("digest-range-too-long", max_days=max_days)
    if start > today:
        raise FeedbackError("digest-future")
    return start, end


# -- subscriptions -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Subscription:
    enabled: bool
    at: time


def _minutes(at: time) -> int:
    return at.hour * 60 + at.minute


async def get_subscription(
    session: AsyncSession, user_id: int, settings: FeedbackSettings
) -> Subscription:
    row = await session.get(DigestSubscription, user_id)
    if row is None:
        return Subscription(True, settings.digest_time)
    minutes = row.minute_of_day
    at = settings.digest_time if minutes is None else time(minutes // 60, minutes % 60)
    return Subscription(row.enabled, at)


async def set_subscription(
    session: AsyncSession,
    user_id: int,
    now: datetime,
    *,
    enabled: bool | None = None,
    at: time | None = None,
) -> None:
    """Change an organiser's own digest switch or time (race-free upsert)."""
    values: dict[str, object] = {"updated_at": now}
    if enabled is not None:
        values["enabled"] = enabled
    if at is not None:
        values["minute_of_day"] = _minutes(at)
    statement = insert_for(session, DigestSubscription.__table__).values(  # type: ignore[arg-type]
        user_id=user_id,
        enabled=True if enabled is None else enabled,
        minute_of_day=None if at is None else _minutes(at),
        updated_at=now,
    )
    await session.execute(statement.on_conflict_do_update(index_elements=["user_id"], set_=values))


def parse_time(text: str) -> time | None:
    """``HH:MM`` (24-hour) or ``None``."""
    match = re.fullmatch(r"([01]?\d|2[0-3])[:：.]([0-5]\d)", text.strip())
    return time(int(match.group(1)), int(match.group(2))) if match else None


# -- the schedule --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Recipient:
    user_id: int
    telegram_id: int
    language: str
    at: time


async def due_recipients(
    session: AsyncSession, today: date, local_now: time, settings: FeedbackSettings
) -> list[Recipient]:
    """Organisers whose digest time today has passed and whose digest is not claimed yet."""
    has_role = exists().where(UserRole.user_id == User.id, UserRole.role.in_(DIGEST_ROLES))
    claimed = exists().where(DigestDelivery.user_id == User.id, DigestDelivery.day == today)
    rows = await session.execute(
        select(
            User.id,
            User.telegram_id,
            User.language,
            DigestSubscription.enabled,
            DigestSubscription.minute_of_day,
        )
        .outerjoin(DigestSubscription, DigestSubscription.user_id == User.id)
        .where(has_role, ~claimed, User.blocked_at.is_(None))
        .order_by(User.id)
    )
    now_minutes = _minutes(local_now)
    due = []
    for user_id, telegram_id, language, enabled, minutes in rows:
        if enabled is False:
            continue
        minutes = _minutes(settings.digest_time) if minutes is None else minutes
        if minutes <= now_minutes:
            due.append(Recipient(user_id, telegram_id, language, time(minutes // 60, minutes % 60)))
    return due


def report_day_for(today: date, at: time) -> date:
    return today - timedelta(days=1) if _minutes(at) < MORNING_CUTOFF else today


class DigestEnvironment(Protocol):
    """What the digest job needs (``bot.runtime.Runtime`` has it; no import of it here)."""

    settings: Settings
    centre: Centre
    db: Database
    catalog: Catalog
    clock: Clock
    digest_sections: tuple[DigestSection, ...]


# Over 60 lines on purpose: claim, build and enqueue per recipient must stay in one loop so a
# claim is never left without its messages.
async def run_due_digests(runtime: DigestEnvironment, now: datetime | None = None) -> int:
    """Claim and enqueue every digest due at ``now``; returns how many this call claimed.

    Safe to call from any number of instances at once: the database decides who claims.
    """
    now = now or runtime.clock.now()
    settings = runtime.settings.feedback
    zone = runtime.centre.zone
    local = now.astimezone(zone)
    today = local.date()
    async with runtime.db.read() as session:
        recipients = await due_recipients(session, today, local.time(), settings)
    if not recipients:
        return 0
    reports: dict[date, Report] = {}
    charts: dict[tuple[date, str], bytes] = {}  # one chart per day and language
    claimed = 0
    for recipient in recipients:
        report_day = report_day_for(today, recipient.at)
        if report_day not in reports:
            async with runtime.db.read() as session:
                reports[report_day] = await build_report(session, report_day, report_day, settings)
        report = reports[report_day]
        scheduled = datetime.combine(today, recipient.at, zone)
        late = now - scheduled >= timedelta(minutes=settings.digest_late_after_minutes)
        t = runtime.catalog.translator(recipient.language)
        texts = render(
            report,
            t,
            late_for=recipient.at if late else None,
            empty_note=settings.digest_empty_note,
        )
        texts = await with_sections(runtime, report_day, report_day, texts, t)
        chart_key = (report_day, t.lang)
        if texts and report.count and chart_key not in charts:
            charts[chart_key] = await asyncio.to_thread(render_chart, report.series, t)
        async with runtime.db.transaction() as session:
            won = await insert_ignore(
                session,
                DigestDelivery.__table__,  # type: ignore[arg-type]
                {
                    "user_id": recipient.user_id,
                    "day": today,
                    "report_day": report_day,
                    "late": late,
                    "created_at": now,
                },
                ["user_id", "day"],
            )
            if not won:
                continue
            key = f"digest:{recipient.user_id}:{today.isoformat()}"
            for index, text in enumerate(texts):
                await outbox.enqueue(
                    session,
                    chat_id=recipient.telegram_id,
                    user_id=recipient.user_id,
                    text=text,
                    source=SOURCE_DIGEST,
                    now=now,
                    priority=outbox.PRIORITY_REMINDER,
                    dedupe_key=f"{key}:{index}",
                )
            if texts and report.count:
                await outbox.enqueue(
                    session,
                    chat_id=recipient.telegram_id,
                    user_id=recipient.user_id,
                    text=chart_caption(t, report),
                    photo=charts[chart_key],
                    source=SOURCE_DIGEST,
                    now=now,
                    priority=outbox.PRIORITY_REMINDER,
                    dedupe_key=f"{key}:chart",
                )
        claimed += 1
        log.info("digest of %s claimed for user #%s (late=%s)", today, recipient.user_id, late)
    return claimed


async def with_sections(
    runtime: DigestEnvironment, first: date, last: date, texts: list[str], t: Translator
) -> list[str]:
    """The other features' blocks (bot.services.digest) after the canteen's, for the days
    ``first`` to ``last``: the one path of the scheduled digest and of ``/digest``."""
    zone = runtime.centre.zone
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
    extra = []
    async with runtime.db.read() as session:
        for section in runtime.digest_sections:
            extra += await section.blocks(session, start, end, t)
    return _pack([*texts, *extra]) if extra else texts


# -- data rights (see bot/services/privacy.py) -----------------------------------------------


class DigestData:
    """An organiser's own digest choice and the days a digest was sent to them."""

    name = "digest"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        row = await session.get(DigestSubscription, user_id)
        deliveries = await session.scalars(
            select(DigestDelivery)
            .where(DigestDelivery.user_id == user_id)
            .order_by(DigestDelivery.day)
        )
        minutes = row.minute_of_day if row is not None else None
        return {
            # No row: never changed (on, at the configured time).
            "enabled": row.enabled if row is not None else None,
            "time": None if minutes is None else f"{minutes // 60:02d}:{minutes % 60:02d}",
            "changed": privacy.iso(row.updated_at) if row is not None else None,
            "sent": [
                {"day": d.day.isoformat(), "about": d.report_day.isoformat(), "late": d.late}
                for d in deliveries
            ],
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        ids = list(user_ids)
        await session.execute(delete(DigestSubscription).where(DigestSubscription.user_id.in_(ids)))
        await session.execute(delete(DigestDelivery).where(DigestDelivery.user_id.in_(ids)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their subscription and deliveries: privacy's probe."""
        return [
            exists().where(DigestSubscription.user_id.in_(user_ids)),
            exists().where(DigestDelivery.user_id.in_(user_ids)),
        ]


DATA_SECTION = DigestData()
