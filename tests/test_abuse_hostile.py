"""Hostile input through the real Application: every case gets a clear answer and changes
nothing in the database.

The table is meant to grow: when a feature lands, add its commands, its callback prefixes
(forged, stale, other people's ids) and its free-text prompts to CASES.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import pytest

from bot.i18n import Catalog
from bot.storage.models import Base
from tests.conftest import Bot


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


async def _contents(bot: Bot) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table (the tables are tiny here)."""
    contents = {}
    for table in Base.metadata.sorted_tables:
        contents[table.name] = sorted((await bot.sql(f"SELECT * FROM {table.name}")), key=repr)
    return contents


async def test_hostile_inputs_get_clear_answers_and_change_nothing(
    bot: Bot, catalog: Catalog, caplog: pytest.LogCaptureFixture
) -> None:
    """Each hostile input from a fresh resident is answered and leaves every table as it was."""
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
