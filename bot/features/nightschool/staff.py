"""Night school for staff: create (guided), import a term, publish, edit, cancel, roster,
attendance, lottery draw."""

from __future__ import annotations

import logging
import warnings

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.nightschool import courses, files, lottery, staff_edit, staff_session_pick
from bot.features.nightschool.buttons import (
    AskCancelCourse,
    AskCancelSession,
    AttendanceSessions,
    AttendanceSheet,
    CancelCourse,
    CancelSession,
    Draw,
    EditCourse,
    EditCourseField,
    EditCoursePage,
    KeepCourse,
    KeepSession,
    MarkAttendance,
    Publish,
    Roster,
    RosterCsv,
    RosterXlsx,
    SessionAdd,
    SessionCourse,
    SessionCoursePage,
    SessionListPage,
    SessionMove,
    SessionPick,
    Sessions,
    StaffCard,
)
from bot.features.nightschool.common import EnrolmentStatus
from bot.features.nightschool.models import Course
from bot.features.nightschool.staff_base import (
    ROSTER_SHOWN,
    STEP,
    WAIT_FILE,
    _record,
    _say,
    _school,
    _send_file,
    _staff_card,
    list_courses,
)
from bot.features.nightschool.staff_create import (
    cancel_conversation,
    import_file,
    import_not_a_file,
    import_start,
    new_course,
    new_course_step,
    not_text,
)
from bot.features.nightschool.staff_sessions import (
    ask_cancel_session,
    attendance_mark,
    attendance_sessions,
    attendance_sheet,
    cancel_session,
    keep_session,
    session_list,
)
from bot.features.nightschool.texts import DRAW_PROBLEM_TEXTS, STATE_TEXTS
from bot.tg.buttons import matches, on
from bot.tg.guards import require_role
from bot.tg.reply import show, toast

log = logging.getLogger(__name__)


COMMANDS = [
    CommandSpec("ns_new", "cmd-ns-new", role="staff"),
    CommandSpec("ns_courses", "cmd-ns-courses", role="staff"),
    CommandSpec("ns_import", "cmd-ns-import", role="staff"),
    CommandSpec("ns_edit", "cmd-ns-edit", role="staff"),
    CommandSpec("ns_session", "cmd-ns-session", role="staff"),
]


@require_role("staff")
async def staff_card(update: Update, context: FrontdeskContext, press: StaffCard) -> None:
    """A course's staff card."""
    course_id = press.course_id
    await toast(update)
    await _staff_card(update, context, course_id)


@require_role("staff")
async def publish(update: Update, context: FrontdeskContext, press: Publish) -> None:
    """Publish a draft."""
    course_id = press.course_id
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        done = await courses.publish(session, course_id, runtime.clock.now())
        if done:
            await _record(context, session, "publish", course_id)
    await toast(update, context.t("ns-published" if done else "ns-not-draft"), alert=not done)
    if done:
        await _staff_card(update, context, course_id)


@require_role("staff")
async def ask_cancel(update: Update, context: FrontdeskContext, press: AskCancelCourse) -> None:
    """Ask before cancelling a course."""
    course_id = press.course_id
    await toast(update)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    context.t("ns-btn-confirm-cancel"),
                    callback_data=encode(CancelCourse(course_id)),
                ),
                InlineKeyboardButton(
                    context.t("ns-btn-keep"), callback_data=encode(KeepCourse(course_id))
                ),
            ]
        ]
    )
    await _say(update, context, context.t("ns-confirm-cancel"), markup)


@require_role("staff")
async def keep_course(update: Update, context: FrontdeskContext, press: KeepCourse) -> None:
    """ "No, keep it": the question is replaced by the answer, so its cancel button is gone."""
    async with context.runtime.db.read() as session:
        course = await session.get(Course, press.course_id)
    await toast(update)
    if course is None:
        await show(update, context.t("ns-result-not-found"))
        return
    title = _school(context.runtime).title(course, context.language)
    await show(update, context.t("ns-course-kept", title=title))


@require_role("staff")
async def cancel_course(update: Update, context: FrontdeskContext, press: CancelCourse) -> None:
    """Cancel a course; everyone holding or waiting for a place is told via the outbox."""
    course_id = press.course_id
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        told = await courses.cancel_course(
            session, _school(runtime), course_id, runtime.clock.now()
        )
        if told >= 0:
            await _record(context, session, "cancel", course_id, {"told": told})
    if told < 0:
        await toast(update, context.t("ns-already-cancelled"), alert=True)
        return
    await toast(update)
    await _say(update, context, context.t("ns-course-cancelled-staff", count=told))


@require_role("staff")
async def draw(update: Update, context: FrontdeskContext, press: Draw) -> None:
    """Draw a lottery course; the seed is shown and stored."""
    course_id = press.course_id
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            result = await lottery.draw(session, _school(runtime), course_id, runtime.clock.now())
            await _record(context, session, "draw", course_id, {"seed": result.seed})
    except lottery.DrawRefused as refused:
        await toast(update, context.t(DRAW_PROBLEM_TEXTS[refused.code]), alert=True)
        return
    await toast(update)
    await _say(
        update,
        context,
        context.t(
            "ns-drawn",
            applications=result.applications,
            winners=result.winners,
            seed=result.seed,
        ),
    )


@require_role("staff")
async def show_roster(update: Update, context: FrontdeskContext, press: Roster) -> None:
    """The roster in the chat: enrolled, offers, waitlist in order."""
    course_id = press.course_id
    lang = context.language
    school = _school(context.runtime)
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
        away = await courses.upcoming_leaves(session, course_id, context.runtime.clock.now())
    await toast(update)
    if not lines:
        await _say(update, context, context.t("ns-roster-empty"))
        return
    text = [context.t("ns-roster-title", count=len(lines))]
    for line in lines[:ROSTER_SHOWN]:
        entry = context.t(
            "ns-roster-line",
            status=context.t(STATE_TEXTS[EnrolmentStatus(line.status)]),
            position=str(line.position or ""),
            name=line.name,
            when=school.when(line.signed_up_at, lang),
        )
        if line.enrolment_id in away:
            separator = context.t("ns-roster-leave-separator")
            days = separator.join(school.when(m, lang) for m in away[line.enrolment_id])
            entry += context.t("ns-roster-leave", days=days)
        text.append(entry)
    if len(lines) > ROSTER_SHOWN:
        text.append(context.t("ns-roster-more", count=len(lines) - ROSTER_SHOWN))
    await _say(update, context, "\n".join(text))


@require_role("staff")
async def roster_csv(update: Update, context: FrontdeskContext, press: RosterCsv) -> None:
    """The roster as CSV."""
    course_id = press.course_id
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
    await toast(update)
    name, data = files.roster_csv(_school(context.runtime), course_id, lines)
    await _send_file(update, context, name, data)


@require_role("staff")
async def roster_xlsx(update: Update, context: FrontdeskContext, press: RosterXlsx) -> None:
    """The roster as Excel, with an attendance column per session."""
    course_id = press.course_id
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
        meetings = await courses.sessions_of(session, course_id)
        attended = {}
        for meeting in meetings:
            marks = await courses.attendance(session, meeting.id)
            attended[meeting.id] = {eid for eid, present in marks.items() if present}
    await toast(update)
    name, data = files.roster_xlsx(
        _school(context.runtime), course_id, lines, [m.starts_at for m in meetings], attended
    )
    await _send_file(update, context, name, data)


def register(app: FrontdeskApplication) -> None:
    """Staff conversations and commands (before the resident handlers)."""
    creation = ConversationHandler(
        entry_points=[CommandHandler("ns_new", new_course)],
        states={
            STEP: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, new_course_step),
                MessageHandler(~filters.TEXT & ~filters.COMMAND, not_text),
            ]
        },
        fallbacks=[CommandHandler("cancel", cancel_conversation)],
        per_user=True,
        per_chat=True,
        name="nightschool-new",
    )
    importing = ConversationHandler(
        entry_points=[CommandHandler("ns_import", import_start)],
        states={
            WAIT_FILE: [
                MessageHandler(filters.Document.ALL, import_file),
                MessageHandler(~filters.COMMAND, import_not_a_file),
            ]
        },
        fallbacks=[CommandHandler("cancel", cancel_conversation)],
        per_user=True,
        per_chat=True,
        name="nightschool-import",
    )
    with warnings.catch_warnings():
        # per_message=False: the field buttons start the form; one form per chat and person.
        warnings.simplefilter("ignore", PTBUserWarning)
        editing = _editing()
        sessions = _sessions()
    app.add_handler(creation)
    app.add_handler(importing)
    app.add_handler(editing)
    app.add_handler(CommandHandler("ns_courses", list_courses))
    app.add_handler(on(EditCourse, staff_edit.course_picked))
    app.add_handler(on(EditCoursePage, staff_edit.course_page))
    app.add_handler(sessions)
    app.add_handler(on(SessionCourse, staff_session_pick.course_picked))
    app.add_handler(on(SessionCoursePage, staff_session_pick.course_page))
    app.add_handler(on(SessionListPage, staff_session_pick.session_page))
    app.add_handler(on(SessionPick, staff_session_pick.session_picked))
    app.add_handlers(
        [
            on(StaffCard, staff_card),
            on(Publish, publish),
            on(AskCancelCourse, ask_cancel),
            on(CancelCourse, cancel_course),
            on(Draw, draw),
            on(Roster, show_roster),
            on(RosterCsv, roster_csv),
            on(RosterXlsx, roster_xlsx),
            on(AttendanceSessions, attendance_sessions),
            on(AttendanceSheet, attendance_sheet),
            on(MarkAttendance, attendance_mark),
            on(Sessions, session_list),
            on(AskCancelSession, ask_cancel_session),
            on(CancelSession, cancel_session),
            on(KeepSession, keep_session),
            on(KeepCourse, keep_course),
        ]
    )


def _editing() -> ConversationHandler[FrontdeskContext]:
    """/ns_edit: the course and field from buttons, then the new value typed."""
    return ConversationHandler(
        entry_points=[
            CommandHandler("ns_edit", staff_edit.edit_command),
            CallbackQueryHandler(staff_edit.field_picked, pattern=matches(EditCourseField)),
        ],
        states={
            staff_edit.NEW_VALUE: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, staff_edit.value_typed),
                MessageHandler(~filters.TEXT & ~filters.COMMAND, staff_edit.not_text),
            ]
        },
        fallbacks=[CommandHandler("cancel", staff_edit.stop)],
        allow_reentry=True,
        per_user=True,
        per_chat=True,
        name="nightschool-edit",
    )


def _sessions() -> ConversationHandler[FrontdeskContext]:
    """/ns_session: the course and class from buttons, then the new day and hours typed."""
    return ConversationHandler(
        entry_points=[
            CommandHandler("ns_session", staff_session_pick.start),
            CallbackQueryHandler(staff_session_pick.move_picked, pattern=matches(SessionMove)),
            CallbackQueryHandler(staff_session_pick.add_picked, pattern=matches(SessionAdd)),
        ],
        states={
            staff_session_pick.NEW_TIME: [
                MessageHandler(filters.TEXT & ~filters.COMMAND, staff_session_pick.time_typed),
                MessageHandler(~filters.TEXT & ~filters.COMMAND, staff_session_pick.not_text),
            ]
        },
        fallbacks=[CommandHandler("cancel", staff_session_pick.stop)],
        allow_reentry=True,
        per_user=True,
        per_chat=True,
        name="nightschool-session",
    )
