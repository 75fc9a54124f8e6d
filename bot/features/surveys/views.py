"""Keyboards of surveys: big buttons, one option a row, "上一题" under every question."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.callbacks import Callback
from bot.features.surveys import service, texts
from bot.features.surveys.buttons import (
    Back,
    Card,
    Close,
    CrossTab,
    Done,
    Export,
    NewSurvey,
    OpenSurvey,
    Pick,
    Preview,
    Publish,
    Reset,
    Results,
    Send,
    Skip,
)
from bot.features.surveys.service import OTHER, Step, SurveyInfo
from bot.i18n import Translator
from bot.tg.buttons import keyboard

Rows = list[list[tuple[str, Callback]]]


def _option_rows(t: Translator, step: Step) -> Rows:
    question = step.question
    assert question is not None
    rid, qid = step.response_id, question.id
    if question.kind == "rating":
        return [[(f"✅ {v}" if v in step.picked else str(v), Pick(rid, qid, v))
                 for v in service.RATINGS]]  # fmt: skip
    rows: Rows = []
    choices = list(range(len(question.options))) + ([OTHER] if question.allow_other else [])
    for choice in choices:
        if question.kind == "ranking" and choice in step.picked:
            continue
        label = t("survey-other") if choice == OTHER else question.option(choice, t.lang)
        if question.kind != "ranking" and choice in step.picked:
            label = "✅ " + label
        rows.append([(label, Pick(rid, qid, choice))])
    if question.kind == "multiple":
        rows.append([(t("survey-button-done"), Done(rid, qid))])
    elif step.picked and (question.kind != "ranking" or len(step.picked) == len(choices)):
        rows.append([(t("survey-button-keep"), Done(rid, qid))])  # changing a sent response
    if question.kind == "ranking" and step.picked:
        rows.append([(t("survey-button-reset"), Reset(rid, qid))])
    return rows


def step_keyboard(t: Translator, step: Step) -> InlineKeyboardMarkup:
    """The buttons of one question, or of the last check before sending."""
    rows: Rows = []
    question = step.question
    if question is None:
        keep = step.profile_to_keep and not step.paper
        rows.append([(t("survey-button-send"), Send(step.response_id, 0))])
        if keep:
            rows.append([(t("survey-button-send-keep"), Send(step.response_id, 1))])
    else:
        rows += _option_rows(t, step) if question.kind != "text" else []
        if question.kind == "text" and step.text:
            rows.append([(t("survey-button-keep"), Done(step.response_id, question.id))])
        if not question.required:
            rows.append([(t("survey-button-skip"), Skip(step.response_id, question.id))])
    if step.can_go_back:
        rows.append([(t("survey-button-back"), Back(step.response_id))])
    return keyboard(rows)


def open_list(t: Translator, found: list[service.OpenSurvey]) -> InlineKeyboardMarkup:
    rows: Rows = []
    for item in found:
        suffix = t(texts.LIST_TEXTS[item.status]) if item.status else ""
        label = f"📝 {item.survey.title(t.lang)}{suffix}"
        rows.append([(label, OpenSurvey(item.survey.id))])
    return keyboard(rows)


def organiser_list(t: Translator, surveys: list[SurveyInfo]) -> InlineKeyboardMarkup:
    rows: Rows = [
        [(f"{t(texts.STATUS_TEXTS[s.status])} {s.title(t.lang)}", Card(s.id))] for s in surveys
    ]
    rows.append([(t("survey-button-new"), NewSurvey())])
    return keyboard(rows)


def card_keyboard(t: Translator, survey: SurveyInfo) -> InlineKeyboardMarkup:
    rows: Rows = [[(t("survey-button-preview"), Preview(survey.id))]]
    if survey.status == service.DRAFT:
        rows.append([(t("survey-button-publish"), Publish(survey.id))])
    else:
        rows.append([(t("survey-button-results"), Results(survey.id))])
        rows.append([(t("survey-button-export"), Export(survey.id))])
    if survey.status == service.PUBLISHED:
        rows.append([(t("survey-button-close"), Close(survey.id))])
    return keyboard(rows)


def crosstab_keyboard(t: Translator, survey: SurveyInfo) -> InlineKeyboardMarkup | None:
    rows: Rows = []
    for q in survey.questions:
        if q.profile:
            label = t("survey-button-crosstab", by=t(texts.PROFILE_TEXTS[q.profile]))
            rows.append([(label, CrossTab(survey.id, q.id))])
    return keyboard(rows) if rows else None
