"""The one guard: who may run a command, press a button or enter a conversation.

Roles are read from the database at every check, so a role taken away a second ago is already
gone. Everyone else gets a polite refusal (an alert on a button, a message otherwise): a
resident that the command is for staff, a staff member which role it needs and whom to ask;
the attempt is logged. :func:`require_role` wraps any handler, whatever its extra
arguments; :func:`allowed` is the same check for a step that decides by itself what to return.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, TypeVar

from telegram import Update

from bot.callbacks import Callback
from bot.context import FrontdeskContext
from bot.services import users
from bot.tg.buttons import stale_button
from bot.tg.reply import alert, reply

log = logging.getLogger(__name__)

H = TypeVar("H", bound=Callable[..., Awaitable[Any]])


async def allowed(update: Update, context: FrontdeskContext, role: str, what: str = "") -> bool:
    """True if the sender holds ``role`` now; otherwise refuse politely and return False."""
    profile = context.profile
    if profile is not None:
        async with context.runtime.db.read() as session:
            roles = await users.roles_of(session, profile.id)
        profile = dataclasses.replace(profile, roles=roles)
        context.profile = profile
    if profile is not None and profile.has_role(role):
        return True
    log.warning(
        "refused %s (needs %s) for user #%s in update %s",
        what or "a handler",
        role,
        profile.id if profile else "?",
        update.update_id,
    )
    text = _refusal(update, context, role, profile)
    if update.callback_query is not None:
        await alert(update, text)
    else:
        await reply(update, text)
    return False


def _refusal(
    update: Update, context: FrontdeskContext, role: str, profile: users.Profile | None
) -> str:
    """A resident is told the command is for staff; a staff member lacking ``role`` is told
    which role it needs and whom to ask (they are staff: "for staff only" sent them nowhere)."""
    if profile is None or not profile.is_staff:
        return context.t("refused-staff-only")
    message = update.message if update.callback_query is None else None
    command = (message.text or "").split(maxsplit=1)[0] if message is not None else ""
    if command.startswith("/") and len(command) > 1:
        return context.t("refused-needs-role", role=role, command=command.partition("@")[0])
    return context.t("refused-needs-role-here", role=role)


def require_role(role: str) -> Callable[[H], H]:
    """Run the handler only for someone holding ``role`` now.

    The handler's return value is passed on, so a guarded handler can be a
    ``ConversationHandler`` entry point or state (it returns the next state); a refusal
    returns ``None``, which leaves a conversation where it was (not entered at all).
    """

    def decorate(handler: H) -> H:
        @functools.wraps(handler)
        async def guarded(update: Update, context: FrontdeskContext, *args: Any) -> Any:
            if not await allowed(update, context, role, handler.__name__):
                return None
            return await handler(update, context, *args)

        guarded.required_role = role  # type: ignore[attr-defined]  # read by the assembly check
        return guarded  # type: ignore[return-value]  # same signature as the wrapped handler

    return decorate


def checks_role_inside(role: str) -> Callable[[H], H]:
    """Mark an entry point that calls :func:`allowed` itself (it decides what to return)."""

    def mark(handler: H) -> H:
        handler.required_role = role  # type: ignore[attr-defined]  # read by the assembly check
        return handler

    return mark


def _all_handlers(app: Any) -> list[Any]:
    """Every handler of ``app``, also those inside conversations (entry points, states,
    fallbacks)."""
    found: list[Any] = []
    pending = [h for handlers in app.handlers.values() for h in handlers]
    while pending:
        handler = pending.pop()
        found.append(handler)
        pending += getattr(handler, "entry_points", [])
        for state in getattr(handler, "states", {}).values():
            pending += state
        pending += getattr(handler, "fallbacks", [])
    return found


def misguarded_buttons(app: Any, declared: Mapping[type[Callback], str]) -> list[str]:
    """Buttons whose handler's guard is not the role their manifest declares.

    ``declared`` maps a button class to the role its manifest names (``Manifest.buttons``).
    A declared button's every handler must carry :func:`require_role` (or
    :func:`checks_role_inside`) for that role, and a guarded button must be declared, so the
    manifest is where every button's role is read.
    """
    found: list[str] = []
    for handler in _all_handlers(app):
        if getattr(handler, "callback", None) is stale_button:  # answers "stale", acts on nothing
            continue
        for cls in getattr(getattr(handler, "pattern", None), "classes", ()):
            role = getattr(handler.callback, "required_role", None)
            if declared.get(cls) != role:
                found.append(
                    f"{cls.__name__} ({handler.callback.__name__}: guarded for {role}, "
                    f"declared {declared.get(cls)})"
                )
    return sorted(set(found))


def unguarded_commands(app: Any, declared: dict[str, str]) -> list[str]:
    """Commands declared with a role whose handlers are not guarded for that role.

    ``declared`` maps a command to the role its manifest names; every handler of that command
    (also as a conversation's entry point) must carry :func:`require_role` for it.
    """
    found: list[str] = []
    for handlers in app.handlers.values():
        for handler in handlers:
            for inner in getattr(handler, "entry_points", [handler]):
                commands = getattr(inner, "commands", ())
                for command in commands:
                    role = declared.get(command)
                    if role is not None and getattr(inner.callback, "required_role", None) != role:
                        found.append(f"/{command} ({inner.callback.__name__})")
    return found
