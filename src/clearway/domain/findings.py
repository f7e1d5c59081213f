"""Findings: the stable codes of spec/findings.md, their severities and scopes."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class Scope(StrEnum):
    FILE = "file"
    FLIGHT = "flight"
    PASSENGER = "passenger"


class Code(StrEnum):
    # file
    MISSING_COLUMN = "MISSING_COLUMN"
    UNKNOWN_COLUMN = "UNKNOWN_COLUMN"
    UNKNOWN_KEY = "UNKNOWN_KEY"
    SEQ_DUPLICATE = "SEQ_DUPLICATE"
    ROW_UNREADABLE = "ROW_UNREADABLE"
    HOLD_ROW_INVALID = "HOLD_ROW_INVALID"
    # flight
    NO_AGREEMENT = "NO_AGREEMENT"
    LEAD_TIME_SHORT = "LEAD_TIME_SHORT"
    AIRPORT_NOT_DESIGNATED = "AIRPORT_NOT_DESIGNATED"
    OUTSIDE_OPERATING_HOURS = "OUTSIDE_OPERATING_HOURS"
    UNKNOWN_AIRPORT = "UNKNOWN_AIRPORT"
    SCHEDULE_INVALID = "SCHEDULE_INVALID"
    AIRCRAFT_CATEGORY_NOT_ALLOWED = "AIRCRAFT_CATEGORY_NOT_ALLOWED"
    SEATS_EXCEEDED = "SEATS_EXCEEDED"
    PASSENGERS_PER_FLIGHT_CAP = "PASSENGERS_PER_FLIGHT_CAP"
    DAILY_FLIGHT_CAP = "DAILY_FLIGHT_CAP"
    DAILY_PASSENGER_CAP = "DAILY_PASSENGER_CAP"
    DECLARED_COUNT_MISMATCH = "DECLARED_COUNT_MISMATCH"
    THIRD_COUNTRY_CAP = "THIRD_COUNTRY_CAP"
    ESCORT_RATIO_LOW = "ESCORT_RATIO_LOW"
    MEDICAL_STAFF_MISSING = "MEDICAL_STAFF_MISSING"
    MONITOR_MISSING = "MONITOR_MISSING"
    AIRCRAFT_IDENT_MISMATCH = "AIRCRAFT_IDENT_MISMATCH"
    # passenger
    REQUIRED_FIELD_MISSING = "REQUIRED_FIELD_MISSING"
    FIELD_FORMAT_INVALID = "FIELD_FORMAT_INVALID"
    AGE_IMPLAUSIBLE = "AGE_IMPLAUSIBLE"
    NATIONALITY_NOT_ACCEPTED = "NATIONALITY_NOT_ACCEPTED"
    DOCUMENT_TYPE_NOT_ACCEPTED = "DOCUMENT_TYPE_NOT_ACCEPTED"
    DOCUMENT_EXPIRED = "DOCUMENT_EXPIRED"
    DOCUMENT_ISSUER_MISMATCH = "DOCUMENT_ISSUER_MISMATCH"
    MRZ_REQUIRED = "MRZ_REQUIRED"
    MRZ_MALFORMED = "MRZ_MALFORMED"
    MRZ_CHECK_DIGIT = "MRZ_CHECK_DIGIT"
    MRZ_MISMATCH = "MRZ_MISMATCH"
    DUPLICATE_DOCUMENT = "DUPLICATE_DOCUMENT"
    DUPLICATE_CASE_REF = "DUPLICATE_CASE_REF"
    DUPLICATE_PERSON = "DUPLICATE_PERSON"
    MINOR_UNACCOMPANIED = "MINOR_UNACCOMPANIED"
    LEGAL_HOLD_MATCH = "LEGAL_HOLD_MATCH"
    MEDICAL_DETAILS_MISSING = "MEDICAL_DETAILS_MISSING"


@dataclass(frozen=True)
class Phrase:
    """Words that are themselves translated when a message is rendered.

    ``keys`` name catalogue entries under ``term.``; a key with no entry (a hold
    type the list made up, say) is shown as written.
    """

    keys: tuple[str, ...]


_FILE = Scope.FILE
_FLIGHT = Scope.FLIGHT
_PASSENGER = Scope.PASSENGER
_E, _W = Severity.ERROR, Severity.WARNING

#: The default severity and the scope of every code, as spec/findings.md lists them.
#: ``DOCUMENT_EXPIRED`` is downgraded to ``info`` by its rule where the agreement allows it.
CODE_PROFILE: dict[Code, tuple[Severity, Scope]] = {
    Code.MISSING_COLUMN: (_E, _FILE),
    Code.UNKNOWN_COLUMN: (_W, _FILE),
    Code.UNKNOWN_KEY: (_W, _FILE),
    Code.SEQ_DUPLICATE: (_E, _FILE),
    Code.ROW_UNREADABLE: (_E, _FILE),
    Code.HOLD_ROW_INVALID: (_W, _FILE),
    Code.NO_AGREEMENT: (_E, _FLIGHT),
    Code.LEAD_TIME_SHORT: (_E, _FLIGHT),
    Code.AIRPORT_NOT_DESIGNATED: (_E, _FLIGHT),
    Code.OUTSIDE_OPERATING_HOURS: (_E, _FLIGHT),
    Code.UNKNOWN_AIRPORT: (_E, _FLIGHT),
    Code.SCHEDULE_INVALID: (_E, _FLIGHT),
    Code.AIRCRAFT_CATEGORY_NOT_ALLOWED: (_E, _FLIGHT),
    Code.SEATS_EXCEEDED: (_E, _FLIGHT),
    Code.PASSENGERS_PER_FLIGHT_CAP: (_E, _FLIGHT),
    Code.DAILY_FLIGHT_CAP: (_E, _FLIGHT),
    Code.DAILY_PASSENGER_CAP: (_E, _FLIGHT),
    Code.DECLARED_COUNT_MISMATCH: (_E, _FLIGHT),
    Code.THIRD_COUNTRY_CAP: (_E, _FLIGHT),
    Code.ESCORT_RATIO_LOW: (_E, _FLIGHT),
    Code.MEDICAL_STAFF_MISSING: (_E, _FLIGHT),
    Code.MONITOR_MISSING: (_E, _FLIGHT),
    Code.AIRCRAFT_IDENT_MISMATCH: (_E, _FLIGHT),
    Code.REQUIRED_FIELD_MISSING: (_E, _PASSENGER),
    Code.FIELD_FORMAT_INVALID: (_E, _PASSENGER),
    Code.AGE_IMPLAUSIBLE: (_E, _PASSENGER),
    Code.NATIONALITY_NOT_ACCEPTED: (_E, _PASSENGER),
    Code.DOCUMENT_TYPE_NOT_ACCEPTED: (_E, _PASSENGER),
    Code.DOCUMENT_EXPIRED: (_E, _PASSENGER),
    Code.DOCUMENT_ISSUER_MISMATCH: (_W, _PASSENGER),
    Code.MRZ_REQUIRED: (_E, _PASSENGER),
    Code.MRZ_MALFORMED: (_E, _PASSENGER),
    Code.MRZ_CHECK_DIGIT: (_E, _PASSENGER),
    Code.MRZ_MISMATCH: (_E, _PASSENGER),
    Code.DUPLICATE_DOCUMENT: (_E, _PASSENGER),
    Code.DUPLICATE_CASE_REF: (_E, _PASSENGER),
    Code.DUPLICATE_PERSON: (_E, _PASSENGER),
    Code.MINOR_UNACCOMPANIED: (_E, _PASSENGER),
    Code.LEGAL_HOLD_MATCH: (_E, _PASSENGER),
    Code.MEDICAL_DETAILS_MISSING: (_W, _PASSENGER),
}

_SCOPE_ORDER = {Scope.FILE: 0, Scope.FLIGHT: 1, Scope.PASSENGER: 2}


@dataclass(frozen=True)
class Finding:
    """One problem the receiving side would raise.

    The human message is not stored here: ``params`` fill the message template of
    ``code`` (and of ``variant`` where one code has several sentences) in the
    catalogue of the reader's language, so one finding renders in English and Spanish.
    """

    code: Code
    severity: Severity
    scope: Scope
    seq: int | None = None
    field: str | None = None
    details: dict[str, Any] = dataclasses.field(default_factory=dict)
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    variant: str | None = None

    @property
    def message_key(self) -> str:
        return f"{self.code}.{self.variant}" if self.variant else str(self.code)

    def sort_key(self) -> tuple[int, int, int]:
        # spec/cli.md: file, flight, then passengers by seq; the rule order is kept within each
        return (_SCOPE_ORDER[self.scope], self.seq if self.seq is not None else -1, 0)


def finding(
    code: Code,
    *,
    seq: int | None = None,
    field: str | None = None,
    details: dict[str, Any] | None = None,
    severity: Severity | None = None,
    variant: str | None = None,
    **params: Any,
) -> Finding:
    """Build a finding with the code's default severity and scope."""
    default_severity, scope = CODE_PROFILE[code]
    return Finding(
        code=code,
        severity=severity or default_severity,
        scope=scope,
        seq=seq,
        field=field,
        details=details or {},
        params=params,
        variant=variant,
    )


def ordered(findings: list[Finding]) -> list[Finding]:
    """Findings in report order: file, flight, then passengers by seq (stable otherwise)."""
    return sorted(findings, key=Finding.sort_key)
