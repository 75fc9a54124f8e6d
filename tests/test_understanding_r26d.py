"""Round twenty-six, session sixteen (dev93's failures by class): carers, students and elderly
residents around 端午. Others' figures, bodies, shops and sites are not ours; an exam or a month
told as the story is no day asked; a date named again by its weekday ("10月10号那个周六") is that
date; the weekend after an event of one's own is asked; a dish asked of the canteen is its menu;
a card left at a venue is lost property. Dates injected, never the real one."""

from __future__ import annotations

from datetime import date

import pytest

from bot.understanding.matcher import Kind, QuestionMatcher

THURSDAY = date(2026, 6, 18)  # the eve of 端午 (Fri 06-19; break 06-19..06-21)
BREAK = (date(2026, 6, 19), date(2026, 6, 20), date(2026, 6, 21))


@pytest.mark.parametrize(
    "text",
    [
        # an allowance's amount: the office that pays it
        "残疾人补贴每个月多少钱",
        "困难补助一个月能拿多少",
        "低保标准是多少",
        "how much is the carer subsidy each month",
        # another body's number or door: the district's, not ours
        "民政局电话多少",
        "区残联在哪里",
        "what's the number of the disabled persons federation",
        # where to buy a thing: a shop's
        "哪里买得到便宜的助听器",
        "在哪里可以买到拐杖",
        "where can I buy a cheap wheelchair",
        # another site's password or account
        "随申办的密码忘了怎么办",
        "志愿者平台账号登不上了",
        "I forgot my password for the volunteer website",
        # whether one may sue: the law's answer
        "楼上漏水 我可以告他吗",
        "物业不管 能不能起诉物业",
        "my boss hasn't paid me, can I take him to court?",
        "can I sue my neighbour for the noise",
    ],
)
def test_not_ours_to_answer(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.NONE


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        ("wifi密码忘了", "wifi"),
        ("无线网的密码是多少", "wifi"),
        ("房东不退押金怎么办 能找律师帮忙吗", "legal_aid_how"),
        ("my landlord won't return my deposit, can a lawyer there help me?", "legal_aid_how"),
    ],
)
def test_ours_on_those_topics_stay(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


# (text, venue, days): the story's exam, month or cooking is no day and no topic
DAYS_READ = [
    ("高考结束了 明天照相馆开吗 想拍张照", "photo_studio", (date(2026, 6, 19),)),
    ("考完中考了 后天健身房开伐", "gym", (date(2026, 6, 20),)),
    ("明天健身房开吗 七月份要比赛", "gym", (date(2026, 6, 19),)),
    ("后天琴房开伐 8月要演出 想多练练", "shared_studio", (date(2026, 6, 20),)),
    ("我腿不好不怎么做饭 明天食堂开伐", "canteen", (date(2026, 6, 19),)),
    ("端午三天食堂开吗 老头子走了我就不怎么烧菜了", "canteen", BREAK),
    # a date named again by its weekday
    ("10月10号那个周六食堂开吗", "canteen", (date(2026, 10, 10),)),
    ("6月27号那个礼拜六照相馆开伐", "photo_studio", (date(2026, 6, 27),)),
    ("28号那个礼拜天健身房开吗", "gym", (date(2026, 6, 28),)),
]


@pytest.mark.parametrize(("text", "venue", "days"), DAYS_READ)
def test_the_day_asked_is_read(
    matcher: QuestionMatcher, text: str, venue: str, days: tuple[date, ...]
) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.venue_ids, verdict.days) == (Kind.HOURS, (venue,), days)


@pytest.mark.parametrize(
    "text",
    [
        "6月27号那个周日食堂开吗",  # the 27th is a Saturday: which day?
        "is the gym open the saturday before his operation",
        "is the canteen open the weekend after grandma's surgery",
        "the weekend after my exams, is the health station open",
    ],
)
def test_a_day_in_doubt_is_asked(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.CLARIFY_DAY


@pytest.mark.parametrize(
    "text",
    [
        "我妈一直问我今天几号，我也记不清了，今天到底几号？",
        "放了三天假 人都过糊涂了 今天星期几",
        "今天究竟礼拜几",
    ],
)
def test_today_asked_after_a_story(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.TODAY


@pytest.mark.parametrize(
    "text",
    ["食堂在哪里 进门往哪边走", "卫生站在哪 进去往哪边拐", "照相馆在几楼 出电梯往左还是往右"],
)
def test_the_way_from_the_door_is_where(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).kind is Kind.VENUE


@pytest.mark.parametrize(
    ("text", "faq"),
    [
        # a dish asked of the canteen: its menu (a festival named asks the hours)
        ("食堂有没有馄饨卖", "canteen_menu"),
        ("后天食堂有汤圆伐", "canteen_menu"),
        ("does the canteen have zongzi", "canteen_menu"),
        ("is there congee at the canteen today", "canteen_menu"),
        # a thing left at a venue: lost property, whatever the thing
        ("社保卡忘在照相馆了 有人捡到伐", "lost_found"),
        ("我爸的老年卡落在健身房了", "lost_found"),
        ("I left my ID card at the canteen, has anyone found it", "lost_found"),
        # …unless its replacement is asked
        ("社保卡掉在食堂了 怎么补办", "window_services"),
    ],
)
def test_what_the_question_is_about(matcher: QuestionMatcher, text: str, faq: str) -> None:
    verdict = matcher.understand(text, THURSDAY)
    assert (verdict.kind, verdict.faq_id) == (Kind.FAQ, faq)


def test_a_festival_named_with_a_dish_asks_the_hours(matcher: QuestionMatcher) -> None:
    verdict = matcher.understand("食堂端午有粽子卖吗", THURSDAY)
    assert (verdict.kind, verdict.days) == (Kind.HOURS, (date(2026, 6, 19),))


@pytest.mark.parametrize(
    "text",
    [
        "暑假有没有适合小学生的活动",
        "有什么活动给高中生参加",
        "有没有讲老年人防诈骗的讲座",
        "最近有没有关于家里老人防跌倒的讲座",
    ],
)
def test_pupils_and_long_topics_are_events(matcher: QuestionMatcher, text: str) -> None:
    assert matcher.understand(text, THURSDAY).feature == "events"
