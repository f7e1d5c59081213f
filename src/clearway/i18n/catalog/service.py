"""Messages of the shared service and its API: why a call was refused."""

MESSAGES: dict[str, dict[str, str]] = {
    "service.unauthenticated": {
        "en": "Sign in first: send a valid API token as 'Authorization: Bearer <token>'.",
        "es": "Inicie sesión primero: envíe un token de API válido como «Authorization: Bearer <token>».",
    },
    "service.bad_login": {
        "en": "The email address or the password is not right.",
        "es": "La dirección de correo o la contraseña no son correctas.",
    },
    "service.forbidden": {
        "en": "Your role ({role}) does not allow this ({permission}).",
        "es": "Su rol ({role}) no permite esta acción ({permission}).",
    },
    "service.only_sending": {
        "en": "Only a sending authority can create requests.",
        "es": "Solo una autoridad de envío puede crear solicitudes.",
    },
    "service.request_not_found": {
        "en": "There is no request {request}.",
        "es": "No existe la solicitud {request}.",
    },
    "service.version_not_found": {
        "en": "Request {request} has no version {version}.",
        "es": "La solicitud {request} no tiene la versión {version}.",
    },
    "service.organisation_not_found": {
        "en": "There is no such organisation.",
        "es": "No existe esa organización.",
    },
    "service.user_not_found": {"en": "There is no such user.", "es": "No existe ese usuario."},
    "service.token_not_found": {"en": "There is no such token.", "es": "No existe ese token."},
    "service.reference_taken": {
        "en": "Your organisation already has a request with the reference {reference}.",
        "es": "Su organización ya tiene una solicitud con la referencia {reference}.",
    },
    "service.reference_fixed": {
        "en": "The reference of a request cannot change; it is {reference}.",
        "es": "La referencia de una solicitud no puede cambiar; es {reference}.",
    },
    "service.wrong_sender": {
        "en": "flight.sending_authority must be your organisation's country, {expected}.",
        "es": "flight.sending_authority debe ser el país de su organización, {expected}.",
    },
    "service.stale_version": {
        "en": "Your edit starts from version {based_on}, but the request is now at version {current}; nothing was saved. Start from version {current}.",
        "es": "Su edición parte de la versión {based_on}, pero la solicitud ya está en la versión {current}; no se ha guardado nada. Parta de la versión {current}.",
    },
    "service.not_editable": {
        "en": "A request in state '{state}' cannot be edited.",
        "es": "No se puede editar una solicitud en estado «{state}».",
    },
    "service.transition_refused": {
        "en": "'{action}' is not possible while the request is '{state}'; nothing was changed.",
        "es": "«{action}» no es posible mientras la solicitud está en «{state}»; no se ha cambiado nada.",
    },
    "service.precheck_errors": {
        "en": "The pre-check still finds {count} error(s) ({codes}); correct them, or submit with a written justification.",
        "es": "La verificación previa aún encuentra {count} error(es) ({codes}); corríjalos o presente la solicitud con una justificación por escrito.",
    },
    "service.not_a_decision": {
        "en": "'{action}' is not a decision: use approve, approve_restricted, request_info or deny.",
        "es": "«{action}» no es una decisión: use approve, approve_restricted, request_info o deny.",
    },
    "service.unknown_reason_codes": {
        "en": "These reason codes are not finding codes or OTHER: {codes}.",
        "es": "Estos códigos de motivo no son códigos de hallazgo ni OTHER: {codes}.",
    },
    "service.other_needs_text": {
        "en": "The reason code OTHER needs an explanation in 'text'.",
        "es": "El código de motivo OTHER necesita una explicación en «text».",
    },
    "service.reason_required": {
        "en": "Give at least one reason code.",
        "es": "Indique al menos un código de motivo.",
    },
    "service.questions_required": {
        "en": "Write the questions for the sending side in 'text'.",
        "es": "Escriba en «text» las preguntas para la parte que envía.",
    },
    "service.restrictions_required": {
        "en": "An approval with restrictions needs excluded passengers (excluded_seqs) or conditions.",
        "es": "Una aprobación con restricciones necesita pasajeros excluidos (excluded_seqs) o condiciones.",
    },
    "service.unknown_seqs": {
        "en": "These seq numbers are not on the manifest: {seqs}.",
        "es": "Estos números seq no figuran en el manifiesto: {seqs}.",
    },
    "service.reception_incomplete": {
        "en": "Say for every passenger whether they were received; missing: seq {seqs}.",
        "es": "Indique para cada pasajero si fue recibido; faltan: seq {seqs}.",
    },
    "service.idempotency_key_reused": {
        "en": "The idempotency key {key} was already used for a different call.",
        "es": "La clave de idempotencia {key} ya se usó para otra llamada.",
    },
    "service.email_taken": {
        "en": "A user with the address {email} already exists.",
        "es": "Ya existe un usuario con la dirección {email}.",
    },
    "service.bad_email": {"en": "That is not an email address.", "es": "Eso no es una dirección de correo."},
    "service.password_too_short": {
        "en": "A password needs at least {minimum} characters.",
        "es": "Una contraseña necesita al menos {minimum} caracteres.",
    },
    "service.receiving_needs_country": {
        "en": "A receiving authority needs its country.",
        "es": "Una autoridad receptora necesita su país.",
    },
    "service.grant_scope": {
        "en": "A grant is for one request or for one agreement, not both and not neither.",
        "es": "Un permiso es para una solicitud o para un acuerdo, no para ambos ni para ninguno.",
    },
    "service.agreement_conflict": {
        "en": "Agreement {id} version {version} is already stored (from {other}) with other content.",
        "es": "El acuerdo {id} versión {version} ya está guardado (de {other}) con otro contenido.",
    },
    "service.body_flight_missing": {
        "en": "The body needs 'flight', an object like a request file.",
        "es": "El cuerpo necesita «flight», un objeto como un archivo de solicitud.",
    },
    "service.body_passengers_missing": {
        "en": "The body needs 'passengers', a list of manifest rows.",
        "es": "El cuerpo necesita «passengers», una lista de filas del manifiesto.",
    },
    "service.body_passenger_not_object": {
        "en": "{field} must be an object of column values.",
        "es": "{field} debe ser un objeto con los valores de las columnas.",
    },
    "service.body_value_type": {
        "en": "{field} must be text or a whole number.",
        "es": "{field} debe ser un texto o un número entero.",
    },
    "service.invalid_input": {
        "en": "The request body is not valid: {problems}.",
        "es": "El cuerpo de la petición no es válido: {problems}.",
    },
    "service.route_not_found": {
        "en": "There is no such address in the API.",
        "es": "No existe esa dirección en la API.",
    },
    "service.method_not_allowed": {
        "en": "This address does not accept that method.",
        "es": "Esta dirección no acepta ese método.",
    },
    "service.internal_error": {
        "en": "Clearway stopped on an internal error; nothing was changed. This is a bug: please report it with the time of the call.",
        "es": "Clearway se detuvo por un error interno; no se ha cambiado nada. Es un fallo: comuníquelo indicando la hora de la llamada.",
    },
    "service.registration_too_long": {
        "en": "The registration '{value}' is longer than {maximum} characters.",
        "es": "La matrícula «{value}» tiene más de {maximum} caracteres.",
    },
    "service.agreement_other_country": {
        "en": "Agreement {id} is for {country}; your organisation may load agreements for {own} only.",
        "es": "El acuerdo {id} es para {country}; su organización solo puede cargar acuerdos para {own}.",
    },
}
