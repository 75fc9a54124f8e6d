"""Round twenty-nine, second reader r2 (scope, place and intent rules). Classes fixed:
- our own place asked beside a brand studio ("王开照相馆太贵了，你们照相馆拍证件照多少钱"): the
  brand rule refused the whole message;
- the resident's workplace told before our place asked ("我在医院上班，你们食堂几点开", "I work at
  the bank, is your window open on saturday"): someone's job is not a place, but the hospital
  or the bank refused the message;
- our window by its own name after another's counter ("…医院挂号窗口排了一个小时，你们受理窗口
  几点开"): the hospital's counter refused it;
- another body's break told, then ours asked ("公司元旦放几天，你们呢"): refused;
- our toilets out of soap or paper told with no 了 ("二楼厕所没有肥皂", "卫生间没纸"): not feedback;
- a day gone by told with a doing, then a place's hours asked in the present ("昨天去银行办事，
  你们窗口几点开", "I went to the canteen yesterday, what time does the gym open?"): answered for
  yesterday; now the day is asked back.
Near misses stay as they were. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

OCT_14 = date(2026, 10, 14)  # Wednesday, a week after the 国庆 break


@pytest.mark.parametrize(
    ("text", "kind", "venue"),
    [
        ("王开照相馆太贵了，你们照相馆拍证件照多少钱", Kind.FAQ, None),
        ("我在医院上班，你们食堂几点开", Kind.HOURS, "canteen"),
        ("我在银行工作，你们食堂周六开吗", Kind.HOURS, "canteen"),
        ("I work at the bank, is your window open on saturday", Kind.HOURS, "service_window"),
        ("昨天在医院挂号窗口排了一个小时，你们受理窗口几点开", None, "service_window"),
    ],
)
def test_our_place_asked_beside_another_s_stays_answered(
    matcher: QuestionMatcher, text: str, kind: Kind | None, venue: str | None
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is not Kind.NONE
    if kind is not None:
        assert verdict.kind is kind
    if venue is not None:
        assert venue in verdict.venue_ids


@pytest.mark.parametrize(
    "text",
    [
        "王开照相馆几点开",
        "海马体照相馆周末开吗",
        "我在医院上班，医院几点开",
        "i work at the bank, what time does it open",
        "医院挂号窗口几点开",
        "我儿子单位国庆放几天假",
        "农商行国庆放假吗",
        "你们知道农商行国庆放假吗",
        "我家卫生间没纸",
    ],
)
def test_the_other_place_alone_stays_unanswered(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "公司元旦放几天，你们呢",
        "单位放假吗，你们开吗",
        "my company gives three days off for new year, what about you",
    ],
)
def test_ours_asked_after_another_body_s_break_is_the_arrangement(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text", ["二楼厕所没有肥皂", "卫生间没纸", "一楼厕所没纸了", "厕所没肥皂了。"]
)
def test_our_toilets_out_of_soap_or_paper_are_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "昨天去银行办事，你们窗口几点开",
        "昨天去了食堂，健身房几点开",
        "I went to the canteen yesterday, what time does the gym open?",
        "昨天去银行办事，窗口排了好久，你们窗口几点开",
    ],
)
def test_a_story_s_day_gone_by_is_not_the_day_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert date(2026, 10, 13) not in verdict.days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("昨天健身房几点开的", date(2026, 10, 13)),
        ("I went to the gym yesterday, why was it closed?", date(2026, 10, 13)),
        ("昨天去了食堂，今天健身房几点开", OCT_14),
        ("上礼拜六去了夜校，下礼拜六上课吗", date(2026, 10, 24)),
        ("昨天，健身房几点开", date(2026, 10, 13)),
    ],
)
def test_the_day_asked_of_then_or_named_stays(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    assert day in matcher.understand(text, OCT_14).days


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("想学画画，有没有适合小学生的美术课", "美术"),
        ("想学画画，有没有适合老人的美术课", "美术"),
        ("想给他报个画画班，有没有适合老人的美术课", "美术"),
        ("想学画画，有没有书法课", "书法"),
        ("想学画画", "绘画"),
        ("想学画画，有没有适合老人的班", "绘画"),
    ],
)
def test_a_class_wished_for_with_xiangxue_then_named_is_the_class_named(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


@pytest.mark.parametrize(
    ("text", "ours"),
    [
        ("厂里向食堂礼拜六开伐", False),
        ("阿拉厂里向个食堂几点开饭", False),
        ("阿拉厂里厢个食堂几点开饭", False),
        ("阿拉小区个食堂几点开", True),
        ("阿拉食堂今朝开伐", True),
    ],
)
def test_a_factory_s_canteen_in_shanghainese_is_not_ours(
    matcher: QuestionMatcher, text: str, ours: bool
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert (verdict.kind is Kind.HOURS) is ours


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("我在医院做护工，卫生站周六开伐", Kind.HOURS),
        ("我老婆在银行上班，你们窗口几点关", Kind.HOURS),
        ("my wife works at a bank, is the gym open late", Kind.HOURS),
    ],
)
def test_a_relative_s_workplace_is_no_place_asked(
    matcher: QuestionMatcher, text: str, kind: Kind
) -> None:
    assert matcher.understand(text, OCT_14).kind is kind
