"""Typed button data: one codec, at most 64 bytes, and nothing forged gets through."""

from __future__ import annotations

import pytest

import bot.features  # noqa: F401  # every feature's buttons are defined once it is imported
from bot.callbacks import MAX_BYTES, Callback, callback, decode, encode, known
from bot.features.nightschool.buttons import Accept, MarkAttendance


def test_a_button_round_trips_through_its_wire_form() -> None:
    """encode then decode gives the same dataclass back, in the form old buttons had."""
    assert encode(Accept(12)) == "ns:acc:12"
    assert decode(Accept, "ns:acc:12") == Accept(12)
    assert decode(MarkAttendance, encode(MarkAttendance(3, 40))) == MarkAttendance(3, 40)


@pytest.mark.parametrize(
    "wire",
    [
        "ns:acc:",
        "ns:acc:x",
        "ns:acc:1:2",
        "ns:dec:1",
        "ns:acc:1e3",
        "ns:acc: 1",
        "ns:acc:\ud800",
        None,
        7,
        "ns:acc",
    ],
)
def test_forged_or_malformed_data_decodes_to_nothing(wire: object) -> None:
    """Anything but a well-formed button of the class is None (one answer for all of them)."""
    assert decode(Accept, wire) is None


def test_data_longer_than_telegram_allows_is_refused_when_built() -> None:
    """A button that would not fit in 64 bytes fails where it is made, not at Telegram."""

    @callback("test:long")
    class Long(Callback):
        word: str

    with pytest.raises(ValueError, match="cannot travel"):
        encode(Long("x" * 40))
    assert decode(Long, "test:long:" + "y" * (MAX_BYTES)) is None


def test_every_feature_button_has_its_own_prefix() -> None:
    """No two button classes share a prefix and arity, so no press reaches the wrong handler."""
    shapes = [(c.prefix, len(c._fields)) for c in known() if not c.prefix.startswith("test:")]
    assert len(shapes) >= 20
    assert len(shapes) == len(set(shapes))
