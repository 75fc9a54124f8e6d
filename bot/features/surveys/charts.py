"""Charts of a survey's results, in the reader's language (one panel per question).

matplotlib's own font has no Chinese: the labels are set in the one CJK font of every drawn
image (``bot.fonts``: Noto Sans CJK SC from the ``mplfonts`` package's files). Without that
file, Chinese labels would show as boxes: the chart then falls back to option numbers, and
the text of the message names them.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path
from typing import Any

from bot.features.surveys.results import QuestionResult, Results
from bot.fonts import FontMissing, cjk_font_path

CHARTED = ("single", "multiple", "rating", "ranking")
MAX_PANELS = 12
LABEL_CHARS = 14


def cjk_font() -> Path | None:
    """The one CJK font of every drawn image (bot.fonts), or None when it is not installed."""
    try:
        return cjk_font_path()
    except FontMissing:
        return None


def _values(result: QuestionResult, lang: str, numbered: bool) -> tuple[list[str], list[float]]:
    question = result.question
    if question.kind == "rating":
        return [str(k) for k in range(1, 6)], [float(result.counts.get(k, 0)) for k in range(1, 6)]
    labels: list[str] = []
    values: list[float] = []
    for index in range(len(question.options)):
        label = str(index + 1) if numbered else question.option(index, lang)
        labels.append(textwrap.shorten(label, LABEL_CHARS, placeholder="…"))
        if question.kind == "ranking":
            # A bar per item: how strongly preferred (items ranked first score highest).
            average = result.average_rank(index)
            values.append(len(question.options) + 1 - average if average else 0.0)
        else:
            values.append(float(result.counts.get(index, 0)))
    if question.allow_other:
        labels.append("…")
        values.append(float(result.counts.get(-1, 0)))
    return labels, values


def render(results: Results, lang: str, labels: dict[str, str]) -> bytes | None:
    """A PNG with one horizontal bar panel per charted question; None when nothing to chart.

    ``labels``: the few words of the chart in the reader's language (``count``, ``rank``,
    ``title``, ``profile-<key>``), from the catalog.
    """
    panels = [r for r in results.questions if r.question.kind in CHARTED][:MAX_PANELS]
    if not panels or not results.responses:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties
    from matplotlib.ticker import MaxNLocator

    font_path = cjk_font()
    numbered = lang == "zh" and font_path is None
    font: dict[str, Any] = {"fontproperties": FontProperties(fname=font_path)} if font_path else {}
    columns = 1 if len(panels) == 1 else 2
    rows = (len(panels) + columns - 1) // columns
    figure = Figure(figsize=(7 * columns, 3.2 * rows + 1), dpi=100)
    FigureCanvasAgg(figure)
    for number, result in enumerate(panels, start=1):
        axes = figure.add_subplot(rows, columns, number)
        names, values = _values(result, lang, numbered)
        positions = list(range(len(names)))
        axes.barh(positions, values, color="#6baed6")
        axes.set_yticks(positions)
        axes.set_yticklabels(names, fontsize=11, **font)
        axes.invert_yaxis()
        for y, value in zip(positions, values, strict=True):
            if value:
                shown = f"{value:.1f}" if result.question.kind == "ranking" else f"{value:.0f}"
                axes.annotate(shown, (value, y), xytext=(4, 0), textcoords="offset points",
                              va="center", fontsize=10)  # fmt: skip
        question = result.question
        text = (
            labels.get(f"profile-{question.profile}", "")
            if question.profile
            else question.text(lang)
        )
        title = f"Q{question.position}" if numbered else (
            f"Q{question.position} " + textwrap.shorten(text, 30, placeholder="…")
        )  # fmt: skip

        axes.set_title(title, fontsize=12, loc="left", **font)
        unit = labels["rank"] if result.question.kind == "ranking" else labels["count"]
        axes.set_xlabel(unit, fontsize=10, **({} if numbered else font))
        axes.set_xlim(0, max([*values, 1.0]) * 1.2)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    heading = "Survey results" if numbered else labels["title"]
    figure.suptitle(heading, fontsize=14, **({} if numbered else font))
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
