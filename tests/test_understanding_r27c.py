"""Round twenty-seven (session eighteen), dev106's look-alikes: the centre's own words said of
other places and matters, out of scope by class: the pension one will draw after the years paid
in; another country's or region's holidays; another office's or company's counter named with the
bare word of our window; a restaurant or tea chain by name; the time a queue takes (no waiting
list of a course); other schools enrolling; another district's place with a word of its own
before our venue word. Near misses asking our own venues with the same words stay ours. Dates
injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MARCH_26 = date(2026, 3, 26)  # a Thursday; 清明 break 04-04..04-06
SATURDAY = date(2026, 3, 28)


@pytest.mark.parametrize(
    "text",
    [
        # the pension, after the years paid in
        "交了三十年社保，退休每月能领多少",
        "社保缴满十五年 能领多少",
        "我交了25年社保 退休每个月能拿多少钱",
        # another country's or region's holidays
        "日本五一放假吗",
        "新加坡春节放几天",
        "香港那边清明放假吗",
        "How many days off for Qingming in Hong Kong?",
        "Is Qingming a public holiday in Singapore?",
        # another office's or company's counter
        "电信营业厅窗口周六开吗",
        "税务局的窗口明天开吗",
        "邮局窗口几点关门",
        "公积金中心窗口周六上班吗",
        # a restaurant or tea chain by name
        "海底捞要排队吗 排队要多久",
        "喜茶排队要多久",
        "What's on the menu at Din Tai Fung?",
        # a queue's length, nothing of ours named
        "排队要多久",
        # other schools enrolling
        "Which bilingual schools are still enrolling for autumn?",
        "any preschools near here still enrolling?",
        # another district's place, a word of its own between
        "How do I register for the Pudong senior night school?",
        "the xuhui senior gym opening hours",
    ],
)
def test_look_alikes_not_ours_are_not_answered(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("我们食堂几点开", "canteen"),
        ("你们窗口几点下班", "service_window"),
        ("社保窗口几点开", "service_window"),
        ("我在移动营业厅上班 下了班窗口还开吗", "service_window"),
        ("I work at the post office, is the service window open after 6?", "service_window"),
        ("下午要去税务局办事 回来窗口还开吗", "service_window"),
        ("我在邮局寄完东西 过来窗口办事 几点下班", "service_window"),
        ("去出入境办护照要照片 照相馆几点开", "photo_studio"),
    ],
)
def test_our_venues_with_the_same_words_keep_their_hours(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("退休老人在食堂吃饭多少钱", "canteen_prices"),
        ("退休人员办健身卡多少钱", "gym_card"),
        ("我交了社保 能在窗口办什么", "window_services"),
        ("夜校报名排队要多久", "night_school_signup"),
        ("夜校满了还能排队吗", "night_school_signup"),
        ("My daughter finished high school, can she join the night school?", "night_school_signup"),
        ("I teach at a private school, can I sign up for the night school?", "night_school_signup"),
        ("What's on the menu at the canteen today?", "canteen_menu"),
    ],
)
def test_our_entries_with_the_same_words_stay_answered(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text",
    [
        "今年清明放几天假",
        "清明連假放幾天",
        "从香港回来 清明放几天",
        "How many days off do we get for Qingming?",
    ],
)
def test_our_own_holidays_stay_the_calendar(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text",
    [
        "外国人假期能来健身房吗",
        "My son is on holiday in the UK, can I book the piano room for him?",
        "I'm back from holidays in Japan, is the canteen open tomorrow?",
    ],
)
def test_a_holiday_abroad_told_is_no_region_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_26).kind is not Kind.NONE


def test_a_relative_from_abroad_keeps_our_venue_hours(matcher: QuestionMatcher) -> None:
    text = "My cousin from Taiwan visits on Saturday, is the gym open?"
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == ("gym",)
    assert verdict.days == (SATURDAY,)


@pytest.mark.parametrize(
    "text",
    [
        "What's on the menu at Wagas today?",
        "menu at Element Fresh in Daning",
        "打印机好用吗",
        "is the treadmill working today",
    ],
)
def test_another_restaurants_menu_and_a_machines_state_are_not_ours(
    matcher: QuestionMatcher, text: str
) -> None:
    """The menu "at" a place named that is no time and none of ours; whether a machine works."""
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "what's on the menu at lunch today",
        "what's on the menu at the 1690 centre",
        "what's on the menu at yours tomorrow",
        "any vegetarian dishes at the moment?",
    ],
)
def test_the_menu_at_a_time_or_at_ours_stays_the_canteens(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "canteen_menu"


@pytest.mark.parametrize(
    ("text", "venue"),
    [("健身房今天好用伐", "gym"), ("琴房明天好用伐", "shared_studio"), ("跑步机今天开吗", "gym")],
)
def test_a_place_asked_usable_keeps_its_hours(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    "text",
    [
        "锻炼多久比较好",
        "一个礼拜去几次健身房比较好",
        "My doctor says I should walk more, how many steps a day?",
        "what should my blood sugar be after a meal",
    ],
)
def test_how_much_is_good_for_the_body_is_advice(matcher: QuestionMatcher, text: str) -> None:
    """How long, how often or how much is good: the doctor's or the trainer's to tell."""
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("活动室提前多久预约比较好", "room_booking"),
        ("律师要提前多久约比较好", "legal_aid_how"),
        ("健身卡办几次的比较好", "gym_card"),
    ],
)
def test_how_early_to_book_or_which_card_stays_ours(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize(
    "text", ["Is a verbal contract binding?", "这份协议有没有法律效力", "口头合同算数吗"]
)
def test_whether_a_contract_holds_is_the_laws_answer(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    ["我想找律师看看这个合同有没有效", "Can a lawyer check whether my contract is valid?"],
)
def test_a_contract_brought_to_our_lawyer_is_legal_aid(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "legal_aid_how"


@pytest.mark.parametrize(
    "text", ["什么时候交社保最划算", "灵活就业社保交哪个档次划算", "社保断缴了有什么影响"]
)
def test_whether_an_insurance_choice_pays_is_advice(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    "text", ["社保断缴了怎么补缴", "来窗口办社保要带什么", "公积金提取在窗口能办吗"]
)
def test_the_windows_insurance_errands_stay_ours(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "window_services"


@pytest.mark.parametrize(
    "text",
    [
        "血糖高吃什么",
        "the doctor said my cholesterol is high, what should I eat?",
        "Can the lawyer tell me if I'll win my case?",
        "I want to ask the lawyer whether we could win against the landlord",
    ],
)
def test_a_diet_for_ones_condition_and_ones_odds_are_advice(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        ("高血压 食堂有低盐的菜吗", "canteen_menu"),
        ("食堂今天吃什么", "canteen_menu"),
        ("Can the lawyer help me with my case?", "legal_aid_how"),
    ],
)
def test_the_menu_and_the_legal_desk_asked_stay_ours(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq_id


@pytest.mark.parametrize("text", ["普陀区法律援助中心几点上班", "区法律援助中心在哪"])
def test_the_districts_legal_aid_centre_is_not_our_desk(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, MARCH_26).kind is Kind.NONE


def test_the_districts_aid_applied_for_through_our_lawyers_stays_ours(
    matcher: QuestionMatcher,
) -> None:
    verdict = matcher.understand("能帮我申请区法律援助中心的援助吗", MARCH_26)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == "legal_aid_how"
