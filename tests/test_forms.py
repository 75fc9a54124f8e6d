"""Form state lives in the database: forms survive restarts and may hop between instances."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AsyncExitStack, asynccontextmanager

from sqlalchemy import select, update
from telegram import Update

from bot.app import (
    FrontdeskApplication,
    build_application,
    build_hours,
    build_runtime,
    inbox_worker,
    serving,
    update_poller,
)
from bot.centre import Centre
from bot.clock import ManualClock
from bot.features.feedback.models import Feedback
from bot.i18n import Catalog
from bot.runtime import Runtime
from bot.services import form_state, privacy, users
from bot.settings import Settings
from bot.storage.db import create_database
from bot.storage.models import FormState
from bot.testing import running_bot
from bot.tg import prefetch
from bot.tg.forms import FormStore, conversation_name
from bot.update_processor import PerChatUpdateProcessor
from frontdesk_emulator import BotApiEmulator, SimUser
from tests.conftest import Bot, package_known_until

Step = Callable[[], Awaitable[object]]


def _processor(app: FrontdeskApplication) -> PerChatUpdateProcessor:
    processor = app.update_processor
    assert isinstance(processor, PerChatUpdateProcessor)
    return processor


@asynccontextmanager
async def two_instances(
    runtime: Runtime,
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    clock: ManualClock,
    emulator: BotApiEmulator,
) -> AsyncIterator[list[FrontdeskApplication]]:
    """Two applications on one database, each with its own engine, both serving."""
    second_db = create_database(settings.database_url)
    hours = build_hours(centre, second_db, package=package_known_until(2026))
    other = build_runtime(
        settings, centre, database=second_db, clock=clock, catalog=catalog, hours=hours
    )
    apps = [
        build_application(
            r, base_url=emulator.base_url, base_file_url=emulator.base_file_url,
            token=emulator.token,
        )
        for r in (runtime, other)
    ]  # fmt: skip
    try:
        async with AsyncExitStack() as stack:
            for app in apps:
                await stack.enter_async_context(serving(app))
            yield apps
    finally:
        await second_db.dispose()


async def on(
    app: FrontdeskApplication,
    apps: list[FrontdeskApplication],
    emulator: BotApiEmulator,
    step: Step,
) -> None:
    """Let ``app`` alone fetch and handle what ``step`` sends."""
    assert app.updater is not None
    await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=Update.ALL_TYPES)
    try:
        await step()
        sent = emulator.core.next_update_id - 1
        async with asyncio.timeout(10):  # two processors share the count: no one event to wait
            while sum(_processor(a).finished for a in apps) < sent:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
    finally:
        await app.updater.stop()


async def test_a_feedback_form_whose_steps_alternate_between_two_instances_completes(
    runtime: Runtime,
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    clock: ManualClock,
    emulator: BotApiEmulator,
) -> None:
    """Each step lands on the other instance, whose memory is stale: the form still completes."""
    alice = emulator.user(9101, first_name="Alice", language_code="en")
    steps: list[Step] = [
        lambda: alice.command("/feedback"),
        lambda: alice.press("feedback:meal:lunch"),
        lambda: alice.press("feedback:stars:4"),
        lambda: alice.press("feedback:tag:taste"),
        lambda: alice.press("feedback:next:tags"),
        lambda: alice.send("Nice noodles"),
        lambda: alice.press("feedback:skip:photos"),
        lambda: alice.press("feedback:anon:1"),
    ]
    async with two_instances(runtime, settings, centre, catalog, clock, emulator) as apps:
        for n, step in enumerate(steps):
            await on(apps[n % 2], apps, emulator, step)
        summary = alice.messages[-1].text or ""
        assert "★★★★☆" in summary
        assert "Taste" in summary
        assert "Nice noodles" in summary
        await on(apps[len(steps) % 2], apps, emulator, lambda: alice.press("feedback:confirm:go"))
        assert alice.last is not None
        assert "Thank you!" in (alice.last.text or "")
        handled = [_processor(app).finished for app in apps]
    assert handled == [5, 4]
    async with runtime.db.read() as session:
        assert list(await session.scalars(select(FormState.key))) == []  # nothing left behind
        stored = (await session.execute(select(Feedback.stars, Feedback.comment))).all()
    assert [tuple(r) for r in stored] == [(4, "Nice noodles")]


async def through_the_inbox(
    app: FrontdeskApplication,
    apps: list[FrontdeskApplication],
    emulator: BotApiEmulator,
    step: Step,
) -> None:
    """Let ``app`` alone fetch, store, claim and handle what ``step`` sends (the inbox)."""
    poller, worker = update_poller(app), inbox_worker(app)
    poller.start(timeout=1)
    worker.start()
    try:
        await step()
        sent = emulator.core.next_update_id - 1
        async with asyncio.timeout(10):
            while sum(_processor(a).finished for a in apps) < sent:  # noqa: ASYNC110
                await asyncio.sleep(0.01)
    finally:
        await poller.stop()
        await worker.stop()


def _forms(app: FrontdeskApplication) -> FormStore:
    forms = _processor(app).forms
    assert forms is not None
    return forms


async def test_form_steps_alternating_between_instances_use_the_rows_read_with_their_claim(
    runtime: Runtime,
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    clock: ManualClock,
    emulator: BotApiEmulator,
) -> None:
    """Through the inbox, each step's form rows come with its claimed batch, none read alone,
    and they are current although the previous step was written by the other instance."""
    erin = emulator.user(9105, first_name="Erin", language_code="en")
    steps: list[Step] = [
        lambda: erin.command("/feedback"),
        lambda: erin.press("feedback:meal:lunch"),
        lambda: erin.press("feedback:stars:3"),
        lambda: erin.press("feedback:tag:taste"),
        lambda: erin.press("feedback:next:tags"),
        lambda: erin.send("Too salty"),
        lambda: erin.press("feedback:skip:photos"),
        lambda: erin.press("feedback:anon:1"),
        lambda: erin.press("feedback:confirm:go"),
    ]
    async with two_instances(runtime, settings, centre, catalog, clock, emulator) as apps:
        for app in apps:  # serving() started them; each step picks its instance below
            await inbox_worker(app).stop()
        for n, step in enumerate(steps):
            await through_the_inbox(apps[n % 2], apps, emulator, step)
        assert erin.last is not None
        assert "Thank you!" in (erin.last.text or "")
    assert [_forms(app).prefetched for app in apps] == [5, 4]
    assert [_forms(app).reads for app in apps] == [0, 0]
    async with runtime.db.read() as session:
        assert list(await session.scalars(select(FormState.key))) == []
        stored = (await session.execute(select(Feedback.stars, Feedback.comment))).all()
    assert [tuple(r) for r in stored] == [(3, "Too salty")]


def _message(bot: Bot, update_id: int, chat: dict[str, object], sender: int) -> Update:
    data = {
        "update_id": update_id,
        "message": {
            "message_id": update_id,
            "date": 0,
            "chat": chat,
            "from": {"id": sender, "is_bot": False, "first_name": "Finn"},
            "text": "hello",
        },
    }
    return Update.de_json(data, bot.app.bot)


async def test_drafts_read_with_a_batch_are_read_again_once_this_process_wrote_drafts(
    bot: Bot,
) -> None:
    """A person's drafts row, written by their update in another chat after the batch read,
    is read afresh: the batch's copy is not used; without such a write it is."""
    forms = _forms(bot.app)
    private = _message(bot, 900_001, {"id": 9106, "type": "private"}, 9106)
    in_group = _message(bot, 900_002, {"id": -100_123, "type": "group", "title": "Staff"}, 9106)
    async with bot.runtime.db.read() as session:
        batch = await prefetch.read_all(session, [forms.prefetch()], [private], bot.clock.now())
    reads = forms.reads

    with prefetch.using(batch[private.update_id]):
        assert await forms.before(private) is not None
    assert (forms.reads, forms.prefetched) == (reads, 1)  # nothing written since: trusted

    written = await forms.before(in_group)  # the person's update in a group writes a draft
    assert written is not None
    bot.app.user_data[9106]["draft"] = "from the group"
    await forms.after(written)
    with prefetch.using(batch[private.update_id]):
        assert await forms.before(private) is not None
    assert bot.app.user_data[9106] == {"draft": "from the group"}  # not the batch's empty row
    assert (forms.reads, forms.prefetched) == (reads + 2, 1)


async def open_feedback_in_chinese(bot: Bot, who: SimUser) -> None:
    await who.command("/feedback")
    await bot.settle()
    await who.press("feedback:meal:dinner")
    await bot.settle()
    await who.press("feedback:stars:2")
    await bot.settle()


async def test_a_half_filled_form_survives_a_restart(
    runtime: Runtime,
    settings: Settings,
    centre: Centre,
    catalog: Catalog,
    clock: ManualClock,
    emulator: BotApiEmulator,
) -> None:
    """Stars given before a restart are still there after it; the form goes on in Chinese."""
    mei = emulator.user(9102, first_name="梅", language_code="zh")
    async with running_bot(runtime, emulator, poll_timeout=1) as app:
        await open_feedback_in_chinese(Bot(app, emulator, runtime, clock), mei)
    restarted_db = create_database(settings.database_url)
    restarted = build_runtime(settings, centre, database=restarted_db, clock=clock, catalog=catalog)
    try:
        async with running_bot(restarted, emulator, poll_timeout=1) as app:
            before = emulator.core.next_update_id - 1

            async def then(step: Step) -> None:
                await step()
                await _processor(app).wait_finished(emulator.core.next_update_id - 1 - before)

            await then(lambda: mei.press("feedback:next:tags"))
            await then(lambda: mei.send("汤太咸了"))
            await then(lambda: mei.press("feedback:skip:photos"))
            await then(lambda: mei.press("feedback:anon:0"))
            summary = mei.messages[-1].text or ""
            assert "★★☆☆☆" in summary
            assert "汤太咸了" in summary
            await then(lambda: mei.press("feedback:confirm:go"))
            async with restarted.db.read() as session:
                stars = list(await session.scalars(select(Feedback.stars)))
            assert stars == [2]
    finally:
        await restarted_db.dispose()


async def test_an_unreadable_form_state_starts_afresh_with_a_polite_answer(bot: Bot) -> None:
    """A stored state that no longer unpickles (an upgrade renamed a draft class) is dropped."""
    carl = bot.emu.user(9103, first_name="Carl", language_code="en")
    await open_feedback_in_chinese(bot, carl)
    async with bot.runtime.db.transaction() as session:
        await session.execute(update(FormState).values(data=b"\x80\x05not a pickle"))
    await carl.send("Nice noodles")
    await bot.settle()
    assert carl.last is not None
    answer = carl.last.text or ""
    assert "didn't understand" in answer  # the form is gone: text is read as a question
    assert "went wrong" not in answer  # and nothing crashed
    async with bot.runtime.db.read() as session:
        left = list(await session.scalars(select(FormState.data)))
    assert b"\x80\x05not a pickle" not in left


async def test_forgetting_a_person_drops_their_half_filled_form(bot: Bot) -> None:
    """/forgetme's deletion takes the drafts and conversation steps too; /mydata lists them."""
    dora = bot.emu.user(9104, first_name="Dora", language_code="en")
    await open_feedback_in_chinese(bot, dora)
    async with bot.runtime.db.transaction() as session:
        me = await users.find(session, 9104)
        assert me is not None
        exported = await privacy.FormsSection().export(session, me.id)
        assert len(exported["forms_in_progress"]) == 2  # the steps and the draft
        assert await privacy.forget_user(
            session, me.id, bot.clock.now(), bot.runtime.privacy_sections
        )
        assert await form_state.total(session) == 0


def test_conversations_get_stable_distinct_names(runtime: Runtime) -> None:
    """Two builds of the application name their conversations alike, and no two the same."""

    def names() -> list[str]:
        app = build_application(runtime, token="1:x")
        forms = _processor(app).forms
        assert forms is not None
        return [name for name, _ in forms.named]

    first = names()
    assert first == names()
    assert len(set(first)) == len(first) >= 7
    assert {"feedback-form", "broadcast", "events-create", "nightschool-new"} <= set(first)
    app = build_application(runtime, token="1:x")
    forms = _processor(app).forms
    assert forms is not None
    assert all(conversation_name(handler) in name for name, handler in forms.named)


async def test_another_command_puts_a_half_done_form_aside_so_a_question_is_answered(
    bot: Bot,
) -> None:
    """After /hours, "明天卫生站开吗" is a question again, not the rating's comment."""
    wang = bot.emu.user(9105, first_name="王", language_code="zh")
    await open_feedback_in_chinese(bot, wang)
    await wang.command("/hours")
    await bot.settle()
    said = [m.text or "" for m in wang.messages[-2:]]
    assert "没有提交" in said[0]
    assert "/feedback" in said[0]
    assert "开放时间" in said[1]  # /hours still answered, after the note
    await wang.send("明天卫生站开吗")
    await bot.settle()
    answer = wang.last.text if wang.last else ""
    assert "卫生服务站" in (answer or "")
    async with bot.runtime.db.read() as session:
        assert list(await session.scalars(select(Feedback.comment))) == []
        assert await form_state.total(session) <= 1  # the steps are gone (a draft may stay)
    await wang.command("/feedback")  # and the form starts again
    await bot.settle()
    assert "早餐" in (wang.last.text or "") or "晚餐" in (wang.last.text or "")


async def test_a_menu_button_puts_a_form_aside_in_english(bot: Bot) -> None:
    ann = bot.emu.user(9106, first_name="Ann", language_code="en")
    await open_feedback_in_chinese(bot, ann)
    await ann.send("🕘 Opening hours")
    await bot.settle()
    notes = [m.text or "" for m in ann.messages[-3:]]
    assert any("not submitted" in n and "/feedback" in n for n in notes)
    await ann.send("is the gym open tomorrow")
    await bot.settle()
    assert "Gym" in (ann.last.text or "") or "gym" in (ann.last.text or "")


async def test_the_forms_own_commands_and_other_bots_commands_keep_it_open(bot: Bot) -> None:
    """/feedback starts it again, /cancel cancels it, "/x@otherbot" is not for us: no note."""
    li = bot.emu.user(9107, first_name="李", language_code="zh")
    await open_feedback_in_chinese(bot, li)
    await li.command("/hours@someone_else_bot")
    await bot.settle()
    assert not any("没有提交" in (m.text or "") for m in li.messages)
    await li.send("汤太咸了")  # still the comment step
    await bot.settle()
    assert "汤太咸了" in (li.last.text or "") or "照片" in (li.last.text or "")
    await li.command("/cancel")
    await bot.settle()
    assert not any("没有提交" in (m.text or "") for m in li.messages)


async def test_a_message_at_a_button_step_is_told_the_step_waits_and_opens_no_ticket(
    bot: Bot,
) -> None:
    """At the stars, a photo used to open a ticket with staff and text got an FAQ: now both
    are told the step waits, in the person's language, and the form goes on."""
    wang = bot.emu.user(9108, first_name="王", language_code="zh")
    await wang.command("/feedback")
    await bot.settle()
    await wang.send_photo(b"\x89PNG not really")
    await bot.settle()
    assert "还在等您" in (wang.last.text or "")
    amy = bot.emu.user(9109, first_name="Amy", language_code="en")
    await amy.command("/feedback")
    await bot.settle()
    await amy.send("the soup was cold")
    await bot.settle()
    assert "still waiting" in (amy.last.text or "")
    assert await bot.sql("SELECT COUNT(*) FROM tickets") == [(0,)]
    await amy.press("feedback:stars:2")  # the form goes on where it was (edited in place)
    await bot.settle()
    assert any("★★☆☆☆" in (m.text or "") for m in amy.messages)
