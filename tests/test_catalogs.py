"""The translation catalogs are complete, and handlers hold no user-facing text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from bot.i18n import LANGUAGES, Catalog, Markup, MissingTranslation, language_from_code

BOT = Path(__file__).resolve().parents[1] / "bot"
SEND_METHODS = {
    "reply_text",
    "send_message",
    "edit_message_text",
    "edit_text",
    "answer",
    "reply_html",
    "send_photo",
    "send_document",
    "reply_photo",
    "reply_document",
    "edit_message_caption",
    "InlineKeyboardButton",
    "KeyboardButton",
    "BotCommand",
}
TEXT_KEYWORDS = {"text", "caption", "filename"}
KEY_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9-]+)["']""")


def test_every_key_exists_in_every_language(catalog: Catalog) -> None:
    """A message id present in one language is present in all of them."""
    keys = {lang: catalog.keys(lang) for lang in LANGUAGES}
    everything = set().union(*keys.values())
    missing = {
        lang: sorted(everything - found) for lang, found in keys.items() if everything - found
    }
    assert not missing, f"untranslated keys: {missing}"


def test_every_key_used_in_code_exists(catalog: Catalog) -> None:
    """Every literal ``t("key")`` in the package names a key of the catalogs."""
    used: set[tuple[str, str]] = set()
    for path in BOT.rglob("*.py"):
        if path.name == "i18n.py":  # its docstrings show the call with a placeholder key
            continue
        for key in KEY_CALL.findall(path.read_text(encoding="utf-8")):
            used.add((str(path.relative_to(BOT)), key))
    unknown = sorted((path, key) for path, key in used if not catalog.has(key))
    assert not unknown, f"keys used but not in the catalogs: {unknown}"


def _literal_texts(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        if name not in SEND_METHODS:
            continue
        candidates = (
            list(node.args[:1])
            if name not in {"send_message", "send_photo", "send_document"}
            else list(node.args[1:2])
        )
        candidates += [kw.value for kw in node.keywords if kw.arg in TEXT_KEYWORDS]
        for value in candidates:
            if isinstance(value, ast.JoinedStr) or (
                isinstance(value, ast.Constant)
                and isinstance(value.value, str)
                and value.value.strip()
            ):
                found.append((node.lineno, ast.unparse(value)))
    return found


def test_handlers_contain_no_hard_coded_user_texts() -> None:
    """Handlers send texts from the catalogs, never string literals or f-strings."""
    offenders = []
    # Every module that talks to Telegram: the features' handlers and the shared bot/tg layer.
    paths = sorted([*(BOT / "features").rglob("*.py"), *(BOT / "tg").rglob("*.py")])
    paths = [p for p in paths if "telegram" in p.read_text(encoding="utf-8")]
    assert len(paths) >= 15  # the features moved? the scan must still find their handlers
    for path in paths:
        for line, source in _literal_texts(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(BOT)}:{line}: {source}")
    assert not offenders, "hard-coded user-facing text:\n" + "\n".join(offenders)


def test_the_hard_coded_text_check_catches_a_literal() -> None:
    """The scan above really flags a literal reply (so it cannot pass vacuously)."""
    tree = ast.parse('async def h(u, c):\n    await u.message.reply_text("hello")\n')
    assert _literal_texts(tree) == [(2, "'hello'")]


def test_arguments_are_escaped_for_html(catalog: Catalog) -> None:
    """A resident's name cannot inject HTML into a message."""
    text = catalog.text("en", "start-greeting", name="<b>x</b> & co")
    assert "&lt;b&gt;x&lt;/b&gt; &amp; co" in text
    assert Markup("<b>ok</b>") in catalog.text("en", "start-greeting", name=Markup("<b>ok</b>"))


def test_missing_key_raises(catalog: Catalog) -> None:
    """Asking for a key that does not exist is an error, not an empty message."""
    with pytest.raises(MissingTranslation):
        catalog.text("zh", "no-such-key")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh-hans", "zh"), ("zh-TW", "zh"), ("en", "en"), ("ru", "en"), (None, "zh"), ("", "zh")],
)
def test_language_from_telegram_code(code: str | None, expected: str) -> None:
    """Chinese for zh*, English for other known codes, Chinese when unknown."""
    assert language_from_code(code) == expected


def test_every_message_is_valid_telegram_html(catalog: Catalog) -> None:
    """Every message, in both languages, parses as Telegram HTML (messages go out as HTML).

    A literal ``<course id>`` in a usage text, say, makes Telegram refuse the whole message.
    Variables are left unfilled: Fluent shows them as ``{$name}``, which is plain text.
    """
    from frontdesk_emulator import ApiError, parse_html

    broken = []
    for lang in LANGUAGES:
        bundle = catalog._bundles[lang]
        for key in sorted(catalog.keys(lang)):
            message = bundle.get_message(key)
            if message.value is None:
                continue
            text, _errors = bundle.format_pattern(message.value, {})
            try:
                parse_html(str(text))
            except ApiError as error:
                broken.append(f"{lang}/{key}: {error}")
    assert not broken, "\n".join(broken)


# Codes that handlers turn into a text with a prefix: the enums, and the codes raised literally.
OUTCOME_ENUMS = [
    ("reminders-cant-", "bot.services.reminders", "CantCome"),
    ("events-", "bot.features.events.service", "SignUp"),
    ("roles-", "bot.features.roles.service", "Outcome"),
    ("survey-refused-", "bot.features.surveys.service", "Refusal"),
    ("survey-sent-", "bot.features.surveys.service", "Sent"),
    ("survey-publish-", "bot.features.surveys.service", "Publish"),
]
RAISED_CODES = [
    ("ask-error-", "AskError"),
    ("hours-staff-error-", "ExceptionError"),
    ("ns-refused-", "SessionRefused"),
    ("ns-err-", "InvalidInput"),
]


@pytest.mark.parametrize(("prefix", "module", "name"), OUTCOME_ENUMS)
def test_every_outcome_of_an_enum_has_its_text(
    catalog: Catalog, prefix: str, module: str, name: str
) -> None:
    """Each member of an outcome enum has "<prefix><value>" in the catalogs (keys built at run
    time are checked here, since the literal-key scan cannot see them)."""
    import importlib

    outcomes = getattr(importlib.import_module(module), name)
    missing = [prefix + o.value for o in outcomes if not catalog.has(prefix + o.value)]
    assert len(list(outcomes)) >= 2
    assert not missing, f"outcomes without a text: {missing}"


@pytest.mark.parametrize(("prefix", "error"), RAISED_CODES)
def test_every_raised_refusal_code_has_its_text(catalog: Catalog, prefix: str, error: str) -> None:
    """Every ``Error("code")`` raised in the package has "<prefix><code>" in the catalogs."""
    raised = re.compile(rf"\b{error}\(\s*\"([a-z_-]+)\"")
    codes = {code for path in BOT.rglob("*.py") for code in raised.findall(path.read_text())}
    assert codes, f"no {error} raised: the scan is looking in the wrong place"
    missing = sorted(prefix + code for code in codes if not catalog.has(prefix + code))
    assert not missing, f"refusals without a text: {missing}"


def test_night_school_outcomes_each_have_their_own_text(catalog: Catalog) -> None:
    """views.result_text names one catalog key per enrolment outcome, and every key exists."""
    from bot.features.nightschool import enrolment, views

    source = Path(views.__file__).read_text(encoding="utf-8")
    keys = set(re.findall(r't\("(ns-result-[a-z-]+)"', source))
    assert all(catalog.has(key) for key in keys)
    covered = {key.removeprefix("ns-result-").removeprefix("already-") for key in keys}
    assert {code.value for code in enrolment.Code} - {"already"} <= covered
