"""An in-process Telegram Bot API emulator (aiohttp on loopback) with simulated people.

Point python-telegram-bot at it with ``ApplicationBuilder().token(emu.token)
.base_url(emu.base_url).base_file_url(emu.base_file_url)``.  People are ``emu.user(id, ...)``
(``SimUser``: send, command, press, wait_message, ...), groups ``emu.group(id, title)``.

Flood control (``FloodLimits``, off by default): ``time_scale`` multiplies every refill rate;
``retry_after`` in a 429 is in real seconds, ``ceil(wait)``, at least 1 -- sleeping
``retry_after`` seconds is always enough.  Modules: server (HTTP), methods (Bot API methods),
core (state), client (people), html_entities, validation, flood, webhook.
"""

from frontdesk_emulator.client import SimChat, SimUser
from frontdesk_emulator.errors import ApiError
from frontdesk_emulator.flood import FloodController, FloodLimits
from frontdesk_emulator.html_entities import parse_html
from frontdesk_emulator.models import BotMessage, RecordedRequest, WebhookAttempt
from frontdesk_emulator.server import BotApiEmulator

__all__ = [
    "ApiError",
    "BotApiEmulator",
    "BotMessage",
    "FloodController",
    "FloodLimits",
    "RecordedRequest",
    "SimChat",
    "SimUser",
    "WebhookAttempt",
    "parse_html",
]
