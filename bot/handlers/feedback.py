"""Canteen feedback in the chat: the resident's form, staff replies, organisers' digest tools.

Residents: ``/feedback`` or the menu button starts a conversation (meal and stars, tags,
comment, photos, anonymity, summary, thanks). Staff: the low-rating alert's buttons (reply,
resolve, photos). Organisers: ``/digest``, ``/export``, ``/digestsettings``; the digest itself
is sent by a job that calls :func:`bot.services.digest.run_due_digests` every minute.
"""

from __future__ import annotations

import asyncio
import logging
import re
import warnings
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import (
    ForceReply,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputFile,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.clock import local_now
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.handlers.common import send_menu
from bot.handlers.guards import require_role
from bot.i18n import Translator
from bot.services import audit, digest, feedback
from bot.services.feedback import Author, Draft, FeedbackError

log = logging.getLogger(__name__)

COMMANDS = [
    CommandSpec("feedback", "cmd-feedback"),
    CommandSpec("digest", "cmd-digest", role="organiser"),
    CommandSpec("export", "cmd-export", role="organiser"),
    CommandSpec("digestsettings", "cmd-digestsettings", role="organiser"),
]

# Conversation states of the resident's form, and of a staff member's answer.
RATING, TAGS, COMMENT, PHOTOS, ANONYMITY, CONFIRM = range(6)
STAFF_ANSWER = 10

FORM_KEY = "feedback_form"
ANSWER_KEY = "feedback_answer_to"
DIGEST_JOB = "feedback-digest"
DIGEST_TICK_SECONDS = 60
DIGEST_PRESETS = ("07:00", "12:30", "18:00", "20:30", "21:30")

_ID = r"(\d{1,18})"
MEAL_DATA = re.compile(r"^feedback:meal:(breakfast|lunch|dinner)$")
STARS_DATA = re.compile(r"^feedback:stars:([1-5])$")
TAG_DATA = re.compile(r"^feedback:tag:([a-z][a-z0-9_]{0,23})$")
REPLY_DATA = re.compile(rf"^feedback:reply:{_ID}$")
RESOLVE_DATA = re.compile(rf"^feedback:resolve:{_ID}$")
PHOTOS_DATA = re.compile(rf"^feedback:photos:{_ID}$")
DSET_DATA = re.compile(r"^feedback:dset:(on|off|[0-2]\d[0-5]\d)$")


@dataclass
class Form:
    """The resident's answers so far (in memory until they confirm)."""

    meal: str
    stars: int = 0
    tags: list[str] = field(default_factory=list)
    comment: str | None = None
    photos: list[str] = field(default_factory=list)
    anonymous: bool = False

    def draft(self) -> Draft:
        return Draft(
            meal=self.meal,
            stars=self.stars,
            tags=tuple(self.tags),
            comment=self.comment,
            photos=tuple(self.photos),
            anonymous=self.anonymous,
        )


def _form(context: FrontdeskContext) -> Form | None:
    form = (context.user_data or {}).get(FORM_KEY)
    return form if isinstance(form, Form) else None


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=data)


def _cancel_row(t: Translator) -> list[InlineKeyboardButton]:
    return [_button(t("feedback-button-cancel"), "feedback:cancel:go")]


def _rating_keyboard(t: Translator, form: Form) -> InlineKeyboardMarkup:
    meals = [
        _button(
            t("feedback-meal-selected", meal=t(f"feedback-meal-{meal}"))
            if meal == form.meal
            else t(f"feedback-meal-{meal}"),
            f"feedback:meal:{meal}",
        )
        for meal in feedback.MEALS
    ]
    stars = [[_button(t(f"feedback-star-{n}"), f"feedback:stars:{n}")] for n in range(5, 0, -1)]
    return InlineKeyboardMarkup([meals, *stars, _cancel_row(t)])


def _tags_keyboard(t: Translator, form: Form, tags: list[str]) -> InlineKeyboardMarkup:
    buttons = []
    for tag in tags:
        label = feedback.tag_label(t, tag)
        if tag in form.tags:
            label = t("feedback-tag-selected", label=label)
        buttons.append(_button(label, f"feedback:tag:{tag}"))
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    rows.append([_button(t("feedback-button-next"), "feedback:next:tags")])
    rows.append(_cancel_row(t))
    return InlineKeyboardMarkup(rows)


def _one_row(t: Translator, *buttons: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(t(key), data) for key, data in buttons], _cancel_row(t)])


async def _edit(update: Update, text: str, markup: InlineKeyboardMarkup | None = None) -> None:
    """Turn the pressed message into the next step (a failed edit is not worth an error)."""
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)
    except TelegramError as exc:
        log.debug("feedback form not edited: %s", exc)


async def _send(
    update: Update,
    context: FrontdeskContext,
    text: str,
    markup: InlineKeyboardMarkup | ForceReply | None = None,
) -> Message | None:
    if update.effective_chat is None:
        return None
    return await context.bot.send_message(
        update.effective_chat.id, text, parse_mode=ParseMode.HTML, reply_markup=markup
    )


# -- the resident's form -------------------------------------------------------------------


async def start_form(update: Update, context: FrontdeskContext) -> int:
    """Open the form with the meal preselected by the time of day."""
    runtime = context.runtime
    settings = runtime.settings.feedback
    profile = context.profile
    if update.callback_query is not None:  # the button offered to "我要评价食堂": no spinner
        await update.callback_query.answer()
    if profile is None or update.effective_chat is None or update.effective_chat.type != "private":
        return ConversationHandler.END
    async with runtime.db.read() as session:
        recent = await feedback.submissions_last_hour(session, profile.id, runtime.clock.now())
    if recent >= settings.max_submissions_per_hour:
        await send_menu(
            update, context, context.t("feedback-flood", limit=settings.max_submissions_per_hour)
        )
        return ConversationHandler.END
    meal = feedback.preselect_meal(local_now(runtime.clock, runtime.centre.zone).time(), settings)
    form = Form(meal=meal)
    assert context.user_data is not None
    context.user_data[FORM_KEY] = form
    await _send(
        update,
        context,
        context.t("feedback-start", meal=context.t(f"feedback-meal-{meal}")),
        _rating_keyboard(context.t, form),
    )
    return RATING


async def choose_meal(update: Update, context: FrontdeskContext) -> int | None:
    """Another meal than the preselected one."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    match = MEAL_DATA.fullmatch(query.data or "")
    if form is None or match is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    if form.meal != match.group(1):
        form.meal = match.group(1)
        t = context.t
        await _edit(
            update,
            t("feedback-start", meal=t(f"feedback-meal-{form.meal}")),
            _rating_keyboard(t, form),
        )
    return RATING


async def choose_stars(update: Update, context: FrontdeskContext) -> int:
    """The rating; then the quick tags."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    match = STARS_DATA.fullmatch(query.data or "")
    if form is None or match is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    form.stars = int(match.group(1))
    await _show_tags(update, context, form)
    return TAGS


async def _show_tags(update: Update, context: FrontdeskContext, form: Form) -> None:
    t = context.t
    await _edit(
        update,
        t(
            "feedback-tags-prompt",
            meal=t(f"feedback-meal-{form.meal}"),
            stars=feedback.stars_text(form.stars),
        ),
        _tags_keyboard(t, form, context.runtime.settings.feedback.tags),
    )


async def toggle_tag(update: Update, context: FrontdeskContext) -> int:
    """Pick or unpick a tag (only configured tags; anything else is stale or forged)."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    match = TAG_DATA.fullmatch(query.data or "")
    tags = context.runtime.settings.feedback.tags
    if form is None or match is None or match.group(1) not in tags:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return TAGS
    await query.answer()
    tag = match.group(1)
    if tag in form.tags:
        form.tags.remove(tag)
    else:
        form.tags.append(tag)
    await _show_tags(update, context, form)
    return TAGS


async def tags_done(update: Update, context: FrontdeskContext) -> int:
    """Tags chosen: ask for a comment."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    limit = context.runtime.settings.feedback.comment_max_chars
    await _edit(
        update,
        context.t("feedback-comment-prompt", limit=limit),
        _one_row(context.t, ("feedback-button-skip", "feedback:skip:comment")),
    )
    return COMMENT


async def write_comment(update: Update, context: FrontdeskContext) -> int:
    """A comment (also straight after the rating, without pressing Next); bounded politely."""
    form = _form(context)
    message = update.effective_message
    if form is None or message is None or message.text is None:
        return ConversationHandler.END
    limit = context.runtime.settings.feedback.comment_max_chars
    comment = message.text.strip()
    if len(comment) > limit:
        await message.reply_text(
            context.t("feedback-comment-too-long", limit=limit, length=len(comment)),
            parse_mode=ParseMode.HTML,
        )
        return COMMENT
    form.comment = comment or None
    return await _ask_photos(update, context, edit=False)


async def skip_comment(update: Update, context: FrontdeskContext) -> int:
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _ask_photos(update, context, edit=True)


async def _ask_photos(update: Update, context: FrontdeskContext, *, edit: bool) -> int:
    limit = context.runtime.settings.feedback.max_photos
    if limit == 0:
        return await _ask_anonymity(update, context, edit=edit)
    text = context.t("feedback-photos-prompt", limit=limit)
    markup = _one_row(context.t, ("feedback-button-skip", "feedback:skip:photos"))
    if edit:
        await _edit(update, text, markup)
    else:
        await _send(update, context, text, markup)
    return PHOTOS


async def add_photo(update: Update, context: FrontdeskContext) -> int:
    """Keep the photo's Telegram file id (never the bytes); move on at the limit."""
    form = _form(context)
    message = update.effective_message
    if form is None or message is None or not message.photo:
        return ConversationHandler.END
    limit = context.runtime.settings.feedback.max_photos
    if len(form.photos) >= limit:
        await message.reply_text(context.t("feedback-photos-full", limit=limit))
        return await _ask_anonymity(update, context, edit=False)
    form.photos.append(message.photo[-1].file_id)
    if len(form.photos) >= limit:
        await message.reply_text(context.t("feedback-photos-full", limit=limit))
        return await _ask_anonymity(update, context, edit=False)
    await message.reply_text(
        context.t("feedback-photo-added", count=len(form.photos), limit=limit),
        parse_mode=ParseMode.HTML,
        reply_markup=_one_row(context.t, ("feedback-button-done", "feedback:done:photos")),
    )
    return PHOTOS


async def photo_expected(update: Update, context: FrontdeskContext) -> int:
    """Something other than a photo while photos are expected."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            context.t("feedback-photos-expected"),
            parse_mode=ParseMode.HTML,
            reply_markup=_one_row(context.t, ("feedback-button-done", "feedback:done:photos")),
        )
    return PHOTOS


async def comment_expected(update: Update, context: FrontdeskContext) -> int:
    """A sticker or voice note where a comment is expected."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(
            context.t("feedback-comment-expected"),
            parse_mode=ParseMode.HTML,
            reply_markup=_one_row(context.t, ("feedback-button-skip", "feedback:skip:comment")),
        )
    return COMMENT


async def photos_done(update: Update, context: FrontdeskContext) -> int:
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _ask_anonymity(update, context, edit=True)


async def _ask_anonymity(update: Update, context: FrontdeskContext, *, edit: bool) -> int:
    t = context.t
    markup = InlineKeyboardMarkup(
        [
            [
                _button(t("feedback-button-show-name"), "feedback:anon:0"),
                _button(t("feedback-button-anonymous"), "feedback:anon:1"),
            ],
            _cancel_row(t),
        ]
    )
    if edit:
        await _edit(update, t("feedback-anon-prompt"), markup)
    else:
        await _send(update, context, t("feedback-anon-prompt"), markup)
    return ANONYMITY


async def choose_anonymity(update: Update, context: FrontdeskContext) -> int:
    """Anonymous or not; then the summary to confirm."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    if form is None or query.data not in {"feedback:anon:0", "feedback:anon:1"}:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    form.anonymous = query.data == "feedback:anon:1"
    runtime = context.runtime
    assert context.profile is not None
    today = local_now(runtime.clock, runtime.centre.zone).date()
    async with runtime.db.read() as session:
        replaces = await feedback.exists_for(session, context.profile.id, today, form.meal)
    t = context.t
    none = t("feedback-summary-none")
    summary = t(
        "feedback-summary",
        meal=t(f"feedback-meal-{form.meal}"),
        day=today.isoformat(),
        stars=feedback.stars_text(form.stars),
        tags=", ".join(feedback.tag_label(t, tag) for tag in form.tags) or none,
        comment=form.comment or none,
        photos=len(form.photos),
        shown=t("feedback-no") if form.anonymous else t("feedback-yes"),
    )
    if replaces:
        summary += "\n\n" + t("feedback-summary-replaces", meal=t(f"feedback-meal-{form.meal}"))
    await _edit(update, summary, _one_row(t, ("feedback-button-confirm", "feedback:confirm:go")))
    return CONFIRM


async def confirm(update: Update, context: FrontdeskContext) -> int:
    """Store it (one per meal and day), alert staff on a low rating, and thank the resident."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    profile = context.profile
    if form is None or profile is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    runtime = context.runtime
    settings = runtime.settings.feedback
    try:
        async with runtime.db.transaction() as session:
            result = await feedback.submit(
                session,
                author=Author(profile.id, profile.first_name),
                draft=form.draft(),
                now=runtime.clock.now(),
                zone=runtime.centre.zone,
                settings=settings,
                catalog=runtime.catalog,
            )
    except FeedbackError as refused:
        await query.answer()
        await _edit(update, context.t(refused.key, **refused.args_for_text))
        _forget(context)
        return ConversationHandler.END
    if result.alerts:
        runtime.notify_outbox()
    await query.answer()
    key = "feedback-thanks-updated" if result.updated else "feedback-thanks"
    text = context.t(key)
    if form.stars <= settings.low_rating_threshold:
        text += "\n" + context.t("feedback-thanks-low")
    try:
        await query.edit_message_reply_markup(None)
    except TelegramError as exc:
        log.debug("summary keyboard not removed: %s", exc)
    _forget(context)
    await send_menu(update, context, text)
    return ConversationHandler.END


def _forget(context: FrontdeskContext) -> None:
    if context.user_data is not None:
        context.user_data.pop(FORM_KEY, None)
        context.user_data.pop(ANSWER_KEY, None)


async def cancel(update: Update, context: FrontdeskContext) -> int:
    """Stop the form (or a staff answer) at any step; nothing is saved."""
    _forget(context)
    if update.callback_query is not None:
        await update.callback_query.answer()
        await _edit(update, context.t("feedback-cancelled"))
        await send_menu(update, context, context.t("menu-prompt"))
    else:
        await send_menu(update, context, context.t("feedback-cancelled"))
    return ConversationHandler.END


# -- staff: alerts' buttons -----------------------------------------------------------------


def _match_id(pattern: re.Pattern[str], data: str | None) -> int | None:
    match = pattern.fullmatch(data or "")
    return int(match.group(1)) if match else None


@require_role("staff")
async def _start_answer(update: Update, context: FrontdeskContext) -> None:
    query = update.callback_query
    assert query is not None
    feedback_id = _match_id(REPLY_DATA, query.data)
    if feedback_id is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    async with context.runtime.db.read() as session:
        item = await feedback.load_item(session, feedback_id)
    if item is None:
        await query.answer(context.t("feedback-reply-missing"), show_alert=True)
        return
    await query.answer()
    assert context.user_data is not None
    context.user_data[ANSWER_KEY] = feedback_id
    limit = context.runtime.settings.feedback.reply_max_chars
    await _send(
        update,
        context,
        context.t("feedback-reply-prompt", id=feedback_id, limit=limit),
        ForceReply(selective=True),
    )


async def start_answer(update: Update, context: FrontdeskContext) -> int | None:
    """Staff pressed Reply on an alert: ask for the answer (a reply to the prompt)."""
    if context.user_data is not None:
        context.user_data.pop(ANSWER_KEY, None)  # a refused or stale press starts nothing
    await _start_answer(update, context)
    if context.user_data is not None and ANSWER_KEY in context.user_data:
        return STAFF_ANSWER
    return None


async def send_answer(update: Update, context: FrontdeskContext) -> int:
    """Staff's answer goes to the resident through the outbox (identity never shown)."""
    message = update.effective_message
    profile = context.profile
    feedback_id = (context.user_data or {}).get(ANSWER_KEY)
    if message is None or message.text is None or profile is None or feedback_id is None:
        return ConversationHandler.END
    if not profile.has_role("staff"):
        await message.reply_text(context.t("refused-staff-only"))
        _forget(context)
        return ConversationHandler.END
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            found = await feedback.answer(
                session,
                feedback_id=int(feedback_id),
                staff=Author(profile.id, profile.first_name),
                text=message.text.strip(),
                now=runtime.clock.now(),
                settings=runtime.settings.feedback,
                catalog=runtime.catalog,
            )
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return STAFF_ANSWER
    runtime.notify_outbox()
    _forget(context)
    await message.reply_text(
        context.t("feedback-reply-sent" if found else "feedback-reply-missing")
    )
    return ConversationHandler.END


@require_role("staff")
async def resolve(update: Update, context: FrontdeskContext) -> None:
    """Mark resolved: the resident is told; a second press (or a colleague's) changes nothing."""
    query = update.callback_query
    profile = context.profile
    assert query is not None
    assert profile is not None
    feedback_id = _match_id(RESOLVE_DATA, query.data)
    if feedback_id is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await feedback.resolve(
            session,
            feedback_id=feedback_id,
            staff=Author(profile.id, profile.first_name),
            now=runtime.clock.now(),
            catalog=runtime.catalog,
        )
    if outcome == "missing":
        await query.answer(context.t("feedback-reply-missing"), show_alert=True)
        return
    if outcome == "already":
        await query.answer(context.t("feedback-resolved-already"), show_alert=True)
        return
    runtime.notify_outbox()
    await query.answer(context.t("feedback-resolved-done"))
    message = query.message
    if isinstance(message, Message) and message.text is not None:
        marker = context.t("feedback-resolved-marker", name=profile.first_name)
        keep = InlineKeyboardMarkup(
            [[_button(context.t("feedback-button-reply"), f"feedback:reply:{feedback_id}")]]
        )
        try:
            await query.edit_message_text(
                "\n\n".join((message.text_html, marker)),
                parse_mode=ParseMode.HTML,
                reply_markup=keep,
            )
        except TelegramError as exc:
            log.debug("alert not marked resolved: %s", exc)


@require_role("staff")
async def show_photos(update: Update, context: FrontdeskContext) -> None:
    """Send the feedback's photos to the staff chat (by Telegram file id)."""
    query = update.callback_query
    assert query is not None
    feedback_id = _match_id(PHOTOS_DATA, query.data)
    if feedback_id is None or update.effective_chat is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    async with context.runtime.db.read() as session:
        item = await feedback.load_item(session, feedback_id)
    if item is None or not item.photos:
        await query.answer(context.t("feedback-photos-none"), show_alert=True)
        return
    await query.answer()
    for file_id in item.photos:
        try:
            await context.bot.send_photo(update.effective_chat.id, file_id)
        except TelegramError as exc:
            log.info("feedback photo not sent: %s", exc)


# -- organisers -----------------------------------------------------------------------------


def _args(context: FrontdeskContext) -> str:
    return " ".join(context.args or [])


@require_role("organiser")
async def show_digest(update: Update, context: FrontdeskContext) -> None:
    """``/digest [today|yesterday|YYYY-MM-DD|A..B]``: the digest now, with its chart."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    today = local_now(runtime.clock, runtime.centre.zone).date()
    try:
        start, end = digest.parse_period(_args(context), today)
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return
    async with runtime.db.read() as session:
        report = await digest.build_report(session, start, end, runtime.settings.feedback)
    for text in digest.render(report, context.t, empty_note=True):
        await message.reply_text(text, parse_mode=ParseMode.HTML)
    if report.count:
        png = await asyncio.to_thread(digest.render_chart, report.series)
        await message.reply_photo(
            InputFile(png, filename="digest.png"),
            caption=digest.chart_caption(context.t, report),
        )


@require_role("organiser")
async def export(update: Update, context: FrontdeskContext) -> None:
    """``/export [period]`` (default: the last 7 days): Excel and CSV, anonymous without names."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    settings = runtime.settings.feedback
    today = local_now(runtime.clock, runtime.centre.zone).date()
    try:
        if context.args:
            start, end = digest.parse_period(_args(context), today, settings.export_max_days)
        else:
            start, end = today - timedelta(days=6), today
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return
    async with runtime.db.read() as session:
        xlsx, csv_bytes, count = await feedback.export_files(
            session, start, end, feedback.EXPORT_COLUMNS
        )
    if not count:
        await message.reply_text(
            context.t("export-empty", start=start.isoformat(), end=end.isoformat())
        )
        return
    await audit_export(context, start.isoformat(), end.isoformat(), count)
    await message.reply_document(
        InputFile(xlsx, filename=feedback.export_filename(start, end, "xlsx")),
        caption=context.t("export-done", start=start.isoformat(), end=end.isoformat(), count=count),
    )
    await message.reply_document(
        InputFile(csv_bytes, filename=feedback.export_filename(start, end, "csv"))
    )


async def audit_export(context: FrontdeskContext, start: str, end: str, count: int) -> None:
    """Exports contain residents' data: who took one is recorded."""
    profile = context.profile
    assert profile is not None
    async with context.runtime.db.transaction() as session:
        await audit.record(
            session,
            actor_id=profile.id,
            actor_name=profile.first_name,
            action="feedback.export",
            subject=f"{start}..{end}",
            now=context.runtime.clock.now(),
            details={"rows": count},
        )


async def _settings_view(context: FrontdeskContext) -> tuple[str, InlineKeyboardMarkup]:
    profile = context.profile
    assert profile is not None
    runtime = context.runtime
    async with runtime.db.read() as session:
        sub = await digest.get_subscription(session, profile.id, runtime.settings.feedback)
    t = context.t
    text = t(
        "digest-settings",
        state=t("digest-state-on" if sub.enabled else "digest-state-off"),
        time=sub.at.strftime("%H:%M"),
    )
    toggle = (
        _button(t("digest-button-off"), "feedback:dset:off")
        if sub.enabled
        else _button(t("digest-button-on"), "feedback:dset:on")
    )
    presets = [
        _button(t("digest-button-time", time=at), f"feedback:dset:{at.replace(':', '')}")
        for at in DIGEST_PRESETS
    ]
    return text, InlineKeyboardMarkup([[toggle], presets[:3], presets[3:]])


async def _apply_setting(context: FrontdeskContext, value: str) -> bool:
    """``on``, ``off`` or a time; ``False`` when the value means nothing."""
    profile = context.profile
    assert profile is not None
    runtime = context.runtime
    lowered = value.strip().lower()
    enabled: bool | None = None
    at = None
    if lowered in {"on", "开", "开启"}:
        enabled = True
    elif lowered in {"off", "关", "关闭"}:
        enabled = False
    else:
        compact = re.fullmatch(r"([0-2]\d)([0-5]\d)", lowered)
        at = digest.parse_time(f"{compact.group(1)}:{compact.group(2)}" if compact else lowered)
        if at is None:
            return False
    async with runtime.db.transaction() as session:
        await digest.set_subscription(
            session, profile.id, runtime.clock.now(), enabled=enabled, at=at
        )
    return True


@require_role("organiser")
async def digest_settings(update: Update, context: FrontdeskContext) -> None:
    """``/digestsettings [HH:MM|on|off]``: show or change one's own digest."""
    message = update.effective_message
    assert message is not None
    if context.args and not await _apply_setting(context, _args(context)):
        await message.reply_text(context.t("digest-settings-bad-time"))
        return
    text, markup = await _settings_view(context)
    await message.reply_text(text, parse_mode=ParseMode.HTML, reply_markup=markup)


@require_role("organiser")
async def digest_settings_button(update: Update, context: FrontdeskContext) -> None:
    """A digest-settings button: on, off, or a preset time."""
    query = update.callback_query
    assert query is not None
    match = DSET_DATA.fullmatch(query.data or "")
    if match is None or not await _apply_setting(context, match.group(1)):
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer(context.t("digest-settings-saved"))
    text, markup = await _settings_view(context)
    await _edit(update, text, markup)


async def digest_tick(context: FrontdeskContext) -> None:
    """Every minute: send the digests that are due (any instance may run this at once)."""
    try:
        await digest.run_due_digests(context.runtime)
    except Exception:  # the next tick tries again; a failure must not stop the job
        log.exception("digest tick failed")


# -- registration ---------------------------------------------------------------------------


def _feedback_labels(app: FrontdeskApplication) -> list[str]:
    return list(app.bot_data["runtime"].catalog.all_languages("menu-feedback").values())


def build_form(app: FrontdeskApplication) -> ConversationHandler[FrontdeskContext]:
    """The resident's form: one at a time per person and chat, restartable with /feedback."""
    with warnings.catch_warnings():
        # PTB warns that with per_message=False a CallbackQueryHandler is tracked per chat,
        # not per message. That is the intent: one form per person and chat; presses on
        # an older form's buttons fall through to the "no longer valid" answer.
        warnings.filterwarnings("ignore", message=".*per_message=False.*")
        return ConversationHandler(
            entry_points=[
                CommandHandler("feedback", start_form, filters=filters.ChatType.PRIVATE),
                MessageHandler(filters.Text(_feedback_labels(app)), start_form),
                # "我要评价食堂" in free text: the questions feature offers this button
                CallbackQueryHandler(start_form, pattern=r"^feedback:open$"),
            ],
            states={
                RATING: [
                    CallbackQueryHandler(choose_meal, pattern=MEAL_DATA),
                    CallbackQueryHandler(choose_stars, pattern=STARS_DATA),
                ],
                TAGS: [
                    CallbackQueryHandler(toggle_tag, pattern=TAG_DATA),
                    CallbackQueryHandler(tags_done, pattern=r"^feedback:next:tags$"),
                    MessageHandler(filters.TEXT & ~filters.COMMAND, write_comment),
                ],
                COMMENT: [
                    MessageHandler(filters.TEXT & ~filters.COMMAND, write_comment),
                    MessageHandler(filters.PHOTO, add_photo),
                    CallbackQueryHandler(skip_comment, pattern=r"^feedback:skip:comment$"),
                    MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, comment_expected),
                ],
                PHOTOS: [
                    MessageHandler(filters.PHOTO, add_photo),
                    CallbackQueryHandler(photos_done, pattern=r"^feedback:(skip|done):photos$"),
                    MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, photo_expected),
                ],
                ANONYMITY: [
                    CallbackQueryHandler(choose_anonymity, pattern=r"^feedback:anon:[01]$")
                ],
                CONFIRM: [CallbackQueryHandler(confirm, pattern=r"^feedback:confirm:go$")],
            },
            fallbacks=[
                CommandHandler("cancel", cancel),
                CallbackQueryHandler(cancel, pattern=r"^feedback:cancel:go$"),
            ],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="feedback-form",
        )


def build_answer() -> ConversationHandler[FrontdeskContext]:
    """A staff member's answer to a resident: Reply, then their text (a reply in groups)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*per_message=False.*")  # as above
        return ConversationHandler(
            entry_points=[CallbackQueryHandler(start_answer, pattern=REPLY_DATA)],
            states={
                STAFF_ANSWER: [MessageHandler(filters.TEXT & ~filters.COMMAND, send_answer)],
            },
            fallbacks=[CommandHandler("cancel", cancel)],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="feedback-answer",
        )


def register(app: FrontdeskApplication) -> None:
    """The form, staff buttons, organiser commands, the menu button and the digest job."""
    form = build_form(app)
    app.add_handler(form)
    app.add_handler(build_answer())
    app.add_handler(CallbackQueryHandler(resolve, pattern=r"^feedback:resolve:"))
    app.add_handler(CallbackQueryHandler(show_photos, pattern=r"^feedback:photos:"))
    app.add_handler(CallbackQueryHandler(digest_settings_button, pattern=r"^feedback:dset:"))
    app.add_handler(CommandHandler("digest", show_digest))
    app.add_handler(CommandHandler("export", export))
    app.add_handler(CommandHandler("digestsettings", digest_settings))

    async def from_menu(update: Update, context: FrontdeskContext) -> None:
        # The menu button is caught by the common menu handler; passing the update on to
        # the conversation makes it the form's entry point, so its state is tracked.
        check = form.check_update(update)
        if check is not None:
            await form.handle_update(update, app, check, context)

    app.bot_data["runtime"].menu_actions["feedback"] = from_menu
    if app.job_queue is not None:
        app.job_queue.run_repeating(
            digest_tick,
            interval=DIGEST_TICK_SECONDS,
            first=DIGEST_TICK_SECONDS,
            name=DIGEST_JOB,
        )
