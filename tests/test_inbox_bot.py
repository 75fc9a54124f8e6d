"""The inbox in the running bot: transient failures retried, permanent ones apologised for once,
and a handler run again for the same update (a crash) changing nothing twice (issue 14)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import timedelta

import pytest
from sqlalchemy import update
from sqlalchemy.exc import OperationalError
from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler, TypeHandler

from bot.app import inbox_worker
from bot.context import FrontdeskContext
from bot.features.common import handlers as common
from bot.i18n import Catalog
from bot.intake import incoming
from bot.services import inbox
from bot.storage.models import InboxUpdate
from tests.conftest import Bot


async def until(condition: Callable[[], bool]) -> None:
    """Wait (briefly) until the worker has recorded what the test waits for."""
    async with asyncio.timeout(10):
        while not condition():  # noqa: ASYNC110 -- the worker's counters have no event
            await asyncio.sleep(0.01)


def database_down() -> OperationalError:
    return OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))


async def test_a_transient_failure_is_retried_and_the_resident_gets_the_answer(
    bot: Bot, catalog: Catalog
) -> None:
    """The database away for two attempts: no apology, the answer once it is back."""
    failures = [database_down(), database_down()]

    async def flaky(update: Update, context: FrontdeskContext) -> None:
        if failures:
            raise failures.pop()

    bot.app.add_handler(TypeHandler(Update, flaky), group=-200)
    worker = inbox_worker(bot.app)
    alice = bot.emu.user(8801, first_name="Alice", language_code="en")
    await alice.command("/help")
    for attempt in (1, 2):
        await until(lambda: worker.outcomes["retry"] == attempt)  # noqa: B023
        assert alice.messages == []
        bot.clock.advance(inbox.retry_delay(attempt))
        worker.wake()
    answer = await alice.wait_message()
    assert "Here is what I can do" in answer.text
    await bot.settle()
    assert catalog.text("en", "error-apology") not in [m.text for m in alice.messages]
    assert len(alice.messages) == 1


async def test_a_failure_after_the_button_was_answered_still_gets_the_apology(
    bot: Bot, catalog: Catalog
) -> None:
    """The toast was shown, then the handler failed: the resident is told, in their language."""

    async def answer_then_fail(update: Update, context: FrontdeskContext) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer()
        raise RuntimeError("a bug")

    bot.app.handlers[0].insert(0, CallbackQueryHandler(answer_then_fail, pattern="^explode$"))
    zhao = bot.emu.user(8802, first_name="Zhao", language_code="zh")
    await zhao.command("/help")
    await zhao.wait_message()
    await zhao.press_data("explode")
    apology = await zhao.wait_message()
    assert apology.text == catalog.text("zh", "error-apology")
    await until(lambda: inbox_worker(bot.app).outcomes["failed"] == 1)


async def test_when_the_profile_cannot_be_loaded_no_feature_answers_without_it(
    bot: Bot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """load_profile fails: the apology only, never "Hello, !" from a handler without a name."""

    async def broken(*args: object) -> None:
        raise RuntimeError("a bug in the profile")

    monkeypatch.setattr(common.users, "find", broken)
    monkeypatch.setattr(common.users, "register", broken)
    bob = bot.emu.user(8803, first_name="Bob", language_code="en")
    await bob.command("/start")
    apology = await bob.wait_message()
    await bot.settle()
    assert [m.text for m in bob.messages] == [apology.text]
    assert apology.text == catalog.text("en", "error-apology")


async def test_an_update_handled_again_after_a_crash_changes_nothing_twice(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/ask re-run for the same update (its claim came back): one ticket, one message."""
    original = inbox.finish
    crashed: list[bool] = []

    async def dies_before_marking_done(
        session: object, worker: str, attempts: list[inbox.Attempt], now: object
    ) -> None:
        if attempts and not crashed:  # the handler's changes are committed, not the outcome
            crashed.append(True)
            return
        await original(session, worker, attempts, now)  # type: ignore[arg-type]

    monkeypatch.setattr(inbox, "finish", dies_before_marking_done)
    alice = bot.emu.user(8804, first_name="Alice", language_code="en")
    await alice.command("/ask Is the choir on Thursday?")
    await alice.wait_message()
    await bot.settle()
    # As if the process died after the handler committed but before the update was marked
    # done: the claim comes back (its payload still there), and the update is handled again.
    async with bot.runtime.db.transaction() as session:
        await session.execute(
            update(InboxUpdate).values(status="pending", claimed_by=None, claimed_at=None)
        )
    inbox_worker(bot.app).wake()
    await alice.wait_message()  # the reply, a second time: the one duplicate allowed
    await until(lambda: inbox_worker(bot.app).outcomes["done"] == 2)
    assert await bot.sql("SELECT count(*) FROM tickets") == [(1,)]
    assert await bot.sql("SELECT count(*) FROM ticket_messages") == [(1,)]
    assert inbox_worker(bot.app).replayed >= 1
    # Done (the outcome is written just after the count), and nothing of what Alice wrote is
    # kept beside her chat id.
    for _ in range(100):
        if await bot.sql("SELECT status FROM inbox_updates") == [("done",)]:
            break
        await asyncio.sleep(0.05)
    assert await bot.sql("SELECT status, payload FROM inbox_updates") == [("done", "")]


async def test_a_permanent_error_is_apologised_for_once_and_not_retried(bot: Bot) -> None:
    """A permanent error is logged once and apologised for once, not retried."""

    async def explode(update: Update, context: FrontdeskContext) -> None:
        raise ValueError("permanent")

    bot.app.handlers[0].insert(0, CommandHandler("explode", explode))
    carol = bot.emu.user(8805, first_name="Carol", language_code="en")
    await carol.command("/explode")
    await carol.wait_message()
    await until(lambda: inbox_worker(bot.app).outcomes["failed"] == 1)
    bot.clock.advance(timedelta(minutes=5))
    inbox_worker(bot.app).wake()
    await bot.settle()
    assert len(carol.messages) == 1
    assert await bot.sql("SELECT status, attempts FROM inbox_updates") == [("failed", 1)]


async def test_an_update_the_poller_parsed_is_handled_as_parsed_and_a_retry_reads_the_store(
    bot: Bot,
) -> None:
    """The poller's own object is handed to this instance's first attempt (no second
    parse of the stored JSON); a retry parses what the inbox stored."""
    data = {
        "update_id": 990_001,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 9401, "type": "private"},
            "from": {"id": 9401, "is_bot": False, "first_name": "Gus"},
            "text": "hello",
        },
    }
    parsed = Update.de_json(data, bot.app.bot)
    worker = inbox_worker(bot.app)
    await worker.store([incoming(parsed)], [parsed])
    payload = incoming(parsed).payload

    def attempt(number: int) -> inbox.Attempt:
        return inbox.Attempt(1, parsed.update_id, 9401, payload, number)

    assert worker._parse(attempt(1)) is parsed
    again = worker._parse(attempt(1))  # taken once: the next one is parsed from the store
    assert again is not parsed
    assert again == parsed
    await worker.store([incoming(parsed)], [parsed])
    retried = worker._parse(attempt(2))
    assert retried is not parsed
    assert retried == parsed
