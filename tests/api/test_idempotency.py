"""Submit and decide with an Idempotency-Key: a repeat returns the first result and changes nothing."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import func, select

from clearway.domain.workflow import State
from clearway.store.db import session_scope
from clearway.store.models import AuditEntry, Clearance, Decision
from tests.api.conftest import envelope
from tests.api.server import at_once
from tests.api.support import API, World


def count(world: World, model: Any) -> int:
    with session_scope(world.engine, read_only=True) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_a_repeated_submit_returns_the_first_result(client: Any, world: World) -> None:
    public_id = world.drive(State.DRAFT)
    headers = {**world.officer.headers, "Idempotency-Key": "submit-1"}
    first = client.post(f"{API}/requests/{public_id}/submit", headers=headers)
    audit = world.audit_count()

    again = client.post(f"{API}/requests/{public_id}/submit", headers=headers)

    assert (again.status_code, again.json()) == (first.status_code, first.json()) == (200, first.json())
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert world.audit_count() == audit
    without_key = client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers)
    assert envelope(without_key)["details"]["message_key"] == "service.transition_refused"


def test_a_repeated_decision_issues_one_clearance(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    headers = {**world.receiving_officer.headers, "Idempotency-Key": "decide-1"}
    body = {"action": "approve_restricted", "excluded_seqs": [3], "conditions": "North apron."}
    first = client.post(f"{API}/requests/{public_id}/decision", json=body, headers=headers)
    audit, clearances, decisions = world.audit_count(), count(world, Clearance), count(world, Decision)

    again = client.post(f"{API}/requests/{public_id}/decision", json=body, headers=headers)

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert first.json()["clearance"]["number"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert (world.audit_count(), count(world, Clearance), count(world, Decision)) == (audit, clearances, decisions)


def test_a_key_reused_for_another_call_is_refused(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    headers = {**world.receiving_officer.headers, "Idempotency-Key": "decide-2"}
    client.post(f"{API}/requests/{public_id}/decision", json={"action": "approve"}, headers=headers)
    audit = world.audit_count()
    deny = {"action": "deny", "reason_codes": ["OTHER"], "text": "x"}
    other = client.post(f"{API}/requests/{public_id}/decision", json=deny, headers=headers)
    assert other.status_code == 409
    assert envelope(other)["details"] == {"message_key": "service.idempotency_key_reused", "key": "decide-2"}
    assert world.audit_count() == audit
    assert world.state_of(public_id) is State.APPROVED


def test_two_concurrent_calls_with_one_key_act_once(server_url: str, world: World) -> None:
    for operation, state, caller, body in (
        ("submit", State.DRAFT, world.officer, None),
        ("decision", State.SUBMITTED, world.receiving_officer, {"action": "approve"}),
    ):
        public_id = world.drive(state)
        url = f"{server_url}{API}/requests/{public_id}/{operation}"
        headers = {**caller.headers, "Idempotency-Key": f"same-{operation}"}
        audit, clearances = world.audit_count(), count(world, Clearance)

        def call(http: httpx.Client, url: str = url, body: Any = body, headers: Any = headers) -> httpx.Response:
            return http.post(url, json=body, headers=headers)

        responses = at_once([call] * 3)

        assert [r.status_code for r in responses] == [200, 200, 200], [r.text for r in responses]
        assert len({r.text for r in responses}) == 1
        assert sorted(r.headers.get("Idempotent-Replayed", "") for r in responses) == ["", "true", "true"]
        assert world.audit_count() == audit + 1
        assert count(world, Clearance) == clearances + (operation == "decision")
        assert count(world, AuditEntry) == audit + 1
