"""The fixed stack's own floor (issue 18): what any bot built on frontdesk's stack costs.

``python -m bench rss --floor`` measures this bot with the same harness and load as frontdesk
(``bench rss``): PTB 22 polling with 64 concurrent updates (as the echo bot), settings read by
pydantic-settings, SQLAlchemy 2's async ORM on aiosqlite with frontdesk's pool (15 connections,
a SQLite file), and frontdesk's own Fluent catalogs (both languages, babel's locale data).
Each update does the least a front desk does: one transaction that finds the person by
Telegram id, registers them the first time and notes when they were last seen, then a reply
rendered from the catalog. No feature, no matcher, none of frontdesk's code: only its
catalogs are read. The difference between this bot and frontdesk is what frontdesk's own
code and data cost; this bot's RSS is what no cut inside frontdesk can go below.
"""

from __future__ import annotations

from bot.memory import lean_start  # the same process tuning as frontdesk, before the imports

lean_start()

from datetime import UTC, datetime  # noqa: E402
from pathlib import Path  # noqa: E402

from fluent.runtime import FluentBundle  # noqa: E402
from fluent.syntax import FluentParser  # noqa: E402
from pydantic_settings import BaseSettings, SettingsConfigDict  # noqa: E402
from sqlalchemy import BigInteger, DateTime, String, select  # noqa: E402
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine  # noqa: E402
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column  # noqa: E402
from telegram import Update  # noqa: E402
from telegram.ext import ApplicationBuilder, ContextTypes, MessageHandler, filters  # noqa: E402

LOCALES = Path(__file__).resolve().parents[1] / "bot" / "locales"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FRONTDESK_", extra="ignore")
    token: str
    api_base_url: str
    api_file_base_url: str
    database_url: str


class Base(DeclarativeBase):
    pass


class Person(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(primary_key=True)
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime())


def catalogs() -> dict[str, FluentBundle]:
    parser = FluentParser(with_spans=False)
    bundles = {}
    for lang, locale in (("zh", "zh-CN"), ("en", "en-GB")):
        bundle = FluentBundle([locale], use_isolating=False)
        for path in sorted((LOCALES / lang).glob("*.ftl")):
            bundle.add_resource(parser.parse(path.read_text(encoding="utf-8")))
        bundles[lang] = bundle
    return bundles


def main() -> None:
    settings = Settings()  # type: ignore[call-arg]  # from the environment
    bundles = catalogs()
    message_id = sorted(bundles["zh"]._messages)[0]  # any message: the rendering is the cost
    engine = create_async_engine(
        settings.database_url, pool_size=15, max_overflow=0, connect_args={"timeout": 30}
    )
    sessions = async_sessionmaker(engine, expire_on_commit=False)

    async def start(_: object) -> None:
        async with engine.begin() as connection:
            await connection.run_sync(Base.metadata.create_all)

    async def answer(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        now = datetime.now(UTC).replace(tzinfo=None)
        async with sessions.begin() as session:
            person = await session.scalar(select(Person).where(Person.telegram_id == user.id))
            if person is None:
                who = Person(telegram_id=user.id, first_name=user.first_name, last_seen_at=now)
                session.add(who)
            else:
                person.last_seen_at = now
        bundle = bundles["zh" if (user.language_code or "zh").startswith("zh") else "en"]
        pattern = bundle.get_message(message_id).value
        text = bundle.format_pattern(pattern, {})[0] if pattern is not None else "?"
        await message.reply_text(str(text) or "?")

    app = (
        ApplicationBuilder()
        .token(settings.token)
        .base_url(settings.api_base_url)
        .base_file_url(settings.api_file_base_url)
        .concurrent_updates(64)
        .post_init(start)
        .build()
    )
    app.add_handler(MessageHandler(filters.ALL, answer))
    app.run_polling(poll_interval=0, timeout=10, close_loop=False)


if __name__ == "__main__":
    main()
