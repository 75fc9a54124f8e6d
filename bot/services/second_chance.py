"""Second chances: the rule shared by every place a resident can give up (a class seat, an
event sign-up). A withdrawal may be undone for ten minutes; whether the seat is still there
is for each feature's own rules to say (a seat already offered to someone else is gone)."""

from __future__ import annotations

from datetime import datetime, timedelta

UNDO_WINDOW = timedelta(minutes=10)


def undo_open(withdrawn_at: datetime | None, now: datetime) -> bool:
    """Whether a withdrawal at ``withdrawn_at`` can still be undone at ``now``."""
    return withdrawn_at is not None and withdrawn_at <= now < withdrawn_at + UNDO_WINDOW
