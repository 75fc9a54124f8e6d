"""Nothing lost with real processes: the bot is ``kill -9``-ed mid-burst, restarted, and every
message is answered (issue 14). Duplicates are counted and printed, and bounded: at most one
per chat and crash (the update that chat had in flight)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url

from frontdesk_emulator import BotApiEmulator, SimUser
from tests.conftest import _asyncpg_dsn, _truncate_all
from tests.processes import BotProcess, TcpProxy, bot_environment

pytestmark = pytest.mark.postgres

RESIDENTS = 30
MESSAGES_EACH = 10
KILLS = 3
HELP_OPENING = "Here is what I can do:"


@pytest.fixture
def pg_url(postgres_database: str) -> Iterator[str]:
    """The run's PostgreSQL database, emptied after the test."""
    yield postgres_database
    asyncio.run(_truncate_all(postgres_database))


async def inbox_status(url: str) -> dict[str, int]:
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        rows = await connection.fetch("SELECT status, count(*) FROM inbox_updates GROUP BY 1")
    finally:
        await connection.close()
    return {row["status"]: row["count"] for row in rows}


def answers(resident: SimUser) -> int:
    return sum(1 for m in resident.messages if (m.text or "").startswith(HELP_OPENING))


async def all_answered(url: str, residents: list[SimUser], timeout: float) -> dict[str, int]:  # noqa: ASYNC109
    """Wait until every update is finished in the inbox and every resident has the answers."""
    status: dict[str, int] = {}
    try:
        async with asyncio.timeout(timeout):
            while True:
                status = await inbox_status(url)
                finished = status.get("done", 0) + status.get("failed", 0)
                expected = RESIDENTS * MESSAGES_EACH
                if finished >= expected and all(answers(r) >= MESSAGES_EACH for r in residents):
                    return status
                await asyncio.sleep(0.5)
    except TimeoutError:
        short = {r.id: answers(r) for r in residents if answers(r) < MESSAGES_EACH}
        pytest.fail(f"not all answered: inbox {status}, residents short of answers {short}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_a_burst_survives_three_kill_9s_with_nothing_unanswered(
    pg_url: str,
    emulator: BotApiEmulator,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    mode: str,
) -> None:
    """300 messages from 30 residents, kill -9 three times mid-burst: 0 unanswered."""
    extra: dict[str, str] = {"FRONTDESK_MODE": mode}
    ready = "polling for updates"
    if mode == "webhook":
        port = free_port()
        extra |= {
            "FRONTDESK_WEBHOOK__URL": f"http://127.0.0.1:{port}/telegram",
            "FRONTDESK_WEBHOOK__PORT": str(port),
            "FRONTDESK_WEBHOOK__SECRET_TOKEN": "crash-test-secret",
        }
        ready = "webhook listening on"
    bot = BotProcess(bot_environment(emulator, pg_url, **extra), tmp_path)
    residents = [
        emulator.user(61_000 + n, first_name=f"R{n}", language_code="en") for n in range(RESIDENTS)
    ]
    await bot.start(ready)
    try:
        for _ in range(MESSAGES_EACH):
            for resident in residents:
                await resident.send("/help")
        for _ in range(KILLS):
            await asyncio.sleep(1.5)  # replies are paced at about 1/s per chat: mid-burst
            await bot.kill()
            await bot.start(ready)
        status = await all_answered(pg_url, residents, timeout=180)
    finally:
        await bot.stop()
    counts = [answers(r) for r in residents]
    duplicates = sum(count - MESSAGES_EACH for count in counts)
    with capsys.disabled():
        print(
            f"\n[inbox crash test, {mode}] {RESIDENTS * MESSAGES_EACH} messages, {KILLS} kill -9: "
            f"0 unanswered, {duplicates} duplicate replies (inbox: {status})"
        )
    assert status.get("failed", 0) == 0, bot.log()
    assert min(counts) >= MESSAGES_EACH
    # At most the update each chat had in flight at each kill is answered twice.
    assert max(counts) <= MESSAGES_EACH + KILLS
    assert "Traceback" not in bot.log()


async def terminate_backends(url: str) -> int:
    """``pg_terminate_backend`` on every other connection to the test's database."""
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        return int(
            await connection.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    finally:
        await connection.close()


async def test_connections_killed_and_the_database_away_for_10_s_lose_nothing(
    pg_url: str, emulator: BotApiEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """pg_terminate_backend mid-traffic, then connections refused for 10 s: every update is
    answered once the database is back, no apology, and the log stays short."""
    parsed = make_url(pg_url)
    proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    await proxy.start()
    via_proxy = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    bot = BotProcess(bot_environment(emulator, via_proxy), tmp_path)
    residents = [
        emulator.user(62_000 + n, first_name=f"R{n}", language_code="en") for n in range(RESIDENTS)
    ]
    await bot.start()
    try:
        for _ in range(MESSAGES_EACH // 2):
            for resident in residents:
                await resident.send("/help")
        await asyncio.sleep(1.0)
        killed = await terminate_backends(pg_url)
        await asyncio.sleep(1.0)
        await proxy.cut()
        for _ in range(MESSAGES_EACH // 2):  # sent while the database is away
            for resident in residents:
                await resident.send("/help")
        await asyncio.sleep(10)
        await proxy.restore()
        status = await all_answered(pg_url, residents, timeout=180)
    finally:
        await bot.stop()
        await proxy.cut()
    counts = [answers(r) for r in residents]
    duplicates = sum(count - MESSAGES_EACH for count in counts)
    apologies = sum(1 for r in residents for m in r.messages if (m.text or "").startswith("Sorry"))
    errors = [line for line in bot.log().splitlines() if " ERROR " in line]
    with capsys.disabled():
        print(
            f"\n[inbox database cut] {RESIDENTS * MESSAGES_EACH} messages, {killed} connections "
            f"terminated, 10 s refused: 0 unanswered, {duplicates} duplicate replies, "
            f"{apologies} apologies, {len(errors)} error lines (inbox: {status})"
        )
    assert apologies == 0
    assert status.get("failed", 0) == 0
    assert min(counts) >= MESSAGES_EACH
    assert len(errors) < 30, "\n".join(errors)
