"""Organisers build a survey in the chat and edit one: thin handlers over ``builder`` and
``edits`` (the rules), with the draft in ``context.drafts`` (kept in the database)."""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.ext import ApplicationHandlerStop

from bot import dates
from bot.context import FrontdeskContext
from bot.features.surveys import builder, edits, organiser, service, texts, views
from bot.features.surveys.builder import Outcome, SurveyBuild
from bot.features.surveys.buttons import Build, Edit, EditPick, StartBuild
from bot.features.surveys.definition import SurveyFileError
from bot.features.surveys.edits import EditRefused, EditWhat, SurveyEdit
from bot.services.form_words import FormWord, form_word
from bot.tg.guards import allowed, require_role
from bot.tg.menu import send_menu
from bot.tg.reply import alert, say, show, toast

log = logging.getLogger(__name__)


async def _prompt(update: Update, context: FrontdeskContext, build: SurveyBuild, new: bool) -> None:
    text, markup = views.build_prompt(context.t, build)
    if new:
        await say(update, text, markup)
    else:
        await show(update, text, markup)


@require_role("organiser")
async def start_build(update: Update, context: FrontdeskContext, press: StartBuild) -> None:
    """ "New survey" (from the title) or "carry on" with the draft kept."""
    await toast(update)
    kept = context.drafts.get(SurveyBuild)
    if press.resume and kept is not None:
        kept.touched = context.runtime.clock.now()
        await _prompt(update, context, kept, new=True)
        return
    context.drafts.pop(SurveyEdit)
    build = context.drafts.put(builder.start(context.runtime.clock.now()))
    await _prompt(update, context, build, new=True)


async def _finish(
    update: Update, context: FrontdeskContext, build: SurveyBuild, outcome: Outcome
) -> bool:
    """A complete survey (a new draft) or questions added to one; True when the builder ended."""
    runtime, profile = context.runtime, context.profile
    assert profile is not None
    now = runtime.clock.now()
    if outcome.spec is not None:
        spec = outcome.spec
        async with runtime.db.transaction() as session:
            survey_id = await service.create(session, spec, profile, now)
    elif outcome.appended is not None and build.append_to is not None:
        raw, survey_id = outcome.appended, build.append_to
        try:
            async with runtime.db.transaction() as session:
                await edits.add_questions(
                    session, survey_id, raw, profile, now, runtime.centre.zone
                )
        except EditRefused as error:
            context.drafts.pop(SurveyBuild)
            await say(update, organiser.refusal_lines(context, error))
            return True
        except SurveyFileError as error:
            await say(update, organiser.problem_lines(context, error.problems))
            return False
        await say(update, context.t("survey-edit-saved"))
    else:
        return False
    context.drafts.pop(SurveyBuild)
    await organiser.show_card(update, context, survey_id, new=True)
    return True


async def _after(
    update: Update, context: FrontdeskContext, build: SurveyBuild, outcome: Outcome, asked: int
) -> None:
    """Show what a step did, then the next step (or the finished survey)."""
    if outcome.confirm_discard:
        await say(update, *views.discard_prompt(context.t))
        return
    if outcome.cancelled:
        context.drafts.pop(SurveyBuild)
        await say(update, context.t("survey-build-cancelled"))
        return
    if outcome.trouble is not None:
        await say(update, context.t(texts.BUILD_TROUBLE_TEXTS[outcome.trouble]))
    if outcome.problems:
        await say(update, organiser.problem_lines(context, outcome.problems))
    if outcome.chinese_only:
        await say(update, context.t("survey-build-options-chinese-only"))
    if await _finish(update, context, build, outcome):
        return
    if len(build.questions) > asked:
        added = build.questions[-1]
        await say(
            update,
            context.t(
                "survey-build-added",
                number=build.number() - 1,
                question=builder.question_label(added, context.language),
            ),
        )
    await _prompt(update, context, build, new=True)


@require_role("organiser")
async def build_press(update: Update, context: FrontdeskContext, press: Build) -> None:
    """A builder button (a type, yes/no, a number, a branch, the audience, cancel)."""
    build = context.drafts.get(SurveyBuild)
    if build is None:
        await alert(update, context.t("survey-build-none"))
        return
    asked = len(build.questions)
    outcome = builder.press(build, press.action, press.value, context.runtime.clock.now())
    if outcome.trouble is builder.Trouble.STALE:
        await alert(update, context.t(texts.BUILD_TROUBLE_TEXTS[outcome.trouble]))
        return
    await toast(update)
    await _after(update, context, build, outcome, asked)


async def typed(update: Update, context: FrontdeskContext) -> None:
    """Text while an organiser's builder or edit waits for it: taken, and the update goes no
    further. Anything else passes on untouched (a draft older than an hour waits for /survey)."""
    message = update.effective_message
    if context.profile is None or message is None or not message.text:
        return
    now = context.runtime.clock.now()
    build = context.drafts.get(SurveyBuild)
    edit = context.drafts.get(SurveyEdit)
    taking_build = build is not None and build.waiting_for_text(now)
    editing = edit is not None and edit.waiting_for_text(now)
    waiting = taking_build or editing or (build is not None and build.waiting_for_press(now))
    if waiting and form_word(message.text) is FormWord.LEAVE:
        # "取消" / "返回" typed: never a title, a question or a building (a newcomer's stray
        # words became a compulsory first question); the draft is kept for /survey's
        # "continue" button, and stops waiting for text
        context.drafts.pop(SurveyEdit)
        if build is not None:
            build.touched = now - builder.TEXT_WINDOW - timedelta(seconds=1)
            context.drafts.put(build)
        await send_menu(update, context, context.t("survey-build-set-aside"))
        raise ApplicationHandlerStop
    if not taking_build and not editing:
        if (
            build is not None
            and build.waiting_for_press(now)
            and context.profile.has_role("organiser")
        ):
            meant = views.typed_button(context.t, build, message.text)
            if meant is not None:  # "是", "no", "必答" typed: as if its button were pressed
                asked = len(build.questions)
                outcome = builder.press(build, meant.action, meant.value, now)
                await _after(update, context, build, outcome, asked)
                raise ApplicationHandlerStop
            # Text while the builder waits for a button: said so, with the step asked again.
            await say(update, context.t("survey-build-press-a-button"))
            await _prompt(update, context, build, new=True)
            raise ApplicationHandlerStop
        return
    if not await allowed(update, context, "organiser", "survey builder"):
        context.drafts.pop(SurveyBuild)
        context.drafts.pop(SurveyEdit)
        raise ApplicationHandlerStop
    if taking_build and build is not None:
        runtime = context.runtime
        asked = len(build.questions)
        calendar = runtime.hours.calendar
        outcome = builder.take_text(build, message.text, now, runtime.centre.zone, calendar)
        await _after(update, context, build, outcome, asked)
    elif edit is not None:
        await _edit_text(update, context, edit, message.text)
    raise ApplicationHandlerStop


# -- edits --------------------------------------------------------------------------------


@require_role("organiser")
async def edit_menu(update: Update, context: FrontdeskContext, press: Edit) -> None:
    """What may be changed in this survey."""
    async with context.runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
    if survey is None or survey.status == service.CLOSED:
        await alert(update, context.t("survey-edit-refused-closed"))
        return
    await toast(update)
    await show(update, context.t("survey-edit-menu", title=survey.title(context.language)),
               views.edit_menu(context.t, survey))  # fmt: skip


def _pair(zh: str, en: str) -> str:
    """ "中文 / English" as the organiser would type it, or the one text given for both."""
    return zh if zh == en else f"{zh} / {en}"


def _current_value(context: FrontdeskContext, survey: service.SurveyInfo, edit: SurveyEdit) -> str:
    lang, zone = context.language, context.runtime.centre.zone
    if edit.what is EditWhat.TITLE:
        return _pair(survey.title_zh, survey.title_en)
    if edit.what is EditWhat.CLOSES:
        return dates.day_and_time(survey.closes_at, zone, lang)
    index = edits.question_index(survey, edit.number)
    if index is None:
        return ""
    question = survey.questions[index]
    if edit.what is EditWhat.QUESTION_TEXT:
        return _pair(question.zh, question.en)
    return " · ".join(question.option(i, lang) for i in range(len(question.options)))


@require_role("organiser")
async def edit_pick(update: Update, context: FrontdeskContext, press: EditPick) -> None:
    """One kind of edit: pick the question first if it needs one, then ask for the change."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
    if survey is None or survey.status == service.CLOSED:
        await alert(update, context.t("survey-edit-refused-closed"))
        return
    if press.number and edits.question_index(survey, press.number) is None:
        await alert(update, context.t("survey-refused-gone"))
        return
    await toast(update)
    now = runtime.clock.now()
    if press.what in edits.PER_QUESTION and press.number == 0:
        await show(update, context.t("survey-edit-pick-question"),
                   views.edit_questions(context.t, survey, press.what))  # fmt: skip
        return
    context.drafts.pop(SurveyBuild)
    context.drafts.pop(SurveyEdit)
    if press.what is EditWhat.ADD_QUESTION:
        earlier = edits.raw_questions(edits.spec_of(survey), runtime.centre.zone)
        build = context.drafts.put(builder.start(now, append_to=survey.id, earlier=earlier))
        await _prompt(update, context, build, new=True)
        return
    edit = context.drafts.put(SurveyEdit(survey.id, press.what, press.number, now))
    current = _current_value(context, survey, edit)
    await say(update, context.t(texts.EDIT_ASK_TEXTS[press.what], current=current))


async def _edit_text(
    update: Update, context: FrontdeskContext, edit: SurveyEdit, text: str
) -> None:
    runtime, profile = context.runtime, context.profile
    assert profile is not None
    now, zone, calendar = runtime.clock.now(), runtime.centre.zone, runtime.hours.calendar
    try:
        async with runtime.db.transaction() as session:
            await edits.edit_by_text(session, edit, text, profile, now, zone, calendar)
    except SurveyFileError as error:  # too long, missing text: say so and wait for another
        edit.touched = now
        await say(update, organiser.problem_lines(context, error.problems))
        return
    except EditRefused as error:
        if any(p.refusal is not edits.Refusal.BAD_WHEN for p in error.problems):
            context.drafts.pop(SurveyEdit)
        else:
            edit.touched = now
        await say(update, organiser.refusal_lines(context, error))
        return
    context.drafts.pop(SurveyEdit)
    await say(update, context.t("survey-edit-saved"))
    await organiser.show_card(update, context, edit.survey_id, new=True)
