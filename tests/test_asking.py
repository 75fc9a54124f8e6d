"""Telling a plain question typed into a form from words meant for it (bot/understanding/asking)."""

from __future__ import annotations

import pytest

from bot.understanding.asking import asks_for_information


@pytest.mark.parametrize(
    "text",
    [
        "食堂几点开门",
        "明天卫生站开吗",
        "照相馆在哪里",
        "is the gym open tomorrow?",
        "what time does it close",
    ],
)
def test_a_plain_question_for_the_centre_is_recognised(text: str) -> None:
    """Hours, places and yes/no questions read as questions, in Chinese and English."""
    assert asks_for_information(text)


@pytest.mark.parametrize(
    "text",
    [
        "菜太咸了",
        "而且排队要半小时",
        "为什么这么咸？",
        "排队能不能快一点",
        "太好了👍",
        "the soup was cold",
        "3",
    ],
)
def test_comments_and_complaints_phrased_as_questions_are_not(text: str) -> None:
    """A comment, a wish or a complaint phrased as a question stays the form's words."""
    assert not asks_for_information(text)
