"""Night school data rights: what /mydata lists, and how /forgetme gives the places back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.features.nightschool.common import ACTIVE, WAITLISTED, School
from bot.features.nightschool.enrolment import release_places, waitlist_position
from bot.features.nightschool.models import Attendance, Course, CourseSession, DrawRank, Enrolment
from bot.services import privacy


class NightschoolData:
    """A person's enrolments, waitlist places, offers and applications, and their attendance.

    Forgetting withdraws every active place through :func:`~.enrolment.release_places` — the
    path of a resident's own cancellation, minus the late-cancellation cutoff — so a held seat is
    offered to the first person waiting (through the outbox, in their language) or given
    back; then the rows, attendance marks and draw ranks are deleted. The offer needs the
    :class:`~.common.School`; without one, forgetting someone who holds a place refuses
    rather than leave a seat counted for nobody.
    """

    name = "nightschool"

    def __init__(self, school: School | None) -> None:
        self.school = school

    async def export(self, session: AsyncSession, user_id: int) -> dict[str, Any]:
        rows = (
            await session.execute(
                select(Enrolment, Course)
                .join(Course, Course.id == Enrolment.course_id)
                .where(Enrolment.user_id == user_id)
                .order_by(Enrolment.created_at, Enrolment.id)
            )
        ).all()
        enrolments = []
        for enrolment, course in rows:
            position = None
            if enrolment.status == WAITLISTED:
                position = await waitlist_position(session, course.id, enrolment.seq)
            enrolments.append(
                {
                    "course": course.title_zh,
                    "course_en": course.title_en,
                    "status": enrolment.status,
                    "waitlist_position": position,
                    "offer_until": privacy.iso(enrolment.offer_expires_at),
                    "since": privacy.iso(enrolment.created_at),
                    "changed": privacy.iso(enrolment.updated_at),
                }
            )
        marks = await session.execute(
            select(Attendance.present, CourseSession.starts_at, Course.title_zh)
            .join(Enrolment, Enrolment.id == Attendance.enrolment_id)
            .join(CourseSession, CourseSession.id == Attendance.session_id)
            .join(Course, Course.id == CourseSession.course_id)
            .where(Enrolment.user_id == user_id)
            .order_by(CourseSession.starts_at)
        )
        return {
            "enrolments": enrolments,
            "attendance": [
                {"course": title, "class": privacy.iso(starts), "present": present}
                for present, starts, title in marks
            ],
        }

    async def forget(self, session: AsyncSession, user_id: int, now: datetime) -> None:
        await self.forget_many(session, [user_id], now)

    async def forget_many(
        self, session: AsyncSession, user_ids: Sequence[int], now: datetime
    ) -> None:
        """Active places are withdrawn course by course, the normal way (each held seat goes
        to the waitlist); then every row of these people goes in one statement per table."""
        ids = list(user_ids)
        # Their rows by the user index, the status filtered here: with the status in the
        # query SQLite chose the (status, offer_expires_at) index and read every active place
        # of every course for each batch (issue 18).
        rows = await session.execute(
            select(Enrolment.user_id, Enrolment.course_id, Enrolment.status).where(
                Enrolment.user_id.in_(ids)
            )
        )
        active = sorted(
            (course_id, user_id) for user_id, course_id, status in rows if status in ACTIVE
        )
        if active and self.school is None:
            raise RuntimeError("forgetting night-school places needs the school (its manifest)")
        by_course: dict[int, list[int]] = {}
        for course_id, user_id in active:
            by_course.setdefault(course_id, []).append(user_id)
        for course_id, people in by_course.items():
            assert self.school is not None
            await release_places(session, self.school, course_id, people, now)
        theirs = select(Enrolment.id).where(Enrolment.user_id.in_(ids))
        await session.execute(delete(Attendance).where(Attendance.enrolment_id.in_(theirs)))
        await session.execute(delete(DrawRank).where(DrawRank.enrolment_id.in_(theirs)))
        await session.execute(delete(Enrolment).where(Enrolment.user_id.in_(ids)))

    def held(self, user_ids: Any, telegram_ids: Any) -> list[Any]:
        """Their enrolments (attendance and draw ranks hang off them): privacy's probe."""
        return [select(Enrolment.id).where(Enrolment.user_id.in_(user_ids)).exists()]
