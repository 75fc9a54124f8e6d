"""The language buttons (``bot.callbacks``)."""

from __future__ import annotations

from bot.callbacks import Callback, callback
from bot.i18n import LANGUAGES


@callback("lang")
class ChooseLanguage(Callback):
    lang: str

    def __post_init__(self) -> None:
        if self.lang not in LANGUAGES:
            raise ValueError(self.lang)
