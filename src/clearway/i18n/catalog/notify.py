"""Messages of notifications: webhooks, e-mail, calendar feeds and the delivery worker."""

MESSAGES: dict[str, dict[str, str]] = {
    "settings.bad_value": {
        "en": "The setting {name} cannot be used: {value!r} is not a value it accepts.",
        "es": "No se puede usar el ajuste {name}: {value!r} no es un valor que acepte.",
    },
    "notify.unknown_event_types": {
        "en": "These are not event types: {types}.",
        "es": "Estos no son tipos de evento: {types}.",
    },
    "notify.no_event_types": {
        "en": "Choose at least one event type.",
        "es": "Elija al menos un tipo de evento.",
    },
    "notify.unknown_language": {
        "en": "There are no messages in the language {language}; choose one of {allowed}.",
        "es": "No hay mensajes en el idioma {language}; elija uno de {allowed}.",
    },
    "notify.endpoint_not_found": {
        "en": "Your organisation has no webhook endpoint {endpoint}.",
        "es": "Su organización no tiene el punto de recepción de webhooks {endpoint}.",
    },
    "notify.url_too_long": {
        "en": "The address is longer than {maximum} characters.",
        "es": "La dirección tiene más de {maximum} caracteres.",
    },
    "notify.url_scheme": {
        "en": "The address {url} must start with one of: {schemes} (and name a host).",
        "es": "La dirección {url} debe empezar por uno de: {schemes} (y nombrar un servidor).",
    },
    "notify.url_credentials": {
        "en": "The address must not contain a user name or password; the signature authenticates each call.",
        "es": "La dirección no debe contener usuario ni contraseña; la firma autentica cada llamada.",
    },
    "notify.url_unsafe": {
        "en": "The address {url} cannot receive webhooks: {reason}.",
        "es": "La dirección {url} no puede recibir webhooks: {reason}.",
    },
    "notify.feed_not_found": {
        "en": "There is no calendar feed {feed}.",
        "es": "No existe el calendario {feed}.",
    },
    "notify.delivery_not_found": {
        "en": "Your organisation has no message {message}.",
        "es": "Su organización no tiene el mensaje {message}.",
    },
    "notify.not_dead": {
        "en": "Message {message} is {status}; only a dead letter can be replayed.",
        "es": "El mensaje {message} está en estado {status}; solo se puede reenviar un mensaje fallido definitivamente.",
    },
    "notify.event.request.submitted": {"en": "Request submitted", "es": "Solicitud presentada"},
    "notify.event.request.amended": {"en": "Request amended", "es": "Solicitud modificada"},
    "notify.event.request.info_requested": {"en": "Information requested", "es": "Información solicitada"},
    "notify.event.request.answered": {
        "en": "Information request answered",
        "es": "Solicitud de información respondida",
    },
    "notify.event.request.cancelled": {"en": "Request cancelled", "es": "Solicitud cancelada"},
    "notify.event.decision.made": {"en": "Decision made", "es": "Decisión tomada"},
    "notify.event.clearance.revoked": {"en": "Clearance revoked", "es": "Autorización revocada"},
    "notify.event.clearance.superseded": {"en": "Clearance superseded", "es": "Autorización sustituida"},
    "notify.event.flight.departed": {"en": "Flight departed", "es": "Vuelo despegado"},
    "notify.event.flight.arrived": {"en": "Flight arrived", "es": "Vuelo llegado"},
    "notify.event.reception.confirmed": {"en": "Reception confirmed", "es": "Recepción confirmada"},
    "notify.event.deadline.approaching": {"en": "Deadline approaching", "es": "Plazo próximo a vencer"},
    "notify.email.subject": {
        "en": "Clearway: {event}, request {reference}",
        "es": "Clearway: {event}, solicitud {reference}",
    },
    "notify.email.opening": {
        "en": "{event}: clearance request {reference}.",
        "es": "{event}: solicitud de autorización {reference}.",
    },
    "notify.email.state": {
        "en": "The request is now {state} (version {version}).",
        "es": "La solicitud está ahora en estado {state} (versión {version}).",
    },
    "notify.email.registration_mismatch": {
        "en": "The aircraft that departed is not the one cleared: its registration differs.",
        "es": "La aeronave que despegó no es la autorizada: su matrícula es distinta.",
    },
    "notify.email.deadline.reply_by": {
        "en": "The reply to the information request is due by {due}.",
        "es": "La respuesta a la solicitud de información vence el {due}.",
    },
    "notify.email.deadline.lead_time": {
        "en": "To meet the agreement's lead time, the request must be submitted by {due}.",
        "es": "Para cumplir la antelación del acuerdo, la solicitud debe presentarse antes del {due}.",
    },
    "notify.email.link": {"en": "Open the request: {link}", "es": "Abrir la solicitud: {link}"},
    "notify.email.why": {
        "en": "You receive this because you chose these notifications in Clearway. This message names no one on board.",
        "es": "Recibe este mensaje porque eligió estas notificaciones en Clearway. Este mensaje no nombra a nadie a bordo.",
    },
    "notify.ics.summary": {
        "en": "Arrival {reference} at {airport}",
        "es": "Llegada {reference} a {airport}",
    },
    "notify.ics.state": {
        "en": "State: {state} (version {version})",
        "es": "Estado: {state} (versión {version})",
    },
    "notify.ics.route": {"en": "Leg: {origin} to {destination}", "es": "Tramo: de {origin} a {destination}"},
    "notify.ics.clearance": {"en": "Clearance number: {number}", "es": "Número de autorización: {number}"},
    "worker.started": {
        "en": "Delivering notifications from {database} (Ctrl-C or SIGTERM stops after the delivery in flight).",
        "es": "Entregando notificaciones desde {database} (Ctrl-C o SIGTERM detiene tras la entrega en curso).",
    },
    "worker.stopped": {
        "en": "Stopped after {count} deliveries.",
        "es": "Detenido tras {count} entregas.",
    },
    "worker.sqlite_one": {
        "en": "On SQLite run one worker only (or none: the demo delivers from its own process).",
        "es": "Con SQLite ejecute un solo proceso de entrega (o ninguno: la demostración entrega desde su propio proceso).",
    },
    "demo.webhook": {
        "en": "Webhooks of {organisation} go to {url} (signing secret {secret}); deliveries: GET {address}/api/v1/webhooks/deliveries as its admin.",
        "es": "Los webhooks de {organisation} van a {url} (secreto de firma {secret}); entregas: GET {address}/api/v1/webhooks/deliveries como su administrador.",
    },
    "demo.calendar": {
        "en": "Arrivals calendar of {organisation}: {url}",
        "es": "Calendario de llegadas de {organisation}: {url}",
    },
}
