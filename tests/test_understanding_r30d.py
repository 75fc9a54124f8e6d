"""Round thirty (hunter d, dev119: other places and bodies asked about in the same breath as
ours, reference Thursday 2026-12-03). Classes fixed:
another place or body told first as the resident's story, asking nothing and naming no day, then
one of our places asked in a clause of its own ("去完超市去健身房，周日健身房几点关门", "区图书馆
太远了，你们阅览室周日开吗", "单位食堂太贵，你们社区食堂中午几点开饭") was declined: now the last
clause's hours (not when the story names the same place of ours owned by another and the question
does not say it is ours, nor when a centre not ours is told first and the question does not
say ours: "隔壁街道新开了个党群服务站，活动室周日开吗",
nor when the question points back: "…，那边周一开吗"); people met at
another place ("老年大学的老同学约我去你们棋牌室") are no place asked; our station named after
"旁边那个" ("长风公园旁边那个长风湾驿站的活动空间") is ours; a staff's, a school's or an office
tower's own canteen ("员工食堂", "职工食堂", "the staff canteen", "office building canteen") and
the subdistrict's cultural centre ("社区文化活动中心"), the resident's block ("我们楼里的健身房"),
a park's or a metro station's ("公园的活动室", "地铁站里的照相机") and a neighbouring subdistrict's
named bare ("曹杨的社区食堂") were our places: not ours; the classes of a
school named ("学校周六上课吗", "do schools have classes on saturday") were our night school's:
not ours, while our night school named beside a child's school ("孩子学校放假了，夜校周六上课吗")
is now ours; a kind of pupil or firm asked its own break ("小学生元旦放几天", "外企元旦放几天",
"寒假放几天", "how many days off do schools get for new year") was the year's arrangement: now not
ours; another's place of our kind told first as existing, then the same word asked bare
("我儿子学校有个食堂，食堂周末开吗", "my office has a gym, is the gym open on sunday") was ours: now
theirs. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

DEC_3 = date(2026, 12, 3)  # Thursday
FRI = date(2026, 12, 4)
SAT = date(2026, 12, 5)
SUN = date(2026, 12, 6)
MON = date(2026, 12, 7)
NEW_YEAR = date(2027, 1, 1)


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("刚从菜市场买好菜回来，卫生站明天开伐", "health_station", FRI),
        ("逛完商场去照相馆拍证件照，礼拜天照相馆开伐", "photo_studio", SUN),
        ("区里的图书馆装修了，你们阅览室周六开吗", "activity_rooms", SAT),
        ("公司食堂太难吃，你们食堂明天中午开伐", "canteen", FRI),
        ("妈妈单位食堂装修，阿拉食堂礼拜六开伐", "canteen", SAT),
        ("从环球港出来去健身房，今天健身房开到几点", "gym", DEC_3),
        ("超市里的同事约我去你们健身房，周日健身房开伐", "gym", SUN),
        ("长风公园旁边那个长风湾驿站，健身房周六几点开", "gym", SAT),
        ("孩子学校放假了，夜校周六上课吗", "night_school", SAT),
        ("my son's school is closed, is the night school on saturday", "night_school", SAT),
        ("Been to the supermarket already, is the gym open on Sunday", "gym", SUN),
        ("去了趟长风湾驿站，健身房周日开吗", "gym", SUN),
        ("隔壁街道新开了个党群服务站，你们活动室周日开吗", "activity_rooms", SUN),
    ],
)
def test_a_story_of_another_place_then_ours_asked(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert venue in verdict.venue_ids
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize(
    "text",
    [
        # the story's own place asked back, or ours not said in the question
        "我在员工食堂上班，食堂元旦开吗",
        "超市人太多了，那边周日开吗",
        "隔壁街道新开了个党群服务站，活动室周日开吗",
        # a staff's, a school's or an office tower's own canteen
        "职工食堂周日开伐",
        "教工食堂几点开饭",
        "写字楼里的员工食堂周六开伐",
        "the staff cafeteria, is it open today",
        "what time does the office canteen close",
        # the subdistrict's cultural centre, the resident's block, a park's, a station's, a
        # neighbouring subdistrict's
        "街道文化活动中心今天开门吗",
        "阿拉楼里的健身房礼拜天开伐",
        "公园里的活动室周六开吗",
        "地铁站里的照相机几点能拍",
        "宜川的社区食堂礼拜六开伐",
        # a school's classes
        "小学礼拜一上课伐",
        "幼儿园明天上课吗",
        "do universities have classes on sunday",
        # other places beside ours
        "老年大学周日开伐",
        "长风公园旁边的那家面馆几点开",
        # a kind of pupil or firm asked its own break
        "初中生寒假放几天",
        "寒假放几天",
        "中小学元旦放不放假",
        "私企元旦放几天",
        "how many days off do companies usually give for spring festival",
        "do universities give students days off at new year",
    ],
)
def test_another_place_or_body_is_not_answered(matcher: QuestionMatcher, text: str) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind in (Kind.NONE, Kind.SUGGEST)


@pytest.mark.parametrize(
    ("text", "venue", "day"),
    [
        ("社区食堂周日开伐", "canteen", SUN),
        ("the community canteen, is it open today", "canteen", DEC_3),
        ("夜校礼拜一上课伐", "night_school", MON),
        ("are there classes on saturday", "night_school", SAT),
        ("活动中心今天开门吗", "activity_rooms", DEC_3),
        ("夜校元旦放假吗", "night_school", NEW_YEAR),
        ("住在宜川，你们食堂礼拜六开伐", "canteen", SAT),
    ],
)
def test_our_own_places_stay_answered(
    matcher: QuestionMatcher, text: str, venue: str, day: date
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days) == (day,)


@pytest.mark.parametrize("text", ["元旦放几天假", "how many days off for new year"])
def test_the_year_s_arrangement_stays_answered(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, DEC_3).kind is Kind.HOLIDAYS


@pytest.mark.parametrize(
    "text",
    [
        "女儿单位里有个健身房，健身房礼拜天开伐",
        "小区对面新开了家照相馆，照相馆几点关门",
        "my daughter's college has a canteen, is the canteen open on saturday",
    ],
)
def test_another_s_place_introduced_then_asked_bare_is_theirs(
    matcher: QuestionMatcher, text: str
) -> None:
    assert matcher.understand(text, DEC_3).kind in (Kind.NONE, Kind.SUGGEST)


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("你们中心有个阅览室，阅览室周日开吗", "activity_rooms"),
        ("小区新开了个健身房，你们健身房周日开伐", "gym"),
        ("听人家说健身房有跑步机，健身房周日开到几点", "gym"),
    ],
)
def test_ours_said_after_a_place_introduced_stays_answered(
    matcher: QuestionMatcher, text: str, venue: str
) -> None:
    verdict = matcher.understand(text, DEC_3)
    assert verdict.kind is Kind.HOURS
    assert verdict.venue_ids == (venue,)
    assert tuple(verdict.days) == (SUN,)
