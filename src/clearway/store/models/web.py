"""What the web application keeps about its users: signed-in sessions and their saved language."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from clearway.store.models.base import Base, UTCDateTime, utcnow


class WebSession(Base):
    """A browser signed in as a user; the cookie holds a secret whose SHA-256 is ``secret_hash``.

    Kept in the database, not in a signed cookie alone, so that signing out (or an
    administrator deactivating the user) ends the session on every app process at once.
    """

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: Put in every form the session posts; compared with what comes back (CSRF).
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class UserPreference(Base):
    """A user's saved choices for the pages (today: the language)."""

    __tablename__ = "user_preferences"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)
