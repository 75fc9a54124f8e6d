"""handlers.guards.require_role: refusal, and the wrapped handler's return value passed on."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from bot.clock import ManualClock
from bot.runtime import Runtime
from bot.services import users
from bot.storage.db import Database
from bot.tg.guards import require_role


class Message:
    def __init__(self) -> None:
        self.replies: list[str] = []

    async def reply_text(self, text: str) -> None:
        self.replies.append(text)


def _update(message: Message) -> Any:
    return SimpleNamespace(update_id=1, callback_query=None, effective_message=message)


def _context(database: Database, profile: users.Profile) -> Any:
    return SimpleNamespace(
        profile=profile, runtime=SimpleNamespace(db=database), t=lambda key, **_: key
    )


async def test_require_role_returns_the_handlers_value_or_none_when_refused(
    database: Database, clock: ManualClock
) -> None:
    """A guarded handler's return value (a conversation state) reaches the caller; a refused
    resident gets the polite refusal and ``None`` (a conversation is not entered)."""
    async with database.transaction() as session:
        await users.ensure_staff(session, 7001, "Staff", ["staff"], clock.now())
        staff = await users.find(session, 7001)
        resident = await users.register(
            session, users.Person(7002, "Resident", None, None, "en"), clock.now()
        )
    assert staff is not None
    calls: list[int] = []

    @require_role("staff")
    async def entry(update: Any, context: Any) -> int:
        calls.append(context.profile.id)
        return 42

    message = Message()
    assert await entry(_update(message), _context(database, staff)) == 42
    assert message.replies == []
    assert await entry(_update(message), _context(database, resident)) is None
    assert message.replies == ["refused-staff-only"]
    assert calls == [staff.id]


def test_a_command_declared_for_staff_but_left_unguarded_stops_the_build(runtime: Runtime) -> None:
    """The manifest's role declarations drive the guard: an unguarded staff command fails at
    start-up instead of serving residents."""
    from telegram.ext import CommandHandler

    from bot.app import build_application
    from bot.commands import CommandSpec
    from bot.features import MANIFESTS
    from bot.manifest import Manifest

    async def open_door(update: object, context: object) -> None:
        """A staff command someone forgot to guard."""

    door = Manifest(
        name="door",
        install=lambda app: app.add_handler(CommandHandler("door", open_door)),
        commands=[CommandSpec("door", "cmd-help", role="staff")],
    )
    with pytest.raises(RuntimeError, match="/door"):
        build_application(runtime, token="123:TEST", manifests=[*MANIFESTS, door])
    build_application(runtime, token="123:TEST")  # the real features are all guarded


def test_a_button_guarded_otherwise_than_its_manifest_says_stops_the_build(
    runtime: Runtime,
) -> None:
    """A staff button's role is read from its manifest: a declared button whose handler is not
    guarded, or a guarded button its manifest does not declare, fails at start-up."""
    from bot.app import build_application
    from bot.callbacks import Callback, callback
    from bot.features import MANIFESTS
    from bot.manifest import Manifest
    from bot.tg.buttons import on

    @callback("test:door")
    class OpenDoor(Callback):
        door: int

    async def open_door(update: object, context: object, press: OpenDoor) -> None:
        """A staff button someone forgot to guard."""

    @require_role("admin")
    async def guarded_door(update: object, context: object, press: OpenDoor) -> None:
        """A button guarded for admins."""

    def manifest(handler: Any, declared: dict[type[Callback], str]) -> Manifest:
        return Manifest(
            name="door",
            install=lambda app: app.add_handler(on(OpenDoor, handler)),
            buttons=declared,
        )

    for handler, declared in [
        (open_door, {OpenDoor: "staff"}),  # declared, not guarded
        (guarded_door, {}),  # guarded, not declared
        (guarded_door, {OpenDoor: "staff"}),  # guarded for another role
    ]:
        with pytest.raises(RuntimeError, match="OpenDoor"):
            build_application(
                runtime, token="123:TEST", manifests=[*MANIFESTS, manifest(handler, declared)]
            )
    door = manifest(guarded_door, {OpenDoor: "admin"})
    build_application(runtime, token="123:TEST", manifests=[*MANIFESTS, door])
