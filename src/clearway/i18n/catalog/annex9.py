"""The ICAO Annex 9 forms (General Declaration, Passenger Manifest): captions and notes.

The forms print every caption in both languages, English first (clearway.formats.annex9).
Captions follow the ICAO model forms (standards/annex9.md); the Spanish follows ICAO's
Spanish edition of Annex 9 where its wording is known.
"""

MESSAGES: dict[str, dict[str, str]] = {
    # --- General Declaration (Appendix 1) ---
    "annex9.gd.title": {"en": "GENERAL DECLARATION", "es": "DECLARACIÓN GENERAL"},
    "annex9.gd.outward": {"en": "Outward", "es": "Salida"},
    "annex9.gd.inward": {"en": "Inward", "es": "Llegada"},
    "annex9.gd.leg": {
        "en": "Leg {number} of {count} of the request",
        "es": "Tramo {number} de {count} de la solicitud",
    },
    "annex9.field.operator": {"en": "Operator", "es": "Explotador"},
    "annex9.field.registration": {
        "en": "Marks of Nationality and Registration",
        "es": "Marcas de nacionalidad y de matrícula",
    },
    "annex9.field.flight_number": {"en": "Flight No.", "es": "Vuelo N.º"},
    "annex9.field.date": {"en": "Date", "es": "Fecha"},
    "annex9.field.departure_from": {"en": "Departure from (Place)", "es": "Salida de (lugar)"},
    "annex9.field.arrival_at": {"en": "Arrival at (Place)", "es": "Llegada a (lugar)"},
    "annex9.field.aircraft_type": {"en": "Aircraft type", "es": "Tipo de aeronave"},
    "annex9.routing.title": {"en": "FLIGHT ROUTING", "es": "ITINERARIO DEL VUELO"},
    "annex9.routing.place": {"en": "Place", "es": "Lugar"},
    "annex9.routing.crew": {"en": "Total number of crew", "es": "Número total de tripulantes"},
    "annex9.routing.passengers": {
        "en": "Number of passengers on this stage",
        "es": "Número de pasajeros en esta etapa",
    },
    "annex9.routing.departure_place": {"en": "Departure place", "es": "Lugar de salida"},
    "annex9.routing.arrival_place": {"en": "Arrival place", "es": "Lugar de llegada"},
    "annex9.routing.embarking": {"en": "Embarking", "es": "Embarcan"},
    "annex9.routing.disembarking": {"en": "Disembarking", "es": "Desembarcan"},
    "annex9.routing.through": {"en": "Through on same flight", "es": "En tránsito en el mismo vuelo"},
    "annex9.routing.cargo": {"en": "Cargo", "es": "Carga"},
    "annex9.routing.arrives": {"en": "arr.", "es": "lleg."},
    "annex9.routing.departs": {"en": "dep.", "es": "sal."},
    "annex9.routing.others": {
        "en": "Also on board, not on the passenger manifest: {escorts} escorts, {medical_staff} medical staff, {monitors} monitors.",
        "es": "También a bordo, fuera del manifiesto de pasajeros: {escorts} escoltas, {medical_staff} personal médico, {monitors} observadores.",
    },
    "annex9.routing.excluded": {
        "en": "Passenger numbers leave out the {count} listed passengers the clearance excludes.",
        "es": "Las cifras de pasajeros no cuentan a los {count} pasajeros listados que la autorización excluye.",
    },
    "annex9.health.title": {"en": "DECLARATION OF HEALTH", "es": "DECLARACIÓN DE SALUD"},
    "annex9.health.ill": {
        "en": "Persons on board known to be suffering from illness other than airsickness or the effects of accidents, as well as those cases of illness disembarked during the flight (name and seat number or function):",
        "es": "Personas a bordo que se sabe padecen una enfermedad que no sea mareo o efecto de accidentes, así como los casos de enfermedad desembarcados durante el vuelo (nombre y número de asiento o función):",
    },
    "annex9.health.other": {
        "en": "Any other condition on board which may lead to the spread of disease:",
        "es": "Cualquier otra condición a bordo que pueda conducir a la propagación de enfermedades:",
    },
    "annex9.health.disinsection": {
        "en": "Details of each disinsecting or sanitary treatment (place, date, time, method) during the flight. If no disinsecting has been carried out during the flight, give details of the most recent disinsecting:",
        "es": "Detalles de cada desinsectación o tratamiento sanitario (lugar, fecha, hora, método) durante el vuelo. Si no se ha efectuado durante el vuelo, detalles de la desinsectación más reciente:",
    },
    "annex9.health.signed": {
        "en": "Signed, if required (with time and date): crew member concerned",
        "es": "Firma, si se requiere (con hora y fecha): miembro de la tripulación interesado",
    },
    "annex9.official_use": {"en": "For official use only", "es": "Para uso oficial exclusivamente"},
    "annex9.declaration.text": {
        "en": "I declare that all statements and particulars contained in this General Declaration, and in any supplementary forms required to be presented with this General Declaration, are complete, exact and true to the best of my knowledge and that all through passengers will continue/have continued on the flight.",
        "es": "Declaro que todas las manifestaciones y datos contenidos en esta Declaración general, y en los formularios complementarios que deban presentarse con ella, son completos, exactos y verdaderos según mi leal saber y entender, y que todos los pasajeros en tránsito continuarán/han continuado en el vuelo.",
    },
    "annex9.declaration.signature": {"en": "SIGNATURE", "es": "FIRMA"},
    "annex9.declaration.agent": {"en": "Authorized Agent", "es": "Agente autorizado"},
    "annex9.declaration.pilot": {"en": "Pilot-in-command", "es": "Piloto al mando"},
    "annex9.declaration.name": {"en": "Name", "es": "Nombre"},
    "annex9.declaration.when": {"en": "Date and time", "es": "Fecha y hora"},
    # --- Passenger Manifest (Appendix 2) ---
    "annex9.manifest.title": {"en": "PASSENGER MANIFEST", "es": "MANIFIESTO DE PASAJEROS"},
    "annex9.field.embarkation": {"en": "Point of embarkation (Place)", "es": "Punto de embarque (lugar)"},
    "annex9.field.disembarkation": {"en": "Point of disembarkation (Place)", "es": "Punto de desembarque (lugar)"},
    "annex9.manifest.seq": {"en": "No.", "es": "N.º"},
    "annex9.manifest.name": {"en": "Surname and initials", "es": "Apellidos e iniciales"},
    "annex9.manifest.mrz": {"en": "Name in machine-readable form", "es": "Nombre en lectura mecánica"},
    "annex9.manifest.operator_use": {"en": "For use by operator only", "es": "Para uso del explotador"},
    "annex9.manifest.official_use": {"en": "For official use only", "es": "Para uso oficial"},
    "annex9.manifest.excluded": {"en": "EXCLUDED", "es": "EXCLUIDO"},
    "annex9.manifest.count": {
        "en": "Passengers listed: {count}. Marked ✗ EXCLUDED: {excluded}, not covered by the clearance and not cleared to travel.",
        "es": "Pasajeros listados: {count}. Marcados ✗ EXCLUIDO: {excluded}, no cubiertos por la autorización ni autorizados a viajar.",
    },
    # --- the clearance, on every form ---
    "annex9.clearance.number": {"en": "Clearance {number}", "es": "Autorización {number}"},
    "annex9.clearance.cleared_for": {
        "en": "Cleared for version {version}",
        "es": "Autorizado para la versión {version}",
    },
    "annex9.clearance.later_version": {
        "en": "This is version {version}, amended after the decision without needing a new one; the clearance is the one granted for version {cleared}.",
        "es": "Esta es la versión {version}, modificada tras la decisión sin necesitar una nueva; la autorización es la otorgada para la versión {cleared}.",
    },
    "annex9.clearance.issued": {
        "en": "Issued by {issuer} ({country}) on {issued_at}; valid from {valid_from} until {valid_until}.",
        "es": "Expedida por {issuer} ({country}) el {issued_at}; válida desde el {valid_from} hasta el {valid_until}.",
    },
    "annex9.clearance.excluded": {
        "en": "Excluded passengers (seq): {seqs}.",
        "es": "Pasajeros excluidos (seq): {seqs}.",
    },
    "annex9.clearance.conditions": {"en": "Conditions: {conditions}", "es": "Condiciones: {conditions}"},
    "annex9.clearance.none": {
        "en": "NOT CLEARED: no clearance has been issued for this version.",
        "es": "SIN AUTORIZACIÓN: no se ha expedido ninguna autorización para esta versión.",
    },
    "annex9.clearance.scan": {
        "en": "Scan to verify the signed clearance offline (/verify or clearway clearance verify).",
        "es": "Escanee para verificar la autorización firmada sin conexión (/verify o clearway clearance verify).",
    },
    "annex9.footer.request": {
        "en": "Request {reference}, version {version}",
        "es": "Solicitud {reference}, versión {version}",
    },
    "annex9.footer.manifest": {"en": "Manifest hash", "es": "Huella del manifiesto"},
    "annex9.footer.clearance": {"en": "Clearance", "es": "Autorización"},
    "annex9.footer.not_cleared": {"en": "not cleared", "es": "sin autorización"},
    "annex9.footer.page": {"en": "Page {page} of {pages}", "es": "Página {page} de {pages}"},
    "annex9.development.banner": {
        "en": "DEMONSTRATION ONLY: signed with a key protected only by the published development secret. This is not a clearance.",
        "es": "SOLO DEMOSTRACIÓN: firmado con una clave protegida solo por el secreto de desarrollo publicado. No es una autorización.",
    },
}
