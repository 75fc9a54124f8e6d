"""What the serving process does before importing anything else, to start lighter (issue 18).

* httpx's package imports its command-line client when it can (``httpx._main``: rich, click,
  pygments), which the bot never runs. They are not in the production lock, but wherever
  they are installed (a developer's virtualenv, the benches) they cost about 6 MiB of every
  bot process. Marking the module absent makes httpx take its own fallback, as in production.
* glibc gives each thread that allocates its own malloc arena (up to eight per core): the
  SQLite connections' threads, the default executor's and the scheduler's. Freed memory in
  those arenas is rarely given back, so an idle bot grew after a burst. Two arenas
  (``M_ARENA_MAX``, what ``MALLOC_ARENA_MAX=2`` sets) keep the resident set lower at no
  measurable cost here: the threads mostly wait on SQLite, not on malloc (figures in
  docs/benchmarks.md, "Foundation"). Only on glibc; elsewhere nothing changes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

M_ARENA_MAX = -8  # glibc's mallopt parameter (malloc.h)
ARENAS = 2


def lean_start() -> None:
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):  # not glibc (musl has no mallopt arenas)
        return
    mallopt(M_ARENA_MAX, ARENAS)
