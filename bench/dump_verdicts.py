"""Dump the rules' verdicts on one evaluation file as JSON (for bench.learned_fallback --untuned).

Run it in a checkout of an OLDER commit (the one that added the file, before the rules were
tuned on it) so that the verdicts are those of rules that never saw that writer::

    git worktree add --detach /tmp/old <commit>
    cd /tmp/old && PYTHONPATH=. python /path/to/bench/dump_verdicts.py \\
        /path/to/eval/handwritten_dev23.yaml bench/data/untuned_verdicts/dev23.json

Only fields every version of Understanding has are required; the rest default to None.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.eval_questions import build_matcher, load_items


def main(argv: list[str]) -> int:
    source, out = Path(argv[0]), Path(argv[1])
    matcher = build_matcher()
    rows = []
    for item in load_items(source):
        v = matcher.understand(item.q, item.now.date())
        rows.append(
            {
                "q": item.q,
                "kind": v.kind.value,
                "venue_ids": list(v.venue_ids),
                "days": [str(d) for d in v.days],
                "faq_id": v.faq_id,
                "feature": getattr(v, "feature", None),
                "course_hint": getattr(v, "course_hint", None),
                "looks_like_question": v.looks_like_question,
                "year": getattr(v, "year", None),
                "lang": getattr(v, "lang", None),
            }
        )
    out.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    print(f"{source.name}: {len(rows)} verdicts -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
