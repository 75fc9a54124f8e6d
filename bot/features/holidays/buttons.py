"""The holiday notice entry's buttons (``bot.callbacks``)."""

from __future__ import annotations

from bot.callbacks import Callback, callback

MIN_YEAR, MAX_YEAR = 2004, 2200  # the years the calendar can speak of


@callback("holidays:enter")
class EnterNotice(Callback):
    year: int

    def __post_init__(self) -> None:
        if not MIN_YEAR <= self.year <= MAX_YEAR:
            raise ValueError(self.year)


@callback("holidays:save")
class SaveNotice(Callback):
    pass


@callback("holidays:cancel")
class CancelNotice(Callback):
    pass
