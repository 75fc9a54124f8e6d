"""Broadcasts: composing, audiences, quiet hours, subscriptions and pause/resume/cancel."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from bot.app import outbox_sender
from bot.features.broadcast import service
from bot.features.broadcast.handlers import ProgressMonitor
from bot.services import users
from bot.services.holiday_calendar import HolidayCalendar
from bot.storage.models import User
from frontdesk_emulator import BotMessage, SimUser
from tests.conftest import Bot
from tests.test_roles import make_staff

SHANGHAI = ZoneInfo("Asia/Shanghai")
QUIET = (time(22, 0), time(7, 30))
CALENDAR = HolidayCalendar(())
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def is_progress(message: BotMessage) -> bool:
    """The progress message (the staff member may receive the announcement itself first)."""
    return (message.text or "").startswith(("Announcement #", "通知 #"))


def local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)


async def add_residents(bot: Bot, first: int, count: int, language: str = "zh") -> None:
    """``count`` registered residents (and their emulated chats), inserted in one statement."""
    now = bot.clock.now()
    rows = [
        {
            "telegram_id": first + n,
            "first_name": f"R{n}",
            "language": language,
            "language_chosen": False,
            "created_at": now,
            "last_seen_at": now,
        }
        for n in range(count)
    ]
    async with bot.runtime.db.transaction() as session:
        await session.execute(insert(User), rows)
    for n in range(count):
        bot.emu.user(first + n, first_name=f"R{n}", language_code=language)


async def profile(bot: Bot, telegram_id: int) -> users.Profile:
    async with bot.runtime.db.read() as session:
        found = await users.find(session, telegram_id)
    assert found is not None
    return found


# -- rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2026-03-02 23:00", "2026-03-03 07:30"),
        ("2026-03-03 06:00", "2026-03-03 07:30"),
        ("2026-03-02 22:00", "2026-03-03 07:30"),
        ("2026-03-03 07:30", "2026-03-03 07:30"),
        ("2026-03-02 12:00", "2026-03-02 12:00"),
    ],
)
def test_quiet_hours_move_a_start_to_their_end(when: str, expected: str) -> None:
    """A time inside 22:00–07:30 (across midnight) moves to 07:30; others stay."""
    moved = service.after_quiet_hours(local(when), SHANGHAI, *QUIET)
    assert moved == local(expected).astimezone(UTC)


def test_urgent_ignores_quiet_hours() -> None:
    """An urgent broadcast starts when asked even at night."""
    night = local("2026-03-02 23:00").astimezone(UTC)
    draft = service.Draft(text_zh="x", urgent=True)
    assert service.start_time(draft, night, SHANGHAI, QUIET) == night
    assert service.start_time(service.Draft(text_zh="x"), night, SHANGHAI, QUIET) > night


@pytest.mark.parametrize(
    ("text", "caption", "problem"),
    [
        ("<b>食堂</b>明天<i>晚</i>开 <a href='https://x.cn'>详情</a>", False, None),
        ("<b>unclosed", False, "broadcast-html-invalid"),
        ("<div>x</div>", False, "broadcast-html-invalid"),
        ("<b>a<i>b</b></i>", False, "broadcast-html-invalid"),
        ("1 < 2", False, "broadcast-html-invalid"),
        ("1 &lt; 2 &amp; 3", False, None),
        ("<b> </b>", False, "broadcast-text-empty"),
        ("字" * 4096, False, None),
        ("字" * 4097, False, "broadcast-text-too-long"),
        ("<b>" + "x" * 1024 + "</b>", True, None),
        ("x" * 1025, True, "broadcast-text-too-long"),
    ],
)
def test_html_is_checked_like_telegram(text: str, caption: bool, problem: str | None) -> None:
    """Telegram's tag subset, nesting and length after parsing (4096, or 1024 as a caption)."""
    assert service.check_html(text, caption=caption).problem == problem


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("2026-03-05 09:00", "2026-03-05 09:00"),
        ("明天上午9点", "2026-03-03 09:00"),
        ("周五下午3点", "2026-03-06 15:00"),
        ("tomorrow 9am", "2026-03-03 09:00"),
        ("Friday 3pm", "2026-03-06 15:00"),
        ("下午3点", "2026-03-02 15:00"),  # a time alone is today
    ],
)
def test_a_sending_time_is_read_from_words(words: str, expected: str) -> None:
    """Staff write the time as they would say it, in Chinese or English (Monday 2 March)."""
    now = local("2026-03-02 10:00").astimezone(UTC)
    assert service.parse_when(words, now, SHANGHAI, CALENDAR) == local(expected)


@pytest.mark.parametrize(
    ("words", "problem"),
    [
        ("2026-03-01 09:00", service.WhenProblem.PAST),
        ("上午9点", service.WhenProblem.PAST),  # today, but already gone
        ("2026-13-01 09:00", service.WhenProblem.UNREAD),  # not "today at 09:00"
        ("tomorrow", service.WhenProblem.UNREAD),  # a day needs its time
        ("soon", service.WhenProblem.UNREAD),
        ("2027-03-05 09:00", service.WhenProblem.TOO_FAR),
    ],
)
def test_a_sending_time_in_the_past_far_off_or_unread_is_refused(
    words: str, problem: service.WhenProblem
) -> None:
    """Past times, times beyond 90 days and days without a time are refused with the reason."""
    now = local("2026-03-02 10:00").astimezone(UTC)
    assert service.parse_when(words, now, SHANGHAI, CALENDAR) == problem


async def test_audiences_leave_out_the_blocked_and_respect_topics(bot: Bot) -> None:
    """Everyone minus the blocked; a topic minus those who opted out, unless urgent."""
    await add_residents(bot, 7000, 6, "zh")
    await add_residents(bot, 7100, 2, "en")
    await bot.sql("SELECT 1")
    async with bot.runtime.db.transaction() as session:
        await users.mark_blocked(session, 7000, bot.clock.now())
        opted = await users.find(session, 7001)
        assert opted is not None
        assert await service.toggle_topic(session, opted.id, "health", bot.clock.now()) is False
    async with bot.runtime.db.read() as session:
        assert await service.audience_size(session, "everyone", None, False) == 7
        assert await service.audience_size(session, "topic", "health", False) == 6
        assert await service.audience_size(session, "topic", "health", True) == 7
        assert await service.audience_size(session, "topic", "canteen", False) == 7
        assert await service.audience_size(session, "language", "en", False) == 2
        with pytest.raises(ValueError, match="unknown audience"):
            await service.audience_size(session, "topic", "gossip", False)


async def test_confirmed_broadcast_sends_each_language_its_version(bot: Bot) -> None:
    """English speakers get the English text, everyone else the Chinese; audited."""
    await add_residents(bot, 7200, 3, "zh")
    await add_residents(bot, 7300, 2, "en")
    author = await make_staff(bot, 7400, "Mei", "staff")
    draft = service.Draft(text_zh="<b>通知</b>", text_en="<b>Notice</b>")
    async with bot.runtime.db.transaction() as session:
        created = await service.create(
            session, draft, await profile(bot, author.id), bot.clock.now(), SHANGHAI, QUIET
        )
    assert created.total == 6
    await bot.drain()
    assert bot.emu.user(7200).last is not None
    assert bot.emu.user(7200).last.text == "通知"
    assert bot.emu.user(7301).last is not None
    assert bot.emu.user(7301).last.text == "Notice"
    assert author.last is not None
    assert author.last.text == "Notice"
    actions = await bot.sql("SELECT action, subject FROM audit_log")
    assert actions == [("broadcast.create", f"broadcast:{created.id}")]


async def test_pause_holds_resume_sends_cancel_withdraws(bot: Bot) -> None:
    """Paused rows are out of the sender's reach; resume sends them; cancel withdraws held ones."""
    await add_residents(bot, 7500, 5)
    author = await make_staff(bot, 7600, "Mei", "staff")
    staff = await profile(bot, author.id)
    await outbox_sender(bot.app).stop()  # this test drives delivery itself
    async with bot.runtime.db.transaction() as session:
        first = await service.create(
            session, service.Draft(text_zh="一"), staff, bot.clock.now(), SHANGHAI, QUIET
        )
        second = await service.create(
            session, service.Draft(text_zh="二"), staff, bot.clock.now(), SHANGHAI, QUIET
        )
        assert await service.pause(session, first.id, staff, bot.clock.now())
        assert await service.pause(session, second.id, staff, bot.clock.now())
        assert not await service.pause(session, first.id, staff, bot.clock.now())
    assert await bot.drain() == 0
    async with bot.runtime.db.transaction() as session:
        assert await service.resume(session, first.id, staff, bot.clock.now())
        assert await service.cancel(session, second.id, staff, bot.clock.now())
    assert await bot.drain() == 6
    async with bot.runtime.db.transaction() as session:
        done = await service.finish_if_done(session, first.id, bot.clock.now())
        figures = await service.progress(session, second.id)
    assert done
    assert figures is not None
    assert (figures.status, figures.cancelled, figures.sent) == ("cancelled", 6, 0)
    assert [m.text for m in bot.emu.user(7500).messages] == ["一"]


# -- the conversation ------------------------------------------------------------------------


async def compose(
    staff: SimUser, zh: str, en: str | None, audience: list[str], when: str = "Send now"
) -> None:
    """Walk through /broadcast up to the summary."""
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send(zh)
    await staff.wait_message()  # photo?
    await staff.press("Skip")
    await staff.wait_message()  # English?
    if en is None:
        await staff.press("Skip")
    else:
        await staff.send(en)
    await staff.wait_message()  # audience
    for label in audience:
        await staff.press(label)
        await staff.wait_message()
    await staff.press("Normal")
    await staff.wait_message()  # when
    if when == "Send now":
        await staff.press(when)
    else:
        await staff.send(when)
        read = await staff.wait_message()  # how the time was read, before the preview
        assert read.text.startswith("🕒 Got it: to be sent")


async def test_broadcast_conversation_previews_confirms_and_reports(bot: Bot) -> None:
    """/broadcast end to end: preview of both versions, audience size, confirm, progress, done."""
    await add_residents(bot, 8000, 4, "zh")
    await add_residents(bot, 8100, 2, "en")
    staff = await make_staff(bot, 8200, "Mei", "staff")
    await compose(staff, "<b>食堂</b>明天晚开", "<b>Canteen</b> opens late", ["Everyone"])
    texts = [(await staff.wait_message()).text for _ in range(5)]
    assert texts[:4] == [
        "Preview — what Chinese-speaking residents will see:",
        "食堂明天晚开",
        "Preview — what English-speaking residents will see:",
        "Canteen opens late",
    ]
    assert "Audience: Everyone — 7 people" in texts[4]
    assert "When: now" in texts[4]
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(predicate=is_progress)
    assert progress.text.startswith("Announcement #1")
    assert progress.button_texts() == ["⏸ Pause", "✖️ Cancel"]
    await bot.drain()
    monitor = bot.app.bot_data.services.get(ProgressMonitor)
    assert isinstance(monitor, ProgressMonitor)
    await monitor.tick(force=True)
    final = bot.emu.message(staff.id, progress.message_id)
    assert final is not None
    assert "Sent 7 / 7 · failed 0 · blocked 0 · remaining 0" in final.text
    assert "✅ Finished" in final.text
    assert final.buttons == []
    assert bot.emu.user(8000).last is not None
    assert bot.emu.user(8000).last.html == "<b>食堂</b>明天晚开"
    await staff.command("/broadcasts")
    listing = await staff.wait_message(predicate=lambda m: "Recent" in (m.text or ""))
    assert "#1" in listing.text
    assert "finished · sent 7/7" in listing.text


async def test_topic_audience_and_quiet_hours_in_the_conversation(bot: Bot) -> None:
    """A topic audience counts followers only, and a night-time start waits until 07:30."""
    await add_residents(bot, 8300, 3, "zh")
    staff = await make_staff(bot, 8400, "Mei", "staff")
    async with bot.runtime.db.transaction() as session:
        person = await users.find(session, 8300)
        assert person is not None
        await service.toggle_topic(session, person.id, "health", bot.clock.now())
    await compose(staff, "体检", None, ["Followers of a topic", "Health"], "2026-03-02 23:30")
    await staff.wait_message()
    await staff.wait_message()
    summary = await staff.wait_message()
    assert "Followers of a topic: Health — 3 people" in summary.text
    assert "When: Tue 3 Mar 07:30 (moved to the end of quiet hours)" in summary.text
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(predicate=is_progress)
    assert "Scheduled for Tue 3 Mar 07:30" in progress.text
    assert await bot.drain() == 0
    bot.clock.set(local("2026-03-03 07:30"))
    assert await bot.drain() == 3
    assert bot.emu.user(8300).messages == []


async def test_a_sending_time_in_chinese_words_is_read_back_and_scheduled(bot: Bot) -> None:
    """ "明天上午9点" at the time step: the bot says how it read it, in the project's date
    style, and the broadcast waits until then; "昨天上午9点" is refused as past."""
    await add_residents(bot, 8600, 2, "zh")
    mei = bot.emu.user(8700, first_name="梅", language_code="zh")
    await mei.command("/start")
    await mei.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 8700, "梅", ["staff"], bot.clock.now())
    bot.runtime.profiles.forget(8700)
    await mei.command("/broadcast")
    await mei.wait_message()
    await mei.send("明早义诊")
    await mei.wait_message()
    await mei.press("跳过")
    await mei.wait_message()
    await mei.press("跳过")
    await mei.wait_message()
    await mei.press("所有人")
    await mei.wait_message()
    await mei.press("普通")
    await mei.wait_message()
    await mei.send("昨天上午9点")
    assert "这个时间已经过去了" in (await mei.wait_message()).text
    await mei.send("明天上午9点")
    assert (await mei.wait_message()).text == "🕒 好的，定在 3月3日（周二）09:00 发送。"
    for _ in range(2):
        await mei.wait_message()  # the preview
    summary = await mei.wait_message()
    assert "时间：3月3日（周二）09:00" in summary.text
    await mei.press("✅ 确认")
    await mei.wait_message(predicate=is_progress)
    assert await bot.drain() == 0
    bot.clock.set(local("2026-03-03 09:00"))
    assert await bot.drain() == 3  # the two residents and 梅 herself


async def test_bad_html_and_bad_dates_get_polite_answers(bot: Bot) -> None:
    """Broken tags and impossible dates are explained; the conversation stays at that step."""
    staff = await make_staff(bot, 8500, "Mei", "staff")
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send("<b>食堂")
    assert "would not accept this formatting" in (await staff.wait_message()).text
    await staff.send("x" * 4100)
    assert "too long: 4,100 characters" in (await staff.wait_message()).text
    await staff.send("食堂")
    await staff.wait_message()
    await staff.send_photo(PNG)
    await staff.wait_message()  # English?
    await staff.press("Skip")
    await staff.wait_message()
    await staff.press("Everyone")
    await staff.wait_message()
    await staff.press("Normal")
    await staff.wait_message()
    await staff.send("2020-01-01 10:00")
    assert "already passed" in (await staff.wait_message()).text
    await staff.send("whenever")
    assert "could not read that time" in (await staff.wait_message()).text
    await staff.command("/cancel")
    assert (await staff.wait_message()).text == "The announcement was not sent."
    assert await bot.sql("SELECT count(*) FROM broadcasts") == [(0,)]


async def test_photo_broadcast_reuses_the_photo_with_its_caption(bot: Bot) -> None:
    """A photo sent first carries the Chinese text as caption, for every recipient."""
    await add_residents(bot, 8600, 2)
    staff = await make_staff(bot, 8700, "Mei", "staff")
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send_photo(PNG, caption="新学期开始")
    await staff.wait_message()
    await staff.press("Skip")
    await staff.wait_message()
    await staff.press("Everyone")
    await staff.wait_message()
    await staff.press("Normal")
    await staff.wait_message()
    await staff.press("Send now")
    await staff.wait_message()
    preview = await staff.wait_message()
    assert preview.kind == "photo"
    assert preview.caption == "新学期开始"
    await staff.wait_message()
    await staff.press("✅ Confirm")
    await staff.wait_message()
    await bot.drain()
    received = bot.emu.user(8601).last
    assert received is not None
    assert (received.kind, received.caption) == ("photo", "新学期开始")


async def test_residents_cannot_broadcast(bot: Bot) -> None:
    """/broadcast from a resident is refused politely and starts nothing."""
    resident = bot.emu.user(8800, first_name="Wu", language_code="en")
    await resident.command("/broadcast")
    assert (await resident.wait_message()).text == "Sorry, this command is for staff only."
    await resident.send("ok")  # no broadcast form was opened: "ok" is just acknowledged
    assert (await resident.wait_message()).text.startswith("All right!")


async def test_progress_buttons_pause_resume_and_reject_forgeries(bot: Bot) -> None:
    """Pause shows Resume; resume continues; a forged or stale press changes nothing."""
    await add_residents(bot, 8900, 3)
    staff = await make_staff(bot, 9000, "Mei", "staff")
    await outbox_sender(bot.app).stop()
    await compose(staff, "通知", None, ["Everyone"])
    for _ in range(3):  # preview header, the text, the summary
        await staff.wait_message()
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(predicate=is_progress)
    await staff.press("⏸ Pause")
    paused = await staff.wait_edit(progress)
    assert "⏸ Paused" in paused.text
    assert paused.button_texts() == ["▶️ Resume", "✖️ Cancel"]
    assert await bot.drain() == 0
    await staff.press_data("broadcast:pause:1", progress)
    await staff.press_data("broadcast:pause:99999", progress)
    await bot.settle()
    stale = "This announcement can no longer be changed that way."
    assert [a.get("text") for a in staff.callback_answers][-2:] == [stale, stale]
    await staff.press("▶️ Resume")
    await staff.wait_edit(progress)
    assert await bot.drain() == 4
    resident = bot.emu.user(8900, first_name="R0")
    await resident.press_data("broadcast:cancel:1", resident.last)
    await bot.settle()
    assert resident.callback_answers[-1].get("text") == bot.runtime.catalog.text(
        "zh", "refused-staff-only"
    )


async def test_subscriptions_toggle_with_checkmarks(bot: Bot) -> None:
    """/subscriptions shows ✅ on followed topics; a press toggles one; forged ones are refused."""
    resident = bot.emu.user(9100, first_name="Wu", language_code="en")
    await resident.command("/subscriptions")
    menu = await resident.wait_message()
    assert menu.button_texts() == ["✅ Canteen", "✅ Health", "✅ Night school", "✅ Events"]
    await resident.press("✅ Health")
    edited = await resident.wait_edit(menu)
    assert edited.button_texts()[1] == "◻️ Health"
    assert await bot.sql("SELECT topic FROM topic_optouts") == [("health",)]
    await resident.press("◻️ Health")
    await resident.wait_edit(menu)
    assert await bot.sql("SELECT topic FROM topic_optouts") == []
    await resident.press_data("broadcast:sub:gossip", menu)
    await bot.settle()
    assert resident.callback_answers[-1].get("text") == (
        "This button is no longer valid; please open the menu again."
    )


async def test_blocked_residents_are_marked_and_left_out_later(bot: Bot) -> None:
    """A 403 marks the resident; the next broadcast's audience leaves them out."""
    await add_residents(bot, 9200, 3)
    staff = await profile(bot, (await make_staff(bot, 9300, "Mei", "staff")).id)
    bot.emu.block(9201, notify=False)
    async with bot.runtime.db.transaction() as session:
        first = await service.create(
            session, service.Draft(text_zh="一"), staff, bot.clock.now(), SHANGHAI, QUIET
        )
    await bot.drain()
    async with bot.runtime.db.read() as session:
        figures = await service.progress(session, first.id)
    assert figures is not None
    assert (figures.sent, figures.blocked) == (3, 1)
    bot.clock.advance(timedelta(minutes=1))
    async with bot.runtime.db.transaction() as session:
        second = await service.create(
            session, service.Draft(text_zh="二"), staff, bot.clock.now(), SHANGHAI, QUIET
        )
    assert second.total == 3


@pytest.mark.parametrize(("lang", "word"), [("zh", "已完成"), ("en", "finished")])
async def test_broadcasts_says_finished_once_nothing_is_left_before_the_job_marks_it(
    bot: Bot, lang: str, word: str
) -> None:
    """Every message sent but the progress job not yet run (the row still "active"):
    /broadcasts says finished, not "sending" beside "remaining 0"."""
    for job in bot.app.job_queue.get_jobs_by_name("broadcast-progress"):  # type: ignore[union-attr]
        job.schedule_removal()
    await add_residents(bot, 8700, 3, "zh")
    staff = await make_staff(bot, 8750, "Mei", "staff")
    await compose(staff, "今晚停水", "No water tonight", ["Everyone"])
    for _ in range(5):
        await staff.wait_message()
    await staff.press("✅ Confirm")
    await staff.wait_message(predicate=is_progress)
    await bot.drain()
    assert await bot.sql("SELECT status FROM broadcasts") == [("active",)]
    async with bot.runtime.db.transaction() as session:
        me = await users.find(session, staff.id)
        assert me is not None
        await users.set_language(session, me.id, lang)
    await staff.command("/broadcasts")
    listing = await staff.wait_message(predicate=lambda m: "#1" in (m.text or ""))
    line = next(x for x in listing.text.splitlines() if "#1" in x)
    assert f"· {word} ·" in line, line
    assert "发送中" not in line
    assert "sending" not in line


async def test_skip_typed_at_the_photo_and_english_steps_is_the_skip_button(bot: Bot) -> None:
    """ "跳过" typed where a photo is asked, "skip" where the English version is: both skip
    (the English step stored "skip" as the English text, the photo step refused it)."""
    staff = await make_staff(bot, 8300, "Mei", "staff")
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send("明天食堂停业一天")
    await staff.wait_message()  # photo?
    await staff.send("跳过")
    english = await staff.wait_message()
    assert english.button_texts() == ["Skip"]  # the English step
    await staff.send("skip")
    audience = await staff.wait_message()
    assert "Everyone" in audience.button_texts()
    await staff.press("Everyone")
    await staff.wait_message()
    await staff.press("Normal")
    await staff.wait_message()  # when
    await staff.press("Send now")
    await staff.wait_message(predicate=lambda m: "Ready to send" in (m.text or ""))
    texts = [m.text or "" for m in staff.messages]
    assert "skip" not in texts  # no English version made of the word
    assert not any("not what I asked" in text for text in texts)


@pytest.mark.parametrize("button", ["⏸ Pause", "✖️ Cancel"])
async def test_pause_or_cancel_on_a_broadcast_already_sent_is_refused_and_it_stays_finished(
    bot: Bot, button: str
) -> None:
    """Everything delivered before the progress job ran: ⏸ (or ✖️) on the stale message is
    answered "already sent", the broadcast stays finished, and the buttons go (it sat
    "paused" forever, its remaining 0 held by nothing)."""
    for job in bot.app.job_queue.get_jobs_by_name("broadcast-progress"):  # type: ignore[union-attr]
        job.schedule_removal()
    await add_residents(bot, 8600, 3, "zh")
    staff = await make_staff(bot, 8650, "Mei", "staff")
    await compose(staff, "明天食堂停业", None, ["Everyone"])
    for _ in range(3):
        await staff.wait_message()
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(predicate=is_progress)
    await bot.drain()
    await staff.press(button)
    finished = await staff.wait_edit(progress)
    assert staff.callback_answers[-1].get("text") == bot.runtime.catalog.text(
        "en", "broadcast-control-finished"
    )
    assert "✅ Finished" in finished.text
    assert "Paused" not in finished.text
    assert finished.button_texts() == []
    assert await bot.sql("SELECT status FROM broadcasts") == [("done",)]
    await ProgressMonitor(bot.app).tick(force=True)
    assert await bot.sql("SELECT status FROM broadcasts") == [("done",)]
    await staff.command("/broadcasts")
    listing = await staff.wait_message(predicate=lambda m: "#1" in (m.text or ""))
    assert "· finished ·" in listing.text


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_text_at_the_photo_step_is_told_a_photo_or_skip_is_wanted(
    bot: Bot, lang: str
) -> None:
    """The English version typed where a photo is asked: the answer says this step wants a
    photo or Skip (English comes next) and keeps the Skip button, not "not what I asked"."""
    staff = await make_staff(bot, 8350, "Mei", "staff")
    async with bot.runtime.db.transaction() as session:
        me = await users.find(session, staff.id)
        assert me is not None
        await users.set_language(session, me.id, lang)
    t = bot.runtime.catalog.translator(lang)
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send("明天食堂停业一天")
    await staff.wait_message()  # photo?
    await staff.send("The canteen is closed tomorrow")
    hint = await staff.wait_message()
    assert hint.text == t("broadcast-photo-expected")
    assert hint.button_texts() == [t("broadcast-skip")]
    await staff.press(t("broadcast-skip"))
    english = await staff.wait_message()
    assert english.text == re.sub(r"</?b>", "", t("broadcast-ask-en"))  # shown as bold


async def test_mydata_counts_the_announcements_each_resident_received(bot: Bot) -> None:
    """A broadcast sent with /broadcast is one stored message per recipient: after it arrives,
    each resident's /mydata counts it among the messages we sent them (in their language),
    and the attached file has its text; a resident it was not sent to counts none."""
    wang = bot.emu.user(8501, first_name="Wang", language_code="zh")
    alice = bot.emu.user(8502, first_name="Alice", language_code="en")
    for person in (wang, alice):
        await person.command("/start")
        await person.wait_message()
    staff = await make_staff(bot, 8503, "Mei", "staff")
    await compose(staff, "食堂明天晚开", "Canteen opens late", ["By language", "English speakers"])
    await staff.wait_message(predicate=lambda m: "✅ Confirm" in m.button_texts())
    await staff.press("✅ Confirm")
    await staff.wait_message(predicate=is_progress)
    await compose(staff, "夜校春季班开始报名", None, ["Everyone"])
    await staff.wait_message(predicate=lambda m: "✅ Confirm" in m.button_texts())
    await staff.press("✅ Confirm")
    await staff.wait_message(predicate=is_progress)
    await bot.drain()
    assert [m.text for m in alice.messages[-2:]] == ["Canteen opens late", "夜校春季班开始报名"]
    assert wang.messages[-1].text == "夜校春季班开始报名"
    catalog = bot.runtime.catalog
    for person, lang, count in ((alice, "en", 2), (wang, "zh", 1)):
        await person.command("/mydata")
        exported = await person.wait_message(predicate=lambda m: m.document is not None)
        summary = await person.wait_message()
        title = catalog.text(lang, "privacy-section-messages")
        line = catalog.text(lang, "privacy-summary-line", title=title, count=count)
        assert line in summary.text
        assert exported.document is not None
        data = json.loads(exported.document["content"].decode("utf-8"))
        kinds = [m["kind"] for m in data["sections"]["messages"]["messages"]]
        assert kinds == ["broadcast:1", "broadcast:2"][2 - count :]


@pytest.mark.parametrize(
    ("lang", "when"), [("zh", "3月4日（周三）08:05"), ("en", "Wed 4 Mar 08:05")]
)
async def test_broadcasts_dates_are_shanghai_days_as_elsewhere_in_the_bot(
    bot: Bot, lang: str, when: str
) -> None:
    """/broadcasts shows when each announcement was made in Shanghai time, as the rest of
    the bot writes a day ("3月4日（周三）08:05"), not "03-04 08:05"; 00:05 UTC is 08:05 there."""
    await add_residents(bot, 8800, 2, "zh")
    author = await make_staff(bot, 8850, "Mei", "staff")
    bot.clock.set(datetime(2026, 3, 4, 0, 5, tzinfo=UTC))
    draft = service.Draft(text_zh="今晚停水", text_en="No water tonight")
    async with bot.runtime.db.transaction() as session:
        me = await profile(bot, author.id)
        await service.create(session, draft, me, bot.clock.now(), SHANGHAI, QUIET)
        await users.set_language(session, me.id, lang)
    await author.command("/broadcasts")
    listing = await author.wait_message(predicate=lambda m: "#1" in (m.text or ""))
    line = next(x for x in (listing.text or "").splitlines() if "#1" in x)
    assert line.startswith(f"#1 {when} · Mei · "), line
