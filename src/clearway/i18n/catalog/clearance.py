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
    # --- version 2: every decision, local times, the development secret ---
    "clearance.line.development_key": {
        "en": "WARNING: this was signed with a key protected only by Clearway's published development secret; anyone could have signed it, so it proves nothing.",
        "es": "ADVERTENCIA: se firmó con una clave protegida solo por el secreto de desarrollo publicado de Clearway; cualquiera pudo haberla firmado, así que no prueba nada.",
    },
    "clearance.line.format_1": {
        "en": "This is a version 1 token: it gives no local times and cannot say whether its key was protected by a real secret.",
        "es": "Este es un token de la versión 1: no indica horas locales y no puede decir si su clave estaba protegida por un secreto real.",
    },
    "clearance.line.decision.request_info": {
        "en": "Signed decision: {issuer} ({country}) asked for more information on {issued_at}. This is not a clearance.",
        "es": "Decisión firmada: {issuer} ({country}) solicitó más información el {issued_at}. Esto no es una autorización.",
    },
    "clearance.line.decision.deny": {
        "en": "Signed decision: {issuer} ({country}) denied the request on {issued_at}. This is not a clearance.",
        "es": "Decisión firmada: {issuer} ({country}) denegó la solicitud el {issued_at}. Esto no es una autorización.",
    },
    "clearance.line.decision.revoke": {
        "en": "Signed decision: {issuer} ({country}) revoked clearance {number} on {issued_at}. It no longer lets the flight land.",
        "es": "Decisión firmada: {issuer} ({country}) revocó la autorización {number} el {issued_at}. Ya no permite el aterrizaje del vuelo.",
    },
    "clearance.line.leg_local": {
        "en": "Leg {number}: from {origin} to {destination}, departing {departure} ({departure_local} local) and arriving {arrival} ({arrival_local} local).",
        "es": "Tramo {number}: de {origin} a {destination}, con salida el {departure} ({departure_local} hora local) y llegada el {arrival} ({arrival_local} hora local).",
    },
    "clearance.line.reasons": {
        "en": "Reason codes: {codes}.",
        "es": "Códigos de motivo: {codes}.",
    },
    "clearance.refused.revoked_key": {
        "en": "The key {key_id} that signed this was revoked by its owner (compromised): nothing it signed can be trusted.",
        "es": "La clave {key_id} que firmó esto fue revocada por su titular (comprometida): no se puede confiar en nada de lo que firmó.",
    },
    "clearance.refused.retired_key": {
        "en": "The key {key_id} was retired before the date this claims to have been signed: it is not genuine.",
        "es": "La clave {key_id} se retiró antes de la fecha en que esto dice haberse firmado: no es auténtico.",
    },
    "clearance.refused.wrong_issuer": {
        "en": "The key {key_id} belongs to another authority than the issuer this names: it is a forgery.",
        "es": "La clave {key_id} pertenece a otra autoridad distinta del emisor que aquí se nombra: es una falsificación.",
    },
    "clearance.refused.wrong_key": {
        "en": "The key {key_id} is not one that signs this kind of document.",
        "es": "La clave {key_id} no es de las que firman este tipo de documento.",
    },
    "clearance.refused.unbound_key": {
        "en": "The key file does not say whose key {key_id} is: use the key set from /api/v1/keys, or name the issuing country with --issuer.",
        "es": "El archivo de claves no dice de quién es la clave {key_id}: use el conjunto de claves de /api/v1/keys o indique el país emisor con --issuer.",
    },
    "clearance.refused.development_key": {
        "en": "The signature is genuine, but the key was protected only by the development secret, so it proves nothing (--allow-development accepts it for testing).",
        "es": "La firma es auténtica, pero la clave solo estaba protegida por el secreto de desarrollo, así que no prueba nada (--allow-development la acepta para pruebas).",
    },
    "clearance.refused.decision_request_info": {
        "en": "This is a signed request for information, not a clearance: the flight may not land on it.",
        "es": "Esta es una solicitud de información firmada, no una autorización: el vuelo no puede aterrizar con ella.",
    },
    "clearance.refused.decision_deny": {
        "en": "This is a signed denial, not a clearance: the flight may not land.",
        "es": "Esta es una denegación firmada, no una autorización: el vuelo no puede aterrizar.",
    },
    "clearance.refused.decision_revoke": {
        "en": "This is a signed revocation: the clearance it names no longer lets the flight land.",
        "es": "Esta es una revocación firmada: la autorización que nombra ya no permite el aterrizaje del vuelo.",
    },
    "clearance.not_a_token": {
        "en": "The input is not a Clearway clearance token: it must be three base64url parts separated by dots, as issued.",
        "es": "La entrada no es un token de autorización de Clearway: debe tener tres partes base64url separadas por puntos, tal como se emitió.",
    },
    "clearance.bad_at": {
        "en": "--at {value} is not a moment: write it as 2025-01-22T00:00:00Z or 2025-01-22.",
        "es": "--at {value} no es un momento: escríbalo como 2025-01-22T00:00:00Z o 2025-01-22.",
    },
    "clearance.online.development_key": {
        "en": "The signature is genuine (key {key_id}) and the clearance is current, but its key was protected only by the development secret, so it proves nothing.",
        "es": "La firma es auténtica (clave {key_id}) y la autorización está vigente, pero su clave solo estaba protegida por el secreto de desarrollo, así que no prueba nada.",
    },
    "clearance.online.recorded": {
        "en": "The signature is genuine (key {key_id}): this is a decision recorded here, not a clearance.",
        "es": "La firma es auténtica (clave {key_id}): es una decisión registrada aquí, no una autorización.",
    },
}
