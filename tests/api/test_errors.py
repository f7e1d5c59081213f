"""One error envelope on every error path, in the caller's language."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import pytest

from clearway.domain.workflow import Role, State
from tests.api.conftest import envelope
from tests.api.support import API, World, content

Call = Callable[[Any, World], Any]


def _unknown_request(client: Any, world: World) -> Any:
    return client.get(f"{API}/requests/{uuid.uuid4()}", headers=world.officer.headers)


def _unknown_route(client: Any, world: World) -> Any:
    return client.get(f"{API}/nothing-here", headers=world.officer.headers)


def _no_token(client: Any, world: World) -> Any:
    return client.get(f"{API}/requests")


def _forbidden(client: Any, world: World) -> Any:
    return client.post(f"{API}/requests", json=content(), headers=world[("sender", Role.VIEWER)].headers)


def _stale(client: Any, world: World) -> Any:
    body = content()
    public_id = world.create(body)
    client.post(
        f"{API}/requests/{public_id}/versions", json={**body, "based_on_version": 1}, headers=world.officer.headers
    )
    return client.post(
        f"{API}/requests/{public_id}/versions", json={**body, "based_on_version": 1}, headers=world.officer.headers
    )


def _validation(client: Any, world: World) -> Any:
    body = content()
    del body["flight"]["aircraft"]["registration"]
    body["flight"]["people"]["crew"] = "six"
    return client.post(f"{API}/requests", json=body, headers=world.officer.headers)


def _not_json(client: Any, world: World) -> Any:
    return client.post(
        f"{API}/requests", content=b"{not json", headers={**world.officer.headers, "Content-Type": "application/json"}
    )


def _unusable(client: Any, world: World) -> Any:
    body = content()
    body["flight"]["receiving_country"] = "GTM"  # no leg arrives in GTM: not a clearance request at all
    return client.post(f"{API}/requests", json=body, headers=world.officer.headers)


def _method(client: Any, world: World) -> Any:
    return client.put(f"{API}/requests", headers=world.officer.headers)


def _transition(client: Any, world: World) -> Any:
    return client.post(f"{API}/requests/{world.drive(State.CLOSED)}/cancel", headers=world.officer.headers)


PATHS: dict[str, tuple[Call, int, str, str]] = {
    "404 request": (_unknown_request, 404, "not_found", "service.request_not_found"),
    "404 route": (_unknown_route, 404, "not_found", "service.route_not_found"),
    "401": (_no_token, 401, "unauthenticated", "service.unauthenticated"),
    "403": (_forbidden, 403, "forbidden", "service.forbidden"),
    "409 stale": (_stale, 409, "conflict", "service.stale_version"),
    "409 state": (_transition, 409, "conflict", "service.transition_refused"),
    "422 validation": (_validation, 422, "invalid", "service.invalid_input"),
    "422 not json": (_not_json, 422, "invalid", "service.invalid_input"),
    "422 unusable": (_unusable, 422, "unusable_input", "request.no_arrival_in_receiving_country"),
    "405": (_method, 405, "method_not_allowed", "service.method_not_allowed"),
}


@pytest.mark.parametrize("path", PATHS, ids=str)
def test_every_error_has_the_envelope(client: Any, world: World, path: str) -> None:
    call, status, code, key = PATHS[path]
    response = call(client, world)
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    error = envelope(response)
    assert (error["code"], error["details"]["message_key"]) == (code, key)


def test_messages_follow_accept_language(client: Any, world: World) -> None:
    url = f"{API}/requests/{uuid.uuid4()}"
    for header, start in (("es-MX,es;q=0.9,en;q=0.5", "No existe"), ("fr, en;q=0.1", "There is"), ("", "There is")):
        response = client.get(url, headers={**world.officer.headers, "Accept-Language": header})
        assert envelope(response)["message"].startswith(start), header


def test_a_stale_edit_names_the_current_version(client: Any, world: World) -> None:
    error = envelope(_stale(client, world))
    assert (error["details"]["based_on"], error["details"]["current"]) == (1, 2)


def test_validation_names_every_field(client: Any, world: World) -> None:
    problems = envelope(_validation(client, world))["details"]["errors"]
    assert sorted((item["in"], item["field"]) for item in problems) == [
        ("body", "flight.aircraft.registration"),
        ("body", "flight.people.crew"),
    ]
