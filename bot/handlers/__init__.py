"""All handlers, registered in one place. Each feature module offers ``COMMANDS`` and
``register(app)``; the order below is the order in which they get a chance at an update."""

from __future__ import annotations

from types import ModuleType

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication
from bot.handlers import (
    abuse,
    askstaff,
    broadcast,
    common,
    events,
    feedback,
    holidays,
    hours,
    nightschool,
    privacy,
    questions,
    reminders,
    roles,
)

FEATURES: tuple[ModuleType, ...] = (
    common,
    abuse,  # the per-user flood guard (group -90, after the profile is known)
    privacy,
    feedback,  # conversations: their text steps must come before free-text questions
    nightschool,  # conversations too (staff); registers nightschool_staff
    broadcast,  # a staff conversation; before roles' handler of forwarded messages
    roles,
    events,
    reminders,
    holidays,  # a staff conversation: before free-text questions
    hours,  # before questions: builds the shared matcher
    askstaff,  # before questions: a staff reply to a notification is an answer
    questions,  # free text; must stay the last feature before the fallbacks
)


def all_commands() -> list[CommandSpec]:
    """Every feature's commands, in registration order."""
    return [spec for feature in FEATURES for spec in feature.COMMANDS]


def register_all(app: FrontdeskApplication) -> None:
    """Add every feature's handlers, then the fallbacks that answer everything else."""
    for feature in FEATURES:
        feature.register(app)
    common.register_fallbacks(app)
