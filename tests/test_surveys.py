"""Resident surveys end to end (issue 17): an organiser's file becomes a survey, residents
answer it one question at a time, organisers read results, export them and get the summary."""

from __future__ import annotations

import asyncio
import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from bot.app import FrontdeskApplication
from bot.clock import ManualClock
from bot.features.surveys import results, service
from bot.features.surveys.service import rebuild_tallies
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import users
from bot.testing import running_bot
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot

pytestmark = pytest.mark.asyncio

SURVEY = """
title: {zh: 社区需求调查, en: Community needs}
intro: {zh: 您的回答决定中心下一步做什么。, en: Your answers decide what we do next.}
opens: 2026-03-02 09:00
closes: 2026-03-09 18:00
audience: everyone
anonymous: ANONYMOUS
profile: {committees: [长风一村, 长风二村]}
questions:
  - id: need
    type: single
    text: {zh: 您最希望中心增加什么？, en: "What should the centre add?"}
    options: ["食堂 / Canteen", "健康驿站 / Health station"]
    other: true
  - type: rating
    text: {zh: 您对现在的食堂打几分？, en: "How do you rate the canteen?"}
    show_if: {question: need, answer: [1]}
  - type: multiple
    max: 2
    text: {zh: 您想参加哪些活动？, en: "Which activities would you join?"}
    options: ["书法 / Calligraphy", "合唱 / Choir", "太极 / Tai chi"]
  - type: ranking
    text: {zh: 请排序, en: Put them in order}
    options: ["理发 / Haircuts", "洗衣 / Laundry", "摄影 / Photos"]
  - type: text
    optional: true
    text: {zh: 还有什么想说的？, en: "Anything else?"}
"""


PUBLISHED = "🟢 已发布 社区需求调查"


def survey_file(anonymous: bool = False) -> bytes:
    return SURVEY.replace("ANONYMOUS", "true" if anonymous else "false").encode()


async def make_person(
    runtime: Runtime, telegram_id: int, name: str, *roles: str, lang: str = "zh"
) -> int:
    """A registered user (with staff roles if given), before they write to the bot."""
    async with runtime.db.transaction() as session:
        profile = await users.register(
            session, users.Person(telegram_id, name, language_code=lang), runtime.clock.now()
        )
        for role in roles:
            await users.grant_role(session, profile.id, role, runtime.clock.now())
        return profile.id


Restarted = tuple[FrontdeskApplication, BotApiEmulator, int]


async def tap(bot: Bot | Restarted, who: SimUser, label: str) -> str:
    """Press a button on the newest message that has it; the chat's newest text after."""
    await who.press(label)
    await _settle(bot)
    return who.messages[-1].text or ""


async def _settle(bot: Bot | Restarted) -> None:
    """Wait for the updates so far; a restarted application counts from its own start."""
    if isinstance(bot, Bot):
        await bot.settle()
        return
    app, emu, before = bot
    processor = app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    done = processor.wait_finished(emu.core.next_update_id - 1 - before)
    await asyncio.wait_for(done, timeout=10)


async def publish_survey(bot: Bot, organiser: SimUser, anonymous: bool = False) -> None:
    """The organiser's path: /survey, the file, preview, publish."""
    await organiser.command("/survey")
    await organiser.wait_message()
    await organiser.send_document(survey_file(anonymous), "needs.yaml")
    card = await organiser.wait_message()
    assert "社区需求调查" in (card.text or "")
    assert "草稿" in (card.text or "")
    await organiser.press("👀 预览")
    await bot.settle()
    texts = [m.text or "" for m in organiser.messages]
    assert any("What should the centre add?" in t for t in texts)
    assert any("只在第 2 题选了 1 时出现" in t for t in texts)
    assert any("第1题，共5题" in t for t in texts)  # the first question as residents see it
    await tap(bot, organiser, "📣 发布")
    assert any("已发布" in (m.text or "") for m in organiser.messages[-3:])


async def test_survey_from_file_to_answers_with_branching_back_restart_and_change(
    runtime: Runtime, emulator: BotApiEmulator, clock: ManualClock, catalog: Catalog
) -> None:
    """Create (file), preview, publish; a resident answers, goes back, resumes after the bot
    restarts, sends, then changes an answer so a branch disappears."""
    await make_person(runtime, 7100, "Org", "organiser")
    wang_id = await make_person(runtime, 7101, "王阿姨")
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot = Bot(app=app, emu=emulator, runtime=runtime, clock=clock)
        org = emulator.user(7100, first_name="Org", language_code="zh")
        wang = emulator.user(7101, first_name="王阿姨", language_code="zh")
        await publish_survey(bot, org)
        invitation = await wang.wait_message()
        assert "社区需求调查" in (invitation.text or "")
        await wang.press("📝 开始填写")
        first = await wang.wait_message()
        assert "第1题，共5题" in (first.text or "")
        assert "本问卷记名" in (first.text or "")
        assert "您住在哪个居委会？" in (first.text or "")
        assert "第2题，共5题" in await tap(bot, wang, "长风一村")
        shown = await tap(bot, wang, "食堂")
        assert "第3题，共6题" in shown  # the canteen question now appears: 6 in all
        assert "您对现在的食堂打几分？" in shown
        assert "第2题，共6题" in await tap(bot, wang, "⬅️ 上一题")
        assert "✅ 食堂" in wang.messages[-1].button_texts()
        await tap(bot, wang, "✅ 食堂")
        assert "第4题" in await tap(bot, wang, "4")
    # The bot stops mid-survey and comes back: the answers and the place are in the database.
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot2 = (app, emulator, emulator.core.next_update_id - 1)
        await wang.command("/surveys")
        listing = await wang.wait_message()
        assert "未填完" in " ".join(listing.button_texts())
        await wang.press(listing.button_texts()[0])
        resumed = await wang.wait_message()
        assert "第4题，共6题" in (resumed.text or "")
        await tap(bot2, wang, "书法")
        await tap(bot2, wang, "太极")
        refused_before = len(wang.callback_answers)
        await tap(bot2, wang, "合唱")  # a third choice: max 2
        assert len(wang.callback_answers) > refused_before
        assert "最多只能选" in (wang.callback_answers[-1].get("text") or "")
        assert "第5题" in await tap(bot2, wang, "✅ 选好了")
        await tap(bot2, wang, "摄影")
        await tap(bot2, wang, "理发")
        assert "第6题" in await tap(bot2, wang, "洗衣")
        await wang.send("希望 晚上 也有 食堂")
        check = await wang.wait_message()
        assert "请核对" in (check.text or "")
        assert "摄影 > 理发 > 洗衣" in (check.text or "")
        assert "谢谢您" in await tap(bot2, wang, "✅ 提交")
        rows = await _sql(runtime, "SELECT status, user_id FROM survey_responses")
        assert rows == [("submitted", wang_id)]
        # Change: health station instead of canteen; the canteen rating is no longer asked.
        await wang.command("/surveys")
        listing = await wang.wait_message()
        assert "已提交，可修改" in " ".join(listing.button_texts())
        await wang.press(listing.button_texts()[0])
        again = await wang.wait_message()
        assert "第1题" in (again.text or "")
        assert "✅ 长风一村" in again.button_texts()
        await tap(bot2, wang, "✅ 长风一村")
        assert "第3题，共5题" in await tap(bot2, wang, "健康驿站")
        assert "摄影 > 理发 > 洗衣" in await tap(bot2, wang, "✅ 选好了")
        assert "希望 晚上 也有 食堂" in await tap(bot2, wang, "✅ 不改，下一题")
        assert "请核对" in await tap(bot2, wang, "✅ 不改，下一题")
        assert "已保存您的修改" in await tap(bot2, wang, "✅ 提交")
    ratings = await _sql(
        runtime,
        "SELECT count(*) FROM survey_answers a JOIN survey_questions q ON q.id = a.question_id "
        "WHERE q.kind = 'rating'",
    )
    assert ratings == [(0,)]
    assert await _sql(runtime, "SELECT count(*) FROM survey_responses") == [(1,)]
    assert await _sql(runtime, "SELECT count(*) FROM survey_participants") == [(1,)]
    # The running counts followed the change: they equal a count made from scratch.
    kept = await _sql(runtime, TALLIES)
    assert (await _sql(runtime, "SELECT max(id) FROM surveys"))[0][0] == 1
    async with runtime.db.transaction() as session:
        await rebuild_tallies(session, 1)
    assert await _sql(runtime, TALLIES) == kept
    assert ("健康驿站", 1) in [(label, n) for label, n in await _labelled(runtime)]


TALLIES = (
    "SELECT question_id, choice, respondents, rank_sum FROM survey_tallies "
    "WHERE respondents <> 0 ORDER BY question_id, choice"
)


async def _labelled(runtime: Runtime) -> list[tuple[str, int]]:
    async with runtime.db.read() as session:
        survey = await service.load(session, 1)
        assert survey is not None
        computed = await results.compute(session, survey)
    return [
        (r.question.option(c, "zh"), n)
        for r in computed.questions
        if r.question.kind == "single" and not r.question.profile
        for c, n in r.counts.items()
        if c >= 0
    ]


async def _sql(runtime: Runtime, statement: str) -> list[tuple[object, ...]]:
    async with runtime.db.read() as session:
        return [tuple(row) for row in (await session.execute(text(statement))).all()]


async def answer_quickly(bot: Bot, who: SimUser, committee: str, need: str) -> None:
    """A resident answers the whole survey from the invitation (the canteen branch or not)."""
    await who.press("📝 开始填写")
    await who.wait_message()
    await tap(bot, who, committee)
    await tap(bot, who, need)
    if need == "食堂":
        await tap(bot, who, "5")
    await tap(bot, who, "合唱")
    await tap(bot, who, "✅ 选好了")
    for label in ("洗衣", "理发", "摄影"):
        await tap(bot, who, label)
    shown = await tap(bot, who, "⏭ 跳过这题")
    assert "请核对" in shown, (
        shown,
        who.callback_answers,
        [(m.message_id, m.text[:20] if m.text else None, m.button_texts()) for m in who.messages],
    )
    await tap(bot, who, "✅ 提交")


async def test_results_cross_tab_rule_of_five_export_and_closing_summary(bot: Bot) -> None:
    """Seven residents of one committee and three of another: the small group is hidden in
    the cross-tab, cells under 5 are hidden, the export has one row per response, and the
    closing summary reaches the organiser with a chart."""
    await make_person(bot.runtime, 7200, "Org", "organiser")
    org = bot.emu.user(7200, first_name="Org", language_code="zh")
    people = []
    for n in range(10):
        await make_person(bot.runtime, 7300 + n, f"居民{n}")
        people.append(bot.emu.user(7300 + n, first_name=f"居民{n}", language_code="zh"))
    await publish_survey(bot, org)
    await bot.drain()
    for person in people:
        await person.wait_message()
    for n, person in enumerate(people):
        committee = "长风一村" if n < 7 else "长风二村"
        await answer_quickly(bot, person, committee, "食堂" if n < 6 else "健康驿站")
    await org.command("/survey")
    await bot.settle()
    await tap(bot, org, PUBLISHED)
    await tap(bot, org, "📊 结果")
    texts = "\n".join(m.text or "" for m in org.messages[-6:])
    assert "共 10 份" in texts
    assert any(m.photo for m in org.messages[-4:])
    await tap(bot, org, "📊 按“您住在哪个居委会？”分组看")
    table = org.messages[-1].text or ""
    assert "长风二村：少于 5 人，不显示" in table
    assert "长风一村（7 人）" in table
    # 6 of 7 chose the canteen, 1 the health station: that 1 is hidden, and so is one more
    # cell, or the 1 could be worked out from the total of 7.
    assert "食堂 6" not in table
    assert "健康驿站 1" not in table
    await org.command("/survey")
    await bot.settle()
    await tap(bot, org, PUBLISHED)
    await org.press("📥 导出 Excel 和 CSV")
    xlsx = await org.wait_message(predicate=lambda m: m.document is not None)
    csv_doc = await org.wait_message(predicate=lambda m: m.document is not None)
    assert xlsx.document is not None
    assert xlsx.document["file_name"].endswith(".xlsx")
    assert csv_doc.document is not None
    rows = list(csv.reader(io.StringIO(csv_doc.document["content"].decode("utf-8-sig"))))
    assert len(rows) == 11  # header + one row per response
    assert rows[1][3].startswith("居民0")  # a named survey says whose answers they are
    # Closing by the clock: the summary is pushed to the organiser.
    from bot.features.surveys import jobs

    bot.clock.set(datetime(2026, 3, 9, 10, 1, tzinfo=UTC))
    await jobs.tick(bot.runtime)
    await bot.drain()
    summary = await org.wait_message(predicate=lambda m: "问卷已结束" in (m.text or ""))
    assert "共 10 份" in (summary.text or "")
    chart = await org.wait_message(predicate=lambda m: m.photo is not None)
    assert chart.photo is not None
    assert chart.photo.startswith(b"\x89PNG")
    assert await bot.sql("SELECT status FROM surveys") == [("closed",)]


async def _all_rows(bot: Bot) -> dict[str, list[dict[str, object]]]:
    def tables(connection: Connection) -> list[str]:
        return list(inspect(connection).get_table_names())

    async with bot.runtime.db.engine.connect() as connection:
        names = await connection.run_sync(tables)
    found = {}
    for name in names:
        async with bot.runtime.db.read() as session:
            result = await session.execute(text(f'SELECT * FROM "{name}"'))
            found[name] = [dict(row._mapping) for row in result]
    return found


async def test_an_anonymous_survey_holds_no_identity_in_any_table(bot: Bot) -> None:
    """After an anonymous response is sent, no row of any table links the resident to it:
    the responses and answers hold no user id and no exact time, and the rows that still
    name the resident (who took part, the invitation) hold none of the answers."""
    await make_person(bot.runtime, 7400, "Org", "organiser")
    org = bot.emu.user(7400, first_name="Org", language_code="zh")
    resident_id = await make_person(bot.runtime, 7401, "李伯伯")
    li = bot.emu.user(7401, first_name="李伯伯", language_code="zh")
    await publish_survey(bot, org, anonymous=True)
    await bot.drain()
    invitation = await li.wait_message()
    assert "匿名" in (invitation.text or "")
    await li.press("📝 开始填写")
    first = await li.wait_message()
    assert "本问卷匿名" in (first.text or "")
    await tap(bot, li, "长风二村")
    await tap(bot, li, "其他（请说明）")
    await li.send("一个照相馆ZXQ")
    await li.wait_message()
    await tap(bot, li, "书法")
    await tap(bot, li, "✅ 选好了")
    for label in ("摄影", "洗衣", "理发"):
        await tap(bot, li, label)
    await li.send("楼下路灯坏了QWV")
    await li.wait_message()
    assert "谢谢您！匿名问卷" in await tap(bot, li, "✅ 提交")
    rows = await _all_rows(bot)
    secrets = ("ZXQ", "QWV")
    identity = (resident_id, 7401, "李伯伯")
    user_columns = {"user_id", "created_by", "entered_by", "actor_id", "telegram_id", "id"}
    for table, table_rows in rows.items():
        for row in table_rows:
            holds_answer = any(s in str(v) for v in row.values() for s in secrets)
            names_person = any(
                (k in user_columns and v in identity and (k != "id" or table == "users"))
                or v in ("李伯伯", 7401)
                for k, v in row.items()
            )
            assert not (holds_answer and names_person), (table, row)
            if table in ("survey_responses", "survey_answers"):
                assert not names_person, (table, row)
    (response,) = rows["survey_responses"]
    assert response["user_id"] is None
    assert sum(1 for r in rows["survey_answers"] if r["text"]) == 2
    # The times kept are the start of the local day, not the moment of sending.
    assert str(response["submitted_at"]).startswith(("2026-03-01 16:00", "2026-03-01T16:00"))
    assert rows["survey_participants"] == [{"survey_id": 1, "user_id": resident_id}]
    # The resident cannot reopen it, and is told why.
    await li.command("/surveys")
    listing = await li.wait_message()
    await li.press(listing.button_texts()[0])
    await bot.settle()
    assert "匿名回答和您的身份没有关联" in (li.callback_answers[-1].get("text") or "")


async def test_staff_enter_a_paper_response_marked_as_paper(bot: Bot) -> None:
    """/paper: a staff member types in a paper form; it counts, says paper, has no author."""
    await make_person(bot.runtime, 7500, "Org", "organiser")
    staff_id = await make_person(bot.runtime, 7501, "小张", "staff")
    org = bot.emu.user(7500, first_name="Org", language_code="zh")
    await publish_survey(bot, org)
    zhang = bot.emu.user(7501, first_name="小张", language_code="zh")
    await zhang.command("/paper")
    await zhang.wait_message()
    await zhang.press("社区需求调查")
    first = await zhang.wait_message()
    assert "纸质问卷录入" in (first.text or "")
    await tap(bot, zhang, "长风一村")
    await tap(bot, zhang, "健康驿站")
    await tap(bot, zhang, "太极")
    await tap(bot, zhang, "✅ 选好了")
    for label in ("理发", "摄影", "洗衣"):
        await tap(bot, zhang, label)
    await zhang.send("纸上写的：希望有理发")
    assert "这是一份纸质问卷" in (await zhang.wait_message()).text  # type: ignore[operator]
    assert "纸质问卷已录入" in await tap(bot, zhang, "✅ 提交")
    rows = await bot.sql("SELECT paper, user_id, entered_by, status FROM survey_responses")
    assert rows == [(True, None, staff_id, "submitted")]
    await org.command("/survey")
    await bot.settle()
    await tap(bot, org, PUBLISHED)
    await tap(bot, org, "📊 结果")
    assert any("其中纸质 1 份" in (m.text or "") for m in org.messages[-6:])


async def test_forged_buttons_residents_and_bad_files_get_polite_answers(bot: Bot) -> None:
    """Another resident's answer button changes nothing; a resident calling /survey is
    refused; a broken file lists its problems; over-long text is refused politely."""
    await make_person(bot.runtime, 7600, "Org", "organiser", lang="en")
    org = bot.emu.user(7600, first_name="Org", language_code="en")
    bad = b"title: {zh: x}\nopens: soon\nclose: 2026-03-09\nquestions:\n  - type: poll\n"
    await org.send_document(bad, "broken.yml")
    problems = (await org.wait_message()).text or ""
    assert "the survey was not saved" in problems
    assert "cannot read the time" in problems
    assert 'no question type "poll"' in problems
    await make_person(bot.runtime, 7601, "Amy", lang="en")
    await make_person(bot.runtime, 7602, "Mallory", lang="en")
    amy = bot.emu.user(7601, first_name="Amy", language_code="en")
    mallory = bot.emu.user(7602, first_name="Mallory", language_code="en")
    await publish_survey_en(bot, org)
    await bot.drain()
    await amy.wait_message()
    await amy.press("📝 Start")
    question = await amy.wait_message()
    data = question.callback_data()[0]
    await mallory.command("/survey")
    refusal = await mallory.wait_message(predicate=lambda m: "staff" in (m.text or ""))
    assert refusal.text == bot.runtime.catalog.text("en", "refused-staff-only")
    await mallory.command("/paper")
    refused_paper = await mallory.wait_message(predicate=lambda m: "staff" in (m.text or ""))
    assert refused_paper.text == refusal.text
    await mallory.press_data(data, message_id=refusal.message_id)
    await mallory.press_data("survey:pick:1:1:ABC")
    await mallory.press_data("survey:pick:99999:1:0")
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM survey_answers") == [(0,)]
    await tap(bot, amy, question.button_texts()[0])
    await tap(bot, amy, question_button(amy, "Other"))
    await amy.send("x" * 600)
    assert "at most 500 characters" in ((await amy.wait_message()).text or "")
    await amy.send("\u202e\u200b a photo studio \U0001f4f7")
    nxt = await amy.wait_message(predicate=lambda m: "Question 3" in (m.text or ""))
    assert "Question 3 of 5" in (nxt.text or "")
    assert await bot.sql("SELECT text FROM survey_answers WHERE text IS NOT NULL") == [
        ("a photo studio \U0001f4f7",)
    ]


def question_button(who: SimUser, start: str) -> str:
    return next(b for b in who.messages[-1].button_texts() if b.startswith(start))


async def publish_survey_en(bot: Bot, organiser: SimUser) -> None:
    await organiser.send_document(survey_file(), "needs.yaml")
    card = await organiser.wait_message(predicate=lambda m: "Community needs" in (m.text or ""))
    assert "Community needs" in (card.text or "")
    await tap(bot, organiser, "📣 Publish")


CHINESE_ONLY = """
title: 社区食堂满意度调查
opens: 2026-03-02 09:00
closes: 2026-03-09 18:00
audience: everyone
anonymous: false
questions:
  - type: single
    text: 您对食堂满意吗？
    options: [满意, 不满意]
"""


async def test_a_survey_given_in_one_language_previews_each_text_once(bot: Bot) -> None:
    """A file with only Chinese texts (the same text for both languages): the preview shows
    the title, the question and each option once, not "社区食堂满意度调查 / 社区食堂满意度调查"."""
    await make_person(bot.runtime, 8290, "Org", "organiser")
    organiser = bot.emu.user(8290, first_name="Org", language_code="zh")
    await organiser.command("/survey")
    await organiser.wait_message()
    await organiser.send_document(CHINESE_ONLY.encode(), "canteen.yaml")
    card = await organiser.wait_message()
    assert (card.text or "").count("社区食堂满意度调查") == 1
    before = len(organiser.messages)
    await organiser.press("👀 预览")
    await bot.settle()
    head, *rest = [m.text or "" for m in organiser.messages[before:]]
    shown = "\n".join([head, *rest])
    assert "社区食堂满意度调查 / 社区食堂满意度调查" not in shown
    assert head.count("社区食堂满意度调查") == 1, head
    assert shown.count("您对食堂满意吗？") == 2, (
        shown
    )  # the question's preview, then as residents see it
    assert "满意 / 满意" not in shown
    assert "1. 满意" in shown


async def test_text_typed_at_a_choice_question_asks_for_an_option_and_shows_it_again(
    runtime: Runtime, emulator: BotApiEmulator, clock: ManualClock, catalog: Catalog
) -> None:
    """ "太好了👍" at a question answered with buttons went to the general fallback, which
    offered to open a ticket with staff: it now says to tap an option and shows the question
    again; a plain question ("食堂几点开门") is still answered, and ten minutes after the
    last press text is no longer taken for the survey."""
    await make_person(runtime, 7150, "Org", "organiser")
    await make_person(runtime, 7151, "王阿姨")
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        bot = Bot(app=app, emu=emulator, runtime=runtime, clock=clock)
        org = emulator.user(7150, first_name="Org", language_code="zh")
        wang = emulator.user(7151, first_name="王阿姨", language_code="zh")
        await publish_survey(bot, org)
        await wang.wait_message()
        await wang.press("📝 开始填写")
        await wang.wait_message()
        assert "第2题，共5题" in await tap(bot, wang, "长风一村")
        await wang.send("太好了👍")
        await bot.settle()
        nudge, again = wang.messages[-2:]
        assert nudge.text == catalog.text("zh", "survey-press-an-option")
        assert "第2题，共5题" in (again.text or "")
        assert "食堂" in " ".join(again.button_texts())
        assert not any("转给工作人员" in " ".join(m.button_texts()) for m in wang.messages)
        await wang.send("食堂几点开门")
        await bot.settle()
        assert "社区食堂" in (wang.messages[-1].text or "")
        clock.advance(timedelta(minutes=11))
        await wang.send("好的")
        await bot.settle()
        assert wang.messages[-1].text != catalog.text("zh", "survey-press-an-option")


TEXT_FIRST = """
title: {zh: 意见征集, en: Suggestions}
opens: 2026-03-02 09:00
closes: 2026-03-09 18:00
audience: everyone
anonymous: true
questions:
  - type: text
    text: {zh: 您对中心有什么建议？, en: "Any suggestions for the centre?"}
"""


async def open_text_first(bot: Bot, organiser: int, resident: int, lang: str) -> SimUser:
    """The one-question survey above published from a file, and ``resident`` (speaking
    ``lang``) pressing its invitation: the resident, at the question."""
    await make_person(bot.runtime, organiser, "Org", "organiser")
    await make_person(bot.runtime, resident, "Qian", lang=lang)
    org = bot.emu.user(organiser, first_name="Org", language_code="zh")
    person = bot.emu.user(resident, first_name="Qian", language_code=lang)
    await org.command("/survey")
    await org.wait_message()
    await org.send_document(TEXT_FIRST.encode(), "text.yaml")
    await org.wait_message()
    await tap(bot, org, "📣 发布")
    await bot.settle()
    await person.press(person.messages[-1].button_texts()[0])
    await bot.settle()
    return person


@pytest.mark.parametrize(
    ("lang", "question", "check"),
    [("zh", "您对中心有什么建议？", "请核对"), ("en", "Any suggestions for the centre?", "check")],
)
async def test_a_required_text_question_first_is_shown_without_buttons(
    bot: Bot, lang: str, question: str, check: str
) -> None:
    """A newcomer's finding: a survey opening with a required text question has nothing to
    press (no skip, no back), its empty keyboard was refused by Telegram, and every resident
    got "something went wrong" while the survey moved on unseen."""
    qian = await open_text_first(bot, 7190, 7191, lang)
    shown = qian.messages[-1]
    assert question in shown.text
    assert shown.button_texts() == []
    assert not any("went wrong" in (m.text or "") or "出了点问题" in (m.text or "")
                   for m in qian.messages)  # fmt: skip
    await qian.send("希望多开几个书法班")
    await bot.settle()
    assert check in (qian.messages[-1].text or "").lower()
    assert "希望多开几个书法班" in (qian.messages[-1].text or "")


@pytest.mark.parametrize(
    ("lang", "back", "leave", "set_aside"),
    [("zh", "返回", "取消", "问卷先放一放"), ("en", "back", "Cancel", "survey is set aside")],
)
async def test_back_and_cancel_typed_in_a_survey_are_never_answers(
    bot: Bot, lang: str, back: str, leave: str, set_aside: str
) -> None:
    """A newcomer's "返回" at a text question was saved as her answer, and "取消" was told
    there was nothing to cancel. "返回" goes to the question before (here the first: shown
    again); "取消" sets the survey aside with its answers, and her next words are no answer."""
    sun = await open_text_first(bot, 7192, 7193, lang)
    question = sun.messages[-1].text
    await sun.send(back)
    await bot.settle()
    assert sun.messages[-1].text == question  # the first question again, nothing saved
    await sun.send(leave)
    await bot.settle()
    assert set_aside in sun.messages[-1].text
    await sun.send("明天卫生站开吗")
    await bot.settle()
    assert await bot.sql("SELECT count(*) FROM survey_answers") == [(0,)]
    assert await bot.sql("SELECT status FROM survey_responses") == [("answering",)]


@pytest.mark.parametrize(
    ("lang", "words", "check"),
    [("zh", "食堂的饭菜很好吃，", "请核对"), ("en", "The canteen is lovely. ", "check")],
)
async def test_an_over_long_text_answer_is_told_the_limit_and_given_back(
    bot: Bot, catalog: Catalog, lang: str, words: str, check: str
) -> None:
    """An answer over 500 characters: the resident is told the limit and the length in
    their language, gets the text back to copy and shorten (it was lost), is asked the same
    question again, and a shortened answer is taken; nothing over the limit is stored."""
    zhou = await open_text_first(bot, 7194, 7195, lang)
    question = zhou.messages[-1].text
    long = (words * 60).strip() + " <b>&</b>"  # said back as typed, tags and all
    before = len(zhou.messages)
    await zhou.send(long)
    await bot.settle()
    told, given_back, again = zhou.messages[before:]
    limit = catalog.text(lang, "survey-refused-too-long", limit=500, length=len(long))
    assert told.text == limit
    assert given_back.text == long
    assert again.text == question
    assert await bot.sql("SELECT COUNT(*) FROM survey_answers") == [(0,)]
    await zhou.send(long[:480])
    await bot.settle()
    assert check in (zhou.messages[-1].text or "").lower()
