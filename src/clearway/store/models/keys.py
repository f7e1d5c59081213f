"""Signing keys of receiving organisations (Ed25519, made by ``clearway.signing``)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import Base, UTCDateTime, utcnow


class SigningKey(Base):
    """A key pair; the private half encrypted with the settings' secret key.

    Rotation retires a key (``retired_at``) instead of deleting it: clearances it signed
    must still verify against its public key.
    """

    __tablename__ = "signing_keys"
    __table_args__ = (
        # One key signs at a time per organisation; a rotation retires the old one first.
        Index(
            "uq_signing_keys_active",
            "organisation_id",
            unique=True,
            sqlite_where=sql_text("retired_at IS NULL"),
            postgresql_where=sql_text("retired_at IS NULL"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)  # the JWS ``kid``
    public_pem: Mapped[str] = mapped_column(Text)
    encrypted_private_pem: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
