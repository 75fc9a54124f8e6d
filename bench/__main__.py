"""Run every benchmark module (``bench_*.py``) or the ones named on the command line."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).parent
    # Options (``--quick``) are left for the modules to read from ``sys.argv``.
    names = [a for a in sys.argv[1:] if not a.startswith("-")] or sorted(
        p.stem.removeprefix("bench_") for p in here.glob("bench_*.py")
    )
    for name in names:
        module = importlib.import_module(f"bench.bench_{name}")
        print(f"== bench {name} ==", flush=True)
        module.main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
