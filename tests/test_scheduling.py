"""Fair scheduling: one chat in order, other chats at once, slots held only by running work.

The end-to-end test paces replies on a manual clock, so "not delayed" is shown by the order
of events (the unrelated resident is answered while the bursting residents still wait for
their next second), never by measuring wall-clock time.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest

from bot.delivery.limiter import FrontdeskRateLimiter, Limits
from bot.runtime import Runtime
from bot.scheduling import FairScheduler, slot_released
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, SimUser
from tests.pacing import PacingClock


async def _advance_until(
    pacing: PacingClock, done: Callable[[], bool], step: float, real_timeout: float = 20.0
) -> None:
    """Move the pacing clock by ``step`` at a time until ``done()``; fail after ``real_timeout``
    seconds of waiting (a safety net, not a measurement)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + real_timeout
    while not done():
        if loop.time() > deadline:
            raise AssertionError(f"not done after {pacing.now:.4f} s of pacing time")
        await pacing.advance(step)
        await asyncio.sleep(0.005)


def _replies(person: SimUser) -> int:
    return len(person.messages)


async def test_one_chat_keeps_its_order_while_other_chats_run() -> None:
    """Jobs of one key run one after another in arrival order; another key's job runs
    meanwhile instead of waiting behind them."""
    scheduler = FairScheduler(max_running=4)
    gate = asyncio.Event()
    order: list[str] = []

    async def job(name: str, wait: bool) -> None:
        order.append(f"start {name}")
        if wait:
            await gate.wait()
        order.append(f"end {name}")

    def submit(key: int, name: str, wait: bool) -> asyncio.Task[None]:
        return asyncio.create_task(scheduler.run(key, lambda: job(name, wait)))

    first = [submit(1, f"a{i}", wait=True) for i in range(5)]
    other = submit(2, "b", wait=False)
    await other
    assert order == ["start a0", "start b", "end b"]
    assert scheduler.queued(1) == 5
    gate.set()
    await asyncio.gather(*first)
    assert [e for e in order if e.split()[1].startswith("a")] == [
        x for i in range(5) for x in (f"start a{i}", f"end a{i}")
    ]
    assert scheduler.queued(1) == 0


async def test_a_chat_waiting_for_its_pacing_holds_no_slot() -> None:
    """With ONE slot, a job waiting for its chat's pacing (and the chat's queued jobs behind
    it) leaves the slot to another chat, then takes it back to finish."""
    scheduler = FairScheduler(max_running=1)
    paced = asyncio.Event()
    order: list[str] = []

    async def reply_paced(name: str) -> None:
        order.append(f"start {name}")
        async with slot_released():
            await paced.wait()
        order.append(f"end {name}")

    async def quick(name: str) -> None:
        order.append(f"ran {name}")

    bursting = [
        asyncio.create_task(scheduler.run(1, lambda n=f"a{i}": reply_paced(n))) for i in range(3)
    ]
    await asyncio.sleep(0)
    unrelated = asyncio.create_task(scheduler.run(2, lambda: quick("b")))
    await unrelated
    assert order == ["start a0", "ran b"]
    assert scheduler.running == 1  # a0 is in progress, but without its slot
    paced.set()
    await asyncio.gather(*bursting)
    assert order[2:] == ["end a0", "start a1", "end a1", "start a2", "end a2"]


async def _peak_running(scheduler: FairScheduler, keys: list[int]) -> int:
    """Run one short job per key at once; how many ran at the same time at most."""
    running = 0
    peak = 0

    async def job() -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        running -= 1

    await asyncio.gather(*(scheduler.run(key, job) for key in keys))
    return peak


async def test_running_jobs_never_exceed_the_limit() -> None:
    """However many chats submit at once, at most ``max_running`` jobs hold a slot."""
    assert await _peak_running(FairScheduler(max_running=3), [k % 10 for k in range(60)]) == 3


async def test_a_cancelled_wait_for_pacing_gives_no_slot_away() -> None:
    """A job cancelled while it waits without its slot does not release a slot twice."""
    scheduler = FairScheduler(max_running=1)
    forever = asyncio.Event()

    async def paced() -> None:
        async with slot_released():
            await forever.wait()

    task = asyncio.create_task(scheduler.run(1, paced))
    await asyncio.sleep(0)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert await _peak_running(scheduler, list(range(5))) == 1


async def test_an_unrelated_resident_is_not_delayed_behind_16_bursting_residents(
    runtime: Runtime, emulator: BotApiEmulator
) -> None:
    """16 residents each send 12 messages, their replies paced at one a second per chat (on
    a manual clock), with only 4 update slots: an unrelated resident is answered while every
    bursting resident still waits for their third reply; then all of them get all 12."""
    runtime.settings.max_concurrent_updates = 4
    pacing = PacingClock()
    # Overall pacing wide open (each clock step refills it), per-chat pacing Telegram's.
    limits = Limits(
        overall_per_second=1_000_000,
        free_per_second=1_000_000,
        private_per_second=1.0,
        private_burst=3,
    )
    limiter = FrontdeskRateLimiter(limits, clock=pacing, sleep=pacing.sleep)
    async with running_bot(runtime, emulator, poll_timeout=1, limiter=limiter):
        try:
            await _burst_and_ask(emulator, pacing)
        finally:
            await pacing.set_free()


async def _burst_and_ask(emulator: BotApiEmulator, pacing: PacingClock) -> None:
    burst_size = 12
    bursting = [emulator.user(5000 + i, first_name=f"B{i}", language_code="en") for i in range(16)]
    for person in bursting:
        for _ in range(burst_size):
            await person.command("/help")
    # Each chat's burst allowance (2 replies) goes out; the third reply must wait ~1 s.
    step = 0.00005
    await _advance_until(pacing, lambda: all(_replies(p) == 2 for p in bursting), step)
    unrelated = emulator.user(6000, first_name="Una", language_code="en")
    await unrelated.command("/help")
    await _advance_until(pacing, lambda: _replies(unrelated) == 1, step)
    assert pacing.now < 1.0, "the test must not have given a chat its next second"
    assert [_replies(p) for p in bursting] == [2] * 16
    # Time moves on: every bursting resident gets every answer, in its own chat.
    await _advance_until(pacing, lambda: all(_replies(p) == burst_size for p in bursting), step=1.0)
    assert all("Opening hours" in m.text for p in bursting for m in p.messages)


async def _until(done: Callable[[], bool]) -> None:
    """Let the tasks run (the clock does not move) until ``done()``, then a few more turns:
    every task that can move then reaches its wait (for the clock, or for its turn)."""
    for _ in range(1000):
        if done():
            for _ in range(20):
                await asyncio.sleep(0)
            return
        await asyncio.sleep(0)
    raise AssertionError("the tasks never got there")


async def test_a_fresh_chats_reply_goes_ahead_of_other_chats_queued_replies() -> None:
    """The bot-wide budget is empty and two chats that were just answered each have a second
    reply waiting for it; a reply to a chat with nothing sent lately, asked after them, takes
    the next token, and the two queued replies follow in the order they came."""
    pacing = PacingClock()
    # Ten a second overall with a slack of two; per chat one a second with two in hand.
    limits = Limits(overall_per_second=10, private_per_second=1.0, private_burst=3)
    limiter = FrontdeskRateLimiter(limits, clock=pacing, sleep=pacing.sleep)
    sent: list[int] = []

    async def send(chat_id: int) -> bool:
        sent.append(chat_id)
        return True

    def reply(chat_id: int) -> asyncio.Task[object]:
        return asyncio.create_task(
            limiter.process_request(send, (chat_id,), {}, "sendMessage", {"chat_id": chat_id}, None)
        )

    try:
        await asyncio.gather(reply(1), reply(2))  # the overall slack is spent
        queued = [reply(1), reply(2)]
        await _until(lambda: limiter.pending_replies == 2)
        fresh = reply(3)
        await _until(lambda: limiter.pending_replies == 3)
        assert sent == [1, 2]
        await pacing.advance(0.1)  # one token
        await _until(lambda: len(sent) == 3)
        assert sent == [1, 2, 3]
        await pacing.advance(0.2)
        await asyncio.gather(fresh, *queued)
        assert sent == [1, 2, 3, 1, 2]
    finally:
        await pacing.set_free()
