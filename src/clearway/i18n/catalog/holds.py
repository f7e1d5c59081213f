"""Messages for a legal-hold list that cannot be used at all (``clearway.screening``)."""

from __future__ import annotations

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "holds.missing": _p("holds.missing", "The legal-hold list {path} does not exist."),
    "holds.unreadable": _p("holds.unreadable", "Cannot read the legal-hold list {path}: it is not a readable file."),
    "holds.binary": _p(
        "holds.binary", "Cannot read the legal-hold list {path}: it is a binary file, not a CSV text file."
    ),
    "holds.not_utf8": _p(
        "holds.not_utf8",
        "Cannot read the legal-hold list {path}: it is not UTF-8 text (first bad character on line {line}).",
    ),
    "holds.malformed_csv": _p(
        "holds.malformed_csv",
        "Cannot read the legal-hold list {path}: the CSV is malformed at line {line} (an unclosed quotation mark, perhaps).",
    ),
    "holds.empty": _p("holds.empty", "The legal-hold list {path} is empty."),
    "holds.no_header": _p(
        "holds.no_header",
        "The legal-hold list {path} has no header row: its first line must name the columns {columns}.",
    ),
    "holds.missing_columns": _p(
        "holds.missing_columns", "The legal-hold list {path} lacks these required columns: {columns}."
    ),
    "holds.duplicate_column": _p(
        "holds.duplicate_column", "The legal-hold list {path} names the column {column} twice in its header."
    ),
    "holds.no_rows": _p("holds.no_rows", "The legal-hold list {path} has a header but no entries."),
}
