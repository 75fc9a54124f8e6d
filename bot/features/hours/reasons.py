"""A staff member's reason for a closure, in the reader's language.

Staff type one text; "装修 | renovation" (or "装修 / renovation") carries both languages. A
reason in one language only is shown to readers of that language; the others see the generic
words for a closure (``hours-reason-exception-*``), never a text they may not read.
"""

from __future__ import annotations

import re

from bot.centre import Localized

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_REASON_SPLIT = re.compile(r"\s*[|｜]\s*|\s+/\s+")


def is_chinese(text: str) -> bool:
    """Whether a staff member's text is written in Chinese (any Han character)."""
    return bool(_CJK.search(text))


def localized_reason(text: str | None) -> Localized | str | None:
    """A stored reason for every reader: "装修 | renovation" gives both languages.

    A reason in one language only stays a ``str``; readers of the other language then see
    the generic words for a closure instead of a text they may not read.
    """
    if not text or not text.strip():
        return None
    parts = [part for part in _REASON_SPLIT.split(text.strip()) if part]
    chinese = [part for part in parts if is_chinese(part)]
    other = [part for part in parts if not is_chinese(part)]
    if len(parts) == 2 and len(chinese) == 1 and len(other) == 1:
        return Localized(zh=chinese[0], en=other[0])
    return text.strip()


def fallback_key(closed: bool) -> str:
    """The catalog key a reader sees when the reason is not written in their language.

    One key for the resident's answer, the staff preview and the note after saving, so all
    three say the same words.
    """
    return "hours-reason-exception-closed" if closed else "hours-reason-exception-hours"


def staff_reason(reason: Localized | str | None, lang: str, *, both: bool = False) -> str | None:
    """The reason as a staff member reads it: the half in their language when both were
    given (with ``both``, theirs first then the other: "设备检修 / maintenance"), else the
    text as it was typed (staff wrote it; they can read it). Never the stored object."""
    if isinstance(reason, Localized):
        other = reason.get("zh" if lang == "en" else "en")
        return f"{reason.get(lang)} / {other}" if both else reason.get(lang)
    return reason


def reason_for(reason: Localized | str | None, lang: str) -> str | None:
    """The reason in ``lang``, or ``None`` when it was written only in the other language."""
    if reason is None or isinstance(reason, Localized):
        return reason.get(lang) if reason is not None else None
    return reason if is_chinese(reason) == (lang == "zh") else None
