"""Stage 2: the time expressions of a (normalised) question.

Each expression found is a :class:`TimeMention`: either resolved to one or more dates ("周末"
→ Saturday and Sunday) or *found but not resolved* ("2月30日", "下个月", "节假日", an unknown
"XX节"). An unresolved mention is never replaced by today: the caller asks which day, with
:attr:`TimeMention.candidates` as the likely days.

Rules, not a general parser: the evaluation in docs/hours.md compares them with ``jionlp`` and
``dateparser`` (both slower and less accurate on residents' questions).
"""

from __future__ import annotations

import calendar as gregorian
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.services.holiday_calendar import DayKind, HolidayCalendar, Source
from bot.understanding.festivals import FESTIVALS, LUNAR_CUE, Festival, festival_day
from bot.understanding.prefilter import Needs, may_match, needs_of

_CN_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9,
}  # fmt: skip
_WEEKDAY_CN = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
_WEEKDAY_CN |= {str(n): n - 1 for n in range(1, 8)}  # "周7", "星期5"
_WEEKDAY_EN = {
    "monday": 0, "mon": 0, "tuesday": 1, "tue": 1, "wednesday": 2, "wed": 2, "thursday": 3,
    "thu": 3, "thur": 3, "friday": 4, "fri": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
_MONTHS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUM = r"([0-9]{1,2}|[一二两三四五六七八九十廿卅]{1,3})"
_LUNAR_DAY = (
    r"(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?"
    r"|廿[一二三四五六七八九]?|三十"
    # 月半, the month's middle, its 15th ("阴历十一月半", "腊月半"; not "半个月", "半夜")
    r"|(?<=月)半(?![个天年夜日拉]))"
)
_NOT_A_DAY_AFTER_HAO = r"(?![码楼线口门房室栋座位厅馆柜台场区车床桌院机道厂号])"
# An English ordinal that counts something else: "the 2nd floor", "my 3rd time", "1st time here"
_NOT_A_DAY_AFTER_ORDINAL = (
    r"(?!\s*(?:floor|storey|story|time|times|year|row|gate|door|room|level|street|st\b|avenue"
    r"|ave\b|grade|class|lesson|visit|attempt|place|edition|round|person|child|grandchild|kid))"
)


def cn_number(text: str) -> int:
    """1–39 written in digits or Chinese numerals (十二, 二十三, 廿三, 卅一)."""
    if text.isdigit():
        return int(text)
    text = text.replace("廿", "二十").replace("卅", "三十")
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    if len(text) == 2 and all(c in _CN_DIGITS for c in text):  # 二三 (rare) = 23
        return _CN_DIGITS[text[0]] * 10 + _CN_DIGITS[text[1]]
    return _CN_DIGITS.get(text, 0)


@dataclass(frozen=True, slots=True)
class TimeMention:
    """One time expression: its place in the text and the date(s) it names (empty: unresolved)."""

    span: tuple[int, int]
    days: tuple[date, ...]
    kind: str  # relative | weekday | weekend | date | festival | vague | week | unsure | year
    festival: str | None = None  # statutory festival key
    candidates: tuple[date, ...] = ()  # likely days when unresolved

    @property
    def resolved(self) -> bool:
        return bool(self.days)


# --- helpers -------------------------------------------------------------------------------


def month_day(month: int, day: int, today: date) -> date | None:
    """A date without a year: this year, or next year when it is more than a week past."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= today - timedelta(days=7):
            return candidate
    return None


RECENTLY_GONE = timedelta(days=60)  # a day gone this recently may still be the one meant


def _dated(match: re.Match[str], month: int, day: int, today: date) -> TimeMention:
    """A month and day said without a year. When that day went by in the last two months
    (beyond :func:`month_day`'s week), the day gone and next year's are both likely — "9月20号
    食堂开吗" on 3 October, "Dec 30" on 10 January — so the day is asked, never next year's
    answered as if it were the one meant."""
    found = month_day(month, day, today)
    if found is None:
        return _mention(match, "date", None)
    gone = None
    for year in (found.year - 1, found.year):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if timedelta(days=7) < today - candidate <= RECENTLY_GONE:
            gone = candidate
    if gone is None:
        return _mention(match, "date", found)
    return TimeMention(match.span(), (), "date", candidates=(gone, found))


def _add_months(today: date, months: int) -> tuple[int, int]:
    index = today.year * 12 + today.month - 1 + months
    return index // 12, index % 12 + 1


def _day_of_month(today: date, number: int) -> date | None:
    """ "5号": this month's 5th, or next month's when it is past."""
    if not 1 <= number <= 31:
        return None
    for months in (0, 1, 2):
        year, month = _add_months(today, months)
        try:
            candidate = date(year, month, number)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _monday(today: date) -> date:
    return today - timedelta(days=today.weekday())


def _weekend(today: date, weeks_ahead: int) -> tuple[date, ...]:
    saturday = _monday(today) + timedelta(days=7 * weeks_ahead + 5)
    return tuple(d for d in (saturday, saturday + timedelta(days=1)) if d >= today)


def _lunar(month: int, day: int, today: date) -> date | None:
    from borax.calendars.lunardate import LunarDate  # type: ignore[import-untyped]

    for year in (today.year - 1, today.year, today.year + 1):
        try:
            found = LunarDate(year, month, day).to_solar_date()
        except ValueError:
            continue
        if found >= today:
            return found
    return None


def _lunar_told(month: int, day: int, today: date, text: str) -> date | None:
    """:func:`_lunar`, unless the question asks in the past tense ("正月初八照相馆开了伐" on
    正月十二, "破五那天窗口开了吗"): then this year's day when it went by lately, not next
    year's."""
    found = _lunar(month, day, today)
    if found is None or found <= today or not _PAST_ASKED.search(text) or _YEAR_SAID.search(text):
        return found
    from borax.calendars.lunardate import LunarDate

    for year in (today.year, today.year - 1):
        try:
            last = LunarDate(year, month, day).to_solar_date()
        except ValueError:
            continue
        if last < today:
            return last if today - last <= JUST_GONE else found
    return found


def generic_candidates(today: date) -> tuple[date, ...]:
    """Today, the next two days and the coming weekend."""
    days = [today + timedelta(days=n) for n in range(3)]
    days += [d for d in _weekend(today, 0 if today.weekday() < 5 else 1) if d not in days]
    return tuple(days)


# --- the rules -----------------------------------------------------------------------------

Resolver = Callable[[re.Match[str], date, HolidayCalendar], TimeMention | None]
# Each rule with the words any match of it must hold (prefilter.py): of 176 rules, a question
# holds those of about five, and the others are not searched (half the time of find_times).
_RULES: list[tuple[re.Pattern[str], str, Resolver, Needs]] = []


def _rule(pattern: str, kind: str) -> Callable[[Resolver], Resolver]:
    def register(resolver: Resolver) -> Resolver:
        compiled = re.compile(pattern)
        _RULES.append((compiled, kind, resolver, needs_of(compiled)))
        return resolver

    return register


def _mention(
    match: re.Match[str], kind: str, *days: date | None, festival: str | None = None
) -> TimeMention:
    found = tuple(d for d in days if d is not None)
    return TimeMention(match.span(), found, kind, festival)


@_rule(r"(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?", "date")
def _iso(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    try:
        day: date | None = date(*(int(g) for g in match.groups()))
    except ValueError:
        day = None
    return _mention(match, "date", day)


@_rule(
    r"(?:农历|阴历)\s*([正腊冬一二三四五六七八九十]{1,2})\s*月\s*" + _LUNAR_DAY
    + r"|(正|腊|冬)月\s*" + _LUNAR_DAY
    + r"|(?:农历|阴历)\s*([一二三四五六七八九十]{1,2})\s*月"
    + r"\s*([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
    # a month in Chinese numerals with a day in 初X ("四月初三"): only the lunar calendar
    # counts days so ("4月初" alone is early April; "四月初三天" is three days of it)
    + r"|(?<![\d一二三四五六七八九十])([一二三四五六七八九十]{1,2})\s*月"
    + r"\s*(初[一二三四五六七八九十])(?![天个号日])",
    "date",
)  # fmt: skip
def _lunar_date(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    groups = [g for g in match.groups() if g is not None]
    month_text, day_text = groups[0], groups[1]
    month = {"正": 1, "冬": 11, "腊": 12}.get(month_text) or cn_number(month_text)
    day = 15 if day_text == "半" else cn_number(day_text.removeprefix("初"))
    found = (
        _lunar_told(month, day, today, match.string)
        if 1 <= month <= 12 and 1 <= day <= 30
        else None
    )
    return _mention(match, "date", found)


@_rule(r"(下下个?|下个?|这个?|本|上个?)\s*月\s*的?\s*" + _NUM + r"\s*[号日]", "date")
def _month_offset_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    offset = {"下下": 2, "下": 1, "这": 0, "本": 0, "上": -1}[match.group(1).rstrip("个")]
    year, month = _add_months(today, offset)
    try:
        day: date | None = date(year, month, cn_number(match.group(2)))
    except ValueError:
        day = None
    return _mention(match, "date", day)


@_rule(
    r"(下下个?|下个?|这个?|本)?\s*月\s*(?:的\s*)?(?:月\s*[底末]|[底末]|最后一天)|\b(?:end|(?:the\s+)?last\s+day)\s+of\s+(?:the\s+|this\s+|(next)\s+)?month\b"
    # "十月底", and "七月最后一天" / "7月份的最后一天" (not this month's: the month is named)
    r"|([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:份\s*)?(?:的\s*)?(?:[底末]|最后\s*一\s*天)"
    # "last day of January", "the end of feb": that month's last day, this year or the next
    r"|\b(?:the\s+)?(?:very\s+)?(?:last\s+day|end)\s+of\s+" + _MONTH_WORD + r"\b"
    # "month end", "this month-end": this month's last day (round thirty; was no day, today's)
    r"|\b(?:this\s+)?month[\s-]?end\b",
    "date",
)
def _month_end(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    if match.group(3) or match.group(4):  # "十月底": that month's last day, this year or the next
        month = cn_number(match.group(3)) if match.group(3) else _MONTHS_EN[match.group(4)[:3]]
        if not 1 <= month <= 12:
            return None
        end = month_day(month, gregorian.monthrange(today.year, month)[1], today)
        year = end.year if end is not None else today.year + 1
        return _mention(match, "date", date(year, month, gregorian.monthrange(year, month)[1]))
    prefix = (match.group(1) or match.group(2) or "").rstrip("个")
    offset = {"下下": 2, "下": 1, "next": 1}.get(prefix, 0)
    year, month = _add_months(today, offset)
    last = date(year, month, gregorian.monthrange(year, month)[1])
    return _mention(match, "date", last)


# "the first day of February": that month's 1st, this year or the next
@_rule(r"\b(?:the\s+)?(?:very\s+)?first\s+day\s+of\s+" + _MONTH_WORD + r"\b", "date")
def _month_first_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return _mention(match, "date", month_day(_MONTHS_EN[match.group(1)[:3]], 1, today))


# The Nth weekday of a month: "11月第一个周一", "下个月头一个礼拜一", "下个月最后一个礼拜五",
# "the second weekend of november", "the last friday of next month".
_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "first": 1, "second": 2, "third": 3,
             "fourth": 4, "fifth": 5, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}  # fmt: skip


@_rule(
    r"(?:(下下个?|下个?|这个?|本)\s*月|([0-9]{1,2}|[一二三四五六七八九十]{1,2})\s*月)\s*(?:的|份的?)?\s*"
    r"(?:第\s*([一二三四五1-5])\s*个|(头)\s*一?\s*个|(最后)\s*一\s*个)\s*(?:周|星期|礼拜)\s*([一二三四五六日天末])"
    r"|\b(?:the\s+)?(first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th|last)\s+"
    r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend)\s+(?:of|in)\s+"
    r"(?:(next|this)\s+month|" + _MONTH_WORD + r")\b",
    "date",
)
def _nth_weekday(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    prefix, month_text, nth, head, last, char, en_nth, en_day, en_prefix, en_month = match.groups()
    if head:  # "下个月头一个礼拜一": the first
        nth = "一"
    if en_nth is not None:
        count = 0 if en_nth == "last" else _ORDINALS[en_nth]
        weekday = 5 if en_day == "weekend" else _WEEKDAY_EN[en_day]
        weekend = en_day == "weekend"
        offset = {"next": 1, "this": 0}.get(en_prefix or "")
        month = _MONTHS_EN[en_month[:3]] if en_month else None
    else:
        count = 0 if last else _ORDINALS.get(nth, 0) or int(nth)
        weekend = char == "末"
        weekday = 5 if weekend else _WEEKDAY_CN[char]
        offset = {"下下": 2, "下": 1, "这": 0, "本": 0}.get((prefix or "").rstrip("个"))
        month = cn_number(month_text) if month_text else None
    if offset is not None:
        year, month = _add_months(today, offset)
    elif month is not None and 1 <= month <= 12:
        year = today.year
        if date(year, month, gregorian.monthrange(year, month)[1]) < today:
            year += 1
    else:
        return None
    days_in = [
        date(year, month, n)
        for n in range(1, gregorian.monthrange(year, month)[1] + 1)
        if date(year, month, n).weekday() == weekday
    ]
    if count > len(days_in):
        return TimeMention(match.span(), (), "date")
    first = days_in[count - 1] if count else days_in[-1]
    found = (first, first + timedelta(days=1)) if weekend else (first,)
    return TimeMention(match.span(), found, "date")


# Two days of one month: "1月16日和17日", "3月8号、9号", "2月3日到5日" (the month said once)
@_rule(
    _NUM + r"\s*月\s*" + _NUM + r"\s*[日号]?\s*(和|跟|与|及|、|或者|或|到|至|~|-)\s*" + _NUM
    # the second day with 日/号, or bare when nothing counts it: "6月19、20两天", "6月19和20"
    + r"(?:\s*[日号]|(?![\d点时个岁元块人楼路层分米年月:：.]|\s*(?:号线|小时|分钟)))",
    "date",
)  # fmt: skip
def _cn_month_two_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    month, first, joiner, last = match.groups()
    start = month_day(cn_number(month), cn_number(first), today)
    end = month_day(cn_number(month), cn_number(last), today)
    if start is None or end is None or not 0 < (end - start).days < 14:
        return None  # "1月20日和5日": not one stretch of days, the single rules take it
    if joiner in ("到", "至", "~", "-"):
        days = tuple(start + timedelta(days=n) for n in range((end - start).days + 1))
        return TimeMention(match.span(), days, "date")
    return TimeMention(match.span(), (start, end), "date")


@_rule(_NUM + r"\s*月\s*" + _NUM + r"\s*[日号]?", "date")
def _cn_month_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    if match.group(0) in LUNAR_MONTH_DAYS:  # "八月十五", "三月三": festivals (rules below)
        return None
    month, day = cn_number(match.group(1)), cn_number(match.group(2))
    if _BARE_CN_DATE.fullmatch(match.group(0).strip()):
        # "二月十九" in numerals with no 日/号 is how the lunar calendar is spoken: lunar beside
        # a lunar word ("观音菩萨二月十九生日"); else gone by this year, it is asked, never read
        # as next year's (nobody asks in March about next February in these words)
        if LUNAR_CUE.search(match.string):
            found = _lunar(month, day, today) if 1 <= month <= 12 and 1 <= day <= 30 else None
            return _mention(match, "date", found)
        gregorian_day = month_day(month, day, today)
        if gregorian_day is not None and gregorian_day.year > today.year:
            # …unless the day went by over a month ago and its lunar day is at hand ("八月十八那
            # 天" said in late September): the lunar calendar's, the only day still meant
            lunar = _lunar(month, day, today) if 1 <= month <= 12 and 1 <= day <= 30 else None
            gone = today - gregorian_day.replace(year=today.year)
            near = lunar is not None and lunar - today <= LUNAR_AT_HAND and gone > SOLAR_LONG_GONE
            return _mention(match, "date", lunar if near else None)
        return _mention(match, "date", gregorian_day)
    return _dated(match, month, day, today)


LUNAR_AT_HAND = timedelta(days=45)  # a lunar date this near is this lunar month's or the next's
SOLAR_LONG_GONE = timedelta(days=30)  # a solar date gone this long is not the one asked

# A month and day in Chinese numerals, with no 日 or 号 after them
_BARE_CN_DATE = re.compile(
    r"[一二两三四五六七八九十]{1,2}\s*月\s*[一二两三四五六七八九十廿卅]{1,3}"
)


# Days of one month said as a range, the month named once: "1-7 October", "from the 1st to
# the 7th of October", "October 1 to 7", "oct 1-7" (was one end of it: a wrong day). Every day
# of it, up to two weeks; longer, asked.
_EN_SPAN_WORD = r"\s*(?:-|–|~|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*(?:the\s+)?"
EN_SPAN_MAX_DAYS = 14


@_rule(
    r"\b(?:from\s+)?(?:the\s+)?(?P<a>\d{1,2})(?:st|nd|rd|th)?"
    + _EN_SPAN_WORD
    + r"(?P<b>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>"
    + _MONTH_WORD
    + r")\b"
    r"|\b(?:from\s+)?(?P<m2>"
    + _MONTH_WORD
    + r")\s+(?:the\s+)?(?P<a2>\d{1,2})(?:st|nd|rd|th)?"
    + _EN_SPAN_WORD
    + r"(?P<b2>\d{1,2})(?:st|nd|rd|th)?\b(?![:.]\d|\s*(?:am|pm|o'?clock|h)\b)",
    "range",
)
def _en_month_span(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    month = _MONTHS_EN[(match.group("m") or match.group("m2"))[:3]]
    first = int(match.group("a") or match.group("a2"))
    last = int(match.group("b") or match.group("b2"))
    start = month_day(month, first, today)
    try:
        end = start.replace(day=last) if start is not None else None
    except ValueError:
        end = None
    if start is None or end is None or not 0 < (end - start).days < EN_SPAN_MAX_DAYS:
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    days = tuple(start + timedelta(days=n) for n in range((end - start).days + 1))
    return TimeMention(match.span(), days, "range")


@_rule(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"\b", "date")
def _en_day_month(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    month = _MONTHS_EN[match.group(2)[:3]]
    return _dated(match, month, int(match.group(1)), today)


# After "may" and a number: something counted, not May's day ("may 6th" is the date)
_MAY_COUNTS = re.compile(
    r"\s*(?:people|persons?|of\b|kids|children|guests|friends|adults|times|minutes|mins|hours"
    r"|hrs|days|weeks|months|years|pm\b|am\b|o'?clock|:)"
)


@_rule(r"\b" + _MONTH_WORD + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b", "date")
def _en_month_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    if match.group(1) == "may" and _MAY_COUNTS.match(match.string, match.end()):
        return None  # "may 2 of us come", "may 3 people use it": the verb and a count
    month = _MONTHS_EN[match.group(1)[:3]]
    return _dated(match, month, int(match.group(2)), today)


# Lunar days that name a festival by month and day, in Chinese numerals with no 日/号 after
# them: 二月二 (龙抬头), 三月三 (上巳), 五月五 (端午), 七月七 (七夕), 七月十五 (中元), 八月十五
# (中秋), 九月九 (重阳). Never the Gregorian day: "3月3日" and "三月三号" still are.
LUNAR_MONTH_DAYS = frozenset(
    {"二月二", "三月三", "五月五", "七月七", "七月十五", "八月十五", "九月九"}
)


_A_READING = re.compile(
    r"胆固醇|血糖|血脂|血压|尿酸|体重|体温|指标|读数|视力|度数|mmol|公斤|\b(?:cholesterol|glucose"
    r"|sugar|blood|reading|level|weight|temperature|kg|score)\b"
)


# 12/20, 12-20 and 12.20 (not a price or a length: "15.5元", "2.5小时"; not hours: "7-9pm")
@_rule(
    r"(?<![\d:.])(\d{1,2})\s*(?:[-/]|\.(?=\d{1,2}(?![\d元块%]|\s*(?:元|块|小时|米|公斤))))"
    r"\s*(\d{1,2})(?![\d:]|\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock|点|时))",  # not "7-9pm"
    "date",
)
def _slash_date(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    if "." in match.group(0) and _A_READING.search(match.string):
        return None  # "胆固醇6.2", "my sugar is 7.1": a reading, not 2 June
    first, second = int(match.group(1)), int(match.group(2))
    if first > 12 >= second:  # "31/10": day first, as most of the world writes it
        first, second = second, first
    return _dated(match, first, second, today)


def _floating_day(match: re.Match[str], today: date, number: int) -> TimeMention:
    """ "5号", "the 5th" with no month: this month's when still to come; when it went by in
    the last few days ("五号" said on the 6th, after a holiday that muddles the days), that one
    or next month's? Asked. Longer gone: next month's ("10号" said on 29 September)."""
    day = _day_of_month(today, number)
    if day is not None and number < today.day:
        gone = date(today.year, today.month, number)
        if (today - gone).days <= _JUST_GONE_DAYS:
            return TimeMention(match.span(), (), "unsure", None, (gone, day))
    return _mention(match, "date", day)


_JUST_GONE_DAYS = 3  # yesterday and the two days before it


@_rule(r"(?<![\d月周期拜])" + _NUM + r"\s*号" + _NOT_A_DAY_AFTER_HAO, "date")
def _cn_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return _floating_day(match, today, cn_number(match.group(1)))


# "friday 7-9pm", "friday 7 to 8:30": the number opens a span of hours, not a date.
_A_SPAN_OF_HOURS = r"\s*(?:-|–|~|to|until|till)\s*\d"


# "the 28th of this month", "the 2nd of next month", "the 5th next month": that month's day (was
# asked: "this month" / "next month" left beside the day; "the 30th of next month" on 24
# September was next month's candidates, not its 30th). This month's day gone by is asked.
@_rule(
    r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\s+(?:of\s+)?(?:(?:the\s+)?(this|next)\s+month)\b",
    "date",
)
def _en_day_of_month_named(
    match: re.Match[str], today: date, _: HolidayCalendar
) -> TimeMention | None:
    year, month = _add_months(today, 1 if match.group(2) == "next" else 0)
    try:
        day = date(year, month, int(match.group(1)))
    except ValueError:  # "the 31st of next month" in a month of 30 days: asked
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    if day < today:  # "the 8th of this month" on the 24th: gone by, asked
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    return _mention(match, "date", day)


@_rule(
    r"(?:\b(?:on\s+)?the\s+(\d{1,2})(?:st|nd|rd|th)\b|\b(\d{1,2})(?:st|nd|rd|th)\b"
    # without its suffix: "on the 29", "friday 29" (the weekday checks it: "friday 10" asks)
    r"|\bon\s+the\s+(\d{1,2})(?![\d:./a-z]|\s*(?:am|pm|o'?clock|h)\b|" + _A_SPAN_OF_HOURS + ")"
    r"|(?:(?<=day\s)|(?<=\b(?:mon|tue|wed|thu|fri|sat|sun)\s))(\d{1,2})"
    r"(?![\d:./a-z]|\s*(?:am|pm|o'?clock|h)\b|"
    + _A_SPAN_OF_HOURS
    + "))"
    + _NOT_A_DAY_AFTER_ORDINAL,
    "date",
)
def _en_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    number = int(next(g for g in match.groups() if g))
    if not 1 <= number <= 31:
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    return _floating_day(match, today, number)


@_rule(
    # (counted from an event of the resident's, not from today: "手术三天后", "出院三日后能去吗",
    # a day we cannot know; a second reader, r2)
    r"(?<!手术)(?<!开刀)(?<!出院)(?<!住院)(?<!拔牙)(?<!生完)(?<!打完针)(?<!打针)(?<!做完)(?<!搬家)"
    r"(?<!回来)(?<!到了)(?<!发烧)"
    r"([0-9]{1,2}|[一二两三四五六七八九十廿]{1,3})\s*天\s*(?:以后|之后|后)"
    r"|过\s*([0-9]{1,2}|[一三四五六七八九十廿]{1,3})\s*天"
    # the days counted in 日, as Hong Kong and Taiwan write and say it ("三日後", "過五日"):
    # one Chinese numeral only, none standing before ("8月3日后", "十三日后": a date, and after)
    r"|(?<![月号期拜初周第0-9一二两三四五六七八九十廿])(?<!手术)(?<!开刀)(?<!出院)(?<!住院)(?<!拔牙)"
    r"(?<!生完)(?<!打完针)(?<!打针)(?<!做完)(?<!搬家)(?<!回来)(?<!到了)(?<!发烧)"
    r"([一二两三四五六七八九十])\s*日\s*(?:以后|之后|后)"
    r"|过\s*([三四五六七八九十])\s*日(?![子期])",
    "relative",
)
def _days_later(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    days = cn_number(next(group for group in match.groups() if group))
    return _mention(match, "relative", today + timedelta(days=days) if days else None)


@_rule(
    # the count, whatever it is ("三个礼拜后" is three weeks, not "礼拜后"); none when no number
    # stands before ("几个礼拜后": how many?)
    # (not the 后 of 后天: "窗口关了一个礼拜 后天开伐"; nor a week named before: "下周后半周",
    # "下周以后" are no week from today)
    r"(?:([0-9]{1,2}|[一二两三四五六七八九十]{1,3})\s*个?\s*|(?<![0-9一二两三四五六七八九十几个下上这本]))"
    # (but "三个礼拜后天气冷了": 后 then 天气; "一个礼拜后天天去": 后 then 天天)
    r"(?:礼拜|星期|周)\s*(?:以后|之后|后(?!天(?![气天])|\s*半))"
    # "一个礼拜以后的今天": the same weekday, not a second day
    r"(?:\s*的?\s*(?:今天|今日|这天|这一天|同一天))?"
    r"|\bin\s+(a|one|two|three|four|five|six|[1-9])\s+weeks?\b",
    "relative",
)
def _weeks_later(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    count = match.group(1) or match.group(2) or "一"
    words = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "两": 2}
    weeks = words.get(count) or cn_number(count) or 1
    return _mention(match, "relative", today + timedelta(days=7 * weeks))


# "过一个星期", "再过两个礼拜", "过一周": today moved by whole weeks (not "过周末", "过周三")
@_rule(
    r"过\s*(一个|1个|两个|2个|一|两|个)?\s*(?:礼拜|星期|周)(?![一二三四五六日天末七几])", "relative"
)
def _weeks_pass(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    weeks = 2 if (match.group(1) or "").rstrip("个") in ("两", "2") else 1
    return _mention(match, "relative", today + timedelta(days=7 * weeks))


# "一个月以后", "过两个月", "in a month": about a month (the same day? a few days either side?),
# so asked, with the same day of that month as the first button
@_rule(
    r"过\s*([一两二三1-3])\s*个\s*月|([一两二三1-3])\s*个\s*月\s*(?:以后|之后|后)"
    r"|\bin\s+(a|one|two|three|[1-3])\s+months?(?:'?\s*time)?\b",
    "unsure",
)
def _months_later(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    word = next(g for g in match.groups() if g)
    months = {"一": 1, "二": 2, "两": 2, "三": 3, "a": 1, "one": 1, "two": 2, "three": 3}.get(word)
    year, month = _add_months(today, months or int(word))
    day = date(year, month, min(today.day, gregorian.monthrange(year, month)[1]))
    return TimeMention(match.span(), (), "unsure", None, (day,))


# "今明后三天", "今明后天": today and the next two days
@_rule(r"今明后(?:三|3)?天?", "relative")
def _three_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return TimeMention(match.span(), tuple(today + timedelta(days=n) for n in range(3)), "relative")


@_rule(
    r"明后(?:两|2)?天|今明(?:两|2)?天|\b(?:tomorrow|tmrw)\s+(?:and|or|&)\s+(?:the\s+)?day\s+after\b",
    "relative",
)
def _two_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    first = today + timedelta(days=0 if match.group(0).startswith("今") else 1)
    return TimeMention(match.span(), (first, first + timedelta(days=1)), "relative")


# Days counted from one day: "接下来三天", "the next three days" (today and the days after it),
# "明天开始三天", "周五起连续两天" (that day and the days after it: see ``_counted_from``).
# The one place these ranges are made, kept small.
_COUNT = r"([两二三四五六七]|[2-7])"
_EN_COUNT = r"(two|three|four|five|six|seven|[2-7])"
_NOT_LATER = r"(?!\s*(?:后|以后|之后|前|以前|之前|内|之内|以内))"


def counted_days(first: date, count: int) -> tuple[date, ...]:
    """``count`` days from ``first`` (``first`` included)."""
    return tuple(first + timedelta(days=n) for n in range(count))


@_rule(
    r"(?:接下来|接下去)\s*(?:的)?\s*" + _COUNT + r"\s*天" + _NOT_LATER
    + r"|\b(?:the\s+)?(?:next|coming)\s+" + _EN_COUNT + r"\s+days\b",
    "relative",
)  # fmt: skip
def _next_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    word = match.group(1) or match.group(2)
    return TimeMention(
        match.span(), counted_days(today, _EN_NUMBERS.get(word) or cn_number(word)), "relative"
    )


# After a day: "开始三天", "起连续两天", "开始的三天"
_FROM_DAY_COUNT = re.compile(
    r"\s*(?:开始|起)\s*(?:的|连续|一连|连着)?\s*" + _COUNT + r"\s*天" + _NOT_LATER
)


def _counted_from(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """A day followed by a count of days ("明天开始三天", "周五起两天"): that day and the ones
    after it, one mention."""
    result = []
    for mention in found:
        count = _FROM_DAY_COUNT.match(text, mention.span[1])
        if count is not None and len(mention.days) == 1 and mention.kind != "vague":
            days = counted_days(mention.days[0], cn_number(count.group(1)))
            mention = TimeMention((mention.span[0], count.end()), days, "relative")
        result.append(mention)
    return result


# The new year's first day ("新年第一天", "新年的头一天"): New Year's Day while it comes before
# the Spring Festival; between the two, which? Asked. "in the new year", "early in the new year":
# some day of it, asked (never New Year's Day alone).
@_rule(
    r"新年\s*(?:的)?\s*(?:第一天|头一天|第1天|首日)"
    r"|\b(?:(?:early|sometime|some\s+time|later|at\s+some\s+point)\s+)?in(?:to)?\s+the\s+new\s*year\b"
    r"(?!'?s?\s+(?:day|eve)\b)",
    "festival",
)
def _new_year_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    first, spring = month_day(1, 1, today), _lunar(1, 1, today)
    said = tuple(sorted(d for d in (first, spring) if d is not None and d >= today))
    if match.group(0).startswith("新年"):
        if first is not None and first >= today and (spring is None or first <= spring):
            return TimeMention(match.span(), (first,), "festival", "new_year")
        return TimeMention(match.span(), (), "unsure", None, said)
    days = counted_days(first, 4) if first is not None and first >= today else said
    return TimeMention(match.span(), (), "unsure", None, days)


# Shopping days named by their date: "双十一", "双12", or by their name: "光棍节", "singles'
# day", "double eleven" (11-11; never today's hours for a day not read)
@_rule(
    r"双\s*(十一|十二|11|12)|(光棍)节|\b(singles)['’]?\s*['’]?\s*day\b"
    r"|\bdouble[\s-]*(eleven|twelve|11|12)\b(?=\s*(?:day|shopping|festival|sales?|[?,.!]|$))",
    "date",
)
def _double_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    said = match.group(1) or match.group(4)
    number = 12 if said in ("十二", "12", "twelve") else 11
    return _mention(match, "date", month_day(number, number, today))


# Days named by their figures, as a day ("520那天", "618当天"): the month, then the day
@_rule(
    r"(?<![\d.:/\-])(520|521|618|1111|1212)(?![\d.:/])"
    r"(?=\s*(?:那天|当天|这天|那一天|那日|节|表白日|情人节|购物节|大促))"
    # or said bare at the head of the question, the question after it ("520哪些场馆开放",
    # "618食堂开吗"); a number with its unit is no day ("520元", "520路", "1212室")
    r"|(?<![^\s,，.。!！?？])(520|521|618|1111|1212)"
    r"(?=\s*(?:哪些|哪里|哪儿|什么|啥|有没有|有啥|开|[\u4e00-\u9fff]{1,4}(?:开|几点|关)))",
    "date",
)
def _figures_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    figures = match.group(1) or match.group(2)
    month, day = (
        (int(figures[:1]), int(figures[1:]))
        if len(figures) == 3
        else (
            int(figures[:2]),
            int(figures[2:]),
        )
    )
    return _mention(match, "date", month_day(month, day, today))


# A day of the national college entrance exam by its number: 高考 is 7 and 8 June everywhere
# ("高考第二天", "高考首日", "the first gaokao day", "day two of the gaokao"); its later days
# differ by province and are not read (nor 高考 alone: "今年高考几号" is not ours to answer)
@_rule(
    r"高考\s*的?\s*(?:第\s*([一二12])\s*天|(首)日)"
    r"|\b(?:the\s+)?(first|second|1st|2nd)\s+(?:day\s+of\s+(?:the\s+)?gaokao|gaokao\s+day)\b"
    r"|\b(?:gaokao\s+)?day\s+(one|two|1|2)\s+of\s+(?:the\s+)?gaokao\b",
    "date",
)
def _exam_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    word = next(g for g in match.groups() if g is not None)
    second = word in ("二", "2", "second", "2nd", "two")
    return _mention(match, "date", month_day(6, 8 if second else 7, today))


# "下个礼拜的今天", "下个月的今天", "a week from today": today moved by whole weeks or a month.
@_rule(
    r"(下下|下|上)\s*个?\s*(周|星期|礼拜|月)\s*的?\s*(?:今天|今日|这天|这一天|同一天)"
    r"|\b(?:(a|one|two|three|four|[1-4])\s+weeks?\s+from\s+(today|now|tomorrow)"
    r"|(?:today|this\s+day)\s+next\s+(week|month)"
    r"|this\s+time\s+next\s+(week|month))\b",
    "relative",
)
def _same_day_later(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention | None:
    prefix, unit, count, base, en_unit, en_unit2 = match.groups()
    if count is not None:  # "2 weeks from today", "a week from tomorrow"
        weeks = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}.get(count) or int(count)
        start = today + timedelta(days=1) if base == "tomorrow" else today
        return _mention(match, "relative", start + timedelta(days=7 * weeks))
    if en_unit or en_unit2:
        prefix, unit = "下", "月" if (en_unit or en_unit2) == "month" else "周"
    step = {"下下": 2, "下": 1, "上": -1}[prefix or "下"]
    if unit == "月":
        year, month = _add_months(today, step)
        last = gregorian.monthrange(year, month)[1]
        return _mention(match, "relative", date(year, month, min(today.day, last)))
    return _mention(match, "relative", today + timedelta(days=7 * step))


@_rule(
    r"\bin\s+(\d{1,2}|one|two|three|four|five|six|seven)\s+days?(?:'?\s*time)?\b"
    r"|\b(\d{1,2}|one|two|three|four|five|six|seven)\s+days?\s+from\s+(?:now|today)\b",
    "relative",
)
def _in_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    word = match.group(1) or match.group(2)
    return _mention(match, "relative", today + timedelta(days=_EN_NUMBERS.get(word) or int(word)))


_RELATIVE = (
    (r"大大后天", 4),
    (r"大后天", 3),
    # (not 后个 before a week's or month's word: "后个礼拜三" is no day after tomorrow, asked)
    # (nor 后儿 behind a thing or after a meal: "楼后儿有个食堂吗", "饭后儿去"; a second
    # reader, r30: normalise leaves those)
    (r"(?:the\s+)?day\s+after\s+tomorrow|后天"
     r"|(?<![之以然最落背往楼屋门身村院墙山河街路桥店车饭事年节课班会完窗床桌柜])后儿个?(?![子童女孙科歌])|后个(?=[\u4e00-\u9fff])(?!\s*(?:礼拜|星期|周|月))"
     # "the day after next" (not "the day after next friday": that day's, below)
     r"|\b(?:the\s+)?day\s+after\s+next\b"
     r"(?!\s+(?:week|month|year|\w+day|weekend|mon|tue|wed|thu|fri|sat|sun)\b)", 2),
    (r"明天|明日|明早|明晚|明儿|明个|\btomorrow\b", 1),
    (r"今天|今日|今早|今晚|今儿|今夜|现在|此刻|目前|当前|眼下|这会儿|马上|\btoday\b|\btonight\b|\bnow\b"
     r"|\bthis\s+(?:morning|afternoon|evening)\b", 0),
    (r"大前天", -3),
    (r"前天|(?:the\s+)?day\s+before\s+yesterday", -2),
    (r"昨天|\byesterday\b", -1),
)  # fmt: skip
for _pattern, _offset in _RELATIVE:

    def _relative(
        match: re.Match[str], today: date, _: HolidayCalendar, offset: int = _offset
    ) -> TimeMention:
        return _mention(match, "relative", today + timedelta(days=offset))

    _rule(_pattern, "relative")(_relative)


# A statutory break that ended this short while ago is still the one a resident may mean:
# "国庆节放假那几天食堂开的伐" asked a week after it is this year's gone-by break, not next year's
JUST_ENDED = timedelta(days=14)
BREAK_NEAR = timedelta(days=14)  # a break this near is the one its days left are asked of
# Asked in the past tense: "开的伐" (→ 开的吗), "开了没", "是不是开的", "开过吗", "was it open"
# (its English part alone marks the festival's own day even inside its break, below)
_PAST_ASKED_EN = re.compile(r"\b(?:was|were|did)\b[^.?!]{0,40}\bopen(?:ed)?\b")
_PAST_ASKED = re.compile(
    r"(?:开|开门|上班|营业|开放)\s*(?:着)?的(?:吗|么|呢|哦)|(?:开|开门|上班|营业|开放|上课)(?:了|过)\s*(?:没|吗|么|未(?![来必]))"
    r"|是不是开(?:着)?的|有没有开(?:过|门)?|那辰光|那时候|那个时候"
    rf"|{_PAST_ASKED_EN.pattern}"
)
PAST_ASKED = _PAST_ASKED  # (the matcher's, r29c: a make-up day gone by asked of)
# The break told as over right after its name: "五一刚过", "国庆放完假", "…holiday is over"
_TOLD_OVER = re.compile(
    r"\s*节?\s*(?:假期|长假|的假)?\s*(?:刚|已经|都)?\s*(?:过|过完|过好|过去|结束|放完假?|休完假?|收假)"
    r"|(?:\s+festival)?(?:\s+(?:holidays?|break))?\s+(?:is|was|has)\s+(?:\w+\s+)?(?:over|ended|finished|done)\b"
)
# …counting on from it: "元宵过后第一个周末", "中秋过了以后第二天", "过完国庆再说" (not
# "元宵节过了以后食堂开吗": after it, now)
_AFTER_OVER = re.compile(
    r"\s*(?:了|完)?\s*(?:以后|之后|后)?\s*(?:的)?\s*(?:第|头|再|[0-9一二三四五六七八九十两]\s*天)"
)
# "after" said right after the festival: "国庆后", "五一以后", "清明节过后", "春节假期之后"
# (not a day counted from it: "国庆后第一天", "五一后两天")
_AFTER_IT = re.compile(
    r"\s*节?\s*(?:假期|长假|放假)?\s*(?:以后|之后|过后|后)"
    r"(?!\s*的?\s*(?:第|头|[0-9一二三四五六七八九十两]\s*(?:天|日|个)))"
)
# …a day counted after it: "国庆后第二天", "国庆以后一天", "国庆假期后第三天"
_COUNTED_FROM_IT = re.compile(
    r"\s*节?\s*(?:假期|长假|放假)?\s*的?\s*(?:之|以|过)?后\s*的?\s*"
    r"(?:第\s*(?:[一二两三四五六七八九十]|[1-9])|[一1])\s*天"
)
_YEAR_SAID = re.compile(r"今年|明年|去年|后年|前年|\b(?:this|next|last)\s+year\b|20\d\d")


def _gone_by_break(
    festival: Festival, text: str, today: date, calendar: HolidayCalendar
) -> date | bool | None:
    """This year's day of ``festival`` when its break ended within :data:`JUST_ENDED` and the
    question asks in the past tense; False when the tense is unclear then (asked, not guessed
    as next year's); None when no break of it has just ended (or a year is said)."""
    if festival.statutory is None or _YEAR_SAID.search(text):
        return None
    first, _ = calendar.festival_date(festival.statutory, today.year)
    if first is None or first > today:
        return None
    last = max(break_days(first, calendar) or (first,))
    if not (last < today and today - last <= JUST_ENDED):
        return None
    return first if _PAST_ASKED.search(text) else False


# The festival's own day pointed at after its name ("国庆那天", "春节当天"), and a past tense
# only English marks ("was the gym open on national day")
# (not 这天: "国庆这天天气好" inside the break is today)
_THAT_DAY_SAID = re.compile(r"\s*节?\s*的?\s*(?:那天|当天|那一天|那日|当日)")
# …or a name that is one day, not the break ("大年初一照相馆开了伐" on 初三: 初一)
_ONE_DAY_NAMED = re.compile(r"年初一$")


def _gone_asked_past(
    festival: Festival, text: str, today: date, calendar: HolidayCalendar, end: int
) -> date | None:
    """This year's day of ``festival`` when it went by lately and the question asks in the past
    tense ("圣诞节那天活动室开了吗" on 12-31, "国庆那天健身房开了伐" on 10-04 inside the break,
    "was the activity room open on qixi"): that day, not next year's nor today. ``end``: where
    the festival's name ends."""
    if not _PAST_ASKED.search(text) or _YEAR_SAID.search(text) or _FUTURE_TOLD.search(text):
        return None  # ("下个植树节食堂开了吗": the next one, told in the future)
    if festival.statutory is not None:
        day, _ = calendar.festival_date(festival.statutory, today.year)
        if day is None or day >= today or today not in break_days(day, calendar):
            return None  # (a break just ended: _gone_by_break's)
        if (
            not _THAT_DAY_SAID.match(text, end)
            and not _PAST_ASKED_EN.search(text)
            and not _ONE_DAY_NAMED.search(text, 0, end)
        ):
            # inside the break its name is the break, and "开了吗" is "open now?" ("过年食堂开了
            # 吗" on 初三, "国庆健身房开了没" on 10-04): today's, not the festival's own day
            return None
        return day
    return _last_held(festival, today, calendar)  # (Christmas asked in early January: last year's)


def _just_gone(festival: Festival, today: date, calendar: HolidayCalendar) -> bool:
    """Whether this year's day of ``festival`` went by at most :data:`JUST_GONE` ago."""
    day = _held_this_year(festival, today, calendar)
    return day is not None and today - day <= JUST_GONE


JUST_GONE = timedelta(days=45)


# The festival asked bare, nothing but a place and "open?" after it: "重阳健身房开伐", "中秋
# 食堂开吗？", "重阳照相馆开不开" (not a story: "重阳我去爬山了，今天…")
_BARE_OPEN_ASKED = re.compile(
    r"\s*节?\s*的?\s*[^，,。？?！!；;\s我你他她]{1,8}?(?:开|关|营业|上课|有人)"
    r"[^，,。？?！!；;\s了过]{0,4}?\s*[？?]?\s*$"
)


def _just_over(festival: Festival, today: date, calendar: HolidayCalendar) -> date | None:
    """This year's day of ``festival`` when it (or its break) ended at most :data:`JUST_ENDED`
    ago, else None."""
    day = _held_this_year(festival, today, calendar)
    if day is None:
        return None
    held = (break_days(day, calendar) if festival.statutory else ()) or (day,)
    return day if max(held) < today and today - max(held) <= JUST_ENDED else None


# …the same asked in English, the whole question: "is the gym open on double ninth?", "is the
# canteen open for chongyang", "double ninth, is the health station open?" (not "will", "next",
# a year: those keep the next one; not the past tense: the one gone)
_EN_BARE_OPEN_BEFORE = re.compile(
    r"^\W*(?:is|are)\s+(?:the\s+|your\s+)?(?:[a-z']+\s+){1,3}?(?:open|closed|shut|running)"
    r"\s+(?:on|for|over|at)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_EN_NAME_TAIL = re.compile(r"\s+(?:festival|day)\b", re.IGNORECASE)
_EN_BARE_END = re.compile(r"(?:\s+(?:festival|day))?\s*[?？.!！]*\s*$", re.IGNORECASE)
_EN_BARE_OPEN_AFTER = re.compile(
    r"(?:\s+(?:festival|day))?\s*[,，:]?\s*(?:is|are)\s+(?:the\s+|your\s+)?(?:[a-z']+\s+){0,2}?"
    r"[a-z']+\s+(?:open|closed|shut|running)\s*[?？.!！]*\s*$",
    re.IGNORECASE,
)
_EN_FUTURE_TOLD = re.compile(
    r"\b(?:will|going\s+to|gonna|next|coming|upcoming|this\s+year|still)\b|'ll\b", re.IGNORECASE
)


# "the next double ninth", "double ninth next year": the next one (r30f)
_EN_NEXT_BEFORE = re.compile(r"\b(?:the\s+)?next\s+$", re.IGNORECASE)
_EN_NEXT_YEAR_AFTER = re.compile(r"\s+next\s+year\b", re.IGNORECASE)


# 小年's lunar day said before it: "腊月廿三小年", "廿四小年那天" (that day, the name only says
# what it is called)
_XIAONIAN_DAY_SAID = re.compile(r"(?:廿|二十|2)\s*(?P<n>[三四34])\s*(?:日|号)?\s*(?:的|是|过)?\s*$")
# …or after it, in Chinese numerals: "小年廿四食堂开伐", "小年是廿三" (not "小年夜")
_XIAONIAN_DAY_AFTER = re.compile(
    r"\s*(?:那天|是|就是)?\s*(?:腊月|农历)?\s*(?:廿|二十)\s*(?P<n>[三四])(?![一二三四五六七八九十])"
    # (not one of two asked: "小年是廿三还是廿四", both kept; a second reader, r30)
    r"(?!\s*(?:日|号)?\s*(?:还是|或者|或是|或|or\b))"
)
# A lunar month said right before the day number ("腊月廿三小年"): the date is its own mention
_LUNAR_MONTH_BEFORE = re.compile(r"(?:腊月|十二月|农历|阴历)\s*$")


# The festival's own make-up day said after it: "五一后那个补班的周六", "国庆调休那天"
_MAKEUP_OF_IT = re.compile(r"[^，,。？?！!；;]{0,8}?(?:补班|调休)")


# "开了吗", "开过没", "上课了伐": opened then (not "有没有开", "是不是开的": open now too)
_OPENED_ASKED_ZH = re.compile(r"(?:开|开门|上班|营业|开放|上课)\s*(?:了|过)\s*(?:没|吗|么|伐|未)")


def _held_this_year(festival: Festival, today: date, calendar: HolidayCalendar) -> date | None:
    """This year's day of ``festival`` when it has gone by (however long ago), else None."""
    if festival.statutory is not None:
        day, _ = calendar.festival_date(festival.statutory, today.year)
    else:
        assert festival.rule is not None
        try:
            day = festival.rule(today.year)
        except ValueError:
            day = None
    return day if day is not None and day < today else None


def _last_held(festival: Festival, today: date, calendar: HolidayCalendar) -> date | None:
    """The day ``festival`` last fell on before today, when that is at most :data:`JUST_GONE`
    ago (last year's too: 冬至 asked in early January)."""
    for year in (today.year, today.year - 1):
        if festival.statutory is not None:
            day, _ = calendar.festival_date(festival.statutory, year)
        else:
            assert festival.rule is not None
            try:
                day = festival.rule(year)
            except ValueError:
                day = None
        if day is not None and day < today:
            return day if today - day <= JUST_GONE else None
    return None


# Asked in the past tense about a named day: "植树节那天夜校上课了吗", "开了没", "有没有开",
# "我那天加班没去", "那天我去过食堂", "was the canteen open on Arbor Day", "did the gym open"…
_PAST_TOLD = re.compile(
    r"(?<![快要就])(?:开|开门|上课|上班|营业|开放|有课|停课|关门|休息|有人|值班)\s*(?:了|过)\s*"
    r"(?:吗|么|没|伐|不|哇)|开\s*(?:着)?的(?:吗|么|呢|哦)|是不是开(?:着)?的|有没有(?:开|上课|上过)"
    r"|没去|没有去|没来|去过|来过|(?:那天|当天|我)[^，。,.?？!！]{0,6}去了|那辰光|那时候|那个时候"
    r"|\b(?:was|were|did|didn'?t|wasn'?t|weren'?t|went|missed)\b"
    r"(?!\s+(?:just\s+)?(?:wondering|hoping|thinking|going|planning|asking|curious|told)\b)"
)
# …and the future, which keeps the next one: "会不会开", "打算去", "will it be open", "next"
_FUTURE_TOLD = re.compile(
    r"会不会|会(?:开|上课|关|停|有)|将会|打算|准备|计划|下个|下一个|下次|到时候|还没到|快到"
    r"|\b(?:will|going\s+to|gonna|next|coming|upcoming)\b|'ll\b|\b(?:is|are)\b[^.?!]{0,30}\bopen\b"
)


def _past_told(text: str) -> bool:
    """Whether ``text`` asks about a day gone by (past tense, no future word, no year said)."""
    return (
        _PAST_TOLD.search(text) is not None
        and _FUTURE_TOLD.search(text) is None
        and _YEAR_SAID.search(text) is None
    )


# A day of the resident's own set in a festival's break: "国庆放假回来那天", "中秋我儿子来的
# 那天", "春节回老家的时候": which day of it? Asked, with the break's days (was the whole break).
_OWN_EVENT_AFTER = re.compile(
    r"\s*节?\s*(?:的)?\s*(?:放假|假期|长假|放长假)?\s*(?:(?![那这当的])[\u4e00-\u9fff]){0,6}?"
    r"(?:回来|回家|回去|回老家|回国|回沪|回上海|到家|到上海|来上海|过来|出发|动身|离开|搬家|结婚"
    r"|办酒|办喜事|过生日|坐飞机|飞回来|[来到走])"
    r"\s*(?:了)?\s*的?\s*(?:那天|那一天|那日|当天|的时候|那会儿?)"
)

# …but the festival's own coming is its day: "元旦到的那天", "春节到来的那天", "冬至来的时候"
# (a second reader, r26: was asked)
_FESTIVAL_ARRIVES = re.compile(
    r"\s*节?\s*(?:快|快要|就要|要|将|即将|马上)?\s*(?:到来|来临|来到|到|来)\s*(?:了)?\s*的?\s*"
    r"(?:那天|那一天|那日|当天|的时候|那会儿?)"
)

# …said in English: "the day my son comes back for national day", "when we arrive over the
# mid-autumn holiday"
_EN_OWN_EVENT_BEFORE = re.compile(
    r"\b(?:the\s+day|when|once)\s+(?:that\s+)?(?:my|our|his|her|i|we|he|she|they)\b[^.?!,;]{0,40}?"
    r"\b(?:for|over)\s+(?:the\s+)?$"
)


# "the eve of National Day", "Dragon Boat eve", "Mid-Autumn Festival eve": the day before it
# (not "the evening of": that day's; 除夕, New Year's and Christmas Eve are festivals of their own)
_EVE_OF_BEFORE = re.compile(r"\b(?:the\s+)?eve\s+of\s+(?:the\s+)?$")
_EVE_AFTER = re.compile(r"(?:'?s)?\s+(?:festival\s+|day\s+)?eve\b")


def _festival_rule(festival: Festival) -> Resolver:
    def resolve(match: re.Match[str], today: date, calendar: HolidayCalendar) -> TimeMention:
        found = festival_day(festival, today, calendar)
        if (
            found == today
            and festival.statutory is not None
            and _ONE_DAY_NAMED.search(match.string, 0, match.end())
            and (first := calendar.festival_date(festival.statutory, today.year)[0]) is not None
            and first < today
            and not _PAST_ASKED.search(match.string)
        ):  # "大年初一食堂开吗" on 初二: the one day named is gone (the break's "today" is not
            # it): yesterday's or next year's? Asked, with both (was today's, another day)
            next_one = calendar.festival_date(festival.statutory, today.year + 1)[0]
            both = (first,) + ((next_one,) if next_one is not None else ())
            return TimeMention(match.span(), (), "unsure", None, both)
        own = (
            None
            if _FESTIVAL_ARRIVES.match(match.string, match.end())
            else _OWN_EVENT_AFTER.match(match.string, match.end())
        )
        if own is None and _EN_OWN_EVENT_BEFORE.search(match.string, 0, match.start()):
            own = _BREAK_AFTER.match(match.string, match.end()) or _ON_FESTIVAL.match(
                match.string, match.end()
            )
        if found is not None and own is not None:
            held = (break_days(found, calendar) if festival.statutory else ()) or (found,)
            ahead = tuple(d for d in held if d >= today)
            return TimeMention((match.start(), own.end()), (), "unsure", None, ahead)
        told = _TOLD_OVER.match(match.string, match.end())
        if (
            found is not None
            and found > today
            and told is not None
            and not _AFTER_OVER.match(match.string, told.end())
            and _just_gone(festival, today, calendar)
        ):  # "元宵节已经过了 食堂恢复正常了吗": this year's, just gone, is the story; not its
            # next one (next year's) asked
            return TimeMention((match.start(), told.end()), (), "past", None, ())
        eve = _EVE_OF_BEFORE.search(match.string, 0, match.start())
        eve_after = None if eve else _EVE_AFTER.match(match.string, match.end())
        if found is not None and (eve or eve_after):
            start = eve.start() if eve else match.start()
            span = (start, eve_after.end() if eve_after else match.end())
            return TimeMention(span, (found - timedelta(days=1),), "festival", None)
        gone = _gone_by_break(festival, match.string, today, calendar)
        if isinstance(gone, date) and _AFTER_IT.match(match.string, match.end()):
            gone = False  # "国庆后夜校上课了吗" a few days after the break: since it ended, not
            # its first day (nor the days around it)
        if (
            gone is False
            and festival.statutory is not None
            and _COUNTED_FROM_IT.match(match.string, match.end())
        ):
            # "国庆后第二天食堂开吗" days after the break: counted from this year's (the readings
            # are the matcher's), not a day of next year's nor of this week
            gone = calendar.festival_date(festival.statutory, today.year)[0] or False
        if gone is False and _TOLD_OVER.match(match.string, match.end()):
            gone = None  # "五一刚过 后天食堂开吗": the break told as over, another day asked
        if gone is False:  # "国庆节食堂开吗" a week after it: the break gone by or next year's?
            # (the festival kept: told in a clause of its own, it is the story's, "国庆我去了三次")
            return TimeMention(match.span(), (), "unsure", festival.statutory, ())
        if isinstance(gone, date):
            found = gone
        elif gone is None and (
            past := _gone_asked_past(festival, match.string, today, calendar, match.end())
        ):
            found = past
        if (
            gone is None
            and found is not None
            and festival.statutory
            and found.year > today.year
            and (_PAST_ASKED_EN.search(match.string) or _OPENED_ASKED_ZH.search(match.string))
            and _past_told(match.string)
            and (
                _BREAK_NAME.search(match.group(0))
                or _DURING_BEFORE.search(match.string, 0, match.start())
                or _BREAK_AFTER.match(match.string, match.end())
                or _N_DAYS_AFTER.match(match.string, match.end())
            )
            and (held_day := _held_this_year(festival, today, calendar)) is not None
        ):  # "国庆那几天健身房开了吗", "during golden week was the gym open" in December: the
            # break gone by, its days asked as they were (was next year's break, answered)
            found = held_day
        if (
            found is not None
            and found.year > today.year
            and (
                (
                    _ZH_PAST.search(match.string, 0, match.start())
                    and _PAST_THEN_WEEKDAY.match(match.string, match.end())
                )
                or _OVER_THEN_WEEKDAY.match(match.string, match.end())  # "中秋过后第一个周六"
            )
            and _just_gone(festival, today, calendar)
        ):  # "过了中秋节第一个礼拜六" weeks after 中秋: that week gone by or next year's? Asked
            return TimeMention(match.span(), (), "unsure", None, ())
        done = _DONE_AFTER.match(match.string, match.end())
        if done is not None and _COUNTED_AFTER.match(match.string, done.end()):
            done = None  # "清明假期结束后第一天": counted from the break's end (below)
        if (
            found is not None
            and (
                (
                    _BEFORE_AFTER.search(match.string, 0, match.start())
                    and not (
                        _ZH_PAST.search(match.string, 0, match.start())
                        and _PAST_THEN_WEEKDAY.match(match.string, match.end())
                    )
                    # "a workout before the Double Ninth family lunch": earlier on its day
                    and not (
                        re.search(r"(?:before|b4)\s+(?:the\s+)?$", match.string[: match.start()])
                        and EVENT_OF_THE_DAY.match(match.string, match.end())
                    )
                )
                or done is not None
            )
        ):
            later = not re.search(r"(?:before|b4)\s+(?:the\s+)?$", match.string[: match.start()])
            edge = max(break_days(found, calendar) or (found,)) if later else found
            step = 1 if later else -1
            near = sorted(edge + timedelta(days=step * n) for n in (1, 2, 3))
            span = (match.start(), done.end() if done is not None else match.end())
            return TimeMention(span, (), "unsure", None, tuple(d for d in near if d >= today))
        during = _DURING_BEFORE.search(match.string, 0, match.start())
        named = _FESTIVAL_WORD.match(match.string, match.end())
        if during and festival.statutory in _ONE_DAY_FESTIVALS and named:
            # "during the Dragon Boat Festival", "during the mid-autumn festival": the festival
            # of one day, named as a festival, is that day ("during qingming" stays the break,
            # and so does "…holiday")
            during = None
        if (
            found is not None
            and festival.statutory
            and (during or _BREAK_NAME.search(match.group(0)))
            and (days := break_days(found, calendar))
        ):  # "during spring festival", "over national day", "golden week": the whole break
            start = during.start() if during else match.start()  # "during" is the day's word
            end = match.end()
            tail = _BREAK_AFTER.match(match.string, end)
            if tail is not None and tail.end() > end:  # "over the qingming long weekend"
                end = tail.end()
            if (asked := _which_days_asked(match, end)) is not None:
                # "what days are you closed over the qingming holiday": the asking words too
                start, end = min(start, asked[0]), max(end, asked[1])
            return TimeMention((start, end), days, "festival", festival.statutory)
        if found is not None and festival.statutory:
            count = _N_DAYS_AFTER.match(match.string, match.end())
            if count is not None:
                number = cn_number(count.group(1))
                days = break_days(found, calendar)
                if len(days) != number:  # "清明三天": its break of three days (Sat-Mon 2026),
                    # not three days from the solar term; else that many from the festival's day
                    days = tuple(found + timedelta(days=n) for n in range(number))
                return TimeMention((match.start(), count.end()), days, "festival", None)
        one_day = _BREAK_ONE_DAY.match(match.string, match.end())
        if found is not None and one_day is not None and festival.statutory != "spring_festival":
            # "清明放假那天", "端午放假当天": the festival's own day, not its whole break
            return TimeMention(
                (match.start(), one_day.end()), (found,), "festival", festival.statutory
            )
        if (
            found is not None
            and festival.statutory
            and (asked := _which_days_asked(match)) is not None
            and (days := break_days(found, calendar))
        ):  # "清明食堂哪几天休息", "五一健身房关几天", "what days are you closed for qingming":
            # the days the place is shut over the break, not only the festival's own day
            return TimeMention(asked, days, "festival", festival.statutory)
        left = (
            _BREAK_LEFT.match(match.string, match.end())
            if "剩" in match.string or "余下" in match.string
            else None
        )
        if found is not None and festival.statutory and left is not None:
            # "国庆剩下几天", "春节假期还剩的这几天": the break's days from today (was today alone)
            days = tuple(d for d in break_days(found, calendar) if d >= today)
            span = (match.start(), left.end())
            if days and min(days) - today > BREAK_NEAR:
                # "国庆剩下几天食堂开伐" in December: no break under way nor near, the days left
                # of which one? Asked (was next year's statutory days)
                return TimeMention(span, (), "unsure", None, days)
            count = re.search(r"([两二三四五六])天", left.group())
            if (
                days
                and count is not None
                and cn_number(count.group(1)) != len(days)
                and not _TOLD_ON.match(match.string, left.end())
            ):
                return TimeMention(span, (), "unsure", None, days)  # "剩下的两天" of four left
            if days:
                return TimeMention(span, days, "festival", festival.statutory)
        after = _BREAK_AFTER.match(match.string, match.end())
        if found is not None and festival.statutory and after is not None:
            days = break_days(found, calendar)
            if days:  # the break's words belong to the festival ("元旦假期" is one mention)
                span = (match.start(), after.end())
                if (asked := _which_days_asked(match, after.end())) is not None:
                    # "五一假期你们哪几天关门", "what days are you shut for the may day holiday"
                    span = (min(span[0], asked[0]), max(span[1], asked[1]))
                return TimeMention(span, days, "festival", festival.statutory)
        if (
            gone is None
            and (found is None or found > today)
            and (last := _last_held(festival, today, calendar)) is not None
            and _past_told(match.string)
        ):  # "植树节那天夜校上课了吗 我那天加班没去" four days after it: this year's, gone by,
            # not next year's ("植树节食堂开吗", the tense untold, keeps the next one)
            found = last
        elif (
            gone is None
            and found is not None
            and found.year > today.year
            and (_PAST_ASKED_EN.search(match.string) or _OPENED_ASKED_ZH.search(match.string))
            and _past_told(match.string)
            and (held_day := _held_this_year(festival, today, calendar)) is not None
        ):
            if (
                _PAST_ASKED_EN.search(match.string)
                or _THAT_DAY_SAID.match(match.string, match.end())
                or _MAKEUP_OF_IT.match(match.string, match.end())
            ):  # "was the gym open on national day?", "国庆节那天健身房开了吗" in December;
                # "五一后那个补班的周六 窗口开了吗" in September: the make-up day of this year's
                found = held_day
            else:  # "国庆节健身房开了吗" in December: open then, or open yet (next year's)? Asked
                return TimeMention(match.span(), (), "unsure", None, (held_day, found))
        elif (
            gone is None
            and found is not None
            and found > today
            and not match.string[: match.start()].strip()
            and _BARE_OPEN_ASKED.match(match.string, match.end())
            and (last := _just_over(festival, today, calendar)) is not None
            and not _FUTURE_TOLD.search(match.string)
            and not _YEAR_SAID.search(match.string)
        ):  # "重阳健身房开伐" two days after 重阳: the one just gone (a slip of tense) or next
            # year's? Asked, with both (was next year's, answered)
            return TimeMention(match.span(), (), "unsure", None, (last, found))
        elif (
            gone is None
            and found is not None
            and found > today
            and (
                (
                    _EN_BARE_OPEN_BEFORE.search(match.string, 0, match.start())
                    and _EN_BARE_END.match(match.string, match.end())
                )
                or (
                    not match.string[: match.start()].strip()
                    and _EN_BARE_OPEN_AFTER.match(match.string, match.end())
                )
            )
            and (last := _just_over(festival, today, calendar)) is not None
            and not _EN_FUTURE_TOLD.search(match.string)
            and not _YEAR_SAID.search(match.string)
        ):  # "is the gym open on double ninth?" the day after 重阳 (r30f): the English of "重阳
            # 健身房开伐", the one just gone or next year's? Asked, with both (was next year's).
            # A "festival" or "day" after the name is the name's ("chongyang festival": not a
            # vague festival of its own, whose near days were offered too; a second reader, r30)
            tail = _EN_NAME_TAIL.match(match.string, match.end())
            end = tail.end() if tail is not None else match.end()
            return TimeMention((match.start(), end), (), "unsure", None, (last, found))
        said_day = (
            (
                _XIAONIAN_DAY_SAID.search(match.string, 0, match.start())
                or _XIAONIAN_DAY_AFTER.match(match.string, match.end())
            )
            if festival.name == "小年" and found is not None
            else None
        )
        if said_day is not None and found is not None:
            # "廿三小年", "廿四小年", "小年廿四" (r30f): the lunar day said names which 小年 (was
            # asked, or the 24th for "廿三小年"); the number is the name's, one mention with it
            # unless a month said before it makes it a date of its own ("腊月廿三小年")
            day = found - timedelta(days=1) if said_day.group("n") in "三3" else found
            if day < today:
                return TimeMention(match.span(), (), "unsure", None, ())
            start, end = match.span()
            if said_day.end() <= start and not _LUNAR_MONTH_BEFORE.search(
                match.string, 0, said_day.start()
            ):
                start = said_day.start()
            elif said_day.start() >= end:
                end = said_day.end()
            return TimeMention((start, end), (day,), "festival", None)
        if festival.name == "小年" and found is not None:
            # 小年 said alone: 廿四 here, 廿三 to residents from the north (and on the national
            # news): asked, with both (was the 24th, answered; "南方小年", "北方小年" are one day)
            return TimeMention(match.span(), (), "unsure", None, (found - timedelta(days=1), found))
        mention = _mention(match, "festival", found, festival=festival.statutory)
        if found is not None and found > today and match.string.isascii():
            # "next double ninth", "double ninth next year" (r30f): the next one, its "next"
            # the name's (was left over as a day word, asked); "next year" only when the next
            # one is next year's
            start, end = mention.span
            if (before := _EN_NEXT_BEFORE.search(match.string, 0, start)) is not None:
                start = before.start()
            if found.year == today.year + 1 and (
                after := _EN_NEXT_YEAR_AFTER.match(match.string, end)
            ):
                end = after.end()
            mention = replace(mention, span=(start, end))
        if (
            named is not None
            and during is None
            and _DURING_BEFORE.search(match.string, 0, match.start())
        ):  # the word "festival" is the name's ("during the Dragon Boat Festival")
            mention = replace(mention, span=(match.start(), named.end()))
        on = _ON_FESTIVAL.match(match.string, match.end())
        if on is not None and on.end() > match.end():  # "国庆节", "清明那天": one mention
            return replace(mention, span=(match.start(), on.end()))
        return mention

    return resolve


# Which of the break's days, or how many, a place is shut or open, asked after the festival in
# its clause ("清明食堂哪几天休息", "五一活动室哪几天关门", "劳动节照相馆休息几天", "五一食堂放几天
# 假") or before it in English ("what days are you closed for qingming", "how many days is the gym
# closed over may day"): the break's days
_WHICH_DAYS_ZH = re.compile(
    r"(?P<gap>[^，,。？?！!；;\s]{0,10}?)(?P<ask>哪几天|哪些天|哪几日|哪几个?日子"
    r"|(?:关|休息?|歇|停|不开|放)\s*(?:门|业|假)?\s*(?:几|多少)\s*天)"
    r"(?:\s*(?:不开门?|关门|休息|开门?|放假|歇业))?"  # "哪几天不开": the ask's own verb
)
_WHICH_DAYS_EN = re.compile(
    r"\b(?:what|which|how\s+many)\s+days?\b(?P<gap>[^.?!;]{0,40}?)"
    r"\b(?:closed?|shut|off|open)\b[^.?!;]{0,20}?\b(?:for|over|during|at|on)\s+(?:the\s+)?$"
)
# Between the festival and the days asked, only words that name no place: the asked words join
# the festival's mention ("清明你们哪几天关门", "what days are you closed for qingming")
_NO_PLACE_GAP = re.compile(
    r"(?:\s|节|的|你们|您们|中心|这边|那边|这里|单位|社区|都|是|要|会|大概|一共|总共|假期|放假|小?长假"
    r"|\b(?:are|is|you|we|y'?all|guys|the|centre|center|going\s+to|gonna|be)\b)*"
)


# …but not the days after or before it, nor its make-up days: "五一回来以后食堂哪几天开", "清明
# 前食堂哪几天开", "五一调休食堂哪几天上班"
_GAP_OTHER_DAYS = re.compile(
    r"以后|之后|过后|(?<!前)后(?![勤门])|以前|之前|(?<!之)前(?![台门])|回来|结束|过完|完了|调休|补班|上班"
)


# A clause of one's own plan between the festival and the days asked: "清明我回老家，食堂哪几天
# 休息", "五一我们出去旅游, 健身房关几天" (the festival is the one asked about, across the comma)
_OWN_PLAN_CLAUSE = re.compile(
    r"\s*节?\s*(?:假期|放假|小?长假)?\s*(?:我|我们|阿拉|我家|我们家|全家|家里)"
    r"(?P<plan>[^，,。？?！!；;]{1,12})[，,]\s*"
)
# …the plan naming no other day nor a coming back ("清明我回老家，回来以后…": after it)
_PLAN_OTHER_DAY = re.compile(r"[天日号周礼拜星期月年]|回来|以后|之后|过后|以前|之前|前|后")


def _which_days_after_own_plan(text: str, end: int) -> re.Match[str] | None:
    """The days asked after a clause of one's own plan that follows the festival, or None."""
    plan = _OWN_PLAN_CLAUSE.match(text, end)
    if plan is None or _PLAN_OTHER_DAY.search(plan.group("plan")):
        return None
    asked = _WHICH_DAYS_ZH.match(text, plan.end())
    if asked is None or _PLAN_OTHER_DAY.search(asked.group("gap")):
        return None  # "清明我回老家，下周食堂哪几天开": another day's days asked
    return asked


def _which_days_asked(match: re.Match[str], after: int | None = None) -> tuple[int, int] | None:
    """The span of the festival with the words asking which of its days, when asked (joined
    only when no place is named between them); ``after``: where the festival's words end."""
    text = match.string
    end = match.end() if after is None else after
    if "天" in text or "日" in text:
        zh = _WHICH_DAYS_ZH.match(text, end)
        if zh is None and ("，" in text or "," in text):
            zh = _which_days_after_own_plan(text, end)
        if zh is not None and _GAP_OTHER_DAYS.search(zh.group("gap")):
            return None  # "五一回来以后食堂哪几天开": the days after (or before) it, not its own
        if zh is not None:
            joined = _NO_PLACE_GAP.fullmatch(zh.group("gap"))
            return (match.start(), zh.end() if joined else end)
    if "days" in text and (en := _WHICH_DAYS_EN.search(text, 0, match.start())) is not None:
        joined = _NO_PLACE_GAP.fullmatch(en.group("gap").strip())
        return (en.start() if joined else match.start(), match.end())
    return None


# The words that only say "on the festival": "国庆节开门吗", "清明那天", "端午节当天"
_ON_FESTIVAL = re.compile(
    r"\s+day\b(?!\s+(?:after|before|off))|节?(?:\s*的?\s*(?:那天|当天|那一天|这天|这一天|那日|当日))?"
)


# A whole week: "all of next week", "下周每天", "整个这个礼拜": each of its days (from today)
@_rule(
    r"\b(?:all\s+(?:of\s+)?|the\s+whole\s+(?:of\s+)?|(?:each|every)\s+(?:day|evening|night|morning"
    r"|afternoon)\s+(?:of\s+)?|throughout\s+)(next|this)\s+week\b"
    r"|\b(next|this)\s+week\s+(?:every|each)\s+(?:day|evening|night|morning|afternoon)\b"
    r"|(?:一?整个?)(下|这|本)个?(?:周|星期|礼拜)"
    r"|(下|这|本)个?(?:周|星期|礼拜)(?:每天|每一天|天天|整周|整个(?:星期|礼拜|周)|全周|七天)"
    # …"every day" after the place: "下礼拜食堂每天都开伐", "下周健身房是不是天天开"
    r"|(下|这|本)个?(?:周|星期|礼拜)(?![一二三四五六日天末七1-7])"
    r"(?=[^\s,，。.!?！？；;]{1,8}?(?:每天|每一天|天天|每日))"
    # (or asked again in a second question: "夜校下周开吗 每天晚上都有吗", "open next week?
    # every evening?"; round thirty, spent31)
    r"|(下|这|本)个?(?:周|星期|礼拜)(?![一二三四五六日天末七1-7])"
    r"(?=[^。.!！；;]{1,10}?[\s,，?？]\s*(?:是不是|是)?(?:每天|每一天|天天|每日|每晚|每个晚上)"
    r"[^\s,，。.!?！？；;]{0,6}?(?:吗|伐|么|[?？]))"
    r"|\b(next|this)\s+week\b(?=[^.!;]{1,40}?\b(?:every|each)\s+(?:day|evening|night|morning"
    r"|afternoon)\b)"
    # which of its days: "下下礼拜律师哪几天有", "下个礼拜卫生站哪几天开" (each day, answered)
    r"|(下下|下|这|本)个?(?:周|星期|礼拜)(?![一二三四五六日天末七1-7])"
    r"(?=[^\s,，。.!?！？；;]{1,8}?哪几天)"
    # the week's timetable asked: "健身房这周安排", "这个礼拜的开放时间", "gym hours this week",
    # "this week's opening times"
    # which days of a week are asked: the whole week ("night school next week, which evenings
    # is it open", "下礼拜律师哪几天有")
    r"|\b(next|this)\s+week\b(?=[^.?!;]{0,40}?\bwhich\s+(?:days|evenings|nights|mornings|afternoons)\b)"
    r"|(?<=\bwhich\s)(?:days|evenings|nights)\b[^.?!;]{0,30}?\b(next|this)\s+week\b"
    r"|(?<!下)(下|这|本)个?(?:周|星期|礼拜)(?![一二三四五六日天末七1-7])(?=[^\s,，。.!?！？；;]{0,8}?(?:哪几天|哪些天|哪几个晚上))"
    # (this week's only: next week's is asked, its days offered, as the generated set says)
    r"|(这|本)个?(?:周|星期|礼拜)(?![一二三四五六日天末七1-7])"
    r"(?=\s*的?\s*(?:安排|开放时间|开门时间|营业时间|时间表|时间安排|作息))"
    r"|\b(this)\s+week(?:'?s)?(?=\s+(?:hours|schedule|timetable|opening\s+(?:hours|times))\b)"
    r"|(?:(?<=\bhours\s)|(?<=\bschedule\s)|(?<=\btimetable\s))(?:for\s+)?(this)\s+week\b",
    "week",
)
def _whole_week(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    prefix = next(g for g in match.groups() if g)
    weeks = {"next": 1, "下": 1, "下下": 2}.get(prefix, 0)
    return TimeMention(match.span(), _week_days(today, weeks), "week")


# A break named without its festival, while one is at hand: "这个小长假", "这次放假",
# "the long weekend", "over the holiday weekend". The statutory break that has begun or begins
# within BREAK_AT_HAND is meant; with none that near it is asked (the vague "holiday" below),
# and an English "long weekend" falls to the plain weekend.
BREAK_AT_HAND = timedelta(days=10)


@_rule(
    r"(?:这个?|这次|本次|马上要?到的|快到的|眼前的?)\s*(?:小长假|长假|假期|放假(?:那几天|的几天|期间)?)"
    r"|\b(?:this|the|over\s+the|during\s+the|coming)\s+(?:long|holiday|bank\s+holiday)\s+weekend\b"
    # …or opening the question bare, as a heading: "long weekend gym hours?", "long wknd, canteen?"
    r"|^\W*long\s+weekend\b"
    r"|\b(?:this|the\s+coming|the\s+upcoming)\s+(?:public\s+)?(?:holiday|break)\b(?!\s+(?:rule|hours))"
    # …and said bare, the break's days named: "放假那几天", "放假期间", "小长假", "during the
    # break" (one break, not "the holidays"); after a festival's name they are its own (below)
    r"|(?P<bare>小长假|放假\s*(?:的)?\s*(?:那几天|这几天|几天里|期间|的时候|那段时间)|放假里|(?:长假|假期)\s*(?:期间|那几天|里)"
    # "过节那几天", "过节三天", "过节期间": the festival at hand's break, its name unsaid
    r"|(?P<feast>过节)\s*(?:的)?\s*(?:那几天|这几天|几天里|期间|那段时间|[两三四五六七八九\d]天)"
    r"|\b(?:during|over|throughout)\s+the\s+(?:public\s+)?(?:holiday|break)\b(?!\s+(?:rule|hours)))",
    "festival",
)
def _break_at_hand(
    match: re.Match[str], today: date, calendar: HolidayCalendar
) -> TimeMention | None:
    if match.group("bare") is not None and (
        _FESTIVAL_BEFORE.search(match.string, 0, match.start())
        or OWN_BREAK_BEFORE.search(match.string, 0, match.start())
        or _SCHOOL_BREAK.search(match.string)
    ):  # "清明放假那几天" (the festival's rule reads it), "孩子放假那几天", "暑假…": not ours
        return None
    days = break_at_hand(today, calendar)
    if not days:
        return None
    if _AFTER_EN.search(match.string, 0, match.start()) and not _DAY_NAMED_EN.search(
        match.string[: match.start()] + " " + match.string[match.end() :]
    ):
        # "after the long weekend", "after the holiday weekend": a day on that side of it, not
        # its own days (were answered); asked with the three next to it. With a day named
        # beside it ("after the long weekend, is the gym open on monday?") the break is the
        # reason's time and that day is read (the matcher's _break_as_reason)
        near = tuple(days[-1] + timedelta(days=n) for n in (1, 2, 3))
        return TimeMention(match.span(), (), "unsure", None, near)
    if match.group("feast") is not None and any(
        today <= day <= days[-1] + timedelta(days=14) and day not in days
        for festival in FESTIVALS
        if festival.statutory and (day := festival_day(festival, today, calendar)) is not None
    ):  # "过节那几天" on 22 September: 中秋's or National Day's? Asked
        return None
    start = max(days[0], today)
    return TimeMention(match.span(), tuple(d for d in days if d >= start), "festival", None)


_AFTER_EN = re.compile(r"\bafter\s+$")
_AFTER_THE_EN = re.compile(r"\bafter(?:\s+(?:the|this))?(?:\s+long)?\s*$")
_DAY_NAMED_EN = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\b|\b\d{1,2}(?:st|nd|rd|th)\b"
    r"|\b(?:today|tonight|tomorrow|weekend|holiday|break)\b|\d{1,2}\s*[/.]\s*\d{1,2}"
)


def break_at_hand(today: date, calendar: HolidayCalendar) -> tuple[date, ...]:
    """Every day of the statutory break going on or beginning within :data:`BREAK_AT_HAND` of
    ``today`` (its days gone by too), or () when none is that near: the break a resident
    means by "放假", "收假", "the break" with no festival named."""
    for year in (today.year, today.year + 1):
        for block in calendar.year_view(year).blocks:
            if block.end >= today and block.start - today <= BREAK_AT_HAND:
                return break_days(block.start, calendar) or tuple(
                    block.start + timedelta(days=n)
                    for n in range((block.end - block.start).days + 1)
                )
    return ()


# A second break this soon after the one at hand makes a break named without its festival
# two ("放假前最后一天" on the eve of 中秋, with 国庆 three days after it): asked, not guessed.
NEXT_BREAK_NEAR = timedelta(days=14)


def breaks_at_hand(today: date, calendar: HolidayCalendar) -> tuple[tuple[date, ...], ...]:
    """The break at hand (:func:`break_at_hand`) and the next statutory break when it begins
    within :data:`NEXT_BREAK_NEAR` of its end: one break, two, or none."""
    held = break_at_hand(today, calendar)
    if not held:
        return ()
    for year in (held[-1].year, held[-1].year + 1):
        for block in calendar.year_view(year).blocks:
            if held[-1] < block.start <= held[-1] + NEXT_BREAK_NEAR:
                following = break_days(block.start, calendar) or tuple(
                    block.start + timedelta(days=n)
                    for n in range((block.end - block.start).days + 1)
                )
                return (held, following)
    return (held,)


# The days between two breaks at hand, their festivals unnamed: "两个节中间那三天上班的日子",
# "两个假期之间上班那几天", "the days between the two holidays": the working days from the end of
# the first to the start of the second (:func:`breaks_at_hand`); no two breaks that near: asked.
@_rule(
    r"(?:两个|俩|两)\s*(?:节|节日|假期?|长假|小长假|假日)\s*(?:的)?\s*(?:中间|之间|当中|中当中)"
    r"(?:\s*(?:的)?\s*(?:那|这)?\s*(?:[几两三四五六七0-9]\s*天)?\s*"
    r"(?:要?上班的?(?:日子|那几天|几天|那[两三四五]天)?|的?日子|工作日|的?那?几天))?"
    r"|\b(?:(?:on\s+)?the\s+)?(?:(?:working|work)\s+)?days\s+(?:in\s+)?between\s+the\s+two\s+"
    r"(?:holidays|breaks|festivals|long\s+weekends)\b"
    r"|\bbetween\s+the\s+two\s+(?:holidays|breaks|festivals|long\s+weekends)\b",
    "range",
)
def _between_breaks(match: re.Match[str], today: date, calendar: HolidayCalendar) -> TimeMention:
    breaks = breaks_at_hand(today, calendar)
    if len(breaks) < 2:
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    first, last = breaks[0][-1], breaks[1][0]
    days = tuple(first + timedelta(days=n) for n in range(1, (last - first).days))
    days = tuple(d for d in days if d >= today)
    if not days:
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    return TimeMention(match.span(), days, "range")


# The day back after the break at hand, asked which ("节后什么时候上班", "放完假食堂哪天开",
# "when does the canteen reopen after the holiday", r30f): the first working day after the one
# statutory break under way or near, when its notice is known (was asked); two breaks near
# (中秋 with 国庆 after it), none, or an unpublished year's: left to the vague "节后" (asked).
_BACK_WORDS = (
    r"(?:节后|过完节|过了节|节过完|节日过后|放完假|收假(?:以后|之后|后)?|(?:放假|假期|长假|小长假)"
    r"\s*(?:结束|过完|过了|完)\s*(?:了)?\s*(?:以后|之后|后)?)"
)
# (the matcher's: the day back named, "哪天上班" after it is not the year's arrangement)
BACK_AFTER_BREAK = re.compile(_BACK_WORDS + r"|\bafter\s+the\s+(?:public\s+)?(?:holidays?|break)\b")


@_rule(
    _BACK_WORDS + r"(?=[^，,。.!?！？；;]{0,12}?(?:什么时候|啥时候|哪天|哪一天|几号|几时|何时))"
    r"|\bafter\s+the\s+(?:public\s+)?(?:holidays?|break|long\s+weekend)\b",
    "festival",
)
def _back_after_break(
    match: re.Match[str], today: date, calendar: HolidayCalendar
) -> TimeMention | None:
    if match.group().startswith("after") and not (
        _WHICH_DAY_EN.search(match.string) and _BACK_EN.search(match.string)
    ):
        return None
    if _MAKEUP_ASKED.search(match.string, match.end()):
        return None  # "节后哪天补班": the make-up day, the year's arrangement (a second reader)
    breaks = breaks_at_hand(today, calendar)
    if len(breaks) != 1 or calendar.source(breaks[0][-1].year) is Source.STATUTORY:
        return None
    day = breaks[0][-1] + timedelta(days=1)
    while calendar.day(day).kind is DayKind.HOLIDAY or (
        day.weekday() >= 5 and calendar.day(day).kind is not DayKind.MAKEUP
    ):
        day += timedelta(days=1)
    return TimeMention(match.span(), (day,), "festival", None)


# a make-up working day asked after the break's words: "节后哪天补班", "过完节哪天调休上班"
_MAKEUP_ASKED = re.compile(
    r"补班|调休|调班|补上班|补课|\bmake[\s-]?up\b|\bworking\s+(?:saturday|sunday|weekend)",
    re.IGNORECASE,
)
_WHICH_DAY_EN = re.compile(r"\bwhen\b|\b(?:what|which)\s+day\b")
_BACK_EN = re.compile(r"\b(?:re-?open\w*|open\w*|back|start\w*|resum\w*)\b")


# A festival's name right before the break's words ("清明放假那几天", "国庆节假期里")
_FESTIVAL_BEFORE = re.compile(
    "(?:" + "|".join(f"(?:{f.pattern})" for f in FESTIVALS if f.statutory) + r")\s*节?\s*的?\s*$"
)
# Someone else's break: a school's, a child's, a firm's ("孩子放假那几天", "公司放假期间")
OWN_BREAK_BEFORE = re.compile(
    r"(?:学校|学生|孩子|小孩|儿子|女儿|孙子|孙女|外孙女?|囡囡|小囡|幼儿园|公司|单位|厂里|老师)"
    r"\s*(?:那边|那里|里)?\s*(?:也|都)?\s*(?:要|快)?\s*$"
)
_SCHOOL_BREAK = re.compile(r"寒假|暑假|\b(?:school|summer|winter|christmas|uni|university)\b")


# A festival named with its weekday ("easter sunday", "good friday") before the weekday rules;
# the others after them ("下周五一起去" is a Friday, not 五一).
for _festival in FESTIVALS:
    if _festival.weekday_named:
        _rule(_festival.pattern, "festival")(_festival_rule(_festival))


@_rule(
    r"(下下|下|这|本|今|上上|上)?\s*个?\s*(?:周|星期|礼拜)\s*"
    # a figure ("周7", not "每周3次"), and 未 typed for 末 ("这周未", not "周未必")
    # (not 七 of 七夕 after the week: "下个礼拜七夕" is 七夕, in next week)
    r"([一二三四五六日天末]|七(?!夕)|[1-7](?![\d次个天点号节回遍趟岁元块人.:：])|未(?![必能曾来见满到完]))"
    # more days of the same week: "下礼拜三四", "周一三五", "周六、日" (not "周三四点")
    # ("一" only after a separator: "周四一站式窗口" is Thursday and the one-stop window)
    r"((?:(?:\s*[、,，和及/]\s*[一二三四五六日]|\s*[二三四五六日])(?![点号月个岁楼层十百分块元:：\d]))*)",
    "weekday",
)
def _cn_weekday(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    prefix, char, more = match.groups()
    char = "末" if char == "未" else char
    # (the match may have taken the 个 of "找个周末")
    head = match.string[: match.start()] + ("个" if match.group(0).startswith("个") else "")
    if prefix is None and _THAT_BEFORE.search(head):
        # "他回来那个周末", "那周四呢": a day of the resident's own, asked even beside another
        return TimeMention(match.span(), (), "unsure")
    if more and char != "末":
        weeks = {"下下": 2, "下": 1, "上": -1, "上上": -2}.get(prefix or "", 0)
        chars = [char, *(c for c in more if c in _WEEKDAY_CN)]
        if weeks == 0:
            days = [_next_weekday(today, _WEEKDAY_CN[c]) for c in chars]
        else:
            monday = _monday(today) + timedelta(days=7 * weeks)
            days = [monday + timedelta(days=_WEEKDAY_CN[c]) for c in chars]
        return TimeMention(match.span(), tuple(sorted(set(days))), "weekday")
    weeks = {"下下": 2, "下": 1, "上": -1, "上上": -2}.get(prefix or "", 0)
    if char == "末":
        if weeks == 0 and today.weekday() == 6 and prefix is None:
            return TimeMention(match.span(), (today,), "weekend")
        if weeks == 0 and today.weekday() == 6 and _NEXT_WEEKEND_TOO.search(match.string):
            # …but beside the next weekend ("这个周末和下个周末都开吗", a second reader r30):
            # this one is what is left of it, today (the next one is its own mention)
            return TimeMention(match.span(), (today,), "weekend")
        if weeks == 0 and today.weekday() == 6:
            # "这个周末" said on a Sunday: what is left of it (today) or the coming one? Asked
            return TimeMention(match.span(), (), "unsure", None, (today, *_weekend(today, 1)))
        if weeks < 0:  # "上周末健身房开了吗": that weekend, gone by
            saturday = _monday(today) + timedelta(days=7 * weeks + 5)
            return TimeMention(match.span(), (saturday, saturday + timedelta(days=1)), "weekend")
        return TimeMention(match.span(), _weekend(today, weeks) or _weekend(today, 1), "weekend")
    weekday = _WEEKDAY_CN[char]
    if prefix in ("这", "本", "今") and weekday < today.weekday():
        # "这周一" on a Wednesday: this week's, gone by, or the coming one? Asked.
        this_week = _monday(today) + timedelta(days=weekday)
        return TimeMention(match.span(), (), "unsure", None, (this_week + timedelta(days=7),))
    if weeks == 0:
        return _mention(match, "weekday", _next_weekday(today, weekday))
    return _mention(match, "weekday", _monday(today) + timedelta(days=7 * weeks + weekday))


# The next weekend named beside "this weekend" / 这个周末 ("这个周末和下个周末", "this weekend and
# next weekend"): said on a Sunday, "this" is then what is left of it, today (a second reader, r30)
_NEXT_WEEKEND_TOO = re.compile(
    r"下\s*个?\s*(?:周|星期|礼拜)\s*末|\b(?:next|coming|following)\s+weekend\b", re.IGNORECASE
)
# A Sunday joined right after a weekday ("next saturday and sunday", "…or next sunday")
_SUNDAY_JOINED = re.compile(r"\s*(?:,|/|&|and|or)\s*(?:next\s+)?sun(?:day)?s?\b", re.IGNORECASE)


# "coming" as the verb before a weekday: "I'm coming sunday", "we are coming saturday"
_COMING_VERB = re.compile(
    r"\b(?:i'?m|i\s+am|we'?re|we\s+are|they'?re|they\s+are|he'?s|she'?s|he\s+is|she\s+is"
    r"|(?:i|we|they|he|she)'?ll\s+be|(?:i|we|they|he|she)\s+will\s+be|be)\s+$"
)


@_rule(
    r"\b(next|this|coming|upcoming)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|mon|tue|wed|thur?|thu|fri|weekend)s?\b(\s+after\s+next\b)?"
    # "friday next week": next week's; "thursday of the week after next": the one after
    r"(\s+(?:of\s+)?(?:the\s+)?(?:next\s+week|week\s+after\s+next)\b"
    # "saturday of this week" (a learner's English): this week's
    r"|\s+of\s+this\s+week\b)?",
    "weekday",
)
def _en_weekday(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    prefix, word, after_next, next_week = match.groups()
    if prefix == "upcoming":
        prefix = "coming"
    elif prefix == "coming" and _COMING_VERB.search(match.string, 0, match.start()):
        prefix = None  # "I'm coming sunday": the verb, a bare weekday (said on it: today)
    if next_week and "this" in next_week:
        if prefix not in (None, "this") or after_next:
            return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
        prefix, next_week = "this", None
    if next_week and "after" in next_week:
        if prefix is not None or after_next or word == "weekend":
            return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
        return _mention(match, "weekday", _monday(today) + timedelta(days=14 + _WEEKDAY_EN[word]))
    if next_week and prefix is None and not after_next:
        prefix = "next"
    if after_next and prefix is not None:  # "next friday after next": no reading
        return TimeMention(match.span(), (), "unsure", None, generic_candidates(today))
    if (
        prefix is None
        and not after_next
        and (
            _EN_THAT_BEFORE.search(match.string, 0, match.start())
            or _EN_CLAUSE_AFTER.match(match.string, match.end())
        )
    ):
        return TimeMention(match.span(), (), "unsure")  # "the weekend they're here": which one?
    if after_next:  # "the weekend after next", "sunday after next": after which "next"?
        if word == "weekend":  # next week's or the one after: asked, with both as buttons
            return TimeMention(
                match.span(), (), "unsure", None, _weekend(today, 1) + _weekend(today, 2)
            )
        day = _monday(today) + timedelta(days=7 + _WEEKDAY_EN[word])
        if _WEEKDAY_EN[word] <= today.weekday():
            # "the Monday after next" on a Wednesday: the coming Monday is next week's either
            # way, so the one after it is the Monday of the week after next
            return _mention(match, "weekday", day + timedelta(days=7))
        return TimeMention(match.span(), (), "unsure", None, (day, day + timedelta(days=7)))
    if (
        word == "weekend"
        and prefix is None
        and _AFTER_THE_EN.search(match.string, 0, match.start())
        and not _DAY_NAMED_EN.search(
            match.string[: match.start()] + " " + match.string[match.end() :]
        )
    ):  # "is the gym open after the weekend": a day after it (was the weekend's own), asked
        # ("till the weekend" is mostly the resident's own: "I'm busy till the weekend")
        held = _weekend(today, 0) or _weekend(today, 1)  # (on a Sunday what is left: today)
        near = tuple(held[-1] + timedelta(days=n) for n in (1, 2, 3))
        return TimeMention(match.span(), (), "unsure", None, near)
    weeks = 1 if prefix == "next" else 0
    said_next = prefix == "next" and not next_week  # "next friday", not "friday next week"
    if word == "weekend":  # "next weekend": next week's (the outside writers mostly agree)…
        if prefix == "coming" and today.weekday() == 6:
            weeks = 1  # "the coming weekend" said on a Sunday: the next one, not today
        elif prefix == "this" and today.weekday() == 6 and _NEXT_WEEKEND_TOO.search(match.string):
            # "this weekend and next weekend" said on a Sunday: this one is today (r30 reader)
            return TimeMention(match.span(), (today,), "weekend")
        elif prefix == "this" and today.weekday() == 6 and not next_week:
            # "this weekend" said on a Sunday: what is left of it (today) or the coming one?
            return TimeMention(match.span(), (), "unsure", None, (today, *_weekend(today, 1)))
        weekend = _weekend(today, weeks) or _weekend(today, 1)
        if said_next and today.weekday() < 5:
            # …but said while this weekend is still ahead, the coming one to some: both kept,
            # as for "next friday" (asked of a resident, next week's for staff)
            both = _weekend(today, 0) + weekend
            return TimeMention(match.span(), weekend, "weekend", None, both)
        return TimeMention(match.span(), weekend, "weekend")
    weekday = _WEEKDAY_EN[word]
    if said_next and (weekday > today.weekday() or today.weekday() == 6 != weekday):
        # "next friday" said on a Tuesday: this Friday to some, next week's to others (the
        # outside writers split). Next week's, with both readings kept: a resident's question
        # asks which (``next_weekday_asked``); staff's input takes next week's. Said on a
        # Sunday ("next saturday"), where an English week starts: the same two readings
        # (staff's input keeps the calendar week's, the coming one, as before)
        coming = _next_weekday(today, weekday)
        later = coming + timedelta(days=7)
        if today.weekday() == 6 and _SUNDAY_JOINED.match(match.string, match.end()):
            # "next saturday and sunday" said on a Sunday: next Sunday is a week today, so the
            # Saturday before it is the coming one, no question (a second reader, r30: the
            # Sunday was lost from the buttons)
            return _mention(match, "weekday", coming)
        kept = coming if today.weekday() == 6 else later
        return TimeMention(match.span(), (kept,), "weekday", None, (coming, later))
    if prefix == "next":
        return _mention(match, "weekday", _monday(today) + timedelta(days=7 + weekday))
    if prefix == "coming" and weekday == today.weekday():
        # "this coming sunday" said on a Sunday: the one to come, not today
        return _mention(match, "weekday", today + timedelta(days=7))
    return _mention(match, "weekday", _next_weekday(today, weekday))


@_rule(r"双休日?|\bon\s+weekends\b", "weekend")
def _days_off(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    """ "双休日": the coming Saturday and Sunday."""
    if today.weekday() == 6:
        return TimeMention(match.span(), (today,), "weekend")
    return TimeMention(match.span(), _weekend(today, 0), "weekend")


_COUNTED_BEFORE = re.compile(
    r"(?:第\s*[一二两三四五六七八九十\d]{1,2}|最后|头)\s*(?:一)?\s*个?\s*$"
)


# The working days of a week named: "下周工作日", "下个礼拜的工作日", "weekdays next week",
# "next week's weekdays": its Monday to Friday (from today)
@_rule(
    r"(下|这|本)个?(?:周|星期|礼拜)\s*的?\s*(?:工作日|上班的?日子)"
    r"|\b(?:on\s+)?weekdays\s+(?:of\s+|during\s+)?(next|this)\s+week\b"
    r"|\b(next|this)\s+week(?:'?s)?\s+weekdays\b",
    "week",
)
def _weeks_working_days(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    prefix = next(g for g in match.groups() if g)
    weeks = 1 if prefix in ("next", "下") else 0
    days = tuple(d for d in _week_days(today, weeks) if d.weekday() < 5)
    return (
        TimeMention(match.span(), days, "week") if days else TimeMention(match.span(), (), "unsure")
    )


# A kind of day's hours followed ("按工作日的时间", "跟平时工作日一样", "照工作日来"): a manner
_AS_ON_BEFORE = re.compile(r"(?:按|按照|照|像)\s*(?:平时|平常|正常|普通)?\s*的?\s*$")
_AS_ON_AFTER = re.compile(r"\s*(?:的\s*)?(?:时间|钟点|作息|安排|标准)?\s*(?:一样|那样)")


_CLAIMED_BEFORE = re.compile(r"(?:算|是|也是|也算|算是|属于|当)\s*(?:个|一个)?\s*$")


@_rule(r"工作日|\b(?:on\s+)?weekdays\b", "weekday")
def _working_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    """ "工作日": today if it is Monday to Friday, else the coming Monday. A working day
    counted ("年后第一个工作日", "最后一个工作日") that no rule placed: asked."""
    if _COUNTED_BEFORE.search(match.string, 0, match.start()):
        return TimeMention(match.span(), (), "unsure")
    if _AS_ON_BEFORE.search(match.string, 0, match.start()) or _AS_ON_AFTER.match(
        match.string, match.end()
    ):  # "周日调休，活动室是按平时工作日的时间开吗": the hours of a kind of day, not a day
        return TimeMention(match.span(), (), "vague")
    if _CLAIMED_BEFORE.search(match.string, max(0, match.start() - 6), match.start()):
        # what a day named is said to be ("今天算工作日吧", "礼拜天也算上班的工作日"; r29c):
        # that day's kind, not another day
        return TimeMention(match.span(), (), "vague")
    return _mention(match, "weekday", _next_weekday(today, 0) if today.weekday() >= 5 else today)


# 放假 as what is asked of the festival's day ("一站式窗口中秋节放假吗", "中秋节食堂放假不"): does
# the place close that day, the festival's own day (not "国庆节放假 食堂开吗", the break)
_BREAK_ASKED = (
    r"\s*了?\s*(?:吗|嘛|么|呢|(?:不|没有?)(?=\s*[?？]*\s*(?:$|[\s,，。!！?？])))|\s*[?？]+"
)
# "元旦假期", "国庆长假", "春节放假那几天", "national day holiday": every day of the break.
_BREAK_AFTER = re.compile(
    r"\s*节?\s*的?\s*(?:(?:[一二三四五六七八九十两\d]+天的?)?小?长?假期?|放[一二三四五六七八九两\d]+天假?"
    # (放假 asked as the question's verb is the festival's own day: "窗口中秋节放假吗", below)
    r"|放假(?:期间|那几天|的几天|这几天|(?!" + _BREAK_ASKED + r"))|休假|期间|那几天|这几天|几天"
    r"|(?:\s*festival(?:'s)?)?\s*(?:holidays?|break|long\s+weekend|period|days\s+off)\b)"
)


# …a clause or the resident's own doings after it: the count told, not asked ("国庆剩下的两天我
# 要出去玩，食堂明天开伐", "国庆还剩两天，食堂开伐": the days left, or the day asked)
_TOLD_ON = re.compile(r"\s*(?:[,，。.!！;；]|我|我们|咱|阿拉|侬|他|她|孩子|孙|就|才|了|而已)")
# The break's days still to come: "国庆剩下几天", "春节假期还剩的这几天", "五一余下的两天"
_BREAK_LEFT = re.compile(
    r"\s*节?\s*(?:的)?\s*(?:假期|长假|放假)?\s*(?:还)?\s*(?:剩下|剩余|还剩|剩|余下)\s*(?:来)?\s*(?:的)?"
    r"\s*(?:这|那)?\s*(?:几天|[两二三四五六]天|日子|假期|假)"
)
# The break's one day: "放假那天", "放假的当天" (but "放假那几天" is the whole break)
_BREAK_ONE_DAY = re.compile(
    r"\s*节?\s*的?\s*放假\s*的?\s*(?:那天|当天|那一天|这天|这一天|那日|当日|那个日子)"
)


def break_days(day: date, calendar: HolidayCalendar) -> tuple[date, ...]:
    """The days off around a festival: the year's notice when published; before it, the
    statutory days and the weekend next to them (surely off whatever the notice says)."""
    view = calendar.year_view(day.year)
    block = next((b for b in view.blocks if b.start <= day <= b.end), None)
    if block is None:
        return ()
    start, end = block.start, block.end
    if view.source == "statutory":
        while (start - timedelta(days=1)).weekday() >= 5:
            start -= timedelta(days=1)
        while (end + timedelta(days=1)).weekday() >= 5:
            end += timedelta(days=1)
    return tuple(start + timedelta(days=n) for n in range((end - start).days + 1))


# A festival's name that is itself its break: "golden week", "十一长假"
# Festivals of one day (the break around them is the calendar's, not the festival's own):
# "during" one of them is its day, unlike "during spring festival" or "during national day"
_FESTIVAL_WORD = re.compile(r"\s*festival\b")
_ONE_DAY_FESTIVALS = frozenset({"new_year", "tomb_sweeping", "dragon_boat", "mid_autumn"})
_BREAK_NAME = re.compile(r"golden\s*week|长假|假期")
# "before spring festival", "after cny": which day before or after it? Asked.
_BEFORE_AFTER = re.compile(
    r"(?<!day\s)(?<!days\s)\b(?:before|after|b4|until|till|til)\s+(?:the\s+)?$"
    # "过完端午窗口哪天上班", "过了国庆": after it, which day? (was the festival's own day)
    r"|(?:过完|过了|过好|等过完)\s*$"
)
# An event held on the festival's day, named after it: "the Double Ninth family lunch"
EVENT_OF_THE_DAY = re.compile(
    r"(?:\s+festival)?(?:'s)?\s+(?:(?:family|big|special|reunion|holiday|festival)\s+)?"
    r"(?:lunch|dinner|breakfast|brunch|meal|feast|party|gathering|banquet|celebration)\b"
)
# "国庆过完", "端午假期结束以后": after it, which day? Asked.
_COUNTED_AFTER = re.compile(r"\s*(?:后|以后|之后)?\s*的?\s*(?:第|头)")
# "过了元宵节第一个礼拜六": the weekday counted from it (read with the weekday, in the matcher)
_PAST_THEN_WEEKDAY = re.compile(
    r"\s*节?\s*(?:以后|之后|后)?\s*的?\s*(?:第\s*[一1]|头\s*[一1]?)\s*个\s*(?:礼拜|星期|周)[一二三四五六日天]"
    # …or the weekday bare after a pause: "过完端午 礼拜一" (the first one after it)
    r"|\s*节?\s*(?:以后|之后|后)?\s*[,，]?\s*(?:礼拜|星期|周)[一二三四五六日天]"
)
_OVER_THEN_WEEKDAY = re.compile(
    r"\s*节?\s*(?:过|过完|过了|过好)\s*(?:了)?\s*(?:以后|之后|后)?\s*的?\s*(?:第\s*[一1]|头\s*[一1]?)\s*个\s*"
    r"(?:礼拜|星期|周)[一二三四五六日天]"
)
_ZH_PAST = re.compile(r"(?:过完|过了|过好|等过完|等过了)\s*$")
_DONE_AFTER = re.compile(r"\s*节?\s*(?:假期|长假)?\s*(?:过完|过好|结束)(?:了|以后|之后|后)?")
_DURING_BEFORE = re.compile(
    r"\b(?:during|over|throughout|through|thru|across|all\s+through)\s+(?:the\s+)?$"
)
# "国庆三天", "春节七天": that many days from the festival's first
_N_DAYS_AFTER = re.compile(
    r"\s*节?\s*(?:的|格|那|这)?\s*([两二三四五六七]|[2-7])\s*天(?!后|以后|之后|前|以前|之前|假|长假)"
)


for _festival in FESTIVALS:
    if not _festival.weekday_named:
        _rule(_festival.pattern, "festival")(_festival_rule(_festival))


# 破五 (正月初五, when the new year's first taboos end): that day; so is the god of wealth's day
# ("初五迎财神那天", "财神节", "财神爷生日"; round thirty). Not 接财神 alone: in Shanghai it is
# often the night of 初四, so it is asked.
@_rule(r"破五|迎财神|财神(?:节|日|爷?(?:的)?生日)", "festival")
def _po_wu(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return _past_the_day(match, today, _lunar_told(1, 5, today, match.string)) or _mention(
        match, "festival", _lunar_told(1, 5, today, match.string)
    )


def _past_the_day(match: re.Match[str], today: date, found: date | None) -> TimeMention | None:
    """ "过了初五找一天", "after the 5th day of cny": some day after (before) it, asked with
    the three next to it (was that day's hours)."""
    if found is None or not _BEFORE_AFTER.search(match.string, 0, match.start()):
        return None
    step = -1 if re.search(r"(?:before|b4)\s+(?:the\s+)?$", match.string[: match.start()]) else 1
    near = sorted(found + timedelta(days=step * n) for n in (1, 2, 3))
    return TimeMention(match.span(), (), "unsure", None, tuple(d for d in near if d >= today))


# The Spring Festival's days: "初三" standing alone, "大年初二", "年初五" (= 正月初X). Not a
# school year ("上初一", "初一学生") nor a month's start ("5月初").
@_rule(
    r"(?<![上读念在月])(?:大年|年)?初([一二三四五六七八九十])(?!中|级|等|年级|学生|班|的学生|的孩子)",
    "festival",
)
def _spring_festival_day(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    number = cn_number(match.group(1))
    found = (
        _lunar_told(1, number, today, match.string)
        if _in_zheng_yue(today)
        or match.group(0).startswith(("大年", "年"))
        or _SPRING_NAMED.search(match.string)
        else _lunar(1, number, today)
    )  # (a bare "初八…开了伐" in 二月 is not 正月's, a month gone: "初八照相馆开了伐" on 二月初七)
    if (past := _past_the_day(match, today, found)) is not None:
        return past
    if found is None or match.group(0).startswith(("大年", "年")):
        return _mention(match, "festival", found)
    if (
        _PAST_ASKED.search(match.string)
        and not _YEAR_SAID.search(match.string)
        and not _SPRING_NAMED.search(match.string)
        and (gone := _this_lunar_month_day(number, today)) is not None
        and gone <= today
        and today - gone <= JUST_ENDED
        and not _in_la_yue(today)  # (in 腊月 初X is the Spring Festival's: "初八窗口上班了吗")
    ):  # "初一照相馆开了伐" on 七月初二: this lunar month's, gone by (not the next month's)
        return _mention(match, "date", gone)
    nearer = _lunar_days(number, today)
    if (
        nearer
        and nearer[0] < found
        and not _SPRING_NAMED.search(match.string)
        # "初一到初三健身房开吗" in 冬月 or 腊月: the first days of a month as a span are the
        # Spring Festival's (no one asks about a plain month's first three days)
        and not (_FIRST_DAYS_SPAN.search(match.string) and found - today <= SPRING_SPAN_NEAR)
    ):
        if number == 1 and found not in nearer:
            # "初一那天" asked far from the Spring Festival: the month's first day, kept by many
            # (初一十五); in 冬月 (腊月初一 or the Spring Festival's?) it is still asked
            return _mention(match, "date", nearer[0])
        # "食堂初八开吗" asked in October: this lunar month's 初八 or the Spring Festival's?
        # Only in 腊月 and 正月 is the next 初八 the Spring Festival's own.
        return TimeMention(match.span(), (), "unsure", None, (*nearer, found))
    return _mention(match, "festival", found)


_ORDINAL_EN = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}  # fmt: skip
# "day one of the chinese new year break"
_CARDINAL_EN = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
}  # fmt: skip


# The same in English, the lunar new year named: "the fifth day of chinese new year", "day 3 of
# the lunar new year", "the 2nd day of cny" (= 正月初X; a bare "new year" is January's, asked)
@_rule(
    r"\b(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|1st|2nd|3rd|[4-9]th|10th)\s+day|day\s+(?P<num>[1-9]|10|one|two|three|four|five|six"
    r"|seven|eight|nine|ten))\s+of\s+(?:the\s+)?"
    r"(?:(?:chinese|lunar)\s+new\s*year|spring\s+festival|cny|(?P<bare>new\s*year)(?!'?s?\s+eve))\b",
    "festival",
)
def _spring_festival_day_en(
    match: re.Match[str], today: date, calendar: HolidayCalendar
) -> TimeMention | None:
    if match.group("bare") is not None and not _LUNAR_NAMED_EN.search(match.string):
        return None  # "the first day of the new year" alone: January's (or asked), not read here
    number = (
        _ORDINAL_EN[match.group("ord")]
        if match.group("ord")
        else _CARDINAL_EN.get(match.group("num")) or int(match.group("num"))
    )
    held_word = _BREAK_WORD_EN.match(match.string, match.end())
    new_year = _lunar(1, 1, today)
    if held_word is not None and match.group("bare") is None and new_year is not None:
        # "the first day of the spring festival holiday": the break's n-th day off (as 春节假期
        # 第一天), not 初一 (the break began on 腊月廿八 in 2026); asked while the year's
        # notice is not out (its first day off is not known)
        span = (match.start(), held_word.end())
        held = break_days(new_year, calendar)
        if calendar.year_view(new_year.year).source != "statutory" and number <= len(held):
            return TimeMention(span, (held[number - 1],), "festival", "spring_festival")
        return TimeMention(span, (), "unsure", None, held)
    found = _lunar_told(1, number, today, match.string)
    return _past_the_day(match, today, found) or _mention(match, "festival", found)


# The break's word after "the n-th day of spring festival": its days off are counted
_BREAK_WORD_EN = re.compile(r"\s+(?:holidays?|break|vacation|long\s+weekend|days\s+off)\b")


# The lunar new year named elsewhere in the message ("Chinese New Year's Eve and the first day
# of the new year", "the 5th day of the new year (po wu)"): its "new year" is the lunar one
_LUNAR_NAMED_EN = re.compile(
    r"\b(?:chinese|lunar)\s+new\s*year|\bspring\s+festival|\bcny\b|\bpo\s*wu\b|\blunar\b"
    r"|春节|过年|除夕|正月|农历"
)


_RULES.insert(0, _RULES.pop())  # before "the 5th" (a date) and "chinese new year" take its words

# A lunar month and day in English ("the 3rd day of the 3rd lunar month", "the 15th of the 8th
# lunar month", "lunar 9/9", "day 8 of the 12th lunar month", "the 8th lunar month, 15th day"):
# the lunar calendar's, as 农历三月初三 is (round twenty-six)
_ORD_WORDS = {
    **_ORDINAL_EN, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "twentieth": 20, "thirtieth": 30,
}  # fmt: skip
_ORD_EN = r"(?:[1-9]|[12][0-9]|30)(?:st|nd|rd|th)|" + "|".join(
    sorted((k for k in _ORD_WORDS if k.isalpha()), key=len, reverse=True)
)
_LUNAR_MONTH_EN = (
    r"(?:the\s+)?(?P<m>" + _ORD_EN + r"|(?:[1-9]|1[0-2])(?:st|nd|rd|th))\s+lunar\s+month"
)


@_rule(
    r"\b(?:(?:the\s+)?(?P<d>" + _ORD_EN + r")(?:\s+day)?|day\s+(?P<dn>[1-9]|[12][0-9]|30))"
    r"\s+of\s+" + _LUNAR_MONTH_EN + r"\b"
    r"|\b" + _LUNAR_MONTH_EN.replace("?P<m>", "?P<m2>") + r"\s*,?\s*(?:the\s+)?"
    r"(?:(?P<d2>" + _ORD_EN + r")\s+day|day\s+(?P<dn2>[1-9]|[12][0-9]|30))\b"
    r"|\b(?:on\s+the\s+)?lunar\s+(?:calendar\s+)?(?P<m3>1[0-2]|[1-9])\s*[/.-]\s*(?P<d3>[12][0-9]|30|[1-9])\b",
    "date",
)
def _lunar_date_en(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    def number(text: str) -> int:
        return _ORD_WORDS.get(text) or int(re.sub(r"\D", "", text))

    groups = match.groupdict()
    month = number(groups["m"] or groups["m2"] or groups["m3"])
    day_text = next(groups[k] for k in ("d", "dn", "d2", "dn2", "d3") if groups[k])
    day = number(day_text)
    found = (
        _lunar_told(month, day, today, match.string)
        if 1 <= month <= 12 and 1 <= day <= 30
        else None
    )
    return _mention(match, "date", found)


_RULES.insert(0, _RULES.pop())  # before "the 3rd" (a Gregorian date) takes its words


# 初一十五 (初一月半): the lunar month's first and fifteenth, kept as a habit ("阿拉初一十五要去
# 烧香"), no one day asked: a vague word, left to the day named beside it (asked when alone)
@_rule(r"(?:逢|每逢|每个月)?初一\s*(?:和|跟|搭|同|、)?\s*(?:十五|月半)", "vague")
def _first_and_fifteenth(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return TimeMention(match.span(), (), "vague")


_RULES.insert(0, _RULES.pop())  # before 初一 (a festival's or a month's) and 十五 take its words


_SPRING_NAMED = re.compile(
    r"春节|过年|大年|正月|除夕|年三十|年夜|新年|拜年|迎财神|财神(?:节|日|爷?(?:的)?生日)"
)
_FIRST_DAYS_SPAN = re.compile(
    # (no month named before them: "腊月初一到初三", "冬月初五初六", "下个月初一到初三" are that
    # month's days, not the Spring Festival's; a second reader, r26)
    r"(?<!月)(?<!月\s)初[一二三四五六七八九]\s*(?:(?:到|至|~|-|—|–)\s*初?|[、,，\s]*(?:和|跟)?[、,，\s]*初)"
    r"[二三四五六七八九十]"
)
SPRING_SPAN_NEAR = timedelta(days=75)


# A lunar day named with its lunar word and no month ("农历十五", "阴历廿三那天"): the next such
# day of the lunar calendar, from today (the 农历/阴历 said is the day's word, not left over)
@_rule(
    r"(?:农历|阴历|老历|旧历)\s*"
    r"(十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
    r"(?![\s一二三四五六七八九十]*月)",
    "date",
)
def _lunar_day_named(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    return _mention(match, "date", next(iter(_lunar_days(cn_number(match.group(1)), today)), None))


# A day of the month in Chinese numerals, said as a day ("十五那天", "廿八当天"): the lunar day
# or the solar one? The same day: that day. A lunar word beside it ("猜灯谜", "烧香", "农历"),
# or 十五 in 正月 or 八月 before the solar 15th (元宵, 中秋): the lunar day. Else asked, with both.
@_rule(
    r"(?<![\d一二三四五六七八九十百千几第初月号廿卅])"
    r"(十[一二三四五六七八九]|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
    r"(?=\s*(?:那天|那一天|当天|那日|这天|这一天))",
    "date",
)
def _bare_day_number(match: re.Match[str], today: date, _: HolidayCalendar) -> TimeMention:
    from borax.calendars.lunardate import LunarDate

    number = cn_number(match.group(1))
    lunar = next(iter(_lunar_days(number, today)), None)
    solar = _day_of_month(today, number)
    if lunar is None or solar is None or lunar == solar:
        return _mention(match, "date", lunar or solar)
    month = LunarDate.from_solar_date(lunar.year, lunar.month, lunar.day).month
    if (
        LUNAR_CUE.search(match.string)
        or _LUNAR_DAY_CUE.search(match.string)
        or (number == 15 and month in (1, 8) and lunar < solar)
    ):
        return _mention(match, "date", lunar)
    return TimeMention(match.span(), (), "unsure", None, tuple(sorted((lunar, solar))))


# What is done on a lunar day: the lantern riddles, the moon, incense, a vegetarian day
_LUNAR_DAY_CUE = re.compile(r"灯谜|花灯|灯会|汤圆|赏月|月饼|吃素|吃斋|初[一二三四五六七八九十]")


def _lunar_day_agrees(text: str, found: list[TimeMention]) -> list[TimeMention]:
    """A day said with its lunar day ("前天初八", "昨天十五", "今天初二"): when they agree, the
    day (the lunar day only names it); when not, both stay (asked)."""
    from borax.calendars.lunardate import LunarDate

    result = list(found)
    for said, lunar in itertools.pairwise(found):
        number = _SAID_LUNAR_DAY.fullmatch(text, *lunar.span)
        if (
            said.kind != "relative"
            or len(said.days) != 1
            or number is None
            or not _LUNAR_GAP.fullmatch(text, said.span[1], lunar.span[0])
        ):
            continue
        day = said.days[0]
        if LunarDate.from_solar_date(day.year, day.month, day.day).day == cn_number(
            number.group(1).removeprefix("初")
        ):
            whole = TimeMention((said.span[0], lunar.span[1]), said.days, "relative")
            result = [whole if m is said else m for m in result if m is not lunar]
    return result


_SAID_LUNAR_DAY = re.compile(
    r"(初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)"
    r"\s*(?:那天|那一天|当天|那日|这天|这一天)?"
)
_LUNAR_GAP = re.compile(r"\s*(?:是|就是|,|，)?\s*")


def _festival_agrees(
    text: str, found: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """A day gone by said with the festival it was ("昨天元宵节你们食堂开了没有", "前天是惊蛰",
    "was the gym open yesterday on the lantern festival", "…for the lantern festival
    yesterday?"): when the festival fell on that day, the day (the festival's next one, next
    year's, is not what is spoken of); when not, the festival is asked. Only when no other day
    is named: "昨天立夏 今天卫生站总归开了吧" tells the festival as gone by, today asked."""
    if len(found) != 2:
        return found
    first, second = found
    said, named = (second, first) if first.kind == "festival" else (first, second)
    gap = (
        _FESTIVAL_GAP.fullmatch(text, said.span[1], named.span[0])
        if said is first
        else _FESTIVAL_GAP_AFTER.fullmatch(text, named.span[1], said.span[0])
    )
    if (
        said.kind != "relative"
        or len(said.days) != 1
        or named.kind != "festival"
        or said.days[0] in named.days
        or not gap
    ):
        return found
    day = said.days[0]
    words = text[named.span[0] : named.span[1]]
    festival = next((f for f in FESTIVALS if re.match(f.pattern, words)), None)
    if festival is None:
        return found
    if festival.statutory is not None:
        held = calendar.festival_date(festival.statutory, day.year)[0]
    else:
        assert festival.rule is not None
        try:
            held = festival.rule(day.year)
        except ValueError:
            held = None
    if held == day:
        span = (min(said.span[0], named.span[0]), max(said.span[1], named.span[1]))
        return [TimeMention(span, said.days, "relative")]
    if day < today and named.days:  # a day gone by was not that festival: which is meant?
        # Asked (not the festival's next one, next year's)
        unsure = TimeMention(named.span, (), "unsure", None, generic_candidates(today))
        return [unsure if m is named else m for m in found]
    return found


def _festival_on_last_weekday(
    text: str, found: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """A festival said with "last <weekday>", the day it fell on ("was the canteen open on
    Arbor Day last Thursday", "last thursday, the lantern festival"): when this year's festival
    fell on that weekday within the last two weeks, that day ("last thursday" alone is asked);
    when not, both stay (asked)."""
    if len(found) != 2 or "last" not in text:
        return found
    first, second = found
    named, said = (first, second) if first.kind == "festival" else (second, first)
    if named.kind != "festival" or said.kind != "weekday" or len(said.days) != 1:
        return found
    last = _LAST_BEFORE.search(text, 0, said.span[0])
    if last is None:
        return found
    start, end = min(named.span[0], last.start()), max(named.span[1], said.span[1])
    if not _LAST_GAP.fullmatch(
        text, *((named.span[1], last.start()) if named is first else (said.span[1], named.span[0]))
    ):
        return found
    words = text[named.span[0] : named.span[1]]
    festival = next((f for f in FESTIVALS if re.match(f.pattern, words)), None)
    held = None if festival is None else _last_held(festival, today, calendar)
    if (
        held is None
        or held.weekday() != said.days[0].weekday()
        or today - held > timedelta(days=13)
    ):
        return found
    return [
        TimeMention((start, end), (held,), "festival", festival.statutory if festival else None)
    ]


_LAST_BEFORE = re.compile(r"\blast\s*$")
_LAST_GAP = re.compile(r"\s*(?:[,，]\s*)?(?:(?:on|for|it\s+was|which\s+was|was)\s+)?(?:the\s+)?")


_FESTIVAL_GAP = re.compile(
    r"\s*(?:是|就是|正好是?|刚好是?|,|，)?\s*(?:(?:on|for|it\s+was|which\s+was|was)\s+)?(?:the\s+)?"
)
# ("yesterday was the lantern festival", "the lantern festival was yesterday": told, a second
# reader, r27)
_FESTIVAL_GAP_AFTER = re.compile(r"\s*(?:festival\s+)?[,，]?\s*(?:was\s+)?")


def _this_lunar_month_day(number: int, today: date) -> date | None:
    """The day numbered ``number`` of today's lunar month."""
    from borax.calendars.lunardate import LunarDate

    lunar = LunarDate.from_solar_date(today.year, today.month, today.day)
    try:
        return LunarDate(lunar.year, lunar.month, number, lunar.leap).to_solar_date()
    except ValueError:
        return None


def _in_zheng_yue(today: date) -> bool:
    from borax.calendars.lunardate import LunarDate

    lunar = LunarDate.from_solar_date(today.year, today.month, today.day)
    return bool(lunar.month == 1 and not lunar.leap)


def _in_la_yue(today: date) -> bool:
    from borax.calendars.lunardate import LunarDate

    return bool(LunarDate.from_solar_date(today.year, today.month, today.day).month == 12)


def _lunar_days(number: int, today: date) -> tuple[date, ...]:
    """The next two days numbered ``number`` in a lunar month, from today."""
    from borax.calendars.lunardate import LunarDate

    found: list[date] = []
    lunar = LunarDate.from_solar_date(today.year, today.month, today.day)
    year, month = lunar.year, lunar.month
    for _ in range(3):
        try:
            day = LunarDate(year, month, number).to_solar_date()
        except ValueError:
            day = None
        if day is not None and day >= today:
            found.append(day)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(found[:2])


def _week_days(today: date, weeks: int) -> tuple[date, ...]:
    monday = _monday(today) + timedelta(days=7 * weeks)
    return tuple(d for d in (monday + timedelta(days=n) for n in range(7)) if d >= today)


def _holiday_candidates(today: date, calendar: HolidayCalendar) -> tuple[date, ...]:
    found = []
    for festival in FESTIVALS:
        if festival.statutory is not None:
            day = festival_day(festival, today, calendar)
            if day is not None and day - today <= timedelta(days=200):
                found.append(day)
    return tuple(sorted(found)[:4])


# Found but not resolvable to a day: "下周" (which day?), "节假日", an unknown "XX节".
_VAGUE = re.compile(
    r"(?P<nextweek>下个?(?:周|星期|礼拜)|\bnext\s+week\b)"
    r"|(?P<thisweek>(?:这个?|本)(?:周|星期|礼拜)|\bthis\s+week\b)"
    r"|(?P<nextmonth>下个?月|\bnext\s+month\b)"
    # "后个礼拜", "隔个礼拜", "后个月": a week or a month not the next one for sure (the one
    # after next?), no day named: asked (a weekday after them is asked by its qualifier)
    # "后半周", "下周前半周", "上半个礼拜": which days of the week? Asked
    r"|(?P<halfweek>[前后上下]\s*半\s*个?\s*(?:周|星期|礼拜))"
    r"|(?P<otherweek>(?<![以之然最落背])(?:后|隔)\s*一?\s*个\s*(?:周|星期|礼拜|月))"
    # (not a wish or a plan for the year: "新年新气象", "新年计划", "新年伊始")
    r"|(?P<holiday>节假日|节日|法定假日?|假期|假日|放假|长假|小长假"
    # ("first holiday here", "our first holiday in china": one's own first, the word with it)
    r"|新年(?!好|快乐|新气象|新打算|新开始|新目标|伊始|计划|愿望|目标|决心)|(?:\bfirst\s+)?\bholidays?\b"
    # the break's end, no day counted ("放完假找一天", "收假以后"); "during the break" with none
    # at hand
    r"|放完假|休完假|假放完|收完假|收假"
    # "过节三天" with no break at hand (one at hand is read above): which days?
    r"|过节(?![费礼物品])"
    r"|\b(?:during|over|throughout|after|before)\s+the\s+break\b"
    r"|\bbank\s+holiday\b)"
    # a clause naming a time by an event of the resident's own: "下次居委会开会的时候",
    # "我儿子回来那天", "the day my daughter arrives"
    r"|(?P<event>(?:(?![吗呢吧啊呀嘛伐])[\u4e00-\u9fff]){1,10}?(?:的时候|那天|那日|那一天|那几天|当天|那会儿?)"
    r"|\b(?:on\s+)?the\s+day\s+(?:that\s+|when\s+)?(?:my|i|we|he|she|they|our|his|her|you)\b"
    # a school's calendar as the time (round twenty-nine, spent29): "the day the autumn term
    # ends", "the day school starts", "when the semester is over" (not "when night school starts")
    r"|\b(?:on\s+)?the\s+day\s+(?:that\s+|when\s+)?(?:the\s+|a\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:term|semester|school|classes|exams?|holidays?|vacation|break|course|kids|children)\s+"
    r"(?:ends?|ended|starts?|begins?|finish(?:es)?|is\s+over|are\s+over|breaks?\s+up|(?:re)?opens?"
    r"|closes?|goes\s+back|go\s+back|resumes?)\b"
    r"|\b(?:when|once|after|before|until|till)\s+(?:the\s+)?(?:[a-z]+\s+)?"
    r"(?<!night\s)(?:term|semester|school(?!\s+(?:days?|hours?))|exams?|school\s+holidays?)\s+"
    r"(?:ends?|ended|starts?|begins?|finish(?:es)?|is\s+over|are\s+over|breaks?\s+up|(?:re)?opens?"
    r"|closes?|goes\s+back|go\s+back|resumes?)\b"
    r"|\b(?:on\s+)?the\s+(?:day|date|weekend|morning|afternoon)\s+of\s+(?:my|our|his|her|their|the)\b"
    r"|\bthat\s+(?:night|day|morning|afternoon|evening|weekend)\b"
    r"|\bon\s+(?:my|our|his|her|their)\s+[a-z]+\s+day\b"  # "on my retirement day"
    r"|\b(?:when|once)\s+(?:my|our|his|her|their)\s+[a-z]+\s+(?:arrives?|comes?|visits?|is\s+back"
    r"|gets?\s+(?:here|back)|lands?|returns?|is\s+over|ends|finishes|starts)\b"
    # "when I get back from my trip", "after his operation": a time of the resident's own
    r"|\b(?:when|once|after)\s+(?:i|we|he|she|they)\s*(?:get|gets|come|comes|am|are|is|'m|'re)"
    r"\s+back\b"
    r"|\b(?:after|before)\s+(?:my|our|his|her|their)\s+(?:[a-z]+\s+)?(?:trip|holiday|vacation"
    r"|surgery|operation|exams?|wedding|move|flight)\b"
    # the weather to come: "once the weather warms up", "等天气暖和了", "雨停了再去"
    r"|(?P<weather>\b(?:when|once|after|as\s+soon\s+as|whenever|till|until)\s+(?:the\s+)?"
    r"(?:weather|rain|snow|sun|it|heat|temperatures?|cold)(?:'s)?\s+"
    r"(?:\w+\s+)?(?:warms?\s+up|gets?\s+(?:a\s+(?:bit|little)\s+)?(?:warmer|better|nicer|colder|cooler"
    r"|milder)|clears?(?:\s+up)?|stops?(?:\s+raining)?|improves?|comes?\s+out|turns?"
    r"|is\s+(?:nice|better|warmer|good|fine|cooler|milder)"
    # cooling, a heat that breaks or eases, told as the time (round twenty-eight, spent15:
    # "whenever it cools down a bit", "once the heat breaks", "when it's less hot")
    r"|cools?\s+(?:down|off)|breaks?|eases?(?:\s+(?:off|up))?|lets?\s+up|dies\s+down"
    r"|(?:is\s+)?(?:less|not\s+so|not\s+as)\s+(?:hot|cold|humid|muggy)|cooler|warmer|milder)\b"
    # a storm or a heatwave over: "once the typhoon passes", "after the storm has gone"
    r"|\b(?:when|once|after|as\s+soon\s+as)\s+(?:the\s+|this\s+)?(?:typhoon|storm|heat\s*wave|cold\s+snap"
    r"|downpour|rainy\s+season|plum\s+rain)s?\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:passe[sd]|pass|gone|over"
    r"|blows?\s+over|blown\s+over|ends?|ended|dies\s+down|died\s+down|breaks?|broken)\b"
    r"|等(?:到)?(?:天气?|气温|雨|雪)[\u4e00-\u9fff]{0,4}?(?:暖和|转暖|热|凉快|晴|好|停|小)(?:了|点|些|一点)?"
    r"|(?:天气?|雨|雪)(?:暖和|转暖|放晴|晴|停)了(?:以后|之后|再|就)"
    # a hot or wet spell over, the air cooling ("等秋老虎过去", "热天过去以后", "降温以后")
    r"|等(?:到)?(?:秋老虎|大?热天|高温|黄梅天|梅雨季?|冷空气|寒潮|台风)"
    r"|(?:秋老虎|大?热天|高温天?|黄梅天|梅雨季?|冷空气|寒潮)(?:过去|过了|走了|结束|退)了?"
    r"(?:以后|之后|后|再|就)|(?:降温|转凉|转暖)了?(?:以后|之后|后))"
    # "等我儿子回来以后", "等我出院了": a time of the resident's own
    r"|等(?:到)?(?:我|他|她|我们|他们|孩子|儿子|女儿|老伴|孙子|孙女)[\u4e00-\u9fff]{1,8}?"
    r"(?:以后|之后|后|了))"
    # the dog days and the nine-day counts of winter, no rule computes them: "头伏第一天", "数九"
    # …and the nines by their count ("三九天", "三九里": the coldest days, which one?)
    r"|(?P<dogdays>伏天|数九|进九|入九|(?<![0-9一二三四五六七八九十])[一二三四五六七八九]九(?:天|里|期间))"
    # 大礼拜 / 小礼拜: the long or the short weekend of old, or Sunday? Asked.
    r"|(?P<bigweek>[大小]礼拜)"
    # a day to be picked: "找一天去窗口", "挑个日子", "找个时间"
    r"|(?P<pick>(?:找|挑|选|拣)\s*(?:一|个|一个)\s*(?:天|日子|时间|辰光))"
    # days counted ahead that no rule took: "接下来几天", "未来三天" (today in them or not?)
    r"|(?P<ahead>(?:接下来|接下去|未来|今后|往后)\s*(?:的)?\s*(?:几|[0-9一二两三四五六七八九十]{1,2})"
    r"\s*(?:天|个?(?:礼拜|星期)|周))"
    r"|(?P<other>过[两几些一]{1,2}日|过些日子|过段日子|(?<!八)月半|过几天|过两天|过些天|过一两天|过(?:一)?阵子?|过(?:一)?段时间|回头|到时候|改天|改日|日后|往后|那天|那一天|那日(?![子常])|某天|这几天|那几天|那两天|这两天|最近几天"
    r"|近几天|(?:寒假|暑假)(?!作业|班)|生日|纪念日|月初|月头上?|月中|上旬|中旬|下旬|半个?月|个把月|一两个?礼拜|一两周"
    r"|\b(?:birthday|anniversary|fortnight|sometime|someday|one\s+day|later\s+(?:this|next)\s+week)\b"
    # a few days ahead, which unsaid (round twenty-seven, spent21): "in a couple of days" (过两天)
    r"|\bin\s+a\s+(?:few|couple\s+of)\s+days\b|\bin\s+a\s+day\s+or\s+two\b"
    # …typed short (round twenty-seven, dev104): "my bday", "b-day", "anniv"
    r"|\b(?:b-?days?|b'days?|bdy|anniv)\b"
    # a day of the resident's own that we cannot know (round twenty-six, dev99): "my due date",
    # "预产期那天", "宝宝百天", "the day of my c-section", "our wedding day"
    r"|预产期|百日宴|宝宝百天|满百天|出月子|\bdue\s+date\b|\b(?:c-?section|wedding\s+day|graduation\s+day)\b"
    r"|\b(?:early|mid|late|end\s+of)[\s-]+(?:jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\b(?:start|beginning|end|middle)\s+of\s+(?:the\s+)?(?:spring|summer|autumn|fall|winter)\b"
    r"|\b(?:a\s+week|two\s+weeks)\s+(?:on|from)\s+\w+day\b|\b\w+day\s+week\b"
    r"|年底|年初|年前|年后|节前|节后|小年夜|过完年|过了年|年过完|过完节|过了节|\bsome\s*day\b"
    r"|(?<![上下])[上下]半年(?!级)"  # half a year, not a day (r30f: was today's)
    r"|(?:^|(?<=[\s,.!?，。！？在到是逢等过]))[\u4e00-\u9fff]{1,3}节"
    r"(?=$|[\s,.!?，。！？]|那天|当天|期间|的时候|的话|放假|休息|开|关|有|上|营|几|食|卫|照|健|活|法|夜|共|服)"
    r"|\b(?:the\s+)?(?:festival|feast)\b)"
)
# A demonstrative before a weekday names a week of the resident's own ("那个周末", "that
# saturday", "the weekend they're here"), not this one.
# …or one to be picked ("找个周末去", "挑个礼拜六", "some weekend"): which one?
_THAT_BEFORE = re.compile(
    r"(?:那|哪)\s*(?:个|一个)?\s*$|(?:找|挑|选|拣|寻)\s*一?\s*个\s*$|某\s*(?:个|一个)?\s*$"
)
# ("one of these weekends", "one of these saturdays": one to be picked, which?)
_EN_THAT_BEFORE = re.compile(
    r"\b(?:that|which|the\s+same)\s+$|\b(?:some|one)\s*$|\bone\s+of\s+(?:these|those)\s*$"
)
_EN_CLAUSE_AFTER = re.compile(
    r"\s+(?:when\s+|while\s+|that\s+)?(?:they|he|she|we|(?:my|our|his|her)\s+[a-z]+)"
    r"(?:'?re|'?s|\s+are|\s+is|\s+will|\s+gets?|\s+comes?|\s+arrives?|\s+visits?|\s+fl(?:y|ies)"
    r"|\s+lands?|\s+stays?)\b"
)
_WEEKDAY_NAMED = re.compile(r"[一二三四五六日天末七]")


def find_times(text: str, today: date, calendar: HolidayCalendar) -> list[TimeMention]:
    """Every time expression in (normalised) ``text``, in text order, none overlapping; a day
    with a year written next to it ("2026年国庆节", "1 Oct 2026") is read in that year."""
    found = _lunar_day_agrees(text, _counted_from(text, _find(text, today, calendar)))
    found = _festival_agrees(text, found, today, calendar)
    found = _festival_on_last_weekday(text, found, today, calendar)
    return _with_years(text, found, today, calendar)


def _find(text: str, today: date, calendar: HolidayCalendar) -> list[TimeMention]:
    found: list[TimeMention] = []
    taken: list[tuple[int, int]] = []

    def free(span: tuple[int, int]) -> bool:
        return all(span[1] <= a or span[0] >= b for a, b in taken)

    for pattern, _, resolver, needs in _RULES:
        if not may_match(needs, text):
            continue  # (the search would find nothing)
        pos = 0
        while (match := pattern.search(text, pos)) is not None:
            if match.end() == match.start():
                pos = match.end() + 1
                continue
            if not free(match.span()):  # "马上周末": 上周末 overlaps 马上, 周末 is still a day
                pos = match.start() + 1
                continue
            pos = match.end()
            mention = resolver(match, today, calendar)
            if mention is None:
                continue
            if not mention.resolved and not mention.candidates:
                mention = TimeMention(
                    mention.span, (), mention.kind, mention.festival, generic_candidates(today)
                )
            if mention.span != match.span():  # "over the qingming long weekend": the
                # festival's break took words an earlier rule had read ("weekend")
                a, b = mention.span
                inside = [m for m in found if a <= m.span[0] and m.span[1] <= b]
                found = [m for m in found if m not in inside]
                taken = [t for t in taken if not (a <= t[0] and t[1] <= b)]
            found.append(mention)
            taken.append(mention.span)
    for match in _VAGUE.finditer(text):
        if not free(match.span()):
            continue
        if match.lastgroup == "nextweek":
            candidates = _week_days(today, 1)
        elif match.lastgroup == "thisweek":
            candidates = _week_days(today, 0)
        elif match.lastgroup == "nextmonth":
            year, month = _add_months(today, 1)
            candidates = tuple(
                date(year, month, n) for n in range(1, gregorian.monthrange(year, month)[1] + 1)
            )
        elif match.lastgroup == "bigweek":
            candidates = _weekend(today, 0) or _weekend(today, 1)
        elif match.lastgroup == "holiday":
            candidates = _holiday_candidates(today, calendar) or generic_candidates(today)
        elif match.group("weather"):  # "等天凉快点": some day to come, not today
            candidates = tuple(d for d in generic_candidates(today) if d != today)
        else:
            candidates = generic_candidates(today)
        # a week named alone ("下周…周四") must hold the day named beside it
        kind = "week" if match.lastgroup in ("nextweek", "thisweek", "nextmonth") else "vague"
        found.append(TimeMention(match.span(), (), kind, None, candidates))
        taken.append(match.span())
    return sorted(found, key=lambda m: m.span)


# A year named with a day: "2026年国庆节", "明年元旦", "1 Oct 2026", "October 1, 2026".
_YEAR = re.compile(
    r"(?P<digits>20\d{2})\s*年\s*的?|(?P<word>今年|明年|去年|后年|前年)\s*的?"
    r"|\b(?:in\s+)?(?P<en>20\d{2})\b|\b(?P<enword>this|next|last)\s+year'?s?\b"
)
_YEAR_WORDS = {"今年": 0, "明年": 1, "去年": -1, "后年": 2, "前年": -2, "this": 0, "next": 1,
               "last": -1}  # fmt: skip
# between a day and its year: "2026年的", "of 2027", "mid-autumn festival this year"
_YEAR_GAP = re.compile(r"[\s,，]*(?:festival\s+|holiday\s+)?(?:of\s+|in\s+)?")


def _year_of(match: re.Match[str], today: date) -> int:
    digits = match.group("digits") or match.group("en")
    if digits:
        return int(digits)
    return today.year + _YEAR_WORDS[match.group("word") or match.group("enword")]


def year_named(text: str, today: date) -> int | None:
    """The first year written in (normalised) ``text``: "2027年", "明年", "next year", "2027"."""
    match = _YEAR.search(text)
    return _year_of(match, today) if match is not None else None


def _in_year(text: str, mention: TimeMention, year: int, calendar: HolidayCalendar) -> TimeMention:
    """``mention`` (a date or a festival) read again in ``year``; unresolved if it has none."""
    start, end = mention.span
    if mention.kind in ("date", "festival"):
        inner = [
            m
            for m in _find(text[start:end], date(year, 1, 1), calendar)
            if m.span == (0, end - start)
        ]
        days = tuple(d for m in inner for d in m.days if d.year == year)
        if days:
            return TimeMention(mention.span, days, mention.kind, mention.festival)
    return TimeMention(mention.span, (), "unsure", None, mention.days or mention.candidates)


def _year_then(text: str, match: re.Match[str], found: list[TimeMention]) -> TimeMention | None:
    """The day after an English year's possessive and a space: "next year's spring festival",
    "this year's mid-autumn" (round twenty-nine; was asked back as a year with no day)."""
    if not match.group("enword") or not match.group().endswith("s"):
        return None
    if text[match.end() : match.end() + 1] != " ":
        return None
    return next((m for m in found if m.span[0] == match.end() + 1), None)


def _with_years(
    text: str, found: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """Days read in the year written next to them; a year naming no day is asked back."""
    result = list(found)
    for match in _YEAR.finditer(text):
        if any(m.span[0] < match.end() and match.start() < m.span[1] for m in result):
            continue
        year = _year_of(match, today)
        after = next((m for m in result if m.span[0] == match.end()), None)
        spaced = None if after is not None else _year_then(text, match, result)
        before = next(
            (
                m
                for m in result
                if m.span[1] <= match.start()
                and _YEAR_GAP.fullmatch(text[m.span[1] : match.start()])
            ),
            None,
        )
        target = after or spaced or before
        if target is not None and target.kind in ("date", "festival"):
            read = _in_year(text, target, year, calendar)
            if target is spaced:  # the year's words are the day's: no "next" left over
                read = replace(read, span=(match.start(), read.span[1]))
            result[result.index(target)] = read
        else:  # "2027年食堂开吗": which day? (the caller ignores it when no time is asked)
            result.append(TimeMention(match.span(), (), "year", None, generic_candidates(today)))
    return sorted(result, key=lambda m: m.span)


def remove_times(text: str, mentions: list[TimeMention]) -> str:
    """``text`` with the mentions blanked out (same length: other spans stay valid)."""
    for mention in mentions:
        start, end = mention.span
        text = text[:start] + " " * (end - start) + text[end:]
    return text


# A date that does not exist ("2月30号", "4月31日", "2026-02-30", "31 april"): said so, and the
# month's end asked about (the matcher asks the day back either way).
_IMPOSSIBLE = (
    re.compile(r"(?:(\d{4})\s*年\s*)?" + _NUM + r"\s*月\s*" + _NUM + r"\s*[日号]"),
    re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)"),
)
_IMPOSSIBLE_EN = (
    re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"\b"),
    re.compile(r"\b" + _MONTH_WORD + r"\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\b"),
)


def impossible_date(text: str, today: date) -> tuple[date, int] | None:
    """``(the first of the month, the day asked)`` for a day past its month's end named in
    ``text`` (normalised); the month is this year's, or next year's once it is past."""
    found: list[tuple[int | None, int, int]] = []
    for pattern in _IMPOSSIBLE:
        for match in pattern.finditer(text):
            year, month, day = match.groups()
            found.append((int(year) if year else None, cn_number(month), cn_number(day)))
    for index, pattern in enumerate(_IMPOSSIBLE_EN):
        for match in pattern.finditer(text):
            day_word, month_word = match.groups()[:: 1 if index == 0 else -1]
            found.append((None, _MONTHS_EN[month_word[:3]], int(day_word)))
    for year, month, day in found:
        if not 1 <= month <= 12 or not 28 < day <= 31:
            continue
        if year is None:
            year = today.year if month >= today.month else today.year + 1
        if day > gregorian.monthrange(year, month)[1]:
            return date(year, month, 1), day
    return None


def next_weekday_asked(mention: TimeMention) -> TimeMention:
    """A resident's "next friday" ("next weekend") said while this week's is still ahead:
    asked, with both."""
    if (
        mention.kind in ("weekday", "weekend")
        and mention.resolved
        and len(mention.candidates) > len(mention.days)
    ):
        return TimeMention(mention.span, (), "unsure", None, mention.candidates)
    return mention
