"""Forum topics, copyMessage(s) and the other kinds of message, on the wire."""

from __future__ import annotations

from frontdesk_emulator import BotApiEmulator
from tests.emulator.conftest import RawClient

GROUP = -1001234


async def test_create_forum_topic_returns_topic_and_posts_service_message(
    emu: BotApiEmulator, api: RawClient
) -> None:
    """createForumTopic answers a ForumTopic whose id is the topic's first message."""
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    topic = await api.ok("createForumTopic", chat_id=GROUP, name="王阿姨 #1")
    assert topic["name"] == "王阿姨 #1"
    assert topic["icon_color"] == 0x6FB9F0
    first = emu.core.chats[GROUP].messages[topic["message_thread_id"]]
    assert first["forum_topic_created"]["name"] == "王阿姨 #1"


async def test_create_forum_topic_refusals(emu: BotApiEmulator, api: RawClient) -> None:
    """Not a forum, no rights, an empty or 129-character name, a foreign colour: all 400."""
    emu.group(-1001, "Plain", bot_admin=True)
    emu.group(-1002, "Forum, bot not admin", forum=True)
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    assert await api.error("createForumTopic", chat_id=-1001, name="x") == (
        400,
        "Bad Request: the chat is not a forum",
    )
    status, text = await api.error("createForumTopic", chat_id=-1002, name="x")
    assert status == 400
    assert "rights" in text
    assert (await api.error("createForumTopic", chat_id=GROUP, name=" "))[0] == 400
    assert (await api.error("createForumTopic", chat_id=GROUP, name="x" * 129))[0] == 400
    assert (await api.ok("createForumTopic", chat_id=GROUP, name="x" * 128))["name"]
    status, text = await api.error("createForumTopic", chat_id=GROUP, name="x", icon_color=1)
    assert "icon_color" in text


async def test_send_into_topic_and_closed_or_unknown_topic(
    emu: BotApiEmulator, api: RawClient
) -> None:
    """A send with message_thread_id lands in the topic; unknown → 400, closed → TOPIC_CLOSED."""
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    emu.group(-1005, "Plain")
    thread = (await api.ok("createForumTopic", chat_id=GROUP, name="t"))["message_thread_id"]
    sent = await api.ok("sendMessage", chat_id=GROUP, text="hi", message_thread_id=thread)
    assert sent["message_thread_id"] == thread
    assert sent["is_topic_message"] is True
    assert (await api.error("sendMessage", chat_id=GROUP, text="x", message_thread_id=999)) == (
        400,
        "Bad Request: message thread not found",
    )
    assert (await api.error("sendMessage", chat_id=-1005, text="x", message_thread_id=1))[0] == 400
    await api.ok("closeForumTopic", chat_id=GROUP, message_thread_id=thread)
    assert (await api.error("sendMessage", chat_id=GROUP, text="x", message_thread_id=thread)) == (
        400,
        "Bad Request: TOPIC_CLOSED",
    )
    assert (await api.error("closeForumTopic", chat_id=GROUP, message_thread_id=thread))[0] == 400
    await api.ok("reopenForumTopic", chat_id=GROUP, message_thread_id=thread)
    await api.ok("editForumTopic", chat_id=GROUP, message_thread_id=thread, name="renamed")
    assert emu.core.chats[GROUP].topics[thread].name == "renamed"


async def test_person_writing_in_topic_reaches_an_admin_bot(
    emu: BotApiEmulator, api: RawClient
) -> None:
    """A person's message in a topic carries the thread and replies to the topic's start."""
    group = emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    thread = (await api.ok("createForumTopic", chat_id=GROUP, name="t"))["message_thread_id"]
    li = emu.user(50, "Li")
    await li.send("我来处理", in_chat=group, thread=thread)
    update = (await api.ok("getUpdates"))[-1]["message"]
    assert update["message_thread_id"] == thread
    assert update["reply_to_message"]["message_id"] == thread
    assert update["chat"]["is_forum"] is True


async def test_copy_message_copies_voice_location_and_contact_into_a_topic(
    emu: BotApiEmulator, api: RawClient
) -> None:
    """copyMessage copies media by file_id without a forward header; returns a MessageId."""
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    thread = (await api.ok("createForumTopic", chat_id=GROUP, name="t"))["message_thread_id"]
    wang = emu.user(7, "王")
    voice = await wang.send_voice(b"OggS-voice", 12)
    place = await wang.send_location(31.23, 121.47)
    card = await wang.send_contact("+8613800000000", "小李")
    for original in (voice, place, card):
        copied = await api.ok(
            "copyMessage",
            chat_id=GROUP,
            from_chat_id=7,
            message_id=original["message_id"],
            message_thread_id=thread,
        )
        assert set(copied) == {"message_id"}
    stored = emu.core.chats[GROUP].messages
    kinds = [m for m in stored.values() if m.get("message_thread_id") == thread][1:]
    assert kinds[0]["voice"]["file_id"] == voice["voice"]["file_id"]
    assert kinds[1]["location"]["latitude"] == 31.23
    assert kinds[2]["contact"]["first_name"] == "小李"
    assert all("forward_origin" not in m for m in kinds)
    assert emu.file_bytes(voice["voice"]["file_id"]) == b"OggS-voice"


async def test_copy_message_caption_and_refusals(emu: BotApiEmulator, api: RawClient) -> None:
    """A caption replaces a voice's caption; service messages and missing ones are 400."""
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    thread = (await api.ok("createForumTopic", chat_id=GROUP, name="t"))["message_thread_id"]
    wang = emu.user(7, "王")
    voice = await wang.send_voice(caption="old")
    await api.ok(
        "copyMessage", chat_id=7, from_chat_id=7, message_id=voice["message_id"], caption="new"
    )
    assert wang.last is not None
    assert wang.last.text == "new"
    assert (await api.error("copyMessage", chat_id=7, from_chat_id=GROUP, message_id=thread)) == (
        400,
        "Bad Request: message can't be copied",
    )
    assert (await api.error("copyMessage", chat_id=7, from_chat_id=7, message_id=999))[0] == 400


async def test_copy_messages_in_order_and_id_rules(emu: BotApiEmulator, api: RawClient) -> None:
    """copyMessages copies increasing ids in order and refuses unsorted or too many ids."""
    emu.group(GROUP, "Staff", forum=True, bot_admin=True)
    thread = (await api.ok("createForumTopic", chat_id=GROUP, name="t"))["message_thread_id"]
    wang = emu.user(7, "王")
    ids = [(await wang.send(f"m{n}"))["message_id"] for n in range(3)]
    copied = await api.ok(
        "copyMessages", chat_id=GROUP, from_chat_id=7, message_ids=ids, message_thread_id=thread
    )
    texts = [emu.core.chats[GROUP].messages[c["message_id"]]["text"] for c in copied]
    assert texts == ["m0", "m1", "m2"]
    status, _ = await api.error(
        "copyMessages", chat_id=GROUP, from_chat_id=7, message_ids=list(reversed(ids))
    )
    assert status == 400
    big = list(range(1, 102))
    assert (await api.error("copyMessages", chat_id=GROUP, from_chat_id=7, message_ids=big))[
        0
    ] == 400


async def test_send_location_contact_voice_checks(emu: BotApiEmulator, api: RawClient) -> None:
    """Latitude out of range, an empty phone number and a photo's id as a voice are 400."""
    emu.user(7, "王")
    assert (await api.error("sendLocation", chat_id=7, latitude=91, longitude=0))[0] == 400
    assert (await api.error("sendLocation", chat_id=7, latitude=0, longitude=181))[0] == 400
    place = await api.ok("sendLocation", chat_id=7, latitude=31.2, longitude=121.5)
    assert place["location"]["longitude"] == 121.5
    assert (await api.error("sendContact", chat_id=7, phone_number="", first_name="a"))[0] == 400
    photo = await api.ok(
        "sendPhoto",
        chat_id=7,
        photo=(await emu.user(8, "p").send_photo(_PNG))["photo"][-1]["file_id"],
    )
    status, _ = await api.error("sendVoice", chat_id=7, voice=photo["photo"][-1]["file_id"])
    assert status == 400
    voice = (await emu.user(9, "v").send_voice())["voice"]["file_id"]
    sent = await api.ok("sendVoice", chat_id=7, voice=voice, caption="hi")
    assert sent["voice"]["file_id"] == voice
    assert sent["caption"] == "hi"


_PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)
