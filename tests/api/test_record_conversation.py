"""What the two sides say to each other and what the record shows them: justifications,
cancellation reasons, questions and answers, checked flight events, agreement ids, observer
grants, and the request's audit entries and access log (issue: the shared record holds)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from clearway.domain.workflow import Role, State
from tests.api.conftest import envelope
from tests.api.support import API, World, content


def _now(**delta: float) -> str:
    return (datetime.now(UTC) + timedelta(**delta)).isoformat()


def _detail(client: Any, world: World, public_id: str, org: str = "receiver") -> dict[str, Any]:
    response = client.get(f"{API}/requests/{public_id}", headers=world[(org, Role.OFFICER)].headers)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# 5. What the sender writes reaches the other side.


def test_the_override_justification_is_kept_with_the_version_and_shown(client: Any, world: World) -> None:
    body = content()
    body["flight"]["people"]["monitors"] = 0  # MONITOR_MISSING
    public_id = world.create(body)
    submitted = client.post(
        f"{API}/requests/{public_id}/submit",
        json={"justification": "The monitor boards at the stop."},
        headers=world.officer.headers,
    )
    assert submitted.status_code == 200, submitted.text
    assert _detail(client, world, public_id)["version"]["override_justification"] == "The monitor boards at the stop."
    listed = client.get(f"{API}/requests/{public_id}/versions", headers=world.receiving_officer.headers).json()
    assert listed["items"][0]["override_justification"] == "The monitor boards at the stop."


def test_the_cancellation_reason_is_shown_to_the_receiving_side(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    client.post(
        f"{API}/requests/{public_id}/cancel", json={"text": "Aircraft unserviceable."}, headers=world.officer.headers
    )
    assert _detail(client, world, public_id)["cancel_reason"] == "Aircraft unserviceable."


def _ask(client: Any, world: World, public_id: str, **fields: Any) -> Any:
    decision = {"action": "request_info", "text": "Who is the medical escort?", "reason_codes": ["OTHER"], **fields}
    return client.post(f"{API}/requests/{public_id}/decision", json=decision, headers=world.receiving_officer.headers)


def test_questions_are_answered_in_words_and_both_sides_see_the_conversation(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    assert _ask(client, world, public_id, reply_by=_now(days=2)).status_code == 200
    bare = client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers)
    assert bare.status_code == 409  # neither an answer nor a new version
    assert envelope(bare)["details"]["message_key"] == "service.resubmit_needs_answer"
    answered = client.post(
        f"{API}/requests/{public_id}/answers", json={"text": "Dr. A. Ruiz, on board."}, headers=world.officer.headers
    )
    assert answered.status_code == 201, answered.text
    assert client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers).status_code == 200
    for org in ("receiver", "sender"):
        question, answer = _detail(client, world, public_id, org)["conversation"]
        assert (question["kind"], question["text"], question["reason_codes"]) == (
            "question",
            "Who is the medical escort?",
            ["OTHER"],
        )
        assert question["reply_by"] is not None and question["organisation"]
        assert (answer["kind"], answer["text"], answer["in_reply_to"]) == (
            "answer",
            "Dr. A. Ruiz, on board.",
            question["id"],
        )
        assert answer["author"] and answer["at"]


def test_a_resubmission_can_carry_its_answer(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    _ask(client, world, public_id)
    resubmitted = client.post(
        f"{API}/requests/{public_id}/submit", json={"answer": "Dr. A. Ruiz."}, headers=world.officer.headers
    )
    assert resubmitted.status_code == 200, resubmitted.text
    assert [item["kind"] for item in _detail(client, world, public_id)["conversation"]] == ["question", "answer"]


def test_a_reply_by_time_in_the_past_is_refused(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    refused = _ask(client, world, public_id, reply_by=_now(hours=-1))
    assert refused.status_code == 422 and envelope(refused)["details"]["field"] == "reply_by"
    assert world.state_of(public_id) is State.SUBMITTED


# 6. Events are checked.


def test_a_departure_in_the_future_is_refused(client: Any, world: World) -> None:
    public_id = world.drive(State.APPROVED)
    refused = client.post(
        f"{API}/requests/{public_id}/departure",
        json={"at": _now(hours=3), "actual_registration": "N316AC"},
        headers=world.officer.headers,
    )
    assert refused.status_code == 422 and envelope(refused)["details"]["message_key"] == "service.event_in_future"
    assert world.state_of(public_id) is State.APPROVED


def test_a_departure_before_the_approval_and_an_arrival_before_the_departure_are_refused(
    client: Any, world: World
) -> None:
    public_id = world.drive(State.APPROVED)
    early = client.post(
        f"{API}/requests/{public_id}/departure",
        json={"at": _now(days=-1), "actual_registration": "N316AC"},
        headers=world.officer.headers,
    )
    assert envelope(early)["details"]["message_key"] == "service.event_before_previous"
    departed = client.post(
        f"{API}/requests/{public_id}/departure",
        json={"at": _now(), "actual_registration": "N316AC"},
        headers=world.officer.headers,
    )
    assert departed.status_code == 200, departed.text
    before = client.post(
        f"{API}/requests/{public_id}/arrival", json={"at": _now(hours=-2)}, headers=world.officer.headers
    )
    assert envelope(before)["details"]["message_key"] == "service.event_before_previous"
    assert world.state_of(public_id) is State.DEPARTED


def test_a_departure_outside_the_clearance_window_is_flagged_to_both_sides(client: Any, world: World) -> None:
    public_id = world.drive(State.APPROVED)  # arriving in 10+ days: the clearance opens 7 days before
    departed = client.post(
        f"{API}/requests/{public_id}/departure",
        json={"at": _now(), "actual_registration": "N316AC"},
        headers=world.officer.headers,
    )
    assert departed.json()["outside_validity"] is True
    for org in ("receiver", "sender"):
        assert _detail(client, world, public_id, org)["departure_outside_validity"] is True


# 8. Agreement ids belong to their receiving country.


def _load(client: Any, world: World, by: str, text: str, folder: Path, name: str) -> Any:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return client.post(
        f"{API}/agreements",
        content=path.read_bytes(),
        headers={**world[(by, Role.ADMIN)].headers, "Content-Type": "application/toml"},
    )


def _as_guatemalas(text: str, version: int) -> str:
    return text.replace('receiving_country = "MEX"', 'receiving_country = "GTM"').replace(
        "version = 3", f"version = {version}"
    )


def test_another_country_using_the_same_agreement_id_takes_nothing_over(
    client: Any, world: World, tmp_path: Path
) -> None:
    text = world.agreement.read_text(encoding="utf-8")
    loaded = _load(client, world, "other_receiver", _as_guatemalas(text, 9), tmp_path, "gtm.toml")
    assert loaded.status_code == 201, loaded.text
    listed = client.get(f"{API}/agreements", headers=world.officer.headers).json()["items"]
    assert {(item["id"], item["version"], item["receiving_country"]) for item in listed} == {
        ("USA-MEX", 3, "MEX"),
        ("USA-MEX", 9, "GTM"),
    }
    judged = client.get(f"{API}/requests/{world.create()}/versions/1", headers=world.officer.headers).json()
    assert judged["agreement"] == {"id": "USA-MEX", "version": 3}  # Mexico's requests keep Mexico's agreement


def test_an_agreement_id_loaded_first_by_another_country_does_not_block_its_owner(
    client: Any, world: World, tmp_path: Path
) -> None:
    text = world.agreement.read_text(encoding="utf-8")
    assert _load(client, world, "other_receiver", _as_guatemalas(text, 4), tmp_path, "gtm.toml").status_code == 201
    mexicos_next = text.replace("version = 3", "version = 4")
    loaded = _load(client, world, "receiver", mexicos_next, tmp_path, "mex.toml")
    assert loaded.status_code == 201, loaded.text
    assert (loaded.json()["agreement"]["receiving_country"], loaded.json()["agreement"]["version"]) == ("MEX", 4)


def test_another_senders_agreement_under_the_same_id_is_refused(client: Any, world: World, tmp_path: Path) -> None:
    text = world.agreement.read_text(encoding="utf-8")
    other_sender = text.replace('sending_authority = "USA"', 'sending_authority = "CAN"').replace(
        "version = 3", "version = 9"
    )
    refused = _load(client, world, "receiver", other_sender, tmp_path, "can.toml")
    assert refused.status_code == 403
    assert envelope(refused)["details"]["message_key"] == "service.agreement_id_taken"


# 9. Observer grants.


def _grant(client: Any, world: World, by: str, method: str = "POST", **target: Any) -> Any:
    body = {"observer_organisation": world.organisation_name("outside_observer"), **target}
    return client.request(method, f"{API}/observer-grants", json=body, headers=world[(by, Role.ADMIN)].headers)


def test_an_observer_granted_a_request_without_personal_data_sees_flight_and_counts_only(
    client: Any, world: World
) -> None:
    public_id = world.drive(State.SUBMITTED)
    observer = world[("outside_observer", Role.VIEWER)].headers
    assert client.get(f"{API}/requests/{public_id}", headers=observer).status_code == 404
    granted = _grant(client, world, "receiver", request_id=public_id)
    assert granted.status_code == 201, granted.text
    seen = client.get(f"{API}/requests/{public_id}", headers=observer).json()
    assert seen["flight"]["aircraft"]["registration"] == "N316AC" and seen["safeguards"]["passengers"] == 3
    refused = client.get(f"{API}/requests/{public_id}/versions/1", headers=observer)
    assert refused.status_code == 403
    listed = client.get(f"{API}/requests/{public_id}/observer-grants", headers=world.officer.headers).json()
    per_request = [item for item in listed["items"] if item["request_id"] is not None]
    assert [(item["request_id"], item["personal_data"]) for item in per_request] == [(public_id, False)]
    assert {item["agreement_id"] for item in listed["items"]} == {None, "USA-MEX"}  # the world's own grants too
    assert _grant(client, world, "receiver", "DELETE", request_id=public_id).status_code == 200
    assert client.get(f"{API}/requests/{public_id}", headers=observer).status_code == 404
    actions = [
        e["action"]
        for e in client.get(f"{API}/requests/{public_id}/audit", headers=world.officer.headers).json()["items"]
    ]
    assert "observer_granted" in actions and "observer_withdrawn" in actions


def test_a_grant_per_agreement_covers_only_the_granting_organisations_requests(client: Any, world: World) -> None:
    ours = world.drive(State.SUBMITTED)
    theirs = world.create(content(), caller=world[("other_sender", Role.OFFICER)])
    client.post(f"{API}/requests/{theirs}/submit", headers=world[("other_sender", Role.OFFICER)].headers)
    assert _grant(client, world, "sender", agreement_id="USA-MEX", personal_data=True).status_code == 201
    observer = world[("outside_observer", Role.VIEWER)].headers
    assert client.get(f"{API}/requests/{ours}/versions/1", headers=observer).status_code == 200
    assert client.get(f"{API}/requests/{theirs}", headers=observer).status_code == 404


def test_only_an_admin_of_a_party_gives_grants(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    body = {"observer_organisation": world.organisation_name("outside_observer"), "request_id": public_id}
    officer = client.post(f"{API}/observer-grants", json=body, headers=world.receiving_officer.headers)
    assert officer.status_code == 403
    assert _grant(client, world, "other_receiver", request_id=public_id).status_code == 404
    assert _grant(client, world, "other_receiver", agreement_id="USA-MEX").status_code == 404


# 10. Reading the record.


def test_the_requests_organisations_read_its_audit_and_access_log(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    client.get(f"{API}/requests/{public_id}/versions/1", headers=world.receiving_officer.headers)
    audit = client.get(f"{API}/requests/{public_id}/audit", headers=world.receiving_officer.headers).json()["items"]
    assert [entry["action"] for entry in audit][:2] == ["request_created", "submit"]
    assert all(entry["hash"].startswith("sha256:") for entry in audit)
    log = client.get(f"{API}/requests/{public_id}/access-log", headers=world.officer.headers).json()["items"]
    assert [(entry["version"], entry["user"]) for entry in log] == [(1, "receiver officer")]
    assert (
        client.get(f"{API}/requests/{public_id}/audit", headers=world[("observer", Role.VIEWER)].headers).status_code
        == 403
    )
    assert (
        client.get(
            f"{API}/requests/{public_id}/access-log", headers=world[("other_receiver", Role.ADMIN)].headers
        ).status_code
        == 404
    )


def test_the_receiving_side_reads_no_trace_of_a_draft_in_the_record(client: Any, world: World) -> None:
    body = content()
    public_id = world.create(body)
    client.get(f"{API}/requests/{public_id}/versions/1", headers=world.officer.headers)  # the sender looks at its draft
    saved = client.post(
        f"{API}/requests/{public_id}/versions", json={**body, "based_on_version": 1}, headers=world.officer.headers
    )
    assert saved.status_code == 201
    client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers)
    headers = world.receiving_officer.headers
    audit = client.get(f"{API}/requests/{public_id}/audit", headers=headers).json()["items"]
    assert [(entry["action"], entry["version"]) for entry in audit] == [("version_saved", 2), ("submit", 2)]
    assert client.get(f"{API}/requests/{public_id}/access-log", headers=headers).json()["items"] == []
    own = client.get(f"{API}/requests/{public_id}/audit", headers=world.officer.headers).json()["items"]
    assert own[0]["action"] == "request_created"


def test_a_senders_grant_per_agreement_does_not_reach_another_countrys_agreement_of_the_same_id(
    client: Any, world: World, tmp_path: Path
) -> None:
    assert _grant(client, world, "sender", agreement_id="USA-MEX", personal_data=True).status_code == 201
    text = world.agreement.read_text(encoding="utf-8")
    guatemalas = _as_guatemalas(text, 3).replace('"MMTJ"', '"MGGT"')
    assert _load(client, world, "other_receiver", guatemalas, tmp_path, "gtm.toml").status_code == 201
    to_mexico = world.drive(State.SUBMITTED)
    to_guatemala = world.create(content(airport="MGGT", receiving_country="GTM"))
    submitted = client.post(
        f"{API}/requests/{to_guatemala}/submit",
        json={"justification": "Test flight."},
        headers=world.officer.headers,
    )
    assert submitted.status_code == 200, submitted.text
    seen = client.get(f"{API}/requests/{to_guatemala}/versions/1", headers=world.officer.headers).json()
    assert seen["agreement"] == {"id": "USA-MEX", "version": 3}  # judged by Guatemala's agreement of that id
    observer = world[("outside_observer", Role.VIEWER)].headers
    assert client.get(f"{API}/requests/{to_mexico}", headers=observer).status_code == 200
    assert client.get(f"{API}/requests/{to_guatemala}", headers=observer).status_code == 404


def test_a_grant_naming_an_agreement_id_of_several_countries_is_refused(
    client: Any, world: World, tmp_path: Path
) -> None:
    text = world.agreement.read_text(encoding="utf-8")
    assert _load(client, world, "other_receiver", _as_guatemalas(text, 3), tmp_path, "gtm.toml").status_code == 201
    refused = _grant(client, world, "sender", agreement_id="USA-MEX")
    assert refused.status_code == 422
    assert envelope(refused)["details"]["message_key"] == "service.grant_agreement_ambiguous"
