"""Messages of the shared service and its API: why a call was refused."""

from clearway.i18n.message import Message, _np, _p

MESSAGES: dict[str, Message] = {
    "service.unauthenticated": _p(
        "service.unauthenticated", "Sign in first: send a valid API token as 'Authorization: Bearer <token>'."
    ),
    "service.bad_login": _p("service.bad_login", "The email address or the password is not right."),
    "service.forbidden": _p("service.forbidden", "Your role ({role}) does not allow this ({permission})."),
    "service.only_sending": _p("service.only_sending", "Only a sending authority can create requests."),
    "service.request_not_found": _p("service.request_not_found", "There is no request {request}."),
    "service.version_not_found": _p("service.version_not_found", "Request {request} has no version {version}."),
    "service.organisation_not_found": _p("service.organisation_not_found", "There is no such organisation."),
    "service.user_not_found": _p("service.user_not_found", "There is no such user."),
    "service.token_not_found": _p("service.token_not_found", "There is no such token."),
    "service.reference_taken": _p(
        "service.reference_taken", "Your organisation already has a request with the reference {reference}."
    ),
    "service.reference_fixed": _p(
        "service.reference_fixed", "The reference of a request cannot change; it is {reference}."
    ),
    "service.wrong_sender": _p(
        "service.wrong_sender", "flight.sending_authority must be your organisation's country, {expected}."
    ),
    "service.stale_version": _p(
        "service.stale_version",
        "Your edit starts from version {based_on}, but the request is now at version {current}; nothing was saved. Start from version {current}.",
    ),
    "service.not_editable": _p("service.not_editable", "A request in state '{state}' cannot be edited."),
    "service.transition_refused": _p(
        "service.transition_refused", "'{action}' is not possible while the request is '{state}'; nothing was changed."
    ),
    "service.precheck_errors": _np(
        "service.precheck_errors",
        "The pre-check still finds {count} error ({codes}); correct it, or submit with a written justification.",
        "The pre-check still finds {count} errors ({codes}); correct them, or submit with a written justification.",
        "count",
    ),
    "service.not_a_decision": _p(
        "service.not_a_decision", "'{action}' is not a decision: use approve, approve_restricted, request_info or deny."
    ),
    "service.unknown_reason_codes": _p(
        "service.unknown_reason_codes", "These reason codes are not finding codes or OTHER: {codes}."
    ),
    "service.other_needs_text": _p("service.other_needs_text", "The reason code OTHER needs an explanation in 'text'."),
    "service.reason_required": _p("service.reason_required", "Give at least one reason code."),
    "service.questions_required": _p(
        "service.questions_required", "Write the questions for the sending side in 'text'."
    ),
    "service.restrictions_required": _p(
        "service.restrictions_required",
        "An approval with restrictions needs excluded passengers (excluded_seqs) or conditions.",
    ),
    "service.unknown_seqs": _p("service.unknown_seqs", "These seq numbers are not on the manifest: {seqs}."),
    "service.reception_incomplete": _p(
        "service.reception_incomplete", "Say for every passenger whether they were received; missing: seq {seqs}."
    ),
    "service.idempotency_key_reused": _p(
        "service.idempotency_key_reused", "The idempotency key {key} was already used for a different call."
    ),
    "service.email_taken": _p("service.email_taken", "A user with the address {email} already exists."),
    "service.bad_email": _p("service.bad_email", "That is not an email address."),
    "service.password_too_short": _p("service.password_too_short", "A password needs at least {minimum} characters."),
    "service.receiving_needs_country": _p(
        "service.receiving_needs_country", "A receiving authority needs its country."
    ),
    "service.grant_scope": _p(
        "service.grant_scope", "A grant is for one request or for one agreement, not both and not neither."
    ),
    "service.agreement_conflict": _p(
        "service.agreement_conflict",
        "Agreement {id} version {version} is already stored (from {other}) with other content.",
    ),
    "service.body_flight_missing": _p(
        "service.body_flight_missing", "The body needs 'flight', an object like a request file."
    ),
    "service.body_passengers_missing": _p(
        "service.body_passengers_missing", "The body needs 'passengers', a list of manifest rows."
    ),
    "service.body_passenger_not_object": _p(
        "service.body_passenger_not_object", "{field} must be an object of column values."
    ),
    "service.body_value_type": _p("service.body_value_type", "{field} must be text or a whole number."),
    "service.invalid_input": _p("service.invalid_input", "The request body is not valid: {problems}."),
    "service.route_not_found": _p("service.route_not_found", "There is no such address in the API."),
    "service.method_not_allowed": _p("service.method_not_allowed", "This address does not accept that method."),
    "service.internal_error": _p(
        "service.internal_error",
        "Clearway stopped on an internal error; nothing was changed. This is a bug: please report it with the time of the call.",
    ),
    "service.registration_too_long": _p(
        "service.registration_too_long", "The registration '{value}' is longer than {maximum} characters."
    ),
    "service.agreement_other_country": _p(
        "service.agreement_other_country",
        "Agreement {id} is for {country}; your organisation may load agreements for {own} only.",
    ),
}
