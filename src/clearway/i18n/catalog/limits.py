"""Why a file is refused for its size or shape (``clearway.settings.InputLimits``), and the
other ways a manifest or document cannot be read at all. One sentence each, naming the file."""

from __future__ import annotations

_DOCUMENT = {
    "too_deep": (
        "The {what} file {path} nests tables or lists more than {limit} deep; no {what} needs that.",
        "El archivo de {what_es} {path} anida tablas o listas a más de {limit} niveles; ningún archivo de {what_es} lo necesita.",
    ),
    "number_too_large": (
        "In the {what} file {path}, '{key}' = {value} is too large; numbers here may be at most {limit} in size.",
        "En el archivo de {what_es} {path}, «{key}» = {value} es demasiado grande; aquí los números pueden valer como mucho {limit}.",
    ),
    "number_too_long": (
        "The {what} file {path} holds a number with more than {limit} digits; no {what} needs one.",
        "El archivo de {what_es} {path} contiene un número de más de {limit} cifras; ningún archivo de {what_es} lo necesita.",
    ),
    "not_finite": (
        "In the {what} file {path}, '{key}' = {value} is not a number that can be used (nan and inf are not).",
        "En el archivo de {what_es} {path}, «{key}» = {value} no es un número utilizable (nan e inf no lo son).",
    ),
    "time_out_of_range": (
        "In the {what} file {path}, '{key}' = '{value}' is outside the years {first} to {last} that Clearway can check.",
        "En el archivo de {what_es} {path}, «{key}» = «{value}» queda fuera de los años {first} a {last} que Clearway puede verificar.",
    ),
}

MESSAGES: dict[str, dict[str, str]] = {
    "file.too_large": {
        "en": "The file {path} is larger than the {limit_mb} MB that can be read.",
        "es": "El archivo {path} supera los {limit_mb} MB que se pueden leer.",
    },
    "manifest.too_many_columns": {
        "en": "The manifest {path} has {count} columns in its header; a manifest may have at most {limit}.",
        "es": "El manifiesto {path} tiene {count} columnas en su encabezado; un manifiesto puede tener como mucho {limit}.",
    },
    "manifest.too_many_rows": {
        "en": "The manifest {path} has more than {limit} rows; seq runs from 1 to 9999, so split the flight's manifest.",
        "es": "El manifiesto {path} tiene más de {limit} filas; seq va de 1 a 9999, así que divida el manifiesto del vuelo.",
    },
    "manifest.too_many_lines": {
        "en": "The manifest {path} has more than {limit} lines, more than any manifest of 9999 rows needs.",
        "es": "El manifiesto {path} tiene más de {limit} líneas, más de las que necesita cualquier manifiesto de 9999 filas.",
    },
    "manifest.header_quote": {
        "en": "The header of the manifest {path} has a quotation mark on line {line} that is not closed on that line; column names cannot span lines.",
        "es": "El encabezado del manifiesto {path} tiene unas comillas en la línea {line} que no se cierran en esa línea; los nombres de columna no pueden ocupar varias líneas.",
    },
    "manifest.xlsx_damaged": {
        "en": "The manifest {path} is a damaged XLSX file: its part {part} cannot be read; save it again from the spreadsheet program.",
        "es": "El manifiesto {path} es un archivo XLSX dañado: su parte {part} no se puede leer; vuelva a guardarlo desde la hoja de cálculo.",
    },
    "manifest.xlsx_too_large": {
        "en": "The manifest {path} expands to more than {limit_mb} MB when unpacked, more than any manifest needs; it is not read.",
        "es": "El manifiesto {path} ocupa más de {limit_mb} MB al descomprimirlo, más de lo que necesita cualquier manifiesto; no se lee.",
    },
    "manifest.xlsx_no_worksheet": {
        "en": "The manifest {path} is a spreadsheet with no worksheet (only charts, or none): there are no rows to read.",
        "es": "El manifiesto {path} es una hoja de cálculo sin ninguna hoja de datos (solo gráficos, o nada): no hay filas que leer.",
    },
    "manifest.xlsx_header_unreadable": {
        "en": "The header row of the manifest {path} (row {row}) cannot be read, so no column can be told apart.",
        "es": "La fila de encabezado del manifiesto {path} (fila {row}) no se puede leer, así que no se distingue ninguna columna.",
    },
    "holds.too_large": {
        "en": "The legal-hold list {path} is larger than the {limit_mb} MB that can be imported.",
        "es": "La lista de retenciones {path} supera los {limit_mb} MB que se pueden importar.",
    },
    "holds.too_many_columns": {
        "en": "The legal-hold list {path} has {count} columns in its header; a hold list may have at most {limit}.",
        "es": "La lista de retenciones {path} tiene {count} columnas en su encabezado; una lista puede tener como mucho {limit}.",
    },
    "cli.at_out_of_range": {
        "en": "--at '{value}' is outside the years {first} to {last} that Clearway can check.",
        "es": "--at «{value}» queda fuera de los años {first} a {last} que Clearway puede verificar.",
    },
    "service.manifest_record_unreadable": {
        "en": "The manifest {file} has a record that cannot be read as a row ({unit} {position}: {reason}); correct it, so that no one drops out of the version.",
        "es": "El manifiesto {file} tiene un registro que no se puede leer como fila ({unit} {position}: {reason}); corríjalo para que nadie quede fuera de la versión.",
    },
    "service.manifest_cell_too_long": {
        "en": "The manifest {file} has a cell in {column} on line {line} of {length} characters, longer than a cell may be; shorten it.",
        "es": "El manifiesto {file} tiene una celda en {column} en la línea {line} con {length} caracteres, más de los que puede tener una celda; acórtela.",
    },
    "upload.too_large": {
        "en": "The file sent is larger than the {limit_mb} MB accepted here.",
        "es": "El archivo enviado supera los {limit_mb} MB que se aceptan aquí.",
    },
}

for _kind, _en, _es in (("request", "request", "solicitud"), ("agreement", "agreement", "acuerdo")):
    for _problem, (_text_en, _text_es) in _DOCUMENT.items():
        MESSAGES[f"{_kind}.{_problem}"] = {
            "en": _text_en.replace("{what}", _en),
            "es": _text_es.replace("{what_es}", _es),
        }
