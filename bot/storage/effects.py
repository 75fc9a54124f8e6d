"""Each change once per update: a handler's write transactions are marked per update.

While an update from the inbox is handled (:func:`handling`), every write transaction of
:meth:`bot.storage.db.Database.transaction` also inserts an ``inbox_effects`` row keyed by the
update and the transaction's call site (the function and line that opened it, with a count
for a site opened several times). When the same update is handled again, after a crash or a
transient error, a transaction whose marker is already there finds its changes committed the
first time: it is rolled back instead of committed. The unique key is what enforces it, so
two instances that ever ran one update at once could not both commit the same change.

Replies are not transactions: a resident may see one reply again for an update that was in
flight during a crash (docs/architecture.md, "Intake").
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from types import FrameType

SITE_MAX = 200


@dataclass
class UpdateScope:
    """The update being handled, and how often each call site has opened a transaction."""

    update_id: int
    seen: Counter[str] = field(default_factory=Counter)
    replayed: int = 0

    def next_site(self, site: str) -> str:
        self.seen[site] += 1
        count = self.seen[site]
        marker = site if count == 1 else f"{site}#{count}"
        return marker[-SITE_MAX:]


_SCOPE: ContextVar[UpdateScope | None] = ContextVar("frontdesk_update_scope", default=None)


def current() -> UpdateScope | None:
    """The update being handled in this task, if it came from the inbox."""
    return _SCOPE.get()


@contextmanager
def handling(update_id: int) -> Iterator[UpdateScope]:
    """Mark the write transactions made inside as effects of ``update_id``."""
    scope = UpdateScope(update_id)
    token = _SCOPE.set(scope)
    try:
        yield scope
    finally:
        _SCOPE.reset(token)


def call_site(skip: frozenset[str]) -> str:
    """``module.function:line`` of the nearest caller outside the files in ``skip``."""
    frame: FrameType | None = sys._getframe(1)
    while frame is not None and frame.f_code.co_filename in skip:
        frame = frame.f_back
    if frame is None:
        return "?"
    module = frame.f_globals.get("__name__", "?")
    return f"{module}.{frame.f_code.co_qualname}:{frame.f_lineno}"
