"""Messages of the web application's services: sessions and the pages' own service calls."""

MESSAGES: dict[str, dict[str, str]] = {
    "service.session_expired": {
        "en": "Your session has ended. Sign in again.",
        "es": "Su sesión ha terminado. Inicie sesión de nuevo.",
    },
    "service.unknown_language": {
        "en": "There is no language {language}; choose one of {allowed}.",
        "es": "No existe el idioma {language}; elija uno de {allowed}.",
    },
    "service.passenger_not_found": {
        "en": "The manifest has no passenger with seq {seq}.",
        "es": "El manifiesto no tiene ningún pasajero con seq {seq}.",
    },
}
