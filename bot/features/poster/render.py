"""Drawing a poster: an A4 page with a bilingual title, a QR code and a call to action.

Pure Pillow and segno, no Telegram. The font is Noto Sans CJK SC from the ``mplfonts``
wheel (``bot.fonts``, shared with the digest's chart: nothing is downloaded at run time).
The page is drawn at 300 dpi (2480 x 3508 pixels) and saved as PNG and as a one-page PDF
of exactly A4 (595 x 842 points).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import cache

from bot.fonts import cjk_font_path

font_path = cjk_font_path  # the posters' font is the one CJK font of bot.fonts

DPI = 300
A4 = (2480, 3508)  # 210 x 297 mm at 300 dpi
MARGIN = 180
INK = (33, 33, 33)
ACCENT = (196, 30, 58)  # the centre's red


@dataclass(frozen=True, slots=True)
class PosterText:
    """What a poster says, in both languages (the Chinese first and larger)."""

    title_zh: str
    title_en: str
    action_zh: str
    action_en: str
    footer: str  # the centre's name, small at the top


@dataclass(frozen=True, slots=True)
class Poster:
    png: bytes
    pdf: bytes


@cache
def _font(size: int):  # type: ignore[no-untyped-def]  # PIL's FreeTypeFont
    from PIL import ImageFont

    return ImageFont.truetype(str(font_path()), size)


def _wrap(draw, text: str, font, width: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Lines that fit ``width``: Chinese breaks between any characters, English at spaces."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        tokens = paragraph.split(" ") if paragraph.isascii() else list(paragraph)
        joiner = " " if paragraph.isascii() else ""
        for token in tokens:
            candidate = f"{line}{joiner}{token}" if line else token
            if draw.textlength(candidate, font=font) <= width or not line:
                line = candidate
            else:
                lines.append(line)
                line = token
        lines.append(line)
    return lines


def _block(draw, top: int, text: str, size: int, fill: tuple[int, int, int], most: int) -> int:  # type: ignore[no-untyped-def]
    """Centred lines of ``text`` from ``top`` (at most ``most`` lines); returns the new top."""
    font = _font(size)
    width = A4[0] - 2 * MARGIN
    lines = _wrap(draw, text, font, width)
    if len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1].rstrip() + "…"]
    for line in lines:
        draw.text((A4[0] // 2, top), line, font=font, fill=fill, anchor="ma")
        top += int(size * 1.3)
    return top


def qr_image(url: str, size: int):  # type: ignore[no-untyped-def]
    """The link as a QR code (error correction M: survives a smudge), ``size`` pixels wide."""
    import segno
    from PIL import Image

    code = segno.make(url, error="m", micro=False)
    buffer = io.BytesIO()
    modules = code.symbol_size(scale=1, border=4)[0]
    code.save(buffer, kind="png", scale=max(1, size // modules), border=4)
    buffer.seek(0)
    image = Image.open(buffer).convert("L")
    return image.resize((size, size), Image.Resampling.NEAREST)


def render(url: str, text: PosterText) -> Poster:
    """The poster as PNG and PDF bytes."""
    from PIL import Image, ImageDraw

    page = Image.new("RGB", A4, "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, A4[0], 60), fill=ACCENT)
    top = _block(draw, 130, text.footer, 56, INK, 2) + 120
    top = _block(draw, top, text.title_zh, 170, ACCENT, 2)
    top = _block(draw, top + 10, text.title_en, 100, INK, 2) + 60
    side = 1500
    page.paste(qr_image(url, side), ((A4[0] - side) // 2, top))
    top += side + 70
    top = _block(draw, top, text.action_zh, 90, INK, 2)
    top = _block(draw, top + 10, text.action_en, 64, INK, 3)
    _block(draw, max(top + 40, A4[1] - 200), url, 44, (110, 110, 110), 1)
    draw.rectangle((0, A4[1] - 60, A4[0], A4[1]), fill=ACCENT)
    png = io.BytesIO()
    page.save(png, format="PNG", optimize=True, dpi=(DPI, DPI))
    pdf = io.BytesIO()
    page.save(pdf, format="PDF", resolution=float(DPI))
    return Poster(png.getvalue(), pdf.getvalue())
