"""A short title for each finding code: what the finding is about, with no personal data.

The pages show it where the full sentence cannot be shown (a passenger's finding while the
personal data is hidden, whose sentence may name a document or a date of birth) and beside
the code wherever a code is offered or recorded (a denial's reason codes)."""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    "finding_title.MISSING_COLUMN": _p("finding_title.MISSING_COLUMN", "Required column missing"),
    "finding_title.UNKNOWN_COLUMN": _p("finding_title.UNKNOWN_COLUMN", "Column not in the format"),
    "finding_title.UNKNOWN_KEY": _p("finding_title.UNKNOWN_KEY", "Key not in the format"),
    "finding_title.SEQ_DUPLICATE": _p("finding_title.SEQ_DUPLICATE", "Sequence number repeated"),
    "finding_title.ROW_UNREADABLE": _p("finding_title.ROW_UNREADABLE", "Row that cannot be read"),
    "finding_title.HOLD_ROW_INVALID": _p("finding_title.HOLD_ROW_INVALID", "Legal-hold rows not read"),
    "finding_title.MESSAGE_INCONSISTENT": _p("finding_title.MESSAGE_INCONSISTENT", "PAXLST message inconsistent"),
    "finding_title.NO_AGREEMENT": _p("finding_title.NO_AGREEMENT", "No agreement applies"),
    "finding_title.LEAD_TIME_SHORT": _p("finding_title.LEAD_TIME_SHORT", "Submitted too late"),
    "finding_title.AIRPORT_NOT_DESIGNATED": _p(
        "finding_title.AIRPORT_NOT_DESIGNATED", "Airport not designated for entry"
    ),
    "finding_title.OUTSIDE_OPERATING_HOURS": _p(
        "finding_title.OUTSIDE_OPERATING_HOURS", "Arrival outside the airport's hours"
    ),
    "finding_title.UNKNOWN_AIRPORT": _p("finding_title.UNKNOWN_AIRPORT", "Unknown airport"),
    "finding_title.SCHEDULE_INVALID": _p("finding_title.SCHEDULE_INVALID", "Schedule does not hold together"),
    "finding_title.AIRCRAFT_CATEGORY_NOT_ALLOWED": _p(
        "finding_title.AIRCRAFT_CATEGORY_NOT_ALLOWED", "Aircraft category not allowed"
    ),
    "finding_title.SEATS_EXCEEDED": _p("finding_title.SEATS_EXCEEDED", "More people than seats"),
    "finding_title.PASSENGERS_PER_FLIGHT_CAP": _p(
        "finding_title.PASSENGERS_PER_FLIGHT_CAP", "Too many passengers for one flight"
    ),
    "finding_title.DAILY_FLIGHT_CAP": _p("finding_title.DAILY_FLIGHT_CAP", "Too many flights that day"),
    "finding_title.DAILY_PASSENGER_CAP": _p("finding_title.DAILY_PASSENGER_CAP", "Too many passengers that day"),
    "finding_title.DECLARED_COUNT_MISMATCH": _p(
        "finding_title.DECLARED_COUNT_MISMATCH", "Declared passengers differ from the manifest"
    ),
    "finding_title.THIRD_COUNTRY_CAP": _p("finding_title.THIRD_COUNTRY_CAP", "Too many third-country nationals"),
    "finding_title.ESCORT_RATIO_LOW": _p("finding_title.ESCORT_RATIO_LOW", "Too few escorts"),
    "finding_title.MEDICAL_STAFF_MISSING": _p("finding_title.MEDICAL_STAFF_MISSING", "No medical staff on board"),
    "finding_title.MONITOR_MISSING": _p("finding_title.MONITOR_MISSING", "No monitor on board"),
    "finding_title.AIRCRAFT_IDENT_MISMATCH": _p(
        "finding_title.AIRCRAFT_IDENT_MISMATCH", "Aircraft or flight differs from the request"
    ),
    "finding_title.REQUIRED_FIELD_MISSING": _p("finding_title.REQUIRED_FIELD_MISSING", "Required value missing"),
    "finding_title.FIELD_FORMAT_INVALID": _p("finding_title.FIELD_FORMAT_INVALID", "Value that cannot be read"),
    "finding_title.AGE_IMPLAUSIBLE": _p("finding_title.AGE_IMPLAUSIBLE", "Implausible age"),
    "finding_title.NATIONALITY_NOT_ACCEPTED": _p("finding_title.NATIONALITY_NOT_ACCEPTED", "Nationality not accepted"),
    "finding_title.DOCUMENT_TYPE_NOT_ACCEPTED": _p(
        "finding_title.DOCUMENT_TYPE_NOT_ACCEPTED", "Document type not accepted"
    ),
    "finding_title.DOCUMENT_EXPIRED": _p("finding_title.DOCUMENT_EXPIRED", "Document expired"),
    "finding_title.DOCUMENT_ISSUER_MISMATCH": _p(
        "finding_title.DOCUMENT_ISSUER_MISMATCH", "Passport issued by another state"
    ),
    "finding_title.MRZ_REQUIRED": _p("finding_title.MRZ_REQUIRED", "MRZ required"),
    "finding_title.MRZ_MALFORMED": _p("finding_title.MRZ_MALFORMED", "MRZ that cannot be read"),
    "finding_title.MRZ_CHECK_DIGIT": _p("finding_title.MRZ_CHECK_DIGIT", "MRZ check digit wrong"),
    "finding_title.MRZ_MISMATCH": _p("finding_title.MRZ_MISMATCH", "MRZ differs from the row"),
    "finding_title.DUPLICATE_DOCUMENT": _p("finding_title.DUPLICATE_DOCUMENT", "Document on two rows"),
    "finding_title.DUPLICATE_CASE_REF": _p("finding_title.DUPLICATE_CASE_REF", "Case reference on two rows"),
    "finding_title.DUPLICATE_PERSON": _p("finding_title.DUPLICATE_PERSON", "Same person on two rows"),
    "finding_title.MINOR_UNACCOMPANIED": _p("finding_title.MINOR_UNACCOMPANIED", "Unaccompanied minor"),
    "finding_title.LEGAL_HOLD_MATCH": _p("finding_title.LEGAL_HOLD_MATCH", "Legal hold"),
    "finding_title.MEDICAL_DETAILS_MISSING": _p("finding_title.MEDICAL_DETAILS_MISSING", "Medical needs not described"),
    # A denial's own reason: not a finding of the pre-check.
    "finding_title.OTHER": _p("finding_title.OTHER", "Other reason"),
}
