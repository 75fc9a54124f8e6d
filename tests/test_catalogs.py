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


def _table_keys(tree: ast.AST) -> list[str]:
    """The literal keys of every ``message_keys(Kind, {...})`` table in a module, and those
    chosen into a variable named ``key`` (``key = "x-on" if on else "x-off"``)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", "").endswith("key") for target in node.targets
        ):
            found += [
                leaf.value
                for leaf in ast.walk(node.value)
                if isinstance(leaf, ast.Constant)
                and isinstance(leaf.value, str)
                and re.fullmatch(r"[a-z][a-z0-9_]*(-[a-z0-9_]+)+", leaf.value)
            ]
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "message_keys":
            for table in node.args[1:]:
                assert isinstance(table, ast.Dict), ast.unparse(node)
                for value in table.values:
                    assert isinstance(value, ast.Constant), ast.unparse(value)
                    found.append(value.value)
    return found


def test_every_key_used_in_code_exists(catalog: Catalog) -> None:
    """Every literal ``t("key")`` and every key of a ``message_keys`` table in the package
    names a key of the catalogs."""
    used: set[tuple[str, str]] = set()
    tables = 0
    for path in BOT.rglob("*.py"):
        if path.name == "i18n.py":  # its docstrings show the call with a placeholder key
            continue
        source = path.read_text(encoding="utf-8")
        table_keys = _table_keys(ast.parse(source))
        tables += bool(table_keys)
        for key in [*KEY_CALL.findall(source), *table_keys]:
            used.add((str(path.relative_to(BOT)), key))
    assert tables >= 5  # the outcome tables moved? the scan must still find them
    unknown = sorted((path, key) for path, key in used if not catalog.has(key))
    assert not unknown, f"keys used but not in the catalogs: {unknown}"


TRANSLATING = {"t", "ct", "text", "all_languages"}


def _built_keys(tree: ast.AST) -> list[tuple[int, str]]:
    """Catalog keys built at run time: an f-string handed to ``t``/``ct``/``text``, or
    assigned to a variable named ``key``."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name in TRANSLATING:
                found += [(a.lineno, ast.unparse(a)) for a in node.args if _keyish(a)]
        elif (
            isinstance(node, ast.Assign)
            and _keyish(node.value)
            and any(getattr(target, "id", "").endswith("key") for target in node.targets)
        ):
            found.append((node.lineno, ast.unparse(node.value)))
    return found


def _keyish(node: ast.AST) -> bool:
    if not isinstance(node, ast.JoinedStr) or not node.values:
        return False
    head = node.values[0]
    return isinstance(head, ast.Constant) and bool(re.fullmatch(r"[a-z0-9-]+-", head.value))


def test_no_catalog_key_is_built_at_run_time() -> None:
    """Outcomes and statuses map to literal keys (``message_keys``), so the test above sees
    every key the bot can show."""
    offenders = []
    for path in sorted(BOT.rglob("*.py")):
        for line, source in _built_keys(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(BOT)}:{line}: {source}")
    assert not offenders, "catalog keys built at run time:\n" + "\n".join(offenders)


def test_the_built_key_check_catches_an_f_string_key() -> None:
    """The scan above really flags ``t(f"x-{code}")`` and ``key = f"x-{code}"``."""
    tree = ast.parse('def h(t, c):\n    key = f"x-{c}"\n    return t(f"y-{c}")\n')
    assert sorted(_built_keys(tree)) == [(2, "f'x-{c}'"), (3, "f'y-{c}'")]


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


def test_an_outcome_without_a_key_fails_at_import() -> None:
    """A ``message_keys`` table that forgets a member of its enum cannot be built, so every
    outcome, status and refusal shown to people has a literal key (seen by the scan above)."""
    from enum import StrEnum

    from bot.i18n import message_keys

    class Colour(StrEnum):
        RED = "red"
        BLUE = "blue"

    assert message_keys(Colour, {Colour.RED: "r", Colour.BLUE: "b"})[Colour.BLUE] == "b"
    with pytest.raises(ValueError, match="no catalog key"):
        message_keys(Colour, {Colour.RED: "r"})


def test_night_school_outcomes_each_have_their_own_text(catalog: Catalog) -> None:
    """views.result_text names one catalog key per enrolment outcome, and every key exists."""
    from bot.features.nightschool import enrolment, views

    source = Path(views.__file__).read_text(encoding="utf-8")
    keys = set(re.findall(r't\("(ns-result-[a-z-]+)"', source))
    assert all(catalog.has(key) for key in keys)
    covered = {key.removeprefix("ns-result-").removeprefix("already-") for key in keys}
    assert {code.value for code in enrolment.Code} - {"already"} <= covered


# --- every message rendered, every branch, checked as Telegram HTML (issue 16) ---------------

_BROKEN_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+)(?![0-9a-zA-Z;])")
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
# ASCII , ; : ! ? ( ) touching a Han character (a space between still counts: "卫生, 排队")
_ASCII_BY_HAN = re.compile(rf"[{_HAN}]\s*[,;:!?()]|[,;:!?()]\s*[{_HAN}]")
_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


def _variables_and_choices(pattern: object) -> tuple[set[str], dict[str, set[str]]]:
    """Every ``$variable`` of a Fluent pattern, and the variant keys each selector chooses on."""
    from fluent.syntax import ast as fl
    from fluent.syntax.visitor import Visitor as Visitor_

    names: set[str] = set()
    choices: dict[str, set[str]] = {}

    class Visitor(Visitor_):
        def visit_VariableReference(self, node: fl.VariableReference) -> None:
            names.add(node.id.name)

        def visit_SelectExpression(self, node: fl.SelectExpression) -> None:
            if isinstance(node.selector, fl.VariableReference):
                keys = choices.setdefault(node.selector.id.name, set())
                for variant in node.variants:
                    key = variant.key
                    keys.add(key.value if isinstance(key, fl.NumberLiteral) else key.name)
            self.generic_visit(node)

    Visitor().visit(pattern)
    return names, choices


def _sample_arguments(names: set[str], choices: dict[str, set[str]]) -> list[dict[str, object]]:
    """Argument sets that reach every variant of every selector, plus plain and plural samples."""
    base: dict[str, object] = dict.fromkeys(names, "样例 sample")
    sets: list[dict[str, object]] = [base, dict.fromkeys(names, 1), dict.fromkeys(names, 3)]
    for name, keys in choices.items():
        for key in keys:
            value: object = int(key) if key.isdigit() else key
            sets.append({**base, name: value})
    return sets


def _rendered_messages(lang: str) -> list[tuple[str, str]]:
    """Every message and attribute of ``lang`` rendered with each sample argument set."""
    from fluent.syntax import FluentParser
    from fluent.syntax import ast as fl

    from bot.i18n import LOCALES_DIR, Catalog

    catalog = Catalog()
    bundle = catalog._bundles[lang]
    out: list[tuple[str, str]] = []
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        for entry in resource.body:
            if not isinstance(entry, fl.Message) or entry.value is None:
                continue
            names, choices = _variables_and_choices(entry.value)
            message = bundle.get_message(entry.id.name)
            for args in _sample_arguments(names, choices):
                text, errors = bundle.format_pattern(message.value, args)
                assert not errors, f"{lang}/{entry.id.name}: {errors}"
                out.append((entry.id.name, str(text)))
    return out


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_and_variant_renders_as_telegram_html(lang: str) -> None:
    """Every message, with every variant of its selectors, passes the emulator's HTML check
    and shows no half-written entity such as "&lt；" (Telegram would show it literally)."""
    from frontdesk_emulator import ApiError, parse_html

    broken = []
    rendered = _rendered_messages(lang)
    assert len(rendered) > 500  # the catalogs moved? the walk must still find them
    for key, text in rendered:
        try:
            plain, _entities = parse_html(text)
        except ApiError as error:
            broken.append(f"{key}: {error}")
            continue
        if _BROKEN_ENTITY.search(text) or _BROKEN_ENTITY.search(plain):
            broken.append(f"{key}: a broken HTML entity in {text[:80]!r}")
    assert not broken, "\n".join(broken)


def _ascii_next_to_chinese(text: str) -> list[str]:
    # Examples of a file format staff type (<pre>, <code>) keep that format's own punctuation.
    text = re.sub(r"<(pre|code)>.*?</\1>", " ", text, flags=re.S)
    text = _ENTITY.sub(" ", text)  # "&lt;b&gt;粗体" is markup, not punctuation
    text = re.sub(r"<[^<>]*>", "", text)  # tags: <a href="...">
    text = re.sub(r"https?://\S+|/[a-z_]+", " ", text)  # links and /commands
    return [match.group(0) for match in _ASCII_BY_HAN.finditer(text)]


def test_no_ascii_punctuation_next_to_chinese_in_zh_catalogs() -> None:
    """Chinese messages use full-width punctuation: "标签：卫生、排队时间", never "卫生, 排队"."""
    offenders = [
        f"zh/{key}: {found} in {text[:60]!r}"
        for key, text in _rendered_messages("zh")
        for found in _ascii_next_to_chinese(text)
    ]
    assert not offenders, "\n".join(sorted(set(offenders)))


def test_the_punctuation_lint_flags_what_it_looks_for() -> None:
    """The lint catches an ASCII comma or colon by Chinese, and spares markup and links."""
    assert _ascii_next_to_chinese("标签：卫生, 排队时间") == ["生,"]
    assert _ascii_next_to_chinese("时间: 19:00") == ["间:"]
    assert _ascii_next_to_chinese("（可用 &lt;b&gt;粗体&lt;/b&gt;）") == []
    assert _ascii_next_to_chinese('<a href="https://x.cn/a:b">链接</a>，/ns_new 新建') == []
    assert _BROKEN_ENTITY.search("&lt；课程编号&gt；")
    assert not _BROKEN_ENTITY.search("&lt;课程编号&gt;")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_messages_parsed_on_first_use_render_as_a_whole_parse(lang: str) -> None:
    """The catalog parses each message when it is first read (memory, issue 18): nothing is
    parsed after start, a message is parsed alone when used, and every message and term
    renders exactly as in a bundle given each file parsed whole."""
    from fluent.runtime import FluentBundle, FluentResource

    from bot.i18n import _FLUENT_LOCALES, LOCALES_DIR

    catalog = Catalog()
    bundle = catalog._bundles[lang]
    assert dict.__len__(bundle._messages) == 0
    assert dict.__len__(bundle._terms) == 0
    catalog.text(lang, "menu-hours")
    assert set(dict.keys(bundle._messages)) == {"menu-hours"}

    whole = FluentBundle([_FLUENT_LOCALES[lang]], use_isolating=False)
    for path in sorted((LOCALES_DIR / lang).glob("*.ftl")):
        whole.add_resource(FluentResource(path.read_text(encoding="utf-8")))
    assert catalog.keys(lang) == set(whole._messages) | set(whole._terms)
    args = {"name": "Ada", "count": 3, "n": 2, "day": "3月2日", "time": "09:00"}
    for key in sorted(whole._messages):
        expected, theirs = whole.get_message(key), bundle.get_message(key)
        assert theirs.attributes.keys() == expected.attributes.keys(), key
        patterns = [(expected.value, theirs.value)] + [
            (expected.attributes[name], theirs.attributes[name]) for name in expected.attributes
        ]
        for mine, parsed_alone in patterns:
            if mine is None:
                assert parsed_alone is None, key
                continue
            text, errors = bundle.format_pattern(parsed_alone, args)
            expected_text, expected_errors = whole.format_pattern(mine, args)
            assert (text, [repr(e) for e in errors]) == (
                expected_text,
                [repr(e) for e in expected_errors],
            ), key
