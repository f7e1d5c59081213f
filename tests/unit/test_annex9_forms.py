"""What the Annex 9 forms say, before any layout: which legs get a General Declaration, the routing's counts."""

from __future__ import annotations

from dataclasses import replace

from clearway.domain.annex9 import annex9_forms, mrz_form, printed_name
from clearway.domain.flights import Leg
from clearway.domain.snapshot import Passenger, RequestSnapshot, snapshot_from
from tests.factories import REFERENCE, leg, people, request, row_values
from tests.factories.versions import claims

VIA_GUATEMALA = [
    leg("KHRL", "MGGT", "2025-01-21T14:00:00Z", "2025-01-21T17:30:00Z"),
    leg("MGGT", "MMTJ", "2025-01-21T19:00:00Z", "2025-01-22T00:15:00Z"),
]


def five_passengers(legs: list[Leg] = VIA_GUATEMALA) -> RequestSnapshot:
    return snapshot_from(request(legs=legs), people(*[row_values(seq) for seq in range(1, 6)]))


def test_only_legs_arriving_in_the_receiving_country_get_a_general_declaration() -> None:
    forms = annex9_forms(five_passengers(), 1, REFERENCE)
    assert [declaration.leg_number for declaration in forms.declarations] == [2]
    assert (forms.embarkation.icao, forms.disembarkation.icao) == ("KHRL", "MMTJ")


def test_the_routing_lists_every_place_with_who_boards_stays_on_and_leaves() -> None:
    (declaration,) = annex9_forms(five_passengers(), 1, REFERENCE).declarations
    rows = [
        (stage.place.icao, stage.embarking, stage.through_departing, stage.disembarking, stage.through_arriving)
        for stage in declaration.routing
    ]
    assert rows == [("KHRL", 5, 0, None, None), ("MGGT", 0, 5, 0, 5), ("MMTJ", None, None, 5, 0)]
    assert {stage.crew for stage in declaration.routing} == {6}


def test_passengers_the_clearance_excludes_are_marked_and_not_counted_as_travelling() -> None:
    snapshot = five_passengers()
    cleared = replace(claims(snapshot, excluded_seqs=(2, 4)), version=1)
    forms = annex9_forms(snapshot, 1, REFERENCE, cleared)
    assert [line.excluded for line in forms.passengers] == [False, True, False, True, False]
    assert forms.excluded_count == 2
    assert forms.declarations[0].routing[0].embarking == 3


def test_local_times_come_from_each_airports_zone() -> None:
    (declaration,) = annex9_forms(five_passengers(), 1, REFERENCE).declarations
    assert (
        declaration.arrival.local is not None and declaration.arrival.local.isoformat() == "2025-01-21T16:15:00-08:00"
    )
    assert declaration.flight_date == "2025-01-21"  # at the origin, Guatemala City, where it is still the 21st


def test_names_are_kept_as_written_and_given_their_machine_readable_form() -> None:
    person = Passenger(surname="De la Cruz", second_surname="Núñez", given_names="María José")
    assert printed_name(person) == "De la Cruz Núñez, María José"
    assert mrz_form(person) == "DE<LA<CRUZ<NUNEZ<<MARIA<JOSE"
    assert mrz_form(Passenger(surname="Ли", given_names="Анна")) == "LI<<ANNA"  # Doc 9303 transliterates Cyrillic
    assert mrz_form(Passenger(surname="王", given_names="芳")) == ""  # no table for the script: left blank
