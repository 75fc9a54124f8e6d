"""Roles from the chat: admins grant and revoke, list holders and read the audit log."""

from __future__ import annotations

import asyncio

from bot.features.roles import service as roles
from bot.i18n import Catalog
from bot.services import audit, users
from frontdesk_emulator import SimUser
from tests.conftest import Bot


async def make_staff(bot: Bot, telegram_id: int, name: str, *role_names: str) -> SimUser:
    """A person in the emulator holding ``role_names`` in the database."""
    person = bot.emu.user(telegram_id, first_name=name, language_code="en", username=name.lower())
    await person.command("/start")
    await person.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, telegram_id, name, list(role_names), bot.clock.now())
    bot.runtime.profiles.forget(telegram_id)  # as the /grant handler does after a change
    return person


async def roles_of(bot: Bot, telegram_id: int) -> set[str]:
    rows = await bot.sql(
        "SELECT r.role FROM user_roles r JOIN users u ON u.id = r.user_id "
        f"WHERE u.telegram_id = {telegram_id}"
    )
    return {str(role) for (role,) in rows}


async def test_grant_by_username_gives_the_role_audits_it_and_shows_staff_commands(
    bot: Bot,
) -> None:
    """/grant staff @name: the role is stored, audited, and the person's command list scoped."""
    admin = await make_staff(bot, 5001, "Boss", "admin")
    helper = bot.emu.user(5002, first_name="Lin", language_code="en", username="lin_helper")
    await helper.command("/start")
    await helper.wait_message()
    await admin.command("/grant staff @lin_helper")
    reply = await admin.wait_message()
    assert reply.text == "Done: Lin is now staff."
    assert await roles_of(bot, 5002) == {"staff"}
    async with bot.runtime.db.read() as session:
        entry = (await audit.recent(session, 1))[0]
    assert (entry.action, entry.actor_name, entry.details["role"]) == (
        "role.grant",
        "Boss",
        "staff",
    )
    scoped = [scope for scope, _ in bot.emu.commands if '"chat_id":5002' in scope.replace(" ", "")]
    assert scoped, bot.emu.commands.keys()
    commands = bot.emu.commands[(scoped[0], "")]
    assert "broadcast" in {c["command"] for c in commands}


async def test_grant_by_id_registers_someone_who_never_wrote(bot: Bot) -> None:
    """/grant organiser <id> works for a person the bot has not met yet."""
    admin = await make_staff(bot, 5011, "Boss", "admin")
    await admin.command("/grant organiser 5012")
    assert (await admin.wait_message()).text == "Done: 5012 is now organiser."
    assert await roles_of(bot, 5012) == {"organiser"}


async def test_unknown_username_and_bad_arguments_get_polite_answers(bot: Bot) -> None:
    """An unknown @username and a malformed command change nothing and explain why."""
    admin = await make_staff(bot, 5021, "Boss", "admin")
    await admin.command("/grant staff @nobody_here")
    assert "I don't know @nobody_here" in (await admin.wait_message()).text
    await admin.command("/grant king 5022")
    assert (await admin.wait_message()).text.startswith("Usage: /grant staff")
    assert await bot.sql("SELECT count(*) FROM user_roles WHERE role <> 'admin'") == [(0,)]


async def test_last_admin_cannot_be_removed(bot: Bot) -> None:
    """An admin revoking the only admin role left is refused."""
    admin = await make_staff(bot, 5031, "Boss", "admin")
    await admin.command("/revoke admin 5031")
    assert "last admin" in (await admin.wait_message()).text
    assert await roles_of(bot, 5031) == {"admin"}


async def test_two_admins_removing_each_other_at_once_leave_one(bot: Bot) -> None:
    """Concurrent revokes cannot leave the centre without an admin (the database decides)."""
    await make_staff(bot, 5041, "A", "admin")
    await make_staff(bot, 5042, "B", "admin")
    async with bot.runtime.db.read() as session:
        a = await users.find(session, 5041)
        b = await users.find(session, 5042)
    assert a is not None
    assert b is not None

    async def revoke(actor: users.Profile, target: users.Profile) -> roles.Outcome:
        async with bot.runtime.db.transaction() as session:
            return await roles.revoke(session, actor, target, "admin", bot.clock.now())

    outcomes = await asyncio.gather(revoke(a, b), revoke(b, a))
    assert sorted(outcomes) == sorted([roles.Outcome.REVOKED, roles.Outcome.LAST_ADMIN])
    assert await bot.sql("SELECT count(*) FROM user_roles WHERE role = 'admin'") == [(1,)]


async def test_forwarded_message_offers_role_buttons(bot: Bot) -> None:
    """Forwarding a person's message shows role buttons; pressing one grants the role."""
    admin = await make_staff(bot, 5051, "Boss", "admin")
    other = bot.emu.user(5052, first_name="Zhou", language_code="zh")
    await admin.forward_from(other, "你好")
    offer = await admin.wait_message()
    assert offer.text == "Zhou holds: resident. What would you like to change?"
    assert "roles:grant:staff:5052" in offer.callback_data()
    await admin.press("➕ Make staff")
    edited = await admin.wait_edit(offer)
    assert edited.text == "Done: Zhou is now staff."
    assert "roles:revoke:staff:5052" in edited.callback_data()
    assert await roles_of(bot, 5052) == {"staff"}


async def test_forward_from_a_hidden_account_is_explained(bot: Bot) -> None:
    """A forward whose sender hides their account gets a polite explanation."""
    admin = await make_staff(bot, 5061, "Boss", "admin")
    origin = {"type": "hidden_user", "sender_user_name": "Mrs Qian", "date": 1}
    admin._post(admin.state, {"text": "hi", "forward_origin": origin})
    reply = await admin.wait_message()
    assert reply.text.startswith("Mrs Qian hides their account")


async def test_resident_cannot_grant_and_forwarding_is_just_not_understood(bot: Bot) -> None:
    """A resident's /grant is refused; their forwarded "ok" gets the ordinary answer."""
    resident = bot.emu.user(5071, first_name="Wu", language_code="en")
    await resident.command("/grant admin 5071")
    assert (await resident.wait_message()).text == "Sorry, this command is for staff only."
    await resident.forward_from(bot.emu.user(5072, first_name="X"), "ok")
    assert (await resident.wait_message()).text.startswith("Sorry, I didn't understand")
    assert await roles_of(bot, 5071) == set()


async def test_a_residents_forward_is_answered_like_their_own_words(
    bot: Bot, catalog: Catalog
) -> None:
    """A complaint or question a resident forwards from another chat reaches the free-text
    answers (an answer, or the offer to ask staff), not the admins' role buttons."""
    resident = bot.emu.user(5073, first_name="Wu", language_code="zh")
    neighbour = bot.emu.user(5074, first_name="Neighbour")
    await resident.forward_from(neighbour, "楼道里的灯坏了三天了，有人管吗？")
    assert (await resident.wait_message()).text == catalog.text("zh", "qa-no-answer")
    await resident.forward_from(neighbour, "卫生站明天开门吗？")
    answer = (await resident.wait_message()).text or ""
    assert answer.startswith("社区卫生服务站")
    assert catalog.text("zh", "not-understood") not in answer
    assert await roles_of(bot, 5074) == set()  # nobody was registered or offered roles


async def test_a_staff_members_forward_offers_no_roles(bot: Bot, catalog: Catalog) -> None:
    """Only an admin's forward offers role buttons; a staff member's is the helpdesk's
    (tests/test_helpdesk_forwards.py): here, someone the bot never met, so why no ticket can
    be opened for them, and nothing "not understood"."""
    helper = await make_staff(bot, 5075, "Lin", "staff")
    await helper.forward_from(bot.emu.user(5076, first_name="Zhou"), "hello")
    reply = await helper.wait_message()
    assert reply.callback_data() == []
    link = "https://t.me/frontdesk_bot?start=ask"
    assert reply.text == catalog.text("en", "hd-forward-unknown", name="Zhou", link=link)
    assert await roles_of(bot, 5076) == set()


async def test_forged_role_button_changes_nothing(bot: Bot) -> None:
    """A forged or stale role button is answered and ignored."""
    admin = await make_staff(bot, 5081, "Boss", "admin")
    await admin.command("/roles")
    await admin.wait_message()
    await admin.press_data("roles:grant:king:5081")
    await admin.press_data("roles:grant:staff:99999999")
    await bot.settle()
    assert [a.get("text") for a in admin.callback_answers][-2:] == [
        "This button is no longer valid; please open the menu again."
    ] * 2
    assert await roles_of(bot, 5081) == {"admin"}


async def test_roles_and_audit_pages(bot: Bot) -> None:
    """/roles lists holders; /audit pages through entries, newest first."""
    admin = await make_staff(bot, 5091, "Boss", "admin")
    for n in range(12):
        await admin.command(f"/grant staff {5100 + n}")
        await admin.wait_message()
    await admin.command("/roles")
    listing = (await admin.wait_message()).text
    assert "admin: Boss @boss (id 5091)" in listing
    assert listing.count("staff:") == 12
    await admin.command("/audit")
    page = await admin.wait_message()
    assert page.text.count("Boss gave a role to: ") == 10  # plain words, not codes
    assert "role.grant" not in page.text
    assert "(5111)" in page.text.splitlines()[1]
    await admin.press("Older ›")
    older = await admin.wait_edit(page)
    assert older.text.count("gave a role to") == 2
    assert older.button_texts() == ["‹ Newer"]


async def test_grant_takes_role_names_in_chinese_and_audit_reads_in_chinese(bot: Bot) -> None:
    """ "/grant 工作人员 <id>" works, and a Chinese admin reads the log in words (issue 16)."""
    admin = await make_staff(bot, 5201, "Boss", "admin")
    async with bot.runtime.db.transaction() as session:
        found = await users.find(session, 5201)
        assert found is not None
        await users.set_language(session, found.id, "zh")
    bot.runtime.profiles.forget(5201)
    await admin.command("/grant 工作人员 5202")
    assert "工作人员" in (await admin.wait_message()).text
    assert await roles_of(bot, 5202) == {"staff"}
    await admin.command("/grant 厨师 5203")
    assert "用法" in (await admin.wait_message()).text
    await admin.command("/audit")
    page = (await admin.wait_message()).text
    assert "Boss 授予角色：" in page
    assert "role." not in page


def test_every_audited_action_has_words() -> None:
    """Each action recorded anywhere in the package is listed, and has words in both
    languages, so /audit never shows a code."""
    import re
    from pathlib import Path

    from bot.features.roles.audit_text import ACTIONS, action_key
    from bot.i18n import Catalog

    root = Path(__file__).resolve().parents[1] / "bot"
    found: set[str] = set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r'action="([a-z]+\.[a-z_-]+)"', source))
        found |= {
            f"broadcast.{a}"
            for a in re.findall(r'_audit\(session, actor, "broadcast\.([a-z]+)"', source)
        }
        found |= {
            f"nightschool.{a}"
            for a in re.findall(r'_record\(\s*context, session, "([a-z-]+)"', source)
        }
        found |= {f"nightschool.{a}" for a in re.findall(r'action, key = "([a-z-]+)"', source)}
    assert len(found) >= 20
    assert found <= set(ACTIONS), sorted(found - set(ACTIONS))
    catalog = Catalog()
    assert all(catalog.has(action_key(action)) for action in ACTIONS)


async def test_staff_lacking_the_role_are_told_which_role_and_whom_to_ask_in_english(
    bot: Bot, catalog: Catalog
) -> None:
    """A staff member without the organiser role is not told "/digest is for staff only"."""
    helper = await make_staff(bot, 5101, "Sam", "staff")
    await helper.command("/digest")
    refusal = (await helper.wait_message()).text
    assert refusal == "Only organisers can use /digest; ask an admin for the role."
    assert refusal != catalog.text("en", "refused-staff-only")


async def test_staff_lacking_the_role_are_told_which_role_and_whom_to_ask_in_chinese(
    bot: Bot, catalog: Catalog
) -> None:
    """小张 (staff only) sending /grant is told only admins may, and to ask one; a resident
    still gets the plain refusal."""
    helper = bot.emu.user(5111, first_name="小张", language_code="zh")
    await helper.command("/start")
    await helper.wait_message()
    async with bot.runtime.db.transaction() as session:
        await users.ensure_staff(session, 5111, "小张", ["staff"], bot.clock.now())
    bot.runtime.profiles.forget(5111)
    await helper.command("/grant")
    assert (await helper.wait_message()).text == "只有管理员可以使用 /grant，请联系管理员授予角色。"
    resident = bot.emu.user(5112, first_name="王阿姨", language_code="zh")
    await resident.command("/start")
    await resident.wait_message()
    await resident.command("/grant")
    assert (await resident.wait_message()).text == catalog.text("zh", "refused-staff-only")
