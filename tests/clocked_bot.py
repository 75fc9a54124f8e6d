"""``python -m bot run`` with the wall clock moved, for tests with real processes.

Tests inject the clock (no test reads the real date); a bot process has only the system
clock, so this entry point moves it with time-machine (a dev dependency) before the bot
starts: ``TEST_WALL_CLOCK="<ISO moment>@<monotonic anchor>"`` sets the process's wall clock
to the moment plus the time elapsed since the anchor (``time.monotonic()`` in the test). The
monotonic clock is the machine's, shared by every process and never moved by time-machine,
so several processes started at different times agree on the time, and the clock ticks.
The migration child and the database's own clock (heartbeats, the send budget) keep the
real time, as they would on a host whose clock differs from the database's.
"""

from __future__ import annotations

import os
import time
from datetime import datetime, timedelta

import time_machine

ENV = "TEST_WALL_CLOCK"


def wall_clock(moment: datetime, anchor: float) -> str:
    """The value of :data:`ENV` for ``moment`` at ``anchor`` (``time.monotonic()``)."""
    return f"{moment.isoformat()}@{anchor!r}"


def main() -> None:
    moment, _, anchor = os.environ[ENV].rpartition("@")
    now = datetime.fromisoformat(moment) + timedelta(seconds=time.monotonic() - float(anchor))
    time_machine.travel(now, tick=True).start()
    from bot.cli import main as cli

    cli(["run"])


if __name__ == "__main__":
    main()
