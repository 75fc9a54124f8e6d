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

from pydantic import (
    BaseModel,
    Field,
    SecretStr,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_API_BASE_URL = "https://api.telegram.org/bot"
TELEGRAM_FILE_BASE_URL = "https://api.telegram.org/file/bot"
_TOKEN_RE = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{10,200}$")
_SECRET_RE = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class RunMode(StrEnum):
    """How the bot receives updates."""

    POLLING = "polling"
    WEBHOOK = "webhook"


class InstanceRole(StrEnum):
    """What one instance does when several share a PostgreSQL database (docs/deploy.md)."""

    ALL = "all"  # receives updates (polls if elected, or webhook) and handles them
    INTAKE = "intake"  # receives and stores updates in the inbox; handles none
    WORKER = "worker"  # receives nothing; handles what the intake instances stored


class WebhookSettings(BaseModel):
    """Webhook mode: Telegram POSTs updates to ``url``; we listen on ``listen:port``."""

    url: str | None = None
    listen: str = "127.0.0.1"
    port: int = Field(default=8443, ge=1, le=65535)
    path: str = "/telegram"
    secret_token: SecretStr | None = None

    @field_validator("url", "secret_token", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        """``FRONTDESK_WEBHOOK__SECRET_TOKEN=`` (as in .env.example) means "not set"."""
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("secret_token")
    @classmethod
    def _secret_format(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _SECRET_RE.fullmatch(value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value


# Telegram's limit for bulk sending without paid broadcasts, and with them (Bots FAQ; Bot API
# 7.11 ``allow_paid_broadcast``: up to 1000 messages a second for 0.1 Telegram Stars each).
FREE_MESSAGES_PER_SECOND = 30.0
PAID_MESSAGES_PER_SECOND = 1000.0


class DeliverySettings(BaseModel):
    """Pacing of everything the bot sends (Telegram's limits) and of the outbox sender."""

    # Declared before overall_per_second: its validator reads these two.
    allow_paid_broadcast: bool = Field(
        default=False,
        description="Outbox sends are paid broadcasts (0.1 Telegram Stars each), up to 1000/s.",
    )
    free_per_second: float = Field(
        default=FREE_MESSAGES_PER_SECOND,
        gt=0,
        le=PAID_MESSAGES_PER_SECOND,
        description="Telegram's rate for unpaid messages; change it only for a Bot API server "
        "with other limits (the emulator's time_scale).",
    )
    overall_per_second: float = Field(default=FREE_MESSAGES_PER_SECOND, gt=0)
    private_per_second: float = Field(default=1.0, gt=0)
    private_burst: int = Field(default=3, ge=1)
    group_per_minute: float = Field(default=20.0, gt=0)
    batch_size: int = Field(default=60, ge=1, le=1000)
    concurrency: int = Field(default=12, ge=1, le=100)
    max_attempts: int = Field(default=8, ge=1)
    stale_claim_seconds: float = Field(default=120.0, gt=0)
    poll_seconds: float = Field(default=1.0, gt=0)
    heartbeat_seconds: float = Field(
        default=3.0, gt=0, description="How often an instance records that it is alive."
    )
    dead_after_seconds: float = Field(
        default=15.0,
        gt=0,
        description="An instance silent this long (while the database was reachable) is dead: "
        "its outbox claims are sent by another.",
    )
    shared_budget: bool = Field(
        default=True,
        description="On PostgreSQL, every instance draws on one budget of Telegram's limits "
        "(overall and per chat) kept in the database; SQLite runs one process and keeps it "
        "in memory.",
    )

    @field_validator("overall_per_second")
    @classmethod
    def _paid_above_free_rate(cls, value: float, info: ValidationInfo) -> float:
        """Above 30/s Telegram answers 429 unless the messages are paid broadcasts."""
        free = info.data.get("free_per_second", FREE_MESSAGES_PER_SECOND)
        if value > max(PAID_MESSAGES_PER_SECOND, free):
            raise ValueError(f"at most {PAID_MESSAGES_PER_SECOND:.0f} (paid broadcasts)")
        if value > free and not info.data.get("allow_paid_broadcast"):
            raise ValueError(
                f"above {free:g} messages a second requires "
                "FRONTDESK_DELIVERY__ALLOW_PAID_BROADCAST=true (outbox messages are then paid "
                "broadcasts, 0.1 Telegram Stars each; see docs/broadcast.md)"
            )
        return value


class PrivacySettings(BaseModel):
    """Residents' data rights (retention) and protection against floods."""

    notice_on_first_contact: bool = True
    identity_retention_days: int = Field(default=180, ge=1, le=3650)
    blocked_forget_days: int = Field(default=90, ge=1, le=3650)
    retention_hour: int = Field(default=4, ge=0, le=23)
    flood_burst: int = Field(default=20, ge=1, le=1000)
    flood_window_seconds: float = Field(default=10.0, gt=0, le=3600)
    flood_cooldown_seconds: float = Field(default=60.0, gt=0, le=86400)
    # PostgreSQL: where the flood guard's buckets live. Unset (the default): in the database,
    # shared by every instance (one round trip per resident update), while another instance
    # is alive (the heartbeats say so), else in this process's memory. ``true``: always in the
    # database; ``false``: always per process. SQLite (one process): always in memory.
    flood_shared: bool | None = None
    forget_confirm_minutes: int = Field(default=30, ge=1, le=1440)


class FeedbackSettings(BaseModel):
    """Canteen feedback and the organisers' daily digest (local times in the centre's zone)."""

    # The venue whose opening days say which day's meal the form asks about (the last day it
    # was open, when it is closed today).
    venue: str = "canteen"
    # A meal is preselected once it has started (before breakfast: breakfast).
    breakfast_start: time = time(6, 30)
    lunch_start: time = time(11, 0)
    dinner_start: time = time(17, 0)
    tags: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: [
            "taste", "price", "portion", "hygiene", "service", "waiting", "variety"
        ]
    )  # fmt: skip
    comment_max_chars: int = Field(default=1000, ge=10, le=3000)
    max_photos: int = Field(default=3, ge=0, le=10)
    max_submissions_per_hour: int = Field(default=6, ge=1, le=1000)
    low_rating_threshold: int = Field(default=2, ge=1, le=5)
    # A staff group chat for low-rating alerts; unset: every holder of the staff role.
    staff_chat_id: int | None = None
    staff_chat_language: str = Field(default="zh", pattern=r"^(zh|en)$")
    reply_max_chars: int = Field(default=1000, ge=10, le=3000)
    digest_time: time = time(20, 30)
    # How often each instance looks for digests that are due (any number may look at once).
    digest_tick_seconds: float = Field(default=60.0, ge=1, le=600)
    digest_empty_note: bool = True
    digest_lowest_comments: int = Field(default=5, ge=0, le=20)
    # A digest sent this long after its time is marked late.
    digest_late_after_minutes: int = Field(default=10, ge=1, le=720)
    export_max_days: int = Field(default=92, ge=1, le=3660)

    @field_validator("staff_chat_id", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("tags", mode="before")
    @classmethod
    def _split_tags(cls, value: object) -> object:
        if isinstance(value, str):
            return [part for part in re.split(r"[,\s]+", value.strip()) if part]
        return value

    @field_validator("tags")
    @classmethod
    def _tag_ids(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not re.fullmatch(r"[a-z][a-z0-9_]{0,23}", tag):
                raise ValueError(f"tag {tag!r} must be 1-24 of a-z, 0-9 and _")
        if len(set(value)) != len(value) or len(value) > 16:
            raise ValueError("tags must be distinct, at most 16")
        return value


class RemindersSettings(BaseModel):
    """Reminders before events and class sessions (lead codes: ``eve`` or minutes)."""

    evening_hour: int = Field(default=19, ge=12, le=23)
    default_leads: str = Field(
        default="eve,60", pattern=r"^(|(eve|1440|180|60|30)(,(eve|1440|180|60|30))*)$"
    )
    tick_seconds: float = Field(default=30.0, ge=5, le=300)


class NightschoolSettings(BaseModel):
    """Night school rules: limits per resident, offers to the waitlist, the night's quiet."""

    max_active_courses: int = Field(default=3, ge=1, le=50)
    cancel_cutoff_hours: int = Field(default=24, ge=0, le=24 * 60)
    offer_hours: float = Field(default=24.0, gt=0, le=24 * 14)
    quiet_start: time = time(22, 0)
    quiet_end: time = time(8, 0)
    quiet_deadline: time = time(10, 0)
    expiry_check_seconds: float = Field(default=60.0, ge=5, le=3600)

    @model_validator(mode="after")
    def _deadline_after_quiet(self) -> NightschoolSettings:
        if self.quiet_deadline < self.quiet_end:
            raise ValueError("quiet_deadline must not be earlier than quiet_end")
        return self


class HoursSettings(BaseModel):
    """Opening hours data: the yearly holiday alarm and how fresh the in-memory copy is."""

    alarm_from: str = Field(
        default="12-01",
        pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        description="From this day (MM-DD), admins hear daily while next year's notice is unknown.",
    )
    alarm_hour: int = Field(default=9, ge=0, le=23, description="Local hour of the daily alarm.")
    recheck_seconds: float = Field(
        default=2.0,
        ge=0,
        le=300,
        description="How often each instance checks whether staff changed the hours data.",
    )

    @property
    def alarm_month_day(self) -> tuple[int, int]:
        month, day = self.alarm_from.split("-")
        return int(month), int(day)


class BroadcastSettings(BaseModel):
    """Announcements: quiet hours (local time of the centre) and live progress."""

    quiet_start: time = time(22, 0)
    quiet_end: time = time(7, 30)
    progress_seconds: float = Field(default=3.0, gt=0, description="How often progress is checked.")
    min_edit_seconds: float = Field(default=3.0, ge=0, description="Least time between two edits.")


class ProbesSettings(BaseModel):
    """``/healthz``, ``/readyz`` and ``/metrics``: on the webhook's server in webhook mode,
    on a small server of their own (``listen``:``port``) in polling mode."""

    enabled: bool = Field(default=True, description="Serve the probes in polling mode.")
    listen: str = "127.0.0.1"
    port: int = Field(default=8081, ge=1, le=65535)
    max_inbox_lag_seconds: float = Field(
        default=60.0, gt=0, description="/readyz fails while an update waits longer than this."
    )


class LogFormat(StrEnum):
    """How log lines are written: for people, or one JSON object a line for a collector."""

    TEXT = "text"
    JSON = "json"


class HelpdeskSettings(BaseModel):
    """Talking to a person (issue 15): the staff group(s) with a topic per resident."""

    # Forum supergroups where the bot is an administrator; empty: each ticket is a thread in
    # the private chats of the staff on duty (docs/helpdesk.md). Several groups share the
    # load: each holds at most Telegram's 20 messages a minute, so residents are spread over
    # them (by ticket number).
    staff_group_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    group_language: str = Field(default="zh", pattern=r"^(zh|en)$")
    # The venue whose opening hours say when staff are usually there.
    venue: str = "service_window"
    # Escalated to the admins when unanswered this many working minutes (opening hours).
    escalate_after_minutes: int = Field(default=120, ge=1, le=60 * 24 * 14)
    check_seconds: float = Field(default=60.0, ge=1, le=3600)
    # Replies are signed with the staff member's name, or (true) with the centre's name.
    sign_as_centre: bool = False
    max_text: int = Field(default=4000, ge=100, le=4096)
    # Without a staff group: true, each ticket is a thread in the on-duty staff members'
    # private chats; false, the earlier one-question flow (/ask <question>, /answer).
    private_threads: bool = True
    # Closed tickets and their messages are deleted this many days after closing.
    keep_closed_days: int = Field(default=180, ge=1, le=3650)
    # A conversation with no message either way for this many hours ends: the ticket closes
    # (or, while the resident's last words are unanswered, only conversation mode ends) and
    # the resident and staff are told. 0: never (docs/helpdesk.md, "Idle conversations").
    idle_close_hours: int = Field(default=24, ge=0, le=24 * 30)

    @field_validator("staff_group_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in re.split(r"[,\s]+", value.strip()) if part]
        if isinstance(value, int):
            return [value]
        return value

    @field_validator("staff_group_ids")
    @classmethod
    def _supergroups(cls, value: list[int]) -> list[int]:
        for chat_id in value:
            if not str(chat_id).startswith("-100"):
                raise ValueError(f"{chat_id} is not a supergroup id (-100…): topics need one")
        if len(set(value)) != len(value):
            raise ValueError("a group is listed twice")
        return value


class InboxSettings(BaseModel):
    """The durable inbox (issue 14): how updates are claimed, retried and kept."""

    poll_seconds: float = Field(
        default=0.5,
        gt=0,
        description="How often a worker looks for updates stored by others.",
    )
    max_in_flight: int = Field(
        default=256,
        ge=1,
        le=10_000,
        description="Updates claimed at once by one instance (at most one per chat).",
    )
    lease_seconds: float = Field(
        default=30.0,
        gt=0,
        description="A claim whose instance stopped beating this long is handled again.",
    )
    max_attempts: int = Field(
        default=12, ge=1, le=100, description="Attempts on transient errors before the apology."
    )
    keep_hours: float = Field(default=24.0, gt=0, description="Finished updates kept this long.")

    @property
    def heartbeat_seconds(self) -> float:
        return self.lease_seconds / 3


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
    instance_role: InstanceRole = Field(
        default=InstanceRole.ALL,
        description="all, intake (store updates only) or worker (handle stored updates only).",
    )
    api_base_url: str = TELEGRAM_API_BASE_URL
    api_file_base_url: str = TELEGRAM_FILE_BASE_URL
    webhook: WebhookSettings = WebhookSettings()
    probes: ProbesSettings = ProbesSettings()
    database_url: str = "sqlite+aiosqlite:///data/frontdesk.db"
    centre_file: Path = Path("config/centre.yaml")
    log_level: str = "INFO"
    log_format: LogFormat = LogFormat.TEXT
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    rate_limit: bool = Field(
        default=True, description="Pace outgoing requests within Telegram's limits."
    )
    delivery: DeliverySettings = DeliverySettings()
    broadcast: BroadcastSettings = BroadcastSettings()
    max_concurrent_updates: int = Field(default=64, ge=1, le=1024)
    http_connections: int = Field(
        default=32,
        ge=4,
        le=1024,
        description="Connections to the Bot API kept open. httpcore looks at every pooled "
        "connection on each request, so a pool of PTB's 256 cost 14 % of the bot's time "
        "under load (docs/benchmarks.md); 32 covers 30 messages a second at any latency.",
    )
    inbox: InboxSettings = InboxSettings()
    privacy: PrivacySettings = PrivacySettings()
    feedback: FeedbackSettings = FeedbackSettings()
    reminders: RemindersSettings = RemindersSettings()
    hours: HoursSettings = HoursSettings()
    nightschool: NightschoolSettings = NightschoolSettings()
    helpdesk: HelpdeskSettings = HelpdeskSettings()

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
    def _roles_need_postgresql(self) -> Settings:
        if self.instance_role is not InstanceRole.ALL and not self.database_url.startswith(
            "postgresql"
        ):
            raise ValueError(
                "FRONTDESK_INSTANCE_ROLE=intake or worker needs PostgreSQL: SQLite serves one "
                "process, which must both receive and handle updates"
            )
        return self

    @model_validator(mode="after")
    def _webhook_needs_url(self) -> Settings:
        if self.instance_role is InstanceRole.WORKER:
            return self  # a worker receives nothing: its mode does not matter
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
