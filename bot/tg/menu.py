"""The main menu, shared by every feature: its keyboard, its labels, and replying with it."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from weakref import WeakKeyDictionary

from telegram import ReplyKeyboardMarkup, Update

from bot.context import FrontdeskContext
from bot.i18n import Catalog, Translator

# (menu action, catalog key of the button), in the order shown; two big buttons a row.
MAIN_MENU: tuple[tuple[str, str], ...] = (
    ("hours", "menu-hours"),
    ("classes", "menu-classes"),
    ("feedback", "menu-feedback"),
    ("events", "menu-events"),
    ("ask", "menu-ask"),
    ("surveys", "menu-surveys"),
    ("help", "menu-help"),
)

# Labels a button had before (still on residents' kept keyboards until the menu is sent
# again): matched to their action, never shown.
RETIRED_LABELS: tuple[tuple[str, str], ...] = (("classes", "menu-classes-retired"),)


def main_menu(t: Translator) -> ReplyKeyboardMarkup:
    """The resident's main menu as big reply-keyboard buttons."""
    labels = [t(key) for _, key in MAIN_MENU]
    rows = [labels[i : i + 2] for i in range(0, len(labels), 2)]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, is_persistent=True)


# Made once per catalog (every private message is checked against them).
_LABELS: WeakKeyDictionary[Catalog, Mapping[str, str]] = WeakKeyDictionary()


def menu_labels(catalog: Catalog) -> Mapping[str, str]:
    """Every menu button's label, in every language, to the action it stands for."""
    found = _LABELS.get(catalog)
    if found is None:
        labels: dict[str, str] = {}
        for action, key in (*RETIRED_LABELS, *MAIN_MENU):
            for text in catalog.all_languages(key).values():
                labels[text] = action
        found = _LABELS[catalog] = MappingProxyType(labels)
    return found


async def send_menu(update: Update, context: FrontdeskContext, text: str) -> None:
    """Reply with ``text`` and the main menu."""
    if update.effective_chat is None:
        return
    await context.bot.send_message(
        update.effective_chat.id,
        text,
        reply_markup=main_menu(context.t),
    )
