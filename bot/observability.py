"""Liveness, readiness and Prometheus metrics of one instance (no ``telegram`` here).

- alive: the process answers (``/healthz``);
- ready: the database answers, its schema is at the migrations' head, and the inbox lag is
  under the limit (``/readyz``). The inbox lag is a pluggable callable: without a durable
  inbox it is :func:`no_inbox` (always fine);
- metrics: updates by outcome, handling latency, inbox lag, outbox backlog by source, sends
  by result, 429s, and the age of the oldest open staff question (``/metrics``).

One :class:`Observability` per application (a service, built by ``bot.app``): its own
Prometheus registry, so two applications in one process (tests) never mix their counts.
"""

from __future__ import annotations

import ast
import asyncio
import functools
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from bot.clock import Clock
from bot.storage.db import Database
from bot.storage.models.outbox import OutboxMessage

log = logging.getLogger(__name__)

OldestWaiting = Callable[[AsyncSession], Awaitable[datetime | None]]
"""When the oldest message a resident wrote to staff and still waits for was written (a
feature's reader: the platform knows no feature's tables), or ``None``."""

InboxLag = Callable[[], Awaitable[float | None]]
"""Seconds the oldest unprocessed update has waited, or ``None`` when there is no inbox."""

METRICS_CONTENT_TYPE = CONTENT_TYPE_LATEST
MIGRATIONS_DIR = Path(__file__).with_name("storage") / "migrations" / "versions"
CHECK_TIMEOUT_SECONDS = 3.0
# Telegram's "send" requests: what "sends by result" counts (answers to buttons and edits not).
SEND_METHODS = frozenset(
    {
        "sendmessage",
        "sendphoto",
        "senddocument",
        "copymessage",
        "forwardmessage",
        "sendmediagroup",
        "sendsticker",
    }
)


async def no_inbox() -> float | None:
    """The inbox lag without a durable inbox: nothing waits, readiness is not affected."""
    return None


@functools.cache
def migration_heads(directory: Path = MIGRATIONS_DIR) -> frozenset[str]:
    """The head revisions, read from the migration files without importing Alembic (once per
    process: the files do not change under a running process, and the test suite builds an
    application for each bot test).

    Alembic stays out of the serving process (about 8 MiB kept for good, issue 18); the
    files' ``revision`` and ``down_revision`` assignments are enough to know the heads.
    """
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in directory.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            expression: ast.expr | None
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
                name, expression = node.targets[0].id, node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                name, expression = node.target.id, node.value
            else:
                continue
            if name not in ("revision", "down_revision") or expression is None:
                continue  # other assignments may be any expression (a column type)
            value = ast.literal_eval(expression)
            if name == "revision" and isinstance(value, str):
                revisions.add(value)
            elif name == "down_revision" and value:
                parents.update([value] if isinstance(value, str) else value)
    return frozenset(revisions - parents)


@dataclass(frozen=True)
class Readiness:
    """The verdict and each check's answer (``ok`` or what is wrong, never a secret)."""

    ready: bool
    checks: dict[str, str] = field(default_factory=dict)


def _outcome_labels() -> tuple[str, ...]:
    return ("handled", "failed", "ignored")


class Observability:
    """Counters fed by the application, gauges read from the database at each scrape."""

    def __init__(
        self,
        database: Database,
        clock: Clock,
        *,
        inbox_lag: InboxLag | None = None,
        oldest_waiting: OldestWaiting | None = None,
        max_inbox_lag_seconds: float = 60.0,
        heads: frozenset[str] | None = None,
    ) -> None:
        self.database = database
        self.clock = clock
        self.inbox_lag: InboxLag = inbox_lag or no_inbox
        self.oldest_waiting = oldest_waiting
        self.max_inbox_lag_seconds = max_inbox_lag_seconds
        self.heads = heads if heads is not None else migration_heads()
        self.registry = CollectorRegistry()
        r = self.registry
        self.updates = Counter("frontdesk_updates", "Updates by outcome.", ["outcome"], registry=r)
        for outcome in _outcome_labels():
            self.updates.labels(outcome)
        self.handling = Histogram(
            "frontdesk_update_handling_seconds",
            "Time to handle one update, from its first handler to its last.",
            buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=r,
        )
        self.inbox_lag_seconds = Gauge(
            "frontdesk_inbox_lag_seconds",
            "How long the oldest unprocessed update has waited (0 without an inbox).",
            registry=r,
        )
        self.outbox_backlog = Gauge(
            "frontdesk_outbox_backlog", "Outbox messages not yet sent, by source.", ["source"],
            registry=r,
        )  # fmt: skip
        self.sends = Counter(
            "frontdesk_sends", "Messages sent to Telegram, by result.", ["result"], registry=r
        )
        self.rate_limited = Counter(
            "frontdesk_telegram_429", "Requests Telegram answered with 429.", ["method"],
            registry=r,
        )  # fmt: skip
        self.oldest_question_age = Gauge(
            "frontdesk_oldest_open_question_age_seconds",
            "Age of the oldest question a resident asked staff that is not answered yet.",
            registry=r,
        )

    # --- fed by the application -------------------------------------------------------

    def observe_update(self, outcome: str, seconds: float | None = None) -> None:
        self.updates.labels(outcome).inc()
        if seconds is not None:
            self.handling.observe(seconds)

    def observe_response(self, method: str, status: int | None) -> None:
        """One answer of the Bot API (``None``: no answer, a network error)."""
        name = method.lower()
        if status == 429:
            self.rate_limited.labels(method).inc()
        if name in SEND_METHODS:
            self.sends.labels(_result(status)).inc()

    # --- read at each scrape ----------------------------------------------------------

    async def _lag(self) -> float | None:
        return await asyncio.wait_for(self.inbox_lag(), CHECK_TIMEOUT_SECONDS)

    async def refresh(self) -> None:
        """Read the gauges that live in the database (a failure leaves them as they were)."""
        now = self.clock.now()
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_SECONDS), self.database.read() as session:
                backlog = await session.execute(
                    select(OutboxMessage.source, func.count())
                    .where(OutboxMessage.status.in_(("pending", "sending")))
                    .group_by(OutboxMessage.source)
                )
                oldest = (
                    await self.oldest_waiting(session) if self.oldest_waiting is not None else None
                )
            self.outbox_backlog.clear()
            for source, count in backlog:
                self.outbox_backlog.labels(source).set(count)
            self.oldest_question_age.set(
                0.0 if oldest is None else max(0.0, (now - oldest).total_seconds())
            )
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            log.warning("metrics: database gauges not refreshed (%s)", exc.__class__.__name__)
        try:
            lag = await self._lag()
        except Exception as exc:  # a plugged-in callable must not break the scrape
            log.warning("metrics: inbox lag unknown (%s)", exc.__class__.__name__)
            return
        self.inbox_lag_seconds.set(lag or 0.0)

    async def render(self) -> bytes:
        """The metrics in Prometheus' text format, gauges refreshed first."""
        await self.refresh()
        return generate_latest(self.registry)

    async def readiness(self) -> Readiness:
        """Database reachable, migrations at head, inbox lag under the limit."""
        checks: dict[str, str] = {}
        try:
            async with asyncio.timeout(CHECK_TIMEOUT_SECONDS), self.database.read() as session:
                await session.execute(text("SELECT 1"))
                checks["database"] = "ok"
                try:
                    rows = await session.scalars(text("SELECT version_num FROM alembic_version"))
                    current = frozenset(rows)
                except SQLAlchemyError:
                    current = frozenset()
            checks["migrations"] = "ok" if current == self.heads else "not at head"
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            checks["database"] = f"unreachable ({exc.__class__.__name__})"
            checks["migrations"] = "unknown"
        try:
            lag = await self._lag()
            if lag is None or lag <= self.max_inbox_lag_seconds:
                checks["inbox"] = "ok"
            else:
                checks["inbox"] = f"lag {lag:.0f} s over {self.max_inbox_lag_seconds:.0f} s"
        except Exception as exc:  # a plugged-in callable must not break the probe
            checks["inbox"] = f"unknown ({exc.__class__.__name__})"
        return Readiness(all(v == "ok" for v in checks.values()), checks)


def _result(status: int | None) -> str:
    if status is None:
        return "network_error"
    if 200 <= status < 300:
        return "ok"
    if status == 429:
        return "rate_limited"
    if status == 403:
        return "forbidden"
    if 400 <= status < 500:
        return "bad_request"
    return "server_error"
