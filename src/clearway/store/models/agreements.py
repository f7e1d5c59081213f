"""Agreement versions as loaded from their TOML files."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import AppendOnly, Base, UTCDateTime, utcnow


class AgreementVersion(AppendOnly, Base):
    """One version of an agreement, kept whole; a revision is a new row, never an edit.

    Requests record the code and version they were judged by, so an old version must stay
    exactly as it was for their findings to remain explainable.
    """

    __tablename__ = "agreement_versions"
    __table_args__ = (
        # An agreement id is its receiving country's own: another country may use the same id for
        # its agreements without touching these (no country can take over, or block, another's id).
        UniqueConstraint("receiving_country", "agreement_code", "version"),
        # Which version applies: same parties, arrival date within the effective dates.
        Index("ix_agreement_versions_parties", "sending_authority", "receiving_country", "effective_from"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    agreement_code: Mapped[str] = mapped_column(String(64))  # the file's ``id``, e.g. "USA-MEX"
    version: Mapped[int] = mapped_column(Integer)
    sending_authority: Mapped[str] = mapped_column(String(64))
    receiving_country: Mapped[str] = mapped_column(String(3))
    effective_from: Mapped[date] = mapped_column(Date)
    effective_until: Mapped[date | None] = mapped_column(Date)  # inclusive; None: open-ended
    #: The parsed TOML as JSON (dates as ISO text), what the service turns back into an Agreement.
    document: Mapped[dict[str, Any]] = mapped_column(JSON)
    #: The file as loaded, byte for byte decoded: what a reader can compare with their copy.
    source_text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(String(255))
    loaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
