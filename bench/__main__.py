"""Run every benchmark module (``bench_*.py``) or the ones named on the command line."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

VALUED_OPTIONS = frozenset({"--before", "--rounds", "--before-blocked", "--workers", "--only"})


def main() -> int:
    here = Path(__file__).parent
    # Options (``--quick``) are left for the modules to read from ``sys.argv``.
    args = sys.argv[1:]
    # An option's value (``--before d2a491c``) is not a bench's name.
    names = [
        a
        for i, a in enumerate(args)
        if not a.startswith("-") and (i == 0 or args[i - 1] not in VALUED_OPTIONS)
    ] or sorted(p.stem.removeprefix("bench_") for p in here.glob("bench_*.py"))
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== bench {name} ==", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
