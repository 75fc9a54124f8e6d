"""The centre's own data (``config/centre.yaml``): who it is, its venues, its first staff.

The file is meant to be edited by people; :func:`load_centre` validates it and reports every
problem with its place in the file instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

Role = Literal["staff", "organiser", "admin"]


class CentreDataError(Exception):
    """The centre's data file is missing or invalid; the message says where and why."""


class Localized(BaseModel):
    """A text in Chinese and English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


class StaffEntry(BaseModel):
    """A person who holds staff roles from the first start on."""

    model_config = ConfigDict(extra="forbid")

    telegram_id: int = Field(gt=0)
    name: str = Field(min_length=1)
    roles: list[Role] = Field(min_length=1)


class Venue(BaseModel):
    """A place residents ask about."""

    model_config = ConfigDict(extra="allow")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]{1,31}$")
    name: Localized
    station: str = Field(min_length=1)
    aliases: list[str] = Field(default_factory=list)
    address: Localized | None = None
    phone: str | None = None
    notes: Localized | None = None


class Centre(BaseModel):
    """The whole data file."""

    model_config = ConfigDict(extra="allow")

    name: Localized
    timezone: str = "Asia/Shanghai"
    staff: list[StaffEntry] = Field(default_factory=list)
    venues: list[Venue] = Field(default_factory=list)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("venues")
    @classmethod
    def _unique_venues(cls, venues: list[Venue]) -> list[Venue]:
        seen: set[str] = set()
        for venue in venues:
            if venue.id in seen:
                raise ValueError(f"venue id {venue.id!r} appears twice")
            seen.add(venue.id)
        return venues

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def venue(self, venue_id: str) -> Venue | None:
        return next((v for v in self.venues if v.id == venue_id), None)


def _describe(error: ValidationError, path: Path) -> str:
    lines = [f"{path}: {error.error_count()} problem(s)"]
    for item in error.errors():
        where = ".".join(str(part) for part in item["loc"]) or "(top level)"
        lines.append(f"  - {where}: {item['msg']}")
    return "\n".join(lines)


def parse_centre(data: object, source: Path) -> Centre:
    """Validate already-loaded YAML data."""
    try:
        return Centre.model_validate(data)
    except ValidationError as exc:
        raise CentreDataError(_describe(exc, source)) from None


def load_centre(path: Path) -> Centre:
    """Read and validate the centre's data file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CentreDataError(
            f"{path}: cannot read the centre's data file ({exc.strerror})"
        ) from None
    try:
        data = yaml.safe_load(raw)
    except yaml.YAMLError as exc:
        raise CentreDataError(f"{path}: not valid YAML: {exc}") from None
    return parse_centre(data, path)
