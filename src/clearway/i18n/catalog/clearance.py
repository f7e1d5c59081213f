"""Signed clearances: what one covers (``clearance.line.*``), why one is refused
(``clearance.refused.*``) and the key and token files of ``clearway clearance verify``.

Times arrive already written as ``2025-01-22 00:15 UTC``, the same in both languages.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- what a clearance covers, in reading order (clearway.domain.clearance.coverage) ---
    "clearance.line.number": {
        "en": "Clearance {number}, issued by {issuer} ({country}) on {issued_at}.",
        "es": "Autorización {number}, expedida por {issuer} ({country}) el {issued_at}.",
    },
    "clearance.line.request": {
        "en": "It was granted for request {reference}, version {version} (request id {request_id}), and does not cover any later version.",
        "es": "Se otorgó para la solicitud {reference}, versión {version} (identificador {request_id}), y no cubre ninguna versión posterior.",
    },
    "clearance.line.aircraft": {
        "en": "Aircraft: registration {registration}, callsign {callsign}, type {type}.",
        "es": "Aeronave: matrícula {registration}, indicativo de llamada {callsign}, tipo {type}.",
    },
    "clearance.line.leg": {
        "en": "Leg {number}: from {origin} to {destination}, departing {departure} and arriving {arrival}.",
        "es": "Tramo {number}: de {origin} a {destination}, con salida el {departure} y llegada el {arrival}.",
    },
    "clearance.line.manifest": {
        "en": "Passengers on the manifest of that version: {count} (manifest hash {manifest_hash}).",
        "es": "Pasajeros en el manifiesto de esa versión: {count} (huella del manifiesto {manifest_hash}).",
    },
    "clearance.line.excluded": {
        "en": "Excluded passengers, by seq: {seqs}. This clearance does not cover them.",
        "es": "Pasajeros excluidos, por número de secuencia: {seqs}. Esta autorización no los cubre.",
    },
    "clearance.line.conditions": {
        "en": "Conditions set by the receiving authority: {conditions}",
        "es": "Condiciones fijadas por la autoridad receptora: {conditions}",
    },
    "clearance.line.no_restrictions": {
        "en": "There are no restrictions: every passenger on the manifest is covered.",
        "es": "No hay restricciones: la autorización cubre a todos los pasajeros del manifiesto.",
    },
    "clearance.line.validity": {
        "en": "Valid from {valid_from} until {valid_until}.",
        "es": "Válida desde el {valid_from} hasta el {valid_until}.",
    },
    "clearance.line.key": {
        "en": "Signed with the issuer's key {key_id}.",
        "es": "Firmada con la clave {key_id} de la autoridad emisora.",
    },
    "clearance.line.offline_limits": {
        "en": "A check made offline cannot show a later revocation or a material amendment that superseded this clearance; ask the issuing authority whether it is still current.",
        "es": "Una verificación sin conexión no puede mostrar una revocación posterior ni una modificación sustancial que haya sustituido esta autorización; consulte a la autoridad emisora si sigue vigente.",
    },
    # --- the verdict of `clearway clearance verify` ---
    "clearance.verified": {
        "en": "The signature is valid: this clearance was signed with key {key_id} and has not been altered.",
        "es": "La firma es válida: esta autorización se firmó con la clave {key_id} y no ha sido alterada.",
    },
    "clearance.refused.malformed": {
        "en": "This is not a readable Clearway clearance: the text is damaged or incomplete.",
        "es": "Esto no es una autorización de Clearway legible: el texto está dañado o incompleto.",
    },
    "clearance.refused.unknown_key": {
        "en": "The clearance was signed with key {key_id}, which is not in the key file given; ask the issuing authority for its public key.",
        "es": "La autorización se firmó con la clave {key_id}, que no está en el archivo de claves indicado; solicite su clave pública a la autoridad emisora.",
    },
    "clearance.refused.bad_signature": {
        "en": "The signature does not match: the clearance has been altered or was not signed with this key.",
        "es": "La firma no coincide: la autorización ha sido alterada o no se firmó con esta clave.",
    },
    "clearance.refused.claims": {
        "en": "The signature is valid, but the clearance's contents are not in a form this version of Clearway understands.",
        "es": "La firma es válida, pero el contenido de la autorización no tiene un formato que esta versión de Clearway entienda.",
    },
    "clearance.refused.expired": {
        "en": "The signature is valid, but the clearance expired on {valid_until}.",
        "es": "La firma es válida, pero la autorización venció el {valid_until}.",
    },
    "clearance.refused.not_yet_valid": {
        "en": "The signature is valid, but the clearance is valid only from {valid_from}.",
        "es": "La firma es válida, pero la autorización solo es válida a partir del {valid_from}.",
    },
    # --- files that cannot be used (exit status 2) ---
    "clearance.key_missing": {
        "en": "The public key file {path} does not exist or cannot be read.",
        "es": "El archivo de clave pública {path} no existe o no se puede leer.",
    },
    "clearance.key_invalid": {
        "en": "The file {path} holds no Ed25519 public key (PEM, JWK or JWK set).",
        "es": "El archivo {path} no contiene ninguna clave pública Ed25519 (PEM, JWK o conjunto de JWK).",
    },
    "clearance.token_missing": {
        "en": "The clearance file {path} does not exist or cannot be read.",
        "es": "El archivo de autorización {path} no existe o no se puede leer.",
    },
    "clearance.online.superseded": {
        "en": "The signature is genuine (key {key_id}), but this clearance is superseded: the request was amended materially and needs a new decision.",
        "es": "La firma es auténtica (clave {key_id}), pero esta autorización ha sido sustituida: la solicitud se modificó de forma sustancial y necesita una nueva decisión.",
    },
    "clearance.online.revoked": {
        "en": "The signature is genuine (key {key_id}), but this clearance has been revoked or the request cancelled.",
        "es": "La firma es auténtica (clave {key_id}), pero esta autorización ha sido revocada o la solicitud cancelada.",
    },
    "clearance.online.not_issued_here": {
        "en": "The signature is genuine (key {key_id}), but this service holds no such clearance.",
        "es": "La firma es auténtica (clave {key_id}), pero este servicio no tiene esa autorización.",
    },
    "clearance.online.outside_validity": {
        "en": "The signature is genuine (key {key_id}) and the clearance is current, but today is outside its validity window.",
        "es": "La firma es auténtica (clave {key_id}) y la autorización está vigente, pero hoy está fuera de su periodo de validez.",
    },
}
