"""Translation catalogs (Fluent): ``bot/locales/<lang>/*.ftl``, one file per feature.

Handlers never hold user-facing strings; they ask a :class:`Translator` for a message id.
Arguments are HTML-escaped because every message is sent with ``parse_mode=HTML``; wrap
already-safe HTML in :class:`Markup` to pass it through.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Final, TypeVar

from fluent.runtime import FluentBundle
from fluent.syntax import FluentParser
from fluent.syntax.ast import Junk, Message, Term

LANGUAGES: Final = ("zh", "en")
DEFAULT_LANGUAGE: Final = "zh"
LOCALES_DIR: Final = Path(__file__).with_name("locales")
_FLUENT_LOCALES: Final = {"zh": "zh-CN", "en": "en-GB"}

log = logging.getLogger(__name__)

# fluent.runtime's FluentResource parses with source positions on every node of the syntax
# tree, which the bundle keeps for good and nothing reads (errors name the message, not a
# line): two thirds of the catalogs' memory, about 5 MiB (issue 18).
_PARSER: Final = FluentParser(with_spans=False)
# At start each file is parsed whole once, with positions, to check it and to cut out each
# entry's source; the trees are then dropped (see _EntriesOnDemand).
_CHECKER: Final = FluentParser(with_spans=True)


class _EntriesOnDemand(dict[str, Message | Term]):
    """A bundle's messages (or terms), each parsed from its own source the first time the
    bundle reads it, then kept.

    The syntax trees of all 2 x 1,200 messages take about 2 MiB for good, while residents
    are answered with a few dozen of them; the sources alone take a tenth of that (issue
    18). fluent.runtime's bundle (0.4) keeps its entries in the dicts ``_messages`` and
    ``_terms`` and only asks them ``key in entries`` and ``entries[key]``, which this
    answers as the full dict would. A reference from one message to another (or to a term)
    goes through the same lookup, so it is parsed on demand as well."""

    def __init__(self, sources: dict[str, str]) -> None:
        super().__init__()
        self._sources = sources

    def __contains__(self, key: object) -> bool:
        return dict.__contains__(self, key) or key in self._sources

    def __missing__(self, key: str) -> Message | Term:
        entry = _PARSER.parse_entry(self._sources.pop(key))  # KeyError: not in the catalog
        if not isinstance(entry, Message | Term):  # checked at start: cannot happen
            raise ValueError(f"catalog entry {key!r} no longer parses")
        self[key] = entry
        return entry


class Markup(str):
    """A string that is already valid Telegram HTML and must not be escaped again."""

    __slots__ = ()


class MissingTranslation(LookupError):
    """A message id that the catalog lacks."""


K = TypeVar("K")


def message_keys(kind: Iterable[K], keys: Mapping[K, str]) -> Mapping[K, str]:
    """The catalog key of each value of ``kind`` (an enum, a range), written out literally.

    Keys are never built at run time (``t(f"x-{code}")``): the catalog test reads the literal
    keys of every ``message_keys(...)`` table, and a value without a key fails at import.
    """
    missing = [value for value in kind if value not in keys]
    if missing:
        raise ValueError(f"no catalog key for {missing}")
    return MappingProxyType(dict(keys))


def language_from_code(code: str | None) -> str:
    """Telegram's ``language_code`` to ours: Chinese for ``zh*`` and when unknown, else English."""
    if not code:
        return DEFAULT_LANGUAGE
    return "zh" if code.lower().startswith("zh") else "en"


def _escape(value: object) -> object:
    if isinstance(value, Markup):
        return str(value)
    if isinstance(value, str):
        return html.escape(value, quote=False)
    if isinstance(value, int | float | date | datetime):
        return value
    return html.escape(str(value), quote=False)


class Catalog:
    """Every language's bundle, loaded once at start."""

    def __init__(self, directory: Path = LOCALES_DIR) -> None:
        self._bundles: dict[str, FluentBundle] = {}
        self._keys: dict[str, set[str]] = {}
        for lang in LANGUAGES:
            bundle = FluentBundle([_FLUENT_LOCALES[lang]], use_isolating=False)
            keys: set[str] = set()
            messages: dict[str, str] = {}
            terms: dict[str, str] = {}
            for path in sorted((directory / lang).glob("*.ftl")):
                source = path.read_text(encoding="utf-8")
                resource = _CHECKER.parse(source)
                junk = [entry for entry in resource.body if isinstance(entry, Junk)]
                if junk:
                    raise ValueError(f"{path}: cannot parse {str(junk[0].content)[:60]!r}")
                ids = {entry.id.name for entry in resource.body if hasattr(entry, "id")}
                if ids & keys:
                    raise ValueError(f"{path}: message ids defined twice: {sorted(ids & keys)}")
                for entry in resource.body:
                    if isinstance(entry, Message | Term) and entry.span is not None:
                        found = terms if isinstance(entry, Term) else messages
                        found[entry.id.name] = source[entry.span.start : entry.span.end]
                keys.update(ids)
            # fluent.runtime 0.4's bundle: its entries, parsed when first read (see above)
            bundle._messages = _EntriesOnDemand(messages)
            bundle._terms = _EntriesOnDemand(terms)
            self._bundles[lang] = bundle
            self._keys[lang] = keys

    def keys(self, lang: str) -> set[str]:
        """The message ids of one language."""
        return set(self._keys[lang])

    def has(self, key: str) -> bool:
        return all(key in keys for keys in self._keys.values())

    def text(self, lang: str, key: str, /, **args: object) -> str:
        """The message ``key`` in ``lang`` with ``args`` (escaped for HTML)."""
        bundle = self._bundles.get(lang) or self._bundles[DEFAULT_LANGUAGE]
        if not bundle.has_message(key):
            raise MissingTranslation(f"{key!r} is missing in {lang!r}")
        message = bundle.get_message(key)
        if message.value is None:
            raise MissingTranslation(f"{key!r} has no value in {lang!r}")
        escaped = {name: _escape(value) for name, value in args.items()}
        text, errors = bundle.format_pattern(message.value, escaped)
        if errors:
            log.warning("translation %s/%s: %s", lang, key, errors)
        return str(text)

    def all_languages(self, key: str, /, **args: object) -> dict[str, str]:
        """The message in every language (e.g. to match a menu button in either)."""
        return {lang: self.text(lang, key, **args) for lang in LANGUAGES}

    def translator(self, lang: str) -> Translator:
        return Translator(self, lang)


class Translator:
    """A catalog bound to one language: ``t("key", name=...)``."""

    __slots__ = ("catalog", "lang")

    def __init__(self, catalog: Catalog, lang: str) -> None:
        self.catalog = catalog
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE

    def __call__(self, key: str, /, **args: object) -> str:
        return self.catalog.text(self.lang, key, **args)

    def join(self, items: Iterable[str]) -> str:
        """Items in running text, with the language's separator: "卫生、排队" / "hygiene, queue"."""
        return self("list-separator").join(items)

    def lines(self, keys: Iterable[str], args: Mapping[str, object] | None = None) -> str:
        return "\n".join(self(key, **(args or {})) for key in keys)
