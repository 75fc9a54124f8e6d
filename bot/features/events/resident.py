"""Events for residents: the card's buttons — sign up with companions, the waitlist and its
offers, cancelling after a confirmation, and "undo" for ten minutes."""

from __future__ import annotations

import logging

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.events import service as events
from bot.features.events import waitlist
from bot.features.events.buttons import (
    AcceptOffer,
    BackToCard,
    ConfirmLeave,
    DeclineOffer,
    EventCalendar,
    JoinEvent,
    JoinWithCompanions,
    LeaveEvent,
    ShowEvent,
    UndoLeave,
)
from bot.features.events.views import _notices, card
from bot.i18n import message_keys
from bot.tg.deeplink import link_of
from bot.tg.menu import send_menu
from bot.tg.reply import alert, say, show, toast

log = logging.getLogger(__name__)

SIGN_UP_TEXTS = message_keys(
    events.SignUp,
    {
        events.SignUp.JOINED: "events-joined",
        events.SignUp.WAITLISTED: "events-waitlisted",
        events.SignUp.ALREADY: "events-already",
        events.SignUp.FULL: "events-full",
        events.SignUp.TOO_MANY: "events-too-many",
        events.SignUp.CLOSED: "events-closed",
    },
)
ANSWER_TEXTS = message_keys(
    waitlist.Answer,
    {
        waitlist.Answer.ACCEPTED: "events-accepted",
        waitlist.Answer.DECLINED: "events-declined",
        waitlist.Answer.NOT_YOURS: "events-not-yours",
        waitlist.Answer.GONE: "events-offer-gone",
        waitlist.Answer.UNDONE: "events-undone",
        waitlist.Answer.UNDO_EXPIRED: "events-undo-expired",
        waitlist.Answer.SEAT_GONE: "events-seat-gone",
        waitlist.Answer.ALREADY: "events-already",
        waitlist.Answer.NOTHING: "events-not-in",
        waitlist.Answer.CLOSED: "events-closed",
    },
)


async def redraw(
    update: Update,
    context: FrontdeskContext,
    event_id: int,
    note: str = "",
    *,
    undo: bool = False,
    fresh: bool = False,
) -> bool:
    """The event's card (edited in place, or ``fresh`` as a new message); ``False`` if there
    is no such event. ``undo``: the reader has just withdrawn and may take it back."""
    assert context.profile is not None
    async with context.runtime.db.read() as session:
        view = await events.get(session, event_id, context.profile.id)
    if view is None:
        return False
    text, markup = card(context, view, context.runtime.clock.now())
    if note:
        text = note + "\n\n" + text
    if undo:
        label = context.t("events-btn-undo")
        first = [[InlineKeyboardButton(label, callback_data=encode(UndoLeave(event_id)))]]
        markup = InlineKeyboardMarkup([*first, *markup.inline_keyboard])
    buttons = markup if markup.inline_keyboard else None  # a cancelled event has none
    if fresh:
        await say(update, text, buttons)
    else:
        await show(update, text, buttons)
    return True


async def show_event_named(update: Update, context: FrontdeskContext, hint: str) -> bool:
    """ "我想报名包粽子", "sign up for zongzi": the card of the coming event whose title (in
    either language) holds those words; ``False`` when none does."""
    assert context.profile is not None
    wanted = hint.casefold().strip()
    if not wanted:
        return False
    async with context.runtime.db.read() as session:
        coming = await events.upcoming(session, context.runtime.clock.now(), context.profile.id)
    for view in coming:
        if any(wanted in title.casefold() for title in (view.title_zh, view.title_en)):
            return await redraw(update, context, view.id, fresh=True)
    return False


async def event_link(update: Update, context: FrontdeskContext) -> None:
    """``/start event_7`` (a poster's QR code): the event's card; one that has begun or was
    cancelled is followed by where to look instead, one that is not there is said so."""
    assert context.profile is not None
    event_id = link_of(update).number
    async with context.runtime.db.read() as session:
        view = await events.get(session, event_id, context.profile.id)
    if view is None:
        await event_link_gone(update, context)
        return
    await redraw(update, context, event_id, fresh=True)
    if not view.open_at(context.runtime.clock.now()):
        await send_menu(update, context, context.t("events-link-closed"))


async def event_link_gone(update: Update, context: FrontdeskContext) -> None:
    """``/start event_999`` or a mistyped ``/start event_abc``: no such event, said as such
    (the greeting alone left the resident wondering what became of the poster's event)."""
    await send_menu(update, context, context.t("events-link-gone"))


async def show_event(update: Update, context: FrontdeskContext, press: ShowEvent) -> None:
    """An event from the list: its card, as a new message."""
    if not await redraw(update, context, press.event_id, fresh=True):
        await alert(update, context.t("button-invalid"))
        return
    await toast(update)


async def back_to_card(update: Update, context: FrontdeskContext, press: BackToCard) -> None:
    """ "No, keep it": the card again, unchanged."""
    if not await redraw(update, context, press.event_id):
        await alert(update, context.t("button-invalid"))
        return
    await toast(update)


async def _join(update: Update, context: FrontdeskContext, event_id: int, party: int) -> None:
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        now = runtime.clock.now()
        outcome = await events.sign_up(session, event_id, context.profile.id, now, party)
        view = await events.get(session, event_id, context.profile.id)
    if view is None:
        await alert(update, context.t("button-invalid"))
        return
    if outcome is events.SignUp.WAITLISTED:
        answer = context.t("events-waitlisted", position=view.position)
    elif outcome is events.SignUp.JOINED and party > 1:
        answer = context.t("events-joined-party", party=party)
    else:
        answer = context.t(SIGN_UP_TEXTS[outcome])
    changed = outcome in (events.SignUp.JOINED, events.SignUp.WAITLISTED)
    await toast(update, answer, alert=not changed)
    await redraw(update, context, event_id)


async def join_event(update: Update, context: FrontdeskContext, press: JoinEvent) -> None:
    """Sign up alone, or join the waitlist when the event is full."""
    await _join(update, context, press.event_id, 1)


async def join_with_companions(
    update: Update, context: FrontdeskContext, press: JoinWithCompanions
) -> None:
    """ "+1 / +2": seats for the resident and the people they bring."""
    await _join(update, context, press.event_id, 1 + press.companions)


async def leave_event(update: Update, context: FrontdeskContext, press: LeaveEvent) -> None:
    """The card's "cancel": first ask, since one tap must not lose a seat."""
    assert context.profile is not None
    async with context.runtime.db.read() as session:
        view = await events.get(session, press.event_id, context.profile.id)
    if view is None:
        await alert(update, context.t("button-invalid"))
        return
    if view.mine is None:
        await alert(update, context.t("events-not-in"))
        return
    waiting = view.mine == events.WAITLISTED
    key = "events-leave-confirm-waitlist" if waiting else "events-leave-confirm"
    buttons = [
        InlineKeyboardButton(
            context.t("events-btn-confirm-leave"),
            callback_data=encode(ConfirmLeave(press.event_id)),
        ),
        InlineKeyboardButton(
            context.t("events-btn-keep"), callback_data=encode(BackToCard(press.event_id))
        ),
    ]
    await toast(update)
    await show(
        update,
        context.t(key, title=view.title(context.language)),
        InlineKeyboardMarkup([buttons]),
    )


async def confirm_leave(update: Update, context: FrontdeskContext, press: ConfirmLeave) -> None:
    """Withdraw (confirmed): the seats go to the people waiting; undo is offered."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        left = await events.withdraw(
            session, press.event_id, context.profile.id, runtime.clock.now(), _notices(context)
        )
    text = context.t("events-left" if left else "events-not-in")
    await toast(update, text, alert=not left)
    if not await redraw(update, context, press.event_id, text if left else "", undo=left):
        await alert(update, context.t("button-invalid"))


async def undo_leave(update: Update, context: FrontdeskContext, press: UndoLeave) -> None:
    """Back where one was, unless ten minutes passed or the seats went to someone else."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        now = runtime.clock.now()
        answer = await waitlist.undo(session, press.event_id, context.profile.id, now)
    text = context.t(ANSWER_TEXTS[answer])
    await toast(update, text, alert=answer is not waitlist.Answer.UNDONE)
    if not await redraw(update, context, press.event_id, text):
        await alert(update, context.t("button-invalid"))


async def accept_offer(update: Update, context: FrontdeskContext, press: AcceptOffer) -> None:
    """Take the seats offered from the waitlist."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        answer, event_id = await waitlist.accept(
            session, press.signup_id, context.profile.id, runtime.clock.now()
        )
    await _offer_answered(update, context, answer, event_id)


async def decline_offer(update: Update, context: FrontdeskContext, press: DeclineOffer) -> None:
    """Say no to an offer: the seats go to the next people waiting."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        answer, event_id = await waitlist.decline(
            session, press.signup_id, context.profile.id, runtime.clock.now(), _notices(context)
        )
    await _offer_answered(update, context, answer, event_id)


async def _offer_answered(
    update: Update, context: FrontdeskContext, answer: waitlist.Answer, event_id: int | None
) -> None:
    text = context.t(ANSWER_TEXTS[answer])
    done = answer in (waitlist.Answer.ACCEPTED, waitlist.Answer.DECLINED)
    await toast(update, text, alert=not done)
    if done and event_id is not None and answer is waitlist.Answer.ACCEPTED:
        await redraw(update, context, event_id, text)
    elif done:
        await show(update, text)


async def send_calendar(update: Update, context: FrontdeskContext, press: EventCalendar) -> None:
    """The event as an .ics file."""
    runtime = context.runtime
    async with runtime.db.read() as session:
        view = await events.get(session, press.event_id)
    if view is None:
        await alert(update, context.t("button-invalid"))
        return
    if view.status == events.CANCELLED:  # a card drawn before the event was cancelled
        await alert(update, context.t("events-status-cancelled"))
        return
    if view.starts_at <= runtime.clock.now():  # a card drawn before the event started
        ended = view.ends_at <= runtime.clock.now()
        await alert(update, context.t("events-status-ended" if ended else "events-status-past"))
        return
    await toast(update)
    chat = update.effective_chat
    if chat is None:
        return
    await context.bot.send_document(
        chat.id,
        events.ics(view, context.language, runtime.centre),
        filename=events.ics_filename(view),
        caption=context.t("events-ics-caption", title=view.title(context.language)),
    )


async def offers_job(context: FrontdeskContext) -> None:
    """Every minute: offers past their deadline expire, and seats freed without an offer
    (a reminder's "I can't come", a forgotten person) go to the people waiting."""
    runtime = context.runtime
    notices = _notices(context)
    async with runtime.db.transaction() as session:
        expired = await waitlist.expire_offers(session, runtime.clock.now(), notices)
        offered = await waitlist.fill_free_seats(session, runtime.clock.now(), notices)
    if expired or offered:
        log.info("event offers: %d expired, %d made", expired, offered)
