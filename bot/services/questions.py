"""Understanding a resident's free-text question, in Chinese or English.

Two kinds of question are told apart:

* venue + day ("国庆节食堂开吗", "is the gym open on Sunday?"): the venue is recognised by its
  aliases (traditional characters folded to simplified, English typos forgiven) and the day by
  rules, never by similarity — "国庆食堂开不开" needs both picked out, and an answer for the
  wrong day is worse than none;
* everything else is matched against the FAQ by character-bigram / word overlap, with English
  typos corrected against the FAQ's own vocabulary.

The outcome is one of: an answer (hours, a venue's details, an FAQ entry), "did you mean…"
suggestions, or nothing — in which case the caller offers to pass the question to staff.
Nothing here imports ``telegram``; it is pure and fast (see ``bench/bench_hours.py``).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

import zhconv
import zhconv.zhconv
from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from bot.centre import Centre, FaqEntry, Venue
from bot.services.holiday_calendar import HolidayCalendar

MAX_QUESTION_CHARS = 300  # longer texts are cut before matching (nobody asks in 300 chars)

# Confidence thresholds of the FAQ matcher (tuned on tests/data/questions.yaml).
ANSWER_SCORE = 0.36
CLEAR_MARGIN = 0.1
SURE_SCORE = 0.7
SUGGEST_SCORE = 0.24
MAX_SUGGESTIONS = 3


class Kind(StrEnum):
    """What the bot will do with a question."""

    HOURS = "hours"  # a venue's hours on a day
    OVERVIEW = "overview"  # "when are you open?" without a venue: every venue
    VENUE = "venue"  # a venue's address / phone / notes
    FAQ = "faq"
    SUGGEST = "suggest"  # "did you mean…"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Understanding:
    """The matcher's verdict on one question."""

    kind: Kind
    venue_id: str | None = None
    day: date | None = None  # None: today / now
    festival: str | None = None  # the day was named by a festival
    faq_id: str | None = None
    suggestions: tuple[str, ...] = ()  # FAQ ids, best first
    score: float = 0.0
    looks_like_question: bool = False


# --- Normalisation -------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^\w\u4e00-\u9fff]+")
_SPACES = re.compile(r"\s+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def _load_zhconv_dictionary() -> None:
    """Load zhconv's dictionary with a closed file (its own loader leaks the file handle,
    which pytest's ``filterwarnings=error`` turns into a failure)."""
    module = zhconv.zhconv
    if module.zhcdicts is None:
        module.loaddict(str(Path(module.__file__).with_name("zhcdict.json")))


def fold(text: str) -> str:
    """NFKC (full-width → half-width), traditional → simplified, lower case."""
    text = unicodedata.normalize("NFKC", text[:MAX_QUESTION_CHARS])
    if _CJK.search(text):
        text = zhconv.convert(text, "zh-cn")
    return text.lower()


def strip_punctuation(text: str) -> str:
    return _SPACES.sub(" ", _NON_WORD.sub(" ", text)).strip()


# --- Days ----------------------------------------------------------------------------------

_CN_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_WEEKDAY_CN = {
    "一": 0,
    "二": 1,
    "三": 2,
    "四": 3,
    "五": 4,
    "六": 5,
    "日": 6,
    "天": 6,
    "末": 5,
    "七": 6,
}
_WEEKDAY_EN = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thur": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5,
    "sat": 5, "sunday": 6, "sun": 6, "weekend": 5,
}  # fmt: skip
_MONTHS_EN = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_WORD = (
    r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_CN_NUM = r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})"
_FESTIVAL_WORDS: tuple[tuple[str, str], ...] = (
    (r"元旦|new\s*year'?s?(?:\s*day)?", "new_year"),
    (
        r"春节|过年|大年初一|农历新年|spring\s*festival|(?:chinese|lunar)\s*new\s*year",
        "spring_festival",
    ),
    (r"清明|qingming|tomb[\s-]*sweeping", "tomb_sweeping"),
    (r"劳动节|五一|labou?r\s*day|may\s*day", "labour_day"),
    (r"端午|dragon\s*boat", "dragon_boat"),
    (r"中秋|mid[\s-]*autumn|moon\s*festival", "mid_autumn"),
    (r"国庆|十一长假|十一假期|national\s*day|golden\s*week", "national_day"),
)

_DAY_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("iso", r"(20\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"),
        ("cn_md", _CN_NUM + r"\s*月\s*" + _CN_NUM + r"\s*[日号]?"),
        ("en_dm", r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_WORD + r"\b"),
        ("en_md", r"\b" + _MONTH_WORD + r"\.?\s+(\d{1,2})(?:st|nd|rd|th)?\b"),
        ("md", r"(?<![\d:.])(\d{1,2})\s*[-/]\s*(\d{1,2})(?![\d:])"),
        ("cn_d", r"(?<![\d月])" + _CN_NUM + r"\s*[号](?!码)"),
        ("rel3", r"大后天"),
        ("rel2", r"后天|day\s+after\s+tomorrow"),
        ("rel1", r"明天|明日|明早|明晚|明儿|tomorrow|tmrw?"),
        ("rel0", r"今天|今日|今早|今晚|今儿|现在|此刻|目前|当前|\btoday\b|\btonight\b|\bnow\b"),
        ("cn_wd", r"(下下|下|这|本|今)?\s*(?:个)?\s*(?:周|星期|礼拜)\s*([一二三四五六日天末七])"),
        (
            "en_wd",
            r"\b(next|this|coming)?\s*(monday|tuesday|wednesday|thursday|friday|saturday|sunday"
            r"|mon|tues?|wed|thur?s?|fri|sat|sun|weekend)s?\b",
        ),
        ("festival", "|".join(f"(?:{p})" for p, _ in _FESTIVAL_WORDS)),
    )
)
_FESTIVAL_RES = tuple((re.compile(p), key) for p, key in _FESTIVAL_WORDS)


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + _CN_DIGITS.get(text[1:], 0)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return _CN_DIGITS.get(tens, 0) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


def _month_day(month: int, day: int, today: date) -> date | None:
    """A date without a year: this year, or next year when it is more than a week past."""
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate >= today - timedelta(days=7):
            return candidate
    return None


def _next_weekday(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def _festival_day(festival: str, today: date, calendar: HolidayCalendar) -> date | None:
    for year in (today.year, today.year + 1):
        first, _ = calendar.festival_date(festival, year)
        if first is None:
            continue
        if first <= today <= first + timedelta(days=6) and calendar.day(today).festival == festival:
            return today
        if first >= today:
            return first
    return None


@dataclass(frozen=True, slots=True)
class DayMatch:
    day: date
    span: tuple[int, int]
    festival: str | None = None


def find_day(text: str, today: date, calendar: HolidayCalendar) -> DayMatch | None:
    """The first day named in (folded) ``text``, resolved against ``today``."""
    for name, pattern in _DAY_PATTERNS:
        for match in pattern.finditer(text):
            resolved = _resolve(name, match, today, calendar)
            if resolved is not None:
                day, festival = resolved
                return DayMatch(day, match.span(), festival)
    return None


def _resolve(
    name: str, match: re.Match[str], today: date, calendar: HolidayCalendar
) -> tuple[date, str | None] | None:
    groups = match.groups()
    day: date | None = None
    try:
        if name == "iso":
            day = date(int(groups[0]), int(groups[1]), int(groups[2]))
        elif name == "cn_md":
            day = _month_day(_cn_number(groups[0]), _cn_number(groups[1]), today)
        elif name == "en_dm":
            day = _month_day(
                _MONTHS_EN[
                    groups[1][:4].rstrip("t") if groups[1].startswith("sept") else groups[1][:3]
                ],
                int(groups[0]),
                today,
            )
        elif name == "en_md":
            day = _month_day(_MONTHS_EN[groups[0][:3]], int(groups[1]), today)
        elif name == "md":
            day = _month_day(int(groups[0]), int(groups[1]), today)
        elif name == "cn_d":
            number = _cn_number(groups[0])
            candidate = today.replace(day=number) if 1 <= number <= 31 else None
            if candidate is not None and candidate < today:
                month = today.month % 12 + 1
                year = today.year + (1 if month == 1 else 0)
                candidate = date(year, month, number)
            day = candidate
        elif name.startswith("rel"):
            day = today + timedelta(days=int(name[3:]))
        elif name == "cn_wd":
            prefix, weekday_char = groups
            weekday = _WEEKDAY_CN[weekday_char]
            monday = today - timedelta(days=today.weekday())
            if prefix == "下":
                day = monday + timedelta(days=7 + weekday)
            elif prefix == "下下":
                day = monday + timedelta(days=14 + weekday)
            else:
                day = _next_weekday(today, weekday)
        elif name == "en_wd":
            prefix, word = groups
            weekday = _WEEKDAY_EN[word]
            if prefix == "next":
                monday = today - timedelta(days=today.weekday())
                day = monday + timedelta(days=7 + weekday)
            else:
                day = _next_weekday(today, weekday)
        elif name == "festival":
            text = match.group(0)
            festival = next(key for pattern, key in _FESTIVAL_RES if pattern.fullmatch(text))
            found = _festival_day(festival, today, calendar)
            return (found, festival) if found is not None else None
    except (ValueError, KeyError):
        return None
    return (day, None) if day is not None else None


def remove_days(text: str) -> str:
    """``text`` without any day expression (for matching the rest)."""
    for _, pattern in _DAY_PATTERNS:
        text = pattern.sub(" ", text)
    return text


# --- Intents and fillers --------------------------------------------------------------------

_HOURS_INTENT = re.compile(
    r"几点|开门|关门|开放|营业|开不开|开吗|开着|开没开|关没关|关了|开到|开始|结束|时间|上班|下班"
    r"|休息|开业|关闭|打烊|还开|开了|开么|几时|什么时候|啥时候|开嘛|有人吗|有人在|可以去|能去|有课"
    r"|\bopen(?:s|ed|ing)?\b|\bclos(?:e|es|ed|ing)\b|\bhours?\b|\btimes?\b|\bwhen\b|\buntil\b"
    r"|\btill\b|\bschedule\b|\btimetable\b"
)
_WHERE_INTENT = re.compile(
    r"在哪|哪里|哪儿|地址|怎么走|怎么去|位置|几楼|哪个楼|\bwhere\b|\baddress\b|\blocation\b"
    r"|\bhow (?:do i |can i |to )?get\b|\bwhich floor\b"
)
_PHONE_INTENT = re.compile(r"电话|号码|联系|\bphone\b|\bcall\b|\bnumber\b|\bcontact\b")
_FILLERS = re.compile(
    r"请问|你好|您好|一下|你们|我们|我想|想问|知道|告诉我|这里|那边|这边|中心|驿站|社区|能不能|可不可以"
    r"|可以|能|吗|呢|吧|啊|呀|嘛|哦|的|了|是|有|在|去|我|要|还|不|么|个|那|这|会|都|呐|么|啦"
    r"|\b(?:is|are|the|a|an|on|at|in|it|its|do|does|you|your|please|hi|hello|will|be|open|still"
    r"|tell|me|i|can|what|s|for|of|to|there|this|that|and|or|hey|could|would|know|want)\b"
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
    ]
)
_STOP_CJK = re.compile(r"请问|一下|你们|我们|我想|想问|您好|你好|[吗呢吧啊呀嘛哦的了我]")


_GREETING = re.compile(
    r"(?:你好|您好|你们好|大家好|早上好|上午好|中午好|下午好|晚上好|早|在吗|在不在|哈喽|嗨"
    r"|hello|hi|hey|good (?:morning|afternoon|evening))(?:呀|啊|哦|呢)?"
)
_THANKS = re.compile(
    r"(?:谢谢|谢谢你|谢谢您|多谢|感谢|好的谢谢|thanks|thank you|thx|ok thanks)(?:啦|了|呀)?"
)


def small_talk(text: str) -> str | None:
    """``"greeting"`` or ``"thanks"`` when that is all a message says (not a question)."""
    clean = strip_punctuation(fold(text)).strip()
    clean = re.sub(r"\s+", " ", clean)
    if _GREETING.fullmatch(clean):
        return "greeting"
    if _THANKS.fullmatch(clean):
        return "thanks"
    return None


def _is_only_filler(text: str) -> bool:
    return not strip_punctuation(_FILLERS.sub(" ", text))


def looks_like_question(folded: str) -> bool:
    """Whether a text reads as a question a person could answer (else it is noise)."""
    if len(_CJK.findall(folded)) >= 2:
        return True
    if _QUESTION_WORDS.search(folded):
        return True
    return len(_LATIN_WORD.findall(folded)) >= 3


# --- Venues --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Alias:
    text: str
    venue_id: str
    latin: bool
    pattern: re.Pattern[str] | None


class VenueFinder:
    """Aliases of every venue: exact (longest wins), then forgiving English typos."""

    def __init__(self, venues: Sequence[Venue]) -> None:
        aliases: dict[str, str] = {}
        for venue in venues:
            for raw in (*venue.aliases, venue.name.zh, venue.name.en):
                text = strip_punctuation(fold(raw))
                if text and text not in aliases:
                    aliases[text] = venue.id
        self._aliases = sorted(
            (
                _Alias(
                    text,
                    venue_id,
                    not _CJK.search(text),
                    re.compile(r"\b" + re.escape(text) + r"(?:s|es)?\b")
                    if not _CJK.search(text)
                    else None,
                )
                for text, venue_id in aliases.items()
            ),
            key=lambda a: -len(a.text),
        )
        self._latin_words = {
            a.text: a.venue_id for a in self._aliases if a.latin and len(a.text) >= 5
        }
        self._latin_pairs = {
            a.text: a.venue_id for a in self._aliases if a.latin and a.text.count(" ") == 1
        }
        self._cjk_long = [a for a in self._aliases if not a.latin and len(a.text) >= 4]

    def find(self, text: str) -> tuple[str, str] | None:
        """``(venue_id, matched text)`` of the venue named in ``text`` (folded, no punctuation)."""
        for alias in self._aliases:
            if alias.pattern is not None:
                if alias.pattern.search(text):
                    return alias.venue_id, alias.text
            elif alias.text in text:
                return alias.venue_id, alias.text
        for word in _LATIN_WORD.findall(text):
            if len(word) < 5:
                continue
            best = process.extractOne(
                word,
                self._latin_words.keys(),
                scorer=Levenshtein.distance,
                score_cutoff=1 if len(word) < 7 else 2,
            )
            if best is not None:
                return self._latin_words[best[0]], word
        words = _LATIN_WORD.findall(text)
        for pair in (f"{a} {b}" for a, b in itertools.pairwise(words)):
            if len(pair) < 8:
                continue
            best = process.extractOne(
                pair, self._latin_pairs.keys(), scorer=Levenshtein.distance, score_cutoff=2
            )
            if best is not None:
                return self._latin_pairs[best[0]], pair
        for alias in self._cjk_long:
            if fuzz.partial_ratio(alias.text, text, score_cutoff=80):
                return alias.venue_id, alias.text
        return None


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


# Places and topics that are not the centre's: a question about them is never answered from
# the FAQ (at most "did you mean…"), however many words it shares with an entry.
_ELSEWHERE = re.compile(
    r"附近|周边|饭店|餐厅|饭馆|银行|超市|商场|医院|地铁站|末班车|天气|学校|小学|中学|幼儿园|机票|火车|"
    r"股票|房价|笑话|快递|卫生间|厕所|"
    r"\b(?:restaurants?|weather|supermarket|bank|hospital|post office|flight|train|stock"
    r"|bitcoin|football|joke|toilet|cook|recipe|primary school|kindergarten)\b"
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
    _phrasings: list[tuple[int, float]] = field(default_factory=list)
    _index: dict[str, list[tuple[int, float]]] = field(default_factory=dict)
    _vocabulary: list[str] = field(default_factory=list)

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
        self._vocabulary = sorted(vocabulary)

    def _correct(self, features: dict[str, float]) -> dict[str, float]:
        """English words the FAQ does not know, replaced by a close word it does (typos).

        A correction keeps the first letter and is at most one edit (two for long words), so
        "pasword" finds "password" but "rice" never becomes "price".
        """
        fixed: dict[str, float] = {}
        for feature, weight in features.items():
            if feature in self._index or not feature.isascii() or len(feature) < 4:
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

    def rank(self, text: str) -> list[tuple[float, int]]:
        """``(score, entry number)`` best first, one per entry; score in [0, 1] (weighted Dice)."""
        query = self._correct(_features(text))
        if not query:
            return []
        shared: dict[int, float] = defaultdict(float)
        for feature, weight in query.items():
            for phrasing_no, their_weight in self._index.get(feature, ()):
                shared[phrasing_no] += min(weight, their_weight)
        best: dict[int, float] = {}
        size = sum(query.values())
        for phrasing_no, common in shared.items():
            entry_no, their_size = self._phrasings[phrasing_no]
            score = 2 * common / (size + their_size)
            if score > best.get(entry_no, 0.0):
                best[entry_no] = score
        return sorted(((score, no) for no, score in best.items()), reverse=True)


# --- The whole thing ------------------------------------------------------------------------


class QuestionMatcher:
    """Built once from the centre's data; :meth:`understand` is pure and fast."""

    def __init__(self, centre: Centre, calendar: HolidayCalendar) -> None:
        _load_zhconv_dictionary()
        self.centre = centre
        self.calendar = calendar
        self.venues = VenueFinder(centre.venues)
        self.faq = FaqIndex(centre.faq)

    def faq_entry(self, faq_id: str) -> FaqEntry | None:
        return next((e for e in self.centre.faq if e.id == faq_id), None)

    def understand(self, text: str, today: date) -> Understanding:
        if small_talk(text) is not None:  # "你好", "thanks": answered by the common fallback
            return Understanding(Kind.NONE, looks_like_question=False)
        folded = fold(text)
        question = looks_like_question(folded)
        day_match = find_day(folded, today, self.calendar)
        without_day = remove_days(folded) if day_match is not None else folded
        clean = strip_punctuation(without_day)
        venue = self.venues.find(clean)
        hours_intent = bool(_HOURS_INTENT.search(clean))
        day = day_match.day if day_match else None
        festival = day_match.festival if day_match else None
        if venue is not None:
            venue_id, alias = venue
            rest = clean.replace(alias, " ")
            if hours_intent:
                return Understanding(
                    Kind.HOURS, venue_id, day, festival, score=1.0, looks_like_question=True
                )
            if day_match is not None and _is_only_filler(rest):
                return Understanding(
                    Kind.HOURS, venue_id, day, festival, score=1.0, looks_like_question=True
                )
            if _WHERE_INTENT.search(rest) or (
                _PHONE_INTENT.search(rest) and _is_only_filler(_PHONE_INTENT.sub(" ", rest))
            ):
                return Understanding(Kind.VENUE, venue_id, score=1.0, looks_like_question=True)
            verdict = self._faq(clean, question)
            if verdict.kind in (Kind.NONE, Kind.SUGGEST) and _is_only_filler(rest):
                return Understanding(Kind.VENUE, venue_id, score=1.0, looks_like_question=True)
            return verdict
        if hours_intent:
            generic = _HOURS_INTENT.sub(" ", clean)
            if _is_only_filler(generic):
                return Understanding(
                    Kind.OVERVIEW, day=day, festival=festival, score=1.0, looks_like_question=True
                )
        return self._faq(clean, question)

    def _faq(self, clean: str, question: bool) -> Understanding:
        ranked = self.faq.rank(clean)
        if not ranked:
            return Understanding(Kind.NONE, looks_like_question=question)
        top_score, top = ranked[0]
        second = ranked[1][0] if len(ranked) > 1 else 0.0
        entry = self.faq.entries[top]
        if _ELSEWHERE.search(clean):
            return Understanding(Kind.NONE, score=top_score, looks_like_question=question)
        if top_score >= SURE_SCORE or (
            top_score >= ANSWER_SCORE and top_score - second >= CLEAR_MARGIN
        ):
            return Understanding(
                Kind.FAQ, faq_id=entry.id, score=top_score, looks_like_question=True
            )
        if top_score >= SUGGEST_SCORE:
            ids = tuple(
                self.faq.entries[no].id
                for score, no in ranked[:MAX_SUGGESTIONS]
                if score >= SUGGEST_SCORE * 0.8
            )
            return Understanding(
                Kind.SUGGEST, suggestions=ids, score=top_score, looks_like_question=True
            )
        return Understanding(Kind.NONE, score=top_score, looks_like_question=question)


def suggestion_entries(matcher: QuestionMatcher, ids: Iterable[str]) -> list[FaqEntry]:
    """FAQ entries for suggestion ids (unknown ids skipped)."""
    return [entry for faq_id in ids if (entry := matcher.faq_entry(faq_id)) is not None]
