"""The manifest as read: rows of values exactly as the user wrote them.

Nothing here is normalised in place: rules read the raw text and derive what
they need (upper-cased codes, transliterated names), so nothing typed is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

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
    #: Cells longer than the reader's limit, by column (as ``values``/``extra`` name it): their
    #: length. Such a cell is left empty in ``values``; the length is reported on it.
    too_long: Mapping[str, int] = field(default_factory=dict)

    def get(self, column: str) -> str:
        return self.values.get(column, "")


#: Why a record could not be read as a row (``ROW_UNREADABLE``'s ``details.reason``).
UNREADABLE_REASONS = (
    "stray_quote",  # a quote opened a cell that swallows what reads as further rows
    "unclosed_quote",  # a quote opened a cell that never closes
    "too_many_cells",  # more cells than the reader's column limit
    "bad_row_number",  # a spreadsheet row numbered 0, or not a number
    "repeated_row_number",  # a spreadsheet row whose number another row already holds
    "bad_cell_reference",  # a spreadsheet cell whose reference names no column
    "bad_shared_string",  # a spreadsheet cell pointing at a shared string that does not exist
    "bad_segment",  # a PAXLST passenger group that cannot be read
)


@dataclass(frozen=True)
class UnreadableRecord:
    """A physical record of the file that could not be read as a row; never dropped in silence.

    ``unit`` says what ``position`` counts: ``line`` (a text file's line) or ``row`` (a
    spreadsheet's row number, or ``position`` for a row whose number cannot be used).
    """

    unit: str  # "line" | "row" | "position"
    position: int
    reason: str  # one of UNREADABLE_REASONS
    #: For a spreadsheet row whose number cannot be used (``unit`` "position"): that number as
    #: written (an integer where it is one), so the finding names it as ``row``.
    row_as_written: int | str | None = None

    def details(self) -> dict[str, int | str | None]:
        details: dict[str, int | str | None] = {self.unit: self.position, "reason": self.reason}
        if self.unit == "position":
            details["row"] = self.row_as_written
        return details


@dataclass(frozen=True)
class Manifest:
    """A manifest file: its header as written, its rows, and the records that are not rows.

    Every reader (CSV, XLSX, PAXLST) returns this; every physical record of the file is
    either one of ``rows`` or one of ``unreadable``.
    """

    source: str  # the file name, for messages
    header: tuple[str, ...]  # column names as written
    columns: frozenset[str]  # canonical known columns present
    unknown_columns: tuple[str, ...]  # as written, in header order
    rows: tuple[ManifestRow, ...]
    unreadable: tuple[UnreadableRecord, ...] = ()
