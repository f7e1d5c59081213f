"""The ICAO Annex 9 forms (General Declaration, Passenger Manifest): captions and notes.

The forms print every caption in both languages, English first (clearway.formats.annex9).
Captions follow the ICAO model forms (standards/annex9.md); the Spanish follows ICAO's
Spanish edition of Annex 9 where its wording is known.
"""

from clearway.i18n.message import Message, _p

MESSAGES: dict[str, Message] = {
    # --- General Declaration (Appendix 1) ---
    "annex9.gd.title": _p("annex9.gd.title", "GENERAL DECLARATION"),
    "annex9.gd.outward": _p("annex9.gd.outward", "Outward"),
    "annex9.gd.inward": _p("annex9.gd.inward", "Inward"),
    "annex9.gd.leg": _p("annex9.gd.leg", "Leg {number} of {count} of the request"),
    "annex9.field.operator": _p("annex9.field.operator", "Operator"),
    "annex9.field.registration": _p("annex9.field.registration", "Marks of Nationality and Registration"),
    "annex9.field.flight_number": _p("annex9.field.flight_number", "Flight No."),
    "annex9.field.date": _p("annex9.field.date", "Date"),
    "annex9.field.departure_from": _p("annex9.field.departure_from", "Departure from (Place)"),
    "annex9.field.arrival_at": _p("annex9.field.arrival_at", "Arrival at (Place)"),
    "annex9.field.aircraft_type": _p("annex9.field.aircraft_type", "Aircraft type"),
    "annex9.routing.title": _p("annex9.routing.title", "FLIGHT ROUTING"),
    "annex9.routing.place": _p("annex9.routing.place", "Place"),
    "annex9.routing.crew": _p("annex9.routing.crew", "Total number of crew"),
    "annex9.routing.passengers": _p("annex9.routing.passengers", "Number of passengers on this stage"),
    "annex9.routing.departure_place": _p("annex9.routing.departure_place", "Departure place"),
    "annex9.routing.arrival_place": _p("annex9.routing.arrival_place", "Arrival place"),
    "annex9.routing.embarking": _p("annex9.routing.embarking", "Embarking"),
    "annex9.routing.disembarking": _p("annex9.routing.disembarking", "Disembarking"),
    "annex9.routing.through": _p("annex9.routing.through", "Through on same flight"),
    "annex9.routing.cargo": _p("annex9.routing.cargo", "Cargo"),
    "annex9.routing.arrives": _p("annex9.routing.arrives", "arr."),
    "annex9.routing.departs": _p("annex9.routing.departs", "dep."),
    "annex9.routing.others": _p(
        "annex9.routing.others",
        "Also on board, not on the passenger manifest: {escorts} escorts, {medical_staff} medical staff, {monitors} monitors.",
    ),
    "annex9.routing.excluded": _p(
        "annex9.routing.excluded", "Passenger numbers leave out the {count} listed passengers the clearance excludes."
    ),
    "annex9.health.title": _p("annex9.health.title", "DECLARATION OF HEALTH"),
    "annex9.health.ill": _p(
        "annex9.health.ill",
        "Persons on board known to be suffering from illness other than airsickness or the effects of accidents, as well as those cases of illness disembarked during the flight (name and seat number or function):",
    ),
    "annex9.health.other": _p(
        "annex9.health.other", "Any other condition on board which may lead to the spread of disease:"
    ),
    "annex9.health.disinsection": _p(
        "annex9.health.disinsection",
        "Details of each disinsecting or sanitary treatment (place, date, time, method) during the flight. If no disinsecting has been carried out during the flight, give details of the most recent disinsecting:",
    ),
    "annex9.health.signed": _p(
        "annex9.health.signed", "Signed, if required (with time and date): crew member concerned"
    ),
    "annex9.official_use": _p("annex9.official_use", "For official use only"),
    "annex9.declaration.text": _p(
        "annex9.declaration.text",
        "I declare that all statements and particulars contained in this General Declaration, and in any supplementary forms required to be presented with this General Declaration, are complete, exact and true to the best of my knowledge and that all through passengers will continue/have continued on the flight.",
    ),
    "annex9.declaration.signature": _p("annex9.declaration.signature", "SIGNATURE"),
    "annex9.declaration.agent": _p("annex9.declaration.agent", "Authorized Agent"),
    "annex9.declaration.pilot": _p("annex9.declaration.pilot", "Pilot-in-command"),
    "annex9.declaration.name": _p("annex9.declaration.name", "Name"),
    "annex9.declaration.when": _p("annex9.declaration.when", "Date and time"),
    # --- Passenger Manifest (Appendix 2) ---
    "annex9.manifest.title": _p("annex9.manifest.title", "PASSENGER MANIFEST"),
    "annex9.field.embarkation": _p("annex9.field.embarkation", "Point of embarkation (Place)"),
    "annex9.field.disembarkation": _p("annex9.field.disembarkation", "Point of disembarkation (Place)"),
    "annex9.manifest.seq": _p("annex9.manifest.seq", "No."),
    "annex9.manifest.name": _p("annex9.manifest.name", "Surname and initials"),
    "annex9.manifest.mrz": _p("annex9.manifest.mrz", "Name in machine-readable form"),
    "annex9.manifest.operator_use": _p("annex9.manifest.operator_use", "For use by operator only"),
    "annex9.manifest.official_use": _p("annex9.manifest.official_use", "For official use only"),
    "annex9.manifest.excluded": _p("annex9.manifest.excluded", "EXCLUDED"),
    "annex9.manifest.count": _p(
        "annex9.manifest.count",
        "Passengers listed: {count}. Marked ✗ EXCLUDED: {excluded}, not covered by the clearance and not cleared to travel.",
    ),
    # --- the clearance, on every form ---
    "annex9.clearance.number": _p("annex9.clearance.number", "Clearance {number}"),
    "annex9.clearance.cleared_for": _p("annex9.clearance.cleared_for", "Cleared for version {version}"),
    "annex9.clearance.later_version": _p(
        "annex9.clearance.later_version",
        "This is version {version}, amended after the decision without needing a new one; the clearance is the one granted for version {cleared}.",
    ),
    "annex9.clearance.issued": _p(
        "annex9.clearance.issued",
        "Issued by {issuer} ({country}) on {issued_at}; valid from {valid_from} until {valid_until}.",
    ),
    "annex9.clearance.excluded": _p("annex9.clearance.excluded", "Excluded passengers (seq): {seqs}."),
    "annex9.clearance.conditions": _p("annex9.clearance.conditions", "Conditions: {conditions}"),
    "annex9.clearance.none": _p("annex9.clearance.none", "NOT CLEARED: no clearance has been issued for this version."),
    "annex9.clearance.scan": _p(
        "annex9.clearance.scan", "Scan to verify the signed clearance offline (/verify or clearway clearance verify)."
    ),
    "annex9.footer.request": _p("annex9.footer.request", "Request {reference}, version {version}"),
    "annex9.footer.manifest": _p("annex9.footer.manifest", "Manifest hash"),
    "annex9.footer.clearance": _p("annex9.footer.clearance", "Clearance"),
    "annex9.footer.not_cleared": _p("annex9.footer.not_cleared", "not cleared"),
    "annex9.footer.page": _p("annex9.footer.page", "Page {page} of {pages}"),
}
