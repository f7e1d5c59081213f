"""The content of one immutable version of a request: the flight and its passengers.

A version is stored as a JSON document (``to_document``) and read back exactly
(``from_document``). Nothing the user typed is changed on the way: names, codes and
unknown columns keep their text, byte for byte (spec/manifest-csv.md, "Nothing the user
typed is lost"). The manifest hash a clearance names is computed here, so that the
service, the signer and any offline verifier agree on it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from typing import Any

from clearway.domain.flights import Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.domain.manifest_message import MessageFacts, message_document, message_from_document
from clearway.domain.people import MANIFEST_COLUMNS, Manifest, ManifestRow

#: The document's own format number; bump it (and read the old one) when the shape changes.
DOCUMENT_SCHEMA = 1

_AIRCRAFT_TEXT = ("type", "registration", "callsign", "category")
_PEOPLE_COUNTS = ("crew", "escorts", "medical_staff", "monitors", "declared_passengers")
_FLIGHT_TEXT = ("reference", "sending_authority", "receiving_country", "operator")


class SnapshotFormatError(ValueError):
    """A stored document is not a snapshot this code can read (corrupt or from a newer schema)."""


@dataclass(frozen=True)
class Passenger:
    """One manifest row as stored: every column's text exactly as written ('' when empty)."""

    seq: str = ""
    surname: str = ""
    second_surname: str = ""
    given_names: str = ""
    sex: str = ""
    date_of_birth: str = ""
    nationality: str = ""
    document_type: str = ""
    document_number: str = ""
    document_issuer: str = ""
    document_expiry: str = ""
    mrz: str = ""
    case_ref: str = ""
    family_group: str = ""
    medical: str = ""
    medical_escort: str = ""
    notes: str = ""
    extra: dict[str, str] = field(default_factory=dict)  # unknown columns, verbatim

    @classmethod
    def from_values(cls, values: Mapping[str, str], extra: Mapping[str, str] | None = None) -> Passenger:
        """A passenger from column values by canonical name; absent columns are ''."""
        known = {column: values.get(column, "") for column in MANIFEST_COLUMNS}
        return cls(**known, extra=dict(extra or {}))

    def get(self, column: str) -> str:
        """The text of a known column."""
        if column not in MANIFEST_COLUMNS:
            raise KeyError(column)
        value: str = getattr(self, column)
        return value

    def as_row(self) -> dict[str, str]:
        """The known columns in their documented order."""
        return {column: self.get(column) for column in MANIFEST_COLUMNS}

    @property
    def seq_key(self) -> str:
        """The passenger's identity across versions (see ``canonical_seq``)."""
        return canonical_seq(self.seq)


@dataclass(frozen=True)
class RequestSnapshot:
    """The content of one version: the flight and the passengers in manifest order."""

    flight: FlightRequest
    passengers: tuple[Passenger, ...]
    #: What the manifest's PAXLST message named beyond its rows (None for CSV, XLSX, the API's rows).
    message: MessageFacts | None = None


def canonical_seq(seq: str) -> str:
    """A seq as a number without leading zeros ('007' is '7'), or stripped of spaces when it is not one."""
    text = seq.strip()
    # ASCII digits only: int() would also accept other scripts' digits and full-width forms.
    if text.isascii() and text.isdigit():
        return str(int(text))
    return text


def seq_order(seq_key: str) -> tuple[int, int, str]:
    """Sort key for seq keys: numbers in numeric order, then anything else by its text."""
    if seq_key.isascii() and seq_key.isdigit():
        return (0, int(seq_key), "")
    return (1, 0, seq_key)


def snapshot_from(flight: FlightRequest, manifest: Manifest) -> RequestSnapshot:
    """The snapshot of a flight and a manifest as read (row order kept, overflow cells not kept)."""
    passengers = tuple(Passenger.from_values(row.values, row.extra) for row in manifest.rows)
    return RequestSnapshot(flight=flight, passengers=passengers, message=manifest.message)


def manifest_of(snapshot: RequestSnapshot, source: str = "manifest") -> Manifest:
    """The snapshot's passengers as a Manifest the pre-check can run on.

    Every known column is present (a stored version has all of them), so a value
    missing from the original file is reported per row rather than as a missing column.
    Row ``line`` is position + 2, as if the rows followed a header line.
    """
    unknown: dict[str, None] = {}  # insertion-ordered set: first appearance wins
    for passenger in snapshot.passengers:
        unknown.update(dict.fromkeys(passenger.extra))
    rows = tuple(
        ManifestRow(line=position + 2, values=passenger.as_row(), extra=dict(passenger.extra))
        for position, passenger in enumerate(snapshot.passengers)
    )
    return Manifest(
        source=source,
        header=(*MANIFEST_COLUMNS, *unknown),
        columns=frozenset(MANIFEST_COLUMNS),
        unknown_columns=tuple(unknown),
        rows=rows,
        message=snapshot.message,
    )


# --- JSON ------------------------------------------------------------------------------


def canonical_json(value: object) -> bytes:
    """UTF-8 JSON with sorted keys and no whitespace; strings kept exactly (no normalisation).

    Hashes and signatures are computed over these bytes, so two equal values always give
    the same bytes. NaN and non-JSON types are refused rather than guessed at.
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.encode("utf-8")


def iso_utc(moment: datetime, *, microseconds: bool = False) -> str:
    """An aware datetime as ISO 8601 in UTC with ``Z`` (microseconds only when non-zero, unless asked)."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{moment!r} has no time zone; a stored time is never guessed")
    text = moment.astimezone(UTC).isoformat(timespec="microseconds" if microseconds else "auto")
    return text.removesuffix("+00:00") + "Z"


def parse_iso_utc(text: str) -> datetime:
    """An ISO 8601 time with a zone (``Z`` or an offset), converted to UTC."""
    moment = datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(f"{text!r} has no time zone")
    return moment.astimezone(UTC)


def passenger_document(passenger: Passenger) -> dict[str, Any]:
    """A passenger as JSON: every known column, and ``extra`` (always present, maybe empty)."""
    return {**passenger.as_row(), "extra": dict(passenger.extra)}


def flight_document(flight: FlightRequest) -> dict[str, Any]:
    """The flight as JSON, in the shape of the request file (legs use ``from``/``to``)."""
    return {
        **{name: getattr(flight, name) for name in _FLIGHT_TEXT},
        "submitted_at": iso_utc(flight.submitted_at) if flight.submitted_at else None,
        "aircraft": {
            **{name: getattr(flight.aircraft, name) for name in _AIRCRAFT_TEXT},
            "seats": flight.aircraft.seats,
            # Only when given: versions saved before the key existed keep their exact document.
            **({"flight_number": flight.aircraft.flight_number} if flight.aircraft.flight_number else {}),
        },
        "legs": [leg_document(leg) for leg in flight.legs],
        "people": {name: getattr(flight.people, name) for name in _PEOPLE_COUNTS},
        "unknown_keys": list(flight.unknown_keys),
    }


def leg_document(leg: Leg) -> dict[str, str]:
    """One leg as JSON, keyed as in the request file."""
    return {
        "from": leg.origin,
        "to": leg.destination,
        "departure": iso_utc(leg.departure),
        "arrival": iso_utc(leg.arrival),
    }


def to_document(snapshot: RequestSnapshot) -> dict[str, Any]:
    """The snapshot as a JSON-safe dict that ``from_document`` reads back to an equal snapshot."""
    document = {
        "schema": DOCUMENT_SCHEMA,
        "flight": flight_document(snapshot.flight),
        "passengers": [passenger_document(passenger) for passenger in snapshot.passengers],
    }
    if snapshot.message is not None:  # only then: other versions keep their exact document
        document["manifest_message"] = message_document(snapshot.message)
    return document


def from_document(document: Mapping[str, Any]) -> RequestSnapshot:
    """Read a document written by ``to_document``; ``SnapshotFormatError`` says what is wrong."""
    schema = document.get("schema")
    if schema != DOCUMENT_SCHEMA:
        raise SnapshotFormatError(f"unknown snapshot schema {schema!r}")
    flight = _read_flight(_table(document, "flight"))
    raw_passengers = _list(document, "passengers")
    message = None
    if document.get("manifest_message") is not None:
        try:
            message = message_from_document(document["manifest_message"])
        except (KeyError, TypeError, ValueError) as error:
            raise SnapshotFormatError(f"manifest_message: {error}") from None
    return RequestSnapshot(
        flight=flight,
        passengers=tuple(_read_passenger(raw, i) for i, raw in enumerate(raw_passengers)),
        message=message,
    )


def manifest_hash(snapshot: RequestSnapshot) -> str:
    """``sha256:`` + hex over the canonical JSON of the passengers in seq order.

    Row order in the file does not change the hash (seq is the passenger's identity);
    rows sharing a seq are ordered by their own content, so the hash is still unique.
    """
    ordered = sorted(
        (passenger_document(passenger) for passenger in snapshot.passengers),
        key=lambda doc: (seq_order(canonical_seq(doc["seq"])), canonical_json(doc)),
    )
    return "sha256:" + hashlib.sha256(canonical_json(ordered)).hexdigest()


# --- reading documents ----------------------------------------------------------------

_PASSENGER_KEYS = frozenset(item.name for item in fields(Passenger))


def _read_flight(raw: Mapping[str, Any]) -> FlightRequest:
    aircraft_raw = _table(raw, "aircraft", "flight")
    people_raw = _table(raw, "people", "flight")
    submitted = raw.get("submitted_at")
    if submitted is not None and not isinstance(submitted, str):
        raise SnapshotFormatError("flight.submitted_at must be a string or null")
    return FlightRequest(
        **{name: _text(raw, name, "flight") for name in _FLIGHT_TEXT},
        submitted_at=_moment(submitted, "flight.submitted_at") if submitted is not None else None,
        aircraft=Aircraft(
            **{name: _text(aircraft_raw, name, "flight.aircraft") for name in _AIRCRAFT_TEXT},
            seats=_integer(aircraft_raw, "seats", "flight.aircraft"),
            flight_number=_optional_text(aircraft_raw, "flight_number", "flight.aircraft"),
        ),
        legs=tuple(_read_leg(leg, index) for index, leg in enumerate(_list(raw, "legs", "flight"))),
        people=PeopleOnBoard(**{name: _integer(people_raw, name, "flight.people") for name in _PEOPLE_COUNTS}),
        unknown_keys=tuple(_string_list(raw, "unknown_keys", "flight")),
    )


def _read_leg(raw: object, index: int) -> Leg:
    where = f"flight.legs[{index}]"
    if not isinstance(raw, Mapping):
        raise SnapshotFormatError(f"{where} must be an object")
    return Leg(
        origin=_text(raw, "from", where),
        destination=_text(raw, "to", where),
        departure=_moment(_text(raw, "departure", where), f"{where}.departure"),
        arrival=_moment(_text(raw, "arrival", where), f"{where}.arrival"),
    )


def _read_passenger(raw: object, index: int) -> Passenger:
    # Run for every passenger of every version read (a review screen reads hundreds): the checks are
    # done in bulk and the message built only when one fails.
    if not isinstance(raw, Mapping):
        raise SnapshotFormatError(f"passengers[{index}] must be an object")
    extra = raw.get("extra")
    if not isinstance(extra, Mapping):
        raise SnapshotFormatError(f"passengers[{index}].extra must be an object")
    if not all(isinstance(value, str) for value in extra.values()):
        raise SnapshotFormatError(f"passengers[{index}].extra values must be strings")
    if unexpected := raw.keys() - _PASSENGER_KEYS:
        raise SnapshotFormatError(f"passengers[{index}] has unknown keys {sorted(unexpected)}")
    values = {column: raw.get(column) for column in MANIFEST_COLUMNS}
    if not all(isinstance(value, str) for value in values.values()):
        for column in MANIFEST_COLUMNS:
            _text(raw, column, f"passengers[{index}]")  # raises, naming the first column that is not text
    return Passenger(**values, extra=dict(extra))  # type: ignore[arg-type]  # every value checked as str above


def _table(raw: Mapping[str, Any], key: str, where: str = "") -> Mapping[str, Any]:
    value = raw.get(key)
    if not isinstance(value, Mapping):
        raise SnapshotFormatError(f"{_path(where, key)} must be an object")
    return value


def _list(raw: Mapping[str, Any], key: str, where: str = "") -> list[Any]:
    value = raw.get(key)
    if not isinstance(value, list):
        raise SnapshotFormatError(f"{_path(where, key)} must be a list")
    return value


def _string_list(raw: Mapping[str, Any], key: str, where: str) -> list[str]:
    values = _list(raw, key, where)
    if not all(isinstance(value, str) for value in values):
        raise SnapshotFormatError(f"{_path(where, key)} must hold strings")
    return values


def _text(raw: Mapping[str, Any], key: str, where: str) -> str:
    value = raw.get(key)
    if not isinstance(value, str):
        raise SnapshotFormatError(f"{_path(where, key)} must be a string")
    return value


def _optional_text(raw: Mapping[str, Any], key: str, where: str) -> str | None:
    if key not in raw:
        return None
    return _text(raw, key, where)


def _integer(raw: Mapping[str, Any], key: str, where: str) -> int:
    value = raw.get(key)
    if type(value) is not int:  # bool is an int subclass, and True is not a seat count
        raise SnapshotFormatError(f"{_path(where, key)} must be an integer")
    return int(value)


def _moment(text: str, where: str) -> datetime:
    try:
        return parse_iso_utc(text)
    except ValueError as error:
        raise SnapshotFormatError(f"{where}: {error}") from None


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
