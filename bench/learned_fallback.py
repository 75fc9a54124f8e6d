"""Experiment: a tiny learned classifier as a FALLBACK to the rule pipeline, measured honestly.

    python -m bench.learned_fallback                 # leave-one-set-out table, fallback off vs on
    python -m bench.learned_fallback --sweep         # the same at several confidence thresholds
    python -m bench.learned_fallback --untuned bench/data/untuned_verdicts   # the honest one
    python -m bench.learned_fallback --untuned bench/data/untuned_verdicts --override-faq 0.15

Figures and decision (not wired in): docs/hours.md, "Round fifteen — a learned fallback".

The model: multinomial naive Bayes over character 1-3-grams of the pipeline's own normalised
text (bot/understanding/normalise.py) plus English word unigrams. Labels: the intents
(feedback, myclasses, course, events, ask), the FAQ ids, ``none`` (out of scope) and ``other``
(hours, overview, a venue's card, a day to clarify, holidays, today: the rules' own business).
Used only when the rules give no answer (Kind.NONE or Kind.SUGGEST) for something that looks
like a question; it answers only a feature or a FAQ entry, and only at or above a confidence
threshold (the posterior of a tempered naive Bayes: the log-likelihood divided by the number of
features, so that long questions are not overconfident).

Generalisation is measured by LEAVE-ONE-SET-OUT: for each eval/handwritten_*.yaml file, the
model is trained on every other file plus the FAQ phrasings of config/centre.yaml, and the file
is scored with the fallback off and on (bench.eval_questions.judge). The rules' verdicts do not
depend on the model and are computed once. eval/sealed/ is never read.

The rules of today were tuned on every one of those files, so "off" flatters them and leaves the
fallback little to fix. ``--untuned`` replaces, for the sets it has verdicts for, today's rules by
the rules of the commit that added that set (before anyone tuned on its writer): dumped by
bench/dump_verdicts.py into bench/data/untuned_verdicts/ (dev19 and dev20 at 377b667, dev23 at
f7389ba, holdout11 at 16c4f96, dev25 and dev26 at 419dc3e: before round fifteen's rules).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from bench.eval_questions import ANSWERS, ROOT, Item, build_matcher, judge, load_items
from bot.understanding.matcher import Kind, Understanding
from bot.understanding.normalise import normalise

FEATURES = ("feedback", "myclasses", "course", "events")
NEWEST = ("dev23", "dev25", "dev26", "holdout11", "dev19", "dev20")
THRESHOLD = 0.35
SWEEP = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
_WORD = re.compile(r"[a-z]+")


def label_of(item: Item) -> str:
    expect = item.expect
    if "intent" in expect:
        return str(expect["intent"])
    if "faq" in expect:
        return str(expect["faq"])
    if "none" in expect:
        return "none"
    return "other"


def features_of(text: str) -> list[str]:
    """Character 1-3-grams of the normalised text (spaces squeezed) and English words."""
    clean = " ".join(normalise(text).split())
    grams = [clean[i : i + n] for n in (1, 2, 3) for i in range(len(clean) - n + 1)]
    grams = [g for g in grams if g.strip()]
    return grams + ["w:" + w for w in _WORD.findall(clean)]


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes with add-alpha smoothing and a tempered posterior."""

    alpha: float = 0.1  # 0.03 sharpens the posterior: more answers, more of them out of scope

    def fit(self, texts: list[str], labels: list[str]) -> NaiveBayes:
        counts: dict[str, Counter[str]] = defaultdict(Counter)
        docs: Counter[str] = Counter(labels)
        vocabulary: set[str] = set()
        for text, label in zip(texts, labels, strict=True):
            grams = features_of(text)
            counts[label].update(grams)
            vocabulary.update(grams)
        size = len(vocabulary)
        total = sum(docs.values())
        self.labels = sorted(docs)
        self.prior = {c: math.log(docs[c] / total) for c in self.labels}
        self.loglik: dict[str, dict[str, float]] = {}
        self.unseen: dict[str, float] = {}
        for c in self.labels:
            denominator = sum(counts[c].values()) + self.alpha * size
            self.loglik[c] = {
                g: math.log((n + self.alpha) / denominator) for g, n in counts[c].items()
            }
            self.unseen[c] = math.log(self.alpha / denominator)
        self.vocabulary = vocabulary
        return self

    def predict(self, text: str) -> tuple[str, float]:
        """The best label and its tempered posterior probability."""
        grams = [g for g in features_of(text) if g in self.vocabulary]
        if not grams:
            return "none", 0.0
        n = len(grams)
        scores = {
            c: self.prior[c] / n + sum(self.loglik[c].get(g, self.unseen[c]) for g in grams) / n
            for c in self.labels
        }
        top = max(scores.values())
        z = sum(math.exp(s - top) for s in scores.values())
        best = max(scores, key=scores.__getitem__)
        return best, 1.0 / z


def with_fallback(
    verdict: Understanding,
    text: str,
    guess: tuple[str, float],
    hints: list[str],
    threshold: float,
    faq_ids: set[str],
    override_faq: float | None = None,
) -> Understanding:
    """The rules' verdict, or the model's answer when the rules gave none. ``override_faq``
    (a side measurement, not the fallback): a FAQ answer of the rules is also replaced when the
    model is sure it is a request (a feature, or ``ask``: handed to a person)."""
    label, p = guess  # the model's best label and its probability, for this text
    if override_faq is not None and verdict.kind is Kind.FAQ and p >= override_faq:
        if label == "ask":
            return replace(verdict, kind=Kind.NONE, faq_id=None, looks_like_question=True)
        if label in FEATURES:
            return replace(verdict, kind=Kind.FEATURE, faq_id=None, feature=label, score=p)
    if verdict.kind not in (Kind.NONE, Kind.SUGGEST) or not verdict.looks_like_question:
        return verdict
    if p < threshold:
        return verdict
    if label in FEATURES:
        folded = normalise(text)
        hint = (
            next((h for h in hints if h.casefold() in folded), None) if label == "course" else None
        )
        return replace(
            verdict,
            kind=Kind.FEATURE,
            feature=label,
            course_hint=hint,
            score=p,
            suggestions=(),
        )
    if label in faq_ids:
        return replace(verdict, kind=Kind.FAQ, faq_id=label, score=p, suggestions=())
    return verdict


def load_verdicts(path: Path, items: list[Item]) -> list[Understanding]:
    """Verdicts dumped as JSON by an older checkout of the rules, one per item, in order: each
    a mapping of Understanding's fields (kind, venue_ids, days, faq_id, feature, course_hint,
    looks_like_question, year, lang). The folder is made by running, in a checkout of the commit
    that added a set (before its rules were tuned on it), a loop of ``matcher.understand``."""
    rows = json.loads(path.read_text(encoding="utf-8"))
    verdicts = []
    for row, item in zip(rows, items, strict=True):
        assert row["q"] == item.q, (row["q"], item.q)
        verdicts.append(
            Understanding(
                Kind(row["kind"]),
                venue_ids=tuple(row["venue_ids"]),
                days=tuple(date.fromisoformat(d) for d in row["days"]),
                faq_id=row["faq_id"],
                feature=row["feature"],
                course_hint=row["course_hint"],
                looks_like_question=row["looks_like_question"],
                year=row["year"],
                lang=row["lang"],
            )
        )
    return verdicts


@dataclass
class Tally:
    right: int = 0
    total: int = 0
    oos_answered: int = 0
    wrong_day: int = 0
    by_kind: dict[str, list[int]] | None = None

    def add(self, item: Item, verdict: Understanding) -> None:
        correct, wrong_day = judge(verdict, item)
        if self.by_kind is None:
            self.by_kind = defaultdict(lambda: [0, 0])
        if "none" in item.expect:
            self.oos_answered += int(verdict.kind in ANSWERS)
        else:
            self.right += int(correct)
            self.total += 1
            key = next(iter(item.expect))
            self.by_kind[key][0] += int(correct)
            self.by_kind[key][1] += 1
        self.wrong_day += int(wrong_day)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", action="store_true")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    parser.add_argument(
        "--override-faq", type=float, metavar="P", help="also overrule a FAQ answer at P"
    )
    parser.add_argument(
        "--untuned",
        type=Path,
        help="a folder of <set>.json verdicts dumped by an older checkout (bench/dump_verdicts.py)",
    )
    args = parser.parse_args(argv)
    files = sorted((ROOT / "eval").glob("handwritten_*.yaml"))
    matcher = build_matcher()
    faq_ids = {e.id for e in matcher.centre.faq}
    phrasings = [(p, e.id) for e in matcher.centre.faq for p in e.phrasings]
    sets = {f.stem.removeprefix("handwritten_"): load_items(f) for f in files}
    rules = {
        name: [matcher.understand(i.q, i.now.date()) for i in items] for name, items in sets.items()
    }
    if args.untuned:  # the rules as they were before a set's writer was tuned on
        for dump in sorted(args.untuned.glob("*.json")):
            if dump.stem in rules:
                rules[dump.stem] = load_verdicts(dump, sets[dump.stem])
                print(f"{dump.stem}: rules untuned on it (verdicts from {dump})")
    thresholds = SWEEP if args.sweep else [args.threshold]
    totals: dict[float, tuple[Tally, Tally, Tally, Tally]] = {
        t: (Tally(), Tally(), Tally(), Tally()) for t in thresholds
    }
    rows: list[str] = []
    for name, items in sets.items():
        train = [i for other, its in sets.items() if other != name for i in its]
        texts = [i.q for i in train] + [p for p, _ in phrasings]
        labels = [label_of(i) for i in train] + [faq for _, faq in phrasings]
        model = NaiveBayes().fit(texts, labels)
        hints = sorted(
            {str(i.expect["course_hint"]) for i in train if i.expect.get("course_hint")},
            key=len,
            reverse=True,
        )
        predictions = [model.predict(i.q) for i in items]
        for t in thresholds:
            off, on = Tally(), Tally()
            for item, verdict, guess in zip(items, rules[name], predictions, strict=True):
                off.add(item, verdict)
                on.add(
                    item,
                    with_fallback(
                        verdict, item.q, guess, hints, t, faq_ids, override_faq=args.override_faq
                    ),
                )
            all_off, all_on, new_off, new_on = totals[t]
            for total, part in ((all_off, off), (all_on, on)) + (
                ((new_off, off), (new_on, on)) if name in NEWEST else ()
            ):
                total.right += part.right
                total.total += part.total
                total.oos_answered += part.oos_answered
                total.wrong_day += part.wrong_day
                assert part.by_kind is not None
                if total.by_kind is None:
                    total.by_kind = defaultdict(lambda: [0, 0])
                for k, (r, n) in part.by_kind.items():
                    total.by_kind[k][0] += r
                    total.by_kind[k][1] += n
            if t == thresholds[-1] or not args.sweep:
                rows.append(row(name + (" *" if name in NEWEST else ""), off, on))
    if not args.sweep:
        print(f"threshold {args.threshold}")
        print(f"{'set':<20} {'in scope off':>14} {'on':>14}  oos off/on  day off/on  intent off/on")
        print("\n".join(rows))
    for t in thresholds:
        all_off, all_on, new_off, new_on = totals[t]
        print(f"-- threshold {t}")
        print(row("ALL sets", all_off, all_on))
        print(row("newest six *", new_off, new_on))
        assert all_off.by_kind
        assert all_on.by_kind
        for k in sorted(all_off.by_kind):
            (r0, n), (r1, _) = all_off.by_kind[k], all_on.by_kind[k]
            print(f"    {k:<12} {r0:>5}/{n:<5} -> {r1:>5}/{n:<5}")
    return 0


def row(name: str, off: Tally, on: Tally) -> str:
    def pct(t: Tally) -> str:
        return f"{t.right:>4}/{t.total:<4} {t.right / max(t.total, 1):6.1%}"

    def intents(t: Tally) -> str:
        r, n = (t.by_kind or {}).get("intent", [0, 0])
        return f"{r}/{n}"

    return (
        f"{name:<20} {pct(off)} {pct(on)}  {off.oos_answered:>3}/{on.oos_answered:<3}"
        f"    {off.wrong_day:>3}/{on.wrong_day:<3}  {intents(off):>7} {intents(on):>7}"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
