"""Spreadsheet exports: sheet names, headings, and the explanation of every manifest
column (spec/manifest-csv.md) that the XLSX template's second sheet shows."""

MESSAGES: dict[str, dict[str, str]] = {
    "sheet.manifest": {"en": "Manifest", "es": "Manifiesto"},
    "sheet.columns": {"en": "Columns", "es": "Columnas"},
    "sheet.findings": {"en": "Findings", "es": "Hallazgos"},
    "sheet.codes": {"en": "Codes", "es": "Códigos"},
    "heading.column": {"en": "Column", "es": "Columna"},
    "heading.required": {"en": "Required", "es": "Obligatoria"},
    "heading.format": {"en": "Format", "es": "Formato"},
    "heading.meaning": {"en": "Meaning (English)", "es": "Significado (inglés)"},
    "heading.meaning_es": {"en": "Meaning (Spanish)", "es": "Significado (español)"},
    "heading.message_en": {"en": "Message (English)", "es": "Mensaje (inglés)"},
    "heading.message_es": {"en": "Message (Spanish)", "es": "Mensaje (español)"},
    "required.yes": {"en": "yes", "es": "sí"},
    "required.no": {"en": "no (optional)", "es": "no (opcional)"},
    "required.unless_n": {"en": "unless document type N", "es": "salvo tipo de documento N"},
    "required.may_be_empty": {
        "en": "yes (may be empty only for people with no given name)",
        "es": "sí (puede quedar vacía solo para personas sin nombre de pila)",
    },
    "validation.code": {
        "en": "Choose one of the listed codes.",
        "es": "Elija uno de los códigos de la lista.",
    },
    "validation.date": {
        "en": "A date, or text YYYY-MM-DD (00 for an unknown day or month).",
        "es": "Una fecha, o texto AAAA-MM-DD (00 para un día o mes desconocido).",
    },
    "validation.seq": {
        "en": "A whole number from 1 to 9999, unique in the manifest.",
        "es": "Un número entero de 1 a 9999, único en el manifiesto.",
    },
    "validation.text": {
        "en": "Stored as text so that leading zeros are kept.",
        "es": "Se guarda como texto para conservar los ceros a la izquierda.",
    },
    "column.seq": {
        "en": "The row's stable number; findings and decisions refer to it.",
        "es": "Número estable de la fila; los hallazgos y las decisiones se refieren a él.",
    },
    "column.surname": {
        "en": "Primary family name, exactly as in the travel document (diacritics kept: GARCÍA).",
        "es": "Primer apellido, exactamente como en el documento de viaje (con tildes: GARCÍA).",
    },
    "column.second_surname": {
        "en": "Second family name where the naming custom has one (LÓPEZ in GARCÍA LÓPEZ).",
        "es": "Segundo apellido, donde la costumbre lo tiene (LÓPEZ en GARCÍA LÓPEZ).",
    },
    "column.given_names": {
        "en": "All given names, separated by spaces.",
        "es": "Todos los nombres de pila, separados por espacios.",
    },
    "column.sex": {
        "en": "F, M or X, as in the travel document.",
        "es": "F, M o X, como en el documento de viaje.",
    },
    "column.date_of_birth": {
        "en": "Date of birth; an unknown day or month is 00 (1984-06-00, 1984-00-00).",
        "es": "Fecha de nacimiento; un día o mes desconocido es 00 (1984-06-00, 1984-00-00).",
    },
    "column.nationality": {
        "en": "ISO 3166-1 alpha-3 or ICAO Doc 9303 nationality code (MEX, GTM, D).",
        "es": "Código de nacionalidad ISO 3166-1 alfa-3 o de ICAO Doc 9303 (MEX, GTM, D).",
    },
    "column.document_type": {
        "en": "P passport, I identity card, C consular or emergency travel document, E electronic travel document issued by the receiving country, N none.",
        "es": "P pasaporte, I documento de identidad, C documento de viaje consular o de emergencia, E documento de viaje electrónico emitido por el país receptor, N ninguno.",
    },
    "column.document_number": {
        "en": "The document's number, up to 20 letters and digits.",
        "es": "Número del documento, hasta 20 letras y cifras.",
    },
    "column.document_issuer": {
        "en": "Alpha-3 code of the state or organisation that issued the document.",
        "es": "Código alfa-3 del Estado u organización que emitió el documento.",
    },
    "column.document_expiry": {
        "en": "The document's expiry date.",
        "es": "Fecha de caducidad del documento.",
    },
    "column.mrz": {
        "en": "The machine-readable zone, its lines joined by a vertical bar or a line break; checked against the row.",
        "es": "La zona de lectura mecánica, con sus líneas unidas por una barra vertical o un salto de línea; se coteja con la fila.",
    },
    "column.case_ref": {
        "en": "The sending authority's case reference for this person; unique in the manifest.",
        "es": "Referencia del expediente de esta persona en la autoridad remitente; única en el manifiesto.",
    },
    "column.family_group": {
        "en": "The same value for members of one family travelling together.",
        "es": "El mismo valor para los miembros de una familia que viajan juntos.",
    },
    "column.medical": {
        "en": "Medical needs the receiving side must know of in advance; empty means none.",
        "es": "Necesidades médicas que la parte receptora debe conocer de antemano; vacío significa ninguna.",
    },
    "column.medical_escort": {
        "en": "Y when the person needs medical staff on board, else N (the default).",
        "es": "Y cuando la persona necesita personal médico a bordo; si no, N (por defecto).",
    },
    "column.notes": {
        "en": "Free text for the receiving side.",
        "es": "Texto libre para la parte receptora.",
    },
    "finding.code": {"en": "Code", "es": "Código"},
    "finding.severity": {"en": "Severity", "es": "Gravedad"},
    "finding.scope": {"en": "Scope", "es": "Ámbito"},
    "finding.details": {"en": "Details", "es": "Detalles"},
}
