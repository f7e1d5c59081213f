"""The flight request file, TOML or JSON (spec/flight-request.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from clearway.domain.findings import Phrase
from clearway.domain.flights import AIRCRAFT_CATEGORIES, Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.formats.structured import Reader, load_document, unknown_keys
from clearway.settings import DEFAULT_LIMITS, InputLimits

_TOP = {"reference", "sending_authority", "receiving_country", "operator", "submitted_at",
        "aircraft", "legs", "people"}  # fmt: skip
_AIRCRAFT = {"type", "registration", "callsign", "category", "seats"}
_LEG = {"from", "to", "departure", "arrival"}
_PEOPLE = {"crew", "escorts", "medical_staff", "monitors", "declared_passengers"}


def read_request(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> FlightRequest:
    """Read and validate a request file; ``UnusableInput`` names the key at fault."""
    document = load_document(path, "request", limits)
    return parse_request(document, Reader(path, "request"))


def parse_request(document: dict[str, Any], reader: Reader) -> FlightRequest:
    unknown = unknown_keys(document, _TOP)
    aircraft_table = reader.table(document, "aircraft", "")
    assert aircraft_table is not None
    unknown += unknown_keys(aircraft_table, _AIRCRAFT, "aircraft")
    category = reader.text(aircraft_table, "category", "aircraft")
    assert category is not None
    if category not in AIRCRAFT_CATEGORIES:
        raise reader.fail("not_in_set", "aircraft.category", value=category, allowed=", ".join(AIRCRAFT_CATEGORIES))
    aircraft = Aircraft(
        type=_required_text(reader, aircraft_table, "type", "aircraft"),
        registration=_required_text(reader, aircraft_table, "registration", "aircraft"),
        callsign=_required_text(reader, aircraft_table, "callsign", "aircraft"),
        category=category,
        seats=_required_int(reader, aircraft_table, "seats", "aircraft"),
    )

    if "legs" not in document:
        raise reader.fail("missing_key", "legs")
    raw_legs = document["legs"]
    if not isinstance(raw_legs, list) or not all(isinstance(leg, dict) for leg in raw_legs):
        raise reader.fail("wrong_type", "legs", expected=Phrase(("type_table_list",)))
    if not raw_legs:
        raise reader.fail("no_legs", "legs")
    legs = []
    for index, raw in enumerate(raw_legs):
        where = f"legs[{index}]"
        unknown += unknown_keys(raw, _LEG, where)
        departure = reader.moment(raw, "departure", where)
        arrival = reader.moment(raw, "arrival", where)
        assert departure is not None and arrival is not None
        legs.append(
            Leg(
                origin=_required_text(reader, raw, "from", where),
                destination=_required_text(reader, raw, "to", where),
                departure=departure,
                arrival=arrival,
            )
        )

    people_table = reader.table(document, "people", "")
    assert people_table is not None
    unknown += unknown_keys(people_table, _PEOPLE, "people")
    people = PeopleOnBoard(**{name: _required_int(reader, people_table, name, "people") for name in sorted(_PEOPLE)})

    return FlightRequest(
        reference=_required_text(reader, document, "reference", ""),
        sending_authority=_required_text(reader, document, "sending_authority", ""),
        receiving_country=_required_text(reader, document, "receiving_country", ""),
        operator=_required_text(reader, document, "operator", ""),
        submitted_at=reader.moment(document, "submitted_at", "", required=False),
        aircraft=aircraft,
        legs=tuple(legs),
        people=people,
        unknown_keys=tuple(unknown),
    )


def _required_text(reader: Reader, table: dict[str, Any], name: str, where: str) -> str:
    value = reader.text(table, name, where)
    assert value is not None  # required=True raises instead of returning None
    return value


def _required_int(reader: Reader, table: dict[str, Any], name: str, where: str) -> int:
    value = reader.integer(table, name, where)
    assert value is not None
    return value
