"""Hostile files that once lost passengers or ended in an internal error, each with the answer
the contract asks for: a finding naming the record or cell, or exit status 2 with one sentence."""

from __future__ import annotations

import zipfile

import pytest

from tests.fuzz.contract import AGREEMENT, MANIFEST, REQUEST, Case, assert_contract, unreadable_findings
from tests.fuzz.xlsx import CHARTSHEET, Cell, Row, Workbook, text_row

CSV_LINES = MANIFEST.decode().replace("\r\n", "\n").splitlines(keepends=True)
HEADER = CSV_LINES[0].rstrip("\n").split(",")
DATA = [line.rstrip("\n").split(",") for line in CSV_LINES[1:]]


def refused(case: Case, *words: str) -> str:
    outcome = assert_contract(case)
    assert outcome.exit_code == 2, outcome.stdout
    for word in words:
        assert word in outcome.stderr, outcome.stderr
    return outcome.stderr


def request_with(old: str, new: str) -> bytes:
    text = REQUEST.decode()
    assert old in text
    return text.replace(old, new).encode()


def agreement_with(old: str, new: str) -> bytes:
    text = AGREEMENT.decode()
    assert old in text
    return text.replace(old, new).encode()


# --- CSV: a stray quote -------------------------------------------------------------------


def with_stray_quote(line: int) -> bytes:
    lines = list(CSV_LINES)
    notes = HEADER.index("notes")
    cells = lines[line - 1].rstrip("\n").split(",")
    cells[notes] = '"' + cells[notes]
    lines[line - 1] = ",".join(cells) + "\n"
    return "".join(lines).encode()


@pytest.mark.parametrize("declared", [47, 10])
def test_a_stray_quote_is_named_and_the_rows_after_it_are_still_read(declared: int) -> None:
    request = request_with("declared_passengers = 47", f"declared_passengers = {declared}")
    case = Case(manifest=with_stray_quote(11), request=request)
    outcome = assert_contract(case)
    assert outcome.exit_code == 1
    assert [item["details"] for item in unreadable_findings(outcome)] == [{"line": 11, "reason": "unclosed_quote"}]
    assert outcome.report is not None and outcome.report["rows"] == 46


def test_a_stray_quote_closed_by_a_later_cell_is_named_and_the_later_cell_still_read() -> None:
    lines = with_stray_quote(11).decode().splitlines(keepends=True)
    lines[19] = lines[19].rstrip("\n") + '"Needs glasses, reading"\n'  # line 20's notes, quoted
    outcome = assert_contract(Case(manifest="".join(lines).encode()))
    assert [item["details"] for item in unreadable_findings(outcome)] == [{"line": 11, "reason": "stray_quote"}]
    assert outcome.report is not None and outcome.report["rows"] == 46


def test_a_quote_never_closed_is_named_at_the_line_it_opened() -> None:
    manifest = ("".join(CSV_LINES).rstrip("\n") + '"\n').encode()  # on the last line's notes
    outcome = assert_contract(Case(manifest=manifest))
    assert [item["details"] for item in unreadable_findings(outcome)] == [{"line": 48, "reason": "unclosed_quote"}]
    assert outcome.report is not None and outcome.report["rows"] == 46


def test_quoted_cells_may_still_hold_line_breaks() -> None:
    lines = list(CSV_LINES)
    mrz, notes = HEADER.index("mrz"), HEADER.index("notes")
    cells = lines[1].rstrip("\n").split(",")
    cells[notes] = '"Arrives with a cane,\nneeds a seat near the door"'
    lines[1] = ",".join(cells) + "\n"
    cells = lines[2].rstrip("\n").split(",")
    cells[mrz] = '"' + cells[mrz].replace("|", "\n") + '"'
    lines[2] = ",".join(cells) + "\n"
    outcome = assert_contract(Case(manifest="".join(lines).encode()))
    assert unreadable_findings(outcome) == []
    assert outcome.report is not None and outcome.report["rows"] == 47
    assert outcome.exit_code == 0


def test_an_overlong_cell_is_a_finding_on_that_cell_not_a_refusal() -> None:
    lines = list(CSV_LINES)
    cells = lines[5].rstrip("\n").split(",")
    cells[HEADER.index("notes")] = "x" * 131_073
    lines[5] = ",".join(cells) + "\n"
    outcome = assert_contract(Case(manifest="".join(lines).encode()))
    assert outcome.report is not None
    found = [item for item in outcome.report["findings"] if item["code"] == "FIELD_FORMAT_INVALID"]
    assert [(item["seq"], item["field"], item["details"]["length"]) for item in found] == [(5, "notes", 131_073)]
    assert outcome.report["rows"] == 47


def test_a_file_of_newlines_is_refused_before_its_lines_are_split() -> None:
    case = Case(manifest=MANIFEST + b"\n" * 500, environment={"CLEARWAY_LIMIT_MANIFEST_LINES": "200"})
    refused(case, "more than 200 lines")


def test_more_rows_than_the_limit_are_refused() -> None:
    refused(Case(environment={"CLEARWAY_LIMIT_MANIFEST_ROWS": "20"}), "more than 20 rows")
    xlsx = workbook(sample_rows())
    xlsx.environment = {"CLEARWAY_LIMIT_MANIFEST_ROWS": "20"}
    refused(xlsx, "more than 20 rows")


def test_arabic_indic_digits_are_not_a_date() -> None:
    lines = list(CSV_LINES)
    lines[1] = lines[1].replace("1979-08-30", "١٩٧٩-٠٨-٣٠")
    outcome = assert_contract(Case(manifest="".join(lines).encode()))
    found = [(item["code"], item["field"]) for item in outcome.report["findings"] if item["seq"] == 1]  # type: ignore[index]
    assert ("FIELD_FORMAT_INVALID", "date_of_birth") in found


# --- XLSX: rows by their number ------------------------------------------------------------


def workbook(rows: list[Row]) -> Case:
    return Case(manifest=Workbook.with_rows(rows).to_bytes(), manifest_name="manifest.xlsx")


def sample_rows() -> list[Row]:
    return [text_row(HEADER, 1)] + [text_row(cells, number) for number, cells in enumerate(DATA, start=2)]


def test_xlsx_rows_out_of_order_are_all_read() -> None:
    rows = sample_rows()
    shuffled = [rows[0], *reversed(rows[1:])]
    outcome = assert_contract(workbook(shuffled))
    assert outcome.report is not None and outcome.report["rows"] == 47
    assert unreadable_findings(outcome) == []


def test_xlsx_rows_without_numbers_are_read_in_order() -> None:
    rows = [text_row(HEADER)] + [text_row(cells) for cells in DATA]
    outcome = assert_contract(workbook(rows))
    assert outcome.report is not None and outcome.report["rows"] == 47
    assert outcome.exit_code == 0


def test_a_repeated_or_zero_row_number_is_named_never_dropped() -> None:
    rows = sample_rows()
    rows[11] = text_row(DATA[9], 11)  # a second row 11, where row 12 was
    rows[20] = text_row(DATA[19], 0)
    outcome = assert_contract(workbook(rows))
    details = sorted(sorted(item["details"].items()) for item in unreadable_findings(outcome))
    assert details == [
        [("position", 21), ("reason", "bad_row_number"), ("row", 0)],
        [("reason", "repeated_row_number"), ("row", 11)],
    ]
    assert outcome.report is not None and outcome.report["rows"] == 45


def test_a_bad_cell_reference_or_shared_string_makes_that_row_unreadable() -> None:
    rows = sample_rows()
    rows[3] = Row([Cell("3", ref="!!"), *text_row(DATA[2][1:]).cells], "4")
    rows[4] = Row([Cell("99", kind="s", ref="A5")], "5")
    outcome = assert_contract(workbook(rows))
    reasons = sorted((item["details"]["row"], item["details"]["reason"]) for item in unreadable_findings(outcome))
    assert reasons == [(4, "bad_cell_reference"), (5, "bad_shared_string")]


def test_text_in_a_numeric_cell_is_read_as_written() -> None:
    rows = sample_rows()
    rows[1] = Row([Cell("one", kind="n", ref="A2"), *text_row(DATA[0][1:]).cells[:]], "2")
    outcome = assert_contract(workbook(rows))
    found = [(item["code"], item["field"]) for item in outcome.report["findings"] if item["field"] == "seq"]  # type: ignore[index]
    assert found == [("FIELD_FORMAT_INVALID", "seq")]


def test_a_truncated_sheet_is_refused_naming_the_part() -> None:
    book = Workbook.with_rows(sample_rows())
    sheet = book.parts["xl/worksheets/sheet1.xml"]
    book.parts["xl/worksheets/sheet1.xml"] = sheet[: len(sheet) // 2]
    refused(Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx"), "damaged", "xl/worksheets/sheet1.xml")


def test_a_corrupt_deflate_stream_is_refused() -> None:
    data = bytearray(Workbook.with_rows(sample_rows()).to_bytes())
    with zipfile.ZipFile(__import__("io").BytesIO(bytes(data))) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + 40):
        data[offset] ^= 0x5A
    refused(Case(manifest=bytes(data), manifest_name="manifest.xlsx"), "manifest.xlsx")


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"])
def test_an_xlsx_missing_a_part_it_needs_is_refused(part: str) -> None:
    book = Workbook.with_rows(sample_rows())
    book.dropped.add(part)
    refused(Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx"), "manifest.xlsx")


def test_a_chart_sheet_first_is_passed_over_for_the_first_worksheet() -> None:
    book = Workbook.with_rows(sample_rows())
    book.sheets.insert(0, ("Chart", CHARTSHEET, "chartsheets/sheet1.xml"))
    book.parts["xl/chartsheets/sheet1.xml"] = b'<?xml version="1.0"?><chartsheet/>'
    outcome = assert_contract(Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx"))
    assert outcome.report is not None and outcome.report["rows"] == 47


def test_only_chart_sheets_is_refused() -> None:
    book = Workbook.with_rows(sample_rows())
    book.sheets = [("Chart", CHARTSHEET, "chartsheets/sheet1.xml")]
    book.parts["xl/chartsheets/sheet1.xml"] = b'<?xml version="1.0"?><chartsheet/>'
    refused(Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx"), "no worksheet")


def test_an_xlsx_that_expands_beyond_the_limit_is_refused_before_it_is_inflated() -> None:
    book = Workbook.with_rows(sample_rows())
    book.parts["xl/worksheets/sheet1.xml"] += b" " * 3_000_000  # compresses to a few kilobytes
    case = Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx")
    case.environment = {"CLEARWAY_LIMIT_XLSX_EXPANDED_BYTES": "1000000"}
    assert len(case.manifest) < 100_000
    refused(case, "expands to more than", "MB")


def test_an_xlsx_without_styles_gives_no_warning_on_success() -> None:
    book = Workbook.with_rows(sample_rows())
    del book.parts["xl/styles.xml"]
    outcome = assert_contract(Case(manifest=book.to_bytes(), manifest_name="manifest.xlsx"))
    assert outcome.exit_code == 0 and outcome.stderr == ""


# --- request, agreement and --at ------------------------------------------------------------


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:00-05:00", "0001-01-01T00:15:00+05:00"])
def test_date_times_at_the_edge_of_the_calendar_are_refused_with_a_sentence(moment: str) -> None:
    case = Case(request=request_with('arrival = "2025-01-22T00:15:00Z"', f'arrival = "{moment}"'))
    refused(case, "legs[0].arrival", "outside the years")
    native = Case(request=request_with('arrival = "2025-01-22T00:15:00Z"', f"arrival = {moment}"))
    refused(native, "legs[0].arrival")
    refused(Case(at=moment), "--at", "outside the years")
    refused(Case(at=moment, lang="es"), "--at", "fuera de los años")


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e308"])
@pytest.mark.parametrize("key", ["min_hours = 72", "escorts_per_returnee = 0.3"])
def test_numbers_that_cannot_be_used_in_an_agreement_are_refused(key: str, value: str) -> None:
    name = key.split(" = ")[0]
    refused(Case(agreement=agreement_with(key, f"{name} = {value}")), name, "agreement")


def test_an_integer_of_4301_digits_is_refused() -> None:
    refused(Case(request=request_with("seats = 73", "seats = " + "9" * 4301)), "digits")
    digits = "9" * 4301
    json_request = b'{"reference": "RF", "aircraft": {"seats": ' + digits.encode() + b"}}"
    refused(Case(request=json_request, request_name="request.json"), "digits")


def test_a_large_integer_is_refused_naming_its_key() -> None:
    refused(Case(request=request_with("seats = 73", "seats = " + "9" * 40)), "aircraft.seats", "too large")


def test_json_nested_1000_deep_is_refused() -> None:
    deep = b'{"reference": ' + b"[" * 1000 + b"]" * 1000 + b"}"
    refused(Case(request=deep, request_name="request.json"), "deep")


def test_toml_nested_500_deep_is_refused() -> None:
    deep = REQUEST + b"extra = " + b"[" * 500 + b"]" * 500 + b"\n"
    refused(Case(request=deep), "deep")
    dotted = REQUEST + b"[" + b".".join(b"k%d" % i for i in range(500)) + b"]\n"
    refused(Case(request=dotted), "deep")


def test_a_toml_syntax_error_at_the_end_names_a_real_line() -> None:
    message = refused(Case(request=REQUEST + b'note = "never closed'), "not valid TOML")
    last_line = len(REQUEST.splitlines()) + 1
    assert "line ?" not in message and f"line {last_line}" in message


def test_a_line_break_in_a_value_is_not_echoed_raw() -> None:
    case = Case(request=request_with('arrival = "2025-01-22T00:15:00Z"', 'arrival = """2025-01-22\nT00:15"""'))
    message = refused(case, "legs[0].arrival")
    assert "\\n" in message


def test_an_unusable_hold_list_with_text_output_is_one_line() -> None:
    from tests.fuzz.contract import run

    outcome = run(Case(holds=b"hold_ref,surname\nH1,GARCIA\n"), output="text")
    assert outcome.exit_code == 2
    assert outcome.stderr.count("\n") == 1 and outcome.stderr.strip(), repr(outcome.stderr)
