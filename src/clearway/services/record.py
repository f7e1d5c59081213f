"""Reading a request's record: its audit entries and its access-log entries, for the
organisations of that request (its sender and its receiving side), not for observers.

The receiving side sees no trace of a version that was never put before it: the saves of
drafts and the sender's views of them are left out of what it reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from clearway.domain.workflow import OrgKind
from clearway.services.access import find_request, shared_versions
from clearway.services.actor import Actor
from clearway.services.errors import Forbidden
from clearway.store.models import AccessLogEntry, AuditEntry, ClearanceRequest, Organisation, User

MAX_ENTRIES = 1000
#: Actions on a version that was not yet put before the receiving side: shown to the sender only.
DRAFT_ACTIONS = frozenset({"request_created", "request_copied", "version_saved"})


@dataclass(frozen=True)
class AuditLine:
    sequence: int
    at: datetime
    action: str
    version: int | None
    user: str | None
    organisation: str | None
    details: dict[str, Any]
    hash: str
    previous_hash: str


@dataclass(frozen=True)
class AccessLine:
    at: datetime
    version: int
    user: str
    organisation: str


def _party_request(session: Session, actor: Actor, public_id: str) -> ClearanceRequest:
    request = find_request(session, actor, public_id)
    if actor.kind is OrgKind.OBSERVER:
        raise Forbidden("service.record_parties_only")
    return request


def _hidden_versions(session: Session, actor: Actor, request: ClearanceRequest) -> set[int] | None:
    """Versions whose traces the actor may not see (None: it sees them all, as their sender)."""
    if actor.kind is OrgKind.SENDING:
        return None
    return set(range(1, request.current_version + 1)) - shared_versions(session, request)


def audit_of_request(session: Session, actor: Actor, public_id: str) -> list[AuditLine]:
    """The request's audit entries, oldest first, with who acted."""
    request = _party_request(session, actor, public_id)
    author, organisation = aliased(User), aliased(Organisation)
    rows = session.execute(
        select(AuditEntry, author.display_name, organisation.name)
        .outerjoin(author, author.id == AuditEntry.user_id)
        .outerjoin(organisation, organisation.id == AuditEntry.organisation_id)
        .where(AuditEntry.request_id == request.id)
        .order_by(AuditEntry.sequence)
        .limit(MAX_ENTRIES)
    )
    hidden = _hidden_versions(session, actor, request) or set()
    return [
        AuditLine(
            sequence=entry.sequence,
            at=entry.at,
            action=entry.action,
            version=entry.version,
            user=user,
            organisation=org,
            details=dict(entry.details or {}),
            hash=entry.hash,
            previous_hash=entry.previous_hash,
        )
        for entry, user, org in rows
        if not (entry.action in DRAFT_ACTIONS and entry.version in hidden)
    ]


def access_log_of_request(session: Session, actor: Actor, public_id: str) -> list[AccessLine]:
    """Who viewed the request's personal data, and when, oldest first."""
    request = _party_request(session, actor, public_id)
    rows = session.execute(
        select(AccessLogEntry, User.display_name, Organisation.name)
        .join(User, User.id == AccessLogEntry.user_id)
        .join(Organisation, Organisation.id == AccessLogEntry.organisation_id)
        .where(AccessLogEntry.request_id == request.id)
        .order_by(AccessLogEntry.at, AccessLogEntry.id)
        .limit(MAX_ENTRIES)
    )
    hidden = _hidden_versions(session, actor, request) or set()
    return [
        AccessLine(at=entry.at, version=entry.version, user=user, organisation=org)
        for entry, user, org in rows
        if entry.version not in hidden
    ]
