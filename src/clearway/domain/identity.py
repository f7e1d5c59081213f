"""Whether two records are the same person: the rule of spec/findings.md, Terms.

Names are normalised (accents removed, case ignored, hyphens and apostrophes as
word breaks, spaces collapsed); then two people are the same when their dates
of birth are equal, their given names agree as far as both sides have them
(the first always), and their surname words agree, either all of them or, when
one side has no second surname, the first surname's words.

This module decides; nothing looser may. A rapidfuzz score is computed for a
match, to explain and rank it, but it never makes or breaks one. The same rule
serves ``DUPLICATE_PERSON`` (:func:`find_duplicates`) and ``LEGAL_HOLD_MATCH``
(``clearway.screening``, which only narrows the candidates before calling
:func:`match_identity`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from clearway.domain.dates import PartialDate

#: Letters that Unicode does not decompose into a base letter plus marks; mapped so
#: that no letter is lost when marks are dropped (``Øster`` is ``oster``, not ``ster``).
_LETTER_FOLDS = {
    "ß": "ss",
    "ẞ": "ss",
    "æ": "ae",
    "ø": "o",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ł": "l",
    "ŀ": "l",
    "ħ": "h",
    "ı": "i",
    "ȷ": "j",
    "ŧ": "t",
    "ŋ": "n",
    "ĸ": "k",
    "ſ": "s",
    "ƒ": "f",
    "ɨ": "i",
    "ʉ": "u",
    "ƀ": "b",
    "ƶ": "z",
    "ǥ": "g",
}

#: Hyphens, dashes and apostrophes of every kind: word breaks (``García-López``,
#: ``D'Angelo``). Written as escapes because several look alike.
_WORD_BREAKS = (
    "-\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"  # hyphens, dashes
    "'`\u00b4\u02b9\u02bb\u02bc\u02bd\u2018\u2019\u201b\u2032\uff07"  # apostrophes
)

_FOLD_TABLE = str.maketrans({**_LETTER_FOLDS, **dict.fromkeys(_WORD_BREAKS, " ")})
_BREAK_TABLE = str.maketrans(dict.fromkeys(_WORD_BREAKS, " "))


def _keep_word_chars(text: str) -> str:
    """Letters, digits and spaces; other punctuation and symbols are dropped."""
    return "".join(ch for ch in text if ch.isalnum() or ch.isspace())


@lru_cache(maxsize=1 << 16)
def normalise_words(text: str) -> tuple[str, ...]:
    """The words of a name as the rule compares them.

    ``"GARCÍA-López"`` → ``("garcia", "lopez")``; ``"O’Brien"`` → ``("o", "brien")``;
    ``"Ørsted  Æbelø"`` → ``("orsted", "aebelo")``. Cached: names repeat a great deal.
    """
    if text.isascii():
        folded = text.translate(_BREAK_TABLE).lower()
        if not folded.replace(" ", "").isalnum():
            folded = _keep_word_chars(folded)
        return tuple(folded.split())
    folded = text.casefold().translate(_FOLD_TABLE)
    decomposed = unicodedata.normalize("NFKD", folded)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M")
    # NFKD can expose letters that need folding again (compatibility forms).
    stripped = stripped.casefold().translate(_FOLD_TABLE)
    return tuple(_keep_word_chars(stripped).split())


@lru_cache(maxsize=1 << 14)
def _written_words(text: str) -> tuple[str, ...]:
    """The same word breaks as :func:`normalise_words`, letters as written.

    Used only to say whether accents or letter case differed in a match.
    """
    broken = unicodedata.normalize("NFC", text).translate(_BREAK_TABLE)
    return tuple(_keep_word_chars(broken).split())


@dataclass(frozen=True)
class Identity:
    """A person's name parts and date of birth, as typed (nothing normalised in place)."""

    surname: str
    second_surname: str
    given_names: str
    date_of_birth: PartialDate

    # Normalised forms, computed once when the record is made (names repeat, so
    # normalise_words is mostly a cache hit); not part of equality or repr.
    surname_words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    second_surname_words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    #: The words of ``surname`` followed by those of ``second_surname``.
    all_surname_words: tuple[str, ...] = field(init=False, repr=False, compare=False)
    given_words: tuple[str, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        first = normalise_words(self.surname)
        second = normalise_words(self.second_surname)
        object.__setattr__(self, "surname_words", first)
        object.__setattr__(self, "second_surname_words", second)
        object.__setattr__(self, "all_surname_words", first + second)
        object.__setattr__(self, "given_words", normalise_words(self.given_names))

    @property
    def full_name(self) -> str:
        """Normalised surnames then given names, space-separated (for scoring)."""
        return " ".join(self.all_surname_words + self.given_words)

    @property
    def has_second_surname(self) -> bool:
        return bool(self.second_surname_words)

    def blocking_key(self) -> tuple[str, str, str]:
        """See :func:`blocking_key`."""
        surnames = self.all_surname_words
        given = self.given_words
        return (
            self.date_of_birth.iso(),
            surnames[0] if surnames else "",
            given[0] if given else "",
        )


def blocking_key(surname: str, second_surname: str, given_names: str, date_of_birth: str) -> tuple[str, str, str]:
    """(date of birth as written, first surname word, first given-name word).

    Any two people :func:`match_identity` accepts share this key: dates of birth are
    equal and written the same; both surname clauses keep the first of all surname
    words (a dropped second surname needs a non-empty first one); the given-name
    clause keeps the first given name, and a person with no given names has ``""``.
    So it narrows candidates without losing a match. ``date_of_birth`` is the
    ``PartialDate.iso()`` text.
    """
    surnames = normalise_words(surname) or normalise_words(second_surname)
    given = normalise_words(given_names)
    return (date_of_birth, surnames[0] if surnames else "", given[0] if given else "")


#: The tolerances a match may need, in the order they are reported.
TOLERANCES = (
    "exact",
    "accents_or_case",
    "second_surname_dropped",
    "hyphenated_surname",
    "given_names_shortened",
)


@dataclass(frozen=True)
class IdentityMatch:
    """Why two records are the same person.

    ``surname_words``: the normalised surname words that matched (all of them, or the
    first surname's words when a second surname was dropped).
    ``given_names_compared``: the normalised given-name words compared (the shorter side).
    ``tolerances``: from :data:`TOLERANCES`, only those needed; ``("exact",)`` when the
    names are written word for word alike. ``hyphenated_surname`` means the surname words
    are split differently between ``surname`` and ``second_surname`` (``García-López``
    with no second surname against ``García`` + ``López``).
    ``score``: rapidfuzz ``token_set_ratio`` of the two normalised full names, 0-100;
    it explains, it never decides.
    """

    surname_words: tuple[str, ...]
    given_names_compared: tuple[str, ...]
    tolerances: tuple[str, ...]
    score: float

    def to_details(self) -> dict[str, Any]:
        """JSON-safe form for a finding's ``details``."""
        return {
            "surname_words": list(self.surname_words),
            "given_names_compared": list(self.given_names_compared),
            "tolerances": list(self.tolerances),
            "score": round(self.score, 1),
        }


def name_score(a: Identity, b: Identity) -> float:
    """rapidfuzz ``token_set_ratio`` of the normalised full names (explanation only)."""
    from rapidfuzz import fuzz  # imported on first use: most runs find no match to explain

    return float(fuzz.token_set_ratio(a.full_name, b.full_name))


def _given_names_agree(a: Identity, b: Identity) -> tuple[str, ...] | None:
    """The given-name words compared when they agree, else ``None``."""
    ga, gb = a.given_words, b.given_words
    if not ga or not gb:
        # No given names on both sides is equal; on one side only, the first given
        # names are not equal.
        return () if ga == gb else None
    shared = min(len(ga), len(gb))
    if ga[:shared] != gb[:shared]:
        return None
    return ga[:shared]


def _written_differs(a_texts: Sequence[str], b_texts: Sequence[str], count: int) -> bool:
    """Whether the first ``count`` words, as written, differ (accents or case)."""
    a_words = tuple(word for text in a_texts for word in _written_words(text))[:count]
    b_words = tuple(word for text in b_texts for word in _written_words(text))[:count]
    return a_words != b_words


def match_identity(a: Identity, b: Identity) -> IdentityMatch | None:
    """The explanation when ``a`` and ``b`` are the same person, else ``None``.

    Exactly the rule of spec/findings.md: equal dates of birth (partly unknown dates
    only when written the same); the first given names equal and further ones equal
    as far as both sides have them; surname words equal in full, or one side has no
    second surname and its surname words equal the other side's first surname words.
    """
    if a.date_of_birth != b.date_of_birth:
        return None
    given = _given_names_agree(a, b)
    if given is None:
        return None

    tolerances: set[str] = set()
    accents = False
    if a.all_surname_words == b.all_surname_words:
        surname_words = a.all_surname_words
        if a.surname_words != b.surname_words:
            tolerances.add("hyphenated_surname")
        accents = _written_differs((a.surname, a.second_surname), (b.surname, b.second_surname), len(surname_words))
    elif (
        (not a.has_second_surname or not b.has_second_surname)
        and a.surname_words  # a dropped second surname presupposes a first one
        and a.surname_words == b.surname_words
    ):
        surname_words = a.surname_words
        tolerances.add("second_surname_dropped")
        accents = _written_differs((a.surname,), (b.surname,), len(surname_words))
    else:
        return None

    if len(a.given_words) != len(b.given_words):
        tolerances.add("given_names_shortened")
    if accents or _written_differs((a.given_names,), (b.given_names,), len(given)):
        tolerances.add("accents_or_case")
    ordered = tuple(t for t in TOLERANCES if t in tolerances) or ("exact",)
    return IdentityMatch(
        surname_words=surname_words,
        given_names_compared=given,
        tolerances=ordered,
        score=name_score(a, b),
    )


def find_duplicates(
    people: Sequence[tuple[int, Identity]],
) -> list[tuple[int, int, IdentityMatch]]:
    """``(later_seq, other_seq, match)`` for each row that is the same person as an earlier one.

    "Earlier" is the order of ``people`` (the file's row order). Each later row is
    reported once, against the earliest row it matches. Rows are grouped by
    :meth:`Identity.blocking_key` first, so only people who could match are compared.
    """
    blocks: dict[tuple[str, str, str], list[tuple[int, Identity]]] = {}
    found: list[tuple[int, int, IdentityMatch]] = []
    for seq, person in people:
        block = blocks.setdefault(person.blocking_key(), [])
        for other_seq, other in block:
            match = match_identity(other, person)
            if match is not None:
                found.append((seq, other_seq, match))
                break
        block.append((seq, person))
    return found
