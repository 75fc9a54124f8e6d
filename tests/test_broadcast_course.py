"""Broadcasts to the people of a night-school course: enrolled, waitlisted or both."""

from __future__ import annotations

from sqlalchemy import update

from bot.features.broadcast import service
from bot.features.nightschool import enrolment
from bot.features.nightschool.common import School
from bot.features.nightschool.models import Course
from bot.i18n import Catalog
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course, residents
from tests.test_broadcast import compose, is_progress
from tests.test_roles import make_staff

COURSE_AUDIENCE = "People of a course"


async def course_with_people(
    bot: Bot, school: School, title: str, first_id: int, enrolled: int, waiting: int
) -> tuple[int, list[int]]:
    """A published course with ``enrolled`` seats, all taken, and ``waiting`` people in line.

    Returns the course id and the Telegram ids in sign-up order (the enrolled first).
    """
    db = bot.runtime.db
    course_id = await published_course(
        db, school, now=bot.clock.now(), capacity=enrolled, title=title
    )
    people = await residents(db, enrolled + waiting, first_id=first_id)
    for user_id in people:
        async with db.transaction() as session:
            await enrolment.sign_up(session, school, course_id, user_id, bot.clock.now())
    telegram_ids = [first_id + n for n in range(enrolled + waiting)]
    for telegram_id in telegram_ids:
        bot.emu.user(telegram_id, first_name=f"R{telegram_id}", language_code="zh")
    return course_id, telegram_ids


async def test_broadcast_to_a_courses_waitlist_reaches_exactly_them(
    bot: Bot, catalog: Catalog
) -> None:
    """The waitlisted of one course get it; its enrolled and another course's people do not."""
    school = make_school(catalog, bot.runtime.centre)
    course_id, people = await course_with_people(bot, school, "Calligraphy", 20_000, 2, 3)
    _, others = await course_with_people(bot, school, "Erhu", 21_000, 1, 2)
    staff = await make_staff(bot, 22_000, "Mei", "staff")
    await compose(staff, "书法班加开一班", None, [COURSE_AUDIENCE, "Calligraphy · waitlist"])
    await staff.wait_message()  # preview header
    await staff.wait_message()  # the text
    summary = await staff.wait_message()
    assert f"{COURSE_AUDIENCE}: Calligraphy · waitlist — 3 people" in summary.text
    await staff.press("✅ Confirm")
    await staff.wait_message(predicate=is_progress)
    await bot.drain()
    received = {
        telegram_id: sum(m.text == "书法班加开一班" for m in bot.emu.user(telegram_id).messages)
        for telegram_id in people + others + [staff.id]
    }
    expected = dict.fromkeys(people + others, 0) | dict.fromkeys(people[2:], 1)
    assert received == expected | {staff.id: 1}  # the staff member saw only the preview
    rows = await bot.sql("SELECT audience, audience_param, total FROM broadcasts")
    assert rows == [("course", f"{course_id}-waitlisted", 3)]


async def test_course_choices_list_published_courses_and_refuse_forged_ids(
    bot: Bot, catalog: Catalog
) -> None:
    """Only published courses are offered; a forged, cancelled or malformed course is refused."""
    school = make_school(catalog, bot.runtime.centre)
    kept, _ = await course_with_people(bot, school, "Calligraphy", 23_000, 1, 1)
    cancelled, _ = await course_with_people(bot, school, "Erhu", 23_100, 1, 0)
    draft, _ = await course_with_people(bot, school, "Tai chi", 23_150, 1, 0)
    async with bot.runtime.db.transaction() as session:
        for course_id, status in ((cancelled, "cancelled"), (draft, "draft")):
            await session.execute(
                update(Course).where(Course.id == course_id).values(status=status)
            )
    staff = await make_staff(bot, 23_200, "Mei", "staff")
    await staff.command("/broadcast")
    await staff.wait_message()
    await staff.send("通知")
    await staff.wait_message()
    await staff.press("Skip")
    await staff.wait_message()
    await staff.press("Skip")
    await staff.wait_message()
    await staff.press(COURSE_AUDIENCE)
    choices = await staff.wait_message()
    assert choices.button_texts() == [
        "Calligraphy · enrolled",
        "Calligraphy · waitlist",
        "Calligraphy · enrolled + waitlist",
    ]
    assert all(len(data.encode()) <= 64 for data in choices.callback_data())
    forged = [
        f"broadcast:par:course:{cancelled}-both",
        f"broadcast:par:course:{draft}-enrolled",
        "broadcast:par:course:99999-waitlisted",
        f"broadcast:par:course:{kept}-everyone",
        "broadcast:par:course:0-both",
        f"broadcast:par:topic:{kept}-both",
    ]
    for data in forged:
        await staff.press_data(data, choices)
    await bot.settle()
    invalid = "This button is no longer valid; please open the menu again."
    assert [a.get("text") for a in staff.callback_answers][-len(forged) :] == [invalid] * len(
        forged
    )
    await staff.press("Calligraphy · enrolled + waitlist")  # still at this step
    assert (await staff.wait_message()).text.startswith("Is it urgent?")


async def test_course_audience_ignores_urgency_and_a_cancelled_course(
    bot: Bot, catalog: Catalog
) -> None:
    """Urgent does not widen a course audience; enrolled/waitlisted/both count the right people;
    a course cancelled after it was chosen reaches no one."""
    school = make_school(catalog, bot.runtime.centre)
    course_id, _ = await course_with_people(bot, school, "Calligraphy", 24_000, 2, 3)
    await residents(bot.runtime.db, 4, first_id=24_100)  # residents not on the course
    async with bot.runtime.db.read() as session:
        sizes = {
            (who, urgent): await service.audience_size(
                session, "course", f"{course_id}-{who}", urgent
            )
            for who in ("enrolled", "waitlisted", "both")
            for urgent in (False, True)
        }
    assert sizes == {
        ("enrolled", False): 2,
        ("enrolled", True): 2,
        ("waitlisted", False): 3,
        ("waitlisted", True): 3,
        ("both", False): 5,
        ("both", True): 5,
    }
    async with bot.runtime.db.transaction() as session:
        await session.execute(
            update(Course).where(Course.id == course_id).values(status="cancelled")
        )
        assert await service.audience_size(session, "course", f"{course_id}-both", True) == 0
