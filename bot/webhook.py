"""Webhook mode: an aiohttp endpoint that checks Telegram's secret header in constant time.

PTB's built-in webhook server compares the secret with ``!=`` and answers 200 before the
update is handled. Here the update is handled first, so a crash makes Telegram retry it.
"""

from __future__ import annotations

import hmac
import json
import logging

from aiohttp import web
from telegram import Update

from bot.app import FrontdeskApplication
from bot.observability import Observability
from bot.probes import add_probe_routes

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
            data = json.loads(await request.read())
            update = Update.de_json(data, application.bot)
        except (ValueError, KeyError, TypeError):
            return web.Response(status=400)
        if update is None:
            return web.Response(status=400)
        await application.update_processor.process_update(
            update, application.process_update(update)
        )
        return web.Response(status=200)

    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app.router.add_post(path, receive)
    add_probe_routes(app, application.bot_data.services.get(Observability))
    return app
