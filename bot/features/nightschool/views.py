"""Night school for residents: the school of a runtime, replies, and the course card."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.nightschool import courses, enrolment
from bot.features.nightschool.buttons import Accept, AllCourses, Decline, Join, Leave
from bot.features.nightschool.common import (
    APPLIED,
    ENROLLED,
    FCFS,
    OFFERED,
    WAITLISTED,
    CourseStatus,
    School,
    SessionStatus,
)
from bot.i18n import Translator
from bot.runtime import Runtime

log = logging.getLogger(__name__)


SESSIONS_SHOWN = 12


def school_of(runtime: Runtime) -> School:
    return School(runtime.catalog, runtime.centre, runtime.settings.nightschool)


def _lang(context: FrontdeskContext) -> str:
    return context.language


def _seats_line(t: Translator, view: courses.CourseView) -> str:
    course = view.course
    if course.mode == FCFS or course.drawn_at is not None:
        if view.seats_left > 0:
            return t("ns-seats-left", left=view.seats_left, capacity=course.capacity)
        return t("ns-seats-full", capacity=course.capacity, waiting=view.waiting)
    return t("ns-seats-lottery", capacity=course.capacity, applications=view.applications)


def _mine_line(t: Translator, school: School, lang: str, mine: enrolment.Outcome) -> str:
    if mine.status == ENROLLED:
        return t("ns-mine-enrolled")
    if mine.status == WAITLISTED:
        return t("ns-mine-waitlisted", position=mine.position or 0)
    if mine.status == OFFERED and mine.offer_expires_at is not None:
        return t("ns-mine-offered", deadline=school.when(mine.offer_expires_at, lang))
    if mine.status == APPLIED:
        return t("ns-mine-applied")
    return ""


# Over 60 lines on purpose: the resident's card, top to bottom, with the buttons their standing
# allows.
def render_card(
    context: FrontdeskContext, view: courses.CourseView, mine: enrolment.Outcome
) -> tuple[str, InlineKeyboardMarkup]:
    """A course's card and the buttons that fit the person's standing."""
    t, lang = context.t, _lang(context)
    school = school_of(context.runtime)
    course = view.course
    now = context.runtime.clock.now()
    shown = [
        school.span(s.starts_at, s.ends_at, lang)
        if s.status == SessionStatus.SCHEDULED
        else t("ns-session-cancelled-mark", when=school.span(s.starts_at, s.ends_at, lang))
        for s in view.sessions[:SESSIONS_SHOWN]
    ]
    if len(view.sessions) > SESSIONS_SHOWN:
        shown.append(t("ns-more-sessions", count=len(view.sessions) - SESSIONS_SHOWN))
    if now < course.signup_opens_at:
        window = t("ns-window-not-open", opens=school.when(course.signup_opens_at, lang))
    elif now >= course.signup_closes_at:
        window = t("ns-window-closed")
    else:
        window = t("ns-window-open", closes=school.when(course.signup_closes_at, lang))
    text = t(
        "ns-card",
        title=school.title(course, lang),
        description=course.description_en if lang == "en" else course.description_zh,
        teacher=course.teacher,
        venue=school.venue(course.venue_id, lang),
        fee=school.fee(course.fee_fen, lang),
        count=sum(1 for s in view.sessions if s.status == SessionStatus.SCHEDULED),
        sessions="\n".join(shown),
        window=window,
        seats=_seats_line(t, view),
        mine=_mine_line(t, school, lang, mine),
    )
    if course.status == CourseStatus.CANCELLED:
        text = t("ns-card-cancelled") + "\n" + text
    rows: list[list[InlineKeyboardButton]] = []
    cid = course.id
    status = mine.status if mine.code == enrolment.ALREADY else None
    open_now = course.status == CourseStatus.PUBLISHED and course.signup_opens_at <= now
    open_now = open_now and now < course.signup_closes_at
    if status == ENROLLED:
        rows.append([InlineKeyboardButton(t("ns-btn-leave"), callback_data=encode(Leave(cid)))])
    elif status == WAITLISTED:
        label = t("ns-btn-leave-waitlist")
        rows.append([InlineKeyboardButton(label, callback_data=encode(Leave(cid)))])
    elif status == APPLIED:
        rows.append([InlineKeyboardButton(t("ns-btn-withdraw"), callback_data=encode(Leave(cid)))])
    elif status == OFFERED and mine.enrolment_id is not None:
        rows.append(
            [
                InlineKeyboardButton(
                    t("ns-btn-accept"), callback_data=encode(Accept(mine.enrolment_id))
                ),
                InlineKeyboardButton(
                    t("ns-btn-decline"), callback_data=encode(Decline(mine.enrolment_id))
                ),
            ]
        )
    elif open_now:
        if course.mode != FCFS:
            key = "ns-btn-apply"
        else:
            key = "ns-btn-join" if view.seats_left > 0 else "ns-btn-waitlist"
        rows.append([InlineKeyboardButton(t(key), callback_data=encode(Join(cid)))])
    rows.append([InlineKeyboardButton(t("ns-btn-all"), callback_data=encode(AllCourses(0)))])
    return text, InlineKeyboardMarkup(rows)


def result_text(t: Translator, outcome: enrolment.Outcome, **args: object) -> str:
    """The text for what a press did: one catalog key per outcome, written out."""
    code, status = enrolment.Code, outcome.status
    match outcome.code:
        case code.ENROLLED:
            return t("ns-result-enrolled", **args)
        case code.WAITLISTED:
            return t("ns-result-waitlisted", **args)
        case code.APPLIED:
            return t("ns-result-applied", **args)
        case code.ALREADY if status == ENROLLED:
            return t("ns-result-already-enrolled", **args)
        case code.ALREADY if status == WAITLISTED:
            return t("ns-result-already-waitlisted", **args)
        case code.ALREADY if status == OFFERED:
            return t("ns-result-already-offered", **args)
        case code.ALREADY:
            return t("ns-result-already-applied", **args)
        case code.LEFT:
            return t("ns-result-left", **args)
        case code.ACCEPTED:
            return t("ns-result-accepted", **args)
        case code.DECLINED:
            return t("ns-result-declined", **args)
        case code.NOT_FOUND:
            return t("ns-result-not-found", **args)
        case code.COURSE_CANCELLED:
            return t("ns-result-course-cancelled", **args)
        case code.NOT_OPEN:
            return t("ns-result-not-open", **args)
        case code.CLOSED:
            return t("ns-result-closed", **args)
        case code.LIMIT:
            return t("ns-result-limit", **args)
        case code.CUTOFF:
            return t("ns-result-cutoff", **args)
        case code.NOT_YOURS:
            return t("ns-result-not-yours", **args)
        case code.OFFER_GONE:
            return t("ns-result-offer-gone", **args)
        case code.NOTHING:
            return t("ns-result-nothing", **args)
        case code.UNDONE:
            return t("ns-result-undone", **args)
        case code.UNDO_EXPIRED:
            return t("ns-result-undo-expired", **args)
        case code.SEAT_GONE:
            return t("ns-result-seat-gone", **args)
