"""Rules for a manifest source that is a message naming its own flight (PAXLST):
``MESSAGE_INCONSISTENT`` and ``AIRCRAFT_IDENT_MISMATCH`` (spec/manifest-paxlst.md)."""

from __future__ import annotations

from datetime import datetime, timedelta

from clearway.domain.findings import Code, Finding, finding
from clearway.domain.flights import Leg
from clearway.domain.manifest_message import ReportedLeg, ReportedPlace
from clearway.domain.precheck.context import CheckContext


def inconsistent_message(context: CheckContext) -> list[Finding]:
    """One finding for each count or reference the message contradicts."""
    message = context.manifest.message
    if message is None:
        return []
    return [
        finding(
            Code.MESSAGE_INCONSISTENT,
            field=item.tag,
            details={
                "kind": item.kind,
                "segment": item.tag,
                "position": item.position,
                "declared": item.declared,
                "actual": item.actual,
            },
            variant=item.kind,
            tag=item.tag,
            position=item.position,
            declared=item.declared,
            actual=item.actual,
        )
        for item in message.disagreements
    ]


def _plain(text: str) -> str:
    return "".join(text.split()).upper()


def journey_mismatch(context: CheckContext) -> list[Finding]:
    """A TDT journey id that is neither the request's flight number nor its callsign."""
    message = context.manifest.message
    if message is None:
        return []
    aircraft = context.request.aircraft
    accepted = {_plain(aircraft.callsign)} | ({_plain(aircraft.flight_number)} if aircraft.flight_number else set())
    expected = aircraft.flight_number or aircraft.callsign
    findings: list[Finding] = []
    reported: set[str] = set()
    for leg in message.legs:
        journey = _plain(leg.journey)
        if journey in accepted or journey in reported:
            continue
        reported.add(journey)
        findings.append(
            finding(
                Code.AIRCRAFT_IDENT_MISMATCH,
                field="aircraft.callsign",
                details={"message": leg.journey, "request": expected, "position": leg.position},
                variant="journey",
                value=leg.journey,
                expected=expected,
                position=leg.position,
            )
        )
    return findings


def route_mismatch(context: CheckContext) -> list[Finding]:
    """Message legs matched in order to the request's, from the leg the message departs from."""
    message = context.manifest.message
    if message is None or not message.legs:
        return []
    request_legs = context.request.legs
    first = message.legs[0].departure
    start = 0
    if first is not None:
        start = next(
            (index for index, leg in enumerate(request_legs) if _same_airport(context, first.airport, leg.origin)), 0
        )
    tolerance = timedelta(minutes=(context.agreement.time_tolerance_minutes or 0) if context.agreement else 0)
    findings: list[Finding] = []
    for offset, reported in enumerate(message.legs):
        index = start + offset
        if index >= len(request_legs):
            findings.append(
                finding(
                    Code.AIRCRAFT_IDENT_MISMATCH,
                    field=f"legs[{index}].from",
                    details={"message": _route(reported), "request": None, "position": reported.position},
                    variant="extra_leg",
                    value=_route(reported),
                    position=reported.position,
                )
            )
            continue
        leg = request_legs[index]
        findings.extend(_place_findings(context, index, leg, reported, tolerance))
    return findings


def _route(leg: ReportedLeg) -> str:
    departure = leg.departure.airport if leg.departure else "?"
    arrival = leg.arrival.airport if leg.arrival else "?"
    return f"{leg.journey} {departure}-{arrival}"


def _place_findings(
    context: CheckContext, index: int, leg: Leg, reported: ReportedLeg, tolerance: timedelta
) -> list[Finding]:
    findings: list[Finding] = []
    sides = (
        ("from", "departure", leg.origin, leg.departure, reported.departure),
        ("to", "arrival", leg.destination, leg.arrival, reported.arrival),
    )
    for airport_key, time_key, request_airport, request_time, place in sides:
        if place is None:
            continue
        if not _same_airport(context, place.airport, request_airport):
            findings.append(
                finding(
                    Code.AIRCRAFT_IDENT_MISMATCH,
                    field=f"legs[{index}].{airport_key}",
                    details={"message": place.airport, "request": request_airport, "position": place.position},
                    variant="airport",
                    value=place.airport,
                    expected=request_airport,
                    position=place.position,
                )
            )
            continue
        findings.extend(
            _time_finding(context, f"legs[{index}].{time_key}", request_airport, request_time, place, tolerance)
        )
    return findings


def _time_finding(
    context: CheckContext,
    field: str,
    airport_code: str,
    request_time: datetime,
    place: ReportedPlace,
    tolerance: timedelta,
) -> list[Finding]:
    if not place.time_text.strip():
        return []
    airport = context.reference.airport(airport_code.strip().upper())
    if airport is None:
        return []  # no local time to compare with: UNKNOWN_AIRPORT says what is wrong
    local = request_time.astimezone(airport.tz)
    expected = local.isoformat(timespec="minutes")
    if place.local_time is None:
        return [
            finding(
                Code.AIRCRAFT_IDENT_MISMATCH,
                field=field,
                details={"message": place.time_text, "request": expected, "position": place.position},
                variant="time_unreadable",
                value=place.time_text,
                expected=expected,
                position=place.position,
            )
        ]
    reported = place.local_time.replace(tzinfo=airport.tz)
    if abs(reported - local) <= tolerance:
        return []
    shown = place.local_time.isoformat(timespec="minutes")
    return [
        finding(
            Code.AIRCRAFT_IDENT_MISMATCH,
            field=field,
            details={"message": shown, "request": expected, "position": place.position},
            variant="time",
            value=shown,
            expected=expected,
            position=place.position,
            tolerance=int(tolerance.total_seconds() // 60),
        )
    ]


def _same_airport(context: CheckContext, reported: str, request_code: str) -> bool:
    """A 3-letter IATA code in the message is the same airport as the request's ICAO code."""
    code = reported.strip().upper()
    requested = request_code.strip().upper()
    if code == requested:
        return True
    airport = context.reference.airport(requested)
    return airport is not None and bool(airport.iata) and airport.iata == code


FILE_RULES = (inconsistent_message,)
FLIGHT_RULES = (journey_mismatch, route_mismatch)
