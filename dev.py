#!/usr/bin/env python3
"""The two set-up commands, needing nothing but Python 3.11+:

    python3 dev.py sandbox     # chat with the bot offline (no token, built-in emulator, SQLite)
    python3 dev.py test        # ruff, mypy, import contracts and the whole test suite

Both create ``.venv`` from the pinned, hash-checked ``requirements.lock`` on first use (and
again whenever the lock changes). Other commands: ``bench``, ``bot`` (run with a token),
``lock`` (re-pin the dependencies; installs ``uv`` into ``.venv`` when missing).

Two locks: ``requirements.lock`` (the program and the dev tools: what ``.venv`` holds) and
``requirements.prod.lock`` (the program only: what the Dockerfile and a server install).
``dev.py lock`` writes both from ``pyproject.toml``, the production one constrained by the
dev one so the versions they share are the same.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
LOCK = ROOT / "requirements.lock"
PROD_LOCK = ROOT / "requirements.prod.lock"
PYTHON = VENV / "bin" / "python"


def _stamp() -> Path:
    digest = hashlib.sha256(LOCK.read_bytes()).hexdigest()[:16]
    return VENV / f".installed-{digest}"


def ensure_environment() -> None:
    """Create or refresh the virtualenv from the lock file."""
    if sys.version_info < (3, 11):  # noqa: UP036 -- dev.py runs under any python3 first
        raise SystemExit("frontdesk needs Python 3.11 or newer")
    if _stamp().exists():
        return
    print("dev.py: installing the pinned dependencies into .venv (first run only) …", flush=True)
    if not PYTHON.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(VENV)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--require-hashes", "--no-deps", "-r", str(LOCK)], check=True)
    for old in VENV.glob(".installed-*"):
        old.unlink()
    _stamp().touch()


def run(*command: str, env: dict[str, str] | None = None) -> int:
    """Run a command inside the virtualenv from the repository root."""
    full_env = {**os.environ, **(env or {})}
    full_env["PATH"] = f"{VENV / 'bin'}{os.pathsep}{full_env.get('PATH', '')}"
    return subprocess.run(command, cwd=ROOT, env=full_env, check=False).returncode


def cmd_test(args: list[str]) -> int:
    steps = [
        ("ruff check", [str(PYTHON), "-m", "ruff", "check", "."]),
        ("ruff format", [str(PYTHON), "-m", "ruff", "format", "--check", "."]),
        ("mypy", [str(PYTHON), "-m", "mypy"]),
        ("import contracts", [str(VENV / "bin" / "lint-imports")]),
    ]
    if "--fast" in args:
        args = [a for a in args if a != "--fast"]
        steps = []
    for name, command in steps:
        print(f"dev.py: {name}", flush=True)
        if code := run(*command):
            print(f"dev.py: {name} failed", file=sys.stderr)
            return code
    print("dev.py: pytest", flush=True)
    return run(str(PYTHON), "-m", "pytest", *args)


def cmd_lock(args: list[str]) -> int:
    """Re-pin requirements.lock with uv, installed into .venv first if missing.

    ``python3 dev.py lock --upgrade-package chinesecalendar`` upgrades one package (e.g. when a
    release knows next year's holidays); extra arguments go to ``uv pip compile``.
    """
    ensure_environment()
    if run(str(PYTHON), "-c", "import uv") != 0:
        print("dev.py: installing uv into .venv (only for re-locking) …", flush=True)
        pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
        if code := run(*pip, "install", "uv"):
            return code
    compile_ = [
        str(PYTHON), "-m", "uv", "pip", "compile", "pyproject.toml", "--generate-hashes",
        "--python-version", "3.11", "--python-platform", "x86_64-manylinux_2_28", "--no-header",
    ]  # fmt: skip
    if code := run(*compile_, "--extra", "dev", "-o", str(LOCK), *args):
        return code
    # The production lock: no dev extra, every version taken from the dev lock just written.
    return run(*compile_, "--constraint", str(LOCK), "-o", str(PROD_LOCK))


COMMANDS = {
    "sandbox": lambda args: run(str(PYTHON), "-m", "bot", *args, env={"FRONTDESK_TOKEN": ""}),
    "bot": lambda args: run(str(PYTHON), "-m", "bot", *args),
    "test": cmd_test,
    "bench": lambda args: run(str(PYTHON), "-m", "bench", *args),
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in {*COMMANDS, "lock"}:
        print(__doc__)
        return 2
    name, args = sys.argv[1], sys.argv[2:]
    if name == "lock":
        return cmd_lock(args)
    ensure_environment()
    return int(COMMANDS[name](args))


if __name__ == "__main__":
    raise SystemExit(main())
