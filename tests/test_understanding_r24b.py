"""Round twenty-four, session fourteen (dev82's failures by class): the resident's own free day
not named is asked; a break's last day said with the festival's name alone, the first day back
said as 上班第一天, a weekend day said with 调休 or told as worked are the calendar's days; a
thing left told with its count is lost property; a place called by who or what is in it is the
place's card; doings asked with no event word are /events; a complaint with an intensifier is
feedback; a class wished for with 练 is a course. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 9, 23)  # before 中秋 (09-25..27) and 国庆 (10-01..07), make-up Sat 10-10
TUESDAY = date(2026, 4, 28)  # before 五一 (05-01..05), make-up Sat 05-09


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "哪天有空带我妈去量血压 卫生站开伐",
        "啥时候有时间带孙子去拍证件照 照相馆开吗",
        "等我有空去健身房 开吗",
        "whenever i'm free i'll take my dad to the health station, is it open",
        "when i get some time i want to go to the gym, open?",
    ],
)
def test_the_residents_own_free_day_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("哪天有空带我妈去卫生站 明天开伐", date(2026, 9, 24)),
        ("when i'm free tonight is the gym open", WEDNESDAY),
    ],
)
def test_a_free_day_named_is_that_day(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_a_room_free_is_no_visit(matcher: QuestionMatcher) -> None:
    assert matcher.understand("活动室哪天有空", WEDNESDAY).kind is not Kind.HOURS


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("国庆最后一天 活动室开吗", WEDNESDAY, date(2026, 10, 7)),
        ("中秋最后一天 健身房开吗", WEDNESDAY, date(2026, 9, 27)),
        ("last day of golden week gym open?", WEDNESDAY, date(2026, 10, 7)),
        ("五一最后一天 健身房开吗", TUESDAY, date(2026, 5, 5)),
        ("国庆后上班第一天 卫生站开吗", WEDNESDAY, date(2026, 10, 8)),
        ("劳动节后上班的第一天 卫生站开伐", TUESDAY, date(2026, 5, 6)),
        ("五一节后复工第一天 照相馆开门吗", TUESDAY, date(2026, 5, 6)),
        ("这个月最后一天 健身房开吗", WEDNESDAY, date(2026, 9, 30)),
    ],
)
def test_a_breaks_last_day_and_the_first_day_back(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize(
    ("text", "today", "day"),
    [
        ("调休那个礼拜六 食堂开不开", WEDNESDAY, date(2026, 10, 10)),
        ("调休的周六 健身房几点开", TUESDAY, date(2026, 5, 9)),
        (
            "the saturday we work after golden week, is the canteen open?",
            WEDNESDAY,
            date(2026, 10, 10),
        ),
        ("the saturday we have to work after may day, is the gym open?", TUESDAY, date(2026, 5, 9)),
        ("is the canteen open on the saturday everyone works?", TUESDAY, date(2026, 5, 9)),
    ],
)
def test_the_make_up_weekend_day(
    matcher: QuestionMatcher, text: str, today: date, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_no_make_up_sunday_near_is_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("the sunday we work, is the gym open?", TUESDAY)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    ["昨天在食堂落了把伞", "健身房忘了一副眼镜", "前两天在活动室拉了只包", "我在卫生站丢了个钱包"],
)
def test_a_thing_left_counted_is_lost_property(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "lost_found")


def test_rain_fallen_is_no_thing_left(matcher: QuestionMatcher) -> None:
    assert matcher.understand("下午落了场雨 食堂开吗", WEDNESDAY).kind is Kind.HOURS


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("the place with the lawyers", "legal_aid"),
        ("the place with the doctors", "health_station"),
        ("律师那个地方", "legal_aid"),
        ("看书下棋的地方", "activity_rooms"),
        ("打牌下棋的房间 在几楼", "activity_rooms"),
    ],
)
def test_a_place_called_by_what_is_in_it(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,))


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("any mid-autumn stuff going on? lanterns, mooncake making?", "events"),
        ("anything for kids during golden week", "events"),
        ("anything for seniors this weekend?", "events"),
        ("the guy at the gym front desk was super rude to my dad today", "feedback"),
        ("the nurse was extremely kind to my mum", "feedback"),
    ],
)
def test_doings_asked_and_a_judgement_told(
    matcher: QuestionMatcher, text: str, feature: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, feature)


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("想练瑜伽 你们那边有班吗", "瑜伽"),
        ("想练太极 有没有班", "太极"),
        ("练瑜伽 有班吗", "瑜伽"),
        ("想学书法 中心有课吗", "书法"),
    ],
)
def test_a_class_wished_for(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


def test_a_day_with_a_class_is_no_course(matcher: QuestionMatcher) -> None:
    assert matcher.understand("明天有课吗", WEDNESDAY).kind is not Kind.FEATURE
