"""Several real bot processes behind HAProxy, on a fresh PostgreSQL database (issue 14).

The topology of docs/deploy.md ("Scale-out"), with plain processes instead of containers:
the emulator (in the test's process) posts updates to HAProxy (deploy/haproxy.cfg), which
hands each one to the next bot instance (``python -m bot run`` in webhook mode).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import socket
import sys
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import pytest

from frontdesk_emulator import BotApiEmulator
from tests.clocked_bot import ENV as CLOCK_ENV
from tests.conftest import IN_CI, PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[1]
HAPROXY_CFG = ROOT / "deploy" / "haproxy.cfg"
SECRET = "cluster-secret-0123456789"
READY_LINE = "webhook listening on"


def haproxy_or_skip() -> str:
    """The haproxy binary; CI installs it (.ci/run), elsewhere the test is skipped."""
    found = shutil.which("haproxy")
    if found is None:
        if IN_CI:
            pytest.fail("haproxy is required in CI (.ci/run installs it): apt-get install haproxy")
        pytest.skip("haproxy is not installed (apt-get install haproxy)")
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


@contextlib.asynccontextmanager
async def fresh_database() -> AsyncIterator[str]:
    """An empty PostgreSQL database (not migrated: the instances do it), dropped after."""
    name = f"frontdesk_cluster_{uuid.uuid4().hex[:10]}"
    try:
        admin = await asyncpg.connect(_dsn(PG_ADMIN_URL), timeout=5)
    except (OSError, asyncpg.PostgresError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unavailable: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    try:
        yield f"{base}/{name}"
    finally:
        admin = await asyncpg.connect(_dsn(PG_ADMIN_URL), timeout=5)
        try:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await admin.close()


@dataclass
class Cluster:
    """The emulator, HAProxy and the bot instances of one test."""

    emulator: BotApiEmulator
    database_url: str
    workdir: Path
    lb_port: int = field(default_factory=free_port)
    ports: dict[str, int] = field(default_factory=dict)
    bots: dict[str, asyncio.subprocess.Process] = field(default_factory=dict)
    haproxy: asyncio.subprocess.Process | None = None
    extra_env: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ports = {"bot1": free_port(), "bot2": free_port()}

    @property
    def stats_socket(self) -> Path:
        return self.workdir / "haproxy.sock"

    def bot_env(self, name: str, mode: str = "webhook") -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
        env.update(
            PYTHONPATH=str(ROOT),
            FRONTDESK_TOKEN=self.emulator.token,
            FRONTDESK_MODE=mode,
            FRONTDESK_API_BASE_URL=self.emulator.base_url,
            FRONTDESK_API_FILE_BASE_URL=self.emulator.base_file_url,
            FRONTDESK_DATABASE_URL=self.database_url,
            FRONTDESK_CENTRE_FILE=str(ROOT / "config" / "centre.yaml"),
            FRONTDESK_WEBHOOK__URL=f"http://127.0.0.1:{self.lb_port}/telegram",
            FRONTDESK_WEBHOOK__PORT=str(self.ports.get(name, free_port())),
            FRONTDESK_WEBHOOK__SECRET_TOKEN=SECRET,
            FRONTDESK_PRIVACY__NOTICE_ON_FIRST_CONTACT="false",
            FRONTDESK_LOG_LEVEL="INFO",
        )
        env.update(self.extra_env)
        return env

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    async def start_bot(self, name: str, *, mode: str = "webhook", wait: bool = True) -> None:
        """Start instance ``name`` (``python -m bot run``, cwd outside the repo: no .env)."""
        handle = self.log(name).open("ab")
        env = self.bot_env(name, mode)
        # A moved wall clock (tests/clocked_bot.py) when the test set one.
        entry = ["tests.clocked_bot"] if CLOCK_ENV in env else ["bot", "run"]
        self.bots[name] = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            *entry,
            env=env,
            cwd=self.workdir,
            stdout=handle,
            stderr=asyncio.subprocess.STDOUT,
        )
        handle.close()
        if wait:
            await self.wait_log(name, READY_LINE)

    async def wait_log(self, name: str, line: str, timeout: float = 180) -> None:  # noqa: ASYNC109
        async with asyncio.timeout(timeout):
            while line not in self.log(name).read_text(errors="replace"):
                process = self.bots[name]
                if process.returncode is not None:
                    raise AssertionError(f"{name} exited:\n{self.log(name).read_text()[-3000:]}")
                await asyncio.sleep(0.1)

    async def start_haproxy(self) -> None:
        binary = haproxy_or_skip()
        env = {
            **os.environ,
            "FRONTDESK_LB_BIND": f"127.0.0.1:{self.lb_port}",
            "FRONTDESK_BOT1": f"127.0.0.1:{self.ports['bot1']}",
            "FRONTDESK_BOT2": f"127.0.0.1:{self.ports['bot2']}",
            "FRONTDESK_HAPROXY_STATS": str(self.stats_socket),
            # Alive is enough here: /readyz would take an instance out while a test loads
            # it on purpose (compose checks /readyz).
            "FRONTDESK_LB_CHECK": "/healthz",
        }
        handle = self.log("haproxy").open("ab")
        self.haproxy = await asyncio.create_subprocess_exec(
            binary, "-db", "-f", str(HAPROXY_CFG), env=env, stdout=handle,
            stderr=asyncio.subprocess.STDOUT,
        )  # fmt: skip
        handle.close()
        async with asyncio.timeout(10):
            while not self.stats_socket.exists():  # noqa: ASYNC110 -- a file, no event
                await asyncio.sleep(0.05)

    async def wait_servers_up(self, names: tuple[str, ...] = ("bot1", "bot2")) -> None:
        """Until HAProxy's health checks see every named instance up."""
        async with asyncio.timeout(60):
            while True:
                status = await self.server_stats()
                if all(status.get(n, {}).get("status") == "UP" for n in names):
                    return
                await asyncio.sleep(0.2)

    async def server_stats(self) -> dict[str, dict[str, str]]:
        """HAProxy's ``show stat`` for the bot servers: status and requests each handled."""
        reader, writer = await asyncio.open_unix_connection(str(self.stats_socket))
        writer.write(b"show stat\n")
        await writer.drain()
        raw = (await reader.read()).decode()
        writer.close()
        lines = [line for line in raw.splitlines() if line]
        header = lines[0].lstrip("# ").split(",")
        found = {}
        for line in lines[1:]:
            row = dict(zip(header, line.split(","), strict=False))
            if row.get("pxname") == "frontdesk" and row.get("svname", "").startswith("bot"):
                found[row["svname"]] = row
        return found

    async def settled(self, timeout: float = 180) -> None:  # noqa: ASYNC109
        """Until the durable inbox holds no unfinished update: a webhook's 200 means the
        update is stored, not yet handled (bot/webhook.py). Generous: 500 sign-ups' replies
        and edits go out at the shared 30/s."""
        connection = await asyncpg.connect(_dsn(self.database_url))
        try:
            async with asyncio.timeout(timeout):
                while await connection.fetchval(  # noqa: ASYNC110 -- polled in the database
                    "SELECT count(*) FROM inbox_updates WHERE status IN ('pending', 'running')"
                ):
                    await asyncio.sleep(0.05)
        finally:
            await connection.close()

    async def handled(self) -> dict[str, int]:
        """Requests each instance answered (HAProxy's count)."""
        return {
            name: int(row.get("stot") or 0) for name, row in (await self.server_stats()).items()
        }

    async def stop(self) -> None:
        for process in [*self.bots.values(), self.haproxy]:
            if process is not None and process.returncode is None:
                process.send_signal(signal.SIGTERM)
        for process in [*self.bots.values(), self.haproxy]:
            if process is None:
                continue
            try:
                await asyncio.wait_for(process.wait(), 20)
            except TimeoutError:
                process.kill()
                await process.wait()

    def logs(self) -> str:
        return "\n".join(
            f"--- {path.name}\n{path.read_text(errors='replace')[-4000:]}"
            for path in sorted(self.workdir.glob("*.log"))
        )


@contextlib.asynccontextmanager
async def cluster(
    emulator: BotApiEmulator,
    workdir: Path,
    *,
    instances: int = 2,
    env: dict[str, str] | None = None,
) -> AsyncIterator[Cluster]:
    """HAProxy and ``instances`` webhook instances on a fresh database, started at once."""
    haproxy_or_skip()
    async with fresh_database() as url:
        found = Cluster(emulator, url, workdir, extra_env=env or {})
        try:
            await found.start_haproxy()
            names = list(found.ports)[:instances]
            for name in names:
                await found.start_bot(name, wait=False)
            for name in names:
                await found.wait_log(name, READY_LINE)
            await found.wait_servers_up(tuple(names))
            yield found
        except BaseException:
            print(found.logs())
            raise
        finally:
            await found.stop()
