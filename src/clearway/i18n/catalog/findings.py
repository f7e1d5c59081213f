"""Finding messages. Keys are finding codes, or ``CODE.variant`` where one code has
several sentences. ``{seq}`` and ``{field}`` are always available."""

from clearway.i18n.message import Message, _np, _p

MESSAGES: dict[str, Message] = {
    # file
    "MISSING_COLUMN": _p("MISSING_COLUMN", "The manifest {file} has no column '{column}', which is required."),
    "UNKNOWN_COLUMN": _p(
        "UNKNOWN_COLUMN",
        "The manifest {file} has a column '{column}' that the format does not define; its values are kept as written.",
    ),
    "UNKNOWN_KEY": _p("UNKNOWN_KEY", "The request has a key '{key}' that the format does not define; it was not used."),
    "SEQ_DUPLICATE": _p(
        "SEQ_DUPLICATE",
        "The sequence number {seq} appears on more than one row (lines {lines}); each row needs its own number.",
    ),
    "ROW_UNREADABLE": _p(
        "ROW_UNREADABLE", "{unit} {position} of the manifest {file} could not be read as a row; check it by hand."
    ),
    "ROW_UNREADABLE.stray_quote": _p(
        "ROW_UNREADABLE.stray_quote",
        "{unit} {position} of the manifest {file} could not be read as a row: a quotation mark there opens a cell that would swallow the rows after it; the rows after it were read on their own. Close or remove the quotation mark.",
    ),
    "ROW_UNREADABLE.unclosed_quote": _p(
        "ROW_UNREADABLE.unclosed_quote",
        "{unit} {position} of the manifest {file} could not be read as a row: a quotation mark there is never closed; the lines after it were read as rows.",
    ),
    "ROW_UNREADABLE.too_many_cells": _p(
        "ROW_UNREADABLE.too_many_cells",
        "{unit} {position} of the manifest {file} could not be read as a row: it holds more cells than a manifest may have.",
    ),
    "ROW_UNREADABLE.bad_row_number": _p(
        "ROW_UNREADABLE.bad_row_number",
        "{unit} {position} of the manifest {file} could not be read as a row: the spreadsheet gives it a row number that does not exist.",
    ),
    "ROW_UNREADABLE.repeated_row_number": _p(
        "ROW_UNREADABLE.repeated_row_number",
        "{unit} {position} of the manifest {file} could not be read: the spreadsheet holds two rows with this number, and the second was not read.",
    ),
    "ROW_UNREADABLE.bad_cell_reference": _p(
        "ROW_UNREADABLE.bad_cell_reference",
        "{unit} {position} of the manifest {file} could not be read as a row: one of its cells has a reference that names no column.",
    ),
    "ROW_UNREADABLE.bad_shared_string": _p(
        "ROW_UNREADABLE.bad_shared_string",
        "{unit} {position} of the manifest {file} could not be read as a row: one of its cells points at text the spreadsheet does not hold.",
    ),
    "ROW_UNREADABLE.bad_segment": _p(
        "ROW_UNREADABLE.bad_segment", "{unit} {position} of the manifest {file} could not be read as a passenger."
    ),
    "HOLD_ROW_INVALID": _np(
        "HOLD_ROW_INVALID",
        "{count} row of the legal-hold list could not be read (no date of birth, no surname, a bad date, values beyond the last column or a line too long to read) and was not used for screening; its line: {lines}.",
        "{count} rows of the legal-hold list could not be read (no date of birth, no surname, a bad date, values beyond the last column or a line too long to read) and were not used for screening; first lines: {lines}.",
        "count",
    ),
    # flight
    "NO_AGREEMENT": _p(
        "NO_AGREEMENT",
        "No agreement applies to flights from {sender} to {receiving} arriving on {day}; the rules that need one were not checked.",
    ),
    "LEAD_TIME_SHORT": _p(
        "LEAD_TIME_SHORT",
        "The request is submitted at {submitted}, only {hours} hours before the arrival at {airport} at {arrival}; the agreement requires at least {minimum} hours.",
    ),
    "LEAD_TIME_SHORT.arrival_past": _p(
        "LEAD_TIME_SHORT.arrival_past",
        "The arrival at {airport} at {arrival} is already past when the request is submitted at {submitted}; the agreement requires at least {minimum} hours of notice.",
    ),
    "AIRPORT_NOT_DESIGNATED": _p(
        "AIRPORT_NOT_DESIGNATED",
        "The flight arrives at {airport}, which is not a designated entry airport (designated: {designated}).",
    ),
    "OUTSIDE_OPERATING_HOURS": _p(
        "OUTSIDE_OPERATING_HOURS",
        "The flight arrives at {airport} at {arrival} local time, outside the airport's hours for these flights ({hours}).",
    ),
    "UNKNOWN_AIRPORT": _p("UNKNOWN_AIRPORT", "'{airport}' ({field}) is not a known ICAO airport code."),
    "SCHEDULE_INVALID.arrives_before_departure": _p(
        "SCHEDULE_INVALID.arrives_before_departure",
        "Leg legs[{leg}] arrives at {arrival}, before it departs at {departure}.",
    ),
    "SCHEDULE_INVALID.not_chained": _p(
        "SCHEDULE_INVALID.not_chained",
        "Leg legs[{leg}] departs from {origin}, but the previous leg ends at {destination}.",
    ),
    "SCHEDULE_INVALID.departs_before_previous_arrives": _p(
        "SCHEDULE_INVALID.departs_before_previous_arrives",
        "Leg legs[{leg}] departs at {departure}, before the previous leg arrives at {arrival}.",
    ),
    "AIRCRAFT_CATEGORY_NOT_ALLOWED": _p(
        "AIRCRAFT_CATEGORY_NOT_ALLOWED",
        "The aircraft category '{category}' is not accepted by the agreement (accepted: {allowed}).",
    ),
    "SEATS_EXCEEDED": _p(
        "SEATS_EXCEEDED",
        "{on_board} people would be on board ({returnees} returnees plus crew, escorts, medical staff and monitors), but the aircraft has {seats} seats.",
    ),
    "PASSENGERS_PER_FLIGHT_CAP": _p(
        "PASSENGERS_PER_FLIGHT_CAP",
        "The manifest lists {returnees} returnees; the agreement allows at most {cap} per flight.",
    ),
    "DAILY_FLIGHT_CAP": _p(
        "DAILY_FLIGHT_CAP",
        "This flight would make {flights} arrivals on {day} (local date at the entry airport); the agreement allows {cap} per day.",
    ),
    "DAILY_PASSENGER_CAP": _p(
        "DAILY_PASSENGER_CAP",
        "This flight would bring the returnees arriving on {day} (local date) to {passengers}; the agreement allows {cap} per day.",
    ),
    "DECLARED_COUNT_MISMATCH": _p(
        "DECLARED_COUNT_MISMATCH", "The request declares {declared} passengers, but the manifest has {rows} rows."
    ),
    "THIRD_COUNTRY_CAP": _p(
        "THIRD_COUNTRY_CAP", "{count} returnees are not {own} nationals; the agreement allows at most {cap} per flight."
    ),
    "ESCORT_RATIO_LOW": _p(
        "ESCORT_RATIO_LOW",
        "{escorts} escorts for {returnees} returnees is below the agreement's {ratio} escorts per returnee; at least {needed} escorts are needed.",
    ),
    "MEDICAL_STAFF_MISSING": _np(
        "MEDICAL_STAFF_MISSING",
        "{count} returnee needs a medical escort (row with seq {seqs}), but no medical staff are on board.",
        "{count} returnees need a medical escort (rows with seq {seqs}), but no medical staff are on board.",
        "count",
    ),
    "MONITOR_MISSING": _p("MONITOR_MISSING", "The agreement requires a monitor on board, and the request lists none."),
    "AIRCRAFT_IDENT_MISMATCH": _p(
        "AIRCRAFT_IDENT_MISMATCH", "The manifest names {field} '{value}', but the request says '{expected}'."
    ),
    # passenger
    "REQUIRED_FIELD_MISSING": _p(
        "REQUIRED_FIELD_MISSING", "Row with seq {seq}: the required value '{column}' is empty."
    ),
    "FIELD_FORMAT_INVALID.seq": _p(
        "FIELD_FORMAT_INVALID.seq", "'{value}' is not a valid seq: it must be a whole number from 1 to {maximum}."
    ),
    "FIELD_FORMAT_INVALID.sex": _p("FIELD_FORMAT_INVALID.sex", "Row with seq {seq}: sex '{value}' is not F, M or X."),
    "FIELD_FORMAT_INVALID.partial_date": _p(
        "FIELD_FORMAT_INVALID.partial_date",
        "Row with seq {seq}: '{value}' in {column} is not a date (YYYY-MM-DD; 00 for an unknown day or month).",
    ),
    "FIELD_FORMAT_INVALID.date": _p(
        "FIELD_FORMAT_INVALID.date", "Row with seq {seq}: '{value}' in {column} is not a date (YYYY-MM-DD)."
    ),
    "FIELD_FORMAT_INVALID.country": _p(
        "FIELD_FORMAT_INVALID.country",
        "Row with seq {seq}: '{value}' in {column} is not an ISO 3166-1 alpha-3 or ICAO country code.",
    ),
    "FIELD_FORMAT_INVALID.document_type": _p(
        "FIELD_FORMAT_INVALID.document_type",
        "Row with seq {seq}: document type '{value}' is not one of P, I, C, E or N.",
    ),
    "FIELD_FORMAT_INVALID.document_number_length": _p(
        "FIELD_FORMAT_INVALID.document_number_length",
        "Row with seq {seq}: document number '{value}' is longer than {maximum} characters.",
    ),
    "FIELD_FORMAT_INVALID.document_number_characters": _p(
        "FIELD_FORMAT_INVALID.document_number_characters",
        "Row with seq {seq}: document number '{value}' may hold only letters and digits.",
    ),
    "FIELD_FORMAT_INVALID.yes_no": _p(
        "FIELD_FORMAT_INVALID.yes_no", "Row with seq {seq}: '{value}' in {column} must be Y or N."
    ),
    "FIELD_FORMAT_INVALID.too_long": _p(
        "FIELD_FORMAT_INVALID.too_long",
        "Row with seq {seq}: the cell in {column} holds {length} characters, more than a cell may hold, so it was not read.",
    ),
    "FIELD_FORMAT_INVALID.overflow": _np(
        "FIELD_FORMAT_INVALID.overflow",
        "Row with seq {seq} has {count} value beyond the last column of the header: {value}.",
        "Row with seq {seq} has {count} values beyond the last column of the header: {value}.",
        "count",
    ),
    "AGE_IMPLAUSIBLE.born_after_arrival": _p(
        "AGE_IMPLAUSIBLE.born_after_arrival",
        "Row with seq {seq}: the date of birth {born} is after the arrival date {arrival}.",
    ),
    "AGE_IMPLAUSIBLE.too_old": _p(
        "AGE_IMPLAUSIBLE.too_old",
        "Row with seq {seq}: born {born}, the person would be more than {maximum} years old on {arrival}.",
    ),
    "NATIONALITY_NOT_ACCEPTED": _p(
        "NATIONALITY_NOT_ACCEPTED",
        "Row with seq {seq}: nationality {nationality} is not accepted by the agreement (accepted: {accepted}).",
    ),
    "DOCUMENT_TYPE_NOT_ACCEPTED": _p(
        "DOCUMENT_TYPE_NOT_ACCEPTED",
        "Row with seq {seq}: document type {document_type} is not accepted by the agreement (accepted: {accepted}).",
    ),
    "DOCUMENT_EXPIRED": _p(
        "DOCUMENT_EXPIRED", "Row with seq {seq}: the document expired on {expiry}, before the arrival date {arrival}."
    ),
    "DOCUMENT_EXPIRED.accepted_for_own": _p(
        "DOCUMENT_EXPIRED.accepted_for_own",
        "Row with seq {seq}: the passport expired on {expiry}, before the arrival date {arrival}; the agreement accepts an expired passport for its own nationals.",
    ),
    "DOCUMENT_ISSUER_MISMATCH": _p(
        "DOCUMENT_ISSUER_MISMATCH",
        "Row with seq {seq}: the passport was issued by {issuer}, but the nationality is {nationality}.",
    ),
    "MRZ_REQUIRED": _p(
        "MRZ_REQUIRED",
        "Row with seq {seq}: a document of type {document_type} must carry its machine-readable zone (mrz), and it is empty.",
    ),
    "MRZ_MALFORMED": _p(
        "MRZ_MALFORMED", "Row with seq {seq}: the MRZ is not a valid TD1, TD2, TD3, MRV-A or MRV-B zone."
    ),
    "MRZ_MALFORMED.line_count": _np(
        "MRZ_MALFORMED.line_count",
        "Row with seq {seq}: the MRZ has {mrz_lines} line; a zone has 2 lines (TD2, TD3, visas) or 3 (TD1).",
        "Row with seq {seq}: the MRZ has {mrz_lines} lines; a zone has 2 lines (TD2, TD3, visas) or 3 (TD1).",
        "mrz_lines",
    ),
    "MRZ_MALFORMED.line_length": _p(
        "MRZ_MALFORMED.line_length",
        "Row with seq {seq}: the MRZ lines are {mrz_lengths} characters long; zones have lines of 30 (TD1), 36 (TD2, MRV-B) or 44 (TD3, MRV-A) characters, all of the same length.",
    ),
    "MRZ_MALFORMED.charset": _p(
        "MRZ_MALFORMED.charset",
        "Row with seq {seq}: the MRZ holds '{mrz_char}' at line {mrz_line}, position {mrz_position}; only A-Z, 0-9 and < may appear.",
    ),
    "MRZ_MALFORMED.lowercase": _p(
        "MRZ_MALFORMED.lowercase",
        "Row with seq {seq}: the MRZ holds the lower-case letter '{mrz_char}' at line {mrz_line}, position {mrz_position}; a zone is written in capitals.",
    ),
    "MRZ_MALFORMED.code": _p(
        "MRZ_MALFORMED.code", "Row with seq {seq}: the MRZ {mrz_field} '{mrz_value}' is not a country code of letters."
    ),
    "MRZ_MALFORMED.sex": _p("MRZ_MALFORMED.sex", "Row with seq {seq}: the MRZ sex '{mrz_value}' is not M, F or <."),
    "MRZ_MALFORMED.birth_date": _p(
        "MRZ_MALFORMED.birth_date",
        "Row with seq {seq}: the MRZ date of birth '{mrz_value}' is not a date (YYMMDD, < for an unknown part).",
    ),
    "MRZ_MALFORMED.expiry_date": _p(
        "MRZ_MALFORMED.expiry_date", "Row with seq {seq}: the MRZ expiry date '{mrz_value}' is not a date (YYMMDD)."
    ),
    "MRZ_CHECK_DIGIT.document_number": _p(
        "MRZ_CHECK_DIGIT.document_number",
        "Row with seq {seq}: the check digit of the document number in the {format} MRZ does not match.",
    ),
    "MRZ_CHECK_DIGIT.date_of_birth": _p(
        "MRZ_CHECK_DIGIT.date_of_birth",
        "Row with seq {seq}: the check digit of the date of birth in the {format} MRZ does not match.",
    ),
    "MRZ_CHECK_DIGIT.expiry": _p(
        "MRZ_CHECK_DIGIT.expiry",
        "Row with seq {seq}: the check digit of the expiry date in the {format} MRZ does not match.",
    ),
    "MRZ_CHECK_DIGIT.optional": _p(
        "MRZ_CHECK_DIGIT.optional",
        "Row with seq {seq}: the check digit of the personal number (optional data) in the {format} MRZ does not match.",
    ),
    "MRZ_CHECK_DIGIT.composite": _p(
        "MRZ_CHECK_DIGIT.composite", "Row with seq {seq}: the composite check digit of the {format} MRZ does not match."
    ),
    "MRZ_MISMATCH": _p(
        "MRZ_MISMATCH", "Row with seq {seq}: the MRZ gives {column} as '{mrz_value}', but the row says '{row_value}'."
    ),
    "DUPLICATE_DOCUMENT": _p(
        "DUPLICATE_DOCUMENT",
        "Row with seq {seq}: the document {issuer} {number} is already on the row with seq {other_seq}.",
    ),
    "DUPLICATE_CASE_REF": _p(
        "DUPLICATE_CASE_REF",
        "Row with seq {seq}: the case reference '{case_ref}' is already on the row with seq {other_seq}.",
    ),
    "DUPLICATE_PERSON": _p(
        "DUPLICATE_PERSON",
        "Row with seq {seq} ({name}, born {born}) is the same person as the row with seq {other_seq} ({other_name}); matched with: {how}.",
    ),
    "MINOR_UNACCOMPANIED.no_group": _p(
        "MINOR_UNACCOMPANIED.no_group",
        "Row with seq {seq}: a minor ({age} years old on arrival; adults are {adult_age} or older) with no family group, and the agreement does not allow unaccompanied minors.",
    ),
    "MINOR_UNACCOMPANIED.in_group": _p(
        "MINOR_UNACCOMPANIED.in_group",
        "Row with seq {seq}: a minor ({age} years old on arrival) with no adult of family group '{family_group}' on the manifest (adults are {adult_age} or older).",
    ),
    "LEGAL_HOLD_MATCH.open": _p(
        "LEGAL_HOLD_MATCH.open",
        "Row with seq {seq} ({name}, born {born}) matches legal hold {hold_ref} ({hold_type}, with no end date) for {hold_name}; matched with: {how}.",
    ),
    "LEGAL_HOLD_MATCH.until": _p(
        "LEGAL_HOLD_MATCH.until",
        "Row with seq {seq} ({name}, born {born}) matches legal hold {hold_ref} ({hold_type}, in force until {until}) for {hold_name}; matched with: {how}.",
    ),
    "MEDICAL_DETAILS_MISSING": _p(
        "MEDICAL_DETAILS_MISSING",
        "Row with seq {seq}: a medical escort is requested (medical_escort = Y), but the medical needs are not described.",
    ),
    # words used inside messages (Phrase)
    "term.exact": _p("term.exact", "the same spelling"),
    "term.accents_or_case": _p("term.accents_or_case", "accents or letter case ignored"),
    "term.second_surname_dropped": _p("term.second_surname_dropped", "second surname left out on one side"),
    "term.hyphenated_surname": _p("term.hyphenated_surname", "surnames joined with a hyphen"),
    "term.given_names_shortened": _p("term.given_names_shortened", "given names shortened"),
    "term.stay_of_removal": _p("term.stay_of_removal", "stay of removal"),
    "term.pending_appeal": _p("term.pending_appeal", "pending appeal"),
    "term.court_order": _p("term.court_order", "court order"),
}
