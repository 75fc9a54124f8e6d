"""An in-process Telegram Bot API emulator (aiohttp on loopback) with simulated people.

Point python-telegram-bot at it with ``ApplicationBuilder().base_url(emu.base_url)
.base_file_url(emu.base_file_url)``; see ``server.BotApiEmulator`` and ``client.SimUser``.
"""

from bot.emulator.client import SimChat, SimUser
from bot.emulator.errors import ApiError
from bot.emulator.flood import FloodController, FloodLimits
from bot.emulator.html_entities import parse_html
from bot.emulator.models import BotMessage, RecordedRequest, WebhookAttempt
from bot.emulator.server import BotApiEmulator

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
