"""Round twenty-seven (session eighteen, tuner d): residents dictating by voice (dev103). The
classes: a day word misheard by speech recognition, read by its sound or asked, never dropped
(夏礼拜天 → 下礼拜天, 过庆 → 国庆 before a count of days, a venue or an hours word); 放假 asked
as the question's verb ("窗口中秋节放假吗") is the festival's own day, not its whole break. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SEPTEMBER_8 = date(2026, 9, 8)  # a Tuesday; 中秋 Fri 09-25 (break 09-25..27), 国庆 10-01..07
GOLDEN_WEEK = tuple(date(2026, 10, 1) + timedelta(days=n) for n in range(7))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("夏个礼拜三食堂开吗", (date(2026, 9, 16),)),
        ("吓星期一健身房开不开", (date(2026, 9, 14),)),
        ("夏周三照相馆开吗", (date(2026, 9, 16),)),
        ("虾礼拜五夜校有课吗", (date(2026, 9, 18),)),
        ("锅庆放假健身房开吗", GOLDEN_WEEK),
        ("过庆那天食堂开吗", (date(2026, 10, 1),)),
        ("果庆头三天食堂开不开", GOLDEN_WEEK[:3]),
        ("中邱头两天食堂开吗", (date(2026, 9, 25), date(2026, 9, 26))),
    ],
)
def test_a_misheard_day_word_is_read_by_its_sound(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("夏天礼拜天健身房开吗", (date(2026, 9, 13),)),  # summer, not next week
        ("庆祝国庆活动室开吗", (date(2026, 10, 1),)),
    ],
)
def test_near_misses_of_the_sound_typos_keep_their_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


def test_a_celebration_is_no_national_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("过庆生 食堂开吗", SEPTEMBER_8)  # 庆生: a birthday party
    assert date(2026, 10, 1) not in verdict.days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("食堂国庆节放假吗", date(2026, 10, 1)),
        ("健身房国庆放假不", date(2026, 10, 1)),
        ("健身房中秋放假？", date(2026, 9, 25)),
        ("中秋节放假么？健身房", date(2026, 9, 25)),
    ],
)
def test_closing_on_the_festival_asked_is_its_own_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text", ["国庆节放假 食堂开吗", "国庆节放假食堂开吗", "国庆节放假那几天食堂开吗"]
)
def test_the_break_before_the_question_stays_the_whole_break(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.days == GOLDEN_WEEK


@pytest.mark.parametrize(
    "text", ["星期是食堂开吗", "礼拜是健身房开不开", "星期是晚上夜校有课吗", "礼拜山照相馆开吗"]
)
def test_a_weekday_misheard_by_fuzzy_pinyin_is_asked_not_today(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SEPTEMBER_8).kind is Kind.CLARIFY_DAY


def test_a_misheard_weekday_corrected_at_once_is_the_corrected_day(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("照相馆星期是 星期四开不开", SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 9, 10),)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("重阳节后头一天健身房开吗", date(2026, 10, 19)),
        ("国庆前边一天照相馆开吗", date(2026, 9, 30)),
        ("中秋前面一天食堂开吗", date(2026, 9, 24)),
    ],
)
def test_the_day_after_or_before_said_aloud_is_that_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize("text", ["后面一天食堂开吗", "前头一天食堂开吗"])
def test_the_day_after_of_no_day_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEPTEMBER_8).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("今天健身房开吗 不对 是明天", date(2026, 9, 9)),
        ("礼拜三食堂开吗 说错了礼拜四", date(2026, 9, 10)),
    ],
)
def test_a_day_taken_back_after_the_question_is_replaced(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize("text", ["今天不对外开放吗 明天食堂开吗", "今天健身房人多不对 明天呢"])
def test_two_days_without_a_correction_stay_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SEPTEMBER_8).kind is Kind.CLARIFY_DAY


def test_a_second_day_asked_after_the_first_is_not_a_correction(matcher: QuestionMatcher) -> None:
    # both days asked (round twenty-seven's dev105 class), never the second alone
    verdict = matcher.understand("今天健身房开吗 明天呢", SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (SEPTEMBER_8, date(2026, 9, 9))


@pytest.mark.parametrize(
    ("text", "faq"),
    [("绿师咨询怎么预约", "legal_aid_how"), ("绿师咨询收费吗", "legal_aid_how")],
)
def test_a_place_typed_by_its_sound_is_read_by_the_entries_too(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("does the jim open on saturday", Kind.HOURS),
        ("the jim is open tomorrow?", Kind.HOURS),
        ("where's the jim", Kind.VENUE),
    ],
)
def test_the_gym_heard_as_a_name_after_the_is_the_gym(
    matcher: QuestionMatcher, text: str, kind: Kind
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is kind
    assert verdict.venue_ids == ("gym",)


def test_a_name_without_the_is_no_gym(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is jim at the canteen today", SEPTEMBER_8)
    assert verdict.venue_ids == ("canteen",)


@pytest.mark.parametrize("text", ["今天礼拜几呀我老糊涂了", "今天几号啊我记不清了"])
def test_todays_date_asked_with_an_aside_run_on_is_today(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, SEPTEMBER_8).kind is Kind.TODAY


def test_todays_date_run_on_into_an_hours_question_is_that_question(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("今天礼拜几啊食堂开吗", SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (SEPTEMBER_8,)


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("can teen open on friday for lunch", "canteen", date(2026, 9, 11)),
        ("is the can teen open tomorrow", "canteen", date(2026, 9, 9)),
        ("is the photos studio open tomorrow", "photo_studio", date(2026, 9, 9)),
        ("is the gym open friday the eleventh", "gym", date(2026, 9, 11)),
        ("gym open friday the twenty-fifth", "gym", date(2026, 9, 25)),
    ],
)
def test_english_heard_by_voice_names_the_place_and_the_day(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


def test_a_spelled_date_that_is_not_its_weekday_is_asked(matcher: QuestionMatcher) -> None:
    # the 20th of September 2026 is a Sunday
    assert matcher.understand("gym open saturday the twentieth", SEPTEMBER_8).kind is (
        Kind.CLARIFY_DAY
    )


@pytest.mark.parametrize("text", ["can teens use the gym", "can teen kids join the night school"])
def test_can_before_a_teen_is_no_canteen(matcher: QuestionMatcher, text: str) -> None:
    assert "canteen" not in matcher.understand(text, SEPTEMBER_8).venue_ids


def test_changfeng_spelled_by_ear_is_our_station(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("where is chang fung bay", SEPTEMBER_8)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "address_changfeng"


@pytest.mark.parametrize(
    "text",
    [
        "has my residence permit renewal gone through yet",
        "did my mum's meal delivery request go through",
    ],
)
def test_whether_ones_own_application_went_through_is_for_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


def test_how_to_apply_stays_the_entry(matcher: QuestionMatcher) -> None:
    assert matcher.understand("how do i apply for a senior card", SEPTEMBER_8).kind is Kind.FAQ


@pytest.mark.parametrize("text", ["活动时间表", "有什么活动时间表吗"])
def test_a_word_that_only_sounds_like_a_place_stays_itself(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, SEPTEMBER_8)  # 活动时间 is no 活动室
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")
