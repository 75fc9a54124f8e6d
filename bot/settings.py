"""Typed settings: environment variables prefixed ``FRONTDESK_`` and an optional ``.env`` file.

Precedence (highest first): explicit keyword arguments, environment variables, ``.env``,
defaults. Nested groups use a double underscore: ``FRONTDESK_WEBHOOK__SECRET_TOKEN``.
"""

from __future__ import annotations

import re
from datetime import time
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
TELEGRAM_FILE_BASE_URL = "https://api.telegram.org/file/bot"
_TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{10,200}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class RunMode(StrEnum):
    """How the bot receives updates."""

    POLLING = "polling"
    WEBHOOK = "webhook"


class WebhookSettings(BaseModel):
    """Webhook mode: Telegram POSTs updates to ``url``; we listen on ``listen:port``."""

    url: str | None = None
    listen: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    path: str = "/telegram"
    secret_token: SecretStr | None = None

    @field_validator("secret_token")
    @classmethod
    def _secret_format(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _SECRET_RE.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value


class DeliverySettings(BaseModel):
    """Pacing of everything the bot sends (Telegram's limits) and of the outbox sender."""

    overall_per_second: float = Field(default=30.0, gt=0)
    private_per_second: float = Field(default=1.0, gt=0)
    private_burst: int = Field(default=3, ge=1)
    group_per_minute: float = Field(default=20.0, gt=0)
    batch_size: int = Field(default=60, ge=1, le=1000)
    concurrency: int = Field(default=12, ge=1, le=100)
    max_attempts: int = Field(default=8, ge=1)
    stale_claim_seconds: float = Field(default=120.0, gt=0)
    poll_seconds: float = Field(default=1.0, gt=0)


class BroadcastSettings(BaseModel):
    """Announcements: quiet hours (local time of the centre) and live progress."""

    quiet_start: time = time(22, 0)
    quiet_end: time = time(7, 30)
    progress_seconds: float = Field(default=3.0, gt=0, description="How often progress is checked.")
    min_edit_seconds: float = Field(default=3.0, ge=0, description="Least time between two edits.")


class Settings(BaseSettings):
    """Everything the program reads from its environment."""

    model_config = SettingsConfigDict(
        env_prefix="FRONTDESK_",
        env_file=".env",
        env_file_encoding="utf-8",
        env_nested_delimiter="__",
        extra="ignore",
    )

    token: SecretStr | None = Field(
        default=None, description="Bot token from @BotFather; empty means the offline sandbox."
    )
    mode: RunMode = RunMode.POLLING
    api_base_url: str = TELEGRAM_API_BASE_URL
    api_file_base_url: str = TELEGRAM_FILE_BASE_URL
    webhook: WebhookSettings = WebhookSettings()
    database_url: str = "sqlite+aiosqlite:///data/frontdesk.db"
    centre_file: Path = Path("config/centre.yaml")
    log_level: str = "INFO"
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    rate_limit: bool = Field(
        default=True, description="Pace outgoing requests within Telegram's limits."
    )
    delivery: DeliverySettings = DeliverySettings()
    broadcast: BroadcastSettings = BroadcastSettings()
    max_concurrent_updates: int = Field(default=64, ge=1, le=1024)

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in re.split(r"[,\s]+", value.strip()) if part]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("token")
    @classmethod
    def _token_format(cls, value: SecretStr | None) -> SecretStr | None:
        if value is None or not value.get_secret_value().strip():
            return None
        if not _TOKEN_RE.fullmatch(value.get_secret_value().strip()):
            raise ValueError("does not look like a bot token (digits:letters, from @BotFather)")
        return SecretStr(value.get_secret_value().strip())

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise ValueError("must be one of DEBUG, INFO, WARNING, ERROR, CRITICAL")
        return level

    @field_validator("database_url")
    @classmethod
    def _db_url(cls, value: str) -> str:
        if not value.startswith(("sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite+aiosqlite:// or postgresql+asyncpg://")
        return value

    @model_validator(mode="after")
    def _webhook_needs_url(self) -> Settings:
        if self.mode is RunMode.WEBHOOK and not self.webhook.url:
            raise ValueError("FRONTDESK_WEBHOOK__URL is required when FRONTDESK_MODE=webhook")
        return self

    @property
    def sandbox(self) -> bool:
        """True when no token is configured: run against the built-in emulator."""
        return self.token is None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once."""
    return Settings()
