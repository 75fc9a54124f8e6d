"""Round twenty-five, session fifteen (spent17's failures by class): an evening, a morning or a
weekend to be picked ("one of these evenings", "some night") is asked, never today's. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 3, 12)  # an ordinary week, no break near


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "one of these mornings I'll take my mum to the health station, is it open?",
        "one of these nights i'll come to the gym, what time does it close",
        "some evening I'll bring my son to the canteen, open?",
        "one afternoon I'll pop into the photo studio, are they open",
        "one of these weekends we'll visit the activity rooms, open?",
        "one of these saturdays i'll bring the kids to the canteen, open?",
    ],
)
def test_an_evening_to_be_picked_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("is the gym open this evening", (THURSDAY,)),
        ("is the gym open this weekend", (date(2026, 3, 14), date(2026, 3, 15))),
    ],
)
def test_an_evening_named_is_that_day(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)


@pytest.mark.parametrize(
    "text",
    [
        "下个星期有什么安排",
        "这个礼拜中心有啥节目伐",
        "周末有没有能带孙子去白相的",
        "有什么可以陪老人家去参加的",
        "中心会不会放电影",
        "驿站搞不搞露天电影",
        "can we join the mooncake making party",
        "sign me up for the dumpling wrapping session",
        "any mid autumn festival celebrations this year?",
        "will there be a national day party at the station",
        "any movie nights at the centre?",
    ],
)
def test_doings_asked_without_an_event_word_are_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")


@pytest.mark.parametrize(
    "text",
    [
        "i want to sign up for the dumpling making class",
        "附近电影院放什么电影",
        "any movie nights in the city?",
    ],
)
def test_a_class_or_a_cinema_is_no_event(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).feature != "events"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("想练练书法 你们那有伐", "书法"),
        ("退休了想练练唱歌 中心有没有", "唱歌"),
        ("想练练二胡 你们那边有吗", "二胡"),
        ("想学包饺子 面点之类的 有班吗", "面点"),
    ],
)
def test_a_subject_practised_or_its_kind_is_the_course(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course")
    assert hint in (verdict.course_hint or "")


@pytest.mark.parametrize("text", ["想练练身体 有吗", "想练练钢琴 琴房开伐"])
def test_the_body_or_a_room_is_no_course(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).feature != "course"


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("could the nurse test my glucose", "health_services"),
        ("is there somewhere to get my blood sugar checked", "health_services"),
        ("晚上那个培训班多少钱一期", "night_school_fees"),
        ("how much is a family portrait", "photo_services"),
        ("我们协会想借二楼那个空间开个会 收费吗", "room_booking"),
    ],
)
def test_an_entry_asked_in_other_words(matcher: QuestionMatcher, text: str, faq_id: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id)


@pytest.mark.parametrize(
    "text",
    [
        "照相馆照得老难看的",
        "健身房的教练一点都不耐心 还不肯退",
        "the photo studio wouldn't retake my photo",
        "my ID photos came out really blurry at the studio",
    ],
)
def test_a_poor_result_or_a_redo_refused_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


def test_a_redo_asked_is_no_complaint(matcher: QuestionMatcher) -> None:
    assert matcher.understand("照相馆拍得不好看能重拍吗", THURSDAY).feature != "feedback"


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("麻烦今天帮我查一下后天卫生站开伐", date(2026, 3, 14)),
        ("今天问问 下礼拜三食堂有饭吗", date(2026, 3, 18)),
        ("今天先帮我看看3月20号照相馆开不开", date(2026, 3, 20)),
    ],
)
def test_today_as_the_moment_of_asking_is_not_the_day(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_today_looked_up_alone_is_today(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("今天帮我看看照相馆开不开", THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (THURSDAY,))
