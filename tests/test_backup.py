"""``python -m bot backup`` / ``restore``: a consistent SQLite snapshot, and a restore that
brings the data back (a plain copy of a WAL database would lose the latest commits)."""

from __future__ import annotations

import asyncio
import os
import shlex
import shutil
import sqlite3
import subprocess
import sys
import uuid
from contextlib import closing
from pathlib import Path

import asyncpg
import pytest

from tests.conftest import IN_CI, PG_ADMIN_URL

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, database_url: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "FRONTDESK_DATABASE_URL": database_url,
        "FRONTDESK_CENTRE_FILE": str(ROOT / "config" / "centre.yaml"),
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def add_user(connection: sqlite3.Connection, telegram_id: int, name: str) -> None:
    connection.execute(
        "INSERT INTO users (telegram_id, first_name, language, language_chosen, created_at, "
        "last_seen_at) VALUES (?, ?, 'zh', 0, '2026-03-02 02:00:00', '2026-03-02 02:00:00')",
        (telegram_id, name),
    )


def names(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as connection:
        return [r[0] for r in connection.execute("SELECT first_name FROM users ORDER BY id")]


def test_backup_change_restore_brings_the_data_back(tmp_path: Path, sqlite_template: Path) -> None:
    """Backup while the database is open in WAL mode, change the data, restore: it is back."""
    live = tmp_path / "data" / "frontdesk.db"
    live.parent.mkdir()
    shutil.copyfile(sqlite_template, live)
    url = f"sqlite+aiosqlite:///{live}"
    holder = sqlite3.connect(live, isolation_level=None)  # a running bot: WAL, not checkpointed
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("PRAGMA wal_autocheckpoint = 0")
    add_user(holder, 1, "王阿姨")
    add_user(holder, 2, "Alice")
    assert (live.parent / "frontdesk.db-wal").stat().st_size > 0

    # Why the command exists: the database file alone does not hold the latest commits yet.
    plain_copy = tmp_path / "plain-copy.db"
    shutil.copyfile(live, plain_copy)
    assert names(plain_copy) == []

    snapshot = tmp_path / "backups" / "snapshot.db"
    result = cli("backup", "--to", str(snapshot), database_url=url, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert names(snapshot) == ["王阿姨", "Alice"]
    assert not (tmp_path / "backups" / "snapshot.db-wal").exists()

    holder.execute("DELETE FROM users WHERE telegram_id = 1")
    add_user(holder, 3, "Mallory")
    holder.close()  # the bot is stopped for a restore
    assert names(live) == ["Alice", "Mallory"]

    result = cli("restore", str(snapshot), database_url=url, home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert names(live) == ["王阿姨", "Alice"]
    with closing(sqlite3.connect(live)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_backup_without_target_names_the_file_by_time(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """Without --to, the backup goes to backups/frontdesk-<UTC time>.db."""
    live = tmp_path / "frontdesk.db"
    shutil.copyfile(sqlite_template, live)
    result = cli("backup", database_url=f"sqlite+aiosqlite:///{live}", home=tmp_path)
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.split(" to ")[1].strip())
    assert written.parent.name == "backups"
    assert written.name.startswith("frontdesk-")
    (ROOT / written).unlink()
    if not any((ROOT / "backups").iterdir()):
        (ROOT / "backups").rmdir()


def test_restore_refuses_a_file_that_is_not_a_database(
    tmp_path: Path, sqlite_template: Path
) -> None:
    """A damaged or wrong backup file is refused and the database is left as it was."""
    live = tmp_path / "frontdesk.db"
    shutil.copyfile(sqlite_template, live)
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database at all" * 100)
    result = cli("restore", str(bad), database_url=f"sqlite+aiosqlite:///{live}", home=tmp_path)
    assert result.returncode == 1
    assert "restore failed" in result.stderr
    assert "Traceback" not in result.stderr
    assert names(live) == []


def test_postgresql_backup_points_to_pg_dump_without_the_password(tmp_path: Path) -> None:
    """On PostgreSQL the command explains pg_dump/pg_restore; the password is never shown."""
    url = "postgresql+asyncpg://frontdesk:s3cret-pw@db.internal:5432/frontdesk"
    result = cli("backup", database_url=url, home=tmp_path)
    assert result.returncode == 2
    assert "pg_dump --format=custom" in result.stderr
    assert "pg_restore" in result.stderr
    assert "s3cret-pw" not in result.stderr + result.stdout


@pytest.mark.postgres
@pytest.mark.skipif(shutil.which("pg_dump") is None, reason="no pg_dump on this machine")
def test_documented_pg_dump_and_pg_restore_bring_the_data_back(tmp_path: Path) -> None:
    """The PostgreSQL commands of docs/deploy.md, as `backup` prints them, round-trip."""
    name = f"frontdesk_backup_{uuid.uuid4().hex[:10]}"
    admin = PG_ADMIN_URL.replace("postgresql+asyncpg://", "postgresql://")

    async def admin_sql(statement: str) -> None:
        connection = await asyncpg.connect(admin, timeout=5)
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    try:
        asyncio.run(admin_sql(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError) as exc:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but unavailable: {exc}")
        pytest.skip(f"no PostgreSQL server: {exc}")
    url = f"{PG_ADMIN_URL.rpartition('/')[0]}/{name}"
    plain = url.replace("postgresql+asyncpg://", "postgresql://")

    async def sql(statement: str) -> list[str]:
        connection = await asyncpg.connect(plain, timeout=5)
        try:
            return [row[0] for row in await connection.fetch(statement)]
        finally:
            await connection.close()

    insert = (
        "INSERT INTO users (telegram_id, first_name, language, language_chosen, created_at, "
        "last_seen_at) VALUES ({id}, '{name}', 'zh', false, now(), now())"
    )
    try:
        assert cli("migrate", database_url=url, home=tmp_path).returncode == 0
        asyncio.run(sql(insert.format(id=1, name="王阿姨")))
        hint = cli("backup", database_url=url, home=tmp_path).stderr
        dump_line, restore_line = (
            line.strip() for line in hint.splitlines() if line.strip().startswith("pg_")
        )
        dump = tmp_path / "frontdesk.dump"
        commands = [
            shlex.split(dump_line.replace("frontdesk.dump", str(dump))),
            shlex.split(restore_line.replace("frontdesk.dump", str(dump))),
        ]
        subprocess.run(commands[0], check=True, capture_output=True, timeout=120)
        asyncio.run(sql("DELETE FROM users"))
        asyncio.run(sql(insert.format(id=2, name="Mallory")))
        subprocess.run(commands[1], check=True, capture_output=True, timeout=120)
        assert asyncio.run(sql("SELECT first_name FROM users ORDER BY id")) == ["王阿姨"]
    finally:
        asyncio.run(admin_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
