"""Fixtures: both databases, a controlled clock, and the real bot on the emulator.

Every test that takes ``database_url`` (directly or through ``bot``) runs twice: on SQLite
and on PostgreSQL. PostgreSQL tests skip when no server answers, except in CI (``CI=true``),
where a missing server is an error.

``pytest --today 2027-06-15`` runs the whole suite with the wall clock moved to that day
(time-machine; the clock keeps ticking): no test may depend on the real date.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import sys
import uuid
from collections.abc import AsyncIterator, Callable, Generator, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import FrameType
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text

from bot.app import FrontdeskApplication, build_hours, build_runtime, outbox_sender
from bot.centre import Centre, load_centre
from bot.clock import ManualClock
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services.holiday_calendar import HolidayCalendar
from bot.settings import DeliverySettings, PrivacySettings, Settings
from bot.storage.db import Database, create_database
from bot.storage.migrate import upgrade_to_head
from bot.testing import running_bot, settle
from bot.understanding.matcher import QuestionMatcher
from frontdesk_emulator import BotApiEmulator, FloodLimits

ROOT = Path(__file__).resolve().parents[1]
PG_ADMIN_URL = os.environ.get(
    "FRONTDESK_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test"
)
os.environ.setdefault("PTB_TIMEDELTA", "true")  # PTB's int durations are deprecated (warnings fail)
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
# A Monday, 10:00 in Shanghai: the canteen is open, nothing is a holiday.
DEFAULT_NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


ESCAPED_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);")
# Catalog texts that show an entity on purpose: they teach staff how to write a literal "<".
TAUGHT_ENTITIES = ("as &lt;.", "写成 &lt;。")


def escaped_entities_shown(emulator: BotApiEmulator) -> list[str]:
    """Every text the bot showed (messages, edits, captions, toasts) that reads "&amp;" etc."""
    core = emulator.core
    # What people typed themselves ("&amp;" as a name) is shown as typed, rightly.
    typed = [str(v) for user in core.users.values() for v in user.values() if isinstance(v, str)]
    typed += [
        str(m.get(key))
        for chat in core.chats.values()
        for m in chat.messages.values()
        for key in ("text", "caption")
        if m.get(key) and not m.get("from", {}).get("is_bot")
    ]
    typed = sorted((t for t in typed if ESCAPED_ENTITY.search(t)), key=len, reverse=True)
    typed += TAUGHT_ENTITIES
    texts: list[str] = []
    for chat in core.chats.values():
        messages = [message for _, message in chat.events] + list(chat.bot_messages.values())
        texts += [m.text for m in messages if m.text]
    texts += [a.get("text") or "" for answers in core.callback_answers.values() for a in answers]
    shown = []
    for message_text in texts:
        stripped = message_text
        for own in typed:
            stripped = stripped.replace(own, "")
        if ESCAPED_ENTITY.search(stripped):
            shown.append(message_text)
    return sorted(set(shown))


@pytest.fixture(autouse=True)
def no_escaped_entities(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Fail any test in which the bot showed someone an escaped entity such as "A&amp;B"."""
    if request.path.parent.name == "emulator":  # the emulator's own tests send raw HTML
        yield
        return
    emulators: list[BotApiEmulator] = []
    original_init = BotApiEmulator.__init__

    def recording_init(self: BotApiEmulator, *args: object, **kwargs: object) -> None:
        original_init(self, *args, **kwargs)  # type: ignore[arg-type]
        emulators.append(self)

    monkeypatch.setattr(BotApiEmulator, "__init__", recording_init)
    yield
    shown = [found for emulator in emulators for found in escaped_entities_shown(emulator)]
    if shown:
        pytest.fail(f"the bot showed escaped HTML entities: {shown!r}")


async def _migrate(url: str) -> None:
    database = create_database(url)
    try:
        await upgrade_to_head(database)
    finally:
        await database.dispose()


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgresql+asyncpg://", "postgresql://")


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for every test (migrating once is much faster)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    asyncio.run(_migrate(f"sqlite+aiosqlite:///{path}"))
    return path


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A fresh PostgreSQL database for this test run, migrated once, dropped at the end."""
    name = f"frontdesk_test_{uuid.uuid4().hex[:10]}"
    admin = _asyncpg_dsn(PG_ADMIN_URL)

    async def create() -> None:
        connection = await asyncpg.connect(admin, timeout=5)
        try:
            await connection.execute(f'CREATE DATABASE "{name}"')
        finally:
            await connection.close()

    async def drop() -> None:
        connection = await asyncpg.connect(admin, timeout=5)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()

    try:
        asyncio.run(create())
    except (OSError, asyncpg.PostgresError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unavailable: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    url = f"{base}/{name}"
    asyncio.run(_migrate(url))
    yield url
    asyncio.run(drop())


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty, migrated database of each kind."""
    if request.param == "sqlite":
        target = tmp_path / "frontdesk.db"
        shutil.copyfile(request.getfixturevalue("sqlite_template"), target)
        yield f"sqlite+aiosqlite:///{target}"
        return
    url: str = request.getfixturevalue("postgres_database")
    yield url
    asyncio.run(_truncate_all(url))


async def _truncate_all(url: str) -> None:
    connection = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        tables = await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
            "AND tablename <> 'alembic_version'"
        )
        if tables:
            names = ", ".join(f'"{row["tablename"]}"' for row in tables)
            await connection.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    finally:
        await connection.close()


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """The test's database, in the test's event loop."""
    db = create_database(database_url)
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog()


@pytest.fixture(scope="session")
def centre() -> Centre:
    return load_centre(ROOT / "config" / "centre.yaml")


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    """The free-text matcher over the real centre, one per test module (a module may still
    build its own, with another calendar or FAQ)."""
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DEFAULT_NOW)


@pytest.fixture
def settings(database_url: str) -> Settings:
    """Settings as the tests want them, independent of the developer's environment."""
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=None,
        database_url=database_url,
        centre_file=ROOT / "config" / "centre.yaml",
        rate_limit=False,
        admin_ids=[],
        # Feature tests read a new user's first reply as the answer; tests/test_privacy*.py
        # turn the first-contact privacy notice back on.
        privacy=PrivacySettings(notice_on_first_contact=False),
        # The background sender wakes when a handler commits to the outbox, but never polls
        # on its own: a test that moves the clock decides when due messages go (bot.drain()).
        delivery=DeliverySettings(poll_seconds=3600),
    )


@pytest.fixture
def runtime(
    settings: Settings, centre: Centre, database: Database, clock: ManualClock, catalog: Catalog
) -> Runtime:
    # Holiday answers must not change when chinesecalendar is upgraded: the tests see a package
    # that knows the years up to 2026, as 1.11.0 does.
    hours = build_hours(centre, database, package=package_known_until(2026))
    return build_runtime(
        settings, centre, database=database, clock=clock, catalog=catalog, hours=hours
    )


def package_known_until(last: int) -> Callable[[int], bool]:
    """A stand-in for ``package_covers``: the holiday package knows the years up to ``last``."""
    return lambda year: 2004 <= year <= last


@pytest.fixture
def flood() -> FloodLimits:
    """Flood control off unless a test overrides this fixture."""
    return FloodLimits(enabled=False)


@pytest.fixture
async def emulator(flood: FloodLimits) -> AsyncIterator[BotApiEmulator]:
    emu = BotApiEmulator(token="123456:TEST-token-not-real", flood=flood)
    await emu.start()
    yield emu
    await emu.stop()


@dataclass
class Bot:
    """The running bot and what a test needs around it."""

    app: FrontdeskApplication
    emu: BotApiEmulator
    runtime: Runtime
    clock: ManualClock

    async def settle(self) -> None:
        """Wait until every update sent so far is handled and every due outbox row is sent."""
        await asyncio.wait_for(settle(self.app, self.emu), timeout=10)
        await self.drain()

    async def drain(self) -> int:
        """Deliver every outbox message that is due at the clock's current time; returns how
        many were handled, by this drain or by the application's own sender meanwhile: the
        drain's commits wake that sender, which may take a batch first when the machine is
        loaded (a CI run counted 0 for a message that was delivered all the same)."""
        sender = outbox_sender(self.app)
        before = sender.stats.total()  # no await before this: nothing else has run yet
        await sender.drain()  # its last look waits for the other's batch (one lock)
        return sender.stats.total() - before

    async def sql(self, statement: str) -> list[tuple[object, ...]]:
        async with self.runtime.db.read() as session:
            return [tuple(row) for row in (await session.execute(text(statement))).all()]


@pytest.fixture
async def bot(runtime: Runtime, emulator: BotApiEmulator, clock: ManualClock) -> AsyncIterator[Bot]:
    """The real application, long-polling the emulator."""
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        yield Bot(app=app, emu=emulator, runtime=runtime, clock=clock)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--today",
        default=None,
        help="run as if the wall clock read this day (YYYY-MM-DD), 10:00 in Shanghai",
    )


def pytest_configure(config: pytest.Config) -> None:
    today = config.getoption("--today")
    if today:
        import time_machine

        moment = datetime.fromisoformat(f"{today}T10:00:00+08:00")
        traveller = time_machine.travel(moment, tick=True)
        traveller.start()
        config.stash[_TRAVELLER] = traveller


def pytest_unconfigure(config: pytest.Config) -> None:
    traveller = config.stash.get(_TRAVELLER, None)
    if traveller is not None:
        traveller.stop()


def pytest_report_header(config: pytest.Config) -> str | None:
    today = config.getoption("--today")
    return f"wall clock moved to {today} 10:00 Asia/Shanghai (--today)" if today else None


_TRAVELLER = pytest.StashKey["object"]()


# -- a hung test: what every asyncio task was waiting for -------------------------------------
# pyproject.toml: faulthandler dumps the threads' stacks after 240 s, pytest-timeout fails the
# test after 300 s by SIGALRM, which raises inside the event loop's select(): the traceback
# then only says "the loop was idle". Before it does, each task's chain of awaits is written
# out, which names what never came (a CI run once hung idle in tests/test_broadcast.py).


def asyncio_task_chains() -> str:
    """Every task of the running loop with its chain of awaits, innermost last."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return "no asyncio loop running\n"
    lines = [f"asyncio tasks at the timeout ({loop!r}), each awaiting the line below:"]
    for task in sorted(asyncio.all_tasks(loop), key=lambda t: t.get_name()):
        lines.append(f"- task {task.get_name()!r}")
        awaited: Any = task.get_coro()
        while awaited is not None:
            frame = getattr(awaited, "cr_frame", None) or getattr(awaited, "ag_frame", None)
            if frame is None:
                lines.append(f"    {awaited!r}")
                break
            code = frame.f_code
            lines.append(f"    {code.co_qualname} ({code.co_filename}:{frame.f_lineno})")
            awaited = getattr(awaited, "cr_await", None) or getattr(awaited, "ag_await", None)
    return "\n".join(lines) + "\n"


@pytest.hookimpl(wrapper=True)
def pytest_timeout_set_timer(item: pytest.Item, settings: Any) -> Generator[None, Any, Any]:
    """pytest-timeout's SIGALRM handler, preceded by :func:`asyncio_task_chains`."""
    result = yield
    handler = signal.getsignal(signal.SIGALRM)
    if settings.method == "signal" and callable(handler):

        def with_tasks(signum: int, frame: FrameType | None) -> None:
            __tracebackhide__ = True
            sys.stderr.write(asyncio_task_chains())
            sys.stderr.flush()
            handler(signum, frame)

        signal.signal(signal.SIGALRM, with_tasks)
    return result
