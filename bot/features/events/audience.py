"""An event's attendees as an audience other features may reach (a declared interface)."""

from __future__ import annotations

from sqlalchemy import Select, select

from bot.features.events.models import EventSignup
from bot.storage.models import User

ACTIVE = "active"


def attendees(event_id: int) -> Select[int, int]:
    """``(chat_id, user_id)`` of the people signed up (not withdrawn) for ``event_id``."""
    return (
        select(User.telegram_id.label("chat_id"), User.id.label("user_id"))
        .join(EventSignup, EventSignup.user_id == User.id)
        .where(EventSignup.event_id == event_id, EventSignup.status == ACTIVE)
    )
