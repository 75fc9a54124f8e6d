"""Data rights: the notice, /mydata, /forgetme (with a scan of every table), retention."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import BigInteger, Column, MetaData, String, Table, func, insert, select

from bot.clock import ManualClock
from bot.features.privacy.handlers import SECTION_TEXTS
from bot.i18n import Catalog
from bot.services import audit, outbox, privacy, users
from bot.settings import PrivacySettings, Settings
from bot.storage.db import Database
from bot.storage.models import AuditEntry, OutboxMessage, User
from frontdesk_emulator import BotMessage
from tests.conftest import DEFAULT_NOW, Bot

NOW = DEFAULT_NOW


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """The default privacy settings, first-contact notice included."""
    return settings.model_copy(update={"privacy": PrivacySettings()})


def notice(catalog: Catalog, lang: str) -> str:
    return catalog.text(lang, "privacy-notice", identity_days=180, blocked_days=90)


def short_notice(catalog: Catalog, lang: str) -> str:
    """What first contact shows: two lines, the full text behind a button (issue 16)."""
    return catalog.text(lang, "privacy-notice-short")


def person(telegram_id: int, first: str, last: str | None = None, username: str | None = None):
    return users.Person(telegram_id, first, last, username, "en")


async def snapshot_counts(bot: Bot) -> dict[str, int]:
    from bot.schema import Base

    counts = {}
    for table in Base.metadata.sorted_tables:
        counts[table.name] = (await bot.sql(f"SELECT COUNT(*) FROM {table.name}"))[0][0]
    return counts


# -- the notice -----------------------------------------------------------------------------


async def test_start_of_a_new_resident_sends_greeting_then_notice(
    bot: Bot, catalog: Catalog
) -> None:
    """/start on first contact: the greeting first, then the privacy notice in their language."""
    wang = bot.emu.user(3001, first_name="王阿姨", language_code="zh-hans")
    await wang.command("/start")
    greeting = await wang.wait_message()
    assert greeting.text.startswith("您好")
    shown = await wang.wait_message()
    assert shown.html == short_notice(catalog, "zh")
    assert len(shown.html.splitlines()) <= 2
    await wang.press(catalog.text("zh", "privacy-btn-full"))
    full = await wang.wait_edit(shown)
    assert full.html == notice(catalog, "zh")
    await wang.command("/start")
    await bot.settle()
    assert [m.text.startswith("您好") for m in wang.messages] == [True, False, True]
    rows = await bot.sql("SELECT COUNT(*) FROM privacy_notices")
    assert rows == [(1,)]


async def test_first_message_other_than_start_gets_the_notice_once_before_the_answer(
    bot: Bot, catalog: Catalog
) -> None:
    """A new resident who opens with a question sees the notice before the answer, only once."""
    alice = bot.emu.user(3002, first_name="Alice", language_code="en")
    await alice.send("hello?")
    first = await alice.wait_message()
    assert first.html == short_notice(catalog, "en")
    assert len(first.html.splitlines()) <= 2
    assert first.button_texts() == [catalog.text("en", "privacy-btn-full")]
    assert (await alice.wait_message()).html != short_notice(catalog, "en")  # then the answer
    await alice.send("again")
    await alice.command("/help")
    await bot.settle()
    texts = [m.html for m in alice.messages]
    assert texts.count(short_notice(catalog, "en")) == 1
    assert len(texts) == 4


async def test_known_user_who_never_saw_the_notice_gets_it_once(bot: Bot, catalog: Catalog) -> None:
    """Someone registered before the notice existed (e.g. bootstrapped staff) sees it once."""
    async with bot.runtime.db.transaction() as session:
        await users.register(session, person(3003, "Bob"), bot.clock.now())
    bob = bot.emu.user(3003, first_name="Bob", language_code="en")
    await bob.command("/help")
    assert (await bob.wait_message()).html == short_notice(catalog, "en")
    await bob.command("/help")
    await bot.settle()
    assert [m.html for m in bob.messages].count(short_notice(catalog, "en")) == 1


async def test_privacy_command_shows_the_notice_again(bot: Bot, catalog: Catalog) -> None:
    """/privacy repeats the notice whenever asked."""
    alice = bot.emu.user(3004, first_name="Alice", language_code="en")
    await alice.command("/start")
    await bot.settle()
    await alice.command("/privacy")
    await bot.settle()
    assert alice.messages[-1].html == notice(catalog, "en")
    assert [m.html for m in alice.messages].count(short_notice(catalog, "en")) == 1


# -- the generic scan -----------------------------------------------------------------------


async def test_scan_finds_identity_in_a_table_added_later(database: Database) -> None:
    """find_traces covers every table of the metadata it is given, not a fixed list."""
    later = MetaData()
    table = Table(
        "privacy_scan_probe",
        later,
        Column("id", BigInteger, primary_key=True),
        Column("note", String(64)),
        Column("who", BigInteger),
    )
    async with database.engine.begin() as connection:
        await connection.run_sync(later.create_all)
    try:
        who = privacy.Identity(1, 987654321, "Quixotina", None, "quix_probe")
        async with database.transaction() as session:
            await session.execute(insert(table).values(id=1, note="hi QUIXOTINA!", who=5))
            await session.execute(insert(table).values(id=2, note="nothing", who=987654321))
            traces = await privacy.find_traces(session, who, metadata=later)
        assert {(t.table, t.column) for t in traces} == {
            ("privacy_scan_probe", "note"),
            ("privacy_scan_probe", "who"),
        }
    finally:
        async with database.engine.begin() as connection:
            await connection.run_sync(later.drop_all)


# -- /mydata and /forgetme end to end -------------------------------------------------------

ZQ = {"id": 3101, "first": "Zhenyaforget", "last": "Qwertyson", "username": "zq_forget_me"}


async def _populate(bot: Bot) -> tuple[int, int]:
    """A resident with a language choice, a role, messages, audit entries; and someone else."""
    now = bot.clock.now()
    async with bot.runtime.db.transaction() as session:
        other = await users.register(session, person(3199, "Otherperson"), now)
        staff = await users.register(session, person(3198, "Staffmember"), now)
        me = await users.find(session, ZQ["id"])
        assert me is not None
        await users.grant_role(session, me.id, "organiser", now, granted_by=staff.id)
        await users.grant_role(session, other.id, "staff", now, granted_by=me.id)
        await audit.record(
            session,
            actor_id=staff.id,
            actor_name="Staffmember",
            action="role.grant",
            subject=f"user:{ZQ['id']} ({ZQ['first']})",
            now=now,
            details={"telegram_id": ZQ["id"], "username": ZQ["username"], "role": "organiser"},
        )
        await audit.record(
            session,
            actor_id=me.id,
            actor_name=ZQ["first"],
            action="role.grant",
            subject="user:3199",
            now=now,
            details={"role": "staff"},
        )
        await outbox.enqueue(
            session,
            chat_id=ZQ["id"],
            user_id=me.id,
            text=f"Dear {ZQ['first']}, your seat is confirmed.",
            source="test.personal",
            now=now,
        )
        await outbox.enqueue(
            session,
            chat_id=3199,
            user_id=other.id,
            text="Dear Otherperson, hello.",
            source="test.personal",
            now=now,
        )
        body = await outbox.create_body(session, "Concert on Friday!", now)
        await outbox.enqueue_audience(
            session,
            body,
            select(User.telegram_id, User.id).where(User.telegram_id.in_([ZQ["id"], 3199])),
            source="test.broadcast",
            now=now,
        )
    await bot.drain()
    async with bot.runtime.db.transaction() as session:
        await outbox.enqueue(
            session,
            chat_id=ZQ["id"],
            user_id=me.id,
            text="A reminder still pending",
            source="test.reminder",
            now=now,
            not_before=now + timedelta(days=1),
        )
    return me.id, other.id


async def test_mydata_and_forgetme_end_to_end(bot: Bot, catalog: Catalog) -> None:
    """/mydata exports everything; /forgetme after confirmation leaves no trace in any table,
    keeps others' data and the audit entries, and a returning resident starts afresh."""
    zq = bot.emu.user(ZQ["id"], first_name=ZQ["first"], language_code="en")
    zq.user["last_name"] = ZQ["last"]
    zq.user["username"] = ZQ["username"]
    await zq.command("/language")
    await bot.settle()
    await zq.press("English")
    await bot.settle()
    my_id, _ = await _populate(bot)

    await zq.command("/mydata")
    document = await zq.wait_message(predicate=lambda m: m.document is not None)
    assert document.document is not None
    assert document.document["file_name"].endswith(".json")
    exported = json.loads(document.document["content"].decode("utf-8"))
    data = exported["sections"]
    assert data["profile"]["telegram_id"] == ZQ["id"]
    assert data["profile"]["username"] == ZQ["username"]
    assert data["profile"]["last_name"] == ZQ["last"]
    assert data["profile"]["language"] == "en"
    assert data["profile"]["language_chosen"] is True
    assert data["profile"]["privacy_notice_shown"] is not None
    assert [r["role"] for r in data["roles"]["roles"]] == ["organiser"]
    texts = [m["text"] for m in data["messages"]["messages"]]
    assert texts == [
        f"Dear {ZQ['first']}, your seat is confirmed.",
        "Concert on Friday!",
        "A reminder still pending",
    ]
    assert {e["by_you"] for e in data["audit"]["entries"]} == {True, False}
    summary = await zq.wait_message()
    assert summary.text.startswith("What we hold about you")
    assert "@zq_forget_me" in summary.text
    messages = catalog.text("en", "privacy-section-messages")
    assert catalog.text("en", "privacy-summary-line", title=messages, count=3) in summary.text

    async with bot.runtime.db.read() as session:
        who = await privacy.identity(session, my_id)
        assert who is not None
        before = {t.table for t in await privacy.find_traces(session, who)}
    assert before >= {"users", "outbox_messages", "outbox_bodies", "audit_log"}
    counts_before = await snapshot_counts(bot)

    await zq.command("/forgetme")
    question = await zq.wait_message()
    assert question.html == catalog.text("en", "privacy-forget-confirm")
    await zq.press(catalog.text("en", "privacy-forget-yes"))
    done = await zq.wait_edit(question)
    assert done.text == catalog.text("en", "privacy-forgotten")

    async with bot.runtime.db.read() as session:
        assert await privacy.find_traces(session, who) == []
    counts_after = await snapshot_counts(bot)
    assert counts_after["users"] == counts_before["users"] - 1
    assert counts_after["user_roles"] == counts_before["user_roles"] - 1  # the other keeps staff
    assert counts_after["audit_log"] == counts_before["audit_log"]
    assert counts_after["outbox_messages"] == counts_before["outbox_messages"] - 3
    assert counts_after["outbox_bodies"] == counts_before["outbox_bodies"] - 2  # broadcast stays
    (staff_id,) = (await bot.sql("SELECT id FROM users WHERE telegram_id = 3198"))[0]
    assert await bot.sql("SELECT actor_id, actor_name FROM audit_log ORDER BY id") == [
        (staff_id, "Staffmember"),
        (None, "deleted user"),
    ]
    assert await bot.sql("SELECT granted_by FROM user_roles") == [(None,)]
    assert await bot.sql("SELECT COUNT(*) FROM outbox_messages WHERE chat_id = 3199") == [(2,)]

    await zq.send("I'm back")
    first = await zq.wait_message()
    assert first.html == short_notice(catalog, "en")
    rows = await bot.sql(f"SELECT language_chosen FROM users WHERE telegram_id = {ZQ['id']}")
    assert rows == [(False,)]
    async with bot.runtime.db.read() as session:
        profile = await users.find(session, ZQ["id"])
    assert profile is not None
    assert profile.roles == frozenset()


def _forget_question(message: BotMessage) -> bool:
    """The /forgetme question (the first-contact notice has a button too)."""
    return any(data.startswith("privacy:forget:") for data in message.callback_data())


async def test_forgetme_keep_changes_nothing(bot: Bot, catalog: Catalog) -> None:
    """Pressing "keep" deletes nothing and says so."""
    alice = bot.emu.user(3005, first_name="Alice", language_code="en")
    await alice.command("/forgetme")
    question = await alice.wait_message(predicate=_forget_question)
    await alice.press(catalog.text("en", "privacy-forget-no"))
    assert (await alice.wait_edit(question)).text == catalog.text("en", "privacy-forget-kept")
    assert await bot.sql("SELECT COUNT(*) FROM users WHERE telegram_id = 3005") == [(1,)]


async def test_expired_or_foreign_confirmation_changes_nothing(bot: Bot, catalog: Catalog) -> None:
    """A confirmation pressed too late, or carrying another user's id, deletes nothing."""
    alice = bot.emu.user(3006, first_name="Alice", language_code="en")
    await alice.command("/forgetme")
    question = await alice.wait_message(predicate=_forget_question)
    bot.clock.advance(timedelta(minutes=31))
    await alice.press(catalog.text("en", "privacy-forget-yes"))
    await bot.settle()
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "privacy-forget-expired")
    (my_id,) = (await bot.sql("SELECT id FROM users WHERE telegram_id = 3006"))[0]
    minute = int(bot.clock.now().timestamp() // 60)
    await alice.press_data(f"privacy:forget:{my_id + 1}:{minute}", message_id=question)
    await bot.settle()
    assert alice.callback_answers[-1]["text"] == catalog.text("en", "privacy-forget-expired")
    assert await bot.sql("SELECT COUNT(*) FROM users WHERE telegram_id = 3006") == [(1,)]


# -- the service: registry, order, retention ------------------------------------------------


class Recorder:
    """A section that records what happens to it."""

    def __init__(self, name: str, log: list[str], retains: bool = False) -> None:
        self.name = name
        self.log = log
        if retains:
            self.retain = self._retain  # type: ignore[method-assign]

    async def export(self, session: Any, user_id: int) -> dict[str, Any]:
        return {"items": [self.name]}

    async def forget(self, session: Any, user_id: int, now: datetime) -> None:
        self.log.append(f"forget {self.name}")

    async def _retain(
        self, session: Any, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        self.log.append(f"retain {self.name}")
        return 1


class TwoSteps:
    """A section that reads each batch of its retention work, then writes it; records in
    which kind of transaction each step ran."""

    name = "two-steps"

    def __init__(self, items: int) -> None:
        self.left = list(range(items))
        self.log: list[tuple[str, bool]] = []

    async def export(self, session: Any, user_id: int) -> dict[str, Any]:
        return {}

    async def forget(self, session: Any, user_id: int, now: datetime) -> None:
        return None

    async def retain(
        self, session: Any, now: datetime, settings: PrivacySettings, limit: int
    ) -> int:
        raise AssertionError("the pass reads first, then writes")

    async def read_batch(
        self, session: Any, now: datetime, settings: PrivacySettings, limit: int
    ) -> privacy.RetentionBatch:
        self.log.append(("read", await self._read_only(session)))
        found = self.left[:limit]
        return privacy.RetentionBatch(len(found), found)

    async def write_batch(
        self, session: Any, batch: privacy.RetentionBatch, now: datetime, settings: Any
    ) -> int:
        self.log.append(("write", await self._read_only(session)))
        del self.left[: len(batch.work)]
        return len(batch.work)

    @staticmethod
    async def _read_only(session: Any) -> bool:
        options = (await session.connection()).sync_connection.get_execution_options()
        return bool(options.get("frontdesk_read_only", False))


async def test_retention_reads_each_batch_outside_the_write_transaction(
    database: Database, clock: ManualClock
) -> None:
    """A section that reads its batches first has each one read in a read-only transaction
    and written in a write transaction, until a read finds fewer items than asked for."""
    section = TwoSteps(privacy.RETENTION_FIRST_BATCH + 10)
    done = await privacy.apply_retention(database, clock.now(), PrivacySettings(), [section])
    assert done == {"two-steps": privacy.RETENTION_FIRST_BATCH + 10}
    assert section.left == []
    assert section.log == [("read", True), ("write", False)] * 2


def _sizes(cost: Any, batches: int) -> list[tuple[int, float]]:
    """The sizes a sizer aiming at 80 ms picks for batches that take ``cost(size)``."""
    sizer, size, seen = privacy.BatchSizer(0.08), privacy.RETENTION_FIRST_BATCH, []
    for _ in range(batches):
        seen.append((size, cost(size)))
        size = sizer.next(size, cost(size))
    return seen


def test_batches_grow_past_a_fixed_cost_that_alone_reaches_the_budget() -> None:
    """When a batch's fixed part (its statements) takes 90 ms whatever it holds, batches still
    grow, within the hard limit, instead of staying at the minimum: the fixed part is paid
    per batch, so fewer, larger batches hold the lock less in all."""
    seen = _sizes(lambda n: 0.09 + 0.00015 * n, 12)
    assert seen[-1][0] >= 8 * privacy.RETENTION_FIRST_BATCH
    assert all(took <= 0.08 * privacy.RETENTION_HARD_FACTOR for _, took in seen)


def test_batches_settle_at_the_budget_when_the_cost_is_per_item() -> None:
    """With no fixed part (1 ms per item), batches settle at about 80 items, 80 ms."""
    seen = _sizes(lambda n: 0.001 * n, 12)
    assert all(75 <= size <= 85 for size, _ in seen[-4:])


def test_a_batch_over_the_hard_limit_halves_the_next_at_most() -> None:
    """A batch that held the lock past the hard limit makes the next one smaller, in
    proportion, though never below half nor below the minimum."""
    assert privacy.BatchSizer(0.08).next(200, 0.32) == 100
    assert privacy.BatchSizer(0.08).next(200, 0.14) == 114
    assert privacy.BatchSizer(0.08).next(20, 1.0) == privacy.RETENTION_MIN_BATCH


def test_scrub_text_replaces_a_telegram_id_only_where_it_is_a_whole_number() -> None:
    """A Telegram id goes where it stands alone (at either end, beside letters or
    punctuation, several times), never out of a longer number."""
    who = privacy.Identity(1, 3711, "Xy", None, None)
    text = "3711 banned 37110, 13711 and id=3711; 3711"
    assert privacy.scrub_text(text, who) == (
        "deleted user banned 37110, 13711 and id=deleted user; deleted user"
    )
    assert privacy.scrub_text("37113711", who) == "37113711"
    assert privacy.scrub_text("nothing here", who) == "nothing here"


def test_sections_have_unique_names_and_satisfy_the_protocol() -> None:
    """Every registered section is a DataSection and no two share a name (the export keys)."""
    registry = privacy.sections()
    assert all(isinstance(s, privacy.DataSection) for s in registry)
    names = [s.name for s in registry]
    assert len(names) == len(set(names))
    assert names[0] == "profile"


async def test_forget_runs_sections_in_reverse_and_retention_only_where_defined(
    database: Database, clock: ManualClock
) -> None:
    """forget_user runs features before the profile; apply_retention skips sections without
    a retain hook."""
    calls: list[str] = []
    registry = [
        privacy.ProfileSection(),
        Recorder("first", calls),
        Recorder("second", calls, retains=True),
    ]
    async with database.transaction() as session:
        me = await users.register(session, person(3301, "Carol"), clock.now())
        assert await privacy.forget_user(session, me.id, clock.now(), registry)
        assert not await privacy.forget_user(session, me.id, clock.now(), registry)
    done = await privacy.apply_retention(database, clock.now(), PrivacySettings(), registry)
    assert calls == ["forget second", "forget first", "retain second"]
    assert done == {"profile": 0, "second": 1}


async def test_retention_forgets_long_blocked_residents_only(
    database: Database, clock: ManualClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Residents blocked for more than M days are forgotten; recent blockers and staff stay."""
    settings = PrivacySettings(blocked_forget_days=90)
    now = clock.now()
    async with database.transaction() as session:
        for tid in (3401, 3402, 3403):
            await users.register(session, person(tid, f"P{tid}"), now)
        await users.ensure_staff(session, 3404, "Staff", ["staff"], now)
        await users.mark_blocked(session, 3401, now - timedelta(days=91))
        await users.mark_blocked(session, 3402, now - timedelta(days=89))
        await users.mark_blocked(session, 3404, now - timedelta(days=200))
    with caplog.at_level(logging.INFO, logger="bot.services.privacy"):
        done = await privacy.apply_retention(database, now, settings)
    assert done["profile"] == 1
    async with database.read() as session:
        left = set(await session.scalars(select(User.telegram_id)))
    assert left == {3402, 3403, 3404}
    assert any("retention applied" in r.getMessage() for r in caplog.records)


async def test_retention_forgets_many_blocked_residents_in_small_transactions(
    database: Database, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pass over 40 long-blocked residents commits in several short transactions: batches
    start at a handful of people and never grow while one takes longer than allowed (here: any
    time at all), nor shrink below the minimum (a batch's cost is mostly its fixed statements),
    and it forgets all of them and no one else."""
    now = clock.now()
    async with database.transaction() as session:
        for tid in range(3700, 3745):
            await users.register(session, person(tid, f"P{tid}"), now)
            if tid < 3740:
                await users.mark_blocked(session, tid, now - timedelta(days=100))
    people_per_transaction: list[int] = []
    opened = Database.eager_transaction

    @asynccontextmanager
    async def counted(db: Database) -> AsyncIterator[Any]:
        async with opened(db) as session:
            before = await session.scalar(select(func.count()).select_from(User))
            yield session
            after = await session.scalar(select(func.count()).select_from(User))
            people_per_transaction.append(int(before or 0) - int(after or 0))

    # On the class: on a SQLite file the batches run in a database of their own thread's
    # (Database.batches), on the same file.
    monkeypatch.setattr(Database, "eager_transaction", counted)
    done = await privacy.apply_retention(
        database, now, PrivacySettings(blocked_forget_days=90), batch_seconds=0.0
    )
    assert done["profile"] == 40
    first, least = privacy.RETENTION_FIRST_BATCH, privacy.RETENTION_MIN_BATCH
    batches = [n for n in people_per_transaction if n]
    assert batches[0] == first
    assert all(n == least for n in batches[1:-1])
    assert sum(batches) == 40
    assert batches[-1] <= least
    async with database.read() as session:
        left = set(await session.scalars(select(User.telegram_id)))
    assert left == set(range(3740, 3745))


async def test_retention_purges_finished_outbox_rows_after_n_days(
    database: Database, clock: ManualClock
) -> None:
    """Sent messages older than the retention are purged; recent and pending ones stay."""
    now = clock.now()
    async with database.transaction() as session:
        old = await outbox.enqueue(
            session, chat_id=1, text="old", source="t", now=now - timedelta(days=200)
        )
        recent = await outbox.enqueue(session, chat_id=1, text="new", source="t", now=now)
        await outbox.enqueue(
            session, chat_id=1, text="pending", source="t", now=now - timedelta(days=200)
        )
        assert old is not None
        assert recent is not None
        for message_id in (old, recent):
            await outbox.mark_sent(session, message_id, now, 1)
    done = await privacy.apply_retention(
        database, now, PrivacySettings(identity_retention_days=180)
    )
    assert done["messages"] == 1
    async with database.read() as session:
        left = sorted(await session.scalars(select(OutboxMessage.id)))
    assert old not in left
    assert recent in left
    assert len(left) == 2


async def test_audit_forget_keeps_entries_and_drops_identity(
    database: Database, clock: ManualClock
) -> None:
    """An audit entry by or about the forgotten person stays, without anything identifying."""
    now = clock.now()
    async with database.transaction() as session:
        me = await users.register(session, person(3501, "Dmitrievna", "Long", "dm_l"), now)
        await audit.record(
            session,
            actor_id=me.id,
            actor_name="Dmitrievna",
            action="x",
            subject="hours of @dm_l and 35010",
            now=now,
            details={"who": 3501, "names": ["Dmitrievna Long"], "n": 35010},
        )
        await privacy.forget_user(session, me.id, now)
    async with database.read() as session:
        entry = (await session.scalars(select(AuditEntry))).one()
    assert (entry.actor_id, entry.actor_name) == (None, "deleted user")
    assert entry.subject == "hours of deleted user and 35010"
    assert json.loads(entry.details) == {"who": None, "names": ["deleted user"], "n": 35010}


async def test_retention_scrubs_audit_entries_naming_residents_of_every_batch(
    database: Database, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Staff entries naming forgotten residents (by Telegram id or @username) lose them,
    whichever batch each resident falls in, including an entry written while the pass
    runs; an entry naming a resident who stays (or a longer number) is left as it was."""
    now = clock.now()
    async with database.transaction() as session:
        staff = await users.register(session, person(3699, "Staffer"), now)
        for tid in range(3700, 3741):
            await users.register(session, person(tid, f"P{tid}", None, f"name{tid - 3600}"), now)
            if tid < 3740:
                await users.mark_blocked(session, tid, now - timedelta(days=100))
        for tid in (3700, 3720, 3738, 3740):
            await audit.record(
                session, actor_id=staff.id, actor_name="Staffer", action="helpdesk.ban",
                subject=f"{tid} (@name{tid - 3600})", now=now, details={"id": tid, "n": tid * 10},
            )  # fmt: skip
    opened = Database.eager_transaction
    transactions = 0

    @asynccontextmanager
    async def late_entry(db: Database) -> AsyncIterator[Any]:
        nonlocal transactions
        transactions += 1
        async with opened(db) as session:
            if transactions == 2:  # after the first batch: about someone of a later one
                await audit.record(
                    session, actor_id=staff.id, actor_name="Staffer", action="x",
                    subject="NAME135 again", now=now, details={},
                )  # fmt: skip
            yield session

    monkeypatch.setattr(Database, "eager_transaction", late_entry)  # every batch's database
    monkeypatch.setattr(privacy._AuditIndex, "RESCAN", 0)  # each batch reads new entries only
    done = await privacy.apply_retention(
        database, now, PrivacySettings(blocked_forget_days=90), batch_seconds=0.0
    )
    assert done["profile"] == 40
    async with database.read() as session:
        entries = [
            (e.subject, json.loads(e.details))
            for e in await session.scalars(select(AuditEntry).order_by(AuditEntry.id))
        ]
    assert entries == [
        ("deleted user (deleted user)", {"id": None, "n": 37000}),
        ("deleted user (deleted user)", {"id": None, "n": 37200}),
        ("deleted user (deleted user)", {"id": None, "n": 37380}),
        ("3740 (@name140)", {"id": 3740, "n": 37400}),
        ("deleted user again", {}),
    ]


async def test_daily_retention_job_is_scheduled_and_runs(bot: Bot) -> None:
    """The application schedules the daily job; running it forgets a long-blocked resident."""
    from bot.features.privacy.handlers import run_retention

    assert bot.app.job_queue is not None
    assert len(bot.app.job_queue.get_jobs_by_name("privacy-retention")) == 1
    async with bot.runtime.db.transaction() as session:
        await users.register(session, person(3601, "Gone"), bot.clock.now())
        await users.mark_blocked(session, 3601, bot.clock.now() - timedelta(days=120))
    done = await run_retention(bot.runtime)
    assert done["profile"] == 1
    assert await bot.sql("SELECT COUNT(*) FROM users WHERE telegram_id = 3601") == [(0,)]


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_mydata_names_every_data_section_in_the_residents_language(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """Every section /mydata counts (the foundation's and each feature's) has a name in the
    catalog: the summary never shows a raw key such as "forms" or "tickets"."""
    resident = bot.emu.user(7920, first_name="Wu", language_code=lang)
    await resident.command("/mydata")
    await resident.wait_message(predicate=lambda m: m.document is not None)
    summary = await resident.wait_message(predicate=lambda m: m.document is None)
    counted = [s.name for s in bot.runtime.privacy_sections if s.name != "profile"]
    assert counted, "no data sections registered"
    missing = [name for name in counted if name not in SECTION_TEXTS]
    assert missing == []
    lines = summary.text.splitlines()
    # what is held has a line of its own; what is not is named on one line (no "…: 0" lines)
    none = catalog.text(lang, "privacy-summary-none", titles="").rstrip("。.")
    [nothing] = [line for line in lines if line.startswith(none)]
    for name in counted:
        title = catalog.text(lang, SECTION_TEXTS[name])
        assert title in nothing or any(line.startswith(f"• {title}") for line in lines), name
        assert not any(line.startswith(f"• {name}") for line in lines), name
    assert not any(line.endswith((": 0", "：0")) for line in lines), summary.text
    inbox = catalog.text(lang, SECTION_TEXTS["inbox"])  # the /mydata command itself
    assert any(line.startswith(f"• {inbox}") for line in lines)


@pytest.mark.parametrize(("lang", "misleading"), [("zh", "等待处理"), ("en", "waiting")])
async def test_mydata_calls_the_inbox_count_a_record_of_recent_messages_not_waiting_requests(
    bot: Bot, catalog: Catalog, lang: str, misleading: str
) -> None:
    """The inbox's count (every recent message and tap, kept briefly without its content) is
    not worded as messages waiting to be handled: a resident read "29" as unanswered requests."""
    resident = bot.emu.user(7921, first_name="Wu", language_code=lang)
    for text in ("你好", "谢谢"):
        await resident.send(text)
        await resident.wait_message()
    await resident.command("/mydata")
    await resident.wait_message(predicate=lambda m: m.document is not None)
    summary = await resident.wait_message(predicate=lambda m: m.document is None)
    title = catalog.text(lang, SECTION_TEXTS["inbox"])
    line = next(line for line in summary.text.splitlines() if line.startswith(f"• {title}"))
    assert misleading not in line.lower()


def test_the_summary_counts_a_section_that_keeps_only_a_number() -> None:
    """/mydata's summary: lists are counted, and the inbox's ``updates_kept`` (a number, not a
    list) is counted as itself (it always read 0)."""
    export = {
        "sections": {
            "profile": {"name": "王"},
            "feedback": {"feedback": [{}, {}], "submitted": ["a", "b", "c"]},
            "inbox": {"updates_kept": 3},
            "reminders": {"events": [{}], "prefs": {"a": 1}},
        }
    }
    assert privacy.item_counts(export) == {"feedback": 2, "inbox": 3, "reminders": 2}


async def test_an_emergency_as_first_message_gets_120_first_and_the_notice_next_time(
    bot: Bot, catalog: Catalog
) -> None:
    """A newcomer's "我老伴晕倒了" is answered with "call 120" before anything else; the notice
    waits for the next message."""
    wang = bot.emu.user(3009, first_name="Wang", language_code="zh")
    await wang.send("我老伴突然晕倒了怎么办")
    first = await wang.wait_message()
    assert first.text.startswith("🚑 这可能是急症，请马上拨打120！")
    await wang.send("卫生站电话多少")
    assert (await wang.wait_message()).html == short_notice(catalog, "zh")
    await bot.settle()
    assert [m.html for m in wang.messages].count(short_notice(catalog, "zh")) == 1


async def test_the_emergency_check_before_the_notice_runs_only_while_the_notice_is_owed(
    bot: Bot, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notice guard sees every update: once the notice is shown, a message is not read for
    an emergency there again (the question handler reads it)."""
    from bot.features.privacy import handlers as privacy_handlers

    read: list[str] = []

    def counting(text: str) -> bool:
        read.append(text)
        return False

    monkeypatch.setattr(privacy_handlers, "is_emergency", counting)
    alice = bot.emu.user(3010, first_name="Alice", language_code="en")
    await alice.send("hello?")
    await alice.send("canteen hours")
    await alice.send("thanks")
    await bot.settle()
    assert [m.html for m in alice.messages].count(short_notice(catalog, "en")) == 1
    assert len(read) == 1
