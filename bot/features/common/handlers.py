"""Greeting, help, language, the main menu, and what happens with anything else."""

from __future__ import annotations

import contextlib
import logging
import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.callbacks import encode
from bot.command_spec import closest
from bot.commands import CommandSpec, sync_commands, visible_commands
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.common.buttons import ChooseLanguage
from bot.i18n import LANGUAGES
from bot.logs import ErrorBursts
from bot.manifest import Manifest
from bot.services import inbox, users
from bot.services.abuse import clean_text
from bot.tg.buttons import on, stale_button
from bot.tg.errors import error_kind, is_transient
from bot.tg.form_words import WANTS_OUT
from bot.tg.forms import leave, put_aside, step_keyboard, waiting_elsewhere
from bot.tg.guards import require_role
from bot.tg.menu import menu_labels, send_menu
from bot.tg.reply import say
from bot.understanding.matcher import small_talk
from bot.understanding.normalise import language_of

log = logging.getLogger(__name__)

# What Telegram accepts as a command's name (1–32 Latin letters, digits, underscores).
COMMAND_NAME = re.compile(r"[A-Za-z0-9_]{1,32}")

PREPROCESS_GROUP = -100
# After the profile, the flood guard and the privacy notice (-100 … -80); before the surveys'
# typed answers (-13, -12) and the conversation with staff (-11, -10), which would otherwise
# take a photo sent at a form's button step as a message for staff.
PUT_ASIDE_GROUP = -20

COMMANDS = [
    CommandSpec("start", "cmd-start"),
    CommandSpec("help", "cmd-help"),
    CommandSpec("language", "cmd-language"),
    CommandSpec("staff", "cmd-staff", role="staff"),
]


def person_of(update: Update) -> users.Person | None:
    """The sender as the services see them."""
    user = update.effective_user
    if user is None or user.is_bot:
        return None
    # Cleaned here so that what is stored and what is compared on refresh are the same.
    first_name = clean_text(user.first_name or "", 128)
    return users.Person(
        telegram_id=user.id,
        first_name=first_name or str(user.id),
        last_name=clean_text(user.last_name, 128) if user.last_name else None,
        username=clean_text(user.username, 64) if user.username else None,
        language_code=user.language_code,
    )


async def load_profile(update: Update, context: FrontdeskContext) -> None:
    """Before any handler: know who is writing (registering them on first contact)."""
    person = person_of(update)
    if person is None:
        return
    context.fallback_language_code = person.language_code
    runtime = context.runtime
    cache = runtime.profiles
    if cache.due():  # at most every 2 s: a change on another instance empties the cache
        await cache.revalidate(runtime.db)
    generation = cache.generation
    profile = cache.get(person.telegram_id)
    if profile is None:
        async with runtime.db.read() as session:
            profile = await users.find(session, person.telegram_id)
    if profile is None or users.needs_refresh(profile, person):
        async with runtime.db.transaction() as session:
            profile = await users.register(session, person, runtime.clock.now())
    cache.put(profile, generation)
    context.profile = profile


async def start(update: Update, context: FrontdeskContext) -> None:
    """Greet the resident in their language and show the main menu."""
    name = context.profile.first_name if context.profile else ""
    await send_menu(update, context, context.t("start-greeting", name=name))


async def show_help(update: Update, context: FrontdeskContext) -> None:
    """List what the bot can do; staff (organisers too) also read their own commands."""
    text = context.t("help-text")
    if context.profile is not None and context.profile.roles:
        text += "\n\n" + _staff_commands(context)
    await send_menu(update, context, text)


async def choose_language(update: Update, context: FrontdeskContext) -> None:
    """Offer the two languages as buttons."""
    if update.effective_message is None:
        return
    buttons = [
        InlineKeyboardButton(
            context.runtime.catalog.text(lang, "language-name"),
            callback_data=encode(ChooseLanguage(lang)),
        )
        for lang in LANGUAGES
    ]
    await update.effective_message.reply_text(
        context.t("language-prompt"), reply_markup=InlineKeyboardMarkup([buttons])
    )


async def set_language(update: Update, context: FrontdeskContext, press: ChooseLanguage) -> None:
    """Store the chosen language and show the menu in it."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    lang = press.lang
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        await users.set_language(session, context.profile.id, lang)
    runtime.profiles.forget(context.profile.telegram_id)
    context.profile = users.Profile(
        id=context.profile.id,
        telegram_id=context.profile.telegram_id,
        first_name=context.profile.first_name,
        language=lang,
        roles=context.profile.roles,
    )
    await query.answer()
    # The confirmation must carry the menu in the new language, and a reply keyboard cannot be
    # put on an edited message: so the prompt goes, and one message says it and shows the menu
    # (no second "请选择：" just to carry the keyboard).
    try:
        await query.delete_message()
    except TelegramError as exc:  # too old to delete (48 h): at least drop its buttons
        log.debug("language prompt not deleted: %s", exc)
        with contextlib.suppress(TelegramError):
            await query.edit_message_reply_markup(None)
    await send_menu(update, context, context.t("language-set"))
    # The command menu follows the chosen language too (a staff list, or a resident's).
    await sync_commands(context.bot, runtime, only_chat=context.profile.telegram_id)


def _staff_commands(context: FrontdeskContext) -> str:
    """The staff commands the sender's roles allow, one a line under a title."""
    assert context.profile is not None
    commands = visible_commands(
        [
            spec
            for spec in context.runtime.commands
            if spec.role is not None and spec.name != "staff"
        ],
        context.language,
        context.runtime,
        context.profile.roles,
    )
    lines = [context.t("staff-help-title")] + [f"/{c.command} — {c.description}" for c in commands]
    return "\n".join(lines)


@require_role("staff")
async def staff_help(update: Update, context: FrontdeskContext) -> None:
    """Show staff the commands their roles allow."""
    await send_menu(update, context, _staff_commands(context))


async def menu_button(update: Update, context: FrontdeskContext) -> None:
    """A main-menu button: run its feature, or say honestly that it is coming."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    action = menu_labels(context.runtime.catalog).get(message.text.strip())
    handler = context.bot_data.menu_actions.get(action or "")
    if handler is None:
        await send_menu(update, context, context.t("feature-coming-soon"))
        return
    await handler(update, context)


async def unknown_command(update: Update, context: FrontdeskContext) -> None:
    """A command the bot does not have: the one of the person's own it most likely meant
    ("/hous" → /hours), else the general answer."""
    message = update.effective_message
    first = (message.text or "").split()[0][1:] if message and message.text else ""
    typed, _, addressee = first.partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        typed = ""  # another bot's command: not ours to correct
    if not COMMAND_NAME.fullmatch(typed):
        typed = ""  # no command's name: nothing to compare
    roles = context.profile.roles if context.profile is not None else frozenset()
    theirs = visible_commands(context.runtime.commands, context.language, context.runtime, roles)
    meant = closest(typed, [command.command for command in theirs]) if typed else None
    if meant is None or meant == typed.casefold():
        # a real name that still came here (invisible marks the edge took out, "/he\u200blp")
        # must not be answered "no /help; did you mean /help?"
        await send_menu(update, context, context.t("unknown-command"))
        return
    about = next(command.description for command in theirs if command.command == meant)
    text = context.t("unknown-command-did-you-mean", typed=typed, command=meant, about=about)
    await send_menu(update, context, text)


async def nothing_to_cancel(update: Update, context: FrontdeskContext) -> None:
    """/cancel (or "取消" typed) that no open form or conversation claimed: nothing to stop."""
    await send_menu(update, context, context.t("nothing-to-cancel"))


async def not_understood(update: Update, context: FrontdeskContext) -> None:
    """Text nothing else understood: a friendly answer and the menu (a hello gets a hello)."""
    message = update.effective_message
    # a forwarded "ok" is someone else's word, not said to us
    said_here = message is not None and message.forward_origin is None
    talk = small_talk(message.text or "") if message is not None and said_here else None
    if talk == "greeting":
        await start(update, context)
    elif talk in ("thanks", "bye", "ack"):
        # in the language it was said in ("bye" from a Chinese client is said back in English)
        said = language_of(message.text or "") if message is not None else None
        t = context.runtime.catalog.translator(said) if said else context.t
        key = {"thanks": "small-talk-thanks", "bye": "small-talk-bye"}.get(talk, "small-talk-ack")
        await send_menu(update, context, t(key))
    else:
        await send_menu(update, context, context.t("not-understood"))


async def not_text(update: Update, context: FrontdeskContext) -> None:
    """A sticker, photo, voice note… outside any conversation that expects one."""
    await send_menu(update, context, context.t("only-text"))


async def on_error(update: object, context: FrontdeskContext) -> None:
    """A transient failure of an inbox update is retried later; anything else is logged (one
    line per burst of the same error) and apologised for. Either way no further handler runs:
    a failed ``load_profile`` must not let the features answer without a profile."""
    error = context.error
    update_id = update.update_id if isinstance(update, Update) else None
    kind = error_kind(error) if error is not None else "unknown"
    bursts = context.services.get(ErrorBursts)
    attempt = inbox.current_attempt()
    retries_left = attempt is not None and (
        attempt.attempts < context.runtime.settings.inbox.max_attempts
    )
    if attempt is not None and retries_left and error is not None and is_transient(error):
        attempt.outcome, attempt.error = inbox.Outcome.RETRY, kind
        bursts.report(f"retry {kind}", "update %s: %s, retried later", update_id, kind)
        raise ApplicationHandlerStop
    if attempt is not None:
        attempt.outcome, attempt.error = inbox.Outcome.FAILED, kind
    if update_id is None:  # a job or a background task, not an update
        bursts.report(f"job {kind}", "background work failed: %s", kind, exc=error)
        return
    bursts.report(f"failed {kind}", "update %s failed: %s", update_id, kind, exc=error)
    if isinstance(update, Update) and update.effective_chat is not None:
        await _apologise(update, context, update_id)
    raise ApplicationHandlerStop


async def _apologise(update: Update, context: FrontdeskContext, update_id: int | None) -> None:
    """Say sorry in the user's language, even when the button was answered already."""
    try:
        if context.profile is None and update.effective_user is not None:
            context.fallback_language_code = update.effective_user.language_code
            async with context.runtime.db.read() as session:
                context.profile = await users.find(session, update.effective_user.id)
    except Exception:  # the database may be what failed; apologise in the client's language
        log.warning("no profile for the apology of update %s", update_id)
    if update.callback_query is not None:
        with contextlib.suppress(TelegramError):  # answered before the failure, or too old
            await update.callback_query.answer()
    assert update.effective_chat is not None
    try:
        await context.bot.send_message(update.effective_chat.id, context.t("error-apology"))
    except TelegramError:
        log.warning("could not apologise for update %s", update_id)
    except Exception:  # the apology must never raise out of the error handler
        log.exception("apology for update %s failed", update_id)


def _moves_on(update: Update, context: FrontdeskContext) -> str | None:
    """ "menu" for a main-menu button, "command" for a command for this bot, else None: the
    person turns to something else."""
    message = update.message
    if message is None or not message.text:
        return None
    text = message.text.strip()
    if text in menu_labels(context.runtime.catalog):
        return "menu"
    if not text.startswith("/") or len(text) < 2:
        return None
    _, _, addressee = text.split()[0].partition("@")
    if addressee and addressee.lower() != (context.bot.username or "").lower():
        return None
    return "command"


async def put_aside_forms(update: Update, context: FrontdeskContext) -> None:
    """A form left half-done when the person turns to another command stops waiting for text;
    any other message at a step that waits for something else is told so.

    Otherwise "明天卫生站开吗", typed after /hours, became the comment of a canteen
    rating begun earlier, and a photo sent at a button step opened a ticket with staff. The
    person is told how to start the form again, or what the step waits for.
    """
    moving = _moves_on(update, context)
    message, chat = update.message, update.effective_chat
    if (
        moving is None
        and message is not None
        and message.forward_origin is None
        and chat is not None
        and chat.type == chat.PRIVATE
        and WANTS_OUT.check_update(update)
    ):  # "取消" / "返回" typed at a step: /cancel in words, never the step's answer
        left = leave(context.application.handlers, update)
        if left:
            key = "form-left-settled" if all(left) else "form-left"
            await send_menu(update, context, context.t(key))
            raise ApplicationHandlerStop
    if moving is None:
        chat = update.effective_chat
        if (
            update.message is not None
            and update.message.forward_origin is None  # a forward is for /grant's picker
            and chat is not None
            and chat.type == chat.PRIVATE
            and waiting_elsewhere(context.application.handlers, update)
        ):
            # With the step's own buttons again: "answer above" alone sent the person
            # scrolling back for them.
            await say(update, context.t("form-step-waiting"), await step_keyboard(update, context))
            raise ApplicationHandlerStop
        return
    ended = put_aside(context.application.handlers, update, menu=moving == "menu", context=context)
    if not ended:
        return
    again = next((command for command in ended if command), "")
    if again:
        await say(update, context.t("form-put-aside", command=again))
    else:
        await say(update, context.t("form-put-aside-plain"))


def install(app: FrontdeskApplication) -> None:
    """Commands and buttons of this module (fallbacks are added by :func:`register_fallbacks`)."""
    app.add_handler(TypeHandler(Update, load_profile), group=PREPROCESS_GROUP)
    app.add_handler(TypeHandler(Update, put_aside_forms), group=PUT_ASIDE_GROUP)
    # A bare /start; a /start with a deep link goes to the feature that owns the link's kind
    # (bot.deeplinks), and one nobody claims (forged, mistyped) is greeted by the fallbacks.
    app.add_handler(CommandHandler("start", start, has_args=False))
    app.add_handler(CommandHandler("help", show_help))
    app.add_handler(CommandHandler("language", choose_language))
    app.add_handler(CommandHandler("staff", staff_help))
    app.add_handler(on(ChooseLanguage, set_language))
    labels = list(menu_labels(app.bot_data.runtime.catalog))
    app.add_handler(MessageHandler(filters.Text(labels), menu_button))


def register_fallbacks(app: FrontdeskApplication) -> None:
    """Last in line: whatever no feature claimed still gets an answer."""
    app.add_handler(CommandHandler("start", start))  # a payload that is no link: the greeting
    # Every form and conversation answers its own /cancel before this; one that reaches here
    # found nothing in progress, and is still a command the bot has.
    app.add_handler(CommandHandler("cancel", nothing_to_cancel))
    # the same typed as a word ("取消", "返回", "cancel"): not a question for staff
    app.add_handler(MessageHandler(filters.ChatType.PRIVATE & WANTS_OUT, nothing_to_cancel))
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(MessageHandler(filters.TEXT, not_understood))
    app.add_handler(
        MessageHandler(
            filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.StatusUpdate.ALL, not_text
        )
    )
    app.add_handler(CallbackQueryHandler(stale_button))


MANIFEST = Manifest(
    name="common",
    install=install,
    commands=COMMANDS,
    menu_actions={"help": show_help},
    # One line per burst of one kind of error (issue 14), for this application's errors.
    services=[lambda app: ErrorBursts(log)],
)
