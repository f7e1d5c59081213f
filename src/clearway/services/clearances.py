"""Signed decisions: every decision of a receiving organisation signed with its key, approvals
issued as clearances, and the online check of a token."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.clearance import ClearanceClaims, DecisionKind, claims_for, clearance_number
from clearway.reference import PackagedReferenceData
from clearway.services import audit, keys
from clearway.services.actor import Actor
from clearway.services.requests import snapshot_of
from clearway.signing import ClearanceInvalid, SigningKeyUnusable, sign_clearance, token_from_text, verify_clearance
from clearway.store.models import Clearance, ClearanceRequest, ClearanceStatus, Decision, RequestVersion, utcnow

#: A clearance is valid from a week before the first arrival (or from its approval, if later)
#: until a day after the last one.
OPENS_BEFORE_FIRST_ARRIVAL = timedelta(days=7)
CLOSES_AFTER_LAST_ARRIVAL = timedelta(hours=24)


@dataclass(frozen=True)
class DecisionTerms:
    """What a decision states besides the version it is on."""

    kind: DecisionKind
    reason_codes: tuple[str, ...] = ()
    excluded_seqs: tuple[int, ...] = ()
    conditions: str = ""
    number: str | None = None  # the clearance a revocation withdraws
    valid_from: datetime | None = None
    valid_until: datetime | None = None


def sign_decision(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    version: RequestVersion,
    decision: Decision,
    terms: DecisionTerms,
    *,
    secret: str,
) -> str:
    """Sign ``terms`` with the actor's organisation's key and store the signature on the decision."""
    key = keys.active_key(session, actor.organisation_id, secret)
    reference = PackagedReferenceData()

    def zone_of(icao: str) -> tzinfo | None:
        airport = reference.airport(icao)
        return airport.tz if airport else None

    claims = claims_for(
        snapshot_of(version),
        decision=terms.kind,
        number=terms.number,
        request_id=request.public_id,
        version=version.number,
        excluded_seqs=terms.excluded_seqs,
        conditions=terms.conditions,
        reason_codes=terms.reason_codes,
        valid_from=terms.valid_from,
        valid_until=terms.valid_until,
        issuer_name=actor.organisation_name,
        issuer_country=actor.country or request.receiving_country,
        issued_at=utcnow(),
        key_id=key.key_id,
        development_key=key.development_secret,
        zone_of=zone_of,
    )
    try:
        token = sign_clearance(claims, key.encrypted_private_pem, secret)
    except SigningKeyUnusable:  # a key from before fingerprints, under another secret
        raise keys.KeysNeedRotation("service.keys_need_rotation", command=keys.REKEY_COMMAND) from None
    decision.signature = token
    decision.key_id = key.key_id
    return token


def issue(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    version: RequestVersion,
    decision: Decision,
    *,
    excluded_seqs: tuple[int, ...],
    conditions: str,
    reason_codes: tuple[str, ...] = (),
    secret: str,
) -> Clearance:
    """A clearance number and a signed token for the version just approved."""
    snapshot = snapshot_of(version)
    arrivals = [leg.arrival for leg in snapshot.flight.legs]
    # Never valid before it is issued: a flight approved days before it lands opens at the approval.
    valid_from = max(utcnow().replace(microsecond=0), min(arrivals) - OPENS_BEFORE_FIRST_ARRIVAL)
    valid_until = max(arrivals) + CLOSES_AFTER_LAST_ARRIVAL
    country = actor.country or request.receiving_country
    audit.serialise(session)  # numbers are counted: one issuer at a time
    serial = (session.scalar(select(func.count()).select_from(Clearance)) or 0) + 1
    number = clearance_number(country, utcnow().year, serial)
    restricted = bool(excluded_seqs or conditions)
    terms = DecisionTerms(
        kind=DecisionKind.APPROVE_RESTRICTED if restricted else DecisionKind.APPROVE,
        reason_codes=reason_codes,
        excluded_seqs=excluded_seqs,
        conditions=conditions,
        number=number,
        valid_from=valid_from,
        valid_until=valid_until,
    )
    token = sign_decision(session, actor, request, version, decision, terms, secret=secret)
    clearance = Clearance(
        request_id=request.id,
        version=version.number,
        decision_id=decision.id,
        number=number,
        token=token,
        key_id=decision.key_id or "",
        valid_from=valid_from,
        valid_until=valid_until,
        issued_at=utcnow(),
    )
    session.add(clearance)
    session.flush()
    return clearance


def current_clearance(session: Session, request: ClearanceRequest) -> Clearance | None:
    """The request's clearance in force, if any."""
    return session.scalars(
        select(Clearance).where(Clearance.request_id == request.id, Clearance.status == ClearanceStatus.CURRENT)
    ).one_or_none()


#: Online status of a genuine token that is not an approval: a signed record of a decision.
RECORDED = "recorded"


@dataclass(frozen=True)
class OnlineVerification:
    """The answer to "is this token genuine, and does it still hold?".

    ``valid`` is true only for a genuine approval that is the request's current clearance,
    inside its validity, signed by a key protected by a real secret: a revoked, superseded,
    expired or development-signed clearance is never ``valid``.
    """

    genuine: bool  # the signature verifies against its issuer's published key
    status: str  # current | superseded | revoked | recorded | unknown | invalid
    reason: str | None
    claims: ClearanceClaims | None
    key_id: str = ""  # the key the token names (for an unknown key)
    development: bool = False

    @property
    def valid(self) -> bool:
        return self.genuine and self.status == str(ClearanceStatus.CURRENT) and self.reason is None

    @property
    def message_key(self) -> str:
        """The catalogue sentence that says this verification's outcome."""
        if self.claims is None:
            return f"clearance.refused.{self.reason}"
        if self.valid:
            return "clearance.verified"
        return f"clearance.online.{self.reason or self.status}"

    def to_document(self) -> dict[str, Any]:
        return {
            "valid": self.valid,
            "genuine": self.genuine,
            "status": self.status,
            "reason": self.reason,
            "development": self.development,
            "claims": self.claims.to_claims_dict() if self.claims else None,
        }


def verify_online(session: Session, token: str, secret: str, now: datetime | None = None) -> OnlineVerification:
    """Whether the token is genuine (its issuer's endorsed key, not revoked) and still holds here."""
    try:
        text = token_from_text(token)  # the QR code's form holds the same JWS, stored as issued
        verified = verify_clearance(text, keys.trusted_keys(session, secret))
    except ClearanceInvalid as error:
        return OnlineVerification(False, "invalid", error.reason, None, error.key_id)
    claims = verified.claims
    result = OnlineVerification(True, "unknown", "not_issued_here", claims, claims.key_id, verified.development)
    if not claims.decision.grants:
        stored_decision = session.scalars(select(Decision.id).where(Decision.signature == text)).first()
        if stored_decision is None:
            return result
        return OnlineVerification(True, RECORDED, None, claims, claims.key_id, verified.development)
    stored = session.scalars(select(Clearance).where(Clearance.number == claims.number)).one_or_none()
    if stored is None or stored.token != text:
        return result
    status, reason = str(stored.status), None
    moment = now or utcnow()
    if stored.status is ClearanceStatus.CURRENT:
        if not (stored.valid_from <= moment <= stored.valid_until):
            reason = "outside_validity"
        elif verified.development:
            reason = "development_key"
    return OnlineVerification(True, status, reason, claims, claims.key_id, verified.development)
