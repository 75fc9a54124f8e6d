"""A text in messages Telegram accepts (no ``telegram`` here: the outbox cuts with it too)."""

from __future__ import annotations

# Telegram refuses a message over 4,096 characters after its HTML is parsed, counted in UTF-16
# code units (an emoji counts two); the raw HTML is measured, with room to spare, so no count
# of entities can push a part over.
MESSAGE_LIMIT = 4000
ENTITY_MAX = 10  # the longest HTML entity the bot writes ("&quot;" and "&#x27;" are 6)


def units(text: str) -> int:
    """``text``'s length as Telegram counts it: UTF-16 code units."""
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _cut_at(line: str, room: int) -> int:
    """Where to cut ``line`` so that its head takes at most ``room`` units: at its last space
    in the second half, else where the room ends, and never inside an entity such as "&lt;"."""
    used = 0
    end = len(line)
    for index, ch in enumerate(line):
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > room:
            end = index
            break
    cut = line.rfind(" ", 0, end)
    if cut <= end // 2:
        cut = end
    amp = line.rfind("&", 0, cut)
    if amp > 0 and cut - amp <= ENTITY_MAX and ";" not in line[amp:cut]:
        cut = amp
    return max(cut, 1)


def parts(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in messages Telegram accepts: cut between paragraphs where one ends in the
    second half of a message, else between lines (a catalog's tags never span a line); a line
    longer than a message fills the message it starts in (a header stays with the words under
    it) and goes on in the next, cut at a space where there is one."""
    if units(text) <= limit:
        return [text]
    messages: list[str] = []
    current, started = "", False
    for line in text.split("\n"):
        while True:
            joined = f"{current}\n{line}" if started else line
            if units(joined) <= limit:
                current, started = joined, True
                break
            if units(line) <= limit:
                head, sep, tail = current.rpartition("\n\n")
                if sep and units(head) >= limit // 2 and units(f"{tail}\n{line}") <= limit:
                    messages.append(head)
                    current = f"{tail}\n{line}"
                else:
                    messages.append(current)
                    current = line
                break
            prefix = f"{current}\n" if started else ""
            room = limit - units(prefix)
            if room < limit // 4:  # too little left here: the long line starts a message
                messages.append(current)
                current, started = "", False
                continue
            cut = _cut_at(line, room)
            messages.append(prefix + line[:cut])
            line = line[cut:].lstrip(" ")
            current, started = "", False
    messages.append(current)
    return [m.strip("\n") for m in messages if m.strip()]
