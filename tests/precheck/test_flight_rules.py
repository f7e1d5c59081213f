"""Flight rules: each test varies one thing from the clean factory request."""

from dataclasses import replace
from fractions import Fraction

import pytest

from clearway.domain.findings import Severity
from clearway.i18n import render_finding
from tests.factories import agreement, codes, leg, people, precheck, request, row_values, utc


def only(result, code):
    return [f for f in result.findings if f.code == code]


def test_no_agreement_for_the_arrival_date_is_a_finding_and_skips_agreement_rules() -> None:
    result = precheck(agreements=[agreement(effective_until=utc("2025-01-20T00:00:00Z").date())])
    assert codes(result) == [("NO_AGREEMENT", None, None)]
    assert result.agreement is None


def test_highest_version_in_force_on_the_local_arrival_date_applies() -> None:
    older = agreement(version=2, passengers_per_flight=1)
    newer = agreement(version=4, effective_from=utc("2025-01-21T00:00:00Z").date())
    future = agreement(version=5, effective_from=utc("2025-01-22T00:00:00Z").date(), passengers_per_flight=1)
    result = precheck(agreements=[older, newer, future])
    assert result.agreement is not None and result.agreement.version == 4
    assert codes(result) == []


def test_agreement_is_chosen_by_local_date_not_utc_date() -> None:
    # 00:15 UTC on the 22nd is 16:15 on the 21st in Tijuana: an agreement ending on the 21st applies.
    result = precheck(agreements=[agreement(effective_until=utc("2025-01-21T00:00:00Z").date())])
    assert codes(result) == []


@pytest.mark.parametrize(
    ("submitted", "short"),
    [("2025-01-19T00:15:00Z", False), ("2025-01-19T00:15:01Z", True)],
    ids=["exactly-72h", "one-second-short"],
)
def test_lead_time_runs_from_submission_to_first_arrival(submitted: str, short: bool) -> None:
    result = precheck(flight=request(submitted_at=utc(submitted)))
    assert (("LEAD_TIME_SHORT", None, "legs[0].arrival") in codes(result)) is short


def test_lead_time_uses_the_moment_of_checking_when_not_submitted() -> None:
    assert codes(precheck(at=utc("2025-01-20T00:00:00Z"))) == [("LEAD_TIME_SHORT", None, "legs[0].arrival")]


def test_an_arrival_already_past_is_said_so_not_as_negative_hours() -> None:
    # The factory's arrival is 2025-01-22T00:15Z; checked two years later.
    (short,) = only(precheck(at=utc("2027-01-01T00:00:00Z")), "LEAD_TIME_SHORT")
    assert "hours before" not in render_finding(short, "en")
    assert "already past" in render_finding(short, "en")
    assert "ya ha pasado" in render_finding(short, "es")


def test_arrival_at_an_airport_not_designated() -> None:
    flight = request(legs=[leg(destination="MMGL", arrival="2025-01-21T23:00:00Z")])
    assert codes(precheck(flight=flight)) == [("AIRPORT_NOT_DESIGNATED", None, "legs[0].to")]


@pytest.mark.parametrize(
    ("arrival", "outside"),
    [
        ("2025-01-24T01:00:00Z", False),  # 19:00:00 local in Mexico City (UTC-6): closing time, admitted
        ("2025-01-24T01:00:01Z", True),  # 19:00:01: after closing, compared to the second
        ("2025-01-23T13:00:00Z", False),  # 07:00:00 opening
        ("2025-01-23T12:59:59Z", True),
    ],
)
def test_operating_hours_are_inclusive_and_local(arrival: str, outside: bool) -> None:
    flight = request(legs=[leg(destination="MMMX", departure="2025-01-23T08:00:00Z", arrival=arrival)])
    found = only(precheck(flight=flight), "OUTSIDE_OPERATING_HOURS")
    assert bool(found) is outside
    if outside:
        assert "UTC-06:00" in found[0].params["arrival"]


@pytest.mark.parametrize(
    ("arrival", "local", "outside"),
    [
        ("2025-07-01T05:30:00Z", "22:30:00 UTC-07:00", True),  # summer: Tijuana is UTC-7
        ("2025-01-22T05:30:00Z", "21:30:00 UTC-08:00", False),  # winter: UTC-8, inside 06:00-22:00
    ],
)
def test_tijuana_keeps_its_own_zone_and_daylight_saving(arrival: str, local: str, outside: bool) -> None:
    # Mexico City (UTC-6 all year) would put both arrivals after 22:00.
    departure = arrival.replace("05:30", "02:00")
    flight = request(legs=[leg(departure=departure, arrival=arrival)])
    result = precheck(flight=flight, at=utc("2025-01-01T00:00:00Z"))
    found = only(result, "OUTSIDE_OPERATING_HOURS")
    assert bool(found) is outside
    if found:
        assert local in found[0].params["arrival"]


def test_hours_that_wrap_past_midnight() -> None:
    night = agreement(
        entry_airports={
            "MMTJ": replace(
                agreement().entry_airports["MMTJ"],
                opens=utc("2025-01-01T22:00:00Z").time(),
                closes=utc("2025-01-01T06:00:00Z").time(),
                text="22:00-06:00",
            )
        }
    )
    late = request(legs=[leg(departure="2025-01-22T02:00:00Z", arrival="2025-01-22T07:30:00Z")])  # 23:30 local
    midday = request(legs=[leg()])  # 16:15 local
    assert only(precheck(flight=late, agreements=[night]), "OUTSIDE_OPERATING_HOURS") == []
    assert only(precheck(flight=midday, agreements=[night]), "OUTSIDE_OPERATING_HOURS") != []


@pytest.mark.parametrize(("key", "code"), [("from", "XXXX"), ("to", "MMZZ")])
def test_unknown_airport_names_the_leg_key(key: str, code: str) -> None:
    flight = request(legs=[leg(**{"origin" if key == "from" else "destination": code})])
    assert ("UNKNOWN_AIRPORT", None, f"legs[0].{key}") in codes(precheck(flight=flight))


def test_only_the_unknown_airport_is_reported_when_the_arrival_airport_is_unknown() -> None:
    flight = request(legs=[leg(destination="MMZZ")])
    assert codes(precheck(flight=flight)) == [("UNKNOWN_AIRPORT", None, "legs[0].to")]


def test_multileg_itinerary_judges_only_the_arrival_in_the_receiving_country() -> None:
    positioning = leg("KAEX", "KHRL", "2025-01-21T02:00:00Z", "2025-01-21T03:30:00Z")  # 21:30 local, out of hours
    flight = request(legs=[positioning, leg()])
    assert codes(precheck(flight=flight)) == []


@pytest.mark.parametrize(
    ("legs", "field"),
    [
        ([leg(departure="2025-01-22T00:15:00Z", arrival="2025-01-21T20:22:00Z")], "legs[0].arrival"),
        ([leg("KAEX", "KELP", "2025-01-21T10:00:00Z", "2025-01-21T12:00:00Z"), leg()], "legs[1].from"),
        ([leg("KAEX", "KHRL", "2025-01-21T10:00:00Z", "2025-01-21T21:00:00Z"), leg()], "legs[1].departure"),
    ],
    ids=["arrives-before-departure", "not-chained", "departs-before-previous-arrives"],
)
def test_schedule_invalid(legs, field: str) -> None:
    assert ("SCHEDULE_INVALID", None, field) in codes(precheck(flight=request(legs=legs)))


def test_aircraft_category_not_allowed() -> None:
    flight = request(aircraft={"category": "state_other"}, people={"declared_passengers": 3})
    assert codes(precheck(flight=flight)) == [("AIRCRAFT_CATEGORY_NOT_ALLOWED", None, "aircraft.category")]


@pytest.mark.parametrize(("seats", "exceeded"), [(27, False), (26, True)])
def test_seats_count_returnees_and_everyone_else_on_board(seats: int, exceeded: bool) -> None:
    # 3 returnees + 6 crew + 16 escorts + 1 medical + 1 monitor = 27
    flight = request(aircraft={"seats": seats}, people={"declared_passengers": 3})
    assert (("SEATS_EXCEEDED", None, "aircraft.seats") in codes(precheck(flight=flight))) is exceeded


def test_passengers_per_flight_cap_counts_rows() -> None:
    assert [c for c, *_ in codes(precheck(agreements=[agreement(passengers_per_flight=2)]))] == [
        "PASSENGERS_PER_FLIGHT_CAP"
    ]


def test_declared_count_must_equal_rows() -> None:
    flight = request(people={"declared_passengers": 4})
    assert codes(precheck(flight=flight)) == [("DECLARED_COUNT_MISMATCH", None, "people.declared_passengers")]


def test_daily_flight_cap_counts_each_arrival_on_its_local_day() -> None:
    two_arrivals = request(legs=[
        leg("KHRL", "MMTJ", "2025-01-21T16:00:00Z", "2025-01-21T19:00:00Z"),
        leg("MMTJ", "MMMX", "2025-01-21T20:00:00Z", "2025-01-21T23:00:00Z"),
    ])  # fmt: skip
    assert [c for c, *_ in codes(precheck(flight=two_arrivals, agreements=[agreement(flights_per_day=1)]))] == [
        "DAILY_FLIGHT_CAP"
    ]
    assert codes(precheck(flight=two_arrivals, agreements=[agreement(flights_per_day=2)])) == []


def test_daily_caps_add_existing_load_for_the_same_local_day() -> None:
    from clearway.domain.precheck import DailyLoad

    load = {utc("2025-01-21T12:00:00Z").date(): DailyLoad(flights=4, passengers=598)}
    found = [c for c, *_ in codes(precheck(existing_load=load))]
    assert found == ["DAILY_FLIGHT_CAP", "DAILY_PASSENGER_CAP"]
    other_day = {utc("2025-01-22T12:00:00Z").date(): DailyLoad(flights=4, passengers=598)}
    assert codes(precheck(existing_load=other_day)) == []


def test_third_country_cap() -> None:
    rows = [row_values(i, nationality="GTM", document_issuer="GTM") for i in (1, 2, 3)]
    result = precheck(manifest=people(*rows), agreements=[agreement(third_country_max_per_flight=2)])
    assert codes(result) == [("THIRD_COUNTRY_CAP", None, None)]


@pytest.mark.parametrize(("escorts", "low"), [(21, False), (20, True)])
def test_escort_ratio_is_exact(escorts: int, low: bool) -> None:
    # 0.3 × 70 = 21 exactly (in floating point it would be 21.000000000000004)
    rows = [row_values(i, with_mrz=False, document_type="C") for i in range(1, 71)]
    flight = request(aircraft={"seats": 150}, people={"escorts": escorts, "declared_passengers": 70})
    assert (
        ("ESCORT_RATIO_LOW", None, "people.escorts") in codes(precheck(flight=flight, manifest=people(*rows)))
    ) is low


def test_medical_staff_missing() -> None:
    rows = [row_values(1, medical_escort="Y", medical="dialysis"), row_values(2)]
    flight = request(people={"medical_staff": 0, "declared_passengers": 2})
    assert codes(precheck(flight=flight, manifest=people(*rows))) == [
        ("MEDICAL_STAFF_MISSING", None, "people.medical_staff")
    ]


def test_monitor_missing_only_when_required() -> None:
    flight = request(people={"monitors": 0})
    assert codes(precheck(flight=flight)) == [("MONITOR_MISSING", None, "people.monitors")]
    assert codes(precheck(flight=flight, agreements=[agreement(monitor_required=False)])) == []


def test_a_rule_runs_only_when_its_agreement_keys_are_present() -> None:
    bare = agreement(escorts_per_returnee=None, monitor_required=None, lead_time_min_hours=None)
    flight = request(people={"escorts": 0, "monitors": 0})
    assert codes(precheck(flight=flight, agreements=[bare], at=utc("2025-01-21T00:00:00Z"))) == []


def test_severities_are_those_of_the_spec() -> None:
    result = precheck(flight=request(people={"monitors": 0}))
    assert {f.severity for f in result.findings} == {Severity.ERROR}
    assert Fraction("0.3") == agreement().escorts_per_returnee


def test_missing_column_is_reported_once_not_on_every_row() -> None:
    from dataclasses import replace as with_

    manifest = people()
    manifest = with_(manifest, columns=manifest.columns - {"case_ref"})
    manifest = with_(manifest, rows=tuple(with_(r, values={k: v for k, v in r.values.items() if k != "case_ref"})
                                          for r in manifest.rows))  # fmt: skip
    assert codes(precheck(manifest=manifest)) == [("MISSING_COLUMN", None, "case_ref")]
