"""Broadcasts that expire (issue 16): "valid until", never sent late, true status words."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.app import outbox_sender
from bot.features.broadcast import service
from bot.features.broadcast.handlers import ProgressMonitor
from bot.services import users
from frontdesk_emulator import SimUser
from tests.conftest import DEFAULT_NOW, Bot
from tests.test_broadcast import QUIET, add_residents, compose, is_progress, profile
from tests.test_roles import make_staff

SHANGHAI = ZoneInfo("Asia/Shanghai")


def local(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=SHANGHAI)


async def zh_staff(bot: Bot, telegram_id: int) -> SimUser:
    person = bot.emu.user(telegram_id, first_name="梅", language_code="zh")
    await person.command("/start")
    await person.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "梅", ["staff"], bot.clock.now())
    bot.runtime.profiles.forget(telegram_id)
    return person


async def compose_zh(staff: SimUser, text: str) -> str:
    """/broadcast in Chinese up to the summary; returns the summary's text."""
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send(text)
    await staff.wait_message()
    await staff.press("跳过")
    await staff.wait_message()
    await staff.press("跳过")
    await staff.wait_message()
    await staff.press("所有人")
    await staff.wait_message()
    await staff.press("普通")
    await staff.wait_message()
    await staff.press("立即发送")
    await staff.wait_message()  # preview header
    await staff.wait_message()  # the text itself
    return (await staff.wait_message()).text or ""


def monitor(bot: Bot) -> ProgressMonitor:
    found = bot.app.bot_data.services.get(ProgressMonitor)
    assert isinstance(found, ProgressMonitor)
    return found


def test_a_date_in_the_text_suggests_the_end_of_that_day() -> None:
    """ "明天（3月3日）食堂停业" is worth receiving until 3 March 23:59; no date, no limit."""
    from bot.services.holiday_calendar import HolidayCalendar

    calendar = HolidayCalendar({})
    now = DEFAULT_NOW  # Monday 2 March, 10:00 in Shanghai
    draft = service.Draft(text_zh="明天（3月3日）食堂停业。", text_en="Canteen closed tomorrow.")
    until = service.suggested_valid_until(draft, now, now, SHANGHAI, calendar)
    assert until == local("2026-03-03 23:59")
    plain = service.Draft(text_zh="欢迎新邻居")
    assert service.suggested_valid_until(plain, now, now, SHANGHAI, calendar) is None
    assert service.parse_valid_until("明天 18:00", now, SHANGHAI, calendar) == local(
        "2026-03-03 18:00"
    )
    assert service.parse_valid_until("tomorrow 6pm", now, SHANGHAI, calendar) == local(
        "2026-03-03 18:00"
    )
    assert service.parse_valid_until("昨天", now, SHANGHAI, calendar) is None
    assert service.parse_valid_until("随便", now, SHANGHAI, calendar) is None


async def test_a_broadcast_that_expires_during_a_pause_is_never_sent_and_reported(
    bot: Bot,
) -> None:
    """In Chinese: the text's date sets the validity, staff change it in words, pause; the
    limit passes while paused; on resume nothing goes out and the report counts the expired."""
    await add_residents(bot, 9300, 4)
    staff = await zh_staff(bot, 9400)
    await outbox_sender(bot.app).stop()  # nothing leaves until the test says so
    summary = await compose_zh(staff, "明天（3月3日）食堂停业")
    assert "有效期：3月3日（周二）23:59 之前（按内容里的日期自动设置）" in summary
    await staff.press("⏳ 修改有效期")
    await staff.wait_message()
    await staff.send("下周")  # not a time: asked again, politely
    assert "看不懂这个时间" in ((await staff.wait_message()).text or "")
    await staff.send("明天 18:00")
    for _ in range(2):
        await staff.wait_message()
    summary = (await staff.wait_message()).text or ""
    assert "有效期：3月3日（周二）18:00 之前" in summary
    await staff.press("✅ 确认")
    progress = await staff.wait_message(predicate=is_progress)
    assert "有效期至：3月3日（周二）18:00" in progress.text
    assert "📤 发送中…" in progress.text
    await staff.press("⏸ 暂停")
    assert "⏸ 已暂停" in (await staff.wait_edit(progress)).text
    bot.clock.set(local("2026-03-03 18:01"))
    await staff.press("▶️ 继续")
    await bot.settle()
    await monitor(bot).tick(force=True)
    final = bot.emu.message(staff.id, progress.message_id)
    assert final is not None
    assert "⌛ 5 条在有效期内没能发出，已过期，不会再发送。" in final.text
    assert "✅ 已完成" in final.text
    assert final.buttons == []
    assert await bot.drain() == 0
    assert bot.emu.user(9300).messages == []
    assert await bot.sql(
        "SELECT status, count(*) FROM outbox_messages WHERE source = 'broadcast:1' GROUP BY status"
    ) == [("expired", 5)]


async def test_a_broadcast_left_paused_past_its_limit_finishes_by_itself(bot: Bot) -> None:
    """Nobody resumes it: once its time is over, the held messages expire and it is done."""
    await add_residents(bot, 9500, 3)
    author = await make_staff(bot, 9600, "Mei", "staff")
    staff = await profile(bot, author.id)
    await outbox_sender(bot.app).stop()
    until = bot.clock.now() + timedelta(hours=2)
    draft = service.Draft(text_zh="今天下午停水", valid_until=until)
    async with bot.runtime.db.transaction() as session:
        created = await service.create(session, draft, staff, bot.clock.now(), SHANGHAI, QUIET)
        assert await service.pause(session, created.id, staff, bot.clock.now())
    await monitor(bot).tick(force=True)
    async with bot.runtime.db.read() as session:
        figures = await service.progress(session, created.id)
    assert figures is not None
    assert (figures.status, figures.expired) == ("paused", 0)
    bot.clock.advance(timedelta(hours=2, seconds=1))
    await monitor(bot).tick(force=True)
    async with bot.runtime.db.read() as session:
        figures = await service.progress(session, created.id)
    assert figures is not None
    assert (figures.status, figures.expired, figures.sent, figures.remaining) == ("done", 4, 0, 0)


async def test_the_sender_never_delivers_a_message_past_its_limit(bot: Bot) -> None:
    """Rows carry the limit: a sender that reaches them late marks them expired, not sent."""
    await add_residents(bot, 9700, 3)
    author = await make_staff(bot, 9800, "Mei", "staff")
    staff = await profile(bot, author.id)
    await outbox_sender(bot.app).stop()
    draft = service.Draft(text_zh="今晚演出", valid_until=bot.clock.now() + timedelta(minutes=5))
    async with bot.runtime.db.transaction() as session:
        created = await service.create(session, draft, staff, bot.clock.now(), SHANGHAI, QUIET)
    bot.clock.advance(timedelta(minutes=6))
    await bot.drain()
    assert bot.emu.user(9700).messages == []
    async with bot.runtime.db.read() as session:
        figures = await service.progress(session, created.id)
    assert figures is not None
    assert (figures.sent, figures.expired) == (0, 4)


async def test_a_scheduled_broadcast_says_scheduled_not_sending(bot: Bot) -> None:
    """Before its time, the progress and /broadcasts say "Scheduled", then "Sending"."""
    await add_residents(bot, 9900, 2, "en")
    staff = await make_staff(bot, 9950, "Mei", "staff")
    await outbox_sender(bot.app).stop()
    await compose(staff, "下午的讲座", None, ["Everyone"], when="2026-03-02 15:00")
    for _ in range(3):
        await staff.wait_message()
    await staff.press("✅ Confirm")
    progress = await staff.wait_message(predicate=is_progress)
    assert "🕒 Scheduled, not started yet" in progress.text
    assert "Sending" not in progress.text
    await staff.command("/broadcasts")
    listing = await staff.wait_message(predicate=lambda m: "Recent" in (m.text or ""))
    assert "· scheduled ·" in listing.text
    bot.clock.set(local("2026-03-02 15:00"))
    await monitor(bot).tick(force=True)
    assert "📤 Sending…" in (bot.emu.message(staff.id, progress.message_id) or progress).text


async def test_a_forged_validity_button_outside_the_conversation_changes_nothing(
    bot: Bot,
) -> None:
    """Pressing "change validity" with no draft (or as a resident) gets the stale answer."""
    resident = bot.emu.user(9990, first_name="Wang", language_code="zh")
    await resident.command("/start")
    greeting = await resident.wait_message()
    await resident.press_data("broadcast:valid", greeting)
    await bot.settle()
    assert resident.callback_answers
    assert await bot.sql("SELECT count(*) FROM broadcasts") == [(0,)]
