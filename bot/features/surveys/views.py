"""Keyboards of surveys: big buttons, one option a row, "上一题" under every question."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup

from bot.callbacks import Callback
from bot.features.surveys import builder, edits, service, texts
from bot.features.surveys.builder import Action, Stage, SurveyBuild
from bot.features.surveys.buttons import (
    Back,
    Build,
    Card,
    Close,
    CrossTab,
    Done,
    Edit,
    EditPick,
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
    StartBuild,
)
from bot.features.surveys.definition import KINDS, MAX_OPTIONS, MAX_RANKED
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


def organiser_list(
    t: Translator, surveys: list[SurveyInfo], building: SurveyBuild | None = None
) -> InlineKeyboardMarkup:
    rows: Rows = [
        [(f"{t(texts.STATUS_TEXTS[s.status])} {s.title(t.lang)}", Card(s.id))] for s in surveys
    ]
    if building is not None:
        rows.append([(t("survey-button-resume-build"), StartBuild(1))])
    rows.append([(t("survey-button-new"), StartBuild(0))])
    rows.append([(t("survey-button-from-file"), NewSurvey())])
    return keyboard(rows)


def card_keyboard(t: Translator, survey: SurveyInfo) -> InlineKeyboardMarkup:
    rows: Rows = [[(t("survey-button-preview"), Preview(survey.id))]]
    if survey.status == service.DRAFT:
        rows.append([(t("survey-button-publish"), Publish(survey.id))])
    else:
        rows.append([(t("survey-button-results"), Results(survey.id))])
        rows.append([(t("survey-button-export"), Export(survey.id))])
    if survey.status != service.CLOSED:
        rows.append([(t("survey-button-edit"), Edit(survey.id))])
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


def _choices(t: Translator, build: SurveyBuild) -> Rows:
    """The buttons of the builder's current step (none for a typed step)."""
    stage, current = build.stage, build.current
    if stage is Stage.KIND:
        rows: Rows = [
            [(t(texts.BUILD_KIND_TEXTS[k]), Build(Action.KIND, i))] for i, k in enumerate(KINDS)
        ]
        if build.questions:
            rows.append([(t("survey-build-button-finish"), Build(Action.FINISH, 0))])
        return rows
    if stage is Stage.MAX:
        most = range(1, len(current.get("options", ())) + 1)
        return [[(str(n), Build(Action.MAX, n)) for n in most]]
    if stage is Stage.INTRO:
        return [[(t("survey-build-button-skip-intro"), Build(Action.SKIP_INTRO, 0))]]
    if stage is Stage.REQUIRED:
        return [[(t("survey-build-button-required"), Build(Action.REQUIRED, 1)),
                 (t("survey-build-button-optional"), Build(Action.REQUIRED, 0))]]  # fmt: skip
    if stage is Stage.COMMITTEES:
        return [[(t("survey-build-button-skip"), Build(Action.SKIP_COMMITTEES, 0))]]
    if stage is Stage.BUILDINGS:
        return [[(t("survey-build-button-skip"), Build(Action.SKIP_BUILDINGS, 0))]]
    if stage in (Stage.OTHER, Stage.ANONYMOUS, Stage.AGE):
        action = {Stage.OTHER: Action.OTHER, Stage.ANONYMOUS: Action.ANONYMOUS}.get(
            stage, Action.AGE
        )
        return [[(t(texts.YES_NO_TEXTS[v]), Build(action, v)) for v in (1, 0)]]
    if stage is Stage.BRANCH:
        rows = [[(t("survey-build-button-always"), Build(Action.BRANCH, 0))]]
        for number, question in build.branch_targets():
            label = builder.question_label(question, t.lang)[:30]
            rows.append([(t("survey-build-button-branch-on", number=number, question=label),
                          Build(Action.BRANCH, number))])  # fmt: skip
        return rows
    if stage is Stage.BRANCH_OPTION:
        target = dict(build.branch_targets()).get(current.get("show_if", {}).get("question"))
        labels = builder.option_labels(target or {}, t.lang)
        return [[(label[:40], Build(Action.BRANCH_OPTION, i))] for i, label in enumerate(labels)]
    if stage is Stage.AUDIENCE:
        return [[(t(texts.AUDIENCE_CHOICE_TEXTS[choice]), Build(Action.AUDIENCE, i))]
                for i, choice in enumerate(builder.AUDIENCE_CHOICES)]  # fmt: skip
    return []


def build_prompt(t: Translator, build: SurveyBuild) -> tuple[str, InlineKeyboardMarkup]:
    """What the builder asks now, with its buttons and "cancel"."""
    current = build.current
    kind = current.get("type", "single")
    text = t(
        texts.STAGE_TEXTS[build.stage],
        number=build.number(),
        count=build.number() - 1,
        kind=t(texts.KIND_TEXTS[kind]) if kind in texts.KIND_TEXTS else kind,
        limit=MAX_RANKED if kind == "ranking" else MAX_OPTIONS,
        which=build.audience,
        target=(current.get("show_if") or {}).get("question", 0),
    )
    noted = _noted(t, build)
    if noted:
        text = noted + "\n" + text
    rows = _choices(t, build)
    # alone on the last row, never beside an answer (it only asks, see discard_prompt)
    rows.append([(t("survey-build-button-cancel"), Build(Action.CANCEL, 0))])
    return text, keyboard(rows)


def typed_button(t: Translator, build: SurveyBuild, text: str) -> Build | None:
    """The button of the builder's current step that typed text means: its label typed as
    a whole ("必答", "单选（选一项）", "2"), or "是" / "否" / "yes" / "no" at a yes/no step."""
    if build.discarding:
        return None
    typed = text.strip().casefold()
    for row in _choices(t, build):
        for label, press in row:
            if isinstance(press, Build) and label.strip().casefold() == typed:
                return press
    meant = builder.typed_yes_no(build, text)
    return Build(*meant) if meant is not None else None


def discard_prompt(t: Translator) -> tuple[str, InlineKeyboardMarkup]:
    """ "Discard this survey?" with its answers: discard, or carry on editing."""
    rows = [[(t("survey-build-button-discard"), Build(Action.CANCEL, 1)),
             (t("survey-build-button-keep"), Build(Action.KEEP, 0))]]  # fmt: skip
    return t("survey-build-discard-confirm"), keyboard(rows)


def _noted(t: Translator, build: SurveyBuild) -> str:
    """The places just typed, said back (a period typed by mistake shows at once)."""
    if build.stage is Stage.BUILDINGS and build.committees:
        return t("survey-build-noted-committees", places="、".join(build.committees))
    if build.stage is Stage.WHEN and build.buildings:
        return t("survey-build-noted-buildings", places="、".join(build.buildings))
    return ""


def edit_menu(t: Translator, survey: SurveyInfo) -> InlineKeyboardMarkup:
    rows: Rows = [
        [(t(texts.EDIT_WHAT_TEXTS[what]), EditPick(survey.id, what, 0))] for what in edits.EditWhat
    ]
    rows.append([(t("survey-button-back-to-card"), Card(survey.id))])
    return keyboard(rows)


def edit_questions(t: Translator, survey: SurveyInfo, what: edits.EditWhat) -> InlineKeyboardMarkup:
    """The survey's questions to pick from (only choice questions when adding an option)."""
    rows: Rows = []
    numbered = [q for q in survey.questions if not q.profile]
    for number, question in enumerate(numbered, start=1):
        if what is edits.EditWhat.ADD_OPTION and question.kind in ("rating", "text"):
            continue
        label = f"{number}. {question.text(t.lang)[:30]}"
        rows.append([(label, EditPick(survey.id, what, number))])
    rows.append([(t("survey-button-back-to-card"), Card(survey.id))])
    return keyboard(rows)
