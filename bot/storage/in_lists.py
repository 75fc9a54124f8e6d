"""Lists bound to ``IN (...)``, padded so that a statement has few forms (issue 18).

SQLAlchemy renders an expanding ``IN`` with one placeholder per value, so a statement bound
to a batch of 1 to 40 ids is 40 different SQL texts. Python's ``sqlite3`` keeps a cache of
128 prepared statements per connection, and SQLite holds each one's compiled program: under
the foundation bench the inbox's claims, the batch prefetches and the survey and ticket
checks made about 270 texts out of 7 statements, 150 to 190 distinct texts per pooled
connection, more than its cache holds (so statements were prepared again and again) and
about a megabyte of SQLite memory per connection.

:func:`padded` lengthens a list to the next power of two by repeating its last value: ``IN``
means the same with a value twice, and each statement has at most eight forms (1, 2, 4, ...,
128 values) instead of one per batch size.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

T = TypeVar("T")


def padded(values: Sequence[T]) -> list[T]:
    """``values`` lengthened to a power of two by repeating the last one (empty: empty)."""
    count = len(values)
    if count == 0:
        return []
    size = 1 << (count - 1).bit_length()
    return [*values, *([values[-1]] * (size - count))]
