"""Residents' data rights: the privacy notice, /privacy, /mydata, /forgetme, and retention."""

from __future__ import annotations

import logging
from datetime import time as dtime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.constants import ChatType
from telegram.ext import CallbackQueryHandler, CommandHandler, TypeHandler

from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.privacy.buttons import ForgetMe, FullNotice, KeepMe
from bot.i18n import message_keys
from bot.manifest import Job, Manifest
from bot.runtime import Runtime
from bot.services import privacy
from bot.services.abuse import FloodGuard
from bot.tg.buttons import matches, on, pressed_any
from bot.tg.reply import edit, send, show, toast
from bot.understanding.concerns import is_emergency
from bot.understanding.normalise import normalise

log = logging.getLogger(__name__)

# What /mydata calls each data section. Every registered section needs a name here (a test
# checks it); one missing would be shown by its raw key.
SECTIONS = (
    "roles",
    "messages",
    "audit",
    "forms",
    "inbox",
    "tickets",
    "surveys",
    "questions",
    "follow_ups",
    "feedback",
    "digest",
    "reminders",
    "events",
    "nightschool",
)
SECTION_TEXTS = message_keys(
    SECTIONS,
    {
        "roles": "privacy-section-roles",
        "messages": "privacy-section-messages",
        "audit": "privacy-section-audit",
        "forms": "privacy-section-forms",
        "inbox": "privacy-section-inbox",
        "tickets": "privacy-section-tickets",
        "surveys": "privacy-section-surveys",
        "questions": "privacy-section-questions",
        "follow_ups": "privacy-section-follow-ups",
        "feedback": "privacy-section-feedback",
        "digest": "privacy-section-digest",
        "reminders": "privacy-section-reminders",
        "events": "privacy-section-events",
        "nightschool": "privacy-section-nightschool",
    },
)

NOTICE_GROUP = -80  # after the profile (-100) and the flood guard (-90)
AFTER_START_GROUP = 50  # after the greeting of /start (group 0)
SEEN_CACHE_LIMIT = 200_000

COMMANDS = [
    CommandSpec("privacy", "cmd-privacy"),
    CommandSpec("mydata", "cmd-mydata", private=True),
    CommandSpec("forgetme", "cmd-forgetme", private=True),
]


def registry(runtime: Runtime) -> list[privacy.DataSection]:
    """Every data section: the foundation's and the features' (from their manifests)."""
    return list(runtime.privacy_sections)


class SeenNotices:
    """Who has been shown the notice, per process (bounded: forgetting costs one read)."""

    def __init__(self) -> None:
        self.ids: set[int] = set()

    def remember(self, user_id: int) -> None:
        if len(self.ids) >= SEEN_CACHE_LIMIT:
            self.ids.clear()
        self.ids.add(user_id)


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
    seen = context.services.get(SeenNotices).ids
    if profile.is_new:
        seen.discard(profile.id)  # SQLite may give a forgotten user's id to a new user
        return True
    if profile.id in seen:
        return False
    async with context.runtime.db.read() as session:
        shown = await privacy.notice_shown(session, profile.id)
    if shown:
        context.services.get(SeenNotices).remember(profile.id)
    return not shown


async def _show_notice_once(
    update: Update, context: FrontdeskContext, *, unless_emergency: bool = False
) -> None:
    chat = update.effective_chat
    profile = context.profile
    if chat is None or chat.type != ChatType.PRIVATE or profile is None:
        return
    if not await _needs_notice(context):
        return
    # Read only while the notice is owed (this guard sees every update): "call 120" comes
    # first, and the notice with the next message.
    message = update.message
    text = message.text if unless_emergency and message is not None else None
    if text and is_emergency(normalise(text)):
        return
    runtime = context.runtime
    # Two lines before the first answer, not six: the full text is one tap away (issue 16).
    full = InlineKeyboardButton(context.t("privacy-btn-full"), callback_data=encode(FullNotice()))
    await context.bot.send_message(
        chat.id, context.t("privacy-notice-short"), reply_markup=InlineKeyboardMarkup([[full]])
    )
    async with runtime.db.transaction() as session:
        await privacy.record_notice(session, profile.id, runtime.clock.now())
    context.services.get(SeenNotices).remember(profile.id)


async def notice_before_answer(update: Update, context: FrontdeskContext) -> None:
    """First contact by anything but /start: the notice comes before the answer, unless the
    message tells of an emergency ("我老伴晕倒了"): then "call 120" comes first, and the notice
    with the next message."""
    if _is_start(update):
        return
    await _show_notice_once(update, context, unless_emergency=True)


async def notice_after_greeting(update: Update, context: FrontdeskContext) -> None:
    """First contact by /start: the greeting, then the notice."""
    await _show_notice_once(update, context)


async def show_full_notice(update: Update, context: FrontdeskContext, press: FullNotice) -> None:
    """The short notice's button: the full text in its place."""
    await toast(update)
    await show(update, _notice_text(context))


async def show_privacy(update: Update, context: FrontdeskContext) -> None:
    """/privacy: the notice again."""
    if update.effective_chat is None:
        return
    await context.bot.send_message(update.effective_chat.id, _notice_text(context))


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
    await send(context.bot, chat.id, _summary(context, export))


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
    empty: list[str] = []
    for name, count in privacy.item_counts(export).items():
        key = SECTION_TEXTS.get(name)
        title = t(key) if key is not None else name
        if count:
            lines.append(t("privacy-summary-line", title=title, count=count))
        else:  # named once, together: a dozen "…: 0" lines read as a form to a resident
            empty.append(title)
    if empty:
        lines.append(
            t("privacy-summary-none", titles=t("privacy-summary-none-separator").join(empty))
        )
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
    yes = encode(ForgetMe(profile.id, _minute(context)))
    buttons = InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(context.t("privacy-forget-yes"), callback_data=yes)],
            [InlineKeyboardButton(context.t("privacy-forget-no"), callback_data=encode(KeepMe()))],
        ]
    )
    await context.bot.send_message(
        chat.id,
        context.t("privacy-forget-confirm"),
        reply_markup=buttons,
    )


async def forget_pressed(update: Update, context: FrontdeskContext) -> None:
    """A press on the /forgetme question: keep, or delete everything in one transaction."""
    query = update.callback_query
    profile = context.profile
    if query is None or profile is None:
        return
    press = pressed_any(update, ForgetMe, KeepMe)
    if isinstance(press, KeepMe):
        await query.answer()
        await edit(update, context.t("privacy-forget-kept"))
        return
    assert isinstance(press, ForgetMe)
    runtime = context.runtime
    age = _minute(context) - press.minute
    valid_for = runtime.settings.privacy.forget_confirm_minutes
    if press.user_id != profile.id or not 0 <= age <= valid_for:
        await query.answer(context.t("privacy-forget-expired"), show_alert=True)
        return
    async with runtime.db.transaction() as session:
        forgotten = await privacy.forget_user(
            session, profile.id, runtime.clock.now(), registry(runtime)
        )
    context.services.get(SeenNotices).ids.discard(profile.id)
    guard = context.services.get(FloodGuard)
    guard.forget(profile.telegram_id)
    if guard.shared is not None:
        await guard.shared.forget(profile.telegram_id)
    runtime.profiles.forget(profile.telegram_id)
    log.info("user #%s was forgotten at their request (%s)", profile.id, forgotten)
    t = context.t  # the language they chose, not their client's: said once more, then gone
    context.profile = None  # nothing later in this update may touch their (deleted) row
    await query.answer()
    await edit(update, t("privacy-forgotten"))


# -- retention ----------------------------------------------------------------------------


async def run_retention(runtime: Runtime) -> dict[str, int]:
    """Apply the retention settings now, in short transactions (small batches)."""
    done = await privacy.apply_retention(
        runtime.db, runtime.clock.now(), runtime.settings.privacy, registry(runtime)
    )
    runtime.profiles.clear()  # some of the cached people may no longer exist
    return done


async def retention_job(context: FrontdeskContext) -> None:
    """The daily job (idempotent, so several instances running it is harmless)."""
    try:
        await run_retention(context.runtime)
    except Exception:
        log.exception("retention job failed; it runs again tomorrow")


def install(app: FrontdeskApplication) -> None:
    """The notice hooks, the commands and the confirmation buttons."""
    app.add_handler(TypeHandler(Update, notice_before_answer), group=NOTICE_GROUP)
    app.add_handler(CommandHandler("start", notice_after_greeting), group=AFTER_START_GROUP)
    app.add_handler(CommandHandler("privacy", show_privacy))
    app.add_handler(on(FullNotice, show_full_notice))
    app.add_handler(CommandHandler("mydata", my_data))
    app.add_handler(CommandHandler("forgetme", forget_me))
    app.add_handler(CallbackQueryHandler(forget_pressed, pattern=matches(ForgetMe, KeepMe)))


def _retention_time(runtime: Runtime) -> dtime:
    return dtime(hour=runtime.settings.privacy.retention_hour, tzinfo=runtime.centre.zone)


MANIFEST = Manifest(
    name="privacy",
    install=install,
    commands=COMMANDS,
    jobs=[Job("privacy-retention", retention_job, daily=_retention_time)],
    services=[lambda _app: SeenNotices()],
)
