"""Messages of the API's edge: sizes, sign-in throttling, tokens, and the validation of a call's input.

``validation.<type>`` sentences translate pydantic's error types (``missing``,
``string_too_long``...) so that a Spanish caller never reads English inside a Spanish
sentence; a type without a sentence of its own is said by ``validation.invalid``.
"""

MESSAGES: dict[str, dict[str, str]] = {
    "service.body_too_large": {
        "en": "The request body is larger than the {limit} bytes this service accepts; nothing was read or changed.",
        "es": "El cuerpo de la petición supera los {limit} bytes que acepta este servicio; no se ha leído ni cambiado nada.",
    },
    "service.unreadable_body": {
        "en": "The request body cannot be read as {media_type}; nothing was changed.",
        "es": "El cuerpo de la petición no se puede leer como {media_type}; no se ha cambiado nada.",
    },
    "service.invalid_parameters": {
        "en": "The call's parameters are not valid: {problems}.",
        "es": "Los parámetros de la llamada no son válidos: {problems}.",
    },
    "service.too_many_logins": {
        "en": "Too many failed sign-ins for this account or from this address; try again in {minutes} minutes.",
        "es": "Demasiados intentos fallidos de inicio de sesión para esta cuenta o desde esta dirección; inténtelo de nuevo dentro de {minutes} minutos.",
    },
    "service.wrong_side": {
        "en": "Only the {side} side of a flight may do this; your organisation is on the {own} side.",
        "es": "Solo la parte {side} de un vuelo puede hacer esto; su organización es de la parte {own}.",
    },
    "service.cannot_deactivate_self": {
        "en": "You cannot deactivate your own account; ask another administrator.",
        "es": "No puede desactivar su propia cuenta; pídaselo a otro administrador.",
    },
    "service.token_expiry_too_far": {
        "en": "A token may last at most {maximum} days.",
        "es": "Un token puede durar como máximo {maximum} días.",
    },
    "term.side.sending": {"en": "sending", "es": "de envío"},
    "term.side.receiving": {"en": "receiving", "es": "de recepción"},
    "term.side.observer": {"en": "observing", "es": "de observación"},
    "validation.in.body": {"en": "in the body", "es": "en el cuerpo"},
    "validation.in.query": {"en": "query parameter", "es": "parámetro de consulta"},
    "validation.in.path": {"en": "in the address", "es": "en la dirección"},
    "validation.in.header": {"en": "header", "es": "cabecera"},
    "validation.missing": {"en": "required, but missing", "es": "obligatorio, pero falta"},
    "validation.invalid": {"en": "not a valid value", "es": "no es un valor válido"},
    "validation.string_type": {"en": "must be text", "es": "debe ser un texto"},
    "validation.int_type": {"en": "must be a whole number", "es": "debe ser un número entero"},
    "validation.int_parsing": {"en": "must be a whole number", "es": "debe ser un número entero"},
    "validation.int_from_float": {"en": "must be a whole number", "es": "debe ser un número entero"},
    "validation.float_type": {"en": "must be a number", "es": "debe ser un número"},
    "validation.float_parsing": {"en": "must be a number", "es": "debe ser un número"},
    "validation.finite_number": {"en": "must be a finite number", "es": "debe ser un número finito"},
    "validation.bool_type": {"en": "must be true or false", "es": "debe ser true o false"},
    "validation.bool_parsing": {"en": "must be true or false", "es": "debe ser true o false"},
    "validation.dict_type": {"en": "must be an object", "es": "debe ser un objeto"},
    "validation.model_type": {"en": "must be an object", "es": "debe ser un objeto"},
    "validation.model_attributes_type": {"en": "must be an object", "es": "debe ser un objeto"},
    "validation.list_type": {"en": "must be a list", "es": "debe ser una lista"},
    "validation.json_invalid": {"en": "is not valid JSON", "es": "no es JSON válido"},
    "validation.json_type": {"en": "is not valid JSON", "es": "no es JSON válido"},
    "validation.string_too_short": {
        "en": "must have at least {min_length} characters",
        "es": "debe tener al menos {min_length} caracteres",
    },
    "validation.string_too_long": {
        "en": "must have at most {max_length} characters",
        "es": "debe tener como máximo {max_length} caracteres",
    },
    "validation.too_short": {
        "en": "must have at least {min_length} items",
        "es": "debe tener al menos {min_length} elementos",
    },
    "validation.too_long": {
        "en": "must have at most {max_length} items",
        "es": "debe tener como máximo {max_length} elementos",
    },
    "validation.greater_than_equal": {"en": "must be {ge} or more", "es": "debe ser {ge} o más"},
    "validation.greater_than": {"en": "must be more than {gt}", "es": "debe ser mayor que {gt}"},
    "validation.less_than_equal": {"en": "must be {le} or less", "es": "debe ser {le} o menos"},
    "validation.less_than": {"en": "must be less than {lt}", "es": "debe ser menor que {lt}"},
    "validation.string_pattern_mismatch": {
        "en": "has characters or a form that is not allowed",
        "es": "tiene caracteres o una forma no permitidos",
    },
    "validation.enum": {"en": "must be one of: {expected}", "es": "debe ser uno de: {expected}"},
    "validation.literal_error": {"en": "must be one of: {expected}", "es": "debe ser uno de: {expected}"},
    "validation.extra_forbidden": {"en": "is not a known field", "es": "no es un campo conocido"},
    "validation.datetime_type": {
        "en": "must be a date and time (ISO 8601)",
        "es": "debe ser una fecha y hora (ISO 8601)",
    },
    "validation.datetime_parsing": {
        "en": "must be a date and time (ISO 8601)",
        "es": "debe ser una fecha y hora (ISO 8601)",
    },
    "validation.datetime_from_date_parsing": {
        "en": "must be a date and time (ISO 8601)",
        "es": "debe ser una fecha y hora (ISO 8601)",
    },
    "validation.date_type": {"en": "must be a date (ISO 8601)", "es": "debe ser una fecha (ISO 8601)"},
    "validation.date_parsing": {"en": "must be a date (ISO 8601)", "es": "debe ser una fecha (ISO 8601)"},
    "validation.date_from_datetime_parsing": {
        "en": "must be a date (ISO 8601)",
        "es": "debe ser una fecha (ISO 8601)",
    },
    "validation.timezone_aware": {
        "en": "must say its time zone offset (Z or +hh:mm)",
        "es": "debe indicar su desfase horario (Z o +hh:mm)",
    },
    "validation.timezone_naive": {
        "en": "must not have a time zone offset",
        "es": "no debe tener desfase horario",
    },
    "validation.uuid_type": {"en": "must be an identifier (UUID)", "es": "debe ser un identificador (UUID)"},
    "validation.uuid_parsing": {"en": "must be an identifier (UUID)", "es": "debe ser un identificador (UUID)"},
    "validation.value_error": {"en": "not a valid value", "es": "no es un valor válido"},
}
