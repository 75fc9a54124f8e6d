"""/ns_session without numbers (issue 16): the course from buttons (a page at a time, or words
of its title: ``/ns_session 书法``), then its coming classes as buttons (day and time in the
reader's language) and "add a class", then what to do with the class pressed: move it (the new
day and time are asked) or cancel it (asked again before). The one-line numeric form
(``/ns_session 3 move 12 2026-03-20 19:00-20:30``) still works.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.context import FrontdeskContext
from bot.features.nightschool import courses, inputs
from bot.features.nightschool.buttons import (
    AskCancelSession,
    SessionAdd,
    SessionCourse,
    SessionCoursePage,
    SessionListPage,
    SessionMove,
    SessionPick,
)
from bot.features.nightschool.common import CourseStatus, SessionStatus
from bot.features.nightschool.models import CourseSession
from bot.features.nightschool.staff_base import _say, _school
from bot.features.nightschool.staff_edit import _courses, course_picker, courses_named
from bot.features.nightschool.staff_sessions import (
    SESSION_COMMAND,
    schedule_session,
    session_command,
)
from bot.tg.buttons import keyboard, pressed
from bot.tg.guards import allowed, checks_role_inside, require_role
from bot.tg.pages import paged
from bot.tg.reply import alert, toast

log = logging.getLogger(__name__)

NEW_TIME = 5  # the conversation's one state: waiting for the day and hours
SESSION_PAGE = 6  # classes per page of the list to pick from
_NUMBER_ONLY = "0123456789#"


@dataclass(slots=True)
class SessionChange:
    """The class being moved (or the course a class is added to), until the time arrives."""

    course_id: int
    session_id: int | None


async def _session_picker(
    context: FrontdeskContext, course_id: int, page: int
) -> tuple[str, InlineKeyboardMarkup] | None:
    """The course's coming classes as buttons and "add a class"; ``None`` if no such course."""
    runtime = context.runtime
    school, lang, now = _school(runtime), context.language, runtime.clock.now()
    async with runtime.db.read() as session:
        view = await courses.load_course(session, course_id, include_drafts=True)
    if view is None or view.course.status == CourseStatus.CANCELLED:
        return None
    items = [
        (school.when(m.starts_at, lang), SessionPick(m.id))
        for m in view.sessions
        if m.status == SessionStatus.SCHEDULED and m.starts_at > now
    ]
    markup = paged(
        context.t,
        items,
        page,
        SESSION_PAGE,
        lambda n: SessionListPage(course_id, n),
        extra=[[(context.t("ns-btn-session-add"), SessionAdd(course_id))]],
    )
    title = school.title(view.course, lang)
    key = "ns-session-pick-session" if items else "ns-session-pick-none"
    return context.t(key, title=title), markup


async def _offer_sessions(update: Update, context: FrontdeskContext, course_id: int) -> None:
    shown = await _session_picker(context, course_id, 0)
    if shown is None:
        await _say(update, context, context.t("ns-result-not-found"))
        return
    await _say(update, context, *shown)


@require_role("staff")
async def start(update: Update, context: FrontdeskContext) -> int:
    """/ns_session [course words | course number | the one-line form]."""
    message = update.effective_message
    assert message is not None
    context.drafts.pop(SessionChange)
    text = (message.text or "")[:200].strip()
    parts = text.split(maxsplit=1)
    words = parts[1].strip() if len(parts) > 1 else ""
    if SESSION_COMMAND.fullmatch(text):
        await session_command(update, context)
        return ConversationHandler.END
    if words and all(ch in _NUMBER_ONLY for ch in words) and len(words) <= 13:
        await _offer_sessions(update, context, int(words.lstrip("#") or "0"))
        return ConversationHandler.END
    if words and words[0].isdigit():  # a numeric form gone wrong
        await _say(update, context, context.t("ns-session-usage"))
        return ConversationHandler.END
    found, matched = await courses_named(context, words)
    if matched and len(found) == 1:
        await _offer_sessions(update, context, found[0].id)
        return ConversationHandler.END
    if not found:
        await _say(update, context, context.t("ns-staff-none"))
        return ConversationHandler.END
    picker = course_picker(context, found, 0, SessionCourse, SessionCoursePage)
    await _say(update, context, context.t("ns-session-pick-course"), picker)
    return ConversationHandler.END


@require_role("staff")
async def course_picked(update: Update, context: FrontdeskContext, press: SessionCourse) -> None:
    """A course pressed: its coming classes."""
    await toast(update)
    await _offer_sessions(update, context, press.course_id)


async def _turn(update: Update, markup: InlineKeyboardMarkup) -> None:
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(markup)
    except BadRequest as exc:  # the page shown already ("message is not modified")
        log.debug("list not turned: %s", exc)


@require_role("staff")
async def course_page(update: Update, context: FrontdeskContext, press: SessionCoursePage) -> None:
    """◀ / ▶ in the list of courses."""
    found = await _courses(context)
    await toast(update)
    await _turn(update, course_picker(context, found, press.page, SessionCourse, SessionCoursePage))


@require_role("staff")
async def session_page(update: Update, context: FrontdeskContext, press: SessionListPage) -> None:
    """◀ / ▶ in the list of a course's classes."""
    shown = await _session_picker(context, press.course_id, press.page)
    if shown is None:
        await alert(update, context.t("ns-result-not-found"))
        return
    await toast(update)
    await _turn(update, shown[1])


async def _meeting(context: FrontdeskContext, session_id: int) -> CourseSession | None:
    async with context.runtime.db.read() as session:
        meeting = await session.get(CourseSession, session_id)
    if meeting is None or meeting.status != SessionStatus.SCHEDULED:
        return None
    return meeting


@require_role("staff")
async def session_picked(update: Update, context: FrontdeskContext, press: SessionPick) -> None:
    """A class pressed: move it or cancel it."""
    meeting = await _meeting(context, press.session_id)
    if meeting is None:
        await alert(update, context.t("ns-refused-no-session"))
        return
    await toast(update)
    when = _school(context.runtime).when(meeting.starts_at, context.language)
    markup = keyboard(
        [
            [
                (context.t("ns-btn-session-move"), SessionMove(meeting.id)),
                (context.t("ns-btn-session-cancel"), AskCancelSession(meeting.id)),
            ]
        ]
    )
    await _say(update, context, context.t("ns-session-pick-action", when=when), markup)


@checks_role_inside("staff")
async def move_picked(update: Update, context: FrontdeskContext) -> int:
    """Move pressed: the new day and hours are asked."""
    if not await allowed(update, context, "staff", "ns_session move"):
        return ConversationHandler.END
    meeting = await _meeting(context, pressed(SessionMove, update).session_id)
    if meeting is None:
        await alert(update, context.t("ns-refused-no-session"))
        return ConversationHandler.END
    await toast(update)
    context.drafts.put(SessionChange(meeting.course_id, meeting.id))
    when = _school(context.runtime).when(meeting.starts_at, context.language)
    await _say(update, context, context.t("ns-session-ask-move", when=when))
    return NEW_TIME


@checks_role_inside("staff")
async def add_picked(update: Update, context: FrontdeskContext) -> int:
    """Add pressed: the day and hours of the new class are asked."""
    if not await allowed(update, context, "staff", "ns_session add"):
        return ConversationHandler.END
    course_id = pressed(SessionAdd, update).course_id
    if await _session_picker(context, course_id, 0) is None:
        await alert(update, context.t("ns-result-not-found"))
        return ConversationHandler.END
    await toast(update)
    context.drafts.put(SessionChange(course_id, None))
    await _say(update, context, context.t("ns-session-ask-add"))
    return NEW_TIME


async def time_typed(update: Update, context: FrontdeskContext) -> int:
    """The new day and hours in words ("下周四晚上7点到8点半", "next Friday", or the strict
    "2026-03-20 19:00-20:30"): stored, or asked again with the reason. A day alone keeps the
    class's own hours (moving) or the course's latest class's hours (adding)."""
    if not await allowed(update, context, "staff", "ns_session time"):
        context.drafts.pop(SessionChange)
        return ConversationHandler.END
    change = context.drafts.get(SessionChange)
    message = update.effective_message
    if change is None or message is None:
        return ConversationHandler.END
    runtime = context.runtime
    found = inputs.session_words(
        (message.text or "")[:200],
        runtime.clock.now(),
        runtime.centre.zone,
        runtime.hours.calendar,
        await _usual_hours(context, change),
    )
    if found is None:
        await _say(update, context, context.t("ns-session-ask-again"))
        return NEW_TIME
    done = await schedule_session(
        update, context, change.course_id, change.session_id, found[0], found[1],
        read_from_words=True,
    )  # fmt: skip
    if not done:
        return NEW_TIME
    context.drafts.pop(SessionChange)
    return ConversationHandler.END


async def _usual_hours(context: FrontdeskContext, change: SessionChange) -> str | None:
    """``19:00-20:30``: the hours of the class being moved, or of the course's latest class."""
    async with context.runtime.db.read() as session:
        if change.session_id is not None:
            meeting = await session.get(CourseSession, change.session_id)
            meetings = [meeting] if meeting is not None else []
        else:
            meetings = await courses.sessions_of(session, change.course_id)
    if not meetings:
        return None
    zone = context.runtime.centre.zone
    start, end = (at.astimezone(zone) for at in (meetings[-1].starts_at, meetings[-1].ends_at))
    return f"{start:%H:%M}-{end:%H:%M}"


async def stop(update: Update, context: FrontdeskContext) -> int:
    """/cancel while the time is asked: nothing changes."""
    context.drafts.pop(SessionChange)
    await _say(update, context, context.t("ns-session-dropped"))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int:
    """A photo or sticker while the time is asked."""
    await _say(update, context, context.t("ns-session-ask-again"))
    return NEW_TIME
