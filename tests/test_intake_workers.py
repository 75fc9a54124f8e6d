"""Topology 2 of docs/deploy.md with real processes: one intake instance polls Telegram and
stores every update in the durable inbox; two workers claim and handle them (issue 14).

``FRONTDESK_INSTANCE_ROLE=intake`` polls (as the elected poller) and handles nothing;
``FRONTDESK_INSTANCE_ROLE=worker`` never polls and handles what is stored. A burst of 300
messages from 30 residents; one worker is ``kill -9``-ed while it holds claims; the other takes
its updates over once their lease runs out. Every message is answered, each resident's answers
come in the order of their messages, and the duplicates are counted and printed."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import asyncpg
import pytest

from frontdesk_emulator import BotApiEmulator, FloodLimits, SimUser
from tests.cluster import free_port
from tests.conftest import _truncate_all
from tests.processes import BotProcess, bot_environment

pytestmark = pytest.mark.postgres

RESIDENTS = 30
MESSAGES_EACH = 10
# Three messages whose answers differ, sent in turn: an answer out of order shows.
CYCLE = ("/help", "/nosuchcommand", "/privacy")
INTAKE_READY = "polling for updates (intake only)"
WORKER_READY = "worker: handling the updates the intake instances store"


@pytest.fixture
def pg_url(postgres_database: str) -> Iterator[str]:
    """The run's PostgreSQL database (migrated once: three processes starting on a fresh one
    is tests/test_scaleout.py's), emptied after the test."""
    yield postgres_database
    asyncio.run(_truncate_all(postgres_database))


@pytest.fixture
def flood() -> FloodLimits:
    """Telegram's own limits: the emulator answers 429 to any excess."""
    return FloodLimits(enabled=True)


def kind(text: str) -> str | None:
    """Which of :data:`CYCLE` a bot message answers (``None``: something else)."""
    if text.startswith("Here is what I can do:"):
        return "/help"
    if text.startswith("I don't have that command"):
        return "/nosuchcommand"
    if text.startswith("🔒"):
        return "/privacy"
    return None


def answers(resident: SimUser) -> list[str | None]:
    return [kind(m.text or "") for m in resident.messages]


def collapsed(kinds: list[str | None]) -> list[str | None]:
    """Consecutive repeats removed: an update handled twice (in flight at the kill) answers
    twice in a row, and CYCLE never sends one message twice in a row."""
    return [k for n, k in enumerate(kinds) if n == 0 or kinds[n - 1] != k]


EXPECTED = [CYCLE[n % len(CYCLE)] for n in range(MESSAGES_EACH)]


async def fetchval(url: str, query: str, *args: object) -> int:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return int(await connection.fetchval(query, *args) or 0)
    finally:
        await connection.close()


async def handled_by(port: int) -> int:
    """Updates an instance handled, from its /metrics."""
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"http://127.0.0.1:{port}/metrics") as response,
    ):
        text = await response.text()
    found = re.search(r'^frontdesk_updates_total\{outcome="handled"\} (\S+)$', text, re.M)
    return int(float(found.group(1))) if found else 0


async def progress(url: str, ports: dict[str, int]) -> str:
    """What the inbox holds and what each instance handled (printed when the test fails)."""
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        rows = await connection.fetch("SELECT status, count(*) FROM inbox_updates GROUP BY 1")
    finally:
        await connection.close()
    handled = {}
    for name, port in ports.items():
        try:
            handled[name] = await handled_by(port)
        except aiohttp.ClientError:
            handled[name] = -1
    return f"inbox {dict(rows)}, handled {handled}"  # type: ignore[arg-type]


async def test_one_intake_and_two_workers_answer_a_burst_in_order_through_a_kill_9(
    pg_url: str, emulator: BotApiEmulator, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    residents = [
        emulator.user(63_000 + n, first_name=f"R{n}", language_code="en") for n in range(RESIDENTS)
    ]
    url = pg_url
    ports = {name: free_port() for name in ("intake", "w1", "w2")}
    processes: dict[str, BotProcess] = {}
    for name, role in (("intake", "intake"), ("w1", "worker"), ("w2", "worker")):
        (tmp_path / name).mkdir()
        env = bot_environment(
            emulator, url, FRONTDESK_INSTANCE_ROLE=role,
            FRONTDESK_PROBES__PORT=str(ports[name]),
            # Long enough that a live worker's claims never look dead on a loaded machine
            # (with 2 s, two live workers took each other's claims), short for the test.
            FRONTDESK_INBOX__LEASE_SECONDS="8",
        )  # fmt: skip
        processes[name] = BotProcess(env, tmp_path / name)
    intake, w1, w2 = processes["intake"], processes["w1"], processes["w2"]
    try:
        await asyncio.gather(
            intake.start(INTAKE_READY, timeout=300),
            w1.start(WORKER_READY, timeout=300),
            w2.start(WORKER_READY, timeout=300),
        )
        for n in range(MESSAGES_EACH):
            for resident in residents:
                await resident.send(CYCLE[n % len(CYCLE)])
        # Mid-burst: a worker holds claims (its pid is in claimed_by) and has answered some.
        # Each worker holds its share of the chats (services/inbox.claim); the victim is
        # whichever worker is found holding claims first.
        victim: str | None = None
        async with asyncio.timeout(120):
            while victim is None:
                for name in ("w1", "w2"):
                    pid_of = processes[name].process
                    assert pid_of is not None
                    if (
                        await fetchval(
                            url,
                            "SELECT count(*) FROM inbox_updates WHERE status = 'running' "
                            "AND claimed_by LIKE $1",
                            f"%:{pid_of.pid}:%",
                        )
                        and await handled_by(ports[name]) >= 1
                    ):
                        victim = name
                        break
                else:
                    await asyncio.sleep(0.1)
        survivor = "w2" if victim == "w1" else "w1"
        killed, alive = processes[victim], processes[survivor]
        by_killed = await handled_by(ports[victim])
        await killed.kill()
        async with asyncio.timeout(180):
            while await fetchval(  # noqa: ASYNC110 -- polled in the database
                url, "SELECT count(*) FROM inbox_updates WHERE status IN ('pending', 'running')"
            ) or any(len(collapsed(answers(r))) < MESSAGES_EACH for r in residents):
                await asyncio.sleep(0.2)
        by_alive = await handled_by(ports[survivor])
        by_intake = await handled_by(ports["intake"])
        failed = await fetchval(url, "SELECT count(*) FROM inbox_updates WHERE status <> 'done'")
        again = await fetchval(url, "SELECT count(*) FROM inbox_updates WHERE attempts > 1")
    except BaseException:
        print(await progress(url, ports))
        for name, process in processes.items():
            print(f"--- {name}\n{process.log()[-3000:]}")
        raise
    finally:
        for process in processes.values():
            await process.stop()
    duplicates = sum(len(r.messages) - MESSAGES_EACH for r in residents)
    with capsys.disabled():
        print(
            f"\n[intake + 2 workers] {RESIDENTS * MESSAGES_EACH} messages, kill -9 of a worker "
            f"holding claims: 0 unanswered, {duplicates} duplicate replies, {again} updates "
            f"taken up again; handled by {victim} {by_killed} (before the kill), "
            f"{survivor} {by_alive}, "
            f"intake {by_intake}; 429s {emulator.stats()['429']}"
        )
    for resident in residents:
        assert collapsed(answers(resident)) == EXPECTED, (resident.id, answers(resident))
    assert failed == 0
    assert by_intake == 0  # the intake instance stores, it never handles
    assert by_killed >= 1
    assert by_alive > 0
    # Only the dead worker's claims were taken over: a live one's never (the victim took none).
    assert "taken up again" not in killed.log()
    # At most the updates in flight at the kill (one per chat) are answered twice.
    assert 0 <= duplicates <= RESIDENTS
    assert max(len(r.messages) for r in residents) <= MESSAGES_EACH + 1
    assert emulator.stats()["429"] == 0
    for process in (intake, alive):
        assert "Traceback" not in process.log(), process.log()
    assert "polling for updates" not in w1.log() + w2.log()  # workers never poll
