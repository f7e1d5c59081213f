"""What the pre-check compares when the manifest is a PAXLST message (spec/manifest-paxlst.md):
AIRCRAFT_IDENT_MISMATCH for the flight, route and schedule, MESSAGE_INCONSISTENT for counts."""

from __future__ import annotations

from clearway.domain.findings import Code
from clearway.i18n import render_finding
from tests.factories import agreement, precheck, request
from tests.factories.paxlst import changed, paxlst_text, read_text

CLEAN = paxlst_text()


def mismatches(text: str, **options: object) -> list[tuple[str | None, object, object]]:
    result = precheck(manifest=read_text(text), **options)  # type: ignore[arg-type]
    return [
        (item.field, item.details["message"], item.details["request"])
        for item in result.findings
        if item.code is Code.AIRCRAFT_IDENT_MISMATCH
    ]


def test_a_message_for_this_flight_matches() -> None:
    assert mismatches(CLEAN) == []


def test_another_journey_id() -> None:
    assert mismatches(changed(CLEAN, "TDT+20+EXA476", "TDT+20+ZZ9001")) == [("aircraft.callsign", "ZZ9001", "EXA476")]


def test_the_journey_id_ignores_spaces_and_case() -> None:
    assert mismatches(changed(CLEAN, "TDT+20+EXA476", "TDT+20+exa 476")) == []


def test_the_request_flight_number_is_accepted_beside_the_callsign() -> None:
    flight = request(aircraft={"flight_number": "EX476"}, people={"declared_passengers": 3})
    text = changed(CLEAN, "TDT+20+EXA476", "TDT+20+EX476")
    assert mismatches(text, flight=flight) == []
    other = changed(CLEAN, "TDT+20+EXA476", "TDT+20+EX999")
    assert mismatches(other, flight=flight) == [("aircraft.callsign", "EX999", "EX476")]


def test_another_arrival_airport() -> None:
    assert mismatches(changed(CLEAN, "LOC+87+TIJ", "LOC+87+MEX")) == [("legs[0].to", "MEX", "MMTJ")]


def test_an_icao_code_in_the_message_is_the_same_airport() -> None:
    assert mismatches(changed(CLEAN, "LOC+87+TIJ", "LOC+87+MMTJ")) == []


def test_a_time_within_the_agreement_tolerance() -> None:
    assert mismatches(changed(CLEAN, "DTM+232:2501211615", "DTM+232:2501211715")) == []  # 60 min, tolerance 60


def test_a_time_beyond_the_tolerance() -> None:
    found = mismatches(changed(CLEAN, "DTM+232:2501211615", "DTM+232:2501211716"))
    assert found == [("legs[0].arrival", "2025-01-21T17:16", "2025-01-21T16:15-08:00")]


def test_without_an_agreement_any_difference_counts() -> None:
    text = changed(CLEAN, "DTM+189:2501211422", "DTM+189:2501211423")
    assert mismatches(text, agreements=[]) == [("legs[0].departure", "2025-01-21T14:23", "2025-01-21T14:22-06:00")]
    assert mismatches(text, agreements=[agreement(time_tolerance_minutes=None)]) != []


def test_an_unreadable_time() -> None:
    assert mismatches(changed(CLEAN, "DTM+232:2501211615", "DTM+232:25013X1615")) == [
        ("legs[0].arrival", "25013X1615", "2025-01-21T16:15-08:00")
    ]


def test_a_leg_the_request_does_not_have() -> None:
    extra = "TDT+20+EXA476'\nLOC+92+TIJ'\nDTM+189:2501211800:201'\nLOC+92+MEX'\nDTM+232:2501212000:201'\nNAD+FL"
    text = changed(changed(CLEAN, "NAD+FL", extra), "UNT+38+", "UNT+43+")
    assert mismatches(text) == [("legs[1].from", "EXA476 TIJ-MEX", None)]


def test_the_message_legs_start_at_the_request_leg_they_depart_from() -> None:
    from tests.factories import leg

    legs = (leg("MMTJ", "KHRL", "2025-01-20T20:00:00Z", "2025-01-20T22:00:00Z"), leg())
    flight = request(legs=legs, people={"declared_passengers": 3})
    assert mismatches(CLEAN, flight=flight) == []


def test_a_csv_manifest_names_no_flight() -> None:
    result = precheck()
    assert not [item for item in result.findings if item.code is Code.AIRCRAFT_IDENT_MISMATCH]


def test_message_inconsistent_is_an_error_naming_the_segment() -> None:
    result = precheck(manifest=read_text(changed(CLEAN, "CNT+42:3", "CNT+42:160")))
    found = [item for item in result.findings if item.code is Code.MESSAGE_INCONSISTENT]
    assert [(item.severity, item.scope, item.field) for item in found] == [("error", "file", "CNT")]
    assert found[0].details == {"kind": "cnt_total", "segment": "CNT", "position": 39, "declared": "160", "actual": "3"}
    assert "160" in render_finding(found[0], "en") and "160" in render_finding(found[0], "es")


def test_what_paxlst_cannot_carry_says_how_to_add_it() -> None:
    result = precheck(manifest=read_text(CLEAN))
    required = [item for item in result.findings if item.code is Code.MRZ_REQUIRED]
    assert len(required) == 2  # the two passports; the third is a consular document (C)
    assert "edit the version" in render_finding(required[0], "en")
    assert "edite la versión" in render_finding(required[0], "es")
