"""Paid broadcasts: an explicit setting, validated, honoured by the limiter and the emulator."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.delivery.limiter import FrontdeskRateLimiter, Limits
from bot.services import outbox
from bot.settings import DeliverySettings, Settings
from frontdesk_emulator import BotApiEmulator, FloodLimits
from tests.conftest import Bot
from tests.pacing import PacingClock

ROOT = Path(__file__).resolve().parents[1]
RESIDENTS = 90


def _check(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "check"],
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_above_30_per_second_without_paid_broadcasts_exits_2_naming_the_setting(
    tmp_path: Path,
) -> None:
    """FRONTDESK_DELIVERY__OVERALL_PER_SECOND=100 alone stops the program (exit code 2, the
    variable named, no traceback); with paid broadcasts allowed it is accepted."""
    refused = _check({"FRONTDESK_DELIVERY__OVERALL_PER_SECOND": "100"}, tmp_path)
    assert refused.returncode == 2
    assert "FRONTDESK_DELIVERY__OVERALL_PER_SECOND" in refused.stderr
    assert "FRONTDESK_DELIVERY__ALLOW_PAID_BROADCAST" in refused.stderr
    assert "Traceback" not in refused.stderr
    accepted = _check(
        {
            "FRONTDESK_DELIVERY__OVERALL_PER_SECOND": "100",
            "FRONTDESK_DELIVERY__ALLOW_PAID_BROADCAST": "true",
        },
        tmp_path,
    )
    assert accepted.returncode == 0, accepted.stderr


def test_paid_broadcasts_stop_at_1000_per_second() -> None:
    """Telegram's paid limit is 1000 messages a second; more is refused, 30 is always fine."""
    with pytest.raises(ValidationError, match="at most 1000"):
        DeliverySettings(allow_paid_broadcast=True, overall_per_second=1001)
    assert DeliverySettings(overall_per_second=30).overall_per_second == 30


async def test_paid_sends_use_the_paid_rate_and_replies_keep_the_free_one() -> None:
    """With 300/s allowed for paid broadcasts, 60 paid bulk sends need about 0.2 s of pacing
    time while 60 unpaid replies still need about two seconds (30/s)."""
    pacing = PacingClock()
    limits = Limits(overall_per_second=300, free_per_second=30, private_per_second=1000)
    limiter = FrontdeskRateLimiter(limits, clock=pacing, sleep=pacing.sleep)
    finished: dict[str, list[float]] = {"paid": [], "free": []}

    async def send(kind: str) -> bool:
        finished[kind].append(pacing.now)
        return True

    async def run(kind: str, rate_limit_args: dict[str, bool] | None) -> None:
        for n in range(60):
            await limiter.process_request(
                send, (kind,), {}, "sendMessage", {"chat_id": n}, rate_limit_args
            )

    import asyncio

    tasks = [
        asyncio.create_task(run("paid", {"bulk": True, "paid": True})),
        asyncio.create_task(run("free", None)),
    ]
    while not all(task.done() for task in tasks):
        await pacing.advance(0.01)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)
    assert max(finished["paid"]) < 0.5
    assert max(finished["free"]) > 1.5
    assert limiter.stats["paid"] == 60


@pytest.fixture
def flood() -> FloodLimits:
    """Telegram's limits at real scale: 30 unpaid messages a second, 1000 paid."""
    return FloodLimits(enabled=True)


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The tests' settings with pacing on and paid broadcasts at ten times the free rate."""
    paid = DeliverySettings(
        allow_paid_broadcast=True, overall_per_second=300, concurrency=30, poll_seconds=3600
    )
    return settings.model_copy(update={"rate_limit": True, "delivery": paid})


async def test_the_outbox_sends_paid_broadcasts_above_30_per_second_without_a_429(
    bot: Bot, emulator: BotApiEmulator
) -> None:
    """90 outbox messages go out as paid broadcasts (allow_paid_broadcast), faster than the
    emulator's 30/s free budget would allow, and the emulator answers none with a 429."""
    now = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)
    people = [emulator.user(70_000 + n, first_name=f"P{n}") for n in range(RESIDENTS)]
    async with bot.runtime.db.transaction() as session:
        for person in people:
            await outbox.enqueue(
                session, chat_id=person.id, text="通知", source="test-paid", now=now
            )
    assert await bot.drain() == RESIDENTS
    stats = emulator.stats()
    assert stats["paid"] == RESIDENTS
    assert stats["429"] == 0
    assert all(person.last is not None for person in people)
