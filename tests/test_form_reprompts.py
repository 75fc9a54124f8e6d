"""A step asked again shows the buttons it showed the first time: an answer refused, a
sticker where text was wanted, or text where a button was wanted ("this step is still
waiting") no longer sends the person scrolling back for the step's keyboard."""

from __future__ import annotations

import pytest

from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_events import make_event

VENUE = {"zh": "活动室", "en": "Activity rooms"}


async def _staff(bot: Bot, telegram_id: int, lang: str) -> SimUser:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    return bot.emu.user(telegram_id, first_name="Li", language_code=lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_newevent_asks_again_with_the_venues_and_the_preview_buttons(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/newevent: an unknown venue and a sticker at the venue step are answered with the
    venues' keyboard again; text typed at the preview gets "still waiting" with Publish /
    Drop under it, and that Publish publishes."""
    li = await _staff(bot, 9401, lang)
    await li.command("/newevent")
    await li.wait_message()
    for text in ("包粽子", "Zongzi", "一起包粽子", "Make zongzi together"):
        await li.send(text)
        asked = await li.wait_message()
    assert asked.keyboard is not None
    venues = asked.keyboard
    assert [VENUE[lang]] in [[name] for row in venues for name in row]
    await li.send("火星")
    refused = await li.wait_message()
    assert refused.text == catalog.text(lang, "events-bad-venue")
    assert refused.keyboard == venues
    await li.send_sticker()
    sticker = await li.wait_message()
    assert sticker.text == catalog.text(lang, "events-text-only")
    assert sticker.keyboard == venues
    for text in (VENUE[lang], "3月20日下午2点到4点", "20", "0"):
        await li.send(text)
        preview = await li.wait_message()
    publish, drop = (catalog.text(lang, k) for k in ("events-btn-publish", "events-btn-drop"))
    assert preview.button_texts() == [publish, drop]
    await li.send("ok")
    waiting = await li.wait_message()
    assert waiting.text == catalog.text(lang, "form-step-waiting")
    assert waiting.button_texts() == [publish, drop]
    await li.press(publish)
    assert (await li.wait_message()).text == catalog.text(lang, "events-created", id=1)
    assert await bot.sql("SELECT title_zh, venue_id FROM events") == [("包粽子", "activity_rooms")]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_editevent_asks_again_with_the_field_menu(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/editevent: a field number that is none is refused with the field buttons again, and
    after a save with them and "Done"."""
    event_id = await make_event(bot, capacity=5)
    li = await _staff(bot, 9402, lang)
    await li.command(f"/editevent {event_id}")
    menu = await li.wait_message()
    fields = menu.button_texts()
    assert catalog.text(lang, "events-field-capacity") in fields
    await li.send("42")
    refused = await li.wait_message()
    assert refused.text == catalog.text(lang, "events-bad-field")
    assert refused.button_texts() == fields
    await li.press(catalog.text(lang, "events-field-capacity"))
    await li.wait_message()
    await li.send("8")
    saved = await li.wait_message()
    assert saved.button_texts() == [*fields, catalog.text(lang, "events-btn-edit-done")]
    await li.send("十二")
    again = await li.wait_message()
    assert again.text == catalog.text(lang, "events-bad-field")
    assert again.button_texts() == saved.button_texts()
    await li.press(catalog.text(lang, "events-btn-edit-done"))
    assert (await li.wait_message()).text == catalog.text(lang, "events-edit-done")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_broadcast_steps_asked_again_keep_their_buttons(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/broadcast: a refused English version keeps "Skip", text at the audience step brings
    the audiences back, an unread time keeps "Send now", an unread "valid until" keeps
    "No end"; the buttons under the re-prompts work."""
    mei = await _staff(bot, 9403, lang)
    t = catalog.translator(lang)
    await mei.command("/broadcast")
    await mei.wait_message()
    await mei.send("食堂明天晚开")
    await mei.wait_message()
    await mei.press(t("broadcast-skip"))
    await mei.wait_message()
    await mei.send("<b>Canteen opens late")  # a tag left open
    refused = await mei.wait_message()
    assert refused.text == plain(t("broadcast-html-invalid", detail="<b>", length=0))
    assert refused.button_texts() == [t("broadcast-skip")]
    await mei.send("Canteen opens late")
    audiences = (await mei.wait_message()).button_texts()
    await mei.send("everyone please")
    unexpected = await mei.wait_message()
    assert unexpected.text == t("broadcast-unexpected")
    assert unexpected.button_texts() == audiences
    await mei.press(t("broadcast-audience-everyone"))
    urgency = await mei.wait_message()
    await mei.send_sticker()
    assert (await mei.wait_message()).button_texts() == urgency.button_texts()
    await mei.press(t("broadcast-normal"))
    await mei.wait_message()
    await mei.send("whenever")
    unread = await mei.wait_message()
    assert unread.text == plain(t("broadcast-bad-when"))
    assert unread.button_texts() == [t("broadcast-now")]
    await mei.press(t("broadcast-now"))
    summary = await mei.wait_message(predicate=lambda m: bool(m.buttons))
    assert t("broadcast-confirm") in summary.button_texts()
    await mei.press(t("broadcast-valid-button"))
    await mei.wait_message()
    await mei.send("someday")
    bad_valid = await mei.wait_message()
    assert bad_valid.text == plain(t("broadcast-bad-valid"))
    assert bad_valid.button_texts() == [t("broadcast-valid-forever")]
    await mei.command("/cancel")
    assert (await mei.wait_message()).text == t("broadcast-draft-cancelled")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_ns_edit_asks_a_refused_venue_again_with_the_venues(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/ns_edit's venue: a name that is none, and a sticker, are answered with the venues'
    keyboard again; a venue's name is then stored."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now())
    li = await _staff(bot, 9404, lang)
    field = catalog.text(lang, "ns-field-venue")
    await li.command(f"/ns_edit {course_id} {field}")
    asked = await li.wait_message()
    assert asked.keyboard is not None
    await li.send("火星")
    refused = await li.wait_message()
    assert refused.keyboard == asked.keyboard
    await li.send_sticker()
    sticker = await li.wait_message()
    assert sticker.text == catalog.text(lang, "ns-err-need-text")
    assert sticker.keyboard == asked.keyboard
    await li.send(VENUE[lang])
    await bot.settle()
    assert await bot.sql(f"SELECT venue_id FROM courses WHERE id = {course_id}") == [
        ("activity_rooms",)
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_sticker_at_the_feedback_forms_button_step_brings_its_buttons(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """The canteen form's anonymity step waits for a button: a sticker gets "still waiting"
    with the two choices under it, and pressing one goes on to the summary."""
    wang = bot.emu.user(9405, first_name="Wang", language_code=lang)
    t = catalog.translator(lang)
    await wang.command("/feedback")
    await wang.wait_message(predicate=lambda m: "feedback:stars:4" in m.callback_data())
    for data in ("feedback:stars:4", "feedback:next:tags", "feedback:skip:comment"):
        await wang.press(data)
        await bot.settle()
    await wang.press("feedback:skip:photos")
    await bot.settle()
    anonymity = wang.messages[-1]
    choices = anonymity.button_texts()
    assert t("feedback-button-anonymous") in choices
    await wang.send_sticker()
    waiting = await wang.wait_message()
    assert waiting.text == t("form-step-waiting")
    assert waiting.button_texts() == choices
    await wang.press(t("feedback-button-anonymous"))
    summary = await wang.wait_edit(waiting)
    assert summary.button_texts()[0] == t("feedback-button-confirm")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_ns_new_asks_again_with_the_venues_after_a_sticker(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/ns_new's venue step: a sticker gets "please answer with text", the question and the
    venues' keyboard again (an unknown venue already did)."""
    li = await _staff(bot, 9406, lang)
    await li.command("/ns_new")
    await li.wait_message()
    for text in ("书法", "Calligraphy", "学写楷书", "Regular script", "张老师"):
        await li.send(text)
        asked = await li.wait_message()
    assert asked.keyboard is not None
    await li.send_sticker()
    again = await li.wait_message()
    assert again.text.startswith(catalog.text(lang, "ns-err-need-text"))
    assert again.keyboard == asked.keyboard
    await li.send("火星")
    refused = await li.wait_message()
    assert refused.keyboard == asked.keyboard
