"""Messages of the API's edge: sizes, sign-in throttling, tokens, and the validation of a call's input.

``validation.<type>`` sentences translate pydantic's error types (``missing``,
``string_too_long``...) so that a Spanish caller never reads English inside a Spanish
sentence; a type without a sentence of its own is said by ``validation.invalid``.
"""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "service.body_too_large": _p(
        "service.body_too_large",
        "The request body is larger than the {limit} bytes this service accepts; nothing was read or changed.",
    ),
    "service.unreadable_body": _p(
        "service.unreadable_body", "The request body cannot be read as {media_type}; nothing was changed."
    ),
    "service.invalid_parameters": _p("service.invalid_parameters", "The call's parameters are not valid: {problems}."),
    "service.too_many_logins": _p(
        "service.too_many_logins",
        "Too many failed sign-ins for this account or from this address; try again in {minutes} minutes.",
    ),
    "service.wrong_side": _p(
        "service.wrong_side", "Only the {side} side of a flight may do this; your organisation is on the {own} side."
    ),
    "service.cannot_deactivate_self": _p(
        "service.cannot_deactivate_self", "You cannot deactivate your own account; ask another administrator."
    ),
    "service.token_expiry_too_far": _p("service.token_expiry_too_far", "A token may last at most {maximum} days."),
    "term.side.sending": _p("term.side.sending", "sending"),
    "term.side.receiving": _p("term.side.receiving", "receiving"),
    "term.side.observer": _p("term.side.observer", "observing"),
    "validation.in.body": _p("validation.in.body", "in the body"),
    "validation.in.query": _p("validation.in.query", "query parameter"),
    "validation.in.path": _p("validation.in.path", "in the address"),
    "validation.in.header": _p("validation.in.header", "header"),
    "validation.missing": _p("validation.missing", "required, but missing"),
    "validation.invalid": _p("validation.invalid", "not a valid value"),
    "validation.string_type": _p("validation.string_type", "must be text"),
    "validation.int_type": _p("validation.int_type", "must be a whole number"),
    "validation.int_parsing": _p("validation.int_parsing", "must be a whole number"),
    "validation.int_from_float": _p("validation.int_from_float", "must be a whole number"),
    "validation.float_type": _p("validation.float_type", "must be a number"),
    "validation.float_parsing": _p("validation.float_parsing", "must be a number"),
    "validation.finite_number": _p("validation.finite_number", "must be a finite number"),
    "validation.bool_type": _p("validation.bool_type", "must be true or false"),
    "validation.bool_parsing": _p("validation.bool_parsing", "must be true or false"),
    "validation.dict_type": _p("validation.dict_type", "must be an object"),
    "validation.model_type": _p("validation.model_type", "must be an object"),
    "validation.model_attributes_type": _p("validation.model_attributes_type", "must be an object"),
    "validation.list_type": _p("validation.list_type", "must be a list"),
    "validation.json_invalid": _p("validation.json_invalid", "is not valid JSON"),
    "validation.json_type": _p("validation.json_type", "is not valid JSON"),
    "validation.string_too_short": _p("validation.string_too_short", "must have at least {min_length} characters"),
    "validation.string_too_long": _p("validation.string_too_long", "must have at most {max_length} characters"),
    "validation.too_short": _p("validation.too_short", "must have at least {min_length} items"),
    "validation.too_long": _p("validation.too_long", "must have at most {max_length} items"),
    "validation.greater_than_equal": _p("validation.greater_than_equal", "must be {ge} or more"),
    "validation.greater_than": _p("validation.greater_than", "must be more than {gt}"),
    "validation.less_than_equal": _p("validation.less_than_equal", "must be {le} or less"),
    "validation.less_than": _p("validation.less_than", "must be less than {lt}"),
    "validation.string_pattern_mismatch": _p(
        "validation.string_pattern_mismatch", "has characters or a form that is not allowed"
    ),
    "validation.enum": _p("validation.enum", "must be one of: {expected}"),
    "validation.literal_error": _p("validation.literal_error", "must be one of: {expected}"),
    "validation.extra_forbidden": _p("validation.extra_forbidden", "is not a known field"),
    "validation.datetime_type": _p("validation.datetime_type", "must be a date and time (ISO 8601)"),
    "validation.datetime_parsing": _p("validation.datetime_parsing", "must be a date and time (ISO 8601)"),
    "validation.datetime_from_date_parsing": _p(
        "validation.datetime_from_date_parsing", "must be a date and time (ISO 8601)"
    ),
    "validation.date_type": _p("validation.date_type", "must be a date (ISO 8601)"),
    "validation.date_parsing": _p("validation.date_parsing", "must be a date (ISO 8601)"),
    "validation.date_from_datetime_parsing": _p("validation.date_from_datetime_parsing", "must be a date (ISO 8601)"),
    "validation.timezone_aware": _p("validation.timezone_aware", "must say its time zone offset (Z or +hh:mm)"),
    "validation.timezone_naive": _p("validation.timezone_naive", "must not have a time zone offset"),
    "validation.uuid_type": _p("validation.uuid_type", "must be an identifier (UUID)"),
    "validation.uuid_parsing": _p("validation.uuid_parsing", "must be an identifier (UUID)"),
    "validation.value_error": _p("validation.value_error", "not a valid value"),
}
