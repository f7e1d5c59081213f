"""Messages for a legal-hold list that cannot be used at all (``clearway.screening``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "holds.missing": {
        "en": "The legal-hold list {path} does not exist.",
        "es": "La lista de retenciones {path} no existe.",
    },
    "holds.unreadable": {
        "en": "Cannot read the legal-hold list {path}: it is not a readable file.",
        "es": "No se puede leer la lista de retenciones {path}: no es un archivo legible.",
    },
    "holds.binary": {
        "en": "Cannot read the legal-hold list {path}: it is a binary file, not a CSV text file.",
        "es": ("No se puede leer la lista de retenciones {path}: es un archivo binario, no un archivo de texto CSV."),
    },
    "holds.not_utf8": {
        "en": ("Cannot read the legal-hold list {path}: it is not UTF-8 text (first bad character on line {line})."),
        "es": (
            "No se puede leer la lista de retenciones {path}: no es texto UTF-8 "
            "(el primer carácter inválido está en la línea {line})."
        ),
    },
    "holds.malformed_csv": {
        "en": (
            "Cannot read the legal-hold list {path}: the CSV is malformed at line {line} "
            "(an unclosed quotation mark, perhaps)."
        ),
        "es": (
            "No se puede leer la lista de retenciones {path}: el CSV está mal formado en la "
            "línea {line} (quizá unas comillas sin cerrar)."
        ),
    },
    "holds.empty": {
        "en": "The legal-hold list {path} is empty.",
        "es": "La lista de retenciones {path} está vacía.",
    },
    "holds.no_header": {
        "en": ("The legal-hold list {path} has no header row: its first line must name the columns {columns}."),
        "es": (
            "La lista de retenciones {path} no tiene fila de encabezado: su primera línea "
            "debe nombrar las columnas {columns}."
        ),
    },
    "holds.missing_columns": {
        "en": "The legal-hold list {path} lacks these required columns: {columns}.",
        "es": "A la lista de retenciones {path} le faltan estas columnas obligatorias: {columns}.",
    },
    "holds.duplicate_column": {
        "en": "The legal-hold list {path} names the column {column} twice in its header.",
        "es": ("La lista de retenciones {path} nombra dos veces la columna {column} en su encabezado."),
    },
    "holds.no_rows": {
        "en": "The legal-hold list {path} has a header but no entries.",
        "es": "La lista de retenciones {path} tiene encabezado pero ninguna entrada.",
    },
}
