"""Round thirty, a second reader (r3) of the rules merged last: regional speech, outside service
bodies, a newcomer's items, a story before the question. Misfires found on sentences nobody
tuned on, fixed by class: an emergency told first lost to the last clause's hours (a story's
question, two questions in one); Hokkien 昨昏 read inside 昏迷 / 昏倒, 暗时 inside 黑暗时; 名儿
(a name) read as 明儿 before 上 / 早; a side's days (那边日子) read as Cantonese 边日; 阿 of a
name said read as Suzhou's question; northern 后儿 / 前儿 read behind a thing or after a meal
(楼后儿, 饭后儿); an outside body told as what needs our photo (出入境要用) or the time before a
trip there (仲裁之前), beside one of ours asked, made ours unanswered; a festival before 活动
taken for a class's name; the next holiday's plans taken for its date. Dates injected."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.concerns import Concern
from bot.understanding.matcher import Kind, QuestionMatcher
from bot.understanding.normalise import normalise

THU = date(2026, 12, 3)
FRI = date(2026, 12, 4)
SAT = date(2026, 12, 5)


@pytest.mark.parametrize(
    "text",
    [
        "老伴刚才晕倒了，健身房明天开吗",
        "小孩抽搐了，卫生站今天有人吗",
        "阿嬷昨昏倒，照相馆周六开无",
        "我爸喘不过气？还有卫生站明天开吗",
    ],
)
def test_an_emergency_told_first_stays_one(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.NONE
    assert verdict.concern is Concern.EMERGENCY


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("阿公昨昏迷咯", "昏迷"),
        ("阿嬷昨昏倒佇厝内", "昏倒"),
        ("黑暗时候", "黑暗时"),
        ("嗰边日日排队", "边日日"),
        ("我叫阿开", "阿开"),
        ("码头停泊车船", "停泊车"),
        ("我闺女名儿上带个雨字", "名儿"),
    ],
)
def test_regional_words_inside_ordinary_ones_are_left(text: str, kept: str) -> None:
    assert kept in normalise(text)


def test_a_name_said_before_its_characters_is_no_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("我闺女名儿上带个雨字，食堂开吗", THU)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == ()


def test_northern_tomorrow_with_a_part_of_the_day_still_is(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("食堂名儿下午开不", THU)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == (FRI,)


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("照相馆能拍一寸照吗，公证处要用", "photo_services"),
        ("去法院之前能来法律援助咨询吗", "legal_aid_how"),
    ],
)
def test_an_outside_body_told_beside_our_service_keeps_our_entry(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("税务局关门了，窗口今天开吗", "service_window", (THU,)),
        ("会所那边人太多了，健身房周六开吗", "gym", (SAT,)),
    ],
)
def test_what_befell_an_outside_body_keeps_our_hours_for_the_day_asked(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == days


@pytest.mark.parametrize("text", ["会所关门了吗", "税务局关门了吗", "医院前面的食堂几点开"])
def test_an_outside_body_asked_of_or_beside_stays_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, THU).kind is Kind.NONE


@pytest.mark.parametrize("text", ["有没有元宵活动", "有没有端午节活动", "有没有暑假活动"])
def test_a_festival_or_a_break_before_activity_is_the_events_list(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


def test_an_activity_by_its_subject_still_opens_its_card(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("有没有剪纸活动", THU)
    assert verdict.feature == "course"


@pytest.mark.parametrize(
    "text", ["下一个长假去哪里旅游好", "下一个假期打算回老家", "下个假期有什么安排"]
)
def test_the_next_breaks_plans_are_not_the_year_list(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THU).kind is not Kind.HOLIDAYS


@pytest.mark.parametrize("text", ["下个节假日是哪天", "下一个小长假是什么时候"])
def test_the_next_break_asked_is_still_the_year_list(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THU).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("屋后儿那个健身房开吗", "后儿"),
        ("门后儿挂着钥匙", "后儿"),
        ("年前儿开吗", "前儿"),
        ("请稍候天一亮就开", "稍候"),
        ("恭候天使", "恭候"),
        ("穿得厚天也不冷", "厚天"),
        ("勾勒什么", "勾勒"),
    ],
)
def test_northern_and_voice_day_words_inside_other_words_are_left(text: str, kept: str) -> None:
    assert kept in normalise(text)


@pytest.mark.parametrize("text", ["村后儿那个健身房开不", "饭后儿去食堂行不"])
def test_behind_a_thing_or_after_a_meal_is_no_day(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THU)
    assert SAT not in verdict.days


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("照相馆后儿开不", (SAT,)),
        ("咱后儿去食堂，开不", (SAT,)),
        ("明儿后儿卫生站都开不", (FRI, SAT)),
        ("厚天照相馆开伐", (SAT,)),
    ],
)
def test_the_northern_day_after_tomorrow_still_is(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THU)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days
