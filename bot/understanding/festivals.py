"""Days named by a festival or a solar term, statutory or not.

Statutory festivals (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) come from the centre's
:class:`~bot.services.holiday_calendar.HolidayCalendar`, which knows the days off. Every other
festival is computed: lunar ones (重阳 = 九月初九, 腊八, 小年, 七夕, 元宵, 除夕…) and the 24 solar
terms (冬至, 立春…) with ``borax`` (checked against ``sxtwl`` on 504 solar terms and against
``lunardate`` for 2020–2040: no difference; see docs/hours.md), fixed-date ones (平安夜, 圣诞) by
the Gregorian calendar, and a few by rule (母亲节: the second Sunday of May).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from borax.calendars.lunardate import LunarDate, TermUtils  # type: ignore[import-untyped]

from bot.services.holiday_calendar import DayKind, HolidayCalendar

# 小年: 腊月廿三 in the north, 廿四 in Shanghai and the south. Said alone it is asked, with both
# (a resident from the north means the 23rd; round twenty-nine, was the 24th answered).
XIAONIAN_DAY = 24


@dataclass(frozen=True, slots=True)
class Festival:
    """A named day: ``key`` for statutory ones (catalog ``hours-festival-<key>``), else None."""

    name: str  # Chinese name, for the record
    pattern: str  # regular expression on normalised text
    statutory: str | None = None
    rule: Callable[[int], date | None] | None = None  # the date in a Gregorian year
    weekday_named: bool = False  # the name holds a weekday ("good friday"): read before weekdays


def _numeral_day(word: str) -> str:
    """ "五一", "六一"…: only when not part of a longer number or date ("十五一", "六一号"), nor
    the tail of a lunar day and the next word ("初七一站式", "初五一早")."""
    return "(?<![0-9一二三四五六七八九十初廿])" + word + "(?![0-9一二三四五六七八九十月号日])"


# After a lunar month and day named in numerals ("九月九"): not a Gregorian date's "九月九号"
_NOT_A_DATE = "(?![0-9一二三四五六七八九十日号])"


_LUNAR_RULES: set[Callable[[int], date | None]] = set()  # the rules that count lunar days


def _lunar(month: int, day: int) -> Callable[[int], date | None]:
    def rule(year: int) -> date | None:
        return _lunar_date(year, month, day)

    _LUNAR_RULES.add(rule)
    return rule


@lru_cache(maxsize=512)
def _lunar_date(year: int, month: int, day: int) -> date | None:
    """The Gregorian date of lunar ``month``/``day`` falling in Gregorian ``year``."""
    for lunar_year in (year - 1, year):
        try:
            found = LunarDate(lunar_year, month, day).to_solar_date()
        except ValueError:
            continue
        if found.year == year:
            return found
    return None


def _chuxi(year: int) -> date | None:
    """除夕: the eve of the lunar new year that falls in ``year``."""
    new_year = _lunar_date(year, 1, 1)
    return new_year - timedelta(days=1) if new_year is not None else None


def _fixed(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: date(year, month, day)


def _nth_weekday(
    month: int, weekday: int, nth: int, after: int = 0
) -> Callable[[int], date | None]:
    def rule(year: int) -> date | None:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1) + after)

    return rule


def _easter(offset: int) -> Callable[[int], date | None]:
    """Easter Sunday (Western churches, the Gregorian computus) moved by ``offset`` days:
    -2 Good Friday, +1 Easter Monday."""

    def rule(year: int) -> date | None:
        golden = year % 19
        century, rest = divmod(year, 100)
        epact = (
            19 * golden + century - century // 4 - (century - (century + 8) // 25 + 1) // 3 + 15
        ) % 30
        weekday = (32 + 2 * (century % 4) + 2 * (rest // 4) - epact - rest % 4) % 7
        shift = (golden + 11 * epact + 22 * weekday) // 451
        month, day = divmod(epact + weekday - 7 * shift + 114, 31)
        return date(year, month, day + 1) + timedelta(days=offset)

    return rule


@lru_cache(maxsize=64)
def _geng_day(year: int, term: str, nth: int) -> date | None:
    """The ``nth`` 庚 day from the solar term ``term`` of ``year`` on (the term's day counts)."""
    start = _term(year, term)
    if start is None:
        return None
    for offset in range(10 * nth):
        day = start + timedelta(days=offset)
        if LunarDate.from_solar_date(day.year, day.month, day.day).gz_day.startswith("庚"):
            nth -= 1
            if nth == 0:
                return day
    return None  # pragma: no cover - a 庚 day comes every ten days


def _dog_days(term: str, nth: int, offset: int = 0) -> Callable[[int], date | None]:
    """The dog days (三伏): 初伏 on the third 庚 day from 夏至, 中伏 on the fourth, 末伏 on the
    first from 立秋; 出伏 ten days after 末伏."""

    def rule(year: int) -> date | None:
        found = _geng_day(year, term, nth)
        return found + timedelta(days=offset) if found is not None else None

    return rule


def _nines(nth: int) -> Callable[[int], date | None]:
    """The nine nines of winter (数九): 一九 begins on 冬至, each nine days long, so the ``nth``
    nine begins 9 × (nth - 1) days after it; the one of ``year`` may count from last year's
    冬至 (三九 of a winter begins in January)."""

    def rule(year: int) -> date | None:
        for solstice in (_term(year - 1, "冬至"), _term(year, "冬至")):
            found = solstice + timedelta(days=9 * (nth - 1)) if solstice is not None else None
            if found is not None and found.year == year:
                return found
        return None

    return rule


@lru_cache(maxsize=512)
def _term(year: int, name: str) -> date | None:
    try:
        found = TermUtils.nth_term_day(year, term_name=name)
    except (ValueError, KeyError, TypeError):
        return None
    return found if isinstance(found, date) else None


def _solar_term(name: str) -> Callable[[int], date | None]:
    return lambda year: _term(year, name)


def _eve_of_term(name: str) -> Callable[[int], date | None]:
    """The day before the solar term ``name``: 寒食 as the almanacs print it (清明's eve; the
    old count of 105 days from 冬至 drifts onto 清明 itself in some years)."""

    def rule(year: int) -> date | None:
        found = _term(year, name)
        return found - timedelta(days=1) if found is not None else None

    return rule


# An English gloss in brackets after a term's pinyin: "Dashu (Major Heat)", read with the name
_GLOSS = r"(?:\s*\(\s*[a-z][a-z\s'-]{1,30}\))?"
SOLAR_TERMS = (
    "小寒", "大寒", "立春", "雨水", "惊蛰", "春分", "清明", "谷雨", "立夏", "小满", "芒种", "夏至",
    "小暑", "大暑", "立秋", "处暑", "白露", "秋分", "寒露", "霜降", "立冬", "小雪", "大雪", "冬至",
)  # fmt: skip

FESTIVALS: tuple[Festival, ...] = (
    # statutory (the calendar knows the days off); 除夕 first, so that "Chinese New Year's Eve"
    # is not read as 春节 or 元旦
    Festival(
        "除夕",
        r"除夕|大年夜|年三十|大年三十|new\s*year'?s?\s*eve\s+(?:of\s+)?(?:lunar|chinese)"
        # the day of the family's dinner (round twenty-nine): "年夜饭那天", "吃团年饭的当天"
        r"|(?:年夜饭|团年饭)(?=\s*的?\s*(?:那天|当天|那一天|这天|那晚|当晚|那日))"
        r"|(?:chinese|lunar)\s*new\s*year'?s?\s*eve|\bcny\s*eve\b|\bchu\s?xi\b",
        rule=_chuxi,
    ),
    Festival(
        "元旦",
        # (not a wish for the year: "my new year's resolution")
        r"元旦|(?<!chinese )(?<!lunar )(?<!little )(?:new\s*year'?s?\s*day"
        r"|new\s*year(?!'?s?\s*(?:eve|resolutions?|goals?|plans?|wish(?:es)?)\b))",
        "new_year",
    ),
    Festival(
        "春节",
        r"春节|过年|大年初一|年初一|农历新年|spring\s*festival|(?:chinese|lunar)\s*new\s*year|\bcny\b",
        "spring_festival",
    ),
    Festival(
        "元宵",
        r"元宵|上元节|正月十五|lantern\s*festival|\byuan\s?xiao\s+(?:festival|day)\b",
        rule=_lunar(1, 15),
    ),
    Festival(
        "龙抬头",
        r"龙抬头|二月二(?![0-9一二三四五六七八九十日号])"
        r"|\blong\s?tai\s?tou\b|\bdragon\s+(?:head[\s-]*raising|raises\s+its\s+head)\b",
        rule=_lunar(2, 2),
    ),
    Festival(
        "上巳",
        r"上巳节?|三月三(?![0-9一二三四五六七八九十日号])|\bshang\s?si\b|\bdouble\s+third\b",
        rule=_lunar(3, 3),
    ),
    # the flowers' birthday (花朝, 二月十五 as Shanghai keeps it) and Guanyin's (观音诞, 二月十九),
    # the Buddha's bathing (浴佛节, 四月初八), the winter clothes' day (寒衣节, 十月初一) and 下元
    Festival("花朝", r"花朝节?|花神节|百花生日|\bhua\s?zhao\b", rule=_lunar(2, 15)),
    Festival(
        "观音诞",
        r"观音(?:菩萨|娘娘)?(?:的)?(?:生日|诞辰?|圣诞)|观世音(?:菩萨)?(?:的)?(?:生日|诞辰?)",
        rule=_lunar(2, 19),
    ),
    Festival(
        "浴佛节",
        r"浴佛节|佛诞日?|释迦牟尼(?:佛)?(?:的)?生日|buddha'?s\s*birthday",
        rule=_lunar(4, 8),
    ),
    Festival("寒衣节", r"寒衣节|十月朝|\bhan\s?yi\s+(?:festival|day)\b", rule=_lunar(10, 1)),
    Festival("下元", r"下元节?|\bxia\s?yuan\b", rule=_lunar(10, 15)),
    Festival(
        "寒食", r"寒食|\bhan\s?shi\b|\bcold\s+food\s+(?:festival|day)\b", rule=_eve_of_term("清明")
    ),
    Festival("清明", r"清明|qingming|tomb[\s-]*sweeping", "tomb_sweeping"),
    Festival(
        "劳动节",
        r"劳动节|" + _numeral_day("五一") + r"|labou?r\s*day|may\s*day",
        "labour_day",
    ),
    Festival(
        "端午",
        r"端午|端阳|五月初五|五月五" + _NOT_A_DATE + r"|duan\s?wu|dragon\s*boat",
        "dragon_boat",
    ),
    Festival(
        "七夕",
        r"七夕|乞巧节|七月初七|七月七"
        + _NOT_A_DATE
        # (the Chinese Valentine's: "中国情人节", "咱们中国的情人节", "中式情人节")
        # (not "在中国情人节也很流行": Valentine's, in China)
        + r"|(?<![在到])中国\s*(?:的|人的|人自己的|自己的)?\s*情人节(?!也|都|很|越来越)"
        + r"|中式情人节|东方情人节"
        + r"|qi\s?xi\b|chinese\s*valentine'?s?(?:\s*day)?",
        rule=_lunar(7, 7),
    ),
    Festival(
        "中元",
        r"中元节?|鬼节|七月半|七月十五"
        + _NOT_A_DATE
        + r"|ghost\s*festival|\bzhong\s?yuan\s+(?:festival|day)\b",
        rule=_lunar(7, 15),
    ),
    Festival(
        "中秋",
        r"中秋|八月十五|八月半|mid[\s-]*autumn|moon\s*festival|\bzhong\s?qiu\b",
        "mid_autumn",
    ),
    Festival(
        "国庆",
        r"国庆|十一长假|十一假期|national\s*day|golden\s*week"
        # "the October holiday", "the october break": its name in English, month for festival
        r"|\boct(?:ober)?(?=\s+(?:holidays?|break|long\s+holiday|vacation)\b)"
        # "十一" standing as a day (not 十一点, 十一楼, 十一路, 十一月, 十一岁…)
        r"|(?<![0-9一二三四五六七八九十初])十一(?![0-9一二三四五六七八九十月号日点时楼层路岁个栋元块人次年周室:])",
        "national_day",
    ),
    Festival(
        "重阳",
        r"重阳|重九|九月初九|九月九"
        + _NOT_A_DATE
        + r"|老人节|敬老节|double\s*(?:ninth|nine)|chongyang|\bchong\s+yang\b",
        rule=_lunar(9, 9),
    ),
    Festival("腊八", r"腊八|laba", rule=_lunar(12, 8)),
    # 小年夜 is 小年's eve to some and the eve of 除夕 to Shanghai's elders: asked (timex)
    # the north's, named as such ("北方小年", "北方人过小年那天"): 廿三
    Festival("北方小年", r"北方(?:人|的)?(?:过)?小年(?!夜)", rule=_lunar(12, 23)),
    # …the south's, named as such ("南方小年", "上海人过小年"): 廿四
    Festival(
        "南方小年",
        r"(?:南方|上海|江南|江浙沪?|阿拉)(?:人|的)?(?:过)?小年(?!夜)",
        rule=_lunar(12, XIAONIAN_DAY),
    ),
    # 小年 said alone: 廿四 here, 廿三 to many from the north (asked with both, timex)
    Festival(
        "小年", r"小年(?!夜)|\bxiao\s?nian\b|\blittle\s+new\s+year\b", rule=_lunar(12, XIAONIAN_DAY)
    ),
    # Gregorian and by rule
    Festival("平安夜", r"平安夜|圣诞前夜|christmas\s*eve", rule=_fixed(12, 24)),
    Festival("节礼日", r"节礼日|boxing\s*day", rule=_fixed(12, 26)),
    Festival(
        "圣诞",
        r"圣诞(?!节目|树|老人|礼物)|christmas(?!\s*(?:tree|present|gift))|noel",
        rule=_fixed(12, 25),
    ),
    Festival("跨年", r"跨年夜?|new\s*year'?s?\s*eve|\bnye\b", rule=_fixed(12, 31)),
    Festival(
        "情人节",
        r"(?<!七夕)(?:(?<!中国)|(?<=[在到]中国)|(?=情人节(?:也|都|很|越来越)))(?<!中国的)(?<!中国人的)"
        r"(?<!自己的)(?<!中式)(?<!东方)情人节"
        r"|(?<!chinese\s)valentine'?s?(?:\s*day)?",
        rule=_fixed(2, 14),
    ),
    Festival("妇女节", r"妇女节|三八节|女神节|women'?s\s*day", rule=_fixed(3, 8)),
    Festival("植树节", r"植树节|arbor\s*day|tree[\s-]*planting\s*day", rule=_fixed(3, 12)),
    # 学雷锋纪念日 (3月5日): the day by name, not the volunteering ("学雷锋活动", "学雷锋做好事")
    Festival(
        "学雷锋日",
        r"学雷锋(?:纪念)?日|雷锋(?:纪念)?日|\blei\s?feng\s+day\b|learn\s+from\s+lei\s?feng\s+day",
        rule=_fixed(3, 5),
    ),
    Festival("愚人节", r"愚人节|april\s*fool'?s?'?(?:\s*day)?", rule=_fixed(4, 1)),
    Festival("读书日", r"世界读书日|读书日|world\s*book\s*day", rule=_fixed(4, 23)),
    Festival(
        "青年节",
        r"青年节|" + _numeral_day("五四") + r"|youth\s*day",
        rule=_fixed(5, 4),
    ),
    Festival(
        "儿童节",
        r"儿童节|" + _numeral_day("六一") + r"|children'?s\s*day",
        rule=_fixed(6, 1),
    ),
    Festival(
        "建党节",
        r"建党节|" + _numeral_day("七一"),
        rule=_fixed(7, 1),
    ),
    Festival(
        "建军节",
        r"建军节|" + _numeral_day("八一") + r"|\b(?:army|pla)\s*day\b",
        rule=_fixed(8, 1),
    ),
    Festival("护士节", r"护士节|nurses'?\s*day", rule=_fixed(5, 12)),
    Festival("教师节", r"教师节|teachers'?\s*day", rule=_fixed(9, 10)),
    Festival("万圣节", r"万圣节?|halloween", rule=_fixed(10, 31)),
    # Western moveable feasts, named with their weekday ("easter sunday", "good friday"): the
    # festival rules run before the weekday rules, so the weekday is part of the name
    Festival("耶稣受难日", r"耶稣受难日|good\s*friday", rule=_easter(-2), weekday_named=True),
    Festival(
        "复活节星期一",
        r"复活节(?:星期|礼拜|周)一|easter\s*monday",
        rule=_easter(1),
        weekday_named=True,
    ),
    Festival(
        "复活节",
        r"复活节(?:星期日|星期天|礼拜天|礼拜日|周日)?|easter(?:\s*(?:sunday|day))?",
        rule=_easter(0),
        weekday_named=True,
    ),
    Festival("初伏", r"入伏|头伏|初伏", rule=_dog_days("夏至", 3)),
    Festival("中伏", r"中伏|二伏", rule=_dog_days("夏至", 4)),
    Festival("末伏", r"末伏|(?<!数)三伏(?!天)", rule=_dog_days("立秋", 1)),
    Festival("出伏", r"出伏", rule=_dog_days("立秋", 1, 10)),
    # the first day of one of the nine nines of winter: "三九头一天", "进四九那天" (not "三九天",
    # the coldest days, nor "三九感冒灵")
    *(
        Festival(
            f"{numeral}九",
            rf"(?<![0-9一二三四五六七八九十]){numeral}九(?=\s*的?\s*(?:头一天|第一天))"
            rf"|(?<=[进入]){numeral}九(?=\s*的?\s*(?:那天|当天|那一天))",
            rule=_nines(nth),
        )
        for nth, numeral in enumerate("一二三四五六七八九", start=1)
    ),
    Festival("母亲节", r"母亲节|mother'?s'?\s*day", rule=_nth_weekday(5, 6, 2)),
    Festival("父亲节", r"父亲节|father'?s'?\s*day", rule=_nth_weekday(6, 6, 3)),
    Festival("感恩节", r"感恩节|thanksgiving", rule=_nth_weekday(11, 3, 4)),
    # the day after Thanksgiving, named with its weekday ("black friday"): not the coming Friday
    Festival(
        "黑色星期五",
        r"黑色星期五|黑五|black\s*friday",
        rule=_nth_weekday(11, 3, 4, after=1),
        weekday_named=True,
    ),
    *(
        Festival(term, term, rule=_solar_term(term))
        for term in SOLAR_TERMS
        if term != "清明"  # 清明 is the statutory festival above (the same day)
    ),
    Festival("冬至", r"winter\s*solstice", rule=_solar_term("冬至")),
    Festival("夏至", r"summer\s*solstice", rule=_solar_term("夏至")),
    # the other terms by their English names: those no other words share always ("frost's
    # descent"), those that also speak of the weather or a season only as a day or a term named
    # ("the start of winter solar term", "minor snow day"; not "at the start of winter")
    *(
        Festival(term, r"\b(?:" + name + r")\b", rule=_solar_term(term))
        for term, name in (
            ("霜降", r"frost'?s?\s+descent|descent\s+of\s+frost"),
            ("惊蛰", r"awakening\s+of\s+(?:the\s+)?insects|insects?\s+awaken(?:ing)?"),
            ("芒种", r"grain\s+in\s+(?:the\s+)?ear"),
            ("小满", r"grain\s+(?:buds|full)"),
            ("春分", r"(?:spring|vernal)\s+equinox"),
            ("秋分", r"(?:autumn|autumnal|fall)\s+equinox"),
        )
    ),
    *(
        Festival(
            term,
            r"\b(?:"
            + name
            + r")\s+(?:day|solar\s+term|term)\b"
            # …or glossed in brackets ("the Start of Winter (Lidong)"), or a day with "on the"
            # at the question's end ("open on the start of winter?"; round twenty-nine, spent29)
            + r"|\b(?:"
            + name
            + r")(?=\s*\(\s*(?:[a-z]|[\u4e00-\u9fff]{2}\s*\)))"
            + r"|(?<=\bon\sthe\s)(?:"
            + name
            + r")(?=\s*(?:[?？.!,，]|$))",
            rule=_solar_term(term),
        )
        for term, name in (
            ("立春", r"(?:start|beginning)\s+of\s+spring"),
            ("立夏", r"(?:start|beginning)\s+of\s+summer"),
            ("立秋", r"(?:start|beginning)\s+of\s+autumn"),
            ("立冬", r"(?:start|beginning)\s+of\s+winter"),
            ("小寒", r"minor\s+cold|lesser\s+cold"),
            ("大寒", r"major\s+cold|greater\s+cold"),
            ("小暑", r"minor\s+heat|lesser\s+heat"),
            ("大暑", r"major\s+heat|greater\s+heat"),
            ("小雪", r"minor\s+snow|lesser\s+snow"),
            ("大雪", r"major\s+snow|greater\s+snow"),
            ("雨水", r"rain\s+water"),
            ("谷雨", r"grain\s+rain"),
            ("白露", r"white\s+dew"),
            ("寒露", r"cold\s+dew"),
            ("处暑", r"end\s+of\s+heat|limit\s+of\s+heat"),
        )
    ),
    # …and by their pinyin, as English speakers here write them ("open on Lixia, the start of
    # summer?", "Dashu (Major Heat)"): the names no other word shares alone; those that are
    # also a person or a thing (dashu 大叔, daxue 大学, xiaoxue 小学, bailu 白鹭, lidong, guyu…)
    # only with "(solar) term", "day" or an English gloss in brackets after them
    *(
        Festival(term, r"\b(?:" + name + r")\b" + _GLOSS, rule=_solar_term(term))
        for term, name in (
            ("立春", r"li\s?chun"),
            ("惊蛰", r"jing\s?zhe"),
            ("春分", r"chun\s?fen"),
            ("立夏", r"li\s?xia"),
            ("小满", r"xiao\s?man"),
            ("芒种", r"mang\s?zhong"),
            ("夏至", r"xia\s?zhi"),
            ("小暑", r"xiao\s?shu"),
            ("立秋", r"li\s?qiu"),
            ("处暑", r"chu\s?shu"),
            ("秋分", r"qiu\s?fen"),
            ("寒露", r"han\s?lu"),
            ("霜降", r"shuang\s?jiang"),
            ("冬至", r"dong\s?zhi"),
            ("小寒", r"xiao\s?han"),
            ("大寒", r"da\s?han"),
        )
    ),
    *(
        Festival(
            term,
            r"\b(?:"
            + name
            + r")(?:(?=\s*(?:solar\s+term\b|term\b|day\b))|"
            + _GLOSS[:-1]
            + ")"
            # …or a day after "on" at the question's end ("open on Lidong?"; round twenty-nine)
            + r"|(?<=\bon\s)(?:"
            + name
            + r")(?=\s*(?:[?？.!,，]|$))",
            rule=_solar_term(term),
        )
        for term, name in (
            ("大暑", r"da\s?shu"),
            ("雨水", r"yu\s?shui"),
            ("谷雨", r"gu\s?yu"),
            ("白露", r"bai\s?lu"),
            ("立冬", r"li\s?dong"),
            ("小雪", r"xiao\s?xue"),
            ("大雪", r"da\s?xue"),
        )
    ),
)


def festival_day(festival: Festival, today: date, calendar: HolidayCalendar) -> date | None:
    """The next day (today or later) of ``festival``; during a statutory holiday, today."""
    if festival.statutory is not None:
        for year in (today.year, today.year + 1):
            first, _ = calendar.festival_date(festival.statutory, year)
            if first is None:
                continue
            if (
                first <= today <= first + timedelta(days=6)
                and calendar.day(today).festival == festival.statutory
            ):
                return today
            if first >= today:
                return first
        return None
    assert festival.rule is not None
    for year in (today.year, today.year + 1):
        try:
            found = festival.rule(year)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
    return None


# Words that put the month-days beside them on the lunar calendar ("观音菩萨二月十九生日",
# "花朝节就是二月十五"): the old calendar named, a deity's day, or a lunar festival's name
LUNAR_CUE = re.compile(
    # (佛 only in words of the faith: not 仿佛 "as if", nor 佛山 the city)
    r"农历|阴历|老历|旧历|菩萨|观音|佛(?:祖|教|寺|堂|像|经|陀)|[拜念礼供]佛|妈祖|财神|娘娘|庙会|烧香|"
    + "|".join(f"(?:{f.pattern})" for f in FESTIVALS if f.rule in _LUNAR_RULES)
)


# Festivals people may take for days off, that are not ("元宵节食堂开吗"): the answer says so.
# Not 妇女节, 青年节, 儿童节 or 建军节: half a day off for some, by law.
_TAKEN_FOR_DAYS_OFF = frozenset(
    {"除夕", "元宵", "七夕", "中元", "重阳", "腊八", "北方小年", "南方小年", "小年", "平安夜",
     "圣诞", "跨年", "情人节", "母亲节", "父亲节", "感恩节", "万圣节", "复活节", "耶稣受难日",
     "复活节星期一", "节礼日", "黑色星期五"}
)  # fmt: skip


_SAID_AS = {
    "元宵": "元宵节",
    "中元": "中元节",
    "重阳": "重阳节",
    "腊八": "腊八节",
    "圣诞": "圣诞节",
}


def ordinary_festival(text: str, day: date, today: date, calendar: HolidayCalendar) -> str | None:
    """The name of the festival named in ``text`` (normalised) whose next day is ``day``, when
    people may take it for a day off and the calendar says ``day`` is an ordinary one."""
    if calendar.day(day).kind is not DayKind.NORMAL:
        return None
    for festival in FESTIVALS:
        if (
            festival.name in _TAKEN_FOR_DAYS_OFF
            and re.search(festival.pattern, text)
            and festival_day(festival, today, calendar) == day
        ):
            return _SAID_AS.get(festival.name, festival.name)
    return None
