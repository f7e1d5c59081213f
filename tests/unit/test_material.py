"""Every item of spec/workflow.md "Material changes", by name, and the decisions the spec
leaves open (documented in clearway.domain.material)."""

import pytest

from clearway.domain.diff import diff_versions
from clearway.domain.material import (
    FLIGHT_RULES,
    IDENTITY_FIELDS,
    NON_MATERIAL_PASSENGER_FIELDS,
    SAFEGUARD_FIELDS,
    ChangeClass,
    classify_change,
)
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import RequestSnapshot
from tests.factories import leg
from tests.factories.versions import (
    plus_passenger,
    snapshot,
    with_aircraft,
    with_flight,
    with_leg,
    with_leg_times_moved,
    with_passenger,
    with_people,
    without_passenger,
)

BASE = snapshot()
TOLERANCE = 60  # minutes, as in the sample agreement


def classify(new: RequestSnapshot, tolerance: int | None = TOLERANCE) -> ChangeClass:
    return classify_change(BASE, new, tolerance)


def test_no_change_is_not_material() -> None:
    assert classify(BASE) == ChangeClass(material=False, reasons=[])


# --- material, as the spec lists it ----------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("registration", "N317AC"), ("callsign", "EXA477"), ("type", "A320"), ("category", "military")],
)
def test_aircraft_identity_is_material(field: str, value: str) -> None:
    assert classify(with_aircraft(BASE, **{field: value})) == ChangeClass(True, [f"aircraft.{field}"])


def test_leg_origin_airport_is_material() -> None:
    assert classify(with_leg(BASE, 0, origin="KELP")) == ChangeClass(True, ["legs[0].from"])


def test_leg_destination_airport_is_material() -> None:
    assert classify(with_leg(BASE, 0, destination="MMMX")) == ChangeClass(True, ["legs[0].to"])


def test_leg_added_is_material() -> None:
    onward = leg("MMTJ", "MMMX", "2025-01-22T02:00:00Z", "2025-01-22T05:00:00Z")
    assert classify(with_flight(BASE, legs=(*BASE.flight.legs, onward))) == ChangeClass(True, ["legs[1] added"])


def test_leg_removed_is_material() -> None:
    two_legs = with_flight(BASE, legs=(leg(), leg("MMTJ", "MMMX")))
    assert classify_change(two_legs, BASE, TOLERANCE) == ChangeClass(True, ["legs[1] removed"])


def test_arrival_moved_by_more_than_the_tolerance_is_material() -> None:
    moved = with_leg_times_moved(BASE, 0, "arrival", 75)
    assert classify(moved) == ChangeClass(True, ["legs[0].arrival moved 75 min"])


def test_arrival_moved_earlier_by_more_than_the_tolerance_is_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", -61)).reasons == ["legs[0].arrival moved 61 min"]


def test_arrival_moved_by_exactly_the_tolerance_is_not_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", 60)).material is False


def test_arrival_moved_a_second_beyond_the_tolerance_is_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", 60 + 1 / 60)).reasons == [
        "legs[0].arrival moved 60.0167 min"
    ]


def test_arrival_moved_within_the_tolerance_is_not_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", 30)).material is False


def test_without_a_tolerance_any_arrival_move_is_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", 1), tolerance=None).reasons == [
        "legs[0].arrival moved 1 min"
    ]


def test_a_zero_tolerance_makes_any_arrival_move_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "arrival", 1), tolerance=0).material is True


def test_passenger_added_is_material() -> None:
    assert classify(plus_passenger(BASE, 12)) == ChangeClass(True, ["passenger added: seq 12"])


@pytest.mark.parametrize("field", IDENTITY_FIELDS)
def test_identity_field_of_a_passenger_is_material(field: str) -> None:
    changed = with_passenger(BASE, "3", **{field: getattr(BASE.passengers[2], field) + "X"})
    assert classify(changed) == ChangeClass(True, [f"passenger 3 identity: {field}"])


def test_identity_fields_are_those_the_spec_names() -> None:
    # names, sex, date of birth, nationality, document (type, number, issuer, expiry, and its MRZ)
    assert set(IDENTITY_FIELDS) == {
        "surname", "second_surname", "given_names", "sex", "date_of_birth", "nationality",
        "document_type", "document_number", "document_issuer", "document_expiry", "mrz",
    }  # fmt: skip


def test_declared_passengers_increased_is_material() -> None:
    changed = with_people(BASE, declared_passengers=4)
    assert classify(changed) == ChangeClass(True, ["people.declared_passengers increased"])


# --- not material, as the spec lists it -----------------------------------------------------


def test_passenger_removed_is_not_material() -> None:
    assert classify(without_passenger(BASE, "2")).material is False


@pytest.mark.parametrize("field", ["notes", "medical"])
def test_notes_and_medical_text_are_not_material(field: str) -> None:
    assert classify(with_passenger(BASE, "1", **{field: "needs a wheelchair at arrival"})).material is False


@pytest.mark.parametrize("count", ["crew", "escorts", "medical_staff", "monitors"])
def test_staff_count_raised_is_not_material(count: str) -> None:
    raised = with_people(BASE, **{count: getattr(BASE.flight.people, count) + 1})
    assert classify(raised).material is False


# --- decisions where the spec is silent ------------------------------------------------------


@pytest.mark.parametrize("count", ["crew", "escorts", "medical_staff", "monitors"])
def test_staff_count_lowered_is_material(count: str) -> None:
    lowered = with_people(BASE, **{count: getattr(BASE.flight.people, count) - 1})
    assert classify(lowered) == ChangeClass(True, [f"people.{count} lowered"])


def test_declared_passengers_lowered_is_not_material() -> None:
    assert classify(with_people(BASE, declared_passengers=2)).material is False


def test_seats_lowered_is_material() -> None:
    assert classify(with_aircraft(BASE, seats=60)) == ChangeClass(True, ["aircraft.seats lowered"])


def test_seats_raised_is_not_material() -> None:
    assert classify(with_aircraft(BASE, seats=90)).material is False


def test_departure_moved_by_more_than_the_tolerance_is_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "departure", -90)).reasons == ["legs[0].departure moved 90 min"]


def test_departure_moved_within_the_tolerance_is_not_material() -> None:
    assert classify(with_leg_times_moved(BASE, 0, "departure", 45)).material is False


@pytest.mark.parametrize(("field", "value"), [("operator", "Other Air"), ("reference", "RF-2025-0124")])
def test_operator_and_reference_are_material(field: str, value: str) -> None:
    assert classify(with_flight(BASE, **{field: value})) == ChangeClass(True, [field])


@pytest.mark.parametrize(("field", "value"), [("sending_authority", "CAN"), ("receiving_country", "GTM")])
def test_who_sends_and_who_decides_are_material(field: str, value: str) -> None:
    assert classify(with_flight(BASE, **{field: value})) == ChangeClass(True, [field])


def test_submitted_at_is_not_material() -> None:
    from tests.factories import CHECKED_AT

    assert classify(with_flight(BASE, submitted_at=CHECKED_AT)).material is False


def test_family_group_is_material() -> None:
    assert classify(with_passenger(BASE, "2", family_group="F1")) == ChangeClass(True, ["passenger 2 family_group"])


@pytest.mark.parametrize(("field", "value"), [("medical_escort", "Y"), ("case_ref", "B000000001"), ("seq", "03")])
def test_bookkeeping_of_a_passenger_is_not_material(field: str, value: str) -> None:
    assert classify(with_passenger(BASE, "3", **{field: value})).material is False


def test_unknown_columns_are_not_material() -> None:
    assert classify(with_passenger(BASE, "1", extra={"bag tag": "0042"})).material is False


def test_airport_text_is_compared_exactly() -> None:
    assert classify(with_leg(BASE, 0, destination="mmtj")).material is True


# --- the rule tables are complete ------------------------------------------------------------


def test_every_manifest_column_has_exactly_one_class() -> None:
    classes = [*IDENTITY_FIELDS, *SAFEGUARD_FIELDS, *NON_MATERIAL_PASSENGER_FIELDS]
    assert sorted(classes) == sorted(MANIFEST_COLUMNS)


def test_every_flight_path_the_diff_produces_has_a_rule() -> None:
    everything = with_flight(
        BASE,
        reference="R",
        sending_authority="S",
        receiving_country="C",
        operator="O",
        submitted_at=BASE.flight.legs[0].departure,
        legs=(leg("A", "B", "2025-02-01T00:00:00Z", "2025-02-01T01:00:00Z"), leg()),
    )
    everything = with_people(with_aircraft(everything, type="T", registration="R", callsign="C", category="military",
                                           seats=1, flight_number="F1"), crew=0, escorts=0, medical_staff=0, monitors=0,
                             declared_passengers=9)  # fmt: skip
    paths = {
        change.path.replace("[0]", "[]").replace("[1]", "[]")
        for change in diff_versions(BASE, everything).flight_changes
    }
    assert paths == set(FLIGHT_RULES)


def test_several_changes_give_one_reason_each_in_reading_order() -> None:
    changed = plus_passenger(with_passenger(with_aircraft(BASE, callsign="EXA999"), "1", surname="Hernandez"), 4)
    assert classify(changed).reasons == ["aircraft.callsign", "passenger added: seq 4", "passenger 1 identity: surname"]


def test_a_negative_tolerance_is_refused() -> None:
    with pytest.raises(ValueError):
        classify(BASE, tolerance=-1)
