"""The service screens every new or amended manifest against the organisation's current
hold list, with the same matcher as ``clearway check``."""

from dataclasses import replace
from pathlib import Path

from clearway.domain.snapshot import Passenger
from clearway.services import requests
from clearway.services.precheck import finding_message
from clearway.store.holds import import_hold_list
from tests.factories import row_values
from tests.services.conftest import future_flight

HEADER = "hold_ref,surname,second_surname,given_names,date_of_birth,nationality,hold_type,until\n"


def holds_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "holds.csv"
    path.write_text(HEADER + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def codes(version) -> list[tuple[str, int | None]]:
    return [(item["code"], item["seq"]) for item in version.findings if item["severity"] != "info"]


def test_a_new_manifest_is_screened_against_the_current_list(world, tmp_path) -> None:
    held = row_values(2)
    path = holds_file(tmp_path, f"H-1,HERNANDEZ,Reyes,Tomas Ignacio,{held['date_of_birth']},MEX,court_order,")
    import_hold_list(world.session, world.orgs["usa"], path)
    created = requests.create_request(world.session, world.actor("usa"), future_flight())
    version = requests.current_version(world.session, created)
    assert codes(version) == [("LEGAL_HOLD_MATCH", 2)]
    finding = next(item for item in version.findings if item["code"] == "LEGAL_HOLD_MATCH")
    assert finding["details"]["hold_ref"] == "H-1"
    assert "H-1" in finding_message(finding, "en") and "H-1" in finding_message(finding, "es")


def test_an_amended_manifest_is_screened_again(world, tmp_path) -> None:
    created = requests.create_request(world.session, world.actor("usa"), future_flight())
    newcomer = row_values(4, surname="Coyoy", second_surname="", given_names="Lucía", date_of_birth="1967-02-06")
    path = holds_file(tmp_path, "H-9,Coyoy,,Lucia,1967-02-06,SLV,stay_of_removal,")
    import_hold_list(world.session, world.orgs["usa"], path)
    amended = future_flight(passengers=3)
    amended = replace(amended, passengers=(*amended.passengers, Passenger.from_values(newcomer)))
    amended = replace(
        amended, flight=replace(amended.flight, people=replace(amended.flight.people, declared_passengers=4))
    )
    _, version, _ = requests.save_edit(world.session, world.actor("usa"), created.public_id, 1, amended)
    assert ("LEGAL_HOLD_MATCH", 4) in codes(version)


def test_an_expired_hold_or_another_organisations_list_does_not_apply(world, tmp_path) -> None:
    held = row_values(1)
    expired = f"H-2,Hernández,Reyes,Tomás,{held['date_of_birth']},MEX,pending_appeal,2020-01-01"
    import_hold_list(world.session, world.orgs["usa"], holds_file(tmp_path, expired))
    open_ended = tmp_path / "other"
    open_ended.mkdir()
    other = holds_file(open_ended, f"H-3,Hernández,Reyes,Tomás,{held['date_of_birth']},MEX,court_order,")
    import_hold_list(world.session, world.orgs["usa2"], other)
    created = requests.create_request(world.session, world.actor("usa"), future_flight())
    assert codes(requests.current_version(world.session, created)) == []


def test_a_manifest_read_from_paxlst_is_screened_like_the_written_one(world, tmp_path) -> None:
    from clearway.domain.snapshot import snapshot_from
    from tests.factories import people
    from tests.factories.paxlst import paxlst_text, read_text

    flight = future_flight().flight
    rows = [
        row_values(1, surname="Argüello", second_surname="", given_names="María José", document_expiry="2033-01-01"),
        row_values(2, surname="O'Brien", second_surname="Núñez", given_names="Seán", document_expiry="2033-01-01"),
        row_values(3, surname="Øvergård", second_surname="", given_names="Åse", document_expiry="2033-01-01"),
    ]
    holds = holds_file(
        tmp_path,
        f"H-1,Argüello,,María,{rows[0]['date_of_birth']},MEX,court_order,",
        f"H-2,O’Brien,,Seán,{rows[1]['date_of_birth']},MEX,court_order,",
        f"H-3,ØVERGÅRD,,ÅSE,{rows[2]['date_of_birth']},MEX,court_order,",
    )
    import_hold_list(world.session, world.orgs["usa"], holds)
    message = read_text(paxlst_text(flight=flight, manifest=people(*rows)))
    assert [row.get("surname") for row in message.rows] == ["ARGUEELLO", "OBRIEN NUNEZ", "OEVERGAARD"]
    created = requests.create_request(world.session, world.actor("usa"), snapshot_from(flight, message))
    version = requests.current_version(world.session, created)
    held = sorted((item["seq"], item["details"]["hold_ref"]) for item in version.findings
                  if item["code"] == "LEGAL_HOLD_MATCH")  # fmt: skip
    assert held == [(1, "H-1"), (2, "H-2"), (3, "H-3")]
