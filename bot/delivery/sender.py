"""Drains the outbox: claims due messages, sends them through the rate limiter, records results.

Outcomes: sent; 429 → the same message again after ``retry_after`` (not counted as a failure);
timeouts, network errors and 5xx → retried with exponential backoff up to ``max_attempts``;
403 (the person blocked the bot) → ``blocked``, and the person is marked unreachable so later
audiences leave them out; other 400s → ``failed`` for good.

Claims belong to this instance (``claimed_by``, bot/services/instances.py): another sender
releases them only once this instance is dead. Each result is written as soon as the write
before it is done (a group commit: one result at 30/s, several at 1,000/s), so a crash can
repeat at most the messages in flight. A result that cannot be written (the database is out
of reach) stays in memory and is written when the database is back: an outage neither
repeats a message nor leaves claims to time out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, ReplyParameters
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.delivery.instance import InstanceHeartbeat
from bot.delivery.limiter import retry_after_seconds
from bot.runtime import Runtime
from bot.services import instances, outbox, users

log = logging.getLogger(__name__)
BULK = {"bulk": True}
RECORD_RETRY_SECONDS = (0.2, 0.5, 1.0, 2.0)
PAID_BULK = {"bulk": True, "paid": True}


@dataclass(frozen=True)
class SenderSettings:
    """How hard the sender pushes; see ``DeliverySettings`` for the environment names."""

    batch_size: int = 60
    concurrency: int = 12
    max_attempts: int = 8
    stale_claim: timedelta = timedelta(minutes=2)
    poll_seconds: float = 1.0
    # Send as paid broadcasts (``allow_paid_broadcast``): above 30/s, 0.1 Telegram Stars each.
    paid_broadcast: bool = False


def _markup(buttons: list[list[dict[str, str]]] | None) -> InlineKeyboardMarkup | None:
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b["text"], url=b["url"])
                if "url" in b
                else InlineKeyboardButton(b["text"], callback_data=b["callback_data"])
                for b in row
            ]
            for row in buttons
        ]
    )


@dataclass
class _Result:
    claimed: outbox.Claimed
    status: str
    message: Message | None = None
    error: str = ""
    message_id: int | None = None  # a copy's id (copyMessage answers only that)
    retry_in: float = 0.0
    counts_attempt: bool = True


def _held_back(item: outbox.Claimed, retry_in: float) -> _Result:
    """A message not tried because an earlier one to its chat must wait: it waits too."""
    return _Result(item, outbox.PENDING, error="held behind", retry_in=retry_in,
                   counts_attempt=False)  # fmt: skip


class OutboxSender:
    """One per application; any number of instances may share a database."""

    def __init__(
        self,
        runtime: Runtime,
        bot: ExtBot[Any],
        settings: SenderSettings | None = None,
        on_bulk_pause: Callable[[float], None] | None = None,
        instance: InstanceHeartbeat | None = None,
    ) -> None:
        self.runtime = runtime
        self.instance = instance or InstanceHeartbeat(runtime)
        self.bot = bot
        self.settings = settings or SenderSettings()
        self._on_bulk_pause = on_bulk_pause
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        # Set by stop() before its cancel: the loop ends at its next turn even if the cancel
        # was swallowed on the way (a library's wait_for on Python 3.11; see _run).
        self._stopping = False
        self._bodies: dict[int, outbox.Body] = {}
        self._lock = asyncio.Lock()
        # One write transaction at a time from this sender: on SQLite two would make one
        # wait in the busy handler (sleeping in growing steps), which throttled the sender.
        self._record_lock = asyncio.Lock()
        self._unrecorded: list[_Result] = []
        self._not_started: set[int] = set()  # claimed ids not yet handed to Telegram
        self.stats: Counter[str] = Counter()

    # -- lifecycle ----------------------------------------------------------------------

    def start(self) -> None:
        """Begin draining in the background."""
        if self._task is None:
            self._stopping = False
            self.runtime.db.commits.listen(self.wake)
            self._task = asyncio.create_task(self._run(), name="outbox-sender")

    async def stop(self) -> None:
        """Stop; claims not yet handed to Telegram go back at once (in-flight ones stay
        claimed by this instance, which is then gone: the next sender re-sends them)."""
        self.runtime.db.commits.forget(self.wake)
        if self._task is not None:
            self._stopping = True
            self._wake.set()  # an idle loop looks at once and sees it is stopping
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._unrecorded:  # answers already back: written now, not sent again later
            with contextlib.suppress(SQLAlchemyError, OSError):
                await self._record_now(self._unrecorded[:])
                self._unrecorded.clear()
        if self._not_started:
            with contextlib.suppress(SQLAlchemyError, OSError):
                async with self.runtime.db.transaction() as session:
                    await outbox.release_own(session, sorted(self._not_started), self.instance.id)
            self._not_started.clear()

    def wake(self) -> None:
        """Something was enqueued (rung by the database after the commit): look now."""
        self._wake.set()

    async def _run(self) -> None:
        unreachable = False
        while not self._stopping:
            if self._lock.locked():
                # A drain (a job, a test) is delivering: let it finish first, then look
                # again, so that a commit during its last look is not missed either.
                async with self._lock:
                    pass
            self._wake.clear()  # before looking, so a wake-up during the batch is not lost
            try:
                sent = await self.run_once()
            except (SQLAlchemyError, OSError) as error:
                # The database out of reach: one line per outage, then a look every second.
                if not unreachable:
                    log.warning("outbox: database unreachable (%s), retrying", type(error).__name__)
                unreachable = True
                await asyncio.sleep(min(1.0, self.settings.poll_seconds))
                continue
            except Exception:  # keep draining whatever one batch did
                log.exception("outbox batch failed")
                sent = 0
            if unreachable:
                log.info("outbox: database reachable again")
                unreachable = False
            if sent:
                continue
            # ``asyncio.timeout``, not ``wait_for``: on Python 3.11, ``wait_for`` returns the
            # result instead of raising when the cancel from stop() comes in the few loop
            # turns after a commit rang the bell; this loop then waited for a bell stop()
            # had unhooked, ``poll_seconds`` at a time, forever, and stop() with it (a CI run
            # hung in tests/test_broadcast.py). tests/test_stopping.py.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(self.settings.poll_seconds):
                    await self._wake.wait()

    # -- one batch ----------------------------------------------------------------------

    async def drain(self) -> int:
        """Send everything due now; returns how many messages were handled (tests, jobs)."""
        total = 0
        while handled := await self.run_once():
            total += handled
        return total

    async def run_once(self) -> int:
        """Claim one batch of due messages and deliver it, recording each result at once."""
        async with self._lock:
            now = self.runtime.clock.now()
            async with self.runtime.db.transaction() as session:
                # Liveness is judged on the database's clock (heartbeats are written by it).
                shared_now = await instances.db_now(session)
                released = await instances.release_dead_claims(
                    session,
                    shared_now,
                    self.instance.dead_after,
                    self.instance.up_since or shared_now,
                    unowned_after=self.settings.stale_claim,
                    own_id=self.instance.id,
                    unowned_now=now,
                )
                claimed = await outbox.claim_due(
                    session, now, self.settings.batch_size, claimed_by=self.instance.id
                )
            if released:
                log.info("outbox: %d messages claimed by a dead instance are due again", released)
            if not claimed:
                return 0
            gate = asyncio.Semaphore(self.settings.concurrency)
            self._not_started.update(item.id for item in claimed)

            async def deliver(item: outbox.Claimed) -> _Result:
                # The slot is held until the result is written: at most ``concurrency``
                # messages are ever sent but unrecorded, the most a crash can repeat.
                async with gate:
                    self._not_started.discard(item.id)
                    result = await self._deliver_safely(item)
                    await self._record(result)
                return result

            async def deliver_chat(items: list[outbox.Claimed]) -> None:
                # One chat's messages go one after another, in order: a resident's messages
                # reach staff (and staff's reach the resident) in the order they were written.
                for index, item in enumerate(items):
                    result = await deliver(item)
                    if result.status == outbox.PENDING:  # a 429 or a network error
                        later = items[index + 1 :]
                        if later:
                            self._not_started.difference_update(rest.id for rest in later)
                            await self._record(
                                *(_held_back(rest, result.retry_in) for rest in later)
                            )
                        return

            by_chat: dict[int, list[outbox.Claimed]] = {}
            for item in claimed:
                by_chat.setdefault(item.chat_id, []).append(item)
            await asyncio.gather(*(deliver_chat(items) for items in by_chat.values()))
            return len(claimed)

    async def _body(self, body_id: int) -> outbox.Body:
        body = self._bodies.get(body_id)
        if body is None:
            async with self.runtime.db.read() as session:
                body = await outbox.load_body(session, body_id)
            if len(self._bodies) > 256:
                self._bodies.clear()
            self._bodies[body_id] = body
        return body

    async def _deliver_safely(self, item: outbox.Claimed) -> _Result:
        """``_deliver``, with an unexpected failure (the body unreadable during a database
        outage) turned into a retry of that message, never a lost claim."""
        try:
            return await self._deliver(item)
        except (SQLAlchemyError, OSError) as error:
            backoff = min(2.0 ** (item.attempts + 1), 300.0)
            return _Result(item, outbox.PENDING, error=type(error).__name__, retry_in=backoff)

    async def _deliver(self, item: outbox.Claimed) -> _Result:
        now = self.runtime.clock.now()
        if item.expires_at is not None and item.expires_at <= now:
            return _Result(item, outbox.EXPIRED, error="expired before it could be sent")
        body = await self._body(item.body_id)
        markup = _markup(body.buttons)
        paid = self.settings.paid_broadcast
        options: dict[str, Any] = {
            "allow_paid_broadcast": True if paid else None,
            "rate_limit_args": PAID_BULK if paid else BULK,
        }
        if item.thread_id is not None:
            options["message_thread_id"] = item.thread_id
        if item.reply_to is not None:
            options["reply_parameters"] = ReplyParameters(
                item.reply_to, allow_sending_without_reply=True
            )
        try:
            if body.copy_from_chat is not None and body.copy_message_id is not None:
                copied = await self.bot.copy_message(
                    item.chat_id,
                    body.copy_from_chat,
                    body.copy_message_id,
                    caption=body.text or None,
                    reply_markup=markup,
                    **options,
                )
                return _Result(item, outbox.SENT, message_id=copied.message_id)
            if body.photo is not None or body.photo_file_id is not None:
                message = await self.bot.send_photo(
                    item.chat_id,
                    body.photo_file_id or body.photo or b"",
                    caption=body.text or None,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    **options,
                )
                if body.photo_file_id is None and message.photo:
                    async with self.runtime.db.transaction() as session:
                        await outbox.remember_photo(session, body.id, message.photo[-1].file_id)
                    self._bodies.pop(body.id, None)  # reload with the file id next time
            elif body.document is not None:
                message = await self.bot.send_document(
                    item.chat_id,
                    body.document,
                    filename=body.document_name,
                    caption=body.text or None,
                    parse_mode=ParseMode.HTML,
                    **options,
                )
            else:
                message = await self.bot.send_message(
                    item.chat_id,
                    body.text,
                    parse_mode=ParseMode.HTML,
                    reply_markup=markup,
                    **options,
                )
        except RetryAfter as error:
            seconds = retry_after_seconds(error)
            if self._on_bulk_pause is not None:
                self._on_bulk_pause(seconds)
            return _Result(
                item, outbox.PENDING, error="429", retry_in=seconds, counts_attempt=False
            )
        except Forbidden as error:
            return _Result(item, outbox.BLOCKED, error=error.message)
        except BadRequest as error:
            return _Result(item, outbox.FAILED, error=error.message)
        except (NetworkError, TelegramError) as error:  # timeouts, 5xx, connection errors
            if item.attempts + 1 >= self.settings.max_attempts:
                return _Result(item, outbox.FAILED, error=f"gave up: {error.message}")
            backoff = min(2.0 ** (item.attempts + 1), 300.0)
            return _Result(item, outbox.PENDING, error=error.message, retry_in=backoff)
        return _Result(item, outbox.SENT, message=message)

    async def _record(self, *results: _Result) -> None:
        """Write ``results`` now, with any others that arrived while the last write ran.

        Whoever holds the lock writes everything waiting; through a database outage it keeps
        trying (logged once), so no result is lost and no message goes twice."""
        self._unrecorded.extend(results)
        async with self._record_lock:
            failures = 0
            while self._unrecorded:
                batch = self._unrecorded[:]
                try:
                    await self._record_now(batch)
                except (SQLAlchemyError, OSError) as error:
                    if failures == 0:
                        log.warning(
                            "outbox: recording %d results failed (%s): kept, retrying",
                            len(batch),
                            type(error).__name__,
                        )
                    delay = RECORD_RETRY_SECONDS[min(failures, len(RECORD_RETRY_SECONDS) - 1)]
                    failures += 1
                    await asyncio.sleep(delay)
                    continue
                if failures:
                    log.info("outbox: results recorded after %d failed tries", failures)
                    failures = 0
                del self._unrecorded[: len(batch)]
                self.stats.update(r.status if r.error != "429" else "429" for r in batch)

    async def _record_now(self, results: list[_Result]) -> None:
        now = self.runtime.clock.now()
        sent = [
            (r.claimed.id, r.message.message_id if r.message else r.message_id)
            for r in results
            if r.status == outbox.SENT
        ]
        reached = Counter(
            (r.claimed.source, r.status) for r in results if r.status != outbox.PENDING
        )
        async with self.runtime.db.transaction() as session:
            await outbox.mark_sent_many(session, sent, now)
            await outbox.add_tallies(session, reached)
            for result in results:
                item = result.claimed
                if result.status == outbox.SENT:
                    continue
                if result.status == outbox.PENDING:
                    when = now + timedelta(seconds=result.retry_in)
                    await outbox.retry_later(
                        session, item.id, when, result.error, count=result.counts_attempt
                    )
                    await outbox.hold_back_chat(session, item.chat_id, item.id, when)
                else:
                    await outbox.mark_final(session, item.id, result.status, result.error)
                    if result.status == outbox.BLOCKED:
                        await users.mark_blocked(session, item.chat_id, now)
        failures = [r for r in results if r.status in {outbox.FAILED}]
        for result in failures:
            log.warning("outbox message %s failed: %s", result.claimed.id, result.error)
