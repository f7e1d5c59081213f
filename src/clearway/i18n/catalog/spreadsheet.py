"""Spreadsheet exports: sheet names, headings, and the explanation of every manifest
column (spec/manifest-csv.md) that the XLSX template's second sheet shows."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "sheet.manifest": _p("sheet.manifest", "Manifest"),
    "sheet.columns": _p("sheet.columns", "Columns"),
    "sheet.findings": _p("sheet.findings", "Findings"),
    "sheet.codes": _p("sheet.codes", "Codes"),
    "heading.column": _p("heading.column", "Column"),
    "heading.required": _p("heading.required", "Required"),
    "heading.format": _p("heading.format", "Format"),
    "heading.meaning": _p("heading.meaning", "Meaning (English)"),
    "heading.meaning_es": _p("heading.meaning_es", "Meaning (Spanish)"),
    "heading.message_en": _p("heading.message_en", "Message (English)"),
    "heading.message_es": _p("heading.message_es", "Message (Spanish)"),
    "required.yes": _p("required.yes", "yes"),
    "required.no": _p("required.no", "no (optional)"),
    "required.unless_n": _p("required.unless_n", "unless document type N"),
    "required.may_be_empty": _p("required.may_be_empty", "yes (may be empty only for people with no given name)"),
    "validation.code": _p("validation.code", "Choose one of the listed codes."),
    "validation.date": _p("validation.date", "A date, or text YYYY-MM-DD (00 for an unknown day or month)."),
    "validation.seq": _p("validation.seq", "A whole number from 1 to 9999, unique in the manifest."),
    "validation.text": _p("validation.text", "Stored as text so that leading zeros are kept."),
    "column.seq": _p("column.seq", "The row's stable number; findings and decisions refer to it."),
    "column.surname": _p(
        "column.surname", "Primary family name, exactly as in the travel document (diacritics kept: GARCÍA)."
    ),
    "column.second_surname": _p(
        "column.second_surname", "Second family name where the naming custom has one (LÓPEZ in GARCÍA LÓPEZ)."
    ),
    "column.given_names": _p("column.given_names", "All given names, separated by spaces."),
    "column.sex": _p("column.sex", "F, M or X, as in the travel document."),
    "column.date_of_birth": _p(
        "column.date_of_birth", "Date of birth; an unknown day or month is 00 (1984-06-00, 1984-00-00)."
    ),
    "column.nationality": _p(
        "column.nationality", "ISO 3166-1 alpha-3 or ICAO Doc 9303 nationality code (MEX, GTM, D)."
    ),
    "column.document_type": _p(
        "column.document_type",
        "P passport, I identity card, C consular or emergency travel document, E electronic travel document issued by the receiving country, N none.",
    ),
    "column.document_number": _p("column.document_number", "The document's number, up to 20 letters and digits."),
    "column.document_issuer": _p(
        "column.document_issuer", "Alpha-3 code of the state or organisation that issued the document."
    ),
    "column.document_expiry": _p("column.document_expiry", "The document's expiry date."),
    "column.mrz": _p(
        "column.mrz",
        "The machine-readable zone, its lines joined by a vertical bar or a line break; checked against the row.",
    ),
    "column.case_ref": _p(
        "column.case_ref", "The sending authority's case reference for this person; unique in the manifest."
    ),
    "column.family_group": _p("column.family_group", "The same value for members of one family travelling together."),
    "column.medical": _p(
        "column.medical", "Medical needs the receiving side must know of in advance; empty means none."
    ),
    "column.medical_escort": _p(
        "column.medical_escort", "Y when the person needs medical staff on board, else N (the default)."
    ),
    "column.notes": _p("column.notes", "Free text for the receiving side."),
    "finding.code": _p("finding.code", "Code"),
    "finding.severity": _p("finding.severity", "Severity"),
    "finding.scope": _p("finding.scope", "Scope"),
    "finding.details": _p("finding.details", "Details"),
}
