"""What a manifest source says beyond its rows: the flight a PAXLST message names, and
where its envelope disagrees with what it holds (spec/manifest-paxlst.md).

A CSV or XLSX manifest has none of this (``Manifest.message`` is ``None``); the pre-check
compares what a message names with the request (``AIRCRAFT_IDENT_MISMATCH``) and reports
each disagreement (``MESSAGE_INCONSISTENT``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class ReportedPlace:
    """An airport of a reported leg with its scheduled local time, as the message wrote them."""

    airport: str  # as written: a 3-letter IATA or 4-letter ICAO code
    time_text: str  # the DTM value as written ('' when absent)
    local_time: datetime | None  # naive local time at that airport; None when absent or unreadable
    position: int  # the LOC segment's position in the interchange


@dataclass(frozen=True)
class ReportedLeg:
    """One ``TDT`` leg: the journey identifier and where and when it departs and arrives."""

    journey: str
    position: int  # the TDT segment's position
    departure: ReportedPlace | None
    arrival: ReportedPlace | None


@dataclass(frozen=True)
class Disagreement:
    """One place where the message contradicts itself (``MESSAGE_INCONSISTENT``).

    ``kind`` names the check (``unt_count``, ``unt_reference``, ``une_count``,
    ``une_reference``, ``unz_count``, ``unz_reference``, ``cnt_total``, ``cnt_qualifier``,
    ``cnt_malformed``, ``missing_unt``, ``common_access_reference``).
    """

    kind: str
    tag: str
    position: int
    declared: str
    actual: str


@dataclass(frozen=True)
class MessageFacts:
    """What the pre-check compares with the request, and the message's own disagreements."""

    syntax: str  # e.g. "PAXLST"
    legs: tuple[ReportedLeg, ...]
    disagreements: tuple[Disagreement, ...]
    parts: int  # messages (parts) in the report
    people: int  # persons read (NAD+FL / NAD+DDU)
