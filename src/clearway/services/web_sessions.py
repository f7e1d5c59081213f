"""Signing in to the web pages: a session per browser, kept in the database, and the saved language.

The cookie carries a random secret; only its SHA-256 is stored, as for API tokens. A
session ends when its user signs out, when it has been idle for ``IDLE_LIMIT``, when it
is older than ``ABSOLUTE_LIMIT``, or when the user is deactivated.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from clearway.domain import audit_events
from clearway.i18n import LANGUAGES
from clearway.services import audit, sessions
from clearway.services.actor import Actor, actor_for, actor_of
from clearway.services.errors import Invalid, Unauthenticated
from clearway.store.models import Organisation, User, UserPreference, WebSession, utcnow

IDLE_LIMIT = timedelta(minutes=30)
ABSOLUTE_LIMIT = timedelta(hours=12)
#: ``last_seen_at`` is written at most this often, so that reading pages does not write on every click.
SEEN_PRECISION = timedelta(minutes=1)


@dataclass(frozen=True)
class SignedIn:
    """A browser's session as the pages need it."""

    session_id: int
    actor: Actor
    display_name: str
    email: str
    csrf_token: str
    language: str | None  # the user's saved choice, if any
    seen_is_stale: bool  # ``touch`` should be called after the page is served


@dataclass(frozen=True)
class NewSession:
    secret: str  # for the cookie; shown nowhere else
    signed_in: SignedIn


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def sign_in(session: Session, email: str, password: str, address: str) -> NewSession:
    """A new session for the user with this e-mail address and password, from the client's network
    ``address``: throttled as the API's sign-in is (``TooManyAttempts``), ``Unauthenticated`` otherwise."""
    user_id = sessions.check_password(session, sessions.SignIn(email, password, address, token_name="web"))
    user = session.get(User, user_id)
    if user is None:  # removed between the two statements
        raise Unauthenticated("service.bad_login")
    secret = secrets.token_urlsafe(32)
    row = WebSession(user_id=user.id, secret_hash=_digest(secret), csrf_token=secrets.token_urlsafe(32))
    session.add(row)
    session.flush()
    actor = actor_for(session, user.id)
    audit.record(session, actor, audit_events.SignedIn(session=row.id))
    return NewSession(secret, _signed_in(row, user, actor, saved_language(session, user.id), stale=False))


def authenticate(session: Session, secret: str, now: datetime | None = None) -> SignedIn:
    """The session behind a cookie's secret; ``Unauthenticated`` (``service.session_expired``) when it
    is unknown, ended, idle too long or too old, or its user is no longer active."""
    moment = now or utcnow()
    # One query for every page: the session, its user, their organisation and saved language.
    found = session.execute(
        select(WebSession, User, Organisation, UserPreference.language)
        .join(User, User.id == WebSession.user_id)
        .join(Organisation, Organisation.id == User.organisation_id)
        .outerjoin(UserPreference, UserPreference.user_id == User.id)
        .where(WebSession.secret_hash == _digest(secret))
    ).one_or_none()
    if found is None:
        raise Unauthenticated("service.session_expired")
    row, user, organisation, language = found.tuple()
    if (
        row.ended_at is not None
        or moment - row.last_seen_at > IDLE_LIMIT
        or moment - row.created_at > ABSOLUTE_LIMIT
        or not user.active
    ):
        raise Unauthenticated("service.session_expired")
    stale = moment - row.last_seen_at > SEEN_PRECISION
    return _signed_in(row, user, actor_of(user, organisation), language, stale=stale)


def _signed_in(row: WebSession, user: User, actor: Actor, language: str | None, *, stale: bool) -> SignedIn:
    return SignedIn(
        session_id=row.id,
        actor=actor,
        display_name=user.display_name,
        email=user.email,
        csrf_token=row.csrf_token,
        language=language,
        seen_is_stale=stale,
    )


def touch(session: Session, session_id: int, now: datetime | None = None) -> None:
    """Record that the session was used (it stays alive for another ``IDLE_LIMIT``)."""
    moment = now or utcnow()
    session.execute(
        update(WebSession).where(WebSession.id == session_id, WebSession.ended_at.is_(None)).values(last_seen_at=moment)
    )


def sign_out(session: Session, secret: str) -> None:
    """End the session behind the secret (nothing happens for an unknown one)."""
    row = session.scalars(select(WebSession).where(WebSession.secret_hash == _digest(secret))).one_or_none()
    if row is None or row.ended_at is not None:
        return
    row.ended_at = utcnow()
    audit.record(session, actor_for(session, row.user_id), audit_events.SignedOut(session=row.id))


def saved_language(session: Session, user_id: int) -> str | None:
    preference = session.get(UserPreference, user_id)
    return preference.language if preference is not None else None


def save_language(session: Session, actor: Actor, language: str) -> None:
    """Remember the language the user chose for the pages."""
    if language not in LANGUAGES:
        raise Invalid("service.unknown_language", field="language", language=language, allowed=", ".join(LANGUAGES))
    preference = session.get(UserPreference, actor.user_id)
    if preference is None:
        session.add(UserPreference(user_id=actor.user_id, language=language))
    else:
        preference.language = language
    session.flush()
