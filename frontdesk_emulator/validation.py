"""Telegram's checks on texts, captions and reply markup."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from frontdesk_emulator.errors import bad_request
from frontdesk_emulator.html_entities import parse_html
from frontdesk_emulator.text_utils import strip_with_entities, utf16_len

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA_BYTES = 64
MAX_BUTTONS = 100
MAX_BUTTONS_PER_ROW = 8

_INLINE_ACTIONS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_ENTITY_TYPES = frozenset(
    [
        "mention",
        "hashtag",
        "cashtag",
        "bot_command",
        "url",
        "email",
        "phone_number",
        "bold",
        "italic",
        "underline",
        "strikethrough",
        "spoiler",
        "blockquote",
        "expandable_blockquote",
        "code",
        "pre",
        "text_link",
        "text_mention",
        "custom_emoji",
        "date_time",
    ]
)


def format_text(
    text: str | None,
    parse_mode: str | None,
    entities: Any,
    *,
    caption: bool = False,
) -> tuple[str, list[dict[str, Any]]]:
    """Parse and check a message text or caption; return (plain text, entities)."""
    if text is None:
        text = ""
    mode = (parse_mode or "").strip()
    if mode and entities:
        entities = None  # Telegram ignores explicit entities when a parse mode is given
    if mode.upper() == "HTML":
        plain, parsed = parse_html(text)
    elif mode.lower() in ("markdown", "markdownv2", ""):
        plain, parsed = text, _check_entities(entities, text)
    else:
        raise bad_request(f"unsupported parse_mode {mode!r}")
    plain, parsed = strip_with_entities(plain, parsed)
    length = utf16_len(plain)
    if caption:
        if length > MAX_CAPTION:
            raise bad_request("message caption is too long")
    else:
        if length == 0:
            raise bad_request("message text is empty")
        if length > MAX_TEXT:
            raise bad_request("message is too long")
    return plain, parsed


def _check_entities(entities: Any, text: str) -> list[dict[str, Any]]:
    if not entities:
        return []
    if not isinstance(entities, list):
        raise bad_request("can't parse entities JSON object")
    total = utf16_len(text)
    checked = []
    for entity in entities:
        if not isinstance(entity, dict) or entity.get("type") not in _ENTITY_TYPES:
            raise bad_request("can't parse MessageEntity: unsupported entity type")
        offset, length = entity.get("offset"), entity.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0:
            raise bad_request("can't parse MessageEntity: bad offset or length")
        if length > 0 and offset + length <= total:
            checked.append(dict(entity))
    return checked


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate a reply_markup object; return it normalised (or None)."""
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        return {"inline_keyboard": _check_inline(markup["inline_keyboard"])}
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
            raise bad_request("can't parse reply keyboard markup JSON object")
        norm_rows = []
        for row in rows:
            norm_row = []
            for button in row:
                button_obj = {"text": button} if isinstance(button, str) else button
                if not isinstance(button_obj, dict) or not isinstance(button_obj.get("text"), str):
                    raise bad_request('can\'t parse keyboard button: Field "text" must be String')
                norm_row.append(button_obj)
            norm_rows.append(norm_row)
        return {**markup, "keyboard": norm_rows}
    if markup.get("remove_keyboard") is True or markup.get("force_reply") is True:
        return dict(markup)
    raise bad_request("can't parse reply keyboard markup JSON object")


def _check_inline(rows: Any) -> list[list[dict[str, Any]]]:
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise bad_request("can't parse inline keyboard markup JSON object")
    total = 0
    for row in rows:
        if len(row) > MAX_BUTTONS_PER_ROW:
            raise bad_request(
                f"BUTTONS_TOO_MUCH: at most {MAX_BUTTONS_PER_ROW} buttons are allowed in a row"
            )
        total += len(row)
        for button in row:
            _check_inline_button(button)
    if total > MAX_BUTTONS:
        raise bad_request(f"BUTTONS_TOO_MUCH: at most {MAX_BUTTONS} buttons are allowed")
    return [[dict(button) for button in row] for row in rows if row]


def _check_inline_button(button: Any) -> None:
    if not isinstance(button, dict):
        raise bad_request("can't parse inline keyboard button: InlineKeyboardButton expected")
    text = button.get("text")
    if not isinstance(text, str):
        raise bad_request(
            'can\'t parse inline keyboard button: Field "text" must be of type String'
        )
    if not text.strip():
        raise bad_request("BUTTON_TEXT_INVALID")
    actions = [key for key in _INLINE_ACTIONS if key in button]
    if not actions:
        raise bad_request(
            "can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"
        )
    if len(actions) > 1:
        raise bad_request(
            "can't parse inline keyboard button: exactly one of the optional fields must be "
            f"used, got {', '.join(actions)}"
        )
    if "callback_data" in button:
        data = button["callback_data"]
        if not isinstance(data, str):
            raise bad_request("BUTTON_DATA_INVALID")
        size = len(data.encode("utf-8"))
        if size < 1 or size > MAX_CALLBACK_DATA_BYTES:
            raise bad_request("BUTTON_DATA_INVALID")
    if "url" in button:
        url = button["url"]
        parts = urlsplit(url) if isinstance(url, str) else None
        if parts is None or parts.scheme not in ("http", "https", "tg") or not parts.netloc:
            raise bad_request("BUTTON_URL_INVALID")


def inline_rows(markup: dict[str, Any] | None) -> list[list[dict[str, Any]]]:
    """The inline keyboard rows of a reply_markup (empty when it has none)."""
    if markup and "inline_keyboard" in markup:
        rows: list[list[dict[str, Any]]] = markup["inline_keyboard"]
        return rows
    return []


def keyboard_texts(markup: dict[str, Any] | None) -> list[list[str]] | None:
    """Button texts of a reply keyboard, or None when the markup is not one."""
    if markup and "keyboard" in markup:
        return [[button["text"] for button in row] for row in markup["keyboard"]]
    return None
