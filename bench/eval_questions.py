"""Score the question understanding on evaluation files (top-1, by category).

    python -m bench.eval_questions eval/handwritten_dev*.yaml eval/generated.yaml
    python -m bench.eval_questions --split holdout eval/generated.yaml
    python -m bench.eval_questions --failures eval/handwritten_dev.yaml   # tuning sets only

Each file is a mapping with ``reference_now`` (the clock for every item) and ``items``; each
item has ``q``, ``category``, ``lang`` and ``expect`` (exactly one of ``hours``, ``overview``,
``faq``, ``intent``, ``clarify_day``, ``holidays``, ``venue_info``, ``today``, ``none``); see
docs/hours.md.
Reported:
top-1 accuracy by category, out-of-scope questions answered, confident answers for another day
than the one asked, and answers in the wrong language. ``--failures`` lists the wrong items:
never use it on a held-out file or split.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from bot.centre import load_centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher, Understanding
from bot.understanding.normalise import fold

ROOT = Path(__file__).resolve().parent.parent
ANSWERS = {
    Kind.HOURS,
    Kind.OVERVIEW,
    Kind.VENUE,
    Kind.FAQ,
    Kind.FEATURE,
    Kind.CLARIFY_DAY,
    Kind.HOLIDAYS,
}  # not Kind.TODAY: the date from the clock is small talk, like a greeting's reply
DAY_ANSWERS = {Kind.HOURS, Kind.OVERVIEW}


@dataclass(frozen=True)
class Item:
    q: str
    category: str
    lang: str
    expect: dict[str, Any]
    now: datetime
    split: str | None = None


@dataclass
class Score:
    """Figures for one set of items."""

    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    right: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    out_of_scope_answered: int = 0
    wrong_day: int = 0
    wrong_language: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def in_scope(self) -> tuple[int, int]:
        keys = [k for k in self.total if k != "out_of_scope"]
        return sum(self.right[k] for k in keys), sum(self.total[k] for k in keys)

    @property
    def in_scope_accuracy(self) -> float:
        right, total = self.in_scope
        return right / total if total else 1.0


def load_items(path: Path, split: str | None = None) -> list[Item]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    now = datetime.fromisoformat(str(data["reference_now"]))
    items = [
        Item(
            str(raw["q"]),
            str(raw["category"]),
            str(raw.get("lang", "zh")),
            dict(raw["expect"]),
            now,
            raw.get("split"),
        )
        for raw in data["items"]
    ]
    return [i for i in items if split is None or i.split == split]


def _days(raw: Any) -> tuple[date, ...]:
    return tuple(sorted(date.fromisoformat(str(d)) for d in raw))


def _venues(expect: dict[str, Any] | str) -> set[str]:
    """The venues of ``{venue: x}``, ``{venues: [x, y]}``, or a bare id (``venue_info: x``)."""
    if isinstance(expect, str):
        return {expect}
    raw = expect.get("venues", expect.get("venue"))
    return {raw} if isinstance(raw, str) else set(raw or ())


def judge(verdict: Understanding, item: Item) -> tuple[bool, bool]:
    """``(correct, confident answer for another day)``."""
    expect = item.expect
    today = item.now.date()
    seen_days = tuple(sorted(verdict.days or (today,)))
    if "hours" in expect:
        want = expect["hours"]
        right_day = seen_days == _days(want["days"])
        # several places named: the overview of those places is the same reply (one answer per
        # place, bot/features/questions/handlers.py), whichever of the two kinds carries it
        kinds = (Kind.HOURS, Kind.OVERVIEW) if len(_venues(want)) > 1 else (Kind.HOURS,)
        ok = verdict.kind in kinds and set(verdict.venue_ids) == _venues(want)
        return ok and right_day, verdict.kind in DAY_ANSWERS and not right_day
    if "overview" in expect:
        right_day = seen_days == _days(expect["overview"]["days"])
        return (
            verdict.kind is Kind.OVERVIEW and right_day,
            verdict.kind in DAY_ANSWERS and not right_day,
        )
    if "clarify_day" in expect:
        return verdict.kind is Kind.CLARIFY_DAY, verdict.kind in DAY_ANSWERS
    if "faq" in expect:
        return verdict.kind is Kind.FAQ and verdict.faq_id == expect["faq"], False
    if "intent" in expect:
        intent = expect["intent"]
        if intent == "ask":  # handed to staff: no answer, but offered to a person
            return verdict.kind in (Kind.NONE, Kind.SUGGEST) and verdict.looks_like_question, False
        ok = verdict.kind is Kind.FEATURE and verdict.feature == intent
        hint = expect.get("course_hint")
        if ok and hint:
            # compared as the matcher reads (folded: traditional → simplified, lower case): the
            # hint is looked up among the course titles so, "書法" is the same hint as "书法"
            seen, hint = fold(verdict.course_hint or ""), fold(hint)
            ok = bool(seen) and (hint in seen or seen in hint)
        return ok, False
    if "venue_info" in expect:  # a place named alone: its card (address, phone, hours)
        want = expect["venue_info"]
        return verdict.kind is Kind.VENUE and set(verdict.venue_ids) == _venues(want), False
    if "holidays" in expect:
        year = expect["holidays"]["year"]
        return verdict.kind is Kind.HOLIDAYS and verdict.year == year, False
    if "today" in expect:  # "今天礼拜几", "现在几点": the date or the time, from the clock
        return verdict.kind in (Kind.TODAY, Kind.TIME), False
    if "none" in expect:
        return verdict.kind not in ANSWERS, False
    raise ValueError(f"unknown expectation {expect!r}")


def score(matcher: QuestionMatcher, items: list[Item], *, keep_failures: bool = False) -> Score:
    result = Score()
    for item in items:
        verdict = matcher.understand(item.q, item.now.date(), item.now.time())
        correct, wrong_day = judge(verdict, item)
        result.total[item.category] += 1
        result.right[item.category] += int(correct)
        if "none" in item.expect and verdict.kind in ANSWERS:
            result.out_of_scope_answered += 1
        result.wrong_day += int(wrong_day)
        if verdict.kind in ANSWERS and "none" not in item.expect and verdict.lang != item.lang:
            result.wrong_language += 1
        if keep_failures and not correct:
            seen = (
                f"{verdict.kind.value} {list(verdict.venue_ids)} "
                f"{[str(d) for d in verdict.days]} {verdict.faq_id or ''}"
                f"{verdict.feature or ''} {verdict.course_hint or ''}"
            )
            result.failures.append(f"[{item.category}] {item.q!r}: want {item.expect}, got {seen}")
    return result


def report(name: str, result: Score) -> str:
    lines = [f"== {name}"]
    for category in sorted(result.total):
        right, total = result.right[category], result.total[category]
        lines.append(f"  {category:<14} {right:>4}/{total:<4} {right / total:7.1%}")
    right, total = result.in_scope
    lines.append(f"  in scope       {right:>4}/{total:<4} {result.in_scope_accuracy:7.1%}")
    lines.append(f"  out of scope answered: {result.out_of_scope_answered}")
    lines.append(f"  confident answers for another day: {result.wrong_day}")
    lines.append(f"  answers in the wrong language: {result.wrong_language}")
    return "\n".join(lines)


def build_matcher() -> QuestionMatcher:
    centre = load_centre(ROOT / "config" / "centre.yaml")
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--split", choices=["tune", "holdout"])
    parser.add_argument("--failures", action="store_true")
    args = parser.parse_args(argv)
    matcher = build_matcher()
    for path in args.files:
        if args.failures and ("holdout" in path.name or args.split == "holdout"):
            parser.error("failures are never listed for held-out questions")
        result = score(matcher, load_items(path, args.split), keep_failures=args.failures)
        label = f"{path}" + (f" (split {args.split})" if args.split else "")
        print(report(label, result))
        for line in result.failures:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
