"""Names read from PAXLST are in MRZ form, yet hold screening and duplicate detection find
the same people as they do in the CSV manifest the message was written from
(spec/manifest-paxlst.md, "Reading": a name in MRZ form equals a written name when it
is one of its ICAO transliterations)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from clearway.domain.dates import PartialDate
from clearway.domain.identity import Identity, match_identity
from clearway.domain.people import Manifest
from clearway.formats.manifest import read_manifest_bytes
from clearway.screening import CACHE_ENV, HOLD_COLUMNS, open_hold_list
from tests.factories import MANIFEST_COLUMNS, people, precheck, request, row_values
from tests.factories.paxlst import paxlst_text, read_text

# Written with accents, apostrophes, compound surnames and letters that ICAO writes
# with two (Ü as UE, Å as AA, Ø as OE, Ä as AE).
ROWS = [
    row_values(1, surname="Núñez", second_surname="Peña", given_names="José", date_of_birth="1980-02-03"),
    row_values(2, surname="Argüello", second_surname="", given_names="María José", date_of_birth="1975-07-08"),
    row_values(3, surname="O'Brien", second_surname="Ó Súilleabháin", given_names="Seán", date_of_birth="1991-11-12"),
    row_values(4, surname="Øvergård", second_surname="", given_names="Åse", date_of_birth="1988-01-30"),
    row_values(5, surname="Bäcker", second_surname="Müller", given_names="Jürgen", date_of_birth="1970-05-06"),
    row_values(6, surname="De la Cruz", second_surname="", given_names="Nayeli", date_of_birth="1977-05-23"),
    # Later rows that are the same people as earlier ones, spelled otherwise.
    row_values(7, surname="Overgard", second_surname="", given_names="Ase", date_of_birth="1988-01-30"),
    row_values(8, surname="ARGUELLO", second_surname="", given_names="Maria", date_of_birth="1975-07-08"),
    row_values(9, surname="Bäcker", second_surname="", given_names="Jürgen Karl", date_of_birth="1970-05-06"),
    # Not the same person as row 6: another first given name (a twin).
    row_values(10, surname="De la Cruz", second_surname="", given_names="Citlali", date_of_birth="1977-05-23"),
]

# Holds written as a case officer types them: mixed case and accents, one in capitals.
HOLDS = [
    ("H-1", "Núñez", "Peña", "José", "1980-02-03"),
    ("H-2", "Argüello", "", "María", "1975-07-08"),
    ("H-3", "O’Brien", "", "Seán", "1991-11-12"),
    ("H-4", "Øvergård", "", "Åse Marit", "1988-01-30"),
    ("H-5", "BÄCKER", "MÜLLER", "JÜRGEN", "1970-05-06"),
    ("H-6", "de la Cruz", "", "Nayeli", "1977-05-23"),
    ("H-7", "Núñez", "Peña", "Josefa", "1980-02-03"),  # another person
]


def csv_manifest(rows: list[dict[str, str]]) -> Manifest:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(MANIFEST_COLUMNS)
    for values in rows:
        writer.writerow([values.get(column, "") for column in MANIFEST_COLUMNS])
    return read_manifest_bytes(out.getvalue().encode("utf-8"), Path("manifest.csv"))


def hold_list(directory: Path) -> Path:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HOLD_COLUMNS)
    for ref, surname, second, given, born in HOLDS:
        writer.writerow([ref, surname, second, given, born, "MEX", "court_order", ""])
    path = directory / "holds.csv"
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def hits(manifest: Manifest, holds_path: Path) -> tuple[list[tuple[int | None, str]], list[tuple[int | None, int]]]:
    flight = request(people={"declared_passengers": len(manifest.rows)})
    with open_hold_list(holds_path) as holds:
        result = precheck(flight=flight, manifest=manifest, holds=holds)
    held = sorted((f.seq, f.details["hold_ref"]) for f in result.findings if f.code == "LEGAL_HOLD_MATCH")
    duplicates = sorted((f.seq, f.details["other_seq"]) for f in result.findings if f.code == "DUPLICATE_PERSON")
    return held, duplicates


@pytest.fixture
def holds_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return hold_list(tmp_path)


def test_the_same_manifest_as_csv_and_as_paxlst_gives_the_same_hits(holds_path: Path) -> None:
    as_csv = csv_manifest(ROWS)
    as_paxlst = read_text(paxlst_text(manifest=people(*ROWS)))
    assert as_paxlst.rows[0].get("surname") == "NUNEZ PENA"  # really in MRZ form
    assert as_paxlst.rows[1].get("surname") == "ARGUEELLO"

    csv_held, csv_duplicates = hits(as_csv, holds_path)
    paxlst_held, paxlst_duplicates = hits(as_paxlst, holds_path)

    expected_held = [
        (1, "H-1"),
        (2, "H-2"),
        (3, "H-3"),
        (4, "H-4"),
        (5, "H-5"),
        (6, "H-6"),
        (7, "H-4"),
        (8, "H-2"),
        (9, "H-5"),
    ]
    assert csv_held == expected_held
    assert paxlst_held == expected_held
    assert csv_duplicates == [(7, 4), (8, 2), (9, 5)]
    assert paxlst_duplicates == csv_duplicates


def born(text: str) -> PartialDate:
    value = PartialDate.parse(text)
    assert value is not None
    return value


@pytest.mark.parametrize(
    ("mrz", "written"),
    [
        (("ARGUEELLO", "", "JOSE"), ("Argüello", "", "José")),
        (("ARGUXXELLO", "", "JOSE"), ("Argüello", "", "José")),
        (("ARGUELLO", "", "JOSE"), ("Argüello", "", "José")),
        (("NUNEZ<PENA", "", "JOSE"), ("Núñez", "Peña", "José")),
        (("NUNXXEZ PENA", "", "JOSE"), ("Núñez", "Peña", "José")),
        (("OBRIEN", "", "SEAN"), ("O'Brien", "", "Seán")),
        (("OEVERGAARD", "", "AASE"), ("Øvergård", "", "Åse")),
        (("STRASSE", "", "LUKASZ"), ("Straße", "", "Łukasz")),
        (("IVANOV", "", "IURII"), ("Иванов", "", "Юрий")),
        (("BAECKER MUELLER", "", "JUERGEN"), ("Bäcker", "Müller", "Jürgen")),
    ],
)
def test_a_name_in_mrz_form_is_the_same_as_the_written_name_it_transliterates(
    mrz: tuple[str, str, str], written: tuple[str, str, str]
) -> None:
    a = Identity(*mrz, date_of_birth=born("1980-02-03"))
    b = Identity(*written, date_of_birth=born("1980-02-03"))
    assert a.blocking_key() == b.blocking_key()
    for left, right in ((a, b), (b, a)):
        found = match_identity(left, right)
        assert found is not None
        assert "mrz_transliteration" in found.tolerances or found.tolerances != ("exact",)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # A written name is not an MRZ form: the written rule applies (Haas is not Hås).
        (("Haas", "", "Ana"), ("Has", "", "Ana")),
        (("Mueller", "", "Ana"), ("Muller", "", "Ana")),
        # An MRZ form that is no transliteration of the written name.
        (("MUELLER", "", "ANA"), ("Muller", "", "Ana")),
        (("ARGUELLO", "", "JOSE"), ("Argüello", "", "Josefa")),
        (("NUNEZ", "", "JOSE"), ("Núñez", "Peña", "Juan")),
    ],
)
def test_transliteration_makes_no_other_name_the_same(
    first: tuple[str, str, str], second: tuple[str, str, str]
) -> None:
    a = Identity(*first, date_of_birth=born("1980-02-03"))
    b = Identity(*second, date_of_birth=born("1980-02-03"))
    assert match_identity(a, b) is None
    assert match_identity(b, a) is None


def test_two_mrz_forms_of_one_written_name_are_the_same() -> None:
    # The writer chose OE and AA, another system O and A: both spell Øvergård.
    a = Identity("OEVERGAARD", "", "AASE", born("1988-01-30"))
    b = Identity("OVERGARD", "", "ASE", born("1988-01-30"))
    assert a.blocking_key() == b.blocking_key()
    found = match_identity(a, b)
    assert found is not None and "mrz_transliteration" in found.tolerances
