"""Round twenty-eight, second reader r2 on u28-a, u28-b and u28-d: sentences near the new rules
that misfired. 有没有开 asks the hours only of the place itself, not of a thing switched on or
offered ("活动室有没有开空调", "夜校有没有开英语"); "my night school registration" to be done
is the sign-up, not one's list; a message passed on (麻烦转告) with a question beside it is the
question, and one passed to one's own family is not ours; an English sign-up verb inside
Chinese is 报名 only when no other thing (wifi, the gym card) is registered; 社区卫生服务中心 is
our health station asked by its kind, not an area's; "我连假都请不到" is no break; days counted
from an event of one's own ("手术三日后") are no day from today. Dates injected, never the real
one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_3 = date(2026, 12, 3)  # Thu
JUL_20 = date(2026, 7, 20)  # Mon, midsummer


@pytest.mark.parametrize(
    "text",
    [
        "活动室有没有开空调",
        "健身房有没有开暖气",
        "食堂有没有开水",
        "卫生站有没有开证明",
        "夜校有没有开英语",
        "夜校有没有开瑜伽",
        "卫生站有没有开通医保",
        "活动室有没有开灯",
    ],
)
def test_a_thing_switched_on_or_offered_is_no_opening_hours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).kind is not Kind.HOURS


@pytest.mark.parametrize(
    "text",
    ["食堂有没有开", "图书室下晝有冇開", "健身房今天有没有开？", "卫生站有没有开门"],
)
def test_the_place_itself_open_still_asks_the_hours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_3).kind is Kind.HOURS


@pytest.mark.parametrize(
    "text",
    [
        "how do I do my night school registration",
        "where do i finish my night school enrolment",
        "i need help with my night school sign up, where do i go",
    ],
)
def test_my_night_school_sign_up_to_be_done_is_the_sign_up(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_signup")


@pytest.mark.parametrize(
    "text", ["check my night school sign-ups", "check my night school registration"]
)
def test_my_night_school_sign_ups_checked_are_my_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).feature == "myclasses"


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("麻烦转告一下，卫生站周日开吗", "health_station", date(2026, 12, 6)),
        ("请帮忙转达一下 健身房明天几点开", "gym", date(2026, 12, 4)),
    ],
)
def test_a_question_beside_a_message_passed_on_is_answered(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), (day,))


@pytest.mark.parametrize(
    "text", ["麻烦转告我妈明天早点回家", "请帮忙转告一下我老公 晚饭不回来吃了"]
)
def test_a_message_to_ones_own_family_is_not_feedback(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_3).feature != "feedback"


@pytest.mark.parametrize(
    ("text", "faq"),
    [("我想register健身卡", "gym_card"), ("我要register健身卡", "gym_card")],
)
def test_another_thing_registered_inside_chinese_is_not_a_class(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


@pytest.mark.parametrize("text", ["wifi怎么register", "上网怎么register一下"])
def test_the_wifi_registered_is_not_the_night_school_sign_up(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).faq_id != "night_school_signup"


@pytest.mark.parametrize("text", ["社区卫生服务中心几点开", "社区的卫生服务中心几点开门"])
def test_the_community_health_centre_by_its_kind_is_our_station(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("health_station",))


@pytest.mark.parametrize(
    "text", ["我连假都请不到，健身房晚上开到几点", "他连假也没有 健身房晚上开到几点"]
)
def test_even_leave_is_no_break(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("gym",))


@pytest.mark.parametrize(
    "text",
    [
        "手术三日后能去健身房吗",
        "出院三日后可以去卫生站复诊吗",
        "拔牙三日后卫生站能拆线吗",
        "手术三天后能去健身房吗",
        "出院五天以后可以去卫生站复查吗",
    ],
)
def test_days_counted_from_an_event_of_ones_own_are_no_day_from_today(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, JUL_20)
    assert verdict.kind is not Kind.HOURS or not verdict.days


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("平时卫生服务中心几点开门", None),
        ("现在卫生服务中心开着吗", DEC_3),
        ("妈妈说卫生服务中心周六不开，是吗", date(2026, 12, 5)),
        ("听说卫生服务中心礼拜天也开", date(2026, 12, 6)),
        ("冬至卫生服务中心开门吗", date(2026, 12, 22)),
    ],
)
def test_a_time_or_a_telling_before_the_health_centre_is_no_area(
    matcher: QuestionMatcher, text: str, day: date | None
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("health_station",))
    assert verdict.days == ((day,) if day else ())


@pytest.mark.parametrize(
    "text",
    [
        "my umbrella was left in the canteen, who has it",
        "my glasses were left in the gym yesterday, who picked them up",
        "my phone was left in the canteen, who has it",
    ],
)
def test_a_thing_said_left_at_ours_then_who_has_it_is_the_lost_and_found(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).faq_id == "lost_found"


def test_a_place_left_in_a_mess_is_no_lost_thing(matcher: QuestionMatcher) -> None:
    assert matcher.understand("the canteen was left in a mess, who cleans it", DEC_3).faq_id != (
        "lost_found"
    )


def test_a_weekday_before_days_counted_in_ri_is_no_count_from_today(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("周三日后健身房开吗", date(2026, 12, 30))
    assert date(2027, 1, 2) not in verdict.days


@pytest.mark.parametrize(
    "text", ["请转告王老师，明天书法课我请假", "麻烦转告食堂，下礼拜六我们要订十桌"]
)
def test_an_absence_or_an_order_passed_on_is_no_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).feature != "feedback"
