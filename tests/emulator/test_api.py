"""Wire-level behaviour of the emulated Bot API methods."""

from __future__ import annotations

import asyncio
import time

import aiohttp
import pytest
from telegram import Bot

from frontdesk_emulator import BotApiEmulator
from tests.emulator.conftest import RawClient

BUTTON = {"text": "OK", "callback_data": "ok"}


async def test_get_me_envelope(api: RawClient) -> None:
    """getMe answers inside Telegram's {"ok": true, "result": ...} envelope."""
    me = await api.ok("getMe")
    assert me["is_bot"] is True
    assert me["username"] == "frontdesk_bot"
    assert me["id"] == 123456


async def test_unknown_method_404(api: RawClient) -> None:
    """An unknown method answers 404 Not Found."""
    status, body = await api("sendTelepathy", chat_id=1)
    assert status == 404
    assert body == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_method_names_case_insensitive(api: RawClient) -> None:
    """Method names are case-insensitive, as on Telegram."""
    assert (await api.ok("GETME"))["is_bot"] is True


async def test_wrong_token_401(emu: BotApiEmulator) -> None:
    """A wrong token answers 401 Unauthorized."""
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{emu.base_url}999:WRONG/getMe") as response,
    ):
        assert response.status == 401
        assert await response.json() == {
            "ok": False,
            "error_code": 401,
            "description": "Unauthorized",
        }


async def test_get_and_form_encoded_parameters(emu: BotApiEmulator) -> None:
    """Parameters arrive by query string or form body too."""
    emu.user(1001)
    url = f"{emu.base_url}{emu.token}/sendMessage"
    async with aiohttp.ClientSession() as session:
        async with session.get(url, params={"chat_id": "1001", "text": "via get"}) as response:
            assert (await response.json())["result"]["text"] == "via get"
        form = {"chat_id": "1001", "text": "via form", "reply_markup": '{"inline_keyboard":[]}'}
        async with session.post(url, data=form) as response:
            assert (await response.json())["result"]["text"] == "via form"


async def test_get_updates_offset_confirms_and_limit(emu: BotApiEmulator, api: RawClient) -> None:
    """offset drops earlier updates and limit caps the batch."""
    alice = emu.user(1001)
    for word in ("a", "b", "c"):
        await alice.send(word)
    first = await api.ok("getUpdates", limit=2)
    assert [u["message"]["text"] for u in first] == ["a", "b"]
    again = await api.ok("getUpdates")
    assert len(again) == 3  # nothing was confirmed yet
    rest = await api.ok("getUpdates", offset=first[-1]["update_id"] + 1)
    assert [u["message"]["text"] for u in rest] == ["c"]
    assert [u["message"]["text"] for u in await api.ok("getUpdates")] == ["c"]
    assert await api.ok("getUpdates", offset=rest[0]["update_id"] + 1) == []


async def test_long_poll_returns_early_when_update_arrives(
    emu: BotApiEmulator, api: RawClient
) -> None:
    """A long poll waits, then answers as soon as an update arrives."""
    alice = emu.user(1001)
    poll = asyncio.create_task(api.ok("getUpdates", timeout=10))
    await asyncio.sleep(0.1)
    assert not poll.done()
    started = time.monotonic()
    await alice.send("wake up")
    updates = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1.0
    assert updates[0]["message"]["text"] == "wake up"


async def test_long_poll_times_out_empty(api: RawClient) -> None:
    """With nothing pending, a long poll answers [] after its timeout."""
    started = time.monotonic()
    assert await api.ok("getUpdates", timeout=0.3) == []
    assert time.monotonic() - started >= 0.25


async def test_second_get_updates_terminates_first(api: RawClient) -> None:
    """A concurrent getUpdates makes the waiting one answer 409 Conflict."""
    first = asyncio.create_task(api("getUpdates", timeout=5))
    await asyncio.sleep(0.1)
    assert await api.ok("getUpdates") == []
    status, body = await asyncio.wait_for(first, 2)
    assert status == 409
    assert body["description"].startswith("Conflict: terminated by other getUpdates request")


async def test_text_limits(emu: BotApiEmulator, api: RawClient) -> None:
    """4096 UTF-16 units pass; 4097 and empty or blank texts are rejected."""
    emu.user(1001)
    await api.ok("sendMessage", chat_id=1001, text="a" * 4096)
    await api.ok("sendMessage", chat_id=1001, text="😀" * 2048)
    assert await api.error("sendMessage", chat_id=1001, text="a" * 4097) == (
        400,
        "Bad Request: message is too long",
    )
    assert (await api.error("sendMessage", chat_id=1001, text="😀" * 2048 + "a"))[1] == (
        "Bad Request: message is too long"
    )
    for empty in ("", "   \n"):
        assert await api.error("sendMessage", chat_id=1001, text=empty) == (
            400,
            "Bad Request: message text is empty",
        )
    assert (await api.error("sendMessage", chat_id=1001, text="<b> </b>", parse_mode="HTML"))[
        1
    ] == "Bad Request: message text is empty"


async def test_html_parse_error(emu: BotApiEmulator, api: RawClient) -> None:
    """Broken HTML answers 400 "can't parse entities"."""
    emu.user(1001)
    status, description = await api.error(
        "sendMessage", chat_id=1001, text="1 < 2 <b>bold", parse_mode="HTML"
    )
    assert status == 400
    assert description.startswith("Bad Request: can't parse entities: ")
    message = await api.ok("sendMessage", chat_id=1001, text="<b>ok</b>", parse_mode="HTML")
    assert message["text"] == "ok"
    assert message["entities"] == [{"type": "bold", "offset": 0, "length": 2}]
    last = emu.user(1001).last
    assert last is not None
    assert last.html == "<b>ok</b>"


async def test_caption_too_long(emu: BotApiEmulator, api: RawClient) -> None:
    """A caption over 1024 characters is rejected."""
    alice = emu.user(1001)
    await alice.send_document(b"x", file_name="a.txt")
    file_id = (await api.ok("getUpdates"))[0]["message"]["document"]["file_id"]
    assert await api.error("sendDocument", chat_id=1001, document=file_id, caption="c" * 1025) == (
        400,
        "Bad Request: message caption is too long",
    )
    await api.ok("sendDocument", chat_id=1001, document=file_id, caption="c" * 1024)


@pytest.mark.parametrize(
    ("markup", "description"),
    [
        (
            {"inline_keyboard": [[{"text": "x", "callback_data": "d" * 65}]]},
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        (
            {"inline_keyboard": [[{"text": "x", "callback_data": "é" * 33}]]},
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        (
            {"inline_keyboard": [[{"text": "x", "callback_data": ""}]]},
            "Bad Request: BUTTON_DATA_INVALID",
        ),
        ({"inline_keyboard": [[BUTTON] * 9]}, "Bad Request: BUTTONS_TOO_MUCH"),
        ({"inline_keyboard": [[BUTTON] * 8] * 13}, "Bad Request: BUTTONS_TOO_MUCH"),
        ({"inline_keyboard": [[{"text": "x"}]]}, "Bad Request: can't parse inline keyboard"),
        (
            {"inline_keyboard": [[{"text": "x", "callback_data": "a", "url": "https://a.b"}]]},
            "Bad Request: can't parse inline keyboard",
        ),
        ({"inline_keyboard": [[{"callback_data": "a"}]]}, "Bad Request: can't parse inline"),
        ({"inline_keyboard": [[{"text": "x", "url": "nope"}]]}, "Bad Request: BUTTON_URL_INVALID"),
    ],
)
async def test_inline_keyboard_validation(
    emu: BotApiEmulator, api: RawClient, markup: dict[str, object], description: str
) -> None:
    """Inline keyboards follow Telegram's limits on data size, counts and button fields."""
    emu.user(1001)
    status, got = await api.error("sendMessage", chat_id=1001, text="t", reply_markup=markup)
    assert status == 400
    assert got.startswith(description)


async def test_callback_data_64_bytes_accepted(emu: BotApiEmulator, api: RawClient) -> None:
    """callback_data of exactly 64 bytes is fine."""
    emu.user(1001)
    markup = {"inline_keyboard": [[{"text": "x", "callback_data": "é" * 32}]]}
    await api.ok("sendMessage", chat_id=1001, text="t", reply_markup=markup)


async def test_chat_errors(emu: BotApiEmulator, api: RawClient) -> None:
    """Unknown chat 400; blocked person 403; never-started person 403."""
    assert await api.error("sendMessage", chat_id=42, text="x") == (
        400,
        "Bad Request: chat not found",
    )
    emu.user(1001)
    emu.block(1001)
    assert await api.error("sendMessage", chat_id=1001, text="x") == (
        403,
        "Forbidden: bot was blocked by the user",
    )
    assert (await api.error("sendChatAction", chat_id=1001, action="typing"))[0] == 403
    emu.unblock(1001)
    await api.ok("sendMessage", chat_id=1001, text="x")
    shy = emu.user(1002, started=False)
    assert await api.error("sendMessage", chat_id=1002, text="x") == (
        403,
        "Forbidden: bot can't initiate conversation with a user",
    )
    await shy.command("/start")
    await api.ok("sendMessage", chat_id=1002, text="x")


async def test_edit_rules(emu: BotApiEmulator, api: RawClient) -> None:
    """Edits: missing message, identical content, and keyboard removal when omitted."""
    alice = emu.user(1001)
    markup = {"inline_keyboard": [[BUTTON]]}
    sent = await api.ok("sendMessage", chat_id=1001, text="v1", reply_markup=markup)
    mid = sent["message_id"]
    assert await api.error("editMessageText", chat_id=1001, message_id=999, text="x") == (
        400,
        "Bad Request: message to edit not found",
    )
    status, description = await api.error(
        "editMessageText", chat_id=1001, message_id=mid, text="v1", reply_markup=markup
    )
    assert status == 400
    assert description.startswith("Bad Request: message is not modified: specified new message")
    edited = await api.ok("editMessageText", chat_id=1001, message_id=mid, text="v2")
    assert "reply_markup" not in edited  # omitted markup removes the inline keyboard
    assert alice.last is not None
    assert alice.last.text == "v2"
    assert alice.last.buttons == []
    assert alice.last.edited
    await api.ok("editMessageReplyMarkup", chat_id=1001, message_id=mid, reply_markup=markup)
    assert alice.last.button_texts() == ["OK"]
    assert (await api.error("editMessageCaption", chat_id=1001, message_id=mid, caption="c"))[
        1
    ] == "Bad Request: there is no caption in the message to edit"
    assert (await alice.wait_edit(mid)).text == "v2"


async def test_delete_message(emu: BotApiEmulator, api: RawClient) -> None:
    """deleteMessage removes the message once; again answers 400."""
    alice = emu.user(1001)
    sent = await api.ok("sendMessage", chat_id=1001, text="bye")
    await api.ok("deleteMessage", chat_id=1001, message_id=sent["message_id"])
    assert alice.messages == []
    assert await api.error("deleteMessage", chat_id=1001, message_id=sent["message_id"]) == (
        400,
        "Bad Request: message to delete not found",
    )


async def test_answer_callback_query_once(emu: BotApiEmulator, api: RawClient) -> None:
    """A callback query can be answered once; unknown or repeated ids answer 400."""
    alice = emu.user(1001)
    await api.ok(
        "sendMessage", chat_id=1001, text="pick", reply_markup={"inline_keyboard": [[BUTTON]]}
    )
    query_id = await alice.press("OK")
    update = (await api.ok("getUpdates"))[-1]
    assert update["callback_query"]["data"] == "ok"
    assert update["callback_query"]["message"]["text"] == "pick"
    await api.ok("answerCallbackQuery", callback_query_id=query_id, text="thanks")
    assert alice.callback_answers == [{"callback_query_id": query_id, "text": "thanks"}]
    too_old = "Bad Request: query is too old and response timeout expired or query ID is invalid"
    assert await api.error("answerCallbackQuery", callback_query_id=query_id) == (400, too_old)
    assert await api.error("answerCallbackQuery", callback_query_id="nope") == (400, too_old)


async def test_press_unknown_button_raises(emu: BotApiEmulator) -> None:
    """press() raises LookupError when no bot message has that button."""
    alice = emu.user(1001)
    with pytest.raises(LookupError):
        await alice.press("Nothing")
    with pytest.raises(LookupError):
        await alice.press_data("x")


async def test_commands_keyed_by_scope_and_language(emu: BotApiEmulator, api: RawClient) -> None:
    """setMyCommands stores lists per (scope, language); getMyCommands reads them back."""
    await api.ok("setMyCommands", commands=[{"command": "start", "description": "Start"}])
    chat_scope = {"type": "chat", "chat_id": 5}
    await api.ok(
        "setMyCommands",
        commands=[{"command": "help", "description": "帮助"}],
        scope=chat_scope,
        language_code="zh",
    )
    assert emu.commands[('{"type":"default"}', "")] == [
        {"command": "start", "description": "Start"}
    ]
    assert emu.commands[('{"chat_id":5,"type":"chat"}', "zh")][0]["command"] == "help"
    got = await api.ok("getMyCommands", scope=chat_scope, language_code="zh")
    assert got == [{"command": "help", "description": "帮助"}]
    assert (
        await api.error("setMyCommands", commands=[{"command": "Bad-Cmd", "description": "x"}])
    )[0] == 400
    await api.ok("deleteMyCommands")
    assert await api.ok("getMyCommands") == []


async def test_reply_keyboard_tracked(emu: BotApiEmulator, api: RawClient) -> None:
    """The chat's current reply keyboard follows ReplyKeyboardMarkup / Remove."""
    alice = emu.user(1001)
    keyboard = {"keyboard": [["Yes", {"text": "No"}]], "resize_keyboard": True}
    sent = await api.ok("sendMessage", chat_id=1001, text="?", reply_markup=keyboard)
    assert "reply_markup" not in sent  # Telegram returns only inline keyboards
    assert alice.keyboard == [["Yes", "No"]]
    assert alice.last is not None
    assert alice.last.keyboard == [["Yes", "No"]]
    await api.ok("sendMessage", chat_id=1001, text="ok", reply_markup={"remove_keyboard": True})
    assert alice.keyboard is None


async def test_reply_to_missing_message(emu: BotApiEmulator, api: RawClient) -> None:
    """Replying to a missing message is 400 unless allowed to send without it."""
    alice = emu.user(1001)
    incoming = await alice.send("question")
    reply = await api.ok(
        "sendMessage",
        chat_id=1001,
        text="answer",
        reply_parameters={"message_id": incoming["message_id"]},
    )
    assert reply["reply_to_message"]["text"] == "question"
    assert await api.error(
        "sendMessage", chat_id=1001, text="x", reply_parameters={"message_id": 999}
    ) == (400, "Bad Request: message to be replied not found")
    await api.ok(
        "sendMessage",
        chat_id=1001,
        text="x",
        reply_parameters={"message_id": 999, "allow_sending_without_reply": True},
    )


async def test_group_privacy_and_sending(emu: BotApiEmulator, api: RawClient) -> None:
    """In a group the bot sees commands, mentions and replies only; it can post there."""
    staff = emu.group(-100123, title="Staff room")
    bob = emu.user(2002, first_name="Bob")
    await bob.send("chit-chat", in_chat=staff)
    await bob.send("/help@other_bot", in_chat=staff)
    await bob.command("/status@frontdesk_bot", in_chat=staff)
    sent = await api.ok("sendMessage", chat_id=-100123, text="posted")
    assert sent["chat"] == {"id": -100123, "type": "supergroup", "title": "Staff room"}
    await bob.send("re", in_chat=staff, reply_to=sent["message_id"])
    texts = [u["message"]["text"] for u in await api.ok("getUpdates")]
    assert texts == ["/status@frontdesk_bot", "re"]
    assert (await staff.wait_message()).text == "posted"


async def test_wait_message_timeout_lists_what_arrived(emu: BotApiEmulator, api: RawClient) -> None:
    """wait_message's TimeoutError names the messages and failed calls seen in the chat."""
    alice = emu.user(1001)
    await api.ok("sendMessage", chat_id=1001, text="first")
    await alice.wait_message()
    await api.error("sendMessage", chat_id=1001, text="<b>", parse_mode="HTML")
    with pytest.raises(TimeoutError) as caught:
        await alice.wait_message(timeout=0.05)
    report = str(caught.value)
    assert "'first'" in report
    assert "can't parse entities" in report


async def test_wait_message_predicate_and_cursor(emu: BotApiEmulator, api: RawClient) -> None:
    """wait_message returns each message once, skipping ones the predicate rejects."""
    alice = emu.user(1001)
    for text in ("one", "two", "three"):
        await api.ok("sendMessage", chat_id=1001, text=text)
    assert (await alice.wait_message()).text == "one"
    assert (await alice.wait_message(predicate=lambda m: m.text == "three")).text == "three"
    with pytest.raises(TimeoutError):
        await alice.wait_message(timeout=0.05)


async def test_requests_recorded(emu: BotApiEmulator, api: RawClient) -> None:
    """Every call is recorded with method, params, status and response."""
    emu.user(1001)
    await api.ok("sendMessage", chat_id=1001, text="x")
    await api.error("sendMessage", chat_id=1, text="x")
    calls = emu.calls("sendMessage")
    assert [c.status for c in calls] == [200, 400]
    assert calls[0].params == {"chat_id": 1001, "text": "x"}
    assert emu.sent_count() == 1
    assert emu.stats()["errors"] == 1


async def test_block_sends_my_chat_member_updates(emu: BotApiEmulator) -> None:
    """Blocking and unblocking produce my_chat_member updates PTB understands."""
    alice = emu.user(1001)
    alice.block()
    assert alice.blocked
    alice.unblock()
    emu.block(1001, notify=False)
    async with Bot(emu.token, base_url=emu.base_url) as bot:
        updates = await bot.get_updates()
    statuses = [
        (u.my_chat_member.old_chat_member.status, u.my_chat_member.new_chat_member.status)
        for u in updates
        if u.my_chat_member is not None
    ]
    assert statuses == [("member", "kicked"), ("kicked", "member")]


async def test_person_edits_own_message(emu: BotApiEmulator, api: RawClient) -> None:
    """A person's edit arrives as edited_message; the queued original is unchanged."""
    alice = emu.user(1001)
    sent = await alice.send("typo")
    await alice.edit(sent, "fixed")
    updates = await api.ok("getUpdates")
    assert updates[0]["message"]["text"] == "typo"
    assert updates[1]["edited_message"]["text"] == "fixed"
    assert "edit_date" in updates[1]["edited_message"]


async def test_stop_ends_pending_long_poll(emu: BotApiEmulator) -> None:
    """stop() answers a waiting long poll at once instead of hanging until its timeout."""
    async with aiohttp.ClientSession() as session:
        url = f"{emu.base_url}{emu.token}/getUpdates"
        poll = asyncio.create_task(session.post(url, json={"timeout": 30}))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await emu.stop()
        response = await asyncio.wait_for(poll, 3)
        async with response:
            assert (await response.json())["result"] == []
    assert time.monotonic() - started < 3
