"""Sentences of the service commands (demo, audit, agreements, holds)."""

MESSAGES: dict[str, dict[str, str]] = {
    "usage.missing_option": {
        "en": "{command}: the option {option} is required; see '{command} --help'.",
        "es": "{command}: la opción {option} es obligatoria; consulte '{command} --help'.",
    },
    "usage.no_such_option": {
        "en": "{command}: there is no option {option}; see '{command} --help'.",
        "es": "{command}: no existe la opción {option}; consulte '{command} --help'.",
    },
    "usage.bad_value": {
        "en": "{command}: the value given for {option} is not one it accepts; see '{command} --help'.",
        "es": "{command}: el valor indicado para {option} no es uno de los que acepta; consulte '{command} --help'.",
    },
    "usage.unusable": {
        "en": "{command}: these arguments cannot be used; see '{command} --help'.",
        "es": "{command}: estos argumentos no se pueden usar; consulte '{command} --help'.",
    },
    "demo.ready": {
        "en": "Clearway demo: {address} (API under {address}/api/v1, documentation at {address}/api/v1/docs). Embedded database: {database}",
        "es": "Demostración de Clearway: {address} (API en {address}/api/v1, documentación en {address}/api/v1/docs). Base de datos integrada: {database}",
    },
    "demo.password": {
        "en": "Logins (password for every user: {password}); each line gives the user's API token:",
        "es": "Accesos (contraseña de todos los usuarios: {password}); cada línea indica el token de API del usuario:",
    },
    "demo.try": {
        "en": "Try: curl -H 'Authorization: Bearer {token}' {address}/api/v1/requests",
        "es": "Pruebe: curl -H 'Authorization: Bearer {token}' {address}/api/v1/requests",
    },
    "audit.intact": {
        "en": "The audit chain is intact: {count} entries verified.",
        "es": "La cadena de auditoría está intacta: {count} entradas verificadas.",
    },
    "audit.broken": {
        "en": "The audit chain is broken at entry {sequence} (the {position}th read): {reason}.",
        "es": "La cadena de auditoría está rota en la entrada {sequence} (la {position}.ª leída): {reason}.",
    },
    "audit.reason.hash does not match its content": {
        "en": "its hash does not match its content (it was altered)",
        "es": "su hash no coincide con su contenido (fue alterada)",
    },
    "audit.reason.previous_hash does not match the record before": {
        "en": "it does not point to the entry before it (an entry was removed or replaced)",
        "es": "no apunta a la entrada anterior (se eliminó o sustituyó una entrada)",
    },
    "audit.reason.sequence gap": {
        "en": "its number does not follow the entry before it (an entry is missing)",
        "es": "su número no sigue al de la entrada anterior (falta una entrada)",
    },
    "agreements.loaded": {
        "en": "Stored agreement {id} version {version} from {path}.",
        "es": "Se ha guardado el acuerdo {id} versión {version} de {path}.",
    },
    "agreements.unchanged": {
        "en": "Agreement {id} version {version} ({path}) was already stored; nothing changed.",
        "es": "El acuerdo {id} versión {version} ({path}) ya estaba guardado; no ha cambiado nada.",
    },
    "holds.imported": {
        "en": "Imported {path} as the current legal-hold list of {organisation}: {rows} rows, {invalid} unreadable.",
        "es": "Se ha importado {path} como lista actual de retenciones legales de {organisation}: {rows} filas, {invalid} ilegibles.",
    },
    "holds.unknown_organisation": {
        "en": "There is no organisation named '{organisation}'.",
        "es": "No existe ninguna organización llamada «{organisation}».",
    },
}
