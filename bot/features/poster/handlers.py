"""``/poster <target>`` for staff: a print-ready A4 poster (PNG and PDF) whose QR code opens
the bot at that target (a deep link, ``bot.deeplinks``)."""

from __future__ import annotations

import asyncio
import logging

from telegram import Update
from telegram.ext import CommandHandler

from bot import deeplinks
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.poster import render, service
from bot.manifest import Manifest
from bot.tg.guards import require_role
from bot.tg.reply import reply, send_file

log = logging.getLogger(__name__)

COMMANDS = [CommandSpec("poster", "cmd-poster", role="staff", private=True)]


@require_role("staff")
async def make_poster(update: Update, context: FrontdeskContext) -> None:
    """/poster course 12, /poster 食堂, /poster feedback 午餐…: the poster as PNG and PDF."""
    message = update.effective_message
    if message is None or message.text is None:
        return
    runtime = context.runtime
    wanted = message.text.partition(" ")[2]
    try:
        async with runtime.db.read() as session:
            target = await service.resolve(session, wanted, runtime.centre, runtime.catalog)
    except service.NoTarget as problem:
        await reply(update, context.t(problem.key, venues=_venues(context)))
        return
    url = deeplinks.url(context.bot.username, target.kind, target.arg)
    # Drawing takes a second or two of CPU: off the event loop, so other chats go on.
    poster = await asyncio.to_thread(render.render, url, target.text)
    await send_file(update, f"{target.file_stem}.png", poster.png, context.t("poster-png", url=url))
    await send_file(update, f"{target.file_stem}.pdf", poster.pdf, context.t("poster-pdf"))


def _venues(context: FrontdeskContext) -> str:
    lang = context.language
    return context.t("poster-venue-separator").join(
        v.name.get(lang) for v in context.runtime.centre.venues
    )


def install(app: FrontdeskApplication) -> None:
    app.add_handler(CommandHandler("poster", make_poster))


MANIFEST = Manifest(name="poster", install=install, commands=COMMANDS)
