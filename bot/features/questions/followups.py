"""Each chat's last answered hours question, kept in the database for its follow-ups.

Any instance handling the chat's next message reads it (one row a chat, keyed by the chat);
:mod:`bot.understanding.followup` decides what a follow-up means. Rows past
``FRESH_FOR`` are never used, and the retention pass deletes them (:class:`FollowUpData`).
No ``telegram`` here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.questions.models import HoursContext
from bot.services import inbox, privacy
from bot.settings import PrivacySettings
from bot.storage.db import Database
from bot.storage.in_lists import padded
from bot.storage.upsert import insert_for
from bot.understanding.followup import FRESH_FOR, Previous


async def load(session: AsyncSession, chat_id: int) -> Previous | None:
    """The chat's last answered question about places, however old (the caller judges
    freshness): no venues stored is every venue (the overview), no days is today."""
    row = await session.get(HoursContext, chat_id)
    if row is None:
        return None
    try:
        days = tuple(date.fromisoformat(d) for d in row.days.split(",") if d)
    except ValueError:
        return None
    venues = tuple(v for v in row.venue_ids.split(",") if v)
    return Previous(venues, days, row.lang, row.asked_at)


async def remember(
    session: AsyncSession,
    chat_id: int,
    venue_ids: Sequence[str],
    days: Sequence[date],
    lang: str | None,
    now: datetime,
) -> None:
    """Keep what the chat just asked about (replacing what it asked before)."""
    await write_many(session, [(chat_id, (venue_ids, days), lang, now)])


Kept = tuple[int, tuple[Sequence[str], Sequence[date]] | None, str | None, datetime]


async def keep(
    db: Database,
    chat_id: int,
    kept: tuple[Sequence[str], Sequence[date]] | None,
    lang: str | None,
    now: datetime,
) -> None:
    """The chat's context after an answered question: ``kept`` (venues, days), or none.

    Written with every other chat's on the commit that marks the updates done
    (:func:`bot.services.inbox.defer`), which the chat's next update waits for: no write
    transaction of its own per question (one per question doubled the bot's CPU per
    free-text update, issue 18)."""
    row: Kept = (chat_id, kept, lang, now)
    if not inbox.defer(write_many, row):  # not from the inbox (a test's direct call): at once
        async with db.transaction() as session:
            await write_many(session, [row])


async def write_many(session: AsyncSession, rows: list[object]) -> None:
    """The contexts of several chats (at most one row a chat): one delete for those that
    have none now, one upsert statement for the others."""
    kept = [cast(Kept, row) for row in rows]
    gone = [chat_id for chat_id, what, _, _ in kept if what is None]
    if gone:
        await session.execute(delete(HoursContext).where(HoursContext.chat_id.in_(padded(gone))))
    values = [
        {
            "chat_id": chat_id,
            "venue_ids": ",".join(what[0]),
            "days": ",".join(d.isoformat() for d in what[1]),
            "lang": lang,
            "asked_at": now,
        }
        for chat_id, what, lang, now in kept
        if what is not None
    ]
    if values:
        await session.execute(_upsert(session), values)


def _upsert(session: AsyncSession) -> Any:
    statement = insert_for(session, HoursContext.__table__)  # type: ignore[arg-type]
    excluded = statement.excluded
    return statement.on_conflict_do_update(
        index_elements=["chat_id"],
        set_={
            "venue_ids": excluded.venue_ids,
            "days": excluded.days,
            "lang": excluded.lang,
            "asked_at": excluded.asked_at,
        },
    )


async def prune(session: AsyncSession, before: datetime, limit: int) -> int:
    """Contexts asked before ``before`` go (at most ``limit``); returns how many."""
    chats = list(
        await session.scalars(
            select(HoursContext.chat_id).where(HoursContext.asked_at < before).limit(limit)
        )
    )
    if chats:
        await session.execute(delete(HoursContext).where(HoursContext.chat_id.in_(padded(chats))))
    return len(chats)


class FollowUpData:
    """The last hours question a resident asked (venues and days, not their words), kept for
    ``FRESH_FOR`` so that "那后天呢" is understood; deleted by the retention pass after."""

    name = "follow_ups"

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        who = await privacy.identity(session, user_id)
        previous = await load(session, who.telegram_id) if who is not None else None
        if previous is None:
            return {self.name: []}
        return {
            self.name: [
                {
                    "venues": list(previous.venue_ids),
                    "days": [d.isoformat() for d in previous.days],
                    "asked": privacy.iso(previous.asked_at),
                }
            ]
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        # In a private chat the chat's id is the person's Telegram id.
        chats = [who.telegram_id for who in (await privacy.identities(session, user_ids)).values()]
        for start in range(0, len(chats), 500):
            await session.execute(
                delete(HoursContext).where(HoursContext.chat_id.in_(chats[start : start + 500]))
            )

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their chat's context (a private chat's id is their Telegram id): privacy's probe."""
        return [select(HoursContext.chat_id).where(HoursContext.chat_id.in_(telegram_ids)).exists()]

    async def retain(
        self, session: AsyncSession, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        return await prune(session, now - FRESH_FOR, limit)


DATA_SECTION = FollowUpData()
