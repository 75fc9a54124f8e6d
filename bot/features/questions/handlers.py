"""Free text: hours for a venue and a day, a venue's details, the FAQ, or "did you mean…"."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import get_args

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import CallbackQueryHandler, MessageHandler, filters

from bot import dates
from bot.callbacks import encode
from bot.commands import CommandSpec
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.askstaff import handlers as askstaff
from bot.features.askstaff.buttons import SendDraft
from bot.features.events import resident as events_resident
from bot.features.feedback.buttons import OpenForm
from bot.features.feedback.resident import keep_words
from bot.features.holidays.text import next_break_note, resident_year_text, today_note
from bot.features.hours.buttons import day_of
from bot.features.hours.handlers import (
    HoursServices,
    load_book,
    now_local,
    services_of,
    venue_buttons,
    week_buttons,
)
from bot.features.hours.text import (
    date_text,
    days_answer_text,
    days_overview_text,
    hhmm,
    overview_text,
    venue_info_text,
)
from bot.features.nightschool import handlers as nightschool
from bot.features.questions import concerns, followups
from bot.features.questions.buttons import FaqEntry, FaqIn, PickDay
from bot.i18n import Translator, message_keys
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.services.form_words import FormWord, form_word
from bot.services.hours import HoursBook, Status
from bot.tg.buttons import matches, pressed, pressed_any
from bot.tg.reply import send
from bot.understanding.festivals import ordinary_festival
from bot.understanding.followup import (
    ClockSaid,
    FollowUp,
    PartSaid,
    asked,
    clock_asked,
    clock_hours,
    follow_up,
    may_follow,
    meal_asked,
    part_asked,
    part_hours,
    standalone,
)
from bot.understanding.matcher import (
    Kind,
    QuestionMatcher,
    Understanding,
    about_meals,
    says_more_than_asking,
    suggestion_entries,
)
from bot.understanding.normalise import normalise
from bot.understanding.timex import impossible_date

VERDICT_KEY = "questions_verdict"  # set on the context by the filter: understood once

COMMANDS: list[CommandSpec] = []

# "下午几点关门": what the day's hours say about that part of the day.
PART_TEXTS = message_keys(
    get_args(PartSaid),
    {
        "closed": "qa-part-closed",
        "closes": "qa-part-closes",
        "open-until": "qa-part-open-until",
        "opens": "qa-part-opens",
        "open-from": "qa-part-open-from",
    },
)

# "今晚八点半还开吗": what the day's hours say at that minute.
CLOCK_TEXTS = message_keys(
    get_args(ClockSaid),
    {"open": "qa-clock-open", "opens-later": "qa-clock-opens-later", "closed": "qa-clock-closed"},
)

# "食堂晚饭几点": the meal's own label.
MEAL_LABELS = {
    "breakfast": "hours-label-breakfast",
    "lunch": "hours-label-lunch",
    "dinner": "hours-label-dinner",
}

# The next break asked ("下一个假期是什么时候", "when's the next public holiday"): named first
_NEXT_BREAK = re.compile(
    r"下一?个(?:假期|节假日|法定假日?|长假|小长假)|(?:接下来|最近|下一次|下次)[^，,。？?]{0,4}放假"
    r"|\bnext\s+(?:public\s+|bank\s+|national\s+|long\s+)?(?:holiday|long\s+weekend)\b"
)

# The lunar calendar named in a question for today's date ("今朝农历几号", "lunar date today")
_LUNAR_ASKED = re.compile(r"农历|阴历|\blunar\b")


class _Understood(filters.MessageFilter):
    """Text this feature can do something with: an answer, suggestions, or a real question.

    A data filter: the verdict is handed to :func:`answer_text` on the context, so each
    message is understood once. Anything else (a stray "ok", keyboard mashing) is left to the
    common fallback.
    """

    def __init__(self, matcher: QuestionMatcher, runtime: Runtime) -> None:
        super().__init__(name="questions.understood", data_filter=True)
        self._matcher = matcher
        self._runtime = runtime

    def filter(self, message: Message) -> dict[str, list[Understanding]] | None:
        if not message.text or form_word(message.text) is FormWord.LEAVE:
            return None  # a lone "取消" no form took: the common fallback says nothing is open
        now = now_local(self._runtime)
        verdict = self._matcher.understand(message.text, now.date(), now.time())
        if verdict.kind is Kind.NONE and not verdict.looks_like_question:
            return None
        return {VERDICT_KEY: [verdict]}


def _verdict(context: FrontdeskContext, text: str, today: date) -> Understanding:
    """The filter's verdict (or, when the handler is called otherwise, a fresh one)."""
    found = getattr(context, VERDICT_KEY, None)
    if isinstance(found, list) and found and isinstance(found[-1], Understanding):
        return found[-1]
    return services_of(context).matcher.understand(text, today)


def _translator(context: FrontdeskContext, lang: str | None) -> Translator:
    """Answer in the question's language when it is clearly written in one."""
    if lang is None or lang == context.t.lang:
        return context.t
    return context.runtime.catalog.translator(lang)


async def answer_text(update: Update, context: FrontdeskContext) -> None:
    """Answer a resident's question in their own words."""
    message = update.effective_message
    if message is None or message.text is None or update.effective_chat is None:
        return
    runtime = context.runtime
    services: HoursServices = services_of(context)
    now = now_local(runtime)
    chat_id = update.effective_chat.id
    verdict = _verdict(context, message.text, now.date())
    if verdict.concern is not None:  # "我胸口疼": 120 first; "转人工": a person, at once
        await concerns.reply(
            update, context, _translator(context, verdict.lang), verdict.concern, message.text
        )
        return
    said = normalise(message.text)  # once: the follow-up, the fragment and the part of day
    followed = await _follow_up(context, chat_id, said, verdict, now)
    if followed is not None:
        verdict = followed.verdict
    else:
        verdict = _standalone(context, said, verdict, now) or verdict
    t = _translator(context, verdict.lang)
    if verdict.kind in (Kind.HOURS, Kind.OVERVIEW, Kind.VENUE):
        text, markup = await _hours_answer(context, t, verdict, now)
        if followed is not None and (assumed := _assumed_text(t, runtime, followed, now)):
            text = f"{assumed}\n{text}"
        if (part := await _part_text(context, t, verdict, said, now)) is not None:
            text = f"{part}\n{text}"
        if (note := await _ordinary_festival_text(context, t, verdict, said, now)) is not None:
            text = f"{note}\n{text}"
        await send(context.bot, chat_id, text, markup)
        # after the reply, which need not wait for it: the chat's next update is handled
        # after this one (per-chat order), and reads it
        await _remember(context, chat_id, verdict, now)
        return
    if verdict.kind not in (Kind.CLARIFY_DAY, Kind.NONE, Kind.SUGGEST):
        # an answer about something else: a follow-up is read with the last question only
        await _remember(context, chat_id, verdict, now)
    if verdict.kind is Kind.CLARIFY_DAY:
        no_such = impossible_date(said, now.date())
        if no_such is not None:  # "2月30号": the month's end and the next month's start
            verdict = replace(verdict, candidates=_month_end_days(no_such[0], now.date()))
        buttons = _day_buttons(t, verdict, now.date())
        asked = t("qa-which-day") if buttons is not None else t("qa-which-day-typed")
        if no_such is not None:
            month, day = no_such
            last = calendar.monthrange(month.year, month.month)[1]
            asked = t("qa-no-such-date", month=month.month, day=day, last=last) + "\n" + asked
        await context.bot.send_message(chat_id, asked, reply_markup=buttons)
        return
    if verdict.kind is Kind.TIME:  # "现在几点": the bot's clock, with the day
        text = t("qa-now", day=dates.day(now.date(), t.lang), time=dates.clock_time(now))
        await context.bot.send_message(chat_id, text)
        return
    if verdict.kind is Kind.TODAY:  # "今天礼拜几": from the bot's clock, in full
        today = now.date()
        lunar = _LUNAR_ASKED.search(said)  # "今朝农历几号": the lunar day too
        text = t(
            "qa-today-lunar" if lunar else "qa-today",
            date=dates.day_long(today, t.lang),
            weekday=dates.weekday(today, t.lang, long=True),
            **({"lunar": dates.lunar_day(today, t.lang)} if lunar else {}),
        )
        await context.bot.send_message(chat_id, text)
        return
    if verdict.kind is Kind.FEATURE:
        await _open_feature(update, context, t, verdict)
        return
    if verdict.kind is Kind.HOLIDAYS and verdict.year is not None:
        view = runtime.hours.calendar.year_view(verdict.year)
        text = resident_year_text(t, view, verdict.festival)
        if (note := today_note(t, runtime.hours.calendar.day(now.date()))) is not None:
            text = f"{note}\n{text}"
        if _NEXT_BREAK.search(said) and verdict.festival is None:
            book = runtime.hours.calendar
            views = [book.year_view(verdict.year), book.year_view(verdict.year + 1)]
            if (coming := next_break_note(t, views, now.date())) is not None:
                text = f"{coming}\n{text}"
        await context.bot.send_message(chat_id, text)
        return
    if verdict.kind is Kind.FAQ and verdict.faq_id is not None:
        await send_faq(context, chat_id, verdict.faq_id, t)
        return
    assert context.profile is not None
    draft_id = await askstaff.keep_draft(context, chat_id, message.text)
    ask_button = InlineKeyboardButton(t("qa-ask-staff"), callback_data=encode(SendDraft(draft_id)))
    if verdict.kind is Kind.SUGGEST:
        rows = [
            [
                InlineKeyboardButton(
                    entry.title.get(t.lang), callback_data=encode(FaqIn(entry.id, t.lang))
                )
            ]
            for entry in suggestion_entries(services.matcher, verdict.suggestions)
        ]
        rows.append([ask_button])
        await context.bot.send_message(
            chat_id, t("qa-did-you-mean"), reply_markup=InlineKeyboardMarkup(rows)
        )
        return
    await context.bot.send_message(
        chat_id, t("qa-no-answer"), reply_markup=InlineKeyboardMarkup([[ask_button]])
    )


async def _follow_up(
    context: FrontdeskContext, chat_id: int, said: str, verdict: Understanding, now: datetime
) -> FollowUp | None:
    """The message (``said``: normalised) read with the chat's last answered question ("那后天呢"
    after "食堂明天开吗"), when it is a follow-up of one asked in the last half hour; storage is
    read only for a message that could be one."""
    if not may_follow(verdict, said):
        return None
    async with context.runtime.db.read() as session:
        previous = await followups.load(session, chat_id)
    if previous is None:
        return None
    matcher = services_of(context).matcher
    return follow_up(
        verdict,
        said,
        previous,
        now,
        lambda rest: matcher.understand(rest, now.date(), now.time()),
    )


def _standalone(
    context: FrontdeskContext, said: str, verdict: Understanding, now: datetime
) -> Understanding | None:
    """Without a last question: "what about tomorrow?" as "tomorrow?", "好的，那周日呢" as
    "那周日呢" (:func:`bot.understanding.followup.standalone`)."""
    matcher = services_of(context).matcher
    return standalone(verdict, said, lambda rest: matcher.understand(rest, now.date(), now.time()))


async def _remember(
    context: FrontdeskContext, chat_id: int, verdict: Understanding, now: datetime
) -> None:
    """The chat's last answered question becomes its context: an hours question's or a venue
    card's venues and days, the overview's days, an FAQ entry's venue (when it has one);
    anything else clears it, so a follow-up never goes to an older question's place."""
    kept = asked(verdict)
    if kept is None and verdict.kind is Kind.FAQ:  # "健身房怎么办卡": the gym, today
        owner = services_of(context).matcher.faq.venue_of.get(verdict.faq_id or "")
        kept = ((owner,), ()) if owner is not None else None
    runtime = context.runtime
    await followups.keep(runtime.db, chat_id, kept, verdict.lang, runtime.clock.now())


def _assumed_text(t: Translator, runtime: Runtime, followed: FollowUp, now: datetime) -> str | None:
    """What the answer took from the last question: "↪️ 接着您刚才问的社区食堂：", or
    nothing when it took only what the answer says anyway (every place's overview, today)."""
    verdict = followed.verdict
    if followed.assumed_venues:
        if not verdict.venue_ids:
            return None
        names = (v.name.get(t.lang) for v in map(runtime.centre.venue, verdict.venue_ids) if v)
        return t("qa-followup-venues", venues=t.join(names))
    if not followed.assumed_days:
        return None
    if verdict.days == (now.date(),):
        return t("qa-followup-today")
    days = t.join(date_text(t, day) for day in verdict.days)
    return t("qa-followup-days", days=days)


async def _ordinary_festival_text(
    context: FrontdeskContext, t: Translator, verdict: Understanding, said: str, now: datetime
) -> str | None:
    """ "元宵节食堂开吗": the festival is no day off (said first: "元宵节不放假。"), so the
    hours that follow are not a mistake. Not when a place asked is closed that day all the
    same (a closure: "圣诞节健身房开吗" while staff shut the gym 24–26 Dec): "not a day off"
    first reads as "open", so the answer leads with the closure instead."""
    if verdict.kind not in (Kind.HOURS, Kind.OVERVIEW) or len(verdict.days) != 1:
        return None
    runtime = context.runtime
    found = ordinary_festival(said, verdict.days[0], now.date(), runtime.hours.calendar)
    if found is None:
        return None
    venues = [v for v in map(runtime.centre.venue, verdict.venue_ids) if v is not None]
    if venues:
        book = await load_book(runtime, services_of(context), now.date())
        if any(book.day(v, verdict.days[0]).status is Status.EXCEPTION_CLOSED for v in venues):
            return None
    if found == "跨年":  # 跨年夜 is no festival: "跨年不放假。" read oddly (r30j)
        return t("qa-ordinary-eve")
    return t("qa-ordinary-festival", name=found)


async def _part_text(
    context: FrontdeskContext, t: Translator, verdict: Understanding, said: str, now: datetime
) -> str | None:
    """What the question asks of one venue on one day, first, from the day's hours (``said``:
    the message normalised): a clock time ("今晚八点半还开吗": "20:30 开着，到 22:00 关门")
    or a part of the day ("下午几点关门": "下午 16:30 关门")."""
    clock = clock_asked(said)
    meal = meal_asked(said) if clock is None else None
    asked_part = part_asked(said) if clock is None and meal is None else None
    if clock is None and meal is None and asked_part is None:
        return None
    if verdict.kind is not Kind.HOURS or len(verdict.venue_ids) != 1:
        return None
    days = verdict.days or (now.date(),)
    venue = context.runtime.centre.venue(verdict.venue_ids[0])
    if len(days) != 1 or venue is None:
        return None
    book = await load_book(context.runtime, services_of(context), now.date())
    intervals = book.day(venue, days[0]).intervals
    spans = [(i.start, i.end) for i in intervals]
    if meal is not None:  # "食堂晚饭几点": that meal, when the place serves meals
        weekly = venue.hours.weekly if venue.hours is not None else None
        if weekly is None or not any(i.label for day in range(7) for i in weekly.on(day)):
            return None
        served = next((i for i in intervals if i.label == meal), None)
        if served is None:
            when = "today" if days[0] == now.date() else "other"
            return t("qa-meal-none", meal=t(MEAL_LABELS[meal]), when=when) if spans else None
        return t(
            "qa-meal-served",
            kind=meal,
            meal=t(MEAL_LABELS[meal]),
            start=hhmm(served.start),
            end=hhmm(served.end),
        )
    if clock is not None:
        if not spans:
            return None  # closed all day: the day's answer says so
        said_at, edge = clock_hours(spans, clock)
        time = hhmm(edge) if edge is not None else ""
        # "今晚八点半卫生站还开吗": "今天开到 16:30", not "那天", when the day is today
        when = "today" if days[0] == now.date() else "other"
        return t(CLOCK_TEXTS[said_at], asked=hhmm(clock), time=time, when=when)
    assert asked_part is not None
    part, edge_asked = asked_part
    found, minutes = part_hours(spans, part, edge_asked)
    return t(PART_TEXTS[found], part=part, time=hhmm(minutes) if minutes is not None else "")


async def _hours_answer(
    context: FrontdeskContext, t: Translator, verdict: Understanding, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    """Hours of each venue on each day asked ("这周末照相馆开吗": Saturday and Sunday), made
    once a minute for each question asked alike (the hours feature's memo)."""
    runtime, services = context.runtime, services_of(context)
    minute = now.replace(second=0, microsecond=0)
    book = await load_book(runtime, services, minute.date())
    key = ("answer", t.lang, verdict.kind, verdict.venue_ids, verdict.days)
    return services.messages.get(
        key,
        runtime.hours.generation,
        minute,
        lambda: _hours_text(t, runtime, book, verdict, minute),
    )


def _hours_text(
    t: Translator, runtime: Runtime, book: HoursBook, verdict: Understanding, now: datetime
) -> tuple[str, InlineKeyboardMarkup]:
    venues = [v for v in (runtime.centre.venue(i) for i in verdict.venue_ids) if v is not None]
    days = verdict.days or (now.date(),)
    if verdict.kind in (Kind.HOURS, Kind.OVERVIEW) and venues:  # the places named, each
        parts = [days_answer_text(t, book, venue, days, now) for venue in venues]
        return "\n\n".join(parts), week_buttons(t, venues, days[0])
    if verdict.kind is Kind.VENUE and venues:
        parts = [venue_info_text(t, book, venue, now) for venue in venues]
        return "\n\n".join(parts), week_buttons(t, venues)
    if verdict.days and verdict.days != (now.date(),):
        return days_overview_text(t, book, verdict.days, now.date()), venue_buttons(t, runtime)
    return overview_text(t, book, now), venue_buttons(t, runtime)


def _month_end_days(month: date, today: date) -> tuple[date, ...]:
    """The last two days of ``month`` and the first two of the next, from today on."""
    following = (month + timedelta(days=32)).replace(day=1)
    days = (following - timedelta(days=2), following - timedelta(days=1), following)
    return tuple(d for d in (*days, following + timedelta(days=1)) if d >= today)


def _day_buttons(t: Translator, verdict: Understanding, today: date) -> InlineKeyboardMarkup | None:
    """The likely days as buttons; none known (a day the calendar cannot tell yet): no
    keyboard, the question alone (Telegram refuses an empty one)."""
    if not verdict.candidates:
        return None
    venue = verdict.venue_id or "-"
    buttons = [
        InlineKeyboardButton(
            _day_label(t, day, today),
            callback_data=encode(PickDay(venue, int(f"{day:%Y%m%d}"), t.lang)),
        )
        for day in verdict.candidates
    ]
    return InlineKeyboardMarkup([buttons[i : i + 3] for i in range(0, len(buttons), 3)])


def _day_label(t: Translator, day: date, today: date) -> str:
    """A day's button: today's and tomorrow's say so ("今天 10/13 周二"), so that a row of
    dates ("10/13 周二 10/14 周三 10/15 周四 10/17 周六") reads without a calendar at hand;
    another year's day says its year."""
    label = date_text(t, day, short=True, today=today)
    if day == today:
        return t("qa-day-button-today", day=label)
    if day == today + timedelta(days=1):
        return t("qa-day-button-tomorrow", day=label)
    return label


async def pick_day(update: Update, context: FrontdeskContext) -> None:
    """A "您问的是哪一天？" button: the hours of that venue (or of every venue) on that day."""
    query = update.callback_query
    assert query is not None
    press = pressed(PickDay, update)
    chat = update.effective_chat
    day: date | None = None
    try:
        day = day_of(press.day)
    except ValueError:
        day = None
    venue_id = press.venue
    if (
        day is None
        or chat is None
        or (venue_id != "-" and context.runtime.centre.venue(venue_id) is None)
    ):
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer()
    t = _translator(context, press.lang)
    kind = Kind.OVERVIEW if venue_id == "-" else Kind.HOURS
    verdict = Understanding(kind, () if venue_id == "-" else (venue_id,), (day,), lang=t.lang)
    now = now_local(context.runtime)
    text, markup = await _hours_answer(context, t, verdict, now)
    await send(context.bot, chat.id, text, markup)
    await _remember(context, chat.id, verdict, now)


async def _open_feature(
    update: Update, context: FrontdeskContext, t: Translator, verdict: Understanding
) -> None:
    """ "我要评价食堂", "我报了哪些课", "我想报名太极", "有什么活动": the feature itself, in the
    question's language (a Chinese request from an English client gets the Chinese card)."""
    context.reply_language = t.lang
    actions = context.bot_data.menu_actions
    if verdict.feature == "feedback" and update.effective_chat is not None:
        await _feedback(update, context, t, verdict)
    elif verdict.feature == "course":
        # "我想报名太极": that course's card; "我想报名包粽子": an event's; else the classes
        hint = verdict.course_hint or ""
        if not (
            await nightschool.show_course_named(update, context, hint)
            or await events_resident.show_event_named(update, context, hint)
        ):
            text = update.effective_message.text if update.effective_message else None
            if "活动" in (text or "") and "events" in actions:
                await actions["events"](update, context)  # "有没有插花活动", none so called
            else:
                await nightschool.list_classes(update, context)
    elif verdict.feature in ("myclasses", "myevents", "events") and verdict.feature in actions:
        await actions[verdict.feature](update, context)


def for_the_canteen(verdict: Understanding, text: str) -> bool:
    """Praise or a complaint for the canteen's rating: the canteen named (and no other place),
    or food and meals spoken of with no place named. Anything else is for a person."""
    places = set(verdict.venue_ids)
    if places:
        return places == {"canteen"}
    return about_meals(text)


async def _feedback(
    update: Update, context: FrontdeskContext, t: Translator, verdict: Understanding
) -> None:
    """The canteen's rating, the resident's words kept as its comment; about any other place
    (or the centre in general), their words go to staff as they are."""
    chat, message = update.effective_chat, update.effective_message
    assert chat is not None
    text = message.text if message is not None and message.text else ""
    if not for_the_canteen(verdict, text):
        if await askstaff.pass_on(update, context, t, text):
            return
        # not passed on (too long for staff): the words can still go with a press
        draft_id = await askstaff.keep_draft(context, chat.id, text)
        button = InlineKeyboardButton(t("qa-ask-staff"), callback_data=encode(SendDraft(draft_id)))
        await context.bot.send_message(
            chat.id, t("qa-feedback-for-staff"), reply_markup=InlineKeyboardMarkup([[button]])
        )
        return
    rows = [[InlineKeyboardButton(t("qa-feedback-button"), callback_data=encode(OpenForm()))]]
    offer = t("qa-feedback-offer")
    if not says_more_than_asking(text):  # "我要评价食堂": no words of theirs to keep
        keep_words(context, "")
    elif keep_words(context, text):
        offer = t("qa-feedback-offer-words")
    else:  # too long for a comment: the whole of it can go to staff
        draft_id = await askstaff.keep_draft(context, chat.id, text)
        rows.append(
            [InlineKeyboardButton(t("qa-ask-staff"), callback_data=encode(SendDraft(draft_id)))]
        )
        offer = t(
            "qa-feedback-offer-long", limit=context.runtime.settings.feedback.comment_max_chars
        )
    await context.bot.send_message(chat.id, offer, reply_markup=InlineKeyboardMarkup(rows))


async def send_faq(
    context: FrontdeskContext, chat_id: int, faq_id: str, t: Translator | None = None
) -> bool:
    """Send one FAQ entry's answer; ``False`` if there is no such entry."""
    entry = services_of(context).matcher.faq_entry(faq_id)
    if entry is None:
        return False
    t = t or context.t
    await context.bot.send_message(
        chat_id,
        t("qa-faq-answer", title=entry.title.get(t.lang), answer=entry.answer.get(t.lang)),
    )
    return True


async def pick_suggestion(update: Update, context: FrontdeskContext) -> None:
    """A "did you mean…" button: answer that FAQ entry, in the language of the titles offered
    (an English question from a Chinese client got English titles, then a Chinese answer)."""
    query = update.callback_query
    assert query is not None
    press = pressed_any(update, FaqIn, FaqEntry)
    assert isinstance(press, FaqIn | FaqEntry)
    faq_id = press.faq_id
    t = _translator(context, press.lang if isinstance(press, FaqIn) else None)
    chat = update.effective_chat
    if chat is None or not await send_faq(context, chat.id, faq_id, t):
        await query.answer(t("button-invalid"), show_alert=True)
        return
    await query.answer()
    verdict = Understanding(Kind.FAQ, faq_id=faq_id, lang=t.lang)
    await _remember(context, chat.id, verdict, now_local(context.runtime))


def install(app: FrontdeskApplication) -> None:
    """Free text (private chats) and the suggestion buttons; runs before the fallbacks."""
    runtime = app.bot_data.runtime
    understood = _Understood(app.bot_data.services.get(HoursServices).matcher, runtime)
    app.add_handler(
        MessageHandler(
            filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & understood, answer_text
        )
    )
    app.add_handler(CallbackQueryHandler(pick_suggestion, pattern=matches(FaqIn, FaqEntry)))
    app.add_handler(CallbackQueryHandler(pick_day, pattern=matches(PickDay)))


MANIFEST = Manifest(
    name="questions",
    install=install,
    commands=COMMANDS,
    privacy=lambda _runtime: [followups.DATA_SECTION],
)
