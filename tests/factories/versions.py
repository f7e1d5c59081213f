"""Versions of a request to compare: a default snapshot and one-change amendments of it.

Each helper returns a new snapshot that differs from its input in exactly what it names,
so a test of the diff or of the material-change rules states only the change it is about.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from clearway.domain.clearance import ClearanceClaims, DecisionKind, claims_for, clearance_number
from clearway.domain.snapshot import Passenger, RequestSnapshot, snapshot_from
from tests.factories import people, request, row_values

ISSUED_AT = datetime(2025, 1, 17, 15, 2, 11, tzinfo=UTC)


def snapshot(**request_overrides: Any) -> RequestSnapshot:
    """The clean sample as a stored version: one leg KHRL→MMTJ, three passengers (seq 1–3)."""
    return snapshot_from(request(**request_overrides), people())


def with_flight(version: RequestSnapshot, **changes: Any) -> RequestSnapshot:
    return replace(version, flight=replace(version.flight, **changes))


def with_aircraft(version: RequestSnapshot, **changes: Any) -> RequestSnapshot:
    return with_flight(version, aircraft=replace(version.flight.aircraft, **changes))


def with_people(version: RequestSnapshot, **changes: Any) -> RequestSnapshot:
    return with_flight(version, people=replace(version.flight.people, **changes))


def with_leg(version: RequestSnapshot, index: int, **changes: Any) -> RequestSnapshot:
    legs = list(version.flight.legs)
    legs[index] = replace(legs[index], **changes)
    return with_flight(version, legs=tuple(legs))


def with_leg_times_moved(version: RequestSnapshot, index: int, field: str, minutes: float) -> RequestSnapshot:
    moment = getattr(version.flight.legs[index], field)
    return with_leg(version, index, **{field: moment + timedelta(minutes=minutes)})


def with_passenger(version: RequestSnapshot, seq: str, /, **changes: Any) -> RequestSnapshot:
    """The passenger with this seq changed (``extra=`` replaces its unknown columns)."""
    passengers = tuple(replace(p, **changes) if p.seq == seq else p for p in version.passengers)
    assert passengers != version.passengers, f"no passenger with seq {seq} changed"
    return replace(version, passengers=passengers)


def without_passenger(version: RequestSnapshot, seq: str) -> RequestSnapshot:
    return replace(version, passengers=tuple(p for p in version.passengers if p.seq != seq))


def plus_passenger(version: RequestSnapshot, seq: int, **values: str) -> RequestSnapshot:
    added = Passenger.from_values(row_values(seq, **values))
    return replace(version, passengers=(*version.passengers, added))


def claims(version: RequestSnapshot | None = None, **overrides: Any) -> ClearanceClaims:
    """Claims of a clearance for the default version, valid 21–23 January 2025 (with restrictions given:
    an approval with restrictions)."""
    fields: dict[str, Any] = {
        "number": clearance_number("MEX", 2025, 123),
        "request_id": "4f1c2a9e-7b3d-4c55-9a61-2d8e0f7b1c33",
        "version": 3,
        "valid_from": datetime(2025, 1, 21, tzinfo=UTC),
        "valid_until": datetime(2025, 1, 23, tzinfo=UTC),
        "issuer_name": "Instituto Nacional de Migración",
        "issuer_country": "MEX",
        "issued_at": ISSUED_AT,
        "key_id": "0123456789abcdef",
    }
    fields.update(overrides)
    if "decision" not in overrides and (fields.get("excluded_seqs") or fields.get("conditions")):
        fields["decision"] = DecisionKind.APPROVE_RESTRICTED
    return claims_for(version or snapshot(), **fields)
