"""Why a file is refused for its size or shape (``clearway.settings.InputLimits``), and the
other ways a manifest or document cannot be read at all. One sentence each, naming the file."""

from __future__ import annotations

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "file.too_large": _p("file.too_large", "The file {path} is larger than the {limit_mb} MB that can be read."),
    "manifest.too_many_columns": _p(
        "manifest.too_many_columns",
        "The manifest {path} has {count} columns in its header; a manifest may have at most {limit}.",
    ),
    "manifest.too_many_rows": _p(
        "manifest.too_many_rows",
        "The manifest {path} has more than {limit} rows; seq runs from 1 to 9999, so split the flight's manifest.",
    ),
    "manifest.too_many_lines": _p(
        "manifest.too_many_lines",
        "The manifest {path} has more than {limit} lines, more than any manifest of 9999 rows needs.",
    ),
    "manifest.header_quote": _p(
        "manifest.header_quote",
        "The header of the manifest {path} has a quotation mark on line {line} that is not closed on that line; column names cannot span lines.",
    ),
    "manifest.xlsx_damaged": _p(
        "manifest.xlsx_damaged",
        "The manifest {path} is a damaged XLSX file: its part {part} cannot be read; save it again from the spreadsheet program.",
    ),
    "manifest.xlsx_too_large": _p(
        "manifest.xlsx_too_large",
        "The manifest {path} expands to more than {limit_mb} MB when unpacked, more than any manifest needs; it is not read.",
    ),
    "manifest.xlsx_no_worksheet": _p(
        "manifest.xlsx_no_worksheet",
        "The manifest {path} is a spreadsheet with no worksheet (only charts, or none): there are no rows to read.",
    ),
    "manifest.xlsx_header_unreadable": _p(
        "manifest.xlsx_header_unreadable",
        "The header row of the manifest {path} (row {row}) cannot be read, so no column can be told apart.",
    ),
    "holds.too_large": _p(
        "holds.too_large", "The legal-hold list {path} is larger than the {limit_mb} MB that can be imported."
    ),
    "holds.too_many_columns": _p(
        "holds.too_many_columns",
        "The legal-hold list {path} has {count} columns in its header; a hold list may have at most {limit}.",
    ),
    "cli.at_out_of_range": _p(
        "cli.at_out_of_range", "--at '{value}' is outside the years {first} to {last} that Clearway can check."
    ),
    "service.manifest_record_unreadable": _p(
        "service.manifest_record_unreadable",
        "The manifest {file} has a record that cannot be read as a row ({unit} {position}: {reason}); correct it, so that no one drops out of the version.",
    ),
    "service.manifest_cell_too_long": _p(
        "service.manifest_cell_too_long",
        "The manifest {file} has a cell in {column} on line {line} of {length} characters, longer than a cell may be; shorten it.",
    ),
    "upload.too_large": _p("upload.too_large", "The file sent is larger than the {limit_mb} MB accepted here."),
    "request.too_deep": _p(
        "request.too_deep",
        "The request file {path} nests tables or lists more than {limit} deep; no request needs that.",
    ),
    "request.number_too_large": _p(
        "request.number_too_large",
        "In the request file {path}, '{key}' = {value} is too large; numbers here may be at most {limit} in size.",
    ),
    "request.number_too_long": _p(
        "request.number_too_long",
        "The request file {path} holds a number with more than {limit} digits; no request needs one.",
    ),
    "request.not_finite": _p(
        "request.not_finite",
        "In the request file {path}, '{key}' = {value} is not a number that can be used (nan and inf are not).",
    ),
    "request.time_out_of_range": _p(
        "request.time_out_of_range",
        "In the request file {path}, '{key}' = '{value}' is outside the years {first} to {last} that Clearway can check.",
    ),
    "agreement.too_deep": _p(
        "agreement.too_deep",
        "The agreement file {path} nests tables or lists more than {limit} deep; no agreement needs that.",
    ),
    "agreement.number_too_large": _p(
        "agreement.number_too_large",
        "In the agreement file {path}, '{key}' = {value} is too large; numbers here may be at most {limit} in size.",
    ),
    "agreement.number_too_long": _p(
        "agreement.number_too_long",
        "The agreement file {path} holds a number with more than {limit} digits; no agreement needs one.",
    ),
    "agreement.not_finite": _p(
        "agreement.not_finite",
        "In the agreement file {path}, '{key}' = {value} is not a number that can be used (nan and inf are not).",
    ),
    "agreement.time_out_of_range": _p(
        "agreement.time_out_of_range",
        "In the agreement file {path}, '{key}' = '{value}' is outside the years {first} to {last} that Clearway can check.",
    ),
}
