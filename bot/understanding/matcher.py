"""Understanding a resident's free-text question, in Chinese or English: the decision stage.

The stages before it live in :mod:`bot.understanding` (normalise, time
expressions, venues). Here the intent is found and one verdict is taken:

* a feature the resident asks for ("我要评价食堂" → the feedback form, "我报了哪些课",
  "我想报名太极", "有什么活动");
* venue(s) + day(s) ("国庆节食堂开吗", "这周末照相馆开吗" → Saturday and Sunday): the hours, even
  when an FAQ entry shares words with the question ("礼拜三下午有律师吗"), unless the rest of
  the question is about something else (prices, the menu, booking);
* "which places are open on day X" → every venue on that day;
* a day named but not understood ("2月30日", "下周", "节假日") → ask which day, never today;
* everything else is matched against the FAQ by character-bigram / word overlap, with English
  typos corrected against the FAQ's own vocabulary.

Nothing here imports ``telegram``; it is pure and fast (see ``bench/bench_hours.py``).
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from enum import StrEnum
from typing import NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.centre import Centre, FaqEntry
from bot.services.holiday_calendar import DayKind, HolidayCalendar
from bot.understanding.concepts import GENERIC, ConceptIndex
from bot.understanding.concerns import (
    MEDICINES_EN,
    MEDICINES_ZH,
    SYMPTOMS_EN,
    SYMPTOMS_ZH,
    Concern,
    asks_for_person,
    asks_for_person_about,
    asks_own_booking,
    favour_task,
    is_emergency,
    is_medicine,
    offers_partnership,
    whom_topic,
)
from bot.understanding.normalise import (
    MAX_QUESTION_CHARS,
    fold,
    language_of,
    load_zhconv_dictionary,
    normalise,
)
from bot.understanding.requests import (
    MY_OWN_BAO_GE,
    Request,
    fault_with_wish,
    find_request,
    judged_statement,
    reproached,
)
from bot.understanding.scope import (
    OUTSIDE_BODY_EN,
    OUTSIDE_BODY_ZH,
    brand_studio,
    for_a_person,
    not_ours_to_answer,
)
from bot.understanding.timex import (
    BACK_AFTER_BREAK,
    EVENT_OF_THE_DAY,
    OWN_BREAK_BEFORE,
    PAST_ASKED,
    TimeMention,
    break_at_hand,
    break_days,
    breaks_at_hand,
    cn_number,
    find_times,
    month_day,
    next_weekday_asked,
    remove_times,
    year_named,
)
from bot.understanding.venues import TONE_MARKS, VenueFinder, VenueMatch

__all__ = [
    "MAX_QUESTION_CHARS",
    "DayMatch",
    "Kind",
    "QuestionMatcher",
    "Understanding",
    "VenueFinder",
    "find_day",
    "fold",
    "normalise",
    "small_talk",
]


# Confidence thresholds of the FAQ matcher (tuned on tests/data/questions.yaml).
ANSWER_SCORE = 0.36
CLEAR_MARGIN = 0.1
SURE_SCORE = 0.7
SUGGEST_SCORE = 0.24
MAX_SUGGESTIONS = 3
# A long question containing most of a phrasing ("…食堂能不能把饭送到家里来") scores by that
# coverage, discounted (tuned on eval/handwritten_dev*.yaml and the generated tune split).
COVERAGE_WEIGHT = 0.8
COVERAGE_MIN_SIZE = 3.0
# Shared concepts (an entry's keywords and their synonyms) add to the overlap; an answer
# needs at least one topic concept of its entry, not only generic words (prices, where…).
CONCEPT_WEIGHT = 0.35
MAX_CONCEPTS = 3.0
# What the question is about (a topic concept: parking, wheelchair, wifi) outweighs where or
# how much ("where do I park at the 1690 centre" is about parking, not the address).
TOPIC_BONUS = 0.25


class Kind(StrEnum):
    """What the bot will do with a question."""

    HOURS = "hours"  # venues' hours on one or more days
    OVERVIEW = "overview"  # every venue, on a day ("今天哪些地方开门") or now
    VENUE = "venue"  # a venue's address / phone / notes
    FAQ = "faq"
    FEATURE = "feature"  # open a feature: feedback, myclasses, events, course
    CLARIFY_DAY = "clarify_day"  # a day was named but not understood: ask which
    HOLIDAYS = "holidays"  # the year's public-holiday arrangement ("春节放几天")
    TIME = "time"  # what time it is now ("现在几点", "what time is it"): the clock's, in full
    TODAY = "today"  # what day it is today ("今天礼拜几", "what's the date today"): the clock's
    SUGGEST = "suggest"  # "did you mean…"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Understanding:
    """The verdict on one question."""

    kind: Kind
    venue_ids: tuple[str, ...] = ()
    days: tuple[date, ...] = ()  # empty: today / now
    festival: str | None = None  # the day was named by a statutory festival
    faq_id: str | None = None
    suggestions: tuple[str, ...] = ()  # FAQ ids, best first
    score: float = 0.0
    looks_like_question: bool = False
    feature: str | None = None  # FEATURE: feedback | myclasses | myevents | events | course
    course_hint: str | None = None  # FEATURE course: words naming the course ("太极")
    candidates: tuple[date, ...] = ()  # CLARIFY_DAY: the likely days, for buttons
    lang: str | None = None  # the language the question is written in, when clear
    year: int | None = None  # HOLIDAYS: the year asked about
    concern: Concern | None = None  # NONE: an emergency, medicine, a person, a favour

    @property
    def venue_id(self) -> str | None:
        return self.venue_ids[0] if self.venue_ids else None

    @property
    def day(self) -> date | None:
        return self.days[0] if self.days else None


# --- Normalisation and days (stages 1 and 2) ------------------------------------------------

_NON_WORD = re.compile(r"[^\w\u4e00-\u9fff]+")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def strip_punctuation(text: str) -> str:
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


@dataclass(frozen=True, slots=True)
class DayMatch:
    day: date
    span: tuple[int, int]
    festival: str | None = None


def find_day(text: str, today: date, calendar: HolidayCalendar) -> DayMatch | None:
    """The first day named in (folded) ``text`` that resolves (for a weekend: its first day)."""
    for mention in find_times(text, today, calendar):
        if mention.days:
            return DayMatch(mention.days[0], mention.span, mention.festival)
    return None


def remove_days(text: str) -> str:
    """``text`` without any day expression (for matching the rest)."""
    return remove_times(text, find_times(text, date(2000, 1, 1), _NO_CALENDAR))


class _NoCalendar(HolidayCalendar):
    """For :func:`remove_days`: only the spans matter, not the festivals' dates."""

    def festival_date(self, festival: str, year: int) -> tuple[date | None, bool]:
        return None, False


_NO_CALENDAR = _NoCalendar()


# --- Safety: a day is answered only when every day-like word was understood ---------------

# Someone else's coming back, said before "回来第一天" ("我儿子国庆回来第一天"): his first day
# home may be inside the break, asked (a second reader, r26; "国庆回来第一天上班" is the break's)
_SOMEONE_RETURNS = re.compile(
    r"儿子|女儿|孙子|孙女|外孙|孩子|小孩|老伴|老公|老婆|爱人|我妈|我爸|姆妈|阿爸|亲戚|朋友|[他她伊]"
)
# A first day at work told as done ("上班第一天就迟到了", "开工第一天真忙死了"), not asked
_FIRST_DAY_TOLD = re.compile(r"\s*(?:就|都|也|真|好|已经)[^，,。？?!！]{0,8}?了(?![吗伐么没不])")
# After a holiday's break: "国庆后第一天", "节后第一个工作日", "节后第一个周六", "first working
# day after national day", "the first day back after…"
_AFTER_BREAK = re.compile(
    # 上班第一天 / 开工第一天 said alone, inside a break: its first working day (said on a
    # working day, a new job's or anyone's first day: left to the rules below)
    r"(?P<back>(?<![\u4e00-\u9fff])(?:上班|开工|复工)\s*(?:的)?\s*第\s*[一1]\s*天)|"
    # 节后, 长假结束后, 放完假, 假期过完以后 (alone: the break going on or the next one), or
    # after a festival named just before (国庆后, 国庆假期后)
    r"(?:(?:(?P<bare>(?<![\u4e00-\u9fff])节|(?<![\u4e00-\u9fff])(?:长假|假期|节假日))|节|假期|长假|放假"
    r"|收假|收完假)?"
    # 过好: Shanghainese 过完; "国庆放完假", "五一休完假": the break's end said with its 假
    # "元旦回来第一天": back from the break, its first day
    r"\s*(?:(?:结束|过完|过好|放完|休完)\s*(?:(?<=[\u4e00-\u9fff][放休]完)假)?\s*(?:之|以)?(?:后|回来)?"
    r"|(?:之|以|过)?后|回来)"
    r"|(?P<bare2>(?<![\u4e00-\u9fff])(?:放完假|休完假|假放完))\s*(?:(?:之|以)?后|回来)?)"
    r"\s*(?:的)?\s*(?:(?P<work_said>上班|开工|复工)\s*(?:的)?\s*)?第\s*[一1]\s*"  # 国庆后上班第一天
    r"(?:(?P<work>个\s*工作日|个\s*上班的?日子|天上班)|天|个?\s*(?P<weekday>(?:周|星期|礼拜)[一二三四五六日天末]))"
    # "the day after the holiday ends", "the first working day after the holiday": the break
    # going on or the next one (before the festival's form, which would wait for a name)
    # (not "some day / one day / any day after the holiday": a day to be picked, asked)
    r"|(?<!\bsome\s)(?<!\bone\s)(?<!\bany\s)(?<!\ba\s)"
    r"\b(?:the\s+)?(?:first\s+)?(?P<en_bare>(?P<en_bare_work>working\s+|work\s+|business\s+)?day"
    r"(?:\s+back)?\s+after\s+the\s+(?:holidays?|break|long\s+weekend)"
    r"(?:\s+(?:ends|is\s+over|are\s+over))?)\b"
    r"|\b(?:the\s+)?first\s+(?P<en_day>(?P<en_work>working\s+|work\s+|business\s+)?day(?:\s+back)?)"
    r"\s+after\b"
    # "the day after the Qingming holiday ends": the first day after that festival's break
    r"|\bthe\s+(?P<en_day2>day)\s+after\b(?=\s+(?:the\s+)?(?!the\b|holidays?\b|break\b|long\b)"
    r"[a-z]+(?:\s+[a-z]+)?\s+"
    r"(?:holidays?|break|long\s+weekend)\s+(?:ends|is\s+over|finishes)\b)"
)
# The first or last working day of a month, a week or a year: "这个月最后一个工作日", "下个月第
# 一个工作日", "今年最后一个工作日", "the last working day of the year" (its 工作日 was read as a
# weekday: today, a wrong day)
_SPAN_WORKING_DAY = re.compile(
    r"(?:(?P<this_month>这个?月|本月)|(?P<next_month>下个?月)|(?P<this_week>这个?(?:礼拜|星期|周)|本周)"
    r"|(?P<next_week>下个?(?:礼拜|星期|周))|(?P<this_year>今年|本年)|(?P<next_year>明年)"
    # the year to come ("新年第一个工作日"; in December, next year's)
    r"|(?P<new_year>新年))"
    r"\s*(?:的)?\s*(?:(?P<first>第\s*[一1]|头\s*[一1]?)|最后\s*[一1]?)\s*个?\s*(?:工作日|上班的?日子)"
    r"|\b(?:the\s+)?(?:(?P<en_first>first)|last)\s+(?:working|work|business)\s+day\s+of\s+"
    r"(?:(?P<en_next>next)|this|(?P<en_the>the(?P<en_new>\s+new)?))\s+(?P<en_what>month|week|year)\b"
)
# The first or last days of a year: "明年第一天", "新年头两天", "今年最后一天", "年底最后一天",
# "the first day of next year", "the last day of the year" (asked back, or today's hours, before)
_YEAR_DAY = re.compile(
    r"(?:(?P<next>明年)|(?P<new>新年)|(?P<this>今年|本年)|(?P<end>年底|年末|年终))\s*(?:的)?\s*"
    r"(?:(?P<first>第\s*[一1]\s*天|头\s*[一1]?\s*天)|头\s*(?P<count>[两二三23])\s*天"
    r"|(?P<last>最后\s*[一1]\s*天))(?!\s*(?:上班|工作))"
    r"|\b(?:the\s+)?(?:(?P<en_first>first)|(?P<en_last>last)|first\s+(?P<en_count>two|three|2|3))"
    r"\s+days?\s+of\s+(?:(?P<en_next>next\s+year)|(?P<en_new>(?:the\s+)?new\s+year)"
    r"|(?P<en_this>this\s+year)|the\s+year)\b(?!'?s?\s+eve)"
)
# A day said to be a working one: "国庆后第一个周六要上班", "…补班那天"
_SAID_WORKING = re.compile(r"\s*(?:要|得|需要|也要|是|也)?\s*(?:上班|补班|调休上班|补课|上课|工作)")
# The last day of a break: "放假最后一天", "春节假期的最后一天", "长假最后一天", "the last day of
# the holiday", "last day of the spring festival break" (a festival named: its break; else the
# break going on or the next one)
_BREAK_LAST_DAY = re.compile(
    r"(?:(?P<bare>(?<![\u4e00-\u9fff])(?:放假|假期|长假))|假期|长假|放假|节)\s*(?:的)?\s*最后(?:一|1)天"
    r"|\b(?:the\s+)?(?:very\s+)?last\s+day\s+of\s+(?:the\s+)?(?P<en_what>[\w\s'-]{0,30}?)"
    r"\s*(?:holidays?|break|long\s+weekend|vacation|(?<=golden\s)week)\b"
    # right after a festival's name ("国庆最后一天"): that festival's break only (see below)
    r"|(?P<named>(?<=[\u4e00-\u9fff])\s*(?:的)?\s*最后(?:一|1)天)"
)
# The last working day before a festival's break: "清明(放假|假)之前最后一个工作日", "the last
# working day before qingming"
_LAST_BEFORE_BREAK_ZH = re.compile(
    r"\s*节?\s*(?:放假|假期|长假|假)?\s*(?:之|以)?前\s*的?\s*最后\s*(?:一\s*)?"
    r"(?:个\s*工作日|个\s*上班的?日子|天上班|个?\s*上班日)"
    # "清明放假前最后一天": the break's eve when the break is said (not "清明前最后一天")
    r"|(?P<day>\s*节?\s*(?:放假|假期|长假|假)?\s*(?:之|以)?前\s*的?\s*最后\s*(?:一|1)\s*天)"
)
# The break told, not asked: "放假了是伐", "就放假了", "清明放假 " (not "放假吗", "放假了吗")
_TOLD_OFF = re.compile(
    r"放假\s*(?:了|啦|的)?\s*(?:是伐|是吗|是吧|对吧|对伐|对吗|吧|嘛|呀|哦)?\s*(?=[,.!?;，。！？；\s]|$)"
)
# The day after the one asked: "周五…第二天就放假了"
_NEXT_DAY_WORD = re.compile(r"第二天|次日|隔天|第二日|后一天")
# After a break's name: the days before or after it ("清明前要去配药", "五一之后")
_ZH_SIDE_OF_BREAK = re.compile(
    r"\s*节?\s*(?:放假|假期|长假)?\s*(?:(?P<before>(?:之|以)?前)|(?P<after>(?:之|以|过)?后))"
    r"(?![一两二三四五六七八九十几0-9天日的后前最头第个夕])"
)
# The festivals of an evening, whose "before" is earlier on their own day (with their date said)
_EVENING_FESTIVAL = re.compile(r"跨年夜?|除夕(?:夜)?|年三十|大年三十|平安夜")


def _eve_before_its_date(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """An evening's festival said with "before", its own date said beside it ("12月31号健身房开到
    几点 想跨年前去练一练"; round twenty-eight, spent27): earlier on that day, the story's; the
    date is asked."""
    if "前" not in text:
        return mentions
    for mention in mentions:
        if (
            mention.kind == "festival"
            and mention.resolved
            and _EVENING_FESTIVAL.fullmatch(text, *mention.span)
            and (side := _ZH_SIDE_OF_BREAK.match(text, mention.span[1])) is not None
            and side.group("before")
            and any(
                m is not mention and m.resolved and m.days == mention.days[:1] for m in mentions
            )
        ):
            story = TimeMention((mention.span[0], side.end()), (), "past", None, ())
            return sorted([story, *(m for m in mentions if m is not mention)], key=lambda m: m.span)
    return mentions


_EN_BEFORE_AFTER_WORD = re.compile(
    r"\b(?P<side>before|after)\s+$|\b(?:ahead\s+of|prior\s+to|b4)\s+$"
)
# 那 turning to the day asked, right after the break told: "…放假了是伐？那礼拜五…"
_THEN_AFTER_TOLD = re.compile(r"[,.!?;，。！？；\s]*那(?:么|就)?\s*")
# The break's end said alone (timex's vague words): "放完假", "after the break"
_BREAK_OVER = re.compile(r"\s*(?:放完假|休完假|假放完|收完假|收假|\bafter\s+the\s+break\b)\s*")
# The day work resumes: "收假那天", "收完假那天", "收假以后第一天"
_BACK_FROM_BREAK = re.compile(
    r"收(?:完)?假\s*(?:(?:之|以)?后)?\s*(?:的)?\s*(?:那天|当天|那一天|那日|第一天|头一天)"
)
_BREAK_SAID = re.compile(r"放假|假期|长假|假|\b(?:holiday|break)\b")
# …with no festival named: the break at hand ("节前最后一个工作日", "放假前最后一天上班", "the
# last working day before the holiday")
_LAST_BEFORE_BARE = re.compile(
    r"(?:(?<![\u4e00-\u9fff])节|放假|放长假|长假)\s*(?:之|以)?前\s*的?\s*最后\s*(?:一\s*)?"
    r"(?:个\s*工作日|个\s*上班的?日子|天上班|个?\s*上班日)"
    r"|\b(?:the\s+)?last\s+(?:working|work|business)\s+day\s+before\s+the\s+"
    r"(?:holidays?|break|long\s+weekend)\b"
    # the last day before it, no working day said ("放假前最后一天", "the last day before the
    # holiday"): the break at hand only (BREAK_AT_HAND), not the next one weeks away
    r"|(?P<day>(?:放假|放长假|长假|假期)\s*(?:之|以)?前\s*的?\s*最后\s*(?:一|1)\s*天"
    r"|\b(?:the\s+)?(?:very\s+)?last\s+day\s+before\s+the\s+(?:holiday|break|long\s+weekend)\b"
    # …or its eve said so ("放假前一天", "节前那天", "the day before the holiday"), not a day
    # to be picked ("some day before the holiday", "节前找一天")
    r"|(?:放假|放长假|长假|假期|(?<![\u4e00-\u9fff])节)\s*(?:之|以)?前\s*的?\s*(?:(?:一|1)\s*天|那\s*一?\s*天)"
    r"(?![一两二三四五六七八九十几0-9])"
    r"|(?<!\bsome\s)(?<!\bone\s)(?<!\bany\s)(?<!\ba\s)"
    r"\b(?:the\s+)?day\s+before\s+the\s+(?:holidays?|break|long\s+weekend)"
    r"(?:\s+(?:starts|begins))?\b)"
)
_LAST_BEFORE_BREAK_EN = re.compile(
    r"\b(?:the\s+)?last\s+(?:working|work|business)\s+day\s+before\s+(?:the\s+)?$"
)
# After the festival's name, its break: "national day holiday", "国庆假期"
_BREAK_WORD_AFTER = re.compile(r"\s*(?:holidays?|break|week|假期|长假|节)?")
_THE = re.compile(r"\bthe\b")
_OWN_WEEKDAY = re.compile(
    r"\s*(?:(?:那天|这天|当天|那一天|那日)\s*(?:正好|刚好|恰好|正巧|刚巧)?|正好|刚好|恰好|正巧|刚巧)?"
    r"\s*(?:就是|正是|是)?(?:个|一个)?\s*"
    # …told a working one too (round thirty): "情人节是补班的礼拜六", "是调休上班的周六"
    r"(?:(?:要)?(?:补班|调休上班|调休|上班|补课)(?:的)?\s*)?"
    # "Women's Day falls on a Sunday this year", "Lantern Festival is on a Tuesday", "Valentine's
    # Day is a working Saturday this year"
    r"|\s+(?:this\s+year\s+)?(?:falls|is|lands|comes)(?:\s+(?:this|that)\s+year)?(?:\s+on)?(?:\s+a)?"
    r"(?:\s+(?:working|work|make[\s-]?up|makeup))?\s*"
)  # "月底那天礼拜三", "情人节那天正好礼拜六", "月底那天是礼拜三" (那天 read with the day): the
# date's own weekday (when it agrees)
# Right after a day: "圣诞节后一天" / "国庆的第二天" (+1), "元旦前一天" (-1)
_DAY_AFTER = re.compile(
    r"\s*节?\s*的?\s*(?:(?:之|以|过)?后(?:的)?\s*(?:一|1)\s*天|(?:(?:之|以|过)后的?\s*)?(?:第二天|次日|隔天)"
    r"|后(?:面|头|边)\s*(?:的)?\s*(?:那|一|1)\s*天)"  # "感恩节后面那天", "冬至后头一天"
)  # "中秋过后第二天": the day after
# The n-th day after a festival: "国庆后第二天", "清明以后的第三天" (not "过后第二天":
# the day after)
_NTH_DAY_AFTER = re.compile(
    r"\s*节?\s*(?:假期|长假|放假)?\s*的?\s*(?:之|以)?后\s*的?\s*第\s*([二两三四五六七八九十]|[2-9])\s*天"
)


def _nth_day_after_readings(
    day: date, number: int, calendar: HolidayCalendar | None
) -> tuple[date, ...]:
    """The days "the n-th day after" a festival on ``day`` may be: counted from the festival
    (while inside its break) or from the break's last day; for 第二天 also the day after each."""
    held = (break_days(day, calendar) if calendar is not None else ()) or (day,)
    counts = (1, number) if number == 2 else (number,)
    readings = {max(held) + timedelta(days=n) for n in counts}
    readings |= {day + timedelta(days=n) for n in counts if day + timedelta(days=n) in held}
    if len(held) == 1:
        readings |= {day + timedelta(days=n) for n in counts}
    return tuple(sorted(readings))


# A name explained by a day ("踏青节就是清明后一天"): the calendar's day, not the break's
_EXPLAINED_AS = re.compile(r"就是\s*$")
# "冬至夜", "冬至夜里" (read 冬至晚上): the eve of 冬至 in Shanghai (not "冬至夜校…")
_SOLSTICE_NIGHT = re.compile(r"\s*(?:的\s*)?(?:夜(?![校班课])|晚上)")
_NTH_DAY = re.compile(
    r"\s*节?\s*(?:假期|长假|期间)?\s*的?\s*第\s*([一二两三四五六七八九十]|[1-9]|1[0-4])\s*天"
)
# …told of today: "国庆第三天了", "都春节第五天了", "国庆已经第四天了"
_NTH_DAY_TOLD = re.compile(
    r"\s*节?\s*(?:假期|长假)?\s*的?\s*(?:都|已经|都已经)?\s*第\s*(?:[一二两三四五六七八九十]|[1-9])\s*天\s*了(?!解)"
)
# "劳动节那两天", "国庆头三天": the festival's first days ("前三天" may be the days before: asked);
# "国庆头一天" is its first day, as 头三天 are its first three (not the day before it)
_FIRST_DAYS = re.compile(
    r"\s*节?\s*(?:假期|长假|期间)?\s*的?\s*(?:那|头|最初|开头)\s*(?:的)?\s*([一两二三四五1-5])\s*天"
)
_DAY_BEFORE = re.compile(
    r"\s*节?\s*的?\s*(?:(?:之|以)?前(?:的)?\s*(?:一|1)\s*天|头一天"
    r"|前(?:面|头|边)\s*(?:的)?\s*(?:那|一|1)\s*天)"  # "冬至前面那天"
)
_DATE_NAME = re.compile(r"\s*[\u4e00-\u9fff]{1,3}节")
# Several days after one day named: "月底那几天", "15号这两天", "月底最后几天"
_SEVERAL_DAYS = re.compile(r"[那这](?:几|两)天")
_MONTH_END_NAMED = re.compile(r"月\s*[底末]|\bend\s+of\s+(?:the\s+|this\s+|next\s+)?month\b")
# …or pointed back to as a time ("…visiting at the end of the month, can she … then?")
_THEN_POINTED = re.compile(r"\b(?:then|around\s+then|at\s+that\s+time)\s*[?.!]*\s*$")


_PART_OF_MONTH = re.compile(r"月初|月中|上旬|中旬|下旬")
_MONTH_NUMBER_END = re.compile(
    r"(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|下个?|这个?)$"
)  # "6月初"


def _year_days(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """The first or last days of a year named (see ``_YEAR_DAY``): the new year's are the next
    to come ("新年头两天" while the Spring Festival comes first: which new year? Asked); this
    year's gone by: asked. ("新年第一天" alone: timex's, the same reading.)"""
    found = _YEAR_DAY.search(text)
    if found is None:
        return mentions
    said = found.groupdict()
    count = said["count"] or said["en_count"]
    first = bool(said["first"] or said["en_first"] or count)
    if said["end"] and first:
        return mentions  # "年底第一天": no such day
    if said["new"] and said["first"]:
        return mentions  # "新年第一天": read by timex
    if said["en_new"] and any(
        m.kind == "festival" and m.span[0] <= found.start() and found.end() <= m.span[1]
        for m in mentions
    ):  # "…chinese new year's eve and the first day of the new year": timex's lunar reading
        return mentions
    number = {"two": 2, "three": 3}.get(count or "") or (cn_number(count) if count else 1)
    if said["next"] or said["en_next"]:
        year = today.year + 1
    elif first and (said["new"] or said["en_new"] or not said["en_this"]) and not said["this"]:
        # "新年头两天", "the first day of the (new) year": the next to come
        year = today.year if today == date(today.year, 1, 1) else today.year + 1
    else:
        year = today.year  # "今年最后一天", "the last day of the year": this one
    days = (
        tuple(date(year, 1, 1) + timedelta(days=n) for n in range(number))
        if first
        else (date(year, 12, 31),)
    )
    kept = [m for m in mentions if m.span[1] <= found.start() or m.span[0] >= found.end()]
    spring = _spring_festival(today)
    if min(days) < today:
        mention = TimeMention(found.span(), (), "unsure", None, ())
    elif said["new"] and spring is not None and spring < min(days):
        mention = TimeMention(found.span(), (), "unsure", None, (min(days), spring))
    else:
        mention = TimeMention(found.span(), days, "date", None, ())
    return sorted([*kept, mention], key=lambda m: m.span)


def _spring_festival(today: date) -> date | None:
    """The next 正月初一 (today or later)."""
    from borax.calendars.lunardate import LunarDate  # type: ignore[import-untyped]

    for year in (today.year - 1, today.year, today.year + 1):
        found: date = LunarDate(year, 1, 1).to_solar_date()
        if found >= today:
            return found
    return None


def _between_nearest(text: str, mention: TimeMention, others: list[TimeMention]) -> str:
    """The words between ``mention`` and the nearest of ``others`` ("x" when none)."""
    gaps = [
        text[o.span[1] : mention.span[0]]
        if o.span[1] <= mention.span[0]
        else text[mention.span[1] : o.span[0]]
        for o in others
        if o.span[1] <= mention.span[0] or o.span[0] >= mention.span[1]
    ]
    return min(gaps, key=len) if gaps else "x"


def _days_around(day: date) -> tuple[date, ...]:
    """The days a button may offer for "some days near ``day``"."""
    return tuple(day + timedelta(days=n) for n in range(-3, 4))


_SEVERAL_DAYS_AFTER = re.compile(r"\s*的?\s*(?:那|这|最后)\s*(?:几|两)\s*天")
_RANGE_BEFORE = re.compile(r"(?:到|至|~|-|–|和|跟)\s*$")
# This month's end said alone ("月底健身房开吗"): some of its last days, asked; not when the
# words after make it a day ("月底那天", "月底最后一天", "月底那个礼拜六", "月底前")
_BARE_MONTH_END = re.compile(r"(?:这个?|本)?\s*月\s*[底末]")
_MONTH_END_TOLD = re.compile(
    r"\s*(?:的\s*)?(?:那一?天|那日|当天|这一?天|最后|那个|这个|前|之前|以前|[0-9一二三四五六七八九十]+\s*[号日])"
)
# …and in English, said in the month's last week ("at the end of the month" when it has come)
# (not a month named, "十月底" said on 10-27 is its last day: dev10's reading)
_MONTH_END_NOW = re.compile(r"end\s+of\s+(?:the\s+|this\s+)?month|(?:this\s+)?month[\s-]?end")
_THAT_DAY_LATER = re.compile(r"那一?天(?!\s*(?:几|两))|当天")
# "那天" right after a day named: the day's own word ("月底那天中心开不开", "下礼拜一那天")
_THAT_DAY_AFTER = re.compile(r"\s*(?:那天|那一天|那日|当天|这天|这一天)")
# A date given in the lunar calendar ("腊月廿三", "农历八月十五", "正月初五"): exact, unlike a
# Chinese month and day that may be solar ("八月十五中秋节" is the festival's day).
_LUNAR_DATE_WORD = re.compile(r"农历|阴历|旧历|[腊正冬]月|廿|卅|初[一二三四五六七八九十]")
# A time taken advantage of ("想趁过年前拍张全家福"): the reason for the day asked, not a day.
_DEADLINE = re.compile(r"\s*(?:要|得|必须|一定要|需要|务必)")
_SEIZE_BEFORE = re.compile(r"趁着?\s*$")
# The last day, after a month's end is named ("月底…想最后一天去"): that same day.
_LAST_DAY = re.compile(r"最后一天|\blast\s+day\b")
# The resident's own day off, after a day is named ("saturday is my day off"): not a day asked.
# …or the day named asked as one ("Is Children's Day a day off? …open on June 1?")
# A break's length told beside its name ("Dragon Boat holiday - 3 days off right?", "the break
# is five days", "端午放三天对吧"): the break's days counted, not a day of their own. Not a span
# counted from it ("3 days after", "in 3 days", "the first 3 days", "三天后").
_BREAK_LENGTH = re.compile(
    r"(?<!\bin\s)(?<!\bwithin\s)(?<!\bnext\s)(?<!\bfirst\s)(?<!\blast\s)(?<!\bfew\s)"
    r"\b(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)[\s-]+days?"
    r"(?:\s+(?:off|holiday|break|long|in\s+total|in\s+a\s+row))?\b"
    r"(?!\s+(?:before|after|later|from|ago|time|until|till|early|earlier|of|following|prior|leading|to)\b)"
    r"|(?:放|休|连休|放假)\s*[0-9一二三四五六七八九十两]{1,2}\s*天(?!\s*(?:之|以)?[前后内])"
)
_OWN_DAY_OFF = re.compile(
    r"\b(?:my|only|one|a)\s+days?\s+off\b"
    # the day named told as someone's first day somewhere (round twenty-six, dev99): "Sept 1
    # is my son's first day of school", "Monday is her first day at kindergarten" (not a
    # break's: "the holiday's first day" is a day asked)
    r"|\b(?:the\s+)?(?:first|last)\s+day\s+(?:of|at|in)\s+(?:the\s+)?(?:new\s+)?(?:school"
    r"|kindergarten|nursery|daycare|term|work|class(?:es)?|job|semester)\b(?!\s+(?:holiday|break|vacation))"
    r"|\b(?:my|his|her|their|our|(?:son|daughter|kid|child|boy|girl|wife|husband)'s)\s+"
    r"(?:first|last)\s+day\b(?!\s+(?:of|after|before)\b)"
)
# …or anything else relative to it: "元旦后第一个周一", "国庆以后", "春节前后" → ask
_DAY_RELATIVE = re.compile(
    r"\s*节?\s*的?\s*(?:之后|以后|过后|后|之前|以前|前后|前|左右|附近)(?![天日])"
)  # not the next day word ("明天后天": tomorrow and the day after)
# One's coming back after a festival: "五一回来以后", "国庆我们出去玩，回来后"
_BACK_AFTER = re.compile(
    r"\s*节?\s*(?:假期|放假)?\s*(?:(?:我|我们|阿拉)[^，,。？?！!；;]{0,12}[，,]\s*)?"
    r"(?:我|我们|阿拉)?\s*(?:回来|回家|回沪|回上海)\s*(?:了)?\s*(?:以后|之后|后)(?![天日])"
)
_EN_AROUND = re.compile(
    r"\b(?:around|near|roughly|towards?|sometime\s+around|(?<!what\s)(?<!how\s)about)"
    r"\s+(?:the\s+)?$"
)  # not "what about the first monday after…"
# "the days after may day", "before the 3rd", "in the days leading up to national day": days
# on one side of the day named, not that day. Asked ("the day after" is one day: below).
_EN_SIDE_OF = re.compile(
    r"\b(?:(?:the|in\s+the|a\s+few|few|couple\s+of|some)\s+days\s+(?:before|after|following"
    r"|leading\s+up\s+to|prior\s+to)|(?<!day\s)(?<!days\s)before|prior\s+to|leading\s+up\s+to)"
    r"\s+(?:the\s+)?$"
)
# "the weekend after the holiday", "saturday before the break": which break? Asked.
_EN_SIDE_OF_BREAK = re.compile(
    r"\s+(?:after|before|following)\s+(?:the\s+|this\s+|that\s+)?(?:holidays?|break|festival"
    r"|long\s+weekend|golden\s+week|new\s+year)\b"
)
# …the break named bare ("the monday after the break"): the break at hand's, when one is near
_EN_BESIDE_BREAK = re.compile(
    r"\s+(?P<side>after|before|following)\s+(?:the\s+|this\s+)?(?:holiday|break)\b(?!s)"
)
_EN_WEEK_SAID = re.compile(r"\b(?:next|this|coming|last)\b")


def _weekday_beside_break(
    text: str, mentions: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """ "the tuesday after the break", "the weekend after the holiday": that weekday first
    after (or last before) the break at hand, one mention over both; with no break near, or
    the day gone by, left to be asked."""
    for mention in mentions:
        if mention.kind not in ("weekday", "weekend") or not mention.resolved:
            continue
        start, end = mention.span
        beside = _EN_BESIDE_BREAK.match(text, end)
        if beside is None or _EN_WEEK_SAID.search(text, start, end):
            continue
        days = _beside_break(mention, beside.group("side"), today, calendar)
        if not days:
            continue
        said = TimeMention((start, beside.end()), days, "date", None, ())
        kept = [m for m in mentions if m.span[1] <= start or m.span[0] >= beside.end()]
        return sorted([*kept, said], key=lambda m: m.span)
    return mentions


# A weekday named as a day off: "bank holiday monday", "the public holiday friday", "monday
# bank holiday" (British), not any Monday
_HOLIDAY_BEFORE_WEEKDAY = re.compile(r"\b(?:bank|public|national|statutory)\s+holiday\s*$")
_HOLIDAY_AFTER_WEEKDAY = re.compile(r"\s+(?:bank|public|statutory)\s+holiday\b(?!s)")


def _holiday_weekday(
    text: str, mentions: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """ "bank holiday monday", "the public holiday friday": that weekday of the break at hand,
    one mention over both; asked when the break has no such day (or none is near), never the
    coming weekday that is no holiday."""
    for mention in mentions:
        if mention.kind != "weekday" or len(mention.days) != 1:
            continue
        start, end = mention.span
        before = _HOLIDAY_BEFORE_WEEKDAY.search(text, 0, start)
        after = _HOLIDAY_AFTER_WEEKDAY.match(text, end)
        if before is None and after is None:
            continue
        span = (before.start() if before else start, after.end() if after else end)
        wanted = mention.days[0].weekday()
        held = [d for d in break_at_hand(today, calendar) if d >= today]
        days = [d for d in held if d.weekday() == wanted]
        if len(days) == 1:
            said = TimeMention(span, (days[0],), "date", None, ())
        else:
            said = TimeMention(span, (), "unsure", None, tuple(sorted({mention.days[0], *held})))
        kept = [m for m in mentions if m.span[1] <= span[0] or m.span[0] >= span[1]]
        return sorted([*kept, said], key=lambda m: m.span)
    return mentions


# A weekday named with a festival's break, one right after the other: "Qingming Monday", "the
# qingming holiday monday", "清明节礼拜一", "清明放假礼拜一", "the Monday of the Qingming
# holiday" (round twenty-six, dev98: it was asked, the coming Monday disagreeing with 04-05).
# Not "国庆那个礼拜三" (the week before the break, or inside it? still asked), nor a week said
# with the weekday ("清明下礼拜一").
_FESTIVAL_THEN_WEEKDAY = re.compile(r"[\s,，]*(?:节)?\s*(?:的|里的?|期间的?)?\s*")
_WEEKDAY_OF_FESTIVAL = re.compile(r"\s+(?:of|during|in|over)\s+(?:the\s+)?")
_WEEK_IN_WEEKDAY = re.compile(r"下|上|这|本|\b(?:next|this|last|coming)\b")


def _festival_weekday(
    text: str, mentions: list[TimeMention], today: date, calendar: HolidayCalendar
) -> list[TimeMention]:
    """That weekday inside the festival's break, one mention over both; left alone (asked)
    when the break has none or more than one such day."""
    for first, second in itertools.pairwise(mentions):
        if first.kind == "festival" and second.kind == "weekday":
            festival, weekday, gap = first, second, _FESTIVAL_THEN_WEEKDAY
        elif first.kind == "weekday" and second.kind == "festival":
            festival, weekday, gap = second, first, _WEEKDAY_OF_FESTIVAL
        else:
            continue
        if (
            not festival.festival
            or not festival.days
            or len(weekday.days) != 1
            or gap.fullmatch(text, first.span[1], second.span[0]) is None
            or _WEEK_IN_WEEKDAY.search(text, *weekday.span)
            # "过了国庆 礼拜六": the first after it, not inside it (see _first_weekday_after)
            or (festival is first and _ZH_PAST_ANCHOR.search(text, 0, festival.span[0]))
        ):
            continue
        held = break_days(festival.days[0], calendar)
        days = [d for d in held if d.weekday() == weekday.days[0].weekday() and d >= today]
        if len(days) != 1:
            continue
        said = TimeMention((first.span[0], second.span[1]), (days[0],), "date", None, ())
        kept = [m for m in mentions if m is not first and m is not second]
        return sorted([*kept, said], key=lambda m: m.span)
    return mentions


def _beside_break(
    mention: TimeMention, side: str, today: date, calendar: HolidayCalendar
) -> tuple[date, ...]:
    """The weekday (or weekend) of ``mention`` first after, or last before, the break at hand;
    () when no break is near, that day is gone by, or the weekday falls inside the break too
    ("the saturday after the break" of 05-01..05-05: 05-02, after May Day, or 05-09? Asked)."""
    held = break_at_hand(today, calendar)
    if not held:
        return ()
    weekend = mention.kind == "weekend"
    wanted = 5 if weekend else mention.days[0].weekday()
    inside = held[1:] if side != "before" else held[:-1]
    if any(d.weekday() == wanted for d in inside):
        return ()
    if side == "before":
        day = held[0] - timedelta(days=1)
        while day.weekday() != wanted:
            day -= timedelta(days=1)
    else:
        day = held[-1] + timedelta(days=1)
        while day.weekday() != wanted:
            day += timedelta(days=1)
    days = (day, day + timedelta(days=1)) if weekend else (day,)
    if day < today or (side == "before" and days[-1] >= held[0]):
        return ()
    return days


def _word_start(text: str, mention: TimeMention) -> int:
    """Where the words of ``mention`` begin (a weekday's span may hold the space before it)."""
    start, end = mention.span
    return end - len(text[start:end].lstrip())


# "国庆中间那几天", "in the middle of golden week": some days inside the break. Asked.
_MIDDLE_OF = re.compile(r"\s*节?\s*(?:假期|长假)?\s*(?:的)?\s*(?:中间|当中|正中)")
_EN_MIDDLE_OF = re.compile(r"\b(?:in\s+)?the\s+middle\s+of\s+(?:the\s+)?$")
# "我3号走，走之前…", "I fly on the 15th, is it open before I leave?": the day named is the
# resident's leaving, the days asked are before it. Asked. Only the day of the leaving: "open
# on New Year's Eve? … before we travel" asks that day.
_LEAVE_ON_EN = re.compile(
    r"\b(?:leav(?:e|es|ing)|go(?:es|ing)?|fl(?:y|ies|ying)(?:\s+out|\s+home|\s+back)?"
    r"|travel(?:s|l?ing)?|head(?:s|ing)?\s+(?:home|off|out|back)|set(?:ting)?\s+off"
    r"|depart(?:s|ing)?)\s+(?:on\s+)?(?:the\s+)?$"
)
_LEAVE_ON_ZH = re.compile(r"[^，,。；;？?！!]{0,8}?(?:走|离开|出发|动身|飞|回老家|回去|回国)")
_LEAVING_BEFORE = re.compile(
    r"(?:走|离开|出发|动身|回老家|回去|回国|飞)(?:之|以)?前"
    r"|\bbefore\s+(?:i|we|he|she|they)\s+(?:leave|go|fly|head|set\s+off|travel|move)\b"
    r"|\bbefore\s+then\b"
)
_EN_WEEK_AFTER = re.compile(
    r"\s+(?:week|two\s+weeks)\b(?!\s+(?:from|ago|later|after|before|time|away))"
)
_EN_WEEK_ON = re.compile(r"\b(?:a\s+week|(?:a\s+)?two\s+weeks)\s*(?:(?:on|from)\s*)?$")
_EN_DAY_OFFSET = re.compile(
    r"\b(?:the\s+)?day\s+(after|before)\s+"
    # "the day before my flight on the 16th": the day named is the event's
    r"(?:(?:my|our|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?\s+(?:(?:is\s+)?on\s+)?(?:the\s+)?)?"
    r"(?P<the>the\s+)?$"  # "the day before the dragon boat festival" (one day: below)
)
# A second question after the first, of another day: "周五晚上健身房开到几点 周六呢", "夜校今天
# 晚上上课伐 对了明天呢", "礼拜一关门是吧 那礼拜二呢", "open this friday? oh, and saturday as
# well?": both days asked (the first question's last asking word, then only a pause and a
# connective before the second day, and 呢 / a question mark / "as well" right after it)
_FIRST_ASKS = re.compile(
    r"[?？]|吗|伐|呢|是吧|对吧|几点|几时|开不开|有没有|在不在|([\u4e00-\u9fff])[不没]\1"
)
_SECOND_ASK_LEAD = re.compile(
    # (the first question's last words after its asking word: "几点关门 那礼拜天呢")
    r"(?:[\u4e00-\u9fff]{1,4}(?=[\s?？,，。;；!！…]))?"
    r"[\s?？,，。;；!！…]*(?:(?:对了|还有|另外|那么|那|顺便问一?下|再问一?下|\boh\b|\band\b|\balso\b"
    r"|\b(?:what|how)\s+about\b)[\s,，]*)*(?:个|一个)?\s*"
)
_SECOND_ASK_TAIL = re.compile(
    r"\s*(?:的)?\s*(?:上午|下午|晚上|早上|中午|白天|夜里|(?:in\s+the\s+)?(?:morning|afternoon|evening"
    r"|night))?\s*(?:呢|[?？]|as\s+well\b|too\b)"
)


def _second_day_asked(text: str, first: TimeMention, second: TimeMention, today: date) -> bool:
    """Whether ``second`` is asked in a second question right after the first question, of
    ``first`` (both days to come): "周六呢" after "周五…开到几点"."""
    if not first.days or not second.days or min((*first.days, *second.days)) < today:
        return False
    if _AFTER_THAT.search(text, *second.span):  # "and the one after that?": counted on, asked
        return False
    if {first.kind, second.kind} <= {"weekday", "weekday_in_week"} and min(second.days) < min(
        first.days
    ):  # "周五开到几点 周六呢" asked on a Saturday: next Friday, then today? which week is not
        # sure (today's Saturday before the Friday asked)
        return False
    between = text[first.span[1] : second.span[0]]
    asks = [m.end() for m in _FIRST_ASKS.finditer(between)]
    return (
        bool(asks)
        and _SECOND_ASK_LEAD.fullmatch(between, asks[-1]) is not None
        and _SECOND_ASK_TAIL.match(text, second.span[1]) is not None
    )


# Days compared: "open the same hours this weekend as today", "does it close earlier on friday
# than on monday", "saturday compared to today" (the Chinese 跟 / 和 join them already)
_COMPARED_EN = re.compile(
    r"\s*,?\s*(?:as|than|compared\s+(?:to|with)|versus|vs\.?)\s+(?:on\s+|it\s+is\s+|it\s+was\s+)?"
)
_COMPARING_EN = re.compile(
    r"\b(?:same|different|differ|earlier|later|longer|shorter|compared|versus|vs)\b"
)


# Days joined on purpose: "周六和周日", "12月24到26日", "monday or tuesday"
_JOINED = re.compile(
    # ("&", "+" as typed for "and": "gym sat & sun?", "canteen tues + weds")
    r"[\s,，、/~\-–]*(?:和|跟|与|或者|或|还是|还有|以及|到|至|and|or|to|till|until|&|\+)?[\s,，、/~\-–]*"
    # the preposition said again after the joining word: "on the 31st and on August 1st"
    # (round twenty-nine, spent23)
    r"(?:(?<=\s)(?:on|for)\b\s*(?:the\b\s*)?)?"
)
# Someone's leaving after the day asked ("Grandma flies back to Vancouver after that", "we head
# home right after that", "她过完元宵就回去了"): the story's plan, no day of its own asked
_LEAVES_AFTER = re.compile(
    r"\b(?:fl(?:y|ies|ying|ew)|leav(?:e|es|ing)|go(?:es|ing)?|head(?:s|ing)?|return(?:s|ing)?"
    r"|mov(?:e|es|ing)|driv(?:e|es|ing)|travel(?:s|ling|ing)?)\s+(?:back\s+)?"
    r"(?:(?:home|out)\s+|(?:to|for)\s+[a-z]+(?:\s+[a-z]+)?\s+)?(?:right\s+|soon\s+|just\s+|straight\s+)?"
    r"after\s+(?:that|it|this)\b"
)
# "after that" pointing back to an hour of the day told before it ("I usually finish work around
# 9:30 pm. Is the gym still open after that this Friday?"; round twenty-nine, spent23): later
# that day, not a day after another (no hour before it: "I'm busy on Monday, open after that?"
# still asks)
_CLOCK_THEN_AFTER_THAT = re.compile(
    r"(?:\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)(?![a-z])|\b\d{1,2}:\d{2}\b|\bnoon\b"
    r"|\bmidnight\b)[^?!]{0,80}?\bafter\s+(?:that|this)\b"
)
# (not a day counted on from it: "the day after that", "the weekend after that")
_AFTER_THAT_SAID = re.compile(
    r"(?<!day\s)(?<!week\s)(?<!end\s)(?<!one\s)(?<!month\s)\bafter\s+(?:that|this)\b"
)
# A visit's length ("my cousin is visiting from Toronto for two weeks", "my aunt is staying for
# 10 days"): how long someone stays, no day asked
_STAY_LENGTH = re.compile(
    r"\b(?:visit(?:ing|s)?|stay(?:ing|s)?|here|in\s+town|in\s+shanghai|around|back\s+home)\b"
    r"[^.?!;,—–-]{0,30}?\bfor\s+(?:a\s+|about\s+|around\s+|only\s+|just\s+)?"
    r"(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|few|a\s+few|(?:a\s+)?couple\s+of)"
    r"\s+(?:days?|weeks?|months?)\b"
)
# The n-th day or the day skipped, of nothing named, with no day said beside it: "第三天窗口开吗",
# "隔一天", "头天" (were answered for today; "出院第三天了 明天开伐" keeps 明天; not a habit:
# "隔一天去一次卫生站")
_DAY_COUNT_LEFT = re.compile(
    r"第\s*[二两三四五六七八九十2-9]\s*天|隔\s*[一两1]\s*天(?![^，,。？?！!\s]{0,4}?[一每]\s*[次趟回])"
    r"|(?<![噱镜开])头天"
    # an event's eve, 前日 left unread ("开学前日", "手术前日"): which day? Asked
    r"|(?<![节提目当之以从])前日(?![子期本程历])"
)
# "first thing tomorrow", "first thing on monday": early on the day named, no day of the month
# (bare, or "first thing in the morning" said at 4 pm, it names no day: still asked)
_FIRST_THING = re.compile(r"\bfirst\s+thing\b(?!\s+in\s+the\s+morning)")
# Day-like words left over once the time expressions and venues are taken out
_DAY_LEFT = re.compile(
    r"\d{1,2}\s*[号日](?![常子用本码楼线口门房室栋座位厅馆柜台场区车床桌院机道厂])|\d{1,2}\s*[./。]\s*\d{1,2}(?!\d)"
    r"|[0-9一二三四五六七八九十两几]+\s*(?:天|个?礼拜|个?星期|周)\s*(?:后|以后|之后|前|以前)"
    r"|[\u4e00-\u9fff]{1,3}节(?:那天|当天|期间|那几天|的时候)"
    r"|\b(?:next|this|last|coming)\s+(?:\w+day|week|weekend|month)\b|\bday\s+(?:after|before)\b"
    # a weekday or month name no rule took ("a week on friday", "mid december")
    r"|(?:周|星期|礼拜)[一二三四五六日天]|[一二三四五六七八九十\d]{1,2}\s*月(?!饼|份?工资)"
    r"|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\b"
    r"|\b(?:january|february|march|april|june|july|august|september|october|november|december)\b"
    # numbers and ordinals of days that no rule took: "廿八", "礼拜八", "第二个礼拜", "第二天"
    r"|[廿卅]|(?:星期|礼拜)\s*[八九十0-9]|[腊正冬闰]月"
    # which day of the new year ("照相馆初几开门"): asked, never today's hours
    r"|初几"
    r"|第[一二三四五六七八九十\d]{1,3}\s*个?\s*(?:周|星期|礼拜|月)"
    # a festival's name no rule knows ("复活节"), not a lesson ("一节课") nor a joint (关节)
    # ("趁节里", "在节里": the holidays just named, not another festival)
    r"|[\u4e00-\u9fff](?<![关季细环章礼调音情过一二两三四五六七八九十几每上下本这那把在趁到等])节"
    r"(?![目约省奏能课拍点气制食假里])"
    r"|\bin\s+(?:a\s+)?(?:\d+|couple|few|several)\s+(?:of\s+)?(?:days?|weeks?)\b"
    r"|\b(?:days?|weeks?)\s+(?:from\s+(?:now|today)|later|ago|time)\b|\bafter\s+next\b"
    r"|\bthe\s+(?:one|day|week|weekend)\s+after\b"
    r"|\b(?:first|second|third|fourth|fifth|last|final)\s+(?:day|week(?:end)?|\w+day)\b"
    # (not the hours of today: "free for the next couple of hours", "in the next hour")
    r"|\bnext\b(?!\s+(?:to|door|(?:few\s+|couple\s+(?:of\s+)?|two\s+|three\s+|\d+\s+)?(?:hours?|minutes?|mins?))\b)"
    r"|\bafter\s+(?:this|that)\b|\bweek\s+of\b"
    r"|\b(?:\d{1,2}|two|three|four|five|six|seven|few|couple\s+of)\s+(?:days?|weeks?)\b"
    r"|\b(?:days?|weeks?)\s+from\b|\bdays?\s+off\b|\bhalf[\s-]term\b|\bterm\s+time\b"
    r"|\b(?:easter|good\s+friday|spring\s+break|school\s+holidays?|summer\s+holidays?)\b"
    # a calendar named that no rule used: "new year's day (lunar)", "农历的那天"
    r"|\blunar\b|农历|阴历|旧历"
    # a day counted from one not named, or a part of a week: "第二天", "the following day", "周中"
    r"|第二天|次日|隔天|翌日|头一天|[前后](?:面|头|边)?一天|周中|周内|礼拜中间|星期中间"
    # a first day of something no rule placed: "放完假第一天" (never today for it)
    r"|第\s*[一1]\s*(?:天|个工作日)"
    # seasons of days no rule places: "黄金周", "春运", "mid-month", "the weekend after"
    r"|黄金周|春运|\bgolden\s+week\b|\bmid[\s-]?month\b"
    # the start of a week told loosely: "礼拜头上健身房开伐"
    r"|(?:礼拜|星期|周)头上"
    # spans of days: "下两周", "头一个礼拜", "近两天", "三天内", "本月内", "隔周", "双号"
    r"|下[两二三]个?(?:周|礼拜|星期)|头一个?(?:周|礼拜|星期)|[近后前]\s*[两二三几]\s*天"
    r"|[0-9一二两三四五六七八九十几]+\s*天(?:之|以)?内|(?:本|这个?)月(?:之|以)?内|隔周|单周|双周|单号|双号"
    r"|\b(?:coming|next\s+few|few)\s+days\b|\bwithin\s+(?:a|one|two|three|\d+)\s+(?:days?|weeks?)\b"
    r"|\bsolstice\b|\bequinox\b|\b(?:winter|summer|christmas|new\s+year)\s+(?:break|holidays?)\b"
    r"|\bpay\s?day\b"
    r"|\bfollowing\s+(?:day|week|weekend|\w+day)\b|\bmid-?week\b|(?<=-)ish\b|\bish\b"
    r"|\b(?:end|start|beginning|middle)\s+of\s+(?:the\s+|this\s+|next\s+)?(?:week|month|year)\b"
    r"|(?<!a )(?<!per )(?<!each )(?<!every )\bweek\b"
    # (not the week told as the resident's: "long week at work", "busy week", "crazy week")
    r"(?<!\blong week)(?<!\bbusy week)(?<!\bhard week)(?<!\bcrazy week)(?<!\btough week)"
    r"(?<!\brough week)(?<!\bhectic week)(?<!\btiring week)"
    # an ordinal in words for a day of the month: "on the third", "november third"
    # (not someone's: "it's my first term", "her second")
    r"|(?<!a )(?<!in )(?<!my )(?<!his )(?<!her )(?<!our )(?<!their )(?<!your )"
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|\w+teenth|twentieth|thirtieth|twenty[-\s]\w+|thirty[-\s]first)\b"
    r"(?!\s*(?:floor|storey|time|times|year|row|gate|door|room|level|grade|class|lesson|visit"
    r"|attempt|place|person|child|grandchild|kid|term|semester|course|session))"
    # a day of the month in Chinese numerals alone: "食堂十五开吗" (15th? the lunar 15th?)
    r"|(?<![\d一二三四五六七八九十百千几第初])(?:十[一二三四五六七八九]?|[二三]十[一二三四五六七八九]?)"
    r"(?![\d一二三四五六七八九十百千万分块元个岁人点楼路号年月层米次位名斤公天周小时多来几届期栋室门平"
    r"项条道句页张本件级段倍遍圈秒里])"
)


# A day moved to another ("从今天改到了礼拜五", "推到后天", "moved from thursday to saturday"):
# the first is the story's, the second is asked
_MOVED_TO = re.compile(
    r"\s*(?:的\S{0,6})?(?:改|推迟?|推后|挪|换|调|延期?|延后|顺延)\s*(?:到|成|至|在)\s*了?\s*"
)
_MOVED_TO_END = re.compile(r"(?:改|换|挪|推迟?|推后|调)\s*(?:到|成|在)\s*了?\s*$")
_MOVED_TO_EN = re.compile(r"\s*\b(?:to|till|until)\b\s*(?:the\s+)?")
_MOVED_VERB_EN = re.compile(
    r"\b(?:moved|changed|pushed(?:\s+back)?|put\s+off|postponed|rescheduled|shifted|switched"
    r"|bumped|delayed)\b[^.?!;]{0,40}\bfrom\b\s*(?:the\b\s*)?$"
)
# Two days joined as a range: "下礼拜一到礼拜三", "周五至周日", "monday to wednesday"
_RANGE = re.compile(
    r"\s*(?:一直|一路)?(?:到|至|~|-|–|—|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*"
    r"(?:\bthe\b\s*)?"  # "from the 1st to the 7th"
)
MAX_RANGE_DAYS = 14
# "between christmas and new year", "从圣诞到元旦之间": every day of the stretch
_BETWEEN = re.compile(r"\bbetween\s*(?:the\s+)?$")  # a weekday's span takes its space
_BETWEEN_AND = re.compile(r"\s*\band\s*(?:the\s+)?")


def _range(first: TimeMention, second: TimeMention) -> tuple[date, ...] | None:
    """The days from ``first`` to ``second`` (a weekday after a later one is in the week
    after: "周五到周一"), or None when they do not make a short range."""
    if len(first.days) != 1 or len(second.days) != 1:
        return None
    start, end = first.days[0], second.days[0]
    if end < start and second.kind == "weekday":
        end += timedelta(days=7 * ((start - end).days // 7 + 1))
    length = (end - start).days
    if not 0 < length < MAX_RANGE_DAYS:
        return None
    return tuple(start + timedelta(days=n) for n in range(length + 1))


# A festival followed by days within its time: "过年从除夕到初三", "春节期间初五"
_UMBRELLA = re.compile(r"\s*(?:节|假期|长假|期间|的时候|里|那几天|这几天)?\s*(?:从|是|就是|的)?\s*")
UMBRELLA_DAYS = 7
# A day of the Spring Festival by its number ("大年初一", "初二"), and days listed
_NEW_YEAR_DAY = re.compile(r"(?:大年|年|正月)?初[一二三四五六七八九十]")
_LISTED = re.compile(r"[\s、,，]*(?:和|跟|还有)?[\s、,，]*")


def _festivals_listed(first: TimeMention, second: TimeMention) -> bool:
    """Two festivals named one right after the other, a day apart ("平安夜圣诞节两天", "除夕初一",
    "跨年夜元旦"): both days asked (round twenty-nine; the second was dropped). Not a day of the
    Spring Festival's named after it ("春节初二": that day)."""
    return (
        first.kind == second.kind == "festival"
        and len(first.days) == len(second.days) == 1
        and abs((second.days[0] - first.days[0]).days) == 1
        and first.festival != "spring_festival"
    )


def _festivals_back_to_back(text: str, first: TimeMention, second: TimeMention) -> bool:
    """Two festivals further apart said back to back in the question's last sentence ("圣诞元旦
    食堂开吗", "中秋国庆食堂开吗", "冬至圣诞"): both asked (r29 r1; the second was dropped). Not
    in a sentence before the one asked ("中秋国庆连着放吗？中秋那天健身房开吗")."""
    return (
        first.kind == second.kind == "festival"
        and len(first.days) == len(second.days) == 1
        and 1 < abs((second.days[0] - first.days[0]).days) <= 45
        and first.festival != "spring_festival"
        and not re.search(r"[？?。！!；;]", text[second.span[1] :].rstrip("？?。！!；; "))
    )


# The break word said once after two festivals ("中秋国庆期间", "中秋和国庆放假", "中秋国庆两个
# 假期") or before them in English ("over mid-autumn and national day")
_PAIR_BREAK_AFTER = re.compile(
    r"\s*(?:这|那)?\s*(?:两|2)\s*个\s*(?:假期|长假|假|节日?|小长假)(?:期间)?|\s*(?:节)?\s*(?:期间|放假|假期|长假)"
)


def _breaks_joined(
    result: list[TimeMention],
    first: TimeMention,
    second: TimeMention,
    pair: tuple[tuple[date, ...], int],
) -> list[TimeMention]:
    """``result`` with the two festivals of a break word said once (``_breaks_paired``'s days
    and end) as one mention over both breaks, the mentions inside it dropped."""
    days, end = pair
    whole = TimeMention((first.span[0], end), days, "festival", None, ())
    return [
        whole if m is first else m
        for m in result
        if m is not second and not (m is not first and first.span[0] <= m.span[0] < end)
    ]


def _breaks_paired(
    text: str, first: TimeMention, second: TimeMention, calendar: HolidayCalendar
) -> tuple[tuple[date, ...], int] | None:
    """Two statutory festivals listed, a break word said once for both ("中秋国庆期间食堂开吗"):
    both breaks' days and where the pair's words end; else None (r30f)."""
    if (
        not first.festival
        or not second.festival
        or first.festival == second.festival
        or "spring_festival" in (first.festival, second.festival)
        or re.search(r"[？?。！!；;]", text[second.span[1] :].rstrip("？?。！!；; "))
    ):
        return None
    after = _PAIR_BREAK_AFTER.match(text, second.span[1])
    if after is None and len(first.days) <= 1 and len(second.days) <= 1:
        return None  # no break word: the festivals' own days (``_festivals_back_to_back``)
    held = [_pair_held(m, other, calendar) for m, other in ((first, second), (second, first))]
    if not held[0] or not held[1]:
        return None
    if not 1 < abs((min(held[1]) - max(held[0])).days) <= 45:
        return None
    return tuple(sorted({*held[0], *held[1]})), max(second.span[1], after.end() if after else 0)


def _pair_held(
    mention: TimeMention, other: TimeMention, calendar: HolidayCalendar
) -> tuple[date, ...]:
    """One festival's break days in a pair. A festival just gone is asked alone (this year's
    or next?); beside the other's break it is this year's ("中秋国庆期间食堂开吗" on 29 September
    or inside the National Day break: 中秋's break and 国庆's; it was asked with the near days,
    a second reader r30)."""
    if mention.kind == "festival" and mention.days:
        if len(mention.days) > 1:
            return mention.days
        return break_days(mention.days[0], calendar) or mention.days
    if mention.kind != "unsure" or other.kind != "festival" or not other.days:
        return ()
    for year in sorted({other.days[0].year, other.days[0].year - 1}, reverse=True):
        day, _ = calendar.festival_date(mention.festival or "", year)
        if day is not None and abs((day - other.days[0]).days) <= 45:
            return break_days(day, calendar) or (day,)
    return ()


# Words joining two days as two or as a range ("元旦期间和明天"): not a day inside a break
_JOINING_WORD = re.compile(r"到|至|和|跟|还是|或|以及|\b(?:and|or|to|till|until|through|thru)\b")

_WEEKDAY_OF = {c: n for n, c in enumerate("一二三四五六")} | {"日": 6, "天": 6}


# A weekday or weekend pointed at ("那个周末", "那礼拜天"), and what stands before it
_POINTED = re.compile(r"(?:个|一个)?\s*(?:周|星期|礼拜)\s*([一二三四五六日天末])")
_POINTED_ATTACHED = re.compile(r"\s*(?:的)?\s*那\s*(?:个|一个)?\s*")
_POINTED_THEN = re.compile(r".*[\s,，。;；!！]\s*那\s*(?:个|一个)?\s*", re.S)
# …and in English: "that Saturday", "on that very Sunday" (the weekday's span may take the space)
_EN_THAT_BEFORE = re.compile(r"\bthat\s+(?:very\s+|same\s+)?$")


def _weekday_of_that_week(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """A weekday pointed at, read in the week of the day just named: "重阳节那个周末" (the
    festival on a weekend: that weekend), "国庆那个礼拜三"; or after a clause ("礼拜六调休是上班的
    那礼拜天食堂开吗") when that week's day is also the coming one. Else left asked ("听说下周三
    食堂不开 那周四呢": this Thursday or next week's?)."""
    result = list(mentions)
    for index, mention in enumerate(mentions):
        if (
            index
            and mention.kind == "weekday"
            and len(mention.days) == 1
            and "that" in text
            and _EN_THAT_BEFORE.search(text, 0, mention.span[0] + 1)
        ):
            before = mentions[index - 1]
            if (
                before.resolved
                and len(set(before.days)) == 1
                and before.days[0].weekday() == mention.days[0].weekday()
            ):  # "Oct 10 is a make-up workday, is the window open that Saturday?": the date
                # just named, named again by its weekday (another weekday stays asked)
                result[index] = TimeMention(mention.span, before.days[:1], before.kind, None, ())
                continue
        pointed = _POINTED.fullmatch(text, *mention.span)
        if mention.resolved or pointed is None or index == 0:
            continue
        before = mentions[index - 1]
        if not before.resolved or len(set(before.days)) != 1:
            continue
        day = before.days[0]
        monday = day - timedelta(days=day.weekday())
        char = pointed.group(1)
        days: tuple[date, ...]
        if char == "末":
            if day.weekday() < 5:  # a weekday's "那个周末": the one before or after it?
                continue
            days = (monday + timedelta(days=5), monday + timedelta(days=6))
        else:
            days = (monday + timedelta(days=_WEEKDAY_OF[char]),)
        between = text[before.span[1] : mention.span[0]]
        if char != "末" and days[0] == day and _POINTED_ATTACHED.fullmatch(between):
            # the day just named, named again by its weekday ("10月10号那个周六", "27号那个礼拜
            # 六"): that day (a weekday that is not the date's stays asked)
            whole = TimeMention((before.span[0], mention.span[1]), days, before.kind, None, ())
            result[index - 1 : index + 1] = [whole]
            return _weekday_of_that_week(text, result, today)
        if (
            char != "末"
            and days[0] == day
            and before.kind in ("date", "festival")
            and _POINTED_THEN.fullmatch(between)
        ):  # the date, a clause told, then its weekday pointed at ("10月17号我女儿结婚，那个
            # 礼拜六健身房开吗": that Saturday; another weekday than the date's stays asked)
            result[index] = TimeMention(mention.span, days, before.kind, None, ())
            continue
        if char == "末" and _POINTED_ATTACHED.fullmatch(between):
            # a day of a weekend named: that weekend ("重阳节那个周末" on a Sunday; not a weekday
            # of a festival's week: "国庆那个礼拜三" is inside the break, or the week before?)
            whole = TimeMention((before.span[0], mention.span[1]), days, "weekday", None, ())
            result[index - 1 : index + 1] = [whole]
            return _weekday_of_that_week(text, result, today)
        if (
            char != "末"
            and before.kind == "festival"
            and _POINTED_ATTACHED.fullmatch(between)
            and days[0] > day
        ):  # a weekday of the festival's week after its day ("端午那个礼拜六", 端午 a Friday):
            # that day, also the first such after it (one before it, "国庆那个礼拜三" of a
            # Thursday, stays asked: the week before, or inside the break?)
            whole = TimeMention((before.span[0], mention.span[1]), days, "date", None, ())
            result[index - 1 : index + 1] = [whole]
            return _weekday_of_that_week(text, result, today)
        if (
            _POINTED_THEN.fullmatch(between)
            and before.kind == "weekday"
            and char != "末"
            and days[0] == today + timedelta(days=(days[0].weekday() - today.weekday()) % 7)
            and _second_day_asked(text, before, TimeMention(mention.span, days, "weekday"), today)
        ):  # "礼拜一关门是吧 那礼拜二呢", "礼拜六开吗 那礼拜天呢": that week's day, the coming
            # one too, asked after the first: both asked
            result[index] = TimeMention(mention.span, days, "weekday", None, ())
            continue
        if (
            _POINTED_THEN.fullmatch(between)
            and not _SETTING_ASKS_ZH.search(between)  # "礼拜六开吗 那礼拜天呢": both asked
            and before.kind == "weekday"
            and char != "末"
            and days[0] == today + timedelta(days=(days[0].weekday() - today.weekday()) % 7)
        ):  # that week's day is the coming one too: no doubt which; the day before it told
            result[index] = TimeMention(mention.span, days, "weekday", None, ())
            result[index - 1] = TimeMention(before.span, (), "past", None, ())
    return result


# A verb right before 下 makes "下星期五" read as "(问)一下 星期五" too (voice input).
_VERB_BEFORE_XIA = re.compile(r"(?<!请)问$|[看查瞧一]$")  # "请问下周三" is 请问 + 下周三
# 一下 said after asking or looking, its 下 read into the day ("问一下下个礼拜二", "想看一下下周五")
_ASK_ONE_BEFORE_XIA = re.compile(r"(?:问|看|查|瞧|打听|了解|咨询|确认)\s*一$")

# A qualifier right before a weekday that its rule did not take changes which one is meant:
# "第二个礼拜六", "最后一个周五", "过了礼拜三", "大下周三", "下下下周一", "早上周三" (早上 +
# 周三, or 上周三?), "next next tuesday", "the first monday". The day is asked, never guessed.
_ZH_QUALIFIER_BEFORE = re.compile(
    r"(?:[上下大第最后隔]|过了?|[0-9零〇一二两三四五六七八九十廿卅几])\s*(?:个|一个)?\s*$"
)
_ZH_WORD_BEFORE_PREFIX = re.compile(r"[早晚马楼以上下大天]$")  # 早上 + 周三, 以下 + 周一
_EN_QUALIFIER_BEFORE = re.compile(
    r"\b(?:next|last|this|coming|following|first|second|third|fourth|fifth|final|after|past"
    r"|previous|before|by|since|1st|2nd|3rd|4th|5th)\s+$"
)
_EN_QUALIFIER_AFTER = re.compile(
    r"\s+(?:after\s+next|before\s+last|of\s+(?:next|the|this)\b|after\s*(?:$|[,.?!])"
    # after or before an event of the resident's own ("the weekend after my grandma's surgery",
    # "the saturday before his operation"): its day untold
    # (not a time of that day: "on friday after my work", "saturday before his lunch")
    r"|(?:after|before)\s+(?:my|his|her|our|their|your|[a-z]+'s)\s+(?!(?:work|shift|class(?:es)?"
    r"|lessons?|lunch|breakfast|dinner|supper|nap|school|job|walk|workout)\b))"
    # …or told as a clause of one's own coming and going ("the weekend after I get back from
    # Japan", "the saturday after we move", "the monday before she flies out"; round
    # twenty-nine, spent23): its day untold (not a time of that day: "after I get back from
    # work", "after we come back from the market")
    r"|\s+(?:after|before)\s+(?:i|we|he|she|they)\s+(?:(?:get|gets|come|comes|am|are|is|'m|'re"
    r"|fly|flies)\s+(?:back|home)(?!\s+from\s+(?:work|school|class|the\s+(?:office|market|shops?|gym)))"
    r"|return|returns|arrive|arrives|land|lands|move|moves|fly\s+out|flies\s+out|leave\s+for"
    r"|leaves\s+for|go\s+(?:abroad|away|on\s+(?:holiday|vacation|a\s+trip))"
    r"|(?:get|gets|am|is|'m)\s+(?:out\s+of\s+(?:the\s+)?hospital|discharged|married))\b"
)  # "the weekend after": after which?
# A weekday named without its week ("周四", "个礼拜三", "thursday"): a week named elsewhere
# in the question may be its week.
_BARE_WEEKDAY = re.compile(
    r"\s*个?\s*(?:周|星期|礼拜)|\s*(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)"
)
# A day of no month in particular: "28号", "月底", "the 5th", "end of the month"
_FLOATING_DATE = re.compile(
    r"\s*(?:[0-9一二三四五六七八九十廿卅]{1,3}\s*[号日]|月\s*[底末]|(?:on\s+)?(?:the\s+)?\d{1,2}"
    r"(?:st|nd|rd|th)|(?:end|(?:the\s+)?last\s+day)\s+of\s+(?:the\s+|this\s+)?month)\s*"
)
# A weekday named with its week: "下礼拜二", "next tuesday"
_WEEK_PREFIX = re.compile(
    r"\s*(?:下下|下|这|本|上上|上)\s*个?\s*(?:周|星期|礼拜)|\s*(?:next|this)\s"
)
# A date in figures that an English writer may mean either way round ("3/11", "5-6")
_EN_NUMERIC_DATE = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{1,2})")
# A number right before "十天后" that the rule did not take ("二十天后" read as 十天后).
# a count of days, not a name of ours ("1690今天开门吗": the centre, today)
_NUMBER_BEFORE = re.compile(r"(?<![0-9])[0-9]{1,2}\s*$|[零〇一二两三四五六七八九十廿卅几]\s*$")


def _week_days(said: str) -> int:
    """7 for "a week (on)", 14 for "a fortnight" (normalised to "two weeks")."""
    return 14 if "two" in said else 7


# "a week tomorrow", "a week today", "a fortnight today": a week (two) after the day.
_EN_WEEK_BEFORE_DAY = re.compile(r"\b(?:a\s+week|(?:a\s+)?two\s+weeks)\s+(?:from\s+)?$")


def _qualified(text: str, mention: TimeMention, mentions: list[TimeMention]) -> bool:
    """Whether a word next to ``mention`` that no rule took may change its day (a word of
    another day, "周六周日", is not such a word)."""
    start, end = mention.span
    own = text[start:end]
    while own[:1] in ("个", " "):  # "第三个周六": the weekday rule takes the 个
        own, start = own[1:], start + 1
    taken = max((m.span[1] for m in mentions if m.span[1] <= mention.span[0]), default=0)
    before = text[taken:start]
    if own.startswith("coming") and before.endswith("this "):  # "this coming monday"
        before = before[:-5]
    if mention.kind == "relative":
        return bool(_NUMBER_BEFORE.search(before)) and "天" in own
    if mention.kind not in ("weekday", "weekend"):
        return False
    if own[:1] in "上下":
        return bool(_ZH_WORD_BEFORE_PREFIX.search(before))
    if own[:1] in "周星礼":
        return bool(_ZH_QUALIFIER_BEFORE.search(before))
    if own[:1].isascii() and not own.startswith(("next", "this", "coming")):
        return bool(_EN_QUALIFIER_BEFORE.search(before) or _EN_QUALIFIER_AFTER.match(text, end))
    if own.startswith(("next", "this", "coming")):
        return bool(_EN_QUALIFIER_BEFORE.search(before) or _EN_QUALIFIER_AFTER.match(text, end))
    return False


def _near(today: date) -> tuple[date, ...]:
    return tuple(today + timedelta(days=n) for n in range(7))


# Words that make a second day a correction of the first, not a story: "周五也就是明天", "i mean"
_APPOSITION = re.compile(r"就是|即|我是说|不对|哦不|\bi\s+mean\b|\bthat\s+is\b|\bsorry\b")
# …only with the day it gives right after it ("周五也就是明天", "昨天，不对，今天", "yesterday, i
# mean today"): not a filler of speech in a long story ("我想问一下就是我昨天…", "就是人多",
# "sorry for the long message")
_APPOSED_GAP = re.compile(
    r"[\s,，:：、.\-—]*(?:我?说错了)?[\s,，:：、.\-—]*(?:是|说|讲|呃|嗯)?\s*"
    r"(?:(?:it'?s|is|on|the|this|make\s+that)\s+){0,2}"
)


_FILLER_APPOSITION = re.compile(r"就是|即|\bthat\s+is\b|\bsorry\b")


def _apposed(text: str, mentions: list[TimeMention]) -> bool:
    """A correction word (``_APPOSITION``), or a word that is a filler as often (就是, sorry)
    after a day and right before another one."""
    if any(not _FILLER_APPOSITION.fullmatch(f.group()) for f in _APPOSITION.finditer(text)):
        return True  # 不对, 哦不, 我是说, i mean: a correction wherever it is
    named = [m for m in mentions if m.resolved]
    return any(
        any(m.span[1] <= found.start() for m in named)
        and any(
            m.span[0] >= found.end() and _APPOSED_GAP.fullmatch(text, found.end(), m.span[0])
            for m in named
        )
        for found in _APPOSITION.finditer(text)
    )


_CLAUSE_END = re.compile(r"[,.!?;，。！？；\s]")
_CLAUSE_END_EN = re.compile(r"[,.!?;]|\s(?:and|but|so)\s")
_DONE = re.compile(r"了|过|\b(?:went|was|were|had|did|tried)\b")
# (吧, 伐 ask too: "今天总开了吧", "今朝开了伐")
_ASKED = re.compile(r"[?？]|吗|呢|吧|伐|几|开不开|有没有|\b(?:is|are|will|does|can|when|what)\b")


def _clause(text: str, span: tuple[int, int]) -> str:
    start, end = span
    ends = _CLAUSE_END if _CJK.search(text) else _CLAUSE_END_EN
    while start > 0 and not ends.match(text, start - 1):
        start -= 1
    while end < len(text) and not ends.match(text, end):
        end += 1
    return text[start:end]


# A festival told as gone by: "昨天立夏", "上礼拜国庆…", "国庆放完假…", "中秋刚过" (its next
# one, next year's, is not what is spoken of)
_FESTIVAL_GONE_BEFORE = re.compile(
    r"(?:昨天|前天|上礼拜|上个?星期|上周|上个月|前两天|前几天|刚刚?过了?的?|刚刚)\s*(?:的|是|正好是|刚好是)?\s*$"
)
_FESTIVAL_GONE_AFTER = re.compile(
    r"\s*(?:节|假期|长假)?\s*(?:(?:刚|已经|才)?(?:放完|过完|休完|放好)|刚过|(?:已经)?过去了|结束了|已经过了)"
)


def _festival_gone(text: str, mention: TimeMention) -> bool:
    return mention.kind == "festival" and bool(
        _FESTIVAL_GONE_BEFORE.search(text, 0, mention.span[0])
        or _FESTIVAL_GONE_AFTER.match(text, mention.span[1])
    )


# A visit or a door told as done with 的 ("年三十那天健身房开的", "除夕那天卫生站关门的")
_DONE_DE = re.compile(r"(?:开|关|关门|开门|休息|营业|上班|歇业)\s*(?:着)?\s*的(?![吗么呢伐])")
# A festival or lunar day told as done is the one just gone, however far its next one is
TOLD_FAR = timedelta(days=60)


def _festival_told_done(text: str, mention: TimeMention, today: date) -> bool:
    """A festival's or a lunar day's name read as its next one, far off, or not read at all
    (年三十, 除夕 and 初二 told in 正月), in a clause that tells what was done and asks nothing
    ("初二去食堂吃过了", "除夕那天卫生站关门的"): the story of the day just gone."""
    if mention.kind not in ("festival", "unsure") or (
        mention.resolved and min(mention.days) - today <= TOLD_FAR
    ):
        return False
    clause = _clause(text, mention.span)
    return bool(_DONE.search(clause) or _DONE_DE.search(clause)) and not _ASKED.search(clause)


def _past_as_context(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """A day gone by, told as what happened ("我昨天去卫生站没开门，今天开吗", "上礼拜一去了
    结果关着门", "今朝早上去食堂吃了早饭…明朝夜饭"), beside a day to come: that one is asked. Not
    when the two are joined ("昨天和今天") or one corrects the other ("也就是", "i mean")."""
    told_gone = {
        id(m)
        for m in mentions
        if (m.resolved and _festival_gone(text, m)) or _festival_told_done(text, m, today)
    }
    named = [m for m in mentions if m.resolved and id(m) not in told_gone]
    coming = [
        m for m in named if min(m.days) > today or (min(m.days) == today and not _story(text, m))
    ]
    if not coming or (_APPOSITION.search(text) and _apposed(text, mentions)):
        return mentions
    result = []
    for mention in mentions:
        gone = id(mention) in told_gone or (
            mention.resolved
            and (max(mention.days) < today or (mention.days == (today,) and _story(text, mention)))
        )
        joined = any(
            _JOINED.fullmatch(text[min(a.span[1], b.span[1]) : max(a.span[0], b.span[0])])
            for a, b in ((mention, c) for c in coming)
        )
        if gone and not joined:
            mention = TimeMention(mention.span, (), "past", None, ())
        result.append(mention)
    return result


# Today named only as the setting of a question about another day: the visit negated ("今天
# 不去", "not today", "can't make it today"), today's hours known ("今天有律师值班我晓得", "I know
# it's open today"), the resident taken up today ("今天加班走不开", "stuck at work today", "today
# is my day off") or today's visit done first ("after today's class")
_TODAY_NOT_VISITED = re.compile(
    r"不(?:去|来|过来|过去)|(?:去|来|过来)不(?:了|成)|不是\s*(?:今|$)"
    r"|\bnot\s+(?:today|tonight|this\s+(?:evening|morning|afternoon))\b"
    r"|\b(?:can'?t|cannot|won'?t|couldn'?t)\s+(?:make\s+it|come|go|get\s+there|be\s+there)\b"
    r"|\bnot\s+(?:going|coming)\b"
)
_TODAY_AS_SETTING = re.compile(
    r"晓得|知道|清楚|没空|没时间|不得空|走不开|有事|[上加]班|出差|外地|不在上海"
    r"|\b(?:i|we)\s+know\b|\baware\b|\bbusy\b|\bstuck\b|\bat\s+work\b|\bworking\b|\baway\b"
    r"|\bout\s+of\s+town\b|\btravell?ing\b|\bday\s+off\b|\boff\s+work\b|\bon\s+shift\b"
    r"|\bafter\s+today\b"
    # …today's own occasion or state ("我女儿今天生日", "today's booked out", "today's hours
    # are fine"), or today's date said as a fact ("今天是3月31号对吧", "today is the 31st")
    r"|生日|约满|排满|满了|\bbirthday\b|\bbooked\b|\bfull\b|\bfine\b"
    r"|^\W*(?:今天|今日|今朝|今儿)\s*(?:是|就是)?\s*(?:[\d一二三四五六七八九十]{1,4}\s*[号日月]|星期|礼拜|周"
    # …its lunar date ("今朝初二去人老多的", "今天是农历初五")
    r"|(?:农历|阴历)|初[一二三四五六七八九十]|十[一二三四五六七八九]|廿|二十[一二三四五六七八九]|三十)"
    r"|^\W*today\s+is\s+(?:the\s+)?(?:\d|\w+day\b)"
)
# The moment, not a day ("现在又要拍一张寸照", "I have it now"), in a quiet clause of a story
# beside a day to come asked outside it: the resident's state, not the day asked
_MOMENT_TOLD = re.compile(r"\s*(?:现在|目前|眼下|如今|\bnow\b|\bright\s+now\b)\s*")
# A clause about today that is set aside, whatever it asks ("今天人多不多我不管", "never mind
# today")
_TODAY_SET_ASIDE = re.compile(r"我?不管|不关心|先不说|\bnever\s*mind\b|\bdon'?t\s+care\b")
_TODAY_UNKNOWN = re.compile(r"不知道|不晓得|勿晓得|不清楚|\bdon'?t\s+know\b|\bnot\s+sure\b")
_SETTING_END_ZH = re.compile(r"[,.!?;:，。！？；：\s]")
_SETTING_END_EN = re.compile(r"[,.!?;:\-–—]|\s(?:but|and|so)\s")
_SETTING_ASKS_ZH = re.compile(r"[?？]|吗|呢|几|哪|([\u4e00-\u9fff])[不没]\1")  # "来不来"
_SETTING_ASKS_EN = re.compile(r"^\s*(?:is|are|does|do|will|can|could|when|what|how)\b(?!')")


# Today as the moment the resident asks, not the day asked: "今天先帮我看看7月1号照相馆开不开",
# "麻烦今天帮我查一下后天卫生站开伐", "今天问问 下礼拜三食堂有饭吗"
_TODAY_OF_ASKING = re.compile(
    r"\s*(?:先|就|麻烦|请|劳驾)?\s*(?:帮我|替我|给我|帮忙|帮阿拉|帮伲)?\s*"
    r"(?:看看|看一看|看一下|看下|查查|查一查|查一下|查下|问问|问一下|问下|打听一下|打听打听)"
)


def _today_of_asking(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """Today said right before a look or a question the resident asks for (``_TODAY_OF_ASKING``),
    beside a day to come named after it: the asking's, not the day asked ("today, check 1 July
    for me" is 1 July's)."""
    later = [m for m in mentions if m.resolved and min(m.days) > today]
    if not later:
        return mentions
    return [
        TimeMention(m.span, (), "past", None, ())
        if m.kind == "relative"
        and m.days == (today,)
        and _TODAY_OF_ASKING.match(text, m.span[1])
        and any(o.span[0] >= m.span[1] for o in later)
        else m
        for m in mentions
    ]


def _today_as_setting(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """Today, in a clause of its own that asks nothing and tells it as the setting (see
    ``_TODAY_AS_SETTING``), beside a day to come named outside that clause: the story's, and the
    other day is asked. Today negated as the day of the visit with no other day named: asked
    which day. Not when both are in one clause ("今天还是明天开门", "today or tomorrow")."""
    ends = _SETTING_END_ZH if _CJK.search(text) else _SETTING_END_EN
    asks = _SETTING_ASKS_ZH if _CJK.search(text) else _SETTING_ASKS_EN
    result = []
    story: set[tuple[int, int]] = set()
    for mention in mentions:
        if mention.kind != "relative" or mention.days != (today,):
            result.append(mention)
            continue
        start, end = mention.span
        while start > 0 and not ends.match(text, start - 1):
            start -= 1
        stop = ends.search(text, end)
        end = stop.start() if stop else len(text)
        setting = text[start:end]
        later = [
            m
            for m in mentions
            if m.resolved and min(m.days) > today and not (start <= m.span[0] < end)
        ]
        quiet = (not asks.search(setting) and not text.startswith(("?", "？"), end)) or bool(
            _TODAY_SET_ASIDE.search(setting)
        )
        if (
            not quiet
            or _TODAY_UNKNOWN.search(setting)
            or any(
                start <= m.span[0] < end
                for m in mentions
                if m is not mention and m.resolved and m.days != (today,)
            )  # "今天是3月31号": today's own date in its clause is no other day
        ):
            result.append(mention)
        elif later and (
            _TODAY_NOT_VISITED.search(setting)
            or _TODAY_AS_SETTING.search(setting)
            or _TODAY_SET_ASIDE.search(setting)
            or _MOMENT_TOLD.fullmatch(text, *mention.span)
        ):
            result.append(TimeMention(mention.span, (), "past", None, ()))
            # today's own date said in the same clause, and today asked before the resident
            # took it back ("现在开着伐？哦不对我今天去不了，后天"): the story's too
            story |= {
                m.span
                for m in mentions
                if m.resolved
                and m.days == (today,)
                and (
                    start <= m.span[0] < end
                    or (
                        m.span[1] <= start
                        and _TAKEN_BACK_WORD.search(text, m.span[1], mention.span[0]) is not None
                    )
                )
            }
        elif not later and _TODAY_NOT_VISITED.search(setting):  # "今天不去了 食堂几点开饭"
            result.append(TimeMention(mention.span, (), "unsure", None, _near(today)[1:]))
        else:
            result.append(mention)
    return [
        TimeMention(m.span, (), "past", None, ()) if m.resolved and m.span in story else m
        for m in result
    ]


# A visit placed by a condition of no day ("等天凉快点去", "天冷下来以后", "once my cast is off",
# "when it warms up", "one of these days"): some day to come, not today ("等一下", "等会儿",
# "when I get off work" are today's)
_LATER_VISIT = re.compile(
    r"(?:^|(?<=[\s,.!?，。！？我就再先]))等(?!一下|下|一会|会|等|着|候|待|位|号|车)"
    # (waited until a clock time is how long one waited, not a visit to come: "等到八点十分门还
    # 关着", "等到九点半")
    r"(?!到?\s*(?:早上|上午|中午|下午|晚上|夜里)?\s*[0-9一二三四五六七八九十两]{1,3}\s*(?:点|:|：))"
    r"[\u4e00-\u9fff]{1,10}?(?:了|以后|之后|后|的时候|点|些|起来|下来|回来|回家|回上海)"
    # the next time a condition holds ("下趟落雨天", "下次下雨天", "下回有空"): not today
    r"|(?:下趟|下次|下回|下一次|下一趟)[\u4e00-\u9fff]{0,3}?(?:落雨|下雨|下雪|落雪|天好|出太阳|晴天|有空|空了|得空)"
    # the resident's own free day, not named ("哪天有空带我妈去量血压", "等我有空去", "whenever
    # i'm free"): some day to come ("活动室哪天有空" is the room's, no visit follows)
    r"|(?:哪天|哪一天|哪日|啥时候|什么时候|几时|等(?:到)?)\s*(?:我|阿拉|我们|伲|侬)?\s*"
    r"(?:有空|得空|有时间|有辰光|空了|空下来|闲下来|方便)(?:了|的话|就|再)?"
    r"(?=\s*(?:带|陪|领|推|送|扶|去|来|过去|过来|跑))"
    # a fine day to be picked, none named ("哪天天气好想去看看展", "哪天不落雨带孙子来"; round
    # thirty, spent31): a room has no weather, so no visit word need follow
    r"|(?:哪天|哪一天|哪日|啥时候|什么时候|几时)\s*(?:天气|天)?\s*(?:好|晴|暖和|凉快|不冷|不热|不下雨"
    r"|不落雨|出太阳|放晴)(?:了|的话|点|一点|些)?"
    r"|\b(?:whenever|when|once)\s+(?:i|we)(?:'m|\s+am|'re|\s+are)\s+free\b(?!\s+(?:today|tonight|now))"
    r"|\b(?:whenever|when)\s+(?:i|we)\s+(?:have|get|find)\s+(?:some\s+)?(?:spare\s+)?(?:time|a\s+chance)\b"
    r"|天(?:气)?(?:变)?(?:冷|热|凉|暖)(?:快)?(?:了|下来|起来|一点|点|些)?(?:以后|之后|的时候|后)"
    r"|\b(?:when|once|after)\s+(?:it|the\s+weather)\s+(?:(?:gets|turns|is)\s+(?:a\s+bit\s+)?"
    r"(?:cool|warm|cold|hot|mild|nice|good|fine|sunny|better)\w*|warms\s+up|cools\s+down)\b"
    r"|\b(?:when|once|after)\s+(?:my|our|his|her|their|the)\s+(?:\w+\s+){0,2}(?:is|are)\s+"
    r"(?:off|over|done|healed|finished|better|gone|out)\b"
    r"|\bone\s+of\s+these\s+days\b|\bin\s+a\s+few\s+(?:weeks|months)\b"
    # an evening (morning…) to be picked, none named: "one of these evenings", "some night",
    # "one afternoon I'll drop by" (a week or day named beside it is read first)
    r"|\bone\s+of\s+these\s+(?:evening|night|morning|afternoon)s?\b"
    r"|\b(?:some|one)\s+(?:evening|night|morning|afternoon)\b"
    r"(?!\s+(?:this|next|last|today|tomorrow|soon|\w+day)\b)"
    # the next visit, whenever it is ("下次去健身房", "下趟来", "next time I'm at the gym")
    r"|下(?:一)?(?:次|回|趟)(?![\u4e00-\u9fff]{0,2}(?:周|星期|礼拜|月|号))|\bnext\s+time\b"
    # a time named by an event told just before ("…考完试…到时候开伐", "are you open then?")
    r"|到时候|那时候|那个时候|到辰光|那辰光|届时|(?<![几点])到时间(?!了|表|点)|\b(?:open|there|on|be)\s+then\b|\bby\s+then\b"
    # an event of the resident's life ("结婚以后", "出院以后", "考完试", "my son's wedding")
    r"|(?:结婚|出院|手术|开刀|考完试?|考试结束|毕业|退休|回国|搬家|搬好家|装修好|生完|满月|拿到|批下来"
    r"|办好|回来)(?:以后|之后|后|的时候)"
    r"|\b(?:when|once|after)\s+(?:my|our|his|her|their)\s+(?:\w+'s\s+)?(?:\w+\s+){0,2}"
    r"(?:is|are|gets|get|comes|come)\s+(?:approved|through|back|sorted|ready|done|issued|granted)\b"
    r"|\bafter\s+(?:my|our|his|her|their)\s+(?:\w+'s\s+)?(?:wedding|surgery|operation|graduation"
    r"|exams?|trip|holiday|move|recovery|treatment|retirement)\b"
    # after a recovery: "after mum's cataract surgery", "once she recovers", "做完手术以后",
    # "出院以后", "腿好了以后"
    r"|\b(?:after|once|when)\s+(?:my|our|his|her|their|the|\w+'s)\s+(?:\w+\s+){0,2}?"
    r"(?:surgery|operation|op|treatment|chemo|recovery|rehab)\b(?!\s+(?:yesterday|last|this|on)\b)"
    r"|\b(?:once|when)\s+(?:i|he|she|we|they|my\s+\w+|mum|mom|dad)\s+(?:recovers?|gets?\s+better"
    r"|(?:is|am|are)\s+(?:better|back\s+on\s+(?:his|her|my|our)\s+feet|out\s+of\s+hospital))\b"
    r"|(?:做完|开完|动完)(?:手术|刀)(?:以后|之后|后)|出院(?:以后|之后|后)"
    r"|(?:病|伤|脚|腿|腰|手|眼睛)(?:养)?好了?(?:以后|之后)"
    # another's term or camp over, or school back (round thirty): "孙子夏令营结束以后", "开学以后",
    # "等暑托班结束" (their dates, not ours)
    r"|(?:夏令营|冬令营|暑托班?|托班|培训班?|军训|学期|开学|放寒假|放暑假)(?:结束了?|完了?)?(?:以后|之后)"
    r"|(?:夏令营|冬令营|暑托班?|托班|培训班?|军训|学期)(?:结束|完)了?(?:以后|之后|后|的时候)?"
    # a day by its weather, some day to come (round thirty): "台风天", "下雨天", "台风来的时候"
    r"|(?:台风|刮台风|下雨|大雨|暴雨|下雪|高温|大风|雾霾)天(?!气)|台风来(?:了|的时候)"
    r"|\b(?:on|during)\s+(?:a\s+)?(?:rainy|typhoon|stormy|snowy)\s+days?\b"
)

# A visit asked in English with no hours word ("can I drop by the legal aid desk one of these
# days?"): placed by a condition of no day, it is asked which day too (round twenty-seven)
_DROP_BY = re.compile(
    r"\b(?:drop|pop|stop|swing|come|call)\s+(?:by|in|into|round|over)\b|\bvisit\b"
)
# …not a moment of the day ("等下班了", "等孙子放学了", "when my shift is over")
_EVENT_OF_THE_DAY = re.compile(
    r"下班|放学|下课|吃[好完过]饭|午睡|睡醒|忙完|天黑|\b(?:shift|work|school|class|lunch|dinner)\b"
)


def _later_visit(text: str, today: date) -> TimeMention | None:
    """The visit placed at no day by a condition to come (``_LATER_VISIT``): asked which day,
    with the days to come offered (today is not among them)."""
    found = _LATER_VISIT.search(text)
    if found is None or _EVENT_OF_THE_DAY.search(found.group()):
        return None  # "等孙子放学了", "when my shift is over": later today
    return TimeMention(found.span(), (), "unsure", None, _near(today)[1:])


# A day taken back and another given: "明天，哦不，后天", "明朝……勿对，后日", "tomorrow — no wait,
# friday", "monday, sorry, tuesday"
_TAKEN_BACK = re.compile(
    r"[\s,，。.…—–\-!！]*(?:(?:哦|噢|啊|呃)?\s*(?:不对|不是|哦不|说错了|搞错了|讲错了|错了|我是说"
    r"|\bno\b|\bwait\b|\bsorry\b|\bi\s+mean\b|\bactually\b|\bor\s+rather\b|\bmake\s+that\b)"
    r"[\s,，。.…—–\-!！]*)+"
)
_PAUSE = re.compile(r"[\s,，。.…—–\-!！哦噢啊呃]")
# …taken back after the whole question, as it is dictated: "今天夜里健身房开到几点 哦不对是明天夜里"
# (the correction right before the last day, after a pause; not "不对外开放")
_TAKEN_BACK_LAST = re.compile(
    r"[\s,，。.…—–\-!！](?:哦|噢|啊|呃)?\s*(?:不对|说错了|搞错了|讲错了)(?![外劲头])"
    r"[\s,，。.…—–\-!！]*(?:应该|我是说)?\s*是?\s*$"
)
_TAKEN_BACK_WORD = re.compile(r"不对|哦不|说错了|搞错了|讲错了|\bno\s+wait\b|\bactually\b")
# A day in a clause told as done ("i went to the gym on monday", "i came on the 14th but it was
# shut", "上礼拜一去过了"): the story's, beside a day asked in another clause
_DONE_CLAUSE = re.compile(
    r"去过|来过|去了一趟|来了一趟|白跑|扑了个空|\b(?:went|came|was|were|had|did|tried|visited"
    r"|got)\b"
    # a visit missed: "重阳节那天我没去成", "错过了"
    r"|没去成|没能去|没来成|没赶上|错过|\bmissed\b"
    # a door found shut, an errand done there ("周一去照相馆吃了闭门羹", "调休的周六我来办过社
    # 保"; not "来上海过年")
    r"|闭门羹|[来去][\u4e00-\u9fff]{1,2}过(?![年节日来去])"
    # the last visit ("上次礼拜六去的时候律师在的")
    r"|上一?(?:次|回|趟)"
)
# "when" of a visit told, not a question ("the rooms were packed when I went on Sunday")
_WHEN_TOLD = re.compile(
    r"\bwhen(?=\s+(?:i|we|he|she|they|my\s+\w+|mum|mom|dad)\s+(?:went|was|were|came|had|did"
    r"|tried|visited|got|called|dropped)\b)"
)
_DONE_CLAUSE_END = re.compile(r"[,.!?;，。！？；—–]|\s-\s|\sbut\s")
_DONE_CLAUSE_END_ZH = re.compile(r"[,.!?;，。！？；—–\s]")


# A day ruled out before the one asked: "不是礼拜五，礼拜四", "不是这周六，是下周六", "礼拜六不
# 行，礼拜天…", "not friday, thursday"
_RULED_OUT_BEFORE = re.compile(r"(?:不是|\bnot\b)\s*$")
_RULED_OUT_AFTER = re.compile(r"\s*(?:不行|不方便|没空|没时间|来不了|去不了)")
_RULED_OUT_GAP = re.compile(
    r"[\s,，、;；]*(?:不行|不方便|没空|没时间|来不了|去不了)?[\s,，、;；]*"
    r"(?:而?是|要|改成|那|but|rather)?\s*(?:the\s+)?"
)


# A correction after the first day's clause, then only the new day: "周四晚上 啊说错了周五晚上",
# "这周六下午有课伐 哦我讲错了 是下礼拜六"; a change of mind after a pause ("下周一 嗯…还是下周二
# 吧", "tomorrow but I have work, so Saturday morning instead"); a day the resident says is not
# the one asked or that they will not come on ("不是问今天哈，问的是礼拜六", "我不要周末去 人多
# 下周三…")
_CORRECTED_AT = re.compile(
    # (不对 after a pause or a question, not a remark's "人多不对")
    r"(?<![^\s,，。.…!！?？吗呢吧啊哦噢~])(?:哦|噢)?不对(?!外)|哦不|说错了|搞错了|讲错了|弄错了|打错了|\bno\s+wait\b"
    r"|\bor\s+rather\b|\bscratch\s+that\b|\bcorrection\b"
)
_CORRECTED_TO = re.compile(
    r"[\s,，。.…—–\-!！:：]*(?:(?:是|我是说|应该是|改成|换成|\bi\s+mean\b|\bmake\s+(?:that|it)\b"
    r"|\bi\s+meant\b)[\s,，:：]*)?(?:\bthe\s+)?"
)
_MIND_CHANGED_ZH = re.compile(r"[\s,，.…]+(?:嗯|呃|唔|算了)?[\s,，.…]*还是\s*$")
_MIND_CHANGED_ZH_AFTER = re.compile(r"\s*吧")
_INSTEAD_AFTER = re.compile(
    r"(?:\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night))?\s+instead\b(?!\s+of\b)"
)
_FALLBACK_EN = re.compile(r"\b(?:if\s+not|otherwise|or\s+else|in\s+case)\b")
_NOT_ASKED_BEFORE = re.compile(r"不是(?:问|说|讲)\s*$")
_NOT_ASKED_GAP = re.compile(
    r"\s*(?:哈|啊|呀|哦|嘛|的)?[\s,，。;；]*(?:(?:我)?(?:问的是|说的是|讲的是|要问的是|是问|问)\s*)?"
)
# (not the A-not-A ask "要不要明天去", "能不能周五来": a choice weighed, the day still asked)
_NOT_COMING_BEFORE = re.compile(
    r"(?:(?<!要)不要|(?<!想)不想|(?<!能)不能|(?<!打)不打算|(?<!准)不准备|没法|没办法)\s*(?:在)?\s*$"
)
_NOT_COMING_BEFORE_EN = re.compile(
    r"\b(?:can'?t|cannot|won'?t|couldn'?t|not\s+able\s+to)\s+(?:make\s+it|come|go|get\s+there"
    r"|be\s+there)(?:\s+(?:on|this))?\s*$"
)
_NOT_COMING_AFTER = re.compile(r"\s*(?:去|来|过来|过去)(?![\u4e00-\u9fff]*[吗伐呢?？])")


def _corrected(text: str, first: TimeMention, second: TimeMention) -> bool:
    """Whether ``first`` is taken back or ruled out before ``second`` in the ways of
    ``_CORRECTED_AT`` and below (the first clause asking nothing else once corrected)."""
    between = text[first.span[1] : second.span[0]]
    start, end = first.span
    if (at := list(_CORRECTED_AT.finditer(between))) and _CORRECTED_TO.fullmatch(
        between, at[-1].end()
    ):
        return True
    if _MIND_CHANGED_ZH.search(between) and _MIND_CHANGED_ZH_AFTER.match(text, second.span[1]):
        return True
    if (
        _INSTEAD_AFTER.match(text, second.span[1])
        and not _INSTEAD_AFTER.search(between)
        # (not after the first day asked, the second a fallback: "open tomorrow? if not I'll go
        # saturday instead" asks tomorrow)
        and not _FIRST_ASKS.search(between)
        and not _FALLBACK_EN.search(between)
    ):
        return True
    if _NOT_ASKED_BEFORE.search(text, 0, start) and _NOT_ASKED_GAP.fullmatch(between):
        return True
    return bool(
        (
            (_NOT_COMING_BEFORE.search(text, 0, start) and _NOT_COMING_AFTER.match(text, end))
            or _NOT_COMING_BEFORE_EN.search(text, 0, start)  # "I can't come tomorrow, is…"
        )
        and not _FIRST_ASKS.search(between)
    )


def _days_taken_back(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The first of two days told one after the other with only a correction between them, or
    the first ruled out ("不是礼拜五，礼拜四"): the second is asked, the first kept as the
    story's (its words are no day no rule took)."""
    named = [m for m in mentions if m.resolved]
    for first, second in itertools.pairwise(named):
        between = text[first.span[1] : second.span[0]]
        if (
            between.strip()
            and _RULED_OUT_GAP.fullmatch(between)
            and (
                _RULED_OUT_BEFORE.search(text, 0, first.span[0]) or _RULED_OUT_AFTER.match(between)
            )
        ):
            return [
                TimeMention(m.span, (), "past", None, ()) if m is first else m for m in mentions
            ]
        # a pause or an interjection before the correction ("明天不是周五吗" asks, not corrects)
        if (
            (_TAKEN_BACK.fullmatch(between) and _PAUSE.search(between))
            or (second is named[-1] and _TAKEN_BACK_LAST.search(between))
            or _corrected(text, first, second)
        ):
            return [
                TimeMention(m.span, (), "past", None, ()) if m is first else m for m in mentions
            ]
    return mentions


def _days_told_done(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """Days (or days asked back for a word beside them) in a clause told as done, that asks
    nothing, beside a day to come in a clause that asks: the story's."""

    ends = _DONE_CLAUSE_END_ZH if _CJK.search(text) else _DONE_CLAUSE_END

    def clause(span: tuple[int, int]) -> tuple[int, int]:
        start, end = span
        while start > 0 and not ends.match(text, start - 1):
            start -= 1
        stop = ends.search(text, end)
        return start, stop.start() if stop else len(text)

    def said(span: tuple[int, int]) -> str:
        told = text[slice(*clause(span))]
        return _WHEN_TOLD.sub("", told) if "when" in told else told

    def done(mention: TimeMention) -> bool:
        told = said(mention.span)
        return bool(_DONE_CLAUSE.search(told)) and not _CLAUSE_ASKS.search(told)

    last = max((m.span[1] for m in mentions), default=0)
    asked = [
        m
        for m in mentions
        if m.resolved
        and min(m.days) >= today
        and (
            _CLAUSE_ASKS.search(said(m.span))
            # the last day named, in a clause that tells the plan, and the question after it
            # with no day of its own ("…想明天补过去 活动室还开不开")
            or (
                m.span[1] == last
                and m.kind != "festival"
                and not done(m)
                and _CLAUSE_ASKS.search(text, clause(m.span)[1])
            )
        )
    ]
    if not asked:
        return mentions
    return [
        TimeMention(m.span, (), "past", None, ())
        if m not in asked
        # a festival told as missed ("重阳节那天我没去成"): this year's, gone by
        and m.kind in ("weekday", "date", "relative", "unsure", "festival")
        and done(m)
        and not any(clause(m.span)[0] <= a.span[0] < clause(m.span)[1] for a in asked)
        else m
        for m in mentions
    ]


# What the resident does not remember: "我记不清是礼拜四还是礼拜五上课", "I forget if it's
# thursday or friday"
_NOT_REMEMBERED = re.compile(
    r"记不清|记不得|不记得|记勿清|忘记了?|忘了|搞不清|弄不清|吃不准|\bforg[eo]t\b|\bnot\s+sure\s+if\b"
    r"|\bcan'?t\s+remember\b|\bdon'?t\s+remember\b"
)


_FORGOT_SAID = re.compile(r"\s*了?\s*(?:[,，。.!！;；]|$)")


def _days_not_remembered(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """Days in a clause of what the resident does not remember, beside a day asked outside it
    ("明朝夜里夜校有课伐 我记不清是礼拜四还是礼拜五上课"): the story's, not asked."""
    found = _NOT_REMEMBERED.search(text)
    if found is None:
        return mentions
    start = found.end()
    if _CJK.search(text) and _FORGOT_SAID.match(text, found.end()):
        # "律师是周三在还是周四在？我记不清了，今天明天哪天能来": what is not remembered is
        # the sentence just said before it (the days after it are asked)
        head = text[: found.start()].rstrip(" 我都也实在真")
        head = head.rstrip("。.!！?？;；，, ")
        start = max(head.rfind(c) for c in "。.!！?？;；") + 1
        end = found.start()
    elif _CJK.search(text):  # to the end of the text ("我记不清是礼拜四还是礼拜五上课")
        end = len(text)
    else:  # to the end of its clause ("i can't remember if it's tuesday or thursday, is…")
        stop = re.compile(r"[,.!?;]").search(text, found.end())
        end = stop.start() if stop else len(text)
    inside = [m for m in mentions if m.resolved and start <= m.span[0] < end]
    outside = [m for m in mentions if m.resolved and m not in inside]
    if not inside or not outside:
        return mentions
    return [TimeMention(m.span, (), "past", None, ()) if m in inside else m for m in mentions]


# A clause that asks (without 几, which also counts: "过年几天的药")
_CLAUSE_ASKS = re.compile(
    r"[?？]|吗|呢|吧|伐|开不开|有没有|几点|\b(?:is|are|will|does|do|can|when|what)\b"
    # asked in the written style too (round twenty-nine, spent29: "不知是日阅览室几时开放")
    r"|几时|何时|是否|可否|能否"
)
# A day told as gone by: "xmas is long gone but…", "元旦已经过了"
_GONE_AFTER = re.compile(
    r"\s*(?:is|was)\s+(?:long\s+)?(?:gone|over|past|behind\s+us)\b|\s*(?:已经)?(?:过了|过完了|过去了)"
)


# A weekday's rule told, not a day asked: "mondays are off", "sundays are closed" (the plural),
# "讲礼拜一休息", "原来周一闭馆" (told by someone, or found out)
_DAY_OFF_RULE_EN = re.compile(
    r"\s+(?:are|were)\s+(?:always\s+|usually\s+|now\s+)?(?:off|closed|shut|(?:a\s+|your\s+|the\s+)?"
    r"(?:days?\s+off|rest\s+days?|closing\s+days?))\b"
)
_DAY_OFF_RULE_ZH = re.compile(
    r"\s*(?:都|是|要|固定)?\s*(?:休息|不开门?|闭馆|关门|歇业|公休|不营业)"
)
_TOLD_RULE_ZH = re.compile(r"说|讲|告诉|通知|知道|原来|写|贴")
_RULE_ASKED = re.compile(
    r"[?？]|吗|呢|伐|么|\b(?:are|is|do|does)\s+(?:\w+\s+)?(?:mon|tue|wed|thu|fri|sat|sun)"
)


def _told_a_weekday(text: str, day: TimeMention, mentions: list[TimeMention]) -> bool:
    """Whether the day is told right after to be a weekday ("情人节是礼拜六", "情人节是礼拜天" when
    02-14 is a Saturday; round thirty): the day itself (its own weekday) or which of the two is
    meant (another) is asked, the day is not the story's."""
    following = next((m for m in mentions if m.span[0] >= day.span[1]), None)
    return (
        following is not None
        and following.kind == "weekday"
        and len(day.days) == 1
        and _OWN_WEEKDAY.fullmatch(text[day.span[1] : following.span[0]]) is not None
    )


def _occasions_told(
    text: str, mentions: list[TimeMention], venue_spans: tuple[tuple[int, int], ...]
) -> list[TimeMention]:
    """Festivals named as the occasion in a clause that asks nothing and names no venue
    ("…我们两个老的过年不想烧", "…要排练迎新春节目", "去年腊八…烧了腊八粥"), and days told as
    gone ("xmas is long gone but…"), beside a day asked in the venue's clause: the story's."""

    def venue_in(clause: str, near: int) -> bool:
        start = text.find(clause, max(0, near - len(clause)))
        return any(start <= v[0] < start + len(clause) for v in venue_spans)

    asked = [
        m
        for m in mentions
        if m.resolved
        and _CLAUSE_ASKS.search(clause := _clause(text, m.span))
        and venue_in(clause, m.span[0])
    ]
    after = 0  # the story's festivals: anywhere, or after the venue when the days lead
    if not asked and venue_spans:
        # "年初二到年初四 食堂开伐 我们两个老的过年不想烧": the days, then the venue asked
        # in a clause of its own, then the story
        first_venue = min(v[0] for v in venue_spans)
        asked = [m for m in mentions if m.resolved and m.span[1] <= first_venue]
        after = max(v[1] for v in venue_spans)
    if not asked:
        return mentions
    result = []
    for mention in mentions:
        clause = _clause(text, mention.span)
        told = (
            mention.resolved
            and mention.span[0] >= after
            and mention not in asked
            and (
                (
                    mention.kind == "festival"
                    and not _CLAUSE_ASKS.search(clause)
                    and not venue_in(clause, mention.span[0])
                    and not _listed_day(text, mention.span)
                    and not _told_a_weekday(text, mention, mentions)
                )
                or bool(_GONE_AFTER.match(text, mention.span[1]))
                # the venue's day off told as a rule ("nobody told me mondays are off", "也没
                # 人讲礼拜一休息"): every such day, not a day asked (r26 dev97)
                or (
                    mention.kind == "weekday"
                    # (the rule's own "are" asks nothing: "mondays are off")
                    and not _RULE_ASKED.search(clause)
                    and bool(
                        _DAY_OFF_RULE_ZH.match(text, mention.span[1])
                        and _TOLD_RULE_ZH.search(clause)
                        if _CJK.search(text)
                        else _DAY_OFF_RULE_EN.match(text, mention.span[1])
                    )
                )
            )
        ) or (
            # a break just ended (next year's or this one gone by?) in a clause that asks
            # nothing and names no venue: the story's ("国庆我去了三次次次关门", "国庆七天天天吃
            # 泡面我受够了", r26 dev97)
            not mention.resolved
            and mention.kind == "unsure"
            and _festival_unsure(text, mention)
            and mention.span[0] >= after
            and not _CLAUSE_ASKS.search(clause)
            and not venue_in(clause, mention.span[0])
            and not _listed_day(text, mention.span)  # "明天食堂开吗 国庆": asked too
        )
        result.append(TimeMention(mention.span, (), "past", None, ()) if told else mention)
    return result


def _festival_unsure(text: str, mention: TimeMention) -> bool:
    """Whether an unsure mention is a festival's: a break's, or 小年 said alone (asked with 廿三
    and 廿四: "小年我回老家，明天食堂开吗", "小年快到了，明天健身房开吗" were asked which 小年;
    r29 r1)."""
    return mention.festival is not None or "小年" in text[mention.span[0] : mention.span[1]]


# A festival said to be coming, in a clause of its own ("兹因重阳将至，拟于九月初九前一日…",
# "中秋快到了，…", "with Double Ninth coming up, …"; round twenty-nine, spent29): the occasion,
# beside another day named
_COMING_AFTER = re.compile(
    r"\s*(?:节)?\s*(?:将至|将近|临近|在即|快到了|快要到了|就要到了|马上(?:就)?(?:要)?到了|要到了|来临|到来之际"
    r"|即将(?:到来|来临)|(?:is|'s)\s+(?:coming(?:\s+up)?|around\s+the\s+corner|near|approaching)\b"
    r"|coming\s+up\b)"
)


def _festival_coming_told(
    text: str, mentions: list[TimeMention], venue_spans: tuple[tuple[int, int], ...]
) -> list[TimeMention]:
    """A festival said as coming, in a clause naming no venue, beside another day named: the
    story's occasion, not a day asked."""
    festivals = [m for m in mentions if m.kind == "festival" and m.resolved]
    if not festivals:
        return mentions
    result = []
    for mention in mentions:
        if mention in festivals and _COMING_AFTER.match(text, mention.span[1]):
            start, end = _clause_span(text, mention.span)
            others = [m for m in mentions if m.resolved and m is not mention and m.span[0] >= end]
            if others and not any(start <= v[0] < end for v in venue_spans):
                mention = TimeMention(mention.span, (), "past", None, ())
        result.append(mention)
    return result


# Nothing in a clause but its day ("…on chinese new year's eve and the first day of chinese new
# year?"): one more day of the list asked, not a story's occasion
_LISTED_ONLY = re.compile(r"(?:\s|\b(?:and|or|also|on|the|both)\b)*")


# A break just ended told as a time the venue was shut: "国庆七天食堂都关的", "国庆窗口关了一个礼拜"
_BREAK_TOLD_SHUT = re.compile(r"都关|关(?:了|的|着)|没开|不开的|休息了")


def _break_told_shut(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A break just ended (next year's or this one gone by?) in a clause that asks nothing and
    tells it shut ("国庆七天食堂都关的 吃了一礼拜外卖 明天总归开了吧"), beside a day asked in a
    clause that asks: the story's (the venue in its clause, unlike ``_occasions_told``)."""
    if not any(m.resolved and _CLAUSE_ASKS.search(_clause(text, m.span)) for m in mentions):
        return mentions
    return [
        TimeMention(m.span, (), "past", None, ())
        if not m.resolved
        and m.kind == "unsure"
        and m.festival is not None
        and not _CLAUSE_ASKS.search(clause := _clause(text, m.span))
        and _BREAK_TOLD_SHUT.search(clause)
        else m
        for m in mentions
    ]


def _listed_day(text: str, span: tuple[int, int]) -> bool:
    start, end = _clause_span(text, span)
    return bool(
        _LISTED_ONLY.fullmatch(text, start, span[0]) and _LISTED_ONLY.fullmatch(text, span[1], end)
    )


# The resident's own coming and going, told: "我3号夜里旅游回来", "31号飞回来", "we get back on
# the 2nd", "my flight lands on the 6th", "我5号出发"
_COMING_AND_GOING = re.compile(
    r"回来|回到|到家|回家|回上海|回沪|返沪|到上海|落地|飞回|出院|回国|回老家|出发|动身|离开|出差|旅游"
    r"|\b(?:get(?:s|ting)?\s+back|c[oa]me?s?\s+back|coming\s+back|(?:i'?m|we'?re|are|am|be)\s+back"
    r"|arriv(?:e|es|ing)|return(?:s|ing)?|lands?|landing|fl(?:y|ies|ying)\s+(?:back|home|in|out)"
    r"|leav(?:e|es|ing)|head(?:s|ing)?\s+(?:home|off|out))\b"
    # …or someone's visit to the resident ("女儿礼拜天有辰光来看看我", "my son visits on sundays")
    r"|来看(?:看|望)?(?:我|阿拉|伲|我们|伊|他|她)|来探望|来陪(?:我|阿拉|伊|他|她)"
    r"|\b(?:visits?|comes?\s+(?:over|round|to\s+see))\s+(?:me|us|him|her|them|on)\b"
)


# …pointed back to by the question ("…until then?", "…走之前", "回来以后"): the day counts
_POINTED_BACK = re.compile(
    r"\b(?:then|that\s+day|before\s+(?:i|we)\b)|那天|那时|到时|之前|以前|(?:回来|到家)(?:以|之)?后"
)


def _clause_span(text: str, span: tuple[int, int]) -> tuple[int, int]:
    start, end = span
    ends = _CLAUSE_END if _CJK.search(text) else _CLAUSE_END_EN
    while start > 0 and not ends.match(text, start - 1):
        start -= 1
    while end < len(text) and not ends.match(text, end):
        end += 1
    return start, end


def _comings_and_goings_told(
    text: str, mentions: list[TimeMention], venue_spans: tuple[tuple[int, int], ...]
) -> list[TimeMention]:
    """The day of the resident's own coming back or leaving, told in a clause that asks
    nothing and names no venue, beside a day asked in a clause with the venue ("我3号夜里旅游
    回来 4号能去卫生站配药伐", "we get back on the 2nd, is the gym open on the 3rd?"): the
    story's, not a second day asked."""

    def venue_in(clause: tuple[int, int]) -> bool:
        return any(clause[0] <= v[0] < clause[1] for v in venue_spans)

    clauses = {id(m): _clause_span(text, m.span) for m in mentions if m.resolved}
    asked = [
        m
        for m in mentions
        if m.resolved and _CLAUSE_ASKS.search(text, *clauses[id(m)]) and venue_in(clauses[id(m)])
    ]
    if not asked:
        return mentions
    told = [
        m
        for m in mentions
        if m.resolved
        and m not in asked
        and m.kind in ("date", "weekday", "relative")
        and not _CLAUSE_ASKS.search(text, *clauses[id(m)])
        and not venue_in(clauses[id(m)])
        and _COMING_AND_GOING.search(text, *clauses[id(m)])
        and not any(
            # (a day's own words are not pointed back: "端午节那天")
            not any(o.span[0] <= back.start() < o.span[1] for o in mentions)
            for back in _POINTED_BACK.finditer(text, m.span[1])
        )
    ]
    return [TimeMention(m.span, (), "past", None, ()) if m in told else m for m in mentions]


def _story(text: str, mention: TimeMention) -> bool:
    """Today told as done ("今天早上去食堂吃了早饭"), not asked."""
    clause = _clause(text, mention.span)
    return bool(_DONE.search(clause)) and not _ASKED.search(clause)


# The first weekday after a day, or the last one before: "国庆节后第一个星期一", "清明前最后一个
# 礼拜五", "the first saturday after qingming", "the last friday before christmas"
_MONTH_END = re.compile(r"(?:这个?|本)?\s*月\s*(?:的\s*)?[底末]")
_MONTH_END_WEEKDAY = re.compile(r"\s*(?:的|那|那个|最后一个|最后那个)?\s*")
_ZH_FIRST_AFTER = re.compile(
    # (the count may go unsaid: "清明以后的星期二", "国庆前的礼拜五" are the first / the last)
    r"\s*节?\s*的?\s*(?:之|以|过)?(后|前)\s*的?\s*(?:(?:第\s*[一1]|最后\s*[一1]?)\s*个?)?\s*$"
)
# …or the day told as past before it: "过了元宵节第一个礼拜六", "过完国庆头一个周六"
_ZH_PAST_ANCHOR = re.compile(r"(?:过了|过完|过好|等过了|等过完)\s*$")
_ZH_FIRST_PAST = re.compile(
    r"\s*节?\s*(?:以后|之后|后)?\s*的?\s*(?:第\s*[一1]|头\s*[一1]?)\s*个?\s*$"
    r"|\s*节?\s*(?:以后|之后|后)?\s*[,，]?\s*$"  # "过完端午 礼拜一"
)
# …or the break's end said outright: "国庆假期结束后的第一个星期一", "十一长假放完以后第一个礼拜天"
# (counted from the break's last day, whatever the festival's own day: nothing left to ask)
_ZH_FIRST_AFTER_END = re.compile(
    r"\s*(?:假期?|长假|小长假)?\s*(?:结束|放完|休完|过完)\s*了?\s*(?:之|以)?后\s*的?\s*"
    r"(?:第\s*[一1]|头\s*[一1]?)\s*个?\s*$"
)
_EN_FIRST_AFTER = re.compile(r"\s+(after|before)\s+(?:the\s+)?$")
_EN_FIRST = re.compile(r"\b(?:the\s+)?(first|last|1st)\s*$")


# An English ordinal day of a festival's break: "the 2nd day of the national day holiday", "the
# first day of golden week", "third day of the may day break" (was asked; the Chinese "国庆第二天"
# was read). Spring Festival's days are lunar (初二…), read in timex, not here; "the 3rd day of
# the new year" may be 初三 as well as 3 January: not read here either.
_EN_NTH_OF = re.compile(
    r"\b(?:the\s+)?(?P<n>first|second|third|fourth|fifth|sixth|seventh|1st|2nd|3rd|[4-7]th)"
    r"\s+day\s+(?:of|in)\s+(?:the\s+)?$"
)
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                "seventh": 7, "1st": 1, "2nd": 2, "3rd": 3}  # fmt: skip
_BREAK_FESTIVALS = frozenset(
    {"national_day", "labour_day", "mid_autumn", "dragon_boat", "tomb_sweeping"}
)


def _nth_day_of_break_en(
    text: str, mentions: list[TimeMention], calendar: HolidayCalendar
) -> list[TimeMention]:
    """The n-th day off of the break of the festival named right after "the n-th day of": that
    day, counted from the break's first day (a number past the break's end: asked, with its
    days); a day-of-month read from the ordinal ("on the 2nd") is dropped."""
    for mention in mentions:
        if mention.kind != "festival" or mention.festival not in _BREAK_FESTIVALS:
            continue
        if not mention.days or (nth := _EN_NTH_OF.search(text, 0, mention.span[0])) is None:
            continue
        word = nth.group("n")
        number = _EN_ORDINALS.get(word) or int(word[0])
        held = mention.days if len(mention.days) > 1 else break_days(mention.days[0], calendar)
        held = held or mention.days
        span = (nth.start(), mention.span[1])
        kept = [
            m
            for m in mentions
            if m is not mention and (m.span[1] <= span[0] or m.span[0] >= span[1])
        ]
        if number <= len(held):
            read = TimeMention(span, (held[number - 1],), "festival", mention.festival, ())
        else:
            read = TimeMention(span, (), "unsure", None, held)
        return sorted([*kept, read], key=lambda m: m.span)
    return mentions


# Weekdays listed with the one counted from a day: "the monday and tuesday after dragon boat",
# "端午后的礼拜一礼拜二", "国庆前的周五和周六"
_EN_WEEKDAYS_JOINED = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b)\s*(?:(?:the|on)\s+)?")
_ZH_WEEKDAYS_JOINED = re.compile(r"[\s、,，/]*(?:和|跟|或|或者|还有)?[\s、,，/]*")


def _weekdays_listed(
    text: str, mentions: list[TimeMention], weekday: TimeMention, *, before: bool
) -> list[TimeMention]:
    """The bare weekdays listed right before (English) or after (Chinese) ``weekday``."""
    listed: list[TimeMention] = []
    index = mentions.index(weekday)
    step = -1 if before else 1
    edge = weekday
    while 0 <= (index := index + step) < len(mentions):
        other = mentions[index]
        gap = text[other.span[1] : edge.span[0]] if before else text[edge.span[1] : other.span[0]]
        joined = (_EN_WEEKDAYS_JOINED if before else _ZH_WEEKDAYS_JOINED).fullmatch(gap)
        if (
            other.kind != "weekday"
            or len(other.days) != 1
            or joined is None
            or not _BARE_WEEKDAY.match(text, other.span[0])
        ):
            break
        listed.append(other)
        edge = other
    return listed


def _first_weekday_after(
    text: str,
    mentions: list[TimeMention],
    calendar: HolidayCalendar | None = None,
    today: date | None = None,
) -> list[TimeMention]:
    """A weekday counted from a day just named ("元旦后第一个周一", "the first monday after
    national day"), read as one date: the first such weekday after the day (the last before).
    Counted from a festival whose break goes on past that weekday ("国庆后第一个礼拜六": 3
    October from the day, 10 October from the break), both readings are offered and the day
    asked."""
    for first, second in itertools.pairwise(mentions):
        between = text[first.span[1] : second.span[0]]
        if (
            first.kind == "date"
            and first.resolved
            and (first.days[-1] + timedelta(days=1)).day == 1
            and _MONTH_END.fullmatch(text, *first.span)
            and _MONTH_END_WEEKDAY.fullmatch(between)
            and second.kind in ("weekday", "unsure")
            and (wanted := _WEEKDAY_OF.get(text[second.span[1] - 1 : second.span[1]])) is not None
            and _BARE_WEEKDAY.match(text, second.span[0])
        ):  # "月底那个礼拜六": the month's last Saturday
            end = first.days[-1]
            day = end - timedelta(days=(end.weekday() - wanted) % 7)
            merged = TimeMention((first.span[0], second.span[1]), (day,), "date", None, ())
            rest = [m for m in mentions if m is not first and m is not second]
            return _first_weekday_after(
                text, sorted([*rest, merged], key=lambda m: m.span), calendar, today
            )
        if not (first.resolved and second.resolved):
            continue
        if second.kind == "weekday" and len(second.days) == 1 and first.kind != "weekday":
            anchor, weekday = first, second
            zh = _ZH_FIRST_AFTER.fullmatch(between)
            past = _ZH_PAST_ANCHOR.search(text, 0, first.span[0])
            if (
                zh is None
                and calendar is not None
                and first.festival
                and _ZH_FIRST_AFTER_END.fullmatch(between)
                and _BARE_WEEKDAY.match(text, second.span[0])
            ):  # the break's end said: its first such weekday after the last day off
                festival_day = first.days[0]
                if today is not None and festival_day > today:
                    # this year's break just over ("国庆假期结束后的第一个星期一" asked on 9
                    # October): counted from it, not next year's; its weekday gone by too, the
                    # day is asked (a second reader, r27)
                    this_year = calendar.festival_date(first.festival, today.year)[0]
                    if this_year is not None and this_year <= today:
                        festival_day = this_year
                last = max(break_days(festival_day, calendar) or (festival_day,))
                day = last + timedelta(days=(second.days[0].weekday() - last.weekday() - 1) % 7 + 1)
                if today is not None and day < today:
                    continue
                merged = TimeMention((first.span[0], second.span[1]), (day,), "date", None, ())
                rest = [m for m in mentions if m is not first and m is not second]
                return _first_weekday_after(
                    text, sorted([*rest, merged], key=lambda m: m.span), calendar, today
                )
            if zh is None and past is not None and _ZH_FIRST_PAST.fullmatch(between):
                after, span = True, (past.start(), second.span[1])
            elif zh is None or not _BARE_WEEKDAY.match(text, second.span[0]):
                continue
            else:
                after, span = zh.group(1) == "后", (first.span[0], second.span[1])
        elif first.kind == "weekday" and len(first.days) == 1 and second.kind != "weekday":
            anchor, weekday = second, first
            en = _EN_FIRST_AFTER.fullmatch(between)
            lead = _EN_FIRST.search(text, 0, first.span[0])
            if en is None:
                continue
            if lead is None or lead.end() != first.span[0]:
                # "the saturday after easter", "tuesday after the qingming holiday": the first
                # one after it (the last one before it)
                after, span = en.group(1) == "after", (first.span[0], second.span[1])
            elif (lead.group(1) == "last") == (en.group(1) == "after"):
                continue  # "the last monday after…", "the first monday before…": no reading
            else:
                after, span = en.group(1) == "after", (lead.start(), second.span[1])
        else:
            continue
        wanted = weekday.days[0].weekday()
        if after:
            start = max(anchor.days)
            day = start + timedelta(days=(wanted - start.weekday() - 1) % 7 + 1)
        else:
            start = min(anchor.days)
            day = start - timedelta(days=(start.weekday() - wanted - 1) % 7 + 1)
        merged = TimeMention(span, (day,), "date", None, ())
        held = break_days(anchor.days[0], calendar) if calendar and anchor.festival else ()
        listed = _weekdays_listed(text, mentions, weekday, before=weekday is first)
        if listed:  # "the monday and tuesday after dragon boat": each counted from it
            days = [day]
            for also in listed:
                each = also.days[0].weekday()
                days.append(
                    start + timedelta(days=(each - start.weekday() - 1) % 7 + 1)
                    if after
                    else start - timedelta(days=(start.weekday() - each - 1) % 7 + 1)
                )
            span = (
                min(span[0], *(m.span[0] for m in listed)),
                max(span[1], *(m.span[1] for m in listed)),
            )
            rest = [m for m in mentions if m not in (first, second, *listed)]
            if held and any(min(held) < d < max(held) for d in days):
                merged = TimeMention(span, (), "unsure", None, ())  # which week's? Asked
            else:
                merged = TimeMention(span, tuple(sorted(set(days))), "date", None, ())
            return _first_weekday_after(
                text, sorted([*rest, merged], key=lambda m: m.span), calendar, today
            )
        if held and min(held) < day < max(held):  # the festival's break goes on past that
            # day ("the monday after qingming" that ends the break is that Monday)
            edge = max(held) if after else min(held)
            step = 1 if after else -1
            other = edge + timedelta(days=step)
            while other.weekday() != wanted:
                other += timedelta(days=step)
            merged = TimeMention(span, (), "unsure", None, tuple(sorted((day, other))))
        rest = [m for m in mentions if m is not first and m is not second]
        return _first_weekday_after(
            text, sorted([*rest, merged], key=lambda m: m.span), calendar, today
        )
    return mentions


# The first day after a date named: "3号以后第一天", "5号之后的第一天", "3号以后窗口第一天开",
# "7号以后第一个工作日" (the venue's name may stand between)
_FIRST_AFTER_DATE = re.compile(
    r"\s*(?:之|以)?后\s*的?(?P<gap>[^\s,，。？?！!]{0,8}?)\s*的?\s*"
    r"(?:第\s*[一1]\s*(?P<work>个\s*工作日|个\s*上班的?日子)|(?:第\s*[一1]|头\s*[一1]?)\s*天)"
    r"\s*(?P<open>开门|开放|开|上班|营业)?"
)


def _working_day(calendar: HolidayCalendar | None, day: date) -> bool | None:
    """Whether ``day`` is worked by the calendar (None: not known)."""
    kind = calendar.day(day).kind if calendar is not None else DayKind.UNKNOWN
    if kind is DayKind.UNKNOWN:
        return None
    return kind is DayKind.MAKEUP or (kind is DayKind.NORMAL and day.weekday() < 5)


def _first_working_day_after(calendar: HolidayCalendar | None, day: date) -> date | None:
    for n in range(1, 15):
        working = _working_day(calendar, day + timedelta(days=n))
        if working is None:
            return None
        if working:
            return day + timedelta(days=n)
    return None


def _first_day_after_date(
    text: str,
    mentions: list[TimeMention],
    venue_spans: tuple[tuple[int, int], ...],
    calendar: HolidayCalendar | None,
) -> list[TimeMention]:
    """The first day after a date named (see ``_FIRST_AFTER_DATE``): the next day; the first
    working day, when a working day is counted; the day a place first opens or works again
    ("…第一天开", "…第一天上班"): the next day when it is worked, else asked with it and the
    first working day. Days named before it up to that date ("放假到3号结束对伐，3号以后…",
    "元旦放到3号 3号以后…"): the count's setting, not other days asked."""
    for mention in mentions:
        if mention.kind != "date" or len(mention.days) != 1:
            continue
        found = _FIRST_AFTER_DATE.match(text, mention.span[1])
        if found is None:
            continue
        gap = found.group("gap").strip("的 ")
        if gap and not any(
            a <= found.start("gap") + found.group("gap").find(gap) and found.end("gap") <= b
            for a, b in venue_spans
        ):
            continue
        anchor = mention.days[0]
        after = anchor + timedelta(days=1)
        span = (mention.span[0], found.end())
        working = _first_working_day_after(calendar, anchor)
        if found.group("work"):
            said = (
                TimeMention(span, (working,), "date", None, ())
                if working is not None
                else TimeMention(span, (), "unsure", None, (after,))
            )
        elif found.group("open") and working != after:
            choices = tuple(d for d in (after, working) if d is not None)
            said = TimeMention(span, (), "unsure", None, choices)
        else:
            said = TimeMention(span, (after,), "date", None, ())
        rest = [
            TimeMention(m.span, (), "past", None, ())
            if m.resolved and m.span[1] <= span[0] and max(m.days) <= anchor
            else m
            for m in mentions
            if m is not mention and (m.span[1] <= span[0] or m.span[0] >= span[1])
        ]
        return sorted([*rest, said], key=lambda m: m.span)
    return mentions


# A day counted from an errand or a visit on the day named, further on: "下礼拜三要去医院复查
# 复查完第二天…", "下周五孙子来 他来的后一天…", "my daughter flies in next monday, the day after
# is…", "下周五要出门 出门前一天…"
_LATER_DAY_AFTER = re.compile(
    r"第二天|次日|隔天|翌日|(?<![前头最落])后一天|\bthe\s+(?:next|following)\s+day\b"
    r"|\bthe\s+day\s+after\b(?!\s+(?:tomorrow|next|the|that|this|\w+day)\b)"
)
_LATER_DAY_BEFORE = re.compile(
    r"(?<![节])前一天|(?<![节])头一天|\bthe\s+day\s+before\b(?!\s+(?:yesterday|the|that|this|\w+day)\b)"
)
_ERRAND_GAP = re.compile(r"[?？]")
# The day and its neighbour both asked: "next monday and the day after", "下周一和第二天"
_ERRAND_BOTH = re.compile(
    r"[\s,，、]*(?:和|跟|与|或者|或|还是|还有|以及|\band(?:\s+also)?\b|\bor\b|\bplus\b"
    r"|\bas\s+well\s+as\b)[\s,，、]*"
)


def _day_from_errand(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The one day named, moved by "第二天"/"前一天"/"the day after" said a few words further on,
    after what the resident does that day (the words between are the story's, not asked)."""
    named = [m for m in mentions if m.resolved]
    if len(named) != 1 or len(named[0].days) != 1:
        return mentions
    mention = named[0]
    for pattern, shift in ((_LATER_DAY_AFTER, 1), (_LATER_DAY_BEFORE, -1)):
        word = pattern.search(text, mention.span[1])
        if word is None:
            continue
        gap = text[mention.span[1] : word.start()]
        if (
            gap  # right after the day: reconcile_days's own "后一天"
            and len(gap) <= 24
            and not _ERRAND_GAP.search(gap)
            and not _HOURS_INTENT.search(gap)
            and not any(
                m.span[0] >= mention.span[1] and m.span[1] <= word.start()
                for m in mentions
                if m is not mention
            )
        ):
            neighbour = (mention.days[0] + timedelta(days=shift),)
            if mention.kind == "festival" and not _ERRAND_BOTH.fullmatch(gap):
                return mentions  # (a festival's "第二天" further on is its break's, not moved)
            if _ERRAND_BOTH.fullmatch(gap):  # "next monday and the day after": both days
                # …and a festival's day too: "Mid-Autumn day and the day after", "中秋和后一天"
                both = TimeMention(word.span(), neighbour, "relative", None, ())
                return sorted([*mentions, both], key=lambda m: m.span)
            moved = TimeMention((mention.span[0], word.end()), neighbour, "relative", None, ())
            return [moved if m is mention else m for m in mentions]
    return mentions


# A weekday counted from something no rule places: "the monday after the holiday", "the friday
# before the break", "the tuesday after my operation"; "礼拜天过去两天", "礼拜五再过两天"
_AFTER_UNKNOWN = re.compile(
    r"\s+(?:after|before)\s+(?:the|my|our|his|her|their)\s+"
    # (not a time of that day: "monday after the class", "friday after work")
    r"(?!(?:class|classes|lesson|work|lunch|dinner|breakfast|school|meeting|shift|nap)\b)\w"
    r"|\s*(?:再|又)?过(?:去|了)?\s*[两二三四五六七八九十几0-9]+\s*天"
)


# A day left out: "除了周末", "周六周日以外", "except sunday", "other than monday"
_EXCEPT_BEFORE = re.compile(
    r"(?:除了|除去|除开)\s*$|\b(?:except(?:\s+for)?|other\s+than|apart\s+from|besides)(?:\s+on)?\s*$"
)
_EXCEPT_AFTER = re.compile(
    r"\s*(?:[和跟、]\s*(?:周|星期|礼拜)[一二三四五六日天末]\s*)?(?:以外|之外|除外)"
)


def _weekday_from_unknown(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A weekday followed by "after the…"/"再过两天" that no day of a rule follows (a vague
    span, or none): asked, with that weekday and the one a week later offered (never the
    weekday alone, as if it were what was asked)."""
    result = []
    for mention in mentions:
        if mention.resolved and (
            _EXCEPT_BEFORE.search(text, 0, mention.span[0])
            or _EXCEPT_AFTER.match(text, mention.span[1])
        ):  # "除了周末健身房哪天开", "周六周日以外的日子", "any day except sunday": not that day
            result.append(TimeMention(mention.span, (), "unsure", None, mention.days[:7]))
            continue
        after = _AFTER_UNKNOWN.match(text, mention.span[1])
        if (
            mention.kind == "weekday"
            and len(mention.days) == 1
            and after is not None
            and not any(
                m.resolved and mention.span[1] <= m.span[0] < after.end() + 12 for m in mentions
            )
        ):
            day = mention.days[0]
            candidates = (day, day + timedelta(days=7))
            result.append(
                TimeMention((mention.span[0], after.end()), (), "unsure", None, candidates)
            )
            continue
        result.append(mention)
    return result


# A weekday of a week counted from now: "两个礼拜以后的礼拜三", "三周后的周五", "in two weeks on
# wednesday"
_COUNTED_WEEK = re.compile(r"(?:个?\s*(?:礼拜|星期|周)|\bweeks?\b)")
_COUNTED_WEEK_GAP = re.compile(
    r"\s*(?:的|那个?|\bon\b|\bthe\b|,)?\s*(?:的|那个?|\bon\b|\bthe\b)?\s*"
)


def _weekday_of_counted_week(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A bare weekday right after a day counted in weeks from today: that weekday of that week
    (Monday to Sunday), one date."""
    for first, second in itertools.pairwise(mentions):
        if (
            first.kind == "relative"
            and len(first.days) == 1
            and _COUNTED_WEEK.search(text, *first.span)
            and second.kind == "weekday"
            and len(second.days) == 1
            and _BARE_WEEKDAY.match(text, second.span[0])
            and _COUNTED_WEEK_GAP.fullmatch(text, first.span[1], second.span[0])
        ):
            monday = first.days[0] - timedelta(days=first.days[0].weekday())
            day = monday + timedelta(days=second.days[0].weekday())
            merged = TimeMention((first.span[0], second.span[1]), (day,), "date", None, ())
            return [merged if m is first else m for m in mentions if m is not second]
    return mentions


def _between_unread(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """ "between A and B": the days from one to the other; none read ("between christmas and
    new year" on 12-28, christmas gone by: next year's), asked, never the first one's day."""
    for first, second in itertools.pairwise(mentions):
        if not (first.resolved and second.resolved):
            continue
        between = text[first.span[1] : second.span[0]]
        if _BETWEEN_AND.fullmatch(between) and _BETWEEN.search(text, 0, first.span[0]):
            # "between valentine's day and chinese new year": every day from one to the other
            # (joined here, before a festival could be read as a story's)
            span = _range(first, second)
            whole = (first.span[0], second.span[1])
            said = (
                TimeMention(whole, span, "range", None, ())
                if span is not None
                else TimeMention(whole, (), "unsure", None, ())
            )
            return [said if m is first else m for m in mentions if m is not second]
    return mentions


def _festival_under_way(
    mention: TimeMention, today: date, calendar: HolidayCalendar | None
) -> date | None:
    """The festival's own day when ``mention`` names a statutory festival whose break is under
    way today (read as today, festivals.festival_day) and that day is already past."""
    if calendar is None or not mention.festival:
        return None
    own, _ = calendar.festival_date(mention.festival, today.year)
    if own is None or own >= today or today not in break_days(own, calendar):
        return None
    return own


# A clause's end inside a sentence: a comma or a sentence's end (not a space)
_COMMA_CLAUSE_END = re.compile(r"[,，;；。.!！?？]")


def _side_told_then_day_asked(
    text: str,
    festival: TimeMention,
    side: re.Match[str],
    mentions: list[TimeMention],
    today: date,
) -> bool:
    """Whether a festival's side ("春节前", "国庆以后") is told in a clause that asks nothing,
    and a later clause that asks names one day lying on that side of it, within two months
    ("春节前想去窗口换敬老卡，听说要带身份证，腊八那天窗口开不开？": 腊八 is asked)."""
    said = side.group().strip()
    before = said.endswith("前") and not said.endswith("前后")
    after = said.endswith("后") and not said.endswith("前后")
    if not (before or after) or len(festival.days) != 1:
        return False
    clause_end = _COMMA_CLAUSE_END.search(text, festival.span[1])
    if clause_end is None:
        return False
    clause_start = max(
        (m.end() for m in _COMMA_CLAUSE_END.finditer(text, 0, festival.span[0])), default=0
    )
    if _SENTENCE_ASKS.search(text[clause_start : clause_end.start()]):
        return False
    later = [m for m in mentions if m.span[0] >= clause_end.end()]
    if len(later) != 1 or not later[0].resolved or len(later[0].days) != 1:
        return False
    day, anchor = later[0].days[0], festival.days[0]
    on_side = today <= day < anchor if before else anchor < day
    if not on_side or abs((anchor - day).days) > 60:
        return False
    asking = _COMMA_CLAUSE_END.search(text, later[0].span[1])
    return (
        _SENTENCE_ASKS.search(text, later[0].span[0], asking.end() if asking else len(text))
        is not None
    )


def reconcile_days(
    text: str,
    mentions: list[TimeMention],
    today: date,
    venue_spans: tuple[tuple[int, int], ...] = (),
    calendar: HolidayCalendar | None = None,
) -> list[TimeMention]:
    """Days as asked: shifted by "后一天"/"前一天", asked back when relative to another day
    ("元旦后第一个周一") or when two different days are named without being joined, unless the
    last one is the day a story leads to (``venue_spans``: where the venues are named)."""
    if calendar is not None:
        mentions = _nth_day_of_break_en(text, mentions, calendar)
    mentions = _first_weekday_after(text, mentions, calendar, today)
    mentions = _first_day_after_date(text, mentions, venue_spans, calendar)
    mentions = _weekday_of_that_week(text, mentions, today)
    mentions = _weekday_of_counted_week(text, mentions)
    mentions = _day_from_errand(text, mentions)
    if calendar is not None:
        mentions = _weekday_beside_break(text, mentions, today, calendar)
    mentions = _weekday_from_unknown(text, mentions)
    mentions = _weekend_day_told(text, mentions)
    result: list[TimeMention] = []
    absorbed: list[TimeMention] = []  # a weekday read into the date beside it ("4/6 (Mon)")
    for mention in mentions:
        if any(mention is m for m in absorbed):
            continue
        if not mention.resolved:
            result.append(mention)
            continue
        start, end = mention.span
        if (
            mention.kind == "weekday"
            and text.startswith("下下", start)
            and not text.startswith("下下下", start)
            and _ASK_ONE_BEFORE_XIA.search(text, 0, start)
        ):  # "我问一下下个礼拜二": 问一下 + 下个礼拜二 (一下 takes the first 下; round
            # twenty-nine, spent23), a week sooner than 下下个 read
            day = mention.days[0] - timedelta(days=7)
            result.append(TimeMention((start + 1, end), (day,), "weekday", None, ()))
            continue
        if (
            mention.kind == "weekday"
            and text.startswith("下", start)
            and _VERB_BEFORE_XIA.search(text[:start])
        ):  # "我问下星期五…": 问一下 + 星期五, or 问 + 下星期五? Ask, with both Fridays.
            day = mention.days[0]
            both = (day - timedelta(days=7), day) if day - timedelta(days=7) >= today else (day,)
            result.append(TimeMention(mention.span, (), "unsure", None, both))
            continue
        if (numeric := _EN_NUMERIC_DATE.fullmatch(text, start, end)) and not _CJK.search(text):
            one, other = int(numeric.group(1)), int(numeric.group(2))
            if one != other and max(one, other) <= 12:
                # "3/11" in English: 11 March to an American, 3 November to a Briton. Ask.
                readings = (month_day(one, other, today), month_day(other, one, today))
                found = tuple(sorted(d for d in readings if d is not None))
                told, beside = _reading_of_its_weekday(text, mention, mentions, found)
                if len(told) == 1 and beside is not None:
                    # "Mon 4/6", "Monday 6/4", "4/6 (Mon)": the one reading on that weekday,
                    # one mention over both
                    joint = (min(start, beside.span[0]), max(end, beside.span[1]))
                    result = [m for m in result if m is not beside]
                    result.append(TimeMention(joint, told, "date", None, ()))
                    absorbed.append(beside)
                    continue
                result.append(TimeMention(mention.span, (), "unsure", None, found))
                continue
        if _qualified(text, mention, mentions):  # "第二个礼拜六", "next next tuesday": which one?
            around = tuple(d + timedelta(weeks=n) for d in mention.days[:1] for n in range(-1, 4))
            result.append(TimeMention(mention.span, (), "unsure", None, around))
            continue
        if mention.kind == "date" and (name := _DATE_NAME.match(text, end)) is not None:
            # "农历十月初一寒衣节": the name of the day just given
            mention = TimeMention((start, name.end()), mention.days, "date", None, ())
            end = name.end()
        if (that := _THAT_DAY_AFTER.match(text, end)) is not None:
            mention = TimeMention(
                (start, that.end()), mention.days, mention.kind, mention.festival, ()
            )
            end = that.end()
        after = text[end:]
        if (
            len(mention.days) == 1
            and _SEVERAL_DAYS_AFTER.match(after)
            and not _RANGE_BEFORE.search(text, 0, start)  # "20号到21号这两天": the range's
        ):
            # "月底那几天", "15号前后那两天": some days near the one named, which ones? Asked.
            result.append(
                TimeMention(mention.span, (), "unsure", None, _days_around(mention.days[0]))
            )
            continue
        if (
            mention.days == (today,)
            and mention.kind == "festival"
            and (nth_told := _NTH_DAY_TOLD.match(after)) is not None
            and _festival_under_way(mention, today, calendar) is not None
        ):  # "国庆第三天了，食堂开吗": today told as the break's n-th day (even miscounted), not
            # the n-th day counted from the festival (10-03 on 10-04, yesterday)
            result.append(
                TimeMention(
                    (start, end + nth_told.end()), (today,), "festival", mention.festival, ()
                )
            )
            continue
        if (
            mention.days == (today,)
            and mention.kind == "festival"
            and (own := _festival_under_way(mention, today, calendar)) is not None
            and (
                _NTH_DAY.match(after)
                or _FIRST_DAYS.match(after)
                or _DAY_AFTER.match(after)
                or _DAY_BEFORE.match(after)
            )
        ):  # "国庆第六天", "春节前一天", "五一头两天" said inside the break (the festival read as
            # today, its break under way): counted from the festival's own day, not from today
            mention = TimeMention(mention.span, (own,), mention.kind, mention.festival, ())
        shift = 0
        edge = False  # a day right before or after the days named
        weeks_from = False  # weeks counted from a weekday ("a week from friday")
        if (
            mention.kind == "festival"
            and mention.festival == "spring_festival"
            and len(mention.days) > 1
            and (counted := _NTH_DAY.match(after) or _FIRST_DAYS.match(after)) is not None
            and calendar is not None
            and calendar.year_view(mention.days[0].year).source == "statutory"
        ):
            # "春节假期第一天", "春节放假头两天" while the year's notice is not out: its first
            # day off is not known (2026's began on 腊月廿八, before 除夕), asked with the days
            # surely off, as the English "the first day of the spring festival break" is
            result.append(
                TimeMention((start, end + counted.end()), (), "unsure", None, mention.days)
            )
            continue
        if mention.kind == "festival" and (nth := _NTH_DAY.match(after)) is not None:
            # "国庆第三天", "春节的第五天": the festival's first day counts as the first
            shift, end = cn_number(nth.group(1)) - 1, end + nth.end()
            mention = TimeMention(mention.span, mention.days[:1], mention.kind, None, ())
        elif mention.kind == "festival" and (leading := _FIRST_DAYS.match(after)) is not None:
            count = cn_number(leading.group(1))
            days = tuple(mention.days[0] + timedelta(days=n) for n in range(count))
            mention = TimeMention(
                (start, end + leading.end()), days, "festival", mention.festival, ()
            )
            end = mention.span[1]
        elif (near := _DAY_AFTER.match(after)) is not None:
            shift, end, edge = 1, end + near.end(), True
        elif (near := _DAY_BEFORE.match(after)) is not None:
            shift, end, edge = -1, end + near.end(), True
        elif (
            mention.kind == "festival"
            and mention.days
            and "后" in after
            and (nth_after := _NTH_DAY_AFTER.match(after)) is not None
        ):  # "国庆后第二天", "清明以后第三天": counted from the festival's day or from its
            # break's end, and "第二天" may be "the next day": asked with those days (was the
            # days around the festival, or today's week after a break just ended)
            number = cn_number(nth_after.group(1))
            nth_days = _nth_day_after_readings(mention.days[0], number, calendar)
            if len(mention.days) > 1:  # "国庆假期后第二天": the break said, from its end
                nth_days = tuple(d for d in nth_days if d > max(mention.days))
            nth_span = (start, end + nth_after.end())
            if len(nth_days) == 1:  # "国庆长假以后第三天": one reading, that day
                result.append(TimeMention(nth_span, nth_days, mention.kind, None, ()))
            else:
                result.append(TimeMention(nth_span, (), "unsure", None, nth_days))
            continue
        elif (
            (
                _EN_SIDE_OF.search(text, 0, start)
                # "before the Double Ninth family lunch": earlier on its day
                and not (mention.kind == "festival" and EVENT_OF_THE_DAY.match(text, end))
            )
            or (mention.kind in ("weekday", "weekend") and _EN_SIDE_OF_BREAK.match(after))
            or (mention.kind == "festival" and _MIDDLE_OF.match(after))
            or (mention.kind == "festival" and _EN_MIDDLE_OF.search(text, 0, start))
            or (
                mention.kind in ("date", "weekday", "weekend", "festival")
                and _LEAVING_BEFORE.search(text)
                and (_LEAVE_ON_EN.search(text, 0, start) or _LEAVE_ON_ZH.match(after))
            )
        ):
            around = tuple(d + timedelta(days=n) for d in mention.days[:1] for n in range(-3, 4))
            result.append(TimeMention(mention.span, (), "unsure", None, around))
            continue
        elif _EN_AROUND.search(text, 0, start) and mention.kind != "weekday":
            # "around christmas", "sometime near new year": the days near it, asked
            around = tuple(d + timedelta(days=n) for d in mention.days[:1] for n in range(-3, 4))
            result.append(TimeMention(mention.span, (), "unsure", None, around))
            continue
        elif (offset := _EN_DAY_OFFSET.search(text[:start])) is not None and (
            offset.group("the") is None or len(mention.days) == 1
        ):  # ("the day after the qingming break ends": which break's end? Asked)
            shift, start, edge = (1 if offset.group(1) == "after" else -1), offset.start(), True
        elif mention.kind == "relative" and (week := _EN_WEEK_BEFORE_DAY.search(text[:start])):
            shift, start = _week_days(week.group()), week.start()  # "a week tomorrow": eight days
        elif (
            mention.kind == "relative"
            and text[start:end] in ("tomorrow", "today")
            and (week := _EN_WEEK_AFTER.match(after))
        ):  # "tomorrow week", "today week" (British): a week after the day, as "a week tomorrow"
            shift, end = _week_days(week.group()), end + week.end()
        elif mention.kind == "weekday" and (week := _EN_WEEK_ON.search(text[:start])):
            shift, start = _week_days(week.group()), week.start()  # "a week on friday"
            weeks_from = True
        elif mention.kind == "weekday" and (week := _EN_WEEK_AFTER.match(after)):
            shift, end = _week_days(week.group()), end + week.end()  # "thursday week"
            weeks_from = True
        elif (
            (near := _DAY_RELATIVE.match(after)) is not None
            and near.group().rstrip().endswith("前")
            and _DEADLINE.match(text, end + near.end())
            and any(o is not mention and o.resolved for o in mentions)
        ):  # "4月30号…开到几点 月底前要把材料交上去": a deadline of the resident's own task,
            # beside the day asked
            result.append(TimeMention((start, end + near.end()), (), "past", None, ()))
            continue
        elif (
            mention.kind == "festival"
            and (near := _DAY_RELATIVE.match(after)) is not None
            and _side_told_then_day_asked(text, mention, near, mentions, today)
        ):  # "春节前想去窗口换敬老卡，…腊八那天窗口开不开": the side of the festival is the
            # story's (a clause that asks nothing), the day asked later lies on it (round thirty)
            result.append(TimeMention((start, end + near.end()), (), "past", None, ()))
            continue
        elif (
            mention.kind == "festival"
            and "回" in after
            and (near := _BACK_AFTER.match(after)) is not None
        ):  # "五一回来以后食堂哪几天开", "五一我出去旅游，回来以后…": the days after one's return
            # from the break, which? Asked (was the festival's own day)
            held = (break_days(mention.days[0], calendar) if calendar else ()) or mention.days
            back = tuple(max(held) + timedelta(days=n) for n in range(1, 8))
            result.append(TimeMention((start, end + near.end()), (), "unsure", None, back))
            continue
        elif (near := _DAY_RELATIVE.match(after)) is not None:
            around = tuple(d + timedelta(days=n) for d in mention.days[:1] for n in range(-3, 8))
            result.append(TimeMention((start, end + near.end()), (), "unsure", None, around))
            continue
        if weeks_from and mention.days == (today,):
            # "a week from friday" said on a friday: from today or from the next friday? Asked
            day = today + timedelta(days=shift)
            both = (day, day + timedelta(days=7))
            result.append(TimeMention((start, end), (), "unsure", None, both))
            continue
        if (
            mention.kind == "festival"
            and text.endswith("冬至", start, end)
            and _SOLSTICE_NIGHT.match(text, end)
        ):  # "冬至夜": in Shanghai the evening before 冬至, or that day's evening? Asked
            day = mention.days[0]
            night = _SOLSTICE_NIGHT.match(text, end)
            assert night is not None
            eve = TimeMention((start, night.end()), (), "unsure", None, (day - timedelta(1), day))
            result.append(eve)
            continue
        if (
            shift == 1
            and mention.kind == "festival"
            and mention.festival
            and calendar
            and not _EXPLAINED_AS.search(text, 0, start)
        ):
            # "国庆节后一天", "中秋后一天": the day after the festival's, inside its break, or
            # the first day after the break? Asked with both (its last day: as it is)
            held = break_days(max(mention.days), calendar)
            day_after = max(mention.days) + timedelta(days=1)
            # (a day off of the calendar's: not the weekend after 元旦 of a year unpublished)
            if held and day_after in held and calendar.day(day_after).kind is DayKind.HOLIDAY:
                readings = (day_after, max(held) + timedelta(days=1))
                result.append(TimeMention((start, end), (), "unsure", None, readings))
                continue
        if shift or (start, end) != mention.span:  # "头伏第一天": its words are the day's too
            days = tuple(d + timedelta(days=shift) for d in mention.days)
            if edge and len(mention.days) > 1:
                # "国庆放假前一天", "周末后一天": the day before the first day or after the last,
                # not every day of the break moved by one
                days = (
                    (min(mention.days) - timedelta(days=1),)
                    if shift < 0
                    else (max(mention.days) + timedelta(days=1),)
                )
            festival = None if shift else mention.festival
            mention = TimeMention((start, end), days, mention.kind, festival, ())
        result.append(mention)
    result = _between_unread(text, result)
    result = _past_as_context(text, result, today)
    result = _days_not_remembered(text, result)
    result = _festival_coming_told(text, result, venue_spans)
    result = _occasions_told(text, result, venue_spans)
    result = _break_told_shut(text, result)
    result = _comings_and_goings_told(text, result, venue_spans)
    result = _today_as_setting(text, result, today)
    result = _today_of_asking(text, result, today)
    result = _days_taken_back(text, result)
    result = _days_told_done(text, result, today)
    if calendar is not None:
        for first, second in itertools.pairwise(result):
            between = text[first.span[1] : second.span[0]]
            if (
                first.resolved != second.resolved
                and (_LISTED.fullmatch(between) or _BETWEEN_AND.fullmatch(between))
                and (pair := _breaks_paired(text, first, second, calendar)) is not None
            ):  # "中秋国庆期间食堂开吗" between the two breaks or inside the second: 中秋, just
                # gone, is this year's beside 国庆 (was asked with the near days; r30 r1)
                result = _breaks_joined(result, first, second, pair)
                return reconcile_days(text, result, today, venue_spans, calendar)
    named = [m for m in result if m.resolved]
    for first, second in itertools.pairwise(named):
        if set(first.days) == set(second.days):
            continue
        between = text[first.span[1] : second.span[0]]
        if (
            _MOVED_TO.fullmatch(between)
            # "周一卫生站人太多，我改成周四去": told, then moved, with nothing asked between
            or (_MOVED_TO_END.search(between) and not _CLAUSE_ASKS.search(between))
        ) or (
            _MOVED_TO_EN.fullmatch(between) and _MOVED_VERB_EN.search(text, 0, first.span[0])
        ):  # "从今天改到了礼拜五", "moved from thursday to saturday": the day it was moved to
            story = TimeMention(first.span, (), "past", None, ())
            result = [story if m is first else m for m in result]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            _NEW_YEAR_DAY.fullmatch(text, *first.span)
            and _NEW_YEAR_DAY.fullmatch(text, *second.span)
            and _LISTED.fullmatch(between)
        ):  # "大年初一初二", "初一、初二": the Spring Festival's days listed, both asked (the
            # second was read as the name of the first, a day only)
            listed = tuple(sorted({*first.days, *second.days}))
            whole = TimeMention((first.span[0], second.span[1]), listed, "festival", None, ())
            result = [whole if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            first.kind == "festival"
            and len(first.days) > 1
            and second.kind in ("relative", "weekday")
            and len(second.days) == 1
            and second.days[0] in first.days
            and not _JOINING_WORD.search(between)
        ):  # "放假期间健身房今天开不开", "during the holiday is the gym open today": the break
            # is the setting, the day inside it the one asked (one mention over both)
            whole = TimeMention((first.span[0], second.span[1]), second.days, second.kind, None, ())
            result = [whole if m is second else m for m in result if m is not first]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if _weekend_as_setting(text, first, second, between):
            # "我女儿周末要回来看我，礼拜天健身房几点关门": the weekend told, its day asked
            story = TimeMention(first.span, (), "past", None, ())
            result = [story if m is first else m for m in result]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            first.festival is not None  # a statutory holiday's name ("过年", "国庆")
            and second.festival is None
            and _UMBRELLA.fullmatch(between)
            and all(abs((d - first.days[0]).days) <= UMBRELLA_DAYS for d in second.days)
        ):  # "过年从除夕到初三", "春节初五": the festival names the time, the days inside it
            # (one mention over both, so the festival's name is not left as a day word)
            whole = TimeMention(
                (first.span[0], second.span[1]), second.days, second.kind, second.festival, ()
            )
            result = [whole if m is second else m for m in result if m is not first]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            calendar is not None
            and (_LISTED.fullmatch(between) or _BETWEEN_AND.fullmatch(between))
            and (pair := _breaks_paired(text, first, second, calendar)) is not None
        ):  # "中秋国庆期间食堂开吗", "over mid-autumn and national day" (r30f): the break word
            # said once is both festivals' (was the first's day, or the second's break only)
            result = _breaks_joined(result, first, second, pair)
            return reconcile_days(text, result, today, venue_spans, calendar)
        if _LISTED.fullmatch(between) and (
            _festivals_listed(first, second) or _festivals_back_to_back(text, first, second)
        ):
            # "平安夜圣诞节", "除夕初一": two festivals a day apart, both asked (one mention)
            listed = tuple(sorted({*first.days, *second.days}))
            whole = TimeMention((first.span[0], second.span[1]), listed, "festival", None, ())
            result = [whole if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            not between.strip()
            and (first.festival or second.festival or "festival" in (first.kind, second.kind))
            and {first.kind, second.kind} <= {"date", "festival"}  # not "国庆三天后"
        ):  # "八月十五中秋节": the festival names the day
            keep = first if first.kind == "festival" else second
            dated = first if first.kind == "date" else second
            if dated.kind == "date" and _LUNAR_DATE_WORD.search(text, *dated.span):
                # "腊月廿三小年": a lunar date is exact, the name only says what it is called
                # (小年 is 廿三 in the north, 廿四 here)
                keep = dated
            # one mention over both, so the dropped date's words are not left as a day word
            # no rule took ("二月二龙抬头": 二月 would ask which day)
            whole = TimeMention(
                (first.span[0], second.span[1]), keep.days, keep.kind, keep.festival, ()
            )
            result = [whole if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            first.kind == second.kind == "weekday"
            and len(first.days) == len(second.days) == 1
            and first.days[0].weekday() == second.days[0].weekday()
            and _WEEK_PREFIX.match(text, first.span[0])
            and _BARE_WEEKDAY.match(text, second.span[0])
            and not _WEEK_PREFIX.match(text, second.span[0])
        ):  # "下礼拜三法律援助有律师伐 我礼拜三下午调休": the same Wednesday said again
            same = TimeMention(second.span, first.days, "weekday_in_week", None, ())
            result = [same if m is second else m for m in result]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            first.kind == second.kind == "weekday"
            and len(first.days) == len(second.days) == 1
            and _WEEK_PREFIX.match(text, first.span[0])
            and _BARE_WEEKDAY.match(text, second.span[0])
            and _JOINED.fullmatch(between)
        ):  # "下礼拜二还是礼拜三", "next tuesday or wednesday": the second day in the same week
            monday = first.days[0] - timedelta(days=first.days[0].weekday())
            moved = monday + timedelta(days=second.days[0].weekday())
            if moved < first.days[0]:  # "下周五和周一": that week's Monday or the next?
                choices = (first.days[0], moved, moved + timedelta(days=7))
                return [TimeMention(first.span, (), "unsure", None, choices)]
            if moved != second.days[0]:
                second_moved = TimeMention(second.span, (moved,), "weekday_in_week", None, ())
                result = [second_moved if m is second else m for m in result]
                return reconcile_days(text, result, today, venue_spans, calendar)
        if (
            first.kind == second.kind == "weekday"
            and len(first.days) == len(second.days) == 1
            and second.days[0] < first.days[0]
            and _WEEK_PREFIX.match(text, first.span[0])
            and _WEEK_PREFIX.match(text, second.span[0])
            and _JOINED.fullmatch(between)
        ):  # "下周日和下周一": next week's Monday (before its Sunday), or the day after Sunday?
            later = second.days[0] + timedelta(days=7)
            choices = (second.days[0], first.days[0], later)
            return [TimeMention(first.span, (), "unsure", None, choices)]
        if (
            _RANGE.fullmatch(between)
            or (_BETWEEN_AND.fullmatch(between) and _BETWEEN.search(text, 0, first.span[0]))
        ) and (span := _range(first, second)) is not None:
            # "下礼拜一到礼拜三", "周五至周日": every day from the first to the last
            joined = TimeMention((first.span[0], second.span[1]), span, "range", None, ())
            result = [joined if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (  # "Monday Nov 8", "周一11月8号", "thursday, the 6th": a weekday then its own date
            # (before "A, B" as two days)
            not _THE.sub("", between).strip(" ,，")
            and first.kind == "weekday"
            and second.kind == "date"
            and len(first.days) == len(second.days) == 1
            and first.days[0].weekday() == second.days[0].weekday()
        ):
            whole = TimeMention((first.span[0], second.span[1]), second.days, "date", None, ())
            result = [whole if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (mismatch := _weekday_off_its_date(text, first, second)) is not None:
            # "Friday, March 12" when the 12th is a Thursday: the date, or the Friday by it?
            # Asked, with both (before "A, B" as two days listed)
            result = [mismatch if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if between.strip() and _JOINED.fullmatch(between):
            continue
        if _second_day_asked(text, first, second, today):  # "周五…开到几点 周六呢": both
            continue
        if _COMPARED_EN.fullmatch(between) and _COMPARING_EN.search(text):
            continue  # "the same hours this weekend as today": every day compared

        if not between.strip() and first.kind == second.kind == "relative":
            continue  # "明天 后天 卫生站开伐", "今天明天": days listed one after the other
        if not between.strip() and {first.kind, second.kind} <= {"weekday", "weekday_in_week"}:
            # "下个礼拜六礼拜天": both, the second moved into the first's week above
            continue
        if (  # "12月12日礼拜六", "10月8号周四", "情人节那天正好礼拜六": the date's own weekday
            (not between.strip() or _OWN_WEEKDAY.fullmatch(between))
            and second.kind == "weekday"
            and len(first.days) == 1
            and _told_weekday(text, second) == first.days[0].weekday()
        ):
            whole = TimeMention((first.span[0], second.span[1]), first.days, first.kind, None, ())
            result = [whole if m is first else m for m in result if m is not second]
            return reconcile_days(text, result, today, venue_spans, calendar)
        if (asked := _story_leads_to(text, named, venue_spans)) is not None:
            # the other days are the story's, told and not asked (kept, so their words are not
            # read as a day no rule took)
            return [
                m if m is asked or not m.resolved else TimeMention(m.span, (), "past", None, ())
                for m in result
            ]
        days = tuple(sorted({d for m in named for d in m.days}))
        return [TimeMention(named[0].span, (), "unsure", None, days[:7])]
    return result


def _told_weekday(text: str, said: TimeMention) -> int | None:
    """The weekday a weekday mention names: its last character in Chinese ("礼拜六"), its one day
    in English ("a Sunday")."""
    # (its span may hold "那天" read with it: "礼拜六 那天" is Saturday's, not 天's; round thirty)
    named = re.sub(r"\s*(?:那一天|那天|这天|当天|那日)$", "", text[said.span[0] : said.span[1]])
    if named and (weekday := _WEEKDAY_OF.get(named[-1])) is not None:
        return weekday
    if _CJK.search(text[said.span[0] : said.span[1]]) or len(said.days) != 1:
        return None
    return said.days[0].weekday()


# "the window" alone in English: the service window, when no other place is named
_WINDOW_ALONE = re.compile(
    r"\bthe\s+window\b(?!\s*(?:seat|sill|cleaner|frame|pane|blind)s?\b)"
    # its hours asked with no "the" (broken English): "if window open 9 oclock monday"
    r"|(?<!\ba\s)(?<!\bany\s)\bwindow\s+(?:is\s+|will\s+be\s+)?(?:open|opens|close|closes|closed|hours)\b"
)


# A day told to be worked: "周六不是要上班嘛", "礼拜天要补班的", "saturday is a working day"
_TOLD_WORKING = re.compile(
    r"\s*(?:不是|是不是|好像|听说|据说|也|还)?\s*(?:要|得|需要)?\s*(?:上班|补班|调休上班|调休)"
    r"|\s+is\s+a\s+(?:make[\s-]?up\s+)?work(?:ing)?\s+day\b"
)


def _weekend_as_setting(text: str, first: TimeMention, second: TimeMention, between: str) -> bool:
    """A weekend told in a clause of the story that asks nothing ("周末终于可以休息了", "my
    daughter is visiting this weekend"), then one of its days in a clause of its own ("这个星期六
    健身房几点开门"): that day is asked, not the whole weekend ("周末开吗，礼拜天呢" asks both)."""
    if not (
        first.kind == "weekend"
        and second.kind in ("weekday", "weekday_in_week", "relative")
        and len(second.days) == 1
        and second.days[0] in first.days
        and not _JOINING_WORD.search(between)
    ):
        return False
    told = _clause(text, first.span)
    if _CJK.search(text):
        gap = text[first.span[1] : second.span[0] + 1]  # (a mention may start with its space)
        story = len(_CJK.findall(told)) - len(_CJK.findall(text, *first.span)) >= 2
        return story and bool(_CLAUSE_END.search(gap)) and not _ASKED.search(told)
    return bool(re.search(r"[,.!;]", between)) and not ("?" in told or _SETTING_ASKS_EN.match(told))


def _weekend_day_told(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A day of the weekend asked about, told as a working one ("这周末食堂开吗 周六不是要上班
    嘛"): the weekend stays asked; the day is the story's."""
    weekends = [m for m in mentions if m.kind == "weekend" and m.resolved]
    if not weekends:
        return mentions
    return [
        TimeMention(m.span, (), "past", None, ())
        if m.kind == "weekday"
        and len(m.days) == 1
        and any(m.days[0] in w.days for w in weekends)
        and _TOLD_WORKING.match(text, m.span[1])
        else m
        for m in mentions
    ]


# Between a weekday and a date said as one ("Friday, March 12", "9月19号，礼拜天", "Dec 31 (Wed)")
_APPOSED = re.compile(r"[\s,，(（]*(?:the\s+)?[\s,，(（]*")


def _reading_of_its_weekday(
    text: str, dated: TimeMention, mentions: list[TimeMention], readings: tuple[date, ...]
) -> tuple[tuple[date, ...], TimeMention | None]:
    """The readings of a date in figures ("4/6": 6 April or 4 June) that fall on the weekday
    said right beside it ("Mon 4/6", "4/6 (Mon)"), with that weekday; all of them and None
    when no weekday is beside."""
    for weekday in mentions:
        if weekday.kind != "weekday" or len(weekday.days) != 1:
            continue
        if weekday.span[1] <= dated.span[0]:
            beside = _APPOSED.fullmatch(text, weekday.span[1], dated.span[0])
        elif weekday.span[0] >= dated.span[1]:
            beside = _APPOSED.fullmatch(text, dated.span[1], weekday.span[0])
        else:
            beside = None
        if beside is not None:
            wanted = weekday.days[0].weekday()
            return tuple(d for d in readings if d.weekday() == wanted), weekday
    return readings, None


def _weekday_off_its_date(text: str, first: TimeMention, second: TimeMention) -> TimeMention | None:
    """A weekday said right beside a date it does not fall on: asked, with the date and that
    weekday nearest to it (None when they agree or are not said as one)."""
    kinds = (first.kind, second.kind)
    if (
        kinds not in (("weekday", "date"), ("date", "weekday"))
        or len(first.days) != 1
        or len(second.days) != 1
        or not _APPOSED.fullmatch(text, first.span[1], second.span[0])
    ):
        return None
    dated, weekday = (second, first) if kinds[0] == "weekday" else (first, second)
    day, wanted = dated.days[0], weekday.days[0].weekday()
    if day.weekday() == wanted:
        return None
    near = min(
        (day + timedelta(days=n) for n in range(-3, 4) if n),
        key=lambda d: (d.weekday() != wanted, abs((d - day).days)),
    )
    return TimeMention(
        (first.span[0], second.span[1]), (), "unsure", None, tuple(sorted((day, near)))
    )


# The day a story leads to: "…礼拜五要接小孩，所以想礼拜六去卫生站", "…so friday instead"
_SO = re.compile(r"所以|那就|那我就|只能|改(?:成|到|在)|\bso\b|\binstead\b|\brather\b")
# A day told as taken: "下周五我有事", "saturday I'm busy"
_BUSY = re.compile(
    r"有事|没空|没时间|不得空|走不开|不方便|要上班|\b(?:i'?m|i\s+am|we'?re)\s+(?:busy|away|working)\b"
)
# …not a day the resident cannot come: "所以礼拜六也去不了卫生站"
_CANNOT = re.compile(
    r"不能|不了|没空|没时间|不去|不来|\bcan'?t\b|\bcannot\b|\bwon'?t\b|\bnot\s+able\b"
)


def _story_leads_to(
    text: str, named: list[TimeMention], venue_spans: tuple[tuple[int, int], ...]
) -> TimeMention | None:
    """The last day named, when the other days come before it as the resident's own plans and
    the question turns to it with "所以"/"so…instead", naming the venue in its own clause (and
    no venue is named before the story turns)."""
    if not venue_spans:
        return None
    asked = max(named, key=lambda m: m.span[0])
    # the last other day ("改到礼拜五了，…礼拜五有伐": the plan's 礼拜四, before the turn)
    before = max(m.span[1] for m in named if set(m.days) != set(asked.days))
    turn = _SO.search(text, before)
    if turn is None and all(
        _BUSY.search(_clause(text, m.span)) and not _ASKED.search(_clause(text, m.span))
        for m in named
        if m is not asked
    ):  # "下周五我有事 再下周五食堂开不开": the other days told as taken, in their own clauses
        turn = re.compile(r"\s|[,.;，。；]").search(text, before)
    if turn is None or turn.start() > asked.span[1] + 40:
        return None
    clause = _clause(text, asked.span)
    start = text.find(clause, max(0, asked.span[0] - len(clause)))
    if (
        any(v[0] < turn.start() for v in venue_spans)
        or not any(start <= v[0] < start + len(clause) for v in venue_spans)
        or _CANNOT.search(text, turn.start())
    ):
        return None
    return asked


# --- Intents and fillers --------------------------------------------------------------------

_HOURS_INTENT = re.compile(
    # (上班/下班 not the resident's own: "俺想下班学点东西", "下班想学", "下班去上课"; round
    # thirty, spent34)
    r"几点|开门|关门|开放|营业|开不开|开吗|开着|开没开|关没关|关了|开到|开始|结束|时间|(?<![我要又得想])(?:上班|下班)(?![后前了以之族学去来想])"
    r"|休息|开业|关闭|打烊|还开|开了|开么|几时|什么时候|啥时候|开嘛|有人吗|有人在|可以去|能去|有课"
    r"|办公|上课吗|在不在|在吗|值班|坐诊|营业|有饭吃|开饭|供应(?:吗|不)"
    # (r30f) still food now, "食堂还有饭吗", "这个点还有吃的吗": open now (not what is served)
    r"|还有(?:饭|吃的|东西吃|的吃)(?:吃)?(?=\s*(?:吗|伐|么|不|没|哇|啊|呀|呢|[?？]|$))"
    r"|\bstill\s+(?:serving|any\s+food|food|doing\s+(?:food|meals|dinner|lunch))\b"
    # (round twenty-eight) "食堂有没有开", "图书室下昼有冇开" (not what is offered: "有没有开书
    # 法课", "有没有开发票")
    # (the place itself open: the word ends there or 门/放/着 follow; not a thing switched on or
    # offered, "活动室有没有开空调", "食堂有没有开水", "夜校有没有开英语"; a second reader, r2)
    r"|有没有开(?=\s*$|[\s?？,，。.!！]|门|放|着|呀|啊|呢|哦|啦|的[\s?？,，。!！]*$)"
    # as usual, said right after the place (blanked) or with 都: "下周一到周五食堂都正常吗",
    # "明天卫生站正常伐" (not "血压正常吗": a thing's state)
    # (都 after a thing is its state: "体检结果都正常吗")
    r"|(?<![\u4e00-\u9fff])\s*(?:都|还|一切)?\s*(?:正常|照常)(?:吗|伐|么|不|吧)"
    r"|\bopen(?:s|ed|ing)?\b|\bclos(?:e|es|ed|ing)\b|\btimes?\b"
    # (not a stay counted in hours: "book it for a couple of hours", "for 2 hours")
    r"|(?<!couple\sof\s)(?<!few\s)(?<!several\s)(?<!\d\s)(?<!\d)(?<!two\s)(?<!three\s)(?<!an\s)"
    r"(?<!one\s)\bhours?\b|\bwhen\b(?!\s+(?:i|we)\s+(?:come|go|get|visit|drive|bring))|\buntil\b"
    r"|\btill\b|\bschedule\b|\btimetable\b"
    # 开 alone at the end, typed short (round twenty-seven, dev104): "9/26 开?", "周日 哪开"
    r"|(?:(?<![\u4e00-\u9fff])|(?<=哪))开(?=\s*[?？]*\s*$)"
    # which days a place keeps asked in English: "what days is night school" (its timetable,
    # not today's date; the Chinese "夜校周几上课" is `_WEEKDAY_ASKED`)
    r"|\b(?:what|which)\s+days\b(?!\s+(?:next|this)\b)"
)
# Which weekdays asked of a place named, nothing else asked: "夜校周几上课", "夜校是礼拜几的",
# "健身房礼拜几开" (the whole question: "…的预防接种门诊礼拜几开" names another body's clinic)
_WEEKDAY_ASKED = re.compile(
    r"^\W*(?:[\u4e00-\u9fff]{0,2}老师\W*)?(?:是|一般|一般是|都是)?\s*(?:(?:周|星期|礼拜)几|哪几天|哪些天)"
    r"\s*(?:有|上)?\s*(?:课|开门?|营业|上班|在)?\s*(?:的|啊|呀|呢|来着)?\W*"
    # …with one's own memory owned up to after it: "夜校是礼拜几上课的 我忘了"
    r"(?:我?(?:又|都)?(?:忘了|忘记了|忘掉了|记不清了?|记不得了|想不起来了?)\W*)?$"
)
# …asked of a teacher alone: "老师 周几?" (the class's day)
_TEACHER_WEEKDAY = re.compile(
    r"\W*(?P<who>[\u4e00-\u9fff]{0,2}老师)\W*(?:是|一般|一般是)?\s*(?:周|星期|礼拜)几"
    r"\s*(?:的|啊|呀|呢|来着)?\W*"
)
# What is offered, not when: "夜校都开了哪些课", "开什么班"
# A place told by what is done there, right before its name ("办社保的窗口", "打疫苗的卫生站")…
_DESCRIBED_BY = re.compile(r"(?:办|打|拍|看|配|量|借|交|报名)[\u4e00-\u9fff]{1,4}的\s*$")
# …and only where it is asked after it
_WHERE_ALONE = re.compile(
    r"\s*(?:具体)?(?:是)?在(?:哪个位置|什么位置|哪|哪里|哪儿|什么地方|啥地方|几楼)(?:啊|呀|呢|吗|伐)?\s*[?？]?\s*"
    # a floor guessed after it: "办社保的窗口在哪里 一楼伐"
    r"(?:(?:是不是|是)?(?:[一二三四五六1-6]|底|顶)(?:楼|层)(?:吗|呢|吧)?\s*[?？]?\s*)?"
)
_NUMBER_ASKED = re.compile(
    r"多少|几号|号码|\bwhat(?:'?s)?\s+(?:the\s+|your\s+)?(?:number|phone)\b|\bnumber\s*\?"
    # a number to ring asked for: "is there a number I can ring", "do you have a phone number"
    r"|\b(?:is\s+there|do\s+you\s+have|have\s+you\s+got|any)\s+(?:a\s+|an\s+)?(?:phone\s+|telephone\s+"
    r"|contact\s+)?number\b|\bnumber\s+(?:i|we)\s+(?:can|could)\s+(?:ring|call|phone)\b"
)
# A medicine and 开 after it: prescribed, not open ("高血压的药能在你们那里开吗")
_PRESCRIBED = re.compile(r"药[\u4e00-\u9fff]{0,8}?开(?=吗|伐|不|么|呢|$|\s)")
# someone's own job, told around the ask ("给我女儿报一个 她刚毕业上班"): not our hours
_OWN_JOB = re.compile(
    r"(?:他|她|伊|我|儿子|女儿|孩子|老公|老婆)(?:刚|刚刚|已经|才)(?:毕业)?(?:去|在)?(?:上班|工作|参加工作)(?:了)?"
    # where the resident works, told as who is asking: "我在近铁广场上班"
    r"|我在[\u4e00-\u9fff]{1,8}?(?:上班|工作)(?!时间|日)"
    # a habit the resident means to take up: "想开始锻炼", "打算开始学书法"
    r"|(?:想|要|打算|准备|决定|计划)(?:要)?\s*开始(?=\s*[\u4e00-\u9fff])(?!\s*(?:了|吗|伐|呢|几|的|时|啦))"
    # the resident worn out by their own work: "上班上傻了", "加班加得头昏", "工作忙晕了"
    r"|(?:上班|加班|工作)(?:上|加|忙)?得?(?:傻|昏|晕|懵|糊涂|累|疯|迷糊)"
)
# A visit counted, not a time of day: "the first time", "next time", "three times a week"
_TIMES_COUNTED = re.compile(
    r"\b(?:the\s+)?(?:first|second|next|last|every|each|one|two|three|many|several)\s+"
    r"times?\b|\btimes?\s+(?:a|per)\s+(?:day|week|month)\b"
)
_OFFERED = re.compile(r"开(?:了|设了?|过)?(?:哪些|什么|啥|几门|几个|哪几门)(?:课|班|课程)?")
# A strict head asking whether a place is open or staffed (not "时间", "when", "可以去").
# An errand asked whether it can be done, said beside a day named (round twenty-seven, dev104):
# the day's hours of the entry's venue. Not whether it is ready ("明天能办好吗", "办下来").
_DONE_ON_DAY = re.compile(
    r"(?:能|可以|好|能不能|可不可以)\s*办(?![好完下出成])|办得了|\bcan\s+i\s+(?:get|do|apply)\b"
)
_HOURS_HEAD = re.compile(
    r"几点|开门|关门|开放|营业|开不开|开吗|开到|有人吗|有没有人|有人在|上班吗|打烊|还开|来得及"
    r"|\bopen\b|\bclos(?:e|es|ed|ing)\b|\bopening\s+hours\b"
)
_WHERE_INTENT = re.compile(
    r"在哪|哪里|哪儿|地址|怎么走|怎么去|位置|几楼|哪个楼|在(?:什么|啥)地方|\bwhere\b|\baddress\b|\blocation\b"
    # how far from a landmark: "离地铁站近伐 走过去要多久", "how far is it from the metro"
    r"|离[\u4e00-\u9fff0-9]{1,10}?(?:近|远)|多远|走过去|走路(?:要|过去)|步行|\bhow\s+far\b"
    # (not "how do I get a gym card": a thing obtained, not the way)
    r"|\bhow (?:do i |can i |to )?get\b(?!\s+(?:a|an|my|one|some)\b)|\bwhich floor\b"
    # (its floor asked with "what": "night school classrooms, what floor are they on?"; round
    # thirty, spent31)
    r"|\bwhat\s+(?:floor|level|storey)\b"
    # a place looked for: "i'm looking for the legal aid office" (r29z; was the legal aid FAQ)
    r"|\blooking\s+for\s+(?:the|your)\b"
)
# Where a place is, asked alone (how to get there is the address entries')
_LOCATED = re.compile(
    # which door it is entered by, before "在哪" takes its first words: "食堂在哪个门进去",
    # "健身房走哪个门", "从哪个门进" (round twenty-seven, spent21)
    r"(?:在|从|走|由)?哪(?:个|一个|扇|道|边的?)?门(?!口)(?:进去|进来|进|走|出入)?(?:比较)?(?:近|方便)?|"
    # which side of which floor, before "在哪" takes its first words: "在一楼哪一边"
    r"(?:在)?(?:[一二三四五六七八九1-9]楼|底楼|大楼)?(?:的)?哪(?:一)?(?:边|头|侧)|具体(?=\s*(?:是)?在)|"
    # which room or floor ("在哪个房间", "在哪一层", "一楼还是二楼"), said with it: "我第一次去"
    # which building ("夜校教室在哪栋楼")
    r"(?:在)?哪(?:一)?(?:栋|幢|座)(?:楼)?|"
    # (its floor said whole: "健身房在哪层楼", "喺边层楼", "在第几层楼")
    r"(?:在)?(?:哪个|哪间|哪一)(?:房间|屋|层楼?|楼层?)|在?哪层楼?|第?几楼|第?几层楼?|[一二三四1-4]楼还是[一二三四1-4]楼"
    r"|楼上还是楼下|(?:东|西|南|北|前|后|左|右)(?:边|面|头)还是(?:东|西|南|北|前|后|左|右)(?:边|面|头)"
    r"|(?:我|我们)?(?:第一次|第一趟|第一回|头一趟|头一回|头一次)(?:去|来|过去)|\b(?:which|what)\s+(?:room|floor|level)\b"
    r"|在哪(?:里|儿)?|哪里|哪儿|在(?:什么|啥)地方|位置|\bwhere\b|\blocation\b"
    # its address with its phone ("老年食堂电话地址")
    r"|地址|\baddress\b"
    # the way in, the side of the building, not found last time: "阅览室怎么走", "在大楼哪一边",
    # "健身房是在地下室伐 我寻不着入口", "我上趟寻了半天"
    # the way from the door: "进门往哪边走", "进去往左还是往右拐", "上楼朝哪个方向"
    r"|(?:进门|进去|进来|进大门|进了门|上楼|下楼|出电梯)?(?:以后|之后|后)?\s*(?:往|朝|向)"
    r"(?:哪边|哪一边|哪里|哪儿|哪个方向|左(?:边)?还是(?:往|朝|向)?右(?:边)?)(?:走|拐|转|去)?"
    r"|怎么走|怎么过去|(?:在)?(?:大楼)?(?:哪边|哪一边|哪一头|哪个门)|入口|(?:是)?在(?:地下室|地下|底楼|楼上|楼下)"
    r"|(?:上趟|上次|上回)?(?:寻|找)(?:了半天|不到|不着|了好久)|\bcan'?t\s+find\b"
    # …or said gone by: "我上次没找到", "上趟没寻着", "couldn't find it last time"
    r"|(?:我|阿拉|伲)?(?:上趟|上次|上回|上礼拜|昨天)?(?:我|阿拉|伲)?(?:没|没有|呒没)(?:找|寻)(?:到|着)"
    r"|\b(?:couldn'?t|could\s+not|didn'?t|did\s+not)\s+find\b|\blooking\s+for\s+(?:the|your)\b"
    # afraid to go the wrong way, inside the building or apart from it: "怕走错", "是在中心里面吗
    # 还是外头单独一间"
    r"|(?:怕|担心)(?:走错|找错|寻错|找不到|寻不着|迷路)|走错"
    r"|(?:是)?在[\u4e00-\u9fff]{0,4}?(?:里面|里头|外面|外头)(?:吗|伐|呢)?"
    r"|(?:还是)?(?:在)?(?:外面|外头)?单独(?:一间|一栋|一幢|一个|的)?"
    r"|\bwhich\s+(?:side|entrance|door|wing|building)(?:\s+of\s+the\s+building)?\b|\bentrance\b"
    r"|\bhow\s+do\s+i\s+get\s+in\b"
    # a floor guessed ("在哪里 一楼伐", "是不是二楼"), the way from a landmark ("从大门进去怎么
    # 走", "出了电梯往哪边"), a room's number ("房间号多少", "律师在几号房间", "which room number")
    r"|(?:是不是|是)?(?:[一二三四五六1-6]|底|顶)(?:楼|层)(?:吗|呢|吧)?"
    r"|从(?:大门|正门|门口|后门|侧门|电梯|楼梯|地铁站?|车站|马路)(?:口)?(?:进去|进来|进|过去|过来|上去|出来)?"
    r"(?:以后|之后|后)?(?:怎么走|往哪(?:边|里)?(?:走|拐)?)?"
    r"|(?:房间|门牌|房)号(?:码)?(?:是)?(?:多少|几号)?|几号(?:房间?|室|门)|(?:在)?哪个?门(?:牌)?号?"
    r"|\b(?:room|door)\s+number\b|\bwhich\s+(?:room|floor|building|block)\b"
    # a place called by what is done there: "照相的地方", "看病的地方"
    r"|的地方"
    # a basement level, as the lift buttons say: "gym在哪 B几楼", "是不是在B2", "B1还是B2"
    r"|(?:是不是|是)?(?:在)?(?<![a-z])(?:b|负|地下)\s*(?:[1-5一二三四五]|几)\s*(?:楼|层)?"
    r"(?:还是(?:b|负|地下)\s*[1-5一二三四五]\s*(?:楼|层)?)?(?:吗|呢|吧)?"
)
# What a place is, asked right after its name ("shared studio是啥", "活动空间是什么"): its card,
# even with a thing it may have asked after ("…有录音间吗"); not "是什么时候", "是什么价格"
_WHAT_IS_IT = re.compile(
    r"\s*(?:是|是个)(?:什么|啥)(?:东西|地方|意思)?(?:啊|呀|呢|哦)?(?![\u4e00-\u9fff])"
)
# A task the resident wants done there: "能办居住证吗", "can the service window do it"
_TASK = re.compile(
    r"能办|可以办|能不能办|办得了|办理|补办|续签|续办|\b(?:renew|apply\s+for)\b"
    r"|(?:哪里|在哪|哪儿|哪能|去哪)(?:里|儿)?(?:能|可以)?办(?!公)"  # "健身卡哪里办": the card
    r"|\bcan\s+(?:\w+\s+){0,3}(?:do|handle|process|sort)\s+(?:it|this|that|them)\b"
)
# Words that only say which place or what it is for: the site's name, "是干嘛的", "what is"
_WHAT_PLACE = re.compile(
    r"长风湾|1690|党群|服务中心|\bchangfeng(?:\s+bay)?\b|\b(?:at|in)\s*$|\bcent(?:re|er)\b"
    r"|是干嘛的|是干什么的|是做什么的|是做啥的|干(?:什么|啥|嘛)用的|做(?:什么|啥)用的|是(?:什么|啥)地方"
    # …its place word after it: "琴房是干嘛的地方", "夜校是做什么的单位"
    r"|(?<=的)\s*(?:地方|场所|单位|部门|房间|屋子)"
    # without 的 ("夜校是做啥个": 啥个 = 什么), and what it does ("夜校做点什么", "是搞什么的")
    r"|是?(?:做|干|搞)(?:点)?(?:什么|啥个?|嘛)(?:的|呀|呢|啊)?$"
    r"|\bwhat\s+(?:is|are|does)\b|\bwhat'?s\b|\bfor\b"
    # the place as a whole: "tell me (a bit) about the gym", "info on the legal aid desk",
    # "canteen address + phone pls"
    r"|\btell\s+me\s+(?:a\s+(?:bit|little)\s+|more\s+)?about\b|\b(?:some\s+)?info(?:rmation)?\s+(?:on|about)\b"
    r"|\bdetails\s+(?:of|on|about)\b|\baddress\b|\bpls\b|\bplz\b|\+|&"
    # the place introduced: "我想了解一下共享工作室", "介绍下卫生站", "I'd like to know about
    # the gym"
    r"|(?:给我|帮我|跟我)?想?(?:了解|介绍)(?:一下|下)?"
    r"|\b(?:i'?\s?d\s+like\s+to|i\s+want\s+to)?\s*(?:know|learn|hear)\s+(?:more\s+|a\s+bit\s+)?about\b"
    # the place called by who or what is in it: "the place with the lawyers", "律师那个地方"
    r"|\b(?:the|that)\s+(?:place|room|office|one)\s+(?:with|that\s+has|where)(?:\s+the)?\b"
    r"|^\s*(?:那个|这个)?(?:地方|那个地方|那边|那块)\s*$"
)
# The place's own room, said with its name ("夜校教室在哪栋楼")
_ROOM_WORD = re.compile(r"教室|课堂|(?:那个|那间|这个)?房间|\bclassrooms?\b")
_PHONE_INTENT = re.compile(
    r"(?:电话|号码)(?:号码)?(?:是)?多少|电话|号码|座机|联系|\bphone\b|\bcall\b|\bnumber\b|\bcontact\b"
    # ringing the place up, a number to call first: "how do I ring the photo studio",
    # "我想先打个电话问问", "我想打过去问问"
    r"|\bring\b|打(?:个)?电话(?:过去)?(?:问问|问一下)?|打过去(?:问问|问一下)?"
)
_FILLERS = re.compile(
    r"请问|你好|您好|一下|你们|我们|我想|想问|知道|告诉我|这里|那边|这边|中心|驿站|社区|能不能|可不可以"
    # heard of it, whether there is one ("听说有个下棋的地方 在哪里", "有没有看报的地方 在哪")
    r"|听说|听讲|听人家讲|听人说|听别人说|有没有"
    r"|可以|能|吗|呢|吧|啊|呀|嘛|哦|的|了|是|有|在|去|我|要|还|不|么|个|那|这|会|都|呐|么|啦"
    # back to the usual ("初八就正常开门了吧", "from the 24th back to normal hours?")
    r"|就|恢复正常|恢复|照常|正常|\bback\s+to\s+(?:normal|usual)\b|\bas\s+usual\b|\bnormal(?:ly)?\b|\bagain\b"
    r"|\b(?:is|are|the|a|an|on|at|in|it|its|do|does|you|your|please|pls|plz|plse|hi|hello|will|be|open|still"
    r"|tell|me|i|can|what|s|for|of|to|there|this|that|and|or|hey|could|would|know|want"
    r"|cent(?:re|er)"
    # "you" in text-speak and its plurals: "r u open", "are you guys/folks open", "y'all"
    r"|u|r|ur|guys|folks|y'?\s?all|ya)\b"
)
_QUESTION_WORDS = re.compile(
    r"[?？]|吗|呢|什么|怎么|哪|几|多少|能不能|可不可以|是否|有没有|请问|为什么|如何|谁|可以|能否"
    r"|^(?:what|when|where|how|who|why|which|can|could|is|are|do|does|will|would|should|may)\b"
)
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "is",
        "are",
        "am",
        "be",
        "do",
        "does",
        "did",
        "i",
        "you",
        "we",
        "my",
        "your",
        "our",
        "me",
        "it",
        "its",
        "to",
        "of",
        "in",
        "on",
        "at",
        "for",
        "and",
        "or",
        "can",
        "could",
        "would",
        "will",
        "should",
        "please",
        "pls",
        "plz",
        "there",
        "this",
        "that",
        "what",
        "which",
        "who",
        "how",
        "when",
        "where",
        "there's",
        "s",
        "hi",
        "hello",
        "hey",
        "any",
        "some",
        "get",
        "got",
        "have",
        "has",
        "with",
        "about",
        "like",
        "d",
    ]
)
_STOP_CJK = re.compile(r"请问|一下|你们|我们|我想|想问|您好|你好|[吗呢吧啊呀嘛哦的了我]")


_GREETING = re.compile(
    # "喂喂喂 有人吗", "anyone there": someone checking the chat is alive is greeted back
    r"(?:喂+ ?)*(?:你好|您好|侬好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早|在吗"
    r"|在不在|哈喽|嗨|有人吗|有人在吗|有没有人|有人伐|人呢|喂+"
    r"|hello|hi|hey|good (?:morning|afternoon|evening)"
    r"|(?:hello )?(?:is )?(?:anyone|anybody) (?:there|here|around)"
    r")(?:呀|啊|哦|呢)?(?: ?请问)?"
)
# "好的", "知道了", "ok", "got it": an answer taken in, nothing asked
_ACK_ALONE = re.compile(
    r"(?:好的|好嘞|好滴|好|嗯+|哦+|噢|行|收到|晓得了|知道了|明白了|了解了|懂了"
    r"|ok|okay|okk+|k|got it|noted|all right|alright|understood|i see)"
    r"(?: ?(?:好的|哦|了|啦|呀|哈))?"
)
# "晓得了 谢谢侬哦", "cool thx", "thank you so much", "辛苦了": said, not asked
_ACK = (
    r"(?:(?:好的|好|嗯|哦+|噢|ok|okay|cool|great|晓得了|知道了|明白了|了解了)"
    r"(?: ?(?:好的|哦|了))? ?)?"
)
_THANKS = re.compile(
    _ACK + r"(?:谢谢|谢谢你|谢谢您|谢谢侬|谢谢你们|多谢|多谢侬|感谢|thanks|thank you|thx|ty"
    r"|辛苦了|辛苦你了|辛苦您了|辛苦侬了|麻烦你了|麻烦侬了)"
    r"(?: ?(?:啦|了|呀|哦|噢|哈|so much|a lot|very much|again|lots))?"
)
_BYE = re.compile(
    _ACK
    + r"(?:再见|再会|拜拜|回头见|bye|bye bye|byebye|goodbye|see you|see ya|cya)"
    + r"(?: ?(?:啦|了|呀|哦))?"
)


# What day it is today, asked alone: "今天礼拜几", "今天几月几号", "what's the date today"
_WEEKDAY_NAME = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_TODAY_ASK = re.compile(
    # the date told two ways ("今天是11号还是12号", "is today the 11th or 12th")
    r"(?:请问|问一下|问下)?\s*(?:今天|今日)\s*(?:是)?\s*(?:[0-9一二三四五六七八九十廿卅]{1,3}\s*[号日]|礼拜.|星期.|周.)"
    r"\s*(?:还是|或者)\s*(?:[0-9一二三四五六七八九十廿卅]{1,3}\s*[号日]|礼拜.|星期.|周.)\s*(?:啊|呀|呢|啦)?"
    r"|(?:is\s+(?:it\s+|today\s+)|(?:is\s+)?today\s+(?:is\s+)?)(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|\w+day)"
    r"\s+or\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?|\w+day)(?:\s+today)?"
    # the lunar date of today too ("今朝农历几号")
    r"|(?:请问|问一下|问下|你好|您好)?\s*(?:今天|今日)\s*(?:到底|究竟)?\s*(?:是)?\s*(?:农历|阴历)?\s*(?:几月)?\s*(?:几号|几日)?\s*"
    # …its lunar month and day guessed at or asked by name: "今天农历是正月十几啊", "今天是腊月
    # 廿几", "今天阴历多少"
    r"(?:(?<=[天日])\s*(?:农历|阴历|老历|旧历)?\s*(?:是)?\s*(?:几月|[正腊冬]月|[一二三四五六七八九十]{1,2}月)?"
    r"\s*(?:初几|十几号?|廿几|二十几号?|几号|几日|多少号?)\s*(?:了|啊|呀|呢|哦|啦|来着)?\s*(?:吗)?$)?"
    # (a particle between the two asks: "今朝几号啊 礼拜几")
    r"(?:(?<=[号日])\s*(?:啊|呀|呢|啦|了)\s*)?(?:是)?\s*(?:礼拜几|星期几|周几)?\s*(?:几号|几日)?\s*(?:来着|了|啊|呀|呢|哦|啦)?\s*(?:吗)?"
    # English, once punctuation is blanked: "what s the date today", "today s date"
    r"|(?:(?:hi|hello|excuse me|sorry)\s+)?(?:(?:what\s?s|what\s+is)\s+(?:the\s+)?"
    r"(?:lunar\s+|chinese\s+)?(?:date|day)"
    r"(?:\s+(?:is\s+it\s+)?today)?|(?:what\s?s\s+|what\s+is\s+)?today(?:\s?s)?\s+date"
    r"|what\s+(?:date|day)(?:\s+of\s+the\s+week)?\s+is\s+(?:it\s+)?today"
    # asked for someone, said indirectly: "(my grandma is asking) what day it is today"
    r"|what\s+(?:date|day)(?:\s+of\s+the\s+week)?\s+it\s+is(?:\s+today)?"
    # "what day of the week is it", "what weekday is it today"
    r"|(?:which|what)\s+(?:day(?:\s+of\s+the\s+week)?|weekday)\s+is\s+it(?:\s+today)?)(?:\s+please)?"
    # one guess at it asked (round twenty-seven): "is today thursday", "is it the 28th today",
    # "today is thursday right", "今天是礼拜四吗", "今朝是不是28号"
    r"|(?:is\s+(?:it|today)|today\s+is|it\s?s)\s+(?:the\s+)?(?:"
    + _WEEKDAY_NAME
    + r"|\d{1,2}(?:st|nd|rd|th)?)"
    r"(?:\s+today)?(?:\s+(?:right|yes|correct|isn\s?t\s+it))?"
    r"|(?:今天|今日|今朝)\s*(?:是不是|是)?\s*(?:(?:礼拜|星期|周)[一二三四五六日天]|[0-9一二三四五六七八九十廿卅]{1,3}[号日])"
    r"\s*(?:吗|伐|吧|啊|呀|对吧|对伐|对不对|是吗|是伐|没错吧)?"
)
# The clock's place and moment said with the ask (round twenty-eight, spent27; a child abroad
# asks the centre's date): "what's the date in shanghai right now", "上海现在几号", "你们那边今天
# 礼拜几"; not "what's the date of the concert" (no place nor moment, left as it is)
_TODAY_HERE_NOW_EN = re.compile(
    r"\s+(?:(?:over\s+)?(?:in|there\s+in|here\s+in)\s+(?:shanghai|china)|(?:right\s+)?now"
    r"|at\s+the\s+moment)(?=\s|$)"
)
_TODAY_HERE_NOW_ZH = re.compile(
    r"^\s*(?:上海|中国|国内|你们|您们|你|侬)?(?:那边|这边|那里|这里|那头)?\s*(?:现在|眼下|此刻)"
    r"(?=\s*(?:今天|今日|今朝|几号|几月几号|礼拜几|星期几|周几))"
    r"|^\s*(?:上海|中国|国内|你们|您们|侬)(?:那边|这边|那里|这里|那头)?\s*(?=今天|今日|今朝)"
)
_TODAY_WORD = re.compile(
    r"几|星期|礼拜|周|还是|\bdate\b|\b(?:week)?day\b|\bor\b|\b" + _WEEKDAY_NAME + r"\b"
    r"|\b\d{1,2}(?:st|nd|rd|th)\b|(?:农历|阴历|老历|旧历)\s*(?:是)?\s*多少"
)
# …typed short, the whole message only the ask (round twenty-seven, dev104): "星期几?", "date?"
# (never read after a story or a place: "夜校 星期几?" asks the school's days)
_TODAY_ASK_SHORT = re.compile(
    r"\s*(?:星期几|礼拜几|周几)(?:了|啊|呀|来着)?\s*|\s*(?:what\s+|the\s+)?date(?:\s+today)?\s*"
)
# A word of hesitation before the ask ("wait what day is it", "hang on, what's the date", "等
# 等 今天礼拜几", "哎 今天几号了"), and the resident's own guess after it ("…, thursday?", "is it
# the 2nd?", "礼拜四吧", "是不是周四"): still only today's day asked
_TODAY_LEAD = re.compile(
    r"^\W*(?:(?:wait|hang\s+on|hold\s+on|um+|uh+|hmm+|oh|so|ok(?:ay)?|sorry|erm?)\b[\s,.!?;…-]*)+"
    r"|^\W*(?:等等|等一下|等下|哎呀|哎|诶|咦|嗯|额|呃|对了)[\s,，。!！?？…]*"
)
_ONE_GUESS = (
    r"(?:(?:is\s+it|it\s?s|isn\s?t\s+it|must\s+be)\s+)?(?:the\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|\d{1,2}(?:st|nd|rd|th)?)(?:\s+(?:right|maybe|i\s+think|already|today))?"
    r"|(?:是不是|是)?(?:礼拜|星期|周)[一二三四五六日天](?:吧|吗|啊|伐|哦|了)*"
    r"|(?:是不是|是)?[0-9一二三四五六七八九十廿卅]{1,3}[号日](?:吧|吗|啊|伐|哦|了)*"
)
_TODAY_GUESS = re.compile(_ONE_GUESS)
# Two guesses at it ("wednesday or thursday?", "礼拜三还是礼拜四"), perhaps with the resident's own
# state told after them ("…? totally lost track after the trip")
_TODAY_GUESSES = re.compile(
    rf"(?:{_ONE_GUESS})(?:\s*(?:or|还是|或者|,|，)\s*(?:{_ONE_GUESS}))+\s*[?？!！.。]*"
)


_TODAY_BOUNDARY = re.compile(r"[\s,.!?;，。！？；]+")
# …or, dictated without punctuation, a final particle before more ("今天几号礼拜几啊我搞糊涂了")
_TODAY_BOUNDARY_SAID = re.compile(r"[\s,.!?;，。！？；]+|(?<=[啊呀呢啦])(?=[\u4e00-\u9fff])")
# …and whether that day is worked or a day off, asked after it (r26 dev97): "是上班还是放假",
# "上不上班", "放不放假", "是工作日吗", "a working day or a holiday?"
_TODAY_WORKED_ASIDE = re.compile(
    r"(?:那|今天|今朝)?\s*(?:是|算)?\s*(?:(?:要)?上班还是(?:放假|休息)|(?:放假|休息)还是(?:要)?上班|上不上班"
    r"|放不放假|休不休息|(?:是不是)?(?:工作日|上班日|休息日|假期|假日)(?:吗|伐|呢)?)\s*(?:啊|呀|呢|吗|伐)?"
    r"|(?:is\s+it\s+)?(?:a\s+)?(?:working|work)\s+day\s+or\s+(?:a\s+)?(?:holiday|day\s+off|not)"
    r"|(?:is\s+it\s+)?(?:a\s+)?(?:holiday|day\s+off)\s+or\s+(?:a\s+)?(?:working|work)\s+day"
)
# Today's date told as asked by someone else, in a story before one's own ask ("我外婆老是问今天
# 星期几 我自己都糊涂了 今天到底星期几"): no question of the resident's own
_TODAY_REPORTED = re.compile(
    r"问(?:我|伊|侬)?\s*(?:今天|今日)\s*(?:是)?\s*(?:礼拜几|星期几|周几|几月几号|几号|几日)"
)
# Whom a message is addressed to, first: "王老师", "小张你好", "阿姨好", "hi there"
_ADDRESSED = re.compile(
    r"^\W*(?:[\u4e00-\u9fff]{0,2}(?:老师|阿姨|师傅|同志|主任|经理|姐姐|小姐|先生)\s*(?:好|你好|您好)?"
    r"|你好|您好|大家好|各位好|(?:hi|hello|hey)(?:\s+there)?)[\s,.!?;，。！？；]+"
)


# A teacher addressed ("老师 周几?", "王老师 礼拜几?"): a weekday asked alone after it is the
# class's day, not today's
_TEACHER_ADDRESSED = re.compile(r"^\W*[\u4e00-\u9fff]{0,2}老师(?!\s*(?:好|你好|您好))")

_THIS_SAID = re.compile(r"\s*this\s")


def _next_weekday_contrasted(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """:func:`next_weekday_asked` on each mention, except a "next friday" said beside "this
    friday" ("night school this thursday and next thursday", "gym this friday or next friday"):
    the other one is this week's, so "next" is the week after, not asked (not beside "last
    friday" or "on friday", a day gone by told)."""
    this_weeks = {
        m.days[0]
        for m in mentions
        if m.kind == "weekday"
        and m.resolved
        and len(m.days) == 1
        and not m.candidates
        and _THIS_SAID.match(text, m.span[0])
    }
    return [
        m
        if m.kind == "weekday"
        and m.resolved
        and len(m.days) == 1
        and any(d in m.candidates and d != m.days[0] for d in this_weeks)
        else next_weekday_asked(m)
        for m in mentions
    ]


# A day counted on from the last day named: "back on the 28th. The weekend after that",
# "not this saturday, not next saturday, the one after that", "28号回来，那之后的周末",
# "不是这个礼拜六也不是下个礼拜六，再下一个"
_AFTER_THAT = re.compile(
    r"\b(?:the\s+)?(?:(?P<en_weekend>weekend)|(?P<en_weekday>monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)|(?P<en_one>one))\s+(?:right\s+|just\s+)?after\s+(?:that|it)\b"
    r"(?!\s+(?:one|weekend|\w+day)\b)"
    r"|(?:那|这)\s*(?:之后|以后|后面|后头)\s*(?:的|那个|一个|的那个)?\s*(?:(?P<zh_weekend>周末)"
    r"|(?:礼拜|星期|周)(?P<zh_weekday>[一二三四五六日天]))"
    r"|再\s*下\s*(?:一个|个)(?:(?P<zh_one>(?![礼星周月])|的?(?:礼拜|星期|周)[一二三四五六日天]))"
    # "not this saturday, the one after - …": the one after it, "that" unsaid (at a clause end)
    r"|\bthe\s+one\s+after(?=\s*(?:[-–—,.;:!?]|$))"
)
_CLAUSE_BREAK = re.compile(r"[.,;:!?，。；：！？]")
_ASKED_FIRST = re.compile(r"[?？]|吗|伐|么|呢|嘛")
_WEEKDAY_OF_EN = {
    name: n
    for n, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}


# A sentence's end ("? ", "。", "! "; between Chinese words a space): clauses of a message
_SENTENCE_END = re.compile(r"[?？!！。]|\.(?=\s|$)|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
# A sentence that asks ("…开吗", "is the gym open…?")
_SENTENCE_ASKS = re.compile(
    r"[?？]|[吗呢伐么]|几点|多少|什么|啥|哪|能不能|开不开|有没有"
    r"|^\s*(?:is|are|was|were|do|does|did|can|could|will|would|what|where|when|how|which)\b",
    re.IGNORECASE,
)
# What was done (or missed) today, told in a sentence that asks nothing ("今天在食堂吃的晚饭，…",
# "今天下午本来想去找律师的，结果…没去成", "had dinner at the canteen today."): the story's today,
# not the day asked, when a later day is asked in another sentence (round thirty, spent31)
_TODAY_DONE = re.compile(
    r"吃的|吃了|吃过|去了|来了|去过|来过|办了|看了|练了|上了|排了|没去成|没来成|没赶上|本来(?:想|要|打算)"
    r"|原本(?:想|要|打算)|结果|已经"
    r"|\b(?:went|came|had|ate|was|were|did|tried|missed|couldn'?t|didn'?t|wasn'?t)\b",
    re.IGNORECASE,
)
# A day said as the deadline of an errand ("need ID photos … before Tuesday", "周二之前要交"),
# or a day gone by (hearsay: "someone said it was shut yesterday for 中元")
_DEADLINE_BEFORE = re.compile(r"\b(?:before|by|until|ahead\s+of)(?:\s+(?:next|this|the))?\s*$")
_DEADLINE_AFTER = re.compile(r"\s*(?:之前|以前|前)(?:就)?(?:要|得|必须|需要)")
# "that day" said back of a day named before it ("Sept 1 is his first day of school, is the gym
# open that day?", "礼拜六我生日 那天食堂开伐")
_THAT_DAY = re.compile(r"that\s+(?:very\s+)?day|the\s+same\s+day|那天|那一天|当天|那日")


# A day said by the writer's own clock abroad: "tomorrow my time", "today, our time", "tomorrow
# (local time)". From the Americas (12 to 16 hours behind Shanghai) in their evening, Shanghai
# is already at their tomorrow ("I'm in Toronto and it's evening here…tomorrow my time" = today
# here); no hour of theirs told, it is today or tomorrow here: asked. Elsewhere (Melbourne,
# Tokyo, London) the date is ours for the centre's day: read as said.
_OWN_CLOCK = re.compile(
    r"\b(?P<day>tomorrow|tmrw|today)\b\s*[,(]?\s*(?:in\s+)?(?:(?:my|our)(?:\s+local)?|local)\s+time\b"
)
_BEHIND_US = re.compile(
    r"\b(?:toronto|vancouver|montreal|ottawa|calgary|canada|new\s+york|nyc|boston|chicago"
    r"|seattle|san\s+francisco|los\s+angeles|l\.?a\.?|california|texas|houston|dallas|miami"
    r"|atlanta|washington|philadelphia|denver|portland|san\s+diego|the\s+(?:us|usa|u\.s\.|states)"
    r"|america|mexico|brazil|argentina|chile|peru|colombia)\b"
)
_THEIR_EVENING = re.compile(
    r"\b(?:evening|night|tonight|late)\b|\b(?:[6-9]|1[01])\s*(?::\d\d\s*)?pm\b"
)


# A weekday of the resident's routine ("老太婆每个礼拜二去书画室写字，明朝礼拜五…开伐", "she goes
# every tuesday, is it open tomorrow?"): told, not asked, when another day is named beside it
_EVERY_BEFORE = re.compile(
    r"(?:每|逢)\s*(?:个|一个)?\s*$"
    r"|\b(?:go|goes|went|come|comes|attends?|does|plays?|sings?|dances?|practi[cs]es?|trains?)\b"
    r"[^,.?!;]{0,40}?\bevery\s+$"
)
# …its doing said after the Chinese weekday: "每个礼拜二去书画室写字"
# (not the day's part or its hours asked: "每个礼拜六上午卫生站开伐 明天呢", "每个礼拜六到几点")
_ROUTINE_DOING = re.compile(
    r"\s*(?:都|要|会|也|就|一般|总)?\s*(?:去|来|到(?!几|什么|啥|哪)|上(?![午半头面])|练|写|跳|唱|参加|在)"
)


def _routine_weekdays(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """The routine's weekdays set aside when another day is asked (see ``_EVERY_BEFORE``)."""
    if "每" not in text and "逢" not in text and "every" not in text:
        return mentions
    routine = [
        m
        for m in mentions
        if m.kind == "weekday"
        and (every := _EVERY_BEFORE.search(text, 0, m.span[0] + (text[m.span[0]] in "个 ")))
        and ("every" in every.group() or _ROUTINE_DOING.match(text, m.span[1]))
    ]
    if not routine or len(routine) == len(mentions):
        return mentions
    return [TimeMention(m.span, (), "past", None, ()) if m in routine else m for m in mentions]


# A weekday that names one's own class or lesson, not a day asked ("my Monday class falls on
# April 6", "her Tuesday lesson", "我礼拜一的课正好是4月6号"; round thirty, spent31)
_CLASS_WEEKDAY_BEFORE = re.compile(
    r"\b(?:my|our|his|her|their)\s+(?:usual\s+|regular\s+)?$|(?:我|我们|阿拉|他|她|伊)(?:的)?\s*$"
)
_CLASS_WEEKDAY_AFTER = re.compile(
    r"\s*(?:evening\s+|night\s+|morning\s+)?(?:class|lesson|session|course)(?:es|s)?\b"
    r"|\s*(?:晚上)?(?:的|个)?(?:课|班)(?!表)"
)


def _class_weekdays(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """One's own class named by its weekday set aside when another day is named beside it."""
    if len(mentions) < 2:
        return mentions
    own = [
        m
        for m in mentions
        if m.kind == "weekday"
        and _CLASS_WEEKDAY_BEFORE.search(text, 0, m.span[0] + (text[m.span[0]] == " "))
        and _CLASS_WEEKDAY_AFTER.match(text, m.span[1])
    ]
    if not own or len(own) == len(mentions):
        return mentions
    return [TimeMention(m.span, (), "past", None, ()) if m in own else m for m in mentions]


def _narrowed_after(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """Several days asked (a festival's break, a week), then one day among them told in a
    sentence that asks nothing ("Is night school on during Qingming? My class falls on April
    6", "清明放假开吗？我是4月6号去"): the day told is the one meant (round thirty, spent31)."""
    named = [m for m in mentions if m.resolved]
    if len(named) != 2 or len(named[0].days) < 2:
        return mentions
    wide, narrow = named
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text) + 1]
    cut = min(b for b in bounds if b > wide.span[1])
    if narrow.span[0] < cut or _SENTENCE_ASKS.search(text, cut) is not None:
        return mentions
    if not set(narrow.days) < set(wide.days):
        return mentions
    return [TimeMention(m.span, (), "past", None, ()) if m is wide else m for m in mentions]


# The writer's own weekday told from abroad (round thirty, dev126: "It's Monday morning here in
# Toronto", "it's already Tuesday here in Auckland", "我在奥克兰这边已经是礼拜二了", "这边还是礼拜一
# 早上"): where they are, not a day asked. Told as Shanghai's weekday it is set aside (their
# tomorrow is ours); told as the day before or after ours, a today / tomorrow / 明天 said beside it
# may be counted from either date: asked, with both days.
_WD_NAMES = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TOLD_WEEKDAY_EN = re.compile(
    rf"\bit(?:'|’)?s\s+(?:(?:already|still|now|just|only)\s+)*(?P<wd>{_WD_NAMES})\b"
    r"[^.?!,;]{0,30}?\b(?:here|over\s+here|where\s+(?:i|we)\s+(?:am|are|live)|for\s+(?:me|us))\b"
    rf"|\b(?:over\s+)?here(?:\s+in\s+[a-z][a-z ]{{0,20}}?)?\s*,?\s*it(?:'|’)?s\s+"
    rf"(?:(?:already|still|now|just|only)\s+)*(?P<wd2>{_WD_NAMES})\b"
)
_TOLD_WEEKDAY_ZH = re.compile(
    r"(?<![你您])(?<!你们)(?<!您们)(?:我们?|阿拉|伲)?(?:这边|这里|这儿|此地|该搭)(?:现在|此刻|这会儿?)?"
    r"(?:(?:已经|还|还是|才|都|也)(?:是)?|是)\s*(?P<wd>(?:礼拜|星期|周)[一二三四五六日天])"
)
_ZH_WD = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}


def _writers_told_weekday(text: str) -> tuple[tuple[int, int], int] | None:
    """The span and weekday (0 = Monday) of the writer's own weekday told, if any."""
    if "it" in text and "here" in text and (told := _TOLD_WEEKDAY_EN.search(text)) is not None:
        group = "wd" if told.group("wd") else "wd2"
        return told.span(group), _WD_NAMES.split("|").index(told.group(group))
    if ("这" in text or "此地" in text or "该搭" in text) and (
        told := _TOLD_WEEKDAY_ZH.search(text)
    ) is not None:
        return told.span("wd"), _ZH_WD[told.group("wd")[-1]]
    return None


def _writers_weekday(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """The writer's own weekday told from abroad set aside (see ``_TOLD_WEEKDAY_EN``)."""
    if len(mentions) < 2 or (told := _writers_told_weekday(text)) is None:
        return mentions
    (start, end), weekday = told
    own = [
        m
        for m in mentions
        if m.kind in ("weekday", "unsure") and m.span[0] < end and start < m.span[1]
    ]
    if len(own) != 1:
        return mentions
    ahead = (weekday - today.weekday() + 3) % 7 - 3  # their date against ours: -1, 0 or +1
    if ahead not in (-1, 0, 1):
        return mentions
    result = []
    for mention in mentions:
        if mention is own[0]:
            mention = TimeMention(mention.span, (), "past", None, ())
        elif ahead and mention.kind == "relative" and len(mention.days) == 1:
            said = mention.days[0]
            both = tuple(sorted({said, said + timedelta(days=ahead)}))
            mention = TimeMention(mention.span, (), "unsure", None, both)
        result.append(mention)
    return result


# "Tomorrow my time" from a zone ahead of Shanghai (round thirty, dev126: "tomorrow my time (I'm in
# New Zealand)"): read as said while their date is ours; in our evening, when their clock has
# already passed midnight (Auckland from 19:00 here, Sydney from 21:00, Tokyo from 23:00), their
# tomorrow is our day after tomorrow: asked, with both days.
_AHEAD_OF_US = (
    (
        re.compile(
            r"\b(?:new\s+zealand|nz|auckland|wellington|christchurch)\b|新西兰|奥克兰|惠灵顿"
        ),
        19,
    ),
    (
        re.compile(
            r"\b(?:australia|sydney|melbourne|canberra|hobart|tasmania)\b|澳洲|澳大利亚|悉尼|墨尔本"
        ),
        21,
    ),
    (re.compile(r"\b(?:japan|tokyo|osaka|korea|seoul)\b|日本|东京|大阪|韩国|首尔"), 23),
)
_AHEAD_FROM = min(hour for _, hour in _AHEAD_OF_US)


def _ahead_clock(text: str, at: time, verdict: Understanding) -> Understanding:
    """Today / tomorrow by the clock of a writer ahead of us, past their midnight: asked."""
    if verdict.kind not in (Kind.HOURS, Kind.OVERVIEW) or len(verdict.days) != 1:
        return verdict
    folded = text.casefold()
    if "time" not in folded and "ｔｉｍｅ" not in folded:
        return verdict  # most evening questions: no second normalising (the hot path)
    said = normalise(text)
    if "time" not in said or _OWN_CLOCK.search(said) is None or _BEHIND_US.search(said):
        return verdict
    if not any(zone.search(said) and at.hour >= hour for zone, hour in _AHEAD_OF_US):
        return verdict
    day = verdict.days[0]
    return Understanding(
        Kind.CLARIFY_DAY, verdict.venue_ids, candidates=(day, day + timedelta(days=1)),
        score=1.0, looks_like_question=True, lang=verdict.lang,
    )  # fmt: skip


def _own_clock_day(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """The day asked by the writer's own clock, from the Americas (see ``_OWN_CLOCK``)."""
    if "time" not in text or (said := _OWN_CLOCK.search(text)) is None:
        return mentions
    if not _BEHIND_US.search(text):
        return mentions
    result = []
    for mention in mentions:
        if mention.span == said.span("day") and mention.kind == "relative":
            if said.group("day") == "today" or not _THEIR_EVENING.search(text):
                # their today is our yesterday or today; their tomorrow our today or tomorrow
                shift = -1 if said.group("day") == "today" else 0
                both = (today + timedelta(days=shift), today + timedelta(days=shift + 1))
                mention = TimeMention(mention.span, (), "unsure", None, both)
            else:
                mention = TimeMention(mention.span, (today,), "relative", None, ())
        result.append(mention)
    return result


def _story_days(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """Days of the resident's story beside the day asked (round twenty-six, dev99): in a
    sentence that asks nothing, a day said as a deadline ("…before Tuesday") or a sentence
    holding a day gone by ("…said it was shut yesterday for 中元") is told, not asked, when a
    sentence that asks names its own day; and "that day" said back of the one day named before
    it is that day."""
    if len(mentions) < 2:
        return mentions
    bounds = [0, *(m.end() for m in _SENTENCE_END.finditer(text)), len(text) + 1]

    def sentence(m: TimeMention) -> tuple[int, int]:
        start = max(b for b in bounds if b <= m.span[0])
        return start, min(b for b in bounds if b > m.span[0])

    def asks(span: tuple[int, int]) -> bool:
        return _SENTENCE_ASKS.search(text[span[0] : min(span[1], len(text))]) is not None

    told: set[int] = set()
    for i, mention in enumerate(mentions):
        where = sentence(mention)
        if asks(where) or not mention.resolved:
            continue
        deadline = _DEADLINE_BEFORE.search(text, 0, mention.span[0]) or _DEADLINE_AFTER.match(
            text, mention.span[1]
        )
        gone = any(m.resolved and max(m.days) < today and sentence(m) == where for m in mentions)
        done_today = mention.days == (today,) and _TODAY_DONE.search(text, *where) is not None
        # the plan told again, wider, beside the day asked ("这周六你们那边什么开着 …想周末带孩子
        # 去转转": the weekend holds that Saturday; round thirty, spent31)
        wider = any(
            other is not mention
            and other.resolved
            and sentence(other) != where
            and asks(sentence(other))
            and set(other.days) < set(mention.days)
            for other in mentions
        )
        if deadline is not None or gone or done_today or wider:
            told.add(i)
    if told:
        asked = [
            m for i, m in enumerate(mentions) if i not in told and m.resolved and asks(sentence(m))
        ]
        if any(  # today's doing told beside a later day asked, not beside today asked again
            mentions[i].days == (today,) for i in told
        ) and not all(min(m.days) > today for m in asked):
            asked = []
        if asked:
            return [
                TimeMention(m.span, (), "past", None, ()) if i in told else m
                for i, m in enumerate(mentions)
            ]
    that_day = [
        m for m in mentions if m.kind == "vague" and _THAT_DAY.fullmatch(text, *m.span) is not None
    ]
    if len(that_day) == 1:
        before = [m for m in mentions if m.span[1] <= that_day[0].span[0]]
        if len(before) == 1 and len(before[0].days) == 1 and before[0].kind != "vague":
            return [
                TimeMention(m.span, (), "past", None, ()) if m is that_day[0] else m
                for m in mentions
            ]
    return mentions


# A day gone by told with a doing in a clause of its own, before a clause asking in the present
# with no day ("昨天去银行办事，你们窗口几点开", "昨天去了食堂，健身房几点开", "I went to the
# canteen yesterday, what time does the gym open?"; a second reader, r29): the story's day, not
# the day asked (the place of the story was already dropped, f9d9db2, but its day was answered)
_STORY_DOING = re.compile(
    r"去了|来了|去过|来过|排了|办了|吃了|看了|练了|上了|办事|配药|看病|(?:去|到|在)[\u4e00-\u9fff]{1,8}?"
    r"(?:排|办|看|吃|配|挂|取|存|练|玩|坐)"
    r"|\b(?:went|came|was|were|had|did|visited|queued|waited|spent)\b"
)
# …the asking clause about that day after all: "为什么没开", "was it open", "开了吗", "几点开的"
_ASKED_OF_THEN = re.compile(
    r"没开|没有开|关着|关门了|为什么|为啥|怎么|的[吗伐呢?？]?\s*$|了[吗伐呢]|过[吗伐]"
    r"|\b(?:was|were|did|had|why|closed)\b"
)


def _gone_story_day(text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
    """The one day named, gone by and told with a doing in a clause that asks nothing, set aside
    when a later clause asks in the present (see ``_STORY_DOING``)."""
    if len(mentions) != 1 or not mentions[0].resolved or mentions[0].kind == "vague":
        return mentions
    mention = mentions[0]
    if not mention.days or max(mention.days) >= today:
        return mentions
    breaks = [b.end() for b in _CLAUSE_BREAK.finditer(text)]
    start = max((b for b in breaks if b <= mention.span[0]), default=0)
    stop = min((b for b in breaks if b > mention.span[1]), default=len(text) + 1)
    if stop > len(text):
        return mentions
    told = text[start:stop]
    if _SENTENCE_ASKS.search(told.rstrip(",，.;；:：")) or not _STORY_DOING.search(told):
        return mentions
    after = text[stop:]
    if not _SENTENCE_ASKS.search(after) or _ASKED_OF_THEN.search(after):
        return mentions
    return [TimeMention(mention.span, (), "past", None, ())]


def _after_that(text: str, mentions: list[TimeMention]) -> list[TimeMention]:
    """A day counted from the last day named before it (its weekday's next, the weekend next,
    or the same weekday a week on for "the one after that"); the days named before it, in an
    earlier clause, are its setting (no day asked). No day named before it: left (asked)."""
    if "after" not in text and "后" not in text and "再" not in text:
        return mentions
    found = _AFTER_THAT.search(text)
    if found is None:
        return mentions
    before = [m for m in mentions if m.span[1] <= found.start() and m.resolved]
    if not before:
        return mentions
    anchor = before[-1]
    last = max(anchor.days)
    weekday_word = found.group("en_weekday") or found.group("zh_weekday")
    if found.group("en_weekend") or found.group("zh_weekend"):
        first = last + timedelta(days=(5 - last.weekday()) % 7 or 7)
        days: tuple[date, ...] = (first, first + timedelta(days=1))
    elif weekday_word:
        wanted = _WEEKDAY_OF_EN.get(weekday_word, _WEEKDAY_OF.get(weekday_word))
        if wanted is None:
            return mentions
        days = (last + timedelta(days=(wanted - last.weekday()) % 7 or 7),)
    elif anchor.kind == "weekday" and len(anchor.days) == 1:  # "the one after that"
        days = (last + timedelta(days=7),)
    else:
        return mentions
    # (a day asked first, then the one after it: "is the gym open saturday? and the one after
    # that?", "礼拜六开伐，那之后的周末呢": both asked, not a setting; a second reader, r26)
    setting = bool(_CLAUSE_BREAK.search(text, anchor.span[1], found.start())) and not (
        _ASKED_FIRST.search(text, anchor.span[1], found.start())
    )
    said = TimeMention(found.span(), days, "date", None, ())
    kept = []
    for m in mentions:
        if m.span[1] <= found.start():
            # (the setting's words read as the same days: no day-like word left unread)
            kept.append(m if not setting else TimeMention(m.span, days, "date", None, ()))
        elif m.span[0] >= found.end():
            if (
                m.kind == "weekday"
                and len(m.days) == 1
                and m.days[0].weekday() in (d.weekday() for d in days)
            ):
                # "the weekend after that, is the gym open sat and sun": its days
                m = TimeMention(m.span, days, "date", None, ())
            kept.append(m)
    return sorted([*kept, said], key=lambda m: m.span)


# Today's day asked on someone's behalf, first ("阿婆问今朝礼拜几，伊搞不清爽了", "我外婆问今天
# 几号", "my grandma is asking what day it is today"): the ask relayed is the question
_TODAY_RELAY = re.compile(
    r"^\W*(?:我|我们|伊|他|她|楼里|隔壁)?(?:的)?[\u4e00-\u9fff]{0,2}?(?:外婆|外公|奶奶|爷爷|阿婆|好婆|阿爷|老太|老伯"
    r"|阿姨|爷叔|姆妈|妈妈?|爸爸?|老伴|老头子?|老太婆|邻居|婆婆|公公)"
    r"\s*(?:在|又|老是|一直|刚刚|刚才)?\s*(?:问|想问|想知道|叫我问|让我问)(?:我|侬|你)?[\s:：,，]*"
    r"|^\W*(?:my\s+)?(?:grandma|granny|grandmother|grandpa|grandfather|mum|mom|mother|dad|father|neighbou?r)"
    r"\s+(?:is\s+|keeps\s+|was\s+)?(?:asking|asks|asked|wants\s+to\s+know)\s*,?\s*"
)


def asks_today(text: str) -> bool:
    """Whether ``text`` asks today's day, perhaps relayed for someone else ("阿婆问今天礼拜几")."""
    if _asks_today(text):
        return True
    relay = _TODAY_RELAY.match(text)
    return relay is not None and _asks_today(text[relay.end() :])


def after_today_guessed(text: str) -> int | None:
    """Where the rest of ``text`` starts when it opens with today's day asked and the resident's
    own guess at it, and goes on to ask more: "wait what day is it, thursday? is the gym open",
    "今天礼拜几 礼拜四吧 健身房开吗". The guess is about today, not a day asked (it was answered
    for Thursday, a day other than the one meant); ``None`` otherwise."""
    start = len(text) - len(_TODAY_LEAD.sub("", text, count=1))
    for boundary in _TODAY_BOUNDARY.finditer(text, start):
        asked = strip_punctuation(text[start : boundary.start()])
        if not (_TODAY_ASK.fullmatch(asked) and _TODAY_WORD.search(asked)):
            continue
        guess = _TODAY_GUESS.match(text, boundary.end())
        if guess is None or guess.end() == boundary.end():
            continue  # "what day is it | today, thursday?": the ask goes on
        after = _TODAY_BOUNDARY.match(text, guess.end())
        if after is None or after.end() >= len(text):
            return None
        return after.end()
    return None


def _asks_today(text: str) -> bool:
    """Whether ``text`` (normalised) only asks what day or date it is today, perhaps with an
    aside after it that asks nothing ("今天几号 礼拜几 我老糊涂了", "what day is it today lol"),
    and perhaps after the name of whom it is asked ("王老师 今天是礼拜几啊")."""
    teacher = _TEACHER_ADDRESSED.match(text) is not None
    text = _TODAY_LEAD.sub("", _ADDRESSED.sub("", text, count=1), count=1)
    clean = strip_punctuation(text)
    if "now" in clean or "moment" in clean or "shanghai" in clean or "china" in clean:
        clean = _TODAY_HERE_NOW_EN.sub("", clean).strip()
    elif _TODAY_HERE_NOW_ZH.match(clean):
        clean = _TODAY_HERE_NOW_ZH.sub(
            lambda m: "今天" if "今" not in clean[m.end() : m.end() + 1] else "", clean, count=1
        )
    if _TODAY_ASK.fullmatch(clean) and _TODAY_WORD.search(clean):
        return True
    if _TODAY_ASK_SHORT.fullmatch(clean) and not teacher:  # "老师 周几?": the class's day
        return True
    for boundary in _TODAY_BOUNDARY_SAID.finditer(text):
        asked = strip_punctuation(text[: boundary.start()])
        aside = text[boundary.end() :]
        if (
            _TODAY_ASK.fullmatch(asked)
            and _TODAY_WORD.search(asked)
            and _TODAY_GUESS.fullmatch(strip_punctuation(aside).strip())
        ):  # "what day is it, thursday?", "今天礼拜几 礼拜四吧": the resident's own guess after it
            return True
        if (
            (guesses := _TODAY_GUESSES.match(aside.strip())) is not None
            and _TODAY_ASK.fullmatch(asked)
            and _TODAY_WORD.search(asked)
            and not _QUESTION_WORDS.search(tail := aside.strip()[guesses.end() :])
            and not _HOURS_INTENT.search(tail)
        ):  # "what day is it today? wednesday or thursday? lost track after the trip"
            return True
        if (
            _TODAY_ASK.fullmatch(asked)
            and _TODAY_WORD.search(asked)
            and _TODAY_WORKED_ASIDE.fullmatch(strip_punctuation(aside).strip())
        ):  # "今天星期几啊 是上班还是放假", "what day is it, a working day or not?": the same day
            return True
        if "今天" not in text and "today" not in text:
            continue
        if (
            _TODAY_ASK.fullmatch(asked)
            and _TODAY_WORD.search(asked)
            and not _QUESTION_WORDS.search(aside)
            and not _HOURS_INTENT.search(_OWN_JOB.sub(" ", aside))
            and not _TODAY_WORD.search(aside)
        ):
            return True
    # the ask last, after a story that asks nothing of its own ("我外婆老是问今天星期几 我自己都
    # 糊涂了 今天到底星期几")
    boundaries = list(_TODAY_BOUNDARY.finditer(text))
    if boundaries:
        last = boundaries[-1] if boundaries[-1].end() < len(text) else None
        if last is None and len(boundaries) > 1:
            last = boundaries[-2]
        if last is not None:
            asked = strip_punctuation(text[last.end() :])
            story = _TODAY_REPORTED.sub(" ", text[: last.start()])
            if (
                _TODAY_ASK.fullmatch(asked)
                and _TODAY_WORD.search(asked)
                and not _QUESTION_WORDS.search(story)
                and not _HOURS_INTENT.search(story)
            ):
                return True
    return False


# What time it is now: "现在几点", "几点了", "现在几点钟啦", "迭歇几点钟", "what time is it
# now", "what s the time" (punctuation blanked); not "几点开门", nor a bare "几点" (a follow-up's
# "what time [does it open]").
_TIME_ASK = re.compile(
    # (the clock of where the centre is, asked from abroad: "你们那边现在几点", "国内现在几点")
    r"(?:请问|问一下|问下|你好|您好)?\s*(?:(?:你们|您们)?(?:那边|那里|这边)|上海|国内)?\s*"
    r"(?:(?:现在|这会儿?|此刻|目前|迭歇|眼下)\s*(?:是)?\s*(?:北京时间)?\s*"
    r"(?:几点钟?|什么时间|啥时间|什么时候了|几点几分)(?:了|啦)?|(?:北京时间\s*)?几点钟?(?:几分)?\s*(?:了|啦))"
    r"\s*(?:几分)?\s*(?:了|啦)?\s*(?:啊|呀|呢|哦|吗|伐)?"
    # (a lead-in of jet lag or being away: "sorry, jet lag - what time is it there now?")
    r"|(?:(?:hi|hello|excuse me|sorry|jet\s*-?\s*lag(?:ged)?"
    r"|i'?\s?m\s+(?:abroad|overseas|away))\s+)*"
    r"(?:what\s+time\s+is\s+it|what\s?s\s+the\s+time"
    r"|what\s+is\s+the\s+time|(?:do\s+you\s+)?(?:have|know)\s+the\s+time|(?:the\s+)?(?:current\s+)?time\s+now)"
    r"(?:\s+(?:now|right\s+now))?"
    r"(?:\s+(?:there|over\s+there|in\s+(?:shanghai|china|beijing)|where\s+you\s+are))?"
    r"(?:\s+(?:now|right\s+now|please))?"
    # why it is asked, the resident's own clock told after it ("…, my phone still on bangkok
    # time", "i'm still jet lagged", "我手机还是泰国时间")
    r"(?:\s+(?:(?:my|our)\s+(?:phone|watch|clock|laptop)|i'?\s?m\s+(?:still\s+)?jet\s*-?\s*lag"
    r"|i\s+am\s+(?:still\s+)?jet\s*-?\s*lag|just\s+(?:landed|arrived|got\s+back))"
    r"(?:(?!\b(?:where|how|can|could|what|when|why|which|is\s+there|do\s+you)\b)[a-z\s'])*)?"
    r"|(?:现在|这会儿?)\s*(?:上海|北京|国内)?\s*几点钟?(?:了|啦)?\s*(?:啊|呀|呢)?\s*"
    r"(?:我的?(?:手机|手表|表|电脑)[\u4e00-\u9fff]{0,12}|刚(?:下飞机|回来|回国)[\u4e00-\u9fff]{0,8})"
)


# The food's price asked ("饭菜啥价位", "菜价贵不贵", "伙食什么价钱"): the meal's price, whose
# words the menu's entry (菜) would otherwise take
_FOOD_PRICED = re.compile(
    r"(?:饭菜|菜品|伙食|饭钱)(?:的)?\s*(?:啥|什么|大概|一般)?\s*(?:价位|价格|价钱|标准)|菜价|伙食费"
)


# A question whole by itself, its mark or its last word, then a story told after it (round
# twenty-six, dev99): "阅览室在哪 孩子放学想去看会儿书", "证件照多少钱 娃学校要的", "next year's
# public holidays? trying to book flights home"
_TOLD_TAIL = re.compile(
    r"(?:(?<=[?？])|(?<=[吗呢哪里儿钱价]))\s*[?？]?\s+(?=\S)|(?<=[?？])(?=[\u4e00-\u9fff])"
)
ANSWERED_HEAD = (Kind.VENUE, Kind.FAQ, Kind.HOLIDAYS, Kind.HOURS, Kind.OVERVIEW, Kind.FEATURE)
# …the story asks nothing itself
_TAIL_ASKS = re.compile(
    r"[?？吗呢哪几啥]|多少|什么|怎么|咋|能不能|可不可以|有没有|是不是|要不要|行不行|好不好"
    r"|会不会|是否|([\u4e00-\u9fff])不\1"
    r"|\b(?:what|where|when|how|can|could|is|are|do|does|will|which|who|any|should|would)\b"
    # …nor asks for a person ("想找个工作人员问问", "can someone call me")
    r"|问问|问一下|问下|找(?:个)?人|工作人员|回电话|联系我"
    r"|\b(?:someone|somebody|staff|person|call\s+me)\b",
    re.IGNORECASE,
)
# …nor tells the thing asked to be another's ("律师费一般多少钱 外面请的": a lawyer hired outside)
_TAIL_ELSEWHERE = re.compile(
    r"外面|外头|别家|别处|别的地方|隔壁|小区|物业|居委|公司|单位|\b(?:elsewhere|outside|another\s+(?:place|centre|center))\b",
    re.IGNORECASE,
)
# The clause break before the question of a story told first (not a question mark: a question
# asked first is the head's own, _SECOND_ASK)
_STORY_CLAUSE_END = re.compile(r"[,，。；;！!]\s*(?=\S)")
# …and a question pointing back to the story's place ("…，那边周一开吗", "…, is it open")
_POINTS_BACK = re.compile(
    r"\s*(?:那边|那里|那儿|那个|那家|那间|它|他们|她们|伊拉|伊|\b(?:it|they|there|that|their)\b)",
    re.IGNORECASE,
)
# The night school's bare words, and a school of another named beside them
_CLASS_WORDS = frozenset({"上课", "classes", "class"})
_SCHOOL_NAMED = re.compile(
    r"(?<!夜)(?:学校|学堂|小学|中学|初中|高中|幼儿园|托班|大学)|\b(?:schools?|kindergartens?|nursery"
    r"|universit(?:y|ies)|college)\b(?!\s+(?:holidays?|break|vacation))",
    re.IGNORECASE,
)
# Ours said in the question after the story ("…，阿拉食堂礼拜六开伐", "…，社区食堂几点开")
_OURS_IN_TAIL = re.compile(
    r"你们|您们|侬|阿拉|伲|社区|中心|驿站|长风湾|1690|\b(?:yours?|community|cent(?:re|er))\b",
    re.IGNORECASE,
)
# A centre or station told in the story that is not ours ("隔壁街道新开了个党群服务站")
_OTHER_CENTRE_TOLD = re.compile(
    r"(?<!长风湾)(?<!1690)(?<!长风湾党群)(?<!1690党群)(?:党群)?(?:服务站|服务中心|驿站|活动中心|社区中心)"
    r"|\b(?:another|other|new|a)\s+(?:community\s+)?(?:cent(?:re|er)|station)\b",
    re.IGNORECASE,
)
# A place introduced as existing, right before its word ("有个", "新开了家", "has a")
_INTRODUCED = re.compile(
    r"(?:有|开了|新开了?|建了|新建了?|造了)(?:个|一个|一家|家|间|一间|座|一座)?(?:新的?|小)?\s*$"
    r"|\b(?:has|have|had|got|opened|built)\s+(?:a|an|its\s+own|their\s+own|our\s+own)\s+"
    r"(?:new\s+|small\s+|little\s+)?$",
    re.IGNORECASE,
)
_TRIP_TO_OURS = re.compile(r"(?:去|来|到|回)\s*$|\b(?:to|at)\s+(?:the\s+)?$", re.IGNORECASE)
_WHERE_HEAD = re.compile(r"在哪|哪里|哪儿|哪边|\bwhere\b", re.IGNORECASE)
# A plan of the resident's own told after an entry's question (round twenty-eight, dev108): "想元
# 旦以后去练", "打算明年报名", "want to sign up in the new year", "looking for something to do"
_PLAN_TOLD = re.compile(
    r"想|打算|准备|计划|开始|\b(?:want|wants|wanna|planning|plan|hoping|hope|looking|going|keen|thinking)\b",
    re.IGNORECASE,
)
# …who plans it: "我们公司几个同事" are the resident's colleagues, not another's place
_OUR_COLLEAGUES = re.compile(
    r"(?:我们|我|阿拉|咱们)?(?:公司|单位|楼里|楼上楼下)?(?:的|里)?(?:几个|一些|好几个|的几个)(?:同事|人|邻居|老人)"
    r"|(?:我们|我|阿拉|咱们)(?:公司|单位)(?:的|里)?(?:同事|人)"
)
_TO_DO = re.compile(r"\bto\s+do\b", re.IGNORECASE)  # "something to do" asks nothing
# A class "named" by no subject: the plan's time or a pronoun ("sign up in the new year", "for
# it"), or the question's own words ("夜校开什么课")
_NO_SUBJECT_HINT = re.compile(
    r"^(?:for\s+|in\s+)?(?:it|one|them|that|this|the\s+new\s+year|new\s+year)$|什么|啥|哪些|哪个",
    re.IGNORECASE,
)


def _no_course_named(hint: str | None) -> bool:
    """Whether a course's hint names no subject: none, a pronoun, the plan's time ("new
    year", "after the holiday"), or a question word."""
    if not hint:
        return True
    return bool(_NO_SUBJECT_HINT.search(hint) or _PLAN_TIME_HINT.fullmatch(hint.strip()))


_PLAN_TIME_HINT = re.compile(
    r"(?:(?:in|after|before|from)\s+)?(?:the\s+)?(?:new\s+year|holidays?|break|spring(?:\s+festival)?"
    r"|next\s+(?:month|year|week|term))|(?:明年|过完年|年后|元旦以?后|节后|下个?月)",
    re.IGNORECASE,
)


# "call" as naming, not ringing (round twenty-six, dev99): "my 4yo just called me bro", "she
# calls me grandpa", "what's the thing called": nobody's number asked ("call me back", "called
# me about…", "who called me from your number" are rung, and stay the phones' entry)
_CALLED_A_NAME = re.compile(
    r"\b(?:called|calls|calling|call)\s+(?:me|him|her|us|them|his\s+\w+|her\s+\w+)\s+"
    r"(?!back\b|about\b|from\b|at\b|on\b|again\b|yesterday\b|today\b|this\b|last\b|to\b|and\b|but\b"
    r"|when\b|if\b|later\b|now\b|asap\b|please\b|tomorrow\b|up\b)[a-z]+(?:\s+[a-z]+)?\b"
    r"(?![^.?!]*\b(?:number|phone|ring|rang)\b)",
    re.IGNORECASE,
)


# Why a question is asked, told after it: "? my kids need it for homework", "? need it for my
# taxi driver", "? it's for my mum" (a sentence of its own, after the question's mark)
_REASON_AFTER = re.compile(
    r"(?<=[?？])\s*(?:(?:my|our)\s+[a-z]+(?:\s+[a-z]+)?|i|we|he|she|they)?\s*(?:really\s+|just\s+)?"
    r"(?:need|needs|want|wants)\s+(?:it|this|that|them)\s+(?:for|to)\b[^?？]*$"
    r"|(?<=[?？])\s*(?:it'?s|it\s+is|this\s+is)\s+for\s+(?:my|our)\s+[a-z]+[^?？]*$"
    # the papers the resident holds, told after the question ("how do I get a gym card? I have a
    # residence permit", "健身卡怎么办 我有居住证"): what they bring, not what they ask about
    r"|(?<=[?？])\s*(?:i\s+(?:have|hold|only\s+have)|i'?ve\s+got|i\s+got)\s+(?:a|an|my|the)?\s*"
    r"(?:chinese\s+)?(?:residence\s+permit|passport|id(?:\s+card)?|work\s+permit|visa|green\s+card)"
    r"[^?？]*$"
    r"|(?<=[?？\s])(?:我是外国人\s*)?我?(?:有|持有|拿的是|用的是|只有)(?:居住证|护照|身份证|工作证|签证|绿卡)"
    r"[^?？吗]*$"
)


def asks_time(text: str) -> bool:
    """Whether ``text`` (normalised) only asks what time it is now ("现在几点", "what time is
    it now")."""
    return _TIME_ASK.fullmatch(strip_punctuation(text).strip()) is not None


# whom a class suits, said before its subject: "适合老年人的手机" → 手机 (r30j: the whole was the
# hint, and no course title holds it, so the full list came back)
_FOR_WHOM_BEFORE = re.compile(
    r"^(?:适合|专门给|专门为|给|为|面向|针对)[\u4e00-\u9fff]{1,6}?的(?=[\u4e00-\u9fff]{2})"
)


def _course_card(hint: str) -> Understanding:
    """A course asked about or wished for: its card, with the words the resident named it by."""
    hint = _FOR_WHOM_BEFORE.sub("", hint)
    return Understanding(
        Kind.FEATURE, feature="course", course_hint=hint, score=1.0, looks_like_question=True
    )


# An activity asked by its subject, the whole question (r30j: "有没有剪纸活动" got the events
# list, while "我想报名剪纸" opens the 剪纸 card): the card asked by that name (the reply falls
# back to the events list when no course or event is called so). A kind, a time or a "what" is
# no subject: "有没有亲子活动", "有没有周末活动", "有什么活动".
_EVENT_BY_SUBJECT = re.compile(
    r"^(?:请问|你好|您好)?[\s,，]*(?:你们|中心)?(?:这里|这边|那边)?有(?:没有)?(?P<x>[\u4e00-\u9fff]{2,4}?)活动"
    r"(?:吗|么|伐|呢|没有|不)?[\s?？!！。]*$"
)
_EVENT_KIND = re.compile(
    r"没|什么|啥|哪|些|几|亲子|户外|室内|免费|收费|公益|志愿|文艺|体育|文体|娱乐|老年|老人|儿童|小孩|孩子|学生|青少年"
    r"|节日|假期|新|好玩|有趣|线上|线下|集体|社区|团建|大型|小型|其他|别的|最近|近期|本月|下月|月底|年底"
    r"|开幕|庆祝|纪念|主题|特别|专题|相关|类似|这种|那种|这样|那样"
    # a festival or a holiday is a time too ("有没有圣诞活动", "有没有元旦活动", "有没有暑假活动";
    # a second reader, r30)
    r"|节|元旦|圣诞|春节|过年|跨年|中秋|国庆|端午|元宵|重阳|清明|冬至|七夕|寒假|暑假|暑期|假"
)


def _events_or_named(text: str) -> Understanding:
    """The events list, or the card of an activity asked by its subject alone ("有没有剪纸活动")."""
    asked = _EVENT_BY_SUBJECT.search(text) if "活动" in text else None
    if asked is not None:
        subject = asked.group("x")
        if not _EVENT_KIND.search(subject) and not _WHEN_WORDS.search(subject):
            return _course_card(subject)
    return Understanding(Kind.FEATURE, feature="events", score=1.0, looks_like_question=True)


def small_talk(text: str) -> str | None:
    """``"greeting"``, ``"thanks"``, ``"bye"`` or ``"ack"`` (好的, got it) when that is all a
    message says (not a question)."""
    clean = strip_punctuation(fold(text)).strip()
    clean = re.sub(r"\s+", " ", clean)
    if _GREETING.fullmatch(clean):
        return "greeting"
    if _THANKS.fullmatch(clean):
        return "thanks"
    if _BYE.fullmatch(clean):
        return "bye"
    if _ACK_ALONE.fullmatch(clean):
        return "ack"
    return None


# A long message's last clauses asking only where a place named in them is, after a story that
# asks nothing: "我刚搬到这个小区不久，好多地方还不熟，照相馆在哪里几楼", "我朋友说长风湾有个健身
# 房挺好，我找了半天没找到，健身房到底在哪里", "她问共享工作室在哪里，是在长风湾驿站几楼"
_WHERE_LEAD = re.compile(r"到底|究竟|具体|(?:她|他|伊|我)?(?:问|想问|让我问)(?:问|一下|下)?")
_STORY_ASKS = re.compile(r"[?？]|吗|呢|伐|几|多少|怎么|如何|哪|能不能|可不可以|有没有")


def _where_after_story(text: str, venues: list[VenueMatch]) -> tuple[str, ...] | None:
    """The places named in the last clauses when those ask only where they are (the place's
    card), and the story before them asks nothing."""
    if not _CJK.search(text) or not any(v.span[1] for v in venues):
        return None
    last = max(v.span[0] for v in venues if v.span[1])
    cut = max((b.end() for b in _CLAUSE_BREAK.finditer(text, 0, last)), default=0)
    if not cut or _STORY_ASKS.search(text, 0, cut):
        return None
    asked = [v for v in venues if v.span[0] >= cut]
    said = text
    for venue in asked:
        start, end = venue.span
        said = said[:start] + " " * (end - start) + said[end:]
    said = said[cut:]
    if not (_LOCATED.search(said) or _WHERE_ALONE.search(said)):
        return None
    rest = _WHAT_PLACE.sub(" ", _ROOM_WORD.sub(" ", _LOCATED.sub(" ", _WHERE_LEAD.sub(" ", said))))
    if not _is_only_filler(rest):
        return None
    return tuple(dict.fromkeys(v.venue_id for v in asked))


def _is_only_filler(text: str) -> bool:
    return not strip_punctuation(_FILLERS.sub(" ", text))


def looks_like_question(folded: str) -> bool:
    """Whether a text reads as a question a person could answer (else it is noise)."""
    if len(_CJK.findall(folded)) >= 2:
        return True
    if _QUESTION_WORDS.search(folded):
        return True
    return len(_LATIN_WORD.findall(folded)) >= 3


# --- FAQ -----------------------------------------------------------------------------------


BIGRAM_WEIGHT = 1.0
UNIGRAM_WEIGHT = 0.3  # single characters rescue near-paraphrases (有免费无线网 ~ 有没有无线网)
WORD_WEIGHT = 1.0


def _features(text: str) -> dict[str, float]:
    """Weighted features: Chinese bigrams and characters, stemmed English words (no stopwords)."""
    text = _STOP_CJK.sub(" ", text)
    features: dict[str, float] = {}
    for run in _CJK_RUN.findall(text):
        for char in run:
            features[char] = UNIGRAM_WEIGHT
        for i in range(len(run) - 1):
            features[run[i : i + 2]] = BIGRAM_WEIGHT
    for word in _LATIN_WORD.findall(text):
        if word not in _STOPWORDS:
            features[_stem(word)] = WORD_WEIGHT
    return features


# (a medicine named as what is handed out, "卫生站能配胰岛素针头吗", "有阿司匹林吗", is what the
# station offers, not advice asked; round twenty-six, dev98)
# Places and topics that are not the centre's: a question about them is never answered from
# the FAQ (at most "did you mean…"), however many words it shares with an entry.
_ELSEWHERE = re.compile(
    # (not one of ours heard of nearby: "同事说附近有个驿站可以健身 在哪条路上")
    r"附近(?!(?:有个|有一个|那个)\s*(?:驿站|党群|服务中心|社区中心))|周边|饭店|餐厅|饭馆|银行|超市|商场|医院|地铁站|末班车|天气|学校|驾校|驾照|小学(?!生)|中学(?!生)|幼儿园|机票|"
    # (a journey from the station to us is ours: "从火车站过来坐啥车")
    r"(?<!从)火车|"
    r"股票|房价|笑话|快递|"
    # a township hospital ("镇上的卫生院周末看病吗"; round twenty-nine, dev114): ours is a station
    r"(?<!社区)卫生院|"
    # (a quarrel over them taken to a lawyer is legal aid's: "装修漏水跟我吵，想找个懂法的问问")
    r"(?:物业|漏水|维修)(?![^律法]*(?:律师|法律|懂法))|居委|吃什么药|什么药|发烧|感冒|咳嗽|加药|减药|停药|换药|"
    r"要紧|前兆|症状|怎么治|偏方|(?<![配开拿取领买打有])(?:阿司匹林|胰岛素)|\d+/\d+|(?:能|可以|能不能|要不要|该不该)吃(?!饭|午饭|早饭|晚饭|到|得到)|"
    r"作文|写一篇|翻译|下雨|落雨|下雪|落雪|刮风|台风|气温|几度|"
    # customs and family money, not the centre's: "初一早上吃什么有讲究", "压岁钱包多少合适"
    r"有讲究|有啥讲究|有什么讲究|讲究啥|风俗|习俗|老规矩|忌讳|禁忌|压岁钱|份子钱|随礼|礼金|"
    # other offices and services of the city: "派出所电话多少", "police station phone"
    r"派出所|公安局|警察局|消防队|税务局|街道办|大使馆|领事馆|"
    # the city's and the district's own bodies: "普陀区残联电话多少", "民政局在哪" (their
    # numbers and doors are not in our phone list)
    r"残联|残疾人联合会|民政局|人社局|卫健委|信访办|区政府|市政府|"
    r"\b(?:disabled\s+persons'?\s+federation|disability\s+federation|civil\s+affairs\s+bureau)\b|"
    # getting a driving licence (a photo for one is ours: "a photo for my driving licence")
    r"\b(?:get|apply\s+for|renew|convert|exchange|obtain)\s+(?:a\s+|an\s+|my\s+)?(?:\w+\s+)?"
    r"driv(?:er'?\s?s|ing)\s+licen[cs]es?\b|"
    r"\b(?:restaurants?|weather|supermarket|bank|hospital|post office|flight|train|stock"
    r"|bitcoin|football|joke|cook|recipe|primary school|kindergarten|poem|essay|translate"
    r"|dentist|airport|pharmacy|police|embassy|consulate|fire\s+station|tv|television|telly)\b"
    r"|电视节目|电视剧|电视上"
)
# …and, when none of our venues is named, a commercial shoot ("这附近有婚纱照拍得好的地方伐";
# not "照相馆能拍艺术照吗", our studio asked), a theft (the police's: "自行车被偷了") and lessons
# online ("学英语有什么免费的网课", "learn chinese online"; not our sign-up online)
_ELSEWHERE_UNNAMED = re.compile(
    r"艺术照|婚纱照|被偷|被盗|偷走|\bstol(?:e|en)\b"
    r"|网课|在线课程|网上学|\b(?:learn|study|studying|learning)\s+[^.?!]{0,25}?\bonline\b"
    r"|\bonline\s+(?:lessons?|tutors?|tutoring|learning)\b"
    # where to buy a thing ("哪里能买到便宜的电动轮椅", "where can I buy a hearing aid"): a shop's,
    # not ours, unless a ticket or a card of ours is what is bought ("饭票在哪里买")
    r"|(?:(?:哪里|哪儿|哪能|哪边|在哪|去哪|到哪)(?:里|儿)?(?:还)?(?:能|可以|好|才能)?买|买得到|买不买得到)"
    # (nor a meal of our canteen: "where can I buy lunch on sunday"; a second reader, r26; a
    # vegetable is a filling, not a dish: "汤圆哪里还买得到 要荠菜肉的")
    r"(?![^。？?!！]*(?:饭票|餐票|餐券|饭卡|会员卡|健身卡|月卡|次卡|年卡|课|饭|餐"
    r"|(?<![荠白青芹韭香酸咸榨])菜|点心))"
    r"|\bwhere\s+(?:can|could|do|should)\s+(?:i|we|you|one)\s+buy\b(?![^.?!]*\b(?:meals?|tickets?|cards?"
    r"|membership|pass|lunch|dinner|breakfast|food)\b)"
    r"|\bwhere\s+to\s+buy\b(?![^.?!]*\b(?:meals?|tickets?|cards?|membership|pass|lunch|dinner|breakfast|food)\b)"
)
# Other schools enrolling, none of ours named ("which international schools are still
# enrolling", "a bilingual kindergarten taking kids"; round twenty-seven): not our night
# school's sign-up ("my daughter finished high school, can she join the night school?" is)
_OTHER_SCHOOL = re.compile(
    r"\b(?:international|bilingual|private|public|state|high|middle|secondary|boarding|language|driving)"
    r"\s+schools?\b|\b(?:nurser(?:y|ies)|pre-?schools?|daycares?)\b"
)
# …told as where someone is ("my grandson goes to a private school, can he join the english
# night class", "I teach at a language school"): the story of who asks, not a school asked
# (a second reader, r27)
_SCHOOL_TOLD = re.compile(
    r"\b(?:goes\s+to|attends|is\s+in|are\s+in|studies\s+at|study\s+at|teach(?:es)?\s+at"
    r"|works?\s+at|finished|graduated\s+from|left)\s+(?:(?:a|an|the|his|her|my|their)\s+)?$"
)


def _school_asked(rest: str) -> list[re.Match[str]]:
    """The schools not ours named in ``rest``, none told as where someone is."""
    return [m for m in _OTHER_SCHOOL.finditer(rest) if not _SCHOOL_TOLD.search(rest, 0, m.start())]


# Whether a machine works today ("跑步机今天好用伐", "打印机好用吗", "is the treadmill working
# today?"; round twenty-seven, dev79): its state, a person's to tell, not the place's hours
# (the place itself asked so is its hours: "健身房今天好用伐"). A machine broken is feedback.
_MACHINE_WORKS = re.compile(
    r"(?:跑步机|动感单车|椭圆机|划船机|器械|打印机|复印机|投影仪|(?<!琴房)(?<!琴房的)(?<!琴房里)(?<!琴房里的)钢琴(?![房室])|空调)[\u4e00-\u9fff\s]{0,4}?"
    r"好用(?:伐|吗|么|哇|不|哦)"
    r"|\b(?:is|are)\s+the\s+(?:treadmills?|machines?|printers?|copiers?|projectors?|pianos?|bikes?)\s+"
    r"working\s+(?:today|now|this\s+(?:morning|afternoon|evening))\b"
)
# The menu of a place named in English, none of ours ("what's on the menu at wagas today",
# "the menu at din tai fung"; round twenty-seven): that restaurant's, not our canteen's. Not a
# time ("the menu at lunch", "at the weekend") nor ours said otherwise ("at the 1690 centre",
# "at yours").
_MENU_AT = re.compile(
    r"\b(?:menu|dishes|specials)\b[^.?!]{0,12}?\bat\s+(?:the\s+)?(?P<place>[a-z][a-z'-]*)"
)
_NOT_A_RESTAURANT = frozenset(
    {
        "lunch", "lunchtime", "dinner", "dinnertime", "breakfast", "brunch", "noon", "midday",
        "night", "weekend", "weekends", "moment", "present", "all", "home", "yours", "your", "you",
        "our", "us", "the", "a", "an", "centre", "center", "community", "station", "here", "there",
        "this", "that", "these", "those", "same", "least", "most", "first", "last", "end", "start",
        "weekday", "weekdays", "christmas", "new", "qingming", "festival", "event", "events",
        "party",
        "changfeng", "bay", "party-masses", "canteen", "cafeteria", "dining", "morning", "evening",
        "afternoon",
    }
)  # fmt: skip


def _menu_elsewhere(text: str) -> bool:
    """Whether ``text`` asks the menu "at" a named place that is no time and none of ours."""
    return any(
        not m.group("place")[0].isdigit() and m.group("place") not in _NOT_A_RESTAURANT
        for m in _MENU_AT.finditer(text)
    )


# Another business named next to one of ours ("食堂隔壁那家面馆几点开"): never our hours.
# What a neighbour said ("听隔壁讲…", "隔壁阿姨说…") is hearsay, not a business next door.
_OTHER_PLACE = re.compile(
    r"(?<![帮替给])隔壁(?!邻居|人家|讲|说|(?:阿姨|爷叔|阿婆|老太|大妈|大爷)(?:讲|说)"
    # a neighbour asked for ("帮隔壁王阿婆问一下", "隔壁张阿姨要配药"), or telling the news
    # ("隔壁王家姆妈讲…", "隔壁王阿姨说…"): a person, not a shop
    r"|[\u4e00-\u9fff]{0,2}?(?:阿姨|爷叔|阿婆|老太|大妈|大爷|阿叔|叔叔|奶奶|爷爷|老伯|伯伯|老头|大姐|大哥|阿姐|阿哥"
    r"|姆妈|好婆|阿娘|阿奶|老阿姨|老太婆|老头子)"
    r"(?:要|想|让|叫|托|请|讲|说|告诉|听来))"
    r"|对面|那家|哪家|律师事务所|律所|别家|别的小区|其他小区|面馆|饭店|餐厅|饭馆|馆子|银[行航](?!卡)|超市|商场|医院|药店|药房"
    # the city's service bodies (scope.OUTSIDE_BODY_ZH: 疾控, 燃气公司, 户籍窗口, 法院, 会所…)
    rf"|{OUTSIDE_BODY_ZH}|{OUTSIDE_BODY_EN}"
    r"|菜场|菜市场|理发店|红十字会|博物馆|动物园|教堂|寺庙|\b(?:red\s+cross|museums?|zoos?|church|temples?)\b"
    # the city's cultural houses: "沪西工人文化宫周末有啥演出", "少年宫下礼拜有演出伐"
    r"|文化宫|文化馆|艺术馆|少年宫|青少年宫|美术馆|科技馆|体育馆|大剧院|音乐厅"
    r"|\b(?:cultural\s+palace|art\s+(?:museum|gallery)|concert\s+hall|stadium)\b"
    # the city's sports centres: "the jing'an sports centre gym", "江湾体育中心的健身房"
    r"|体育中心|体育场|\b(?:sports|leisure)\s+(?:centres?|centers?|complex|club)\b"
    # what another district has: "杨浦区有没有青年夜校", "宝山区有啥共享工作室"
    r"|(?:浦东|长宁|静安|徐汇|黄浦|虹口|杨浦|闵行|宝山|嘉定|松江|青浦|奉贤|金山|崇明)(?:新区|区)"
    r"(?:有没有|有伐|有吗|哪里有|哪儿有|有什么|有啥|有哪些)"
    # another district's or street's centre: "长宁区的社区食堂", "the centre in pudong"
    r"|其他街道|别的街道|其他区|别的区|外区"
    # the residents' committee's own rooms: "居委会的活动室"
    r"|居委会?(?:的|那边的?|那里的?|里的)"
    # a shopping centre by name: "the gym at raffles city", "来福士的健身房"
    r"|来福士|大悦城|龙之梦|环球港|正大广场|万象城|万达|购物中心|\b(?:raffles|joy\s+city|global\s+harbou?r"
    r"|iapm|k11|mixc|wanda|plaza|shopping\s+(?:centre|center|mall))\b"
    # a district "over there": "我阿姐在嘉定 伊那边社区医院"
    r"|(?:浦东|长宁|静安|徐汇|黄浦|虹口|杨浦|闵行|宝山|嘉定|松江|青浦|奉贤|金山|崇明)"
    r"(?:新区|区)?[\u4e00-\u9fff\s]{0,3}(?:那边|那里|那儿|那块|那头)"
    r"|(?:浦东|长宁|静安|徐汇|黄浦|虹口|杨浦|闵行|宝山|嘉定|松江|青浦|奉贤|金山|崇明)"
    r"(?:新区|区)?(?:的|那边的?|那里的?)"
    r"|(?<!live )(?<!living )(?<!lives )\b(?:in|at)\s+(?:pudong|changning|jing'?\s?an|xuhui"
    r"|hongkou|yangpu|minhang|huangpu|baoshan|jiading|songjiang|qingpu|fengxian|chongming)\b"
    r"|\b(?:another|a\s+cheaper|other|cheaper)\s+(?:[a-z]+\s+)?"
    r"(?:nearby|near\s+(?:here|me|by)|around\s+here)\b"
    # other schools and chains: "华师大夜校", "徐汇那个老年大学", "anytime fitness", "美团外卖"
    r"|老年大学|华师大|师大|交大|复旦|同济|开放大学"
    # the resident's employer's things: "公司楼下地库月租车位"
    r"|(?:公司|单位|小区)(?:楼下|里|的)?(?:地库|车库|停车场|车位)|月租"
    r"|旁边(?:那|的)(?!个?(?:长风湾|1690)?(?:驿站|中心|党群))|边上(?:那|的)(?!个?(?:长风湾|1690)?(?:驿站|中心|党群))|[\u4e00-\u9fff](?:店(?!员|长)|铺(?!员|长|[块个张条层点些上好了一]))|\b(?:restaurant|supermarket|bank|hospital|pharmacy|shop|mall)s?\b"
)
# The time a queue takes ("排队要多久", "排队的人多不多"): no waiting list of a course, which
# the sign-up's word 排队 is for ("夜校满了还能排队吗")
_QUEUE_WAIT = re.compile(
    r"排队\s*(?:要|得|需要|大概|一般|通常)?\s*(?:排|等)?\s*(?:多久|多长时间|几分钟|几个?小时|几个?钟头"
    r"|久不久|长不长|人多不多|的人多)"
)
# Another office's or company's counter, named with the bare word of our window ("中国移动营业厅
# 窗口几点下班", "出入境管理局办护照要预约吗 窗口几点下班", "the post office counter"; round
# twenty-seven): that office's window, not ours. (Banks and hospitals: _OTHER_PLACE.)
_OTHER_COUNTER = re.compile(
    r"(?<!work\sat\sthe\s)(?<!works\sat\sthe\s)(?<!work\sin\sthe\s)(?<!works\sin\sthe\s)"
    r"(?:营业厅|(?:出入境|公安|税务|车管|房管|民政|人社|交通|邮政|市场监管|管理)局|派出所|车管所|邮局"
    r"|售票(?:处|厅|窗口)|大使馆|领事馆|公积金(?:管理)?中心|证券公司|保险公司|(?:中国)?(?:移动|联通|电信)(?:公司)"
    # the exit-entry's or the district government's hall (round twenty-nine, spent29: "普陀区
    # 出入境办证大厅几点上班", "区政府办事大厅", "区政务服务中心的窗口")
    r"|出入境|(?:区|市)(?:政府|政务服务中心|行政服务中心|民政)|政务服务中心|行政服务中心|市民中心"
    r"|\b(?:immigration|exit-?entry)\s+(?:office|bureau|hall|centre|center)\b"
    r"|\b(?:post\s+office|ticket\s+office|box\s+office|embassy|consulate|police\s+station"
    r"|(?:china\s+)?(?:mobile|unicom|telecom)\s+(?:shop|store|office|hall))\b)"
    # (not the resident's workplace: "我在移动营业厅上班 下了班窗口还开吗", "I work at the post
    # office, is the service window open after 6?")
    r"(?!\s*(?:上班|工作|做事|打工))"
    # (nor that office sending the resident to ours: "派出所说要到窗口开证明", "the police
    # station told me to get a letter at the service window"; a second reader, r27)
    r"(?!\s*(?:(?:的|里的?)?(?:人|同志|工作人员|民警|警察)|那边|people|staff)?\s*"
    r"(?:说|讲|叫|让|要我|要求|通知|told|said|says|sent|asked)(?![a-z]))"
)
# The district's or the city's legal aid centre ("普陀区法律援助中心几点上班", "区法律援助中心在哪";
# round twenty-seven): another body than our legal desk, even in our own district (our lawyers
# only help apply to it), as "长宁区法律援助中心" already was
# (not its aid applied for through our lawyers: "能帮我申请区法律援助中心的援助吗")
_DISTRICT_LEGAL_AID = re.compile(
    r"(?<!申请)(?<!申请到)(?<![向找去到])(?:区|市)(?:级|里|里的|的)?\s*法律援助(?:中心|处)"
    r"(?![\u4e00-\u9fff]{0,3}(?:援助|申请))"
)
# Our window said as ours, or as where the resident comes ("来窗口办", "回来窗口还开吗",
# "你们窗口")
# Another institution's counter said as one word with its errand ("医院挂号窗口几点开始放号",
# "银行取钱窗口几点关", "医院配药窗口周六开吗", "工行柜台几点下班"; round twenty-nine, dev114): the
# hospital's or the bank's window, not ours, though the errand beside the place (挂号, 配药) makes
# it elsewhere only the resident's trip ("去医院复查 回来你们窗口还开吗")
_INSTITUTION_COUNTER = re.compile(
    # (the police's household register too: "户籍窗口几点开门"; round thirty, dev118)
    r"(?:医院|银行|(?<![进集])[工建中农招交]行|农商行|邮局|药店|药房|户籍|户口|户政|税务|车管|立案|出入境"
    r"|公积金|邮政)(?:的|里的?|里面的?)?"
    r"(?:挂号|收费|缴费|交费|配药|取药|拿药|发药|取钱|存钱|取款|存款|办卡|开户|人工|业务|结算|门诊)?"
    r"(?:的)?(?:窗口|柜台)"
)
# A child's private tutoring ("孙子补课几点下课", "补课老师怎么找", "孙子英语补课一节课多少钱",
# "补习班多少钱"; round twenty-nine, dev114): a tutor's or a school's, not our night school's
# classes (a lesson of ours made up is named with it: "夜校的课没上 能补课吗")
_TUTORING = re.compile(
    r"家教|补习|补课(?:班|老师|机构|费)|(?:孙子|孙女|外孙女?|孩子|小孩|儿子|女儿|囡囡|娃|小朋友|学生)"
    r"[\u4e00-\u9fff]{0,6}?补课|\btutor(?:s|ing)?\b"
)
_OUR_WINDOW_BEFORE = re.compile(
    r"(?:来|过来|回来|你们|您们|侬|咱们|阿拉|这边|这里)(?:的|那个)?\s*"
    # (our window by its own name: "你们受理窗口", "阿拉事务受理窗口"; a second reader, r29: "昨天在
    # 医院挂号窗口排了一个小时，你们受理窗口几点开" was the hospital's)
    r"(?:社区)?(?:事务)?(?:受理|办事|服务)?\s*$"
)
# Another place the resident goes to on the day ("下礼拜三要陪她去医院复查…那天食堂早饭几点",
# "going to the bank first"): where the trip leads, not a place asked about.
_TRIP_TO = re.compile(
    # (a big one, the usual one: "每次跑大医院排队排半天 你们卫生站能配伐")
    r"(?:去|到|跑)(?:一趟|趟)?\s*(?:大|那个|那家|三甲)?\s*$"
    # …or one named ("去同仁医院复诊", "跑一趟中心医院"; round twenty-six, dev98)
    r"|(?:去|跑)(?:一趟|趟)?\s*[\u4e00-\u9fff]{2,4}?$"
    r"|\b(?:appointments?|check-?ups?|visits?|tests?)\s+at\s+(?:the\s+)?(?:[a-z']+\s+){0,2}$"
    r"|\b(?:go|going|goes|went|head|heading)\s+to\s+(?:the\s+)?(?:big\s+)?$"
)
_WHICH_BEFORE = re.compile(r"(?:哪个|哪家|哪一个|哪一家|哪里的|什么|啥)\s*$|\bwhich\s+$")
_PAST_SPAN = re.compile(
    r"\blast\s+(?:week|month|year)\b|上个?月|上个?(?:周|星期|礼拜)(?![一二三四五六日天])"
)
_MOVED_FROM = re.compile(r"从\s*$")
# Where the resident (or one of theirs) works, told beside our place asked ("我在医院上班，你们
# 食堂几点开", "I work at the bank, is your window open on saturday"; a second reader, r29:
# someone's job is not a place)
_WORK_AT_ZH = re.compile(r"在\s*[\u4e00-\u9fff]{0,4}?$")  # (a name between: "在移动营业厅上班")
_WORK_THERE_ZH = re.compile(
    r"\s*(?:上班|工作|做事|打工|(?:当|做)(?:护工|护士|医生|保安|保洁|营业员|柜员|会计|收银员?))"
)
_WORK_AT_EN = re.compile(r"\b(?:work|works|worked|working)\s+(?:at|in|for)\s+(?:the\s+|a\s+)?$")
_EXPLAINED = re.compile(
    r"[\u4e00-\u9fff]{1,4}节\s*[（(,，]?\s*(?:也?就是|即|指的是)\s*$"
    r"|\b[a-z']+(?:\s+[a-z']+)?\s+(?:day|festival)\s*[(,]?\s*(?:i\.?e\.?|that\s+is|which\s+is)\s*,?\s*$"
    # …or its date in brackets right after it: "the first day of winter (Nov 7)"
    r"|\b(?:(?:first|last)\s+day\s+of\s+[a-z']+(?:\s+[a-z']+)?|[a-z']+(?:\s+[a-z']+)?\s+"
    r"(?:day|festival))\s*\(\s*$"
)
# A month named as when something was done ("我三月份去卫生站配过药了，四月九号还要去"): this
# month or one gone by, told as done, beside days of later months only
_MONTH_NAMED = re.compile(r"([一二三四五六七八九十]{1,2}|\d{1,2})\s*月份?")
_MONTH_DONE = re.compile(r"过|了|\b(?:went|was|were|had|did|got)\b")


# A festival's own month said beside it ("Golden Week in October", "十月国庆期间", "中秋 in
# september"): the month only says when the festival falls (round twenty-nine, spent23). A
# month it does not fall in ("golden week in may") is left, and the day asked.
_MONTH_OF_FESTIVAL = re.compile(
    r"(?<![\d一二三四五六七八九十])(?P<zh>[一二三四五六七八九十]{1,2}|\d{1,2})\s*月份?(?:的|里)?"
    r"(?![饼号日\d一二三四五六七八九十初底末中头尾])"
    r"|\b(?:in|of|this)\s+(?P<en>january|february|march|april|may|june|july|august|september"
    r"|october|november|december)\b"
)
_EN_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip


def _festival_months(left: str, mentions: list[TimeMention]) -> str:
    months = {d.month for m in mentions if m.resolved and m.kind == "festival" for d in m.days[:1]}
    if not months:
        return left

    def blank(found: re.Match[str]) -> str:
        if found.group("en"):
            month = _EN_MONTHS.index(found.group("en")) + 1
            if month in months:
                return " "
            # "golden week in may": "may" is no day word alone (it asks), a month after "in"
            return " 5月 " if month == 5 else found.group()
        month = cn_number(found.group("zh"))
        return " " if month in months or month in _lunar_months(mentions) else found.group()

    return _MONTH_OF_FESTIVAL.sub(blank, left)


def _lunar_months(mentions: list[TimeMention]) -> set[int]:
    """The lunar months of the festivals read ("八月中秋", "五月端午": the lunar month said)."""
    from borax.calendars.lunardate import LunarDate

    return {
        LunarDate.from_solar_date(d.year, d.month, d.day).month
        for m in mentions
        if m.resolved and m.kind == "festival"
        for d in m.days[:1]
    }


def _months_gone(left: str, text: str, mentions: list[TimeMention], today: date) -> str:
    if not _MONTH_DONE.search(text):
        return left
    days = [d for m in mentions if m.resolved for d in m.days]

    def gone(found: re.Match[str]) -> str:
        month = cn_number(found.group(1))
        back = (today.month - month) % 12
        if not 1 <= month <= 12 or back > 5:
            return found.group()
        # the month's own year, and no day asked falls in it
        year = today.year if month <= today.month else today.year - 1
        if any((d.year, d.month) <= (year, month) for d in days):
            return found.group()
        return " "

    return _MONTH_NAMED.sub(gone, left)


# A month named as when an event of the resident's own is to come ("我要练琴 七月考级",
# "七月份要比赛", "8月要动手术"): the event's month, not a day asked, beside a day asked in
# another month
_MONTH_EVENT = re.compile(
    r"([一二三四五六七八九十]{1,2}|\d{1,2})\s*月份?\s*(?:底|初|中|里)?\s*"
    r"(?:就|还)?(?:要|得|有|去|参加)?\s*(?:考级|考试|比赛|演出|汇演|表演|手术|开刀|开学|出国|结婚|搬家|复查|中考|高考|期末考)"
)


def _months_to_come(left: str, mentions: list[TimeMention]) -> str:
    months = {(d.month) for m in mentions if m.resolved for d in m.days}

    def blank(found: re.Match[str]) -> str:
        return found.group() if cn_number(found.group(1)) in months else " "

    return _MONTH_EVENT.sub(blank, left)


# "前两天隔壁讲…", "前几天我去过": a few days ago, told as the story's, unless the words
# follow a day named ("端午前两天": the two days before it)
_FEW_DAYS_AGO = re.compile(r"前\s*(?:两|几|一两|些)\s*天")


def _few_days_gone(left: str, text: str, mentions: list[TimeMention]) -> str:
    said = list(_FEW_DAYS_AGO.finditer(text))
    if not said or any(
        0 <= found.start() - m.span[1] <= 2 for found in said for m in mentions if m.span[1]
    ):
        return left
    return _FEW_DAYS_AGO.sub(" ", left)


# People of another place told as who comes along ("老年大学的老同学", "超市里的同事"; round
# thirty, dev119)
_PEOPLE_OF = re.compile(
    r"\s*(?:的|里的?|里面的?)\s*(?:几个|一些|两个|一个)?\s*(?:老)?(?:同学|同事|老师|朋友|学员|校友|姐妹|伙伴|搭子|会员)"
)
_MOVED_HERE = re.compile(r"\s*(?:搬|迁)(?:过来|来|到)")
# …or the errand there: "he has a hospital appointment", "医院复查", "a bank run"
_ERRAND_AT = re.compile(
    r"\s*(?:appointments?|visits?|check-?ups?|run|errands?)\b"
    r"|复查|看(?:过|了)?病|看门诊|挂号|检查|就诊|的号|办事|取钱|存钱|买菜"
    # a patient's errands there: "中心医院配药", "医院复诊", "去六院拿药" (round twenty-six, dev98)
    r"|复诊|配药|开药|拿药|取药|看专家|体检|打针|挂水|输液|透析"
    # a stay there ended, a paper or a bill from there ("在中山医院出院了", "派出所开的证明",
    # "燃气公司交费"; round thirty, dev118)
    # …or a photo for its papers ("出入境要的照片你们照相馆能拍吗"; round thirty)
    r"|(?:要|用|办[\u4e00-\u9fff]{0,3}?)?的?(?:照片|相片|证件照)"
    r"|出院|住(?:过|了)?院(?!部)|(?:寄|取|交|缴|办|存|汇|充|修|拿)(?:[\u4e00-\u9fff]{0,2}?)(?:完|好)(?:了)?|开(?:了|好|的|过)?(?:证明|介绍信)|(?:交|缴)(?:了)?费|挂失|报修"
    # …or what the body said: "派出所说要到窗口开证明", "the court told me to see a lawyer"
    r"|(?:的|里的?)?(?:人|同志|工作人员|民警|警察|法官)?(?:说|讲|叫|让|要我|要求|通知)"
    r"|\s*(?:told|said|says|sent|asked)\b"
    # …or what the body needs, told last ("照相馆能拍护照照片吗，出入境要用", "派出所要的"), or
    # the line called to complain ("打12345投诉食堂"; a second reader, r30)
    r"|\s*(?:要|要用|需要|用)(?:的)?\s*(?:的|呢|啊|哦|吧|呀)?\s*[。.!！]?\s*$"
    r"|\s*(?:投诉|举报|反映)"
    # …or the time before a trip there ("劳动仲裁之前能先来法律援助问问吗"; a second reader,
    # r30; not 前面, in front of it). What befell it ("会所关门了", "人太多了") stays a story:
    # ours is then answered only for a day of its own (the story rule, r30)
    r"|\s*(?:之前|以前)(?=\s*[\u4e00-\u9fff])"
)
_INSTITUTION = re.compile(
    rf"{OUTSIDE_BODY_ZH}|{OUTSIDE_BODY_EN}|"
    r"医院|银[行航]|超市|商场|菜场|菜市场|药店|药房|理发店|博物馆|动物园|教堂|寺庙"
    r"|(?:hospital|bank|supermarket|pharmacy|mall|museum|zoo|church)s?"
)


def _home_is_the_reason(text: str, home: re.Match[str], venues: list[VenueMatch]) -> bool:
    """ "琴房开不开 …家里钢琴邻居嫌吵": our venue's hours asked first, in a clause of its own, and
    the thing at home told after as the reason for coming."""
    return any(
        0 < v.span[1] <= home.start()
        and _HOURS_INTENT.search(text, v.span[1], home.start())
        and _CLAUSE_END.search(text, v.span[1], home.start())
        for v in venues
    )


_PAPER_FROM = re.compile(r"(?:给我|帮我)?(?:开|出|出具)(?:了|好|的|过)+(?:证明|介绍信|材料)")


def _other_counter(text: str, venues: list[VenueMatch]) -> bool:
    """Whether our window's word in ``text`` is another office's counter named there, that office
    not only where the resident goes or is before coming to ours ("下午要去税务局办事 回来
    窗口还开吗", "去派出所开了证明 明天来窗口办居住证")."""
    windows = [v for v in venues if v.venue_id == "service_window" and v.span[1]]
    if not windows or any(_OUR_WINDOW_BEFORE.search(text, 0, v.span[0]) for v in windows):
        return False
    if _INSTITUTION_COUNTER.search(text):
        return True
    return any(
        not _TRIP_TO.search(text, 0, m.start())
        and not text[: m.start()].endswith("在")
        # (a paper from there brought to ours: "拿着派出所开的证明，窗口明天开吗"; round thirty)
        and not _PAPER_FROM.match(text, m.end())
        for m in _OTHER_COUNTER.finditer(text)
    )


def _other_place(rest: str, venue_ids: tuple[str, ...]) -> bool:
    """Whether ``rest`` names another business than ours, not only as the trip's destination
    next to one of our venues."""
    for match in _OTHER_PLACE.finditer(rest):
        if _MOVED_FROM.search(rest, 0, match.start()) and _MOVED_HERE.match(rest, match.end()):
            continue  # "我刚从外区搬来": where the resident lived before, not a place asked about
        if (
            (venue_ids or _OURS_TOO.search(rest))
            and _INSTITUTION.fullmatch(match.group())
            and (
                (
                    _WORK_AT_ZH.search(rest, 0, match.start())
                    and _WORK_THERE_ZH.match(rest, match.end())
                )
                or _WORK_AT_EN.search(rest, 0, match.start())
            )
        ):
            continue  # "我在医院上班，你们食堂几点开": the resident's job, not a place asked about
        if venue_ids and _PEOPLE_OF.match(rest, match.end()):
            continue  # "老年大学的老同学约我去你们棋牌室": people met there, not the place asked
        if not (
            venue_ids
            and _INSTITUTION.fullmatch(match.group())
            # (which one asked, the question ending there, is no trip told: "打官司去哪个法院";
            # round thirty, dev118; not "去哪个医院看比较好 卫生站周六开吗")
            and not (
                _WHICH_BEFORE.search(rest, 0, match.start())
                and len(rest[match.end() :].strip()) <= 6
            )
            and (_TRIP_TO.search(rest, 0, match.start()) or _ERRAND_AT.match(rest, match.end()))
        ):
            return True
    return False


# Things asked about that are not the centre's, even next to a venue's name or alias: a house
# ("二手房…带电梯的"), the sun ("几点日出…拍照片"), homework and code ("夜校Python课的作业…"),
# another country's rules ("签证照片尺寸要求"), places to eat ("ramen places near…").
# Chains and apps, someone's employer, online courses to recommend: read in the whole text
# (their names may hold one of our words: "anytime fitness"), before any feature
_CHAIN = re.compile(
    # the resident's own compound's parking or gym: "停车场月卡多少钱 我们小区的"
    r"(?:我们|我家|阿拉|我)小区(?:的|里)?[\u4e00-\u9fff]{0,4}(?:停车|车位|月卡|健身)"
    r"|(?:停车|车位|月卡)[\u4e00-\u9fff\s]{0,8}(?:我们|我家|阿拉)小区"
    # advice on losing weight or exams elsewhere: "跑多久减肥", "能考雅思吗"
    r"|减肥|瘦身|增肌|掉秤|(?:能|会|可以|才能)瘦|瘦[\d一二两三四五六七八九十几]+\s*(?:斤|公斤|kg)|雅思|托福|四六级|\b(?:ielts|toefl|lose\s+weight|weight\s+loss)\b|"
    r"\b(?:anytime\s+fitness|pure\s+(?:yoga|fitness)|meituan|ele\.?me|dianping|hema|starbucks"
    r"|wework)\b|美团|饿了么|大众点评|盒马|威尔士健身|一兆韦德|乐刻"
    r"|\bmy\s+(?:company|employer)(?:'|\s)?s\b|\bwill'?s\s+(?:gym|fitness)\b"
    r"|网课推荐|推荐[\u4e00-\u9fff]{0,3}网课|\bonline\s+courses?\b[^?]*\brecommend"
    # videos online, apps and software, photography tips ("网上有没有免费的书法课视频推荐", "哪个
    # 修图软件…", "best app to edit passport photos", "better photos with my iPhone", "外卖平台")
    r"|网上[\u4e00-\u9fff]{0,10}(?:视频|网课)|视频推荐|修图|(?:哪个|什么|啥|推荐)[\u4e00-\u9fff]{0,3}(?:软件|app)"
    r"|外卖平台|\b(?:best|which|what|good|free)\s+(?:\w+\s+)?apps?\b|\bapps?\s+to\s+edit\b"
    r"|\b(?:take|taking)\s+(?:better|good|nicer)\s+(?:photos|pictures)\b|\bwith\s+my\s+(?:iphone|camera)\b"
    # the bot's own legal opinion on a case ("这条款合法吗，你帮我判断一下", "is my landlord allowed
    # to keep my deposit? what's your legal opinion"): a lawyer's, not an answer here
    r"|(?:你|您)(?:帮我|给我)(?:判断|评估|分析)|合法吗|合不合法|是否合法|违法吗"
    r"|\b(?:your\s+)?legal\s+opinion\b|\b(?:is|are)\s+(?:my|the)\s+(?:landlord|employer|boss|company"
    r"|neighbou?r)s?\s+allowed\b"
    # universities, landmarks of other districts ("what courses does fudan offer", "near the bund")
    r"|复旦|交大|同济|\b(?:fudan|jiaotong|tongji|universit(?:y|ies))\b"
    # (not where one goes afterwards, the story: "跑完步再去外滩看倒计时", "then head to the bund")
    r"|(?<!再去)(?<!再到)(?<!然后去)(?<!之后去)(?<!完了去)(?<!后去)(?<!接着去)"
    # (nor where one means to go: "练好想去外滩", "之后要去外滩"; round twenty-seven, spent21)
    r"(?<!想去)(?<!要去)(?<!打算去)(?<!准备去)"
    r"(?:外滩|人民广场|陆家嘴|新天地|徐家汇|静安寺|豫园)"
    r"|(?<!then\sgo\sto\s)(?<!then\shead\sto\s)(?<!afterwards\sto\s)"
    r"\b(?:the\s+bund|people'?s\s+square|lujiazui|xintiandi|xujiahui|yuyuan)\b"
)
# Another trade's business or a matter of the city's, read in the whole text (our venue words
# may be part of it: "律师证", "健身会所", "老年卡坐地铁"), before any feature or entry: a meal
# ordered from a shop or its courier ("帮我叫个外卖", "order us two bubble teas"; not the
# canteen's delivery, "食堂能送餐吗", "可以外卖吗"), a commercial gym ("威尔仕健身年卡", "the
# kerry gym"), a medicine with a drink ("降压药吃了能喝点黄酒伐", "antibiotics … a beer"), one's
# own phone camera or album ("手机拍照怎么开美颜"), a professional exam ("考律师证", "bar exam"),
# the city's fares ("老年卡乘地铁免费是几点到几点"; the senior card itself is the window's), a
# city race signed up for ("上海半马什么时候报名"; not "is the gym open on the day of the marathon")
_ELSEWHERE_TRADE = re.compile(
    r"(?:帮|给|替)(?:我|我们|阿拉|伊|他|她)?(?:叫|点|订)(?:个|一个|份|一份|点|了)?外卖"
    r"|外卖(?:小哥|员|骑手|平台|商家|送错|送晚|送漏|差评)|(?:点|叫|订)的外卖|肯德基|麦当劳|必胜客|瑞幸"
    # a takeaway told as ordered, waited for ("外卖点了两个钟头还没送到", "我叫了外卖 还没来",
    # "my takeaway still hasn't come"; not the canteen's, "食堂外卖点了…", nor "可以点外卖吗")
    # (nor ordered from the canteen: "昨天跟食堂订了外卖 今天几点送"; a second reader, r27)
    r"|(?<!食堂)(?<!食堂的)外卖(?:点了|叫了|订了|下单了)|(?<!食堂)(?:点|叫|订)了(?:个|一个|份|一份|两份)?外卖"
    r"|\bmy\s+(?:takeaway|takeout|take-out|food\s+delivery)(?:\s+order)?\s+"
    r"(?:is|has|hasn'?t|still|never|was|came|took)\b"
    # the restaurant and tea chains by name ("海底捞清明节营业吗 排队要多久", "what's on the menu at
    # the haidilao"; round twenty-seven): the chain's hours and menu, not our canteen's
    r"|海底捞|呷哺|西贝|萨莉亚|汉堡王|赛百味|真功夫|老娘舅|鼎泰丰|小杨生煎|和府捞面|喜茶|奈雪|蜜雪冰城"
    r"|\b(?:haidilao|hai\s+di\s+lao|xiabu|xibei|saizeriya|burger\s+king|din\s+tai\s+fung|yang'?s\s+dumplings?"
    r"|heytea|hey\s+tea|nayuki|mixue)\b"
    r"|\b(?:order|get|fetch|bring)\s+(?:me|us)\b[^.?!]{0,30}?\b(?:takeaways?|takeouts?|take-outs?"
    r"|pizzas?|burgers?|bubble\s+teas?|milk\s+teas?|noodles|dumplings|sushi)\b"
    r"|\btakeaway\s+from\b|\b(?:kfc|mcdonald'?s|pizza\s+hut|luckin)\b"
    r"|威尔[仕士]|一兆韦德|乐刻|超级猩猩|舒适堡|金仕堡|宝力豪|中体倍力|浩沙|健身会所|健身俱乐部|商业健身房"
    r"|(?:外面|外头)的?健身房|\b(?:anytime\s+fitness|pure\s+(?:yoga|fitness)|super\s*monkey|fitness\s+first"
    r"|will'?s\s+(?:gym|fitness)|kerry\s+(?:gym|sports|fitness)|physical\s+(?:gym|fitness)"
    r"|(?:fitness|health)\s+clubs?)\b"
    r"|药(?:吃了|吃过|期间|以后|之后)[\u4e00-\u9fff]{0,3}?(?:能|可以|好)(?:喝|吃|碰)"
    r"|(?:喝酒|黄酒|白酒|啤酒|红酒|饮酒|喝咖啡|喝茶)[\u4e00-\u9fff]{0,8}?药"
    r"|药[\u4e00-\u9fff]{0,8}?(?:喝酒|黄酒|白酒|啤酒|红酒|饮酒|喝咖啡|喝茶|喝点酒)"
    r"|\b(?:beers?|wine|alcohol|booze|drinking|coffee|grapefruit)\b[^.?!]{0,40}?"
    r"\b(?:antibiotics?|pills?|medicines?|medications?|tablets?|meds)\b"
    r"|\b(?:antibiotics?|pills?|medicines?|medications?|tablets?|meds)\b[^.?!]{0,40}?"
    r"\b(?:beers?|wine|alcohol|booze|drinking|coffee|grapefruit)\b"
    r"|美颜|滤镜|人像模式|夜景模式|美图秀秀|(?:手机|相册|微信)[\u4e00-\u9fff]{0,8}?(?:怎么|如何)"
    r"[\u4e00-\u9fff]{0,4}?(?:传到电脑|传电脑|导到电脑|导出|备份|调亮|调暗|投屏|录屏)"
    r"|(?:照片|相片|相册|视频)[\u4e00-\u9fff]{0,4}?(?:(?:传|导|拷|存)(?:到|进)(?:电脑|u盘|硬盘|云盘|网盘)|备份)"
    r"|\b(?:portrait|night|selfie|beauty)\s+mode\b|\bmy\s+phone'?s?\s+camera\b"
    r"|\b(?:transfer|move|copy|back\s+up)\s+(?:my\s+|the\s+)?(?:photos|pictures)\b"
    r"|律师证|律师资格|法考(?=[\u4e00-\u9fff]{0,4}(?:报名|考试|成绩|难|什么时候|几时))|司法考试|会计证"
    r"|注会(?:考试|报名)|考教资|教资(?:考试|报名|面试|笔试)|教师资格|建造师|公务员考试|考公务员|考编制"
    r"|执业医师|护士资格"
    r"|\bcpa\b|\b(?:bar|law|accounting|teaching|civil\s+service)\s+exams?\b"
    r"|(?:地铁|公交|轮渡|巴士|公交车|磁浮|乘车)[\u4e00-\u9fff]{0,6}?"
    r"(?:免费|要钱|收费|打折|优惠|半价|票价|几块|多少钱|几钿)"
    r"|(?:免费|打折|半价|优惠)[\u4e00-\u9fff]{0,3}?(?:坐|乘|搭)(?:地铁|公交|轮渡|巴士|公交车)"
    r"|\b(?:ride|rides|riding|travel|travels)\s+(?:the\s+)?(?:metro|subway|bus(?:es)?|ferry|ferries)"
    r"\s+(?:for\s+)?free\b|\b(?:metro|subway|bus|ferry)\s+(?:fares?|ticket\s+prices?)\b"
    r"|\bfree\s+(?:metro|bus|subway|ferry)\s+(?:rides?|travel)\b"
    r"|(?:马拉松|半马|全马|定向赛|龙舟赛|越野赛|骑行赛|上马(?=[\u4e00-\u9fff]{0,4}(?:抽签|报名|中签)))"
    r"[^。？?!！]{0,12}?(?:报名|抽签|中签|参赛|(?:想|能|要|好)报)"
    r"|(?:报名|抽签|参加)[\u4e00-\u9fff]{0,8}?(?:马拉松|半马|全马|定向赛|龙舟赛)"
    r"|\b(?:marathon|half[\s-]marathon)\b[^.?!]{0,30}?\b(?:register|registration|sign\s+up|entry|ballot)\b"
    r"|\b(?:regist\w*|sign\s+up|enter)\b[^.?!]{0,30}?\b(?:marathon|half[\s-]marathon)\b"
    # the city's volunteers, not ours ("进博会志愿者怎么报名", "marathon volunteers")
    r"|进博会|进口博览会|世博会|\b(?:ciie|import\s+expo)\b"
    r"|(?:马拉松|半马|全马)[^。？?!！]{0,6}?志愿|\bmarathon\b[^.?!]{0,20}?\bvolunteer"
    # another studio of our kind, a commercial shoot ("其他照相馆拍艺术照", "婚纱影楼")
    r"|(?:别的|别家|其他|其它)的?(?:照相馆|健身房|食堂)|影楼|婚纱摄影"
    # a trade's certificate ("健身教练证怎么考", "personal trainer certification")
    r"|(?:教练|厨师|营养师|心理咨询师|育婴师|月嫂|电工|焊工|导游|保安)(?:证|资格)"
    r"|\b(?:trainer|coaching|chef|cooking|teaching)\s+(?:certificat\w+|licen[cs]es?|qualifications?)\b"
    # another place's parking or wifi ("浦东机场停车一天多少钱", "星巴克的无线网密码")
    r"|(?:机场|火车站|高铁站|虹桥站|医院|商场|酒店|宾馆|星巴克|咖啡馆)[\u4e00-\u9fff]{0,4}?"
    r"(?:停车|车位|车往哪停|车停哪|wifi|无线网|上网)"
    # a phone company's plans ("which carrier has the cheapest plan", "流量套餐哪家便宜")
    r"|运营商|流量(?:套餐|卡)|话费套餐|手机套餐"
    r"|\b(?:carriers?|sim\s+cards?|(?:phone|mobile)\s+(?:network|provider)s?)\b"
    r"|\b(?:airport|railway\s+station|train\s+station|hospital|mall|hotel|starbucks)\b[^.?!]{0,30}?"
    r"\b(?:wifi|wi-fi|internet|parking)\b"
    r"|\b(?:wifi|wi-fi|internet|parking)\b[^.?!]{0,20}?\bat\s+(?:the\s+)?(?:airport|railway\s+station"
    r"|train\s+station|hospital|mall|hotel|starbucks)\b"
    # a good one of a trade's near somewhere ("a decent pilates studio near jinshajiang road")
    r"|\b(?:good|decent|nice|great|cheap|affordable)\s+(?:(?:yoga|pilates|dance|tattoo|nail|hair|beauty)"
    r"\s+studios?|salons?|schools?|restaurants?|shops?|cafes?|places?)\s+(?:near|around|close\s+to)\b"
    # the city's insurance figures ("社保缴费基数", "缴费比例"), not the window's cards
    r"|缴费基数|缴费比例|社保基数|公积金基数|最低工资"
    # another park's toilets or boats ("长风公园的厕所在哪"; not its car park, where our
    # parking entry sends visitors of changfeng bay)
    r"|公园(?:的|里的?|里面的?)(?:厕所|卫生间|洗手间|游船|门票|游乐场)"
    r"|\b(?:toilets?|restrooms?|bathrooms?|loos?)\s+(?:in|at)\s+(?:the\s+)?\w+\s+park\b"
    r"|\bpark'?s\s+(?:toilets?|restrooms?|bathrooms?)\b"
    # another office's document lost or replaced ("户口本丢了怎么补办", "lost my passport"; not
    # our window's cards, nor a photo for it: "护照丢了补办要照片 你们能拍伐")
    r"|(?:户口本|户口簿|结婚证|离婚证|房产证|出生证|退休证|残疾证|驾照|驾驶证|行驶证|护照|通行证|学生证"
    r"|毕业证|学位证|台胞证|回乡证|签证)[\u4e00-\u9fff]{0,3}?(?:丢|掉|遗失|补办|补|挂失)(?![^。？?!！]*(?:照|\bphotos?\b))"
    # the exit-entry bureau's documents renewed or endorsed ("港澳通行证续签在哪办", "护照快到期了
    # 去哪办"; not our window's residence permit, nor a photo for them)
    r"|(?:护照|签证|通行证|台胞证|回乡证)[\u4e00-\u9fff]{0,4}?(?:续签|续办|签注|换发|换证|延期|到期|过期"
    r"|(?:在|去|到)?哪(?:里|儿)?(?:能|可以)?办)(?![^。？?!！]*(?:照|\bphotos?\b))"
    r"|\b(?:lost|replace|replacing|reissue)\b[^.?!]{0,20}?\b(?:passport|driving\s+licen[cs]e"
    r"|driver'?s\s+licen[cs]e|marriage\s+certificate|hukou|birth\s+certificate"
    r"|(?:taiwan\s+)?compatriot\s+(?:permit|pass|card)|home\s+return\s+permit|visa)\b"
    r"(?![^.?!]*\bphotos?\b)"
    # a commercial school or a private teacher ("新东方英语培训班", "外面培训机构", "lessons with a
    # private teacher"; "晚上的培训班" is our night school), a graded exam signed up for ("钢琴考级
    # 报名在哪"; not "孩子要考级了想去琴房练练"), a shared bike's deposit
    r"|新东方|学而思|培训机构|\bprivate\s+(?:teachers?|instructors?|coach(?:es)?)\b"
    r"|考级(?:报名|考点|证书|在哪|怎么报|费)|共享(?:单车|自行车|电单车)|哈啰|青桔|摩拜|\b(?:bike[\s-]?share|shared\s+bikes?"
    r"|hellobike|mobike)\b"
)
_NOT_OURS = re.compile(
    r"二手房|房价|一平|平方|学区|日出|日落|天亮|天黑|月亮|涨潮|代码|死循环|编程题|报错"
    r"|程序|尺寸|毫米|规格|要求是|股票|彩票|航班|首班车|末班车|电影|演唱会|游泳|泳池|宠物|猫|狗"
    # homework asked about ("夜校Python课的作业…", "寒假作业怎么写"), not the child coming to
    # do it ("明后两天阅览室开吗 孩子想去写寒假作业", dev100)
    r"|(?<![去来写做假])作业|(?<![去来])[写做](?:寒假|暑假)?作业|(?<![写做])(?:寒假|暑假)作业"
    # (not the train the resident comes back by: "7号坐高铁回来 8号食堂开伐")
    r"|高铁(?!回来|过来|回上海|到上海)"
    # the railway's tickets and waiting lists ("12306候补怎么弄"): not our sign-up's
    r"|12306|火车票|高铁票|动车票|机票|抢票"
    r"|\b(?:sunrise|sunset|homework|code|bug|debug|ramen|noodles?|sushi|pizza|burgers?|bars?|pubs?"
    # (not the night school's coffee course: "a coffee / barista course")
    r"|cafes?|coffee(?!(?:\s*/?\s*[a-z-]+)?\s+(?:class|course|lesson|workshop))|hotpot|(?<!my\s)(?<!our\s)(?<!his\s)(?<!her\s)(?<!their\s)(?<!your\s)flights?(?!\s+(?:lands?|arrives?|gets?\s+in))|trains?|movies?|cinema|pool"
    r"|swimming|pets?|cats?|dogs?|visa\s+rules|visa\s+requirements?)\b"
    # whether a document lets one travel: the exit-entry office's ("is my residence permit
    # valid for travel to hong kong", "居住证能去香港吗")
    r"|\bvalid\s+(?:for|to)\s+(?:travel|go|enter)\w*"
    r"|\b(?:travel|go|get)\s+(?:to|into)\s+(?:hong\s*kong|macau|macao|taiwan)\b"
    r"|(?:能|可以|可不可以)(?:去|到|进)(?:香港|澳门|台湾)"
    # the estate's rubbish room and its sorting volunteers ("垃圾房那个志愿者阿姨"): not ours
    r"|垃圾(?:房|站|桶|箱|分类)(?![^。？?，,\s]{0,4}(?:讲座|活动|课|培训))"
    # a shop's fitting room is no room of ours to book
    r"|\bfitting\s+rooms?\b|试衣间"
    # (not "the community place near changfeng park": the centre itself)
    r"|(?<!community\s)\b(?:places?|shops?|stores?|somewhere)\s+(?:near|around|close\s+to)\b"
    # where to have a thing of the resident's own repaired: "热水器坏了哪里修"
    r"|(?:哪里|哪儿|哪能|去哪)(?:能|可以|有)?(?:修|维修|修理)|修理铺|修车铺|维修点"
    # a tradesman for the home: "水管爆掉了 找啥人来修", "马桶堵了寻啥人来通"
    r"|(?:找|寻|叫|请)(?:啥|什么|哪个|谁|个)?(?:人|师傅)?(?:来|上门)(?:修|通|装|换)"
    r"|\bget\s+(?:it|them|this|that|my\s+\w+)\s+(?:fixed|repaired)\b|\brepair\s+shops?\b"
    # advice on a venue's topic, not the venue: "跑步机哪个牌子好", "血压一百五算高吗"
    r"|哪个牌子|什么牌子|哪款|家里想买|家用的?|家里的?(?:wifi|网络?|路由器?|电脑|电视|宽带)"
    r"|算高吗|算不算高|偏高吗|高不高啊?$|动作推荐|推荐.{0,4}动作|资格证|开放大学|夜大学?(?!校)"
    r"|哪些动作|什么动作|用什么动作|(?<!叫我)(?<!让我)(?<!要我)少吃点?|(?<!叫我)(?<!让我)(?<!要我)多吃点?|该吃|忌口|会不会伤|伤膝盖|伤腰|是哪里人|(?<!来)(?<!来了)(?<!来个)(?<![给帮替陪带])亲戚(?!们?(?:从[\u4e00-\u9fff]{1,6}?|[\u4e00-\u9fff]{0,2})(?:来|到|过来|上门))|八卦"
    r"|蛋白粉|补剂|\bprotein\b|\bsupplements?\b|\b\d{2,3}\s*(?:over|/)\s*\d{2,3}\b"
    r"|\bblood\s+(?:pressure|sugar)\s+(?:is\s+)?(?:bad|high|low|normal|ok)\b"
    r"|减肥(?:食谱|餐)|怎么做的|的做法|佳能|尼康|\b(?:recipes?|canon|nikon)\b"
    r"|私下|家教|一对一辅导|\bprivate\s+(?:tutor|tutoring|lessons?)\b"
    # schooling and exams of the family, not the centre's courses ("高考填志愿" is no volunteering)
    # (an exam told as over is the reason of a visit: "中考完了想去健身房练练", "高考结束了")
    r"|(?<!考完)(?<!考好)(?:高考|中考|考研)(?!\s*(?:完|考完|考好|结束|刚完|刚结束|过后|以后|之后|后|好了|一结束))"
    r"|填志愿|志愿填报|选专业|什么专业|\b(?:gaokao|university\s+application)\b"
    # another place's hours: "长风公园几点关门", "what time does changfeng park close"
    r"|公园[\u4e00-\u9fff]{0,2}(?:几点|开门|关门|门票)|\bpark\s+(?:close|open)s?\b"
    # a plan of the resident's own, a repair, a traffic fine, a neighbour's things
    r"|减肥计划|训练计划|健身计划|锻炼计划|该怎么练|怎么练才|修电脑|修手机|修理|罚单|违章|申诉"
    # a lift's own training, a plateau to break: "卧推卡在60公斤上不去了咋破", "深蹲重量加不上去",
    # "how do I get past a bench press plateau"
    r"|(?:卧推|深蹲|硬拉|引体向上|推举|举重)[\u4e00-\u9fff0-9]{0,8}?(?:卡在|卡住|上不去|加不上|突破|瓶颈|平台期|咋破|怎么破|怎么练|练不上)"
    r"|平台期|增肌|\b(?:bench\s+press|squat|deadlift)\w*\b[^.?!]{0,30}?\b(?:plateau|stuck|stall\w*|improve|increase)\b"
    r"|\b(?:fix|repair)\s+(?:my|a|the)\b|\bparking\s+(?:ticket|fine)s?\b|\b(?:of|from)\s+my\s+neighbou?rs?\b"
    r"|\bmy\s+neighbou?r'?s\b"
    # (a diet the canteen may suit is the reason asked: "on a low-salt diet, anything lighter?")
    r"|(?<!salt\s)(?<!salt-)(?<!sugar\s)(?<!sugar-)(?<!fat\s)(?<!fat-)(?<!special\s)(?<!diabetic\s)\bdiet\b"
    r"|\bbad\s+for\s+(?:my|your|the)\b"
    # a service nobody here gives: a passport, an MRI, a recipe, gambling, another library,
    # the city's hotline, a parking space at home, a phone lost on the way
    r"|(?:能|可以|帮我|代)办(?:理)?[\u4e00-\u9fff]{0,2}?(?:护照|签证|通行证)|核磁|胃镜|肠镜"
    # someone to go with the resident, or to court: "律师明天能陪我去法院吗", "represent me"
    r"|陪(?:同)?我(?:去|上)(?:法院|法庭|医院|派出所)|出庭|上法庭|代理我|帮我打官司|\brepresent\s+me\b"
    r"|\b(?:in|to)\s+court\b|\bcome\s+with\s+me\s+to\s+(?:the\s+)?(?:court|hospital|police)\b"
    # what a thing is made of or where it comes from: "用的是什么油", "国产的还是进口的", 教材
    r"|用的(?:是)?(?:什么|啥|哪种)|国产的?还是进口|进口的?还是国产|什么教材|哪本教材|课本是"
    r"|\b(?:what|which)\s+(?:oil|brand|textbook|books?)\b|\bmsg\b"
    r"|\b(?:renew|apply\s+for|get)\s+(?:a\s+|my\s+)?(?:\w+\s+)?(?:passport|visa)\b"
    r"(?!\s+(?:photos?|pics?|pictures?|copies))|\b(?:mri|ct\s+scan|x-?rays?)\b"
    # permits and licences other offices give ("a work permit", "a driving licence"); the
    # window does residence permits only
    r"|\b(?:work|employment)\s+(?:permits?|visas?)\b|\bdriv(?:ing|er'?s)\s+licen[cs]es?\b"
    # (not "不怎么烧饭了": seldom cooks, a story)
    r"|(?<!不)怎么烧|(?<!不)怎么炒|(?<!不)怎么煮|(?<!不)怎么做(?=$|\s|吗|呢|啊)|\bhow\s+(?:do\s+(?:you|i)|to)\s+cook\b"
    r"|赌钱|赌博|\bgambl|上海图书馆|市图书馆|区图书馆|12345|市民热线|\bhotline\b"
    r"|(?:小区|单位|公司)(?:的|里的?|里面的?)?[\u4e00-\u9fff]{0,3}?(?:停车位|车位)"
    r"|\b(?:in|at|of)\s+my\s+(?:compound|building|estate)\b"
    r"|(?:丢|落|忘)在(?:地铁|公交|出租车|车)上|\b(?:on|in)\s+(?:the\s+)?(?:metro|subway|bus|taxi)\b"
    r"|上大学|考大学|考上|复旦|交大|同济"
    r"|考[\u4e00-\u9fff]{0,4}[一二三四五六七八九十\d]+级|\bgrade\s+\d+\s+exam\b"
    r"|(?:退休金|养老金)[\u4e00-\u9fff]{0,4}多少|影响[\u4e00-\u9fff]{0,6}多少"
    # lottery draws ("体彩这期开奖号码"), a home to rent ("想租个房子", "an apartment to rent")
    r"|体彩|福彩|双色球|大乐透|开奖|中奖号码|\b(?:lotter(?:y|ies)|jackpot)\b"
    r"|租(?:个|套|间)?房子|想租房|找房子|房子出租|出租房(?!间)|房源"
    r"|\b(?:apartments?|flats?|houses?)\s+(?:to|for)\s+rent\b"
    r"|\b(?:rent|renting|lease|find)\s+(?:an?\s+)?(?:apartment|flat|house|home)\b"
    # the bot's own meal asked as small talk ("你吃饭了没", "吃了吗您", "have you eaten")
    r"|(?<![们家])[你您]\s*(?:今天|早上|中午|晚上)?\s*(?:早饭|午饭|中饭|晚饭|夜饭)?吃(?:过)?(?:饭|早饭|午饭|中饭|晚饭|夜饭)?"
    r"(?:(?:了|过)(?:吗|没有?|伐|么)|(?:的|了)(?:什么|啥))|^吃了?(?:吗|没|伐)[你您]?$"
    r"|\b(?:have|did)\s+you\s+(?:eaten|eat|had\s+(?:your\s+)?(?:breakfast|lunch|dinner)"
    r"|have\s+(?:your\s+)?(?:breakfast|lunch|dinner))\b"
    # rooms and services no venue here has, the weather asked, a card topped up or a bill paid
    # by phone ("is the laundry room open tonight", "明天空气质量怎么样 适合出去锻炼伐",
    # "how do I top up my transport card on my phone", "手机上怎么交电费"); not our own
    # membership ("top up my gym membership" is "top up my  membership" once the venue is out)
    # (a simile is no place: "it's like a sauna", "像桑拿一样")
    r"|(?<!像)(?:洗衣房|洗衣间|桑拿|汗蒸|蒸汽房)"
    r"|(?<!like\sa\s)(?<!like\san\s)\b(?:laundry|laundrette|launderette|sauna|steam\s+room|spa)\b"
    r"|空气质量|雾霾|天气(?:怎么样|咋样|如何|好不好|预报)|(?:会不会|会|要)(?:下雨|落雨)(?:吗|伐|么|啊)"
    r"|\bair\s+quality\b|\bweather\b|\bwill\s+it\s+rain\b"
    r"|(?:交通卡|公交卡|地铁卡|一卡通)[\u4e00-\u9fff]{0,4}充|充[\u4e00-\u9fff]{0,2}(?:交通卡|公交卡|地铁卡)"
    r"|交(?:电费|水费|燃气费|煤气费|话费)|\btop\s*up\b(?!\s+(?:my\s+|the\s+)?(?:gym|fitness|canteen|meal|membership)\b)|\b(?:transport|metro|subway|bus)\s+card\b"
    r"|\b(?:pay|paying)\s+(?:my\s+|the\s+)?(?:electricity|water|gas|phone)\s+bills?\b"
    r"|签证中心|水族馆|\b(?:brands?|which\s+model|buy\s+(?:a|one|my\s+own)|home\s+(?:wifi|internet"
    r"|router)|aquarium|sim\s+cards?|workout\s+(?:plan|routine)|exercises?\s+for)\b"
)
# The resident's own home and a thing in it that one of our venues also has ("我屋里wifi老是断",
# "家里打印机卡纸了", "想在家里搞个小健身房", "the printer at home"): the question is about
# the resident's thing, not ours. Household members ("家里老人", "我家老头子") are not things.
_HOME_THING = re.compile(
    r"(?:(?<![送到回从])(?:家里厢|家里|家中|屋里厢|屋里|自己家|我家)|在家)"
    r"(?:的|用的?|放的|(?:搞|弄|装|买|添|放)(?:个|台|一台|一个|套|一套)?小?|那台|那个|这台)?"
    r"(?:wifi|无线网|网络?|路由器?|宽带|打印机|复印机|电脑|电视|机顶盒|健身房|健身器材|器材"
    r"|跑步机|哑铃|相机|照相机|钢琴|琴房|录音棚)"
    r"|\b(?:at\s+home|my\s+(?:home|house|flat|apartment|place)(?:'s)?)\s+(?:\w+\s+){0,2}?"
    r"(?:wifi|internet|router|printer|gym|treadmill|piano|camera)\b"
    r"|\b(?:wifi|internet|router|printer|treadmill|piano|gym)\s+(?:\w+\s+){0,2}?at\s+home\b"
    r"|\bhome\s+(?:wifi|internet|router|printer|gym)\b"
)
# …unless ours is asked about too: "家里网断了 你们那里有wifi吗"
# Events of the city at large: "in the city", "around town", "on the Bund", "市里", "外滩"
_IN_TOWN = re.compile(
    r"\b(?:in|around|across)\s+(?:the\s+)?(?:city|town|shanghai|downtown)\b|\bon\s+the\s+bund\b"
    r"|市里|全市|市区|城里|外滩"
)
# a film or a show, put on by us when asked of us as doings (see ``_NOT_OURS``)
_SCREENING = re.compile(r"电影|演唱会|\bmovies?|\bfilms?")
# "get it fixed" after a fault of ours told ("The gym showers have been cold all week, please get
# them fixed"): our fitting mended is asked, feedback (see ``_NOT_OURS``; round twenty-seven)
_GET_FIXED = re.compile(r"get\s+(?:it|them|this|that)\s+(?:fixed|repaired)")
_OURS_TOO = re.compile(r"你们|您们|中心|驿站|\byours?\b|\bcent(?:re|er)\b")
# Someone else's number asked for in so many words, whoever else is named ("房东的联系方式你们有
# 伐", "the number of my letting agency")
_THEIR_NUMBER = re.compile(
    r"(?:居委会?|物业|中介|房东|燃气公司|煤气公司|电力公司|供电局|自来水公司|水务公司"
    r"|(?:中国)?(?:移动|联通|电信)|银行|快递|顺丰)"
    r"(?:公司|主任|办公室|管理处)?的?(?:人工)?(?:客服)?(?:电话|号码|手机|联系方式|热线|微信)"
    r"|\b(?:china\s+)?(?:mobile|unicom|telecom)\s+(?:customer\s+service|hotline|number)\b"
    r"|\b(?:number|phone|contact|hotline)\s+(?:number\s+)?(?:for|of)\s+(?:the\s+|my\s+|our\s+)?"
    r"(?:neighbou?rhood\s+committee|residents'?\s+committee|property\s+(?:management|manager|office)"
    r"|(?:letting|estate|housing|rental)\s+agen\w*|landlord|(?:gas|water|power|electricity|utility)\s+compan(?:y|ies))"
)
# Someone else's line asked for, which the phone numbers' entry (ours only) does not answer:
# the home's power, water or gas and their bills ("家里跳闸了…报修电话多少", "my gas bill
# doubled, what number do I call"), another office or person ("物业电话", "the number for the
# neighbourhood committee", "中介电话多少"); not with ours named too ("手机没电了 你们电话多少")
_THEIR_LINE = re.compile(
    r"停电|断电|跳闸|(?<!手机)没电|停水|断水|没水|水管|燃气|煤气|电力公司|自来水|供电|国家电网|电网"
    r"|电费|水费|热水器|居委|物业|中介|房东|房产公司"
    # the home's broadband, cable and carrier ("宽带坏了打哪个电话", "my broadband is down")
    r"|宽带|光猫|光纤|有线电视|电视信号|机顶盒|(?:中国)?(?:电信|联通)|移动公司"
    r"|\b(?:broadband|cable\s+tv|fibre|fiber|isp)\b|\b(?:my|our|home)\s+internet\b"
    r"|\bpower\s+(?:cut|outage|failure)s?\b|\b(?:electricity|power|lights)\s+(?:went|has\s+gone|is|are)"
    r"\s+(?:off|out)\b|\b(?:water|gas|electricity|electric|power|utility|heating)\s+(?:bills?|compan(?:y|ies)"
    r"|suppl(?:y|ier))\b|\b(?:neighbou?rhood|residents'?)\s+committee\b"
    r"|\bproperty\s+(?:management|manager|office)\b|\b(?:letting|estate|housing|rental)\s+agen\w*"
    r"|\blandlord'?s?\b|\bbuilding\s+management\b"
    # a company, a shop or a tradesman ("搬家公司电话", "locksmith phone number")
    r"|公司|店(?![员长])|师傅|\b(?:compan(?:y|ies)|firms?|shops?|stores?|locksmiths?|plumbers?"
    r"|electricians?|removals?|movers?|cleaners?|taxis?)\b"
)
# The way between two places, for the address entries (the way to ours only): "从长风公园走到
# 外白渡桥要多久", "长风公园到中山公园坐几路车", "how long is the walk from changfeng park to
# the waibaidu bridge": both ends named as places (a park, a bridge, a station…), neither ours,
# and nothing of ours named elsewhere ("1690 离我家远伐，坐公交到哪一站下" asks ours)
_PLACE_ZH = (
    r"[\u4e00-\u9fff0-9]{1,10}?(?:公园|桥|站|广场|路|街|仓库|寺|庙|大厦|医院|商场|镇|村|塔|馆|园|港|城|机场"
    r"|外滩|码头|大学|学校|小区|宫|江|河|湖)"
)
_ROUTE_ZH = re.compile(
    rf"(?P<from>{_PLACE_ZH})(?:走路|走|骑车|骑|坐车|坐地铁|坐公交|开车|打车|步行|乘车)?(?:到|去|至)"
    rf"(?P<to>{_PLACE_ZH})"
    r"(?=要|需要|大概|大约|得|坐|乘|怎么|多|有多|远|近|几|的路|$|\s|[，,。？?])"
)
_PLACE_EN = (
    r"[a-z0-9' ]{2,40}?\b(?:park|bridge|station|square|road|street|temple|airport|mall|bund|garden"
    r"|tower|museum|hospital|university|pier|lu)"
)
_ROUTE_EN = re.compile(
    rf"\bfrom\s+(?:the\s+)?(?P<from>{_PLACE_EN})\s+to\s+(?:the\s+)?(?P<to>{_PLACE_EN})\b"
)
# The way to one place named, not ours: "去长风公园坐几路车", "中山公园怎么走", "which bus goes
# to zhongshan park" (the address entries give the way to ours only; our own roads and stations
# are the way to ours: "去金沙江路站坐几路车")
_WAY_TO_ZH = re.compile(
    rf"(?:去|到|往)?(?P<to>{_PLACE_ZH})(?:要|该|应该|得|可以)?"
    r"(?:(?:坐|乘|搭)(?:几路|几号线|什么车|啥车|哪路|哪一路|哪条线)|怎么走|怎么去|怎么过去)"
)
_WAY_TO_EN = re.compile(
    r"\b(?:get|go|goes|getting|going|way|bus|buses|metro|line|route|directions?)\s+(?:\w+\s+){0,2}?"
    rf"to\s+(?:the\s+)?(?P<to>{_PLACE_EN})\b"
)
_OUR_WAYPOINTS = re.compile(
    r"光复西路|云岭东路|金沙江路|长风公园站|\bguangfu\b|\byunling\b|\bjinshajiang\b"
    r"|\bchangfeng\s+park\s+station\b"
)
# A child brought along or let in, with the resident or alone: "我孙子十二岁 能跟我一起进健身房伐",
# "小孩子可以进健身房伐", "can my 10-year-old grandson come to the gym with me"
_CHILD_ALONG = re.compile(
    r"(?:孙子|孙女|外孙女?|小孩子?|孩子|儿童|宝宝|小朋友|囡囡)(?:[\u4e00-\u9fff0-9]{0,4}岁)?"
    r"\s*(?:能|可以|可不可以|能不能|好)(?:跟|和|陪)?(?:我|阿拉|我们)?(?:一起|一道|一块)?(?:进|来|去|用|玩)"
    r"|(?:能|可以|可不可以|能不能|好)(?:带|领)(?:着)?(?:我的?)?(?:孙子|孙女|外孙女?|小孩子?|孩子|宝宝|小朋友|囡囡)(?:一起|一道|一块)?(?:进|来|去)"
    r"|\b(?:can|could|may)\s+(?:i\s+bring\s+)?(?:my\s+)?(?:\d{1,2}[\s-]*year[\s-]*old\s+)?"
    r"(?:grand(?:son|daughter|kids?|child(?:ren)?)|kids?|child(?:ren)?|son|daughter)\b"
    r"(?:\s+\(?\d{1,2}\)?)?\s+(?:come|go|use|join|get\s+in)\b"
)
_CHILD_WORD = re.compile(
    r"儿童|未成年|小孩|孩子|岁以下|岁以上的?青少年|\bchild|\bkids?\b|\bminors?\b|\bunder\s+1\d"
)
_OURS_NAMED = re.compile(
    r"驿站|中心|1690|长风湾|党群|你们|您们|你那|侬|这里|这边|\byours?\b|\byou\b|\bcent(?:re|er)\b"
    r"|\bchangfeng\s+bay\b|\bhere\b"
)
# Someone else's place of the same kind as ours, named before our word in English ("is shanghai
# library open", "the putuo library"): a district, the city or an institution owns it.
_EN_OWNER_BEFORE = re.compile(
    r"\b(?:shanghai|pudong|puxi|putuo|jing'?an|xuhui|changning|hongkou|yangpu|minhang|huangpu"
    r"|city|public|municipal|district|national|university|school|college|hotel|hospital"
    r"|(?:my|our)\s+(?:building|compound|office|estate|block|apartment|company))'?s?\s+$"
    # a staff's or an office tower's own canteen ("the staff canteen", "office building canteen",
    # "the employee cafeteria"; round thirty, dev119)
    # (not the classes after work: "the after-work classes at changfeng bay")
    r"|\b(?:staff|employees?'?|(?<!after-)(?<!after\s)workers?'?|office(?:\s+(?:building|tower))?"
    r"|company|corporate|(?<!after-)(?<!after\s)work)\s+$"
    # …or a kind of clinic or shop none of ours is ("the dental clinic", "a private gym", "the
    # vaccination clinic", "a 24-hour pharmacy"; round thirty, dev118)
    r"|\b(?:dental|dentist'?s|eye|vet(?:erinary)?|pet|animal|tcm|skin|fertility|beauty|cosmetic"
    r"|vaccination|immuni[sz]ation|private|specialist|24[\s-]?hours?)\s+$"
    # …or a district with a word or two of its own between ("the jing'an youth night school",
    # "pudong senior gym"; round twenty-seven); our own district, putuo, is not one of them
    # …or a person's or an employer's of one's own ("my doctor's clinic", "her dentist's
    # clinic", "my son's tutor's studio"; round twenty-nine, dev114)
    r"|\b(?:my|his|her|their)\s+(?:own\s+)?(?:doctor|dentist|gp|physio|therapist|tutor|coach|trainer"
    r"|employer|boss|landlord)'?s\s+$"
    r"|\b(?:pudong|jing'?\s?an|xuhui|changning|hongkou|yangpu|minhang|huangpu|baoshan|jiading|songjiang"
    r"|qingpu|fengxian|chongming)(?:\s+district)?'?s?\s+(?:(?!(?:is|are|was|the|a|an|and|or|to|for|at|in"
    r"|of|my|your|our|does|do|can|will|near|from|but|with|by)\b)[a-z]+\s+){1,2}$"
)
# …or right after it: "the gym in my building", "the library at my school" (not "…is yours open")
_EN_OWNER_AFTER = re.compile(
    # (or a relative's: "the canteen at my son's school", "the gym at her office"; round
    # twenty-nine, dev114)
    r"\s+(?:in|at|of)\s+(?:my|our|his|her|their)\s+(?:[a-z]+'s\s+)?(?:building|compound|office|work|school|university|hotel"
    r"|apartment|block|estate|company)\b(?!.*\byours?\b)"
    # …or a business of its own ("the gym at the hotel", "the clinic at the hospital", "the photo
    # studio in the mall"; round thirty, dev118)
    r"|\s+(?:in|at|of|inside)\s+(?:the|a|an|that)\s+(?:hotel|mall|hospital|bank|university|stadium"
    r"|court|courthouse|police\s+station|post\s+office"
    r"|shopping\s+(?:centre|center|mall)|sports\s+(?:centre|center))\b(?!.*\byours?\b)"
)
# …and in Chinese, an owner right before our word: the compound's or the employer's own room
# ("我们小区的棋牌室", "小区里的健身器材", "单位里的食堂"), not the centre's.
_ZH_OWNER_BEFORE = re.compile(
    # another district's: "长宁区法律援助中心", "徐汇那个…"
    r"(?:浦东|长宁|静安|徐汇|黄浦|虹口|杨浦|闵行|宝山|嘉定|松江|青浦|奉贤|金山|崇明)(?:新区|区)?"
    r"(?:的|那个|那边的?|那家)?\s*$"
    # (the residents' committee's own rooms said as one word: "居委会活动室", "居委棋牌室"; round
    # twenty-nine, dev114)
    r"|居委会?(?:里|里面)?(?:的|那个|那间)?\s*$"
    # (a hometown's or a village's: "老家的社区医院", "乡下的卫生站")
    r"|(?:老家|乡下|农村|村里|镇上)(?:的|那个|那边的?|那里的?)?\s*$"
    # (a staff's, a school's or a university's own canteen: "员工食堂", "写字楼里的职工食堂",
    # "学生食堂"; round thirty, dev119)
    r"|(?:员工|职工|教工|教职工|学生|大学|写字楼|办公楼)(?:里|里面)?(?:的|那个|那间|那家)?\s*$"
    # (the subdistrict's cultural centre: "社区文化活动中心", "街道文化活动中心")
    r"|(?:社区|街道|区|镇|市|群众)文化\s*$"
    # (the resident's own block, a park's or a metro station's: "我们楼里的健身房", "公园里的健身
    # 器材", "公园的活动室", "地铁站里的照相机")
    r"|(?:我们|阿拉|我家|我住的|我们家)(?:那栋|这栋)?楼(?:里|里面|里厢)(?:的|那个|那间)?\s*$"
    r"|(?:公园|地铁站|车站|火车站)(?:里|里面|里厢|内)?(?:的|那个|那间|那家)?\s*$"
    # (a neighbouring subdistrict's, named bare: "曹杨的社区食堂", "真如镇的活动室"; ours is 长风)
    r"|(?:曹杨|长寿|宜川|甘泉|石泉|真如|万里|桃浦|长征|曹家渡|江宁|彭浦|大宁|临汾|华阳|新泾|仙霞|天山"
    r"|周家桥)(?:新村|路)?(?:街道|镇)?(?:的|那个|那边的?|那家|那里的?)\s*(?:社区|党群)?\s*$"
    r"|(?:外面|外头|(?:(?:小区|单位|公司|学校|厂里厢个|厂里向个|厂里厢|厂里向|厂里|家里|屋里|我家)(?:楼下|楼上|对面|隔壁|附近|旁边|门口)?"
    r"|(?:楼下|楼上|门口|路口|马路对面))(?:里|里面|里厢|内)?)(?:的|那个|那间|那家)?\s*$"
)
# Where the resident lives, as the way to our own venue: for the residents around it the
# centre's canteen is the neighbourhood's ("小区食堂", "旁边的食堂", "隔壁的食堂", "我们小区
# 旁边的那个食堂", "家门口的食堂"). Only right before one of our venue words and said first
# (at the start, after a pause or "我们", "就是那个"), so another owner before it keeps it
# someone else's: "隔壁小区的健身房", "公司楼下的食堂", "医院旁边的食堂", "我家楼下的健身房"
# (_ZH_OWNER_BEFORE); "食堂旁边的面馆" names another place (_OTHER_PLACE). Inside the
# compound ("小区里的健身器材") and the compound's own gym or parking ("我们小区的健身房",
# _CHAIN) stay the compound's, and so does a shop at its gate ("小区门口的照相馆").
_NEAR_US = re.compile(
    r"(?:^|(?<=[\s，,。！？!?、])|(?<=就是)|(?<=那个)|(?<=这个)|(?<=一下)|(?<=请问))"
    r"(?P<near>(?:(?:我们|阿拉|伲)?小区(?:的)?(?:那个)?(?:旁边|隔壁|附近|边上|对过)"
    r"|(?:我们|阿拉)?(?:旁边|隔壁|附近|楼下|边上|对过)|(?:我|阿拉|我们)?家门口)"
    r"(?:的|那个|那家|那间|个)*"
    # "小区食堂", said as one word, of the canteen only: a compound has no canteen of its own,
    # but its own rooms ("小区棋牌室", "我们小区的棋牌室": 的 owns, 旁边 only locates)
    r"|(?P<compound>(?:我们|阿拉|伲)?小区))"
    # the centre said on the way ("…旁边的那个1690里面的那个食堂"): ours, kept
    r"(?:(?:1690|党群服务中心|党群中心|服务中心|中心|驿站)(?:里面|里头|里|楼里)?(?:的|那个|那家|那间|个)*)?"
    r"\s*$"
)
_NEAR_WORD = re.compile(r"小区|旁边|隔壁|附近|楼下|边上|对过|家门口")
# Parcel stations and other shops' pick-up points ("菜鸟驿站", "丰巢"): not our 党群驿站.
# Top-ups of one's phone or transport card ("手机话费怎么充", "top up my transport card"): the
# phone numbers' entry is not about them
_TOP_UP = re.compile(
    r"(?:话费|手机|交通卡|公交卡|地铁卡)[\u4e00-\u9fff]{0,6}?充|充(?:话费|流量)"
    r"|\btop\s+up\s+(?:my\s+)?(?:phone|mobile|transport|metro|sim)\b|\bphone\s+credit\b"
    r"|\b(?:shanghai\s+)?transport\s+card\b"
    # one's own account in the app ("change the phone number on my alipay"), not paying by it
    r"|\b(?:change|update|bind|link|unbind)\b[^?]{0,30}\b(?:on|in)\s+my\s+(?:wechat|alipay)\b"
)
# Signing up at the place itself ("夜校可以去现场报名吗", "sign up in person"): the sign-up
# entry, not the hours
_IN_PERSON_SIGNUP = re.compile(
    r"(?:现场|当面|亲自)[\u4e00-\u9fff]{0,3}?报|\b(?:sign\s+up|register|enrol)\w*\s+in\s+person\b"
)
# Joining a call or a meeting online ("need to join a zoom call"): no course joined
_JOIN_A_CALL = re.compile(
    r"\bjoin\s+(?:a\s+|the\s+|my\s+|an?\s+online\s+)?(?:zoom\s+|video\s+|conference\s+|work\s+|teams\s+)?"
    r"(?:call|meeting|chat)s?\b"
)
_PARCEL = re.compile(r"菜鸟|丰巢|快递柜|快递点|取件|取快递|寄快递|包裹|\b(?:parcels?|packages?)\b")
# The weather asked about, a venue only mentioned on the way ("明天会下雨吗 要不要带伞去食堂").
_WEATHER = re.compile(
    r"下雨|落雨|下雪|落雪|刮风|台风|气温|几度|天气|冷不冷|热不热"
    r"|\b(?:weather|rain(?:ing|y)?|snow(?:ing|y)?|temperature)\b"
)
# The other place as the resident's fallback, after a question about one of ours.
_ALT_CLAUSE = re.compile(
    r"还是(?:说)?(?:只能|只好|要|得|必须|应该|需要)?(?:去|到|上)[\u4e00-\u9fff]{1,8}"
    r"|\bor\s+(?:should|do|must|shall)\s+i\s+(?:go|have\s+to\s+go)\s+to\s+(?:a|an|the)?\s*[a-z]+"
)
# The resident's starting point in a way-finding question: "从金沙江路地铁站出来",
# "坐15号线哪个口出来"
_STARTING_POINT = re.compile(
    r"(?:从|离)[\u4e00-\u9fff0-9]{1,10}?(?:地铁站|车站|站)(?:出来|过来|下车|走)?|坐[0-9一二三四五六七八九十]{1,3}号线"
    r"|\bfrom\s+(?:the\s+)?[a-z ]{1,30}?\s+(?:metro|subway|underground)\s+station\b"
)
_PLACE_SUFFIX = re.compile(
    r"事务所|所(?!以|有|在|谓|需|要)|公司|店|铺|\s*(?:firms?|compan(?:y|ies))\b"
)
_HOUSE = re.compile(
    r"二手房|房价|一平|平方|学区|租(?:个|套|间)?房子|想租房|找房子|房子出租|出租房|房源"
)
# "食堂还是卫生站": a choice between places is still one answer per place.
_ONE_OR_OTHER = re.compile(r"还是|或者|\bor\b")
# Advice on a case of the resident's own, even at the legal-aid desk: "我赢的概率大吗".
_CASE_ADVICE = re.compile(
    r"概率|胜算|能不能赢|会不会赢|能赢吗|赢面|判几年|赔多少|\bchances?\s+of\s+winning\b"
    r"|(?:能|可以|会)(?:起诉|告|要回|拿回|赔|判)[\u4e00-\u9fff]{0,4}多少"
    r"|\bhow\s+much\s+(?:can|could|will)\s+i\s+(?:get|claim|sue|win)\b"
    r"|\b(?:will|would|can|could)\s+i\s+win\b|\bhow\s+much\s+compensation\b"
    # (told indirectly: "can the lawyer tell me if I'll win my case?"; round twenty-seven)
    r"|\b(?:if|whether)\s+(?:i|we)(?:'?\s?ll|\s+will|\s+would|\s+could|\s+can)\s+win\b"
    r"|(?:能|可以|会)分(?:到|得)?多少"
    r"|\bhow\s+much\s+(?:of\s+\w+\s+\w+\s+)?(?:will|would|do)\s+i\s+get\b"
    # whether one's own case is won, a lawyer to be recommended: "房子归谁", "will i get the
    # flat", "recommend a lawyer" (whether it is lawful: _LEGAL_ANSWER)
    r"|(?:能|可以|会)分(?:到|得)|归谁"
    r"|\b(?:(?:will|would)\s+i|i'?\s?ll)\s+(?:get|keep)\s+(?:the|my|custody)\b|\bcustody\b"
    # whether the resident has a case at all: "我能去法院告他不", "能不能起诉房东", "can I sue
    # him", "could I take my landlord to court", "do I have a case" (not "帮我起诉", help asked)
    r"|(?:能|可以|能不能|可不可以|好不好)\s*(?:去|上)?(?:法院)?\s*(?:告|起诉|控告)"
    r"(?:他|她|他们|她们|伊|伊拉|对方|房东|中介|老板|邻居|物业|公司)?\s*(?:吗|不|伐|么|嘛|没|啊|呀|$)"
    r"|\b(?:can|could|should|may)\s+(?:i|we)\s+(?:sue|press\s+charges"
    r"|take\s+(?:him|her|them|my\s+\w+|the\s+\w+|our\s+\w+)\s+to\s+court)\b"
    r"|\bdo\s+(?:i|we)\s+have\s+a\s+(?:case|claim)\b|\bworth\s+suing\b"
)
# The law's answer itself asked: whether a thing is lawful, the tax due ("这合法伐", "扣押金
# 犯法吗", "继承的房子过户要交多少税", "am I legally allowed to…"): a lawyer's to say, out of
# scope, unless the desk's lawyer or a consultation is asked for (_DESK_ASKED): then legal aid
_LEGAL_ANSWER = re.compile(
    r"合法(?:伐|吗|哇|不)|合不合法|犯法|违法|犯不犯法|违不违法"
    r"|(?:交|缴|付)(?:多少|什么|哪些|哪几种)?(?:的)?税|多少税|税(?:费)?(?:怎么算|是多少)"
    r"|\b(?:is|was)\s+(?:that|this|it)\s+(?:legal|illegal|allowed|lawful)\b"
    # whether a contract or a will holds ("借条有没有效", "is a verbal contract binding?"; round
    # twenty-seven)
    # (not a copy handed in at the window: "办居住证 租房合同复印件有效吗"; a second reader, r27)
    r"|(?:合同|协议|遗嘱|借条|欠条|约定|条款)(?:(?!复印|原件|扫描|照片)[\u4e00-\u9fff]){0,4}?(?:有没有效|有效吗|有效伐|无效吗|算不算数"
    r"|算数吗|有没有法律效力|有法律效力吗)"
    r"|\b(?:is|are)\s+(?:a|an|my|the|this|that|our|his|her)\s+(?:verbal\s+|oral\s+|written\s+|handwritten\s+)?"
    r"(?:contract|agreement|will|iou|clause|promise)s?\s+(?:legally\s+)?(?:binding|valid|enforceable)\b"
    r"|\blegal\s+for\s+(?:my|me|him|her|them)\b|\blegally\b|\bagainst\s+the\s+law\b"
    # whether one may sue ("能起诉他吗", "我可以告物业伐", "can I sue him?", "can I take my
    # boss to court?"): the law's answer too
    r"|(?:能|可以|可不可以|能不能|好)(?:去)?(?:起诉|告)(?:他|她|他们|她们|伊|伊拉|房东|物业|邻居|公司|老板|对方)?"
    r"(?:吗|伐|么|不|哇|$)"
    r"|\b(?:can|could|should|may)\s+i\s+(?:sue|take\s+(?:\w+\s+){1,2}to\s+court)\b"
    # what the other party may do ("can my landlord raise the rent in the middle of the
    # contract", "房东合同没到期能涨房租吗"): the law's answer, a lawyer's to give
    # (what they may do to the resident, not an errand of ours they may run or share: "can my
    # boss come with me to the gym", "房东可以代我办居住证吗"; a second reader, r26)
    r"|\b(?:can|could|may)\s+(?:my|the|a|our)\s+(?:landlord|employer|boss|letting\s+agent|agent)\s+"
    r"(?:just\s+|legally\s+|really\s+|still\s+)?(?:raise|increase|put\s+up|cut|reduce|lower|keep|withhold"
    r"|evict|kick|throw|fire|sack|dismiss|lay\s+(?:me|us)\s+off|deduct|dock|refuse|force|make\s+(?:me|us)"
    r"|enter|come\s+into|sell|terminate|end|break|change|charge|stop|not\s+pay|demand|lock|take\s+(?:back|away)"
    r"|hold|ask\s+(?:me|us)\s+to\s+(?:leave|move|pay))\b"
    r"|(?:房东|中介|老板|雇主|用人单位)[\u4e00-\u9fff]{0,8}?(?:能不能|能|可以|可不可以|有权|有没有权)"
    r"(?!帮|代|替|陪|来|去|到|用|一起|也来)[\u4e00-\u9fff]{1,10}?(?:吗|伐|么|不)"
    r"|\bhow\s+much\s+(?:\w+\s+){0,2}tax(?:es)?\b|\bwhat\s+(?:\w+\s+)?tax(?:es)?\b"
    # how an estate is shared out among heirs ("老房子继承 兄弟姐妹三个哪能分", "遗产怎么分才合理",
    # "how should my parents' flat be split between us"): the law's answer (round twenty-six)
    r"|(?:继承|遗产|遗嘱|老房子|房产|财产)[^。？?]{0,16}?(?:怎么|怎样|如何)(?:个)?(?:分|划分|分配|分割)(?![组班钟])"
    r"|\b(?:inheritance|estate|will|flat|house|property)\b[^.?!]{0,40}?\b(?:split|divided|shared(?:\s+out)?)\b"
    r"|\b(?:split|divide|share(?:\s+out)?)\s+(?:the|my|our|an?)\s+(?:\w+\s+){0,2}(?:inheritance|estate)\b"
)
_DESK_ASKED = re.compile(
    r"律师|法律援助|法律咨询|咨询"
    r"|\b(?:lawyers?|solicitors?|attorneys?|legal\s+aid|consult\w*|advice)\b"
)
# A lawyer of one's own to be recommended (our desk's word "律师" blanked in the rest, so read
# in the whole text): "帮我推荐个好点的离婚律师", "recommend a lawyer for my divorce case"
_LAWYER_RECOMMENDED = re.compile(
    r"(?:推荐|介绍)(?!一下)(?:一?个|一位|位)?(?:(?!法律援助)[\u4e00-\u9fff]){0,6}律师"
    r"|\brecommend\s+(?:me\s+)?(?:a|an)?\s*(?:\w+\s+)?lawyer\b"
)
# Another office's business told as a situation, whatever else is asked ("…这种事体要跟啥人
# 反映", "…the management office keeps saying tomorrow": no feedback of ours either): the
# estate's door card, lift and pipes (the property company), a theft (the police), a school's
# meals and its notes to parents (the school), income tax (the tax office), a car's plates
# (the vehicle office), a thing left in a taxi (the taxi company). Our own lift and toilets
# ("is there a lift", "电梯坏了你们修一下") have no owner named before them.
_OTHER_OFFICE = re.compile(
    r"门禁|\b(?:door|access|entry|building)\s+cards?\b|\bkey\s*fobs?\b"
    # the district's insurance offices, not our window (which handles some of their cards):
    # "下礼拜一社保中心开门吗", "医保局明天上班吗", "is the social security centre open monday"
    r"|(?:社保|医保|人社|公积金)(?:中心|局|分中心|经办处)"
    r"|\b(?:social\s+(?:security|insurance)|medical\s+insurance|housing\s+fund)\s+"
    r"(?:cent(?:er|re)|bureau|office)s?\b"
    r"|(?:小区|[0-9一二三四五六七八九十]+号楼|楼里|楼道|单元|我们楼|阿拉楼|我家楼|我们那栋|阿拉那栋)"
    r"(?:的|里的?|里面的?)?(?:电梯|水管|水表|电表|煤气|路灯|大门)"
    r"|\b(?:elevators?|lifts?|leak\w*|pipes?|power|heating|intercom|gate)\b[^.?!]{0,40}?"
    r"\b(?:in|of|at)\s+(?:our|my)\s+(?:apartment\s+|residential\s+)?(?:building|block|compound|estate)\b"
    r"|\b(?:our|my)\s+(?:apartment\s+|residential\s+)?(?:building|block|compound|estate)'?s?\s+"
    r"(?:elevators?|lifts?|pipes?|power|heating|intercom|gate)\b"
    # the office tower's fittings: "the aircon on our office floor in the tower is broken",
    # "我们写字楼空调坏了" (the building management's, not ours)
    r"|\b(?:air\s*-?con\w*|a/c|elevators?|lifts?|heating|lights?)\b[^.?!]{0,40}?"
    r"\b(?:in|of|at|on)\s+(?:our|my)\s+(?:office|company|floor|tower)\b"
    r"|\b(?:our|my)\s+(?:office|company)(?:\s+(?:floor|building|tower))?'?s?\s+"
    r"(?:air\s*-?con\w*|a/c|elevators?|lifts?|heating)\b"
    r"|(?:写字楼|办公楼|公司|单位)(?:的|里的?|里面的?|那层的?|楼层的?)?(?:空调|电梯|暖气)"
    # a theft: "电瓶车被人偷了", "钱包给人偷掉了", "my bike got stolen"
    r"|(?:被|给|让)人?偷|偷(?:掉|走)了|失窃|扒手|\b(?:stolen|theft|pickpocket\w*|robbed|burgl\w*)\b"
    # the school's meals and notes: "学堂里中午的饭菜太咸", "school lunches", "家长会"
    r"|(?:学校|学堂|幼儿园|小学|中学|初中|高中)(?:里面?|的|中午|午间|每天|天天|现在|那边)*"
    r"(?:饭菜|午饭|中饭|午餐|伙食|食堂|营养餐)"
    r"|\bschool\s+(?:lunch(?:es)?|meals?|food|dinners?|canteen|cafeteria)\b"
    r"|\blunch(?:es)?\s+at\s+(?:his|her|my|their|the)\s+school\b"
    # (the meeting as the day's story is no question about it: "开完家长会那天夜校有课吗")
    r"|家长会(?![\u4e00-\u9fff]{0,2}(?:那天|那一天|当天|之后|以后|后|结束))"
    r"|(?<!after\s)(?<!after\sthe\s)(?<!after\smy\s)\bparents?'?\s+(?:meeting|evening|night)s?\b"
    r"|\bparent[\s-]teacher\b"
    r"|\bschool\s+(?:sent|gave)\b[^.?!]{0,20}?\b(?:note|notice|letter|form)\b"
    # income tax: "个税怎么报", "file my income tax"
    r"|个税|个人所得税|所得税|报税|退税|\b(?:income|individual)\s+tax\b|\btax\s+(?:returns?|refunds?|filing)\b"
    r"|\bfile\s+(?:my\s+|our\s+|the\s+)?(?:\w+\s+){0,2}taxe?s?\b"
    # a car's plates and its transfer: "车子过户", "沪牌", "transfer the plates"
    r"|车牌|沪牌|拍牌|牌照|(?:车|车子)[\u4e00-\u9fff]{0,3}过户|\b(?:licen[cs]e|number|car)\s+plates?\b"
    r"|\bplates?\s+(?:into|to|transfer\w*)\b|\btransfer\w*\s+(?:the\s+)?(?:car|plates?|registration)\b"
    # a thing left in a taxi or a ride-hailing car
    r"|(?:丢|落|忘)(?:在|了)?[\u4e00-\u9fff]{0,3}?(?:滴滴|网约车|出租车|的士|差头)|(?:滴滴|网约车|出租车|的士|差头)(?:上|里|司机)"
    r"|\b(?:in|on)\s+(?:a|the|my)\s+(?:didi|uber|taxi|cab)\b|\bdidi\s+(?:driver|car)\b"
    # a swindler's call or message told (the police's and the bank's): "医保卡被冻结了 要我转钞票
    # 到安全账户", "they want the code from my sms", "my account is frozen, transfer to a safe
    # account" (an anti-fraud talk asked for names none of these)
    r"|安全账户|(?:卡|账户|账号|医保|社保)[\u4e00-\u9fff]{0,2}?(?:被|给)?冻结"
    r"|转(?:钱|钞票|账|帐|款)(?:到|进)(?:一个|指定|对方|伊|他|她)|(?:把|将)?验证码(?:给|发给|告诉|报给)|冒充(?:公安|警察|法院|医保|社保|银行|客服|快递)"
    r"|\bsafe\s+account\b|\b(?:card|account)\s+(?:has\s+been\s+|is\s+|was\s+|got\s+)?frozen\b"
    r"|\b(?:asked|told|wants?|wanted)\s+(?:me|him|her|us|my\s+\w+)\s+to\s+(?:transfer|wire|send)\s+(?:money|funds|\d+)"
    r"|\b(?:verification|sms|security)\s+code\b[^.?!]{0,30}?\b(?:asked|gave|give|send|told|wants?)\b"
)
# The identity card lost or replaced, the police's ("身份证掉了去哪里补办", "I lost my ID card,
# where do I get a new one?"); not one left at our place or found there ("身份证丢在食堂了",
# "身份证丢了 有人捡到吗", "lost my ID card at the canteen"), nor a photo for it ("身份证补办要拍照
# 你们能拍吗", "photos to replace my ID card"; round twenty-seven, spent21)
_ID_CARD_LOST = re.compile(
    r"(?:身份证[\u4e00-\u9fff]{0,3}?(?:(?:丢|掉|遗失)(?![在到])|补办|补领|挂失)"
    # (the errand said first: "补办身份证去哪", "挂失身份证在哪里"; round thirty, dev118)
    r"|(?:补办|补领|换领|挂失|重办)(?:一张|张|个)?(?:新的?)?身份证)"
    r"(?![^。？?!！]*(?:[掉落忘丢拉]在|捡到|拾到|看到|交到))"
    r"|\b(?:replace|replacing|reissue|renew)\b[^.?!]{0,20}?\b(?:id|identity)\s+card\b"
    r"|\b(?:lost|lose)\b[^.?!]{0,20}?\b(?:id|identity)\s+card\b(?=[^.?!]{0,40}?\b(?:new\s+one"
    r"|replace\w*|reissu\w*|another\s+one)\b)"
)
# A fitting of the resident's own home broken, no place of ours named ("The heating in my flat is
# broken, who do I call?", "家里暖气片坏了 打哪个电话"): the landlord's or a tradesman's, not our
# phone list (round twenty-seven, spent21). With a place of ours it is the story of a visit ("家里
# 暖气坏了 阅览室今天开吗"); ours broken is feedback ("the heating in the reading room is broken").
_HOME_FAULT = re.compile(
    r"(?:家里|我家|我们家|阿拉屋里|阿拉屋里厢|屋里厢|屋里|家中|出租屋|租的房子)(?:的|里的?|面的?)?"
    r"(?:暖气片?|地暖|空调|热水器|水管|马桶|下水道?|水龙头|电路|电闸|插座|灯|煤气灶|燃气灶|壁挂炉|锅炉)"
    r"[\u4e00-\u9fff]{0,4}?(?:坏|不热|不制热|不出热水|没热水|漏|堵|爆|裂|冻|跳闸|不亮|没电|打不着|出问题"
    r"|有问题|故障)"
    r"|\b(?:heating|heater|radiators?|boiler|hot\s+water|pipes?|plumbing|toilet|sink|drains?|wiring"
    r"|fuse\s*box|air\s*-?con\w*|a/c|lights?|power|electricity|taps?|faucet)\b[^.?!]{0,40}?"
    r"\b(?:in|of|at)\s+(?:our|my)\s+(?:rented\s+)?(?:flat|apartment|home|house|place)\b"
    r"|\b(?:our|my)\s+(?:rented\s+)?(?:flat|apartment|home|house|place)'?s?\s+(?:heating|heater"
    r"|radiators?|boiler|hot\s+water|pipes?|plumbing|toilet|sink|drains?|wiring|air\s*-?con\w*|a/c"
    r"|lights?|power|electricity|taps?|faucet)\b"
    r"|\b(?:heating|heater|radiators?|boiler|hot\s+water|pipes?|plumbing|toilet|sink|wiring"
    r"|air\s*-?con\w*|a/c|power|electricity)\s+at\s+home\b",
    re.IGNORECASE,
)
_HOME_FAULT_EN = re.compile(
    r"\b(?:broken|broke|broke\s+down|not\s+working|isn'?t\s+working|doesn'?t\s+work|stopped|died|dead"
    r"|leak\w*|burst|frozen|blocked|clogged|fix\w*|repair\w*|no\s+(?:heat|heating|hot\s+water|power)"
    r"|(?:is|are|went|gone)\s+(?:out|off|cold)|cold)\b",
    re.IGNORECASE,
)
# The lost identity card only the story of a task of our window asked ("身份证补办好了 来窗口办
# 敬老卡要带啥", "身份证丢了 能办居住证吗"; a second reader, r27): the window's
_ID_CARD_STORY = re.compile(
    r"身份证[\u4e00-\u9fff]{0,3}?(?:补办|补|办|换)(?:好|完)了?|居住证|敬老卡|老年卡|社保卡|医保卡"
    r"|\b(?:senior|residence|social\s+security|medical\s+insurance)\s+(?:card|permit)\b"
)
_PHOTO_WORD = re.compile(r"照|\bphotos?\b|\bpictures?\b")
# Land taken by the city ("老房子要征收了 补偿标准是多少": the street office's) and the estate's
# management stalling ("the management office keeps saying tomorrow"); a dispute over either
# brought to our lawyers is legal aid's
_EXPROPRIATION = re.compile(
    r"征收|拆迁|动迁|旧改|\bexpropriat\w*|\bdemolition\b"
    r"|\b(?:management\s+office|property\s+(?:management|company|manager))\b"
    r"[^.?!]{0,30}?\b(?:keeps?|won'?t|doesn'?t|never|refuses?|ignor\w*|says?|said)\b"
)
# A parking space rented or bought, not a visit's ("固定车位哪能租", "想买个车位", "monthly parking
# space to rent"): the estate's or a car park's, unless ours is named ("你们那里车位能包月伐")
_SPACE_RENTED = re.compile(
    r"(?:租|买|卖|包月|月租|长租)(?:个|一个)?[\u4e00-\u9fff]{0,2}?车位"
    r"|车位[\u4e00-\u9fff]{0,4}?(?:出租|出售|租金|月租|包月|租|买|卖)"
    r"|\b(?:rent|buy|lease)\s+(?:a\s+)?(?:monthly\s+|fixed\s+|permanent\s+|private\s+)?(?:parking\s+|car\s+)?"
    r"(?:space|spot|bay|garage)\b|\bmonthly\s+parking\b|\bparking\s+(?:space|spot)\s+(?:to|for)\s+(?:rent|sale)\b"
)
# A dispute of the resident's own told (a deposit kept, a tenant put out, wages owed) and help
# asked of us, no case odds nor the law's answer asked: how our lawyers are reached
_DISPUTE_TOLD = re.compile(
    r"押金|赶我走|赶出来|\bdeposit\b|\bevict\w*|\bkick(?:ing|ed)?\s+(?:me|us)\s+out\b"
)
_DISPUTE_PARTY = re.compile(r"房东|中介|\b(?:landlord|letting\s+agen\w*)\b")
_HELP_ASKED = re.compile(
    r"帮忙|帮帮|帮我|(?:有人|你们|侬)[\u4e00-\u9fff]{0,4}?(?:帮|管)|找谁|寻啥人"
    r"|\b(?:help|advi[cs]e|assist)\b|\bwho\s+(?:can|could|should)\s+i\s+(?:ask|talk\s+to|see)\b"
)
_COMPLAINED = re.compile(r"投诉|\bcomplain")
_LEGAL_AID_HOW = "legal_aid_how"
_CANTEEN_MENU = "canteen_menu"
_LOST_FOUND = "lost_found"
# A thing told left at one of our places, or found there asked ("掉在食堂了", "忘在照相馆了 有人
# 捡到伐", "left my ID card at the canteen")
_LEFT_THERE = re.compile(
    r"(?:掉|落|忘|丢|拉)在|(?:有人|有没有人|谁)(?:捡到|拾到|看到|交)|捡到了?(?:吗|伐|没有?)"
    r"|\b(?:left|dropped|forgot|lost)\s+(?:my|a|an|her|his|our)\b[^.?!]{0,30}\b(?:at|in)\b"
    r"|\b(?:anyone|somebody|someone)\s+(?:found|handed|turned)\b"
    # the thing said left there ("my glasses were left in the gym, who picked them up"; r2)
    r"|\b(?:my|her|his|our|a|an)\s+(?:\w+\s+){0,2}?(?:was|were|got)\s+(?:left|forgotten)\s+(?:behind\s+)?"
    r"(?:at|in)\s+(?:the|your)\b"
)
# …unless the thing's replacement is asked: "老年卡掉了怎么补办", "how do I replace it"
_REISSUE = re.compile(r"补办|补卡|补一张|重办|挂失|怎么补|\b(?:replace|replacement|reissue)\b")


# A year followed by what happens in it, its own clause ("明年要换身份证了", "明年就退休了",
# "next year i need a new id card"): the story's, not the day asked (round twenty-six)
def _without_schedule_venues(text: str, venues: list[VenueMatch]) -> list[VenueMatch]:
    """The venues but those told as a time of the resident's own day, another venue asked:
    "礼拜五夜里健身房开到几点？想下了夜校再去练一练", "食堂晚饭几点开始，上课前想先吃口饭",
    "what time does the gym close? I want to go after night school" (the gym's hours, not an
    overview with the night school's)."""
    told = {
        id(v)
        for v in venues
        if _SCHEDULE_BEFORE.search(text, 0, v.span[0]) or _SCHEDULE_AFTER.match(text, v.span[1])
    }
    kept = [v for v in venues if id(v) not in told]
    if (
        not told
        or not kept
        or {v.venue_id for v in kept} & {v.venue_id for v in venues if id(v) in told}
    ):
        return venues
    return kept


def _without_story_venues(text: str, venues: list[VenueMatch]) -> list[VenueMatch]:
    """The venues but those named only in clauses of the story told as gone by, that ask
    nothing, another venue named in a clause that asks: "昨天在活动室下棋听人家说健身房有跑步机，
    健身房今天晚上开到几点", "I was at the canteen yesterday… Is the legal aid desk open this
    afternoon?" (the gym's, the desk's hours, not an overview with the place of the story)."""
    ends = _CLAUSE_BREAK if _CJK.search(text) else _DONE_CLAUSE_END

    def clause(span: tuple[int, int]) -> str:
        start, end = span
        while start > 0 and not ends.match(text, start - 1):
            start -= 1
        stop = ends.search(text, end)
        return text[start : stop.start() if stop else len(text)]

    told: set[str] = set()
    asked: set[str] = set()
    other: set[str] = set()
    for venue in venues:
        said = clause(venue.span)
        if _CLAUSE_ASKS.search(said):
            asked.add(venue.venue_id)
        elif _DONE_CLAUSE.search(said) or _GONE_BY_TOLD.search(said):
            told.add(venue.venue_id)
        else:
            other.add(venue.venue_id)
    story = told - asked
    if not story or not asked or other - asked or not ends.search(text):
        return venues  # (a place named outside the story and the question: kept, all)
    return [v for v in venues if v.venue_id not in story]


# One's trade, not the place: "I'm a night-shift nurse", "my son is a doctor"
_OCCUPATION = re.compile(r"\b(?:nurse|doctor|lawyer|photographer)s?\b")
_OCCUPATION_BEFORE = re.compile(
    r"\b(?:i'?m|i\s+am|he'?s|she'?s|\w+\s+(?:is|was)|works?\s+as|as)\s+an?\s+(?:[\w-]+\s+){0,2}$"
)


def _without_occupations(text: str, venues: list[VenueMatch]) -> list[VenueMatch]:
    """The venues but one named by a trade that is someone's ("I'm a night-shift nurse… is the
    gym open"), another place named."""
    kept = [
        v
        for v in venues
        if not (
            _OCCUPATION.fullmatch(text, *v.span) and _OCCUPATION_BEFORE.search(text, 0, v.span[0])
        )
    ]
    return kept if kept and len(kept) < len(venues) else venues


# A day gone by, the clause's time: "昨天在活动室下棋", "上礼拜去食堂", "I was there last week"
_GONE_BY_TOLD = re.compile(
    r"昨天|昨日|前天|上礼拜|上个?星期|上周|上个月|去年|前几天|前两天"
    r"|\byesterday\b|\blast\s+(?:week|month|time|year|\w+day)\b"
)


# a venue whose lesson (or visit) is over or to come, a time of one's day: "下了夜校", "上完夜校",
# "夜校下课以后", "上课前", "after night school", "before my night school class"
_SCHEDULE_BEFORE = re.compile(
    r"(?:下了|下完|上完|上好)\s*$|\b(?:after|before)\s+(?:my\s+|the\s+)?$"
)
_SCHEDULE_AFTER = re.compile(
    r"\s*(?:下课|放学|下了课|上完课|课)?\s*(?:以后|之后|后(?![面头门边天来])|以前|之前|前(?![面头门边天])"
    r"|结束(?:了|后|以后)?)"
)
_MONTH_STORY = re.compile(r"(?:下|这|本|上)个?月|\b(?:next|this|last)\s+month\b")
_CLAUSE_BREAK = re.compile(r"[,，。.;；!！?？]")
_VISIT_PLAN = re.compile(r"\s*(?:去|来|过来|过去|用|办|\b(?:come|go|visit|use)\b)")
_YEAR_STORY = re.compile(
    r"\s*(?:我|我们|他|她|伊|他们|伊拉)?\s*(?:就要|就|要|得|会|开始|准备|打算|起)(?!是|不是)"
    r"|\s*,?\s*(?:i|we|he|she|they)\s+(?:will|need|have|must|am|are|is|'ll|'m|start)\b"
)


# A second question after the first's question mark ("…涨多少？还有开车到1690停哪里？", "…? also,
# where do I park"): read alone when the message as a whole is not ours (round twenty-six)
_SECOND_ASK = re.compile(
    r"[?？]\s*(?:还有(?:一件事|一个|件事)?|另外|再有|再问一下|第二(?:件事?|个)?|二是)[,，:：\s]*"
    r"|\?\s*(?:also|and\s+also|another\s+thing|and\s+one\s+more\s+thing)[,:\s]+",
    re.IGNORECASE,
)


# A part of the year or month said as now, its clause ended ("年底了", "月底了 想办…")
_PART_TOLD = re.compile(r"(?:年|月)(?:底|末|初|头上?)|岁末|年关")
_NOW_TOLD = re.compile(r"了(?![\u4e00-\u9fff]{0,2}(?:开|关|吗|伐|没|几))")


def _now_told(text: str, mention: TimeMention) -> bool:
    """Whether ``mention`` is a part of the year or month told as now ("年底了")."""
    return (
        _PART_TOLD.fullmatch(text, *mention.span) is not None
        and _NOW_TOLD.match(text, mention.span[1]) is not None
    )


def _dispute_help(text: str) -> bool:
    """Whether ``text`` tells a dispute of the resident's own and asks us for help with it (not
    the odds of a case, the law's answer, nor a complaint about the other party)."""
    return bool(
        ((_DISPUTE_TOLD.search(text) and _DISPUTE_PARTY.search(text)) or _WAGES_OWED.search(text))
        and _HELP_ASKED.search(text)
        and not (_CASE_ADVICE.search(text) or _LEGAL_ANSWER.search(text))
        and not _COMPLAINED.search(text)  # "I want to complain about my landlord"
    )


def _home_fault(text: str) -> bool:
    """Whether ``text`` tells a fitting of the resident's own home broken (in English, with a
    word of the fault: "the heating in my flat is broken", not "is the heating at home on")."""
    if (home := _HOME_FAULT.search(text)) is None:
        return False
    return bool(_CJK.search(home.group()) or _HOME_FAULT_EN.search(text))


_LEGAL_WORD = re.compile(r"律师|法律|纠纷|打官司|起诉|\b(?:lawyer|legal|dispute|sue)\b")
# A business's own legal matters and paperwork, not a resident's: its lawyer or law firm, its
# trademark, licence or registration ("公司要请个律师", "帮我们公司看合同", "a law firm for my
# startup", "注册商标", "营业执照去哪办", "register a trademark for her business"); a resident's
# own dispute with a landlord or an employer stays legal aid's
_BUSINESS_MATTER = re.compile(
    r"律所|律师事务所|法律顾问|\blaw\s+firms?\b|\b(?:corporate|business|company|commercial)\s+"
    r"(?:lawyers?|attorneys?|law)\b"
    r"|(?:帮|给|替)(?:我们|我|他|她|阿拉|伊|伊拉)?的?(?:公司|企业|厂里?|单位|店里?)[\u4e00-\u9fff]{0,4}?"
    r"(?:看合同|审合同|打官司|起诉|告)"
    r"|(?:公司|企业|厂里?)(?:要|需要|想|准备)(?:请|找)(?:一?个|一位|位)?[\u4e00-\u9fff]{0,2}律师"
    r"|\b(?:company|firm|startup|business|shop)\b[^.?!]{0,40}?\bneeds?\s+(?:a\s+)?(?:\w+\s+)?"
    r"(?:lawyer|attorney)"
    r"|商标|营业执照|注册公司|公司注册|工商登记|\btrademarks?\b|\bbusiness\s+licen[cs]es?\b"
    r"|\bregister\s+(?:a|an|my|the|her|his|their)\s+(?:\w+\s+)?(?:company|business|firm)\b"
)
# Which medicine to take, or what the resident may do on a medicine: a doctor's advice, even at
# the health station or with a venue's hours asked ("我吃了降压药还能去健身房吗").
_MEDICAL_ADVICE = re.compile(
    r"吃什么药|什么药(?:好|管用|有效|比较好)|(?:该|要)吃(?:什么|啥|哪种)|吃了[\u4e00-\u9fff]{0,5}药"
    r"[\u4e00-\u9fff]{0,3}(?:能|可以)|\b(?:what|which)\s+(?:medicine|medication|pills?|drugs?|tablets?)\b"
    r"|\b(?:what|which)\s+(?:\w+\s+)?(?:should|do|must)\s+i\s+take\b"
    r"|\bcan\s+(?:i|he|she|my\s+(?:\w+\s+)?\w+)\s+eat\b|(?:糖尿病|高血压|痛风)[\u4e00-\u9fff]{0,6}(?:能|可以)吃"
    r"|\bafter\s+taking\s+(?:my\s+)?(?:medicine|pills?|medication|tablets?)\b"
    r"|药[\u4e00-\u9fff]{0,8}(?:一起|同时)(?:吃|服)|(?:一起|同时)(?:吃|服)[\u4e00-\u9fff]{0,3}药|"
    + MEDICINES_ZH
    + r"|\b(?:"
    + MEDICINES_EN
    + r"|antibiotics?\s+for)\b"
    r"|\bis\s+[a-z]+\s+safe\b|\bsafe\s+to\s+take\b|\btake\s+(?:it\s+)?with\b"
    # a reading of the resident's own: "胆固醇6.2 严不严重", "my cholesterol is 6.2"
    r"|(?:胆固醇|血糖|血脂|尿酸|血压|\bcholesterol|\bglucose|\bblood\s+(?:sugar|pressure))[^\d]{0,8}\d"
    # the reading in Chinese numerals ("血糖七点八", "血压一百六", "尿酸五百多"), whether to take
    # medicine ("要吃药伐"), whether pills are needed
    r"|(?:胆固醇|血糖|血脂|尿酸|血压|心跳)(?:是|有|到|才|都|测出来|量出来|值)?[一二三四五六七八九十两百]+"
    r"(?:点[零〇一二三四五六七八九]+|多)?(?![点号月日天周])"
    r"(?<!一(?=[直下样般定向会阵些起旦]))"  # no figure: "血压一直不稳定", "血压一般"
    # the upper or lower figure said ("高压一百六", "低压95"), whether to change one's own dose
    # ("要不要自己加一粒药", "降压药能不能少吃半片", "should I take an extra pill")
    r"|(?:高压|低压)(?:是|有|到|才|都)?(?:[一二三四五六七八九十两百]{2,}|\d{2,3})"
    r"|(?:要不要|该不该|能不能|可不可以|可以|需不需要|用不用)(?:自己|自行)?(?:再)?(?:加|减|多吃|少吃)"
    r"(?:一|半|两|几)?(?:粒|片|颗)?药?"
    r"|(?:加|减|多吃|少吃)(?:一|半|两)(?:粒|片|颗)(?:药)?(?:吗|伐|么|好|行|可以)?"
    # whether to stop or pause one's own medicine (round thirty): "降压药吃完了 能不能先停几天",
    # "这个药可以断两天吗", "要不要停药"; our dispensing paused ("配药春节停不停") is no advice
    r"|(?<![配拿取开买])药(?![房店铺])[\u4e00-\u9fff，, ]{0,8}?"
    r"(?:能不能|可不可以|可以|能|要不要|该不该|需不需要|用不用)(?:先|暂时|自己|自行)?(?:停|断)"
    r"(?:掉|药|几天|一下|一阵|一段|[一两三四五六七八九十\d]+天|吗|伐|么|了?(?:吗|伐|么)|[？?]|$)"
    r"(?!了(?![吗伐么]))"
    # (…asked, not told: "医生说可以停药了 卫生站明天开吗" tells what the doctor said; a second
    # reader, round thirty)
    r"|(?<![说讲])(?:能不能|可不可以|可以|能|要不要|该不该|需不需要|用不用)(?:先|暂时|自己|自行)?(?:停|断)药"
    r"(?!了(?![吗伐么]))"
    r"|(?<![配拿取开])停药(?:吗|伐|么|行不行|可以吗|要紧吗|会怎样|有没有事|没事吧)"
    r"|\b(?:an?\s+)?(?:extra|another|second)\s+(?:pill|tablet|dose)\b"
    r"|\b(?:double|increase|halve|reduce|lower)\s+(?:my|her|his|the)\s+(?:dose|dosage|pills?|medication)\b"
    r"|(?:要|需要|得|该)吃药(?:吗|伐|么|不)|(?:用不用|要不要|该不该)吃药|吃不吃药|\b(?:need|have)\s+(?:to\s+take\s+)?(?:pills|medicine|medication|tablets)\b"
    r"|\bis\s+(?:that|this|it)\s+(?:dangerous|normal|too\s+high|too\s+low|serious|bad)\b"
    # what to eat with one's own condition, no place of ours said between ("血糖高吃什么", "the
    # doctor said my cholesterol is high, what should I eat?"; round twenty-seven): not the menu
    r"|(?:血糖高|血压高|高血压|血脂高|胆固醇高|尿酸高|痛风|糖尿病人?|三高)[\u4e00-\u9fff]{0,3}?"
    r"(?:吃什么|吃啥|吃哪些|饮食要注意|要忌什么)"
    r"|\b(?:cholesterol|blood\s+(?:sugar|pressure)|diabetes|gout|uric\s+acid)\b[^.?!]{0,30}?"
    r"\bwhat\s+(?:should|can|do)\s+i\s+eat\b"
    r"|\bwhat\s+(?:should|can)\s+i\s+eat\b[^.?!]{0,30}?\b(?:cholesterol|blood\s+(?:sugar|pressure)|diabetes"
    r"|gout|uric\s+acid)\b"
    # how to bring down one's own reading: "血糖高 该怎么控制饮食"
    r"|控制饮食|(?:血糖|血压|血脂|胆固醇|尿酸)[\u4e00-\u9fff]{0,6}(?:怎么|如何)(?:控制|降|调|吃)"
    r"|\b(?:lower|reduce|control)\s+my\s+(?:blood|cholesterol|sugar)"
    # how to ease one's own ache, whether a food helps: "腿酸怎么缓解", "高血压吃芹菜有用伐"
    r"|(?:怎么|如何|咋|怎样)缓解|乳酸|吃[\u4e00-\u9fff]{1,4}有(?:没有)?用|\bhow\s+(?:do\s+i\s+|to\s+|can\s+i\s+)(?:relieve|ease|soothe)\b"
    # whether exercise is safe with one's own condition: "我血压高 去健身房跑步会不会有危险",
    # "心脏不好 练瑜伽要紧伐", "is it safe to lift weights with high blood pressure"
    r"|(?:血压高|高血压|血糖高|心脏|心脏病|糖尿病|膝盖|腰椎|颈椎|骨质疏松|怀孕|孕妇|刚做(?:完|好)?手术|哮喘)"
    r"[^。？?]{0,16}?(?:会不会有?危险|有没有危险|有危险吗|危险吗|危不危险|安全吗|安不安全|要紧吗|要不要紧|会不会出事)"
    r"|\b(?:is\s+it|would\s+it\s+be)\s+(?:safe|dangerous|risky|ok|okay)\s+(?:for\s+me\s+)?to\s+"
    r"(?:exercise|run|jog|work\s+out|lift|swim|use\s+the\s+(?:gym|treadmill))\b[^.?!]{0,40}?\bwith\s+(?:my\s+)?"
    r"(?:high\s+blood\s+pressure|a\s+heart|heart|diabetes|bad\s+knees?|asthma|back|knee)"
)
# The head of a question asking for advice, an opinion or an explanation.
_ADVICE_HEAD = re.compile(
    r"(?<![卡证约])怎么办(?![理卡证])|为什么|为啥|好不好吃|哪个好|哪种好|哪家好|推荐(?:一下|个|一个|点)|注意(?:什么|啥|些什么|哪些)"
    r"|有什么讲究|正常吗|要紧吗|严重吗|严不严重|有没有害|有害吗|有好处|好处|坏处"
    r"|怎么[\u4e00-\u9fff]{1,4}(?:才)?好看|好看(?:吗|些|点|一点)|\bhow\s+(?:to|should\s+i)\s+pose\b"
    # what to wear, whether the food is fresh or clean, the best one in town
    r"|穿什么|穿啥|什么衣服|新鲜吗|新不新鲜|干净吗|干不干净|\bwhat\s+(?:should\s+i\s+|to\s+)wear\b"
    r"|\b(?:the\s+)?best\s+(?:[a-z]+\s+){0,2}(?:in|near|around)\b"
    # (whom to turn to is no advice: "who should I contact", "the best way to ring you")
    r"|\bwhy\b|(?<!how much )\bshould\s+i\b(?!\s+(?:budget|pay|expect|bring|contact|talk|speak"
    r"|ask|call|ring|phone|email|book|register|sign|apply|hand|give|return)\b)"
    r"|\bis\s+it\s+(?:safe|ok|okay|healthy|bad|good)\s+to\b|\brecommend\b"
    r"|\bbest\s+(?:way(?!\s+to\s+(?:ring|call|phone|contact|reach|get\s+in\s+touch|get\s+hold|book"
    r"|sign\s+up|register|join|pay)\b)|\w+\s+for)\b"
    # what to buy, which of two is better: "买啥器材好", "照相机买佳能还是索尼好", "值不值得买"
    r"|买(?:啥|什么|哪个|哪种|哪款|哪台|哪一?个)[\u4e00-\u9fffa-z]{0,4}(?:好|合适|划算)"
    # (a choice when buying, not between our own offers: "健身卡办月卡还是年卡好" is the FAQ)
    r"|买[\u4e00-\u9fffa-z]{0,6}还是[\u4e00-\u9fffa-z]{1,6}(?:好|合适|划算)|值不值得买|值得买吗"
    r"|\bworth\s+buying\b"
    # which of two ways is better, where to buy a thing cheapest or online
    r"|\bwhich\s+(?:one\s+|way\s+)?is\s+(?:better|best)\b"
    r"|(?:哪里|哪儿|哪家|在哪)买[\u4e00-\u9fff]{0,3}便宜|网上[\u4e00-\u9fff]{0,4}买|网购|淘宝|京东|拼多多"
    r"|\bwhere\s+(?:can\s+i\s+|to\s+)buy\b[^?]{0,20}\b(?:cheap|cheapest|online)\b"
    r"|\bwhat\s+(?:\w+\s+)?should\s+i\s+buy\b"
)
# A park named as a place ("changfeng park", "zhongshan park"): not a word about parking.
_NAMED_PARK = re.compile(
    r"\b(?:changfeng|zhongshan|century|fuxing|luxun|lu\s+xun|gongqing|daning|people'?s|jing'?an"
    r"|xujiahui|binjiang|mengqing|taopu|zhenru|the)\s+park\b(?!\s+(?:my|the|a|our|his|her)\b)"
)
# Which line, bus or exit to take: the way to the centre, not advice ("which metro line should
# I take", "which exit should I use")
_WAY_ASK = re.compile(
    r"\b(?:which|what)\s+(?:\w+\s+)?(?:line|bus|exit|stop|station|route|train|number)\s+"
    r"(?:should|do|can|must)\s+i\s+(?:take|use|get|catch|go)\b"
)
# Asked about a person, a private record or trivia, not about the centre's service: "教练工资
# 多少", "医生是男的还是女的", "我的医保卡余额", "菜是哪里进货的", "who won".
_PERSONAL_HEAD = re.compile(
    r"(?<![找问联系])谁(?!能|可以|负责)|姓什么|(?<!wifi)(?<!wi\sfi)(?<!wi-fi)(?<!网络)(?<!热点)(?<!无线网)(?:叫什么名字|名字叫)|男的还是女的|男的女的|哪里毕业|哪个学校毕业|工资|薪水"
    r"|余额|缴了多少|交了多少年|积分|进货|进的货|热量|卡路里|人好不好|脾气|结婚了|买回家|卖不卖|外面请"
    r"|饭前|饭后|空腹|睡不着|吃什么好|吃啥好|打完[\u4e00-\u9fff]{1,4}(?:能|可以)"
    r"|人多不多|人多吗|人多伐|人挤不挤|排队的人多|\b(?:busy|crowded)\b|\bhow\s+many\s+people\b"
    r"|多少钱买的|花了?多少钱买|(?:哪里|哪儿|在哪里?)买的|跑得?多快|有多重|多少公斤重"
    r"|\bhow\s+much\s+did\s+(?:it|they|you|the\s+\w+)\s+(?:cost|pay)\b"
    r"|\bhow\s+(?:fast|heavy)\s+(?:does|is|can)\b"
    # (whom a thing found goes to is no person's own: "who do i give it to", "who should i hand
    # them to"; nor who holds a thing left: "who has it", "who picked them up", round
    # twenty-eight)
    r"|\bwho\b(?!\s+(?:do|can|should)\s+i\s+(?:ask|call|contact|talk|give|hand|return|pass|take))"
    r"(?!\s+(?:has|had|took|picked|found|kept|keeps|got)\s+(?:it|them)\b)"
    r"|\bwhose\b|\bsalary\b"
    r"|\b(?:earn|earns|earning|wages?)\b|哪年买的|什么时候买的|买了(?:几|多少)年|用了(?:几|多少)年"
    r"|\bwhat\s+(?:was|were)\b[^?]{0,50}\bcalled\b|有人[\u4e00-\u9fff]{0,2}(?:吵架|吵相骂|相骂|打相打|打架)"
    r"|\bcalories\b|\bmarried\b|\bsingle\b|\b(?:girl|boy)friend\b|\bhow\s+old\s+is\b|多大年纪"
    # (an age told, not asked: "阿拉八十几岁了", "七十几岁了"; round thirty, spent31)
    r"|(?<![十百])几岁了"
    r"|\bmy\s+(?:balance|account|pension)\b"
    r"|\b(?:trainer|teacher|doctor|lawyer|cook|chef|owner)'?\s?s\s+name\b"
)
# Fasting asked for a test (at the health station, its service; not a pill's timing)
_TEST_FASTING = re.compile(
    r"(?:测血糖|量血糖|验血糖|血糖|抽血|验血|查血|化验)[^。？?!！]{0,10}?空腹"
    r"|空腹[^。？?!！]{0,6}?(?:测血糖|量血糖|测|抽血|验血|查血|化验)"
)
# Wages withheld, told to the legal-aid desk ("工资拖了两个月不给", "unpaid wages")
_WAGES_OWED = re.compile(
    r"(?:工资|薪水|工钱)[\u4e00-\u9fff]{0,6}?(?:拖|欠|不给|没给|没发|不发|扣)"
    r"|(?:拖欠|欠|克扣|扣|没发|不发)[\u4e00-\u9fff]{0,4}?(?:工资|薪水|工钱)"
    r"|\b(?:unpaid|withheld|owed)\s+(?:\w+\s+)?(?:wages?|salary|pay)\b"
    r"|\b(?:wages?|salary|pay)\s+(?:\w+\s+){0,3}(?:unpaid|withheld|owed)\b"
    r"|\bhasn'?t\s+paid\s+(?:me|my)\b"
    # "my boss owes me 2 months salary"
    r"|\bowes?\s+(?:me|us|my\s+\w+)\s+(?:\w+\s+){0,3}(?:wages?|salary|pay)\b"
)
# Whether a named member of staff, or which one, is at work: a rota nobody here publishes
# ("张医生在伐", "烧菜的李师傅今天上班吗", "哪个医生坐诊", "is dr wang in on friday"), not the
# venue's hours ("礼拜三下午有律师吗" is).
_SURNAMES = (
    "王李张刘陈杨黄赵吴徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖董袁潘蒋蔡杜叶苏魏吕丁沈姚"
    "卢姜崔钟谭陆汪廖贾韦邹孟熊秦邱尹薛闫雷侯陶贺顾毛郝龚邵钱严覃戴莫孔汤"
)
_STAFF_ROLE = r"(?:医生|大夫|师傅|老师|阿姨|律师|护士|主任|教练|老伯|伯伯|叔叔|大爷|阿婆)"
_STAFF_ON_DUTY = re.compile(
    r"(?:(?:[" + _SURNAMES + r"]|(?<![下上这本每个])周)" + _STAFF_ROLE + r"|哪(?:个|位|一位)"
    + _STAFF_ROLE + r")(?:(?!说|讲|告诉)[\u4e00-\u9fff,，\s]){0,10}?"  # not what they said
    r"(?:在吗|在不在|在么|在的|上班|值班|坐诊|当班|来不来|来吗|休息|有空|电话|手机|微信|联系方式)|(?:坐诊|值班|当班)的?(?:是|是哪个|是哪位)?(?:谁|哪(?:个|位))"
    # (the resident's own name told is no one asked for: "I am Mr. Wang", "this is Mrs. Li")
    r"|(?<!\bi\sam\s)(?<!\bi'm\s)(?<!\bim\s)(?<!\bthis\sis\s)(?<!\bname\sis\s)(?<!\bit's\s)"
    # (nor the one the resident cares for or asks for: "I take care of Mrs Wang", "I look after
    # Mr Li", "asking for Mrs Zhang"; round twenty-six, dev98)
    r"(?<!\bcare\sof\s)(?<!\bcare\sfor\s)(?<!\bafter\s)(?<!\bfor\s)(?<!\bhelp\s)(?<!\bhelping\s)"
    # (…nor the neighbour the question is relayed for: "my neighbour Mrs Chen", "on behalf of
    # Mr Li", "the lady next door, Mrs Wang"; round twenty-eight, dev108)
    r"(?<!\bneighbour\s)(?<!\bneighbor\s)(?<!\bneighbour,\s)(?<!\bneighbor,\s)(?<!\bbehalf\sof\s)"
    r"(?<!\bnext\sdoor\s)(?<!\bnext\sdoor,\s)"
    r"\b(?:dr|doctor|mr|mrs|ms|miss|master|teacher|coach|nurse|lawyer)\.?\s+(?:wang|li|zhang|liu"
    r"|chen|yang|huang|zhao|wu|zhou|xu|sun|ma|zhu|hu|guo|he|lin|luo|zheng|liang|xie|song|tang"
    r"|han|feng|deng|cao|peng|zeng|xiao|dong|yuan|pan|jiang|cai|du|ye|su|wei|lu|ding|shen|yao"
    r"|cui|zhong|tan|qian|gu|mao|kong)\b(?!\s+here\b)"
    # (…or speaking through the resident: "Mrs Li asks, …", "Mr Wang wants to know…")
    r"(?!,?\s+(?:asks|asked|is\s+asking|wants\s+to\s+know|wonders|says|said)\b)"
    r"|\bwhich\s+(?:doctor|lawyer|nurse|trainer|coach|cook|chef)s?\s+(?:is|are|will\s+be)\s+"
    r"(?:on|in|there|working|available|around)\b"
    # a staff member's own contact: "食堂阿姨的电话多少", "does the clinic doctor have a wechat"
    r"|" + _STAFF_ROLE + r"的?(?:电话|手机|微信|联系方式)"
    r"|\b(?:doctor|nurse|teacher|lawyer|coach|trainer|cook|chef)'?s?\s+(?:have\s+(?:a\s+)?)?"
    r"(?:wechat|whatsapp|mobile|personal\s+(?:number|phone|email))\b"
)  # fmt: skip
# Someone else's make-up working day (r29c): the metro's timetable, the stock market, the
# traffic rules, another office, one's employer's pay or forms ("今天补班 地铁按工作日时刻吗",
# "调休上班那天要限行吗", "公司补班没给加班费怎么办", "调休单怎么填"); read only beside a
# make-up word, and with no place of ours named
_MAKEUP_ELSEWHERE = re.compile(
    r"地铁|公交|股市|股票|开盘|车管所|交警|限行|限号|高速|加班费|加班工资|调休单|请假单|打卡"
    r"|行政服务中心|税务局|民政局|邮局"
    r"|\b(?:metro|subway|stock\s+market|post\s+office|overtime)\b"
)
# A school's own lessons asked (r29c): "礼拜六补班 小学上课吗", "幼儿园上课伐" (上课 is also
# the night school's alias)
_SCHOOL_LESSONS = re.compile(
    r"(?:学校|小学|中学|初中|高中|幼儿园|大学)\s*(?:里|的)?\s*(?:要|还|也|都|要不要|用不用)?\s*(?:上课|上学)"
)
# A family member's own school or class ("我孙子的学校明天上课吗", "my grandson's school"): not
# the night school's classes.
_FAMILY_SCHOOL = re.compile(
    r"(?:孙子|孙女|外孙女?|儿子|女儿|孩子|小孩|囡囡|宝宝|侄子|侄女|外甥女?)(?:的|们)?"
    r"(?:学校|小学|中学|初中|高中|幼儿园|大学|班主任|补习班|培训班|兴趣班)"
    r"|\b(?:my|our|his|her)\s+(?:grand)?(?:sons?|daughters?|kids?|child|children)'?s?\s+"
    r"(?:school|kindergarten|teacher|class(?:es)?)\b"
)
# What a family member's school shares with our night school (any other topic of ours is asked)
_SCHOOL_CONCEPTS = frozenset({"course", "night_school", "signup"})
# Another road's shop of our kind ("南京路上的王开照相馆"), unless the road is one of ours.
# Another subdistrict's or town's institution ("长寿路街道党群服务中心电话多少", "曹杨新村街道社区
# 卫生服务中心"): the name before 街道/镇 is not in our own addresses
_SUBDISTRICT_WORD = re.compile(r"街道|镇|sub-?district|township|jiedao")  # cheap check first
_SUBDISTRICT = re.compile(
    r"(?<![我你他她们咱这那本哪个])(?!我们|阿拉|你们|咱们|这个|那个|哪个|我家|侬拉|伊拉)"
    r"([\u4e00-\u9fff]{2,4}?)(?:街道|镇)(?!办)(?:的|那边的?|那里的?|里的?)?(?:社区)?[\u4e00-\u9fff]"
    r"|\b(?!changfeng\b)([a-z]+(?:\s+(?:road|rd|lu))?)\s+(?:sub-?district|jiedao|township)\b"
)
# A make-up working day named as such: "补班的礼拜六", "调休要上班的礼拜天", "make-up working
# saturday", "the working sunday"
_MAKEUP_WORD = re.compile(
    r"补班|调休(?:要|需要)?上班|调班|\bmake[\s-]?up\s+(?:working\s+|work\s*)?(?:day|saturday|sunday)s?\b"
    # a weekend day worked, said as such: "要上班的那个礼拜六", "上班的星期天"
    r"|要上班的?(?:那个|那|这个)?(?=礼拜|星期|周)"
    r"|\bworking\s+(?:saturday|sunday|weekend\s+day)\b"
    # a day told as worked for a break, the break with it ("its a working day coz of may day",
    # "a work day because of the holiday"): the break is the reason, not a day asked
    r"|\b(?:working|work)\s*day\s+(?:coz|cos|cuz|because|due\s+to|for)\s+(?:of\s+)?(?:the\s+)?"
    r"(?:may\s*day|labou?r\s+day|national\s+day|golden\s+week|dragon\s+boat(?:\s+festival)?"
    r"|mid-?autumn(?:\s+festival)?|spring\s+festival|(?:chinese\s+)?new\s+year|qingming|holiday"
    r"|break|festival)(?:\s+(?:holidays?|break))?\b"
    # a weekend day said with 调休 before it is the one worked ("调休那个礼拜六", "调休的周日"),
    # or told as worked ("the saturday we work after golden week")
    r"|调休\s*(?:的|那个|那|这个)?(?=\s*(?:礼拜|星期|周)[六日天])"
    r"|(?:(?<=saturday)|(?<=sunday))\s+(?:that\s+)?(?:we|you|people|everyone|everybody)\s+(?:have\s+to\s+|must\s+)?"
    r"(?:works?|go(?:es)?\s+to\s+work|(?:are|is)\s+working|'re\s+working)\b"
    # "the saturday we have to work", "the sunday everyone works"
    r"|\b(?:saturday|sunday|weekend\s+day)\s+(?:that\s+|when\s+)?(?:we|you|people|everyone|everybody)\s+"
    r"(?:all\s+)?(?:(?:have|has|need|needs|got)\s+to\s+work|works?|are\s+working)\b"
    # …with its setting between (r29c): "the saturday after the holiday when we all work"
    r"|\b(?:saturday|sunday)\s+(?:after|before)\s+(?:[a-z'-]+\s+){1,3}?(?:that|when)\s+"
    r"(?:we|you|people|everyone|everybody)\s+(?:all\s+)?(?:(?:have|has|need|needs|got)\s+to\s+work"
    r"|works?|are\s+working)\b"
    # a day's work made up, counted (r29c): "十一长假后要补一天班", "后面还要补个班"
    r"|补(?:一天|两天|一个|个|1天|2天)班"
    # "that Saturday" told as worked (r29c): "那个周六不是要上班嘛", "那个礼拜六要上班",
    # "那个礼拜六调休" (a weekend day with 调休 is the one worked)
    # (not after its date: "9月20号那个礼拜天要补班" reads the date with 补班)
    r"|(?<![号日0-9])(?<!号\s)那(?:一|个)?\s*(?:礼拜|星期|周)[六日天]\s*(?:不是|是)?\s*(?:要|得|需要)?\s*"
    r"(?:补班|上班|调休)"
)
# The side of the break at hand a make-up day is on, no festival named: "节前调休上班那个礼拜
# 六", "节后补班那个周六", "the make-up saturday after the holiday"
_MAKEUP_SIDE = re.compile(
    r"(?P<zh>(?<![\u4e00-\u9fff])节|放假|长假|假期|收假|年)\s*(?P<zh_side>前|后|以前|以后|之前|之后)"
    # the break told as over: "过完年那个补班的礼拜六", "放完假要补班的那天", "过了节"
    r"|(?P<zh_done>过完|过了|过好|放完|休完|歇完)\s*(?:年|节|假|长假)"
    r"|\b(?P<en_side>before|after)\s+the\s+(?:holiday|holidays|break|long\s+break|festival)\b"
)
# the break told as over, between a festival and its make-up word (r29c)
_MAKEUP_BREAK_OVER = re.compile(r"(?:过完|过了|放完|休完|歇完|回来|(?<![吃做写干])完了|结束)")
# the side said right before a festival named in English: "after (the) national day…"
_SIDE_BEFORE = re.compile(r"\b(after|before)\s+(?:the\s+)?$|(过完|过了|放完)$")
# the next make-up working day, whichever it is: "下一次补班那天", "the next make-up day"
_NEXT_MAKEUP = re.compile(
    # (下下次: the one after the next, r29c: asked)
    r"(?P<twice>下(?=下))?(?:下一次|下次|下一个|下个|接下来的?|最近的?一次)\s*(?:的)?\s*"
    r"(?:补班日?|调休(?:要)?上班日?|调休日)"
    r"(?:\s*(?:的|那个|那)?\s*(?:那天|那一天|那日|当天|日子|(?P<weekday>(?:礼拜|星期|周)[六日天])))?"
    r"|\bnext\s+(?:make[\s-]?up\s+(?:working\s+|work\s+)?(?:day|workday|(?P<en>saturday|sunday))"
    r"|working\s+(?P<en2>saturday|sunday))\b"
)
# the last make-up working day, pointed back to: "上次补班那天", "上礼拜补班", "前面补班的礼拜六",
# "the last make-up day" (was today's, or the next one's, hours)
_LAST_MAKEUP = re.compile(
    r"(?:上一次|上次|上一回|上回|上一个|上个|(?<![\u4e00-\u9fff])(?:前面|前头|之前)"
    # (not "中秋前头那个调休要上班的礼拜天": the festival's side)
    r"|上个?(?:礼拜|星期|周)(?![一二三四五六日天]))"
    r"\s*(?:的)?\s*(?:那个|那次|那)?\s*(?:补班|调休(?:要)?上班)"
    r"(?:\s*(?:的)?\s*(?:那个|那)?\s*(?:那天|那一天|那日|当天|日子|(?P<weekday>(?:礼拜|星期|周)[六日天])))?"
    r"|\b(?:last|previous)\s+make[\s-]?up\s+(?:working\s+|work\s+)?(?:day|(?P<en>saturday|sunday))\b"
    # (r29c) "the last time we had a working saturday", "the last working sunday"
    r"|\b(?:last|previous)\s+(?:time\s+(?:we|i|people|everyone|everybody)\s+(?:had|worked)\s+(?:on\s+)?"
    r"(?:a|an)\s+(?:make[\s-]?up\s+)?)?working\s+(?P<en2>saturday|sunday)\b"
)
# …told as a story, then this time asked in a clause of its own ("上次补班窗口没开，这次开伐",
# "之前补班的时候食堂不开，今天呢"): not the one gone by
_NOW_ASKED_AFTER = re.compile(
    r"[\s,，。.!！;；?？]\s*(?:那|但是?|可是|不过)?\s*(?:这次|这回|这一次|这一回|这趟|今天|今日|明天|下次"
    r"|下回|这个?礼拜|这周|本周|\b(?:this\s+time|today|tomorrow|next\s+time)\b)"
)
# the weekday said right after a festival's make-up word: "五一补班的礼拜六", "调休那个周日"
_MAKEUP_WEEKDAY_SAID = re.compile(
    r"\s*(?:的)?\s*(?:那|这)?\s*(?:一?个)?\s*(?:礼拜|星期|周)([一二三四五六日天])(?![0-9一二三四五六日天])"
)
# between a festival and its make-up word: "国庆补班", "五一节的调休上班", "春节那个补班"
_OF_FESTIVAL = re.compile(r"\s*节?\s*(?:假期|长假)?\s*(?:的|那个|那|里)?\s*")
# the break a make-up day comes after, said behind it ("the saturday we work after may day")
_SETTING_GAP = re.compile(r"\s*(?:right\s+|just\s+)?(?:after|following|before)\s+(?:the\s+)?")
# between a day and the make-up word that says what it is: "next saturday is a make-up working
# day", "is next sunday a make-up day", "礼拜六是要补班的"
_CLAIM_GAP = re.compile(
    r"\s*(?:(?:is|'s|will\s+be|would\s+be)\s+)?(?:(?:actually|really|also|still)\s+)?"
    r"(?:(?:a|an|the|one\s+of\s+the)\s+)?"
    r"|\s*(?:也|还|就)?(?:是|要|是要|算|是不是|要不要|算不算)?(?:个|一个)?\s*"
)
# "调休那天", "调休的日子": a day moved by the arrangement, which one unsaid
_SPAN_GAP = 4  # characters between a make-up word and its weekday still read as one phrase
_LAST_WEEKDAY_EN = re.compile(r"\b(?:last|this\s+past)\s*$")
# 调休 told of the day just named: "上礼拜六调休，…", "10号是调休"
_SHIFTED_TOLD = re.compile(r"\s*(?:是|也是|要|是要)?\s*调休(?![那的当日]|上班|要上班)")
_SHIFTED_DAY = re.compile(r"调休\s*(?:的)?\s*(?:那天|那一天|当天|那日|日子|那个?)")
# the centre asked whether it opens or works ("你们上班吗", "你们开门伐", "are you open")
_CENTRE_WORKS = re.compile(
    r"(?:你们|您们|中心|驿站)(?:那边|这边)?(?:也|还|都)?"
    # (as usual: "你们中心是照常上班的伐"; round twenty-nine, spent29)
    r"(?:是)?(?:照常|正常|照样|照旧)?(?:上班|开门|开放|营业|开)"
    r"|\b(?:are|will)\s+you\s+(?:guys\s+)?(?:be\s+)?(?:open|working)\b"
)
# several days of a kind asked at once ("两个补班的礼拜六", "the two make-up saturdays")
_SEVERAL_ASKED = re.compile(
    r"[两俩二2几]个|[这那][两俩几]天|都|\b(?:two|both|all|those|these)\b|\b(?:days|saturdays|sundays)\b"
)
# the weekday beside a make-up word ("调休上班的礼拜六", "the make-up working saturday")
_MAKEUP_WEEKDAY = re.compile(
    r"(?:礼拜|星期|周)(?P<zh>[一二三四五六日天])"
    r"|\b(?P<en>mon|tue|wed|thu|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b"
)
_EN_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# "那个礼拜六" read alone (which Saturday?), after a make-up word that dates it
_THAT_WEEKDAY = re.compile(r"(?:那|这)?\s*个?\s*(?:礼拜|星期|周)([一二三四五六日天])")
_ROAD_BEFORE = re.compile(
    r"([\u4e00-\u9fff]{2,3}(?:路|街|大道|广场|公园))(?:(?:上|口|边上?|那边|附近)?的|那边|那块|附近)(?:那家|那个|一家)?"
    r"[\u4e00-\u9fff]{0,4}$"
)
# Another street's, town's or road's centre owning the place named after it ("宜川路街道党群
# 服务中心的食堂", "真如镇那个党群驿站的照相馆", "曹杨新村街道社区卫生服务中心"), unless the
# name is ours.
_AREA_BEFORE = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:路街道|新村街道|街道|新村|镇|路|大道)"
    r"(?:的|那个|那只|那家|那边的?|那里的?|上的|附近的?)?\s*(?:那个|那只|那家|一家)?\s*"
    r"(?:(?:社区|党群)?(?:服务)?(?:中心|驿站|服务站)(?:的|里的?|那个)?\s*|社区)?$"
)
# …or owning a community centre of its own, wherever our word is (a typo's match has no place
# in the text): "曹杨新村街道社区卫生服务中心几点上班"
_AREA_CENTRE = re.compile(
    r"([\u4e00-\u9fff]{2,4}?)(?:路街道|新村街道|街道|镇)(?:的|那个|那只|那边的?)?\s*"
    r"(?:社区|党群|(?:服务)?中心|驿站)"
)
# …and in English: "the yichuan road community centre", "at caoyang road station", "the ganquan
# road gym", "the zhenru community centre" (not "your community centre", "changfeng bay station")
_EN_AREA = re.compile(
    r"\b([a-z]+)\s+(?:road|rd|street|town|subdistrict)(?:'s)?\s+(?:community\s+)?"
    r"(?:centre|center|station|gym|canteen|clinic|health\s+station|photo\s+studio|night\s+school)\b"
    r"|\b([a-z]+)\s+community\s+(?:centre|center|station|canteen|gym|clinic)\b"
)
_EN_NOT_A_NAME = frozenset(
    {
        *("the", "a", "an", "your", "our", "this", "that", "local", "my", "same", "which"),
        *("what", "nearest", "new", "main", "whole", "other"),
    }
)
# Words that make a street or town said before a place ours ("我们街道", "阿拉镇上", "本街道")
_OUR_WORD = re.compile(r"我们|阿拉|咱们|我家|侬拉|自家|本|这个|这里|这边|附近")
# A street, town or district named: "住在曹家渡街道", "长征镇"
_AREA_NAMED = re.compile(r"([\u4e00-\u9fff]{2,4}?)(?:路街道|新村街道|街道|镇|新区|区)")
# A place's own name alone, then "那边/那里", right before the place asked ("真如那边的社区食堂",
# "曹杨那边的卫生站"; the name a word of its own), or "over in…" after it ("the canteen over in
# zhenru"): that area's, when the name is none of our addresses, nor a person, a floor or a spot
# of the building
_AREA_THERE_BEFORE = re.compile(
    r"(?:^|(?<=[\s,.!?，。！？在去到住]))([\u4e00-\u9fff]{2,4})(?:那边|那里|那块|那头)的?\s*"
    r"(?:社区|党群)?(?:服务)?(?:中心|驿站)?(?:的|里的?)?\s*(?:社区)?$"
)
_NOT_AN_AREA = re.compile(
    r"[我你他她侬伊咱们阿拉家楼层门边头口面里厅室站房馆堂窗台部处院所这那哪一二三四五六七八九十]"
)
_EN_AREA_AFTER = re.compile(
    r"\s+(?:over|up|down|out)\s+(?:in|at)\s+([a-z]+)\b"
    # …or a road it is on ("the gym on daduhe road", "the clinic at wuning rd"; round thirty,
    # dev118), not one of our addresses ("the health station on guangfu road")
    r"|\s+(?:on|at|along)\s+([a-z]+)\s+(?:road|rd|street|st|avenue|ave|lu)\b"
)


def _area_there(text: str, venue: VenueMatch, ours: Callable[[str], bool], ours_en: str) -> bool:
    """Whether the place named at ``venue`` is told as another area's by a bare name before
    "那边" or "over in" after it (``ours``: whether a Chinese name is one of ours)."""
    start, end = venue.span
    before = _AREA_THERE_BEFORE.search(text, max(0, start - 16), start)
    if before is not None and not _NOT_AN_AREA.search(before.group(1)):
        return not ours(before.group(1))
    after = _EN_AREA_AFTER.match(text, end)
    if after is None:
        return False
    name = after.group(1) or after.group(2)
    return name not in _EN_NOT_A_NAME and name not in ours_en


# Someone else's place, "their canteen" ("伊拉食堂几点开" after "阿姐住在曹家渡街道")
_THEIR = re.compile(r"(?:伊拉|他们|她们|人家)(?:那边|那里|那块)?的?\s*$")
# The price of a thing seen there, to buy for oneself ("照相馆用的那台相机多少钱", "哑铃外面买要
# 多少钞票", "a treadmill like the one in your gym cost to buy"): not one of our prices.
_THING_PRICE = re.compile(
    r"那(?:种|台|只|款|把)[\u4e00-\u9fff]{1,5}?[\u4e00-\u9fff]{0,6}?(?:多少钱|多少钞票|几钿|啥价钿|什么价)"
    r"|(?:外面|外头|网上|店里)(?:去)?买[\u4e00-\u9fff]{0,4}?(?:多少钱|多少钞票|几钿|贵伐|贵吗)"
    r"|买(?:一|个|一个|一台|台|一只|只)[\u4e00-\u9fff]{0,3}?要?(?:多少钱|多少钞票|几钿)|多少钱一台"
    r"|\bcost\s+(?:me\s+)?to\s+buy\b|\blike\s+the\s+ones?\s+(?:in|at)\s+(?:your|the)\b"
    r"|\bto\s+buy\s+(?:a|an|one)\s+(?:\w+\s+)?like\b"
    # a teacher's private lesson: "钢琴老师私人课一小时多少钱"
    r"|私人课|\bprivate\s+(?:classes|sessions?)\b"
)
# Prices in the city at large, not ours: "上海健身房办卡一般行情多少钱", "what does a passport
# photo usually cost in shanghai", "typical price of a lawyer consultation in china"
_MARKET_PRICE = re.compile(
    r"(?:行情|市场价|市面上|外面|外头|上海|全国|一般人家)[\u4e00-\u9fff]{0,10}?(?:一般|普遍|大概|通常|平均)"
    r"[\u4e00-\u9fff]{0,8}?(?:多少钱|多少钞票|什么价|啥价钿|几钿|收费|价格|价钱|贵)"
    r"|行情|市场价"
    r"|\b(?:usually|typically|normally|generally|on\s+average|typical|average|usual|going)\b"
    r"[^?]{0,40}?\b(?:cost|price|rate|fee|charge)s?\b[^?]{0,40}?\b(?:in|across|around)\s+"
    r"(?:shanghai|china|the\s+city|town|beijing)\b"
    r"|\b(?:cost|price|rate|fee|charge)s?\b[^?]{0,40}?\b(?:usually|typically|normally|generally"
    r"|on\s+average)\b[^?]{0,30}?\b(?:in|across|around)\s+(?:shanghai|china|the\s+city|town)\b"
)
# The resident's own phone handset, how to work it: "诈骗电话怎么拉黑", "how do I block spam calls"
_OWN_DEVICE = re.compile(
    r"拉黑|屏蔽|黑名单|骚扰电话|(?:手机|微信|支付宝)[\u4e00-\u9fff]{0,6}?(?:怎么|如何)"
    r"(?:设置|拉黑|屏蔽|删除|卸载|升级|调大|调小|截屏|截图)"
    r"|\bblock\s+(?:\w+\s+){0,2}(?:calls?|numbers?|callers?|contacts?|texts?)\b"
    r"|\b(?:spam|scam|robo|nuisance)\s*calls?\b"
)
# Events gone by: "去年国庆节中心有啥活动", "what events did the centre have last christmas"
_PAST_EVENTS = re.compile(
    r"去年|前年|上个?月|上个?(?:周|星期|礼拜)|上回|上次|(?:搞|办|举办|弄)(?:了|过)"
    r"|\blast\s+(?:year|month|week|time|christmas|new\s+year|spring\s+festival|weekend"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|\bdid\b|\bwas\b|\bwere\b"
)
# One's own past asked to be recalled: "我有没有上班来着", "我是不是去过卫生站来着"
_OWN_PAST = re.compile(r"我[\u4e00-\u9fff]{0,3}(?:是不是|有没有|有伐)[\u4e00-\u9fff]{0,10}来着")
# Hearsay about someone's love life ("隔壁王家姆妈讲食堂烧菜的阿姨跟保安谈朋友了 真的假的",
# "who is the centre director dating"): gossip, not ours
_GOSSIP = re.compile(
    r"(?:跟|和|同|与)[\u4e00-\u9fff]{1,6}?在?(?:谈朋友|谈恋爱|轧朋友|搞对象|处对象)|轧姘头|出轨|外遇|\b(?:is|are)\s+(?:\w+\s+){0,4}dating\b"
    r"|\bdating\s+(?:each\s+other|the|a|an|someone|somebody)\b|\bhaving\s+an\s+affair\b"
)
# Where to take photos in town, the season's shows: "元旦哪里拍照片好看", "哪里有圣诞树好拍照"
_PHOTO_SPOT = re.compile(
    r"(?:哪里|哪儿|哪块|啥地方|什么地方|哪个地方)[\u4e00-\u9fff]{0,6}?(?:好拍照|拍照片?好看|好拍|出片)"
    r"|(?:哪里|哪儿|哪块|啥地方|什么地方)(?:有|看|可以看|能看)[\u4e00-\u9fff]{0,4}(?:灯光秀|烟花|圣诞树|灯会)"
    r"|\b(?:spots?|places?)\s+(?:for|to\s+take)\s+(?:\w+\s+)?(?:photos|pictures|pics)\b"
    r"|\bwhere\b[^?]{0,30}\b(?:light\s+shows?|fireworks|christmas\s+trees?)\b"
)
# A thing lost or left somewhere ("落在食堂了", "left my glasses in the gym", "anyone hand it in")
# "lost", not of a person who loses the way ("mum gets lost easily", "lost my way")
_LOST_WORD = (
    r"(?<!\bget )(?<!\bgets )(?<!\bgot )(?<!\bgetting )\blost\b"
    r"(?!\s+(?:my|her|his|their|our|your)\s+way\b)"
)
_LOST_ITEM = re.compile(
    r"丢了|丢失|弄丢|掉了|掉在|落在|落下|忘在|忘了拿|遗失|捡到|失物|拉下|拉在"
    # round twenty-six (spent16): left at a place, said with 丢 ("钱包好像丢在食堂了"; not a
    # thing thrown away: "垃圾丢在哪里")
    r"|(?<!垃圾)(?<!垃圾要)(?<!垃圾好)丢(?:在|到)(?![^。？?]{0,4}?(?:哪|什么地方|啥地方))"
    # a thing left, counted: "在食堂落了把伞", "忘了一副眼镜在那", "拉了只包"
    r"|(?<![降起角])(?:落|忘|拉|丢)了\s*[一两]?\s*(?:把|个|只|件|副|串|顶|本|条|块|台|部|袋|包)"
    r"|" + _LOST_WORD + r"|\b(?:dropped|misplaced)\b|\b(?:left|forgot)\s+(?:my|a|an|our|his|her)\b"
    # …or said of the thing ("my phone was left in the canteen, who has it"; a second reader, r2)
    r"|\b(?:my|her|his|our|a|an)\s+(?:\w+\s+){0,2}?(?:was|were|got)\s+(?:left|forgotten)\s+(?:behind\s+)?"
    r"(?:at|in|on)\s+(?:the|your)\b"
    r"|\bhand(?:ed)?\s+(?:\w+\s+){0,2}in\b"
    # a thing found, someone else's: "found someones glasses in the gym", "picked up a wallet"
    r"|\b(?:found|picked\s+up)\s+(?:a|an|some|someone'?s|someones|somebody'?s|this|these|that)\b"
)
# 丢在 said of a thing left at a place of ours, read as 落在 (round twenty-six, spent16)
_LEFT_WITH_DIU = re.compile(r"丢(?:在|到)")
# A phone as a thing (lost or found), not a number to ring
_A_PHONE_HANDSET = re.compile(
    r"手机(?!号)|\b(?:mobile\s+|cell\s*)?phone\b(?!\s*(?:number|no\b|call))|\bmobile\b(?!\s*number)"
)
# A symptom of the resident's own: advice, unless asked of the health station.
_SYMPTOM = re.compile(  # 酸痛 of old: its 痛 is in the table
    SYMPTOMS_ZH + r"|抽筋|拉伤|扭伤|\b(?:" + SYMPTOMS_EN + r"|injur(?:y|ed)|cramps?)\b"
)
# "转人工", "I want a real person": no answer here, the "ask a person" button is the way.
# Where the resident's own case stands ("上礼拜交了居住证材料 现在办好了伐 好去拿了伐", "is my
# permit ready"): only a person at the window can tell
_MY_CASE = re.compile(
    r"(?:办好了|弄好了|做好了|批下来了|好了没有?|出来了没有?)(?:吗|伐|没有?)"
    r"|(?:可以|能|好)(?:去)?拿了(?:吗|伐|没有?)"
    r"|\bis\s+my\s+(?:\w+\s+){0,2}(?:ready|done|approved|processed)\b"
    # …typed short (round twenty-seven, dev104): "my senior card ready?", "permit done yet",
    # "老年卡 好了吗", "居住证 好了没"
    r"|^\W*my\s+(?:\w+\s+){0,2}(?:ready|done|approved|processed)\b"
    r"|\b(?:cards?|permits?|application|certificate)\s+(?:ready|done|approved)\s+yet\b"
    r"|(?:卡|证|证明)\s*(?:好了|办好)(?:吗|伐|没有?)"
    # a request or report of one's own, and whether it came through ("上个月申请的补贴批下来没有",
    # "前天报过丢了一只保温杯，找到了吗", "any news on my application?")
    r"|(?:申请|报过|交了|登记|提交)[^。？?]{0,20}?(?:批下来|批了|批好|有消息|有结果|找到了|找着了|寻到了)"
    r"|\b(?:any|an)\s+(?:news|update)\s+on\s+my\b|\bheard\s+back\b"
    # when one's own money or card comes through ("申请的津贴啥辰光到账", "办的老年卡啥辰光好拿",
    # "when will my allowance be paid")
    r"|到账|到帐|打到卡上|(?:申请|办|补办|交|报)的[\u4e00-\u9fff]{1,8}?\s*(?:什么时候|什么时间|几时|多久|哪天)"
    r"(?:能|可以|好)?(?:拿|取|领|下来|批|发)"
    r"|\bwhen\s+will\s+(?:my|our|his|her)\s+(?:\w+\s+){0,2}(?:be\s+(?:paid|ready|approved|done|sent)"
    r"|arrive|come\s+through)\b|\b(?:paid|transferred)\s+into\s+my\b"
    # …or what no entry covers and a person decides: a gift to the centre, a visit at home, a
    # guest brought along ("想捐给阅览室 你们收伐", "有人好上门去看看伊伐", "bring a guest")
    r"|捐(?:给|赠|出|点|些)|\bdonat\w*|上门(?:去|来)?(?:看看|看望|探望|走访|慰问)|\bhome\s+visits?\b"
    r"|带(?:个|一个)?(?:朋友|客人|家属|外人)(?:一起)?(?:进|来|去)|\bbring\s+(?:a\s+)?(?:guest|friend)s?\b"
)
# What is eaten on a festival or a solar term, asked right after its name ("入伏吃什么 头伏饺子二伏
# 面", "冬至要吃啥", "腊八有什么讲究"): its custom, not the canteen's menu
# Who mends a thing of the home, asked with no 来 and no place of ours named: "墙皮掉了找谁修",
# "水管漏了寻啥人修" (the faults of our places, "健身房跑步机坏了找谁修", are not this)
_WHO_REPAIRS = re.compile(r"(?:找|寻|叫|请)(?:谁|啥人|什么人|哪个)(?:来)?(?:修|维修|修理|补|通)")

_CUSTOM_FOOD = re.compile(
    r"\s*(?:的时候|那天|这天|要|该|应该|一般|都|习惯)?\s*"
    # the family's meal of the day named ("冬至夜饭吃点啥好", "中秋团圆饭吃什么")
    r"(?:(?:的)?(?:夜饭|晚饭|午饭|中饭|团圆饭|家宴|年夜饭)\s*(?:要|该|一般)?\s*)?"
    r"(?:吃(?:点|些)?(?:什么|啥)|吃的?(?:习俗|讲究)"
    r"|有(?:什么|啥)(?:讲究|习俗|风俗)|(?:的)?(?:习俗|风俗|讲究)"
    # the family's own meal or offering for the day ("冬至做羹饭要几只菜", "清明祭祖摆几个菜"):
    # its custom, not the canteen's dishes (round twenty-six)
    r"|(?:在屋里|在家里?|屋里)?(?:做|烧|摆|备|准备)(?:个|顿)?(?:羹饭|祭祖|供品|供菜|饭|菜)?"
    r"(?:要|该|一般|得)?(?:摆|烧|做|准备)?(?:几|多少)(?:只|个|道|样|碗|盘)(?:菜|碗)"
    r"|(?:做|烧|摆|备|准备)?(?:羹饭|祭祖|供品|供菜))"
)
# A fault of ours, and when it will be mended ("健身卡刷不进去 前台说系统问题 到底啥时候能好",
# "门禁刷不开…啥时候能修好", "when will the card reader be fixed"): a person's to chase, not the
# hours (not "食堂什么时候恢复营业": the hours after a closure)
_FAULT = re.compile(
    r"刷不(?:进|开|了|出|上|到)|坏了|坏掉|故障|失败|系统|维修|在修|修理|不能用|用不了|打不开|连不上|登不上"
    r"|没到账|出问题|有问题|\b(?:broken|not\s+working|(?:does|do|is|are)n'?t\s+working|out\s+of\s+order)\b"
)
_MENDED_WHEN = re.compile(
    r"(?:什么时候|啥时候|什么时间|几时|多久|哪天)(?:才)?(?:能|可以|会)?(?:修好|弄好|搞好|好|恢复(?!营业|开放|开门)"
    r"|解决|处理好|修复|正常(?!开|营业))"
    r"|\bwhen\s+will\s+(?:it|this|that|they|the\s+\w+)\s+be\s+(?:fixed|repaired|working|sorted)\b"
)
_ASK_PERSON = re.compile(
    r"人工|真人|客服|工作人员|(?:找个人|找人)(?![\u4e00-\u9fff]{0,6}(?:法律|律师))|当面问|\b(?:real|actual)\s+(?:person|human)\b|\bhuman\b"
    r"|\b(?:speak|talk)\s+(?:to|with)\s+(?:a\s+|an\s+|the\s+)?(?:someone|somebody|person|staff"
    r"|member of staff|staff member|human|agent|operator)\b"
)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


@dataclass
class FaqIndex:
    """Phrasings of every FAQ entry as feature sets, with an inverted index for speed."""

    entries: Sequence[FaqEntry]
    # more synonym groups: each venue's aliases, so that an entry whose keyword is one alias
    # ("service window") is found by any other ("one-stop window", "办事大厅")
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _phrasings: list[tuple[int, float]] = field(default_factory=list)
    _index: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    _vocabulary: list[str] = field(default_factory=list)
    _concepts: ConceptIndex = field(init=False)
    # the venue an entry is about: one of its keywords is that venue's alias, and no other's
    venue_of: dict[str, str] = field(init=False)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[int, float]]] = defaultdict(list)
        vocabulary: set[str] = set()
        for entry_no, entry in enumerate(self.entries):
            texts = [*entry.phrasings, entry.title.zh, entry.title.en]
            for text in texts:
                features = _features(strip_punctuation(remove_days(fold(text))))
                if not features:
                    continue
                phrasing_no = len(self._phrasings)
                self._phrasings.append((entry_no, sum(features.values())))
                for feature, weight in features.items():
                    index[feature].append((phrasing_no, weight))
                    if feature.isascii() and len(feature) >= 4:
                        vocabulary.add(feature)
        self._index = dict(index)
        self._concepts = ConceptIndex([entry.keywords for entry in self.entries], self.groups)
        self._vocabulary = sorted(vocabulary)
        self.venue_of = {}
        for entry in self.entries:
            owners = {
                group.removeprefix("venue:")
                for group, aliases in self.groups.items()
                if group.startswith("venue:") and {fold(k) for k in entry.keywords} & set(aliases)
            }
            if len(owners) == 1:
                self.venue_of[entry.id] = owners.pop()

    def _correct(self, features: dict[str, float]) -> dict[str, float]:
        """English words the FAQ does not know, replaced by a close word it does (typos).

        A correction keeps the first letter and is at most one edit (two for long words), so
        "pasword" finds "password"; words under five letters are left alone, as too many real
        words lie one edit apart ("rice"/"price", "wife"/"wifi", "line"/"like").
        """
        fixed: dict[str, float] = {}
        for feature, weight in features.items():
            if feature in self._index or not feature.isascii() or len(feature) < 5:
                fixed[feature] = weight
                continue
            candidates = [w for w in self._vocabulary if w[0] == feature[0]]
            best = process.extractOne(
                feature,
                candidates,
                scorer=Levenshtein.distance,
                score_cutoff=1 if len(feature) < 8 else 2,
            )
            fixed[best[0] if best is not None else feature] = weight
        return fixed

    def concepts_in(self, text: str) -> set[str]:
        return self._concepts.lexicon.find(text)

    def concepts_of(self, faq_id: str) -> frozenset[str]:
        """The concepts among an entry's keywords (none for an unknown entry)."""
        entry_no = next((n for n, e in enumerate(self.entries) if e.id == faq_id), None)
        return self._concepts.of_entry[entry_no] if entry_no is not None else frozenset()

    def shares_concepts(self, text: str, faq_id: str) -> bool:
        """Whether ``text`` names any concept among the entry's keywords."""
        entry_no = next((n for n, e in enumerate(self.entries) if e.id == faq_id), None)
        if entry_no is None:
            return False
        return bool(self._concepts.lexicon.find(text) & self._concepts.of_entry[entry_no])

    def knows_every_word(self, text: str) -> bool:
        """Whether every word of ``text`` (Chinese pairs of characters, English words) is one
        the FAQ's phrasings use: a question that says nothing the FAQ does not know ("how much
        does it cost", "多少钱") is vague, one with a word of its own ("股市", "理发", "metro")
        is about something else."""
        words = [f for f in self._correct(_features(text)) if len(f) > 1]
        return bool(words) and all(word in self._index for word in words)

    def speaks_alone(self, entry_no: int, text: str) -> bool:
        """Whether ``text`` names a topic concept of the entry, and only concepts that no
        other entry speaks of ("wifi", not "meal": three canteen entries share it)."""
        shared = (self._concepts.lexicon.find(text) & self._concepts.of_entry[entry_no]) - GENERIC
        return bool(shared) and all(
            self._concepts.entries_of(concept) == (entry_no,) for concept in shared
        )

    def entry_with_concept(self, ranked: list[Ranked], concept: str, text: str) -> Ranked | None:
        """The best backed entry ranked that speaks of ``concept``, when ``text`` names it."""
        if concept not in self._concepts.lexicon.find(text):
            return None
        return next(
            (r for r in ranked if r.backed and concept in self._concepts.of_entry[r.entry_no]),
            None,
        )

    def close_call(self, text: str, one: int, other: int) -> int | None:
        """Of two entries ranked close, the one that alone shares some concept with ``text``
        while the other shares none the first lacks (None when both or neither do)."""
        found = self._concepts.lexicon.find(text)
        mine = found & self._concepts.of_entry[one]
        theirs = found & self._concepts.of_entry[other]
        if mine - theirs and not theirs - mine:
            return one
        if theirs - mine and not mine - theirs:
            return other
        if mine == theirs and mine:
            # the same words for both ("两荤一素几钞票": a meal and a price): the one whose
            # own topic is all there, the other wanting a topic not asked (a delivery)
            lacking_one = self._concepts.of_entry[one] - found
            lacking_other = self._concepts.of_entry[other] - found
            if lacking_other - GENERIC and not lacking_one:
                return one
            if lacking_one - GENERIC and not lacking_other:
                return other
        return None

    def rank(self, text: str) -> list[Ranked]:
        """Entries best first: phrasing overlap (weighted Dice in [0, 1]) plus shared concepts."""
        query = self._correct(_features(text))
        concepts = self._concepts.score(text)
        if not query and not concepts:
            return []
        shared: dict[int, float] = defaultdict(float)
        postings = self._index.get  # the hot loop (every posting of every feature): no calls
        for feature, weight in query.items():
            for phrasing_no, their_weight in postings(feature, ()):
                shared[phrasing_no] += weight if weight < their_weight else their_weight
        best: dict[int, float] = {}
        size = sum(query.values())
        phrasings = self._phrasings
        for phrasing_no, common in shared.items():
            entry_no, their_size = phrasings[phrasing_no]
            score = 2 * common / (size + their_size)
            if their_size >= COVERAGE_MIN_SIZE:  # long, chatty questions: how much of the
                covered = COVERAGE_WEIGHT * common / their_size  # phrasing is there
                score = covered if covered > score else score
            if score > best.get(entry_no, 0.0):
                best[entry_no] = score
        ranked = []
        for entry_no in best.keys() | concepts.keys():
            weight, backed, topic = concepts.get(entry_no, (0.0, False, False))
            overlap = best.get(entry_no, 0.0)
            ranked.append(
                Ranked(
                    overlap + CONCEPT_WEIGHT * min(weight, MAX_CONCEPTS) + TOPIC_BONUS * topic,
                    entry_no,
                    backed or not self._concepts.has_keywords[entry_no],
                    overlap,
                    topic,
                )
            )
        return sorted(ranked, key=lambda r: (r.score, r.overlap), reverse=True)


class Ranked(NamedTuple):
    """An FAQ entry's place for one question. A named tuple, not a frozen dataclass: ``rank``
    builds one per entry sharing a word with the question (hundreds with a large FAQ), and a
    tuple is built in less than half the time (session sixteen's profile)."""

    score: float
    entry_no: int
    backed: bool  # shares a topic concept with the entry (or the entry has no keywords)
    overlap: float  # the phrasing overlap alone
    topic: bool = False  # shares a topic concept (not only generic ones) with the entry


# --- Intents of features -------------------------------------------------------------------

_FEEDBACK = re.compile(
    r"(?:我要|我想|想要|要|想|帮我|怎么|如何|在哪|哪里)?(?:表扬|夸一?夸|称赞|批评|评价|打个?分|评分|反馈|吐槽|投诉|提(?:点|些|个)?(?:意见|建议)|点评)"
    r"|\b(?:give|leave|send|write|make|post)\s+(?:some\s+|a\s+|an\s+)?(?:feedback|review|rating"
    r"|comments?|suggestions?|compliments?|remarks?)\b"
    r"|\b(?:rate|review)\s+(?:the\s+)?(?:canteen|food|meal|lunch|dinner|breakfast)\b"
    r"|\bcomplain\w*\s+about\s+(?:the\s+)?(?:canteen|food|meal)"
    r"|\b(?:want|wanna|like|need)\s+to\s+(?:complain|make\s+a\s+complaint)\b"
    r"|\b(?:where|how)\s+(?:do|can|could)\s+i\s+(?:complain|make\s+a\s+complaint)\b"
    r"|留(?:个|一?条|点|些)?言|写(?:个|点|一?条)?(?:评价|评语)|点个?赞|反映(?:一下|下)?|\bfeedback\b|\b(?:tell|let)\s+the\s+(?:canteen|kitchen|cooks?)\b"
    r"|\brate\s+(?:\w+\s+){0,2}(?:lunch|dinner|breakfast|meals?|food)\b"
    # stars given, as on a shopping app: "give the centre 5 stars", "五星好评", "给食堂打五星"
    # (stars for one's own family are no review of ours: "give the kids 5 stars", "给孩子打五星")
    r"|\b(?:give|giving|gave)\s+(?:the\s+(?!kids?\b|children\b|boys?\b|girls?\b)\w+|you|your\s+\w+|you\s+guys|it|this\s+place)\s+(?:a\s+)?"
    r"(?:[1-5]|one|two|three|four|five|full)\s*(?:-\s*)?stars?\b|\b(?:[1-5]|five|one)[\s-]stars?\s+(?:review|rating)\b"
    r"|(?:[一二三四五1-5])星(?:好评|差评)|(?<!孩子)(?<!小孩)(?<!儿子)(?<!女儿)(?<!孙子)(?<!孙女)(?<!自己)(?<!宝宝)打(?:个|一个)?(?:[一二三四五1-5])(?:颗)?星"
    r"|给(?!孩子|小孩|儿子|女儿|孙子|孙女|自己|宝宝)(?:[\u4e00-\u9fff]{1,6})(?:[一二三四五1-5])颗?星"
)
# A vehicle or its battery to be charged at the centre ("电瓶车能充电伐", "有充电桩吗", "is there
# somewhere I can charge my e-bike battery"): the parking entry does not tell it (round thirty,
# spent31)
_VEHICLE_CHARGED = re.compile(
    r"(?:电瓶车|电动车|电瓶|电动自行车|助动车|电车|电动汽车|新能源车|汽车|车子)[\u4e00-\u9fff]{0,4}?充电"
    r"|充电(?:桩|柜|站|棚|插座)|(?:给|帮)(?:电瓶车|电动车|电瓶|车子|车|电池)充电"
    r"|\bcharg(?:e|ing)\s+(?:up\s+)?(?:my\s+|an?\s+|the\s+|our\s+)?(?:e-?bikes?|electric\s+(?:bikes?"
    r"|scooters?|cars?|vehicles?)|scooters?|ev|evs|cars?|(?:e-?bike|bike|scooter|car)\s+batter(?:y|ies))\b"
    r"|\b(?:ev|e-?bike|scooter|car)\s+charg(?:er|ers|ing|ing\s+(?:point|station|pile|spot))\b",
    re.IGNORECASE,
)
# A clinic called by its own name, in English and capitalised as names are ("Does Jiahui clinic
# take walk-ins", "is Parkway Clinic open on Saturday", "United Family Hospital"): another
# body's; ours is "the clinic", "the health station", "the community clinic" (round thirty,
# spent31). The name's words are told from ours and from plain words by this list.
_CLINIC_NAMED = re.compile(
    r"\b(?P<name>[A-Z][a-z]+(?:[\s-][A-Z][a-z]+){0,2})\s+(?:[Cc]linics?|[Hh]ospitals?"
    r"|[Mm]edical\s+[Cc]ent(?:re|er)s?)\b"
)
_CLINIC_NOT_NAMED = frozenset(
    re.findall(
        r"[a-z]+",
        "the a an our your my this that is are does do can will would could when what where"
        " which how why who hi hello hey dear please any and or so ok okay sorry excuse me also"
        " then today"
        " tomorrow tonight community health station centre center changfeng bay local walk in"
        " family doctor doctors medical general public free main nearest fever night clinic"
        " monday tuesday wednesday thursday friday saturday sunday weekend"
        # (our station's sessions named: "Morning Clinic hours please"; a second reader, r30)
        " morning afternoon evening weekday",
    )
)


# Ours named beside 诊所 ("你们诊所", "社区诊所", "卫生站就是诊所伐"): not another clinic
_OUR_CLINIC_WORD = re.compile(
    r"你们|侬|社区|中心|驿站|1690|长风湾|卫生站|卫生服务站|这里|这边"
    # …or by another of the station's names ("医务室算诊所吗 几点开", "看病的地方是不是诊所"; a
    # second reader, round thirty)
    r"|医务室|社区医院|看病的地方|\bclinic\b|\bhealth\s+(?:station|centre)\b"
)


# Ours named beside a clinic of another name ("My doctor at Jiahui Clinic said I need a blood
# pressure check, can I do it at your health station tomorrow"; a second reader, round thirty)
_OUR_CLINIC_EN = re.compile(
    # (not a place near us: "Is the Parkway Clinic near your centre open" is still another's)
    r"\b(?:your|the\s+community)\s+(?:clinic|health|doctors?|nurses?)\b"
    r"|\bhealth\s+(?:station|centre|center)\b|卫生站",
    re.IGNORECASE,
)


def _named_clinic(text: str) -> bool:
    """Whether ``text`` names a clinic or hospital by a name of its own (capitalised, not one
    of ours nor a plain word): "Jiahui clinic", "Parkway Clinic"."""
    return any(
        not all(w.casefold() in _CLINIC_NOT_NAMED for w in re.split(r"[\s-]+", m.group("name")))
        for m in _CLINIC_NAMED.finditer(text)
    )


# A purchase made elsewhere, its seller or the consumer bodies ("网上买的…坏了 商家不理我 去
# 哪投诉", "the seller on taobao won't refund me, where do i complain"): the complaint asked for
# is a customer's, not feedback on us (round thirty, spent31)
_BOUGHT_ELSEWHERE = re.compile(
    r"商家|卖家|店家|网店|网上买|网购|淘宝|京东|拼多多|直播间|消协|消费者协会|消保委|12315"
    r"|\b(?:sellers?|merchants?|online\s+(?:shop|store|order|purchase)|bought\s+(?:\w+\s+){0,3}online"
    r"|ordered\s+(?:\w+\s+){0,3}online|taobao|amazon|jd\.com|pinduoduo)\b"
)
# Our people or doings, complained of beside a consumer body ("老师态度太差 我要去消协投诉")
_OURS_COMPLAINED = re.compile(
    r"你们|侬|中心|驿站|工作人员|老师|阿姨|师傅|医生|护士|律师|志愿者|活动(?!室)"
    r"|\b(?:your|staff|teachers?|nurses?|doctors?|lawyers?|volunteers?|centre|center)\b"
)
# A suggestion the resident has, and whom to give it to: "对食堂有点建议", "这个建议跟谁说",
# "i have a suggestion, who do i tell" (a request for the form, even asked with 在哪/how)
_FEEDBACK_WISH = re.compile(
    r"(?:我要|我想|想要|要)(?:反映|投诉)(?:反映|一下|下)?(?![\u4e00-\u9fff]{0,3}(?:物业|居委|派出所|城管|12345))"
    r"|\b(?:want|wanna|like|need)\s+to\s+(?:complain|make\s+a\s+complaint)\b"
)
_SUGGESTION = re.compile(
    r"(?<![给了])有(?:点|些|个|一点|一些|几点|几条|条)(?:建议|意见|想法)"
    r"|(?:建议|意见)[\u4e00-\u9fff]{0,4}?(?:跟谁说|和谁说|找谁|告诉谁|给谁|提给|交给|写给|反映给"
    r"|(?:在哪|哪里|哪儿)(?:里|儿)?(?:写|提|说|留|反映|交))"
    r"|\b(?:i\s+have|i'?ve\s+got)\s+(?:a\s+|some\s+|an\s+)?(?:suggestions?|complaints?|ideas?)\b"
    r"|\bwho\s+(?:do|can|should)\s+i\s+(?:tell|give|send|pass)\s+(?:\w+\s+){0,2}"
    r"(?:suggestions?|feedback|ideas?|complaints?)"
)
# What the feedback form is about: with these, "哪里可以反映" is a request, not a how-to question.
_FOOD = re.compile(
    r"饭|菜|汤|食堂|餐|味道|咸|淡|腥|难吃|好吃|\b(?:lunch|dinner|breakfast|meals?|food|soup|canteen)\b"
)
# Not about food though a word of _FOOD is in it ("态度冷淡", "菜场")
_NOT_FOOD = re.compile(r"冷淡|平淡|淡季|菜场|菜市场|饭店|餐厅|外卖")


def about_meals(text: str) -> bool:
    """Whether feedback speaks of food or meals ("菜太咸了", "the soup was cold"): with no
    other place named, it is for the canteen's rating; else for a person."""
    return bool(_FOOD.search(_NOT_FOOD.sub(" ", text.casefold())))


# Feedback in so many words, about whichever place ("想表扬一下照相馆的师傅", "活动室空调太冷了 给
# 你们提个建议", "where can i leave a review of the gym", "写个感谢可以伐"), asked how or not; not
# for another business ("淘宝上怎么给卖家差评", "a google review for a restaurant")
_FEEDBACK_SAID = re.compile(
    r"表扬|夸一?夸|称赞|投诉|吐槽|(?<!给我)(?<!帮我)提(?:点|些|个|一点|一些)?(?:意见|建议)|点个?赞|写(?:个|封|一封|份)?(?:感谢|表扬)"
    r"|感谢信|表扬信|锦旗"
    r"|\b(?:give|leave|send|write|post)\s+(?:some\s+|a\s+|an\s+)?(?:feedback|review|compliments?)\b"
    r"|(?<!how\sdo\si\s)(?<!how\sto\s)\bsay\s+(?:a\s+(?:big\s+)?)?thank(?:s|\s+you)\b(?!\s+in\b)"
    r"|\bthank\s+(?:the\s+|your\s+)?(?:staff|nurses?|doctors?|lady|teachers?|cooks?|chefs?|team"
    r"|volunteers?|lawyers?|photographers?)\b|\bthank\s+(?:her|him|them)\b"
)
_FEEDBACK_ELSEWHERE = re.compile(
    r"物业|居委|派出所|城管|12345|淘宝|京东|拼多多|卖家|商家|快递|外卖|房东|医院"
    # one's own home or family: the property management's, or a parent's praise
    r"|我家|家里|屋里|楼道|小区|孩子|小孩|孙子|孙女|儿子|女儿|邻居|司机|公交|地铁|老板|同事|公司|单位"
    r"|\b(?:landlord|neighbou?rs?|bus|driver|taxi|metro|airline|bank|(?<!night\s)school|boss|employer"
    r"|colleagues?|company|manager\s+at\s+work)\b"
    r"|\b(?:google|amazon|taobao|restaurants?|shops?|sellers?|hotel|airbnb|uber|didi)\b"
)
# Something good or bad told, and whom to tell ("跑步机坏了好几天了 跟谁讲", "the lunch today was
# great, who do I tell?", "排队排了半小时 能不能给领导说一声"): the feedback form
_TELL_WHOM = re.compile(
    r"跟谁(?:讲|说)|和谁(?:讲|说)|找谁(?:讲|说|反映)|告诉谁|向谁反映|反映给谁"
    r"|(?:给|跟|向|和)(?:你们)?领导(?:说|讲|反映)"
    r"|\bwho\s+(?:do|should|can|could)\s+i\s+(?:tell|thank|complain\s+to|report\s+(?:it|this|that)\s+to)\b"
    r"|\bwhere\s+(?:do|can|should)\s+i\s+report\b"
)
_GOOD_OR_BAD = re.compile(
    r"坏了|坏掉|坏脱|不灵|不亮|漏水|态度|耐心|热情|服务(?:好|差|不好)|太冷|太热|太吵|太脏|吵|脏|臭|排队|难吃|好吃|咸|淡"
    r"|\b(?:rude|kind|helpful|great|excellent|terrible|awful|broken|not\s+working|out\s+of\s+order"
    r"|dirty|noisy|cold|slow|queue|delicious|lovely|amazing|wonderful"
    # a hazard: "the floor is slippery, someone nearly fell", "地很滑 差点摔跤"
    r"|slippery|slippy|dangerous|unsafe|(?:nearly|almost)\s+(?:fell|slipped|tripped)|loose|leaking)\b"
    r"|滑|摔跤|摔倒|跌跤|跌倒|绊倒|危险|松动|松掉"
)
# Round fifteen: feedback stated about whichever place, in words the rules above miss: a
# suggestion, an idea or a problem the resident has ("有个建议 阅览室能不能多放点绘本", "反馈一下
# 卫生站厕所没纸了", "反映个问题…", "suggestion: could the canteen open on sundays",
# "complaint: the room was filthy", "feedback about the photo studio"); not advice wanted
# ("给我提点建议", "有没有建议的健身计划")
_FEEDBACK_STATED = re.compile(
    r"(?<![给帮]我)(?<!给我们)(?<!没)(?:有|提)(?:个|一个|点|些|一点|条|一条)?小?(?:建议|意见|想法)(?![\u4e00-\u9fff]{0,2}(?:吗|么|伐))"
    r"|^\s*(?:建议|意见|反馈|投诉)\s*[:：]|反馈(?:一下|下|个|点)|反映(?:个|一个|一下|下|一桩|桩|件|一件)(?:问题|情况|事|事情|事体)?"
    r"|想反映|要反映"
    # a change proposed, the message opened with 建议: "建议食堂晚饭延长到7点半", "建议gym晚上开到
    # 11点" (not advice asked: "建议我去哪家医院", "建议一下")
    r"|^\s*(?:我|我们)?(?:建议|提议)(?!我|一下|下|哪|什么|啥|去哪)[\u4e00-\u9fff\w\s]{0,12}?"
    r"(?:延长|提前|推迟|晚点|早点|延迟|增加|多(?:开|加|放|做|安排|几)|开到|开放到|改(?:成|到|为|一下)?|换(?:成|个)?"
    r"|加(?!班)|减少|少放|取消|装|配(?:个|些|点)?|放(?:个|些|点))"
    r"|^\s*(?:a\s+|one\s+|my\s+)?(?:suggestion|idea|complaint|feedback)s?\s*(?:[:\-–]|\bfor\b|\babout\b|\bon\b)"
    r"|\b(?:a|one|my|some)\s+(?:suggestion|complaint)s?\s+(?:for|about|on|regarding)\b"
    r"|\bfeedback\s+(?:about|on|for|regarding)\b"
)
# The request itself, which says nothing of the meal ("我要评价一下食堂", "i want to give
# feedback on the canteen"): with only these left, there are no words of theirs to keep
_ASKING_ONLY = re.compile(
    r"我们?|你们|想要|要|想|一下|下|的|给|对|跟|向|关于|个|点|些|可以|吗|么|伐|请|帮|今天|今朝"
    r"|食堂|饭堂|食唐|[早中午晚]饭|[早午晚]餐|饭菜"
    r"|\b(?:i|i'd|id|i'm|want|wanna|would|like|to|a|an|the|some|about|on|of|for|please|can|could"
    r"|give|leave|make|write|send|feedback|review|rating|rate|complain|complaint|praise|canteen"
    r"|food|meals?|lunch|dinner|breakfast|today|today's)\b"
)


def says_more_than_asking(text: str) -> bool:
    """Whether feedback asked for carries words of the resident's own ("菜太咸了", "王师傅"),
    beyond asking for the form ("我要评价食堂"): those are kept as the comment."""
    rest = text.casefold()
    for rule in (_FEEDBACK, _FEEDBACK_SAID, _FEEDBACK_WISH, _FEEDBACK_STATED, _ASKING_ONLY):
        rest = rule.sub(" ", rest)
    rest = strip_punctuation(rest)
    return len(_CJK.findall(rest)) >= 2 or len(_LATIN_WORD.findall(rest)) >= 2


# A long telling-off (or a long song of praise) about the canteen, without the words "投诉" or
# "表扬": many good-or-bad words, or a demand that someone see to it ("你们管不管"); the
# resident's own words are for the feedback path, not the menu's FAQ (newcomer8, item 3)
_SEE_TO_IT = re.compile(r"(?:你们|有没有人|到底)管不管|有没有人管|没人管|越来越(?:差|难吃|不像样)")
_LONG_TELLING = 80  # characters: a rant, not a question with a word or two of taste in it
# Advice wanted of the bot, not feedback given: "给我提点建议", "帮我出个主意"
_ADVICE_WANTED = re.compile(r"(?:给|帮)我(?:们)?(?:提|出)(?:个|点|些|一点|一些)?(?:建议|意见|主意)")
# One's own next lesson, the state of one's own sign-up, where to see it, what one takes this
# term ("我下节课是什么时候", "我报的名成功了没有", "用我的账号报了课 在哪里能看到", "我这学期都
# 上些什么课", "did my registration for the evening class go through?", "what am i booked on",
# "what classes do i have this week", "where can i see what i've signed up for", "我的课表")
_MY_CLASSES_MORE = re.compile(
    r"我(?:的)?下(?:一)?(?:节|堂|次|回|趟)课"
    r"|报(?:的)?名[\u4e00-\u9fff]{0,4}?(?:成功|报上|通过)(?:了)?(?:没有?|吗|伐|么|没)"
    r"|报了(?:课|班|名)[^。？?]{0,10}?(?:在哪|哪里|哪儿|怎么|哪能)(?:里|儿)?(?:能|可以|好)?(?:看|查)"
    r"|(?:在哪|哪里|哪儿|怎么)(?:里|儿)?(?:能|可以|好)?(?:看|查)(?:到|一下)?(?:我|自己)[\u4e00-\u9fff]{0,4}?报了"
    # (not the wish to see which there are: "我想看看有啥课", "我想知道夜校有哪些课")
    r"|我(?:(?!想|知道|看看|问问|了解|打听)[\u4e00-\u9fff]){0,5}?(?:都)?(?:有|上|要上)"
    r"(?:些|哪些|什么|啥|哪几门|些什么|些啥)(?:课|班)"
    r"(?![\u4e00-\u9fff]{0,3}(?:好|合适|比较|适合))"
    r"|我的课表|我的课程表"
    r"|\b(?:did|has|have)\s+my\s+(?:\w+\s+){0,1}(?:registration|sign[\s-]?up|enrol?ment|booking)"
    r"\b[^?]{0,40}?\b(?:go\s+through|gone\s+through|work|worked|succeed|confirmed|accepted)\b"
    r"|\bwhat\s+am\s+i\s+(?:booked|signed\s+up|enrol?led|registered)\s+(?:on|onto|for|in|into)\b"
    r"|\b(?:what|which)\s+(?:classes|courses|lessons)\s+(?:do|will)\s+i\s+have\b"
    r"|\b(?:see|check|find|view)\s+(?:what|which\s+(?:classes|courses))\s+i(?:'ve|\s+have|\s+am|'m)?\s+"
    r"(?:signed\s+up|enrol?led|registered|booked)\b"
    r"|\bmy\s+(?:class\s+)?timetable\b"
)
# A price cut named where a class would be ("is there a discount on night classes"): the fees
_PRICE_CUT = (
    r"(?:(?:an?|any|the)\s+)?"
    r"(?:discounts?|reductions?|concessions?|fees?|prices?|costs?|refunds?)\b"
)
# A course wanted in other words: a bare sign-up with the course ("报名插花课", "报太极班"), a
# class looked for or asked of ("looking for a mandarin class", "is there a beginners' chinese
# class i can join", "any cooking classes i can sign up for"), a class that teaches a thing
# ("找个学英语的班"), a subject to learn and a place to sign up ("想学跳舞 有地方报伐")
_COURSE_WANTED = re.compile(
    r"^\s*(?:我?(?:想|要)?报名?|报名)\s*(?P<zh>[\u4e00-\u9fff]{2,6}?)(?:课程?|班)\s*$"
    r"|(?:找|报|寻)(?:个|一个|一只)?(?:学|教)(?P<zh2>[\u4e00-\u9fff]{1,5}?)的(?:班|课)"
    r"|学(?!习)(?P<zh3>[\u4e00-\u9fff]{2,4}?)\s*[,，]?\s*(?:有|哪里|哪儿|哪能|啥地方)(?:地方|得)?(?:报|学)"
    r"|\b(?:looking\s+for|is\s+there|are\s+there|any|do\s+you\s+(?:have|run|do|offer))\s+"
    r"(?:an?\s+|any\s+|some\s+)?(?:beginners?'?s?\s+|basic\s+)?"
    r"(?P<en>(?!" + _PRICE_CUT + r")[a-z][a-z\s-]{1,20}?)\s+"
    r"(?:class|classes|course|courses|lessons)\b"
    r"(?=[^?]{0,30}\b(?:join|sign\s+up|enrol|take|for\s+(?:foreigners|beginners|seniors|kids|adults)"
    r"|evenings?|weekends?|ideally)\b|\s+for\s+\w+)"
)
# Events of a kind or a festival's, asked whether held ("端午节中心搞不搞包粽子活动", "有没有亲子
# 活动可以报名", "亲子活动", "anything on for children at the weekend")
_EVENTS_MORE = re.compile(
    r"(?:搞不搞|办不办|有没有搞|有没有办|组不组织|举不举办|有没有)[\u4e00-\u9fff]{0,8}?活动(?![室中空])"
    r"|(?:亲子|老年人?|小朋友|儿童|孩子|小孩|家庭|节日|暑期|暑假|寒假)(?:的)?活动(?![室中空])"
    r"|\b(?:anything|something)\s+(?:on|going\s+on|happening|fun)\s+for\s+(?:the\s+)?(?:kids|children"
    r"|families|seniors|elderly|older\s+people|teens?|teenagers)\b"
)
# A favour asked of the centre's people, or where one's own case stands: only a person can
# answer ("能不能帮我留两个午饭位", "安排人把报告送上门", "我的社保转移办到哪一步了", "材料交
# 上去快一个月了 想问问什么情况", "can someone check whether my father's application has been
# approved", "could a staff member help me fill in the form")
# one's own record got wrong, to be put right: "名字打错了", "证书上名字写错了", "my name is
# misspelt on the certificate"
_RECORD_WRONG_CUE = re.compile(r"错|wrong|missp|incorrect|mistyp")  # (cheap, first)
_RECORD_WRONG = re.compile(
    r"(?:名字|姓名|信息|身份证号?|手机号|电话号码?|出生日期|生日)[^。？?，,]{0,6}?(?:打错|写错|填错|登记错|弄错|拼错|印错)"
    r"|\b(?:name|details|date\s+of\s+birth|id\s+number)\b[^.?]{0,30}?\b(?:misspelt|misspelled|spelt\s+wrong"
    r"|spelled\s+wrong|wrong|incorrect|mistyped)\b"
)
_FAVOUR_OR_CASE = re.compile(
    r"(?:名字|姓名|信息|身份证号?|手机号|电话号码?|出生日期|生日)[^。？?，,]{0,6}?(?:打错|写错|填错|登记错|弄错|拼错|印错)"
    r"[^。？?]{0,20}?(?:改|更正|修改|弄一下|帮)"
    r"|\b(?:name|details|date\s+of\s+birth|id\s+number)\b[^.?]{0,30}?\b(?:misspelt|misspelled|spelt\s+wrong"
    r"|spelled\s+wrong|wrong|incorrect|mistyped)\b[^?]{0,40}?\b(?:change|correct|fix|amend)"
    r"|"
    r"(?:帮我|帮忙|替我|给我|帮伊|帮他|帮她)(?:们)?(?:留|预留|占)(?:个|两个|一个|一份|几个|两份|几份)?(?:位|座|饭|午饭|座位|位子|位置)?"
    r"|(?:能不能|可不可以|可以|能|麻烦|请|帮忙)[\u4e00-\u9fff]{0,2}?(?:安排|派)(?:个|一个)?(?:人|工作人员|志愿者)"
    r"|(?:帮我|帮忙|替我|帮伊)(?:们)?(?:问问|问一下|查查|查一下|看看|看一下)[^。？?]{0,12}?(?:批|通过|办好|好了|到哪|进度|情况)"
    r"|(?:帮我|帮忙|替我)(?:们)?填(?:一下|个|张)?(?:表|单)"
    r"|(?:申请|材料|手续|资料|报销|转移|补办|续签|办理)[^。？?]{0,16}?(?:办到哪|到哪一步|到什么程度|进度|什么情况|怎么样了"
    r"|有下文|有没有下文|有回音|有消息|通过了?(?:没有?|吗|伐)|有没有通过|批下来了?(?:没有?|吗|伐)|批了没)"
    r"|批下来(?:没有?|伐)"
    # a service applied for that has not come, or a proxy's errand asked of staff (round
    # twenty-six, dev98): "我上礼拜申请的送餐到现在还没送来", "登记的助浴一直没人来", "能不能帮我
    # 代办居住证明", "my mum's meal delivery I applied for still hasn't arrived"
    r"|(?:申请|订|报名|登记|预约|约好)(?:了|过)?[^。？?]{0,12}?(?:还|到现在|至今|一直)(?:都|还)?(?:没|没有)"
    r"(?:送来|送到|送过来|到|来|到账|下来|批|消息|回音|人来|人联系|联系|上门|动静)"
    r"|(?:能不能|可不可以|可以|能|麻烦|请)[\u4e00-\u9fff]{0,2}?帮(?:我|伊|他|她|我们|阿拉)(?:们)?"
    r"(?:代办|代领|代交|代签|代取|代为)"
    r"|\b(?:applied|signed\s+up|ordered|registered|booked)\b[^?.]{0,50}?\b(?:still\s+)?(?:(?:has|have|did)"
    r"(?:n\W?\s?t|\s+not)|never)\s+(?:come|arrived|started|been\s+delivered|turned\s+up|shown\s+up)\b"
    r"|\b(?:do|handle|apply\s+for|collect|pick\s+up)\b[^?.]{0,40}?\bon\s+(?:my|his|her|our)\s+"
    r"(?:[a-z]+\W?\s?s\s+)?behalf\b"
    r"|\b(?:can|could|would)\s+(?:someone|somebody|anyone|a\s+staff\s+member|a\s+member\s+of\s+staff"
    r"|staff|one\s+of\s+(?:you|your\s+staff)|a\s+volunteer|a\s+person)\s+(?:please\s+)?"
    r"(?:check|find\s+out|tell\s+me\s+(?:if|whether)|look\s+into|call\s+me|help\s+me\s+(?:fill|with\s+(?:my|the)\s+form))\b"
    r"|\b(?:has|have|was|were|is)\s+(?:my|his|her|our)\s+(?:\w+'?s?\s+){0,4}(?:application|request|claim|form"
    r"|registration|paperwork|transfer|renewal|replacement)s?\s+(?:been\s+)?(?:approved|accepted|processed"
    r"|received|granted|done)\b"
    # …asked whether it went through ("did my senior card application go through")
    r"|\b(?:did|has|have)\s+(?:my|his|her|our)\s+(?:\w+'?s?\s+){0,4}(?:application|request|claim|form"
    r"|registration|paperwork|transfer|renewal|replacement)s?\s+(?:go|gone|come)\s+through\b"
    r"|\b(?:applied|submitted|sent\s+in|handed\s+in)\b[^?]{0,50}?\b(?:accepted|approved|granted|processed"
    r"|went\s+through)\b"
    r"|\bwhat(?:\s?'?\s?s|\s+is)\s+the\s+status\b|\bstatus\s+of\s+(?:my|his|her|our)\b"
    r"|\bcheck\s+on\s+(?:my|his|her|our)\b"
    # a card or paper applied for, asked whether it is ready: a case of one's own ("my wife
    # applied for her senior card two weeks ago - is it ready?", "上个月申请的敬老卡做好了没")
    r"|\b(?:applied|submitted|sent\s+in|handed\s+in)\b[^?]{0,60}?\b(?:is|are)\s+(?:it|they|hers|his"
    r"|mine|the\s+card)\s+(?:\w+\s+)?(?:ready|done|finished)\b"
    r"|(?:申请|补办|申领)(?:了|过)?的?[^。？?]{0,12}?(?:做好|办好|好|能拿|可以拿|能领|可以领)了?(?:没有?|吗|伐)"
)
_MY_CLASSES = re.compile(
    r"我(?:都|已经)?(?:报|报名|选|参加|上)了(?:哪些|什么|几[门个节堂]|那些|哪几[门个节堂]|哪门)?(?:课|班)|报上(?:了)?没有?|有没有报上|我的(?:课程?|班|报名)"
    r"|我(?:报|选)的(?:课|班)|我(?:有没有|是不是)报上|报上了没|排到第几"
    rf"|{MY_OWN_BAO_GE}"  # "阿拉报个太极班是礼拜几上": 个 for 的, one's own (round thirty)
    r"|\bmy\s+(?:classes|courses|enrol?ments?|bookings?)\b"
    r"|\b(?:am\s+i|i'?m)\s+(?:still\s+)?on\s+the\s+wait(?:ing)?\s*list\b|\bmy\s+wait(?:ing)?\s*list\b"
    r"|\b(?:what|which)\s+(?:class(?:es)?|courses?)\s+(?:did|have|am)\s+i\b|\bam\s+i\s+(?:enrol?led|signed\s+up)\b"
    # "the classes I'm signed up for", "what have I registered for"
    r"|\b(?:classes|courses)\s+(?:that\s+)?(?:i'?m|i\s+am|i'?ve|i\s+have)\s+(?:been\s+)?"
    r"(?:signed\s+up|enrol?led|registered|booked)\b"
    r"|\bwhat\s+(?:am|have)\s+i\s+(?:been\s+)?(?:signed\s+up|enrol?led|registered)\s+(?:for|in)\b"
    r"|\bwhat\s+did\s+i\s+(?:sign\s+up|register|enrol?l?|book)\s+(?:for|in|on)\b"  # "…again?"
    r"|我(?:报名|报|选|参加)过?的[\u4e00-\u9fff]{0,6}?(?:课|班)|我报过"
    r"|我[\u4e00-\u9fff]{0,4}?(?:报|报名|选|参加|上)(?:着|了|过)(?:哪些|什么|几[门个节堂]|哪几[门个节堂]|哪门)(?:课|班)"
    # "我之前报的课", "我上个月报的那几门夜校课": the resident's own sign-ups, a time between
    r"|我[\u4e00-\u9fff]{1,5}?(?:报名|报|选|参加)过?的[\u4e00-\u9fff]{0,8}?(?:课|班)"
    r"|候补.{0,8}?(?:第几|排到|几位|几号)|排(?:在)?第几"
    r"|\b(?:classes|courses)\s+(?:that\s+)?i(?:'ve|\s+have)?\s+(?:signed\s+up|enrol?led|registered"
    r"|booked|joined)\b"
    r"|\b(?:which|what)\s+(?:classes|courses)\s+am\s+i\b"
    # with the kind of class between: "我的夜校课程", "which evening classes am i registered for"
    r"|我的(?:夜校|晚间|夜间|兴趣|培训)的?(?:课程?|班)"
    r"|\b(?:which|what)\s+(?:evening|night(?:\s+school)?|\w+)\s+(?:classes|courses)\s+(?:am|did|have)\s+i\b"
    r"|\bwhat\s+am\s+i\s+(?:enrol?led|signed\s+up|registered)\b"
    # the next lesson of one's own, the record of one's sign-ups, the class signed up last time
    r"|\b(?:when|what\s+time|what\s+day)\s+is\s+my\s+(?:next\s+)?(?:lesson|class)\b|\bmy\s+next\s+(?:lesson|class)\b"
    r"|\bmy\s+(?:\w+\s+)?(?:class|course)\s+(?:bookings?|enrol?ments?|registrations?|schedule)\b"
    # …by the school's name, or signed up (round twenty-eight, dev108): "check my night school
    # sign-ups", "my evening class sign-ups", "my night-school enrolments"
    # (the list, in the plural or checked; not the act to be done: "how do i do my night school
    # registration", "where do i finish my night school enrolment"; a second reader, r2)
    r"|\bmy\s+(?:(?:night|evening)[\s-]school|(?:\w+\s+)?(?:class|course))\s+(?:sign[\s-]?ups"
    r"|enrol?l?ments|registrations|bookings)\b"
    r"|\b(?:check|see|view|show|look\s+(?:at|up)|confirm)\s+(?:me\s+)?my\s+(?:night|evening)[\s-]school\s+"
    r"(?:sign[\s-]?up|enrol?l?ment|registration|booking)\b"
    r"|报名\s*记录|\bmy\s+报名"
    r"|(?:上次|之前|上回|上个月|前几天|以前|前两天)报(?:名)?的(?:那个|那门|那几个|那几门)?(?:班|课)"
    r"|报名成功的(?:课程?|班)|报上的(?:课|班)"
    r"|报了(?:个|一个|几个|几门)?(?:班|课)[^。？?]{0,10}?(?:不晓得|不知道|忘了|记不得|记不清)"
)
# Money back for a course ("报了夜校又去不了 钱退得回来伐", "do i get my money back"): the fees
_REFUND = re.compile(
    r"退(?:钱|款|费|学费|得回|得出|回来|还|不退)|钱(?:能|可以|还能)?退|能退|可以退|退吗|退伐"
    r"|\bmoney\s+back\b|\brefund"
)
# Money paid and got back, in other words ("交了钱不想上了能拿回来伐"): a refund
_MONEY_BACK = re.compile(
    r"(?:交了|付了|交的|付的|花了)(?:的)?(?:钱|钞票|学费)[^。？?]{0,10}?(?:拿回来|拿得回|要回来|要得回|还给我)"
)
_TERM_NAMED = re.compile(r"\b(?:this|next|coming|last|autumn|spring|summer|fall)\s+term\b")
_SIGNED_UP = re.compile(
    r"报(?:了|过)?名|报了|报过|交了|\b(?:sign(?:ed)?\s+up|signing\s+up|enrol\w*|register\w*|join\w*)\b"
)
# (not "我想上完课去锻炼": a lesson finished, the time of another plan)
# A subject taught that a place's alias also matches ("photography" is near "photographer")
_SUBJECT_LIKE_A_PLACE = re.compile(r"(?:the\s+)?(?:photography|摄影)")
_COURSE = re.compile(
    # (not 报销 "claim expenses", 报警, 报税, 报案, 报账)
    r"(?<![不没别])(?:我要|我想|想要|想|要|帮我|给我)\s*(?:报名|报(?![销警税案账])|参加|学|上(?!班|学|午|面|次|回|楼|网|去|来|了|过|着|完|好课)|选)(?:一下|个)?(?:参加)?\s*(?P<zh>(?![了过])[\u4e00-\u9fffa-z]{1,8}?)"
    r"(?:课程|课|班|的课)?(?:$|[\s,.!?，。！？吗呢吧]|可以|行|怎么)"
    r"|\b(?:sign\s+(?:me\s+)?up|enrol?l?|register|join)\s+(?:me\s+)?(?:for|in|to)?\s*(?:the\s+|a\s+)?"
    r"(?P<en>[a-z][a-z\s-]{1,20}?)\s*(?:class|course|lessons?)\b"
)
# "想给我孙子报个英语班", "can I sign up for tai chi", "I want to learn calligraphy"
_COURSE_NAMED = re.compile(
    r"(?:报|报名|参加)(?:个|一个)(?P<zh>[\u4e00-\u9fff]{2,6}?)(?:班|课)"
    r"|\b(?:sign\s+(?:me\s+)?up\s+for|enrol?l?\s+(?:me\s+)?in|register\s+me\s+for|join|learn"
    r"|take(?=.*\b(?:class|course|lesson)))"
    r"\s+(?:the\s+|a\s+|some\s+)?(?P<en>[a-z][a-z\s-]{1,20}?)\s*(?:class(?:es)?|courses?|lessons?)?"
    r"(?:\s+(?:at|in|with|from)\s+(?:the\s+)?(?:night\s+school|evening\s+class(?:es)?|centre|center|you))?"
    r"\s*(?:$|[,.!?]|\bis\b)"
)
_NOT_A_COURSE = re.compile(
    r"^(?:(?:on|in|at|my|your|our)\b.*|night\s+school|evening|night|classes|courses?|class|volunteer\w*|a|the|it|them|this|that"
    # when, not what: "the after-work lessons" are the night school's
    r"|after[\s-]?work|after[\s-]?hours|weeknight|nightly"
    # how the sign-up is made: "enrol for evening classes online"
    r"|online|in\s+person|by\s+phone|over\s+the\s+phone"
    # a verb before "classes", no subject: "which days does the night school have classes"
    r"|have|has|hold|holds|run|runs|does"
    r"|夜校|课|下班后的?|下班以后的?)$"
)
_COURSE_ASKED = re.compile(  # "有没有教手机摄影的课", "夜校有咖啡拉花的课伐"
    r"有(?P<neg>没有)?(?:教|开)?(?P<zh>[\u4e00-\u9fffa-z]{2,8}?)(?(neg)的?|的)"
    r"(?:课程?|(?<![上下值加坐早晚夜白轮换])班)"  # "有没有人上班" is at work, not a class
    r"|(?:\b(?:is\s+there|are\s+there|do\s+you\s+have)\s+(?:an?\s+|any\s+)?|^\s*(?:any|got\s+any)\s+)"
    # (its level is no subject: "is there a beginners' guitar course", "any advanced yoga classes")
    r"(?:(?:beginners?'?s?'?|beginning|intermediate|advanced|intro(?:ductory)?|basic)\s+)?"
    # (a price cut on classes is the fees: "is there a discount on night classes")
    r"(?P<en>(?!" + _PRICE_CUT + r")[a-z][a-z\s-]{1,20}?)"
    r"\s*(?:class|classes|course|courses|lessons)\b"
)
# The night school asked whether it has a subject, with no class word ("夜校有瑜伽吗 想报名",
# "night school有pottery吗"): the subject, when the wish to sign up is said elsewhere
_COURSE_AT_SCHOOL = re.compile(
    r"夜校\s*(?:有没有|有)\s*(?!没|名额|位|空位|课|班|人|老师|优惠|折扣|活动)"
    r"(?P<zh>[\u4e00-\u9fff]{2,4}?|[a-z][a-z ]{1,20}?)\s*(?:吗|伐|么|呢|(?=\s)|$)"
)
# "夜校有太极拳课伐": a course asked about without 的
_COURSE_ASKED_BARE = re.compile(
    # (a number is a count, "有两个班吗", unless a subject begins with it: "有二胡班伐")
    r"有(?:没有)?(?:教|开)?(?![什哪几啥多没])"
    r"(?![一二两三四五六七八九十]\s*(?:个|门|节|次|期|种|样|堂|点|天|周|号|位|名|[一二两三四五六七八九十]))"
    r"(?P<zh>(?:(?![的有])[\u4e00-\u9fff]){2,6}?)(?:课程?|(?<![上下值加坐早晚夜白轮换])班)(?=吗|么|呢|$|\s)"
    r"|\b(?:is|are)\s+there\s+(?:an?\s+|any\s+)?"
    r"(?P<en>(?!" + _PRICE_CUT + r")[a-z][a-z\s-]{1,20}?)"
    r"\s+class(?:es)?\b"
)
# A doing wished to learn ("唱歌", "画画", "做蛋糕"), not a subject's name ("上海话")
_DOING_WISHED = re.compile(
    r"(?:唱|跳|画|弹|拉|吹|写|做|烧|弄|搞|包|拍|织|缝|种|养|修)[\u4e00-\u9fff]"
)
# A class asked by its own name after a wish to learn: "我想学唱歌 有声乐班没有"
_CLASS_ASKED_AFTER = re.compile(
    r"有(?:没有)?(?![什哪几啥多没一二两三四五六七八九十这那伐吗])"
    r"(?P<zh>(?:(?![的有种样])[\u4e00-\u9fff]){2,6}?)(?:课程?|(?<![上下值加坐早晚夜白轮换])班)"
    r"(?=吗|么|呢|伐|没有|没|$|[\s?？,，。!！])"
)
# Places left on a course named: "咖啡拉花课还有名额伐", "is the pottery class full"
_COURSE_SEATS = re.compile(
    r"(?P<zh>(?:(?![的有])[\u4e00-\u9fff]){2,6}?)(?:课程?|班)(?:还)?(?:(?:有没有|有)(?:名额|空位|位子|位置)"
    # can one still sign up: "书法课还好报伐", "国画班还能报吗"
    r"|好报|能报|可以报|报得上|报得进|报得了|能不能报|可不可以报)"
    r"|\b(?:is|are|does|do)\s+(?:the\s+)?(?P<en>[a-z][a-z\s-]{1,20}?)\s+class\s+(?:still\s+)?(?:full|(?:has|have)\s+"
    r"(?:any\s+)?(?:places|spots|room|spaces))\b"
    # the night school's subject, no class word: "夜校英语口语还有名额吗"
    r"|夜校\s*的?\s*(?P<zh2>(?:(?![的有还])[\u4e00-\u9fff]){2,6}?)\s*(?:还)?(?:有没有|有)(?:名额|空位|位子|位置)"
)
# What is taught, without 课 or 班: "夜校有没有教毛笔字的"
_COURSE_TAUGHT = re.compile(
    r"有没有(?:人)?教(?P<zh>[\u4e00-\u9fff]{1,6}?)的(?=$|[吗呢啊伐么\s,，。？?])"
)
# A course named first, then the wish: "智能手机班 教老人用微信付钱那种 我想报名"
_COURSE_LEADING = re.compile(r"\s*(?P<zh>[\u4e00-\u9fff]{2,6}?)(?:课程?|班)(?=[\s,，])")
# A course named in letters inside Chinese: "coffee class还有名额吗", "报名周五的yoga class"
_COURSE_LATIN = re.compile(
    r"(?P<en>[a-z][a-z\s-]{1,20}?)\s*(?:class|course)\s*(?:还)?(?:有没有|有)(?:名额|空位|位子|位置)"
    r"|(?:报名|报|想报|要报)[\u4e00-\u9fff]{0,4}?的?\s*(?P<en2>[a-z][a-z\s-]{1,20}?)\s*(?:class|course)\b"
)
# A course pointed at by a demonstrative: "夜校那个咖啡拉花课 我要报一个", "that pottery class".
_COURSE_POINTED = re.compile(
    r"(?:那个|这个|那门|这门|那种)(?P<zh>[\u4e00-\u9fff]{2,8}?)(?:课程?|班)"
    r"|\b(?:that|this)\s+(?P<en>[a-z][a-z\s-]{1,20}?)\s*(?:class|course)\b"
)
# A subject to learn and where or how to sign up ("我想学书法 怎么报", "老年人学太极拳哪里报",
# "I'd love to try the dance class, how do I join"): that course, asked how
_COURSE_HOW = re.compile(
    # (not the sign-up asked itself: "夜校现在能报名吗 在哪报" has no subject)
    r"(?:学(?!习)|报(?:名)?)(?P<zh>(?:(?![吗伐呢吧么])[\u4e00-\u9fff]){2,5}?)(?:课程?|班)?\s*[,，]?\s*"
    r"(?:哪里|在哪|怎么|到哪|去哪)(?:里|儿)?(?:报|报名|学)"
    r"|\b(?:try|join|take|learn|do)\s+(?:the\s+|a\s+|some\s+)?(?P<en>[a-z]+(?:\s+[a-z]+)?)\s+"
    r"(?:class|course|lessons?)\b[^?]{0,20}\bhow\s+(?:do|can|could)\s+i\b"
)
# Whether a course named takes people, when it starts, whether a teacher teaches it, whether
# there is one ("合唱班收人伐", "国画班什么时候开", "广场舞有老师教伐", "水彩画课程有吗",
# "any spots left in the english class?", "yoga class for beginners?")
_COURSE_ABOUT = re.compile(
    r"(?P<zh>(?:(?![的有学报])[\u4e00-\u9fff]){2,6}?)(?:的)?(?:课程?|(?<![上下值加坐早晚夜白轮换])班)(?:还)?(?:收人|收不收人|招人|招不招人|满了没|满了吗|满没满"
    r"|什么时候开|啥时候开|几时开|哪天开|几号开|有吗|有伐|有没有|有不)"
    r"|(?P<zh2>(?:(?![的有学报])[\u4e00-\u9fff]){2,5}?)有(?:没有)?老师教"
    r"|\b(?:any|some)\s+(?:spots|places|spaces|seats|room)\s+(?:left\s+)?(?:in|on|for)\s+(?:the\s+)?"
    r"(?P<en>[a-z][a-z\s-]{1,20}?)\s+(?:class|course)\b"
    r"|^\s*(?P<en2>[a-z]+(?:\s[a-z]+)?)\s+(?:class|course)(?:es)?\s+for\s+(?:beginners|seniors|kids|adults)\b"
)
_SIGN_UP = re.compile(r"报名|想报|要报|报一个|报个|参加|名额|\b(?:sign\s+up|join|enrol)")
_HOW_TO = re.compile(r"怎么|如何|在哪|哪里|流程|手续|\bhow\b|\bwhere\b")
_EVENTS = re.compile(
    r"(?:有|有没有|最近|近期|这周|本周|周末|今天|明天)?(?:什么|哪些|啥)?活动(?![室中空])(?:吗|呢|安排|报名|通知|信息)?"
    r"|\b(?:what|any|upcoming)\s+(?:events|activities)\b|\bevents?\s+(?:this|next|coming|on)\b"
    r"|\bwhat'?\s?s\s+on\b(?!\s+(?:the\s+)?(?:menu|today'?\s?s\s+menu))"
)
_EVENTS_STRONG = re.compile(
    r"(?:什么|哪些|啥|最近|近期|有没有)活动(?![室中空])|活动(?:安排|通知|信息)"
    r"|(?:有没有|有什么|有哪些|什么时候有)(?:讲座|展览|演出|比赛|联欢|晚会|表演)"
    r"|\b(?:events|activities)\b|what'?\s?s\s+on\b(?!\s+(?:the\s+)?(?:menu|today'?\s?s\s+menu))"
    r"|\bwhat'?\s?s\s+(?:happening|going\s+on)\s+(?:at|in)\b"
    r"|(?:什么|哪些|啥)[\u4e00-\u9fff]{0,4}活动(?![室中空])"
    r"|(?:有|有没有|有什么|有啥|最近)[\u4e00-\u9fff]{0,6}(?:讲座|展览|演出|沙龙|路演|工作坊|比赛|联欢|晚会|表演)"
    # a talk on a topic told at length: "有没有关于认知症照护的讲座", "有没有讲老年人防诈骗的讲座"
    r"|(?:有|有没有|有什么|有啥|最近)(?:关于|有关|讲)[\u4e00-\u9fff]{1,12}?的?(?:讲座|沙龙|工作坊|展览)"
    r"|有没有[\u4e00-\u9fff\s、,，]{1,14}?(?:之类|这样|那样|一类)?的活动(?![室中空])"
    r"|\b(?:talks|workshops|lectures|exhibitions|shows)\b"
    # what is organised, what one can join, anything fun on ("社区最近组织啥", "中秋有没有搞猜灯谜
    # 之类的", "周末带小孩可以参加什么", "anything fun going on this weekend", "what's coming up")
    r"|(?:搞|组织|举办)(?:了)?(?:啥|什么|点啥|点什么|哪些)(?!课|班|手续|证|卡|名堂|鬼)"
    r"|有没有(?:搞|组织|举办)[\u4e00-\u9fff]{1,8}?(?:之类|这类|这样|那样)"
    r"|(?:可以|能)参加(?:什么|啥|哪些)"
    r"|\banything\s+(?:fun|interesting|going\s+on|happening)\b(?!\s+(?:with|to)\b)"
    r"|\bwhat'?\s?s\s+coming\s+up\b(?=\s*(?:[?.!]|$|at\b|in\b|this\b|next\b|for\b|around\b|here\b))"
    # a kind of talk or show named, then whether there is one again ("健康讲座…最近还有没有",
    # "那种演出还有伐", "any more of those talks")
    r"|(?:讲座|展览|演出|沙龙|工作坊|联欢会?|晚会|表演)[^。？?]{0,16}?(?:最近|近期|还|再)(?:有没有|有伐|有吗|有么|办不办|搞不搞)"
    # whether anything is on, asked yes or no after a day or the centre ("这周末有活动吗",
    # "礼拜六中心有活动不", "你们这边最近会有活动吗"): as "有什么活动"
    r"|(?:周末|这周|本周|下周|今天|明天|后天|最近|近期|这几天|礼拜[一二三四五六天日]|星期[一二三四五六天日]"
    r"|周[一二三四五六日天]|中心|驿站|你们|这边|这里)[\u4e00-\u9fff]{0,4}?(?:有|会有|还有)活动(?![室中空])"
    r"(?:吗|伐|么|呢|没|不)"
)
# Events to come asked after a past one told ("上次那个讲座蛮好 最近还有没有", "想再去听听"):
# the list of those to come, not events gone by
_EVENTS_TO_COME = re.compile(
    r"最近|近期|还有没有|还有伐|还有吗|再去|再办|再搞|下次|下回|接下来|以后还"
    r"|\b(?:upcoming|coming\s+up|again|any\s+more|another\s+one)\b"
)
# words that ask which, not a subject ("这学期开了哪些课 去哪里报名")
# a term or season named in a class's place: no subject ("春季班", "秋季的课", "spring term")
_TERM_ONLY = re.compile(
    r"(?:夜校的?)?(?:春|夏|秋|冬)季(?:学期)?(?:的)?|暑期|寒假|暑假|新学期|下学期|这学期|本学期|下一期|新一期"
    r"|(?:the\s+)?(?:spring|summer|autumn|fall|winter|new|next)(?:\s+term)?(?:\s+(?:night|evening))?"
)
_NOT_A_SUBJECT = re.compile(r"哪|什么|啥|几|开了|学期")
# A class's topic that only says whose it is ("cancel my class", "取消我的课")
_ONLY_MINE = re.compile(r"my|our|the|我的?|我们的?|阿拉的?|自己的?|我报的")
_SPORTS_TEAM = re.compile(
    r"世界杯|奥运|亚运|国足|男足|女足|中国队|国家队|球队|\bworld\s+cup\b|\bolympics?\b"
)
_OTHER_DISTRICT = re.compile(
    r"(?:浦东|长宁|静安|徐汇|黄浦|虹口|杨浦|闵行|宝山|嘉定|松江|青浦|奉贤|金山|崇明)(?:新区|区)"
)
# Another owner's events ("长风公园最近有啥活动", "学校这周末有活动吗"), unless ours are named too
_EVENTS_ELSEWHERE = re.compile(
    r"公园|商场|图书馆|博物馆|美术馆|科技馆|小区|物业|居委|学校|幼儿园|医院|寺|庙|教堂|单位|公司"
    r"|\b(?:park|mall|library|museum|school|church|temple)s?\b"
)
_EVENTS_OURS = re.compile(r"中心|驿站|你们|\b(?:centre|center|station|you)\b")
_ID_PHOTO = re.compile(r"\b(?:passport|visa)\s+(?:photo|picture|pic)s?\b")
# A class or a place named in English inside a Chinese question ("我下一节 class 是什么时候",
# "有哪些 venues 开门呀")
_LATIN_NOUN = re.compile(
    r"\s*\b(?:(?P<cls>class(?:es)?|courses?|lessons?)|venues?|places?|facilities|facility)\b\s*"
)
# Topic words typed in English inside a Chinese question ("今天canteen menu是啥", "gym card怎么办",
# "这周末有啥activity吗", "canteen今天有dinner吗"): the Chinese words the rules read
_LATIN_TOPIC = {
    "menu": "菜单", "card": "卡", "activity": "活动", "activities": "活动", "event": "活动",
    "events": "活动", "breakfast": "早饭", "lunch": "午饭", "dinner": "晚饭", "cancel": "取消",
    # a booking typed in English ("book个studio 周末乐队排练", "想reserve一下活动室")
    "book": "预约", "booking": "预约", "reserve": "预约",
}  # fmt: skip
# A place's English name ends in a word for a place ("night school", "legal aid", "gym"), not
# in a thing or a person ("passport photo", "lawyer", "classes"): read as its Chinese name
_PLACE_WORD = re.compile(
    r"(?:room|studio|station|cent(?:re|er)|window|counter|school|space|hall|desk|canteen|gym"
    r"|clinic|aid)s?$"
)
_LATIN_LETTER = re.compile(r"[a-z]")
_LATIN_LETTER_OR_DIGIT = re.compile(r"[a-z0-9]")


def _latin_words_sub(pattern: re.Pattern[str], words: dict[str, str], text: str) -> str:
    """``text`` with each English word of ``words`` (matched by ``pattern``, spaces around it
    included) replaced by its Chinese word, the spaces kept only beside English or figures."""

    def chinese(match: re.Match[str]) -> str:
        start, end = match.span()
        before = " " if start and _LATIN_LETTER_OR_DIGIT.match(text[start - 1]) else ""
        after = " " if end < len(text) and _LATIN_LETTER_OR_DIGIT.match(text[end]) else ""
        return before + words[match.group("word")] + after

    return pattern.sub(chinese, text)


def _latin_words(words: Iterable[str]) -> re.Pattern[str]:
    """Each of ``words`` (longest first) as a whole English word, with the spaces around it."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"\s*(?<![a-z])(?P<word>{alternatives})(?![a-z])\s*")


_LATIN_TOPIC_RE = _latin_words(_LATIN_TOPIC)
# A sentence to translate, even one naming a venue: "把这句翻译成英文 食堂明天开门吗",
# "how do you say 'the gym is closed' in chinese"
_TRANSLATE = re.compile(
    r"翻译|翻成(?:中文|英文|英语|上海话)|\btranslat(?:e|ion|ing)\b|\bhow\s+(?:do|would)\s+(?:you|i)\s+say\b"
    # a word's name in another language: "how to say 健身房 in english", "night school用中文怎么说",
    # "食堂英文叫什么"
    r"|\bhow\s+(?:to|can\s+i|should\s+i)\s+say\b"
    r"|(?:用)?(?:中文|英文|英语|汉语|普通话|上海话|粤语|广东话)(?:里)?(?:怎么|咋|如何)(?:说|讲|写|念)"
    r"|(?:中文|英文|英语)(?:名字)?(?:叫|是)(?:什么|啥)"
)
_PERMIT_PHOTO = re.compile(r"\b(?:photo|picture|pic)s?\s+for\s+(?:my|his|her|the|a)\b")
# An exam, a school or a document that a photo is wanted for, and the photo asked
_PHOTO_REASON = re.compile(
    r"上大学|考大学|考上|高考|中考|考研|复旦|交大|同济|[\u4e00-\u9fff]{0,2}(?:护照|签证|通行证)"
)
_PHOTO_NEEDED = re.compile(
    r"(?:要|需要|交|贴|用)[\u4e00-\u9fff]{0,4}?照片|证件照|(?:拍|照)[\u4e00-\u9fff]{0,3}?(?:照片|相)"
    r"|照片[\u4e00-\u9fff\s]{0,8}?(?:拍|照)|\b(?:photos?|pictures?|pics?)\s+for\b"
)
# Whether the place has a thing: "健身房有淋浴吗", "有没有教练", "can i bring a guest"
# Whether a thing is there or must be brought ("does the gym have towels or do i bring my own",
# "有毛巾吗 还是要自己带"): the thing asked, not what to bring to sign up
_BRING_OWN = re.compile(
    r"\bor\s+(?:do|should|must|shall)\s+i\s+(?:need\s+to\s+|have\s+to\s+)?bring\s+(?:my|our)\s+own\b"
    r"|\bor\s+bring\s+(?:my|our)\s+own\b|还是(?:要|得|需要)?自己带"
)
# The whole place hired for a party of one's own ("食堂能不能包场给公司聚餐", "can we hire out
# the whole canteen"): for a person to decide, none of our entries tells it
_HIRED_WHOLE = re.compile(
    r"包场|包下来|整个(?:包|租)|\b(?:hire|rent|book)\s+(?:out\s+)?the\s+(?:whole|entire)\b"
    r"|\bprivate\s+(?:party|event|function|hire)\b|\bexclusive\s+use\b"
)
# A room of ours used to earn money: teaching for pay, a business, a commercial shoot
_COMMERCIAL_USE = re.compile(
    r"\bteach\w*\s+(?:\w+\s+)?(?:paid|private|paying)\s+(?:lessons?|classes|students|clients)\b"
    r"|\b(?:paid|paying)\s+(?:lessons?|classes|tuition|tutoring|workshops?|clients|students)\b"
    r"|\bcommercial(?:ly)?\b|\bfor\s+(?:a\s+)?profit\b|\brun\s+(?:my|a|our)\s+(?:\w+\s+)?business\b"
    r"|\bcharge\s+(?:my\s+)?(?:students|people|attendees|customers)\b"
    r"|收费(?:教|上课|授课|培训|办班)|(?:教|带)(?:学生|学员)[\u4e00-\u9fff]{0,4}(?:收钱|收费|赚钱)"
    r"|(?:开|办)(?:个)?培训班[\u4e00-\u9fff]{0,4}(?:收钱|收费)|商用|商业(?:用途|活动|拍摄)|营利|盈利"
    # (a room used for trade, not the resident's trade told: "做生意的人能来食堂吃饭吗")
    r"|(?:用来|拿来|用于|来这里|在这里|在这儿|在里面|在里头)做生意"
)
_HAS_THING = re.compile(
    r"有(?:没有)?[\u4e00-\u9fff]{1,4}(?:吗|伐|么|不)|有没有[\u4e00-\u9fff]{1,4}"
    r"|\b(?:is|are)\s+there\s+(?:an?|any)\b|\bdo(?:es)?\s+(?:you|it|they)\s+have\b"
    # the place named in between, blanked: "does the gym have towels"
    r"|\bdoes\s+the\s+(?:[a-z]+\s+){0,2}have\b"
    r"|\bcan\s+i\s+bring\s+(?:a|my)\s+(?:guest|friend|kid|child|dog)"
    # a thing done there that the entry does not tell: "健身房能洗澡吗", "可以存包伐",
    # "can I take a shower at the gym"
    r"|(?:能|可以|可不可以|能不能|好)(?:洗澡|洗个澡|冲澡|冲个澡|淋浴|换衣服|存包|存东西|寄存|充电|喝水|带小孩|带孩子|带狗)"
    r"|\b(?:can|could)\s+(?:i|you|we|one)\s+(?:take\s+a\s+|have\s+a\s+|get\s+a\s+)?"
    r"(?:shower|wash|bathe|change|store|leave\s+my|charge)\b"
)
# A claim heard, and whether it is true: "…says creatine is bad for kidneys, true?", "听说…是真的吗"
_CLAIM_CHECKED = re.compile(
    r"(?:听说|听人(?:讲|说)|有人(?:讲|说)|据说|人家(?:讲|说)|网上(?:讲|说)|讲|说)"
    r"[\u4e00-\u9fff\w\s,，]{2,40}?(?:真的假的|是真的吗|是不是真的|真的吗|真的伐|对吗|对伐|有道理吗|靠谱吗|可信吗)"
    r"|\b(?:says?|said|reckons?|claims?|told\s+me|heard|swears?)\b.{3,80}?"
    r"(?:\b(?:true|right|correct|a\s+myth|legit|so)\s*\?|\bis\s+(?:that|this|it)\s+(?:true|right|so)\b)"
    r"|\bis\s+it\s+true\s+(?:that\s+)?\w"
)
# …about the centre's own facts: "听说老人拍照勿要钞票 是真的伐", "the gym is shut"
_OUR_FACT_HEARD = re.compile(
    r"开|关|休息|放假|钱|钞票|免费|收费|涨价|便宜|贵|带|材料|证件|身份证|预约|报名|搬|地址|电话"
    r"|\b(?:shut|closed|open|free|cost|prices?|expensive|cheap|moving|moved|bring|book|booking"
    r"|sign\s+up|id|address|phone)\b"
)
# The events held at a place named: "活动空间这个周末有什么活动", "what's on at the event space"
_EVENTS_AT = re.compile(
    r"(?:有|有没有|有什么|有啥|有哪些|办|搞)(?:什么|啥|哪些)?活动(?![室中空])"
    r"|\bwhat'?\s?s\s+(?:on|happening|going\s+on)\s+(?:at|in)\b|\b(?:events|activities)\s+(?:at|in)\b"
)
_VOLUNTEER = re.compile(r"志愿|义工|\bvolunteer|\bhelp(?:ing)?\s+out\b|\blend\s+a\s+hand\b")
# A site named as the place asked about: its venues ("长风湾几点开门", "1690今天开伐")
_SITES = (
    (
        "changfeng_bay",
        re.compile(
            r"长风湾(?:党群)?(?:驿站|站)?(?:那边|那里|这边)?"
            r"|\b(?:the\s+)?changfeng(?:\s+bay)?(?:\s+station)?\b"
        ),
    ),
    (
        "centre_1690",
        re.compile(
            r"(?<!\d)1690(?!\d)(?:党群服务中心|党群中心|服务中心|中心)?(?:那边|那里|这边)?"
            r"|半马苏河驿站|\b(?:the\s+)?1690(?:\s+cent(?:re|er))?\b"
        ),
    ),
)


def _site_named(rest: str) -> tuple[str, str] | None:
    """The one site named in ``rest`` (with no venue of its own named), and the rest
    without it; two sites or none: ``None``."""
    found = [(station, pattern) for station, pattern in _SITES if pattern.search(rest)]
    if len(found) != 1:
        return None
    station, pattern = found[0]
    return station, pattern.sub(" ", rest)


_OVERVIEW = re.compile(
    r"(?<![\u4e00-\u9fff])哪(?=开(?:门|着)?\s*[?？]*\s*$)|哪些地方|哪几个地方|(?<![在到去放贴])什么地方|(?:还有)?哪里(?:能|可以)去|几个(?:场地|场馆|地方)|有什么(?:地方)?(?:是)?开|什么(?:还)?开着|哪些(?:还)?开着|哪些场馆|哪些场所|(?:哪些|哪几个)(?:部门|场地)|哪些(?:是|在|还)?开|(?<!在)哪里(?:还)?开|(?<!在)哪儿(?:还)?开|都开|全部|所有|各个|每个|各(?:场馆|场所|场地|地方|处|部门|窗口)"
    # every place at once, said with 全 ("清明放假你们是不是全关门了", "五一全开伐"; round thirty,
    # spent31; not 完全开放, 安全, 全天)
    r"|(?<![完安健齐周])全(?:都|部)?(?:关|开|休息|停)"
    # the question word after the noun: "开门的地方有哪些", "开着的场馆有哪几个"
    r"|的(?:地方|场馆|场所|场地|服务|部门)(?:有|是|都有)?(?:哪些|哪几个|哪几处|哪几家|什么|啥)"
    r"|\b(?:which|what)\s+(?:places|venues|rooms|facilities)\b|\bwhat'?\s?s\s+(?:actually\s+|still\s+|even\s+)?open\b"
    # "which of your places are open…", "which of the venues" (round twenty-seven)
    r"|\bwhich\s+of\s+(?:your|the|its)\s+(?:places|venues|facilities|sites)\s+(?:are\s+|is\s+)?"
    r"(?:still\s+)?open\b"
    r"|\bwhat\s+is\s+(?:actually\s+|still\s+)?open\b"
    r"|\banything\s+(?:still\s+|else\s+)?open\b|\beverything\s+open\b"
    # the place said between: "anything at 1690 or changfeng bay open this sunday?"
    r"|\b(?:anything|everything)\s+(?:at|in)\s+[^.?!]{1,30}?\s(?:still\s+)?open\b"
    # the services or places in general: "哪些服务是开的", "有什么能去的地方", "any places open"
    r"|(?:哪些|哪几个|什么|哪几项|哪些项)服务|有(?:什么|啥|哪些)(?:能|可以)?去的(?:地方)?"
    r"|\b(?:any|which|what)\s+(?:places?|services?|venues?|facilities)\s+(?:are\s+|is\s+)?open\b"
    r"|\bwhat\s+services\b"
    # which ones, the places left unsaid: "端午节那天都有哪些能去", "这周末开放的有哪些",
    # "what can I use on Friday the 19th?", "what's running today at the two sites?"
    r"|(?:哪些|哪几个|哪几处|哪几家)(?:是|地方)?(?:能|可以)(?:去|用|进)|(?:什么|哪些)(?:好|能|可以)(?:去|玩)的地方"
    r"|(?:开放|开着|开门|营业|开)的(?:有|是|都有)?(?:哪些|哪几个|哪几处|哪几家|什么|啥)"
    r"|\bwhat\s+(?:can|could)\s+(?:i|we)\s+(?:use|go\s+to)\b"
    r"|\bwhat(?:'?\s?s|\s+is|\s+are)\s+(?:running|available|up\s+and\s+running)\b"
    # round twenty-six (spent16): the opening of the day asked as a state, no place named: "后天
    # 开放情况", "明天各处开门情况怎么样", "opening status for saturday"
    r"|(?:开放|开门|营业|开关门)(?:的)?(?:情况|状况|状态)"
    r"|\bopening\s+(?:status|situation)\b"
    # every place's hours in one noun (round twenty-seven, spent21): "opening hours of everything
    # tomorrow please", "hours for all the venues on friday", "everything's opening times"
    r"|\b(?:hours|times)\s+(?:of|for)\s+(?:everything|every\s+(?:place|venue|facility)"
    r"|all\s+(?:the\s+|your\s+)?(?:venues|places|facilities|services|sites))\b"
    r"|\beverything'?\s?s\s+(?:opening\s+)?(?:hours|times)\b"
    r"|\ball\s+(?:the\s+|your\s+)?(?:venues|places|facilities)'?\s+(?:opening\s+)?(?:hours|times)\b"
)
# Which days of the week a place keeps, asked with no day named ("法律援助哪几天有", "律师一般
# 礼拜几在", "which days is legal aid open"; r30f)
_WHICH_WEEKDAYS = re.compile(
    r"哪几天|哪些天|哪几日|哪几个?日子|(?:周|星期|礼拜)几|\b(?:which|what)\s+days\b"
)
# How the service is had, asked beside which days: its FAQ entry answers both ("法律援助哪几天，
# 要预约吗", "which days is legal aid, do I need an appointment"; a second reader, r30)
_SERVICE_ASKED_TOO = re.compile(
    # (免费 asked, not the name's: "免费律师哪几天来")
    r"预约|要钱|收费|收钱|免费(?:吗|伐|的吗|不)|是不是免费|免不免费|花钱|多少钱|带什么|带啥|材料"
    r"|怎么(?:申请|办|弄|约)|流程|条件|手续"
    r"|\b(?:appointments?|book(?:ing)?|cost|costs|fees?|charge|bring|documents?)\b|\bis\s+it\s+free\b"
)
FEW_DAYS_OPEN = 3  # a place open this few weekdays has its week shown for "which days"
# Which day asked, its day named by the words before it ("节后哪天上班", r30f)
_WHICH_DAY_EN_ASKED = re.compile(r"\b(?:what|which)\s+day\b")
_WHICH_DAY_ZH = re.compile(r"哪一?天|几号|哪日")
# The holiday arrangement itself: "春节放几天", "哪天调休上班", "holiday schedule 2027"
_HOLIDAY_ASK = re.compile(
    r"放几天|放多少天|放了(?:几|多少)天|放假安排|假期安排|(?:放假|假期)(?:是)?怎么(?:安排|放)|放假时间|放假通知|怎么放假?|放假(?:吗|几天|到几号|从几号|是哪几天|哪几天)"
    # asked in Cantonese (round twenty-eight, dev109): "今年国庆同中秋点放假" (点: how, not a
    # time, nor 早点放假), "端午几时放假"
    r"|(?<![0-9零一二两三四五六七八九十几半早晚快慢多])点(?:样)?放(?:假|(?=\s*$|[\s?？,，。!！]|呀|啊|呢))|几时(?:开始)?放假"
    r"|放哪几天假?|放哪些天假?|几号放假|哪天放假|哪几天放假|什么时候放假|啥时候放假|调休|补班|哪天(?:要)?上班|哪几天(?:要)?上班"
    r"|放(?:假)?(?:放)?到(?:初几|几号|哪天)|(?:初几|几号|哪天)(?:开始)?上班"
    # the days off asked in other words (round twenty-nine, dev117): "元旦连休几天", "春节能休几天",
    # "元旦假期几天", "假期是几号到几号", "是不是放三天", "放假从哪天开始", "元旦放不放假"
    r"|连休(?:几|多少)天|(?:能|可以|一共|总共)休(?:息)?(?:几|多少)天|假期(?:有|是|一共|总共)?(?:几|多少)天"
    r"|假期(?:是)?(?:从)?几号到几号|是不是(?:只)?放[一二两三四五六七八九0-9]天|放假(?:是)?从(?:哪天|几号)开始"
    r"|(?<![校园班课])放不放假"
    r"|法定(?:节)?假日|(?:春节|国庆|元旦|五一|中秋|端午|清明)(?:是)?(?:几号|哪天|哪一天)"
    r"|\bholiday\s+(?:schedule|arrangements?|calendar|dates|plans?)\b|\bpublic\s+holidays?\b"
    # "how long is the new year holiday", "new year holiday how many days" (round twenty-nine)
    r"|\bhow\s+long\s+is\s+(?:the\s+)?(?:(?!(?:school|kids'?|night|winter|summer)\b)[a-z'-]+\s+){1,3}"
    r"(?:holiday|break)\b|\b(?:holiday|break)\s+how\s+many\s+days\b"
    # a year's holidays typed short (round twenty-seven, dev104): "2026 holidays?", "2027 假期"
    # (not one's own trip: "my 2026 holidays in japan")
    r"|(?<!my\s)(?<!our\s)\b20\d\d\s+holidays\b(?!\s+(?:in|to|at|abroad)\b)"
    r"|(?<!my\s)(?<!our\s)\bholidays\s+(?:in\s+|for\s+|of\s+)?20\d\d\b"
    r"|(?<![0-9])20\d\d\s*年?\s*(?:的)?(?:节假日|假期|放假)(?=\s*[?？]*\s*$)"
    r"|\bdays?\s+off\b|\bmake-?up\s+(?:work(?:ing)?\s*)?days?\b|\bworking\s+weekends?\b"
    # whether a day is worked: "is saturday the 9th a working day", "9号是工作日吗"
    r"|\bis\s+[^.?!]{1,40}?\s(?:a|an)\s+(?:normal\s+|official\s+)?(?:working|work|business)\s+day\b"
    r"|(?:是不是|是)(?:个)?(?:工作日|上班日)|(?:工作日|上班日)(?:吗|伐|嘛|么|不)"
    r"|\b(?:when|what\s+date|what\s+day)\s+is\s+(?:the\s+)?(?:(?:this|next)\s+years?'?s?\s+|20\d\d\s+)?"
    r"(?:chinese\s+new\s+year|spring\s+festival"
    r"|national\s+day|mid-?autumn|dragon\s+boat|qingming|labou?r\s+day|may\s+day|new\s+year)"
    # a break asked by its name ("when is the may day holiday this year", "what dates are the
    # national day holidays"), and the weekend worked for it ("do we work on a weekend for it")
    r"|\b(?:when|what\s+dates?|what\s+days?)\s+(?:is|are)\s+(?:the\s+|(?:this|next)\s+years?'?s?\s+)?"
    r"(?:20\d\d\s+)?"  # "when is next year's spring festival holiday", "…the 2027 …" (round 29)
    # (not a school's or a course's own: "the kids' school holidays", "the night school winter
    # break"; a second reader, r26)
    r"(?:(?!(?:school|kids'?|children'?s?|uni|university|college|term|semester|night|winter|summer)\b)"
    r"[a-z'-]+\s+){1,3}(?:holidays?|break|long\s+weekend)\b"
    r"|\bwork\s+(?:on\s+)?(?:a|the|any|one)\s+(?:weekend|saturday|sunday)\s+(?:for|because\s+of|to\s+make\s+up)\b"
    # …several, in a month: "do I have to work any saturdays in may because of the labour day
    # holiday", "will we work extra sundays in october for national day"
    # (the weekday's plural already made singular)
    r"|\bwork\s+(?:on\s+)?(?:a|the|any|one|some|extra|two)\s+(?:weekends?|saturdays?|sundays?)\s+"
    r"in\s+[a-z]+\s+(?:for|because\s+of|to\s+make\s+up)\b"
    # the breaks left in the year (r26 dev97): "今年还有哪些假", "年底前还有几个长假", "any public
    # holidays left this year", "what holidays are left"
    r"|(?:还有|还剩|剩下)(?:哪些|哪几个|什么|啥|几个|几次|多少)(?:假|假期|节假日|长假|小长假|法定假)"
    # any weekend worked, no one named: "十月份有没有周末要上班", "do we have to work any
    # weekend in October this year?"
    r"|有没有(?:周末|礼拜[六天日]|星期[六天日]|周[六日])(?:要|得|需要)上班"
    r"|\b(?:do|does|will)\s+(?:we|people|everyone|everybody|i)\s+(?:have\s+to\s+|need\s+to\s+)?"
    r"work\s+(?:on\s+)?any\s+(?:weekends?|saturdays?|sundays?)\b"
    # …which ones (r29c): "which weekends do we have to work this year"
    r"|\bwhich\s+(?:weekends?|saturdays?|sundays?)\s+(?:do|will|must|are)\s+(?:we|people|everyone|i)\s+"
    r"(?:have\s+to\s+|need\s+to\s+)?work(?:ing)?\b"
    r"|\b(?:any|what|which|how\s+many)\s+(?:more\s+)?(?:public\s+|bank\s+)?holidays?\s+(?:are\s+)?"
    r"(?:left|remaining|still\s+to\s+come)\b"
    # whether today is worked, no place and no one's employer named (r30j, a newcomer on the
    # make-up Saturday: "今天是不是要上班" got nothing, "今天是补班吗" the list with today first)
    r"|(?:^|(?<=[\s,，。!！?？]))(?:今天|今日|今朝)(?:是不是|是否|是)?(?:要|得|需要|用不用|要不要)?上(?:不上)?班"
    r"(?=\s*(?:的)?(?:吗|伐|嘛|么|不|呀|啊|呢)?\s*[?？]*\s*$)"
    r"|^(?:do|must)\s+(?:we|i|people|everyone)\s+(?:have\s+to\s+|need\s+to\s+)?work\s+today\s*\??$"
    # the next break (r30j): "下一个假期是什么时候", "接下来哪天放假", "when's the next holiday"
    # (not the plans for it: "下个假期去哪玩", "下一个长假打算出去旅游"; a second reader, r30)
    r"|下一?个(?:假期|节假日|法定假日?|长假|小长假)"
    # (but the break's own arrangement and length are its date: "下个假期的安排出来了吗",
    # "下个假期计划出来没", "下个假期玩几天"; "有什么安排" stays plans; a second reader, r30)
    r"(?![^，,。？?]{0,4}?(?:去哪|去哪儿|去哪里|玩(?!几天|几日|多久|多少天)|旅游|旅行|出去|出游|干啥|干嘛|干什么|做什么|做啥|打算"
    r"|(?:什么|啥|何)(?:安排|计划)|(?:计划|安排)(?=去|出去|出门|出游|出国|回|玩|旅|带|陪|在家|宅)|回老家))"
    r"|(?:接下来|最近)(?:是)?(?:哪天|几号|什么时候|啥时候)放假"
    r"|(?:接下来|下一次|下次)放假(?:是)?(?:哪天|几号|什么时候|啥时候)"
    r"|(?<!my\s)(?<!our\s)(?<!his\s)(?<!her\s)\bnext\s+(?:public\s+|bank\s+|national\s+|long\s+)?(?:holiday|long\s+weekend)\b"
)
# Another body's own break asked ("我儿子单位国庆放几天假", "农商行十一放假几天", "车管所十一放假
# 吗", "小孩补课班国庆放假吗", "how many days off does my son's company give for national day";
# round twenty-nine, dev114): that employer's, school's or office's to tell, not the year's
# arrangement (nor a 补班 of the calendar's: "补课班" is a class, "补班" a working day)
_OTHERS_BREAK = re.compile(
    r"(?:单位|公司|厂里|工厂|(?<![进集])[工建中农招交]行|农商行|银行|邮局|车管所|派出所|税务局|出入境"
    r"|学校|补课班|补习班|培训班|辅导班|兴趣班|托班|幼儿园|医院|超市|商场|店里"
    # a kind of pupil or employer ("小学生元旦放几天", "大学生几号放假", "外企元旦放几天"; round
    # thirty, dev119): the school's or the firm's own break
    r"|(?:小|中|大|初中|高中)学?生|中小学|(?<![老夜])(?:小学|中学|大学)|外企|私企|民企|寒假|暑假"
    # (the city's service bodies too: "燃气公司元旦放几天", "法院春节放假吗"; round thirty)
    rf"|{OUTSIDE_BODY_ZH})"
    r"[^。？?!！，,]{0,6}?(?:放假|放几天|放多少天|放不放|休几天|休息几天|假期)"
    r"|\b(?:my|his|her|their|[a-z]+'s)\s+(?:[a-z]+\s+)?(?:company|office|employer|factory|firm|school"
    r"|kindergarten|bank|workplace)\b[^.?!]{0,40}?\b(?:days?\s+off|holidays?|break|time\s+off)\b"
    r"|\b(?:days?\s+off|holidays?|time\s+off)\b[^.?!]{0,30}?\b(?:(?:at|for|from)\s+)?(?:my|his|her|their"
    r"|[a-z]+'s)\s+(?:[a-z]+'s\s+)?(?:company|office|work|employer|factory|school|bank)\b"
    # schools or firms in general ("how many days off do schools get for new year", "do kids get
    # new year's day off school", "do companies give 3 days off"; round thirty, dev119)
    r"|\b(?:days?\s+off|holidays?|time\s+off)\b[^.?!]{0,20}?\b(?:do|does|will|would)\s+(?:the\s+)?"
    r"(?:schools?|students?|pupils?|kids|children|kindergartens?|universit(?:y|ies)|colleges?"
    r"|compan(?:y|ies)|firms?|employers?|factor(?:y|ies))\b"
    r"|\b(?:schools?|students?|pupils?|kids|children|kindergartens?|universit(?:y|ies)|colleges?"
    r"|compan(?:y|ies)|firms?|employers?|factor(?:y|ies))\s+(?:usually\s+|normally\s+)?(?:get|give|have"
    r"|take)\b[^.?!]{0,30}?\b(?:days?\s+off|holidays?|time\s+off|off\s+school)\b"
)
_OURS_AFTER = re.compile(
    r"(?:你们|您们|侬|中心|驿站)(?!知道|晓得|清楚|了解|那边知道)|\b(?:you|your|yours|the\s+cent(?:re|er))\b(?!\s+know)"
)
# Whether a weekend day is worked, no one named (the arrangement's make-up days): "这个礼拜天
# 是不是要上班", "周六要上班伐", "礼拜天上不上班", "do we have to work this sunday"; not the
# centre's own work asked ("你们礼拜天上班吗", _YOU_ASKED)
_WEEKEND_WORKED = re.compile(
    r"(?:礼拜|星期|周)[六日天]\s*(?:是不是|要不要|用不用|需不需要|也|还)?\s*(?:要|得|需要)?\s*上班"
    r"(?=\s*(?:吗|伐|嘛|么|不|啊|呀|哦|的吗|的伐|[?？]|$))"
    r"|(?:礼拜|星期|周)[六日天]\s*(?:是不是|要不要|用不用|需不需要)\s*(?:要|得)?\s*上班"
    r"|(?:礼拜|星期|周)[六日天]\s*上不上班"
    r"|\b(?:do|does|will)\s+(?:we|people|everyone|everybody|i)\s+"
    r"(?:have\s+to\s+|need\s+to\s+|still\s+)?work\s+(?:on\s+)?(?:this|next|the\s+coming)?\s*"
    r"(?:saturday|sunday|weekend)\b"
)
# …unless a body or a trade is who works ("工行周六上班吗", "牙医礼拜天上班伐", "房产中介周日上
# 班吗", "燃气公司周六上班吗"; round thirty, dev118): that body's own days, not the arrangement
_BODY_WORKS = re.compile(
    r"(?:[行局所厅院委队科社厂店馆处部会]|公司|单位|中介|物业|城管|公安|警察|民警|电信|移动|联通|街道|居委会?"
    r"|医生|牙医|大夫|护士|[员工师]|快递|外卖|保姆|阿姨|学校|幼儿园|银[行航])"
    r"(?:的人|的|里|那边的?)?\s*(?:这个|这|下个|下|本|这礼拜|这星期)?\s*$"
)
_YOU_ASKED = re.compile(r"你们|您们|你|侬|中心|驿站|医生|护士|老师|律师|\byou\b")
# "…什么地方开": open asked by the question's last word
_OPEN_AT_END = re.compile(r"开\s*[吗伐呢么嘛]?\s*$")
# Words that make a question about something else than the hours, even with a venue and a day.
# Whether a place can be had on a day ("能借吗", "can I book"), not how to book it.
_BOOK_ASK = re.compile(
    r"(?:能|可以|可不可以)借(?!书)|借得到|借不借|能不能借|借用一?下"
    r"|\b(?:can|could|may)\s+(?:i|we)\s+(?:book|reserve|hire|rent)\b"
)
# "free" said right before a place's name, as part of what it is called ("免费法律咨询")
_FREE_BEFORE = re.compile(r"(?:免费的?|\bfree\s+)$")
_FREE_WORD = re.compile(r"免费的?|\bfree\b")
_PRICE_SAID = re.compile(r"多少钱|几钿|多少钞票|价格|价钱|\bhow\s+much\b|\bprices?\b")
# How one gets seen, weighed against a call first: queue, take a number, walk in
_WAY_TO_BE_SEEN = re.compile(
    r"排队|排号|取号|拿号|直接(?:去|过去|来|上门)|\bqueue\w*|\bwalk[\s-]?ins?\b|\bjust\s+(?:turn|show)\s+up\b"
)
_OTHER_TOPIC = re.compile(
    r"多少钱|价格|价钱|收费|费用|学费|贵不贵|免费|优惠|菜单|吃什么|什么菜|好吃|菜|报名|预约|订|借|办卡|密码"
    # what is cooked ("这礼拜饭堂烧点啥")
    r"|烧(?:点|些)?(?:什么|啥)|做(?:点)?什么吃|\bcooking\b"
    r"|哪里报|在哪报|能报|怎么报|捡到|落了|落下|丢了|忘了拿|遗失|失物|"
    + _LOST_WORD
    + r"|\bleft\s+my\b"
    r"|wifi|停车|车子?(?:能|可以|要|好)?停|停(?:哪|在哪)|电话|地址|怎么走|在哪"
    r"|\bleave\s+(?:the|my|our)\s+(?:car|bike|scooter)\b|\b(?:price|prices|cost|fee|fees|menu|free|book|booking|password"
    r"|parking|address|phone|join|sign\s+up|enrol\w*|register)\b"
    r"|\bwhat\s?'?\s?s\s+for\s+(?:lunch|dinner|breakfast)\b"
    # meals brought to one who cannot come ("housebound now… can he still get those meals")
    r"|送餐|送饭|送到家|送上门|上门送|下不了楼|出不了门|\b(?:deliver\w*|housebound)\b"
    # a price asked, a day told as the reason ("how much are visa photos? flying home for
    # easter"): not "how much longer" (a time)
    r"|\bhow\s+much\b(?!\s+(?:longer|later|earlier|time)\b)"
)


# A meal of the canteen's day: asked with the canteen and no other topic, when it is served
_MEAL = re.compile(
    r"早饭|早餐|早点|午饭|中饭|午餐|中午饭|晚饭|晚餐|夜饭|夜宵|宵夜|饭点"
    r"|\b(?:breakfast|lunch|dinner|supper)\b"
)
# A dish or a food asked of the canteen ("今天食堂有粽子吗", "食堂有没有馄饨卖", "does the canteen
# have zongzi today"): what it serves, the menu's entry (not a meal's hours: "食堂有早饭吗")
_DISH_ASKED = re.compile(
    r"(?:有|卖|供应|做)(?:没有|不有)?(?:卖)?(?:的)?(?:咸|甜|肉|素|鲜肉|豆沙|蛋黄)?"
    r"(?:粽子|月饼|汤圆|元宵|青团|重阳糕|腊八粥|饺子|馄饨|面条|汤面|包子|馒头|花卷|稀饭|白粥|粥|点心"
    r"|红烧肉|素菜|荤菜|蔬菜|水果|甜品|豆浆|油条|八宝饭|年糕|长者菜|素食|清真菜)"
    r"(?:吗|伐|么|卖|吃|不|没有|啊|呢|$)"
    r"|\b(?:have|serve|sell|do)\s+(?:any\s+)?(?:zongzi|rice\s+dumplings?|dumplings?|mooncakes?|noodles"
    r"|porridge|congee|dessert|vegetarian\s+(?:food|dishes|meals?))\b"
    r"|\bis\s+there\s+(?:any\s+)?(?:zongzi|rice\s+dumplings?|dumplings?|mooncakes?|porridge|congee)\b"
)
# Only whether a meal is served: "有没有", "还有", "供应", "do you serve"
_MEAL_SERVED = re.compile(
    r"有没有|还有|供应|提供|吃得到|能吃|可以吃|\b(?:do|does|serve[sd]?|there|any|get|have|has)\b"
)


_PART_OF_DAY = re.compile(
    r"上午|下午|中午|早上|晚上|傍晚|夜里|白天|\b(?:in\s+the\s+)?(?:morning|afternoon|evening)\b"
)
# Where the car goes on a visit: "车子停哪里", "车能停吗", "where do I leave the car"
_PARKING = re.compile(
    r"停车|车子?(?:能|可以|要|好)?停|停(?:哪|在哪)|(?:往|在)?哪(?:里|儿)?停|\bleave\s+(?:the|my|our)\s+(?:car|bike|scooter)\b"
    r"|\bpark(?:ing)?\b"
)


# Festivals whose names are typed by sound before 节 ("断午节", "中球节", "崇阳节").
TYPO_FESTIVALS = ("端午", "中秋", "重阳", "元宵", "清明", "七夕", "腊八", "国庆", "元旦", "除夕",
                  "圣诞", "冬至", "跨年")  # fmt: skip
_BEFORE_JIE = re.compile(r"(?=([\u4e00-\u9fff]{2})节)")
# …and the names no other word is typed like, read without 节 ("元蛋健身房开吗", "元但那天"):
# not 清明 (声明, 精明), 国庆 (国情), 除夕 (除以), 重阳 (重样), 七夕 (七喜), 腊八
TYPO_FESTIVALS_BARE = ("元旦", "元宵", "端午", "中秋")
# …and the year's end's, typed by voice or pinyin ("东至食堂开吗", "圣旦健身房", "垮年夜": round
# twenty-nine): read only from these first characters (not 东芝 before a venue word, 生旦, 盛典)
TYPO_FESTIVALS_YEAR_END = ("冬至", "圣诞", "跨年")
# …and those read so when only their first character is typed by sound, the last kept ("过庆七天"
# → 国庆 by voice input; 国情, 除以 change the last)
TYPO_FESTIVALS_LAST_KEPT = ("国庆", "除夕")
_FESTIVAL_PAIR = re.compile(
    r"(?=([元原员园圆远院袁源端断段短中钟终忠众种东冬圣胜剩盛跨垮夸挎][\u4e00-\u9fff]|[\u4e00-\u9fff][庆夕]))"
)
# what follows a festival's name typed alone: a day's word, an hours word, a pause or the end
_AFTER_FESTIVAL = re.compile(
    r"$|[\s,.!?，。！？、]|那天|当天|这天|那一天|放假|假期|期间|休息|上班|营业|几点|开|关|有没有|夜"
    r"|[头前后]?[一二两三四五六七八九十]天"  # its days counted: "过庆七天", "中邱头两天"
)
WEEKDAY_NUMERALS = "一二三四五六日天"
# The words for a week a weekday is said with, whose sound typos are read ("理拜四", "星其六")
_WEEK_WORDS = ("礼拜", "星期")
# A weekday's numeral written in the financial form ("星期陆", "礼拜柒"; 叁 and 伍 sound alike)
_FINANCIAL_NUMERALS = {"陆": "六", "柒": "七"}
# Next and last week's words, whose sound typos before a week word are read ("夏礼拜天", "夏个星期
# 一", "尚礼拜" by voice input: 夏 xià is 下), by their main reading only (tones ignored)
_WEEK_SIDES = "下上"
# …read so after these only, of the characters (a word's last character otherwise: 小龙虾, 大厦)
_PHRASE_START_BEFORE = frozenset("是在的那这到就还呢吗伐啊呀吧了要去来等从天问么说讲")
# …and typed by its shape: 曰 for 日 ("周曰", "礼拜曰", "星期曰": Sunday, not a day dropped)
_SHAPE_NUMERALS = {"曰": "日"}
# Numerals of no weekday after a typo of a week word ("理拜吧", "星其几"): a day not read, asked
_NO_WEEKDAY_NUMERALS = "七八九十零几"
# What may follow a weekday: the end, a pause, a part of the day or an hours word
# …after a numeral misheard by fuzzy pinyin (not a pause: "星期是 星期四" corrects itself)
_LOOSE_WEEKDAY_AFTER = re.compile(r"上午|下午|中午|早上|晚上|夜里|白天|开|关|几点|有没有|有人|营业")
_AFTER_WEEKDAY = re.compile(
    r"$|[\s,.!?，。！？、]|(?:上午|下午|中午|早上|晚上|夜里|白天|早|晚)|开|关|几点|有没有|有人|营业|的时候"
)


# --- The whole thing ------------------------------------------------------------------------


# Questions up to this long are remembered, this many at most (then forgotten all at once).
MEMO_CHARS = 64
# The small hours: before 04:00 a resident still up says 明天 of the day after the night's sleep
SMALL_HOURS_END = time(4, 0)
# The words counted from a day that, just after midnight, may not have begun yet (明朝 is read
# 明天 by normalise; 后日 后天)
_NIGHT_EDGE = re.compile(
    r"明天|明日|明早|明晚|明儿|明个|后天|后儿|\btomorrow\b|\bday\s+after\s+(?:tomorrow|next)\b"
)
# …as the whole of its mention (a lunar day read with it, "明天初七", pins the day)
_NIGHT_EDGE_ALONE = re.compile(rf"(?:the\s+)?(?:{_NIGHT_EDGE.pattern})")
MEMO_SIZE = 4096


# Words of a question about hours, read when a question is typed in pinyin without characters
PINYIN_WORDS = (
    "今天",
    "明天",
    "后天",
    "大后天",
    "今晚",
    "明晚",
    "周末",
    "现在",
    "几点",
    "开门",
    "关门",
    "开",
    "关",
    "吗",
    "呢",
    "有",
    "没有",
    "开着",
    "开到",
    "上午",
    "下午",
    "中午",
    "晚上",
    "早上",
    "还",
    "请问",
    "什么时候",
    "星期",
    "礼拜",
    "周",
    "一",
    "二",
    "三",
    "四",
    "五",
    "六",
    "日",
    "天",
    # round thirteen: "shitang mingtian kai bu kai", "shitang jintian wanfan ji dian"
    "不",
    "开不开",
    "早饭",
    "午饭",
    "晚饭",
    "几",
    "点",
    "营业",
    "上班",
    # round sixteen: "yexiao jintian you ke ma", "weishengzhan you ren ma"
    "课",
    "有课",
    "人",
    "有人",
    "门",
    "开放",
    "几点钟",
    "明早",
    "今早",
    "这",
    "下",
    "个",
)
# The words of a question or request with no place named ("mingtian nali kai men", "wo bao le na
# xie ke", "xiang xue shufa zenme baoming"), read with the entries' keywords and the courses'
# subjects
PINYIN_REQUEST_WORDS = (
    "哪里", "哪儿", "哪些", "哪个", "哪", "地方", "什么", "怎么", "我", "我的", "报", "报名", "了",
    "的", "想", "要", "学", "活动", "有没有", "课程", "班", "多少", "钱", "能", "可以", "在", "去",
    "参加", "取消", "这周", "下周", "这个",
)  # fmt: skip
# …one of which must be a day, a class or a topic of ours for such a message to be read
_PINYIN_REQUEST_ANCHORS = frozenset({"课", "课程", "报名", "活动"})
# The words of a day among them: a run of pinyin inside a Chinese question ("食堂 zhouliu 开吗")
# is read only when it names a day or a place
_PINYIN_DAY_WORDS = frozenset(
    {"今天", "明天", "后天", "大后天", "今晚", "明晚", "周末", "星期", "礼拜", "周", "明早", "今早"}
)
# Days by their initials, read only beside a place typed so ("jsf jt", "zxg mt kai ma")
_DAY_INITIALS = {
    "jt": "jintian", "mt": "mingtian", "ht": "houtian", "zm": "zhoumo", "jw": "jinwan",
}  # fmt: skip
# Chat abbreviations that a place's initials could spell
_CHAT_ABBREVIATIONS = frozenset(
    {"pls", "plz", "thx", "lol", "omg", "btw", "idk", "fyi", "lmk", "brb", "tbh", "nvm", "pbj"}
)
_LATIN_RUN = re.compile(r"[A-Za-z]+(?:\s+[A-Za-z]+)*")
_PINYIN_TEXT = re.compile(r"([a-z]+(?:\s+[a-z]+)*)\s*[?？.!]*")
# Syllables only (a cheap test that turns English away before the words are looked up)
_PINYIN_SYLLABLES = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|uai|ian|iao|uan"
    r"|van|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ue|ve|ui|er|a|o|e|i|u|v))+"
)


# The centre's address asked with no site named, and nothing else in the message (round thirty,
# dev126): "中心地址在哪里", "你们地址在哪", "地址发我一下", "where are you located", "what's
# your address" (a place of another's, "医院地址在哪", or a site named, is not this)
_OUR_ADDRESS_ASKED = re.compile(
    r"\s*(?:请问|问一下|问下)?\s*(?:你们|您们|你们的|您们的|中心|中心的|服务中心|服务中心的|党群服务中心|驿站)?"
    r"\s*(?:的)?\s*(?:地址|位置|具体地址)\s*(?:是)?\s*(?:在)?\s*(?:哪|哪里|哪儿|什么|啥|多少|发我一下|发给我|给我一下)?"
    r"\s*(?:呀|啊|呢|吗|的)?\s*[?？。.!！]*\s*"
    r"|\s*(?:请问|问一下|问下)?\s*(?:你们|您们|中心|驿站)\s*(?:在)\s*(?:哪|哪里|哪儿|什么地方)\s*(?:呀|啊|呢)?\s*[?？。.!！]*\s*"
    r"|\s*(?:hi|hello)?[\s,]*(?:where\s+are\s+you(?:\s+guys)?(?:\s+located)?|what(?:'s|\s+is)\s+your\s+address"
    r"|where\s+is\s+the\s+(?:community\s+)?cent(?:re|er)|(?:your|the\s+cent(?:re|er)'?s?)\s+address)"
    r"\s*(?:please)?\s*[?.!]*\s*",
    re.IGNORECASE,
)


class QuestionMatcher:
    """Built once from the centre's data; :meth:`understand` is pure and fast."""

    def __init__(self, centre: Centre, calendar: HolidayCalendar) -> None:
        load_zhconv_dictionary()
        self.centre = centre
        self.calendar = calendar
        self._memo: dict[tuple[str, date, int], Understanding] = {}
        # the Chinese words of the entries' keywords and of the courses' subjects
        topics = {
            fold(w) for e in centre.faq for w in e.keywords if _CJK.search(w) and len(w) >= 2
        } | {subject for _, subject in _COURSE_SUBJECTS if _CJK.search(subject)}
        self.venues = VenueFinder(
            centre.venues,
            TYPO_FESTIVALS,
            WEEKDAY_NUMERALS + "".join(_WEEK_WORDS) + _NO_WEEKDAY_NUMERALS + _WEEK_SIDES,
            (*PINYIN_WORDS, *PINYIN_REQUEST_WORDS, *sorted(topics)),
        )
        # a question typed in pinyin without its characters ("weishengzhan jidian kaimen"):
        # the toneless spelling of each venue alias and of the words of a question about hours
        spelling = self.venues.homophones.spelling
        self._venue_words = {
            a for v in centre.venues for a in (*v.aliases, v.name.zh) if _CJK.search(a)
        }
        self._pinyin_words: dict[str, str] = {}
        self._pinyin_anchors = frozenset({*_PINYIN_DAY_WORDS, *_PINYIN_REQUEST_ANCHORS, *topics})
        # English words the centre's own English uses: a message of them is no pinyin ("can he
        # bang", "men")
        said_in_english = [*(p for e in centre.faq for p in e.phrasings)]
        said_in_english += [a for v in centre.venues for a in v.aliases]
        self._english_words = frozenset(
            {*_STOPWORDS, *(w for said in said_in_english for w in _LATIN_WORD.findall(fold(said)))}
        )
        for word in sorted(
            {*PINYIN_WORDS, *self._venue_words, *PINYIN_REQUEST_WORDS, *topics}, key=len
        ):
            if all(c in spelling for c in word):
                spelt = "".join(spelling[c] for c in word)
                typed_v = re.sub("[üǖǘǚǜ]", "v", spelt)  # ü is typed as v (or u)
                for typed in {spelt.translate(TONE_MARKS), typed_v.translate(TONE_MARKS)}:
                    self._pinyin_words.setdefault(typed, word)
        self._pinyin_longest = max(map(len, self._pinyin_words), default=0)
        # a place's name typed by its initials ("jsf" 健身房, "zxg" 照相馆): three letters or more,
        # one place only, never an English word or a chat abbreviation ("pls")
        by_initials: dict[str, set[str]] = {}
        for word in self._venue_words:
            if len(word) >= 3 and all(c in spelling for c in word):
                spelt = "".join(spelling[c] for c in word).translate(TONE_MARKS)
                initials = "".join(spelling[c].translate(TONE_MARKS)[0] for c in word)
                by_initials.setdefault(initials, set()).add(spelt)
        self._pinyin_initials = {
            initials: spelt.pop()
            for initials, spelt in by_initials.items()
            if len(spelt) == 1
            and initials not in self._english_words
            and initials not in _CHAT_ABBREVIATIONS
        }
        self._own_addresses = " ".join(e.answer.zh for e in centre.faq)
        self._own_addresses_en = " ".join(e.answer.en for e in centre.faq).casefold()
        # "周溜" → 周六: a weekday numeral typed by its sound (its main reading, tones ignored)
        self._weekday_sound = {
            typo: numeral
            for numeral in WEEKDAY_NUMERALS
            for typo in self.venues.homophones.main_alike[numeral]
            if typo not in WEEKDAY_NUMERALS
        }
        self._weekday_sound.update(_FINANCIAL_NUMERALS)
        self._weekday_sound.update(_SHAPE_NUMERALS)
        self._weekday_typo = re.compile(
            r"(?:周|星期|礼拜)([" + "".join(sorted(self._weekday_sound)) + r"])"
        )
        # "理拜四", "星其六": one character of 礼拜 / 星期 typed by its sound, before a numeral
        alike = self.venues.homophones.main_alike
        self._week_word_sound = {
            word[:n] + typo + word[n + 1 :]: word
            for word in _WEEK_WORDS
            for n in range(2)
            for typo in alike[word[n]]
        }
        numerals = {*WEEKDAY_NUMERALS, "七", *self._weekday_sound}
        self._week_word_typo = re.compile(
            "("
            + "|".join(sorted(self._week_word_sound))
            + ")(?=["
            + "".join(sorted(numerals))
            + "])"
        )
        # "夏礼拜天" → 下礼拜天: 下 / 上 typed by its sound right before a week word (周 only
        # before a weekday: "夏周三", not "夏周" the names)
        sides = {typo: side for side in _WEEK_SIDES for typo in alike[side]}
        self._week_side_sound = sides
        self._week_side_typo = re.compile(
            "([" + "".join(sorted(sides)) + r"])(?=个?(?:礼拜|星期)|周[一二三四五六日天末])"
        )
        # a typo of a week word before a numeral of a weekday or of none, or its sound: asked when
        # no rule read it ("理拜吧")
        no_weekday = {*_NO_WEEKDAY_NUMERALS, *(c for n in _NO_WEEKDAY_NUMERALS for c in alike[n])}
        self._week_word_unread = re.compile(
            "(?:"
            + "|".join(sorted(self._week_word_sound))
            + ")(?=["
            + "".join(sorted(numerals | no_weekday))
            + "])(?!.拜)"  # not "庙里拜一拜"
        )
        # a weekday's numeral misheard by fuzzy pinyin only ("星期是食堂开吗": 是 shì for 四 sì,
        # 山 for 三): which day is not sure, asked, never today's hours
        loose = {c for n in WEEKDAY_NUMERALS for c in self.venues.homophones.main_loose[n]}
        loose -= {*numerals, *_NO_WEEKDAY_NUMERALS, "上"}  # (上: "礼拜上午")
        self._weekday_loose = re.compile(
            r"(?<![这本每一两几])(?:礼拜|星期|周)([" + "".join(sorted(loose)) + "])"
        )
        # a place named in English inside a Chinese question: its Chinese name
        self._latin_places = {
            fold(alias): next(a for a in v.aliases if _CJK.search(a))
            for v in centre.venues
            for alias in (*v.aliases, v.name.en)
            if not _CJK.search(alias) and _PLACE_WORD.search(fold(alias))
        }
        self._latin_places_re = _latin_words(self._latin_places)
        self.faq = FaqIndex(
            centre.faq,
            {
                f"venue:{v.id}": tuple(fold(a) for a in (*v.aliases, v.name.zh, v.name.en))
                for v in centre.venues
            },
        )

    def _from_pinyin(self, text: str) -> str | None:
        """The Chinese of a question typed wholly in toneless pinyin, when every syllable makes
        a known word and a venue is among them; None otherwise (English is never read so)."""
        letters = _PINYIN_TEXT.fullmatch(text.strip().lower())
        if letters is None:
            return None
        typed = letters.group(1)
        if any(t in self._pinyin_initials for t in typed.split()):
            # "jsf jt ji dian guan": a place by its initials, and beside it a day by its own
            typed = " ".join(
                self._pinyin_initials.get(t) or _DAY_INITIALS.get(t, t) for t in typed.split()
            )
        read = self._pinyin_read(typed)
        if not read:
            return None
        if any(w in self._venue_words for w in read):
            return "".join(read)
        # no place named: a day, a class or a topic of ours, in words that are not English
        tokens = letters.group(1).split()
        if (
            len(read) >= 3
            and any(w in self._pinyin_anchors for w in read)
            and 2 * sum(t in self._english_words for t in tokens) < len(tokens)
        ):
            return "".join(read)
        return None

    def _pinyin_inside(self, text: str) -> str:
        """``text`` (a Chinese question) with each run of pinyin in it that names a day or a
        place written in characters ("食堂 zhouliu 开吗" → "食堂 周六 开吗"); English words,
        which never spell known words syllable by syllable, are left alone."""

        def read(run: re.Match[str]) -> str:
            words = self._pinyin_read(run.group().lower())
            if words and any(w in _PINYIN_DAY_WORDS or w in self._venue_words for w in words):
                return "".join(words)
            return run.group()

        return _LATIN_RUN.sub(read, text)

    def _pinyin_read(self, letters: str) -> list[str] | None:
        """The known words that spell ``letters`` (toneless pinyin, spaces or none between
        syllables), fewest first; None when a syllable makes no known word."""
        if not all(_PINYIN_SYLLABLES.fullmatch(token) for token in letters.split()):
            return None
        joined = letters.replace(" ", "")
        best: list[list[str] | None] = [[]] + [None] * len(joined)
        for start in range(len(joined)):
            words = best[start]
            if words is None:
                continue
            for end in range(start + 1, min(len(joined), start + self._pinyin_longest) + 1):
                word = self._pinyin_words.get(joined[start:end])
                found = best[end]
                if word is not None and (found is None or len(words) + 1 < len(found)):
                    best[end] = [*words, word]
        return best[-1]

    def _concerned(self, verdict: Understanding, said: str) -> Understanding:
        """The verdict, made "not answered" with its :class:`Concern` when the question is
        an emergency (whatever else it asks), a person asked for with what about (over an
        answer too: "我要找工作人员问一下健身卡"), or otherwise unanswered and a request for a
        person, about medicine, or a favour no FAQ entry covers
        (:mod:`bot.understanding.concerns`); ``said`` is the question normalised."""
        if is_emergency(said):
            concern = Concern.EMERGENCY
        elif (verdict.kind is Kind.NONE and asks_for_person(said)) or asks_for_person_about(said):
            concern = Concern.PERSON
        elif verdict.kind is Kind.NONE and verdict.looks_like_question and is_medicine(said):
            concern = Concern.MEDICINE
        elif verdict.kind in (Kind.NONE, Kind.FAQ, Kind.SUGGEST) and self._favour(said, verdict):
            concern = Concern.FAVOUR
        elif asks_own_booking(said) or self._whom_uncovered(said, verdict):
            # "has my booking for the dance room been confirmed?", "who can I talk to about
            # the projector": a person looks it up or takes it on
            concern = Concern.PERSON
        else:
            return verdict
        return Understanding(Kind.NONE, looks_like_question=True, concern=concern)

    def _whom_uncovered(self, said: str, verdict: Understanding) -> bool:
        """Whom to see asked about a matter the entry found does not speak of ("who can I talk
        to about the projector": not how to book a room), or a partnership offered."""
        topic = whom_topic(said)
        if topic is None or verdict.kind not in (Kind.NONE, Kind.FAQ, Kind.SUGGEST):
            return False
        if offers_partnership(said):
            return True
        if verdict.kind is Kind.NONE:
            return False  # unanswered already: the person's button is offered
        topics = self.faq.concepts_in(topic) - GENERIC
        found = (verdict.faq_id,) if verdict.faq_id else verdict.suggestions
        return not any(topics & self.faq.concepts_of(faq_id) for faq_id in found)

    def _favour(self, said: str, verdict: Understanding) -> bool:
        """A favour asked of us whose task no entry found speaks of ("请人上门帮我换个灯泡":
        a visit, but no meal delivered)."""
        task = favour_task(said)
        if task is None or (verdict.faq_id == _LEGAL_AID_HOW and _dispute_help(said)):
            return False  # (a dispute's help is our lawyers', whatever the task's words)
        if verdict.kind is Kind.NONE:
            return verdict.looks_like_question
        topics = self.faq.concepts_in(task) - GENERIC
        found = (verdict.faq_id,) if verdict.faq_id else verdict.suggestions
        return not any(topics & self.faq.concepts_of(faq_id) for faq_id in found)

    def _child_along(self, verdict: Understanding, said: str) -> Understanding:
        """A child brought along or let in ("我孙子十二岁 能跟我一起进健身房伐", "can my
        10-year-old grandson come to the gym with me"; round twenty-eight, spent27): when the
        entry found says nothing of children, a person answers, not the entry."""
        if verdict.kind is not Kind.FAQ or verdict.faq_id is None:
            return verdict
        if _CHILD_ALONG.search(said) is None:
            return verdict
        entry = self.faq_entry(verdict.faq_id)
        if entry is None or _CHILD_WORD.search(f"{entry.answer.zh} {entry.answer.en}".lower()):
            return verdict
        return Understanding(Kind.NONE, looks_like_question=True)

    def _theirs(self, verdict: Understanding, said: str) -> Understanding:
        """The verdict, made "not answered" when the entry found speaks of ours only and the
        question asks someone else's: a number not ours (:data:`_THEIR_LINE`), the way
        between two places neither of which is ours (:data:`_ROUTE_ZH`, :data:`_ROUTE_EN`)."""
        if verdict.kind is not Kind.FAQ:
            return verdict
        if verdict.faq_id == "phones" and (
            _THEIR_NUMBER.search(said)
            or (_THEIR_LINE.search(said) and not _OURS_TOO.search(said))
            or _CALLED_A_NAME.search(said)
        ):
            return Understanding(Kind.NONE, looks_like_question=True)
        if (
            verdict.faq_id in ("address_1690", "address_changfeng")
            and (
                _ROUTE_ZH.search(said)
                or _ROUTE_EN.search(said)
                or _WAY_TO_ZH.search(said)
                or _WAY_TO_EN.search(said)
            )
            and not self._is_ours_named(said)
            and not _OUR_WAYPOINTS.search(said)
        ):
            return Understanding(Kind.NONE, looks_like_question=True)
        return verdict

    def _school_as_story(self, text: str, found: list[re.Match[str]]) -> bool:
        """Whether the places not ours ``found`` in ``text`` are all schools told as the story of
        help offered to us: a school's required hours of service, a retired teacher's past, the
        children's homework to help with ("学校要求做志愿服务时长 能到你们这里来做伐")."""
        return (
            bool(found)
            and all(_SCHOOL_WORD.fullmatch(m.group()) for m in found)
            and "volunteer" in self.faq.concepts_in(text)
            and (_HELP_HERE.search(text) is not None or _JOIN_ASKED.search(text) is not None)
        )

    def _site_address(self, text: str, venue_ids: tuple[str, ...]) -> Understanding | None:
        """The address entry of the one site ``text`` names (驿站, 1690…), else of the one site
        the venues named stand at ("食堂在什么路": the 1690 centre's road), if any."""
        sites = self.faq.concepts_in(text) & {"at_1690", "at_changfeng"}
        if not sites:
            sites = {
                _SITE_CONCEPT.get(v.station, "") for v in self.centre.venues if v.id in venue_ids
            }
        if len(sites) != 1:
            return None
        site = sites.pop()
        entry = next(
            (e for e in self.centre.faq if {site, "where"} <= self.faq.concepts_of(e.id)),
            None,
        )
        if entry is None:
            return None
        return Understanding(Kind.FAQ, faq_id=entry.id, score=1.0, looks_like_question=True)

    def _is_ours_named(self, text: str) -> bool:
        """Whether ``text`` names one of ours: a site, a venue, "you"."""
        return bool(_OURS_NAMED.search(text) or self.venues.find_all(text))

    def _which_weekdays(self, verdict: Understanding, said: str, today: date) -> Understanding:
        """Which days a place keeps, no day named ("法律援助哪几天有", "which days is legal aid
        open"), of a place open on at most :data:`FEW_DAYS_OPEN` weekdays (r30f): its hours on
        the seven days from today, each weekday once with its date (was today's alone, or the
        place's FAQ). A place open most days keeps today's hours (round twenty-seven's reading:
        "健身房哪几天开" is today's, its week a button away)."""
        if verdict.kind is Kind.HOURS:
            if verdict.days or len(verdict.venue_ids) != 1:
                return verdict
            venue_id = verdict.venue_ids[0]
        else:
            venue_id = self.faq.venue_of.get(verdict.faq_id or "", "")
            if not venue_id or find_times(said, today, self.calendar):
                return verdict
            if _SERVICE_ASKED_TOO.search(said):
                return verdict  # "法律援助哪几天，要预约吗": the entry answers both (r30 r1)
        venue = self.centre.venue(venue_id)
        if venue is None or venue.hours is None:
            return verdict
        weekly = venue.hours.weekly
        if sum(1 for day in range(7) if weekly.on(day)) > FEW_DAYS_OPEN:
            return verdict
        week = tuple(today + timedelta(days=n) for n in range(7))
        return Understanding(
            Kind.HOURS, (venue_id,), week, score=1.0, looks_like_question=True, lang=verdict.lang
        )

    def faq_entry(self, faq_id: str) -> FaqEntry | None:
        return next((e for e in self.centre.faq if e.id == faq_id), None)

    def understand(self, text: str, today: date, at: time | None = None) -> Understanding:
        """The verdict on ``text`` asked on ``today`` (the centre's local date), at the clock
        time ``at`` when known (only the small hours change a verdict: :func:`_small_hours`).

        Short questions are remembered for the day (many residents ask "食堂几点开门" in
        the same words): the verdict depends on nothing else but the calendar's staff
        notices, whose revision is part of the key."""
        verdict = self._understood(text, today)
        if at is not None and at < SMALL_HOURS_END:
            verdict = self._small_hours(text, today, verdict)
        if at is not None and at.hour >= _AHEAD_FROM:
            verdict = _ahead_clock(text, at, verdict)
        return verdict

    def _small_hours(self, text: str, today: date, verdict: Understanding) -> Understanding:
        """Just after midnight 明天 / 明早 / 后天 / "tomorrow" may be said of the day that starts
        after the night's sleep (today's date) or of the next one: asked, with both days
        (was answered for the next one). Not when another day word pins it ("明天礼拜一",
        "明天初七") or 今天 is said beside it ("今天和明天": counted from today)."""
        if verdict.kind not in (Kind.HOURS, Kind.OVERVIEW) or not verdict.days:
            return verdict
        said = normalise(text)
        if not _NIGHT_EDGE.search(said):
            return verdict
        mentions = find_times(said, today, self.calendar)
        if not mentions or not all(
            m.kind == "relative"
            and len(m.days) == 1
            and 1 <= (m.days[0] - today).days <= 2
            and _NIGHT_EDGE_ALONE.fullmatch(said[m.span[0] : m.span[1]].strip())
            for m in mentions
        ):
            return verdict
        candidates = tuple(
            sorted({d for m in mentions for d in (m.days[0] - timedelta(days=1), m.days[0])})
        )
        return Understanding(
            Kind.CLARIFY_DAY, verdict.venue_ids, candidates=candidates, score=1.0,
            looks_like_question=True, lang=verdict.lang,
        )  # fmt: skip

    def _understood(self, text: str, today: date) -> Understanding:
        key = (text, today, self.calendar.revision)
        if len(text) <= MEMO_CHARS and (found := self._memo.get(key)) is not None:
            return found
        lang = language_of(text[:MAX_QUESTION_CHARS])
        asked = text
        if lang == "en" and (read := self._from_pinyin(text)) is not None:
            # typed in pinyin: read, and answered, in Chinese; a place's name alone in pinyin
            # ("weishengzhan?", "shitang") is how English speakers here call it: their language
            asked, lang = read, "zh" if len(text.split()) > 1 else lang
        elif lang == "zh" and _LATIN_RUN.search(text):
            asked = self._pinyin_inside(text)  # "食堂 zhouliu 开吗": the day in characters
        said = normalise(asked)  # once: the decision stage and the concerns both read it
        verdict = self._understand(asked, said, today)
        if verdict.kind in (Kind.NONE, Kind.SUGGEST) and _OUR_ADDRESS_ASKED.fullmatch(said):
            # "你们地址在哪", "where are you located": ours, but which of the two sites? Both
            # addresses offered (it was "I cannot answer that"; round thirty, dev126)
            verdict = Understanding(
                Kind.SUGGEST,
                suggestions=("address_1690", "address_changfeng"),
                looks_like_question=True,
            )
        if verdict.kind in (Kind.HOURS, Kind.FAQ) and _WHICH_WEEKDAYS.search(said):
            verdict = self._which_weekdays(verdict, said, today)
        verdict = _with_lang(
            self._concerned(self._child_along(self._theirs(verdict, said), said), said), lang
        )
        if (
            verdict.kind is Kind.NONE
            and verdict.concern is not Concern.EMERGENCY
            and (second := _SECOND_ASK.search(text)) is not None
        ):
            verdict = self._second_asked(text, second, today, verdict)
        # (never over an emergency: "我爸昏迷了，卫生站今天开吗" is one, whatever the last
        # clause asks; a second reader, r30)
        if (
            verdict.kind is Kind.NONE
            and verdict.concern is not Concern.EMERGENCY
            and _STORY_CLAUSE_END.search(text) is not None
        ):
            verdict = self._story_before(text, today, verdict)
        elif verdict.kind is Kind.HOURS and _STORY_CLAUSE_END.search(text) is not None:
            verdict = self._theirs_introduced(text, verdict)
        if verdict.kind in (Kind.NONE, Kind.SUGGEST, Kind.FAQ) and (
            told := _TOLD_TAIL.search(text)
        ):
            verdict = self._story_after(text, told, today, verdict)
            if verdict.kind is Kind.SUGGEST:  # "evening classes, how much? we want to enrol
                # next month": the plan's day kept the story from it
                verdict = self._plan_after(text, told, today, verdict)
        elif (
            verdict.kind is Kind.CLARIFY_DAY
            or (verdict.kind is Kind.FEATURE and verdict.feature in ("course", "events"))
        ) and (told := _TOLD_TAIL.search(text)):
            verdict = self._plan_after(text, told, today, verdict)
        if len(text) <= MEMO_CHARS:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = verdict
        return verdict

    def _story_after(
        self, text: str, told: re.Match[str], today: date, verdict: Understanding
    ) -> Understanding:
        """A question whole by itself, then the resident's story told after it, no question
        in it and no day ("阅览室在哪 孩子放学想去看会儿书", "证件照多少钱 娃学校要的", "next
        year's public holidays? trying to book flights home"): the question's verdict, when the
        whole message found none (or only an entry of the story's words where a place was
        asked for)."""
        head, tail = text[: told.start()], text[told.end() :]
        said = normalise(text)
        if (
            _TAIL_ASKS.search(tail)
            or _TAIL_ELSEWHERE.search(tail)
            or find_times(normalise(tail), today, self.calendar)
            or not_ours_to_answer(said, self._own_addresses)
        ):
            return verdict
        # (whose the thing asked is, told in the story, still counts: "phone number? the
        # property management…" is theirs)
        answer = self._theirs(self.understand(head, today), said)
        if verdict.kind is Kind.FAQ:  # only a place asked where it is: "阅览室在哪 孩子…看书"
            return answer if answer.kind is Kind.VENUE and _WHERE_HEAD.search(head) else verdict
        return answer if answer.kind in ANSWERED_HEAD else verdict

    def _plan_after(
        self, text: str, told: re.Match[str], today: date, verdict: Understanding
    ) -> Understanding:
        """An entry's question whole by itself, then the resident's plan told after it, asking
        nothing ("健身卡怎么办？我们几个想元旦以后去练", "how much is a night class per term? we
        want to sign up in the new year", "夜校开什么课 过完年想学点东西"): the entry, not the
        plan's day asked back nor a class named by the plan's time (round twenty-eight, dev108).
        A class named in the plan ("…I want to sign up for tai chi") keeps its card."""
        head, tail = text[: told.start()], _OUR_COLLEAGUES.sub(" ", text[told.end() :])
        if not _PLAN_TOLD.search(tail) or _TAIL_ASKS.search(_TO_DO.sub(" ", tail)):
            return verdict
        if verdict.kind is Kind.FEATURE and not _no_course_named(verdict.course_hint):
            return verdict
        said = normalise(text)
        if _TAIL_ELSEWHERE.search(tail) or not_ours_to_answer(said, self._own_addresses):
            return verdict
        answer = self._theirs(self.understand(head, today), said)
        return answer if answer.kind is Kind.FAQ else verdict

    @staticmethod
    def _school_classes(text: str, venues: list[VenueMatch]) -> bool:
        """Whether the classes asked are a school's named in ``text`` ("学校周六上课吗", "do
        schools have classes on saturday", "孙子小学下礼拜一上课伐"; round thirty, dev119): our
        night school only by its bare words (上课, classes), no word of ours beside them."""
        named = [v for v in venues if v.span[1]]
        return (
            bool(named)
            and all(v.venue_id == "night_school" and v.alias in _CLASS_WORDS for v in named)
            and _SCHOOL_NAMED.search(text) is not None
            and _OURS_TOO.search(text) is None
        )

    def _theirs_introduced(self, text: str, verdict: Understanding) -> Understanding:
        """Another's place of our kind told first as existing ("我儿子学校有个食堂，食堂周末开吗",
        "小区新开了个健身房，健身房几点开", "my office has a gym, is the gym open on sunday"; round
        thirty), then the same kind asked bare: that place's, not ours (unless ours is said in the
        question or the story is ours: "你们中心有个阅览室，阅览室周日开吗")."""
        breaks = list(_STORY_CLAUSE_END.finditer(text))
        head, tail = text[: breaks[-1].start()], text[breaks[-1].end() :]
        if _OURS_IN_TAIL.search(tail) or _OURS_TOO.search(head) or _TAIL_ASKS.search(head):
            return verdict
        asked = {v.alias.lower() for v in self.venues.find_all(tail) if v.span[1]}
        for v in self.venues.find_all(head):
            if (
                v.span[1]
                and v.venue_id in verdict.venue_ids
                and v.alias.lower() in asked  # the same word asked again
                and _INTRODUCED.search(head, 0, v.span[0])
            ):
                return Understanding(Kind.NONE, looks_like_question=True)
        return verdict

    def _story_before(self, text: str, today: date, verdict: Understanding) -> Understanding:
        """Another place or body told first as the resident's story, asking nothing and naming
        no day, then one of our places asked in a clause of its own ("去完超市去健身房，周日健身房
        几点关门", "区图书馆太远了，你们阅览室周日开吗";
        round thirty, dev119): the last clause's hours, when the whole message found none and
        the clause names its own day (with no day of its own, today would be a guess: a sealed
        set's other-day answer came from one such). Not when the story names the same place of
        ours and the question does not say it is ours
        ("我在员工食堂上班，食堂元旦开吗"), nor when the question points back to the story's place
        ("…，那边周一开吗")."""
        breaks = list(_STORY_CLAUSE_END.finditer(text))
        head, tail = text[: breaks[-1].start()], text[breaks[-1].end() :]
        if (
            not head.strip()
            or len(tail.strip()) < 3
            or _TAIL_ASKS.search(head)
            or _POINTS_BACK.match(tail)
            or find_times(normalise(head), today, self.calendar)
            # (nor a day placed by a condition: "台风天银行不开门，…", "夏令营结束以后，…")
            or _later_visit(normalise(head), today) is not None
        ):
            return verdict
        said = normalise(text)
        if not_ours_to_answer(said, self._own_addresses):
            return verdict
        answer = self.understand(tail, today)
        if answer.kind is not Kind.HOURS or not answer.venue_ids:
            return verdict
        if not find_times(normalise(tail), today, self.calendar):
            return verdict  # the day only from the question's own words, never by default
        # (the story's trip to it is ours: "超市买完东西去照相馆拍证件照，周一照相馆开吗")
        found = [v for v in self.venues.find_all(head) if v.span[1]]
        trips = {v.venue_id for v in found if _TRIP_TO_OURS.search(head, 0, v.span[0])}
        told = {v.venue_id for v in found} - trips
        if (told & set(answer.venue_ids) or _OTHER_CENTRE_TOLD.search(head)) and not (
            _OURS_IN_TAIL.search(tail)
        ):  # (a centre not ours told first: its rooms may be the ones asked)
            return verdict
        return answer

    def _second_asked(
        self, text: str, second: re.Match[str], today: date, verdict: Understanding
    ) -> Understanding:
        """Two questions in one message, the first not ours ("明年退休金涨多少？还有开车到1690停
        哪里？"): the second's verdict, when it is ours and the first names no day."""
        first, rest = text[: second.start()], text[second.end() :]
        named = find_times(normalise(first), today, self.calendar)
        if not rest.strip() or any(m.kind != "year" for m in named):
            return verdict
        if self.understand(first, today).kind is not Kind.NONE:
            return verdict
        answer = self.understand(rest, today)
        return verdict if answer.kind in (Kind.NONE, Kind.CLARIFY_DAY) else answer

    def _without_near_us(self, text: str) -> str:
        """``text`` without the neighbourhood words before our venue words ("小区食堂明天开吗"
        → "食堂明天开吗"): where the resident lives, the way to our venue, not another owner."""
        if not _NEAR_WORD.search(text) or _CHAIN.search(text):
            return text  # most questions: no second look for venues (the hot path)
        for venue in sorted(self.venues.find_all(text), key=lambda v: -v.span[0]):
            start = venue.span[0]
            if (
                venue.span[1]
                and (near := _NEAR_US.search(text, 0, start))
                and near["near"]
                and (near["compound"] is None or venue.venue_id == "canteen")
            ):
                text = text[: near.start("near")] + text[near.end("near") :]
        return text

    # Over 60 lines on purpose: the decision stage reads top to bottom in the order the
    # verdicts win (small talk, features, out of scope, hours, FAQ, suggestions).
    def _understand(self, text: str, said: str, today: date) -> Understanding:
        if small_talk(text) is not None:  # "你好", "thanks": answered by the common fallback
            return Understanding(Kind.NONE, looks_like_question=False)
        if ("充电" in text or "charg" in text) and _VEHICLE_CHARGED.search(text):
            # "中心有地方给电瓶车充电吗", "can I charge my e-bike battery there": no entry tells
            # it (parking only tells where to park): for a person to answer
            return Understanding(Kind.NONE, looks_like_question=True)
        if (
            ("linic" in text or "ospital" in text)
            and _named_clinic(text)
            and not _OUR_CLINIC_EN.search(text)
        ) or ("诊所" in text and not _OUR_CLINIC_WORD.search(text)):
            # "Does Jiahui clinic take walk-ins on Sunday?", "嘉会诊所礼拜天看病伐": another
            # clinic, by its own name (ours is a station, 卫生站)
            return Understanding(Kind.NONE, looks_like_question=True)
        text = self._without_near_us(self._weekday_typos(self._festival_typos(said)))
        if _CJK.search(text) and _LATIN_LETTER.search(text) and language_of(text) == "zh":
            # English nouns inside a Chinese question read as Chinese ones: "我报的 class 是哪几节"
            # (我报的课是哪几节), "有哪些 venues 开门" (有哪些地方开门), "今天canteen menu是啥"
            # (今天食堂菜单是啥)
            text = _latin_words_sub(self._latin_places_re, self._latin_places, text)
            text = _latin_words_sub(_LATIN_TOPIC_RE, _LATIN_TOPIC, text)
            text = _LATIN_NOUN.sub(lambda m: "课" if m.group("cls") else "地方", text)
        if asks_time(text):  # "现在几点": told from the clock, like the day
            return Understanding(Kind.TIME, score=1.0, looks_like_question=True)
        if (reason := _REASON_AFTER.search(text)) is not None and not find_times(
            reason.group(), today, self.calendar
        ):  # (a day in it is kept: "is the gym open? I need it for tomorrow")
            # "Is there wifi at the centre? my kids need it for homework", "what's the address?
            # need it for my taxi driver": why it is asked, told after the question, is not
            # what is asked (its words took the answer to homework or to parking)
            text = text[: reason.start()]
        if asks_today(text):  # "今天礼拜几": told from the clock, like small talk
            return Understanding(Kind.TODAY, score=1.0, looks_like_question=True)
        if (rest_at := after_today_guessed(text)) is not None:
            # "what day is it, thursday? is the gym open": today asked about, its day guessed
            text = ("今天 " if _CJK.search(text[:rest_at]) else "today ") + text[rest_at:]
        question = looks_like_question(text)
        found = _next_weekday_contrasted(text, find_times(text, today, self.calendar))
        found = _holiday_weekday(text, found, today, self.calendar)
        found = _festival_weekday(text, found, today, self.calendar)
        mentions = self._after_the_break(text, found, today)
        mentions = self._before_the_break(text, mentions, today)
        mentions = self._makeup_day(text, mentions, today)
        mentions = self._break_last_day(text, mentions, today)
        mentions = self._back_from_break(text, mentions, today)
        mentions = self._weekday_unread(text, mentions, today)
        mentions = self._span_working_day(text, mentions, today)
        mentions = self._break_told(text, mentions, today)
        mentions = self._weekday_after_break(text, mentions, today)
        mentions = _after_that(text, mentions)
        mentions = _year_days(text, mentions, today)
        mentions = _story_days(text, mentions, today)
        mentions = _gone_story_day(text, mentions, today)
        mentions = _writers_weekday(text, mentions, today)
        mentions = _own_clock_day(text, mentions, today)
        mentions = _routine_weekdays(text, mentions)
        mentions = _class_weekdays(text, mentions)
        mentions = _narrowed_after(text, mentions)
        days_named = [m.span for m in mentions if m.kind not in ("vague", "week", "year")]
        venues = [  # "lantern festival": no typo of "canteen"
            v
            for v in self.venues.find_all(text)
            if not any(a <= v.span[0] and v.span[1] <= b for a, b in days_named) or v.span[1] == 0
        ]
        if not venues and "老师" in text and (teacher := _TEACHER_WEEKDAY.fullmatch(text)):
            # "老师 周几?", "王老师礼拜几的": a teacher asked which weekday, the class's (上课,
            # the classes' place), not today's date
            venues = [
                VenueMatch(m.venue_id, teacher.span("who"), teacher.group("who"))
                for m in self.venues.find_all("上课")[:1]
            ]
        if not venues and (window := _WINDOW_ALONE.search(text)) is not None:
            # "is the window open on friday": the service window ("open the window in the gym":
            # a window of the gym's)
            venues = [VenueMatch("service_window", window.span(), window.group())]
        if len({v.venue_id for v in venues}) > 1:
            venues = _without_schedule_venues(text, venues)
        if len({v.venue_id for v in venues}) > 1:
            venues = _without_story_venues(text, venues)
        if len({v.venue_id for v in venues}) > 1:
            venues = _without_occupations(text, venues)
        venue_ids = tuple(dict.fromkeys(v.venue_id for v in venues))
        for venue in venues:  # "找绿师咨询要钱吗": a name typed by its sound, read as the name by
            # the entries too (律师咨询), not the hours only (same length: the spans hold); not
            # beside a place named right, nor with its last character changed, where the next
            # word often starts ("活动时间表": 活动时 is no 活动室)
            start, end = venue.span
            if (
                all(v.typo for v in venues)
                and end - start == len(venue.alias)
                and _CJK.search(venue.alias)
                and text[end - 1 : end] == venue.alias[-1:]
            ):
                text = text[:start] + venue.alias + text[end:]
        blank = text
        for venue in venues:
            start, end = venue.span
            blank = blank[:start] + " " * (end - start) + blank[end:]
            if (
                end
                and _WHERE_ALONE.fullmatch(text, end)
                and (what := _DESCRIBED_BY.search(blank, 0, start))
            ):  # "办社保的窗口在哪": the window where that is done, asked where it is
                blank = blank[: what.start()] + " " * (start - what.start()) + blank[start:]
        clean = _without_aside(strip_punctuation(remove_times(text, mentions)), venue_ids)
        rest = _without_aside(strip_punctuation(remove_times(blank, mentions)), venue_ids)
        if (
            (
                (_ELSEWHERE.search(rest) or _ELSEWHERE_UNNAMED.search(rest) or _school_asked(rest))
                and not venue_ids
                and not self._school_as_story(
                    text,
                    [
                        *_ELSEWHERE.finditer(rest),
                        *_ELSEWHERE_UNNAMED.finditer(rest),
                        *_school_asked(rest),
                    ],
                )
            )
            or _other_place(rest, venue_ids)
            or _other_counter(text, venues)
            or (not venue_ids and _TUTORING.search(text) and not _OURS_TOO.search(text))
            or _DISTRICT_LEGAL_AID.search(text)
            or self._school_classes(text, venues)
            # (a time is no restaurant: "the menu at dragon boat festival", "at today's lunch";
            # a second reader, r27)
            or (not venue_ids and _menu_elsewhere(remove_times(text, mentions)))
            or _MACHINE_WORKS.search(text)
            or _PARCEL.search(rest)
            or _TOP_UP.search(text)
            or _TRANSLATE.search(text)
            or _CHAIN.search(text)
            or _THING_PRICE.search(rest)
            or _MARKET_PRICE.search(text)
            or _OWN_DEVICE.search(text)
            or _PHOTO_SPOT.search(text)
            or _OWN_PAST.search(text)
            or _GOSSIP.search(text)
            or _LAWYER_RECOMMENDED.search(text)
            or _BUSINESS_MATTER.search(text)
            or _OTHER_OFFICE.search(text)
            or (
                not venue_ids
                and ("补班" in text or "调休" in text or "make" in text or "work" in text)
                and _MAKEUP_ELSEWHERE.search(rest) is not None
            )
            or (
                _ID_CARD_LOST.search(text)
                and not _PHOTO_WORD.search(text)
                and not _ID_CARD_STORY.search(text)
                and "service_window" not in venue_ids
            )
            or (not venue_ids and _home_fault(text))
            or not_ours_to_answer(text, self._own_addresses)
            or brand_studio(text, self._own_addresses, [m.span for m in found])
            or for_a_person(text)
            or (_SPACE_RENTED.search(text) and not _OURS_TOO.search(text))
            or (_EXPROPRIATION.search(text) and not _LEGAL_WORD.search(text))
            or _ELSEWHERE_TRADE.search(text)
            or self._other_area(text, venues)
            or (  # "入伏吃什么", "冬至吃啥": the day's custom, not our menu
                not venue_ids
                and not _OURS_TOO.search(text)
                and any(m.kind == "festival" and _CUSTOM_FOOD.match(text, m.span[1]) for m in found)
            )
            or any(_PLACE_SUFFIX.match(text, v.span[1]) for v in venues if v.span[1])
            or any(
                (
                    _EN_OWNER_BEFORE.search(text, 0, v.span[0])
                    # "night school classes": the owner word is our own name, said just before
                    and not any(
                        w.span[1] <= v.span[0] and not text[w.span[1] : v.span[0]].strip()
                        for w in venues
                    )
                )
                or _EN_OWNER_AFTER.match(text, v.span[1])
                or _ZH_OWNER_BEFORE.search(text, 0, v.span[0])
                for v in venues
                if v.span[1]
            )
        ):  # "律师事务所": one of our words inside another place's name
            return Understanding(Kind.NONE, looks_like_question=question)  # "我想投诉物业"
        if _dispute_help(text) and (entry := self.faq_entry(_LEGAL_AID_HOW)) is not None:
            # "my landlord won't give back my deposit, can someone there help me?": our lawyers
            return Understanding(Kind.FAQ, faq_id=entry.id, score=1.0, looks_like_question=True)
        feature = self._feature(text, rest, venue_ids)
        if feature is not None and feature.feature == "course" and feature.course_hint:
            # "想学画画，有没有适合小学生的美术课": the class asked by its own name here too (the
            # wish said with 想学, not 报个…班, took this way; a second reader, r29)
            feature = replace(
                feature, course_hint=_class_asked_by_name(text, feature.course_hint) or None
            )
        request = find_request(text)
        if (
            request is None
            and (venue_ids or _OURS_JUDGED.search(text))
            and (judged_statement(text) or fault_with_wish(text) or reproached(text))
        ):
            # "食堂今天的红烧肉太咸了", "the nurse was really kind": an opinion of ours told
            request = Request("feedback", rest)
        routed = self._requested(request, venue_ids) if request is not None else None
        if (
            routed is not None
            and routed.feature == "feedback"
            and not venue_ids
            and _BOUGHT_ELSEWHERE.search(text)
            # (not our people or doings complained of, the consumer body named as a threat: "你们
            # 工作人员态度太差了 我要打12315"; a second reader, round thirty)
            and not _OURS_COMPLAINED.search(text)
        ):  # "网上买的电饭煲坏了 商家不理 去哪投诉": a shop's customer, not ours (round thirty)
            return Understanding(Kind.NONE, looks_like_question=question)
        if routed is not None and routed.feature == "events" and not venue_ids:
            routed = _events_or_named(text)  # "有没有剪纸活动": that activity's card
        if routed is not None and routed.feature == "course" and routed.course_hint:
            routed = _course_card(_class_asked_by_name(text, routed.course_hint))
        if _RECORD_WRONG_CUE.search(text) and _RECORD_WRONG.search(text):
            # "我报名的时候名字打错了 结业证书上要改过来": one's record to be put right by a
            # person, the sign-up only when it went wrong (no course asked)
            if feature is not None and feature.feature == "course":
                feature = None
            if routed is not None and routed.feature == "course":
                routed = None
        if (
            (
                (routed is not None and routed.feature == "events")
                # (the events asked in the feature's words: "想去外滩 跨年有什么活动", r27)
                or (feature is not None and feature.feature == "events")
            )
            and _IN_TOWN.search(text)
            and not _OURS_TOO.search(text)
        ):  # "any NYE parties in the city?", "外滩跨年有什么活动": the city's, not ours
            return Understanding(Kind.NONE, looks_like_question=True)
        if routed is not None and (
            routed.kind is Kind.NONE  # "sign me up for the shanghai marathon": not ours
            # "我上次报的摄影班结束了 还想接着报": a class of one's own told, signed up again
            or (request is not None and request.feature == "again")
            # one's own events ("我报名了哪些活动", r30j): /myevents, not the events to come
            or routed.feature == "myevents"
            or (feature is not None and feature.feature == "course" and routed.feature == "events")
            # "did i already register for any course?": one's own sign-ups, no class named
            or (
                feature is not None
                and feature.feature == "course"
                and not feature.course_hint
                and routed.feature == "myclasses"
            )
            # "国画班我想报 画山水的": the class the head names, not the words after it
            or (
                feature is not None
                and feature.feature == "course"
                and _CJK.search(routed.course_hint or "")
            )
        ):  # "i want to sign up for an event": the head's topic is an event, not a class
            return routed
        if (
            feature is not None
            and feature.feature == "course"
            and _INSTITUTION_NAMED.search(feature.course_hint or "")
        ):  # "我想学游泳", "帮我报个驾校": nothing our classes teach
            return Understanding(Kind.NONE, looks_like_question=True)
        if feature is not None and feature.feature == "feedback":
            # the places named: the canteen's rating or a person (bot/features/questions)
            return replace(feature, venue_ids=venue_ids)
        if (
            feature is not None
            and feature.feature == "course"
            and (errand := self._asked_before_the_story(text)) is not None
        ):  # "Is there a lift? My dad uses a wheelchair and wants to join tai chi": the lift
            return errand
        if feature is not None:
            return feature
        not_ours = _NOT_OURS.search(rest) or (
            None if venue_ids or _OURS_TOO.search(text) else _WHO_REPAIRS.search(rest)
        )
        if not_ours and self._school_as_story(text, list(_NOT_OURS.finditer(rest))):
            not_ours = None  # "退休前是小学老师…想为社区做点事 给小朋友辅导作业": help offered
        if (
            not_ours
            and re.search(r"passport|visa|permit|licen", not_ours.group())
            and (_ID_PHOTO.search(text) or _PERMIT_PHOTO.search(text))
        ):
            not_ours = None  # "can i get a visa photo done there": the photo, ours
        if (
            not_ours
            and _PHOTO_REASON.fullmatch(not_ours.group())
            and (photo := _PHOTO_NEEDED.search(text))
        ):  # "孙子考大学报名要照片 你们那里好拍伐": the exam (and its sign-up) is why; the
            # photo is ours, and asked from the photo on
            photo_asked = self._faq(strip_punctuation(text[photo.start() :]), question)
            if photo_asked.kind is Kind.FAQ:
                return photo_asked
            not_ours = None
        if (
            not_ours
            and venue_ids
            and routed is not None
            and routed.feature == "feedback"
            and _GET_FIXED.fullmatch(not_ours.group())
        ):
            not_ours = None  # "the gym showers are cold, please get them fixed": ours mended
        if not_ours and _HOME_THING.fullmatch(not_ours.group()) and _OURS_TOO.search(text):
            not_ours = None  # "家里网断了 你们那里有wifi吗": the resident's home, then ours
        if (
            not_ours
            and routed is not None
            and routed.feature == "events"
            and _SCREENING.fullmatch(not_ours.group())
            and _OURS_TOO.search(text)
        ):
            not_ours = None  # "你们放不放露天电影", "does the centre show movies": our doings
        if (
            _CASE_ADVICE.search(rest)
            or (_LEGAL_ANSWER.search(rest) and not _DESK_ASKED.search(text))
            or _MEDICAL_ADVICE.search(_WAY_ASK.sub(" ", rest))  # not "which bus should I take"
            or _STAFF_ON_DUTY.search(text)
            or (
                _SCHOOL_LESSONS.search(text) is not None
                and set(venue_ids) <= {"night_school"}
                and "夜校" not in text
            )
            or (
                _FAMILY_SCHOOL.search(text)
                and set(venue_ids) <= {"night_school"}
                # (our night school named by its name is asked: "孩子学校放假了，夜校周六上课吗";
                # round thirty, dev119)
                and "夜校" not in text
                and "night school" not in text.lower()
                # "儿子高中要社会实践时长 能去你们那帮忙伐": the school is the reason, one of
                # our own topics is asked
                and not {c for c in self.faq.concepts_in(text) if not c.startswith("venue:")}
                - GENERIC
                - _SCHOOL_CONCEPTS
            )
            or any(self._other_road(text, v.span[0]) for v in venues if v.span[1])
            or (
                _SUBDISTRICT_WORD.search(text) is not None
                and any(
                    m.group(2) or m.group(1) not in self._own_addresses
                    for m in _SUBDISTRICT.finditer(text)
                )
            )
            or (
                (home := _HOME_THING.search(text)) is not None
                and not _OURS_TOO.search(text)
                and not _home_is_the_reason(text, home, venues)
            )
            or (
                # "my gym buddy says creatine is bad for kidneys, true?", "听说天天量血压反而不好
                # 是真的吗": a claim checked, not a fact of ours (hours, prices…) asked
                _CLAIM_CHECKED.search(text)
                and not days_named  # "李阿姨说健身房礼拜天不开 真的伐": our hours, heard
                and not _HOURS_INTENT.search(rest)
                and not _OTHER_TOPIC.search(rest)
                and not _OUR_FACT_HEARD.search(rest)
            )
            or (
                _SYMPTOM.search(rest)
                and "health_station" not in venue_ids
                # a fault of one of ours passed on, the symptom what it did ("活动室暖气太热 闷得
                # 头晕 麻烦转告一下", "the gym is freezing, my knees ache, pass it on"; r28, dev108)
                and not (venue_ids and routed is not None and routed.feature == "feedback")
            )
            or (
                not_ours is not None
                # a lawyer hears questions about houses, not about his own exams
                and ("legal_aid" not in venue_ids or not _HOUSE.fullmatch(not_ours.group()))
            )
        ):
            return Understanding(Kind.NONE, looks_like_question=question)
        if routed is not None and routed.feature == "course":
            if (errand := self._asked_before_the_story(text)) is not None:
                return errand  # "有电梯吗？我妈坐轮椅，想来上书法课": the lift
            return routed  # "智能手机课给我留个位置": a place kept in a class, not a favour
        if (
            _MY_CASE.search(rest)
            or _FAVOUR_OR_CASE.search(rest)
            or (_FAULT.search(rest) and _MENDED_WHEN.search(rest))
        ):
            return Understanding(Kind.NONE, looks_like_question=True)  # a person's to tell
        if routed is not None:
            # a request's head decides over the topic's words: "书法那门课我能参加吗" is a
            # sign-up, not the night school's fees; "想夸一下卫生站的护士" is praise, not the
            # station's services
            return replace(routed, venue_ids=venue_ids) if routed.feature == "feedback" else routed
        if _IN_PERSON_SIGNUP.search(text):
            signup = self._faq(clean, question)
            if signup.kind is Kind.FAQ:
                return signup
        if venue_ids and _LOST_ITEM.search(rest) and not _HOURS_HEAD.search(rest):
            # "我把伞落在食堂了怎么办", "lost my airpods at the gym": the venue is where the thing
            # was left, not the topic; ranked without it, nor the thing itself when it is a
            # phone ("I found a phone in the canteen": no phone number asked)
            verdict = self._faq(
                _A_PHONE_HANDSET.sub(" ", _LEFT_WITH_DIU.sub("落在", rest)), question
            )
            if (
                verdict.faq_id != _LOST_FOUND
                and _LEFT_THERE.search(rest)
                and not _REISSUE.search(rest)
                and (entry := self.faq_entry(_LOST_FOUND)) is not None
            ):  # "我奶奶把老年卡掉在食堂了 有人捡到吗": the card left there, not the card's
                # entry (unless its replacement is asked: "…掉了 怎么补办")
                return Understanding(Kind.FAQ, faq_id=entry.id, score=1.0, looks_like_question=True)
            if verdict.kind is Kind.FAQ:
                return verdict
        if (
            not venue_ids
            and (others := _OTHERS_BREAK.search(text))
            and _HOLIDAY_ASK.search(text)
            # (ours asked after it: "我们单位元旦放三天，你们中心呢"; a second reader, r29)
            and not _OURS_AFTER.search(text, others.end())
        ):
            return Understanding(Kind.NONE, looks_like_question=True)  # "我儿子单位国庆放几天假"
        if (
            not venue_ids
            and (
                _HOLIDAY_ASK.search(text)
                or (
                    (worked := _WEEKEND_WORKED.search(text)) is not None
                    and not _YOU_ASKED.search(text)
                    and not _BODY_WORKS.search(text, 0, worked.start())
                )
            )
            # "10号调休 哪些地方开门", "礼拜天调休上班 中心里啥地方开": the places open that day
            and not (
                _OVERVIEW.search(rest) and (_HOURS_INTENT.search(rest) or _OPEN_AT_END.search(rest))
            )
            # "28号补班你们上班吗": whether the centre works on a day of its own
            and not (
                any(m.resolved and m.kind in ("date", "weekday", "relative") for m in mentions)
                and _CENTRE_WORKS.search(rest)
            )
            # "过完节哪天开始上班" inside the break (r30f): the day back, named (not the year's
            # arrangement)
            and not any(m.resolved and BACK_AFTER_BREAK.fullmatch(text, *m.span) for m in mentions)
        ):
            return self._holidays(text, mentions, today)
        if _ASK_PERSON.search(rest) and not venue_ids:
            # a person on the phone, and the number asked ("I'd rather talk to a human on the
            # phone, what number", "想跟真人讲 电话多少"): the numbers; else the person's button
            if _PHONE_INTENT.search(rest) and _NUMBER_ASKED.search(rest):
                phones = self._faq(rest, question)
                if phones.kind is Kind.FAQ:
                    return phones
            return Understanding(Kind.NONE, looks_like_question=True)
        mentions = reconcile_days(
            text, mentions, today, tuple(v.span for v in venues if v.span[1]), self.calendar
        )
        for mention in mentions:  # "寒食节（就是清明前一天）": a name no rule knows, told as
            # the day read right after it
            if mention.resolved and (named := _EXPLAINED.search(text, 0, mention.span[0])):
                gap = named.end() - named.start()
                blank = blank[: named.start()] + " " * gap + blank[named.end() :]
        left = strip_punctuation(remove_times(blank, mentions))
        if any((d + timedelta(days=1)).day == 1 for m in mentions for d in m.days):
            left = _LAST_DAY.sub(" ", left)  # "月底那天…想最后一天去": the month's last day
        if any(m.resolved for m in mentions):  # "monday is my only day off": the resident's
            left = _OWN_DAY_OFF.sub(" ", left)
        if any(m.resolved and m.kind == "festival" and len(m.days) > 1 for m in mentions):
            left = _BREAK_LENGTH.sub(" ", left)  # "端午 3 days off right?": the break's length
        if any(m.resolved and m.kind == "festival" for m in mentions):
            left = _festival_months(left, mentions)  # "Golden Week in October": its own month
        if any(min(m.days) >= today for m in mentions if m.resolved):
            # "moved here last month…can I go on April 29": a month or week gone by is the
            # story's, beside a day to come
            left = _PAST_SPAN.sub(" ", left)
            left = _months_gone(left, text, mentions, today)
            left = _months_to_come(left, mentions)
            left = _few_days_gone(left, text, mentions)
        if any(m.resolved for m in mentions):  # "…grandma flies back to Vancouver after that"
            left = _LEAVES_AFTER.sub(" ", left)
        if "first thing" in left and any(m.resolved for m in mentions):
            left = _FIRST_THING.sub(" ", left)  # "first thing tomorrow": early on the day named
        left = _STAY_LENGTH.sub(" ", left)  # "visiting for two weeks": the stay, no day
        if "after th" in left and _CLOCK_THEN_AFTER_THAT.search(text):
            left = _AFTER_THAT_SAID.sub(" ", left)  # "I finish at 9:30 pm. after that?": the hour
        if _DAY_LEFT.search(left) or (  # "12。20", "3天以后": a day-like word no rule took
            not any(m.resolved for m in mentions) and _DAY_COUNT_LEFT.search(left)
        ):
            mentions = [*mentions, TimeMention((0, 0), (), "unsure", None, _near(today))]
        # the words reconciled into a day are the day's ("国庆节前一天开吗" asks only the hours)
        rest = _without_aside(strip_punctuation(remove_times(blank, mentions)), venue_ids)
        if any(m.resolved and BACK_AFTER_BREAK.fullmatch(text, *m.span) for m in mentions):
            rest = _WHICH_DAY_ZH.sub(" ", rest)  # "节后哪天上班": the day back is the day asked
            # …and in English ("what day do you open after the holiday": r30 r1, was nothing)
            rest = _WHICH_DAY_EN_ASKED.sub(" ", rest)
        resolved = [m for m in mentions if m.resolved]
        unresolved = [m for m in mentions if not m.resolved]
        bare = [  # days that a week or month named elsewhere may place: "周四", "28号", "月底"
            m
            for m in resolved
            if (m.kind == "weekday" and _BARE_WEEKDAY.match(text, m.span[0]))
            or (m.kind == "date" and _FLOATING_DATE.fullmatch(text, *m.span))
        ]
        if (
            resolved
            and all(len(m.days) == 1 for m in resolved)
            and any(_MONTH_END_NAMED.search(text, *m.span) for m in resolved)
            and (
                any(
                    m.kind == "vague" and _SEVERAL_DAYS.fullmatch(text, *m.span) for m in unresolved
                )
                or _THEN_POINTED.search(text)
            )
        ):  # "月底想去… 那几天开吗": the month's last days, not its last day. Asked.
            unresolved = [
                TimeMention(m.span, (), "unsure", None, _days_around(m.days[0])) for m in resolved
            ]
            resolved = []
        if (
            len(resolved) == 1
            and resolved[0].kind == "date"
            and _BARE_MONTH_END.fullmatch(text, *resolved[0].span)
            and not _MONTH_END_TOLD.match(text, resolved[0].span[1])
            and not _LAST_DAY.search(text)
            # "我月底去办社保卡 窗口那天上班伐": one day, pointed back to
            and not _THAT_DAY_LATER.search(text, resolved[0].span[1])
        ):  # "月底健身房开吗": the month's last days, which one? Asked (its last day and the
            # three before; "月底那天", "月底最后一天", "月底那个礼拜六" are that day)
            last = resolved[0].days[0]
            near = tuple(last - timedelta(days=n) for n in (3, 2, 1, 0))
            unresolved = [TimeMention(resolved[0].span, (), "unsure", None, near)]
            resolved = []
        if (
            len(resolved) == 1
            and resolved[0].kind == "date"
            and _MONTH_END_NOW.fullmatch(text, *resolved[0].span)
            and not _MONTH_END_TOLD.match(text, resolved[0].span[1])
            and not _THAT_DAY_LATER.search(text, resolved[0].span[1])
            and not _LAST_DAY.search(text)
            and (resolved[0].days[0] - today).days < 7
        ):  # "is the studio open at the end of the month?" asked in the month's last week: the
            # days now coming, which one? Asked (said earlier in the month, its last day)
            last = resolved[0].days[0]
            near = tuple(
                last - timedelta(days=n) for n in (3, 2, 1, 0) if last - timedelta(days=n) >= today
            )
            unresolved = [TimeMention(resolved[0].span, (), "unsure", None, near)]
            resolved = []
        if resolved:  # "立春那天", "国庆假期": the vague words belong to the named day
            unresolved = [
                m
                for m in unresolved
                # "我下周想去 周四…": this Thursday is not in next week, so which Thursday? (a
                # weekday alone only: "明天…他下周要出国" names tomorrow whatever the week)
                if (
                    m.kind not in ("vague", "past")
                    # "月底 月初食堂开吗": a part of a month listed beside the day, not its word
                    or (
                        m.kind == "vague"
                        and _PART_OF_MONTH.fullmatch(text, *m.span)
                        and _JOINED.fullmatch(
                            _MONTH_NUMBER_END.sub("", _between_nearest(text, m, resolved))
                        )
                    )
                )
                # "腊八那天…今年不晓得": this year, beside a day of this year
                # ("Women's Day falls on a Sunday this year")
                and not (m.kind == "year" and text[m.span[0] : m.span[1]] in ("今年", "this year"))
                # "明年要换身份证了，照相馆明天开伐": the year of the story's own plan, its clause
                and not (m.kind == "year" and _YEAR_STORY.match(text, m.span[1]))
                # "礼拜天琴房开伐，阿拉囡囡下个月要考级": a month of the story's own plan, told
                # in a clause after the day asked (not "下个月要去，礼拜三开伐": its Wednesday)
                and not (
                    m.kind == "week"
                    and _MONTH_STORY.fullmatch(text, *m.span)
                    and all(r.span[1] <= m.span[0] for r in resolved)
                    and _CLAUSE_BREAK.search(text, max(r.span[1] for r in resolved), m.span[0])
                    and (plan := _YEAR_STORY.match(text, m.span[1])) is not None
                    and not _VISIT_PLAN.match(text, plan.end())
                )
                # "老伴前年走脱了…明朝食堂开伐": a year gone by is the story's, not asked
                and not (
                    m.kind == "year"
                    and (gone := year_named(text[m.span[0] : m.span[1]], today)) is not None
                    and gone < today.year
                )
                and not _SEIZE_BEFORE.search(text, 0, m.span[0])
                and not (m.kind == "week" and all(set(r.days) <= set(m.candidates) for r in bare))
            ]
        days = tuple(sorted({d for m in resolved for d in m.days}))
        festival = next((m.festival for m in resolved if m.festival), None)
        hours_intent = bool(
            _HOURS_INTENT.search(
                _PRESCRIBED.sub(
                    " 配药 ", _OFFERED.sub(" ", _TIMES_COUNTED.sub(" ", _OWN_JOB.sub(" ", rest)))
                )
            )
        )
        if (
            not hours_intent
            and venue_ids
            and not mentions
            and ("几" in rest or "哪些天" in rest)
            and _WEEKDAY_ASKED.search(rest)
            and _is_only_filler(_WEEKDAY_ASKED.sub(" ", rest))
        ):  # "夜校周几上课" (上课 is the school's name), "夜校 星期几?", "老师 礼拜几上课": which
            # weekdays the place keeps, its timetable (not today's date)
            hours_intent = True
        if not hours_intent:  # "我今年65了…": a year is a day only in a question about hours
            mentions = [m for m in mentions if m.kind != "year"]
            unresolved = [m for m in unresolved if m.kind != "year"]
            # "年底了要给我妈办敬老卡 窗口能办伐": the season told as now, the story of a task
            # asked, not a day (round twenty-seven, spent21)
            mentions = [m for m in mentions if not _now_told(text, m)]
            unresolved = [m for m in unresolved if not _now_told(text, m)]
        if (
            not hours_intent
            and venue_ids
            and mentions
            and _WHERE_INTENT.search(rest)
            and all(m.days or m.candidates for m in mentions)
            and all(max(m.days or m.candidates) < today for m in mentions)
        ):  # "which floor is the gym, I didn't find it yesterday", "健身房在几楼 昨天去没找到":
            # where the place is; a day gone by is the story's, its hours then asked by no one
            mentions, resolved, unresolved = [], [], []
            days, festival = (), None
        if (
            (hours_intent or _DROP_BY.search(rest))
            # (today told as done beside it is the grievance's: "下趟来律师在伐 今朝排了半天没轮到")
            and all(m.days == (today,) and _story(text, m) for m in mentions)
            and (later := _later_visit(text, today)) is not None
        ):
            mentions = unresolved = [later]  # "等天凉快点去…几点开门": which day, never today
        # a thing left or dropped there ("dropped my keys at the canteen"): not the hours
        if any(_FREE_BEFORE.search(text, 0, v.span[0]) for v in venues if v.span[1]):
            # "还有免费法律咨询吗", "free legal advice next wednesday?": the service's name, its
            # hours asked, not whether it costs
            rest = _FREE_WORD.sub(" ", rest, count=1)
        other_topic = bool(_OTHER_TOPIC.search(rest) or _LOST_ITEM.search(rest))
        if (
            "canteen" in venue_ids
            and not other_topic  # "what's for lunch today": the menu
            and _MEAL.search(rest)
            and _is_only_filler(_MEAL_SERVED.sub(" ", _MEAL.sub(" ", rest)))
        ):  # "食堂晚饭有吗", "does the canteen do dinner": whether (when) the meal is served
            hours_intent = True
        if not (hours_intent and (venue_ids or mentions)) and (
            (
                _PERSONAL_HEAD.search(rest)
                # "工资拖了两个月不给 想找个律师问问": wages owed, a case for our lawyers
                and not ("legal_aid" in venue_ids and _WAGES_OWED.search(rest))
                # "卫生站可以测血糖伐 要空腹去吗": fasting for a test of the station's, its service
                and not ("health_station" in venue_ids and _TEST_FASTING.search(rest))
            )
            or (
                _ADVICE_HEAD.search(_WAY_ASK.sub(" ", rest))
                and not {"legal_aid", "health_station"} & set(venue_ids)  # advice is their work
            )
        ):
            # "…怎么办", "哪个好", "should I…": advice or opinion asked, not the centre's facts
            return Understanding(Kind.NONE, looks_like_question=question)
        if venue_ids and not hours_intent and _WEATHER.search(rest):
            return Understanding(Kind.NONE, looks_like_question=question)  # "会下雨吗…去食堂"
        if venue_ids:
            if (
                venue_ids == ("canteen",)
                and _DISH_ASKED.search(rest)
                and not _HOURS_HEAD.search(rest)
                # (a festival named asks whether it is open for it: "端午食堂有没有粽子卖的";
                # not one on an ordinary weekday, open as usual: "元宵节食堂有汤圆吃吗", dev100)
                and not any(
                    m.kind == "festival"
                    and any(
                        d.weekday() >= 5 or self.calendar.day(d).kind is not DayKind.NORMAL
                        for d in m.days
                    )
                    for m in mentions
                )
                and (entry := self.faq_entry(_CANTEEN_MENU)) is not None
            ):  # "今天食堂有粽子吗": what it serves (not "…有粽子吗 几点开": the hours)
                return Understanding(Kind.FAQ, faq_id=entry.id, score=1.0, looks_like_question=True)
            if unresolved and not resolved and _BOOK_ASK.search(rest):
                # "我女儿生日那天活动室能借吗", "book the studio for the day after my exam":
                # whether it is free depends on the day, which the resident must name
                return _clarify(unresolved, venue_ids)
            if (
                (mentions or hours_intent)
                and not (other_topic and not hours_intent)
                # "上班族能去食堂吃饭吗 lunch 多少钱": a price asked, no day and only a weak
                # hours word (能去, 可以去): the price list
                and not (
                    mentions == [] and not _HOURS_HEAD.search(rest) and _PRICE_SAID.search(rest)
                )
            ):
                if unresolved:
                    return _clarify(unresolved, venue_ids)
                if len(venue_ids) > 1 and not _ONE_OR_OTHER.search(rest):
                    # "明天食堂、卫生站、照相馆都开吗": the day's overview answers them all
                    return Understanding(
                        Kind.OVERVIEW,
                        venue_ids,
                        days,
                        festival,
                        score=1.0,
                        looks_like_question=True,
                    )
                return Understanding(
                    Kind.HOURS, venue_ids, days, festival, score=1.0, looks_like_question=True
                )
            if (
                _PHONE_INTENT.search(rest)
                and not _OTHER_TOPIC.search(_PHONE_INTENT.sub(" ", rest))
                and not _LOCATED.search(rest)  # "卫生站电话多少 在大楼哪一边": its card
                and not _LOST_ITEM.search(rest)
                # a call weighed against queueing or walking in ("找律师要排队吗 还是先打电话",
                # "卫生站直接去就行还是要打电话约"): how to be seen, the place's how-to entry
                and not _WAY_TO_BE_SEEN.search(rest)
            ):  # "卫生站电话多少", "what's the gym's phone number", "how do I ring the photo
                # studio": the place's card (its phone is on it, with where it is); not
                # "收不收费 要不要先打电话" (another topic asked)
                return Understanding(Kind.VENUE, venue_ids, score=1.0, looks_like_question=True)
            if (
                (_WHERE_INTENT.search(rest) and not other_topic and not _TASK.search(rest))
                or (
                    # "健身房在哪", "会客厅在什么地方": only where the place is (its card), or
                    # with its phone number ("卫生站电话多少 在大楼哪一边")
                    _LOCATED.search(rest)
                    and _is_only_filler(
                        _WHAT_PLACE.sub(
                            " ",
                            _ROOM_WORD.sub(" ", _PHONE_INTENT.sub(" ", _LOCATED.sub(" ", rest))),
                        )  # "活动空间在长风湾哪一栋": the site's name said with it
                    )
                )
                or (_PHONE_INTENT.search(rest) and _is_only_filler(_PHONE_INTENT.sub(" ", rest)))
            ):
                return Understanding(Kind.VENUE, venue_ids, score=1.0, looks_like_question=True)
            if (
                not other_topic
                and not _PRICE_ASKED.search(rest)
                and any(_WHAT_IS_IT.match(text, v.span[1]) for v in venues if v.span[1])
            ):  # "shared studio是啥 有录音间吗": what the place is (its card says what is there)
                return Understanding(Kind.VENUE, venue_ids, score=1.0, looks_like_question=True)
            if (where := _where_after_story(text, venues)) is not None:
                # "我刚搬到这个小区不久…，照相馆在哪里几楼": where the place is, after a story
                return Understanding(Kind.VENUE, where, score=1.0, looks_like_question=True)
            if _is_only_filler(_WHAT_PLACE.sub(" ", rest)):
                # "照相馆", "gym?", "共享工作室是干嘛的", "the event space at changfeng bay": the
                # place itself (where it is, what it is), not its price list
                return Understanding(Kind.VENUE, venue_ids, score=1.0, looks_like_question=True)
            if (
                _ROAD_ASKED.search(rest)
                and (road := self._site_address(text, venue_ids)) is not None
            ):
                # "附近有个驿站可以健身 具体在哪条路上": the site's road, its address entry
                return road
            if _COMMERCIAL_USE.search(rest):
                # "can i use the piano room to teach paid lessons", "活动室能用来开培训班收费吗":
                # our rooms are free for residents' groups; a paying use is for a person to decide
                return Understanding(Kind.NONE, looks_like_question=True)
            asked = clean
            if _WAY_TO_BE_SEEN.search(rest):  # the call only a way to be seen, not its number
                asked = _PHONE_INTENT.sub(" ", clean)
            verdict = self._named_venue_first(self._faq(asked, question), asked, venue_ids)
            if (
                verdict.kind is Kind.FAQ
                and (
                    _HAS_THING.search(rest)
                    # (a room of ours booked whole is its booking: "会客厅能不能包场")
                    or (
                        _HIRED_WHOLE.search(rest)
                        and "book" not in self.faq.concepts_of(verdict.faq_id or "")
                    )
                )
                and (
                    self.faq.venue_of.get(verdict.faq_id or "") in venue_ids
                    # an entry of several places, ours among them (room booking)
                    or any(
                        f"venue:{v}" in self.faq.concepts_of(verdict.faq_id or "")
                        for v in venue_ids
                    )
                )
                and not self.faq.shares_concepts(
                    _BRING_OWN.sub(" ", _HIRED_WHOLE.sub(" ", rest)), verdict.faq_id or ""
                )
            ):  # "健身房有淋浴吗", "健身房有教练伐", "can i bring a guest to the gym": a thing
                # the venue may have that its entry does not tell (only the venue's name is
                # shared): offered, not answered
                return Understanding(
                    Kind.SUGGEST,
                    suggestions=(verdict.faq_id or "",),
                    score=verdict.score,
                    looks_like_question=True,
                )
            if _PARKING.search(rest) and verdict.kind in (Kind.FAQ, Kind.SUGGEST):
                # "开车带老妈去卫生站看病 车子停哪里": the venue is where the resident goes;
                # what is asked about the trip (parking) is an entry of no venue's own
                alone = self._faq(rest, question)
                if (
                    alone.kind is Kind.FAQ
                    and alone.faq_id != verdict.faq_id
                    and self.faq.venue_of.get(alone.faq_id or "") is None
                ):
                    return alone
            if verdict.kind is Kind.SUGGEST and not any(
                self.faq.venue_of.get(faq_id) in venue_ids for faq_id in verdict.suggestions
            ):
                # "活动室的无线网叫什么名字": no entry of the venue's own is suggested, so the
                # venue only says where; without it, one of the entries suggested may stand out
                alone = self._faq(rest, question)
                if alone.kind is Kind.FAQ and alone.faq_id in verdict.suggestions:
                    return alone
            return verdict
        site = _site_named(rest)
        if site is not None and hours_intent:
            # "长风湾几点开门", "is the 1690 centre open today": the venues of that site, each
            station, without = site
            if _is_only_filler(_PART_OF_DAY.sub(" ", _HOURS_INTENT.sub(" ", without))):
                unsure = [m for m in unresolved if m.kind != "year"]  # "1690" is no year
                if unsure:
                    return _clarify(unsure, ())
                return Understanding(
                    Kind.OVERVIEW,
                    tuple(v.id for v in self.centre.venues if v.station == station),
                    days,
                    festival,
                    score=1.0,
                    looks_like_question=True,
                )
        overview = bool(_OVERVIEW.search(rest)) and (hours_intent or bool(mentions))
        # "下午几点关门": a part of the day is still the day's hours (every place's)
        generic = _is_only_filler(_PART_OF_DAY.sub(" ", _HOURS_INTENT.sub(" ", rest)))
        if (hours_intent and (generic or overview)) or (mentions and overview):
            if unresolved:
                return _clarify(unresolved, ())
            return Understanding(
                Kind.OVERVIEW, (), days, festival, score=1.0, looks_like_question=True
            )
        if unresolved and generic:  # not "养老金什么时候补发": a day of something not ours
            return _clarify(unresolved, ())
        if resolved and _is_only_filler(rest):  # "明天呢?" / "周六?"
            return Understanding(
                Kind.OVERVIEW, (), days, festival, score=1.0, looks_like_question=True
            )
        verdict = self._faq(clean, question)
        if (
            verdict.kind in (Kind.FAQ, Kind.SUGGEST)
            and _PARKING.search(_NAMED_PARK.sub(" ", rest))  # not "by the park"
            and "parking" not in self.faq.concepts_of(verdict.faq_id or "")
            and (parked := self.faq.entry_with_concept(self.faq.rank(clean), "parking", clean))
            and parked.score >= ANSWER_SCORE
        ):  # "开车过来办事，车往哪停", "来办社保 车子往哪停": the errand is why the resident
            # comes; where the car goes is what is asked
            return Understanding(
                Kind.FAQ,
                faq_id=self.faq.entries[parked.entry_no].id,
                score=parked.score,
                looks_like_question=True,
            )
        if (
            verdict.kind is Kind.FAQ
            and not other_topic
            and (
                _HOURS_HEAD.search(_PRESCRIBED.sub(" 配药 ", rest))
                # "社保卡 明天能办?", "居住证 周六可以办吗": the errand done on a day named
                or (
                    (days or any(m.kind != "week" for m in unresolved))
                    and _DONE_ON_DAY.search(rest)
                )
            )
            and (venue_id := self.faq.venue_of.get(verdict.faq_id or "")) is not None
        ):  # "这周四下午要去办居住证 窗口几点关门": the entry's venue, asked when it is open
            if unresolved:  # "儿子搬家那天…窗口开不开": which day, for that venue
                return _clarify(unresolved, (venue_id,))
            return Understanding(
                Kind.HOURS, (venue_id,), days, festival, score=1.0, looks_like_question=True
            )
        return verdict

    def _break_end(self, start: date) -> date | None:
        """The last day off of the holiday block around ``start`` (None when the calendar
        does not know the year's arrangement near it)."""
        day = start
        for _ in range(15):
            kind = self.calendar.day(day + timedelta(days=1)).kind
            if kind is DayKind.UNKNOWN:
                return None
            if kind is not DayKind.HOLIDAY:
                return day
            day += timedelta(days=1)
        return None

    def _working(self, day: date) -> bool | None:
        kind = self.calendar.day(day).kind
        if kind is DayKind.UNKNOWN:
            return None
        return kind is DayKind.MAKEUP or (kind is DayKind.NORMAL and day.weekday() < 5)

    def _break_just_over(self, today: date) -> date | None:
        """The first day of the break that ended in the last week, when today is not in one
        ("节后" said on the first working days after May Day is May Day's)."""
        if self.calendar.day(today).kind is DayKind.HOLIDAY or self._next_day_off(today, 15):
            return None  # a break at hand: "节后" is that one's
        for n in range(1, 8):
            if self.calendar.day(today - timedelta(days=n)).kind is DayKind.HOLIDAY:
                first = today - timedelta(days=n)
                while self.calendar.day(first - timedelta(days=1)).kind is DayKind.HOLIDAY:
                    first -= timedelta(days=1)
                return first
        return None

    def _next_day_off(self, today: date, within: int) -> date | None:
        """The first holiday day off from today on (the break going on or the next one), within
        ``within`` days."""
        return next(
            (
                today + timedelta(days=n)
                for n in range(within)
                if self.calendar.day(today + timedelta(days=n)).kind is DayKind.HOLIDAY
            ),
            None,
        )

    def _working_day_before(self, day: date | None) -> date | None:
        """The last working day before ``day`` (None when the calendar does not know it)."""
        for _ in range(10):
            if day is None:
                return None
            day -= timedelta(days=1)
            working = self._working(day)
            if working is None:
                return None
            if working:
                return day
        return None

    def _makeup_day(self, text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
        """The make-up working day told by the festival it comes after or before: "五一后面那个
        补班的礼拜六", "中秋前头那个调休要上班的礼拜天", "the make-up working saturday after
        national day": the calendar's nearest such day on that side (of that weekday, if
        named), within three weeks, still to come (after a festival just over, that one's);
        none known: left as it is (asked); only one gone by: asked."""
        mentions = self._last_weekday_made_up(text, mentions, today)
        following = _NEXT_MAKEUP.search(text)
        if following is not None:
            return self._next_makeup_day(text, following, mentions, today)
        if "补班" in text or "调休" in text or "make" in text or "working" in text:
            previous = _LAST_MAKEUP.search(text)
            if previous is not None and not _NOW_ASKED_AFTER.search(text, previous.end()):
                return self._last_makeup_day(previous, mentions, today)
        word = _MAKEUP_WORD.search(text)
        if word is None:
            return self._shifted_day(text, mentions)
        festival = next((m for m in mentions if m.kind == "festival" and m.resolved), None)
        if festival is None:
            return self._makeup_day_alone(text, word, mentions, today)
        # "上个礼拜天补班，…那国庆后面那个补班的礼拜六": the make-up word told of the festival
        # is the one nearest to it (the first was the story's, a day gone by)
        word = min(
            _MAKEUP_WORD.finditer(text),
            key=lambda w: max(w.start() - festival.span[1], festival.span[0] - w.end()),
        )
        lo, hi = sorted((festival.span[0], festival.span[1], word.start(), word.end()))[1:3]
        between = text[lo:hi]
        after = bool(re.search(r"后|\bafter\b", between))
        before = bool(re.search(r"前|\bbefore\b", between))
        if not after and not before:
            # the break told as over between ("国庆放完假那个礼拜六要上班", "十一回来…"), or the
            # side said before an English festival ("after the national day break there's a
            # saturday we have to work"; r29c)
            side = _SIDE_BEFORE.search(text, max(0, festival.span[0] - 12), festival.span[0])
            over = _MAKEUP_BREAK_OVER.search(between) is not None
            after = over or (side is not None and side[1] != "before")
            before = side is not None and side[1] == "before"
        if after == before:
            return self._makeup_of_festival(text, festival, word, mentions, today)
        others = [m for m in mentions if m is not festival]
        weekday = next(
            (m for m in others if m.kind == "weekday" and m.span[0] >= word.start() - 12), None
        )
        wanted = weekday.days[0].weekday() if weekday is not None else None
        if weekday is None:  # "春节前补班的那个礼拜六": "那个礼拜六" (asked alone) is its weekday
            weekday = next(
                (
                    m
                    for m in others
                    if not m.resolved
                    and word.end() <= m.span[0] <= word.end() + _SPAN_GAP
                    and _THAT_WEEKDAY.fullmatch(text, *m.span)
                ),
                None,
            )
            if weekday is not None and (that := _THAT_WEEKDAY.fullmatch(text, *weekday.span)):
                wanted = _WEEKDAY_OF[that[1]]
        occurrences = [(min(festival.days), max(festival.days))]
        if after and festival.festival is not None:  # "国庆后面补班的" on 10-08: this year's
            gone, _ = self.calendar.festival_date(festival.festival, occurrences[0][0].year - 1)
            if gone is not None:
                occurrences.append((gone, gone))
        near = [
            w.day
            for first, last in occurrences
            for year in {first.year - 1, first.year, first.year + 1}
            for w in self.calendar.year_view(year).workdays
            if (0 < (w.day - last).days <= 21 if after else 0 < (first - w.day).days <= 21)
            and (wanted is None or w.day.weekday() == wanted)
        ]
        if not near:
            return mentions
        spans = [festival.span, word.span()] + ([weekday.span] if weekday else [])
        whole = (min(a for a, _ in spans), max(b for _, b in spans))
        coming = [d for d in near if d >= today]
        rest = [
            m
            for m in others
            if m is not weekday
            # the break told as over and "那个礼拜六" inside the phrase read (r29c: "国庆放完假
            # 那个礼拜六要上班"): its parts, not days of their own
            and not (whole[0] <= m.span[0] and m.span[1] <= whole[1] and not m.resolved)
        ]
        if not coming and PAST_ASKED.search(text):
            # …asked in the past tense ("五一后那个补班的周六 窗口开了吗" in September; r29c):
            # the latest gone by
            return [TimeMention(whole, (max(near),), "date", None, ()), *rest]
        if not coming:  # the make-up day is gone by: which one was meant? Asked
            return [TimeMention(whole, (), "unsure", None, ()), *rest]
        day = min(coming) if after else max(coming)
        return [TimeMention(whole, (day,), "date", None, ()), *rest]

    def _next_makeup_day(
        self, text: str, following: re.Match[str], mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """ "下一次补班那天", "the next make-up working day": the calendar's first make-up day
        after today, within two months; none known (a year not yet published): asked. Days told
        before it as gone by ("上礼拜天补班我来办过事") are the story, not the day asked."""
        zh, en = following.group("weekday"), following.group("en") or following.group("en2")
        wanted = _WEEKDAY_OF[zh[-1]] if zh else _EN_WEEKDAYS.index(en[:3]) if en else None
        coming = sorted(
            w.day
            for year in {today.year, today.year + 1}
            for w in self.calendar.year_view(year).workdays
            if 0 < (w.day - today).days <= 60 and (wanted is None or w.day.weekday() == wanted)
        )
        said = (
            TimeMention(following.span(), (coming[0],), "date", None, ())
            if coming and not following.group("twice")
            else TimeMention(following.span(), (), "unsure", None, ())
        )
        rest = [
            # a day gone by, with its make-up word: the story ("上礼拜天补班我来办过事")
            TimeMention((m.span[0], told.end()), (), "past", None, ())
            if m.resolved
            and max(m.days) < today
            and (told := _MAKEUP_WORD.match(text, m.span[1])) is not None
            else TimeMention(m.span, (), "past", None, ())
            if m.resolved and max(m.days) < today
            else m
            for m in mentions
            if m.span[1] <= following.start() or m.span[0] >= following.end()
        ]
        return sorted([said, *rest], key=lambda m: m.span)

    def _last_makeup_day(
        self, previous: re.Match[str], mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """ "上次补班那天", "上礼拜补班", "the last make-up day": the calendar's latest make-up day
        before today, within two months; none known: asked."""
        zh, en = previous.group("weekday"), previous.group("en") or previous.group("en2")
        wanted = _WEEKDAY_OF[zh[-1]] if zh else _EN_WEEKDAYS.index(en[:3]) if en else None
        gone = sorted(
            w.day
            for year in {today.year - 1, today.year}
            for w in self.calendar.year_view(year).workdays
            # (the last one is the last one however long ago: "上次补班" on 09-20 is 05-09;
            # half a year back at most, r29c)
            if 0 < (today - w.day).days <= 200 and (wanted is None or w.day.weekday() == wanted)
        )
        if re.match(r"上个?(?:礼拜|星期|周)", previous.group()):  # "上礼拜补班": last week's only
            monday = today - timedelta(days=today.weekday())
            gone = [d for d in gone if monday - timedelta(days=7) <= d < monday]
        said = (
            TimeMention(previous.span(), (gone[-1],), "date", None, ())
            if gone
            else TimeMention(previous.span(), (), "unsure", None, ())
        )
        rest = [m for m in mentions if m.span[1] <= previous.start() or m.span[0] >= previous.end()]
        return sorted([said, *rest], key=lambda m: m.span)

    def _makeup_of_festival(
        self,
        text: str,
        festival: TimeMention,
        word: re.Match[str],
        mentions: list[TimeMention],
        today: date,
    ) -> list[TimeMention]:
        """ "国庆补班那天", "五一调休上班那天": the make-up working day of that festival's break,
        not the festival's own day. The calendar's one around the break (three weeks either
        side), still to come: that day; several or none known (a year not yet published): asked."""
        if not _OF_FESTIVAL.fullmatch(text, festival.span[1], word.start()):
            return mentions
        whole = (festival.span[0], word.end())
        rest = [m for m in mentions if m is not festival]
        if all(self.calendar.day(d).kind is DayKind.MAKEUP for d in festival.days):
            # a day of its own that is itself worked ("情人节补班那天" when 2-14 is a make-up
            # Saturday): the word says what that day is, not another day of the break
            return [TimeMention(whole, festival.days, "date", None, ()), *rest]
        first, last = min(festival.days), max(festival.days)
        while self.calendar.day(first - timedelta(days=1)).kind is DayKind.HOLIDAY:
            first -= timedelta(days=1)
        while self.calendar.day(last + timedelta(days=1)).kind is DayKind.HOLIDAY:
            last += timedelta(days=1)
        near = sorted(
            w.day
            for year in {first.year - 1, first.year, first.year + 1}
            for w in self.calendar.year_view(year).workdays
            if (0 < (w.day - last).days <= 21 or 0 < (first - w.day).days <= 21)
            and (
                # the arrangement's own festival for the day when it says one (2026-09-20 is
                # National Day's, though 中秋's break is nearer); else the nearest day off
                w.festival == festival.festival
                if w.festival and festival.festival
                else first <= self._nearest_day_off(w.day) <= last
            )
        )
        coming = [d for d in near if d >= today]
        if (named := _MAKEUP_WEEKDAY_SAID.match(text, word.end())) is not None:
            # "五一补班的礼拜六", "国庆调休那个礼拜天": the weekday said with the word is which
            # of the break's make-up days, and no day of its own
            wanted = _WEEKDAY_OF[named.group(1)]
            coming = [d for d in coming if d.weekday() == wanted]
            whole = (whole[0], named.end())
            rest = [m for m in rest if m.span[1] <= word.end() or m.span[0] >= named.end()]
        several = _SEVERAL_ASKED.search(text, word.start()) is not None
        if named is None and len(near) > len(coming) > 0 and several:
            # "国庆补班那两天" asked inside the break, one of them gone by (r29c): both, as the
            # word asks them all
            coming = near
        if len(coming) == 1:
            return [TimeMention(whole, (coming[0],), "date", None, ()), *rest]
        if len(coming) > 1 and _SEVERAL_ASKED.search(text, word.start()):
            # "国庆调休上班那两天", "the National Day make-up working days": all of them (the
            # "那两天" right after the word is theirs, not a vague day of its own)
            said = [m for m in rest if m.kind == "vague" and 0 <= m.span[0] - word.end() <= 2]
            whole = (whole[0], max([whole[1], *(m.span[1] for m in said)]))
            rest = [m for m in rest if m not in said]
            return [TimeMention(whole, tuple(coming), "date", None, ()), *rest]
        return [TimeMention(whole, (), "unsure", None, tuple(coming)), *rest]

    def _last_weekday_made_up(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """ "Was the canteen open last Saturday? It was one of those make-up workdays, right?"
        (round twenty-nine, spent29): "last <weekday>" (asked alone: this week's or the one
        before?) said to be a make-up working day is the one gone by within 13 days that was."""
        if "last" not in text or "make" not in text or not _MAKEUP_WORD.search(text):
            return mentions
        result = []
        for mention in mentions:
            last = _LAST_WEEKDAY_EN.search(text, 0, mention.span[0])
            if mention.kind == "weekday" and len(mention.days) == 1 and last is not None:
                wanted = mention.days[0].weekday()
                gone = [
                    today - timedelta(days=n)
                    for n in range(1, 14)
                    if (today - timedelta(days=n)).weekday() == wanted
                    and self.calendar.day(today - timedelta(days=n)).kind is DayKind.MAKEUP
                ]
                if len(gone) == 1:
                    mention = TimeMention((last.start(), mention.span[1]), (gone[0],), "date")
            result.append(mention)
        return result

    def _shifted_day(self, text: str, mentions: list[TimeMention]) -> list[TimeMention]:
        """ "元旦调休那天": the day worked or the day off in lieu? Not the festival's own day:
        asked."""
        for mention in mentions:
            if mention.kind != "festival" or not mention.resolved:
                continue
            end = mention.span[1]
            between = _OF_FESTIVAL.match(text, end)
            shifted = _SHIFTED_DAY.match(text, between.end() if between else end)
            if shifted is not None:
                said = TimeMention((mention.span[0], shifted.end()), (), "unsure", None, ())
                return [said if m is mention else m for m in mentions]
        return self._makeup_told_of_day(text, mentions)

    def _makeup_told_of_day(self, text: str, mentions: list[TimeMention]) -> list[TimeMention]:
        """ "上礼拜六调休，你们中心是照常上班的伐" (round twenty-nine, spent29): 调休 said right
        after a day that was a make-up working day tells what the day was; its words are the
        day's (not the arrangement asked)."""
        if "调休" not in text:
            return mentions
        result = []
        for mention in mentions:
            told = _SHIFTED_TOLD.match(text, mention.span[1]) if mention.resolved else None
            if (
                told is not None
                and len(mention.days) == 1
                and self.calendar.day(mention.days[0]).kind is DayKind.MAKEUP
            ):
                mention = replace(mention, span=(mention.span[0], told.end()))
            result.append(mention)
        return result

    def _nearest_day_off(self, day: date) -> date:
        """The day off nearest ``day`` (within three weeks; the day itself if none): the break a
        make-up working day belongs to."""
        for n in range(1, 22):
            for near in (day - timedelta(days=n), day + timedelta(days=n)):
                if self.calendar.day(near).kind is DayKind.HOLIDAY:
                    return near
        return day

    def _makeup_day_alone(
        self, text: str, word: re.Match[str], mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """A make-up working day named with no festival ("补班那天", "the make-up working day",
        "两个补班的礼拜六"): the calendar's coming ones within four weeks (of the weekday named):
        one, that day; several, all when several are asked, else which one is asked; none,
        asked (never today's hours for a word not read). A date of its own ("28号补班") or
        other days named leave it to them."""
        makeup = {
            w.day
            for year in {today.year - 1, today.year, today.year + 1}
            for w in self.calendar.year_view(year).workdays
        }
        side = _MAKEUP_SIDE.search(text, max(0, word.start() - 12), word.end() + 30)
        mentions = [
            TimeMention(m.span, (only[0],), "date", None, ())
            if not m.resolved
            and m.candidates
            and (
                abs(word.start() - m.span[1]) <= 2
                # the day told to be one ("next saturday is a make-up working day, right?",
                # "is next sunday a make-up day", "下个礼拜六是补班吧"; round twenty-eight)
                or (
                    m.span[1] < word.start() <= m.span[1] + 16
                    and _CLAIM_GAP.fullmatch(text, m.span[1], word.start()) is not None
                )
            )
            and (side is None or not side.start() <= m.span[0] < side.end())  # 节后补班
            and len(only := [d for d in m.candidates if d in makeup]) == 1
            else m
            for m in mentions
        ]  # "9号补班" said after the 9th: the 9th that is a make-up day
        if any(m.resolved and m.kind not in ("weekday", "vague", "week") for m in mentions):
            # the word says what the day named is ("28号补班"): read with it; the weekday of the
            # word ("the make-up working saturday (9 may)", "5月9号补班的礼拜六") is the date's
            # when it agrees
            dated = [
                d for m in mentions if m.kind not in ("weekday", "vague", "week") for d in m.days
            ]
            mentions = [
                replace(m, days=tuple(e for e in dated if e.weekday() == m.days[0].weekday()))
                if m.kind == "weekday"
                and len(m.days) == 1
                and word.start() <= m.span[0] <= word.end() + _SPAN_GAP
                and any(e.weekday() == m.days[0].weekday() for e in dated)
                else m
                for m in mentions
            ]
            # "春节前补班的那个礼拜六": "那个礼拜六" (which one? alone) is the date's own weekday
            mentions = [
                TimeMention(m.span, agree, "weekday", None, ())
                if not m.resolved
                and word.end() <= m.span[0] <= word.end() + _SPAN_GAP
                and (that := _THAT_WEEKDAY.fullmatch(text, *m.span)) is not None
                and (agree := tuple(e for e in dated if e.weekday() == _WEEKDAY_OF[that[1]]))
                else m
                for m in mentions
            ]
            return [
                replace(m, span=(min(m.span[0], word.start()), max(m.span[1], word.end())))
                if m.resolved and m.kind != "weekday" and abs(word.start() - m.span[1]) <= 2
                else m
                for m in mentions
            ]
        weekday = next((m for m in mentions if m.kind == "weekday" and m.resolved), None)
        named = _MAKEUP_WEEKDAY.search(text, max(0, word.start() - 12), word.end() + 12)
        if _DAY_AFTER.match(text, word.end()) or _DAY_BEFORE.match(text, word.end()):
            # "补班第二天就是礼拜天": the weekday told after is the next day's, not the make-up
            # day's own (round thirty, spent34; was asked with no day to offer)
            if weekday is not None and weekday.span[0] >= word.end():
                weekday = None
            if named is not None and named.start() >= word.end():
                named = None
        wanted: int | None = None
        if weekday is not None:
            wanted = weekday.days[0].weekday()
        elif named is not None:  # "要上班的那个礼拜六", read as unsure alone
            zh, en = named.group("zh"), named.group("en")
            wanted = _WEEKDAY_OF[zh] if zh else _EN_WEEKDAYS.index(en[:3])
        coming = sorted(
            w.day
            for year in {today.year, today.year + 1}
            for w in self.calendar.year_view(year).workdays
            if 0 <= (w.day - today).days <= 28 and (wanted is None or w.day.weekday() == wanted)
        )
        spans = [word.span()] + (
            [weekday.span] if weekday else [named.span()] if named is not None else []
        )
        held = break_at_hand(today, self.calendar) if side is not None and len(coming) > 1 else ()
        if side is not None and held:
            # the side of the break at hand said: the nearest make-up day on that side
            said = side.group("zh_side") or side.group("en_side")
            later = bool(side.group("zh_done")) or said in ("后", "以后", "之后", "after")
            if later:
                coming = [d for d in coming if d > held[-1]][:1]
            else:
                coming = [d for d in coming if d < held[0]][-1:]
            spans.append(side.span())
        whole = (min(a for a, _ in spans), max(b for _, b in spans))
        # the weekday read alone, and the break the day comes after ("放完假要补班的那个星期六",
        # "节后"): its setting, not days of their own
        rest = [
            m
            for m in mentions
            if m is not weekday
            and (m.span[0] >= whole[1] or m.span[1] <= whole[0] - 12 or m.resolved)
            and not (whole[0] <= m.span[0] and m.span[1] <= whole[1])
        ]
        if weekday is not None and weekday.days[0] in coming and not _SEVERAL_ASKED.search(text):
            coming = [weekday.days[0]]  # "礼拜六补班" said in the week of one: that Saturday
        elif weekday is not None and _WEEK_PREFIX.match(text, weekday.span[0]):
            # "下礼拜六是不是要补班 …窗口开伐": the day is named with its week, whether it is
            # worked or not (its hours say which)
            coming = [weekday.days[0]]
        if len(coming) == 1 or (coming and _SEVERAL_ASKED.search(text)):
            # …and the break it comes after told just behind it ("the saturday we work after
            # golden week"): its setting too
            setting = [
                m
                for m in rest
                if not m.resolved
                and (
                    (m.span[0] >= whole[1] and _SETTING_GAP.fullmatch(text, whole[1], m.span[0]))
                    # …or said before it, "after" first ("after the national day break there's
                    # a saturday we have to work"; r29c)
                    or (
                        m.span[1] <= whole[0] <= m.span[1] + 30
                        and _SIDE_BEFORE.search(text, max(0, m.span[0] - 12), m.span[0]) is not None
                    )
                )
            ]
            if setting:
                rest = [m for m in rest if m not in setting]
                whole = (
                    min(whole[0], *(m.span[0] for m in setting)),
                    max(whole[1], *(m.span[1] for m in setting)),
                )
            if (
                len(spans) > 1
                and max(spans[1][0] - word.end(), word.start() - spans[1][1]) > _SPAN_GAP
            ):
                # "补班那天夜校上课吗还是按周六的时间": the weekday said apart, read as the same
                # day, and the words between them (a venue) left to be read
                return [
                    TimeMention(word.span(), tuple(coming), "date", None, ()),
                    TimeMention(spans[1], tuple(coming), "date", None, ()),
                    *rest,
                ]
            return [TimeMention(whole, tuple(coming), "date", None, ()), *rest]
        return [TimeMention(whole, (), "unsure", None, tuple(coming)), *rest]

    def _after_the_break(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The first day, working day or weekday after a holiday's break: "国庆后第一天",
        "节后第一个周六" (节后 alone: the break of the next holiday), "first working day after
        national day". A weekday after a festival named ("国庆节后第一个星期一") counts from
        the festival's day instead (see ``_first_weekday_after``)."""
        if "第" not in text and "after" not in text:
            return mentions
        for found in _AFTER_BREAK.finditer(text):
            if "回来" in found.group() and _SOMEONE_RETURNS.search(text, 0, found.start()):
                continue  # "我儿子国庆回来第一天": his first day home, in the break or after?
            festival = next(
                (
                    m
                    for m in mentions
                    if m.kind == "festival"
                    and m.resolved
                    and m.span[0] < found.start()
                    and m.span[1] <= found.end()
                    and not text[m.span[1] : found.start()].strip(" 节的假期长")
                ),
                None,
            )
            if found.group("en_bare") is not None:  # "the day after the holiday ends"
                festival = None
            english = found.group("en_day") is not None or found.group("en_day2") is not None
            if english:
                festival = next(
                    (
                        m
                        for m in mentions
                        if m.kind == "festival"
                        and m.resolved
                        and m.span[0] >= found.end()
                        and not text[found.end() : m.span[0]].strip(" the")
                    ),
                    None,
                )
                if festival is None:  # "…after the national day holiday": read alone there
                    alone = find_times(text[found.end() :], today, self.calendar)
                    first = alone[0] if alone else None
                    if (
                        first is not None
                        and first.kind == "festival"
                        and first.resolved
                        and not text[found.end() : found.end() + first.span[0]].strip(" the")
                    ):
                        festival = TimeMention(
                            (found.end() + first.span[0], found.end() + first.span[1]),
                            first.days,
                            first.kind,
                            first.festival,
                            (),
                        )
            weekday = found.group("weekday")
            back = found.group("back") is not None
            if back and today not in break_at_hand(today, self.calendar):
                continue  # "上班第一天" on a working day or a plain weekend: whose, which?
            if back and _FIRST_DAY_TOLD.match(text, found.end()):
                continue  # "上班第一天就迟到了": a first day told, whose? (a second reader, r30)
            bare = any(found.group(g) is not None for g in ("bare", "bare2", "en_bare", "back"))
            if festival is None and (english or not bare):
                continue
            if festival is not None and weekday and not _SAID_WORKING.match(text, found.end()):
                continue  # "国庆节后第一个星期一": from the festival's day
            # …but "国庆后第一个周六要上班": a working day, so the make-up day after the break
            start: date | None
            gone_by_ok = True
            if festival is not None:
                start = festival.days[0]
            elif any(
                m.resolved and (m.span[1] <= found.start() or m.span[0] >= found.end())
                for m in mentions
            ):  # "10月8号…上班吗 假期结束第一天": the day is named, the break only says which
                # (its words kept as a vague mention's, so they are no day no rule took)
                said = TimeMention(found.span(), (), "vague", None, ())
                kept = [
                    m for m in mentions if m.span[1] <= found.start() or m.span[0] >= found.end()
                ]
                return sorted([*kept, said], key=lambda m: m.span)
            elif (just := self._break_just_over(today)) is not None:
                start = just  # "节后" in the week after a break: that one
                gone_by_ok = False
            else:  # "节后": the break going on or the next one
                start = self._next_day_off(today, 120)
                if start is None:
                    continue
            end = self._break_end(start)
            if end is None:
                continue
            day = end + timedelta(days=1)
            if not gone_by_ok and day < today:
                continue  # "节后第一天" two days after the break: that day gone, or the next?
            weekend = False
            if weekday and weekday[-1] == "末":  # "节后第一个周末": its Saturday and Sunday
                if day.weekday() == 6:  # the break ends on a Saturday: this Sunday or the next?
                    continue
                day += timedelta(days=(5 - day.weekday()) % 7)
                weekend = True
            elif weekday:
                wanted = _WEEKDAY_OF.get(weekday[-1])
                if wanted is None:
                    continue
                day += timedelta(days=(wanted - day.weekday()) % 7)
            elif (
                back
                or found.group("work")
                or found.group("work_said")
                or found.group("en_work")
                or found.group("en_bare_work")
            ):
                for _ in range(10):
                    working = self._working(day)
                    if working is None:
                        break
                    if working:
                        break
                    day += timedelta(days=1)
                if not self._working(day):
                    continue
            if english and festival is not None:  # "…after national day holiday"
                tail = _BREAK_WORD_AFTER.match(text, festival.span[1])
                span = (found.start(), tail.end() if tail else festival.span[1])
            else:
                span = ((festival.span[0] if festival else found.start()), found.end())
            days = (day, day + timedelta(days=1)) if weekend else (day,)
            merged = TimeMention(span, days, "date", None, ())
            kept = [m for m in mentions if m.span[1] <= span[0] or m.span[0] >= span[1]]
            return sorted([*kept, merged], key=lambda m: m.span)
        return mentions

    def _before_the_break(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The last working day before a festival's break: "放清明假之前最后一个工作日",
        "国庆前最后一天上班", "the last working day before qingming" (was the day before the
        festival itself, a day off: a wrong day). Unknown arrangement: asked."""
        if "最后" not in text and "last" not in text and "前" not in text and "before" not in text:
            return mentions
        for festival in mentions:
            if festival.kind != "festival" or not festival.resolved:
                continue
            zh = _LAST_BEFORE_BREAK_ZH.match(text, festival.span[1])
            if (
                zh is not None
                and zh.group("day") is not None
                and not _BREAK_SAID.search(text, festival.span[0], zh.end())
            ):
                zh = None  # "清明前最后一天": the festival's eve, or the break's? Asked
            en = _LAST_BEFORE_BREAK_EN.search(text, 0, festival.span[0])
            if zh is None and en is None:
                continue
            start = en.start() if en is not None else festival.span[0]
            if zh is None:
                tail = _BREAK_WORD_AFTER.match(text, festival.span[1])
                end = tail.end() if tail else festival.span[1]
            else:
                end = zh.end()
            day: date | None = min(festival.days)
            for _ in range(15):  # back to the break's first day off
                assert day is not None
                kind = self.calendar.day(day - timedelta(days=1)).kind
                if kind is DayKind.UNKNOWN:
                    day = None
                    break
                if kind is not DayKind.HOLIDAY:
                    break
                day -= timedelta(days=1)
            day = self._working_day_before(day)  # then back to a working day
            kept = [m for m in mentions if m.span[1] <= start or m.span[0] >= end]
            if day is None or day < today:
                near = tuple(min(festival.days) - timedelta(days=n) for n in (3, 2, 1))
                said = TimeMention((start, end), (), "unsure", None, near)
            else:
                said = TimeMention((start, end), (day,), "date", None, ())
            return sorted([*kept, said], key=lambda m: m.span)
        return self._before_the_break_at_hand(text, mentions, today)

    def _before_the_break_at_hand(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The same with no festival named ("节前最后一个工作日", "the last working day before
        the holiday"): the working day before the break going on or the next one within four
        weeks (its 工作日 was read as a weekday: today, a wrong day). None known: asked."""
        found = _LAST_BEFORE_BARE.search(text)
        if found is None or any(m.kind == "festival" for m in mentions):
            return mentions
        kept = [m for m in mentions if m.span[1] <= found.start() or m.span[0] >= found.end()]
        if found.group("day") is not None:  # "放假前最后一天": the break at hand's eve
            held = break_at_hand(today, self.calendar)
            if not held or OWN_BREAK_BEFORE.search(text, 0, found.start()):
                return mentions  # none near, or a child's or a firm's break: asked
            day = self._working_day_before(held[0])
        else:
            day = self._working_day_before(self._next_day_off(today, 29))
        if day == today and len(breaks := breaks_at_hand(today, self.calendar)) > 1:
            # said on the eve of 中秋 with 国庆 three days on (today's would be "今天"): which
            # break's eve? Asked, with both
            eves = (self._working_day_before(b[0]) for b in breaks)
            near = tuple(d for d in eves if d is not None and d >= today)
            said = TimeMention(found.span(), (), "unsure", None, near)
            return sorted([*kept, said], key=lambda m: m.span)
        if day is None or day < today:
            said = TimeMention(found.span(), (), "unsure", None, ())
        else:
            said = TimeMention(found.span(), (day,), "date", None, ())
        return sorted([*kept, said], key=lambda m: m.span)

    def _break_last_day(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The last day off of a break: the festival's named just before ("春节假期最后一天") or
        inside ("last day of the spring festival holiday"), else the break going on or the
        next one within four weeks ("放假最后一天", "the last day of the holiday"). Unknown
        (no arrangement for that year): left to the rules (asked)."""
        found = _BREAK_LAST_DAY.search(text)
        if found is None:
            return mentions
        inside = [m for m in mentions if found.start() <= m.span[0] and m.span[1] <= found.end()]
        before = [  # "国庆假期最后一天": the festival's mention may hold 假期 itself
            m
            for m in mentions
            if m.span[0] < found.start()
            and (m.span[1] >= found.start() or not text[m.span[1] : found.start()].strip(" 节的"))
        ]
        festival = next(
            (m for m in [*inside, *before] if m.kind == "festival" and m.resolved), None
        )
        if festival is None and (
            found.group("named") is not None  # "这个月最后一天": no festival's, not ours
            or (found.group("en_what") or "").strip(" the")
            or any(m.kind == "festival" for m in mentions)
        ):
            return mentions  # "the last day of my trip's holiday", a festival elsewhere: asked
        if festival is not None:
            start: date | None = festival.days[0]
        else:
            start = self._next_day_off(today, 28)
        if start is None or self.calendar.day(start).kind is not DayKind.HOLIDAY:
            return mentions
        end = self._break_end(start)
        if end is None and festival is None:
            return mentions
        span = (
            min([found.start(), *(m.span[0] for m in before if m is festival)]),
            max([found.end(), *(m.span[1] for m in before if m is festival)]),
        )
        kept = [m for m in mentions if m.span[1] <= span[0] or m.span[0] >= span[1]]
        if end is None and festival is not None:
            # "春节假期最后一天" before the year's notice: asked, the days surely off offered
            # (not the days from today)
            read = TimeMention(span, (), "unsure", None, festival.days)
            return sorted([*kept, read], key=lambda m: m.span)
        assert end is not None
        return sorted([*kept, TimeMention(span, (end,), "date", None, ())], key=lambda m: m.span)

    def _back_from_break(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The day work resumes after a break: "收假那天", "收完假那天", "收假第一天" (the
        festival's break when one is named just before, "清明收假那天"; else the break at
        hand). No break that near, or that day not a working one: left as it is (asked)."""
        found = _BACK_FROM_BREAK.search(text)
        if found is None or any(
            m.resolved and m.span[0] < found.end() and found.start() < m.span[1] for m in mentions
        ):  # "五一收假后第一天": read already, from the festival named
            return mentions
        festival = next(
            (
                m
                for m in mentions
                if m.kind == "festival"
                and m.resolved
                and m.festival is not None
                and m.span[1] <= found.start()
                and not text[m.span[1] : found.start()].strip(" 节的假期长放")
            ),
            None,
        )
        if festival is not None:
            held = break_days(festival.days[0], self.calendar)
        elif OWN_BREAK_BEFORE.search(text, 0, found.start()):
            return mentions  # "孩子收假那天": a school's break
        else:
            held = break_at_hand(today, self.calendar)
        if not held:
            return mentions
        day = held[-1] + timedelta(days=1)
        if day < today or not self._working(day):
            return mentions
        start = festival.span[0] if festival is not None else found.start()
        kept = [m for m in mentions if m.span[1] <= start or m.span[0] >= found.end()]
        said = TimeMention((start, found.end()), (day,), "date", None, ())
        return sorted([*kept, said], key=lambda m: m.span)

    def _festival_typos(self, text: str) -> str:
        """A festival's name typed by its sound before 节 ("断午节" → 端午节): one character
        changed for one that reads the same (tones ignored), the other kept. A few names that
        no word shares are read so without 节 too, before a venue or an hours word ("元蛋健身房
        开吗" → 元旦)."""
        if "节" in text:
            for match in _BEFORE_JIE.finditer(text):
                name = self._festival_typo_of(match.group(1), TYPO_FESTIVALS)
                if name is not None:
                    start = match.start(1)
                    text = text[:start] + name + text[start + 2 :]
        starts: set[int] | None = None
        for match in _FESTIVAL_PAIR.finditer(text):
            pair = match.group(1)
            name = self._festival_typo_of(
                pair,
                TYPO_FESTIVALS_LAST_KEPT
                if pair[1] in "庆夕"
                else TYPO_FESTIVALS_YEAR_END
                if pair[0] in "东冬圣胜剩盛跨垮夸挎"
                else TYPO_FESTIVALS_BARE,
            )
            if name is None:
                continue
            after = match.start(1) + 2
            if not _AFTER_FESTIVAL.match(text, after):
                if starts is None:
                    starts = {v.span[0] for v in self.venues.find_all(text) if v.span[1]}
                if after not in starts:
                    continue
            text = text[: match.start(1)] + name + text[after:]
        return text

    def _festival_typo_of(self, pair: str, names: tuple[str, ...]) -> str | None:
        """The festival of ``names`` that ``pair`` is a sound typo of (one character kept)."""
        if pair in names:
            return None
        alike = self.venues.homophones.alike
        for name in names:
            kept = sum(a == b for a, b in zip(pair, name, strict=True))
            if kept == 1 and all(
                a == b or a in alike.get(b, ()) for a, b in zip(pair, name, strict=True)
            ):
                return name
        return None

    def _other_area(self, text: str, venues: list[VenueMatch]) -> bool:
        """Whether a street, town or road not ours owns one of the places asked about
        ("宜川路街道党群服务中心的食堂", "the yichuan road community centre"), or someone
        else's ("伊拉食堂")."""
        for v in venues:
            if not v.span[1]:
                continue
            start = v.span[0]
            area = _AREA_BEFORE.search(text, max(0, start - 16), start)
            if area is not None and not self._our_area(area.group(1)):
                return True
            if _area_there(text, v, self._our_area, self._own_addresses_en):
                return True  # "真如那边的社区食堂", "the canteen over in zhenru"
            if _THEIR.search(text, max(0, start - 6), start) and any(
                not self._our_area(a.group(1)) for a in _AREA_NAMED.finditer(text, 0, start)
            ):  # "阿姐住在曹家渡街道，伊拉食堂几点开": the named street's (not "伊拉" of ours)
                return True
        if any(not self._our_area(m.group(1)) for m in _AREA_CENTRE.finditer(text)):
            return True
        for match in _EN_AREA.finditer(text):
            name = match.group(1) or match.group(2)
            if name not in _EN_NOT_A_NAME and name not in self._own_addresses_en:
                return True
        return False

    def _our_area(self, name: str) -> bool:
        """Whether a street or town said before a place is ours: one of our addresses, or
        said as ours ("我们街道的食堂", "住在阿拉镇上"), not another's ("宜川路街道")."""
        return name in self._own_addresses or _OUR_WORD.search(name) is not None

    def _other_road(self, text: str, start: int) -> bool:
        """Whether a road not ours is named right before a venue's name at ``start``."""
        road = _ROAD_BEFORE.search(text, max(0, start - 14), start)
        return road is not None and road.group(1)[-3:] not in self._own_addresses

    def _week_side(self, text: str, match: re.Match[str]) -> str:
        """下 / 上 for its sound typo before a week word, where a phrase starts: the text's start,
        after a pause, a particle or a place named ("食堂夏礼拜三开吗"); not the last character of
        a word ("小龙虾周末有吗", "大厦周末开吗", "立夏礼拜几" keep theirs)."""
        start = match.start()
        before = text[start - 1 : start]
        if (
            not before
            or not _CJK.search(before)
            or before in _PHRASE_START_BEFORE
            or any(v.span[1] == start for v in self.venues.find_all(text))
        ):
            return self._week_side_sound[match.group(1)]
        return match.group(0)

    def _weekday_typos(self, text: str) -> str:
        """A weekday's numeral typed by its sound ("周溜为生站开吗", "礼拜散健身房"): read as the
        numeral only when what follows cannot continue a word of its own: a venue, the end, a
        pause, a part of the day or an hours word ("每周义诊", "一周以后", "周医生" stay)."""
        for word in self._week_word_typo.finditer(text):  # "理拜四" → 礼拜四
            numeral = self._weekday_sound.get(text[word.end()], text[word.end()])
            after = word.end() + 1
            if _AFTER_WEEKDAY.match(text, after) or any(
                v.span[0] == after for v in self.venues.find_all(text)
            ):
                standard = self._week_word_sound[word.group(1)]
                text = text[: word.start()] + standard + numeral + text[after:]
        if not ("周" in text or "星期" in text or "礼拜" in text):
            return text
        text = self._week_side_typo.sub(lambda m: self._week_side(text, m), text)
        for match in self._weekday_typo.finditer(text):
            after = match.end()
            if _AFTER_WEEKDAY.match(text, after) or any(
                v.span[0] == after for v in self.venues.find_all(text)
            ):
                numeral = self._weekday_sound[match.group(1)]
                text = text[: after - 1] + numeral + text[after:]
        return text

    def _break_told(self, text: str, mentions: list[TimeMention], today: date) -> list[TimeMention]:
        """Days told to be the break, beside a day asked: "礼拜六清明放假了是伐？那礼拜五…",
        "周五夜校上课吗 第二天就放假了", "…need my meds before the long weekend", "清明前要去
        配药 礼拜五开到几点". The break's days (and the same days said again, "本来想礼拜六
        去…") are the story's; the other day named is asked. Only when the calendar agrees that
        the days told are off, the break is on the side said, and another day is left."""
        mentions = _eve_before_its_date(text, mentions)
        told = self._told_off(text, mentions) + self._break_as_reason(text, mentions)
        if not told:
            return mentions
        inside_told = [
            m for m in mentions if any(a <= m.span[0] and m.span[1] <= b for a, b in told)
        ]
        told_days = {d for m in inside_told for d in m.days}
        again = [  # the same days said again, as the plan given up ("本来想礼拜六去")
            m for m in mentions if m.resolved and m not in inside_told and set(m.days) <= told_days
        ]
        left = [m for m in mentions if m not in inside_told and m not in again]
        left = [self._then_weekday(text, m, told, today) for m in left]
        if not any(m.resolved for m in left):
            return mentions  # nothing else named: the day told is the one asked
        story = [TimeMention(span, (), "past", None, ()) for span in told]
        story += [TimeMention(m.span, (), "past", None, ()) for m in again]
        return sorted([*left, *story], key=lambda m: m.span)

    def _told_off(self, text: str, mentions: list[TimeMention]) -> list[tuple[int, int]]:
        """The clauses telling a day off ("礼拜六清明放假了是伐", "第二天就放假了"), when the
        calendar agrees and no place of ours is named in them ("礼拜五卫生站放假了是吗" asks
        that place's day)."""
        told: list[tuple[int, int]] = []
        for found in _TOLD_OFF.finditer(text):
            start = found.start()
            while start > 0 and not _CLAUSE_END.match(text, start - 1):
                start -= 1
            inside = [
                m for m in mentions if start <= _word_start(text, m) and m.span[1] <= found.end()
            ]
            days = {d for m in inside for d in m.days}
            others = [m for m in mentions if m.resolved and m not in inside]
            if days:
                if not all(self.calendar.day(d).kind is DayKind.HOLIDAY for d in days):
                    continue  # "礼拜三放假了": the calendar says not; asked
            elif not (
                _NEXT_DAY_WORD.search(text, start, found.start())
                and len(others) == 1
                and len(others[0].days) == 1
                and self.calendar.day(others[0].days[0] + timedelta(days=1)).kind is DayKind.HOLIDAY
            ):  # "…第二天就放假了": the day after the one asked is the break's first
                continue
            if any(start <= v.span[0] < found.end() for v in self.venues.find_all(text)):
                continue
            told.append((min([start, *(m.span[0] for m in inside)]), found.end()))
        return told

    def _break_as_reason(self, text: str, mentions: list[TimeMention]) -> list[tuple[int, int]]:
        """A break said as the reason's time ("before the long weekend", "清明前要去配药"),
        beside a day named on that side of it within a week: the break's words, not asked."""
        told: list[tuple[int, int]] = []
        for mention in mentions:
            if mention.kind != "festival" or not mention.resolved:
                continue
            if not all(self.calendar.day(d).kind is DayKind.HOLIDAY for d in mention.days):
                continue
            held = break_days(mention.days[0], self.calendar) or mention.days
            zh = _ZH_SIDE_OF_BREAK.match(text, mention.span[1])
            en = _EN_BEFORE_AFTER_WORD.search(text, 0, mention.span[0])
            if zh is not None:
                side = "before" if zh.group("before") else "after"
                span = (mention.span[0], zh.end())
            elif en is not None:
                side = en.group("side") or "before"
                span = (en.start(), mention.span[1])
            else:
                continue
            if any(
                m.resolved
                and m is not mention
                and all(
                    0 < ((held[0] - d) if side == "before" else (d - held[-1])).days <= 7
                    for d in m.days
                )
                for m in mentions
            ):
                told.append(span)
        return told

    def _weekday_after_break(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """ "放完假 礼拜一健身房开吗", "after the break, gym open monday?": a weekday said with
        the break's end that falls inside the break at hand: that day, or the same weekday once
        the break is over? Asked, with both."""
        over = any(m.kind == "vague" and _BREAK_OVER.fullmatch(text, *m.span) for m in mentions)
        # …or the break named after "after": "after the long weekend, is the clinic open on
        # wednesday?" (a Wednesday before the break was answered)
        named = next(
            (
                m
                for m in mentions
                if m.kind == "festival"
                and m.resolved
                and (side := _EN_BEFORE_AFTER_WORD.search(text, 0, m.span[0])) is not None
                and side.group("side") == "after"
            ),
            None,
        )
        if not over and named is None:
            return mentions
        held = named.days if named is not None else break_at_hand(today, self.calendar)
        if not held:
            return mentions
        inside = [
            m
            for m in mentions
            if m.kind in ("weekday", "weekend")
            and m.resolved
            and m.days[0] <= held[-1]
            # (the break named first, the weekday after it: not "the friday after new year's
            # day", a weekday counted from the day, read before)
            and (named is None or m.span[0] > named.span[1])
        ]
        if not inside:
            return mentions
        result = []
        for mention in mentions:
            if mention in inside and mention.days[0] < held[0]:
                # a weekday before the break, said after it: the same weekday once it is over
                day = mention.days[0]
                later = day + timedelta(days=7 * ((held[-1] - day).days // 7 + 1))
                mention = TimeMention(mention.span, (later,), mention.kind, None, ())
            elif mention in inside:
                day = mention.days[0]
                later = day + timedelta(days=7 * ((held[-1] - day).days // 7 + 1))
                mention = TimeMention(mention.span, (), "unsure", None, (day, later))
            elif mention.kind == "vague" and _BREAK_OVER.fullmatch(text, *mention.span):
                mention = TimeMention(mention.span, (), "past", None, ())  # the weekday's word
            result.append(mention)
        return result

    def _then_weekday(
        self, text: str, mention: TimeMention, told: list[tuple[int, int]], today: date
    ) -> TimeMention:
        """ "…放假了是伐？那礼拜五…": 那 turns from the break told to the day asked ("then,
        Friday"), not a Friday of the resident's own ("那个礼拜五"): read as a bare weekday."""
        if mention.resolved or mention.kind != "unsure":
            return mention
        for _, end in told:
            then = _THEN_AFTER_TOLD.match(text, end)
            if then is not None and then.end() == mention.span[0]:
                alone = find_times(text[mention.span[0] : mention.span[1]], today, self.calendar)
                if len(alone) == 1 and alone[0].kind == "weekday" and alone[0].resolved:
                    return TimeMention(mention.span, alone[0].days, "weekday", None, ())
        return mention

    def _span_working_day(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """The first or last working day of a month, week or year named (see
        ``_SPAN_WORKING_DAY``), by the calendar's working days; not known (a year not yet
        published) or gone by: asked."""
        found = _SPAN_WORKING_DAY.search(text)
        if found is None:
            return mentions
        group = next(
            g
            for g, v in found.groupdict().items()
            if v and g not in ("first", "en_first", "en_next", "en_the", "en_new")
        )
        first = bool(found.group("first") or found.group("en_first"))
        if group == "en_what":
            group = ("next_" if found.group("en_next") else "this_") + found.group("en_what")
            if found.group("en_what") == "year" and (
                found.group("en_new") or (found.group("en_the") and first)
            ):
                group = "new_year"  # "the first working day of the year", said in December
        if group == "new_year":  # the new year's: this year's while it is to come, else next
            day = self._working_day_of_span("year", 0, first, today)
            if day is not None and day < today:
                day = self._working_day_of_span("year", 1, first, today)
        else:
            ahead, what = group.split("_")
            day = self._working_day_of_span(what, int(ahead == "next"), first, today)
        kept = [m for m in mentions if m.span[1] <= found.start() or m.span[0] >= found.end()]
        if day is None or day < today:
            said = TimeMention(found.span(), (), "unsure", None, ())
        else:
            said = TimeMention(found.span(), (day,), "date", None, ())
        return sorted([*kept, said], key=lambda m: m.span)

    def _working_day_of_span(self, what: str, step: int, first: bool, today: date) -> date | None:
        """The first (else last) working day of this (``step`` 0) or the next month, week or
        year; None when the calendar does not know it."""
        if what == "month":
            month = today.month + step
            start = date(today.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
            end = (start + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        elif what == "week":
            start = today - timedelta(days=today.weekday()) + timedelta(weeks=step)
            end = start + timedelta(days=6)
        else:
            start, end = date(today.year + step, 1, 1), date(today.year + step, 12, 31)
        day: date | None = start if first else end
        if what == "year" and not self.calendar.covers(start.year):
            return None  # the year's make-up days not published: its ends may change
        while day is not None and start <= day <= end:
            working = self._working(day)
            if working is None:
                return None
            if working:
                return day
            day += timedelta(days=1 if first else -1)
        return None

    def _weekday_unread(
        self, text: str, mentions: list[TimeMention], today: date
    ) -> list[TimeMention]:
        """A weekday's word typed by its sound that no rule read ("理拜吧", "星其几"): asked,
        never today's hours."""
        unread = [
            TimeMention(found.span(), (), "unsure", None, _near(today))
            for found in self._week_word_unread.finditer(text)
            if not any(m.span[0] < found.end() and found.start() < m.span[1] for m in mentions)
        ]
        unread += [
            TimeMention(found.span(), (), "unsure", None, _near(today))
            for found in self._weekday_loose.finditer(text)
            if (
                _LOOSE_WEEKDAY_AFTER.match(text, found.end())
                or any(v.span[0] == found.end() for v in self.venues.find_all(text))
            )
            and not any(m.span[0] < found.end() and found.start() < m.span[1] for m in mentions)
        ]
        return sorted([*mentions, *unread], key=lambda m: m.span) if unread else mentions

    def _feature(self, text: str, rest: str, venue_ids: tuple[str, ...]) -> Understanding | None:
        if _MY_CLASSES.search(text) or _MY_CLASSES_MORE.search(text):
            return Understanding(
                Kind.FEATURE, feature="myclasses", score=1.0, looks_like_question=True
            )
        advice = bool(_ADVICE_WANTED.search(text))  # "给我提点建议": advice wanted, not given
        if (
            _FEEDBACK_SAID.search(text)
            or _FEEDBACK_STATED.search(text)
            or (_TELL_WHOM.search(text) and _GOOD_OR_BAD.search(text))
        ) and not (advice or _FEEDBACK_ELSEWHERE.search(text)):
            # praise, a complaint or a suggestion in so many words, about whichever place, or
            # something good or bad and whom to tell: the feedback form
            return Understanding(
                Kind.FEATURE, feature="feedback", score=1.0, looks_like_question=True
            )
        if _FEEDBACK_WISH.search(text) and not _HOW_TO.search(text) and not advice:
            # "活动室冬天空调太冷了…我要反映反映", "want to complain, the soup was cold": a
            # complaint of the resident's own, about whichever place
            return Understanding(
                Kind.FEATURE, feature="feedback", score=1.0, looks_like_question=True
            )
        if (
            (not venue_ids or venue_ids == ("canteen",))
            and not advice
            and (
                _SUGGESTION.search(text)  # a suggestion of the resident's own, and whom to tell
                or (
                    _FEEDBACK.search(text)
                    and (not _HOW_TO.search(text) or bool(venue_ids) or bool(_FOOD.search(text)))
                )
            )
        ):
            return Understanding(
                Kind.FEATURE, feature="feedback", score=1.0, looks_like_question=True
            )
        if (
            venue_ids == ("canteen",)
            and not advice
            and (
                _SEE_TO_IT.search(text)
                or (len(text) >= _LONG_TELLING and len(_GOOD_OR_BAD.findall(text)) >= 3)
            )
        ):
            return Understanding(
                Kind.FEATURE, feature="feedback", score=1.0, looks_like_question=True
            )
        if _REFUND.search(text):  # "if i sign up for a night class and can't go, refund?"
            return None
        course = _COURSE.search(text)
        if (
            course is not None
            and course.group("zh")
            and "学" in course.group()
            and _DOING_WISHED.match(course.group("zh"))
            and (asked := _CLASS_ASKED_AFTER.search(text, course.end())) is not None
            and _course_hint(asked)
        ):  # "我想学唱歌 有声乐班没有": a doing wished, then the class asked by its own name,
            # which is the one meant ("想学上海话，有沪语课伐": the subject said first stays)
            course = asked
        if course is not None and _TERM_ONLY.fullmatch(_course_hint(course)):
            course = None  # "我想报夜校春季班": the term's classes, no subject: the sign-up
        if course is None or _HOW_TO.search(text):
            course = (
                _COURSE_ASKED.search(text)
                or _COURSE_ASKED_BARE.search(text)
                or _COURSE_TAUGHT.search(text)
            )
        if course is None and not _HOW_TO.search(text):
            named = _COURSE_NAMED.search(text)
            hint = (named.group("zh") or named.group("en") or "").strip() if named else ""
            if (
                named is not None
                and hint
                and not _NOT_A_COURSE.match(hint)
                and not (_EVENTS_STRONG.search(text) and not venue_ids)  # "take my kids to"
                # a service of one of our places signed up for ("sign up for a family doctor
                # here", "join the gym"): the place's entry, not a class
                and not (
                    not _SUBJECT_LIKE_A_PLACE.match(hint)
                    and any(
                        v.venue_id != "night_school" and v.span[1] and not v.typo
                        for v in self.venues.find_all(hint)
                    )
                )
            ):
                course = named
        if course is not None:
            hint = _course_hint(course)
            if not hint:  # "有没有教拍照的课 我想报一个": the course is named elsewhere
                for other in (
                    _COURSE_ASKED.search(text),
                    _COURSE_ASKED_BARE.search(text),
                    _COURSE_NAMED.search(text),
                    _COURSE_POINTED.search(text),
                    _COURSE_SEATS.search(text),  # "书法班还有名额伐 帮我报一个"
                    _COURSE_LEADING.match(text),  # "智能手机班 教老人用微信… 我想报名"
                    _COURSE_AT_SCHOOL.search(text),  # "夜校有瑜伽吗 想报名"
                ):
                    if other is not None and (hint := _course_hint(other)):
                        break
            hint = _FOR_WHOM_BEFORE.sub("", _kind_named_after(text, hint))
            return Understanding(
                Kind.FEATURE,
                feature="course",
                course_hint=hint or None,
                score=1.0,
                looks_like_question=True,
            )
        latin = _COURSE_LATIN.search(text) if _CJK.search(text) else None
        if latin is not None and (hint := (latin.group("en") or latin.group("en2") or "").strip()):
            return _course_card(hint)
        seats = _COURSE_SEATS.search(text)
        if seats is not None and (hint := _course_hint_of(seats)):
            # "夜校的咖啡拉花课还有名额伐": places left on a course named
            return _course_card(hint)
        pointed = _COURSE_POINTED.search(text)
        if pointed is not None and _SIGN_UP.search(text) and (hint := _course_hint(pointed)):
            # "那门书法课还有名额伐 我想报": a course pointed at, and a wish to sign up
            return _course_card(hint)
        for found in (_COURSE_HOW.search(text), _COURSE_ABOUT.search(text)):
            # a subject and how to sign up; whether a course named takes people, starts, is
            # taught, is there at all
            if found is None:
                continue
            hint = _course_hint_of(found)
            if hint and not _NOT_A_COURSE.match(hint) and not _NOT_A_SUBJECT.search(hint):
                return _course_card(hint)
        leading = _COURSE_LEADING.match(text)
        if leading is not None and _SIGN_UP.search(text) and (hint := _course_hint(leading)):
            # "书法课 报名": a course named first, then the sign-up
            return _course_card(hint)
        wanted = _COURSE_WANTED.search(text)
        if wanted is not None:  # "报名插花课", "looking for a mandarin class, evenings ideally"
            hint = next((g.strip() for g in wanted.groups() if g and g.strip()), "")
            hint = _subject_hint(hint)
            if hint and not _NOT_A_COURSE.match(hint) and not _NOT_A_SUBJECT.search(hint):
                return _course_card(hint)
        if _VOLUNTEER.search(text):  # "how do i volunteer at the weekend events": helping
            return None
        if _OTHER_DISTRICT.search(text):  # "静安区有什么周末活动": another district's events
            return None
        if not venue_ids and _EVENTS_ELSEWHERE.search(text) and not _EVENTS_OURS.search(text):
            return None  # "长风公园最近有啥活动", "小区物业有活动吗": another owner's events
        if (
            _PAST_EVENTS.search(text)
            and not _EVENTS_TO_COME.search(text)
            and (_EVENTS_STRONG.search(text) or _EVENTS_MORE.search(text))
        ):
            # "去年国庆节中心有啥活动": events gone by, not the list of those to come
            return Understanding(Kind.NONE, looks_like_question=True)
        if (_EVENTS_STRONG.search(text) or _EVENTS_MORE.search(text)) and (
            not venue_ids or (_EVENTS_AT.search(text) and not _HOURS_INTENT.search(rest))
        ):  # "活动空间这个周末有什么活动", "what's on at the event space": its events
            return _events_or_named(text)
        return None

    def _named_venue_first(
        self, verdict: Understanding, clean: str, venue_ids: tuple[str, ...]
    ) -> Understanding:
        """An entry of another place than the one named ("sign up" is the night school's word,
        "what do I bring to sign up at the fitness room" is the gym card's): the named place's
        own entry, when it is ranked as high as an offer."""
        owner = self.faq.venue_of.get(verdict.faq_id or "")
        if verdict.kind is not Kind.FAQ or owner is None or owner in venue_ids:
            return verdict
        for ranked in self.faq.rank(clean):
            entry = self.faq.entries[ranked.entry_no]
            if self.faq.venue_of.get(entry.id) in venue_ids and ranked.score >= SUGGEST_SCORE:
                return Understanding(
                    Kind.FAQ, faq_id=entry.id, score=ranked.score, looks_like_question=True
                )
        return verdict

    def _requested(self, request: Request, venue_ids: tuple[str, ...]) -> Understanding | None:
        """The verdict a request's head asks for, judged by its topic: NONE when the topic is
        another institution's ("帮我报名老年大学的钢琴班", "complain about my landlord"), None
        when the topic is not for the feature (a place of ours to sign up to, the night school
        itself, volunteering: their entries answer), else the feature."""
        topic = request.topic
        if request.feature == "ask":  # "能不能让工作人员给我回个电话": the person's button
            return Understanding(Kind.NONE, looks_like_question=True)
        if request.feature == "feedback":
            if _ADVICE_WANTED.search(request.head) or _FEEDBACK_ELSEWHERE.search(topic):
                return Understanding(Kind.NONE, looks_like_question=True)
            return Understanding(
                Kind.FEATURE, feature="feedback", score=1.0, looks_like_question=True
            )
        if request.feature == "again":  # "之前报过瑜伽 还想再报": the class, signed up again
            return self._requested(replace(request, feature="course"), venue_ids)
        if request.feature == "learn":  # "退休了想学点东西", "pick up something creative"
            routed = self._requested(replace(request, feature="course"), venue_ids)
            if routed is None and (not topic or _SOMETHING.fullmatch(topic.strip())):
                return _course_card("")  # the wish to learn itself: the classes
            return routed
        if request.feature == "cancel":  # a class given up: /myclasses holds its button
            named = request.topic and not _ONLY_MINE.fullmatch(request.topic.strip())
            routed = (
                self._requested(replace(request, feature="course"), venue_ids)
                if named
                else _course_card("")  # "我想退课", "cancel my class": which one, /myclasses
            )
            if routed is None or routed.feature != "course":
                return routed  # a place's booking, an event, another institution's
            return Understanding(
                Kind.FEATURE, feature="myclasses", score=1.0, looks_like_question=True
            )
        if request.feature in ("myclasses", "myevents", "events"):
            return Understanding(
                Kind.FEATURE, feature=request.feature, score=1.0, looks_like_question=True
            )
        if _OTHER_PLACE.search(topic) or _ELSEWHERE.search(topic) or _REQUEST_OWNER.match(topic):
            return Understanding(Kind.NONE, looks_like_question=True)
        if _PRICE_ASKED.search(topic):  # "报名夜校要交多少钱": the fees asked, not a sign-up
            return None
        places = [v for v in self.venues.find_all(topic) if v.span[1]]
        if _SUBJECT_LIKE_A_PLACE.fullmatch(topic.strip()):
            places = []  # "photography class": the night school's subject, not the ID photos
        if any(v.venue_id != "night_school" for v in places):
            return None  # "帮我报名社区医院的体检", "join the gym": a place, not a class
        if _REQUEST_EVENT.search(topic):
            return Understanding(
                Kind.FEATURE, feature="events", score=1.0, looks_like_question=True
            )
        if _VOLUNTEER.search(topic):
            return None
        for place in sorted(places, key=lambda v: -v.span[0]):
            topic = topic[: place.span[0]] + topic[place.span[1] :]
        # "长风湾的夜课": what is after the last 的 names the class
        hint = _subject_hint(_REQUEST_FILLER.sub("", topic.strip().rsplit("的", 1)[-1]))
        if (
            not hint
            or (_CJK.search(hint) and len(hint) < 2)
            or _NOT_A_COURSE.match(hint)
            or _NOT_A_SUBJECT.search(hint)
            or _TERM_ONLY.fullmatch(hint)  # "夜校春季班怎么报名": a term's classes, no subject
        ):
            return None  # "夜校怎么报名": the sign-up entry
        if _WHEN_WORDS.search(hint):  # "今天的课几点上": a day's classes, not one course
            return None
        if _INSTITUTION_NAMED.search(hint) or _SPORTS_TEAM.search(request.head + topic):
            # "帮我报个驾校": another school's; "世界杯中国队能进吗": a team, not a class
            return Understanding(Kind.NONE, looks_like_question=True)
        return _course_card(hint)

    def _holidays(self, text: str, mentions: list[TimeMention], today: date) -> Understanding:
        """The arrangement of the year named, else of the festival's year, else of the year
        of the next holiday (in December: next year's)."""
        named = next((m for m in mentions if m.resolved and m.kind == "festival"), None)
        year = year_named(text, today)
        if year is None and named is not None:
            year = named.days[0].year
        if year is None:
            this_year = self.calendar.year_view(today.year)
            later = any(block.end >= today for block in this_year.blocks)
            year = today.year if later else today.year + 1
        festival = named.festival if named is not None else None
        return Understanding(
            Kind.HOLIDAYS, festival=festival, score=1.0, looks_like_question=True, year=year
        )

    def _asked_before_the_story(self, text: str) -> Understanding | None:
        """The entry answering the question asked first, when what follows its question mark
        only tells the story ("有电梯吗？我妈坐轮椅，想来上书法课", "is there parking? I want to
        join the yoga class"): the class is why the resident comes, not what is asked."""
        mark = _FIRST_MARK.search(text)
        if mark is None or not text[mark.end() :].strip():
            return None
        story = text[mark.end() :]
        if _STORY_ASKS.search(story) or _CLASS_ASKED_FIRST.search(text[: mark.start()]):
            # (nor a class asked about first: "any room left in the knitting class? I'd like
            # to join")
            return None
        first = self._faq(strip_punctuation(text[: mark.start()]), True)
        if (
            first.kind is not Kind.FAQ
            or self.faq.venue_of.get(first.faq_id or "") == "night_school"
        ):
            return None  # "how much is it? I want to join tai chi": the class's own fee
        return first

    def _faq(self, clean: str, question: bool) -> Understanding:
        if _MONEY_BACK.search(clean):
            clean = f"{clean} 退款"  # the money back, in the entries' own word
        # "食堂饭菜啥价位", "菜价贵不贵": the food's price is the meal's, not what is on the menu
        # (round twenty-six, dev99)
        clean = _FOOD_PRICED.sub(" 吃饭价格 ", clean)
        if _REFUND.search(clean) or (
            _SIGNED_UP.search(clean) and "volunteer" in self.faq.concepts_in(clean)
        ):
            # "报了夜校又去不了 钱退得回来伐": the signing up is the story; "想来帮帮忙做点公益
            # 要怎么报名": signing up to help is volunteering, not a course
            clean = _SIGNED_UP.sub(" ", clean)
        clean = _TERM_NAMED.sub(" ", clean)  # "what's on this term": when, not a fee per term
        # "排队要多久": how long a queue takes, no waiting list of a course (round twenty-seven)
        clean = _QUEUE_WAIT.sub(" ", clean)
        clean = _JOIN_A_CALL.sub(" online ", clean)  # "join a zoom call": online, no sign-up
        if {"wifi", "phone"} <= self.faq.concepts_in(clean):
            # "my phone has no data, can i get online": the handset, no number asked
            clean = _A_PHONE_HANDSET.sub(" ", clean)
        ranked = self.faq.rank(_NAMED_PARK.sub(" ", clean))
        if not ranked:
            return Understanding(Kind.NONE, looks_like_question=question)
        top = ranked[0]
        second = ranked[1].score if len(ranked) > 1 else 0.0
        entry = self.faq.entries[top.entry_no]
        if _ELSEWHERE.search(_USUAL_TRIP.sub(" ", clean)) and not self._school_as_story(
            clean, list(_ELSEWHERE.finditer(clean))
        ):
            return Understanding(Kind.NONE, score=top.score, looks_like_question=question)
        lost = self.faq.entry_with_concept(ranked, "lost", clean)
        if lost is not None and lost.score >= top.score - CLEAR_MARGIN:
            # "left my phone at the gym": the thing left behind is not the topic, the loss is
            top = lost
            second = max((r.score for r in ranked if r is not lost), default=0.0)
            entry = self.faq.entries[top.entry_no]
        if "lost" not in self.faq.concepts_in(clean) and (
            _LOANED_THING.search(clean)
            or (_LOAN.search(clean) and "lost" in self.faq.concepts_of(entry.id))
        ):  # "能借把雨伞吗", "can I borrow an umbrella", "借个充电宝": a loan asked, no thing
            # lost (the lost property's words name the thing only; "借个" is no room booked)
            return Understanding(Kind.NONE, score=top.score, looks_like_question=True)
        if not top.topic:  # words in common but not the topic ("get … the centre"):
            backed = [r for r in ranked if r.topic]  # the best entry about the topic
            if backed and backed[0].score >= ANSWER_SCORE + CLEAR_MARGIN:
                top = backed[0]
                second = backed[1].score if len(backed) > 1 else 0.0
                entry = self.faq.entries[top.entry_no]
        elif (
            top.backed
            and len(ranked) > 1
            and not ranked[1].topic
            and self.faq.speaks_alone(top.entry_no, clean)
        ):  # the runner-up shares only a generic word ("my phone has no data, can i get online
            # at the centre": the centre's address) with a topic only the top entry speaks of
            second = max((r.score for r in ranked[1:] if r.topic), default=0.0)
        if (
            top.backed
            and top.topic
            and len(ranked) > 1
            and ranked[1].topic
            and top.score - second < CLEAR_MARGIN
            and max(top.score, second) >= ANSWER_SCORE
        ):  # two entries on one topic, close ("夜校的课贵不贵", "夜校有什么课 在哪报"): what is
            # asked of it (a price, where to sign up) names the one, when only it has that word
            tied = self.faq.close_call(clean, top.entry_no, ranked[1].entry_no)
            if tied is not None:
                return Understanding(
                    Kind.FAQ,
                    faq_id=self.faq.entries[tied].id,
                    score=top.score,
                    looks_like_question=True,
                )
        if top.backed and (
            top.overlap >= SURE_SCORE
            or (top.score >= ANSWER_SCORE and top.score - second >= CLEAR_MARGIN)
        ):
            return Understanding(
                Kind.FAQ, faq_id=entry.id, score=top.score, looks_like_question=True
            )
        if top.score >= SUGGEST_SCORE and (top.backed or top.overlap >= SUGGEST_SCORE):
            # only entries about something the question names: phrasing alone ("有…的地方吗",
            # "多少钱") offered parking for a haircut and the canteen's prices for gold. A
            # question with no word the FAQ does not know ("how much does it cost") is vague,
            # not about something else: the entries its words fit are what it may mean.
            vague = self.faq.knows_every_word(clean)
            ids = tuple(
                self.faq.entries[r.entry_no].id
                for r in ranked[:MAX_SUGGESTIONS]
                if r.score >= SUGGEST_SCORE * 0.8 and (vague or r.topic)
            )
            if ids:
                return Understanding(
                    Kind.SUGGEST, suggestions=ids, score=top.score, looks_like_question=True
                )
        return Understanding(Kind.NONE, score=top.score, looks_like_question=question)


# Where the resident usually has to go instead, told as the reason to ask us ("每次跑大医院
# 排队排半天 你们卫生站能配伐"): the hospital is the story, not the place asked about
_USUAL_TRIP = re.compile(
    r"(?:每次|每趟|每回|平时|以前|老是|总是|一直|经常)(?:都)?(?:要|得)?(?:去|到|跑)(?:一趟|趟)?"
    r"\s*(?:大|那个|那家|三甲)?(?:医院|银行)"
)
# A school, its pupils' homework: the story of help offered when the resident volunteers
_SCHOOL_WORD = re.compile(
    r"学校|小学|中学|初中|高中|大学|幼儿园|作业|\b(?:school|primary\s+school|kindergarten|homework)\b"
)
# …to us or the neighbourhood ("到你们这里来做", "为社区做点事体", "help the community")
_HELP_HERE = re.compile(r"你们|您们|社区|中心|驿站|\b(?:you|your|community|centre|center)\b")
# …or how to join asked of us, no "you" said (round twenty-nine, spent29: "学校要求志愿时长，
# 怎么报名做志愿者？")
_JOIN_ASKED = re.compile(
    r"(?:怎么|如何|怎样|哪里|在哪|去哪)\s*(?:报名|申请|参加|加入|登记|(?:做|当)(?:个|一名)?志愿者"
    r"|[?？]*\s*$)"  # (the sign-up word taken out before the entries are ranked)
    r"|\bhow\s+(?:do|can|could|would)\s+(?:i|we)\s+(?:sign\s+up|join|register|apply|volunteer)\b"
)
# The road a place is on, asked ("在哪条路上", "什么路", "门牌号", "which road")
_ROAD_ASKED = re.compile(
    r"哪条(?:马)?路|什么路|啥路|哪条街|门牌|路名|\b(?:which|what)\s+(?:road|street)\b"
)
# The site concept of each station (config/centre.yaml's venues' ``station``)
_SITE_CONCEPT = {"centre_1690": "at_1690", "changfeng_bay": "at_changfeng"}
# A thing borrowed or lent: "借把伞", "借个充电宝", "borrow an umbrella", "lend me a charger"
_LOAN = re.compile(r"借(?:把|个|只|一把|一个|一只|一下|用一?下)?|\b(?:borrow|lend|loan)\w*\b")
# …a small thing lent, which no entry speaks of (a wheelchair is the accessibility entry's)
_LOANED_THING = re.compile(
    r"借(?:把|个|只|根|支|副|条|一把|一个|一只|一根|一支|一副|一条|一下|用一?下)?\s*"
    r"(?:雨伞|伞|充电宝|充电器|充电线|数据线|笔|剪刀|老花镜|眼镜|雨衣|打气筒|梯子|工具|螺丝刀)"
    r"|\b(?:borrow|lend\s+(?:me|us))\s+(?:an?\s+|your\s+|some\s+)?(?:umbrella|phone\s+charger"
    r"|charger|power\s*bank|charging\s+cable|pen|scissors|reading\s+glasses|raincoat|ladder"
    r"|screwdriver|tools?)\b"
)


# The topic of a sign-up: another owner's ("the shanghai marathon"), an event, words around it
_REQUEST_OWNER = re.compile(
    r"(?:shanghai|city|district|national|public|university|school|college|hospital"
    r"|my\s+(?:office|company|work|building|compound|school|estate)'?s?)\b"
)
# Whose an opinion told is: the centre's people or food (a place of ours is found as a venue)
_OURS_JUDGED = re.compile(
    r"阿姨|师傅|医生|护士|老师|工作人员|志愿者|律师|饭|菜|汤|面条|馒头|中心|驿站|你们|侬|活动(?!室)"
    r"|\b(?:staff|nurses?|doctors?|teachers?|volunteers?|lawyers?|cooks?|chefs?|food|lunch|dinner"
    r"|breakfast|soup|meals?|noodles|centre|center|station)\b"
    # the building's own fittings, not the resident's home ("the toilets on the 2nd floor")
    r"|(?<!我家)(?<!家里)(?:厕所|卫生间|洗手间|电梯|楼梯|空调)"
    # the gym's machines (r26 dev97: "跑步机坏了两个礼拜了还没修")
    r"|(?<!我家)(?<!家里的)(?:跑步机|动感单车|健身器材|器材|器械)"
    r"|(?<!my\s)(?<!our\s)\b(?:toilets|restrooms|washrooms|lifts?|elevators?|stairs)\b"
    # …one of them, "the toilet on the 2nd floor", "the ladies' room" (round twenty-nine,
    # spent23; not one at home: "the toilet at home")
    r"|\bthe\s+(?:(?:men'?s|women'?s|disabled|accessible)\s+)?(?:(?:toilet|restroom|bathroom|washroom"
    r"|loo)\b|ladies|gents|(?:wo)?men'?s\s+room)"
    r"(?![^.?!]{0,24}\b(?:at\s+home|in\s+my|in\s+our|at\s+my)\b)"
)
_WHEN_WORDS = re.compile(
    r"今|明|昨|后天|前天|晚上|早上|上午|下午|中午|周|星期|礼拜|这|那|每|第|哪|\b(?:today|tomorrow"
    r"|tonight|evening|morning|afternoon|next|this|every|weekend|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)\b"
)
_PRICE_ASKED = re.compile(r"多少|钱|费|价|贵|\b(?:cost|price|fees?|much)\b")
_INSTITUTION_NAMED = re.compile(
    r"补习|辅导|家教|开车|驾照|驾驶|游泳|\bdriv(?:e|ing)\b|\bswim|(?:校|大学|医院|公司|机构|中心|俱乐部|幼儿园)$|\b(?:school|university|college|hospital)$"
    # an exam or a race signed up for, another body's (round thirty): "帮我报个马拉松", "sign up
    # for the hsk exam"
    # (not an exam prepared for beside a class wished: "我想学英语 准备考试 有课吗"; a second
    # reader, round thirty)
    r"|马拉松|半马|(?<!准备)(?<!为了)(?<!应付)(?<!备战)(?:考试|考证)|雅思|托福|四六级|\b(?:(?:half[\s-])?marathon|exams?|hsk|ielts|toefl|gaokao)\b"
)
_REQUEST_EVENT = re.compile(
    r"活动(?![室中空])|讲座|\b(?:events?|activit(?:y|ies)|talks?|outings?|trips?)\b"
)
_REQUEST_FILLER = re.compile(
    r"^(?:在|到|去)?(?:你们|阿拉|我们)?(?:的)?|(?:的|那个|那门|这个|这门)$"
)


# A course named by what it teaches: "教拍照的课" is the photography course ("摄影").
# Only a subject said in everyday words is renamed: a course's own name ("国画", "水彩画",
# "广场舞") is kept, since it may be one course of several of its kind.
_COURSE_SUBJECTS = (
    (re.compile(r"拍照|照相|拍照片|拍视频|摄像"), "摄影"),
    (re.compile(r"毛笔字?|练字|写字|书写"), "书法"),
    (re.compile(r"^(?:跳|学跳)?舞$|跳舞"), "舞蹈"),
    (re.compile(r"^画画$|画画(?!班)"), "绘画"),
    (re.compile(r"英文|外语|口语"), "英语"),
    (re.compile(r"剪视频|剪辑视频|视频剪辑|剪片子"), "视频剪辑"),
    (re.compile(r"^(?:打)?太极拳?$"), "太极"),
    (re.compile(r"\b(?:photos?|pictures?|camera)\b"), "photography"),
)


def _course_hint_of(match: re.Match[str]) -> str:
    """The hint of a match whose subject may be in any of its groups (zh, zh2, en, en2)."""
    groups = {k: v for k, v in match.groupdict().items() if v}
    for zh, en in (("zh", "en"), ("zh2", "en2")):
        if zh in groups or en in groups:
            break
    else:
        return ""
    return _subject_hint(groups.get(zh) or groups.get(en) or "")


# the subject named after a doing: "想学做蛋糕 烘焙那种", "想学包饺子 面点之类的"
_KIND_AFTER = re.compile(r"[\s,，]*(?P<kind>[\u4e00-\u9fff]{2,4}?)(?:那种|那样的|那类|之类的?)")
_A_DOING = re.compile(r"^(?:做|烧|弄|搞|包|拍|织|缝|种|养|修)[\u4e00-\u9fff]")


def _kind_named_after(text: str, hint: str) -> str:
    """The subject the resident names after a doing, as the course's hint ("想学做蛋糕 烘焙那种"
    → 烘焙: a doing is no course's title), else the hint as it was (a subject said first stays:
    "学点舞蹈 交谊舞那种" is 舞蹈)."""
    at = text.find(hint) if _A_DOING.match(hint) else -1
    if at < 0:
        return hint
    kind = _KIND_AFTER.match(text, at + len(hint))
    return kind.group("kind") if kind else hint


# A class of a kind, its subject said first ("越剧有兴趣班吗 年轻时候就喜欢唱", "沪剧有没有培训班";
# round twenty-eight, spent27): the subject, not the kind of class
_KIND_OF_CLASS = frozenset(("兴趣", "培训", "学习", "业余", "老年", "补习"))
_SUBJECT_THEN_CLASS = re.compile(
    r"(?:^|[\s,，。?？!！])(?P<subject>[\u4e00-\u9fff]{1,6}?)(?:有没有|有)(?:兴趣|培训|学习|业余|老年|补习)班"
)


# A class asked by its own name, "for whom" said before it: "有没有适合小学生的美术课", "有国画班吗"
_CLASS_OWN_NAME_ASKED = re.compile(
    r"有(?:没有)?(?:[^，,。？?！!\s]{0,10}?的)?(?P<zh>(?:(?![的有种样什哪几啥么])[\u4e00-\u9fff]){2,4}?)"
    r"(?:课程?|(?<![上下值加坐早晚夜白轮换])班)(?=吗|么|呢|伐|没有|没|$|[\s?？,，。!！])"
)
_RENAMED_SUBJECTS = frozenset(subject for _, subject in _COURSE_SUBJECTS)


def _class_asked_by_name(text: str, hint: str) -> str:
    """The class asked by its own name after a wish told in everyday words ("想给他报个画画班，
    有没有适合小学生的美术课": 美术, not 绘画 renamed from 画画; round twenty-nine, spent23),
    else ``hint``. A subject said in the course's own words stays ("想报书法班 有没有周末的班")."""
    if hint not in _RENAMED_SUBJECTS or hint in text:
        return hint
    asked = _CLASS_OWN_NAME_ASKED.search(text)
    if asked is None:
        return hint
    named = _subject_hint(asked.group("zh"))
    if (
        not named
        or named == hint
        or named in _RENAMED_SUBJECTS
        or _NOT_A_COURSE.match(named)
        or _NOT_A_SUBJECT.search(named)
        or _TERM_ONLY.fullmatch(named)
        or _WHEN_WORDS.search(named)
        or _KIND_OF_CLASS_WORDS.search(named)
    ):
        return hint
    return named


# words of who or which kind of class, not a subject ("适合小孩的班", "兴趣班", "暑假班")
_KIND_OF_CLASS_WORDS = re.compile(
    r"小孩|孩子|儿童|小学|中学|老人|老年|成人|兴趣|暑假|寒假|培训|周末|晚上"
)


def _course_hint(match: re.Match[str]) -> str:
    groups = match.groupdict()
    hint = _subject_hint(groups.get("zh") or groups.get("en") or "")
    if hint in _KIND_OF_CLASS and (said := _SUBJECT_THEN_CLASS.search(match.string)) is not None:
        return _subject_hint(said.group("subject"))
    return hint


_NO_SUBJECT = frozenset(
    ("名", "夜校", "课", "班", "night school", "evening", "any", "some", "a", "an", "the")
)
_CLASS_ONLY = re.compile(r"(?:class|course|lesson)(?:es|s)?\b")
_SOMETHING = re.compile(r"(?:一)?[点些]?(?:东西|什么|啥)|something|anything|stuff")


def _subject_hint(said: str) -> str:
    """The course subject in the words around it ("那门书法课" → 书法课, "the yoga" → yoga; a
    subject said in other words → its usual name), or "" for none."""
    hint = re.sub(
        r"^(?:一下|一个|个|的|那个|那门|这个|这门|夜校的?|night\s+school|(?:that|this|the)\s+"
        r"|up\s+(?:some\s+|a\s+bit\s+of\s+)?|some\s+"  # "take up some knitting"
        r"|(?:my|her|his|our)\s+(?:usual\s+|regular\s+|weekly\s+)?)",
        "",
        said.strip(),
    ).strip()
    # what says only how or where it is taught: "太极拳培训", "the tai chi group", "english here"
    # (before 学 is cut: "学习班" alone names no subject, not a course "习班")
    hint = re.sub(
        r"(?:培训班?|兴趣班|学习班)$|\s+(?:group|club|team|here|there|please|too|again)$"
        # how the sign-up is made, not what is learnt: "yoga online", "calligraphy by phone"
        r"|\s*\b(?:online|in\s+person|by\s+phone|over\s+the\s+phone|on\s+(?:the\s+)?(?:app|website|wechat))$"
        # …or from where: "an evening class from abroad", "yoga from overseas" (spent27)
        r"|\s*\b(?:from\s+(?:abroad|overseas|another\s+country|the\s+(?:us|uk|states))|remotely)$",
        "",
        hint,
    ).strip()
    # the subject said first, its class asked after ("越剧有兴趣班吗", "书法有没有培训班"; round
    # twenty-eight, spent27): the subject, not "兴趣"
    if "有" in hint:
        hint = re.sub(
            r"(?<=[\u4e00-\u9fff])(?:有没有|有)(?:兴趣|培训|学习|补习|老年|业余)?$", "", hint
        ).strip()
    # who learns, said before it: "老年人学英语" is English ("小孩学画画", "退休的人练书法")
    hint = re.sub(
        r"^(?:给)?(?:老年人|老人家?|老年|小孩子?|孩子|儿童|小朋友|大人|成人|成年人|上班族|退休的?人?)"
        r"(?:的)?(?=学|练|教)",
        "",
        hint,
    )
    hint = re.sub(r"^(?:教|学)|^to\s+", "", hint)  # "learn to paint": the course is painting
    # which of ours, not what (round thirty): "join one of your classes", "sign up for" (the
    # preposition left alone: "what courses can I sign up for")
    hint = re.sub(
        r"^(?:one|some|any|all|each)\s+of\s+(?:your|the|those|these|our|them)\b\s*", "", hint
    )
    if hint in ("for", "in", "on", "to", "up", "your", "yours", "one", "ones"):
        return ""
    # a question's particle only ("活动要报名吗", "中秋活动要报名吗" had the course card 吗; a
    # second reader, r30)
    if re.fullmatch(r"[吗么嘛呢吧伐啊呀哦不]+", hint):
        return ""
    if _SOMETHING.fullmatch(hint):  # "想学点东西": something, no subject named
        return ""
    if hint in _NO_SUBJECT or _CLASS_ONLY.match(hint):  # "join a class for free"
        return ""
    for pattern, subject in _COURSE_SUBJECTS:
        if pattern.search(hint):
            return subject
    return hint


_FIRST_MARK = re.compile(r"[?？]")
_CLASS_ASKED_FIRST = re.compile(r"课|班|老师|\b(?:class|course|lesson|teach|teacher|tutor)")
# something asked after the question mark after all: "…想报名 怎么报", "how do i join"
_STORY_ASKS = re.compile(
    r"[?？]|吗|伐|呢|么|怎么|如何|哪|几|多少|能不能|可不可以|好不好|行不行|要不要"
    r"|\b(?:how|what|when|where|which|who|whom|could|would|can\s+(?:i|he|she|we|you|they)"
    r"|is\s+(?:it|there)|are\s+there|do\s+you|please)\b"
)
_MOMENT_OF_DAY = re.compile(
    r"(?:下课|放学)\s*(?:了|以后|之后|后)|(?:下了课|上完课|上好课|放了学)(?:了|以后|之后|后)?|\bafter\s+(?:my\s+|the\s+)?class(?:es)?\b"
)


def _without_aside(text: str, venue_ids: tuple[str, ...]) -> str:
    """``text`` without the words that only say where else or from where."""
    if venue_ids:  # "卫生站能配降压药吗 还是只能去大医院": the other place is the fallback
        text = _ALT_CLAUSE.sub(" ", text)
        if "night_school" not in venue_ids:
            # "下课了在食堂吃中饭 一顿多少钱": the moment of one's day, not the class's fees
            text = _MOMENT_OF_DAY.sub(" ", text)
    if _WHERE_INTENT.search(text):  # "我从金沙江路地铁站出来怎么走": where the resident starts
        text = _STARTING_POINT.sub(" 地铁 ", text)
    return text


def _clarify(unresolved: list[TimeMention], venue_ids: tuple[str, ...]) -> Understanding:
    # a week or month named narrows a vague word beside it ("some day next week", "one day
    # this week"): its days are offered first, whatever the order of the words
    unresolved = sorted(unresolved, key=lambda m: m.kind != "week")
    candidates = tuple(dict.fromkeys(d for m in unresolved for d in m.candidates))
    return Understanding(
        Kind.CLARIFY_DAY, venue_ids, candidates=candidates[:7], score=1.0, looks_like_question=True
    )


def _with_lang(verdict: Understanding, lang: str | None) -> Understanding:
    if lang is None:
        return verdict
    return Understanding(
        verdict.kind, verdict.venue_ids, verdict.days, verdict.festival, verdict.faq_id,
        verdict.suggestions, verdict.score, verdict.looks_like_question, verdict.feature,
        verdict.course_hint, verdict.candidates, lang, verdict.year, verdict.concern,
    )  # fmt: skip


def suggestion_entries(matcher: QuestionMatcher, ids: Iterable[str]) -> list[FaqEntry]:
    """FAQ entries for suggestion ids (unknown ids skipped)."""
    return [entry for faq_id in ids if (entry := matcher.faq_entry(faq_id)) is not None]
