"""Round nineteen, situations told instead of questions (dev64's non-intent failures): another
office's business told as a story, a loan, a thing done at a venue its entry does not tell,
coworking, FAQ entries hidden in a story, where a venue is, "what's actually open"; each class
in words other than the sets' and the probes', with the look-alikes that keep their answers."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 12, 3)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    "text",
    [
        # the estate's door card and lift: the property company's
        "门禁卡消磁了 进不了小区 哪里重新办",
        "阿拉5号楼的电梯三天没修好",
        "the elevator in our residential compound is out again, who fixes it",
        # a theft: the police's
        "电动车停在楼下给人偷掉了",
        "my phone was stolen on the bus this morning",
        # the school's meals and notes
        "孙女讲学校食堂的饭菜老是冷的 这个要跟谁讲",
        "the school lunches at my son's school are awful, who should hear about it",
        "家长会是几号啊 老师发的通知我看不懂",
        # income tax, a car's plates, a thing left in a taxi, land taken by the city
        "外国人的个人所得税怎么申报",
        "how do I file my taxes here as a foreigner",
        "二手车过户要带什么材料",
        "we need to transfer the plates to my wife's name",
        "钱包忘在滴滴上了 司机电话打不通",
        "I left my phone in an uber last night",
        "老房子征收补偿什么时候发",
        # a loan of a small thing
        "外面落雨了 有伞借伐",
        "can you lend me an umbrella for an hour",
        "借一支笔填个表",
    ],
)
def test_another_offices_matter_or_a_loan_is_not_answered(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST), verdict


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        # beside the border: ours keeps its answer
        ("钥匙忘在活动室了 有人捡到吗", "lost_found"),
        ("I lost my umbrella somewhere in the centre", "lost_found"),
        ("坐轮椅的老人能借轮椅吗 你们那里有电梯伐", "accessibility"),
        ("拆迁补偿谈不拢 想找你们的律师咨询", "legal_aid_how"),
        # an entry asked as a situation
        ("我妈中风以后下不了楼 想吃食堂的饭 能送吗", "canteen_delivery"),
        ("my grandad is housebound, could he get your canteen meals somehow", "canteen_delivery"),
        ("我爸还没办老人的卡 坐公交要用 去哪里办", "window_services"),
        ("my juzhuzheng runs out soon, can the centre sort it", "window_services"),
        ("我们太极队想借你们的房间练练 收钞票伐", "room_booking"),
        ("我退休前是小学老师 想为社区出点力 给小朋友辅导作业", "volunteer"),
        ("儿子学校要求做志愿服务时长 能到你们中心来做吗", "volunteer"),
        ("老板拖欠工资半年了 想找律师问问 没钱请律师", "legal_aid_how"),
        ("以前都去医院配药 你们卫生站能配降压药伐", "health_services"),
        (
            "dad has been on a low-salt diet since his stroke, anything lighter at the canteen?",
            "canteen_menu",
        ),
    ],
)
def test_ours_told_as_a_situation_keeps_its_answer(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict


@pytest.mark.parametrize(
    "text",
    ["健身房可以洗个澡伐", "could I take a shower at the gym after a run"],
)
def test_a_thing_done_at_a_venue_its_entry_does_not_tell_is_offered(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert verdict.kind is Kind.SUGGEST, verdict


@pytest.mark.parametrize(
    ("text", "venue_id"),
    [
        ("coworking", "shared_studio"),
        ("is there a co-working space", "shared_studio"),
        ("卫生站在中心里面还是外头单独一间", "health_station"),
        ("夜校那个房间在哪里 三楼还是四楼", "night_school"),
        ("我第一次去照相馆 怕走错 在哪栋楼", "photo_studio"),
    ],
)
def test_a_place_named_or_located_is_its_card(
    matcher: QuestionMatcher, text: str, venue_id: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue_id,)), verdict


def test_working_and_cooking_are_no_coworking(matcher: QuestionMatcher) -> None:
    for text in ("is the canteen cooking fish this week", "I'm working late, is the gym open"):
        verdict = matcher.understand(text, THURSDAY)
        assert "shared_studio" not in verdict.venue_ids, (text, verdict)


def test_coworking_hours_on_a_day(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("coworking space open on saturday?", THURSDAY)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (
        Kind.HOURS,
        ("shared_studio",),
        (date(2026, 12, 5),),
    ), verdict


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("what's actually open at the centre on saturday", date(2026, 12, 5)),
        ("anything still open today? I have the next couple of hours free", THURSDAY),
    ],
)
def test_what_is_actually_open_is_the_overview(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.OVERVIEW, (day,)), verdict


def test_a_stroke_now_is_still_an_emergency(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("I think my dad is having a stroke", THURSDAY)
    assert verdict.kind is Kind.NONE, verdict
    assert verdict.concern is not None, verdict


@pytest.mark.parametrize(
    ("text", "venue_id", "day"),
    [
        # a lunar day with its lunar word and no month (today is lunar 10/25)
        ("农历廿六那天 陪外婆去卫生站", "health_station", date(2026, 12, 4)),
        ("阴历十五食堂开不开", "canteen", date(2026, 12, 23)),
        # a festival told as missed, a day planned in a clause of its own, the question after
        ("立冬那天我没去成 打算礼拜天去 健身房开不开", "gym", date(2026, 12, 6)),
        (
            "missed the thanksgiving talk, planning to come tomorrow, is the event space open?",
            "event_space",
            date(2026, 12, 4),
        ),
    ],
)
def test_a_day_told_in_a_story_is_read(
    matcher: QuestionMatcher, text: str, venue_id: str, day: date
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue_id,), (day,)), (
        verdict
    )


def test_a_lunar_month_named_keeps_its_month(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("农历十二月初八食堂开吗", THURSDAY)
    assert verdict.days == (date(2027, 1, 15),), verdict


@pytest.mark.parametrize(
    ("text", "faq_id"),
    [
        # meals for one who cannot come out: "now" is the state told, not the day asked
        (
            "mum is housebound now, can she still have the canteen's meals somehow?",
            "canteen_delivery",
        ),
        ("外公现在下不了楼了 以前天天来食堂 还能吃到你们的饭伐", "canteen_delivery"),
        # the road a place is on: its site's address entry
        ("食堂在什么路上", "address_1690"),
        ("what street is the gym on", "address_changfeng"),
        ("听说附近有个驿站可以跳舞 具体在哪条路", "address_changfeng"),
    ],
)
def test_a_state_or_a_road_told_finds_its_entry(
    matcher: QuestionMatcher, text: str, faq_id: str
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq_id), verdict


def test_a_medicine_taken_is_still_not_a_meal(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("这个降压药饭后能吃吗", THURSDAY)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST), verdict
