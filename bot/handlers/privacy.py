"""Residents' data rights: the privacy notice, /privacy, /mydata, /forgetme, and retention."""

from __future__ import annotations

import logging
import re
from datetime import time as dtime

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, TypeHandler

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.handlers.abuse import GUARD_KEY
from bot.runtime import Runtime
from bot.services import privacy
from bot.services.abuse import FloodGuard
from bot.services.nightschool.common import School

log = logging.getLogger(__name__)

NOTICE_GROUP = -80  # after the profile (-100) and the flood guard (-90)
AFTER_START_GROUP = 50  # after the greeting of /start (group 0)
SEEN_KEY = "privacy_notice_seen"
SEEN_CACHE_LIMIT = 200_000
FORGET_DATA = re.compile(r"^privacy:forget:(\d{1,19}):(\d{1,12})$")
KEEP_DATA = "privacy:keep"

COMMANDS = [
    CommandSpec("privacy", "cmd-privacy"),
    CommandSpec("mydata", "cmd-mydata"),
    CommandSpec("forgetme", "cmd-forgetme"),
]


def registry(runtime: Runtime) -> list[privacy.DataSection]:
    """Every data section, with what the features need to cancel things the normal way."""
    return privacy.sections(School(runtime.catalog, runtime.centre, runtime.settings.nightschool))


# -- the notice ---------------------------------------------------------------------------


def _notice_text(context: FrontdeskContext) -> str:
    settings = context.runtime.settings.privacy
    return context.t(
        "privacy-notice",
        identity_days=settings.identity_retention_days,
        blocked_days=settings.blocked_forget_days,
    )


def _is_start(update: Update) -> bool:
    message = update.message
    if message is None or not message.text:
        return False
    words = message.text.split(maxsplit=1)
    command = words[0] if words else ""
    return command == "/start" or command.startswith("/start@")


async def _needs_notice(context: FrontdeskContext) -> bool:
    """Whether this person has not yet been shown the notice (one read per person and
    process; a new user needs it without asking)."""
    profile = context.profile
    if profile is None or not context.runtime.settings.privacy.notice_on_first_contact:
        return False
    seen: set[int] = context.bot_data[SEEN_KEY]
    if profile.is_new:
        seen.discard(profile.id)  # SQLite may give a forgotten user's id to a new user
        return True
    if profile.id in seen:
        return False
    async with context.runtime.db.read() as session:
        shown = await privacy.notice_shown(session, profile.id)
    if shown:
        _remember_seen(seen, profile.id)
    return not shown


def _remember_seen(seen: set[int], user_id: int) -> None:
    if len(seen) >= SEEN_CACHE_LIMIT:
        seen.clear()  # costs one read per person again; bounds the memory
    seen.add(user_id)


async def _show_notice_once(update: Update, context: FrontdeskContext) -> None:
    chat = update.effective_chat
    profile = context.profile
    if chat is None or chat.type != ChatType.PRIVATE or profile is None:
        return
    if not await _needs_notice(context):
        return
    runtime = context.runtime
    await context.bot.send_message(chat.id, _notice_text(context), parse_mode=ParseMode.HTML)
    async with runtime.db.transaction() as session:
        await privacy.record_notice(session, profile.id, runtime.clock.now())
    _remember_seen(context.bot_data[SEEN_KEY], profile.id)


async def notice_before_answer(update: Update, context: FrontdeskContext) -> None:
    """First contact by anything but /start: the notice comes before the answer."""
    if _is_start(update):
        return
    await _show_notice_once(update, context)


async def notice_after_greeting(update: Update, context: FrontdeskContext) -> None:
    """First contact by /start: the greeting, then the notice."""
    await _show_notice_once(update, context)


async def show_privacy(update: Update, context: FrontdeskContext) -> None:
    """/privacy: the notice again."""
    if update.effective_chat is None:
        return
    await context.bot.send_message(
        update.effective_chat.id, _notice_text(context), parse_mode=ParseMode.HTML
    )


# -- /mydata ------------------------------------------------------------------------------


async def my_data(update: Update, context: FrontdeskContext) -> None:
    """/mydata: everything held about the sender, as a JSON file and a readable summary."""
    chat = update.effective_chat
    profile = context.profile
    if chat is None or profile is None:
        return
    runtime = context.runtime
    now = runtime.clock.now()
    async with runtime.db.read() as session:
        export = await privacy.export_user(session, profile.id, now, registry(runtime))
    day = now.astimezone(runtime.centre.zone).date().isoformat()
    await context.bot.send_document(
        chat.id,
        InputFile(
            privacy.export_json(export), filename=context.t("privacy-export-filename", date=day)
        ),
        caption=context.t("privacy-export-caption"),
    )
    await context.bot.send_message(chat.id, _summary(context, export), parse_mode=ParseMode.HTML)


def _summary(context: FrontdeskContext, export: dict[str, object]) -> str:
    t = context.t
    sections = export["sections"]
    assert isinstance(sections, dict)
    me = sections.get(privacy.ProfileSection.name) or {}
    not_set = t("privacy-not-set")
    language = me.get("language") or context.language
    lines = [
        t("privacy-summary-title"),
        t(
            "privacy-summary-profile",
            name=" ".join(n for n in (me.get("first_name"), me.get("last_name")) if n),
            username="@" + me["username"] if me.get("username") else not_set,
            language=context.runtime.catalog.text(language, "language-name"),
            since=(me.get("first_contact") or not_set)[:16].replace("T", " "),
        ),
    ]
    catalog = context.runtime.catalog
    for name, count in privacy.item_counts(export).items():
        key = f"privacy-section-{name}"
        title = t(key) if catalog.has(key) else name
        lines.append(t("privacy-summary-line", title=title, count=count))
    lines.append(t("privacy-summary-footer"))
    return "\n".join(lines)


# -- /forgetme ----------------------------------------------------------------------------


def _minute(context: FrontdeskContext) -> int:
    return int(context.runtime.clock.now().timestamp() // 60)


async def forget_me(update: Update, context: FrontdeskContext) -> None:
    """/forgetme: say exactly what will happen and ask for an explicit confirmation."""
    chat = update.effective_chat
    profile = context.profile
    if chat is None or profile is None:
        return
    yes = f"privacy:forget:{profile.id}:{_minute(context)}"
    buttons = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(context.t("privacy-forget-yes"), callback_data=yes)],
            [InlineKeyboardButton(context.t("privacy-forget-no"), callback_data=KEEP_DATA)],
        ]
    )
    await context.bot.send_message(
        chat.id,
        context.t("privacy-forget-confirm"),
        parse_mode=ParseMode.HTML,
        reply_markup=buttons,
    )


async def forget_pressed(update: Update, context: FrontdeskContext) -> None:
    """A press on the /forgetme question: keep, or delete everything in one transaction."""
    query = update.callback_query
    profile = context.profile
    if query is None or profile is None:
        return
    data = query.data or ""
    if data == KEEP_DATA:
        await query.answer()
        await _edit(query, context.t("privacy-forget-kept"))
        return
    match = FORGET_DATA.fullmatch(data)
    runtime = context.runtime
    if match is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    age = _minute(context) - int(match.group(2))
    valid_for = runtime.settings.privacy.forget_confirm_minutes
    if int(match.group(1)) != profile.id or not 0 <= age <= valid_for:
        await query.answer(context.t("privacy-forget-expired"), show_alert=True)
        return
    async with runtime.db.transaction() as session:
        forgotten = await privacy.forget_user(
            session, profile.id, runtime.clock.now(), registry(runtime)
        )
    runtime.notify_outbox()  # a released seat may have been offered to the next person
    seen: set[int] = context.bot_data[SEEN_KEY]
    seen.discard(profile.id)
    guard: FloodGuard = context.bot_data[GUARD_KEY]
    guard.forget(profile.telegram_id)
    runtime.profiles.forget(profile.telegram_id)
    log.info("user #%s was forgotten at their request (%s)", profile.id, forgotten)
    context.profile = None  # nothing later in this update may touch their (deleted) row
    await query.answer()
    await _edit(query, context.t("privacy-forgotten"))


async def _edit(query: CallbackQuery, text: str) -> None:
    try:
        await query.edit_message_text(text)
    except TelegramError as exc:  # the message is gone or unchanged; the answer was given
        log.debug("privacy message not edited: %s", exc)


# -- retention ----------------------------------------------------------------------------


async def run_retention(runtime: Runtime) -> dict[str, int]:
    """Apply the retention settings now, in short transactions (small batches)."""
    done = await privacy.apply_retention(
        runtime.db, runtime.clock.now(), runtime.settings.privacy, registry(runtime)
    )
    runtime.profiles.clear()  # some of the cached people may no longer exist
    runtime.notify_outbox()  # forgetting a blocked resident may have offered their seat on
    return done


async def retention_job(context: FrontdeskContext) -> None:
    """The daily job (idempotent, so several instances running it is harmless)."""
    try:
        await run_retention(context.runtime)
    except Exception:
        log.exception("retention job failed; it runs again tomorrow")


def register(app: FrontdeskApplication) -> None:
    """The notice hooks, the commands, the confirmation buttons and the daily job."""
    runtime: Runtime = app.bot_data["runtime"]
    app.bot_data[SEEN_KEY] = set()
    app.add_handler(TypeHandler(Update, notice_before_answer), group=NOTICE_GROUP)
    app.add_handler(CommandHandler("start", notice_after_greeting), group=AFTER_START_GROUP)
    app.add_handler(CommandHandler("privacy", show_privacy))
    app.add_handler(CommandHandler("mydata", my_data))
    app.add_handler(CommandHandler("forgetme", forget_me))
    app.add_handler(CallbackQueryHandler(forget_pressed, pattern=r"^privacy:"))
    if app.job_queue is None:
        log.warning("no job queue: the privacy retention job will not run")
        return
    at = dtime(hour=runtime.settings.privacy.retention_hour, tzinfo=runtime.centre.zone)
    app.job_queue.run_daily(retention_job, time=at, name="privacy-retention")
