"""All tables; importing this module fills ``Base.metadata`` (Alembic and tests rely on it)."""

from bot.storage.base import Base
from bot.storage.models.audit import AuditEntry
from bot.storage.models.broadcast import Broadcast, TopicOptOut
from bot.storage.models.outbox import OutboxBody, OutboxMessage
from bot.storage.models.users import User, UserRole

__all__ = [
    "AuditEntry",
    "Base",
    "Broadcast",
    "OutboxBody",
    "OutboxMessage",
    "TopicOptOut",
    "User",
    "UserRole",
]
