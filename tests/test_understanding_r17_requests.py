"""Round seventeen, requests (dev39): each class fixed, in words other than the set's."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 4, 29)  # dev39's reference: the Labour Day break starts on Friday


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        "our startup is being sued by a former client and needs a lawyer, can you suggest a "
        "good law firm",
        "我想找个律师帮我们公司看看合同 有没有好的律所",
        "注册商标要带什么材料 到哪里办",
        "how do I register a trademark for my daughter's small business",
        "家里水龙头坏掉了 滴了一夜 找啥人来修",
    ],
)
def test_a_business_matter_or_a_home_repair_is_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    """A company's lawyer or trademark and a tradesman for the home answered legal aid, the
    night school's sign-up or lost property."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE, verdict


def test_a_residents_own_dispute_is_still_legal_aid(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("跟房东有点纠纷 想找律师咨询 要钱吗", WEDNESDAY)
    assert verdict.faq_id == "legal_aid_how", verdict


@pytest.mark.parametrize(
    "text",
    [
        "after dad's knee operation he'd like to get back to the gym, will it be open then?",
        "Once my mother recovers from her hip surgery she wants to use the reading room again. "
        "Is it open?",
        "我出院以后想去卫生站量血压 几点开门",
        "腿好了以后再去健身房练练 开到几点",
    ],
)
def test_a_visit_after_a_recovery_is_asked_never_today(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.CLARIFY_DAY, verdict
    assert WEDNESDAY not in verdict.candidates, verdict


@pytest.mark.parametrize(
    "text",
    [
        "调休上班的礼拜六健身房几点开",
        "is the photo studio open on the make-up working saturday?",
        "要上班的那个礼拜六 照相馆开不开",
        "放完假要补班的那个星期六 食堂开伐",
    ],
)
def test_the_make_up_saturday_at_hand_is_the_calendars(matcher: QuestionMatcher, text: str) -> None:
    """Read as this Saturday (2 May, a holiday): a confident answer for another day."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.HOURS, verdict
    assert verdict.days == (date(2026, 5, 9),), verdict


@pytest.mark.parametrize(
    "text",
    [
        "阅览室的椅子太硬了 能不能铺点垫子 让你们领导知道一下",
        "健身房里有几个小青年占着器材打游戏 一占就是一个钟头 你们管管伐",
        "卫生站量血压的地方冷得要命 老人坐着发抖 麻烦侬帮忙反映反映",
        "My grandmother says the young man at the service window spent an hour sorting out her "
        "pension papers. We'd like him to know how much it meant to her.",
        "The toilets near the activity rooms have had no soap for a week. Could you pass this on "
        "to whoever looks after the building?",
        "My dad has some ideas for the reading room, more large-print books mostly. How can he "
        "send in ideas like that?",
    ],
)
def test_feedback_told_as_a_story_and_passed_on(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback"), verdict


def test_feedback_about_another_institution_is_not_our_form(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("小区物业的保安态度很差 我觉得应该让你们知道", WEDNESDAY)
    assert verdict.kind is Kind.NONE, verdict


@pytest.mark.parametrize(
    "text",
    [
        "下礼拜我要住院开刀 书法课要停两次 跟老师讲一声哪能弄",
        "去年孙女用她手机给我报了几门课 我现在一门也记不得了 帮我查一查",
        "我老伴帮我报了个班 不晓得报的是啥 你看看",
        "My husband registered me for something on your bot last month and I have no idea what "
        "it is. What am I down for?",
        "Can you tell me what my dad is enrolled in? He keeps forgetting.",
        "Mum broke her wrist and can't attend her classes until summer, please take her off "
        "the list",
        "报名那天我在手机上按了好几下都没反应 到底报上了没有",
    ],
)
def test_my_classes_missed_or_asked_back(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "myclasses"), verdict


def test_fees_back_for_a_class_missed_stay_the_fees(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("报了夜校后来去不了 学费能退伐", WEDNESDAY)
    assert verdict.faq_id == "night_school_fees", verdict


def test_someone_who_stops_responding_is_still_an_emergency(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("我爸在阅览室看报纸 突然没反应了 怎么办", WEDNESDAY)
    assert verdict.kind is Kind.NONE, verdict
    assert verdict.concern is not None, verdict


@pytest.mark.parametrize(
    "text",
    [
        "上个月那个教防骗的讲座我去听了 讲得蛮好 最近还有伐",
        "那种讲养生的讲座 最近还办不办",
    ],
)
def test_events_to_come_after_a_past_one_told(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events"), verdict


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("你们那个锻炼身体的地方在几楼", "gym"),
        ("听讲有个下棋的地方 在哪里", "activity_rooms"),
        ("看展览的地方在哪里 长风湾那边", "event_space"),
        ("看报纸的地方在几楼", "activity_rooms"),
        ("看毛病的地方在哪里", "health_station"),
    ],
)
def test_a_place_described_is_its_card(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,)), verdict
