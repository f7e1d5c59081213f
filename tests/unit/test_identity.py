"""The "same person" rule of spec/findings.md, clause by clause.

Each test starts from a valid pair and varies one thing.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import fields, replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearway.domain.dates import PartialDate
from clearway.domain.identity import (
    TOLERANCES,
    Identity,
    IdentityMatch,
    blocking_key,
    find_duplicates,
    match_identity,
    normalise_words,
)
from clearway.domain.mrz_names import mrz_name_variants

BORN = PartialDate.parse("1968-11-08")


def person(
    surname: str = "García",
    second_surname: str = "López",
    given_names: str = "José Luis",
    date_of_birth: str = "1968-11-08",
) -> Identity:
    born = PartialDate.parse(date_of_birth)
    assert born is not None
    return Identity(surname, second_surname, given_names, born)


def matched(a: Identity, b: Identity) -> IdentityMatch:
    result = match_identity(a, b)
    assert result is not None, f"{a} and {b} should be the same person"
    assert match_identity(b, a) == result  # symmetric
    return result


def not_matched(a: Identity, b: Identity) -> None:
    assert match_identity(a, b) is None
    assert match_identity(b, a) is None


# --- normalisation ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("García", ("garcia",)),
        ("GARCÍA-López", ("garcia", "lopez")),
        ("  de   la  Cruz ", ("de", "la", "cruz")),
        ("O'Brien", ("o", "brien")),
        ("D’Angelo", ("d", "angelo")),
        ("Núñez", ("nunez",)),
        ("Argüello", ("arguello",)),
        ("Strauß", ("strauss",)),
        ("Æsir Øster Œuvre", ("aesir", "oster", "oeuvre")),
        ("Đoković Łukasz", ("dokovic", "lukasz")),
        ("Smith, Jr.", ("smith", "jr")),
        ("García–López", ("garcia", "lopez")),  # en dash
        ("", ()),
        ("  - ", ()),
    ],
)
def test_normalise_words(text: str, words: tuple[str, ...]) -> None:
    assert normalise_words(text) == words


def test_normalise_words_loses_no_letter() -> None:
    for text in ("ÆØÅæøå", "ßẞ", "ŁłĐđÞþ", "ĦħŦŧŊŋ"):
        assert len("".join(normalise_words(text))) >= len(text)


# --- the clauses ----------------------------------------------------------------------


def test_exact_pair_matches_as_exact() -> None:
    result = matched(person(), person())
    assert result.tolerances == ("exact",)
    assert result.surname_words == ("garcia", "lopez")
    assert result.given_names_compared == ("jose", "luis")
    assert result.score == 100.0


def test_accents_do_not_matter() -> None:
    result = matched(person(), person(surname="Garcia", given_names="Jose Luis"))
    assert result.tolerances == ("accents_or_case",)


def test_letter_case_does_not_matter() -> None:
    result = matched(person(), person(surname="GARCÍA", second_surname="lópez"))
    assert result.tolerances == ("accents_or_case",)


def test_sample_duplicate_rows_24_and_85() -> None:
    row_24 = person("BATZ", "López", "Efraín", "1968-11-08")
    row_85 = person("BATZ", "Lopez", "Efrain", "1968-11-08")
    result = matched(row_24, row_85)
    assert result.tolerances == ("accents_or_case",)
    assert result.surname_words == ("batz", "lopez")


@pytest.mark.parametrize("side", ["left", "right"])
def test_second_surname_dropped_on_either_side(side: str) -> None:
    full, dropped = person(), person(second_surname="")
    a, b = (dropped, full) if side == "left" else (full, dropped)
    result = matched(a, b)
    assert result.tolerances == ("second_surname_dropped",)
    assert result.surname_words == ("garcia",)


def test_second_surnames_both_present_must_agree() -> None:
    not_matched(person(), person(second_surname="Pérez"))


def test_dropped_second_surname_needs_the_first_to_agree() -> None:
    not_matched(person(second_surname=""), person(surname="Pérez"))


def test_hyphen_joined_surname_equals_two_surnames() -> None:
    result = matched(person(surname="García-López", second_surname=""), person())
    assert result.tolerances == ("hyphenated_surname",)
    assert result.surname_words == ("garcia", "lopez")


def test_hyphen_joined_surname_equals_the_first_surname_alone() -> None:
    # García-López (no second surname) against García: its words are not García's.
    not_matched(person(surname="García-López", second_surname=""), person(second_surname=""))


def test_space_joined_surname_equals_two_surnames() -> None:
    result = matched(person(surname="García López", second_surname=""), person())
    assert result.tolerances == ("hyphenated_surname",)


def test_compound_surnames_are_words_like_any_others() -> None:
    a = person(surname="De la Cruz", second_surname="Tzoc")
    result = matched(a, person(surname="DE LA CRUZ", second_surname="Tzoc"))
    assert result.surname_words == ("de", "la", "cruz", "tzoc")
    dropped = matched(a, person(surname="de la Cruz", second_surname=""))
    assert dropped.tolerances == ("accents_or_case", "second_surname_dropped")
    assert dropped.surname_words == ("de", "la", "cruz")


@pytest.mark.parametrize(
    ("surname", "other"),
    [("De la Cruz", "Cruz"), ("Del Río", "Río"), ("De León", "León"), ("De la Cruz", "la Cruz")],
)
def test_particles_are_never_dropped(surname: str, other: str) -> None:
    not_matched(person(surname=surname), person(surname=other))
    not_matched(person(surname=surname, second_surname=""), person(surname=other))


def test_given_names_shortened() -> None:
    result = matched(person(given_names="José"), person(given_names="José Luis"))
    assert result.tolerances == ("given_names_shortened",)
    assert result.given_names_compared == ("jose",)


def test_further_given_names_must_agree_as_far_as_both_have_them() -> None:
    not_matched(person(given_names="José Luis"), person(given_names="José Antonio"))
    not_matched(person(given_names="José Luis María"), person(given_names="José Antonio"))
    matched(person(given_names="José Luis María"), person(given_names="José Luis"))


def test_first_given_name_must_agree() -> None:
    # "Luis" is the second given name of "José Luis", not the first.
    not_matched(person(given_names="Luis"), person(given_names="José Luis"))


def test_no_given_names_on_both_sides_is_equal() -> None:
    result = matched(person(given_names=""), person(given_names=" "))
    assert result.given_names_compared == ()
    assert result.tolerances == ("exact",)


def test_no_given_names_on_one_side_only_is_not_equal() -> None:
    not_matched(person(given_names=""), person(given_names="José"))


def test_twins_never_match() -> None:
    not_matched(person(given_names="José Luis"), person(given_names="Juan Luis"))
    not_matched(person(given_names="José"), person(given_names="Josué"))


@pytest.mark.parametrize("other_date", ["1968-11-09", "1969-11-08", "1968-00-00", "1968-11-00"])
def test_namesakes_with_another_date_of_birth_never_match(other_date: str) -> None:
    not_matched(person(), person(date_of_birth=other_date))


def test_partly_unknown_dates_equal_only_when_written_the_same() -> None:
    matched(person(date_of_birth="1984-00-00"), person(date_of_birth="1984-00-00"))
    matched(person(date_of_birth="1984-06-00"), person(date_of_birth="1984-06-00"))
    not_matched(person(date_of_birth="1984-00-00"), person(date_of_birth="1984-06-00"))
    not_matched(person(date_of_birth="1984-06-00"), person(date_of_birth="1984-06-15"))


def test_nationality_is_not_part_of_the_rule() -> None:
    # Identity carries no nationality: two records from different countries match.
    assert {f.name for f in fields(Identity) if f.init} == {
        "surname",
        "second_surname",
        "given_names",
        "date_of_birth",
    }


def test_token_reordering_never_matches() -> None:
    not_matched(person(), person(surname="López", second_surname="García"))
    not_matched(person(given_names="José Luis"), person(given_names="Luis José"))
    not_matched(person(surname="De la Cruz"), person(surname="Cruz de la"))


def test_a_close_fuzzy_score_never_matches() -> None:
    a, b = person(surname="González"), person(surname="Gonzales")
    not_matched(a, b)


def test_several_tolerances_are_all_reported_in_order() -> None:
    result = matched(person(surname="GARCIA-LOPEZ", second_surname="", given_names="JOSE"), person())
    assert result.tolerances == ("accents_or_case", "hyphenated_surname", "given_names_shortened")
    assert set(result.tolerances) <= set(TOLERANCES)


def test_accent_difference_in_a_given_name_beyond_the_compared_words_is_not_reported() -> None:
    result = matched(person(given_names="José"), person(given_names="José LUÍS"))
    assert result.tolerances == ("given_names_shortened",)


def test_score_explains_but_is_not_the_rule() -> None:
    result = matched(person(second_surname=""), person())
    assert 0 <= result.score <= 100
    not_matched(person(surname="Garcia"), person(surname="Garcias"))


def test_details_are_json_safe() -> None:
    details = matched(person(given_names="José"), person()).to_details()
    assert json.loads(json.dumps(details)) == {
        "surname_words": ["garcia", "lopez"],
        "given_names_compared": ["jose"],
        "tolerances": ["given_names_shortened"],
        "score": 100.0,
    }


# --- the blocking key ------------------------------------------------------------------


def test_matching_people_share_the_blocking_key() -> None:
    variants = [
        person(),
        person(surname="GARCIA", second_surname=""),
        person(surname="García-López", second_surname=""),
        person(given_names="José"),
        person(given_names="JOSE LUIS ANTONIO"),
    ]
    keys = {v.blocking_key() for v in variants}
    assert keys == {("1968-11-08", "g", "j")}
    assert blocking_key("García", "López", "José", "1968-11-08") == ("1968-11-08", "g", "j")


def test_the_blocking_key_keeps_first_letters_by_class() -> None:
    # A written name and its MRZ forms agree on the first letter, not on the first word.
    assert blocking_key("O'Brien", "", "Seán", "1968-11-08") == blocking_key("OBRIEN", "", "SEAN", "1968-11-08")
    assert blocking_key("Ørsted", "", "Ása", "1968-11-08") == ("1968-11-08", "o", "a")
    # Cyrillic Г is written G or H: the key cannot tell them apart.
    assert blocking_key("Горбунов", "", "Юрий", "1968-11-08") == blocking_key("HORBUNOV", "", "YURII", "1968-11-08")
    assert blocking_key("Горбунов", "", "Юрий", "1968-11-08") == blocking_key("GORBUNOV", "", "IURII", "1968-11-08")


# --- duplicates on a manifest ----------------------------------------------------------


def test_find_duplicates_reports_each_later_row_once_against_the_earliest() -> None:
    rows = [
        (1, person()),
        (2, person(given_names="Juan")),  # twin of 1
        (3, person(surname="GARCIA", given_names="José")),  # same as 1
        (4, person(second_surname="")),  # same as 1 and 3
        (5, person(date_of_birth="1970-01-01")),  # namesake
    ]
    found = find_duplicates(rows)
    assert [(later, other) for later, other, _ in found] == [(3, 1), (4, 1)]
    assert found[0][2].tolerances == ("accents_or_case", "given_names_shortened")


def test_find_duplicates_on_a_full_manifest() -> None:
    people = [
        (seq, person(surname=f"Apellido{seq % 40}", date_of_birth=f"19{50 + seq % 50}-06-15")) for seq in range(1, 251)
    ]
    # seq and seq + 200 share surname (200 % 40 == 0) and date (200 % 50 == 0).
    found = find_duplicates(people)
    assert [(later, other) for later, other, _ in found] == [(s + 200, s) for s in range(1, 51)]


# --- properties ------------------------------------------------------------------------

name_text = st.text(
    alphabet=st.sampled_from(list("abcdefghijklmnopqrstuvwxyzáéíóúñüçàèÁÉÑÜ -'")),
    min_size=1,
    max_size=20,
).filter(lambda s: normalise_words(s))
dates = st.sampled_from(["1968-11-08", "1984-00-00", "1984-06-00", "2001-02-03"])


def identities() -> st.SearchStrategy[Identity]:
    return st.builds(
        lambda s, s2, g, d: person(s, s2, g, d),
        name_text,
        st.one_of(st.just(""), name_text),
        st.one_of(st.just(""), name_text),
        dates,
    )


def _vary(text: str, choices: list[int]) -> str:
    """Strip accents from, upper-case or lower-case each character, per ``choices``."""
    out = []
    for ch, choice in zip(text, choices + [0] * len(text), strict=False):
        if choice == 1:
            ch = unicodedata.normalize("NFD", ch)[0]
        elif choice == 2:
            ch = ch.upper()
        elif choice == 3:
            ch = ch.lower()
        out.append(ch)
    return "".join(out)


@given(identities(), identities())
def test_match_identity_is_symmetric(a: Identity, b: Identity) -> None:
    assert match_identity(a, b) == match_identity(b, a)


@given(identities(), st.lists(st.integers(0, 3), max_size=60))
def test_any_accent_or_case_variation_matches_itself(a: Identity, choices: list[int]) -> None:
    varied = replace(
        a,
        surname=_vary(a.surname, choices),
        second_surname=_vary(a.second_surname, choices[20:]),
        given_names=_vary(a.given_names, choices[40:]),
    )
    result = match_identity(a, varied)
    assert result is not None
    assert set(result.tolerances) <= {"exact", "accents_or_case"}
    assert a.blocking_key() == varied.blocking_key()


@given(identities(), identities())
def test_a_match_implies_a_shared_blocking_key(a: Identity, b: Identity) -> None:
    if match_identity(a, b) is not None:
        assert a.blocking_key() == b.blocking_key()


@st.composite
def accepted_variants(draw: st.DrawFn) -> tuple[Identity, Identity]:
    """A person and a spelling of them that the rule accepts (drop, join, shorten)."""
    a = draw(identities())
    b = a
    if a.second_surname_words and draw(st.booleans()):
        b = replace(b, second_surname="")
    elif a.second_surname_words and draw(st.booleans()):
        b = replace(b, surname=f"{a.surname}-{a.second_surname}", second_surname="")
    if len(a.given_words) > 1 and draw(st.booleans()):
        b = replace(b, given_names=a.given_words[0])
    return a, b


@given(accepted_variants())
def test_accepted_variants_match_and_share_the_blocking_key(
    pair: tuple[Identity, Identity],
) -> None:
    a, b = pair
    assert match_identity(a, b) is not None
    assert a.blocking_key() == b.blocking_key()


@st.composite
def mrz_renderings(draw: st.DrawFn) -> tuple[Identity, Identity, Identity]:
    """A written person and two of its MRZ spellings as a PAXLST message holds them
    (both surnames in the one surname field, components separated by spaces or ``<``)."""
    a = draw(identities())
    surnames = " ".join(part for part in (a.surname, a.second_surname) if normalise_words(part))

    def spelled() -> Identity:
        sep = draw(st.sampled_from([" ", "<"]))
        surname = draw(st.sampled_from(sorted(mrz_name_variants(surnames)))).replace("<", sep)
        given = sorted(mrz_name_variants(a.given_names)) or [""]
        return replace(a, surname=surname, second_surname="", given_names=draw(st.sampled_from(given)))

    return a, spelled(), spelled()


@given(mrz_renderings())
def test_every_mrz_spelling_is_the_written_person_and_shares_the_key(
    people: tuple[Identity, Identity, Identity],
) -> None:
    written, one, other = people
    for mrz in (one, other):
        assert match_identity(written, mrz) is not None, (written, mrz)
        assert match_identity(mrz, written) is not None, (written, mrz)
        assert written.blocking_key() == mrz.blocking_key()
    assert match_identity(one, other) is not None, (one, other)
