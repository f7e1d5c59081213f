"""Signing keys (Ed25519, made by ``clearway.signing``): each organisation's, and the instance's audit key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from clearway.domain.keys import KeyPurpose, KeyStatus
from clearway.store.models.base import Base, UTCDateTime, enum_column, utcnow


class SigningKey(Base):
    """A key pair; the private half encrypted with the settings' secret key.

    Rotation retires a key (``retired_at``) instead of deleting it: what it signed must
    still verify against its public key. Revocation (``revoked_at``, a compromised key)
    also retires it, and from then on nothing it signed verifies. An organisation's key
    (``purpose`` decisions) signs its decisions and countersignatures; the one key with no
    organisation (``purpose`` audit) signs the instance's audit checkpoints.
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
        # And one audit key at a time for the instance (NULLs would not collide above).
        Index(
            "uq_signing_keys_active_audit",
            "purpose",
            unique=True,
            sqlite_where=sql_text("organisation_id IS NULL AND retired_at IS NULL"),
            postgresql_where=sql_text("organisation_id IS NULL AND retired_at IS NULL"),
        ),
        CheckConstraint("(purpose = 'audit') = (organisation_id IS NULL)", name="audit_key_has_no_organisation"),
        CheckConstraint("revoked_at IS NULL OR retired_at IS NOT NULL", name="revoked_is_retired"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"), index=True)
    purpose: Mapped[KeyPurpose] = mapped_column(enum_column(KeyPurpose, "purpose"), default=KeyPurpose.DECISIONS)
    key_id: Mapped[str] = mapped_column(String(64), unique=True)  # the JWS ``kid``
    public_pem: Mapped[str] = mapped_column(Text)
    encrypted_private_pem: Mapped[str] = mapped_column(Text)
    # Which secret encrypts the private half (clearway.signing.secret_fingerprint); None for
    # keys made before it was recorded. A mismatch means the secret changed: re-key.
    secret_fingerprint: Mapped[str | None] = mapped_column(String(16))
    # Protected only by the published development secret: whatever it signs is flagged.
    development_secret: Mapped[bool] = mapped_column(Boolean, default=False)
    # clearway.signing.key_endorsement of the row's public half, owner and state, under the
    # secret: a row written by anyone without the secret is not trusted. None: not yet endorsed.
    endorsement: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @property
    def status(self) -> KeyStatus:
        if self.revoked_at is not None:
            return KeyStatus.REVOKED
        return KeyStatus.RETIRED if self.retired_at is not None else KeyStatus.ACTIVE
