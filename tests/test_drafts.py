"""Conversation drafts: one typed accessor is the only way to ``user_data``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bot.context import Drafts

BOT = Path(__file__).resolve().parents[1] / "bot"


@dataclass
class Letter:
    text: str


@dataclass
class Parcel:
    weight: int


def test_drafts_are_kept_one_per_type() -> None:
    """A draft is found by its type, replaced by a new one of the same type, and gone once
    popped; drafts of other types are untouched."""
    drafts = Drafts({})
    assert drafts.get(Letter) is None
    first = drafts.put(Letter("hi"))
    drafts.put(Parcel(3))
    assert drafts.get(Letter) is first
    drafts.put(Letter("again"))
    assert drafts.get(Letter) == Letter("again")
    assert drafts.pop(Letter) == Letter("again")
    assert drafts.get(Letter) is None
    assert drafts.pop(Letter) is None
    assert drafts.get(Parcel) == Parcel(3)


def test_a_foreign_value_in_the_store_is_not_taken_for_a_draft() -> None:
    """Whatever else sits under a type's slot (an old format) reads as no draft."""
    drafts = Drafts({Letter: "not a letter"})
    assert drafts.get(Letter) is None
    assert drafts.pop(Letter) is None


def test_no_module_but_the_accessor_touches_user_data() -> None:
    """Handlers keep form state through ``context.drafts`` only; the one other module is
    the persistence under it, which keeps it in the database (bot/tg/forms.py)."""
    allowed = {BOT / "context.py", BOT / "tg" / "forms.py"}
    offenders = [
        str(path.relative_to(BOT))
        for path in BOT.rglob("*.py")
        if path not in allowed and re.search(r"\buser_data\b", path.read_text("utf-8"))
    ]
    assert offenders == []
