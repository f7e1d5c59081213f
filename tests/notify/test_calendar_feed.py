"""Calendar feeds parsed back with icalendar: arrivals in the airport's local time across a
daylight-saving change, status as the request moves, and a revoked secret that answers 404."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from clearway.domain.flights import Leg
from clearway.domain.snapshot import Passenger, RequestSnapshot
from clearway.domain.workflow import Action, Role
from clearway.services import calendar, requests, workflow
from clearway.services.errors import NotFound
from tests.factories import request, row_values
from tests.services.conftest import SECRET

TIJUANA = ZoneInfo("America/Tijuana")
# Tijuana moves its clocks forward on 14 March 2027 at 02:00 (PST, UTC-8 -> PDT, UTC-7).
BEFORE_DST = datetime(2027, 3, 13, 18, 0, tzinfo=UTC)
AFTER_DST = datetime(2027, 3, 15, 18, 0, tzinfo=UTC)


def flight_at(arrival: datetime, reference: str) -> RequestSnapshot:
    leg = Leg("KHRL", "MMTJ", arrival - timedelta(hours=4), arrival)
    flight = request(legs=[leg], reference=reference, people={"declared_passengers": 3})
    rows = [Passenger.from_values(row_values(seq, document_expiry="2033-01-01")) for seq in (1, 2, 3)]
    return RequestSnapshot(flight=flight, passengers=tuple(rows))


def submit(world, arrival: datetime, reference: str) -> str:
    created = requests.create_request(world.session, world.actor("usa"), flight_at(arrival, reference))
    workflow.submit(world.session, world.actor("usa"), created.public_id)
    return created.public_id


def feed_of(world, org: str) -> str:
    return calendar.create_feed(world.session, world.actor(org, Role.ADMIN), "Arrivals").secret


def parsed(world, secret: str) -> dict[str, object]:
    document = Calendar.from_ical(calendar.feed_ics(world.session, secret, base_url="https://cw.example"))
    return {str(event["summary"]): event for event in document.walk("VEVENT")}


def test_arrivals_are_in_the_airports_local_time_on_both_sides_of_a_dst_change(world) -> None:
    submit(world, BEFORE_DST, "RF-BEFORE")
    submit(world, AFTER_DST, "RF-AFTER")
    events = parsed(world, feed_of(world, "mex"))
    before = events["Arrival RF-BEFORE at MMTJ"]["dtstart"].dt
    after = events["Arrival RF-AFTER at MMTJ"]["dtstart"].dt
    assert (before.hour, before.utcoffset()) == (10, timedelta(hours=-8))
    assert (after.hour, after.utcoffset()) == (11, timedelta(hours=-7))
    assert before == BEFORE_DST and after == AFTER_DST
    assert str(events["Arrival RF-BEFORE at MMTJ"]["dtstart"].params["TZID"]) == "America/Tijuana"


def test_the_feed_carries_the_zone_definition(world) -> None:
    submit(world, BEFORE_DST, "RF-ZONE")
    document = Calendar.from_ical(calendar.feed_ics(world.session, feed_of(world, "mex"), base_url="https://x"))
    assert [str(zone["tzid"]) for zone in document.walk("VTIMEZONE")] == ["America/Tijuana"]


def test_an_approval_confirms_the_event_and_shows_the_clearance_number(world) -> None:
    public_id = submit(world, AFTER_DST, "RF-OK")
    secret = feed_of(world, "mex")
    assert str(parsed(world, secret)["Arrival RF-OK at MMTJ"]["status"]) == "TENTATIVE"
    result = workflow.decide(
        world.session, world.actor("mex"), public_id, workflow.DecisionInput(Action.APPROVE), secret=SECRET
    )
    event = parsed(world, secret)["Arrival RF-OK at MMTJ"]
    assert str(event["status"]) == "CONFIRMED"
    assert f"Clearance number: {result['clearance']['number']}" in str(event["description"])
    assert str(event["url"]) == f"https://cw.example/requests/{public_id}"


def test_a_moved_flight_updates_the_same_event(world) -> None:
    public_id = requests.create_request(world.session, world.actor("usa"), flight_at(AFTER_DST, "RF-MOVE")).public_id
    secret = feed_of(world, "usa")
    first = parsed(world, secret)["Arrival RF-MOVE at MMTJ"]
    later = AFTER_DST + timedelta(days=1)
    requests.save_edit(world.session, world.actor("usa"), public_id, 1, flight_at(later, "RF-MOVE"))
    moved = parsed(world, secret)["Arrival RF-MOVE at MMTJ"]
    assert str(moved["uid"]) == str(first["uid"])
    assert moved["dtstart"].dt == later
    assert int(moved["sequence"]) >= int(first["sequence"])


def test_a_cancelled_flight_stays_in_the_feed_as_cancelled(world) -> None:
    public_id = submit(world, AFTER_DST, "RF-CANCEL")
    secret = feed_of(world, "mex")
    workflow.cancel(world.session, world.actor("usa"), public_id)
    assert str(parsed(world, secret)["Arrival RF-CANCEL at MMTJ"]["status"]) == "CANCELLED"


def test_a_feed_shows_only_what_its_organisation_may_see(world) -> None:
    requests.create_request(world.session, world.actor("usa"), flight_at(AFTER_DST, "RF-DRAFT"))
    submit(world, BEFORE_DST, "RF-SENT")
    assert set(parsed(world, feed_of(world, "mex"))) == {"Arrival RF-SENT at MMTJ"}
    assert set(parsed(world, feed_of(world, "usa"))) == {"Arrival RF-SENT at MMTJ", "Arrival RF-DRAFT at MMTJ"}
    assert parsed(world, feed_of(world, "gtm")) == {}


def test_a_revoked_feed_is_not_found(world) -> None:
    admin = world.actor("mex", Role.ADMIN)
    created = calendar.create_feed(world.session, admin, "Arrivals")
    calendar.revoke_feed(world.session, admin, created.feed.id)
    with pytest.raises(NotFound):
        calendar.feed_ics(world.session, created.secret, base_url="https://x")


def test_the_feed_is_in_the_language_asked_for(world) -> None:
    submit(world, BEFORE_DST, "RF-ES")
    document = Calendar.from_ical(
        calendar.feed_ics(world.session, feed_of(world, "mex"), base_url="https://x", lang="es")
    )
    [event] = document.walk("VEVENT")
    assert str(event["summary"]) == "Llegada RF-ES a MMTJ"
