"""FAQ answers name only buttons and commands the bot really has (a newcomer looked for
"📚 夜校课程", a label the menu had retired)."""

from __future__ import annotations

import re

from bot.centre import Centre
from bot.features import MANIFESTS
from bot.i18n import Catalog
from bot.tg.menu import MAIN_MENU

# A quoted label that starts with an emoji: “📚 课程报名”, "📚 Classes".
_BUTTON = re.compile(r"[“\"「]([^\w\s“”\"「」/][^“”\"「」]*)[”\"」]")
_COMMAND = re.compile(r"(?<![\w/])/([a-z_]+)\b")


def test_faq_answers_name_only_real_menu_buttons_and_commands(
    centre: Centre, catalog: Catalog
) -> None:
    """Every quoted emoji label in an FAQ answer is a current main-menu button of that
    language, and every /command it names is one the bot registers."""
    commands = {spec.name for manifest in MANIFESTS for spec in manifest.commands}
    named = 0
    for entry in centre.faq:
        for lang in ("zh", "en"):
            answer = getattr(entry.answer, lang)
            labels = {catalog.text(lang, key) for _action, key in MAIN_MENU}
            for label in _BUTTON.findall(answer):
                named += 1
                assert label in labels, f"faq {entry.id} ({lang}) names {label!r}"
            for command in _COMMAND.findall(answer):
                named += 1
                assert command in commands, f"faq {entry.id} ({lang}) names /{command}"
    assert named  # the answers do name buttons: the check has something to check
