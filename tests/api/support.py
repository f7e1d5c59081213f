"""Builders for API tests: request bodies that pre-check clean, the organisations of every kind, and
requests driven to any state through the services (setup is not what these tests are about)."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, func, select

from clearway.domain.flights import Leg
from clearway.domain.snapshot import flight_document
from clearway.domain.workflow import Action, OrgKind, Role, State
from clearway.services import agreements, keys, people, requests, workflow
from clearway.services.actor import Actor, SystemActor, actor_for
from clearway.store.db import session_scope
from clearway.store.models import AccessLogEntry, AuditEntry, ClearanceRequest, Organisation, ReceptionOutcome, User
from tests.conftest import EXAMPLES
from tests.factories import people as manifest
from tests.factories import request

ZONES = {
    "MMTJ": ZoneInfo("America/Tijuana"),
    "MMMX": ZoneInfo("America/Mexico_City"),
    "MGGT": ZoneInfo("America/Guatemala"),
}
API = "/api/v1"
#: The deployment's operator, setting up the tests' organisations.
OPERATOR = SystemActor("tests")
PASSWORD = "correct horse battery"

_references = itertools.count(1)


def arrival_at(local_day: date, local_time: str = "16:15", airport: str = "MMTJ") -> datetime:
    """The UTC moment of a local time at ``airport`` (DST included)."""
    local = datetime.combine(local_day, time.fromisoformat(local_time), ZONES[airport])
    return local.astimezone(UTC)


def day(offset: int) -> date:
    """A local day ``offset`` days from today: far enough ahead for the 72-hour lead time."""
    return datetime.now(UTC).date() + timedelta(days=offset)


def rows() -> list[dict[str, Any]]:
    """The factory's three clean manifest rows, as the API takes them."""
    return [dict(row.values) for row in manifest().rows]


def content(
    *,
    arrival: datetime | None = None,
    reference: str | None = None,
    passengers: list[dict[str, Any]] | None = None,
    aircraft: dict[str, Any] | None = None,
    airport: str = "MMTJ",
    **flight: Any,
) -> dict[str, Any]:
    """A body for createRequest/saveVersion that pre-checks clean (vary only what the test is about)."""
    arrives = arrival or arrival_at(day(10 + next(_references) % 300), airport=airport)
    leg = Leg(origin="KHRL", destination=airport, departure=arrives - timedelta(hours=4), arrival=arrives)
    table = passengers if passengers is not None else rows()
    built = request(
        legs=[leg],
        aircraft=aircraft,
        people={"declared_passengers": len(table)},
        reference=reference or f"RF-API-{next(_references):05d}",
    )
    document = flight_document(built)
    del document["unknown_keys"]  # the stored form's bookkeeping, not a request-file key
    document.pop("submitted_at")
    document.update(flight)
    return {"flight": document, "passengers": table}


def agreement_file(folder: Path, **caps: int) -> Path:
    """The example USA-MEX agreement, in force from 2026 on, with the caps given."""
    text = (EXAMPLES / "agreement-usa-mex.toml").read_text(encoding="utf-8")
    text = text.replace('effective_from = "2025-01-01"', 'effective_from = "2026-01-01"')
    text = text.replace('effective_until = "2025-12-31"', 'effective_until = "2099-12-31"')
    for name, value in caps.items():
        text = (
            "\n".join(f"{name} = {value}" if line.startswith(f"{name} =") else line for line in text.splitlines())
            + "\n"
        )
    path = folder / "agreement-usa-mex.toml"
    path.write_text(text, encoding="utf-8")
    return path


#: label -> (kind, country). Everyone the access rules distinguish between.
ORGANISATIONS: dict[str, tuple[OrgKind, str | None]] = {
    "sender": (OrgKind.SENDING, "USA"),
    "other_sender": (OrgKind.SENDING, "USA"),
    "foreign_sender": (OrgKind.SENDING, "CAN"),  # another sending country: no part in USA-MEX
    "receiver": (OrgKind.RECEIVING, "MEX"),
    "other_receiver": (OrgKind.RECEIVING, "GTM"),
    "observer": (OrgKind.OBSERVER, None),  # granted the USA-MEX agreement by Mexico, with personal data
    "counts_observer": (OrgKind.OBSERVER, None),  # granted the USA-MEX agreement by Mexico, without it
    "outside_observer": (OrgKind.OBSERVER, None),  # granted nothing
}


@dataclass(frozen=True)
class Caller:
    org: str
    kind: OrgKind
    role: Role
    user_id: int
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def __str__(self) -> str:
        return f"{self.org}/{self.role}"


@dataclass
class World:
    """One user of each role in each organisation, an agreement, and ways to make requests."""

    engine: Engine
    secret: str
    agreement: Path  # its file, as loaded (uploading it again changes nothing)
    callers: dict[tuple[str, Role], Caller] = field(default_factory=dict)

    def __getitem__(self, key: tuple[str, Role]) -> Caller:
        return self.callers[key]

    @property
    def officer(self) -> Caller:
        return self.callers[("sender", Role.OFFICER)]

    @property
    def receiving_officer(self) -> Caller:
        return self.callers[("receiver", Role.OFFICER)]

    def actor(self, session: Any, caller: Caller) -> Actor:
        return actor_for(session, caller.user_id)

    def create(self, body: dict[str, Any] | None = None, caller: Caller | None = None) -> str:
        """A draft (through the service), its public id."""
        with session_scope(self.engine) as session:
            snapshot = requests.snapshot_from_body(body or content())
            made = requests.create_request(session, self.actor(session, caller or self.officer), snapshot)
            return made.public_id

    def drive(self, state: State | str, body: dict[str, Any] | None = None) -> str:
        """A request brought to ``state`` the way the workflow allows, its public id."""
        target = State(state)
        public_id = self.create(body)
        with session_scope(self.engine) as session:
            sender = self.actor(session, self.officer)
            receiver = self.actor(session, self.receiving_officer)
            _advance(session, sender, receiver, public_id, target, self.secret)
        return public_id

    def state_of(self, public_id: str) -> State:
        with session_scope(self.engine, read_only=True) as session:
            return session.scalars(select(ClearanceRequest.state).where(ClearanceRequest.public_id == public_id)).one()

    def audit_count(self) -> int:
        with session_scope(self.engine, read_only=True) as session:
            return session.scalar(select(func.count()).select_from(AuditEntry)) or 0

    def access_log_count(self) -> int:
        with session_scope(self.engine, read_only=True) as session:
            return session.scalar(select(func.count()).select_from(AccessLogEntry)) or 0

    def organisation_name(self, label: str) -> str:
        """The stored name of the organisation behind a label of ``ORGANISATIONS``."""
        caller = self.callers[(label, Role.VIEWER)]
        with session_scope(self.engine, read_only=True) as session:
            user = session.get(User, caller.user_id)
            assert user is not None
            return user.organisation.name


def _advance(session: Any, sender: Actor, receiver: Actor, public_id: str, target: State, secret: str) -> None:
    def decide(action: Action, **fields: Any) -> None:
        workflow.decide(session, receiver, public_id, workflow.DecisionInput(action, **fields), secret=secret)

    if target is State.DRAFT:
        return
    if target is State.CANCELLED:
        workflow.cancel(session, sender, public_id)
        return
    workflow.submit(session, sender, public_id)
    if target is State.SUBMITTED:
        return
    if target is State.INFO_REQUESTED:
        return decide(Action.REQUEST_INFO, text="Confirm the medical escort.")
    if target is State.DENIED:
        return decide(Action.DENY, reason_codes=("OTHER",), text="Runway works.")
    if target is State.APPROVED_RESTRICTED:
        return decide(Action.APPROVE_RESTRICTED, excluded_seqs=(2,))
    decide(Action.APPROVE)
    if target is State.APPROVED:
        return
    if target is State.REVOKED:
        workflow.revoke(session, receiver, public_id, ("OTHER",), "Runway closed.", secret=secret)
        return
    registration = requests.snapshot_of(requests.current_version(session, _row(session, public_id)))
    workflow.record_departure(
        session, sender, public_id, at=datetime.now(UTC), actual_registration=registration.flight.aircraft.registration
    )
    if target is State.DEPARTED:
        return
    workflow.record_arrival(session, receiver, public_id, at=datetime.now(UTC))
    if target is State.ARRIVED:
        return
    workflow.confirm_reception(session, receiver, public_id, {seq: ReceptionOutcome.RECEIVED for seq in (1, 2, 3)})
    assert target is State.CLOSED, target


def ever_submitted(state: State) -> bool:
    # How World.drive gets there: only "cancelled" is reached from a draft.
    return state not in (State.DRAFT, State.CANCELLED)


def sees(caller: Caller, state: State) -> bool:
    """spec/workflow.md "Who sees what", for a request the sender's officer made under USA-MEX."""
    if caller.kind is OrgKind.SENDING:
        return caller.org == "sender"
    if caller.kind is OrgKind.RECEIVING:
        return caller.org == "receiver" and ever_submitted(state)  # MEX is the request's country
    # The grants cover USA-MEX, given by Mexico.
    return caller.org in ("observer", "counts_observer") and ever_submitted(state)


def _row(session: Any, public_id: str) -> ClearanceRequest:
    return session.scalars(select(ClearanceRequest).where(ClearanceRequest.public_id == public_id)).one()


def build_world(engine: Engine, secret: str, agreement: Path) -> World:
    """Every organisation kind with an admin, an officer and a viewer, each with an API token."""
    world = World(engine=engine, secret=secret, agreement=agreement)
    with session_scope(engine) as session:
        agreements.load_agreement_file(session, OPERATOR, agreement)
        made: dict[str, Organisation] = {}
        for label, (kind, country) in ORGANISATIONS.items():
            organisation = Organisation(name=f"{label} {uuid.uuid4().hex[:6]}", kind=kind, country=country)
            session.add(organisation)
            session.flush()
            made[label] = organisation
            if label in ("observer", "counts_observer"):
                people.grant_observer(
                    session,
                    OPERATOR,
                    organisation.id,
                    agreement_code="USA-MEX",
                    grantor=made["receiver"],
                    personal_data=label == "observer",
                )
            for role in Role:
                # Inserted directly: hashing a real password per user (Argon2) would cost a second a test.
                user = User(
                    organisation_id=organisation.id,
                    email=f"{role}@{label}.test",
                    display_name=f"{label} {role}",
                    role=role,
                    password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
                )
                session.add(user)
                session.flush()
                token = people.create_token(session, user, "tests", actor=OPERATOR).secret
                world.callers[(label, role)] = Caller(label, kind, role, user.id, token)
        keys.ensure_keys(session, secret)  # as `clearway serve` does on starting
    return world
