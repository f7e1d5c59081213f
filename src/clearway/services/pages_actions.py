"""What the web pages change that the API takes as whole documents: a flight's fields, one
manifest row, a manifest file, and the answer to an information request.

Each builds the new content from the current version and saves it through
``requests.save_edit`` (or ``create_request``), so the pre-check, the version chain, the
materiality rule and the audit trail are exactly the API's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from clearway.domain.diff import VersionDiff, diff_versions
from clearway.domain.flights import FlightRequest
from clearway.domain.material import classify_change
from clearway.domain.people import Manifest
from clearway.domain.snapshot import Passenger, RequestSnapshot, canonical_seq, snapshot_from
from clearway.domain.workflow import Action, Permission, State
from clearway.formats.manifest import read_manifest
from clearway.services import agreements, requests, workflow
from clearway.services.access import find_request
from clearway.services.actor import Actor
from clearway.services.errors import NotFound
from clearway.services.requests import current_version, snapshot_of, version_row
from clearway.store.models import ClearanceRequest, Decision, ReceptionOutcome, RequestVersion

MAX_ANSWER = 10_000
#: The reception form's values, for the pages (which do not import the store).
RECEPTION_OUTCOMES = {str(outcome): outcome for outcome in ReceptionOutcome}


def create_flight(session: Session, actor: Actor, flight: FlightRequest) -> ClearanceRequest:
    """A new draft with this flight and no passengers yet (the manifest is uploaded next)."""
    return requests.create_request(session, actor, RequestSnapshot(flight=flight, passengers=()))


def save_flight(
    session: Session,
    actor: Actor,
    public_id: str,
    based_on: int,
    flight: FlightRequest,
    justification: str | None = None,
) -> tuple[ClearanceRequest, RequestVersion, list[str]]:
    """A new version with the flight's fields changed and the manifest as it was (``justification``: see
    ``save_manifest``)."""
    request = find_request(session, actor, public_id)
    snapshot = snapshot_of(current_version(session, request))
    changed = replace(snapshot, flight=flight)
    return requests.save_edit(session, actor, public_id, based_on, changed, justification=justification)


def save_manifest(
    session: Session, actor: Actor, public_id: str, based_on: int, path: Path, justification: str | None = None
) -> tuple[ClearanceRequest, RequestVersion, list[str]]:
    """A new version with the manifest read from ``path`` (CSV, XLSX or PAXLST) and the flight as it was;
    ``justification``: why a material amendment goes back despite pre-check errors."""
    request = find_request(session, actor, public_id)
    actor.require(Permission.REQUEST_CREATE)
    flight = snapshot_of(current_version(session, request)).flight
    snapshot = snapshot_from(flight, read_manifest(path))
    return requests.save_edit(session, actor, public_id, based_on, snapshot, justification=justification)


def replace_row(snapshot: RequestSnapshot, seq: str, values: dict[str, str]) -> RequestSnapshot:
    """The snapshot with passenger ``seq``'s known columns set to ``values`` (others kept)."""
    key = canonical_seq(seq)
    found = False
    passengers: list[Passenger] = []
    for passenger in snapshot.passengers:
        if passenger.seq_key == key:
            found = True
            row = passenger.as_row()
            row.update({name: value for name, value in values.items() if name in row and name != "seq"})
            passengers.append(Passenger.from_values(row, passenger.extra))
        else:
            passengers.append(passenger)
    if not found:
        raise NotFound("service.passenger_not_found", seq=seq)
    return replace(snapshot, passengers=tuple(passengers))


def save_row(
    session: Session,
    actor: Actor,
    public_id: str,
    based_on: int,
    seq: str,
    values: dict[str, str],
    justification: str | None = None,
) -> tuple[ClearanceRequest, RequestVersion, list[str]]:
    """A new version with one manifest row edited in place (``justification``: see ``save_manifest``)."""
    request = find_request(session, actor, public_id)
    actor.require(Permission.REQUEST_CREATE)
    snapshot = replace_row(snapshot_of(current_version(session, request)), seq, values)
    return requests.save_edit(session, actor, public_id, based_on, snapshot, justification=justification)


@dataclass(frozen=True)
class AmendmentPreview:
    """What saving a change would do: the diff against the version last decided, and why it is material."""

    diff: VersionDiff
    material_reasons: tuple[str, ...]
    against_version: int

    @property
    def material(self) -> bool:
        return bool(self.material_reasons)


def preview_manifest(session: Session, actor: Actor, public_id: str, path: Path) -> AmendmentPreview | None:
    """For an approved request, the manifest in ``path`` compared with the version last decided (nothing is
    saved); None when the request is not approved, where an upload is saved at once."""
    request = find_request(session, actor, public_id)
    if request.state not in (State.APPROVED, State.APPROVED_RESTRICTED):
        return None
    return preview_change(session, actor, public_id, manifest=read_manifest(path))


def preview_change(
    session: Session,
    actor: Actor,
    public_id: str,
    *,
    flight: FlightRequest | None = None,
    row: tuple[str, dict[str, str]] | None = None,
    manifest: Manifest | None = None,
) -> AmendmentPreview | None:
    """For an approved request: the change compared with the version last decided; None before any decision."""
    request = find_request(session, actor, public_id)
    actor.require(Permission.REQUEST_CREATE)
    version = current_version(session, request)
    snapshot = snapshot_of(version)
    if flight is not None:
        snapshot = replace(snapshot, flight=flight)
    if row is not None:
        snapshot = replace_row(snapshot, row[0], row[1])
    if manifest is not None:
        snapshot = snapshot_from(snapshot.flight, manifest)
    decided = session.scalars(_last_decision(request.id)).first()
    if decided is None:
        return None
    older = version_row(session, request, decided.version)
    agreement = agreements.judged_by(session, request.receiving_country, older.agreement_code, older.agreement_version)
    tolerance = agreement.time_tolerance_minutes if agreement is not None else None
    change = classify_change(snapshot_of(older), snapshot, tolerance)
    return AmendmentPreview(diff_versions(snapshot_of(older), snapshot), tuple(change.reasons), decided.version)


def _last_decision(request_id: int) -> Select[Decision]:
    return (
        select(Decision)
        .where(
            Decision.request_id == request_id,
            Decision.action.in_((Action.APPROVE, Action.APPROVE_RESTRICTED, Action.REQUEST_INFO, Action.DENY)),
        )
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
    )


def answer_and_resubmit(
    session: Session, actor: Actor, public_id: str, answer: str, *, justification: str | None = None
) -> dict[str, object]:
    """Answer the receiving side's questions in words and resubmit (with the current version)."""
    return workflow.submit(session, actor, public_id, justification=justification, answer=answer.strip() or None)
