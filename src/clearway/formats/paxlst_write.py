"""Writing a request version as one PAXLST interchange (spec/manifest-paxlst.md, "Writing").

Names are written in MRZ form (ICAO Doc 9303 transliteration, the two surnames joined in
the one surname field); every other value as the manifest holds it, released where it
holds a service character. Dates are written ``YYMMDD`` as the guides do, except where
reading them back would give another century: those are written ``CCYYMMDD`` with format
``102``, so that export then import gives back the same dates. Above the part size the
report is split into parts that each repeat the header (standards/paxlst.md §6).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from clearway.domain.errors import UnusableInput
from clearway.domain.flights import Leg
from clearway.domain.mrz_names import mrz_name
from clearway.domain.reference import ReferenceData
from clearway.domain.snapshot import Passenger, RequestSnapshot
from clearway.formats.edifact import ServiceCharacters, write_segment
from clearway.formats.paxlst_people import read_birth_date, read_expiry_date

#: Persons per message before the report is split (the setting CLEARWAY_PAXLST_PART_SIZE;
#: the directory's maximum by default).
DEFAULT_PART_SIZE = 99_999
MAX_PARTS = 99  # UNH S010 sequence number is n..2
DIRECTORY = "D:05B"
_CHARACTERS = ServiceCharacters()
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_UNOA = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-()/='+:?!\"%&*;<>")
#: The manifest's document_type and the DOC code it is written as (the reader maps back).
_DOC_CODES = {"P": "P", "I": "I", "C": "F", "E": "E"}

Elements = Sequence[Sequence[str] | str]


@dataclass(frozen=True)
class PaxlstOptions:
    version: int
    prepared_at: datetime  # UTC: the interchange's date and time of preparation
    part_size: int = DEFAULT_PART_SIZE


def write_paxlst(snapshot: RequestSnapshot, reference: ReferenceData, options: PaxlstOptions) -> bytes:
    """The interchange's bytes, in the smallest UN/EDIFACT character set that holds the data."""
    flight = snapshot.flight
    passengers = snapshot.passengers
    size = max(1, options.part_size)
    chunks = [passengers[start : start + size] for start in range(0, len(passengers), size)] or [()]
    if len(chunks) > MAX_PARTS:
        raise UnusableInput("export.too_many_parts", parts=len(chunks), size=size, maximum=MAX_PARTS)
    journey = "".join((flight.aircraft.flight_number or flight.aircraft.callsign).split()).upper()
    header = _header(snapshot, reference, journey, options)
    first_departure = _local(flight.legs[0].departure, flight.legs[0].origin, reference)
    access_reference = f"{journey}/{first_departure:%y%m%d/%H%M}"[:35]
    control = _control_reference(flight.reference, options)
    reference_day = _local(flight.legs[0].arrival, flight.legs[0].destination, reference).date()

    messages: list[str] = []
    for number, chunk in enumerate(chunks, start=1):
        status = "F" if number == len(chunks) else ("C" if number == 1 else "")
        message_reference = f"PAX{number:03d}"
        segments: list[tuple[str, Elements]] = [
            ("UNH", [message_reference, ["PAXLST", *DIRECTORY.split(":"), "UN", "IATA"], access_reference,
                     [f"{number:02d}", status]]),
            *header,
        ]  # fmt: skip
        for passenger in chunk:
            segments.extend(_person(passenger, reference_day))
        segments.append(("CNT", [["42", str(len(passengers))]]))
        segments.append(("UNT", [str(len(segments) + 1), message_reference]))
        messages.append("\n".join(write_segment(tag, elements, _CHARACTERS) for tag, elements in segments))

    body = "\n".join(messages)
    syntax, encoding = _character_set(body)
    sender = _party(flight.sending_authority)
    recipient = _party(flight.receiving_country)
    stamp = [f"{options.prepared_at:%y%m%d}", f"{options.prepared_at:%H%M}"]
    envelope_open = [
        _CHARACTERS.una,
        write_segment("UNB", [[syntax, "4"], [sender, "ZZ"], [recipient, "ZZ"], stamp, control], _CHARACTERS),
        write_segment(
            "UNG",
            ["PAXLST", [sender, "ZZ"], [recipient, "ZZ"], stamp, control, "UN", DIRECTORY.split(":")],
            _CHARACTERS,
        ),
    ]
    envelope_close = [
        write_segment("UNE", [str(len(chunks)), control], _CHARACTERS),
        write_segment("UNZ", ["1", control], _CHARACTERS),
    ]
    text = "\n".join([*envelope_open, body, *envelope_close]) + "\n"
    return text.encode(encoding)


def _header(
    snapshot: RequestSnapshot, reference: ReferenceData, journey: str, options: PaxlstOptions
) -> list[tuple[str, Elements]]:
    flight = snapshot.flight
    segments: list[tuple[str, Elements]] = [
        ("BGM", ["745"]),
        ("RFF", [["TN", flight.reference, "", "", str(options.version)]]),
        ("NAD", ["MS", "", "", flight.sending_authority.strip()]),
    ]
    receiving = flight.receiving_country.strip().upper()
    for leg in flight.legs:
        arrives = _country(leg.destination, reference) == receiving
        segments.append(("TDT", ["20", journey]))
        segments.extend(_place(leg, reference, departure=True, qualifier="125" if arrives else "92"))
        segments.extend(_place(leg, reference, departure=False, qualifier="87" if arrives else "92"))
    return segments


def _place(leg: Leg, reference: ReferenceData, *, departure: bool, qualifier: str) -> list[tuple[str, Elements]]:
    code = leg.origin if departure else leg.destination
    moment = leg.departure if departure else leg.arrival
    airport = reference.airport(code.strip().upper())
    written = airport.iata if airport is not None and airport.iata else code.strip().upper()
    local = _local(moment, code, reference)
    return [
        ("LOC", [qualifier, written]),
        ("DTM", [["189" if departure else "232", f"{local:%y%m%d%H%M}", "201"]]),
    ]


def _local(moment: datetime, code: str, reference: ReferenceData) -> datetime:
    airport = reference.airport(code.strip().upper())
    return moment.astimezone(airport.tz) if airport is not None else moment


def _country(code: str, reference: ReferenceData) -> str | None:
    airport = reference.airport(code.strip().upper())
    return airport.country if airport is not None else None


def _person(passenger: Passenger, reference_day: date) -> list[tuple[str, Elements]]:
    surname = " ".join(part for part in (_name(passenger.surname), _name(passenger.second_surname)) if part)
    name: list[str] = [surname]
    given = _name(passenger.given_names)
    if given:
        name.append(given)
    segments: list[tuple[str, Elements]] = [("NAD", ["FL", "", "", name])]
    # A segment with nothing to say (no sex, no case reference) is left out, not sent empty.
    if passenger.sex.strip():
        segments.append(("ATT", ["2", "", passenger.sex.strip().upper()]))
    if passenger.date_of_birth.strip():
        segments.append(("DTM", [_date("329", passenger.date_of_birth, reference_day, read_birth_date)]))
    if passenger.nationality.strip():
        segments.append(("NAT", ["2", passenger.nationality.strip().upper()]))
    if passenger.seq.strip():
        segments.append(("RFF", [["ABO", passenger.seq.strip()]]))
    if passenger.case_ref.strip():
        segments.append(("RFF", [["AEA", passenger.case_ref.strip()]]))
    kind = passenger.document_type.strip().upper()
    if kind != "N" and (kind or passenger.document_number.strip()):
        segments.append(("DOC", [_DOC_CODES.get(kind, kind), passenger.document_number.strip()]))
        if passenger.document_expiry.strip():
            segments.append(("DTM", [_date("36", passenger.document_expiry, reference_day, read_expiry_date)]))
        if passenger.document_issuer.strip():
            segments.append(("LOC", ["91", passenger.document_issuer.strip().upper()]))
    return segments


def _date(qualifier: str, text: str, reference_day: date, read_back: Callable[[str, str, date], str]) -> list[str]:
    """``YYMMDD`` when reading it back gives this date, else ``CCYYMMDD:102``; other text as written."""
    value = text.strip()
    match = _ISO_DATE.fullmatch(value)
    if match is None:
        return [qualifier, value]
    year, month, day = match.groups()
    short = f"{year[2:]}{month}{day}"
    if read_back(short, "", reference_day) == value:
        return [qualifier, short]
    return [qualifier, f"{year}{month}{day}", "102"]


def _name(text: str) -> str:
    """A name part in MRZ form, words separated by spaces (as written when it has no MRZ form)."""
    if not text.strip():
        return ""
    try:
        return mrz_name(text).replace("<", " ")
    except ValueError:
        return " ".join(text.upper().split())


def _party(code: str) -> str:
    return "".join(code.split()).upper()[:35] or "CLEARWAY"


def _control_reference(request_reference: str, options: PaxlstOptions) -> str:
    """An..14, the same for the same version prepared at the same moment (reproducible files)."""
    seed = f"{request_reference}\n{options.version}\n{options.prepared_at.isoformat()}".encode()
    return "CW" + hashlib.sha256(seed).hexdigest()[:12].upper()


def _character_set(text: str) -> tuple[str, str]:
    """The UNB syntax identifier and encoding: UNOA when the data allows, else UNOB, UNOC, UNOY."""
    data = set(text) - {"\n"}
    if data <= _UNOA:
        return "UNOA", "ascii"
    if all(" " <= char <= "~" for char in data):
        return "UNOB", "ascii"
    if all(ord(char) < 256 for char in data):
        return "UNOC", "latin-1"
    return "UNOY", "utf-8"
