"""Sentences of keys, checkpoints and the development secret (``clearway keys``, ``clearway audit``, serve)."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "audit.reason.an entry of the old format follows one of the new": _p(
        "audit.reason.an entry of the old format follows one of the new",
        "it is written in the chain's old format after entries of the new one (it was rewritten)",
    ),
    "audit.tail_cut": _p(
        "audit.tail_cut",
        "The audit chain was cut: the checkpoint covers entry {sequence}, but the chain now ends at entry {head}.",
    ),
    "audit.rewritten": _p(
        "audit.rewritten",
        "The audit chain was rewritten: entry {sequence} no longer has the hash the checkpoint signed.",
    ),
    "audit.extends_checkpoint": _p(
        "audit.extends_checkpoint",
        "It extends the checkpoint of entry {sequence}: nothing up to it changed, and the chain goes on to entry {head}. Countersigned by: {witnesses}.",
    ),
    "audit.checkpoint_refused": _p("audit.checkpoint_refused", "The checkpoint {path} cannot be trusted: {reason}"),
    "audit.checkpoint_unreadable": _p(
        "audit.checkpoint_unreadable",
        "The checkpoint file {path} does not exist or is not a checkpoint (JSON from clearway audit checkpoint).",
    ),
    "audit.checkpoint_unwritable": _p("audit.checkpoint_unwritable", "The checkpoint cannot be written to {path}."),
    "audit.checkpoint_written": _p(
        "audit.checkpoint_written",
        "Checkpoint of entry {sequence} signed and written to {path}; keep it where the database cannot change it.",
    ),
    "audit.hashes_unreadable": _p(
        "audit.hashes_unreadable",
        "The hash list {path} does not exist or is not the JSON served at /api/v1/audit/hashes.",
    ),
    "audit.extension.the hash list is empty": _p(
        "audit.extension.the hash list is empty",
        "The hash list holds no entries from the checkpoint on (it ends before entry {sequence}).",
    ),
    "audit.extension.the hash list does not start at the checkpoint's sequence": _p(
        "audit.extension.the hash list does not start at the checkpoint's sequence",
        "The hash list starts at entry {sequence}, not at the checkpoint's entry: ask for it with since set to the checkpoint's sequence.",
    ),
    "audit.extension.the entry at the checkpoint's sequence has another hash": _p(
        "audit.extension.the entry at the checkpoint's sequence has another hash",
        "Entry {sequence} no longer has the hash the checkpoint signed: the chain was rewritten.",
    ),
    "audit.extension.the hash list skips a sequence number": _p(
        "audit.extension.the hash list skips a sequence number",
        "The hash list skips to entry {sequence}: an entry is missing.",
    ),
    "audit.extension.an entry's hash does not follow from the one before": _p(
        "audit.extension.an entry's hash does not follow from the one before",
        "The hash of entry {sequence} does not follow from the entry before it: the chain does not extend the checkpoint.",
    ),
    "keys.created": _p("keys.created", "Made signing key {key_id}."),
    "keys.replaced": _p(
        "keys.replaced",
        "Retired key {old} (what it signed still verifies) and made key {new} under the configured secret.",
    ),
    "keys.revoked_and_replaced": _p(
        "keys.revoked_and_replaced",
        "Revoked key {old} (nothing it signed verifies any more) and made key {new} under the configured secret.",
    ),
    "keys.nothing_to_rotate": _p(
        "keys.nothing_to_rotate", "Every active key opens with the configured secret; nothing to rotate."
    ),
    "keys.revoked": _p("keys.revoked", "Revoked key {key_id}: nothing it signed verifies any more."),
    "serve.development_secret": _p(
        "serve.development_secret",
        "WARNING: no secret is configured (CLEARWAY_SECRET_KEY), so the signing keys are protected only by the published development secret; every signature made now is flagged as proving nothing.",
    ),
    "settings.keys_need_rotation": _p(
        "settings.keys_need_rotation",
        "The signing keys in this database were made under another secret than the one configured; run {command} to make new keys under this secret, then start again.",
    ),
    "service.keys_need_rotation": _p(
        "service.keys_need_rotation",
        "The signing key cannot be opened with the configured secret; an administrator must run {command}.",
    ),
    "service.key_not_found": _p("service.key_not_found", "There is no signing key {key_id} of your organisation."),
    "service.checkpoint_not_found": _p("service.checkpoint_not_found", "There is no checkpoint of entry {sequence}."),
    "service.bad_sequence": _p("service.bad_sequence", "The sequence {value} is not an audit entry number."),
}
