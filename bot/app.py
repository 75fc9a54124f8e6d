"""Factories: the runtime and the PTB ``Application`` (nothing is built at import time)."""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import timedelta

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults, JobQueue, TypeHandler

from bot.centre import Centre
from bot.clock import Clock, SystemClock
from bot.commands import sync_commands
from bot.context import BotData, FrontdeskApplication, FrontdeskContext, Services
from bot.delivery.budget import SharedBudget
from bot.delivery.instance import InstanceHeartbeat
from bot.delivery.limiter import FrontdeskRateLimiter, Limits
from bot.delivery.sender import OutboxSender, SenderSettings
from bot.features import MANIFESTS
from bot.features.askstaff import service as askstaff_service
from bot.features.common import handlers as common
from bot.features.holidays import service as holiday_notices
from bot.features.hours import service as hours_exceptions
from bot.i18n import Catalog
from bot.intake import InboxWorker, UpdatePoller
from bot.manifest import Job, Manifest
from bot.observability import InboxLag, Observability
from bot.runtime import Runtime
from bot.services import inbox, privacy, users
from bot.services.hours_data import HoursData, HoursSources
from bot.settings import Settings
from bot.storage.db import Database, create_database
from bot.tg.forms import FormStore, WaitingSteps
from bot.tg.guards import misguarded_buttons, unguarded_commands
from bot.tg.intake import IntakeApplication, MeteredRequest, private_only_gate
from bot.tg.prefetch import Prefetches
from bot.tg.transport import lean_transport
from bot.update_processor import PerChatUpdateProcessor

log = logging.getLogger(__name__)

# After the profile (-100, the pointer speaks the person's language) and the flood guard (-90).
PRIVATE_GATE_GROUP = -85


# The hours cache reads what staff entered from the chat through the features that own it.
HOURS_SOURCES = HoursSources(
    exceptions=hours_exceptions.load_exceptions, notices=holiday_notices.load_notices
)


def build_hours(
    centre: Centre,
    db: Database,
    *,
    recheck_seconds: float = 2.0,
    package: Callable[[int], bool] | None = None,
) -> HoursData:
    """The per-instance hours cache, fed by the hours and holidays features' tables."""
    return HoursData(centre, db, HOURS_SOURCES, recheck_seconds=recheck_seconds, package=package)


def build_runtime(
    settings: Settings,
    centre: Centre,
    *,
    database: Database | None = None,
    clock: Clock | None = None,
    catalog: Catalog | None = None,
    hours: HoursData | None = None,
    manifests: Sequence[Manifest] = MANIFESTS,
) -> Runtime:
    """The services every handler uses, with the features' commands, data and reminders."""
    db = database or create_database(settings.database_url)
    hours = hours or build_hours(centre, db, recheck_seconds=settings.hours.recheck_seconds)
    runtime = Runtime(
        settings=settings,
        centre=centre,
        db=db,
        catalog=catalog or Catalog(),
        clock=clock or SystemClock(),
        hours=hours,
        commands=[spec for manifest in manifests for spec in manifest.commands],
        reminder_sources=tuple(source for m in manifests for source in m.reminders()),
        digest_sections=tuple(section for m in manifests for section in m.digest()),
    )
    # The features' data sections need the runtime (e.g. to offer a released seat).
    features = [section for manifest in manifests for section in manifest.privacy(runtime)]
    return dataclasses.replace(runtime, privacy_sections=tuple(privacy.sections(features)))


async def bootstrap_staff(runtime: Runtime) -> None:
    """Give the roles named in the centre's data and in ``FRONTDESK_ADMIN_IDS``."""
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        for entry in runtime.centre.staff:
            await users.ensure_staff(session, entry.telegram_id, entry.name, list(entry.roles), now)
        for telegram_id in runtime.settings.admin_ids:
            await users.ensure_staff(session, telegram_id, str(telegram_id), ["admin"], now)


def outbox_sender(app: FrontdeskApplication) -> OutboxSender:
    """The application's outbox sender (tests use it to drain deterministically)."""
    return app.bot_data.services.get(OutboxSender)


def _build_instance(app: FrontdeskApplication) -> InstanceHeartbeat:
    return InstanceHeartbeat(app.bot_data.runtime)


def _build_inbox_worker(app: FrontdeskApplication) -> InboxWorker:
    return InboxWorker(app, app.bot_data.services.get(InstanceHeartbeat))


def inbox_worker(app: FrontdeskApplication) -> InboxWorker:
    """The application's inbox worker: stores, claims and handles updates (issue 14)."""
    return app.bot_data.services.get(InboxWorker)


def update_poller(app: FrontdeskApplication) -> UpdatePoller:
    """The application's ``getUpdates`` loop (polling mode; started by the caller)."""
    return app.bot_data.services.get(UpdatePoller)


def _build_poller(app: FrontdeskApplication) -> UpdatePoller:
    return UpdatePoller(app, inbox_worker(app))


def _build_sender(app: FrontdeskApplication) -> OutboxSender:
    runtime = app.bot_data.runtime
    delivery = runtime.settings.delivery
    return OutboxSender(
        runtime,
        app.bot,
        SenderSettings(
            batch_size=delivery.batch_size,
            concurrency=delivery.concurrency,
            max_attempts=delivery.max_attempts,
            stale_claim=timedelta(seconds=delivery.stale_claim_seconds),
            poll_seconds=delivery.poll_seconds,
            paid_broadcast=delivery.allow_paid_broadcast,
        ),
        instance=app.bot_data.services.get(InstanceHeartbeat),
    )


async def _on_startup(app: FrontdeskApplication) -> None:
    runtime = app.bot_data.runtime
    await bootstrap_staff(runtime)
    await sync_commands(app.bot, runtime)
    await app.bot_data.services.get(InstanceHeartbeat).start()
    outbox_sender(app).start()
    log.info("frontdesk ready as @%s", app.bot.username)


async def _on_stop(app: FrontdeskApplication) -> None:
    await outbox_sender(app).stop()
    await app.bot_data.services.get(InstanceHeartbeat).stop()


@asynccontextmanager
async def serving(
    app: FrontdeskApplication, *, handle_updates: bool = True
) -> AsyncIterator[FrontdeskApplication]:
    """Initialise, run our start-up (staff, commands, outbox sender) and start; then undo.

    PTB calls ``post_init``/``post_stop`` only from ``run_polling``/``run_webhook``; every
    entry point here (runner, webhook, sandbox, tests, benchmarks) goes through this instead.
    Fetching updates (polling or webhook) is the caller's part; the inbox worker that
    handles what they store runs here, unless ``handle_updates`` is false (an intake-only
    instance: it stores updates, other instances claim and handle them).
    """
    async with app:
        await _on_startup(app)
        await app.start()
        if handle_updates:
            inbox_worker(app).start()
        try:
            yield app
        finally:
            await inbox_worker(app).stop()
            await app.stop()
            await _on_stop(app)


def _durable_inbox_lag(runtime: Runtime) -> InboxLag:
    """How long the oldest unfinished update has waited in the durable inbox (every
    instance's, as all share the table): ``/readyz`` and ``/metrics``."""

    async def lag() -> float | None:
        async with runtime.db.read() as session:
            return await inbox.inbox_lag_seconds(session, runtime.clock.now())

    return lag


def build_application(
    runtime: Runtime,
    *,
    base_url: str | None = None,
    base_file_url: str | None = None,
    token: str | None = None,
    manifests: Sequence[Manifest] = MANIFESTS,
    limiter: FrontdeskRateLimiter | None = None,
    inbox_lag: InboxLag | None = None,
) -> FrontdeskApplication:
    """The bot, assembled from the features' manifests: typed services, menus, handlers, jobs.

    Per-chat ordering, Telegram's parse mode and the rate limiter are set here too; nothing
    is changed after this returns. ``limiter`` replaces the one built from the settings
    (tests pace on a manual clock). ``inbox_lag`` feeds ``/readyz`` and ``/metrics``; by
    default it is the durable inbox's oldest unfinished update (tests may replace it).
    """
    # Opt in to PTB's timedelta durations (RetryAfter.retry_after); the int form is deprecated.
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    settings = runtime.settings
    secret = token or (settings.token.get_secret_value() if settings.token else None)
    if not secret:
        raise ValueError("a token is needed (the sandbox passes the emulator's)")
    observability = Observability(
        runtime.db,
        runtime.clock,
        inbox_lag=inbox_lag or _durable_inbox_lag(runtime),
        oldest_waiting=askstaff_service.oldest_waiting,
        max_inbox_lag_seconds=settings.probes.max_inbox_lag_seconds,
    )
    forms = FormStore(runtime)
    builder = (
        ApplicationBuilder()
        .application_class(IntakeApplication)
        .token(secret)
        # PTB's client, counting Telegram's answers for /metrics; 32 connections, not PTB's
        # 256: httpcore checks every pooled connection on each request (FRONTDESK_HTTP_CONNECTIONS).
        # A burst beyond them waits for a free connection instead of failing after PTB's 1 s.
        .request(
            MeteredRequest(
                observability,
                connection_pool_size=settings.http_connections,
                pool_timeout=30.0,
                # httpx's transport with a cheaper idle-connection check (bot/tg/transport.py)
                httpx_kwargs={"transport": lean_transport(settings.http_connections)},
            )
        )
        .base_url(base_url or settings.api_base_url)
        .base_file_url(base_file_url or settings.api_file_base_url)
        .context_types(ContextTypes(context=FrontdeskContext, bot_data=BotData))
        # Every text is catalog HTML with escaped arguments: the parse mode is set once, here.
        .defaults(Defaults(parse_mode=ParseMode.HTML))
        .concurrent_updates(PerChatUpdateProcessor(settings.max_concurrent_updates, forms))
    )
    if limiter is None:
        delivery = settings.delivery
        limits = Limits(
            overall_per_second=delivery.overall_per_second,
            free_per_second=delivery.free_per_second,
            private_per_second=delivery.private_per_second,
            private_burst=delivery.private_burst,
            group_per_minute=delivery.group_per_minute,
        )
        # Always installed (the outbox marks its sends as bulk); pacing can be switched off.
        # On PostgreSQL (several instances) the budget is shared through the database.
        shared = None
        if runtime.db.dialect == "postgresql" and delivery.shared_budget:
            shared = SharedBudget(runtime.db)
        limiter = FrontdeskRateLimiter(limits, pacing=settings.rate_limit, shared=shared)
    builder = builder.rate_limiter(limiter)  # type: ignore[arg-type]  # PTB's builder generics pin the limiter's argument type to None
    app: FrontdeskApplication = builder.build()
    _assemble(app, runtime, manifests, observability)
    return app


def _assemble(
    app: FrontdeskApplication,
    runtime: Runtime,
    manifests: Sequence[Manifest],
    observability: Observability,
) -> None:
    """Services first (handlers may read them while installing), then handlers and jobs."""
    app.bot_data.fill(
        runtime,
        Services(),
        {action: handler for m in manifests for action, handler in m.menu_actions.items()},
        runtime.privacy_sections,
    )
    processor = app.update_processor
    forms = processor.forms if isinstance(processor, PerChatUpdateProcessor) else None
    prefetches = Prefetches(
        [
            *([forms.prefetch()] if forms is not None else []),
            *(item for manifest in manifests for item in manifest.prefetches),
        ]
    )
    factories = [
        _build_instance,
        _build_sender,
        _build_inbox_worker,
        _build_poller,
        *(factory for m in manifests for factory in m.services),
    ]
    waiting = WaitingSteps(tuple(step for m in manifests for step in m.waiting_steps))
    built: list[object] = [observability, prefetches, waiting]
    for factory in factories:  # in order: a factory may look up an earlier service
        built.append(factory(app))
        app.bot_data.services = Services(built)
    app.add_handler(TypeHandler(Update, private_only_gate), group=PRIVATE_GATE_GROUP)
    for manifest in manifests:
        manifest.install(app)
    declared = {spec.name: spec.role for m in manifests for spec in m.commands if spec.role}
    if unguarded := unguarded_commands(app, declared):
        raise RuntimeError(f"commands declared for a role but not guarded: {unguarded}")
    buttons = {cls: role for m in manifests for cls, role in m.buttons.items()}
    if misguarded := misguarded_buttons(app, buttons):
        raise RuntimeError(f"buttons guarded otherwise than their manifest says: {misguarded}")
    common.register_fallbacks(app)
    app.add_error_handler(common.on_error)
    if forms is not None:
        forms.attach(app)
    if app.job_queue is None:
        log.warning("no job queue: the features' jobs will not run")
        return
    for manifest in manifests:
        for job in manifest.jobs:
            _schedule(app.job_queue, runtime, job)


def _schedule(queue: JobQueue[FrontdeskContext], runtime: Runtime, job: Job) -> None:
    if job.every is not None:
        seconds = job.every(runtime)
        queue.run_repeating(job.callback, interval=seconds, first=seconds, name=job.name)
    if job.daily is not None:
        queue.run_daily(job.callback, time=job.daily(runtime), name=job.name)
