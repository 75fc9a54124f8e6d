"""Background loops stop when told, even when a wake-up came just before the stop.

A clean-clone CI run once hung, idle, inside tests/test_broadcast.py. On Python 3.11,
``asyncio.wait_for`` swallows a cancellation that arrives in the few loop turns between the
awaited event being set and the waiting task resuming (it returns the result instead; fixed
only in 3.12). The outbox sender waited for its wake-up that way: a commit that rang it
just before shutdown made ``stop()``'s cancel vanish, the sender went back to waiting for a
wake-up that could no longer come (``stop()`` had unhooked it) for ``poll_seconds`` (an hour
in the tests), and ``stop()`` waited with it. The inbox worker had the same loop: its stop
gave up after its grace period and left the loop running.
"""

from __future__ import annotations

import asyncio
import contextlib
import re

import pytest
from telegram.ext import ExtBot

from bot.app import inbox_worker, outbox_sender
from bot.delivery.instance import InstanceHeartbeat
from bot.delivery.sender import OutboxSender
from bot.intake import InboxWorker
from bot.runtime import Runtime
from tests.conftest import ROOT, Bot

# The window is a few loop turns wide: a stop 0, 1, 2 … turns after the wake-up.
TURNS = range(6)


@pytest.mark.parametrize("turns", TURNS)
async def test_the_outbox_sender_stops_right_after_a_wake_up(
    runtime: Runtime, monkeypatch: pytest.MonkeyPatch, turns: int
) -> None:
    """A commit rings the idle sender, and the application stops at once: stop() returns."""
    sender = OutboxSender(runtime, ExtBot("123456:TEST-token-not-real"))
    looked = asyncio.Event()
    run_once = sender.run_once

    async def noted() -> int:
        try:
            return await run_once()
        finally:
            looked.set()

    monkeypatch.setattr(sender, "run_once", noted)
    sender.start()
    async with asyncio.timeout(30):
        await looked.wait()  # its first look found nothing: it now waits for a wake-up
    sender.wake()
    for _ in range(turns):
        await asyncio.sleep(0)
    task = sender._task
    assert task is not None
    # Not ``asyncio.timeout``: stop() suppresses a CancelledError while it waits for the
    # task, its caller's too, so a timeout's cancellation would vanish like the stop's.
    stopping = asyncio.ensure_future(sender.stop())
    await asyncio.wait({stopping}, timeout=10)
    hung = not task.done()
    task.cancel()  # what a swallowed cancel left running, so the test ends either way
    await asyncio.wait({stopping}, timeout=10)
    assert not hung, "the sender swallowed stop()'s cancel and went on waiting"


@pytest.mark.parametrize("turns", TURNS)
async def test_the_inbox_worker_stops_right_after_a_wake_up(
    bot: Bot, monkeypatch: pytest.MonkeyPatch, turns: int
) -> None:
    """A stored update wakes the idle worker, and the application stops at once: the loop
    ends instead of outliving stop() once its grace period is over."""
    await inbox_worker(bot.app).stop()  # the fixture's own worker would race this one
    worker = InboxWorker(bot.app)
    looked = asyncio.Event()
    beat = worker._beat

    async def noted() -> None:
        try:
            await beat()
        finally:
            looked.set()

    monkeypatch.setattr(worker, "_beat", noted)
    worker.start()
    loop = worker._loop
    assert loop is not None
    async with asyncio.timeout(30):
        await looked.wait()  # its first look is over: it now waits for a wake-up
    worker.wake()
    for _ in range(turns):
        await asyncio.sleep(0)
    await worker.stop()  # bounded by its grace period
    running = not loop.done()
    loop.cancel()
    await asyncio.wait({loop}, timeout=10)
    assert not running, "the inbox worker's loop outlived stop()"


def test_no_loop_waits_for_an_event_through_wait_for() -> None:
    """``asyncio.wait_for(x.wait(), …)`` in a loop that is stopped by a cancel is the hang
    above; ``async with asyncio.timeout(…)`` is the form that never loses a cancel."""
    pattern = re.compile(r"asyncio\.wait_for\(\s*[\w.]*\.wait\(\)")
    found = [
        f"{path.relative_to(ROOT)}:{text[: match.start()].count(chr(10)) + 1}"
        for folder in ("bot", "frontdesk_emulator")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for text in [path.read_text(encoding="utf-8")]
        for match in pattern.finditer(text)
    ]
    assert found == []


async def test_the_loops_end_even_when_a_library_swallows_the_stop(
    bot: Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stop() also tells each loop in a flag, so a cancel lost deeper down (a library's
    ``wait_for`` on Python 3.11: SQLAlchemy's pool queue, PTB's, … not all can be changed
    here) does not leave the sender, the inbox worker or the heartbeat running, nor stop()
    waiting for them."""
    sender = outbox_sender(bot.app)
    worker = inbox_worker(bot.app)
    heartbeat = bot.app.bot_data.services.get(InstanceHeartbeat)
    await heartbeat.stop()  # started again below, beating often
    inside = {name: asyncio.Event() for name in ("sender", "worker", "heartbeat")}

    async def swallowing(name: str) -> None:
        inside[name].set()
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(3600)  # until cancelled, and the cancel is lost

    async def look() -> int:
        await swallowing("sender")
        return 0

    async def cycle() -> None:
        await swallowing("worker")

    async def beat() -> bool:
        await swallowing("heartbeat")
        return True

    monkeypatch.setattr(sender, "run_once", look)
    monkeypatch.setattr(worker, "_cycle", cycle)
    monkeypatch.setattr(heartbeat, "beat", beat)
    monkeypatch.setattr(heartbeat, "interval", 0.01)
    heartbeat._stopping = False  # as start() does, without its first (swallowing) beat
    heartbeat._task = asyncio.create_task(heartbeat._run(), name="instance-heartbeat")
    sender.wake()
    worker.wake()
    async with asyncio.timeout(30):
        for event in inside.values():
            await event.wait()  # each of them inside its swallowing call
    loops = [sender._task, worker._loop, heartbeat._task]
    stopping = asyncio.ensure_future(asyncio.gather(sender.stop(), worker.stop(), heartbeat.stop()))
    await asyncio.wait({stopping}, timeout=5)
    running = [task.get_name() for task in loops if task is not None and not task.done()]
    monkeypatch.undo()  # the loops call the real methods again: later cancels land
    for _ in range(3):
        for task in loops:
            if task is not None:
                task.cancel()
        await asyncio.wait({stopping}, timeout=2)
    assert running == []
