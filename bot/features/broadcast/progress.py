"""A running broadcast's progress message, its pause/resume/cancel buttons, and /broadcasts."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot import dates
from bot.callbacks import encode
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.broadcast import service
from bot.features.broadcast.buttons import Pause, Resume, Stop
from bot.features.broadcast.service import Shown
from bot.features.broadcast.views import _duration
from bot.i18n import Translator, message_keys
from bot.runtime import Runtime
from bot.services import users
from bot.tg.guards import require_role
from bot.tg.reply import say

log = logging.getLogger(__name__)

# The progress message's last line, and a status in the list of broadcasts.
STATUS_TEXTS = message_keys(
    Shown,
    {
        Shown.SCHEDULED: "broadcast-status-scheduled",
        Shown.SENDING: "broadcast-status-sending",
        Shown.PAUSED: "broadcast-status-paused",
        Shown.CANCELLED: "broadcast-status-cancelled",
        Shown.DONE: "broadcast-status-done",
    },
)
STATE_TEXTS = message_keys(
    Shown,
    {
        Shown.SCHEDULED: "broadcast-state-scheduled",
        Shown.SENDING: "broadcast-state-sending",
        Shown.PAUSED: "broadcast-state-paused",
        Shown.CANCELLED: "broadcast-state-cancelled",
        Shown.DONE: "broadcast-state-done",
    },
)
CONTROL_TEXTS = message_keys(
    (Pause, Resume, Stop),
    {
        Pause: "broadcast-control-pause",
        Resume: "broadcast-control-resume",
        Stop: "broadcast-control-cancel",
    },
)


class ProgressMonitor:
    """Keeps each running broadcast's progress message up to date, at most every few seconds.

    The figures come from the outbox rows, so a restarted bot continues where the last one
    stopped (the message id is stored with the broadcast).
    """

    def __init__(self, app: FrontdeskApplication, monotonic: Callable[[], float] = time.monotonic):
        self.app = app
        self.monotonic = monotonic
        self._last_edit: dict[int, float] = {}
        self._first_seen: dict[int, tuple[float, int]] = {}
        self._lock = asyncio.Lock()

    @property
    def runtime(self) -> Runtime:
        return self.app.bot_data.runtime

    async def tick(self, *, force: bool = False) -> None:
        """Refresh every unfinished broadcast (the repeating job; tests call it directly)."""
        async with self.runtime.db.read() as session:
            ids = await service.unfinished(session)
        for broadcast_id in ids:
            try:
                await self.refresh(broadcast_id, force=force)
            except Exception:  # one broken progress message must not stop the others
                log.exception("progress of broadcast %s not refreshed", broadcast_id)

    def _eta(self, figures: service.Progress) -> float | None:
        if figures.remaining == 0 or figures.status != service.ACTIVE:
            return None
        now = self.monotonic()
        first = self._first_seen.setdefault(figures.id, (now, figures.done))
        elapsed, done = now - first[0], figures.done - first[1]
        rate = done / elapsed if elapsed >= 2 and done > 0 else 0.0
        if rate <= 0:
            rate = self.runtime.settings.delivery.overall_per_second
        return figures.remaining / rate

    def render(
        self, t: Translator, figures: service.Progress
    ) -> tuple[str, InlineKeyboardMarkup | None]:
        """The text and buttons of the progress message."""
        runtime = self.runtime
        now = runtime.clock.now()
        lines = [t("broadcast-progress-title", id=figures.id)]
        status = service.shown_status(figures, now)
        if status == Shown.SCHEDULED:
            when = dates.day_and_time(figures.not_before, runtime.centre.zone, t.lang)
            lines.append(t("broadcast-progress-scheduled", when=when))
        if figures.valid_until is not None:
            until = dates.day_and_time(figures.valid_until, runtime.centre.zone, t.lang)
            lines.append(t("broadcast-progress-valid-until", when=until))
        lines.append(
            t(
                "broadcast-progress-figures",
                total=figures.total,
                sent=figures.sent,
                failed=figures.failed,
                blocked=figures.blocked,
                remaining=figures.remaining,
            )
        )
        if figures.expired:
            lines.append(t("broadcast-progress-expired", expired=figures.expired))
        eta = self._eta(figures)
        if eta is not None and figures.not_before <= now:
            lines.append(t("broadcast-progress-eta", eta=_duration(t, eta)))
        lines.append(t(STATUS_TEXTS[status], cancelled=figures.cancelled))
        buttons: list[InlineKeyboardButton] = []  # by the shown status: nothing left, no buttons
        if status in (Shown.SCHEDULED, Shown.SENDING):
            buttons.append(
                InlineKeyboardButton(t("broadcast-pause"), callback_data=encode(Pause(figures.id)))
            )
        if status == Shown.PAUSED:
            buttons.append(
                InlineKeyboardButton(
                    t("broadcast-resume"), callback_data=encode(Resume(figures.id))
                )
            )
        if status in (Shown.SCHEDULED, Shown.SENDING, Shown.PAUSED):
            buttons.append(
                InlineKeyboardButton(t("broadcast-stop"), callback_data=encode(Stop(figures.id)))
            )
        return "\n".join(lines), InlineKeyboardMarkup([buttons]) if buttons else None

    async def _translator(self, chat_id: int | None) -> Translator:
        language = "zh"
        if chat_id is not None:
            async with self.runtime.db.read() as session:
                profile = await users.find(session, chat_id)
            language = profile.language if profile else language
        return self.runtime.catalog.translator(language)

    async def show(self, broadcast_id: int, chat_id: int) -> None:
        """Send the progress message of a new broadcast and remember it.

        Under the refresh lock: a tick between sending and remembering found no message to
        edit, and a small broadcast it finished then was never shown finished."""
        async with self._lock:
            async with self.runtime.db.read() as session:
                figures = await service.progress(session, broadcast_id)
            assert figures is not None
            text, markup = self.render(await self._translator(chat_id), figures)
            message = await self.app.bot.send_message(chat_id, text, reply_markup=markup)
            async with self.runtime.db.transaction() as session:
                await service.set_progress_message(
                    session, broadcast_id, chat_id, message.message_id
                )
                await service.remember_progress_text(session, broadcast_id, text)
            self._last_edit[broadcast_id] = self.monotonic()

    async def refresh(self, broadcast_id: int, *, force: bool = False) -> None:
        """Finish the broadcast if nothing is left, and edit its message if the figures moved."""
        async with self._lock:
            runtime = self.runtime
            async with runtime.db.read() as session:
                figures = await service.progress(session, broadcast_id)
            if figures is None:
                return
            finished = False
            now = runtime.clock.now()
            needs_write = (
                figures.status == service.PAUSED
                or (figures.status == service.ACTIVE and figures.remaining == 0)
                or service.is_overdue(figures, now)
            )
            if needs_write:  # most ticks only read: the sender needs the write lock
                async with runtime.db.transaction() as session:
                    await service.expire_overdue(session, broadcast_id, now)
                    await service.hold_stragglers(session, broadcast_id)
                    finished = await service.finish_if_done(
                        session, broadcast_id, runtime.clock.now()
                    )
                    figures = await service.progress(session, broadcast_id)
            if figures is None or figures.progress_message_id is None:
                return
            final = finished or figures.status in (service.DONE, service.CANCELLED)
            last = self._last_edit.get(broadcast_id, float("-inf"))
            min_gap = runtime.settings.broadcast.min_edit_seconds
            if not (force or final) and self.monotonic() - last < min_gap:
                return
            text, markup = self.render(await self._translator(figures.progress_chat_id), figures)
            if text == figures.progress_text:
                return
            self._last_edit[broadcast_id] = self.monotonic()
            try:
                await self.app.bot.edit_message_text(
                    text,
                    chat_id=figures.progress_chat_id,
                    message_id=figures.progress_message_id,
                    reply_markup=markup,
                )
            except BadRequest as error:
                if "not modified" not in error.message.lower():
                    raise
            async with runtime.db.transaction() as session:
                await service.remember_progress_text(session, broadcast_id, text)
            if final:
                self._first_seen.pop(broadcast_id, None)
                self._last_edit.pop(broadcast_id, None)


def monitor_of(context: FrontdeskContext) -> ProgressMonitor:
    """The application's progress monitor."""
    return context.services.get(ProgressMonitor)


async def progress_job(context: FrontdeskContext) -> None:
    """Repeating job: refresh the progress messages."""
    await monitor_of(context).tick()


@require_role("staff")
async def control(update: Update, context: FrontdeskContext, press: Pause | Resume | Stop) -> None:
    """Pause, Resume or Cancel under a progress message."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    change = {Pause: service.pause, Resume: service.resume, Stop: service.cancel}[type(press)]
    broadcast_id = press.broadcast_id
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        changed = await change(session, broadcast_id, context.profile, runtime.clock.now())
        finished = not changed and await service.is_done(session, broadcast_id)
    if finished:  # sent in full before the progress message caught up: show it finished
        await query.answer(context.t("broadcast-control-finished"), show_alert=True)
        await monitor_of(context).refresh(broadcast_id, force=True)
        return
    if not changed:
        await query.answer(context.t("broadcast-control-stale"), show_alert=True)
        return
    await query.answer(context.t(CONTROL_TEXTS[type(press)]))
    await monitor_of(context).refresh(broadcast_id, force=True)


@require_role("staff")
async def list_broadcasts(update: Update, context: FrontdeskContext) -> None:
    """Recent broadcasts with their figures."""
    async with context.runtime.db.read() as session:
        items = await service.recent(session)
    zone = context.runtime.centre.zone
    now = context.runtime.clock.now()
    lines = [context.t("broadcasts-title")]
    for item in items:
        lines.append(
            context.t(
                "broadcasts-line",
                id=str(item.id),
                at=dates.day_and_time(item.created_at, zone, context.language),
                author=item.author_name,
                status=context.t(STATE_TEXTS[service.shown_status(item, now)]),
                total=item.total,
                sent=item.sent,
                failed=item.failed,
                blocked=item.blocked,
                remaining=item.remaining,
                expired=item.expired,
            )
        )
    if not items:
        lines.append(context.t("broadcasts-none"))
    await say(update, "\n".join(lines))
