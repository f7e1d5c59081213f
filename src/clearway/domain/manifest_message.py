"""What a manifest source says beyond its rows: the flight a PAXLST message names, and
where its envelope disagrees with what it holds (spec/manifest-paxlst.md).

A CSV or XLSX manifest has none of this (``Manifest.message`` is ``None``); the pre-check
compares what a message names with the request (``AIRCRAFT_IDENT_MISMATCH``) and reports
each disagreement (``MESSAGE_INCONSISTENT``).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


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
    #: The file exactly as received, transport lines, footers and segments the manifest has no
    #: column for included: spec/manifest-paxlst.md keeps the message as the manifest's source.
    original: bytes = field(default=b"", repr=False)


def message_document(facts: MessageFacts) -> dict[str, Any]:
    """The facts as JSON, stored with a version so that a later pre-check (on submit) sees them."""
    return {
        "syntax": facts.syntax,
        "legs": [
            {
                "journey": leg.journey,
                "position": leg.position,
                "departure": _place_document(leg.departure),
                "arrival": _place_document(leg.arrival),
            }
            for leg in facts.legs
        ],
        "disagreements": [asdict(item) for item in facts.disagreements],
        "parts": facts.parts,
        "people": facts.people,
        # Base64: the bytes as received (any charset, control characters), safe in any JSON column.
        "original_base64": base64.b64encode(facts.original).decode("ascii"),
    }


def _place_document(place: ReportedPlace | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "airport": place.airport,
        "time_text": place.time_text,
        "local_time": place.local_time.isoformat() if place.local_time else None,
        "position": place.position,
    }


def message_from_document(raw: Mapping[str, Any]) -> MessageFacts:
    """Read what ``message_document`` wrote; ``ValueError`` (or ``KeyError``/``TypeError``) when it is not that."""
    return MessageFacts(
        syntax=str(raw["syntax"]),
        legs=tuple(
            ReportedLeg(
                journey=str(leg["journey"]),
                position=int(leg["position"]),
                departure=_place(leg["departure"]),
                arrival=_place(leg["arrival"]),
            )
            for leg in raw["legs"]
        ),
        disagreements=tuple(Disagreement(**item) for item in raw["disagreements"]),
        parts=int(raw["parts"]),
        people=int(raw["people"]),
        original=_original(raw.get("original_base64", "")),
    )


def _original(text: object) -> bytes:
    if not isinstance(text, str):
        raise TypeError("original_base64 must be text")
    try:
        return base64.b64decode(text, validate=True)
    except binascii.Error as error:
        raise ValueError(f"original_base64: {error}") from None


def _place(raw: Mapping[str, Any] | None) -> ReportedPlace | None:
    if raw is None:
        return None
    local = raw["local_time"]
    return ReportedPlace(
        airport=str(raw["airport"]),
        time_text=str(raw["time_text"]),
        local_time=datetime.fromisoformat(local) if local else None,
        position=int(raw["position"]),
    )
