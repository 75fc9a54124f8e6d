"""Texts of event news for people who are not the one pressing (rendered for the outbox)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from bot import dates
from bot.centre import Centre
from bot.features.events.models import Event
from bot.i18n import Catalog


@dataclass(frozen=True, slots=True)
class Notices:
    """The texts of event news in every language (rendered by the caller's catalog)."""

    catalog: Catalog
    centre: Centre

    def render(self, key: str, lang: str, event: Event, **args: object) -> str:
        t = self.catalog.translator(lang)
        return t(
            key,
            title=event.title_en if lang == "en" else event.title_zh,
            when=self.when(event.starts_at, lang),
            venue=self.venue_name(event.venue_id, lang),
            **args,
        )

    def venue_name(self, venue_id: str, lang: str) -> str:
        venue = self.centre.venue(venue_id)
        return (venue.name.get(lang) if venue else None) or venue_id

    def when(self, moment: datetime, lang: str) -> str:
        return dates.day_and_time(moment, self.centre.zone, lang)
