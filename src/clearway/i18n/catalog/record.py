"""Messages of the shared record: addressing, versions shown, the conversation, events, observer grants."""

MESSAGES: dict[str, dict[str, str]] = {
    "service.sender_without_country": {
        "en": "Your organisation has no country, so it cannot create requests: a request is sent in the name of its sender's country.",
        "es": "Su organización no tiene país, así que no puede crear solicitudes: una solicitud se envía en nombre del país de quien la envía.",
    },
    "service.addressing_fixed": {
        "en": "{field} is fixed when the request is created and cannot change; it is {value}. To send the flight elsewhere, create a new request.",
        "es": "{field} se fija al crear la solicitud y no puede cambiar; es {value}. Para enviar el vuelo a otro destino, cree una nueva solicitud.",
    },
    "service.nothing_decided": {
        "en": "The receiving side has not decided on any version yet; give the version to compare from in 'from'.",
        "es": "La parte receptora aún no ha decidido sobre ninguna versión; indique en «from» la versión desde la que comparar.",
    },
    "service.no_personal_data_grant": {
        "en": "Your organisation's grant for this request does not include personal data: it shows the flight, counts and safeguards only.",
        "es": "El permiso de su organización para esta solicitud no incluye datos personales: muestra solo el vuelo, los recuentos y las salvaguardas.",
    },
    "service.based_on_required": {
        "en": "Say which version this content was made from in 'based_on_version'.",
        "es": "Indique en «based_on_version» de qué versión parte este contenido.",
    },
    "service.text_too_long": {
        "en": "{field} is longer than {maximum} characters.",
        "es": "{field} tiene más de {maximum} caracteres.",
    },
    "service.reply_by_past": {
        "en": "reply_by ({value}) is not in the future.",
        "es": "reply_by ({value}) no está en el futuro.",
    },
    "service.nothing_to_answer": {
        "en": "There is no question to answer: an answer goes with a resubmission after a request for information.",
        "es": "No hay ninguna pregunta que responder: una respuesta acompaña a un reenvío tras una solicitud de información.",
    },
    "service.resubmit_needs_answer": {
        "en": "A resubmission needs an answer to the questions ('answer') or a new version; nothing was changed.",
        "es": "Un reenvío necesita una respuesta a las preguntas («answer») o una nueva versión; no se ha cambiado nada.",
    },
    "service.answer_required": {
        "en": "Write the answer in 'text'.",
        "es": "Escriba la respuesta en «text».",
    },
    "service.only_sending_answers": {
        "en": "Only the sending side answers the questions.",
        "es": "Solo la parte que envía responde a las preguntas.",
    },
    "service.question_not_found": {
        "en": "This request has no question {question}.",
        "es": "Esta solicitud no tiene la pregunta {question}.",
    },
    "service.event_in_future": {
        "en": "{field} ({value}) lies in the future (it is now {now}); record what has happened.",
        "es": "{field} ({value}) está en el futuro (ahora es {now}); registre lo que ya ha ocurrido.",
    },
    "service.event_before_previous": {
        "en": "{field} ({value}) is before the event before it ({previous}).",
        "es": "{field} ({value}) es anterior al evento que lo precede ({previous}).",
    },
    "service.not_an_observer": {
        "en": "{value} is not an observer organisation.",
        "es": "{value} no es una organización observadora.",
    },
    "service.grant_not_found": {
        "en": "Your organisation has given no such grant.",
        "es": "Su organización no ha concedido ese permiso.",
    },
    "service.agreement_not_found": {
        "en": "Your organisation is not a party to an agreement {id}.",
        "es": "Su organización no es parte de ningún acuerdo {id}.",
    },
    "service.record_parties_only": {
        "en": "Only the sending and receiving organisations of a request read its record.",
        "es": "Solo las organizaciones que envían y reciben una solicitud leen su registro.",
    },
    "service.agreement_id_taken": {
        "en": "The agreement id {id} belongs to the agreement between {sending_authority} and {receiving_country}; choose another id.",
        "es": "El identificador de acuerdo {id} pertenece al acuerdo entre {sending_authority} y {receiving_country}; elija otro identificador.",
    },
    "service.form_unknown_field": {
        "en": "The form has a field {field} it does not take; it takes: {allowed}.",
        "es": "El formulario tiene un campo {field} que no admite; admite: {allowed}.",
    },
    "service.form_field_missing": {
        "en": "The form needs the field {field}.",
        "es": "El formulario necesita el campo {field}.",
    },
    "service.form_not_text": {
        "en": "{field} must be text, not a file.",
        "es": "{field} debe ser un texto, no un archivo.",
    },
    "service.form_not_a_version": {
        "en": "{field} must be a version number (1, 2, ...), not '{value}'.",
        "es": "{field} debe ser un número de versión (1, 2, ...), no «{value}».",
    },
    "settings.bad_clock_skew": {
        "en": "CLEARWAY_EVENT_CLOCK_SKEW_SECONDS is {value}; it must be a whole number of seconds.",
        "es": "CLEARWAY_EVENT_CLOCK_SKEW_SECONDS vale {value}; debe ser un número entero de segundos.",
    },
}
