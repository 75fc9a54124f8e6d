"""All tables; importing this module fills ``Base.metadata`` (Alembic and tests rely on it)."""

from bot.storage.base import Base
from bot.storage.models.askstaff import StaffQuestion
from bot.storage.models.audit import AuditEntry
from bot.storage.models.broadcast import Broadcast, TopicOptOut
from bot.storage.models.events import Event, EventSignup
from bot.storage.models.feedback import (
    DigestDelivery,
    DigestSubscription,
    Feedback,
    FeedbackSubmission,
    FeedbackTag,
)
from bot.storage.models.hours import DataVersion, HolidayNotice, VenueException
from bot.storage.models.inbox import InboxEffect, InboxUpdate
from bot.storage.models.nightschool import Attendance, Course, CourseSession, DrawRank, Enrolment
from bot.storage.models.outbox import OutboxBody, OutboxMessage, OutboxTally
from bot.storage.models.privacy import PrivacyNotice
from bot.storage.models.reminders import ReminderPreference, ReminderScan
from bot.storage.models.users import User, UserRole

__all__ = [
    "Attendance",
    "AuditEntry",
    "Base",
    "Broadcast",
    "Course",
    "CourseSession",
    "DataVersion",
    "DigestDelivery",
    "DigestSubscription",
    "DrawRank",
    "Enrolment",
    "Event",
    "EventSignup",
    "Feedback",
    "FeedbackSubmission",
    "FeedbackTag",
    "HolidayNotice",
    "InboxEffect",
    "InboxUpdate",
    "OutboxBody",
    "OutboxMessage",
    "OutboxTally",
    "PrivacyNotice",
    "ReminderPreference",
    "ReminderScan",
    "StaffQuestion",
    "TopicOptOut",
    "User",
    "UserRole",
    "VenueException",
]
