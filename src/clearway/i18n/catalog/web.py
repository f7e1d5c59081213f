"""Messages of the web application's services: sessions and the pages' own service calls."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "service.session_expired": _p("service.session_expired", "Your session has ended. Sign in again."),
    "service.unknown_language": _p(
        "service.unknown_language", "There is no language {language}; choose one of {allowed}."
    ),
    "service.passenger_not_found": _p("service.passenger_not_found", "The manifest has no passenger with seq {seq}."),
}
