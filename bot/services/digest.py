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
    """One block of the daily digest, or ``None`` when the day has nothing to say."""

    name: str

    async def render(
        self, session: AsyncSession, start: datetime, end: datetime, t: Translator
    ) -> str | None:
        """The block (catalog HTML) for what happened between ``start`` and ``end`` (UTC)."""
        ...
