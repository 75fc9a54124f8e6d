"""The flood guard's cost per resident update (issue 14): in memory, shared in PostgreSQL,
and what Redis would cost for the same bucket.

1. In memory (SQLite, one process): :meth:`FloodGuard.check`.
2. PostgreSQL (several instances): one ``frontdesk_flood_check`` round trip
   (:class:`bot.services.abuse.SharedBuckets`), each person's bucket in ``flood_buckets``.
3. Redis on 127.0.0.1:6379, for the decision only: the same token bucket as a Lua script
   (``EVALSHA``, one round trip) over a plain asyncio connection speaking RESP, so no client
   library is installed for a figure. Skipped if no Redis answers.

Needs PostgreSQL on 127.0.0.1:5432.
"""

from __future__ import annotations

import asyncio
import os
import sys
import time

from bench.common import describe_ms, make_runtime
from bot.services.abuse import FloodGuard, SharedBuckets
from bot.storage.migrate import upgrade_to_head
from tests.cluster import fresh_database

PEOPLE = 500

LUA = """
local b = redis.call('HMGET', KEYS[1], 't', 'u', 'm')
local now = tonumber(ARGV[4])
local burst, rate, cooldown = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local have, last, muted = tonumber(b[1]) or burst, tonumber(b[2]) or now, tonumber(b[3]) or 0
if muted > now then return 'drop' end
have = math.min(burst, have + (now - last) * rate)
local verdict = 'pass'
if have >= 1 then have = have - 1 else muted = now + cooldown; verdict = 'warn' end
redis.call('HSET', KEYS[1], 't', have, 'u', now, 'm', muted)
redis.call('EXPIRE', KEYS[1], 700)
return verdict
"""


def _resp(*parts: str) -> bytes:
    out = [f"*{len(parts)}\r\n".encode()]
    for part in parts:
        data = part.encode()
        out.append(f"${len(data)}\r\n".encode() + data + b"\r\n")
    return b"".join(out)


async def _reply(reader: asyncio.StreamReader) -> bytes:
    line = await reader.readline()
    if line[:1] == b"$":
        size = int(line[1:])
        return (await reader.readexactly(size + 2))[:-2]
    return line.strip()


async def _redis(rounds: int) -> list[float] | None:
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", 6379)
    except OSError:
        return None
    writer.write(_resp("SCRIPT", "LOAD", LUA))
    sha = (await _reply(reader)).decode()
    spent = []
    for n in range(rounds):
        started = time.perf_counter()
        key = f"frontdesk-bench-flood:{n % PEOPLE}"
        writer.write(_resp("EVALSHA", sha, "1", key, "20", "2", "60", repr(time.time())))
        await _reply(reader)
        spent.append(time.perf_counter() - started)
    cleanup = "for _,k in ipairs(redis.call('KEYS', ARGV[1])) do redis.call('DEL', k) end"
    writer.write(_resp("EVAL", cleanup + " return 0", "0", "frontdesk-bench-flood:*"))
    await _reply(reader)
    writer.close()
    return spent


async def _postgres(url: str, rounds: int) -> list[float]:
    runtime = make_runtime(url)
    await upgrade_to_head(runtime.db)
    guard = FloodGuard(burst=20, window=10, cooldown=60, shared=SharedBuckets(runtime.db))
    spent = []
    for n in range(rounds):
        started = time.perf_counter()
        await guard.verdict(n % PEOPLE)
        spent.append(time.perf_counter() - started)
    await runtime.db.dispose()
    return spent


def _memory(rounds: int) -> list[float]:
    guard = FloodGuard(burst=20, window=10, cooldown=60)
    spent = []
    for n in range(rounds):
        started = time.perf_counter()
        guard.check(n % PEOPLE)
        spent.append(time.perf_counter() - started)
    return spent


async def run(quick: bool) -> None:
    rounds = 500 if quick else 3000
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"flood guard in memory: {describe_ms(_memory(rounds))}")
    async with fresh_database() as url:
        print(f"flood guard shared in PostgreSQL: {describe_ms(await _postgres(url, rounds))}")
    redis = await _redis(rounds)
    print(
        "flood guard in Redis (Lua, one round trip): "
        + (describe_ms(redis) if redis else "no Redis on 127.0.0.1:6379")
    )


def main() -> None:
    """Entry point of ``python -m bench flood``."""
    quick = "--quick" in sys.argv or os.environ.get("FRONTDESK_BENCH_QUICK") == "1"
    asyncio.run(run(quick))


if __name__ == "__main__":
    main()
