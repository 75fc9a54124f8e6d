"""What organisers read: live counts, cross-tabs with small-number protection, recurring
words in free text, and the export (CSV and Excel, one row per response).

Counts are aggregated by the database over ``survey_answers`` (``counted`` rows only, one
index covers the query), so 50,000 responses come back as a few hundred rows.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import tzinfo
from functools import cache
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from bot.features.surveys.models import SurveyAnswer, SurveyResponse, SurveyTally
from bot.features.surveys.service import ANSWERED, OTHER, SUBMITTED, Question, SurveyInfo
from bot.storage.models import User

SMALL = 5  # a breakdown cell of fewer respondents is not shown (rule of 5)
TOP_WORDS = 10
TEXT_SAMPLES = 5
_WORD = re.compile(r"\w")
# Words too common to say anything about what residents want.
_STOP = (
    "的 了 和 是 在 也 就 都 而 及 与 或 一个 没有 我们 你们 他们 这个 那个 "
    "希望 可以 能 要 想 想要 很 比较 非常 有 让 给 对 把 被 还 又 太 更 最 "
    "吧 吗 呢 啊 the a an and or to of for in on is are be it we i you they more please"
)
STOPWORDS = frozenset(_STOP.split())


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0  # respondents who answered it
    counts: dict[int, int] = field(default_factory=dict)  # choice (or rating) → respondents
    rank_sums: dict[int, int] = field(default_factory=dict)  # ranking: item → sum of ranks
    others: list[str] = field(default_factory=list)  # "other" texts and free texts (latest)

    def average_rank(self, item: int) -> float | None:
        count = self.counts.get(item, 0)
        return self.rank_sums.get(item, 0) / count if count else None

    def average_rating(self) -> float | None:
        total = sum(self.counts.values())
        return sum(k * v for k, v in self.counts.items()) / total if total else None


@dataclass
class Results:
    survey: SurveyInfo
    responses: int = 0
    paper: int = 0
    questions: list[QuestionResult] = field(default_factory=list)


async def compute(session: AsyncSession, survey: SurveyInfo, texts: int = 200) -> Results:
    """Counts for every question; free texts: the ``texts`` latest of each question (by
    response, in the order of the index)."""
    results = Results(survey)
    totals = await session.execute(
        select(SurveyResponse.paper, func.count())
        .where(SurveyResponse.survey_id == survey.id, SurveyResponse.status == SUBMITTED)
        .group_by(SurveyResponse.paper)
    )
    for paper, count in totals:
        results.responses += int(count)
        results.paper += int(count) if paper else 0
    by_id = {q.id: QuestionResult(q) for q in survey.questions}
    # The running counts (service._tally): a few rows per question, however many responses.
    rows = await session.execute(
        select(
            SurveyTally.question_id,
            SurveyTally.choice,
            SurveyTally.respondents,
            SurveyTally.rank_sum,
        ).where(SurveyTally.survey_id == survey.id)
    )
    for question_id, choice, count, rank_sum in rows:
        result = by_id.get(question_id)
        if result is None or not count:
            continue
        if choice == ANSWERED:
            result.answered = int(count)
            continue
        result.counts[int(choice)] = int(count)
        if rank_sum:
            result.rank_sums[int(choice)] = int(rank_sum)
    for result in by_id.values():
        if result.question.kind == "text" or result.question.allow_other:
            found = await session.scalars(
                select(SurveyAnswer.text)
                .where(
                    SurveyAnswer.question_id == result.question.id,
                    SurveyAnswer.counted.is_(True),
                    SurveyAnswer.text.is_not(None),
                )
                .order_by(SurveyAnswer.response_id.desc())
                .limit(texts)
            )
            result.others = [t for t in found if t]
    results.questions = [by_id[q.id] for q in survey.questions]
    return results


# -- cross-tabs ---------------------------------------------------------------------------


@dataclass
class CrossTab:
    """Respondents by profile group (rows) and option (columns); ``None``: hidden (< 5)."""

    by: Question
    question: Question
    rows: list[tuple[int, int | None, list[int | None]]]  # group, its total, its cells


def protect(cells: list[int]) -> list[int | None]:
    """Hide every cell under 5, and one more when a single hidden cell could be worked out
    from the group's total (secondary suppression)."""
    shown: list[int | None] = [c if c == 0 or c >= SMALL else None for c in cells]
    hidden = [i for i, c in enumerate(shown) if c is None]
    if len(hidden) == 1:
        rest = [(c, i) for i, c in enumerate(shown) if c]
        if rest:
            shown[min(rest)[1]] = None
    return shown


async def crosstab(
    session: AsyncSession, survey: SurveyInfo, by: Question, question: Question
) -> CrossTab:
    """Options of ``question`` per answer to the profile question ``by``; small groups hidden."""
    group = aliased(SurveyAnswer)
    answer = aliased(SurveyAnswer)
    found = await session.execute(
        select(group.choice, answer.choice, func.count(func.distinct(answer.response_id)))
        .join(
            answer,
            and_(answer.response_id == group.response_id, answer.question_id == question.id),
        )
        .where(group.question_id == by.id, group.counted.is_(True), answer.counted.is_(True))
        .group_by(group.choice, answer.choice)
    )
    table: dict[int, dict[int, int]] = {}
    for group_choice, choice, count in found:
        if group_choice is not None and choice is not None:
            table.setdefault(int(group_choice), {})[int(choice)] = int(count)
    totals = await session.execute(
        select(group.choice, func.count(func.distinct(group.response_id)))
        .join(
            answer,
            and_(answer.response_id == group.response_id, answer.question_id == question.id),
        )
        .where(group.question_id == by.id, group.counted.is_(True), answer.counted.is_(True))
        .group_by(group.choice)
    )
    columns = _columns(question)
    rows: list[tuple[int, int | None, list[int | None]]] = []
    groups = sorted((int(g), int(n)) for g, n in totals if g is not None)
    for group_choice, total in groups:
        if total < SMALL:
            rows.append((group_choice, None, [None] * len(columns)))
            continue
        cells = [table.get(group_choice, {}).get(c, 0) for c in columns]
        rows.append((group_choice, total, protect(cells)))
    return CrossTab(by, question, rows)


def _columns(question: Question) -> list[int]:
    if question.kind == "rating":
        return [1, 2, 3, 4, 5]
    return list(range(len(question.options))) + ([OTHER] if question.allow_other else [])


def column_label(question: Question, column: int, lang: str) -> str:
    if question.kind == "rating":
        return str(column)
    if column == OTHER:
        return "…"
    return question.option(column, lang)


# -- free text ----------------------------------------------------------------------------


@cache
def _segmenter() -> Any:
    """rjieba (jieba-rs), loaded on first use only: about 0.4 s and 40 MiB."""
    import rjieba

    return rjieba


def recurring_words(texts: list[str], top: int = TOP_WORDS) -> list[tuple[str, int]]:
    """Words and phrases found in at least two answers, most frequent first (each answer
    counts a word once)."""
    cut = _segmenter().cut
    seen: Counter[str] = Counter()
    for text in texts:
        words = {w.strip().lower() for w in cut(text)}
        seen.update(w for w in words if len(w) >= 2 and _WORD.search(w) and w not in STOPWORDS)
    return [(w, n) for w, n in seen.most_common(top) if n >= 2]


# -- export -------------------------------------------------------------------------------


async def export_rows(
    session: AsyncSession, survey: SurveyInfo, zone: tzinfo, lang: str
) -> tuple[list[str], list[list[str]]]:
    """Header and one row per sent response; an anonymous survey's rows carry no identity."""
    header = ["#", "source", "sent", "respondent"] + [
        f"Q{q.position} {q.text(lang)}" for q in survey.questions
    ]
    responses = await session.execute(
        select(
            SurveyResponse.id,
            SurveyResponse.paper,
            SurveyResponse.submitted_at,
            User.first_name,
            User.id,
        )
        .outerjoin(User, User.id == SurveyResponse.user_id)
        .where(SurveyResponse.survey_id == survey.id, SurveyResponse.status == SUBMITTED)
        .order_by(SurveyResponse.id)
    )
    answers = await session.execute(
        select(
            SurveyAnswer.response_id,
            SurveyAnswer.question_id,
            SurveyAnswer.choice,
            SurveyAnswer.text,
        )
        .where(SurveyAnswer.survey_id == survey.id, SurveyAnswer.counted.is_(True))
        .order_by(SurveyAnswer.response_id, SurveyAnswer.question_id, SurveyAnswer.rank)
    )
    cells: dict[tuple[int, int], list[str]] = {}
    questions = {q.id: q for q in survey.questions}
    for response_id, question_id, choice, text in answers:
        question = questions.get(question_id)
        if question is None:
            continue
        cells.setdefault((response_id, question_id), []).append(_cell(question, choice, text, lang))
    rows = []
    for number, (response_id, paper, sent, name, user_id) in enumerate(responses, start=1):
        who = "" if survey.anonymous or user_id is None else f"{name} (#{user_id})"
        row = [str(number), "paper" if paper else "chat"]
        row += [sent.astimezone(zone).strftime("%Y-%m-%d") if sent else "", who]
        for question in survey.questions:
            joiner = " > " if question.kind == "ranking" else "; "
            row.append(joiner.join(cells.get((response_id, question.id), [])))
        rows.append(row)
    return header, rows


def _cell(question: Question, choice: int | None, text: str | None, lang: str) -> str:
    if choice is None or choice == OTHER:
        return text or ""
    if question.kind == "rating":
        return str(choice)
    return question.option(choice, lang) if 0 <= choice < len(question.options) else ""


def _safe(value: str) -> str:
    """A cell a spreadsheet will not run as a formula (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def to_csv(header: list[str], rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows([[_safe(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8-sig")  # Excel reads UTF-8 with the BOM


def to_xlsx(header: list[str], rows: list[list[str]], title: str) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "survey")
    sheet.append(header)
    for row in rows:
        sheet.append([_safe(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
