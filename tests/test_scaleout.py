"""Several instances on one PostgreSQL database, as real processes (issue 14, scale-out).

Webhook instances behind HAProxy (deploy/haproxy.cfg), started by tests/cluster.py; the
emulator keeps Telegram's real limits (30/s overall, about 1/s per chat) and counts 429s.
"""

from __future__ import annotations

import asyncio
import copy
import json
import signal
import time
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path

import aiohttp
import asyncpg
import pytest

from bot.clock import SHANGHAI
from bot.i18n import Catalog
from frontdesk_emulator import BotApiEmulator, FloodLimits
from frontdesk_emulator.methods import new_callback_query
from tests.clocked_bot import ENV as CLOCK_ENV
from tests.clocked_bot import wall_clock
from tests.cluster import (
    READY_LINE,
    SECRET,
    Cluster,
    cluster,
    fresh_database,
    haproxy_or_skip,
)

pytestmark = pytest.mark.postgres
Step = Callable[[], Awaitable[object]]


@pytest.fixture
def flood() -> FloodLimits:
    """Telegram's own limits, in real time: the emulator answers 429 to any excess."""
    return FloodLimits(enabled=True)


async def answered(emulator: BotApiEmulator, found: Cluster) -> None:
    """Until the webhook has delivered (and the bot handled) every update produced so far."""
    async with asyncio.timeout(30):
        while emulator.pending_updates:  # noqa: ASYNC110 -- the emulator has no event for it
            await asyncio.sleep(0.02)
    await found.settled()


async def sql(url: str, statement: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        return list(await connection.fetch(statement, *args))
    finally:
        await connection.close()


async def owe_everyone(url: str, chat_ids: list[int], text: str) -> None:
    """A bulk message to each chat, due now, written straight into the outbox."""
    body = await sql(
        url,
        "INSERT INTO outbox_bodies (text, created_at) VALUES ($1, now()) RETURNING id",
        text,
    )
    await sql(
        url,
        "INSERT INTO outbox_messages (body_id, chat_id, priority, status, source, not_before,"
        " attempts, created_at) SELECT $1, c, 9, 'pending', 'bulk:test', now(), 0, now()"
        " FROM unnest($2::bigint[]) AS c",
        body[0]["id"],
        chat_ids,
    )


async def delivered(emulator: BotApiEmulator, text: str, count: int) -> None:
    async with asyncio.timeout(120):
        while sum(1 for r in emulator.calls("sendMessage") if r.params.get("text") == text) < count:  # noqa: ASYNC110
            await asyncio.sleep(0.1)


def send_times(emulator: BotApiEmulator) -> list[float]:
    return sorted(r.at for r in emulator.calls("sendMessage") if r.status == 200)


def busiest_window(emulator: BotApiEmulator, seconds: float) -> int:
    """The most messages the bot got through in any window of ``seconds``."""
    times = send_times(emulator)
    most, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= seconds:
            start += 1
        most = max(most, end - start + 1)
    return most


async def test_a_feedback_form_whose_steps_alternate_between_instances_completes(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """HAProxy hands each step to the other instance in turn; the form completes once."""
    async with cluster(emulator, tmp_path) as found:
        alice = emulator.user(9201, first_name="Alice", language_code="en")
        steps: list[Step] = [
            lambda: alice.command("/feedback"),
            lambda: alice.press("feedback:meal:lunch"),
            lambda: alice.press("feedback:stars:4"),
            lambda: alice.press("feedback:tag:taste"),
            lambda: alice.press("feedback:next:tags"),
            lambda: alice.send("Nice noodles"),
            lambda: alice.press("feedback:skip:photos"),
            lambda: alice.press("feedback:anon:1"),
            lambda: alice.press("feedback:confirm:go"),
        ]
        before = await found.handled()
        for step in steps:
            await step()
            await answered(emulator, found)
        after = await found.handled()
        assert "Thank you!" in ((alice.last.text or "") if alice.last else "")
        rows = await sql(found.database_url, "SELECT stars, comment FROM feedback")
    per_instance = {name: after[name] - before.get(name, 0) for name in after}
    assert sorted(per_instance.values()) == [4, 5], per_instance  # strictly alternating
    assert [(r["stars"], r["comment"]) for r in rows] == [(4, "Nice noodles")]


async def test_two_instances_share_one_budget_of_30_a_second_without_a_429(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """360 bulk messages sent by both instances: never above 30/s together, no 429."""
    chats = [300_000 + n for n in range(360)]
    for chat_id in chats:
        emulator.user(chat_id, first_name=f"R{chat_id}", language_code="zh")
    async with cluster(emulator, tmp_path) as found:
        await owe_everyone(found.database_url, chats, "明天停水")
        await delivered(emulator, "明天停水", len(chats))
        senders = await sql(
            found.database_url,
            "SELECT claimed_by, count(*) AS n FROM outbox_messages WHERE status = 'sent' "
            "GROUP BY claimed_by",
        )
    busiest, busiest_5s = busiest_window(emulator, 1.0), busiest_window(emulator, 5.0)
    times = send_times(emulator)
    mean = (len(times) - 1) / (times[-1] - times[0])
    print(
        f"mean {mean:.1f}/s, busiest second {busiest}, busiest 5 s {busiest_5s}; "
        f"per instance {[r['n'] for r in senders]}"
    )
    assert emulator.stats()["429"] == 0
    assert mean <= 30.5
    # The shared bucket holds a burst of 6. The times are when the emulator (in this test's
    # process) read each request, so a stall of either side bunches requests granted over
    # 1.7 s into one second (52 seen once on a loaded CI machine; Telegram, like the emulator's
    # own burst of 30, absorbs that: no 429). Over 5 s a stall weighs little, while a bucket
    # that let a real burst through (capacity 60 would give 210) still shows.
    assert busiest_5s <= 5 * 30 + 6 + 30
    assert len(senders) == 2  # both instances sent their share
    copies = Counter(r.params["chat_id"] for r in emulator.calls("sendMessage"))
    assert set(copies.values()) == {1}


async def cards(emulator: BotApiEmulator, chat_ids: list[int], text: str) -> dict[int, int]:
    """A bot message in each chat (as if an event card had been sent): chat → message id."""
    url = f"{emulator.base_url}{emulator.token}/sendMessage"
    found = {}
    async with aiohttp.ClientSession() as http:
        for chat_id in chat_ids:
            async with http.post(url, json={"chat_id": chat_id, "text": text}) as response:
                found[chat_id] = (await response.json())["result"]["message_id"]
    return found


async def test_500_concurrent_sign_ups_over_two_instances_fill_exactly_20_seats(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """500 presses of "join" posted at once through HAProxy (Telegram's 40 connections):
    20 seats taken, 20 people signed up, every press answered."""
    people = [500_000 + n for n in range(500)]
    for chat_id in people:
        emulator.user(chat_id, first_name=f"R{chat_id}", language_code="zh")
    async with cluster(emulator, tmp_path) as found:
        [event] = await sql(
            found.database_url,
            "INSERT INTO events (title_zh, title_en, description_zh, description_en, venue_id,"
            " starts_at, ends_at, capacity, taken, status, created_at, updated_at) VALUES"
            " ('包饺子', 'Dumplings', '一起包饺子', 'Make dumplings', 'canteen',"
            " '2099-01-01 10:00+00', '2099-01-01 12:00+00', 20, 0, 'scheduled', now(), now())"
            " RETURNING id",
        )
        emulator.set_flood(FloodLimits(enabled=False))  # setting the scene, not the test
        messages = await cards(emulator, people, "包饺子")
        emulator.set_flood(FloodLimits(enabled=True))
        updates = []
        for n, chat_id in enumerate(people):
            chat = emulator.user(chat_id).state
            query = new_callback_query(
                emulator.core, chat_id, chat_id, messages[chat_id], f"events:join:{event['id']}"
            )
            updates.append({
                "update_id": 9_000_000 + n,
                "callback_query": {
                    "id": query.query_id,
                    "from": dict(emulator.user(chat_id).user),
                    "message": copy.deepcopy(chat.messages[messages[chat_id]]),
                    "chat_instance": str(chat_id * 31),
                    "data": f"events:join:{event['id']}",
                },
            })  # fmt: skip
        gate = asyncio.Semaphore(40)
        url = f"http://127.0.0.1:{found.lb_port}/telegram"
        headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET, "Content-Type": "application/json"}
        async with aiohttp.ClientSession() as http:

            async def post(update: dict[str, object]) -> int:
                async with gate, http.post(url, data=json.dumps(update), headers=headers) as r:
                    return r.status

            statuses = await asyncio.gather(*(post(u) for u in updates))
            await found.settled()  # a 200 is "stored in the inbox"; the handling follows
        per_instance = await found.handled()
        [seats] = await sql(found.database_url, "SELECT taken FROM events")
        [going] = await sql(
            found.database_url, "SELECT count(*) AS n FROM event_signups WHERE status = 'active'"
        )
    assert set(statuses) == {200}
    assert (seats["taken"], going["n"]) == (20, 20)
    assert min(per_instance.values()) >= 200, per_instance  # both took a fair share
    assert emulator.unanswered_callback_queries() == []
    # No 429 on a quiet machine. The emulator runs in this test's process and stamps a request
    # when its loop reads it, so a stall here bunches grants (18 of ~540 calls once, with three
    # test runs on two cores); each was retried and answered (above). Two instances without the
    # shared budget would send at 60/s: hundreds of 429s, which the bound still catches.
    assert emulator.stats()["429"] <= 25


async def test_a_second_instance_starting_mid_broadcast_sends_no_duplicate(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """The newcomer leaves the first instance's live claims alone: everyone gets one copy."""
    chats = [400_000 + n for n in range(240)]
    for chat_id in chats:
        emulator.user(chat_id, first_name=f"R{chat_id}", language_code="zh")
    async with cluster(emulator, tmp_path, instances=1) as found:
        await owe_everyone(found.database_url, chats, "电梯检修")
        await delivered(emulator, "电梯检修", 60)
        await found.start_bot("bot2")
        await delivered(emulator, "电梯检修", len(chats))
        await asyncio.sleep(1.0)  # anything repeated would show up by now
        sending = await sql(
            found.database_url, "SELECT count(*) AS n FROM outbox_messages WHERE status <> 'sent'"
        )
    copies = Counter(
        r.params["chat_id"]
        for r in emulator.calls("sendMessage")
        if r.params.get("text") == "电梯检修"
    )
    assert len(copies) == len(chats)
    assert max(copies.values()) == 1, "a message went twice"
    assert sending[0]["n"] == 0
    assert emulator.stats()["429"] == 0


async def test_three_instances_start_together_on_a_fresh_database_and_one_polls(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """Migrations wait for each other; one instance polls, the others wait quietly and one
    takes over when the poller is killed."""
    haproxy_or_skip()
    async with fresh_database() as url:
        found = Cluster(emulator, url, tmp_path)
        try:
            names = ["p1", "p2", "p3"]
            for name in names:
                await found.start_bot(name, mode="polling", wait=False)
            for name in names:
                await found.wait_log(name, "frontdesk ready")
            await asyncio.sleep(7)  # two retry rounds of the waiting instances
            logs = {name: found.log(name).read_text() for name in names}
            [poller] = [n for n in names if "polling for updates" in logs[n]]
            for name in names:
                assert "Traceback" not in logs[name], logs[name]
                assert "Conflict" not in logs[name], logs[name]
                if name != poller:
                    assert logs[name].count("another instance is polling") == 1
            carol = emulator.user(9301, first_name="Carol", language_code="en")
            found.bots[poller].send_signal(signal.SIGKILL)
            await found.bots[poller].wait()
            await carol.command("/help")
            await carol.wait_message(timeout=30)
            took_over = [n for n in names if "taking over polling" in found.log(n).read_text()]
            assert len(took_over) == 1
        except BaseException:
            print(found.logs())
            raise
        finally:
            await found.stop()
    assert READY_LINE  # webhook mode is covered by the tests above


# The evening before an event at 14:00 (Shanghai): its "tomorrow" reminder is due at 19:00,
# and so is the organisers' digest (FRONTDESK_FEEDBACK__DIGEST_TIME=19:00 below).
EVENING = datetime(2026, 3, 3, 19, 0, tzinfo=SHANGHAI)
EVENT_START = datetime(2026, 3, 4, 14, 0, tzinfo=SHANGHAI)
TICK_SECONDS = 5


async def test_a_reminder_and_the_digest_go_out_exactly_once_from_two_instances(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    """Both instances run the reminder job (every 5 s) and the digest job (every 2 s) on a
    clock moved to 19:00 the evening before an event: the resident gets one reminder and
    the organiser one digest, however often the jobs run on either instance."""
    resident = emulator.user(9401, first_name="Rui", language_code="en")
    organiser = emulator.user(9402, first_name="Olga", language_code="en")
    env = {
        CLOCK_ENV: wall_clock(EVENING, time.monotonic()),
        "FRONTDESK_REMINDERS__TICK_SECONDS": str(TICK_SECONDS),
        "FRONTDESK_FEEDBACK__DIGEST_TICK_SECONDS": "2",
        "FRONTDESK_FEEDBACK__DIGEST_TIME": "19:00",
    }
    async with cluster(emulator, tmp_path, env=env) as found:
        url = found.database_url
        before = EVENING - timedelta(days=1)
        [rui, olga] = await sql(
            url,
            "INSERT INTO users (telegram_id, first_name, language, language_chosen, created_at,"
            " last_seen_at) VALUES (9401, 'Rui', 'en', true, $1, $1), (9402, 'Olga', 'en',"
            " true, $1, $1) RETURNING id",
            before,
        )
        await sql(
            url,
            "INSERT INTO user_roles (user_id, role, granted_at) VALUES ($1, 'organiser', $2)",
            olga["id"],
            before,
        )
        [event] = await sql(
            url,
            "INSERT INTO events (title_zh, title_en, description_zh, description_en, venue_id,"
            " starts_at, ends_at, capacity, taken, status, created_at, updated_at) VALUES"
            " ('剪纸', 'Paper cutting', '剪纸', 'Paper cutting', 'canteen', $1, $2, 20, 1,"
            " 'scheduled', $3, $3) RETURNING id",
            EVENT_START,
            EVENT_START + timedelta(hours=2),
            before,
        )
        await sql(
            url,
            "INSERT INTO event_signups (event_id, user_id, status, signed_up_at, party, seq)"
            " VALUES ($1, $2, 'active', $3, 1, 1)",
            event["id"],
            rui["id"],
            before,
        )
        async with asyncio.timeout(120):
            while not (  # noqa: ASYNC110 -- the emulator has no event for it
                any("Paper cutting" in (m.text or "") for m in resident.messages)
                and any("Canteen feedback:" in (m.text or "") for m in organiser.messages)
            ):
                await asyncio.sleep(0.1)
        # Let both instances run the reminder job at least twice more (each run moves
        # reminder_scans on by its tick; the moves are the database's record of the runs).
        [scan] = await sql(url, "SELECT max(scanned_until) AS at FROM reminder_scans")
        async with asyncio.timeout(120):
            while (  # noqa: ASYNC110 -- polled in the database
                await sql(url, "SELECT count(*) AS n FROM reminder_scans WHERE scanned_until"
                " >= $1", scan["at"] + timedelta(seconds=4 * TICK_SECONDS))
            )[0]["n"] == 0:  # fmt: skip
                await asyncio.sleep(0.2)
        [queued] = await sql(
            url, "SELECT count(*) AS n FROM outbox_messages WHERE source LIKE 'reminder:%'"
        )
        [digests] = await sql(url, "SELECT count(*) AS n FROM digest_deliveries")
    reminders = [m.text for m in resident.messages if "Paper cutting" in (m.text or "")]
    digest_titles = [m for m in organiser.messages if "Canteen feedback:" in (m.text or "")]
    assert len(reminders) == 1, reminders
    assert "Reminder (tomorrow)" in (reminders[0] or "")
    assert len(digest_titles) == 1
    assert (queued["n"], digests["n"]) == (1, 1)
    for name in ("bot1", "bot2"):
        assert "Traceback" not in found.log(name).read_text(), found.log(name).read_text()


async def _on_each_instance(found: Cluster, step: Step) -> dict[str, int]:
    """Run ``step`` (one update) and wait until it is handled; which instance took it."""
    before = await found.handled()
    await step()
    await answered(found.emulator, found)
    after = await found.handled()
    return {
        name: after[name] - before.get(name, 0)
        for name in after
        if after[name] != before.get(name, 0)
    }


async def test_the_flood_guard_and_roles_hold_across_instances(
    emulator: BotApiEmulator, tmp_path: Path, catalog: Catalog
) -> None:
    """A burst split between two instances is limited as on one (the buckets are shared in
    PostgreSQL by default: each instance's heartbeat sees the other alive), and a role granted
    or revoked through one instance counts on the other at once (roles are read from the
    database for every staff command; nothing per process)."""
    env = {
        "FRONTDESK_ADMIN_IDS": "9601",
        "FRONTDESK_PRIVACY__FLOOD_BURST": "6",
        "FRONTDESK_PRIVACY__FLOOD_WINDOW_SECONDS": "3600",  # no refill during the test
        "FRONTDESK_PRIVACY__FLOOD_COOLDOWN_SECONDS": "600",
        # The default (automatic) mode shares the buckets once an instance's heartbeat has
        # seen the other: the first one started sees the second at its next beat.
        "FRONTDESK_DELIVERY__HEARTBEAT_SECONDS": "0.5",
    }
    admin = emulator.user(9601, first_name="Ada", language_code="en")
    li = emulator.user(9602, first_name="Li", language_code="en")
    flooder = emulator.user(9603, first_name="Fay", language_code="en")
    async with cluster(emulator, tmp_path, env=env) as found:
        await asyncio.sleep(1.5)  # three heartbeats: each instance has counted the other
        # 12 messages at once: HAProxy gives 6 to each instance, so a guard per process
        # would let all 12 through.
        for _ in range(12):
            await flooder.send("/help")
        await answered(emulator, found)
        await li.command("/start")
        await answered(emulator, found)
        granted_on = await _on_each_instance(found, lambda: admin.command("/grant staff 9602"))
        staff_on = [await _on_each_instance(found, lambda: li.command("/staff")) for _ in range(2)]
        staff_answers = [m.text or "" for m in li.messages[-2:]]
        revoked_on = await _on_each_instance(found, lambda: admin.command("/revoke staff 9602"))
        refused_on = [
            await _on_each_instance(found, lambda: li.command("/staff")) for _ in range(2)
        ]
        refusals = [m.text or "" for m in li.messages[-2:]]
    slow_down = catalog.text("en", "abuse-slow-down", seconds=600)
    flooder_texts = [m.text or "" for m in flooder.messages]
    assert flooder_texts.count(slow_down) == 1
    assert sum(t.startswith("Here is what I can do:") for t in flooder_texts) == 6
    assert "is now staff" in (admin.messages[-2].text or "")
    assert "is no longer staff" in (admin.messages[-1].text or "")
    assert all("Staff commands:" in t for t in staff_answers), staff_answers
    assert refusals == [catalog.text("en", "refused-staff-only")] * 2
    # Round robin: of the two commands after each change, one landed on the other instance.
    assert {n for step in staff_on for n in step} == {"bot1", "bot2"}, (granted_on, staff_on)
    assert {n for step in refused_on for n in step} == {"bot1", "bot2"}, (revoked_on, refused_on)
