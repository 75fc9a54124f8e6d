"""What the hours feature's resident and staff handlers share: its services and the local time."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

from bot.centre import Venue
from bot.context import FrontdeskContext
from bot.runtime import Runtime
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import QuestionMatcher, fold

T = TypeVar("T")


class MinuteMemo:
    """Hours messages (``/hours``, "食堂几点开门"), each made once a minute (and again when
    the hours data reloads): one depends only on what was asked, in which language, and the
    minute, as every opening and closing falls on a minute."""

    LIMIT = 1024  # different messages in one minute before the memo starts afresh

    def __init__(self) -> None:
        self._stamp: tuple[int, datetime] | None = None
        self._made: dict[Hashable, Any] = {}

    def get(self, key: Hashable, generation: int, minute: datetime, make: Callable[[], T]) -> T:
        """The message for ``key`` at ``minute`` of data ``generation``: ``make()`` unless
        made already (``make`` must compute it for exactly that minute)."""
        stamp = (generation, minute)
        if stamp != self._stamp or len(self._made) >= self.LIMIT:
            self._made.clear()
            self._stamp = stamp
        if key not in self._made:
            self._made[key] = make()
        value: T = self._made[key]
        return value


@dataclass(frozen=True)
class HoursServices:
    """Built once per application from the centre's data."""

    calendar: HolidayCalendar
    matcher: QuestionMatcher
    messages: MinuteMemo = field(default_factory=MinuteMemo)


def services_of(context: FrontdeskContext) -> HoursServices:
    return context.services.get(HoursServices)


def now_local(runtime: Runtime) -> datetime:
    return runtime.clock.now().astimezone(runtime.centre.zone)


def venue_named(runtime: Runtime, services: HoursServices, token: str) -> Venue | None:
    """A venue by its code, or by what a person calls it ("食堂", "gym")."""
    token = token.strip()[:100]
    venue = runtime.centre.venue(token.lower())
    if venue is None:
        found = services.matcher.venues.find(fold(token.lower()))
        venue = runtime.centre.venue(found[0]) if found else None
    return venue
