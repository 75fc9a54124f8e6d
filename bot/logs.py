"""Logging set-up: text for people or JSON lines for a collector, httpx quiet, secrets redacted."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
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


class JsonFormatter(logging.Formatter):
    """One JSON object a line: time (UTC, ISO 8601), level, logger, message, and the traceback.

    It formats the record as the redaction filter left it (the filter runs first, on the
    handler), so a secret is redacted in JSON exactly as in text.
    """

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": self.formatTime(record),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info and record.exc_info[0] is not None and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = record.stack_info
        return json.dumps(entry, ensure_ascii=False)

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        moment = datetime.fromtimestamp(record.created, UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def configure_logging(
    level: str,
    secrets: Iterable[str] = (),
    stream: TextIO | None = None,
    *,
    json_lines: bool = False,
    errors_to_console: bool = False,
) -> None:
    """Configure the root logger for the program (tests pass ``stream`` to read the output).

    ``errors_to_console``: errors also go to standard error when ``stream`` is a file (the
    sandbox writes its warnings to a file, so that they do not break into the chat)."""
    handlers: list[logging.Handler] = [logging.StreamHandler(stream)]
    if errors_to_console:
        handlers.append(logging.StreamHandler())
        handlers[-1].setLevel(logging.ERROR)
    for handler in handlers:
        if json_lines:
            handler.setFormatter(JsonFormatter())
        else:
            handler.setFormatter(
                logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
            )
        handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    root.handlers[:] = handlers
    root.setLevel(level)
    quiet_libraries()


def quiet_libraries() -> None:
    """httpx logs every request URL, and the URL contains the bot token."""
    for name in ("httpx", "httpcore", "apscheduler", "aiosqlite", "asyncio", "alembic"):
        logging.getLogger(name).setLevel(logging.WARNING)


class ErrorBursts:
    """One log line per kind of error and ``window``, with a count, instead of one per update.

    The first occurrence of a kind is logged (with its traceback when ``trace`` is asked);
    later ones in the same window are only counted, and the count is logged once the window
    is over (by the next occurrence or :meth:`flush`). A kind is a short key the caller
    builds from the exception's class and where it happened, never from its message (which
    may quote a resident's text). ``clock`` is monotonic seconds (tests pass their own).
    """

    def __init__(
        self,
        logger: logging.Logger,
        window: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._log = logger
        self._window = window
        self._clock = clock
        self._open: dict[str, tuple[float, int]] = {}  # kind → (window start, repeats)

    def report(
        self, kind: str, message: str, *args: object, exc: BaseException | None = None
    ) -> bool:
        """Log or count one occurrence; returns True when it was logged."""
        now = self._clock()
        started = self._open.get(kind)
        if started is not None and now - started[0] < self._window:
            self._open[kind] = (started[0], started[1] + 1)
            return False
        if started is not None and started[1]:
            self._summarise(kind, started[1])
        self._open[kind] = (now, 0)
        exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
        self._log.error(message, *args, exc_info=exc_info)
        return True

    def flush(self) -> None:
        """Log the counts of the windows that are over."""
        now = self._clock()
        for kind, (start, repeats) in list(self._open.items()):
            if now - start >= self._window:
                del self._open[kind]
                if repeats:
                    self._summarise(kind, repeats)

    def _summarise(self, kind: str, repeats: int) -> None:
        self._log.error("%s: %d more in the last %.0f s", kind, repeats, self._window)
