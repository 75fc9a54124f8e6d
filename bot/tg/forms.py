"""Form state in the database, read fresh at every update: forms survive restarts and
their steps may land on different instances.

This is the persistence under ``context.drafts`` (bot/context.py), the one other module
that reaches ``user_data`` (tests/test_drafts.py). PTB's persistence (``BasePersistence``)
loads conversations and ``user_data`` once at start and writes them back on an interval
from one process's memory (FACTS.md): a second instance never sees a step the first one
took. Here, around each update (bot/update_processor.py):

1. before: one query reads the rows of this update's conversation keys (``conv:<chat>:<user>``:
   every ``ConversationHandler``'s state for that person in that chat) and the person's
   drafts (``user:<user>``, PTB's ``user_data``), and puts them into the handlers and
   ``user_data`` — replacing whatever this process remembered. An update from the inbox
   finds its rows already read, with those of the whole claimed batch (bot/tg/prefetch.py:
   a chat's own steps are committed before its next update is claimed, on any instance);
   the drafts row, which the same person's update in *another* chat may write, is read
   again when this process wrote any drafts row since that read;
2. the update is handled as usual (features keep using ``ConversationHandler`` and
   ``context.drafts``, the typed accessor that is the only way into ``user_data``: nothing
   changes for them);
3. after: whatever changed is written back (nothing is written for updates outside forms).

Values are pickled (drafts are dataclasses); only this program writes the table. A row that
no longer unpickles (a draft class renamed by an upgrade) is dropped with a log line and the
person starts that form afresh. ``ConversationHandler``s are told apart by their ``name``, or
by their entry points (commands, button patterns) when they have none, so every instance of
one code version agrees. PTB keeps the states in ``ConversationHandler._conversations`` and
computes keys in ``_get_key``; this module is the only place that reaches into them
(tests/test_forms.py fails if an upgrade of PTB changes them).
"""

from __future__ import annotations

import logging
import pickle
from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from telegram import Update
from telegram.constants import ChatType
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
)

from bot.context import FrontdeskContext
from bot.runtime import Runtime
from bot.services import form_state
from bot.tg.form_words import WANTS_OUT
from bot.tg.menu import menu_labels
from bot.tg.prefetch import Prefetch, Subject, prefetched
from bot.tg.reply import Markup

log = logging.getLogger(__name__)
Conversation = ConversationHandler[Any]
FORM_ROWS = "forms"  # the prefetch's name (bot/tg/prefetch.py)
# A drafts row written by this process makes the batch reads of people of the same bucket
# (user id modulo this) untrusted: read again (few people write drafts; staff forms mostly).
DRAFT_BUCKETS = 1024


def _entry_name(handler: BaseHandler[Any, Any, Any]) -> str:
    if isinstance(handler, CommandHandler):
        return "/" + ",".join(sorted(handler.commands))
    if isinstance(handler, CallbackQueryHandler) and handler.pattern is not None:
        pattern = handler.pattern
        return "cb:" + (pattern if isinstance(pattern, str) else getattr(pattern, "pattern", "?"))
    return type(handler).__name__


def conversation_name(handler: Conversation) -> str:
    """The handler's ``name``, else one made of its entry points (stable across processes)."""
    if handler.name:
        return handler.name
    return "|".join(_entry_name(entry) for entry in handler.entry_points)


# The buttons a form's step shows with its question: ``keyboard(context, step)``.
StepKeyboard = Callable[[FrontdeskContext, Any], Awaitable[Markup | None]]
# The command that starts a person's form again ("/special"), from their draft; ``None``: the
# form's first command.
Restart = Callable[[FrontdeskContext], str | None]


class Form(ConversationHandler[Any]):
    """A conversation that knows more about its steps than PTB's:

    - ``keyboard``: the buttons each step shows with its question, so that a step asked again
      (an answer refused, a photo where text was wanted, "this step is still waiting") shows
      the same buttons as the first time (:func:`step_keyboard`);
    - ``settled``: steps reached only after its work is saved, such as /editevent's field
      menu shown again after a field was stored: leaving from one of those ends the form
      without telling the person that something was not submitted;
    - ``restart``: for a form with several commands (/closure and /special), the one that
      starts the person's form again, read from their draft (else its first command).
    """

    def __init__(
        self,
        *args: Any,
        settled: frozenset[object] = frozenset(),
        keyboard: StepKeyboard | None = None,
        restart: Restart | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.settled = settled
        self.keyboard = keyboard
        self.restart = restart


def _conversations(handlers: dict[int, list[BaseHandler[Any, Any, Any]]]) -> Iterator[Conversation]:
    for group in sorted(handlers):
        for handler in handlers[group]:
            if isinstance(handler, ConversationHandler):
                yield handler


@dataclass
class Snapshot:
    """What was read before an update, to write back only what changed."""

    rows: dict[str, bytes] = field(default_factory=dict)
    conversations: dict[str, list[tuple[str, Conversation, tuple[Any, ...]]]] = field(
        default_factory=dict
    )
    user_id: int | None = None


@dataclass(frozen=True, slots=True)
class PrefetchedRows:
    """An update's form rows as read with its claimed batch, and when (``drafts_written``:
    this process's count of drafts rows written for people like this one, before the read)."""

    rows: dict[str, bytes]
    drafts_written: int


class FormStore:
    """Reads and writes the form state of each update (see the module docstring)."""

    def __init__(self, runtime: Runtime) -> None:
        self.runtime = runtime
        self.named: list[tuple[str, Conversation]] = []
        self._user_data: Any = None
        self.reads = 0
        self.writes = 0
        self.prefetched = 0  # updates whose rows came with their claimed batch
        # Drafts rows (``user:<id>``) this process wrote, counted per bucket of people.
        self._drafts_written = [0] * DRAFT_BUCKETS

    def attach(self, app: Application[Any, Any, Any, Any, Any, Any]) -> None:
        """Learn the application's conversations, once every handler is installed."""
        handlers, user_data = app.handlers, app.user_data
        seen: dict[str, int] = {}
        for handler in _conversations(handlers):
            name = conversation_name(handler)
            seen[name] = seen.get(name, 0) + 1
            self.named.append((name if seen[name] == 1 else f"{name}#{seen[name]}", handler))
        self._user_data = user_data

    def _plan(self, update: object) -> Snapshot | None:
        """The rows an update's form state lives in (none: it has no sender)."""
        if not isinstance(update, Update) or update.effective_user is None:
            return None
        snapshot = Snapshot(user_id=update.effective_user.id)
        for name, handler in self.named:
            try:
                key = handler._get_key(update)
            except RuntimeError:  # no chat (an inline query): this conversation cannot apply
                continue
            row = "conv:" + ":".join(str(part) for part in key)
            snapshot.conversations.setdefault(row, []).append((name, handler, key))
        return snapshot

    def prefetch(self) -> Prefetch:
        """The batch read of the form rows of a claim's updates (bot/tg/prefetch.py)."""
        return Prefetch(FORM_ROWS, self._read_batch)

    async def _read_batch(
        self, session: Any, subjects: Sequence[Subject], now: datetime
    ) -> dict[int, object]:
        plans: dict[int, tuple[list[str], int]] = {}
        for subject in subjects:
            snapshot = self._plan(subject.update)
            if snapshot is not None and snapshot.user_id is not None:
                rows = [*snapshot.conversations, f"user:{snapshot.user_id}"]
                # Counted before the read: a write after it is noticed.
                plans[subject.update.update_id] = (rows, self.drafts_written(snapshot.user_id))
        wanted = [row for rows, _ in plans.values() for row in rows]
        found = await form_state.load(session, wanted)
        return {
            update_id: PrefetchedRows({row: found[row] for row in rows if row in found}, written)
            for update_id, (rows, written) in plans.items()
        }

    def drafts_written(self, user_id: int) -> int:
        """How many drafts rows this process wrote for people of ``user_id``'s bucket."""
        return self._drafts_written[user_id % DRAFT_BUCKETS]

    async def before(self, update: object) -> Snapshot | None:
        """Put this update's stored form state into the handlers and ``user_data``."""
        snapshot = self._plan(update)
        if snapshot is None:
            return None
        user_row = f"user:{snapshot.user_id}"
        ready = prefetched(FORM_ROWS)
        fresh = self.drafts_written(snapshot.user_id or 0)
        if isinstance(ready, PrefetchedRows) and ready.drafts_written == fresh:
            snapshot.rows = dict(ready.rows)
            self.prefetched += 1
        else:
            async with self.runtime.db.read() as session:
                snapshot.rows = await form_state.load(session, [*snapshot.conversations, user_row])
            self.reads += 1
        for row, entries in snapshot.conversations.items():
            states = self._unpickle(row, snapshot.rows)
            for name, handler, key in entries:
                conversations = handler._conversations
                if name in states:
                    conversations[key] = states[name]
                else:
                    conversations.pop(key, None)
        drafts = self._user_data[snapshot.user_id]
        drafts.clear()
        drafts.update(self._unpickle(user_row, snapshot.rows))
        return snapshot

    @staticmethod
    def _unpickle(row: str, rows: dict[str, bytes]) -> dict[Any, Any]:
        data = rows.get(row)
        if data is None:
            return {}
        try:
            loaded = pickle.loads(data)  # only this program writes these rows
        except Exception as error:  # any unreadable row (a renamed class): start afresh
            kind = row.split(":")[0]  # the rest names a person: not logged
            log.warning("form state %s unreadable (%s): dropped", kind, type(error).__name__)
            rows[row] = b"unreadable"  # differs from anything written: the row is replaced
            return {}
        return loaded if isinstance(loaded, dict) else {}

    async def after(self, snapshot: Snapshot) -> None:
        """Write back the rows whose content changed during the update."""
        changed: list[tuple[str, bytes | None]] = []
        for row, entries in snapshot.conversations.items():
            states = {
                name: handler._conversations[key]
                for name, handler, key in entries
                if isinstance(handler._conversations.get(key), int | str)
            }
            changed.append((row, self._pickle(states, snapshot.rows.get(row))))
        if snapshot.user_id is not None:
            drafts = self._user_data[snapshot.user_id]
            row = f"user:{snapshot.user_id}"
            # ``context.drafts`` (bot/context.py) leaves an empty store behind once the last
            # draft is popped: nothing to keep then.
            kept = {k: v for k, v in drafts.items() if not (isinstance(v, dict) and not v)}
            changed.append((row, self._pickle(kept, snapshot.rows.get(row))))
        changed = [(row, data) for row, data in changed if data != snapshot.rows.get(row)]
        if not changed:
            return
        now = self.runtime.clock.now()
        try:
            async with self.runtime.db.transaction() as session:
                for row, data in changed:
                    await form_state.store(session, row, data, now)
        finally:
            # Counted once the write is over: a batch read that began earlier may hold the
            # old row, and is not trusted (one that began later sees the new one).
            if snapshot.user_id is not None and any(r.startswith("user:") for r, _ in changed):
                self._drafts_written[snapshot.user_id % DRAFT_BUCKETS] += 1
        self.writes += 1

    @staticmethod
    def _pickle(data: dict[Any, Any], previous: bytes | None) -> bytes | None:
        """``data`` pickled (``None``: nothing to keep); ``previous`` if it cannot be."""
        if not data:
            return None
        try:
            return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            log.warning("form state not storable (%s): kept in memory only", type(error).__name__)
            return previous


async def handle_with_forms(store: FormStore | None, update: object, handle: Any) -> None:
    """Run ``handle()`` between reading and writing the update's form state.

    When the database cannot be read, the update is handled with what this process
    remembers, and nothing is written back (it could overwrite newer steps)."""
    snapshot = None
    if store is not None:
        try:
            snapshot = await store.before(update)
        except (SQLAlchemyError, OSError) as error:
            log.warning("form state unreadable (%s): this update uses memory", type(error).__name__)
    try:
        await handle()
    finally:
        if store is not None and snapshot is not None:
            try:
                await store.after(snapshot)
            except (SQLAlchemyError, OSError) as error:
                log.warning("form state not written (%s)", type(error).__name__)


Handlers = dict[int, list[BaseHandler[Any, Any, Any]]]


def _open_forms(handlers: Handlers, update: Update) -> list[tuple[Conversation, Any]]:
    """The conversations with a step open for ``update``'s sender in its chat, and its key
    (dictionary look-ups only: most updates have none, and stop here)."""
    found = []
    for handler in _conversations(handlers):
        try:
            key = handler._get_key(update)
        except RuntimeError:  # no chat or no sender: no conversation applies
            continue
        if isinstance(handler._conversations.get(key), int | str):  # not a step still running
            found.append((handler, key))
    return found


def _continues(handler: Conversation, update: Update, menu: bool) -> bool:
    if menu:
        return any(entry.check_update(update) for entry in handler.entry_points)
    return bool(handler.check_update(update))


def put_aside(
    handlers: Handlers,
    update: Update,
    *,
    menu: bool = False,
    context: FrontdeskContext | None = None,
) -> list[str]:
    """End the open forms of ``update``'s sender in its chat that ``update`` does not continue.

    For a command or a main-menu button that belongs to another feature: the resident has
    moved on, and a form left open would take their next free text ("明天卫生站开吗") as its
    answer. Ending the conversation here is written back like any step (``FormStore.after``).
    Returns how each ended form is started again ("/feedback"; "" when only buttons start it;
    with ``context``, a form's ``restart`` names the one of its commands the person used);
    a :class:`Form` ended at a ``settled`` step lost nothing and is not returned.
    A main-menu button (``menu``) is answered by the menu before any form's steps could take
    it as text: only a form it starts itself stays.
    """
    ended: list[str] = []
    for handler, key in _open_forms(handlers, update):
        if _continues(handler, update, menu):
            continue  # the form takes this update itself (/cancel, /done, its own command)
        step = handler._conversations.pop(key)
        if isinstance(handler, Form) and step in handler.settled:
            continue
        commands = [
            command
            for entry in handler.entry_points
            if isinstance(entry, CommandHandler)
            for command in sorted(entry.commands)
        ]
        again = f"/{commands[0]}" if commands else ""
        if isinstance(handler, Form) and handler.restart is not None and context is not None:
            again = handler.restart(context) or again
        ended.append(again)
    return ended


@dataclass(frozen=True, slots=True)
class WaitingStep:
    """A step of the feature's own, outside PTB's conversations, that may wait for a person's
    next message (a survey's text question; its state is in the feature's tables).

    Another form or a conversation with staff, once started, supersedes it (:func:`supersede`,
    declared in the feature's manifest): ``put_aside(context)`` stops it waiting, losing
    nothing, and says whether it was waiting; the person is then told ``notice`` (a catalog
    key). Its own ``commands`` and main-menu ``menu_action`` resume it, not supersede it.
    """

    put_aside: Callable[[FrontdeskContext], Awaitable[bool]]
    notice: str
    commands: frozenset[str] = frozenset()
    menu_action: str | None = None


@dataclass(frozen=True, slots=True)
class WaitingSteps:
    """The features' declared steps that wait outside PTB's conversations (a service, built
    once from the manifests: ``context.services.get(WaitingSteps)``)."""

    steps: tuple[WaitingStep, ...] = ()


def command_of(update: Update) -> str | None:
    """The name of the command ``update``'s message starts with ("ask" for "/ask@bot hi")."""
    message = update.message
    if message is None or not message.text or not message.text.startswith("/"):
        return None
    return message.text.split()[0][1:].partition("@")[0].lower() or None


def _resumes(step: WaitingStep, update: Update, context: FrontdeskContext) -> bool:
    """Whether ``update`` is one of the step's own ways back in (/surveys, its menu button)."""
    if command_of(update) in step.commands:
        return True
    message = update.message
    text = message.text.strip() if message is not None and message.text else ""
    return step.menu_action is not None and (
        menu_labels(context.runtime.catalog).get(text) == step.menu_action
    )


async def supersede(update: Update, context: FrontdeskContext, *, menu: bool = False) -> list[str]:
    """``update`` starts something else (a command, a main-menu button, a conversation with
    staff): nothing left waiting may take the person's next message as its answer.

    The forms it does not continue end (:func:`put_aside`), and every feature's own waiting
    step that it does not resume stops waiting, keeping what was answered (a survey's text
    question took "电梯坏了" typed just after /ask as its answer, and staff never saw it).
    Returns what to tell the person, one text for each (how to start or resume).
    """
    told = []
    ended = put_aside(context.application.handlers, update, menu=menu, context=context)
    if ended:
        again = next((command for command in ended if command), "")
        told.append(
            context.t("form-put-aside", command=again)
            if again
            else context.t("form-put-aside-plain")
        )
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        # the waiting steps are a person's private chat's (a survey's text question): a command
        # in a group neither ends them nor tells the group about them
        return told
    for step in context.services.get(WaitingSteps).steps:
        if not _resumes(step, update, context) and await step.put_aside(context):
            told.append(context.t(step.notice))
    return told


def _takes_leave_words(handler: Conversation, step: object) -> bool:
    """Whether ``handler``'s step answers "取消" / "返回" itself (the canteen rating does)."""
    return any(
        isinstance(each, MessageHandler) and each.filters is WANTS_OUT
        for each in handler.states.get(step, [])
    )


def leave(handlers: Handlers, update: Update) -> list[bool] | None:
    """End the open forms of ``update``'s sender in its chat, for a lone "取消" / "返回" /
    "cancel" typed at a step: it is /cancel in words, never the step's answer (an event's
    English title, a broadcast to everyone). One flag for each form ended: whether it was at
    a ``settled`` step (nothing was lost). ``None`` when a form answers the words itself at
    its step, and so takes the update (this function then ends none)."""
    found = _open_forms(handlers, update)
    if any(_takes_leave_words(handler, handler._conversations[key]) for handler, key in found):
        return None
    ended = []
    for handler, key in found:
        step = handler._conversations.pop(key)
        ended.append(isinstance(handler, Form) and step in handler.settled)
    return ended


def open_form_takes(handlers: Handlers, update: Update) -> bool:
    """Whether a form of ``update``'s sender in its chat is open at a step that takes
    ``update`` (its answer, or the step's own re-prompt): a form the person started is
    answered first, before a conversation with staff that stays open around it."""
    return any(handler.check_update(update) for handler, _ in _open_forms(handlers, update))


def waiting_elsewhere(handlers: Handlers, update: Update) -> bool:
    """Whether a form of ``update``'s sender in its chat is open and no conversation takes
    ``update`` (a photo or text at a step that waits for a button): the person is told the
    step waits, rather than the message going to another feature as if no form were open."""
    if not _open_forms(handlers, update):
        return False
    return not any(handler.check_update(update) for handler in _conversations(handlers))


async def step_keyboard(
    update: Update, context: FrontdeskContext, name: str | None = None
) -> Markup | None:
    """The buttons of the step ``update``'s sender is at in their open form in this chat (the
    form named ``name``, or the first open one that has buttons): what the step's question
    showed, for asking it again. ``None`` when the step has none."""
    for handler, key in _open_forms(context.application.handlers, update):
        if not isinstance(handler, Form) or handler.keyboard is None:
            continue
        if name is None or handler.name == name:
            return await handler.keyboard(context, handler._conversations[key])
    return None


def form_step(handler: Conversation, update: Update) -> object | None:
    """The step ``update``'s sender is at in ``handler``'s form in its chat (``None``: none)."""
    try:
        key = handler._get_key(update)
    except RuntimeError:  # no chat or no sender
        return None
    step = handler._conversations.get(key)
    return step if isinstance(step, int | str) else None


def end_form(handler: Conversation, update: Update) -> None:
    """End ``update``'s sender's form in ``handler`` (written back like any step)."""
    try:
        key = handler._get_key(update)
    except RuntimeError:
        return
    handler._conversations.pop(key, None)
