"""The actions the audit trail records, each with its typed details.

One ``AuditAction`` per thing that happens, and one frozen dataclass per action saying
exactly what its entry's ``details`` hold: a service builds the event, and
``clearway.services.audit.record`` writes it. Nothing else reaches the chain, so an
entry's details can be read back knowing their shape, and a misspelt key is a type error
instead of a silently different record.

``details`` are the dataclass fields by name (tuples as lists), except where a field is
renamed for the stored form (``from`` is a Python keyword).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum
from typing import Any, ClassVar


class AuditAction(StrEnum):
    # organisations, users, tokens, access
    ORGANISATION_CREATED = "organisation_created"
    USER_CREATED = "user_created"
    TOKEN_CREATED = "token_created"
    TOKEN_REVOKED = "token_revoked"
    OBSERVER_GRANTED = "observer_granted"
    OBSERVER_WITHDRAWN = "observer_withdrawn"
    # reference data
    AGREEMENT_LOADED = "agreement_loaded"
    HOLDS_IMPORTED = "holds_imported"
    # keys
    KEY_CREATED = "key_created"
    KEY_ROTATED = "key_rotated"
    KEY_REVOKED = "key_revoked"
    # requests and their versions
    REQUEST_CREATED = "request_created"
    VERSION_SAVED = "version_saved"
    REQUEST_COPIED = "request_copied"
    MATERIAL_AMENDMENT = "material_amendment"
    NON_MATERIAL_AMENDMENT = "non_material_amendment"
    # the workflow
    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    ANSWER = "answer"
    APPROVE = "approve"
    APPROVE_RESTRICTED = "approve_restricted"
    REQUEST_INFO = "request_info"
    DENY = "deny"
    REVOKE = "revoke"
    CANCEL = "cancel"
    DEPART = "depart"
    ARRIVE = "arrive"
    CONFIRM_RECEPTION = "confirm_reception"


@dataclass(frozen=True)
class AuditEvent:
    """Base of every event: its action, and its details as stored."""

    action: ClassVar[AuditAction]
    _renamed: ClassVar[dict[str, str]] = {}

    def details(self) -> dict[str, Any]:
        """The entry's ``details``: JSON-safe, keyed by field name (or its stored name)."""
        return {self._renamed.get(item.name, item.name): _json(getattr(self, item.name)) for item in fields(self)}


def _json(value: object) -> Any:
    if isinstance(value, tuple | list):
        return [_json(item) for item in value]
    if isinstance(value, StrEnum):
        return str(value)
    return value


# --- organisations, users, tokens, access -----------------------------------------------------


@dataclass(frozen=True)
class OrganisationCreated(AuditEvent):
    action = AuditAction.ORGANISATION_CREATED
    name: str
    kind: str


@dataclass(frozen=True)
class UserCreated(AuditEvent):
    action = AuditAction.USER_CREATED
    user: int
    role: str


@dataclass(frozen=True)
class TokenCreated(AuditEvent):
    action = AuditAction.TOKEN_CREATED
    user: int
    token: int
    name: str


@dataclass(frozen=True)
class TokenRevoked(AuditEvent):
    action = AuditAction.TOKEN_REVOKED
    token: int


@dataclass(frozen=True)
class ObserverGranted(AuditEvent):
    action = AuditAction.OBSERVER_GRANTED
    grant: int
    observer: int  # the observer organisation's id
    agreement: str | None  # None: a grant for one request (the entry's request)
    personal_data: bool


@dataclass(frozen=True)
class ObserverWithdrawn(AuditEvent):
    action = AuditAction.OBSERVER_WITHDRAWN
    grant: int
    agreement: str | None


# --- reference data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AgreementLoaded(AuditEvent):
    action = AuditAction.AGREEMENT_LOADED
    id: str
    version: int


@dataclass(frozen=True)
class HoldsImported(AuditEvent):
    action = AuditAction.HOLDS_IMPORTED
    source: str
    rows: int
    invalid: int


# --- keys -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KeyCreated(AuditEvent):
    """A first key, for an organisation (``organisation``) or for the instance's audit (None)."""

    action = AuditAction.KEY_CREATED
    key_id: str
    purpose: str
    organisation: int | None
    development_secret: bool


@dataclass(frozen=True)
class KeyRotated(AuditEvent):
    action = AuditAction.KEY_ROTATED
    key_id: str
    replaced: str | None  # the key retired by this rotation
    organisation: int | None
    development_secret: bool
    reason: str  # requested | secret_changed


@dataclass(frozen=True)
class KeyRevoked(AuditEvent):
    action = AuditAction.KEY_REVOKED
    key_id: str
    organisation: int | None
    replacement: str | None  # the key made to sign in its place, if it was the active one


# --- requests and versions --------------------------------------------------------------------


@dataclass(frozen=True)
class RequestCreated(AuditEvent):
    action = AuditAction.REQUEST_CREATED


@dataclass(frozen=True)
class VersionSaved(AuditEvent):
    action = AuditAction.VERSION_SAVED


@dataclass(frozen=True)
class RequestCopied(AuditEvent):
    action = AuditAction.REQUEST_COPIED
    _renamed: ClassVar[dict[str, str]] = {"source": "from"}
    source: str  # the public id of the request copied


@dataclass(frozen=True)
class Amended(AuditEvent):
    """An amendment of an approved request; ``material`` picks the action."""

    action = AuditAction.NON_MATERIAL_AMENDMENT
    reasons: tuple[str, ...]
    compared_with: int  # the version last decided on, which materiality is judged against
    justification: str | None  # for new pre-check errors the amendment brings


@dataclass(frozen=True)
class MaterialAmendment(Amended):
    action = AuditAction.MATERIAL_AMENDMENT


# --- the workflow -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Submitted(AuditEvent):
    action = AuditAction.SUBMIT
    findings: tuple[str, ...]  # error codes overridden, if any
    justification: str | None
    submitted_at: str


@dataclass(frozen=True)
class Resubmitted(Submitted):
    action = AuditAction.RESUBMIT


@dataclass(frozen=True)
class Answered(AuditEvent):
    """The sending side's written answer to the receiving side's questions."""

    action = AuditAction.ANSWER
    message: str  # the answer's public id in the request's conversation


@dataclass(frozen=True)
class Decided(AuditEvent):
    """A decision of the receiving side; every one is signed (``signature_key``)."""

    action = AuditAction.APPROVE
    reason_codes: tuple[str, ...]
    clearance: str | None  # the clearance number an approval issued
    signature_key: str  # the key id that signed the decision


@dataclass(frozen=True)
class ApprovedRestricted(Decided):
    action = AuditAction.APPROVE_RESTRICTED


@dataclass(frozen=True)
class InformationRequested(Decided):
    action = AuditAction.REQUEST_INFO


@dataclass(frozen=True)
class Denied(Decided):
    action = AuditAction.DENY


@dataclass(frozen=True)
class Revoked(Decided):
    action = AuditAction.REVOKE


DECISION_EVENTS: dict[str, type[Decided]] = {
    event.action.value: event for event in (Decided, ApprovedRestricted, InformationRequested, Denied, Revoked)
}


@dataclass(frozen=True)
class Cancelled(AuditEvent):
    action = AuditAction.CANCEL
    text: str | None


@dataclass(frozen=True)
class Departed(AuditEvent):
    action = AuditAction.DEPART
    at: str
    actual_registration: str
    registration_mismatch: bool
    cleared_registration: str | None  # when it differs from the actual one
    outside_validity: bool  # departed outside the clearance's validity window
    valid_from: str | None  # that window, when outside it
    valid_until: str | None


@dataclass(frozen=True)
class Arrived(AuditEvent):
    action = AuditAction.ARRIVE
    at: str


@dataclass(frozen=True)
class ReceptionConfirmed(AuditEvent):
    action = AuditAction.CONFIRM_RECEPTION
    received: int
    not_on_board: int
