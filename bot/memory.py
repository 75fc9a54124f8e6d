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

Once started (:func:`freeze_startup_objects`), everything built so far (modules, the
matcher's tables, the application and its handlers, about 200,000 objects) is moved out of
the garbage collector's reach: they live as long as the process, and Python's oldest
generation no longer scans them each time it runs. Measured under the foundation bench
(issue 18, 3,300 updates, a loaded machine): the collector's time while serving went from
3.7 and 3.2 s to 1.6 and 1.7 s, and its longest pause (a full collection, every update
waiting) from 0.6 s to 0.08-0.2 s.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
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


def freeze_startup_objects() -> None:
    """Collect once, then leave every object alive now out of later collections
    (``gc.freeze``): they are the process's own for its whole life. Objects made later are
    collected as before; a frozen one freed by reference counting is freed as before."""
    gc.collect()
    gc.freeze()
