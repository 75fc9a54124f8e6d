"""Webhook mode: an aiohttp endpoint that checks Telegram's secret header in constant time.

PTB's built-in webhook server compares the secret with ``!=`` and answers 200 before the
update is safe. Here the update is committed to the durable inbox first (issue 14): the 200
means "stored", so a crash or a database outage before it makes Telegram deliver it again.
The inbox worker handles it from there.
"""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web
from telegram import Update

from bot.app import FrontdeskApplication, inbox_worker
from bot.intake import incoming
from bot.observability import Observability
from bot.probes import add_probe_routes
from bot.tg.errors import error_kind, is_transient

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
MAX_BODY_BYTES = 1 << 20


def secret_matches(expected: str | None, given: str | None) -> bool:
    """Constant-time comparison; no secret configured accepts everything."""
    if expected is None:
        return True
    return hmac.compare_digest(expected.encode(), (given or "").encode())


def webhook_app(
    application: FrontdeskApplication, path: str, secret: str | None
) -> web.Application:
    """The aiohttp application that receives updates at ``path``, with the probes
    (``/healthz``, ``/readyz``, ``/metrics``) beside it."""

    async def receive(request: web.Request) -> web.Response:
        if not secret_matches(secret, request.headers.get(SECRET_HEADER)):
            log.warning("webhook request with a wrong or missing secret token refused")
            return web.Response(status=403)
        try:
            body = (await request.read()).decode()
            update = Update.de_json(json.loads(body), application.bot)
        except (ValueError, KeyError, TypeError):
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        try:
            await inbox_worker(application).store([incoming(update, body)])
        except Exception as error:
            if is_transient(error):  # the database is away: Telegram will deliver it again
                log.warning("webhook update not stored (%s): answered 503", error_kind(error))
                return web.Response(status=503)
            # Refused for good (hostile content): stored as re-encoded ASCII JSON, or left
            # out, rather than blocking every later delivery behind it.
            try:
                await inbox_worker(application).store([incoming(update)])
            except Exception:
                log.error("webhook update %s refused, left out", update.update_id)
        return web.Response(status=200)

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post(path, receive)
    add_probe_routes(app, application.bot_data.services.get(Observability))
    return app
