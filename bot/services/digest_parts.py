"""The declared interface between the organisers' daily digest and the features that add to it.

The feedback digest (``bot.features.feedback.digest``) owns the schedule and the delivery; a
feature that has something organisers should read every day (an open survey's figures)
declares a :class:`DigestPart` in its manifest (``digest_parts``), and the digest appends its
blocks. Neither feature imports the other.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Translator


class DigestPart(Protocol):
    """Blocks of HTML (each under Telegram's limit) for one organiser's digest."""

    name: str

    async def blocks(self, session: AsyncSession, t: Translator, now: datetime) -> list[str]:
        """What to add to a digest sent at ``now``, in ``t``'s language; [] for nothing."""
        ...
