"""The XLSX layout shared by the template and exports (openpyxl).

Sheet 1, the manifest: the header row, document numbers and other identifiers stored as
text (a number format of ``@``, so ``007`` keeps its zeros), data validation on the code
and date columns, frozen header. Sheet 2 explains every column in English and Spanish.
Sheet 3 (exports only) lists the findings. A hidden sheet holds the country codes the
nationality and issuer lists offer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from clearway.domain.people import MANIFEST_COLUMNS, REQUIRED_COLUMNS
from clearway.i18n import translate

#: Rows that carry validation and formats: a manifest holds at most 9,999 people.
LAST_ROW = 10_000
_TEXT_COLUMNS = ("document_number", "case_ref", "family_group", "mrz", "notes", "medical")
_DATE_COLUMNS = ("date_of_birth", "document_expiry")
_LISTS = {"sex": "F,M,X", "document_type": "P,I,C,E,N", "medical_escort": "Y,N"}
_COUNTRY_COLUMNS = ("nationality", "document_issuer")
_FORMATS = {
    "seq": "1-9999",
    "sex": "F | M | X",
    "date_of_birth": "YYYY-MM-DD",
    "nationality": "alpha-3",
    "document_type": "P | I | C | E | N",
    "document_number": "≤ 20 A-Z 0-9",
    "document_issuer": "alpha-3",
    "document_expiry": "YYYY-MM-DD",
    "medical_escort": "Y | N",
}


def workbook_bytes(
    header: Sequence[str], rows: Sequence[Sequence[str]], findings: Sequence[Sequence[str]] | None
) -> bytes:
    # openpyxl is imported here only: start-up time of commands that never write XLSX.
    import openpyxl  # type: ignore[import-untyped]  # no type stubs shipped
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
    from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

    from clearway.reference import country_codes

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = translate("sheet.manifest", "en")
    sheet.append(list(header))
    _keep_as_text(sheet, header)  # an unknown column's name is typed by people too
    sheet.freeze_panes = "A2"
    letters = {name: get_column_letter(index) for index, name in enumerate(header, start=1)}
    for name in header:
        sheet.column_dimensions[letters[name]].width = max(12, min(40, len(name) + 4))
    for values in rows:
        sheet.append([_cell(value, column) for value, column in zip(values, header, strict=False)])
        _keep_as_text(sheet, values)
    for name in _TEXT_COLUMNS:
        if name in letters:
            sheet.column_dimensions[letters[name]].number_format = "@"
            for cell in sheet[letters[name]][1:]:
                cell.number_format = "@"

    codes = book.create_sheet(translate("sheet.codes", "en"))
    for code in country_codes():
        codes.append([code])
    codes.sheet_state = "hidden"
    countries = f"'{codes.title}'!$A$1:$A${len(country_codes())}"

    def validate(column: str, validation: DataValidation, prompt: str) -> None:
        if column not in letters:
            return
        letter = letters[column]
        validation.error = translate(prompt, "en") + " / " + translate(prompt, "es")
        validation.prompt = validation.error
        validation.showErrorMessage = True
        validation.add(f"{letter}2:{letter}{LAST_ROW}")
        sheet.add_data_validation(validation)

    for column, choices in _LISTS.items():
        validate(column, DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True), "validation.code")
    for column in _COUNTRY_COLUMNS:
        validate(column, DataValidation(type="list", formula1=countries, allow_blank=True), "validation.code")
    for column in _DATE_COLUMNS:
        if column in letters:
            cell = f"{letters[column]}2"
            # A real date, or text YYYY-MM-DD (a partly unknown date of birth is text: 1984-00-00).
            rule = f'OR(ISNUMBER({cell}),AND(LEN({cell})=10,MID({cell},5,1)="-",MID({cell},8,1)="-"))'
            validate(column, DataValidation(type="custom", formula1=rule, allow_blank=True), "validation.date")
    validate(
        "seq",
        DataValidation(type="whole", operator="between", formula1="1", formula2="9999", allow_blank=True),
        "validation.seq",
    )

    _guide(book.create_sheet(translate("sheet.columns", "en") + " · " + translate("sheet.columns", "es"), 1))
    if findings is not None:
        from clearway.formats.spreadsheet import finding_headings

        found = book.create_sheet(translate("sheet.findings", "en") + " · " + translate("sheet.findings", "es"), 2)
        found.append(finding_headings("en"))
        found.freeze_panes = "A2"
        for values in findings:
            found.append(list(values))
            _keep_as_text(found, values)

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _guide(sheet: Any) -> None:
    """One row per column: name, required, format, meaning in English, meaning in Spanish."""
    headings = ["heading.column", "heading.required", "heading.format", "heading.meaning", "heading.meaning_es"]
    sheet.append([f"{translate(key, 'en')} / {translate(key, 'es')}" for key in headings])
    for column in MANIFEST_COLUMNS:
        required = _required(column)
        sheet.append(
            [
                column,
                f"{translate(required, 'en')} / {translate(required, 'es')}",
                _FORMATS.get(column, "text"),
                translate(f"column.{column}", "en"),
                translate(f"column.{column}", "es"),
            ]
        )
    for letter, width in zip("ABCDE", (18, 28, 18, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width


def _keep_as_text(sheet: Any, values: Sequence[str]) -> None:
    """Text that starts with ``=`` stays text: openpyxl would store it as a formula."""
    if not any(value.startswith("=") for value in values):
        return
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"


def _required(column: str) -> str:
    if column == "given_names":
        return "required.may_be_empty"
    if column in ("document_number", "document_issuer", "document_expiry"):
        return "required.unless_n"
    return "required.yes" if column in REQUIRED_COLUMNS else "required.no"


def _cell(value: str, column: str) -> object:
    """A value as written; a seq that is a whole number as a number (the reader reads it back)."""
    if column == "seq" and value.isascii() and value.isdigit() and not value.startswith("0"):
        return int(value)
    return value
