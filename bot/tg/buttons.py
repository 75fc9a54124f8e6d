"""Buttons on the Telegram side: typed data in, one handler per action, one stale answer."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import Callback, decode, encode
from bot.context import FrontdeskContext

D = TypeVar("D", bound=Callback)
Pressed = Callable[[Update, FrontdeskContext, D], Awaitable[Any]]


def button(label: str, data: Callback) -> InlineKeyboardButton:
    """An inline button carrying typed data."""
    return InlineKeyboardButton(label, callback_data=encode(data))


def keyboard(rows: Sequence[Sequence[tuple[str, Callback]]]) -> InlineKeyboardMarkup:
    """Rows of ``(label, data)`` as an inline keyboard."""
    return InlineKeyboardMarkup([[button(label, data) for label, data in row] for row in rows])


class matches:
    """A ``CallbackQueryHandler`` pattern: the data decodes as one of ``classes``.

    It keeps ``classes`` so the assembly can check each button's guard against the role its
    manifest declares (:func:`bot.tg.guards.misguarded_buttons`).
    """

    __slots__ = ("classes",)

    def __init__(self, *classes: type[Callback]) -> None:
        self.classes = classes

    def __call__(self, wire: object) -> bool:
        return any(decode(cls, wire) is not None for cls in self.classes)


def pressed(cls: type[D], update: Update) -> D:
    """The typed data of the button behind ``update`` (its handler's pattern checked it)."""
    query = update.callback_query
    data = decode(cls, query.data if query is not None else None)
    if data is None:  # only reachable if a handler is registered without matches(cls)
        raise LookupError(f"update {update.update_id} carries no {cls.__name__}")
    return data


def pressed_any(update: Update, *classes: type[Callback]) -> Callback:
    """The typed data of the button behind ``update``, whichever of ``classes`` it is."""
    query = update.callback_query
    for cls in classes:
        data = decode(cls, query.data if query is not None else None)
        if data is not None:
            return data
    raise LookupError(f"update {update.update_id} carries none of {classes}")


def on(cls: type[D], handler: Pressed[D]) -> CallbackQueryHandler[FrontdeskContext, Any]:
    """Run ``handler(update, context, data)`` for buttons whose data decodes as ``cls``."""

    async def decoded(update: Update, context: FrontdeskContext) -> Any:
        if context.profile is None:  # a bot, or someone forgotten a moment ago
            await stale_button(update, context)
            return None
        return await handler(update, context, pressed(cls, update))

    decoded.__name__ = decoded.__qualname__ = getattr(handler, "__name__", cls.__name__)
    # The guard of the handler is the guard of the button (checked against the manifest).
    decoded.required_role = getattr(handler, "required_role", None)  # type: ignore[attr-defined]
    return CallbackQueryHandler(decoded, pattern=matches(cls))


async def stale_button(update: Update, context: FrontdeskContext) -> None:
    """The one answer to a button nobody can act on (old, forged, or from a removed feature)."""
    if update.callback_query is not None:
        await update.callback_query.answer(context.t("button-invalid"), show_alert=True)
