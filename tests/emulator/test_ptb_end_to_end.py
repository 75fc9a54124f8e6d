"""A real python-telegram-bot Application polling the emulator over HTTP."""

from __future__ import annotations

import io
from collections.abc import AsyncIterator

import pytest
from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyKeyboardMarkup,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, Forbidden
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from frontdesk_emulator import BotApiEmulator
from tests.emulator.helpers import make_png


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    keyboard = InlineKeyboardMarkup([[InlineKeyboardButton("Again", callback_data="again:1")]])
    await update.message.reply_text(
        f"<b>echo</b>: {update.message.text}", parse_mode=ParseMode.HTML, reply_markup=keyboard
    )


async def _pressed(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    query = update.callback_query
    assert query is not None
    await query.answer(f"got {query.data}")
    await query.edit_message_text(f"pressed {query.data}")


async def _report(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    await update.message.reply_document(
        io.BytesIO(b"name,count\nalice,3\n"), filename="report.csv", caption="Your report"
    )


async def _photo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.message is not None
    photo = update.message.photo[-1]
    data = await (await photo.get_file()).download_as_bytearray()
    await update.message.reply_text(f"photo of {len(data)} bytes, {photo.width}x{photo.height}")


@pytest.fixture
async def running_app(emu: BotApiEmulator) -> AsyncIterator[Application]:
    app = (
        ApplicationBuilder()
        .token(emu.token)
        .base_url(emu.base_url)
        .base_file_url(emu.base_file_url)
        .build()
    )
    app.add_handler(CommandHandler("report", _report))
    app.add_handler(MessageHandler(filters.PHOTO, _photo))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, _echo))
    app.add_handler(CallbackQueryHandler(_pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        yield app
        await app.updater.stop()
        await app.stop()


async def test_echo_button_and_document(
    emu: BotApiEmulator,
    running_app: Application,
) -> None:
    """A person gets the echo, the button press reaches the handler, a document round-trips."""
    alice = emu.user(1001, first_name="Alice", language_code="en", username="alice")
    await alice.send("hello")
    echo = await alice.wait_message()
    assert echo.text == "echo: hello"
    assert echo.html == "<b>echo</b>: hello"
    assert echo.button_texts() == ["Again"]

    query_id = await alice.press("Again")
    edited = await alice.wait_edit(echo.message_id)
    assert edited.text == "pressed again:1"
    assert alice.callback_answers == [{"callback_query_id": query_id, "text": "got again:1"}]
    assert emu.unanswered_callback_queries() == []

    await alice.command("/report")
    report = await alice.wait_message()
    assert report.kind == "document"
    assert report.text == "Your report"
    assert report.document is not None
    assert report.document["file_name"] == "report.csv"
    assert report.document["content"] == b"name,count\nalice,3\n"

    png = make_png(5, 4)
    await alice.send_photo(png)
    assert (await alice.wait_message()).text == f"photo of {len(png)} bytes, 5x4"
    assert [r.status for r in emu.requests] == [200] * len(emu.requests)


async def test_ptb_bot_accepts_every_response(emu: BotApiEmulator) -> None:
    """PTB's Bot parses the emulator's answer to each supported method."""
    alice = emu.user(1001, first_name="Alice", username="alice")
    bob = emu.user(1002, first_name="Bob")
    staff = emu.group(-100500, title="Staff")
    async with Bot(emu.token, base_url=emu.base_url, base_file_url=emu.base_file_url) as bot:
        assert (await bot.get_me()).username == "frontdesk_bot"
        await bot.set_my_commands([BotCommand("start", "Start")])
        scope = BotCommandScopeChat(1001)
        await bot.set_my_commands([BotCommand("help", "Help")], scope=scope, language_code="en")
        assert [c.command for c in await bot.get_my_commands(scope, "en")] == ["help"]
        await bot.delete_my_commands(scope, "en")
        await bot.set_my_description("A front desk")
        await bot.set_my_short_description("Front desk")
        info = await bot.get_webhook_info()
        assert info.url == ""
        await bot.delete_webhook()

        await alice.forward_from(bob, text="fwd")
        await alice.send_sticker()
        await alice.send_document(b"col\n1\n", file_name="in.csv")
        await staff.send_as(bob, "/status")
        updates = await bot.get_updates()
        assert updates[0].message is not None
        assert updates[0].message.forward_origin is not None
        assert updates[1].message is not None
        assert updates[1].message.sticker is not None
        assert updates[1].message.text is None
        document = updates[2].message.document if updates[2].message else None
        assert document is not None
        assert bytes(await (await bot.get_file(document.file_id)).download_as_bytearray()) == (
            b"col\n1\n"
        )
        assert updates[3].effective_chat is not None
        assert updates[3].effective_chat.title == "Staff"
        await bot.get_updates(offset=updates[-1].update_id + 1)

        message = await bot.send_message(
            1001,
            "menu",
            reply_markup=ReplyKeyboardMarkup([["A", "B"]], one_time_keyboard=True),
        )
        assert isinstance(message, Message)
        assert alice.keyboard == [["A", "B"]]
        photo_msg = await bot.send_photo(1001, make_png(), caption="<i>pic</i>", parse_mode="HTML")
        assert photo_msg.caption == "pic"
        assert alice.last is not None
        assert alice.last.photo == make_png()
        await bot.edit_message_caption(1001, photo_msg.message_id, caption="new caption")
        again = await bot.send_photo(1002, photo_msg.photo[-1].file_id)
        assert again.photo[-1].file_unique_id == photo_msg.photo[-1].file_unique_id
        await bot.send_chat_action(1001, ChatAction.TYPING)
        assert emu.chat_actions[-1]["action"] == "typing"
        await bot.send_message(-100500, "to staff")
        copied = await bot.copy_message(-100500, 1001, message.message_id)
        assert copied.message_id > 0
        forwarded = await bot.forward_message(-100500, 1001, message.message_id)
        assert forwarded.forward_origin is not None
        chat = await bot.get_chat(1001)
        assert chat.first_name == "Alice"
        member = await bot.get_chat_member(-100500, bot.id)
        assert member.status == "administrator"
        assert await bot.delete_message(1001, message.message_id)
        with pytest.raises(BadRequest, match="Message to delete not found"):
            await bot.delete_message(1001, message.message_id)
        emu.block(1002)
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await bot.send_message(1002, "hi")
        await bot.log_out()
    assert emu.calls("logOut")[0].status == 200
