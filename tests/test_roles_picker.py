"""/grant and /revoke offer the people the bot knows, a page at a time and found by part of a
name, then the roles as buttons in the admin's language (issue 16)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.test_roles import roles_of

NAMES = ["王阿姨", "李伯伯", "张奶奶", "陈先生", "刘老师", "赵大妈", "孙叔叔", "周阿姨", "吴伯伯"]


async def _residents(bot: Bot, first_id: int) -> None:
    for n, name in enumerate(NAMES):
        person = bot.emu.user(first_id + n, first_name=name, language_code="zh")
        await person.command("/start")
        await person.wait_message()
        bot.clock.advance(timedelta(minutes=1))  # each seen a minute after the one before


async def _admin(bot: Bot, telegram_id: int, lang: str, name: str = "Boss"):  # type: ignore[no-untyped-def]
    admin = bot.emu.user(telegram_id, first_name=name, language_code=lang, username="boss_one")
    await admin.command("/start")
    await admin.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, ["admin"], bot.clock.now())
    bot.runtime.profiles.forget(telegram_id)
    return admin


async def test_a_chinese_admin_picks_a_resident_from_pages_and_by_name(
    bot: Bot, catalog: Catalog
) -> None:
    """/grant alone lists people newest first, eight a page; "王" finds 王阿姨; her button
    offers the roles in Chinese and one press makes her staff, audited."""
    await _residents(bot, 6101)
    admin = await _admin(bot, 6100, "zh")
    await admin.command("/grant")
    listing = await admin.wait_message()
    assert listing.text == plain(catalog.text("zh", "roles-pick-person"))
    labels = listing.button_texts()
    assert labels[0].startswith("Boss @boss_one")  # the newest seen first
    assert labels[1] == "吴伯伯 · 居民"
    assert labels[-1] == "下一页 ▶"
    assert len(labels) == 9
    await admin.press("下一页 ▶")
    turned = await admin.wait_edit(listing)
    assert turned.button_texts() == ["李伯伯 · 居民", "王阿姨 · 居民", "◀ 上一页"]
    await admin.send("阿姨")
    found = await admin.wait_message()
    assert found.text == plain(catalog.text("zh", "roles-pick-found", count=2))
    assert found.button_texts() == ["周阿姨 · 居民", "王阿姨 · 居民"]
    await admin.press("王阿姨 · 居民")
    choose = await admin.wait_message()
    assert choose.text == plain(catalog.text("zh", "roles-choose", name="王阿姨", roles="居民"))
    assert "➕ 设为工作人员" in choose.button_texts()
    await admin.press("➕ 设为工作人员")
    done = await admin.wait_edit(choose)
    assert done.text == plain(catalog.text("zh", "roles-granted", name="王阿姨", role="工作人员"))
    assert await roles_of(bot, 6101) == {"staff"}
    assert await bot.sql("SELECT action FROM audit_log WHERE action = 'role.grant'") == [
        ("role.grant",)
    ]
    # The conversation ended with the pick: text is a question again, not a search.
    await admin.send("阿姨")
    answer = await admin.wait_message()
    assert answer.text != plain(catalog.text("zh", "roles-pick-found", count=2))


async def test_an_english_admin_searches_with_the_command_and_revokes(
    bot: Bot, catalog: Catalog
) -> None:
    """ "/revoke lin" lists Lin (by name or username); the buttons are in English; taking
    the staff role works; nobody found and /cancel are answered politely."""
    admin = await _admin(bot, 6200, "en")
    lin = bot.emu.user(6201, first_name="Lin", language_code="en", username="lin_helper")
    await lin.command("/start")
    await lin.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 6201, "Lin", ["staff"], bot.clock.now())
    await admin.command("/revoke HELPER")
    found = await admin.wait_message()
    assert found.button_texts() == ["Lin @lin_helper · staff"]
    await admin.press("Lin @lin_helper · staff")
    choose = await admin.wait_message()
    assert "➖ Remove staff" in choose.button_texts()
    await admin.press("➖ Remove staff")
    done = await admin.wait_edit(choose)
    assert done.text == plain(catalog.text("en", "roles-revoked", name="Lin", role="staff"))
    assert await roles_of(bot, 6201) == set()
    await admin.command("/grant")
    await admin.wait_message()
    await admin.send("x" * 5000)  # over-long: nobody, said politely, and the list ends
    nobody = await admin.wait_message()
    assert nobody.text == plain(catalog.text("en", "roles-pick-none", words="x" * 40))
    await admin.send("when does the gym open?")  # a question again, not a name
    assert not (await admin.wait_message()).text.startswith("Nobody found")
    await admin.command("/grant %_")  # LIKE's wildcards are letters here, not patterns
    assert (await admin.wait_message()).text == plain(
        catalog.text("en", "roles-pick-none", words="%_")
    )
    await admin.command("/grant")
    await admin.wait_message()
    await admin.forward_from(lin, "hello")  # forwarding still works while the list is shown
    offered = await admin.wait_message()
    assert "➕ Make staff" in offered.button_texts()
    await admin.command("/cancel")
    assert (await admin.wait_message()).text == catalog.text("en", "roles-pick-stopped")
    assert await roles_of(bot, 6201) == set()


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_residents_and_forged_picks_change_nothing(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """A resident's /grant is refused, a resident pressing a pick is refused, a pick of an
    unknown person or a forged page is a stale button; no role changes."""
    admin = await _admin(bot, 6300, lang)
    wang = bot.emu.user(6301, first_name="王阿姨", language_code=lang)
    await wang.command("/grant")
    assert (await wang.wait_message()).text == plain(catalog.text(lang, "refused-staff-only"))
    await wang.press_data("roles:pick:6301")
    await bot.settle()
    assert wang.callback_answers[-1].get("text") == catalog.text(lang, "refused-staff-only")
    await admin.command("/grant")
    listing = await admin.wait_message()
    await admin.press_data("roles:pick:999999", listing)
    await bot.settle()
    assert admin.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    await admin.press_data("roles:ppage:-1", listing)
    await bot.settle()
    assert admin.callback_answers[-1].get("text") == catalog.text(lang, "button-invalid")
    assert await bot.sql("SELECT count(*) FROM user_roles") == [(1,)]
