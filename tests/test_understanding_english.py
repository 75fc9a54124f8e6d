"""English of every kind (round seventeen, dev40): code-switched messages, favours, permits,
storms, translations, English dates and requests (bot/understanding/)."""

from __future__ import annotations

from datetime import date

import pytest

from bot.centre import Centre
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding.matcher import Concern, Kind, QuestionMatcher
from bot.understanding.normalise import language_of

TUESDAY = date(2026, 7, 28)


@pytest.fixture(scope="module")
def matcher(centre: Centre) -> QuestionMatcher:
    return QuestionMatcher(centre, HolidayCalendar(centre.holiday_overrides))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("麻烦问下 is the canteen open this Friday?", "en"),
        ("你好 what time does the health centre close today", "en"),
        ("下周一 which places are open at the centre?", "en"),
        ("Is the photo studio open on 周六 or 周日 this week? I need a visa photo", "en"),
        ("明天 gym 开几点 thx", "zh"),  # two Chinese runs, one asks
        ("帮我翻译一下这句英文 how are you today", "zh"),  # the Chinese is the request
        ("canteen 的 soup 太淡了，想 give feedback", "zh"),
        ("8月8号 photo studio open 吗", "zh"),
    ],
)
def test_the_language_carrying_a_code_switched_message(text: str, lang: str) -> None:
    assert language_of(text) == lang


@pytest.mark.parametrize(
    "text",
    [
        "call me a cab pls, going to Pudong airport",
        "please call us an uber to the hospital for 3pm",
        "get me a taxi to the train station at 8",
    ],
)
def test_a_favour_in_a_bare_imperative(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.FAVOUR), verdict


@pytest.mark.parametrize(
    "text",
    [
        "where do I get a work visa for my husband?",
        "how do I get a Chinese driving licence as a foreigner?",
        "my employment permit expires soon, how do I renew it?",
        "translate into Chinese for me: is the gym open tomorrow",
        "把这句翻译成英文 食堂明天开门吗",
        "how do you say 'the photo studio is closed on Monday' in Chinese?",
    ],
)
def test_permits_and_translations_are_not_ours(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "kind", "faq"),
    [
        ("can you book me a room at the centre for Friday afternoon?", Kind.FAQ, "room_booking"),
        ("where can I renew my residence permit?", Kind.FAQ, "window_services"),
        ("how much is a photo for my driving licence", Kind.FAQ, "photo_services"),
    ],
)
def test_near_misses_of_favours_and_permits(
    matcher: QuestionMatcher, text: str, kind: Kind, faq: str
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (kind, faq), verdict


@pytest.mark.parametrize(
    "text",
    [
        "Can I come to the gym after the storm passes?",
        "will the canteen be open once the heatwave is over",
        "when the typhoon has gone, is the service window open?",
    ],
)
def test_a_visit_after_a_storm_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("gym open a fortnight tomorrow?", date(2026, 8, 12)),
        ("is the canteen open a fortnight today", date(2026, 8, 11)),
        ("Can I see the lawyer a fortnight on Saturday?", date(2026, 8, 15)),
        ("photo studio open Friday fortnight?", date(2026, 8, 14)),
        ("is the gym open a week tomorrow", date(2026, 8, 5)),
        ("is the canteen open on the first of August?", date(2026, 8, 1)),
        ("gym open August the fifth?", date(2026, 8, 5)),
        ("Will the photo studio be open on the twenty-first of August?", date(2026, 8, 21)),
        ("can I go to the health centre on the third of september", date(2026, 9, 3)),
        ("canteen open on Mid Autumn Festival this year?", date(2026, 9, 25)),
        ("Is the canteen open on Friday, 7 August?", date(2026, 8, 7)),
        ("photo studio open on Tuesday, August 4th?", date(2026, 8, 4)),
        ("Will the reading room be open on Thursday the 6th of August?", date(2026, 8, 6)),
    ],
)
def test_english_day_forms(matcher: QuestionMatcher, text: str, day: date) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (day,)), verdict


@pytest.mark.parametrize(
    "text",
    ["is the gym open in a fortnight", "is the gym open on Friday the 6th of August"],
)
def test_english_days_still_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("r u guys open tomorrow?", (date(2026, 7, 29),)),
        ("are you folks open this Saturday?", (date(2026, 8, 1),)),
        ("u open on friday?", (date(2026, 7, 31),)),
        ("are y'all open today", (TUESDAY,)),
    ],
)
def test_the_centre_as_you_in_text_speak(
    matcher: QuestionMatcher, text: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.days) == (Kind.OVERVIEW, days), verdict


@pytest.mark.parametrize(
    ("text", "feature", "hint"),
    [
        ("yoga course details please", "course", "yoga"),
        ("pottery classes for my mum? she's retired", "course", "pottery"),
        (
            "Tell me about the calligraphy class - do I need my own brushes?",
            "course",
            "calligraphy",
        ),
        ("I am interesting in the painting course", "course", "painting"),
        ("info on the chess club?", "course", "chess"),
        ("how do I cancel my class? I'm going back to Germany", "myclasses", None),
        ("I can't come to my course anymore, can I drop out?", "myclasses", None),
        ("I want to quit my pottery course, it clashes with work", "myclasses", None),
        ("我报的 course 在哪里上", "myclasses", None),
        ("我下一次 class 几点", "myclasses", None),
        ("yoga class 还能报吗", "course", "yoga"),
        ("guitar 班 还有位子吗", "course", "guitar"),
    ],
)
def test_english_class_requests(
    matcher: QuestionMatcher, text: str, feature: str, hint: str | None
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, feature), verdict
    if hint:
        assert hint in (verdict.course_hint or ""), verdict


def test_a_class_dropped_for_the_money_back_is_the_fees(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("if I quit my class halfway can I get a refund?", TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_fees"), verdict


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("how much for a quick snap for my visa application?", "photo_services"),
        ("what's the best way to ring the centre?", "phones"),
        ("How can I ring you guys?", "phones"),
        ("What kind of paperwork can I sort out at the one-stop counter?", "window_services"),
        ("any discount on the evening classes for students?", "night_school_fees"),
        ("Do seniors get money off meals? My mum is 82", "canteen_prices"),
        (
            "I'd like to give some of my time to help the neighbourhood. Who do I talk to?",
            "volunteer",
        ),
    ],
)
def test_english_faq_paraphrases(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq), verdict


def test_advice_asked_with_should_is_still_not_answered(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("what should I eat before a workout at the gym?", TUESDAY)
    assert verdict.kind is Kind.NONE, verdict


@pytest.mark.parametrize(
    "text",
    [
        "is there a Mid-Autumn event for families?",
        "are there any talks this month?",
        "will there be a workshop for kids in August?",
        "有 talk 或者 讲座 可以去听吗",
    ],
)
def test_an_event_of_a_kind_asked(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "events"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "is there someone at the health station who speaks English?",
        "do the staff at the legal aid desk understand Korean?",
        "can the canteen cook a halal dish for my father if we ask the day before?",
        "食堂能不能 专门 做 素的菜 给我",
    ],
)
def test_what_only_a_person_can_say(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.looks_like_question) == (Kind.NONE, True), verdict


def test_an_event_space_is_still_booked(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("is there an event space I can book for a party?", TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "room_booking"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "The health station waiting room is like a sauna, the air conditioning is broken",
        "the photo studio's aircon is broken again, it's like a steam room in there",
        "活动室空调坏了 像桑拿一样",
        "I would like to file a formal complaint about the service window staff",
        "How can I lodge a complaint about the night school teacher?",
        "Good evening. My father is 81, he has been going to the health station every month for"
        " his blood pressure check since we moved here from Singapore, and he always waits"
        " quietly. Last Thursday he waited almost two hours while others who came later were"
        " called before him, and when he asked why, nobody explained anything to him at all."
        " I would like to lodge a complaint about how he was treated.",
    ],
)
def test_complaints_in_english(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.feature) == (Kind.FEATURE, "feedback"), verdict


def test_a_sauna_asked_for_is_still_not_ours(matcher: QuestionMatcher) -> None:
    assert matcher.understand("is there a sauna at the gym?", TUESDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    "text",
    [
        "is there a reduction on evening classes for pensioners?",
        "is there a discount for evening classes if I'm unemployed?",
        "Is there a discount on night classes for uni students?",
    ],
)
def test_a_price_cut_on_classes_is_the_fees(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "night_school_fees"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "canteen open when our guests land? their flights are still not booked",
        "will the gym be open when my in-laws fly in? their flight is next month sometime",
    ],
)
def test_their_flight_is_the_familys_own(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, TUESDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("明天 有什么 facilities 开门", date(2026, 7, 29)),
        ("周日 哪些 places 开着", date(2026, 8, 2)),
        ("国庆节 1号那天 有哪些 venues 开门呀", date(2026, 10, 1)),
        ("下周一 which places are open at the centre?", date(2026, 8, 3)),
    ],
)
def test_places_named_in_english_inside_chinese(
    matcher: QuestionMatcher, text: str, day: date
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.days) == (Kind.OVERVIEW, (day,)), verdict


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("tell me a bit about the photo studio", "photo_studio"),
        ("info on the legal aid desk pls", "legal_aid"),
        ("health station address and phone number please", "health_station"),
        ("canteen address + phone pls", "canteen"),
    ],
)
def test_a_place_asked_about_as_a_whole(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,)), verdict


@pytest.mark.parametrize(
    "text",
    [
        "which metro exit is closest to your main building?",
        "How do I find your main building by subway? Which exit?",
    ],
)
def test_the_main_building_is_the_1690_centre(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "address_1690"), verdict


@pytest.mark.parametrize(
    "text",
    [
        "is there a phone number I can call to speak to a human?",
        "do you have a number I could ring to talk with a real person?",
        "Is there a number I can ring to talk to a real person?",
    ],
)
def test_a_number_to_reach_a_person_is_the_phone_list(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, "phones"), verdict


def test_a_person_asked_for_is_still_a_person(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("I want to talk to a real person", TUESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.PERSON), verdict


@pytest.mark.parametrize(
    ("text", "venue"),
    [("is the gym open on Army Day?", "gym"), ("does the canteen close for Army Day?", "canteen")],
)
def test_army_day_in_english(matcher: QuestionMatcher, text: str, venue: str) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (
        Kind.HOURS,
        (venue,),
        (date(2026, 8, 1),),
    ), verdict


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("can somebody there tell me the wifi password?", "wifi"),
        (
            "My landlord is keeping my deposit. Can someone there give me advice for free?",
            "legal_aid_how",
        ),
    ],
)
def test_someone_there_asked_to_tell_is_no_favour(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, TUESDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq), verdict


def test_someone_there_asked_to_do_a_task_is_a_favour(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("can someone there change a light bulb at my flat?", TUESDAY)
    assert (verdict.kind, verdict.concern) == (Kind.NONE, Concern.FAVOUR), verdict
