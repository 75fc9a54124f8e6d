"""The offline sandbox: the real bot on the built-in emulator, chatted with from a terminal.

Type as a resident and read the bot's replies. Inline buttons are shown numbered; type the
number to press one. Lines starting with ``:`` are sandbox commands (``:help`` lists them).
``--script FILE`` plays a file of such lines and prints the transcript.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from bot.app import FrontdeskApplication, build_runtime, outbox_sender
from bot.centre import Centre
from bot.clock import SHANGHAI
from bot.features import MANIFESTS
from bot.i18n import LANGUAGES
from bot.runtime import Runtime
from bot.sandbox_samples import laid_before, lay_samples
from bot.services import users
from bot.settings import Settings
from bot.storage.migrate import upgrade_to_head
from bot.storage.models.inbox import InboxEffect, InboxUpdate
from bot.testing import running_bot, settle
from frontdesk_emulator import BotApiEmulator, BotMessage, FloodLimits, SimChat, SimUser

SANDBOX_TOKEN = "100000001:SANDBOX-offline-token"
# The staff group of the helpdesk (a forum where the bot is an administrator).
SANDBOX_GROUP = -100200300
PLACEHOLDERS = {
    "voice": "🎤 [voice note]",
    "audio": "🎵 [audio]",
    "video": "🎬 [video]",
    "sticker": "🙂 [sticker]",
}
REPLY_WAIT_SECONDS = 15.0
MAX_FILE_BYTES = 1_000_000

SANDBOX_HELP = """\
Sandbox commands / 沙盒命令:
  :as resident | english | staff | <id>   switch who you are / 切换身份
  :as helper | helper-en                  staff who are not admins / 非管理员的工作人员
  :as desk                                staff, in the staff group's newest topic
                                          以工作人员身份在工作群最新的话题里回复
  :forward resident|english|<id> text     forward a message that person wrote
                                          转发此人写的一条消息
  :press 回复                              press the newest button with that text (an older
                                          message's too) / 按最近一条含此文字的按钮
  :photo :sticker :voice [s] :location    send a photo, sticker, voice note or location
                                          发送图片、贴纸、语音或位置
  :file path/to/notice.csv                send a file as a document / 发送文件
  :save path/to/chart.png                 save the newest photo or file / 保存最新的图片或文件
  :who                                    who am I / 我是谁
  :clock 2026-12-01 09:00 | +2h | +1d     set or move the bot's clock / 调整时间
  :jobs                                   run the periodic jobs now (reminders, offers…),
                                          e.g. after :clock / 立即运行定时任务（提醒等）
  :samples off                            before your first message: no sample timetable
                                          在第一条消息之前输入：不放示例课程表
  :quit                                   leave / 退出
  <number>                                press that inline button / 按编号点按钮
  anything else                           a message to the bot / 发给机器人的消息"""


class SandboxDatabaseRefused(ValueError):
    """``--db`` names the bot's own database (``FRONTDESK_DATABASE_URL``)."""


def _same_database(one: str, other: str) -> bool:
    """Whether two database URLs name one database, whatever their drivers or passwords (a
    SQLite file by its resolved path, relative to the working directory as SQLite takes it;
    a port left out is the default one)."""
    a, b = make_url(one), make_url(other)
    if a.get_backend_name() != b.get_backend_name() or not (a.database and b.database):
        return False
    if a.get_backend_name() == "sqlite":
        return Path(a.database).expanduser().resolve() == Path(b.database).expanduser().resolve()
    return (
        (a.host or "localhost") == (b.host or "localhost")
        and (a.port == b.port or None in (a.port, b.port))
        and a.database == b.database
    )


@contextmanager
def sandbox_database(db: str | None, *, production: str | None = None) -> Iterator[str]:
    """The sandbox's database URL: a temporary file (deleted afterwards) unless ``--db`` names
    a file to keep, or a database URL given on purpose. Never ``production``
    (``FRONTDESK_DATABASE_URL``): the sandbox lays out its sample timetable and makes its staff
    persona an admin, which the real bot's residents must never see."""
    if db is None:
        with tempfile.TemporaryDirectory(prefix="frontdesk-sandbox-") as directory:
            yield f"sqlite+aiosqlite:///{Path(directory) / 'sandbox.db'}"
        return
    path = None if "://" in db else Path(db).expanduser().resolve()
    url = db if path is None else f"sqlite+aiosqlite:///{path}"
    if production is not None and _same_database(url, production):
        raise SandboxDatabaseRefused(db)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    yield url


def _read_small_file(name: str) -> bytes | None:
    """The bytes of a file the sandbox user names (``:file``), or ``None``."""
    path = Path(name).expanduser()
    if not name or not path.is_file() or path.stat().st_size > MAX_FILE_BYTES:
        return None
    return path.read_bytes()


@dataclass(frozen=True)
class Persona:
    key: str
    telegram_id: int
    first_name: str
    language_code: str
    roles: tuple[str, ...] = ()


PERSONAS = (
    Persona("resident", 10001, "王阿姨", "zh-hans"),
    Persona("english", 10002, "Alice", "en"),
    Persona("staff", 90001, "李老师", "zh-hans", ("admin", "staff", "organiser")),
    Persona("helper", 90002, "小张", "zh-hans", ("staff",)),
    Persona("helper-en", 90003, "Sam", "en", ("staff",)),
)
# Who lays out the sample timetable (bot.sandbox_samples), as staff would by hand.
STAFF_PERSONA = PERSONAS[2]
# A 1x1 PNG, so ":photo" sends a real image.
TINY_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@dataclass
class SandboxClock:
    """The real clock, shifted by ``:clock`` so a script can play on fixed dates."""

    offset: timedelta = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def apply(self, argument: str) -> datetime | None:
        """Set (``YYYY-MM-DD HH:MM``, Shanghai time) or move (``+2h``, ``+1d``, ``+30m``)."""
        text = argument.strip()
        units = {"d": timedelta(days=1), "h": timedelta(hours=1), "m": timedelta(minutes=1)}
        if text.startswith("+") and text[1:-1].isdigit() and text[-1:] in units:
            self.offset += int(text[1:-1]) * units[text[-1]]
        else:
            try:
                wanted = datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)
            except ValueError:
                return None
            self.offset = wanted - datetime.now(UTC)
        return self.now()


@dataclass
class Transcript:
    """Prints what the bot sends, once per message version, with numbered buttons."""

    write: Callable[[str], None]
    # Where files the bot sends (posters, exports, calendars) are saved, so their paths can
    # be printed and opened; None: only their names and sizes are shown.
    files: Path | None = None
    seen: dict[tuple[int, int], tuple[object, ...]] = field(default_factory=dict)
    keyboards: dict[int, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    # How many of each person's button answers (toasts, alerts) have been printed.
    answered: dict[int, int] = field(default_factory=dict)

    def show(self, who: SimChat, label: str, current: bool) -> list[BotMessage]:
        """Print messages of ``who``'s chat that are new or changed; return those with buttons."""
        with_buttons: list[BotMessage] = []
        for message in who.messages:
            state = (message.text, tuple(message.button_texts()), bool(message.document))
            key = (message.chat_id, message.message_id)
            if self.seen.get(key) == state:
                continue
            edited = key in self.seen
            self.seen[key] = state
            prefix = "" if current else f"[→ {label}] "
            mark = "✎ " if edited else ""
            body = message.text or ""
            raw = message.raw
            if message.kind in PLACEHOLDERS:
                body = PLACEHOLDERS[message.kind] + (f"\n{body}" if body else "")
            elif message.document:
                body = self._document(message.document) + (f"\n{body}" if body else "")
            elif message.kind == "venue":
                venue = raw.get("venue", {})
                where = venue.get("location", {})
                body = (
                    f"📍 {venue.get('title')} — {venue.get('address')} "
                    f"({where.get('latitude')}, {where.get('longitude')})"
                )
            elif "location" in raw:
                where = raw["location"]
                body = f"📍 [location {where['latitude']:.4f},{where['longitude']:.4f}]"
            elif "contact" in raw:
                body = f"👤 [contact {raw['contact'].get('first_name', '')}]"
            elif message.photo is not None:
                body = "🖼 [photo]" + (f"\n{body}" if body else "")
            self.write(f"{prefix}🤖 {mark}{body}")
            if message.buttons:
                numbered = [f"[{n}] {text}" for n, text in enumerate(message.button_texts(), 1)]
                self.write("    " + "  ".join(numbered))
                with_buttons.append(message)
            if message.keyboard:
                layout = tuple(tuple(row) for row in message.keyboard)
                if self.keyboards.get(message.chat_id) != layout:
                    self.keyboards[message.chat_id] = layout
                    rows = " / ".join(" | ".join(row) for row in message.keyboard)
                    self.write(f"    ⌨ {rows}")
        return with_buttons

    def toasts(self, who: SimUser, label: str, current: bool) -> None:
        """Print the short answers to ``who``'s button presses that are new: on a phone they
        show over the chat for a moment (a toast) or as a dialog (an alert), not as messages."""
        answers = who.callback_answers
        shown = self.answered.get(who.id, 0)
        self.answered[who.id] = len(answers)
        prefix = "" if current else f"[→ {label}] "
        for answer in answers[shown:]:
            text = answer.get("text")
            if text:
                mark = "⚠️ alert" if answer.get("show_alert") else "💬 toast"
                self.write(f"{prefix}🤖 ({mark}) {text}")

    def _document(self, document: dict[str, object]) -> str:
        """ "📎 name (size bytes)", and "→ path" once saved to ``files``."""
        name = Path(str(document.get("file_name") or "file")).name
        content = document.get("content", b"")
        data = content if isinstance(content, bytes) else b""
        line = f"📎 {name} ({len(data)} bytes)"
        if self.files is None:
            return line
        self.files.mkdir(parents=True, exist_ok=True)
        path = self.files / name
        path.write_bytes(data)
        return f"{line} → {path}"


class Sandbox:
    """One emulator, one bot, several personas."""

    def __init__(
        self,
        emulator: BotApiEmulator,
        app: FrontdeskApplication,
        write: Callable[[str], None],
        clock: SandboxClock | None = None,
        files: Path | None = None,
        runtime: Runtime | None = None,
        *,
        samples: bool = True,
    ) -> None:
        self.emu = emulator
        # The sample timetable is laid out before the first line that reaches the bot (so a
        # script's leading ":clock" dates it, and ":samples off" can still refuse it), unless
        # ``samples`` is false: a database kept with --db that started without it.
        self.runtime = runtime
        self.samples_pending = runtime is not None and samples
        self.samples_laid = False
        self.clock = clock
        self.app = app
        self.write = write
        self.people = {
            p.key: emulator.user(
                p.telegram_id, first_name=p.first_name, language_code=p.language_code
            )
            for p in PERSONAS
        }
        self.labels = {p.telegram_id: f"{p.first_name} ({p.key})" for p in PERSONAS}
        self.current = self.people["resident"]
        self.desk = emulator.group(SANDBOX_GROUP, "服务台 Staff desk", forum=True, bot_admin=True)
        self.at_desk = False
        self.transcript = Transcript(write, files)
        self.last_buttons: BotMessage | None = None

    @property
    def _here(self) -> SimChat:
        """The chat the current persona writes in (the staff group at the desk)."""
        return self.desk if self.at_desk else self.current

    def _topic(self) -> int | None:
        """The staff group's newest topic (the latest ticket)."""
        return max(self.desk.state.topics, default=None)

    def _buttons_are_latest(self) -> bool:
        """A number presses a button only while the buttons are on the chat's latest message.

        Otherwise (a question of a guided form, another persona's buttons) it is an answer.
        """
        if self.last_buttons is None or self.last_buttons.chat_id != self._here.id:
            return False
        if self.at_desk:
            return True
        messages = self.current.messages
        return bool(messages) and messages[-1].message_id == self.last_buttons.message_id

    def _switch(self, who: str) -> None:
        in_private = self.runtime is not None and not self.runtime.settings.helpdesk.staff_group_ids
        if who == "desk" and in_private:
            self.write("-- no staff group in this sandbox (--desk private): staff answer in")
            self.write("   their private chats, by replying to a resident's message or ↩️ 回复")
            return
        self.at_desk = who == "desk"
        if who == "desk":
            self.current = self.people["staff"]
            self.last_buttons = next((m for m in reversed(self.desk.messages) if m.buttons), None)
            self.write(f"-- you are now 李老师 in the staff group, topic {self._topic() or '-'}")
            return
        if who in self.people:
            self.current = self.people[who]
        elif who.isdigit() and 0 < int(who) < 10**12:
            user_id = int(who)
            self.current = self.emu.user(
                user_id, first_name=f"Resident {user_id}", language_code="zh"
            )
            self.labels.setdefault(user_id, f"Resident {user_id}")
        else:
            self.write("?? :as resident | english | staff | helper | helper-en | desk | <id>")
            return
        # A number presses the newest buttons of the chat switched to (e.g. a 👍 / 👎 question).
        self.last_buttons = next((m for m in reversed(self.current.messages) if m.buttons), None)
        self.write(f"-- you are now {self.labels[self.current.id]}")

    async def handle(self, line: str) -> bool:
        """Act on one input line; ``False`` means quit."""
        line = line.rstrip("\n")
        if not line.strip() or line.lstrip().startswith("#"):
            return True
        command, _, argument = line.strip().partition(" ")
        if command == ":quit":
            return False
        if command == ":help":
            self.write(SANDBOX_HELP)
            return True
        if command == ":who":
            self.write(f"-- you are {self.labels[self.current.id]}")
            return True
        if command == ":as":
            self._switch(argument.strip())
            return True
        if command == ":clock":
            now = self.clock.apply(argument) if self.clock is not None else None
            if now is None:
                self.write("?? :clock YYYY-MM-DD HH:MM | +2h | +1d | +30m")
            else:
                self.write(f"-- the clock now reads {now.astimezone(SHANGHAI):%Y-%m-%d %H:%M}")
            return True
        if command == ":save":
            self.write(await self._save(argument.strip()))
            return True
        if command == ":samples":
            self._refuse_samples(argument.strip())
            return True
        await self._lay_samples()
        if command == ":jobs":
            await self._run_jobs()
        elif not await self._send(command, argument, line):
            return True
        await asyncio.wait_for(settle(self.app, self.emu), REPLY_WAIT_SECONDS)
        # Messages owed to others (answers, offers, broadcasts) show right after their cause.
        await asyncio.wait_for(outbox_sender(self.app).drain(), REPLY_WAIT_SECONDS)
        self.flush()
        return True

    async def _run_jobs(self) -> None:
        """Run every periodic job once now, as its next tick would (a reminder due at the
        clock's new time goes out); the daily ones (digest, retention) keep their hour."""
        queue = self.app.job_queue
        names = [job.name for m in MANIFESTS for job in m.jobs if job.every is not None]
        ran = 0
        for name in names:
            for job in queue.get_jobs_by_name(name) if queue is not None else ():
                await job.run(self.app)
                ran += 1
        self.write(f"-- ran {ran} periodic jobs")

    def say_both(self, key: str, /, **args: object) -> None:
        """A sandbox note from the catalogs, in every language (the personas speak both)."""
        assert self.runtime is not None
        for lang in LANGUAGES:
            self.write(f"-- {self.runtime.catalog.text(lang, key, **args)}")

    def _refuse_samples(self, argument: str) -> None:
        """``:samples off``: start without the sample timetable (before the first message)."""
        if argument != "off" or self.runtime is None:
            self.write("?? :samples off")
        elif self.samples_pending or not self.samples_laid:
            self.samples_pending = False
            self.say_both("sandbox-samples-off")
        else:
            self.say_both("sandbox-samples-too-late")

    async def _lay_samples(self) -> None:
        """Lay out the sample timetable once, at the sandbox clock's "now"."""
        if not self.samples_pending or self.runtime is None:
            return
        self.samples_pending = False
        self.samples_laid = True
        laid = await lay_samples(self.runtime, STAFF_PERSONA.telegram_id)
        if laid.courses or laid.events:
            self.say_both("sandbox-samples-laid", courses=laid.courses, events=laid.events)
        else:
            self.say_both("sandbox-samples-kept")

    async def _send(self, command: str, argument: str, line: str) -> bool:
        """Send what the line says, where the current persona is; False when nothing went."""
        where: dict[str, object] = (
            {"in_chat": self.desk, "thread": self._topic()} if self.at_desk else {}
        )
        person = self.current
        if command == ":photo":
            await person.send_photo(TINY_PNG, caption=argument or None, **where)  # type: ignore[arg-type]
        elif command == ":voice":
            seconds = int(argument) if argument.strip().isdigit() else 5
            await person.send_voice(duration=min(seconds, 600), **where)  # type: ignore[arg-type]
        elif command == ":location":
            await person.send_location(31.2304, 121.4737, **where)  # type: ignore[arg-type]
        elif command == ":sticker":
            await person.send_sticker()
        elif command == ":forward":
            who, _, words = argument.strip().partition(" ")
            author = self._person(who)
            if author is None or not words.strip():
                self.write("?? :forward resident | english | <id> the words they wrote")
                return False
            await person.forward_from(author, words.strip())
        elif command == ":press":
            found = self._button(argument.strip())
            if found is None:
                self.write("?? :press <part of a button's text> (a button in this chat)")
                return False
            pressed, button_data = found
            await person.press_data(button_data, message_id=pressed.message_id, in_chat=self._here)
        elif command == ":file":
            content = await asyncio.to_thread(_read_small_file, argument.strip())
            if content is None:
                self.write("?? :file path/to/a/file (up to 1 MB)")
                return False
            await person.send_document(content, Path(argument.strip()).name)
        elif line.strip().isdigit() and self.last_buttons and self._buttons_are_latest():
            index = int(line.strip()) - 1
            buttons = [b for row in self.last_buttons.buttons for b in row]
            if not 0 <= index < len(buttons):
                self.write(f"?? there are {len(buttons)} buttons")
                return False
            data = buttons[index].get("callback_data")
            if data is None:
                self.write(f"-- (a link: {buttons[index].get('url', '')})")
                return False
            await person.press_data(
                data, message_id=self.last_buttons.message_id, in_chat=self._here
            )
        elif self.at_desk and self._topic() is None:
            self.write("-- the staff group has no topic yet: a resident must /ask first")
            return False
        elif line.startswith("/"):
            await person.command(line.strip(), **where)  # type: ignore[arg-type]
        else:
            await person.send(line, **where)  # type: ignore[arg-type]
        return True

    def _button(self, label: str) -> tuple[BotMessage, str] | None:
        """The newest button in this chat whose text holds ``label`` (a card's "↩️ 回复" after
        the resident's messages came in under it, where a number no longer reaches it)."""
        messages = self.desk.messages if self.at_desk else self.current.messages
        for message in reversed(messages):
            for row in message.buttons:
                for button in row:
                    data = button.get("callback_data")
                    if label and label in str(button.get("text", "")) and data is not None:
                        return message, str(data)
        return None

    def _person(self, who: str) -> SimUser | None:
        """A persona by its key, or anyone by their Telegram id (the bot may never have seen
        them: a forward from a neighbour who never opened the bot)."""
        if who in self.people:
            return self.people[who]
        if who.isdigit() and 0 < int(who) < 10**12:
            return self.emu.user(int(who), first_name=f"Resident {who}", language_code="zh")
        return None

    async def _save(self, name: str) -> str:
        """Write the newest photo (or document) of the current chat to ``name``."""
        for message in reversed(self.current.messages):
            content = message.photo
            if content is None and message.document:
                content = message.document.get("content")
            if content and name:
                await asyncio.to_thread(Path(name).write_bytes, content)
                return f"-- saved {len(content)} bytes to {name}"
        return "?? :save path/to/file (after the bot sent a photo or a file)"

    def flush(self) -> None:
        """Print everything the bot sent since the last look, in every persona's chat."""
        others: list[SimChat] = [p for p in self.people.values() if p is not self._here]
        if self.desk is not self._here:
            others.append(self.desk)
        for who in [self._here, *others]:
            label = (
                "服务台 staff group" if who is self.desk else self.labels.get(who.id, str(who.id))
            )
            with_buttons = self.transcript.show(who, label, current=who is self._here)
            if who is self._here and with_buttons:
                self.last_buttons = with_buttons[-1]
        for person in self.people.values():  # whoever pressed, in a private chat or at the desk
            label = self.labels.get(person.id, str(person.id))
            self.transcript.toasts(person, label, current=person is self.current)


async def _watch(sandbox: Sandbox, every: float = 0.5) -> None:
    while True:
        await asyncio.sleep(every)
        sandbox.flush()


async def _lines(script: Path | None) -> AsyncIterator[str]:
    if script is not None:
        text = await asyncio.to_thread(script.read_text, encoding="utf-8")
        for line in text.splitlines():
            yield line
        return
    while True:
        line = await asyncio.to_thread(sys.stdin.readline)
        if not line:
            return
        yield line


async def prepare_runtime(settings: Settings, centre: Centre) -> Runtime:
    """Migrate the sandbox database and give the staff persona its roles."""
    runtime = build_runtime(settings, centre, clock=SandboxClock())
    await upgrade_to_head(runtime.db)
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        for persona in PERSONAS:
            if persona.roles:
                # in their own language from the start, as their first message would set it
                person = users.Person(
                    persona.telegram_id, persona.first_name, language_code=persona.language_code
                )
                await users.register(session, person, now)
                await users.ensure_staff(
                    session, persona.telegram_id, persona.first_name, list(persona.roles), now
                )
    return runtime


async def _last_update_id(runtime: Runtime) -> int:
    """The highest update id the database has handled or recorded effects for (0: none)."""
    async with runtime.db.read() as session:
        handled = await session.scalar(select(func.max(InboxUpdate.update_id)))
        effects = await session.scalar(select(func.max(InboxEffect.update_id)))
    return max(handled or 0, effects or 0)


async def run_sandbox(
    settings: Settings,
    centre: Centre,
    script: Path | None = None,
    write: Callable[[str], None] = print,
    files: Path | None = None,
    desk: str = "group",
) -> int:
    """Run the sandbox until the input ends or ``:quit``; returns the exit code.

    The sample timetable (``bot.sandbox_samples``) is laid out before the first message,
    unless the user types ``:samples off`` first; a database kept with ``--db`` remembers
    that choice (one that has handled messages but never had samples gets none).

    Files the bot sends (a poster's PNG and PDF…) are saved under ``files`` (a new temporary
    folder by default) and their paths printed.

    ``desk``: ``group`` (the sandbox's own staff group, unless the settings name one) or
    ``private`` (no group: each ticket is a thread in the staff personas' private chats).
    """
    files = files or Path(tempfile.mkdtemp(prefix="frontdesk-sandbox-"))
    if script is not None:
        # A played script types faster than any person: pacing replies at Telegram's one
        # message a second per chat (the offline emulator enforces no limits) would make it
        # crawl, and the per-person flood guard would stop it half-way.
        privacy = settings.privacy.model_copy(update={"flood_burst": 1000})
        settings = settings.model_copy(update={"rate_limit": False, "privacy": privacy})
    if desk == "private":  # no group: tickets are threads in staff's private chats
        helpdesk = settings.helpdesk.model_copy(
            update={"staff_group_ids": [], "private_threads": True}
        )
        settings = settings.model_copy(update={"helpdesk": helpdesk})
    elif not settings.helpdesk.staff_group_ids:  # the sandbox has its own staff group
        helpdesk = settings.helpdesk.model_copy(update={"staff_group_ids": [SANDBOX_GROUP]})
        settings = settings.model_copy(update={"helpdesk": helpdesk})
    runtime = await prepare_runtime(settings, centre)
    interactive = script is None and sys.stdin.isatty()
    emulator = BotApiEmulator(token=SANDBOX_TOKEN, flood=FloodLimits(enabled=False))
    # A kept database (--db) has seen update ids 1…n: the emulator, new each run, goes on
    # from there as Telegram does, or the inbox would skip its updates as already handled.
    last_update = await _last_update_id(runtime)
    emulator.core.start_update_ids_at(last_update + 1)
    # Samples go to a new database, or one that had them (those over are laid anew); one
    # already used without them was started with ":samples off" and stays as it was.
    samples = last_update == 0 or await laid_before(runtime)
    try:
        async with emulator, running_bot(runtime, emulator) as app:
            clock = runtime.clock if isinstance(runtime.clock, SandboxClock) else None
            sandbox = Sandbox(emulator, app, write, clock, files, runtime, samples=samples)
            write("frontdesk sandbox — offline, no token. :help lists sandbox commands.")
            sandbox.say_both("sandbox-samples-coming" if samples else "sandbox-samples-stay-off")
            write(f"-- you are {sandbox.labels[sandbox.current.id]}")
            # Messages that arrive later (reminders, broadcasts, staff answers) show up too.
            watcher = asyncio.create_task(_watch(sandbox)) if interactive else None
            if interactive:
                print("> ", end="", flush=True)
            async for line in _lines(script):
                if script is not None and line.strip() and not line.lstrip().startswith("#"):
                    write(f"👤 {line}")
                if not await sandbox.handle(line):
                    break
                if interactive:
                    print("> ", end="", flush=True)
            if watcher is not None:
                watcher.cancel()
    finally:
        await runtime.db.dispose()
    return 0
