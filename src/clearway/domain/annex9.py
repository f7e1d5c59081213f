"""What the ICAO Annex 9 forms of one request version say (standards/annex9.md).

One inward General Declaration (Appendix 1) for each leg arriving in the receiving
country, and one Passenger Manifest (Appendix 2). This module decides the content;
``clearway.formats.annex9`` lays it out on paper. Fields Clearway does not hold (the
health declaration, cargo, the signatory) are not here: the layout prints them blank,
for completion by hand.

Passenger counts per stage: every returnee boards at the first origin and leaves the
aircraft at the last destination (a return flight carries its returnees through any
stop). Passengers a clearance excludes are on the manifest, marked, and not counted as
embarking: they are not cleared to travel.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from clearway.domain.clearance import ClearanceClaims
from clearway.domain.flights import FlightRequest, Leg
from clearway.domain.mrz_names import mrz_name
from clearway.domain.mrz_writer import name_field
from clearway.domain.reference import Airport, ReferenceData
from clearway.domain.snapshot import Passenger, RequestSnapshot, canonical_seq, manifest_hash

#: The name field of a passport's zone (TD3), the widest there is.
MRZ_NAME_WIDTH = 39


@dataclass(frozen=True)
class Moment:
    """A time as printed: UTC, and local at the airport when its zone is known."""

    utc: datetime
    local: datetime | None

    @property
    def offset(self) -> timedelta | None:
        return self.local.utcoffset() if self.local is not None else None


@dataclass(frozen=True)
class Place:
    icao: str
    name: str  # '' when the airport is not known


@dataclass(frozen=True)
class RoutingStage:
    """One row of the General Declaration's flight routing: a place and who is on board there."""

    place: Place
    arrival: Moment | None  # None at the origin
    departure: Moment | None  # None at the destination
    crew: int
    disembarking: int | None  # at an arrival place; None at the origin
    through_arriving: int | None
    embarking: int | None  # at a departure place; None at the destination
    through_departing: int | None


@dataclass(frozen=True)
class GeneralDeclaration:
    """An inward General Declaration for one leg arriving in the receiving country."""

    leg_number: int  # 1-based position in the request's legs
    operator: str
    registration: str
    flight_number: str
    aircraft_type: str
    flight_date: str  # the leg's departure date, local at its origin (UTC when unknown)
    departure_place: Place
    arrival_place: Place
    departure: Moment
    arrival: Moment
    routing: tuple[RoutingStage, ...]
    escorts: int
    medical_staff: int
    monitors: int


@dataclass(frozen=True)
class ManifestLine:
    seq: str
    name: str  # exactly as written: surnames, then given names
    mrz_name: str  # '' when a character has no MRZ form
    excluded: bool  # excluded by the clearance


@dataclass(frozen=True)
class Annex9Forms:
    """Everything the PDF prints for one request version."""

    reference: str
    version: int
    manifest_hash: str
    receiving_country: str
    declarations: tuple[GeneralDeclaration, ...]
    operator: str
    registration: str
    flight_number: str
    flight_date: str
    embarkation: Place
    disembarkation: Place
    passengers: tuple[ManifestLine, ...]
    clearance: ClearanceClaims | None
    cleared_version: int | None  # the version the clearance names (may be earlier than ``version``)

    @property
    def excluded_count(self) -> int:
        return sum(line.excluded for line in self.passengers)


def annex9_forms(
    snapshot: RequestSnapshot, version: int, reference_data: ReferenceData, clearance: ClearanceClaims | None = None
) -> Annex9Forms:
    """The forms of ``version`` (whose content is ``snapshot``), cleared by ``clearance`` if given.

    Only an approval (with or without restrictions) clears: a signed denial, request for
    information or revocation given here prints as "not cleared", never as a clearance.
    """
    if clearance is not None and not clearance.decision.grants:
        clearance = None
    flight = snapshot.flight
    excluded = {canonical_seq(str(seq)) for seq in clearance.excluded_seqs} if clearance else set()
    passengers = tuple(_manifest_line(passenger, excluded) for passenger in snapshot.passengers)
    travelling = sum(not line.excluded for line in passengers)
    routing = _routing(flight, reference_data, travelling)
    receiving = flight.receiving_country.strip().upper()
    declarations = tuple(
        _declaration(flight, index, leg, reference_data, routing)
        for index, leg in enumerate(flight.legs)
        if _country(reference_data, leg.destination) == receiving
    )
    first, last = flight.legs[0], flight.legs[-1]
    entry = declarations[0].arrival_place if declarations else _place(reference_data, last.destination)
    return Annex9Forms(
        reference=flight.reference,
        version=version,
        manifest_hash=manifest_hash(snapshot),
        receiving_country=receiving,
        declarations=declarations,
        operator=flight.operator,
        registration=flight.aircraft.registration,
        flight_number=flight.aircraft.callsign,
        flight_date=_local_date(_moment(first.departure, reference_data, first.origin)),
        embarkation=_place(reference_data, first.origin),
        disembarkation=entry,
        passengers=passengers,
        clearance=clearance,
        cleared_version=clearance.version if clearance else None,
    )


def printed_name(passenger: Passenger) -> str:
    """Surnames, a comma, given names: the person's own spelling, nothing changed."""
    surnames = " ".join(part for part in (passenger.surname.strip(), passenger.second_surname.strip()) if part)
    given = passenger.given_names.strip()
    return f"{surnames}, {given}" if surnames and given else surnames or given


def mrz_form(passenger: Passenger) -> str:
    """The name as a passport's zone writes it (``HERNANDEZ<REYES<<TOMAS``), or '' when it cannot."""
    surnames = " ".join(part for part in (passenger.surname, passenger.second_surname) if part.strip())
    try:
        field = name_field(mrz_name(surnames), mrz_name(passenger.given_names), MRZ_NAME_WIDTH)
    except ValueError:
        return ""
    return field.rstrip("<")


def _manifest_line(passenger: Passenger, excluded: set[str]) -> ManifestLine:
    return ManifestLine(
        seq=passenger.seq,
        name=printed_name(passenger),
        mrz_name=mrz_form(passenger),
        excluded=passenger.seq_key in excluded,
    )


def _routing(flight: FlightRequest, reference_data: ReferenceData, travelling: int) -> tuple[RoutingStage, ...]:
    legs = flight.legs
    crew = flight.people.crew
    stages = []
    for position in range(len(legs) + 1):
        arriving = legs[position - 1] if position > 0 else None
        departing = legs[position] if position < len(legs) else None
        icao = departing.origin if departing else legs[-1].destination
        origin, destination = arriving is None, departing is None
        stages.append(
            RoutingStage(
                place=_place(reference_data, icao),
                arrival=_moment(arriving.arrival, reference_data, arriving.destination) if arriving else None,
                departure=_moment(departing.departure, reference_data, departing.origin) if departing else None,
                crew=crew,
                disembarking=None if origin else (travelling if destination else 0),
                through_arriving=None if origin else (0 if destination else travelling),
                embarking=None if destination else (travelling if origin else 0),
                through_departing=None if destination else (0 if origin else travelling),
            )
        )
    return tuple(stages)


def _declaration(
    flight: FlightRequest, index: int, leg: Leg, reference_data: ReferenceData, routing: Sequence[RoutingStage]
) -> GeneralDeclaration:
    departure = _moment(leg.departure, reference_data, leg.origin)
    return GeneralDeclaration(
        leg_number=index + 1,
        operator=flight.operator,
        registration=flight.aircraft.registration,
        flight_number=flight.aircraft.callsign,
        aircraft_type=flight.aircraft.type,
        flight_date=_local_date(departure),
        departure_place=_place(reference_data, leg.origin),
        arrival_place=_place(reference_data, leg.destination),
        departure=departure,
        arrival=_moment(leg.arrival, reference_data, leg.destination),
        routing=tuple(routing),
        escorts=flight.people.escorts,
        medical_staff=flight.people.medical_staff,
        monitors=flight.people.monitors,
    )


def _airport(reference_data: ReferenceData, icao: str) -> Airport | None:
    return reference_data.airport(icao.strip().upper())


def _country(reference_data: ReferenceData, icao: str) -> str | None:
    airport = _airport(reference_data, icao)
    return airport.country if airport else None


def _place(reference_data: ReferenceData, icao: str) -> Place:
    airport = _airport(reference_data, icao)
    return Place(icao=icao, name=airport.name if airport else "")


def _moment(moment: datetime, reference_data: ReferenceData, icao: str) -> Moment:
    airport = _airport(reference_data, icao)
    return Moment(utc=moment, local=moment.astimezone(airport.tz) if airport else None)


def _local_date(moment: Moment) -> str:
    return (moment.local or moment.utc).date().isoformat()
