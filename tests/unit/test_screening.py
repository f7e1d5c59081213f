"""Hold-list screening: recall on planted look-alikes, the persistent cache, bad input."""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from clearway.domain.dates import PartialDate
from clearway.domain.errors import UnusableInput
from clearway.domain.identity import Identity
from clearway.i18n import catalogue
from clearway.i18n.catalog import holds as holds_catalog
from clearway.screening import CACHE_ENV, HOLD_COLUMNS, HoldIndex, open_hold_list

#: The messages of ``catalog/holds.py`` in every language.
MESSAGES = {key: catalogue()[key] for key in holds_catalog.MESSAGES}

BENCH = Path(__file__).resolve().parents[2] / "bench"
HEADER = ",".join(HOLD_COLUMNS)


def _load_holdgen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("holdgen", BENCH / "holdgen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["holdgen"] = module
    spec.loader.exec_module(module)
    return module


holdgen = _load_holdgen()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv(CACHE_ENV, str(directory))
    return directory


@pytest.fixture
def lists(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "lists"
    directory.mkdir()
    yield directory
    directory.chmod(0o755)


def write(directory: Path, text: str, name: str = "holds.csv") -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8", newline="")
    return path


def person(surname: str, second: str, given: str, born: str) -> Identity:
    date_of_birth = PartialDate.parse(born)
    assert date_of_birth is not None
    return Identity(surname, second, given, date_of_birth)


def identity_of(p: object) -> Identity:
    return person(
        p.surname.upper(),  # type: ignore[attr-defined]
        p.second_surname,  # type: ignore[attr-defined]
        p.given_names,  # type: ignore[attr-defined]
        p.date_of_birth,  # type: ignore[attr-defined]
    )


def indexes(cache: Path) -> list[Path]:
    return sorted(cache.glob("holds/v*/*.sqlite"))


# --- recall and precision on a generated list -------------------------------------------


def test_generated_list_every_planted_variant_found_and_no_trap(cache: Path, lists: Path) -> None:
    passengers = holdgen.make_passengers(150, seed=11)
    rows, scenario = holdgen.generate(4000, passengers, seed=11, planted_share=0.6)
    path = lists / "holds.csv"
    holdgen.write_holds(path, rows)
    lists.chmod(stat.S_IRUSR | stat.S_IXUSR)  # a read-only disk, as far as we can make one
    before = sorted(p.name for p in lists.iterdir())

    with open_hold_list(path) as index:
        results = index.screen([identity_of(p) for p in passengers])

    found = {(seq, hit.entry.hold_ref) for seq, hits in enumerate(results) for hit in hits}
    expected = {(seq, ref) for seq, ref, _ in scenario.expected}
    traps = {(seq, ref) for seq, ref, _ in scenario.traps}
    kinds = {kind for _, _, kind in scenario.expected}
    assert {"accents_or_case", "second_surname_dropped", "hyphenated_surname"} <= kinds
    assert {"namesake", "twin", "other_second_given", "typo"} <= {k for *_, k in scenario.traps}
    assert found & traps == set()
    assert found == expected  # recall 100 %, and nothing else
    assert sorted(p.name for p in lists.iterdir()) == before  # nothing written beside the list
    assert len(indexes(cache)) == 1


def test_sample_row_53_matches_its_hold_and_the_sample_duplicate_does_not(cache: Path, lists: Path) -> None:
    # Rows of /work/shared/samples/holds-sample.csv (CRLF line ends, as there).
    path = write(
        lists,
        HEADER + "\r\n"
        "H0000000,López,Muñoz,Héctor,1973-06-15,HND,stay_of_removal,\r\n"
        "H9057123,MORALES,Perez,Carlos,2006-02-03,MEX,stay_of_removal,\r\n"
        "H0000025,Batz,Martínez,Lucía,2000-07-13,SLV,pending_appeal,\r\n",
    )
    row_53 = person("MORALES", "Pérez", "Carlos", "2006-02-03")
    row_24 = person("BATZ", "López", "Efraín", "1968-11-08")
    with open_hold_list(path) as index:
        hits_53, hits_24 = index.screen([row_53, row_24])
    assert [hit.entry.hold_ref for hit in hits_53] == ["H9057123"]
    hit = hits_53[0]
    assert hit.entry.line == 3
    assert hit.entry.until is None
    assert hit.entry.hold_type == "stay_of_removal"
    assert hit.match.tolerances == ("accents_or_case",)
    assert hits_24 == []


def test_every_entry_of_the_same_person_whatever_its_until(cache: Path, lists: Path) -> None:
    path = write(
        lists,
        HEADER + "\n"
        "A1,Tzoc,Ajú,Rocío,1962-12-12,MEX,court_order,2020-01-31\n"
        "A2,TZOC,,Rocio,1962-12-12,GTM,stay_of_removal,\n"
        "A3,Tzoc,Ajú,Rocío Alejandra,1962-12-12,MEX,pending_appeal,2099-12-31\n"
        "A4,Tzoc,Ajú,María,1962-12-12,MEX,court_order,\n"  # a twin
        "A5,Tzoc,Ajú,Rocío,1962-12-13,MEX,court_order,\n",  # a namesake
    )
    with open_hold_list(path) as index:
        (hits,) = index.screen([person("Tzoc", "Ajú", "Rocío", "1962-12-12")])
    assert [(h.entry.hold_ref, str(h.entry.until)) for h in hits] == [
        ("A1", "2020-01-31"),
        ("A2", "None"),
        ("A3", "2099-12-31"),
    ]
    assert hits[1].match.tolerances == ("accents_or_case", "second_surname_dropped")
    assert hits[2].match.tolerances == ("given_names_shortened",)


def test_header_case_spaces_bom_and_column_order(cache: Path, lists: Path) -> None:
    header = " Until ,HOLD_REF,Surname,second_surname, given_names,Date_Of_Birth,nationality,hold_type"
    path = lists / "holds.csv"
    path.write_bytes(("\ufeff" + header + "\n,R1,Cumes,,Ana,1990-06-00,GTM,court_order\n").encode())
    with open_hold_list(path) as index:
        (hits,) = index.screen([person("CUMES", "Xol", "Ana Lucía", "1990-06-00")])
        (none,) = index.screen([person("CUMES", "Xol", "Ana Lucía", "1990-06-15")])
    assert [h.entry.hold_ref for h in hits] == ["R1"]
    assert none == []


def test_screening_nobody_and_people_without_holds(cache: Path, lists: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    with open_hold_list(path) as index:
        assert index.screen([]) == []
        assert index.screen([person("Pop", "", "Ana", "1990-06-01")]) == [[]]


# --- the cache -----------------------------------------------------------------------------


def test_cache_goes_to_the_configured_directory_never_beside_the_list(cache: Path, lists: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    lists.chmod(stat.S_IRUSR | stat.S_IXUSR)
    with open_hold_list(path) as index:
        assert index.built
        assert index.index_path.parent.parent.parent == cache
    assert [p.name for p in lists.iterdir()] == ["holds.csv"]
    assert len(indexes(cache)) == 1


def test_explicit_cache_dir_wins_over_the_environment(cache: Path, lists: Path, tmp_path: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    elsewhere = tmp_path / "elsewhere"
    with open_hold_list(path, cache_dir=elsewhere) as index:
        assert index.index_path.is_relative_to(elsewhere)
    assert not cache.exists()


def test_index_reused_on_second_open_and_rebuilt_when_content_changes(cache: Path, lists: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    with open_hold_list(path) as first:
        assert first.built
        first_index = first.index_path
    inode = first_index.stat().st_ino

    with open_hold_list(path) as second:
        assert not second.built
        assert second.index_path == first_index
    assert first_index.stat().st_ino == inode

    # Same content, new modification time and another name: still the same index.
    copy = write(lists, path.read_text(encoding="utf-8"), name="copy.csv")
    os.utime(copy, ns=(1, 1))
    with open_hold_list(copy) as third:
        assert not third.built
        assert third.index_path == first_index

    write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,2030-01-01\n")
    with open_hold_list(path) as changed:
        assert changed.built
        assert changed.index_path != first_index
        (hits,) = changed.screen([person("Cumes", "", "Ana", "1990-06-01")])
        assert str(hits[0].entry.until) == "2030-01-01"


def test_a_settled_list_is_not_hashed_again(cache: Path, lists: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    os.utime(path, ns=(10**18, 10**18 - 10**10))  # modified well before now
    open_hold_list(path).close()

    import clearway.screening.index as index_module

    def no_hashing(*_: object, **__: object) -> str:
        raise AssertionError("the memo should have answered")

    monkeypatch.setattr(index_module, "hash_file", no_hashing)
    with open_hold_list(path) as again:
        assert not again.built


def test_corrupt_or_incompatible_index_is_rebuilt(cache: Path, lists: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    with open_hold_list(path) as index:
        built = index.index_path

    built.write_bytes(b"this is not an SQLite database" * 100)
    with open_hold_list(path) as index:
        assert index.built
        assert len(index.screen([person("Cumes", "", "Ana", "1990-06-01")])[0]) == 1

    with sqlite3.connect(built) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE name = 'format'")
    with open_hold_list(path) as index:
        assert index.built

    built.unlink()
    with open_hold_list(path) as index:
        assert index.built


def test_a_crashed_build_leaves_no_index(cache: Path, lists: Path) -> None:
    lines = [f"R{i},Cumes,,Ana,1990-06-01,GTM,court_order," for i in range(70_000)]
    path = write(lists, HEADER + "\n" + "\n".join(lines) + "\n")
    calls: list[tuple[int, int]] = []

    def crash(done: int, total: int) -> None:
        calls.append((done, total))
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        open_hold_list(path, progress=crash)
    assert calls and calls[0][1] == path.stat().st_size
    assert indexes(cache) == []
    assert list(cache.glob("holds/v*/.*tmp")) == []

    progress: list[tuple[int, int]] = []
    with open_hold_list(path, progress=lambda d, t: progress.append((d, t))) as index:
        assert index.built
        assert index.row_count == 70_000
    assert progress[-1] == (path.stat().st_size, path.stat().st_size)
    assert [done for done, _ in progress] == sorted(done for done, _ in progress)


def test_an_unwritable_cache_falls_back_to_a_scratch_index(lists: Path, tmp_path: Path) -> None:
    not_a_directory = tmp_path / "file"
    not_a_directory.write_text("x")
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    index = open_hold_list(path, cache_dir=not_a_directory)
    scratch = index.index_path
    assert scratch.exists()
    assert len(index.screen([person("Cumes", "", "Ana", "1990-06-01")])[0]) == 1
    index.close()
    assert not scratch.exists()


# --- invalid rows ----------------------------------------------------------------------------


def test_invalid_rows_are_counted_with_their_lines(cache: Path, lists: Path) -> None:
    passengers = holdgen.make_passengers(20, seed=3)
    rows, scenario = holdgen.generate(2000, passengers, seed=3, invalid_rows=14)
    path = lists / "holds.csv"
    holdgen.write_holds(path, rows)
    with open_hold_list(path) as index:
        assert index.row_count == 2000
        assert index.invalid_row_count == 14
        assert index.entry_count == 1986
        assert list(index.first_invalid_lines) == sorted(scenario.invalid_lines)[:10]
        assert set(index.first_invalid_reasons) == {"date_of_birth", "surname", "until"}
        assert sum(1 for _ in index.entries()) == 1986


def test_each_kind_of_unreadable_row(cache: Path, lists: Path) -> None:
    path = write(
        lists,
        HEADER + "\n"
        "R1,Cumes,,Ana,,GTM,court_order,\n"  # line 2: no date of birth
        "R2,Cumes,,Ana,1990-02-30,GTM,court_order,\n"  # 3: no such day
        "R3,,Xol,Ana,1990-06-01,GTM,court_order,\n"  # 4: no surname
        "R4,Cumes,,Ana,1990-06-01,GTM,court_order,2025-06\n"  # 5: a partial until
        "\n"  # 6: blank, not a row
        'R5,"De la\nCruz",,Ana,1990-06-01,GTM,court_order,\n'  # 7-8: a quoted line break
        "R6,Cumes,,Ana,1990-06-01,GTM,court_order,,surplus\n"  # 9: a cell beyond the header
        "R7,Cumes,,Ana,1990-06-01,GTM,court_order,,\n"  # 10: an empty extra cell is fine
        "R8,Cumes,,Ana,1990-06-01,GTM\n",  # 11: short row, padded: readable
    )
    with open_hold_list(path) as index:
        assert index.row_count == 8
        assert index.invalid_row_count == 5
        assert index.first_invalid_lines == (2, 3, 4, 5, 9)
        assert index.first_invalid_reasons == (
            "date_of_birth",
            "date_of_birth",
            "surname",
            "until",
            "columns",
        )
        assert [(e.hold_ref, e.line) for e in index.entries()] == [
            ("R5", 7),
            ("R7", 10),
            ("R8", 11),
        ]


# --- lists that cannot be used at all -------------------------------------------------------


def translate(key: str, lang: str, **params: object) -> str:
    # The catalogue module itself: the merged catalogue needs every feature's module.
    return MESSAGES[key][lang].format(**params)


def refused(path: Path) -> UnusableInput:
    with pytest.raises(UnusableInput) as caught:
        open_hold_list(path)
    error = caught.value
    assert error.key.startswith("holds.")
    assert error.params["path"] == str(path)
    for lang in ("en", "es"):
        assert str(path) in translate(error.key, lang, **error.params)
    return error


def test_missing_file(cache: Path, lists: Path) -> None:
    assert refused(lists / "nowhere.csv").key == "holds.missing"


def test_a_directory_is_not_readable(cache: Path, lists: Path) -> None:
    assert refused(lists).key == "holds.unreadable"


def test_binary_file(cache: Path, lists: Path) -> None:
    path = lists / "holds.xlsx"
    path.write_bytes(b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)) * 4)
    assert refused(path).key == "holds.binary"


def test_not_utf8(cache: Path, lists: Path) -> None:
    path = lists / "holds.csv"
    path.write_bytes((HEADER + "\nR1,Núñez,,Ana,1990-06-01,GTM,court_order,\n").encode("latin-1"))
    error = refused(path)
    assert error.key == "holds.not_utf8"
    assert error.params["line"] == 2


def test_not_utf8_far_into_the_file(cache: Path, lists: Path) -> None:
    good = "".join(f"R{i},Cumes,,Ana,1990-06-01,GTM,court_order,\n" for i in range(3000))
    path = lists / "holds.csv"
    path.write_bytes((HEADER + "\n" + good).encode() + "R,Núñez,,A,1990-06-01,,,\n".encode("latin-1"))
    error = refused(path)
    assert error.key == "holds.not_utf8"
    assert error.params["line"] == 3002
    assert indexes(cache) == []


@pytest.mark.parametrize("content", ["", "\ufeff", "\n\n  \n"])
def test_empty_file(cache: Path, lists: Path, content: str) -> None:
    assert refused(write(lists, content)).key == "holds.empty"


def test_header_and_no_rows(cache: Path, lists: Path) -> None:
    assert refused(write(lists, HEADER + "\n\n")).key == "holds.no_rows"


def test_no_header(cache: Path, lists: Path) -> None:
    error = refused(write(lists, "R1,Cumes,,Ana,1990-06-01,GTM,court_order,\n"))
    assert error.key == "holds.no_header"
    assert "date_of_birth" in error.params["columns"]


def test_missing_columns_are_named(cache: Path, lists: Path) -> None:
    header = "hold_ref,surname,given_names,nationality,hold_type"
    error = refused(write(lists, header + "\nR1,Cumes,Ana,GTM,court_order\n"))
    assert error.key == "holds.missing_columns"
    assert error.params["columns"] == "second_surname, date_of_birth, until"
    sentence = translate(error.key, "es", **error.params)
    assert "second_surname, date_of_birth, until" in sentence


def test_a_column_named_twice(cache: Path, lists: Path) -> None:
    error = refused(write(lists, HEADER + ", Surname \nR1,A,,B,1990-06-01,GTM,x,,C\n"))
    assert error.key == "holds.duplicate_column"
    assert error.params["column"] == "surname"


def test_malformed_csv(cache: Path, lists: Path) -> None:
    body = 'R1,"Cumes,,Ana,1990-06-01,GTM,court_order,\n' + "x" * 200_000 + "\n"
    assert refused(write(lists, HEADER + "\n" + body)).key == "holds.malformed_csv"


def test_every_holds_message_has_both_languages() -> None:
    for key, texts in MESSAGES.items():
        assert key.startswith("holds.")
        assert set(texts) == {"en", "es"}
        assert "{path}" in texts["en"] and "{path}" in texts["es"]


def test_hold_index_is_a_context_manager(cache: Path, lists: Path) -> None:
    path = write(lists, HEADER + "\nR1,Cumes,,Ana,1990-06-01,GTM,court_order,\n")
    with open_hold_list(path) as index:
        assert isinstance(index, HoldIndex)
    with pytest.raises(RuntimeError):
        index.screen([person("Cumes", "", "Ana", "1990-06-01")])
