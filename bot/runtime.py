"""Everything a handler may use, built once per application by :func:`bot.app.build_runtime`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.centre import Centre
from bot.clock import Clock
from bot.i18n import Catalog
from bot.services.hours_data import HoursData
from bot.services.users import ProfileCache
from bot.settings import Settings
from bot.storage.db import Database

if TYPE_CHECKING:
    from bot.command_spec import CommandSpec
    from bot.services.digest_parts import DigestPart
    from bot.services.privacy import DataSection
    from bot.services.reminders import ReminderSource


@dataclass
class Runtime:
    """The application's services; no import-time singletons anywhere."""

    settings: Settings
    centre: Centre
    db: Database
    catalog: Catalog
    clock: Clock
    hours: HoursData  # holiday calendar and staff exceptions, cached per instance
    commands: list[CommandSpec] = field(default_factory=list)
    # From the features' manifests (bot.features), built once by bot.app.build_runtime.
    privacy_sections: tuple[DataSection, ...] = ()
    reminder_sources: tuple[ReminderSource, ...] = ()
    digest_parts: tuple[DigestPart, ...] = ()  # what features add to the organisers' digest
    profiles: ProfileCache = field(default_factory=ProfileCache)
