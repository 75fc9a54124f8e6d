"""Which question or ticket a staff member's reply is about, when the outbox has no record yet.

A staff member answers by replying to a message the bot sent them (a question's notice, a
ticket's card or a copy of the resident's message). Normally the outbox's record of what it sent
says which question or ticket that message is about. But the sender writes that record only
after Telegram has answered (and while the database is down, that write retries), and the
staff member may reply in between. The quoted message itself names its number in its first
line, as the catalog wrote it; Telegram delivers the quoted message as the bot sent it, so
reading the number back from it is safe. The pattern comes from the catalog texts themselves,
so that a reworded text cannot silently stop the fallback from working.
(No ``telegram`` here: the handlers pass the quoted message's text or caption.)
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.i18n import Catalog
from bot.services import outbox

_NUMBER = "\x00number\x00"
_ANY = "\x00any\x00"
_TAG = re.compile(r"<[^>]*>")


def _first_line_pattern(rendered: str) -> re.Pattern[str] | None:
    """The first line of a text rendered with the stand-ins, as a pattern (a name may hold
    anything but a line break; the number is digits)."""
    line = html.unescape(_TAG.sub("", rendered.split("\n", 1)[0]))
    if line.count(_NUMBER) != 1:
        return None
    pattern = re.escape(line)
    pattern = pattern.replace(re.escape(_NUMBER), r"(?P<number>\d{1,12})")
    pattern = pattern.replace(re.escape(_ANY), r"[^\n]*")
    return re.compile(pattern)


class QuotedNumber:
    """Reads the number (``$id``) that a bot's message names in its first line, in any
    language, from the catalog texts (``keys``) it may have been written from."""

    def __init__(self, catalog: Catalog, keys: Iterable[str], *, others: Iterable[str]) -> None:
        stand_ins = dict.fromkeys(others, _ANY)
        self._patterns: list[re.Pattern[str]] = []
        for key in keys:
            for rendered in catalog.all_languages(key, id=_NUMBER, **stand_ins).values():
                pattern = _first_line_pattern(rendered)
                if pattern is None:
                    raise ValueError(f"{key!r} must name its $id once in its first line")
                self._patterns.append(pattern)

    def number(self, quoted: str | None) -> int | None:
        """The number the quoted text names, or ``None`` if it is none of those texts.
        A name (the resident's own) may look like anything: the whole first line must
        match, and the number sits where the text puts it, not where a name imitates it."""
        if not quoted:
            return None
        line = quoted.split("\n", 1)[0]
        for pattern in self._patterns:
            found = pattern.fullmatch(line)
            if found is not None:
                return int(found.group("number"))
        return None


async def number_of_reply(
    session: AsyncSession,
    chat_id: int,
    replied_message_id: int,
    quoted: str | None,
    *,
    of_source: Callable[[str], int | None],
    reader: QuotedNumber,
) -> int | None:
    """The question or ticket a bot's message in ``chat_id`` is about: from the outbox's record
    of what it sent (``of_source`` reads its source), else, while there is no record yet, from
    the number the quoted message (its text or caption, ``quoted``) names."""
    found = await outbox.find_sent(session, chat_id, replied_message_id)
    if found is not None:
        return of_source(found[1])
    return reader.number(quoted)
