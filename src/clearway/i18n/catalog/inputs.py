"""Why an input file cannot be used at all (exit status 2). One sentence each,
naming the file and, where there is one, the row, column or key."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "file.missing": _p("file.missing", "The file {path} does not exist."),
    "file.is_directory": _p("file.is_directory", "{path} is a folder, not a file."),
    "file.unreadable": _p("file.unreadable", "The file {path} cannot be read: {reason}."),
    "file.binary": _p("file.binary", "The file {path} is not a text file (it holds binary data)."),
    "file.not_utf8": _p(
        "file.not_utf8",
        "The file {path} is not UTF-8 text (the first bad byte is at offset {offset}); save it as UTF-8.",
    ),
    "manifest.empty": _p("manifest.empty", "The manifest {path} is empty."),
    "manifest.csv_syntax": _p("manifest.csv_syntax", "The manifest {path} is not valid CSV (line {line}: {reason})."),
    "manifest.xlsx_unreadable": _p(
        "manifest.xlsx_unreadable", "The manifest {path} looks like a spreadsheet but cannot be opened as XLSX."
    ),
    "manifest.no_header": _p(
        "manifest.no_header",
        "The manifest {path} has no header row: its first row must name the columns (seq, surname, given_names, ...).",
    ),
    "manifest.no_seq_column": _p(
        "manifest.no_seq_column", "The manifest {path} has no 'seq' column, so its rows cannot be referred to."
    ),
    "manifest.repeated_column": _p(
        "manifest.repeated_column", "The manifest {path} names the column '{column}' twice (also as '{first}')."
    ),
    "manifest.no_rows": _p("manifest.no_rows", "The manifest {path} has a header but no rows."),
    "request.no_legs": _p("request.no_legs", "The request file {path} has no legs; at least one is needed."),
    "request.no_arrival_in_receiving_country": _p(
        "request.no_arrival_in_receiving_country",
        "The request {path} has no leg arriving in {country}, so it is not a clearance request for that country.",
    ),
    "agreement.unknown_key": _p(
        "agreement.unknown_key",
        "The agreement file {path} has a key '{key}' that the format does not define; a misspelt key would switch a rule off, so the file is refused.",
    ),
    "agreement.until_before_from": _p(
        "agreement.until_before_from", "In the agreement file {path}, '{key}' is before effective_from."
    ),
    "agreement.bad_hours": _p(
        "agreement.bad_hours",
        "In the agreement file {path}, '{key}' = '{value}' is not a range of hours such as 07:00-19:00.",
    ),
    "agreement.conflict": _p(
        "agreement.conflict",
        "The agreement files {other} and {path} both claim to be {id} version {version} but differ; remove one of them.",
    ),
    "cli.bad_at": _p("cli.bad_at", "--at '{value}' is not a date and time with a zone, such as 2025-01-21T12:00:00Z."),
    "term.unit_line": _p("term.unit_line", "Line"),
    "term.unit_row": _p("term.unit_row", "Row"),
    "term.unit_position": _p("term.unit_position", "The row in position"),
    "term.type_table": _p("term.type_table", "a table"),
    "term.type_table_list": _p("term.type_table_list", "a list of tables"),
    "term.type_hours_table": _p("term.type_hours_table", 'a table such as { hours = "07:00-19:00" }'),
    "term.type_text": _p("term.type_text", "text"),
    "term.type_integer": _p("term.type_integer", "a whole number"),
    "term.type_number": _p("term.type_number", "a number"),
    "term.type_flag": _p("term.type_flag", "true or false"),
    "term.type_text_list": _p("term.type_text_list", "a list of texts"),
    "term.type_date": _p("term.type_date", "a date (YYYY-MM-DD)"),
    "request.empty": _p("request.empty", "The request file {path} is empty."),
    "request.json_syntax": _p(
        "request.json_syntax", "The request file {path} is not valid JSON (line {line}: {reason})."
    ),
    "request.json_not_object": _p("request.json_not_object", "The request file {path} must hold one JSON object."),
    "request.toml_syntax": _p(
        "request.toml_syntax", "The request file {path} is not valid TOML (line {line}: {reason})."
    ),
    "request.missing_key": _p("request.missing_key", "The request file {path} lacks the required key '{key}'."),
    "request.wrong_type": _p("request.wrong_type", "In the request file {path}, '{key}' must be {expected}."),
    "request.empty_value": _p("request.empty_value", "In the request file {path}, '{key}' is empty."),
    "request.below_minimum": _p(
        "request.below_minimum", "In the request file {path}, '{key}' is {value}; it must be at least {minimum}."
    ),
    "request.above_maximum": _p(
        "request.above_maximum", "In the request file {path}, '{key}' is {value}; it must be at most {maximum}."
    ),
    "request.too_long": _p(
        "request.too_long",
        "In the request file {path}, '{key}' has {length} characters; it may have at most {maximum}.",
    ),
    "request.control_character": _p(
        "request.control_character",
        "In the request file {path}, '{key}' holds an invisible control or text-direction character ({character}); remove it.",
    ),
    "request.bad_date": _p(
        "request.bad_date", "In the request file {path}, '{key}' = '{value}' is not a date (YYYY-MM-DD)."
    ),
    "request.bad_time": _p(
        "request.bad_time",
        "In the request file {path}, '{key}' = '{value}' is not a date and time such as 2025-01-24T18:30:00Z.",
    ),
    "request.time_without_zone": _p(
        "request.time_without_zone",
        "In the request file {path}, '{key}' = '{value}' has no time zone; write it in UTC with Z or with an offset such as -06:00.",
    ),
    "request.not_in_set": _p(
        "request.not_in_set", "In the request file {path}, '{key}' = '{value}' is not one of: {allowed}."
    ),
    "agreement.empty": _p("agreement.empty", "The agreement file {path} is empty."),
    "agreement.json_syntax": _p(
        "agreement.json_syntax", "The agreement file {path} is not valid JSON (line {line}: {reason})."
    ),
    "agreement.json_not_object": _p(
        "agreement.json_not_object", "The agreement file {path} must hold one JSON object."
    ),
    "agreement.toml_syntax": _p(
        "agreement.toml_syntax", "The agreement file {path} is not valid TOML (line {line}: {reason})."
    ),
    "agreement.missing_key": _p("agreement.missing_key", "The agreement file {path} lacks the required key '{key}'."),
    "agreement.wrong_type": _p("agreement.wrong_type", "In the agreement file {path}, '{key}' must be {expected}."),
    "agreement.empty_value": _p("agreement.empty_value", "In the agreement file {path}, '{key}' is empty."),
    "agreement.below_minimum": _p(
        "agreement.below_minimum", "In the agreement file {path}, '{key}' is {value}; it must be at least {minimum}."
    ),
    "agreement.above_maximum": _p(
        "agreement.above_maximum", "In the agreement file {path}, '{key}' is {value}; it must be at most {maximum}."
    ),
    "agreement.too_long": _p(
        "agreement.too_long",
        "In the agreement file {path}, '{key}' has {length} characters; it may have at most {maximum}.",
    ),
    "agreement.control_character": _p(
        "agreement.control_character",
        "In the agreement file {path}, '{key}' holds an invisible control or text-direction character ({character}); remove it.",
    ),
    "agreement.bad_date": _p(
        "agreement.bad_date", "In the agreement file {path}, '{key}' = '{value}' is not a date (YYYY-MM-DD)."
    ),
    "agreement.bad_time": _p(
        "agreement.bad_time",
        "In the agreement file {path}, '{key}' = '{value}' is not a date and time such as 2025-01-24T18:30:00Z.",
    ),
    "agreement.time_without_zone": _p(
        "agreement.time_without_zone",
        "In the agreement file {path}, '{key}' = '{value}' has no time zone; write it in UTC with Z or with an offset such as -06:00.",
    ),
    "agreement.not_in_set": _p(
        "agreement.not_in_set", "In the agreement file {path}, '{key}' = '{value}' is not one of: {allowed}."
    ),
}
