"""Why an input file cannot be used at all (exit status 2). One sentence each,
naming the file and, where there is one, the row, column or key."""

_STRUCTURED = {
    "empty": (
        "The {what} file {path} is empty.",
        "El archivo de {what_es} {path} está vacío.",
    ),
    "json_syntax": (
        "The {what} file {path} is not valid JSON (line {line}: {reason}).",
        "El archivo de {what_es} {path} no es JSON válido (línea {line}: {reason}).",
    ),
    "json_not_object": (
        "The {what} file {path} must hold one JSON object.",
        "El archivo de {what_es} {path} debe contener un único objeto JSON.",
    ),
    "toml_syntax": (
        "The {what} file {path} is not valid TOML (line {line}: {reason}).",
        "El archivo de {what_es} {path} no es TOML válido (línea {line}: {reason}).",
    ),
    "missing_key": (
        "The {what} file {path} lacks the required key '{key}'.",
        "Al archivo de {what_es} {path} le falta la clave obligatoria «{key}».",
    ),
    "wrong_type": (
        "In the {what} file {path}, '{key}' must be {expected}.",
        "En el archivo de {what_es} {path}, «{key}» debe ser {expected}.",
    ),
    "empty_value": (
        "In the {what} file {path}, '{key}' is empty.",
        "En el archivo de {what_es} {path}, «{key}» está vacío.",
    ),
    "below_minimum": (
        "In the {what} file {path}, '{key}' is {value}; it must be at least {minimum}.",
        "En el archivo de {what_es} {path}, «{key}» vale {value}; debe ser al menos {minimum}.",
    ),
    "bad_date": (
        "In the {what} file {path}, '{key}' = '{value}' is not a date (YYYY-MM-DD).",
        "En el archivo de {what_es} {path}, «{key}» = «{value}» no es una fecha (AAAA-MM-DD).",
    ),
    "bad_time": (
        "In the {what} file {path}, '{key}' = '{value}' is not a date and time such as 2025-01-24T18:30:00Z.",
        "En el archivo de {what_es} {path}, «{key}» = «{value}» no es una fecha y hora como 2025-01-24T18:30:00Z.",
    ),
    "time_without_zone": (
        "In the {what} file {path}, '{key}' = '{value}' has no time zone; write it in UTC with Z or with an offset such as -06:00.",
        "En el archivo de {what_es} {path}, «{key}» = «{value}» no tiene zona horaria; escríbala en UTC con Z o con un desfase como -06:00.",
    ),
    "not_in_set": (
        "In the {what} file {path}, '{key}' = '{value}' is not one of: {allowed}.",
        "En el archivo de {what_es} {path}, «{key}» = «{value}» no es ninguno de: {allowed}.",
    ),
}

MESSAGES: dict[str, dict[str, str]] = {
    "file.missing": {
        "en": "The file {path} does not exist.",
        "es": "El archivo {path} no existe.",
    },
    "file.is_directory": {
        "en": "{path} is a folder, not a file.",
        "es": "{path} es una carpeta, no un archivo.",
    },
    "file.unreadable": {
        "en": "The file {path} cannot be read: {reason}.",
        "es": "No se puede leer el archivo {path}: {reason}.",
    },
    "file.binary": {
        "en": "The file {path} is not a text file (it holds binary data).",
        "es": "El archivo {path} no es un archivo de texto (contiene datos binarios).",
    },
    "file.not_utf8": {
        "en": "The file {path} is not UTF-8 text (the first bad byte is at offset {offset}); save it as UTF-8.",
        "es": "El archivo {path} no es texto UTF-8 (el primer byte erróneo está en la posición {offset}); guárdelo como UTF-8.",
    },
    "manifest.empty": {
        "en": "The manifest {path} is empty.",
        "es": "El manifiesto {path} está vacío.",
    },
    "manifest.paxlst_not_supported": {
        "en": "The manifest {path} is a PAXLST (UN/EDIFACT) message; this version of Clearway cannot check PAXLST manifests yet, so give the manifest as CSV or XLSX.",
        "es": "El manifiesto {path} es un mensaje PAXLST (UN/EDIFACT); esta versión de Clearway todavía no puede verificar manifiestos PAXLST, así que entréguelo en CSV o XLSX.",
    },
    "manifest.csv_syntax": {
        "en": "The manifest {path} is not valid CSV (line {line}: {reason}).",
        "es": "El manifiesto {path} no es un CSV válido (línea {line}: {reason}).",
    },
    "manifest.xlsx_unreadable": {
        "en": "The manifest {path} looks like a spreadsheet but cannot be opened as XLSX.",
        "es": "El manifiesto {path} parece una hoja de cálculo, pero no se puede abrir como XLSX.",
    },
    "manifest.no_header": {
        "en": "The manifest {path} has no header row: its first row must name the columns (seq, surname, given_names, ...).",
        "es": "El manifiesto {path} no tiene fila de encabezado: la primera fila debe nombrar las columnas (seq, surname, given_names, ...).",
    },
    "manifest.no_seq_column": {
        "en": "The manifest {path} has no 'seq' column, so its rows cannot be referred to.",
        "es": "El manifiesto {path} no tiene la columna «seq», así que no se puede hacer referencia a sus filas.",
    },
    "manifest.repeated_column": {
        "en": "The manifest {path} names the column '{column}' twice (also as '{first}').",
        "es": "El manifiesto {path} nombra dos veces la columna «{column}» (también como «{first}»).",
    },
    "manifest.no_rows": {
        "en": "The manifest {path} has a header but no rows.",
        "es": "El manifiesto {path} tiene encabezado pero ninguna fila.",
    },
    "request.no_legs": {
        "en": "The request file {path} has no legs; at least one is needed.",
        "es": "El archivo de solicitud {path} no tiene tramos; se necesita al menos uno.",
    },
    "request.no_arrival_in_receiving_country": {
        "en": "The request {path} has no leg arriving in {country}, so it is not a clearance request for that country.",
        "es": "La solicitud {path} no tiene ningún tramo que llegue a {country}, así que no es una solicitud de autorización para ese país.",
    },
    "agreement.unknown_key": {
        "en": "The agreement file {path} has a key '{key}' that the format does not define; a misspelt key would switch a rule off, so the file is refused.",
        "es": "El archivo de acuerdo {path} tiene una clave «{key}» que el formato no define; una clave mal escrita desactivaría una regla, así que se rechaza el archivo.",
    },
    "agreement.until_before_from": {
        "en": "In the agreement file {path}, '{key}' is before effective_from.",
        "es": "En el archivo de acuerdo {path}, «{key}» es anterior a effective_from.",
    },
    "agreement.bad_hours": {
        "en": "In the agreement file {path}, '{key}' = '{value}' is not a range of hours such as 07:00-19:00.",
        "es": "En el archivo de acuerdo {path}, «{key}» = «{value}» no es un horario como 07:00-19:00.",
    },
    "agreement.conflict": {
        "en": "The agreement files {other} and {path} both claim to be {id} version {version} but differ; remove one of them.",
        "es": "Los archivos de acuerdo {other} y {path} dicen ser {id} versión {version}, pero son distintos; quite uno de los dos.",
    },
    "cli.bad_at": {
        "en": "--at '{value}' is not a date and time with a zone, such as 2025-01-21T12:00:00Z.",
        "es": "--at «{value}» no es una fecha y hora con zona horaria, como 2025-01-21T12:00:00Z.",
    },
    "term.unit_line": {"en": "Line", "es": "La línea"},
    "term.unit_row": {"en": "Row", "es": "La fila"},
    "term.unit_position": {"en": "The row in position", "es": "La fila en la posición"},
    "term.type_table": {"en": "a table", "es": "una tabla"},
    "term.type_table_list": {"en": "a list of tables", "es": "una lista de tablas"},
    "term.type_hours_table": {
        "en": 'a table such as { hours = "07:00-19:00" }',
        "es": 'una tabla como { hours = "07:00-19:00" }',
    },
    "term.type_text": {"en": "text", "es": "un texto"},
    "term.type_integer": {"en": "a whole number", "es": "un número entero"},
    "term.type_number": {"en": "a number", "es": "un número"},
    "term.type_flag": {"en": "true or false", "es": "true o false"},
    "term.type_text_list": {"en": "a list of texts", "es": "una lista de textos"},
    "term.type_date": {"en": "a date (YYYY-MM-DD)", "es": "una fecha (AAAA-MM-DD)"},
}

for _kind, _en, _es in (("request", "request", "solicitud"), ("agreement", "agreement", "acuerdo")):
    for _problem, (_text_en, _text_es) in _STRUCTURED.items():
        MESSAGES[f"{_kind}.{_problem}"] = {
            "en": _text_en.replace("{what}", _en),
            "es": _text_es.replace("{what_es}", _es),
        }
