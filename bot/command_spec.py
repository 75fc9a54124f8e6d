"""A command as the features declare it (no ``telegram`` here: the runtime holds the list)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command, the catalog key of its description, and who may see it."""

    name: str
    description_key: str
    role: str | None = None  # None: everyone; else the role needed (admins see all)
    # Shows or changes personal data: answered only in a private chat (a group gets a
    # pointer to the private chat instead, bot/tg/intake.private_only_gate).
    private: bool = False
