"""Every table of the database: the platform's and each feature's own ``models`` module.

Importing this module fills ``Base.metadata`` with the whole schema; Alembic's environment,
the schema tests and anything generic over all tables start here. A new feature with tables
adds one line below (a test fails if a ``bot/features/*/models.py`` is missing here).
"""

from bot.features.askstaff import models as askstaff
from bot.features.broadcast import models as broadcast
from bot.features.events import models as events
from bot.features.feedback import models as feedback
from bot.features.holidays import models as holidays
from bot.features.hours import models as hours
from bot.features.nightschool import models as nightschool
from bot.features.questions import models as questions
from bot.features.surveys import models as surveys
from bot.storage import models as platform
from bot.storage.base import Base

FEATURE_MODELS = (
    askstaff,
    broadcast,
    events,
    feedback,
    holidays,
    hours,
    nightschool,
    questions,
    surveys,
)

__all__ = ["FEATURE_MODELS", "Base", "platform"]
