"""Canteen feedback end to end: the real bot over HTTP against the emulator."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import SHANGHAI
from bot.features.feedback import digest
from bot.features.feedback.models import DigestSubscription, Feedback
from bot.features.feedback.service import Draft
from bot.settings import FeedbackSettings
from frontdesk_emulator import BotMessage, SimUser
from tests.conftest import Bot
from tests.test_feedback_service import give, person

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


async def press(bot: Bot, who: SimUser, data: str, **kwargs: object) -> None:
    """Press a button by its callback data and wait until the bot has handled it."""
    await who.press(data, **kwargs)  # type: ignore[arg-type]
    await bot.settle()


async def say(bot: Bot, who: SimUser, text: str) -> None:
    await who.send(text)
    await bot.settle()


async def feedback_rows(bot: Bot) -> list[Feedback]:
    async with bot.runtime.db.read() as session:
        return list(await session.scalars(select(Feedback).order_by(Feedback.id)))


async def open_form(bot: Bot, who: SimUser) -> BotMessage:
    await who.command("/feedback")
    return await who.wait_message(
        predicate=lambda m: any(d.startswith("feedback:stars:") for d in m.callback_data())
    )


async def test_pressing_the_ticked_meal_again_says_what_comes_next(bot: Bot) -> None:
    """The ticked meal pressed again changed nothing and said nothing: a newcomer pressed it
    three times. It now says the meal is chosen and the stars come next, in each language."""
    for lang, user, said in (
        ("zh", 9101, "已经选了早餐，请点星星打分。"),
        ("en", 9102, "Breakfast is already chosen: now tap the stars."),
    ):
        person = bot.emu.user(user, first_name="Qian", language_code=lang)
        form = await open_form(bot, person)
        await press(bot, person, "feedback:meal:breakfast")  # 10:00: breakfast is ticked
        assert person.callback_answers[-1]["text"] == said
        assert person.messages[-1].text == form.text  # the form as it was
        await press(bot, person, "feedback:meal:lunch")
        assert "text" not in person.callback_answers[-1]


async def test_resident_leaves_feedback_with_buttons_in_ten_seconds(bot: Bot) -> None:
    """Meal, stars, tags, comment, anonymity, summary, confirm: stored once, thanked."""
    alice = bot.emu.user(9001, first_name="Alice", language_code="en")
    form = await open_form(bot, alice)
    assert "Breakfast today: how was it?" in form.text  # 10:00 local: breakfast preselected
    assert "✅ Breakfast" in form.button_texts()
    await press(bot, alice, "feedback:meal:lunch")
    assert "✅ Lunch" in alice.messages[-1].button_texts()
    await press(bot, alice, "feedback:stars:4")
    assert "What stood out?" in (alice.messages[-1].text or "")
    await press(bot, alice, "feedback:tag:taste")
    await press(bot, alice, "feedback:tag:variety")
    await press(bot, alice, "feedback:tag:variety")  # unpicked again
    assert "✅ Taste" in alice.messages[-1].button_texts()
    await press(bot, alice, "feedback:next:tags")
    await say(bot, alice, "Nice noodles")
    assert "photos" in (alice.messages[-1].text or "")
    await press(bot, alice, "feedback:skip:photos")
    await press(bot, alice, "feedback:anon:1")
    summary = alice.messages[-1].text or ""
    assert "Lunch" in summary
    assert "★★★★☆" in summary
    assert "Taste" in summary
    assert "Variety" not in summary
    assert "Nice noodles" in summary
    await press(bot, alice, "feedback:confirm:go")
    assert "Thank you!" in (alice.last.text if alice.last else "")
    [row] = await feedback_rows(bot)
    assert (row.meal, row.stars, row.comment, row.anonymous) == ("lunch", 4, "Nice noodles", True)


async def test_menu_button_opens_the_form_and_the_conversation_follows(bot: Bot) -> None:
    """The main-menu button starts the same form, and its buttons then work."""
    wang = bot.emu.user(9002, first_name="王", language_code="zh")
    await wang.send(bot.runtime.catalog.text("zh", "menu-feedback"))
    form = await wang.wait_message()
    assert "今天的早餐怎么样" in (form.text or "")
    await press(bot, wang, "feedback:stars:5")
    assert "哪些方面印象深" in (wang.messages[-1].text or "")


async def test_text_right_after_the_rating_becomes_the_comment(bot: Bot) -> None:
    """Writing instead of pressing Next is taken as the comment."""
    bob = bot.emu.user(9003, first_name="Bob", language_code="en")
    await open_form(bot, bob)
    await press(bot, bob, "feedback:stars:3")
    await say(bot, bob, "Rice was a bit dry")
    await press(bot, bob, "feedback:skip:photos")
    await press(bot, bob, "feedback:anon:0")
    await press(bot, bob, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert row.comment == "Rice was a bit dry"
    assert row.anonymous is False


async def test_too_long_comment_is_kept_up_to_the_limit_and_the_form_goes_on(bot: Bot) -> None:
    """Over the limit: not refused (a newcomer's 1,600-character voice comment was lost); its
    first 1000 characters are kept, the resident is told, and the form goes on."""
    carol = bot.emu.user(9004, first_name="Carol", language_code="en")
    await open_form(bot, carol)
    await press(bot, carol, "feedback:stars:3")
    await press(bot, carol, "feedback:next:tags")
    await say(bot, carol, "y" * 1000 + "z" * 600)
    texts = [m.text or "" for m in carol.messages[-2:]]
    assert "long (1600 characters), so I have kept the first 1000" in texts[0]
    assert "photos" in texts[1]
    await press(bot, carol, "feedback:skip:photos")
    await press(bot, carol, "feedback:anon:0")
    await press(bot, carol, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert row.comment == "y" * 1000


async def test_words_typed_before_the_stars_become_the_comment(bot: Bot) -> None:
    """A resident who types "菜太咸了" before pressing a star was told "this step is waiting"
    and her words were lost: they are kept as the comment and the stars asked again."""
    wang = bot.emu.user(9010, first_name="王阿姨", language_code="zh")
    await open_form(bot, wang)
    await say(bot, wang, "今天的红烧肉太咸了")
    asked = wang.last
    assert asked is not None
    assert "「今天的红烧肉太咸了」" in (asked.text or "")
    assert any(d.startswith("feedback:stars:") for d in asked.callback_data())
    await press(bot, wang, "feedback:stars:2")
    await press(bot, wang, "feedback:next:tags")
    assert "今天的红烧肉太咸了" in (wang.last.text if wang.last else "")
    await press(bot, wang, "feedback:skip:comment")  # "就用这段"
    await press(bot, wang, "feedback:skip:photos")
    await press(bot, wang, "feedback:anon:0")
    await press(bot, wang, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert (row.stars, row.comment) == (2, "今天的红烧肉太咸了")


async def test_several_messages_before_the_stars_are_added_up_and_a_question_is_held_back(
    bot: Bot,
) -> None:
    """ "菜太咸了" then "而且排队要半小时": both lines are in the comment (the second used to
    replace the first); "食堂几点开门" is not put in silently, and one tap puts it in."""
    wang = bot.emu.user(9011, first_name="王阿姨", language_code="zh")
    await open_form(bot, wang)
    await say(bot, wang, "菜太咸了")
    await say(bot, wang, "而且排队要半小时")
    assert "「菜太咸了\n而且排队要半小时」" in (wang.last.text if wang.last else "")
    await say(bot, wang, "食堂几点开门")
    held = wang.last
    assert held is not None
    assert "「食堂几点开门」像是在问问题" in (held.text or "")
    assert "feedback:keep:asked" in held.callback_data()
    assert any(d.startswith("feedback:stars:") for d in held.callback_data())
    await press(bot, wang, "feedback:stars:2")
    await say(bot, wang, "米饭也硬")  # at the tags step: added too, then the photos
    await press(bot, wang, "feedback:skip:photos")
    await press(bot, wang, "feedback:anon:0")
    await press(bot, wang, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert row.comment == "菜太咸了\n而且排队要半小时\n米饭也硬"
    # Meant as the comment after all: one tap puts it in.
    li = bot.emu.user(9012, first_name="Li", language_code="en")
    await open_form(bot, li)
    await say(bot, li, "when does it open?")
    await press(bot, li, "feedback:keep:asked")
    assert "“when does it open?”" in (li.last.text if li.last else "")


async def test_photos_are_kept_as_file_ids_up_to_the_limit(bot: Bot) -> None:
    """Three photos are accepted, then the form moves on; ids are stored, not bytes."""
    dan = bot.emu.user(9005, first_name="Dan", language_code="en")
    await open_form(bot, dan)
    await press(bot, dan, "feedback:stars:2")
    await press(bot, dan, "feedback:next:tags")
    await press(bot, dan, "feedback:skip:comment")
    for _ in range(3):
        await dan.send_photo(PNG)
        await bot.settle()
    assert "Should the canteen team see your name" in (dan.last.text if dan.last else "")
    await press(bot, dan, "feedback:anon:0")
    await press(bot, dan, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    photos = json.loads(row.photos or "[]")
    assert len(photos) == 3
    assert all(isinstance(p, str) and p for p in photos)


async def test_cancel_saves_nothing_and_old_buttons_are_refused(bot: Bot) -> None:
    """Cancel (button or /cancel) stores nothing; a later press on the old form is stale."""
    eve = bot.emu.user(9006, first_name="Eve", language_code="en")
    form = await open_form(bot, eve)
    await press(bot, eve, "feedback:cancel:go")
    assert "Cancelled" in (eve.messages[0].text or "")
    await open_form(bot, eve)
    await press(bot, eve, "feedback:stars:5")
    await eve.command("/cancel")
    await bot.settle()
    await eve.press_data("feedback:stars:5", form.message_id)
    await bot.settle()
    assert await feedback_rows(bot) == []
    assert eve.callback_answers[-1]["text"] == bot.runtime.catalog.text("en", "button-invalid")


async def test_same_meal_again_updates_and_says_so(bot: Bot) -> None:
    """A second lunch rating today shows a replace note and updates the stored one."""
    fay = bot.emu.user(9007, first_name="Fay", language_code="en")
    for stars in (3, 5):
        await open_form(bot, fay)
        await press(bot, fay, "feedback:meal:lunch")
        await press(bot, fay, f"feedback:stars:{stars}")
        await press(bot, fay, "feedback:next:tags")
        await press(bot, fay, "feedback:skip:comment")
        await press(bot, fay, "feedback:skip:photos")
        await press(bot, fay, "feedback:anon:0")
        if stars == 5:
            assert "replaces the feedback you gave earlier" in (fay.messages[-1].text or "")
        await press(bot, fay, "feedback:confirm:go")
    assert "has been updated" in (fay.last.text if fay.last else "")
    rows = await feedback_rows(bot)
    assert [(r.stars, r.revisions) for r in rows] == [(5, 2)]


async def test_flood_limit_stops_a_new_form_politely(bot: Bot) -> None:
    """Past the hourly limit, /feedback explains instead of opening the form."""
    bot.runtime.settings.feedback = FeedbackSettings(max_submissions_per_hour=1)
    author = await person(bot.runtime, 9008, "Gus")
    await give(bot.runtime, author, Draft("lunch", 4))
    gus = bot.emu.user(9008, first_name="Gus", language_code="en")
    await gus.command("/feedback")
    reply = await gus.wait_message()
    assert "a lot of feedback in the past hour" in (reply.text or "")


async def _low_rating(bot: Bot, who: SimUser, comment: str, *, anonymous: bool) -> None:
    await open_form(bot, who)
    await press(bot, who, "feedback:stars:1")
    await say(bot, who, comment)
    await press(bot, who, "feedback:skip:photos")
    await press(bot, who, "feedback:anon:1" if anonymous else "feedback:anon:0")
    await press(bot, who, "feedback:confirm:go")


async def test_low_rating_alert_reply_and_resolve_reach_the_resident(bot: Bot) -> None:
    """Staff get the alert, answer through the bot and resolve; the resident sees both."""
    await person(bot.runtime, 9100, "Cook", "staff")
    cook = bot.emu.user(9100, first_name="Cook", language_code="en")
    hana = bot.emu.user(9009, first_name="HanaSecret", language_code="en")
    await _low_rating(bot, hana, "cold soup", anonymous=True)
    assert "We are sorry" in (hana.last.text if hana.last else "")
    await bot.drain()
    alert = cook.last
    assert alert is not None
    assert "cold soup" in (alert.text or "")
    assert "HanaSecret" not in (alert.text or "")
    assert alert.button_texts() == ["✉️ Reply", "✅ Mark resolved"]
    await press(bot, cook, "✉️ Reply")
    prompt = cook.last
    assert prompt is not None
    assert "Write your answer" in (prompt.text or "")
    await cook.send("Sorry! We reheated it.", reply_to=prompt)
    await bot.settle()
    assert "Sent" in (cook.last.text if cook.last else "")
    await bot.drain()
    assert "We reheated it" in (hana.last.text if hana.last else "")
    await cook.press_data(alert.callback_data()[1], alert.message_id)
    await bot.settle()
    assert cook.callback_answers[-1]["text"].startswith("Marked resolved")
    assert "Resolved by Cook" in (cook.messages[-3].text or "")  # the alert, edited
    await bot.drain()
    assert "has dealt with your feedback" in (hana.last.text if hana.last else "")
    await cook.press_data(alert.callback_data()[1], alert.message_id)
    await bot.settle()
    assert cook.callback_answers[-1]["text"] == "Already resolved."


async def test_a_forgotten_residents_feedback_says_why_it_cannot_be_answered_and_can_be_closed(
    bot: Bot,
) -> None:
    """After /forgetme the feedback stays open, anonymised: staff's answer is refused with the
    reason (not "no longer exists"), and the one button left takes it off the open list."""
    await person(bot.runtime, 9103, "Cook", "staff")
    cook = bot.emu.user(9103, first_name="Cook", language_code="en")
    mei = bot.emu.user(9014, first_name="Mei", language_code="en")
    await _low_rating(bot, mei, "the rice was cold", anonymous=False)
    await bot.drain()
    alert = cook.last
    assert alert is not None
    await press(bot, cook, "✉️ Reply")
    prompt = cook.last
    assert prompt is not None
    await say(bot, mei, "/forgetme")
    await press(bot, mei, bot.runtime.catalog.text("en", "privacy-forget-yes"))
    await cook.send("We keep it warm from tomorrow.", reply_to=prompt)
    await bot.settle()
    told = cook.last
    assert told is not None
    assert "deleted their personal data" in (told.text or "")
    assert "no longer exists" not in (told.text or "")
    assert told.button_texts() == ["✅ Mark resolved"]
    [row] = await feedback_rows(bot)
    assert (row.user_id, row.needs_attention) == (None, True)
    await cook.press_data(told.callback_data()[0], told.message_id)
    await bot.settle()
    assert cook.callback_answers[-1]["text"].startswith("Marked resolved (the resident")
    [row] = await feedback_rows(bot)
    assert row.needs_attention is False
    assert row.resolved_at is not None
    assert (cook.messages[-1].text or "").endswith("Resolved by Cook")  # no Reply button left
    assert cook.messages[-1].button_texts() == []
    await cook.press_data(alert.callback_data()[0], alert.message_id)
    await bot.settle()
    assert "deleted their personal data" in cook.callback_answers[-1]["text"]


async def test_resident_pressing_a_forged_staff_button_changes_nothing(bot: Bot) -> None:
    """A resident sending resolve data for a real item is refused; the item stays open."""
    ivan = bot.emu.user(9010, first_name="Ivan", language_code="en")
    await _low_rating(bot, ivan, "bad", anonymous=False)
    [row] = await feedback_rows(bot)
    await ivan.press_data(f"feedback:resolve:{row.id}")
    await bot.settle()
    assert ivan.callback_answers[-1]["text"] == "Sorry, this command is for staff only."
    [row] = await feedback_rows(bot)
    assert row.resolved_at is None


async def test_staff_group_gets_the_alert_and_answers_by_replying(bot: Bot) -> None:
    """With a staff group configured, the alert goes there and a reply to the prompt answers."""
    bot.runtime.settings.feedback = FeedbackSettings(
        staff_chat_id=-100500, staff_chat_language="en"
    )
    group = bot.emu.group(-100500, "Canteen staff")
    await person(bot.runtime, 9101, "Chef", "staff")
    chef = bot.emu.user(9101, first_name="Chef", language_code="en")
    june = bot.emu.user(9011, first_name="June", language_code="en")
    await _low_rating(bot, june, "long queue", anonymous=False)
    await bot.drain()
    alert = group.last
    assert alert is not None
    assert "June" in (alert.text or "")
    await chef.press("✉️ Reply", in_chat=group)
    await bot.settle()
    prompt = group.last
    assert prompt is not None
    await chef.send("Two more counters from Monday.", in_chat=group, reply_to=prompt)
    await bot.settle()
    await bot.drain()
    assert "Two more counters" in (june.last.text if june.last else "")


async def test_staff_can_see_the_photos_of_an_alert(bot: Bot) -> None:
    """The Photos button sends the feedback's photos to the staff chat by file id."""
    await person(bot.runtime, 9102, "Cook", "staff")
    cook = bot.emu.user(9102, first_name="Cook", language_code="en")
    kay = bot.emu.user(9012, first_name="Kay", language_code="en")
    await open_form(bot, kay)
    await press(bot, kay, "feedback:stars:1")
    await press(bot, kay, "feedback:next:tags")
    await press(bot, kay, "feedback:skip:comment")
    await kay.send_photo(PNG)
    await bot.settle()
    await press(bot, kay, "feedback:done:photos")
    await press(bot, kay, "feedback:anon:0")
    await press(bot, kay, "feedback:confirm:go")
    await bot.drain()
    await press(bot, cook, "📷 Photos")
    assert cook.last is not None
    assert cook.last.kind == "photo"


async def test_organiser_gets_a_digest_on_demand_and_residents_do_not(bot: Bot) -> None:
    """/digest yesterday answers organisers with text and chart; residents are refused."""
    await person(bot.runtime, 9200, "Org", "organiser")
    org = bot.emu.user(9200, first_name="Org", language_code="en")
    resident = await person(bot.runtime, 9013, "Lin")
    await give(
        bot.runtime, resident, Draft("lunch", 2, comment="meh"), bot.clock.now() - timedelta(days=1)
    )
    await org.command("/digest yesterday")
    text = await org.wait_message()
    assert "Sunday 2026-03-01" in (text.text or "")
    assert "meh" in (text.text or "")
    chart = await org.wait_message()
    assert chart.kind == "photo"
    await org.command("/digest 2026-13-01")
    assert "YYYY-MM-DD" in ((await org.wait_message()).text or "")
    lin = bot.emu.user(9013, first_name="Lin", language_code="en")
    await lin.command("/digest")
    assert "staff only" in ((await lin.wait_message()).text or "")


@pytest.mark.parametrize(
    ("lang", "period", "first_day"),
    [
        ("zh", "2026-02-27 到 2026-03-01", "2026-02-27"),
        ("zh", "2月27日至3月1日", "2026-02-27"),
        ("en", "2026-02-27 ~ 2026-03-01", "2026-02-27"),
        ("en", "27 Feb to 1 Mar", "2026-02-27"),
    ],
)
async def test_digest_takes_a_range_written_as_closure_takes_it(
    bot: Bot, lang: str, period: str, first_day: str
) -> None:
    """/digest reads "到", "至", "~" and "to" ranges as /closure does, in either language."""
    await person(bot.runtime, 9210, "Org", "organiser", lang=lang)
    org = bot.emu.user(9210, first_name="Org", language_code=lang)
    resident = await person(bot.runtime, 9014, "Lin")
    await give(
        bot.runtime, resident, Draft("lunch", 2, comment="meh"), bot.clock.now() - timedelta(days=1)
    )
    await org.command(f"/digest {period}")
    text = (await org.wait_message()).text or ""
    assert first_day in text, text
    assert "2026-03-01" in text
    assert "meh" in text
    assert (await org.wait_message()).kind == "photo"


async def test_export_sends_excel_and_csv(bot: Bot) -> None:
    """/export for a range sends two documents and records who exported."""
    await person(bot.runtime, 9201, "Org", "organiser")
    org = bot.emu.user(9201, first_name="Org", language_code="en")
    resident = await person(bot.runtime, 9014, "Mo")
    await give(bot.runtime, resident, Draft("lunch", 4))
    await org.command("/export 2026-02-24..2026-03-02")
    xlsx = await org.wait_message()
    csv_doc = await org.wait_message()
    assert xlsx.document is not None
    assert csv_doc.document is not None
    assert xlsx.document["file_name"] == "canteen_feedback_2026-02-24_2026-03-02.xlsx"
    assert csv_doc.document["file_name"].endswith(".csv")
    assert await bot.sql("SELECT action FROM audit_log") == [("feedback.export",)]


async def test_organiser_manages_their_own_digest_subscription(bot: Bot) -> None:
    """Buttons switch it off, a time argument sets the time, nonsense is explained."""
    owner = await person(bot.runtime, 9202, "Org", "organiser")
    org = bot.emu.user(9202, first_name="Org", language_code="en")
    await org.command("/digestsettings")
    shown = await org.wait_message()
    assert "on, at 20:30" in (shown.text or "")
    await press(bot, org, "feedback:dset:off")
    assert "off, at 20:30" in (org.messages[-1].text or "")
    await org.command("/digestsettings 21:15")
    assert "at 21:15" in ((await org.wait_message()).text or "")
    await org.command("/digestsettings soon")
    assert "HH:MM" in ((await org.wait_message()).text or "")
    async with bot.runtime.db.read() as session:
        sub = await session.get(DigestSubscription, owner.id)
    assert sub is not None
    assert (sub.enabled, sub.minute_of_day) == (False, 21 * 60 + 15)


async def test_scheduled_digest_is_delivered_to_the_organiser(bot: Bot) -> None:
    """The job's function at 20:30 Shanghai puts text and chart in the organiser's chat."""
    await person(bot.runtime, 9203, "Org", "organiser", lang="zh")
    org = bot.emu.user(9203, first_name="Org", language_code="zh")
    resident = await person(bot.runtime, 9015, "Ning")
    await give(bot.runtime, resident, Draft("dinner", 5, ("taste",), "好吃"))
    due = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)
    bot.clock.set(due)
    assert await digest.run_due_digests(bot.runtime) == 1
    await bot.drain()
    kinds = sorted(m.kind for m in org.messages)
    assert kinds == ["photo", "text"]
    text = next(m for m in org.messages if m.kind == "text")
    assert "食堂评价汇总" in (text.text or "")
    assert "好吃" in (text.text or "")
    assert await digest.run_due_digests(bot.runtime) == 0


async def test_the_minute_job_is_scheduled_and_sends_due_digests(bot: Bot) -> None:
    """The app schedules the digest job every minute, and its callback claims due digests."""
    from bot.context import FrontdeskContext
    from bot.features.feedback import handlers as feedback_handlers

    assert bot.app.job_queue is not None
    [job] = bot.app.job_queue.get_jobs_by_name(feedback_handlers.DIGEST_JOB)
    assert job.trigger.interval == timedelta(seconds=60)  # type: ignore[attr-defined]
    await person(bot.runtime, 9204, "Org", "organiser")
    bot.clock.set(datetime(2026, 3, 2, 12, 31, tzinfo=UTC))
    await feedback_handlers.digest_tick(FrontdeskContext(bot.app))
    assert await bot.sql("SELECT count(*) FROM digest_deliveries") == [(1,)]


async def test_on_a_day_the_canteen_is_closed_the_form_asks_about_the_last_day_it_was_open(
    bot: Bot,
) -> None:
    """On a Sunday (closed every week) the form asks about Saturday's lunch, naming the day;
    on National Day (a holiday) about the last evening before it; a rating given then is
    stored for that day. On a Saturday evening (no dinner on Saturdays) it asks about today's
    lunch; on a make-up working day (调休, a Saturday) about today's dinner."""
    bot.clock.set(datetime(2026, 12, 6, 12, 30, tzinfo=SHANGHAI))  # Sunday
    wang = bot.emu.user(9011, first_name="王", language_code="zh")
    form = await open_form(bot, wang)
    assert "12月5日（周六）的午餐怎么样" in (form.text or "")
    assert "今天" not in (form.text or "").split("\n")[0]
    assert "✅ 午餐" in form.button_texts()

    bot.clock.set(datetime(2026, 10, 2, 12, 0, tzinfo=SHANGHAI))  # National Day holidays
    alice = bot.emu.user(9012, first_name="Alice", language_code="en")
    form = await open_form(bot, alice)
    assert "Dinner on Wed 30 Sept: how was it?" in (form.text or "")
    assert "✅ Dinner" in form.button_texts()
    await press(bot, alice, "feedback:stars:4")
    await press(bot, alice, "feedback:next:tags")
    await press(bot, alice, "feedback:skip:comment")
    await press(bot, alice, "feedback:skip:photos")
    await press(bot, alice, "feedback:anon:0")
    assert "Dinner on Wed 30 Sept" in (alice.messages[-1].text or "")  # the summary: that day
    await press(bot, alice, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert (row.day.isoformat(), row.meal, row.stars) == ("2026-09-30", "dinner", 4)

    bot.clock.set(datetime(2026, 12, 5, 19, 0, tzinfo=SHANGHAI))  # Saturday, after lunch
    bob = bot.emu.user(9013, first_name="Bob", language_code="en")
    form = await open_form(bot, bob)
    assert "Lunch today: how was it?" in (form.text or "")

    bot.clock.set(datetime(2026, 10, 10, 19, 0, tzinfo=SHANGHAI))  # a make-up working Saturday
    li = bot.emu.user(9014, first_name="李", language_code="zh")
    form = await open_form(bot, li)
    assert "今天的晚餐怎么样" in (form.text or "")


async def test_confusion_words_mid_form_explain_the_step_and_are_never_the_comment(
    bot: Bot,
) -> None:
    """ "我不懂", "怎么弄", "help" typed at any step get a plain word on what that step wants
    with its buttons again; none of them ends up in the comment or sends a half-done rating."""
    zh = bot.runtime.catalog
    wang = bot.emu.user(9040, first_name="王阿姨", language_code="zh")
    await open_form(bot, wang)
    await say(bot, wang, "我不懂")
    assert "点一下下面的星星" in (wang.last.text if wang.last else "")
    assert "feedback:stars:5" in (wang.last.callback_data() if wang.last else [])
    await press(bot, wang, "feedback:stars:3")
    await say(bot, wang, "怎么弄？")
    assert f"点“{zh.text('zh', 'feedback-button-next')}”" in (wang.last.text if wang.last else "")
    await press(bot, wang, "feedback:next:tags")
    await say(bot, wang, "help")
    assert "直接打字发给我" in (wang.last.text if wang.last else "")
    await say(bot, wang, "米饭有点硬")
    await say(bot, wang, "看不懂")  # at the photos: explained, not sent as it stands
    assert "📎" in (wang.last.text if wang.last else "")
    assert await feedback_rows(bot) == []
    await press(bot, wang, "feedback:skip:photos")
    await say(bot, wang, "我不懂")
    assert "要不要让食堂看到您的名字" in (wang.last.text if wang.last else "")
    await press(bot, wang, "feedback:anon:0")
    await say(bot, wang, "什么意思")
    assert "评价就发给食堂了" in (wang.last.text if wang.last else "")
    await press(bot, wang, "feedback:confirm:go")
    [row] = await feedback_rows(bot)
    assert (row.stars, row.comment) == (3, "米饭有点硬")


async def test_cancel_words_leave_the_form_cleanly_at_any_step(bot: Bot) -> None:
    """ "取消" / "返回" / "cancel" typed instead of pressing ✖ end the form with nothing saved,
    in the resident's language: not kept as the comment, nor sending the rating as it stands."""
    wang = bot.emu.user(9041, first_name="王阿姨", language_code="zh")
    await open_form(bot, wang)
    await say(bot, wang, "返回")
    assert (wang.last.text if wang.last else "") == "已取消，没有保存任何内容。"
    await open_form(bot, wang)
    await press(bot, wang, "feedback:stars:4")
    await say(bot, wang, "取消")
    assert (wang.last.text if wang.last else "") == "已取消，没有保存任何内容。"
    await say(bot, wang, "米饭有点硬")  # the form is over: not a late comment
    alice = bot.emu.user(9042, first_name="Alice", language_code="en")
    await open_form(bot, alice)
    await press(bot, alice, "feedback:stars:4")
    await press(bot, alice, "feedback:next:tags")
    await say(bot, alice, "Too salty")
    await say(bot, alice, "Cancel")  # at the photos, where other text sends the rating
    assert (alice.last.text if alice.last else "") == "Cancelled; nothing was saved."
    assert await feedback_rows(bot) == []


async def test_the_summary_is_plain_and_in_the_residents_language(bot: Bot) -> None:
    """The summary names the day as people say it, the photos in words and whether the
    canteen sees the name as a sentence (no ISO date, no "显示名字：否（匿名）")."""
    today = bot.clock.now().astimezone(SHANGHAI).date()
    for uid, lang, day, photos, name in (
        (9043, "zh", f"{today.month}月{today.day}日", "照片：没有", "不让食堂看到您的名字"),
        (9044, "en", f"{today.day} {today:%b}", "Photos: none", "will not see your name"),
    ):
        who = bot.emu.user(uid, first_name="Li", language_code=lang)
        await open_form(bot, who)
        await press(bot, who, "feedback:stars:5")
        await press(bot, who, "feedback:next:tags")
        await press(bot, who, "feedback:skip:comment")
        await press(bot, who, "feedback:skip:photos")
        await press(bot, who, "feedback:anon:1")
        summary = who.last.text if who.last else ""
        assert day in summary
        assert photos in summary
        assert name in summary
        assert today.isoformat() not in summary
