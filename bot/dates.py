"""Dates as each language writes them, formatted by Babel in one place.

Chinese: "12月3日（周四）"; English: "Thu 3 Dec" (never "3/12", which reads as 12 March to
some and 3 December to others). Callers pass aware datetimes through :func:`local` first or
plain dates; times are 24-hour "19:00" in both languages.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import cache

from babel import Locale
from babel.dates import format_date, get_day_names

_LOCALES = {"zh": "zh_CN", "en": "en_GB"}
_DAY = {"zh": "M月d日（EEE）", "en": "EEE d MMM"}
_DAY_WITH_YEAR = {"zh": "y年M月d日（EEE）", "en": "EEE d MMM y"}
_DAY_LONG = {"zh": "y年M月d日", "en": "d MMMM y"}  # "what is the date today": said in full
_DAY_SHORT = {"zh": "M/d EEE", "en": "EEE d MMM"}  # the week view's column of seven days


@cache
def _locale(lang: str) -> Locale:
    """Parsed once per language: Babel parses a locale given by name on every call (a
    profiled share of every ``/hours`` answer, which formats several dates)."""
    return Locale.parse(_LOCALES.get(lang, _LOCALES["zh"]))


def day(value: date, lang: str, *, year: bool = False) -> str:
    """ "12月3日（周四）" / "Thu 3 Dec" (with the year on request)."""
    pattern = (_DAY_WITH_YEAR if year else _DAY).get(lang, _DAY["zh"])
    return format_date(value, pattern, locale=_locale(lang))


def day_long(value: date, lang: str) -> str:
    """ "2026年12月31日" / "31 December 2026": the date alone, in full (the weekday apart)."""
    return format_date(value, _DAY_LONG.get(lang, _DAY_LONG["zh"]), locale=_locale(lang))


def day_short(value: date, lang: str) -> str:
    """ "12/3 周四" / "Thu 3 Dec": one line of a week."""
    return format_date(value, _DAY_SHORT.get(lang, _DAY_SHORT["zh"]), locale=_locale(lang))


def weekday(value: date | int, lang: str, *, long: bool = False) -> str:
    """ "周四" / "Thu" (``long``: "星期四" / "Thursday"); an int is 0 = Monday."""
    index = value if isinstance(value, int) else value.weekday()
    names = get_day_names("wide" if long else "abbreviated", locale=_locale(lang))
    return str(names[index])


def clock_time(moment: datetime) -> str:
    """ "19:00"."""
    return f"{moment:%H:%M}"


def day_and_time(moment: datetime, zone: tzinfo, lang: str) -> str:
    """ "12月3日（周四）19:00" / "Thu 3 Dec 19:00", in the centre's zone."""
    local = moment.astimezone(zone)
    gap = "" if lang == "zh" else " "
    return f"{day(local.date(), lang)}{gap}{clock_time(local)}"


def lunar_day(value: date, lang: str) -> str:
    """The lunar month and day of ``value``: "二月初四" (a leap month "闰…"), "month 2, day 4"."""
    from borax.calendars.lunardate import LunarDate  # type: ignore[import-untyped]

    lunar = LunarDate.from_solar_date(value.year, value.month, value.day)
    if lang == "zh":
        return str(lunar.strftime("%L%M月%D"))
    leap = "leap " if lunar.leap else ""
    return f"{leap}month {lunar.month}, day {lunar.day}"
