"""/healthz, /readyz and /metrics: on the webhook's server and on their own in polling mode."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from datetime import timedelta

import aiohttp
import pytest
from aiohttp import web
from prometheus_client.parser import text_string_to_metric_families
from telegram.error import RetryAfter

from bot.app import build_application, serving
from bot.features.askstaff import service as askstaff
from bot.observability import Observability, migration_heads
from bot.runner import _start_probes
from bot.runtime import Runtime
from bot.services import outbox, users
from bot.settings import ProbesSettings
from bot.storage.db import create_database
from bot.storage.migrate import alembic_config
from bot.webhook import webhook_app
from frontdesk_emulator import BotApiEmulator, FloodLimits
from tests.conftest import Bot

SECRET = "probe_Secret-1"


def samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a scrape, by name and labels (parsed with Prometheus' own parser)."""
    found = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


async def get(url: str) -> tuple[int, str, str]:
    async with aiohttp.ClientSession() as client, client.get(url) as response:
        return response.status, response.headers.get("Content-Type", ""), await response.text()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def webhook_url(runtime: Runtime, emulator: BotApiEmulator) -> AsyncIterator[str]:
    """The application behind bot.webhook on a free loopback port; yields the server's root."""
    app = build_application(
        runtime, base_url=emulator.base_url, base_file_url=emulator.base_file_url,
        token=emulator.token,
    )  # fmt: skip
    async with serving(app):
        runner = web.AppRunner(webhook_app(app, "/telegram", SECRET), access_log=None)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", 0).start()
        root = f"http://127.0.0.1:{runner.addresses[0][1]}"
        await app.bot.set_webhook(f"{root}/telegram", secret_token=SECRET)
        try:
            yield root
        finally:
            await app.bot.delete_webhook()
            await runner.cleanup()


async def test_webhook_server_serves_the_probes_and_counts_updates(
    webhook_url: str, emulator: BotApiEmulator
) -> None:
    """Alive, ready, and a scrape that shows the update handled and the reply sent."""
    status, _, body = await get(f"{webhook_url}/healthz")
    assert (status, body) == (200, "ok\n")
    status, kind, body = await get(f"{webhook_url}/readyz")
    assert status == 200, body
    assert kind.startswith("application/json")
    assert '"ready": true' in body
    alice = emulator.user(8801, first_name="Alice", language_code="en")
    await alice.command("/start")
    await alice.wait_message()
    async with asyncio.timeout(5):
        while True:
            status, kind, body = await get(f"{webhook_url}/metrics")
            found = samples(body)
            if found.get(("frontdesk_updates_total", (("outcome", "handled"),))) == 1:
                break
            await asyncio.sleep(0.02)
    assert status == 200
    assert kind.startswith("text/plain")
    assert found[("frontdesk_sends_total", (("result", "ok"),))] >= 1
    assert found[("frontdesk_update_handling_seconds_count", ())] == 1
    assert found[("frontdesk_inbox_lag_seconds", ())] == 0
    assert found[("frontdesk_oldest_open_question_age_seconds", ())] == 0


async def test_polling_mode_serves_the_probes_on_their_own_port(bot: Bot) -> None:
    """The small server of polling mode answers at FRONTDESK_PROBES__PORT."""
    port = free_port()
    settings = bot.runtime.settings.model_copy(
        update={"probes": ProbesSettings(listen="127.0.0.1", port=port)}
    )
    runner = await _start_probes(bot.app, settings)
    assert runner is not None
    try:
        root = f"http://127.0.0.1:{port}"
        assert (await get(f"{root}/healthz"))[0] == 200
        assert (await get(f"{root}/readyz"))[0] == 200
        assert "frontdesk_updates_total" in (await get(f"{root}/metrics"))[2]
    finally:
        await runner.cleanup()
    disabled = settings.model_copy(update={"probes": ProbesSettings(enabled=False)})
    assert await _start_probes(bot.app, disabled) is None


async def test_polling_probes_answer_like_the_webhook_server(bot: Bot) -> None:
    """The polling mode's own server (no aiohttp) gives aiohttp's types, a 404 for any other
    path, a 405 for another method, and headers without a body for HEAD."""
    port = free_port()
    settings = bot.runtime.settings.model_copy(
        update={"probes": ProbesSettings(listen="127.0.0.1", port=port)}
    )
    runner = await _start_probes(bot.app, settings)
    assert runner is not None
    root = f"http://127.0.0.1:{port}"
    try:
        assert await get(f"{root}/healthz") == (200, "text/plain; charset=utf-8", "ok\n")
        status, kind, body = await get(f"{root}/readyz?verbose=1")
        assert (status, kind) == (200, "application/json; charset=utf-8")
        assert '"ready": true' in body
        assert (await get(f"{root}/metrics"))[1].startswith("text/plain; version=")
        assert (await get(f"{root}/nothing"))[0] == 404
        async with aiohttp.ClientSession() as client:
            async with client.post(f"{root}/healthz", data=b"x") as response:
                assert response.status == 405
            async with client.head(f"{root}/healthz") as response:
                assert (response.status, response.headers["Content-Length"]) == (200, "3")
                assert await response.read() == b""
    finally:
        await runner.cleanup()


async def test_a_busy_probe_port_is_reported_and_the_bot_goes_on(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    """A second process on the same host with the same port serves residents anyway."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        settings = bot.runtime.settings.model_copy(
            update={"probes": ProbesSettings(listen="127.0.0.1", port=port)}
        )
        assert await _start_probes(bot.app, settings) is None
    assert any("FRONTDESK_PROBES__PORT" in r.getMessage() for r in caplog.records)


async def test_metrics_show_backlog_by_source_and_the_oldest_open_question(bot: Bot) -> None:
    """Outbox rows waiting, by source, and the age of the oldest unanswered question."""
    now = bot.clock.now()
    async with bot.runtime.db.transaction() as session:
        person = await users.register(session, users.Person(8901, "Wang", None, None, "zh"), now)
        await askstaff.ask(session, person.id, 8901, "几点开门", now)
        for _ in range(2):
            await outbox.enqueue(
                session, chat_id=8901, text="x", source="broadcast:1", now=now,
                not_before=now + timedelta(days=1),
            )  # fmt: skip
        await outbox.enqueue(
            session, chat_id=8901, text="y", source="reminder", now=now,
            not_before=now + timedelta(days=1),
        )  # fmt: skip
    bot.clock.advance(timedelta(minutes=5))
    observability = bot.app.bot_data.services.get(Observability)
    found = samples((await observability.render()).decode())
    assert found[("frontdesk_outbox_backlog", (("source", "broadcast:1"),))] == 2
    assert found[("frontdesk_outbox_backlog", (("source", "reminder"),))] == 1
    assert found[("frontdesk_oldest_open_question_age_seconds", ())] == 300


async def test_429_answers_are_counted(bot: Bot) -> None:
    """A 429 from Telegram shows in the 429 counter and as a rate-limited send."""
    bot.emu.set_flood(FloodLimits(enabled=True, private_burst=1, private_per_second=0.01))
    bot.emu.user(8950, first_name="R", language_code="zh")
    await bot.app.bot.send_message(8950, "one")
    with pytest.raises(RetryAfter):
        await bot.app.bot.send_message(8950, "two")
    registry = bot.app.bot_data.services.get(Observability).registry
    answered_429 = registry.get_sample_value(
        "frontdesk_telegram_429_total", {"method": "sendMessage"}
    )
    assert answered_429 is not None
    assert answered_429 >= 1  # the limiter may have retried before giving up
    assert registry.get_sample_value("frontdesk_sends_total", {"result": "rate_limited"}) == (
        answered_429
    )
    assert registry.get_sample_value("frontdesk_sends_total", {"result": "ok"}) == 1


async def test_readiness_fails_on_inbox_lag_and_a_schema_behind(bot: Bot) -> None:
    """/readyz: an inbox lag over the limit, a failing lag check or a schema not at head."""
    db, clock = bot.runtime.db, bot.clock

    async def lagging() -> float:
        return 120.0

    async def broken() -> float:
        raise RuntimeError("inbox table missing")

    verdict = await Observability(db, clock, inbox_lag=lagging).readiness()
    assert not verdict.ready
    assert verdict.checks == {"database": "ok", "migrations": "ok", "inbox": "lag 120 s over 60 s"}
    verdict = await Observability(db, clock, inbox_lag=broken).readiness()
    assert verdict.checks["inbox"] == "unknown (RuntimeError)"
    verdict = await Observability(db, clock, heads=frozenset({"9999"})).readiness()
    assert verdict.checks["migrations"] == "not at head"
    assert (await Observability(db, clock, inbox_lag=lagging, max_inbox_lag_seconds=300)
            .readiness()).ready  # fmt: skip


async def test_readiness_fails_when_the_database_is_unreachable(bot: Bot) -> None:
    """No database answering: not ready, and the scrape still works."""
    port = free_port()  # nothing listens there
    unreachable = create_database(f"postgresql+asyncpg://postgres@127.0.0.1:{port}/none")
    try:
        observability = Observability(unreachable, bot.clock)
        verdict = await observability.readiness()
        assert not verdict.ready
        assert verdict.checks["database"].startswith("unreachable")
        assert b"frontdesk_updates_total" in await observability.render()
    finally:
        await unreachable.dispose()


def test_heads_read_from_the_files_are_alembics() -> None:
    """The head revisions read without Alembic are the ones Alembic computes."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    assert migration_heads() == frozenset(script.get_heads())
