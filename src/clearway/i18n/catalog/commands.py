"""Sentences of the service commands (demo, audit, agreements, holds)."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "usage.missing_option": _p(
        "usage.missing_option", "{command}: the option {option} is required; see '{command} --help'."
    ),
    "usage.no_such_option": _p(
        "usage.no_such_option", "{command}: there is no option {option}; see '{command} --help'."
    ),
    "usage.bad_value": _p(
        "usage.bad_value", "{command}: the value given for {option} is not one it accepts; see '{command} --help'."
    ),
    "usage.unusable": _p("usage.unusable", "{command}: these arguments cannot be used; see '{command} --help'."),
    "demo.ready": _p(
        "demo.ready",
        "Clearway demo: {address} (API under {address}/api/v1, documentation at {address}/api/v1/docs). Embedded database: {database}",
    ),
    "demo.password": _p(
        "demo.password", "Logins (password for every user: {password}); each line gives the user's API token:"
    ),
    "demo.try": _p("demo.try", "Try: curl -H 'Authorization: Bearer {token}' {address}/api/v1/requests"),
    "audit.intact": _p("audit.intact", "The audit chain is intact: {count} entries verified."),
    "audit.broken": _p(
        "audit.broken", "The audit chain is broken at entry {sequence} (the {position}th read): {reason}."
    ),
    "audit.reason.hash does not match its content": _p(
        "audit.reason.hash does not match its content", "its hash does not match its content (it was altered)"
    ),
    "audit.reason.previous_hash does not match the record before": _p(
        "audit.reason.previous_hash does not match the record before",
        "it does not point to the entry before it (an entry was removed or replaced)",
    ),
    "audit.reason.sequence gap": _p(
        "audit.reason.sequence gap", "its number does not follow the entry before it (an entry is missing)"
    ),
    "agreements.loaded": _p("agreements.loaded", "Stored agreement {id} version {version} from {path}."),
    "agreements.unchanged": _p(
        "agreements.unchanged", "Agreement {id} version {version} ({path}) was already stored; nothing changed."
    ),
    "holds.imported": _p(
        "holds.imported",
        "Imported {path} as the current legal-hold list of {organisation}: {rows} rows, {invalid} unreadable.",
    ),
    "holds.unknown_organisation": _p("holds.unknown_organisation", "There is no organisation named '{organisation}'."),
}
