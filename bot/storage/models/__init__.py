"""All tables; importing this module fills ``Base.metadata`` (Alembic and tests rely on it)."""

from bot.storage.base import Base

# feature hours (venue exceptions) and askstaff (questions for a person)
from bot.storage.models.askstaff import StaffQuestion as StaffQuestion
from bot.storage.models.askstaff import StaffQuestionNotice as StaffQuestionNotice
from bot.storage.models.hours import VenueException as VenueException
from bot.storage.models.users import User, UserRole

__all__ = ["Base", "User", "UserRole"]
