"""Typed button data: one frozen dataclass per action, one codec, one place that validates.

A button's data is ``<prefix>:<field>:<field>…`` (the prefix names the feature and the action,
e.g. ``ns:acc``), at most 64 bytes as Telegram allows. :func:`decode` is the only parser: it
returns the dataclass or ``None`` for anything stale or forged, and whatever no handler
decodes gets one answer (``bot.tg.buttons.stale_button``). Services build these objects (an
offer is ``Accept(enrolment_id)``), never the strings; this module imports no ``telegram``.

    @callback("ns:acc")
    class Accept(Callback):
        enrolment_id: int
"""

from __future__ import annotations

import dataclasses
import enum
import re
import typing
from collections.abc import Callable
from typing import Any, ClassVar, TypeVar, dataclass_transform

MAX_BYTES = 64
_INT = re.compile(r"-?\d{1,19}")
_WORD = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_PREFIX = re.compile(r"[a-z]{1,12}(?::[a-z0-9]{1,12}){0,2}")


class Callback:
    """Base of every button's data; subclasses are made by :func:`callback`."""

    prefix: ClassVar[str]
    _fields: ClassVar[tuple[tuple[str, Any], ...]]


C = TypeVar("C", bound=type[Callback])
D = TypeVar("D", bound=Callback)


@dataclass_transform(frozen_default=True)
def callback(prefix: str) -> Callable[[C], C]:
    """Make the class a frozen dataclass whose instances encode as ``prefix:fields…``.

    A data-less action (``feedback:skip:comment``) is a class without fields.
    """
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"bad callback prefix {prefix!r}")

    def register(cls: C) -> C:
        data_cls = dataclasses.dataclass(frozen=True, slots=True)(cls)
        hints = typing.get_type_hints(data_cls)
        fields = tuple((f.name, hints[f.name]) for f in dataclasses.fields(data_cls))  # type: ignore[arg-type]  # made a dataclass on the line above
        for name, kind in fields:
            if kind not in (int, str) and not (
                isinstance(kind, type) and issubclass(kind, enum.Enum)
            ):
                raise TypeError(f"{cls.__name__}.{name}: buttons carry ints, words or enums")
        data_cls.prefix = prefix
        data_cls._fields = fields
        return data_cls  # type: ignore[return-value]  # dataclass() returns the same class

    return register


def _encode_value(value: object) -> str:
    if isinstance(value, enum.Enum):
        value = value.value
    text = str(value)
    if not (_INT.fullmatch(text) or _WORD.fullmatch(text)):
        raise ValueError(f"{text!r} cannot travel in a button")
    return text


def encode(data: Callback) -> str:
    """The wire form of ``data``; raises when it would exceed Telegram's 64 bytes."""
    wire = ":".join(
        [data.prefix, *(_encode_value(getattr(data, name)) for name, _ in data._fields)]
    )
    if len(wire.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {wire!r}")
    return wire


def _decode_value(text: str, kind: Any) -> object:
    if kind is int:
        if not _INT.fullmatch(text):
            raise ValueError(text)
        return int(text)
    if kind is str:
        if not _WORD.fullmatch(text):
            raise ValueError(text)
        return text
    return kind(int(text) if _INT.fullmatch(text) and not issubclass(kind, str) else text)


def decode(cls: type[D], wire: object) -> D | None:
    """``wire`` as a ``cls``, or ``None`` for data that is stale, forged or malformed."""
    if not isinstance(wire, str) or len(wire.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        return None
    head = cls.prefix + ":"
    if wire == cls.prefix and not cls._fields:
        return cls()
    if not wire.startswith(head):
        return None
    values = wire[len(head) :].split(":")
    if len(values) != len(cls._fields):
        return None
    try:
        args = [_decode_value(v, kind) for v, (_, kind) in zip(values, cls._fields, strict=True)]
        return cls(*args)
    except ValueError:  # a value of the wrong kind, or refused by the class's __post_init__
        return None


def known() -> list[type[Callback]]:
    """Every button class defined so far (tests check prefixes are unique and data fits)."""
    found: list[type[Callback]] = []
    pending = list(Callback.__subclasses__())
    while pending:
        cls = pending.pop()
        if "_fields" in vars(cls):  # dataclass(slots=True) leaves the undecorated class behind
            found.append(cls)
        pending.extend(cls.__subclasses__())
    return found
