"""Round twenty-eight (session nineteen), dev110's failures by class: a named day that went by
a short while ago (within ``JUST_GONE``), asked in the past tense ("植树节那天夜校上课了吗 我那天
加班没去", "was the gym open on the Lantern Festival"), is this year's gone-by day, not its next
one; asked in the future tense, or with the tense untold, it keeps the next one; a festival said
with the "last <weekday>" it fell on is that day. A class-goer's story beside the question: an
ordinal that is someone's ("it's my first term") is no day; the asking told ("先问问有没有课")
names no course; a month of the story's own plan in a clause after the day asked ("下个月要考
级") is not asked; a venue told as a time of one's day ("下了夜校再去", "上课前", "after night
school") is not a second venue asked. A class-goer's errand is the entry asked: a bike parked on
the way to class ("去上课电瓶车停哪里"), a term's classes ("夜校春季班怎么报名"), the moment after
class ("下课了在食堂吃中饭 一顿多少钱"), a facility asked before the class joined ("Is there a
lift? …wants to join tai chi"). A hazard told with whom to tell is feedback; a record to put
right ("名字打错了 证书上要改") is a person's; "琴房是干嘛的地方" is the place's card.
Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

MARCH_16 = date(2026, 3, 16)  # Mon; 植树节 was Thu 03-12, 妇女节 Sun 03-08, 元宵 Tue 03-03
MARCH_20 = date(2026, 3, 20)  # 元宵 17 days ago
FEB_20 = date(2026, 2, 20)  # 情人节 six days ago
JAN_5 = date(2026, 1, 5)  # 冬至 was 2025-12-21, last year's
DEC_25 = date(2026, 12, 25)  # 冬至 was 12-22
JUNE_10 = date(2026, 6, 10)  # 劳动节 40 days ago, its break long over


@pytest.mark.parametrize(
    ("text", "today", "venue", "day"),
    [
        ("植树节那天夜校上课了吗？我那天加班没去", MARCH_16, "night_school", date(2026, 3, 12)),
        ("植树节食堂开了吗", MARCH_16, "canteen", date(2026, 3, 12)),
        ("植树节那天健身房有没有开？", MARCH_16, "gym", date(2026, 3, 12)),
        ("植树节那天我去了食堂，关着门", MARCH_16, "canteen", date(2026, 3, 12)),
        ("Was the canteen open on Arbor Day?", MARCH_16, "canteen", date(2026, 3, 12)),
        ("三八妇女节那天卫生站开了没", MARCH_16, "health_station", date(2026, 3, 8)),
        ("Did the health station open on women's day?", MARCH_20, "health_station",
         date(2026, 3, 8)),
        ("元宵节那天夜校有没有上课？我没去", MARCH_20, "night_school", date(2026, 3, 3)),
        ("元宵节那天健身房开了吗", MARCH_20, "gym", date(2026, 3, 3)),
        ("Was the gym open on the Lantern Festival?", MARCH_20, "gym", date(2026, 3, 3)),
        ("did the canteen open on Lantern Festival?", MARCH_20, "canteen", date(2026, 3, 3)),
        ("情人节那天照相馆开了吗", FEB_20, "photo_studio", date(2026, 2, 14)),
        ("Valentine's day was the photo studio open?", FEB_20, "photo_studio",
         date(2026, 2, 14)),
        ("冬至那天食堂开了吗", DEC_25, "canteen", date(2026, 12, 22)),
        ("冬至那天食堂开了吗", JAN_5, "canteen", date(2025, 12, 21)),
        ("Was the canteen open on the winter solstice?", JAN_5, "canteen", date(2025, 12, 21)),
        ("劳动节那天照相馆开了没", JUNE_10, "photo_studio", date(2026, 5, 1)),
    ],
)  # fmt: skip
def test_a_named_day_just_gone_asked_in_the_past_is_this_years(
    matcher: QuestionMatcher, text: str, today: date, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("past", "other", "today", "gone", "next_one"),
    [
        ("植树节食堂开了吗", "植树节食堂开吗", MARCH_16, date(2026, 3, 12), date(2027, 3, 12)),
        ("植树节那天食堂有没有开", "植树节那天食堂会不会开", MARCH_16, date(2026, 3, 12),
         date(2027, 3, 12)),
        ("植树节那天我去过食堂 开着的吗", "下个植树节食堂开了吗", MARCH_16, date(2026, 3, 12),
         date(2027, 3, 12)),
        ("Was the gym open on lantern festival?",
         "Will the gym be open on lantern festival? I missed it last time", MARCH_20,
         date(2026, 3, 3), date(2027, 2, 20)),
        ("did the gym open on lantern festival",
         "was wondering if the gym is open on lantern festival", MARCH_20, date(2026, 3, 3),
         date(2027, 2, 20)),
        ("情人节照相馆开了没", "情人节照相馆开吗", FEB_20, date(2026, 2, 14), date(2027, 2, 14)),
        ("冬至食堂开了吗", "冬至食堂开吗", DEC_25, date(2026, 12, 22), date(2027, 12, 22)),
    ],
)  # fmt: skip
def test_the_tense_tells_the_gone_by_day_from_the_next_one(
    matcher: QuestionMatcher, past: str, other: str, today: date, gone: date, next_one: date
) -> None:
    """Past tense: this year's, gone by; future tense or none told: the next one, as before."""
    asked = matcher.understand(past, today)
    assert asked.kind is Kind.HOURS
    assert asked.days == (gone,)
    kept = matcher.understand(other, today)
    if kept.kind is Kind.CLARIFY_DAY:  # r29e: asked bare in the present days after ("植树节食堂
        # 开吗"): this year's gone by or next year's? Asked with both
        assert kept.candidates == (gone, next_one)
        return
    assert kept.kind is Kind.HOURS
    assert kept.days == (next_one,)


@pytest.mark.parametrize(
    ("text", "other", "today", "venue", "day"),
    [
        ("Was the canteen open on Arbor Day last Thursday? My mum insists it was shut",
         "Was the canteen open on Arbor Day last Friday?", MARCH_16, "canteen",
         date(2026, 3, 12)),
        ("gym last thursday on arbor day, was it open?", "gym last wednesday on arbor day?",
         MARCH_16, "gym", date(2026, 3, 12)),
        ("Arbor Day last Thursday, was the photo studio open",
         "Arbor Day last Friday, was the photo studio open", MARCH_16, "photo_studio",
         date(2026, 3, 12)),
        ("was the gym open last sunday for women's day",
         "was the gym open last saturday for women's day", MARCH_16, "gym", date(2026, 3, 8)),
        ("was the gym open on the lantern festival last tuesday?",
         "was the gym open on the lantern festival last monday?", date(2026, 3, 6), "gym",
         date(2026, 3, 3)),
    ],
)  # fmt: skip
def test_a_festival_said_with_last_weekday_it_fell_on_is_that_day(
    matcher: QuestionMatcher, text: str, other: str, today: date, venue: str, day: date
) -> None:
    """The weekday it was: that day; another weekday than the festival's: asked."""
    verdict = matcher.understand(text, today)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)
    assert matcher.understand(other, today).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("does the night school have class on Saturday afternoon this week, and until when? "
         "it's my first term", "night_school", date(2026, 3, 21)),
        ("is the gym open saturday? it's my first term", "gym", date(2026, 3, 21)),
        ("is the canteen open friday? this is our second semester here", "canteen",
         date(2026, 3, 20)),
        ("night school on wednesday? my first course with you", "night_school",
         date(2026, 3, 18)),
        # the asking told is no subject of a class
        ("春分那天夜校上不上课？我想请半天假去看油菜花，先问问有没有课", "night_school",
         date(2026, 3, 20)),
        ("清明那天夜校上课吗？打听一下有没有课", "night_school", date(2026, 4, 5)),
        # a month of the story's own plan, after the day asked
        ("礼拜天琴房开伐，阿拉囡囡下个月要考级，想多练练", "shared_studio", date(2026, 3, 22)),
        ("周六琴房几点开？孩子下个月要考试了", "shared_studio", date(2026, 3, 21)),
        # a venue told as a time of one's own day
        ("礼拜五夜里健身房开到几点？想下了夜校再去练一练", "gym", date(2026, 3, 20)),
        ("明天食堂几点开，上课前想先吃口饭", "canteen", date(2026, 3, 17)),
        ("明天健身房开到几点，夜校下课以后想去练练", "gym", date(2026, 3, 17)),
        ("what time does the gym close on friday? I want to go after night school", "gym",
         date(2026, 3, 20)),
    ],
)  # fmt: skip
def test_a_class_goers_story_beside_the_question_is_not_asked(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, MARCH_16)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert verdict.days == (day,)


@pytest.mark.parametrize(
    ("story", "asked"),
    [
        ("这周四周五两天食堂晚饭几点开始，上课前想先吃口饭", "明天食堂和夜校几点开"),
        ("明天食堂几点开，上夜校前想先吃口饭", "明天夜校和食堂几点开"),
    ],
)
def test_a_venue_of_ones_schedule_is_dropped_two_asked_stay_an_overview(
    matcher: QuestionMatcher, story: str, asked: str
) -> None:
    told = matcher.understand(story, MARCH_16)
    assert told.kind is Kind.HOURS
    assert told.venue_ids == ("canteen",)
    both = matcher.understand(asked, MARCH_16)
    assert both.kind is Kind.OVERVIEW
    assert set(both.venue_ids) == {"canteen", "night_school"}


@pytest.mark.parametrize(
    ("story", "asked"),
    [
        ("礼拜天琴房开伐，阿拉囡囡下个月要考级", "下个月要去，礼拜三健身房开伐"),
        ("礼拜三健身房开伐，我下个月要比赛", "礼拜三健身房开伐，下个月要去"),
    ],
)
def test_a_month_of_a_plan_is_the_storys_a_month_of_the_visit_is_asked(
    matcher: QuestionMatcher, story: str, asked: str
) -> None:
    assert matcher.understand(story, MARCH_16).kind is Kind.HOURS
    assert matcher.understand(asked, MARCH_16).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        # a vehicle parked on the way to class: no class missed
        ("去上课电瓶车停哪里", "parking"),
        ("来上课自行车停在哪里", "parking"),
        ("晚上上课汽车停哪儿", "parking"),
        # a term's classes, no subject named: the night school's sign-up
        ("夜校春季班怎么报名？手机上能报吗", "night_school_signup"),
        ("夜校秋季班怎么报名", "night_school_signup"),
        ("how do I sign up for the spring term night classes?", "night_school_signup"),
        # the moment of one's day, not the class's fees
        ("下课了在食堂吃中饭，一顿多少钱", "canteen_prices"),
        ("上完课去食堂吃晚饭，多少钱一顿", "canteen_prices"),
        # a facility asked first, the class only why the resident comes
        ("Is there a lift? My dad uses a wheelchair and wants to join tai chi", "accessibility"),
        ("有没有电梯？我爸腿脚不好，想报太极班", "accessibility"),
        ("有停车位吗？我想报书法班", "parking"),
        ("is there parking? my mum wants to join the calligraphy class", "parking"),
    ],
)
def test_a_class_goers_errand_is_the_entry_asked(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, MARCH_16)
    assert verdict.kind is Kind.FAQ
    assert verdict.faq_id == faq


@pytest.mark.parametrize(
    ("errand", "course", "hint"),
    [
        ("有停车位吗？我想报书法班", "书法班还有名额吗？我想报", "书法"),
        ("Is there a lift? My dad wants to join tai chi",
         "Any room left in the knitting class? I'd like to join", "knitting"),
        ("去上课电瓶车停哪里", "我想报书法班", "书法"),
    ],
)  # fmt: skip
def test_the_class_asked_first_stays_the_course(
    matcher: QuestionMatcher, errand: str, course: str, hint: str
) -> None:
    assert matcher.understand(errand, MARCH_16).kind is Kind.FAQ
    verdict = matcher.understand(course, MARCH_16)
    assert verdict.feature == "course"
    assert verdict.course_hint == hint


@pytest.mark.parametrize(
    "text",
    [
        "The dance room floor is really slippery, someone nearly fell last night. Who do I tell?",
        "活动室地板很滑，昨天有人差点摔跤，跟谁讲？",
        "the handrail in the gym is loose, who should I tell?",
        "the stairs by the canteen are dangerous, who do I tell?",
        "食堂门口地上很滑，差点摔跤，跟谁讲",
    ],
)
def test_a_hazard_told_with_whom_to_tell_is_feedback(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, MARCH_16)
    assert verdict.kind is Kind.FEATURE
    assert verdict.feature == "feedback"


@pytest.mark.parametrize(
    "text",
    [
        "我报名的时候名字打错了，结业证书上要改过来，能帮我弄一下吗",
        "报名夜校的时候姓名写错了，证书要改一下",
    ],
)
def test_a_record_to_put_right_is_a_persons_not_a_course(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, MARCH_16)
    assert verdict.kind is Kind.NONE
    assert verdict.looks_like_question


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("琴房是干嘛的地方", "shared_studio"),
        ("健身房是干嘛的地方", "gym"),
        ("照相馆是做什么的地方？", "photo_studio"),
        ("活动室是干什么用的房间", "activity_rooms"),
    ],
)
def test_what_a_place_is_for_with_its_place_word_is_its_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, MARCH_16)
    assert verdict.kind is Kind.VENUE
    assert verdict.venue_ids == (venue,)
