"""/ns_edit without codes (issue 16): the course from buttons (a page at a time, or words of
its title), what to change from buttons in words, then the new value in words as ``/ns_new``
understands it ("免费", "20人", "长风湾活动空间"). ``/ns_edit 3 费用 免费`` still works in one line.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from telegram import InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.error import BadRequest
from telegram.ext import ConversationHandler

from bot.callbacks import Callback
from bot.context import FrontdeskContext
from bot.features.nightschool import courses
from bot.features.nightschool.buttons import EditCourse, EditCourseField, EditCoursePage
from bot.features.nightschool.common import CourseStatus
from bot.features.nightschool.models import Course
from bot.features.nightschool.staff_base import (
    CAPACITY_FIELD,
    EDIT_FIELDS,
    _say,
    _school,
    _venue_names,
)
from bot.features.nightschool.staff_sessions import (
    FIELD_TEXTS,
    _field_named,
    apply_edit,
    edit_usage,
)
from bot.features.nightschool.texts import ASK_TEXTS, COURSE_STATUS_TEXTS
from bot.tg.buttons import keyboard, pressed
from bot.tg.guards import allowed, checks_role_inside, require_role
from bot.tg.pages import paged
from bot.tg.reply import alert, toast

log = logging.getLogger(__name__)

NEW_VALUE = 3  # the conversation's one state: waiting for the new value
COURSE_PAGE = 8  # courses per page of the list to pick from
COURSES_LISTED = 200
FIELDS = (*EDIT_FIELDS, CAPACITY_FIELD)  # a field button carries its place in this list
_NUMBER = re.compile(r"#?\d{1,12}")


@dataclass(slots=True)
class CourseEdit:
    """The course and the field being changed, until the new value arrives."""

    course_id: int
    field: str


async def _courses(context: FrontdeskContext) -> list[Course]:
    async with context.runtime.db.read() as session:
        found = await courses.all_courses(session, limit=COURSES_LISTED)
    return [c for c in found if c.status != CourseStatus.CANCELLED]


def course_picker(
    context: FrontdeskContext,
    found: list[Course],
    page: int,
    pick: Callable[[int], Callback] = EditCourse,
    turn: Callable[[int], Callback] = EditCoursePage,
) -> InlineKeyboardMarkup:
    """Page ``page`` of the courses as buttons ("#3 书法 · 报名中"): ``pick(id)`` is a course's
    button data, ``turn(n)`` the data showing page ``n`` (shared with /ns_session's picker)."""
    t, school, lang = context.t, _school(context.runtime), context.language
    items = [
        (
            t(
                "ns-staff-course-button",
                id=str(c.id),
                title=school.title(c, lang)[:40],
                status=t(COURSE_STATUS_TEXTS[CourseStatus(c.status)]),
            ),
            pick(c.id),
        )
        for c in found
    ]
    return paged(t, items, page, COURSE_PAGE, turn)


def _titled(found: list[Course], words: str) -> list[Course]:
    wanted = words.strip().lower()
    return [c for c in found if wanted in c.title_zh.lower() or wanted in c.title_en.lower()]


async def courses_named(context: FrontdeskContext, words: str) -> tuple[list[Course], bool]:
    """The courses whose title holds ``words`` and True, or all of them and False (no words,
    or none matched): what /ns_edit and /ns_session offer to pick from."""
    found = await _courses(context)
    named = _titled(found, words[:100]) if words.strip() else []
    return (named, True) if named else (found, False)


async def _offer_fields(update: Update, context: FrontdeskContext, course_id: int) -> None:
    """What can be changed, as buttons in the reader's words."""
    async with context.runtime.db.read() as session:
        course = await session.get(Course, course_id)
    if course is None or course.status == CourseStatus.CANCELLED:
        await _say(update, context, context.t("ns-result-not-found"))
        return
    items = [
        (context.t(FIELD_TEXTS[name]), EditCourseField(course_id, number))
        for number, name in enumerate(FIELDS)
    ]
    markup = keyboard([items[i : i + 2] for i in range(0, len(items), 2)])
    title = _school(context.runtime).title(course, context.language)
    await _say(update, context, context.t("ns-edit-pick-field", title=title), markup)


def _value_keyboard(context: FrontdeskContext, field: str) -> ReplyKeyboardMarkup | None:
    """The venues as buttons when the venue is asked (typing a name still works)."""
    if field != "venue":
        return None
    names = [v.name.get(context.language) for v in context.runtime.centre.venues]
    rows = [names[i : i + 2] for i in range(0, len(names), 2)]
    return ReplyKeyboardMarkup(rows, one_time_keyboard=True, resize_keyboard=True)


async def value_keyboard(context: FrontdeskContext, step: object) -> ReplyKeyboardMarkup | None:
    """The buttons the new value's question showed, for asking it again."""
    edit = context.drafts.get(CourseEdit)
    return _value_keyboard(context, edit.field) if edit is not None else None


async def _ask_value(update: Update, context: FrontdeskContext, course_id: int, field: str) -> int:
    context.drafts.put(CourseEdit(course_id, field))
    extra = {"known": _venue_names(context)} if field == "venue" else {}
    head = context.t("ns-edit-ask-value", field=context.t(FIELD_TEXTS[field]))
    markup = _value_keyboard(context, field) or ReplyKeyboardRemove()
    await _say(update, context, head + "\n" + context.t(ASK_TEXTS[field], **extra), markup)
    return NEW_VALUE


@require_role("staff")
async def edit_command(update: Update, context: FrontdeskContext) -> int:
    """/ns_edit [course [field [new value]]]: what is missing is offered as buttons."""
    message = update.effective_message
    assert message is not None
    parts = (message.text or "").split(maxsplit=3)
    context.drafts.pop(CourseEdit)
    if len(parts) >= 2 and _NUMBER.fullmatch(parts[1]):
        course_id = int(parts[1].lstrip("#"))
        field = _field_named(context, parts[2]) if len(parts) > 2 else None
        if len(parts) == 2:
            await _offer_fields(update, context, course_id)
            return ConversationHandler.END
        if field is not None and len(parts) == 4:
            await apply_edit(update, context, course_id, field, parts[3])
            return ConversationHandler.END
        if field is not None:
            return await _ask_value(update, context, course_id, field)
        await _say(update, context, edit_usage(context))
        return ConversationHandler.END
    found, matched = await courses_named(context, " ".join(parts[1:]))
    if matched and len(found) == 1:
        await _offer_fields(update, context, found[0].id)
        return ConversationHandler.END
    if not found:
        await _say(update, context, context.t("ns-staff-none"))
        return ConversationHandler.END
    await _say(update, context, context.t("ns-edit-pick-course"), course_picker(context, found, 0))
    return ConversationHandler.END


@require_role("staff")
async def course_picked(update: Update, context: FrontdeskContext, press: EditCourse) -> None:
    """A course pressed in the list: what can be changed."""
    await toast(update)
    await _offer_fields(update, context, press.course_id)


@require_role("staff")
async def course_page(update: Update, context: FrontdeskContext, press: EditCoursePage) -> None:
    """◀ / ▶ in the list of courses."""
    found = await _courses(context)
    await toast(update)
    query = update.callback_query
    assert query is not None
    try:
        await query.edit_message_reply_markup(course_picker(context, found, press.page))
    except BadRequest as exc:  # the page shown already ("message is not modified")
        log.debug("course list not turned: %s", exc)


@checks_role_inside("staff")
async def field_picked(update: Update, context: FrontdeskContext) -> int:
    """A field pressed: ask for the new value in words."""
    if not await allowed(update, context, "staff", "ns_edit field"):
        return ConversationHandler.END
    press = pressed(EditCourseField, update)
    if not 0 <= press.field < len(FIELDS):
        await alert(update, context.t("button-invalid"))
        return ConversationHandler.END
    await toast(update)
    return await _ask_value(update, context, press.course_id, FIELDS[press.field])


async def value_typed(update: Update, context: FrontdeskContext) -> int:
    """The new value; one not understood is explained and asked again."""
    message = update.effective_message
    assert message is not None
    edit = context.drafts.get(CourseEdit)
    if edit is None:
        return ConversationHandler.END
    if not await allowed(update, context, "staff", "ns_edit value"):
        context.drafts.pop(CourseEdit)
        return ConversationHandler.END
    again = _value_keyboard(context, edit.field)  # a value refused is asked with its buttons
    if not await apply_edit(update, context, edit.course_id, edit.field, message.text or "", again):
        return NEW_VALUE
    context.drafts.pop(CourseEdit)
    return ConversationHandler.END


async def stop(update: Update, context: FrontdeskContext) -> int:
    """/cancel while the new value is asked: nothing changes."""
    context.drafts.pop(CourseEdit)
    await _say(update, context, context.t("ns-cancelled-conversation"), ReplyKeyboardRemove())
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int:
    """A photo or sticker instead of the new value (asked again with its buttons)."""
    await _say(update, context, context.t("ns-err-need-text"), await value_keyboard(context, None))
    return NEW_VALUE
