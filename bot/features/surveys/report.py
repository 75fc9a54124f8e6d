"""Texts of surveys (no ``telegram``): a question as residents see it, a preview, results.

Used by the handlers and by the jobs (closing summaries go through the outbox), so both say
the same thing in the reader's language.
"""

from __future__ import annotations

from datetime import tzinfo
from html import escape

from bot import dates
from bot.features.surveys.results import (
    SMALL,
    CrossTab,
    QuestionResult,
    Results,
    column_label,
    recurring_words,
)
from bot.features.surveys.service import OTHER, Question, Step, SurveyInfo
from bot.features.surveys.texts import (
    AUDIENCE_TEXTS,
    HINT_TEXTS,
    KIND_TEXTS,
    PROFILE_TEXTS,
)
from bot.i18n import Translator

MESSAGE_BUDGET = 3800  # characters of HTML per message (Telegram allows 4096 after parsing)
BAR_WIDTH = 10


def pack(blocks: list[str]) -> list[str]:
    """Join blocks into as few messages as fit Telegram's limit."""
    messages: list[str] = []
    current = ""
    for block in blocks:
        block = block[:MESSAGE_BUDGET]
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) > MESSAGE_BUDGET and current:
            messages.append(current)
            current = block
        else:
            current = candidate
    if current:
        messages.append(current)
    return messages


def when(survey: SurveyInfo, zone: tzinfo, lang: str) -> str:
    return f"{dates.day_and_time(survey.opens_at, zone, lang)} – " + dates.day_and_time(
        survey.closes_at, zone, lang
    )


def audience_text(t: Translator, survey: SurveyInfo) -> str:
    return t(AUDIENCE_TEXTS[survey.audience], param=survey.audience_param or "")


def question_label(t: Translator, question: Question) -> str:
    """The question in the reader's language (profile questions: the catalog's wording)."""
    if question.profile:
        return t(PROFILE_TEXTS[question.profile])
    return question.text(t.lang)


def option_label(t: Translator, question: Question, choice: int) -> str:
    return t("survey-other") if choice == OTHER else question.option(choice, t.lang)


def hint(t: Translator, question: Question) -> str:
    if question.kind == "multiple":
        return t("survey-hint-multiple", most=question.max_choices or len(question.options))
    return t(HINT_TEXTS[question.kind])


def question_text(t: Translator, step: Step) -> str:
    """The message of one step: header on the first question, progress, question, hints."""
    lang = t.lang
    survey = step.survey
    lines: list[str] = []
    if step.paper:
        lines.append(t("survey-paper-banner"))
    if step.number == 1 and not step.picked and step.text is None:
        lines.append(t("survey-title", title=survey.title(lang)))
        if survey.intro(lang):
            lines.append(survey.intro(lang) or "")
        lines.append(t("survey-anonymous-note" if survey.anonymous else "survey-named-note"))
        lines.append("")
    question = step.question
    if question is None:
        return "\n".join(lines)
    lines.append(t("survey-progress", number=step.number, total=step.total))
    text = t(PROFILE_TEXTS[question.profile]) if question.profile else question.text(lang)
    lines.append(t("survey-question", text=text))
    lines.append(hint(t, question))
    if question.kind == "ranking" and step.picked:
        order = [question.option(c, lang) for c in step.picked]
        lines.append(t("survey-ranked-so-far", order=" > ".join(order)))
    if step.awaiting == "other":
        lines.append(t("survey-say-other"))
    elif step.text and question.kind == "text":
        lines.append(t("survey-your-text", text=step.text))
    return "\n".join(lines)


def answer_text(t: Translator, question: Question, picked: list[int], text: str | None) -> str:
    lang = t.lang
    if question.kind == "text":
        return text or t("survey-skipped")
    if question.kind == "rating":
        return str(picked[0]) if picked else t("survey-skipped")
    parts = [
        (text or t("survey-other")) if c == OTHER else question.option(c, lang) for c in picked
    ]
    if not parts:
        return t("survey-skipped")
    return (" > " if question.kind == "ranking" else t("survey-list-separator")).join(parts)


def summary_text(
    t: Translator, step: Step, answers: dict[int, list[tuple[int | None, str | None]]]
) -> str:
    """All answers before sending, and what sending means (anonymous or not)."""
    lang = t.lang
    lines = [t("survey-check-title", title=step.survey.title(lang))]
    for question in step.survey.questions:
        if question.id not in answers and question.show_if_position is not None:
            continue  # a question this respondent was not asked
        rows = answers.get(question.id, [])
        picked = [c for c, _ in rows if c is not None]
        text = next((x for _, x in rows if x), None)
        label = t(PROFILE_TEXTS[question.profile]) if question.profile else question.text(lang)
        lines.append(
            t("survey-check-line", number=question.position, question=label,
              answer=answer_text(t, question, picked, text))
        )  # fmt: skip
    if step.paper:
        lines.append(t("survey-check-paper"))
    elif step.survey.anonymous:
        lines.append(t("survey-check-anonymous"))
    else:
        lines.append(t("survey-check-named"))
    return "\n".join(lines)


def _both(zh: str, en: str, separator: str = " / ") -> str:
    """Both languages of a text, or the one text when they are the same (a file or builder
    given only Chinese stores it for English too: no "调查 / 调查")."""
    return zh if zh == en else f"{zh}{separator}{en}"


def preview(t: Translator, survey: SurveyInfo, zone: tzinfo) -> list[str]:
    """Every question in both languages, with its kind, options and branching."""
    blocks = [
        t(
            "survey-preview-head",
            title=_both(survey.title_zh, survey.title_en),
            when=when(survey, zone, t.lang),
            audience=audience_text(t, survey),
            anonymous=t("survey-yes" if survey.anonymous else "survey-no"),
            count=len(survey.questions),
        )
    ]
    for q in survey.questions:
        if q.profile:
            text = t(PROFILE_TEXTS[q.profile])
            lines = [t("survey-preview-profile", number=q.position, text=text)]
        else:
            lines = [
                t(
                    "survey-preview-question",
                    number=q.position,
                    kind=t(KIND_TEXTS[q.kind]),
                    text=_both(q.zh, q.en, "\n"),
                )
            ]
        lines += [  # catalog texts escape their arguments; these lines are built here
            f"  {i}. {escape(_both(zh, en))}" for i, (zh, en) in enumerate(q.options, start=1)
        ]
        if q.allow_other:
            lines.append("  " + t("survey-other"))
        if not q.required:
            lines.append("  " + t("survey-preview-optional"))
        if q.show_if_position is not None:
            shown = ", ".join(str(i + 1) for i in sorted(q.show_if_options))
            lines.append(
                "  " + t("survey-preview-branch", question=q.show_if_position, options=shown)
            )
        blocks.append("\n".join(lines))
    return pack(blocks)


def _bar(count: int, total: int) -> str:
    filled = round(BAR_WIDTH * count / total) if total else 0
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def _question_block(t: Translator, result: QuestionResult) -> str:
    lang = t.lang
    q = result.question
    title = t(PROFILE_TEXTS[q.profile]) if q.profile else q.text(lang)
    lines = [t("survey-result-question", number=q.position, text=title, answered=result.answered)]
    total = max(result.answered, 1)
    if q.kind == "rating":
        for value in range(1, 6):
            count = result.counts.get(value, 0)
            lines.append(f"{value} {_bar(count, total)} {count}")
        average = result.average_rating()
        if average is not None:
            lines.append(t("survey-result-average", average=f"{average:.1f}"))
    elif q.kind == "ranking":
        order = sorted(
            range(len(q.options)), key=lambda i: result.average_rank(i) or len(q.options) + 1
        )
        for place, index in enumerate(order, start=1):
            average = result.average_rank(index)
            shown = f"{average:.1f}" if average is not None else "–"
            lines.append(t("survey-result-rank", place=place, option=q.option(index, lang),
                           average=shown))  # fmt: skip
    elif q.kind in ("single", "multiple"):
        choices = list(range(len(q.options))) + ([OTHER] if q.allow_other else [])
        for choice in choices:
            count = result.counts.get(choice, 0)
            label = t("survey-other") if choice == OTHER else q.option(choice, lang)
            percent = round(100 * count / total)
            lines.append(t("survey-result-bar", bar=_bar(count, total), count=count,
                           percent=percent, option=label))  # fmt: skip
    if result.others:
        words = recurring_words(result.others)
        if words:
            listed = t("survey-list-separator").join(
                t("survey-result-word", word=w, count=n) for w, n in words
            )
            lines.append(t("survey-result-words", words=listed))
        samples = result.others[:3]
        lines += [t("survey-result-sample", text=s[:200]) for s in samples]
    return "\n".join(lines)


def results_text(t: Translator, results: Results, zone: tzinfo, closing: bool = False) -> list[str]:
    """The results as messages: totals, then one block per question."""
    survey = results.survey
    key = "survey-summary-head" if closing else "survey-results-head"
    blocks = [
        t(
            key,
            title=survey.title(t.lang),
            count=results.responses,
            paper=results.paper,
            when=when(survey, zone, t.lang),
        )
    ]
    blocks += [_question_block(t, r) for r in results.questions]
    return pack(blocks)


def crosstab_text(t: Translator, tables: list[CrossTab]) -> list[str]:
    """Each question by one profile question; cells under 5 respondents shown as "—"."""
    lang = t.lang
    if not tables:
        return [t("survey-crosstab-none")]
    profile = tables[0].by.profile
    assert profile is not None  # a crosstab is always by a profile question
    by = t(PROFILE_TEXTS[profile])
    blocks = [t("survey-crosstab-head", by=by, small=SMALL)]
    for table in tables:
        lines = [t("survey-crosstab-question", number=table.question.position,
                   text=table.question.text(lang))]  # fmt: skip
        columns = (
            [1, 2, 3, 4, 5]
            if table.question.kind == "rating"
            else list(range(len(table.question.options)))
            + ([OTHER] if table.question.allow_other else [])
        )
        for group, total, cells in table.rows:
            name = table.by.option(group, lang) if 0 <= group < len(table.by.options) else "?"
            if total is None:
                lines.append(t("survey-crosstab-hidden", group=name, small=SMALL))
                continue
            parts = [
                f"{column_label(table.question, c, lang)} {'—' if n is None else n}"
                for c, n in zip(columns, cells, strict=True)
            ]
            lines.append(t("survey-crosstab-row", group=name, total=total,
                           cells=" · ".join(parts)))  # fmt: skip
        blocks.append("\n".join(lines))
    return pack(blocks)
