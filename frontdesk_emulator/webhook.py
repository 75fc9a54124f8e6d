"""Webhook delivery: POST each pending update, in order, to the bot's loopback URL.

A non-2xx answer or a connection error keeps the update pending and retries after a
deterministic backoff (``retry_base`` doubling up to ``retry_max`` seconds);
``BotApiEmulator.retry_webhook_now()`` skips the wait.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from http import HTTPStatus

import aiohttp

from frontdesk_emulator.core import EmulatorCore, WebhookConfig
from frontdesk_emulator.models import WebhookAttempt

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookDelivery:
    """The background task that pushes updates to the webhook."""

    def __init__(
        self,
        core: EmulatorCore,
        retry_base: float = 0.05,
        retry_max: float = 1.0,
        request_timeout: float = 10.0,
    ) -> None:
        self.core = core
        self.retry_base = retry_base
        self.retry_max = retry_max
        self.request_timeout = request_timeout
        self._session: aiohttp.ClientSession | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Start the delivery task (idempotent)."""
        if self._task is None:
            self._session = aiohttp.ClientSession(
                timeout=aiohttp.ClientTimeout(total=self.request_timeout)
            )
            self._task = asyncio.create_task(self._run(), name="bot-api-emulator-webhook")

    async def stop(self) -> None:
        """Stop the task and close the HTTP session."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _run(self) -> None:
        core = self.core
        backoff = self.retry_base
        while not core.closing:
            hook = core.webhook
            if hook is None or not core.updates:
                await core.webhook_signal.wait(None)
                continue
            update = core.updates[0]
            status, error = await self._post(hook, update)
            core.webhook_attempts.append(
                WebhookAttempt(update["update_id"], status, error, time.time())
            )
            if status is not None and 200 <= status < 300:
                core.updates = [u for u in core.updates if u["update_id"] != update["update_id"]]
                backoff = self.retry_base
                continue
            hook.last_error_date = int(time.time())
            hook.last_error_message = error
            await core.webhook_retry_signal.wait(backoff)
            backoff = min(backoff * 2, self.retry_max)

    async def _post(self, hook: WebhookConfig, update: dict[str, object]) -> tuple[int | None, str]:
        assert self._session is not None
        headers = {"Content-Type": "application/json"}
        if hook.secret_token:
            headers[SECRET_HEADER] = hook.secret_token
        try:
            async with self._session.post(
                hook.url,
                data=json.dumps(update).encode(),
                headers=headers,
                allow_redirects=False,  # never follow a redirect off loopback
            ) as response:
                await response.read()
                status = response.status
        except (aiohttp.ClientError, OSError, TimeoutError) as exc:
            return None, f"Connection failed: {exc.__class__.__name__}"
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "Unknown"
        return status, f"Wrong response from the webhook: {status} {phrase}"
