"""``clearway export`` offline, and ``clearway check`` taking what it wrote: PAXLST, CSV, XLSX and
the template, each read back as the same manifest."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.formats.manifest import read_manifest
from tests.cli.test_bad_input import AGREEMENT, AT, MANIFEST, REQUEST, check, refused
from tests.conftest import SHARED


def export(clearway, tmp_path: Path, kind: str, manifest: Path = MANIFEST, *extra: str):
    target = tmp_path / f"out.{kind}"
    outcome = clearway(
        "export", "--format", kind, "--request", REQUEST, "--manifest", manifest, "--agreement", AGREEMENT,
        "--at", AT, "-o", target, *extra,
    )  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    assert str(target) in outcome.stdout
    return target


def findings(outcome) -> list[tuple[str, int | None]]:
    return [(item["code"], item["seq"]) for item in json.loads(outcome.stdout)["findings"]]


def test_csv_export_checks_exactly_as_the_original(clearway, tmp_path: Path) -> None:
    exported = export(clearway, tmp_path, "csv")
    original = check(clearway, REQUEST, MANIFEST, (AGREEMENT,), "--format", "json")
    again = check(clearway, REQUEST, exported, (AGREEMENT,), "--format", "json")
    assert findings(again) == findings(original) and again.exit_code == original.exit_code


def test_xlsx_export_reads_back_as_the_same_rows(clearway, tmp_path: Path) -> None:
    exported = export(clearway, tmp_path, "xlsx")
    original, back = read_manifest(MANIFEST), read_manifest(exported)
    assert [dict(row.values) for row in back.rows] == [dict(row.values) for row in original.rows]
    book = openpyxl.load_workbook(exported)
    assert len(book.sheetnames) == 4 and book.worksheets[3].sheet_state == "hidden"
    assert book.worksheets[2].cell(1, 1).value == "Code"  # the findings sheet


def test_paxlst_export_is_checked_as_a_manifest_of_the_same_flight(clearway, tmp_path: Path) -> None:
    exported = export(clearway, tmp_path, "paxlst")
    outcome = check(clearway, REQUEST, exported, (AGREEMENT,), "--format", "json")
    codes = {code for code, _ in findings(outcome)}
    assert "AIRCRAFT_IDENT_MISMATCH" not in codes and "MESSAGE_INCONSISTENT" not in codes
    assert len(read_manifest(exported).rows) == len(read_manifest(MANIFEST).rows)
    assert json.loads(outcome.stdout)["rows"] == len(read_manifest(MANIFEST).rows)


def test_paxlst_export_in_parts(clearway, tmp_path: Path) -> None:
    exported = export(clearway, tmp_path, "paxlst", MANIFEST, "--part-size", "10")
    text = exported.read_text(encoding="latin-1")
    assert text.count("UNH+") == 5 and "+01:C'" in text and "+05:F'" in text
    assert len(read_manifest(exported).rows) == len(read_manifest(MANIFEST).rows)


def test_the_template(clearway, tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    outcome = clearway("export", "--template", "-o", target, "--lang", "es")
    assert outcome.exit_code == 0 and "plantilla" in outcome.stdout
    book = openpyxl.load_workbook(target)
    manifest, guide = book.worksheets[0], book.worksheets[1]
    assert [cell.value for cell in manifest[1]] == list(MANIFEST_COLUMNS) and manifest.max_row == 1
    number_column = manifest.column_dimensions["I"]
    assert manifest["I1"].value == "document_number" and number_column.number_format == "@"
    validated = {str(validation.sqref).split(":")[0] for validation in manifest.data_validations.dataValidation}
    assert {"A2", "E2", "F2", "G2", "H2", "J2", "K2", "P2"} <= validated  # seq, sex, dates, codes, escort
    explained = {row[0].value: (row[3].value, row[4].value) for row in guide.iter_rows(min_row=2)}
    assert set(explained) == set(MANIFEST_COLUMNS)
    assert all(english and spanish and english != spanish for english, spanish in explained.values())


def test_the_template_is_what_an_empty_manifest_export_would_be(clearway, tmp_path: Path) -> None:
    target = tmp_path / "template.xlsx"
    clearway("export", "--template", "-o", target)
    sheet = openpyxl.load_workbook(target).worksheets[0]
    sheet.append(["1", "Ajú", "", "María", "F", "1984-06-00", "GTM", "P", "007123", "GTM", "2030-01-01", "", "C-1"])
    filled = tmp_path / "filled.xlsx"
    sheet.parent.save(filled)
    row = read_manifest(filled).rows[0]
    assert (row.get("document_number"), row.get("date_of_birth")) == ("007123", "1984-06-00")


def test_export_without_a_source(clearway) -> None:
    refused(clearway("export", "--format", "csv"), "--request")
    refused(clearway("export", "--format", "csv", "--lang", "es"), "--request")


def test_export_from_files_and_the_database_at_once(clearway) -> None:
    outcome = clearway("export", "--request", REQUEST, "--manifest", MANIFEST, "--user", "a@example.org", "--id", "x")
    refused(outcome, "not both")


def test_check_reads_a_message_for_another_flight(clearway) -> None:
    sample = SHARED / "fixtures" / "external" / "paxlst" / "paxlst-jetway-wco-guide-5.1-single-sector.edi"
    if not sample.is_file():
        import pytest

        pytest.skip(f"{sample} is absent")
    outcome = check(clearway, REQUEST, sample, (AGREEMENT,), "--format", "json")
    assert outcome.exit_code == 1
    found = json.loads(outcome.stdout)["findings"]
    fields = {(item["code"], item["field"]) for item in found if item["scope"] != "passenger"}
    assert ("MESSAGE_INCONSISTENT", "CNT") in fields  # CNT+42:160 for one passenger listed
    assert {("AIRCRAFT_IDENT_MISMATCH", "aircraft.callsign"), ("AIRCRAFT_IDENT_MISMATCH", "legs[0].from")} <= fields


def test_check_refuses_a_crew_list_naming_the_segment(clearway) -> None:
    sample = SHARED / "fixtures" / "external" / "paxlst" / "paxlst-jetway-wco-guide-5.2-crew.edi"
    if not sample.is_file():
        import pytest

        pytest.skip(f"{sample} is absent")
    refused(check(clearway, REQUEST, sample), "Segment 4 (BGM)", "crew list")
    refused(check(clearway, REQUEST, sample, (AGREEMENT,), "--lang", "es"), "El segmento 4 (BGM)", "tripulación")


def test_paxlst_export_takes_the_part_size_setting(clearway, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("CLEARWAY_PAXLST_PART_SIZE", "20")
    exported = export(clearway, tmp_path, "paxlst")
    assert exported.read_text(encoding="latin-1").count("UNH+") == 3  # 47 passengers in parts of 20


def test_export_from_the_database_as_a_user_is_logged(clearway, tmp_path: Path) -> None:
    from sqlalchemy import func, select

    from clearway.domain.workflow import OrgKind, Role
    from clearway.services import people, requests
    from clearway.services.actor import COMMAND_LINE, actor_for
    from clearway.store.db import make_engine, session_scope, upgrade
    from clearway.store.models import AccessLogEntry
    from tests.services.conftest import future_flight

    url = f"sqlite:///{tmp_path / 'clearway.db'}"
    upgrade(url)
    engine = make_engine(url)
    with session_scope(engine) as session:
        sender = people.create_organisation(session, COMMAND_LINE, "US Returns", OrgKind.SENDING, "USA")
        other = people.create_organisation(session, COMMAND_LINE, "Other Sender", OrgKind.SENDING, "USA")
        officer = people.create_user(session, COMMAND_LINE, sender.id, "officer@us.test", "O", Role.OFFICER, "a" * 16)
        people.create_user(session, COMMAND_LINE, other.id, "stranger@other.test", "S", Role.OFFICER, "a" * 16)
        created = requests.create_request(session, actor_for(session, officer.id), future_flight(passengers=4))
        public_id, reference = created.public_id, created.reference

    target = tmp_path / "out.edi"
    by_id = clearway("export", "--db", url, "--user", "officer@us.test", "--id", public_id, "-o", target)
    assert by_id.exit_code == 0, by_id.stderr
    assert len(read_manifest(target).rows) == 4
    by_reference = clearway(
        "export", "--format", "csv", "--db", url, "--user", "officer@us.test",
        "--organisation", "US Returns", "--reference", reference, "--version", "1", "-o", tmp_path / "out.csv",
    )  # fmt: skip
    assert by_reference.exit_code == 0, by_reference.stderr
    with session_scope(engine, read_only=True) as session:
        assert session.scalar(select(func.count()).select_from(AccessLogEntry)) == 2
    # Someone who may not see the request is told it does not exist, as the API would.
    refused(clearway("export", "--db", url, "--user", "stranger@other.test", "--id", public_id), public_id)
    refused(clearway("export", "--db", url, "--user", "nobody@us.test", "--id", public_id), "nobody@us.test")
    engine.dispose()


def test_pdf_export_offline_is_the_annex9_paperwork_not_cleared(clearway, tmp_path: Path, monkeypatch) -> None:
    from clearway.formats.request import read_request
    from tests.pdf_reading import page_texts, qr_codes

    exported = export(clearway, tmp_path, "pdf")
    pdf = exported.read_bytes()
    pages = page_texts(pdf)
    assert "GENERAL DECLARATION / DECLARACIÓN GENERAL" in pages[0]
    assert "PASSENGER MANIFEST / MANIFIESTO DE PASAJEROS" in pages[-1]
    assert all("not cleared / sin autorización" in page for page in pages)
    assert qr_codes(pdf, 0) == []
    listed = " ".join(pages)
    for row in read_manifest(MANIFEST).rows:
        assert row.get("given_names") in listed
    # Without -o it takes the API's file name.
    monkeypatch.chdir(tmp_path)
    reference = read_request(REQUEST).reference
    outcome = clearway("export", "--format", "pdf", "--request", REQUEST, "--manifest", MANIFEST, "--version", "2")
    assert outcome.exit_code == 0, outcome.stderr
    safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in reference)
    assert (tmp_path / f"annex9-{safe}-v2.pdf").read_bytes().startswith(b"%PDF")


def test_pdf_export_from_the_database_carries_the_clearance_that_verifies(
    clearway, tmp_path: Path, monkeypatch
) -> None:
    from importlib.resources import as_file, files

    from sqlalchemy import func, select

    from clearway.domain.clearance_qr import unpack
    from clearway.domain.workflow import Action, OrgKind, Role
    from clearway.services import agreements, people, requests, workflow
    from clearway.services.actor import SystemActor, actor_for
    from clearway.services.clearances import verify_online
    from clearway.settings import DEVELOPMENT_SECRET_KEY
    from clearway.store.db import make_engine, session_scope, upgrade
    from clearway.store.models import AccessLogEntry
    from tests.pdf_reading import page_texts, qr_codes
    from tests.services.conftest import future_flight

    url = f"sqlite:///{tmp_path / 'clearway.db'}"
    upgrade(url)
    engine = make_engine(url)
    secret = "a-real-secret-for-this-test-0123456789abcdef"
    with session_scope(engine) as session:
        operator = SystemActor("tests")
        sender = people.create_organisation(session, operator, "US Returns", OrgKind.SENDING, "USA")
        receiver = people.create_organisation(session, operator, "INM", OrgKind.RECEIVING, "MEX")
        officer = people.create_user(session, operator, sender.id, "officer@us.test", "O", Role.OFFICER, "a" * 16)
        reviewer = people.create_user(session, operator, receiver.id, "officer@mx.test", "R", Role.OFFICER, "a" * 16)
        with as_file(files("clearway") / "demo_data" / "agreement-usa-mex-v4.toml") as path:
            agreements.load_agreement_file(session, operator, path)
        created = requests.create_request(session, actor_for(session, officer.id), future_flight(passengers=4))
        workflow.submit(session, actor_for(session, officer.id), created.public_id)
        decided = workflow.decide(
            session,
            actor_for(session, reviewer.id),
            created.public_id,
            workflow.DecisionInput(Action.APPROVE),
            secret=secret,
        )
        public_id, number, token = created.public_id, decided["clearance"]["number"], decided["clearance"]["token"]

    monkeypatch.setenv("CLEARWAY_SECRET_KEY", secret)
    target = tmp_path / "annex9.pdf"
    outcome = clearway("export", "--format", "pdf", "--db", url, "--user", "officer@us.test", "--id", public_id,
                       "-o", target)  # fmt: skip
    assert outcome.exit_code == 0, outcome.stderr
    pdf = target.read_bytes()
    pages = page_texts(pdf)
    assert all(number in page for page in pages)
    (scanned,) = qr_codes(pdf, 0)
    assert unpack(scanned) == token
    with session_scope(engine, read_only=True) as session:
        assert verify_online(session, scanned, secret).status == "current"
        assert session.scalar(select(func.count()).select_from(AccessLogEntry)) == 1  # the view is logged
    # Under another secret the key set is not endorsed: the paper carries no clearance rather than a false one.
    monkeypatch.setenv("CLEARWAY_SECRET_KEY", DEVELOPMENT_SECRET_KEY)
    again = clearway("export", "--format", "pdf", "--db", url, "--user", "officer@us.test", "--id", public_id,
                     "-o", target)  # fmt: skip
    assert again.exit_code == 0, again.stderr
    assert qr_codes(target.read_bytes(), 0) == []
    refused(clearway("export", "--format", "pdf", "--db", url, "--user", "nobody@us.test", "--id", public_id),
            "nobody@us.test")  # fmt: skip
    engine.dispose()
