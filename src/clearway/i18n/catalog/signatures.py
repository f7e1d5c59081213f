"""Sentences of keys, checkpoints and the development secret (``clearway keys``, ``clearway audit``, serve)."""

MESSAGES: dict[str, dict[str, str]] = {
    "audit.reason.an entry of the old format follows one of the new": {
        "en": "it is written in the chain's old format after entries of the new one (it was rewritten)",
        "es": "está escrita en el formato antiguo de la cadena después de entradas del nuevo (fue reescrita)",
    },
    "audit.tail_cut": {
        "en": "The audit chain was cut: the checkpoint covers entry {sequence}, but the chain now ends at entry {head}.",
        "es": "La cadena de auditoría fue recortada: el punto de control cubre la entrada {sequence}, pero la cadena termina ahora en la entrada {head}.",
    },
    "audit.rewritten": {
        "en": "The audit chain was rewritten: entry {sequence} no longer has the hash the checkpoint signed.",
        "es": "La cadena de auditoría fue reescrita: la entrada {sequence} ya no tiene el hash que firmó el punto de control.",
    },
    "audit.extends_checkpoint": {
        "en": "It extends the checkpoint of entry {sequence}: nothing up to it changed, and the chain goes on to entry {head}. Countersigned by: {witnesses}.",
        "es": "Extiende el punto de control de la entrada {sequence}: nada hasta él ha cambiado y la cadena sigue hasta la entrada {head}. Refrendado por: {witnesses}.",
    },
    "audit.checkpoint_refused": {
        "en": "The checkpoint {path} cannot be trusted: {reason}",
        "es": "No se puede confiar en el punto de control {path}: {reason}",
    },
    "audit.checkpoint_unreadable": {
        "en": "The checkpoint file {path} does not exist or is not a checkpoint (JSON from clearway audit checkpoint).",
        "es": "El archivo de punto de control {path} no existe o no es un punto de control (JSON de clearway audit checkpoint).",
    },
    "audit.checkpoint_unwritable": {
        "en": "The checkpoint cannot be written to {path}.",
        "es": "No se puede escribir el punto de control en {path}.",
    },
    "audit.checkpoint_written": {
        "en": "Checkpoint of entry {sequence} signed and written to {path}; keep it where the database cannot change it.",
        "es": "Punto de control de la entrada {sequence} firmado y escrito en {path}; guárdelo donde la base de datos no pueda cambiarlo.",
    },
    "audit.hashes_unreadable": {
        "en": "The hash list {path} does not exist or is not the JSON served at /api/v1/audit/hashes.",
        "es": "La lista de hashes {path} no existe o no es el JSON que se sirve en /api/v1/audit/hashes.",
    },
    "audit.extension.the hash list is empty": {
        "en": "The hash list holds no entries from the checkpoint on (it ends before entry {sequence}).",
        "es": "La lista de hashes no contiene entradas desde el punto de control (termina antes de la entrada {sequence}).",
    },
    "audit.extension.the hash list does not start at the checkpoint's sequence": {
        "en": "The hash list starts at entry {sequence}, not at the checkpoint's entry: ask for it with since set to the checkpoint's sequence.",
        "es": "La lista de hashes empieza en la entrada {sequence}, no en la del punto de control: pídala con since igual a la secuencia del punto de control.",
    },
    "audit.extension.the entry at the checkpoint's sequence has another hash": {
        "en": "Entry {sequence} no longer has the hash the checkpoint signed: the chain was rewritten.",
        "es": "La entrada {sequence} ya no tiene el hash que firmó el punto de control: la cadena fue reescrita.",
    },
    "audit.extension.the hash list skips a sequence number": {
        "en": "The hash list skips to entry {sequence}: an entry is missing.",
        "es": "La lista de hashes salta a la entrada {sequence}: falta una entrada.",
    },
    "audit.extension.an entry's hash does not follow from the one before": {
        "en": "The hash of entry {sequence} does not follow from the entry before it: the chain does not extend the checkpoint.",
        "es": "El hash de la entrada {sequence} no se deriva de la entrada anterior: la cadena no extiende el punto de control.",
    },
    "keys.created": {
        "en": "Made signing key {key_id}.",
        "es": "Se ha creado la clave de firma {key_id}.",
    },
    "keys.replaced": {
        "en": "Retired key {old} (what it signed still verifies) and made key {new} under the configured secret.",
        "es": "Se ha retirado la clave {old} (lo que firmó se sigue verificando) y se ha creado la clave {new} con el secreto configurado.",
    },
    "keys.revoked_and_replaced": {
        "en": "Revoked key {old} (nothing it signed verifies any more) and made key {new} under the configured secret.",
        "es": "Se ha revocado la clave {old} (nada de lo que firmó se verifica ya) y se ha creado la clave {new} con el secreto configurado.",
    },
    "keys.nothing_to_rotate": {
        "en": "Every active key opens with the configured secret; nothing to rotate.",
        "es": "Todas las claves activas se abren con el secreto configurado; no hay nada que rotar.",
    },
    "keys.revoked": {
        "en": "Revoked key {key_id}: nothing it signed verifies any more.",
        "es": "Se ha revocado la clave {key_id}: nada de lo que firmó se verifica ya.",
    },
    "serve.development_secret": {
        "en": "WARNING: no secret is configured (CLEARWAY_SECRET_KEY), so the signing keys are protected only by the published development secret; every signature made now is flagged as proving nothing.",
        "es": "ADVERTENCIA: no hay ningún secreto configurado (CLEARWAY_SECRET_KEY), así que las claves de firma solo están protegidas por el secreto de desarrollo publicado; cada firma hecha ahora se marca como que no prueba nada.",
    },
    "settings.keys_need_rotation": {
        "en": "The signing keys in this database were made under another secret than the one configured; run {command} to make new keys under this secret, then start again.",
        "es": "Las claves de firma de esta base de datos se crearon con un secreto distinto del configurado; ejecute {command} para crear claves nuevas con este secreto y vuelva a iniciar.",
    },
    "service.keys_need_rotation": {
        "en": "The signing key cannot be opened with the configured secret; an administrator must run {command}.",
        "es": "La clave de firma no se puede abrir con el secreto configurado; un administrador debe ejecutar {command}.",
    },
    "service.key_not_found": {
        "en": "There is no signing key {key_id} of your organisation.",
        "es": "No existe ninguna clave de firma {key_id} de su organización.",
    },
    "service.checkpoint_not_found": {
        "en": "There is no checkpoint of entry {sequence}.",
        "es": "No existe ningún punto de control de la entrada {sequence}.",
    },
    "service.bad_sequence": {
        "en": "The sequence {value} is not an audit entry number.",
        "es": "La secuencia {value} no es un número de entrada de auditoría.",
    },
}
