"""Manifest files: CSV and XLSX (spec/manifest-csv.md); PAXLST is recognised from its
content and read by ``clearway.formats.paxlst`` (spec/manifest-paxlst.md)."""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.people import MANIFEST_COLUMNS, Manifest, ManifestRow
from clearway.formats.files import XLSX_MAGIC, decode_text, read_bytes
from clearway.formats.paxlst import looks_like_paxlst, read_paxlst

_KNOWN = frozenset(MANIFEST_COLUMNS)


def read_manifest(path: Path) -> Manifest:
    """Read a manifest, recognising its kind from the content, not the file name."""
    data = read_bytes(path)
    if not data.strip():
        raise UnusableInput("manifest.empty", path=str(path))
    if data.startswith(XLSX_MAGIC):
        return _table_to_manifest(path, _xlsx_rows(data, path), first_line=1)
    if looks_like_paxlst(data):
        return read_paxlst(data, path)
    text = decode_text(data, path)
    return _table_to_manifest(path, _csv_rows(text, path), first_line=1)


def _csv_rows(text: str, path: Path) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as error:
        raise UnusableInput("manifest.csv_syntax", path=str(path), line=reader.line_num, reason=str(error)) from None
    return rows


def _xlsx_rows(data: bytes, path: Path) -> list[tuple[int, list[str]]]:
    import zipfile

    # openpyxl is imported here only: it costs ~0.15 s of start-up that CSV users never need.
    import openpyxl  # type: ignore[import-untyped]  # no type stubs shipped

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about absent default styles
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise UnusableInput("manifest.xlsx_unreadable", path=str(path)) from None
    try:
        if not workbook.worksheets:
            raise UnusableInput("manifest.empty", path=str(path))
        sheet = workbook.worksheets[0]
        return [
            (number, [_cell_text(value) for value in values])
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        workbook.close()


def _cell_text(value: Any) -> str:
    """A cell as the text a CSV would hold (dates as YYYY-MM-DD, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        if value.time() == datetime.min.time():
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "N"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _canonical(name: str) -> str:
    return name.strip().lower()


def _table_to_manifest(path: Path, table: Sequence[tuple[int, list[str]]], first_line: int) -> Manifest:
    rows = [(line, cells) for line, cells in table if any(cell.strip() for cell in cells)]
    if not rows:
        raise UnusableInput("manifest.empty", path=str(path))
    _, header = rows[0]
    # Trailing empty header cells (a spreadsheet's blank columns) name nothing.
    while header and not header[-1].strip():
        header = header[:-1]
    canonical = [_canonical(name) for name in header]
    if "seq" not in canonical:
        if not _KNOWN.intersection(canonical):
            raise UnusableInput("manifest.no_header", path=str(path))
        raise UnusableInput("manifest.no_seq_column", path=str(path))
    _refuse_repeated_columns(path, header, canonical)
    if len(rows) == 1:
        raise UnusableInput("manifest.no_rows", path=str(path))

    unknown = tuple(
        name if name.strip() else f"#{position}"
        for position, (name, key) in enumerate(zip(header, canonical, strict=True), start=1)
        if key not in _KNOWN
    )
    manifest_rows = tuple(_row(line, cells, header, canonical) for line, cells in rows[1:])
    return Manifest(
        source=str(path),
        header=tuple(header),
        columns=frozenset(key for key in canonical if key in _KNOWN),
        unknown_columns=unknown,
        rows=manifest_rows,
    )


def _refuse_repeated_columns(path: Path, header: list[str], canonical: list[str]) -> None:
    seen: dict[str, str] = {}
    for name, key in zip(header, canonical, strict=True):
        if not key:
            continue
        if key in seen:
            raise UnusableInput("manifest.repeated_column", path=str(path), column=name.strip(), first=seen[key])
        seen[key] = name.strip()


def _row(line: int, cells: list[str], header: list[str], canonical: list[str]) -> ManifestRow:
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for position, (name, key) in enumerate(zip(header, canonical, strict=False), start=1):
        cell = cells[position - 1] if position <= len(cells) else ""
        if key in _KNOWN:
            values[key] = cell
        else:
            extra[name if name.strip() else f"#{position}"] = cell
    overflow = tuple(cells[len(header) :])
    if not any(value.strip() for value in overflow):
        overflow = ()
    return ManifestRow(line=line, values=values, extra=extra, overflow=overflow)


def columns_in_order(names: Iterable[str]) -> list[str]:
    """Known column names in the documented order (for messages listing columns)."""
    wanted = set(names)
    return [name for name in MANIFEST_COLUMNS if name in wanted]
