"""Admins give and take staff roles from the chat, list who holds what, and read the audit log."""

from __future__ import annotations

import logging
import warnings
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.ext import (
    BaseHandler,
    CommandHandler,
    ConversationHandler,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBUserWarning

from bot.callbacks import encode
from bot.commands import CommandSpec, sync_commands
from bot.context import FrontdeskApplication, FrontdeskContext
from bot.features.common import handlers as common
from bot.features.roles import audit_text, buttons
from bot.features.roles import service as roles
from bot.features.roles.buttons import AuditPage, Grant, PeoplePage, PickPerson, Revoke
from bot.i18n import Translator, message_keys
from bot.manifest import Manifest
from bot.runtime import Runtime
from bot.services import users
from bot.tg.buttons import on
from bot.tg.guards import require_role
from bot.tg.pages import paged
from bot.tg.reply import alert, edit, reply, toast

log = logging.getLogger(__name__)

COMMANDS = [
    # Private: without a person named, they list people the bot knows, by name.
    CommandSpec("grant", "cmd-grant", role="admin", private=True),
    CommandSpec("revoke", "cmd-revoke", role="admin", private=True),
    CommandSpec("roles", "cmd-roles", role="admin", private=True),
    CommandSpec("audit", "cmd-audit", role="admin", private=True),
]


class Action(StrEnum):
    """What an admin does with a role."""

    GRANT = "grant"
    REVOKE = "revoke"


ROLE_LABELS = message_keys(
    users.Role,
    {
        users.Role.STAFF: "role-staff",
        users.Role.ORGANISER: "role-organiser",
        users.Role.ADMIN: "role-admin",
    },
)
OUTCOME_TEXTS = message_keys(
    roles.Outcome,
    {
        roles.Outcome.GRANTED: "roles-granted",
        roles.Outcome.ALREADY: "roles-already",
        roles.Outcome.REVOKED: "roles-revoked",
        roles.Outcome.NOT_HELD: "roles-not-held",
        roles.Outcome.LAST_ADMIN: "roles-last-admin",
    },
)
USAGE_TEXTS = message_keys(
    Action, {Action.GRANT: "roles-usage-grant", Action.REVOKE: "roles-usage-revoke"}
)
BUTTON_TEXTS = message_keys(
    Action, {Action.GRANT: "roles-button-grant", Action.REVOKE: "roles-button-revoke"}
)


def role_label(t: Translator, role: str) -> str:
    """A role's name in the reader's language."""
    return t(ROLE_LABELS[users.Role(role)])


ROLE_NAMES = {
    "staff": "staff",
    "organiser": "organiser",
    "organizer": "organiser",
    "admin": "admin",
}


def _role_named(context: FrontdeskContext, word: str) -> str | None:
    """A role by its code or its name in either language ("工作人员", "staff", "管理员")."""
    wanted = word.strip().lower()
    if wanted in ROLE_NAMES:
        return ROLE_NAMES[wanted]
    for role in users.ROLES:
        names = context.runtime.catalog.all_languages(ROLE_LABELS[role]).values()
        if wanted in {name.lower() for name in names}:
            return role
    return None


async def _change(
    update: Update, context: FrontdeskContext, action: Action, role: str, target: users.Profile
) -> str:
    """Apply a grant or revoke, refresh the person's command list, and say what happened."""
    assert context.profile is not None
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        # Re-read the target inside the transaction: their roles may have changed since.
        current = await users.find(session, target.telegram_id) or target
        change = roles.grant if action is Action.GRANT else roles.revoke
        outcome = await change(session, context.profile, current, role, runtime.clock.now())
    if outcome in (roles.Outcome.GRANTED, roles.Outcome.REVOKED):
        runtime.profiles.forget(target.telegram_id)
        await sync_commands(context.bot, runtime, only_chat=target.telegram_id)
    role_name = role_label(context.t, role)
    return context.t(OUTCOME_TEXTS[outcome], name=target.first_name, role=role_name)


PICK = 0  # the /grant conversation: waiting for a press or part of a name
PEOPLE_PAGE = 8  # people per page of the list to pick from


@dataclass(slots=True)
class PersonSearch:
    """What the admin typed to find someone (the pages of the list follow it)."""

    words: str = ""


async def _apply_in_one_line(
    update: Update, context: FrontdeskContext, action: Action, args: list[str]
) -> None:
    """``/grant <role> <@username|id>``: the change at once."""
    role = _role_named(context, args[0])
    if role is None or roles.parse_target(args[1]) is None:
        await reply(update, context.t(USAGE_TEXTS[action]))
        return
    runtime = context.runtime
    async with runtime.db.read() as session:
        target = await roles.find_target(session, args[1])
    if target is None:
        kind, value = roles.parse_target(args[1]) or ("", "")
        if kind == "username":
            await reply(update, context.t("roles-unknown-username", username=value))
            return
        async with runtime.db.transaction() as session:
            target = await roles.ensure_person(session, int(value), value, runtime.clock.now())
    await reply(update, await _change(update, context, action, role, target))


@require_role("admin")
async def grant_or_revoke(update: Update, context: FrontdeskContext) -> int:
    """``/grant``, ``/revoke``: alone (or with part of a name), a list of people to pick
    from; with a role and ``@username`` or an id, the change at once."""
    message = update.effective_message
    if message is None or message.text is None:
        return ConversationHandler.END
    grant = message.text.lstrip("/").lower().startswith("grant")
    action = Action.GRANT if grant else Action.REVOKE
    args = context.args or []
    if len(args) == 2:
        await _apply_in_one_line(update, context, action, args)
        return ConversationHandler.END
    if len(args) > 2:
        await reply(update, context.t(USAGE_TEXTS[action]))
        return ConversationHandler.END
    words = args[0] if args and _role_named(context, args[0]) is None else ""
    if words and roles.parse_target(words) is not None:  # "/grant 12345": that person
        async with context.runtime.db.read() as session:
            target = await roles.find_target(session, words)
        if target is not None:
            await _offer_roles(update, context, target)
            return ConversationHandler.END
    return await _list_people(update, context, words)


async def _list_people(update: Update, context: FrontdeskContext, words: str) -> int:
    """The people matching ``words`` (everyone, newest first, without), a page at a time."""
    context.drafts.put(PersonSearch(words[: roles.SEARCH_MAX]))
    async with context.runtime.db.read() as session:
        found = await roles.people(session, words)
    if not found:  # the list ends here: later text is not taken for a name any more
        context.drafts.pop(PersonSearch)
        key = "roles-pick-none" if words else "roles-pick-nobody"
        await reply(update, context.t(key, words=words[:40]))
        return ConversationHandler.END
    text = context.t("roles-pick-found", count=len(found)) if words else ""
    text = text or context.t("roles-pick-person")
    await reply(update, text, _people_markup(context, found, 0))
    return PICK


def _people_markup(
    context: FrontdeskContext, found: list[roles.Person], page: int
) -> InlineKeyboardMarkup:
    t = context.t
    items = [
        (
            t(
                "roles-pick-line",
                name=person.name[:40],
                handle=f" @{person.username}" if person.username else "",
                roles=t.join(role_label(t, role) for role in sorted(person.roles))
                or t("role-resident"),
            ),
            PickPerson(person.telegram_id),
        )
        for person in found
    ]
    return paged(t, items, page, PEOPLE_PAGE, PeoplePage)


async def search_typed(update: Update, context: FrontdeskContext) -> int:
    """Part of a name typed while the list is shown: the people it matches."""
    message = update.effective_message
    assert message is not None
    return await _list_people(update, context, (message.text or "").strip())


@require_role("admin")
async def people_page(update: Update, context: FrontdeskContext, press: PeoplePage) -> None:
    """◀ / ▶ in the list of people."""
    search = context.drafts.get(PersonSearch)
    async with context.runtime.db.read() as session:
        found = await roles.people(session, search.words if search is not None else None)
    await toast(update)
    await edit(update, context.t("roles-pick-person"), _people_markup(context, found, press.page))


@require_role("admin")
async def person_picked(update: Update, context: FrontdeskContext, press: PickPerson) -> int:
    """A person pressed in the list: their roles, as buttons to give or take."""
    async with context.runtime.db.read() as session:
        target = await users.find(session, press.telegram_id)
    if target is None:
        await alert(update, context.t("button-invalid"))
        return ConversationHandler.END
    await toast(update)
    context.drafts.pop(PersonSearch)
    await _offer_roles(update, context, target)
    return ConversationHandler.END


async def stop_picking(update: Update, context: FrontdeskContext) -> int:
    """/cancel while the list is shown."""
    context.drafts.pop(PersonSearch)
    await reply(update, context.t("roles-pick-stopped"))
    return ConversationHandler.END


async def _offer_roles(update: Update, context: FrontdeskContext, target: users.Profile) -> None:
    held = context.t.join(role_label(context.t, role) for role in sorted(target.roles))
    held = held or context.t("role-resident")
    text = context.t("roles-choose", name=target.first_name, roles=held)
    await reply(update, text, _choices(context, target))


def _choices(context: FrontdeskContext, target: users.Profile) -> InlineKeyboardMarkup:
    rows = []
    for role in users.ROLES:
        action = Action.REVOKE if role in target.roles else Action.GRANT
        label = context.t(BUTTON_TEXTS[action], role=role_label(context.t, role))
        data = (Revoke if action is Action.REVOKE else Grant)(role, target.telegram_id)
        rows.append([InlineKeyboardButton(label, callback_data=encode(data))])
    return InlineKeyboardMarkup(rows)


class _NotFromResident(filters.MessageFilter):
    """A forward that may be an admin's: not from someone just seen holding no role.

    The profile is loaded (and a resident's cached) before any feature runs, so a resident's
    forward — a complaint passed on from a WeChat group — is left to the free-text handlers
    and answered like their own words, instead of ending here. The check is synchronous (a
    filter cannot read the database); :func:`forwarded` still reads the roles.
    """

    def __init__(self, runtime: Runtime) -> None:
        super().__init__(name="roles.not_from_resident")
        self._profiles = runtime.profiles

    def filter(self, message: Message) -> bool:
        sender = message.from_user
        return sender is not None and not self._profiles.holds_no_role(sender.id)


async def forwarded(update: Update, context: FrontdeskContext) -> None:
    """An admin forwards a person's message: offer the roles to give or take."""
    message = update.effective_message
    if message is None:
        return
    if context.profile is None or not context.profile.has_role("admin"):
        await common.not_understood(update, context)
        return
    origin = message.forward_origin
    if isinstance(origin, MessageOriginHiddenUser):
        await reply(update, context.t("roles-hidden-user", name=origin.sender_user_name))
        return
    if not isinstance(origin, MessageOriginUser) or origin.sender_user.is_bot:
        await reply(update, context.t("roles-not-a-person"))
        return
    person = origin.sender_user
    runtime = context.runtime
    async with runtime.db.transaction() as session:
        target = await roles.ensure_person(
            session, person.id, person.first_name, runtime.clock.now(), person.username
        )
    await _offer_roles(update, context, target)


@require_role("admin")
async def audit_page(update: Update, context: FrontdeskContext, press: AuditPage) -> None:
    """A page of the audit log."""
    query = update.callback_query
    assert query is not None
    await query.answer()
    text, markup = await _audit_page(context, press.page)
    await query.edit_message_text(text, reply_markup=markup)


@require_role("admin")
async def role_button(update: Update, context: FrontdeskContext, press: Grant | Revoke) -> None:
    """A role button under a forwarded message: give or take it."""
    query = update.callback_query
    assert query is not None
    action = Action.REVOKE if isinstance(press, Revoke) else Action.GRANT
    role, telegram_id = press.role, press.telegram_id
    async with context.runtime.db.read() as session:
        target = await users.find(session, telegram_id)
    if target is None:
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    result = await _change(update, context, action, role, target)
    await query.answer()
    async with context.runtime.db.read() as session:
        target = await users.find(session, telegram_id) or target
    await query.edit_message_text(result, reply_markup=_choices(context, target))


@require_role("admin")
async def list_roles(update: Update, context: FrontdeskContext) -> None:
    """Who holds which role."""
    async with context.runtime.db.read() as session:
        holders = await roles.holders(session)
    lines = [context.t("roles-title")]
    for holder in holders:
        handle = f" @{holder.username}" if holder.username else ""
        lines.append(
            context.t(
                "roles-line",
                role=role_label(context.t, holder.role),
                name=holder.name,
                handle=handle,
                id=str(holder.telegram_id),
            )
        )
    if not holders:
        lines.append(context.t("roles-none"))
    await reply(update, "\n".join(lines))


async def _audit_page(
    context: FrontdeskContext, page: int
) -> tuple[str, InlineKeyboardMarkup | None]:
    async with context.runtime.db.read() as session:
        entries, older = await roles.audit_page(session, page)
    zone = context.runtime.centre.zone
    lines = [context.t("audit-title", page=page + 1)]
    for entry in entries:
        at = entry.at.astimezone(zone).strftime("%m-%d %H:%M")
        lines.append(audit_text.entry_text(context.t, context.runtime.centre, entry, at))
    if not entries:
        lines.append(context.t("audit-empty"))
    buttons = []
    if page > 0:
        buttons.append(
            InlineKeyboardButton(
                context.t("audit-newer"), callback_data=encode(AuditPage(page - 1))
            )
        )
    if older:
        buttons.append(
            InlineKeyboardButton(
                context.t("audit-older"), callback_data=encode(AuditPage(page + 1))
            )
        )
    return "\n".join(lines), InlineKeyboardMarkup([buttons]) if buttons else None


@require_role("admin")
async def show_audit(update: Update, context: FrontdeskContext) -> None:
    """The newest audit entries, with buttons to page back."""
    text, markup = await _audit_page(context, 0)
    await reply(update, text, markup)


def install(app: FrontdeskApplication) -> None:
    """Commands, forwarded messages and buttons of this module."""
    app.add_handler(_picking())
    app.add_handler(CommandHandler("roles", list_roles))
    app.add_handler(CommandHandler("audit", show_audit))
    from_staff = _NotFromResident(app.bot_data.runtime)
    app.add_handler(
        MessageHandler(filters.FORWARDED & filters.ChatType.PRIVATE & from_staff, forwarded)
    )
    app.add_handler(on(Grant, role_button))
    app.add_handler(on(Revoke, role_button))
    app.add_handler(on(AuditPage, audit_page))
    # A press in a list still shown after the conversation ended works too.
    app.add_handler(on(PickPerson, person_picked))
    app.add_handler(on(PeoplePage, people_page))


def _picking() -> ConversationHandler[FrontdeskContext]:
    """/grant and /revoke: the list of people, searched by typing part of a name."""
    typed = filters.TEXT & ~filters.COMMAND & ~filters.FORWARDED
    fallbacks: list[BaseHandler[Update, FrontdeskContext, Any]] = [
        CommandHandler("cancel", stop_picking)
    ]
    with warnings.catch_warnings():
        # per_message=False: one list per chat and person, as in the other staff forms.
        warnings.simplefilter("ignore", PTBUserWarning)
        return ConversationHandler(
            entry_points=[CommandHandler(["grant", "revoke"], grant_or_revoke)],
            states={PICK: [MessageHandler(typed, search_typed), on(PickPerson, person_picked)]},
            fallbacks=fallbacks,
            allow_reentry=True,
            name="roles-pick",
        )


MANIFEST = Manifest(
    name="roles",
    install=install,
    commands=COMMANDS,
    # The admin buttons (the guard of their handlers is checked against this).
    buttons={
        buttons.AuditPage: "admin",
        buttons.Grant: "admin",
        buttons.Revoke: "admin",
        buttons.PickPerson: "admin",
        buttons.PeoplePage: "admin",
    },
)
