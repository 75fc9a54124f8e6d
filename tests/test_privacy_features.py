"""Data rights across every feature: /mydata lists what each feature holds, /forgetme cancels
places the normal way (seats and waitlists move on), keeps feedback statistics true, and leaves
no trace; retention removes identities from old feedback and answered questions."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select, update

from bot.clock import ManualClock
from bot.features.askstaff.models import StaffQuestion
from bot.features.events import service as events
from bot.features.feedback import digest
from bot.features.feedback import service as feedback
from bot.features.feedback.models import Feedback
from bot.features.feedback.service import Author, Draft
from bot.features.nightschool import enrolment
from bot.features.nightschool.common import School
from bot.features.nightschool.data import NightschoolData
from bot.features.privacy.handlers import registry
from bot.features.questions import followups
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import privacy, users
from bot.settings import HelpdeskSettings, PrivacySettings, Settings
from frontdesk_emulator import SimUser
from tests.conftest import Bot
from tests.nightschool_helpers import published_course
from tests.test_events import EVENT_START

ZQ = {"id": 3701, "first": "Zhenyaforget", "last": "Qwertyson", "username": "zq_every_feature"}
NEXT_ID, OTHER_ID, STAFF_ID = 3702, 3703, 3704


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The one-question flow of /ask (staff_questions), whose identity scrubbing this file
    checks; the helpdesk's tickets are covered in tests/test_helpdesk*.py."""
    return settings.model_copy(update={"helpdesk": HelpdeskSettings(private_threads=False)})


async def _give(bot: Bot, author: Author, draft: Draft) -> int:
    async with bot.runtime.db.transaction() as session:
        submitted = await feedback.submit(
            session,
            author=author,
            draft=draft,
            now=bot.clock.now(),
            zone=bot.runtime.centre.zone,
            settings=bot.runtime.settings.feedback,
            catalog=bot.runtime.catalog,
        )
    return submitted.feedback_id


async def _statistics(bot: Bot) -> tuple[object, ...]:
    """What the organisers' digest and export say about today's feedback."""
    today = bot.clock.now().astimezone(bot.runtime.centre.zone).date()
    async with bot.runtime.db.read() as session:
        report = await digest.build_report(session, today, today, bot.runtime.settings.feedback)
        rows = [row async for row in feedback.export_rows(session, today, today)]
    return (
        report.count,
        report.average,
        report.stars,
        report.meals,
        report.tags,
        report.unresolved_count,
        sorted((r[2], r[3], r[4]) for r in rows),  # meal, stars, tags of every exported row
    )


def _last(person: SimUser) -> int:
    """The message id of the last message the bot sent to a person (to press buttons on)."""
    return person.messages[-1].message_id


async def test_a_resident_who_used_every_feature_is_exported_and_forgotten(
    bot: Bot, catalog: Catalog
) -> None:
    """/mydata lists questions, feedback (anonymous too), classes, events, reminders and the
    digest choice; /forgetme leaves no trace in any table, offers the course seat to the next
    person, frees the event seat and leaves the feedback statistics unchanged."""
    runtime = bot.runtime
    now = bot.clock.now()
    async with runtime.db.transaction() as session:
        await users.ensure_staff(session, STAFF_ID, "Listaff", ["staff", "organiser"], now)
        staff = await users.find(session, STAFF_ID)
    assert staff is not None
    li = bot.emu.user(STAFF_ID, first_name="Listaff", language_code="en")
    zq = bot.emu.user(ZQ["id"], first_name=ZQ["first"], language_code="en")
    zq.user["last_name"] = ZQ["last"]
    zq.user["username"] = ZQ["username"]
    nxt = bot.emu.user(NEXT_ID, first_name="Nextinline", language_code="en")
    other = bot.emu.user(OTHER_ID, first_name="Otherresident", language_code="en")
    for person in (li, zq, nxt, other):
        await person.command("/start")
    await bot.settle()
    (my_id,) = (await bot.sql(f"SELECT id FROM users WHERE telegram_id = {ZQ['id']}"))[0]
    (other_id,) = (await bot.sql(f"SELECT id FROM users WHERE telegram_id = {OTHER_ID}"))[0]

    # A question that staff answered.
    await zq.command(f"/ask Is there a choir? Signed, {ZQ['first']}")
    await bot.settle()
    ((question_id,),) = await bot.sql("SELECT id FROM staff_questions")
    await li.command(f"/answer {question_id} Yes, on Fridays.")
    await bot.settle()
    assert "Yes, on Fridays." in zq.messages[-1].text

    # Feedback: a low named one with a comment and a photo (staff are alerted with the name),
    # an anonymous one, and someone else's.
    await _give(
        bot,
        Author(my_id, ZQ["first"]),
        Draft("lunch", 2, ("taste", "price"), f"Too salty - {ZQ['first']}", ("zq-photo-id",)),
    )
    await _give(bot, Author(my_id, ZQ["first"]), Draft("dinner", 4, ("variety",), anonymous=True))
    await _give(bot, Author(other_id, "Otherresident"), Draft("lunch", 5, ("taste",)))
    await bot.settle()
    assert any(ZQ["first"] in m.text for m in li.messages)  # the alert named them

    # A course with one seat: they hold it, the next person waits behind them.
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    course_id = await published_course(runtime.db, school, capacity=1)
    await zq.press_data(f"ns:join:{course_id}", message_id=_last(zq))
    await bot.settle()  # chats run concurrently: they come first
    await nxt.press_data(f"ns:join:{course_id}", message_id=_last(nxt))
    await bot.settle()
    assert await bot.sql("SELECT user_id, status FROM enrolments ORDER BY seq") == [
        (my_id, "enrolled"),
        (
            (await bot.sql(f"SELECT id FROM users WHERE telegram_id = {NEXT_ID}"))[0][0],
            "waitlisted",
        ),
    ]

    # An event with two seats, reminder settings, and (as an organiser) a digest choice.
    draft = events.Draft("剪纸", "Paper cutting", "剪纸", "Try it", "canteen", EVENT_START,
                         EVENT_START + timedelta(hours=2), 2)  # fmt: skip
    async with runtime.db.transaction() as session:
        event_id = await events.create(session, draft, staff, now)
    await zq.press_data(f"events:join:{event_id}", message_id=_last(zq))
    await zq.press_data("reminders:set:30", message_id=_last(zq))
    await bot.settle()
    assert await bot.sql("SELECT taken FROM events") == [(1,)]
    assert await bot.sql("SELECT COUNT(*) FROM reminder_preferences") == [(1,)]
    async with runtime.db.transaction() as session:
        await users.grant_role(session, my_id, "organiser", now)
        await digest.set_subscription(session, my_id, now, enabled=False)

    # /mydata
    await zq.command("/mydata")
    document = await zq.wait_message(predicate=lambda m: m.document is not None)
    assert document.document is not None
    data = json.loads(document.document["content"].decode("utf-8"))["sections"]
    (question,) = data["questions"]["questions"]
    assert question["question"].startswith("Is there a choir?")
    assert (question["status"], question["answer"]) == ("answered", "Yes, on Fridays.")
    given = {item["meal"]: item for item in data["feedback"]["feedback"]}
    assert set(given) == {"lunch", "dinner"}
    assert given["dinner"]["anonymous"] is True
    assert given["lunch"]["tags"] == ["taste", "price"]
    assert given["lunch"]["photos"] == 1
    assert len(data["feedback"]["submitted"]) == 2
    (place,) = data["nightschool"]["enrolments"]
    assert (place["course_en"], place["status"]) == ("Calligraphy", "enrolled")
    (sign_up,) = data["events"]["sign_ups"]
    assert (sign_up["event_en"], sign_up["status"]) == ("Paper cutting", "active")
    assert "30" in data["reminders"]["lead_times"]
    assert data["digest"]["enabled"] is False
    assert sorted(r["role"] for r in data["roles"]["roles"]) == ["organiser"]
    summary = await zq.wait_message()
    assert summary.text.startswith("What we hold about you")
    for line in ("Questions you asked staff: 1", "Canteen feedback you gave: 2",
                 "Event sign-ups: 1", "Classes and attendance: 1"):  # fmt: skip
        assert line in summary.text, line

    async with runtime.db.read() as session:
        who = await privacy.identity(session, my_id)
        assert who is not None
        before = {t.table for t in await privacy.find_traces(session, who)}
    assert before >= {"users", "staff_questions", "outbox_bodies"}
    statistics = await _statistics(bot)
    feedback_rows = await bot.sql("SELECT COUNT(*) FROM feedback")

    # /forgetme
    await zq.command("/forgetme")
    confirm = await zq.wait_message()
    await zq.press(catalog.text("en", "privacy-forget-yes"))
    assert (await zq.wait_edit(confirm)).text == catalog.text("en", "privacy-forgotten")
    await bot.settle()

    async with runtime.db.read() as session:
        assert await privacy.find_traces(session, who) == []
    # The seat went to the next person, with an offer they can accept.
    next_row = await bot.sql("SELECT status FROM enrolments")
    assert next_row == [("offered",)]
    assert await bot.sql("SELECT taken FROM courses") == [(1,)]
    offer = nxt.messages[-1]
    assert any(data.startswith("ns:acc:") for data in offer.callback_data())
    # The event seat is free again; nothing of theirs is left in the sign-ups.
    assert await bot.sql("SELECT taken FROM events") == [(0,)]
    assert await bot.sql("SELECT COUNT(*) FROM event_signups") == [(0,)]
    # Feedback: same rows, same numbers; theirs anonymised without comment or photos.
    assert await bot.sql("SELECT COUNT(*) FROM feedback") == feedback_rows
    assert await _statistics(bot) == statistics
    assert await bot.sql(
        "SELECT meal, stars, anonymous, comment, photos FROM feedback "
        "WHERE user_id IS NULL ORDER BY meal"
    ) == [("dinner", 4, True, None, None), ("lunch", 2, True, None, None)]
    # Nothing else of theirs: questions, reminder settings, digest choice.
    for table in ("staff_questions", "reminder_preferences", "digest_subscriptions"):
        assert await bot.sql(f"SELECT COUNT(*) FROM {table}") == [(0,)], table


async def test_organiser_export_never_identifies_anonymous_or_forgotten_authors(
    bot: Bot, catalog: Catalog
) -> None:
    """/export carries anonymous and forgotten residents' feedback without their name or id."""
    now = bot.clock.now()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, STAFF_ID, "Orgperson", ["organiser"], now)
        hidden = await users.register(
            session, users.Person(3711, "Hiddenname", None, "hidden_user", "en"), now
        )
        gone = await users.register(session, users.Person(3712, "Gonename", None, None, "en"), now)
        named = await users.register(
            session, users.Person(3713, "Shownname", None, None, "en"), now
        )
    await _give(
        bot, Author(hidden.id, "Hiddenname"), Draft("lunch", 3, comment="ok", anonymous=True)
    )
    await _give(bot, Author(gone.id, "Gonename"), Draft("lunch", 4, comment="fine"))
    await _give(bot, Author(named.id, "Shownname"), Draft("dinner", 5))
    async with bot.runtime.db.transaction() as session:
        await privacy.forget_user(session, gone.id, now, registry(bot.runtime))
    org = bot.emu.user(STAFF_ID, first_name="Orgperson", language_code="en")
    day = now.astimezone(bot.runtime.centre.zone).date().isoformat()
    await org.command(f"/export {day}..{day}")
    xlsx = await org.wait_message()
    csv_doc = await org.wait_message()
    assert xlsx.document is not None
    assert csv_doc.document is not None
    text = csv_doc.document["content"].decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    assert len(rows) == 3  # the forgotten resident's feedback still counts
    for needle in ("Hiddenname", "hidden_user", "3711", "Gonename", "3712", "fine"):
        assert needle not in text, needle
        assert needle.encode() not in xlsx.document["content"], needle
    assert "Shownname" in text


async def test_retention_removes_identities_from_old_feedback_and_answered_questions(
    bot: Bot,
) -> None:
    """After identity_retention_days, feedback and answered questions lose their author (and
    the author's names inside their text); open questions and recent feedback keep it."""
    now = bot.clock.now()
    old = now - timedelta(days=181)
    async with bot.runtime.db.transaction() as session:
        wang = await users.register(
            session, users.Person(3721, "Wangretained", None, None, "en"), now
        )
        for text, status, answered_at in (
            ("Old question from Wangretained", "answered", old),
            ("Recent question", "answered", now),
            ("Still open", "open", None),
        ):
            session.add(
                StaffQuestion(
                    user_id=wang.id, chat_id=3721, text=text, status=status, created_at=old,
                    asked_at=old, answer="Answer" if answered_at else None,
                    answered_at=answered_at,
                )
            )  # fmt: skip
    author = Author(wang.id, "Wangretained")
    old_id = await _give_at(bot, author, Draft("lunch", 3, comment="Wangretained says hi"), old)
    new_id = await _give(bot, author, Draft("dinner", 4))
    done = await privacy.apply_retention(
        bot.runtime.db, now, PrivacySettings(identity_retention_days=180), registry(bot.runtime)
    )
    assert done["questions"] == 1
    assert done["feedback"] >= 1
    async with bot.runtime.db.read() as session:
        questions = {q.text: q for q in await session.scalars(select(StaffQuestion))}
        feedbacks = {f.id: f for f in await session.scalars(select(Feedback))}
    anonymised = questions["Old question from deleted user"]
    assert (anonymised.user_id, anonymised.chat_id, anonymised.answer) == (None, None, "Answer")
    assert questions["Recent question"].user_id == wang.id
    assert questions["Still open"].user_id == wang.id
    assert feedbacks[old_id].user_id is None
    assert feedbacks[old_id].comment == "deleted user says hi"
    assert feedbacks[new_id].user_id == wang.id


async def test_feedback_retention_writes_only_the_rows_still_as_it_read_them(bot: Bot) -> None:
    """The pass reads a batch of old feedback outside the write lock and writes it after: a
    row its author changed in between keeps its author and new comment; the others lose
    their author and have their names scrubbed."""
    now = bot.clock.now()
    old = now - timedelta(days=181)
    async with bot.runtime.db.transaction() as session:
        wang = await users.register(session, users.Person(3731, "Wangguard", None, None, "en"), now)
    author = Author(wang.id, "Wangguard")
    edited_id = await _give_at(bot, author, Draft("lunch", 3, comment="Wangguard edits"), old)
    kept_id = await _give_at(bot, author, Draft("dinner", 4, comment="Wangguard says hi"), old)
    settings = PrivacySettings(identity_retention_days=180)
    async with bot.runtime.db.read() as session:
        batch = await feedback.DATA_SECTION.read_batch(session, now, settings, 10)
    async with bot.runtime.db.transaction() as session:
        await session.execute(
            update(Feedback)
            .where(Feedback.id == edited_id)
            .values(comment="Wangguard edited it", updated_at=now)
        )
    async with bot.runtime.db.transaction() as session:
        await feedback.DATA_SECTION.write_batch(session, batch, now, settings)
    async with bot.runtime.db.read() as session:
        rows = {f.id: (f.user_id, f.comment) for f in await session.scalars(select(Feedback))}
    assert rows == {
        edited_id: (wang.id, "Wangguard edited it"),
        kept_id: (None, "deleted user says hi"),
    }


async def _give_at(bot: Bot, author: Author, draft: Draft, at: datetime) -> int:
    async with bot.runtime.db.transaction() as session:
        submitted = await feedback.submit(
            session,
            author=author,
            draft=draft,
            now=at,
            zone=bot.runtime.centre.zone,
            settings=bot.runtime.settings.feedback,
            catalog=bot.runtime.catalog,
        )
    return submitted.feedback_id


def test_every_feature_registers_its_section_once(runtime: Runtime) -> None:
    """The runtime's sections (from the manifests) hold every feature's once, foundation first."""
    names = [s.name for s in registry(runtime)]
    # The foundation's: who they are, roles, messages, audit, half-filled forms, the inbox.
    assert names[:6] == ["profile", "roles", "messages", "audit", "forms", "inbox"]
    assert set(names[6:]) == {
        "questions",
        "feedback",
        "digest",
        "reminders",
        "events",
        "nightschool",
        "tickets",
        "surveys",
        "follow_ups",
    }
    assert len(names) == len(set(names))


async def test_forget_releases_a_seat_even_past_the_cancellation_cutoff(bot: Bot) -> None:
    """The late-cancellation rule cannot keep a forgotten person's seat: it goes to the next
    person waiting, and without the night school's environment forget refuses instead."""
    runtime = bot.runtime
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    course_id = await published_course(runtime.db, school, capacity=1)
    now = bot.clock.now()
    async with runtime.db.transaction() as session:
        first = await users.register(session, users.Person(3731, "Firstone"), now)
        second = await users.register(session, users.Person(3732, "Secondone"), now)
        await enrolment.sign_up(session, school, course_id, first.id, now)
        await enrolment.sign_up(session, school, course_id, second.id, now)
    later = EVENT_START + timedelta(days=14)  # the first class is on 18 March: past the cutoff
    async with runtime.db.transaction() as session:
        refused = await enrolment.withdraw(session, school, course_id, first.id, later)
        assert refused.code == enrolment.CUTOFF
    without_school = privacy.sections([NightschoolData(None)])
    async with runtime.db.transaction() as session:
        with pytest.raises(RuntimeError):
            await privacy.forget_user(session, first.id, later, without_school)
    async with runtime.db.transaction() as session:
        assert await privacy.forget_user(session, first.id, later, registry(runtime))
    assert await bot.sql("SELECT user_id, status FROM enrolments") == [(second.id, "offered")]


async def test_forgetting_several_seat_holders_at_once_passes_each_seat_on(bot: Bot) -> None:
    """A batch of people forgotten together gives up each place as one cancellation would:
    a held seat goes to the first person waiting while anyone waits, the next one back to the
    course; a waitlist place frees nothing; and nobody else's place changes."""
    runtime = bot.runtime
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    course_id = await published_course(runtime.db, school, capacity=3)
    now = bot.clock.now()
    ids = []
    async with runtime.db.transaction() as session:
        for n in range(5):  # three seats, then two waiting
            person = await users.register(session, users.Person(3740 + n, f"Seat{n}"), now)
            await enrolment.sign_up(session, school, course_id, person.id, now)
            ids.append(person.id)
    async with runtime.db.transaction() as session:
        # Two seat holders and the second of those waiting: one seat is offered to the
        # first waiting, the other goes back.
        await privacy.forget_users(session, [ids[0], ids[1], ids[4]], now, registry(runtime))
    assert await bot.sql("SELECT user_id, status FROM enrolments ORDER BY user_id") == [
        (ids[2], "enrolled"),
        (ids[3], "offered"),
    ]
    assert await bot.sql(f"SELECT taken FROM courses WHERE id = {course_id}") == [(2,)]


async def test_forgetting_many_people_at_once_leaves_no_trace_of_them_and_spares_others(
    bot: Bot,
) -> None:
    """Retention forgets blocked residents in batches, one statement per section for all of
    them: each of the batch is gone from every table (their feedback alerts to staff too), and
    a resident outside the batch keeps everything."""
    now = bot.clock.now()
    people = {}
    async with bot.runtime.db.transaction() as session:
        for telegram_id, name in ((3731, "Batchone"), (3732, "Batchtwo"), (3733, "Keptthree")):
            people[name] = await users.register(
                session, users.Person(telegram_id, name, None, f"u{telegram_id}", "en"), now
            )
            session.add(
                StaffQuestion(
                    user_id=people[name].id, chat_id=telegram_id, text=f"Question of {name}",
                    status="open", created_at=now, asked_at=now,
                )
            )  # fmt: skip
    for name, person in people.items():  # a low rating alerts staff, naming the author
        await _give(bot, Author(person.id, name), Draft("lunch", 1, ("taste",), f"From {name}"))
    await bot.settle()
    async with bot.runtime.db.transaction() as session:
        gone = await privacy.forget_users(
            session,
            [people["Batchone"].id, people["Batchtwo"].id, 999_999],  # an unknown id is skipped
            now,
            registry(bot.runtime),
        )
    assert gone == 2
    async with bot.runtime.db.read() as session:
        kept = await privacy.identities(session, [people["Keptthree"].id])
        assert await privacy.identities(session, [p.id for p in people.values()]) == kept
        for name in ("Batchone", "Batchtwo"):
            who = privacy.Identity(people[name].id, people[name].telegram_id, name, None, None)
            assert await privacy.find_traces(session, who) == [], name
        traces = await privacy.find_traces(session, kept[people["Keptthree"].id])
    assert {t.table for t in traces} >= {"users", "staff_questions", "feedback"}


async def test_forgetting_answers_in_the_language_chosen_not_the_phones(
    bot: Bot, catalog: Catalog
) -> None:
    """A resident whose phone speaks Chinese chose English: the last word is in English too
    (it was read from the deleted profile's fallback, the phone's Chinese)."""
    wang = bot.emu.user(7071, first_name="Wang", language_code="zh")
    await wang.command("/language")
    await wang.wait_message()
    await wang.press("lang:en")
    await bot.settle()
    yes = catalog.text("en", "privacy-forget-yes")
    await wang.command("/forgetme")
    confirm = await wang.wait_message(predicate=lambda m: yes in m.button_texts())
    await wang.press(yes)
    assert (await wang.wait_edit(confirm)).text == catalog.text("en", "privacy-forgotten")


async def _every_row(session: Any, before: dict[str, int]) -> dict[str, list[str]]:
    """Every row of every table, as sorted text; an id given after ``before`` (the largest
    id of each table then) reads "new", in its table and where another row refers to it
    (PostgreSQL's sequences do not roll back, so the same new row may get another id)."""
    from bot.storage.models import Base

    rows: dict[str, list[str]] = {}
    for table in Base.metadata.sorted_tables:
        keyed = {
            c.name: table.name for c in table.primary_key.columns if c.name == "id" and _integer(c)
        }
        for column in table.columns:
            for key in column.foreign_keys:
                if key.column.name == "id" and _integer(key.column):
                    keyed[column.name] = key.column.table.name
        found = []
        for row in (await session.execute(select(table))).mappings():
            shown = {
                name: "new"
                if name in keyed and isinstance(value, int) and value > before.get(keyed[name], 0)
                else value
                for name, value in row.items()
            }
            found.append(repr(sorted(shown.items())))
        rows[table.name] = sorted(found)
    return rows


def _integer(column: Any) -> bool:
    from sqlalchemy import Integer

    return isinstance(column.type, Integer)


async def _largest_ids(session: Any) -> dict[str, int]:
    from sqlalchemy import func

    from bot.storage.models import Base

    largest = {}
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key and _integer(table.c.id):
            largest[table.name] = int(await session.scalar(select(func.max(table.c.id))) or 0)
    return largest


async def test_forgetting_with_the_probe_changes_exactly_what_forgetting_without_it_did(
    runtime: Runtime, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: a batch asks in one statement which sections hold anything of its people
    and skips the others. The database after forgetting a batch that way is the same, row
    for row, as after every section ran (as before the probe), for a batch whose people hold
    different things (a seat with someone waiting, an event place, a question, feedback
    with a staff alert, a digest choice, a role they granted, a follow-up's context) beside
    people kept."""
    now = clock.now()
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    course_id = await published_course(runtime.db, school, capacity=1)
    staff_draft = events.Draft("剪纸", "Paper cutting", "剪纸", "Try it", "canteen", EVENT_START,
                               EVENT_START + timedelta(hours=2), 2)  # fmt: skip
    ids = []
    async with runtime.db.transaction() as session:
        await users.ensure_staff(session, STAFF_ID, "Listaff", ["staff", "organiser"], now)
        staff = await users.find(session, STAFF_ID)
        assert staff is not None
        event_id = await events.create(session, staff_draft, staff, now)
        for n in range(6):
            person = await users.register(
                session, users.Person(3760 + n, f"Probe{n}", None, f"probe{n}", "en"), now
            )
            ids.append(person.id)
        await enrolment.sign_up(session, school, course_id, ids[0], now)  # the seat
        await enrolment.sign_up(session, school, course_id, ids[4], now)  # waiting (kept)
        await events.sign_up(session, event_id, ids[1], now)
        session.add(
            StaffQuestion(
                user_id=ids[2], chat_id=3762, text="Question of Probe2", status="open",
                created_at=now, asked_at=now,
            )
        )  # fmt: skip
        await digest.set_subscription(session, ids[2], now, enabled=False)
        await users.grant_role(session, ids[5], "organiser", now, granted_by=ids[0])
        await followups.remember(session, 3761, ["canteen"], [now.date()], "en", now)
        await followups.remember(session, 3764, ["canteen"], [now.date()], "en", now)  # kept
    for n in (1, 4):  # a low rating alerts staff, naming the author
        async with runtime.db.transaction() as session:
            await feedback.submit(
                session, author=Author(ids[n], f"Probe{n}"),
                draft=Draft("lunch", 1, ("taste",), f"From Probe{n}"), now=now,
                zone=runtime.centre.zone, settings=runtime.settings.feedback,
                catalog=runtime.catalog,
            )  # fmt: skip
    batch = [ids[0], ids[1], ids[2], ids[3]]  # ids[3] holds nothing but the user row

    async def after_forgetting() -> dict[str, list[str]]:
        async with runtime.db.transaction() as session:
            before = await _largest_ids(session)
            assert await privacy.forget_users(session, batch, now, registry(runtime)) == 4
            rows = await _every_row(session, before)
            await session.rollback()
        return rows

    probed = await after_forgetting()
    skipped: list[int] = []
    holding = privacy._holding

    async def every_section(session: Any, ordered: Any, known: Any) -> set[int]:
        skipped.append(len(ordered) - len(await holding(session, ordered, known)))
        return set(range(len(ordered)))

    monkeypatch.setattr(privacy, "_holding", every_section)
    unprobed = await after_forgetting()
    assert skipped
    assert skipped[0] > 0  # the probe did skip sections for this batch
    assert probed == unprobed
    assert probed["users"] != []  # the people kept are still there
