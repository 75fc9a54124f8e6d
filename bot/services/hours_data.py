"""The centre's hours data in memory: holiday calendar and staff exceptions, on every instance.

Answering a question needs no database session: the data is loaded once and reloaded when the
hours data version moves (a staff member on any instance entered a closure or a holiday notice).
The version is checked at most every ``recheck_seconds``; the instance that made a change calls
:meth:`HoursData.invalidate` after committing and sees it at once.

The tables belong to the features that fill them (staff exceptions: hours; holiday notices:
holidays); the application hands their loaders in as :class:`HoursSources`
(``bot.app.build_hours``), so this platform cache imports no feature.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from bot.centre import Centre, HolidayYear
from bot.services.data_versions import HOURS_DATA, current_version
from bot.services.holiday_calendar import HolidayCalendar, package_covers
from bot.services.hours import HoursBook, StaffException
from bot.storage.db import Database


@dataclass(frozen=True, slots=True)
class HoursSources:
    """Where the data entered from the chat comes from (each a feature's loader)."""

    exceptions: Callable[[AsyncSession, date], Awaitable[Sequence[StaffException]]]
    notices: Callable[[AsyncSession], Awaitable[Mapping[int, HolidayYear]]]


class HoursData:
    """A per-instance cache of what hours answers depend on."""

    def __init__(
        self,
        centre: Centre,
        db: Database,
        sources: HoursSources,
        *,
        recheck_seconds: float = 2.0,
        monotonic: Callable[[], float] = time.monotonic,
        package: Callable[[int], bool] | None = None,
    ) -> None:
        self.centre = centre
        self.calendar = HolidayCalendar(centre.holiday_overrides, package=package or package_covers)
        self._db = db
        self._sources = sources
        self._recheck = recheck_seconds
        self._monotonic = monotonic
        self._exceptions: tuple[StaffException, ...] = ()
        self._since: date | None = None
        self._version = -1
        self._checked = -math.inf
        self._lock = asyncio.Lock()
        self.generation = 0  # grows at every reload: what was made from older data is stale

    def invalidate(self) -> None:
        """Reload on the next use (this instance just committed a change)."""
        self._version = -1

    async def book(self, today: date) -> HoursBook:
        """The hours book for questions about ``today`` and later."""
        await self.refresh(today)
        return HoursBook(self.centre, self.calendar, self._exceptions)

    async def refresh(self, today: date) -> None:
        """Reload if the data changed anywhere (or ``today`` needs older exceptions)."""
        since = today - timedelta(days=1)  # yesterday's overnight intervals count today
        if self._fresh(since):
            return
        async with self._lock:
            if self._fresh(since):
                return
            checked = self._monotonic()
            async with self._db.read() as session:
                version = await current_version(session, HOURS_DATA)
                reload = version != self._version or self._since is None or since < self._since
                if reload:
                    exceptions = await self._sources.exceptions(session, since)
                    notices = await self._sources.notices(session)
            if reload:
                self._exceptions = tuple(exceptions)
                self.calendar.set_staff_notices(notices)
                self._since = since
                self._version = version
                self.generation += 1
            self._checked = checked

    def _fresh(self, since: date) -> bool:
        if self._version < 0 or self._since is None or since < self._since:
            return False
        return self._monotonic() - self._checked < self._recheck
