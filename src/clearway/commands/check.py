"""``clearway check``: read the files, run the pre-check, print the report."""

from __future__ import annotations

import json
import sys
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Severity
from clearway.domain.precheck import PrecheckResult, run_precheck
from clearway.formats.agreement import read_agreements
from clearway.formats.manifest import read_manifest
from clearway.formats.request import read_request
from clearway.formats.structured import FIRST_YEAR, LAST_YEAR, in_utc, parse_moment
from clearway.i18n import render_finding, translate
from clearway.reference import PackagedReferenceData
from clearway.settings import InputLimits


@dataclass(frozen=True)
class CheckOptions:
    request: Path
    manifest: Path
    agreements: tuple[Path, ...]
    holds: Path | None
    at: str | None
    output: str  # "text" | "json"
    lang: str  # "en" | "es"


def run_check(options: CheckOptions) -> int:
    """Print the report on standard output; the exit status says whether errors were found.

    Libraries' warnings are silenced: standard error carries the one sentence of an
    unusable input and nothing else, and anything a warning could say about a file is
    either a finding or of no consequence to the check.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _run_check(options)


def _run_check(options: CheckOptions) -> int:
    at = _moment(options.at)
    limits = InputLimits.from_environment()
    request = read_request(options.request, limits)
    manifest = read_manifest(options.manifest, limits)
    agreements = read_agreements(options.agreements, limits)
    holds = _open_holds(options) if options.holds is not None else None
    try:
        result = run_precheck(
            request,
            manifest,
            agreements,
            PackagedReferenceData(),
            at=at,
            holds=holds,
            request_source=str(options.request),
        )
    finally:
        if holds is not None:
            holds.close()
    if options.output == "json":
        print(json.dumps(report_json(result, options.lang), ensure_ascii=False, indent=1))
    else:
        print(report_text(result, options.lang))
    return 1 if result.has_errors else 0


def _moment(text: str | None) -> datetime:
    if text is None:
        return datetime.now(UTC)
    moment = parse_moment(text.strip())
    if moment is None or moment.tzinfo is None:
        raise UnusableInput("cli.bad_at", value=text)
    utc = in_utc(moment)
    if utc is None:
        raise UnusableInput("cli.at_out_of_range", value=text, first=FIRST_YEAR, last=LAST_YEAR)
    return utc


def _open_holds(options: CheckOptions) -> Any:
    from clearway.screening import open_hold_list

    assert options.holds is not None
    # A bar only for a person at a terminal: in a pipe or a log it would be stray lines on standard error.
    if options.output != "text" or not sys.stderr.isatty():
        return open_hold_list(options.holds)
    from clearway.commands.progress import ByteProgress

    with ByteProgress(translate("report.loading_holds", options.lang)) as progress:
        return open_hold_list(options.holds, progress=progress.update)


def report_json(result: PrecheckResult, lang: str) -> dict[str, Any]:
    """The one JSON object of spec/cli.md."""
    agreement = result.agreement
    return {
        "request": result.request.reference,
        "agreement": {"id": agreement.id, "version": agreement.version} if agreement else None,
        "findings": [
            {
                "code": str(item.code),
                "severity": str(item.severity),
                "scope": str(item.scope),
                "seq": item.seq,
                "field": item.field,
                "message": render_finding(item, lang),
                "details": item.details,
            }
            for item in result.findings
        ],
        "counts": {str(severity): result.count(severity) for severity in Severity},
        "rows": result.rows,
    }


def report_text(result: PrecheckResult, lang: str) -> str:
    """A report for people, grouped by severity."""
    lines = [translate("report.title", lang, reference=result.request.reference)]
    agreement = result.agreement
    day = result.arrival_date.isoformat()
    if agreement is not None:
        lines.append(translate("report.agreement", lang, id=agreement.id, version=agreement.version, day=day))
    else:
        lines.append(translate("report.no_agreement", lang, day=day))
    for severity in Severity:
        items = [item for item in result.findings if item.severity == severity]
        if not items:
            continue
        lines += ["", translate(f"report.section.{severity}", lang, count=len(items))]
        for item in items:
            where = " ".join(
                part for part in (f"seq {item.seq}" if item.seq is not None else "", item.field or "") if part
            )
            lines.append(f"  {item.code}{f' ({where})' if where else ''}")
            lines.append(f"    {render_finding(item, lang)}")
    counts = {severity: result.count(severity) for severity in Severity}
    summary = "report.summary.errors" if counts[Severity.ERROR] else "report.summary.clean"
    lines += [
        "",
        translate(
            summary,
            lang,
            errors=translate("report.count.errors", lang, count=counts[Severity.ERROR]),
            warnings=translate("report.count.warnings", lang, count=counts[Severity.WARNING]),
            infos=translate("report.count.notes", lang, count=counts[Severity.INFO]),
        ),
    ]
    return "\n".join(lines)
