"""Round twenty-eight (session nineteen, dev109's failures by class: code-switchers and writers
from Hong Kong and Taiwan): days counted in 日 ("三日後", "過四日") are that many days on, a
date before them ("8月3日后", "十三日后") still asked; "that Saturday" in English after a date
that is a Saturday is that date, and so is "那个/嗰個禮拜六" after a clause told of the date;
praise in Cantonese (讚下佢) is feedback; a relative's classes checked for them
("帮外公看一下他报了哪些课") are /myclasses; events asked for whom with 有什么 / 有咩
("有咩適合後生仔嘅活動") are the events; a card that "刷唔到" with a staff member asked
(揾个职员) is handed to a person, not the card's entry; where a place is in Cantonese (喺邊,
喺邊層) and "在哪层楼" is the place's card; a break asked in Cantonese (點放假, 幾時放假,
放幾多日假) is the holiday arrangement. Also found writing our own variants: a few days pointed
at in 日 ("國慶嗰幾日", "健身室呢幾日") are the break's days or asked, not the first; Taiwan's
連假 is the whole break and 國定假日 the statutory holidays; 餸 is the dishes; an English
sign-up verb inside Chinese after a wish or a how ("我想sign up书法班") is the course's; the
day's parts and work in Cantonese (下晝, 朝早, 放工, 仲, 有冇堂) and "有没有开" ask the hours.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

AUGUST_5 = date(2026, 8, 5)  # a Wednesday of summer
DECEMBER_9 = date(2026, 12, 9)  # a Wednesday of early winter


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("三日後法律諮詢有冇人坐喺度", AUGUST_5, "legal_aid", date(2026, 8, 8)),
        ("兩日後衛生站有冇醫生", AUGUST_5, "health_station", date(2026, 8, 7)),
        ("五日之後健身室開唔開", AUGUST_5, "gym", date(2026, 8, 10)),
        ("過四日照相館開門嗎", DECEMBER_9, "photo_studio", date(2026, 12, 13)),
        ("七日后夜校有课吗", DECEMBER_9, "night_school", date(2026, 12, 16)),
        ("三日以後窗口辦公嗎", DECEMBER_9, "service_window", date(2026, 12, 12)),
    ],
)
def test_days_counted_in_ri_are_that_many_days_on(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_id == venue
    assert verdict.days == (day,)
    # a date before 后 ("十三日后": after the 13th?) stays asked
    for asked in ("十三日后食堂开吗", "12月三日后食堂开吗", "3日后食堂开吗"):
        assert matcher.understand(asked, today).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        (
            "Oct 10 is a make-up workday right? Is the service window open that Saturday?",
            "service_window",
            date(2026, 10, 10),
        ),
        (
            "Sept 20 is a working Sunday, is the canteen open that Sunday?",
            "canteen",
            date(2026, 9, 20),
        ),
        (
            "My daughter's wedding is on Oct 17. Is the gym open that Saturday morning?",
            "gym",
            date(2026, 10, 17),
        ),
        (
            "Mid-Autumn is on the 25th of September, is the clinic open on that very Friday?",
            "health_station",
            date(2026, 9, 25),
        ),
    ],
)
def test_that_weekday_after_a_date_of_that_weekday_is_the_date(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_id == venue
    assert verdict.days == (day,)
    # another weekday than the date's stays asked
    other = text.replace("Saturday", "Tuesday").replace("Sunday", "Tuesday")
    other = other.replace("very Friday", "very Tuesday")
    assert matcher.understand(other, AUGUST_5).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "照相館師傅好好人，想讚下佢",
        "食堂阿姨好好人，想讚下佢",
        "想讚下健身室個教練",
        "我想讚一讚衛生站個醫生",
        "夜校老師教得好好，我要讚佢",
    ],
)
def test_praise_in_cantonese_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"
    # no praise of ours: a poem's 赞美, a sponsorship
    for other in ("帮我写一首赞美夏天的诗", "我想赞助一下活动"):
        assert matcher.understand(other, AUGUST_5).feature != "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "帮外公看一下他报了哪些课",
        "帮我妈查一下她报了哪些课",
        "幫阿嬤查一下她報了什麼課",
        "外婆报了什么班 帮她看看",
        "帮爷爷查查他报过哪些课程",
        "check what classes my grandma signed up for",
    ],
)
def test_a_relatives_classes_checked_for_them_are_my_classes(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "myclasses"


@pytest.mark.parametrize(
    "text",
    [
        "呢個禮拜有咩適合後生仔嘅活動",
        "这个礼拜有什么适合年轻人的活动",
        "這週末有什麼適合年輕人的活動",
        "下个月有哪些针对老年人的讲座",
        "中心有啥专门给上班族的活动？",
    ],
)
def test_events_asked_for_whom_with_what_are_the_events(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "events"


@pytest.mark.parametrize(
    "text",
    [
        "我嘅健身卡刷唔到，系統話過期但我啱啱先續費，可唔可以搵個職員睇下",
        "健身卡刷唔到，想搵個職員幫手",
        "我張健身卡刷唔到，點算",
    ],
)
def test_a_card_that_will_not_swipe_in_cantonese_is_a_persons(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("法律援助咨询点喺邊", "legal_aid"),
        ("衛生站喺邊呀", "health_station"),
        ("健身房喺邊層樓", "gym"),
        ("食堂在哪层楼", "canteen"),
        ("照相馆在第几层楼", "photo_studio"),
    ],
)
def test_where_a_place_is_in_cantonese_or_by_its_floor_is_its_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("今年國慶同中秋點放假", 2026),
        ("今年國慶點放假", 2026),
        ("國慶放幾多日假", 2026),
        ("春節幾時放假", 2027),
    ],
)
def test_a_break_asked_in_cantonese_is_the_arrangement(
    matcher: QuestionMatcher, text: str, year: int
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == year
    assert matcher.understand("今年能不能早点放假", AUGUST_5).kind is not Kind.HOLIDAYS


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("國慶嗰幾日食堂開唔開", tuple(date(2026, 10, d) for d in range(1, 8))),
        ("国庆那几日食堂开不开", tuple(date(2026, 10, d) for d in range(1, 8))),
        ("國慶連假食堂有開嗎", tuple(date(2026, 10, d) for d in range(1, 8))),
        ("中秋連假健身房有開嗎", (date(2026, 9, 25), date(2026, 9, 26), date(2026, 9, 27))),
    ],
)
def test_the_days_of_a_break_said_in_ri_or_as_lianjia_are_all_its_days(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.days == days


@pytest.mark.parametrize(
    "text", ["呢幾日健身室開唔開", "健身室呢幾日開唔開", "呢兩日衛生站有冇醫生"]
)
def test_these_few_days_in_cantonese_are_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, AUGUST_5).kind is Kind.CLARIFY_DAY
    # the particle 呢 before a time stays a particle
    verdict = matcher.understand("食堂呢几点开", AUGUST_5)
    assert verdict.kind is Kind.HOURS


def test_taiwans_statutory_holidays_and_cantonese_dishes(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("今年國定假日有哪些", AUGUST_5)
    assert verdict.kind is Kind.HOLIDAYS
    assert verdict.year == 2026
    for text in ("食堂今日有咩餸", "聽日食堂有咩餸食"):
        verdict = matcher.understand(text, AUGUST_5)
        assert verdict.kind is Kind.FAQ
        assert verdict.faq_id == "canteen_menu"


@pytest.mark.parametrize(
    "text",
    [
        "我想sign up书法班",
        "想register一下国画课",
        "帮我enroll太极班",
        "书法班怎么sign up",
        "sign up书法班",
    ],
)
def test_an_english_sign_up_verb_inside_chinese_is_the_course(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "course"


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("圖書室下晝有冇開", "activity_rooms"),
        ("我放工之後夜校仲有冇堂", "night_school"),
        ("食堂有没有开", "canteen"),
        ("健身房有没有开啊", "gym"),
        ("健身室下晝有冇開", "gym"),
    ],
)
def test_parts_of_the_day_and_work_in_cantonese_ask_the_hours(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_id == venue
    # what is offered is no hours: "有没有开书法课"; 明朝 + 早饭 stays tomorrow's breakfast
    assert matcher.understand("夜校有没有开书法课", AUGUST_5).kind is not Kind.HOURS
    verdict = matcher.understand("今天中午吃过了 明朝早饭几点开始", AUGUST_5)
    assert verdict.days == (date(2026, 8, 6),)


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("10月17號我女兒結婚，嗰個禮拜六健身室開唔開", "gym", date(2026, 10, 17)),
        ("10月10号我要来办事，那个周六窗口开吗", "service_window", date(2026, 10, 10)),
        ("10月10号调休，那个周六食堂开不开", "canteen", date(2026, 10, 10)),
    ],
)
def test_a_date_told_then_its_weekday_pointed_at_is_the_date(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, AUGUST_5)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_id == venue
    assert verdict.days == (day,)
    other = text.replace("禮拜六", "禮拜日").replace("周六", "周日")
    assert matcher.understand(other, AUGUST_5).kind is Kind.CLARIFY_DAY
