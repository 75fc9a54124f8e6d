"""``/healthz``, ``/readyz`` and ``/metrics`` over HTTP (aiohttp, no ``telegram``).

In webhook mode the routes share the webhook's server (``bot/webhook.py``); in polling mode
:func:`probe_server` serves them alone on ``FRONTDESK_PROBES__LISTEN``:``PORT``.
"""

from __future__ import annotations

import json

from aiohttp import web

from bot.observability import METRICS_CONTENT_TYPE, Observability


def add_probe_routes(app: web.Application, observability: Observability) -> None:
    """Add the three routes to an aiohttp application."""

    async def healthz(_: web.Request) -> web.Response:
        return web.Response(text="ok\n")

    async def readyz(_: web.Request) -> web.Response:
        verdict = await observability.readiness()
        body = json.dumps({"ready": verdict.ready, "checks": verdict.checks}) + "\n"
        status = 200 if verdict.ready else 503
        return web.Response(text=body, status=status, content_type="application/json")

    async def metrics(_: web.Request) -> web.Response:
        body = await observability.render()
        response = web.Response(body=body)
        # aiohttp refuses a content type with parameters in the constructor.
        response.headers["Content-Type"] = METRICS_CONTENT_TYPE
        return response

    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)


async def probe_server(observability: Observability, listen: str, port: int) -> web.AppRunner:
    """Start a server with only the probe routes; the caller cleans up the returned runner."""
    app = web.Application()
    add_probe_routes(app, observability)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, listen, port).start()
    return runner
