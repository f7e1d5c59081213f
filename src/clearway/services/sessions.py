"""Signing in with an e-mail address and a password, throttled per account and per address.

Password hashing (Argon2) is slow on purpose, and it must not slow anyone else: a
sign-in is three short steps, of which only the first and the last hold a database
session, and the hash between them runs under a limit of its own (``Steps.hashing``),
so that a burst of sign-ins neither holds the database slots the reads need nor takes
every core. The entry point (the API, the web pages) says how each step runs.

Failures are counted in the database (``LoginFailure``), so every process of a
deployment counts the same ones; an address no account has is counted like one that
exists, so the throttle tells nobody which addresses are in use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil
from typing import Protocol, TypeVar

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from clearway.services import people
from clearway.services.actor import actor_for
from clearway.services.errors import TooManyAttempts, Unauthenticated
from clearway.store.models import LoginFailure, User, utcnow

T = TypeVar("T")

#: How long a failure counts.
WINDOW = timedelta(minutes=15)
#: Failures within ``WINDOW`` after which an account (an address typed) is refused for a while:
#: enough for a person who mistypes, far too few to guess a password.
ACCOUNT_LIMIT = 5
#: Failures from one network address within ``WINDOW``: higher, as offices share addresses.
ADDRESS_LIMIT = 30


class Steps(Protocol):
    """How the entry point runs a sign-in's steps."""

    async def in_transaction(self, work: Callable[[Session], T], /) -> T:
        """Run ``work`` in a unit of work of its own (committed when it returns)."""
        ...

    async def hashing(self, work: Callable[[], T], /) -> T:
        """Run CPU-heavy ``work`` with no database session, under the process's hashing limit."""
        ...


@dataclass(frozen=True)
class SignIn:
    """What the caller sent, and from where."""

    email: str
    password: str
    address: str  # the client's network address, as the server sees it
    token_name: str = "api"
    expires_in_days: int | None = None

    @property
    def account(self) -> str:
        return self.email.strip().lower()[:320]


@dataclass(frozen=True)
class SignedIn:
    user: people.UserView
    token: people.TokenView
    secret: str  # the new token, shown once


@dataclass(frozen=True)
class _Candidate:
    user_id: int | None
    password_hash: str


async def sign_in(steps: Steps, attempt: SignIn) -> SignedIn:
    """A new API token for the user whose address and password these are.

    ``TooManyAttempts`` (429) while the account or the address has failed too often lately,
    before any hashing; ``Unauthenticated`` (the same answer for an unknown address and a
    wrong password) otherwise."""
    candidate = await steps.in_transaction(lambda session: _candidate(session, attempt, utcnow()))
    matches = await steps.hashing(lambda: people.verify_password(candidate.password_hash, attempt.password))
    if not matches or candidate.user_id is None:
        await steps.in_transaction(lambda session: _record_failure(session, attempt, utcnow()))
        raise Unauthenticated("service.bad_login")
    new_hash = await steps.hashing(lambda: people.rehashed(candidate.password_hash, attempt.password))
    user_id = candidate.user_id
    return await steps.in_transaction(lambda session: _issue(session, user_id, attempt, new_hash))


def check_password(session: Session, attempt: SignIn) -> int:
    """The user id for a right address and password, throttled and counted as ``sign_in`` is, for an
    entry point that holds one unit of work throughout (the web pages' sign-in form).

    The failure is added to the session before ``Unauthenticated`` is raised, so a caller that
    catches it and commits (the form shown again with its message) keeps the count."""
    now = utcnow()
    candidate = _candidate(session, attempt, now)
    if not people.verify_password(candidate.password_hash, attempt.password) or candidate.user_id is None:
        _record_failure(session, attempt, now)
        raise Unauthenticated("service.bad_login")
    session.execute(delete(LoginFailure).where(LoginFailure.email == attempt.account))
    return candidate.user_id


def _candidate(session: Session, attempt: SignIn, now: datetime) -> _Candidate:
    refuse_if_throttled(session, attempt.account, attempt.address, now)
    user = session.scalars(select(User).where(User.email == attempt.account)).one_or_none()
    usable = user is not None and user.active
    return _Candidate(user.id if user is not None and usable else None, people.password_hash_for_login(user))


def refuse_if_throttled(session: Session, account: str, address: str, now: datetime) -> None:
    """``TooManyAttempts`` when the account or the address has reached its limit within ``WINDOW``."""
    since = now - WINDOW
    for column, value, limit in (
        (LoginFailure.email, account, ACCOUNT_LIMIT),
        (LoginFailure.address, address, ADDRESS_LIMIT),
    ):
        count, oldest = session.execute(
            select(func.count(), func.min(LoginFailure.at)).where(column == value, LoginFailure.at > since)
        ).one()
        if count >= limit and oldest is not None:
            wait = max(1, ceil((oldest + WINDOW - now).total_seconds()))
            raise TooManyAttempts("service.too_many_logins", retry_after=wait, minutes=ceil(wait / 60))


def _record_failure(session: Session, attempt: SignIn, now: datetime) -> None:
    # Old failures of this account and address no longer count: dropped as new ones come in.
    since = now - WINDOW
    session.execute(delete(LoginFailure).where(LoginFailure.email == attempt.account, LoginFailure.at <= since))
    session.execute(delete(LoginFailure).where(LoginFailure.address == attempt.address, LoginFailure.at <= since))
    session.add(LoginFailure(email=attempt.account, address=attempt.address[:64], at=now))


def _issue(session: Session, user_id: int, attempt: SignIn, new_hash: str | None) -> SignedIn:
    user = session.get(User, user_id)
    if user is None or not user.active:  # deactivated between the steps
        raise Unauthenticated("service.bad_login")
    if new_hash is not None:
        user.password_hash = new_hash
    # A success forgets the account's failures: the person got it right.
    session.execute(delete(LoginFailure).where(LoginFailure.email == attempt.account))
    # The user acts, having just proven who they are.
    issued = people.create_token(
        session, user, attempt.token_name, actor=actor_for(session, user.id), expires_in_days=attempt.expires_in_days
    )
    return SignedIn(user=people.UserView.of(user), token=issued.view, secret=issued.secret)
