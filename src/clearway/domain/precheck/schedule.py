"""Flight rules about airports, times and daily caps."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from clearway.domain.findings import Code, Finding, finding
from clearway.domain.precheck.context import CheckContext, DailyLoad


def local_time_text(moment: datetime) -> str:
    """``2025-01-21 17:15:00 UTC-07:00``: the local time with its offset, as messages show it."""
    offset = moment.utcoffset() or timedelta(0)
    sign = "-" if offset < timedelta(0) else "+"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{moment:%Y-%m-%d %H:%M:%S} UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def at_airport(context: CheckContext, code: str, moment: datetime) -> str:
    """The moment in the airport's local time with its offset (UTC when the airport is unknown)."""
    airport = context.reference.airport(code.strip().upper())
    if airport is None:
        return f"{moment:%Y-%m-%d %H:%M:%S} UTC"
    return local_time_text(moment.astimezone(airport.tz))


def unknown_airports(context: CheckContext) -> list[Finding]:
    findings = []
    for index, leg in enumerate(context.request.legs):
        for key, code in (("from", leg.origin), ("to", leg.destination)):
            if context.reference.airport(code.strip().upper()) is None:
                findings.append(
                    finding(Code.UNKNOWN_AIRPORT, field=f"legs[{index}].{key}", details={"airport": code}, airport=code)
                )
    return findings


def schedule(context: CheckContext) -> list[Finding]:
    findings = []
    legs = context.request.legs
    for index, leg in enumerate(legs):
        if leg.arrival < leg.departure:
            findings.append(
                finding(
                    Code.SCHEDULE_INVALID,
                    field=f"legs[{index}].arrival",
                    variant="arrives_before_departure",
                    leg=index,
                    arrival=at_airport(context, leg.destination, leg.arrival),
                    departure=at_airport(context, leg.origin, leg.departure),
                )
            )
        if index == 0:
            continue
        previous = legs[index - 1]
        if leg.origin.strip().upper() != previous.destination.strip().upper():
            findings.append(
                finding(
                    Code.SCHEDULE_INVALID,
                    field=f"legs[{index}].from",
                    variant="not_chained",
                    leg=index,
                    previous=index - 1,
                    origin=leg.origin,
                    destination=previous.destination,
                )
            )
        if leg.departure < previous.arrival:
            findings.append(
                finding(
                    Code.SCHEDULE_INVALID,
                    field=f"legs[{index}].departure",
                    variant="departs_before_previous_arrives",
                    leg=index,
                    previous=index - 1,
                    departure=at_airport(context, leg.origin, leg.departure),
                    arrival=at_airport(context, previous.destination, previous.arrival),
                )
            )
    return findings


def lead_time(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.lead_time_min_hours is None:
        return []
    first = context.judged_legs[0]
    available = first.leg.arrival - context.checked_at
    required = timedelta(hours=agreement.lead_time_min_hours)
    if available >= required:
        return []
    local = first.local_arrival
    hours = available.total_seconds() / 3600
    return [
        finding(
            Code.LEAD_TIME_SHORT,
            # An arrival already past is said as such, not as a negative number of hours of notice.
            variant="arrival_past" if available <= timedelta(0) else None,
            field=f"legs[{first.index}].arrival",
            details={"hours_before_arrival": round(hours, 2), "min_hours": agreement.lead_time_min_hours},
            submitted=f"{context.checked_at:%Y-%m-%d %H:%M:%S} UTC",
            arrival=local_time_text(local) if local else f"{first.leg.arrival:%Y-%m-%d %H:%M:%S} UTC",
            airport=first.leg.destination,
            hours=f"{hours:.1f}",
            minimum=_number(agreement.lead_time_min_hours),
        )
    ]


def entry_airports(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.entry_airports is None:
        return []
    findings = []
    for judged in context.judged_legs:
        if judged.airport is None:
            continue  # UNKNOWN_AIRPORT already says what is wrong with it
        code = judged.airport.icao
        hours = agreement.entry_airports.get(code)
        if hours is None:
            findings.append(
                finding(
                    Code.AIRPORT_NOT_DESIGNATED,
                    field=f"legs[{judged.index}].to",
                    details={"airport": code},
                    airport=code,
                    designated=", ".join(agreement.entry_airports),
                )
            )
            continue
        local = judged.local_arrival
        assert local is not None  # the airport is known
        # Compared to the second: 19:00:30 is after a 19:00 closing.
        if not hours.admits(local.time().replace(microsecond=0)):
            findings.append(
                finding(
                    Code.OUTSIDE_OPERATING_HOURS,
                    field=f"legs[{judged.index}].arrival",
                    details={"airport": code, "local_arrival": local.isoformat(), "hours": hours.text},
                    airport=code,
                    arrival=local_time_text(local),
                    hours=hours.text,
                )
            )
    return findings


def daily_caps(context: CheckContext) -> list[Finding]:
    """Caps count arrivals per local day; returnees count once, on the day of the first arrival."""
    agreement = context.agreement
    if agreement is None:
        return []
    findings = []
    located = [(judged, judged.local_arrival) for judged in context.judged_legs]
    if agreement.flights_per_day is not None:
        arrivals = Counter(local.date() for _, local in located if local is not None)
        for judged, local in located:
            if local is None or local.date() not in arrivals:
                continue
            day = local.date()
            total = arrivals.pop(day) + context.existing_load.get(day, DailyLoad()).flights
            if total > agreement.flights_per_day:
                findings.append(
                    finding(
                        Code.DAILY_FLIGHT_CAP,
                        field=f"legs[{judged.index}].arrival",
                        details={"day": day.isoformat(), "flights": total, "cap": agreement.flights_per_day},
                        day=day.isoformat(),
                        flights=total,
                        cap=agreement.flights_per_day,
                    )
                )
    if agreement.passengers_per_day is not None:
        first_day: date = context.arrival_date
        total = len(context.returnees) + context.existing_load.get(first_day, DailyLoad()).passengers
        if total > agreement.passengers_per_day:
            findings.append(
                finding(
                    Code.DAILY_PASSENGER_CAP,
                    field=f"legs[{context.judged_legs[0].index}].arrival",
                    details={"day": first_day.isoformat(), "passengers": total, "cap": agreement.passengers_per_day},
                    day=first_day.isoformat(),
                    passengers=total,
                    cap=agreement.passengers_per_day,
                )
            )
    return findings


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


RULES = (unknown_airports, schedule, lead_time, entry_airports, daily_caps)
