"""Round twenty-nine (tuner a, spent29: residents and families around 重阳 and the autumn
term, reference 2026-10-14). Classes fixed:
an event of one's own told in Shanghainese as the time ("阿拉囡囡回来个辰光，照相馆开伐": 个辰光 =
的时候) was today's hours: now the day is asked (not 约个辰光, 啥辰光, 有辰光); a school's
calendar as the time in English ("the day the autumn term ends", "when school starts", "once the
semester is over") was today's: now asked (not "when night school starts", "the day after
tomorrow"); the exit-entry's or the district government's hall ("普陀区出入境办证大厅几点上班")
was our service window: not ours; where in town to eat a cuisine ("南京西路哪里有好吃个本帮菜")
was our menu: not ours; a festival said as coming in a clause of its own ("兹因重阳将至，拟于九月
初九前一日…", "中秋快到了") beside another day was a second day (asked): now the story's; a
clause asking in the written style (几时, 何时, 是否) now asks; a solar term by its English name
glossed in brackets or after "on the" at the end ("the Start of Winter (Lidong)", "open on the
start of winter?") or by its pinyin after "on" ("open on Lidong?", which was today's) is its
day; English "last <weekday>" said to be a make-up working day is the one gone by that was
("last Saturday? It was one of those make-up workdays"), and "make-up workdays" is a make-up
word; 调休 told of a day that was a make-up day ("上礼拜六调休，你们中心是照常上班的伐") is that
day's (the overview), not the year's arrangement; a school's required volunteer hours told, then
how to sign up asked without "you" is the volunteer entry; two kinds of event offered as a choice
("有登高或者赏菊花的活动伐") are events; a service's name with its desk's word ("法律援助点在哪个
房间") is the place. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

OCT_14 = date(2026, 10, 14)  # Wednesday, 九月初五; 10-10 (Saturday) was a make-up working day
SEP_24 = date(2026, 9, 24)  # Thursday; 09-20 (Sunday) was a make-up working day


@pytest.mark.parametrize(
    "text",
    [
        "阿拉囡囡回来个辰光，照相馆开伐",
        "儿子放假回来个辰光健身房开伐",
        "伊拉来看我个辰光，食堂开伐",
        "那个辰光照相馆开伐",
        "Is the gym open the day the autumn term ends?",
        "is the gym open on the day the term ends",
        "when the term ends, is the gym open?",
        "is the gym open when school starts",
        "is the canteen open the day classes start",
        "is the gym open once the semester is over",
    ],
)
def test_an_event_of_one_s_own_as_the_time_is_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("照相馆啥辰光开", (OCT_14,)),
        ("照相馆啥个辰光开门", (OCT_14,)),
        ("明朝下半日照相馆开伐", (date(2026, 10, 15),)),
        ("礼拜六囡囡回来个辰光照相馆开伐", (date(2026, 10, 17),)),
        ("is the gym open the day after tomorrow", (date(2026, 10, 16),)),
        ("is the gym open during school hours", (OCT_14,)),
    ],
)  # fmt: skip
def test_near_misses_of_an_event_as_the_time_keep_their_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (OCT_14,)) == days


def test_a_time_to_be_set_is_not_an_event(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("我想当面跟你们负责的人反映个事体 能不能约个辰光", OCT_14)
    assert verdict.kind is not Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "普陀区出入境办证大厅几点上班，要办护照",
        "出入境办证大厅几点上班",
        "区政府办事大厅几点开门",
        "区政务服务中心的窗口几点下班",
        "is the immigration office service counter open today",
        "侬晓得伐，南京西路哪里有好吃个本帮菜",
        "哪里有本帮菜",
        "哪里吃得到正宗的川菜",
        "徐家汇哪家有好吃的杭帮菜",
        "where can I get good shanghainese food on nanjing west road",
    ],
)
def test_another_office_s_hall_and_a_restaurant_s_food_are_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.NONE


@pytest.mark.parametrize("text", ["办证大厅几点上班", "去出入境办好护照回来窗口还开吗"])
def test_our_window_stays(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("service_window",)


@pytest.mark.parametrize(
    "text",
    [
        "食堂的本帮菜好吃吗",
        "你们食堂有好吃的本帮菜吗",
        "在哪里看菜单",
        "哪里有菜单",
        "where can I find the canteen menu",
    ],
)
def test_our_menu_stays(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "canteen_menu"


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        (
            "您好！本人系中远两湾城居民，退休教师，今年七十有三。兹因重阳将至，拟于九月初九前一日偕老伴"
            "至贵中心阅览室读书半日，不知是日阅览室几时开放、几时闭馆？烦请告知，不胜感激。",
            "activity_rooms",
            date(2026, 10, 17),
        ),
        ("重阳将至，九月初九前一日阅览室几时开放？", "activity_rooms", date(2026, 10, 17)),
        ("重阳快到了，九月初九前一日阅览室几时开放？", "activity_rooms", date(2026, 10, 17)),
        ("冬至将至，拟于冬至前一日去食堂吃饭，不知是日食堂何时开门", "canteen", date(2026, 12, 21)),
        ("冬至将至，冬至前一日食堂是否开放？", "canteen", date(2026, 12, 21)),
        (
            "Double Ninth is coming up, we plan to visit the reading room on Saturday, what time "
            "does it open that day?",
            "activity_rooms",
            date(2026, 10, 17),
        ),
        # near misses: the festival alone, or the festival asked after it was said to be coming
        ("重阳将至，阅览室重阳节开吗", "activity_rooms", date(2026, 10, 18)),
        ("重阳将至，礼拜天或者重阳那天阅览室开吗", "activity_rooms", date(2026, 10, 18)),
    ],
)  # fmt: skip
def test_a_festival_said_as_coming_is_the_occasion(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Does the health station open on the Start of Winter (Lidong)?", date(2026, 11, 7)),
        ("Does the health station open on Lidong?", date(2026, 11, 7)),
        ("is the gym open on the start of winter?", date(2026, 11, 7)),
        ("is the canteen open on the start of winter (立冬)", date(2026, 11, 7)),
        ("is the gym open on xiaoxue?", date(2026, 11, 22)),
        ("is the gym open on the beginning of spring?", date(2027, 2, 4)),
    ],
)
def test_a_solar_term_glossed_or_after_on_is_its_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


def test_the_start_of_a_season_not_named_as_a_day_stays_asked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the gym warm at the start of winter?", OCT_14)
    assert verdict.kind is Kind.CLARIFY_DAY


def test_a_name_like_a_term_s_pinyin_is_no_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("I met Li Dong at the gym, is it open today?", OCT_14)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days or (OCT_14,)) == (OCT_14,)


@pytest.mark.parametrize(
    ("text", "today", "day", "venue"),
    [
        (
            "Was the canteen open last Saturday? It was one of those make-up workdays, right?",
            OCT_14, date(2026, 10, 10), "canteen",
        ),
        (
            "was the gym open last saturday, the make-up working day?",
            OCT_14, date(2026, 10, 10), "gym",
        ),
        (
            "last saturday was a make-up day, was the service window open?",
            OCT_14, date(2026, 10, 10), "service_window",
        ),
        (
            "was the gym open last sunday? it was a make-up workday",
            SEP_24, date(2026, 9, 20), "gym",
        ),
    ],
)  # fmt: skip
def test_last_weekday_said_to_be_a_make_up_day_is_the_one_that_was(
    matcher: QuestionMatcher, text: str, today: date, day: date, venue: str
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "was the gym open last saturday",  # (round seven's reading: asked)
        "was the gym open last sunday? it was a make-up day",  # 10-11 was a day off
        "was the gym open last friday? it was a make-up day",
    ],
)
def test_last_weekday_not_a_make_up_day_stays_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "上礼拜六调休，你们中心是照常上班的伐？",
        "上礼拜六调休，你们是正常上班的吗",
        "上礼拜六补班，你们中心上班吗",
    ],
)
def test_the_centre_asked_on_a_make_up_day_told_is_that_day_s_overview(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.OVERVIEW
    assert tuple(verdict.days) == (date(2026, 10, 10),)


@pytest.mark.parametrize("text", ["下礼拜六调休吗", "今年国庆怎么调休"])
def test_the_arrangement_asked_stays(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text",
    [
        "我是高二学生，学校要求志愿时长，怎么报名做志愿者？",
        "学校让我做志愿者，怎么报名",
        "学校要求做志愿者，去哪报名",
        "学校要求志愿服务，如何当志愿者",
        "my school requires volunteer hours, how do I sign up?",
    ],
)
def test_a_school_s_required_volunteering_then_how_to_join_is_the_volunteer_entry(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "volunteer"


@pytest.mark.parametrize("text", ["学校几点放学", "学校在哪", "学校附近哪里能做志愿者"])
def test_a_school_s_own_matters_stay_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, OCT_14).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    ["有登高或者赏菊花的活动伐", "有没有包饺子和做汤圆的活动", "重阳有登高还是赏菊花的活动吗"],
)
def test_two_kinds_of_event_as_a_choice_are_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("健身房有优惠或者打折活动吗", Kind.FAQ), ("公园有登高或者赏菊花的活动吗", Kind.NONE)],
)
def test_a_sale_or_another_owner_s_events_stay(
    matcher: QuestionMatcher, text: str, kind: Kind
) -> None:
    assert matcher.understand(text, OCT_14).kind is kind


@pytest.mark.parametrize(
    "text",
    [
        "法律援助点在哪个房间",
        "法律援助点在哪里",
        "法律咨询点在哪个房间",
        "法律咨询处在几楼",
        "法律服务点在哪",
    ],
)
def test_a_service_s_desk_word_is_the_place(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == ("legal_aid",)


@pytest.mark.parametrize(
    ("text", "days"),
    [("法律援助点几点开", (OCT_14,)), ("法律援助点明天开吗", (date(2026, 10, 15),))],
)
def test_a_desk_s_hours_keep_their_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("legal_aid",)
    assert tuple(verdict.days or (OCT_14,)) == days
