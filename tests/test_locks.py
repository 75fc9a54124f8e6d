"""The production lock carries the program only, and agrees with the dev lock."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^\s\\;]+)", re.MULTILINE)
DEV_TOOLS = {"ruff", "mypy", "pytest", "pytest-asyncio", "import-linter", "time-machine"}


def pins(name: str) -> dict[str, str]:
    text = (ROOT / name).read_text(encoding="utf-8")
    return {m[1].lower().replace("_", "-"): m[2] for m in _PIN.finditer(text)}


def test_production_lock_has_no_dev_tools() -> None:
    """ruff, mypy, pytest and the other dev tools are not installed on a server."""
    prod = pins("requirements.prod.lock")
    assert prod, "the production lock pins nothing"
    assert not DEV_TOOLS & prod.keys()
    assert not any(name.startswith(("types-", "mypy")) for name in prod)


def test_production_lock_holds_the_program() -> None:
    """The program's own dependencies are all there (a server needs nothing else)."""
    prod = pins("requirements.prod.lock")
    for name in ("python-telegram-bot", "sqlalchemy", "asyncpg", "alembic", "prometheus-client"):
        assert name in prod


def test_both_locks_agree_on_shared_versions() -> None:
    """Tests run on exactly the versions production installs."""
    dev, prod = pins("requirements.lock"), pins("requirements.prod.lock")
    assert prod.keys() <= dev.keys()
    assert {name: dev[name] for name in prod} == prod


def test_every_pin_is_hashed() -> None:
    """Both locks are installed with --require-hashes (dev.py, the Dockerfile)."""
    for name in ("requirements.lock", "requirements.prod.lock"):
        blocks = re.split(r"\n(?=[A-Za-z0-9._-]+==)", (ROOT / name).read_text(encoding="utf-8"))
        for block in blocks:
            if _PIN.match(block):
                assert "--hash=sha256:" in block, block.splitlines()[0]
