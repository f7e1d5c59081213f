"""The /verify page: checking a clearance in the browser, offline, against the keys it holds.

The page carries both languages (it switches without a network); ``{date}`` arrives
already written as ``2025-01-22 00:15 UTC``.
"""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "verify.title": _p("verify.title", "Verify a clearance"),
    "verify.intro": _p(
        "verify.intro",
        "Scan the QR code printed on the General Declaration, or paste the clearance. The signature is checked here, in this browser, against the keys it holds: no network is needed once this page has been opened.",
    ),
    "verify.switch_language": _p("verify.switch_language", "Español"),
    "verify.scan": _p("verify.scan", "Scan with the camera"),
    "verify.stop": _p("verify.stop", "Stop the camera"),
    "verify.photo": _p("verify.photo", "Or read a photo of the QR code"),
    "verify.paste_label": _p("verify.paste_label", "Clearance: the text of the QR code (CW1:…) or the token (ey…)"),
    "verify.check": _p("verify.check", "Verify"),
    "verify.keys_held": _p("verify.keys_held", "Keys held: {count}, fetched on {date}."),
    "verify.keys_offline": _p("verify.keys_offline", "Offline: the keys fetched on {date} are used."),
    "verify.keys_refresh_failed": _p(
        "verify.keys_refresh_failed", "The keys could not be refreshed; those fetched on {date} are used."
    ),
    "verify.ok": _p("verify.ok", "Verified offline against keys fetched on {date}."),
    "verify.refused.malformed": _p(
        "verify.refused.malformed", "Refused: this is not a Clearway clearance, or it was cut off while being copied."
    ),
    "verify.refused.unknown_key": _p(
        "verify.refused.unknown_key",
        "Refused: it names a signing key this page does not hold ({key_id}). Open this page online to refresh its keys; if it is still refused, the clearance is not genuine.",
    ),
    "verify.refused.bad_signature": _p(
        "verify.refused.bad_signature",
        "Refused: the signature does not match. The clearance was changed after it was signed, or it is forged.",
    ),
    "verify.refused.revoked": _p(
        "verify.refused.revoked",
        "Refused: the key that signed it ({key_id}) was revoked on {date}. Nothing signed with a revoked key can be trusted.",
    ),
    "verify.refused.retired": _p(
        "verify.refused.retired", "Refused: it says it was signed after its key ({key_id}) was retired on {date}."
    ),
    "verify.refused.issuer": _p(
        "verify.refused.issuer",
        "Refused: it claims to be issued by {claimed}, but the key that signed it belongs to {owner}.",
    ),
    "verify.refused.claims": _p(
        "verify.refused.claims",
        "Refused: the signature is genuine, but what it signs is not a clearance this page can read ({detail}).",
    ),
    "verify.refused.no_crypto": _p(
        "verify.refused.no_crypto",
        "This browser cannot check Ed25519 signatures. Use an up-to-date browser, or the command clearway clearance verify.",
    ),
    "verify.refused.not_a_clearance": _p(
        "verify.refused.not_a_clearance",
        "Genuine, but this signed decision does not clear the flight: it is {decision}.",
    ),
    "verify.decision.request_info": _p("verify.decision.request_info", "a request for information"),
    "verify.decision.deny": _p("verify.decision.deny", "a denial"),
    "verify.decision.revoke": _p("verify.decision.revoke", "a revocation"),
    "verify.expired": _p("verify.expired", "Genuine, but expired: it was valid until {date}."),
    "verify.not_yet_valid": _p("verify.not_yet_valid", "Genuine, but not yet valid: it is valid from {date}."),
    "verify.development": _p(
        "verify.development",
        "Warning: signed with a key protected only by the development secret. It proves nothing about who signed it.",
    ),
    "verify.limits": _p(
        "verify.limits",
        "Offline, no one can see a later revocation or a superseding amendment. When you can, confirm it with the issuing authority.",
    ),
    "verify.camera_error": _p(
        "verify.camera_error", "The camera cannot be used here ({detail}). Paste the text or read a photo instead."
    ),
    "verify.no_qr": _p("verify.no_qr", "No QR code was found in that picture."),
    "verify.field.number": _p("verify.field.number", "Clearance"),
    "verify.field.issuer": _p("verify.field.issuer", "Issued by"),
    "verify.field.issued_at": _p("verify.field.issued_at", "Issued on"),
    "verify.field.request": _p("verify.field.request", "Request"),
    "verify.request": _p("verify.request", "{reference}, version {version}; it covers no later version"),
    "verify.field.aircraft": _p("verify.field.aircraft", "Aircraft"),
    "verify.aircraft": _p("verify.aircraft", "registration {registration}, callsign {callsign}, type {type}"),
    "verify.field.legs": _p("verify.field.legs", "Legs"),
    "verify.leg": _p("verify.leg", "{origin} → {destination}: departs {departure}, arrives {arrival}"),
    "verify.field.passengers": _p("verify.field.passengers", "Passengers on the manifest"),
    "verify.field.excluded": _p("verify.field.excluded", "Excluded passengers (seq)"),
    "verify.field.conditions": _p("verify.field.conditions", "Conditions"),
    "verify.field.reasons": _p("verify.field.reasons", "Reason codes"),
    "verify.none": _p("verify.none", "none"),
    "verify.field.validity": _p("verify.field.validity", "Valid"),
    "verify.validity": _p("verify.validity", "from {start} until {end}"),
    "verify.field.manifest_hash": _p("verify.field.manifest_hash", "Manifest hash"),
    "verify.field.key": _p("verify.field.key", "Signing key"),
}
