"""A topic's followers as an audience other features may reach (a declared interface).

Everyone follows every topic unless they opted out (``topic_optouts``).
"""

from __future__ import annotations

from sqlalchemy import Select, exists, select

from bot.features.broadcast.models import TopicOptOut
from bot.storage.models import User

TOPICS = ("canteen", "health", "nightschool", "events")


def followers(topic: str) -> Select[int, int]:
    """``(chat_id, user_id)`` of the residents who did not opt out of ``topic``."""
    opted_out = exists().where(TopicOptOut.user_id == User.id, TopicOptOut.topic == topic)
    return select(User.telegram_id.label("chat_id"), User.id.label("user_id")).where(~opted_out)
