"""The platform's tables (users and roles, outbox, audit, privacy notices, reminders, centre
data). Each feature keeps its own tables in ``bot/features/<name>/models.py``; importing
:mod:`bot.schema` fills ``Base.metadata`` with every table (Alembic and tests rely on it)."""

from bot.storage.base import Base
from bot.storage.models.audit import AuditEntry
from bot.storage.models.data_versions import DataVersion
from bot.storage.models.inbox import InboxEffect, InboxUpdate
from bot.storage.models.outbox import OutboxBody, OutboxMessage, OutboxTally
from bot.storage.models.privacy import PrivacyNotice
from bot.storage.models.reminders import ReminderPreference, ReminderScan
from bot.storage.models.scaleout import FloodBucket, FormState, Instance, SendBucket
from bot.storage.models.users import User, UserRole

__all__ = [
    "AuditEntry",
    "Base",
    "DataVersion",
    "FloodBucket",
    "FormState",
    "InboxEffect",
    "InboxUpdate",
    "Instance",
    "OutboxBody",
    "OutboxMessage",
    "OutboxTally",
    "PrivacyNotice",
    "ReminderPreference",
    "ReminderScan",
    "SendBucket",
    "User",
    "UserRole",
]
