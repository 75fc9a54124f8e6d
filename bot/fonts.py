"""The one CJK font every drawn image uses: Noto Sans CJK SC from the ``mplfonts`` wheel.

A dependency (SIL OFL), so the font is on disk once installed: nothing is fetched at run time
and nothing is needed from the system. The posters (Pillow) and the digest's chart
(matplotlib) both draw Chinese and Latin text with it.
"""

from __future__ import annotations

import importlib.util
from functools import cache
from pathlib import Path

CJK_FONT_FILE = "NotoSansCJKsc-Regular.otf"


class FontMissing(RuntimeError):
    """The CJK font's package is not installed (an install problem, never a user's)."""


@cache
def cjk_font_path() -> Path:
    """Where the CJK font lies inside the ``mplfonts`` package (found without importing it,
    which would load matplotlib)."""
    spec = importlib.util.find_spec("mplfonts")
    if spec is None or not spec.submodule_search_locations:
        raise FontMissing("the mplfonts package is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "fonts" / CJK_FONT_FILE
    if not path.is_file():
        raise FontMissing(f"{CJK_FONT_FILE} is not in the mplfonts package")
    return path
