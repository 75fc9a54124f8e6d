"""The HTTP side: an aiohttp server on loopback speaking the Bot API wire format."""

from __future__ import annotations

import asyncio
import ipaddress
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

from aiohttp import web

from frontdesk_emulator.client import SimChat, SimUser
from frontdesk_emulator.core import EmulatorCore
from frontdesk_emulator.errors import ApiError
from frontdesk_emulator.flood import FloodLimits
from frontdesk_emulator.methods import SEND_METHODS, counts_for_flood
from frontdesk_emulator.models import BotMessage, RecordedRequest, WebhookAttempt
from frontdesk_emulator.params import Params, read_params
from frontdesk_emulator.topics import FullBotMethods
from frontdesk_emulator.webhook import WebhookDelivery

MAX_BODY = 60 * 1024 * 1024


def _require_loopback(host: str) -> None:
    if host == "localhost":
        return
    if not ipaddress.ip_address(host).is_loopback:
        raise ValueError(f"the emulator only binds loopback addresses, not {host!r}")


class BotApiEmulator:
    """An in-process Telegram Bot API server for tests, the sandbox and benchmarks."""

    def __init__(
        self,
        token: str = "123456:TEST",
        bot_username: str = "frontdesk_bot",
        bot_first_name: str = "Front Desk",
        flood: FloodLimits | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        clock: Callable[[], float] = time.monotonic,
        group_privacy: bool = True,
        webhook_retry_base: float = 0.05,
        webhook_retry_max: float = 1.0,
    ) -> None:
        _require_loopback(host)
        self.host = host
        self.port = port
        self.core = EmulatorCore(
            token=token,
            bot_username=bot_username,
            bot_first_name=bot_first_name,
            flood_limits=flood or FloodLimits(),
            clock=clock,
            group_privacy=group_privacy,
        )
        self.methods = FullBotMethods(self.core)
        self._hold_after: int | None = None  # see hold_sends_after
        self._release = asyncio.Event()
        self._holding = asyncio.Event()
        self._webhook = WebhookDelivery(self.core, webhook_retry_base, webhook_retry_max)
        self._runner: web.AppRunner | None = None
        self._people: dict[int, SimUser] = {}
        self._groups: dict[int, SimChat] = {}

    # -- lifecycle ------------------------------------------------------------------------

    async def start(self) -> None:
        """Bind the loopback port and start serving."""
        if self._runner is not None:
            return
        self.core.closing = False
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_route("*", "/{tail:.*}", self._handle_unknown)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        self._runner = runner
        address = runner.addresses[0]
        self.port = int(address[1])
        self._webhook.start()

    async def stop(self) -> None:
        """Wake long polls, stop webhook delivery and close the server."""
        core = self.core
        core.closing = True
        core.updates_signal.fire()
        core.webhook_signal.fire()
        await self._webhook.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> BotApiEmulator:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def token(self) -> str:
        """The bot token the emulator accepts."""
        return self.core.token

    @property
    def base_url(self) -> str:
        """For ``ApplicationBuilder().base_url(...)``: PTB appends token and method."""
        return f"http://{self._url_host}:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        """For ``ApplicationBuilder().base_file_url(...)``."""
        return f"http://{self._url_host}:{self.port}/file/bot"

    @property
    def _url_host(self) -> str:
        return f"[{self.host}]" if ":" in self.host else self.host

    # -- HTTP handlers --------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        at = time.time()
        params = Params({}, {})
        status = 200
        try:
            if request.match_info["token"] != self.core.token:
                raise ApiError(401, "Unauthorized")
            handler = self.methods.table.get(method.lower())
            if handler is None:
                raise ApiError(404, "Not Found")
            params = await read_params(request)
            if self._must_hold(method):
                self._holding.set()
                await self._release.wait()  # in flight until released (or abandoned)
            reply = await handler(params)
            body: dict[str, Any] = {"ok": True, "result": reply.result}
            if reply.description:
                body["description"] = reply.description
        except ApiError as exc:
            status = exc.code
            body = exc.envelope()
        transport = request.transport
        if transport is None or transport.is_closing():
            # The client gave up (e.g. a cancelled long poll): nobody sees this answer.
            self.core.counters["abandoned"] += 1
        else:
            self._account(method, params, status, body, at)
        return web.json_response(body, status=status)

    def _account(
        self, method: str, params: Params, status: int, body: dict[str, Any], at: float
    ) -> None:
        core = self.core
        core.record_request(RecordedRequest(method, params.loggable(), status, body, at))
        lowered = method.lower()
        core.counters["requests"] += 1
        core.counters[f"method:{method}"] += 1
        if status != 200:
            core.counters["errors"] += 1
        elif lowered in SEND_METHODS:
            core.counters["sent"] += 1
        elif lowered.startswith("edit"):
            core.counters["edits"] += 1
        if status == 200 and counts_for_flood(lowered):
            core.counters["flood_counted"] += 1

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.core.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        record = self.core.files_by_path.get(request.match_info["path"])
        if record is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        return web.Response(
            body=record.content, content_type=record.mime_type or "application/octet-stream"
        )

    async def _handle_unknown(self, request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
        )

    # -- people and chats -----------------------------------------------------------------

    def user(
        self,
        user_id: int,
        first_name: str = "User",
        language_code: str | None = "en",
        username: str | None = None,
        last_name: str | None = None,
        *,
        started: bool = True,
    ) -> SimUser:
        """The person with this id and their private chat (created on first call).

        ``started=False`` models someone who never opened the bot: sends answer 403 until
        they write to it.
        """
        person = self._people.get(user_id)
        if person is None:
            chat = self.core.add_user(
                user_id, first_name, last_name, username, language_code, started
            )
            person = SimUser(self, chat)
            self._people[user_id] = person
        return person

    def group(
        self, chat_id: int, title: str = "Group", *, forum: bool = False, bot_admin: bool = False
    ) -> SimChat:
        """A group chat (ids starting with -100 are supergroups).

        ``forum=True``: a supergroup with topics; ``bot_admin=True``: the bot is an
        administrator there (it may manage topics and sees every message).
        """
        group = self._groups.get(chat_id)
        if group is None:
            group = SimChat(
                self, self.core.add_group(chat_id, title, forum=forum, bot_admin=bot_admin)
            )
            self._groups[chat_id] = group
        return group

    def block(self, user_id: int, *, notify: bool = True) -> None:
        """The person blocked the bot: sends to them answer 403.

        Like Telegram, the bot also gets a ``my_chat_member`` update (member -> kicked)
        unless ``notify=False``.
        """
        if user_id not in self.core.blocked:
            self.core.blocked.add(user_id)
            if notify:
                self._member_update(user_id, "member", "kicked")

    def unblock(self, user_id: int, *, notify: bool = True) -> None:
        """The person unblocked the bot (a ``my_chat_member`` update unless notify=False)."""
        if user_id in self.core.blocked:
            self.core.blocked.discard(user_id)
            if notify:
                self._member_update(user_id, "kicked", "member")

    def _member_update(self, user_id: int, old: str, new: str) -> None:
        chat = self.core.chats.get(user_id)
        if chat is None or chat.user is None:
            return
        bot = self.core.bot_user()
        kicked = {"status": "kicked", "user": bot, "until_date": 0}
        member = {"status": "member", "user": bot}
        self.core.push_update(
            "my_chat_member",
            {
                "chat": chat.chat_dict(),
                "from": dict(chat.user),
                "date": int(time.time()),
                "old_chat_member": kicked if old == "kicked" else member,
                "new_chat_member": kicked if new == "kicked" else member,
            },
        )

    # -- inspection -----------------------------------------------------------------------

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every Bot API call, in arrival order."""
        return self.core.requests

    def calls(self, method: str) -> list[RecordedRequest]:
        """Recorded calls of one method (case-insensitive)."""
        wanted = method.lower()
        return [r for r in self.core.requests if r.method.lower() == wanted]

    @property
    def commands(self) -> dict[tuple[str, str], list[dict[str, str]]]:
        """Command lists keyed by (canonical scope JSON, language_code)."""
        return self.core.commands

    @property
    def chat_actions(self) -> list[dict[str, Any]]:
        """sendChatAction calls: dicts with chat_id, action, at."""
        return self.core.chat_actions

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed (getUpdates) or delivered (webhook)."""
        return self.core.updates

    @property
    def webhook_attempts(self) -> list[WebhookAttempt]:
        """Every webhook POST the emulator made."""
        return self.core.webhook_attempts

    def retry_webhook_now(self) -> None:
        """Skip the current webhook retry backoff."""
        self.core.webhook_retry_signal.fire()

    @property
    def flood(self) -> FloodLimits:
        """The flood limits in force."""
        return self.core.flood.limits

    def set_flood(self, limits: FloodLimits) -> None:
        """Switch flood limits (and forget all counters)."""
        self.core.flood.reset(limits)

    def hold_sends_after(self, count: int) -> None:
        """Keep every send after the first ``count`` in flight until :meth:`release_sends`:
        a test can then stop the bot with requests unanswered, as a crash would."""
        self._hold_after = count
        self._release.clear()
        self._holding.clear()

    async def sends_held(self) -> None:
        """Wait until a send is being held (the first ``count`` went through)."""
        await self._holding.wait()

    def release_sends(self) -> None:
        """Let held sends through, and stop holding."""
        self._hold_after = None
        self._holding.clear()
        self._release.set()

    def _must_hold(self, method: str) -> bool:
        hold_after = self._hold_after
        return (
            hold_after is not None
            and method.lower() in SEND_METHODS
            and self.core.counters["sent"] >= hold_after
        )

    def sent_count(self) -> int:
        """Successful message sends (sendMessage/Photo/Document, copy, forward)."""
        return self.core.counters["sent"]

    def stats(self) -> dict[str, int]:
        """Counters: requests, sent, edits, errors, 429, flood_counted, abandoned, paid (paid
        broadcasts: 0.1 Telegram Stars each), method:<name>."""
        keys = ("requests", "sent", "edits", "errors", "429", "flood_counted", "abandoned", "paid")
        base = {key: self.core.counters[key] for key in keys}
        base.update({k: v for k, v in self.core.counters.items() if k.startswith("method:")})
        return base

    def unanswered_callback_queries(self) -> list[str]:
        """Ids of callback queries the bot has not answered."""
        return [q.query_id for q in self.core.callback_queries.values() if not q.answered]

    def clear_records(self) -> None:
        """Forget recorded requests, chat actions and counters (long benchmarks)."""
        self.core.requests.clear()
        self.core.chat_actions.clear()
        self.core.counters.clear()

    def file_bytes(self, file_id: str) -> bytes:
        """The stored content of a file."""
        return self.core.files[file_id].content

    def message(self, chat_id: int, message_id: int) -> BotMessage | None:
        """The current state of one bot message."""
        chat = self.core.chats.get(chat_id)
        return chat.bot_messages.get(message_id) if chat else None
