"""Broadcast delivery against the emulator's flood control (time-scaled ×20, real HTTP)."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import build_runtime, outbox_sender
from bot.centre import Centre
from bot.clock import ManualClock
from bot.features.broadcast import service
from bot.features.broadcast.handlers import ProgressMonitor
from bot.i18n import Catalog
from bot.settings import BroadcastSettings, DeliverySettings, PrivacySettings, Settings
from bot.storage.db import create_database
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, BotMessage, FloodLimits
from tests.conftest import Bot
from tests.test_broadcast import QUIET, SHANGHAI, add_residents, compose, profile
from tests.test_roles import make_staff

SCALE = 20
ROOT = Path(__file__).resolve().parents[1]
RESIDENTS = 2000


@pytest.fixture
def flood() -> FloodLimits:
    """Telegram's limits, twenty times faster."""
    return FloodLimits(enabled=True, time_scale=SCALE)


@pytest.fixture
def settings(database_url: str) -> Settings:
    """The bot paces itself at the same scaled limits."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=None,
        database_url=database_url,
        centre_file=ROOT / "config" / "centre.yaml",
        rate_limit=True,
        admin_ids=[],
        delivery=DeliverySettings(
            free_per_second=30 * SCALE,
            overall_per_second=30 * SCALE,
            private_per_second=1 * SCALE,
            group_per_minute=20 * SCALE,
        ),
        broadcast=BroadcastSettings(progress_seconds=0.2, min_edit_seconds=3 / SCALE),
        privacy=PrivacySettings(notice_on_first_contact=False),
    )


async def delivered(bot: Bot, source: str, timeout: float = 180) -> None:  # noqa: ASYNC109
    """Wait until the running sender has nothing left of ``source``."""
    async with asyncio.timeout(timeout):
        while True:
            async with bot.runtime.db.read() as session:
                counts = await service.outbox.counts(session, source)
            if not counts.get("pending") and not counts.get("sending"):
                return
            await asyncio.sleep(0.05)


async def finished_message(
    bot: Bot, monitor: ProgressMonitor, chat_id: int, message_id: int, seconds: float = 30
) -> BotMessage:
    """The progress message once it shows the broadcast finished, refreshed as the job would.

    With nothing left to send, the next refresh must show it finished; on a loaded machine
    that refresh may come a few ticks later. If it never does, the failure says what the
    database and the chat held (a CI run once ended with the message a tick behind)."""
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        message = bot.emu.message(chat_id, message_id)
        if message is not None and "Finished" in (message.text or ""):
            return message
        if asyncio.get_running_loop().time() > deadline:
            rows = await bot.sql(
                "SELECT status, progress_message_id, progress_text FROM broadcasts WHERE id = 1"
            )
            shown = [
                m.message_id
                for m in bot.emu.user(chat_id).messages
                if (m.text or "").startswith("Announcement #")
            ]
            raise AssertionError(
                f"not shown finished: message {message_id} reads {message and message.text!r}; "
                f"database {rows!r}; progress messages in the chat {shown}"
            )
        await asyncio.sleep(0.2)
        await monitor.tick(force=True)


async def test_two_thousand_residents_all_receive_it_without_flood_errors(bot: Bot) -> None:
    """2,000 recipients: none lost, no 429, blocked ones marked, replies stay fast, report right."""
    await add_residents(bot, 100_000, RESIDENTS)
    for n in range(0, RESIDENTS, 100):  # 20 people blocked the bot
        bot.emu.block(100_000 + n, notify=False)
    staff = await make_staff(bot, 99_000, "Mei", "staff")
    await compose(staff, "<b>食堂</b>明天晚开", None, ["Everyone"])
    for _ in range(3):
        await staff.wait_message()
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(
        predicate=lambda m: (m.text or "").startswith("Announcement #")
    )

    asker = bot.emu.user(100_001)
    await bot.emu.user(100_301).wait_message(timeout=60)  # rows go out in id order
    await asker.command("/help")
    reply = await asker.wait_message(predicate=lambda m: "我能帮您做这些事" in (m.text or ""))
    sent_when_answered = bot.emu.sent_count()
    await delivered(bot, "broadcast:1")

    monitor = bot.app.bot_data.services.get(ProgressMonitor)
    assert isinstance(monitor, ProgressMonitor)
    await monitor.tick(force=True)
    final = await finished_message(bot, monitor, staff.id, progress.message_id)
    assert reply is not None
    assert sent_when_answered < RESIDENTS - 500, "the reply waited for the broadcast"
    flooded = [(r.method, r.params.get("chat_id")) for r in bot.emu.requests if r.status == 429]
    assert flooded == []
    received = Counter(
        m.chat_id
        for n in range(RESIDENTS)
        for m in bot.emu.user(100_000 + n).messages
        if m.text == "食堂明天晚开"
    )
    assert len(received) == RESIDENTS - 20  # every resident who has not blocked the bot
    assert set(received.values()) == {1}
    blocked = await bot.sql("SELECT count(*) FROM users WHERE blocked_at IS NOT NULL")
    assert blocked == [(20,)]
    assert "Sent 1,981 / 2,001 · failed 0 · blocked 20 · remaining 0" in (final.text or "")
    assert "✅ Finished" in (final.text or "")


async def test_a_crash_mid_broadcast_resumes_with_nobody_skipped(
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    emulator: BotApiEmulator,
    clock: ManualClock,
) -> None:
    """Kill mid-way (results in flight unrecorded), restart: everyone reached, ≤ a batch twice."""
    first_db = create_database(settings.database_url)
    runtime = build_runtime(settings, centre, database=first_db, clock=clock, catalog=catalog)
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot = Bot(app=app, emu=emulator, runtime=runtime, clock=clock)
        await add_residents(bot, 200_000, RESIDENTS)
        staff = await profile(bot, (await make_staff(bot, 199_000, "Mei", "staff")).id)
        # The crash comes after 800 sends, with the next ones in flight however fast or
        # loaded the machine is: the emulator holds them unanswered until the kill.
        held_from = emulator.sent_count() + 800
        emulator.hold_sends_after(held_from)
        async with runtime.db.transaction() as session:
            created = await service.create(
                session, service.Draft(text_zh="停水通知"), staff, clock.now(), SHANGHAI, QUIET
            )
        await asyncio.wait_for(emulator.sends_held(), timeout=60)
        await outbox_sender(app).stop()  # the kill: in-flight results are never recorded
    await first_db.dispose()
    emulator.release_sends()
    assert emulator.sent_count() < RESIDENTS
    clock.advance(timedelta(seconds=5))  # a restart takes a moment

    second_db = create_database(settings.database_url)
    runtime = build_runtime(settings, centre, database=second_db, clock=clock, catalog=catalog)
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot = Bot(app=app, emu=emulator, runtime=runtime, clock=clock)
        await delivered(bot, service.source_of(created.id))
        rows = await bot.sql(
            f"SELECT status, count(*) FROM outbox_messages WHERE source = 'broadcast:{created.id}' "
            "GROUP BY status"
        )
    await second_db.dispose()
    copies = Counter(
        m.chat_id
        for n in range(RESIDENTS + 1)
        for m in emulator.user(200_000 + n if n < RESIDENTS else 199_000).messages
        if m.text == "停水通知"
    )
    assert len(copies) == RESIDENTS + 1, "somebody was skipped"
    twice = sum(1 for n in copies.values() if n > 1)
    assert twice <= settings.delivery.concurrency  # the in-flight window, results kept per message
    assert max(copies.values()) <= 2
    assert rows == [("sent", RESIDENTS + 1)]
