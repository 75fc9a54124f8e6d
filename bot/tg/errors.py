"""Which errors are worth retrying: the database or the network away for a while (issue 14).

A transient error leaves the update in the inbox for another attempt after a backoff; any
other error is permanent: the resident gets the apology and the update is not retried.
"""

from __future__ import annotations

from sqlalchemy import exc as sa_exc
from telegram import error as tg_error

# SQLSTATE classes and codes that say "try again": connection exceptions (08), operator
# intervention (57: pg_terminate_backend, shutdown, "cannot connect now"), insufficient
# resources (53), serialization failures and deadlocks (40001, 40P01).
_TRANSIENT_SQLSTATE_CLASSES = ("08", "53", "57")
_TRANSIENT_SQLSTATES = frozenset({"40001", "40P01"})


def _sqlstate(error: BaseException) -> str | None:
    for candidate in (error, getattr(error, "orig", None), error.__cause__):
        code = getattr(candidate, "sqlstate", None) or getattr(candidate, "pgcode", None)
        if isinstance(code, str):
            return code
    return None


def is_transient(error: BaseException) -> bool:
    """True for errors that pass by themselves: a lost or refused connection, a timeout."""
    if isinstance(error, tg_error.BadRequest | tg_error.Forbidden | tg_error.InvalidToken):
        return False
    if isinstance(error, tg_error.TimedOut | tg_error.NetworkError | tg_error.RetryAfter):
        return True
    if isinstance(error, sa_exc.DBAPIError):
        if error.connection_invalidated:
            return True
        code = _sqlstate(error)
        if code is not None:
            return code[:2] in _TRANSIENT_SQLSTATE_CLASSES or code in _TRANSIENT_SQLSTATES
        # No SQLSTATE: the driver lost the connection (asyncpg's InterfaceError, SQLite busy).
        return isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError)
    if isinstance(error, sa_exc.TimeoutError | sa_exc.DisconnectionError):
        return True
    return isinstance(error, OSError | TimeoutError | ConnectionError)


def error_kind(error: BaseException) -> str:
    """A short key for log bursts: the class, never the message (it may quote a resident)."""
    kind = type(error).__name__
    cause = getattr(error, "orig", None) or error.__cause__
    return f"{kind}({type(cause).__name__})" if cause is not None else kind
