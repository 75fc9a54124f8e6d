"""Canteen feedback in the chat: the resident's form, staff replies, organisers' digest tools.

Residents: ``/feedback`` or the menu button starts a conversation (meal and stars, tags,
comment, photos, anonymity, summary, thanks). Staff: the low-rating alert's buttons (reply,
resolve, photos). Organisers: ``/digest``, ``/export``, ``/digestsettings``; the digest itself
is sent by a job that calls :func:`bot.features.feedback.digest.run_due_digests` every minute.
"""

from __future__ import annotations

import logging
import warnings

from telegram import (
    Update,
)
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.feedback import buttons, digest
from bot.features.feedback import service as feedback
from bot.features.feedback.buttons import (
    Anonymity,
    CancelForm,
    Confirm,
    DigestSetting,
    KeepAsked,
    Meal,
    OpenForm,
    Photos,
    PhotosDone,
    Resolve,
    SkipComment,
    SkipPhotos,
    Stars,
    Tag,
    TagsDone,
)
from bot.features.feedback.organiser import (
    digest_settings,
    digest_settings_button,
    digest_tick,
    export,
    show_digest,
)
from bot.features.feedback.resident import (
    ALMOST_DONE,
    add_photo,
    cancel,
    choose_anonymity,
    choose_meal,
    choose_stars,
    comment_expected,
    confirm,
    explain,
    keep_asked,
    photo_expected,
    photos_done,
    skip_comment,
    start_form,
    start_form_from_link,
    step_keyboard,
    submit_on_leaving,
    tags_done,
    toggle_tag,
    words_at_tags,
    words_before_stars,
    write_comment,
)
from bot.features.feedback.staff import build_answer, resolve, show_photos
from bot.features.feedback.views import (
    ANONYMITY,
    COMMENT,
    CONFIRM,
    DIGEST_JOB,
    PHOTOS,
    RATING,
    TAGS,
    Form,
)
from bot.manifest import Job, Manifest
from bot.services.form_words import form_word
from bot.tg import forms
from bot.tg.buttons import matches
from bot.tg.deeplink import on_start
from bot.tg.form_words import ASKS_HELP, WANTS_OUT
from bot.tg.forms import end_form, form_step
from bot.tg.menu import menu_labels

log = logging.getLogger(__name__)

# After the profile (-100) and the flood guard (-90), before half-done forms are put aside
# (-20) and the conversation with staff (-10): a rating all but done is sent, not dropped.
LEAVING_GROUP = -30


COMMANDS = [
    CommandSpec("feedback", "cmd-feedback"),
    CommandSpec("digest", "cmd-digest", role="organiser"),
    CommandSpec("export", "cmd-export", role="organiser", private=True),
    CommandSpec("digestsettings", "cmd-digestsettings", role="organiser"),
]


def _feedback_labels(app: FrontdeskApplication) -> list[str]:
    return list(app.bot_data.runtime.catalog.all_languages("menu-feedback").values())


def _lost(step: int) -> list[BaseHandler[Update, FrontdeskContext, object]]:
    """First at every step: "我不懂" / "help" explains the step, "取消" / "返回" leaves the form;
    neither is ever taken as the step's answer (a comment) nor sends a half-done rating."""
    return [MessageHandler(ASKS_HELP, explain(step)), MessageHandler(WANTS_OUT, cancel)]


def build_form(app: FrontdeskApplication) -> forms.Form:
    """The resident's form: one at a time per person and chat, restartable with /feedback."""
    with warnings.catch_warnings():
        # PTB warns that with per_message=False a CallbackQueryHandler is tracked per chat,
        # not per message. That is the intent: one form per person and chat; presses on
        # an older form's buttons fall through to the "no longer valid" answer.
        warnings.filterwarnings("ignore", message=".*per_message=False.*")
        return forms.Form(
            entry_points=[
                CommandHandler("feedback", start_form, filters=filters.ChatType.PRIVATE),
                on_start("feedback", start_form_from_link),
                MessageHandler(filters.Text(_feedback_labels(app)), start_form),
                # "我要评价食堂" in free text: the questions feature offers this button
                CallbackQueryHandler(start_form, pattern=matches(OpenForm)),
            ],
            states={
                RATING: [
                    *_lost(RATING),
                    CallbackQueryHandler(choose_meal, pattern=matches(Meal)),
                    CallbackQueryHandler(choose_stars, pattern=matches(Stars)),
                    CallbackQueryHandler(keep_asked, pattern=matches(KeepAsked)),
                    MessageHandler(filters.TEXT & ~filters.COMMAND, words_before_stars),
                ],
                TAGS: [
                    *_lost(TAGS),
                    CallbackQueryHandler(toggle_tag, pattern=matches(Tag)),
                    CallbackQueryHandler(tags_done, pattern=matches(TagsDone)),
                    MessageHandler(filters.TEXT & ~filters.COMMAND, words_at_tags),
                ],
                COMMENT: [
                    *_lost(COMMENT),
                    MessageHandler(filters.TEXT & ~filters.COMMAND, write_comment),
                    MessageHandler(filters.PHOTO, add_photo),
                    CallbackQueryHandler(skip_comment, pattern=matches(SkipComment)),
                    MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, comment_expected),
                ],
                PHOTOS: [
                    *_lost(PHOTOS),
                    MessageHandler(filters.PHOTO, add_photo),
                    CallbackQueryHandler(photos_done, pattern=matches(SkipPhotos, PhotosDone)),
                    MessageHandler(~filters.COMMAND & ~filters.StatusUpdate.ALL, photo_expected),
                ],
                ANONYMITY: [
                    *_lost(ANONYMITY),
                    CallbackQueryHandler(choose_anonymity, pattern=matches(Anonymity)),
                ],
                CONFIRM: [*_lost(CONFIRM), CallbackQueryHandler(confirm, pattern=matches(Confirm))],
            },
            fallbacks=[
                CommandHandler("cancel", cancel),
                CallbackQueryHandler(cancel, pattern=matches(CancelForm)),
            ],
            per_user=True,
            per_chat=True,
            allow_reentry=True,
            name="feedback-form",
            keyboard=step_keyboard,
        )


class FeedbackForm:
    """The resident's form, built once per application (the menu button enters it too)."""

    def __init__(self, app: FrontdeskApplication) -> None:
        self.conversation = build_form(app)


async def from_menu(update: Update, context: FrontdeskContext) -> None:
    """The main menu's feedback button: passed on to the form, which it enters.

    The menu button is caught by the common menu handler; passing the update on to the
    conversation makes it the form's entry point, so its state is tracked.
    """
    form = context.services.get(FeedbackForm).conversation
    check = form.check_update(update)
    if check is not None:
        app: FrontdeskApplication = context.application  # type: ignore[assignment]  # PTB types the context's application generically
        await form.handle_update(update, app, check, context)


async def leaving_the_form(update: Update, context: FrontdeskContext) -> None:
    """Text, a command or a menu button once the stars and comment are in (the photo step
    and after): the rating is submitted as it stands, and the message then goes on to be
    handled as usual. ``/cancel`` still discards; a photo at the photo step is the step's."""
    message = update.message
    if message is None or message.chat.type != "private" or not message.text:
        return
    conversation = context.services.get(FeedbackForm).conversation
    step = form_step(conversation, update)
    text = message.text.strip()
    command = text.split(maxsplit=1)[0].split("@")[0] if text.startswith("/") else ""
    if step is None or command == "/cancel" or form_word(text) is not None:
        return  # "/cancel", "取消", "我不懂": the form's own steps answer them
    if step not in ALMOST_DONE:
        # Before the photos, text is the comment; a command or the menu leaves a form whose
        # stars and comment (their words, kept from the message that led here) are in.
        form = context.drafts.get(Form)
        moving = bool(command) or text in menu_labels(context.runtime.catalog)
        if step not in (TAGS, COMMENT) or not moving or form is None or not form.comment:
            return
    end_form(conversation, update)
    await submit_on_leaving(update, context, step)


def install(app: FrontdeskApplication) -> None:
    """The form, staff buttons and organiser commands."""
    app.add_handler(TypeHandler(Update, leaving_the_form), group=LEAVING_GROUP)
    app.add_handler(app.bot_data.services.get(FeedbackForm).conversation)
    app.add_handler(build_answer())
    app.add_handler(CallbackQueryHandler(resolve, pattern=matches(Resolve)))
    app.add_handler(CallbackQueryHandler(show_photos, pattern=matches(Photos)))
    app.add_handler(CallbackQueryHandler(digest_settings_button, pattern=matches(DigestSetting)))
    app.add_handler(CommandHandler("digest", show_digest))
    app.add_handler(CommandHandler("export", export))
    app.add_handler(CommandHandler("digestsettings", digest_settings))


MANIFEST = Manifest(
    name="feedback",
    install=install,
    commands=COMMANDS,
    menu_actions={"feedback": from_menu},
    privacy=lambda _runtime: [feedback.DATA_SECTION, digest.DATA_SECTION],
    jobs=[
        Job(
            DIGEST_JOB,
            digest_tick,
            every=lambda runtime: runtime.settings.feedback.digest_tick_seconds,
        )
    ],
    services=[FeedbackForm],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.DigestSetting: "organiser",
        buttons.Photos: "staff",
        buttons.Reply: "staff",
        buttons.Resolve: "staff",
    },
)
