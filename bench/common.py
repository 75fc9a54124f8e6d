"""Shared helpers for benchmarks: a frontdesk runtime on a scratch database, percentiles."""

from __future__ import annotations

import os
import statistics
import tempfile
from pathlib import Path

from bot.app import build_runtime
from bot.centre import load_centre
from bot.clock import Clock
from bot.runtime import Runtime
from bot.settings import PrivacySettings, Settings

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("PTB_TIMEDELTA", "true")


def scratch_sqlite_url() -> str:
    directory = Path(tempfile.mkdtemp(prefix="frontdesk-bench-"))
    return f"sqlite+aiosqlite:///{directory / 'bench.db'}"


def make_runtime(database_url: str, clock: Clock | None = None, **overrides: object) -> Runtime:
    # Benchmarks play a few very busy residents; the per-resident flood guard would mute them.
    overrides.setdefault("privacy", PrivacySettings(flood_burst=1000, flood_window_seconds=1))
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=None,
        database_url=database_url,
        centre_file=ROOT / "config" / "centre.yaml",
        **overrides,  # type: ignore[arg-type]
    )
    return build_runtime(settings, load_centre(settings.centre_file), clock=clock)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def describe_ms(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return (
        f"p50 {statistics.median(ms):.2f} ms, p99 {percentile(ms, 0.99):.2f} ms, "
        f"max {max(ms):.2f} ms (n={len(ms)})"
    )
