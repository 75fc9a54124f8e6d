"""Organisers: /survey (list, new from a file, preview, publish, results, export, close) and
staff's /paper (paper responses typed in on residents' behalf)."""

from __future__ import annotations

import asyncio
import logging

from telegram import InputFile, Update

from bot.context import FrontdeskContext
from bot.features.surveys import (
    charts,
    definition,
    edits,
    jobs,
    report,
    results,
    service,
    texts,
    views,
)
from bot.features.surveys.builder import SurveyBuild
from bot.features.surveys.buttons import (
    Card,
    Close,
    CrossTab,
    Export,
    NewSurvey,
    Paper,
    Preview,
    Publish,
    Results,
)
from bot.features.surveys.definition import Problem, SurveyFileError, SurveySpec
from bot.features.surveys.edits import EditRefused, SurveyEdit
from bot.features.surveys.resident import refused, render
from bot.features.surveys.service import Refused
from bot.tg.buttons import keyboard
from bot.tg.guards import allowed, require_role
from bot.tg.reply import alert, say, send_file, show, toast

log = logging.getLogger(__name__)


@require_role("organiser")
async def survey_command(update: Update, context: FrontdeskContext) -> None:
    """/survey: the newest surveys and "new survey"."""
    async with context.runtime.db.read() as session:
        found = await service.listing(session)
    text = context.t("survey-organiser-list" if found else "survey-organiser-empty")
    building = context.drafts.get(SurveyBuild)
    await say(update, text, views.organiser_list(context.t, found, building))


def problem_lines(context: FrontdeskContext, problems: list[Problem] | tuple[Problem, ...]) -> str:
    """A file's or a step's problems, one a line, in the organiser's language."""
    lines = [context.t("survey-build-problems")]
    lines += [
        "• " + context.t(texts.PROBLEM_TEXTS[p.code], where=p.where, detail=p.detail)
        for p in problems[:10]
    ]
    return "\n".join(lines)


def refusal_lines(context: FrontdeskContext, error: EditRefused) -> str:
    """Why an edit was refused: one line per reason, with the question's number."""
    lines = [context.t("survey-edit-refused")]
    for problem in error.problems[:10]:
        text = context.t(texts.EDIT_REFUSAL_TEXTS[problem.refusal], number=problem.number)
        lines.append("• " + text)
    return "\n".join(lines)


async def edit_with_file(
    update: Update, context: FrontdeskContext, edit: SurveyEdit, spec: SurveySpec
) -> None:
    """A corrected file sent after "send a corrected file": the edit rules decide."""
    runtime, profile = context.runtime, context.profile
    assert profile is not None
    try:
        async with runtime.db.transaction() as session:
            await edits.edit_from_file(session, edit.survey_id, spec, profile, runtime.clock.now())
    except EditRefused as error:
        await say(update, refusal_lines(context, error))
        return
    finally:
        context.drafts.pop(SurveyEdit)
    await say(update, context.t("survey-edit-saved"))
    await show_card(update, context, edit.survey_id, new=True)


@require_role("organiser")
async def new_survey(update: Update, context: FrontdeskContext, _press: NewSurvey) -> None:
    """How to make a survey: send a YAML or CSV file (with an example)."""
    await toast(update)
    await say(update, context.t("survey-new-help"))


async def upload(update: Update, context: FrontdeskContext) -> None:
    """A .yaml/.yml/.csv file from an organiser: checked, stored as a draft, previewed."""
    message = update.effective_message
    if message is None or message.document is None or context.profile is None:
        return
    if not await allowed(update, context, "organiser", "survey upload"):
        return
    document = message.document
    name = document.file_name or "survey.yaml"
    if (document.file_size or 0) > definition.FILE_BYTES:
        await say(update, context.t("survey-problem-file-too-big", where="", detail="200"))
        return
    content = bytes(await (await document.get_file()).download_as_bytearray())
    runtime = context.runtime
    try:
        spec = definition.parse(content, name, runtime.centre.zone)
    except SurveyFileError as error:
        lines = [context.t("survey-file-problems", count=len(error.problems))]
        lines += [
            "• " + context.t(texts.PROBLEM_TEXTS[p.code], where=p.where, detail=p.detail)
            for p in error.problems[:20]
        ]
        await say(update, "\n".join(lines))
        return
    editing = context.drafts.get(SurveyEdit)
    if editing is not None and editing.what is edits.EditWhat.FILE:
        await edit_with_file(update, context, editing, spec)
        return
    async with runtime.db.transaction() as session:
        survey_id = await service.create(session, spec, context.profile, runtime.clock.now())
    await show_card(update, context, survey_id, new=True)


async def show_card(update: Update, context: FrontdeskContext, survey_id: int, new: bool) -> None:
    """A survey's card: status, times, audience, count, and its buttons."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        survey = await service.load(session, survey_id)
        counted = await results.compute(session, survey, texts=0) if survey else None
    if survey is None or counted is None:
        await alert(update, context.t("survey-refused-gone"))
        return
    text = context.t(
        "survey-card",
        title=survey.title(context.language),
        status=context.t(texts.STATUS_TEXTS[survey.status]),
        when=report.when(survey, runtime.centre.zone, context.language),
        audience=report.audience_text(context.t, survey),
        anonymous=context.t("survey-yes" if survey.anonymous else "survey-no"),
        questions=len(survey.questions),
        count=counted.responses,
    )
    markup = views.card_keyboard(context.t, survey)
    if new:
        await say(update, text, markup)
    else:
        await show(update, text, markup)


@require_role("organiser")
async def card(update: Update, context: FrontdeskContext, press: Card) -> None:
    await toast(update)
    await show_card(update, context, press.survey_id, new=False)


@require_role("organiser")
async def preview(update: Update, context: FrontdeskContext, press: Preview) -> None:
    """Every question in both languages, then the first one as residents will see it."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
    if survey is None:
        await alert(update, context.t("survey-refused-gone"))
        return
    await toast(update)
    for text in report.preview(context.t, survey, runtime.centre.zone):
        await say(update, text)
    shown = service.visible(survey, {})
    if shown:
        sample = service.Step(survey, 0, shown[0], 1, len(shown))
        await say(update, context.t("survey-preview-as-resident"))
        await say(update, report.question_text(context.t, sample))
    await say(update, context.t("survey-preview-end"), views.card_keyboard(context.t, survey))


@require_role("organiser")
async def publish(update: Update, context: FrontdeskContext, press: Publish) -> None:
    """Publish a draft; invitations go at its opening time (now, if it is open already)."""
    runtime = context.runtime
    assert context.profile is not None
    async with runtime.db.transaction() as session:
        outcome = await service.publish(
            session, press.survey_id, context.profile, runtime.clock.now()
        )
    if outcome is not service.Publish.PUBLISHED:
        await alert(update, context.t(texts.PUBLISH_TEXTS[outcome]))
        return
    await toast(update, context.t("survey-publish-published"))
    await jobs.tick(runtime)  # invitations now if it is open already
    await show_card(update, context, press.survey_id, new=False)


@require_role("organiser")
async def show_results(update: Update, context: FrontdeskContext, press: Results) -> None:
    """Live counts, a chart in the reader's language, cross-tab buttons."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
        computed = await results.compute(session, survey) if survey else None
    if survey is None or computed is None:
        await alert(update, context.t("survey-refused-gone"))
        return
    await toast(update)
    for text in report.results_text(context.t, computed, runtime.centre.zone):
        await say(update, text)
    labels = jobs.chart_labels(context.t)
    png = await asyncio.to_thread(charts.render, computed, context.language, labels)
    chat = update.effective_chat
    if png is not None and chat is not None:
        await context.bot.send_photo(
            chat.id,
            InputFile(png, filename="survey.png"),
            caption=context.t("survey-chart-caption"),
        )
    markup = views.crosstab_keyboard(context.t, survey)
    if markup is not None:
        await say(update, context.t("survey-crosstab-offer"), markup)


@require_role("organiser")
async def crosstab(update: Update, context: FrontdeskContext, press: CrossTab) -> None:
    """Every charted question by one profile question (cells under 5 not shown)."""
    async with context.runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
        by = survey.question(press.by) if survey else None
        tables = []
        if survey is not None and by is not None and by.profile:
            for question in survey.questions:
                if question.kind in ("single", "multiple", "rating") and not question.profile:
                    tables.append(await results.crosstab(session, survey, by, question))
    if survey is None or by is None or not by.profile:
        await alert(update, context.t("survey-refused-gone"))
        return
    await toast(update)
    for text in report.crosstab_text(context.t, tables):
        await say(update, text)


@require_role("organiser")
async def export(update: Update, context: FrontdeskContext, press: Export) -> None:
    """Excel and CSV, one row per response; anonymous surveys carry no identity."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        survey = await service.load(session, press.survey_id)
        table = (
            await results.export_rows(session, survey, runtime.centre.zone, context.language)
            if survey
            else None
        )
    if survey is None or table is None:
        await alert(update, context.t("survey-refused-gone"))
        return
    await toast(update)
    header, rows = table
    title = survey.title(context.language)
    xlsx = await asyncio.to_thread(results.to_xlsx, header, rows, title)
    caption = context.t("survey-export-caption", count=len(rows))
    await send_file(update, f"survey-{survey.id}.xlsx", xlsx, caption)
    await send_file(update, f"survey-{survey.id}.csv", results.to_csv(header, rows))


@require_role("organiser")
async def close(update: Update, context: FrontdeskContext, press: Close) -> None:
    """Close now: the closing summary goes to every organiser."""
    runtime = context.runtime
    closed = await jobs.close_and_summarise(runtime, press.survey_id, runtime.clock.now())
    if not closed:
        await alert(update, context.t("survey-close-not-open"))
        return
    await toast(update, context.t("survey-closed"))
    await show_card(update, context, press.survey_id, new=False)


@require_role("staff")
async def paper_command(update: Update, context: FrontdeskContext) -> None:
    """/paper: the published or closed surveys a paper response can be typed in for."""
    async with context.runtime.db.read() as session:
        found = [s for s in await service.listing(session) if s.status != service.DRAFT]
    if not found:
        await say(update, context.t("survey-paper-none"))
        return
    rows = [[(s.title(context.language), Paper(s.id))] for s in found]
    await say(update, context.t("survey-paper-pick"), keyboard(rows))


@require_role("staff")
async def paper(update: Update, context: FrontdeskContext, press: Paper) -> None:
    """A new paper response, answered by staff with the residents' own steps."""
    assert context.profile is not None
    user_id = context.profile.id
    try:
        step = await service.retrying(
            context.runtime.db,
            lambda session: service.start_paper(
                session, press.survey_id, user_id, context.runtime.clock.now()
            ),
        )
    except Refused as error:
        await refused(update, context, error)
        return
    await toast(update)
    await render(update, context, step, new=True)
