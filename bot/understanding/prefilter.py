"""A cheap test that a regular expression cannot match a text, worked out once from the pattern.

The understanding searches long tables of patterns one by one (the time rules), and most of
them match nothing in a given question. Python's engine only skips ahead quickly when a
pattern starts with a plain literal; one that starts with ``\\b``, a look-behind or a group is
tried at every position of the text. So, once per pattern, the words every match must contain
are read from its parsed form: ``\\b(?:minor|lesser)\\s+snow\\b`` needs "minor" or "lesser",
and "snow"; ``下下?(?:周|礼拜|星期)`` needs "下", and "周", "礼拜" or "星期". A text without
one of each cannot match, and the search is not run. The test is exact: it only ever skips a
search that would have found nothing (tests/test_prefilter.py).
"""

from __future__ import annotations

import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# Alternatives beyond this many are not worth testing one by one: the search is as quick.
_MAX_WORDS = 12
# At most this many needs are kept per pattern: the most telling ones.
_MAX_NEEDS = 3

# Each need: words of which every match holds at least one.
Needs = tuple[tuple[str, ...], ...]


def _best(options: list[frozenset[str]]) -> frozenset[str]:
    """The most telling need: its shortest word the longest, then the fewest words."""
    return max(options, key=lambda words: (min(map(len, words)), -len(words)))


def _needs(items: Any) -> list[frozenset[str]]:
    """Sets of words such that every match of the parsed ``items`` holds one of each set."""
    needs: list[frozenset[str]] = []
    run: list[str] = []  # consecutive literal characters: one word

    def flush() -> None:
        if run:
            needs.append(frozenset(["".join(run)]))
            run.clear()

    for op, arg in items:
        if op is sre.LITERAL:
            run.append(chr(arg))
            continue
        flush()
        if op is sre.IN:
            if all(kind is sre.LITERAL for kind, _ in arg) and len(arg) <= _MAX_WORDS:
                needs.append(frozenset(chr(char) for _, char in arg))
            # (ranges, categories, negated classes: too many characters to say)
        elif op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, body = arg
            if not add_flags & re.IGNORECASE:  # "(?i:...)": a letter stands for others
                needs.extend(_needs(body))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = arg
            if low >= 1:
                needs.extend(_needs(body))
        elif op is sre.ATOMIC_GROUP:
            needs.extend(_needs(arg))
        elif op is sre.BRANCH:
            # every alternative must need something: then a match holds one of their words
            words: set[str] = set()
            for alternative in arg[1]:
                options = _needs(alternative)
                if not options:
                    break
                words |= _best(options)
            else:
                if len(words) <= _MAX_WORDS:
                    needs.append(frozenset(words))
        # look-arounds, anchors, \b, back-references, conditionals, any character: nothing
        # sure to be consumed, nothing needed
    flush()
    return needs


def needs_of(pattern: re.Pattern[str]) -> Needs:
    """The needs of ``pattern``, most telling first (none: always search).

    Patterns compiled case-insensitively are left alone (a letter then stands for others,
    some outside ASCII)."""
    if pattern.flags & re.IGNORECASE or not isinstance(pattern.pattern, str):
        return ()
    found = set(_needs(sre_parse.parse(pattern.pattern, pattern.flags)))
    ranked = sorted(found, key=lambda words: (-min(map(len, words)), len(words), sorted(words)))
    return tuple(tuple(sorted(words)) for words in ranked[:_MAX_NEEDS])


def may_match(needs: Needs, text: str) -> bool:
    """Whether ``text`` holds a word of each need (if not, the pattern cannot match it)."""
    for words in needs:
        for word in words:
            if word in text:
                break
        else:
            return False
    return True
