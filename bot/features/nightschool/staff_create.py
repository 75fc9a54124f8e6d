"""Staff create courses: step by step in the chat, or a whole term from a file."""

from __future__ import annotations

from dataclasses import dataclass, field

from telegram import ReplyKeyboardMarkup, ReplyKeyboardRemove, Update
from telegram.ext import (
    ConversationHandler,
)

from bot.context import FrontdeskContext
from bot.features.nightschool import courses, files, inputs
from bot.features.nightschool.inputs import CourseDraft, InvalidInput
from bot.features.nightschool.staff_base import (
    STEP,
    WAIT_FILE,
    _error_text,
    _say,
    _school,
    _staff_card,
    _venue_names,
    list_courses,
)
from bot.features.nightschool.texts import ASK_TEXTS
from bot.services import audit
from bot.tg.guards import allowed, checks_role_inside
from bot.tg.menu import main_menu


@dataclass(slots=True)
class NewCourse:
    """A course being created step by step: the answers so far and the step asked now.

    ``merged``: no longer read (the count shown is fixed now, see :func:`_prompt`); kept so that
    a draft stored before still loads.
    """

    draft: CourseDraft = field(default_factory=CourseDraft)
    step: int = 0
    merged: int = 0


# The hours are part of the first class's step: most staff type them with the day ("每周三
# 19:00-20:30"), and a day alone gets the hours asked under the same number. So the count
# never changes on the way ("共 14 步" became "第 11 步，共 13 步" when the hours came along).
_TIME_STEP = inputs.FIELDS.index("time")
STEPS_SHOWN = len(inputs.FIELDS) - 1


def _prompt(context: FrontdeskContext, step: int) -> str:
    name = inputs.FIELDS[step]
    extra: dict[str, object] = {}
    if name == "venue":
        extra["known"] = _venue_names(context)
    number = step + 1 - (step >= _TIME_STEP)
    head = context.t("ns-new-step", number=number, total=STEPS_SHOWN)
    return head + "\n" + context.t(ASK_TEXTS[name], **extra)


def _choices(context: FrontdeskContext, step: int) -> ReplyKeyboardMarkup | ReplyKeyboardRemove:
    """Buttons for the answers that are a choice (venue, allocation); typing still works."""
    name = inputs.FIELDS[step]
    if name == "venue":
        names = [v.name.get(context.language) for v in context.runtime.centre.venues]
        rows = [names[i : i + 2] for i in range(0, len(names), 2)]
    elif name == "mode":
        rows = [[context.t("ns-mode-choice-fcfs"), context.t("ns-mode-choice-lottery")]]
    else:
        return ReplyKeyboardRemove()
    return ReplyKeyboardMarkup(rows, one_time_keyboard=True, resize_keyboard=True)


@checks_role_inside("staff")
async def new_course(update: Update, context: FrontdeskContext) -> int:
    """/ns_new: start the guided creation of a course."""
    if not await allowed(update, context, "staff", "night-school staff command"):
        return ConversationHandler.END
    context.drafts.put(NewCourse())
    await _say(update, context, context.t("ns-new-intro") + "\n\n" + _prompt(context, 0))
    return STEP


async def new_course_step(update: Update, context: FrontdeskContext) -> int:
    """One answer of the guided creation: validated, then the next question or the preview."""
    assert update.effective_message is not None
    form = context.drafts.get(NewCourse)
    if form is None:
        return ConversationHandler.END
    draft, step, merged = form.draft, form.step, form.merged
    name = inputs.FIELDS[step]
    runtime = context.runtime
    words = inputs.from_words(
        name,
        (update.effective_message.text or "")[:2000],
        runtime.clock.now(),
        runtime.centre.zone,
        runtime.hours.calendar,
    )
    try:
        inputs.apply_field(draft, name, words.text, runtime.centre)
        if words.time_range is not None:  # "下周四晚上7点到8点半": the hours came with the day
            inputs.apply_field(draft, "time", words.time_range, runtime.centre)
            step, merged = step + 1, merged + 1
        inputs.check_first_class_ahead(draft, runtime.clock.now(), runtime.centre.zone)
    except InvalidInput as problem:
        if problem.code is inputs.Problem.FIRST_CLASS_PAST:  # the day is asked again, even
            # when the hours made it past (today, earlier than now): the way out of a trap
            form.step, form.merged = inputs.FIELDS.index("first_date"), 0
        text = _error_text(context, problem) + "\n" + _prompt(context, form.step)
        await _say(update, context, text, _choices(context, form.step))
        return STEP
    step += 1
    if step < len(inputs.FIELDS):
        form.step, form.merged = step, merged
        await _say(update, context, _prompt(context, step), _choices(context, step))
        return STEP
    assert context.profile is not None
    now = runtime.clock.now()
    async with runtime.db.transaction() as session:
        course_id = await courses.create_course(
            session, _school(runtime), draft, context.profile.id, now
        )
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="nightschool.create",
            subject=f"course {course_id}",
            now=now,
            details={"title": draft.title_zh},
        )
    context.drafts.pop(NewCourse)
    plan = courses.plan_of(draft, _school(runtime))
    if plan.skipped or plan.unknown:
        await _say(
            update,
            context,
            context.t(
                "ns-new-holidays",
                skipped=context.t.join(d.isoformat() for d in plan.skipped) or "none",
                unknown=context.t.join(d.isoformat() for d in plan.unknown) or "none",
            ),
        )
    await _staff_card(update, context, course_id, new=True)
    return ConversationHandler.END


async def cancel_conversation(update: Update, context: FrontdeskContext) -> int:
    """/cancel at any step: forget the draft, back to the menu."""
    context.drafts.pop(NewCourse)
    await _say(update, context, context.t("ns-cancelled-conversation"), main_menu(context.t))
    return ConversationHandler.END


async def not_text(update: Update, context: FrontdeskContext) -> int:
    """Something other than text during the guided creation: the question again, with its
    buttons (the venues, the ways to allocate places)."""
    form = context.drafts.get(NewCourse)
    step = form.step if form is not None else 0
    text = context.t("ns-err-need-text") + "\n" + _prompt(context, step)
    await _say(update, context, text, _choices(context, step))
    return STEP


@checks_role_inside("staff")
async def import_start(update: Update, context: FrontdeskContext) -> int:
    """/ns_import: ask for a YAML or CSV file of courses."""
    if not await allowed(update, context, "staff", "night-school staff command"):
        return ConversationHandler.END
    await _say(update, context, context.t("ns-import-ask"))
    return WAIT_FILE


async def import_file(update: Update, context: FrontdeskContext) -> int:
    """The term file: every row checked; all courses stored as drafts, or none."""
    message = update.effective_message
    assert message is not None
    assert message.document is not None
    assert context.profile is not None
    runtime = context.runtime
    document = message.document
    name = document.file_name or "term.yaml"
    if (document.file_size or 0) > files.TERM_FILE_MAX_BYTES or not name.lower().endswith(
        (".yaml", ".yml", ".csv")
    ):
        await _say(update, context, context.t("ns-import-unreadable"))
        return WAIT_FILE
    data = bytes(await (await document.get_file()).download_as_bytearray())
    school = _school(runtime)
    term = files.read_term_file(data, name, school)
    if term.unreadable:
        await _say(update, context, context.t("ns-import-unreadable"))
        return WAIT_FILE
    if term.problems:
        lines = [context.t("ns-import-problems", count=len(term.problems))]
        for problem in term.problems[:30]:
            lines.append(
                context.t(
                    "ns-import-problem",
                    row=problem.row,
                    field=problem.field,
                    problem=_error_text(context, problem.problem),
                )
            )
        await _say(update, context, "\n".join(lines))
        return WAIT_FILE
    now = runtime.clock.now()
    created = []
    async with runtime.db.transaction() as session:
        for draft in term.drafts:
            created.append(
                await courses.create_course(session, school, draft, context.profile.id, now)
            )
        await audit.record(
            session,
            actor_id=context.profile.id,
            actor_name=context.profile.first_name,
            action="nightschool.import",
            subject=name[:100],
            now=now,
            details={"courses": created},
        )
    await _say(
        update,
        context,
        context.t("ns-import-done", count=len(created)),
        main_menu(context.t),
    )
    await list_courses(update, context)
    return ConversationHandler.END


async def import_not_a_file(update: Update, context: FrontdeskContext) -> int:
    """Text (or a photo) instead of the term file."""
    await _say(update, context, context.t("ns-import-ask"))
    return WAIT_FILE
