"""Concurrent across chats, in order within one chat, with slots held only by running work."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

from bot.scheduling import FairScheduler
from bot.tg.forms import FormStore, handle_with_forms

# PTB's own semaphore is taken in ``process_update`` (final) BEFORE ``do_process_update`` can
# look at the chat, so an update queued behind its chat's earlier ones would hold one of
# PTB's slots while it waits. It is therefore made wide enough never to bind; the real limit
# is the scheduler's, which counts running handlers only (bot/scheduling.py). PTB's
# ``max_concurrent_updates`` thus reads as this width; the scheduler's ``max_running`` is the
# setting.
_UNBOUNDED = 1 << 30


class PerChatUpdateProcessor(BaseUpdateProcessor):
    """Runs up to ``max_concurrent_updates`` handlers at once, but never two of one chat.

    Residents are served in parallel (a slow broadcast or a busy resident does not hold up
    the others), while one person's messages and button presses keep their order, which
    conversations rely on. An update waiting for its own chat, or a reply waiting for its
    chat's pacing, holds no slot.
    """

    def __init__(self, max_concurrent_updates: int, forms: FormStore | None = None) -> None:
        super().__init__(_UNBOUNDED)
        # Each update's form state is read before it and written after it (bot/tg/forms.py).
        self.forms = forms
        self.scheduler = FairScheduler(max_concurrent_updates)
        self._finished = 0
        self._progress = asyncio.Condition()

    @property
    def current_concurrent_updates(self) -> int:
        """How many handlers are running now (waiting updates are not counted)."""
        return self.scheduler.running

    @staticmethod
    def chat_key(update: object) -> int | None:
        """Whose order an update belongs to: its chat, else its sender, else nobody's."""
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
        async def run() -> None:
            await coroutine

        async def handle() -> None:
            await handle_with_forms(self.forms, update, run)

        try:
            await self.scheduler.run(self.chat_key(update), handle)
        finally:
            self._finished += 1
            async with self._progress:
                self._progress.notify_all()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
