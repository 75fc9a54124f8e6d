"""The emulator's state: chats, people, files, the update queue and callback queries."""

from __future__ import annotations

import copy
import itertools
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from frontdesk_emulator.errors import bad_request, forbidden
from frontdesk_emulator.flood import Clock, FloodController, FloodLimits
from frontdesk_emulator.models import (
    BotMessage,
    ChatState,
    FileRecord,
    RecordedRequest,
    Signal,
    WebhookAttempt,
)
from frontdesk_emulator.validation import inline_rows, keyboard_texts

DEFAULT_SCOPE = '{"type":"default"}'
_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
}


def canonical_scope(scope: Any) -> str:
    """Canonical JSON text of a BotCommandScope (default scope when None)."""
    if not scope:
        return DEFAULT_SCOPE
    return json.dumps(scope, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass
class CallbackQueryState:
    """A callback query a person sent and whether the bot answered it."""

    query_id: str
    user_id: int
    chat_id: int
    message_id: int | None
    data: str | None
    answered: bool = False
    at: float = 0.0


@dataclass
class WebhookConfig:
    """The webhook the bot set."""

    url: str
    secret_token: str | None = None
    max_connections: int = 40
    allowed_updates: list[str] | None = None
    last_error_date: int | None = None
    last_error_message: str | None = None


@dataclass
class EmulatorCore:
    """All state of one emulated bot, shared by the HTTP methods and the simulated people."""

    token: str
    bot_username: str
    bot_first_name: str
    flood_limits: FloodLimits = field(default_factory=FloodLimits)
    clock: Clock = time.monotonic
    group_privacy: bool = True

    def __post_init__(self) -> None:
        self.bot_id = int(self.token.split(":", 1)[0]) if self.token[:1].isdigit() else 1
        self.flood = FloodController(self.flood_limits, self.clock)
        self.chats: dict[int, ChatState] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.blocked: set[int] = set()
        self.files: dict[str, FileRecord] = {}
        self.files_by_path: dict[str, FileRecord] = {}
        self._file_counter = itertools.count(1)
        self.updates: list[dict[str, Any]] = []
        self.first_update_id = self.next_update_id = 1
        self.updates_signal = Signal()
        self.allowed_updates: set[str] | None = None
        self.callback_queries: dict[str, CallbackQueryState] = {}
        self._query_counter = itertools.count(1)
        self.callback_answers: dict[int, list[dict[str, Any]]] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.descriptions: dict[tuple[str, str], str] = {}
        self.chat_actions: list[dict[str, Any]] = []
        self.requests: list[RecordedRequest] = []
        self.counters: Counter[str] = Counter()
        self.webhook: WebhookConfig | None = None
        self.webhook_attempts: list[WebhookAttempt] = []
        self.webhook_signal = Signal()
        self.webhook_retry_signal = Signal()
        self.closing = False

    # -- people and chats ---------------------------------------------------------------

    def bot_user(self) -> dict[str, Any]:
        """The bot as a User object inside messages."""
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }

    def add_user(
        self,
        user_id: int,
        first_name: str,
        last_name: str | None,
        username: str | None,
        language_code: str | None,
        started: bool,
    ) -> ChatState:
        """Create (or return) a person and their private chat with the bot."""
        if user_id <= 0:
            raise ValueError("a person's id must be positive")
        if user_id not in self.users:
            user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
            if last_name:
                user["last_name"] = last_name
            if username:
                user["username"] = username
            if language_code:
                user["language_code"] = language_code
            self.users[user_id] = user
        chat = self.chats.get(user_id)
        if chat is None:
            chat = ChatState(id=user_id, type="private", user=self.users[user_id], started=started)
            self.chats[user_id] = chat
        return chat

    def add_group(
        self, chat_id: int, title: str, *, forum: bool = False, bot_admin: bool = False
    ) -> ChatState:
        """Create (or return) a group; ids starting with -100 are supergroups.

        ``forum=True`` makes a supergroup with topics (Telegram allows topics only in
        supergroups); ``bot_admin=True`` makes the bot an administrator there.
        """
        if chat_id >= 0:
            raise ValueError("a group id must be negative")
        chat = self.chats.get(chat_id)
        if chat is None:
            kind = "supergroup" if str(chat_id).startswith("-100") else "group"
            if forum and kind != "supergroup":
                raise ValueError("only a supergroup (-100…) can have topics")
            chat = ChatState(
                id=chat_id, type=kind, title=title, is_forum=forum, bot_admin=bot_admin
            )
            self.chats[chat_id] = chat
        return chat

    def target_chat(self, chat_id: int | str, *, sending: bool = True) -> ChatState:
        """Resolve a chat the bot addresses; 400 if unknown, 403 if it may not write there."""
        chat = None
        if isinstance(chat_id, int):
            chat = self.chats.get(chat_id)
        else:
            wanted = chat_id.lstrip("@").lower()
            for candidate in self.chats.values():
                user = candidate.user or {}
                if str(user.get("username", "")).lower() == wanted:
                    chat = candidate
        if chat is None:
            raise bad_request("chat not found")
        if sending and chat.type == "private":
            if chat.id in self.blocked:
                raise forbidden("bot was blocked by the user")
            if not chat.started:
                raise forbidden("bot can't initiate conversation with a user")
        return chat

    # -- files ----------------------------------------------------------------------------

    def store_file(
        self,
        content: bytes,
        kind: str,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> FileRecord:
        """Keep bytes and hand out file_id / file_unique_id / file_path."""
        number = next(self._file_counter)
        ext = _EXTENSIONS.get(mime_type or "", "")
        if not ext and file_name and "." in file_name:
            ext = file_name.rsplit(".", 1)[1]
        folder = {
            "photo": "photos",
            "sticker": "stickers",
            "voice": "voice",
            "audio": "music",
            "video": "videos",
        }.get(kind, "documents")
        path = f"{folder}/file_{number}" + (f".{ext}" if ext else "")
        width, height = image_size(content) if kind in ("photo", "sticker") else (0, 0)
        record = FileRecord(
            file_id=f"EMU{kind[:3].upper()}{number:06d}AAQCAgAD",
            file_unique_id=f"AgAD{number:06d}",
            content=content,
            file_path=path,
            file_name=file_name,
            mime_type=mime_type,
            kind=kind,
            width=width,
            height=height,
        )
        self.files[record.file_id] = record
        self.files_by_path[path] = record
        return record

    def photo_sizes(self, record: FileRecord) -> list[dict[str, Any]]:
        """PhotoSize list for a stored photo: a thumbnail-sized entry and the full one."""
        width, height = record.width or 800, record.height or 600
        scale = min(1.0, 90 / max(width, height))
        thumb_id = record.file_id + "_s"
        thumb: dict[str, Any] = {
            "file_id": thumb_id,
            "file_unique_id": record.file_unique_id + "s",
            "width": max(1, round(width * scale)),
            "height": max(1, round(height * scale)),
            "file_size": len(record.content),
        }
        if thumb_id not in self.files:
            self.files[thumb_id] = copy.copy(record)
            self.files[thumb_id].file_id = thumb_id
        full = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "width": width,
            "height": height,
            "file_size": len(record.content),
        }
        return [thumb, full]

    # -- updates --------------------------------------------------------------------------

    def start_update_ids_at(self, first: int) -> None:
        """Number this run's updates from ``first`` (Telegram's ids go on across restarts)."""
        self.first_update_id = self.next_update_id = first

    @property
    def produced(self) -> int:
        """How many updates this emulator has queued."""
        return self.next_update_id - self.first_update_id

    def push_update(self, kind: str, payload: dict[str, Any]) -> dict[str, Any] | None:
        """Queue an update unless the bot's allowed_updates filter excludes it."""
        allowed = self.allowed_updates
        if allowed is not None and kind not in allowed:
            return None
        update = {"update_id": self.next_update_id, kind: copy.deepcopy(payload)}
        self.next_update_id += 1
        self.updates.append(update)
        self.updates_signal.fire()
        self.webhook_signal.fire()
        return update

    def confirm_updates(self, offset: int | None) -> None:
        """Drop updates confirmed by ``offset`` (negative: keep only the last -offset)."""
        if offset is None or offset == 0:
            return
        if offset > 0:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
        else:
            self.updates = self.updates[offset:]

    # -- messages -------------------------------------------------------------------------

    def new_message(
        self,
        chat: ChatState,
        sender: dict[str, Any],
        content: dict[str, Any],
        reply_to: dict[str, Any] | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        """Store a message (from a person or the bot) in ``chat`` and return its dict.

        In a forum topic (``thread``) the message carries ``message_thread_id`` and
        ``is_topic_message``; like Telegram, a message that replies to nothing else in a topic
        arrives as a reply to the topic's first (service) message.
        """
        message: dict[str, Any] = {
            "message_id": chat.take_message_id(),
            "from": dict(sender),
            "chat": chat.chat_dict(),
            "date": int(time.time()),
        }
        if thread is not None:
            message["message_thread_id"] = thread
            message["is_topic_message"] = True
            if reply_to is None:
                reply_to = chat.messages.get(thread)
        if reply_to is not None:
            inner = {k: v for k, v in reply_to.items() if k != "reply_to_message"}
            message["reply_to_message"] = inner
        message.update(content)
        chat.messages[message["message_id"]] = message
        return message

    def topic_of(self, chat: ChatState, thread: int | None) -> int | None:
        """Check a ``message_thread_id`` the bot sends to: 400 unless an open topic of a forum."""
        if thread is None or thread == 0:
            return None
        if not chat.is_forum:
            raise bad_request("message thread not found")
        topic = chat.topics.get(thread)
        if topic is None:
            raise bad_request("message thread not found")
        if topic.closed:
            raise bad_request("TOPIC_CLOSED")
        return thread

    def bot_message_from(
        self,
        chat: ChatState,
        message: dict[str, Any],
        *,
        parse_mode: str | None,
        source: str | None,
        markup: dict[str, Any] | None,
        kind: str,
        edited: bool = False,
    ) -> BotMessage:
        """Build the BotMessage view of a message the bot sent."""
        text = message.get("text", message.get("caption"))
        entities = message.get("entities", message.get("caption_entities", []))
        document = None
        photo = None
        if "document" in message:
            record = self.files[message["document"]["file_id"]]
            document = {
                "file_name": record.file_name,
                "content": record.content,
                "mime_type": record.mime_type,
                "file_id": record.file_id,
            }
        if "photo" in message:
            photo = self.files[message["photo"][-1]["file_id"]].content
        for media in ("voice", "audio", "video"):
            if media in message and document is None:
                record = self.files[message[media]["file_id"]]
                document = {
                    "file_name": record.file_name,
                    "content": record.content,
                    "mime_type": record.mime_type,
                    "file_id": record.file_id,
                }
        return BotMessage(
            message_id=message["message_id"],
            chat_id=chat.id,
            text=text,
            parse_mode=parse_mode,
            entities=list(entities),
            reply_markup=markup,
            buttons=inline_rows(markup),
            keyboard=keyboard_texts(markup),
            document=document,
            photo=photo,
            edited=edited,
            date=message["date"],
            source=source,
            kind=kind,
            raw=copy.deepcopy(message),
        )

    def find_reply_target(self, chat: ChatState, params: dict[str, Any] | None) -> Any:
        """The message a send replies to, per reply_parameters; 400 when it is missing."""
        if not params:
            return None
        message_id = params.get("message_id")
        target_chat: ChatState | None = chat
        if params.get("chat_id") not in (None, chat.id):
            other = params["chat_id"]
            target_chat = self.chats.get(other) if isinstance(other, int) else None
        if target_chat is None:
            raise bad_request("chat not found")
        found = target_chat.messages.get(message_id) if isinstance(message_id, int) else None
        if found is None and not params.get("allow_sending_without_reply"):
            raise bad_request("message to be replied not found")
        return found

    def record_request(self, entry: RecordedRequest) -> None:
        """Remember one API call."""
        self.requests.append(entry)


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height of PNG/JPEG/GIF bytes; (0, 0) when unknown."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return int.from_bytes(data[6:8], "little"), int.from_bytes(data[8:10], "little")
    if data[:2] == b"\xff\xd8":
        pos = 2
        while pos + 9 < len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
                pos += 2
                continue
            seg_len = int.from_bytes(data[pos + 2 : pos + 4], "big")
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height = int.from_bytes(data[pos + 5 : pos + 7], "big")
                width = int.from_bytes(data[pos + 7 : pos + 9], "big")
                return width, height
            pos += 2 + seg_len
    return 0, 0


def image_mime(data: bytes) -> str | None:
    """MIME type of image bytes Telegram accepts as a photo, or None."""
    if data[:2] == b"\xff\xd8":
        return "image/jpeg"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "image/png"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None
