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


@callback("events:cancelkeep")
class KeepEvent(Callback):
    """Staff decide not to cancel the event after all."""

    event_id: int


@callback("events:moveok")
class ConfirmMove(Callback):
    """Staff confirm moving an event from ``was`` to ``to`` (minutes since the epoch): the
    button says which move, so an old preview cannot move an event moved since."""

    event_id: int
    was: int
    to: int


@callback("events:movekeep")
class KeepTime(Callback):
    """Staff decide not to move the event after all."""

    event_id: int


@callback("events:unlimok")
class ConfirmLiftLimit(Callback):
    """Staff confirm lifting the limit of ``was`` seats: the button says which limit, so an
    old preview cannot lift a limit changed since."""

    event_id: int
    was: int


@callback("events:unlimkeep")
class KeepLimit(Callback):
    """Staff keep the event's limit on seats after all."""

    event_id: int


@callback("events:venueok")
class ConfirmRelocate(Callback):
    """Staff confirm moving an event from venue ``was`` to venue ``to`` (their ids): like
    ``ConfirmMove``, an old preview cannot move an event moved since."""

    event_id: int
    was: str
    to: str


@callback("events:venuekeep")
class KeepVenue(Callback):
    """Staff decide not to move the event to another venue after all."""

    event_id: int


@callback("events:publish")
class PublishDraft(Callback):
    """Staff publish the event they just previewed."""


@callback("events:drop")
class DropDraft(Callback):
    """Staff drop the event they just previewed."""


@callback("events:pickedit")
class PickEdit(Callback):
    """Staff picked the event to edit from the list."""

    event_id: int


@callback("events:pickcancel")
class PickCancel(Callback):
    """Staff picked the event to cancel from the list."""

    event_id: int


@callback("events:pickpage")
class PickPage(Callback):
    """Another page of the list of events to pick from (``action``: edit or cancel)."""

    action: str
    page: int


@callback("events:field")
class EditField(Callback):
    """The field to edit (1-based, as in the typed form)."""

    number: int


@callback("events:editdone")
class EditDone(Callback):
    """No more fields to edit: the field menu shown after a save is closed."""


@callback("events:party")
class JoinWithCompanions(Callback):
    """Sign up (or wait) for oneself and ``companions`` others ("+1 / +2")."""

    event_id: int
    companions: int


@callback("events:leaveok")
class ConfirmLeave(Callback):
    """The "yes, cancel" of the confirmation that ``LeaveEvent`` now asks for."""

    event_id: int


@callback("events:back")
class BackToCard(Callback):
    """Redraw the card in place (the confirmation's "no, keep it")."""

    event_id: int


@callback("events:undo")
class UndoLeave(Callback):
    """Put me back where I was (for ten minutes after withdrawing)."""

    event_id: int


@callback("events:acc")
class AcceptOffer(Callback):
    """The offer's "accept" (built by the waitlist with the offer)."""

    signup_id: int


@callback("events:dec")
class DeclineOffer(Callback):
    signup_id: int
