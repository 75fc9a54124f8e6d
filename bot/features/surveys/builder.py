"""Building a survey in the chat, one question at a time (no ``telegram`` here).

The organiser's answers so far are a :class:`SurveyBuild` kept with ``context.drafts`` (so in
the ``form_states`` table: it survives a restart and may continue on another instance). What
it builds is the survey file's own shape (a mapping, as YAML gives it), checked question by
question with :func:`definition.check_questions` and, at the end, turned into a
:class:`~bot.features.surveys.definition.SurveySpec` by :func:`definition.from_mapping`: a
file and the chat meet the same rules and make the same object.

Steps: title → intro (or "skip") → (type → text → options → most choices / "other" →
branch → required or not) × N → audience → anonymity → the profile questions (age band yes /
no, then the 居委会 and the buildings to choose from, each typed or skipped) → opening and
closing time in words ("下周一到月底") → the draft survey, whose card offers the preview and
"publish". A builder may also *append* questions to an existing survey (``append_to``): then
it ends after the questions, and the edit rules apply
(:mod:`bot.features.surveys.edits`).
"""

from __future__ import annotations

import re
from calendar import monthrange
from dataclasses import dataclass, field, replace
from datetime import datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from bot.features.surveys import definition
from bot.features.surveys.definition import (
    CHOICE_KINDS,
    KINDS,
    MAX_OPTIONS,
    MAX_QUESTIONS,
    MAX_RANKED,
    OPTION_CHARS,
    TITLE_CHARS,
    TOPICS,
    Problem,
    SurveyFileError,
    SurveySpec,
)
from bot.services.holiday_calendar import HolidayCalendar
from bot.understanding import staff_input

# Typed text is taken by the builder only this long after its last step: text typed much
# later is more likely meant for something else (the draft stays; /survey offers it again).
TEXT_WINDOW = timedelta(hours=1)
OPENING_HOUR = time(9, 0)  # a day without a time opens at 9:00, not at midnight
AUDIENCE_CHOICES: tuple[str, ...] = ("everyone", *(f"topic:{t}" for t in TOPICS), "course", "event")
_SPLIT = re.compile(r"\s*(?:到|至|~|～|—|\s-\s|\bto\b|\buntil\b|\btill\b)\s*", re.IGNORECASE)
# A period by its length: "从明天开始两周", "下周一起为期10天", "for two weeks from Monday".
_LENGTH = re.compile(
    r"(?:为期|持续|开放|for|open for)?\s*(?P<n>\d{1,3}|[一二两三四五六七八九十]{1,3}|"
    r"\b(?:an?|one|two|three|four|five|six)\b)\s*(?P<unit>天|周|个?星期|个?礼拜|个月|days?|weeks?|months?)"
    r"(?:的时间|时间)?",
    re.IGNORECASE,
)
_LENGTH_GLUE = re.compile(
    r"^\s*(?:从|自|from|starting)?\s*|\s*(?:开始|起|starting|from|on)?\s*[,，]?\s*$"
)
_EN_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_SEPARATORS = re.compile(r"\s*[、，,；;]\s*")
_HALF_PAIR = re.compile(r"^\s*/\s*|\s*/\s*$")
_ID = re.compile(r"^\D{0,12}?([1-9][0-9]{0,8})\D{0,6}$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


class Stage(StrEnum):
    """The step a builder waits at: a typed text, or one of its buttons."""

    TITLE = "title"
    INTRO = "intro"
    KIND = "kind"
    TEXT = "text"
    OPTIONS = "options"
    MAX = "max"
    OTHER = "other"
    BRANCH = "branch"
    BRANCH_OPTION = "branch-option"
    REQUIRED = "required"
    AUDIENCE = "audience"
    AUDIENCE_ID = "audience-id"
    ANONYMOUS = "anonymous"
    AGE = "age"
    COMMITTEES = "committees"
    BUILDINGS = "buildings"
    WHEN = "when"


TYPED = frozenset(
    {
        Stage.TITLE,
        Stage.INTRO,
        Stage.TEXT,
        Stage.OPTIONS,
        Stage.AUDIENCE_ID,
        Stage.COMMITTEES,
        Stage.BUILDINGS,
        Stage.WHEN,
    }
)


class Action(StrEnum):
    """A builder's button (``buttons.Build``): which step it answers, with a number."""

    SKIP_INTRO = "skip-intro"  # no words before the first question
    KIND = "kind"  # index in KINDS
    FINISH = "finish"  # no more questions
    MAX = "max"  # the most choices
    OTHER = "other"  # 1: offer "other, please say"
    BRANCH = "branch"  # 0: always asked; n: depends on question n
    BRANCH_OPTION = "branch-option"  # the option index of that question
    REQUIRED = "required"  # 1: must be answered; 0: may be skipped
    AUDIENCE = "audience"  # index in AUDIENCE_CHOICES
    ANONYMOUS = "anonymous"  # 1: anonymous
    AGE = "age"  # 1: ask the age band
    SKIP_COMMITTEES = "skip-committees"  # no 居委会 question
    SKIP_BUILDINGS = "skip-buildings"  # no building question
    CANCEL = "cancel"  # 0: asks "discard this survey?"; 1: yes, discard it
    KEEP = "keep"  # no, carry on editing where it was


_STAGE_OF = {
    Action.SKIP_INTRO: Stage.INTRO,
    Action.KIND: Stage.KIND,
    Action.FINISH: Stage.KIND,
    Action.MAX: Stage.MAX,
    Action.OTHER: Stage.OTHER,
    Action.BRANCH: Stage.BRANCH,
    Action.BRANCH_OPTION: Stage.BRANCH_OPTION,
    Action.REQUIRED: Stage.REQUIRED,
    Action.AUDIENCE: Stage.AUDIENCE,
    Action.ANONYMOUS: Stage.ANONYMOUS,
    Action.AGE: Stage.AGE,
    Action.SKIP_COMMITTEES: Stage.COMMITTEES,
    Action.SKIP_BUILDINGS: Stage.BUILDINGS,
}


# The optional typed steps, and the button that skips each: typing "跳过" presses it.
_SKIP_BY_TEXT = {
    Stage.INTRO: Action.SKIP_INTRO,
    Stage.COMMITTEES: Action.SKIP_COMMITTEES,
    Stage.BUILDINGS: Action.SKIP_BUILDINGS,
}


# The steps asked as a yes/no question ("要加一个“其他”吗？", "一定要回答吗？"), and the button
# a typed "是" or "否" presses there (value 1 is yes, 0 no).
_YES_NO_STAGES = {
    Stage.OTHER: Action.OTHER,
    Stage.REQUIRED: Action.REQUIRED,
    Stage.ANONYMOUS: Action.ANONYMOUS,
    Stage.AGE: Action.AGE,
}
_YES = frozenset(
    {"是", "是的", "对", "对的", "要", "需要", "好", "好的", "行", "可以", "嗯",
     "yes", "y", "yeah", "yep", "sure", "ok", "okay"}
)  # fmt: skip
_NO = frozenset(
    {"否", "不", "不是", "不要", "不用", "不需要", "没有", "无",
     "no", "n", "nope", "not"}
)  # fmt: skip
# Leading and trailing spaces and punctuation: "是。", "yes!", " 否 ".
_TYPED_EDGES = re.compile(r"^[\s.,!?~。，！？、…～]+|[\s.,!?~。，！？、…～]+$")


def typed_yes_no(build: SurveyBuild, text: str) -> tuple[Action, int] | None:
    """ "是" / "否" / "yes" / "no" typed, as a whole, at a yes/no step: the button it means.

    Only while the step itself is asked: at "discard this survey?" a typed "是" must not
    answer the step beneath it."""
    action = _YES_NO_STAGES.get(build.stage)
    if action is None or build.discarding:
        return None
    words = _TYPED_EDGES.sub("", text.strip().casefold())
    if words in _YES:
        return action, 1
    if words in _NO:
        return action, 0
    return None


class Trouble(StrEnum):
    """Why a step was not taken (catalog keys in ``texts.BUILD_TROUBLE_TEXTS``)."""

    STALE = "stale"  # a button of another step, or a forged one
    NO_QUESTIONS = "no-questions"
    BAD_WHEN = "bad-when"
    CLOSES_PAST = "closes-past"
    BAD_ID = "bad-id"
    TOO_MANY = "too-many"
    ONE_OPTION = "one-option"  # a choice question needs at least two


@dataclass
class SurveyBuild:
    """A survey being built in the chat: the file's shape so far and the step asked now."""

    touched: datetime
    stage: Stage = Stage.TITLE
    title: str = ""
    intro: str = ""  # the words shown before the first question ("" none); a class default,
    # so a draft kept before this step existed still reads
    questions: list[dict[str, Any]] = field(default_factory=list)
    current: dict[str, Any] = field(default_factory=dict)  # the question being added
    audience: str = "everyone"
    anonymous: bool = False
    age: bool = False  # the profile questions (class defaults: a draft kept before them reads)
    committees: tuple[str, ...] = ()
    buildings: tuple[str, ...] = ()
    append_to: int | None = None  # adding questions to this survey (an edit)
    earlier: list[dict[str, Any]] = field(default_factory=list)  # its questions, for branches
    told_chinese_only: bool = False  # the organiser was told once that options lacked English
    discarding: bool = False  # "discard this survey?" is asked: only then does a yes discard

    def waiting_for_text(self, now: datetime) -> bool:
        return self.stage in TYPED and now - self.touched <= TEXT_WINDOW

    def waiting_for_press(self, now: datetime) -> bool:
        """A step answered by a button, taken less than an hour ago (typed text is then most
        likely meant for the builder, and is told to use the buttons)."""
        return self.stage not in TYPED and now - self.touched <= TEXT_WINDOW

    def number(self) -> int:
        """The number the question being added will have (among the non-profile ones)."""
        return len(self.earlier) + len(self.questions) + 1

    def branch_targets(self) -> list[tuple[int, dict[str, Any]]]:
        """Earlier choice questions a new question may depend on: (number, question)."""
        found = list(enumerate([*self.earlier, *self.questions], start=1))
        return [(n, q) for n, q in found if q.get("type") in CHOICE_KINDS]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a step did: problems to show (the step is asked again), a trouble, or the spec
    when the survey is complete."""

    problems: tuple[Problem, ...] = ()
    trouble: Trouble | None = None
    spec: SurveySpec | None = None
    appended: list[dict[str, Any]] | None = None  # an append builder's new questions
    cancelled: bool = False
    confirm_discard: bool = False  # ask before throwing the draft away
    chinese_only: bool = False  # options with no English half: say once what English readers get


def start(now: datetime, append_to: int | None = None, earlier: Any = ()) -> SurveyBuild:
    """A new builder: a new survey (from the title) or questions for ``append_to``."""
    if append_to is not None:
        return SurveyBuild(now, Stage.KIND, append_to=append_to, earlier=list(earlier))
    return SurveyBuild(now)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _ask_required(build: SurveyBuild) -> Outcome:
    """The question's content is complete: may residents skip it?"""
    build.stage = Stage.REQUIRED
    return Outcome()


def _after_question(build: SurveyBuild) -> Outcome:
    """The question is complete: checked with the file's rules, kept, and the next one asked."""
    question = build.current
    problems = definition.check_questions([*build.earlier, *build.questions, question])
    if problems:
        build.current = {}
        build.stage = Stage.KIND
        return Outcome(problems=tuple(problems))
    build.questions.append(question)
    build.current = {}
    build.stage = Stage.KIND
    return Outcome()


def _after_options(build: SurveyBuild) -> Outcome:
    kind = build.current["type"]
    if kind == "multiple":
        build.stage = Stage.MAX
    elif kind == "single":
        build.stage = Stage.OTHER
    else:
        return _to_branch(build)
    return Outcome()


def _to_branch(build: SurveyBuild) -> Outcome:
    if build.branch_targets():
        build.stage = Stage.BRANCH
        return Outcome()
    return _ask_required(build)


def take_text(
    build: SurveyBuild, text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> Outcome:
    """One typed answer; the builder moves on, or says what is wrong and asks again."""
    build.touched = now
    build.discarding = False
    text = _HALF_PAIR.sub(" / ", text.strip())  # "问题 /": the English half left empty
    skip = _SKIP_BY_TEXT.get(build.stage)
    if skip is not None and staff_input.is_skip(text):  # "跳过" typed, not pressed
        return press(build, skip, 0, now)
    if build.stage == Stage.TITLE:
        problems = definition.check_text(text, TITLE_CHARS, "title")
        if problems:
            return Outcome(problems=tuple(problems))
        build.title = text
        build.stage = Stage.INTRO if build.append_to is None else Stage.KIND
    elif build.stage == Stage.INTRO:
        problems = definition.check_text(text, where="intro")
        if problems:
            return Outcome(problems=tuple(problems))
        build.intro = text
        build.stage = Stage.KIND
    elif build.stage == Stage.TEXT:
        problems = definition.check_text(text, where=f"#{build.number()}")
        if problems:
            return Outcome(problems=tuple(problems))
        build.current["text"] = text
        if build.current["type"] in ("rating", "text"):
            return _to_branch(build)
        build.stage = Stage.OPTIONS
    elif build.stage == Stage.OPTIONS:
        return _take_options(build, text)
    elif build.stage == Stage.AUDIENCE_ID:
        match = _ID.fullmatch(text)
        if match is None:
            return Outcome(trouble=Trouble.BAD_ID)
        build.audience = f"{build.audience}:{match.group(1)}"
        build.stage = Stage.ANONYMOUS
    elif build.stage in (Stage.COMMITTEES, Stage.BUILDINGS):
        return _take_places(build, text)
    elif build.stage == Stage.WHEN:
        return _take_when(build, text, now, zone, calendar)
    else:
        return Outcome(trouble=Trouble.STALE)
    return Outcome()


def _items(text: str) -> list[str]:
    """One a line, or on one line separated by 、，; (phones make new lines hard to type)."""
    lines = _lines(text)
    if len(lines) == 1 and _SEPARATORS.search(lines[0]):
        return [part.strip() for part in _SEPARATORS.split(lines[0]) if part.strip()]
    return lines


def _take_options(build: SurveyBuild, text: str) -> Outcome:
    options = _items(text)
    if len(options) == 1:  # a choice of one: most likely the rest was meant to follow
        return Outcome(trouble=Trouble.ONE_OPTION)
    where = f"#{build.number()}"
    limit = MAX_RANKED if build.current["type"] == "ranking" else MAX_OPTIONS
    smallest = 2
    problems = [p for option in options for p in definition.check_text(option, OPTION_CHARS, where)]
    if not smallest <= len(options) <= limit:
        problems.append(Problem("option-count", where, str(limit)))
    if problems:
        return Outcome(problems=tuple(problems[:5]))
    build.current["options"] = options
    outcome = _after_options(build)
    if not build.told_chinese_only and any(_chinese_only(option) for option in options):
        build.told_chinese_only = True
        return replace(outcome, chinese_only=True)
    return outcome


def _chinese_only(text: str) -> bool:
    """Chinese with no English half: English readers would get the Chinese as it is."""
    return definition.split_pair(text) is None and bool(_HAN.search(text))


def _take_places(build: SurveyBuild, text: str) -> Outcome:
    """The 居委会 (or buildings) residents choose from, one a line: checked as options are."""
    places = _items(text)
    where = "committees" if build.stage == Stage.COMMITTEES else "buildings"
    problems = [p for place in places for p in definition.check_text(place, OPTION_CHARS, where)]
    if not 1 <= len(places) <= MAX_OPTIONS:
        problems.append(Problem("option-count", where, str(MAX_OPTIONS)))
    if problems:
        return Outcome(problems=tuple(problems[:5]))
    if build.stage == Stage.COMMITTEES:
        build.committees = tuple(places)
        build.stage = Stage.BUILDINGS
    else:
        build.buildings = tuple(places)
        build.stage = Stage.WHEN
    return Outcome()


def _opening(text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar) -> datetime | None:
    """When a survey opens, in words; a day without a time opens at 9:00, not at midnight."""
    opens = staff_input.parse_moment(text, now, zone, calendar, end_of_day=False)
    if opens is None or staff_input.find_clock(text) is not None:
        return opens
    local = opens.astimezone(zone)
    return datetime.combine(local.date(), OPENING_HOUR, zone).astimezone(now.tzinfo)


def _by_length(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> tuple[datetime, datetime] | None:
    """ "从明天开始两周" (tomorrow 9:00 to the end of the 14th day), "两周" (from now), "for
    10 days from Monday"; ``None`` when no length is named or its start is not understood."""
    found = _LENGTH.search(text)
    if found is None:
        return None
    number = found.group("n").lower()
    count = _EN_COUNTS.get(number) or staff_input.cn_count(number)
    if not count:
        return None
    unit = found.group("unit").lower()
    start_text = _LENGTH_GLUE.sub("", text[: found.start()] + " " + text[found.end() :]).strip()
    start_text = _LENGTH_GLUE.sub("", start_text)
    opens = _opening(start_text, now, zone, calendar) if start_text else now
    if opens is None:
        return None
    opens = max(opens, now)
    first = opens.astimezone(zone).date()
    if unit.startswith(("个月", "month")):
        month = first.month - 1 + count
        year, month = first.year + month // 12, month % 12 + 1
        last = min(first.day, monthrange(year, month)[1])
        end = first.replace(year=year, month=month, day=last) - timedelta(days=1)
    else:
        days = count * (1 if unit.startswith(("天", "day")) else 7)
        end = first + timedelta(days=days - 1)
    closes = datetime.combine(end, time(23, 59), zone).astimezone(now.tzinfo)
    return opens, closes


def parse_period(
    text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> tuple[datetime, datetime] | None:
    """Opening and closing time in words, the way staff write other times: "下周一到月底",
    "明天上午10点到3月9日18点", "until next Friday", "到月底" (opens now), or by its length:
    "从明天开始两周", "为期10天", "for two weeks from Monday". A day without a time opens at
    9:00 and closes at its end; ``None`` when not understood."""
    lasting = _by_length(text, now, zone, calendar)
    if lasting is not None:
        return lasting
    parts = list(_SPLIT.split(text.strip(), maxsplit=1))
    if len(parts) == 1:
        start_text, end_text = "", parts[0]
    else:
        start_text, end_text = parts
    closes = staff_input.parse_moment(end_text, now, zone, calendar, end_of_day=True)
    if closes is None:
        return None
    if not start_text.strip():
        return now, closes
    opens = _opening(start_text, now, zone, calendar)
    if opens is None:
        return None
    if staff_input.find_date(end_text, now.astimezone(zone).date(), calendar) is None:
        # "下周一9点到18点": a time alone closes on the opening day
        clock = staff_input.find_clock(end_text)
        if clock is not None:
            day = opens.astimezone(zone).date()
            closes = datetime.combine(day, clock[0].start, zone).astimezone(now.tzinfo)
    return max(opens, now), closes


def _take_when(
    build: SurveyBuild, text: str, now: datetime, zone: tzinfo, calendar: HolidayCalendar
) -> Outcome:
    period = parse_period(text[:200], now, zone, calendar)
    if period is None:
        return Outcome(trouble=Trouble.BAD_WHEN)
    opens, closes = period
    if closes <= now:
        return Outcome(trouble=Trouble.CLOSES_PAST)
    try:
        spec = definition.from_mapping(mapping(build, opens, closes), zone)
    except SurveyFileError as error:
        return Outcome(problems=tuple(error.problems))
    return Outcome(spec=spec)


def mapping(build: SurveyBuild, opens: datetime, closes: datetime) -> dict[str, Any]:
    """The survey in the file's shape (what :func:`definition.from_mapping` reads)."""
    return {
        "title": build.title,
        **({"intro": build.intro} if build.intro else {}),
        "anonymous": build.anonymous,
        "opens": opens,
        "closes": closes,
        "audience": build.audience,
        "profile": {
            "committees": list(build.committees),
            "buildings": list(build.buildings),
            "age": build.age,
        },
        "questions": list(build.questions),
    }


def _discard_or_keep(build: SurveyBuild, action: Action, value: int, now: datetime) -> Outcome:
    if action is Action.CANCEL and value == 0:
        build.touched, build.discarding = now, True
        return Outcome(confirm_discard=True)
    if not build.discarding or value not in (0, 1) or (action is Action.KEEP and value):
        return Outcome(trouble=Trouble.STALE)  # an answer to a question no longer asked
    build.touched, build.discarding = now, False
    return Outcome(cancelled=action is Action.CANCEL)


def press(build: SurveyBuild, action: Action, value: int, now: datetime) -> Outcome:
    """One of the builder's buttons; a button of another step (old, or forged) is stale.

    "Discard" first asks; only its "yes" while asked throws the draft away (one tap used to,
    and the button sat where "no" was a step earlier)."""
    if action in (Action.CANCEL, Action.KEEP):
        return _discard_or_keep(build, action, value, now)
    if _STAGE_OF.get(action) != build.stage:
        return Outcome(trouble=Trouble.STALE)
    build.touched = now
    build.discarding = False
    if action is Action.SKIP_INTRO:
        build.stage = Stage.KIND
        return Outcome()
    if action is Action.SKIP_COMMITTEES:
        build.stage = Stage.BUILDINGS
        return Outcome()
    if action is Action.SKIP_BUILDINGS:
        build.stage = Stage.WHEN
        return Outcome()
    if action is Action.FINISH:
        if not build.questions:
            return Outcome(trouble=Trouble.NO_QUESTIONS)
        if build.append_to is not None:
            return Outcome(appended=list(build.questions))
        build.stage = Stage.AUDIENCE
        return Outcome()
    if action is Action.KIND:
        if not 0 <= value < len(KINDS):
            return Outcome(trouble=Trouble.STALE)
        if build.number() > MAX_QUESTIONS - 3:  # room left for the profile questions
            return Outcome(trouble=Trouble.TOO_MANY)
        build.current = {"type": KINDS[value]}
        build.stage = Stage.TEXT
        return Outcome()
    return _press_choice(build, action, value)


def _press_choice(build: SurveyBuild, action: Action, value: int) -> Outcome:
    current = build.current
    if action is Action.MAX:
        if not 1 <= value <= len(current.get("options", ())):
            return Outcome(trouble=Trouble.STALE)
        current["max"] = value
        build.stage = Stage.OTHER
        return Outcome()
    if action is Action.OTHER:
        current["other"] = bool(value)
        return _to_branch(build)
    if action is Action.BRANCH:
        if value == 0:
            return _ask_required(build)
        if value not in dict(build.branch_targets()):
            return Outcome(trouble=Trouble.STALE)
        current["show_if"] = {"question": value, "answer": []}
        build.stage = Stage.BRANCH_OPTION
        return Outcome()
    if action is Action.BRANCH_OPTION:
        target = dict(build.branch_targets()).get(current.get("show_if", {}).get("question"))
        if target is None or not 0 <= value < len(target.get("options", ())):
            return Outcome(trouble=Trouble.STALE)
        current["show_if"]["answer"] = [value + 1]
        return _ask_required(build)
    if action is Action.REQUIRED:
        if value not in (0, 1):
            return Outcome(trouble=Trouble.STALE)
        if not value:
            current["optional"] = True
        return _after_question(build)
    if action is Action.AUDIENCE:
        if not 0 <= value < len(AUDIENCE_CHOICES):
            return Outcome(trouble=Trouble.STALE)
        build.audience = AUDIENCE_CHOICES[value]
        build.stage = (
            Stage.AUDIENCE_ID if build.audience in ("course", "event") else Stage.ANONYMOUS
        )
        return Outcome()
    if action is Action.AGE:
        build.age = bool(value)
        build.stage = Stage.COMMITTEES
        return Outcome()
    # Action.ANONYMOUS
    build.anonymous = bool(value)
    build.stage = Stage.AGE
    return Outcome()


def option_labels(question: dict[str, Any], lang: str) -> list[str]:
    """A question's options as the builder shows them (the part in the reader's language)."""
    labels = []
    for option in question.get("options", ()):
        if isinstance(option, dict):
            labels.append(str(option.get(lang) or option.get("zh") or ""))
        else:
            zh, en = definition.split_pair(str(option)) or (str(option), "")
            labels.append((en or zh) if lang == "en" else zh)
    return labels


def question_label(question: dict[str, Any], lang: str) -> str:
    """A question's text in the reader's language (either, when only one was written)."""
    text = question.get("text", "")
    if isinstance(text, dict):
        return str(text.get(lang) or text.get("zh") or "")
    zh, en = definition.split_pair(str(text)) or (str(text), "")
    return (en or zh) if lang == "en" else zh
