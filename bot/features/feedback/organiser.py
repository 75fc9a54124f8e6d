"""Organisers: the digest, its settings and the export."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import timedelta

from telegram import (
    InlineKeyboardMarkup,
    InputFile,
    Update,
)

from bot.clock import local_now
from bot.context import FrontdeskContext
from bot.features.feedback import digest
from bot.features.feedback import service as feedback
from bot.features.feedback.buttons import DigestSetting
from bot.features.feedback.service import FeedbackError
from bot.features.feedback.views import DIGEST_PRESETS, _button
from bot.services import audit
from bot.tg.buttons import pressed
from bot.tg.guards import require_role
from bot.tg.reply import edit

log = logging.getLogger(__name__)


def _args(context: FrontdeskContext) -> str:
    return " ".join(context.args or [])


@require_role("organiser")
async def show_digest(update: Update, context: FrontdeskContext) -> None:
    """``/digest [today|yesterday|YYYY-MM-DD|A..B]``: the digest now, with its chart."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    today = local_now(runtime.clock, runtime.centre.zone).date()
    try:
        start, end = digest.parse_period(_args(context), today, calendar=runtime.hours.calendar)
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return
    async with runtime.db.read() as session:
        report = await digest.build_report(session, start, end, runtime.settings.feedback)
    texts = digest.render(report, context.t, empty_note=True)
    for text in await digest.with_sections(runtime, start, end, texts, context.t):
        await message.reply_text(text)
    if report.count:
        png = await asyncio.to_thread(digest.render_chart, report.series, context.t)
        await message.reply_photo(
            InputFile(png, filename="digest.png"),
            caption=digest.chart_caption(context.t, report),
        )


@require_role("organiser")
async def export(update: Update, context: FrontdeskContext) -> None:
    """``/export [period]`` (default: the last 7 days): Excel and CSV, anonymous without names."""
    message = update.effective_message
    assert message is not None
    runtime = context.runtime
    settings = runtime.settings.feedback
    today = local_now(runtime.clock, runtime.centre.zone).date()
    try:
        if context.args:
            start, end = digest.parse_period(
                _args(context),
                today,
                calendar=runtime.hours.calendar,
                max_days=settings.export_max_days,
            )
        else:
            start, end = today - timedelta(days=6), today
    except FeedbackError as refused:
        await message.reply_text(context.t(refused.key, **refused.args_for_text))
        return
    async with runtime.db.read() as session:
        xlsx, csv_bytes, count = await feedback.export_files(
            session, start, end, feedback.EXPORT_COLUMNS
        )
    if not count:
        await message.reply_text(
            context.t("export-empty", start=start.isoformat(), end=end.isoformat())
        )
        return
    await audit_export(context, start.isoformat(), end.isoformat(), count)
    await message.reply_document(
        InputFile(xlsx, filename=feedback.export_filename(start, end, "xlsx")),
        caption=context.t("export-done", start=start.isoformat(), end=end.isoformat(), count=count),
    )
    await message.reply_document(
        InputFile(csv_bytes, filename=feedback.export_filename(start, end, "csv"))
    )


async def audit_export(context: FrontdeskContext, start: str, end: str, count: int) -> None:
    """Exports contain residents' data: who took one is recorded."""
    profile = context.profile
    assert profile is not None
    async with context.runtime.db.transaction() as session:
        await audit.record(
            session,
            actor_id=profile.id,
            actor_name=profile.first_name,
            action="feedback.export",
            subject=f"{start}..{end}",
            now=context.runtime.clock.now(),
            details={"rows": count},
        )


async def _settings_view(context: FrontdeskContext) -> tuple[str, InlineKeyboardMarkup]:
    profile = context.profile
    assert profile is not None
    runtime = context.runtime
    async with runtime.db.read() as session:
        sub = await digest.get_subscription(session, profile.id, runtime.settings.feedback)
    t = context.t
    text = t(
        "digest-settings",
        state=t("digest-state-on" if sub.enabled else "digest-state-off"),
        time=sub.at.strftime("%H:%M"),
    )
    toggle = (
        _button(t("digest-button-off"), DigestSetting("off"))
        if sub.enabled
        else _button(t("digest-button-on"), DigestSetting("on"))
    )
    presets = [
        _button(t("digest-button-time", time=at), DigestSetting(at.replace(":", "")))
        for at in DIGEST_PRESETS
    ]
    return text, InlineKeyboardMarkup([[toggle], presets[:3], presets[3:]])


async def _apply_setting(context: FrontdeskContext, value: str) -> bool:
    """``on``, ``off`` or a time; ``False`` when the value means nothing."""
    profile = context.profile
    assert profile is not None
    runtime = context.runtime
    lowered = value.strip().lower()
    enabled: bool | None = None
    at = None
    if lowered in {"on", "开", "开启"}:
        enabled = True
    elif lowered in {"off", "关", "关闭"}:
        enabled = False
    else:
        compact = re.fullmatch(r"([0-2]\d)([0-5]\d)", lowered)
        at = digest.parse_time(f"{compact.group(1)}:{compact.group(2)}" if compact else lowered)
        if at is None:
            return False
    async with runtime.db.transaction() as session:
        await digest.set_subscription(
            session, profile.id, runtime.clock.now(), enabled=enabled, at=at
        )
    return True


@require_role("organiser")
async def digest_settings(update: Update, context: FrontdeskContext) -> None:
    """``/digestsettings [HH:MM|on|off]``: show or change one's own digest."""
    message = update.effective_message
    assert message is not None
    if context.args and not await _apply_setting(context, _args(context)):
        await message.reply_text(context.t("digest-settings-bad-time"))
        return
    text, markup = await _settings_view(context)
    await message.reply_text(text, reply_markup=markup)


@require_role("organiser")
async def digest_settings_button(update: Update, context: FrontdeskContext) -> None:
    """A digest-settings button: on, off, or a preset time."""
    query = update.callback_query
    assert query is not None
    if not await _apply_setting(context, pressed(DigestSetting, update).value):
        await query.answer(context.t("button-invalid"), show_alert=True)
        return
    await query.answer(context.t("digest-settings-saved"))
    text, markup = await _settings_view(context)
    await edit(update, text, markup)


async def digest_tick(context: FrontdeskContext) -> None:
    """Every minute: send the digests that are due (any instance may run this at once)."""
    try:
        await digest.run_due_digests(context.runtime)
    except Exception:  # the next tick tries again; a failure must not stop the job
        log.exception("digest tick failed")
