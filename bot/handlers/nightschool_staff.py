"""Night school for staff (placeholder while the staff flows are written)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext

COMMANDS: list[CommandSpec] = []
ACTIONS: dict[str, Callable[[Update, FrontdeskContext, int, int], Awaitable[None]]] = {}


def register(app: FrontdeskApplication) -> None:
    """Staff conversations and commands."""
