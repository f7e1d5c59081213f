"""Reading a legal-hold list CSV (spec/cli.md, ``--holds``).

UTF-8 (a BOM is accepted), comma-separated, header names matched case-insensitively
with surrounding spaces ignored. A list that cannot be used at all raises
:class:`UnusableInput` with a ``holds.*`` key; a row that cannot be read never
raises: it comes out as an invalid row with a short reason.
"""

from __future__ import annotations

import codecs
import csv
import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import IO

from clearway.domain.dates import PartialDate, parse_full_date
from clearway.domain.errors import UnusableInput
from clearway.settings import DEFAULT_LIMITS, InputLimits

#: The columns of spec/cli.md; all of them must be in the header.
HOLD_COLUMNS = (
    "hold_ref",
    "surname",
    "second_surname",
    "given_names",
    "date_of_birth",
    "nationality",
    "hold_type",
    "until",
)

_HEAD_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class HoldRow:
    """A readable row, values as written (``date_of_birth`` and ``until`` trimmed)."""

    line: int
    hold_ref: str
    surname: str
    second_surname: str
    given_names: str
    date_of_birth: str  # PartialDate.iso() form: the text as written, trimmed
    nationality: str
    hold_type: str
    until: str  # "" or YYYY-MM-DD


@dataclass(frozen=True, slots=True)
class InvalidRow:
    line: int
    reason: str  # "date_of_birth", "surname", "until", "columns" or "too_long"


def check_file(path: Path) -> os.stat_result:
    """Refuse a list that is missing, unreadable, empty, binary or not UTF-8 at its start.

    Cheap (one stat and the first 64 KiB), so it runs on every open, cached index or not.
    """
    params = {"path": str(path)}
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise UnusableInput("holds.missing", **params) from None
    except OSError:
        raise UnusableInput("holds.unreadable", **params) from None
    if not os.path.isfile(path):
        raise UnusableInput("holds.unreadable", **params)
    try:
        with open(path, "rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError:
        raise UnusableInput("holds.unreadable", **params) from None
    if not head.removeprefix(codecs.BOM_UTF8).strip():
        raise UnusableInput("holds.empty", **params)
    if b"\x00" in head:
        raise UnusableInput("holds.binary", **params)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=len(head) < _HEAD_BYTES)
    except UnicodeDecodeError as error:
        line = head[: error.start].count(b"\n") + 1
        raise UnusableInput("holds.not_utf8", line=line, **params) from None
    return stat


def first_bad_utf8_line(path: Path) -> int | None:
    """The line holding the first byte that is not UTF-8, or ``None`` when there is none.

    Decoding runs ahead of the CSV reader, so the reader's own position would be
    approximate; this rescans the bytes (only on that error path).
    """
    newlines = 0
    carry = b""
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(1 << 20)
            data = carry + chunk
            carry = b""
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as error:
                truncated = error.reason == "unexpected end of data" and len(data) - error.start < 4
                if not (chunk and truncated):
                    return newlines + data[: error.start].count(b"\n") + 1
                carry = data[error.start :]  # a character cut by the chunk boundary
                data = data[: error.start]
            newlines += data.count(b"\n")
            if not chunk:
                return None


def _header(first: list[str], path: Path) -> dict[str, int]:
    """Column positions by canonical name; refuses missing or repeated columns."""
    names = [name.strip().lower() for name in first]
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise UnusableInput("holds.duplicate_column", path=str(path), column=name)
        seen.add(name)
    missing = [column for column in HOLD_COLUMNS if column not in seen]
    if len(missing) == len(HOLD_COLUMNS):
        raise UnusableInput("holds.no_header", path=str(path), columns=", ".join(HOLD_COLUMNS))
    if missing:
        raise UnusableInput("holds.missing_columns", path=str(path), columns=", ".join(missing))
    return {name: names.index(name) for name in HOLD_COLUMNS}


@lru_cache(maxsize=1 << 16)
def _birth_iso(text: str) -> str | None:
    """The date as ``PartialDate.iso()`` writes it (what blocking keys use), or ``None``."""
    parsed = PartialDate.parse(text)
    return None if parsed is None else parsed.iso()


@lru_cache(maxsize=1 << 14)
def _has_word(text: str) -> bool:
    """Whether a surname has at least one letter or digit (a word to match on)."""
    return any(ch.isalnum() for ch in text)


@lru_cache(maxsize=1 << 12)
def _valid_until(text: str) -> bool:
    return parse_full_date(text) is not None


def _bounded_lines(text: IO[str], limit: int, overlong: set[int]) -> Iterator[str]:
    """The text's lines, a line longer than ``limit`` characters read as an empty one.

    Such a line's number goes into ``overlong``, and its characters are read past, never
    held: a list of one 100 MB line costs ``limit`` characters of memory, not gigabytes.
    """
    number = 0
    while line := text.readline(limit + 1):
        number += 1
        if len(line) > limit and line[-1] not in "\r\n":
            overlong.add(number)
            while (rest := text.readline(limit + 1)) and rest[-1] not in "\r\n":
                pass
            yield "\n"
        else:
            yield line


def read_rows(text: IO[str], path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Iterator[HoldRow | InvalidRow]:
    """Every data row of the list, readable or not, with its line number (header: line 1).

    Blank lines are not rows; a line longer than ``limits.hold_line_chars`` is an invalid
    row (``too_long``). ``text`` must be opened with ``newline=""``.
    """
    overlong: set[int] = set()
    reader = csv.reader(_bounded_lines(text, limits.hold_line_chars, overlong))
    try:
        first = next(reader, None)
        while first is not None and not any(cell.strip() for cell in first):
            first = next(reader, None)
        if first is None:
            raise UnusableInput("holds.empty", path=str(path))
        if len(first) > limits.columns:
            raise UnusableInput("holds.too_many_columns", path=str(path), count=len(first), limit=limits.columns)
        positions = _header(first, path)
        width = len(first)
        pick = itemgetter(*(positions[column] for column in HOLD_COLUMNS))
        any_row = False
        line = reader.line_num + 1
        for cells in reader:
            start, line = line, reader.line_num + 1
            if overlong and min(overlong) < line:
                if line - start > 1:
                    # The overlong line is inside a quoted cell that spans lines: a quote left open.
                    raise UnusableInput("holds.malformed_csv", path=str(path), line=start)
                overlong.difference_update(range(min(overlong), line))
                any_row = True
                yield InvalidRow(start, "too_long")
                continue
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            any_row = True
            if len(cells) < width:
                cells = cells + [""] * (width - len(cells))
            elif len(cells) > width and any(cell.strip() for cell in cells[width:]):
                yield InvalidRow(start, "columns")
                continue
            ref, surname, second, given, born, nationality, hold_type, until = pick(cells)
            born_iso = _birth_iso(born) if born.strip() else None
            until = until.strip()
            if born_iso is None:
                yield InvalidRow(start, "date_of_birth")
            elif not _has_word(surname):
                yield InvalidRow(start, "surname")
            elif until and not _valid_until(until):
                yield InvalidRow(start, "until")
            else:
                yield HoldRow(start, ref, surname, second, given, born_iso, nationality, hold_type, until)
    except UnicodeDecodeError:
        line = first_bad_utf8_line(path) or reader.line_num + 1
        raise UnusableInput("holds.not_utf8", path=str(path), line=line) from None
    except csv.Error:
        raise UnusableInput("holds.malformed_csv", path=str(path), line=reader.line_num) from None
    if not any_row:
        raise UnusableInput("holds.no_rows", path=str(path))
