"""Logs of a full session, configured as in production: no token, no resident texts at INFO."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import AsyncIterator, Iterator

import pytest
from telegram import Update
from telegram.ext import CommandHandler

from bot.cli import log_secrets
from bot.context import FrontdeskContext
from bot.i18n import Catalog
from bot.logs import RedactSecrets, configure_logging
from bot.runtime import Runtime
from bot.testing import running_bot, settle
from frontdesk_emulator import BotApiEmulator, FloodLimits

TOKEN = "7312345678:AAHk3pQz9_Xv-Lr2mN8sT4wYb6cD0eF1gHi"
RESIDENT_TEXTS = ("my flat is 12-3-401 and my phone 13912345678", "生病了，想请假 Zhao-Secret")


class Records(logging.Handler):
    """Keeps every record that reaches the root logger."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture
async def emulator(flood: FloodLimits) -> AsyncIterator[BotApiEmulator]:
    """The emulator, with a token that looks like a real one."""
    emu = BotApiEmulator(token=TOKEN, flood=flood)
    await emu.start()
    yield emu
    await emu.stop()


@pytest.fixture(params=["text", "json"])
def production_logging(request: pytest.FixtureRequest) -> Iterator[tuple[io.StringIO, Records]]:
    """configure_logging exactly as the program calls it, at DEBUG, in both formats
    (FRONTDESK_LOG_FORMAT); restored afterwards."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    quiet = ("httpx", "httpcore", "apscheduler", "aiosqlite", "asyncio", "alembic")
    saved_levels = {name: logging.getLogger(name).level for name in quiet}
    stream = io.StringIO()
    configure_logging("DEBUG", [TOKEN], stream=stream, json_lines=request.param == "json")
    records = Records()
    root.addHandler(records)
    try:
        yield stream, records
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
        for name, level in saved_levels.items():
            logging.getLogger(name).setLevel(level)


def test_redaction_covers_messages_arguments_and_tracebacks() -> None:
    """The filter removes the secret from the message, its arguments and the traceback."""
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.addFilter(RedactSecrets([TOKEN]))
    logger = logging.getLogger("tests.redaction")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("calling %s/getMe", f"https://api.telegram.org/bot{TOKEN}")
        try:
            raise RuntimeError(f"POST https://api.telegram.org/bot{TOKEN}/sendMessage failed")
        except RuntimeError:
            logger.exception("request failed")
    finally:
        logger.removeHandler(handler)
        logger.propagate = True
    text = output.getvalue()
    assert TOKEN not in text
    assert text.count("[redacted]") == 2
    assert "RuntimeError" in text


async def test_full_session_logs_no_token_and_no_resident_text_at_info(
    runtime: Runtime,
    emulator: BotApiEmulator,
    catalog: Catalog,
    production_logging: tuple[io.StringIO, Records],
) -> None:
    """A whole session at DEBUG (commands, texts, buttons, /mydata, /forgetme, a flood, a
    failing handler whose error names the API URL) never prints the token, and residents'
    texts appear only below INFO."""
    stream, records = production_logging

    async def explode(update: Update, context: FrontdeskContext) -> None:
        raise RuntimeError(f"POST {emulator.base_url}{TOKEN}/sendMessage: connection reset")

    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        app.handlers[0].insert(0, CommandHandler("explode", explode))
        alice = emulator.user(7001, first_name="Alice", language_code="en")
        wang = emulator.user(7002, first_name="王", language_code="zh")
        await alice.command("/start")
        for text in RESIDENT_TEXTS:
            await alice.send(text)
            await wang.send(text)
        await alice.command("/explode")
        await wang.command("/language")
        await settle(app, emulator)
        await wang.press("English")
        await wang.press_data("zz:forged")
        await alice.command("/mydata")
        await alice.command("/forgetme")
        await settle(app, emulator)
        await alice.press(catalog.text("en", "privacy-forget-yes"))
        for n in range(30):
            await wang.send(f"flood {n} {RESIDENT_TEXTS[0]}")
        await settle(app, emulator)

    output = stream.getvalue()
    if output.startswith("{"):  # JSON lines: every line one object, the traceback inside
        entries = [json.loads(line) for line in output.splitlines()]
        assert any("Traceback" in e.get("exception", "") for e in entries)
        assert {"time", "level", "logger", "message"} <= entries[0].keys()
    assert "update" in output  # the session really was logged
    assert "Traceback" in output  # including the failing handler
    assert TOKEN not in output
    assert TOKEN.split(":")[1] not in output
    loud = [r for r in records.records if r.levelno >= logging.INFO]
    for record in loud:
        shown = record.getMessage() + (record.exc_text or "")
        for text in RESIDENT_TEXTS:
            assert text not in shown, f"{record.name} logged a resident's text at INFO+"
    assert any(text in r.getMessage() for r in records.records for text in RESIDENT_TEXTS), (
        "DEBUG should show the traffic, or this test proves nothing"
    )


def test_the_program_redacts_token_and_webhook_secret() -> None:
    """The CLI hands both the token and the webhook secret to the redacting filter."""
    from bot.settings import Settings, WebhookSettings

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        token=TOKEN,
        webhook=WebhookSettings(secret_token="hook_secret-42"),  # type: ignore[arg-type]
    )
    assert log_secrets(settings) == [TOKEN, "hook_secret-42"]
