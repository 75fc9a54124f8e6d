"""A version counter per kind of centre data (instances reload their caches when it moves)."""

from __future__ import annotations

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from bot.storage.base import Base


class DataVersion(Base):
    """A counter per kind of centre data, bumped in the transaction that changes the data.

    Every instance caches the data in memory and reloads it when the counter moved.
    """

    __tablename__ = "data_versions"

    name: Mapped[str] = mapped_column(String(32), primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger, default=0)
