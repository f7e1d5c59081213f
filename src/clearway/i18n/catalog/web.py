"""Messages of the web application's services: sessions and the pages' own service calls."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "service.session_expired": _p("service.session_expired", "Your session has ended. Sign in again."),
    "service.unknown_language": _p(
        "service.unknown_language", "There is no language {language}; choose one of {allowed}."
    ),
    "service.passenger_not_found": _p("service.passenger_not_found", "The manifest has no passenger with seq {seq}."),
    # The pages' wording of refusals whose API wording names a field of the API ("in 'text'"):
    # the page shows the message beside its own field, which has a label of its own.
    "page.service.questions_required": _p(
        "page.service.questions_required", "Write your questions for the sending side."
    ),
    "page.service.other_needs_text": _p(
        "page.service.other_needs_text", "With the reason code Other, write the explanation."
    ),
    "page.service.answer_required": _p("page.service.answer_required", "Write your answer."),
    "page.service.resubmit_needs_answer": _p(
        "page.service.resubmit_needs_answer", "Write your answer to the questions, or change the request."
    ),
    "page.service.event_in_future": _p(
        "page.service.event_in_future",
        "This time is later than now: record the departure or the arrival once it has happened, at the time it happened (UTC).",
    ),
    "page.service.event_before_previous": _p(
        "page.service.event_before_previous",
        "This time is earlier than the event recorded before it: an arrival comes after the departure.",
    ),
}
