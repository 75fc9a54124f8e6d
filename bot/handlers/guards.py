"""Checks shared by handlers: roles, and callback data that arrives from the outside."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram import Update

from bot.context import FrontdeskContext

log = logging.getLogger(__name__)

Handler = Callable[[Update, FrontdeskContext], Awaitable[object]]
H = TypeVar("H", bound=Handler)


def require_role(role: str) -> Callable[[H], H]:
    """Run the handler only for someone holding ``role`` now (checked in the database).

    The profile is read from the database at the start of every update, so a role taken
    away a second ago is already gone. Anyone else gets a polite refusal, and the attempt
    is logged.
    """

    def decorate(handler: H) -> H:
        @functools.wraps(handler)
        async def guarded(update: Update, context: FrontdeskContext) -> object:
            profile = context.profile
            if profile is None or not profile.has_role(role):
                log.warning(
                    "refused %s (needs %s) for user #%s in update %s",
                    handler.__name__,
                    role,
                    profile.id if profile else "?",
                    update.update_id,
                )
                if update.callback_query is not None:
                    await update.callback_query.answer(context.t("refused-staff-only"))
                elif update.effective_message is not None:
                    await update.effective_message.reply_text(context.t("refused-staff-only"))
                return None
            return await handler(update, context)

        return guarded  # type: ignore[return-value]

    return decorate
