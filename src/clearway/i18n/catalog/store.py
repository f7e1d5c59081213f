"""Messages for the database and the settings (``clearway.store``, ``clearway.settings``, ``clearway db``)."""

from __future__ import annotations

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "db.not_migrated": _p(
        "db.not_migrated", "The database {url} has not been set up for this version of Clearway; run {command} first."
    ),
    "db.unreachable": _p("db.unreachable", "Cannot connect to the database {url}: {reason}"),
    "db.newer_than_code": _p(
        "db.newer_than_code",
        "The database {url} has schema revision {revision}, which this version of Clearway does not know: a newer version upgraded it. Install that version or a later one.",
    ),
    "db.created": _p("db.created", "Created the Clearway tables in {url} (schema revision {revision})."),
    "db.upgraded": _p("db.upgraded", "Upgraded the database {url} from schema revision {before} to {after}."),
    "db.up_to_date": _p(
        "db.up_to_date", "The database {url} is already at the latest schema revision ({revision}); nothing to do."
    ),
    "settings.unknown_environment": _p(
        "settings.unknown_environment", "CLEARWAY_ENVIRONMENT is {value}, which is not one of {allowed}."
    ),
    "settings.default_secret_in_production": _p(
        "settings.default_secret_in_production",
        "Clearway will not start in production without its own secret key: set CLEARWAY_SECRET_KEY to a random value of at least {min_length} characters (the development key is public).",
    ),
    "settings.secret_too_short": _p(
        "settings.secret_too_short",
        "CLEARWAY_SECRET_KEY is too short for production: it has {length} characters and needs at least {min_length}.",
    ),
    "settings.unsupported_database": _p(
        "settings.unsupported_database",
        "The database address {url} uses {scheme}, which Clearway does not support; use one of these forms: {supported}.",
    ),
    "settings.bad_limit": _p(
        "settings.bad_limit", "{name} is '{value}'; a limit must be a whole number of at least 1."
    ),
}
