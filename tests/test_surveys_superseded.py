"""A survey waiting for typed text gives way when the resident starts something else: a
conversation with staff (/ask, the menu's button) or another form (/feedback). Their next
message goes there; the survey keeps its answers and resumes where it stood."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.settings import HelpdeskSettings, Settings
from frontdesk_emulator import SimChat, SimUser
from tests.conftest import Bot
from tests.test_helpdesk import GROUP, only_topic, topic_messages
from tests.test_surveys import make_person, tap

pytestmark = pytest.mark.asyncio

SURVEY = """
title: {zh: 小调查, en: Small survey}
opens: 2026-03-02 09:00
closes: 2026-03-09 18:00
audience: everyone
anonymous: false
questions:
  - type: single
    text: {zh: 您常来中心吗？, en: "Do you come often?"}
    options: ["常来 / Often", "不常 / Rarely"]
  - type: text
    text: {zh: 还有什么想对中心说的？, en: "Anything else you would like to tell us?"}
  - type: text
    text: {zh: 您住在哪个小区？, en: "Which estate do you live in?"}
"""

# language: the option to press, the text question, the next one, the menu's "ask" button
WORDS = {
    "zh": ("常来", "还有什么想对中心说的？", "您住在哪个小区？"),
    "en": ("Often", "Anything else you would like to tell us?", "Which estate do you live in?"),
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The conftest settings with a staff group (a forum): the helpdesk is on."""
    return settings.model_copy(update={"helpdesk": HelpdeskSettings(staff_group_ids=[GROUP])})


@pytest.fixture
def desk(bot: Bot) -> SimChat:
    """The staff group: a forum where the bot is an administrator."""
    return bot.emu.group(GROUP, "社区服务台", forum=True, bot_admin=True)


async def at_text_question(
    bot: Bot, resident: int, lang: str, said_before: str | None = None
) -> SimUser:
    """The survey above published, and ``resident`` (speaking ``lang``, who first said
    ``said_before`` if given) having answered its first question: the resident, at the text
    question."""
    await make_person(bot.runtime, resident + 1, "Org", "organiser")
    await make_person(bot.runtime, resident, "Qian", lang=lang)
    org = bot.emu.user(resident + 1, first_name="Org", language_code="zh")
    person = bot.emu.user(resident, first_name="Qian", language_code=lang)
    if said_before is not None:
        await person.send(said_before)
        await bot.settle()
    await org.command("/survey")
    await org.wait_message()
    await org.send_document(SURVEY.encode(), "small.yaml")
    await org.wait_message()
    await tap(bot, org, "📣 发布")
    await person.press(person.messages[-1].button_texts()[0])
    await bot.settle()
    option, question, _ = WORDS[lang]
    assert question in await tap(bot, person, option)
    return person


async def resumes_at_the_text_question(bot: Bot, person: SimUser, lang: str) -> None:
    """/surveys shows the survey at the question it stood at, whose typed answer is taken."""
    _, question, following = WORDS[lang]
    await person.command("/surveys")
    await bot.settle()
    assert question in await tap(bot, person, person.messages[-1].button_texts()[0])
    await person.send("希望多办讲座")
    await bot.settle()
    assert following in (person.messages[-1].text or "")
    assert await bot.sql("SELECT text FROM survey_answers WHERE text IS NOT NULL") == [
        ("希望多办讲座",)
    ]


@pytest.mark.parametrize(
    ("lang", "words"),
    [("zh", "电梯坏了，请派人来看看"), ("en", "The lift is broken, please send someone")],
)
async def test_ask_at_a_survey_text_question_sends_the_next_message_to_staff(
    bot: Bot, desk: SimChat, catalog: Catalog, lang: str, words: str
) -> None:
    """A newcomer's finding: /ask at a survey's text question opened a ticket, but the next
    message was saved as the survey's answer and staff never saw it. It reaches staff; the
    survey keeps its one answer, and /surveys resumes it at the same question."""
    qian = await at_text_question(bot, 7301 if lang == "zh" else 7303, lang)
    await qian.command("/ask")
    await bot.settle()
    assert catalog.text(lang, "survey-put-aside") in [m.text for m in qian.messages[-2:]]
    await qian.send(words)
    await bot.settle()
    assert topic_messages(desk, only_topic(desk))[-1]["text"] == words
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [(words,)]
    assert await bot.sql("SELECT choice, text FROM survey_answers") == [(0, None)]
    await resumes_at_the_text_question(bot, qian, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_menus_ask_button_at_a_survey_text_question_reaches_staff_too(
    bot: Bot, desk: SimChat, catalog: Catalog, lang: str
) -> None:
    """The main menu's "talk to a person" button does what /ask does: the survey waits aside."""
    qian = await at_text_question(bot, 7305 if lang == "zh" else 7307, lang)
    await qian.send(catalog.text(lang, "menu-ask"))
    await bot.settle()
    assert catalog.text(lang, "survey-put-aside") in [m.text for m in qian.messages[-2:]]
    await qian.send("楼道灯不亮")
    await bot.settle()
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [("楼道灯不亮",)]
    assert await bot.sql("SELECT choice, text FROM survey_answers") == [(0, None)]


async def test_the_ask_a_person_button_under_an_old_answer_at_a_survey_text_question(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """ "转给工作人员" under an earlier answer, pressed at a survey's text question: the
    conversation opens, the survey waits aside, and what follows reaches staff."""
    qian = await at_text_question(bot, 7315, "zh", said_before="太好了👍")
    await qian.press("🙋 转给工作人员")
    await bot.settle()
    assert catalog.text("zh", "survey-put-aside") in [m.text for m in qian.messages]
    await qian.send("楼道灯不亮")
    await bot.settle()
    assert await bot.sql("SELECT text FROM ticket_messages ORDER BY id") == [
        ("太好了👍",),
        ("楼道灯不亮",),
    ]
    assert await bot.sql("SELECT choice, text FROM survey_answers") == [(0, None)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_another_form_at_a_survey_text_question_takes_the_next_message(
    bot: Bot, desk: SimChat, catalog: Catalog, lang: str
) -> None:
    """/feedback at a survey's text question: the comment typed next is the canteen
    rating's, not the survey's answer; /cancel ends the rating, and /surveys resumes."""
    qian = await at_text_question(bot, 7309 if lang == "zh" else 7311, lang)
    await qian.command("/feedback")
    await bot.settle()
    assert catalog.text(lang, "survey-put-aside") in [m.text for m in qian.messages[-2:]]
    await qian.send("菜太咸了")
    await bot.settle()
    assert "菜太咸了" in (qian.messages[-1].text or "")
    assert await bot.sql("SELECT choice, text FROM survey_answers") == [(0, None)]
    await qian.command("/cancel")
    await bot.settle()
    await resumes_at_the_text_question(bot, qian, lang)


async def test_cancel_at_a_survey_text_question_sets_it_aside_and_says_so(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """/cancel at a survey's text question sets it aside as "取消" does (it was told there
    was nothing to cancel); the survey resumes from /surveys."""
    qian = await at_text_question(bot, 7313, "zh")
    await qian.command("/cancel")
    await bot.settle()
    assert qian.messages[-1].text == catalog.text("zh", "survey-put-aside")
    assert catalog.text("zh", "nothing-to-cancel") not in [m.text for m in qian.messages]
    await resumes_at_the_text_question(bot, qian, "zh")


async def test_a_command_in_a_group_leaves_the_private_survey_waiting(
    bot: Bot, desk: SimChat, catalog: Catalog
) -> None:
    """A second reader's finding: /hours sent in a neighbourhood group set the sender's private
    survey aside and said so in the group (the group learnt she had a survey open, and her
    next private message was not taken as its answer). A group's command leaves it waiting."""
    qian = await at_text_question(bot, 7317, "zh")
    group = bot.emu.group(-100779, "楼组群")
    await qian.command("/hours", in_chat=group)
    await bot.settle()
    notice = catalog.text("zh", "survey-put-aside")
    assert notice not in [m.text for m in group.messages]
    assert notice not in [m.text for m in qian.messages]
    await qian.send("希望多办讲座")
    await bot.settle()
    assert WORDS["zh"][2] in (qian.messages[-1].text or "")
    assert await bot.sql("SELECT text FROM survey_answers WHERE text IS NOT NULL") == [
        ("希望多办讲座",)
    ]
