"""Broadcasts' buttons (``bot.callbacks``): topics, the composing steps, progress control."""

from __future__ import annotations

from bot.callbacks import Callback, callback
from bot.features.broadcast.service import TOPICS


@callback("broadcast:sub")
class FollowTopic(Callback):
    """A resident follows or stops following a topic (/subscriptions)."""

    topic: str

    def __post_init__(self) -> None:
        if self.topic not in TOPICS:
            raise ValueError(self.topic)


@callback("broadcast:skip")
class SkipStep(Callback):
    pass


@callback("broadcast:aud")
class ChooseAudience(Callback):
    name: str


@callback("broadcast:par")
class ChooseParam(Callback):
    name: str
    param: str


@callback("broadcast:urg")
class ChooseUrgency(Callback):
    urgent: int  # 0 normal, 1 urgent

    def __post_init__(self) -> None:
        if self.urgent not in (0, 1):
            raise ValueError(self.urgent)


@callback("broadcast:now")
class SendNow(Callback):
    pass


@callback("broadcast:ok")
class ConfirmBroadcast(Callback):
    pass


@callback("broadcast:valid")
class ChangeValidity(Callback):
    pass


@callback("broadcast:forever")
class NoExpiry(Callback):
    pass


@callback("broadcast:no")
class DropBroadcast(Callback):
    pass


@callback("broadcast:pause")
class Pause(Callback):
    broadcast_id: int


@callback("broadcast:resume")
class Resume(Callback):
    broadcast_id: int


@callback("broadcast:cancel")
class Stop(Callback):
    broadcast_id: int


STEPS = (
    SkipStep,
    ChooseAudience,
    ChooseParam,
    ChooseUrgency,
    SendNow,
    ConfirmBroadcast,
    ChangeValidity,
    NoExpiry,
)
