"""Round twenty-seven (session eighteen), tuner g: dev101's and dev102's failures by class.

- Weekdays listed before (English) or after (Chinese) "after / before a festival" are each
  counted from it ("the monday and tuesday after dragon boat"), not the first of them read as
  the coming one (a confident answer for another day).
- A day said by the writer's own clock abroad ("tomorrow my time"): from the Americas in
  their evening it is today here; no hour of theirs told, it is asked; from places ahead of
  or near Shanghai it is read as said.

Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MAY_28 = date(2026, 5, 28)  # a Thursday; 端午 Fri 06-19, break 06-19..06-21
NOVEMBER_5 = date(2026, 11, 5)  # a Thursday, no break at hand


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("is the gym open monday and tuesday after the dragon boat festival",
         (date(2026, 6, 22), date(2026, 6, 23))),
        ("canteen open monday, tuesday and wednesday after dragon boat?",
         (date(2026, 6, 22), date(2026, 6, 23), date(2026, 6, 24))),
        ("端午后的礼拜一礼拜二食堂开吗", (date(2026, 6, 22), date(2026, 6, 23))),
        ("国庆前的礼拜五和礼拜六健身房开吗", (date(2026, 9, 25), date(2026, 9, 26))),
    ],
)  # fmt: skip
def test_weekdays_listed_after_a_festival_are_each_counted_from_it(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, MAY_28)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("is the gym open monday and tuesday next week", (date(2026, 6, 1), date(2026, 6, 2))),
        ("is the canteen open the monday after dragon boat", (date(2026, 6, 22),)),
    ],
)  # fmt: skip
def test_weekdays_not_listed_with_a_festival_stay(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    assert matcher.understand(text, MAY_28).days == days


def test_a_weekday_listed_inside_the_break_is_asked(matcher: QuestionMatcher) -> None:
    # Saturday after 端午 (a Friday) falls inside its break: this week's or the next?
    verdict = matcher.understand("gym open on the friday and saturday after dragon boat?", MAY_28)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("we're in New York, it's 9pm here - is the gym open tomorrow our time?", NOVEMBER_5),
        ("Evening in Vancouver now. Is the canteen open tomorrow my time?", NOVEMBER_5),
        ("from Sydney: is the canteen open tomorrow my time", date(2026, 11, 6)),
        ("I'm in Toronto, is the gym open tomorrow?", date(2026, 11, 6)),
    ],
)
def test_tomorrow_by_the_writers_clock(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "Writing from Vancouver: is the canteen open tomorrow my time?",
        "I live in the US. can my dad use the gym tomorrow, my local time?",
    ],
)
def test_tomorrow_from_the_americas_with_no_hour_told_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "墙皮掉了找谁修",  # who mends the home: not our lost property (掉了)
        "水管漏了寻啥人修",
        "冬至夜饭吃点啥好",  # the family's meal of the day: its custom, not our menu
        "中秋团圆饭吃啥好",
    ],
)
def test_the_homes_repairs_and_a_festivals_family_meal_are_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("钥匙掉在食堂了", "lost_found"),
        ("冬至那天食堂有什么菜", "canteen_menu"),
    ],
)
def test_our_lost_property_and_our_menu_stay(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        # a weekday of the festival's week after its day (端午 Fri 06-19, 中秋 Fri 09-25)
        ("端午那个礼拜天卫生站开吗", MAY_28, date(2026, 6, 21)),
        ("中秋那个礼拜六食堂开吗", date(2026, 9, 20), date(2026, 9, 26)),
        # the weekday bare after 过完 / 过了 a festival: the first one after it
        ("过了端午，礼拜二食堂开吗", MAY_28, date(2026, 6, 23)),
        ("过完中秋 礼拜一食堂开吗", date(2026, 9, 20), date(2026, 9, 28)),
        # 端阳 is 端午
        ("端阳节食堂开吗", MAY_28, date(2026, 6, 19)),
        # the day after (before) said with 后面 / 前面
        ("冬至后面那天食堂开吗", NOVEMBER_5, date(2026, 12, 23)),
        ("冬至前面那天食堂开吗", NOVEMBER_5, date(2026, 12, 21)),
        # the exam's days by number (7 and 8 June)
        ("高考第一天食堂开吗", MAY_28, date(2026, 6, 7)),
        ("is the gym open on day two of the gaokao", MAY_28, date(2026, 6, 8)),
    ],
)
def test_days_named_from_a_festival_or_the_exam(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "today"),
    [
        ("国庆那个礼拜三健身房开吗", date(2026, 9, 20)),  # the week before, or in the break?
        ("过了国庆 礼拜六健身房开吗", date(2026, 9, 20)),  # the first Saturday is in the break
        ("高考那天健身房开吗", MAY_28),  # which of its days?
    ],
)
def test_unsure_festival_days_stay_asked(matcher: QuestionMatcher, text: str, today: date) -> None:
    assert matcher.understand(text, today).kind is Kind.CLARIFY_DAY


def test_the_exam_alone_is_still_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("今年高考几号", MAY_28).kind is Kind.NONE


def test_which_of_your_places_are_open_is_the_overview(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("which of the venues are open on saturday?", MAY_28)
    assert verdict.kind is Kind.OVERVIEW
    assert verdict.days == (date(2026, 5, 30),)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        # the usual asked with 都 / right after the place: its hours
        ("下周一到周三健身房都正常吗", (date(2026, 6, 1), date(2026, 6, 2), date(2026, 6, 3))),
        ("明天卫生站正常伐", (date(2026, 5, 29),)),
        # a weekday of one's routine is told, the other day asked
        ("我每个礼拜二去书画室 明天开吗", (date(2026, 5, 29),)),
        ("my dad goes to the gym every tuesday, is it open tomorrow?", (date(2026, 5, 29),)),
        # the window's hours in broken English
        ("hi my mother want know if window open monday", (date(2026, 6, 1),)),
    ],
)
def test_hours_asked_in_other_words(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, MAY_28)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("食堂每周一和周三开吗", (date(2026, 6, 1), date(2026, 6, 3))),  # both asked
        ("每个礼拜二书画室开吗", (date(2026, 6, 2),)),  # the only day named
    ],
)
def test_weekdays_asked_with_every_stay(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    assert matcher.understand(text, MAY_28).days == days


def test_a_things_state_is_not_the_usual_hours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("血压140正常吗", MAY_28).kind is Kind.NONE


@pytest.mark.parametrize(
    "text", ["is it friday today?", "today is thursday right?", "今天是不是礼拜五", "今天礼拜四伐"]
)
def test_one_guess_at_today_is_todays_day_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MAY_28).kind is Kind.TODAY


def test_a_guess_then_a_place_asked_keeps_the_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is it thursday today, gym open?", MAY_28)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (MAY_28,)


@pytest.mark.parametrize(
    "text",
    [
        "国庆放了几天来着",  # a break gone by, its length asked: the year's arrangement
        "十月份有没有周末要上班",
        "do we have to work any weekends in october?",
    ],
)
def test_the_years_arrangement_asked_in_other_words(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NOVEMBER_5).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text",
    [
        "有没有关于养老金的讲座",  # a talk of a kind, 有没有…的讲座
        "有没有教小朋友画画的展览",
        "最近有没有书画展",  # an exhibition by its kind
        "how do I register for the concert on saturday",
        "can I sign up for the gallery opening?",
    ],
)
def test_talks_and_shows_of_a_kind_are_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("有没有教书法的", "书法"),  # a class that teaches stays the course
        ("is there an advanced yoga course?", "yoga"),  # its level is no subject
        ("any intermediate guitar classes?", "guitar"),
        ("有二胡班伐", "二胡"),  # a subject that begins with a numeral
    ],
)
def test_courses_asked_with_a_level_or_a_numeral(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


@pytest.mark.parametrize("text", ["我的申请有没有进展", "有两个班吗"])
def test_progress_and_a_count_are_no_event_or_course(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, NOVEMBER_5).feature not in ("events", "course")


@pytest.mark.parametrize(
    "text", ["食堂收现金吗", "can i pay cash at the canteen", "食堂可以用支付宝吗"]
)
def test_how_a_meal_is_paid_is_the_canteens_prices(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, NOVEMBER_5)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "canteen_prices"


@pytest.mark.parametrize(
    "text",
    [
        "体检报告没收到 能再发一份吗",  # a thing of one's own not come
        "我在窗口登记了 到现在还没人联系我",
        "I never received the digital photos, can you send them again?",
        "能不能通融一下 让我孙子也进健身房",  # an exception asked
        "could you make an exception for my dad's gym card?",
        "我邻居能不能用我的健身卡",  # one's own card used by another
        "can my husband use my gym card",
        "自己的音箱能带进活动室吗",  # a device of one's own brought into a room
        "can we bring our own sound system into the event space",
    ],
)
def test_a_persons_to_settle_is_offered_a_person(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAY_28)
    assert verdict.kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("健身卡怎么办", "gym_card"),
        ("我的照片什么时候能拿", "photo_services"),
    ],
)
def test_the_entries_themselves_stay(matcher: QuestionMatcher, text: str, faq: str) -> None:
    assert matcher.understand(text, MAY_28).faq_id == faq


@pytest.mark.parametrize(
    "text",
    [
        "found somebody's keys at the gym, who should i hand them to?",  # whom it goes to
        "i picked up someone's umbrella in the canteen, who do i give it to",
    ],
)
def test_a_thing_found_and_whom_to_give_it_is_lost_property(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MAY_28).faq_id == "lost_found"


def test_who_someone_is_stays_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("who is the gym teacher", MAY_28).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "窗口排队太长了 能不能多开一个窗口",  # a fault, then more of a thing wished
        "健身房人太多了 可不可以多放几台跑步机",
        "食堂菜太咸了 能不能少放点盐",
    ],
)
def test_a_fault_then_more_or_less_wished_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MAY_28)
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text", ["长风湾驿站在长风公园边上吗", "is the changfeng bay centre next to the park?"]
)
def test_a_site_checked_against_a_landmark_is_its_address(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, NOVEMBER_5).faq_id == "address_changfeng"
