"""Which legs the receiving agreement judges, and the arrival date."""

from __future__ import annotations

from datetime import date

from clearway.domain.errors import UnusableInput
from clearway.domain.flights import FlightRequest
from clearway.domain.precheck.context import JudgedLeg
from clearway.domain.reference import ReferenceData


def judged_legs(request: FlightRequest, reference: ReferenceData, source: str) -> tuple[JudgedLeg, ...]:
    """The legs arriving in the receiving country, in itinerary order.

    A leg whose destination is not a known airport cannot be placed in a country;
    it is judged only when no known leg arrives in the receiving country (it is then
    the only candidate, and ``UNKNOWN_AIRPORT`` says what is wrong with it).
    A request with no such leg at all is not a clearance request.
    """
    receiving = request.receiving_country.strip().upper()
    known: list[JudgedLeg] = []
    unknown: list[JudgedLeg] = []
    for index, leg in enumerate(request.legs):
        airport = reference.airport(leg.destination.strip().upper())
        if airport is None:
            unknown.append(JudgedLeg(index, leg, None))
        elif airport.country == receiving:
            known.append(JudgedLeg(index, leg, airport))
    legs = known or unknown
    if not legs:
        raise UnusableInput("request.no_arrival_in_receiving_country", path=source, country=receiving)
    return tuple(legs)


def arrival_date(legs: tuple[JudgedLeg, ...]) -> date:
    """The local date at the entry airport of the first leg arriving in the receiving country
    (the UTC date when that airport is unknown)."""
    first = legs[0]
    local = first.local_arrival
    return local.date() if local is not None else first.leg.arrival.date()
