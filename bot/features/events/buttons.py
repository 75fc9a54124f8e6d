"""Events' buttons: one frozen dataclass per action (``bot.callbacks``), wire forms unchanged."""

from __future__ import annotations

from bot.callbacks import Callback, callback


@callback("events:show")
class ShowEvent(Callback):
    event_id: int


@callback("events:join")
class JoinEvent(Callback):
    event_id: int


@callback("events:leave")
class LeaveEvent(Callback):
    event_id: int


@callback("events:ics")
class EventCalendar(Callback):
    event_id: int


@callback("events:cancelok")
class ConfirmCancel(Callback):
    """Staff confirm cancelling an event."""

    event_id: int


@callback("events:publish")
class PublishDraft(Callback):
    """Staff publish the event they just previewed."""


@callback("events:drop")
class DropDraft(Callback):
    """Staff drop the event they just previewed."""
