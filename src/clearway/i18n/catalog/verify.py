"""The /verify page: checking a clearance in the browser, offline, against the keys it holds.

The page carries both languages (it switches without a network); ``{date}`` arrives
already written as ``2025-01-22 00:15 UTC``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "verify.title": {"en": "Verify a clearance", "es": "Verificar una autorización"},
    "verify.intro": {
        "en": "Scan the QR code printed on the General Declaration, or paste the clearance. The signature is checked here, in this browser, against the keys it holds: no network is needed once this page has been opened.",
        "es": "Escanee el código QR impreso en la Declaración general o pegue la autorización. La firma se comprueba aquí, en este navegador, con las claves que guarda: no se necesita red una vez abierta esta página.",
    },
    "verify.switch_language": {"en": "Español", "es": "English"},
    "verify.scan": {"en": "Scan with the camera", "es": "Escanear con la cámara"},
    "verify.stop": {"en": "Stop the camera", "es": "Detener la cámara"},
    "verify.photo": {"en": "Or read a photo of the QR code", "es": "O leer una foto del código QR"},
    "verify.paste_label": {
        "en": "Clearance: the text of the QR code (CW1:…) or the token (ey…)",
        "es": "Autorización: el texto del código QR (CW1:…) o el token (ey…)",
    },
    "verify.check": {"en": "Verify", "es": "Verificar"},
    "verify.keys_held": {
        "en": "Keys held: {count}, fetched on {date}.",
        "es": "Claves guardadas: {count}, obtenidas el {date}.",
    },
    "verify.keys_offline": {
        "en": "Offline: the keys fetched on {date} are used.",
        "es": "Sin conexión: se usan las claves obtenidas el {date}.",
    },
    "verify.keys_refresh_failed": {
        "en": "The keys could not be refreshed; those fetched on {date} are used.",
        "es": "No se pudieron actualizar las claves; se usan las obtenidas el {date}.",
    },
    "verify.ok": {
        "en": "Verified offline against keys fetched on {date}.",
        "es": "Verificada sin conexión con las claves obtenidas el {date}.",
    },
    "verify.refused.malformed": {
        "en": "Refused: this is not a Clearway clearance, or it was cut off while being copied.",
        "es": "Rechazada: no es una autorización de Clearway, o se cortó al copiarla.",
    },
    "verify.refused.unknown_key": {
        "en": "Refused: it names a signing key this page does not hold ({key_id}). Open this page online to refresh its keys; if it is still refused, the clearance is not genuine.",
        "es": "Rechazada: nombra una clave de firma que esta página no guarda ({key_id}). Abra esta página con conexión para actualizar sus claves; si sigue rechazada, la autorización no es auténtica.",
    },
    "verify.refused.bad_signature": {
        "en": "Refused: the signature does not match. The clearance was changed after it was signed, or it is forged.",
        "es": "Rechazada: la firma no coincide. La autorización se modificó después de firmarse, o es falsa.",
    },
    "verify.refused.revoked": {
        "en": "Refused: the key that signed it ({key_id}) was revoked on {date}. Nothing signed with a revoked key can be trusted.",
        "es": "Rechazada: la clave que la firmó ({key_id}) fue revocada el {date}. Nada firmado con una clave revocada es de fiar.",
    },
    "verify.refused.retired": {
        "en": "Refused: it says it was signed after its key ({key_id}) was retired on {date}.",
        "es": "Rechazada: dice haberse firmado después de que su clave ({key_id}) se retirara el {date}.",
    },
    "verify.refused.issuer": {
        "en": "Refused: it claims to be issued by {claimed}, but the key that signed it belongs to {owner}.",
        "es": "Rechazada: dice haberla expedido {claimed}, pero la clave que la firmó pertenece a {owner}.",
    },
    "verify.refused.claims": {
        "en": "Refused: the signature is genuine, but what it signs is not a clearance this page can read ({detail}).",
        "es": "Rechazada: la firma es auténtica, pero lo firmado no es una autorización que esta página sepa leer ({detail}).",
    },
    "verify.refused.no_crypto": {
        "en": "This browser cannot check Ed25519 signatures. Use an up-to-date browser, or the command clearway clearance verify.",
        "es": "Este navegador no puede comprobar firmas Ed25519. Use un navegador actualizado o el comando clearway clearance verify.",
    },
    "verify.refused.not_a_clearance": {
        "en": "Genuine, but this signed decision does not clear the flight: it is {decision}.",
        "es": "Auténtica, pero esta decisión firmada no autoriza el vuelo: es {decision}.",
    },
    "verify.decision.request_info": {"en": "a request for information", "es": "una solicitud de información"},
    "verify.decision.deny": {"en": "a denial", "es": "una denegación"},
    "verify.decision.revoke": {"en": "a revocation", "es": "una revocación"},
    "verify.expired": {
        "en": "Genuine, but expired: it was valid until {date}.",
        "es": "Auténtica, pero vencida: era válida hasta el {date}.",
    },
    "verify.not_yet_valid": {
        "en": "Genuine, but not yet valid: it is valid from {date}.",
        "es": "Auténtica, pero aún no válida: es válida desde el {date}.",
    },
    "verify.development": {
        "en": "Warning: signed with a key protected only by the development secret. It proves nothing about who signed it.",
        "es": "Advertencia: firmada con una clave protegida solo por el secreto de desarrollo. No prueba nada sobre quién la firmó.",
    },
    "verify.limits": {
        "en": "Offline, no one can see a later revocation or a superseding amendment. When you can, confirm it with the issuing authority.",
        "es": "Sin conexión nadie puede ver una revocación posterior ni una modificación que la sustituya. Cuando pueda, confírmela con la autoridad que la expidió.",
    },
    "verify.camera_error": {
        "en": "The camera cannot be used here ({detail}). Paste the text or read a photo instead.",
        "es": "No se puede usar la cámara aquí ({detail}). Pegue el texto o lea una foto.",
    },
    "verify.no_qr": {
        "en": "No QR code was found in that picture.",
        "es": "No se encontró ningún código QR en esa imagen.",
    },
    "verify.field.number": {"en": "Clearance", "es": "Autorización"},
    "verify.field.issuer": {"en": "Issued by", "es": "Expedida por"},
    "verify.field.issued_at": {"en": "Issued on", "es": "Expedida el"},
    "verify.field.request": {"en": "Request", "es": "Solicitud"},
    "verify.request": {
        "en": "{reference}, version {version}; it covers no later version",
        "es": "{reference}, versión {version}; no cubre ninguna versión posterior",
    },
    "verify.field.aircraft": {"en": "Aircraft", "es": "Aeronave"},
    "verify.aircraft": {
        "en": "registration {registration}, callsign {callsign}, type {type}",
        "es": "matrícula {registration}, indicativo {callsign}, tipo {type}",
    },
    "verify.field.legs": {"en": "Legs", "es": "Tramos"},
    "verify.leg": {
        "en": "{origin} → {destination}: departs {departure}, arrives {arrival}",
        "es": "{origin} → {destination}: sale {departure}, llega {arrival}",
    },
    "verify.field.passengers": {"en": "Passengers on the manifest", "es": "Pasajeros en el manifiesto"},
    "verify.field.excluded": {"en": "Excluded passengers (seq)", "es": "Pasajeros excluidos (seq)"},
    "verify.field.conditions": {"en": "Conditions", "es": "Condiciones"},
    "verify.field.reasons": {"en": "Reason codes", "es": "Códigos de motivo"},
    "verify.none": {"en": "none", "es": "ninguno"},
    "verify.field.validity": {"en": "Valid", "es": "Válida"},
    "verify.validity": {"en": "from {start} until {end}", "es": "desde el {start} hasta el {end}"},
    "verify.field.manifest_hash": {"en": "Manifest hash", "es": "Huella del manifiesto"},
    "verify.field.key": {"en": "Signing key", "es": "Clave de firma"},
}
