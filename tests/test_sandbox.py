"""The README's first command: the offline sandbox, played from a script."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_demo_script_plays_offline_and_prints_the_transcript(tmp_path: Path) -> None:
    """`python -m bot --script docs/demo.txt` runs without a token and shows the bot's replies."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("FRONTDESK_")},
        "FRONTDESK_TOKEN": "",
        "FRONTDESK_DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'sandbox.db'}",
    }
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--script", "docs/demo.txt"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "🤖 您好,王阿姨" in out
    assert "[1] 中文  [2] English" in out
    assert "I'll talk to you in English" in out
    assert "-- you are now 李老师 (staff)" in out
    assert "工作人员命令" in out
    assert "this command is for staff only" in out  # the (now English) resident is refused
    assert "Traceback" not in result.stderr
