"""Finding messages. Keys are finding codes, or ``CODE.variant`` where one code has
several sentences. ``{seq}`` and ``{field}`` are always available."""

MESSAGES: dict[str, dict[str, str]] = {
    # file
    "MISSING_COLUMN": {
        "en": "The manifest {file} has no column '{column}', which is required.",
        "es": "El manifiesto {file} no tiene la columna obligatoria «{column}».",
    },
    "UNKNOWN_COLUMN": {
        "en": "The manifest {file} has a column '{column}' that the format does not define; its values are kept as written.",
        "es": "El manifiesto {file} tiene una columna «{column}» que el formato no define; sus valores se conservan tal como se escribieron.",
    },
    "UNKNOWN_KEY": {
        "en": "The request has a key '{key}' that the format does not define; it was not used.",
        "es": "La solicitud tiene una clave «{key}» que el formato no define; no se ha tenido en cuenta.",
    },
    "SEQ_DUPLICATE": {
        "en": "The sequence number {seq} appears on more than one row (lines {lines}); each row needs its own number.",
        "es": "El número de secuencia {seq} aparece en más de una fila (líneas {lines}); cada fila necesita su propio número.",
    },
    "ROW_UNREADABLE": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row; check it by hand.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila; revísela a mano.",
    },
    "ROW_UNREADABLE.stray_quote": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: a quotation mark there opens a cell that would swallow the rows after it; the rows after it were read on their own. Close or remove the quotation mark.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: unas comillas abren allí una celda que se tragaría las filas siguientes; esas filas se leyeron por separado. Cierre o quite las comillas.",
    },
    "ROW_UNREADABLE.unclosed_quote": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: a quotation mark there is never closed; the lines after it were read as rows.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: unas comillas que se abren allí nunca se cierran; las líneas siguientes se leyeron como filas.",
    },
    "ROW_UNREADABLE.too_many_cells": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: it holds more cells than a manifest may have.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: tiene más celdas de las que puede tener un manifiesto.",
    },
    "ROW_UNREADABLE.bad_row_number": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: the spreadsheet gives it a row number that does not exist.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: la hoja de cálculo le da un número de fila que no existe.",
    },
    "ROW_UNREADABLE.repeated_row_number": {
        "en": "{unit} {position} of the manifest {file} could not be read: the spreadsheet holds two rows with this number, and the second was not read.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer: la hoja de cálculo contiene dos filas con este número y la segunda no se leyó.",
    },
    "ROW_UNREADABLE.bad_cell_reference": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: one of its cells has a reference that names no column.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: una de sus celdas tiene una referencia que no nombra ninguna columna.",
    },
    "ROW_UNREADABLE.bad_shared_string": {
        "en": "{unit} {position} of the manifest {file} could not be read as a row: one of its cells points at text the spreadsheet does not hold.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como fila: una de sus celdas remite a un texto que la hoja de cálculo no contiene.",
    },
    "ROW_UNREADABLE.bad_segment": {
        "en": "{unit} {position} of the manifest {file} could not be read as a passenger.",
        "es": "{unit} {position} del manifiesto {file} no se pudo leer como pasajero.",
    },
    "HOLD_ROW_INVALID": {
        "en": "{count} row(s) of the legal-hold list could not be read (no date of birth, no surname, a bad date, values beyond the last column or a line too long to read) and were not used for screening; first lines: {lines}.",
        "es": "No se pudieron leer {count} fila(s) de la lista de retenciones legales (sin fecha de nacimiento, sin apellido, con una fecha errónea, con valores más allá de la última columna o con una línea demasiado larga para leerla) y no se usaron en la verificación; primeras líneas: {lines}.",
    },
    # flight
    "NO_AGREEMENT": {
        "en": "No agreement applies to flights from {sender} to {receiving} arriving on {day}; the rules that need one were not checked.",
        "es": "Ningún acuerdo se aplica a los vuelos de {sender} a {receiving} que llegan el {day}; no se han comprobado las reglas que lo requieren.",
    },
    "LEAD_TIME_SHORT": {
        "en": "The request is submitted at {submitted}, only {hours} hours before the arrival at {airport} at {arrival}; the agreement requires at least {minimum} hours.",
        "es": "La solicitud se presenta el {submitted}, solo {hours} horas antes de la llegada a {airport} el {arrival}; el acuerdo exige al menos {minimum} horas.",
    },
    "LEAD_TIME_SHORT.arrival_past": {
        "en": "The arrival at {airport} at {arrival} is already past when the request is submitted at {submitted}; the agreement requires at least {minimum} hours of notice.",
        "es": "La llegada a {airport} el {arrival} ya ha pasado cuando la solicitud se presenta el {submitted}; el acuerdo exige al menos {minimum} horas de antelación.",
    },
    "AIRPORT_NOT_DESIGNATED": {
        "en": "The flight arrives at {airport}, which is not a designated entry airport (designated: {designated}).",
        "es": "El vuelo llega a {airport}, que no es un aeropuerto de entrada designado (designados: {designated}).",
    },
    "OUTSIDE_OPERATING_HOURS": {
        "en": "The flight arrives at {airport} at {arrival} local time, outside the airport's hours for these flights ({hours}).",
        "es": "El vuelo llega a {airport} a las {arrival} hora local, fuera del horario del aeropuerto para estos vuelos ({hours}).",
    },
    "UNKNOWN_AIRPORT": {
        "en": "'{airport}' ({field}) is not a known ICAO airport code.",
        "es": "«{airport}» ({field}) no es un código OACI de aeropuerto conocido.",
    },
    "SCHEDULE_INVALID.arrives_before_departure": {
        "en": "Leg legs[{leg}] arrives at {arrival}, before it departs at {departure}.",
        "es": "El tramo legs[{leg}] llega el {arrival}, antes de salir el {departure}.",
    },
    "SCHEDULE_INVALID.not_chained": {
        "en": "Leg legs[{leg}] departs from {origin}, but the previous leg ends at {destination}.",
        "es": "El tramo legs[{leg}] sale de {origin}, pero el tramo anterior termina en {destination}.",
    },
    "SCHEDULE_INVALID.departs_before_previous_arrives": {
        "en": "Leg legs[{leg}] departs at {departure}, before the previous leg arrives at {arrival}.",
        "es": "El tramo legs[{leg}] sale el {departure}, antes de que llegue el tramo anterior, el {arrival}.",
    },
    "AIRCRAFT_CATEGORY_NOT_ALLOWED": {
        "en": "The aircraft category '{category}' is not accepted by the agreement (accepted: {allowed}).",
        "es": "El acuerdo no acepta la categoría de aeronave «{category}» (aceptadas: {allowed}).",
    },
    "SEATS_EXCEEDED": {
        "en": "{on_board} people would be on board ({returnees} returnees plus crew, escorts, medical staff and monitors), but the aircraft has {seats} seats.",
        "es": "Irían a bordo {on_board} personas ({returnees} personas retornadas más tripulación, escoltas, personal médico y observadores), pero la aeronave tiene {seats} asientos.",
    },
    "PASSENGERS_PER_FLIGHT_CAP": {
        "en": "The manifest lists {returnees} returnees; the agreement allows at most {cap} per flight.",
        "es": "El manifiesto incluye {returnees} personas retornadas; el acuerdo permite como máximo {cap} por vuelo.",
    },
    "DAILY_FLIGHT_CAP": {
        "en": "This flight would make {flights} arrivals on {day} (local date at the entry airport); the agreement allows {cap} per day.",
        "es": "Con este vuelo habría {flights} llegadas el {day} (fecha local del aeropuerto de entrada); el acuerdo permite {cap} al día.",
    },
    "DAILY_PASSENGER_CAP": {
        "en": "This flight would bring the returnees arriving on {day} (local date) to {passengers}; the agreement allows {cap} per day.",
        "es": "Con este vuelo, las personas retornadas que llegan el {day} (fecha local) serían {passengers}; el acuerdo permite {cap} al día.",
    },
    "DECLARED_COUNT_MISMATCH": {
        "en": "The request declares {declared} passengers, but the manifest has {rows} rows.",
        "es": "La solicitud declara {declared} pasajeros, pero el manifiesto tiene {rows} filas.",
    },
    "THIRD_COUNTRY_CAP": {
        "en": "{count} returnees are not {own} nationals; the agreement allows at most {cap} per flight.",
        "es": "{count} personas retornadas no tienen la nacionalidad {own}; el acuerdo permite como máximo {cap} por vuelo.",
    },
    "ESCORT_RATIO_LOW": {
        "en": "{escorts} escorts for {returnees} returnees is below the agreement's {ratio} escorts per returnee; at least {needed} escorts are needed.",
        "es": "{escorts} escoltas para {returnees} personas retornadas no alcanzan la proporción del acuerdo de {ratio} escoltas por persona; se necesitan al menos {needed}.",
    },
    "MEDICAL_STAFF_MISSING": {
        "en": "{count} returnee(s) need a medical escort (rows with seq {seqs}), but no medical staff are on board.",
        "es": "{count} persona(s) retornada(s) necesitan acompañamiento médico (filas con seq {seqs}), pero no hay personal médico a bordo.",
    },
    "MONITOR_MISSING": {
        "en": "The agreement requires a monitor on board, and the request lists none.",
        "es": "El acuerdo exige un observador a bordo y la solicitud no incluye ninguno.",
    },
    "AIRCRAFT_IDENT_MISMATCH": {
        "en": "The manifest names {field} '{value}', but the request says '{expected}'.",
        "es": "El manifiesto indica {field} «{value}», pero la solicitud dice «{expected}».",
    },
    # passenger
    "REQUIRED_FIELD_MISSING": {
        "en": "Row with seq {seq}: the required value '{column}' is empty.",
        "es": "Fila con seq {seq}: el valor obligatorio «{column}» está vacío.",
    },
    "FIELD_FORMAT_INVALID.seq": {
        "en": "'{value}' is not a valid seq: it must be a whole number from 1 to {maximum}.",
        "es": "«{value}» no es un seq válido: debe ser un número entero de 1 a {maximum}.",
    },
    "FIELD_FORMAT_INVALID.sex": {
        "en": "Row with seq {seq}: sex '{value}' is not F, M or X.",
        "es": "Fila con seq {seq}: el sexo «{value}» no es F, M ni X.",
    },
    "FIELD_FORMAT_INVALID.partial_date": {
        "en": "Row with seq {seq}: '{value}' in {column} is not a date (YYYY-MM-DD; 00 for an unknown day or month).",
        "es": "Fila con seq {seq}: «{value}» en {column} no es una fecha (AAAA-MM-DD; 00 si el día o el mes no se conocen).",
    },
    "FIELD_FORMAT_INVALID.date": {
        "en": "Row with seq {seq}: '{value}' in {column} is not a date (YYYY-MM-DD).",
        "es": "Fila con seq {seq}: «{value}» en {column} no es una fecha (AAAA-MM-DD).",
    },
    "FIELD_FORMAT_INVALID.country": {
        "en": "Row with seq {seq}: '{value}' in {column} is not an ISO 3166-1 alpha-3 or ICAO country code.",
        "es": "Fila con seq {seq}: «{value}» en {column} no es un código de país ISO 3166-1 alfa-3 ni de la OACI.",
    },
    "FIELD_FORMAT_INVALID.document_type": {
        "en": "Row with seq {seq}: document type '{value}' is not one of P, I, C, E or N.",
        "es": "Fila con seq {seq}: el tipo de documento «{value}» no es P, I, C, E ni N.",
    },
    "FIELD_FORMAT_INVALID.document_number_length": {
        "en": "Row with seq {seq}: document number '{value}' is longer than {maximum} characters.",
        "es": "Fila con seq {seq}: el número de documento «{value}» tiene más de {maximum} caracteres.",
    },
    "FIELD_FORMAT_INVALID.document_number_characters": {
        "en": "Row with seq {seq}: document number '{value}' may hold only letters and digits.",
        "es": "Fila con seq {seq}: el número de documento «{value}» solo puede contener letras y dígitos.",
    },
    "FIELD_FORMAT_INVALID.yes_no": {
        "en": "Row with seq {seq}: '{value}' in {column} must be Y or N.",
        "es": "Fila con seq {seq}: «{value}» en {column} debe ser Y o N.",
    },
    "FIELD_FORMAT_INVALID.too_long": {
        "en": "Row with seq {seq}: the cell in {column} holds {length} characters, more than a cell may hold, so it was not read.",
        "es": "Fila con seq {seq}: la celda de {column} tiene {length} caracteres, más de los que puede tener una celda, así que no se leyó.",
    },
    "FIELD_FORMAT_INVALID.overflow": {
        "en": "Row with seq {seq} has {count} value(s) beyond the last column of the header: {value}.",
        "es": "La fila con seq {seq} tiene {count} valor(es) más allá de la última columna del encabezado: {value}.",
    },
    "AGE_IMPLAUSIBLE.born_after_arrival": {
        "en": "Row with seq {seq}: the date of birth {born} is after the arrival date {arrival}.",
        "es": "Fila con seq {seq}: la fecha de nacimiento {born} es posterior a la fecha de llegada {arrival}.",
    },
    "AGE_IMPLAUSIBLE.too_old": {
        "en": "Row with seq {seq}: born {born}, the person would be more than {maximum} years old on {arrival}.",
        "es": "Fila con seq {seq}: con fecha de nacimiento {born}, la persona tendría más de {maximum} años el {arrival}.",
    },
    "NATIONALITY_NOT_ACCEPTED": {
        "en": "Row with seq {seq}: nationality {nationality} is not accepted by the agreement (accepted: {accepted}).",
        "es": "Fila con seq {seq}: el acuerdo no acepta la nacionalidad {nationality} (aceptadas: {accepted}).",
    },
    "DOCUMENT_TYPE_NOT_ACCEPTED": {
        "en": "Row with seq {seq}: document type {document_type} is not accepted by the agreement (accepted: {accepted}).",
        "es": "Fila con seq {seq}: el acuerdo no acepta el tipo de documento {document_type} (aceptados: {accepted}).",
    },
    "DOCUMENT_EXPIRED": {
        "en": "Row with seq {seq}: the document expired on {expiry}, before the arrival date {arrival}.",
        "es": "Fila con seq {seq}: el documento caducó el {expiry}, antes de la fecha de llegada {arrival}.",
    },
    "DOCUMENT_EXPIRED.accepted_for_own": {
        "en": "Row with seq {seq}: the passport expired on {expiry}, before the arrival date {arrival}; the agreement accepts an expired passport for its own nationals.",
        "es": "Fila con seq {seq}: el pasaporte caducó el {expiry}, antes de la fecha de llegada {arrival}; el acuerdo acepta pasaportes caducados de sus propios nacionales.",
    },
    "DOCUMENT_ISSUER_MISMATCH": {
        "en": "Row with seq {seq}: the passport was issued by {issuer}, but the nationality is {nationality}.",
        "es": "Fila con seq {seq}: el pasaporte lo expidió {issuer}, pero la nacionalidad es {nationality}.",
    },
    "MRZ_REQUIRED": {
        "en": "Row with seq {seq}: a document of type {document_type} must carry its machine-readable zone (mrz), and it is empty.",
        "es": "Fila con seq {seq}: un documento de tipo {document_type} debe llevar su zona de lectura mecánica (mrz), y está vacía.",
    },
    "MRZ_MALFORMED": {
        "en": "Row with seq {seq}: the MRZ is not a valid TD1, TD2, TD3, MRV-A or MRV-B zone.",
        "es": "Fila con seq {seq}: la MRZ no es una zona TD1, TD2, TD3, MRV-A ni MRV-B válida.",
    },
    "MRZ_MALFORMED.line_count": {
        "en": "Row with seq {seq}: the MRZ has {mrz_lines} line(s); a zone has 2 lines (TD2, TD3, visas) or 3 (TD1).",
        "es": "Fila con seq {seq}: la MRZ tiene {mrz_lines} línea(s); una zona tiene 2 líneas (TD2, TD3, visados) o 3 (TD1).",
    },
    "MRZ_MALFORMED.line_length": {
        "en": "Row with seq {seq}: the MRZ lines are {mrz_lengths} characters long; zones have lines of 30 (TD1), 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters, all of the same length.",
        "es": "Fila con seq {seq}: las líneas de la MRZ tienen {mrz_lengths} caracteres; las zonas tienen líneas de 30 (TD1), 36 (TD2, MRV-B) o 44 (TD3, MRV-A) caracteres, todas de la misma longitud.",
    },
    "MRZ_MALFORMED.charset": {
        "en": "Row with seq {seq}: the MRZ holds '{mrz_char}' at line {mrz_line}, position {mrz_position}; only A-Z, 0-9 and < may appear.",
        "es": "Fila con seq {seq}: la MRZ contiene «{mrz_char}» en la línea {mrz_line}, posición {mrz_position}; solo pueden aparecer A-Z, 0-9 y <.",
    },
    "MRZ_MALFORMED.lowercase": {
        "en": "Row with seq {seq}: the MRZ holds the lower-case letter '{mrz_char}' at line {mrz_line}, position {mrz_position}; a zone is written in capitals.",
        "es": "Fila con seq {seq}: la MRZ contiene la minúscula «{mrz_char}» en la línea {mrz_line}, posición {mrz_position}; una zona se escribe en mayúsculas.",
    },
    "MRZ_MALFORMED.code": {
        "en": "Row with seq {seq}: the MRZ {mrz_field} '{mrz_value}' is not a country code of letters.",
        "es": "Fila con seq {seq}: el campo {mrz_field} de la MRZ, «{mrz_value}», no es un código de país formado por letras.",
    },
    "MRZ_MALFORMED.sex": {
        "en": "Row with seq {seq}: the MRZ sex '{mrz_value}' is not M, F or <.",
        "es": "Fila con seq {seq}: el sexo de la MRZ, «{mrz_value}», no es M, F ni <.",
    },
    "MRZ_MALFORMED.birth_date": {
        "en": "Row with seq {seq}: the MRZ date of birth '{mrz_value}' is not a date (YYMMDD, < for an unknown part).",
        "es": "Fila con seq {seq}: la fecha de nacimiento de la MRZ, «{mrz_value}», no es una fecha (AAMMDD, < para una parte desconocida).",
    },
    "MRZ_MALFORMED.expiry_date": {
        "en": "Row with seq {seq}: the MRZ expiry date '{mrz_value}' is not a date (YYMMDD).",
        "es": "Fila con seq {seq}: la fecha de caducidad de la MRZ, «{mrz_value}», no es una fecha (AAMMDD).",
    },
    "MRZ_CHECK_DIGIT.document_number": {
        "en": "Row with seq {seq}: the check digit of the document number in the {format} MRZ does not match.",
        "es": "Fila con seq {seq}: el dígito de control del número de documento de la MRZ {format} no coincide.",
    },
    "MRZ_CHECK_DIGIT.date_of_birth": {
        "en": "Row with seq {seq}: the check digit of the date of birth in the {format} MRZ does not match.",
        "es": "Fila con seq {seq}: el dígito de control de la fecha de nacimiento de la MRZ {format} no coincide.",
    },
    "MRZ_CHECK_DIGIT.expiry": {
        "en": "Row with seq {seq}: the check digit of the expiry date in the {format} MRZ does not match.",
        "es": "Fila con seq {seq}: el dígito de control de la fecha de caducidad de la MRZ {format} no coincide.",
    },
    "MRZ_CHECK_DIGIT.optional": {
        "en": "Row with seq {seq}: the check digit of the personal number (optional data) in the {format} MRZ does not match.",
        "es": "Fila con seq {seq}: el dígito de control del número personal (datos opcionales) de la MRZ {format} no coincide.",
    },
    "MRZ_CHECK_DIGIT.composite": {
        "en": "Row with seq {seq}: the composite check digit of the {format} MRZ does not match.",
        "es": "Fila con seq {seq}: el dígito de control compuesto de la MRZ {format} no coincide.",
    },
    "MRZ_MISMATCH": {
        "en": "Row with seq {seq}: the MRZ gives {column} as '{mrz_value}', but the row says '{row_value}'.",
        "es": "Fila con seq {seq}: la MRZ indica {column} «{mrz_value}», pero la fila dice «{row_value}».",
    },
    "DUPLICATE_DOCUMENT": {
        "en": "Row with seq {seq}: the document {issuer} {number} is already on the row with seq {other_seq}.",
        "es": "Fila con seq {seq}: el documento {issuer} {number} ya figura en la fila con seq {other_seq}.",
    },
    "DUPLICATE_CASE_REF": {
        "en": "Row with seq {seq}: the case reference '{case_ref}' is already on the row with seq {other_seq}.",
        "es": "Fila con seq {seq}: la referencia de caso «{case_ref}» ya figura en la fila con seq {other_seq}.",
    },
    "DUPLICATE_PERSON": {
        "en": "Row with seq {seq} ({name}, born {born}) is the same person as the row with seq {other_seq} ({other_name}); matched with: {how}.",
        "es": "La fila con seq {seq} ({name}, nacido/a el {born}) es la misma persona que la fila con seq {other_seq} ({other_name}); coincidencia: {how}.",
    },
    "MINOR_UNACCOMPANIED.no_group": {
        "en": "Row with seq {seq}: a minor ({age} years old on arrival; adults are {adult_age} or older) with no family group, and the agreement does not allow unaccompanied minors.",
        "es": "Fila con seq {seq}: menor de edad ({age} años a la llegada; la mayoría de edad es a los {adult_age}) sin grupo familiar, y el acuerdo no admite menores no acompañados.",
    },
    "MINOR_UNACCOMPANIED.in_group": {
        "en": "Row with seq {seq}: a minor ({age} years old on arrival) with no adult of family group '{family_group}' on the manifest (adults are {adult_age} or older).",
        "es": "Fila con seq {seq}: menor de edad ({age} años a la llegada) sin ningún adulto del grupo familiar «{family_group}» en el manifiesto (la mayoría de edad es a los {adult_age}).",
    },
    "LEGAL_HOLD_MATCH.open": {
        "en": "Row with seq {seq} ({name}, born {born}) matches legal hold {hold_ref} ({hold_type}, with no end date) for {hold_name}; matched with: {how}.",
        "es": "La fila con seq {seq} ({name}, nacido/a el {born}) coincide con la retención legal {hold_ref} ({hold_type}, sin fecha de fin) de {hold_name}; coincidencia: {how}.",
    },
    "LEGAL_HOLD_MATCH.until": {
        "en": "Row with seq {seq} ({name}, born {born}) matches legal hold {hold_ref} ({hold_type}, in force until {until}) for {hold_name}; matched with: {how}.",
        "es": "La fila con seq {seq} ({name}, nacido/a el {born}) coincide con la retención legal {hold_ref} ({hold_type}, vigente hasta el {until}) de {hold_name}; coincidencia: {how}.",
    },
    "MEDICAL_DETAILS_MISSING": {
        "en": "Row with seq {seq}: a medical escort is requested (medical_escort = Y), but the medical needs are not described.",
        "es": "Fila con seq {seq}: se pide acompañamiento médico (medical_escort = Y), pero no se describen las necesidades médicas.",
    },
    # words used inside messages (Phrase)
    "term.exact": {"en": "the same spelling", "es": "la misma grafía"},
    "term.accents_or_case": {"en": "accents or letter case ignored", "es": "sin tener en cuenta tildes ni mayúsculas"},
    "term.mrz_transliteration": {
        "en": "a name in MRZ form read as an ICAO transliteration",
        "es": "un nombre en forma MRZ leído como transliteración OACI",
    },
    "term.second_surname_dropped": {
        "en": "second surname left out on one side",
        "es": "segundo apellido omitido en un lado",
    },
    "term.hyphenated_surname": {"en": "surnames joined with a hyphen", "es": "apellidos unidos con guion"},
    "term.given_names_shortened": {"en": "given names shortened", "es": "nombres abreviados"},
    "term.stay_of_removal": {"en": "stay of removal", "es": "suspensión de la expulsión"},
    "term.pending_appeal": {"en": "pending appeal", "es": "recurso pendiente"},
    "term.court_order": {"en": "court order", "es": "orden judicial"},
}
