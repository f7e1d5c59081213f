"""What a signed clearance states (the claims), independent of how it is signed.

The claims name one version of one request: its aircraft, its legs and the hash of its
manifest, so a clearance can never be read as covering a later amendment.

Claims format (``to_claims_dict``), version 1. Short keys keep the token small enough
for a QR code; every key is required except ``rx`` (absent: no restrictions):

    v    1, the claims format            no   clearance number, "MEX-2025-000123"
    ref  request reference               rid  request id (the service's)
    ver  request version cleared         mh   manifest hash, "sha256:<hex>"
    ac   aircraft {"reg", "cs", "t"}: registration, callsign, ICAO type
    legs [[from, to, departure, arrival], ...]   times ISO 8601 UTC with Z
    pax  passengers on that manifest version (excluded ones included)
    rx   {"ex": [seq, ...], "c": "conditions text"}
    vf   valid from                      vu   valid until
    by   issuer {"n": organisation name, "c": country alpha-3}
    at   issued at                       kid  key id of the signing key

Unknown keys are refused, not ignored: a reader that skipped a restriction it did not
understand would report a clearance as wider than it is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from clearway.domain.snapshot import RequestSnapshot, iso_utc, manifest_hash, parse_iso_utc

CLAIMS_FORMAT = 1
_REQUIRED = frozenset({"v", "no", "ref", "rid", "ver", "mh", "ac", "legs", "pax", "vf", "vu", "by", "at", "kid"})
_OPTIONAL = frozenset({"rx"})
_COUNTRY = re.compile(r"[A-Z]{3}")


class ClaimsInvalid(ValueError):
    """A claims dictionary that is not version-1 clearance claims."""


@dataclass(frozen=True)
class ClearedLeg:
    origin: str
    destination: str
    departure: datetime  # UTC
    arrival: datetime  # UTC


@dataclass(frozen=True)
class ClearanceClaims:
    """Everything a clearance asserts; equal claims give byte-identical payloads."""

    number: str
    request_reference: str
    request_id: str
    version: int
    manifest_hash: str
    aircraft_registration: str
    aircraft_callsign: str
    aircraft_type: str
    legs: tuple[ClearedLeg, ...]
    passenger_count: int  # rows of the cleared manifest version, excluded ones included
    excluded_seqs: tuple[int, ...]
    conditions: str
    valid_from: datetime
    valid_until: datetime
    issuer_name: str
    issuer_country: str
    issued_at: datetime
    key_id: str

    @property
    def has_restrictions(self) -> bool:
        return bool(self.excluded_seqs or self.conditions)

    def to_claims_dict(self) -> dict[str, Any]:
        """The compact JSON-safe claims (format in the module docstring)."""
        claims: dict[str, Any] = {
            "v": CLAIMS_FORMAT,
            "no": self.number,
            "ref": self.request_reference,
            "rid": self.request_id,
            "ver": self.version,
            "mh": self.manifest_hash,
            "ac": {"reg": self.aircraft_registration, "cs": self.aircraft_callsign, "t": self.aircraft_type},
            "legs": [[leg.origin, leg.destination, iso_utc(leg.departure), iso_utc(leg.arrival)] for leg in self.legs],
            "pax": self.passenger_count,
            "vf": iso_utc(self.valid_from),
            "vu": iso_utc(self.valid_until),
            "by": {"n": self.issuer_name, "c": self.issuer_country},
            "at": iso_utc(self.issued_at),
            "kid": self.key_id,
        }
        if self.has_restrictions:
            claims["rx"] = {"ex": list(self.excluded_seqs), "c": self.conditions}
        return claims

    @classmethod
    def from_claims_dict(cls, claims: Mapping[str, Any]) -> ClearanceClaims:
        """Read claims written by ``to_claims_dict``; ``ClaimsInvalid`` names the first problem."""
        if not isinstance(claims, Mapping):
            raise ClaimsInvalid("claims must be an object")
        if missing := _REQUIRED - claims.keys():
            raise ClaimsInvalid(f"missing claims {sorted(missing)}")
        if unknown := claims.keys() - _REQUIRED - _OPTIONAL:
            raise ClaimsInvalid(f"unknown claims {sorted(unknown)}")
        if claims["v"] != CLAIMS_FORMAT or type(claims["v"]) is not int:
            raise ClaimsInvalid(f"unsupported claims format {claims['v']!r}")
        aircraft = _object(claims["ac"], "ac", {"reg", "cs", "t"})
        issuer = _object(claims["by"], "by", {"n", "c"})
        restrictions = _object(claims.get("rx", {"ex": [], "c": ""}), "rx", {"ex", "c"})
        excluded = restrictions["ex"]
        if not isinstance(excluded, list) or not all(type(seq) is int for seq in excluded):
            raise ClaimsInvalid("rx.ex must be a list of seq numbers")
        if not isinstance(claims["legs"], list) or not claims["legs"]:
            raise ClaimsInvalid("legs must be a non-empty list")
        return cls(
            number=_string(claims["no"], "no"),
            request_reference=_string(claims["ref"], "ref"),
            request_id=_string(claims["rid"], "rid"),
            version=_int(claims["ver"], "ver"),
            manifest_hash=_string(claims["mh"], "mh"),
            aircraft_registration=_string(aircraft["reg"], "ac.reg"),
            aircraft_callsign=_string(aircraft["cs"], "ac.cs"),
            aircraft_type=_string(aircraft["t"], "ac.t"),
            legs=tuple(_leg(raw, index) for index, raw in enumerate(claims["legs"])),
            passenger_count=_int(claims["pax"], "pax"),
            excluded_seqs=tuple(excluded),
            conditions=_string(restrictions["c"], "rx.c"),
            valid_from=_moment(claims["vf"], "vf"),
            valid_until=_moment(claims["vu"], "vu"),
            issuer_name=_string(issuer["n"], "by.n"),
            issuer_country=_string(issuer["c"], "by.c"),
            issued_at=_moment(claims["at"], "at"),
            key_id=_string(claims["kid"], "kid"),
        )


def clearance_number(country: str, year: int, serial: int) -> str:
    """The clearance number, e.g. ``MEX-2025-000123``: issuing country, year, serial within the year."""
    if not _COUNTRY.fullmatch(country.upper()):
        raise ValueError(f"{country!r} is not an alpha-3 country code")
    if not 1 <= year <= 9999 or serial < 1:
        raise ValueError(f"no clearance number for year {year}, serial {serial}")
    return f"{country.upper()}-{year:04d}-{serial:06d}"  # a seventh digit appears past 999999


def claims_for(
    snapshot: RequestSnapshot,
    *,
    number: str,
    request_id: str,
    version: int,
    excluded_seqs: tuple[int, ...] = (),
    conditions: str = "",
    valid_from: datetime,
    valid_until: datetime,
    issuer_name: str,
    issuer_country: str,
    issued_at: datetime,
    key_id: str,
) -> ClearanceClaims:
    """The claims of a clearance granted for this version: aircraft, legs and manifest from the snapshot."""
    if valid_until < valid_from:
        raise ValueError("a clearance cannot end before it starts")
    flight = snapshot.flight
    return ClearanceClaims(
        number=number,
        request_reference=flight.reference,
        request_id=request_id,
        version=version,
        manifest_hash=manifest_hash(snapshot),
        aircraft_registration=flight.aircraft.registration,
        aircraft_callsign=flight.aircraft.callsign,
        aircraft_type=flight.aircraft.type,
        legs=tuple(ClearedLeg(leg.origin, leg.destination, leg.departure, leg.arrival) for leg in flight.legs),
        passenger_count=len(snapshot.passengers),
        excluded_seqs=tuple(sorted(set(excluded_seqs))),
        conditions=conditions,
        valid_from=valid_from,
        valid_until=valid_until,
        issuer_name=issuer_name,
        issuer_country=issuer_country,
        issued_at=issued_at,
        key_id=key_id,
    )


@dataclass(frozen=True)
class CoverageLine:
    """One sentence of a clearance's description: a catalogue key (``clearance.line.*``) and its values.

    The domain does not translate; entry points render these with ``clearway.i18n.translate``.
    """

    key: str
    params: dict[str, str | int]


def coverage(claims: ClearanceClaims) -> list[CoverageLine]:
    """What the clearance covers, sentence by sentence, in reading order."""
    lines = [
        CoverageLine(
            "clearance.line.number",
            {
                "number": claims.number,
                "issuer": claims.issuer_name,
                "country": claims.issuer_country,
                "issued_at": shown_time(claims.issued_at),
            },
        ),
        CoverageLine(
            "clearance.line.request",
            {"reference": claims.request_reference, "version": claims.version, "request_id": claims.request_id},
        ),
        CoverageLine(
            "clearance.line.aircraft",
            {
                "registration": claims.aircraft_registration,
                "callsign": claims.aircraft_callsign,
                "type": claims.aircraft_type,
            },
        ),
    ]
    lines += [
        CoverageLine(
            "clearance.line.leg",
            {
                "number": position,
                "origin": leg.origin,
                "destination": leg.destination,
                "departure": shown_time(leg.departure),
                "arrival": shown_time(leg.arrival),
            },
        )
        for position, leg in enumerate(claims.legs, start=1)
    ]
    lines.append(
        CoverageLine(
            "clearance.line.manifest", {"count": claims.passenger_count, "manifest_hash": claims.manifest_hash}
        )
    )
    if claims.excluded_seqs:
        seqs = ", ".join(str(seq) for seq in claims.excluded_seqs)
        lines.append(CoverageLine("clearance.line.excluded", {"seqs": seqs}))
    if claims.conditions:
        lines.append(CoverageLine("clearance.line.conditions", {"conditions": claims.conditions}))
    if not claims.has_restrictions:
        lines.append(CoverageLine("clearance.line.no_restrictions", {}))
    lines += [
        CoverageLine(
            "clearance.line.validity",
            {"valid_from": shown_time(claims.valid_from), "valid_until": shown_time(claims.valid_until)},
        ),
        CoverageLine("clearance.line.key", {"key_id": claims.key_id}),
        # Offline, nobody can see a later revocation or a superseding amendment: say so every time.
        CoverageLine("clearance.line.offline_limits", {}),
    ]
    return lines


def shown_time(moment: datetime) -> str:
    """A UTC time for people, the same in every language: ``2025-01-22 00:15 UTC``."""
    text = iso_utc(moment)
    return f"{text[:10]} {text[11:16]} UTC" if text.endswith(":00Z") else f"{text[:10]} {text[11:-1]} UTC"


def _object(value: object, name: str, keys: set[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping) or set(value) != keys:
        raise ClaimsInvalid(f"{name} must be an object with keys {sorted(keys)}")
    return value


def _leg(raw: object, index: int) -> ClearedLeg:
    if not isinstance(raw, list) or len(raw) != 4:
        raise ClaimsInvalid(f"legs[{index}] must be [from, to, departure, arrival]")
    origin, destination, departure, arrival = raw
    return ClearedLeg(
        origin=_string(origin, f"legs[{index}][0]"),
        destination=_string(destination, f"legs[{index}][1]"),
        departure=_moment(departure, f"legs[{index}][2]"),
        arrival=_moment(arrival, f"legs[{index}][3]"),
    )


def _string(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise ClaimsInvalid(f"{name} must be a string")
    return value


def _int(value: object, name: str) -> int:
    if type(value) is not int:
        raise ClaimsInvalid(f"{name} must be an integer")
    return int(value)


def _moment(value: object, name: str) -> datetime:
    text = _string(value, name)
    try:
        return parse_iso_utc(text)
    except ValueError as error:
        raise ClaimsInvalid(f"{name}: {error}") from None
