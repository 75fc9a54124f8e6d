"""The /forgetme question's buttons (``bot.callbacks``)."""

from __future__ import annotations

from bot.callbacks import Callback, callback


@callback("privacy:forget")
class ForgetMe(Callback):
    """ "Yes, delete": whose data, and the minute the question was asked (it expires)."""

    user_id: int
    minute: int


@callback("privacy:keep")
class KeepMe(Callback):
    pass


@callback("privacy:full")
class FullNotice(Callback):
    """The short first-contact notice's "full text" button."""
