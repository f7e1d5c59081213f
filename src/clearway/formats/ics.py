"""ICS calendar feeds (RFC 5545) written with icalendar: one VEVENT per arrival.

Times are written in the arrival airport's own zone (``DTSTART;TZID=America/Tijuana``) with
the zone's VTIMEZONE, so a calendar shows the local time the airport lives by, right on
both sides of a daylight-saving change. An event keeps its ``UID`` for the life of the
request and its ``SEQUENCE`` grows with the request's version, so calendars update it in
place; a cancelled flight stays in the feed as ``STATUS:CANCELLED``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum

from icalendar import Calendar, Event

PRODUCT_ID = "-//Clearway//Arrivals feed//EN"
#: How long an arrival occupies a calendar: the reception at the airport, roughly.
ARRIVAL_BLOCK = timedelta(hours=1)


class EntryStatus(StrEnum):
    TENTATIVE = "TENTATIVE"
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


@dataclass(frozen=True)
class ArrivalEntry:
    uid: str
    summary: str
    arrival: datetime  # aware
    zone: tzinfo  # the airport's
    airport: str
    status: EntryStatus
    sequence: int
    updated_at: datetime
    description: str
    url: str | None = None


def write_calendar(name: str, entries: Iterable[ArrivalEntry]) -> bytes:
    """The feed as ICS bytes, with a VTIMEZONE for every zone its events use."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for entry in entries:
        event = Event()
        local = entry.arrival.astimezone(entry.zone)
        event.add("uid", entry.uid)
        event.add("summary", entry.summary)
        event.add("dtstart", local)
        event.add("dtend", local + ARRIVAL_BLOCK)
        event.add("dtstamp", entry.updated_at)
        event.add("last-modified", entry.updated_at)
        event.add("sequence", entry.sequence)
        event.add("status", str(entry.status))
        event.add("location", entry.airport)
        event.add("description", entry.description)
        if entry.url:
            event.add("url", entry.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    written: bytes = calendar.to_ical()
    return written
