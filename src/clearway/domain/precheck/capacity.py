"""Flight rules about the aircraft and the people on board.

Returnees are the manifest's rows, never ``declared_passengers`` (spec/findings.md, Terms).
"""

from __future__ import annotations

from fractions import Fraction

from clearway.domain.findings import Code, Finding, finding
from clearway.domain.precheck.context import CheckContext


def aircraft_category(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.aircraft_categories is None:
        return []
    category = context.request.aircraft.category
    if category in agreement.aircraft_categories:
        return []
    return [
        finding(
            Code.AIRCRAFT_CATEGORY_NOT_ALLOWED,
            field="aircraft.category",
            details={"category": category, "allowed": list(agreement.aircraft_categories)},
            category=category,
            allowed=", ".join(agreement.aircraft_categories),
        )
    ]


def seats(context: CheckContext) -> list[Finding]:
    people = context.request.people
    returnees = len(context.returnees)
    on_board = returnees + people.crew + people.escorts + people.medical_staff + people.monitors
    available = context.request.aircraft.seats
    if on_board <= available:
        return []
    return [
        finding(
            Code.SEATS_EXCEEDED,
            field="aircraft.seats",
            details={"on_board": on_board, "seats": available},
            on_board=on_board,
            seats=available,
            returnees=returnees,
        )
    ]


def passengers_per_flight(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.passengers_per_flight is None:
        return []
    returnees = len(context.returnees)
    if returnees <= agreement.passengers_per_flight:
        return []
    return [
        finding(
            Code.PASSENGERS_PER_FLIGHT_CAP,
            details={"returnees": returnees, "cap": agreement.passengers_per_flight},
            returnees=returnees,
            cap=agreement.passengers_per_flight,
        )
    ]


def declared_count(context: CheckContext) -> list[Finding]:
    declared = context.request.people.declared_passengers
    rows = len(context.returnees)
    if declared == rows:
        return []
    return [
        finding(
            Code.DECLARED_COUNT_MISMATCH,
            field="people.declared_passengers",
            details={"declared": declared, "rows": rows},
            declared=declared,
            rows=rows,
        )
    ]


def third_country(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.own_nationality is None or agreement.third_country_max_per_flight is None:
        return []
    own = agreement.own_nationality
    others = [r.seq for r in context.returnees if r.nationality is not None and r.nationality != own]
    if len(others) <= agreement.third_country_max_per_flight:
        return []
    return [
        finding(
            Code.THIRD_COUNTRY_CAP,
            details={"count": len(others), "cap": agreement.third_country_max_per_flight, "seqs": others},
            count=len(others),
            cap=agreement.third_country_max_per_flight,
            own=own,
        )
    ]


def escort_ratio(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.escorts_per_returnee is None:
        return []
    returnees = len(context.returnees)
    escorts = context.request.people.escorts
    ratio = agreement.escorts_per_returnee
    # Exact arithmetic: at 0.3 per returnee, 21 escorts for 70 returnees is enough.
    if returnees == 0 or Fraction(escorts, returnees) >= ratio:
        return []
    needed = -(-ratio * returnees // 1)  # ceiling of an exact fraction
    return [
        finding(
            Code.ESCORT_RATIO_LOW,
            field="people.escorts",
            details={
                "escorts": escorts,
                "returnees": returnees,
                "required_ratio": float(ratio),
                "required": int(needed),
            },
            escorts=escorts,
            returnees=returnees,
            ratio=f"{float(ratio):g}",
            needed=int(needed),
        )
    ]


def medical_staff(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or not agreement.medical_staff_if_medical:
        return []
    needing = [r.seq for r in context.returnees if r.medical_escort]
    if not needing or context.request.people.medical_staff > 0:
        return []
    return [
        finding(
            Code.MEDICAL_STAFF_MISSING,
            field="people.medical_staff",
            details={"seqs": needing},
            count=len(needing),
            seqs=", ".join(str(seq) for seq in needing if seq is not None),
        )
    ]


def monitor(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or not agreement.monitor_required or context.request.people.monitors > 0:
        return []
    return [finding(Code.MONITOR_MISSING, field="people.monitors")]


RULES = (
    aircraft_category,
    seats,
    passengers_per_flight,
    declared_count,
    third_country,
    escort_ratio,
    medical_staff,
    monitor,
)
