"""Reading each manifest row into typed values, reporting what cannot be read.

A bad value never stops the check: it becomes a finding, the value is treated as
unknown by the later rules, and every other row and value is still checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Any

from clearway.domain.dates import PartialDate, parse_full_date
from clearway.domain.findings import Code, Finding, finding
from clearway.domain.identity import Identity
from clearway.domain.people import (
    DOCUMENT_COLUMNS,
    DOCUMENT_TYPES,
    NO_DOCUMENT,
    SEXES,
    ManifestRow,
)
from clearway.domain.reference import ReferenceData

MAX_SEQ = 9999
MAX_DOCUMENT_NUMBER = 20
_DOCUMENT_NUMBER = re.compile(r"[A-Za-z0-9]+")
_ALWAYS_REQUIRED = ("surname", "sex", "date_of_birth", "nationality", "document_type", "case_ref")


@dataclass(frozen=True)
class Returnee:
    """A manifest row with its values read; ``None`` where a value is empty or unreadable."""

    row: ManifestRow
    seq: int | None
    sex: str | None
    date_of_birth: PartialDate | None
    nationality: str | None
    document_type: str | None
    document_number: str | None
    document_issuer: str | None
    document_expiry: date | None
    medical_escort: bool

    @cached_property
    def identity(self) -> Identity | None:
        """Who this is, for the same-person rule (needs a surname and a date of birth)."""
        if self.date_of_birth is None or not self.row.get("surname").strip():
            return None
        return Identity(
            surname=self.row.get("surname"),
            second_surname=self.row.get("second_surname"),
            given_names=self.row.get("given_names"),
            date_of_birth=self.date_of_birth,
        )


def read_returnee(
    row: ManifestRow, reference: ReferenceData, columns: frozenset[str]
) -> tuple[Returnee, list[Finding]]:
    """Typed values of one row, and a finding for each value that is missing or unreadable.

    ``columns`` are those the file has: a value of a column the header lacks is not
    reported on every row, since ``MISSING_COLUMN`` already says it once.
    """
    findings: list[Finding] = []
    seq_text = row.get("seq").strip()
    seq = _read_seq(seq_text)
    where = {"row": row.line}

    def missing(column: str) -> None:
        # A cell too long to read is left empty; it is reported as too long, not as missing.
        if column not in columns or column in row.too_long:
            return
        findings.append(finding(Code.REQUIRED_FIELD_MISSING, seq=seq, field=column, details=where, column=column))

    def invalid(column: str, problem: str, **params: Any) -> None:
        findings.append(
            finding(
                Code.FIELD_FORMAT_INVALID,
                seq=seq,
                field=column,
                details={**where, "value": row.get(column)},
                variant=problem,
                column=column,
                value=row.get(column),
                **params,
            )
        )

    for column, length in row.too_long.items():
        findings.append(
            finding(
                Code.FIELD_FORMAT_INVALID,
                seq=seq,
                field=column,
                details={**where, "length": length},
                variant="too_long",
                column=column,
                length=length,
            )
        )

    if not seq_text:
        missing("seq")
    elif seq is None:
        invalid("seq", "seq", maximum=MAX_SEQ)

    for column in _ALWAYS_REQUIRED:
        if not row.get(column).strip():
            missing(column)

    sex = _code(row, "sex")
    if sex is not None and sex not in SEXES:
        invalid("sex", "sex")
        sex = None

    born_text = row.get("date_of_birth").strip()
    date_of_birth = PartialDate.parse(born_text) if born_text else None
    if born_text and date_of_birth is None:
        invalid("date_of_birth", "partial_date")

    nationality = _code(row, "nationality")
    if nationality is not None and not reference.is_country_code(nationality):
        invalid("nationality", "country")
        nationality = None

    document_type = _code(row, "document_type")
    if document_type is not None and document_type not in DOCUMENT_TYPES:
        invalid("document_type", "document_type")
        document_type = None

    if document_type not in (None, NO_DOCUMENT):
        for column in DOCUMENT_COLUMNS:
            if not row.get(column).strip():
                missing(column)

    document_number: str | None = row.get("document_number").strip() or None
    if document_number is not None:
        if len(document_number) > MAX_DOCUMENT_NUMBER:
            invalid("document_number", "document_number_length", maximum=MAX_DOCUMENT_NUMBER)
            document_number = None
        elif not _DOCUMENT_NUMBER.fullmatch(document_number):
            invalid("document_number", "document_number_characters")
            document_number = None

    document_issuer = _code(row, "document_issuer")
    if document_issuer is not None and not reference.is_country_code(document_issuer):
        invalid("document_issuer", "country")
        document_issuer = None

    expiry_text = row.get("document_expiry").strip()
    document_expiry = parse_full_date(expiry_text) if expiry_text else None
    if expiry_text and document_expiry is None:
        invalid("document_expiry", "date")

    escort = _code(row, "medical_escort")
    if escort is not None and escort not in ("Y", "N"):
        invalid("medical_escort", "yes_no")

    if row.overflow:
        findings.append(
            finding(
                Code.FIELD_FORMAT_INVALID,
                seq=seq,
                field="row",
                details={**where, "extra_values": list(row.overflow)},
                variant="overflow",
                column="row",
                value=", ".join(row.overflow),
                count=len(row.overflow),
            )
        )

    returnee = Returnee(
        row=row,
        seq=seq,
        sex=sex,
        date_of_birth=date_of_birth,
        nationality=nationality,
        document_type=document_type,
        document_number=document_number,
        document_issuer=document_issuer,
        document_expiry=document_expiry,
        medical_escort=escort == "Y",
    )
    return returnee, findings


def _read_seq(text: str) -> int | None:
    if not text.isascii() or not text.isdigit():
        return None
    value = int(text)
    return value if 1 <= value <= MAX_SEQ else None


def _code(row: ManifestRow, column: str) -> str | None:
    """A code read case-insensitively (the row keeps what was typed); ``None`` when empty."""
    value = row.get(column).strip()
    return value.upper() if value else None
