"""Free text's buttons (``bot.callbacks``): a suggested FAQ entry, the day asked about."""

from __future__ import annotations

import re

from bot.callbacks import Callback, callback
from bot.i18n import LANGUAGES

_ID = re.compile(r"[a-z][a-z0-9_]{1,31}")


@callback("qa:faq")
class FaqEntry(Callback):
    faq_id: str

    def __post_init__(self) -> None:
        if not _ID.fullmatch(self.faq_id):
            raise ValueError(self.faq_id)


@callback("qa:faqin")
class FaqIn(Callback):
    """A "did you mean…" entry with the asker's language: "what classes do you have" from a
    Chinese client offers English titles, and the answer follows them, not the profile.
    (:class:`FaqEntry` stays for buttons sent before the language travelled with them.)"""

    faq_id: str
    lang: str

    def __post_init__(self) -> None:
        if not _ID.fullmatch(self.faq_id):
            raise ValueError(self.faq_id)
        if self.lang not in LANGUAGES:
            raise ValueError(self.lang)


@callback("qa:day")
class PickDay(Callback):
    """ "您问的是哪一天？": a venue (or "-" for all), the day (yyyymmdd), the asker's language."""

    venue: str
    day: int
    lang: str

    def __post_init__(self) -> None:
        if self.venue != "-" and not _ID.fullmatch(self.venue):
            raise ValueError(self.venue)
        if self.lang not in LANGUAGES:
            raise ValueError(self.lang)
