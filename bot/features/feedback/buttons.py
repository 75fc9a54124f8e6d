"""Canteen feedback's buttons: one frozen dataclass per action (``bot.callbacks``).

The wire forms are those the buttons always had (``feedback:stars:4``), so forms and alerts
already in people's chats keep working. Values are checked here, once.
"""

from __future__ import annotations

import re

from bot.callbacks import Callback, callback

MEALS = ("breakfast", "lunch", "dinner")
_TAG = re.compile(r"[a-z][a-z0-9_]{0,23}")
_SETTING = re.compile(r"on|off|[0-2]\d[0-5]\d")


@callback("feedback:open")
class OpenForm(Callback):
    """ "Rate the canteen" offered under an answer to a free-text question."""


@callback("feedback:meal")
class Meal(Callback):
    meal: str

    def __post_init__(self) -> None:
        if self.meal not in MEALS:
            raise ValueError(self.meal)


@callback("feedback:stars")
class Stars(Callback):
    stars: int

    def __post_init__(self) -> None:
        if not 1 <= self.stars <= 5:
            raise ValueError(self.stars)


@callback("feedback:tag")
class Tag(Callback):
    tag: str

    def __post_init__(self) -> None:
        if not _TAG.fullmatch(self.tag):
            raise ValueError(self.tag)


@callback("feedback:next:tags")
class TagsDone(Callback):
    pass


@callback("feedback:keep:asked")
class KeepAsked(Callback):
    """ "Put it in the comment": what read as a question was meant as the comment after all."""


@callback("feedback:skip:comment")
class SkipComment(Callback):
    pass


@callback("feedback:skip:photos")
class SkipPhotos(Callback):
    pass


@callback("feedback:done:photos")
class PhotosDone(Callback):
    pass


@callback("feedback:anon")
class Anonymity(Callback):
    anonymous: int  # 0: show the name to staff, 1: anonymous

    def __post_init__(self) -> None:
        if self.anonymous not in (0, 1):
            raise ValueError(self.anonymous)


@callback("feedback:confirm:go")
class Confirm(Callback):
    pass


@callback("feedback:cancel:go")
class CancelForm(Callback):
    pass


@callback("feedback:reply")
class Reply(Callback):
    """Staff answer the resident (on the alert; built by the service)."""

    feedback_id: int


@callback("feedback:resolve")
class Resolve(Callback):
    feedback_id: int


@callback("feedback:photos")
class Photos(Callback):
    feedback_id: int


@callback("feedback:dset")
class DigestSetting(Callback):
    value: str  # "on", "off" or a time "HHMM"

    def __post_init__(self) -> None:
        if not _SETTING.fullmatch(self.value):
            raise ValueError(self.value)
