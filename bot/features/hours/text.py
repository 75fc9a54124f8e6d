"""Opening hours as text, in the reader's language (catalog ``hours.ftl``).

Shared by the ``/hours`` command and the free-text answers. Pieces that are already HTML are
passed on as :class:`~bot.i18n.Markup`; everything else (a staff member's reason) is escaped.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import get_args

from bot import dates
from bot.centre import Interval, IntervalLabel, Localized, Venue
from bot.features.hours.reasons import fallback_key, reason_for
from bot.features.hours.service import Refusal
from bot.i18n import Catalog, Markup, Translator, message_keys
from bot.services.holiday_calendar import DayKind, festival_key
from bot.services.hours import DaySchedule, HoursBook, Status, VenueStatus, overview, week

LABEL_TEXTS = message_keys(
    get_args(IntervalLabel),
    {
        "breakfast": "hours-label-breakfast",
        "lunch": "hours-label-lunch",
        "dinner": "hours-label-dinner",
    },
)

# Why a staff exception was refused, as the staff member reads it.
REFUSAL_TEXTS = message_keys(
    Refusal,
    {
        Refusal.UNKNOWN_VENUE: "hours-staff-error-unknown_venue",
        Refusal.DATES_REVERSED: "hours-staff-error-dates_reversed",
        Refusal.IN_THE_PAST: "hours-staff-error-in_the_past",
        Refusal.TOO_LONG: "hours-staff-error-too_long",
        Refusal.REASON_TOO_LONG: "hours-staff-error-reason_too_long",
    },
)


@lru_cache(maxsize=8192)
def _memo(catalog: Catalog, lang: str, key: str, args: tuple[tuple[str, object], ...]) -> str:
    return catalog.text(lang, key, **dict(args))


def ct(t: Translator, key: str, /, **args: object) -> str:
    """``t(key, **args)`` remembered: dates, times and labels repeat in every overview."""
    return _memo(t.catalog, t.lang, key, tuple(sorted(args.items())))


def hhmm(minutes: int) -> str:
    minutes %= 1440
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def interval_text(t: Translator, interval: Interval) -> str:
    key = "hours-interval-overnight" if interval.end > 1440 else "hours-interval"
    text = ct(t, key, start=hhmm(interval.start), end=hhmm(interval.end))
    if interval.label:
        return ct(
            t,
            "hours-interval-labelled",
            interval=text,
            label=ct(t, LABEL_TEXTS[interval.label]),
        )
    return text


def intervals_text(t: Translator, intervals: tuple[Interval, ...]) -> str:
    if not intervals:
        return ct(t, "hours-day-closed")
    return ct(t, "hours-interval-separator").join(interval_text(t, i) for i in intervals)


def date_text(t: Translator, day: date, *, short: bool = False, today: date | None = None) -> str:
    """A day in the reader's language; with ``today``, the year is said for another year's day
    that is past or more than eight months ahead ("2028年1月1日（周六）" asked in February 2027,
    never a bare "1月1日" that reads as the day just gone); nearer days stay short."""
    if today is not None and day.year != today.year and not 0 <= (day - today).days <= 240:
        return dates.day(day, t.lang, year=True)
    return dates.day_short(day, t.lang) if short else dates.day(day, t.lang)


def when_text(t: Translator, moment: datetime, today: date) -> str:
    time = hhmm(moment.hour * 60 + moment.minute)
    if moment.date() == today:
        return ct(t, "hours-when-today", time=time)
    if moment.date() == today + timedelta(days=1):
        return ct(t, "hours-when-tomorrow", time=time)
    return ct(t, "hours-when", date=date_text(t, moment.date(), today=today), time=time)


def _localized(t: Translator, value: Localized | str | None) -> str | None:
    return reason_for(value, t.lang)


def reason_text(t: Translator, schedule: DaySchedule) -> str | None:
    """Why the day is special, or ``None`` for an ordinary day."""
    festival = t(festival_key(schedule.festival)) if schedule.festival else None
    status = schedule.status
    if status is Status.HOLIDAY_CLOSED:
        return t("hours-reason-holiday", festival=festival or t("hours-festival-other"))
    if status is Status.HOLIDAY_OPEN:
        return t("hours-reason-holiday-open", festival=festival or t("hours-festival-other"))
    if status is Status.MAKEUP:
        # "按周二的时间开放" / "open with Tuesday's hours": English says the day in full
        # ("Tue hours" read as a code to a newcomer); Chinese says "周二" either way.
        weekday = dates.weekday(schedule.works_as or 0, t.lang, long=t.lang == "en")
        if not schedule.is_open:  # the weekday it stands for has no hours at this venue
            return t("hours-reason-makeup-closed", weekday=weekday)
        if festival:
            return t("hours-reason-makeup", festival=festival, weekday=weekday)
        return t("hours-reason-makeup-plain", weekday=weekday)
    if status in (Status.EXCEPTION_CLOSED, Status.EXCEPTION_HOURS):
        own = _localized(t, schedule.reason)
        return own or t(fallback_key(status is Status.EXCEPTION_CLOSED))
    if status is Status.WEEKLY_CLOSED and schedule.festival:
        # a place open through the holiday, on its own day off inside it: "2月16日（周一）：
        # 不开放" among "春节期间照常开放" was read as closed for the holiday
        return t("hours-reason-weekly-closed")
    return None


def _why(t: Translator, schedule: DaySchedule) -> str:
    reason = reason_text(t, schedule)
    return t("hours-why", reason=reason) if reason else ""


def status_lines(
    t: Translator, book: HoursBook, status: VenueStatus, now_local: datetime
) -> list[str]:
    """Two lines about one venue for the overview: now (and next opening), and today."""
    today = now_local.date()
    name = status.venue.name.get(t.lang)
    if status.venue.hours is None:
        return [t("hours-closed-now", venue=name), t("hours-no-hours")]
    unsettled = (
        unsettled_before(book, status.venue, today, status.next_open.date())
        if status.next_open is not None
        else None
    )
    if status.open_now and status.closes_at is not None:
        first = closing_text(t, "hours-open-now", status.closes_at, now_local, venue=name)
    elif unsettled is not None:
        first = t("hours-closed-until-unsettled", venue=name, year=str(unsettled))
    elif status.next_open is not None:
        first = t(
            "hours-closed-until",
            venue=name,
            when=when_text(t, status.next_open, today),
        )
    else:
        first = t("hours-closed-now", venue=name) + " · " + t("hours-no-next")
    schedule = status.today
    if schedule.is_open:
        second = t("hours-today", hours=Markup(intervals_text(t, schedule.intervals)))
        second += _why(t, schedule)
    else:
        second = t("hours-today-closed", why=Markup(_why(t, schedule)))
    return [first, second]


def hhmm_of(moment: datetime) -> str:
    return hhmm(moment.hour * 60 + moment.minute)


SOON_MINUTES = 60


def closing_text(
    t: Translator, key: str, closes_at: datetime, now_local: datetime, **args: str
) -> str:
    """An "open now, until …" line; within the hour its "-soon" form says how soon too
    ("00:30 关门（还有10分钟）"), so that "today 06:30–next day 00:30" read at 00:20 is not
    taken for open all night."""
    left = int((closes_at - now_local).total_seconds() // 60)
    if 0 <= left < SOON_MINUTES:
        return t(f"{key}-soon", until=hhmm_of(closes_at), minutes=max(left, 1), **args)
    if closes_at.date() > now_local.date():
        # 08:15 on Saturday, "开放中，00:30 关门" read as closed already or closing at once:
        # the night after says so ("次日00:30 关门")
        until = t("hours-until-next-day", time=hhmm_of(closes_at))
        return t(key, until=until, **args)
    return t(key, until=hhmm_of(closes_at), **args)


def overview_text(t: Translator, book: HoursBook, now_local: datetime) -> str:
    """The ``/hours`` message: every venue, open now or not, today's hours, next opening."""
    today = now_local.date()
    title = t("hours-overview-title", date=date_text(t, today), time=hhmm_of(now_local))
    blocks = [title]
    unsettled = book.calendar.day(today).unsettled_year
    if unsettled:
        blocks.append(t("hours-unsettled", year=str(unsettled)))
    lines = [
        line
        for status in overview(book, now_local)
        for line in status_lines(t, book, status, now_local)
    ]
    blocks.append("\n".join(lines))
    blocks.append(t("hours-overview-footer"))
    return "\n\n".join(blocks)


def week_text(
    t: Translator, book: HoursBook, venue: Venue, first: date, *, today: date | None = None
) -> str:
    """A venue's seven days from ``first``, holidays and exceptions marked with their reason."""
    name = venue.name.get(t.lang)
    if today is None or first == today:
        lines = [t("hours-week-title", venue=name)]
    else:
        lines = [t("hours-week-title-from", venue=name, date=date_text(t, first))]
    schedules = week(book, venue, first)
    years = sorted({s.unpublished_year for s in schedules if s.unpublished_year})
    for schedule in schedules:
        mark = _mark(schedule)
        hours = intervals_text(t, schedule.intervals)
        reason = reason_text(t, schedule)
        text = t(
            "hours-week-line",
            mark=mark,
            date=date_text(t, schedule.day, short=True),
            hours=Markup(hours),
        )
        if reason:
            text += t("hours-why", reason=reason)
        lines.append(text)
    lines += [t("hours-unsettled", year=str(year)) for year in years]
    if venue.address is not None:
        lines.append(t("hours-week-where", address=venue.address.get(t.lang)))
    if venue.phone:
        lines.append(t("hours-week-phone", phone=venue.phone))
    return "\n".join(lines)


def _mark(schedule: DaySchedule) -> str:
    return {
        Status.HOLIDAY_CLOSED: "🎉",
        Status.HOLIDAY_OPEN: "🎉",
        Status.MAKEUP: "🔁",
        Status.EXCEPTION_CLOSED: "⚠️",
        Status.EXCEPTION_HOURS: "⚠️",
        Status.WEEKLY_CLOSED: "▫️",
    }.get(schedule.status, "▪️")


def _closed_run(t: Translator, book: HoursBook, venue: Venue, day: date, today: date) -> list[str]:
    """A holiday closure lasting more days than the one asked ("春节食堂开吗": 初一 is asked,
    除夕 to 初三 are all closed): the whole run, so no one takes the day before for open."""
    first, last = _run_of(book, venue, day)
    if first == last:
        return []
    # A year without its notice: only the statutory days are known to be off, so the run is
    # named as those days, never as the whole break.
    unsettled = book.day(venue, day).unpublished_year is not None
    return [
        t(
            "hours-closed-run-statutory" if unsettled else "hours-closed-run",
            festival=t(festival_key(book.day(venue, day).festival)),
            venue=venue.name.get(t.lang),
            first=date_text(t, first, today=today),
            last=date_text(t, last, today=today),
        )
    ]


def unsettled_before(book: HoursBook, venue: Venue, after: date, opening: date) -> int | None:
    """The year whose notice is not out when a day after ``after`` up to ``opening`` (the
    next opening) may still turn into a bridge day or a make-up working day at ``venue``
    (:attr:`DayKind.UNKNOWN`, not overridden by a closure or special hours): that opening is
    then a guess ("国庆 2027: opens 4 Oct" while the break is likely 1–7 Oct)."""
    if venue.hours is None or venue.hours.holiday_rule == "ignore":
        return None
    settled = (Status.EXCEPTION_CLOSED, Status.EXCEPTION_HOURS)
    unsettled: int | None = None
    day = after + timedelta(days=1)
    while day <= opening:
        info = book.calendar.day(day)
        if info.kind is DayKind.UNKNOWN and book.day(venue, day).status not in settled:
            unsettled = info.unsettled_year
            break
        day += timedelta(days=1)
    if unsettled is None:
        return None
    # Only a reopening after a statutory holiday of that year is a guess: an ordinary evening
    # inside the weeks around one still reopens the next morning as the week says.
    day = after
    while day < opening:
        schedule = book.day(venue, day)
        if schedule.status is Status.HOLIDAY_CLOSED and schedule.unpublished_year is not None:
            return unsettled
        day += timedelta(days=1)
    return None


def next_open_text(
    t: Translator, book: HoursBook, venue: Venue, after: date, opening: datetime, today: date
) -> str:
    """ "下次开放：…", or, when the days up to it wait for the year's notice, that it is not
    known yet rather than a date that is probably wrong."""
    unsettled = unsettled_before(book, venue, after, opening.date())
    if unsettled is not None:
        return t("hours-next-open-unsettled", year=str(unsettled))
    return t("hours-next-open", when=when_text(t, opening, today))


def day_answer_text(
    t: Translator, book: HoursBook, venue: Venue, day: date, now_local: datetime
) -> str:
    """The answer to "is <venue> open on <day>?" (with "open now?" when the day is today)."""
    from bot.services.hours import venue_status  # local: keeps the import list short

    schedule = book.day(venue, day)
    lines: list[str] = []
    if venue.hours is None:
        lines.append(t("hours-closed-now", venue=venue.name.get(t.lang)))
        lines.append(t("hours-no-hours"))
        return "\n".join(lines)
    if schedule.unpublished_year and schedule.status is Status.HOLIDAY_CLOSED:
        # What the law fixes is exact; only the days around it wait for the notice.
        festival = t(festival_key(schedule.festival))
        lines.append(
            t(
                "hours-statutory-closed",
                venue=venue.name.get(t.lang),
                date=date_text(t, day, today=now_local.date()),
                festival=festival,
            )
        )
        lines.append(t("hours-unsettled-holiday", year=str(schedule.unpublished_year)))
        lines.extend(_closed_run(t, book, venue, day, now_local.date()))
    else:
        text = t(
            "hours-day-answer",
            venue=venue.name.get(t.lang),
            date=date_text(t, day, today=now_local.date()),
            hours=Markup(intervals_text(t, schedule.intervals)),
        )
        lines.append(text + Markup(_why(t, schedule)))
        if schedule.unpublished_year:
            lines.append(t("hours-unsettled", year=str(schedule.unpublished_year)))
        if schedule.status is Status.HOLIDAY_CLOSED:
            lines.extend(_closed_run(t, book, venue, day, now_local.date()))
    today = now_local.date()
    if day == today:
        status = venue_status(book, venue, now_local)
        if status.open_now and status.closes_at is not None and status.overnight:
            # 00:10 on Saturday: Friday's late opening, not Saturday's 06:30 shown above
            night = dates.weekday(today - timedelta(days=1), t.lang, long=t.lang == "en")
            lines.append(
                closing_text(
                    t, "hours-now-open-overnight", status.closes_at, now_local, night=night
                )
            )
        elif status.open_now and status.closes_at is not None:
            lines.append(closing_text(t, "hours-now-open", status.closes_at, now_local))
        else:
            lines.append(t("hours-now-closed"))
            if status.next_open is not None:
                lines.append(next_open_text(t, book, venue, today, status.next_open, today))
    elif not schedule.is_open:
        # from the day's start, or from now for a day gone by ("昨天食堂开了吗" at 09:00: not
        # "next opening today 06:30", already past)
        start = max(datetime.combine(day, datetime.min.time(), now_local.tzinfo), now_local)
        after = venue_status(book, venue, start)
        if day < today and after.open_now and after.closes_at is not None:
            lines.append(closing_text(t, "hours-now-open", after.closes_at, now_local))
        elif after.next_open is not None and after.next_open.date() != day:
            lines.append(next_open_text(t, book, venue, start.date(), after.next_open, today))
    return "\n".join(lines)


def days_answer_text(
    t: Translator, book: HoursBook, venue: Venue, days: tuple[date, ...], now_local: datetime
) -> str:
    """One venue on several days ("春节期间食堂开吗"): a line a day, and what the days share
    (the unpublished-notice caveat, the next opening) said once at the end, not per day."""
    blocks = [day_answer_text(t, book, venue, day, now_local).split("\n") for day in days]
    if len(blocks) == 1:
        return "\n".join(blocks[0])
    blocks = _joined_runs(t, book, venue, days, blocks, now_local.date())
    counts = Counter(line for block in blocks for line in set(block))
    shared = {line for line, count in counts.items() if count > 1}
    lines, tail = [], []
    for block in blocks:
        for line in block:
            if line not in shared:
                lines.append(line)
            elif line not in tail:
                tail.append(line)
    return "\n".join(lines + tail)


RUN_MIN_DAYS = 3


def _joined_runs(
    t: Translator,
    book: HoursBook,
    venue: Venue,
    days: tuple[date, ...],
    blocks: list[list[str]],
    today: date,
) -> list[list[str]]:
    """Three or more days in a row with the same hours and reason ("国庆放假食堂开吗": seven
    days closed) as one block with one line for the run ("10月1日（周四）至10月7日（周三）：
    不开放（国庆节放假）") instead of seven identical lines with "现在关闭" stuck among them;
    the run's "closed from … to …" line then says nothing more and is left out."""
    keys: list[str | None] = []
    for day in days:
        schedule = book.day(venue, day)
        statutory = schedule.unpublished_year and schedule.status is Status.HOLIDAY_CLOSED
        keys.append(
            None if statutory else intervals_text(t, schedule.intervals) + _why(t, schedule)
        )
    runs: list[list[int]] = []
    for index, day in enumerate(days):
        previous = runs[-1][-1] if runs else None
        if (
            previous is not None
            and keys[index] is not None
            and keys[index] == keys[previous]
            and (day - days[previous]).days == 1
        ):
            runs[-1].append(index)
        else:
            runs.append([index])
    joined: list[list[str]] = []
    for run in runs:
        if len(run) < RUN_MIN_DAYS:
            joined.extend(blocks[index] for index in run)
            continue
        first, last = days[run[0]], days[run[-1]]
        schedule = book.day(venue, first)
        head = t(
            "hours-day-answer",
            venue=venue.name.get(t.lang),
            date=t(
                "hours-days-range",
                first=date_text(t, first, today=today),
                last=date_text(t, last, today=today),
            ),
            hours=Markup(intervals_text(t, schedule.intervals)),
        ) + Markup(_why(t, schedule))
        covered = _run_of(book, venue, first) == (first, last)
        said = set(_closed_run(t, book, venue, first, today)) if covered else set()
        # a line only one day has ("现在关闭。", today's) before what all the days share
        # ("下次开放：…"), as in a single day's answer
        counts = Counter(line for index in run for line in set(blocks[index][1:]))
        rest = [
            line for index in run for line in blocks[index][1:] if line not in said and line.strip()
        ]
        own = [line for line in dict.fromkeys(rest) if counts[line] == 1]
        shared = [line for line in dict.fromkeys(rest) if counts[line] > 1]
        joined.append([head, *own, *shared])
    return joined


def _run_of(book: HoursBook, venue: Venue, day: date) -> tuple[date, date]:
    """The first and last day of the holiday closure ``day`` is in."""
    first = last = day
    while book.day(venue, first - timedelta(days=1)).status is Status.HOLIDAY_CLOSED:
        first -= timedelta(days=1)
    while book.day(venue, last + timedelta(days=1)).status is Status.HOLIDAY_CLOSED:
        last += timedelta(days=1)
    return first, last


def day_overview_text(t: Translator, book: HoursBook, day: date, today: date | None = None) -> str:
    """Every venue's hours on one day ("are you open on National Day?"); with ``today``, a
    day of another year far ahead or gone says its year (:func:`date_text`)."""
    lines = [t("hours-day-overview-title", date=date_text(t, day, today=today))]
    schedules = [(venue, book.day(venue, day)) for venue in book.centre.venues]
    years = sorted({s.unpublished_year for _, s in schedules if s.unpublished_year})
    for venue, schedule in schedules:
        text = t(
            "hours-day-overview-line",
            venue=venue.name.get(t.lang),
            hours=Markup(intervals_text(t, schedule.intervals)),
        )
        lines.append(text + _why(t, schedule))
    lines += [t("hours-unsettled", year=str(year)) for year in years]
    return "\n".join(lines)


def days_overview_text(
    t: Translator, book: HoursBook, days: tuple[date, ...], today: date | None = None
) -> str:
    """Every venue over several days ("国庆期间哪些地方开门"): one line a venue, its days
    grouped by the hours they share, so a week's holiday reads on one screen instead of
    seven overviews (which in English outgrew Telegram's 4,096 characters). One or two days
    keep the overview of each day."""
    if len(days) < 3:
        return "\n\n".join(day_overview_text(t, book, day, today) for day in days)
    first, last = min(days), max(days)
    lines = [
        t(
            "hours-days-overview-title",
            first=date_text(t, first, today=today),
            last=date_text(t, last, today=today),
        )
    ]
    years: set[int] = set()
    for venue in book.centre.venues:
        runs: dict[str, list[date]] = {}  # the day's text and the days it holds, first seen first
        for day in sorted(days):
            schedule = book.day(venue, day)
            if schedule.unpublished_year:
                years.add(schedule.unpublished_year)
            text = intervals_text(t, schedule.intervals) + _why(t, schedule)
            runs.setdefault(text, []).append(day)
        name = venue.name.get(t.lang)
        if len(runs) == 1:
            (text,) = runs
            lines.append(t("hours-day-overview-line", venue=name, hours=Markup(text)))
            continue
        lines.append(t("hours-days-overview-venue", venue=name))
        for text, held in runs.items():
            lines.append(
                t("hours-days-overview-part", days=_days_label(t, held), hours=Markup(text))
            )
    lines += [t("hours-unsettled", year=str(year)) for year in sorted(years)]
    return "\n".join(lines)


def _days_label(t: Translator, days: list[date]) -> str:
    """ "10月1日–10月3日、10月6日": runs of consecutive days as ranges, in order."""
    runs: list[list[date]] = []
    for day in days:
        if runs and (day - runs[-1][-1]).days == 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = [
        dates.day_short(run[0], t.lang)
        if len(run) == 1
        else t(
            "hours-days-range",
            first=dates.day_short(run[0], t.lang),
            last=dates.day_short(run[-1], t.lang),
        )
        for run in runs
    ]
    return ct(t, "hours-days-separator").join(parts)


def venue_info_text(t: Translator, book: HoursBook, venue: Venue, now_local: datetime) -> str:
    """Where a venue is, its phone, notes, and today's hours."""
    lines = [t("hours-venue-title", venue=venue.name.get(t.lang))]
    if venue.address is not None:
        lines.append(t("hours-week-where", address=venue.address.get(t.lang)))
    if venue.phone:
        lines.append(t("hours-week-phone", phone=venue.phone))
    if venue.notes is not None:
        lines.append(t("hours-venue-notes", notes=venue.notes.get(t.lang)))
    if venue.hours is not None:
        schedule = book.day(venue, now_local.date())
        lines.append(
            t("hours-venue-today", hours=Markup(intervals_text(t, schedule.intervals)))
            + _why(t, schedule)
        )
    return "\n".join(lines)
