"""Bot API methods, implemented against :class:`EmulatorCore` with Telegram's checks."""

from __future__ import annotations

import asyncio
import copy
import ipaddress
import re
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from frontdesk_emulator.core import (
    CallbackQueryState,
    EmulatorCore,
    WebhookConfig,
    canonical_scope,
    image_mime,
)
from frontdesk_emulator.errors import ApiError, bad_request
from frontdesk_emulator.models import ChatState, FileRecord
from frontdesk_emulator.params import Params
from frontdesk_emulator.validation import check_reply_markup, format_text, keyboard_texts

CONFLICT_WEBHOOK = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
CONFLICT_POLL = (
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running"
)
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    [
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    ]
)
SECRET_RE = re.compile(r"[A-Za-z0-9_-]{1,256}")
COMMAND_RE = re.compile(r"[a-z0-9_]{1,32}")
PHOTO_MAX = 10 * 1024 * 1024
DOCUMENT_MAX = 50 * 1024 * 1024
FLOOD_METHOD_PREFIXES = ("send", "edit", "copymessage", "forwardmessage")
# Methods that count as a successful "send" in stats (sent_count()).
SEND_METHODS = frozenset(
    [
        "sendmessage",
        "sendphoto",
        "senddocument",
        "sendvoice",
        "sendaudio",
        "sendvideo",
        "sendlocation",
        "sendvenue",
        "sendcontact",
        "copymessage",
        "copymessages",
        "forwardmessage",
    ]
)


@dataclass
class Reply:
    """A successful result, with the optional ``description`` Telegram adds to some."""

    result: Any
    description: str | None = None


Handler = Callable[[Params], Awaitable[Reply]]


def counts_for_flood(method: str) -> bool:
    """Whether ``method`` (lower case) is a message-sending method flood control counts."""
    return method != "sendchataction" and method.startswith(FLOOD_METHOD_PREFIXES)


class BotMethods:
    """The method table: lower-cased method name -> coroutine taking Params."""

    def __init__(self, core: EmulatorCore) -> None:
        self.core = core
        self._poller: dict[str, bool] | None = None
        self.table: dict[str, Handler] = {
            "getme": self.get_me,
            "logout": self.accept,
            "close": self.accept,
            "getupdates": self.get_updates,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "setmycommands": self.set_my_commands,
            "deletemycommands": self.delete_my_commands,
            "getmycommands": self.get_my_commands,
            "setmydescription": self.set_description("description"),
            "setmyshortdescription": self.set_description("short_description"),
            "setmyname": self.set_description("name"),
            "getmydescription": self.get_description("description"),
            "getmyshortdescription": self.get_description("short_description"),
            "getmyname": self.get_description("name"),
            "setchatmenubutton": self.accept,
            "sendmessage": self.send_message,
            "sendphoto": self.send_photo,
            "senddocument": self.send_document,
            "sendvenue": self.send_venue,
            "forwardmessage": self.forward_message,
            "copymessage": self.copy_message,
            "editmessagetext": self.edit_message_text,
            "editmessagecaption": self.edit_message_caption,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "deletemessages": self.delete_messages,
            "answercallbackquery": self.answer_callback_query,
            "sendchataction": self.send_chat_action,
            "getfile": self.get_file,
            "getchat": self.get_chat,
            "getchatmember": self.get_chat_member,
        }

    # -- general --------------------------------------------------------------------------

    async def accept(self, params: Params) -> Reply:
        """Methods the emulator acknowledges without effect."""
        return Reply(True)

    async def get_me(self, params: Params) -> Reply:
        """getMe."""
        return Reply(
            {
                **self.core.bot_user(),
                "can_join_groups": True,
                "can_read_all_group_messages": not self.core.group_privacy,
                "supports_inline_queries": False,
                "can_connect_to_business": False,
                "has_main_web_app": False,
            }
        )

    # -- updates --------------------------------------------------------------------------

    async def get_updates(self, params: Params) -> Reply:
        """getUpdates with offset confirmation, limit, long polling and conflicts."""
        core = self.core
        if core.webhook is not None:
            raise ApiError(409, CONFLICT_WEBHOOK)
        offset = params.integer("offset")
        limit = min(max(params.integer("limit", 100) or 100, 1), 100)
        timeout = max(params.number("timeout", 0.0), 0.0)
        allowed = params.json("allowed_updates")
        if allowed is not None:
            core.allowed_updates = set(allowed) if allowed else None
        core.confirm_updates(offset)
        if self._poller is not None:
            self._poller["terminated"] = True
            core.updates_signal.fire()
        me = {"terminated": False}
        self._poller = me
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            while True:
                if me["terminated"]:
                    raise ApiError(409, CONFLICT_POLL)
                if core.webhook is not None:
                    raise ApiError(409, CONFLICT_WEBHOOK)
                batch = core.updates[:limit]
                remaining = deadline - loop.time()
                if batch or core.closing or remaining <= 0:
                    return Reply(copy.deepcopy(batch))
                await core.updates_signal.wait(remaining)
        finally:
            if self._poller is me:
                self._poller = None

    async def set_webhook(self, params: Params) -> Reply:
        """setWebhook: only loopback URLs are accepted (the emulator contacts nothing else)."""
        core = self.core
        url = params.text("url", "") or ""
        if not url:
            return await self.delete_webhook(params)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise bad_request("bad webhook: invalid webhook URL specified")
        if not _is_loopback(parts.hostname):
            raise bad_request(
                "bad webhook: the emulator delivers webhooks only to loopback addresses"
            )
        secret = params.text("secret_token")
        if secret is not None and not SECRET_RE.fullmatch(secret):
            raise bad_request("bad webhook: secret token contains unallowed characters")
        max_connections = params.integer("max_connections", 40) or 40
        if not 1 <= max_connections <= 100:
            raise bad_request("bad webhook: max_connections must be between 1 and 100")
        allowed = params.json("allowed_updates")
        if allowed is not None:
            core.allowed_updates = set(allowed) if allowed else None
        if params.flag("drop_pending_updates"):
            core.updates.clear()
        previous = core.webhook
        core.webhook = WebhookConfig(
            url=url,
            secret_token=secret,
            max_connections=max_connections,
            allowed_updates=sorted(core.allowed_updates) if core.allowed_updates else None,
        )
        core.updates_signal.fire()
        core.webhook_signal.fire()
        core.webhook_retry_signal.fire()
        if previous is not None and previous.url == url:
            return Reply(True, "Webhook is already set")
        return Reply(True, "Webhook was set")

    async def delete_webhook(self, params: Params) -> Reply:
        """deleteWebhook (optionally dropping pending updates)."""
        core = self.core
        if params.flag("drop_pending_updates"):
            core.updates.clear()
        existed = core.webhook is not None
        core.webhook = None
        core.webhook_signal.fire()
        core.webhook_retry_signal.fire()
        return Reply(True, "Webhook was deleted" if existed else "Webhook is already deleted")

    async def get_webhook_info(self, params: Params) -> Reply:
        """getWebhookInfo."""
        core = self.core
        hook = core.webhook
        info: dict[str, Any] = {
            "url": hook.url if hook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(core.updates),
        }
        if hook is not None:
            info["max_connections"] = hook.max_connections
            if hook.allowed_updates:
                info["allowed_updates"] = hook.allowed_updates
            if hook.last_error_date is not None:
                info["last_error_date"] = hook.last_error_date
                info["last_error_message"] = hook.last_error_message
        return Reply(info)

    # -- commands and descriptions --------------------------------------------------------

    def _command_key(self, params: Params) -> tuple[str, str]:
        scope = params.json("scope", "BotCommandScope")
        language = params.text("language_code", "") or ""
        if language and not re.fullmatch(r"[a-z]{2}", language):
            raise bad_request("invalid language code specified")
        return canonical_scope(scope), language

    async def set_my_commands(self, params: Params) -> Reply:
        """setMyCommands with Telegram's command and description checks."""
        key = self._command_key(params)
        commands = params.json("commands", "BotCommand array")
        if not isinstance(commands, list):
            raise bad_request("can't parse BotCommand array JSON object")
        if len(commands) > 100:
            raise bad_request("too many commands")
        clean: list[dict[str, str]] = []
        for item in commands:
            if not isinstance(item, dict):
                raise bad_request("can't parse BotCommand JSON object")
            name = str(item.get("command", ""))
            description = str(item.get("description", ""))
            if not COMMAND_RE.fullmatch(name):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(description.strip()) <= 256:
                raise bad_request("command description is empty or too long")
            clean.append({"command": name, "description": description})
        if clean:
            self.core.commands[key] = clean
        else:
            self.core.commands.pop(key, None)
        return Reply(True)

    async def delete_my_commands(self, params: Params) -> Reply:
        """deleteMyCommands."""
        self.core.commands.pop(self._command_key(params), None)
        return Reply(True)

    async def get_my_commands(self, params: Params) -> Reply:
        """getMyCommands for exactly the given scope and language."""
        return Reply(list(self.core.commands.get(self._command_key(params), [])))

    def set_description(self, field_name: str) -> Handler:
        """setMyDescription / setMyShortDescription / setMyName."""
        limits = {"description": 512, "short_description": 120, "name": 64}

        async def handler(params: Params) -> Reply:
            value = params.text(field_name, "") or ""
            if len(value) > limits[field_name]:
                raise bad_request(f"{field_name} is too long")
            language = params.text("language_code", "") or ""
            self.core.descriptions[(field_name, language)] = value
            return Reply(True)

        return handler

    def get_description(self, field_name: str) -> Handler:
        """getMyDescription / getMyShortDescription / getMyName."""

        async def handler(params: Params) -> Reply:
            language = params.text("language_code", "") or ""
            value = self.core.descriptions.get((field_name, language), "")
            return Reply({field_name: value})

        return handler

    # -- sending --------------------------------------------------------------------------

    def _flood(self, chat: ChatState, params: Params | None = None) -> None:
        paid = params is not None and params.flag("allow_paid_broadcast")
        retry_after = self.core.flood.acquire(chat.id, chat.type != "private", paid=paid)
        if paid and retry_after is None:
            # Telegram charges 0.1 Stars per paid message; the emulator counts them.
            self.core.counters["paid"] += 1
        if retry_after is not None:
            self.core.counters["429"] += 1
            raise ApiError(
                429,
                f"Too Many Requests: retry after {retry_after}",
                {"retry_after": retry_after},
            )

    def _markup(self, params: Params) -> dict[str, Any] | None:
        return check_reply_markup(params.json("reply_markup", "reply keyboard markup"))

    def _reply_parameters(self, params: Params) -> dict[str, Any] | None:
        reply = params.json("reply_parameters", "reply parameters")
        if reply is None and params.has("reply_to_message_id"):
            reply = {
                "message_id": params.integer("reply_to_message_id"),
                "allow_sending_without_reply": params.flag("allow_sending_without_reply"),
            }
        if reply is not None and not isinstance(reply, dict):
            raise bad_request("can't parse reply parameters JSON object")
        return reply

    def _deliver(
        self,
        chat: ChatState,
        content: dict[str, Any],
        *,
        params: Params,
        markup: dict[str, Any] | None,
        kind: str,
        source_field: str,
        reply_to: dict[str, Any] | None,
        thread: int | None = None,
    ) -> dict[str, Any]:
        core = self.core
        if markup and "inline_keyboard" in markup:
            content["reply_markup"] = {"inline_keyboard": markup["inline_keyboard"]}
        message = core.new_message(chat, core.bot_user(), content, reply_to, thread)
        if params.flag("protect_content"):
            message["has_protected_content"] = True
        view = core.bot_message_from(
            chat,
            message,
            parse_mode=params.text("parse_mode"),
            source=params.text(source_field),
            markup=markup,
            kind=kind,
        )
        chat.bot_messages[view.message_id] = view
        if markup is not None:
            if "keyboard" in markup:
                chat.keyboard = keyboard_texts(markup)
                chat.keyboard_one_time = bool(markup.get("one_time_keyboard"))
            elif markup.get("remove_keyboard"):
                chat.keyboard = None
        chat.record("new", view)
        return copy.deepcopy(message)

    async def send_message(self, params: Params) -> Reply:
        """sendMessage."""
        chat = self.core.target_chat(params.chat_id())
        text, entities = format_text(
            params.text("text"), params.text("parse_mode"), params.json("entities")
        )
        markup = self._markup(params)
        reply_to = self.core.find_reply_target(chat, self._reply_parameters(params))
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        content: dict[str, Any] = {"text": text}
        if entities:
            content["entities"] = entities
        link_options = params.json("link_preview_options", "link preview options")
        if isinstance(link_options, dict) and link_options:
            content["link_preview_options"] = link_options
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=markup,
            kind="text",
            source_field="text",
            reply_to=reply_to,
            thread=thread,
        )
        return Reply(message)

    async def send_venue(self, params: Params) -> Reply:
        """sendVenue: a map pin with a title and an address (both 1-256 characters after
        trimming, as Telegram wants them), latitude in [-90, 90], longitude in [-180, 180]."""
        chat = self.core.target_chat(params.chat_id())
        for name, low, high in (("latitude", -90.0, 90.0), ("longitude", -180.0, 180.0)):
            if not params.has(name):
                raise bad_request(f'parameter "{name}" is required')
            value = params.number(name, 0.0)
            if not (low <= value <= high) or value != value:  # NaN is not a place
                raise bad_request(f"Bad Request: wrong {name}")
        location = {
            "latitude": params.number("latitude", 0.0),
            "longitude": params.number("longitude", 0.0),
        }
        venue: dict[str, Any] = {"location": location}
        for name in ("title", "address"):
            given = (params.text(name) or "").strip()
            if not given:
                raise bad_request(f'parameter "{name}" is required')
            if len(given) > 256:
                raise bad_request(f"Bad Request: venue {name} is too long")
            venue[name] = given
        markup = self._markup(params)
        reply_to = self.core.find_reply_target(chat, self._reply_parameters(params))
        self._flood(chat, params)
        message = self._deliver(
            chat,
            {"venue": venue, "location": location},
            params=params,
            markup=markup,
            kind="venue",
            source_field="title",
            reply_to=reply_to,
        )
        return Reply(message)

    def _caption(self, params: Params, content: dict[str, Any]) -> None:
        caption = params.text("caption")
        if caption:
            text, entities = format_text(
                caption, params.text("parse_mode"), params.json("caption_entities"), caption=True
            )
            if text:
                content["caption"] = text
            if entities:
                content["caption_entities"] = entities

    def _input_file(self, params: Params, name: str, kind: str) -> tuple[FileRecord, bool]:
        """Resolve a file parameter: an upload, an attach:// reference or a known file_id."""
        core = self.core
        value = params.text(name)
        upload = None
        if value and value.startswith("attach://"):
            upload = params.uploads.get(value.removeprefix("attach://"))
            if upload is None:
                raise bad_request(f"{name} attach not found in the request")
        elif value is None or value == "":
            upload = params.uploads.get(name)
        if upload is not None:
            if not upload.content:
                raise bad_request("file must be non-empty")
            return core.store_file(upload.content, kind, upload.file_name, upload.mime_type), True
        if not value:
            raise bad_request(f"there is no {name} in the request")
        if value.startswith(("http://", "https://")):
            raise bad_request("failed to get HTTP URL content (the emulator fetches no URLs)")
        record = core.files.get(value)
        if record is None:
            raise bad_request("wrong file identifier/HTTP URL specified")
        return record, False

    async def send_photo(self, params: Params) -> Reply:
        """sendPhoto (multipart upload or a known file_id)."""
        core = self.core
        chat = core.target_chat(params.chat_id())
        record, fresh = self._input_file(params, "photo", "photo")
        if fresh:
            mime = image_mime(record.content)
            if mime is None:
                raise bad_request("IMAGE_PROCESS_FAILED")
            if len(record.content) > PHOTO_MAX:
                raise bad_request("PHOTO_INVALID_DIMENSIONS")
            record.mime_type = mime
        content: dict[str, Any] = {"photo": core.photo_sizes(record)}
        self._caption(params, content)
        markup = self._markup(params)
        reply_to = core.find_reply_target(chat, self._reply_parameters(params))
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=markup,
            kind="photo",
            source_field="caption",
            reply_to=reply_to,
            thread=thread,
        )
        return Reply(message)

    async def send_document(self, params: Params) -> Reply:
        """sendDocument (multipart upload or a known file_id)."""
        core = self.core
        chat = core.target_chat(params.chat_id())
        record, _ = self._input_file(params, "document", "document")
        if len(record.content) > DOCUMENT_MAX:
            raise ApiError(413, "Request Entity Too Large")
        document: dict[str, Any] = {
            "file_id": record.file_id,
            "file_unique_id": record.file_unique_id,
            "file_size": len(record.content),
        }
        if record.file_name:
            document["file_name"] = record.file_name
        if record.mime_type:
            document["mime_type"] = record.mime_type
        content: dict[str, Any] = {"document": document}
        self._caption(params, content)
        markup = self._markup(params)
        reply_to = core.find_reply_target(chat, self._reply_parameters(params))
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=markup,
            kind="document",
            source_field="caption",
            reply_to=reply_to,
            thread=thread,
        )
        return Reply(message)

    def _source_message(self, params: Params) -> dict[str, Any]:
        source_chat = self.core.target_chat(params.chat_id("from_chat_id"), sending=False)
        message = source_chat.messages.get(params.require_int("message_id"))
        if message is None:
            raise bad_request("message to forward not found")
        return message

    async def forward_message(self, params: Params) -> Reply:
        """forwardMessage: a copy carrying forward_origin."""
        chat = self.core.target_chat(params.chat_id())
        original = self._source_message(params)
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        content = _copyable(original)
        sender = original["from"]
        content["forward_origin"] = original.get("forward_origin") or {
            "type": "user",
            "sender_user": sender,
            "date": original["date"],
        }
        kind = _kind_of(content)
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=None,
            kind=kind,
            source_field="__none__",
            reply_to=None,
            thread=thread,
        )
        return Reply(message)

    async def copy_message(self, params: Params) -> Reply:
        """copyMessage: a copy without a link to the original; returns a MessageId."""
        chat = self.core.target_chat(params.chat_id())
        original = self._source_message(params)
        content = _copyable(original)
        if params.has("caption") and any(kind in content for kind in CAPTIONED):
            content.pop("caption", None)
            content.pop("caption_entities", None)
            self._caption(params, content)
        markup = self._markup(params)
        reply_to = self.core.find_reply_target(chat, self._reply_parameters(params))
        thread = self.core.topic_of(chat, params.integer("message_thread_id"))
        self._flood(chat, params)
        message = self._deliver(
            chat,
            content,
            params=params,
            markup=markup,
            kind=_kind_of(content),
            source_field="caption",
            reply_to=reply_to,
            thread=thread,
        )
        return Reply({"message_id": message["message_id"]})

    # -- editing --------------------------------------------------------------------------

    def _editable(self, params: Params) -> tuple[ChatState, dict[str, Any]]:
        if params.has("inline_message_id") and not params.has("chat_id"):
            raise bad_request("MESSAGE_ID_INVALID")
        chat = self.core.target_chat(params.chat_id(), sending=False)
        message_id = params.require_int("message_id")
        message = chat.messages.get(message_id)
        if message is None:
            raise bad_request("message to edit not found")
        if message_id not in chat.bot_messages:
            raise bad_request("message can't be edited")
        return chat, message

    def _apply_edit(
        self,
        chat: ChatState,
        message: dict[str, Any],
        changes: dict[str, Any],
        markup: dict[str, Any] | None,
        params: Params,
        source_field: str | None,
    ) -> Reply:
        old_markup = message.get("reply_markup")
        new_markup = {"inline_keyboard": markup["inline_keyboard"]} if markup else None
        unchanged = all(message.get(k) == v for k, v in changes.items())
        if unchanged and old_markup == new_markup:
            raise bad_request(NOT_MODIFIED)
        self._flood(chat, params)
        for key, value in changes.items():
            if value is None:
                message.pop(key, None)
            else:
                message[key] = value
        if new_markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = new_markup
        message["edit_date"] = int(time.time())
        previous = chat.bot_messages[message["message_id"]]
        view = self.core.bot_message_from(
            chat,
            message,
            parse_mode=params.text("parse_mode") if source_field else previous.parse_mode,
            source=params.text(source_field) if source_field else previous.source,
            markup=new_markup,
            kind=previous.kind,
            edited=True,
        )
        chat.bot_messages[view.message_id] = view
        chat.record("edit", view)
        return Reply(copy.deepcopy(message))

    async def edit_message_text(self, params: Params) -> Reply:
        """editMessageText (omitting reply_markup removes the inline keyboard, as on Telegram)."""
        chat, message = self._editable(params)
        if "text" not in message:
            raise bad_request("there is no text in the message to edit")
        text, entities = format_text(
            params.text("text"), params.text("parse_mode"), params.json("entities")
        )
        markup = self._inline_only(params)
        changes = {"text": text, "entities": entities or None}
        return self._apply_edit(chat, message, changes, markup, params, "text")

    async def edit_message_caption(self, params: Params) -> Reply:
        """editMessageCaption."""
        chat, message = self._editable(params)
        if "text" in message:
            raise bad_request("there is no caption in the message to edit")
        content: dict[str, Any] = {}
        self._caption(params, content)
        markup = self._inline_only(params)
        changes = {
            "caption": content.get("caption"),
            "caption_entities": content.get("caption_entities"),
        }
        return self._apply_edit(chat, message, changes, markup, params, "caption")

    async def edit_message_reply_markup(self, params: Params) -> Reply:
        """editMessageReplyMarkup (no reply_markup: remove the keyboard)."""
        chat, message = self._editable(params)
        markup = self._inline_only(params)
        return self._apply_edit(chat, message, {}, markup, params, None)

    def _inline_only(self, params: Params) -> dict[str, Any] | None:
        markup = self._markup(params)
        if markup is not None and "inline_keyboard" not in markup:
            raise bad_request("REPLY_MARKUP_INVALID: only an inline keyboard may be edited")
        return markup

    async def delete_message(self, params: Params) -> Reply:
        """deleteMessage."""
        chat = self.core.target_chat(params.chat_id(), sending=False)
        message_id = params.require_int("message_id")
        if not self._delete(chat, message_id):
            raise bad_request("message to delete not found")
        return Reply(True)

    async def delete_messages(self, params: Params) -> Reply:
        """deleteMessages (missing ones are skipped)."""
        chat = self.core.target_chat(params.chat_id(), sending=False)
        ids = params.json("message_ids")
        if not isinstance(ids, list) or not 1 <= len(ids) <= 100:
            raise bad_request("message_ids must be a list of 1-100 identifiers")
        for message_id in ids:
            self._delete(chat, int(message_id))
        return Reply(True)

    @staticmethod
    def _delete(chat: ChatState, message_id: int) -> bool:
        if chat.messages.pop(message_id, None) is None:
            return False
        view = chat.bot_messages.pop(message_id, None)
        if view is not None:
            chat.record("delete", view)
        return True

    # -- callbacks, actions, files, chats -------------------------------------------------

    async def answer_callback_query(self, params: Params) -> Reply:
        """answerCallbackQuery: each query may be answered once."""
        query_id = params.require_str("callback_query_id")
        query = self.core.callback_queries.get(query_id)
        if query is None or query.answered:
            raise bad_request(QUERY_TOO_OLD)
        text = params.text("text")
        if text is not None and len(text) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        query.answered = True
        answer = {k: v for k, v in params.loggable().items() if v is not None}
        self.core.callback_answers.setdefault(query.user_id, []).append(answer)
        chat = self.core.chats.get(query.chat_id)
        if chat is not None:
            chat.changed.fire()
        return Reply(True)

    async def send_chat_action(self, params: Params) -> Reply:
        """sendChatAction."""
        chat = self.core.target_chat(params.chat_id())
        action = params.text("action", "") or ""
        if action not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        self.core.chat_actions.append({"chat_id": chat.id, "action": action, "at": time.time()})
        return Reply(True)

    async def get_file(self, params: Params) -> Reply:
        """getFile."""
        record = self.core.files.get(params.require_str("file_id"))
        if record is None:
            raise bad_request("invalid file_id")
        return Reply(
            {
                "file_id": record.file_id,
                "file_unique_id": record.file_unique_id,
                "file_size": len(record.content),
                "file_path": record.file_path,
            }
        )

    async def get_chat(self, params: Params) -> Reply:
        """getChat (a ChatFullInfo)."""
        chat = self.core.target_chat(params.chat_id(), sending=False)
        info = chat.chat_dict()
        info.update(
            {
                "accent_color_id": 0,
                "max_reaction_count": 11,
                "accepted_gift_types": {
                    "unlimited_gifts": False,
                    "limited_gifts": False,
                    "unique_gifts": False,
                    "premium_subscription": False,
                    "gifts_from_channels": False,
                },
            }
        )
        return Reply(info)

    async def get_chat_member(self, params: Params) -> Reply:
        """getChatMember: known people are members; the bot is an administrator."""
        chat = self.core.target_chat(params.chat_id(), sending=False)
        user_id = params.require_int("user_id")
        if user_id == self.core.bot_id:
            return Reply(
                {
                    "status": "administrator" if chat.type != "private" else "member",
                    "user": self.core.bot_user(),
                    **(_ADMIN_RIGHTS if chat.type != "private" else {}),
                }
            )
        user = self.core.users.get(user_id)
        if user is None:
            raise bad_request("user not found")
        return Reply({"status": "member", "user": user})


_ADMIN_RIGHTS = {
    "can_be_edited": False,
    "is_anonymous": False,
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": False,
    "can_restrict_members": False,
    "can_promote_members": False,
    "can_change_info": False,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
}
# "venue" before "location": a venue message carries its location too.
MEDIA_KINDS = (
    "photo",
    "document",
    "sticker",
    "voice",
    "audio",
    "video",
    "venue",
    "location",
    "contact",
)
# Media whose caption copyMessage may replace (a sticker, a location and a contact have none).
CAPTIONED = ("photo", "document", "voice", "audio", "video")
_COPY_KEYS = ("text", "entities", "caption", "caption_entities", *MEDIA_KINDS)
# Service messages (a topic created, someone joined ...) cannot be copied or forwarded.
_SERVICE_KEYS = (
    "forum_topic_created",
    "forum_topic_closed",
    "forum_topic_reopened",
    "forum_topic_edited",
    "new_chat_members",
    "left_chat_member",
    "pinned_message",
)


def _copyable(message: dict[str, Any]) -> dict[str, Any]:
    if any(key in message for key in _SERVICE_KEYS):
        raise bad_request("message can't be copied")
    return copy.deepcopy({k: message[k] for k in _COPY_KEYS if k in message})


def _kind_of(content: dict[str, Any]) -> str:
    for kind in MEDIA_KINDS:
        if kind in content:
            return kind
    return "text"


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_callback_query(
    core: EmulatorCore, user_id: int, chat_id: int, message_id: int | None, data: str | None
) -> CallbackQueryState:
    """Register a callback query a person sends."""
    query_id = f"{user_id}{next(core._query_counter):08d}"
    state = CallbackQueryState(query_id, user_id, chat_id, message_id, data, at=core.clock())
    core.callback_queries[query_id] = state
    return state
