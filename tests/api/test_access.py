"""Every route, as every role of every kind of organisation: only what the spec allows, no existence leaks.

Expectations come from ``ROLE_PERMISSIONS`` and the visibility rules of spec/workflow.md
("Who sees what"), never from a hand-written answer per route. The table below only says,
per route, which state a request must be in for the call to be possible and what to send.
"""

from __future__ import annotations

import itertools
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from clearway.domain.workflow import ROLE_PERMISSIONS, Permission, State
from clearway.services import people
from clearway.store.db import session_scope
from clearway.store.models import User
from clearway.web.api.deps import AUTHENTICATED
from tests.api.conftest import envelope
from tests.api.routes import ROUTES, Route
from tests.api.support import API, Caller, World, content, sees
from tests.conftest import EXAMPLES

Body = dict[str, Any]
_emails = itertools.count(1)


def _own_token(world: World, caller: Caller) -> int:
    with session_scope(world.engine) as session:
        user = session.get(User, caller.user_id)
        assert user is not None
        return people.create_token(session, user, "to revoke").token.id


@dataclass(frozen=True)
class Case:
    """What a route needs: requests in these states (None: no request), and what to send."""

    states: tuple[State, ...] | None = None
    send: Callable[[World, Caller, Body], dict[str, Any]] = lambda world, caller, body: {}
    params: Callable[[World, Caller], dict[str, Any]] = lambda world, caller: {}


READ = (State.DRAFT, State.SUBMITTED)  # a draft is what receivers and observers must never see
TOML = "application/toml"
RECEPTION = {"passengers": [{"seq": seq, "outcome": "received"} for seq in (1, 2, 3)]}

CASES: dict[str, Case] = {
    "createRequest": Case(send=lambda w, c, b: {"json": content()}),
    "listRequests": Case(),
    "getRequest": Case(READ),
    "copyRequest": Case(READ, send=lambda w, c, b: {"json": {}}),
    "precheckRequest": Case(READ, send=lambda w, c, b: {"json": b}),
    "saveVersion": Case(
        (State.DRAFT,), send=lambda w, c, b: {"json": {**b, "based_on_version": 1, "passengers": b["passengers"][:2]}}
    ),
    "listVersions": Case(READ),
    "getVersion": Case(READ, params=lambda w, c: {"number": 1}),
    "getAnnex9Pdf": Case(READ, params=lambda w, c: {"number": 1}),
    "diffVersions": Case(READ, send=lambda w, c, b: {"params": {"from": 1, "to": 1}}),
    "submitRequest": Case((State.DRAFT,)),
    "decideRequest": Case((State.SUBMITTED,), send=lambda w, c, b: {"json": {"action": "approve"}}),
    "revokeRequest": Case((State.APPROVED,), send=lambda w, c, b: {"json": {"reason_codes": ["OTHER"], "text": "x"}}),
    "cancelRequest": Case((State.SUBMITTED,)),
    "recordDeparture": Case(
        (State.APPROVED,),
        send=lambda w, c, b: {"json": {"at": datetime.now(UTC).isoformat(), "actual_registration": "N316AC"}},
    ),
    "recordArrival": Case((State.DEPARTED,), send=lambda w, c, b: {"json": {"at": datetime.now(UTC).isoformat()}}),
    "confirmReception": Case((State.ARRIVED,), send=lambda w, c, b: {"json": RECEPTION}),
    "listAgreements": Case(),
    "uploadAgreement": Case(
        send=lambda w, c, b: {"content": w.agreement.read_bytes(), "headers": {"Content-Type": TOML}}
    ),
    "importHolds": Case(send=lambda w, c, b: {"content": HOLDS, "headers": {"Content-Type": "text/csv"}}),
    "currentHolds": Case(),
    "rotateKey": Case(),
    "listUsers": Case(),
    "createUser": Case(
        send=lambda w, c, b: {
            "json": {"email": f"new{next(_emails)}@x.test", "display_name": "N", "role": "viewer", "password": "p" * 12}
        }
    ),
    "listTokens": Case(),
    "createToken": Case(send=lambda w, c, b: {"json": {"name": "another"}}),
    "revokeToken": Case(params=lambda w, c: {"token_id": _own_token(w, c)}),
}
HOLDS = (EXAMPLES / "holds-sample.csv").read_bytes()


def expected(route: Route, caller: Caller, state: State | None) -> int:
    """200 for any success, else the refusal's status."""
    if state is not None and not sees(caller, state):
        return 404
    if route.permission == AUTHENTICATED:
        return 200
    if Permission(route.permission) not in ROLE_PERMISSIONS[(caller.kind, caller.role)]:
        return 403
    if route.operation_id == "uploadAgreement" and caller.org == "other_receiver":
        return 403  # the uploaded agreement (USA-MEX) is for another receiving country
    return 200


def test_the_table_covers_every_route() -> None:
    private = {route.operation_id for route in ROUTES if not route.public}
    assert private == set(CASES)


@pytest.mark.parametrize("route", [route for route in ROUTES if not route.public], ids=str)
def test_every_role_of_every_organisation(client: Any, world: World, route: Route) -> None:
    case = CASES[route.operation_id]
    problems: list[str] = []
    for state in case.states or (None,):
        body = content()
        shared = world.drive(state, body) if state is not None else None
        audit_before = world.audit_count()
        for caller in world.callers.values():
            want = expected(route, caller, state)
            public_id, sent = shared, body
            if want == 200 and shared is not None and route.method != "GET":
                sent = content()
                public_id = world.drive(state, sent)  # a success changes the request: each gets its own
            response = _call(client, route, caller, world, case, public_id, sent)
            got = 200 if 200 <= response.status_code < 300 else response.status_code
            where = f"{route} as {caller} on {state}"
            if got != want:
                problems.append(f"{where}: {response.status_code} (expected {want}) {response.text[:200]}")
                continue
            if want == 404 and public_id is not None:
                unknown = str(uuid.uuid4())
                twin = _call(client, route, caller, world, case, unknown, sent)
                if (twin.status_code, _masked(twin, unknown)) != (response.status_code, _masked(response, public_id)):
                    problems.append(f"{where}: answers unlike a request that does not exist: {response.text[:200]}")
            if want in (403, 404):
                assert envelope(response)["code"] == {403: "forbidden", 404: "not_found"}[want]
        if shared is not None:
            assert world.state_of(shared) is state, f"{route}: a refused call changed the request"
        if route.method == "GET":
            # Reads leave no audit entry (views of personal data go to the access log).
            assert world.audit_count() == audit_before
    assert problems == []


def _call(
    client: Any, route: Route, caller: Caller, world: World, case: Case, public_id: str | None, body: Body
) -> Any:
    params = case.params(world, caller)
    if public_id is not None:
        params["request_id"] = public_id
    kwargs = case.send(world, caller, body)
    headers = {**kwargs.pop("headers", {}), **caller.headers}
    return client.request(route.method, route.url(**params), headers=headers, **kwargs)


def _masked(response: Any, public_id: str) -> str:
    return json.dumps(response.json(), sort_keys=True).replace(public_id, "<id>")


@pytest.mark.parametrize("route", [route for route in ROUTES if not route.public], ids=str)
def test_needs_a_valid_token(client: Any, route: Route) -> None:
    url = route.url(request_id=str(uuid.uuid4()), number=1, token_id=1)
    for headers in ({}, {"Authorization": "Bearer cw_not-a-token"}, {"Authorization": "Basic dXNlcjpwYXNz"}):
        response = client.request(route.method, url, headers=headers)
        assert response.status_code == 401, (route, headers, response.text)
        assert envelope(response)["code"] == "unauthenticated"
        assert response.headers["WWW-Authenticate"] == "Bearer"


def test_a_bad_token_is_refused_before_the_input_is_judged(client: Any, world: World) -> None:
    unusable = {"flight": {"callsign": 7}}  # no passengers, a callsign that is not text
    for headers in ({"Authorization": "Bearer cw_not-a-token"}, {}):
        refused = client.post(f"{API}/requests", json=unusable, headers=headers)
        assert (refused.status_code, envelope(refused)["code"]) == (401, "unauthenticated")
        assert "callsign" not in refused.text  # nothing about the input to a caller without a valid token
    judged = client.post(f"{API}/requests", json=unusable, headers=world.officer.headers)
    assert (judged.status_code, envelope(judged)["code"]) == (422, "invalid")


def test_only_keys_verification_session_and_the_document_are_public(client: Any) -> None:
    assert {route.operation_id for route in ROUTES if route.public} == {"listKeys", "verifyClearance", "createSession"}
    assert client.get(f"{API}/keys").status_code == 200
    assert client.post(f"{API}/clearances/verify", json={"token": "a.b.c"}).json()["status"] == "invalid"
    assert client.get(f"{API}/openapi.json").status_code == 200


def test_signing_in_gives_a_token_that_works(client: Any, world: World) -> None:
    with session_scope(world.engine) as session:
        organisation_id = _organisation_of(session, world.officer)
        people.create_user(session, None, organisation_id, "Login@Sender.test", "L", people.Role.OFFICER, "a" * 16)
    refused = client.post(f"{API}/session", json={"email": "login@sender.test", "password": "b" * 16})
    assert refused.status_code == 401
    assert envelope(refused)["details"]["message_key"] == "service.bad_login"
    unknown = client.post(f"{API}/session", json={"email": "nobody@sender.test", "password": "b" * 16})
    assert (unknown.status_code, unknown.json()) == (refused.status_code, refused.json())  # no hint who exists

    signed_in = client.post(f"{API}/session", json={"email": "login@sender.test", "password": "a" * 16})
    assert signed_in.status_code == 201
    token = signed_in.json()["token"]["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get(f"{API}/requests", headers=headers).status_code == 200
    listed = client.get(f"{API}/tokens", headers=headers).json()["items"]
    assert [item["prefix"] for item in listed] == [token[:12]]  # the secret itself is never shown again
    assert "token" not in listed[0]
    assert client.delete(f"{API}/tokens/{listed[0]['id']}", headers=headers).status_code == 200
    assert client.get(f"{API}/requests", headers=headers).status_code == 401


def _organisation_of(session: Session, caller: Caller) -> int:
    user = session.get(User, caller.user_id)
    assert user is not None
    return user.organisation_id
