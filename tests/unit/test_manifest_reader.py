"""The manifest reader keeps every value exactly as written (property tests), reads XLSX
cells as the spec says, and refuses files that are not manifests."""

import csv
import io
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from clearway.domain.dates import PartialDate
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.formats.manifest import read_manifest

# Any text a person might type in a cell: letters with accents, quotes, commas, line breaks.
cell = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"), max_size=30)


def write(tmp_path: Path, header: list[str], rows: list[list[str]], bom: bool = False) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path = tmp_path / "m.csv"
    path.write_bytes(("\ufeff" if bom else "").encode() + out.getvalue().encode("utf-8"))
    return path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.tuples(cell, cell, cell), min_size=1, max_size=5), bom=st.booleans())
def test_names_and_unknown_columns_survive_exactly(tmp_path: Path, values, bom: bool) -> None:
    header = ["seq", "surname", "given_names", "Remarks"]
    rows = [[str(i + 1), surname, given, remark] for i, (surname, given, remark) in enumerate(values)]
    # a row whose cells are all blank is no row at all; keep the property about real rows
    rows = [row for row in rows if any(c.strip() for c in row)]
    manifest = read_manifest(write(tmp_path, header, rows, bom))
    assert [(r.get("surname"), r.get("given_names"), r.extra["Remarks"]) for r in manifest.rows] == [
        (row[1], row[2], row[3]) for row in rows
    ]
    assert manifest.unknown_columns == ("Remarks",)


def test_header_names_are_matched_case_insensitively_with_spaces_ignored(tmp_path: Path) -> None:
    manifest = read_manifest(write(tmp_path, [" SEQ ", "Surname"], [["1", "García"]]))
    assert manifest.columns == {"seq", "surname"}
    assert manifest.rows[0].get("surname") == "García"


def test_line_numbers_follow_quoted_line_breaks(tmp_path: Path) -> None:
    rows = [["1", "P<UTO|LINE"], ["2", "P<UTO\nLINE"], ["3", "x"]]
    manifest = read_manifest(write(tmp_path, ["seq", "mrz"], rows))
    assert [r.line for r in manifest.rows] == [2, 3, 5]
    assert manifest.rows[1].get("mrz") == "P<UTO\nLINE"


def test_xlsx_cells_are_read_as_the_spec_says(tmp_path: Path) -> None:
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["seq", "surname", "date_of_birth", "document_number", "document_expiry"])
    sheet.append([1.0, "Núñez", datetime(1984, 6, 2), 123, "2030-01-02"])
    sheet.append([2, "De la Cruz", date(1990, 1, 1), "000123", None])
    path = tmp_path / "m.xlsx"
    workbook.save(path)
    rows = read_manifest(path).rows
    assert [r.get("seq") for r in rows] == ["1", "2"]
    assert rows[0].get("date_of_birth") == "1984-06-02" and rows[1].get("date_of_birth") == "1990-01-01"
    assert rows[0].get("document_number") == "123" and rows[1].get("document_number") == "000123"
    assert rows[0].get("document_expiry") == "2030-01-02" and rows[1].get("document_expiry") == ""


@given(st.dates(min_value=date(1, 1, 1)), st.sampled_from(["day", "month", "none"]))
def test_partial_dates_read_back_as_written(day: date, unknown: str) -> None:
    text = day.isoformat()
    if unknown == "day":
        text = text[:8] + "00"
    elif unknown == "month":
        text = text[:5] + "00-00"
    parsed = PartialDate.parse(text)
    assert parsed is not None and parsed.iso() == text
    assert parsed.earliest() <= parsed.latest()


@pytest.mark.parametrize("text", ["1984-02-30", "1984-13-01", "1984-00-05", "84-01-01", "", "1984-1-1"])
def test_impossible_dates_are_not_dates(text: str) -> None:
    assert PartialDate.parse(text) is None


def test_documented_column_order_is_the_spec_order() -> None:
    assert MANIFEST_COLUMNS[0] == "seq" and MANIFEST_COLUMNS[-1] == "notes" and len(MANIFEST_COLUMNS) == 17
