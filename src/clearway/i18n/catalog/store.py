"""Messages for the database and the settings (``clearway.store``, ``clearway.settings``, ``clearway db``)."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "db.not_migrated": {
        "en": "The database {url} has not been set up for this version of Clearway; run {command} first.",
        "es": "La base de datos {url} no está preparada para esta versión de Clearway; ejecute primero {command}.",
    },
    "db.unreachable": {
        "en": "Cannot connect to the database {url}: {reason}",
        "es": "No se puede conectar con la base de datos {url}: {reason}",
    },
    "db.newer_than_code": {
        "en": "The database {url} has schema revision {revision}, which this version of Clearway does not know: a newer version upgraded it. Install that version or a later one.",
        "es": "La base de datos {url} tiene la revisión de esquema {revision}, que esta versión de Clearway no conoce: la actualizó una versión más reciente. Instale esa versión o una posterior.",
    },
    "db.created": {
        "en": "Created the Clearway tables in {url} (schema revision {revision}).",
        "es": "Se crearon las tablas de Clearway en {url} (revisión de esquema {revision}).",
    },
    "db.upgraded": {
        "en": "Upgraded the database {url} from schema revision {before} to {after}.",
        "es": "Se actualizó la base de datos {url} de la revisión de esquema {before} a la {after}.",
    },
    "db.up_to_date": {
        "en": "The database {url} is already at the latest schema revision ({revision}); nothing to do.",
        "es": "La base de datos {url} ya está en la última revisión de esquema ({revision}); no hay nada que hacer.",
    },
    "settings.unknown_environment": {
        "en": "CLEARWAY_ENVIRONMENT is {value}, which is not one of {allowed}.",
        "es": "CLEARWAY_ENVIRONMENT vale {value}, que no es ninguno de estos valores: {allowed}.",
    },
    "settings.default_secret_in_production": {
        "en": "Clearway will not start in production without its own secret key: set CLEARWAY_SECRET_KEY to a random value of at least {min_length} characters (the development key is public).",
        "es": "Clearway no arranca en producción sin una clave secreta propia: asigne a CLEARWAY_SECRET_KEY un valor aleatorio de al menos {min_length} caracteres (la clave de desarrollo es pública).",
    },
    "settings.secret_too_short": {
        "en": "CLEARWAY_SECRET_KEY is too short for production: it has {length} characters and needs at least {min_length}.",
        "es": "CLEARWAY_SECRET_KEY es demasiado corta para producción: tiene {length} caracteres y necesita al menos {min_length}.",
    },
    "settings.unsupported_database": {
        "en": "The database address {url} uses {scheme}, which Clearway does not support; use one of these forms: {supported}.",
        "es": "La dirección de base de datos {url} usa {scheme}, que Clearway no admite; use una de estas formas: {supported}.",
    },
    "settings.bad_limit": {
        "en": "{name} is '{value}'; a limit must be a whole number of at least 1.",
        "es": "{name} vale «{value}»; un límite debe ser un número entero de al menos 1.",
    },
}
