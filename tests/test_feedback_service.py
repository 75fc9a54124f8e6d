"""Feedback rules without Telegram: one per meal and day, flood limit, alerts, answers, export."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, time, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from bot.features.feedback import service as feedback
from bot.features.feedback.models import Feedback
from bot.features.feedback.service import Author, Draft, FeedbackError
from bot.runtime import Runtime
from bot.services import users
from bot.settings import FeedbackSettings

# 2026-03-02 is a Monday; 10:00 in Shanghai is 02:00 UTC.
MONDAY_10 = datetime(2026, 3, 2, 2, 0, tzinfo=UTC)


async def person(
    runtime: Runtime, telegram_id: int, name: str, *roles: str, lang: str = "en"
) -> Author:
    """Register someone (with roles) and return them as an author."""
    async with runtime.db.transaction() as session:
        profile = await users.register(
            session,
            users.Person(telegram_id, name, language_code=lang),
            runtime.clock.now(),
        )
        for role in roles:
            await users.grant_role(session, profile.id, role, runtime.clock.now())
    return Author(profile.id, name)


async def give(
    runtime: Runtime,
    author: Author,
    draft: Draft,
    at: datetime | None = None,
) -> feedback.Submitted:
    """Submit a feedback as ``author`` at ``at`` (default: the runtime's clock)."""
    async with runtime.db.transaction() as session:
        return await feedback.submit(
            session,
            author=author,
            draft=draft,
            now=at or runtime.clock.now(),
            zone=runtime.centre.zone,
            settings=runtime.settings.feedback,
            catalog=runtime.catalog,
        )


async def outbox_texts(runtime: Runtime, chat_id: int | None = None) -> list[str]:
    async with runtime.db.read() as session:
        query = "SELECT b.text FROM outbox_messages m JOIN outbox_bodies b ON b.id = m.body_id"
        if chat_id is not None:
            query += f" WHERE m.chat_id = {int(chat_id)}"
        rows = await session.execute(text(query + " ORDER BY m.id"))
        return [row[0] for row in rows]


def test_meal_is_preselected_by_local_time_of_day() -> None:
    """Breakfast until lunch starts, lunch until dinner starts, dinner after."""
    settings = FeedbackSettings()
    assert feedback.preselect_meal(time(5, 0), settings) == "breakfast"
    assert feedback.preselect_meal(time(10, 59), settings) == "breakfast"
    assert feedback.preselect_meal(time(11, 0), settings) == "lunch"
    assert feedback.preselect_meal(time(16, 59), settings) == "lunch"
    assert feedback.preselect_meal(time(17, 0), settings) == "dinner"
    assert feedback.preselect_meal(time(23, 59), settings) == "dinner"


async def test_second_feedback_on_the_same_meal_updates_the_first(runtime: Runtime) -> None:
    """The same resident, meal and local day: one row, updated in place, tags replaced."""
    wang = await person(runtime, 5001, "Wang")
    first = await give(runtime, wang, Draft("lunch", 4, ("taste", "price"), "ok"))
    second = await give(
        runtime,
        wang,
        Draft("lunch", 5, ("variety",), "better"),
        at=MONDAY_10 + timedelta(hours=3),
    )
    assert not first.updated
    assert second.updated
    assert second.feedback_id == first.feedback_id
    async with runtime.db.read() as session:
        rows = (await session.execute(select(Feedback.stars, Feedback.revisions))).all()
        tags = (await session.execute(text("SELECT tag FROM feedback_tags"))).all()
    assert [tuple(r) for r in rows] == [(5, 2)]
    assert [t[0] for t in tags] == ["variety"]


async def test_other_meal_or_other_day_is_a_new_feedback(runtime: Runtime) -> None:
    """Dinner the same day, or lunch the next day, are separate feedback."""
    wang = await person(runtime, 5002, "Wang")
    await give(runtime, wang, Draft("lunch", 4))
    await give(runtime, wang, Draft("dinner", 3))
    await give(runtime, wang, Draft("lunch", 2), at=MONDAY_10 + timedelta(days=1))
    async with runtime.db.read() as session:
        count = await session.scalar(select(Feedback.id).order_by(Feedback.id.desc()).limit(1))
        days = (await session.execute(select(Feedback.day, Feedback.meal))).all()
    assert count is not None
    assert sorted((d.isoformat(), m) for d, m in days) == [
        ("2026-03-02", "dinner"),
        ("2026-03-02", "lunch"),
        ("2026-03-03", "lunch"),
    ]


async def test_local_day_is_used_across_the_utc_boundary(runtime: Runtime) -> None:
    """Feedback at 23:30 UTC is the next local day in Shanghai."""
    wang = await person(runtime, 5003, "Wang")
    await give(runtime, wang, Draft("breakfast", 4), at=datetime(2026, 3, 1, 23, 30, tzinfo=UTC))
    async with runtime.db.read() as session:
        day = await session.scalar(select(Feedback.day))
    assert day == date(2026, 3, 2)


async def test_flood_limit_refuses_politely_and_recovers_after_an_hour(runtime: Runtime) -> None:
    """Past the hourly limit a submission is refused; an hour later it is accepted again."""
    runtime.settings.feedback = FeedbackSettings(max_submissions_per_hour=2)
    li = await person(runtime, 5004, "Li")
    await give(runtime, li, Draft("lunch", 4))
    await give(runtime, li, Draft("lunch", 5), at=MONDAY_10 + timedelta(minutes=1))
    with pytest.raises(FeedbackError) as refused:
        await give(runtime, li, Draft("dinner", 5), at=MONDAY_10 + timedelta(minutes=2))
    assert refused.value.key == "feedback-flood"
    await give(runtime, li, Draft("dinner", 5), at=MONDAY_10 + timedelta(minutes=61))


@pytest.mark.parametrize(
    "draft",
    [
        Draft("supper", 4),
        Draft("lunch", 0),
        Draft("lunch", 6),
        Draft("lunch", 4, ("poison",)),
        Draft("lunch", 4, ("taste", "taste")),
        Draft("lunch", 4, photos=("a", "b", "c", "d")),
    ],
)
async def test_forged_choices_are_refused(runtime: Runtime, draft: Draft) -> None:
    """Unknown meals, stars outside 1-5, unknown or repeated tags, too many photos: refused."""
    zhao = await person(runtime, 5005, "Zhao")
    with pytest.raises(FeedbackError):
        await give(runtime, zhao, draft)
    async with runtime.db.read() as session:
        assert await session.scalar(select(Feedback.id)) is None


async def test_too_long_comment_is_refused_with_its_limit(runtime: Runtime) -> None:
    """A comment over the bound is refused with the limit to show."""
    zhao = await person(runtime, 5006, "Zhao")
    with pytest.raises(FeedbackError) as refused:
        await give(runtime, zhao, Draft("lunch", 4, comment="x" * 1001))
    assert refused.value.key == "feedback-comment-too-long"
    assert refused.value.args_for_text == {"limit": 1000}


async def test_low_rating_alerts_every_staff_member_in_their_language(runtime: Runtime) -> None:
    """Two stars: one alert per staff holder, with Reply and Resolve buttons; none for 3."""
    await person(runtime, 6001, "Cook", "staff", lang="zh")
    await person(runtime, 6002, "Manager", "staff", lang="en")
    await person(runtime, 6003, "Organiser", "organiser")
    wang = await person(runtime, 5007, "Wang")
    ok = await give(runtime, wang, Draft("lunch", 3))
    assert ok.alerts == 0
    low = await give(runtime, wang, Draft("dinner", 2, ("hygiene",), "cold soup"))
    assert low.alerts == 2
    zh = await outbox_texts(runtime, 6001)
    en = await outbox_texts(runtime, 6002)
    assert len(zh) == 1
    assert "低分评价" in zh[0]
    assert "cold soup" in en[0]
    assert "Wang" in en[0]
    assert await outbox_texts(runtime, 6003) == []
    async with runtime.db.read() as session:
        buttons = await session.scalar(
            text("SELECT b.buttons FROM outbox_bodies b JOIN outbox_messages m ON m.body_id = b.id")
        )
    assert f"feedback:reply:{low.feedback_id}" in str(buttons)
    assert f"feedback:resolve:{low.feedback_id}" in str(buttons)


async def test_anonymous_low_rating_alert_hides_the_name(runtime: Runtime) -> None:
    """An anonymous resident's alert names nobody."""
    await person(runtime, 6004, "Cook", "staff")
    wang = await person(runtime, 5008, "WangSecret")
    await give(runtime, wang, Draft("lunch", 1, comment="bad", anonymous=True))
    [alert] = await outbox_texts(runtime, 6004)
    assert "WangSecret" not in alert
    assert "anonymous" in alert


async def test_alerts_go_to_the_configured_staff_group_instead(runtime: Runtime) -> None:
    """With a staff group chat configured, the alert goes there once."""
    runtime.settings.feedback = FeedbackSettings(staff_chat_id=-100123)
    await person(runtime, 6005, "Cook", "staff")
    wang = await person(runtime, 5009, "Wang")
    result = await give(runtime, wang, Draft("lunch", 2))
    assert result.alerts == 1
    assert len(await outbox_texts(runtime, -100123)) == 1
    assert await outbox_texts(runtime, 6005) == []


async def test_answer_and_resolve_reach_the_resident_once(runtime: Runtime) -> None:
    """Staff's answer and the resolution go to the resident; a second resolve changes nothing."""
    cook = await person(runtime, 6006, "Cook", "staff")
    wang = await person(runtime, 5010, "Wang", lang="zh")
    submitted = await give(runtime, wang, Draft("lunch", 1, anonymous=True))
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        assert await feedback.answer(
            session,
            feedback_id=submitted.feedback_id,
            staff=cook,
            text="明天换新厨师",
            now=now,
            settings=runtime.settings.feedback,
            catalog=runtime.catalog,
        )
        first = await feedback.resolve(
            session, feedback_id=submitted.feedback_id, staff=cook, now=now, catalog=runtime.catalog
        )
        second = await feedback.resolve(
            session, feedback_id=submitted.feedback_id, staff=cook, now=now, catalog=runtime.catalog
        )
        missing = await feedback.resolve(
            session, feedback_id=999, staff=cook, now=now, catalog=runtime.catalog
        )
    assert (first, second, missing) == ("resolved", "already", "missing")
    texts = await outbox_texts(runtime, 5010)
    assert len(texts) == 2
    assert "明天换新厨师" in texts[0]
    assert "已经处理" in texts[1]
    async with runtime.db.read() as session:
        actions = (await session.execute(text("SELECT action FROM audit_log ORDER BY id"))).all()
        open_now = await session.scalar(select(Feedback.needs_attention))
    assert [a[0] for a in actions] == ["feedback.reply", "feedback.resolve"]
    assert open_now is False


async def test_answer_length_is_bounded(runtime: Runtime) -> None:
    """An empty or over-long answer is refused and nothing is sent."""
    cook = await person(runtime, 6007, "Cook", "staff")
    wang = await person(runtime, 5011, "Wang")
    submitted = await give(runtime, wang, Draft("lunch", 1))
    for bad in ("   ", "x" * 1001):
        async with runtime.db.transaction() as session:
            with pytest.raises(FeedbackError):
                await feedback.answer(
                    session,
                    feedback_id=submitted.feedback_id,
                    staff=cook,
                    text=bad,
                    now=runtime.clock.now(),
                    settings=runtime.settings.feedback,
                    catalog=runtime.catalog,
                )
    assert await outbox_texts(runtime, 5011) == []


async def test_export_hides_identity_of_anonymous_entries(runtime: Runtime) -> None:
    """Excel and CSV carry every entry; anonymous ones have empty name and Telegram id."""
    wang = await person(runtime, 5012, "Wang")
    li = await person(runtime, 5013, "LiHidden")
    await give(runtime, wang, Draft("lunch", 4, ("taste",), "=HYPERLINK(1)"))
    await give(runtime, li, Draft("lunch", 2, comment="salty", anonymous=True))
    async with runtime.db.read() as session:
        xlsx, csv_bytes, count = await feedback.export_files(
            session, date(2026, 3, 1), date(2026, 3, 2), feedback.EXPORT_COLUMNS
        )
    assert count == 2
    rows = list(csv.reader(io.StringIO(csv_bytes.decode("utf-8-sig"))))
    assert rows[0] == list(feedback.EXPORT_COLUMNS)
    by_comment = {row[5]: row for row in rows[1:]}
    assert by_comment["salty"][8:10] == ["", ""]
    assert "LiHidden" not in csv_bytes.decode("utf-8-sig")
    assert by_comment["'=HYPERLINK(1)"][8:10] == ["Wang", "5012"]
    sheet = load_workbook(io.BytesIO(xlsx)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert len(values) == 3
    assert "LiHidden" not in str(values)


def test_feedback_settings_read_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tags as a comma list, an empty staff chat id as none, times as HH:MM; bad tags refused."""
    from pydantic import ValidationError

    from bot.settings import Settings

    monkeypatch.setenv("FRONTDESK_FEEDBACK__TAGS", "taste, price")
    monkeypatch.setenv("FRONTDESK_FEEDBACK__STAFF_CHAT_ID", "")
    monkeypatch.setenv("FRONTDESK_FEEDBACK__DIGEST_TIME", "07:15")
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.feedback.tags == ["taste", "price"]
    assert settings.feedback.staff_chat_id is None
    assert settings.feedback.digest_time == time(7, 15)
    monkeypatch.setenv("FRONTDESK_FEEDBACK__TAGS", "Taste!")
    with pytest.raises(ValidationError):
        Settings(_env_file=None)  # type: ignore[call-arg]
