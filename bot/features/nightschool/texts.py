"""The catalog keys of the night school's statuses and refusals, written out (no keys are built
at run time, so the catalog test sees each one)."""

from __future__ import annotations

from bot.features.nightschool.common import CourseStatus, EnrolmentStatus, Mode
from bot.features.nightschool.courses import SessionProblem
from bot.features.nightschool.inputs import FIELDS, Problem
from bot.features.nightschool.lottery import DrawProblem
from bot.i18n import message_keys

COURSE_STATUS_TEXTS = message_keys(
    CourseStatus,
    {
        CourseStatus.DRAFT: "ns-status-draft",
        CourseStatus.PUBLISHED: "ns-status-published",
        CourseStatus.CANCELLED: "ns-status-cancelled",
    },
)
MODE_TEXTS = message_keys(Mode, {Mode.FCFS: "ns-mode-fcfs", Mode.LOTTERY: "ns-mode-lottery"})
# What a roster shows: only the statuses that hold or wait for a seat appear on it.
ROSTER_STATES = (
    EnrolmentStatus.ENROLLED,
    EnrolmentStatus.OFFERED,
    EnrolmentStatus.WAITLISTED,
    EnrolmentStatus.APPLIED,
)
STATE_TEXTS = message_keys(
    ROSTER_STATES,
    {
        EnrolmentStatus.ENROLLED: "ns-state-enrolled",
        EnrolmentStatus.OFFERED: "ns-state-offered",
        EnrolmentStatus.WAITLISTED: "ns-state-waitlisted",
        EnrolmentStatus.APPLIED: "ns-state-applied",
    },
)
INPUT_PROBLEM_TEXTS = message_keys(
    Problem,
    {
        Problem.CLOSES_AFTER_START: "ns-err-closes-after-start",
        Problem.DATE: "ns-err-date",
        Problem.FIRST_CLASS_PAST: "ns-err-first-class-past",
        Problem.EMPTY: "ns-err-empty",
        Problem.FEE: "ns-err-fee",
        Problem.MODE: "ns-err-mode",
        Problem.MOMENT: "ns-err-moment",
        Problem.NUMBER: "ns-err-number",
        Problem.ONE_LINE: "ns-err-one-line",
        Problem.TIME: "ns-err-time",
        Problem.TIME_RANGE: "ns-err-time-range",
        Problem.TOO_LONG: "ns-err-too-long",
        Problem.UNKNOWN_COLUMN: "ns-err-unknown-column",
        Problem.VENUE: "ns-err-venue",
        Problem.WINDOW: "ns-err-window",
    },
)
SESSION_PROBLEM_TEXTS = message_keys(
    SessionProblem,
    {
        SessionProblem.BELOW_HELD: "ns-refused-below-held",
        SessionProblem.COURSE_CANCELLED: "ns-refused-course-cancelled",
        SessionProblem.DUPLICATE: "ns-refused-duplicate",
        SessionProblem.NO_SESSION: "ns-refused-no-session",
        SessionProblem.NOT_FOUND: "ns-refused-not-found",
        SessionProblem.ORDER: "ns-refused-order",
        SessionProblem.RANGE: "ns-refused-range",
        SessionProblem.SESSION_CANCELLED: "ns-refused-session-cancelled",
        SessionProblem.STARTED: "ns-refused-started",
        SessionProblem.TOO_MANY: "ns-refused-too-many",
    },
)
DRAW_PROBLEM_TEXTS = message_keys(
    DrawProblem,
    {
        DrawProblem.NOT_FOUND: "ns-draw-not-found",
        DrawProblem.NOT_LOTTERY: "ns-draw-not-lottery",
        DrawProblem.NOT_CLOSED: "ns-draw-not-closed",
        DrawProblem.ALREADY_DRAWN: "ns-draw-already-drawn",
    },
)
# The question of each step of the guided course creation.
ASK_TEXTS = message_keys(
    FIELDS,
    {
        "title_zh": "ns-ask-title-zh",
        "title_en": "ns-ask-title-en",
        "description_zh": "ns-ask-description-zh",
        "description_en": "ns-ask-description-en",
        "teacher": "ns-ask-teacher",
        "venue": "ns-ask-venue",
        "fee": "ns-ask-fee",
        "capacity": "ns-ask-capacity",
        "mode": "ns-ask-mode",
        "first_date": "ns-ask-first-date",
        "time": "ns-ask-time",
        "weeks": "ns-ask-weeks",
        "opens": "ns-ask-opens",
        "closes": "ns-ask-closes",
    },
)
