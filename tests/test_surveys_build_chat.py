"""Organisers build a survey in the chat and edit an open one, end to end through the
emulator, in Chinese and English: the draft survives a restart, forged buttons and residents
calling /survey change nothing, and edits that would spoil answers are refused."""

from __future__ import annotations

import pytest

from bot.clock import ManualClock
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot
from tests.test_surveys import Restarted, _settle, make_person

pytestmark = pytest.mark.asyncio


async def say(bot: Bot | Restarted, who: SimUser, text: str) -> str:
    """Send text; every message the bot sent in answer, one after the other."""
    before = len(who.messages)
    await who.send(text)
    await _settle(bot)
    return "\n".join(m.text or "" for m in who.messages[before:])


async def tap(bot: Bot | Restarted, who: SimUser, label: str) -> str:
    """Press a button; the pressed message (it may have been edited) and every new one."""
    before = len(who.messages)
    pressed = next(m.message_id for m in reversed(who.messages) if label in m.button_texts())
    await who.press(label)
    await _settle(bot)
    edited = [m.text or "" for m in who.messages if m.message_id == pressed]
    return "\n".join(edited + [m.text or "" for m in who.messages[before:]])


def recent(who: SimUser, count: int = 4) -> str:
    return "\n".join(m.text or "" for m in who.messages[-count:])


async def test_an_organiser_builds_a_survey_in_chinese_through_a_restart_and_publishes_it(
    runtime: Runtime, emulator: BotApiEmulator, clock: ManualClock, catalog: Catalog
) -> None:
    """Title, a single-choice question with options, a rating asked only after "食堂", the
    audience, anonymity, "下周一到月底"; the bot restarts half-way and the draft is still
    there; the preview and publish work as for a file. Odd and over-long input, a forged
    builder button and a resident's /survey are answered politely and change nothing."""
    await make_person(runtime, 8200, "Org", "organiser")
    await make_person(runtime, 8201, "王阿姨")
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot = Bot(app=app, emu=emulator, runtime=runtime, clock=clock)
        org = emulator.user(8200, first_name="Org", language_code="zh")
        wang = emulator.user(8201, first_name="王阿姨", language_code="zh")
        await org.command("/survey")
        await org.wait_message()
        assert "请发送问卷标题" in await tap(bot, org, "➕ 新建问卷")
        assert "文字太长" in await say(bot, org, "长" * 120)
        assert "第一题前面对居民说几句" in await say(bot, org, "社区需求调查 / Community needs")
        assert "文字太长" in await say(bot, org, "说" * 600)
        intro = "占用您两分钟，谢谢！ / Two minutes, thanks!"
        assert "第 1 题是什么题型" in await say(bot, org, intro)
        await tap(bot, org, "单选（选一项）")
        await say(bot, org, "您最需要什么？ /")
        assert "缺少中文或英文文字" in recent(org, 3)
        assert "请发送选项" in await say(bot, org, "您最需要什么？ / What do you need most?")
        assert "要加一个“其他（请说明）”" in await say(
            bot, org, "食堂 / Canteen\n\n健康驿站 / Health"
        )
        assert "第 1 题一定要回答吗" in await tap(bot, org, "是")
        # Typed while a button is asked: told to use the buttons, the step asked again (it
        # went to the FAQ and was lost before).
        assert "这一步请点下面的按钮" in await say(bot, org, "必答吧")
        assert "第 1 题一定要回答吗" in recent(org, 1)
        assert "第 2 题是什么题型" in await tap(bot, org, "必答")
        assert "第 1 题已加上：您最需要什么？" in recent(org, 2)
        # A forged builder button (a step not asked now) and a resident pressing one.
        before = len(org.callback_answers)
        await org.press_data("survey:b:max:2")
        await org.press_data("survey:b:nonsense:1")
        await _settle(bot)
        assert len(org.callback_answers) == before + 2
        assert "这个按钮已经过时了" in (org.callback_answers[-2].get("text") or "")
        await wang.command("/survey")
        refusal = await wang.wait_message()
        assert refusal.text == catalog.text("zh", "refused-staff-only")
        await wang.press_data("survey:bnew:0", message_id=refusal.message_id)
        await wang.press_data("survey:b:kind:0", message_id=refusal.message_id)
        await _settle(bot)
        assert "只对工作人员开放" in (wang.callback_answers[-1].get("text") or "")
        await tap(bot, org, "打分（1 到 5 分）")
    # A restart between two steps: the builder's draft is in the database.
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot2 = (app, emulator, emulator.core.next_update_id - 1)
        await say(bot2, org, "您给食堂打几分？ / Rate the canteen")
        assert "每个人都问" in org.messages[-1].button_texts()
        await tap(bot2, org, "看第 1 题：您最需要什么？")
        assert "第 2 题一定要回答吗" in await tap(bot2, org, "食堂")
        await tap(bot2, org, "可以不答")
        assert "第 2 题已加上" in recent(org, 2)
        assert "问卷发给谁" in await tap(bot2, org, "✅ 题目加完了，下一步")
        assert "匿名吗" in await tap(bot2, org, "所有居民")
        assert "年龄段" in await tap(bot2, org, "否")
        assert "按居委会分开看" in await tap(bot2, org, "是")
        assert "按楼栋分开看" in await say(bot2, org, "长风一村\n长风二村 / Changfeng No. 2")
        assert "什么时候开始" in await say(bot2, org, "跳过")  # typed, as the prompt says
        assert "没看懂这个时间" in await say(bot2, org, "\u202e\u200b 随便 🙂")
        card = await say(bot2, org, "下周一到月底")
        assert "社区需求调查" in card
        assert "草稿" in card
        assert await _rows(runtime) == [("draft", "everyone", False, 4)]  # + 居委会, age band
        before = len(org.messages)
        await tap(bot2, org, "👀 预览")
        shown = "\n".join(m.text or "" for m in org.messages[before:])
        assert "[基本信息] 您住在哪个居委会？" in shown  # the profile questions come first
        assert "长风二村 / Changfeng No. 2" in shown
        assert "只在第 3 题选了 1 时出现" in shown
        assert "Rate the canteen" in shown
        assert "占用您两分钟，谢谢！" in shown  # the intro, before the questions
        assert "（可跳过）" in shown  # question 2 may be skipped
        await tap(bot2, org, "📣 发布")
        assert any("已发布" in (m.text or "") for m in org.messages[-3:])
        # The draft is gone: text goes to the rest of the bot again.
        await org.command("/survey")
        listing = await org.wait_message()
        assert not any("继续新建" in b for b in listing.button_texts())


async def test_chinese_only_options_are_pointed_out_once_in_the_chat(
    bot: Bot, catalog: Catalog
) -> None:
    """Options typed only in Chinese: the organiser is told once, in their language, what
    English readers will see; a typed "跳过" skips the intro."""
    await make_person(bot.runtime, 8210, "Org", "organiser")
    org = bot.emu.user(8210, first_name="Org", language_code="zh")
    note = catalog.text("zh", "survey-build-options-chinese-only")
    await org.command("/survey")
    await org.wait_message()
    await tap(bot, org, "➕ 新建问卷")
    await say(bot, org, "兴趣调查 / Interests")
    assert "第 1 题是什么题型" in await say(bot, org, "跳过")
    await tap(bot, org, "单选（选一项）")
    await say(bot, org, "想学什么？ / What would you learn?")
    assert note in await say(bot, org, "书法\n合唱")
    await tap(bot, org, "否")
    assert "第 2 题是什么题型" in await tap(bot, org, "必答")
    await tap(bot, org, "单选（选一项）")
    await say(bot, org, "哪天方便？ / Which day?")
    second = await say(bot, org, "周六\n周日")
    assert "要加一个“其他（请说明）”" in second  # the options were taken
    assert note not in second


async def _rows(runtime: Runtime) -> list[tuple[object, ...]]:
    from sqlalchemy import text

    async with runtime.db.read() as session:
        rows = await session.execute(
            text(
                "SELECT s.status, s.audience, s.anonymous, count(q.id) FROM surveys s "
                "JOIN survey_questions q ON q.survey_id = s.id GROUP BY s.id, s.status, "
                "s.audience, s.anonymous"
            )
        )
        return [tuple(row) for row in rows.all()]


CORRECTED = b"""
title: {zh: \xe5\x96\x9c\xe6\xac\xa2\xe7\x9a\x84\xe6\xb4\xbb\xe5\x8a\xa8, en: Activities}
opens: 2026-03-02 10:00
closes: 2026-03-20 18:00
audience: everyone
questions:
  - {type: single, text: "Which activities?", options: [Calligraphy, Choir]}
"""


async def test_an_organiser_edits_an_open_survey_in_english_and_answers_stay_valid(
    bot: Bot,
) -> None:
    """An open survey with an answer: the closing time and options at the end are changed in
    words, a question is added at the end with the builder, a corrected file that changes a
    question's type is refused with the reason, and the resident's answer still counts."""
    await make_person(bot.runtime, 8300, "Org", "organiser", lang="en")
    await make_person(bot.runtime, 8301, "Amy", lang="en")
    org = bot.emu.user(8300, first_name="Org", language_code="en")
    amy = bot.emu.user(8301, first_name="Amy", language_code="en")
    await org.command("/survey")
    await org.wait_message()
    await tap(bot, org, "➕ New survey")
    assert "a few words before the first question" in await say(bot, org, "Activities")
    await tap(bot, org, "Skip, add the questions")
    await tap(bot, org, "Multiple choice")
    await say(bot, org, "Which activities?")
    assert "How many options" in await say(bot, org, "Calligraphy\nChoir")
    await tap(bot, org, "2")
    assert "Must question 1 be answered" in await tap(bot, org, "No")
    await tap(bot, org, "Required")
    await tap(bot, org, "✅ No more questions, next step")
    await tap(bot, org, "All residents")
    assert "age band" in await tap(bot, org, "No")
    await tap(bot, org, "No")
    assert "by residents' committee" in await tap(bot, org, "Skip")
    assert "When does the survey open" in await say(bot, org, "skip")  # typed: the button
    assert "Activities" in await say(bot, org, "until next Friday")
    await tap(bot, org, "📣 Publish")
    await bot.drain()
    await amy.wait_message(predicate=lambda m: "Activities" in (m.text or ""))
    await amy.press("📝 Start")
    await amy.wait_message()
    await tap(bot, amy, "Choir")
    await tap(bot, amy, "✅ Done")
    assert "Thank you" in await tap(bot, amy, "✅ Send")
    # The organiser edits the open survey.
    assert "Answers already given are kept" in await tap(bot, org, "✏️ Edit")
    await tap(bot, org, "Change the closing time")
    assert "It closes now" in recent(org, 1)
    assert "I could not read that time" in await say(bot, org, "whenever")
    await say(bot, org, "20 March 6pm")
    assert "Saved" in recent(org, 3)
    await tap(bot, org, "✏️ Edit")
    await tap(bot, org, "Add options at the end of a choice question")
    await tap(bot, org, "1. Which activities?")
    assert "The options now: Calligraphy · Choir" in recent(org, 1)
    await say(bot, org, "Tai chi / Tai chi\n" + "y" * 60)
    assert "too long" in recent(org, 2)
    await say(bot, org, "太极 / Tai chi")
    assert "Saved" in recent(org, 3)
    await tap(bot, org, "✏️ Edit")
    assert "What type is question 2" in await tap(bot, org, "Add a question at the end")
    await tap(bot, org, "Short text")
    await say(bot, org, "Anything else?")
    await tap(bot, org, "Ask everyone")
    await tap(bot, org, "Optional")
    await tap(bot, org, "✅ No more questions, next step")
    assert "Saved" in recent(org, 3)
    # A corrected file that makes question 1 single choice: refused, with the reason.
    await tap(bot, org, "✏️ Edit")
    await tap(bot, org, "Send a corrected file")
    before = len(org.messages)
    await org.send_document(CORRECTED, "activities.yaml")
    await bot.settle()
    refusal = "\n".join(m.text or "" for m in org.messages[before:])
    assert "Question 1: people have answered it, so its type cannot change" in refusal
    assert "Questions cannot be removed" in refusal
    # A resident pressing an edit button, and a forged edit of a survey that is not there.
    await amy.press_data("survey:edit:1")
    await org.press_data("survey:ed:999:title:0")
    await org.press_data("survey:ed:1:qtext:77")
    await bot.settle()
    assert "staff" in (amy.callback_answers[-1].get("text") or "")
    assert "no longer works" in (org.callback_answers[-1].get("text") or "")
    # The resident's answer is as it was; the survey has three options and two questions.
    assert await bot.sql("SELECT a.choice, a.counted FROM survey_answers a ORDER BY a.id") == [
        (1, True)
    ]
    assert await bot.sql("SELECT kind, options FROM survey_questions ORDER BY position") == [
        ("multiple", '[["Calligraphy", "Calligraphy"], ["Choir", "Choir"], ["太极", "Tai chi"]]'),
        ("text", None),
    ]
    closes = await bot.sql("SELECT closes_at FROM surveys")
    assert str(closes[0][0]).startswith(("2026-03-20 10:00", "2026-03-20T10:00"))
    assert await bot.sql("SELECT count(*) FROM audit_log WHERE action = 'survey.edit'") == [(3,)]
    # Amy reopens her response: her choice is still ticked, and the new question is asked.
    await amy.command("/surveys")
    listing = await amy.wait_message()
    await amy.press(listing.button_texts()[0])
    again = await amy.wait_message()
    assert "✅ Choir" in again.button_texts()
    assert "of 2" in (again.text or "")


async def test_help_mentions_surveys_and_the_digest_on_demand_shows_open_ones(bot: Bot) -> None:
    """/help names /surveys in both languages, and for an organiser also their commands
    (/survey among them, though /staff is for staff only),
    and /digest (on demand) carries an open survey as the scheduled digest does."""
    from tests.test_surveys import publish_survey

    await make_person(bot.runtime, 8400, "Org", "organiser")
    await make_person(bot.runtime, 8401, "Amy", lang="en")
    await make_person(bot.runtime, 8402, "李伯伯")
    org = bot.emu.user(8400, first_name="Org", language_code="zh")
    amy = bot.emu.user(8401, first_name="Amy", language_code="en")
    li = bot.emu.user(8402, first_name="李伯伯", language_code="zh")
    await li.command("/help")
    assert "/surveys 看正在进行的问卷" in ((await li.wait_message()).text or "")
    await amy.command("/help")
    assert "/surveys shows the surveys open now" in ((await amy.wait_message()).text or "")
    await org.command("/help")
    staff_help = (await org.wait_message()).text or ""
    assert "/surveys 看正在进行的问卷" in staff_help
    assert "/survey — 问卷：新建、发布、结果、导出" in staff_help
    await publish_survey(bot, org)
    before = len(org.messages)
    await org.command("/digest today")
    await bot.settle()
    digest = "\n".join(m.text or "" for m in org.messages[before:])
    assert "问卷进行中：社区需求调查" in digest


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_discard_asks_first_and_sits_alone_on_the_last_row(bot: Bot, lang: str) -> None:
    """ "✖️ 放弃" asks "discard this survey?" ("continue editing" gives the step back, the
    draft kept); only its yes discards; an old or forged yes is refused; and at every step
    the button is alone on the last row, never beside an answer such as "否"."""
    from bot.callbacks import encode
    from bot.features.surveys.builder import Action
    from bot.features.surveys.buttons import Build

    await make_person(bot.runtime, 8500, "Org", "organiser", lang=lang)
    org = bot.emu.user(8500, first_name="Org", language_code=lang)
    t = bot.runtime.catalog.translator(lang)
    discard, keep = t("survey-build-button-discard"), t("survey-build-button-keep")

    def last_rows_alone() -> None:
        step = next(m for m in reversed(org.messages) if m.buttons)
        assert [b["text"] for b in step.buttons[-1]] == [t("survey-build-button-cancel")]
        assert all(t("survey-build-button-cancel") not in [b["text"] for b in row]
                   for row in step.buttons[:-1])  # fmt: skip

    await org.command("/survey")
    await org.wait_message()
    await tap(bot, org, t("survey-button-new"))
    last_rows_alone()
    await say(bot, org, "社区需求调查 / Community needs")
    last_rows_alone()
    asked = await tap(bot, org, t("survey-build-button-cancel"))
    assert t("survey-build-discard-confirm") in asked
    assert org.messages[-1].button_texts() == [discard, keep]
    back = await tap(bot, org, keep)
    assert t("survey-build-cancelled") not in back
    assert t("survey-build-button-skip-intro") in org.messages[-1].button_texts()
    forged = encode(Build(Action.CANCEL, 1))  # a yes with no question asked: nothing lost
    await org.press_data(forged, org.messages[-1])
    await _settle(bot)
    assert org.callback_answers[-1].get("text") == t("survey-build-stale")
    await tap(bot, org, t("survey-build-button-skip-intro"))
    last_rows_alone()
    await tap(bot, org, t("survey-build-button-cancel"))
    gone = await tap(bot, org, discard)
    assert t("survey-build-cancelled") in gone
    await org.press_data(encode(Build(Action.KEEP, 0)), org.messages[-2])
    await _settle(bot)
    assert org.callback_answers[-1].get("text") == t("survey-build-none")


@pytest.mark.parametrize(
    ("lang", "word", "new"), [("zh", "取消", "➕ 新建问卷"), ("en", "cancel", None)]
)
async def test_a_leave_word_in_the_builder_sets_the_draft_aside(
    bot: Bot, catalog: Catalog, lang: str, word: str, new: str | None
) -> None:
    """ "取消" typed at the title step is no title: the draft is kept and stops waiting, so
    the organiser's next words are not taken into it (a newcomer's stray "下周五" became a
    compulsory first question); /survey offers to carry on."""
    await make_person(bot.runtime, 8290, "Org", "organiser", lang=lang)
    org = bot.emu.user(8290, first_name="Org", language_code=lang)
    await org.command("/survey")
    await org.wait_message()
    label = new or next(b for b in org.messages[-1].button_texts() if "New" in b or "new" in b)
    await tap(bot, org, label)
    assert catalog.text(lang, "survey-build-set-aside") in await say(bot, org, word)
    assert "卫生服务站" in await say(bot, org, "明天卫生站开吗")  # answered, not a title
    await org.command("/survey")
    await bot.settle()
    assert catalog.text(lang, "survey-button-resume-build") in org.messages[-1].button_texts()
    assert await bot.sql("SELECT count(*) FROM surveys") == [(0,)]


@pytest.mark.parametrize(
    ("lang", "yes", "no", "optional", "title"),
    [("zh", "是", "否。", "可以不答", "兴趣调查"), ("en", "Yes", "no", "optional", "Interests")],
)
async def test_yes_or_no_typed_at_a_button_step_counts_as_the_button(
    bot: Bot, lang: str, yes: str, no: str, optional: str, title: str
) -> None:
    """ "是" / "否" / "yes" / "no" typed at a yes/no step, or a button's own words ("可以不
    答"), answer the step as the button would (they were refused and the step asked again);
    other words still get the polite "use the buttons" and the same step."""
    await make_person(bot.runtime, 8600, "Org", "organiser", lang=lang)
    org = bot.emu.user(8600, first_name="Org", language_code=lang)
    t = bot.runtime.catalog.translator(lang)
    await org.command("/survey")
    await org.wait_message()
    await tap(bot, org, t("survey-button-new"))
    await say(bot, org, title)
    await say(bot, org, t("survey-build-button-skip"))
    await tap(bot, org, t("survey-build-kind-single"))
    await say(bot, org, "想学什么？ / What would you learn?")
    assert t("survey-build-ask-other") in await say(bot, org, "书法 / Calligraphy、合唱 / Choir")
    press_a_button = t("survey-build-press-a-button")
    assert press_a_button in await say(bot, org, "随便 / whatever")
    assert t("survey-build-ask-other") in recent(org, 1)
    assert t("survey-build-ask-required", number=1) in await say(bot, org, yes)
    assert t("survey-build-ask-kind", number=2, count=1) in await say(bot, org, optional)
    await tap(bot, org, t("survey-build-button-finish"))
    assert t("survey-build-ask-anonymous") in await tap(
        bot, org, t("survey-build-audience-everyone")
    )
    assert t("survey-build-ask-age") in await say(bot, org, no)
    committees = t("survey-build-ask-committees", limit=10).splitlines()[0]
    assert committees in await say(bot, org, yes)
    await say(bot, org, t("survey-build-button-skip"))
    await say(bot, org, t("survey-build-button-skip"))
    card = await say(bot, org, "下周一到月底" if lang == "zh" else "next Monday to end of month")
    assert title in card
    # not anonymous; the question and the age band; "other" offered; the question optional
    assert await _rows(bot.runtime) == [("draft", "everyone", False, 2)]
    assert await bot.sql(
        "SELECT allow_other, required FROM survey_questions WHERE profile IS NULL"
    ) == [(True, False)]
