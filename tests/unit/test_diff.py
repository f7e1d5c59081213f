"""Two versions compare field by field: flight paths as in the request file, passengers by seq."""

import json
from dataclasses import replace
from datetime import UTC, datetime

from clearway.domain.diff import FieldChange, PassengerChange, diff_versions
from clearway.domain.snapshot import Passenger, RequestSnapshot
from tests.factories import leg, request
from tests.factories.versions import (
    plus_passenger,
    snapshot,
    with_aircraft,
    with_flight,
    with_leg,
    with_passenger,
    with_people,
    without_passenger,
)

BASE = snapshot()


def test_a_version_compared_with_itself_is_empty() -> None:
    diff = diff_versions(BASE, BASE)
    assert diff.is_empty
    assert diff.to_document() == {
        "flight_changes": [],
        "passengers_added": [],
        "passengers_removed": [],
        "passengers_changed": [],
    }


def test_aircraft_field_is_named_by_its_dotted_path() -> None:
    diff = diff_versions(BASE, with_aircraft(BASE, registration="N317AC"))
    assert diff.flight_changes == [FieldChange("aircraft.registration", "N316AC", "N317AC")]
    assert not diff.is_empty


def test_people_count_is_named_by_its_dotted_path() -> None:
    diff = diff_versions(BASE, with_people(BASE, escorts=18))
    assert diff.flight_changes == [FieldChange("people.escorts", 16, 18)]


def test_top_level_field_is_named_by_its_key() -> None:
    diff = diff_versions(BASE, with_flight(BASE, operator="Other Air"))
    assert diff.flight_changes == [FieldChange("operator", "Example Air Charter", "Other Air")]


def test_submitted_at_appears_as_iso_utc() -> None:
    diff = diff_versions(BASE, with_flight(BASE, submitted_at=datetime(2025, 1, 15, 18, 0, tzinfo=UTC)))
    assert diff.flight_changes == [FieldChange("submitted_at", None, "2025-01-15T18:00:00Z")]


def test_leg_field_is_named_by_position_with_file_keys() -> None:
    two_legs = with_flight(BASE, legs=(leg(), leg("MMTJ", "MMMX", "2025-01-22T02:00:00Z", "2025-01-22T05:00:00Z")))
    moved = with_leg(two_legs, 1, arrival=datetime(2025, 1, 22, 6, 15, tzinfo=UTC), origin="MMTJ")
    assert diff_versions(two_legs, moved).flight_changes == [
        FieldChange("legs[1].arrival", "2025-01-22T05:00:00Z", "2025-01-22T06:15:00Z")
    ]


def test_leg_airport_uses_the_file_key_from_and_to() -> None:
    diff = diff_versions(BASE, with_leg(BASE, 0, destination="MMMX"))
    assert diff.flight_changes == [FieldChange("legs[0].to", "MMTJ", "MMMX")]


def test_a_leg_added_is_a_change_of_the_whole_leg_from_none() -> None:
    extra_leg = leg("MMTJ", "MMMX", "2025-01-22T02:00:00Z", "2025-01-22T05:00:00Z")
    diff = diff_versions(BASE, with_flight(BASE, legs=(*BASE.flight.legs, extra_leg)))
    assert diff.flight_changes == [
        FieldChange(
            "legs[1]",
            None,
            {"from": "MMTJ", "to": "MMMX", "departure": "2025-01-22T02:00:00Z", "arrival": "2025-01-22T05:00:00Z"},
        )
    ]


def test_a_leg_removed_is_a_change_of_the_whole_leg_to_none() -> None:
    two_legs = with_flight(BASE, legs=(leg(), leg("MMTJ", "MMMX")))
    [change] = diff_versions(two_legs, BASE).flight_changes
    assert (change.path, change.new) == ("legs[1]", None)
    assert isinstance(change.old, dict)
    assert change.old["to"] == "MMMX"


def test_unknown_request_keys_are_not_a_change_of_the_flight() -> None:
    assert diff_versions(BASE, with_flight(BASE, unknown_keys=("aircraft.colour",))).is_empty


def test_passenger_added_by_seq() -> None:
    diff = diff_versions(BASE, plus_passenger(BASE, 12))
    assert diff.passengers_added == ["12"]
    assert diff.passengers_removed == diff.passengers_changed == []


def test_passenger_removed_by_seq() -> None:
    diff = diff_versions(BASE, without_passenger(BASE, "2"))
    assert diff.passengers_removed == ["2"]
    assert diff.passengers_added == []


def test_passenger_changed_field_by_field() -> None:
    diff = diff_versions(BASE, with_passenger(BASE, "3", date_of_birth="1977-05-24", notes="vegetarian"))
    assert diff.passengers_changed == [
        PassengerChange(
            "3",
            [FieldChange("date_of_birth", "1977-05-23", "1977-05-24"), FieldChange("notes", "", "vegetarian")],
        )
    ]


def test_unknown_column_changes_are_named_extra() -> None:
    before = with_passenger(BASE, "1", extra={"tag": "A", "gone": "x"})
    after = with_passenger(BASE, "1", extra={"tag": "B", "new": "y"})
    [change] = diff_versions(before, after).passengers_changed
    assert change.changes == [
        FieldChange("extra.tag", "A", "B"),
        FieldChange("extra.gone", "x", None),
        FieldChange("extra.new", None, "y"),
    ]


def test_row_order_is_not_a_change() -> None:
    assert diff_versions(BASE, replace(BASE, passengers=BASE.passengers[::-1])).is_empty


def test_a_seq_rewritten_with_leading_zeros_is_the_same_passenger() -> None:
    diff = diff_versions(BASE, with_passenger(BASE, "2", seq="002"))
    assert diff.passengers_added == diff.passengers_removed == []
    assert diff.passengers_changed == [PassengerChange("2", [FieldChange("seq", "2", "002")])]


def test_seqs_are_listed_in_numeric_order() -> None:
    grown = plus_passenger(plus_passenger(BASE, 10), 9)
    assert diff_versions(BASE, grown).passengers_added == ["9", "10"]


def test_rows_sharing_a_seq_are_paired_in_manifest_order() -> None:
    twins = RequestSnapshot(request(), (Passenger(seq="4", surname="A"), Passenger(seq="4", surname="B")))
    changed = replace(twins, passengers=(Passenger(seq="4", surname="A"), Passenger(seq="4", surname="C")))
    diff = diff_versions(twins, changed)
    assert diff.passengers_changed == [PassengerChange("4", [FieldChange("surname", "B", "C")])]
    assert diff_versions(twins, replace(twins, passengers=twins.passengers[:1])).passengers_removed == ["4"]


def test_to_document_is_json_safe() -> None:
    changed = with_leg(plus_passenger(with_passenger(BASE, "1", surname="X"), 7), 0, destination="MMMX")
    document = diff_versions(BASE, changed).to_document()
    assert json.loads(json.dumps(document)) == document
    assert document["passengers_changed"] == [
        {"seq": "1", "changes": [{"path": "surname", "old": "Hernández", "new": "X"}]}
    ]
