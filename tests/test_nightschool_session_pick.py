"""/ns_session without numbers (issue 16): the course from buttons a page at a time (or found
by title), its coming classes as buttons in the reader's language, then move, cancel or add."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.clock import SHANGHAI
from bot.features.nightschool import courses
from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from frontdesk_emulator.client import SimUser
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course


async def _staff(bot: Bot, telegram_id: int, lang: str) -> SimUser:
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, "Li", ["staff"], bot.clock.now())
        profile = await users.find(session, telegram_id)
        assert profile is not None
        await users.set_language(session, profile.id, lang)
    return bot.emu.user(telegram_id, first_name="Li", language_code=lang)


async def _courses(bot: Bot, catalog: Catalog, titles: list[str], weeks: int = 4) -> list[int]:
    school = make_school(catalog, bot.runtime.centre)
    return [
        await published_course(bot.runtime.db, school, now=bot.clock.now(), title=t, weeks=weeks)
        for t in titles
    ]


async def _labels(bot: Bot, catalog: Catalog, course_id: int, lang: str) -> list[tuple[int, str]]:
    """The course's classes as the buttons name them (id, day and time in ``lang``)."""
    school = make_school(catalog, bot.runtime.centre)
    async with bot.runtime.db.read() as session:
        found = await courses.sessions_of(session, course_id)
    return [(m.id, school.when(m.starts_at, lang)) for m in found]


async def _audit(bot: Bot) -> list[str]:
    rows = await bot.sql("SELECT action FROM audit_log ORDER BY id")
    return [str(action) for (action,) in rows]


async def test_chinese_staff_pick_course_and_class_and_move_it_in_words(
    bot: Bot, catalog: Catalog
) -> None:
    """Ten courses, eight a page and ▶; "/ns_session 书法" finds the course; eight classes, six a
    page, labelled in Chinese; a class pressed, "改时间", a bad answer asked again, the new time
    stored and audited."""
    ids = await _courses(bot, catalog, ["书法", *[f"Course{n}" for n in range(9)]], weeks=8)
    li = await _staff(bot, 7501, "zh")
    await li.command("/ns_session")
    listing = await li.wait_message()
    assert listing.text == plain(catalog.text("zh", "ns-session-pick-course"))
    assert len(listing.button_texts()) == 9
    assert listing.button_texts()[-1] == "下一页 ▶"
    await li.press("下一页 ▶")
    turned = await li.wait_edit(listing)
    assert len([d for d in turned.callback_data() if d.startswith("ns:ssc:")]) == 2
    await li.command("/ns_session 书法")
    classes = await li.wait_message()
    assert classes.text == plain(catalog.text("zh", "ns-session-pick-session", title="书法(中)"))
    labels = await _labels(bot, catalog, ids[0], "zh")
    assert len(labels) == 8
    assert classes.button_texts() == [label for _, label in labels[:6]] + [
        "下一页 ▶",
        "➕ 加一节课",
    ]
    assert "月" in labels[0][1]  # the day in Chinese, never a number to copy
    await li.press("下一页 ▶")
    rest = await li.wait_edit(classes)
    assert rest.button_texts()[:2] == [label for _, label in labels[6:]]
    await li.press("◀ 上一页")
    await li.wait_edit(rest)
    first_id, first_label = labels[0]
    await li.press(first_label)
    action = await li.wait_message()
    assert action.text == plain(catalog.text("zh", "ns-session-pick-action", when=first_label))
    await li.press("🕘 改时间")
    ask = await li.wait_message()
    assert ask.text.startswith(f"「{first_label}」这节课改到哪天几点")
    await li.send("下周")
    assert (await li.wait_message()).text == plain(catalog.text("zh", "ns-session-ask-again"))
    await li.send("2026-03-19 25:00-26:00")
    assert (await li.wait_message()).text == plain(catalog.text("zh", "ns-err-time"))
    await li.send("2026-03-19 19:30-21:00")
    await li.wait_message(predicate=lambda m: "已" in (m.text or ""))
    [(starts,)] = await bot.sql(f"SELECT starts_at FROM course_sessions WHERE id = {first_id}")
    expected = datetime(2026, 3, 19, 19, 30, tzinfo=SHANGHAI).astimezone(UTC)
    assert str(starts).startswith(expected.strftime("%Y-%m-%d %H:%M"))
    assert await _audit(bot) == ["nightschool.session-move"]
    await li.send("2026-03-20 19:30-21:00")  # the form is over: a question now, nothing moves
    await bot.settle()
    assert await _audit(bot) == ["nightschool.session-move"]


async def test_english_staff_add_a_class_and_cancel_one_by_buttons(
    bot: Bot, catalog: Catalog
) -> None:
    """ "/ns_session pottery": the classes in English; "Add a class" with a time; a class
    pressed, "Cancel it", confirmed; the numeric one-line form still works; /cancel drops."""
    ids = await _courses(bot, catalog, ["Calligraphy", "Pottery"])
    alice = await _staff(bot, 7502, "en")
    await alice.command("/ns_session pottery")
    classes = await alice.wait_message()
    assert classes.text == catalog.text("en", "ns-session-pick-session", title="Pottery")
    labels = await _labels(bot, catalog, ids[1], "en")
    assert classes.button_texts() == [label for _, label in labels] + ["➕ Add a class"]
    assert "Mar" in labels[0][1]
    await alice.press("➕ Add a class")
    ask = await alice.wait_message()
    assert ask.text == catalog.text("en", "ns-session-ask-add")
    await alice.send("2026-04-30 19:00-20:30")
    await alice.wait_message(predicate=lambda m: "added" in (m.text or "").lower())
    assert len(await _labels(bot, catalog, ids[1], "en")) == len(labels) + 1
    await alice.command(f"/ns_session {ids[1]}")
    again = await alice.wait_message(predicate=lambda m: "coming" in (m.text or ""))
    await alice.press(labels[1][1])
    action = await alice.wait_message(predicate=lambda m: "What should" in (m.text or ""))
    assert action.text == catalog.text("en", "ns-session-pick-action", when=labels[1][1])
    await alice.press("❌ Cancel it")
    confirm = await alice.wait_message()
    await alice.press(confirm.button_texts()[0])
    await bot.settle()
    assert await bot.sql(f"SELECT status FROM course_sessions WHERE id = {labels[1][0]}") == [
        ("cancelled",)
    ]
    assert again.button_texts()[-1] == "➕ Add a class"
    await alice.command(f"/ns_session {ids[0]} add 2026-04-29 19:00-20:30")
    await alice.wait_message(predicate=lambda m: "added" in (m.text or "").lower())
    await alice.command(f"/ns_session {ids[0]}")
    await alice.wait_message(predicate=lambda m: "Calligraphy" in (m.text or ""))
    await alice.press("➕ Add a class")
    await alice.wait_message(predicate=lambda m: (m.text or "").startswith("When is the new"))
    await alice.command("/cancel")
    assert (await alice.wait_message()).text == catalog.text("en", "ns-session-dropped")
    assert await _audit(bot) == [
        "nightschool.session-add",
        "nightschool.session-cancel",
        "nightschool.session-add",
    ]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_residents_and_forged_buttons_change_nothing(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A resident's /ns_session and presses are refused; forged classes and courses are
    refused politely; a page already shown is a quiet no-op; nothing changes."""
    ids = await _courses(bot, catalog, ["Calligraphy"])
    first_id = (await _labels(bot, catalog, ids[0], lang))[0][0]
    before = await bot.sql("SELECT id, starts_at, status FROM course_sessions ORDER BY id")
    wang = bot.emu.user(7503, first_name="Wang", language_code=lang)
    await wang.command("/ns_session")
    assert (await wang.wait_message()).text == plain(catalog.text(lang, "refused-staff-only"))
    for data in (f"ns:ssc:{ids[0]}", f"ns:sss:{first_id}", f"ns:ssm:{first_id}", "ns:ssp:1"):
        await wang.press_data(data)
        await bot.settle()
        assert wang.callback_answers[-1].get("text") == catalog.text(lang, "refused-staff-only")
    li = await _staff(bot, 7504, lang)
    await li.command("/ns_session")
    listing = await li.wait_message()
    await li.press_data("ns:ssp:0", listing)  # the page already shown: nothing to turn
    await li.press_data("ns:ssl:999999:0", listing)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "ns-result-not-found")
    for data in ("ns:sss:999999", "ns:ssm:999999"):
        await li.press_data(data, listing)
        await bot.settle()
        assert li.callback_answers[-1].get("text") == catalog.text(lang, "ns-refused-no-session")
    await li.press_data("ns:ssa:999999", listing)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "ns-result-not-found")
    await li.press_data("ns:sss:x", listing)
    await bot.settle()
    assert li.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    await li.command("/ns_session 999999")
    assert (await li.wait_message()).text == catalog.text(lang, "ns-result-not-found")
    await li.command("/ns_session " + "书" * 5000)
    assert (await li.wait_message()).text == plain(catalog.text(lang, "ns-session-pick-course"))
    assert catalog.text(lang, "error-apology") not in [m.text for m in li.messages]
    assert await bot.sql("SELECT id, starts_at, status FROM course_sessions ORDER BY id") == before
    assert await _audit(bot) == []


async def _starts_ends(bot: Bot, session_id: int) -> tuple[datetime, datetime]:
    """A class's start and end in Shanghai, whatever type the database hands back."""
    [(starts, ends)] = await bot.sql(
        f"SELECT starts_at, ends_at FROM course_sessions WHERE id = {session_id}"
    )

    def local(value: object) -> datetime:
        moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
        return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(SHANGHAI)

    return local(starts), local(ends)


async def test_the_new_time_in_words_and_a_day_alone_keeps_the_hours(
    bot: Bot, catalog: Catalog
) -> None:
    """Monday 2 March: "下周四" moves a class to Thursday 12 March at its own hours; an English
    "next Friday 7-8:30pm" adds a class on 13 March, 19:00–20:30 (the half-day written once);
    "20 March" alone adds one at the latest class's hours; a day not understood is asked
    again and nothing changes."""
    ids = await _courses(bot, catalog, ["太极"])
    li = await _staff(bot, 7505, "zh")
    first_id, first_label = (await _labels(bot, catalog, ids[0], "zh"))[0]
    old_start, old_end = await _starts_ends(bot, first_id)
    await li.command("/ns_session 太极")
    await li.wait_message()
    await li.press(first_label)
    await li.wait_message()
    await li.press("🕘 改时间")
    await li.wait_message()
    await li.send("过几天吧")
    assert (await li.wait_message()).text == plain(catalog.text("zh", "ns-session-ask-again"))
    await li.send("下周四")
    await li.wait_message(predicate=lambda m: "已" in (m.text or ""))
    start, end = await _starts_ends(bot, first_id)
    assert start.date().isoformat() == "2026-03-12"
    assert (start.time(), end.time()) == (old_start.time(), old_end.time())

    alice = await _staff(bot, 7506, "en")
    before = len(await _labels(bot, catalog, ids[0], "en"))
    for words, day in (("next Friday 7-8:30pm", "2026-03-13"), ("20 March", "2026-03-20")):
        latest = await bot.sql(
            f"SELECT id FROM course_sessions WHERE course_id = {ids[0]} ORDER BY starts_at DESC"
        )
        latest_start, latest_end = await _starts_ends(bot, int(latest[0][0]))
        await alice.command(f"/ns_session {ids[0]}")
        await alice.wait_message()
        await alice.press("➕ Add a class")
        await alice.wait_message(predicate=lambda m: (m.text or "").startswith("When is the new"))
        await alice.send(words)
        await alice.wait_message(predicate=lambda m: "added" in (m.text or "").lower())
        rows = await bot.sql("SELECT id FROM course_sessions ORDER BY id DESC LIMIT 1")
        start, end = await _starts_ends(bot, int(rows[0][0]))
        assert start.date().isoformat() == day
        if words.endswith("pm"):
            assert (f"{start:%H:%M}", f"{end:%H:%M}") == ("19:00", "20:30")
        else:  # a day alone: the hours of the course's latest class
            assert (start.time(), end.time()) == (latest_start.time(), latest_end.time())
    assert len(await _labels(bot, catalog, ids[0], "en")) == before + 2
    assert await _audit(bot) == [
        "nightschool.session-move",
        "nightschool.session-add",
        "nightschool.session-add",
    ]


async def test_words_that_could_mean_another_day_or_hour_are_asked_again(
    bot: Bot, catalog: Catalog
) -> None:
    """Found by a newcomer: "Friday 27 March 7-8:30pm" added a class on Friday 6 March (the
    weekday read first), "3月28日 7点到8点半" one at 07:00 for an evening class, "3月29日 下午"
    kept the evening hours. Now: the date with its own weekday; hours without a half-day read
    the way the class runs; a half-day without a time, or a weekday and a date that disagree,
    asked again; a clash says which day and hours the words were read as."""
    ids = await _courses(bot, catalog, ["太极"])
    alice = await _staff(bot, 7507, "en")
    li = await _staff(bot, 7508, "zh")

    async def add(who: SimUser, words: str) -> str:
        """What the bot said to ``words`` typed after "add a class" (all of it, in order)."""
        await who.command(f"/ns_session {ids[0]}")
        await bot.settle()
        await who.press("➕ Add a class" if who is alice else "➕ 加一节课")
        await bot.settle()
        before = len(who.messages)
        await who.send(words)
        await bot.settle()
        return "\n".join(m.text or "" for m in who.messages[before:])

    async def newest() -> tuple[datetime, datetime]:
        rows = await bot.sql("SELECT id FROM course_sessions ORDER BY id DESC LIMIT 1")
        return await _starts_ends(bot, int(rows[0][0]))

    assert "added" in (await add(alice, "Friday 27 March 7-8:30pm")).lower()
    start, end = await newest()
    assert (f"{start:%Y-%m-%d %H:%M}", f"{end:%H:%M}") == ("2026-03-27 19:00", "20:30")
    assert "已" in await add(li, "3月28日 7点到8点半")
    start, end = await newest()
    assert (f"{start:%Y-%m-%d %H:%M}", f"{end:%H:%M}") == ("2026-03-28 19:00", "20:30")
    count = len(await bot.sql("SELECT id FROM course_sessions"))
    assert await add(li, "3月29日 下午") == plain(catalog.text("zh", "ns-session-ask-again"))
    await li.command("/cancel")
    assert await add(alice, "Friday 26 March") == catalog.text("en", "ns-session-ask-again")
    await alice.command("/cancel")
    clash = await add(alice, "27 March 7pm-8:30pm")
    assert clash.startswith(catalog.text("en", "ns-refused-duplicate"))
    assert "I read your words as Fri 27 Mar 19:00–20:30" in clash
    assert len(await bot.sql("SELECT id FROM course_sessions")) == count
