"""A small world for service tests: a sending authority, two receiving authorities, an
observer, users of every role, the demo agreements, and valid future flights."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from importlib.resources import as_file, files

import pytest
from sqlalchemy.orm import Session

from clearway.domain.flights import Leg
from clearway.domain.snapshot import Passenger, RequestSnapshot
from clearway.domain.workflow import OrgKind, Role
from clearway.services import agreements, people
from clearway.services.actor import Actor, SystemActor, actor_for
from tests.factories import request, row_values

#: The deployment's operator, setting up the tests' organisations.
OPERATOR = SystemActor("tests")
SECRET = "a-test-secret-that-is-long-enough-0123456789"


@dataclass
class World:
    session: Session
    actors: dict[tuple[str, Role], Actor]
    orgs: dict[str, int]

    def actor(self, org: str, role: Role = Role.OFFICER) -> Actor:
        return self.actors[(org, role)]


@pytest.fixture
def world(session: Session) -> World:
    actors: dict[tuple[str, Role], Actor] = {}
    orgs: dict[str, int] = {}
    setup = (
        ("usa", OrgKind.SENDING, "USA"),
        ("usa2", OrgKind.SENDING, "USA"),
        ("mex", OrgKind.RECEIVING, "MEX"),
        ("gtm", OrgKind.RECEIVING, "GTM"),
        ("monitor", OrgKind.OBSERVER, None),
    )
    for slug, kind, country in setup:
        organisation = people.create_organisation(session, OPERATOR, f"Org {slug}", kind, country)
        orgs[slug] = organisation.id
        for role in Role:
            user = people.create_user(
                session, OPERATOR, organisation.id, f"{role}@{slug}.test", slug, role, "a-long-password-123"
            )
            actors[(slug, role)] = actor_for(session, user.id)
    demo_data = files("clearway") / "demo_data"
    for name in ("agreement-usa-mex-v4.toml", "agreement-usa-gtm.toml"):
        with as_file(demo_data / name) as path:
            agreements.load_agreement_file(session, OPERATOR, path)
    return World(session, actors, orgs)


def future_flight(
    days: int = 10,
    *,
    passengers: int = 3,
    arrival_hour: int = 18,
    people: dict[str, int] | None = None,
    **changes: object,
) -> RequestSnapshot:
    """A clean request arriving at Tijuana ``days`` from now (UTC hour ``arrival_hour``)."""
    day = datetime.now(UTC).replace(hour=arrival_hour, minute=0, second=0, microsecond=0) + timedelta(days=days)
    leg = Leg("KHRL", "MMTJ", day - timedelta(hours=4), day)
    flight = request(legs=[leg], people={"declared_passengers": passengers, **(people or {})}, **changes)
    rows = [Passenger.from_values(row_values(seq, document_expiry="2033-01-01")) for seq in range(1, passengers + 1)]
    return RequestSnapshot(flight=flight, passengers=tuple(rows))


def with_reference(snapshot: RequestSnapshot, reference: str) -> RequestSnapshot:
    return replace(snapshot, flight=replace(snapshot.flight, reference=reference))
