"""The resident's command menu follows /language (issue 16): a per-chat command list."""

from __future__ import annotations

import json

from bot.i18n import Catalog
from tests.conftest import Bot


def _chat_menu(bot: Bot, chat_id: int) -> dict[str, str]:
    scope = json.dumps({"chat_id": chat_id, "type": "chat"}, sort_keys=True, separators=(",", ":"))
    return {c["command"]: c["description"] for c in bot.emu.commands[(scope, "")]}


async def test_menu_follows_the_chosen_language(bot: Bot, catalog: Catalog) -> None:
    """A resident whose phone speaks Chinese chooses English: their chat's command menu is
    the resident menu in English, with no staff commands; choosing Chinese switches it back."""
    wang = bot.emu.user(7001, first_name="Wang", language_code="zh")
    await wang.command("/language")
    await wang.wait_message()
    await wang.press("lang:en")
    await bot.settle()
    menu = _chat_menu(bot, 7001)
    assert menu["events"] == catalog.text("en", "cmd-events")
    assert menu["hours"] == catalog.text("en", "cmd-hours")
    assert "staff" not in menu
    assert "poster" not in menu
    await wang.command("/language")
    await wang.wait_message(predicate=lambda m: "lang:zh" in m.callback_data())
    await wang.press("lang:zh")
    await bot.settle()
    assert _chat_menu(bot, 7001)["events"] == catalog.text("zh", "cmd-events")
