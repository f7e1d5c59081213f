"""Splitting a manifest CSV into records, so that one stray quotation mark cannot swallow rows.

RFC 4180 quoting as Python's ``csv`` module reads it (a quote opens a cell only at its
start, ``""`` inside a quoted cell is one quote, text after a closing quote is kept), with
one rule that module lacks. A quoted cell may hold line breaks (an MRZ's lines, a note),
but a cell that spans lines only because a quote was left open swallows the rows after
it. So a quoted cell may span lines only when its lines are shaped like MRZ lines (in the
``mrz`` column) or none of them holds as many separators as a row; otherwise the record
is unreadable at the line where the quote opened, and the lines after it are read again
as rows (spec/manifest-csv.md, ``ROW_UNREADABLE``). A cell that is a single quote before a
formula character loses that quote, which Clearway's own exports add
(``clearway.formats.csv_formula``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.domain.people import UnreadableRecord
from clearway.formats.csv_formula import restore
from clearway.formats.table import Record, Table, canonical
from clearway.settings import InputLimits

SEPARATOR = ","
_QUOTE = '"'
# A line and its terminator; \r\n, \n and \r end a line, as in the csv module (nothing else does).
_LINE = re.compile(r"([^\r\n]*)(\r\n|\n|\r|$)")
_MRZ_LINE = re.compile(r"[A-Z0-9<]{20,50}")


@dataclass
class _SpanningCell:
    """A quoted cell that goes on past the end of the line it opened on."""

    column: int  # 0-based position in the record
    opened: int  # index of the line where the quote opened
    fragments: list[str] = field(default_factory=list)  # its text on each line
    closed: bool = False


@dataclass
class _Parsed:
    cells: list[str]
    next_line: int  # index of the first line after the record
    spanning: list[_SpanningCell]


def split_lines(text: str) -> list[tuple[str, str]]:
    """The text's lines as (content, terminator); the last one may have no terminator."""
    lines = [(match.group(1), match.group(2)) for match in _LINE.finditer(text)]
    if lines and lines[-1] == ("", ""):
        lines.pop()  # the empty match at the very end
    return lines


def read_csv_table(text: str, path: Path, limits: InputLimits) -> Table:
    """Every record of the CSV text, or the line where one could not be read."""
    # Counted before the lines are split: each costs memory, and a file of newlines is cheap to send.
    count = text.count("\n") + text.count("\r") - text.count("\r\n")
    if count > limits.manifest_lines:
        raise UnusableInput("manifest.too_many_lines", path=str(path), limit=limits.manifest_lines)
    lines = split_lines(text)
    table = Table()
    index = 0
    # The header: the first record that holds anything. Its names never span lines.
    while index < len(lines):
        parsed = _parse_record(lines, index)
        if parsed.spanning:
            raise UnusableInput("manifest.header_quote", path=str(path), line=parsed.spanning[0].opened + 1)
        record = Record(index + 1, parsed.cells)
        index = parsed.next_line
        table.records.append(record)
        if not record.is_blank:
            break
    header = [canonical(name) for name in table.records[-1].cells] if table.records else []
    while header and not header[-1]:
        header.pop()
    row_separators = max(len(header) - 1, 0)
    mrz_column = header.index("mrz") if "mrz" in header else None

    while index < len(lines):
        parsed = _parse_record(lines, index)
        refused = _refused_span(parsed.spanning, row_separators, mrz_column)
        if refused is not None:
            reason = "stray_quote" if refused.closed else "unclosed_quote"
            table.unreadable.append(UnreadableRecord("line", refused.opened + 1, reason))
            index = refused.opened + 1  # the lines after the quote are read again, as rows
            continue
        record = Record(index + 1, parsed.cells)
        index = parsed.next_line
        if record.is_blank:
            continue  # a blank line holds no one
        if len(record.cells) > limits.columns:
            table.unreadable.append(UnreadableRecord("line", record.position, "too_many_cells"))
        else:
            table.records.append(record)
        if len(table.records) + len(table.unreadable) > limits.manifest_rows + 1:
            raise UnusableInput("manifest.too_many_rows", path=str(path), limit=limits.manifest_rows)
    return table


def _refused_span(spanning: list[_SpanningCell], row_separators: int, mrz_column: int | None) -> _SpanningCell | None:
    """The first quoted cell of the record that may not span the lines it spans, if any."""
    for cell in spanning:
        if not cell.closed:
            return cell
        if cell.column == mrz_column and all(_MRZ_LINE.fullmatch(part.strip()) for part in cell.fragments):
            continue
        if all(part.count(SEPARATOR) < row_separators for part in cell.fragments):
            continue
        return cell
    return None


def _parse_record(lines: list[tuple[str, str]], start: int) -> _Parsed:
    """One record from line ``start``: its cells, where the next record starts, its spanning cells."""
    cells: list[str] = []
    spanning: list[_SpanningCell] = []
    index = start
    content = lines[index][0]
    if _QUOTE not in content:  # the common case, without a character loop
        return _Parsed(_restored(content.split(SEPARATOR), content), index + 1, [])
    position = 0
    while True:
        # At the start of a cell.
        if position < len(content) and content[position] == _QUOTE:
            text, index, position, span = _quoted(lines, index, position + 1, len(cells))
            content = lines[index][0]
            if span is not None:
                spanning.append(span)
            # Text after the closing quote belongs to the cell, as in the csv module.
            end = content.find(SEPARATOR, position)
            tail = content[position:] if end < 0 else content[position:end]
            cells.append(text + tail)
        else:
            end = content.find(SEPARATOR, position)
            cells.append(content[position:] if end < 0 else content[position:end])
        if end < 0:
            return _Parsed(_restored(cells, "'"), index + 1, spanning)
        position = end + 1


def _restored(cells: list[str], content: str) -> list[str]:
    """The cells with the quote that neutralises a formula taken away (``clearway.formats.csv_formula``)."""
    if "'" not in content:
        return cells
    return [restore(cell) for cell in cells]


def _quoted(
    lines: list[tuple[str, str]], index: int, position: int, column: int
) -> tuple[str, int, int, _SpanningCell | None]:
    """A quoted cell's text from just after its opening quote: (text, line index and position after
    the closing quote, the cell's lines when it spans more than one)."""
    parts: list[str] = []
    span: _SpanningCell | None = None
    fragment_start = len(parts)
    while True:
        content, terminator = lines[index]
        quote = content.find(_QUOTE, position)
        if quote < 0:
            parts.append(content[position:])
            if span is None:
                span = _SpanningCell(column, index)
            span.fragments.append("".join(parts[fragment_start:]))
            if index + 1 >= len(lines):
                return "".join(parts), index, len(content), span  # never closed
            parts.append(terminator)
            fragment_start = len(parts)
            index, position = index + 1, 0
            continue
        parts.append(content[position:quote])
        if content.startswith(_QUOTE, quote + 1):
            parts.append(_QUOTE)  # "" inside a quoted cell
            position = quote + 2
            continue
        if span is not None:
            span.fragments.append("".join(parts[fragment_start:]))
            span.closed = True
        return "".join(parts), index, quote + 1, span
