"""GET .../versions/{n}/annex9.pdf: the paperwork of a version, for whoever may read its manifest."""

from __future__ import annotations

from typing import Any

from clearway.domain.clearance_qr import unpack
from clearway.domain.workflow import State
from tests.api.support import API, World, content
from tests.api.test_features import access_log_size
from tests.pdf_reading import page_texts, qr_codes

VERIFY = f"{API}/clearances/verify"


def annex9(public_id: str, number: int) -> str:
    return f"{API}/requests/{public_id}/versions/{number}/annex9.pdf"


def current_token(client: Any, world: World, public_id: str) -> str:
    seen = client.get(f"{API}/requests/{public_id}", headers=world.officer.headers).json()
    return str(seen["clearance"]["token"])


def test_the_pdf_of_an_approved_version_carries_its_clearance_in_a_qr_code_that_verifies(
    client: Any, world: World
) -> None:
    public_id = world.drive(State.APPROVED_RESTRICTED)  # seq 2 excluded
    response = client.get(annex9(public_id, 1), headers=world.receiving_officer.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["content-disposition"].startswith('attachment; filename="annex9-RF-API-')
    (scanned,) = qr_codes(response.content, 0)
    assert unpack(scanned) == current_token(client, world, public_id)
    verdict = client.post(VERIFY, json={"token": scanned}).json()  # the API takes what the QR code holds
    # genuine and current; "valid" waits for the validity window, which opens a week before the arrival
    assert (verdict["genuine"], verdict["status"], verdict["claims"]["rx"]["ex"]) == (True, "current", [2])
    manifest = page_texts(response.content)[-1]
    assert "✗ EXCLUDED / EXCLUIDO" in manifest


def test_reading_the_pdf_is_written_to_the_access_log(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    before = access_log_size(world)
    assert client.get(annex9(public_id, 1), headers=world.officer.headers).status_code == 200
    assert access_log_size(world) == before + 1


def test_a_non_material_amendment_prints_the_clearance_of_the_version_decided_on(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.APPROVED, body)
    amended = {**body, "based_on_version": 1, "passengers": body["passengers"][:2]}  # a passenger removed
    amended["flight"] = {**body["flight"], "people": {**body["flight"]["people"], "declared_passengers": 2}}
    saved = client.post(f"{API}/requests/{public_id}/versions", json=amended, headers=world.officer.headers)
    assert (saved.status_code, saved.json()["request"]["state"]) == (201, "approved")
    pdf = client.get(annex9(public_id, 2), headers=world.officer.headers).content
    pages = page_texts(pdf)
    assert "Cleared for version 1 / Autorizado para la versión 1" in pages[0]
    assert "version 2 / Solicitud" in pages[0]
    assert unpack(qr_codes(pdf, 0)[0]) == current_token(client, world, public_id)


def test_a_version_without_a_current_clearance_prints_not_cleared(client: Any, world: World) -> None:
    body = content()
    public_id = world.drive(State.APPROVED, body)
    amended = {**body, "based_on_version": 1}
    amended["flight"] = {**body["flight"], "aircraft": {**body["flight"]["aircraft"], "callsign": "EXA999"}}
    assert (
        client.post(f"{API}/requests/{public_id}/versions", json=amended, headers=world.officer.headers).json()[
            "request"
        ]["state"]
        == "submitted"
    )  # a material amendment: the clearance is superseded
    for number in (1, 2):
        pdf = client.get(annex9(public_id, number), headers=world.officer.headers).content
        assert "NOT CLEARED" in page_texts(pdf)[0] and qr_codes(pdf, 0) == []


def test_a_version_that_does_not_exist_is_not_found(client: Any, world: World) -> None:
    # Who may read the PDF at all (every role of every organisation) is checked with every route in test_access.py.
    public_id = world.drive(State.SUBMITTED)
    missing = client.get(annex9(public_id, 9), headers=world.officer.headers)
    assert (missing.status_code, missing.json()["error"]["details"]["message_key"]) == (
        404,
        "service.version_not_found",
    )
