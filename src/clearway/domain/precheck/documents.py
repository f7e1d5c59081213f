"""Passenger rules about age, nationality, travel documents and their MRZ."""

from __future__ import annotations

from typing import Any

from clearway.domain import mrz
from clearway.domain.dates import age_on
from clearway.domain.findings import Code, Finding, Severity, finding
from clearway.domain.precheck.context import CheckContext
from clearway.domain.precheck.passengers import Returnee
from clearway.domain.reference import same_state

MAX_AGE = 120
PASSPORT = "P"


def age_plausible(context: CheckContext, returnee: Returnee) -> list[Finding]:
    born = returnee.date_of_birth
    if born is None:
        return []
    # The earliest possible date of birth: only a date that cannot be right is refused.
    earliest = born.earliest()
    on = context.arrival_date
    if earliest > on:
        variant = "born_after_arrival"
    elif age_on(earliest, on) > MAX_AGE:
        variant = "too_old"
    else:
        return []
    return [
        finding(
            Code.AGE_IMPLAUSIBLE,
            seq=returnee.seq,
            field="date_of_birth",
            details={"date_of_birth": born.iso(), "arrival_date": on.isoformat()},
            variant=variant,
            born=born.iso(),
            arrival=on.isoformat(),
            maximum=MAX_AGE,
        )
    ]


def nationality_accepted(context: CheckContext, returnee: Returnee) -> list[Finding]:
    agreement = context.agreement
    if (
        agreement is None
        or agreement.own_nationality is None
        or agreement.third_country_nationalities is None
        or returnee.nationality is None
    ):
        return []
    accepted = (agreement.own_nationality, *agreement.third_country_nationalities)
    if any(same_state(returnee.nationality, code) for code in accepted):
        return []
    return [
        finding(
            Code.NATIONALITY_NOT_ACCEPTED,
            seq=returnee.seq,
            field="nationality",
            details={"nationality": returnee.nationality, "accepted": list(accepted)},
            nationality=returnee.row.get("nationality").strip(),
            accepted=", ".join(accepted),
        )
    ]


def document_type_accepted(context: CheckContext, returnee: Returnee) -> list[Finding]:
    agreement = context.agreement
    if agreement is None or agreement.accepted_document_types is None or returnee.document_type is None:
        return []
    if returnee.document_type in agreement.accepted_document_types:
        return []
    return [
        finding(
            Code.DOCUMENT_TYPE_NOT_ACCEPTED,
            seq=returnee.seq,
            field="document_type",
            details={"document_type": returnee.document_type, "accepted": list(agreement.accepted_document_types)},
            document_type=returnee.document_type,
            accepted=", ".join(agreement.accepted_document_types),
        )
    ]


def document_expiry(context: CheckContext, returnee: Returnee) -> list[Finding]:
    expiry = returnee.document_expiry
    if expiry is None or expiry >= context.arrival_date:
        return []
    agreement = context.agreement
    accepted_for_own = (
        agreement is not None
        and agreement.expired_passport_ok_for_own is True
        and agreement.own_nationality is not None
        and returnee.document_type == PASSPORT
        and returnee.nationality is not None
        and same_state(returnee.nationality, agreement.own_nationality)
    )
    return [
        finding(
            Code.DOCUMENT_EXPIRED,
            seq=returnee.seq,
            field="document_expiry",
            details={"expiry": expiry.isoformat(), "arrival_date": context.arrival_date.isoformat()},
            severity=Severity.INFO if accepted_for_own else Severity.ERROR,
            variant="accepted_for_own" if accepted_for_own else None,
            expiry=expiry.isoformat(),
            arrival=context.arrival_date.isoformat(),
        )
    ]


def passport_issuer(context: CheckContext, returnee: Returnee) -> list[Finding]:
    if returnee.document_type != PASSPORT or returnee.document_issuer is None or returnee.nationality is None:
        return []
    if same_state(returnee.document_issuer, returnee.nationality):
        return []
    return [
        finding(
            Code.DOCUMENT_ISSUER_MISMATCH,
            seq=returnee.seq,
            field="document_issuer",
            details={"issuer": returnee.document_issuer, "nationality": returnee.nationality},
            issuer=returnee.row.get("document_issuer").strip(),
            nationality=returnee.row.get("nationality").strip(),
        )
    ]


def machine_readable_zone(context: CheckContext, returnee: Returnee) -> list[Finding]:
    text = returnee.row.get("mrz").strip()
    agreement = context.agreement
    if not text:
        required = agreement.mrz_required_for if agreement is not None else None
        if required is not None and returnee.document_type in required:
            return [
                finding(
                    Code.MRZ_REQUIRED,
                    seq=returnee.seq,
                    field="mrz",
                    # A PAXLST message cannot carry the zone: say how the sender adds it.
                    variant="paxlst" if context.manifest.message is not None else None,
                    document_type=returnee.document_type,
                )
            ]
        return []
    try:
        parsed = mrz.parse_mrz(text)
    except mrz.MrzMalformed as error:
        return [
            finding(
                Code.MRZ_MALFORMED,
                seq=returnee.seq,
                field="mrz",
                details={"reason": error.reason, **error.detail},
                variant=error.reason,
                **{f"mrz_{name}": _shown(value) for name, value in error.detail.items()},
            )
        ]
    findings = [
        finding(
            Code.MRZ_CHECK_DIGIT,
            seq=returnee.seq,
            field=mrz_field,
            details={"mrz_field": mrz_field, "format": str(parsed.format)},
            variant=mrz_field,
            format=str(parsed.format),
        )
        for mrz_field in parsed.failed_check_digits()
    ]
    columns = context.manifest.columns

    def written(column: str) -> str | None:
        # A column the header lacks is not a value to compare (MISSING_COLUMN says so once);
        # an empty given_names in a present column is a real value: a person with no given name.
        return returnee.row.get(column) if column in columns else None

    row_view = mrz.MrzRowView(
        surname=written("surname"),
        second_surname=written("second_surname"),
        given_names=written("given_names"),
        sex=returnee.sex,
        date_of_birth=returnee.date_of_birth,
        nationality=returnee.nationality,
        document_number=returnee.document_number,
        document_issuer=returnee.document_issuer,
        document_expiry=returnee.document_expiry,
    )
    for mismatch in mrz.compare_with_row(parsed, row_view, context.arrival_date):
        findings.append(
            finding(
                Code.MRZ_MISMATCH,
                seq=returnee.seq,
                field=mismatch.field,
                details={"mrz_value": mismatch.mrz_value, "row_value": mismatch.row_value},
                column=mismatch.field,
                mrz_value=mismatch.mrz_value,
                row_value=mismatch.row_value,
            )
        )
    return findings


def _shown(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(item) for item in value)
    return value


RULES = (
    age_plausible,
    nationality_accepted,
    document_type_accepted,
    document_expiry,
    passport_issuer,
    machine_readable_zone,
)
