"""Intake through the durable inbox: store first, confirm second, then handle (issue 14).

* :class:`UpdatePoller` is our own ``getUpdates`` loop. PTB's updater advances the offset as
  soon as a batch is queued in memory, so a hard kill lost every fetched update (252 of 300 in
  the issue's test). Here a batch is committed to ``inbox_updates`` first; only the next
  ``getUpdates`` call, whose offset confirms the batch, follows the commit. If the database is
  away, the offset stays and Telegram keeps the updates.
* The webhook (:mod:`bot.webhook`) answers 200 only after the commit, so Telegram retries
  otherwise.
* :class:`InboxWorker` claims stored updates (per chat, oldest first, one in flight per chat:
  :func:`bot.services.inbox.claim`) and runs each through the application's
  :class:`~bot.update_processor.PerChatUpdateProcessor`, whose scheduler holds a slot only
  while a handler runs. The error handler records the outcome of a transient failure as a
  retry; the worker writes outcomes in batches, beats for its claims, and puts back the claims
  of instances that stopped beating.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import socket
import time
from collections import Counter
from collections.abc import Sequence
from datetime import timedelta

from telegram import Update
from telegram.error import Conflict

from bot.context import FrontdeskApplication
from bot.delivery.instance import InstanceHeartbeat
from bot.logs import ErrorBursts
from bot.services import inbox
from bot.storage import effects
from bot.tg import prefetch
from bot.tg.errors import error_kind, is_transient
from bot.update_processor import PerChatUpdateProcessor

log = logging.getLogger(__name__)

HOUSEKEEPING_SECONDS = 5.0
PURGE_SECONDS = 600.0
STOP_GRACE_SECONDS = 10.0
# After a wake-up with updates still running, a short wait lets several outcomes share one
# commit (and one claim) instead of a transaction per finished update.
COALESCE_SECONDS = 0.005
# Updates stored by this instance's poller kept as objects until claimed (at most this many).
PARSED_KEPT = 4096


def worker_name() -> str:
    """Who holds a claim: host, process and a random part (a restarted process differs)."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(4)}"


def incoming(update: Update, payload: str | None = None) -> inbox.Incoming:
    """An update as the inbox stores it (``payload``: the JSON as received, if at hand)."""
    if payload is None:
        # ASCII escapes: a lone surrogate in a text (hostile input) is stored escaped, which
        # every database driver can encode.
        payload = json.dumps(update.to_dict(), separators=(",", ":"))
    return inbox.Incoming(update.update_id, PerChatUpdateProcessor.chat_key(update), payload)


class InboxWorker:
    """Stores updates, claims them fairly, handles them, records what became of them."""

    def __init__(
        self, app: FrontdeskApplication, instance: InstanceHeartbeat | None = None
    ) -> None:
        runtime = app.bot_data.runtime
        self._app = app
        self._db = runtime.db
        self._clock = runtime.clock
        self._settings = runtime.settings.inbox
        self._instance = instance
        self.name = worker_name()
        self._wake = asyncio.Event()
        self._running: dict[int, asyncio.Task[None]] = {}  # inbox row id → its handling
        self._finished: list[inbox.Attempt] = []
        self._parsed: dict[int, Update] = {}  # update id → the poller's object (see store)
        self._loop: asyncio.Task[None] | None = None
        self._stopping = False  # the loop ends even if stop()'s cancel is swallowed
        self._bursts = ErrorBursts(log)
        self._next_housekeeping = 0.0
        self._next_purge = 0.0
        self._next_beat = 0.0
        self._released_all = False
        self.outcomes: Counter[str] = Counter()  # what became of each attempt (tests, metrics)
        self.replayed = 0  # write transactions skipped as already committed for their update
        try:
            self._prefetches = app.bot_data.services.get(prefetch.Prefetches).items
        except LookupError:  # an application assembled without any: each update reads
            self._prefetches = ()

    async def store(self, updates: Sequence[inbox.Incoming], parsed: Sequence[Update] = ()) -> int:
        """Commit updates to the inbox (seen ones are skipped) and wake the worker.

        ``parsed``: the same updates as objects (the poller has them), kept for this worker
        to handle without parsing their JSON again if it claims them itself."""
        async with self._db.transaction() as session:
            added = await inbox.store(session, updates, self._clock.now())
        for update in parsed:
            self._parsed[update.update_id] = update
        while len(self._parsed) > PARSED_KEPT:  # claimed by another instance: forgotten
            del self._parsed[next(iter(self._parsed))]
        self.wake()
        return added

    def wake(self) -> None:
        self._wake.set()

    @property
    def in_flight(self) -> int:
        return len(self._running)

    def start(self) -> None:
        if self._loop is None:
            self._stopping = False
            self._loop = asyncio.create_task(self._run(), name="frontdesk-inbox-worker")

    async def stop(self) -> None:
        """Stop claiming, let the updates in hand finish (briefly), record their outcomes."""
        if self._loop is not None:
            self._stopping = True
            self._wake.set()
            self._loop.cancel()
            # Bounded: a database call stuck in SQLite's busy wait must not hold up shutdown.
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._loop), STOP_GRACE_SECONDS)
            self._loop = None
        if self._running:
            _, late = await asyncio.wait(self._running.values(), timeout=STOP_GRACE_SECONDS)
            for task in late:  # their claims go back to pending when the lease runs out
                task.cancel()
        try:
            await asyncio.wait_for(self._flush(), STOP_GRACE_SECONDS)
        except Exception as error:  # the database is away: the claims will expire
            log.warning("inbox: outcomes not recorded at stop (%s)", error_kind(error))

    async def _run(self) -> None:
        backoff = 0.0
        while not self._stopping:
            self._wake.clear()
            try:
                await self._housekeep()
                await self._cycle()
                await self._beat()
                backoff = 0.0
            except Exception as error:  # the database is away: keep trying, one line a minute
                kind = error_kind(error)
                self._bursts.report(f"inbox {kind}", "inbox: %s, trying again", kind)
                backoff = min(max(backoff * 2, 0.25), 5.0)
            self._bursts.flush()
            timeout = backoff or self._settings.poll_seconds
            with contextlib.suppress(TimeoutError):
                # Not ``wait_for``, which can swallow stop()'s cancel (bot/delivery/sender.py).
                async with asyncio.timeout(timeout):
                    await self._wake.wait()
                if self._running:  # more updates finish soon: record them in the same commit
                    await asyncio.sleep(COALESCE_SECONDS)

    async def _cycle(self) -> None:
        """Record finished outcomes and claim more, in one transaction (one commit)."""
        batch = list(self._finished)
        free = self._settings.max_in_flight - len(self._running)
        if not batch and free <= 0:
            return
        now = self._clock.now()
        async with self._db.transaction() as session:
            await inbox.commit_without_flush_wait(session)  # safe: see its docstring
            if batch:
                await inbox.finish(session, self.name, batch, now)
            claimed = await inbox.claim(session, self.name, now, free, self._workers())
        del self._finished[: len(batch)]
        self.outcomes.update(attempt.outcome.value for attempt in batch)
        if not claimed:
            return
        updates = {attempt.row_id: self._parse(attempt) for attempt in claimed}
        # A task of its own, and every claimed update in ``_running`` before anything is
        # awaited: a stop meanwhile still lets them finish and records their outcomes.
        reading = asyncio.create_task(
            self._prefetch([u for u in updates.values() if u is not None]),
            name="inbox-prefetch",
        )
        for attempt in claimed:
            task = asyncio.create_task(
                self._handle(attempt, updates[attempt.row_id], reading),
                name=f"inbox-{attempt.update_id}",
            )
            self._running[attempt.row_id] = task

    def _workers(self) -> int:
        """Live instances, this one included (the heartbeats' count): the fair claim's divisor.
        Intake instances count too though they claim nothing, which only lowers the share."""
        return self._instance.others + 1 if self._instance is not None else 1

    def _parse(self, attempt: inbox.Attempt) -> Update | None:
        kept = self._parsed.pop(attempt.update_id, None)
        if kept is not None and attempt.attempts == 1:  # a retry starts from what is stored
            return kept
        try:
            return Update.de_json(json.loads(attempt.payload), self._app.bot)
        except (ValueError, KeyError, TypeError):
            return None

    async def _prefetch(self, updates: Sequence[Update]) -> dict[int, dict[str, object]]:
        """The reads every update makes at its start, for the whole claim in one session
        (bot/tg/prefetch.py): after the claim's commit, before any of them runs."""
        if not self._prefetches or not updates:
            return {}
        try:
            async with self._db.read() as session:
                return await prefetch.read_all(
                    session, self._prefetches, updates, self._clock.now()
                )
        except Exception as error:  # each update then reads for itself
            kind = error_kind(error)
            self._bursts.report(f"prefetch {kind}", "inbox: prefetch failed (%s)", kind)
            return {}

    async def _handle(
        self,
        attempt: inbox.Attempt,
        update: Update | None,
        reading: asyncio.Task[dict[int, dict[str, object]]],
    ) -> None:
        try:
            ready = None
            if update is not None:  # shielded: one update's cancellation is not the batch's
                ready = (await asyncio.shield(reading)).get(update.update_id)
            await self._process(attempt, update, ready)
        except Exception as error:  # PTB itself failed (handler errors reach on_error)
            transient = is_transient(error) and attempt.attempts < self._settings.max_attempts
            attempt.outcome = inbox.Outcome.RETRY if transient else inbox.Outcome.FAILED
            attempt.error = error_kind(error)
            self._bursts.report(f"handling {attempt.error}", "inbox: %s", attempt.error)
        finally:
            self._running.pop(attempt.row_id, None)
            self._finished.append(attempt)
            self.wake()

    async def _process(
        self, attempt: inbox.Attempt, update: Update | None, ready: dict[str, object] | None
    ) -> None:
        app = self._app
        if update is None:
            attempt.outcome, attempt.error = inbox.Outcome.FAILED, "unreadable payload"
            return
        with (
            effects.handling(attempt.update_id) as scope,
            inbox.attempting(attempt),
            prefetch.using(ready),
        ):
            handling = app.process_update(update)
            try:
                await app.update_processor.process_update(update, handling)
            finally:  # cancelled before it started (a stop): never "coroutine never awaited"
                handling.close()
        self.replayed += scope.replayed

    async def _flush(self) -> None:
        """Write the outcomes of finished attempts (at stop)."""
        if self._finished:
            batch = list(self._finished)
            async with self._db.transaction() as session:
                await inbox.commit_without_flush_wait(session)
                await inbox.finish(session, self.name, batch, self._clock.now())
            del self._finished[: len(batch)]
            self.outcomes.update(attempt.outcome.value for attempt in batch)

    async def _beat(self) -> None:
        """Keep this worker's claims alive while it holds any."""
        now = time.monotonic()
        if self._running and now >= self._next_beat:
            self._next_beat = now + self._settings.heartbeat_seconds
            async with self._db.transaction() as session:
                await inbox.heartbeat(session, self.name, self._clock.now())

    async def _housekeep(self) -> None:
        now = time.monotonic()
        if now < self._next_housekeeping:
            return
        self._next_housekeeping = now + min(HOUSEKEEPING_SECONDS, self._settings.lease_seconds / 2)
        # SQLite has one process: at start, every claim left in the table is a dead one's.
        lease: timedelta | None = timedelta(seconds=self._settings.lease_seconds)
        if self._db.dialect == "sqlite" and not self._released_all:
            lease = None
        holding = {*self._running, *(attempt.row_id for attempt in self._finished)}
        async with self._db.transaction() as session:
            released = await inbox.release_stale(session, self.name, self._clock.now(), lease)
            orphans = await inbox.release_orphans(session, self.name, holding)
        self._released_all = True
        if released:
            log.warning("inbox: %d update(s) of a stopped instance taken up again", released)
        if orphans:  # a claim committed while its connection died: nobody was handling it
            log.warning(
                "inbox: %d claim(s) of this instance without a task taken up again", orphans
            )
        if now >= self._next_purge:
            self._next_purge = now + PURGE_SECONDS
            before = self._clock.now() - timedelta(hours=self._settings.keep_hours)
            async with self._db.transaction() as session:
                await inbox.purge(session, before)


class UpdatePoller:
    """Long polling that confirms a batch to Telegram only after it is in the inbox."""

    def __init__(self, app: FrontdeskApplication, worker: InboxWorker, timeout: int = 10) -> None:
        self._app = app
        self._worker = worker
        self.timeout = timeout
        self._task: asyncio.Task[None] | None = None
        self._bursts = ErrorBursts(log)
        self.offset: int | None = None

    def start(self, timeout: int | None = None) -> None:
        if timeout is not None:
            self.timeout = timeout
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="frontdesk-update-poller")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _run(self) -> None:
        backoff = 0.0
        while True:
            if backoff:
                await asyncio.sleep(backoff)
            try:
                updates = await self._app.bot.get_updates(
                    offset=self.offset, timeout=self.timeout, allowed_updates=Update.ALL_TYPES
                )
            except Conflict:  # another poller on this token (or a webhook is set)
                self._bursts.report("conflict", "getUpdates conflict: is another instance polling?")
                backoff = 5.0
                continue
            except Exception as error:  # a network error, or anything else: polling goes on
                self._bursts.report(f"poll {error_kind(error)}", "getUpdates failed, retrying")
                backoff = min(max(backoff * 2, 1.0), 30.0)
                continue
            backoff = 0.0
            if updates:
                await self._store(updates)
                # The next call's offset confirms this batch: it is in the inbox now.
                self.offset = updates[-1].update_id + 1

    async def _store(self, updates: Sequence[Update]) -> None:
        """Commit the batch, retrying while the database is away (the offset waits).

        A permanent error (an update the database refuses) must not stop intake: the batch is
        then stored one by one, and an update that still fails is logged and left out.
        """
        delay = 0.25
        while True:
            try:
                await self._worker.store([incoming(update) for update in updates], updates)
                return
            except Exception as error:
                kind = error_kind(error)
                self._bursts.report(f"store {kind}", "inbox: cannot store updates (%s)", kind)
                if not is_transient(error) and len(updates) > 1:
                    for update in updates:
                        await self._store([update])
                    return
                if not is_transient(error):
                    log.error("inbox: update %s refused, left out", updates[0].update_id)
                    return
                await asyncio.sleep(delay)
                delay = min(delay * 2, 5.0)
