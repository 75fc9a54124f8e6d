"""Simulated people and group chats that talk to the bot through the emulator."""

from __future__ import annotations

import asyncio
import copy
import mimetypes
import re
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from frontdesk_emulator.core import image_mime
from frontdesk_emulator.methods import new_callback_query
from frontdesk_emulator.models import BotMessage, ChatState
from frontdesk_emulator.text_utils import utf16_len

if TYPE_CHECKING:
    from frontdesk_emulator.server import BotApiEmulator

_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?")
_STICKER_BYTES = b"RIFF\x1a\x00\x00\x00WEBPVP8 \x0e\x00\x00\x00emulator-stick"

Predicate = Callable[[BotMessage], bool]

# How long a simulated person waits for the bot: generous, since a shared 2-core machine
# running a suite beside benchmarks has delayed a correct answer past 5 s (a correct bot
# answers in milliseconds; only a failing wait lasts this long).
WAIT_SECONDS = 10.0


def command_entities(text: str) -> list[dict[str, Any]]:
    """bot_command entities Telegram's apps attach to ``/commands`` in a text."""
    entities = []
    for match in _COMMAND_RE.finditer(text):
        entities.append(
            {
                "type": "bot_command",
                "offset": utf16_len(text[: match.start()]),
                "length": utf16_len(match.group()),
            }
        )
    return entities


class SimChat:
    """A chat as seen from outside the bot: its bot messages and a wait cursor."""

    def __init__(self, emulator: BotApiEmulator, chat: ChatState) -> None:
        self._emu = emulator
        self._chat = chat
        self._cursor = 0
        self._edit_cursor: dict[int, int] = {}

    @property
    def id(self) -> int:
        """The chat id."""
        return self._chat.id

    @property
    def chat_id(self) -> int:
        """The chat id (alias of ``id``)."""
        return self._chat.id

    @property
    def title(self) -> str | None:
        """Group title (None for a private chat)."""
        return self._chat.title

    @property
    def state(self) -> ChatState:
        """The emulator's record of this chat."""
        return self._chat

    @property
    def messages(self) -> list[BotMessage]:
        """All bot messages in the chat, current state (edits applied, deleted ones removed)."""
        return [self._chat.bot_messages[k] for k in sorted(self._chat.bot_messages)]

    @property
    def last(self) -> BotMessage | None:
        """The newest bot message still in the chat, or None."""
        if not self._chat.bot_messages:
            return None
        return self._chat.bot_messages[max(self._chat.bot_messages)]

    @property
    def keyboard(self) -> list[list[str]] | None:
        """Rows of the reply keyboard the bot currently shows here, or None."""
        return self._chat.keyboard

    async def wait_message(
        self,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109 - the public API takes a timeout
        predicate: Predicate | None = None,
    ) -> BotMessage:
        """Wait for the next bot message not yet returned by ``wait_message``.

        With a ``predicate``, non-matching messages on the way are skipped (and consumed).
        The result is the message as it was sent; ``messages`` shows later edits.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            events = self._chat.events
            while self._cursor < len(events):
                kind, message = events[self._cursor]
                self._cursor += 1
                if kind == "new" and (predicate is None or predicate(message)):
                    return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(self._report(f"no new bot message within {timeout}s"))
            await self._chat.changed.wait(remaining)

    async def wait_edit(
        self,
        message_id: int | BotMessage,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
    ) -> BotMessage:
        """Wait for the next not-yet-returned edit of a bot message; return its new state."""
        if isinstance(message_id, BotMessage):
            message_id = message_id.message_id
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            consumed = self._edit_cursor.get(message_id, 0)
            seen = 0
            for kind, message in self._chat.events:
                if kind == "edit" and message.message_id == message_id:
                    seen += 1
                    if seen > consumed:
                        self._edit_cursor[message_id] = seen
                        return message
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    self._report(f"bot message #{message_id} was not edited within {timeout}s")
                )
            await self._chat.changed.wait(remaining)

    async def wait_deleted(
        self,
        message_id: int | BotMessage,
        timeout: float = WAIT_SECONDS,  # noqa: ASYNC109
    ) -> None:
        """Wait until a bot message has been deleted."""
        if isinstance(message_id, BotMessage):
            message_id = message_id.message_id
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while message_id in self._chat.bot_messages:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(
                    self._report(f"bot message #{message_id} was not deleted within {timeout}s")
                )
            await self._chat.changed.wait(remaining)

    def _report(self, headline: str) -> str:
        shown = [m.short() for _, m in self._chat.events[-10:]]
        kinds = [k for k, _ in self._chat.events[-10:]]
        lines = [f"chat {self.id}: {headline}."]
        if shown:
            lines.append("Recent bot message events (oldest first):")
            lines += [f"  {kind}: {text}" for kind, text in zip(kinds, shown, strict=True)]
        else:
            lines.append("The bot has sent nothing to this chat.")
        failures = [
            r
            for r in self._emu.requests
            if r.status != 200 and str(r.params.get("chat_id")) == str(self.id)
        ][-5:]
        if failures:
            lines.append("Recent failed API calls for this chat:")
            lines += [
                f"  {r.method} -> {r.status} {r.response.get('description')}" for r in failures
            ]
        return "\n".join(lines)

    async def send_as(self, user: SimUser, text: str, **kwargs: Any) -> dict[str, Any]:
        """``user`` sends ``text`` in this chat."""
        return await user.send(text, in_chat=self, **kwargs)


class SimUser(SimChat):
    """A person with a private chat with the bot; can also act in group chats (``in_chat=``)."""

    def __init__(self, emulator: BotApiEmulator, chat: ChatState) -> None:
        super().__init__(emulator, chat)
        assert chat.user is not None
        self.user: dict[str, Any] = chat.user

    @property
    def first_name(self) -> str:
        """The person's first name."""
        return str(self.user["first_name"])

    @property
    def username(self) -> str | None:
        """The person's @username without '@'."""
        return self.user.get("username")

    @property
    def callback_answers(self) -> list[dict[str, Any]]:
        """answerCallbackQuery parameters for this person's queries, in order."""
        return list(self._emu.core.callback_answers.get(self.id, []))

    @property
    def blocked(self) -> bool:
        """Whether this person has blocked the bot."""
        return self.id in self._emu.core.blocked

    def block(self) -> None:
        """The person blocks the bot: sends to them answer 403."""
        self._emu.block(self.id)

    def unblock(self) -> None:
        """The person unblocks the bot."""
        self._emu.unblock(self.id)

    def _target(self, in_chat: SimChat | int | None) -> ChatState:
        if in_chat is None:
            return self._chat
        chat_id = in_chat if isinstance(in_chat, int) else in_chat.id
        chat = self._emu.core.chats.get(chat_id)
        if chat is None:
            raise LookupError(f"unknown chat {chat_id}; create it with emu.group()")
        return chat

    def _post(
        self,
        chat: ChatState,
        content: dict[str, Any],
        reply_to: int | BotMessage | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        core = self._emu.core
        if thread is not None and thread not in chat.topics:
            raise LookupError(f"chat {chat.id} has no topic {thread}")
        target = None
        if reply_to is not None:
            reply_id = reply_to.message_id if isinstance(reply_to, BotMessage) else reply_to
            target = chat.messages.get(reply_id)
            if target is None:
                raise LookupError(f"no message #{reply_id} in chat {chat.id} to reply to")
        message = core.new_message(chat, self.user, content, target, thread)
        if chat.type == "private":
            chat.started = True
        if chat.keyboard_one_time and chat.keyboard is not None:
            chat.keyboard = None
        if self._bot_sees(chat, message):
            core.push_update("message", message)
        return copy.deepcopy(message)

    def _bot_sees(self, chat: ChatState, message: dict[str, Any]) -> bool:
        """Group privacy mode: only commands, replies to the bot and mentions reach it."""
        core = self._emu.core
        if chat.type == "private" or not core.group_privacy or chat.bot_admin:
            return True
        text = message.get("text") or message.get("caption") or ""
        match = _COMMAND_RE.match(text)
        if match:
            _, _, addressee = match.group().partition("@")
            if not addressee or addressee.lower() == core.bot_username.lower():
                return True
        replied = message.get("reply_to_message") or {}
        if replied.get("from", {}).get("id") == core.bot_id:
            return True
        return f"@{core.bot_username}".lower() in text.lower()

    async def send(
        self,
        text: str,
        *,
        in_chat: SimChat | int | None = None,
        reply_to: int | BotMessage | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        """Send a text message (``/commands`` in it get bot_command entities); ``thread``:
        in that topic of a forum group."""
        content: dict[str, Any] = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        return self._post(self._target(in_chat), content, reply_to, thread)

    async def edit(
        self,
        message: int | dict[str, Any],
        text: str,
        *,
        in_chat: SimChat | int | None = None,
    ) -> dict[str, Any]:
        """Edit one of this person's own text messages (an ``edited_message`` update)."""
        chat = self._target(in_chat)
        message_id = message["message_id"] if isinstance(message, dict) else message
        stored = chat.messages.get(message_id)
        if stored is None or stored.get("from", {}).get("id") != self.id or "text" not in stored:
            raise LookupError(f"{self.id} has no text message #{message_id} in chat {chat.id}")
        stored["text"] = text
        stored["edit_date"] = int(time.time())
        entities = command_entities(text)
        if entities:
            stored["entities"] = entities
        else:
            stored.pop("entities", None)
        if self._bot_sees(chat, stored):
            self._emu.core.push_update("edited_message", stored)
        return copy.deepcopy(stored)

    async def command(
        self, command: str, *, in_chat: SimChat | int | None = None, thread: int | None = None
    ) -> dict[str, Any]:
        """Send a command such as ``/start payload`` or ``/help@frontdesk_bot``."""
        if not command.startswith("/"):
            command = "/" + command
        return await self.send(command, in_chat=in_chat, thread=thread)

    async def send_photo(
        self,
        data: bytes,
        caption: str | None = None,
        *,
        in_chat: SimChat | int | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        """Send a photo; its bytes are retrievable with getFile and the file URL."""
        core = self._emu.core
        record = core.store_file(data, "photo", None, image_mime(data) or "image/jpeg")
        content: dict[str, Any] = {"photo": core.photo_sizes(record)}
        if caption:
            content["caption"] = caption
        return self._post(self._target(in_chat), content, thread=thread)

    async def send_voice(
        self,
        data: bytes = b"OggS\x00voice-note",
        duration: int = 5,
        *,
        caption: str | None = None,
        in_chat: SimChat | int | None = None,
        thread: int | None = None,
        kind: str = "voice",
    ) -> dict[str, Any]:
        """Send a voice note (``kind="audio"``: a music file, ``"video"``: a video)."""
        mime = {"voice": "audio/ogg", "audio": "audio/mpeg", "video": "video/mp4"}[kind]
        record = self._emu.core.store_file(data, kind, None, mime)
        media = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "duration": duration,
            "mime_type": mime,
            "file_size": len(data),
        }
        content: dict[str, Any] = {kind: media}
        if caption:
            content["caption"] = caption
        return self._post(self._target(in_chat), content, thread=thread)

    async def send_location(
        self,
        latitude: float,
        longitude: float,
        *,
        in_chat: SimChat | int | None = None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        """Share a location."""
        content = {"location": {"latitude": latitude, "longitude": longitude}}
        return self._post(self._target(in_chat), content, thread=thread)

    async def send_contact(
        self,
        phone_number: str,
        first_name: str,
        *,
        in_chat: SimChat | int | None = None,
    ) -> dict[str, Any]:
        """Share a contact card."""
        content = {"contact": {"phone_number": phone_number, "first_name": first_name}}
        return self._post(self._target(in_chat), content)

    async def send_document(
        self,
        data: bytes,
        file_name: str = "file.bin",
        mime_type: str | None = None,
        caption: str | None = None,
        *,
        in_chat: SimChat | int | None = None,
    ) -> dict[str, Any]:
        """Send a file as a document."""
        mime = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
        record = self._emu.core.store_file(data, "document", file_name, mime)
        document = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_name": file_name,
            "mime_type": mime,
            "file_size": len(data),
        }
        content: dict[str, Any] = {"document": document}
        if caption:
            content["caption"] = caption
        return self._post(self._target(in_chat), content)

    async def send_sticker(
        self, emoji: str = "👍", *, in_chat: SimChat | int | None = None
    ) -> dict[str, Any]:
        """Send a sticker (a message without text)."""
        record = self._emu.core.store_file(_STICKER_BYTES, "sticker", None, "image/webp")
        sticker = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
            "file_size": len(_STICKER_BYTES),
        }
        return self._post(self._target(in_chat), {"sticker": sticker})

    async def forward_from(
        self,
        other: SimUser | dict[str, Any],
        text: str = "hi",
        *,
        in_chat: SimChat | int | None = None,
    ) -> dict[str, Any]:
        """Forward a text written by ``other`` (forward_origin of type "user")."""
        sender = other.user if isinstance(other, SimUser) else other
        content: dict[str, Any] = {
            "text": text,
            "forward_origin": {
                "type": "user",
                "sender_user": dict(sender),
                "date": int(time.time()) - 60,
            },
        }
        return self._post(self._target(in_chat), content)

    async def press(self, label: str, *, in_chat: SimChat | int | None = None) -> str:
        """Press the inline button with this text or callback_data on the newest bot message
        that has one; return the callback query id."""
        chat = self._target(in_chat)
        for message_id in sorted(chat.bot_messages, reverse=True):
            for row in chat.bot_messages[message_id].buttons:
                for button in row:
                    if label not in (button.get("text"), button.get("callback_data")):
                        continue
                    if "callback_data" not in button:
                        raise LookupError(
                            f"button {label!r} on message #{message_id} has no callback_data "
                            f"({sorted(button)})"
                        )
                    return await self.press_data(
                        button["callback_data"], message_id, in_chat=in_chat
                    )
        available = [m.short() for m in self._sorted_messages(chat) if m.buttons][-5:]
        raise LookupError(
            f"no bot message in chat {chat.id} has a button {label!r}; "
            f"messages with buttons: {available or 'none'}"
        )

    async def press_data(
        self,
        data: str,
        message_id: int | BotMessage | None = None,
        *,
        in_chat: SimChat | int | None = None,
    ) -> str:
        """Send a callback query with arbitrary (possibly forged) data against a bot message."""
        core = self._emu.core
        chat = self._target(in_chat)
        if isinstance(message_id, BotMessage):
            message_id = message_id.message_id
        if message_id is None:
            if not chat.bot_messages:
                raise LookupError(f"the bot has no message in chat {chat.id} to press on")
            message_id = max(chat.bot_messages)
        message = chat.messages.get(message_id)
        if message is None:
            message = {"chat": chat.chat_dict(), "message_id": message_id, "date": 0}
        query = new_callback_query(core, self.id, chat.id, message_id, data)
        payload = {
            "id": query.query_id,
            "from": dict(self.user),
            "message": copy.deepcopy(message),
            "chat_instance": str(abs(chat.id) * 31 + core.bot_id),
            "data": data,
        }
        core.push_update("callback_query", payload)
        return query.query_id

    @staticmethod
    def _sorted_messages(chat: ChatState) -> list[BotMessage]:
        return [chat.bot_messages[k] for k in sorted(chat.bot_messages)]
