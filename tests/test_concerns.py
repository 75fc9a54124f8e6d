"""Questions the bot must not answer itself: emergencies, medicine, a person asked for, favours
(bot/understanding/concerns.py and the matcher's verdict)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.concerns import (
    Concern,
    favour_task,
    is_emergency,
    is_medicine,
    wants_person,
)
from bot.understanding.matcher import Kind, QuestionMatcher
from bot.understanding.normalise import normalise

WEDNESDAY = date(2026, 12, 2)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("我胸口疼怎么办", "zh"),
        ("我老伴突然晕倒了怎么办", "zh"),
        ("阿拉老头子透勿过气了", "zh"),  # Shanghainese: can't breathe
        ("伊跌跤了爬不起来", "zh"),
        ("我妈嘴巴歪了 半边身子动不了", "zh"),
        ("手上血流不止怎么办", "zh"),
        ("老头子叫伊勿应", "zh"),
        ("快帮我叫救护车", "zh"),
        ("I have chest pain what should I do", "en"),
        ("my husband collapsed in the kitchen", "en"),
        ("she fell and can't get up", "en"),
        ("my wife can't breathe", "en"),
        ("I think he's having a stroke", "en"),
    ],
)
def test_an_emergency_is_not_answered_and_carries_its_concern(
    matcher: QuestionMatcher, text: str, lang: str
) -> None:
    """Chest pain, fainting, breathing, stroke signs, bleeding, a fall: "not answered", marked
    an emergency, in the question's language."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question
    assert verdict.concern is Concern.EMERGENCY
    assert verdict.lang == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("烫伤了", "zh"),
        ("开水烫到手", "zh"),
        ("被热油烫起泡了怎么办", "zh"),
        ("I burned my hand badly", "en"),
        ("she scalded her arm with boiling water", "en"),
        ("突然头痛得厉害", "zh"),
        ("头痛欲裂", "zh"),
        ("worst headache of my life", "en"),
        ("小孩发高烧39度多", "zh"),
        ("宝宝烧到40度", "zh"),
        ("我老伴发烧40度", "zh"),
        ("my toddler has a 40 degree fever", "en"),
        ("my daughter has a fever of 39.5", "en"),
        ("过敏了嘴巴肿起来", "zh"),
        ("喉咙肿了喘不上气", "zh"),
        ("my face is swelling up after eating peanuts", "en"),
        ("my lips are swelling after a bee sting", "en"),
        ("老人摔倒了爬不起来", "zh"),
        ("我去年中风过 现在又嘴歪了", "zh"),  # the past told, and the sign again now
        ("烫到了好大一个泡", "zh"),
        ("my son spilled boiling water on his leg", "en"),
        ("头突然剧痛", "zh"),
        ("头疼得从来没这么厉害过", "zh"),
        ("baby has a high fever", "en"),
        ("被蜜蜂蜇了脸肿起来", "zh"),
        ("my throat is closing up", "en"),
        ("奶奶摔了一跤磕到头了", "zh"),
        ("she fell and hit her head", "en"),
    ],
)
def test_burns_a_sudden_headache_a_childs_high_fever_and_swelling_are_emergencies(
    matcher: QuestionMatcher, text: str, lang: str
) -> None:
    """A burn or scald, a sudden or the worst headache, a child's fever of 39 (anyone's of 40),
    a swelling face or throat: "call 120" first, like chest pain."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern, verdict.lang) == (Kind.NONE, Concern.EMERGENCY, lang)


@pytest.mark.parametrize(
    "text",
    [
        "烫发多少钱",  # a perm at the salon
        "烫头要多久",
        "汤很烫",
        "headache pills",
        "我头疼吃什么药",  # a headache, neither sudden nor the worst: medicine
        "what should I take for a headache",
        "孩子发烧了吃什么药",  # a fever, not a high one: medicine
        "明天39度 食堂开吗",  # the weather
        "宝宝40天了可以打疫苗吗",
        "去年我烫伤过",  # a story of the past
        "他以前晕倒过",
        "I had a bad burn last year",
        "120元",
        "发烧门诊在哪",  # a place asked for
        "I burned the rice",
        "how many calories does yoga burn",
        "is there a first aid course for burns",
        "my ankle is swollen",
        "孩子去年发高烧住过院",
        "我对花生过敏 食堂菜里有花生吗",
        "the hot water in the gym shower is not working",
        "I fell asleep in the class last week",
    ],
)
def test_a_perm_a_headache_pill_a_past_burn_or_a_fee_is_no_emergency(text: str) -> None:
    """Words near the new emergencies that are not one: a perm (烫发), hot soup, pills, a fever
    without a high reading, the weather, a burn long ago, a fee of 120 yuan, a clinic asked for."""
    assert not is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "is the fitting room open",
        "which swimming stroke do the classes teach",
        "is there a stroke class",
        "can you pass out the flyers at the meeting",
        "there's a faint smell in the corridor",
        "厨房抽风机坏了找谁修",  # an exhaust fan, not a fit
        "is there emergency repair service",
        "食堂的菜气得我吐血",  # one's own anger, a figure of speech
    ],
)
def test_an_everyday_use_of_an_emergency_word_is_no_emergency(text: str) -> None:
    """A fitting room, a swimming stroke, flyers passed out, a faint smell, an exhaust fan, a
    repair service: no ambulance."""
    assert not is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "he passed out",
        "my dad had a stroke",
        "she is fitting",
        "I feel faint",
        "孩子抽风了",
        "emergency!",
        "老公气得吐血了 怎么办",  # another's, and it happened
        "气得他晕过去了",
    ],
)
def test_the_emergency_words_still_tell_an_emergency(text: str) -> None:
    assert is_emergency(normalise(text))


@pytest.mark.parametrize("text", ["do you sell cold drinks", "is the pool water cold"])
def test_cold_drinks_or_water_are_no_medicine(text: str) -> None:
    assert not is_medicine(normalise(text))


def test_a_cold_caught_is_still_medicine() -> None:
    assert is_medicine(normalise("I have a bad cold what should I take"))


def test_an_emergency_wins_over_an_hours_question(matcher: QuestionMatcher) -> None:
    """'我胸口疼 卫生站现在开吗': 120 first, not the station's hours alone."""
    verdict = matcher.understand("我胸口疼得厉害 卫生站现在开吗", WEDNESDAY)
    assert verdict.concern is Concern.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "我想报名急救培训",
        "急救箱在哪",
        "is there a first aid course",
        "健身卡120元吗",
        "我老伴中风以后走不动了 食堂能不能把饭送到屋里来",  # a stroke long ago: the story
        "卫生站几点开门",
        "where is the emergency exit",
    ],
)
def test_talk_of_first_aid_or_an_old_illness_is_no_emergency(
    matcher: QuestionMatcher, text: str
) -> None:
    """A course, a kit, a fee of 120 yuan, a stroke some time ago: answered as usual."""
    assert not is_emergency(normalise(text))
    assert matcher.understand(text, WEDNESDAY).concern is not Concern.EMERGENCY


@pytest.mark.parametrize(
    "text",
    [
        "我血压160吃什么药好",
        "should I take aspirin for my headache",
        "腿酸怎么缓解",
        "买什么感冒药好",  # bought, but which one: a doctor's
        "which cold medicine should I buy",
        "布洛芬一天吃几次",  # a medicine by its name, without 药
    ],
)
def test_medicine_is_left_to_a_doctor(matcher: QuestionMatcher, text: str) -> None:
    """Which medicine, one's own reading or ache: not answered, marked medicine."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.MEDICINE)


@pytest.mark.parametrize(
    "text",
    [
        "我要跟工作人员说话",
        "找个真人",
        "转人工",
        "can I speak to a human please",
        "i want to talk to a person",
    ],
)
def test_a_request_for_a_person_is_marked_as_such(matcher: QuestionMatcher, text: str) -> None:
    """The whole message asks for a person: the conversation with staff opens at once."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.PERSON)
    assert verdict.looks_like_question


@pytest.mark.parametrize("text", ["附近哪里有24小时药店", "is there a pharmacy nearby"])
def test_a_pharmacy_asked_for_is_no_medicine_question(text: str) -> None:
    """Where to buy medicine is a place, not advice."""
    assert not is_medicine(normalise(text))


@pytest.mark.parametrize(
    "text",
    ["药店有感冒药卖吗", "哪里能买到感冒药", "does the pharmacy sell cough syrup", "发烧门诊在哪"],
)
def test_medicine_bought_or_a_clinic_asked_for_is_out_of_scope_not_medicine(
    matcher: QuestionMatcher, text: str
) -> None:
    """Buying cold medicine, or where the fever clinic is: not ours (the health station only
    renews prescriptions), so "not answered" with no concern: offered to staff as usual."""
    assert not is_medicine(normalise(text))
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern, verdict.looks_like_question) == (Kind.NONE, None, True)


@pytest.mark.parametrize(
    "text", ["机器人听不懂 帮我转人工", "能不能帮我找个工作人员 我有点事情要当面问问"]
)
def test_a_request_for_a_person_among_other_words_is_still_one(
    matcher: QuestionMatcher, text: str
) -> None:
    """One clause asking for a person is enough: the conversation opens with the words."""
    assert matcher.understand(text, WEDNESDAY).concern is Concern.PERSON


@pytest.mark.parametrize(
    "text",
    [
        "我想找工作人员说说我房东的事",
        "I need to talk to a staff member about my landlord",
        "我要找工作人员问一下健身卡",  # a topic the FAQ knows: the person asked for still wins
        "can I speak to someone about the gym card",
        "我想找工作人员说说食堂的菜太咸了",
    ],
)
def test_a_person_asked_for_about_something_is_a_request_for_a_person(
    matcher: QuestionMatcher, text: str
) -> None:
    """ "Talk to a staff member about …": the person asked for, whatever the topic (not the
    favour offer, an FAQ entry or the feedback form)."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.PERSON)


@pytest.mark.parametrize(
    "text",
    [
        "who should I talk to about the gym",
        "我跟工作人员说过了 还没回复",
        "工作人员几点下班",
        "想跟真人讲 电话多少",  # the number asked beside: the phone list answers
    ],
)
def test_whom_to_ask_or_a_person_already_told_is_no_request_for_one(
    matcher: QuestionMatcher, text: str
) -> None:
    """Asking whom to talk to, or telling that one did, does not open a conversation."""
    assert matcher.understand(text, WEDNESDAY).concern is not Concern.PERSON


@pytest.mark.parametrize(
    "text", ["找个人帮我看看法律问题", "工作人员几点下班", "who should I talk to about the gym"]
)
def test_more_than_a_request_for_a_person_is_not_one(text: str) -> None:
    """A person named inside another question is not the request alone."""
    assert not wants_person(normalise(text))


@pytest.mark.parametrize(
    ("text", "task"),
    [
        ("我想请人上门帮我换个灯泡", "换个灯泡"),
        ("你们帮我打个电话给我儿子好伐", "儿子"),
        ("can you book me a taxi", "book me a taxi"),
        ("I need someone to help me fill in a form", "fill in a form"),
    ],
)
def test_a_favour_is_not_answered_with_an_unrelated_faq(
    matcher: QuestionMatcher, text: str, task: str
) -> None:
    """A favour whose task no FAQ entry speaks of: "not answered" (intent: ask), marked a favour,
    not the meal delivery, the phone list or the room booking."""
    assert task in (favour_task(normalise(text)) or "")
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.FAVOUR)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("帮我送饭上门", "canteen_delivery"),
        ("can you book me a room", "room_booking"),
        ("can you tell me the canteen price", "canteen_prices"),
        ("想来帮帮忙做点义务劳动", "volunteer"),
    ],
)
def test_a_favour_the_centre_offers_is_still_its_faq(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    """Meal delivery, a room booked, a price told, help offered: the FAQ entry answers."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.faq_id, verdict.concern) == (Kind.FAQ, faq_id, None)


@pytest.mark.parametrize(
    "text",
    [
        "my dad has a history of heart disease and his chest hurts",
        "she had a stroke last year and her face is drooping",
        "i used to have asthma and i can't breathe",
        "my mother had a heart attack years ago and has chest pain",
        "my dad fell last week and can't get up",
        "我妈以前有心脏病 胸口疼得厉害",  # the past in a clause of its own, set off by a space
        "我妈去年做过心脏手术胸口疼得厉害",
        "我爸之前摔倒了起不来",  # 之前: "earlier", today as well as long ago
    ],
)
def test_a_past_illness_beside_a_sign_now_is_still_an_emergency(text: str) -> None:
    """A history told beside a sign happening now ("a history of heart disease and his chest
    hurts") does not make the sign past: only a past marker tied to the sign itself does."""
    assert is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "浴室热水太烫了怎么调",  # the shower too hot: a repair, not a scald
        "热水太烫了",
        "淋浴热水烫了点 能调低吗",
        "火锅太烫了",
        "the tea was scalding hot",
        "scalding hot water in the shower, can you fix it",
        "the shower water is scalding",
    ],
)
def test_water_too_hot_is_no_scald(text: str) -> None:
    """Water or food too hot ("热水太烫了", "the shower water is scalding") is a complaint, not a
    burn: no "call 120"."""
    assert not is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text", ["开水烫到手了", "热水烫了一下手", "被开水烫了", "油锅烫伤了手", "i got scalded"]
)
def test_a_scald_is_still_an_emergency(text: str) -> None:
    """Scalded by hot water or oil, however told: still an emergency."""
    assert is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "买的降压药一天吃几次",
        "这个药买回来怎么吃",
        "药店买的感冒药能给孩子吃吗",
        "where can i buy ibuprofen and how much should i take",
    ],
)
def test_medicine_bought_and_how_to_take_it_is_medicine(text: str) -> None:
    """Medicine bought, and how much or whether to take it: the taking is a doctor's, the
    buying no excuse to drop it."""
    assert is_medicine(normalise(text))


@pytest.mark.parametrize(
    "text", ["药店买的感冒药能给孩子吃吗", "where can i buy ibuprofen and how much should i take"]
)
def test_medicine_bought_and_how_to_take_it_is_left_to_a_doctor(
    matcher: QuestionMatcher, text: str
) -> None:
    """Unanswered, such a question names the health station's doctor, not "ask a person"."""
    verdict = matcher.understand(text, WEDNESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.MEDICINE)


@pytest.mark.parametrize(
    "text",
    [
        "my eyes are swollen from crying",
        "my eye is swollen, which doctor should i see",
        "my face is swollen from a toothache",
        "my mouth is swollen after the dentist",
    ],
)
def test_a_swollen_eye_or_face_alone_is_no_emergency(text: str) -> None:
    """A swollen eye, face or mouth without an allergy or a sting is for a doctor, as
    "眼睛肿了怎么办" is: only the lips, tongue or throat swell shut on their own."""
    assert not is_emergency(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "my eyes are swelling after a bee sting",
        "i'm allergic to shrimp and now my face is swelling",
        "my lips are swollen",
    ],
)
def test_a_face_swelling_from_an_allergy_is_an_emergency(text: str) -> None:
    """An eye, face or mouth swelling after a sting or with an allergy, or swollen lips:
    "call 120", like "过敏了嘴巴肿起来"."""
    assert is_emergency(normalise(text))
