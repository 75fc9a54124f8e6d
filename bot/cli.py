"""``frontdesk``: the sandbox without a token, the real bot with one, and maintenance commands."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy.exc import SQLAlchemyError

from bot.centre import Centre, CentreDataError, load_centre
from bot.clock import Clock, SystemClock, local_today
from bot.logs import configure_logging
from bot.settings import LogFormat, Settings

EXIT_CONFIG = 2


def _settings_problem(error: ValidationError) -> str:
    lines = ["frontdesk: invalid settings:"]
    for item in error.errors():
        name = "FRONTDESK_" + "__".join(str(p) for p in item["loc"] if p != "__root__").upper()
        if name == "FRONTDESK_":
            name = "settings"
        lines.append(f"  {name}: {item['msg']}")
    lines.append("See .env.example for every setting.")
    return "\n".join(lines)


def load_configuration(**overrides: object) -> tuple[Settings, Centre]:
    """Settings and centre data, or a clear message and exit code 2."""
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        print(_settings_problem(exc), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None
    try:
        centre = load_centre(settings.centre_file)
    except CentreDataError as exc:
        print(f"frontdesk: invalid centre data (FRONTDESK_CENTRE_FILE):\n{exc}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None
    return settings, centre


def log_secrets(settings: Settings) -> list[str]:
    """What the logs must never show: the token, and the webhook secret (PTB logs the
    parameters of setWebhook at DEBUG)."""
    found = [settings.token.get_secret_value()] if settings.token else []
    if settings.webhook.secret_token is not None:
        found.append(settings.webhook.secret_token.get_secret_value())
    return found


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="The front desk bot. Without FRONTDESK_TOKEN it opens the offline sandbox.",
    )
    parser.add_argument(
        "--script", type=Path, help="sandbox: play this file of lines and print the transcript"
    )
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="sandbox: keep its SQLite database in this file (or use this database URL); "
        "default: a temporary file, deleted at the end. The sandbox never uses "
        "FRONTDESK_DATABASE_URL.",
    )
    parser.add_argument(
        "--desk",
        choices=("group", "private"),
        default="group",
        help="sandbox: staff answer residents in a staff group's topics (default), or without "
        "a group, in their private chats",
    )
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the bot (default)")
    sub.add_parser("migrate", help="apply database migrations and exit")
    check = sub.add_parser("check", help="validate settings and the centre's data file, then exit")
    check.add_argument(
        "--strict",
        action="store_true",
        help="exit 1 on warnings too (next year's holiday notice unknown from alarm_from on)",
    )
    backup = sub.add_parser(
        "backup", help="SQLite: copy a consistent snapshot of the database while it runs"
    )
    backup.add_argument(
        "--to", type=Path, help="the backup file (default: backups/frontdesk-<UTC time>.db)"
    )
    restore = sub.add_parser(
        "restore", help="SQLite: put a backup in place of the database (stop the bot first)"
    )
    restore.add_argument("backup_file", type=Path, help="a file written by `backup`")
    return parser


def _backup(settings: Settings, to: Path | None) -> None:
    from bot.storage.backup import BackupError, backup_sqlite, pg_dump_hint, sqlite_file

    source = sqlite_file(settings.database_url)
    if source is None:
        print(pg_dump_hint(settings.database_url), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG)
    if to is None:
        stamp = SystemClock().now().strftime("%Y%m%d-%H%M%S")
        to = Path("backups") / f"frontdesk-{stamp}.db"
    try:
        backup_sqlite(source, to)
    except (BackupError, OSError) as exc:
        print(f"frontdesk: backup failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"backed up {source} to {to}")


def _restore(settings: Settings, backup_file: Path) -> None:
    from bot.storage.backup import BackupError, pg_dump_hint, restore_sqlite, sqlite_file

    target = sqlite_file(settings.database_url)
    if target is None:
        print(pg_dump_hint(settings.database_url), file=sys.stderr)
        raise SystemExit(EXIT_CONFIG)
    try:
        restore_sqlite(backup_file, target)
    except (BackupError, OSError) as exc:
        print(f"frontdesk: restore failed: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"restored {target} from {backup_file}")


async def check_warnings(
    settings: Settings,
    centre: Centre,
    clock: Clock | None = None,
    package: Callable[[int], bool] | None = None,
) -> list[str]:
    """What needs attention soon: next year's holiday notice, from ``alarm_from`` on."""
    from bot.app import build_hours
    from bot.storage.db import create_database

    database = create_database(settings.database_url)
    hours = build_hours(centre, database, package=package)
    today = local_today(clock or SystemClock(), centre.zone)
    try:
        with contextlib.suppress(SQLAlchemyError):  # no database yet: file and package decide
            await hours.refresh(today)
        year = hours.calendar.upcoming_unknown_year(today, settings.hours.alarm_month_day)
    finally:
        await database.dispose()
    if year is None:
        return []
    return [
        f"the {year} holiday notice is unknown (package, centre file or /holidays {year}); "
        "answers use statutory holidays only"
    ]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``frontdesk`` command."""
    args = _parser().parse_args(argv)
    settings, centre = load_configuration()
    secrets = log_secrets(settings)
    json_lines = settings.log_format is LogFormat.JSON
    configure_logging(settings.log_level, secrets, json_lines=json_lines)
    if args.command == "check":
        print(f"settings and {settings.centre_file} are valid ({len(centre.venues)} venues)")
        warnings = asyncio.run(check_warnings(settings, centre))
        for warning in warnings:
            print(f"warning: {warning}")
        if warnings and args.strict:
            raise SystemExit(1)
        return
    if args.command == "migrate":
        asyncio.run(_migrate(settings))
        return
    if args.command == "backup":
        _backup(settings, args.to)
        return
    if args.command == "restore":
        _restore(settings, args.backup_file)
        return
    if settings.sandbox or args.script is not None:
        from bot.sandbox import SandboxDatabaseRefused, run_sandbox, sandbox_database

        if settings.log_level != "DEBUG":  # a readable chat: warnings go to a file
            log_file = Path(tempfile.gettempdir()) / "frontdesk-sandbox.log"
            stream = log_file.open("a", encoding="utf-8")  # open for the process's life
            configure_logging(
                "WARNING", secrets, stream, json_lines=json_lines, errors_to_console=True
            )
            print(f"(log lines: {log_file})", file=sys.stderr)
        # Its own database: on a deployed host .env names the production one, and the
        # sandbox writes demo data and gives its staff persona admin rights.
        try:
            with sandbox_database(args.db, production=settings.database_url) as url:
                sandbox_settings = settings.model_copy(update={"database_url": url})
                code = asyncio.run(
                    run_sandbox(sandbox_settings, centre, script=args.script, desk=args.desk)
                )
        except SandboxDatabaseRefused:
            print(
                "frontdesk: --db names the bot's own database (FRONTDESK_DATABASE_URL); "
                "the sandbox keeps a database of its own: give another file.",
                file=sys.stderr,
            )
            raise SystemExit(EXIT_CONFIG) from None
        raise SystemExit(code)
    from bot.runner import run
    from bot.singleton import SQLiteInUse, claim_sqlite

    try:
        held = claim_sqlite(settings.database_url)  # for this process's whole life
    except SQLiteInUse as error:
        print(f"frontdesk: {error}", file=sys.stderr)
        raise SystemExit(EXIT_CONFIG) from None
    try:
        asyncio.run(run(settings, centre))
    finally:
        if held is not None:
            held.close()


async def _migrate(settings: Settings) -> None:
    from bot.storage.db import create_database
    from bot.storage.migrate import upgrade_to_head

    database = create_database(settings.database_url)
    try:
        await upgrade_to_head(database)
    finally:
        await database.dispose()
    print("database is up to date")


if __name__ == "__main__":
    main()
