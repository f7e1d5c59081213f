"""Downloads of a version (PAXLST, CSV, XLSX): the same access as the version view, written to
the access log, and a file that reads back as the manifest."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from clearway.domain.workflow import Role
from clearway.formats.manifest import read_manifest
from tests.api.conftest import envelope
from tests.api.support import API, World, content
from tests.api.test_features import access_log_size


def export(client: Any, world: World, public_id: str, kind: str, caller: Any = None) -> Any:
    return client.get(
        f"{API}/requests/{public_id}/versions/1/export",
        params={"format": kind},
        headers=(caller or world.officer).headers,
    )


@pytest.mark.parametrize(
    ("kind", "media_type", "suffix"),
    [
        ("paxlst", "application/edifact", ".edi"),
        ("csv", "text/csv", ".csv"),
        ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    ],
)
def test_a_download_reads_back_as_the_manifest(
    client: Any, world: World, tmp_path: Path, kind: str, media_type: str, suffix: str
) -> None:
    body = content()
    public_id = world.create(body)
    logged = access_log_size(world)
    response = export(client, world, public_id, kind)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(media_type)
    assert response.headers["content-disposition"].endswith(f'-v1{suffix}"')
    assert access_log_size(world) == logged + 1  # the manifest's personal data was seen
    path = tmp_path / f"download{suffix}"
    path.write_bytes(response.content)
    rows = read_manifest(path).rows
    assert [row.get("case_ref") for row in rows] == [row["case_ref"] for row in body["passengers"]]


def test_the_findings_as_csv(client: Any, world: World) -> None:
    public_id = world.create(content(passengers=[{**content()["passengers"][0], "sex": "Q"}]))
    response = export(client, world, public_id, "findings-csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0] == "code,severity,scope,seq,field,message_en,message_es,details"
    assert any(line.startswith("FIELD_FORMAT_INVALID,error,passenger,1,sex,") for line in lines[1:])


def test_an_unknown_format_is_refused_in_the_envelope(client: Any, world: World) -> None:
    response = export(client, world, world.create(), "pdfx")
    assert response.status_code == 422 and envelope(response)["code"]


def test_a_caller_who_may_not_see_the_request_gets_not_found(client: Any, world: World) -> None:
    public_id = world.create()  # a draft: the receiving side does not see it yet
    response = export(client, world, public_id, "csv", world.receiving_officer)
    assert response.status_code == 404
    other = export(client, world, public_id, "csv", world[("other_sender", Role.OFFICER)])
    assert other.status_code == 404


def test_the_xlsx_template_needs_no_sign_in(client: Any) -> None:
    import openpyxl  # type: ignore[import-untyped]

    response = client.get(f"{API}/manifest-template.xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [cell.value for cell in book.worksheets[0][1]][:3] == ["seq", "surname", "second_surname"]


def test_a_paxlst_download_uploads_again_as_a_manifest(client: Any, world: World) -> None:
    import json

    body = content()
    public_id = world.create(body)
    message = export(client, world, public_id, "paxlst").content
    flight = {**body["flight"], "reference": body["flight"]["reference"] + "-P"}

    def upload(data: bytes, reference: str) -> Any:
        files = {
            "flight": ("request.json", json.dumps({**flight, "reference": reference}).encode(), "application/json"),
            "manifest": ("manifest.edi", data, "application/octet-stream"),
        }
        return client.post(f"{API}/requests", files=files, headers=world.officer.headers)

    def codes(created: Any) -> set[str]:
        version = client.get(f"{API}/requests/{created.json()['id']}/versions/1", headers=world.officer.headers)
        return {item["code"] for item in version.json()["findings"]}

    clean = upload(message, flight["reference"])
    assert clean.status_code == 201, clean.text
    assert not {"MESSAGE_INCONSISTENT", "AIRCRAFT_IDENT_MISMATCH"} & codes(clean)
    miscounted = upload(message.replace(b"CNT+42:3'", b"CNT+42:4'"), flight["reference"] + "-2")
    assert "MESSAGE_INCONSISTENT" in codes(miscounted)
    crew = upload(message.replace(b"BGM+745'", b"BGM+250'"), flight["reference"] + "-3")
    assert crew.status_code == 422 and "Segment 4 (BGM)" in envelope(crew)["message"]
