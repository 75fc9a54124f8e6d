"""Round thirty, hunter n (issue 12): people writing for someone else from another time zone
(dev126). The writer's own weekday told from abroad is where they are, not a day asked; a
today / tomorrow said beside a weekday that is not Shanghai's may be counted from either date;
"tomorrow my time" from a zone ahead of us, past their midnight, is asked."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 11, 4)  # no break at hand
THURSDAY = WEDNESDAY + timedelta(days=1)


@pytest.mark.parametrize(
    "text",
    [
        "It's Wednesday evening here in Chicago, is the gym open tomorrow for my grandpa?",
        "here in Perth it's still wednesday - photo studio open tomorrow? it's for my aunt",
        "我们在伦敦，这边现在还是星期三下午，我外婆明天想去食堂，开伐",
        "我这里也是礼拜三，明天活动室开不开，帮我奶奶问的",
    ],
)
def test_the_writers_weekday_told_as_ours_is_set_aside(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (THURSDAY,)


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("it's already Thursday over here in Wellington. gym open tomorrow for my dad?",
         (THURSDAY, THURSDAY + timedelta(days=1))),
        ("here in LA it's still tuesday night. is the canteen open today for my mom?",
         (WEDNESDAY - timedelta(days=1), WEDNESDAY)),
        ("我们这边已经是星期四了，我爸明天能去卫生站吗", (THURSDAY, THURSDAY + timedelta(days=1))),
        ("我这里还是礼拜二晚上，我婆婆问明天照相馆开不开", (WEDNESDAY, THURSDAY)),
    ],
)  # fmt: skip
def test_a_relative_day_beside_another_weekday_of_the_writers_is_asked(
    matcher: QuestionMatcher, text: str, candidates: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.CLARIFY_DAY
    assert verdict.candidates == candidates


@pytest.mark.parametrize(
    "text",
    [
        "你们这边是礼拜五开门吗",  # your side: the day asked
        "我这边礼拜五要上班，明天食堂开吗",  # the writer's plan, no weekday of theirs told
        "is the gym open on friday? it's for my dad",
    ],
)
def test_look_alikes_keep_their_reading(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is not Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "at", "asked"),
    [
        ("my mum wants the canteen tomorrow my time, I'm in Christchurch", time(20, 0), True),
        ("my mum wants the canteen tomorrow my time, I'm in Christchurch", time(9, 0), False),
        ("writing from Melbourne: health station open today our time?", time(22, 0), True),
        ("writing from Melbourne: health station open today our time?", time(20, 0), False),
        ("in Seoul now - gym tomorrow my time, open?", time(23, 30), True),
        ("in Seoul now - is the gym open tomorrow?", time(23, 30), False),  # no clock of theirs
    ],
)
def test_tomorrow_my_time_from_ahead_past_their_midnight_is_asked(
    matcher: QuestionMatcher, text: str, at: time, asked: bool
) -> None:
    verdict = matcher.understand(text, WEDNESDAY, at)
    assert (verdict.kind is Kind.CLARIFY_DAY) is asked
    if asked:
        assert len(verdict.candidates) == 2


@pytest.mark.parametrize(
    "text",
    [
        "can somebody phone my father-in-law back? he left a message",
        "ring my nan back please",
        "could you give my grandad a ring, he can't type",
        "请你们工作人员帮我外婆回个电话",
        "能不能找人打个电话给我公公，他不会用手机打字",
        "叫人给我家老太太回个电话",
    ],
)
def test_a_call_back_asked_for_someone_else_goes_to_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    "text",
    [
        "what number should my grandad ring?",  # the number asked: the phones entry
        "我外婆想给你们打电话，电话多少",
    ],
)
def test_the_number_asked_for_someone_else_is_still_the_phones_entry(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "phones"
