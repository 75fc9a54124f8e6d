"""What the hours feature's resident and staff handlers share: its services and the local time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from bot.context import FrontdeskContext
from bot.runtime import Runtime
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import QuestionMatcher

T = TypeVar("T")


class Overviews:
    """The ``/hours`` message, made once a minute per language (or when the hours data
    reloads): it depends on nothing else, as every opening and closing falls on a minute."""

    def __init__(self) -> None:
        self._made: dict[str, tuple[tuple[int, datetime], Any]] = {}

    def get(self, language: str, generation: int, minute: datetime, make: Callable[[], T]) -> T:
        """The message for this language, data and minute: ``make()`` when not made yet."""
        key = (generation, minute)
        made = self._made.get(language)
        if made is None or made[0] != key:
            made = (key, make())
            self._made[language] = made
        value: T = made[1]
        return value


@dataclass(frozen=True)
class HoursServices:
    """Built once per application from the centre's data."""

    calendar: HolidayCalendar
    matcher: QuestionMatcher
    overviews: Overviews = field(default_factory=Overviews)


def services_of(context: FrontdeskContext) -> HoursServices:
    return context.services.get(HoursServices)


def now_local(runtime: Runtime) -> datetime:
    return runtime.clock.now().astimezone(runtime.centre.zone)
