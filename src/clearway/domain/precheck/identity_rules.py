"""Passenger rules about who is on the manifest: duplicates and legal holds."""

from __future__ import annotations

from collections.abc import Callable

from clearway.domain.findings import Code, Finding, Phrase, finding
from clearway.domain.identity import Identity, IdentityMatch, find_duplicates
from clearway.domain.precheck.context import CheckContext
from clearway.domain.precheck.passengers import Returnee


def _later_repeats(context: CheckContext, key: Callable[[Returnee], str | None]) -> list[tuple[Returnee, Returnee]]:
    """(later row, earlier row) for each row whose key an earlier row already had."""
    first_with: dict[str, Returnee] = {}
    repeats = []
    for returnee in context.returnees:
        value = key(returnee)
        if value is None:
            continue
        if value in first_with:
            repeats.append((returnee, first_with[value]))
        else:
            first_with[value] = returnee
    return repeats


def duplicate_documents(context: CheckContext) -> list[Finding]:
    def document(returnee: Returnee) -> str | None:
        if returnee.document_number is None or returnee.document_issuer is None:
            return None
        return f"{returnee.document_issuer}/{returnee.document_number.upper()}"

    return [
        finding(
            Code.DUPLICATE_DOCUMENT,
            seq=later.seq,
            field="document_number",
            details={"other_seq": earlier.seq},
            other_seq=earlier.seq,
            issuer=later.document_issuer,
            number=later.row.get("document_number").strip(),
        )
        for later, earlier in _later_repeats(context, document)
    ]


def duplicate_case_refs(context: CheckContext) -> list[Finding]:
    def case_ref(returnee: Returnee) -> str | None:
        return returnee.row.get("case_ref").strip().casefold() or None

    return [
        finding(
            Code.DUPLICATE_CASE_REF,
            seq=later.seq,
            field="case_ref",
            details={"other_seq": earlier.seq},
            other_seq=earlier.seq,
            case_ref=later.row.get("case_ref").strip(),
        )
        for later, earlier in _later_repeats(context, case_ref)
    ]


def _name(identity: Identity) -> str:
    return " ".join(part for part in (identity.given_names, identity.surname, identity.second_surname) if part.strip())


def _match_words(match: IdentityMatch) -> Phrase:
    return Phrase(tuple(match.tolerances))


def duplicate_people(context: CheckContext) -> list[Finding]:
    by_position = {index: returnee for index, returnee in enumerate(context.returnees)}
    people = [
        (index, identity) for index, returnee in by_position.items() if (identity := returnee.identity) is not None
    ]
    findings = []
    for later_index, earlier_index, match in find_duplicates(people):
        later, earlier = by_position[later_index], by_position[earlier_index]
        assert later.identity is not None and earlier.identity is not None
        findings.append(
            finding(
                Code.DUPLICATE_PERSON,
                seq=later.seq,
                details={"other_seq": earlier.seq, "match": match.to_details()},
                other_seq=earlier.seq,
                name=_name(later.identity),
                other_name=_name(earlier.identity),
                born=later.identity.date_of_birth.iso(),
                how=_match_words(match),
            )
        )
    return findings


def legal_holds(context: CheckContext) -> list[Finding]:
    if context.holds is None:
        return []
    screened = [(returnee, returnee.identity) for returnee in context.returnees]
    people = [(returnee, identity) for returnee, identity in screened if identity is not None]
    results = context.holds.screen([identity for _, identity in people])
    findings = []
    for (returnee, identity), matches in zip(people, results, strict=True):
        for hold in matches:
            entry = hold.entry
            # A hold applies when it is open-ended or runs to the arrival date or later.
            if entry.until is not None and entry.until < context.arrival_date:
                continue
            until = entry.until.isoformat() if entry.until else None
            findings.append(
                finding(
                    Code.LEGAL_HOLD_MATCH,
                    seq=returnee.seq,
                    details={
                        "hold_ref": entry.hold_ref,
                        "hold_type": entry.hold_type,
                        "until": until,
                        "match": hold.match.to_details(),
                    },
                    variant="until" if until else "open",
                    hold_ref=entry.hold_ref,
                    hold_type=Phrase((entry.hold_type,)),
                    until=until,
                    name=_name(identity),
                    hold_name=_name(entry.identity),
                    born=identity.date_of_birth.iso(),
                    how=_match_words(hold.match),
                )
            )
    return findings


FLIGHT_WIDE_RULES = (duplicate_documents, duplicate_case_refs, duplicate_people, legal_holds)
