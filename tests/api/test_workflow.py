"""Every transition of spec/workflow.md through the API: done by the right role, refused from every other
state with the envelope naming the current state, and nothing changed by a refusal."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pytest

from clearway.domain.workflow import ROLE_PERMISSIONS, TRANSITIONS, Action, Role, State
from tests.api.conftest import envelope
from tests.api.support import API, Caller, World, content, sees


@dataclass(frozen=True)
class Step:
    """One row of the workflow table, as an API call."""

    action: Action
    path: str
    by: Callable[[World], Caller]
    body: Callable[[dict[str, Any]], dict[str, Any]] = lambda content_: {}
    resubmits: bool = False  # the submit call also resubmits after a request for information

    @property
    def sources(self) -> frozenset[State]:
        extra = TRANSITIONS[Action.RESUBMIT].source if self.resubmits else frozenset()
        return TRANSITIONS[self.action].source | extra


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _receiver(world: World) -> Caller:
    return world.receiving_officer


def _sender(world: World) -> Caller:
    return world.officer


RECEPTION = {"passengers": [{"seq": 1, "outcome": "received"}, {"seq": 2, "outcome": "not_on_board"},
                           {"seq": 3, "outcome": "received"}]}  # fmt: skip
STEPS = [
    Step(Action.SUBMIT, "submit", _sender, resubmits=True),
    Step(Action.APPROVE, "decision", _receiver, lambda c: {"action": "approve"}),
    Step(
        Action.APPROVE_RESTRICTED,
        "decision",
        _receiver,
        lambda c: {"action": "approve_restricted", "excluded_seqs": [3]},
    ),
    Step(Action.REQUEST_INFO, "decision", _receiver, lambda c: {"action": "request_info", "text": "Which escort?"}),
    Step(Action.DENY, "decision", _receiver, lambda c: {"action": "deny", "reason_codes": ["OTHER"], "text": "Works."}),
    Step(Action.REVOKE, "revoke", _receiver, lambda c: {"reason_codes": ["OTHER"], "text": "Runway closed."}),
    Step(Action.DEPART, "departure", _sender, lambda c: {"at": _now(), "actual_registration": "N316AC"}),
    Step(Action.ARRIVE, "arrival", _sender, lambda c: {"at": _now()}),
    Step(Action.ARRIVE, "arrival", _receiver, lambda c: {"at": _now()}),  # "either side"
    Step(Action.CONFIRM_RECEPTION, "reception", _receiver, lambda c: RECEPTION),
    Step(Action.CANCEL, "cancel", _sender),
]


def _ids(step: Step) -> str:
    return f"{step.action}-by-{'receiver' if step.by is _receiver else 'sender'}"


@pytest.mark.parametrize("step", STEPS, ids=_ids)
def test_allowed_from_each_source_state(client: Any, world: World, step: Step) -> None:
    transition = TRANSITIONS[step.action]
    for source in sorted(step.sources):
        body = content()
        public_id = world.drive(source, body)
        sent = step.body(body)
        if source is State.INFO_REQUESTED and step.resubmits:
            sent = {**sent, "answer": "The escort is the one named in the manifest notes."}  # a resubmission answers
        response = client.post(f"{API}/requests/{public_id}/{step.path}", json=sent, headers=step.by(world).headers)
        assert response.status_code == 200, (source, response.text)
        assert response.json()["state"] == transition.target
        assert world.state_of(public_id) is transition.target


@pytest.mark.parametrize("step", STEPS, ids=_ids)
def test_refused_from_every_other_state(client: Any, world: World, step: Step) -> None:
    caller = step.by(world)
    for state in sorted(set(State) - step.sources):
        body = content()
        public_id = world.drive(state, body)
        audit = world.audit_count()
        response = client.post(f"{API}/requests/{public_id}/{step.path}", json=step.body(body), headers=caller.headers)
        error = envelope(response)
        if not sees(caller, state):
            assert response.status_code == 404  # never submitted: it does not exist for the receiving side
        else:
            assert response.status_code == 409, (state, response.text)
            assert error["details"]["message_key"] == "service.transition_refused"
            assert error["details"]["state"] == state
            assert f"'{state}'" in error["message"]
        assert world.state_of(public_id) is state
        assert world.audit_count() == audit


@pytest.mark.parametrize("step", STEPS, ids=_ids)
def test_refused_for_every_role_without_the_permission(client: Any, world: World, step: Step) -> None:
    transition = TRANSITIONS[step.action]
    source = sorted(transition.source)[0]
    public_id = world.drive(source)
    for caller in world.callers.values():
        if transition.permission in ROLE_PERMISSIONS[(caller.kind, caller.role)] and sees(caller, source):
            continue  # allowed: test_allowed_from_each_source_state
        response = client.post(f"{API}/requests/{public_id}/{step.path}", json=step.body({}), headers=caller.headers)
        assert response.status_code == (403 if sees(caller, source) else 404), (caller, response.text)
        envelope(response)
    assert world.state_of(public_id) is source


def test_amend_and_resubmit_after_a_request_for_information(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.INFO_REQUESTED, body)
    headers = world.officer.headers
    edit = {**body, "based_on_version": 1, "flight": {**body["flight"], "operator": "Other Charter"}}
    saved = client.post(f"{API}/requests/{public_id}/versions", json=edit, headers=headers)
    assert saved.status_code == 201, saved.text
    assert saved.json()["request"]["state"] == "info_requested"
    resubmitted = client.post(f"{API}/requests/{public_id}/submit", headers=headers).json()
    assert (resubmitted["state"], resubmitted["version"], resubmitted["override"]) == ("submitted", 2, None)


@pytest.mark.parametrize("approved", [State.APPROVED, State.APPROVED_RESTRICTED])
def test_a_material_amendment_returns_to_submitted(client: Any, world: World, approved: State) -> None:
    body = content()
    public_id = world.drive(approved, body)
    edit = {**body, "based_on_version": 1, "flight": {**body["flight"], "aircraft": {**body["flight"]["aircraft"],
            "registration": "N999ZZ"}}}  # fmt: skip
    saved = client.post(f"{API}/requests/{public_id}/versions", json=edit, headers=world.officer.headers)
    assert saved.status_code == 201, saved.text
    assert saved.json()["request"]["state"] == "submitted"
    assert saved.json()["material_reasons"]
    assert (
        client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()["clearance"]["status"]
        == "superseded"
    )


@pytest.mark.parametrize("approved", [State.APPROVED, State.APPROVED_RESTRICTED])
def test_a_non_material_amendment_keeps_the_decision(client: Any, world: World, approved: State) -> None:
    body = content()
    public_id = world.drive(approved, body)
    edit = {**body, "based_on_version": 1, "passengers": body["passengers"][:2]}  # a passenger removed
    edit["flight"] = {**body["flight"], "people": {**body["flight"]["people"], "declared_passengers": 2}}
    saved = client.post(f"{API}/requests/{public_id}/versions", json=edit, headers=world.officer.headers)
    assert saved.status_code == 201, saved.text
    assert (saved.json()["request"]["state"], saved.json()["material_reasons"]) == (approved, [])
    detail = client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()
    assert detail["clearance"]["status"] == "current"


@pytest.mark.parametrize("final", [State.DENIED, State.REVOKED, State.CANCELLED, State.CLOSED])
def test_a_copy_of_any_request_is_a_new_linked_draft(client: Any, world: World, final: State) -> None:
    public_id = world.drive(final)
    copied = client.post(f"{API}/requests/{public_id}/copy", json={}, headers=world.officer.headers)
    assert copied.status_code == 201, copied.text
    assert (copied.json()["state"], copied.json()["copied_from"]) == ("draft", public_id)
    source = client.get(f"{API}/requests/{public_id}", headers=world.officer.headers).json()
    assert copied.json()["reference"] == f"{source['reference']}-2"


def test_submitting_despite_errors_needs_a_justification_shown_to_the_receiver(client: Any, world: World) -> None:
    body = content(operator="Example Air Charter")
    body["flight"]["aircraft"]["category"] = "state_other"  # not accepted by the agreement: an error
    public_id = world.create(body)
    url = f"{API}/requests/{public_id}/submit"
    refused = client.post(url, headers=world.officer.headers)
    assert refused.status_code == 409
    assert envelope(refused)["details"]["codes"] == "AIRCRAFT_CATEGORY_NOT_ALLOWED"
    done = client.post(url, json={"justification": "Agreed by phone."}, headers=world.officer.headers)
    assert (done.status_code, done.json()["override"]) == (200, "Agreed by phone.")
    seen = client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()
    assert seen["findings"][0]["code"] == "AIRCRAFT_CATEGORY_NOT_ALLOWED"


def test_a_different_registration_at_departure_is_flagged_to_both_sides(client: Any, world: World) -> None:
    public_id = world.drive(State.APPROVED)
    departed = client.post(
        f"{API}/requests/{public_id}/departure",
        json={"at": _now(), "actual_registration": "N999ZZ"},
        headers=world.officer.headers,
    )
    assert departed.json()["registration_mismatch"] is True
    assert departed.json()["cleared_registration"] == "N316AC"
    for side in (world.officer, world.receiving_officer, world[("observer", Role.VIEWER)]):
        seen = client.get(f"{API}/requests/{public_id}", headers=side.headers).json()
        assert seen["registration_mismatch"] is True
        assert seen["events"][0]["actual_registration"] == "N999ZZ"
