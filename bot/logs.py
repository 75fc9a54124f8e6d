"""Logging set-up: one format, httpx quiet, secrets redacted."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TextIO

_FORMATTER = logging.Formatter()


class RedactSecrets(logging.Filter):
    """Replaces known secrets (the bot token) in every record that passes a handler."""

    def __init__(self, secrets: Iterable[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._secrets:
            return True
        message = record.getMessage()
        redacted = self.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        # Tracebacks carry exception messages (e.g. a request URL, which holds the token);
        # the formatter uses ``exc_text`` when it is set, so redact it here.
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = self.redact(
                record.exc_text or _FORMATTER.formatException(record.exc_info)
            )
        elif record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(
    level: str, secrets: Iterable[str] = (), stream: TextIO | None = None
) -> None:
    """Configure the root logger for the program (tests pass ``stream`` to read the output)."""
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    quiet_libraries()


def quiet_libraries() -> None:
    """httpx logs every request URL, and the URL contains the bot token."""
    for name in ("httpx", "httpcore", "apscheduler", "aiosqlite", "asyncio", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)
