"""Signing keys: one active key per deciding or witnessing organisation, one for the instance's audit.

Keys are made on first use (and for every sending and receiving organisation when the
service starts), rotated on request, re-keyed when the server secret changes, and
revoked when compromised. Retiring a key keeps what it signed verifiable; revoking it
does not. Every change is in the audit trail.

Every key row carries an endorsement: an HMAC under the server secret of its public half,
owner and state (``clearway.signing.key_endorsement``). Only endorsed keys are served and
trusted, so someone who can write the database but does not hold the secret can neither
add a key of their own for an organisation nor clear a revocation.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import KeyCreated, KeyRevoked, KeyRotated
from clearway.domain.keys import KeyPurpose
from clearway.domain.snapshot import iso_utc
from clearway.domain.workflow import OrgKind, Permission
from clearway.keyset import key_entry
from clearway.services import audit
from clearway.services.actor import Actor, SystemActor
from clearway.services.errors import Conflict, NotFound
from clearway.settings import DEVELOPMENT_SECRET_KEY
from clearway.signing import TrustedKey, can_open, generate_key, key_endorsement, public_jwk, secret_fingerprint
from clearway.store.models import Organisation, SigningKey, utcnow

#: Organisations that decide (receiving) or witness checkpoints (sending) have keys; observers do not.
KEYED_KINDS = (OrgKind.RECEIVING, OrgKind.SENDING)
REKEY_COMMAND = "clearway keys rotate"


class KeysNeedRotation(Conflict):
    """The active keys were made under another secret than the one configured now."""


def is_development_secret(secret: str) -> bool:
    return secret == DEVELOPMENT_SECRET_KEY


def active_key(session: Session, organisation_id: int | None, secret: str) -> SigningKey:
    """The active key of an organisation (None: the instance's audit key), made on first use.

    ``KeysNeedRotation`` when the active key was made (or last endorsed) under another secret:
    signing would fail, or sign what no verifier trusts; the remedy is ``clearway keys rotate``.
    """
    key = _active(session, organisation_id)
    if key is None:
        key = _new_key(session, organisation_id, secret)
        audit.record(
            session,
            None,
            KeyCreated(key.key_id, str(key.purpose), organisation_id, key.development_secret),
        )
    elif not opens_with(key, secret) or not is_endorsed(key, secret):  # what it signed would not verify
        raise KeysNeedRotation("service.keys_need_rotation", command=REKEY_COMMAND)
    return key


def opens_with(key: SigningKey, secret: str) -> bool:
    """Whether ``secret`` is the one the key's private half is encrypted under."""
    if key.secret_fingerprint is not None:
        return key.secret_fingerprint == secret_fingerprint(secret)
    return can_open(key.encrypted_private_pem, secret)  # a key from before fingerprints: try it (slow, rare)


def keys_needing_rotation(session: Session, secret: str) -> list[SigningKey]:
    """Keys ``clearway keys rotate`` must see to: active keys the configured secret cannot open,
    and keys not endorsed under it (from before endorsements, made under another secret,
    or changed by someone without the secret)."""
    every = session.scalars(select(SigningKey).order_by(SigningKey.id)).all()
    return [
        key for key in every if (key.retired_at is None and not opens_with(key, secret)) or not is_endorsed(key, secret)
    ]


def is_endorsed(key: SigningKey, secret: str) -> bool:
    """Whether the row is as the service last wrote it under ``secret``."""
    expected = key_endorsement(secret, _endorsed_fields(key))
    return key.endorsement is not None and hmac.compare_digest(key.endorsement, expected)


def _endorse(key: SigningKey, secret: str) -> None:
    key.endorsement = key_endorsement(secret, _endorsed_fields(key))


def _endorsed_fields(key: SigningKey) -> dict[str, Any]:
    return {
        "key_id": key.key_id,
        "public_pem": key.public_pem,
        "purpose": str(key.purpose),
        "organisation": key.organisation_id,
        "development": key.development_secret,
        "created_at": iso_utc(key.created_at, microseconds=True),
        "retired_at": iso_utc(key.retired_at, microseconds=True) if key.retired_at else None,
        "revoked_at": iso_utc(key.revoked_at, microseconds=True) if key.revoked_at else None,
    }


def ensure_keys(session: Session, secret: str) -> list[SigningKey]:
    """An active key for the audit and for every sending and receiving organisation; the ones made now."""
    made = []
    owners: list[int | None] = [None]
    owners += list(session.scalars(select(Organisation.id).where(Organisation.kind.in_(KEYED_KINDS))))
    for owner in owners:
        if _active(session, owner) is None:
            made.append(active_key(session, owner, secret))
    return made


def rotate_key(session: Session, actor: Actor, secret: str) -> SigningKey:
    """A new key for the actor's organisation; the old one is retired but kept, so what it signed still verifies."""
    actor.require(Permission.KEYS_MANAGE)
    return _rotate(session, actor, actor.organisation_id, secret, reason="requested")


@dataclass(frozen=True)
class Rekeyed:
    old: SigningKey | None
    new: SigningKey


def rekey(session: Session, operator: SystemActor, secret: str, *, revoke_old: bool = False) -> list[Rekeyed]:
    """``clearway keys rotate``, by the operator: replace every active key the configured secret cannot open (a
    changed secret), and every key still protected only by the development secret when the
    configured one is real; then make the keys that are missing. ``revoke_old`` revokes the
    replaced keys instead of retiring them (for a secret that leaked)."""
    replaced = []
    development = is_development_secret(secret)
    active = session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None)).order_by(SigningKey.id)).all()
    for key in active:  # read first: each replacement below writes to the same table
        if opens_with(key, secret) and (development or not key.development_secret):
            continue
        new = _rotate(session, operator, key.organisation_id, secret, reason="secret_changed")
        if revoke_old:
            key.revoked_at = utcnow()
            audit.record(session, operator, KeyRevoked(key.key_id, key.organisation_id, new.key_id))
        replaced.append(Rekeyed(key, new))
    # The keys as they stand now are taken as the service's own: run this right after moving
    # the database, not on a database someone else may have written to since.
    for key in session.scalars(select(SigningKey)).all():
        if not is_endorsed(key, secret):
            _endorse(key, secret)
    replaced += [Rekeyed(None, key) for key in ensure_keys(session, secret)]
    return replaced


def revoke_key(session: Session, actor: Actor | SystemActor, key_id: str, secret: str) -> SigningKey:
    """Revoke a compromised key: nothing it signed verifies any more. An admin revokes their
    organisation's keys, the operator (``SystemActor``, from the command line) any key.
    If it was the active key, a new one takes its place."""
    key = session.scalars(select(SigningKey).where(SigningKey.key_id == key_id)).one_or_none()
    if isinstance(actor, Actor):
        actor.require(Permission.KEYS_MANAGE)
        if key is not None and key.organisation_id != actor.organisation_id:
            key = None  # another organisation's key answers as if it did not exist
    if key is None:
        raise NotFound("service.key_not_found", key_id=key_id)
    if key.revoked_at is not None:
        return key
    replacement = None
    if key.retired_at is None:
        replacement = _rotate(session, actor, key.organisation_id, secret, reason="revoked")
    key.revoked_at = utcnow()
    _endorse(key, secret)
    audit.record(
        session, actor, KeyRevoked(key.key_id, key.organisation_id, replacement.key_id if replacement else None)
    )
    session.flush()
    return key


def published_keys(session: Session, secret: str) -> list[tuple[SigningKey, Organisation | None]]:
    """Every endorsed public key, active, retired and revoked, with its organisation (None: the audit key)."""
    rows = session.execute(
        select(SigningKey, Organisation)
        .outerjoin(Organisation, Organisation.id == SigningKey.organisation_id)
        .order_by(SigningKey.purpose, Organisation.name, SigningKey.created_at, SigningKey.id)
    )
    return [(key, organisation) for key, organisation in rows if is_endorsed(key, secret)]


def trusted(key: SigningKey, organisation: Organisation | None) -> TrustedKey:
    """The key as a verifier trusts it: owner, purpose, retirement and revocation."""
    return TrustedKey(
        key_id=key.key_id,
        public_pem=key.public_pem,
        purpose=key.purpose,
        organisation=organisation.name if organisation else None,
        country=organisation.country if organisation else None,
        retired_at=key.retired_at,
        revoked_at=key.revoked_at,
        development=key.development_secret,
    )


@dataclass(frozen=True)
class PublishedKey:
    """One key as the key set publishes it (``clearway.keyset.key_entry`` is its JSON form)."""

    key_id: str
    purpose: str
    organisation: str | None
    country: str | None
    status: str
    created_at: datetime
    retired_at: datetime | None
    revoked_at: datetime | None
    development: bool
    pem: str
    jwk: dict[str, str]

    @classmethod
    def of(cls, key: TrustedKey, created_at: datetime) -> PublishedKey:
        return cls(
            key_id=key.key_id,
            purpose=str(key.purpose),
            organisation=key.organisation,
            country=key.country,
            status=str(key.status),
            created_at=created_at.astimezone(UTC),
            retired_at=key.retired_at.astimezone(UTC) if key.retired_at else None,
            revoked_at=key.revoked_at.astimezone(UTC) if key.revoked_at else None,
            development=key.development,
            pem=key.public_pem,
            jwk=public_jwk(key.public_pem),
        )


def published(session: Session, secret: str) -> list[PublishedKey]:
    """``GET /keys``: every endorsed key, active, retired and revoked, whose it is."""
    return [
        PublishedKey.of(trusted(key, organisation), key.created_at)
        for key, organisation in published_keys(session, secret)
    ]


def rotate_own_key(session: Session, actor: Actor, secret: str) -> PublishedKey:
    """``rotate_key``, answered as the new key is published."""
    return _published(session, rotate_key(session, actor, secret))


def revoke_own_key(session: Session, actor: Actor, key_id: str, secret: str) -> PublishedKey:
    """``revoke_key`` by an admin of the key's organisation, answered as the key is published now."""
    return _published(session, revoke_key(session, actor, key_id, secret))


def _published(session: Session, key: SigningKey) -> PublishedKey:
    organisation = session.get(Organisation, key.organisation_id) if key.organisation_id is not None else None
    return PublishedKey.of(trusted(key, organisation), key.created_at)


def key_set(session: Session, secret: str) -> list[dict[str, Any]]:
    """The published key set's entries (``clearway.keyset.key_entry``), as ``/api/v1/keys`` serves them."""
    published = published_keys(session, secret)
    return [key_entry(trusted(key, organisation), key.created_at) for key, organisation in published]


def trusted_keys(session: Session, secret: str) -> dict[str, TrustedKey]:
    """The published (endorsed) keys by key id, as ``clearway.signing`` verifies with them."""
    return {key.key_id: trusted(key, organisation) for key, organisation in published_keys(session, secret)}


def _active(session: Session, organisation_id: int | None) -> SigningKey | None:
    owner = (
        SigningKey.organisation_id.is_(None)
        if organisation_id is None
        else SigningKey.organisation_id == organisation_id
    )
    return session.scalars(select(SigningKey).where(owner, SigningKey.retired_at.is_(None))).first()


def _rotate(
    session: Session, actor: Actor | SystemActor, organisation_id: int | None, secret: str, *, reason: str
) -> SigningKey:
    old = _active(session, organisation_id)
    if old is not None:
        old.retired_at = utcnow()
        _endorse(old, secret)
        session.flush()  # the unique index on the active key must see the old one retired first
    key = _new_key(session, organisation_id, secret)
    event = KeyRotated(key.key_id, old.key_id if old else None, organisation_id, key.development_secret, reason)
    audit.record(session, actor, event)
    return key


def _new_key(session: Session, organisation_id: int | None, secret: str) -> SigningKey:
    material = generate_key(secret)
    key = SigningKey(
        organisation_id=organisation_id,
        purpose=KeyPurpose.AUDIT if organisation_id is None else KeyPurpose.DECISIONS,
        key_id=material.key_id,
        public_pem=material.public_pem,
        encrypted_private_pem=material.encrypted_private_pem,
        secret_fingerprint=secret_fingerprint(secret),
        development_secret=is_development_secret(secret),
        created_at=utcnow(),
    )
    _endorse(key, secret)
    session.add(key)
    session.flush()
    return key
