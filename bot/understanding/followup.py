"""Follow-up questions: "食堂明天开吗" then "那后天呢" asks about the canteen again.

A chat's last answered question about places (an hours question, a venue's card, the
overview of every place, an FAQ entry of one venue: its venues and the days it named) is the
:class:`Previous` question; any other answer clears it. A new message that names no venue
("那后天呢", "下午几点关门", "what about sunday?") or a venue and no day ("健身房呢", "and
the gym?") is answered with what it leaves out taken from the previous question, for
:data:`FRESH_FOR` and never past the local midnight: the days carried over are dates, and a
day the new message names was read against the clock at the new message, so nothing shifts
its meaning. A question naming its own venue and day, or asking about every place
("今天哪些地方开门"), stands alone.

Pure: no clock, no storage, no ``telegram``. The matcher is handed in as ``reread``, for a
fragment it does not understand with its lead-in ("what about the canteen?" is read as
"the canteen?").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from bot.understanding import staff_input
from bot.understanding.matcher import Kind, Understanding
from bot.understanding.normalise import fold

FRESH_FOR = timedelta(minutes=30)

# The words that continue a conversation: "那…", "还有…", "and…", "what about…", "…呢".
_LEAD_IN = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|well)\b[,\s]*)?"
    r"(?:那么|那(?![些里儿边个天样])|格么|格末|葛么|还有|另外|再问一?下|和|跟"
    r"|(?:and\s+)?(?:what|how)\s+about\b|and\b(?:\s+(?:also|then)\b)?|also\b|then\b"
    r"|(?:and\s+)?(?:the\s+)?same\s+(?:for|with)\b)"
    r"\s*[,，]?\s*"
)
# An acknowledgement before the question ("是的，那周日呢", "好的，那周日呢", "嗯 那礼拜天呢",
# "哦哦晓得了，那礼拜一呢", "ok, and sunday?", "thanks, what about monday?"): left out. A
# word that could start a question itself ("好", "对") counts only before a comma or space.
_ACK_WORD = (
    r"(?:是的|好的|对的|好嘅|是呀|是啊|对啊|好啊|好吧|行|嗯+|哦+|噢+|喔+|啊+|晓得了|知道了|明白了"
    r"|了解|收到|谢谢(?:侬|你|您|啦)?|多谢|好|对|是"
    r"|\b(?:ok(?:ay)?|thanks|thank\s+you|thx|yes|yeah|yep|right|cool|great|got\s+it|i\s+see)\b)"
)
_ACK = re.compile(rf"^\s*(?:{_ACK_WORD}[\s,，。.!！~～、]*)*{_ACK_WORD}[\s,，。.!！~～、]+")
_TAIL = re.compile(r"(?:呢|\bthen|\btoo|\bas\s+well)\s*[?？!！.。]*\s*$")
_TAIL_WORD = re.compile(r"[\s,]*\b(?:then|too|as\s+well)\b(?=\s*[?？!！.。]*\s*$)")
# "it", "there", "它", "那里": the place just asked about.
_PRONOUN = re.compile(
    r"\b(?:it|its|it's|there|they|them)\b|它|那里|那儿|那边|那个地方|这个地方|^伊(?=[礼今明后几开关啥哪在])"
)
# A part of the day: the answer gives the whole day's hours ("下午呢", "周日晚上呢").
_PART_OF_DAY = re.compile(
    r"上午|下午|中午|早上|晚上|傍晚|夜里|白天|上半天|下半天|上半日|下半日|夜快|夜到|\b(?:in\s+)?the\s+(?:morning|afternoon|evening)\b"
    r"|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"
)
# "the day after?", "第二天呢": the day after the last one asked about.
_NEXT_DAY = re.compile(
    r"(?:the\s+)?(?:next\s+day|day\s+after(?:\s+that)?)|第二天|后一天|再后一天|隔天|次日"
)
# Spoken words the matcher reads in their plain form ("几点钟关门" is "几点关门").
_SPOKEN = re.compile(r"几点钟")
_FILLER = re.compile(r"[\s呢吗啊呀?？!！.。,，]*")
_FILLER_END = re.compile(r"[\s呢吗啊呀?？!！.。,，]+$")
_ONE_DAY = timedelta(days=1)
# Every place, or where a place is / how to reach it: the question does not follow on.
_EVERY_PLACE = re.compile(
    r"哪些|哪几|哪里|哪儿|什么地方|都开|全部|所有|各个|每个|各场馆|别的"
    r"|\b(?:which|what)\s+(?:places|venues|rooms|facilities)\b|\bwhat'?\s?s\s+open\b"
    r"|\bwhat\s+is\s+open\b|\b(?:anything|everything|anywhere|everywhere|all)\b|\bother\b"
)
# The centre itself addressed ("你们元旦开吗", "are you open on new year's day", "中心周日
# 开门吗"): every venue, not the one just asked about; "it", "there" ("is it open on sunday")
# still point at that one.
_THE_CENTRE = re.compile(
    r"(?:你们|您们|中心)(?:那边|那里|那儿)?|\b(?:are|do|will|were|would)\s+(?:you|u)\b"
    r"|\byou\s+(?:guys|all|open|close)"
    r"|\byour\s+(?:opening\s+)?(?:hours|times)\b|\bcent(?:re|er)\b|\by'?all\b"
)
_WHERE_OR_CONTACT = re.compile(
    r"在哪|哪里|哪儿|地址|怎么走|怎么去|电话|号码|联系|多少钱|价格|收费|\bwhere\b|\baddress\b"
    r"|\bphone\b|\bnumber\b|\bcontact\b|\bget\s+there\b|\bcost\b|\bprice\b|\bhow\s+much\b"
)
# A bare name ("the canteen?", "食堂？"): no question word of its own, so it asks what the
# last question asked ("and the canteen?").
_ASKS_ITSELF = re.compile(
    r"开|关|几|时间|营业|吗|伐|哪|电话|怎么|多少|可以|能|有没有"
    r"|\b(?:open|close[sd]?|closing|when|what|hours?|time|is|are|does|do|can|where|how|which)\b"
)
# "下午几点关门", "what time does it close in the afternoon?": the part of the day and whether
# its opening or its closing is asked.
_AFTERNOON = re.compile(r"下午|下半天|下半日|\bafternoon\b")
_MORNING = re.compile(r"上午|上半天|上半日|早上|\bmorning\b")
_ASKS_CLOSE = re.compile(
    r"关|结束|下班|打烊|开到|到几点|\bclos\w*|\buntil\b|\btill\b|\bfinish\w*|\bshut\w*"
)
_ASKS_OPEN = re.compile(
    r"开门|几点开|开始|上班|\bopen\w*|\bstart\w*"
    # asked yes or no, like "is it open in the afternoon": "今朝下半天照相馆开伐", "下午开不开",
    # "下午有人吗" (r30f: only "开门" and the English had the part's line)
    r"|开(?=\s*(?:吗|伐|么|不开|着|没|[?？]|$))|有人(?=\s*(?:吗|伐|么|在|[?？]|$))"
    # when one may come, asked in a story (r30j: "…tomorrow morning, what time can she come?"
    # got no lead line): 几点能去, 什么时候可以过来, "what time can she come", "when can he come by"
    r"|(?:几点|几点钟|什么时候|啥时候|几时)(?:就)?(?:能|可以|好|方便)(?:去|来|过去|过来|到)"
    r"|\b(?:what\s+time|when)\s+(?:can|could|should|may|do|does)\s+(?:i|we|she|he|they|my\s+\w+)\s+"
    r"(?:come|go|get\s+there|drop\s+by|drop\s+in|stop\s+by|pop\s+in|visit|turn\s+up|show\s+up)\b"
)
# What a day's hours say about the part asked (:func:`part_hours`).
PartSaid = Literal["closed", "closes", "open-until", "opens", "open-from"]
PARTS = {"morning": (0, 12 * 60), "afternoon": (12 * 60, 18 * 60)}
# "它在哪里", "where is it?", "它电话多少": the card of the place just asked about (not its price:
# that is an FAQ entry).
_WHERE_OR_PHONE = re.compile(
    r"在哪|哪里|哪儿|地址|怎么走|怎么去|电话|号码|联系"
    r"|\bwhere\b|\baddress\b|\bphone\b|\bnumber\b|\bcontact\b|\bget\s+there\b"
)
# The same asked with no word for the place (Chinese drops it: "怎么去", "地址呢", "电话多少"):
# the whole message, so "怎么去长风公园" or "医院在哪" are not it.
_BARE_WHERE_OR_PHONE = re.compile(
    r"(?:请问|那|那么|麻烦问下|问一下)?[\s,，]*"
    r"(?:(?:要|该|应该)?怎么(?:去|走|过去|找)|(?:在|是)?哪(?:里|儿|边|块)?|具体(?:在)?哪(?:里|儿)?"
    r"|(?:具体)?地址|(?:联系)?电话(?:号码)?|怎么联系)"
    r"(?:是(?:多少|什么|啥|哪里))?(?:多少)?(?:呀|呢|啊|吗|伐|哦|了)?[\s?？!！。.]*"
)
_FOLLOWABLE = (Kind.HOURS, Kind.OVERVIEW, Kind.VENUE)
_REREAD = (Kind.NONE, Kind.SUGGEST, Kind.FAQ, Kind.CLARIFY_DAY)


@dataclass(frozen=True, slots=True)
class Previous:
    """A chat's last answered question, when it was about places: its venues (none: every
    venue, the day's overview) and the days it named (none: today at the follow-up)."""

    venue_ids: tuple[str, ...]
    days: tuple[date, ...]
    lang: str | None
    asked_at: datetime  # aware

    def fresh_at(self, now: datetime) -> bool:
        """Still in the conversation at ``now`` (aware, in the centre's zone): asked at most
        :data:`FRESH_FOR` ago, on the same local day."""
        asked = self.asked_at.astimezone(now.tzinfo)
        return timedelta(0) <= now - asked <= FRESH_FOR and asked.date() == now.date()

    def days_at(self, now: datetime) -> tuple[date, ...]:
        """The days asked, or today (the same local day as when asked: see :meth:`fresh_at`)."""
        return self.days or (now.date(),)


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The new message read with the previous question: what it asks, and what was assumed."""

    verdict: Understanding
    assumed_venues: bool  # the venues are the previous question's (none: every venue)
    assumed_days: bool  # the days are the previous question's, which named them


def asked(verdict: Understanding) -> tuple[tuple[str, ...], tuple[date, ...]] | None:
    """What an answered verdict leaves for a follow-up: its venues (none for the overview of
    every place) and the days it named, or ``None`` when it was not about places (then the
    chat's context is cleared: a follow-up is always read with the last question)."""
    if verdict.kind is Kind.VENUE and verdict.venue_ids:  # a venue's card: today's hours
        return verdict.venue_ids, ()
    if verdict.kind in (Kind.HOURS, Kind.OVERVIEW):
        return verdict.venue_ids, verdict.days
    return None


def without_ack(text: str) -> str:
    """The message without an acknowledgement before it ("是的，那周日呢" → "那周日呢", "ok,
    and sunday?" → "and sunday?"); the message itself when nothing follows one."""
    found = _ACK.match(text)
    if found is None or not _FILLER.sub("", text[found.end() :]):
        return text
    rest = text[found.end() :]
    return rest if _ACK.match(rest) is None else without_ack(rest)


def may_follow(verdict: Understanding, text: str) -> bool:
    """Whether the message could be a follow-up at all (before anything is read from storage):
    not a question naming its own venue and day, nor one about something else entirely."""
    if verdict.kind is Kind.HOURS and verdict.days:
        return False
    if without_ack(text) != text:  # read again without it
        return True
    if verdict.kind in _FOLLOWABLE and verdict.venue_ids:
        # its own place: a follow-up only when led in or asked bare ("健身房呢", "the gym?");
        # "食堂几点开门" is today's, and reads nothing from storage (issue 18's hot path)
        return not verdict.days and (
            _lead_in(text) is not None or bool(_TAIL.search(text)) or _bare(text)
        )
    if verdict.kind in _FOLLOWABLE:
        return True
    if verdict.kind is Kind.CLARIFY_DAY:  # "那周日": 那 + 周日, not "that Sunday"
        return not verdict.venue_ids and _lead_in(text) is not None
    return verdict.kind in _REREAD and (
        _lead_in(text) is not None
        or _BARE_WHERE_OR_PHONE.fullmatch(text.strip()) is not None
        or any(
            found.search(text) for found in (_PRONOUN, _TAIL_WORD, _PART_OF_DAY, _NEXT_DAY, _SPOKEN)
        )
    )


def standalone(
    verdict: Understanding, text: str, reread: Callable[[str], Understanding]
) -> Understanding | None:
    """Without a last question, a fragment read without its acknowledgement and lead-in
    ("what about tomorrow?" as "tomorrow?": that day's overview, as "and tomorrow?" is;
    "好的，那周日呢" as "那周日呢"); ``None`` when that reads no better."""
    rest = without_ack(text)
    acked = rest != text
    if acked:
        again = reread(rest)
        if again.kind not in (Kind.NONE, Kind.SUGGEST):
            return again
        verdict = again
    if verdict.kind not in _REREAD or _lead_in(rest) is None:
        return None
    remainder = _without_lead_in(rest)
    if not _FILLER.sub("", remainder):
        return None
    again = reread(remainder)
    return again if again.kind in _FOLLOWABLE else None


# Today's part of the day, named: "what about tonight?" after "is the gym open tomorrow" is
# tonight, never tomorrow night (the part of the day alone is stripped like "下午呢").
_TODAY_PART = re.compile(
    r"\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b|\btoday\b|今晚|今夜|今早|今天|今日"
)


def follow_up(
    verdict: Understanding,
    text: str,
    previous: Previous | None,
    now: datetime,
    reread: Callable[[str], Understanding],
) -> FollowUp | None:
    """The new message (``verdict`` of the normalised ``text``, asked at ``now``, local) read as
    a follow-up of ``previous``; ``None`` when it is not one (then it is answered alone)."""
    found = _follow_up(verdict, text, previous, now, reread)
    today = now.date()
    if (
        found is not None
        and found.verdict.kind in (Kind.HOURS, Kind.OVERVIEW)
        and found.verdict.days != (today,)
        and _TODAY_PART.search(text)
    ):
        return replace(found, verdict=replace(found.verdict, days=(today,)), assumed_days=False)
    return found


def _follow_up(
    verdict: Understanding,
    text: str,
    previous: Previous | None,
    now: datetime,
    reread: Callable[[str], Understanding],
) -> FollowUp | None:
    if previous is None or not previous.fresh_at(now):
        return None
    rest = without_ack(text)
    if rest != text:  # "是的，那周日呢": read as "那周日呢"
        text, verdict = rest, reread(rest)
    if not may_follow(verdict, text):
        return None
    lang = verdict.lang or previous.lang
    remainder = _without_lead_in(text)
    days = previous.days_at(now)
    if _FILLER.fullmatch(remainder):  # "下午呢", "and in the evening?": the same places and days
        return _carried(previous, days, lang, days_assumed=bool(previous.days))
    if _NEXT_DAY.fullmatch(_FILLER_END.sub("", remainder)):  # "and the day after?"
        return _carried(previous, (max(days) + _ONE_DAY,), lang, days_assumed=False)
    if (
        previous.venue_ids
        and not verdict.venue_ids
        and (
            (_PRONOUN.search(text) and _WHERE_OR_PHONE.search(text))
            or _BARE_WHERE_OR_PHONE.fullmatch(text.strip())
        )
    ):
        # "它在哪里", "where is it?": the card of the place just asked about
        card = Understanding(
            Kind.VENUE, previous.venue_ids, (), score=1.0, looks_like_question=True, lang=lang
        )
        return FollowUp(card, assumed_venues=True, assumed_days=False)
    if verdict.kind in _REREAD:
        if remainder == text:
            return None
        reread_verdict = reread(remainder)
        if reread_verdict.kind not in _FOLLOWABLE:
            return None
        return _resolve(replace(reread_verdict, lang=lang), text, previous, now, lead_in=True)
    return _resolve(replace(verdict, lang=lang), text, previous, now, lead_in=False)


def _resolve(
    verdict: Understanding, text: str, previous: Previous, now: datetime, *, lead_in: bool
) -> FollowUp | None:
    if not verdict.venue_ids:
        # "那后天呢", "下午几点关门", "is it open on sunday": the previous places, on the day
        # named now (or the previous days), unless every place is asked about
        if _EVERY_PLACE.search(_without_lead_in(text)):
            return None
        if (
            previous.venue_ids
            and _THE_CENTRE.search(text)
            and not _PRONOUN.search(_THE_CENTRE.sub(" ", text))
        ):
            return None  # "你们元旦开吗" after the gym: the centre's day, every venue
        if verdict.days:
            return _carried(previous, verdict.days, verdict.lang, days_assumed=False)
        days = previous.days_at(now)
        return _carried(previous, days, verdict.lang, days_assumed=bool(previous.days))
    if verdict.days:
        return None  # "那健身房周日呢": its own venue and day
    # "健身房呢", "and the gym?", "the canteen?", "那健身房几点开门呢": the venue named, on the
    # previous days; without a lead-in ("健身房几点关门") the question is about today, as always
    if not (lead_in or _lead_in(text) is not None or _TAIL.search(text) or _bare(text)):
        return None
    if _WHERE_OR_CONTACT.search(text):
        return None  # "那健身房在哪呢": the venue's card, not its hours
    kind = Kind.HOURS if len(verdict.venue_ids) == 1 else Kind.OVERVIEW
    resolved = Understanding(
        kind,
        verdict.venue_ids,
        previous.days_at(now),
        score=1.0,
        looks_like_question=True,
        lang=verdict.lang,
    )
    return FollowUp(resolved, assumed_venues=False, assumed_days=bool(previous.days))


def _carried(
    previous: Previous, days: tuple[date, ...], lang: str | None, *, days_assumed: bool
) -> FollowUp:
    kind = Kind.HOURS if len(previous.venue_ids) == 1 else Kind.OVERVIEW
    resolved = Understanding(
        kind, previous.venue_ids, days, score=1.0, looks_like_question=True, lang=lang
    )
    return FollowUp(resolved, assumed_venues=True, assumed_days=days_assumed)


def _bare(text: str) -> bool:
    """A name asked on its own ("the canteen?", "食堂？"), as a question."""
    return bool(re.search(r"[?？]\s*$", text)) and _ASKS_ITSELF.search(text) is None


def part_asked(text: str) -> tuple[str, str] | None:
    """The part of the day ("morning" or "afternoon") whose closing ("close") or opening
    ("open") the message asks ("下午几点关门", "when does it open in the morning?")."""
    part = "afternoon" if _AFTERNOON.search(text) else "morning" if _MORNING.search(text) else None
    if part is None:
        return None
    if _ASKS_CLOSE.search(text):
        return part, "close"
    if _ASKS_OPEN.search(text):
        return part, "open"
    return None


def part_hours(
    spans: Sequence[tuple[int, int]], part: str, edge: str
) -> tuple[PartSaid, int | None]:
    """What a day's opening ``spans`` (minutes after midnight) say about ``part``'s ``edge``:
    ``("closed", None)``, ``("closes", end)`` within the part, ``("open-until", end)`` open
    through it, ``("opens", start)`` within it, or ``("open-from", start)`` open before it."""
    low, high = PARTS[part]
    inside = [(start, end) for start, end in spans if start < high and end > low]
    if not inside:
        return "closed", None
    if edge == "close":
        end = inside[-1][1]
        # the last stretch ends within the part, or soon after ("17:00–18:30" in the afternoon)
        return ("closes", end) if end <= high + 60 else ("open-until", end)
    start = inside[0][0]
    return ("opens", start) if start >= low else ("open-from", start)


# A clock time asked of one place and day ("今晚八点半健身房还开吗", "is the gym open at 8pm?",
# "下午3点共享工作室开着吗"): what the day's hours say at that minute. Read by staff input's
# clock parser; a time with no half-day that could be morning or evening ("8点还开吗", "at
# 10:30"), a span ("9点到11点") or a time before which something is asked ("8点前") is not read.
_EN_EVENING = re.compile(r"\b(?:tonight|evening|night)\b")
_NOT_AT = re.compile(r"\s*(?:之前|以前|前|\bbefore\b|\buntil\b|\btill\b)")


def clock_asked(text: str) -> int | None:
    """The one clock time asked (minutes after midnight), or None (``text`` normalised)."""
    said = staff_input.times_said(text)
    if len(said) != 1:
        return None
    (clock, end, plain) = said[0]
    if clock.end is not None or _NOT_AT.match(fold(text), end):
        return None
    hour = clock.start.hour
    if plain and 1 <= hour <= 11:
        if not _EN_EVENING.search(text):
            return None  # "8点", "at 8:30": morning or evening?
        hour += 12  # "7:30 tonight"
    return hour * 60 + clock.start.minute


# A meal asked of the canteen ("食堂晚饭几点", "what time is lunch"): that meal's times first.
_MEALS = (
    ("breakfast", re.compile(r"早饭|早餐|早点心|早茶|\bbreakfast\b")),
    ("lunch", re.compile(r"午饭|午餐|中饭|中午饭|\blunch\b")),
    ("dinner", re.compile(r"晚饭|晚餐|夜饭|夜里饭|\bdinner\b|\bsupper\b")),
)


def meal_asked(text: str) -> str | None:
    """The one meal named in ``text`` (normalised): breakfast, lunch or dinner."""
    named = [meal for meal, pattern in _MEALS if pattern.search(text)]
    return named[0] if len(named) == 1 else None


ClockSaid = Literal["open", "opens-later", "closed"]


def clock_hours(spans: Sequence[tuple[int, int]], minute: int) -> tuple[ClockSaid, int | None]:
    """What a day's opening ``spans`` (minutes after midnight; past midnight above 1440) say at
    ``minute``: ``("open", end)``, ``("opens-later", start)`` that day, or ``("closed",
    last end)`` (None when the day has no opening at all)."""
    for start, end in spans:
        if start <= minute < end or start <= minute + 1440 < end:  # past midnight: "00:15"
            return "open", end
    later = [start for start, _ in spans if start > minute]
    if later:
        return "opens-later", min(later)
    return "closed", max((end for _, end in spans), default=None)


def _lead_in(text: str) -> re.Match[str] | None:
    found = _LEAD_IN.match(text)
    return found if found is not None and found.group().strip() else None


def _without_lead_in(text: str) -> str:
    """The message without its lead-in, pronoun, part of the day and English tail ("what
    about the canteen?" → "the canteen?", "它明天开吗" → "明天开吗", "周日晚上呢" → "周日呢",
    "sunday then?" → "sunday?")."""
    found = _lead_in(text)
    rest = text[found.end() :] if found is not None else text
    rest = _PART_OF_DAY.sub(" ", _PRONOUN.sub(" ", _TAIL_WORD.sub("", rest)))
    rest = _SPOKEN.sub("几点", rest)
    return re.sub(r"\s+", " ", rest).strip()
