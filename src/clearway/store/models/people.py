"""Organisations, their users, API tokens and observer grants."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from clearway.domain.workflow import OrgKind, Role
from clearway.store.models.base import Base, UTCDateTime, enum_column, utcnow


class Organisation(Base):
    """A sending authority, a receiving authority (of one country) or an observer."""

    __tablename__ = "organisations"
    __table_args__ = (
        # A receiving authority is the government of one country; requests find it by that country.
        CheckConstraint("kind != 'receiving' OR country IS NOT NULL", name="receiving_has_country"),
        CheckConstraint("country IS NULL OR length(country) = 3", name="country_alpha3"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[OrgKind] = mapped_column(enum_column(OrgKind, "kind"))
    #: ISO 3166-1 alpha-3; required for a receiving authority.
    country: Mapped[str | None] = mapped_column(String(3))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    users: Mapped[list[User]] = relationship(back_populates="organisation")


class User(Base):
    """A person with one role in one organisation."""

    __tablename__ = "users"
    __table_args__ = (
        # Addresses are compared case-insensitively; storing them lower-cased lets the plain
        # unique constraint do that on both backends (the service lower-cases; this refuses a slip).
        CheckConstraint("email = lower(email)", name="email_lower_case"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[Role] = mapped_column(enum_column(Role, "role"))
    #: Argon2id encoded hash (``$argon2id$v=19$...``), from argon2-cffi's ``PasswordHasher``.
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation: Mapped[Organisation] = relationship(back_populates="users")


class ApiToken(Base):
    """A bearer token for the API; the secret is shown once and only its SHA-256 is kept.

    SHA-256 rather than Argon2: the secret is 256 random bits, not a password, so a slow
    hash adds nothing but a slow request. ``prefix`` (the first characters of the token,
    not secret) finds the row and lets a user tell their tokens apart.
    """

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(16), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: None: the token lasts until it is revoked.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class LoginFailure(Base):
    """One failed sign-in, kept for a while to throttle guessing per account and per address.

    In the database rather than in a process's memory, so that every app process counts
    the same failures. ``email`` is what the caller typed (lower-cased), whether or not an
    account has it: an unknown address is throttled exactly like a known one.
    """

    __tablename__ = "login_failures"
    __table_args__ = (Index(None, "email", "at"), Index(None, "address", "at"))

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320))
    address: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ObserverGrant(Base):
    """Read-only access for an observer organisation to one request or to one agreement.

    A grant per agreement names the agreement's code (``USA-MEX``), so it covers every
    version of it and every request judged under it.
    """

    __tablename__ = "observer_grants"
    __table_args__ = (
        CheckConstraint("(request_id IS NULL) != (agreement_code IS NULL)", name="one_target"),
        Index(None, "observer_org_id", "agreement_code"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    observer_org_id: Mapped[int] = mapped_column(ForeignKey("organisations.id"))
    request_id: Mapped[int | None] = mapped_column(ForeignKey("clearance_requests.id"), index=True)
    agreement_code: Mapped[str | None] = mapped_column(String(64))
    #: Whether the observer may read the manifest's personal data (else: flight, counts, safeguards).
    personal_data: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: The organisation that gave the grant. A grant per agreement covers only its requests:
    #: those it sent (``covers_sending_org_id``) or those addressed to it (``covers_receiving_country``).
    grantor_org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    covers_sending_org_id: Mapped[int | None] = mapped_column(ForeignKey("organisations.id"))
    covers_receiving_country: Mapped[str | None] = mapped_column(String(3))
    #: For a grant per agreement: the receiving country whose agreement it names (agreement ids are
    #: each receiving country's own, so the same id in another country is another agreement).
    agreement_country: Mapped[str | None] = mapped_column(String(3))
    granted_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    revoked_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
