"""Hypothesis strategies for hostile input: the clean sample files, mutated the ways files go wrong.

Each strategy starts from a valid file, so that most examples get past the first check and
reach the readers' deeper paths, and then applies a few mutations drawn from what the
fuzzing report found: stray quotes and separators, line breaks, overlong cells, control
characters, other scripts' digits, numbers at and beyond their limits, date-times at the
edge of the calendar, deep nesting, damaged zip members and XML, rows numbered wrongly.
"""

from __future__ import annotations

import json
import re
import tomllib
import zipfile
from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

from tests.fuzz.contract import AGREEMENT, MANIFEST, REQUEST, Case
from tests.fuzz.xlsx import CHARTSHEET, DATE_STYLE, Cell, Row, Workbook

CSV_TEXT = MANIFEST.decode().replace("\r\n", "\n")
CSV_LINES = CSV_TEXT.splitlines()
HEADER = CSV_LINES[0].split(",")

#: Characters that matter to a CSV reader, and some that matter to people.
_SPECIAL = ['"', ",", "\n", "\r", "\r\n", '""', "\x00", "\x1b", "\u2028", "\ufeff", "١", "<", " "]
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_NASTY = st.one_of(_TEXT, st.sampled_from(_SPECIAL))

#: Values that have broken a reader of TOML or JSON numbers and date-times.
EDGE_VALUES: list[Any] = [
    float("nan"), float("inf"), float("-inf"), 1e308, -1e308, 1e-308, -1, 0, 2**63, -(2**63), 10**30,
    "9999-12-31T23:59:00-05:00", "0001-01-01T00:15:00+05:00", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
    "2025-02-30T10:00:00Z", "2025-01-22T24:00:00Z", "١٩٧٩-٠٨-٣٠", "2025-01-22T00:15:00", "", " ", "a\nb",
    True, [], {}, [[[]]], {"a": {"b": {}}},
]  # fmt: skip
EDGE_MOMENTS = [
    datetime.fromisoformat("9999-12-31T23:59:00-05:00"),
    datetime.fromisoformat("0001-01-01T00:15:00+05:00"),
    date(9999, 12, 31),
    date(1, 1, 1),
]


@st.composite
def text_mutations(draw: st.DrawFn, text: str, pieces: st.SearchStrategy[str] = _NASTY) -> str:
    """``text`` with a few insertions, deletions, duplications or truncations at drawn places."""
    for _ in range(draw(st.integers(1, 4))):
        if not text:
            break
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate_line", "truncate"]))
        if action == "insert":
            text = text[:at] + draw(pieces) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)) :]
        elif action == "duplicate_line":
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            line = text[start : end if end >= 0 else len(text)]
            text = text[:start] + line + "\n" + text[start:]
        elif draw(st.integers(0, 9)) == 0:  # rarely: most files are not cut short
            text = text[:at]
    return text


@st.composite
def hostile_csv_cases(draw: st.DrawFn) -> Case:
    """The clean CSV sample with cells replaced by nasty values, then mutated as text."""
    rows = [line.split(",") for line in CSV_LINES[1:]]
    for _ in range(draw(st.integers(0, 4))):
        row = draw(st.sampled_from(rows))
        column = draw(st.integers(0, len(HEADER) - 1))
        row[column] = draw(
            st.one_of(
                _NASTY,
                st.sampled_from(['"' + row[column], row[column] + '"', '"a,\nb"', '"P<UTO\nL898902C3"']),
                st.integers(8000, 140_000).map(lambda n: "x" * n),
            )
        )
    text = "\n".join([CSV_LINES[0], *(",".join(row) for row in rows)]) + "\n"
    if draw(st.booleans()):
        text = draw(text_mutations(text))
    return Case(manifest=text.encode("utf-8", "surrogatepass"))


def _cell(value: str, column: int, number: int | None, draw: st.DrawFn, shared: list[str], hostile: bool) -> Cell:
    modes = ["inline", "inline", "inline", "shared", "number", "bool", "no_ref", "bad_ref"] if hostile else ["inline"]
    mode = draw(st.sampled_from(modes))
    ref = f"{chr(ord('A') + column)}{number}" if number is not None else None
    if mode == "shared":
        shared.append(value)
        index = len(shared) - 1 if draw(st.integers(0, 5)) else len(shared) + draw(st.integers(0, 3))
        return Cell(str(index), kind="s", ref=ref)
    if mode == "number":
        return Cell(draw(st.sampled_from([value, "1", "1.0", "1e308", "nan", "-0", "45000"])), kind="n", ref=ref,
                    style=draw(st.sampled_from([None, DATE_STYLE, 7])))  # fmt: skip
    if mode == "bool":
        return Cell(draw(st.sampled_from(["1", "0", "2"])), kind="b", ref=ref)
    if mode == "no_ref":
        return Cell(value)
    if mode == "bad_ref":
        return Cell(value, ref=draw(st.sampled_from(["", "A", "1", "AAAA1", "XFE1", "a1", "!!", "A0"])))
    return Cell(value, ref=ref)


def non_blank(cell: Cell, shared: list[str]) -> bool:
    """Whether the reader can see a value in the cell (a broken one counts: it must be named)."""
    if cell.kind == "s":
        return not cell.value.isdigit() or int(cell.value) >= len(shared) or bool(shared[int(cell.value)].strip())
    return bool(cell.value.strip())


@st.composite
def hostile_xlsx(draw: st.DrawFn) -> tuple[Case, int]:
    """The clean sample as an XLSX with rows numbered wrongly, cells of every kind, and damaged
    parts; with the number of row elements that hold a value (each must be a row or named)."""
    shared: list[str] = []
    rows: list[Row] = []
    lines = [line.split(",") for line in CSV_LINES]
    for index, values in enumerate(lines[: draw(st.integers(2, len(lines)))]):
        number_mode = draw(st.sampled_from(["keep"] * 12 + ["missing", "missing", "zero", "repeat", "random", "text"]))
        number: int | None = index + 1
        written: str | None = str(number)
        if number_mode == "missing":
            number, written = None, None
        elif number_mode == "zero":
            written = "0"
        elif number_mode == "repeat":
            written = str(max(index, 1))
        elif number_mode == "random":
            written = str(draw(st.integers(1, 60)))
        elif number_mode == "text":
            written = draw(st.sampled_from(["x", "-1", "1.5", "9999999999"]))
        # The header, and most rows, as a spreadsheet program writes them: the others are hostile.
        hostile = index > 0 and draw(st.integers(0, 3)) == 0
        cells = [_cell(value, column, number, draw, shared, hostile) for column, value in enumerate(values) if value]
        rows.append(Row(cells, written))
    if draw(st.booleans()):
        rows = draw(st.permutations(rows))
    book = Workbook.with_rows(rows, shared)
    counted = sum(1 for row in rows if any(non_blank(cell, shared) for cell in row.cells))
    damage = draw(st.sampled_from(["none"] * 5 + ["truncate", "doctype", "drop_part", "chart_first", "stored"]))
    sheet = "xl/worksheets/sheet1.xml"
    if damage == "truncate":
        book.parts[sheet] = book.parts[sheet][: draw(st.integers(0, len(book.parts[sheet])))]
    elif damage == "doctype":
        book.parts[sheet] = book.parts[sheet].replace(
            b"<worksheet", b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]><worksheet', 1
        )
    elif damage == "drop_part":
        book.dropped.add(draw(st.sampled_from(sorted({*book.parts, *book.structure()}))))
    elif damage == "chart_first":
        book.sheets.insert(0, ("Chart", CHARTSHEET, "chartsheets/sheet1.xml"))
        book.parts["xl/chartsheets/sheet1.xml"] = b"<chartsheet/>"
    elif damage == "stored":
        book.compression = zipfile.ZIP_STORED
    data = book.to_bytes()
    if draw(st.integers(0, 7)) == 0:  # flip bytes somewhere in the archive
        flipped = bytearray(data)
        for _ in range(draw(st.integers(1, 8))):
            flipped[draw(st.integers(0, len(flipped) - 1))] ^= draw(st.integers(1, 255))
        data = bytes(flipped)
    return Case(manifest=data, manifest_name="manifest.xlsx"), counted


_DEEP = re.compile(r'"@@DEEP([0-9]+)([at])@@"')


def _deep(depth: int, kind: str) -> str:
    """A placeholder for a value nested ``depth`` deep, written out as text by ``_expand_deep``
    (building it as a value would exhaust the writers' own stack)."""
    return f"@@DEEP{depth}{kind}@@"


def _expand_deep(text: str, as_json: bool) -> str:
    def nested(match: re.Match[str]) -> str:
        depth, kind = int(match.group(1)), match.group(2)
        if kind == "a":
            return "[" * depth + "1" + "]" * depth
        opening = '{"k": ' if as_json else "{k = "
        return opening * depth + "1" + "}" * depth

    return _DEEP.sub(nested, text)


def _paths(document: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path of the document that holds a value."""
    found: list[tuple[Any, ...]] = []
    items = document.items() if isinstance(document, dict) else enumerate(document)
    for key, value in items:
        path = (*prefix, key)
        found.append(path)
        if isinstance(value, dict | list):
            found.extend(_paths(value, path))
    return found


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> None:
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(str(value), repr(value))
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return "{" + ", ".join(f"{json.dumps(key)} = {_toml_value(item)}" for key, item in value.items()) + "}"


def to_toml(document: dict[str, Any]) -> str:
    """A small TOML writer: top-level values, then one table per top-level table (inline within)."""
    values = {key: value for key, value in document.items() if not isinstance(value, dict)}
    lines = [f"{json.dumps(key)} = {_toml_value(value)}" for key, value in values.items()]
    for key, value in document.items():
        if isinstance(value, dict):
            lines.append(f"[{json.dumps(key)}]")
            lines += [f"{json.dumps(name)} = {_toml_value(item)}" for name, item in value.items()]
    return "\n".join(lines) + "\n"


def _json_default(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime | date) else str(value)


@st.composite
def hostile_document_cases(draw: st.DrawFn) -> Case:
    """The clean request or agreement with values replaced by edge values, as TOML or JSON."""
    which = draw(st.sampled_from(["request", "agreement"]))
    document = tomllib.loads((REQUEST if which == "request" else AGREEMENT).decode())
    for _ in range(draw(st.integers(0, 2))):
        path = draw(st.sampled_from(_paths(document)))
        value = draw(
            st.one_of(
                st.sampled_from(EDGE_VALUES),
                st.sampled_from(EDGE_MOMENTS),
                st.integers(10, 5000).map(lambda digits: int("9" * min(digits, 4300))),
                st.builds(_deep, st.integers(20, 600), st.sampled_from("at")),
                _TEXT,
            )
        )
        _replace(document, path, value)
    as_json = draw(st.booleans())
    text = json.dumps(document, default=_json_default, allow_nan=True) if as_json else to_toml(document)
    text = _expand_deep(text, as_json)
    if draw(st.integers(0, 3)) == 0:
        text = draw(text_mutations(text, st.one_of(_NASTY, st.sampled_from(["[", "]", "{", "}", "=", "9" * 4301]))))
    suffix = "json" if as_json else "toml"
    case = Case()
    data = text.encode("utf-8", "surrogatepass")
    if which == "request":
        case.request, case.request_name = data, f"request.{suffix}"
    else:
        case.agreement, case.agreement_name = data, f"agreement.{suffix}"
    if draw(st.integers(0, 7)) == 0:
        case.at = draw(st.sampled_from([str(value) for value in EDGE_VALUES[11:22]]))
    case.lang = draw(st.sampled_from(["en", "es"]))
    return case


@st.composite
def hostile_hold_list_cases(draw: st.DrawFn) -> Case:
    """The sample hold list, mutated as text (the check must still answer 0, 1 or 2)."""
    from tests.conftest import EXAMPLES

    text = (EXAMPLES / "holds-sample.csv").read_text(encoding="utf-8")
    lines = text.splitlines()[: draw(st.integers(1, 40))]
    text = draw(text_mutations("\n".join(lines) + "\n"))
    return Case(holds=text.encode("utf-8", "surrogatepass"), lang=draw(st.sampled_from(["en", "es"])))
