"""Staff answers in words: dates, times, prices, sizes and choices in natural Chinese or English.

Staff type what they would say to a colleague ("下周四晚上7点到8点半", "每周二 19:00", "免费",
"20人", "tomorrow 6pm", "先到先得"). The dates come from the resident-side rules
(:func:`bot.understanding.timex.find_times`); this module adds the clock times, weekly
patterns, prices, sizes and the few plain choices. Rules, not a general parser: anything not
understood is ``None`` and the caller asks again, politely.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.normalise import fold
from bot.understanding.timex import cn_number, find_times

_CN_NUM = r"[0-9]{1,2}|[零一二两三四五六七八九十]{1,3}"
# One clock time: "19:00", "19点", "7点半", "晚上7点15", "7pm", "7:30 pm", "下午三点"
_PART = r"(?P<{p}part>凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜里|晚)?\s*"
_CLOCK = (
    r"(?P<{p}hour>" + _CN_NUM + r")\s*(?:(?::|点|點|时)\s*"
    r"(?P<{p}min>[0-5]?[0-9]|半|一刻|三刻|[零一二三四五六七八九十]{1,3})?\s*分?)"
    r"\s*(?P<{p}ampm>am|pm|a\.m\.|p\.m\.)?"
)
_CLOCK_AMPM = r"(?P<{p}hour2>[0-9]{1,2})\s*(?P<{p}ampm2>am|pm)"
_ONE = "(?:" + _PART + "(?:" + _CLOCK + "|" + _CLOCK_AMPM + "))"
_RANGE = re.compile(
    _ONE.replace("{p}", "a")
    + r"(?:\s*(?:-|–|~|～|到|至|—|to|until|till)\s*"
    + _ONE.replace("{p}", "b")
    + ")?",
    re.IGNORECASE,
)
_AFTERNOON = {"下午", "傍晚", "晚上", "夜里", "晚"}
_WEEKLY = re.compile(
    r"(?:每(?:个)?(?:周|星期|礼拜)|every\s+)(?P<day>[一二三四五六日天七]|"
    r"mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|"
    r"sat(?:urday)?|sun(?:day)?)",
    re.IGNORECASE,
)
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_FREE = re.compile(r"^(?:免费|不收费|无需付费|0|0元|free|no charge|none)$", re.IGNORECASE)
_PRICE = re.compile(
    r"^(?:¥|￥|rmb|cny)?\s*(?P<n>\d{1,5}(?:\.\d{1,2})?)\s*(?:元|块|块钱|rmb|cny|yuan)?$",
    re.IGNORECASE,
)
_SIZE = re.compile(
    r"^(?:限|最多|up to|max(?:imum)?)?\s*(?P<n>\d{1,5}|[一二两三四五六七八九十百]{1,4})\s*"
    r"(?:人|位|个人|名|个名额|个|people|persons?|seats?|places?)?$",
    re.IGNORECASE,
)
_UNLIMITED = re.compile(r"^(?:不限|无限|不限人数|unlimited|no limit|any)$", re.IGNORECASE)
_CHOICES: dict[str, tuple[str, ...]] = {
    "fcfs": ("先到先得", "先报先得", "先来先得", "直接报名", "first come",
             "first come first served", "first come, first served", "first-come", "fcfs"),
    "lottery": ("抽签", "摇号", "抽奖", "lottery", "draw", "ballot"),
}  # fmt: skip


# "Skip" typed at an optional step instead of pressing the button: never taken as an answer.
_SKIP = re.compile(
    r"^(?:跳过|略过|跳过这一步|不需要|不用|不要|无|没有|不填"
    r"|skip|skip it|skip this|none|n/?a|no|-)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day, or a span of one ("19:00–20:30")."""

    start: time
    end: time | None = None


def _minutes(text: str | None) -> int:
    if not text:
        return 0
    if text == "半":
        return 30
    if text == "一刻":
        return 15
    if text == "三刻":
        return 45
    return int(text) if text.isdigit() else cn_number(text)


def _hour(hour: int, part: str | None, ampm: str | None, after_noon: bool) -> int | None:
    ampm = (ampm or "").replace(".", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    elif (part in _AFTERNOON and hour < 12) or (part == "中午" and hour < 6):
        hour += 12
    elif not part and not ampm and after_noon and hour < 12:
        hour += 12  # "7点到8点半" after "晚上7点": the end is in the evening too
    return hour if 0 <= hour <= 24 else None


def _one(match: re.Match[str], p: str, after_noon: bool = False) -> time | None:
    part = match.group(f"{p}part")
    if match.group(f"{p}hour") is not None:
        raw, minute, ampm = match.group(f"{p}hour"), match.group(f"{p}min"), match.group(f"{p}ampm")
    elif match.group(f"{p}hour2") is not None:
        raw, minute, ampm = match.group(f"{p}hour2"), None, match.group(f"{p}ampm2")
    else:
        return None
    number = int(raw) if raw.isdigit() else cn_number(raw)
    hour = _hour(number, part, ampm, after_noon)
    minutes = _minutes(minute)
    if hour is None or not 0 <= minutes < 60:
        return None
    return time(23, 59) if hour == 24 else time(hour, minutes)


# A bare hour opening a span whose end alone carries the half-day: the "7" of "7-8:30pm".
_BARE_START = re.compile(r"(?<![0-9:.])([0-9]{1,2})\s*(?:-|–|~|～|—|to)\s*$", re.IGNORECASE)


def _plain(match: re.Match[str], p: str) -> bool:
    """The ``p`` side of a span has no half-day of its own ("7:00" in "7:00-8:30pm")."""
    return not (match.group(f"{p}part") or match.group(f"{p}ampm") or match.group(f"{p}ampm2"))


def _in_the_afternoon(start: time, end: time) -> time:
    """``start`` moved into the afternoon when the span's end is there and it fits before it
    ("7:00-8:30pm" is 19:00–20:30, but "9:00-5pm" stays 09:00–17:00)."""
    if start.hour < 12 <= end.hour and time(start.hour + 12, start.minute) < end:
        return time(start.hour + 12, start.minute)
    return start


def find_clock(text: str) -> tuple[Clock, tuple[int, int]] | None:
    """The first time of day (or span) in ``text``, and where it is."""
    folded = fold(text)
    for match in _RANGE.finditer(folded):
        start = _one(match, "a")
        if start is None:
            continue
        end = None
        if match.group("bhour") is not None or match.group("bhour2") is not None:
            end = _one(match, "b", after_noon=start.hour >= 12)
            if end is None:
                return None
            if _plain(match, "a") and not _plain(match, "b"):
                start = _in_the_afternoon(start, end)
            if end <= start:
                return None
            return Clock(start, end), match.span()
        bare = _BARE_START.search(folded, 0, match.start())
        if bare is not None and bare.end() == match.start() and int(bare.group(1)) <= 24:
            opening = time(min(int(bare.group(1)), 23), 0)
            if not _plain(match, "a"):
                opening = _in_the_afternoon(opening, start)
            if opening >= start:
                return None
            return Clock(opening, start), (bare.start(1), match.end())
        return Clock(start, None), match.span()
    return None


def times_said(text: str) -> list[tuple[Clock, int, bool]]:
    """Each time of day (or span) in ``text``: the clock, where its words end in the folded
    text, and whether it has no half-day of its own ("8点", "20:00": plain)."""
    folded = fold(text)
    said: list[tuple[Clock, int, bool]] = []
    for match in _RANGE.finditer(folded):
        start = _one(match, "a")
        if start is None:
            continue
        spans = match.group("bhour") is not None or match.group("bhour2") is not None
        end = _one(match, "b", after_noon=start.hour >= 12) if spans else None
        if spans and end is None:
            continue  # "9点到25点": no span read
        said.append((Clock(start, end if spans else None), match.end(), _plain(match, "a")))
    return said


def find_end_clock(text: str, start: time) -> time | None:
    """The end of something that starts at ``start`` the same day ("4点" after 14:00 is 16:00,
    "8点半" after 19:00 is 20:30): a time with no half-day of its own is the one after the
    start when it can be."""
    folded = fold(text)
    for match in _RANGE.finditer(folded):
        end = _one(match, "a", after_noon=start.hour >= 12)
        if end is None:
            continue
        if _plain(match, "a") and end <= start and end.hour < 12:
            end = time(end.hour + 12, end.minute)
        return end
    return None


def find_date(text: str, today: date, calendar: HolidayCalendar) -> date | None:
    """The day named in ``text`` ("下周四", "12月3日", "tomorrow", "Friday 27 March"), if it
    names one. A weekday beside a date is read as that date's own weekday ("Friday 27
    March"); days that disagree ("明天 3月27日", "Friday 26 March") name none, so the staff
    member is asked again rather than a class moved to a day they did not mean."""
    days = [
        mention
        for mention in find_times(fold(text), today, calendar)
        if mention.resolved and len(mention.days) == 1
    ]
    dated = {m.days[0] for m in days if m.kind != "weekday"}
    weekdays = {m.days[0].weekday() for m in days if m.kind == "weekday"}
    if len(dated) > 1:
        return None
    if dated:
        (day,) = dated
        return day if weekdays <= {day.weekday()} else None
    if len({m.days[0] for m in days}) > 1:  # two weekdays: "周四还是周五"
        return None
    return days[0].days[0] if days else None


def find_weekly(text: str) -> int | None:
    """The weekday of "每周二" / "every Tuesday" (Monday is 0)."""
    match = _WEEKLY.search(fold(text))
    if match is None:
        return None
    day = match.group("day").lower()
    if day in _WEEKDAYS:
        return _WEEKDAYS[day]
    return _EN_WEEKDAYS.index(day[:3])


def parse_moment(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar, *, end_of_day: bool
) -> datetime | None:
    """A day and a time in the centre's zone as aware UTC ("明天 18:00", "12月1日", "tomorrow
    6pm"); a day alone means its start, or its end with ``end_of_day`` (for "valid until")."""
    local_now = now.astimezone(zone)
    day = find_date(text, local_now.date(), calendar)
    found = find_clock(text)
    if day is None and found is None:
        return None
    if day is None:
        day = local_now.date()
    default = time(23, 59) if end_of_day else time(0, 0)
    at = found[0].start if found is not None else default
    return datetime.combine(day, at, tzinfo=zone).astimezone(now.tzinfo)


def parse_price(text: str) -> int | None:
    """A price in fen: "免费" / "free" → 0, "20元" / "¥20" / "20 yuan" → 2000, "12.5" → 1250."""
    compact = fold(text).strip().rstrip("。")
    if _FREE.match(compact):
        return 0
    match = _PRICE.match(compact)
    if match is None:
        return None
    whole, _, cents = match.group("n").partition(".")
    return int(whole) * 100 + int(cents.ljust(2, "0") or "0")


def fold_text(text: str) -> str:
    """Staff text folded for matching (full-width to half-width, simplified, lower case)."""
    return fold(text).strip().rstrip("。.!！")


def cn_count(text: str) -> int | None:
    """A count in digits or Chinese numerals up to hundreds ("二十", "一百", "20")."""
    return _cn_count(text)


def _cn_count(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text.endswith("百"):
        head = text[:-1] or "一"
        return cn_number(head) * 100 if len(head) == 1 else None
    value = cn_number(text)
    return value or None


def is_unlimited(text: str) -> bool:
    """Whether staff said "no limit" in words ("不限", "不限人数", "unlimited")."""
    return bool(_UNLIMITED.match(fold(text).strip().rstrip("。.")))


def parse_size(text: str) -> int | None:
    """An audience size: "20人", "二十位", "up to 30 people", "30"; ``0`` means no limit."""
    compact = fold(text).strip().rstrip("。.")
    if is_unlimited(compact):
        return 0
    match = _SIZE.match(compact)
    if match is None:
        return None
    return _cn_count(match.group("n"))


def parse_choice(text: str, options: tuple[str, ...]) -> str | None:
    """One of ``options`` named in words ("先到先得" → "fcfs", "抽签" → "lottery")."""
    compact = fold(text).strip().rstrip("。.!！")
    for option in options:
        if compact == option or any(compact == word for word in _CHOICES.get(option, ())):
            return option
    return None


def is_skip(text: str) -> bool:
    """Whether staff typed "skip" ("跳过", "不需要", "无", "none") rather than an answer."""
    return bool(_SKIP.match(fold_text(text)))


def end_of(day: date, zone: tzinfo) -> datetime:
    """The last minute of ``day`` in ``zone``."""
    return datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=zone) - timedelta(minutes=1)
