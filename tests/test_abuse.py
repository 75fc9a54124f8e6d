"""Flood protection: the token bucket, and a 200-message flood through the real bot."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from bot.features.abuse.handlers import flood_guard
from bot.i18n import Catalog
from bot.services import users
from bot.services.abuse import PURGE_EVERY, FloodGuard, SharedBuckets, Verdict, clean_text
from bot.storage.db import Database
from tests.conftest import Bot


class Ticker:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_burst_passes_then_one_warning_then_silence() -> None:
    """20 at once pass, the 21st warns, the rest of the cool-down is dropped."""
    clock = Ticker()
    guard = FloodGuard(burst=20, window=10, cooldown=60, clock=clock)
    verdicts = [guard.check(1) for _ in range(30)]
    assert verdicts[:20] == [Verdict.PASS] * 20
    assert verdicts[20] is Verdict.WARN
    assert verdicts[21:] == [Verdict.DROP] * 9
    clock.now += 59
    assert guard.check(1) is Verdict.DROP
    clock.now += 2
    assert guard.check(1) is Verdict.PASS


def test_steady_pace_within_the_rate_is_never_limited() -> None:
    """One message every 0.5 s (the average rate of 20 per 10 s) passes forever."""
    clock = Ticker()
    guard = FloodGuard(burst=20, window=10, cooldown=60, clock=clock)
    for _ in range(1000):
        assert guard.check(7) is Verdict.PASS
        clock.now += 0.5


def test_people_are_limited_separately() -> None:
    """One person's flood does not touch another's bucket."""
    guard = FloodGuard(burst=3, window=10, cooldown=60, clock=Ticker())
    for _ in range(10):
        guard.check(1)
    assert guard.muted(1)
    assert guard.check(2) is Verdict.PASS
    assert not guard.muted(2)


def test_idle_buckets_are_swept_so_memory_stays_bounded() -> None:
    """Above max_tracked, buckets that refilled are dropped; muted ones are kept."""
    clock = Ticker()
    guard = FloodGuard(burst=2, window=1, cooldown=60, clock=clock, max_tracked=100)
    for _ in range(3):
        guard.check(0)  # muted
    for key in range(1, 100):
        guard.check(key)
    clock.now += 5
    guard.check(100)
    assert len(guard) == 2
    assert guard.muted(0)


def test_invalid_limits_are_refused() -> None:
    """A zero window or cool-down is a configuration error, not a silent no-op."""
    with pytest.raises(ValueError, match="required"):
        FloodGuard(burst=1, window=0, cooldown=1)


async def test_flood_of_200_messages_leaves_others_unaffected(bot: Bot, catalog: Catalog) -> None:
    """200 messages in 10 s from one resident: one "slow down", the rest ignored, while
    another resident gets every reply; after the cool-down the flooder is answered again."""
    clock = Ticker()
    flood_guard(bot.app).clock = clock
    flooder = bot.emu.user(4001, first_name="Flood", language_code="en")
    calm = bot.emu.user(4002, first_name="Calm", language_code="zh")
    for second in range(10):
        clock.now = 1000.0 + second
        for n in range(20):
            await flooder.send(f"spam {second}-{n}")
        await calm.send(f"你好 {second}")
        await bot.settle()
    slow_down = catalog.text("en", "abuse-slow-down", seconds=60)
    flooder_texts = [m.text for m in flooder.messages]
    assert flooder_texts.count(slow_down) == 1
    answered = len(flooder_texts) - flooder_texts.count(slow_down)
    assert answered == 22  # the burst of 20, plus 2 refilled in the next second
    assert flooder_texts.index(slow_down) == answered
    calm_texts = [m.text for m in calm.messages]
    assert len(calm_texts) == 10  # one answer per question, none held back
    assert catalog.text("zh", "abuse-slow-down", seconds=60) not in calm_texts

    clock.now = 1000.0 + 1 + 61
    before = len(flooder.messages)
    await flooder.send("am I heard again?")
    await bot.settle()
    assert len(flooder.messages) == before + 1
    assert flooder.messages[-1].text != slow_down
    assert [m.text for m in flooder.messages].count(slow_down) == 1


async def test_flooded_button_presses_get_one_alert(bot: Bot, catalog: Catalog) -> None:
    """Over the limit with button presses: one alert, then the presses are ignored."""
    flood_guard(bot.app).clock = Ticker()
    presser = bot.emu.user(4003, first_name="Presser", language_code="en")
    await presser.command("/language")
    await bot.settle()
    for _ in range(25):
        await presser.press_data("zz:1")
    await bot.settle()
    texts = [a.get("text") for a in presser.callback_answers]
    assert texts.count(catalog.text("en", "abuse-slow-down", seconds=60)) == 1
    assert len(texts) == 20  # 19 presses answered (after /language) and the one alert


async def test_staff_are_exempt(bot: Bot, catalog: Catalog) -> None:
    """Staff sending 40 messages at once are all answered (they may paste lists)."""
    flood_guard(bot.app).clock = Ticker()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 4004, "Li", ["staff"], bot.clock.now())
    li = bot.emu.user(4004, first_name="Li", language_code="zh")
    for n in range(40):
        await li.send(f"line {n}")
    await bot.settle()
    assert [m.text for m in li.messages] == [catalog.text("zh", "not-understood")] * 40


def test_clean_text_removes_what_databases_refuse_and_keeps_the_rest() -> None:
    """NUL, other C0 controls, DEL and lone surrogates go; newlines, RTL marks and Chinese stay."""
    assert clean_text("a\x00b\x1bc\x7fd\ud800e", 100) == "abcde"
    assert clean_text("第一行\n第二行\t\u202e", 100) == "第一行\n第二行\t\u202e"
    assert clean_text("x" * 300, 128) == "x" * 128


async def test_shared_buckets_decide_as_the_memory_guard_does_and_forget(
    database: Database,
) -> None:
    """PostgreSQL's shared buckets give the in-memory guard's verdicts for the same times
    (burst, one warning, silence, the cool-down's end), per person; forget and the purge of
    idle rows remove them."""
    if database.dialect != "postgresql":
        pytest.skip("the shared buckets are PostgreSQL's (SQLite keeps them in memory)")
    clock = Ticker()
    shared = FloodGuard(
        burst=3, window=10, cooldown=60, clock=clock, shared=SharedBuckets(database)
    )
    local = FloodGuard(burst=3, window=10, cooldown=60, clock=clock)
    seen, expected = [], []
    for now in (1000.0, 1000.0, 1000.0, 1000.0, 1001.0, 1003.4, 1061.0, 1061.0):
        clock.now = now
        seen.append(await shared.verdict(1))
        expected.append(local.check(1))
    assert seen == expected
    assert seen[3] is Verdict.WARN
    assert seen[4] is Verdict.DROP
    assert await shared.verdict(2) is Verdict.PASS  # someone else is not limited
    count = text("SELECT count(*) FROM flood_buckets")
    async with database.read() as session:
        assert await session.scalar(count) == 2
    assert shared.shared is not None
    await shared.shared.forget(2)
    async with database.read() as session:
        assert await session.scalar(count) == 1
    shared.shared.checks = PURGE_EVERY - 1
    clock.now = 5000.0  # person 1 idle and unmuted for long: purged by the next check
    assert await shared.verdict(3) is Verdict.PASS
    async with database.read() as session:
        assert await session.scalar(text("SELECT telegram_id FROM flood_buckets")) == 3


def test_a_clock_moved_back_holds_the_bucket_still() -> None:
    """A clock read earlier than the bucket's last refill neither drains nor refills it, as
    the shared buckets' ``GREATEST(last, now)`` does: 3 at t=1000, then back to t=900, three
    more warn once, and the cool-down counts from t=1000."""
    clock = Ticker()
    guard = FloodGuard(burst=3, window=10, cooldown=60, clock=clock)
    assert [guard.check(1) for _ in range(2)] == [Verdict.PASS] * 2
    clock.now = 900.0
    assert guard.check(1) is Verdict.PASS  # the third token, not drained by the jump back
    assert guard.check(1) is Verdict.WARN
    clock.now = 1059.0
    assert guard.check(1) is Verdict.DROP
    clock.now = 1061.0
    assert guard.check(1) is Verdict.PASS


async def test_shared_buckets_and_memory_agree_when_the_clock_jumps_both_ways(
    database: Database,
) -> None:
    """An injected clock that jumps forward (a day) and back (an hour) gives the same verdicts
    in PostgreSQL's buckets as in memory: the shared guard is the in-memory one, shared."""
    if database.dialect != "postgresql":
        pytest.skip("the shared buckets are PostgreSQL's (SQLite keeps them in memory)")
    clock = Ticker()
    shared = FloodGuard(
        burst=3, window=10, cooldown=60, clock=clock, shared=SharedBuckets(database)
    )
    local = FloodGuard(burst=3, window=10, cooldown=60, clock=clock)
    times = [1000.0, 1000.0, 400.0, 400.0, 400.0, 1030.0, 1061.0, 87_400.0, 87_400.0]
    times += [87_400.0, 80_000.0, 80_000.0, 80_000.0, 87_465.0, 87_465.0]
    seen, expected = [], []
    for now in times:
        clock.now = now
        seen.append(await shared.verdict(5))
        expected.append(local.check(5))
    assert seen == expected
    assert seen.count(Verdict.WARN) == 2


async def test_automatic_sharing_uses_the_database_only_while_another_instance_lives(
    database: Database,
) -> None:
    """Automatic mode: alone, the guard counts in memory (no row written); once another
    instance is alive, in the database, where the burst goes on counting across instances."""
    if database.dialect != "postgresql":
        pytest.skip("the shared buckets are PostgreSQL's (SQLite keeps them in memory)")
    others = 0
    clock = Ticker()
    buckets = SharedBuckets(database, active=lambda: others > 0)
    one = FloodGuard(burst=3, window=10, cooldown=60, clock=clock, shared=buckets)
    two = FloodGuard(burst=3, window=10, cooldown=60, clock=clock, shared=buckets)
    count = text("SELECT count(*) FROM flood_buckets")
    assert await one.verdict(8) is Verdict.PASS
    async with database.read() as session:
        assert await session.scalar(count) == 0
    others = 1
    verdicts = [await one.verdict(8), await two.verdict(8), await one.verdict(8)]
    verdicts.append(await two.verdict(8))
    assert verdicts == [Verdict.PASS, Verdict.PASS, Verdict.PASS, Verdict.WARN]
    async with database.read() as session:
        assert await session.scalar(count) == 1
