"""Agreement files (spec/agreements.md): strict, because a misspelt key would
silently switch a rule off."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import time
from fractions import Fraction
from pathlib import Path
from typing import Any

from clearway.domain.agreements import Agreement, OperatingHours
from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Phrase
from clearway.domain.flights import AIRCRAFT_CATEGORIES
from clearway.domain.people import DOCUMENT_TYPES
from clearway.formats.structured import Reader, load_document, unknown_keys
from clearway.settings import DEFAULT_LIMITS, InputLimits

_SECTIONS: dict[str, set[str]] = {
    "lead_time": {"min_hours"},
    "caps": {"flights_per_day", "passengers_per_day", "passengers_per_flight"},
    "aircraft": {"categories"},
    "nationalities": {"own", "third_country", "third_country_max_per_flight"},
    "documents": {"accepted_types", "expired_passport_ok_for_own", "mrz_required_for"},
    "safeguards": {"adult_age", "unaccompanied_minors", "escorts_per_returnee",
                   "medical_staff_if_medical", "monitor_required"},
    "amendments": {"time_tolerance_minutes"},
}  # fmt: skip
_TOP = {"id", "version", "sending_authority", "receiving_country", "effective_from",
        "effective_until", "entry_airports", *_SECTIONS}  # fmt: skip
_HOURS = re.compile(r"([0-9]{2}):([0-9]{2})-([0-9]{2}):([0-9]{2})")  # ASCII digits only


def read_agreements(paths: Sequence[Path], limits: InputLimits = DEFAULT_LIMITS) -> list[Agreement]:
    """Read agreement files; two with the same id and version but other content conflict."""
    seen: dict[tuple[str, int], tuple[Path, dict[str, Any]]] = {}
    agreements: list[Agreement] = []
    for path in paths:
        document = load_document(path, "agreement", limits)
        agreement = parse_agreement(document, Reader(path, "agreement"))
        key = (agreement.id, agreement.version)
        if key in seen:
            first_path, first_document = seen[key]
            if first_document != document:
                raise UnusableInput(
                    "agreement.conflict",
                    path=str(path),
                    other=str(first_path),
                    id=agreement.id,
                    version=agreement.version,
                )
            continue  # the same agreement given twice
        seen[key] = (path, document)
        agreements.append(agreement)
    return agreements


def parse_agreement(document: dict[str, Any], reader: Reader) -> Agreement:
    refused = unknown_keys(document, _TOP)
    for name, known in _SECTIONS.items():
        table = reader.table(document, name, "", required=False)
        if table is not None:
            refused += unknown_keys(table, known, name)
    if refused:
        raise reader.fail("unknown_key", refused[0])

    def text(name: str) -> str:
        value = reader.text(document, name)
        assert value is not None
        return value.strip().upper()

    version = reader.integer(document, "version", minimum=1)
    effective_from = reader.day(document, "effective_from")
    assert version is not None and effective_from is not None
    effective_until = reader.day(document, "effective_until", required=False)
    if effective_until is not None and effective_until < effective_from:
        raise reader.fail("until_before_from", "effective_until")

    section = {name: reader.table(document, name, "", required=False) or {} for name in _SECTIONS}
    lead = section["lead_time"]
    caps = section["caps"]
    nationalities = section["nationalities"]
    documents = section["documents"]
    safeguards = section["safeguards"]

    categories = reader.text_list(section["aircraft"], "categories", "aircraft")
    for category in categories or ():
        if category not in AIRCRAFT_CATEGORIES:
            raise reader.fail("not_in_set", "aircraft.categories", value=category,
                              allowed=", ".join(AIRCRAFT_CATEGORIES))  # fmt: skip
    accepted = _document_types(reader, documents, "accepted_types")
    mrz_required = _document_types(reader, documents, "mrz_required_for")
    ratio = reader.number(safeguards, "escorts_per_returnee", "safeguards")
    own = reader.text(nationalities, "own", "nationalities", required=False)
    third = reader.text_list(nationalities, "third_country", "nationalities")

    return Agreement(
        id=text("id"),
        version=version,
        sending_authority=text("sending_authority"),
        receiving_country=text("receiving_country"),
        effective_from=effective_from,
        effective_until=effective_until,
        source=str(reader.path),
        lead_time_min_hours=reader.number(lead, "min_hours", "lead_time"),
        entry_airports=_entry_airports(reader, document),
        flights_per_day=reader.integer(caps, "flights_per_day", "caps", required=False),
        passengers_per_day=reader.integer(caps, "passengers_per_day", "caps", required=False),
        passengers_per_flight=reader.integer(caps, "passengers_per_flight", "caps", required=False),
        aircraft_categories=categories,
        own_nationality=own.strip().upper() if own is not None else None,
        third_country_nationalities=tuple(code.strip().upper() for code in third) if third is not None else None,
        third_country_max_per_flight=reader.integer(
            nationalities, "third_country_max_per_flight", "nationalities", required=False
        ),
        accepted_document_types=accepted,
        expired_passport_ok_for_own=reader.flag(documents, "expired_passport_ok_for_own", "documents"),
        mrz_required_for=mrz_required,
        adult_age=reader.integer(safeguards, "adult_age", "safeguards", required=False),
        unaccompanied_minors=reader.flag(safeguards, "unaccompanied_minors", "safeguards"),
        escorts_per_returnee=Fraction(str(ratio)) if ratio is not None else None,
        medical_staff_if_medical=reader.flag(safeguards, "medical_staff_if_medical", "safeguards"),
        monitor_required=reader.flag(safeguards, "monitor_required", "safeguards"),
        time_tolerance_minutes=reader.integer(
            section["amendments"], "time_tolerance_minutes", "amendments", required=False
        ),
    )


def _document_types(reader: Reader, table: dict[str, Any], name: str) -> tuple[str, ...] | None:
    values = reader.text_list(table, name, "documents")
    if values is None:
        return None
    codes = tuple(value.strip().upper() for value in values)
    for code in codes:
        if code not in DOCUMENT_TYPES:
            raise reader.fail("not_in_set", f"documents.{name}", value=code,
                              allowed=", ".join(DOCUMENT_TYPES))  # fmt: skip
    return codes


def _entry_airports(reader: Reader, document: dict[str, Any]) -> dict[str, OperatingHours] | None:
    table = reader.table(document, "entry_airports", "", required=False)
    if table is None:
        return None
    airports: dict[str, OperatingHours] = {}
    for code, entry in table.items():
        where = f"entry_airports.{code}"
        if not isinstance(entry, dict):
            raise reader.fail("wrong_type", where, expected=Phrase(("type_hours_table",)))
        extra = unknown_keys(entry, {"hours"}, where)
        if extra:
            raise reader.fail("unknown_key", extra[0])
        hours = reader.text(entry, "hours", where)
        assert hours is not None
        airports[code.strip().upper()] = parse_hours(reader, hours, f"{where}.hours")
    return airports


def parse_hours(reader: Reader, text: str, key: str) -> OperatingHours:
    match = _HOURS.fullmatch(text.strip())
    if not match:
        raise reader.fail("bad_hours", key, value=text)
    open_h, open_m, close_h, close_m = (int(part) for part in match.groups())
    if open_h > 23 or open_m > 59 or close_m > 59 or close_h > 24 or (close_h == 24 and close_m):
        raise reader.fail("bad_hours", key, value=text)
    closes = time.max if close_h == 24 else time(close_h, close_m)
    return OperatingHours(opens=time(open_h, open_m), closes=closes, text=text.strip())
