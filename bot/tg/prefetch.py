"""Reads that every update makes at its start, made once for a whole claimed batch (issue 18).

Each update used to open its own read sessions before any reply: its form state
(bot/tg/forms.py), "is a survey waiting for this text", "is this resident talking to staff".
The inbox worker (bot/intake.py) now reads these for all the updates of one claim in one
read session, right after the claim commits, and each update finds its values here while it
is handled (:func:`prefetched`).

Why a value read at the claim is the one the update would have read at its start: the
inbox hands out one update per chat at a time, and a chat's next update is claimed only
after the previous one finished, on whichever instance, its writes (form state included)
committed before its outcome was. So whatever the chat's own updates write is current at
the claim, and stays so until this update runs. Only what *other* chats' updates or staff
change may move in between, and each reader says how it copes (the surveys and the helpdesk
read only a proof of absence; anything else sends the handler to the database as before).

Outside the inbox (a test driving ``process_update``), nothing is prefetched and every
handler reads for itself: :data:`MISSING`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Final

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update

from bot.storage.in_lists import padded
from bot.storage.models import User

log = logging.getLogger(__name__)


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final[Any] = _Missing()  # nothing prefetched for this update: read for yourself


@dataclass(frozen=True, slots=True)
class Subject:
    """One claimed update and whom it comes from."""

    update: Update
    telegram_id: int | None  # the sender (``effective_user``)
    user_id: int | None  # ours (``users.id``): None for someone not registered yet
    private: bool  # sent in the sender's private chat with the bot


Reader = Callable[[AsyncSession, Sequence[Subject], datetime], Awaitable[Mapping[int, object]]]


@dataclass(frozen=True, slots=True)
class Prefetch:
    """A per-update read done for a batch: ``read`` returns a value per ``update_id`` it
    covers; an update it leaves out reads for itself."""

    name: str
    read: Reader


# Built once: the ids are bound (building a statement costs about as much as running it).
_OURS = select(User.telegram_id, User.id).where(
    User.telegram_id.in_(bindparam("ids", expanding=True))
)

_CURRENT: ContextVar[Mapping[str, object] | None] = ContextVar("frontdesk_prefetched", default=None)


def prefetched(name: str) -> Any:
    """The value ``name`` read for the update being handled, or :data:`MISSING`."""
    values = _CURRENT.get()
    if values is None:
        return MISSING
    return values.get(name, MISSING)


@contextmanager
def using(values: Mapping[str, object] | None) -> Iterator[None]:
    """Make ``values`` the prefetched ones while an update is handled."""
    token = _CURRENT.set(values)
    try:
        yield
    finally:
        _CURRENT.reset(token)


async def read_all(
    session: AsyncSession, prefetches: Sequence[Prefetch], updates: Sequence[Update], now: datetime
) -> dict[int, dict[str, object]]:
    """Every prefetch for ``updates`` (one session): update id → name → value."""
    values: dict[int, dict[str, object]] = {update.update_id: {} for update in updates}
    if not prefetches or not updates:
        return values
    senders = {u.effective_user.id for u in updates if u.effective_user is not None}
    ours: dict[int, int] = {}
    if senders:
        rows = await session.execute(_OURS, {"ids": padded(sorted(senders))})
        ours = {int(telegram_id): int(user_id) for telegram_id, user_id in rows}
    subjects = []
    for update in updates:
        sender = update.effective_user
        chat = update.effective_chat
        telegram_id = sender.id if sender is not None else None
        private = chat is not None and chat.type == "private" and chat.id == telegram_id
        user_id = ours.get(telegram_id) if telegram_id is not None else None
        subjects.append(Subject(update, telegram_id, user_id, private))
    for prefetch in prefetches:
        for update_id, value in (await prefetch.read(session, subjects, now)).items():
            values[update_id][prefetch.name] = value
    return values


class Prefetches:
    """The application's prefetches (a service: the inbox worker reads them per claim)."""

    def __init__(self, items: Sequence[Prefetch] = ()) -> None:
        names = [item.name for item in items]
        if len(set(names)) != len(names):
            raise ValueError(f"two prefetches of one name: {sorted(names)}")
        self.items = tuple(items)
