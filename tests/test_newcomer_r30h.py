"""Round thirty, newcomer tester h: what a resident reads when the question's language is not
the client's, and the little words around the hours.

- "what classes do you have" from a Chinese client: the "did you mean…" titles are English,
  and the answer of the title pressed is English too (it came in Chinese, the profile's).
  A button sent before the language travelled with it still answers in the profile's.
- "卫生站明天下午几点关门" from an English client, answered in Chinese: its 📅 week button opens
  the week in Chinese too, and the week's "« 返回全部场馆" every venue in Chinese (both came in
  English). Buttons sent before the language travelled with them follow the profile.
- "明天早上卫生站几点开": "上午 08:00 开门。", with its full stop like every other lead line.

The bot's clock is injected (the tests' clock), never the real date."""

from __future__ import annotations

from bot.callbacks import encode
from bot.features.hours.buttons import Week, WeekIn
from bot.features.questions.buttons import FaqEntry, FaqIn
from bot.i18n import Catalog
from tests.conftest import Bot


async def test_a_suggestion_is_answered_in_the_language_of_its_title(
    bot: Bot, catalog: Catalog
) -> None:
    entry = bot.runtime.centre.faq[0]
    wang = bot.emu.user(8811, first_name="王", language_code="zh")
    await wang.send("/start")
    await bot.settle()
    await wang.press_data(encode(FaqIn(entry.id, "en")))
    answer = await wang.wait_message(predicate=lambda m: entry.title.en in (m.text or ""))
    assert entry.answer.get("en") in (answer.text or "")
    alice = bot.emu.user(8812, first_name="Alice", language_code="en")
    await alice.send("/start")
    await bot.settle()
    await alice.press_data(encode(FaqIn(entry.id, "zh")))
    answer = await alice.wait_message(predicate=lambda m: entry.title.zh in (m.text or ""))
    assert entry.answer.get("zh") in (answer.text or "")


async def test_an_old_suggestion_button_follows_the_profile(bot: Bot, catalog: Catalog) -> None:
    entry = bot.runtime.centre.faq[0]
    alice = bot.emu.user(8813, first_name="Alice", language_code="en")
    await alice.send("/start")
    await bot.settle()
    await alice.press_data(encode(FaqEntry(entry.id)))
    answer = await alice.wait_message(predicate=lambda m: entry.title.en in (m.text or ""))
    assert entry.answer.get("en") in (answer.text or "")


async def test_the_suggestions_carry_the_question_language(bot: Bot) -> None:
    """Whatever entries the matcher suggests, their buttons say which language to answer in."""
    wang = bot.emu.user(8814, first_name="王", language_code="zh")
    await wang.send("what classes do you have")
    reply = await wang.wait_message()
    data = [b.get("callback_data", "") for row in reply.buttons for b in row]
    faq_buttons = [d for d in data if d.startswith("qa:faq")]
    assert all(d.startswith("qa:faqin:") and d.endswith(":en") for d in faq_buttons)


def test_half_a_day_ends_with_a_full_stop(catalog: Catalog) -> None:
    """ "明天早上卫生站几点开": "上午 08:00 开门。" then the day's line, as the English "Opens at
    08:00 in the morning." and as "晚餐 17:00–18:30。" of a meal asked."""
    assert catalog.text("zh", "qa-part-opens", part="morning", time="08:00") == "上午 08:00 开门。"
    for key in ("closes", "open-until", "opens", "open-from", "closed"):
        for part in ("morning", "afternoon"):
            zh = catalog.text("zh", f"qa-part-{key}", part=part, time="12:00")
            en = catalog.text("en", f"qa-part-{key}", part=part, time="12:00")
            assert zh.endswith("。"), zh
            assert en.endswith("."), en


async def test_the_week_under_an_answer_is_in_the_answers_language(
    bot: Bot, catalog: Catalog
) -> None:
    alice = bot.emu.user(8815, first_name="Alice", language_code="en")
    await alice.command("/hours")
    overview = await alice.wait_message()
    await alice.press_data(encode(WeekIn("health_station", 0, "zh")), overview.message_id)
    week = await alice.wait_edit(overview)
    assert week.text.startswith("社区卫生服务站 · 未来一周")
    assert week.button_texts()[0] == catalog.text("zh", "hours-week-back")
    await alice.press(catalog.text("zh", "hours-week-back"))
    again = await alice.wait_edit(week)
    assert catalog.text("zh", "hours-overview-footer") in again.text
    # a Chinese answer's button now says so (the matcher may word the question any way)
    wang = bot.emu.user(8816, first_name="Wang", language_code="zh")
    await wang.send("is the canteen open tomorrow?")
    reply = await wang.wait_message()
    data = [b.get("callback_data", "") for row in reply.buttons for b in row]
    assert data
    assert all(d.startswith("hours:week:") and d.endswith(":en") for d in data)


async def test_an_old_week_button_follows_the_profile(bot: Bot, catalog: Catalog) -> None:
    alice = bot.emu.user(8817, first_name="Alice", language_code="en")
    await alice.command("/hours")
    overview = await alice.wait_message()
    await alice.press_data(encode(Week("gym")), overview.message_id)
    week = await alice.wait_edit(overview)
    assert week.text.startswith("Changfeng Bay gym · the next 7 days")
    assert week.button_texts()[0] == catalog.text("en", "hours-week-back")
