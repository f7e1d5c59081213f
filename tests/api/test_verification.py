"""Online verification of clearances: current when issued, superseded by a material amendment, revoked,
and a token changed by one character is invalid. No sign-in is needed to verify."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from clearway.commands.clearance import verify_command
from clearway.domain.workflow import Role, State
from clearway.store.db import session_scope
from clearway.store.models import Decision
from tests.api.support import API, World, arrival_at, content, day

VERIFY = f"{API}/clearances/verify"


def approve(client: Any, world: World, public_id: str) -> str:
    decided = client.post(
        f"{API}/requests/{public_id}/decision", json={"action": "approve"}, headers=world.receiving_officer.headers
    )
    assert decided.status_code == 200, decided.text
    return str(decided.json()["clearance"]["token"])


def test_a_fresh_clearance_is_current_and_says_what_it_covers(client: Any, world: World) -> None:
    body = content(arrival=arrival_at(day(4)))  # valid from a week before arrival: valid now
    public_id = world.drive(State.SUBMITTED, body)
    token = approve(client, world, public_id)
    verdict = client.post(VERIFY, json={"token": token}, headers={"Accept-Language": "es"}).json()
    assert (verdict["valid"], verdict["status"], verdict["reason"]) == (True, "current", None)
    assert verdict["claims"]["rid"] == public_id and verdict["claims"]["ver"] == 1
    assert verdict["message"].startswith("La firma es válida")
    assert any(body["flight"]["aircraft"]["registration"] in line for line in verdict["covers"])


def test_a_material_amendment_supersedes_the_clearance(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.SUBMITTED, body)
    old = approve(client, world, public_id)
    amended = {**body, "based_on_version": 1}
    amended["flight"] = {**body["flight"], "aircraft": {**body["flight"]["aircraft"], "callsign": "EXA999"}}
    saved = client.post(f"{API}/requests/{public_id}/versions", json=amended, headers=world.officer.headers)
    assert saved.json()["request"]["state"] == "submitted"

    superseded = client.post(VERIFY, json={"token": old}).json()
    assert (superseded["valid"], superseded["genuine"], superseded["status"]) == (False, True, "superseded")
    new = approve(client, world, public_id)
    verdict = client.post(VERIFY, json={"token": new}).json()
    assert (verdict["status"], verdict["claims"]["ver"]) == ("current", 2)  # the version the receiver has seen
    assert client.post(VERIFY, json={"token": old}).json()["status"] == "superseded"


def test_a_clearance_not_yet_valid_says_so(client: Any, world: World) -> None:
    token = approve(client, world, world.drive(State.SUBMITTED, content(arrival=arrival_at(day(30)))))
    verdict = client.post(VERIFY, json={"token": token}).json()
    assert (verdict["valid"], verdict["genuine"], verdict["status"], verdict["reason"]) == (
        False,
        True,
        "current",
        "outside_validity",
    )


def test_a_revoked_clearance_verifies_as_revoked(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    token = approve(client, world, public_id)
    revoked = client.post(
        f"{API}/requests/{public_id}/revoke",
        json={"reason_codes": ["OTHER"], "text": "Runway closed."},
        headers=world.receiving_officer.headers,
    )
    assert revoked.json() == {"state": "revoked"}
    verdict = client.post(VERIFY, json={"token": token}).json()
    assert (verdict["valid"], verdict["genuine"], verdict["status"]) == (False, True, "revoked")


@pytest.mark.parametrize("segment", [0, 1, 2], ids=["header", "claims", "signature"])
def test_one_changed_character_makes_it_invalid(client: Any, world: World, segment: int) -> None:
    token = approve(client, world, world.drive(State.SUBMITTED))
    parts = token.split(".")
    middle = len(parts[segment]) // 2
    parts[segment] = (
        parts[segment][:middle] + ("A" if parts[segment][middle] != "A" else "B") + parts[segment][middle + 1 :]
    )
    verdict = client.post(VERIFY, json={"token": ".".join(parts)}).json()
    assert (verdict["valid"], verdict["status"], verdict["claims"], verdict["covers"]) == (False, "invalid", None, [])
    assert verdict["reason"] in ("malformed", "bad_signature", "unknown_key")


def receiver_keys(client: Any, world: World) -> list[dict[str, Any]]:
    receiver = world[("receiver", Role.OFFICER)]
    decided = [key for key in client.get(f"{API}/keys").json()["keys"] if key["country"] == "MEX"]
    return [key for key in decided if key["purpose"] == "decisions" and receiver.org in key["organisation"]]


def test_the_served_key_set_verifies_offline(client: Any, world: World, tmp_path: Path) -> None:
    token = approve(client, world, world.drive(State.SUBMITTED, content(arrival=arrival_at(day(4)))))
    document = client.get(f"{API}/keys").json()
    purposes = sorted(key["purpose"] for key in document["keys"])
    assert purposes.count("audit") == 1 and purposes.count("decisions") == len(purposes) - 1
    (mexico,) = receiver_keys(client, world)
    assert (mexico["status"], mexico["development"], mexico["jwk"]["kid"]) == ("active", False, mexico["key_id"])
    assert mexico["pem"].startswith("-----BEGIN PUBLIC KEY-----")
    saved = tmp_path / "keys.json"
    saved.write_text(json.dumps(document))
    assert verify_command(token, saved, "en") == 0  # the key set as served is what --key takes


def test_a_rotated_key_keeps_old_clearances_verifying(client: Any, world: World) -> None:
    token = approve(client, world, world.drive(State.SUBMITTED))
    rotated = client.post(f"{API}/keys", headers=world[("receiver", Role.ADMIN)].headers)
    assert rotated.status_code == 201
    assert [key["status"] for key in receiver_keys(client, world)] == ["retired", "active"]
    assert client.post(VERIFY, json={"token": token}).json()["status"] == "current"
    new_token = approve(client, world, world.drive(State.SUBMITTED))
    assert client.post(VERIFY, json={"token": new_token}).json()["claims"]["kid"] == rotated.json()["key_id"]


def test_a_revoked_key_makes_its_clearances_invalid(client: Any, world: World) -> None:
    token = approve(client, world, world.drive(State.SUBMITTED, content(arrival=arrival_at(day(4)))))
    assert client.post(VERIFY, json={"token": token}).json()["valid"] is True
    (active,) = receiver_keys(client, world)
    admin = world[("receiver", Role.ADMIN)].headers
    revoked = client.post(f"{API}/keys/{active['key_id']}/revoke", headers=admin)
    assert (revoked.status_code, revoked.json()["status"]) == (200, "revoked")
    statuses = {key["key_id"]: (key["status"], key["revoked_at"] is not None) for key in receiver_keys(client, world)}
    assert statuses[active["key_id"]] == ("revoked", True) and ("active", False) in statuses.values()
    verdict = client.post(VERIFY, json={"token": token}).json()
    assert (verdict["valid"], verdict["genuine"], verdict["reason"]) == (False, False, "revoked_key")


def test_another_organisations_key_cannot_be_revoked(client: Any, world: World) -> None:
    (active,) = receiver_keys(client, world)
    sender_admin = world[("sender", Role.ADMIN)].headers
    refused = client.post(f"{API}/keys/{active['key_id']}/revoke", headers=sender_admin)
    assert refused.status_code == 404


def test_every_decision_is_signed_and_verifies_as_recorded(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    decided = client.post(
        f"{API}/requests/{public_id}/decision",
        json={"action": "deny", "reason_codes": ["OTHER"], "text": "Airport closed."},
        headers=world.receiving_officer.headers,
    )
    assert decided.status_code == 200, decided.text
    signature = decided.json()["signature"]["token"]
    with session_scope(world.engine) as session:
        stored = session.scalars(select(Decision.signature).where(Decision.action == "deny")).one()
    assert stored == signature
    verdict = client.post(VERIFY, json={"token": signature}).json()
    assert (verdict["valid"], verdict["genuine"], verdict["status"]) == (False, True, "recorded")
    assert verdict["claims"]["d"] == "deny" and verdict["claims"]["rc"] == ["OTHER"]
