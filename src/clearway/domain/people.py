"""The manifest as read: rows of values exactly as the user wrote them.

Nothing here is normalised in place: rules read the raw text and derive what
they need (upper-cased codes, transliterated names), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from clearway.domain.manifest_message import MessageFacts

#: Columns of spec/manifest-csv.md, in their documented order.
MANIFEST_COLUMNS = (
    "seq",
    "surname",
    "second_surname",
    "given_names",
    "sex",
    "date_of_birth",
    "nationality",
    "document_type",
    "document_number",
    "document_issuer",
    "document_expiry",
    "mrz",
    "case_ref",
    "family_group",
    "medical",
    "medical_escort",
    "notes",
)

#: Columns that must be in the header (``document_*`` may be empty for type N, but the
#: columns themselves are needed whenever any row has a document).
REQUIRED_COLUMNS = (
    "seq",
    "surname",
    "given_names",
    "sex",
    "date_of_birth",
    "nationality",
    "document_type",
    "document_number",
    "document_issuer",
    "document_expiry",
    "case_ref",
)

DOCUMENT_COLUMNS = ("document_number", "document_issuer", "document_expiry")
NO_DOCUMENT = "N"
DOCUMENT_TYPES = ("P", "I", "C", "E", "N")
SEXES = ("F", "M", "X")


@dataclass(frozen=True)
class ManifestRow:
    """One row: its position in the source and every value as written ('' when empty)."""

    line: int  # the row's line (CSV) or row number (XLSX) in its file, for messages
    values: Mapping[str, str]  # known columns by canonical name
    extra: Mapping[str, str] = field(default_factory=dict)  # unknown columns, verbatim
    overflow: tuple[str, ...] = ()  # cells beyond the header (kept, and reported)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


@dataclass(frozen=True)
class Manifest:
    """A manifest file: its header as written and its rows."""

    source: str  # the file name, for messages
    header: tuple[str, ...]  # column names as written
    columns: frozenset[str]  # canonical known columns present
    unknown_columns: tuple[str, ...]  # as written, in header order
    rows: tuple[ManifestRow, ...]
    #: What a PAXLST message names beyond its rows (its flight, its disagreements); None for CSV/XLSX.
    message: MessageFacts | None = None
