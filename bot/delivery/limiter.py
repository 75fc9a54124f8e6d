"""One rate limiter for every request the bot makes, with replies ahead of bulk sends.

PTB's ``AIORateLimiter`` has no per-private-chat limit and pauses every request on one 429
(FACTS.md). This limiter keeps Telegram's three limits itself — overall, per private chat,
per group — and serves a resident's reply before any queued broadcast or reminder, so bulk
delivery never starves interactive answers. Bulk requests (``rate_limit_args={"bulk": True}``)
get a 429 raised back to the outbox, which reschedules that one message; interactive ones
wait the ``retry_after`` and try again.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import logging
import time
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

from bot.delivery.budget import BucketSpec, SharedBudget
from bot.scheduling import slot_released

log = logging.getLogger(__name__)

# Methods that put a message in a chat; only these count against Telegram's limits.
# createForumTopic posts a message (the topic's first) in the group: it counts too.
LIMITED_PREFIXES = ("send", "edit", "copy", "forward", "createforumtopic")
Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
OVERALL_SLACK_SECONDS = 0.2
# ... but never more than this many messages: Telegram's own burst is a number of messages
# that does not grow with the rate configured (or with an emulator's time_scale), and a slack
# as large as that burst leaves no margin for requests that arrive bunched up.
OVERALL_SLACK_MESSAGES = 6.0


def retry_after_seconds(error: RetryAfter) -> float:
    """``retry_after`` in seconds, without PTB's int-or-timedelta deprecation warning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PTBDeprecationWarning)
        value = error.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)


@dataclass(frozen=True)
class Limits:
    """Telegram's limits (Bots FAQ), in messages per real second."""

    overall_per_second: float = 30.0
    # Telegram's rate for messages that are not paid broadcasts: with paid broadcasts on,
    # ``overall_per_second`` may be higher, and unpaid requests (replies) keep to this one.
    free_per_second: float = 30.0
    private_per_second: float = 1.0
    private_burst: int = 3
    group_per_minute: float = 20.0
    # A group's burst: Telegram's, whatever rate is configured (an emulator's time_scale
    # speeds the refill, not the burst).
    group_burst: int = 20
    interactive_retries: int = 3
    # Burst tokens of a chat kept in reserve: requests granted together can reach Telegram
    # bunched up by network or CPU jitter, and a full-burst grant then overdraws its bucket.
    burst_margin: int = 1


class _Bucket:
    __slots__ = ("capacity", "rate", "tokens", "updated")

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity, self.rate, self.tokens, self.updated = capacity, rate, capacity, now

    def wait(self, now: float) -> float:
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1.0 else (1.0 - self.tokens) / self.rate


@dataclass(order=True)
class _Ticket:
    """A reply waiting for the bot-wide buckets: fresh chats (``rank`` 0: nothing sent to
    them lately) before chats being paced (1), then first come, first served."""

    rank: int
    seq: int
    turn: asyncio.Event = field(default_factory=asyncio.Event, compare=False)


class FrontdeskRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Overall, per-chat and per-group pacing with priority for interactive requests."""

    def __init__(
        self,
        limits: Limits | None = None,
        clock: Clock = time.monotonic,
        *,
        pacing: bool = True,
        sleep: Sleep = asyncio.sleep,
        shared: SharedBudget | None = None,
    ) -> None:
        self.limits = limits or Limits()
        # With several instances, Telegram's limits are drawn from the database too
        # (bot/delivery/budget.py); this process's own buckets still apply.
        self.shared = shared
        self._shared_turns = {True: asyncio.Lock(), False: asyncio.Lock()}  # bulk, replies
        self.pacing = pacing
        self._clock = clock
        self._sleep = sleep
        self._overall: _Bucket | None = None
        self._free: _Bucket | None = None
        self._chats: dict[int | str, _Bucket] = {}
        self._chat_paused: dict[int | str, float] = {}
        # Replies waiting for a shared bucket ("overall", or "free" with paid broadcasts):
        # bulk sends leave those tokens to them.
        self._wanting = {"overall": 0, "free": 0}
        self._bulk_paused_until = 0.0
        self._queue: list[_Ticket] = []  # replies waiting for the bot-wide buckets, in turn
        self._seq = 0
        self.stats = {"interactive": 0, "bulk": 0, "paid": 0, "retry_after": 0}

    async def initialize(self) -> None:
        """Nothing to prepare."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    @property
    def pending_replies(self) -> int:
        """Replies waiting for the bot-wide budget (their own chats would let them go)."""
        return len(self._queue)

    def pause_bulk(self, seconds: float) -> None:
        """Hold bulk sending (e.g. after a 429) without holding replies."""
        self._bulk_paused_until = max(self._bulk_paused_until, self._clock() + seconds)

    def _chat_bucket(self, chat_id: int | str, now: float) -> _Bucket:
        bucket = self._chats.get(chat_id)
        if bucket is None:
            if len(self._chats) > 50_000:
                self._forget_idle(now)
            is_group = isinstance(chat_id, str) or chat_id < 0
            if is_group:
                lim = self.limits.group_per_minute
                burst = self.limits.group_burst - self.limits.burst_margin
                bucket = _Bucket(max(burst, 1), lim / 60.0, now)
            else:
                lim = self.limits.private_per_second
                burst = self.limits.private_burst - self.limits.burst_margin
                bucket = _Bucket(max(burst, 1), lim, now)
            self._chats[chat_id] = bucket
        return bucket

    def _forget_idle(self, now: float) -> None:
        """Drop buckets that refilled completely: a new bucket starts full anyway."""
        for chat_id, bucket in list(self._chats.items()):
            bucket.wait(now)
            if bucket.tokens >= bucket.capacity:
                del self._chats[chat_id]
        self._chat_paused = {k: t for k, t in self._chat_paused.items() if t > now}

    @staticmethod
    def _rate_bucket(rate: float, now: float) -> _Bucket:
        # A fifth of a second's worth of slack: a sender that was briefly busy (claiming the
        # next batch) catches up instead of losing those slots for good, while no one-second
        # window ever holds more than 1.2 × the rate.
        slack = min(rate * OVERALL_SLACK_SECONDS, OVERALL_SLACK_MESSAGES)
        return _Bucket(max(1.0, slack), rate, now)

    def _fresh(self, chat_id: int | str | None, now: float) -> bool:
        """Nothing sent to this chat lately: its pacing allowance is whole (``None``: no chat)."""
        if chat_id is None:
            return True
        bucket = self._chat_bucket(chat_id, now)
        bucket.wait(now)
        return bucket.tokens >= bucket.capacity - 1e-9

    def _join(self, chat_id: int | str | None, now: float) -> _Ticket:
        """A reply's place among those waiting for the bot-wide buckets."""
        self._seq += 1
        ticket = _Ticket(0 if self._fresh(chat_id, now) else 1, self._seq)
        bisect.insort(self._queue, ticket)
        return ticket

    def _leave(self, ticket: _Ticket) -> None:
        """Out of the queue (served, cancelled, or back to waiting for its own chat); the
        reply now at the front is woken."""
        self._queue.remove(ticket)
        if self._queue:
            self._queue[0].turn.set()

    async def _acquire(self, chat_id: int | str | None, bulk: bool, paid: bool = False) -> None:
        wanting: str | None = None  # the shared bucket this reply waits for, if any
        # Replies that may go as far as their own chat is concerned take the bot-wide tokens
        # in turn: a chat with nothing sent lately first, then in arrival order (_Ticket).
        # Before, each waiter slept and took whatever token was there when it woke, so an
        # unrelated resident's first reply could wait behind every queued reply of 16
        # bursting chats (0.3-0.6 s; docs/benchmarks.md, issue 18).
        ticket: _Ticket | None = None
        try:
            while True:
                now = self._clock()
                if self._overall is None:
                    self._overall = self._rate_bucket(self.limits.overall_per_second, now)
                overall_wait = self._overall.wait(now)
                free = None
                free_wait = 0.0
                if not paid and self.limits.overall_per_second > self.limits.free_per_second:
                    if self._free is None:
                        self._free = self._rate_bucket(self.limits.free_per_second, now)
                    free = self._free
                    free_wait = free.wait(now)
                own_wait = 0.0
                if chat_id is not None:
                    own_wait = max(
                        self._chat_bucket(chat_id, now).wait(now),
                        self._chat_paused.get(chat_id, 0.0) - now,
                    )
                waits = [overall_wait, free_wait, own_wait]
                behind = False  # another reply goes first
                if bulk:
                    waits.append(self._bulk_paused_until - now)
                    # Let replies go first: a token a waiting reply needs is left to it.
                    if (self._wanting["overall"] and overall_wait == 0.0) or (
                        free is not None and self._wanting["free"] and free_wait == 0.0
                    ):
                        waits.append(1.0 / self.limits.overall_per_second)
                else:
                    if own_wait > 0.0:  # its own chat's pacing first, out of the queue
                        if ticket is not None:
                            self._leave(ticket)
                            ticket = None
                    elif ticket is None and (self._queue or max(overall_wait, free_wait) > 0.0):
                        ticket = self._join(chat_id, now)
                    want = None
                    if ticket is not None:
                        want = "free" if free_wait > 0.0 else "overall"
                        behind = self._queue[0] is not ticket
                    if want != wanting:
                        if wanting is not None:
                            self._wanting[wanting] -= 1
                        if want is not None:
                            self._wanting[want] += 1
                        wanting = want
                wait = max(waits)
                if wait <= 0.0 and not behind:
                    self._overall.tokens -= 1.0
                    if free is not None:
                        free.tokens -= 1.0
                    if chat_id is not None:
                        self._chats[chat_id].tokens -= 1.0
                    return
                # A reply waiting for its chat's pacing holds none of the update slots that
                # other residents' updates need (bot/scheduling.py).
                async with slot_released():
                    if behind:
                        assert ticket is not None
                        ticket.turn.clear()  # set again when it reaches the front
                        await ticket.turn.wait()
                    else:
                        await self._sleep(wait)
        finally:
            if ticket is not None:
                self._leave(ticket)
            if wanting is not None:
                self._wanting[wanting] -= 1

    def _shared_buckets(self, chat_id: int | str | None, paid: bool) -> list[BucketSpec]:
        lim = self.limits
        buckets = []
        if chat_id is not None:
            if isinstance(chat_id, str) or chat_id < 0:
                buckets.append(
                    BucketSpec(f"chat:{chat_id}", lim.group_per_minute, lim.group_per_minute / 60)
                )
            else:
                burst = max(lim.private_burst - lim.burst_margin, 1)
                buckets.append(BucketSpec(f"chat:{chat_id}", burst, lim.private_per_second))
        overall = lim.overall_per_second
        slack = min(overall * OVERALL_SLACK_SECONDS, OVERALL_SLACK_MESSAGES)
        buckets.append(BucketSpec("overall", max(1.0, slack), overall))
        if not paid and overall > lim.free_per_second:
            free = lim.free_per_second
            slack = min(free * OVERALL_SLACK_SECONDS, OVERALL_SLACK_MESSAGES)
            buckets.append(BucketSpec("free", max(1.0, slack), free))
        return buckets

    @staticmethod
    @contextlib.asynccontextmanager
    async def _turn(lock: asyncio.Lock) -> AsyncIterator[None]:
        """Hold ``lock``, waiting for it with the update slot given back.

        The holder sleeps with its slot released and takes a slot again while still holding
        the lock: had the waiters kept their slots, with every slot held by a waiter the
        holder could never continue (all updates of both instances stalled, merge-14)."""
        acquired = False
        try:
            async with slot_released():
                await lock.acquire()
                acquired = True
            yield
        finally:
            if acquired:
                lock.release()

    async def _acquire_shared(self, chat_id: int | str | None, bulk: bool, paid: bool) -> None:
        """One token of each shared bucket, waiting (slot released) while one is empty.

        The bot-wide buckets are asked by one request of a kind at a time (bulk, replies):
        otherwise every waiting request would poll the database each time a token might be
        there, a load that grows with the concurrency and slows the database for everyone
        (seen as a stalled 2,000-message broadcast on a loaded machine). A chat's bucket is
        its own row and asked directly."""
        assert self.shared is not None
        for bucket in self._shared_buckets(chat_id, paid):
            shared_row = not bucket.key.startswith("chat:")
            turn = self._turn(self._shared_turns[bulk]) if shared_row else contextlib.nullcontext()
            async with turn:
                while (wait := await self.shared.take(bucket, bulk=bulk)) > 0.0:
                    async with slot_released():
                        await self._sleep(wait)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        if not endpoint.lower().startswith(LIMITED_PREFIXES):
            return await callback(*args, **kwargs)
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        paid = bool(rate_limit_args and rate_limit_args.get("paid"))
        chat_id = data.get("chat_id")
        retries = 0 if bulk else self.limits.interactive_retries
        while True:
            if self.pacing:
                await self._acquire(chat_id, bulk, paid)
                if self.shared is not None:
                    await self._acquire_shared(chat_id, bulk, paid)
            self.stats["bulk" if bulk else "interactive"] += 1
            self.stats["paid"] += paid
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                self.stats["retry_after"] += 1
                seconds = retry_after_seconds(error)
                if chat_id is not None:
                    self._chat_paused[chat_id] = self._clock() + seconds
                self.pause_bulk(seconds)
                if retries <= 0:
                    raise
                retries -= 1
                log.info("429 on %s: waiting %.1f s before retrying", endpoint, seconds)
