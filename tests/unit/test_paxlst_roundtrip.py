"""Manifest → PAXLST → manifest gives back the same returnees (spec/manifest-paxlst.md, "Writing"):
the same seq, case_ref, sex, dates, nationality and documents, and names that are the same
person under ICAO transliteration (accents and the split between surnames are not carried)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearway.domain.mrz_names import mrz_name_matches
from clearway.domain.people import Manifest
from tests.factories import people, row_values
from tests.factories.paxlst import paxlst_text, read_text

CARRIED = ("seq", "case_ref", "sex", "date_of_birth", "nationality", "document_number", "document_issuer")


def assert_same_returnees(original: Manifest, back: Manifest) -> None:
    assert len(back.rows) == len(original.rows)
    for before, after in zip(original.rows, back.rows, strict=True):
        for column in CARRIED:
            assert after.get(column).upper() == before.get(column).upper(), column
        kind = before.get("document_type").upper()
        assert after.get("document_type") == kind
        if kind != "N":
            assert after.get("document_expiry") == before.get("document_expiry")
        surnames = " ".join(part for part in (before.get("surname"), before.get("second_surname")) if part)
        assert mrz_name_matches(after.get("surname"), surnames), (after.get("surname"), surnames)
        assert mrz_name_matches(after.get("given_names"), before.get("given_names"))


def round_trip(manifest: Manifest, part_size: int = 99_999) -> Manifest:
    return read_text(paxlst_text(manifest=manifest, part_size=part_size))


def test_the_factories_manifest() -> None:
    manifest = people()
    back = round_trip(manifest)
    assert_same_returnees(manifest, back)
    assert back.message is not None and back.message.disagreements == ()


@pytest.mark.parametrize(
    ("surname", "second_surname", "given_names", "written"),
    [
        ("Argüello", "", "José", "ARGUEELLO"),
        ("Núñez", "Ibáñez", "María Ángeles", "NUNEZ IBANEZ"),
        ("De la Cruz", "", "Nayeli", "DE LA CRUZ"),
        ("García-López", "", "Tomás", "GARCIA LOPEZ"),
        ("O'Brien", "Ó Súilleabháin", "Seán", "OBRIEN O SUILLEABHAIN"),
        ("Ajú", "Xicará", "María José", "AJU XICARA"),
        ("Øvergård", "", "Åse", "OEVERGAARD"),
    ],
)
def test_names_with_diacritics_and_compound_surnames(
    surname: str, second_surname: str, given_names: str, written: str
) -> None:
    manifest = people(row_values(1, surname=surname, second_surname=second_surname, given_names=given_names))
    back = round_trip(manifest)
    assert back.rows[0].get("surname") == written
    assert_same_returnees(manifest, back)


@pytest.mark.parametrize(
    "values",
    [
        {"document_type": "N", "document_number": "", "document_issuer": "", "document_expiry": ""},
        {"document_type": "C"},
        {"document_type": "I"},
        {"document_type": "E"},
        {"sex": "X"},
        {"date_of_birth": "1984-00-00"},
        {"date_of_birth": "1984-06-00"},
        {"date_of_birth": "1921-03-04"},  # YYMMDD would read back as 2021: written CCYYMMDD:102
        {"document_expiry": "2081-01-01"},  # more than 50 years ahead: written CCYYMMDD:102
        {"seq": "0042"},
        {"case_ref": "mx-2025/07+a:b'c?"},  # service characters and lower case (UNOB)
    ],
    ids=lambda values: ",".join(f"{key}={value}" for key, value in values.items()),
)
def test_values_come_back(values: dict[str, str]) -> None:
    row = {**row_values(1, with_mrz=False), **values}
    manifest = people(row)
    assert_same_returnees(manifest, round_trip(manifest))


def test_nine_thousand_nine_hundred_and_ninety_nine_passengers() -> None:
    manifest = people(*(row_values(seq, with_mrz=False) for seq in range(1, 10_000)))
    back = round_trip(manifest)
    assert_same_returnees(manifest, back)
    assert back.message is not None and back.message.parts == 1 and back.message.disagreements == ()


def test_a_report_split_into_parts() -> None:
    manifest = people(*(row_values(seq, with_mrz=False) for seq in range(1, 10_000)))
    text = paxlst_text(manifest=manifest, part_size=1_000)
    assert text.count("UNH+") == 10 and "+01:C'" in text and "+10:F'" in text and "+05:'" not in text
    assert text.count("CNT+42:9999'") == 10  # each part carries the flight's total
    back = read_text(text)
    assert_same_returnees(manifest, back)
    assert back.message is not None and back.message.parts == 10 and back.message.disagreements == ()


def test_more_parts_than_a_report_may_have_is_refused() -> None:
    from clearway.domain.errors import UnusableInput

    manifest = people(*(row_values(seq, with_mrz=False) for seq in range(1, 101)))
    with pytest.raises(UnusableInput) as caught:
        paxlst_text(manifest=manifest, part_size=1)
    assert caught.value.key == "export.too_many_parts"


# --- the read/write round trip as a property ------------------------------------------------

_LETTERS = st.sampled_from(list("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnñopqrstuvwxyzáéíóúüÁÉÍÓÚÜÑçÇ"))
_WORD = st.text(_LETTERS, min_size=1, max_size=12)
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join)
_DAY = st.dates(min_value=date(1905, 1, 1), max_value=date(2024, 12, 31))


@st.composite
def manifests(draw: st.DrawFn) -> Manifest:
    count = draw(st.integers(min_value=1, max_value=8))
    rows = []
    for seq in range(1, count + 1):
        kind = draw(st.sampled_from(["P", "I", "C", "E", "N"]))
        values = {
            "surname": draw(_NAME),
            "second_surname": draw(st.one_of(st.just(""), _NAME)),
            "given_names": draw(st.one_of(st.just(""), _NAME)),
            "sex": draw(st.sampled_from(["F", "M", "X"])),
            "date_of_birth": draw(_DAY).isoformat(),
            "nationality": draw(st.sampled_from(["MEX", "GTM", "D", "XXA"])),
            "case_ref": draw(st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=14)),
            "document_type": kind,
        }
        if kind == "N":
            values.update(document_number="", document_issuer="", document_expiry="")
        else:
            expiry = date(2025, 1, 21) + timedelta(days=draw(st.integers(-20_000, 20_000)))
            values.update(
                document_number=draw(st.text(st.sampled_from("ABCXYZ0123456789"), min_size=1, max_size=20)),
                document_expiry=expiry.isoformat(),
            )
        rows.append(row_values(seq, with_mrz=False, **values))
    return people(*rows)


@settings(max_examples=60, deadline=None)
@given(manifests(), st.integers(min_value=1, max_value=4))
def test_export_then_import_gives_the_same_returnees(manifest: Manifest, part_size: int) -> None:
    back = round_trip(manifest, part_size=part_size)
    assert_same_returnees(manifest, back)
    assert back.message is not None and back.message.disagreements == ()
