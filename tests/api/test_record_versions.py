"""The shared record's versions: addressing fixed at creation, materiality against the version
last decided on, no draft shown to the receiving side, personal data only on the logged view,
content as files, and findings rendered in the reader's language (issue: the shared record holds)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from typing import Any

import openpyxl
import pytest

from clearway.domain.workflow import OrgKind, Role, State
from clearway.services import people
from clearway.store.db import session_scope
from clearway.store.models import RequestVersion
from tests.api.conftest import envelope
from tests.api.support import API, OPERATOR, World, arrival_at, content, day, rows


def _version(client: Any, world: World, public_id: str, number: int, headers: dict[str, str] | None = None) -> Any:
    return client.get(f"{API}/requests/{public_id}/versions/{number}", headers=headers or world.officer.headers)


def _save(client: Any, world: World, public_id: str, body: dict[str, Any], based_on: int, **extra: Any) -> Any:
    sent = {**body, "based_on_version": based_on, **extra}
    return client.post(f"{API}/requests/{public_id}/versions", json=sent, headers=world.officer.headers)


def _without_last(body: dict[str, Any]) -> dict[str, Any]:
    """The body with its last passenger removed (and the declared count following)."""
    fewer = json.loads(json.dumps(body))
    fewer["passengers"] = fewer["passengers"][:-1]
    fewer["flight"]["people"]["declared_passengers"] = len(fewer["passengers"])
    return fewer


def _moved(body: dict[str, Any], minutes: int) -> dict[str, Any]:
    moved = json.loads(json.dumps(body))
    for leg in moved["flight"]["legs"]:
        for key in ("departure", "arrival"):
            moment = datetime.fromisoformat(leg[key].replace("Z", "+00:00")) + timedelta(minutes=minutes)
            leg[key] = moment.isoformat().replace("+00:00", "Z")
    return moved


# 1. Addressing is fixed at creation.


@pytest.mark.parametrize("state", [State.DRAFT, State.APPROVED])
@pytest.mark.parametrize(("field", "value"), [("receiving_country", "GTM"), ("sending_authority", "CAN")])
def test_a_version_cannot_readdress_the_request(
    client: Any, world: World, state: State, field: str, value: str
) -> None:
    body = content()
    public_id = world.drive(state, body)
    readdressed = json.loads(json.dumps(body))
    readdressed["flight"][field] = value
    refused = _save(client, world, public_id, readdressed, 1)
    assert refused.status_code == 422, refused.text
    assert envelope(refused)["details"]["field"] == f"flight.{field}"
    assert world.state_of(public_id) is state
    assert client.get(f"{API}/requests/{public_id}", headers=world.officer.headers).json()["current_version"] == 1


def test_a_sending_organisation_without_a_country_creates_no_request(client: Any, world: World) -> None:
    with session_scope(world.engine) as session:
        stateless = people.create_organisation(session, OPERATOR, "Countryless sender", OrgKind.SENDING)
        user = people.create_user(session, OPERATOR, stateless.id, "o@countryless.test", "O", Role.OFFICER, "a" * 16)
        token = people.create_token(session, user, "t", actor=OPERATOR).secret
    refused = client.post(f"{API}/requests", json=content(), headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 403
    assert envelope(refused)["details"]["message_key"] == "service.sender_without_country"


def test_a_sender_of_another_country_is_refused_naming_the_field(client: Any, world: World) -> None:
    refused = client.post(f"{API}/requests", json=content(), headers=world[("foreign_sender", Role.OFFICER)].headers)
    assert refused.status_code == 422
    assert envelope(refused)["details"]["field"] == "flight.sending_authority"


# 2. Materiality against the version last decided on.


def test_small_moves_add_up_against_the_version_decided_on(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.APPROVED, body)
    first = _save(client, world, public_id, _moved(body, 55), 1)
    assert first.json()["material_reasons"] == [] and world.state_of(public_id) is State.APPROVED
    second = _save(client, world, public_id, _moved(body, 110), 2)
    assert second.status_code == 201, second.text
    assert any("arrival moved 110" in reason for reason in second.json()["material_reasons"])
    assert world.state_of(public_id) is State.SUBMITTED
    seen = client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()
    assert seen["clearance"]["status"] == "superseded" and seen["last_decided_version"] == 1


def test_an_amendment_bringing_new_errors_is_material_and_passes_the_submission_gate(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.APPROVED, body)
    crowded = json.loads(json.dumps(body))
    crowded["flight"]["people"]["crew"] = 200  # more people than seats: SEATS_EXCEEDED
    refused = _save(client, world, public_id, crowded, 1)
    assert refused.status_code == 409
    assert "SEATS_EXCEEDED" in envelope(refused)["details"]["codes"]
    assert world.state_of(public_id) is State.APPROVED
    justified = _save(client, world, public_id, crowded, 1, justification="Crew rest: two aircraft crews.")
    assert justified.status_code == 201, justified.text
    assert "new pre-check error: SEATS_EXCEEDED" in justified.json()["material_reasons"]
    assert world.state_of(public_id) is State.SUBMITTED
    seen = client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()
    assert seen["version"]["override_justification"] == "Crew rest: two aircraft crews."


def test_the_review_diff_is_against_the_version_last_decided_on(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.APPROVED, body)
    _save(client, world, public_id, _moved(body, 30), 1)
    _save(client, world, public_id, _moved(body, 45), 2)
    diff = client.get(f"{API}/requests/{public_id}/diff", headers=world.receiving_officer.headers).json()
    assert (diff["from"], diff["to"]) == (1, 3)
    assert any(change["path"] == "legs[0].arrival" for change in diff["flight_changes"])


# 3. The receiving side never sees a version that was never submitted.


def test_a_draft_before_submission_is_never_shown_to_the_receiving_side_or_observers(client: Any, world: World) -> None:
    body = content()
    public_id = world.create(body)
    removed = _without_last(body)  # seq 3 removed before submitting (a stay of removal, say)
    assert _save(client, world, public_id, removed, 1).status_code == 201
    assert client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers).status_code == 200
    removed_name = body["passengers"][2]["surname"]
    for org in ("receiver", "observer"):
        headers = world[(org, Role.OFFICER)].headers
        assert _version(client, world, public_id, 1, headers).status_code == 404
        assert _version(client, world, public_id, 2, headers).status_code == 200
        listed = client.get(f"{API}/requests/{public_id}/versions", headers=headers).json()["items"]
        assert [item["number"] for item in listed] == [2]
        diff = client.get(f"{API}/requests/{public_id}/diff", params={"from": 1, "to": 2}, headers=headers)
        assert diff.status_code == 404 and removed_name not in diff.text
    assert _version(client, world, public_id, 1).status_code == 200  # the sender sees its own drafts


def test_a_version_saved_after_a_request_for_information_is_shown_once_resubmitted(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.INFO_REQUESTED, body)
    assert _save(client, world, public_id, _without_last(body), 1).status_code == 201
    headers = world.receiving_officer.headers
    seen = client.get(f"{API}/requests/{public_id}", headers=headers).json()
    assert (seen["current_version"], seen["version"]["number"], seen["version"]["passenger_count"]) == (1, 1, 3)
    assert _version(client, world, public_id, 2, headers).status_code == 404
    assert client.post(f"{API}/requests/{public_id}/submit", headers=world.officer.headers).status_code == 200
    assert client.get(f"{API}/requests/{public_id}", headers=headers).json()["current_version"] == 2
    assert _version(client, world, public_id, 2, headers).status_code == 200


# 4. No personal data without an access-log entry.


def test_the_request_shows_passenger_findings_as_code_and_seq_only(client: Any, world: World) -> None:
    table = rows()
    table[1]["medical_escort"] = "Y"  # MEDICAL_DETAILS_MISSING (a warning) for seq 2
    public_id = world.drive(State.SUBMITTED, content(passengers=table))
    before = world.access_log_count()
    detail = client.get(f"{API}/requests/{public_id}", headers=world.receiving_officer.headers).json()
    private = [item for item in detail["findings"] if item["scope"] == "passenger"]
    assert private and all(item["message"] is None and item["details"] == {} for item in private)
    assert {item["seq"] for item in private} == {2}
    assert world.access_log_count() == before
    full = _version(client, world, public_id, 1, world.receiving_officer.headers).json()
    assert all(item["message"] for item in full["findings"] if item["scope"] == "passenger")
    assert world.access_log_count() == before + 1


# 7. Manifest files through the API.


def _csv(table: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(table[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    return out.getvalue().encode("utf-8")


def _xlsx(table: list[dict[str, Any]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(list(table[0]))
    for row in table:
        sheet.append([str(value) for value in row.values()])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize(("name", "encode"), [("manifest.csv", _csv), ("manifest.xlsx", _xlsx)])
def test_a_request_is_created_from_a_request_file_and_a_manifest_file(
    client: Any, world: World, name: str, encode: Any
) -> None:
    body = content()
    files = {
        "flight": ("request.json", json.dumps(body["flight"]).encode(), "application/json"),
        "manifest": (name, encode(body["passengers"]), "application/octet-stream"),
    }
    created = client.post(f"{API}/requests", files=files, headers=world.officer.headers)
    assert created.status_code == 201, created.text
    from_json = world.create(content(reference=body["flight"]["reference"] + "-J", passengers=body["passengers"]))
    with session_scope(world.engine, read_only=True) as session:
        hashes = {
            row.manifest_hash
            for row in session.query(RequestVersion).join(RequestVersion.request).all()
            if row.request.public_id in (created.json()["id"], from_json)
        }
    assert len(hashes) == 1  # the same manifest, read from a file or from JSON


def test_a_new_version_from_files_names_its_base_and_refuses_a_bad_manifest(client: Any, world: World) -> None:
    body = content()
    public_id = world.create(body)
    flight = ("request.json", json.dumps(body["flight"]).encode(), "application/json")
    good = {"flight": flight, "manifest": ("m.csv", _csv(body["passengers"][:2]), "text/csv")}
    saved = client.post(
        f"{API}/requests/{public_id}/versions",
        files=good,
        data={"based_on_version": "1"},
        headers=world.officer.headers,
    )
    assert saved.status_code == 201, saved.text
    assert saved.json()["version"]["passenger_count"] == 2
    empty = {"flight": flight, "manifest": ("m.csv", b"", "text/csv")}
    refused = client.post(
        f"{API}/requests/{public_id}/versions",
        files=empty,
        data={"based_on_version": "2"},
        headers=world.officer.headers,
    )
    assert refused.status_code == 422 and "m.csv" in refused.text
    unbased = client.post(f"{API}/requests/{public_id}/versions", files=good, headers=world.officer.headers)
    assert envelope(unbased)["details"]["field"] == "based_on_version"


def test_a_version_document_posted_back_as_it_is_gives_the_same_content(client: Any, world: World) -> None:
    table = rows()
    table[0]["badge"] = "B-17"  # an unknown column, kept verbatim
    body = content(passengers=table)
    body["flight"]["remarks"] = "none"  # an unknown key
    public_id = world.create(body)
    assert _save(client, world, public_id, body, 1).status_code == 201
    document = _version(client, world, public_id, 2).json()
    posted = client.post(f"{API}/requests/{public_id}/versions", json=document, headers=world.officer.headers)
    assert posted.status_code == 201, posted.text
    again = _version(client, world, public_id, 3).json()
    assert (again["flight"], again["passengers"]) == (document["flight"], document["passengers"])
    assert again["manifest_hash"] == document["manifest_hash"] and again["based_on_version"] == 2


# Findings are stored as codes and rendered in the reader's language when read.


def test_findings_are_stored_without_sentences_and_rendered_when_read(
    client: Any, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    body = content()
    body["flight"]["people"]["monitors"] = 0
    public_id = world.create(body)
    with session_scope(world.engine, read_only=True) as session:
        stored = session.query(RequestVersion).join(RequestVersion.request).all()[-1].findings
    assert stored and all("message" not in item and "message_key" in item for item in stored)
    from clearway.i18n import catalogue

    corrected = {**catalogue()["MONITOR_MISSING"], "es": "Corregido: falta un observador."}
    monkeypatch.setitem(catalogue(), "MONITOR_MISSING", corrected)
    seen = client.get(f"{API}/requests/{public_id}", headers={**world.officer.headers, "Accept-Language": "es"})
    finding = next(item for item in seen.json()["findings"] if item["code"] == "MONITOR_MISSING")
    assert finding["message"] == "Corregido: falta un observador."


def test_an_error_that_time_alone_brings_does_not_make_an_amendment_material(client: Any, world: World) -> None:
    body = content(arrival=arrival_at(day(2)))  # inside the 72-hour lead time: LEAD_TIME_SHORT
    public_id = world.create(body)
    submitted = client.post(
        f"{API}/requests/{public_id}/submit",
        json={"justification": "Court-ordered date."},
        headers=world.officer.headers,
    )
    assert submitted.status_code == 200, submitted.text
    approve = {"action": "approve"}
    client.post(f"{API}/requests/{public_id}/decision", json=approve, headers=world.receiving_officer.headers)
    removed = _save(client, world, public_id, _without_last(body), 1)  # a stay of removal, late
    assert removed.status_code == 201, removed.text
    assert removed.json()["material_reasons"] == [] and world.state_of(public_id) is State.APPROVED
