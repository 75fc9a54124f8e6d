"""Staff on class sessions: attendance, the session list and cancelling one, editing a course."""

from __future__ import annotations

import re

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, ReplyKeyboardMarkup, Update

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.nightschool import courses, inputs
from bot.features.nightschool.buttons import (
    AskCancelSession,
    AttendanceSessions,
    AttendanceSheet,
    CancelSession,
    KeepSession,
    MarkAttendance,
    Sessions,
)
from bot.features.nightschool.common import EnrolmentStatus, SessionStatus
from bot.features.nightschool.inputs import CourseDraft, InvalidInput
from bot.features.nightschool.models import CourseSession
from bot.features.nightschool.staff_base import (
    ATTENDANCE_SHOWN,
    CAPACITY_FIELD,
    EDIT_FIELDS,
    SESSION_BUTTONS,
    _error_text,
    _record,
    _say,
    _school,
    _staff_card,
)
from bot.features.nightschool.texts import SESSION_PROBLEM_TEXTS
from bot.i18n import message_keys
from bot.tg.guards import require_role
from bot.tg.reply import plain, show, toast

# The name staff read (and may type, in either language) for each field /ns_edit changes.
FIELD_TEXTS = message_keys(
    [*EDIT_FIELDS, CAPACITY_FIELD],
    {
        "title_zh": "ns-field-title-zh",
        "title_en": "ns-field-title-en",
        "description_zh": "ns-field-description-zh",
        "description_en": "ns-field-description-en",
        "teacher": "ns-field-teacher",
        "venue": "ns-field-venue",
        "fee": "ns-field-fee",
        "capacity": "ns-field-capacity",
    },
)


@require_role("staff")
async def attendance_sessions(
    update: Update, context: FrontdeskContext, press: AttendanceSessions
) -> None:
    """Choose the session to mark."""
    course_id = press.course_id
    lang = context.language
    school = _school(context.runtime)
    async with context.runtime.db.read() as session:
        meetings = await courses.sessions_of(session, course_id)
    await toast(update)
    rows = [
        [
            InlineKeyboardButton(
                school.when(m.starts_at, lang), callback_data=encode(AttendanceSheet(m.id))
            )
        ]
        for m in meetings[:40]
    ]
    await _say(update, context, context.t("ns-attendance-choose"), InlineKeyboardMarkup(rows))


async def _attendance_markup(
    context: FrontdeskContext, session_id: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    async with context.runtime.db.read() as session:
        from bot.features.nightschool.models import CourseSession

        meeting = await session.get(CourseSession, session_id)
        if meeting is None:
            return None
        lines = [
            line for line in await courses.roster(session, meeting.course_id)
            if line.status == EnrolmentStatus.ENROLLED
        ]  # fmt: skip
        marks = await courses.attendance(session, session_id)
        on_leave = await courses.leaves(session, session_id)
    school = _school(context.runtime)

    def label(line: courses.RosterLine) -> str:
        if line.enrolment_id in on_leave:
            # a label has no parse mode: the catalog's escaping ("&amp;") would show
            return plain(context.t("ns-attendance-leave", name=line.name[:40]))
        return ("✅ " if marks.get(line.enrolment_id) else "⬜ ") + line.name[:40]

    rows = [
        [
            InlineKeyboardButton(
                label(line), callback_data=encode(MarkAttendance(session_id, line.enrolment_id))
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
    enrolled = {line.enrolment_id for line in lines}
    if on_leave & enrolled:
        text += "\n" + context.t("ns-attendance-leaves", count=len(on_leave & enrolled))
    return text, InlineKeyboardMarkup(rows)


@require_role("staff")
async def attendance_sheet(
    update: Update, context: FrontdeskContext, press: AttendanceSheet
) -> None:
    """One session's list: tap a name to mark present/absent."""
    session_id = press.session_id
    shown = await _attendance_markup(context, session_id)
    if shown is None:
        await toast(update, context.t("button-invalid"), alert=True)
        return
    await toast(update)
    await _say(update, context, *shown)


@require_role("staff")
async def attendance_mark(update: Update, context: FrontdeskContext, press: MarkAttendance) -> None:
    """Toggle one person's attendance and redraw the list in place."""
    session_id = press.session_id
    enrolment_id = press.enrolment_id
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        present = await courses.toggle_attendance(
            session, session_id, enrolment_id, context.profile.id, runtime.clock.now()
        )
    if present is None:
        await toast(update, context.t("button-invalid"), alert=True)
        return
    await toast(update)
    shown = await _attendance_markup(context, session_id)
    query = update.callback_query
    if shown is not None and query is not None:
        await query.edit_message_text(shown[0], reply_markup=shown[1])


def _refused_text(context: FrontdeskContext, refused: courses.SessionRefused) -> str:
    return context.t(SESSION_PROBLEM_TEXTS[refused.code], **refused.args_)


@require_role("staff")
async def session_list(update: Update, context: FrontdeskContext, press: Sessions) -> None:
    """The course's future sessions, each with a cancel button, and how to move or add one."""
    course_id = press.course_id
    lang = context.language
    school = _school(context.runtime)
    now = context.runtime.clock.now()
    async with context.runtime.db.read() as session:
        view = await courses.load_course(session, course_id, include_drafts=True)
    if view is None:
        await toast(update, context.t("ns-result-not-found"), alert=True)
        return
    await toast(update)
    rows = [
        [
            InlineKeyboardButton(
                context.t("ns-btn-cancel-session", when=school.when(m.starts_at, lang)),
                callback_data=encode(AskCancelSession(m.id)),
            )
        ]
        for m in view.sessions
        if m.status == SessionStatus.SCHEDULED and m.starts_at > now
    ][:SESSION_BUTTONS]
    text = context.t("ns-sessions-staff", id=str(course_id))
    await _say(update, context, text, InlineKeyboardMarkup(rows) if rows else None)


@require_role("staff")
async def ask_cancel_session(
    update: Update, context: FrontdeskContext, press: AskCancelSession
) -> None:
    """Ask before cancelling one session."""
    session_id = press.session_id
    async with context.runtime.db.read() as session:
        meeting = await session.get(CourseSession, session_id)
    if meeting is None:
        await toast(update, context.t("ns-refused-no-session"), alert=True)
        return
    await toast(update)
    when = _school(context.runtime).when(meeting.starts_at, context.language)
    markup = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    context.t("ns-btn-confirm-cancel-session"),
                    callback_data=encode(CancelSession(session_id)),
                )
            ],
            [
                InlineKeyboardButton(
                    context.t("ns-btn-keep"), callback_data=encode(KeepSession(session_id))
                )
            ],
        ]
    )
    await _say(update, context, context.t("ns-confirm-cancel-session", when=when), markup)


@require_role("staff")
async def keep_session(update: Update, context: FrontdeskContext, press: KeepSession) -> None:
    """ "Keep it": the question is replaced by the answer, so its cancel button is gone."""
    async with context.runtime.db.read() as session:
        meeting = await session.get(CourseSession, press.session_id)
    await toast(update)
    if meeting is None:
        await show(update, context.t("ns-refused-no-session"))
        return
    when = _school(context.runtime).when(meeting.starts_at, context.language)
    await show(update, context.t("ns-session-kept", when=when))


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
async def cancel_session(update: Update, context: FrontdeskContext, press: CancelSession) -> None:
    """Cancel one session from its confirmation button; forged or stale presses change nothing."""
    session_id = press.session_id
    done, text = await _cancel_session(context, None, session_id)
    await toast(update, text, alert=not done)
    if done:
        await _say(update, context, text)


def _field_named(context: FrontdeskContext, word: str) -> str | None:
    """A course field by its code or its name in either language ("费用", "teacher", "名额")."""
    wanted = word.strip().lower()
    for name in [*EDIT_FIELDS, CAPACITY_FIELD]:
        if wanted == name:
            return name
        words = context.runtime.catalog.all_languages(FIELD_TEXTS[name])
        if wanted in {w.lower() for w in words.values()}:
            return name
    return None


def edit_usage(context: FrontdeskContext) -> str:
    """How to write /ns_edit in one line, with the fields in the reader's language."""
    names = [context.t(FIELD_TEXTS[name]) for name in [*EDIT_FIELDS, CAPACITY_FIELD]]
    return context.t("ns-edit-usage", fields=context.t.join(names))


async def apply_edit(
    update: Update,
    context: FrontdeskContext,
    course_id: int,
    field: str,
    text: str,
    again: ReplyKeyboardMarkup | None = None,
) -> bool:
    """Change one field of a course from words ("免费", "下周四", "20人"); then the staff card.
    False (and the reason said, with ``again``: the buttons of the question asked again) when
    the value was not understood."""
    runtime = context.runtime
    raw = inputs.from_words(
        field, text[:2000], runtime.clock.now(), runtime.centre.zone, runtime.hours.calendar
    ).text
    if field == CAPACITY_FIELD:
        return await _change_capacity(update, context, course_id, raw)
    draft = CourseDraft()
    try:
        inputs.apply_field(draft, field, raw, context.runtime.centre)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem), again)
        return False
    column = EDIT_FIELDS[field]
    value = getattr(draft, column)
    async with runtime.db.transaction() as session:
        edit = await courses.edit_field(
            session, _school(runtime), course_id, column, value, runtime.clock.now()
        )
        if edit.done:
            await _record(context, session, "edit", course_id, {column: value})
    if not edit.done:
        await _say(update, context, context.t("ns-result-not-found"))
        return True
    if edit.told:
        await _say(update, context, context.t("ns-venue-moved-staff", count=edit.told))
    await _staff_card(update, context, course_id)
    return True


async def _change_capacity(
    update: Update, context: FrontdeskContext, course_id: int, raw: str
) -> bool:
    """Raise (offering the new seats to the waitlist) or lower (never below the seats held)."""
    try:
        capacity = inputs.whole_number(raw, 1, inputs.CAPACITY_MAX)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem))
        return False
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
    except courses.SessionRefused as refused:  # e.g. fewer seats than people enrolled
        await _say(update, context, _refused_text(context, refused))
        return False
    await _say(
        update,
        context,
        context.t("ns-capacity-changed", old=change.old, new=change.new, offers=change.offers),
    )
    await _staff_card(update, context, course_id)
    return True


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
    number = match.group(3) or match.group(7)  # the class's number on the card (1, 2, 3…)
    session_id = None
    if number is not None:
        async with context.runtime.db.read() as session:
            session_id = await courses.numbered_session(session, course_id, int(number))
        if session_id is None:
            await _say(update, context, context.t("ns-refused-no-session"))
            return
    if match.group(6):  # cancel
        assert session_id is not None
        done, text = await _cancel_session(context, course_id, session_id)
        await _say(update, context, text)
        if done:
            await _staff_card(update, context, course_id)
        return
    day_text, range_text = (match.group(4), match.group(5)) if match.group(2) else (
        match.group(9), match.group(10))  # fmt: skip
    await schedule_session(update, context, course_id, session_id, day_text, range_text)


async def schedule_session(
    update: Update,
    context: FrontdeskContext,
    course_id: int,
    session_id: int | None,
    day_text: str,
    range_text: str,
    *,
    read_from_words: bool = False,
) -> bool:
    """Move class ``session_id`` of the course (or add one when ``None``) to the day and hours
    given; people on the course are told. False (and the reason said) when refused; with
    ``read_from_words`` the refusal also says which day and hours the words were read as."""
    runtime = context.runtime
    school = _school(runtime)
    try:
        starts_at, ends_at = inputs.session_times(day_text, range_text, school.zone)
    except InvalidInput as problem:
        await _say(update, context, _error_text(context, problem))
        return False
    now = runtime.clock.now()
    try:
        async with runtime.db.transaction() as session:
            if session_id is not None:  # move
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
        text = _refused_text(context, refused)
        if read_from_words:
            when = school.when(starts_at, context.language)
            text += "\n" + context.t("ns-session-read-as", when=when, ends=range_text[-5:])
        await _say(update, context, text)
        return False
    await _say(update, context, context.t(key, when=school.when(starts_at, context.language),
                                          count=told))  # fmt: skip
    await _staff_card(update, context, course_id)
    return True
