"""PAXLST (UN/EDIFACT) messages: why one cannot be used, what disagrees in one, and exports.
Each unusable-message sentence names the segment by its tag and its position, counted
from 1 at UNB."""

MESSAGES: dict[str, dict[str, str]] = {
    "paxlst.not_edifact": {
        "en": "The manifest {path} holds no PAXLST (UN/EDIFACT) interchange: no UNA or UNB segment was found.",
        "es": "El manifiesto {path} no contiene ningún intercambio PAXLST (UN/EDIFACT): no se encontró ningún segmento UNA ni UNB.",
    },
    "paxlst.no_unb": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} does not start with a UNB segment (segment {position} is {tag}).",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} no empieza con un segmento UNB (el segmento {position} es {tag}).",
    },
    "paxlst.truncated": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} ends inside segment {position} ({tag}), before its terminator: the file is truncated.",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} termina dentro del segmento {position} ({tag}), antes de su terminador: el archivo está truncado.",
    },
    "paxlst.no_unz": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} ends at segment {position} ({tag}) without a UNZ segment: the interchange is incomplete.",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} termina en el segmento {position} ({tag}) sin segmento UNZ: el intercambio está incompleto.",
    },
    "paxlst.second_interchange": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} holds a second interchange after the UNZ (segment {position}, {tag}); send one interchange per file.",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} contiene un segundo intercambio después del UNZ (segmento {position}, {tag}); envíe un intercambio por archivo.",
    },
    "paxlst.bad_bytes": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} declares the character set {syntax}, but segment {position} holds bytes that are not {syntax} (offset {offset}).",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} declara el juego de caracteres {syntax}, pero el segmento {position} contiene bytes que no son {syntax} (posición {offset}).",
    },
    "paxlst.no_message": {
        "en": "The UN/EDIFACT interchange {path} holds no PAXLST message (no UNH segment).",
        "es": "El intercambio UN/EDIFACT {path} no contiene ningún mensaje PAXLST (ningún segmento UNH).",
    },
    "paxlst.not_paxlst": {
        "en": "Segment {position} ({tag}) of {path} opens a '{kind}' message, not a PAXLST passenger list.",
        "es": "El segmento {position} ({tag}) de {path} abre un mensaje «{kind}», no una lista de pasajeros PAXLST.",
    },
    "paxlst.crew_list": {
        "en": "Segment {position} ({tag}) of {path} says the PAXLST message is a crew list (250), not a passenger list (745); a crew list is not a manifest of returnees.",
        "es": "El segmento {position} ({tag}) de {path} indica que el mensaje PAXLST es una lista de tripulación (250), no de pasajeros (745); una lista de tripulación no es un manifiesto de personas retornadas.",
    },
    "paxlst.not_passenger_list": {
        "en": "Segment {position} ({tag}) of {path} gives the PAXLST document code '{code}'; only a passenger list (BGM+745) is a manifest.",
        "es": "El segmento {position} ({tag}) de {path} da el código de documento PAXLST «{code}»; solo una lista de pasajeros (BGM+745) es un manifiesto.",
    },
    "paxlst.lone_part": {
        "en": "Segment {position} ({tag}) of {path} starts a PAXLST message that is part of a multi-part report, but the file holds only the part(s) {parts}; a report needs its first part (C), its last part (F) and every part between.",
        "es": "El segmento {position} ({tag}) de {path} abre un mensaje PAXLST que forma parte de un informe en varias partes, pero el archivo solo contiene la(s) parte(s) {parts}; un informe necesita su primera parte (C), la última (F) y todas las intermedias.",
    },
    "paxlst.crew_member": {
        "en": "Segment {position} ({tag}+{qualifier}) of {path} is a crew member in a passenger list; a manifest of returnees lists passengers only (NAD+FL, NAD+DDU).",
        "es": "El segmento {position} ({tag}+{qualifier}) de {path} es un miembro de la tripulación en una lista de pasajeros; un manifiesto de personas retornadas solo incluye pasajeros (NAD+FL, NAD+DDU).",
    },
    "paxlst.unknown_party": {
        "en": "Segment {position} ({tag}+{qualifier}) of {path} names a party that is neither a passenger (FL, DDU) nor the reporting party (MS); it cannot be placed, so the message is not read.",
        "es": "El segmento {position} ({tag}+{qualifier}) de {path} nombra a una parte que no es ni pasajero (FL, DDU) ni el remitente (MS); no se puede ubicar, así que el mensaje no se lee.",
    },
    "paxlst.no_passenger": {
        "en": "The PAXLST (UN/EDIFACT) manifest {path} lists no passenger (no NAD+FL or NAD+DDU segment).",
        "es": "El manifiesto PAXLST (UN/EDIFACT) {path} no incluye ningún pasajero (ningún segmento NAD+FL ni NAD+DDU).",
    },
    # what PAXLST does not carry: the sender adds it in Clearway with a version edit
    "MRZ_REQUIRED.paxlst": {
        "en": "Row with seq {seq}: a document of type {document_type} must carry its machine-readable zone (mrz); a PAXLST message does not carry it, so add it in Clearway (edit the version) before submitting.",
        "es": "Fila con seq {seq}: un documento de tipo {document_type} debe llevar su zona de lectura mecánica (mrz); un mensaje PAXLST no la lleva, así que añádala en Clearway (edite la versión) antes de presentar la solicitud.",
    },
    "MINOR_UNACCOMPANIED.paxlst": {
        "en": "Row with seq {seq}: a minor aged {age} (under {adult_age}) travels with no adult of the same family_group; a PAXLST message carries no family_group, so add it in Clearway (edit the version) before submitting.",
        "es": "Fila con seq {seq}: un menor de {age} años (menos de {adult_age}) viaja sin ningún adulto del mismo family_group; un mensaje PAXLST no lleva family_group, así que añádalo en Clearway (edite la versión) antes de presentar la solicitud.",
    },
    # MESSAGE_INCONSISTENT, one sentence per kind of disagreement
    "MESSAGE_INCONSISTENT": {
        "en": "Segment {position} ({tag}) of the PAXLST message disagrees with the message ('{declared}' against '{actual}'); people may be missing or extra.",
        "es": "El segmento {position} ({tag}) del mensaje PAXLST no concuerda con el mensaje («{declared}» frente a «{actual}»); puede que falten o sobren personas.",
    },
    "MESSAGE_INCONSISTENT.unt_count": {
        "en": "Segment {position} (UNT) declares {declared} segments, but its message holds {actual} (UNH to UNT); people may be missing or extra.",
        "es": "El segmento {position} (UNT) declara {declared} segmentos, pero su mensaje contiene {actual} (de UNH a UNT); puede que falten o sobren personas.",
    },
    "MESSAGE_INCONSISTENT.unt_reference": {
        "en": "Segment {position} (UNT) closes message '{declared}', but the message opened as '{actual}' (UNH).",
        "es": "El segmento {position} (UNT) cierra el mensaje «{declared}», pero el mensaje se abrió como «{actual}» (UNH).",
    },
    "MESSAGE_INCONSISTENT.missing_unt": {
        "en": "The message '{declared}' opened at segment {position} (UNH) has no UNT: where it ends cannot be checked.",
        "es": "El mensaje «{declared}» abierto en el segmento {position} (UNH) no tiene UNT: no se puede comprobar dónde termina.",
    },
    "MESSAGE_INCONSISTENT.une_count": {
        "en": "Segment {position} (UNE) declares {declared} messages in its group, but the group holds {actual}.",
        "es": "El segmento {position} (UNE) declara {declared} mensajes en su grupo, pero el grupo contiene {actual}.",
    },
    "MESSAGE_INCONSISTENT.une_reference": {
        "en": "Segment {position} (UNE) closes group '{declared}', but the group opened as '{actual}' (UNG).",
        "es": "El segmento {position} (UNE) cierra el grupo «{declared}», pero el grupo se abrió como «{actual}» (UNG).",
    },
    "MESSAGE_INCONSISTENT.unz_count": {
        "en": "Segment {position} (UNZ) declares {declared} groups or messages, but the interchange holds {actual}.",
        "es": "El segmento {position} (UNZ) declara {declared} grupos o mensajes, pero el intercambio contiene {actual}.",
    },
    "MESSAGE_INCONSISTENT.unz_reference": {
        "en": "Segment {position} (UNZ) closes interchange '{declared}', but the interchange opened as '{actual}' (UNB).",
        "es": "El segmento {position} (UNZ) cierra el intercambio «{declared}», pero el intercambio se abrió como «{actual}» (UNB).",
    },
    "MESSAGE_INCONSISTENT.cnt_total": {
        "en": "Segment {position} (CNT+42) gives {declared} passengers for the flight, but the report lists {actual}; people may be missing or extra.",
        "es": "El segmento {position} (CNT+42) indica {declared} pasajeros para el vuelo, pero el informe incluye {actual}; puede que falten o sobren personas.",
    },
    "MESSAGE_INCONSISTENT.cnt_qualifier": {
        "en": "Segment {position} (CNT) counts with qualifier {declared} (41 is crew) in a passenger list, where the total of passengers is CNT+{actual}.",
        "es": "El segmento {position} (CNT) cuenta con el calificador {declared} (41 es tripulación) en una lista de pasajeros, donde el total de pasajeros es CNT+{actual}.",
    },
    "MESSAGE_INCONSISTENT.cnt_malformed": {
        "en": "Segment {position} (CNT) is written '{declared}', which gives no total to check the passengers against.",
        "es": "El segmento {position} (CNT) está escrito «{declared}», lo que no da ningún total con que comprobar los pasajeros.",
    },
    "MESSAGE_INCONSISTENT.common_access_reference": {
        "en": "The parts of the report carry different common access references ({declared}, from segment {position}): they may be for different flights.",
        "es": "Las partes del informe llevan referencias de acceso común distintas ({declared}, desde el segmento {position}): pueden ser de vuelos distintos.",
    },
    # AIRCRAFT_IDENT_MISMATCH, by the request key compared
    "AIRCRAFT_IDENT_MISMATCH.journey": {
        "en": "The PAXLST message reports flight '{value}' (segment {position}, TDT), but the request's flight number or callsign is '{expected}'.",
        "es": "El mensaje PAXLST indica el vuelo «{value}» (segmento {position}, TDT), pero el número de vuelo o el indicativo de la solicitud es «{expected}».",
    },
    "AIRCRAFT_IDENT_MISMATCH.airport": {
        "en": "The PAXLST message gives {value} for {field} (segment {position}, LOC), but the request says {expected}.",
        "es": "El mensaje PAXLST da {value} para {field} (segmento {position}, LOC), pero la solicitud dice {expected}.",
    },
    "AIRCRAFT_IDENT_MISMATCH.extra_leg": {
        "en": "The PAXLST message reports a leg {value} (segment {position}, TDT) that the request does not have.",
        "es": "El mensaje PAXLST indica un tramo {value} (segmento {position}, TDT) que la solicitud no tiene.",
    },
    "AIRCRAFT_IDENT_MISMATCH.time": {
        "en": "The PAXLST message schedules {field} at {value} local time (segment {position}), but the request says {expected}, more than {tolerance} minutes apart.",
        "es": "El mensaje PAXLST programa {field} a las {value} hora local (segmento {position}), pero la solicitud dice {expected}, con más de {tolerance} minutos de diferencia.",
    },
    "AIRCRAFT_IDENT_MISMATCH.time_unreadable": {
        "en": "The PAXLST message gives '{value}' as the time of {field} (segment {position}), which is not a date and time (YYMMDDHHMM); the request says {expected}.",
        "es": "El mensaje PAXLST da «{value}» como hora de {field} (segmento {position}), que no es una fecha y hora (AAMMDDHHMM); la solicitud dice {expected}.",
    },
    # exports
    "export.too_many_parts": {
        "en": "Split into parts of {size} persons, the report would need {parts} PAXLST parts; a report has at most {maximum}. Give a larger part size.",
        "es": "Dividido en partes de {size} personas, el informe necesitaría {parts} partes PAXLST; un informe tiene como máximo {maximum}. Indique un tamaño de parte mayor.",
    },
    "service.export_unknown_format": {
        "en": "There is no export format '{value}'; the formats are: {known}.",
        "es": "No existe el formato de exportación «{value}»; los formatos son: {known}.",
    },
    "export.written": {
        "en": "Wrote {path} ({format}, version {version}, {count} passenger(s)).",
        "es": "Se ha escrito {path} ({format}, versión {version}, {count} pasajero(s)).",
    },
    "export.template_written": {
        "en": "Wrote the empty XLSX manifest template to {path}.",
        "es": "Se ha escrito la plantilla XLSX vacía del manifiesto en {path}.",
    },
    "export.source_missing": {
        "en": "Say what to export: --request and --manifest (offline), or --user with --id or with --organisation and --reference (from the database).",
        "es": "Indique qué exportar: --request y --manifest (sin conexión), o --user con --id o con --organisation y --reference (desde la base de datos).",
    },
    "export.sources_mixed": {
        "en": "Export either offline (--request and --manifest) or from the database (--user, --id or --organisation and --reference), not both.",
        "es": "Exporte sin conexión (--request y --manifest) o desde la base de datos (--user, --id o --organisation y --reference), no ambas cosas.",
    },
    "export.unknown_user": {
        "en": "There is no active user {email}; the export is made as a user, so that the access log names who saw the manifest.",
        "es": "No existe ningún usuario activo {email}; la exportación se hace como un usuario, para que el registro de accesos indique quién vio el manifiesto.",
    },
    "settings.bad_paxlst_part_size": {
        "en": "CLEARWAY_PAXLST_PART_SIZE is '{value}'; it must be a whole number of persons from 1 to 99999.",
        "es": "CLEARWAY_PAXLST_PART_SIZE vale «{value}»; debe ser un número entero de personas de 1 a 99999.",
    },
    "file.unwritable": {
        "en": "The file {path} cannot be written ({reason}).",
        "es": "No se puede escribir el archivo {path} ({reason}).",
    },
    "export.template_format": {
        "en": "--template writes the XLSX template; it cannot be combined with --format {format}.",
        "es": "--template escribe la plantilla XLSX; no se puede combinar con --format {format}.",
    },
}
