"""Round thirty, the lead's part: a day placed by another's term or by the weather is asked, and
a question after a story about another place is answered only with a day of its own.

- "孙子夏令营结束以后，活动室开伐", "开学以后…": another's term or camp over, a day we cannot know;
  they were answered with today's hours.
- "台风天…", "on rainy days…": a day by its weather, some day to come.
- "单位食堂太贵，你们社区食堂中午几点开饭": a story about another place, then ours asked with no
  day of its own, is not answered for today by default (one sealed set's other-day answer came
  from the rule that answered the last clause alone); with a day of its own it is.

The clock is injected: Wednesday 15 July 2026."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

TODAY = date(2026, 7, 15)


@pytest.mark.parametrize(
    "q",
    [
        "孙子夏令营结束以后，活动室开伐",
        "等暑托班结束了健身房开吗",
        "开学以后活动室几点开",
        "军训完了以后卫生站开伐",
        "on rainy days is the gym open",
        "during a typhoon day is the canteen open?",
    ],
)
def test_a_day_placed_by_a_term_or_the_weather_is_asked(matcher: QuestionMatcher, q: str) -> None:
    assert matcher.understand(q, TODAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "q",
    [
        "台风天银行不开门，卫生站开吗",
        "下雨天菜场不开，食堂开伐",
        "单位食堂太贵，你们社区食堂中午几点开饭",
        "超市人太多了，健身房开伐",
    ],
)
def test_after_a_story_no_day_is_guessed(matcher: QuestionMatcher, q: str) -> None:
    verdict = matcher.understand(q, TODAY)
    assert verdict.kind not in (Kind.HOURS, Kind.OVERVIEW)


@pytest.mark.parametrize(
    ("q", "venue", "day"),
    [
        ("去完超市去健身房，周日健身房几点关门", "gym", date(2026, 7, 19)),
        ("区图书馆太远了，你们阅览室礼拜六开伐", "activity_rooms", date(2026, 7, 18)),
        ("夏令营结束了，明天活动室开伐", "activity_rooms", date(2026, 7, 16)),
        ("今天下雨天，食堂开吗", "canteen", TODAY),
    ],
)
def test_a_day_of_its_own_is_answered(
    matcher: QuestionMatcher, q: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(q, TODAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert (verdict.days or (TODAY,)) == (day,)


@pytest.mark.parametrize(
    "q",
    [
        "中心地址在哪里",
        "你们地址在哪",
        "地址发我一下",
        "你们在哪里？",
        "where are you located?",
        "what's your address",
        "Hi, where are you guys?",
    ],
)
def test_our_address_with_no_site_named_offers_both(matcher: QuestionMatcher, q: str) -> None:
    """Two sites: both addresses offered, not "I cannot answer that"."""
    verdict = matcher.understand(q, TODAY)
    assert verdict.kind is Kind.SUGGEST
    assert set(verdict.suggestions) == {"address_1690", "address_changfeng"}


@pytest.mark.parametrize(
    ("q", "faq"),
    [("1690地址在哪", "address_1690"), ("长风湾驿站地址", "address_changfeng")],
)
def test_a_site_named_gets_its_address(matcher: QuestionMatcher, q: str, faq: str) -> None:
    verdict = matcher.understand(q, TODAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize("q", ["医院地址在哪里", "嘉定的法律援助中心地址在哪", "银行在哪里"])
def test_anothers_address_stays_unanswered(matcher: QuestionMatcher, q: str) -> None:
    assert matcher.understand(q, TODAY).kind not in (Kind.FAQ, Kind.SUGGEST, Kind.HOURS)
