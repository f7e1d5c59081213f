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
from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.workflow import ROLE_PERMISSIONS, OrgKind, Permission, State
from clearway.services import keys, observers, people
from clearway.store.db import session_scope
from clearway.store.models import (
    AuditEntry,
    CalendarFeed,
    Channel,
    MessageStatus,
    OutboxEvent,
    OutboxMessage,
    User,
    WebhookEndpoint,
)
from clearway.web.api.deps import AUTHENTICATED
from tests.api.conftest import envelope
from tests.api.routes import ROUTES, Route
from tests.api.support import API, OPERATOR, Caller, World, content, sees
from tests.conftest import EXAMPLES

Body = dict[str, Any]
_emails = itertools.count(1)


def _organisation_id(session: Session, caller: Caller) -> int:
    user = session.get(User, caller.user_id)
    assert user is not None
    return user.organisation_id


def _own_endpoint(world: World, caller: Caller) -> str:
    with session_scope(world.engine) as session:
        endpoint = WebhookEndpoint(
            organisation_id=_organisation_id(session, caller),
            url="https://127.0.0.1/hook",
            event_types=["request.submitted"],
            encrypted_secret="not used",
        )
        session.add(endpoint)
        session.flush()
        return endpoint.public_id


def _dead_letter(world: World, caller: Caller) -> str:
    with session_scope(world.engine) as session:
        event = OutboxEvent(type="request.submitted", body={})
        session.add(event)
        session.flush()
        message = OutboxMessage(
            event_id=event.id,
            organisation_id=_organisation_id(session, caller),
            channel=Channel.WEBHOOK,
            status=MessageStatus.DEAD,
            attempts=8,
        )
        session.add(message)
        session.flush()
        return message.message_id


def _own_feed(world: World, caller: Caller) -> int:
    with session_scope(world.engine) as session:
        feed = CalendarFeed(
            organisation_id=_organisation_id(session, caller), name="f", prefix="cal_x", token_hash=uuid.uuid4().hex
        )
        session.add(feed)
        session.flush()
        return feed.id


def _own_token(world: World, caller: Caller) -> int:
    with session_scope(world.engine) as session:
        user = session.get(User, caller.user_id)
        assert user is not None
        return people.create_token(session, user, "to revoke", actor=OPERATOR).token.id


def _colleague(world: World, caller: Caller) -> int:
    """A new user of the caller's organisation (someone an admin may deactivate)."""
    with session_scope(world.engine) as session:
        organisation_id = session.get(User, caller.user_id).organisation_id  # type: ignore[union-attr]
        colleague = people.create_user(
            session, OPERATOR, organisation_id, f"colleague{next(_emails)}@x.test", "C", people.Role.VIEWER, "p" * 12
        )
        return colleague.id


def _own_key(world: World, caller: Caller) -> str:
    """The active key of the caller's organisation (observers have none: any id will do)."""
    if caller.kind not in keys.KEYED_KINDS:
        return "0123456789abcdef"
    with session_scope(world.engine) as session:
        user = session.get(User, caller.user_id)
        assert user is not None
        return keys.active_key(session, user.organisation_id, world.secret).key_id


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
    "exportVersion": Case(READ, params=lambda w, c: {"number": 1}, send=lambda w, c, b: {"params": {"format": "csv"}}),
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
    "revokeKey": Case(params=lambda w, c: {"key_id": _own_key(w, c)}),
    "fetchCheckpoint": Case(),
    "listAuditHashes": Case(),
    "listUsers": Case(),
    "createUser": Case(
        send=lambda w, c, b: {
            "json": {"email": f"new{next(_emails)}@x.test", "display_name": "N", "role": "viewer", "password": "p" * 12}
        }
    ),
    "listTokens": Case(),
    "createToken": Case(send=lambda w, c, b: {"json": {"name": "another"}}),
    "revokeToken": Case(params=lambda w, c: {"token_id": _own_token(w, c)}),
    "deactivateUser": Case(params=lambda w, c: {"user_id": _colleague(w, c)}),
    "answerQuestions": Case((State.INFO_REQUESTED,), send=lambda w, c, b: {"json": {"text": "Escort: J. Doe."}}),
    "grantObserver": Case(send=lambda w, c, b: {"json": _grant_body(w)}),
    "withdrawObserverGrant": Case(send=lambda w, c, b: {"json": _granted_first(w, c)}),
    "listObserverGrants": Case(READ),
    "requestAudit": Case(READ),
    "requestAccessLog": Case(READ),
    "listWebhookEndpoints": Case(),
    "createWebhookEndpoint": Case(send=lambda w, c, b: {"json": {"url": "https://127.0.0.1/hook"}}),
    "disableWebhookEndpoint": Case(params=lambda w, c: {"endpoint_id": _own_endpoint(w, c)}),
    "listDeliveries": Case(),
    "replayDelivery": Case(params=lambda w, c: {"message_id": _dead_letter(w, c)}),
    "getEmailPreferences": Case(),
    "setEmailPreferences": Case(
        send=lambda w, c, b: {"json": {"language": "es", "event_types": ["request.submitted"]}}
    ),
    "listCalendarFeeds": Case(),
    "createCalendarFeed": Case(send=lambda w, c, b: {"json": {}}),
    "revokeCalendarFeed": Case(params=lambda w, c: {"feed_id": _own_feed(w, c)}),
}


def _grant_body(world: World) -> dict[str, Any]:
    return {"observer_organisation": world.organisation_name("outside_observer"), "agreement_id": "USA-MEX"}


def _granted_first(world: World, caller: Caller) -> dict[str, Any]:
    """The body of a withdrawal, after the caller's organisation gave that grant (where it may)."""
    with session_scope(world.engine) as session:
        actor = world.actor(session, caller)
        if actor.may(Permission.OBSERVERS_MANAGE) and caller.org in USA_MEX_PARTIES:
            observers.grant(
                session, actor, observers.GrantTarget(world.organisation_name("outside_observer"), None, "USA-MEX")
            )
    return _grant_body(world)


HOLDS = (EXAMPLES / "holds-sample.csv").read_bytes()

#: Routes that answer only a request's own organisations (its sender, its receiving side).
PARTIES_ONLY = {"listObserverGrants", "requestAudit", "requestAccessLog"}
#: Routes whose body names an observer grant for the USA-MEX agreement.
GRANT_ROUTES = {"grantObserver", "withdrawObserverGrant"}
#: Organisations that are a party to USA-MEX and so may grant observers access under it.
USA_MEX_PARTIES = {"sender", "other_sender", "receiver"}
#: Routes that show a manifest's personal data (names, dates of birth, documents).
PERSONAL_DATA_ROUTES = {"getVersion", "diffVersions", "exportVersion", "getAnnex9Pdf"}


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
    if route.operation_id == "createRequest" and caller.org == "foreign_sender":
        return 422  # the body is sent in the name of the USA: flight.sending_authority is refused
    if route.operation_id in GRANT_ROUTES and caller.org not in USA_MEX_PARTIES:
        return 404  # not a party to USA-MEX: answers as for an agreement that does not exist
    if route.operation_id in PARTIES_ONLY and caller.kind is OrgKind.OBSERVER:
        return 403
    if route.operation_id in PERSONAL_DATA_ROUTES and caller.org == "counts_observer":
        return 403  # its grant does not include personal data
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
            logged_before = world.access_log_count()
            response = _call(client, route, caller, world, case, public_id, sent)
            got = 200 if 200 <= response.status_code < 300 else response.status_code
            if got == 200 and _names_someone(response.text, sent):
                # Personal data only with an access-log entry, whatever the route.
                assert world.access_log_count() > logged_before, f"{route} as {caller}: personal data, no log entry"
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


def _names_someone(text: str, body: Body) -> bool:
    """Whether a response shows any passenger's name, date of birth or document number."""
    fields = ("surname", "given_names", "date_of_birth", "document_number")
    return any(str(row[name]) in text for row in body.get("passengers", []) for name in fields if row.get(name))


def _masked(response: Any, public_id: str) -> str:
    return json.dumps(response.json(), sort_keys=True).replace(public_id, "<id>")


@pytest.mark.parametrize("route", [route for route in ROUTES if not route.public], ids=str)
def test_needs_a_valid_token(client: Any, route: Route) -> None:
    url = route.url(
        request_id=str(uuid.uuid4()),
        number=1,
        token_id=1,
        user_id=1,
        endpoint_id="e",
        message_id="m",
        feed_id=1,
        key_id="0123456789abcdef",
    )
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


def test_only_keys_verification_session_the_template_the_feeds_and_the_document_are_public(client: Any) -> None:
    public = {route.operation_id for route in ROUTES if route.public}
    assert public == {
        "listKeys",
        "verifyClearance",
        "createSession",
        "manifestTemplate",
        "getCalendarFeed",  # the secret address is the credential
    }
    assert client.get(f"{API}/manifest-template.xlsx").status_code == 200  # no personal data: an empty form
    assert client.get(f"{API}/keys").status_code == 200
    assert client.post(f"{API}/clearances/verify", json={"token": "a.b.c"}).json()["status"] == "invalid"
    assert client.get(f"{API}/openapi.json").status_code == 200


def test_signing_in_gives_a_token_that_works(client: Any, world: World) -> None:
    with session_scope(world.engine) as session:
        organisation_id = _organisation_of(session, world.officer)
        people.create_user(session, OPERATOR, organisation_id, "Login@Sender.test", "L", people.Role.OFFICER, "a" * 16)
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


def test_the_token_of_a_sign_in_is_audited_as_made_by_the_user_who_signed_in(client: Any, world: World) -> None:
    """Nobody acts as a missing actor: signing in with a password, the user makes their token."""
    with session_scope(world.engine) as session:
        organisation_id = _organisation_of(session, world.officer)
        user = people.create_user(
            session, OPERATOR, organisation_id, "audited@sender.test", "A", people.Role.OFFICER, "a" * 16
        )
        user_id = user.id
    signed_in = client.post(f"{API}/session", json={"email": "audited@sender.test", "password": "a" * 16})
    assert signed_in.status_code == 201
    token_id = signed_in.json()["token"]["id"]
    with session_scope(world.engine) as session:
        made = [
            entry
            for entry in session.scalars(select(AuditEntry).where(AuditEntry.action == "token_created"))
            if entry.details.get("token") == token_id
        ]
        assert [(entry.user_id, entry.organisation_id) for entry in made] == [(user_id, organisation_id)]


def _organisation_of(session: Session, caller: Caller) -> int:
    user = session.get(User, caller.user_id)
    assert user is not None
    return user.organisation_id


@pytest.mark.parametrize("state", [State.SUBMITTED, State.INFO_REQUESTED])
def test_no_read_shows_a_draft_version_to_anyone_but_its_sender(client: Any, world: World, state: State) -> None:
    """A person taken off the manifest before submission (a stay of removal, say) is in draft
    version 1 only: every read, by everyone but the sender, answers without it."""
    body = content()
    removed = body["passengers"][-1]
    public_id = world.create(body)
    kept = {**body, "passengers": body["passengers"][:-1]}
    kept["flight"] = {**body["flight"], "people": {**body["flight"]["people"], "declared_passengers": 2}}
    saved = client.post(
        f"{API}/requests/{public_id}/versions", json={**kept, "based_on_version": 1}, headers=world.officer.headers
    )
    assert saved.status_code == 201, saved.text
    assert client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers).status_code == 200
    if state is State.INFO_REQUESTED:
        asked = {"action": "request_info", "text": "Who else?"}
        client.post(f"{API}/requests/{public_id}/decision", json=asked, headers=world.receiving_officer.headers)
        # A new draft after the question, not yet resubmitted: the person put back.
        client.post(
            f"{API}/requests/{public_id}/versions", json={**body, "based_on_version": 2}, headers=world.officer.headers
        )
    reads = [route for route in ROUTES if route.method == "GET" and route.on_request]
    problems = []
    for caller in world.callers.values():
        if caller.org == "sender":
            continue
        for route in reads:
            for number in (1, 3):
                url = route.url(request_id=public_id, number=number)
                params = {"from": number, "to": 2} if route.operation_id == "diffVersions" else {}
                if route.operation_id == "exportVersion":
                    params = {"format": "csv"}
                response = client.get(url, params=params, headers=caller.headers)
                if removed["surname"] in response.text or removed["document_number"] in response.text:
                    problems.append(f"{route} as {caller}: shows the draft's person")
                if route.operation_id in PERSONAL_DATA_ROUTES and response.status_code not in (403, 404):
                    problems.append(f"{route} as {caller}: {response.status_code} for draft version {number}")
    assert problems == []
