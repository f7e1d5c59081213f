"""Legal-hold lists imported from CSV, one current list per sending organisation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import Base, UTCDateTime, utcnow


class HoldList(Base):
    """One import of a hold list: where it came from, what it held, whether it is current.

    The row outlives its entries: when a newer list replaces it, its entries are deleted
    but the record of the import (content hash, counts, who and when) stays.
    """

    __tablename__ = "hold_lists"
    __table_args__ = (
        # At most one current list per organisation; an import swaps it inside one transaction.
        Index(
            "uq_hold_lists_current",
            "organisation_id",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    source_name: Mapped[str] = mapped_column(String(255))
    content_sha256: Mapped[str] = mapped_column(String(64))
    row_count: Mapped[int] = mapped_column(Integer, default=0)  # readable rows stored as entries
    invalid_row_count: Mapped[int] = mapped_column(Integer, default=0)
    #: The first invalid rows as ``[{"line": 7, "reason": "date_of_birth"}, ...]``, for a summary;
    #: every one of them is in ``hold_invalid_rows``.
    first_invalid_lines: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    imported_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    imported_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    is_current: Mapped[bool] = mapped_column(Boolean, default=False)


class HoldEntry(Base):
    """A readable row of a hold list, values as written plus its blocking key.

    Keyed by (list, line): the line number is what a user is told, and it saves a
    sequence on a table of millions of rows.
    """

    __tablename__ = "hold_entries"
    __table_args__ = (
        # Screening looks a person up by (list, date of birth as written), then narrows by
        # clearway.domain.identity.blocking_key of the stored names (clearway.store.holds).
        Index("ix_hold_entries_lookup", "hold_list_id", "date_of_birth", "block_key"),
    )

    hold_list_id: Mapped[int] = mapped_column(ForeignKey("hold_lists.id", ondelete="CASCADE"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)  # in the CSV; the header is line 1
    hold_ref: Mapped[str] = mapped_column(Text)
    surname: Mapped[str] = mapped_column(Text)
    second_surname: Mapped[str] = mapped_column(Text)
    given_names: Mapped[str] = mapped_column(Text)
    #: ``PartialDate.iso()`` text, ``00`` for an unknown month or day: two partly unknown
    #: dates are the same only when written the same, so the text is the key.
    date_of_birth: Mapped[str] = mapped_column(String(10))
    nationality: Mapped[str] = mapped_column(Text)
    hold_type: Mapped[str] = mapped_column(Text)
    until: Mapped[date | None] = mapped_column(Date)  # None: open-ended
    #: ``first surname word|first given-name word``, normalised (see ``clearway.store.holds``).
    block_key: Mapped[str] = mapped_column(Text)


class HoldInvalidRow(Base):
    """A row of a hold list that could not be read, so it is reported rather than dropped."""

    __tablename__ = "hold_invalid_rows"

    hold_list_id: Mapped[int] = mapped_column(ForeignKey("hold_lists.id", ondelete="CASCADE"), primary_key=True)
    line: Mapped[int] = mapped_column(Integer, primary_key=True)
    reason: Mapped[str] = mapped_column(String(32))  # "date_of_birth", "surname", "until" or "columns"
