"""Passenger rules that protect people: minors travelling alone, medical needs."""

from __future__ import annotations

from clearway.domain.dates import age_on
from clearway.domain.findings import Code, Finding, finding
from clearway.domain.precheck.context import CheckContext


def unaccompanied_minors(context: CheckContext) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.adult_age is None or agreement.unaccompanied_minors is None:
        return []
    if agreement.unaccompanied_minors:
        return []
    adult_age = agreement.adult_age
    on = context.arrival_date

    def age(returnee_index: int) -> int | None:
        born = context.returnees[returnee_index].date_of_birth
        # The youngest possible age: a partly unknown date never makes a child an adult.
        return age_on(born.latest(), on) if born is not None else None

    ages = [age(index) for index in range(len(context.returnees))]
    adults_by_group: set[str] = {
        returnee.row.get("family_group").strip().casefold()
        for returnee, years in zip(context.returnees, ages, strict=True)
        if years is not None and years >= adult_age and returnee.row.get("family_group").strip()
    }
    findings = []
    for returnee, years in zip(context.returnees, ages, strict=True):
        if years is None or years >= adult_age:
            continue
        group = returnee.row.get("family_group").strip()
        if group and group.casefold() in adults_by_group:
            continue
        findings.append(
            finding(
                Code.MINOR_UNACCOMPANIED,
                seq=returnee.seq,
                field="family_group",
                details={"age": years, "family_group": group or None},
                variant="in_group" if group else ("paxlst" if context.manifest.message is not None else "no_group"),
                age=max(years, 0),
                adult_age=adult_age,
                family_group=group,
            )
        )
    return findings


def medical_details(context: CheckContext) -> list[Finding]:
    return [
        finding(Code.MEDICAL_DETAILS_MISSING, seq=returnee.seq, field="medical")
        for returnee in context.returnees
        if returnee.medical_escort and not returnee.row.get("medical").strip()
    ]


FLIGHT_WIDE_RULES = (unaccompanied_minors, medical_details)
