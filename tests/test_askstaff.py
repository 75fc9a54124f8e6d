"""Ask a person, the earlier one-question flow (no staff group, ``private_threads`` off): a
resident's question reaches staff, the answer reaches the resident. The helpdesk's threads are
in tests/test_helpdesk.py and tests/test_helpdesk_private.py."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.app import inbox_worker, update_poller
from bot.features.askstaff.service import MAX_QUESTION, in_parts
from bot.i18n import Catalog
from bot.services import users
from bot.settings import HelpdeskSettings, Settings
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator
from tests.conftest import Bot

pytestmark = pytest.mark.asyncio


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The conftest settings with the one-question flow instead of private threads."""
    return settings.model_copy(update={"helpdesk": HelpdeskSettings(private_threads=False)})


async def make_staff(bot: Bot, telegram_id: int, name: str) -> None:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, ["staff"], bot.clock.now())


async def test_unanswerable_question_goes_to_staff_and_a_reply_answers_it(
    bot: Bot, catalog: Catalog
) -> None:
    """No answer → 'ask a person' → staff notified → staff reply → resident gets the answer."""
    await make_staff(bot, 4100, "Li")
    li = bot.emu.user(4100, first_name="Li", language_code="zh")
    await li.command("/start")
    await li.wait_message()
    wang = bot.emu.user(4001, first_name="王阿姨", language_code="zh")
    await wang.send("孙子的学校几点放学")
    offer = await wang.wait_message()
    assert offer.text == catalog.text("zh", "qa-no-answer")
    await wang.press("🙋 转给工作人员")
    sent = await wang.wait_edit(offer)
    assert sent.text == catalog.text("zh", "ask-sent", id="1")
    notice = await li.wait_message()
    assert notice.text.startswith("❓ #1 来自 王阿姨 的问题：")
    assert "孙子的学校几点放学" in notice.text
    await li.send("可以的,活动室周末9点到17点开放。", reply_to=notice)
    answer = await wang.wait_message()
    assert "可以的,活动室周末9点到17点开放。" in answer.text
    assert "—— Li" in answer.text
    assert "已把答复发给 王阿姨" in (await li.wait_message()).text
    rows = await bot.sql(
        "SELECT q.status, u.first_name FROM staff_questions q JOIN users u ON u.id = q.answered_by"
    )
    assert rows == [("answered", "Li")]
    await bot.settle()  # the sender records the delivery after the message arrives
    delivered = await bot.sql(
        "SELECT status FROM outbox_messages WHERE dedupe_key = 'ask:1:answer'"
    )
    assert delivered == [("sent",)]


async def test_a_reply_before_the_notice_is_recorded_still_answers(
    bot: Bot, catalog: Catalog
) -> None:
    """A staff reply that arrives before the sender wrote down the notice's message id (or
    while that write retries through an outage) answers the question the notice names."""
    await make_staff(bot, 4105, "Li")
    li = bot.emu.user(4105, first_name="Li", language_code="en")
    await li.command("/start")
    await li.wait_message()
    alice = bot.emu.user(4006, first_name="Alice", language_code="en")
    await alice.send("can my grandson come to play at the weekend?")
    offer = await alice.wait_message()
    await alice.press_data(offer.callback_data()[-1], message_id=offer.message_id)
    await alice.wait_edit(offer)
    notice = await li.wait_message()
    await bot.settle()  # the notice's message id is recorded now: forget it, as if not yet
    async with bot.runtime.db.transaction() as session:
        await session.execute(text("UPDATE outbox_messages SET telegram_message_id = NULL"))
    await li.send("Yes, children are welcome on Saturdays.", reply_to=notice)
    answer = await alice.wait_message()
    assert "Yes, children are welcome on Saturdays." in answer.text
    assert await bot.sql("SELECT status FROM staff_questions") == [("answered",)]


async def test_pressing_send_twice_sends_once(bot: Bot, catalog: Catalog) -> None:
    """A double press on 'ask a person' creates one open question and one notification."""
    await make_staff(bot, 4101, "Li")
    li = bot.emu.user(4101, first_name="Li", language_code="zh")
    await li.command("/start")
    await li.wait_message()
    alice = bot.emu.user(4002, first_name="Alice", language_code="en")
    await alice.send("can my grandson come to play at the weekend?")
    offer = await alice.wait_message()
    data = offer.callback_data()[-1]
    await alice.press_data(data, message_id=offer.message_id)
    await alice.press_data(data, message_id=offer.message_id)
    await bot.settle()
    assert alice.callback_answers[-1].get("text") == catalog.text("en", "ask-draft-invalid")
    assert await bot.sql("SELECT status FROM staff_questions") == [("open",)]
    assert len([m for m in li.messages if m.text and m.text.startswith("❓")]) == 1


async def test_someone_elses_draft_cannot_be_sent(bot: Bot, catalog: Catalog) -> None:
    """Forged 'ask:send:<id>' for another resident's draft changes nothing."""
    alice = bot.emu.user(4003, first_name="Alice", language_code="en")
    await alice.send("can my grandson come to play at the weekend?")
    offer = await alice.wait_message()
    mallory = bot.emu.user(4004, first_name="Mallory", language_code="en")
    await mallory.command("/help")
    helped = await mallory.wait_message()
    await mallory.press_data(offer.callback_data()[-1], message_id=helped.message_id)
    await mallory.press_data("ask:send:" + "9" * 40, message_id=helped.message_id)
    await bot.settle()
    assert mallory.callback_answers[0].get("text") == catalog.text("en", "ask-draft-invalid")
    assert mallory.callback_answers[1].get("text") == catalog.text("en", "button-invalid")
    assert await bot.sql("SELECT status FROM staff_questions") == [("draft",)]


async def test_ask_command_answer_command_and_the_open_list(bot: Bot, catalog: Catalog) -> None:
    """/ask notifies staff; /questions lists it; /answer delivers; a second answer is refused."""
    await make_staff(bot, 4102, "Li")
    await make_staff(bot, 4103, "Zhao")
    li = bot.emu.user(4102, first_name="Li", language_code="zh")
    zhao = bot.emu.user(4103, first_name="Zhao", language_code="zh")
    for person in (li, zhao):
        await person.command("/start")
        await person.wait_message()
    alice = bot.emu.user(4005, first_name="Alice", language_code="en")
    await alice.command("/ask Can we borrow chess sets?")
    assert (await alice.wait_message()).text == catalog.text("en", "ask-sent", id="1")
    assert (await li.wait_message()).text.startswith("❓ #1")
    assert (await zhao.wait_message()).text.startswith("❓ #1")
    await li.command("/questions")
    listed = await li.wait_message()
    assert "#1 Alice" in listed.text
    assert "Can we borrow chess sets?" in listed.text
    await zhao.command("/answer 1 Yes, at the front desk.")
    assert "Yes, at the front desk." in (await alice.wait_message()).text
    await zhao.wait_message()
    await li.command("/answer 1 Sure!")
    assert (await li.wait_message()).text == catalog.text(
        "zh", "ask-error-already_answered", id="1"
    )
    await li.command("/questions")
    assert (await li.wait_message()).text == catalog.text("zh", "ask-open-empty")


async def test_empty_ask_and_resident_answer_are_refused(bot: Bot, catalog: Catalog) -> None:
    """/ask without text explains how; /answer from a resident is refused."""
    alice = bot.emu.user(4006, first_name="Alice", language_code="en")
    await alice.command("/ask")
    assert (await alice.wait_message()).text.startswith("Please write your question after /ask")
    await alice.command("/answer 1 hello")
    assert (await alice.wait_message()).text == catalog.text("en", "refused-staff-only")
    assert await bot.sql("SELECT count(*) FROM staff_questions") == [(0,)]


async def test_a_question_survives_a_restart(bot: Bot, emulator: BotApiEmulator) -> None:
    """Asked before a restart, answered after it: the resident still gets the answer."""
    await make_staff(bot, 4104, "Li")
    li = bot.emu.user(4104, first_name="Li", language_code="zh")
    await li.command("/start")
    await li.wait_message()
    alice = bot.emu.user(4007, first_name="Alice", language_code="en")
    await alice.command("/ask Is there a choir?")
    await alice.wait_message()
    notice = await li.wait_message()
    await update_poller(bot.app).stop()
    await inbox_worker(bot.app).stop()
    await bot.app.stop()
    async with running_bot(bot.runtime, emulator, poll_timeout=1):
        await li.send("Yes, Thursdays at 19:00.", reply_to=notice)
        assert "Yes, Thursdays at 19:00." in (await alice.wait_message()).text
    await bot.app.start()
    inbox_worker(bot.app).start()
    update_poller(bot.app).start()


async def test_a_name_with_an_ampersand_reads_as_written_for_staff(bot: Bot) -> None:
    """Staff see "A&B <x>" as written in the confirmation of their answer, never "A&amp;B"."""
    await make_staff(bot, 4190, "Li")
    li = bot.emu.user(4190, first_name="Li", language_code="zh")
    resident = bot.emu.user(4091, first_name="A&B <x>", language_code="zh")
    await resident.command("/ask 周末开门吗")
    await resident.wait_message()
    notice = await li.wait_message()
    assert "A&B <x>" in notice.text
    await li.command("/answer 1 开的")
    confirmation = await li.wait_message()
    assert "A&B <x>" in confirmation.text
    assert "&amp;" not in confirmation.text


async def test_answer_alone_lists_the_questions_and_a_press_then_text_answers(
    bot: Bot, catalog: Catalog
) -> None:
    """/answer with no number lists the open questions as buttons; a press, then the text,
    answers; /cancel sends nothing; a resident's press is refused (issue 16)."""
    await make_staff(bot, 4110, "Li")
    li = bot.emu.user(4110, first_name="Li", language_code="zh")
    await li.command("/start")
    await li.wait_message()
    wang = bot.emu.user(4010, first_name="Wang", language_code="zh")
    await wang.command("/ask 周末能借会议室吗")
    await wang.wait_message()
    await li.wait_message()  # the notice
    await li.command("/answer")
    listed = await li.wait_message()
    assert listed.button_texts() == ["回复 #1（Wang）"]
    assert wang.last is not None
    await wang.press_data("ask:pick:1", wang.last)
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text("zh", "refused-staff-only")
    await li.press("回复 #1（Wang）")
    assert (await li.wait_message()).text == catalog.text("zh", "ask-pick-prompt", id="1")
    await li.command("/cancel")
    assert (await li.wait_message()).text == catalog.text("zh", "ask-pick-cancelled")
    await li.press("回复 #1（Wang）")
    await li.wait_message()
    await li.send("可以，请到前台登记。")
    assert "可以，请到前台登记。" in (await wang.wait_message()).text
    assert await bot.sql("SELECT status FROM staff_questions") == [("answered",)]


WINDOW_RANT = (
    "我要投诉服务窗口的工作人员态度很差，"
    + "上个礼拜我去办老年卡，排了一个钟头的队，窗口的小伙子一直在玩手机，问他话也不理人，" * 30
    + "你们管不管"
)
GYM_RANT = (
    "I want to complain about the gym. "
    + "Every evening the music is so loud that nobody in the reading room can hear themselves. "
    * 16
    + "Please do something about it."
)


async def test_a_long_complaint_passed_on_with_a_press_reaches_staff_whole(
    bot: Bot, catalog: Catalog
) -> None:
    """A complaint about the centre too long for one question (over 1000 characters) is kept
    whole as the draft: with the press, staff get all of it (in numbered parts), a reply to
    any part answers it, and the answer reminds the resident of their question, marked as
    shortened; in Chinese and in English."""
    await make_staff(bot, 4106, "Li")
    li = bot.emu.user(4106, first_name="Li", language_code="zh")
    await li.command("/start")
    await li.wait_message()
    for uid, name, lang, rant in [
        (4007, "王阿姨", "zh", WINDOW_RANT),
        (4008, "Alice", "en", GYM_RANT),
    ]:
        assert 1000 < len(rant) < 4096
        resident = bot.emu.user(uid, first_name=name, language_code=lang)
        await resident.send(rant)
        offer = await resident.wait_message()
        assert offer.text == catalog.text(lang, "qa-feedback-for-staff")
        mark = max((m.message_id for m in li.messages), default=0)
        await resident.press_data(offer.callback_data()[-1], message_id=offer.message_id)
        await resident.wait_edit(offer)
        await bot.settle()
        notices = [m for m in li.messages if m.message_id > mark]
        assert len(notices) == 2
        texts = [m.text or "" for m in notices]
        qid = str(len(await bot.sql("SELECT id FROM staff_questions")))
        for number, said in enumerate(texts, start=1):
            header = catalog.text(
                "zh", "ask-staff-notice-part", id=qid, name=name, text="", part=str(number),
                parts="2",
            ).split("\n")[0]  # fmt: skip
            assert said.split("\n")[0] == header
        body = "".join("\n".join(said.split("\n")[1:-1]) for said in texts)
        assert body == rant
        (stored,) = await bot.sql(
            f"SELECT text FROM staff_questions WHERE user_id = "
            f"(SELECT id FROM users WHERE telegram_id = {uid})"
        )
        assert stored == (rant,)
        if lang == "en":  # a reply to a part before its message id is recorded answers too
            async with bot.runtime.db.transaction() as session:
                await session.execute(text("UPDATE outbox_messages SET telegram_message_id = NULL"))
        await li.send(
            "我们已经批评教育了" if lang == "zh" else "We have spoken to them.", reply_to=notices[1]
        )
        answer = await resident.wait_message()
        assert rant[:200] in answer.text
        assert rant not in answer.text
        assert "…" in answer.text


async def test_a_long_question_is_split_into_parts_that_join_to_it_exactly() -> None:
    """However it is written (sentences, one endless word), the parts fit a notice and, joined,
    are the question itself; a sentence's end is preferred as the cut."""
    for question in [WINDOW_RANT, GYM_RANT, "长" * 2500, "x" * MAX_QUESTION, "a. " * 700, "短"]:
        parts = in_parts(question)
        assert "".join(parts) == question
        assert all(0 < len(part) <= MAX_QUESTION for part in parts)
    assert all(part.endswith("，") for part in in_parts(WINDOW_RANT)[:-1])  # a clause's end
    assert all(part.endswith(". ") for part in in_parts(GYM_RANT)[:-1])
