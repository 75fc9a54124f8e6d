"""What the hours feature's resident and staff handlers share: its services and the local time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot.context import FrontdeskContext
from bot.runtime import Runtime
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import QuestionMatcher


@dataclass(frozen=True)
class HoursServices:
    """Built once per application from the centre's data."""

    calendar: HolidayCalendar
    matcher: QuestionMatcher


def services_of(context: FrontdeskContext) -> HoursServices:
    return context.services.get(HoursServices)


def now_local(runtime: Runtime) -> datetime:
    return runtime.clock.now().astimezone(runtime.centre.zone)
