"""PAXLST (UN/EDIFACT) messages: why one cannot be used, what disagrees in one, and exports.
Each unusable-message sentence names the segment by its tag and its position, counted
from 1 at UNB."""

from clearway.i18n.message import Message, _np, _p

MESSAGES: dict[str, Message] = {
    "paxlst.not_edifact": _p(
        "paxlst.not_edifact",
        "The manifest {path} holds no PAXLST (UN/EDIFACT) interchange: no UNA or UNB segment was found.",
    ),
    "paxlst.no_unb": _p(
        "paxlst.no_unb",
        "The PAXLST (UN/EDIFACT) manifest {path} does not start with a UNB segment (segment {position} is {tag}).",
    ),
    "paxlst.truncated": _p(
        "paxlst.truncated",
        "The PAXLST (UN/EDIFACT) manifest {path} ends inside segment {position} ({tag}), before its terminator: the file is truncated.",
    ),
    "paxlst.no_unz": _p(
        "paxlst.no_unz",
        "The PAXLST (UN/EDIFACT) manifest {path} ends at segment {position} ({tag}) without a UNZ segment: the interchange is incomplete.",
    ),
    "paxlst.second_interchange": _p(
        "paxlst.second_interchange",
        "The PAXLST (UN/EDIFACT) manifest {path} holds a second interchange after the UNZ (segment {position}, {tag}); send one interchange per file.",
    ),
    "paxlst.bad_bytes": _p(
        "paxlst.bad_bytes",
        "The PAXLST (UN/EDIFACT) manifest {path} declares the character set {syntax}, but segment {position} holds bytes that are not {syntax} (offset {offset}).",
    ),
    "paxlst.no_message": _p(
        "paxlst.no_message", "The UN/EDIFACT interchange {path} holds no PAXLST message (no UNH segment)."
    ),
    "paxlst.not_paxlst": _p(
        "paxlst.not_paxlst",
        "Segment {position} ({tag}) of {path} opens a '{kind}' message, not a PAXLST passenger list.",
    ),
    "paxlst.crew_list": _p(
        "paxlst.crew_list",
        "Segment {position} ({tag}) of {path} says the PAXLST message is a crew list (250), not a passenger list (745); a crew list is not a manifest of returnees.",
    ),
    "paxlst.not_passenger_list": _p(
        "paxlst.not_passenger_list",
        "Segment {position} ({tag}) of {path} gives the PAXLST document code '{code}'; only a passenger list (BGM+745) is a manifest.",
    ),
    "paxlst.lone_part": _np(
        "paxlst.lone_part",
        "Segment {position} ({tag}) of {path} starts a PAXLST message that is part of a multi-part report, but the file holds only the part {parts}; a report needs its first part (C), its last part (F) and every part between.",
        "Segment {position} ({tag}) of {path} starts a PAXLST message that is part of a multi-part report, but the file holds only the parts {parts}; a report needs its first part (C), its last part (F) and every part between.",
        "count",
    ),
    "paxlst.crew_member": _p(
        "paxlst.crew_member",
        "Segment {position} ({tag}+{qualifier}) of {path} is a crew member in a passenger list; a manifest of returnees lists passengers only (NAD+FL, NAD+DDU).",
    ),
    "paxlst.unknown_party": _p(
        "paxlst.unknown_party",
        "Segment {position} ({tag}+{qualifier}) of {path} names a party that is neither a passenger (FL, DDU) nor the reporting party (MS); it cannot be placed, so the message is not read.",
    ),
    "paxlst.no_passenger": _p(
        "paxlst.no_passenger",
        "The PAXLST (UN/EDIFACT) manifest {path} lists no passenger (no NAD+FL or NAD+DDU segment).",
    ),
    # what PAXLST does not carry: the sender adds it in Clearway with a version edit
    "MRZ_REQUIRED.paxlst": _p(
        "MRZ_REQUIRED.paxlst",
        "Row with seq {seq}: a document of type {document_type} must carry its machine-readable zone (mrz); a PAXLST message does not carry it, so add it in Clearway (edit the version) before submitting.",
    ),
    "MINOR_UNACCOMPANIED.paxlst": _p(
        "MINOR_UNACCOMPANIED.paxlst",
        "Row with seq {seq}: a minor aged {age} (under {adult_age}) travels with no adult of the same family_group; a PAXLST message carries no family_group, so add it in Clearway (edit the version) before submitting.",
    ),
    # MESSAGE_INCONSISTENT, one sentence per kind of disagreement
    "MESSAGE_INCONSISTENT": _p(
        "MESSAGE_INCONSISTENT",
        "Segment {position} ({tag}) of the PAXLST message disagrees with the message ('{declared}' against '{actual}'); people may be missing or extra.",
    ),
    "MESSAGE_INCONSISTENT.unt_count": _p(
        "MESSAGE_INCONSISTENT.unt_count",
        "Segment {position} (UNT) declares {declared} segments, but its message holds {actual} (UNH to UNT); people may be missing or extra.",
    ),
    "MESSAGE_INCONSISTENT.unt_reference": _p(
        "MESSAGE_INCONSISTENT.unt_reference",
        "Segment {position} (UNT) closes message '{declared}', but the message opened as '{actual}' (UNH).",
    ),
    "MESSAGE_INCONSISTENT.missing_unt": _p(
        "MESSAGE_INCONSISTENT.missing_unt",
        "The message '{declared}' opened at segment {position} (UNH) has no UNT: where it ends cannot be checked.",
    ),
    "MESSAGE_INCONSISTENT.une_count": _p(
        "MESSAGE_INCONSISTENT.une_count",
        "Segment {position} (UNE) declares {declared} messages in its group, but the group holds {actual}.",
    ),
    "MESSAGE_INCONSISTENT.une_reference": _p(
        "MESSAGE_INCONSISTENT.une_reference",
        "Segment {position} (UNE) closes group '{declared}', but the group opened as '{actual}' (UNG).",
    ),
    "MESSAGE_INCONSISTENT.unz_count": _p(
        "MESSAGE_INCONSISTENT.unz_count",
        "Segment {position} (UNZ) declares {declared} groups or messages, but the interchange holds {actual}.",
    ),
    "MESSAGE_INCONSISTENT.unz_reference": _p(
        "MESSAGE_INCONSISTENT.unz_reference",
        "Segment {position} (UNZ) closes interchange '{declared}', but the interchange opened as '{actual}' (UNB).",
    ),
    "MESSAGE_INCONSISTENT.cnt_total": _p(
        "MESSAGE_INCONSISTENT.cnt_total",
        "Segment {position} (CNT+42) gives {declared} passengers for the flight, but the report lists {actual}; people may be missing or extra.",
    ),
    "MESSAGE_INCONSISTENT.cnt_qualifier": _p(
        "MESSAGE_INCONSISTENT.cnt_qualifier",
        "Segment {position} (CNT) counts with qualifier {declared} (41 is crew) in a passenger list, where the total of passengers is CNT+{actual}.",
    ),
    "MESSAGE_INCONSISTENT.cnt_malformed": _p(
        "MESSAGE_INCONSISTENT.cnt_malformed",
        "Segment {position} (CNT) is written '{declared}', which gives no total to check the passengers against.",
    ),
    "MESSAGE_INCONSISTENT.common_access_reference": _p(
        "MESSAGE_INCONSISTENT.common_access_reference",
        "The parts of the report carry different common access references ({declared}, from segment {position}): they may be for different flights.",
    ),
    # AIRCRAFT_IDENT_MISMATCH, by the request key compared
    "AIRCRAFT_IDENT_MISMATCH.journey": _p(
        "AIRCRAFT_IDENT_MISMATCH.journey",
        "The PAXLST message reports flight '{value}' (segment {position}, TDT), but the request's flight number or callsign is '{expected}'.",
    ),
    "AIRCRAFT_IDENT_MISMATCH.airport": _p(
        "AIRCRAFT_IDENT_MISMATCH.airport",
        "The PAXLST message gives {value} for {field} (segment {position}, LOC), but the request says {expected}.",
    ),
    "AIRCRAFT_IDENT_MISMATCH.extra_leg": _p(
        "AIRCRAFT_IDENT_MISMATCH.extra_leg",
        "The PAXLST message reports a leg {value} (segment {position}, TDT) that the request does not have.",
    ),
    "AIRCRAFT_IDENT_MISMATCH.time": _p(
        "AIRCRAFT_IDENT_MISMATCH.time",
        "The PAXLST message schedules {field} at {value} local time (segment {position}), but the request says {expected}, more than {tolerance} minutes apart.",
    ),
    "AIRCRAFT_IDENT_MISMATCH.time_unreadable": _p(
        "AIRCRAFT_IDENT_MISMATCH.time_unreadable",
        "The PAXLST message gives '{value}' as the time of {field} (segment {position}), which is not a date and time (YYMMDDHHMM); the request says {expected}.",
    ),
    # exports
    "export.too_many_parts": _p(
        "export.too_many_parts",
        "Split into parts of {size} persons, the report would need {parts} PAXLST parts; a report has at most {maximum}. Give a larger part size.",
    ),
    "service.export_unknown_format": _p(
        "service.export_unknown_format", "There is no export format '{value}'; the formats are: {known}."
    ),
    "export.written": _np(
        "export.written",
        "Wrote {path} ({format}, version {version}, {count} passenger).",
        "Wrote {path} ({format}, version {version}, {count} passengers).",
        "count",
    ),
    "export.template_written": _p("export.template_written", "Wrote the empty XLSX manifest template to {path}."),
    "export.source_missing": _p(
        "export.source_missing",
        "Say what to export: --request and --manifest (offline), or --user with --id or with --organisation and --reference (from the database).",
    ),
    "export.sources_mixed": _p(
        "export.sources_mixed",
        "Export either offline (--request and --manifest) or from the database (--user, --id or --organisation and --reference), not both.",
    ),
    "export.unknown_user": _p(
        "export.unknown_user",
        "There is no active user {email}; the export is made as a user, so that the access log names who saw the manifest.",
    ),
    "settings.bad_paxlst_part_size": _p(
        "settings.bad_paxlst_part_size",
        "CLEARWAY_PAXLST_PART_SIZE is '{value}'; it must be a whole number of persons from 1 to 99999.",
    ),
    "file.unwritable": _p("file.unwritable", "The file {path} cannot be written ({reason})."),
    "export.template_format": _p(
        "export.template_format", "--template writes the XLSX template; it cannot be combined with --format {format}."
    ),
}
