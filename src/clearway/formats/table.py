"""A manifest as a table of text cells, before its columns mean anything: what the CSV and
XLSX readers produce, and the one place that turns such a table into a ``Manifest``.

A reader's promise is that every physical record of its file is either a ``Record`` of the
table or an ``UnreadableRecord``: nothing is skipped without a name (blank records aside,
which hold nothing).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.domain.people import MANIFEST_COLUMNS, Manifest, ManifestRow, UnreadableRecord
from clearway.settings import InputLimits

_KNOWN = frozenset(MANIFEST_COLUMNS)


@dataclass(frozen=True)
class Record:
    """One record of the file: where it starts (a line, or a spreadsheet row number) and its cells."""

    position: int
    cells: list[str]

    @property
    def is_blank(self) -> bool:
        return not any(cell.strip() for cell in self.cells)


@dataclass
class Table:
    """The records of a file in order (the header is the first that is not blank)."""

    records: list[Record] = field(default_factory=list)
    unreadable: list[UnreadableRecord] = field(default_factory=list)


def canonical(name: str) -> str:
    """A header name as it is matched: case-insensitive, surrounding spaces ignored."""
    return name.strip().lower()


def header_of(path: Path, cells: Sequence[str], limits: InputLimits) -> list[str]:
    """The header's names (trailing empty names dropped); refuses a header that names no manifest."""
    header = list(cells)
    # Trailing empty header cells (a spreadsheet's blank columns) name nothing.
    while header and not header[-1].strip():
        header.pop()
    if len(header) > limits.columns:
        raise UnusableInput("manifest.too_many_columns", path=str(path), count=len(header), limit=limits.columns)
    names = [canonical(name) for name in header]
    if "seq" not in names:
        if not _KNOWN.intersection(names):
            raise UnusableInput("manifest.no_header", path=str(path))
        raise UnusableInput("manifest.no_seq_column", path=str(path))
    seen: dict[str, str] = {}
    for name, key in zip(header, names, strict=True):
        if not key:
            continue
        if key in seen:
            raise UnusableInput("manifest.repeated_column", path=str(path), column=name.strip(), first=seen[key])
        seen[key] = name.strip()
    return header


def table_to_manifest(path: Path, table: Table, limits: InputLimits) -> Manifest:
    """The manifest of a table: the first non-blank record is the header, the others are rows."""
    records = [record for record in table.records if not record.is_blank]
    if not records:
        if table.unreadable:
            # Nothing could be read at all, not even a header: not a manifest.
            raise UnusableInput("manifest.no_header", path=str(path))
        raise UnusableInput("manifest.empty", path=str(path))
    header = header_of(path, records[0].cells, limits)
    data = records[1:]
    if len(data) > limits.manifest_rows:
        raise UnusableInput("manifest.too_many_rows", path=str(path), limit=limits.manifest_rows)
    if not data and not table.unreadable:
        raise UnusableInput("manifest.no_rows", path=str(path))

    names = [canonical(name) for name in header]
    unknown = tuple(
        name if name.strip() else f"#{position}"
        for position, (name, key) in enumerate(zip(header, names, strict=True), start=1)
        if key not in _KNOWN
    )
    return Manifest(
        source=str(path),
        header=tuple(header),
        columns=frozenset(key for key in names if key in _KNOWN),
        unknown_columns=unknown,
        rows=tuple(_row(record, header, names, limits.cell_chars) for record in data),
        unreadable=tuple(table.unreadable),
    )


def _row(record: Record, header: list[str], names: list[str], cell_chars: int) -> ManifestRow:
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    too_long: dict[str, int] = {}
    cells = record.cells
    for position, (name, key) in enumerate(zip(header, names, strict=True), start=1):
        cell = cells[position - 1] if position <= len(cells) else ""
        column = key if key in _KNOWN else (name if name.strip() else f"#{position}")
        if len(cell) > cell_chars:
            too_long[column] = len(cell)
            cell = ""
        if key in _KNOWN:
            values[key] = cell
        else:
            extra[column] = cell
    overflow = tuple(cells[len(header) :])
    if not any(value.strip() for value in overflow):
        overflow = ()
    elif any(len(value) > cell_chars for value in overflow):
        too_long["row"] = max(len(value) for value in overflow)
        overflow = tuple(value if len(value) <= cell_chars else "" for value in overflow)
    return ManifestRow(line=record.position, values=values, extra=extra, overflow=overflow, too_long=too_long)
