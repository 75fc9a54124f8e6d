"""A strict parser for Telegram's HTML parse mode: plain text plus MessageEntity dicts.

It accepts the tags and character references the Bot API documents and rejects everything
else with ``can't parse entities: ...`` descriptions modelled on Telegram's own.  One
deliberate strictness: an unknown named reference such as ``&nbsp;`` is an error here, while
Telegram shows it literally; either way it is a bug in the bot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from frontdesk_emulator.errors import ApiError, bad_request
from frontdesk_emulator.text_utils import utf16_len

_SIMPLE_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
}
SUPPORTED_TAGS = frozenset(
    [*_SIMPLE_TAGS, "span", "a", "code", "pre", "blockquote", "tg-emoji", "tg-time"]
)
_NAMED_REFERENCES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


@dataclass
class _OpenTag:
    name: str
    attrs: dict[str, str]
    start: int  # UTF-16 offset in the output text
    byte_offset: int
    children: list[str] = field(default_factory=list)


def _error(reason: str) -> ApiError:
    return bad_request(f"can't parse entities: {reason}")


class _Parser:
    def __init__(self, source: str) -> None:
        self.src = source
        self.pos = 0
        self.out: list[str] = []
        self.out_len = 0  # UTF-16 length of the output so far
        self.stack: list[_OpenTag] = []
        self.entities: list[dict[str, Any]] = []

    def byte_offset(self, index: int) -> int:
        return len(self.src[:index].encode("utf-8"))

    def emit(self, text: str) -> None:
        self.out.append(text)
        self.out_len += utf16_len(text)

    def run(self) -> tuple[str, list[dict[str, Any]]]:
        src = self.src
        while self.pos < len(src):
            char = src[self.pos]
            if char == "<":
                if self.pos + 1 < len(src) and src[self.pos + 1] == "/":
                    self.end_tag()
                else:
                    self.start_tag()
            elif char == "&":
                self.emit(self.reference(self.pos))
            else:
                nxt = self.pos
                while nxt < len(src) and src[nxt] not in "<&":
                    nxt += 1
                self.emit(src[self.pos : nxt])
                self.pos = nxt
        if self.stack:
            raise _error(f'Can\'t find end tag corresponding to start tag "{self.stack[-1].name}"')
        self.entities.sort(key=lambda e: (e["offset"], -e["length"]))
        return "".join(self.out), self.entities

    def reference(self, start: int) -> str:
        """Decode a character reference at ``start`` (which holds '&'); advance past it."""
        src = self.src
        end = src.find(";", start + 1, start + 12)
        body = src[start + 1 : end] if end != -1 else ""
        if end != -1 and body.startswith("#"):
            digits = body[1:]
            try:
                code = int(digits[1:], 16) if digits[:1] in ("x", "X") else int(digits, 10)
                decoded = chr(code) if 0 < code <= 0x10FFFF else ""
            except ValueError:
                decoded = ""
            if decoded:
                self.pos = end + 1
                return decoded
        elif end != -1 and body and body.isalnum() and body.isascii():
            if body in _NAMED_REFERENCES:
                self.pos = end + 1
                return _NAMED_REFERENCES[body]
            raise _error(
                f'Unsupported HTML entity "&{body};" at byte offset {self.byte_offset(start)}'
                " (only &lt; &gt; &amp; &quot; and numeric references are allowed)"
            )
        self.pos = start + 1
        return "&"

    def read_name(self) -> str:
        start = self.pos
        while self.pos < len(self.src) and self.src[self.pos] in _NAME_CHARS:
            self.pos += 1
        return self.src[start : self.pos].lower()

    def skip_spaces(self) -> None:
        while self.pos < len(self.src) and self.src[self.pos].isspace():
            self.pos += 1

    def start_tag(self) -> None:
        tag_start = self.pos
        offset = self.byte_offset(tag_start)
        self.pos += 1
        name = self.read_name()
        if name not in SUPPORTED_TAGS:
            raise _error(f'Unsupported start tag "{name}" at byte offset {offset}')
        attrs: dict[str, str] = {}
        while True:
            self.skip_spaces()
            if self.pos >= len(self.src):
                raise _error(f'Unclosed start tag "{name}" at byte offset {offset}')
            if self.src[self.pos] == ">":
                self.pos += 1
                break
            attr = self.read_name()
            if not attr:
                raise _error(f'Empty attribute name in the tag "{name}" at byte offset {offset}')
            self.skip_spaces()
            if self.pos < len(self.src) and self.src[self.pos] == "=":
                self.pos += 1
                self.skip_spaces()
                attrs[attr] = self.attr_value(name, offset)
            elif self.pos < len(self.src) and (
                self.src[self.pos] == ">" or self.src[self.pos].isspace()
            ):
                attrs[attr] = ""
            else:
                raise _error(
                    "Expected equal sign in declaration of an attribute of the tag "
                    f'"{name}" at byte offset {offset}'
                )
        self.stack.append(_OpenTag(name, attrs, self.out_len, offset))

    def attr_value(self, tag: str, offset: int) -> str:
        src = self.src
        if self.pos >= len(src):
            raise _error(f'Unclosed start tag "{tag}" at byte offset {offset}')
        quote = src[self.pos]
        if quote in "\"'":
            end = src.find(quote, self.pos + 1)
            if end == -1:
                raise _error(f'Unclosed start tag "{tag}" at byte offset {offset}')
            raw = src[self.pos + 1 : end]
            self.pos = end + 1
        else:
            start = self.pos
            while self.pos < len(src) and not src[self.pos].isspace() and src[self.pos] != ">":
                self.pos += 1
            raw = src[start : self.pos]
        return _decode_attr(raw)

    def end_tag(self) -> None:
        offset = self.byte_offset(self.pos)
        self.pos += 2
        name = self.read_name()
        self.skip_spaces()
        if self.pos >= len(self.src) or self.src[self.pos] != ">":
            raise _error(f"Unclosed end tag at byte offset {offset}")
        self.pos += 1
        if not self.stack:
            raise _error(f'Unexpected end tag "{name}" at byte offset {offset}')
        open_tag = self.stack[-1]
        if open_tag.name != name:
            raise _error(
                f'Unmatched end tag at byte offset {offset}, expected "</{open_tag.name}>", '
                f'found "</{name}>"'
            )
        self.stack.pop()
        self.close(open_tag)

    def close(self, tag: _OpenTag) -> None:
        length = self.out_len - tag.start
        entity: dict[str, Any] | None = None
        attrs = tag.attrs
        where = f"at byte offset {tag.byte_offset}"
        if tag.name in _SIMPLE_TAGS:
            entity = {"type": _SIMPLE_TAGS[tag.name]}
        elif tag.name == "span":
            if attrs.get("class") != "tg-spoiler":
                raise _error(f'Tag "span" must have class "tg-spoiler" {where}')
            entity = {"type": "spoiler"}
        elif tag.name == "a":
            href = attrs.get("href", "")
            if href.startswith("tg://user?id="):
                user_id = href.removeprefix("tg://user?id=")
                if user_id.isdigit():
                    entity = {"type": "text_mention", "user": _mention_user(int(user_id))}
            elif href:
                entity = {"type": "text_link", "url": href}
        elif tag.name == "code":
            parent = self.stack[-1] if self.stack else None
            if parent is not None and parent.name == "pre":
                language = attrs.get("class", "")
                if language.startswith("language-") and len(language) > len("language-"):
                    parent.attrs["language"] = language.removeprefix("language-")
            else:
                entity = {"type": "code"}
        elif tag.name == "pre":
            entity = {"type": "pre"}
            if attrs.get("language"):
                entity["language"] = attrs["language"]
        elif tag.name == "blockquote":
            kind = "expandable_blockquote" if "expandable" in attrs else "blockquote"
            entity = {"type": kind}
        elif tag.name == "tg-emoji":
            emoji_id = attrs.get("emoji-id", "")
            if not emoji_id.isdigit():
                raise _error(f'Tag "tg-emoji" must have attribute "emoji-id" {where}')
            entity = {"type": "custom_emoji", "custom_emoji_id": emoji_id}
        elif tag.name == "tg-time":
            unix = attrs.get("unix", "")
            if not unix.isdigit():
                raise _error(f'Tag "tg-time" must have attribute "unix" {where}')
            entity = {"type": "date_time", "unix_time": int(unix)}
            if attrs.get("format"):
                entity["date_time_format"] = attrs["format"]
        if entity is not None and length > 0:
            self.entities.append({**entity, "offset": tag.start, "length": length})


def _mention_user(user_id: int) -> dict[str, Any]:
    return {"id": user_id, "is_bot": False, "first_name": str(user_id)}


def _decode_attr(raw: str) -> str:
    if "&" not in raw:
        return raw
    parser = _Parser(raw)
    parts: list[str] = []
    while parser.pos < len(raw):
        if raw[parser.pos] == "&":
            parts.append(parser.reference(parser.pos))
        else:
            parts.append(raw[parser.pos])
            parser.pos += 1
    return "".join(parts)


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Parse Telegram HTML into (plain text, entities); raise a 400 ApiError when invalid."""
    return _Parser(source).run()
