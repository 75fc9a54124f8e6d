"""Follow-up questions: "食堂明天开吗" then "那后天呢" asks about the canteen again.

A chat's last answered hours question (its venues and days) is the :class:`Previous`
question. A new message that names no venue ("那后天呢", "下午几点关门", "what about
sunday?") or a venue and no day ("健身房呢", "and the gym?") is answered with what it leaves
out taken from the previous question, for :data:`FRESH_FOR` and never past the local
midnight: the days carried over are dates, and a day the new message names was read against
the clock at the new message, so nothing shifts its meaning. A question naming its own venue
and day, or asking about every place ("今天哪些地方开门"), stands alone.

Pure: no clock, no storage, no ``telegram``. The matcher is handed in as ``reread``, for a
fragment it does not understand with its lead-in ("what about the canteen?" is read as
"the canteen?").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from bot.understanding.matcher import Kind, Understanding

FRESH_FOR = timedelta(minutes=30)

# The words that continue a conversation: "那…", "还有…", "and…", "what about…", "…呢".
_LEAD_IN = re.compile(
    r"^\s*(?:(?:ok(?:ay)?|so|well)\b[,\s]*)?"
    r"(?:那么|那(?![些里儿边个天样])|还有|另外|再问一?下|和|跟"
    r"|(?:and\s+)?(?:what|how)\s+about\b|and\b(?:\s+(?:also|then)\b)?|also\b|then\b)"
    r"\s*[,，]?\s*"
)
_TAIL = re.compile(r"(?:呢|\bthen|\btoo|\bas\s+well)\s*[?？!！.。]*\s*$")
_TAIL_WORD = re.compile(r"[\s,]*\b(?:then|too|as\s+well)\b(?=\s*[?？!！.。]*\s*$)")
# "it", "there", "它", "那里": the place just asked about.
_PRONOUN = re.compile(r"\b(?:it|its|it's|there|they|them)\b|它|那里|那儿|那边|那个地方|这个地方")
# A part of the day: the answer gives the whole day's hours ("下午呢", "周日晚上呢").
_PART_OF_DAY = re.compile(
    r"上午|下午|中午|早上|晚上|傍晚|夜里|白天|\b(?:in\s+)?the\s+(?:morning|afternoon|evening)\b"
    r"|\btonight\b|\bthis\s+(?:morning|afternoon|evening)\b"
)
# "the day after?", "第二天呢": the day after the last one asked about.
_NEXT_DAY = re.compile(
    r"(?:the\s+)?(?:next\s+day|day\s+after(?:\s+that)?)|第二天|后一天|再后一天|隔天|次日"
)
_FILLER = re.compile(r"[\s呢吗啊呀?？!！.。,，]*")
_FILLER_END = re.compile(r"[\s呢吗啊呀?？!！.。,，]+$")
_ONE_DAY = timedelta(days=1)
# Every place, or where a place is / how to reach it: the question does not follow on.
_EVERY_PLACE = re.compile(
    r"哪些|哪几|哪里|哪儿|什么地方|都开|全部|所有|各个|每个|各场馆|别的"
    r"|\b(?:which|what)\s+(?:places|venues|rooms|facilities)\b|\bwhat'?\s?s\s+open\b"
    r"|\bwhat\s+is\s+open\b|\b(?:anything|everything|anywhere|everywhere|all)\b|\bother\b"
)
_WHERE_OR_CONTACT = re.compile(
    r"在哪|哪里|哪儿|地址|怎么走|怎么去|电话|号码|联系|多少钱|价格|收费|\bwhere\b|\baddress\b"
    r"|\bphone\b|\bnumber\b|\bcontact\b|\bget\s+there\b|\bcost\b|\bprice\b|\bhow\s+much\b"
)
_FOLLOWABLE = (Kind.HOURS, Kind.OVERVIEW, Kind.VENUE)
_REREAD = (Kind.NONE, Kind.SUGGEST, Kind.FAQ, Kind.CLARIFY_DAY)


@dataclass(frozen=True, slots=True)
class Previous:
    """A chat's last answered hours question: its venues and (resolved) days, when asked."""

    venue_ids: tuple[str, ...]
    days: tuple[date, ...]
    lang: str | None
    asked_at: datetime  # aware

    def fresh_at(self, now: datetime) -> bool:
        """Still in the conversation at ``now`` (aware, in the centre's zone): asked at most
        :data:`FRESH_FOR` ago, on the same local day."""
        asked = self.asked_at.astimezone(now.tzinfo)
        return timedelta(0) <= now - asked <= FRESH_FOR and asked.date() == now.date()


@dataclass(frozen=True, slots=True)
class FollowUp:
    """The new message read with the previous question: what it asks, and what was assumed."""

    verdict: Understanding
    assumed_venues: bool  # the venues are the previous question's
    assumed_days: bool  # the days are the previous question's


def asked(verdict: Understanding, today: date) -> tuple[tuple[str, ...], tuple[date, ...]] | None:
    """What an answered verdict leaves for a follow-up: its venues and days (today when it
    named none), or ``None`` when it answered no venue's hours."""
    if verdict.kind not in (Kind.HOURS, Kind.OVERVIEW) or not verdict.venue_ids:
        return None
    return verdict.venue_ids, verdict.days or (today,)


def may_follow(verdict: Understanding, text: str) -> bool:
    """Whether the message could be a follow-up at all (before anything is read from storage):
    not a question naming its own venue and day, nor one about something else entirely."""
    if verdict.kind is Kind.HOURS and verdict.days:
        return False
    if verdict.kind in _FOLLOWABLE:
        return True
    if verdict.kind is Kind.CLARIFY_DAY:  # "那周日": 那 + 周日, not "that Sunday"
        return not verdict.venue_ids and _lead_in(text) is not None
    return verdict.kind in _REREAD and (
        _lead_in(text) is not None
        or any(found.search(text) for found in (_PRONOUN, _TAIL_WORD, _PART_OF_DAY, _NEXT_DAY))
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
    if previous is None or not (previous.venue_ids and previous.days):
        return None
    if not previous.fresh_at(now):
        return None
    if not may_follow(verdict, text):
        return None
    lang = verdict.lang or previous.lang
    remainder = _without_lead_in(text)
    if _FILLER.fullmatch(remainder):  # "下午呢", "and in the evening?": the same places and days
        return _carried(previous, previous.days, lang, days_assumed=True)
    if _NEXT_DAY.fullmatch(_FILLER_END.sub("", remainder)):  # "and the day after?"
        return _carried(previous, (max(previous.days) + _ONE_DAY,), lang, days_assumed=False)
    if verdict.kind in _REREAD:
        if remainder == text:
            return None
        reread_verdict = reread(remainder)
        if reread_verdict.kind not in _FOLLOWABLE:
            return None
        return _resolve(replace(reread_verdict, lang=lang), text, previous, lead_in=True)
    return _resolve(replace(verdict, lang=lang), text, previous, lead_in=False)


def _resolve(
    verdict: Understanding, text: str, previous: Previous, *, lead_in: bool
) -> FollowUp | None:
    if not verdict.venue_ids:
        # "那后天呢", "下午几点关门", "is it open on sunday": the previous places, on the day
        # named now (or the previous days), unless every place is asked about
        if _EVERY_PLACE.search(_without_lead_in(text)):
            return None
        days = verdict.days or previous.days
        return _carried(previous, days, verdict.lang, days_assumed=not verdict.days)
    if verdict.days:
        return None  # "那健身房周日呢": its own venue and day
    # "健身房呢", "and the gym?", "那健身房几点开门呢": the venue named, on the previous days;
    # without a lead-in ("健身房几点关门") the question is about today, as always
    if not (lead_in or _lead_in(text) is not None or _TAIL.search(text)):
        return None
    if _WHERE_OR_CONTACT.search(text):
        return None  # "那健身房在哪呢": the venue's card, not its hours
    kind = Kind.HOURS if len(verdict.venue_ids) == 1 else Kind.OVERVIEW
    resolved = Understanding(
        kind,
        verdict.venue_ids,
        previous.days,
        score=1.0,
        looks_like_question=True,
        lang=verdict.lang,
    )
    return FollowUp(resolved, assumed_venues=False, assumed_days=True)


def _carried(
    previous: Previous, days: tuple[date, ...], lang: str | None, *, days_assumed: bool
) -> FollowUp:
    kind = Kind.HOURS if len(previous.venue_ids) == 1 else Kind.OVERVIEW
    resolved = Understanding(
        kind, previous.venue_ids, days, score=1.0, looks_like_question=True, lang=lang
    )
    return FollowUp(resolved, assumed_venues=True, assumed_days=days_assumed)


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
    return re.sub(r"\s+", " ", rest).strip()
