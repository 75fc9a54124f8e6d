"""The bot as a real process (``python -m bot``) against the emulator of the test: started,
``kill -9``-ed and restarted, as an operator's machine would (issue 14's crash tests)."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from frontdesk_emulator import BotApiEmulator

ROOT = Path(__file__).resolve().parents[1]


def bot_environment(emulator: BotApiEmulator, database_url: str, **extra: str) -> dict[str, str]:
    """Settings for a bot process polling ``emulator`` on ``database_url``."""
    keep = {k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")}
    return {
        **keep,
        "PYTHONPATH": str(ROOT),
        "FRONTDESK_TOKEN": emulator.token,
        "FRONTDESK_API_BASE_URL": emulator.base_url,
        "FRONTDESK_API_FILE_BASE_URL": emulator.base_file_url,
        "FRONTDESK_DATABASE_URL": database_url,
        "FRONTDESK_CENTRE_FILE": str(ROOT / "config" / "centre.yaml"),
        "FRONTDESK_PRIVACY__NOTICE_ON_FIRST_CONTACT": "false",
        "FRONTDESK_INBOX__LEASE_SECONDS": "2",
        "FRONTDESK_INBOX__POLL_SECONDS": "0.2",
        "FRONTDESK_LOG_LEVEL": "INFO",
        **extra,
    }


class BotProcess:
    """One ``python -m bot`` process; its log goes to a file the test can read."""

    def __init__(self, env: dict[str, str], workdir: Path) -> None:
        self.env = env
        self.workdir = workdir
        self.process: asyncio.subprocess.Process | None = None
        self.starts = 0

    @property
    def log_path(self) -> Path:
        return self.workdir / f"bot-{self.starts}.log"

    async def start(self, ready_line: str = "polling for updates", timeout: float = 60) -> None:  # noqa: ASYNC109
        self.starts += 1
        log = self.log_path.open("wb")
        self.process = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "run", cwd=self.workdir, env=self.env,
            stdout=log, stderr=log,
        )  # fmt: skip
        log.close()
        async with asyncio.timeout(timeout):
            while ready_line not in self.log_path.read_text(errors="replace"):
                if self.process.returncode is not None:
                    raise RuntimeError(f"the bot exited:\n{self.log()}")
                await asyncio.sleep(0.1)

    def log(self) -> str:
        return "\n".join(
            (self.workdir / f"bot-{n}.log").read_text(errors="replace")
            for n in range(1, self.starts + 1)
        )

    async def kill(self) -> None:
        """``kill -9``: nothing runs after it, no handler, no finally."""
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                async with asyncio.timeout(30):
                    await self.process.wait()
            except TimeoutError:
                await self.kill()


class TcpProxy:
    """A loopback TCP proxy to PostgreSQL that the test can cut: every connection through it
    dropped, and new ones refused, until :meth:`restore` (the database "away" for a while)."""

    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.port = 0
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> None:
        self._server = await asyncio.start_server(
            self._serve, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self._server.sockets[0].getsockname()[1]

    async def cut(self) -> None:
        """Drop every connection and refuse new ones."""
        if self._server is not None:
            self._server.close()
            self._server = None
        for writer in list(self._writers):
            writer.transport.abort()
        self._writers.clear()

    async def restore(self) -> None:
        await self.start()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.target)
        except OSError:
            writer.transport.abort()
            return
        self._writers.update((writer, up_writer))

        async def pipe(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
            try:
                while data := await source.read(65536):
                    sink.write(data)
                    await sink.drain()
            except (ConnectionError, OSError):
                pass
            finally:
                sink.transport.abort()

        await asyncio.gather(pipe(reader, up_writer), pipe(up_reader, writer))
        self._writers.difference_update((writer, up_writer))
