"""All handlers, registered in one place. Each feature module offers ``COMMANDS`` and
``register(app)``; the order below is the order in which they get a chance at an update."""

from __future__ import annotations

from types import ModuleType

from bot.commands import CommandSpec
from bot.context import FrontdeskApplication
from bot.handlers import broadcast, common, roles

FEATURES: tuple[ModuleType, ...] = (common, broadcast, roles)


def all_commands() -> list[CommandSpec]:
    """Every feature's commands, in registration order."""
    return [spec for feature in FEATURES for spec in feature.COMMANDS]


def register_all(app: FrontdeskApplication) -> None:
    """Add every feature's handlers, then the fallbacks that answer everything else."""
    for feature in FEATURES:
        feature.register(app)
    common.register_fallbacks(app)
