"""Opening hours' buttons (``bot.callbacks``); the wire forms are those of old buttons."""

from __future__ import annotations

import re
from datetime import date
from enum import StrEnum

from bot.callbacks import Callback, callback
from bot.i18n import LANGUAGES

_VENUE = re.compile(r"[a-z][a-z0-9_]{1,31}")


class BookingKind(StrEnum):
    """What is booked at a closed venue: one class session, or an event."""

    CLASS = "c"
    EVENT = "e"


def day_of(yyyymmdd: int) -> date:
    """20261001 as a date (ValueError if it is none)."""
    return date(yyyymmdd // 10000, yyyymmdd // 100 % 100, yyyymmdd % 100)


@callback("hours:week")
class Week(Callback):
    """A venue's week from today."""

    venue_id: str

    def __post_init__(self) -> None:
        if not _VENUE.fullmatch(self.venue_id):
            raise ValueError(self.venue_id)


@callback("hours:week")
class WeekFrom(Callback):
    """A venue's week from the day asked about (``day`` as yyyymmdd)."""

    venue_id: str
    day: int

    def __post_init__(self) -> None:
        if not _VENUE.fullmatch(self.venue_id):
            raise ValueError(self.venue_id)
        day_of(self.day)


@callback("hours:week")
class WeekIn(Callback):
    """A venue's week from the day asked about (``day`` as yyyymmdd, 0 for today), in the
    language of the answer the button sits under: "卫生站明天开吗" from an English client is
    answered in Chinese, and so is its week (it came in English, the profile's)."""

    venue_id: str
    day: int
    lang: str

    def __post_init__(self) -> None:
        if not _VENUE.fullmatch(self.venue_id):
            raise ValueError(self.venue_id)
        if self.day != 0:
            day_of(self.day)
        if self.lang not in LANGUAGES:
            raise ValueError(self.lang)


@callback("hours:all")
class AllVenues(Callback):
    pass


@callback("hours:all")
class AllVenuesIn(Callback):
    """Back from a venue's week to every venue, in the week's language."""

    lang: str

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(self.lang)


@callback("hours:unexc")
class Withdraw(Callback):
    """Staff withdraw a closure or special hours picked from the list of /unexception."""

    exception_id: int


@callback("hours:unexok")
class ConfirmWithdraw(Callback):
    """Staff confirm withdrawing the closure or special hours the confirmation shows."""

    exception_id: int


@callback("hours:unexkeep")
class KeepException(Callback):
    """Staff keep the closure or special hours after all."""

    exception_id: int


@callback("hours:unexp")
class WithdrawPage(Callback):
    """Another page of the list of /unexception."""

    page: int


@callback("hours:pin")
class VenuePin(Callback):
    """A venue's map pin (``sendVenue``) with its address."""

    venue_id: str

    def __post_init__(self) -> None:
        if not _VENUE.fullmatch(self.venue_id):
            raise ValueError(self.venue_id)


@callback("hours:excv")
class ExceptionVenue(Callback):
    """Staff pick the venue of a closure or special hours (``/closure``, ``/special``)."""

    venue_id: str

    def __post_init__(self) -> None:
        if not _VENUE.fullmatch(self.venue_id):
            raise ValueError(self.venue_id)


@callback("hours:excp")
class ExceptionVenuePage(Callback):
    """Another page of the venues to pick from."""

    page: int


@callback("hours:excn")
class ExceptionNoReason(Callback):
    """No reason for this closure or special hours."""


@callback("hours:excok")
class ExceptionConfirm(Callback):
    """Publish the previewed closure or special hours."""


@callback("hours:excx")
class ExceptionDrop(Callback):
    """Drop the previewed closure or special hours: nothing is stored."""


@callback("hours:clc")
class BookingCancel(Callback):
    """Staff cancel one class session or event booked at a venue they just closed, and tell
    everyone signed up (``kind``: ``c`` a session, ``e`` an event)."""

    exception_id: int
    kind: BookingKind
    item_id: int


@callback("hours:clk")
class BookingKeep(Callback):
    """Staff keep one booking despite the closure (held elsewhere, say): nothing changes."""

    exception_id: int
    kind: BookingKind
    item_id: int


@callback("hours:clca")
class BookingCancelAll(Callback):
    """Cancel every booking still listed under the closure, telling everyone signed up."""

    exception_id: int


@callback("hours:clka")
class BookingKeepAll(Callback):
    """Keep every booking still listed under the closure."""

    exception_id: int
