"""Announcements: the guided ``/broadcast`` conversation, live progress, topic subscriptions."""

from __future__ import annotations

import asyncio
import logging
import re
import time
import warnings
from collections.abc import Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.broadcast import service
from bot.i18n import Translator
from bot.manifest import Job, Manifest
from bot.runtime import Runtime
from bot.services import users
from bot.tg.guards import require_role

log = logging.getLogger(__name__)

COMMANDS = [
    CommandSpec("subscriptions", "cmd-subscriptions"),
    CommandSpec("broadcast", "cmd-broadcast", role="staff"),
    CommandSpec("broadcasts", "cmd-broadcasts", role="staff"),
]
DRAFT_KEY = "broadcast_draft"
ZH, PHOTO, EN, AUDIENCE, PARAM, URGENT, WHEN, CONFIRM = range(8)

SUBSCRIPTION_CALLBACK = re.compile(r"^broadcast:sub:([a-z]{1,16})$")
CONTROL_CALLBACK = re.compile(r"^broadcast:(pause|resume|cancel):(\d{1,12})$")
AUDIENCE_CALLBACK = re.compile(r"^broadcast:aud:([a-z_]{1,24})$")
PARAM_CALLBACK = re.compile(r"^broadcast:par:([a-z_]{1,24}):([A-Za-z0-9_-]{1,32})$")
URGENT_CALLBACK = re.compile(r"^broadcast:urg:([01])$")
FORMATTING = {
    MessageEntity.BOLD,
    MessageEntity.ITALIC,
    MessageEntity.UNDERLINE,
    MessageEntity.STRIKETHROUGH,
    MessageEntity.SPOILER,
    MessageEntity.CODE,
    MessageEntity.PRE,
    MessageEntity.TEXT_LINK,
    MessageEntity.BLOCKQUOTE,
    MessageEntity.EXPANDABLE_BLOCKQUOTE,
}


# -- resident: topics ---------------------------------------------------------------------


def _subscription_markup(t: Translator, followed: set[str]) -> InlineKeyboardMarkup:
    rows = []
    for topic in service.TOPICS:
        mark = "✅" if topic in followed else "◻️"
        label = t("subscriptions-button", mark=mark, topic=t(f"topic-{topic}"))
        rows.append([InlineKeyboardButton(label, callback_data=f"broadcast:sub:{topic}")])
    return InlineKeyboardMarkup(rows)


async def subscriptions(update: Update, context: FrontdeskContext) -> None:
    """Show the topics with a ✅ on those the resident follows; a press toggles one."""
    if update.effective_message is None or context.profile is None:
        return
    async with context.runtime.db.read() as session:
        followed = await service.followed_topics(session, context.profile.id)
    await update.effective_message.reply_text(
        context.t("subscriptions-prompt"),
        reply_markup=_subscription_markup(context.t, followed),
    )


async def toggle_subscription(update: Update, context: FrontdeskContext) -> None:
    """Follow or stop following the pressed topic."""
    query = update.callback_query
    assert query is not None
    match = SUBSCRIPTION_CALLBACK.fullmatch(query.data or "")
    if match is None or match.group(1) not in service.TOPICS or context.profile is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        now_followed = await service.toggle_topic(
            session, context.profile.id, match.group(1), runtime.clock.now()
        )
        followed = await service.followed_topics(session, context.profile.id)
    topic = context.t(f"topic-{match.group(1)}")
    key = "subscriptions-on" if now_followed else "subscriptions-off"
    await query.answer(context.t(key, topic=topic))
    try:
        await query.edit_message_reply_markup(_subscription_markup(context.t, followed))
    except BadRequest as error:  # two quick presses: the second shows the same state
        log.debug("subscriptions not re-drawn: %s", error)


# -- staff: the conversation --------------------------------------------------------------


def _draft(context: FrontdeskContext) -> dict[str, Any]:
    data = context.user_data
    assert data is not None
    draft = data.setdefault(DRAFT_KEY, {})
    assert isinstance(draft, dict)
    return draft


def html_source(message: Message) -> str:
    """What staff wrote, as Telegram HTML.

    Formatting made with the app (bold, links…) arrives as entities and is converted; a text
    without such entities is taken as HTML typed by hand (``<b>…</b>``).
    """
    text = message.text if message.text is not None else message.caption or ""
    entities = message.entities if message.text is not None else message.caption_entities
    if any(entity.type in FORMATTING for entity in entities):
        return message.text_html if message.text is not None else message.caption_html
    return text


def _skip_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(t("broadcast-skip"), callback_data="broadcast:skip")]]
    )


async def _say(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    if update.effective_chat is not None and update.get_bot() is not None:
        await update.get_bot().send_message(update.effective_chat.id, text, reply_markup=markup)


async def _answer(update: Update) -> None:
    if update.callback_query is not None:
        await update.callback_query.answer()


@require_role("staff")
async def begin(update: Update, context: FrontdeskContext) -> int:
    """``/broadcast``: start composing; first the Chinese text (or a photo with it as caption)."""
    assert context.user_data is not None
    context.user_data[DRAFT_KEY] = {}
    await _say(update, context.t("broadcast-ask-zh"))
    return ZH


def _checked(update: Update, context: FrontdeskContext, text: str, caption: bool) -> str | None:
    """The catalog text of what is wrong with ``text``, or ``None``."""
    verdict = service.check_html(text, caption=caption)
    if verdict.problem is None:
        return None
    return context.t(verdict.problem, detail=verdict.detail, length=verdict.length)


async def got_zh(update: Update, context: FrontdeskContext) -> int:
    """The Chinese text, or a photo whose caption is the Chinese text."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    photo = message.photo[-1].file_id if message.photo else None
    text = html_source(message)
    problem = _checked(update, context, text, caption=photo is not None)
    if problem is not None:
        await _say(update, problem)
        return ZH
    draft.update(text_zh=text, photo=photo)
    if photo is None:
        await _say(update, context.t("broadcast-ask-photo"), _skip_markup(context.t))
        return PHOTO
    await _say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


async def got_photo(update: Update, context: FrontdeskContext) -> int:
    """The optional photo; the text then becomes its caption (at most 1,024 characters)."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    problem = _checked(update, context, draft["text_zh"], caption=True)
    if problem is not None:
        await _say(update, problem)
        return PHOTO
    draft["photo"] = message.photo[-1].file_id
    await _say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


async def skip_photo(update: Update, context: FrontdeskContext) -> int:
    """No photo."""
    await _answer(update)
    await _say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


def _audience_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t(spec.label_key), callback_data=f"broadcast:aud:{name}")]
            for name, spec in service.AUDIENCES.items()
        ]
    )


async def got_en(update: Update, context: FrontdeskContext) -> int:
    """The optional English version."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    text = html_source(message)
    problem = _checked(update, context, text, caption=draft.get("photo") is not None)
    if problem is not None:
        await _say(update, problem)
        return EN
    draft["text_en"] = text
    await _say(update, context.t("broadcast-ask-audience"), _audience_markup(context.t))
    return AUDIENCE


async def skip_en(update: Update, context: FrontdeskContext) -> int:
    """No English version: everyone gets the Chinese one."""
    await _answer(update)
    _draft(context)["text_en"] = None
    await _say(update, context.t("broadcast-ask-audience"), _audience_markup(context.t))
    return AUDIENCE


def _urgent_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("broadcast-normal"), callback_data="broadcast:urg:0")],
            [InlineKeyboardButton(t("broadcast-urgent"), callback_data="broadcast:urg:1")],
        ]
    )


async def got_audience(update: Update, context: FrontdeskContext) -> int:
    """The kind of audience; those that take a parameter offer its choices next."""
    query = update.callback_query
    assert query is not None
    match = AUDIENCE_CALLBACK.fullmatch(query.data or "")
    spec = service.AUDIENCES.get(match.group(1)) if match else None
    if match is None or spec is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return AUDIENCE
    await query.answer()
    name = match.group(1)
    draft = _draft(context)
    draft.update(audience=name, audience_param=None)
    if spec.options is None:
        await _say(update, context.t("broadcast-ask-urgent"), _urgent_markup(context.t))
        return URGENT
    async with context.runtime.db.read() as session:
        options = await spec.options(session, context.t)
    if not options:
        await _say(update, context.t("broadcast-no-options"), _audience_markup(context.t))
        return AUDIENCE
    markup = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=f"broadcast:par:{name}:{param}")]
            for param, label in options[:50]
        ]
    )
    await _say(update, context.t("broadcast-ask-param"), markup)
    return PARAM


async def got_param(update: Update, context: FrontdeskContext) -> int:
    """The audience's parameter (a topic, a language, a course…)."""
    query = update.callback_query
    assert query is not None
    match = PARAM_CALLBACK.fullmatch(query.data or "")
    draft = _draft(context)
    spec = service.AUDIENCES.get(match.group(1)) if match else None
    if match is None or spec is None or match.group(1) != draft.get("audience"):
        await query.answer(context.t("button-invalid"), show_alert=True)
        return PARAM
    async with context.runtime.db.read() as session:  # forged or stale: not offered now
        label = await service.offered(session, match.group(1), match.group(2), context.t)
    if label is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return PARAM
    await query.answer()
    draft["audience_param"] = match.group(2)
    await _say(update, context.t("broadcast-ask-urgent"), _urgent_markup(context.t))
    return URGENT


async def got_urgent(update: Update, context: FrontdeskContext) -> int:
    """Urgent (everyone, whatever they follow, quiet hours ignored) or normal."""
    query = update.callback_query
    assert query is not None
    match = URGENT_CALLBACK.fullmatch(query.data or "")
    if match is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return URGENT
    await query.answer()
    _draft(context)["urgent"] = match.group(1) == "1"
    markup = InlineKeyboardMarkup(
        [[InlineKeyboardButton(context.t("broadcast-now"), callback_data="broadcast:now")]]
    )
    await _say(update, context.t("broadcast-ask-when"), markup)
    return WHEN


def _as_draft(draft: dict[str, Any]) -> service.Draft:
    return service.Draft(
        text_zh=draft["text_zh"],
        text_en=draft.get("text_en"),
        photo_file_id=draft.get("photo"),
        audience=draft.get("audience", "everyone"),
        audience_param=draft.get("audience_param"),
        urgent=bool(draft.get("urgent")),
        when=draft.get("when"),
    )


async def _send_version(update: Update, text: str, photo: str | None) -> None:
    """One version exactly as residents will receive it."""
    chat = update.effective_chat
    assert chat is not None
    bot = update.get_bot()
    if photo is not None:
        await bot.send_photo(chat.id, photo, caption=text)
    else:
        await bot.send_message(chat.id, text)


def _local(context: FrontdeskContext, when: Any) -> str:
    return str(when.astimezone(context.runtime.centre.zone).strftime("%Y-%m-%d %H:%M"))


async def _audience_label(context: FrontdeskContext, draft: service.Draft) -> str:
    spec = service.AUDIENCES[draft.audience]
    label = context.t(spec.label_key)
    if draft.audience_param is not None and spec.options is not None:
        async with context.runtime.db.read() as session:
            options = dict(await spec.options(session, context.t))
        label = f"{label}: {options.get(draft.audience_param, draft.audience_param)}"
    return label


async def _preview(update: Update, context: FrontdeskContext) -> int:
    """Both versions as residents will see them, the audience size, Confirm / Cancel."""
    draft = _as_draft(_draft(context))
    runtime = context.runtime
    quiet = (runtime.settings.broadcast.quiet_start, runtime.settings.broadcast.quiet_end)
    now = runtime.clock.now()
    start = service.start_time(draft, now, runtime.centre.zone, quiet)
    try:
        await _say(update, context.t("broadcast-preview-zh"))
        await _send_version(update, draft.text_zh, draft.photo_file_id)
        if draft.text_en:
            await _say(update, context.t("broadcast-preview-en"))
            await _send_version(update, draft.text_en, draft.photo_file_id)
    except BadRequest as error:
        await _say(update, context.t("broadcast-refused", error=error.message))
        await _say(update, context.t("broadcast-ask-zh"))
        _draft(context).clear()
        return ZH
    async with runtime.db.read() as session:
        size = await service.audience_size(
            session, draft.audience, draft.audience_param, draft.urgent
        )
    moved = start != (draft.when or now)
    summary = context.t(
        "broadcast-summary",
        audience=await _audience_label(context, draft),
        size=size,
        urgent=context.t("broadcast-urgent" if draft.urgent else "broadcast-normal"),
        when=context.t("broadcast-when-now")
        if draft.when is None and not moved
        else _local(context, start),
        quiet=context.t("broadcast-quiet-moved") if moved else "",
    )
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(context.t("broadcast-confirm"), callback_data="broadcast:ok"),
                InlineKeyboardButton(context.t("broadcast-cancel"), callback_data="broadcast:no"),
            ]
        ]
    )
    await _say(update, summary, markup)
    return CONFIRM


async def now_chosen(update: Update, context: FrontdeskContext) -> int:
    """Send as soon as confirmed."""
    await _answer(update)
    _draft(context)["when"] = None
    return await _preview(update, context)


async def got_when(update: Update, context: FrontdeskContext) -> int:
    """A date and time, ``YYYY-MM-DD HH:MM`` in the centre's time zone."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    when = service.parse_when(message.text or "", runtime.clock.now(), runtime.centre.zone)
    if when is None:
        await _say(update, context.t("broadcast-bad-when"))
        return WHEN
    _draft(context)["when"] = when
    return await _preview(update, context)


@require_role("staff")
async def confirmed(update: Update, context: FrontdeskContext) -> int:
    """Write the broadcast and every recipient's row in one transaction, then show progress."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    await query.answer()
    draft = _as_draft(_draft(context))
    runtime = context.runtime
    chat_id = update.effective_chat.id if update.effective_chat else context.profile.telegram_id
    quiet = (runtime.settings.broadcast.quiet_start, runtime.settings.broadcast.quiet_end)
    async with runtime.db.transaction() as session:
        created = await service.create(
            session,
            draft,
            context.profile,
            runtime.clock.now(),
            runtime.centre.zone,
            quiet,
            progress_chat_id=chat_id,
        )
    _draft(context).clear()
    with_buttons = query.message if isinstance(query.message, Message) else None
    if with_buttons is not None:
        try:
            await with_buttons.edit_reply_markup(None)
        except TelegramError as error:
            log.debug("confirmation buttons not removed: %s", error)
    await monitor_of(context).show(created.id, chat_id)
    return ConversationHandler.END


async def cancelled(update: Update, context: FrontdeskContext) -> int:
    """Cancel the draft (button or /cancel at any step)."""
    await _answer(update)
    if context.user_data is not None:
        context.user_data.pop(DRAFT_KEY, None)
    await _say(update, context.t("broadcast-draft-cancelled"))
    return ConversationHandler.END


async def reprompt(update: Update, context: FrontdeskContext) -> None:
    """Something the current step does not expect."""
    await _say(update, context.t("broadcast-unexpected"))


async def stale_step(update: Update, context: FrontdeskContext) -> None:
    """A button of another step of the conversation."""
    if update.callback_query is not None:
        await update.callback_query.answer(context.t("button-invalid"), show_alert=True)


# -- staff: progress and control -----------------------------------------------------------


def _duration(t: Translator, seconds: float) -> str:
    seconds = max(0, round(seconds))
    if seconds < 60:
        return t("broadcast-seconds", n=seconds)
    return t("broadcast-minutes", m=seconds // 60, s=seconds % 60)


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
        if figures.status == service.ACTIVE and figures.not_before > now and figures.done == 0:
            when = figures.not_before.astimezone(runtime.centre.zone).strftime("%Y-%m-%d %H:%M")
            lines.append(t("broadcast-progress-scheduled", when=when))
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
        eta = self._eta(figures)
        if eta is not None and figures.not_before <= now:
            lines.append(t("broadcast-progress-eta", eta=_duration(t, eta)))
        lines.append(t(f"broadcast-status-{figures.status}", cancelled=figures.cancelled))
        buttons: list[InlineKeyboardButton] = []
        if figures.status == service.ACTIVE:
            buttons.append(
                InlineKeyboardButton(
                    t("broadcast-pause"), callback_data=f"broadcast:pause:{figures.id}"
                )
            )
        if figures.status == service.PAUSED:
            buttons.append(
                InlineKeyboardButton(
                    t("broadcast-resume"), callback_data=f"broadcast:resume:{figures.id}"
                )
            )
        if figures.status in (service.ACTIVE, service.PAUSED):
            buttons.append(
                InlineKeyboardButton(
                    t("broadcast-stop"), callback_data=f"broadcast:cancel:{figures.id}"
                )
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
        """Send the progress message of a new broadcast and remember it."""
        async with self.runtime.db.read() as session:
            figures = await service.progress(session, broadcast_id)
        assert figures is not None
        text, markup = self.render(await self._translator(chat_id), figures)
        message = await self.app.bot.send_message(chat_id, text, reply_markup=markup)
        async with self.runtime.db.transaction() as session:
            await service.set_progress_message(session, broadcast_id, chat_id, message.message_id)
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
            needs_write = figures.status == service.PAUSED or (
                figures.status == service.ACTIVE and figures.remaining == 0
            )
            if needs_write:  # most ticks only read: the sender needs the write lock
                async with runtime.db.transaction() as session:
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
async def control(update: Update, context: FrontdeskContext) -> None:
    """Pause, Resume or Cancel under a progress message."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    match = CONTROL_CALLBACK.fullmatch(query.data or "")
    if match is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    action, broadcast_id = match.group(1), int(match.group(2))
    runtime = context.runtime
    change = {"pause": service.pause, "resume": service.resume, "cancel": service.cancel}[action]
    async with runtime.db.transaction() as session:
        changed = await change(session, broadcast_id, context.profile, runtime.clock.now())
    if not changed:
        await query.answer(context.t("broadcast-control-stale"), show_alert=True)
        return
    await query.answer(context.t(f"broadcast-control-{action}"))
    await monitor_of(context).refresh(broadcast_id, force=True)


@require_role("staff")
async def list_broadcasts(update: Update, context: FrontdeskContext) -> None:
    """Recent broadcasts with their figures."""
    async with context.runtime.db.read() as session:
        items = await service.recent(session)
    zone = context.runtime.centre.zone
    lines = [context.t("broadcasts-title")]
    for item in items:
        lines.append(
            context.t(
                "broadcasts-line",
                id=item.id,
                at=item.created_at.astimezone(zone).strftime("%m-%d %H:%M"),
                author=item.author_name,
                status=context.t(f"broadcast-state-{item.status}"),
                total=item.total,
                sent=item.sent,
                failed=item.failed,
                blocked=item.blocked,
                remaining=item.remaining,
            )
        )
    if not items:
        lines.append(context.t("broadcasts-none"))
    if update.effective_message is not None:
        await update.effective_message.reply_text("\n".join(lines))


def conversation() -> ConversationHandler[FrontdeskContext]:
    """The guided ``/broadcast`` conversation."""
    text = filters.TEXT & ~filters.COMMAND
    steps: dict[object, list[Any]] = {
        ZH: [MessageHandler(text | filters.PHOTO, got_zh)],
        PHOTO: [
            MessageHandler(filters.PHOTO, got_photo),
            CallbackQueryHandler(skip_photo, pattern=r"^broadcast:skip$"),
        ],
        EN: [
            MessageHandler(text, got_en),
            CallbackQueryHandler(skip_en, pattern=r"^broadcast:skip$"),
        ],
        AUDIENCE: [CallbackQueryHandler(got_audience, pattern=r"^broadcast:aud:")],
        PARAM: [CallbackQueryHandler(got_param, pattern=r"^broadcast:par:")],
        URGENT: [CallbackQueryHandler(got_urgent, pattern=r"^broadcast:urg:")],
        WHEN: [
            CallbackQueryHandler(now_chosen, pattern=r"^broadcast:now$"),
            MessageHandler(text, got_when),
        ],
        CONFIRM: [CallbackQueryHandler(confirmed, pattern=r"^broadcast:ok$")],
    }
    with warnings.catch_warnings():
        # PTB warns that with per_message=False buttons are tracked per chat, not per
        # message: intended here (one draft per staff member and chat).
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler("broadcast", begin)],
            states=steps,
            fallbacks=[
                CommandHandler("cancel", cancelled),
                CallbackQueryHandler(cancelled, pattern=r"^broadcast:no$"),
                CallbackQueryHandler(stale_step, pattern=r"^broadcast:(skip|aud|par|urg|now|ok)"),
                MessageHandler(~filters.COMMAND, reprompt),
            ],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="broadcast",
        )


def install(app: FrontdeskApplication) -> None:
    """The conversation, progress buttons, /broadcasts, /subscriptions and the progress job."""
    app.add_handler(conversation())
    app.add_handler(CallbackQueryHandler(control, pattern=r"^broadcast:(pause|resume|cancel):"))
    app.add_handler(CommandHandler("broadcasts", list_broadcasts))
    app.add_handler(CommandHandler("subscriptions", subscriptions))
    app.add_handler(CallbackQueryHandler(toggle_subscription, pattern=r"^broadcast:sub:"))


MANIFEST = Manifest(
    name="broadcast",
    install=install,
    commands=COMMANDS,
    jobs=[
        Job(
            "broadcast-progress",
            progress_job,
            every=lambda runtime: float(runtime.settings.broadcast.progress_seconds),
        )
    ],
    services=[ProgressMonitor],
)
