"""Roles' buttons (``bot.callbacks``): give or take a role, page through the audit log."""

from __future__ import annotations

from bot.callbacks import Callback, callback
from bot.services.users import ROLES


class _RoleChange(Callback):
    role: str
    telegram_id: int

    def __post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(self.role)


@callback("roles:grant")
class Grant(_RoleChange):
    role: str
    telegram_id: int


@callback("roles:revoke")
class Revoke(_RoleChange):
    role: str
    telegram_id: int


@callback("roles:audit")
class AuditPage(Callback):
    page: int

    def __post_init__(self) -> None:
        if not 0 <= self.page <= 9999:
            raise ValueError(self.page)


@callback("roles:pick")
class PickPerson(Callback):
    """A person picked from the list of /grant and /revoke."""

    telegram_id: int


@callback("roles:ppage")
class PeoplePage(Callback):
    """Another page of the people to pick from."""

    page: int

    def __post_init__(self) -> None:
        if not 0 <= self.page <= 999:
            raise ValueError(self.page)
