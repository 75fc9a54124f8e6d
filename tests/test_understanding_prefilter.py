"""The regex pre-filter (bot/understanding/prefilter.py) never skips a search that would match."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.understanding.normalise import normalise
from bot.understanding.prefilter import may_match, needs_of
from bot.understanding.timex import _RULES

QUESTIONS = [
    str(item["q"])
    for item in yaml.safe_load(
        (Path(__file__).parent / "data" / "questions.yaml").read_text(encoding="utf-8")
    )["questions"]
]


@pytest.mark.parametrize(
    ("pattern", "needs"),
    [
        (r"\b(?:minor|lesser)\s+snow\b", (("lesser", "minor"), ("snow",))),
        (r"下下?(?:周|礼拜|星期)", (("下",), ("周", "星期", "礼拜"))),
        (r"(?:逢|每逢)?初一", (("初一",),)),
        (r"明天|\w+day", (("day", "明天"),)),
        (r"明天|\w+", ()),  # one alternative needs nothing sure: always searched
        (r"(?i)monday", ()),  # case-insensitive: left alone
        (r"x*", ()),
    ],
)
def test_needs_read_from_the_pattern(pattern: str, needs: tuple[tuple[str, ...], ...]) -> None:
    assert needs_of(re.compile(pattern)) == needs


def test_a_text_without_the_words_is_skipped() -> None:
    needs = needs_of(re.compile(r"下下?(?:周|礼拜|星期)"))
    assert may_match(needs, "下礼拜三")
    assert not may_match(needs, "下个月")  # 下 but no week word
    assert not may_match(needs, "礼拜三")  # a week word but no 下


def test_no_time_rule_match_is_ever_skipped() -> None:
    """Every time rule that matches a question of the quality set is let through."""
    texts = [normalise(q) for q in QUESTIONS]
    for pattern, _kind, _resolver, needs in _RULES:
        assert needs == needs_of(pattern)
        for text in texts:
            if pattern.search(text):
                assert may_match(needs, text), (pattern.pattern, text)
