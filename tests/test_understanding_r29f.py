"""Round twenty-nine (tuner f, a hunter of long, chatty, multi-sentence messages; dev116).
Classes fixed, each once asked back "which day?" though the story's day and the day asked
were plain: a filler word of speech ("我想问一下就是我昨天…", "就是人多", "sorry for the long
message") was read as a correction joining two days, so a day gone by told in the story kept
the day asked from being answered: now a filler (就是, 即, that is, sorry) is a correction only
right before the day it gives ("周五也就是明天"), while 不对 / 哦不 / 我是说 / i mean stay
corrections wherever they are; the moment told as the resident's state ("现在又要拍一张寸照",
"I have it now") beside a day to come asked in another clause was read as today: now the
story's; a weekend told in the story ("我女儿周末要回来看我", "my daughter is visiting this
weekend") beside one of its days asked in a clause of its own: now that day ("周末开吗，礼拜天
呢" still asks both, "周末 礼拜天" alone still asks which); a visit gone by told with "when"
("the rooms were packed when I went on Sunday") or "上次" ("上次礼拜六去的时候律师在的")
beside a day asked: now the story's. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

WED = date(2026, 11, 18)  # Wednesday, no holiday nor make-up day near
THU, FRI, SAT, SUN = (date(2026, 11, d) for d in (19, 20, 21, 22))
NEXT_WED = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("我昨天去食堂吃饭，就是人多，礼拜六食堂中饭几点开始", "canteen", (SAT,)),
        ("喂你好我想问一下就是我昨天去了一趟卫生站但是下班了我想明天再去明天卫生站几点开门",
         "health_station", (THU,)),
        ("就是前天去窗口办事排了很久，后天窗口几点开", "service_window", (FRI,)),
        ("Sorry for the long message, I went there on Tuesday. Is the gym open tomorrow?", "gym",
         (THU,)),
        ("sorry to bother you, I was at the clinic yesterday, is it open on Friday",
         "health_station", (FRI,)),
        # near misses: a correction stays one, wherever it is
        ("昨天，不对，今天食堂开吗", "canteen", (WED,)),
        ("yesterday, i mean today, is the gym open", "gym", (WED,)),
    ],
)  # fmt: skip
def test_a_filler_word_is_no_correction_of_the_story_day(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days), verdict


@pytest.mark.parametrize(
    "text",
    [
        "周五也就是明天食堂开吗",  # a filler right before the day it gives: which day?
        "礼拜五，就是后天，不对，礼拜六卫生站开吗",
    ],
)
def test_a_day_given_right_after_a_filler_is_still_a_correction(
    matcher: QuestionMatcher, text: str
) -> None:
    verdict = matcher.understand(text, WED)
    assert verdict.kind in (Kind.CLARIFY_DAY, Kind.HOURS), verdict
    assert verdict.kind == Kind.CLARIFY_DAY or verdict.days != (THU,), verdict


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("现在想拍张证件照，后天照相馆开门吗", "photo_studio", (FRI,)),
        ("我十月份去照相馆拍过证件照，现在又要拍一张寸照，这个礼拜天照相馆开门伐", "photo_studio",
         (SUN,)),
        ("I went last week but was missing a document. I have it now, is the window open tomorrow?",
         "service_window", (THU,)),
        ("目前在外地出差，下礼拜三窗口开吗", "service_window", (NEXT_WED,)),
        # near misses: the moment asked
        ("现在卫生站开着吗", "health_station", (WED,)),
        ("健身房现在开着伐", "gym", (WED,)),
    ],
)  # fmt: skip
def test_the_moment_told_as_a_state_is_the_story(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days), verdict


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("我女儿周末要回来看我，我想带她去健身房锻炼一下，礼拜天健身房几点关门", "gym", (SUN,)),
        ("周末终于可以休息了，这个星期六健身房几点开门", "gym", (SAT,)),
        ("周末我想去活动室看看书 礼拜六开到几点", "activity_rooms", (SAT,)),
        ("My daughter is visiting this weekend. Is the gym open on Sunday?", "gym", (SUN,)),
        ("we're free at the weekend, is the photo studio open saturday?", "photo_studio", (SAT,)),
        # near misses: the weekend asked, then one of its days asked too
        ("周末健身房开吗，礼拜天呢", "gym", (SAT, SUN)),
        ("周末和礼拜六健身房开吗", "gym", (SAT, SUN)),
    ],
)  # fmt: skip
def test_a_weekend_told_leaves_its_day_asked(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days), verdict


@pytest.mark.parametrize("text", ["周末 礼拜天 健身房开伐", "这个周末礼拜六健身房开吗"])
def test_a_weekend_and_its_day_alone_still_ask(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WED)
    assert verdict.kind == Kind.CLARIFY_DAY, verdict


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("The activity rooms were packed when I went on Sunday. Are they open tomorrow evening?",
         "activity_rooms", (THU,)),
        ("It was closed when we came on Monday. Is the photo studio open on Friday?",
         "photo_studio", (FRI,)),
        ("上次礼拜六去的时候律师在的，明天法律援助有人吗", "legal_aid", (THU,)),
        ("上回礼拜天来的辰光人老多额，礼拜五健身房开到几点", "gym", (FRI,)),
    ],
)  # fmt: skip
def test_a_visit_gone_by_told_with_when_or_last_time_is_the_story(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days), verdict


def test_when_asked_stays_a_question(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("When is the gym open on Sunday? I want to go tomorrow", WED)
    assert verdict.kind == Kind.CLARIFY_DAY or SUN in verdict.days, verdict


@pytest.mark.parametrize(
    ("text", "venue", "days"),
    [
        ("昨天在活动室下棋听人家说健身房有跑步机，我也想去试试，健身房今天晚上开到几点", "gym",
         (WED,)),
        ("上次去卫生站的时候医生说照相馆可以拍医保卡照片，我想明天先去照相馆拍，照相馆明天开吗",
         "photo_studio", (THU,)),
        ("上礼拜去过食堂，我想去卫生站，明天卫生站开吗", "health_station", (THU,)),
        ("I was at the canteen yesterday and someone mentioned free legal advice. Is the legal aid "
         "desk open this afternoon?", "legal_aid", (WED,)),
        ("My wife went to the clinic last Tuesday. Is the photo studio open on Friday?",
         "photo_studio", (FRI,)),
    ],
)  # fmt: skip
def test_a_place_of_the_story_gone_by_is_not_asked(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days), verdict


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        # near misses: both places asked, or the other place's clause neither told nor asked
        ("明天窗口和卫生站都开吗", {"service_window", "health_station"}),
        ("昨天去了食堂，今天食堂和卫生站开吗", {"canteen", "health_station"}),
        ("我明天上午要去窗口办医保，办完想顺便去卫生站配药，明天窗口和卫生站都开吗",
         {"service_window", "health_station"}),
        ("上礼拜去过食堂，我想去卫生站，明天开吗", {"canteen", "health_station"}),
    ],
)  # fmt: skip
def test_places_asked_or_planned_are_kept(
    matcher: QuestionMatcher, text: str, venues: set[str]
) -> None:
    verdict = matcher.understand(text, WED)
    assert set(verdict.venue_ids) == venues, verdict


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("我刚搬到这个小区不久，好多地方还不熟，听说有个公益照相馆，照相馆在哪里几楼",
         "photo_studio"),
        ("我朋友说长风湾有个健身房挺好，我找了半天没找到，健身房到底在哪里", "gym"),
        ("我女儿想租个琴房练琴，她问共享工作室在哪里，是在长风湾驿站几楼", "shared_studio"),
        ("我刚搬来，照相馆在哪里", "photo_studio"),
        ("我昨天去过食堂，卫生站在哪一边", "health_station"),
    ],
)  # fmt: skip
def test_where_a_place_is_after_a_story_is_its_card(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.venue_ids) == (Kind.VENUE, (venue,)), verdict


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        # near misses: the story asks something else, or the last clause does
        ("健身房怎么办卡，健身房在哪里", "gym_card"),
        ("我想拍证件照，照相馆多少钱在哪里", "photo_services"),
        ("我刚搬来，健身房在哪里办卡", "gym_card"),
    ],
)
def test_where_beside_another_question_stays_that_entry(
    matcher: QuestionMatcher, text: str, faq: str
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq), verdict


@pytest.mark.parametrize(
    ("text", "venues", "days"),
    [
        ("Long week at work. Which places at the centre are open tomorrow?", (), (THU,)),
        ("Busy week at work. Is the gym open tomorrow?", ("gym",), (THU,)),
        ("Crazy week, is the canteen open tomorrow?", ("canteen",), (THU,)),
        ("It has been a long week. Is the gym open on Saturday?", ("gym",), (SAT,)),
    ],
)
def test_the_week_told_as_the_residents_is_no_day(
    matcher: QuestionMatcher, text: str, venues: tuple[str, ...], days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert (verdict.venue_ids, verdict.days) == (venues, days), verdict
    assert verdict.kind in (Kind.HOURS, Kind.OVERVIEW), verdict


@pytest.mark.parametrize(
    "text", ["is the gym open all week?", "Is the canteen open during the week?"]
)
def test_a_week_asked_still_asks_which_day(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, WED)
    assert verdict.kind == Kind.CLARIFY_DAY, verdict


@pytest.mark.parametrize(
    ("text", "venues"),
    [
        ("I'm a night-shift nurse and only free late. Is the gym open the day after tomorrow?",
         ("gym",)),
        ("My son is a doctor, he says I should exercise. Is the gym open tomorrow?", ("gym",)),
        ("She works as a photographer. Is the legal aid desk open on Saturday?", ("legal_aid",)),
        # near misses: the trade is the place asked
        ("Is the nurse in tomorrow? and the gym?", ("health_station", "gym")),
        ("I need a doctor and the gym, open tomorrow?", ("health_station", "gym")),
    ],
)  # fmt: skip
def test_a_trade_of_someone_is_not_the_place(
    matcher: QuestionMatcher, text: str, venues: tuple[str, ...]
) -> None:
    verdict = matcher.understand(text, WED)
    assert verdict.venue_ids == venues, verdict
