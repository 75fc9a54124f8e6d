"""Venues on the map and by deep link: ``/start hours``, ``/start venue_<id>`` (a poster's
QR code at the venue's door), and the 📍 button that sends a venue's map pin."""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.callbacks import encode
from bot.centre import Venue
from bot.context import FrontdeskContext
from bot.features.hours.buttons import AllVenuesIn, VenuePin, Week
from bot.features.hours.text import venue_info_text
from bot.i18n import Translator
from bot.tg.deeplink import link_gone, link_of
from bot.tg.reply import alert, say, toast


def week_markup(t: Translator, venue: Venue) -> InlineKeyboardMarkup:
    """Under a venue's week: back to all venues (in the week's language), and its map pin if
    the data has one."""
    back = encode(AllVenuesIn(t.lang))
    row = [InlineKeyboardButton(t("hours-week-back"), callback_data=back)]
    if venue.location is not None:
        row.append(
            InlineKeyboardButton(t("hours-btn-pin"), callback_data=encode(VenuePin(venue.id)))
        )
    return InlineKeyboardMarkup([row])


async def send_pin(update: Update, context: FrontdeskContext, venue: Venue) -> None:
    """The venue as a map pin, titled with its name and its address in the reader's language."""
    chat = update.effective_chat
    if chat is None or venue.location is None:
        return
    lang = context.language
    address = venue.address.get(lang) if venue.address is not None else venue.name.get(lang)
    await context.bot.send_venue(
        chat.id,
        latitude=venue.location.latitude,
        longitude=venue.location.longitude,
        title=venue.name.get(lang),
        address=address,
    )


async def pin_pressed(update: Update, context: FrontdeskContext, press: VenuePin) -> None:
    """The 📍 button: the venue's map pin."""
    venue = context.runtime.centre.venue(press.venue_id)
    if venue is None or venue.location is None:
        await alert(update, context.t("button-invalid"))
        return
    await toast(update)
    await send_pin(update, context, venue)


async def venue_link(update: Update, context: FrontdeskContext) -> None:
    """``/start venue_canteen``: where the venue is, today's hours, its week, and the pin."""
    runtime = context.runtime
    venue = runtime.centre.venue(link_of(update).arg or "")
    if venue is None:
        await link_gone(update, context)
        return
    now = runtime.clock.now().astimezone(runtime.centre.zone)
    book = await runtime.hours.book(now.date())
    label = context.t("hours-week-button", venue=venue.name.get(context.language))
    week = InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=encode(Week(venue.id)))]]
    )
    await say(update, venue_info_text(context.t, book, venue, now), week)
    await send_pin(update, context, venue)
