"""No input makes the API fail: numbers beyond 64 bits, dates at the calendar's edge, odd file names,
references too long for their column or holding control characters each get a 4xx in the envelope."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.api.conftest import envelope
from tests.api.support import API, World, content

Call = Callable[[Any, World], Any]
HUGE = 2**70  # beyond 64 bits


def _flight(**changes: Any) -> dict[str, Any]:
    body = content()
    body["flight"].update(changes)
    return body


def _leg(**changes: Any) -> dict[str, Any]:
    body = content()
    body["flight"]["legs"][0].update(changes)
    return body


CASES: dict[str, Call] = {
    "offset beyond 64 bits": lambda c, w: c.get(f"{API}/requests", params={"offset": HUGE}, headers=w.officer.headers),
    "token id beyond 64 bits": lambda c, w: c.delete(f"{API}/tokens/{HUGE}", headers=w.officer.headers),
    "token id beyond 32 bits": lambda c, w: c.delete(f"{API}/tokens/{2**40}", headers=w.officer.headers),
    "user id beyond 64 bits": lambda c, w: c.get(f"{API}/tokens", params={"user_id": HUGE}, headers=w.officer.headers),
    "version number beyond 64 bits": lambda c, w: c.get(
        f"{API}/requests/{w.create()}/versions/{HUGE}", headers=w.officer.headers
    ),
    "diff beyond 64 bits": lambda c, w: c.get(
        f"{API}/requests/{w.create()}/diff", params={"from": 1, "to": HUGE}, headers=w.officer.headers
    ),
    "seats beyond 64 bits": lambda c, w: c.post(
        f"{API}/requests",
        json=_flight(aircraft={**content()["flight"]["aircraft"], "seats": HUGE}),
        headers=w.officer.headers,
    ),
    "arrival at the end of the calendar": lambda c, w: c.post(
        f"{API}/requests", json=_leg(arrival="9999-12-31T23:59:59-23:59"), headers=w.officer.headers
    ),
    "departure at the start of the calendar": lambda c, w: c.post(
        f"{API}/requests", json=_leg(departure="0001-01-01T00:00:00+23:59"), headers=w.officer.headers
    ),
    "reference longer than its column": lambda c, w: c.post(
        f"{API}/requests", json=_flight(reference="R" * 500), headers=w.officer.headers
    ),
    "reference with a control character": lambda c, w: c.post(
        f"{API}/requests", json=_flight(reference="RF-\x07-1"), headers=w.officer.headers
    ),
    "reference with a bidirectional override": lambda c, w: c.post(
        f"{API}/requests", json=_flight(reference="RF-\u202e1-FR"), headers=w.officer.headers
    ),
    "file name with NUL": lambda c, w: c.post(
        f"{API}/agreements",
        params={"filename": "a\x00.toml"},
        content=w.agreement.read_bytes(),
        headers={**w[("receiver", _admin())].headers, "Content-Type": "application/toml"},
    ),
}


def _admin() -> Any:
    from clearway.domain.workflow import Role

    return Role.ADMIN


@pytest.mark.parametrize("case", CASES, ids=str)
def test_hostile_input_is_a_4xx_in_the_envelope(client: Any, world: World, case: str) -> None:
    response = CASES[case](client, world)
    assert 400 <= response.status_code < 500, response.text
    envelope(response)


def test_a_file_name_of_dot_dot_is_no_path(client: Any, world: World) -> None:
    admin = world[("receiver", _admin())].headers
    for name in ("..", "../..", "a/../.."):
        response = client.post(
            f"{API}/agreements",
            params={"filename": name},
            content=world.agreement.read_bytes(),
            headers={**admin, "Content-Type": "application/toml"},
        )
        assert response.status_code in (200, 201), response.text
        assert ".." not in response.json()["agreement"]["source_name"]
