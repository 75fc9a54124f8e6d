"""Staff create, edit and cancel events."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest
from telegram.ext import (
    ConversationHandler,
)

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.events import service as events
from bot.features.events.buttons import ConfirmCancel
from bot.features.events.views import (
    CAPACITY,
    DESCRIPTION_EN,
    DESCRIPTION_ZH,
    EDIT_FIELD,
    EDIT_VALUE,
    END,
    START,
    TITLE_EN,
    TITLE_ZH,
    VENUE,
    _notices,
    _when,
)
from bot.services.users import Profile
from bot.tg.guards import allowed, require_role

log = logging.getLogger(__name__)


_PROMPTS = {
    TITLE_EN: "events-ask-title-en",
    DESCRIPTION_ZH: "events-ask-description-zh",
    DESCRIPTION_EN: "events-ask-description-en",
    START: "events-ask-start",
    END: "events-ask-end",
    CAPACITY: "events-ask-capacity",
}


@dataclass(slots=True)
class NewEvent:
    """An event being created step by step: the answers so far and the step asked now."""

    step: int = TITLE_ZH
    title_zh: str = ""
    title_en: str = ""
    description_zh: str = ""
    description_en: str = ""
    venue_id: str = ""
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    capacity: int | None = None

    def finished(self) -> events.Draft:
        """The event to create (every step answered)."""
        assert self.starts_at is not None
        assert self.ends_at is not None
        return events.Draft(
            title_zh=self.title_zh,
            title_en=self.title_en,
            description_zh=self.description_zh,
            description_en=self.description_en,
            venue_id=self.venue_id,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            capacity=self.capacity,
        )


@dataclass(slots=True)
class EventEdit:
    """An event being edited: which one, and the field chosen."""

    event_id: int
    field: str = ""


def _draft(context: FrontdeskContext) -> NewEvent:
    return context.drafts.get(NewEvent) or context.drafts.put(NewEvent())


@require_role("staff")
async def new_event(update: Update, context: FrontdeskContext) -> int:
    """/newevent: start the guided creation (staff only)."""
    context.drafts.put(NewEvent())
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("events-ask-title-zh"))
    return TITLE_ZH


async def _ask(update: Update, context: FrontdeskContext, state: int) -> int:
    assert update.effective_message is not None
    if state == VENUE:
        venues = context.t("events-venue-separator").join(
            v.name.get(context.language) for v in context.runtime.centre.venues
        )
        await update.effective_message.reply_text(context.t("events-ask-venue", venues=venues))
    else:
        await update.effective_message.reply_text(context.t(_PROMPTS[state]))
    return state


async def creation_step(update: Update, context: FrontdeskContext) -> int:
    """One answer of the guided creation; a bad one is explained and asked again."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    state = draft.step
    text = message.text or ""
    runtime = context.runtime
    try:
        if state in (TITLE_ZH, TITLE_EN):
            if state == TITLE_ZH:
                draft.title_zh = events.check_title(text)
            else:
                draft.title_en = events.check_title(text)
        elif state in (DESCRIPTION_ZH, DESCRIPTION_EN):
            if state == DESCRIPTION_ZH:
                draft.description_zh = events.check_description(text)
            else:
                draft.description_en = events.check_description(text)
        elif state == VENUE:
            draft.venue_id = events.check_venue(text, runtime.centre)
        elif state == START:
            starts_at = events.parse_local_time(text, runtime.centre.zone)
            if starts_at <= runtime.clock.now():
                raise events.Invalid("events-start-in-past")
            draft.starts_at = starts_at
        elif state == END:
            ends_at = events.parse_local_time(text, runtime.centre.zone)
            begins = draft.starts_at
            assert begins is not None
            events.check_times(begins, ends_at, runtime.clock.now())
            draft.ends_at = ends_at
        else:
            draft.capacity = events.check_capacity(text)
    except events.Invalid as problem:
        await message.reply_text(context.t(problem.key))
        return state
    if state < CAPACITY:
        draft.step = state + 1
        return await _ask(update, context, state + 1)
    assert context.profile is not None
    try:
        async with runtime.db.transaction() as session:
            event_id = await events.create(
                session,
                draft.finished(),
                context.profile,
                runtime.clock.now(),
            )
    except events.Invalid as problem:  # e.g. the start passed while typing
        await message.reply_text(context.t(problem.key))
        draft.step = START
        return await _ask(update, context, START)
    context.drafts.pop(NewEvent)
    await message.reply_text(context.t("events-created", id=event_id))
    return ConversationHandler.END


async def stop(update: Update, context: FrontdeskContext) -> int:
    """/cancel inside a conversation: drop what was typed."""
    context.drafts.pop(NewEvent)
    context.drafts.pop(EventEdit)
    if update.effective_message is not None:
        await update.effective_message.reply_text(context.t("events-conversation-cancelled"))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int | None:
    """Anything but text during a conversation: ask for text, stay in the same step."""
    if update.effective_message is not None:
        await update.effective_message.reply_text(context.t("events-text-only"))
    return None


_ID_ARG = re.compile(r"^\d{1,12}$")


def _event_id(context: FrontdeskContext) -> int | None:
    args = context.args or []
    if len(args) != 1 or not _ID_ARG.fullmatch(args[0]):
        return None
    return int(args[0])


@require_role("staff")
async def edit_event(update: Update, context: FrontdeskContext) -> int:
    """/editevent <id>: choose a field, then send its new value (staff only)."""
    message = update.effective_message
    assert message is not None
    event_id = _event_id(context)
    if event_id is None:
        await message.reply_text(context.t("events-edit-usage"))
        return ConversationHandler.END
    runtime = context.runtime
    async with runtime.db.read() as session:
        view = await events.get(session, event_id)
    if view is None or not view.open_at(runtime.clock.now()):
        await message.reply_text(context.t("events-gone"))
        return ConversationHandler.END
    context.drafts.put(EventEdit(event_id))
    await message.reply_text(context.t("events-edit-choose", title=view.title(context.language)))
    return EDIT_FIELD


async def edit_field(update: Update, context: FrontdeskContext) -> int:
    """The field's number."""
    message = update.effective_message
    assert message is not None
    edit = context.drafts.get(EventEdit)
    if edit is None:
        return ConversationHandler.END
    text = (message.text or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= len(events.FIELDS):
        await message.reply_text(context.t("events-bad-field"))
        return EDIT_FIELD
    edit.field = events.FIELDS[int(text) - 1]
    await message.reply_text(context.t("events-edit-ask-value"))
    return EDIT_VALUE


async def _save_edit(update: Update, context: FrontdeskContext) -> int | None:
    """Store the new value; the state to ask again in, or None when done."""
    message = update.effective_message
    assert message is not None
    assert context.profile is not None
    edit = context.drafts.get(EventEdit)
    if edit is None:
        return None
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            outcome = await events.change(
                session,
                edit.event_id,
                edit.field,
                message.text or "",
                context.profile,
                runtime.clock.now(),
                _notices(context),
            )
    except events.Invalid as problem:
        await message.reply_text(context.t(problem.key))
        return EDIT_VALUE
    if outcome is events.Change.BELOW_TAKEN:
        await message.reply_text(context.t("events-below-taken"))
        return EDIT_VALUE
    key = "events-saved"
    if outcome is events.Change.GONE:
        key = "events-gone"
    elif edit.field in {"start", "venue"}:
        key = "events-saved-moved"
    await message.reply_text(context.t(key))
    return None


async def edit_value(update: Update, context: FrontdeskContext) -> int:
    """The new value; a bad one is explained and asked again (staff only, checked again)."""
    state = None
    if await allowed(update, context, "staff", "edit_value"):
        state = await _save_edit(update, context)
    if state is not None:
        return state
    context.drafts.pop(EventEdit)
    return ConversationHandler.END


@require_role("staff")
async def cancel_event(update: Update, context: FrontdeskContext) -> None:
    """/cancelevent <id>: show what will happen and ask for a confirming press."""
    message = update.effective_message
    assert message is not None
    event_id = _event_id(context)
    if event_id is None:
        await message.reply_text(context.t("events-cancel-usage"))
        return
    runtime = context.runtime
    async with runtime.db.read() as session:
        view = await events.get(session, event_id)
        count = await events.signup_count(session, event_id)
    if view is None or not view.open_at(runtime.clock.now()):
        await message.reply_text(context.t("events-gone"))
        return
    button = InlineKeyboardButton(
        context.t("events-btn-cancel-confirm"), callback_data=encode(ConfirmCancel(event_id))
    )
    await message.reply_text(
        context.t(
            "events-cancel-confirm",
            title=view.title(context.language),
            when=_when(context, view.starts_at),
            count=count,
        ),
        reply_markup=InlineKeyboardMarkup([[button]]),
    )


@require_role("staff")
async def confirm_cancel(update: Update, context: FrontdeskContext, press: ConfirmCancel) -> None:
    """The confirming press: cancel, tell everyone signed up, withdraw their reminders."""
    query = update.callback_query
    assert query is not None
    assert context.profile is not None
    runtime = context.runtime
    profile: Profile = context.profile
    async with runtime.db.transaction() as session:
        told = await events.cancel(
            session, press.event_id, profile, runtime.clock.now(), _notices(context)
        )
    if told is None:
        await query.answer(context.t("events-gone"), show_alert=True)
        return
    await query.answer()
    try:
        await query.edit_message_text(context.t("events-cancel-done", told=told))
    except BadRequest as exc:
        log.debug("cancel confirmation not edited: %s", exc)
