"""Passenger rules: each test varies one value of one row of the clean factory manifest."""

import pytest

from clearway.domain.findings import Severity
from tests.factories import agreement, codes, people, precheck, request, row_values


def varied(number: int = 1, **changes: str) -> dict[str, str]:
    """A valid non-passport row (no MRZ needed) with ``changes`` applied after it was built."""
    return {**row_values(number, with_mrz=False, document_type="C"), **changes}


def check_rows(*rows, **options):
    manifest = people(*rows)
    flight = request(people={"declared_passengers": len(manifest.rows)})
    return precheck(flight=flight, manifest=manifest, **options)


def findings_of(result, code):
    return [f for f in result.findings if f.code == code]


@pytest.mark.parametrize("column", ["surname", "sex", "date_of_birth", "nationality", "document_type", "case_ref"])
def test_required_value_empty(column: str) -> None:
    result = check_rows(varied(**{column: ""}))
    assert ("REQUIRED_FIELD_MISSING", 1 if column != "seq" else None, column) in codes(result)


def test_empty_given_names_are_allowed_for_people_without_one() -> None:
    assert codes(check_rows(row_values(1, given_names=""))) == []


@pytest.mark.parametrize("column", ["document_number", "document_issuer", "document_expiry"])
def test_document_values_are_required_unless_type_n(column: str) -> None:
    assert ("REQUIRED_FIELD_MISSING", 1, column) in codes(
        check_rows(row_values(1, with_mrz=False, document_type="C", **{column: ""}))
    )
    no_document = row_values(1, document_type="N", document_number="", document_issuer="", document_expiry="")
    assert codes(check_rows(no_document, agreements=[agreement(accepted_document_types=("N",))])) == []


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("seq", "0"),
        ("seq", "10000"),
        ("seq", "1.5"),
        ("sex", "Q"),
        ("date_of_birth", "1984-13-01"),
        ("date_of_birth", "1984-00-12"),
        ("date_of_birth", "24/06/1984"),
        ("nationality", "MEXX"),
        ("nationality", "ABC"),
        ("document_type", "Z"),
        ("document_number", "A" * 21),
        ("document_number", "AB-123"),
        ("document_issuer", "ZZZ"),
        ("document_expiry", "2029-02-30"),
        ("medical_escort", "maybe"),
    ],
)
def test_unreadable_values(column: str, value: str) -> None:
    result = check_rows(varied(**{column: value}))
    found = findings_of(result, "FIELD_FORMAT_INVALID")
    assert [(f.field, f.details["value"]) for f in found] == [(column, value)]


def test_codes_are_read_case_insensitively_and_kept_as_typed() -> None:
    row = row_values(1, sex="m", nationality="mex", document_type="p", document_issuer="mex", medical_escort="n")
    row["mrz"] = row_values(1)["mrz"]
    result = check_rows(row)
    assert codes(result) == []


def test_one_bad_row_never_hides_the_others() -> None:
    result = check_rows(varied(1, sex="?"), varied(2, nationality="???"), varied(3, date_of_birth="x"))
    assert [(c, s) for c, s, _ in codes(result) if c == "FIELD_FORMAT_INVALID"] == [
        ("FIELD_FORMAT_INVALID", 1),
        ("FIELD_FORMAT_INVALID", 2),
        ("FIELD_FORMAT_INVALID", 3),
    ]


@pytest.mark.parametrize(
    ("born", "implausible"),
    [("2025-01-21", False), ("2025-01-22", True), ("1904-01-22", False), ("1904-01-21", True), ("1904-00-00", True)],
)
def test_age_implausible(born: str, implausible: bool) -> None:
    # Arrival date 2025-01-21. A partly unknown date uses its earliest possible day here.
    row = row_values(1, date_of_birth=born, document_type="C", with_mrz=False, family_group="F1")
    adult = row_values(2, family_group="F1")
    assert bool(findings_of(check_rows(row, adult), "AGE_IMPLAUSIBLE")) is implausible


def test_nationality_not_accepted() -> None:
    row = row_values(1, nationality="COL", document_issuer="COL")
    assert codes(check_rows(row)) == [("NATIONALITY_NOT_ACCEPTED", 1, "nationality")]


def test_document_type_not_accepted() -> None:
    row = row_values(1, document_type="I", with_mrz=False)
    assert codes(check_rows(row)) == [("DOCUMENT_TYPE_NOT_ACCEPTED", 1, "document_type")]


@pytest.mark.parametrize(
    ("expiry", "nationality", "document_type", "severity"),
    [
        ("2025-01-21", "MEX", "C", None),  # expires on the arrival date: still valid
        ("2025-01-20", "MEX", "C", Severity.ERROR),  # not a passport
        ("2025-01-20", "MEX", "P", Severity.INFO),  # own national's passport: accepted
        ("2025-01-20", "GTM", "P", Severity.ERROR),  # a third-country passport
    ],
)
def test_document_expired(expiry: str, nationality: str, document_type: str, severity) -> None:
    row = row_values(1, document_expiry=expiry, nationality=nationality, document_issuer=nationality,
                     document_type=document_type)  # fmt: skip
    found = findings_of(check_rows(row), "DOCUMENT_EXPIRED")
    assert [f.severity for f in found] == ([severity] if severity else [])


def test_expired_passport_is_an_error_without_an_agreement() -> None:
    row = row_values(1, document_expiry="2025-01-20")
    result = check_rows(row, agreements=[])
    assert [f.severity for f in findings_of(result, "DOCUMENT_EXPIRED")] == [Severity.ERROR]


def test_passport_issued_by_another_state_than_the_nationality() -> None:
    row = row_values(1, document_issuer="USA")
    assert codes(check_rows(row)) == [("DOCUMENT_ISSUER_MISMATCH", 1, "document_issuer")]


def test_mrz_required_for_passports() -> None:
    assert codes(check_rows(row_values(1, mrz=""))) == [("MRZ_REQUIRED", 1, "mrz")]


def test_mrz_malformed() -> None:
    assert codes(check_rows(row_values(1, mrz="P<MEXNOT<A<ZONE"))) == [("MRZ_MALFORMED", 1, "mrz")]


def test_mrz_check_digit_names_the_mrz_field() -> None:
    good = row_values(1)["mrz"]
    line1, line2 = good.split("|")
    broken = line2[:19] + str((int(line2[19]) + 1) % 10) + line2[20:]
    found = codes(check_rows(row_values(1, mrz=f"{line1}|{broken}")))
    assert ("MRZ_CHECK_DIGIT", 1, "date_of_birth") in found
    assert {c for c, *_ in found} == {"MRZ_CHECK_DIGIT"}


@pytest.mark.parametrize(
    ("column", "value"),
    [("surname", "Hernando"), ("given_names", "Tomas Luis"), ("sex", "F"), ("document_number", "K0000001B")],
)
def test_mrz_mismatch_names_the_row_column(column: str, value: str) -> None:
    row = row_values(1)
    row[column] = value
    assert ("MRZ_MISMATCH", 1, column) in codes(check_rows(row))


def test_mrz_names_accept_icao_transliteration_forms() -> None:
    row = row_values(1, surname="Argüello", second_surname="Núñez")
    for form in ("ARGUEELLO<NUNEZ", "ARGUXXELLO<NUNEZ", "ARGUELLO<NUNXXEZ"):
        mrz = row["mrz"].replace("ARGUEELLO<NUNEZ", form)
        line1, line2 = mrz.split("|")
        line1 = (line1 + "<" * 44)[:44]
        assert codes(check_rows({**row, "mrz": f"{line1}|{line2}"})) == [], form


def test_duplicate_document_on_the_later_row() -> None:
    rows = [row_values(1), row_values(2, document_number="K0000001A", with_mrz=False, document_type="C")]
    result = check_rows(*rows)
    assert codes(result) == [("DUPLICATE_DOCUMENT", 2, "document_number")]
    assert findings_of(result, "DUPLICATE_DOCUMENT")[0].details == {"other_seq": 1}


def test_duplicate_case_ref_on_the_later_row() -> None:
    result = check_rows(row_values(1), row_values(2, case_ref="A000000001"))
    assert codes(result) == [("DUPLICATE_CASE_REF", 2, "case_ref")]


def test_duplicate_person_however_the_name_is_spelled() -> None:
    first = row_values(1, surname="García", second_surname="López", given_names="José Luis")
    later = row_values(2, surname="GARCIA-LOPEZ", second_surname="", given_names="Jose",
                       date_of_birth=first["date_of_birth"])  # fmt: skip
    result = check_rows(first, later)
    assert codes(result) == [("DUPLICATE_PERSON", 2, None)]
    found = findings_of(result, "DUPLICATE_PERSON")[0]
    assert found.details["other_seq"] == 1
    assert "hyphenated_surname" in found.details["match"]["tolerances"]


def test_twins_are_not_the_same_person() -> None:
    first = row_values(1, given_names="José")
    twin = row_values(2, given_names="Juan", date_of_birth=first["date_of_birth"])
    assert codes(check_rows(first, twin)) == []


def test_unaccompanied_minor() -> None:
    child = row_values(1, date_of_birth="2010-05-05")
    assert codes(check_rows(child)) == [("MINOR_UNACCOMPANIED", 1, "family_group")]


def test_minor_with_an_adult_of_the_same_family_group() -> None:
    child = row_values(1, date_of_birth="2010-05-05", family_group="F1")
    parent = row_values(2, family_group="F1")
    stranger = row_values(3, family_group="F2")
    assert codes(check_rows(child, parent)) == []
    assert codes(check_rows(child, stranger)) == [("MINOR_UNACCOMPANIED", 1, "family_group")]


@pytest.mark.parametrize(("born", "minor"), [("2007-01-21", False), ("2007-01-22", True), ("2007-00-00", True)])
def test_minor_uses_the_youngest_possible_age(born: str, minor: bool) -> None:
    row = row_values(1, date_of_birth=born, document_type="C", with_mrz=False)
    assert bool(findings_of(check_rows(row), "MINOR_UNACCOMPANIED")) is minor


def test_unaccompanied_minors_allowed_by_the_agreement() -> None:
    child = row_values(1, date_of_birth="2010-05-05")
    assert codes(check_rows(child, agreements=[agreement(unaccompanied_minors=True)])) == []


def test_medical_details_missing() -> None:
    assert codes(check_rows(row_values(1, medical_escort="Y"))) == [("MEDICAL_DETAILS_MISSING", 1, "medical")]


@pytest.mark.parametrize(
    ("mrz", "reason"),
    [
        ("P<MEXNOT<A<ZONE|SHORT<LINE", "line_length"),
        ("ONE LINE ONLY", "line_count"),
        ("p" + "<" * 43 + "|" + "<" * 44, "lowercase"),
    ],
)
def test_mrz_malformed_says_why_in_both_languages(mrz: str, reason: str) -> None:
    from clearway.i18n import render_finding

    found = findings_of(check_rows(row_values(1, mrz=mrz)), "MRZ_MALFORMED")
    assert [f.details["reason"] for f in found] == [reason]
    english, spanish = render_finding(found[0], "en"), render_finding(found[0], "es")
    assert english != spanish and "seq 1" in english and "seq 1" in spanish
