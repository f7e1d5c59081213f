"""The flight part of a clearance request (spec/flight-request.md)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

AIRCRAFT_CATEGORIES = ("civil_charter", "military", "state_other")


@dataclass(frozen=True)
class Aircraft:
    type: str
    registration: str
    callsign: str
    category: str
    seats: int
    #: The flight designator other systems use (a PAXLST journey id); optional in the request.
    flight_number: str | None = None


@dataclass(frozen=True)
class Leg:
    origin: str  # ICAO code as written
    destination: str
    departure: datetime  # UTC
    arrival: datetime  # UTC


@dataclass(frozen=True)
class PeopleOnBoard:
    crew: int
    escorts: int
    medical_staff: int
    monitors: int
    declared_passengers: int


@dataclass(frozen=True)
class FlightRequest:
    reference: str
    sending_authority: str
    receiving_country: str
    operator: str
    submitted_at: datetime | None
    aircraft: Aircraft
    legs: tuple[Leg, ...]
    people: PeopleOnBoard
    unknown_keys: tuple[str, ...] = ()  # dotted paths of keys the format does not define
