"""Requests: the head (what the resident wants done) decides the feature; the topic only says
which course or whose place (bot/understanding/requests.py and the decision stage)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher
from bot.understanding.normalise import normalise
from bot.understanding.requests import find_request

WEDNESDAY = date(2026, 6, 17)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "feature", "topic"),
    [
        ("我想给自己报个太极拳，一个礼拜上几次", "course", "太极拳"),
        ("帮我老伴报一下合唱", "course", "合唱"),
        ("怎么才能进太极班", "course", "太极"),
        ("书法那门课我能参加吗", "course", "书法"),
        ("烘焙课我报得进去吗", "course", "烘焙"),
        ("书法班还招不招学员", "course", "书法"),
        ("Put my name down for the yoga class", "course", "yoga"),
        ("Could you enrol my husband in the chess class?", "course", "chess"),
        ("Is there still space in the Tai Chi class for me?", "course", "tai chi"),
        ("how would my mum go about joining the choir", "course", "choir"),
        ("帮我看下我选了啥课", "myclasses", ""),
        ("Remind me what classes I'm taking", "myclasses", ""),
        ("想夸一下卫生站的护士", "feedback", "卫生站的护士"),
        (
            "How can I praise the lady at the service window?",
            "feedback",
            "the lady at the service window",
        ),
        ("食堂今天的红烧鱼太腥了，想说一说", "feedback", ""),
        ("我想参加你们的活动，怎么报名", "events", ""),
        ("I want to sign up for an event", "events", ""),
        ("能不能让工作人员给我回个电话", "ask", ""),
        ("Can somebody from the service window ring me back?", "ask", ""),
    ],
)
def test_the_head_is_found_with_its_topic(text: str, feature: str, topic: str) -> None:
    request = find_request(normalise(text))
    assert request is not None
    assert (request.feature, request.topic) == (feature, topic)


@pytest.mark.parametrize(
    "text",
    [
        "夜校学费多少",
        "食堂今天吃什么",
        "轮椅好进去伐",  # 进 into a place, not a class
        "明天一大早想去健身房跑个步 几点能进去啊",
        "周四晚上舞蹈室开到几点 我们广场舞队天冷了想进屋里练",
        "how do I say thank you in Shanghainese",  # words asked for, not thanks given
        "how do I take the bus to the centre",  # "take" only a class
        "太极拳对膝盖好不好",
        "想看看大家对夜校的评价",  # others' opinions read, not one's own given
        "你怎么评价夜校的书法课",  # the bot's opinion asked
        "你们怎么评价这个政策",  # ours asked, not the resident's given
    ],
)
def test_no_head_no_request(text: str) -> None:
    assert find_request(normalise(text)) is None


@pytest.mark.parametrize(
    ("text", "feature", "hint"),
    [
        # the head over a place's FAQ that shares the topic's words
        ("书法那门课我能参加吗", "course", "书法"),  # not the night school's fees
        ("How do I get a place in the pottery class?", "course", "pottery"),  # not the sign-up
        ("想夸一下卫生站的护士", "feedback", None),  # not the station's services
        ("怎么给活动室的服务打分", "feedback", None),  # not room booking
        ("我想参加你们的活动，怎么报名", "events", None),  # not the night school's sign-up
        ("智能手机课给我留个位置", "course", "智能手机"),  # a place in a class, not a favour
        ("I want to sign up for an event", "events", None),  # an event, not a course
        ("报名书法", "course", "书法"),  # a bare sign-up
        ("sign my dad up for calligraphy", "course", "calligraphy"),
        ("Can my mother join the tai chi group?", "course", "tai chi"),  # not "tai chi group"
        ("想报名参加太极拳培训", "course", "太极"),
    ],
)
def test_a_request_head_decides_over_the_topics_faq(
    matcher: QuestionMatcher, text: str, feature: str, hint: str | None
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, feature, hint)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("夜校怎么报名", "night_school_signup"),  # the night school itself: its sign-up entry
        ("How do I sign up for night school?", "night_school_signup"),
        ("how do i join an evening class", "night_school_signup"),  # no course named
        ("健身房怎么办卡", "gym_card"),
        ("how do i book the event space for a team offsite", "room_booking"),  # a place
        ("我想当志愿者", "volunteer"),
        ("夜校学费多少", "night_school_fees"),
    ],
)
def test_a_sign_up_to_no_class_keeps_its_faq(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id)


@pytest.mark.parametrize(
    "text",
    [
        "帮我报名社区医院的体检",  # our health station, but a check-up is no class
        "我想报名老年大学的钢琴班",
        "帮我报个驾校",
        "帮我孙子报个补习班",
        "Can you sign me up for the Shanghai marathon?",
        "I want to complain about my landlord",
        "I want to complain about the bus driver",
    ],
)
def test_a_request_about_what_is_not_ours_stays_unanswered(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, WEDNESDAY).kind is Kind.NONE


def test_a_person_wanted_is_offered_staff_not_the_phone_numbers(matcher: QuestionMatcher) -> None:
    text = "can a staff member call my mother back about her pension paperwork"
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


def test_a_price_asked_with_a_sign_up_is_no_course(matcher: QuestionMatcher) -> None:
    """ "报名夜校要交多少钱": the money is asked; whichever entry answers, no course card."""
    verdict = matcher.understand("报名夜校要交多少钱", WEDNESDAY)
    assert verdict.kind is Kind.FAQ


@pytest.mark.parametrize(
    "text",
    [
        "食堂今天的红烧肉太咸了",
        "健身房的空调坏了好几天了",  # 好几天: no question in it
        "卫生站的王医生态度真好",
        "The nurse at the health station was really kind",
        "The soup at lunch was cold today",
    ],
)
def test_an_opinion_of_ours_told_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    "text",
    [
        "食堂的菜咸不咸",  # asked, not told
        "食堂太远了 有没有送餐",
        "健身房人太多了 明天几点开",
        "我家楼下的面馆太难吃了",  # not ours
    ],
)
def test_an_opinion_asked_or_not_ours_is_no_feedback(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature != "feedback"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("书法班在哪里上课", "书法"),
        ("英语班几点开始", "英语"),
        ("what time is the yoga class", "yoga"),
        ("who teaches the calligraphy class", "calligraphy"),
        ("Can I enrol in my usual tai chi class again", "tai chi"),
        # a class named alone, as a newcomer types "gym"
        ("太极班", "太极"),
        ("书法课？", "书法"),
        ("瑜伽课程有伐", "瑜伽"),
        ("tai chi class", "tai chi"),
        ("yoga classes?", "yoga"),
        ("photography class", "photography"),  # a subject, not the photo studio's ID photos
    ],
)
def test_a_question_about_a_class_named_opens_its_card(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("夜校的课几点上", None),  # the night school's hours, no class named
        ("今天的课几点上", None),  # a day's classes
        ("when is my next lesson", "myclasses"),  # one's own, not a class named "my next"
        ("I'd like to join the gym at my office", None),  # not ours
        ("腊八节夜校上课吗", None),  # the night school's hours on a festival
        ("evening classes", None),  # the night school itself
    ],
)
def test_no_class_named_no_card(matcher: QuestionMatcher, text: str, feature: str | None) -> None:
    assert matcher.understand(text, WEDNESDAY).feature == feature


@pytest.mark.parametrize(
    "text",
    ["what's going on this weekend", "is there anything for seniors to do on weekday afternoons"],
)
def test_whats_on_in_other_words_is_events(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events")


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        (
            "国画班什么时候开",
            "国画",
        ),  # a course's own name is kept: one of several painting courses
        ("水彩画课程有吗", "水彩画"),
        ("想找个教画画的班", "绘画"),  # everyday words: the usual name
        ("我想学跳舞", "舞蹈"),
    ],
)
def test_a_course_keeps_its_own_name_and_everyday_words_get_the_usual_one(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    assert matcher.understand(text, WEDNESDAY).course_hint == hint


@pytest.mark.parametrize(
    ("text", "feature", "hint"),
    [
        ("你们这里能学太极吗", "course", "太极"),
        ("太极在哪学", "course", "太极"),
        ("我对摄影感兴趣", "course", "摄影"),
        ("do you teach calligraphy?", "course", "calligraphy"),
        ("where can I learn pottery", "course", "pottery"),
        ("周末中心有啥安排", "events", None),
        ("社区有没有组织旅游", "events", None),
        ("any concerts coming up", "events", None),
    ],
)
def test_where_a_subject_is_taught_and_whats_planned(
    matcher: QuestionMatcher, text: str, feature: str, hint: str | None
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, feature, hint)


@pytest.mark.parametrize("text", ["哪里可以学开车", "我想学游泳"])
def test_what_no_class_here_teaches_is_no_course(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature != "course"


@pytest.mark.parametrize(
    "text",
    [
        "下次上课是什么时候",
        "我下次上课是哪天",
        "我的太极拳课几点上",
        "取消太极拳",
        "退掉摄影课",
        "我不想上书法班了",
        "书法班我不去了",
        "我想退课",
        "cancel my tai chi class",
        "when is my next class",
    ],
)
def test_ones_own_next_class_or_a_class_given_up_opens_my_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    """A newcomer's "下次上课是什么时候" got the night school's hours, and "取消太极拳" nothing:
    one's own classes (and their cancel buttons) are /myclasses."""
    verdict = matcher.understand(text, date(2026, 12, 7))
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "myclasses"), verdict


@pytest.mark.parametrize(
    ("text", "kind", "feature"),
    [
        ("退休了", None, "myclasses"),  # not a class given up
        ("退一步讲", None, "myclasses"),
        ("取消活动室预约", Kind.FAQ, None),  # a room's booking: its entry
        ("我要取消包粽子活动", Kind.FEATURE, "events"),  # an event: the events
        ("下次书法课什么时候上", Kind.FEATURE, "course"),  # a course's timetable: its card
    ],
)
def test_what_is_not_a_class_given_up_is_not_my_classes(
    matcher: QuestionMatcher, text: str, kind: Kind | None, feature: str | None
) -> None:
    verdict = matcher.understand(text, date(2026, 12, 7))
    if kind is None:
        assert verdict.feature != feature, verdict
    else:
        assert (verdict.kind, verdict.feature) == (kind, feature), verdict


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("剪纸班我想报 剪窗花的那种 帮我登记一下", "剪纸"),  # not the words after the verb
        ("太极拳我要报一个 下午那班", "太极"),  # "一个" is a counter, not a class
        ("合唱团还有空位伐 我想报", "合唱"),  # a place left in a class named
    ],
)
def test_the_class_named_before_the_wish_is_the_one(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize("text", ["食堂还有位子吗", "活动室还有空位吗"])
def test_a_place_left_but_no_class_named_is_no_sign_up(text: str) -> None:
    found = find_request(normalise(text))
    assert found is None or found.feature != "course"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("剪纸有人教吗", "剪纸"),  # whether someone teaches a subject named
        ("葫芦丝什么时候开班", "葫芦丝"),  # when its class starts
        ("想让他去学学太极", "太极"),  # someone sent to learn it
    ],
)
def test_a_subject_taught_or_starting_is_a_sign_up(text: str, topic: str) -> None:
    found = find_request(normalise(text))
    assert found is not None
    assert (found.feature, found.topic) == ("course", topic)


def test_someone_to_show_me_a_machine_is_no_class() -> None:
    assert find_request(normalise("有人教我怎么用自助打印机吗")) is None


@pytest.mark.parametrize(
    "text",
    [
        "the rice at lunch was undercooked, i want to leave a note about it",
        "the soup was salty, want to leave a note",  # the wish without its "i"
        "I'd like to leave a message for the canteen about the soup",
        "the stairs by the lift are dirty",  # the building's fittings, judged
    ],
)
def test_a_note_left_or_a_fitting_judged_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback")


@pytest.mark.parametrize(
    "text",
    [
        "can i leave my bag at the front desk while i eat",
        "I want to leave a message for my daughter",  # a message passed, nothing judged
        "my toilet at home is broken",  # the resident's home
    ],
)
def test_a_thing_left_or_ones_home_is_no_feedback(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature != "feedback"


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("我候补排上了没有", "myclasses"),  # one's own place on the waiting list
        ("我排的候补轮到我了吗", "myclasses"),
        ("is my husband still on the waiting list", "myclasses"),
        ("候补是怎么排的 要等多久", None),  # how the list works: the sign-up entry
        ("我想排候补", None),
    ],
)
def test_ones_own_waiting_list_place_is_my_classes(
    matcher: QuestionMatcher, text: str, feature: str | None
) -> None:
    assert matcher.understand(text, WEDNESDAY).feature == feature


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("中秋有没有做月饼的", "events"),  # an event of a kind named
        ("健康讲座怎么去听", "events"),  # how to go to a talk
        ("is there a singles mixer for young people", "events"),
        ("有没有教包饺子的", "course"),  # a class that teaches it
    ],
)
def test_an_event_of_a_kind_named_is_events(
    matcher: QuestionMatcher, text: str, feature: str
) -> None:
    assert matcher.understand(text, WEDNESDAY).feature == feature


def test_a_festival_food_sold_is_no_event(matcher: QuestionMatcher) -> None:
    assert matcher.understand("端午食堂有没有粽子卖的", WEDNESDAY).feature is None


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("any pottery for beginners on weekends?", "pottery"),
        ("do you have a chess club for beginners", "chess"),
    ],
)
def test_a_subject_for_beginners_is_a_class(matcher: QuestionMatcher, text: str, hint: str) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize(
    "text", ["is there any guidance for beginners on the gym machines", "anything for beginners?"]
)
def test_help_for_beginners_is_no_class(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature != "course"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("有没有教老年人用智能手机的 我爸老是不会扫码", "智能手机"),
        ("有没有教小孩子下围棋的", "围棋"),
    ],
)
def test_a_subject_taught_to_whom_is_the_subject(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize("text", ["有没有人教我怎么用自助打印机的", "有没有人教我用手机"])
def test_the_resident_shown_how_is_no_class(text: str) -> None:
    assert find_request(normalise(text)) is None


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("我想知道夜校有哪些课", None),  # which classes there are: the sign-up entry
        ("我想看看你们开了哪些班", None),
        ("我这学期有什么课", "myclasses"),  # one's own
        ("我想看看我报了哪些课", "myclasses"),
    ],
)
def test_which_classes_there_are_is_not_ones_own(
    matcher: QuestionMatcher, text: str, feature: str | None
) -> None:
    assert matcher.understand(text, WEDNESDAY).feature == feature


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("剪纸 周末 有课吗", "剪纸"),  # a subject, a time, whether it has a class
        ("书法有没有课", "书法"),
        ("想学剪纸 周末有课吗", "剪纸"),  # the wish is no part of the subject
        ("听说你们开了书法班 我也想去", "书法"),  # a class opened, and the wish to go
        ("夜校开了剪纸课，我能去吗", "剪纸"),
    ],
)
def test_a_subject_with_a_class_asked_or_opened_is_its_card(
    matcher: QuestionMatcher, text: str, hint: str
) -> None:
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.feature, verdict.course_hint) == (Kind.FEATURE, "course", hint)


@pytest.mark.parametrize(
    "text", ["三天以后夜校有没有课", "明天有课吗", "孙子今天有课吗", "食堂开了新菜 我想去尝尝"]
)
def test_a_day_a_place_or_a_dish_is_no_class(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature != "course"


@pytest.mark.parametrize("text", ["元宵节有猜灯谜吗", "中秋节有没有猜灯谜", "过年搞不搞联欢"])
def test_an_event_of_a_kind_asked_without_de_is_events(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, WEDNESDAY).feature == "events"


def test_an_event_told_beside_a_venues_hours_leaves_the_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("圣诞节活动空间开吗 听说有市集", WEDNESDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("event_space",))


@pytest.mark.parametrize("text", ["阅览室暖气勿热，冻煞了，侬帮我反映反映", "你帮我反映一下"])
def test_asked_to_pass_a_complaint_on_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    """ "你帮我…反映" was read as the reader's opinion ("你怎么评价"): it asks to pass it on."""
    assert matcher.understand(text, WEDNESDAY).feature == "feedback"


@pytest.mark.parametrize("text", ["世界杯中国队能进吗", "中国队能进世界杯吗"])
def test_a_team_getting_into_a_tournament_is_no_class(matcher: QuestionMatcher, text: str) -> None:
    """进 + 队 read as joining a class ("进太极班"): a national team is not ours."""
    assert matcher.understand(text, WEDNESDAY).kind is Kind.NONE


@pytest.mark.parametrize("text", ["cancel my class", "how do I cancel my class", "我想取消我的课"])
def test_a_class_cancelled_named_only_as_mine_is_myclasses(
    matcher: QuestionMatcher, text: str
) -> None:
    """ "my" was taken for the class's name (a course card for "my", then no answer)."""
    assert matcher.understand(text, WEDNESDAY).feature == "myclasses"


def test_a_shops_fitting_room_is_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("is the fitting room open", WEDNESDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "付了钱报名 页面显示失败 钱倒是扣掉了",
        "手机上付款显示失败 但是钱已经扣了",
        "I paid for the calligraphy class online but it says the payment failed",
        "窗口办的敬老卡说好今天拿 怎么到现在还没好",
        "They told me my senior card would be ready today but it still isn't",
    ],
)
def test_money_taken_for_nothing_or_a_promise_missed_asks_a_person(text: str) -> None:
    """Paid and the sign-up failed, a card promised for today not ready: a person must look
    (was the fees' entry, or the window's hours today)."""
    request = find_request(normalise(text))
    assert request is not None
    assert request.feature == "ask", request


@pytest.mark.parametrize("text", ["报名费怎么付", "付款失败怎么办", "夜校学费交了以后能退吗"])
def test_paying_asked_about_is_no_person_needed(text: str) -> None:
    request = find_request(normalise(text))
    assert request is None or request.feature != "ask", request
