"""The /reminders keyboard's buttons (``bot.callbacks``); "I can't come" is the engine's
(``bot.services.reminders.CantComeButton``)."""

from __future__ import annotations

from bot.callbacks import Callback, callback
from bot.services.reminders import LEAD_CHOICES


@callback("reminders:set")
class SwitchLead(Callback):
    lead: str

    def __post_init__(self) -> None:
        if self.lead not in LEAD_CHOICES:
            raise ValueError(self.lead)


@callback("reminders:off")
class AllOff(Callback):
    pass


@callback("reminders:default")
class Defaults(Callback):
    pass
