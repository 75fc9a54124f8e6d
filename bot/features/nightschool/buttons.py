"""The night school's buttons: one frozen dataclass per action (``bot.callbacks``).

The wire forms are those the buttons always had (``ns:acc:12``), so buttons already in
people's chats keep working.
"""

from __future__ import annotations

from bot.callbacks import Callback, callback


@callback("ns:list")
class AllCourses(Callback):
    page: int


@callback("ns:card")
class CourseCard(Callback):
    course_id: int


@callback("ns:join")
class Join(Callback):
    course_id: int


@callback("ns:leave")
class Leave(Callback):
    course_id: int


@callback("ns:leaveok")
class ConfirmLeave(Callback):
    """The "yes, cancel" of the confirmation that ``Leave`` now asks for."""

    course_id: int


@callback("ns:undo")
class UndoLeave(Callback):
    """Put me back where I was (for ten minutes after leaving)."""

    course_id: int


@callback("ns:staff")
class AskStaff(Callback):
    """ "Talk to staff" where the bot cannot do it itself (a late cancellation)."""

    course_id: int


@callback("ns:acc")
class Accept(Callback):
    """The offer's "accept" (built by the service with the offer)."""

    enrolment_id: int


@callback("ns:dec")
class Decline(Callback):
    enrolment_id: int


@callback("ns:ics")
class CourseCalendar(Callback):
    course_id: int


@callback("ns:sc")
class StaffCard(Callback):
    course_id: int


@callback("ns:pub")
class Publish(Callback):
    course_id: int


@callback("ns:ccl")
class AskCancelCourse(Callback):
    course_id: int


@callback("ns:ccn")
class KeepCourse(Callback):
    """ "No, keep it" under the question whether to cancel a course: nothing changes."""

    course_id: int


@callback("ns:ccy")
class CancelCourse(Callback):
    course_id: int


@callback("ns:drw")
class Draw(Callback):
    course_id: int


@callback("ns:ros")
class Roster(Callback):
    course_id: int


@callback("ns:csv")
class RosterCsv(Callback):
    course_id: int


@callback("ns:xls")
class RosterXlsx(Callback):
    course_id: int


@callback("ns:att")
class AttendanceSessions(Callback):
    course_id: int


@callback("ns:ats")
class AttendanceSheet(Callback):
    session_id: int


@callback("ns:atm")
class MarkAttendance(Callback):
    session_id: int
    enrolment_id: int


@callback("ns:ses")
class Sessions(Callback):
    course_id: int


@callback("ns:sxc")
class AskCancelSession(Callback):
    session_id: int


@callback("ns:sxy")
class CancelSession(Callback):
    session_id: int


@callback("ns:sxn")
class KeepSession(Callback):
    """ "Keep it" under the question whether to cancel one class: nothing changes."""

    session_id: int


@callback("ns:edc")
class EditCourse(Callback):
    """Staff pick the course to change (/ns_edit)."""

    course_id: int


@callback("ns:edp")
class EditCoursePage(Callback):
    """Another page of the courses to pick from."""

    page: int


@callback("ns:edf")
class EditCourseField(Callback):
    """Staff pick what to change (``field`` is its place in the list of fields, from 0)."""

    course_id: int
    field: int


@callback("ns:ssc")
class SessionCourse(Callback):
    """Staff pick the course whose classes to change (/ns_session)."""

    course_id: int


@callback("ns:ssp")
class SessionCoursePage(Callback):
    """Another page of the courses to pick from (/ns_session)."""

    page: int


@callback("ns:ssl")
class SessionListPage(Callback):
    """Another page of a course's classes to pick from (/ns_session)."""

    course_id: int
    page: int


@callback("ns:sss")
class SessionPick(Callback):
    """Staff pick one class of the course (/ns_session): move or cancel it."""

    session_id: int


@callback("ns:ssm")
class SessionMove(Callback):
    """Move this class: the new day and time are asked."""

    session_id: int


@callback("ns:ssa")
class SessionAdd(Callback):
    """Add a class to this course: its day and time are asked."""

    course_id: int
