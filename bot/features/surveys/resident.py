"""Residents answering: /surveys and the menu, one question per message, typed answers.

Every press is written at once by the service, so the handlers keep nothing between updates;
a resident who comes back (even after a restart) finds the question where they stopped.
Staff typing in a paper response use the same steps (the response says ``paper``).
"""

from __future__ import annotations

import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession
from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot.context import FrontdeskContext
from bot.features.surveys import report, service, texts, views
from bot.features.surveys.buttons import Back, Done, OpenSurvey, Pick, Reset, Send, Skip
from bot.features.surveys.service import Refusal, Refused, Step
from bot.services.form_words import FormWord, form_word, says_back
from bot.tg.menu import menu_labels, send_menu
from bot.tg.prefetch import Prefetch, Subject, prefetched
from bot.tg.reply import alert, say, show, toast
from bot.understanding.asking import asks_for_information

log = logging.getLogger(__name__)


async def render(update: Update, context: FrontdeskContext, step: Step, new: bool = False) -> None:
    """Show a step: the question and its buttons, or the answers to check before sending."""
    t = context.t
    if step.question is None:
        async with context.runtime.db.read() as session:
            answers = await service.answers_of(session, step.response_id)
        flat = {q: [(a.choice, a.text) for a in rows] for q, rows in answers.items()}
        text = report.summary_text(t, step, flat)
    else:
        text = report.question_text(t, step)
    markup = views.step_keyboard(t, step)
    if new:
        await say(update, text, markup)
    else:
        await show(update, text, markup)


async def refused(update: Update, context: FrontdeskContext, error: Refused) -> None:
    """A polite answer to a press that cannot count, and the current step again if any."""
    await alert(update, context.t(texts.REFUSAL_TEXTS[error.reason]))
    if error.step is not None:
        await render(update, context, error.step)


async def list_open(update: Update, context: FrontdeskContext) -> None:
    """/surveys and the menu button: the surveys open to this resident now."""
    if context.profile is None:
        return
    async with context.runtime.db.read() as session:
        found = await service.open_for(session, context.profile.id, context.runtime.clock.now())
    if not found:
        await say(update, context.t("survey-none-open"))
        return
    await say(update, context.t("survey-open-list"), views.open_list(context.t, found))


async def _advance(
    update: Update,
    context: FrontdeskContext,
    write: Callable[[AsyncSession, int, datetime], Awaitable[Step]],
    *,
    new: bool = False,
) -> None:
    """One press of a resident's survey button: written at once (retried on a locked
    database), then the next step shown; a refusal says why."""
    assert context.profile is not None
    user_id = context.profile.id
    try:
        step = await service.retrying(
            context.runtime.db,
            lambda session: write(session, user_id, context.runtime.clock.now()),
        )
    except Refused as error:
        await refused(update, context, error)
        return
    await toast(update)
    await render(update, context, step, new=new)


async def open_survey(update: Update, context: FrontdeskContext, press: OpenSurvey) -> None:
    """Start, resume or reopen a survey (from an invitation, a reminder or the list)."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.start(session, press.survey_id, user, now),
        new=True,
    )


async def pick(update: Update, context: FrontdeskContext, press: Pick) -> None:
    """An option, a rating, the next ranked item, or "other"."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.pick(
            session, press.response_id, user, press.question_id, press.choice, now
        ),
    )


async def done(update: Update, context: FrontdeskContext, press: Done) -> None:
    """ "Done" under a multiple-choice question."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.done(
            session, press.response_id, user, press.question_id, now
        ),
    )


async def reset(update: Update, context: FrontdeskContext, press: Reset) -> None:
    """Start a ranking again."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.reset(
            session, press.response_id, user, press.question_id, now
        ),
    )


async def skip(update: Update, context: FrontdeskContext, press: Skip) -> None:
    """Leave an optional question out."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.skip(
            session, press.response_id, user, press.question_id, now
        ),
    )


async def back(update: Update, context: FrontdeskContext, press: Back) -> None:
    """ "上一题"."""
    await _advance(
        update,
        context,
        lambda session, user, now: service.back(session, press.response_id, user, now),
    )


async def send(update: Update, context: FrontdeskContext, press: Send) -> None:
    """Send the response (and keep the profile answers if asked)."""
    assert context.profile is not None
    user_id = context.profile.id
    runtime = context.runtime
    try:
        outcome, survey = await service.retrying(
            runtime.db,
            lambda session: service.submit(
                session,
                press.response_id,
                user_id,
                runtime.clock.now(),
                runtime.centre.zone,
                keep_profile=bool(press.keep),
            ),
        )
    except Refused as error:
        await refused(update, context, error)
        return
    if survey.anonymous and outcome is not service.Sent.PAPER:
        key = texts.SENT_ANONYMOUS_TEXTS[outcome]
    else:
        key = texts.SENT_TEXTS[outcome]
    await toast(update)
    await show(update, context.t(key, title=survey.title(context.language)))


WAITING_TEXT = "surveys.waiting-text"  # the prefetch's name (bot/tg/prefetch.py)


async def read_waiting(
    session: AsyncSession, subjects: Sequence[Subject], now: datetime
) -> dict[int, object]:
    """For a claimed batch: whether a survey may wait for each private message's text.

    ``False`` proves nothing waits: a response waits only after its own resident's step in
    this private chat (or the staff member's, entering paper in theirs), and the chat's
    earlier updates were finished before this one was claimed. ``True``: :func:`typed` reads.
    """
    covered = [s for s in subjects if s.private and s.update.message is not None]
    known = [s.user_id for s in covered if s.user_id is not None]
    waiting = await service.awaiting_text_of(session, known, now)
    return {s.update.update_id: s.user_id in waiting for s in covered}


PREFETCH = Prefetch(WAITING_TEXT, read_waiting)


async def typed(update: Update, context: FrontdeskContext) -> None:
    """Text typed while a survey waits for it (a text question, or "other"): taken, and the
    update goes no further. Anything else passes on to the other features untouched."""
    message = update.effective_message
    if context.profile is None or message is None or not message.text:
        return
    if prefetched(WAITING_TEXT) is False:
        return  # read with its batch: no survey waits for this person's text
    user_id, typed_text = context.profile.id, message.text
    now = context.runtime.clock.now()
    async with context.runtime.db.read() as session:
        response_id = await service.awaiting_text(session, user_id, now)
        pressing = (
            None if response_id is not None else await service.awaiting_press(session, user_id, now)
        )
    waiting = response_id if response_id is not None else pressing
    if waiting is not None and (says_back(typed_text) or form_word(typed_text) is FormWord.LEAVE):
        await _leave_or_back(update, context, waiting, back=says_back(typed_text))
        raise ApplicationHandlerStop
    if pressing is not None:
        await _press_an_option(update, context, pressing)
    if response_id is None:
        return
    try:
        step = await service.retrying(
            context.runtime.db,
            lambda session: service.write_text(session, response_id, user_id, typed_text, now),
        )
    except Refused as error:
        if error.step is None:
            return  # no longer open: the text is for someone else
        if error.reason is Refusal.TOO_LONG:
            await _give_back(update, context, service.printable_text(typed_text))
        else:
            await say(update, context.t(texts.REFUSAL_TEXTS[error.reason]))
        await render(update, context, error.step, new=True)
        raise ApplicationHandlerStop from None
    await render(update, context, step, new=True)
    raise ApplicationHandlerStop


async def put_aside(context: FrontdeskContext) -> bool:
    """A command, a menu button or a conversation with staff started something else: a survey
    waiting for this person's text (or press) stops waiting, its answers and place kept, so
    that their next message goes where they turned (:class:`bot.tg.forms.WaitingStep`)."""
    if context.profile is None or prefetched(WAITING_TEXT) is False:
        return False  # most people: no survey waits, and nothing is read
    user_id, now = context.profile.id, context.runtime.clock.now()
    async with context.runtime.db.read() as session:
        waiting = await service.awaiting_text(session, user_id, now) is not None or (
            await service.awaiting_press(session, user_id, now) is not None
        )
    if not waiting:  # read first: a write transaction only for those with a survey open
        return False
    try:
        return await service.retrying(
            context.runtime.db,
            lambda session: service.set_aside_waiting(session, user_id, now),
        )
    except Refused:  # closed meanwhile: nothing waits any more
        return False


async def _give_back(update: Update, context: FrontdeskContext, text: str) -> None:
    """An answer over the limit: the limit and its length, then the text itself, to copy and
    shorten (a resident who wrote 600 characters was told "at most 500" and had lost them)."""
    limit = service.TEXT_CHARS
    await say(update, context.t("survey-refused-too-long", limit=limit, length=len(text)))
    await say(update, html.escape(text, quote=False))


async def _leave_or_back(
    update: Update, context: FrontdeskContext, response_id: int, *, back: bool
) -> None:
    """ "返回" typed: the question before, as the ⬅️ button does; "取消" typed: the survey is
    set aside with its answers (a newcomer's "返回" was saved as her answer, and "取消" told
    her there was nothing to cancel while her survey stood unsent)."""
    assert context.profile is not None
    user_id, now = context.profile.id, context.runtime.clock.now()
    try:
        if back:
            step = await service.retrying(
                context.runtime.db, lambda session: service.back(session, response_id, user_id, now)
            )
            if step.question is not None:
                await render(update, context, step, new=True)
                return
        await service.retrying(
            context.runtime.db,
            lambda session: service.set_aside(session, response_id, user_id, now),
        )
    except Refused:
        await send_menu(update, context, context.t("nothing-to-cancel"))
        return
    await send_menu(update, context, context.t("survey-set-aside"))


async def _press_an_option(update: Update, context: FrontdeskContext, response_id: int) -> None:
    """Text at a question answered with buttons, just after a press ("太好了👍"): a polite
    "please tap an option" and the question again, as the other forms do (it went to the
    general fallback, which offered to pass it to staff). A menu button or a plain question
    ("食堂几点开门") goes on to be answered."""
    message = update.effective_message
    assert message is not None
    assert message.text is not None
    assert context.profile is not None
    text = message.text.strip()
    if text in menu_labels(context.runtime.catalog) or asks_for_information(text):
        return
    user_id, now = context.profile.id, context.runtime.clock.now()
    try:
        step = await service.retrying(
            context.runtime.db,
            lambda session: service.resume(session, response_id, user_id, now),
        )
    except Refused:
        return  # closed or gone meanwhile: the text is for someone else
    await say(update, context.t("survey-press-an-option"))
    await render(update, context, step, new=True)
    raise ApplicationHandlerStop
