"""Forum topics, voice notes, audio, video, locations, contacts and copyMessages.

The checks follow the Bot API documentation: a topic exists only in a forum supergroup, its
name is 1-128 characters, its icon colour one of six; ``copyMessages`` takes 1-100 strictly
increasing ids of one chat; a location has latitude -90…90 and longitude -180…180 and an
accuracy of 0-1500 m; a contact needs a phone number and a first name.
"""

from __future__ import annotations

from typing import Any

from frontdesk_emulator.errors import bad_request
from frontdesk_emulator.methods import (
    CAPTIONED,
    BotMethods,
    Reply,
    _copyable,
    _kind_of,
)
from frontdesk_emulator.models import ChatState, ForumTopic
from frontdesk_emulator.params import Params

TOPIC_COLORS = (0x6FB9F0, 0xFFD67E, 0xCB86DB, 0x8EEE98, 0xFF93B2, 0xFB6F5F)
MAX_TOPIC_NAME = 128
AUDIO_MAX = 50 * 1024 * 1024


class FullBotMethods(BotMethods):
    """The base methods plus forum topics and the other kinds of message."""

    def __init__(self, core: Any) -> None:
        super().__init__(core)
        self.table.update(
            {
                "createforumtopic": self.create_forum_topic,
                "editforumtopic": self.edit_forum_topic,
                "closeforumtopic": self.topic_state(closed=True),
                "reopenforumtopic": self.topic_state(closed=False),
                "deleteforumtopic": self.delete_forum_topic,
                "sendvoice": self.send_media("voice", "audio/ogg"),
                "sendaudio": self.send_media("audio", "audio/mpeg"),
                "sendvideo": self.send_media("video", "video/mp4"),
                "sendlocation": self.send_location,
                "sendcontact": self.send_contact,
                "copymessages": self.copy_messages,
            }
        )

    # -- topics ---------------------------------------------------------------------------

    def _forum(self, params: Params) -> ChatState:
        chat = self.core.target_chat(params.chat_id(), sending=False)
        if not chat.is_forum:
            raise bad_request("the chat is not a forum")
        if not chat.bot_admin:
            raise bad_request("not enough rights to manage topics")
        return chat

    @staticmethod
    def _topic_name(params: Params, *, required: bool) -> str | None:
        name = params.text("name")
        if name is None and not required:
            return None
        if not name or not name.strip():
            raise bad_request("TOPIC_TITLE_EMPTY")
        if len(name) > MAX_TOPIC_NAME:
            raise bad_request("TOPIC_TITLE_TOO_LONG")
        return name

    def _topic(self, chat: ChatState, params: Params) -> ForumTopic:
        topic = chat.topics.get(params.require_int("message_thread_id"))
        if topic is None:
            raise bad_request("TOPIC_ID_INVALID")
        return topic

    async def create_forum_topic(self, params: Params) -> Reply:
        """createForumTopic: a topic and its service message; returns a ForumTopic."""
        chat = self._forum(params)
        name = self._topic_name(params, required=True)
        assert name is not None
        color = params.integer("icon_color", TOPIC_COLORS[0])
        if color not in TOPIC_COLORS:
            raise bad_request("invalid icon_color specified")
        self._flood(chat, params)
        content = {"forum_topic_created": {"name": name, "icon_color": color}}
        message = self.core.new_message(chat, self.core.bot_user(), content)
        thread = message["message_id"]
        message["message_thread_id"] = thread
        message["is_topic_message"] = True
        chat.topics[thread] = ForumTopic(thread, name, int(color))
        self.core.counters["topics"] += 1
        return Reply({"message_thread_id": thread, "name": name, "icon_color": color})

    async def edit_forum_topic(self, params: Params) -> Reply:
        """editForumTopic: rename a topic."""
        chat = self._forum(params)
        topic = self._topic(chat, params)
        name = self._topic_name(params, required=False)
        if name is not None:
            if name == topic.name:
                raise bad_request("TOPIC_NOT_MODIFIED")
            topic.name = name
        return Reply(True)

    def topic_state(self, *, closed: bool) -> Any:
        """closeForumTopic / reopenForumTopic."""

        async def handler(params: Params) -> Reply:
            chat = self._forum(params)
            topic = self._topic(chat, params)
            if topic.closed == closed:
                raise bad_request("TOPIC_NOT_MODIFIED")
            topic.closed = closed
            return Reply(True)

        return handler

    async def delete_forum_topic(self, params: Params) -> Reply:
        """deleteForumTopic: the topic and every message in it go."""
        chat = self._forum(params)
        topic = self._topic(chat, params)
        del chat.topics[topic.message_thread_id]
        for message_id, message in list(chat.messages.items()):
            if message.get("message_thread_id") == topic.message_thread_id:
                self._delete(chat, message_id)
        return Reply(True)

    # -- other kinds of message -----------------------------------------------------------

    def send_media(self, kind: str, default_mime: str) -> Any:
        """sendVoice / sendAudio / sendVideo (an upload or a known file_id of that kind)."""

        async def handler(params: Params) -> Reply:
            core = self.core
            chat = core.target_chat(params.chat_id())
            record, fresh = self._input_file(params, kind, kind)
            if not fresh and record.kind != kind:
                raise bad_request(f"wrong file identifier: can't use file of type "
                                  f"{record.kind.capitalize()} as {kind.capitalize()}")  # fmt: skip
            if len(record.content) > AUDIO_MAX:
                raise bad_request("Request Entity Too Large")
            record.mime_type = record.mime_type or default_mime
            media: dict[str, Any] = {
                "file_id": record.file_id,
                "file_unique_id": record.file_unique_id,
                "file_size": len(record.content),
                "mime_type": record.mime_type,
                "duration": max(0, params.integer("duration", 0) or 0),
            }
            content: dict[str, Any] = {kind: media}
            self._caption(params, content)
            return self._send_content(chat, params, content, kind, "caption")

        return handler

    def _send_content(
        self, chat: ChatState, params: Params, content: dict[str, Any], kind: str, source: str
    ) -> Reply:
        markup = self._markup(params)
        reply_to = self.core.find_reply_target(chat, self._reply_parameters(params))
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=markup,
            kind=kind,
            source_field=source,
            reply_to=reply_to,
            thread=thread,
        )
        return Reply(message)

    async def send_location(self, params: Params) -> Reply:
        """sendLocation."""
        chat = self.core.target_chat(params.chat_id())
        location = location_of(
            params.raw("latitude"), params.raw("longitude"), params.raw("horizontal_accuracy")
        )
        return self._send_content(chat, params, {"location": location}, "location", "__none__")

    async def send_contact(self, params: Params) -> Reply:
        """sendContact."""
        chat = self.core.target_chat(params.chat_id())
        phone = (params.text("phone_number") or "").strip()
        first = (params.text("first_name") or "").strip()
        if not phone:
            raise bad_request("phone number is empty")
        if not first:
            raise bad_request("first name is empty")
        contact: dict[str, Any] = {"phone_number": phone, "first_name": first}
        last = params.text("last_name")
        if last:
            contact["last_name"] = last
        return self._send_content(chat, params, {"contact": contact}, "contact", "__none__")

    async def copy_messages(self, params: Params) -> Reply:
        """copyMessages: 1-100 strictly increasing ids of one chat, copied in order;
        missing ones are skipped; returns their MessageIds."""
        chat = self.core.target_chat(params.chat_id())
        source = self.core.target_chat(params.chat_id("from_chat_id"), sending=False)
        ids = params.json("message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids must be a list of 1-100 identifiers")
        if any(not isinstance(i, int) for i in ids) or ids != sorted(set(ids)):
            raise bad_request("message identifiers must be in a strictly increasing order")
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        originals = [source.messages[i] for i in ids if i in source.messages]
        contents = [_copyable(m) for m in originals]
        results = []
        for content in contents:
            if params.flag("remove_caption") and any(k in content for k in CAPTIONED):
                content.pop("caption", None)
                content.pop("caption_entities", None)
            self._flood(chat, params)
            message = self._deliver(
                chat,
                content,
                params=params,
                markup=None,
                kind=_kind_of(content),
                source_field="__none__",
                reply_to=None,
                thread=thread,
            )
            results.append({"message_id": message["message_id"]})
        return Reply(results)


def location_of(latitude: Any, longitude: Any, accuracy: Any = None) -> dict[str, Any]:
    """A Location object from raw parameters, with Telegram's ranges."""
    try:
        lat = float(latitude)
        lon = float(longitude)
    except (TypeError, ValueError):
        raise bad_request("wrong latitude or longitude specified") from None
    if not (-90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0):
        raise bad_request("wrong latitude or longitude specified")
    location: dict[str, Any] = {"latitude": lat, "longitude": lon}
    if accuracy is not None:
        try:
            value = float(accuracy)
        except (TypeError, ValueError):
            raise bad_request("wrong horizontal accuracy specified") from None
        if not 0.0 <= value <= 1500.0:
            raise bad_request("wrong horizontal accuracy specified")
        location["horizontal_accuracy"] = value
    return location
