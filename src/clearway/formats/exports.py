"""The export formats: one registry of format name → writer, shared by ``clearway export``
and the API, so a new format (the Annex 9 PDF) plugs in with one ``register`` call."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from clearway.domain.reference import ReferenceData
from clearway.domain.snapshot import RequestSnapshot
from clearway.formats.paxlst_write import DEFAULT_PART_SIZE, PaxlstOptions, write_paxlst
from clearway.formats.spreadsheet import findings_csv, manifest_csv, manifest_xlsx


@dataclass(frozen=True)
class ExportInput:
    """Everything a writer may use: one version of a request and what is known about it."""

    snapshot: RequestSnapshot
    version: int
    manifest_hash: str
    findings: Sequence[Mapping[str, Any]]  # as stored with the version (services.precheck.finding_document)
    prepared_at: datetime  # UTC
    reference: ReferenceData
    part_size: int = DEFAULT_PART_SIZE
    #: What some formats print beside the manifest (a clearance, its number); keyed by the format.
    extras: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ExportFormat:
    name: str
    media_type: str
    extension: str
    write: Callable[[ExportInput], bytes]

    def file_name(self, reference: str, version: int) -> str:
        # ASCII only: the name goes in a Content-Disposition header, which HTTP sends as Latin-1.
        safe = "".join(char if char.isascii() and (char.isalnum() or char in "-_.") else "_" for char in reference)
        return f"{safe}-v{version}.{self.extension}"


EXPORT_FORMATS: dict[str, ExportFormat] = {}


def register(export_format: ExportFormat) -> None:
    EXPORT_FORMATS[export_format.name] = export_format


def _paxlst(source: ExportInput) -> bytes:
    options = PaxlstOptions(version=source.version, prepared_at=source.prepared_at, part_size=source.part_size)
    return write_paxlst(source.snapshot, source.reference, options)


register(ExportFormat("paxlst", "application/edifact", "edi", _paxlst))
register(ExportFormat("csv", "text/csv; charset=utf-8", "csv", lambda source: manifest_csv(source.snapshot.passengers)))
register(
    ExportFormat(
        "findings-csv", "text/csv; charset=utf-8", "findings.csv", lambda source: findings_csv(source.findings)
    )
)
register(
    ExportFormat(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "xlsx",
        lambda source: manifest_xlsx(source.snapshot.passengers, source.findings),
    )
)

XLSX_MEDIA_TYPE = EXPORT_FORMATS["xlsx"].media_type
