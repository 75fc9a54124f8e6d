"""Round eighteen, the border of what is ours (dev49, dev48, dev47): out-of-scope questions
answered with one of our entries or venues, each class fixed, in words other than the sets';
with the look-alikes of ours that keep their answers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 12, 3)  # dev49's reference


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        # a meal ordered from a shop or a platform, its courier
        "帮阿拉订份外卖 两碗小馄饨",
        "给我点一份外卖，酸菜鱼",
        "外卖骑手把汤洒了找谁赔",
        "could you order me a couple of burgers",
        "get us a takeaway from the noodle bar downstairs",
        # a commercial gym or fitness club
        "乐刻健身的月卡几钿",
        "威尔仕健身游泳池开到几点",
        "外头的健身房一年卡大概多少",
        "does Fitness First have a branch in Putuo",
        "are health clubs open on Sundays",
        # a medicine with a drink
        "消炎药吃了可以喝啤酒吗",
        "I'm on blood thinners, is a glass of wine with my pills ok?",
        # one's own phone camera or album
        "手机怎么把照片备份到电脑",
        "微信视频怎么开美颜",
        "how do I switch my phone's camera to night mode",
        # a professional exam
        "今年法考什么时候报名",
        "考公务员难伐",
        "教师资格证面试怎么准备",
        "is the accounting exam hard to pass",
        # the city's fares
        "敬老卡乘轮渡要钱伐",
        "坐公交老人免费吗",
        "do pensioners ride the bus for free here?",
        # a city race signed up for
        "上马抽签报名啥辰光开始 半马也想报",
        "how can I sign up for the half marathon in April",
        # the city's volunteers
        "世博会志愿者还招伐",
        "how do I become a marathon volunteer",
        # another studio of our kind, a commercial shoot
        "别家照相馆拍证件照便宜伐",
        "这附近有婚纱照拍得好的地方伐",
        # a trade's certificate
        "营养师资格怎么报考",
        "where do I get a cooking licence",
        # lessons online
        "有没有免费学日语的网课推荐",
        "I want to learn Spanish online",
        # another place's parking or wifi
        "虹桥火车站停车怎么收费",
        "is there wifi at the airport",
        # a good one of a trade's near somewhere
        "any good dance studios around Changfeng Park?",
        # the city's insurance figures
        "明年社保基数多少",
        # another park's toilets
        "中山公园里面的洗手间在哪",
        "is there a public restroom at the Changfeng park?",
        # another office's document lost or replaced
        "离婚证掉了去哪里补",
        "how do I replace a lost birth certificate",
        # a commercial school or a private teacher, a graded exam signed up for
        "学而思的数学班一学期几钿",
        "小提琴考级在哪里报名",
        # a shared bike's deposit, a theft
        "哈啰单车押金能退伐",
        "电瓶车被偷了怎么办",
        "someone stole my phone on the bus",
    ],
)
def test_another_trade_or_the_citys_matter_is_not_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST), verdict


@pytest.mark.parametrize(
    "text",
    [
        # the home's power, water or gas, their bills
        "楼道里跳闸了 报修打啥电话",
        "家里没水了 自来水那边电话多少",
        "the power went out in my flat, which number do I ring",
        "who do I phone about my water bill",
        # another office or person
        "我们小区物业的电话号码是多少",
        "房东的联系方式你们有伐",  # 你们 asked whether we have it: still not our number
        "what's the phone number of my letting agency",
        "residents' committee contact number please",
        # an operator's hotline
        "移动的人工客服号码是多少",
        "China Mobile hotline number",
        # a company's or a tradesman's
        "修空调的师傅电话有伐",
        "number for a cleaning company please",
    ],
)
def test_someone_elses_number_is_not_our_phone_list(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST) or verdict.faq_id != "phones", verdict


@pytest.mark.parametrize(
    "text",
    [
        "从中山公园骑车到曹杨新村要多久",
        "长风公园到外滩的码头坐几路车",
        "how long does it take from Changfeng Park to the Jade Buddha Temple",
    ],
)
def test_the_way_between_two_places_not_ours_is_not_our_address(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert verdict.faq_id not in ("address_1690", "address_changfeng"), verdict


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        # the canteen's own delivery
        ("食堂能不能送饭到屋里", "canteen_delivery"),
        ("do you deliver meals to old people at home", "canteen_delivery"),
        # our gym's card
        ("你们健身房年卡几钿", "gym_card"),
        # our own numbers
        ("你们服务台电话多少", "phones"),
        ("what's the centre's phone number", "phones"),
        ("你们前台的电话号码", "phones"),
        # the way to ours
        ("从金沙江路地铁站到1690怎么走", "address_1690"),
        ("how do I get from Changfeng Park station to Changfeng Bay", "address_changfeng"),
        # the senior card itself, the window's
        ("老年卡在哪里办", "window_services"),
        # our photos, our lawyers, our night school
        ("拍证件照多少钱", "photo_services"),
        ("法律咨询要预约吗", "legal_aid_how"),
        ("夜校怎么报名", "night_school_signup"),
        # our health station's prescriptions
        ("卫生站能配降压药伐", "health_services"),
        # our wifi, parking, volunteers, the window's cards
        ("wifi密码是多少", "wifi"),
        ("有没有停车位", "parking"),
        ("怎么当志愿者", "volunteer"),
        ("社保卡坏了怎么补", "window_services"),
        # our own studio and gym asked in the border's words
        ("照相馆能拍艺术照吗", "photo_services"),
        ("健身房缴费标准", "gym_card"),
        # our window's cards lost, a thing left with us
        ("敬老卡掉了怎么补", "window_services"),
        ("I left my scarf in the canteen yesterday", "lost_found"),
    ],
)
def test_ours_beside_the_border_keeps_its_answer(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict


def test_a_graded_exam_as_the_reason_keeps_the_rooms_hours(matcher: QuestionMatcher) -> None:
    """The exam is why the piano room is wanted, not a sign-up asked."""
    verdict = matcher.understand("琴房明天开伐 孩子考级前要练琴", THURSDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.HOURS, ("shared_studio",)), verdict


def test_a_venue_asked_on_a_race_day_is_still_its_hours(matcher: QuestionMatcher) -> None:
    """The race named as when, not signed up for: the day is asked, not refused."""
    verdict = matcher.understand("is the gym open on the day of the marathon", THURSDAY)
    assert verdict.kind is Kind.CLARIFY_DAY, verdict


@pytest.mark.parametrize(
    "text",
    [
        "how do I cancel my registration for the marathon",
        "开车去虹桥机场车往哪停",
        "my phone has no data, which carrier has the cheapest plan?",
        "流量套餐哪家便宜",
    ],
)
def test_a_race_an_airports_parking_or_a_phone_company_is_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    """tuner-requests' look-alikes that were still answered (night-school sign-up, parking,
    wifi): a race's registration, another place's parking, a phone company's plans."""
    assert matcher.understand(text, THURSDAY).kind in (Kind.NONE, Kind.SUGGEST)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("is there wifi at the centre, my data plan ran out", "wifi"),
        ("我开车来办事 车往哪停", "parking"),
        ("how do I register for the night school", "night_school_signup"),
    ],
)
def test_our_wifi_parking_and_sign_up_keep_their_answers(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict
