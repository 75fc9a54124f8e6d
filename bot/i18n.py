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
from fluent.syntax.ast import Junk

LANGUAGES: Final = ("zh", "en")
DEFAULT_LANGUAGE: Final = "zh"
LOCALES_DIR: Final = Path(__file__).with_name("locales")
_FLUENT_LOCALES: Final = {"zh": "zh-CN", "en": "en-GB"}

log = logging.getLogger(__name__)

# fluent.runtime's FluentResource parses with source positions on every node of the syntax
# tree, which the bundle keeps for good and nothing reads (errors name the message, not a
# line): two thirds of the catalogs' memory, about 5 MiB (issue 18).
_PARSER: Final = FluentParser(with_spans=False)


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
            for path in sorted((directory / lang).glob("*.ftl")):
                resource = _PARSER.parse(path.read_text(encoding="utf-8"))
                junk = [entry for entry in resource.body if isinstance(entry, Junk)]
                if junk:
                    raise ValueError(f"{path}: cannot parse {str(junk[0].content)[:60]!r}")
                ids = {entry.id.name for entry in resource.body if hasattr(entry, "id")}
                if ids & keys:
                    raise ValueError(f"{path}: message ids defined twice: {sorted(ids & keys)}")
                bundle.add_resource(resource)
                keys.update(ids)
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
