"""Incoming text made safe once, at the edge, before any feature sees it.

What residents type (and the names Telegram reports for them) may carry characters that are
invisible or that rearrange how a text reads:

- NUL and the other C0/C1 controls (PostgreSQL refuses NUL in a text column outright);
- zero-width characters (U+200B–U+200D, U+2060, U+FEFF…), which make "食堂几点开门" a
  different string from the one the understanding module knows;
- bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the direction
  marks, with which "Alice\u202eevil" shows to staff as "Alicelive".

:func:`clean_text` removes them; newlines and tabs stay, ``\r\n`` and the Unicode line
separators become ``\n``. A zero-width joiner between two emoji is kept (👨‍👩‍👧 stays one
family). NFKC is applied only where it cannot change Chinese writing: full-width ASCII
letters and digits (Ａ１ → A1), compatibility and Kangxi-radical look-alikes of ideographs,
and the mathematical "bold/italic" letters used to dress up names. Full-width punctuation
(，。？！：) is what Chinese is written with and stays as typed. A text made of nothing but
such characters becomes U+FFFD (one replacement character), never an empty string.

:func:`clean_update_dict` applies this to every string of an update as Telegram sends it
(JSON), and moves the entities (UTF-16 offsets) so that ``/mydata`` keeps its
``bot_command`` entity when something invisible was removed before it. No ``telegram``
import here: the Telegram layer (``bot/tg/intake.py``) calls it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any

from bot.services.text_parts import units

# Controls kept: tab and newline. \r is turned into \n (below), the rest removed.
_C0_KEPT = {"\t", "\n"}
_ZERO_WIDTH = {
    "\u00ad",  # soft hyphen
    "\u180e",  # Mongolian vowel separator (was a zero-width space)
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\u2061",
    "\u2062",
    "\u2063",
    "\u2064",
    "\ufeff",
}
_BIDI = {
    "\u061c",  # Arabic letter mark
    "\u200e",
    "\u200f",
    *(chr(c) for c in range(0x202A, 0x202F)),  # LRE RLE PDF LRO RLO
    *(chr(c) for c in range(0x2066, 0x206A)),  # LRI RLI FSI PDI
}
_LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\u0085": "\n"}
_ZWJ = "\u200d"

# (first, last) code points where NFKC is safe and useful (see the module docstring).
_NFKC_RANGES = (
    (0xFF10, 0xFF19),  # full-width digits
    (0xFF21, 0xFF3A),  # full-width A-Z
    (0xFF41, 0xFF5A),  # full-width a-z
    (0x2F00, 0x2FDF),  # Kangxi radicals (⼈ → 人)
    (0x2E80, 0x2EFF),  # CJK radicals supplement
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
    (0x1D400, 0x1D7FF),  # mathematical alphanumerics (𝐀𝐥𝐢𝐜𝐞 → Alice)
)

# Keys of an update whose values are identifiers, never text shown to anyone.
# Button data is opaque too: the codec (bot/callbacks.py) accepts only what it encoded, and a
# forged press gets the one "this button is no longer valid" answer, cleaned or not.
_OPAQUE_KEYS = frozenset(
    {"file_id", "file_unique_id", "custom_emoji_id", "invoice_payload", "data"}
)
# What a text made only of invisible characters becomes: still a text (answered "not
# understood" like any gibberish), visibly not empty to staff.
UNREADABLE = "\ufffd"


def _nfkc_safe(code: int) -> bool:
    return any(first <= code <= last for first, last in _NFKC_RANGES)


def _pictographic(char: str) -> bool:
    """Emoji-like: what a zero-width joiner legitimately glues (👨‍👩‍👧, 🏳️‍🌈)."""
    code = ord(char)
    return code >= 0x1F000 or 0x2600 <= code <= 0x27BF or char == "\ufe0f"


def _replacement(text: str, index: int) -> str:
    """What the character at ``index`` becomes: itself, another string, or nothing."""
    char = text[index]
    code = ord(char)
    if code < 0x20 or 0x7F <= code <= 0x9F:
        if char in _C0_KEPT:
            return char
        if char == "\r":
            # \r\n → \n (the \n follows); a lone \r is a line break.
            return "" if text[index + 1 : index + 2] == "\n" else "\n"
        return _LINE_BREAKS.get(char, "")
    if char in _LINE_BREAKS:
        return _LINE_BREAKS[char]
    if char == _ZWJ:
        before, after = text[index - 1 : index], text[index + 1 : index + 2]
        if before and after and _pictographic(before) and _pictographic(after):
            return char
        return ""
    if char in _ZERO_WIDTH or char in _BIDI:
        return ""
    if _nfkc_safe(code):
        return unicodedata.normalize("NFKC", char)
    return char


# Every character _replacement may change, as one class: the common, clean text costs one
# search in C. (Kept in step with the sets above by tests/test_edge_hygiene.py.)
_SUSPECT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u2069\ufeff\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
    "\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff\U0001d400-\U0001d7ff\U0002f800-\U0002fa1f]"
)


def needs_cleaning(text: str) -> bool:
    """Whether :func:`clean_text` would change ``text`` (a text of only tabs and newlines:
    no)."""
    return _SUSPECT.search(text) is not None


def clean_with_offsets(text: str) -> tuple[str, Callable[[int], int]]:
    """The cleaned text, and a map from UTF-16 offsets in ``text`` to those in the result."""
    if not needs_cleaning(text):
        return text, lambda offset: offset
    parts: list[str] = []
    # new_offsets[i]: the UTF-16 offset in the result of the i-th UTF-16 unit of ``text``.
    new_offsets: list[int] = []
    position = 0
    for index, char in enumerate(text):
        replacement = _replacement(text, index)
        new_offsets.extend([position] * units(char))
        parts.append(replacement)
        position += units(replacement)
    new_offsets.append(position)
    cleaned = "".join(parts)
    if not cleaned:
        return UNREADABLE, lambda offset: 0

    def moved(offset: int) -> int:
        return new_offsets[min(max(offset, 0), len(new_offsets) - 1)]

    if unicodedata.is_normalized("NFC", cleaned):
        return cleaned, moved
    # Removing a character can leave a combining sequence that NFC composes: rare, and the
    # offsets are then only kept within the text's bounds.
    composed = unicodedata.normalize("NFC", cleaned)
    limit = units(composed)
    return composed, lambda offset: min(moved(offset), limit)


def clean_text(text: str) -> str:
    """``text`` without controls, invisible and direction-changing characters (see above)."""
    return clean_with_offsets(text)[0]


def _move_entities(entities: list[Any], moved: Callable[[int], int]) -> list[Any]:
    kept = []
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        start = int(entity.get("offset", 0))
        end = start + int(entity.get("length", 0))
        new_start, new_end = moved(start), moved(end)
        if new_end > new_start:
            kept.append({**entity, "offset": new_start, "length": new_end - new_start})
    return kept


_TEXT_ENTITIES = (("text", "entities"), ("caption", "caption_entities"))


def clean_update_dict(data: Any) -> Any:
    """A copy of an update (Telegram's JSON) with every text cleaned and entities moved."""
    if isinstance(data, str):
        return clean_text(data)
    if isinstance(data, list):
        return [clean_update_dict(item) for item in data]
    if not isinstance(data, dict):
        return data
    result: dict[str, Any] = {}
    handled: set[str] = set()
    for text_key, entities_key in _TEXT_ENTITIES:
        text = data.get(text_key)
        if isinstance(text, str):
            cleaned, moved = clean_with_offsets(text)
            result[text_key] = cleaned
            handled.add(text_key)
            if isinstance(data.get(entities_key), list):
                result[entities_key] = _move_entities(data[entities_key], moved)
                handled.add(entities_key)
    for key, value in data.items():
        if key in handled:
            continue
        result[key] = value if key in _OPAQUE_KEYS else clean_update_dict(value)
    return result
