"""Organisations, users, passwords (Argon2) and API tokens (shown once, stored hashed)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from clearway.domain.audit_events import (
    ObserverGranted,
    OrganisationCreated,
    TokenCreated,
    TokenRevoked,
    UserCreated,
    UserDeactivated,
)
from clearway.domain.workflow import OrgKind, Permission, Role
from clearway.services import agreements, audit
from clearway.services.actor import Actor, SystemActor
from clearway.services.errors import Conflict, Invalid, NotFound, Unauthenticated
from clearway.store.models import ApiToken, ObserverGrant, Organisation, User, WebSession, utcnow

TOKEN_PREFIX = "cw_"
LAST_USED_PRECISION = timedelta(minutes=5)
_hasher = PasswordHasher()


def create_organisation(
    session: Session, operator: SystemActor, name: str, kind: OrgKind, country: str | None = None
) -> Organisation:
    """An organisation, set up by the operator; a receiving authority needs its country."""
    if kind is OrgKind.RECEIVING and not country:
        raise Invalid("service.receiving_needs_country", field="country")
    organisation = Organisation(name=name, kind=kind, country=country.strip().upper() if country else None)
    session.add(organisation)
    session.flush()
    audit.record(session, operator, OrganisationCreated(name=name, kind=str(kind)))
    return organisation


def create_user(
    session: Session,
    actor: Actor | SystemActor,
    organisation_id: int,
    email: str,
    display_name: str,
    role: Role,
    password: str,
) -> User:
    """A user of ``organisation_id``; an admin may add users to their own organisation only, the operator
    (``SystemActor``) to any."""
    if isinstance(actor, Actor):
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


def add_colleague(session: Session, actor: Actor, email: str, display_name: str, role: Role, password: str) -> UserView:
    """``POST /users``: an admin adds a user to their own organisation."""
    return UserView.of(create_user(session, actor, actor.organisation_id, email, display_name, role, password))


_DUMMY_HASH = _hasher.hash("not a password of anyone")


def password_hash_for_login(user: User | None) -> str:
    """The hash a sign-in compares with: the user's, or (unknown or inactive user) one that never
    matches, so that both take the same work and give no hint that the address exists."""
    if user is None or not user.active:
        return _DUMMY_HASH
    return user.password_hash


def verify_password(password_hash: str, password: str) -> bool:
    """Whether ``password`` matches; CPU-heavy (Argon2), touches no database."""
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def rehashed(password_hash: str, password: str) -> str | None:
    """A new hash of a matching ``password`` when its stored hash uses outdated parameters; CPU-heavy."""
    return _hasher.hash(password) if _hasher.check_needs_rehash(password_hash) else None


@dataclass(frozen=True)
class UserView:
    """A user as shown to their organisation's admins and to themselves."""

    id: int
    email: str
    display_name: str
    role: Role
    active: bool
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> UserView:
        return cls(user.id, user.email, user.display_name, user.role, user.active, user.created_at)


@dataclass(frozen=True)
class TokenView:
    """An API token as listed: never its secret."""

    id: int
    name: str
    prefix: str
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None

    @classmethod
    def of(cls, token: ApiToken) -> TokenView:
        return cls(
            token.id,
            token.name,
            token.prefix,
            token.created_at,
            token.expires_at,
            token.revoked_at,
            token.last_used_at,
        )


#: The longest a token may be given to last; a token without an expiry lasts until revoked.
MAX_TOKEN_DAYS = 366


@dataclass(frozen=True)
class IssuedToken:
    token: ApiToken
    secret: str  # shown once; only its hash is kept

    @property
    def view(self) -> TokenView:
        return TokenView.of(self.token)


def create_token(
    session: Session,
    user: User,
    name: str,
    *,
    actor: Actor | SystemActor,
    expires_in_days: int | None = None,
) -> IssuedToken:
    """A new API token for ``user``: the secret is returned once and stored only as a hash.

    ``actor`` is who asked: the user, signed in or signing in with a password, or the
    operator (the demo's setup). ``expires_in_days``: None lasts until revoked."""
    expires_at = None
    if expires_in_days is not None:
        if not 1 <= expires_in_days <= MAX_TOKEN_DAYS:
            raise Invalid("service.token_expiry_too_far", field="expires_in_days", maximum=MAX_TOKEN_DAYS)
        expires_at = utcnow() + timedelta(days=expires_in_days)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, prefix=secret[:12], token_hash=_digest(secret), expires_at=expires_at)
    session.add(token)
    session.flush()
    audit.record(session, actor, TokenCreated(user=user.id, token=token.id, name=name))
    return IssuedToken(token=token, secret=secret)


def create_own_token(session: Session, actor: Actor, name: str, expires_in_days: int | None = None) -> IssuedToken:
    """A new API token for the signed-in actor."""
    user = session.get(User, actor.user_id)
    if user is None or not user.active:
        raise Unauthenticated("service.unauthenticated")
    return create_token(session, user, name, actor=actor, expires_in_days=expires_in_days)


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
    .where(
        ApiToken.token_hash == bindparam("token_hash"),
        ApiToken.revoked_at.is_(None),
        or_(ApiToken.expires_at.is_(None), ApiToken.expires_at > bindparam("now")),
        User.active,
    )
)


def authenticate_token(session: Session, secret: str) -> tuple[Actor, TokenUse | None]:
    """The actor behind a bearer token, and the use to record (``record_token_use``) if any.

    ``Unauthenticated`` for an unknown, revoked or expired token, or one of an inactive user.
    Reading only: the use is recorded
    by the caller in a transaction of its own, because a read-only call rolls its
    transaction back, and because writing the token row inside every call would make all
    the calls made with one token wait for each other on that row's lock.
    """
    now = utcnow()
    found = session.execute(_TOKEN_QUERY, {"token_hash": _digest(secret.strip()), "now": now}).one_or_none()
    if found is None:
        raise Unauthenticated("service.unauthenticated")
    token_id, last_used_at, user_id, role, organisation_id, organisation_name, kind, country = found
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


def list_tokens(session: Session, actor: Actor, user_id: int | None = None) -> list[TokenView]:
    """Tokens of the actor, or (admins) of a user of their organisation."""
    target = _user_in_scope(session, actor, user_id)
    tokens = session.scalars(select(ApiToken).where(ApiToken.user_id == target.id).order_by(ApiToken.id))
    return [TokenView.of(token) for token in tokens]


def revoke_token(session: Session, actor: Actor, token_id: int) -> TokenView:
    """Revoke a token of the actor's own, or (admins) of a user of their organisation.

    A token the actor may not revoke answers exactly as one that does not exist: nobody
    learns which token ids are in use elsewhere."""
    token = session.get(ApiToken, token_id)
    if token is None or not _may_manage(session, actor, token.user_id):
        raise NotFound("service.token_not_found")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        audit.record(session, actor, TokenRevoked(token=token.id))
    return TokenView.of(token)


def _may_manage(session: Session, actor: Actor, user_id: int) -> bool:
    """Whether the actor may see and manage the user's tokens: their own, or (admins) their organisation's."""
    if user_id == actor.user_id:
        return True
    if not actor.may(Permission.USERS_MANAGE):
        return False
    owner = session.scalar(select(User.organisation_id).where(User.id == user_id))
    return owner == actor.organisation_id


def _user_in_scope(session: Session, actor: Actor, user_id: int | None) -> User:
    """The user named (default: the actor). Another organisation's user answers as a missing one;
    a colleague's, for a non-admin, is refused before anything is looked up."""
    if user_id is not None and user_id != actor.user_id:
        actor.require(Permission.USERS_MANAGE)
    user = session.get(User, user_id or actor.user_id)
    if user is None or user.organisation_id != actor.organisation_id:
        raise NotFound("service.user_not_found")
    return user


def list_users(session: Session, actor: Actor) -> list[UserView]:
    """The users of the admin's organisation."""
    actor.require(Permission.USERS_MANAGE)
    users = session.scalars(select(User).where(User.organisation_id == actor.organisation_id).order_by(User.id))
    return [UserView.of(user) for user in users]


def deactivate_user(session: Session, actor: Actor, user_id: int) -> UserView:
    """Deactivate a user of the admin's organisation and revoke every token they hold.

    A deactivated user can neither sign in nor use a token made before; the row stays, so
    that the audit trail keeps naming who did what."""
    user = _user_in_scope(session, actor, user_id)
    actor.require(Permission.USERS_MANAGE)
    if user.id == actor.user_id:
        raise Conflict("service.cannot_deactivate_self")
    if user.active:
        user.active = False
        revoked = revoke_all_tokens(session, user.id)
        # Their web sessions end at once too, on every process (sessions are rows).
        session.execute(
            update(WebSession)
            .where(WebSession.user_id == user.id, WebSession.ended_at.is_(None))
            .values(ended_at=utcnow())
        )
        audit.record(session, actor, UserDeactivated(user=user.id, tokens_revoked=revoked))
    return UserView.of(user)


def revoke_all_tokens(session: Session, user_id: int) -> int:
    """Revoke every token of the user still in force; how many were."""
    result = session.execute(
        update(ApiToken)
        .where(ApiToken.user_id == user_id, ApiToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def grant_observer(
    session: Session,
    operator: SystemActor,
    observer_org_id: int,
    *,
    grantor: Organisation,
    request_id: int | None = None,
    agreement_code: str | None = None,
    personal_data: bool = True,
) -> ObserverGrant:
    """Read-only access for an observer to one request or to ``grantor``'s requests under one
    agreement, set up by the operator (the demo, an installation script); admins use
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
        agreement_country=(
            agreements.receiving_country_of(session, agreement_code, grantor.kind, grantor.country)
            if agreement_code is not None
            else None
        ),
    )
    session.add(grant)
    session.flush()
    event = ObserverGranted(
        grant=grant.id, observer=observer_org_id, agreement=agreement_code, personal_data=personal_data
    )
    audit.record(session, operator, event)
    return grant
