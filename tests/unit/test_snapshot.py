"""A stored version keeps the flight and every typed character of the manifest, reads back
exactly, and hashes its manifest independently of row order."""

import json
import unicodedata
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearway.domain.flights import Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.domain.people import MANIFEST_COLUMNS, Manifest, ManifestRow
from clearway.domain.snapshot import (
    Passenger,
    RequestSnapshot,
    SnapshotFormatError,
    canonical_json,
    from_document,
    manifest_hash,
    manifest_of,
    snapshot_from,
    to_document,
)
from tests.factories import codes, people, precheck, request, row_values
from tests.factories.versions import snapshot, with_leg, with_passenger


def manifest_with(*rows: ManifestRow) -> Manifest:
    return Manifest(
        source="m.csv", header=MANIFEST_COLUMNS, columns=frozenset(MANIFEST_COLUMNS), unknown_columns=(), rows=rows
    )


# --- snapshot_from / manifest_of ---------------------------------------------------------


def test_every_column_is_kept_as_written() -> None:
    values = row_values(1, surname="  García López ", given_names="José\u0301", notes="llega con su hija")
    [passenger] = snapshot_from(request(), manifest_with(ManifestRow(line=2, values=values))).passengers
    assert passenger.as_row() == {column: values[column] for column in MANIFEST_COLUMNS}


def test_a_column_the_file_lacks_is_stored_empty() -> None:
    values = {k: v for k, v in row_values(1).items() if k != "second_surname"}
    [passenger] = snapshot_from(request(), manifest_with(ManifestRow(line=2, values=values))).passengers
    assert passenger.second_surname == ""


def test_unknown_columns_are_kept_verbatim() -> None:
    row = ManifestRow(line=2, values=row_values(1), extra={"Bag tag": " 0042 "})
    [passenger] = snapshot_from(request(), manifest_with(row)).passengers
    assert passenger.extra == {"Bag tag": " 0042 "}


def test_manifest_of_numbers_rows_as_if_after_a_header() -> None:
    manifest = manifest_of(snapshot())
    assert [row.line for row in manifest.rows] == [2, 3, 4]
    assert manifest.columns == frozenset(MANIFEST_COLUMNS)


def test_manifest_of_lists_unknown_columns_in_first_appearance_order() -> None:
    version = with_passenger(snapshot(), "3", extra={"b": "1", "a": "2"})
    version = with_passenger(version, "1", extra={"a": "3"})
    manifest = manifest_of(version)
    assert manifest.unknown_columns == ("a", "b")
    assert manifest.header == (*MANIFEST_COLUMNS, "a", "b")
    assert manifest.rows[2].extra == {"b": "1", "a": "2"}


def test_the_precheck_of_a_stored_version_matches_the_precheck_of_the_file() -> None:
    manifest = people(
        row_values(1), row_values(2, document_expiry="2024-01-01"), row_values(3, with_mrz=False, sex="Q")
    )
    flight = request(people={"declared_passengers": 3})
    stored = manifest_of(snapshot_from(flight, manifest))
    assert codes(precheck(flight=flight, manifest=stored)) == codes(precheck(flight=flight, manifest=manifest))
    assert codes(precheck(flight=flight, manifest=stored)) != []


@pytest.mark.parametrize(
    ("written", "key"), [("7", "7"), ("007", "7"), (" 7 ", "7"), ("7a", "7a"), ("", ""), ("٧", "٧")]
)
def test_seq_key_reads_ascii_numbers_and_keeps_anything_else(written: str, key: str) -> None:
    assert Passenger(seq=written).seq_key == key


# --- documents -----------------------------------------------------------------------------


def test_document_is_plain_json_with_utc_times_ending_in_z() -> None:
    document = to_document(snapshot(submitted_at=datetime(2025, 1, 15, 12, 0, tzinfo=timezone(timedelta(hours=-6)))))
    assert json.loads(json.dumps(document)) == document
    assert document["flight"]["submitted_at"] == "2025-01-15T18:00:00Z"
    assert document["flight"]["legs"][0] == {
        "from": "KHRL",
        "to": "MMTJ",
        "departure": "2025-01-21T20:22:00Z",
        "arrival": "2025-01-22T00:15:00Z",
    }


def test_document_round_trip_of_the_sample() -> None:
    version = snapshot()
    assert from_document(to_document(version)) == version


def test_a_time_without_a_zone_is_never_stored() -> None:
    with pytest.raises(ValueError, match="no time zone"):
        to_document(with_leg(snapshot(), 0, arrival=datetime(2025, 1, 22, 0, 15)))


def test_a_document_of_another_schema_is_refused() -> None:
    document = {**to_document(snapshot()), "schema": 2}
    with pytest.raises(SnapshotFormatError, match="schema"):
        from_document(document)


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        (("flight", "aircraft", "seats"), True, "flight.aircraft.seats must be an integer"),
        (("flight", "people", "crew"), "6", "flight.people.crew must be an integer"),
        (("flight", "operator"), None, "flight.operator must be a string"),
        (("flight", "legs"), {}, "flight.legs must be a list"),
        (("flight", "submitted_at"), "2025-01-15T12:00:00", "flight.submitted_at"),
        (("passengers",), [{"seq": "1"}], "passengers\\[0\\].extra must be an object"),
    ],
)
def test_a_damaged_document_is_refused_naming_the_key(where: tuple[str, ...], value: object, message: str) -> None:
    document = json.loads(json.dumps(to_document(snapshot())))
    parent = document
    for key in where[:-1]:
        parent = parent[key]
    parent[where[-1]] = value
    with pytest.raises(SnapshotFormatError, match=message):
        from_document(document)


_text = st.text(max_size=12)
_moments = st.datetimes(timezones=st.just(UTC))
_passengers = st.builds(
    Passenger,
    **{column: _text for column in MANIFEST_COLUMNS},
    extra=st.dictionaries(_text, _text, max_size=3),
)
_flights = st.builds(
    FlightRequest,
    reference=_text,
    sending_authority=_text,
    receiving_country=_text,
    operator=_text,
    submitted_at=st.none() | _moments,
    aircraft=st.builds(Aircraft, type=_text, registration=_text, callsign=_text, category=_text, seats=st.integers()),
    legs=st.lists(
        st.builds(Leg, origin=_text, destination=_text, departure=_moments, arrival=_moments), max_size=3
    ).map(tuple),
    people=st.builds(
        PeopleOnBoard,
        crew=st.integers(),
        escorts=st.integers(),
        medical_staff=st.integers(),
        monitors=st.integers(),
        declared_passengers=st.integers(),
    ),
    unknown_keys=st.lists(_text, max_size=3).map(tuple),
)


@given(st.builds(RequestSnapshot, flight=_flights, passengers=st.lists(_passengers, max_size=4).map(tuple)))
def test_any_snapshot_reads_back_exactly_through_canonical_json(version: RequestSnapshot) -> None:
    stored = canonical_json(to_document(version))
    assert from_document(json.loads(stored)) == version


# --- canonical JSON and the manifest hash --------------------------------------------------


def test_canonical_json_sorts_keys_and_has_no_whitespace() -> None:
    assert canonical_json({"b": [1, "x y"], "a": None}) == b'{"a":null,"b":[1,"x y"]}'


def test_canonical_json_keeps_text_exactly() -> None:
    decomposed = unicodedata.normalize("NFD", "Ñandú")
    assert canonical_json(decomposed) == ('"' + decomposed + '"').encode("utf-8")
    assert canonical_json(decomposed) != canonical_json("Ñandú")


def test_canonical_json_refuses_what_json_cannot_say() -> None:
    with pytest.raises(ValueError):
        canonical_json(float("nan"))
    with pytest.raises(TypeError):
        canonical_json({"at": datetime(2025, 1, 1, tzinfo=UTC)})


def test_manifest_hash_is_sha256_hex() -> None:
    digest = manifest_hash(snapshot())
    assert digest.startswith("sha256:")
    assert len(digest) == len("sha256:") + 64
    assert int(digest.removeprefix("sha256:"), 16) >= 0


def test_manifest_hash_does_not_depend_on_row_order() -> None:
    version = snapshot()
    reversed_rows = replace(version, passengers=tuple(reversed(version.passengers)))
    assert manifest_hash(reversed_rows) == manifest_hash(version)


def test_manifest_hash_orders_seq_as_numbers() -> None:
    version = RequestSnapshot(request(), (Passenger(seq="10"), Passenger(seq="9")))
    assert manifest_hash(version) == manifest_hash(replace(version, passengers=version.passengers[::-1]))


def test_manifest_hash_changes_with_one_character() -> None:
    version = snapshot()
    assert manifest_hash(with_passenger(version, "2", given_names="Maria José")) != manifest_hash(version)


def test_manifest_hash_ignores_the_flight() -> None:
    version = snapshot()
    assert manifest_hash(with_leg(version, 0, destination="MMMX")) == manifest_hash(version)


def test_manifest_hash_covers_unknown_columns() -> None:
    version = snapshot()
    assert manifest_hash(with_passenger(version, "1", extra={"tag": "1"})) != manifest_hash(version)
