"""A text in messages Telegram accepts (no ``telegram`` here: the outbox cuts with it too)."""

from __future__ import annotations

# Telegram refuses a message over 4,096 characters after its HTML is parsed; the raw HTML is
# measured, with room to spare, so no count of entities can push a part over.
MESSAGE_LIMIT = 4000


def parts(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """``text`` in messages Telegram accepts: cut between paragraphs where one ends in the
    second half of a message, else between lines (a catalog's tags never span a line), and a
    line longer than a message at its last space."""
    if len(text) <= limit:
        return [text]
    lines: list[str] = []
    for line in text.split("\n"):
        while len(line) > limit:
            cut = line.rfind(" ", 0, limit)
            cut = cut if cut > 0 else limit
            lines.append(line[:cut])
            line = line[cut:].lstrip(" ")
        lines.append(line)
    messages: list[str] = []
    current = ""
    for line in lines:
        joined = f"{current}\n{line}" if current else line
        if len(joined) <= limit:
            current = joined
            continue
        head, sep, tail = current.rpartition("\n\n")
        if sep and len(head) >= limit // 2:
            messages.append(head)
            current = f"{tail}\n{line}"
        else:
            messages.append(current)
            current = line
    messages.append(current)
    return [m.strip("\n") for m in messages if m.strip()]
