"""Deployment files: the Dockerfile, deploy/compose.yaml and the systemd unit.

This machine has a Docker client but no daemon and no compose plugin; Debian's
``docker-compose`` (1.29) is in the distribution, and ``.ci/run`` installs it, so the compose
file is validated by ``config`` (no daemon needed; ``docker compose`` is used instead where the
plugin exists). Its structure is checked too: the services and their wiring, and every
``FRONTDESK_*`` variable it sets is a real setting with a valid value (compose cannot know
that). The systemd unit goes through ``systemd-analyze verify``.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from bot.settings import RunMode, Settings
from tests.conftest import IN_CI

ROOT = Path(__file__).resolve().parents[1]
COMPOSE = ROOT / "deploy" / "compose.yaml"
UNIT = ROOT / "deploy" / "frontdesk.service"


def compose() -> dict[str, Any]:
    data = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def interpolate(value: str) -> str:
    """Compose's ${VAR:?message} with a stand-in value, as `docker compose config` would."""
    return re.sub(r"\$\{([A-Z_]+)(:[?-][^}]*)?\}", "pw", value)


def test_dockerfile_is_slim_non_root_and_installs_the_production_lock_only() -> None:
    """Slim base, hash-checked production lock, no dev lock, and a user without privileges."""
    text = (ROOT / "Dockerfile").read_text(encoding="utf-8")
    froms = re.findall(r"^FROM (\S+)", text, re.MULTILINE)
    assert froms
    assert all("slim" in image for image in froms)
    assert "requirements.prod.lock" in text
    assert "requirements.lock" not in text.replace("requirements.prod.lock", "")
    assert "--require-hashes" in text
    final = text.split("\nFROM ")[-1]
    users = re.findall(r"^USER (\S+)", final, re.MULTILINE)
    assert users
    assert users[-1] not in {"root", "0"}
    # USER comes after the last RUN/COPY, so the program runs as that user.
    last_user = final.rindex("\nUSER ")
    assert all(final.rfind(f"\n{step} ") < last_user for step in ("RUN", "COPY"))
    for source in re.findall(r"^COPY (?!--from)(\S+)", text, re.MULTILINE):
        assert (ROOT / source).exists(), source
    ignored = (ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    assert {".env", ".venv", "tests", ".git"} <= set(ignored)


def test_compose_has_postgres_two_bots_and_the_load_balancer() -> None:
    """PostgreSQL, two webhook instances checked on /readyz, and HAProxy with its config."""
    services = compose()["services"]
    assert set(services) == {"postgres", "bot1", "bot2", "lb"}
    for name in ("bot1", "bot2"):
        bot = services[name]
        context = (COMPOSE.parent / bot["build"]["context"]).resolve()
        assert context == ROOT
        assert (context / bot["build"]["dockerfile"]).is_file()
        assert bot["depends_on"]["postgres"]["condition"] == "service_healthy"
        check = " ".join(bot["healthcheck"]["test"])
        port = bot["environment"]["FRONTDESK_WEBHOOK__PORT"]
        assert f":{port}/readyz" in check
        assert bot["environment"]["FRONTDESK_MODE"] == "webhook"
    assert "healthcheck" in services["postgres"]
    mounts = services["lb"]["volumes"]
    assert any(m.startswith("./haproxy.cfg:") for m in mounts)
    assert set(services["lb"]["depends_on"]) == {"bot1", "bot2"}


def _field(model: type[BaseModel], path: list[str]) -> bool:
    name, rest = path[0], path[1:]
    field = model.model_fields.get(name)
    if field is None:
        return False
    if not rest:
        return True
    inner = field.annotation
    return isinstance(inner, type) and issubclass(inner, BaseModel) and _field(inner, rest)


def test_every_setting_in_compose_exists_and_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    """A misspelt FRONTDESK_ variable would be ignored silently: each one names a setting,
    and together (with a token and webhook URL, as .env gives) they are valid settings."""
    environment = compose()["services"]["bot1"]["environment"]
    for key in environment:
        assert key.startswith("FRONTDESK_")
        path = key.removeprefix("FRONTDESK_").lower().split("__")
        assert _field(Settings, path), f"{key} is not a setting"
        monkeypatch.setenv(key, interpolate(str(environment[key])))
    monkeypatch.setenv("FRONTDESK_TOKEN", "123456:ABCDEFGHIJKLMNOP")
    monkeypatch.setenv("FRONTDESK_WEBHOOK__URL", "https://bot.example.org/telegram")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.mode is RunMode.WEBHOOK
    assert settings.database_url.startswith("postgresql+asyncpg://frontdesk:pw@postgres:5432/")
    assert settings.webhook.listen == "0.0.0.0"


def compose_tool() -> list[str] | None:
    """`docker compose` (the plugin) if it works, else Debian's `docker-compose` (1.29)."""
    docker = shutil.which("docker")
    if docker is not None:
        found = subprocess.run(
            [docker, "compose", "version"], capture_output=True, check=False, timeout=30
        )
        if found.returncode == 0:
            return [docker, "compose"]
    legacy = shutil.which("docker-compose")
    return [legacy] if legacy is not None else None


def compose_or_skip() -> list[str]:
    """The compose tool; CI installs Debian's docker-compose (.ci/run), elsewhere: skipped."""
    tool = compose_tool()
    if tool is None:
        if IN_CI:
            pytest.fail("docker-compose is required in CI (.ci/run installs it)")
        pytest.skip("neither `docker compose` nor docker-compose (apt-get install docker-compose)")
    return tool


def run_config(
    tool: list[str], where: Path, password: str | None
) -> subprocess.CompletedProcess[str]:
    """`config --quiet` (no daemon needed) on the compose file under ``where``."""
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(where)}
    if password is not None:
        env["POSTGRES_PASSWORD"] = password
    file = str(where / "deploy" / "compose.yaml")
    return subprocess.run(
        [*tool, "-p", "frontdesk", "-f", file, "config", "--quiet"],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )  # fmt: skip


def deploy_copy(tmp_path: Path, text: str | None = None) -> Path:
    """The compose file and the HAProxy config in a scratch checkout with an empty .env (the
    real one holds the token and may be absent)."""
    (tmp_path / "deploy").mkdir(parents=True)
    (tmp_path / "deploy" / "compose.yaml").write_text(
        COMPOSE.read_text(encoding="utf-8") if text is None else text, encoding="utf-8"
    )
    shutil.copy(COMPOSE.parent / "haproxy.cfg", tmp_path / "deploy" / "haproxy.cfg")
    shutil.copy(ROOT / "Dockerfile", tmp_path / "Dockerfile")
    (tmp_path / ".env").write_text("", encoding="utf-8")
    return tmp_path


def test_docker_compose_config_validates(tmp_path: Path) -> None:
    """`docker compose config` (or Debian's docker-compose 1.29) accepts the file, and the
    same tool refuses it without the database password and with a misspelt key (so a pass
    means something)."""
    tool = compose_or_skip()
    good = run_config(tool, deploy_copy(tmp_path / "good"), "pw")
    assert good.returncode == 0, good.stderr
    unset = run_config(tool, deploy_copy(tmp_path / "unset"), None)
    assert unset.returncode != 0
    assert "POSTGRES_PASSWORD" in unset.stderr
    broken = COMPOSE.read_text(encoding="utf-8").replace("healthcheck:", "healthchek:", 1)
    typo = run_config(tool, deploy_copy(tmp_path / "typo", broken), "pw")
    assert typo.returncode != 0
    assert "healthchek" in typo.stderr


def test_systemd_unit_runs_the_bot_unprivileged() -> None:
    """The unit runs `python -m bot run` as its own user, settings from an environment file."""
    text = UNIT.read_text(encoding="utf-8")
    assert re.search(r"^ExecStart=\S+/python -m bot run$", text, re.MULTILINE)
    assert re.search(r"^User=frontdesk$", text, re.MULTILINE)
    assert re.search(r"^EnvironmentFile=", text, re.MULTILINE)
    assert re.search(r"^Restart=on-failure$", text, re.MULTILINE)


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="no systemd-analyze")
def test_systemd_unit_verifies(tmp_path: Path) -> None:
    """`systemd-analyze verify` accepts the unit (its python pointed at one that exists)."""
    text = UNIT.read_text(encoding="utf-8")
    unit = tmp_path / "frontdesk.service"
    unit.write_text(
        re.sub(r"^ExecStart=\S+", f"ExecStart={sys.executable}", text, flags=re.MULTILINE),
        encoding="utf-8",
    )
    result = subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True, text=True, check=False, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "frontdesk.service" not in result.stderr, result.stderr
