"""Daily caps count local calendar days at the entry airport, not UTC days (spec/agreements.md)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from tests.api.support import API, World, arrival_at, content, day

CAP = "DAILY_FLIGHT_CAP"


@pytest.fixture
def one_flight_a_day(make_world: Callable[..., World]) -> World:
    return make_world(flights_per_day=1)


def create(client: Any, world: World, body: dict[str, Any]) -> dict[str, Any]:
    response = client.post(f"{API}/requests", json=body, headers=world.officer.headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


def codes(findings: list[dict[str, Any]]) -> list[str]:
    return [item["code"] for item in findings]


def test_same_utc_day_different_local_days_are_counted_apart(client: Any, one_flight_a_day: World) -> None:
    world = one_flight_a_day
    local = day(20)
    late = arrival_at(local, "21:00")  # Tijuana, evening of `local`: already the next day in UTC
    early = arrival_at(local + timedelta(days=1), "07:00")  # Tijuana, the next morning
    assert late.date() == early.date() != local  # one UTC day, two local days

    first = create(client, world, content(arrival=late))
    submitted = client.post(f"{API}/requests/{first['id']}/submit", headers=world.officer.headers)
    assert submitted.json()["state"] == "submitted"  # a pending request takes its day's slot

    assert CAP not in codes(create(client, world, content(arrival=early))["findings"])


def test_the_cap_is_reached_on_one_local_day_across_utc_days_and_zones(client: Any, one_flight_a_day: World) -> None:
    world = one_flight_a_day
    local = day(21)
    late = arrival_at(local, "21:00")
    morning = arrival_at(local, "08:00")  # same local day at Tijuana, the UTC day before
    mexico_city = arrival_at(local, "18:30", airport="MMMX")  # same local day in another zone, UTC day after
    assert morning.date() == local and mexico_city.date() == late.date() == local + timedelta(days=1)

    first = create(client, world, content(arrival=late))
    client.post(f"{API}/requests/{first['id']}/submit", headers=world.officer.headers)

    second = create(client, world, content(arrival=morning))
    assert CAP in codes(second["findings"])
    third = create(client, world, content(arrival=mexico_city, airport="MMMX"))
    assert CAP in codes(third["findings"])
    cap = next(item for item in second["findings"] if item["code"] == CAP)
    assert cap["severity"] == "error"


def test_precheck_counts_other_requests_but_not_this_one(client: Any, one_flight_a_day: World) -> None:
    world = one_flight_a_day
    local = day(22)
    body = content(arrival=arrival_at(local, "12:00"))
    mine = create(client, world, body)
    client.post(f"{API}/requests/{mine['id']}/submit", headers=world.officer.headers)
    url = f"{API}/requests/{mine['id']}/precheck"

    alone = client.post(url, json=body, headers=world.officer.headers).json()
    assert CAP not in codes(alone["findings"])  # its own slot is not counted twice

    other = create(client, world, content(arrival=arrival_at(local + timedelta(days=1), "12:00")))
    client.post(f"{API}/requests/{other['id']}/submit", headers=world.officer.headers)
    moved = {**body, "flight": {**body["flight"], "legs": [dict(body["flight"]["legs"][0])]}}
    moved_arrival = arrival_at(local + timedelta(days=1), "13:00")
    moved["flight"]["legs"][0].update(
        arrival=moved_arrival.isoformat(), departure=(moved_arrival - timedelta(hours=4)).isoformat()
    )
    assert CAP in codes(client.post(url, json=moved, headers=world.officer.headers).json()["findings"])
    assert (
        client.get(f"{API}/requests/{mine['id']}/versions", headers=world.officer.headers).json()["items"][-1]["number"]
        == 1
    )  # a pre-check stores nothing
