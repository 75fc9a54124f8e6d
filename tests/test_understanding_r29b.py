"""Round twenty-nine (session twenty, tuner b; spent23, the summer holidays: grandparents minding
grandchildren, summer classes, the heat, office workers, foreign residents). Classes fixed:
a weekday or a weekend "after/before" a clause of the resident's own coming and going ("the
weekend after I get back from Japan", "the monday before she flies out") was this week's, an
answer for another day: now asked ("after I get back from work" stays a time of that day);
days joined with the preposition said again ("on the 31st and on August 1st") were asked as
two days not joined: now both; 问一下 before 下个礼拜二 ("我问一下下个礼拜二…") had its 下 read
into 下下个 and was asked: now next week's (问下 + 下星期五 stays asked); a festival's own month
said beside it ("Golden Week in October", "十月国庆期间", "八月中秋" in the lunar calendar) was
asked as a month no rule took: now the festival (a month it does not fall in, "golden week in
may", is asked, where October's break was answered); the toilets out of paper or soap, or
blocked, told ("一楼厕所没纸了", "the toilet on the 2nd floor has no paper") got nothing: now
feedback (not a toilet at home); "foto" for photo ("pasport foto") is read as photo; "after
that" pointing back to an hour told ("I finish work around 9:30 pm. Is the gym still open after
that this Friday?") was asked: now the day named ("the day after that" stays asked); a class
wished for in everyday words, then asked by its own name ("想给他报个画画班，有没有适合小学生的
美术课") gets the name asked, not the everyday word renamed (绘画). Dates injected, never the
real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

JUL_22 = date(2026, 7, 22)  # Wednesday, the summer holidays
OCT_14 = date(2026, 10, 14)  # Wednesday


@pytest.mark.parametrize(
    "text",
    [
        "Is the event space open the weekend after I get back from Japan?",
        "is the gym open the saturday after I get back",
        "is the gym open the weekend after I arrive",
        "is the canteen open the monday before she flies out",
        "is the activity room open the weekend after we move",
        "is the gym open the sunday after he comes back",
        "is the canteen open the weekend after we return from Beijing",
    ],
)
def test_a_day_after_one_s_own_coming_and_going_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, JUL_22).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        # near misses: a time of that day, not a day of the story
        ("is the gym open saturday after I get back from work", date(2026, 7, 25)),
        ("is the gym open on friday after I come back from the office", date(2026, 7, 24)),
        ("is the canteen open tomorrow after I get back", date(2026, 7, 23)),
    ],
)
def test_a_time_of_that_day_keeps_the_day(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "What are the canteen and health station hours on the 31st and on August 1st?",
            (date(2026, 7, 31), date(2026, 8, 1)),
        ),
        ("is the gym open on friday and on sunday?", (date(2026, 7, 24), date(2026, 7, 26))),
        ("gym hours for the 28th or for the 29th", (date(2026, 7, 28), date(2026, 7, 29))),
        ("is the gym open friday and on the 2nd", (date(2026, 7, 24), date(2026, 8, 2))),
        ("is the gym open on friday and sunday?", (date(2026, 7, 24), date(2026, 7, 26))),
    ],
)
def test_days_joined_with_the_preposition_again_are_both(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind in (Kind.HOURS, Kind.OVERVIEW)
    assert tuple(verdict.days) == days


def test_a_day_told_as_work_beside_the_day_asked_is_still_asked(
    matcher: QuestionMatcher,
) -> None:
    assert matcher.understand("canteen open on saturday? I work on sunday", JUL_22).kind is (
        Kind.CLARIFY_DAY
    )


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("喂你好我问一下下个礼拜二夜校是不是上课的", date(2026, 7, 28)),
        ("我想问一下下周五食堂开吗", date(2026, 7, 31)),
        ("麻烦查一下下个星期六健身房开不开", date(2026, 8, 1)),
        ("我想打听一下下礼拜三法律援助有人吗", date(2026, 7, 29)),
        # near misses: 下下个 said plainly
        ("下下个礼拜二夜校上课吗", date(2026, 8, 4)),
    ],
)
def test_yixia_before_next_week_s_day_is_next_week_s(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize("text", ["我问下星期五食堂开吗", "我问一下下下周五食堂开吗"])
def test_xia_that_may_be_the_verb_s_stays_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JUL_22).kind is Kind.CLARIFY_DAY


GOLDEN_WEEK = tuple(date(2026, 10, n) for n in range(1, 8))


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Will the canteen be open during Golden Week in October?", GOLDEN_WEEK),
        ("is the gym open over golden week in october", GOLDEN_WEEK),
        ("is the gym open during the national day holiday in october", GOLDEN_WEEK),
        ("十月国庆期间食堂开吗", GOLDEN_WEEK),
        ("10月份国庆长假食堂开吗", GOLDEN_WEEK),
        ("九月中秋食堂开伐", (date(2026, 9, 25),)),
        ("八月中秋食堂开伐", (date(2026, 9, 25),)),  # the lunar month
        (
            "is the canteen open during mid-autumn in september",
            (date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27)),
        ),
    ],
)
def test_a_festival_with_its_own_month_is_the_festival(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == days


@pytest.mark.parametrize(
    "text",
    ["is the canteen open during golden week in may", "七月中秋食堂开伐", "二月国庆食堂开吗"],
)
def test_a_festival_with_a_month_it_does_not_fall_in_is_asked(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, JUL_22).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "一楼厕所没纸了",
        "二楼厕所没有纸巾了",
        "卫生间没手纸了",
        "食堂洗手间没有洗手液了",
        "厕所又堵了",
        "the toilet on the 2nd floor has no paper",
        "the toilets have run out of toilet paper",
        "the ladies' room is out of soap",
        "the mens toilet is out of paper",
        "the men's room has no soap",
        "the disabled toilet is blocked",
    ],
)
def test_our_toilets_out_of_paper_or_blocked_are_feedback(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "家里厕所没纸了",
        "家里卫生间没水了",
        "the toilet at home has no paper",
        "my toilet has run out of paper",
        "小区厕所又堵了",
        "the women's toilet at home has no paper",
    ],
)
def test_toilets_elsewhere_are_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JUL_22).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq"),
    [("打印机没纸了", "printing"), ("can I book the men's room", "room_booking")],
)
def test_paper_or_a_room_elsewhere_keeps_its_entry(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    "text",
    [
        "how much is a pasport foto",
        "how much is a passport foto",
        "pasport fotos how much",
        "visa foto price?",
        "can I get ID fotos done at the centre",
    ],
)
def test_foto_is_photo(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "photo_services"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Hello, I'm an intern at one of the tech companies near Changfeng Park. I usually"
            " finish work around 9:30 pm. Is the gym still open after that this Friday? Thanks!",
            date(2026, 7, 24),
        ),
        ("I get off at 8pm, is the gym open after that on saturday?", date(2026, 7, 25)),
        ("my class ends at 7:30, is the canteen open after that tomorrow?", date(2026, 7, 23)),
    ],
)
def test_after_that_pointing_back_to_an_hour_keeps_the_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, JUL_22)
    assert verdict.kind is Kind.HOURS
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "I'm busy on Monday, is the gym open after that?",
        "I have an appointment at 10am on Friday, is the legal aid open the day after that?",
        "I have an appointment at 10am on Friday, is the legal aid open the week after that?",
    ],
)
def test_after_that_pointing_back_to_a_day_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, JUL_22).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "老师你好，我家小孩今年上三年级，暑假在家没事做，我想给他报个画画班，你们那边有没有"
            "适合小学生的美术课？",
            "美术",
        ),
        ("想报个画画班，有没有美术课", "美术"),
        ("想给孙女报个跳舞班，有没有芭蕾课", "芭蕾"),
        ("孙子想学画画 有美术班伐", "美术"),
        # near misses: no subject asked after, or the subject in the course's own words
        ("我想给他报个画画班", "绘画"),
        ("想报个画画班 有没有周末的班", "绘画"),
        ("想报个画画班 有没有适合小孩的班", "绘画"),
        ("想报个画画班 有暑假班吗", "绘画"),
        ("想报个书法班 有没有周末的班", "书法"),
    ],
)
def test_a_class_asked_by_its_own_name_after_a_wish_is_the_hint(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, OCT_14)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "course"
    assert verdict.course_hint == hint
