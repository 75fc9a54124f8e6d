"""Sections other features add to the organisers' daily digest (a declared interface).

The feedback feature owns the digest (``bot.features.feedback.digest``); another feature
contributes a block by declaring a :class:`DigestSection` in its manifest (``digest=``). The
digest renders each section for the report day, in the reader's language, after its own.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol, runtime_checkable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator


@runtime_checkable
class DigestSection(Protocol):
    """What one feature adds to the daily digest."""

    name: str

    async def blocks(
        self, session: AsyncSession, start: datetime, end: datetime, t: Translator
    ) -> list[str]:
        """Blocks (catalog HTML, each under Telegram's limit) for the report day from
        ``start`` to ``end`` (UTC), in ``t``'s language; ``[]`` when there is nothing to say.
        A block may speak of now rather than the day (an open survey's figures so far)."""
        ...
