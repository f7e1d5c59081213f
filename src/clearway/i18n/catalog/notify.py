"""Messages of notifications: webhooks, e-mail, calendar feeds and the delivery worker."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "settings.bad_value": _p(
        "settings.bad_value", "The setting {name} cannot be used: {value!r} is not a value it accepts."
    ),
    "notify.unknown_event_types": _p("notify.unknown_event_types", "These are not event types: {types}."),
    "notify.no_event_types": _p("notify.no_event_types", "Choose at least one event type."),
    "notify.unknown_language": _p(
        "notify.unknown_language", "There are no messages in the language {language}; choose one of {allowed}."
    ),
    "notify.endpoint_not_found": _p(
        "notify.endpoint_not_found", "Your organisation has no webhook endpoint {endpoint}."
    ),
    "notify.url_too_long": _p("notify.url_too_long", "The address is longer than {maximum} characters."),
    "notify.url_scheme": _p(
        "notify.url_scheme", "The address {url} must start with one of: {schemes} (and name a host)."
    ),
    "notify.url_credentials": _p(
        "notify.url_credentials",
        "The address must not contain a user name or password; the signature authenticates each call.",
    ),
    "notify.url_unsafe": _p("notify.url_unsafe", "The address {url} cannot receive webhooks: {reason}."),
    "notify.feed_not_found": _p("notify.feed_not_found", "There is no calendar feed {feed}."),
    "notify.delivery_not_found": _p("notify.delivery_not_found", "Your organisation has no message {message}."),
    "notify.not_dead": _p("notify.not_dead", "Message {message} is {status}; only a dead letter can be replayed."),
    "notify.event.request.submitted": _p("notify.event.request.submitted", "Request submitted"),
    "notify.event.request.amended": _p("notify.event.request.amended", "Request amended"),
    "notify.event.request.info_requested": _p("notify.event.request.info_requested", "Information requested"),
    "notify.event.request.answered": _p("notify.event.request.answered", "Information request answered"),
    "notify.event.request.cancelled": _p("notify.event.request.cancelled", "Request cancelled"),
    "notify.event.decision.made": _p("notify.event.decision.made", "Decision made"),
    "notify.event.clearance.revoked": _p("notify.event.clearance.revoked", "Clearance revoked"),
    "notify.event.clearance.superseded": _p("notify.event.clearance.superseded", "Clearance superseded"),
    "notify.event.flight.departed": _p("notify.event.flight.departed", "Flight departed"),
    "notify.event.flight.arrived": _p("notify.event.flight.arrived", "Flight arrived"),
    "notify.event.reception.confirmed": _p("notify.event.reception.confirmed", "Reception confirmed"),
    "notify.event.deadline.approaching": _p("notify.event.deadline.approaching", "Deadline approaching"),
    "notify.email.subject": _p("notify.email.subject", "Clearway: {event}, request {reference}"),
    "notify.email.opening": _p("notify.email.opening", "{event}: clearance request {reference}."),
    "notify.email.state": _p("notify.email.state", "The request is now {state} (version {version})."),
    "notify.email.registration_mismatch": _p(
        "notify.email.registration_mismatch",
        "The aircraft that departed is not the one cleared: its registration differs.",
    ),
    "notify.email.deadline.reply_by": _p(
        "notify.email.deadline.reply_by", "The reply to the information request is due by {due}."
    ),
    "notify.email.deadline.lead_time": _p(
        "notify.email.deadline.lead_time", "To meet the agreement's lead time, the request must be submitted by {due}."
    ),
    "notify.email.link": _p("notify.email.link", "Open the request: {link}"),
    "notify.email.why": _p(
        "notify.email.why",
        "You receive this because you chose these notifications in Clearway. This message names no one on board.",
    ),
    "notify.ics.summary": _p("notify.ics.summary", "Arrival {reference} at {airport}"),
    "notify.ics.state": _p("notify.ics.state", "State: {state} (version {version})"),
    "notify.ics.route": _p("notify.ics.route", "Leg: {origin} to {destination}"),
    "notify.ics.clearance": _p("notify.ics.clearance", "Clearance number: {number}"),
    "worker.started": _p(
        "worker.started",
        "Delivering notifications from {database} (Ctrl-C or SIGTERM stops after the delivery in flight).",
    ),
    "worker.stopped": _p("worker.stopped", "Stopped after {count} deliveries."),
    "worker.sqlite_one": _p(
        "worker.sqlite_one", "On SQLite run one worker only (or none: the demo delivers from its own process)."
    ),
    "demo.webhook": _p(
        "demo.webhook",
        "Webhooks of {organisation} go to {url} (signing secret {secret}); deliveries: GET {address}/api/v1/webhooks/deliveries as its admin.",
    ),
    "demo.calendar": _p("demo.calendar", "Arrivals calendar of {organisation}: {url}"),
}
