"""Helpdesk benchmark (issue 15): 200 residents write to the staff group at once.

``python -m bench helpdesk`` (about 2 minutes) or ``--quick`` (50 residents).

Each resident opens a conversation (/ask) and at once sends three messages: a text, a voice
note and a text. The emulator enforces Telegram's limits (a group takes 20 messages a
minute) on a clock running ``SCALE`` times fast, and the bot paces itself at the same scaled
limits, so 20 minutes of Telegram play in 40 s; figures are given in Telegram minutes.

Checked: every message is copied into its resident's topic exactly once and in order; the
emulator never answers 429. Reported: how long until the last copy, the group's rate (≤ 20
per Telegram minute), the latency from a resident's message to its copy, and how that changes
with the residents spread over several staff groups (the bot's way to go past 20 a minute).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from dataclasses import dataclass

from bench.common import make_runtime, percentile, scratch_sqlite_url
from bot.settings import DeliverySettings, HelpdeskSettings
from bot.storage.migrate import upgrade_to_head
from bot.testing import running_bot
from frontdesk_emulator import BotApiEmulator, FloodLimits

SCALE = 10.0  # the emulator's and the bot's clocks for rate limits run this many times fast
FIRST_RESIDENT = 7_000_000
MESSAGES = 3  # per resident, after /ask
TIMEOUT = 600.0


@dataclass
class Outcome:
    residents: int
    groups: int
    seconds: float
    group_messages: int
    per_group_minute: float
    lost: int
    duplicated: int
    out_of_order: int
    too_many: int
    latency_p50: float
    latency_max: float


async def run(residents: int, groups: int) -> Outcome:
    group_ids = [-100_777_000 - n for n in range(groups)]
    url = scratch_sqlite_url()
    runtime = make_runtime(
        url,
        rate_limit=True,
        delivery=DeliverySettings(
            free_per_second=30 * SCALE,
            overall_per_second=30 * SCALE,
            private_per_second=1 * SCALE,
            group_per_minute=20 * SCALE,
        ),
        helpdesk=HelpdeskSettings(staff_group_ids=group_ids, check_seconds=3600),
    )
    await upgrade_to_head(runtime.db)
    flood = FloodLimits(enabled=True, time_scale=SCALE)
    emulator = BotApiEmulator(token="123456:BENCH-helpdesk", flood=flood)
    async with emulator:
        chats = [emulator.group(g, f"desk {n}", forum=True, bot_admin=True) for n, g in
                 enumerate(group_ids)]  # fmt: skip
        people = [
            emulator.user(FIRST_RESIDENT + n, first_name=f"居民{n}", language_code="zh")
            for n in range(residents)
        ]
        written: dict[str, float] = {}
        async with running_bot(runtime, emulator, poll_timeout=1):
            start = time.monotonic()
            for person in people:
                await person.command("/ask")
            for person in people:
                n = person.id - FIRST_RESIDENT
                await person.send(f"r{n} m1")
                written[f"r{n} m1"] = time.monotonic()
                await person.send_voice(f"voice-{n}".encode(), 3)
                await person.send(f"r{n} m3")
                written[f"r{n} m3"] = time.monotonic()
            arrived: dict[str, float] = {}
            expected = residents * MESSAGES
            deadline = start + TIMEOUT
            copies = 0
            while time.monotonic() < deadline:
                copies = 0
                for chat in chats:
                    for message in chat.state.messages.values():
                        if message.get("is_topic_message") and message["from"].get("is_bot"):
                            text = message.get("text", "")
                            if "voice" in message or text.startswith("r"):
                                copies += 1
                                arrived.setdefault(text, time.monotonic()) if text else None
                if copies >= expected:
                    break
                await asyncio.sleep(0.1)
            elapsed = time.monotonic() - start
            await asyncio.sleep(0.5)  # anything sent twice would show now
    lost = duplicated = disorder = 0
    for chat in chats:
        by_topic: dict[int, list[str]] = {}
        for message in sorted(chat.state.messages.values(), key=lambda m: m["message_id"]):
            thread = message.get("message_thread_id")
            if thread is None or not message["from"].get("is_bot"):
                continue
            if "voice" in message:
                by_topic.setdefault(thread, []).append("voice")
            elif message.get("text", "").startswith("r"):
                by_topic.setdefault(thread, []).append(message["text"].split()[1])
        for sequence in by_topic.values():
            wanted = ["m1", "voice", "m3"]
            duplicated += max(0, len(sequence) - len(set(sequence)))
            lost += len([w for w in wanted if w not in sequence])
            if list(dict.fromkeys(sequence)) != wanted and set(sequence) == set(wanted):
                disorder += 1
                print("  out of order:", sequence, flush=True)
        lost += max(0, residents // groups - len(by_topic)) * MESSAGES if groups == 1 else 0
    group_messages = sum(
        1 for chat in chats for m in chat.state.messages.values() if m["from"].get("is_bot")
    )
    telegram_minutes = elapsed * SCALE / 60
    latencies = [arrived[k] - written[k] for k in written if k in arrived]
    await runtime.db.dispose()
    return Outcome(
        residents=residents,
        groups=groups,
        seconds=elapsed,
        group_messages=group_messages,
        per_group_minute=group_messages / groups / telegram_minutes,
        lost=lost + max(0, expected - copies),
        duplicated=duplicated,
        out_of_order=disorder,
        too_many=emulator.stats().get("429", 0),
        latency_p50=percentile(latencies, 0.5) * SCALE / 60 if latencies else 0.0,
        latency_max=max(latencies) * SCALE / 60 if latencies else 0.0,
    )


def report(outcome: Outcome) -> None:
    print(
        f"{outcome.residents} residents, {outcome.groups} group(s): last copy after "
        f"{outcome.seconds * SCALE / 60:.1f} Telegram minutes ({outcome.seconds:.1f} s real); "
        f"{outcome.group_messages} bot messages in the group(s) (topics, cards, copies), "
        f"{outcome.per_group_minute:.1f} per group per minute; "
        f"lost {outcome.lost}, twice {outcome.duplicated}, out of order {outcome.out_of_order}, "
        f"429s {outcome.too_many}; resident→topic latency p50 {outcome.latency_p50:.1f} min, "
        f"max {outcome.latency_max:.1f} min",
        flush=True,
    )


def main() -> None:
    logging.basicConfig(level=logging.ERROR)
    residents = 50 if "--quick" in sys.argv else 200
    for groups in (1, 4):
        report(asyncio.run(run(residents, groups)))


if __name__ == "__main__":
    main()
