"""Compare the bot's day rules with jionlp's and dateparser's time parsers (docs/hours.md).

Neither library is a dependency of the bot: run this in a scratch environment that has them
(``pip install jionlp dateparser`` next to the project's requirements):

    python -m bench.compare_time_parsers

Every day expression of the generated set (bench/generate_questions.py), inside a question
("{day}食堂开吗？", "Is the canteen open {day}?"), is given to each parser with the same clock.
Right: the first date found is the first expected day; for an expression that names no single
day ("下周", "节假日", "2月30日") right means no date at all (a date there is a wrong-day answer).
"""

from __future__ import annotations

import contextlib
import io
import statistics
import time
from collections.abc import Callable
from datetime import date, datetime

from bench.generate_questions import EN_DAYS, REFERENCE_NOW, ZH_DAYS
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.normalise import normalise
from bot.understanding.timex import find_times

NOW = datetime.fromisoformat(REFERENCE_NOW)

Parser = Callable[[str], date | None]


def ours() -> Parser:
    calendar = HolidayCalendar()

    def parse(text: str) -> date | None:
        found = list(find_times(normalise(text), NOW.date(), calendar))
        if not found or any(not m.resolved for m in found):
            return None
        return found[0].days[0]

    return parse


def jionlp_parser() -> Parser:
    with contextlib.redirect_stdout(io.StringIO()):
        import jionlp

    def parse(text: str) -> date | None:
        with contextlib.redirect_stdout(io.StringIO()):
            try:
                found = jionlp.ner.extract_time(text, time_base=NOW.timestamp(), with_parsing=True)
            except Exception:
                return None
        for item in found:
            detail = item.get("detail", {})
            times = detail.get("time")
            if isinstance(times, list) and times and isinstance(times[0], str):
                with contextlib.suppress(ValueError):
                    return datetime.fromisoformat(times[0].replace(" ", "T")).date()
        return None

    return parse


def dateparser_parser() -> Parser:
    from dateparser.search import search_dates

    settings = {
        "RELATIVE_BASE": NOW.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
    }

    def parse(text: str) -> date | None:
        found = search_dates(text, languages=["zh", "en"], settings=settings)  # type: ignore[arg-type]
        return found[0][1].date() if found else None

    return parse


def main() -> None:
    cases = [(f"{d.text}食堂开吗？", d) for d in ZH_DAYS]
    cases += [(f"Is the canteen open {d.text}?", d) for d in EN_DAYS]
    for name, factory in (
        ("rules", ours),
        ("jionlp", jionlp_parser),
        ("dateparser", dateparser_parser),
    ):
        started = time.perf_counter()
        try:
            parse = factory()
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")
            continue
        load = time.perf_counter() - started
        right = wrong_day = 0
        timings = []
        for text, expr in cases:
            t0 = time.perf_counter()
            got = parse(text)
            timings.append(time.perf_counter() - t0)
            want = date.fromisoformat(expr.days[0]) if expr.days else None
            right += got == want
            wrong_day += got is not None and got != want
        timings.sort()
        print(
            f"{name:<11} right {right}/{len(cases)} ({right / len(cases):.0%}), "
            f"wrong-day {wrong_day}, median {statistics.median(timings) * 1e3:.2f} ms, "
            f"p99 {timings[int(len(timings) * 0.99) - 1] * 1e3:.2f} ms, load {load:.2f} s"
        )


if __name__ == "__main__":
    main()
