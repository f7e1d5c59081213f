"""Signing keys of receiving organisations, and the clearances they sign."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.clearance import ClearanceClaims, claims_for, clearance_number
from clearway.domain.workflow import Permission
from clearway.services import audit
from clearway.services.actor import Actor
from clearway.services.requests import snapshot_of
from clearway.signing import ClearanceInvalid, generate_key, sign_clearance, token_from_text, verify_clearance
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    Decision,
    Organisation,
    RequestVersion,
    SigningKey,
    utcnow,
)

#: A clearance is valid from a week before the first arrival until a day after the last one.
OPENS_BEFORE_FIRST_ARRIVAL = timedelta(days=7)
CLOSES_AFTER_LAST_ARRIVAL = timedelta(hours=24)


def active_key(session: Session, organisation_id: int, secret: str) -> SigningKey:
    """The organisation's signing key, made on first use."""
    key = session.scalars(
        select(SigningKey)
        .where(SigningKey.organisation_id == organisation_id, SigningKey.retired_at.is_(None))
        .order_by(SigningKey.created_at.desc())
    ).first()
    return key or _new_key(session, organisation_id, secret)


def _new_key(session: Session, organisation_id: int, secret: str) -> SigningKey:
    material = generate_key(secret)
    key = SigningKey(
        organisation_id=organisation_id,
        key_id=material.key_id,
        public_pem=material.public_pem,
        encrypted_private_pem=material.encrypted_private_pem,
    )
    session.add(key)
    session.flush()
    return key


def rotate_key(session: Session, actor: Actor, secret: str) -> SigningKey:
    """A new signing key; the old ones are retired but kept, so their clearances still verify."""
    actor.require(Permission.KEYS_MANAGE)
    for old in session.scalars(
        select(SigningKey).where(SigningKey.organisation_id == actor.organisation_id, SigningKey.retired_at.is_(None))
    ):
        old.retired_at = utcnow()
    key = _new_key(session, actor.organisation_id, secret)
    audit.record(session, actor, "key_rotated", details={"key_id": key.key_id})
    return key


def public_keys(session: Session) -> list[tuple[SigningKey, Organisation]]:
    """Every public key, current and retired, with its organisation (published for verification)."""
    rows = session.execute(
        select(SigningKey, Organisation)
        .join(Organisation, Organisation.id == SigningKey.organisation_id)
        .order_by(Organisation.name, SigningKey.created_at)
    )
    return [(key, organisation) for key, organisation in rows]


def issue(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    version: RequestVersion,
    decision: Decision,
    *,
    excluded_seqs: tuple[int, ...],
    conditions: str,
    secret: str,
) -> Clearance:
    """A clearance number and a signed token for the version just approved."""
    snapshot = snapshot_of(version)
    key = active_key(session, actor.organisation_id, secret)
    issued_at = utcnow()
    arrivals = [leg.arrival for leg in snapshot.flight.legs]
    valid_from = min(arrivals) - OPENS_BEFORE_FIRST_ARRIVAL
    valid_until = max(arrivals) + CLOSES_AFTER_LAST_ARRIVAL
    country = actor.country or request.receiving_country
    audit.serialise(session)  # numbers are counted: one issuer at a time
    serial = (session.scalar(select(func.count()).select_from(Clearance)) or 0) + 1
    number = clearance_number(country, issued_at.year, serial)
    claims = claims_for(
        snapshot,
        number=number,
        request_id=request.public_id,
        version=version.number,
        excluded_seqs=excluded_seqs,
        conditions=conditions,
        valid_from=valid_from,
        valid_until=valid_until,
        issuer_name=actor.organisation_name,
        issuer_country=country,
        issued_at=issued_at,
        key_id=key.key_id,
    )
    token = sign_clearance(claims, key.encrypted_private_pem, secret)
    clearance = Clearance(
        request_id=request.id,
        version=version.number,
        decision_id=decision.id,
        number=number,
        token=token,
        key_id=key.key_id,
        valid_from=valid_from,
        valid_until=valid_until,
        issued_at=issued_at,
    )
    session.add(clearance)
    decision.signature = token
    decision.key_id = key.key_id
    session.flush()
    return clearance


@dataclass(frozen=True)
class OnlineVerification:
    valid: bool  # the signature verifies against a published key
    status: str  # current | superseded | revoked | unknown | invalid
    reason: str | None
    claims: ClearanceClaims | None
    key_id: str = ""  # the key the token names (for an unknown key)

    @property
    def message_key(self) -> str:
        """The catalogue sentence that says this verification's outcome."""
        if self.claims is None:
            return f"clearance.refused.{self.reason}"
        if self.status == "current" and self.reason is None:
            return "clearance.verified"
        return f"clearance.online.{self.reason or self.status}"

    def to_document(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "status": self.status,
            "reason": self.reason,
            "claims": self.claims.to_claims_dict() if self.claims else None,
        }


def verify_online(session: Session, token: str, now: datetime | None = None) -> OnlineVerification:
    """Whether the token is genuine, and whether it is still the current clearance for its request."""
    keys = {key.key_id: key.public_pem for key, _ in public_keys(session)}
    try:
        token = token_from_text(token)  # the QR code's form holds the same JWS
        claims = verify_clearance(token, keys)
    except ClearanceInvalid as error:
        return OnlineVerification(False, "invalid", error.reason, None, error.key_id)
    stored = session.scalars(select(Clearance).where(Clearance.number == claims.number)).one_or_none()
    if stored is None or stored.token != token:
        return OnlineVerification(True, "unknown", "not_issued_here", claims, claims.key_id)
    moment = now or utcnow()
    if str(stored.status) == "current" and not (stored.valid_from <= moment <= stored.valid_until):
        return OnlineVerification(True, "current", "outside_validity", claims, claims.key_id)
    return OnlineVerification(True, str(stored.status), None, claims, claims.key_id)
