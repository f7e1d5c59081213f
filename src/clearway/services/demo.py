"""The demo: organisations, users, agreements, a hold list and about twenty requests in every
state, made through the same service functions as real use (so the audit trail is real too)."""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from importlib.resources import as_file, files
from pathlib import Path

from sqlalchemy.orm import Session

from clearway.domain.flights import Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.domain.mrz import MrzFormat
from clearway.domain.mrz_writer import MrzFields, build_mrz
from clearway.domain.snapshot import Passenger, RequestSnapshot
from clearway.domain.workflow import Action, OrgKind, Role
from clearway.services import agreements, holds, people, requests, workflow
from clearway.services.actor import DEMO_SETUP, Actor, actor_for
from clearway.store.models import ReceptionOutcome, utcnow

DEMO_PASSWORD = "clearway-demo-2026"  # printed by the demo on purpose; the demo database is throwaway
_DATA = files("clearway") / "demo_data"


@dataclass(frozen=True)
class DemoLogin:
    organisation: str
    email: str
    role: str
    token: str


_ORGANISATIONS = (
    ("U.S. Removal Flight Operations (demo)", OrgKind.SENDING, "USA", "usa"),
    ("Instituto Nacional de Migración, México (demo)", OrgKind.RECEIVING, "MEX", "mex"),
    ("Instituto Guatemalteco de Migración (demo)", OrgKind.RECEIVING, "GTM", "gtm"),
    ("Independent Flight Monitor (demo)", OrgKind.OBSERVER, None, "monitor"),
)


#: The demo users' names, as officers see each other in the timeline and the access log (none of them
#: is a name of the demo's manifests, so a test can tell staff from returnees).
_DEMO_PEOPLE = {
    ("usa", "viewer"): "Jordan Ellis",
    ("usa", "officer"): "Dana Whitfield",
    ("usa", "admin"): "Marcus Bell",
    ("mex", "viewer"): "Renata Olvera Ochoa",
    ("mex", "officer"): "Ximena Arriaga Beltrán",
    ("mex", "admin"): "Rodrigo Echeverría Salas",
    ("gtm", "viewer"): "Mildred Sacor Ixcoy",
    ("gtm", "officer"): "Edgar Sicán Pop",
    ("gtm", "admin"): "Marta Quemé Tuyuc",
    ("monitor", "viewer"): "Inès Laurent",
    ("monitor", "officer"): "Samuel Okafor",
    ("monitor", "admin"): "Hanna Berg",
}


def seed(session: Session, *, secret: str, now: datetime | None = None) -> list[DemoLogin]:
    """Fill an empty, migrated database with the demo; returns the logins (with API tokens)."""
    moment = now or datetime.now(UTC)
    logins: list[DemoLogin] = []
    actors: dict[tuple[str, Role], Actor] = {}
    orgs = {}
    for name, kind, country, slug in _ORGANISATIONS:
        organisation = people.create_organisation(session, DEMO_SETUP, name, kind, country)
        orgs[slug] = organisation
        for role in Role:
            user = people.create_user(
                session,
                DEMO_SETUP,
                organisation.id,
                f"{role}@{slug}.demo",
                _DEMO_PEOPLE[(slug, str(role))],
                role,
                DEMO_PASSWORD,
            )
            issued = people.create_token(session, user, "demo", actor=DEMO_SETUP)
            logins.append(DemoLogin(name, user.email, str(role), issued.secret))
            actors[(slug, role)] = actor_for(session, user.id)

    for filename in ("agreement-usa-mex.toml", "agreement-usa-mex-v4.toml", "agreement-usa-gtm.toml"):
        with as_file(_DATA / filename) as path:
            agreements.load_agreement_file(session, DEMO_SETUP, path)
    with as_file(_DATA / "holds-sample.csv") as path:
        holds.import_holds_by_operator(session, DEMO_SETUP, orgs["usa"].name, Path(path))
    # The monitor sees Guatemala's flights whole, and the sender's flights to Mexico without personal
    # data (flight, counts and safeguards only): both kinds of grant are there to try.
    people.grant_observer(session, DEMO_SETUP, orgs["monitor"].id, agreement_code="USA-GTM", grantor=orgs["gtm"])
    people.grant_observer(
        session, DEMO_SETUP, orgs["monitor"].id, agreement_code="USA-MEX", grantor=orgs["usa"], personal_data=False
    )

    sender = actors[("usa", Role.OFFICER)]
    mexico = actors[("mex", Role.OFFICER)]
    guatemala = actors[("gtm", Role.OFFICER)]
    rows = _template_rows()
    plan = _plan()
    for number, (country, final_state) in enumerate(plan, start=1):
        receiver = mexico if country == "MEX" else guatemala
        snapshot = _snapshot(number, country, rows, moment + timedelta(days=5 + number % 9))
        _drive(session, sender, receiver, snapshot, final_state, secret)
    return logins


def _plan() -> list[tuple[str, str]]:
    """(receiving country, state to reach) for each demo request: every state at least once."""
    states = [
        "draft",
        "submitted",
        "info_requested",
        "approved",
        "approved_restricted",
        "denied",
        "departed",
        "arrived",
        "closed",
        "cancelled",
        "revoked",
    ]
    plan = [("MEX", state) for state in states]
    plan += [("GTM", state) for state in ("draft", "submitted", "approved", "approved_restricted", "closed")]
    plan += [("MEX", "submitted"), ("MEX", "approved"), ("MEX", "draft"), ("GTM", "info_requested")]
    return plan


def _drive(
    session: Session, sender: Actor, receiver: Actor, snapshot: RequestSnapshot, state: str, secret: str
) -> None:
    request = requests.create_request(session, sender, snapshot)
    public_id = request.public_id
    if state == "draft":
        return
    if state == "cancelled":
        workflow.cancel(session, sender, public_id, "Flight rescheduled; a new request will follow.")
        return
    workflow.submit(session, sender, public_id)
    if state == "submitted":
        return
    if state == "info_requested":
        workflow.decide(
            session,
            receiver,
            public_id,
            workflow.DecisionInput(Action.REQUEST_INFO, ("OTHER",), "Please confirm the medical escort arrangements."),
            secret=secret,
        )
        return
    if state == "denied":
        workflow.decide(
            session,
            receiver,
            public_id,
            workflow.DecisionInput(Action.DENY, ("OTHER",), "The airport is closed for works on that date."),
            secret=secret,
        )
        return
    restricted = state == "approved_restricted" or state == "closed"
    decision = (
        workflow.DecisionInput(Action.APPROVE_RESTRICTED, excluded_seqs=(2,), conditions="Arrival at the north apron.")
        if restricted
        else workflow.DecisionInput(Action.APPROVE)
    )
    workflow.decide(session, receiver, public_id, decision, secret=secret)
    if state in ("approved", "approved_restricted"):
        return
    if state == "revoked":
        workflow.revoke(
            session, receiver, public_id, ("OTHER",), "Runway closed by the civil aviation authority.", secret=secret
        )
        return
    # Events are recorded as they happen: now, never at the planned (future) times.
    workflow.record_departure(
        session, sender, public_id, at=utcnow(), actual_registration=snapshot.flight.aircraft.registration
    )
    if state == "departed":
        return
    workflow.record_arrival(session, receiver, public_id, at=utcnow())
    if state == "arrived":
        return
    outcomes = {
        int(p.seq): ReceptionOutcome.NOT_ON_BOARD if p.seq == "2" else ReceptionOutcome.RECEIVED
        for p in snapshot.passengers
    }
    workflow.confirm_reception(session, receiver, public_id, outcomes)


def _template_rows() -> list[dict[str, str]]:
    with as_file(_DATA / "manifest-clean.csv") as path, Path(path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _snapshot(number: int, country: str, template: list[dict[str, str]], arrival_day: datetime) -> RequestSnapshot:
    count = 12 + (number * 7) % 30
    passengers = []
    for seq in range(1, count + 1):
        row = dict(template[(seq - 1 + number) % len(template)])
        row["seq"] = str(seq)
        row["case_ref"] = f"D{number:03d}{seq:04d}"
        row["family_group"] = ""  # demo manifests keep whole families out: no minors without adults
        if _is_minor(row["date_of_birth"], arrival_day.date()):
            row["date_of_birth"] = row["date_of_birth"].replace(row["date_of_birth"][:4], "1990", 1)
        if date.fromisoformat(row["document_expiry"]) <= arrival_day.date() + timedelta(days=365):
            row["document_expiry"] = f"{arrival_day.year + 6}-06-30"  # the samples' documents are from 2025
        if country == "GTM":
            row.update(nationality="GTM", document_issuer="GTM")
        if row["document_type"] == "P":
            row["mrz"] = _mrz(row)
        passengers.append(Passenger.from_values(row))
    airport, hour = ("MMTJ", 18) if country == "MEX" else ("MGGT", 17)
    arrival = arrival_day.replace(hour=hour, minute=0, second=0, microsecond=0)
    flight = FlightRequest(
        reference=f"RF-DEMO-{number:04d}",
        sending_authority="USA",
        receiving_country=country,
        operator="Example Air Charter",
        submitted_at=None,
        aircraft=Aircraft(
            type="B738",
            registration=f"N{300 + number}AC",
            callsign=f"EXA{400 + number}",
            category="civil_charter",
            seats=count + 40,
        ),
        legs=(Leg("KHRL", airport, arrival - timedelta(hours=4), arrival),),
        people=PeopleOnBoard(
            crew=6, escorts=math.ceil(count * 0.3) + 1, medical_staff=1, monitors=1, declared_passengers=count
        ),
    )
    return RequestSnapshot(flight=flight, passengers=tuple(passengers))


def _is_minor(born: str, on: date) -> bool:
    return on.year - int(born[:4]) < 19


def _mrz(row: dict[str, str]) -> str:
    surname = " ".join(part for part in (row["surname"], row["second_surname"]) if part)
    fields = MrzFields(
        "P",
        row["document_issuer"],
        surname,
        row["given_names"],
        row["document_number"],
        row["nationality"],
        date.fromisoformat(row["date_of_birth"]),
        row["sex"],
        date.fromisoformat(row["document_expiry"]),
    )
    return build_mrz(MrzFormat.TD3, fields, separator="|")
