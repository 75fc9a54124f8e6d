"""Plain data kept by the emulator: chats, bot messages, files, recorded requests."""

from __future__ import annotations

import asyncio
import html
from dataclasses import dataclass, field
from typing import Any


class Signal:
    """A broadcast wake-up: ``fire()`` wakes every current waiter (no lost wake-ups)."""

    def __init__(self) -> None:
        self._event = asyncio.Event()

    def fire(self) -> None:
        """Wake all waiters."""
        self._event.set()
        self._event = asyncio.Event()

    async def wait(self, timeout: float | None) -> bool:  # noqa: ASYNC109
        """Wait for the next ``fire()``; return False on timeout."""
        event = self._event
        try:
            # Not ``wait_for``: on Python 3.11 it can swallow a cancel that comes just after
            # the event was set (a getUpdates call cancelled at shutdown would go on).
            async with asyncio.timeout(timeout):
                await event.wait()
        except TimeoutError:
            return False
        return True


@dataclass
class FileRecord:
    """A stored file: bytes plus the identifiers the Bot API hands out."""

    file_id: str
    file_unique_id: str
    content: bytes
    file_path: str
    file_name: str | None = None
    mime_type: str | None = None
    kind: str = "document"
    width: int = 0
    height: int = 0


@dataclass
class RecordedRequest:
    """One Bot API call as the emulator saw and answered it."""

    method: str
    params: dict[str, Any]
    status: int
    response: dict[str, Any]
    at: float


@dataclass
class WebhookAttempt:
    """One webhook POST: the update, the HTTP status (None on a connection error)."""

    update_id: int
    status: int | None
    error: str | None
    at: float


@dataclass
class BotMessage:
    """A message the bot sent, in its current state (as the person sees it)."""

    message_id: int
    chat_id: int
    text: str | None
    parse_mode: str | None = None
    entities: list[dict[str, Any]] = field(default_factory=list)
    reply_markup: dict[str, Any] | None = None
    buttons: list[list[dict[str, Any]]] = field(default_factory=list)
    keyboard: list[list[str]] | None = None
    document: dict[str, Any] | None = None
    photo: bytes | None = None
    edited: bool = False
    date: int = 0
    source: str | None = None
    kind: str = "text"
    raw: dict[str, Any] = field(default_factory=dict)

    def button_texts(self) -> list[str]:
        """Texts of all inline buttons, row by row."""
        return [button.get("text", "") for row in self.buttons for button in row]

    def callback_data(self) -> list[str]:
        """callback_data of all inline buttons that have one."""
        return [b["callback_data"] for row in self.buttons for b in row if "callback_data" in b]

    @property
    def html(self) -> str:
        """The text as HTML: what the bot sent with parse_mode HTML, else escaped plain text."""
        if self.source is not None and (self.parse_mode or "").upper() == "HTML":
            return self.source
        return html.escape(self.text or "", quote=False)

    @property
    def plain(self) -> str:
        """Plain text (or caption) without markup; empty string when there is none."""
        return self.text or ""

    @property
    def caption(self) -> str | None:
        """The caption of a photo/document message (same as ``text``)."""
        return self.text if self.kind != "text" else None

    def short(self) -> str:
        """A one-line description for diagnostics."""
        body = (self.text or f"<{self.kind}>").replace("\n", " ")
        if len(body) > 60:
            body = body[:57] + "..."
        extra = f" buttons={self.button_texts()}" if self.buttons else ""
        return f"#{self.message_id} {body!r}{extra}"


@dataclass
class ForumTopic:
    """A topic of a forum supergroup; its id is the id of the message that created it."""

    message_thread_id: int
    name: str
    icon_color: int
    closed: bool = False


@dataclass
class ChatState:
    """One chat the emulator knows: its messages, the bot's messages and waiters."""

    id: int
    type: str
    title: str | None = None
    user: dict[str, Any] | None = None
    next_message_id: int = 1
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    bot_messages: dict[int, BotMessage] = field(default_factory=dict)
    events: list[tuple[str, BotMessage]] = field(default_factory=list)
    keyboard: list[list[str]] | None = None
    keyboard_one_time: bool = False
    started: bool = True
    changed: Signal = field(default_factory=Signal)
    # A supergroup with topics (forum) and whether the bot is an administrator there (an
    # administrator bot sees every message, whatever the group privacy mode).
    is_forum: bool = False
    bot_admin: bool = False
    topics: dict[int, ForumTopic] = field(default_factory=dict)

    def chat_dict(self) -> dict[str, Any]:
        """The Chat object as it appears inside a Message."""
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.type == "private" and self.user is not None:
            for key in ("first_name", "last_name", "username"):
                if self.user.get(key):
                    data[key] = self.user[key]
        elif self.title is not None:
            data["title"] = self.title
        if self.is_forum:
            data["is_forum"] = True
        return data

    def take_message_id(self) -> int:
        """Allocate the next message id in this chat."""
        message_id = self.next_message_id
        self.next_message_id += 1
        return message_id

    def record(self, kind: str, message: BotMessage) -> None:
        """Append a new/edit/delete event and wake waiters."""
        self.events.append((kind, message))
        self.changed.fire()
