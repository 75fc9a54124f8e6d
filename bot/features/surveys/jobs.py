"""What happens to surveys by the clock: invitations, one reminder, closing and its summary.

:func:`tick` runs every minute on every instance. Each step claims its survey with a
conditional UPDATE (``invited_at IS NULL`` …) in the same transaction that writes the
messages to the outbox, so two instances or a restart never send twice, and a crash before
the commit sends nothing. The outbox sender then delivers at Telegram's pace (bulk sends
yield to interactive replies).
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, tzinfo

from sqlalchemy import exists, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.surveys import charts, report, results, service, texts
from bot.features.surveys.buttons import OpenSurvey
from bot.features.surveys.models import Survey, SurveyParticipant
from bot.i18n import LANGUAGES, Catalog, Translator
from bot.runtime import Runtime
from bot.services import outbox, users
from bot.storage.models import User

log = logging.getLogger(__name__)

SUMMARY_ROLES = frozenset({"organiser", "admin"})
TICK_SECONDS = 60.0


def remind_at(survey: service.SurveyInfo) -> datetime:
    """A day before it closes, or half-way for a survey open less than two days."""
    length = survey.closes_at - survey.opens_at
    if length >= timedelta(days=2):
        return survey.closes_at - timedelta(days=1)
    return survey.opens_at + length / 2


async def _claim(session: AsyncSession, survey_id: int, column: str, now: datetime) -> bool:
    claimed = await session.execute(
        update(Survey)
        .where(Survey.id == survey_id, getattr(Survey, column).is_(None))
        .values({column: now})
    )
    return bool(getattr(claimed, "rowcount", 0))


async def _send_to_audience(
    session: AsyncSession,
    catalog: Catalog,
    survey: service.SurveyInfo,
    key: str,
    now: datetime,
    only_unfinished: bool,
    zone: tzinfo,
) -> int:
    sent = 0
    for lang in LANGUAGES:
        t = catalog.translator(lang)
        text = t(key, title=survey.title(lang), closes=report.when(survey, zone, lang))
        if survey.anonymous:
            text += "\n" + t("survey-anonymous-note")
        body = await outbox.create_body(
            session,
            text,
            now,
            buttons=[[outbox.Button(t("survey-button-open"), data=OpenSurvey(survey.id))]],
        )
        audience = service.audience(survey.audience, survey.audience_param, lang)
        if only_unfinished:
            took_part = exists().where(
                SurveyParticipant.survey_id == survey.id, SurveyParticipant.user_id == User.id
            )
            audience = audience.where(~took_part)
        sent += await outbox.enqueue_audience(
            session,
            body,
            audience,
            source=f"survey:{survey.id}",
            now=now,
        )
    return sent


async def _due(session: AsyncSession, now: datetime) -> list[service.SurveyInfo]:
    ids = await session.scalars(
        select(Survey.id).where(Survey.status == service.PUBLISHED).order_by(Survey.id)
    )
    found = []
    for survey_id in list(ids):
        survey = await service.load(session, survey_id)
        if survey is not None:
            found.append(survey)
    return found


async def tick(runtime: Runtime, now: datetime | None = None) -> None:
    """Invite, remind and close whatever is due at ``now``."""
    now = now or runtime.clock.now()
    async with runtime.db.read() as session:
        surveys = await _due(session, now)
        rows = {s.id: await session.get(Survey, s.id) for s in surveys}
    for survey in surveys:
        row = rows[survey.id]
        if row is None:
            continue
        if survey.closes_at <= now:
            await close_and_summarise(runtime, survey.id, now)
            continue
        if survey.opens_at <= now and row.invited_at is None:
            async with runtime.db.transaction() as session:
                if await _claim(session, survey.id, "invited_at", now):
                    count = await _invite(session, runtime, survey, "survey-invitation", now)
                    log.info("survey %s: %s invitations queued", survey.id, count)
        elif row.invited_at is not None and row.reminded_at is None and remind_at(survey) <= now:
            async with runtime.db.transaction() as session:
                if await _claim(session, survey.id, "reminded_at", now):
                    count = await _invite(session, runtime, survey, "survey-reminder", now, True)
                    log.info("survey %s: %s reminders queued", survey.id, count)


async def _invite(
    session: AsyncSession,
    runtime: Runtime,
    survey: service.SurveyInfo,
    key: str,
    now: datetime,
    only_unfinished: bool = False,
) -> int:
    return await _send_to_audience(
        session, runtime.catalog, survey, key, now, only_unfinished, runtime.centre.zone
    )


async def close_and_summarise(runtime: Runtime, survey_id: int, now: datetime) -> bool:
    """Close the survey and push its results to every organiser; False if it was not open."""
    async with runtime.db.read() as session:
        survey = await service.load(session, survey_id)
        if survey is None or survey.status != service.PUBLISHED:
            return False
        computed = await results.compute(session, survey)
        people = await users.staff_chats(session)
    organisers = [(chat, lang) for chat, lang, roles in people if roles & SUMMARY_ROLES]
    pictures: dict[str, bytes | None] = {}
    for lang in {lang for _, lang in organisers}:
        t = runtime.catalog.translator(lang)
        labels = chart_labels(t)
        pictures[lang] = await asyncio.to_thread(charts.render, computed, lang, labels)
    async with runtime.db.transaction() as session:
        if not await service.close(session, survey_id, now):
            return False
        for chat, lang in organisers:
            t = runtime.catalog.translator(lang)
            texts = report.results_text(t, computed, runtime.centre.zone, closing=True)
            key = f"survey:{survey_id}:summary:{chat}"
            for index, text in enumerate(texts):
                await outbox.enqueue(
                    session, chat_id=chat, text=text, source=f"survey:{survey_id}:summary",
                    now=now, priority=outbox.PRIORITY_REMINDER, dedupe_key=f"{key}:{index}",
                )  # fmt: skip
            picture = pictures.get(lang)
            if picture is not None:
                await outbox.enqueue(
                    session, chat_id=chat, text=t("survey-chart-caption"), photo=picture,
                    source=f"survey:{survey_id}:summary", now=now,
                    priority=outbox.PRIORITY_REMINDER, dedupe_key=f"{key}:chart",
                )  # fmt: skip
    log.info("survey %s closed; summary queued for %s organisers", survey_id, len(organisers))
    return True


def chart_labels(t: Translator) -> dict[str, str]:
    """The few words of a chart in the reader's language."""
    labels = {key: t(text) for key, text in texts.CHART_TEXTS.items()}
    for key in service.PROFILE_KEYS:
        labels[f"profile-{key}"] = t(texts.PROFILE_TEXTS[key])
    return labels


class OpenSurveysInDigest:
    """The organisers' daily digest, while a survey is open: its figures so far (a declared
    interface: ``bot.services.digest``, used by the feedback digest)."""

    name = "surveys"

    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    async def blocks(
        self, session: AsyncSession, start: datetime, end: datetime, t: Translator
    ) -> list[str]:
        """Every open survey's figures so far (as of the end of the report day)."""
        now = end
        found = []
        for survey in await _due(session, now):
            if not survey.is_open(now):
                continue
            computed = await results.compute(session, survey, texts=0)
            lines = [
                t(
                    "survey-digest-head",
                    title=survey.title(t.lang),
                    count=computed.responses,
                    paper=computed.paper,
                    when=report.when(survey, self.zone, t.lang),
                )
            ]
            for result in computed.questions:
                question = result.question
                if question.kind not in ("single", "multiple") or not result.counts:
                    continue
                choice, count = max(result.counts.items(), key=lambda item: (item[1], -item[0]))
                label = (
                    t("survey-other")
                    if choice == service.OTHER
                    else question.option(choice, t.lang)
                )
                text = (
                    t(texts.PROFILE_TEXTS[question.profile])
                    if question.profile
                    else question.text(t.lang)
                )
                lines.append(
                    t("survey-digest-top", number=question.position, question=text,
                      option=label, count=count)
                )  # fmt: skip
            found.append("\n".join(lines))
        return found
