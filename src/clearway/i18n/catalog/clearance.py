"""Signed clearances: what one covers (``clearance.line.*``), why one is refused
(``clearance.refused.*``) and the key and token files of ``clearway clearance verify``.

Times arrive already written as ``2025-01-22 00:15 UTC``, the same in both languages.
"""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    # --- what a clearance covers, in reading order (clearway.domain.clearance.coverage) ---
    "clearance.line.number": _p(
        "clearance.line.number", "Clearance {number}, issued by {issuer} ({country}) on {issued_at}."
    ),
    "clearance.line.request": _p(
        "clearance.line.request",
        "It was granted for request {reference}, version {version} (request id {request_id}), and does not cover any later version.",
    ),
    "clearance.line.aircraft": _p(
        "clearance.line.aircraft", "Aircraft: registration {registration}, callsign {callsign}, type {type}."
    ),
    "clearance.line.leg": _p(
        "clearance.line.leg",
        "Leg {number}: from {origin} to {destination}, departing {departure} and arriving {arrival}.",
    ),
    "clearance.line.manifest": _p(
        "clearance.line.manifest",
        "Passengers on the manifest of that version: {count} (manifest hash {manifest_hash}).",
    ),
    "clearance.line.excluded": _p(
        "clearance.line.excluded", "Excluded passengers, by seq: {seqs}. This clearance does not cover them."
    ),
    "clearance.line.conditions": _p(
        "clearance.line.conditions", "Conditions set by the receiving authority: {conditions}"
    ),
    "clearance.line.no_restrictions": _p(
        "clearance.line.no_restrictions", "There are no restrictions: every passenger on the manifest is covered."
    ),
    "clearance.line.validity": _p("clearance.line.validity", "Valid from {valid_from} until {valid_until}."),
    "clearance.line.key": _p("clearance.line.key", "Signed with the issuer's key {key_id}."),
    "clearance.line.offline_limits": _p(
        "clearance.line.offline_limits",
        "A check made offline cannot show a later revocation or a material amendment that superseded this clearance; ask the issuing authority whether it is still current.",
    ),
    # --- the verdict of `clearway clearance verify` ---
    "clearance.verified": _p(
        "clearance.verified",
        "The signature is valid: this clearance was signed with key {key_id} and has not been altered.",
    ),
    "clearance.refused.malformed": _p(
        "clearance.refused.malformed", "This is not a readable Clearway clearance: the text is damaged or incomplete."
    ),
    "clearance.refused.unknown_key": _p(
        "clearance.refused.unknown_key",
        "The clearance was signed with key {key_id}, which is not in the key file given; ask the issuing authority for its public key.",
    ),
    "clearance.refused.bad_signature": _p(
        "clearance.refused.bad_signature",
        "The signature does not match: the clearance has been altered or was not signed with this key.",
    ),
    "clearance.refused.claims": _p(
        "clearance.refused.claims",
        "The signature is valid, but the clearance's contents are not in a form this version of Clearway understands.",
    ),
    "clearance.refused.expired": _p(
        "clearance.refused.expired", "The signature is valid, but the clearance expired on {valid_until}."
    ),
    "clearance.refused.not_yet_valid": _p(
        "clearance.refused.not_yet_valid", "The signature is valid, but the clearance is valid only from {valid_from}."
    ),
    # --- files that cannot be used (exit status 2) ---
    "clearance.key_missing": _p(
        "clearance.key_missing", "The public key file {path} does not exist or cannot be read."
    ),
    "clearance.key_invalid": _p(
        "clearance.key_invalid", "The file {path} holds no Ed25519 public key (PEM, JWK or JWK set)."
    ),
    "clearance.token_missing": _p(
        "clearance.token_missing", "The clearance file {path} does not exist or cannot be read."
    ),
    "clearance.online.superseded": _p(
        "clearance.online.superseded",
        "The signature is genuine (key {key_id}), but this clearance is superseded: the request was amended materially and needs a new decision.",
    ),
    "clearance.online.revoked": _p(
        "clearance.online.revoked",
        "The signature is genuine (key {key_id}), but this clearance has been revoked or the request cancelled.",
    ),
    "clearance.online.not_issued_here": _p(
        "clearance.online.not_issued_here",
        "The signature is genuine (key {key_id}), but this service holds no such clearance.",
    ),
    "clearance.online.outside_validity": _p(
        "clearance.online.outside_validity",
        "The signature is genuine (key {key_id}) and the clearance is current, but today is outside its validity window.",
    ),
    # --- version 2: every decision, local times, the development secret ---
    "clearance.line.development_key": _p(
        "clearance.line.development_key",
        "WARNING: this was signed with a key protected only by Clearway's published development secret; anyone could have signed it, so it proves nothing.",
    ),
    "clearance.line.format_1": _p(
        "clearance.line.format_1",
        "This is a version 1 token: it gives no local times and cannot say whether its key was protected by a real secret.",
    ),
    "clearance.line.decision.request_info": _p(
        "clearance.line.decision.request_info",
        "Signed decision: {issuer} ({country}) asked for more information on {issued_at}. This is not a clearance.",
    ),
    "clearance.line.decision.deny": _p(
        "clearance.line.decision.deny",
        "Signed decision: {issuer} ({country}) denied the request on {issued_at}. This is not a clearance.",
    ),
    "clearance.line.decision.revoke": _p(
        "clearance.line.decision.revoke",
        "Signed decision: {issuer} ({country}) revoked clearance {number} on {issued_at}. It no longer lets the flight land.",
    ),
    "clearance.line.leg_local": _p(
        "clearance.line.leg_local",
        "Leg {number}: from {origin} to {destination}, departing {departure} ({departure_local} local) and arriving {arrival} ({arrival_local} local).",
    ),
    "clearance.line.reasons": _p("clearance.line.reasons", "Reason codes: {codes}."),
    "clearance.refused.revoked_key": _p(
        "clearance.refused.revoked_key",
        "The key {key_id} that signed this was revoked by its owner (compromised): nothing it signed can be trusted.",
    ),
    "clearance.refused.retired_key": _p(
        "clearance.refused.retired_key",
        "The key {key_id} was retired before the date this claims to have been signed: it is not genuine.",
    ),
    "clearance.refused.wrong_issuer": _p(
        "clearance.refused.wrong_issuer",
        "The key {key_id} belongs to another authority than the issuer this names: it is a forgery.",
    ),
    "clearance.refused.wrong_key": _p(
        "clearance.refused.wrong_key", "The key {key_id} is not one that signs this kind of document."
    ),
    "clearance.refused.unbound_key": _p(
        "clearance.refused.unbound_key",
        "The key file does not say whose key {key_id} is: use the key set from /api/v1/keys, or name the issuing country with --issuer.",
    ),
    "clearance.refused.development_key": _p(
        "clearance.refused.development_key",
        "The signature is genuine, but the key was protected only by the development secret, so it proves nothing (--allow-development accepts it for testing).",
    ),
    "clearance.refused.decision_request_info": _p(
        "clearance.refused.decision_request_info",
        "This is a signed request for information, not a clearance: the flight may not land on it.",
    ),
    "clearance.refused.decision_deny": _p(
        "clearance.refused.decision_deny", "This is a signed denial, not a clearance: the flight may not land."
    ),
    "clearance.refused.decision_revoke": _p(
        "clearance.refused.decision_revoke",
        "This is a signed revocation: the clearance it names no longer lets the flight land.",
    ),
    "clearance.not_a_token": _p(
        "clearance.not_a_token",
        "The input is not a Clearway clearance token: it must be three base64url parts separated by dots, as issued.",
    ),
    "clearance.bad_at": _p(
        "clearance.bad_at", "--at {value} is not a moment: write it as 2025-01-22T00:00:00Z or 2025-01-22."
    ),
    "clearance.online.development_key": _p(
        "clearance.online.development_key",
        "The signature is genuine (key {key_id}) and the clearance is current, but its key was protected only by the development secret, so it proves nothing.",
    ),
    "clearance.online.recorded": _p(
        "clearance.online.recorded",
        "The signature is genuine (key {key_id}): this is a decision recorded here, not a clearance.",
    ),
}
