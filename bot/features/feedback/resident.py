"""The resident's feedback form: meal, stars, tags, comment, photos, anonymity, confirmation."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta

from telegram import (
    InlineKeyboardMarkup,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    ConversationHandler,
)

from bot import dates
from bot.clock import local_now
from bot.context import FrontdeskContext
from bot.features.feedback import service as feedback
from bot.features.feedback.buttons import (
    Anonymity,
    Confirm,
    Meal,
    PhotosDone,
    SkipComment,
    SkipPhotos,
    Stars,
    Tag,
)
from bot.features.feedback.service import Author, FeedbackError, meal_label
from bot.features.feedback.views import (
    ANONYMITY,
    COMMENT,
    CONFIRM,
    PHOTOS,
    RATING,
    TAGS,
    Form,
    Said,
    StaffAnswer,
    _button,
    _cancel_row,
    _form,
    _one_row,
    _rating_keyboard,
    _tags_keyboard,
    start_text,
)
from bot.i18n import Translator
from bot.tg.buttons import pressed
from bot.tg.deeplink import link_of
from bot.tg.menu import send_menu
from bot.tg.reply import edit as edit_message
from bot.tg.reply import say
from bot.understanding.asking import asks_for_information

log = logging.getLogger(__name__)


async def start_form_from_link(update: Update, context: FrontdeskContext) -> int:
    """``/start feedback`` or ``/start feedback_lunch`` (the canteen's poster): the form,
    with the meal the link names (else the one the time of day suggests)."""
    return await start_form(update, context, meal=link_of(update).arg)


async def start_form(update: Update, context: FrontdeskContext, meal: str | None = None) -> int:
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
    now_local = local_now(runtime.clock, runtime.centre.zone)
    day, meal = feedback.meal_to_ask(
        await runtime.hours.book(now_local.date() - timedelta(days=feedback.LOOK_BACK_DAYS)),
        runtime.centre.venue(settings.venue), now_local, settings, meal,
    )  # fmt: skip
    said = context.drafts.pop(Said)  # only the offer's own button carries the words on
    comment = said.text if said is not None and update.callback_query is not None else None
    form = Form(meal=meal, comment=comment, day=day if day != now_local.date() else None)
    context.drafts.put(form)
    text = start_text(context.t, form)
    if comment:
        text += "\n\n" + context.t("feedback-start-words", comment=comment)
    await say(update, text, _rating_keyboard(context.t, form))
    return RATING


def keep_words(context: FrontdeskContext, text: str) -> bool:
    """Keep what the resident wrote ("我要投诉食堂的菜太咸了") for the form the offer opens:
    it becomes the comment. ``False`` when it is too long to be one."""
    words = text.strip()
    if not words or len(words) > context.runtime.settings.feedback.comment_max_chars:
        context.drafts.pop(Said)
        return False
    context.drafts.put(Said(words))
    return True


async def words_before_stars(update: Update, context: FrontdeskContext) -> int:
    """Words typed before the stars ("菜太咸了", then "而且排队要半小时"): the step still waits
    for the stars, and each message is added to the comment (a second one used to replace
    the first). A plain question ("食堂几点开门") is not put in: the resident is asked."""
    form = _form(context)
    message = update.effective_message
    if form is None or message is None or message.text is None:
        return ConversationHandler.END
    t = context.t
    limit = context.runtime.settings.feedback.comment_max_chars
    words = message.text.strip()
    if words and asks_for_information(words):
        form.asked = words[:limit]
        text = t("feedback-stars-waiting-asked", asked=form.asked)
        await say(update, text, _rating_keyboard(t, form, keep_asked=True))
        return RATING
    await _add_before_stars(update, context, form, words)
    return RATING


async def keep_asked(update: Update, context: FrontdeskContext) -> int:
    """ "Put it in the comment": what read as a question was meant for the comment."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    if form is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    asked, form.asked = form.asked, None
    await _add_before_stars(update, context, form, asked or "")
    return RATING


async def _add_before_stars(
    update: Update, context: FrontdeskContext, form: Form, words: str
) -> None:
    t = context.t
    limit = context.runtime.settings.feedback.comment_max_chars
    joined = form.add_words(words, limit)
    if len(joined) > limit:
        await say(update, t("feedback-comment-cut", limit=str(limit), length=str(len(joined))))
    if form.comment:
        text = t("feedback-stars-waiting-words", comment=form.comment)
    else:
        text = start_text(t, form)
    await say(update, text, _rating_keyboard(t, form))


async def choose_meal(update: Update, context: FrontdeskContext) -> int | None:
    """Another meal than the preselected one."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    meal = pressed(Meal, update).meal
    if form is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    if form.meal == meal:  # pressed again: the tick is there, say what comes next
        name = meal_label(context.t, meal)
        await query.answer(context.t("feedback-meal-already", meal=name))
        return RATING
    await query.answer()
    form.meal = meal
    t = context.t
    await edit_message(update, start_text(t, form), _rating_keyboard(t, form))
    return RATING


async def choose_stars(update: Update, context: FrontdeskContext) -> int:
    """The rating; then the quick tags."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    stars = pressed(Stars, update).stars
    if form is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    form.stars = stars
    await _show_tags(update, context, form)
    return TAGS


async def _show_tags(update: Update, context: FrontdeskContext, form: Form) -> None:
    t = context.t
    await edit_message(
        update,
        t(
            "feedback-tags-prompt",
            meal=meal_label(t, form.meal),
            stars=feedback.stars_text(form.stars),
        ),
        _tags_keyboard(t, form, context.runtime.settings.feedback.tags),
    )


async def toggle_tag(update: Update, context: FrontdeskContext) -> int:
    """Pick or unpick a tag (only configured tags; anything else is stale or forged)."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    tag = pressed(Tag, update).tag
    tags = context.runtime.settings.feedback.tags
    if form is None or tag not in tags:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return TAGS
    await query.answer()
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
    form = _form(context)
    if form is not None and form.comment:  # their own words, from the message that led here
        await edit_message(
            update,
            context.t("feedback-comment-prompt-kept", limit=limit, comment=form.comment),
            _one_row(context.t, ("feedback-button-keep-comment", SkipComment())),
        )
        return COMMENT
    await edit_message(
        update,
        context.t("feedback-comment-prompt", limit=limit),
        _one_row(context.t, ("feedback-button-skip", SkipComment())),
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
        # Kept, not refused: a long voice-input comment is the resident's words, and asking an
        # elderly resident to shorten it lost it (a newcomer's finding). Its first ``limit``
        # characters are the comment, and the resident is told.
        await message.reply_text(
            context.t("feedback-comment-cut", limit=str(limit), length=str(len(comment))),
        )
        comment = comment[:limit].rstrip()
    form.comment = comment or None
    return await _ask_photos(update, context, edit=False)


async def words_at_tags(update: Update, context: FrontdeskContext) -> int:
    """Text at the tags step: the comment, added to the words typed before the stars (they
    were told those are kept; only the comment step, which shows them, offers to replace)."""
    form = _form(context)
    message = update.effective_message
    if form is None or message is None or message.text is None:
        return ConversationHandler.END
    if not form.comment:
        return await write_comment(update, context)
    limit = context.runtime.settings.feedback.comment_max_chars
    joined = form.add_words(message.text.strip(), limit)
    if len(joined) > limit:
        await say(
            update,
            context.t("feedback-comment-cut", limit=str(limit), length=str(len(joined))),
        )
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
    markup = _one_row(context.t, ("feedback-button-no-photos", SkipPhotos()))
    if edit:
        await edit_message(update, text, markup)
    else:
        await say(update, text, markup)
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
        reply_markup=_one_row(context.t, ("feedback-button-photos-done", PhotosDone())),
    )
    return PHOTOS


async def photo_expected(update: Update, context: FrontdeskContext) -> int:
    """A sticker or a voice note while photos are expected (text leaves the step: it
    submits the rating, :func:`submit_on_leaving`); the button says what it does."""
    form = _form(context)
    if update.effective_message is not None:
        some = form is not None and bool(form.photos)
        markup = (
            _one_row(context.t, ("feedback-button-photos-done", PhotosDone()))
            if some
            else _one_row(context.t, ("feedback-button-no-photos", SkipPhotos()))
        )
        await update.effective_message.reply_text(
            context.t("feedback-photos-expected-some" if some else "feedback-photos-expected"),
            reply_markup=markup,
        )
    return PHOTOS


async def comment_expected(update: Update, context: FrontdeskContext) -> int:
    """A sticker or voice note where a comment is expected."""
    if update.effective_message is not None:
        kept = (form := _form(context)) is not None and bool(form.comment)
        button = "feedback-button-keep-comment" if kept else "feedback-button-skip"
        await update.effective_message.reply_text(
            context.t("feedback-comment-expected-kept" if kept else "feedback-comment-expected"),
            reply_markup=_one_row(context.t, (button, SkipComment())),
        )
    return COMMENT


async def photos_done(update: Update, context: FrontdeskContext) -> int:
    assert update.callback_query is not None
    await update.callback_query.answer()
    return await _ask_anonymity(update, context, edit=True)


def _anonymity_keyboard(t: Translator) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                _button(t("feedback-button-show-name"), Anonymity(0)),
                _button(t("feedback-button-anonymous"), Anonymity(1)),
            ],
            _cancel_row(t),
        ]
    )


async def step_keyboard(context: FrontdeskContext, step: object) -> InlineKeyboardMarkup | None:
    """The buttons each step of the form shows with its question, as they stand now (the
    meal and tags chosen so far): for a step asked again ("this step is still waiting")."""
    t, form = context.t, _form(context)
    if form is None:
        return None
    if step == RATING:
        return _rating_keyboard(t, form)
    if step == TAGS:
        return _tags_keyboard(t, form, context.runtime.settings.feedback.tags)
    if step == COMMENT:
        kept = "feedback-button-keep-comment" if form.comment else "feedback-button-skip"
        return _one_row(t, (kept, SkipComment()))
    if step == PHOTOS:
        if form.photos:
            return _one_row(t, ("feedback-button-photos-done", PhotosDone()))
        return _one_row(t, ("feedback-button-no-photos", SkipPhotos()))
    if step == ANONYMITY:
        return _anonymity_keyboard(t)
    if step == CONFIRM:
        return _one_row(t, ("feedback-button-confirm", Confirm()))
    return None


# What each step asks of the resident, said plainly when they type "我不懂" or "help" there;
# the buttons it names are passed in by their own catalog keys, so the words match them.
_STEP_HELP: dict[int, tuple[str, tuple[str, ...]]] = {
    RATING: ("feedback-help-rating", ()),
    TAGS: ("feedback-help-tags", ("feedback-button-next",)),
    COMMENT: ("feedback-help-comment", ("feedback-button-skip", "feedback-button-keep-comment")),
    PHOTOS: ("feedback-help-photos", ("feedback-button-no-photos", "feedback-button-photos-done")),
    ANONYMITY: (
        "feedback-help-anonymity",
        ("feedback-button-show-name", "feedback-button-anonymous"),
    ),
    CONFIRM: ("feedback-help-confirm", ("feedback-button-confirm",)),
}


def _label(key: str) -> str:
    """The argument name a button's label is passed as: ``feedback-button-keep-comment`` →
    ``keep_comment``."""
    return key.removeprefix("feedback-button-").replace("-", "_")


def explain(step: int) -> Callable[[Update, FrontdeskContext], Coroutine[object, object, int]]:
    """The handler for "我不懂" / "怎么弄" / "help" typed at ``step``: what the step wants, in
    plain words, and its buttons again; the words are not kept as an answer."""

    async def explain_step(update: Update, context: FrontdeskContext) -> int:
        """Say what this step wants and show its buttons again."""
        if _form(context) is None:
            return ConversationHandler.END
        t = context.t
        key, buttons = _STEP_HELP[step]
        text = t(key, **{_label(button): t(button) for button in buttons})
        text += "\n" + t("feedback-help-leave", cancel=t("feedback-button-cancel"))
        await say(update, text, await step_keyboard(context, step))
        return step

    return explain_step


async def _ask_anonymity(update: Update, context: FrontdeskContext, *, edit: bool) -> int:
    t = context.t
    markup = _anonymity_keyboard(t)
    if edit:
        await edit_message(update, t("feedback-anon-prompt"), markup)
    else:
        await say(update, t("feedback-anon-prompt"), markup)
    return ANONYMITY


async def choose_anonymity(update: Update, context: FrontdeskContext) -> int:
    """Anonymous or not; then the summary to confirm."""
    query = update.callback_query
    form = _form(context)
    assert query is not None
    anonymous = pressed(Anonymity, update).anonymous == 1
    if form is None:
        await query.answer(context.t("feedback-expired"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    form.anonymous = anonymous
    runtime = context.runtime
    assert context.profile is not None
    day = form.day or local_now(runtime.clock, runtime.centre.zone).date()
    async with runtime.db.read() as session:
        replaces = await feedback.exists_for(session, context.profile.id, day, form.meal)
    t = context.t
    none = t("feedback-summary-none")
    summary = t(
        "feedback-summary",
        meal=meal_label(t, form.meal),
        day=dates.day(day, t.lang),
        stars=feedback.stars_text(form.stars),
        tags=t.join(feedback.tag_label(t, tag) for tag in form.tags) or none,
        comment=form.comment or none,
        photos=len(form.photos),
        anonymous="yes" if form.anonymous else "no",
        confirm=t("feedback-button-confirm"),
    )
    if replaces:
        summary += "\n\n" + t("feedback-summary-replaces", meal=meal_label(t, form.meal))
    await edit_message(update, summary, _one_row(t, ("feedback-button-confirm", Confirm())))
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
    settings = context.runtime.settings.feedback
    try:
        result = await _submit(context, form)
    except FeedbackError as refused:
        await query.answer()
        await edit_message(update, context.t(refused.key, **refused.args_for_text))
        _forget(context)
        return ConversationHandler.END
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


async def _submit(context: FrontdeskContext, form: Form) -> feedback.Submitted:
    """Store the form (one per meal and day; staff are alerted to a low rating)."""
    runtime = context.runtime
    assert context.profile is not None
    async with runtime.db.transaction() as session:
        return await feedback.submit(
            session,
            author=Author(context.profile.id, context.profile.first_name),
            draft=form.draft(),
            now=runtime.clock.now(),
            zone=runtime.centre.zone,
            settings=runtime.settings.feedback,
            catalog=runtime.catalog,
        )


# The steps after the comment: stars and words are in, only optional things are left.
ALMOST_DONE = (PHOTOS, ANONYMITY, CONFIRM)


async def submit_on_leaving(update: Update, context: FrontdeskContext, step: object) -> None:
    """The resident turned to something else (a command, the menu, a question) once the
    stars and comment were in: the rating is sent as it stands, not thrown away, and they
    are told so; then the new message is handled as usual. ``/cancel`` still discards.

    Without the anonymity step answered, the name is not shown: the resident was not asked.
    """
    form = _form(context)
    if form is None or context.profile is None or not form.stars:
        return
    if step != CONFIRM:
        form.anonymous = True
    t = context.t
    try:
        result = await _submit(context, form)
    except FeedbackError as refused:
        _forget(context)
        await say(update, t(refused.key, **refused.args_for_text))
        return
    _forget(context)
    text = t(
        "feedback-saved-on-leaving-updated" if result.updated else "feedback-saved-on-leaving",
        photos=len(form.photos),
        anonymous="yes" if form.anonymous else "no",
        confirm=t("feedback-button-confirm"),
    )
    if form.stars <= context.runtime.settings.feedback.low_rating_threshold:
        text += "\n" + t("feedback-thanks-low")
    await say(update, text)


def _forget(context: FrontdeskContext) -> None:
    context.drafts.pop(Form)
    context.drafts.pop(StaffAnswer)


async def cancel(update: Update, context: FrontdeskContext) -> int:
    """Stop the form (or a staff answer) at any step; nothing is saved."""
    _forget(context)
    if update.callback_query is not None:
        await update.callback_query.answer()
        await edit_message(update, context.t("feedback-cancelled"))
        await send_menu(update, context, context.t("menu-prompt"))
    else:
        await send_menu(update, context, context.t("feedback-cancelled"))
    return ConversationHandler.END
