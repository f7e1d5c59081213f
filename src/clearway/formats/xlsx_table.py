"""Reading the first worksheet of an XLSX file as a table of text cells.

Read here with the standard library's zip and expat parsers rather than openpyxl, for
three reasons the manifest cannot do without: openpyxl's read-only mode drops a row
numbered at or below the one before it (so a passenger vanishes without an error); it
inflates parts without a bound (a 1 MB file that expands to 1 GB costs gigabytes); and a
damaged part surfaces as any of a dozen exception types. Here every part is inflated
against one budget (``InputLimits.xlsx_expanded_bytes``), rows are placed by their row
number (or their order where it is missing), and a row that cannot be placed is named
as unreadable, never skipped.

Cells read as spec/manifest-csv.md says: dates (by the cell's number format) as
``YYYY-MM-DD``, whole numbers without ``.0``, booleans as ``Y``/``N``, anything else as
written, including text stored in a numeric cell.
"""

from __future__ import annotations

import io
import math
import posixpath
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser
from xml.parsers import expat

from clearway.domain.errors import UnusableInput
from clearway.domain.people import UnreadableRecord
from clearway.formats.files import megabytes
from clearway.formats.table import Record, Table
from clearway.settings import InputLimits

_CHUNK = 64 * 1024
_MAX_ROW = 1_048_576  # the last row of a sheet
_MAX_COLUMN = 16_384  # XFD, the last column
_CELL_REF = re.compile(r"([A-Za-z]{1,3})([0-9]{1,7})")
_DIGITS = re.compile(r"[0-9]{1,7}")
_ELEMENT_START = re.compile(rb"<(?![?!])")
_MAX_XML_DEPTH = 64  # a worksheet nests six deep; far deeper is a file built to exhaust the parser
_WORKSHEET = "/worksheet"
_SHARED_STRINGS = "/sharedStrings"
_STYLES = "/styles"
_OFFICE_DOCUMENT = "/officeDocument"
# Number formats that show a date or time: the built-in ones, and a custom code that
# uses a date or time part once quoted text, escapes and [colour] brackets are removed.
_BUILTIN_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[(?!h+\]|m+\]|s+\])[^\]]*\]')
_DATE_PART = re.compile(r"[dmyhs]", re.IGNORECASE)
_EPOCH_1900 = datetime(1899, 12, 30)
_EPOCH_1904 = datetime(1904, 1, 1)
_LAST_SERIAL = 2_958_465  # 9999-12-31


class _Damaged(Exception):
    """A part of the file cannot be read: the file is refused, naming the part."""


def read_xlsx_table(data: bytes, path: Path, limits: InputLimits) -> Table:
    """The first worksheet's records, or ``UnusableInput`` naming what is wrong with the file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError):
        raise UnusableInput("manifest.xlsx_unreadable", path=str(path)) from None
    with archive:
        parts = _Parts(archive, path, limits.xlsx_expanded_bytes)
        try:
            return _read_workbook(parts, path, limits)
        except _Damaged as damaged:
            raise UnusableInput("manifest.xlsx_damaged", path=str(path), part=str(damaged)) from None
        except _TooManyRows:
            raise UnusableInput("manifest.too_many_rows", path=str(path), limit=limits.manifest_rows) from None


class _Parts:
    """The archive's parts, each inflated against one budget for the whole file."""

    def __init__(self, archive: zipfile.ZipFile, path: Path, budget: int) -> None:
        self._archive = archive
        self._path = path
        self._limit = budget
        self._left = budget
        self.names = {info.filename for info in archive.infolist()}

    def declare(self, *names: str) -> None:
        """Refuse at once when the parts to be read say they expand beyond the budget."""
        declared = sum(self._archive.getinfo(name).file_size for name in names if name in self.names)
        if declared > self._limit:
            self._too_large()

    def _too_large(self) -> None:
        raise UnusableInput("manifest.xlsx_too_large", path=str(self._path), limit_mb=megabytes(self._limit))

    def chunks(self, name: str) -> Iterator[bytes]:
        """The part's bytes as they inflate; the size it declares is not trusted."""
        if name not in self.names:
            raise _Damaged(name)  # a part the workbook needs is missing
        try:
            with self._archive.open(name) as handle:
                while chunk := handle.read(_CHUNK):
                    self._left -= len(chunk)
                    if self._left < 0:
                        self._too_large()
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError, ValueError):
            # A corrupt deflate stream, a bad CRC, an unknown compression, an encrypted part.
            raise _Damaged(name) from None

    def items(self, name: str, item: str) -> Iterator[Element]:
        """The part's ``item`` elements (by local name), each complete, then dropped from memory.

        ElementTree's pull parser builds elements in C: for a worksheet's many cells it is
        several times faster than a handler per element. No part of an XLSX has a DTD, so a
        part whose prolog declares one is refused (entities are how XML bombs work).
        """
        parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        completed = _Completed(parser, item)
        first = True
        try:
            for chunk in self.chunks(name):
                if first:
                    _refuse_doctype(chunk, name)
                    first = False
                parser.feed(chunk)
                yield from completed()
            parser.close()
            yield from completed()
        except ParseError:
            raise _Damaged(name) from None  # truncated or malformed XML

    def parse(self, name: str, start: Callable[[str, dict[str, str]], None], end: Callable[[str], None],
              text: Callable[[str], None] | None = None) -> None:  # fmt: skip
        """Stream the part through expat; element names without their namespace."""
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)

        def refuse_dtd(*_: object) -> None:
            raise _Damaged(name)  # no part of an XLSX has a DTD; entities are how XML bombs work

        parser.StartDoctypeDeclHandler = refuse_dtd
        parser.EntityDeclHandler = refuse_dtd
        parser.StartElementHandler = lambda tag, attrs: start(tag.rpartition(" ")[2], attrs)
        parser.EndElementHandler = lambda tag: end(tag.rpartition(" ")[2])
        if text is not None:
            parser.CharacterDataHandler = text
        try:
            for chunk in self.chunks(name):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        except expat.ExpatError:
            raise _Damaged(name) from None  # truncated or malformed XML


def _refuse_doctype(head: bytes, name: str) -> None:
    """Refuse a part whose prolog (what comes before the first element) declares a DTD."""
    root = _ELEMENT_START.search(head)
    prolog = head if root is None else head[: root.start()]
    if b"<!DOCTYPE" in prolog or root is None:
        raise _Damaged(name)


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


class _Completed:
    """Finished ``item`` elements from a pull parser's events, keeping nothing else in memory.

    An element outside every item is dropped from its parent when it ends, an item once it
    has been used; only the open elements (the path to the current one) are kept.
    """

    def __init__(self, parser: XMLPullParser[Element], item: str) -> None:
        self._parser = parser
        self._item = item
        self._open: list[Element] = []
        self._item_depth: int | None = None  # where the item being read opened

    def __call__(self) -> Iterator[Element]:
        for event in self._parser.read_events():
            kind, element = cast(tuple[str, object], event)
            if not isinstance(element, Element):
                continue  # only start and end events are asked for
            if kind == "start":
                if self._item_depth is None and _local(element.tag) == self._item:
                    self._item_depth = len(self._open)
                self._open.append(element)
                if len(self._open) > _MAX_XML_DEPTH:
                    raise ParseError("nested too deep")
                continue
            self._open.pop()
            if self._item_depth is not None and len(self._open) > self._item_depth:
                continue  # inside an item: kept until the item ends
            if self._item_depth == len(self._open):
                self._item_depth = None
                yield element
            if self._open:
                self._open[-1].remove(element)


def _read_workbook(parts: _Parts, path: Path, limits: InputLimits) -> Table:
    workbook = _office_document(parts)
    relations = _relations(parts, workbook)
    sheets: list[str] = []
    date1904 = False

    def on_workbook(tag: str, attrs: dict[str, str]) -> None:
        nonlocal date1904
        if tag == "sheet":
            sheets.append(_attribute(attrs, "id"))
        elif tag == "workbookPr":
            date1904 = attrs.get("date1904", "").lower() in ("1", "true")

    parts.parse(workbook, on_workbook, lambda tag: None)
    # The first worksheet: a chart sheet (or a dialog sheet) before it holds no rows.
    sheet = next(
        (relations[rid][1] for rid in sheets if rid in relations and relations[rid][0].endswith(_WORKSHEET)), None
    )
    if sheet is None or sheet not in parts.names:
        raise UnusableInput("manifest.xlsx_no_worksheet", path=str(path))
    by_type = {kind.rpartition("/")[2]: target for kind, target in relations.values()}
    shared_name = by_type.get(_SHARED_STRINGS[1:])
    styles_name = by_type.get(_STYLES[1:])
    parts.declare(*(name for name in (workbook, sheet, shared_name, styles_name) if name))
    shared = _shared_strings(parts, shared_name) if shared_name in parts.names else []
    date_styles = _date_styles(parts, styles_name) if styles_name in parts.names else frozenset()
    reader = _SheetReader(shared, date_styles, _EPOCH_1904 if date1904 else _EPOCH_1900, limits)
    for row in parts.items(sheet, "row"):
        reader.row(row)
    table = reader.table()
    first = next((record.position for record in table.records), None)
    for record in table.unreadable:
        if record.unit == "row" and (first is None or record.position < first):
            # The header itself cannot be read: no row after it can be told apart.
            raise UnusableInput("manifest.xlsx_header_unreadable", path=str(path), row=record.position)
    return table


def _attribute(attrs: dict[str, str], local: str) -> str:
    """An attribute by its local name, whatever namespace prefix the file gave it."""
    for name, value in attrs.items():
        if name.rpartition(" ")[2] == local:
            return value
    return ""


def _office_document(parts: _Parts) -> str:
    root = _relations(parts, "")
    for kind, target in root.values():
        if kind.endswith(_OFFICE_DOCUMENT):
            return target
    return "xl/workbook.xml"


def _relations(parts: _Parts, source: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type, target part name)."""
    folder, base = posixpath.split(source)
    rels = posixpath.join(folder, "_rels", f"{base}.rels")
    found: dict[str, tuple[str, str]] = {}
    if rels not in parts.names:
        return found

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), name)

    parts.parse(rels, on_start, lambda tag: None)
    return found


def _shared_strings(parts: _Parts, name: str) -> list[str]:
    return [_text_of(item) for item in parts.items(name, "si")]


def _text_of(item: Element) -> str:
    """The text of a string item (``si``, or a cell's ``is``): its ``t``, or the ``t`` of each run.

    Phonetic guides (``rPh``) are not the cell's text.
    """
    pieces: list[str] = []
    for child in item:
        tag = _local(child.tag)
        if tag == "t":
            pieces.append(child.text or "")
        elif tag == "r":
            pieces.extend(grandchild.text or "" for grandchild in child if _local(grandchild.tag) == "t")
    return "".join(pieces)


def _date_styles(parts: _Parts, name: str) -> frozenset[int]:
    """Indexes of the cell formats (``cellXfs``) that show a date or time."""
    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = [False]

    def number(text: str) -> int:
        return int(text) if _DIGITS.fullmatch(text) else -1

    def on_start(tag: str, attrs: dict[str, str]) -> None:
        if tag == "numFmt":
            custom[number(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
        elif tag == "cellXfs":
            inside[0] = True
        elif tag == "xf" and inside[0]:
            formats.append(number(attrs.get("numFmtId", "0")))

    def on_end(tag: str) -> None:
        if tag == "cellXfs":
            inside[0] = False

    parts.parse(name, on_start, on_end)

    def is_date(format_id: int) -> bool:
        if format_id in custom:
            return bool(_DATE_PART.search(_FORMAT_NOISE.sub("", custom[format_id])))
        return format_id in _BUILTIN_DATE_FORMATS

    return frozenset(index for index, format_id in enumerate(formats) if is_date(format_id))


@dataclass
class _Row:
    ordinal: int  # the row element's place in the sheet (1 = first)
    number: str | None  # its r attribute as written
    cells: dict[int, str] = field(default_factory=dict)
    problem: str | None = None


class _SheetReader:
    """A worksheet's rows, placed by number: every row element is a record or an unreadable one."""

    def __init__(self, shared: list[str], date_styles: frozenset[int], epoch: datetime, limits: InputLimits) -> None:
        self._shared = shared
        self._date_styles = date_styles
        self._epoch = epoch
        self._limits = limits
        self._placed: dict[int, Record] = {}
        self._unreadable: list[tuple[int, UnreadableRecord]] = []  # (row number or 0, record)
        self._ordinal = 0
        self._last_number = 0

    def row(self, element: Element) -> None:
        """One ``row`` element: its cells placed by reference, then the row placed by number."""
        self._ordinal += 1
        row = _Row(self._ordinal, element.get("r"))
        column = 0
        for cell in element:
            if _local(cell.tag) != "c":
                continue
            reference = cell.get("r")
            if reference is None:
                column += 1
            else:
                match = _CELL_REF.fullmatch(reference.strip())
                column = _column_number(match.group(1)) if match else 0
            if not 1 <= column <= _MAX_COLUMN or column in row.cells:
                row.problem = row.problem or "bad_cell_reference"
                continue
            value = self._cell_text(cell, row)
            if not value:
                continue
            if column > self._limits.columns:
                row.problem = row.problem or "too_many_cells"
                continue
            row.cells[column] = value
        self._end_row(row)

    def _cell_text(self, cell: Element, row: _Row) -> str | None:
        kind = cell.get("t", "n")
        raw = ""
        inline: Element | None = None
        for child in cell:
            tag = _local(child.tag)
            if tag == "v":
                raw = child.text or ""
            elif tag == "is":
                inline = child
        if kind == "s":
            index = raw.strip()
            if not _DIGITS.fullmatch(index) or int(index) >= len(self._shared):
                row.problem = row.problem or "bad_shared_string"
                return None
            return self._shared[int(index)]
        if kind == "inlineStr":
            return _text_of(inline) if inline is not None else ""
        if kind == "b":
            return {"1": "Y", "0": "N"}.get(raw.strip(), raw)
        if kind == "d":
            return raw.strip().removesuffix("T00:00:00")
        if kind == "n":
            style = cell.get("s", "0")
            is_date = _DIGITS.fullmatch(style) is not None and int(style) in self._date_styles
            return _number_text(raw, is_date, self._epoch)
        return raw  # str (a formula's text), e (an error such as #N/A): as written

    def _end_row(self, row: _Row) -> None:
        if not row.cells and row.problem is None:
            return  # an empty row holds no one
        if len(self._placed) + len(self._unreadable) > self._limits.manifest_rows + 1:
            raise _TooManyRows
        number = self._row_number(row)
        if isinstance(number, UnreadableRecord):
            self._unreadable.append((0, number))
            return
        self._last_number = number
        if row.problem is not None:
            self._unreadable.append((number, UnreadableRecord("row", number, row.problem)))
            self._placed.setdefault(number, Record(number, []))  # its number is taken
            return
        width = max(row.cells)
        cells = [""] * width
        for column, value in row.cells.items():
            cells[column - 1] = value
        self._placed[number] = Record(number, cells)

    def _row_number(self, row: _Row) -> int | UnreadableRecord:
        if row.number is None:
            number = self._last_number + 1  # no number: the row after the one before
        elif _DIGITS.fullmatch(row.number.strip()) and 1 <= int(row.number) <= _MAX_ROW:
            number = int(row.number)
        else:
            written = row.number.strip()
            shown = int(written) if written.isascii() and written.isdigit() and len(written) < 20 else written[:40]
            return UnreadableRecord("position", row.ordinal, "bad_row_number", shown)
        if number in self._placed:
            if row.number is None:
                return UnreadableRecord("position", row.ordinal, "repeated_row_number", number)
            return UnreadableRecord("row", number, "repeated_row_number")
        return number

    def table(self) -> Table:
        records = [self._placed[number] for number in sorted(self._placed)]
        return Table(
            records=[record for record in records if record.cells],
            unreadable=[record for _, record in sorted(self._unreadable, key=lambda item: item[0])],
        )


class _TooManyRows(Exception):
    """More rows than a manifest may hold: stop reading before they cost memory."""


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters.upper():
        number = number * 26 + (ord(letter) - ord("A") + 1)
    return number


def _number_text(raw: str, is_date: bool, epoch: datetime) -> str:
    """A numeric cell as text: a date where its format shows one, a whole number without ``.0``."""
    text = raw.strip()
    try:
        value = float(text) if text.isascii() else math.nan
    except ValueError:
        return raw  # text in a numeric cell: kept as written
    if not math.isfinite(value):
        return raw
    if is_date and 0 <= value <= _LAST_SERIAL:
        # Excel's 1900 calendar counts a 29 February 1900 that never was: serials below 60 are one day later.
        serial = value + 1 if epoch is _EPOCH_1900 and value < 60 else value
        moment = epoch + timedelta(days=serial)
        moment = moment.replace(microsecond=0) + timedelta(seconds=round(moment.microsecond / 1e6))
        if moment.time() == datetime.min.time():
            return moment.date().isoformat()
        return moment.isoformat()
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return text
