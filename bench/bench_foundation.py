"""frontdesk against a bare PTB echo bot, each a separate process on a fresh emulator.

Every measurement starts a *driver* process that runs a fresh emulator and the simulated
residents, and starts the bot as its own process (``python -m bot`` for frontdesk, exactly
as deployed, on a fresh SQLite file; a 20-line PTB echo bot otherwise). The order of the bots
alternates from one round to the next, so neither always runs first on a cold machine.

* Throughput: 100 residents each send 10 messages at once (free text "食堂几点开门",
  ``/hours``, and "varied": a different question of eval/generated.yaml in every message, so
  that the bot's memos of a repeated question do not carry the figure), pacing off on both
  sides; updates/s until every reply arrived, and the bot
  process's CPU seconds per update (``/proc/<pid>/stat``). The ratio frontdesk/echo is taken
  within each round; min/median/max over the rounds are reported.
* Head of line: pacing on (the bot's limiter, the emulator's flood control at Telegram's
  scale); 16 residents each send 12 messages at once, while 30 unrelated residents ask one
  question each, one after another over those ~12 s; their latency (p50/p99/max).
* Memory: the bot's resident set size after start-up, and idle after the runs.

``--before REV`` also runs frontdesk as of git revision REV (``git archive`` into a
temporary directory), side by side in the same rounds. ``--rounds N`` (default 3),
``--quick`` (1 round, fewer messages). ``--only hol``: the head-of-line runs alone, ``N``
rounds of them with the order of the frontdesk codes alternating (``--only throughput``:
the throughput rounds alone).
"""

from __future__ import annotations

import asyncio
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Nothing of frontdesk is imported here at module level: the echo bot runs this module too,
# and must stay a bare PTB process.
ROOT = Path(__file__).resolve().parents[1]

TOKEN = "200000001:BENCH-token-abcdef"
TEXT = "食堂几点开门"
QUICK = "--quick" in sys.argv
USERS = 100
MESSAGES = 5 if QUICK else 10
BURSTERS = 16
BURST = 12
TICKS = os.sysconf("SC_CLK_TCK")


def _argument(name: str, default: str | None = None) -> str | None:
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


# -- the bot processes ----------------------------------------------------------------------


def echo_main(base_url: str, file_url: str) -> None:
    """A bare PTB echo bot (the reference): concurrent updates, no rate limiter."""
    from telegram import Update
    from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters

    async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if update.effective_message and update.effective_message.text:
            await update.effective_message.reply_text(update.effective_message.text)

    app = (
        ApplicationBuilder()
        .token(TOKEN)
        .base_url(base_url)
        .base_file_url(file_url)
        .concurrent_updates(64)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, echo))
    app.run_polling(poll_interval=0, timeout=10, close_loop=False)


def _start_bot(
    kind: str, root: Path, emu: Any, folder: Path, pacing: bool
) -> subprocess.Popen[bytes]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(folder),
        "PTB_TIMEDELTA": "true",
        "PYTHONPATH": str(root),
    }
    for name in ("PYTHONOPTIMIZE", "MALLOC_ARENA_MAX"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    if kind == "echo":
        command = [sys.executable, "-m", "bench.bench_foundation", "--echo-bot",
                   emu.base_url, emu.base_file_url]  # fmt: skip
        return subprocess.Popen(command, cwd=ROOT, env={**env, "PYTHONPATH": str(ROOT)})
    env.update(
        {
            "FRONTDESK_TOKEN": emu.token,
            "FRONTDESK_API_BASE_URL": emu.base_url,
            "FRONTDESK_API_FILE_BASE_URL": emu.base_file_url,
            "FRONTDESK_DATABASE_URL": f"sqlite+aiosqlite:///{folder / 'bench.db'}",
            "FRONTDESK_RATE_LIMIT": "true" if pacing else "false",
            "FRONTDESK_LOG_LEVEL": "WARNING",
            "FRONTDESK_PRIVACY__NOTICE_ON_FIRST_CONTACT": "false",
            # The residents here are deliberately busy; the flood guard would mute them.
            "FRONTDESK_PRIVACY__FLOOD_BURST": "1000",
            "FRONTDESK_PRIVACY__FLOOD_WINDOW_SECONDS": "1",
        }
    )
    # "floor": the fixed stack alone with frontdesk's settings (bench/stack_floor_bot.py)
    module = "bench.stack_floor_bot" if kind == "floor" else "bot"
    return subprocess.Popen([sys.executable, "-m", module], cwd=root, env=env)


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# -- the driver (emulator + residents) --------------------------------------------------------


async def _ready(emu: Any, bot: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 180  # a loaded machine starts slowly
    while not emu.calls("getUpdates"):
        if bot.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"the bot did not start (exit code {bot.poll()})")
        await asyncio.sleep(0.05)


def _profile(pid: int, text: str, varied: bool) -> subprocess.Popen[bytes] | None:
    """py-spy on the bot during one measured burst, when ``FRONTDESK_BENCH_PYSPY`` names the
    py-spy program (collapsed stacks into ``FRONTDESK_BENCH_PROFILE_DIR``); never by default."""
    program = os.environ.get("FRONTDESK_BENCH_PYSPY")
    if not program:
        return None
    folder = Path(os.environ.get("FRONTDESK_BENCH_PROFILE_DIR", tempfile.gettempdir()))
    name = "varied" if varied else "hours" if text.startswith("/") else "text"
    output = folder / f"pyspy-{pid}-{name}.txt"
    command = [program, "record", "--pid", str(pid), "--format", "raw", "--rate", "200",
               "--output", str(output)]  # fmt: skip
    profiler = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)  # attached before the burst starts
    return profiler


def _varied_questions() -> list[str]:
    """Every question of the generated evaluation set, each different (venues, aliases, day
    words, typos, dialect, English): no memo of a repeated text can carry the bench."""
    import yaml

    data = yaml.safe_load((ROOT / "eval" / "generated.yaml").read_text(encoding="utf-8"))
    return [str(item["q"]) for item in data["items"]]


async def _throughput(
    emu: Any, pid: int, text: str, first_id: int, texts: list[str] | None = None
) -> dict[str, float]:
    """``text`` from everyone, or (``texts``) a different question in every message."""
    people = [emu.user(first_id + i, first_name=f"R{i}", language_code="zh") for i in range(USERS)]
    for person in people:  # warm-up: registration, connection pool
        await person.send(text)
        await person.wait_message(timeout=60)

    async def burst(n: int, person: Any) -> None:
        for k in range(MESSAGES):
            await person.send(texts[(n * MESSAGES + k) % len(texts)] if texts else text)
        for _ in range(MESSAGES):
            await person.wait_message(timeout=120)

    profiler = _profile(pid, text, varied=texts is not None)
    cpu = _cpu_seconds(pid)
    started = time.perf_counter()
    await asyncio.gather(*(burst(n, p) for n, p in enumerate(people)))
    elapsed = time.perf_counter() - started
    if profiler is not None:
        profiler.send_signal(signal.SIGINT)
        profiler.wait(timeout=60)
    updates = USERS * MESSAGES
    return {"rate": updates / elapsed, "cpu_ms": (_cpu_seconds(pid) - cpu) / updates * 1000}


async def _head_of_line(emu: Any) -> dict[str, float]:
    bursting = [
        emu.user(50_000 + i, first_name=f"B{i}", language_code="zh") for i in range(BURSTERS)
    ]
    # Each sample is a different unrelated resident asking once: their own chat's pacing
    # (one reply a second) must not be what is measured.
    # FRONTDESK_BENCH_HOL_SAMPLES (default 30): more samples make the p99 more than one value.
    samples = int(os.environ.get("FRONTDESK_BENCH_HOL_SAMPLES", "30"))
    unrelated = [
        emu.user(60_000 + i, first_name=f"U{i}", language_code="zh") for i in range(samples)
    ]
    for person in [*bursting, *unrelated]:  # registered before the burst, as regulars are
        await person.send(TEXT)
        await person.wait_message(timeout=60)
    await asyncio.sleep(3)  # every chat's pacing allowance refilled
    for person in bursting:
        for _ in range(BURST):
            await person.send(TEXT)
    latencies = []
    for person in unrelated:  # spread over the ~BURST seconds the bursts take
        started = time.perf_counter()
        await person.send(TEXT)
        await person.wait_message(timeout=120)
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(max(0.0, BURST / samples - latencies[-1]))
    for person in bursting:
        while len(person.messages) < BURST + 1:
            await person.wait_message(timeout=120)
    from bench.common import percentile

    ms = [v * 1000 for v in latencies]
    return {"p50": statistics.median(ms), "p99": percentile(ms, 0.99), "max": max(ms),
            "n": len(ms)}  # fmt: skip


async def drive(kind: str, root: Path, scenario: str) -> dict[str, Any]:
    """One fresh emulator, one bot process, one scenario; the figures as a dict."""
    from frontdesk_emulator import BotApiEmulator, FloodLimits

    pacing = scenario == "head-of-line"
    emu = BotApiEmulator(token=TOKEN, flood=FloodLimits(enabled=pacing))
    with tempfile.TemporaryDirectory(prefix="frontdesk-bench-") as folder:
        async with emu:
            bot = _start_bot(kind, root, emu, Path(folder), pacing)
            try:
                await _ready(emu, bot)
                await asyncio.sleep(0.5)
                result: dict[str, Any] = {"rss_start": _rss_mib(bot.pid)}
                if pacing:
                    result.update(await _head_of_line(emu))
                else:
                    result["text"] = await _throughput(emu, bot.pid, TEXT, 10_000)
                    result["hours"] = await _throughput(emu, bot.pid, "/hours", 20_000)
                    result["varied"] = await _throughput(
                        emu, bot.pid, TEXT, 30_000, _varied_questions()
                    )
                    await asyncio.sleep(1)
                    result["rss_idle"] = _rss_mib(bot.pid)
                result["429"] = emu.stats()["429"]
            finally:
                stop_bot(bot)
    return result


def stop_bot(bot: subprocess.Popen[bytes]) -> None:
    """SIGTERM, as a service manager stops it; killed if it has not ended within 30 s."""
    bot.send_signal(signal.SIGTERM)
    try:
        bot.wait(timeout=30)
    except subprocess.TimeoutExpired:
        bot.kill()


def _run_driver(kind: str, root: Path, scenario: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.bench_foundation", "--driver", kind, str(root), scenario],
        cwd=ROOT, capture_output=True, text=True, timeout=900, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT), "PTB_TIMEDELTA": "true"},
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"{kind} {scenario} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


# -- the orchestrator -------------------------------------------------------------------------


@dataclass
class Bot:
    name: str
    kind: str
    root: Path


def _checkout(revision: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-before-"))
    archive = subprocess.run(
        ["git", "archive", revision], cwd=ROOT, capture_output=True, check=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def _spread(values: list[float], fmt: str = "{:.2f}") -> str:
    return "/".join(fmt.format(v) for v in (min(values), statistics.median(values), max(values)))


def compare() -> None:
    rounds = 1 if QUICK else int(_argument("--rounds", "3") or 3)
    bots = [Bot("echo", "echo", ROOT), Bot("frontdesk", "frontdesk", ROOT)]
    before = _argument("--before")
    if before:
        bots.insert(1, Bot(f"frontdesk@{before}", "frontdesk", _checkout(before)))
    only = _argument("--only")
    if only != "hol":
        _throughput_rounds(bots, rounds)
    if only != "throughput":
        _head_of_line_rounds(bots[1:], rounds if only == "hol" else 1)


def _throughput_rounds(bots: list[Bot], rounds: int) -> None:
    figures: dict[str, list[dict[str, Any]]] = {bot.name: [] for bot in bots}
    for n in range(rounds):
        order = bots if n % 2 == 0 else list(reversed(bots))
        for bot in order:
            figures[bot.name].append(_run_driver(bot.kind, bot.root, "throughput"))
        print(f"round {n + 1}: " + ", ".join(
            f"{b.name} {figures[b.name][-1]['text']['rate']:.0f}/s" for b in order
        ), flush=True)  # fmt: skip
    echo = figures["echo"]
    print(f"throughput and CPU per update, {rounds} rounds, order alternating "
          f"({USERS} residents x {MESSAGES} messages, pacing off); min/median/max:")  # fmt: skip
    for bot in bots:
        runs = figures[bot.name]
        for key, label in (("text", "free text"), ("hours", "/hours"), ("varied", "varied")):
            rates = [r[key]["rate"] for r in runs]
            cpu = [r[key]["cpu_ms"] for r in runs]
            line = f"  {bot.name:22} {label:9}: {_spread(rates, '{:.0f}')} updates/s, "
            line += f"CPU {_spread(cpu)} ms/update"
            if bot.kind != "echo":
                ratio = [r[key]["rate"] / e[key]["rate"] for r, e in zip(runs, echo, strict=True)]
                cost = [
                    r[key]["cpu_ms"] / e[key]["cpu_ms"] for r, e in zip(runs, echo, strict=True)
                ]
                line += f"; throughput {_spread(ratio)}x echo (target >= 0.9), "
                line += f"CPU {_spread(cost)}x echo (target <= 1.5)"
            print(line)
        starts = [r["rss_start"] for r in runs]
        idle = [r["rss_idle"] for r in runs]
        print(f"  {bot.name:22} RSS after start {_spread(starts, '{:.0f}')} MiB, "
              f"idle after the runs {_spread(idle, '{:.0f}')} MiB (target <= 100)")  # fmt: skip


def _head_of_line_rounds(bots: list[Bot], rounds: int) -> None:
    print(
        f"head of line: one resident asking while {BURSTERS} residents each send {BURST} "
        "messages, pacing on (Telegram's limits):",
        flush=True,
    )
    runs: dict[str, list[dict[str, Any]]] = {bot.name: [] for bot in bots}
    for n in range(rounds):
        for bot in bots if n % 2 == 0 else list(reversed(bots)):
            load = os.getloadavg()[0]  # the machine is shared: say how busy it was
            hol = _run_driver(bot.kind, bot.root, "head-of-line")
            runs[bot.name].append(hol)
            print(
                f"  {bot.name:22} p50 {hol['p50']:.0f} ms, p99 {hol['p99']:.0f} ms, "
                f"max {hol['max']:.0f} ms (n={hol['n']}, 429s: {hol['429']}, load {load:.1f}) "
                "(target p99 < 200)",
                flush=True,
            )
    if rounds > 1:
        print(f"head of line over {rounds} rounds, order alternating; min/median/max:")
        for bot in bots:
            line = ", ".join(
                f"{key} {_spread([r[key] for r in runs[bot.name]], '{:.0f}')} ms"
                for key in ("p50", "p99", "max")
            )
            print(f"  {bot.name:22} {line}")


def main() -> None:
    compare()


if __name__ == "__main__":
    if "--echo-bot" in sys.argv:
        at = sys.argv.index("--echo-bot")
        echo_main(sys.argv[at + 1], sys.argv[at + 2])
    elif "--driver" in sys.argv:
        at = sys.argv.index("--driver")
        kind, root, scenario = sys.argv[at + 1 : at + 4]
        print(json.dumps(asyncio.run(drive(kind, Path(root), scenario))))
    else:
        main()
