"""Round twenty-seven (session eighteen), dev104's classes: terse writers who type as little
as possible.

- A birthday or an anniversary typed short ("my bday", "b-day", "anniv"): a day of the
  resident's own that we cannot know, asked, never today's hours.
- Another office's rate in bare keywords ("医保 报销 几成"): theirs, not the window's.
- A venue typed as its emoji ("🏋️ 周日?"): that venue; a price asked by its sign alone
  ("evening class $?"): the price.
- An errand asked whether it can be done on a day named ("社保卡 明天能办?"): that day's hours
  of the entry's venue; an unsure day is asked.
- A place typed by its pinyin initials ("jsf", "zxg"), a day by its own beside it ("jt").
- One's own case typed short ("my senior card ready?", "老年卡 好了吗"): a person's to tell.
- A fault typed short at the message's end ("gym aircon broken", "食堂 太咸"): feedback.
- Today's day asked in a word ("星期几?", "date?"): today; 开 alone after a day ("9/26 开?",
  "周日 哪开"): what is open.
- "tel" and "addr": the phone and the address; "报 太极", the whole message: that class.
- 活动 a word of its own at the end ("七夕 活动?", "暑假 小孩 活动"): the events; "我报了啥", the
  whole message: my classes. A year's holidays typed short ("2026 holidays?"): that year's
  arrangement, not one's own trip.

Dates injected, never the real one.
"""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

JULY_3 = date(2026, 7, 3)  # a Friday; tomorrow Sat 07-04, Sunday 07-05


@pytest.mark.parametrize(
    "text",
    ["gym open on my bday?", "photo studio on my b-day", "anniv, canteen open?"],
)
def test_a_birthday_typed_short_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is Kind.CLARIFY_DAY


def test_a_birthday_beside_its_own_day_keeps_that_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("my bday is sat, canteen open?", JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (date(2026, 7, 4),)


@pytest.mark.parametrize("text", ["住院 报销 几成", "医保报几成", "社保 报销 比例"])
def test_another_office_rate_in_keywords_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is Kind.NONE


def test_where_to_claim_stays_the_window(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("医保 报销 在哪办", JULY_3)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "window_services"


@pytest.mark.parametrize(
    ("text", "venue", "day", "lang"),
    [
        ("🏋️ 礼拜六开吗", "gym", date(2026, 7, 4), "zh"),
        ("📸 周一?", "photo_studio", date(2026, 7, 6), "zh"),
        ("🍱 tmrw?", "canteen", date(2026, 7, 4), "en"),
        ("⚖️ sat?", "legal_aid", date(2026, 7, 4), "en"),
        ("🎹 周日", "shared_studio", date(2026, 7, 5), "zh"),
    ],
)
def test_a_venue_typed_as_its_emoji_is_that_venue(
    matcher: QuestionMatcher, text: str, venue: str, day: date, lang: str
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)
    assert verdict.lang == lang


@pytest.mark.parametrize("text", ["💪 周日?", "🏥 sat?"])
def test_an_emoji_of_a_mood_or_a_hospital_names_no_venue(
    matcher: QuestionMatcher, text: str
) -> None:
    assert not matcher.understand(text, JULY_3).venue_ids


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("night school ¥?", "night_school_fees"),
        ("夜校 $$", "night_school_fees"),
        ("证件照 💰?", "photo_services"),
    ],
)
def test_a_price_asked_by_its_sign_is_the_price(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("老年卡 周一能办吗", date(2026, 7, 6)),
        ("居住证 明天可以办吗", date(2026, 7, 4)),
        ("can i get a senior card on monday?", date(2026, 7, 6)),
    ],
)
def test_an_errand_done_on_a_day_named_is_the_window_that_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("service_window",)
    assert verdict.days == (day,)


def test_an_errand_on_an_unsure_day_is_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("老年卡 过几天能办吗", JULY_3)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize("text", ["老年卡能办吗", "社保卡 明天能办好吗", "老年卡能办吗 我下礼拜来"])
def test_an_errand_without_a_day_or_its_readiness_stays_the_entry(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "window_services"


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("wsz mt kai ma", "health_station", date(2026, 7, 4)),
        ("yls zhouliu kai bu kai", "activity_rooms", date(2026, 7, 4)),
        ("jt zzst ji dian kai", "canteen", date(2026, 7, 3)),
    ],
)
def test_a_place_by_its_pinyin_initials_is_that_place(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)
    assert verdict.lang == "zh"


@pytest.mark.parametrize("text", ["jt", "mt kai ma", "pls", "st mt", "lol"])
def test_initials_without_a_place_stay_unread(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert not verdict.venue_ids
    assert verdict.kind is not Kind.HOURS


@pytest.mark.parametrize(
    "text", ["my residence permit ready?", "permit done yet?", "居住证 好了吗", "老年卡 办好没"]
)
def test_ones_own_case_typed_short_goes_to_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("reading room aircon not working", "activity_rooms"),
        ("gym showers broken!!", "gym"),
        ("照相馆 太慢", "photo_studio"),
        ("食堂 太油 😡", "canteen"),
    ],
)
def test_a_fault_typed_short_is_feedback(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize("text", ["食堂 太咸?", "is the gym shower broken?", "天太热"])
def test_a_fault_asked_or_of_no_place_is_no_feedback(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).feature != "feedback"


@pytest.mark.parametrize("text", ["礼拜几?", "周几啊", "the date?", "date today?"])
def test_todays_day_asked_in_a_word_is_today(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is Kind.TODAY


@pytest.mark.parametrize("text", ["gym date?", "夜校 星期几?", "date of the yoga class?"])
def test_a_day_asked_of_something_is_not_today(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).kind is not Kind.TODAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("礼拜六 开?", date(2026, 7, 4)),
        ("10号 哪开", date(2026, 7, 10)),
        ("7/6 哪开门", date(2026, 7, 6)),
    ],
)
def test_open_alone_after_a_day_is_the_overview(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (day,)


def test_open_alone_after_a_place_is_its_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("卫生站 周一 开?", JULY_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("health_station",)
    assert verdict.days == (date(2026, 7, 6),)


@pytest.mark.parametrize("text", ["过几天 开?", "从哪开始学"])
def test_open_alone_with_an_unsure_day_or_a_start_is_no_overview(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, JULY_3).kind is not Kind.OVERVIEW


@pytest.mark.parametrize(
    ("text", "faq_id"), [("tel no.?", "phones"), ("1690 centre addr?", "address_1690")]
)
def test_a_contact_asked_in_a_short_word(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


def test_tel_aviv_is_no_phone(matcher: QuestionMatcher) -> None:
    assert matcher.understand("flights to tel aviv?", JULY_3).faq_id != "phones"


@pytest.mark.parametrize(("text", "hint"), [("报 国画", "国画"), ("报 合唱?", "合唱")])
def test_bao_and_a_class_alone_is_signing_up(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


@pytest.mark.parametrize(
    "text", ["报 医保", "报 工伤", "我报 国画了", "夜校怎么收费 我想报 他刚毕业"]
)
def test_bao_before_another_office_or_a_story_is_no_class(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, JULY_3).feature != "course"


@pytest.mark.parametrize("text", ["国庆 活动?", "老人 活动", "这周末 有啥 活动?"])
def test_an_event_word_alone_at_the_end_is_the_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize("text", ["优惠 活动?", "小区 活动?", "学校 活动", "周六 活动室"])
def test_a_sale_another_owner_or_the_room_is_no_event(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JULY_3).feature != "events"


@pytest.mark.parametrize("text", ["我报过什么?", "我都报了哪些"])
def test_what_i_signed_up_for_typed_short_is_my_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "myclasses"


def test_what_someone_else_signed_up_for_is_not_mine(matcher: QuestionMatcher) -> None:
    assert matcher.understand("他报了啥", JULY_3).feature != "myclasses"


@pytest.mark.parametrize(("text", "year"), [("holidays 2027?", 2027), ("2026 假期?", 2026)])
def test_a_years_holidays_typed_short(matcher: QuestionMatcher, text: str, year: int) -> None:
    verdict = matcher.understand(text, JULY_3)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == year


def test_ones_own_holidays_are_not_the_arrangement(matcher: QuestionMatcher) -> None:
    assert matcher.understand("our 2027 holidays in japan", JULY_3).kind is not Kind.HOLIDAYS
