"""The words of the text report and of the command line."""

from clearway.i18n.message import Message, _np, _p

MESSAGES: dict[str, Message] = {
    "report.title": _p("report.title", "Pre-check of request {reference}"),
    "report.agreement": _p("report.agreement", "Agreement: {id} version {version} (arrival date {day})"),
    "report.no_agreement": _p("report.no_agreement", "Agreement: none applies (arrival date {day})"),
    "report.section.error": _p("report.section.error", "Errors ({count})"),
    "report.section.warning": _p("report.section.warning", "Warnings ({count})"),
    "report.section.info": _p("report.section.info", "For information ({count})"),
    "report.summary.errors": _p(
        "report.summary.errors",
        "{errors}, {warnings}, {infos}: the receiving side would refuse this request as it stands.",
    ),
    "report.summary.clean": _p(
        "report.summary.clean", "No errors ({warnings}, {infos}): the request can be submitted."
    ),
    "report.loading_holds": _p("report.loading_holds", "Indexing the legal-hold list"),
    "report.count.errors": _np("report.count.errors", "{count} error", "{count} errors", "count"),
    "report.count.warnings": _np("report.count.warnings", "{count} warning", "{count} warnings", "count"),
    "report.count.notes": _np("report.count.notes", "{count} note", "{count} notes", "count"),
}
