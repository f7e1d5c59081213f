"""What every rule of one pre-check run shares: the inputs and what was derived from them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from clearway.domain.agreements import Agreement
from clearway.domain.flights import FlightRequest, Leg
from clearway.domain.identity import Identity, IdentityMatch
from clearway.domain.people import Manifest
from clearway.domain.precheck.passengers import Returnee
from clearway.domain.reference import Airport, ReferenceData


class HoldEntryView(Protocol):
    """The parts of a legal-hold entry the rules read (``clearway.screening.HoldEntry``)."""

    @property
    def hold_ref(self) -> str: ...
    @property
    def hold_type(self) -> str: ...
    @property
    def until(self) -> date | None: ...
    @property
    def identity(self) -> Identity: ...


class HoldMatchView(Protocol):
    @property
    def entry(self) -> HoldEntryView: ...
    @property
    def match(self) -> IdentityMatch: ...


class HoldScreen(Protocol):
    """A legal-hold list ready to screen people (``clearway.screening.HoldIndex``)."""

    @property
    def invalid_row_count(self) -> int: ...
    @property
    def first_invalid_lines(self) -> tuple[int, ...]: ...
    def screen(self, people: Sequence[Identity]) -> Sequence[Sequence[HoldMatchView]]: ...


@dataclass(frozen=True)
class JudgedLeg:
    """A leg arriving in the receiving country: the agreement judges these."""

    index: int
    leg: Leg
    airport: Airport | None  # None when the code is not a known airport

    @property
    def local_arrival(self) -> datetime | None:
        if self.airport is None:
            return None
        return self.leg.arrival.astimezone(self.airport.tz)


@dataclass(frozen=True)
class DailyLoad:
    """Flights and returnees already cleared or pending for one local day (caps)."""

    flights: int = 0
    passengers: int = 0


@dataclass(frozen=True)
class CheckContext:
    request: FlightRequest
    manifest: Manifest
    returnees: tuple[Returnee, ...]
    reference: ReferenceData
    agreement: Agreement | None
    judged_legs: tuple[JudgedLeg, ...]
    arrival_date: date  # local date of the first arrival in the receiving country
    checked_at: datetime  # submitted_at, or the moment of checking
    holds: HoldScreen | None = None
    existing_load: Mapping[date, DailyLoad] = field(default_factory=dict)
