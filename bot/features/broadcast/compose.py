"""Staff compose a broadcast step by step: texts, photo, audience, urgency, time, preview."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    ConversationHandler,
)

from bot import dates
from bot.callbacks import Callback, encode
from bot.context import FrontdeskContext
from bot.features.broadcast import service
from bot.features.broadcast.buttons import (
    ChangeValidity,
    ChooseAudience,
    ChooseParam,
    ChooseUrgency,
    ConfirmBroadcast,
    DropBroadcast,
    NoExpiry,
    SendNow,
)
from bot.features.broadcast.progress import monitor_of
from bot.features.broadcast.views import (
    AUDIENCE,
    CONFIRM,
    EN,
    PARAM,
    PHOTO,
    URGENT,
    VALID,
    WHEN,
    ZH,
    Composing,
    _as_draft,
    _audience_label,
    _draft,
    _local,
    _send_version,
    _skip_markup,
    html_source,
)
from bot.i18n import Translator, message_keys
from bot.tg import forms
from bot.tg.buttons import pressed
from bot.tg.guards import require_role
from bot.tg.reply import say, toast
from bot.understanding import staff_input

log = logging.getLogger(__name__)
FORM_NAME = "broadcast"

# Why a typed sending time was not taken, as staff read it.
WHEN_PROBLEM_TEXTS = message_keys(
    service.WhenProblem,
    {
        service.WhenProblem.UNREAD: "broadcast-bad-when",
        service.WhenProblem.PAST: "broadcast-when-past",
        service.WhenProblem.TOO_FAR: "broadcast-when-too-far",
    },
)


@require_role("staff")
async def begin(update: Update, context: FrontdeskContext) -> int:
    """``/broadcast``: start composing; first the Chinese text (or a photo with it as caption)."""
    context.drafts.put(Composing())
    await say(update, context.t("broadcast-ask-zh"))
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
        await say(update, problem)
        return ZH
    draft.text_zh, draft.photo = text, photo
    if photo is None:
        await say(update, context.t("broadcast-ask-photo"), _skip_markup(context.t))
        return PHOTO
    await say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


async def got_photo(update: Update, context: FrontdeskContext) -> int:
    """The optional photo; the text then becomes its caption (at most 1,024 characters)."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    problem = _checked(update, context, draft.text_zh, caption=True)
    if problem is not None:  # the text is too long for a caption: Skip is still offered
        await say(update, problem, _skip_markup(context.t))
        return PHOTO
    draft.photo = message.photo[-1].file_id
    await say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


async def skip_photo(update: Update, context: FrontdeskContext) -> int:
    """No photo."""
    await toast(update)
    await say(update, context.t("broadcast-ask-en"), _skip_markup(context.t))
    return EN


async def text_at_photo(update: Update, context: FrontdeskContext) -> int | None:
    """Text where a photo is asked: "跳过" / "skip" typed is the Skip button; other text
    (often the English version, sent a step early) is told what this step wants."""
    message = update.effective_message
    if message is not None and message.text and staff_input.is_skip(message.text):
        return await skip_photo(update, context)
    await not_a_photo(update, context)
    return None


async def not_a_photo(update: Update, context: FrontdeskContext) -> None:
    """Anything but a photo at the photo step: say it wants a photo or Skip, with the button."""
    await say(update, context.t("broadcast-photo-expected"), _skip_markup(context.t))


def _audience_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t(spec.label_key), callback_data=encode(ChooseAudience(name)))]
            for name, spec in service.AUDIENCES.items()
        ]
    )


async def got_en(update: Update, context: FrontdeskContext) -> int:
    """The optional English version."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    if message.text and staff_input.is_skip(message.text):  # "skip" typed, not its button
        return await skip_en(update, context)
    text = html_source(message)
    problem = _checked(update, context, text, caption=draft.photo is not None)
    if problem is not None:  # asked again, Skip still offered
        await say(update, problem, _skip_markup(context.t))
        return EN
    draft.text_en = text
    await say(update, context.t("broadcast-ask-audience"), _audience_markup(context.t))
    return AUDIENCE


async def skip_en(update: Update, context: FrontdeskContext) -> int:
    """No English version: everyone gets the Chinese one."""
    await toast(update)
    _draft(context).text_en = None
    await say(update, context.t("broadcast-ask-audience"), _audience_markup(context.t))
    return AUDIENCE


def _urgent_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(t("broadcast-normal"), callback_data=encode(ChooseUrgency(0)))],
            [InlineKeyboardButton(t("broadcast-urgent"), callback_data=encode(ChooseUrgency(1)))],
        ]
    )


async def got_audience(update: Update, context: FrontdeskContext) -> int:
    """The kind of audience; those that take a parameter offer its choices next."""
    query = update.callback_query
    assert query is not None
    name = pressed(ChooseAudience, update).name
    spec = service.AUDIENCES.get(name)
    if spec is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return AUDIENCE
    await query.answer()
    draft = _draft(context)
    draft.audience, draft.audience_param = name, None
    if spec.options is None:
        await say(update, context.t("broadcast-ask-urgent"), _urgent_markup(context.t))
        return URGENT
    async with context.runtime.db.read() as session:
        options = await spec.options(session, context.t)
    if not options:
        await say(update, context.t("broadcast-no-options"), _audience_markup(context.t))
        return AUDIENCE
    await say(update, context.t("broadcast-ask-param"), _param_markup(name, options))
    return PARAM


async def got_param(update: Update, context: FrontdeskContext) -> int:
    """The audience's parameter (a topic, a language, a course…)."""
    query = update.callback_query
    assert query is not None
    press = pressed(ChooseParam, update)
    draft = _draft(context)
    spec = service.AUDIENCES.get(press.name)
    if spec is None or press.name != draft.audience:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return PARAM
    async with context.runtime.db.read() as session:  # forged or stale: not offered now
        label = await service.offered(session, press.name, press.param, context.t)
    if label is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return PARAM
    await query.answer()
    draft.audience_param = press.param
    await say(update, context.t("broadcast-ask-urgent"), _urgent_markup(context.t))
    return URGENT


async def got_urgent(update: Update, context: FrontdeskContext) -> int:
    """Urgent (everyone, whatever they follow, quiet hours ignored) or normal."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    _draft(context).urgent = pressed(ChooseUrgency, update).urgent == 1
    await say(update, context.t("broadcast-ask-when"), _now_markup(context.t))
    return WHEN


async def _preview(update: Update, context: FrontdeskContext) -> int:
    """Both versions as residents will see them, the audience size, Confirm / Cancel."""
    draft = _as_draft(_draft(context))
    runtime = context.runtime
    quiet = (runtime.settings.broadcast.quiet_start, runtime.settings.broadcast.quiet_end)
    now = runtime.clock.now()
    start = service.start_time(draft, now, runtime.centre.zone, quiet)
    stored = _draft(context)
    if not stored.valid_chosen:  # not set by staff: follow the dates in the text
        stored.valid_until = service.suggested_valid_until(
            draft, now, start, runtime.centre.zone, runtime.hours.calendar
        )
        draft = _as_draft(stored)
    try:
        await say(update, context.t("broadcast-preview-zh"))
        await _send_version(update, draft.text_zh, draft.photo_file_id)
        if draft.text_en:
            await say(update, context.t("broadcast-preview-en"))
            await _send_version(update, draft.text_en, draft.photo_file_id)
    except BadRequest as error:
        await say(update, context.t("broadcast-refused", error=error.message))
        await say(update, context.t("broadcast-ask-zh"))
        context.drafts.pop(Composing)
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
        valid=_valid_text(context, draft.valid_until, chosen=stored.valid_chosen),
    )
    await say(update, summary, _confirm_markup(context.t))
    return CONFIRM


def _valid_text(context: FrontdeskContext, until: datetime | None, *, chosen: bool) -> str:
    if until is None:
        return context.t("broadcast-valid-none")
    key = "broadcast-valid-until" if chosen else "broadcast-valid-suggested"
    return context.t(key, when=_local(context, until))


async def change_validity(update: Update, context: FrontdeskContext) -> int:
    """Staff want another "valid until" (or none)."""
    await toast(update)
    await say(update, context.t("broadcast-ask-valid"), _forever_markup(context.t))
    return VALID


async def no_expiry(update: Update, context: FrontdeskContext) -> int:
    """The message stays worth sending however late it goes."""
    await toast(update)
    stored = _draft(context)
    stored.valid_until, stored.valid_chosen = None, True
    return await _preview(update, context)


async def got_valid(update: Update, context: FrontdeskContext) -> int:
    """A "valid until" in words: "12月1日", "明天 18:00", "tomorrow 6pm"."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    quiet = (runtime.settings.broadcast.quiet_start, runtime.settings.broadcast.quiet_end)
    draft = _as_draft(_draft(context))
    start = service.start_time(draft, runtime.clock.now(), runtime.centre.zone, quiet)
    until = service.parse_valid_until(
        message.text or "", start, runtime.centre.zone, runtime.hours.calendar
    )
    if until is None:  # asked again, "No end" still offered
        await say(update, context.t("broadcast-bad-valid"), _forever_markup(context.t))
        return VALID
    stored = _draft(context)
    stored.valid_until, stored.valid_chosen = until, True
    return await _preview(update, context)


async def now_chosen(update: Update, context: FrontdeskContext) -> int:
    """Send as soon as confirmed."""
    await toast(update)
    _draft(context).when = None
    return await _preview(update, context)


async def got_when(update: Update, context: FrontdeskContext) -> int:
    """A day and time in words ("明天上午9点", "tomorrow 9am") in the centre's time zone;
    how it was read is said before the preview."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    when = service.parse_when(
        message.text or "", runtime.clock.now(), runtime.centre.zone, runtime.hours.calendar
    )
    if isinstance(when, service.WhenProblem):  # asked again, "Send now" still offered
        await say(update, context.t(WHEN_PROBLEM_TEXTS[when]), _now_markup(context.t))
        return WHEN
    _draft(context).when = when
    read = dates.day_and_time(when, runtime.centre.zone, context.language)
    await say(update, context.t("broadcast-when-read", when=read))
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
    context.drafts.pop(Composing)
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
    await toast(update)
    context.drafts.pop(Composing)
    await say(update, context.t("broadcast-draft-cancelled"))
    return ConversationHandler.END


async def reprompt(update: Update, context: FrontdeskContext) -> None:
    """Something the current step does not expect: said so, with the step's buttons again."""
    markup = await forms.step_keyboard(update, context, FORM_NAME)
    await say(update, context.t("broadcast-unexpected"), markup)


async def step_keyboard(context: FrontdeskContext, step: object) -> InlineKeyboardMarkup | None:
    """The buttons each step of /broadcast shows with its question (and when it is asked
    again); a step answered only by typing (the Chinese text) has none."""
    t = context.t
    if step in (PHOTO, EN):
        return _skip_markup(t)
    if step == AUDIENCE:
        return _audience_markup(t)
    if step == PARAM:
        name = _draft(context).audience
        spec = service.AUDIENCES.get(name or "")
        if name is None or spec is None or spec.options is None:
            return None
        async with context.runtime.db.read() as session:
            options = await spec.options(session, t)
        return _param_markup(name, options) if options else None
    if step == URGENT:
        return _urgent_markup(t)
    if step == WHEN:
        return _now_markup(t)
    if step == CONFIRM:
        return _confirm_markup(t)
    if step == VALID:
        return _forever_markup(t)
    return None


def _param_markup(name: str, options: Sequence[tuple[str, str]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(label, callback_data=encode(ChooseParam(name, param)))]
            for param, label in options[:50]
        ]
    )


def _one_button(label: str, data: Callback) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=encode(data))]])


def _now_markup(t: Translator) -> InlineKeyboardMarkup:
    return _one_button(t("broadcast-now"), SendNow())


def _forever_markup(t: Translator) -> InlineKeyboardMarkup:
    return _one_button(t("broadcast-valid-forever"), NoExpiry())


def _confirm_markup(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    t("broadcast-confirm"), callback_data=encode(ConfirmBroadcast())
                ),
                InlineKeyboardButton(t("broadcast-cancel"), callback_data=encode(DropBroadcast())),
            ],
            [
                InlineKeyboardButton(
                    t("broadcast-valid-button"), callback_data=encode(ChangeValidity())
                )
            ],
        ]
    )
