"""A command as the features declare it (no ``telegram`` here: the runtime holds the list)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from difflib import get_close_matches


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A command, the catalog key of its description, and who may see it."""

    name: str
    description_key: str
    role: str | None = None  # None: everyone; else the role needed (admins see all)
    # Shows or changes personal data: answered only in a private chat (a group gets a
    # pointer to the private chat instead, bot/tg/intake.private_only_gate).
    private: bool = False


# How alike a mistyped command must be to one of ours to be offered: "/hous" (0.89),
# "/clases" (0.92) and "/feedbak" (0.93) are; "/hello" and "/ask" (0.5) are not.
CLOSE_ENOUGH = 0.75


def closest(typed: str, names: Iterable[str]) -> str | None:
    """The command among ``names`` that ``typed`` ("hous", "Clases") most likely meant."""
    word = typed.casefold()
    found = get_close_matches(word, list(names), n=1, cutoff=CLOSE_ENOUGH)
    return found[0] if found else None
