"""Agreements (requirement profiles) and which version applies to a request.

Every section and key is optional: an absent rule is not checked, and a rule
runs only when every key it reads is present (spec/findings.md, Terms).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time
from fractions import Fraction


@dataclass(frozen=True)
class OperatingHours:
    """Local opening hours, both ends inclusive; a range may wrap past midnight."""

    opens: time
    closes: time  # time.max stands for 24:00
    text: str  # as written in the agreement, for messages

    def admits(self, local: time) -> bool:
        if self.opens <= self.closes:
            return self.opens <= local <= self.closes
        return local >= self.opens or local <= self.closes


@dataclass(frozen=True)
class Agreement:
    id: str
    version: int
    sending_authority: str
    receiving_country: str
    effective_from: date
    effective_until: date | None = None
    source: str = ""  # the file it came from, for messages
    # [lead_time]
    lead_time_min_hours: float | None = None
    # [entry_airports]
    entry_airports: dict[str, OperatingHours] | None = None
    # [caps]
    flights_per_day: int | None = None
    passengers_per_day: int | None = None
    passengers_per_flight: int | None = None
    # [aircraft]
    aircraft_categories: tuple[str, ...] | None = None
    # [nationalities]
    own_nationality: str | None = None
    third_country_nationalities: tuple[str, ...] | None = None
    third_country_max_per_flight: int | None = None
    # [documents]
    accepted_document_types: tuple[str, ...] | None = None
    expired_passport_ok_for_own: bool | None = None
    mrz_required_for: tuple[str, ...] | None = None
    # [safeguards]
    adult_age: int | None = None
    unaccompanied_minors: bool | None = None
    escorts_per_returnee: Fraction | None = None  # exact, so 0.3 × 70 is 21, not 21.000000000000004
    medical_staff_if_medical: bool | None = None
    monitor_required: bool | None = None
    # [amendments]
    time_tolerance_minutes: int | None = None

    def in_force_on(self, day: date) -> bool:
        if day < self.effective_from:
            return False
        return self.effective_until is None or day <= self.effective_until


def applicable_agreement(
    agreements: Iterable[Agreement], sending_authority: str, receiving_country: str, on: date
) -> Agreement | None:
    """The highest version in force on ``on`` for this sender and receiving country."""
    matching = [
        agreement
        for agreement in agreements
        if agreement.sending_authority.upper() == sending_authority.upper()
        and agreement.receiving_country.upper() == receiving_country.upper()
        and agreement.in_force_on(on)
    ]
    return max(matching, key=lambda agreement: agreement.version, default=None)
