"""Staff create, edit and cancel events."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import (
    ConversationHandler,
)

from bot import dates
from bot.callbacks import decode, encode
from bot.context import FrontdeskContext
from bot.features.events import service as events
from bot.features.events.buttons import (
    ConfirmCancel,
    ConfirmLiftLimit,
    ConfirmMove,
    ConfirmRelocate,
    DropDraft,
    EditDone,
    EditField,
    KeepEvent,
    KeepLimit,
    KeepTime,
    KeepVenue,
    PickCancel,
    PickEdit,
    PickPage,
    PublishDraft,
)
from bot.features.events.views import (
    CAPACITY,
    COMPANIONS,
    DESCRIPTION_EN,
    DESCRIPTION_ZH,
    EDIT_AGAIN,
    EDIT_FIELD,
    EDIT_VALUE,
    END,
    PREVIEW,
    START,
    TITLE_EN,
    TITLE_ZH,
    VENUE,
    _notices,
    _when,
)
from bot.i18n import message_keys
from bot.services import hours
from bot.services.users import Profile
from bot.tg.buttons import keyboard
from bot.tg.forms import step_keyboard
from bot.tg.guards import allowed, checks_role_inside, require_role
from bot.tg.reply import alert, edit, reply, toast

log = logging.getLogger(__name__)

FIELD_TEXTS = message_keys(
    events.FIELDS,
    {
        "title_zh": "events-field-title-zh",
        "title_en": "events-field-title-en",
        "description_zh": "events-field-description-zh",
        "description_en": "events-field-description-en",
        "venue": "events-field-venue",
        "start": "events-field-start",
        "end": "events-field-end",
        "capacity": "events-field-capacity",
        "companions": "events-field-companions",
    },
)
# What to ask for a new value: the words that field understands (others say "the new value").
EDIT_PROMPTS = {"companions": "events-ask-companions"}
PICK_ACTIONS = ("edit", "cancel")
PICK_TEXTS = message_keys(
    PICK_ACTIONS, {"edit": "events-pick-edit", "cancel": "events-pick-cancel"}
)


_PROMPTS = {
    TITLE_EN: "events-ask-title-en",
    DESCRIPTION_ZH: "events-ask-description-zh",
    DESCRIPTION_EN: "events-ask-description-en",
    START: "events-ask-start",
    END: "events-ask-end",
    CAPACITY: "events-ask-capacity",
    COMPANIONS: "events-ask-companions",
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
    companions_max: int = events.COMPANIONS_DEFAULT

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
            companions_max=self.companions_max,
        )


@dataclass(slots=True)
class EventEdit:
    """An event being edited: which one, and the field chosen."""

    event_id: int
    field: str = ""
    saved: bool = False  # a field was stored: stopping now keeps it


def _draft(context: FrontdeskContext) -> NewEvent:
    return context.drafts.get(NewEvent) or context.drafts.put(NewEvent())


@require_role("staff")
async def new_event(update: Update, context: FrontdeskContext) -> int:
    """/newevent: start the guided creation (staff only)."""
    context.drafts.put(NewEvent())
    assert update.effective_message is not None
    await update.effective_message.reply_text(context.t("events-ask-title-zh"))
    return TITLE_ZH


def _venue_keyboard(context: FrontdeskContext) -> ReplyKeyboardMarkup:
    """The venues as a list to pick from (a name in either language also works)."""
    names = [v.name.get(context.language) for v in context.runtime.centre.venues]
    return ReplyKeyboardMarkup(
        [names[i : i + 2] for i in range(0, len(names), 2)],
        one_time_keyboard=True,
        resize_keyboard=True,
    )


def _preview_keyboard(context: FrontdeskContext) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    context.t("events-btn-publish"), callback_data=encode(PublishDraft())
                ),
                InlineKeyboardButton(
                    context.t("events-btn-drop"), callback_data=encode(DropDraft())
                ),
            ]
        ]
    )


async def creation_keyboard(
    context: FrontdeskContext, state: object
) -> ReplyKeyboardMarkup | InlineKeyboardMarkup | None:
    """The buttons a step of /newevent shows with its question (and when asked again)."""
    if state == VENUE:
        return _venue_keyboard(context)
    if state == PREVIEW:
        return _preview_keyboard(context)
    return None


async def _ask(update: Update, context: FrontdeskContext, state: int) -> int:
    assert update.effective_message is not None
    if state == VENUE:  # a list to pick from; a name in either language also works
        names = [v.name.get(context.language) for v in context.runtime.centre.venues]
        venues = context.t("events-venue-separator").join(names)
        await update.effective_message.reply_text(
            context.t("events-ask-venue", venues=venues), reply_markup=_venue_keyboard(context)
        )
    else:
        await update.effective_message.reply_text(
            context.t(_PROMPTS[state]), reply_markup=ReplyKeyboardRemove()
        )
    return state


def _take_answer(context: FrontdeskContext, state: int, text: str) -> int:
    """Store one answer in the draft; the next state (raises ``events.Invalid``)."""
    draft = _draft(context)
    runtime = context.runtime
    zone, calendar, now = runtime.centre.zone, runtime.hours.calendar, runtime.clock.now()
    if state == TITLE_ZH:
        draft.title_zh = events.check_title(text)
    elif state == TITLE_EN:
        draft.title_en = events.check_title(text)
    elif state == DESCRIPTION_ZH:
        draft.description_zh = events.check_description(text)
    elif state == DESCRIPTION_EN:
        draft.description_en = events.check_description(text)
    elif state == VENUE:
        draft.venue_id = events.check_venue(text, runtime.centre)
    elif state == START:
        starts_at, ends_at = events.parse_start(text, now, zone, calendar)
        if starts_at <= now:
            raise events.Invalid("events-start-in-past")
        draft.starts_at = starts_at
        if ends_at is not None:  # "晚上7点到8点半": the end is known too
            events.check_times(starts_at, ends_at, now)
            draft.ends_at = ends_at
            return CAPACITY
    elif state == END:
        begins = draft.starts_at
        assert begins is not None
        ends_at = events.parse_end(text, begins, zone, calendar)
        events.check_times(begins, ends_at, now)
        draft.ends_at = ends_at
    elif state == CAPACITY:
        draft.capacity = events.check_capacity(text)
        return COMPANIONS
    else:
        draft.companions_max = events.check_companions(text)
        return PREVIEW
    return state + 1


async def creation_step(update: Update, context: FrontdeskContext) -> int:
    """One answer of the guided creation; a bad one is explained and asked again."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    state = draft.step
    try:
        following = _take_answer(context, state, message.text or "")
    except events.Invalid as problem:  # asked again, with the step's buttons (the venues)
        await reply(update, context.t(problem.key), await creation_keyboard(context, state))
        return state
    draft.step = following
    if following == PREVIEW:
        return await _preview(update, context)
    return await _ask(update, context, following)


async def _preview(update: Update, context: FrontdeskContext) -> int:
    """The new event as residents will see it, in both languages, with Publish / Drop."""
    message = update.effective_message
    assert message is not None
    draft = _draft(context)
    closed = await _venue_closed_note(context, draft)
    text = "\n".join(
        (
            context.t("events-preview-head"),
            _event_lines(context, draft),
            *([closed] if closed else []),
            context.t("events-preview-foot"),
        )
    )
    await message.reply_text(text, reply_markup=_preview_keyboard(context))
    return PREVIEW


async def _venue_closed_note(context: FrontdeskContext, draft: NewEvent) -> str | None:
    """A warning when the venue is not open for the whole event (the canteen on a Saturday
    evening): staff may still publish, e.g. when someone opens it for the event."""
    runtime = context.runtime
    venue = runtime.centre.venue(draft.venue_id)
    if venue is None or draft.starts_at is None or draft.ends_at is None:
        return None
    zone = runtime.centre.zone
    start, end = draft.starts_at.astimezone(zone), draft.ends_at.astimezone(zone)
    book = await runtime.hours.book(runtime.clock.now().astimezone(zone).date())
    if hours.open_throughout(book, venue, start, end):
        return None
    spans = book.day(venue, start.date()).intervals
    hours_text = context.t("events-venue-hours-separator").join(
        f"{i.start // 60:02d}:{i.start % 60:02d}–{i.end // 60 % 24:02d}:{i.end % 60:02d}"
        for i in spans
    )
    return context.t(
        "events-venue-closed-then" if spans else "events-venue-closed-day",
        venue=venue.name.get(context.language),
        day=dates.day(start.date(), context.language),
        hours=hours_text,
    )


def _event_lines(context: FrontdeskContext, draft: NewEvent) -> str:
    """The event as the preview shows it (between its head and its foot)."""
    runtime = context.runtime
    zone = runtime.centre.zone
    starts_at, ends_at = draft.starts_at, draft.ends_at
    assert starts_at is not None
    assert ends_at is not None
    venue = runtime.centre.venue(draft.venue_id)
    capacity = draft.capacity
    return context.t(
        "events-preview",
        title_zh=draft.title_zh,
        title_en=draft.title_en,
        description_zh=draft.description_zh,
        description_en=draft.description_en,
        when=_when(context, starts_at),
        end=f"{ends_at.astimezone(zone):%H:%M}",
        venue=venue.name.get(context.language) if venue else draft.venue_id,
        seats=context.t("events-preview-seats", capacity=capacity)
        if capacity
        else context.t("events-preview-no-limit"),
        companions=context.t("events-preview-companions", count=draft.companions_max)
        if draft.companions_max
        else context.t("events-preview-no-companions"),
    )


@checks_role_inside("staff")
async def publish(update: Update, context: FrontdeskContext) -> int:
    """Publish the previewed event (staff only, checked again at the press)."""
    query = update.callback_query
    assert query is not None
    if not await allowed(update, context, "staff", "publish event"):
        return ConversationHandler.END
    draft = _draft(context)
    assert context.profile is not None
    await query.answer()
    runtime = context.runtime
    message = update.effective_message
    assert message is not None
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
    # The preview said "not published yet": it now says what happened, without its buttons.
    await _settle_preview(
        query, context.t("events-published-head") + "\n" + _event_lines(context, draft)
    )
    await message.reply_text(context.t("events-created", id=event_id))
    return ConversationHandler.END


async def drop(update: Update, context: FrontdeskContext) -> int:
    """Drop the previewed event: nothing is stored."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    await _drop_buttons(query)
    return await stop(update, context)


async def _settle_preview(query: CallbackQuery, text: str) -> None:
    try:
        await query.edit_message_text(text, reply_markup=None)
    except BadRequest as exc:
        log.debug("preview not updated: %s", exc)


async def _drop_buttons(query: CallbackQuery) -> None:
    try:
        await query.edit_message_reply_markup(None)
    except BadRequest as exc:
        log.debug("preview buttons not removed: %s", exc)


async def stop(update: Update, context: FrontdeskContext) -> int:
    """/cancel inside a conversation: drop what was typed (fields already saved stay)."""
    context.drafts.pop(NewEvent)
    edit = context.drafts.pop(EventEdit)
    saved = edit is not None and getattr(edit, "saved", False)  # a draft from before saved
    key = "events-edit-stopped" if saved else "events-conversation-cancelled"
    if update.effective_message is not None:
        await update.effective_message.reply_text(context.t(key))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int | None:
    """Anything but text during a conversation: ask for text (with the step's buttons),
    stay in the same step."""
    await reply(update, context.t("events-text-only"), await step_keyboard(update, context))
    return None


_ID_ARG = re.compile(r"^\d{1,12}$")
PICK_PAGE = 8  # events per page of the list to pick from


def _event_id(context: FrontdeskContext) -> int | None:
    args = context.args or []
    if len(args) != 1 or not _ID_ARG.fullmatch(args[0]):
        return None
    return int(args[0])


def _named(found: list[events.EventView], words: str) -> list[events.EventView]:
    """The events whose title, in either language, contains ``words``."""
    wanted = words.strip().lower()
    return [v for v in found if any(wanted in v.title(lang).lower() for lang in ("zh", "en"))]


def picker(
    context: FrontdeskContext, action: str, found: list[events.EventView], page: int
) -> InlineKeyboardMarkup:
    """One button per event (title and day), a page at a time, with ◀ ▶ between pages."""
    pages = max(1, -(-len(found) // PICK_PAGE))
    page = min(max(page, 0), pages - 1)
    shown = found[page * PICK_PAGE : (page + 1) * PICK_PAGE]
    kind = PickEdit if action == "edit" else PickCancel
    rows = [
        [
            InlineKeyboardButton(
                context.t("events-pick-line", title=v.title(context.language),
                          when=_when(context, v.starts_at)),
                callback_data=encode(kind(v.id)),
            )
        ]
        for v in shown
    ]  # fmt: skip
    turn = []
    if page > 0:
        turn.append(
            InlineKeyboardButton(
                context.t("events-pick-previous"), callback_data=encode(PickPage(action, page - 1))
            )
        )
    if page + 1 < pages:
        turn.append(
            InlineKeyboardButton(
                context.t("events-pick-next"), callback_data=encode(PickPage(action, page + 1))
            )
        )
    if turn:
        rows.append(turn)
    return InlineKeyboardMarkup(rows)


async def _choose_event(update: Update, context: FrontdeskContext, action: str) -> int | None:
    """The event named by the command's argument (a number or words of its title), or a
    list to pick from (then ``None``)."""
    message = update.effective_message
    assert message is not None
    event_id = _event_id(context)
    if event_id is not None:
        return event_id
    runtime = context.runtime
    async with runtime.db.read() as session:
        found = await events.upcoming(session, runtime.clock.now(), limit=200)
    words = " ".join(context.args or [])[:100]
    unknown = ""
    if words:
        named = _named(found, words)
        if len(named) == 1:
            return named[0].id
        unknown = words if not named else ""
        found = named or found
    if not found:
        await message.reply_text(context.t("events-pick-none"))
        return None
    text = context.t(PICK_TEXTS[action])
    if unknown:  # the words matched nothing: said so, not a list as if none were typed
        text = context.t("events-pick-no-match", words=unknown) + "\n" + text
    await message.reply_text(text, reply_markup=picker(context, action, found, 0))
    return None


async def turn_page(update: Update, context: FrontdeskContext, press: PickPage) -> None:
    """◀ / ▶ in a list of events to pick from."""
    query = update.callback_query
    assert query is not None
    if press.action not in PICK_ACTIONS:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    runtime = context.runtime
    async with runtime.db.read() as session:
        found = await events.upcoming(session, runtime.clock.now(), limit=200)
    await query.answer()
    try:
        await query.edit_message_reply_markup(picker(context, press.action, found, press.page))
    except BadRequest as exc:
        log.debug("event list not turned: %s", exc)


@require_role("staff")
async def edit_event(update: Update, context: FrontdeskContext) -> int:
    """/editevent [number or title]: pick the event, then the field, then the new value."""
    args = context.args or []
    if len(args) > 1 and _ID_ARG.fullmatch(args[0]):
        # "/editevent 3 title 新标题": the event, and how its fields are changed (the words
        # after the number were read as a title, matched nothing, and a list came instead);
        # a title that starts with a number ("/editevent 2026 新年联欢会") is still the title's
        runtime = context.runtime
        async with runtime.db.read() as session:
            found = await events.upcoming(session, runtime.clock.now(), limit=200)
        if not _named(found, " ".join(args)[:100]):
            return await _start_edit(
                update, context, int(args[0]), note=context.t("events-edit-one-field")
            )
    event_id = await _choose_event(update, context, "edit")
    if event_id is None:
        return ConversationHandler.END
    return await _start_edit(update, context, event_id)


@require_role("staff")
async def edit_picked(update: Update, context: FrontdeskContext) -> int:
    """An event pressed in the list of /editevent."""
    query = update.callback_query
    assert query is not None
    press = decode(PickEdit, query.data or "")
    if press is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return ConversationHandler.END
    await query.answer()
    return await _start_edit(update, context, press.event_id)


async def _start_edit(
    update: Update, context: FrontdeskContext, event_id: int, *, note: str = ""
) -> int:
    """The field menu of ``event_id`` (``note`` said first, once the event is found)."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    async with runtime.db.read() as session:
        view = await events.get(session, event_id)
    if view is None or not view.open_at(runtime.clock.now()):
        await message.reply_text(context.t("events-gone"))
        return ConversationHandler.END
    if note:
        await message.reply_text(note)
    context.drafts.put(EventEdit(event_id))
    await message.reply_text(
        context.t("events-edit-choose", title=view.title(context.language)),
        reply_markup=_field_menu(context),
    )
    return EDIT_FIELD


def _field_menu(context: FrontdeskContext, *, done: bool = False) -> InlineKeyboardMarkup:
    """A button per field, two a row; with ``done``, a last row to stop editing."""
    names = [context.t(FIELD_TEXTS[name]) for name in events.FIELDS]
    buttons = [
        InlineKeyboardButton(name, callback_data=encode(EditField(number)))
        for number, name in enumerate(names, start=1)
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    if done:
        rows.append(
            [
                InlineKeyboardButton(
                    context.t("events-btn-edit-done"), callback_data=encode(EditDone())
                )
            ]
        )
    return InlineKeyboardMarkup(rows)


async def edit_keyboard(context: FrontdeskContext, state: object) -> InlineKeyboardMarkup | None:
    """The buttons a step of /editevent shows with its question: the fields (and "Done"
    once one was saved); none while a new value is typed."""
    if state in (EDIT_FIELD, EDIT_AGAIN):
        return _field_menu(context, done=state == EDIT_AGAIN)
    return None


def _field_value(context: FrontdeskContext, view: events.EventView, field: str) -> str:
    """The value ``field`` of the event has now, as staff read it."""
    t = context.t
    if field in {"title_zh", "title_en", "description_zh", "description_en"}:
        return str(getattr(view, field))
    if field == "capacity":
        if view.capacity is None:
            return t("events-edit-seats-open", taken=view.taken)
        return t("events-edit-seats", taken=view.taken, capacity=view.capacity)
    if field == "companions":
        if view.companions_max:
            return t("events-preview-companions", count=view.companions_max)
        return t("events-preview-no-companions")
    zone = context.runtime.centre.zone  # the end (a start or venue is moved, not saved here)
    return f"{_when(context, view.starts_at)} – {view.ends_at.astimezone(zone):%H:%M}"


async def edit_field(update: Update, context: FrontdeskContext) -> int:
    """The field: a button, or its number typed."""
    message = update.effective_message
    assert message is not None
    edit = context.drafts.get(EventEdit)
    if edit is None:
        return ConversationHandler.END
    query = update.callback_query
    if query is not None:
        press = decode(EditField, query.data or "")
        text = str(press.number) if press is not None else ""
        await query.answer()
    else:
        text = (message.text or "").strip()
    if not text.isdigit() or not 1 <= int(text) <= len(events.FIELDS):
        state = EDIT_AGAIN if edit.field else EDIT_FIELD  # where it was: after a save or not
        await reply(update, context.t("events-bad-field"), await edit_keyboard(context, state))
        return state
    edit.field = events.FIELDS[int(text) - 1]
    if edit.field == "start":  # the time it has now, and how a new one may be written
        runtime = context.runtime
        async with runtime.db.read() as session:
            view = await events.get(session, edit.event_id)
        if view is not None:
            await message.reply_text(
                context.t("events-edit-ask-start", when=_when(context, view.starts_at))
            )
            return EDIT_VALUE
    await message.reply_text(context.t(EDIT_PROMPTS.get(edit.field, "events-edit-ask-value")))
    return EDIT_VALUE


async def _strict_time(context: FrontdeskContext, event_id: int, field: str, text: str) -> str:
    """A new start or end in words ("下周五下午3点", "4pm") as ``YYYY-MM-DD HH:MM``; anything
    else is passed on as typed (and refused there if it is no time)."""
    if field not in ("start", "end"):
        return text
    runtime = context.runtime
    zone, calendar = runtime.centre.zone, runtime.hours.calendar
    try:
        if field == "start":
            moment, _ = events.parse_start(text, runtime.clock.now(), zone, calendar)
        else:
            async with runtime.db.read() as session:
                view = await events.get(session, event_id)
            if view is None:
                return text
            moment = events.parse_end(text, view.starts_at, zone, calendar)
    except events.Invalid:
        return text
    return f"{moment.astimezone(zone):%Y-%m-%d %H:%M}"  # read again by the service


async def _save_edit(update: Update, context: FrontdeskContext) -> int | None:
    """Store the new value; the state to go on in (the value asked again, or the field menu
    after a save), or None when done."""
    message = update.effective_message
    assert message is not None
    assert context.profile is not None
    edit = context.drafts.get(EventEdit)
    if edit is None:
        return None
    runtime = context.runtime
    if edit.field in events.MOVES:
        return await _preview_move(update, context, edit.event_id, edit.field, message.text or "")
    try:
        async with runtime.db.transaction() as session:
            outcome = await events.change(
                session,
                edit.event_id,
                edit.field,
                await _strict_time(context, edit.event_id, edit.field, message.text or ""),
                context.profile,
                runtime.clock.now(),
                _notices(context),
            )
    except events.Invalid as problem:
        await message.reply_text(context.t(problem.key))
        return EDIT_VALUE
    if outcome is events.Change.CONFIRM:  # no limit on seats: who gets one, then confirm
        return await _preview_lift(update, context, edit.event_id)
    if outcome is events.Change.BELOW_TAKEN:  # say how many, so the next answer can be right
        async with runtime.db.read() as session:
            view = await events.get(session, edit.event_id)
        taken = view.taken if view is not None else 0
        await message.reply_text(context.t("events-below-taken", taken=taken))
        return EDIT_VALUE
    async with runtime.db.read() as session:
        view = await events.get(session, edit.event_id)
    if outcome is events.Change.GONE or view is None:
        await message.reply_text(context.t("events-gone"))
        return None
    edit.saved = True
    # What was stored, and the fields again: staff often change several in a row.
    await message.reply_text(
        context.t(
            "events-edit-saved",
            field=context.t(FIELD_TEXTS[edit.field]),
            value=_field_value(context, view, edit.field),
            title=view.title(context.language),
        ),
        reply_markup=_field_menu(context, done=True),
    )
    return EDIT_AGAIN


async def _preview_lift(update: Update, context: FrontdeskContext, event_id: int) -> int | None:
    """ "不限" for an event with a limit: how many on the waiting list get a seat (and are
    told), with Confirm / Keep; nothing is saved or sent before the press."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        plan = await events.plan_lift_limit(session, event_id, runtime.clock.now())
    if plan is None:
        await reply(update, context.t("events-gone"))
        return None
    markup = keyboard(
        [
            [
                (context.t("events-btn-lift-confirm"), ConfirmLiftLimit(event_id, plan.capacity)),
                (context.t("events-btn-lift-keep"), KeepLimit(event_id)),
            ]
        ]
    )
    text = context.t(
        "events-lift-confirm",
        title=plan.title(context.language),
        capacity=plan.capacity,
        count=plan.waiting,
    )
    await reply(update, text, markup)
    return None


@require_role("staff")
async def confirm_lift(update: Update, context: FrontdeskContext, press: ConfirmLiftLimit) -> None:
    """ "Lift the limit" under the preview: everyone waiting gets a seat and is told."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        outcome, seated = await events.lift_limit(
            session,
            press.event_id,
            press.was,
            context.profile,
            runtime.clock.now(),
            _notices(context),
        )
    if outcome is not events.Change.SAVED:
        stale = outcome is events.Change.STALE
        await alert(update, context.t("events-lift-stale" if stale else "events-gone"))
        return
    await toast(update)
    await edit(update, context.t("events-lift-done", count=seated))


@require_role("staff")
async def keep_limit(update: Update, context: FrontdeskContext, press: KeepLimit) -> None:
    """Staff keep the limit: nothing is saved or sent."""
    await toast(update)
    await edit(update, context.t("events-lift-kept"))


@dataclass(frozen=True, slots=True)
class MoveTexts:
    """The words of one kind of move (of the start, of the venue) around the shared preview."""

    confirm: str
    keep: str
    kept: str
    stale: str
    done: str


MOVE_TEXTS = {
    "start": MoveTexts(
        confirm="events-btn-move-confirm",
        keep="events-btn-move-keep",
        kept="events-move-kept",
        stale="events-move-stale",
        done="events-move-done",
    ),
    "venue": MoveTexts(
        confirm="events-btn-relocate-confirm",
        keep="events-btn-relocate-keep",
        kept="events-relocate-kept",
        stale="events-relocate-stale",
        done="events-relocate-done",
    ),
}


def _placed_text(context: FrontdeskContext, placed: datetime | str) -> str:
    """A start or a venue's id, as the reader says it."""
    if isinstance(placed, datetime):
        return _when(context, placed)
    return _notices(context).venue_name(placed, context.language)


def _move_buttons(
    plan: events.MovePlan,
) -> tuple[ConfirmMove | ConfirmRelocate, KeepTime | KeepVenue]:
    if isinstance(plan.was, datetime) and isinstance(plan.to, datetime):
        was, to = events.minute_of(plan.was), events.minute_of(plan.to)
        return ConfirmMove(plan.event_id, was, to), KeepTime(plan.event_id)
    return ConfirmRelocate(plan.event_id, str(plan.was), str(plan.to)), KeepVenue(plan.event_id)


async def _preview_move(
    update: Update, context: FrontdeskContext, event_id: int, field: str, text: str
) -> int | None:
    """A new start or venue is shown before anything is saved or sent: from, to, and who
    hears of it."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    value = await _strict_time(context, event_id, field, text)
    try:
        async with runtime.db.read() as session:
            plan = await events.plan_move(
                session, event_id, field, value, runtime.clock.now(), _notices(context)
            )
    except events.Invalid as problem:
        await message.reply_text(context.t(problem.key))
        return EDIT_VALUE
    if plan is None:
        await message.reply_text(context.t("events-gone"))
        return None
    texts = MOVE_TEXTS[plan.field]
    confirm, keep = _move_buttons(plan)
    buttons = [
        InlineKeyboardButton(context.t(texts.confirm), callback_data=encode(confirm)),
        InlineKeyboardButton(context.t(texts.keep), callback_data=encode(keep)),
    ]
    await message.reply_text(
        context.t(
            "events-move-confirm",
            title=plan.title(context.language),
            before=_placed_text(context, plan.was),
            after=_placed_text(context, plan.to),
            count=plan.told,
        ),
        reply_markup=InlineKeyboardMarkup([buttons]),
    )
    return None


async def _move(
    update: Update,
    context: FrontdeskContext,
    event_id: int,
    was: datetime | str,
    to: datetime | str,
    texts: MoveTexts,
) -> None:
    """The confirming press of either preview: move, tell everyone signed up (both named)."""
    assert context.profile is not None
    runtime = context.runtime
    try:
        async with runtime.db.transaction() as session:
            outcome = await events.move(
                session, event_id, was, to, context.profile, runtime.clock.now(), _notices(context)
            )
            told = await events.cancel_audience(session, event_id)
    except events.Invalid as problem:  # the new time has passed since the preview
        await alert(update, context.t(problem.key))
        return
    if outcome is not events.Change.SAVED:
        stale = outcome is events.Change.STALE
        await alert(update, context.t(texts.stale if stale else "events-gone"))
        return
    await toast(update)
    await edit(update, context.t(texts.done, to=_placed_text(context, to), count=told.total))


@require_role("staff")
async def confirm_move(update: Update, context: FrontdeskContext, press: ConfirmMove) -> None:
    """ "Move it" under a new start's preview."""
    was, to = events.from_minute(press.was), events.from_minute(press.to)
    await _move(update, context, press.event_id, was, to, MOVE_TEXTS["start"])


@require_role("staff")
async def confirm_relocate(
    update: Update, context: FrontdeskContext, press: ConfirmRelocate
) -> None:
    """ "Move it there" under a new venue's preview."""
    await _move(update, context, press.event_id, press.was, press.to, MOVE_TEXTS["venue"])


@require_role("staff")
async def keep_time(update: Update, context: FrontdeskContext, press: KeepTime) -> None:
    """Staff changed their mind: nothing is saved or sent."""
    await toast(update)
    await edit(update, context.t(MOVE_TEXTS["start"].kept))


@require_role("staff")
async def keep_venue(update: Update, context: FrontdeskContext, press: KeepVenue) -> None:
    """Staff changed their mind about the venue: nothing is saved or sent."""
    await toast(update)
    await edit(update, context.t(MOVE_TEXTS["venue"].kept))


async def edit_value(update: Update, context: FrontdeskContext) -> int:
    """The new value; a bad one is explained and asked again (staff only, checked again)."""
    state = None
    if await allowed(update, context, "staff", "edit_value"):
        state = await _save_edit(update, context)
    if state is not None:
        return state
    context.drafts.pop(EventEdit)
    return ConversationHandler.END


async def edit_done(update: Update, context: FrontdeskContext) -> int:
    """ "Done" under the field menu shown after a save: the edit ends (all is saved)."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    edit = context.drafts.pop(EventEdit)
    await _drop_buttons(query)
    if update.effective_message is not None and edit is not None:
        await update.effective_message.reply_text(context.t("events-edit-done"))
    return ConversationHandler.END


@require_role("staff")
async def cancel_event(update: Update, context: FrontdeskContext) -> None:
    """/cancelevent [number or title]: pick the event, see what will happen, confirm."""
    event_id = await _choose_event(update, context, "cancel")
    if event_id is not None:
        await _ask_cancel(update, context, event_id)


@require_role("staff")
async def cancel_picked(update: Update, context: FrontdeskContext, press: PickCancel) -> None:
    """An event pressed in the list of /cancelevent."""
    assert update.callback_query is not None
    await update.callback_query.answer()
    await _ask_cancel(update, context, press.event_id)


async def _ask_cancel(update: Update, context: FrontdeskContext, event_id: int) -> None:
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    async with runtime.db.read() as session:
        view = await events.get(session, event_id)
        told = await events.cancel_audience(session, event_id)
    if view is None or not view.open_at(runtime.clock.now()):
        await message.reply_text(context.t("events-gone"))
        return
    buttons = [
        InlineKeyboardButton(
            context.t("events-btn-cancel-confirm"), callback_data=encode(ConfirmCancel(event_id))
        ),
        InlineKeyboardButton(
            context.t("events-btn-cancel-keep"), callback_data=encode(KeepEvent(event_id))
        ),
    ]
    await message.reply_text(
        context.t(
            "events-cancel-confirm",
            title=view.title(context.language),
            when=_when(context, view.starts_at),
            who=_told_text(context, told),
        ),
        reply_markup=InlineKeyboardMarkup([buttons]),
    )


def _told_text(context: FrontdeskContext, told: events.Told) -> str:
    """ "已报名 2 人、候补 1 人" (or that nobody is signed up)."""
    if told.total == 0:
        return context.t("events-cancel-nobody")
    return context.t("events-cancel-who", signed=told.signed_up, waiting=told.waiting)


@require_role("staff")
async def keep_event(update: Update, context: FrontdeskContext, press: KeepEvent) -> None:
    """ "Keep it" under the cancel confirmation: nothing changes, the question is closed."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    try:
        await query.edit_message_text(context.t("events-cancel-kept"))
    except BadRequest as exc:
        log.debug("cancel confirmation not edited: %s", exc)


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
        await query.edit_message_text(
            context.t("events-cancel-done", who=_told_text(context, told))
        )
    except BadRequest as exc:
        log.debug("cancel confirmation not edited: %s", exc)
