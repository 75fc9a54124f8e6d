"""Round eighteen, requests and FAQ (dev47-49): each class fixed, in words other than the sets'
and the probes' (eval/handwritten_dev52_probes.yaml)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

WEDNESDAY = date(2026, 5, 6)  # the probes' reference, the week after May Day


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


def _feature(matcher: QuestionMatcher, text: str) -> str | None:
    verdict = matcher.understand(text, WEDNESDAY)
    return verdict.feature if verdict.kind is Kind.FEATURE else None


@pytest.mark.parametrize(
    "text",
    [
        "please cancel my enrollment for the knitting class",
        "can I withdraw my registration in the erhu course",
        "drop my spot on the flower arranging class, thanks",
    ],
)
def test_a_sign_up_cancelled_in_english_is_ones_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    """The sign-up itself named ("my registration for …") read as the night school's sign-up."""
    assert _feature(matcher, text) == "myclasses"


def test_a_registration_cancelled_for_no_class_stays_unanswered_as_before(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("cancel my registration for the city run", WEDNESDAY)
    assert verdict.feature != "myclasses", verdict


@pytest.mark.parametrize(
    "text",
    [
        "我想对上个月夜校那个教书法的老师做个好评",
        "健身房的淋浴一直不热 意见应该怎么反映",
        "表扬找谁 窗口小张帮了我大忙",
        "去窗口办个社保卡等了两个小时，这个得说说",
        "The printer at the front desk jammed three times today. "
        "Your staff should know about this.",
        "I'd love to tell you how the canteen lunch was for my mum's birthday",
        "how should I let you know about a broken chair in the activity room",
    ],
)
def test_feedback_told_without_its_usual_frame(matcher: QuestionMatcher, text: str) -> None:
    """A rating given at length, the head before how or whom, a long wait and the wish to say
    it, someone who ought to know, how a visit went, a fault passed on."""
    assert _feature(matcher, text) == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "小区保洁阿姨态度不好 投诉找谁",
        "how can I let my boss know I'm sick",
    ],
)
def test_feedback_about_another_owner_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert _feature(matcher, text) != "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "我老伴前几天报的那门课是啥 我记不得了",
        "我有没有报上名 昨天用手机报过",
        "what did my husband sign up for?",
        "which class did I enrol in last month",
        "帮我老婆看看她报的班 她不会用手机",
    ],
)
def test_ones_own_classes_in_other_words(matcher: QuestionMatcher, text: str) -> None:
    assert _feature(matcher, text) == "myclasses"


@pytest.mark.parametrize(
    "text",
    [
        "听说中秋有做月饼的活动 几号啊",
        "what's planned for the Lantern Festival? my son is visiting",
        "礼拜六没啥事体 有什么热闹可以凑凑",
        "长风湾那边最近展出些什么",
    ],
)
def test_events_in_other_words(matcher: QuestionMatcher, text: str) -> None:
    assert _feature(matcher, text) == "events"


def test_an_exhibition_elsewhere_is_not_our_events(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("上海美术馆这个月在展什么", WEDNESDAY)
    assert verdict.kind is Kind.NONE, verdict


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("is the ukulele class still open for sign-ups?", "ukulele"),
        ("有没有教剪视频的课", "视频剪辑"),
        ("想给我爸找个学二胡的地方", "二胡"),
        ("I'd like to take up some knitting, any classes?", "knitting"),
        ("hoping to get better at watercolour this autumn", "watercolour"),
        ("any chance of learning Mandarin in the evenings?", "mandarin"),
        ("a coffee course at the night school, is it still open for registration?", "coffee"),
    ],
)
def test_a_course_wanted_in_other_words(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "course"), verdict
    assert verdict.course_hint == hint, verdict


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to pick up some medicine for my dad",
        "帮我儿子找个学游泳的地方",
        "any chance of learning to drive near here?",
        "is there a coffee shop near the centre",
    ],
)
def test_no_course_where_none_is_wanted(matcher: QuestionMatcher, text: str) -> None:
    """Picking up a thing, a sport or school of another owner, a café."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.feature != "course", verdict


@pytest.mark.parametrize(
    "text",
    [
        "我外婆腿摔坏了 能不能请卫生站的护士上门帮她换药",
        "活动室的灯全灭了 能不能找个工作人员过来看一下",
        "我们订好的会议室被人占了 怎么办",
        "My passport photo has a shadow on it, could you redo it?",
        "I want someone to help me complete the senior card form",
        "敬老卡上个月办的 到现在还没收到 麻烦帮我查一下",
        "the gym took my card fee twice, I was double charged",
        "我要找你们负责人 窗口的人把我材料弄丢了",
        "we'd like to donate books to the reading room, who can we contact?",
    ],
)
def test_what_only_staff_can_settle_is_handed_to_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST), verdict
    assert verdict.looks_like_question, verdict


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("我要投诉 找你们领导", "feedback"),  # a complaint in so many words: the form
        ("someone should know about this event", None),  # an event passed on, no fault
        ("大家的意见怎么说", None),  # what others say, no opinion to give
    ],
)
def test_the_new_heads_stay_narrow(
    matcher: QuestionMatcher, text: str, feature: str | None
) -> None:
    assert _feature(matcher, text) == feature


def test_whether_a_home_visit_is_done_is_still_the_entries(matcher: QuestionMatcher) -> None:
    """Only a visit asked for goes to a person; whether there are visits is asked of the
    entries (a suggestion here)."""
    verdict = matcher.understand("家庭医生可以上门服务吗", WEDNESDAY)
    assert verdict.kind is Kind.SUGGEST, verdict


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("食堂的阿姨能上门给我妈送饭吗", "canteen_delivery"),
        ("我想找你们领导表扬一下食堂的师傅", None),
        ("夜校学费怎么收 我想给我侄子报 他已经工作了", "night_school_fees"),
        ("你们的电话发我一个 我帮我爸存手机里", "phones"),
        ("来办社保 车子往哪停", "parking"),
        ("I'm out of data on my phone, is there wifi at Changfeng Bay?", "wifi"),
        ("my daughter would like to help out at the weekend activities", "volunteer"),
        # the runner-up shares only "the centre" with a topic only the Wi-Fi entry speaks of
        ("no data left on my mobile, can I go online at your centre?", "wifi"),
    ],
)
def test_faq_asked_around_a_story(matcher: QuestionMatcher, text: str, faq_id: str | None) -> None:
    """A meal brought home stays the delivery entry; praise for a leader is feedback, not a
    person; a job, a favour of one's own, an errand told around the ask are the story."""
    verdict = matcher.understand(text, WEDNESDAY)
    if faq_id is None:
        assert verdict.feature == "feedback", verdict
    else:
        assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict
