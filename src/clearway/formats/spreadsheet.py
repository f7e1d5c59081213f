"""Manifest and findings as CSV and XLSX, and the empty XLSX template.

The manifest is written in the columns of spec/manifest-csv.md, values exactly as stored
(in CSV, a cell that would start a formula behind one quote the reader takes away again:
``clearway.formats.csv_formula``), so that the file reads back as the same manifest (an
exported XLSX's first sheet is the manifest; the others explain the columns and list the
findings). The template's sheets
are built in ``clearway.formats.spreadsheet_layout``.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import Passenger
from clearway.formats.csv_formula import neutralise_row
from clearway.i18n import translate

_BOM = "\ufeff"  # spreadsheet programs read UTF-8 CSV as UTF-8 only with it; the reader drops it
FINDING_COLUMNS = ("code", "severity", "scope", "seq", "field", "message_en", "message_es", "details")


def manifest_header(passengers: Sequence[Passenger]) -> list[str]:
    """The documented columns, then every unknown column in order of first appearance."""
    extra: dict[str, None] = {}
    for passenger in passengers:
        extra.update(dict.fromkeys(passenger.extra))
    return [*MANIFEST_COLUMNS, *extra]


def manifest_rows(passengers: Sequence[Passenger]) -> list[list[str]]:
    header = manifest_header(passengers)
    known = len(MANIFEST_COLUMNS)
    return [
        [*passenger.as_row().values(), *(passenger.extra.get(name, "") for name in header[known:])]
        for passenger in passengers
    ]


def manifest_csv(passengers: Sequence[Passenger]) -> bytes:
    """The manifest as UTF-8 CSV (with a BOM), readable again by ``clearway check`` as the same people;
    no cell starts a formula in a spreadsheet (``clearway.formats.csv_formula``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(neutralise_row(manifest_header(passengers)))
    writer.writerows(neutralise_row(row) for row in manifest_rows(passengers))
    return (_BOM + out.getvalue()).encode("utf-8")


def finding_rows(findings: Sequence[Mapping[str, Any]]) -> list[list[str]]:
    """Stored findings (``services.precheck.finding_document`` shape) as text cells."""
    rows = []
    for item in findings:
        message = item.get("message") or {}
        rows.append(
            [
                str(item.get("code", "")),
                str(item.get("severity", "")),
                str(item.get("scope", "")),
                "" if item.get("seq") is None else str(item["seq"]),
                str(item.get("field") or ""),
                str(message.get("en", "")) if isinstance(message, Mapping) else str(message),
                str(message.get("es", "")) if isinstance(message, Mapping) else "",
                json.dumps(item.get("details") or {}, ensure_ascii=False, sort_keys=True),
            ]
        )
    return rows


def findings_csv(findings: Sequence[Mapping[str, Any]]) -> bytes:
    """The findings as UTF-8 CSV: one row each, the message in English and Spanish; no cell starts a
    formula in a spreadsheet (``clearway.formats.csv_formula``)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(FINDING_COLUMNS)
    writer.writerows(neutralise_row(row) for row in finding_rows(findings))
    return (_BOM + out.getvalue()).encode("utf-8")


def manifest_xlsx(passengers: Sequence[Passenger], findings: Sequence[Mapping[str, Any]] | None) -> bytes:
    """The manifest (first sheet, as the template lays it out), the column guide, the findings."""
    from clearway.formats.spreadsheet_layout import workbook_bytes

    return workbook_bytes(
        manifest_header(passengers), manifest_rows(passengers), None if findings is None else finding_rows(findings)
    )


def template_xlsx() -> bytes:
    """The empty manifest template: headers, text columns, validations, the column guide."""
    from clearway.formats.spreadsheet_layout import workbook_bytes

    return workbook_bytes(list(MANIFEST_COLUMNS), [], None)


def finding_headings(lang: str = "en") -> list[str]:
    return [
        translate("finding.code", lang),
        translate("finding.severity", lang),
        translate("finding.scope", lang),
        "seq",
        "field",
        translate("heading.message_en", lang),
        translate("heading.message_es", lang),
        translate("finding.details", lang),
    ]
