"""What a poster points to: ``/poster <target>`` read in either language, checked against
the centre's data and the database, and the texts it carries (from the catalogs)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from bot import deeplinks
from bot.centre import Centre
from bot.features.broadcast.service import TOPIC_TEXTS, TOPICS
from bot.features.events.models import Event
from bot.features.feedback.service import MEALS, meal_label
from bot.features.nightschool.models import Course
from bot.features.poster.render import PosterText
from bot.i18n import Catalog, message_keys

# Words staff may type for each kind of target (either language, any case).
_WORDS: dict[str, tuple[str, ...]] = {
    "hours": ("hours", "开放时间", "营业时间", "时间"),
    "venue": ("venue", "场馆", "地点"),
    "feedback": ("feedback", "评价", "食堂评价", "反馈"),
    "course": ("course", "class", "课程", "夜校", "课"),
    "event": ("event", "活动"),
    "ask": ("ask", "提问", "咨询", "问工作人员"),
    "topic": ("topic", "订阅", "通知"),
}
KINDS = tuple(_WORDS)
# A poster's title and call to action for each kind of target (a meal's poster has its own).
TITLE_TEXTS = message_keys(
    KINDS,
    {
        "hours": "poster-title-hours",
        "venue": "poster-title-venue",
        "feedback": "poster-title-feedback",
        "course": "poster-title-course",
        "event": "poster-title-event",
        "ask": "poster-title-ask",
        "topic": "poster-title-topic",
    },
)
ACTION_TEXTS = message_keys(
    KINDS,
    {
        "hours": "poster-action-hours",
        "venue": "poster-action-venue",
        "feedback": "poster-action-feedback",
        "course": "poster-action-course",
        "event": "poster-action-event",
        "ask": "poster-action-ask",
        "topic": "poster-action-topic",
    },
)
_MEAL_WORDS = {"早餐": "breakfast", "早饭": "breakfast", "午餐": "lunch", "午饭": "lunch"}
_MEAL_WORDS |= {"晚餐": "dinner", "晚饭": "dinner"} | {meal: meal for meal in MEALS}
_NUMBER = re.compile(r"#?\s*(\d{1,12})")
TARGET_MAX = 100


class NoTarget(ValueError):
    """``key`` names the catalog message telling staff what was wrong."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


@dataclass(frozen=True, slots=True)
class Target:
    """A poster's link and the words that go with it."""

    kind: str
    arg: str | None
    text: PosterText

    @property
    def file_stem(self) -> str:
        return f"poster-{deeplinks.payload(self.kind, self.arg)}"


def _kind_and_rest(words: list[str]) -> tuple[str | None, list[str]]:
    first = words[0].casefold()
    for kind, names in _WORDS.items():
        if first in {name.casefold() for name in names}:
            return kind, words[1:]
    return None, words


def _venue_id(name: str, centre: Centre) -> str | None:
    wanted = name.strip().casefold()
    for venue in centre.venues:
        names = {venue.id, venue.name.zh, venue.name.en, *venue.aliases}
        if wanted in {n.casefold() for n in names}:
            return venue.id
    return None


def _number(rest: list[str]) -> int:
    match = _NUMBER.fullmatch("".join(rest))
    if match is None:
        raise NoTarget("poster-need-number")
    return int(match.group(1))


async def resolve(session: AsyncSession, text: str, centre: Centre, catalog: Catalog) -> Target:
    """``course 12``, ``活动 7``, ``食堂``, ``feedback 午餐``, ``topic health``… as a target."""
    text = " ".join((text or "").split())
    if not text:
        raise NoTarget("poster-usage")
    if len(text) > TARGET_MAX:
        raise NoTarget("poster-unknown")
    kind, rest = _kind_and_rest(text.split(" "))
    if kind is None:  # a venue named on its own ("食堂", "gym")
        named = _venue_id(text, centre)
        if named is None:
            raise NoTarget("poster-unknown")
        kind, rest = "venue", [named]
    arg: str | None = None
    names: dict[str, object] = {}
    if kind == "venue":
        found = _venue_id(" ".join(rest), centre) if rest else None
        venue = centre.venue(found) if found else None
        if venue is None:
            raise NoTarget("poster-unknown-venue")
        arg, names = venue.id, {"zh": venue.name.zh, "en": venue.name.en}
    elif kind == "feedback" and rest:
        meal = _MEAL_WORDS.get(" ".join(rest).casefold())
        if meal is None:
            raise NoTarget("poster-unknown-meal")
        arg = meal
    elif kind == "course":
        course = await session.get(Course, _number(rest))
        if course is None or course.status != "published":
            raise NoTarget("poster-unknown-course")
        arg, names = str(course.id), {"zh": course.title_zh, "en": course.title_en}
    elif kind == "event":
        event = await session.get(Event, _number(rest))
        if event is None or event.status != "scheduled":
            raise NoTarget("poster-unknown-event")
        arg, names = str(event.id), {"zh": event.title_zh, "en": event.title_en}
    elif kind == "topic":
        topic = " ".join(rest).casefold()
        if topic not in TOPICS:
            raise NoTarget("poster-unknown-topic")
        arg = topic
    elif rest:
        raise NoTarget("poster-unknown")
    return Target(kind, arg, _texts(kind, arg, names, centre, catalog))


def _texts(
    kind: str, arg: str | None, names: dict[str, object], centre: Centre, catalog: Catalog
) -> PosterText:
    """Title and call to action in both languages, from the catalogs."""

    def say(lang: str, part: str) -> str:
        t = catalog.translator(lang)
        args: dict[str, object] = {"name": names.get(lang, "")}
        if kind == "feedback" and arg is not None:
            meal = meal_label(t, arg)
            args["meal"] = meal.lower() if lang == "en" else meal
        if kind == "topic" and arg is not None:
            args["topic"] = t(TOPIC_TEXTS[arg])
        if kind == "feedback" and arg:
            key = "poster-title-feedback-meal" if part == "title" else "poster-action-feedback-meal"
        else:
            key = (TITLE_TEXTS if part == "title" else ACTION_TEXTS)[kind]
        # The catalogs write HTML for Telegram; a poster is an image: plain text.
        return html.unescape(re.sub(r"<[^>]+>", "", catalog.text(lang, key, **args)))

    return PosterText(
        title_zh=say("zh", "title"),
        title_en=say("en", "title"),
        action_zh=say("zh", "action"),
        action_en=say("en", "action"),
        footer=centre.name.zh,
    )
