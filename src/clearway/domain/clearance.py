"""What a signed decision states (the claims), independent of how it is signed.

Every decision of the receiving side is signed: an approval (with or without
restrictions), a request for information, a denial and a revocation. The claims name
one version of one request: its aircraft, its legs and the hash of its manifest, so a
decision can never be read as covering a later amendment. Passengers appear only as a
count and, for restrictions, by ``seq``; a token never carries a name.

Claims format version 2 (``to_claims_dict``), documented for outside verifiers in
``docs/clearance-claims.md``. Short keys keep the token small enough for a QR code:

    v    2, the claims format            d    decision: approve | approve_restricted |
                                              request_info | deny | revoke
    no   clearance number (approvals, and the number a revocation withdraws; absent otherwise)
    ref  request reference               rid  request id (the service's)
    ver  request version decided on      mh   manifest hash, "sha256:<hex>"
    ac   aircraft {"reg", "cs", "t"}: registration, callsign, ICAO type
    legs [[from, to, departure, arrival, from_offset, to_offset], ...]
         times ISO 8601 UTC with Z; offsets: minutes east of UTC at that airport at that
         moment (so an offline reader can show local times), null when not known
    pax  passengers on that manifest version (excluded ones included)
    rx   {"ex": [seq, ...], "c": "conditions text"}   (approve_restricted only)
    rc   reason codes, e.g. ["DOCUMENT_EXPIRED"]       (absent: none)
    vf   valid from, vu valid until                   (approvals only)
    by   issuer {"n": organisation name, "c": country alpha-3}
    at   issued at                       kid  key id of the signing key
    dev  true when the signing key was protected only by the published development
         secret: such a token proves nothing about who signed it

Version 1 (approvals only: no ``d``, ``rc``, ``dev`` or offsets; legs of four) is still
read, so clearances issued before version 2 keep verifying; ``format_version`` says
which one a token is.

Unknown keys are refused, not ignored: a reader that skipped a restriction it did not
understand would report a clearance as wider than it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import StrEnum
from typing import Any

from clearway.domain.snapshot import RequestSnapshot, iso_utc, manifest_hash, parse_iso_utc

CLAIMS_FORMAT = 2
LEGACY_FORMAT = 1
_COUNTRY = re.compile(r"[A-Z]{3}")
_COMMON = frozenset({"v", "ref", "rid", "ver", "mh", "ac", "legs", "pax", "by", "at", "kid"})
_V1_REQUIRED = _COMMON | {"no", "vf", "vu"}
_V1_OPTIONAL = frozenset({"rx"})
_V2_REQUIRED = _COMMON | {"d", "dev"}
_V2_OPTIONAL = frozenset({"no", "vf", "vu", "rx", "rc"})
#: Offsets on Earth run from UTC−12:00 to UTC+14:00.
_OFFSET_RANGE = range(-12 * 60, 14 * 60 + 1)


class ClaimsInvalid(ValueError):
    """A claims dictionary that is not clearance claims of a known format."""


class DecisionKind(StrEnum):
    """The decisions that are signed (the workflow's actions of the same names)."""

    APPROVE = "approve"
    APPROVE_RESTRICTED = "approve_restricted"
    REQUEST_INFO = "request_info"
    DENY = "deny"
    REVOKE = "revoke"

    @property
    def grants(self) -> bool:
        """Whether this decision lets the flight land (and so carries a number and a validity)."""
        return self in (DecisionKind.APPROVE, DecisionKind.APPROVE_RESTRICTED)


@dataclass(frozen=True)
class ClearedLeg:
    origin: str
    destination: str
    departure: datetime  # UTC
    arrival: datetime  # UTC
    # Minutes east of UTC at the origin at departure, and at the destination at arrival;
    # None in version 1 tokens and for an airport the issuer could not place.
    departure_offset: int | None = None
    arrival_offset: int | None = None


@dataclass(frozen=True)
class ClearanceClaims:
    """Everything a signed decision asserts; equal claims give byte-identical payloads."""

    decision: DecisionKind
    number: str | None  # approvals, and the clearance a revocation withdraws
    request_reference: str
    request_id: str
    version: int
    manifest_hash: str
    aircraft_registration: str
    aircraft_callsign: str
    aircraft_type: str
    legs: tuple[ClearedLeg, ...]
    passenger_count: int  # rows of the decided manifest version, excluded ones included
    excluded_seqs: tuple[int, ...]
    conditions: str
    reason_codes: tuple[str, ...]
    valid_from: datetime | None  # approvals only
    valid_until: datetime | None
    issuer_name: str
    issuer_country: str
    issued_at: datetime
    key_id: str
    development_key: bool = False
    format_version: int = CLAIMS_FORMAT

    @property
    def has_restrictions(self) -> bool:
        return bool(self.excluded_seqs or self.conditions)

    def to_claims_dict(self) -> dict[str, Any]:
        """The compact JSON-safe claims (format in the module docstring)."""
        if self.format_version == LEGACY_FORMAT:
            return self._v1_dict()
        claims: dict[str, Any] = {
            "v": CLAIMS_FORMAT,
            "d": str(self.decision),
            **self._common_dict(),
            "legs": [
                [
                    leg.origin,
                    leg.destination,
                    iso_utc(leg.departure),
                    iso_utc(leg.arrival),
                    leg.departure_offset,
                    leg.arrival_offset,
                ]
                for leg in self.legs
            ],
            "dev": self.development_key,
        }
        if self.number is not None:
            claims["no"] = self.number
        if self.valid_from is not None and self.valid_until is not None:
            claims["vf"], claims["vu"] = iso_utc(self.valid_from), iso_utc(self.valid_until)
        if self.has_restrictions:
            claims["rx"] = {"ex": list(self.excluded_seqs), "c": self.conditions}
        if self.reason_codes:
            claims["rc"] = list(self.reason_codes)
        return claims

    def _common_dict(self) -> dict[str, Any]:
        return {
            "ref": self.request_reference,
            "rid": self.request_id,
            "ver": self.version,
            "mh": self.manifest_hash,
            "ac": {"reg": self.aircraft_registration, "cs": self.aircraft_callsign, "t": self.aircraft_type},
            "pax": self.passenger_count,
            "by": {"n": self.issuer_name, "c": self.issuer_country},
            "at": iso_utc(self.issued_at),
            "kid": self.key_id,
        }

    def _v1_dict(self) -> dict[str, Any]:
        assert self.valid_from is not None and self.valid_until is not None  # every v1 token is an approval
        claims: dict[str, Any] = {
            "v": LEGACY_FORMAT,
            "no": self.number,
            **self._common_dict(),
            "legs": [[leg.origin, leg.destination, iso_utc(leg.departure), iso_utc(leg.arrival)] for leg in self.legs],
            "vf": iso_utc(self.valid_from),
            "vu": iso_utc(self.valid_until),
        }
        if self.has_restrictions:
            claims["rx"] = {"ex": list(self.excluded_seqs), "c": self.conditions}
        return claims

    @classmethod
    def from_claims_dict(cls, claims: Mapping[str, Any]) -> ClearanceClaims:
        """Read claims written by ``to_claims_dict`` (either format); ``ClaimsInvalid`` names the first problem."""
        if not isinstance(claims, Mapping):
            raise ClaimsInvalid("claims must be an object")
        version = claims.get("v")
        if type(version) is not int or version not in (LEGACY_FORMAT, CLAIMS_FORMAT):
            raise ClaimsInvalid(f"unsupported claims format {version!r}")
        required, optional = (_V1_REQUIRED, _V1_OPTIONAL) if version == LEGACY_FORMAT else (_V2_REQUIRED, _V2_OPTIONAL)
        if missing := required - claims.keys():
            raise ClaimsInvalid(f"missing claims {sorted(missing)}")
        if unknown := claims.keys() - required - optional:
            raise ClaimsInvalid(f"unknown claims {sorted(unknown)}")
        if version == LEGACY_FORMAT:
            decision = DecisionKind.APPROVE_RESTRICTED if "rx" in claims else DecisionKind.APPROVE
            development = False
        else:
            decision = _decision(claims["d"])
            development = claims["dev"]
            if type(development) is not bool:
                raise ClaimsInvalid("dev must be true or false")
        _check_shape(claims, decision)
        aircraft = _object(claims["ac"], "ac", {"reg", "cs", "t"})
        issuer = _object(claims["by"], "by", {"n", "c"})
        restrictions = _object(claims.get("rx", {"ex": [], "c": ""}), "rx", {"ex", "c"})
        excluded = restrictions["ex"]
        if not isinstance(excluded, list) or not all(type(seq) is int for seq in excluded):
            raise ClaimsInvalid("rx.ex must be a list of seq numbers")
        if not isinstance(claims["legs"], list) or not claims["legs"]:
            raise ClaimsInvalid("legs must be a non-empty list")
        reasons = claims.get("rc", [])
        if not isinstance(reasons, list) or (not reasons and "rc" in claims):
            raise ClaimsInvalid("rc must be a non-empty list of reason codes")
        return cls(
            decision=decision,
            number=_string(claims["no"], "no") if "no" in claims else None,
            request_reference=_string(claims["ref"], "ref"),
            request_id=_string(claims["rid"], "rid"),
            version=_int(claims["ver"], "ver"),
            manifest_hash=_string(claims["mh"], "mh"),
            aircraft_registration=_string(aircraft["reg"], "ac.reg"),
            aircraft_callsign=_string(aircraft["cs"], "ac.cs"),
            aircraft_type=_string(aircraft["t"], "ac.t"),
            legs=tuple(_leg(raw, index, version) for index, raw in enumerate(claims["legs"])),
            passenger_count=_int(claims["pax"], "pax"),
            excluded_seqs=tuple(excluded),
            conditions=_string(restrictions["c"], "rx.c"),
            reason_codes=tuple(_string(code, f"rc[{index}]") for index, code in enumerate(reasons)),
            valid_from=_moment(claims["vf"], "vf") if "vf" in claims else None,
            valid_until=_moment(claims["vu"], "vu") if "vu" in claims else None,
            issuer_name=_string(issuer["n"], "by.n"),
            issuer_country=_country(issuer["c"]),
            issued_at=_moment(claims["at"], "at"),
            key_id=_string(claims["kid"], "kid"),
            development_key=development,
            format_version=version,
        )


def clearance_number(country: str, year: int, serial: int) -> str:
    """The clearance number, e.g. ``MEX-2025-000123``: issuing country, year, serial within the year."""
    if not _COUNTRY.fullmatch(country.upper()):
        raise ValueError(f"{country!r} is not an alpha-3 country code")
    if not 1 <= year <= 9999 or serial < 1:
        raise ValueError(f"no clearance number for year {year}, serial {serial}")
    return f"{country.upper()}-{year:04d}-{serial:06d}"  # a seventh digit appears past 999999


def utc_offset_minutes(zone: tzinfo | None, moment: datetime) -> int | None:
    """Minutes east of UTC in ``zone`` at ``moment`` (None when the zone is not known)."""
    if zone is None:
        return None
    offset = moment.astimezone(zone).utcoffset()
    return None if offset is None else int(offset.total_seconds() // 60)


def claims_for(
    snapshot: RequestSnapshot,
    *,
    decision: DecisionKind = DecisionKind.APPROVE,
    number: str | None,
    request_id: str,
    version: int,
    excluded_seqs: tuple[int, ...] = (),
    conditions: str = "",
    reason_codes: tuple[str, ...] = (),
    valid_from: datetime | None = None,
    valid_until: datetime | None = None,
    issuer_name: str,
    issuer_country: str,
    issued_at: datetime,
    key_id: str,
    development_key: bool = False,
    zone_of: Callable[[str], tzinfo | None] = lambda _airport: None,
) -> ClearanceClaims:
    """The claims of a decision on this version: aircraft, legs and manifest from the snapshot.

    ``zone_of`` gives an airport's time zone (from reference data the caller holds), for
    the UTC offsets at both ends of every leg.
    """
    if decision.grants and (number is None or valid_from is None or valid_until is None):
        raise ValueError("an approval carries a clearance number and its validity")
    if not decision.grants and (valid_from is not None or valid_until is not None):
        raise ValueError(f"a {decision} decision has no validity")
    if decision in (DecisionKind.REQUEST_INFO, DecisionKind.DENY) and number is not None:
        raise ValueError(f"a {decision} decision has no clearance number")
    if valid_from is not None and valid_until is not None and valid_until < valid_from:
        raise ValueError("a clearance cannot end before it starts")
    if decision is not DecisionKind.APPROVE_RESTRICTED and (excluded_seqs or conditions):
        raise ValueError("only an approval with restrictions carries restrictions")
    flight = snapshot.flight
    legs = tuple(
        ClearedLeg(
            leg.origin,
            leg.destination,
            leg.departure,
            leg.arrival,
            utc_offset_minutes(zone_of(leg.origin), leg.departure),
            utc_offset_minutes(zone_of(leg.destination), leg.arrival),
        )
        for leg in flight.legs
    )
    return ClearanceClaims(
        decision=decision,
        number=number,
        request_reference=flight.reference,
        request_id=request_id,
        version=version,
        manifest_hash=manifest_hash(snapshot),
        aircraft_registration=flight.aircraft.registration,
        aircraft_callsign=flight.aircraft.callsign,
        aircraft_type=flight.aircraft.type,
        legs=legs,
        passenger_count=len(snapshot.passengers),
        excluded_seqs=tuple(sorted(set(excluded_seqs))),
        conditions=conditions,
        reason_codes=tuple(reason_codes),
        valid_from=valid_from,
        valid_until=valid_until,
        issuer_name=issuer_name,
        issuer_country=issuer_country.upper(),
        issued_at=issued_at,
        key_id=key_id,
        development_key=development_key,
    )


# --- reading ---------------------------------------------------------------------------------


def _check_shape(claims: Mapping[str, Any], decision: DecisionKind) -> None:
    # What a decision must and must not carry: a denial with a validity window, or an
    # approval without one, is not something this service signs, so it is not read.
    if decision.grants and not {"no", "vf", "vu"} <= claims.keys():
        raise ClaimsInvalid(f"a {decision} decision needs no, vf and vu")
    if not decision.grants and ({"vf", "vu"} & claims.keys()):
        raise ClaimsInvalid(f"a {decision} decision has no validity")
    if decision is DecisionKind.REVOKE and "no" not in claims:
        raise ClaimsInvalid("a revocation names the clearance it withdraws")
    if decision in (DecisionKind.REQUEST_INFO, DecisionKind.DENY) and "no" in claims:
        raise ClaimsInvalid(f"a {decision} decision has no clearance number")
    if "rx" in claims and decision is not DecisionKind.APPROVE_RESTRICTED:
        raise ClaimsInvalid("only an approval with restrictions carries rx")


def _decision(value: object) -> DecisionKind:
    try:
        return DecisionKind(_string(value, "d"))
    except ValueError:
        raise ClaimsInvalid(f"unknown decision {value!r}") from None


def _object(value: object, name: str, keys: set[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping) or set(value) != keys:
        raise ClaimsInvalid(f"{name} must be an object with keys {sorted(keys)}")
    return value


def _leg(raw: object, index: int, version: int) -> ClearedLeg:
    width = 4 if version == LEGACY_FORMAT else 6
    if not isinstance(raw, list) or len(raw) != width:
        shape = "[from, to, departure, arrival" + ("]" if width == 4 else ", from_offset, to_offset]")
        raise ClaimsInvalid(f"legs[{index}] must be {shape}")
    offsets = [_offset(value, f"legs[{index}][{4 + place}]") for place, value in enumerate(raw[4:])]
    return ClearedLeg(
        _string(raw[0], f"legs[{index}][0]"),
        _string(raw[1], f"legs[{index}][1]"),
        _moment(raw[2], f"legs[{index}][2]"),
        _moment(raw[3], f"legs[{index}][3]"),
        *offsets,
    )


def _offset(value: object, name: str) -> int | None:
    if value is None:
        return None
    if type(value) is not int or value not in _OFFSET_RANGE:
        raise ClaimsInvalid(f"{name} must be minutes east of UTC, or null")
    return int(value)


def _country(value: object) -> str:
    text = _string(value, "by.c")
    if not _COUNTRY.fullmatch(text):
        raise ClaimsInvalid("by.c must be an upper-case alpha-3 country code")
    return text


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
