"""Staff answers in words and the digest chart in each language (issue 16).

Measures the time to read one staff answer (dates, times, prices, sizes, a whole course
field, an event start), and the time and memory to draw the 14-day digest chart in Chinese
(Noto Sans CJK SC from mplfonts, bot/fonts.py) against English.
Run: ``python -m bench staff_input``.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.features.events import service as events
from bot.features.feedback import digest
from bot.features.nightschool.inputs import from_words
from bot.i18n import Catalog
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding import staff_input

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


def _per_call(work: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Median and max of 7 rounds, in microseconds per call."""
    rounds = []
    for _ in range(7):
        start = time.perf_counter()
        for _ in range(repeat):
            work()
        rounds.append((time.perf_counter() - start) / repeat * 1e6)
    return statistics.median(rounds), max(rounds)


def main() -> None:
    calendar = HolidayCalendar({})
    cases: list[tuple[str, Callable[[], object]]] = [
        ("clock '晚上7点到8点半'", lambda: staff_input.find_clock("晚上7点到8点半")),
        ("date '下周四晚上7点'",
         lambda: staff_input.find_date("下周四晚上7点", date(2026, 3, 2), calendar)),
        ("price '12.5元'", lambda: staff_input.parse_price("12.5元")),
        ("size '二十人'", lambda: staff_input.parse_size("二十人")),
        ("course first date '下周四晚上7点到8点半'",
         lambda: from_words("first_date", "下周四晚上7点到8点半", NOW, ZONE, calendar)),
        ("event start 'next Thursday 7pm-8:30pm'",
         lambda: events.parse_start("next Thursday 7pm-8:30pm", NOW, ZONE, calendar)),
    ]  # fmt: skip
    for name, work in cases:
        median, worst = _per_call(work, 2000)
        print(f"{name}: {median:.1f} / {worst:.1f} µs per call (median / max of 7)")
    catalog = Catalog()
    series = [
        digest.DayPoint(date(2026, 2, 17) + timedelta(days=n), n % 7, 3.0 + (n % 3) / 2)
        for n in range(14)
    ]
    for lang in ("en", "zh"):
        t = catalog.translator(lang)
        digest.render_chart(series, t)  # first draw loads the font
        rounds = []
        for _ in range(7):
            start = time.perf_counter()
            digest.render_chart(series, t)
            rounds.append((time.perf_counter() - start) * 1000)
        tracemalloc.start()
        digest.render_chart(series, t)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        print(
            f"chart {lang}: {statistics.median(rounds):.0f} / {max(rounds):.0f} ms "
            f"(median / max of 7), peak {peak / 2**20:.1f} MiB"
        )


if __name__ == "__main__":
    main()
