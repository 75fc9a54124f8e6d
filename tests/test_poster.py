"""/poster (issue 16): a print-ready A4 poster whose QR code, read back, opens the bot at the
target; staff write the target in either language; residents are refused."""

from __future__ import annotations

import io
import re

import pytest
import zxingcpp
from PIL import Image

from bot import deeplinks
from bot.features.poster import render
from bot.i18n import Catalog
from bot.services import users
from bot.tg.reply import plain
from tests.conftest import Bot
from tests.nightschool_helpers import make_school, published_course
from tests.test_events import make_event, staff_member


def _decoded(png: bytes) -> list[str]:
    return [found.text for found in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_the_font_ships_with_a_package_and_covers_chinese() -> None:
    """The CJK font is a file of an installed package, and it has glyphs for Chinese."""
    from PIL import ImageFont

    path = render.font_path()
    assert path.is_file()
    assert "site-packages" in str(path) or "dist-packages" in str(path)
    font = ImageFont.truetype(str(path), 40)
    # A missing glyph draws as the same empty box for every character: these differ.
    masks = {bytes(font.getmask(char)) for char in "食堂夜校"}
    assert len(masks) == 4


async def test_staff_get_a_course_poster_whose_qr_opens_the_course(
    bot: Bot, catalog: Catalog
) -> None:
    """/poster 课程 <id>: a PNG (A4 at 300 dpi) and a PDF (A4); the QR code decodes to the
    course's deep link, and a resident following it sees the course's card."""
    school = make_school(catalog, bot.runtime.centre)
    course_id = await published_course(bot.runtime.db, school, now=bot.clock.now())
    await staff_member(bot, 9101)
    li = bot.emu.user(9101, first_name="Li", language_code="zh")
    await li.command(f"/poster 课程 {course_id}")
    png = await li.wait_message(timeout=30, predicate=lambda m: m.document is not None)
    pdf = await li.wait_message(timeout=30, predicate=lambda m: m.document is not None)
    assert png.document is not None
    assert pdf.document is not None
    assert png.document["file_name"] == f"poster-course_{course_id}.png"
    link = deeplinks.url("frontdesk_bot", "course", course_id)
    image = Image.open(io.BytesIO(png.document["content"]))
    assert image.size == render.A4
    assert _decoded(png.document["content"]) == [link]
    assert link in (png.text or "")
    data = pdf.document["content"]
    assert data.startswith(b"%PDF")
    box = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert box is not None
    assert (round(float(box.group(1))), round(float(box.group(2)))) == (595, 842)
    wang = bot.emu.user(9102, first_name="Wang", language_code="zh")
    await wang.command("/start " + link.rpartition("start=")[2])
    card = await wang.wait_message()
    assert "Calligraphy(中)" in (card.text or "")


async def test_english_staff_name_venues_events_and_meals(bot: Bot, catalog: Catalog) -> None:
    """A venue named on its own, an event, feedback for a meal: each poster decodes to its
    link; unknown targets get a helpful answer in English."""
    event_id = await make_event(bot)
    await staff_member(bot, 9103)
    alice = bot.emu.user(9103, first_name="Alice", language_code="en")
    for target, kind, arg in (
        ("gym", "venue", "gym"),
        (f"event #{event_id}", "event", str(event_id)),
        ("feedback 午餐", "feedback", "lunch"),
    ):
        await alice.command(f"/poster {target}")
        png = await alice.wait_message(timeout=30, predicate=lambda m: m.document is not None)
        await alice.wait_message(timeout=30, predicate=lambda m: m.document is not None)
        assert png.document is not None
        assert _decoded(png.document["content"]) == [deeplinks.url("frontdesk_bot", kind, arg)]
    for target, key in (
        ("", "poster-usage"),
        ("moon base", "poster-unknown"),
        ("venue moon", "poster-unknown-venue"),
        ("course abc", "poster-need-number"),
        ("course 999999", "poster-unknown-course"),
        ("topic gossip", "poster-unknown-topic"),
        ("x" * 300, "poster-unknown"),
        # "\u202e食堂\u200b" is the canteen: the edge (bot/hygiene.py, issue 14) strips bidi
        # and zero-width marks before any handler sees the text.
    ):
        await alice.command(f"/poster {target}".rstrip())
        answer = await alice.wait_message()
        venues = ", ".join(v.name.en for v in bot.runtime.centre.venues)
        assert answer.text == plain(catalog.text("en", key, venues=venues)), target


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_residents_cannot_make_posters(bot: Bot, catalog: Catalog, lang: str) -> None:
    """A resident calling /poster is refused politely, in their language."""
    wang = bot.emu.user(9104, first_name="Wang", language_code=lang)
    await wang.command("/poster hours")
    answer = await wang.wait_message()
    assert answer.text == plain(catalog.text(lang, "refused-staff-only"))


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_poster_in_a_group_points_to_the_private_chat(
    bot: Bot, catalog: Catalog, lang: str
) -> None:
    """/poster sends files: in a staff group it answers with a pointer, no file is posted."""
    profile = await staff_member(bot, 9105)
    async with bot.runtime.db.transaction() as session:
        await users.set_language(session, profile.id, lang)
    group = bot.emu.group(-100905, "Staff")
    li = bot.emu.user(9105, first_name="Li", language_code=lang)
    await li.command("/poster hours", in_chat=group)
    pointer = await group.wait_message()
    assert pointer.document is None
    assert pointer.text == catalog.text(lang, "intake-private-only", command="/poster")
    await bot.settle()
    assert all(m.document is None for m in group.messages)
