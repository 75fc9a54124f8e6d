"""Surveys' rules without Telegram: the file formats, small-number protection, free-text
words, the reminder, the daily digest, and a resident's data rights."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text

from bot.features.feedback import digest
from bot.features.surveys import jobs, results, service
from bot.features.surveys.definition import SurveyFileError, parse
from bot.runtime import Runtime
from bot.services import users
from bot.services.privacy import export_user, forget_user

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)

CSV = """type,zh,en,options,max,other,optional,show_if
title,长风社区调查,Changfeng survey,,,,,
opens,2026-03-02 09:00,,,,,,
closes,2026-03-09 18:00,,,,,,
anonymous,是,,,,,,
committees,长风一村|长风二村,,,,,,
single,最需要什么,What is needed most,食堂 / Canteen|理发 / Haircuts,,yes,,
rating,食堂打几分,Rate the canteen,,,,,1=1
text,其他建议,Other ideas,,,,yes,
"""


def test_a_csv_survey_reads_like_the_yaml_one() -> None:
    """Settings rows, a profile question first, branching by question number, "other"."""
    spec = parse(CSV.encode(), "paper.csv", ZONE)
    assert spec.title == ("长风社区调查", "Changfeng survey")
    assert spec.anonymous is True
    assert [q.kind for q in spec.questions] == ["single", "single", "rating", "text"]
    assert spec.questions[0].profile == "committee"
    assert spec.questions[1].allow_other
    # "1=1" in the file: question 1 of the file, which is the second after the profile one.
    assert (spec.questions[2].show_if_position, spec.questions[2].show_if_options) == (2, (0,))
    assert not spec.questions[3].required
    assert spec.opens_at == datetime(2026, 3, 2, 9, 0, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("content", "name", "codes"),
    [
        (b"title: x\n", "a.yaml", {"bad-time", "no-questions"}),
        (b"a,b\n1,2\n", "a.csv", {"csv-header"}),
        (b"\xff\xfe", "a.yaml", {"not-utf8"}),
        (b"title: [", "a.yaml", {"yaml"}),
        (b"x", "a.docx", {"file-type"}),
        (
            b"title: t\nopens: 2026-03-02\ncloses: 2026-03-01\naudience: club:1\nquestions:\n"
            b"  - {type: multiple, max: 9, text: q, options: [a, b]}\n"
            b"  - {type: ranking, text: r, options: [a, b, c, d, e, f]}\n"
            b"  - {type: text, text: t, other: true, show_if: {question: 9, answer: [1]}}\n",
            "a.yaml",
            {
                "closes-before-opens",
                "bad-audience",
                "bad-max",
                "option-count",
                "other-not-choice",
                "bad-show-if",
            },
        ),
    ],
)
def test_every_problem_of_a_file_is_reported_at_once(
    content: bytes, name: str, codes: set[str]
) -> None:
    """A broken file is refused with each of its problems, as catalog codes."""
    with pytest.raises(SurveyFileError) as refused:
        parse(content, name, ZONE)
    assert {p.code for p in refused.value.problems} >= codes


def test_a_branch_must_point_to_an_earlier_choice_question() -> None:
    """show_if on a rating question, or on a later one, is refused."""
    content = (
        b"title: t\nopens: 2026-03-02\ncloses: 2026-03-03\nquestions:\n"
        b"  - {id: r, type: rating, text: r}\n"
        b"  - {type: text, text: t, show_if: {question: r, answer: [1]}}\n"
    )
    with pytest.raises(SurveyFileError) as refused:
        parse(content, "a.yaml", ZONE)
    assert [p.code for p in refused.value.problems] == ["bad-show-if"]


@pytest.mark.parametrize(
    ("cells", "shown"),
    [
        ([12, 7, 0], [12, 7, 0]),
        ([12, 3, 0], [None, None, 0]),  # one small cell: the smallest other hides too
        ([12, 3, 2], [12, None, None]),
        ([4, 4, 4], [None, None, None]),
    ],
)
def test_cells_under_five_are_hidden_and_cannot_be_worked_out(
    cells: list[int], shown: list[int | None]
) -> None:
    """Rule of 5, with the secondary suppression that stops subtraction from the total."""
    assert results.protect(cells) == shown


def test_recurring_words_are_counted_once_per_answer() -> None:
    """Chinese answers are cut into words; filler words and one-off words are left out."""
    words = results.recurring_words(
        ["希望食堂晚上也开门", "食堂晚上开门吧", "食堂食堂的菜太咸", "想要理发"]
    )
    assert words[0] == ("食堂", 3)
    assert ("晚上", 2) in words
    assert all(word not in {"希望", "的"} for word, _ in words)


async def _survey(runtime: Runtime, author_id: int, anonymous: bool = False) -> int:
    content = CSV.replace("anonymous,是", "anonymous,是" if anonymous else "anonymous,否")
    spec = parse(content.encode(), "s.csv", ZONE)
    async with runtime.db.transaction() as session:
        author = await users.find(session, 9000)
        assert author is not None
        survey_id = await service.create(session, spec, author, NOW)
        await service.publish(session, survey_id, author, NOW)
    return survey_id


async def _resident(runtime: Runtime, telegram_id: int, *roles: str) -> int:
    async with runtime.db.transaction() as session:
        person = users.Person(telegram_id, f"R{telegram_id}", language_code="zh")
        profile = await users.register(session, person, NOW)
        for role in roles:
            await users.grant_role(session, profile.id, role, NOW)
        return profile.id


async def _answer(runtime: Runtime, survey_id: int, user_id: int, words: str, keep: bool) -> None:
    now = NOW + timedelta(hours=2)
    async with runtime.db.transaction() as session:
        step = await service.start(session, survey_id, user_id, now)
        while step.question is not None:
            question = step.question
            if question.kind == "text":
                step = await service.write_text(session, step.response_id, user_id, words, now)
            else:
                choice = 4 if question.kind == "rating" else 0
                step = await service.pick(
                    session, step.response_id, user_id, question.id, choice, now
                )
        await service.submit(session, step.response_id, user_id, now, ZONE, keep_profile=keep)


async def test_one_reminder_goes_to_those_who_have_not_sent_it(runtime: Runtime) -> None:
    """Invitations at opening; a day before closing, one reminder, only to non-finishers."""
    organiser = await _resident(runtime, 9000, "organiser")
    done = await _resident(runtime, 9001)
    waiting = await _resident(runtime, 9002)
    survey_id = await _survey(runtime, 9000)
    await jobs.tick(runtime, NOW + timedelta(hours=1))
    await _answer(runtime, survey_id, done, "食堂晚上开门", keep=False)
    remind = datetime(2026, 3, 8, 10, 0, tzinfo=UTC)
    await jobs.tick(runtime, remind - timedelta(minutes=5))
    await jobs.tick(runtime, remind + timedelta(minutes=1))
    await jobs.tick(runtime, remind + timedelta(minutes=2))  # never a second one
    async with runtime.db.read() as session:
        rows = (
            await session.execute(
                text(
                    "SELECT m.user_id, b.text FROM outbox_messages m "
                    "JOIN outbox_bodies b ON b.id = m.body_id ORDER BY m.id"
                )
            )
        ).all()
    invited = [user for user, body in rows if "邀请您参加" in body]
    reminded = [user for user, body in rows if "提醒" in body]
    assert sorted(invited) == sorted([organiser, done, waiting])  # organisers live here too
    assert sorted(reminded) == sorted([organiser, waiting])


async def test_the_daily_digest_shows_an_open_survey(runtime: Runtime) -> None:
    """The feedback digest (a declared interface) carries the survey's figures while open."""
    await _resident(runtime, 9000, "organiser")
    survey_id = await _survey(runtime, 9000)
    for n in range(3):
        await _answer(runtime, survey_id, await _resident(runtime, 9100 + n), "x", keep=False)
    due = datetime(2026, 3, 2, 12, 30, tzinfo=UTC)  # 20:30 in Shanghai
    assert await digest.run_due_digests(runtime, due) == 1
    async with runtime.db.read() as session:
        bodies = (
            await session.scalars(
                text(
                    "SELECT b.text FROM outbox_messages m JOIN outbox_bodies b "
                    "ON b.id = m.body_id WHERE m.source = 'feedback:digest'"
                )
            )
        ).all()
    found = "\n".join(bodies)
    assert "问卷进行中：长风社区调查" in found
    assert "已收到 3 份" in found


async def test_my_data_shows_survey_answers_and_forget_keeps_anonymous_ones(
    runtime: Runtime,
) -> None:
    """/mydata lists a named response's answers and the kept profile, and only the title of
    an anonymous survey; /forgetme removes the person and the profile, and the answers stay
    for the results without any identity."""
    await _resident(runtime, 9000, "organiser")
    named = await _survey(runtime, 9000)
    anonymous = await _survey(runtime, 9000, anonymous=True)
    resident = await _resident(runtime, 9003)
    await _answer(runtime, named, resident, "想要理发的地方", keep=True)
    await _answer(runtime, anonymous, resident, "匿名的话", keep=False)
    async with runtime.db.read() as session:
        exported = await export_user(session, resident, NOW, runtime.privacy_sections)
    mine = exported["sections"]["surveys"]
    assert mine["profile"] == {"committee": "长风一村"}
    assert [r["answers"]["其他建议"] for r in mine["responses"]] == ["想要理发的地方"]
    assert mine["anonymous_surveys_taken"] == ["长风社区调查"]
    assert "匿名的话" not in str(exported)
    async with runtime.db.transaction() as session:
        await forget_user(session, resident, NOW + timedelta(days=1), runtime.privacy_sections)
    async with runtime.db.read() as session:
        left = (
            await session.execute(
                text(
                    "SELECT count(*), count(user_id) FROM survey_responses "
                    "WHERE status = 'submitted'"
                )
            )
        ).one()
        profiles = await session.scalar(text("SELECT count(*) FROM survey_profiles"))
        survey = await service.load(session, named)
        assert survey is not None
        counted = await results.compute(session, survey)
    assert tuple(left) == (2, 0)
    assert profiles == 0
    assert counted.responses == 1


async def test_a_topic_survey_reaches_only_that_topics_followers(runtime: Runtime) -> None:
    """audience: topic:health leaves out residents who opted out of health news, in the
    invitations and when someone opens the survey anyway."""
    await _resident(runtime, 9000, "organiser")
    follower = await _resident(runtime, 9201)
    opted_out = await _resident(runtime, 9202)
    async with runtime.db.transaction() as session:
        await session.execute(
            text(
                "INSERT INTO topic_optouts (user_id, topic, created_at) "
                "VALUES (:user, 'health', :now)"
            ),
            {"user": opted_out, "now": NOW},
        )
    content = CSV.replace(
        "anonymous,是,,,,,,", "anonymous,否,,,,,,\naudience,topic:health,,,,,,"
    ).encode()
    spec = parse(content, "s.csv", ZONE)
    assert (spec.audience, spec.audience_param) == ("topic", "health")
    async with runtime.db.transaction() as session:
        author = await users.find(session, 9000)
        assert author is not None
        survey_id = await service.create(session, spec, author, NOW)
        await service.publish(session, survey_id, author, NOW)
    await jobs.tick(runtime, NOW + timedelta(hours=1))
    async with runtime.db.read() as session:
        invited = set(await session.scalars(text("SELECT user_id FROM outbox_messages")))
    assert follower in invited
    assert opted_out not in invited
    async with runtime.db.transaction() as session:
        with pytest.raises(service.Refused) as refused:
            await service.start(session, survey_id, opted_out, NOW + timedelta(hours=1))
    assert refused.value.reason is service.Refusal.NOT_FOR_YOU


def test_every_file_problem_and_profile_question_has_its_text() -> None:
    """Problem codes raised by the file reader, profile keys, kinds, audiences and statuses
    are turned into catalog keys at run time: each has its text in both languages."""
    import re
    from pathlib import Path

    from bot.features.surveys import definition
    from bot.i18n import LANGUAGES, Catalog

    source = Path(definition.__file__).read_text(encoding="utf-8")
    codes = set(re.findall(r'(?:check\.add|Problem)\(\s*"([a-z-]+)"', source))
    assert {"bad-time", "yaml", "csv-header"} <= codes
    keys = [f"survey-problem-{code}" for code in codes]
    keys += [f"survey-profile-{key}" for key in service.PROFILE_KEYS]
    keys += [f"survey-kind-{kind}" for kind in definition.KINDS]
    keys += [f"survey-hint-{kind}" for kind in definition.KINDS]
    keys += [f"survey-audience-{kind}" for kind in definition.AUDIENCES]
    keys += [f"survey-status-{s}" for s in (service.DRAFT, service.PUBLISHED, service.CLOSED)]
    keys += [f"survey-list-{s}" for s in (service.ANSWERING, service.SUBMITTED, "participated")]
    catalog = Catalog()
    missing = [(lang, key) for lang in LANGUAGES for key in keys if key not in catalog.keys(lang)]
    assert not missing


async def test_retention_removes_identity_from_surveys_closed_long_ago_in_small_batches(
    runtime: Runtime,
) -> None:
    """A survey closed more than the retention period ago keeps its answers and counts but no
    author, no exact time, no row of who took part, and no unsent response; a survey closed
    recently is untouched. Batches of one get there too."""
    from sqlalchemy import update

    from bot.features.surveys.models import Survey
    from bot.services import privacy
    from bot.settings import PrivacySettings

    await _resident(runtime, 9000, "organiser")
    old_id = await _survey(runtime, 9000)
    recent_id = await _survey(runtime, 9000)
    people = [await _resident(runtime, 9200 + n) for n in range(3)]
    for person in people[:2]:
        await _answer(runtime, old_id, person, "想要照相馆", keep=False)
        await _answer(runtime, recent_id, person, "想要理发", keep=False)
    async with runtime.db.transaction() as session:
        await service.start(session, old_id, people[2], NOW + timedelta(hours=3))  # unsent
        await service.close(session, old_id, NOW + timedelta(days=1))
        later = NOW + timedelta(days=100)
        await session.execute(update(Survey).where(Survey.id == recent_id).values(closes_at=later))
        await service.close(session, recent_id, NOW + timedelta(days=100))
    settings = PrivacySettings(identity_retention_days=90)
    now = NOW + timedelta(days=120)  # the first closed 119 days ago, the second 20
    section = service.DATA_SECTION
    calls = 0
    while True:
        async with runtime.db.transaction() as session:
            touched = await section.retain(session, now, settings, 1)
        calls += 1
        if touched < 1:
            break
    assert calls == 3  # two named responses and two participants, one at a time, then done
    rows = await _rows(runtime, "SELECT survey_id, user_id, status FROM survey_responses")
    assert sorted(rows, key=str) == sorted(
        [(old_id, None, "submitted"), (old_id, None, "submitted")]
        + [(recent_id, p, "submitted") for p in people[:2]],
        key=str,
    )
    assert await _rows(runtime, "SELECT survey_id FROM survey_participants") == [
        (recent_id,),
        (recent_id,),
    ]
    kept = await _rows(
        runtime,
        f"SELECT count(*) FROM survey_answers WHERE survey_id = {old_id} AND counted",
    )
    assert kept[0][0] > 0  # the results stay
    async with runtime.db.read() as session:
        survey = await service.load(session, old_id)
        assert survey is not None
        computed = await results.compute(session, survey)
    assert computed.responses == 2
    # The whole pass through the privacy protocol finds nothing more to do.
    done = await privacy.apply_retention(runtime.db, now, settings, [section])
    assert done == {"surveys": 0}


async def _rows(runtime: Runtime, statement: str) -> list[tuple[object, ...]]:
    async with runtime.db.read() as session:
        return [tuple(row) for row in (await session.execute(text(statement))).all()]


async def _walk_to_text(runtime: Runtime, survey_id: int, user_id: int, *, paper: bool) -> None:
    """Answer every question before the text one, and stop there."""
    async with runtime.db.transaction() as session:
        if paper:
            step = await service.start_paper(session, survey_id, user_id, NOW)
        else:
            step = await service.start(session, survey_id, user_id, NOW)
        while step.question is not None and step.question.kind != "text":
            choice = 4 if step.question.kind == "rating" else 0
            step = await service.pick(
                session, step.response_id, user_id, step.question.id, choice, NOW
            )


async def test_the_batch_read_of_who_a_survey_waits_for_agrees_with_the_one_person_read(
    runtime: Runtime,
) -> None:
    """For a claimed batch of updates: the residents (and staff entering paper) at a text
    question or just after a press at a question answered with buttons (typed text gets
    "please tap an option"), and no one else; no one once the hour for typed text has
    passed."""
    await _resident(runtime, 9000, "organiser")
    survey_id = await _survey(runtime, 9000)
    at_text = await _resident(runtime, 9004)
    at_first = await _resident(runtime, 9005)
    never = await _resident(runtime, 9006)
    clerk = await _resident(runtime, 9007, "staff")
    await _walk_to_text(runtime, survey_id, at_text, paper=False)
    await _walk_to_text(runtime, survey_id, clerk, paper=True)
    async with runtime.db.transaction() as session:
        await service.start(session, survey_id, at_first, NOW)
    everyone = [at_text, at_first, never, clerk]
    async with runtime.db.read() as session:
        one_by_one = {u for u in everyone if await service.awaiting_text(session, u, NOW)}
        pressing = {u for u in everyone if await service.awaiting_press(session, u, NOW)}
        pressed_long_ago = await service.awaiting_press(
            session, at_first, NOW + service.PRESS_WINDOW + timedelta(seconds=1)
        )
        batch = await service.awaiting_text_of(session, everyone, NOW)
        later = await service.awaiting_text_of(session, everyone, NOW + timedelta(hours=2))
    assert one_by_one == {at_text, clerk}
    assert pressing == {at_first}
    assert pressed_long_ago is None
    one_by_one |= pressing
    assert batch == one_by_one
    assert later == set()
