"""handlers.guards.require_role: refusal, and the wrapped handler's return value passed on."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from bot.clock import ManualClock
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
