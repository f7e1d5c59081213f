"""The words of the text report and of the command line."""

MESSAGES: dict[str, dict[str, str]] = {
    "report.title": {
        "en": "Pre-check of request {reference}",
        "es": "Verificación previa de la solicitud {reference}",
    },
    "report.agreement": {
        "en": "Agreement: {id} version {version} (arrival date {day})",
        "es": "Acuerdo: {id} versión {version} (fecha de llegada {day})",
    },
    "report.no_agreement": {
        "en": "Agreement: none applies (arrival date {day})",
        "es": "Acuerdo: no se aplica ninguno (fecha de llegada {day})",
    },
    "report.section.error": {"en": "Errors ({count})", "es": "Errores ({count})"},
    "report.section.warning": {"en": "Warnings ({count})", "es": "Advertencias ({count})"},
    "report.section.info": {"en": "For information ({count})", "es": "Para información ({count})"},
    "report.summary.errors": {
        "en": "{errors} error(s), {warnings} warning(s), {infos} note(s): the receiving side would refuse this request as it stands.",
        "es": "{errors} error(es), {warnings} advertencia(s), {infos} nota(s): el país receptor rechazaría esta solicitud tal como está.",
    },
    "report.summary.clean": {
        "en": "No errors ({warnings} warning(s), {infos} note(s)): the request can be submitted.",
        "es": "Sin errores ({warnings} advertencia(s), {infos} nota(s)): la solicitud puede presentarse.",
    },
    "report.loading_holds": {
        "en": "Indexing the legal-hold list",
        "es": "Indexando la lista de retenciones legales",
    },
}
