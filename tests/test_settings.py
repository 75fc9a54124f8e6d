"""Settings and centre data: clear errors instead of tracebacks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.centre import CentreDataError, load_centre
from bot.settings import InstanceRole, Settings

ROOT = Path(__file__).resolve().parents[1]


def test_no_token_means_sandbox() -> None:
    """Without a token the program runs the offline sandbox."""
    assert Settings(_env_file=None, token="").sandbox  # type: ignore[call-arg]


def test_token_is_secret_and_validated() -> None:
    """The token never shows in the settings' repr, and nonsense is refused."""
    settings = Settings(_env_file=None, token="123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # type: ignore[call-arg]
    assert "ABCDEFGHIJ" not in repr(settings)
    with pytest.raises(ValidationError):
        Settings(_env_file=None, token="not a token")  # type: ignore[call-arg]


def test_admin_ids_from_a_comma_list(monkeypatch: pytest.MonkeyPatch) -> None:
    """FRONTDESK_ADMIN_IDS accepts a comma- or space-separated list."""
    monkeypatch.setenv("FRONTDESK_ADMIN_IDS", "1, 2 3")
    assert Settings(_env_file=None).admin_ids == [1, 2, 3]  # type: ignore[call-arg]


def test_bad_setting_exits_2_naming_it(tmp_path: Path) -> None:
    """A bad setting stops the program with exit code 2 and the setting's name, no traceback."""
    env = {"PATH": "/usr/bin:/bin", "FRONTDESK_DATABASE_URL": "mysql://nope", "HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "FRONTDESK_DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_webhook_mode_needs_a_url() -> None:
    """Webhook mode without a URL is refused with the setting named."""
    with pytest.raises(ValidationError, match="FRONTDESK_WEBHOOK__URL"):
        Settings(_env_file=None, mode="webhook")  # type: ignore[call-arg]


PG = "postgresql+asyncpg://frontdesk@127.0.0.1:5432/frontdesk"


def test_an_intake_or_worker_role_needs_postgresql() -> None:
    """SQLite serves one process, which must receive and handle updates: a split role is
    refused with the setting named; on PostgreSQL both roles are fine, and a worker (which
    receives nothing) needs no webhook URL whatever its mode."""
    for role in ("intake", "worker"):
        with pytest.raises(ValidationError, match="FRONTDESK_INSTANCE_ROLE"):
            Settings(_env_file=None, instance_role=role)  # type: ignore[call-arg]
    worker = Settings(_env_file=None, instance_role="worker", database_url=PG, mode="webhook")  # type: ignore[call-arg]
    assert worker.instance_role is InstanceRole.WORKER
    with pytest.raises(ValidationError, match="FRONTDESK_WEBHOOK__URL"):
        Settings(_env_file=None, instance_role="intake", database_url=PG, mode="webhook")  # type: ignore[call-arg]
    assert Settings(_env_file=None).instance_role is InstanceRole.ALL  # type: ignore[call-arg]


def test_centre_file_errors_name_the_place(tmp_path: Path) -> None:
    """A broken centre file is reported with the path of each problem."""
    path = tmp_path / "centre.yaml"
    path.write_text("name: {zh: 中心}\ntimezone: Mars/Olympus\nvenues: []\n", encoding="utf-8")
    with pytest.raises(CentreDataError) as info:
        load_centre(path)
    message = str(info.value)
    assert "name.en" in message
    assert "timezone" in message


def test_shipped_centre_file_is_valid() -> None:
    """The centre's data file in config/ passes validation."""
    centre = load_centre(ROOT / "config" / "centre.yaml")
    assert centre.venues


def test_env_example_as_a_dot_env_is_valid(tmp_path: Path) -> None:
    """Copying .env.example to .env unchanged gives valid settings (empty means "not set")."""
    env_file = tmp_path / ".env"
    env_file.write_text((ROOT / ".env.example").read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(_env_file=env_file)  # type: ignore[call-arg]
    assert settings.sandbox
    assert settings.webhook.secret_token is None
