"""A staff member (not an admin: an admin's forward offers the person's roles) forwards a
resident's message to the bot. It used to get "I didn't understand"; now the staff member
sees what the helpdesk can do with it (the rules are in ``on_behalf``): the resident's open
ticket, ready to answer, with a button that adds the forwarded words to it; or the offer to
open a ticket with them; or, when the bot cannot reach that person, why, and the link that
opens a conversation with staff, to pass on."""

from __future__ import annotations

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.ext import ApplicationHandlerStop

from bot import deeplinks
from bot.callbacks import encode
from bot.context import FrontdeskContext
from bot.features.askstaff import desk, on_behalf, staff_desk
from bot.features.askstaff.buttons import TakeUpForwards
from bot.features.askstaff.on_behalf import Forwarded, Standing
from bot.features.askstaff.staff_desk import Answering, ticket_card
from bot.features.askstaff.tickets import Refused
from bot.i18n import message_keys
from bot.tg.buttons import keyboard
from bot.tg.forms import open_form_takes
from bot.tg.guards import require_role
from bot.tg.reply import alert, edit, reply, toast

REFUSED_TEXTS = message_keys(
    ("unknown", "blocked", "banned"),
    {
        "unknown": "hd-forward-unknown",
        "blocked": "hd-forward-blocked",
        "banned": "hd-forward-banned",
    },
)


def _ask_link(context: FrontdeskContext) -> str:
    """The link that opens a conversation with staff, for the staff member to pass on."""
    return deeplinks.url(context.bot.username, "ask") if context.bot.username else "/ask"


async def staff_private_chat(update: Update, context: FrontdeskContext) -> None:
    """A staff member's message in their private chat (group ``STAFF_PRIVATE_GROUP``): a
    forward outside answer mode is answered here; anything else may be an answer to a
    resident (``staff_desk.staff_private``)."""
    await staff_forward(update, context)  # stops the update when it answered the forward
    await staff_desk.staff_private(update, context)


async def staff_forward(update: Update, context: FrontdeskContext) -> None:
    """A staff member's forward in their private chat: what the helpdesk can do with it."""
    message = update.message
    profile = context.profile
    if message is None or message.forward_origin is None or profile is None:
        return
    if message.chat.type != "private" or "staff" not in profile.roles or "admin" in profile.roles:
        return  # residents' forwards are answered as their words; admins' offer roles
    if context.drafts.get(Answering) is not None:
        return  # in answer mode, a forward goes to the resident like anything else
    if open_form_takes(context.application.handlers, update):
        return  # a form of theirs takes forwards (a broadcast's content)
    await _answer_forward(update, context)
    raise ApplicationHandlerStop


async def _answer_forward(update: Update, context: FrontdeskContext) -> None:
    message = update.message
    assert message is not None
    origin = message.forward_origin
    t = context.t
    link = _ask_link(context)
    if not desk.helpdesk_on(context.runtime):
        await reply(update, t("hd-forward-no-helpdesk", link=link))
        return
    if isinstance(origin, MessageOriginHiddenUser):
        await reply(update, t("hd-forward-hidden", name=origin.sender_user_name, link=link))
        return
    if not isinstance(origin, MessageOriginUser) or origin.sender_user.is_bot:
        await reply(update, t("hd-forward-not-a-person", link=link))
        return
    person = origin.sender_user
    async with context.runtime.db.read() as session:
        found = await on_behalf.standing(session, person.id)
    refusal = (
        "unknown" if found is None
        else "blocked" if found.blocked
        else "banned" if found.banned
        else None
    )  # fmt: skip
    if found is None or refusal is not None:
        name = found.name if found is not None else person.first_name
        await reply(update, t(REFUSED_TEXTS[refusal or "unknown"], name=name, link=link))
        return
    incoming = desk.incoming_of(message)
    if incoming is None:  # a poll, a dice…: nothing a resident's ticket can hold
        await reply(update, t("hd-forward-not-kept"))
        return
    held = context.drafts.get(Forwarded) or Forwarded(person.id, ())
    held = context.drafts.put(held.adding(person.id, incoming))
    await _offer(update, context, found, len(held.messages))


async def _offer(update: Update, context: FrontdeskContext, found: Standing, count: int) -> None:
    """The resident's open ticket (its card, the first time) with "add to the ticket"; or,
    without one, "open a ticket for them"."""
    t = context.t
    take_up = TakeUpForwards(found.user_telegram_id)
    if found.ticket_id is None:
        button = t("hd-button-open-for", name=found.name[:30])
        text = t("hd-forward-offer", name=found.name, count=count)
        await reply(update, text, keyboard([[(button, take_up)]]))
        return
    number = str(found.ticket_id)
    add = [InlineKeyboardButton(t("hd-button-add-to", id=number), callback_data=encode(take_up))]
    card = await ticket_card(context, found.ticket_id) if count == 1 else None
    if card is None:  # more of the same person's words: the card was shown with the first
        text = t("hd-forward-more", name=found.name, id=number, count=count)
        await reply(update, text, InlineKeyboardMarkup([add]))
        return
    head = t("hd-forward-has-ticket", name=found.name, id=number)
    rows = [list(row) for row in card[1].inline_keyboard]
    await reply(update, f"{head}\n{card[0]}", InlineKeyboardMarkup([add, *rows]))


@require_role("staff")
async def take_up_pressed(update: Update, context: FrontdeskContext, press: TakeUpForwards) -> None:
    """ "Open a ticket for them" or "add to the ticket": the forwarded messages become the
    resident's words, in their open ticket or a new one this staff member holds."""
    assert context.profile is not None
    held = context.drafts.get(Forwarded)
    if held is None or held.telegram_id != press.telegram_id or not held.messages:
        await alert(update, context.t("hd-open-for-invalid"))
        return
    runtime = context.runtime
    settings = runtime.settings.helpdesk
    now = runtime.clock.now()
    found = None
    try:
        async with runtime.db.transaction() as session:
            found = await on_behalf.standing(session, held.telegram_id)
            if found is not None:
                await desk.close_if_idle(session, runtime, found.user_id, now)
            taken = await on_behalf.take_up(
                session, held.telegram_id, context.profile.id, held.messages, now,
                runtime.catalog, settings.staff_group_ids, sign_as_centre=settings.sign_as_centre,
            )  # fmt: skip
    except Refused as refused:
        context.drafts.pop(Forwarded)
        name = found.name if found is not None else str(held.telegram_id)
        link = _ask_link(context)
        await alert(update, context.t(REFUSED_TEXTS[refused.code], name=name, link=link))
        return
    context.drafts.pop(Forwarded)
    await toast(update)
    if taken.needs_topic:
        await desk.ensure_topic(context.bot, runtime, taken.ticket_id)
    name = found.name if found is not None else ""
    number = str(taken.ticket_id)
    if not taken.opened:
        await edit(
            update, context.t("hd-forward-added", name=name, id=number, count=len(held.messages))
        )
        return
    text = context.t("hd-opened-for", id=number, name=name)
    card = await ticket_card(context, taken.ticket_id) if settings.staff_group_ids else None
    if card is not None:
        # With a group, staff answer in the topic: the card carries its link. Without one,
        # the ticket's card and the resident's words come to this chat as its thread.
        await edit(update, f"{text}\n{card[0]}", card[1])
        return
    await edit(update, text)
