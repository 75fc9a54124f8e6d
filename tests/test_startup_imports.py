"""Start-up stays light: the heavy libraries load when a chart, spreadsheet or image is made."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# pkg_resources: zhconv imports it only to find its dictionary, which we open ourselves.
# aiohttp: only webhook mode serves with it (polling's probes use asyncio streams); holidays:
# run in a child process to compute statutory days; pypinyin: its data file is read, the
# package (and its phrase dictionary) never imported. PostgreSQL's dialect (about 2 MiB): the
# retention's partial indexes get their `postgresql_where` only when a PostgreSQL engine is
# built (bot.storage.base.partial_index).
HEAVY = (
    "matplotlib", "numpy", "PIL", "openpyxl", "pkg_resources", "aiohttp", "holidays",
    "pypinyin", "sqlalchemy.dialects.postgresql",
)  # fmt: skip

BUILD_THE_BOT = """
import json, sys
from bot.app import build_application, build_runtime
from bot.centre import load_centre
from bot.cli import load_configuration
import bot.runner, bot.probes  # what `python -m bot` imports to serve (polling)
settings, centre = load_configuration(
    _env_file=None, token="123456:abcdefghijklmnop", database_url="sqlite+aiosqlite:///:memory:"
)
build_application(build_runtime(settings, centre))
loaded = {m for m in sys.modules} | {m.split(".")[0] for m in sys.modules}
print(json.dumps(sorted(loaded & set(%r))))
"""


def _run(code: str) -> object:
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PATH": "/usr/bin:/bin", "PTB_TIMEDELTA": "true"},
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_building_the_application_imports_no_heavy_library() -> None:
    """Importing and building the whole application (every feature registered) leaves
    matplotlib, numpy, Pillow, openpyxl, pkg_resources, aiohttp, holidays, pypinyin and
    PostgreSQL's dialect unloaded (SQLite)."""
    assert _run(BUILD_THE_BOT % (HEAVY,)) == []


def test_the_check_sees_a_heavy_library_once_something_imports_it() -> None:
    """The same check reports a heavy library as soon as start-up code imports one."""
    code = BUILD_THE_BOT.replace("import bot.runner", "import bot.runner, openpyxl")
    loaded = _run(code % (HEAVY,))
    assert isinstance(loaded, list)
    assert "openpyxl" in loaded


async def test_the_serving_process_migrates_in_a_child_process(tmp_path: Path) -> None:
    """``prepare`` brings a fresh database to the head revision through a child process, so
    Alembic never loads into the process that serves residents."""
    import sqlite3

    from alembic.script import ScriptDirectory

    from bot.cli import load_configuration
    from bot.runner import prepare
    from bot.storage.migrate import alembic_config

    database = tmp_path / "fresh.db"
    settings, centre = load_configuration(
        _env_file=None,
        token="123456:abcdefghijklmnop",
        database_url=f"sqlite+aiosqlite:///{database}",
        centre_file=ROOT / "config" / "centre.yaml",
    )
    runtime, _ = await prepare(settings, centre)
    await runtime.db.dispose()
    with sqlite3.connect(database) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert {"users", "feedback", "outbox_messages"} <= tables
    assert version == [(ScriptDirectory.from_config(alembic_config()).get_current_head(),)]


def test_startup_objects_are_frozen_out_of_the_collector() -> None:
    """After start-up, the objects alive then are no longer scanned by collections, and
    objects made later are collected as before (a reference cycle made afterwards goes)."""
    import gc
    import weakref

    from bot.memory import freeze_startup_objects

    class Node:
        pass

    try:
        freeze_startup_objects()
        assert gc.get_freeze_count() > 0
        cycle = Node()
        cycle.itself = cycle  # type: ignore[attr-defined]
        gone = weakref.ref(cycle)
        del cycle
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()


STATUTORY_DAYS = """
import json, sys
from bot.services.holiday_calendar import statutory_named
days = statutory_named(2031)
print(json.dumps([len(days), "holidays" in sys.modules]))
"""


def test_statutory_days_leave_the_holidays_package_out_of_the_process() -> None:
    """Computing a year's statutory days (as an ``/hours`` answer does) runs the ``holidays``
    package in a child process: the serving process never imports it."""
    # 13 days: 元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3
    assert _run(STATUTORY_DAYS) == [13, False]


def test_the_child_process_finds_the_same_statutory_days_as_the_package_here() -> None:
    """The child's days and names, parsed back, are what the package gives in-process, for a
    year with 除夕 as a statutory day and one without."""
    from bot.services import holiday_calendar

    for year in (2024, 2026, 2033):
        assert holiday_calendar._package_year_days(year) == (
            holiday_calendar._package_year_days_here(year)
        )


async def test_prefetched_years_need_no_child_process_when_asked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A year fetched at start-up is answered without starting a process; one not fetched
    would start one."""
    from bot.services import holiday_calendar

    await holiday_calendar.prefetch_statutory([2041])
    started: list[object] = []
    monkeypatch.setattr(holiday_calendar.subprocess, "run", lambda *a, **k: started.append(a))
    days = holiday_calendar.statutory_named(2041)
    assert {festival for _day, festival, _eve in days} == set(holiday_calendar.FESTIVALS)
    assert started == []


def test_partial_indexes_keep_their_where_on_postgresql() -> None:
    """The partial indexes declared without PostgreSQL's dialect get their ``WHERE`` on
    PostgreSQL once a PostgreSQL engine is built, as migration 0027 creates them."""
    code = """
import json, sys
from sqlalchemy.schema import CreateIndex
from bot.schema import Base
from bot.storage.db import create_database
from sqlalchemy.dialects import sqlite
names = ("ix_users_blocked", "ix_feedback_identified_updated")
found = {i.name: i for t in Base.metadata.tables.values() for i in t.indexes if i.name in names}
before = "sqlalchemy.dialects.postgresql" in sys.modules
lite = [str(CreateIndex(found[n]).compile(dialect=sqlite.dialect())) for n in names]
create_database("postgresql+asyncpg://nobody@127.0.0.1/none")  # builds, does not connect
create_database("postgresql+asyncpg://nobody@127.0.0.1/none")  # twice: idempotent
from sqlalchemy.dialects import postgresql
pg = [str(CreateIndex(found[n]).compile(dialect=postgresql.dialect())) for n in names]
print(json.dumps([before, lite, pg]))
"""
    before, lite, pg = _run(code)  # type: ignore[misc]
    assert before is False
    wheres = ["blocked_at IS NOT NULL", "user_id IS NOT NULL"]
    for ddl in (lite, pg):
        assert [d.split(" WHERE ")[1] for d in ddl] == wheres
