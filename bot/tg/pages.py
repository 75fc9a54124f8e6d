"""Lists to pick from, a page at a time: one button per item, then ◀ ▶ between pages.

Staff pick venues, people and courses this way instead of typing codes (issue 16); typing a
name keeps working wherever such a list is offered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from telegram import InlineKeyboardMarkup

from bot.callbacks import Callback
from bot.i18n import Translator
from bot.tg.buttons import keyboard

Item = tuple[str, Callback]


def page_count(total: int, size: int) -> int:
    """How many pages ``total`` items fill (at least one)."""
    return max(1, -(-total // size))


def paged(
    t: Translator,
    items: Sequence[Item],
    page: int,
    size: int,
    turn: Callable[[int], Callback],
    *,
    columns: int = 1,
    extra: Sequence[Sequence[Item]] = (),
) -> InlineKeyboardMarkup:
    """Page ``page`` (clamped) of ``items``, ``columns`` to a row; ``turn(n)`` is the data of
    the button that shows page ``n``; ``extra`` rows go last (e.g. "cancel")."""
    pages = page_count(len(items), size)
    page = min(max(page, 0), pages - 1)
    shown = list(items[page * size : (page + 1) * size])
    rows: list[list[Item]] = [shown[i : i + columns] for i in range(0, len(shown), columns)]
    arrows: list[Item] = []
    if page > 0:
        arrows.append((t("pick-previous"), turn(page - 1)))
    if page + 1 < pages:
        arrows.append((t("pick-next"), turn(page + 1)))
    if arrows:
        rows.append(arrows)
    rows += [list(row) for row in extra]
    return keyboard(rows)
