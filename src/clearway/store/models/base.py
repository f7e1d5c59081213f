"""The declarative base, naming convention and column types shared by every model."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import BigInteger, DateTime, Dialect, Enum, Integer, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

# Every constraint and index gets a predictable name, so a later migration can drop or
# alter it by name on both backends (SQLite and PostgreSQL would otherwise each invent one).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

#: Integer on SQLite, where only ``INTEGER PRIMARY KEY`` is an auto-incremented rowid
#: (SQLite integers are 64-bit anyway); BIGINT elsewhere, for tables that grow without end.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current moment, timezone-aware UTC."""
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A moment in time: accepts only aware datetimes, always returns aware UTC.

    PostgreSQL stores ``timestamp with time zone``. SQLite has no such type, so the value
    is stored as naive UTC text: every row in the same zone sorts and compares correctly
    as text, and the zone is put back on the way out. A naive datetime is refused rather
    than guessed at: a local time taken for UTC would shift an audit record by hours.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"naive datetime {value.isoformat()} refused: pass a timezone-aware moment")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


def _values(enum: type[StrEnum]) -> list[str]:
    return [member.value for member in enum]


def enum_column(enum: type[StrEnum], name: str) -> Enum:
    """A string column holding ``enum``'s values, checked by a named CHECK constraint.

    Not a native PostgreSQL enum: adding a value to one needs ``ALTER TYPE`` outside a
    transaction, while a CHECK constraint is replaced inside the migration's transaction,
    the same way on both backends. The column is wide enough for values not yet written.
    """
    values: Callable[[Any], list[str]] = _values
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=values,
        validate_strings=True,
    )


class AppendOnly:
    """Marker: rows of this model are written once and never updated or deleted.

    Enforced twice: the ORM refuses to flush a change (a clear error in Python, see
    ``clearway.store.models``), and a database trigger refuses an ``UPDATE`` or ``DELETE``
    from any client (created by the migrations).
    """


class ImmutableRecordError(Exception):
    """An attempt to update or delete a row of an append-only table."""
