"""Hostile input through the real Application: every case gets a clear answer and changes
nothing in the database.

The table is meant to grow: when a feature lands, add its commands, its callback prefixes
(forged, stale, other people's ids) and its free-text prompts to CASES.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

import pytest

from bot.features.askstaff import service as askstaff
from bot.features.events import service as events
from bot.features.feedback import service as feedback
from bot.features.nightschool import enrolment
from bot.features.nightschool.common import School
from bot.i18n import Catalog
from bot.schema import Base
from bot.services import users
from tests.conftest import Bot
from tests.nightschool_helpers import published_course
from tests.test_events import EVENT_START


@dataclass(frozen=True)
class Case:
    """One hostile input: ``text`` sent as a message, or ``data`` pressed as a button."""

    label: str
    text: str | None = None
    data: str | None = None
    name: str = "Hostile"
    expect: str | None = None  # a catalog key the answer must be, when it is known
    # Tables the case may legitimately change: text that looks like a question the bot cannot
    # answer is kept as a draft (staff_questions) so the resident can pass it to a person.
    may_change: frozenset[str] = frozenset()


DRAFT = frozenset({"staff_questions"})
# Someone else's records exist (see _seed), so forged ids can point at real rows.
SEEDED_START = int(EVENT_START.timestamp())


CASES: list[Case] = [
    # over-long and empty-looking text
    Case("max length", text="x" * 4096, expect="not-understood"),
    Case("over Telegram's limit", text="y" * 5000, expect="not-understood"),
    Case("only spaces", text="     ", expect="not-understood"),
    Case("only newlines", text="\n\n\n", expect="not-understood"),
    # control, zero-width, right-to-left
    Case("NUL byte", text="abc\x00def", expect="not-understood"),
    Case("only NUL", text="\x00", expect="not-understood"),
    Case("control characters", text="\x01\x02\x07\x08\x1b[31mred\x7f", expect="not-understood"),
    Case("zero-width", text="\u200b\u200c\u200d\ufeff\u2060", expect="not-understood"),
    Case("right-to-left override", text="\u202eevil\u202c\u200f", expect="not-understood"),
    Case("lone surrogate", text="\ud800 broken", expect="not-understood"),
    Case("zero-width in a command", text="/he\u200blp", expect="unknown-command"),
    # HTML injection
    Case("bold tag", text="<b>bold</b>", expect="qa-no-answer", may_change=DRAFT),
    Case("closing anchor", text="</a>", expect="not-understood"),
    Case("entities", text="&amp; &lt; &#0; &#x110000;", expect="qa-no-answer", may_change=DRAFT),
    Case(
        "script link",
        text='<a href="javascript:alert(1)">x</a>',
        expect="qa-no-answer",
        may_change=DRAFT,
    ),
    # SQL and format strings
    Case("SQL drop", text="'; DROP TABLE users; --", expect="qa-no-answer", may_change=DRAFT),
    Case("SQL tautology", text='" OR ""="', expect="not-understood"),
    Case(
        "format strings",
        text="%s %n %x {0} {name} ${jndi:ldap://x}",
        expect="qa-no-answer",
        may_change=DRAFT,
    ),
    # numbers and dates
    Case("huge number", text="9" * 400, expect="not-understood"),
    Case("huge negative", text="-99999999999999999999999999", expect="not-understood"),
    Case("float overflow", text="1e309", expect="not-understood"),
    Case("year 9999", text="9999-12-31", expect="qa-no-answer", may_change=DRAFT),
    Case("year 9999 with time", text="31/12/9999 23:59", expect="qa-no-answer", may_change=DRAFT),
    Case("zero date", text="0000-00-00", expect="qa-no-answer", may_change=DRAFT),
    # emoji
    Case("many emoji", text="😀" * 1000, expect="not-understood"),
    Case("ZWJ emoji", text="👨‍👩‍👧‍👦🏳️‍🌈", expect="not-understood"),
    # commands
    Case("start with huge payload", text="/start " + "A" * 4000),
    Case("long unknown command", text="/" + "x" * 64, expect="unknown-command"),
    Case("command for another bot", text="/mydata@other_bot", expect="unknown-command"),
    Case("staff command", text="/staff", expect="refused-staff-only"),
    # names
    Case("name of only spaces", text="/help", name="   "),
    Case("HTML name", text="/start", name="<b>x</b></a>&amp;"),
    Case("RTL zero-width name", text="/start", name="\u202e\u200bevil\u0000"),
    # forged callback data: the language prefix
    Case("lang empty", data="lang:", expect="button-invalid"),
    Case("lang unknown", data="lang:xx", expect="button-invalid"),
    Case("lang upper case", data="lang:ZH", expect="button-invalid"),
    Case("lang extra field", data="lang:zh:extra", expect="button-invalid"),
    Case("lang 64 bytes", data="lang:" + "z" * 59, expect="button-invalid"),
    # forged callback data: the privacy prefix
    Case("forget other id", data="privacy:forget:1:1", expect="privacy-forget-expired"),
    Case(
        "forget future",
        data="privacy:forget:999999999999:99999999999",
        expect="privacy-forget-expired",
    ),
    Case("forget not numbers", data="privacy:forget:abc:def", expect="button-invalid"),
    Case("keep with args", data="privacy:keep:1", expect="button-invalid"),
    Case("privacy bare", data="privacy:", expect="button-invalid"),
    # forged callback data of the features: stale or unknown ids, other people's records,
    # staff buttons pressed by a resident, wrong arity, 64 bytes of garbage per prefix
    Case("ns unknown course", data="ns:join:999999", expect="ns-result-not-found"),
    Case("ns card of unknown course", data="ns:card:999999999999", expect="ns-result-not-found"),
    Case("ns accept someone's offer", data="ns:acc:2", expect="ns-result-not-yours"),
    Case("ns decline someone's offer", data="ns:dec:2", expect="ns-result-not-yours"),
    Case("ns leave a course one is not on", data="ns:leave:1", expect="ns-result-nothing"),
    Case("ns accept a withdrawn place", data="ns:acc:1", expect="ns-result-not-yours"),
    Case("ns decline stale offer", data="ns:dec:999999999999", expect="ns-result-offer-gone"),
    Case("ns leave unknown course", data="ns:leave:42", expect="ns-result-not-found"),
    Case("ns staff publish", data="ns:pub:1", expect="refused-staff-only"),
    Case("ns staff roster", data="ns:ros:1", expect="refused-staff-only"),
    Case("ns staff cancel", data="ns:ccy:1", expect="refused-staff-only"),
    Case("ns staff attendance mark", data="ns:atm:1:1", expect="refused-staff-only"),
    Case("ns unknown action", data="ns:zzz:1", expect="button-invalid"),
    Case("ns letters for id", data="ns:join:abc", expect="button-invalid"),
    Case("ns 64 bytes", data="ns:join:" + "9" * 56, expect="button-invalid"),
    Case("events unknown event", data="events:join:999999", expect="button-invalid"),
    Case("events show unknown", data="events:show:999999999999", expect="button-invalid"),
    Case("events leave unknown", data="events:leave:7", expect="button-invalid"),
    Case("events leave someone's event", data="events:leave:1", expect="events-not-in"),
    Case(
        "reminders cant come to someone's event",
        data=f"reminders:cant:event:1:{SEEDED_START}",
        expect="reminders-cant-not-expected",
    ),
    Case("events staff cancel confirm", data="events:cancelok:1", expect="refused-staff-only"),
    Case("events extra field", data="events:join:1:2", expect="button-invalid"),
    Case("events 64 bytes", data="events:" + "x" * 57, expect="button-invalid"),
    Case(
        "reminders cant come unknown",
        data="reminders:cant:event:999999:1772416800",
        expect="reminders-cant-stale",
    ),
    Case(
        "reminders cant come unknown kind",
        data="reminders:cant:nothing:1:1",
        expect="button-invalid",
    ),
    Case("reminders bad lead", data="reminders:set:99", expect="button-invalid"),
    Case("reminders 64 bytes", data="reminders:" + "r" * 54, expect="button-invalid"),
    Case("feedback staff reply", data="feedback:reply:1", expect="refused-staff-only"),
    Case("feedback staff resolve", data="feedback:resolve:1", expect="refused-staff-only"),
    Case("feedback staff photos", data="feedback:photos:1", expect="refused-staff-only"),
    Case("feedback organiser digest switch", data="feedback:dset:off", expect="refused-staff-only"),
    Case("feedback stars outside the form", data="feedback:stars:5", expect="button-invalid"),
    Case("feedback confirm outside the form", data="feedback:confirm:go", expect="button-invalid"),
    Case("feedback 64 bytes", data="feedback:" + "f" * 55, expect="button-invalid"),
    Case("hours unknown venue", data="hours:week:nowhere", expect="button-invalid"),
    Case("hours 64 bytes", data="hours:week:" + "h" * 53, expect="button-invalid"),
    Case("ask someone else's draft", data="ask:send:1", expect="ask-draft-invalid"),
    Case("ask huge id", data="ask:send:" + "9" * 40, expect="button-invalid"),
    Case("qa unknown faq", data="qa:faq:nothing_here", expect="button-invalid"),
    Case("qa 64 bytes", data="qa:faq:" + "q" * 57, expect="button-invalid"),
    Case("privacy 64 bytes", data="privacy:forget:" + "1" * 49, expect="button-invalid"),
    # staff commands called by a resident: each refused politely
    *[
        Case(f"resident {command.split()[0]}", text=command, expect="refused-staff-only")
        for command in (
            "/ns_new",
            "/ns_courses",
            "/ns_import",
            "/ns_edit 1",
            "/newevent",
            "/editevent 1",
            "/cancelevent 1",
            "/closure canteen 9999-12-31",
            "/special canteen 9999-12-31 09:00-10:00",
            "/exceptions",
            "/unexception 1",
            "/questions",
            "/answer 1 hello",
            "/digest 9999-01-01",
            "/export 9999-01-01..9999-12-31",
            "/digestsettings 25:99",
        )
    ],
    # free text to the features' commands
    # /ask opens a conversation with staff (issue 15): only an over-long first message is refused.
    Case("ask over-long", text="/ask " + "x" * 4001),
    Case("hours year 9999", text="/hours 9999-12-31"),
    Case("hours huge number", text="/hours " + "9" * 300),
    Case("events with arguments", text="/events '; DROP TABLE events; --"),
    Case("classes with NUL", text="/classes \x00\u202e"),
    Case("reminders with HTML", text="/reminders <b>x</b>"),
    # /feedback opens the form whatever follows it: the form's first step is stored.
    Case(
        "feedback with garbage",
        text="/feedback \u200b" + "z" * 3000,
        may_change=frozenset({"form_states"}),
    ),
    # forged callback data: unknown and garbage
    Case("unknown prefix", data="zz:" + "9" * 61, expect="button-invalid"),
    Case("latin-1 looking", data="ÿþ" * 16, expect="button-invalid"),
    Case("NUL data", data="\x00", expect="button-invalid"),
    Case("lone surrogate data", data="lang:\udfff", expect="button-invalid"),
    Case("SQL data", data="' OR 1=1 --", expect="button-invalid"),
    Case("colons only", data=":" * 64, expect="button-invalid"),
]


def test_the_table_is_big_enough() -> None:
    """The issue asks for at least 30 hostile inputs; every label is distinct."""
    assert len(CASES) >= 30
    assert len({c.label for c in CASES}) == len(CASES)


# Written by the clock, not by anyone's input: a job's progress mark (the reminder tick may
# run during any case), instances' heartbeats and the shared send budget. The durable inbox
# stores every update and marks its effects, whatever the update holds, and the shared flood
# guard (PostgreSQL) counts every resident's update.
BOOKKEEPING = frozenset(
    {
        "reminder_scans", "instances", "send_buckets", "inbox_updates", "inbox_effects",
        "flood_buckets",
    }
)  # fmt: skip


async def _contents(bot: Bot) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the clock's bookkeeping (the tables are tiny here)."""
    contents = {}
    for table in Base.metadata.sorted_tables:
        if table.name in BOOKKEEPING:
            continue
        contents[table.name] = sorted((await bot.sql(f"SELECT * FROM {table.name}")), key=repr)
    return contents


async def _seed(bot: Bot) -> None:
    """Other people's records: a course (1) where A withdrew (enrolment 1) and B holds an
    offer (enrolment 2), an event (1) A signed up for, A's draft question (1), A's feedback (1)."""
    runtime, now = bot.runtime, bot.clock.now()
    for telegram_id, name in ((4991, "Seeda"), (4992, "Seedb")):
        bot.emu.user(telegram_id, first_name=name, language_code="en")  # their chats exist
    school = School(runtime.catalog, runtime.centre, runtime.settings.nightschool)
    async with runtime.db.transaction() as session:
        await users.ensure_staff(session, 4990, "Seedstaff", ["staff"], now)
        staff = await users.find(session, 4990)
        a = await users.register(session, users.Person(4991, "Seeda", language_code="en"), now)
        b = await users.register(session, users.Person(4992, "Seedb", language_code="en"), now)
    assert staff is not None
    course_id = await published_course(runtime.db, school, capacity=1)
    async with runtime.db.transaction() as session:
        await enrolment.sign_up(session, school, course_id, a.id, now)
        await enrolment.sign_up(session, school, course_id, b.id, now)
        await enrolment.withdraw(session, school, course_id, a.id, now)
        draft = events.Draft("讲座", "Talk", "讲座", "A talk", "canteen", EVENT_START,
                             EVENT_START + timedelta(hours=1), 10)  # fmt: skip
        event_id = await events.create(session, draft, staff, now)
        await events.sign_up(session, event_id, a.id, now)
        await askstaff.save_draft(session, a.id, 4991, "A question of A", now)
        await feedback.submit(
            session,
            author=feedback.Author(a.id, "Seeda"),
            draft=feedback.Draft("lunch", 1, comment="cold"),
            now=now,
            zone=runtime.centre.zone,
            settings=runtime.settings.feedback,
            catalog=runtime.catalog,
        )
    await bot.settle()
    rows = await bot.sql("SELECT id, user_id, status FROM enrolments ORDER BY id")
    assert rows == [(1, a.id, "cancelled"), (2, b.id, "offered")]


async def test_hostile_inputs_get_clear_answers_and_change_nothing(
    bot: Bot, catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    """Each hostile input from a fresh resident is answered and leaves every table as it was."""
    await _seed(bot)
    failures: list[str] = []
    with caplog.at_level(logging.WARNING):
        for number, case in enumerate(CASES):
            person = bot.emu.user(5000 + number, first_name=case.name, language_code="en")
            await person.command("/start")
            await bot.settle()
            greeting = person.messages[-1]
            before = await _contents(bot)
            messages, answers = len(person.messages), len(person.callback_answers)
            if case.text is not None:
                await person.send(case.text)
            else:
                assert case.data is not None
                await person.press_data(case.data, message_id=greeting)
            await bot.settle()
            after = await _contents(bot)
            changed = {name for name in after if after[name] != before.get(name)}
            if changed - case.may_change:
                failures.append(f"{case.label}: the database changed: {sorted(changed)}")
            if case.text is not None:
                new = person.messages[messages:]
                got = new[0].text if new else None
                wanted = catalog.text("en", case.expect) if case.expect else None
                if not new or not got or (wanted is not None and got != wanted):
                    failures.append(f"{case.label}: answer {got!r}, wanted {wanted!r}")
            else:
                new_answers = person.callback_answers[answers:]
                got = new_answers[0].get("text") if new_answers else None
                wanted = catalog.text("en", case.expect) if case.expect else None
                if not got or (wanted is not None and got != wanted):
                    failures.append(f"{case.label}: callback answer {got!r}, wanted {wanted!r}")
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    failures += [f"logged at {r.levelname}: {r.getMessage()}" for r in errors]
    assert not failures, "\n".join(failures)
