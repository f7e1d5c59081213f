"""Organisations, users, passwords (Argon2) and API tokens (shown once, stored hashed)."""

from __future__ import annotations

import contextlib
import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from clearway.domain.audit_events import ObserverGranted, OrganisationCreated, TokenCreated, TokenRevoked, UserCreated
from clearway.domain.workflow import OrgKind, Permission, Role
from clearway.services import audit
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, Invalid, NotFound, Unauthenticated
from clearway.store.models import ApiToken, ObserverGrant, Organisation, User, utcnow

TOKEN_PREFIX = "cw_"
LAST_USED_PRECISION = timedelta(minutes=5)
_hasher = PasswordHasher()


def create_organisation(session: Session, name: str, kind: OrgKind, country: str | None = None) -> Organisation:
    """An organisation; a receiving authority needs its country."""
    if kind is OrgKind.RECEIVING and not country:
        raise Invalid("service.receiving_needs_country", field="country")
    organisation = Organisation(name=name, kind=kind, country=country.strip().upper() if country else None)
    session.add(organisation)
    session.flush()
    audit.record(session, None, OrganisationCreated(name=name, kind=str(kind)))
    return organisation


def create_user(
    session: Session,
    actor: Actor | None,
    organisation_id: int,
    email: str,
    display_name: str,
    role: Role,
    password: str,
) -> User:
    """A user of ``organisation_id``; an admin may add users to their own organisation only."""
    if actor is not None:
        actor.require(Permission.USERS_MANAGE)
        if actor.organisation_id != organisation_id:
            raise NotFound("service.organisation_not_found")
    address = email.strip().lower()
    if "@" not in address:
        raise Invalid("service.bad_email", field="email")
    if len(password) < 12:
        raise Invalid("service.password_too_short", field="password", minimum=12)
    if session.scalar(select(User.id).where(User.email == address)) is not None:
        raise Conflict("service.email_taken", email=address)
    user = User(
        organisation_id=organisation_id,
        email=address,
        display_name=display_name,
        role=role,
        password_hash=_hasher.hash(password),
    )
    session.add(user)
    session.flush()
    audit.record(session, actor, UserCreated(user=user.id, role=str(role)))
    return user


def authenticate_password(session: Session, email: str, password: str) -> User:
    """The active user with this address and password; ``Unauthenticated`` otherwise (same answer
    for an unknown address and a wrong password)."""
    user = session.scalars(select(User).where(User.email == email.strip().lower())).one_or_none()
    if user is None or not user.active:
        _hasher_dummy_verify(password)  # the same work either way: no hint that the address exists
        raise Unauthenticated("service.bad_login")
    try:
        _hasher.verify(user.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise Unauthenticated("service.bad_login") from None
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


_DUMMY_HASH = _hasher.hash("not a password of anyone")


def _hasher_dummy_verify(password: str) -> None:
    with contextlib.suppress(VerificationError):
        _hasher.verify(_DUMMY_HASH, password)


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once; only its hash is kept


def create_token(session: Session, user: User, name: str, *, actor: Actor | None = None) -> IssuedToken:
    """A new API token for ``user``: the secret is returned once and stored only as a hash.

    ``actor`` is who asked (the user, signed in); None when the user has just signed in
    with a password, or for the demo."""
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, prefix=secret[:12], token_hash=_digest(secret))
    session.add(token)
    session.flush()
    audit.record(session, actor, TokenCreated(user=user.id, token=token.id, name=name))
    return IssuedToken(token=token, secret=secret)


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


@dataclass(frozen=True)
class TokenUse:
    """A token's use worth recording: its ``last_used_at`` is older than ``LAST_USED_PRECISION``."""

    token_id: int
    at: datetime


#: Run on every API call: the token, its user and the organisation in one query, built once,
#: as columns rather than ORM objects (nothing here is changed through the session).
_TOKEN_QUERY = (
    select(
        ApiToken.id,
        ApiToken.last_used_at,
        User.id,
        User.role,
        Organisation.id,
        Organisation.name,
        Organisation.kind,
        Organisation.country,
    )
    .join(User, User.id == ApiToken.user_id)
    .join(Organisation, Organisation.id == User.organisation_id)
    .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked_at.is_(None), User.active)
)


def authenticate_token(session: Session, secret: str) -> tuple[Actor, TokenUse | None]:
    """The actor behind a bearer token, and the use to record (``record_token_use``) if any.

    ``Unauthenticated`` for an unknown or revoked token. Reading only: the use is recorded
    by the caller in a transaction of its own, because a read-only call rolls its
    transaction back, and because writing the token row inside every call would make all
    the calls made with one token wait for each other on that row's lock.
    """
    found = session.execute(_TOKEN_QUERY, {"token_hash": _digest(secret.strip())}).one_or_none()
    if found is None:
        raise Unauthenticated("service.unauthenticated")
    token_id, last_used_at, user_id, role, organisation_id, organisation_name, kind, country = found
    now = utcnow()
    # Recorded at most every few minutes, so that reads do not all become writes.
    stale = last_used_at is None or now - last_used_at > LAST_USED_PRECISION
    actor = Actor(
        user_id=user_id,
        organisation_id=organisation_id,
        organisation_name=organisation_name,
        kind=kind,
        role=role,
        country=country,
    )
    return actor, TokenUse(token_id, now) if stale else None


def record_token_use(session: Session, use: TokenUse) -> None:
    """Set the token's ``last_used_at``, unless a call made since has set it already."""
    session.execute(
        update(ApiToken)
        .where(
            ApiToken.id == use.token_id,
            or_(ApiToken.last_used_at.is_(None), ApiToken.last_used_at < use.at - LAST_USED_PRECISION),
        )
        .values(last_used_at=use.at)
    )


def list_tokens(session: Session, actor: Actor, user_id: int | None = None) -> list[ApiToken]:
    """Tokens of the actor, or of a user of the admin's organisation."""
    target = _user_in_scope(session, actor, user_id)
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == target.id).order_by(ApiToken.id)))


def revoke_token(session: Session, actor: Actor, token_id: int) -> ApiToken:
    """Revoke a token of the actor's own, or (admins) of a user of their organisation."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound("service.token_not_found")
    _user_in_scope(session, actor, token.user_id)
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, actor, TokenRevoked(token=token.id))
    return token


def _user_in_scope(session: Session, actor: Actor, user_id: int | None) -> User:
    user = session.get(User, user_id or actor.user_id)
    if user is None:
        raise NotFound("service.user_not_found")
    if user.id != actor.user_id:
        actor.require(Permission.USERS_MANAGE)
        if user.organisation_id != actor.organisation_id:
            raise NotFound("service.user_not_found")
    return user


def list_users(session: Session, actor: Actor) -> list[User]:
    actor.require(Permission.USERS_MANAGE)
    return list(session.scalars(select(User).where(User.organisation_id == actor.organisation_id).order_by(User.id)))


def grant_observer(
    session: Session,
    observer_org_id: int,
    *,
    grantor: Organisation,
    request_id: int | None = None,
    agreement_code: str | None = None,
    personal_data: bool = True,
) -> ObserverGrant:
    """Read-only access for an observer to one request or to ``grantor``'s requests under one
    agreement, set up by the system (the demo, an installation script); admins use
    ``services.observers.grant``."""
    if (request_id is None) == (agreement_code is None):
        raise Invalid("service.grant_scope", field="request_id")
    grant = ObserverGrant(
        observer_org_id=observer_org_id,
        request_id=request_id,
        agreement_code=agreement_code,
        personal_data=personal_data,
        grantor_org_id=grantor.id,
        covers_sending_org_id=grantor.id if grantor.kind is OrgKind.SENDING else None,
        covers_receiving_country=grantor.country if grantor.kind is OrgKind.RECEIVING else None,
    )
    session.add(grant)
    session.flush()
    event = ObserverGranted(
        grant=grant.id, observer=observer_org_id, agreement=agreement_code, personal_data=personal_data
    )
    audit.record(session, None, event)
    return grant
