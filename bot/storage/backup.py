"""``frontdesk backup`` and ``frontdesk restore`` for SQLite; PostgreSQL uses its own tools.

A plain copy of a SQLite database in WAL mode is unsafe: the latest commits may still be in
the ``-wal`` file, and a copy taken while a checkpoint runs can be torn. SQLite's online
backup API (``sqlite3.Connection.backup``) copies a consistent snapshot while the bot keeps
running, page by page, and restarts by itself if a writer changes the database meanwhile.

PostgreSQL: ``pg_dump --format=custom`` and ``pg_restore`` (docs/deploy.md, "Backup").
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from sqlalchemy.engine import make_url

PAGES_PER_STEP = 1024  # lets writers in between steps; a step is about 4 MiB


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why."""


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL, ``None`` for PostgreSQL (or an in-memory database)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def pg_dump_hint(url: str) -> str:
    """The commands to back up and restore a PostgreSQL database (no password shown)."""
    parsed = make_url(url).set(drivername="postgresql", password=None)
    plain = parsed.render_as_string(hide_password=True)
    return (
        "PostgreSQL is backed up with its own tools:\n"
        f"  pg_dump --format=custom --file=frontdesk.dump '{plain}'\n"
        f"  pg_restore --clean --if-exists --no-owner --dbname='{plain}' frontdesk.dump\n"
        "(see docs/deploy.md, Backup)"
    )


def _check(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as connection:
            verdict = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise BackupError(f"{path} is not a usable SQLite database ({exc})") from None
    if verdict != "ok":
        raise BackupError(f"{path} failed its integrity check: {verdict}")


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a consistent snapshot of ``source`` (which may be in use) to ``target``."""
    if not source.is_file():
        raise BackupError(f"no database at {source}")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(partial)) as dst:
            src.backup(dst, pages=PAGES_PER_STEP)
            # The copy is a single self-contained file: no -wal next to it.
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as exc:
        partial.unlink(missing_ok=True)
        raise BackupError(f"{source} could not be copied ({exc})") from None
    _check(partial)
    partial.replace(target)


def restore_sqlite(backup: Path, target: Path) -> None:
    """Put the snapshot ``backup`` in place of the database ``target`` (the bot stopped).

    Written through the backup API too, so the live file's WAL and shared memory stay
    consistent (replacing the file under a ``-wal`` would mix two databases).
    """
    if not backup.is_file():
        raise BackupError(f"no backup at {backup}")
    _check(backup)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with closing(sqlite3.connect(backup)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst, pages=PAGES_PER_STEP)
    except sqlite3.Error as exc:  # e.g. the bot still running and writing
        raise BackupError(f"{target} could not be written ({exc}); is the bot stopped?") from None
    _check(target)
