"""The pre-check: the receiving country's rules run over one request and manifest.

One module per rule family; each rule takes the ``CheckContext`` (and, for
per-passenger rules, one ``Returnee``) and returns findings. ``run_precheck``
is the only entry point, so the CLI, the API and the review screen agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from clearway.domain.agreements import Agreement, applicable_agreement
from clearway.domain.findings import Code, Finding, Severity, finding, ordered
from clearway.domain.flights import FlightRequest
from clearway.domain.people import Manifest
from clearway.domain.precheck import capacity, documents, file_rules, identity_rules, safeguards, schedule
from clearway.domain.precheck.context import CheckContext, DailyLoad, HoldScreen
from clearway.domain.precheck.legs import arrival_date, judged_legs
from clearway.domain.precheck.passengers import read_returnee
from clearway.domain.reference import ReferenceData

__all__ = ["DailyLoad", "HoldScreen", "PrecheckResult", "run_precheck"]


@dataclass(frozen=True)
class PrecheckResult:
    request: FlightRequest
    agreement: Agreement | None
    arrival_date: date
    findings: tuple[Finding, ...]
    #: Manifest rows read (records that could not be read are ``ROW_UNREADABLE`` findings instead).
    rows: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for item in self.findings if item.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count(Severity.ERROR) > 0


def run_precheck(
    request: FlightRequest,
    manifest: Manifest,
    agreements: Iterable[Agreement],
    reference: ReferenceData,
    *,
    at: datetime,
    holds: HoldScreen | None = None,
    existing_load: Mapping[date, DailyLoad] | None = None,
    request_source: str = "",
) -> PrecheckResult:
    """Every finding the receiving side would raise; never stops at the first one.

    ``at`` is the moment of checking; the request's ``submitted_at`` wins over it.
    Raises ``UnusableInput`` only when no leg arrives in the receiving country.
    """
    legs = judged_legs(request, reference, request_source)
    arrival_day = arrival_date(legs)
    agreement = applicable_agreement(agreements, request.sending_authority, request.receiving_country, arrival_day)

    findings: list[Finding] = []
    returnees = []
    passenger_fields: list[Finding] = []
    for row in manifest.rows:
        returnee, row_findings = read_returnee(row, reference, manifest.columns)
        returnees.append(returnee)
        passenger_fields.extend(row_findings)

    context = CheckContext(
        request=request,
        manifest=manifest,
        returnees=tuple(returnees),
        reference=reference,
        agreement=agreement,
        judged_legs=legs,
        arrival_date=arrival_day,
        checked_at=request.submitted_at or at,
        holds=holds,
        existing_load=existing_load or {},
    )

    for file_rule in file_rules.RULES:
        findings.extend(file_rule(context))
    if agreement is None:
        findings.append(
            finding(
                Code.NO_AGREEMENT,
                details={"arrival_date": arrival_day.isoformat()},
                sender=request.sending_authority,
                receiving=request.receiving_country,
                day=arrival_day.isoformat(),
            )
        )
    for flight_rule in (*schedule.RULES, *capacity.RULES):
        findings.extend(flight_rule(context))

    findings.extend(passenger_fields)
    for returnee in context.returnees:
        for passenger_rule in documents.RULES:
            findings.extend(passenger_rule(context, returnee))
    for manifest_rule in (*identity_rules.FLIGHT_WIDE_RULES, *safeguards.FLIGHT_WIDE_RULES):
        findings.extend(manifest_rule(context))

    return PrecheckResult(
        request=request,
        agreement=agreement,
        arrival_date=arrival_day,
        findings=tuple(ordered(findings)),
        rows=len(manifest.rows),
    )
