"""The receiving organisations' public keys as the entry points show them (PEM and JWK, with the
organisation), over ``services.clearances``' key store and rotation."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from clearway.services import clearances
from clearway.services.actor import Actor
from clearway.signing import public_jwk
from clearway.store.models import Organisation, SigningKey


@dataclass(frozen=True)
class PublicKeyView:
    key_id: str
    organisation: str
    country: str | None
    created_at: datetime
    retired_at: datetime | None
    pem: str
    jwk: dict[str, str]

    @classmethod
    def of(cls, key: SigningKey, organisation: Organisation) -> PublicKeyView:
        return cls(
            key.key_id,
            organisation.name,
            organisation.country,
            key.created_at,
            key.retired_at,
            key.public_pem,
            public_jwk(key.public_pem),
        )


def published_keys(session: Session) -> list[PublicKeyView]:
    """Every public key, current and retired (anyone may read them, to verify offline)."""
    return [PublicKeyView.of(key, organisation) for key, organisation in clearances.public_keys(session)]


def rotate(session: Session, actor: Actor, secret: str) -> PublicKeyView:
    """``clearances.rotate_key``, and the new key's public half."""
    key = clearances.rotate_key(session, actor, secret)
    organisation = session.get(Organisation, key.organisation_id)
    assert organisation is not None  # a foreign key
    return PublicKeyView.of(key, organisation)
