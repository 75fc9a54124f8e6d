"""Deep links: ``https://t.me/<bot>?start=<payload>`` opens the bot at one thing.

Telegram delivers the payload as ``/start <payload>`` (at most 64 characters of
``A-Za-z0-9_-``). Each payload is a kind, optionally followed by ``_`` and an argument whose
shape the kind fixes; anything else (a forged or mistyped payload) is not a link and gets
the plain greeting, unless its feature claims its kind's misshapen links
(:func:`misshapen_filter_pattern`: "event_abc" is told the event is not open). Each feature
answers its own kinds (a ``/start`` handler filtered by :func:`start_filter_pattern`); the
posters build the same payloads with :func:`payload`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import quote

MAX_PAYLOAD = 64

# kind → the argument's shape (None: the kind takes no argument).
KINDS: dict[str, str | None] = {
    "hours": None,
    "venue": r"[a-z][a-z0-9_]{0,31}",
    "feedback": r"(?:breakfast|lunch|dinner)",
    "course": r"[1-9][0-9]{0,11}",
    "event": r"[1-9][0-9]{0,11}",
    "ask": None,
    "topic": r"[a-z][a-z0-9_]{0,31}",
}
# Kinds whose argument may be left out ("feedback" alone, or "feedback_lunch").
OPTIONAL_ARGUMENT = frozenset({"feedback"})


@dataclass(frozen=True, slots=True)
class DeepLink:
    kind: str
    arg: str | None = None

    @property
    def number(self) -> int:
        """The argument of ``course``/``event`` links as a number."""
        if self.arg is None or not self.arg.isdigit():
            raise ValueError(f"{self.kind} link without a number")
        return int(self.arg)


def _shape(kind: str) -> str:
    arg = KINDS[kind]
    if arg is None:
        return re.escape(kind)
    optional = "?" if kind in OPTIONAL_ARGUMENT else ""
    return f"{re.escape(kind)}(?:_({arg})){optional}"


_PAYLOAD = {kind: re.compile(_shape(kind)) for kind in KINDS}


def parse(text: str | None) -> DeepLink | None:
    """A payload (or a whole ``/start payload`` message) as a link; ``None`` if it is not one."""
    if not text:
        return None
    text = text.strip()
    if text.startswith("/start"):
        _, _, text = text.partition(" ")
        text = text.strip()
    if not 0 < len(text) <= MAX_PAYLOAD:
        return None
    for kind, pattern in _PAYLOAD.items():
        match = pattern.fullmatch(text)
        if match is not None:
            return DeepLink(kind, match.group(1) if match.groups() else None)
    return None


def payload(kind: str, arg: str | int | None = None) -> str:
    """The payload of a link; raises ``ValueError`` for a kind or argument it would refuse."""
    if kind not in KINDS:
        raise ValueError(f"unknown deep-link kind {kind!r}")
    text = kind if arg is None else f"{kind}_{arg}"
    if parse(text) != DeepLink(kind, None if arg is None else str(arg)):
        raise ValueError(f"not a valid {kind} link: {text!r}")
    return text


def url(bot_username: str, kind: str, arg: str | int | None = None) -> str:
    """``https://t.me/<bot>?start=<payload>``."""
    return f"https://t.me/{quote(bot_username)}?start={payload(kind, arg)}"


def misshapen_filter_pattern(kind: str) -> str:
    """``/start <kind>`` or ``/start <kind>_<anything>`` (a link of that kind whose argument
    is missing or mistyped, "event_abc"): for a handler registered after the kind's own, so
    that the feature can say its thing is not there rather than greet."""
    return rf"^/start(?:@\w+)?\s+{re.escape(kind)}(?:_\S*)?\s*$"


def start_filter_pattern(kind: str) -> str:
    """A regular expression matching ``/start <payload>`` messages of one kind (for a
    handler's filter); the handler reads the link with :func:`parse`."""
    return rf"^/start(?:@\w+)?\s+{_shape(kind)}\s*$"
