"""Night-school staff tools shared by their modules: school, replies, course list and card."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.nightschool import courses
from bot.features.nightschool.buttons import (
    AskCancelCourse,
    AttendanceSessions,
    Draw,
    Publish,
    Roster,
    RosterCsv,
    RosterXlsx,
    Sessions,
    StaffCard,
)
from bot.features.nightschool.common import (
    DRAFT,
    LOTTERY,
    PUBLISHED,
    SCHEDULED,
    CourseStatus,
    Mode,
    School,
)
from bot.features.nightschool.inputs import InvalidInput, Problem
from bot.features.nightschool.texts import COURSE_STATUS_TEXTS, INPUT_PROBLEM_TEXTS, MODE_TEXTS
from bot.i18n import Markup
from bot.runtime import Runtime
from bot.services import audit
from bot.tg.guards import require_role
from bot.tg.reply import say

STEP, WAIT_FILE = 1, 2


ROSTER_SHOWN = 60


ATTENDANCE_SHOWN = 90


EDIT_FIELDS = {
    "title_zh": "title_zh",
    "title_en": "title_en",
    "description_zh": "description_zh",
    "description_en": "description_en",
    "teacher": "teacher",
    "venue": "venue_id",
    "fee": "fee_fen",
}


CAPACITY_FIELD = "capacity"


SESSION_BUTTONS = 30


def _school(runtime: Runtime) -> School:
    return School(runtime.catalog, runtime.centre, runtime.settings.nightschool)


async def _say(update: Update, context: FrontdeskContext, text: str, markup: Any = None) -> None:
    await say(update, text, markup)  # a long roster comes in parts (bot.tg.reply.parts)


def _venue_names(context: FrontdeskContext) -> str:
    """The venues as staff know them (names in their language; ids are accepted too)."""
    return context.t("ns-venue-separator").join(
        venue.name.get(context.language) for venue in context.runtime.centre.venues
    )


def _error_text(context: FrontdeskContext, problem: InvalidInput) -> str:
    args = dict(problem.args_)
    if problem.code is Problem.VENUE:
        args["known"] = _venue_names(context)
    return context.t(INPUT_PROBLEM_TEXTS[problem.code], **args)


@require_role("staff")
async def list_courses(update: Update, context: FrontdeskContext) -> None:
    """/ns_courses: every course with its status, a button each."""
    runtime = context.runtime
    lang = context.language
    school = _school(runtime)
    async with runtime.db.read() as session:
        found = await courses.all_courses(session)
    if not found:
        await _say(update, context, context.t("ns-staff-none"))
        return
    rows = [
        [
            InlineKeyboardButton(
                context.t(
                    "ns-staff-course-button",
                    id=str(c.id),
                    title=school.title(c, lang)[:40],
                    status=context.t(COURSE_STATUS_TEXTS[CourseStatus(c.status)]),
                ),
                callback_data=encode(StaffCard(c.id)),
            )
        ]
        for c in found
    ]
    await _say(update, context, context.t("ns-staff-title"), InlineKeyboardMarkup(rows))


# Over 60 lines on purpose: the staff card, top to bottom, with the buttons its state allows;
# split it and the layout scatters.
async def _staff_card(
    update: Update, context: FrontdeskContext, course_id: int, *, new: bool = False
) -> None:
    runtime = context.runtime
    lang = context.language
    school = _school(runtime)
    async with runtime.db.read() as session:
        view = await courses.load_course(session, course_id, include_drafts=True)
    if view is None:
        await _say(update, context, context.t("ns-result-not-found"))
        return
    course = view.course
    numbers = view.numbers()  # within the course, as /ns_session takes them (not the row's id)
    sessions = Markup(  # lines rendered by the catalog already (a cancelled one is struck)
        "\n".join(
            context.t(
                "ns-staff-session-line" if s.status == SCHEDULED else "ns-staff-session-cancelled",
                number=numbers[s.id],
                when=school.when(s.starts_at, lang),
            )
            for s in view.sessions[:20]  # by date; a moved class keeps its number
        )
    )
    lines = [
        context.t(
            "ns-staff-card",
            id=str(course.id),
            title_zh=course.title_zh,
            title_en=course.title_en,
            teacher=course.teacher,
            venue=school.venue(course.venue_id, lang),
            fee=school.fee(course.fee_fen, lang),
            mode=context.t(MODE_TEXTS[Mode(course.mode)]),
            status=context.t(COURSE_STATUS_TEXTS[CourseStatus(course.status)]),
            capacity=course.capacity,
            taken=course.taken,
            waiting=view.waiting,
            applications=view.applications,
            opens=school.when(course.signup_opens_at, lang),
            closes=school.when(course.signup_closes_at, lang),
        )
    ]
    if course.mode == LOTTERY:  # a first-come course has no draw, so no seed to show
        seed = course.lottery_seed
        lines.append(
            context.t("ns-staff-card-seed", seed=seed)
            if seed
            else context.t("ns-staff-card-not-drawn")
        )
    lines.append(context.t("ns-staff-card-sessions", sessions=sessions))
    text = "\n".join(lines)
    if new:
        text = context.t("ns-new-preview") + "\n\n" + text
    cid = course.id
    rows: list[list[InlineKeyboardButton]] = []
    if course.status == DRAFT:
        rows.append(
            [InlineKeyboardButton(context.t("ns-btn-publish"), callback_data=encode(Publish(cid)))]
        )
    rows.append(
        [
            InlineKeyboardButton(context.t("ns-btn-roster"), callback_data=encode(Roster(cid))),
            InlineKeyboardButton(context.t("ns-btn-xlsx"), callback_data=encode(RosterXlsx(cid))),
            InlineKeyboardButton(context.t("ns-btn-csv"), callback_data=encode(RosterCsv(cid))),
        ]
    )
    rows.append(
        [
            InlineKeyboardButton(
                context.t("ns-btn-attendance"), callback_data=encode(AttendanceSessions(cid))
            ),
            InlineKeyboardButton(context.t("ns-btn-sessions"), callback_data=encode(Sessions(cid))),
        ]
    )
    if course.mode == LOTTERY and course.status == PUBLISHED and course.drawn_at is None:
        rows.append(
            [InlineKeyboardButton(context.t("ns-btn-draw"), callback_data=encode(Draw(cid)))]
        )
    if course.status != CourseStatus.CANCELLED:
        rows.append(
            [
                InlineKeyboardButton(
                    context.t("ns-btn-cancel-course"), callback_data=encode(AskCancelCourse(cid))
                )
            ]
        )
    await _say(update, context, text, InlineKeyboardMarkup(rows))


StaffAction = Callable[[Update, FrontdeskContext, int, int], Awaitable[None]]


async def _record(context: FrontdeskContext, session: Any, action: str, course_id: int,
                  details: dict[str, object] | None = None) -> None:  # fmt: skip
    assert context.profile is not None
    await audit.record(
        session,
        actor_id=context.profile.id,
        actor_name=context.profile.first_name,
        action=f"nightschool.{action}",
        subject=f"course {course_id}",
        now=context.runtime.clock.now(),
        details=details,
    )


async def _send_file(update: Update, context: FrontdeskContext, name: str, data: bytes) -> None:
    assert update.effective_chat is not None
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(data, filename=name),
        caption=context.t("ns-file-caption"),
    )
