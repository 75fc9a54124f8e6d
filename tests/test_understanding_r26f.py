"""Round twenty-six (session sixteen, dev92's failures by class): newcomers from other
provinces and people on odd hours — northern and Sichuan forms (咋, 俺, 啥子), a lunar date or a
lunar festival in English, today's day asked with a guess after it, a festival's make-up weekday
said with 那个, a break asked by its English name, and whether one can sue (a lawyer's to tell,
not ours). New wordings of each class, not dev92's own; dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

SPRING = date(2026, 4, 2)  # Thursday, three days before 清明


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("is the gym open on the 9th day of the 9th lunar month?", date(2026, 10, 18)),
        ("canteen hours on the fifteenth of the eighth lunar month", date(2026, 9, 25)),
        ("is the health station open on lunar 3/3", date(2026, 4, 19)),
        ("the 8th lunar month, 15th day - is the canteen open?", date(2026, 9, 25)),
        ("does the gym open on day 8 of the 12th lunar month", date(2027, 1, 15)),
    ],
)
def test_a_lunar_date_in_english(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("gym open on Shangsi festival?", date(2026, 4, 19)),
        ("is the canteen open on hanshi", date(2026, 4, 4)),  # 清明's eve
        ("cold food day - is the health station open?", date(2026, 4, 4)),
        ("is the gym open for zhongqiu", date(2026, 9, 25)),
        ("canteen open on duan wu?", date(2026, 6, 19)),
        ("is the photo studio open on chuxi", date(2027, 2, 5)),
    ],
)
def test_a_lunar_festival_by_its_pinyin(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


def test_little_new_year_is_not_january_first(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is the canteen open for little new year", SPRING)
    assert date(2027, 1, 1) not in verdict.days


@pytest.mark.parametrize(
    "text",
    [
        "hang on, what's the date today? the 2nd?",
        "um what day is it? friday?",
        "sorry what day is it, is it thursday",
        "等等 今天礼拜几 礼拜四吧",
        "哎 今天几号了 是不是3号",
    ],
)
def test_today_asked_with_a_guess_after_it(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.TODAY


@pytest.mark.parametrize(
    "text", ["what day is it, the talk?", "今天礼拜几 食堂开吗", "wait, is the gym open today?"]
)
def test_no_guess_no_today(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is not Kind.TODAY


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("1690中心咋去啊 俺不认识路", "address_1690"),
        ("俺想问问照相馆咋收费", "photo_services"),
        ("夜校咋个报名", "night_school_signup"),
        ("夜校报名咋整", "night_school_signup"),
    ],
)
def test_northern_and_sichuan_forms(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


def test_sichuan_shenme_zi_is_an_hours_question(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("健身房啥子时候开门", SPRING)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("gym",)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("五一补班的那个礼拜六健身房开吗", date(2026, 5, 9)),
        ("国庆调休那个礼拜天卫生站开伐", date(2026, 9, 20)),
        ("国庆补班的礼拜六食堂开吗", date(2026, 10, 10)),
        ("国庆后面补班的那个礼拜六食堂开吗", date(2026, 10, 10)),
    ],
)
def test_a_festivals_make_up_weekday_said_with_it(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    "text",
    [
        "五一调休那个礼拜天食堂开吗",  # May Day's break has no make-up Sunday
        "补班那个礼拜六食堂开伐",  # no festival, none within four weeks
        "他回来那个周六食堂开吗",  # a day of the resident's own
    ],
)
def test_a_make_up_weekday_not_certain_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "when is the national day holiday this year?",
        "what dates are the may day holidays",
        "do we work on a weekend for the dragon boat festival",
    ],
)
def test_a_break_asked_by_its_english_name(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.HOLIDAYS


def test_a_venue_over_the_break_stays_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("when is the gym open over the may day holiday", SPRING)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == tuple(date(2026, 5, d) for d in range(1, 6))


@pytest.mark.parametrize(
    "text",
    [
        "老板欠我两个月工资 可以起诉他吗",
        "邻居把我车刮了 能不能告他",
        "could I take my landlord to court over the deposit?",
        "do I have a case against my old boss",
    ],
)
def test_whether_one_can_sue_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, SPRING).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "I want to sue my landlord, how do I get a lawyer?",
        "房东赶我走 押金也不退 你们能帮帮我吗",
        "法律咨询要预约吗",
    ],
)
def test_help_asked_of_our_lawyers_stays(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, SPRING)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "legal_aid_how"
