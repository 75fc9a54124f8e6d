"""Round twenty-four (dev81's failures by class): a lunar day followed by a word beginning with
一 is not 七一 / 八一; 破五 is 正月初五; "the Nth day of the new year" beside the lunar new year
named is 正月初N; a day listed after "and" is asked, not a story's occasion; a make-up working
day told by its side of the break at hand; "过了初五" with no day picked is asked. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 2, 5)  # 腊月十八; break 02-15..02-23, make-up Saturdays 02-14, 02-28
TUESDAY = date(2026, 2, 10)  # 腊月廿三, the week of the first make-up Saturday


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("初七一站式窗口上班吗", date(2026, 2, 23)),
        ("初八一早食堂开吗", date(2026, 2, 24)),
        ("初五一早健身房几点开门", date(2026, 2, 21)),
        ("五一那天食堂开伐", date(2026, 5, 1)),
    ],
)
def test_lunar_day_before_a_word_with_yi(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


@pytest.mark.parametrize("text", ["破五那天健身房几点开门", "破五食堂开不开"])
def test_po_wu_is_the_fifth(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (date(2026, 2, 21),))


@pytest.mark.parametrize(
    "text", ["过了破五找一天去健身房，开几点", "过了初五找一天去健身房，开几点"]
)
def test_some_day_past_a_lunar_day_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "days"),
    [
        (
            "Are the activity rooms open on Chinese New Year's Eve and the first day of the new"
            " year?",
            (date(2026, 2, 16), date(2026, 2, 17)),
        ),
        (
            "canteen on chinese new year's eve and the 2nd day of chinese new year?",
            (date(2026, 2, 16), date(2026, 2, 18)),
        ),
        ("gym hours on the 5th day of the new year (po wu)?", (date(2026, 2, 21),)),
        ("gym on the first day of the new year?", (date(2027, 1, 1),)),
    ],
)
def test_new_year_days_beside_the_lunar_new_year(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, days)


@pytest.mark.parametrize("today", [THURSDAY, TUESDAY])
@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("节前调休上班那个礼拜六，食堂开伐", date(2026, 2, 14)),
        ("节前补班那个礼拜六健身房开吗", date(2026, 2, 14)),
        ("节后补班那个周六夜校上不上课", date(2026, 2, 28)),
        ("年后调休上班的那个周六 照相馆开伐", date(2026, 2, 28)),
        (
            "Is there night school on the Saturday we have to work before the holiday?",
            date(2026, 2, 14),
        ),
        ("Is legal aid available on the make-up Saturday after the holiday?", date(2026, 2, 28)),
        ("gym hours on the saturday everyone works after the break?", date(2026, 2, 28)),
    ],
)
def test_makeup_day_by_its_side_of_the_break(
    matcher: QuestionMatcher, text: str, day: date, today: date
) -> None:
    verdict = matcher.understand(text, today)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,))


def test_makeup_saturday_with_no_side_is_still_asked(matcher: QuestionMatcher) -> None:
    assert matcher.understand("补班那个礼拜六食堂开伐", THURSDAY).kind is Kind.CLARIFY_DAY
