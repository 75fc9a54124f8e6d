"""Flood control on a controlled clock, and the 429 answer on the wire."""

from __future__ import annotations

import datetime as dt

import pytest
from telegram import Bot
from telegram.error import RetryAfter

from frontdesk_emulator import BotApiEmulator, FloodController, FloodLimits


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_disabled_never_limits() -> None:
    """With flood control off every send passes."""
    controller = FloodController(FloodLimits(enabled=False), FakeClock())
    assert all(controller.acquire(1, False) is None for _ in range(1000))


def test_private_burst_then_retry_after() -> None:
    """A private chat allows the burst, then asks to retry after about a second."""
    clock = FakeClock()
    controller = FloodController(FloodLimits(enabled=True, private_burst=3), clock)
    assert [controller.acquire(7, False) for _ in range(3)] == [None, None, None]
    assert controller.acquire(7, False) == 1
    assert controller.acquire(8, False) is None  # another chat is unaffected
    clock.now += 1.0
    assert controller.acquire(7, False) is None
    assert controller.acquire(7, False) == 1


def test_group_limit_twenty_per_minute() -> None:
    """A group takes 20 messages, then must wait about 3 seconds for the next."""
    clock = FakeClock()
    controller = FloodController(FloodLimits(enabled=True), clock)
    assert all(controller.acquire(-100, True) is None for _ in range(20))
    assert controller.acquire(-100, True) == 3
    clock.now += 3.0
    assert controller.acquire(-100, True) is None


def test_global_limit_across_chats() -> None:
    """More than 30 sends in a second across different chats hit the global limit."""
    clock = FakeClock()
    controller = FloodController(FloodLimits(enabled=True), clock)
    assert all(controller.acquire(chat, False) is None for chat in range(1, 31))
    assert controller.acquire(99, False) == 1


def test_time_scale_speeds_refill_but_retry_after_stays_integer() -> None:
    """time_scale=10 refills ten times faster; retry_after is still at least 1."""
    clock = FakeClock()
    controller = FloodController(FloodLimits(enabled=True, private_burst=1, time_scale=10), clock)
    assert controller.acquire(5, False) is None
    assert controller.acquire(5, False) == 1
    clock.now += 0.1
    assert controller.acquire(5, False) is None


async def test_http_429_envelope_and_ptb_retry_after(monkeypatch: pytest.MonkeyPatch) -> None:
    """Over the limit, sendMessage answers 429 with retry_after and PTB raises RetryAfter."""
    # Without PTB_TIMEDELTA, PTB 22 warns (PTBDeprecationWarning) while building RetryAfter.
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    clock = FakeClock()
    limits = FloodLimits(enabled=True, private_burst=2)
    async with BotApiEmulator(flood=limits, clock=clock) as emu:
        emu.user(1001)
        async with Bot(emu.token, base_url=emu.base_url) as bot:
            await bot.send_message(1001, "one")
            await bot.send_message(1001, "two")
            with pytest.raises(RetryAfter) as caught:
                await bot.send_message(1001, "three")
            assert caught.value.retry_after == dt.timedelta(seconds=1)
            await bot.get_me()  # not a sending method: never limited
            clock.now += 1.0
            await bot.send_message(1001, "four")
        last_error = [r for r in emu.requests if r.status == 429][-1]
        assert last_error.response == {
            "ok": False,
            "error_code": 429,
            "description": "Too Many Requests: retry after 1",
            "parameters": {"retry_after": 1},
        }
        assert emu.stats()["429"] == 1
        assert emu.sent_count() == 3
