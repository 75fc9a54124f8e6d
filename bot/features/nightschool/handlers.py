"""Night school for residents: /classes, course cards, sign-up buttons, /myclasses, offers.

Staff tools live in :mod:`bot.features.nightschool.staff` and are registered from here.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Update
from telegram.ext import CommandHandler

from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.nightschool import buttons, courses, enrolment, files, staff
from bot.features.nightschool.buttons import (
    Accept,
    AllCourses,
    AskStaff,
    ConfirmLeave,
    CourseCalendar,
    CourseCard,
    Decline,
    Join,
    Leave,
    UndoLeave,
)
from bot.features.nightschool.class_reminders import ClassReminderSource, closure_note
from bot.features.nightschool.common import APPLIED, ENROLLED, FCFS, OFFERED, WAITLISTED
from bot.features.nightschool.data import NightschoolData
from bot.features.nightschool.views import (
    _lang,
    _mine_line,
    render_card,
    result_text,
    school_of,
)
from bot.i18n import Markup
from bot.manifest import Job, Manifest
from bot.tg.buttons import on
from bot.tg.deeplink import link_gone, link_of, on_start
from bot.tg.reply import alert, say, show, toast

log = logging.getLogger(__name__)


COMMANDS = [
    CommandSpec("classes", "cmd-classes"),
    CommandSpec("myclasses", "cmd-myclasses", private=True),
    *staff.COMMANDS,
]


async def list_classes(update: Update, context: FrontdeskContext) -> None:
    """/classes and the menu button: open courses with seats left, one button each."""
    runtime = context.runtime
    lang = _lang(context)
    school = school_of(runtime)
    async with runtime.db.read() as session:
        found = await courses.open_courses(session, runtime.clock.now())
    if not found:
        await show(update, context.t("ns-list-empty"))
        return
    lines = [context.t("ns-list-title")]
    buttons = []
    for course in found:
        title = school.title(course, lang)
        if course.mode == FCFS:
            left = max(course.capacity - course.taken, 0)
            seats = context.t("ns-list-seats", left=left) if left else context.t("ns-list-full")
        else:
            seats = context.t("ns-list-lottery")
        lines.append(context.t("ns-list-line", title=title, seats=seats))
        buttons.append(
            [InlineKeyboardButton(title[:60], callback_data=encode(CourseCard(course.id)))]
        )
    await show(update, "\n".join(lines), InlineKeyboardMarkup(buttons))


async def show_course_named(update: Update, context: FrontdeskContext, hint: str) -> bool:
    """ "我想报名太极": the card of the open course whose title has those words; ``False`` when
    none does (the caller may look among the events, then list the classes)."""
    async with context.runtime.db.read() as session:
        found = await courses.open_courses(session, context.runtime.clock.now())
    wanted = hint.casefold().strip()
    for course in found if wanted else ():
        titles = (course.title_zh.casefold(), course.title_en.casefold())
        if any(wanted in title for title in titles) and await _card(update, context, course.id):
            return True
    return False


async def _card(
    update: Update,
    context: FrontdeskContext,
    course_id: int,
    note: str = "",
    *,
    undo: bool = False,
    cutoff: bool = False,
) -> bool:
    """Show a course card; ``False`` (and a clear answer) if the course is not there.

    ``undo``: the person has just left; the card offers to put them back (ten minutes).
    ``cutoff``: too late to cancel here; "talk to staff" takes the place of "cancel".
    """
    assert context.profile is not None
    async with context.runtime.db.read() as session:
        view = await courses.load_course(session, course_id)
        mine = await enrolment.standing(session, course_id, context.profile.id)
    if view is None:
        return False
    text, markup = render_card(context, view, mine)
    if cutoff:
        # The card's "cancel" could only be refused again: offer a person instead.
        leave = encode(Leave(course_id))
        staff = InlineKeyboardButton(
            context.t("ns-btn-ask-staff"), callback_data=encode(AskStaff(course_id))
        )
        markup = InlineKeyboardMarkup(
            [
                [staff] if any(b.callback_data == leave for b in row) else list(row)
                for row in markup.inline_keyboard
            ]
        )
    if note:
        text = note + "\n\n" + text
    if undo:
        label = context.t("ns-btn-undo")
        rows = [[InlineKeyboardButton(label, callback_data=encode(UndoLeave(course_id)))]]
        markup = InlineKeyboardMarkup([*rows, *markup.inline_keyboard])
    await show(update, text, markup)
    return True


def _result_text(context: FrontdeskContext, outcome: enrolment.Outcome) -> str:
    deadline = ""
    if outcome.offer_expires_at is not None:
        deadline = school_of(context.runtime).when(outcome.offer_expires_at, _lang(context))
    return result_text(context.t, outcome, position=outcome.position or 0, deadline=deadline)


async def course_link(update: Update, context: FrontdeskContext) -> None:
    """``/start course_12`` (a poster's QR code): the course's card."""
    course_id = link_of(update).number
    if not await _card(update, context, course_id):
        await link_gone(update, context)


async def show_card(update: Update, context: FrontdeskContext, press: CourseCard) -> None:
    """A course card from the list."""
    course_id = press.course_id
    if not await _card(update, context, course_id):
        await alert(update, context.t("ns-result-not-found"))
        return
    await toast(update)


async def _change_place(
    update: Update,
    context: FrontdeskContext,
    course_id: int,
    change: Callable[..., Awaitable[enrolment.Outcome]],
) -> None:
    """Sign up or leave: the database decides, the person is told, the card is redrawn."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await change(
            session, school_of(runtime), course_id, context.profile.id, runtime.clock.now()
        )
    if outcome.code == enrolment.CUTOFF:
        await _too_late_to_cancel(update, context, course_id)
        return
    text = _result_text(context, outcome)
    await toast(update, text, alert=not outcome.changed)
    if outcome.code != enrolment.NOT_FOUND:
        note = text if outcome.changed else ""
        if outcome.passed_on:  # said instead of an undo button that could only fail
            note += "\n" + context.t("ns-left-seat-passed-on")
        await _card(update, context, course_id, note=note, undo=outcome.undoable)


async def _too_late_to_cancel(update: Update, context: FrontdeskContext, course_id: int) -> None:
    """The rule said in the card itself (a pop-up is easily missed), and a person to ask."""
    hours = school_of(context.runtime).rules.cancel_cutoff_hours
    await toast(update)
    await _card(
        update, context, course_id, note=context.t("ns-cutoff-note", hours=hours), cutoff=True
    )


async def ask_staff(update: Update, context: FrontdeskContext, press: AskStaff) -> None:
    """ "Talk to staff" under a late cancellation: the main menu's "talk to a person"."""
    await toast(update)
    handler = context.bot_data.menu_actions.get("ask")
    if handler is None:
        await say(update, context.t("ns-ask-staff-fallback"))
        return
    await handler(update, context)


async def join(update: Update, context: FrontdeskContext, press: Join) -> None:
    """Sign up / join the waitlist / apply: the database decides, the person is told."""
    await _change_place(update, context, press.course_id, enrolment.sign_up)


async def leave(update: Update, context: FrontdeskContext, press: Leave) -> None:
    """The card's "cancel": first ask, since one tap must not lose a seat."""
    assert context.profile is not None
    async with context.runtime.db.read() as session:
        view = await courses.load_course(session, press.course_id)
        mine = await enrolment.standing(session, press.course_id, context.profile.id)
    if view is None or mine.code != enrolment.ALREADY:
        gone = enrolment.Outcome(enrolment.NOT_FOUND if view is None else enrolment.NOTHING)
        await alert(update, _result_text(context, gone))
        return
    if mine.status == ENROLLED:
        async with context.runtime.db.read() as session:
            late = await enrolment.cancel_cutoff_passed(
                session, school_of(context.runtime), press.course_id, context.runtime.clock.now()
            )
        if late:  # asking "are you sure?" first would only lead to a refusal
            await _too_late_to_cancel(update, context, press.course_id)
            return
    title = school_of(context.runtime).title(view.course, _lang(context))
    key = "ns-leave-confirm-waitlist" if mine.status == WAITLISTED else "ns-leave-confirm"
    buttons = [
        InlineKeyboardButton(
            context.t("ns-btn-confirm-leave"), callback_data=encode(ConfirmLeave(press.course_id))
        ),
        InlineKeyboardButton(
            context.t("ns-btn-keep"), callback_data=encode(CourseCard(press.course_id))
        ),
    ]
    await toast(update)
    await show(update, context.t(key, title=title), InlineKeyboardMarkup([buttons]))


async def confirm_leave(update: Update, context: FrontdeskContext, press: ConfirmLeave) -> None:
    """Cancel a place, leave the waitlist, withdraw an application (confirmed)."""
    await _change_place(update, context, press.course_id, enrolment.withdraw)


async def undo_leave(update: Update, context: FrontdeskContext, press: UndoLeave) -> None:
    """Back where one was, unless ten minutes passed or the seat went to someone else."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await enrolment.undo_withdraw(
            session, press.course_id, context.profile.id, runtime.clock.now()
        )
    text = _result_text(context, outcome)
    await toast(update, text, alert=not outcome.changed)
    if outcome.code != enrolment.NOT_FOUND:
        await _card(update, context, press.course_id, note=text)


async def accept(update: Update, context: FrontdeskContext, press: Accept) -> None:
    """Accept an offered seat (the button of the offer message)."""
    enrolment_id = press.enrolment_id
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await enrolment.accept_offer(
            session, enrolment_id, context.profile.id, runtime.clock.now()
        )
    await _offer_answered(update, context, outcome)


async def decline(update: Update, context: FrontdeskContext, press: Decline) -> None:
    """Decline an offered seat; it goes to the next person waiting."""
    enrolment_id = press.enrolment_id
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome = await enrolment.decline_offer(
            session, school_of(runtime), enrolment_id, context.profile.id, runtime.clock.now()
        )
    await _offer_answered(update, context, outcome)


async def _offer_answered(
    update: Update, context: FrontdeskContext, outcome: enrolment.Outcome
) -> None:
    text = _result_text(context, outcome)
    await toast(update, text, alert=not outcome.changed)
    if outcome.changed:
        await show(update, text)


# /myclasses: what the next class time means for someone without a place yet.
_NO_PLACE_YET: dict[str, str] = {
    WAITLISTED: "ns-my-next-waitlisted",
    OFFERED: "ns-my-next-offered",
    APPLIED: "ns-my-next-applied",
}


async def my_classes(update: Update, context: FrontdeskContext) -> None:
    """/myclasses: places, offers, waitlist positions and the next session, with .ics buttons."""
    assert context.profile is not None
    runtime = context.runtime
    lang = _lang(context)
    school = school_of(runtime)
    async with runtime.db.read() as session:
        mine = await courses.my_courses(session, context.profile.id, runtime.clock.now())
    if not mine:
        await say(update, context.t("ns-my-empty"))
        return
    zone = runtime.centre.zone
    book = await runtime.hours.book(runtime.clock.now().astimezone(zone).date())
    lines = [context.t("ns-my-title")]
    rows = []
    for item in mine:
        standing = enrolment.Outcome(
            enrolment.ALREADY,
            item.course.id,
            item.enrolment.status,
            item.position,
            item.enrolment.offer_expires_at,
        )
        following = (
            school.span(item.next_session, item.next_session_ends, lang)
            if item.next_session and item.next_session_ends
            else context.t("ns-my-no-next")
        )
        if item.next_session and item.enrolment.status in _NO_PLACE_YET:
            # Not hers yet: the time is when the class meets, not when she is expected.
            following = context.t(_NO_PLACE_YET[item.enrolment.status], next=following)
        line = context.t(
            "ns-my-line",
            title=school.title(item.course, lang),
            status=Markup(_mine_line(context.t, school, lang, standing)),
            next=following,
            venue=school.venue(item.course.venue_id, lang),
        )
        if item.skipped is not None:
            line += "\n" + context.t("ns-my-leave", when=school.when(item.skipped, lang))
        starts, ends = item.next_session, item.next_session_ends
        # A closure or holiday: the session still stands (staff may not have answered the
        # closure's list yet), but say so, as its reminders do.
        note = closure_note(book, item.course.venue_id, starts, ends) if starts and ends else None
        if note is not None:
            line += "\n" + context.t(note)
        lines.append(line)
        title = school.title(item.course, lang)[:40]
        rows.append(
            [
                InlineKeyboardButton(title, callback_data=encode(CourseCard(item.course.id))),
                InlineKeyboardButton(
                    context.t("ns-btn-ics"), callback_data=encode(CourseCalendar(item.course.id))
                ),
            ]
        )
    lines.append(context.t("ns-my-events"))
    await say(update, "\n\n".join(lines), InlineKeyboardMarkup(rows))


async def send_ics(update: Update, context: FrontdeskContext, press: CourseCalendar) -> None:
    """The course's sessions as an iCalendar file."""
    course_id = press.course_id
    assert context.profile is not None
    runtime = context.runtime
    lang = _lang(context)
    async with runtime.db.read() as session:
        view = await courses.load_course(session, course_id)
        mine = await enrolment.standing(session, course_id, context.profile.id)
    if view is None:
        await alert(update, context.t("ns-result-not-found"))
        return
    if mine.code != enrolment.ALREADY:
        await alert(update, context.t("ns-ics-not-yours"))
        return
    name, data = files.course_calendar(school_of(runtime), view, lang, runtime.clock.now())
    await toast(update)
    assert update.effective_chat is not None
    await context.bot.send_document(
        update.effective_chat.id,
        InputFile(data, filename=name),
        caption=context.t("ns-ics-caption"),
    )


async def back_to_list(update: Update, context: FrontdeskContext, press: AllCourses) -> None:
    """The card's "all classes" button."""
    await toast(update)
    await list_classes(update, context)


async def expire_job(context: FrontdeskContext) -> None:
    """Every minute: offers past their deadline expire and move on."""
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        expired = await enrolment.expire_offers(session, school_of(runtime), runtime.clock.now())
    if expired:
        log.info("%d night-school offers expired", expired)


def install(app: FrontdeskApplication) -> None:
    """Staff tools, resident commands and every ``ns:`` button."""
    staff.register(app)
    app.add_handler(on_start("course", course_link))
    app.add_handler(CommandHandler("classes", list_classes))
    app.add_handler(CommandHandler("myclasses", my_classes))
    app.add_handlers(
        [
            on(AllCourses, back_to_list),
            on(CourseCard, show_card),
            on(Join, join),
            on(Leave, leave),
            on(ConfirmLeave, confirm_leave),
            on(UndoLeave, undo_leave),
            on(Accept, accept),
            on(Decline, decline),
            on(CourseCalendar, send_ics),
            on(AskStaff, ask_staff),
        ]
    )


MANIFEST = Manifest(
    name="nightschool",
    install=install,
    commands=COMMANDS,
    menu_actions={"classes": list_classes, "myclasses": my_classes},
    privacy=lambda runtime: [NightschoolData(school_of(runtime))],
    reminders=lambda: [ClassReminderSource()],
    jobs=[
        Job(
            "nightschool-expire-offers",
            expire_job,
            every=lambda runtime: float(runtime.settings.nightschool.expiry_check_seconds),
        )
    ],
    # The staff buttons and the role each needs (the guard of their handlers is checked).
    buttons={
        buttons.AskCancelCourse: "staff",
        buttons.AskCancelSession: "staff",
        buttons.AttendanceSessions: "staff",
        buttons.AttendanceSheet: "staff",
        buttons.CancelCourse: "staff",
        buttons.CancelSession: "staff",
        buttons.KeepSession: "staff",
        buttons.KeepCourse: "staff",
        buttons.Draw: "staff",
        buttons.EditCourse: "staff",
        buttons.EditCourseField: "staff",
        buttons.EditCoursePage: "staff",
        buttons.MarkAttendance: "staff",
        buttons.Publish: "staff",
        buttons.Roster: "staff",
        buttons.RosterCsv: "staff",
        buttons.RosterXlsx: "staff",
        buttons.Sessions: "staff",
        buttons.SessionAdd: "staff",
        buttons.SessionCourse: "staff",
        buttons.SessionCoursePage: "staff",
        buttons.SessionListPage: "staff",
        buttons.SessionMove: "staff",
        buttons.SessionPick: "staff",
        buttons.StaffCard: "staff",
    },
)
