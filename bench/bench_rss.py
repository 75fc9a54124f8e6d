"""The bot's memory only: ``python -m bench rss`` (issue 18, idle RSS <= 100 MiB).

The same process layout and load as ``bench foundation``'s throughput scenario (``python -m
bot`` on a fresh SQLite file against a fresh emulator, 100 residents x 10 messages of free
text, ``/hours`` and varied questions), without the echo bot and the head-of-line scenario:
about a minute a round instead of ten. After start-up and again idle after the runs it reads
``/proc/<pid>/status`` (VmRSS) and ``/proc/<pid>/smaps_rollup`` (anonymous memory, i.e. the
heaps, against file-backed pages: the interpreter's and the extensions' code) and counts the
bot's threads.

``--before REV`` runs frontdesk as of git revision REV as well, alternating with the working
tree round by round; ``--floor`` runs the fixed stack's floor bot as well
(``bench/stack_floor_bot.py``: PTB, SQLAlchemy on aiosqlite, pydantic-settings and frontdesk's
Fluent catalogs, one small transaction and a catalog reply per update, no frontdesk code);
``--rounds N`` (default 3); ``--quick`` (1 round, 5 messages each).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench import bench_foundation as foundation

ROOT = foundation.ROOT
SETTLE_SECONDS = 5.0  # idle: after the last reply, as long as a quiet minute's first seconds


def _memory(pid: int) -> dict[str, float]:
    """VmRSS, and the anonymous and file-backed parts of it, in MiB; the thread count."""
    figures = {"rss": foundation._rss_mib(pid)}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Anonymous", "Shared_Clean", "Private_Clean"):
            figures[name.lower()] = int(rest.split()[0]) / 1024
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            figures["threads"] = float(line.split()[1])
    return figures


async def drive(root: Path, kind: str = "frontdesk") -> dict[str, Any]:
    """One fresh emulator, one bot process, the throughput load; the memory figures."""
    from frontdesk_emulator import BotApiEmulator, FloodLimits

    emu = BotApiEmulator(token=foundation.TOKEN, flood=FloodLimits(enabled=False))
    with tempfile.TemporaryDirectory(prefix="frontdesk-bench-") as folder:
        async with emu:
            bot = foundation._start_bot(kind, root, emu, Path(folder), pacing=False)
            try:
                await foundation._ready(emu, bot)
                await asyncio.sleep(0.5)
                start = _memory(bot.pid)
                rates = [
                    (await foundation._throughput(emu, bot.pid, foundation.TEXT, 10_000))["rate"],
                    (await foundation._throughput(emu, bot.pid, "/hours", 20_000))["rate"],
                ]
                questions = foundation._varied_questions()
                varied = await foundation._throughput(
                    emu, bot.pid, foundation.TEXT, 30_000, questions
                )
                rates.append(varied["rate"])
                await asyncio.sleep(SETTLE_SECONDS)
                idle = _memory(bot.pid)
            finally:
                foundation.stop_bot(bot)
    return {"start": start, "idle": idle, "rates": rates}


def _run_driver(root: Path, kind: str = "frontdesk") -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_rss", "--driver", str(root), kind],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "PTB_TIMEDELTA": "true"},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"rss driver failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _line(name: str, when: str, runs: list[dict[str, Any]]) -> str:
    def spread(key: str) -> str:
        values = [r[when][key] for r in runs]
        return "/".join(f"{v:.0f}" for v in (min(values), statistics.median(values), max(values)))

    return (
        f"  {name:22} {when:5}: RSS {spread('rss')} MiB (anonymous {spread('anonymous')}, "
        f"file-backed {spread('private_clean')}+{spread('shared_clean')} private+shared), "
        f"{spread('threads')} threads"
    )


def main() -> None:
    rounds = 1 if foundation.QUICK else int(foundation._argument("--rounds", "3") or 3)
    bots = [("frontdesk", ROOT)]
    if "--floor" in sys.argv:
        bots.append(("stack floor", ROOT))
    before = foundation._argument("--before")
    if before:
        bots.insert(0, (f"frontdesk@{before}", foundation._checkout(before)))
    figures: dict[str, list[dict[str, Any]]] = {name: [] for name, _ in bots}
    for n in range(rounds):
        for name, root in bots if n % 2 == 0 else list(reversed(bots)):
            kind = "floor" if name == "stack floor" else "frontdesk"
            figures[name].append(_run_driver(root, kind))
            idle = figures[name][-1]["idle"]["rss"]
            print(f"round {n + 1}: {name} idle {idle:.1f} MiB", flush=True)
    print(
        f"bot RSS, {rounds} rounds, order alternating ({foundation.USERS} residents x "
        f"{foundation.MESSAGES} messages x 3 kinds, pacing off); min/median/max:"
    )
    for name, _ in bots:
        for when in ("start", "idle"):
            print(_line(name, when, figures[name]))
    for name, _ in bots:
        rates = [statistics.median(r["rates"][k] for r in figures[name]) for k in range(3)]
        print(
            f"  {name:22} updates/s (medians; free text, /hours, varied): "
            + ", ".join(f"{v:.0f}" for v in rates)
            + " (noisy: a side check that a memory cut costs no throughput)"
        )
    print("  target: idle <= 100 MiB")


if __name__ == "__main__":
    if "--driver" in sys.argv:
        at = sys.argv.index("--driver")
        root, kind = Path(sys.argv[at + 1]), sys.argv[at + 2]
        print(json.dumps(asyncio.run(drive(root, kind))))
    else:
        main()
