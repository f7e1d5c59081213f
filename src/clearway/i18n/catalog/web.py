"""Messages of the web application's services: sessions and the pages' own service calls."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "service.session_expired": _p("service.session_expired", "Your session has ended. Sign in again."),
    "service.unknown_language": _p(
        "service.unknown_language", "There is no language {language}; choose one of {allowed}."
    ),
    "service.passenger_not_found": _p("service.passenger_not_found", "The manifest has no passenger with seq {seq}."),
    "service.grant_reference_unknown": _p(
        "service.grant_reference_unknown", "None of your requests has the reference {reference}."
    ),
    # A request's keys as the flight form names them (a finding's field, a line of a diff); a leg's
    # keys are named once for every leg (``legs.to``) and numbered by ``flight_field.leg``.
    "flight_field.reference": _p("flight_field.reference", "Reference"),
    "flight_field.operator": _p("flight_field.operator", "Operator"),
    "flight_field.sending_authority": _p("flight_field.sending_authority", "Sending authority"),
    "flight_field.receiving_country": _p("flight_field.receiving_country", "Receiving country"),
    "flight_field.submitted_at": _p("flight_field.submitted_at", "Submitted at"),
    "flight_field.aircraft.type": _p("flight_field.aircraft.type", "Aircraft type"),
    "flight_field.aircraft.registration": _p("flight_field.aircraft.registration", "Registration"),
    "flight_field.aircraft.callsign": _p("flight_field.aircraft.callsign", "Callsign"),
    "flight_field.aircraft.flight_number": _p("flight_field.aircraft.flight_number", "Flight number"),
    "flight_field.aircraft.category": _p("flight_field.aircraft.category", "Aircraft category"),
    "flight_field.aircraft.seats": _p("flight_field.aircraft.seats", "Seats"),
    "flight_field.people.declared_passengers": _p(
        "flight_field.people.declared_passengers", "Passengers (returnees) declared"
    ),
    "flight_field.people.crew": _p("flight_field.people.crew", "Crew"),
    "flight_field.people.escorts": _p("flight_field.people.escorts", "Escorts"),
    "flight_field.people.medical_staff": _p("flight_field.people.medical_staff", "Medical staff"),
    "flight_field.people.monitors": _p("flight_field.people.monitors", "Monitors"),
    "flight_field.legs": _p("flight_field.legs", "Leg {number}"),
    "flight_field.legs.from": _p("flight_field.legs.from", "From"),
    "flight_field.legs.to": _p("flight_field.legs.to", "To"),
    "flight_field.legs.departure": _p("flight_field.legs.departure", "Departure"),
    "flight_field.legs.arrival": _p("flight_field.legs.arrival", "Arrival"),
    "flight_field.leg": _p("flight_field.leg", "{field} (leg {number})"),
    # What an entry of the audit trail records, as the timeline names it (clearway.domain.audit_events).
    "audit_action.organisation_created": _p("audit_action.organisation_created", "Organisation created"),
    "audit_action.user_created": _p("audit_action.user_created", "User added"),
    "audit_action.user_deactivated": _p("audit_action.user_deactivated", "User deactivated"),
    "audit_action.token_created": _p("audit_action.token_created", "API token created"),
    "audit_action.token_revoked": _p("audit_action.token_revoked", "API token revoked"),
    "audit_action.observer_granted": _p("audit_action.observer_granted", "Observer granted access"),
    "audit_action.observer_withdrawn": _p("audit_action.observer_withdrawn", "Observer's access withdrawn"),
    "audit_action.signed_in": _p("audit_action.signed_in", "Signed in"),
    "audit_action.signed_out": _p("audit_action.signed_out", "Signed out"),
    "audit_action.agreement_loaded": _p("audit_action.agreement_loaded", "Agreement loaded"),
    "audit_action.holds_imported": _p("audit_action.holds_imported", "Legal-hold list imported"),
    "audit_action.key_created": _p("audit_action.key_created", "Signing key created"),
    "audit_action.key_rotated": _p("audit_action.key_rotated", "Signing key rotated"),
    "audit_action.key_revoked": _p("audit_action.key_revoked", "Signing key revoked"),
    "audit_action.request_created": _p("audit_action.request_created", "Request created"),
    "audit_action.version_saved": _p("audit_action.version_saved", "New version saved"),
    "audit_action.request_copied": _p("audit_action.request_copied", "Copied from another request"),
    "audit_action.material_amendment": _p("audit_action.material_amendment", "Material amendment"),
    "audit_action.non_material_amendment": _p("audit_action.non_material_amendment", "Amendment that is not material"),
    "audit_action.submit": _p("audit_action.submit", "Submitted"),
    "audit_action.resubmit": _p("audit_action.resubmit", "Resubmitted"),
    "audit_action.answer": _p("audit_action.answer", "Questions answered"),
    "audit_action.approve": _p("audit_action.approve", "Approved"),
    "audit_action.approve_restricted": _p("audit_action.approve_restricted", "Approved with restrictions"),
    "audit_action.request_info": _p("audit_action.request_info", "Information requested"),
    "audit_action.deny": _p("audit_action.deny", "Denied"),
    "audit_action.revoke": _p("audit_action.revoke", "Clearance revoked"),
    "audit_action.cancel": _p("audit_action.cancel", "Cancelled"),
    "audit_action.depart": _p("audit_action.depart", "Departure recorded"),
    "audit_action.arrive": _p("audit_action.arrive", "Arrival recorded"),
    "audit_action.confirm_reception": _p("audit_action.confirm_reception", "Reception confirmed"),
    "audit_action.webhook_endpoint_created": _p("audit_action.webhook_endpoint_created", "Webhook endpoint registered"),
    "audit_action.webhook_endpoint_disabled": _p("audit_action.webhook_endpoint_disabled", "Webhook endpoint disabled"),
    "audit_action.delivery_replayed": _p("audit_action.delivery_replayed", "Delivery replayed"),
    "audit_action.calendar_feed_created": _p("audit_action.calendar_feed_created", "Calendar feed created"),
    "audit_action.calendar_feed_revoked": _p("audit_action.calendar_feed_revoked", "Calendar feed revoked"),
    # The manifest's columns as the pages name them.
    "manifest_column.seq": _p("manifest_column.seq", "Seq"),
    "manifest_column.surname": _p("manifest_column.surname", "Surname"),
    "manifest_column.second_surname": _p("manifest_column.second_surname", "Second surname"),
    "manifest_column.given_names": _p("manifest_column.given_names", "Given names"),
    "manifest_column.sex": _p("manifest_column.sex", "Sex"),
    "manifest_column.date_of_birth": _p("manifest_column.date_of_birth", "Date of birth"),
    "manifest_column.nationality": _p("manifest_column.nationality", "Nationality"),
    "manifest_column.document_type": _p("manifest_column.document_type", "Document type"),
    "manifest_column.document_number": _p("manifest_column.document_number", "Document number"),
    "manifest_column.document_issuer": _p("manifest_column.document_issuer", "Issuing state"),
    "manifest_column.document_expiry": _p("manifest_column.document_expiry", "Document expiry"),
    "manifest_column.mrz": _p("manifest_column.mrz", "MRZ"),
    "manifest_column.case_ref": _p("manifest_column.case_ref", "Case reference"),
    "manifest_column.family_group": _p("manifest_column.family_group", "Family group"),
    "manifest_column.medical": _p("manifest_column.medical", "Medical needs"),
    "manifest_column.medical_escort": _p("manifest_column.medical_escort", "Medical escort"),
    "manifest_column.notes": _p("manifest_column.notes", "Notes"),
    # Why an amendment is material (clearway.domain.material's reasons), as the pages say it.
    "material.changed": _p("material.changed", "{field} changed"),
    "material.lowered": _p("material.lowered", "{field} lowered"),
    "material.increased": _p("material.increased", "{field} raised"),
    "material.moved": _p("material.moved", "{field} moved by {minutes} min"),
    "material.added": _p("material.added", "{field} added"),
    "material.removed": _p("material.removed", "{field} removed"),
    "material.passenger_added": _p("material.passenger_added", "Passenger {seq} added"),
    "material.passenger_identity": _p("material.passenger_identity", "Passenger {seq}: {column} changed (identity)"),
    "material.passenger_field": _p("material.passenger_field", "Passenger {seq}: {column} changed"),
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
