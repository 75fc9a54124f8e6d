"""What a feature declares, and the application assembles (``bot.app.build_application``).

A feature is a package under ``bot/features/``; it exposes one :class:`Manifest`. Nothing in a
manifest runs at import time: services are factories, jobs name their schedule, and the
application builds everything once, in order, from the list in ``bot.features.MANIFESTS``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import time
from typing import TYPE_CHECKING, Any

from bot.callbacks import Callback
from bot.commands import CommandSpec
from bot.runtime import Runtime

if TYPE_CHECKING:
    from bot.context import FrontdeskApplication, FrontdeskContext, MenuAction
    from bot.services.digest import DigestSection
    from bot.services.privacy import DataSection
    from bot.services.reminders import ReminderSource
    from bot.tg.forms import WaitingStep
    from bot.tg.prefetch import Prefetch


@dataclass(frozen=True, slots=True)
class Job:
    """A job of the feature: every ``every(runtime)`` seconds, or daily at ``daily(runtime)``."""

    name: str
    callback: Callable[[FrontdeskContext], Any]
    every: Callable[[Runtime], float] | None = None
    daily: Callable[[Runtime], time] | None = None


def _no_sections(_: Runtime) -> Sequence[DataSection]:
    return ()


def _no_sources() -> Sequence[ReminderSource]:
    return ()


def _no_digest() -> Sequence[DigestSection]:
    return ()


@dataclass(frozen=True, slots=True)
class Manifest:
    """One feature: its commands, handlers, menu actions, data section, reminders, jobs, services.

    - ``install(app)`` adds the feature's handlers (its services already exist);
    - ``menu_actions``: main-menu action name → handler;
    - ``privacy(runtime)``: the feature's data sections for export, forget and retention;
    - ``reminders()``: the kinds of item residents are reminded of;
    - ``digest()``: what the feature adds to the organisers' daily digest (``DigestSection``);
    - ``services``: factories run once when the application is built, looked up by type
      (``context.services.get(Type)``);
    - ``buttons``: the role each staff button needs (button class → role), as ``commands``
      do with ``role=``: the application refuses to build if a handler's guard differs;
    - ``prefetches``: reads the feature's handlers make at the start of many updates, made
      once per claimed batch of the inbox instead (bot/tg/prefetch.py);
    - ``waiting_steps``: the feature's own steps waiting for text outside PTB's conversations,
      which another form or a conversation with staff supersedes (:class:`WaitingStep`).
    """

    name: str
    install: Callable[[FrontdeskApplication], None]
    commands: Sequence[CommandSpec] = ()
    menu_actions: Mapping[str, MenuAction] = field(default_factory=dict)
    privacy: Callable[[Runtime], Sequence[DataSection]] = _no_sections
    reminders: Callable[[], Sequence[ReminderSource]] = _no_sources
    # Blocks added to the organisers' daily digest (bot.services.digest).
    digest: Callable[[], Sequence[DigestSection]] = _no_digest
    jobs: Sequence[Job] = ()
    services: Sequence[Callable[[FrontdeskApplication], object]] = ()
    buttons: Mapping[type[Callback], str] = field(default_factory=dict)
    prefetches: Sequence[Prefetch] = ()
    waiting_steps: Sequence[WaitingStep] = ()
