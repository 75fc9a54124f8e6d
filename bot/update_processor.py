"""Concurrent across chats, in order within one chat."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Runs up to ``max_concurrent_updates`` updates at once, but never two of one chat.

    Residents are served in parallel (a slow broadcast or a busy resident does not hold up
    the others), while one person's messages and button presses keep their order, which
    conversations rely on.
    """

    def __init__(self, max_concurrent_updates: int) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self._finished = 0
        self._progress = asyncio.Condition()

    @staticmethod
    def _key(update: object) -> int | None:
        if not isinstance(update, Update):
            return None
        if update.effective_chat is not None:
            return update.effective_chat.id
        if update.effective_user is not None:
            return update.effective_user.id
        return None

    @property
    def finished(self) -> int:
        """How many updates have been fully handled so far."""
        return self._finished

    async def wait_finished(self, count: int) -> None:
        """Wait until at least ``count`` updates have been fully handled (tests, sandbox)."""
        async with self._progress:
            await self._progress.wait_for(lambda: self._finished >= count)

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        try:
            await self._process_in_order(update, coroutine)
        finally:
            self._finished += 1
            async with self._progress:
                self._progress.notify_all()

    async def _process_in_order(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key(update)
        if key is None:
            await coroutine
            return
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[key] -= 1
            if self._waiting[key] == 0:
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
