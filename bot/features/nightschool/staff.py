"""Night school for staff: create (guided), import a term, publish, edit, cancel, roster,
attendance, lottery draw."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import (
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.nightschool import courses, files, inputs, lottery
from bot.features.nightschool.common import DRAFT, LOTTERY, PUBLISHED, School
from bot.features.nightschool.inputs import CourseDraft, InvalidInput
from bot.runtime import Runtime
from bot.services import audit
from bot.storage.models import CourseSession
from bot.tg.guards import allowed, require_role
from bot.tg.menu import main_menu

log = logging.getLogger(__name__)

COMMANDS = [
    CommandSpec("ns_new", "cmd-ns-new", role="staff"),
    CommandSpec("ns_courses", "cmd-ns-courses", role="staff"),
    CommandSpec("ns_import", "cmd-ns-import", role="staff"),
    CommandSpec("ns_edit", "cmd-ns-edit", role="staff"),
    CommandSpec("ns_session", "cmd-ns-session", role="staff"),
]
STEP, WAIT_FILE = 1, 2
DRAFT_KEY, STEP_KEY = "ns_draft", "ns_step"
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
    assert update.effective_chat is not None
    await context.bot.send_message(update.effective_chat.id, text[:4096], reply_markup=markup)


def _venue_names(context: FrontdeskContext) -> str:
    """The venues as staff know them (names in their language; ids are accepted too)."""
    return context.t("ns-venue-separator").join(
        venue.name.get(context.language) for venue in context.runtime.centre.venues
    )


def _error_text(context: FrontdeskContext, problem: InvalidInput) -> str:
    args = dict(problem.args_)
    if problem.code == "venue":
        args["known"] = _venue_names(context)
    return context.t(f"ns-err-{problem.code}", **args)


# --- guided creation --------------------------------------------------------------------


def _prompt(context: FrontdeskContext, step: int) -> str:
    name = inputs.FIELDS[step]
    extra: dict[str, object] = {}
    if name == "venue":
        extra["known"] = _venue_names(context)
    head = context.t("ns-new-step", number=step + 1, total=len(inputs.FIELDS))
    return head + "\n" + context.t(f"ns-ask-{name.replace('_', '-')}", **extra)


async def new_course(update: Update, context: FrontdeskContext) -> int:
    """/ns_new: start the guided creation of a course."""
    if not await allowed(update, context, "staff", "night-school staff command"):
        return ConversationHandler.END
    assert context.user_data is not None
    context.user_data[DRAFT_KEY] = CourseDraft()
    context.user_data[STEP_KEY] = 0
    await _say(update, context, context.t("ns-new-intro") + "\n\n" + _prompt(context, 0))
    return STEP


async def new_course_step(update: Update, context: FrontdeskContext) -> int:
    """One answer of the guided creation: validated, then the next question or the preview."""
    assert context.user_data is not None
    assert update.effective_message is not None
    draft = context.user_data.get(DRAFT_KEY)
    step = context.user_data.get(STEP_KEY)
    if not isinstance(draft, CourseDraft) or not isinstance(step, int):
        return ConversationHandler.END
    name = inputs.FIELDS[step]
    try:
        inputs.apply_field(
            draft, name, (update.effective_message.text or "")[:2000], context.runtime.centre
        )
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem) + "\n" + _prompt(context, step))
        return STEP
    step += 1
    if step < len(inputs.FIELDS):
        context.user_data[STEP_KEY] = step
        await _say(update, context, _prompt(context, step))
        return STEP
    runtime = context.runtime
    assert context.profile is not None
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        course_id = await courses.create_course(
            session, _school(runtime), draft, context.profile.id, now
        )
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="nightschool.create",
            subject=f"course {course_id}",
            now=now,
            details={"title": draft.title_zh},
        )
    context.user_data.pop(DRAFT_KEY, None)
    plan = courses.plan_of(draft, _school(runtime))
    if plan.skipped or plan.unknown:
        await _say(
            update,
            context,
            context.t(
                "ns-new-holidays",
                skipped=", ".join(d.isoformat() for d in plan.skipped) or "—",
                unknown=", ".join(d.isoformat() for d in plan.unknown) or "—",
            ),
        )
    await _staff_card(update, context, course_id, new=True)
    return ConversationHandler.END


async def cancel_conversation(update: Update, context: FrontdeskContext) -> int:
    """/cancel at any step: forget the draft, back to the menu."""
    if context.user_data is not None:
        context.user_data.pop(DRAFT_KEY, None)
        context.user_data.pop(STEP_KEY, None)
    await _say(update, context, context.t("ns-cancelled-conversation"), main_menu(context.t))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int:
    """Something other than text during the guided creation."""
    assert context.user_data is not None
    step = context.user_data.get(STEP_KEY, 0)
    await _say(update, context, context.t("ns-err-need-text") + "\n" + _prompt(context, step))
    return STEP


# --- term file ----------------------------------------------------------------------------


async def import_start(update: Update, context: FrontdeskContext) -> int:
    """/ns_import: ask for a YAML or CSV file of courses."""
    if not await allowed(update, context, "staff", "night-school staff command"):
        return ConversationHandler.END
    await _say(update, context, context.t("ns-import-ask"))
    return WAIT_FILE


async def import_file(update: Update, context: FrontdeskContext) -> int:
    """The term file: every row checked; all courses stored as drafts, or none."""
    message = update.effective_message
    assert message is not None
    assert message.document is not None
    assert context.profile is not None
    runtime = context.runtime
    document = message.document
    name = document.file_name or "term.yaml"
    if (document.file_size or 0) > files.TERM_FILE_MAX_BYTES or not name.lower().endswith(
        (".yaml", ".yml", ".csv")
    ):
        await _say(update, context, context.t("ns-import-unreadable"))
        return WAIT_FILE
    data = bytes(await (await document.get_file()).download_as_bytearray())
    school = _school(runtime)
    term = files.read_term_file(data, name, school)
    if term.unreadable:
        await _say(update, context, context.t("ns-import-unreadable"))
        return WAIT_FILE
    if term.problems:
        lines = [context.t("ns-import-problems", count=len(term.problems))]
        for problem in term.problems[:30]:
            lines.append(
                context.t(
                    "ns-import-problem",
                    row=problem.row,
                    field=problem.field,
                    problem=_error_text(context, problem.problem),
                )
            )
        await _say(update, context, "\n".join(lines))
        return WAIT_FILE
    now = runtime.clock.now()
    created = []
    async with runtime.db.transaction() as session:
        for draft in term.drafts:
            created.append(
                await courses.create_course(session, school, draft, context.profile.id, now)
            )
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="nightschool.import",
            subject=name[:100],
            now=now,
            details={"courses": created},
        )
    await _say(
        update,
        context,
        context.t("ns-import-done", count=len(created)),
        main_menu(context.t),
    )
    await list_courses(update, context)
    return ConversationHandler.END


async def import_not_a_file(update: Update, context: FrontdeskContext) -> int:
    """Text (or a photo) instead of the term file."""
    await _say(update, context, context.t("ns-import-ask"))
    return WAIT_FILE


# --- courses, cards and actions ----------------------------------------------------------


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
                    status=context.t(f"ns-status-{c.status}"),
                ),
                callback_data=f"ns:sc:{c.id}",
            )
        ]
        for c in found
    ]
    await _say(update, context, context.t("ns-staff-title"), InlineKeyboardMarkup(rows))


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
    sessions = "\n".join(
        context.t(
            "ns-staff-session-line" if s.status == "scheduled" else "ns-staff-session-cancelled",
            id=str(s.id),
            when=school.when(s.starts_at, lang),
        )
        for s in view.sessions[:20]
    )
    text = context.t(
        "ns-staff-card",
        id=str(course.id),
        title_zh=course.title_zh,
        title_en=course.title_en,
        teacher=course.teacher,
        venue=school.venue(course.venue_id, lang),
        fee=school.fee(course.fee_fen, lang),
        mode=context.t(f"ns-mode-{course.mode}"),
        status=context.t(f"ns-status-{course.status}"),
        capacity=course.capacity,
        taken=course.taken,
        waiting=view.waiting,
        applications=view.applications,
        opens=school.when(course.signup_opens_at, lang),
        closes=school.when(course.signup_closes_at, lang),
        sessions=sessions,
        seed=course.lottery_seed or "—",
    )
    if new:
        text = context.t("ns-new-preview") + "\n\n" + text
    cid = course.id
    rows: list[list[InlineKeyboardButton]] = []
    if course.status == DRAFT:
        rows.append(
            [InlineKeyboardButton(context.t("ns-btn-publish"), callback_data=f"ns:pub:{cid}")]
        )
    rows.append(
        [
            InlineKeyboardButton(context.t("ns-btn-roster"), callback_data=f"ns:ros:{cid}"),
            InlineKeyboardButton(context.t("ns-btn-xlsx"), callback_data=f"ns:xls:{cid}"),
            InlineKeyboardButton(context.t("ns-btn-csv"), callback_data=f"ns:csv:{cid}"),
        ]
    )
    rows.append(
        [
            InlineKeyboardButton(context.t("ns-btn-attendance"), callback_data=f"ns:att:{cid}"),
            InlineKeyboardButton(context.t("ns-btn-sessions"), callback_data=f"ns:ses:{cid}"),
        ]
    )
    if course.mode == LOTTERY and course.status == PUBLISHED and course.drawn_at is None:
        rows.append([InlineKeyboardButton(context.t("ns-btn-draw"), callback_data=f"ns:drw:{cid}")])
    if course.status != "cancelled":
        rows.append(
            [InlineKeyboardButton(context.t("ns-btn-cancel-course"), callback_data=f"ns:ccl:{cid}")]
        )
    await _say(update, context, text, InlineKeyboardMarkup(rows))


StaffAction = Callable[[Update, FrontdeskContext, int, int], Awaitable[None]]


async def _done(update: Update, text: str = "", *, alert: bool = False) -> None:
    assert update.callback_query is not None
    await update.callback_query.answer(text[:200], show_alert=alert)


@require_role("staff")
async def staff_card(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """A course's staff card."""
    await _done(update)
    await _staff_card(update, context, course_id)


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


@require_role("staff")
async def publish(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """Publish a draft."""
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        done = await courses.publish(session, course_id, runtime.clock.now())
        if done:
            await _record(context, session, "publish", course_id)
    await _done(update, context.t("ns-published" if done else "ns-not-draft"), alert=not done)
    if done:
        await _staff_card(update, context, course_id)


@require_role("staff")
async def ask_cancel(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """Ask before cancelling a course."""
    await _done(update)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    context.t("ns-btn-confirm-cancel"), callback_data=f"ns:ccy:{course_id}"
                )
            ]
        ]
    )
    await _say(update, context, context.t("ns-confirm-cancel"), markup)


@require_role("staff")
async def cancel_course(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """Cancel a course; everyone holding or waiting for a place is told via the outbox."""
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        told = await courses.cancel_course(
            session, _school(runtime), course_id, runtime.clock.now()
        )
        if told >= 0:
            await _record(context, session, "cancel", course_id, {"told": told})
    if told < 0:
        await _done(update, context.t("ns-already-cancelled"), alert=True)
        return
    await _done(update)
    await _say(update, context, context.t("ns-course-cancelled-staff", count=told))


@require_role("staff")
async def draw(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """Draw a lottery course; the seed is shown and stored."""
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            result = await lottery.draw(session, _school(runtime), course_id, runtime.clock.now())
            await _record(context, session, "draw", course_id, {"seed": result.seed})
    except lottery.DrawRefused as refused:
        await _done(update, context.t(f"ns-draw-{refused.code}"), alert=True)
        return
    await _done(update)
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
async def show_roster(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """The roster in the chat: enrolled, offers, waitlist in order."""
    lang = context.language
    school = _school(context.runtime)
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
    await _done(update)
    if not lines:
        await _say(update, context, context.t("ns-roster-empty"))
        return
    text = [context.t("ns-roster-title", count=len(lines))]
    for line in lines[:ROSTER_SHOWN]:
        text.append(
            context.t(
                "ns-roster-line",
                status=context.t(f"ns-state-{line.status}"),
                position=str(line.position or ""),
                name=line.name,
                when=school.when(line.signed_up_at, lang),
            )
        )
    if len(lines) > ROSTER_SHOWN:
        text.append(context.t("ns-roster-more", count=len(lines) - ROSTER_SHOWN))
    await _say(update, context, "\n".join(text))


async def _send_file(update: Update, context: FrontdeskContext, name: str, data: bytes) -> None:
    assert update.effective_chat is not None
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(data, filename=name),
        caption=context.t("ns-file-caption"),
    )


@require_role("staff")
async def roster_csv(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """The roster as CSV."""
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
    await _done(update)
    name, data = files.roster_csv(_school(context.runtime), course_id, lines)
    await _send_file(update, context, name, data)


@require_role("staff")
async def roster_xlsx(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """The roster as Excel, with an attendance column per session."""
    async with context.runtime.db.read() as session:
        lines = await courses.roster(session, course_id)
        meetings = await courses.sessions_of(session, course_id)
        attended = {}
        for meeting in meetings:
            marks = await courses.attendance(session, meeting.id)
            attended[meeting.id] = {eid for eid, present in marks.items() if present}
    await _done(update)
    name, data = files.roster_xlsx(
        _school(context.runtime), course_id, lines, [m.starts_at for m in meetings], attended
    )
    await _send_file(update, context, name, data)


@require_role("staff")
async def attendance_sessions(
    update: Update, context: FrontdeskContext, course_id: int, _: int
) -> None:
    """Choose the session to mark."""
    lang = context.language
    school = _school(context.runtime)
    async with context.runtime.db.read() as session:
        meetings = await courses.sessions_of(session, course_id)
    await _done(update)
    rows = [
        [InlineKeyboardButton(school.when(m.starts_at, lang), callback_data=f"ns:ats:{m.id}")]
        for m in meetings[:40]
    ]
    await _say(update, context, context.t("ns-attendance-choose"), InlineKeyboardMarkup(rows))


async def _attendance_markup(
    context: FrontdeskContext, session_id: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    async with context.runtime.db.read() as session:
        from bot.storage.models import CourseSession

        meeting = await session.get(CourseSession, session_id)
        if meeting is None:
            return None
        lines = [
            line for line in await courses.roster(session, meeting.course_id)
            if line.status == "enrolled"
        ]  # fmt: skip
        marks = await courses.attendance(session, session_id)
    school = _school(context.runtime)
    rows = [
        [
            InlineKeyboardButton(
                ("✅ " if marks.get(line.enrolment_id) else "⬜ ") + line.name[:40],
                callback_data=f"ns:atm:{session_id}:{line.enrolment_id}",
            )
        ]
        for line in lines[:ATTENDANCE_SHOWN]
    ]
    present = sum(1 for v in marks.values() if v)
    text = context.t(
        "ns-attendance-title",
        when=school.when(meeting.starts_at, context.language),
        present=present,
        total=len(lines),
    )
    return text, InlineKeyboardMarkup(rows)


@require_role("staff")
async def attendance_sheet(
    update: Update, context: FrontdeskContext, session_id: int, _: int
) -> None:
    """One session's list: tap a name to mark present/absent."""
    shown = await _attendance_markup(context, session_id)
    if shown is None:
        await _done(update, context.t("button-invalid"), alert=True)
        return
    await _done(update)
    await _say(update, context, *shown)


@require_role("staff")
async def attendance_mark(
    update: Update, context: FrontdeskContext, session_id: int, enrolment_id: int
) -> None:
    """Toggle one person's attendance and redraw the list in place."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        present = await courses.toggle_attendance(
            session, session_id, enrolment_id, context.profile.id, runtime.clock.now()
        )
    if present is None:
        await _done(update, context.t("button-invalid"), alert=True)
        return
    await _done(update)
    shown = await _attendance_markup(context, session_id)
    query = update.callback_query
    if shown is not None and query is not None:
        await query.edit_message_text(shown[0], reply_markup=shown[1])


def _refused_text(context: FrontdeskContext, refused: courses.SessionRefused) -> str:
    return context.t(f"ns-refused-{refused.code}", **refused.args_)


@require_role("staff")
async def session_list(update: Update, context: FrontdeskContext, course_id: int, _: int) -> None:
    """The course's future sessions, each with a cancel button, and how to move or add one."""
    lang = context.language
    school = _school(context.runtime)
    now = context.runtime.clock.now()
    async with context.runtime.db.read() as session:
        view = await courses.load_course(session, course_id, include_drafts=True)
    if view is None:
        await _done(update, context.t("ns-result-not-found"), alert=True)
        return
    await _done(update)
    rows = [
        [
            InlineKeyboardButton(
                context.t("ns-btn-cancel-session", when=school.when(m.starts_at, lang)),
                callback_data=f"ns:sxc:{m.id}",
            )
        ]
        for m in view.sessions
        if m.status == "scheduled" and m.starts_at > now
    ][:SESSION_BUTTONS]
    text = context.t("ns-sessions-staff", id=str(course_id))
    await _say(update, context, text, InlineKeyboardMarkup(rows) if rows else None)


@require_role("staff")
async def ask_cancel_session(
    update: Update, context: FrontdeskContext, session_id: int, _: int
) -> None:
    """Ask before cancelling one session."""
    async with context.runtime.db.read() as session:
        meeting = await session.get(CourseSession, session_id)
    if meeting is None:
        await _done(update, context.t("ns-refused-no-session"), alert=True)
        return
    await _done(update)
    when = _school(context.runtime).when(meeting.starts_at, context.language)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    context.t("ns-btn-confirm-cancel-session"),
                    callback_data=f"ns:sxy:{session_id}",
                )
            ]
        ]
    )
    await _say(update, context, context.t("ns-confirm-cancel-session", when=when), markup)


async def _cancel_session(
    context: FrontdeskContext, course_id: int | None, session_id: int
) -> tuple[bool, str]:
    """Cancel a session; ``(done, text for the staff member)``."""
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            course_id, told = await courses.cancel_session(
                session, _school(runtime), course_id, session_id, runtime.clock.now()
            )
            await _record(
                context, session, "session-cancel", course_id,
                {"session": session_id, "told": told},
            )  # fmt: skip
    except courses.SessionRefused as refused:
        return False, _refused_text(context, refused)
    return True, context.t("ns-session-cancelled-staff", count=told)


@require_role("staff")
async def cancel_session(
    update: Update, context: FrontdeskContext, session_id: int, _: int
) -> None:
    """Cancel one session from its confirmation button; forged or stale presses change nothing."""
    done, text = await _cancel_session(context, None, session_id)
    await _done(update, text, alert=not done)
    if done:
        await _say(update, context, text)


ACTIONS: dict[str, StaffAction] = {
    "sc": staff_card,
    "pub": publish,
    "ccl": ask_cancel,
    "ccy": cancel_course,
    "drw": draw,
    "ros": show_roster,
    "csv": roster_csv,
    "xls": roster_xlsx,
    "att": attendance_sessions,
    "ats": attendance_sheet,
    "atm": attendance_mark,
    "ses": session_list,
    "sxc": ask_cancel_session,
    "sxy": cancel_session,
}


@require_role("staff")
async def edit_course(update: Update, context: FrontdeskContext) -> None:
    """/ns_edit <id> <field> <new value>: change a title, description, teacher, venue or fee."""
    message = update.effective_message
    assert message is not None
    assert context.profile is not None
    parts = (message.text or "").split(maxsplit=3)
    usage = context.t("ns-edit-usage", fields=", ".join([*EDIT_FIELDS, CAPACITY_FIELD]))
    known = parts[2] in EDIT_FIELDS or parts[2] == CAPACITY_FIELD if len(parts) > 2 else False
    if len(parts) < 4 or not re.fullmatch(r"\d{1,12}", parts[1]) or not known:
        await _say(update, context, usage)
        return
    course_id, field, raw = int(parts[1]), parts[2], parts[3]
    if field == CAPACITY_FIELD:
        await _change_capacity(update, context, course_id, raw)
        return
    draft = CourseDraft()
    try:
        inputs.apply_field(draft, field, raw, context.runtime.centre)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem))
        return
    column = EDIT_FIELDS[field]
    value = getattr(draft, column)
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        done = await courses.edit_field(session, course_id, column, value, runtime.clock.now())
        if done:
            await _record(context, session, "edit", course_id, {column: value})
    if not done:
        await _say(update, context, context.t("ns-result-not-found"))
        return
    await _staff_card(update, context, course_id)


async def _change_capacity(
    update: Update, context: FrontdeskContext, course_id: int, raw: str
) -> None:
    """Raise (offering the new seats to the waitlist) or lower (never below the seats held)."""
    try:
        capacity = inputs.whole_number(raw, 1, inputs.CAPACITY_MAX)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem))
        return
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            change = await courses.set_capacity(
                session, _school(runtime), course_id, capacity, runtime.clock.now()
            )
            await _record(
                context, session, "capacity", course_id,
                {"old": change.old, "new": change.new, "offers": change.offers},
            )  # fmt: skip
    except courses.SessionRefused as refused:
        await _say(update, context, _refused_text(context, refused))
        return
    await _say(
        update,
        context,
        context.t("ns-capacity-changed", old=change.old, new=change.new, offers=change.offers),
    )
    await _staff_card(update, context, course_id)


SESSION_COMMAND = re.compile(
    r"^/ns_session(?:@\w+)?\s+(\d{1,12})\s+(?:"
    r"(move)\s+(\d{1,12})\s+(\S+)\s+(\S+)"
    r"|(cancel)\s+(\d{1,12})"
    r"|(add)\s+(\S+)\s+(\S+)"
    r")\s*$"
)


@require_role("staff")
async def session_command(update: Update, context: FrontdeskContext) -> None:
    """/ns_session <course> move <session> <date> <HH:MM-HH:MM> | cancel <session> |
    add <date> <HH:MM-HH:MM>: change one class meeting; people on the course are told."""
    message = update.effective_message
    assert message is not None
    match = SESSION_COMMAND.fullmatch((message.text or "")[:200].strip())
    if match is None:
        await _say(update, context, context.t("ns-session-usage"))
        return
    course_id = int(match.group(1))
    runtime = context.runtime
    school = _school(runtime)
    if match.group(6):  # cancel
        done, text = await _cancel_session(context, course_id, int(match.group(7)))
        await _say(update, context, text)
        if done:
            await _staff_card(update, context, course_id)
        return
    day_text, range_text = (match.group(4), match.group(5)) if match.group(2) else (
        match.group(9), match.group(10))  # fmt: skip
    try:
        starts_at, ends_at = inputs.session_times(day_text, range_text, school.zone)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem))
        return
    now = runtime.clock.now()
    try:
        async with runtime.db.transaction() as session:
            if match.group(2):  # move
                session_id = int(match.group(3))
                told = await courses.move_session(
                    session, school, session_id, starts_at, ends_at, now, course_id=course_id
                )
                action, key = "session-move", "ns-session-moved-staff"
            else:
                session_id, told = await courses.add_session(
                    session, school, course_id, starts_at, ends_at, now
                )
                action, key = "session-add", "ns-session-added-staff"
            await _record(
                context, session, action, course_id,
                {"session": session_id, "starts_at": starts_at.isoformat(), "told": told},
            )  # fmt: skip
    except courses.SessionRefused as refused:
        await _say(update, context, _refused_text(context, refused))
        return
    await _say(update, context, context.t(key, when=school.when(starts_at, context.language),
                                          count=told))  # fmt: skip
    await _staff_card(update, context, course_id)


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
    app.add_handler(creation)
    app.add_handler(importing)
    app.add_handler(CommandHandler("ns_courses", list_courses))
    app.add_handler(CommandHandler("ns_edit", edit_course))
    app.add_handler(CommandHandler("ns_session", session_command))
