"""Messages of the shared record: addressing, versions shown, the conversation, events, observer grants."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "service.sender_without_country": _p(
        "service.sender_without_country",
        "Your organisation has no country, so it cannot create requests: a request is sent in the name of its sender's country.",
    ),
    "service.addressing_fixed": _p(
        "service.addressing_fixed",
        "{field} is fixed when the request is created and cannot change; it is {value}. To send the flight elsewhere, create a new request.",
    ),
    "service.nothing_decided": _p(
        "service.nothing_decided",
        "The receiving side has not decided on any version yet; give the version to compare from in 'from'.",
    ),
    "service.no_personal_data_grant": _p(
        "service.no_personal_data_grant",
        "Your organisation's grant for this request does not include personal data: it shows the flight, counts and safeguards only.",
    ),
    "service.based_on_required": _p(
        "service.based_on_required", "Say which version this content was made from in 'based_on_version'."
    ),
    "service.text_too_long": _p("service.text_too_long", "{field} is longer than {maximum} characters."),
    "service.reply_by_past": _p("service.reply_by_past", "reply_by ({value}) is not in the future."),
    "service.nothing_to_answer": _p(
        "service.nothing_to_answer",
        "There is no question to answer: an answer goes with a resubmission after a request for information.",
    ),
    "service.resubmit_needs_answer": _p(
        "service.resubmit_needs_answer",
        "A resubmission needs an answer to the questions ('answer') or a new version; nothing was changed.",
    ),
    "service.manifest_empty": _p(
        "service.manifest_empty", "The request has no manifest yet: upload it before submitting the request."
    ),
    "service.answer_required": _p("service.answer_required", "Write the answer in 'text'."),
    "service.only_sending_answers": _p("service.only_sending_answers", "Only the sending side answers the questions."),
    "service.question_not_found": _p("service.question_not_found", "This request has no question {question}."),
    "service.event_in_future": _p(
        "service.event_in_future", "{field} ({value}) lies in the future (it is now {now}); record what has happened."
    ),
    "service.event_before_previous": _p(
        "service.event_before_previous", "{field} ({value}) is before the event before it ({previous})."
    ),
    "service.not_an_observer": _p("service.not_an_observer", "{value} is not an observer organisation."),
    "service.grant_not_found": _p("service.grant_not_found", "Your organisation has given no such grant."),
    "service.grant_agreement_ambiguous": _p(
        "service.grant_agreement_ambiguous",
        "The agreement id {id} names agreements with several receiving countries ({countries}); grant access per request instead.",
    ),
    "service.agreement_not_found": _p(
        "service.agreement_not_found", "Your organisation is not a party to an agreement {id}."
    ),
    "service.record_parties_only": _p(
        "service.record_parties_only", "Only the sending and receiving organisations of a request read its record."
    ),
    "service.agreement_id_taken": _p(
        "service.agreement_id_taken",
        "The agreement id {id} belongs to the agreement between {sending_authority} and {receiving_country}; choose another id.",
    ),
    "service.form_unknown_field": _p(
        "service.form_unknown_field", "The form has a field {field} it does not take; it takes: {allowed}."
    ),
    "service.form_field_missing": _p("service.form_field_missing", "The form needs the field {field}."),
    "service.form_not_text": _p("service.form_not_text", "{field} must be text, not a file."),
    "service.form_not_a_version": _p(
        "service.form_not_a_version", "{field} must be a version number (1, 2, ...), not '{value}'."
    ),
    "settings.bad_clock_skew": _p(
        "settings.bad_clock_skew", "CLEARWAY_EVENT_CLOCK_SKEW_SECONDS is {value}; it must be a whole number of seconds."
    ),
}
