"""The chat builder and survey edits without Telegram: the builder makes the same survey a
file makes, times in words, forged or stale steps, and the edit rules that keep answers true."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.features.surveys import builder, definition, edits, report, service
from bot.features.surveys.builder import Action, Stage, Trouble
from bot.features.surveys.definition import SurveyFileError, SurveySpec, parse
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import users
from bot.services.holiday_calendar import HolidayCalendar

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)  # Wednesday 4 March, 10:00 in Shanghai
CALENDAR = HolidayCalendar(())

SAME_AS_FILE = """
title: 社区需求调查 / Community needs
opens: 2026-03-09 09:00
closes: 2026-03-31 23:59
audience: topic:health
anonymous: true
intro: 请花两分钟 / Two minutes, please
profile: {committees: [长风一村 / Changfeng No. 1, 长风二村], age: true}
questions:
  - {type: single, text: 最需要什么 / What is needed most, other: true,
     options: [食堂 / Canteen, 理发]}
  - {type: multiple, max: 2, text: 想参加 / Would join, options: [书法, 合唱, 太极]}
  - {type: rating, text: 食堂打几分, show_if: {question: 1, answer: [1]}, optional: true}
"""


def _build_like_the_file() -> builder.SurveyBuild:
    build = builder.start(NOW)
    steps: list[tuple[str, object]] = [
        ("text", "社区需求调查 / Community needs"),
        ("text", "请花两分钟 / Two minutes, please"),
        ("press", (Action.KIND, 0)),
        ("text", "最需要什么 / What is needed most"),
        ("text", "食堂 / Canteen\n理发"),
        ("press", (Action.OTHER, 1)),
        ("press", (Action.REQUIRED, 1)),
        ("press", (Action.KIND, 1)),
        ("text", "想参加 / Would join"),
        ("text", "书法\n合唱\n\n太极"),
        ("press", (Action.MAX, 2)),
        ("press", (Action.OTHER, 0)),
        ("press", (Action.BRANCH, 0)),
        ("press", (Action.REQUIRED, 1)),
        ("press", (Action.KIND, 2)),
        ("text", "食堂打几分"),
        ("press", (Action.BRANCH, 1)),
        ("press", (Action.BRANCH_OPTION, 0)),
        ("press", (Action.REQUIRED, 0)),  # may be skipped
        ("press", (Action.FINISH, 0)),
        ("press", (Action.AUDIENCE, builder.AUDIENCE_CHOICES.index("topic:health"))),
        ("press", (Action.ANONYMOUS, 1)),
        ("press", (Action.AGE, 1)),
        ("text", "长风一村 / Changfeng No. 1\n\n长风二村"),
        ("press", (Action.SKIP_BUILDINGS, 0)),
    ]
    for kind, value in steps:
        if kind == "text":
            assert isinstance(value, str)
            outcome = builder.take_text(build, value, NOW, ZONE, CALENDAR)
        else:
            assert isinstance(value, tuple)
            outcome = builder.press(build, value[0], value[1], NOW)
        assert outcome.problems == (), (kind, value, outcome)
        assert outcome.trouble is None, (kind, value, outcome)
    return build


def test_the_chat_builder_makes_the_same_survey_as_the_file() -> None:
    """Typed steps and buttons give the very SurveySpec the YAML file gives (same rules)."""
    build = _build_like_the_file()
    assert build.stage is Stage.WHEN
    outcome = builder.take_text(build, "下周一到月底", NOW, ZONE, CALENDAR)
    assert outcome.spec is not None
    assert outcome.spec == parse(SAME_AS_FILE.encode(), "same.yaml", ZONE)


@pytest.mark.parametrize(
    ("words", "opens", "closes"),
    [
        ("下周一到月底", "03-09 09:00", "03-31 23:59"),
        ("到下周五", "03-04 10:00", "03-13 23:59"),
        ("明天上午10点到3月9日18点", "03-05 10:00", "03-09 18:00"),
        ("next Monday to end of month", "03-09 09:00", "03-31 23:59"),
        ("until next Friday", "03-04 10:00", "03-13 23:59"),
        ("下周一9点到18点", "03-09 09:00", "03-09 18:00"),
        ("从明天开始两周", "03-05 09:00", "03-18 23:59"),  # by its length (a newcomer's words)
        ("为期10天", "03-04 10:00", "03-13 23:59"),
        ("下周一起一个月", "03-09 09:00", "04-08 23:59"),
        ("two weeks", "03-04 10:00", "03-17 23:59"),
    ],
)
def test_opening_and_closing_times_are_read_from_words(words: str, opens: str, closes: str) -> None:
    """The staff time rules: a day alone opens at 9:00 and closes at its end."""
    period = builder.parse_period(words, NOW, ZONE, CALENDAR)
    assert period is not None
    assert [moment.astimezone(ZONE).strftime("%m-%d %H:%M") for moment in period] == [
        opens,
        closes,
    ]


def test_times_not_understood_or_past_are_refused_politely() -> None:
    """Nonsense, an over-long text and a closing time already past ask again."""
    build = _build_like_the_file()
    assert builder.take_text(build, "随便什么时候", NOW, ZONE, CALENDAR).trouble is Trouble.BAD_WHEN
    assert builder.take_text(build, "x" * 5000, NOW, ZONE, CALENDAR).trouble is Trouble.BAD_WHEN
    past = builder.take_text(build, "到昨天", NOW, ZONE, CALENDAR)
    assert past.trouble in (Trouble.CLOSES_PAST, Trouble.BAD_WHEN)
    assert build.stage is Stage.WHEN


def test_a_forged_or_stale_builder_button_changes_nothing() -> None:
    """A button of another step, an out-of-range number, a branch to no question: stale."""
    build = builder.start(NOW)
    builder.take_text(build, "标题", NOW, ZONE, CALENDAR)
    assert build.stage is Stage.INTRO
    assert builder.press(build, Action.REQUIRED, 1, NOW).trouble is Trouble.STALE
    builder.press(build, Action.SKIP_INTRO, 0, NOW)
    before = (build.stage, list(build.questions), dict(build.current))
    assert builder.press(build, Action.SKIP_INTRO, 0, NOW).trouble is Trouble.STALE
    assert builder.press(build, Action.MAX, 3, NOW).trouble is Trouble.STALE
    assert builder.press(build, Action.KIND, 9, NOW).trouble is Trouble.STALE
    assert builder.press(build, Action.FINISH, 0, NOW).trouble is Trouble.NO_QUESTIONS
    builder.press(build, Action.KIND, 0, NOW)
    builder.take_text(build, "问题", NOW, ZONE, CALENDAR)
    builder.take_text(build, "甲\n乙", NOW, ZONE, CALENDAR)
    builder.press(build, Action.OTHER, 0, NOW)  # the first question: no branch to offer
    assert build.stage is Stage.REQUIRED
    assert builder.press(build, Action.REQUIRED, 5, NOW).trouble is Trouble.STALE
    builder.press(build, Action.REQUIRED, 1, NOW)
    assert "optional" not in build.questions[0]
    builder.press(build, Action.KIND, 0, NOW)
    builder.take_text(build, "问题二", NOW, ZONE, CALENDAR)
    builder.take_text(build, "丙\n丁", NOW, ZONE, CALENDAR)
    builder.press(build, Action.OTHER, 0, NOW)
    assert build.stage is Stage.BRANCH
    assert builder.press(build, Action.BRANCH, 7, NOW).trouble is Trouble.STALE
    builder.press(build, Action.BRANCH, 1, NOW)
    assert builder.press(build, Action.BRANCH_OPTION, 5, NOW).trouble is Trouble.STALE
    assert before[0] is Stage.KIND


def test_over_long_and_odd_texts_are_problems_of_the_step() -> None:
    """A title over 100 characters, an intro over 500, an option over 40, eleven options: the
    step is asked again."""
    build = builder.start(NOW)
    codes = [p.code for p in builder.take_text(build, "长" * 101, NOW, ZONE, CALENDAR).problems]
    assert codes == ["too-long"]
    assert build.stage is Stage.TITLE
    builder.take_text(build, "  标题 / Title  ", NOW, ZONE, CALENDAR)
    codes = [p.code for p in builder.take_text(build, "说" * 501, NOW, ZONE, CALENDAR).problems]
    assert codes == ["too-long"]  # an intro over 500 characters: asked again
    assert build.stage is Stage.INTRO
    builder.press(build, Action.SKIP_INTRO, 0, NOW)
    builder.press(build, Action.KIND, 0, NOW)
    builder.take_text(build, "问题 / ", NOW, ZONE, CALENDAR)  # the English part left empty
    assert build.stage is Stage.TEXT
    builder.take_text(build, "问题", NOW, ZONE, CALENDAR)
    many = "\n".join(f"选项{n}" for n in range(11))
    outcome = builder.take_text(build, many, NOW, ZONE, CALENDAR)
    assert [p.code for p in outcome.problems] == ["option-count"]
    outcome = builder.take_text(build, "好\n" + "长" * 41, NOW, ZONE, CALENDAR)
    assert [p.code for p in outcome.problems] == ["too-long"]
    assert build.stage is Stage.OPTIONS


# -- edits ------------------------------------------------------------------------------------

FILE = """
title: {zh: 需求, en: Needs}
opens: 2026-03-02 09:00
closes: 2026-03-09 18:00
profile: {age: true}
questions:
  - {type: single, text: 要什么, options: [食堂, 理发, 洗衣]}
  - {type: ranking, text: 排序, options: [甲, 乙]}
  - {type: multiple, max: 2, text: 想参加, options: [书法, 合唱, 太极]}
"""


async def _published_with_an_answer(runtime: Runtime) -> tuple[int, users.Profile]:
    """An open survey in which one resident chose 理发 (option 2) and ranked both items."""
    now = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)
    async with runtime.db.transaction() as session:
        org = await users.register(session, users.Person(8100, "Org"), now)
        await users.register(session, users.Person(8101, "王"), now)
        spec = parse(FILE.encode(), "f.yaml", ZONE)
        survey_id = await service.create(session, spec, org, now)
        await service.publish(session, survey_id, org, now)
    async with runtime.db.transaction() as session:
        resident = await session.scalar(text("SELECT id FROM users WHERE telegram_id = 8101"))
        step = await service.start(session, survey_id, int(resident), now)
        assert step.question is not None
        step = await service.pick(
            session, step.response_id, int(resident), step.question.id, 1, now
        )
        assert step.question is not None
        step = await service.pick(
            session, step.response_id, int(resident), step.question.id, 1, now
        )
        assert step.question is not None
        rid, qid = step.response_id, step.question.id
        await service.pick(session, rid, int(resident), qid, 1, now)
        await service.pick(session, rid, int(resident), qid, 0, now)
    return survey_id, org


async def _try(runtime: Runtime, survey_id: int, org: users.Profile, change: object) -> object:
    now = datetime(2026, 3, 4, 2, 0, tzinfo=UTC)
    try:
        async with runtime.db.transaction() as session:
            survey = await service.load(session, survey_id)
            assert survey is not None
            assert callable(change)
            new = change(edits.spec_of(survey))
            return await edits.apply(session, survey_id, new, org, now, "test")
    except edits.EditRefused as error:
        return [(p.refusal, p.number) for p in error.problems]


async def test_safe_edits_are_made_and_audited_and_answers_stay_valid(runtime: Runtime) -> None:
    """Texts, a later closing time, an option and a question at the end: saved, audited, and
    the resident's answers still mean what they meant."""
    survey_id, org = await _published_with_an_answer(runtime)
    later = datetime(2026, 3, 20, 10, 0, tzinfo=UTC)

    def change(spec: SurveySpec) -> SurveySpec:
        spec = edits.with_title(spec, "居民需求 / Residents' needs")
        spec = edits.with_closing(spec, later)
        spec = edits.with_question_text(spec, 1, "最想要什么 / What do you want most")
        spec = edits.with_options_added(spec, 1, ["健康驿站 / Health station"])
        new_question = [{"type": "text", "text": "还有吗 / Anything else", "optional": True}]
        return edits.with_questions_added(spec, new_question, ZONE)

    edited = await _try(runtime, survey_id, org, change)
    assert isinstance(edited, service.SurveyInfo)
    assert edited.title_en == "Residents' needs"
    assert edited.closes_at == later
    need = edited.questions[1]
    assert need.zh == "最想要什么"
    assert [zh for zh, _ in need.options] == ["食堂", "理发", "洗衣", "健康驿站"]
    assert edited.questions[-1].kind == "text"
    rows = await _sql(runtime, "SELECT choice FROM survey_answers WHERE question_id = :q", need.id)
    assert rows == [(1,)]  # still 理发
    audit = await _sql(
        runtime, "SELECT action, subject FROM audit_log WHERE action = 'survey.edit'"
    )
    assert audit == [("survey.edit", f"survey:{survey_id}")]


async def test_edits_that_would_corrupt_answers_are_refused_with_the_reason(
    runtime: Runtime,
) -> None:
    """A type changed, an answered option removed, a ranking grown, anonymity changed, a
    question removed: refused, each with its reason and question number; nothing changes."""
    survey_id, org = await _published_with_an_answer(runtime)

    def retype(spec: SurveySpec) -> SurveySpec:
        questions = list(spec.questions)
        questions[1] = replace(questions[1], kind="multiple", max_choices=2)
        return replace(spec, questions=questions)

    def drop_options(spec: SurveySpec) -> SurveySpec:
        questions = list(spec.questions)
        questions[1] = replace(questions[1], options=questions[1].options[:1])
        return replace(spec, questions=questions)

    def grow_ranking(spec: SurveySpec) -> SurveySpec:
        return edits.with_options_added(spec, 2, ["丙"])

    def hide(spec: SurveySpec) -> SurveySpec:
        return replace(spec, anonymous=True, questions=spec.questions[:-1])

    assert await _try(runtime, survey_id, org, retype) == [(edits.Refusal.KIND_CHANGED, 1)]
    assert await _try(runtime, survey_id, org, drop_options) == [(edits.Refusal.OPTION_REMOVED, 1)]
    assert await _try(runtime, survey_id, org, grow_ranking) == [(edits.Refusal.RANKING_GROWN, 2)]
    assert await _try(runtime, survey_id, org, hide) == [
        (edits.Refusal.ANONYMITY_CHANGED, 0),
        (edits.Refusal.QUESTION_REMOVED, 0),
    ]
    assert await _try(runtime, survey_id, org, lambda spec: spec) == [(edits.Refusal.NOTHING, 0)]

    # An option nobody chose may go from the end (洗衣), and the unanswered multiple can grow.
    def drop_unused(spec: SurveySpec) -> SurveySpec:
        questions = list(spec.questions)
        questions[1] = replace(questions[1], options=questions[1].options[:2])
        return replace(spec, questions=questions)

    assert isinstance(await _try(runtime, survey_id, org, drop_unused), service.SurveyInfo)
    assert await _sql(runtime, "SELECT count(*) FROM audit_log WHERE action = 'survey.edit'") == [
        (1,)
    ]


async def test_a_closed_survey_is_not_edited(runtime: Runtime) -> None:
    """Closed surveys are a record."""
    survey_id, org = await _published_with_an_answer(runtime)
    async with runtime.db.transaction() as session:
        await service.close(session, survey_id, NOW)
    refused = await _try(runtime, survey_id, org, lambda spec: edits.with_title(spec, "新"))
    assert refused == [(edits.Refusal.CLOSED, 0)]


def test_an_edit_in_words_is_checked_by_the_file_rules() -> None:
    """A title over the limit is a file problem, not a silent cut."""
    survey = service.SurveyInfo(
        1,
        "旧",
        "Old",
        None,
        None,
        False,
        "everyone",
        None,
        NOW,
        NOW + timedelta(days=3),
        "published",
    )
    edit = edits.SurveyEdit(1, edits.EditWhat.TITLE, 0, NOW)
    with pytest.raises(SurveyFileError):
        edits.changed_spec(survey, edit, "长" * 101, NOW, ZONE, CALENDAR)


async def _sql(runtime: Runtime, statement: str, *args: object) -> list[tuple[object, ...]]:
    params = {"q": args[0]} if args else {}
    async with runtime.db.read() as session:
        return [tuple(row) for row in (await session.execute(text(statement), params)).all()]


def test_a_draft_may_change_what_an_open_survey_may_not() -> None:
    """Anonymity, audience and opening time are promises once published, not before."""
    draft = service.SurveyInfo(
        1, "旧", "Old", None, None, False, "everyone", None, NOW, NOW + timedelta(days=3), "draft"
    )
    changed = replace(
        edits.spec_of(draft), anonymous=True, audience="topic", audience_param="health"
    )
    assert edits.plan(draft, changed, {}, NOW) == []
    published = replace(draft, status="published")
    assert [p.refusal for p in edits.plan(published, changed, {}, NOW)] == [
        edits.Refusal.ANONYMITY_CHANGED,
        edits.Refusal.AUDIENCE_CHANGED,
    ]


def test_the_profile_steps_are_checked_as_options_are() -> None:
    """The 居委会 list: an over-long name or eleven names are asked again; skipping both lists and
    the age band adds no profile question; a skip button of another step is stale."""
    build = builder.start(NOW)
    builder.take_text(build, "标题", NOW, ZONE, CALENDAR)
    builder.press(build, Action.SKIP_INTRO, 0, NOW)
    builder.press(build, Action.KIND, 4, NOW)  # a short text question
    builder.take_text(build, "意见", NOW, ZONE, CALENDAR)
    builder.press(build, Action.REQUIRED, 1, NOW)
    builder.press(build, Action.FINISH, 0, NOW)
    builder.press(build, Action.AUDIENCE, 0, NOW)
    builder.press(build, Action.ANONYMOUS, 0, NOW)
    assert build.stage is Stage.AGE
    assert builder.press(build, Action.SKIP_BUILDINGS, 0, NOW).trouble is Trouble.STALE
    builder.press(build, Action.AGE, 0, NOW)
    assert build.stage is Stage.COMMITTEES
    too_long = builder.take_text(build, "居" * 41, NOW, ZONE, CALENDAR)
    assert [p.code for p in too_long.problems] == ["too-long"]
    many = "\n".join(f"第{n}居委" for n in range(21))
    assert [p.code for p in builder.take_text(build, many, NOW, ZONE, CALENDAR).problems] == [
        "option-count"
    ]
    assert build.stage is Stage.COMMITTEES
    builder.press(build, Action.SKIP_COMMITTEES, 0, NOW)
    builder.press(build, Action.SKIP_BUILDINGS, 0, NOW)
    outcome = builder.take_text(build, "到月底", NOW, ZONE, CALENDAR)
    assert outcome.spec is not None
    assert [q.profile for q in outcome.spec.questions] == [None]


@pytest.mark.parametrize("word", ["跳过", "跳过。", "不需要", "无", "skip", "Skip", "none"])
def test_a_skip_word_typed_at_an_optional_step_skips_it(word: str) -> None:
    """ "跳过" or "skip" typed at the intro, the 居委会 or the building step means the skip
    button, never an intro or a committee named "跳过"; at a required step it is an answer."""
    build = builder.start(NOW)
    builder.take_text(build, "标题", NOW, ZONE, CALENDAR)
    assert builder.take_text(build, word, NOW, ZONE, CALENDAR).problems == ()
    assert build.stage is Stage.KIND
    assert build.intro == ""
    builder.press(build, Action.KIND, 4, NOW)
    builder.take_text(build, "意见", NOW, ZONE, CALENDAR)
    builder.press(build, Action.REQUIRED, 1, NOW)
    builder.press(build, Action.FINISH, 0, NOW)
    builder.press(build, Action.AUDIENCE, 0, NOW)
    builder.press(build, Action.ANONYMOUS, 0, NOW)
    builder.press(build, Action.AGE, 0, NOW)
    builder.take_text(build, word, NOW, ZONE, CALENDAR)
    assert build.stage is Stage.BUILDINGS
    builder.take_text(build, word, NOW, ZONE, CALENDAR)
    assert build.stage is Stage.WHEN
    assert (build.committees, build.buildings) == ((), ())
    outcome = builder.take_text(build, "到月底", NOW, ZONE, CALENDAR)
    assert outcome.spec is not None
    assert [q.profile for q in outcome.spec.questions] == [None]


def test_a_committee_list_that_merely_contains_a_skip_word_is_kept() -> None:
    """Only the whole answer is a skip word: "无锡新村、长风一村" is two committees."""
    build = builder.start(NOW, append_to=None)
    build.stage = Stage.COMMITTEES
    builder.take_text(build, "无锡新村、长风一村", NOW, ZONE, CALENDAR)
    assert build.committees == ("无锡新村", "长风一村")


@pytest.mark.parametrize(
    ("text", "halves"),
    [
        (
            "三道题，一分钟。/ Three questions, one minute.",
            ("三道题，一分钟。", "Three questions, one minute."),
        ),
        ("三道题，一分钟。 / Three questions", ("三道题，一分钟。", "Three questions")),
        ("食堂/Canteen", ("食堂", "Canteen")),
        ("食堂 ／ Canteen", ("食堂", "Canteen")),
        ("Canteen /食堂", ("Canteen", "食堂")),
        ("早上 / 晚上", ("早上", "晚上")),  # spaced on both sides: a split, as always
        ("满意度9/10", None),
        ("详情见 https://example.org/survey", None),
        ("是/否", None),
        ("and/or", None),
    ],
)
def test_two_languages_split_whatever_the_spacing_but_not_numbers_or_addresses(
    text: str, halves: tuple[str, str] | None
) -> None:
    """ "中文 / English" splits with or without spaces around the slash; a fraction, an
    address or two Chinese words around a bare slash stay one text."""
    assert definition.split_pair(text) == halves


def test_an_intro_without_a_space_before_the_slash_reaches_each_language_in_its_own() -> None:
    """The newcomer's intro "三道题，一分钟。/ Three questions, one minute." was shown whole
    to both languages."""
    build = builder.start(NOW)
    builder.take_text(build, "标题 / Title", NOW, ZONE, CALENDAR)
    builder.take_text(build, "三道题，一分钟。/ Three questions, one minute.", NOW, ZONE, CALENDAR)
    builder.press(build, Action.KIND, 4, NOW)
    builder.take_text(build, "意见 / Comments", NOW, ZONE, CALENDAR)
    builder.press(build, Action.REQUIRED, 1, NOW)
    builder.press(build, Action.FINISH, 0, NOW)
    builder.press(build, Action.AUDIENCE, 0, NOW)
    builder.press(build, Action.ANONYMOUS, 0, NOW)
    builder.press(build, Action.AGE, 0, NOW)
    builder.press(build, Action.SKIP_COMMITTEES, 0, NOW)
    builder.press(build, Action.SKIP_BUILDINGS, 0, NOW)
    outcome = builder.take_text(build, "到月底", NOW, ZONE, CALENDAR)
    assert outcome.spec is not None
    assert outcome.spec.intro == ("三道题，一分钟。", "Three questions, one minute.")


def _finish_question(build: builder.SurveyBuild) -> None:
    """Answer the question's remaining buttons (most choices, "other", branch, required)."""
    presses = {
        Stage.MAX: (Action.MAX, 2),
        Stage.OTHER: (Action.OTHER, 0),
        Stage.BRANCH: (Action.BRANCH, 0),
        Stage.REQUIRED: (Action.REQUIRED, 1),
    }
    while build.stage in presses:
        builder.press(build, *presses[build.stage], NOW)


def test_options_in_chinese_only_are_pointed_out_once() -> None:
    """Options with no English half get one note (English readers see them as typed); the
    next question's Chinese-only options, and bilingual ones, get none."""
    build = builder.start(NOW)
    builder.take_text(build, "标题", NOW, ZONE, CALENDAR)
    builder.press(build, Action.SKIP_INTRO, 0, NOW)
    builder.press(build, Action.KIND, 1, NOW)
    builder.take_text(build, "想参加", NOW, ZONE, CALENDAR)
    bilingual = builder.take_text(build, "书法 / Calligraphy\nChoir", NOW, ZONE, CALENDAR)
    assert bilingual == builder.Outcome()
    _finish_question(build)
    builder.press(build, Action.KIND, 1, NOW)
    builder.take_text(build, "还想参加", NOW, ZONE, CALENDAR)
    first = builder.take_text(build, "太极\n舞蹈 / Dance", NOW, ZONE, CALENDAR)
    assert first.chinese_only
    assert first.problems == ()
    _finish_question(build)
    builder.press(build, Action.KIND, 1, NOW)
    builder.take_text(build, "再问一次", NOW, ZONE, CALENDAR)
    again = builder.take_text(build, "象棋\n围棋", NOW, ZONE, CALENDAR)
    assert again.trouble is None
    assert not again.chinese_only
    assert build.current["options"] == ["象棋", "围棋"]


def test_options_on_one_line_and_a_lone_option() -> None:
    """Options separated by 、 or commas on one line (phones make new lines hard) are several
    options; a single option is refused with the reason (a newcomer's second line had gone to
    the FAQ while the question kept its one choice)."""
    build = builder.start(NOW)
    builder.take_text(build, "标题", NOW, ZONE, CALENDAR)
    builder.press(build, Action.SKIP_INTRO, 0, NOW)
    builder.press(build, Action.KIND, 0, NOW)
    builder.take_text(build, "几点来", NOW, ZONE, CALENDAR)
    assert builder.take_text(build, "11点前 / before 11", NOW, ZONE, CALENDAR).trouble is (
        Trouble.ONE_OPTION
    )
    assert build.stage is Stage.OPTIONS
    builder.take_text(build, "11点前 / before 11、11点到12点 / 11-12", NOW, ZONE, CALENDAR)
    assert build.current["options"] == ["11点前 / before 11", "11点到12点 / 11-12"]
    builder.press(build, Action.OTHER, 0, NOW)
    builder.press(build, Action.REQUIRED, 1, NOW)
    builder.press(build, Action.KIND, 1, NOW)
    builder.take_text(build, "Which?", NOW, ZONE, CALENDAR)
    builder.take_text(build, "Canteen, Haircut; Tai chi", NOW, ZONE, CALENDAR)
    assert build.current["options"] == ["Canteen", "Haircut", "Tai chi"]


async def test_the_preview_escapes_options_as_it_escapes_texts(
    runtime: Runtime, catalog: Catalog
) -> None:
    """An option "<2楼> & 3楼" is shown as typed: unescaped, Telegram would refuse the whole
    preview as bad HTML (the title and question texts were escaped, the options were not)."""
    hostile = FILE.replace("options: [食堂, 理发, 洗衣]", 'options: ["<2楼> & 3楼", 理发, 洗衣]')
    now = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)
    async with runtime.db.transaction() as session:
        org = await users.register(session, users.Person(8150, "Org"), now)
        survey_id = await service.create(session, parse(hostile.encode(), "f.yaml", ZONE), org, now)
    async with runtime.db.read() as session:
        survey = await service.load(session, survey_id)
    assert survey is not None
    shown = "\n".join(report.preview(catalog.translator("zh"), survey, ZONE))
    assert "&lt;2楼&gt; &amp; 3楼" in shown
    assert "<2楼>" not in shown
