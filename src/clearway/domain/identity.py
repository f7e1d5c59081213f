"""Whether two records are the same person: the rule of spec/findings.md, Terms.

Names are normalised (accents removed, case ignored, hyphens and apostrophes as
word breaks, spaces collapsed); then two people are the same when their dates
of birth are equal, their given names agree as far as both sides have them
(the first always), and their surname words agree, either all of them or, when
one side has no second surname, the first surname's words.

A name in MRZ form (read from a PAXLST message, or typed in capitals without
accents) is also the same as a written name it is one of the ICAO transliterations
of (``ARGUEELLO``, ``ARGUXXELLO`` and ``ARGUELLO`` are all ``Argüello``; ``OBRIEN`` is
``O'Brien``), and as another MRZ name that some written name spells both ways
(``OEVERGAARD``, ``OVERGARD``): spec/manifest-paxlst.md, "Reading". Its surname field
may hold both surnames (PAXLST has one), so each split of it between a first and a
second surname is tried.

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
from functools import cached_property, lru_cache
from typing import Any

from clearway.domain.dates import PartialDate
from clearway.domain.mrz_names import in_mrz_form, key_letter, mrz_skeleton, name_components, spells

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

#: The MRZ filler separates a name's components (``NUNEZ<PENA``), like a space.
_FILLER = "<"

_FOLD_TABLE = str.maketrans({**_LETTER_FOLDS, **dict.fromkeys(_WORD_BREAKS + _FILLER, " ")})
_BREAK_TABLE = str.maketrans(dict.fromkeys(_WORD_BREAKS + _FILLER, " "))


def _keep_word_chars(text: str) -> str:
    """Letters, digits and spaces; other punctuation and symbols are dropped."""
    return "".join(ch for ch in text if ch.isalnum() or ch.isspace())


@lru_cache(maxsize=1 << 16)
def normalise_words(text: str) -> tuple[str, ...]:
    """The words of a name as the rule compares them.

    ``"GARCÍA-López"`` → ``("garcia", "lopez")``; ``"O’Brien"`` → ``("o", "brien")``;
    ``"Ørsted  Æbelø"`` → ``("orsted", "aebelo")``; ``"NUNEZ<PENA"`` → ``("nunez", "pena")``.
    Cached: names repeat a great deal.
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
            _first_letter(surnames),
            _first_letter(given),
        )

    @cached_property
    def _components(self) -> _Components:
        return _Components.of(self)


def _first_letter(words: tuple[str, ...]) -> str:
    return key_letter(words[0][0]) if words else ""


def blocking_key(surname: str, second_surname: str, given_names: str, date_of_birth: str) -> tuple[str, str, str]:
    """(date of birth as written, first surname letter, first given-name letter), letters by class.

    Any two people :func:`match_identity` accepts share this key: dates of birth are
    equal and written the same; both surname clauses keep the first of all surname
    words (a dropped second surname needs a non-empty first one); the given-name
    clause keeps the first given name, and a person with no given names has ``""``.
    Only the first letter is kept, by its class (``mrz_names.key_letter``), because a
    written name and its MRZ forms may differ after it (``Øster``, ``OESTER``) or split
    it differently (``O'Brien``, ``OBRIEN``), never in it. So it narrows candidates
    without losing a match. ``date_of_birth`` is the ``PartialDate.iso()`` text.
    """
    surnames = normalise_words(surname) or normalise_words(second_surname)
    given = normalise_words(given_names)
    return (date_of_birth, _first_letter(surnames), _first_letter(given))


@dataclass(frozen=True)
class _Components:
    """A person's name parts as MRZ components, each with whether it is in MRZ form."""

    surname: tuple[str, ...]
    second_surname: tuple[str, ...]
    given_names: tuple[str, ...]
    surname_mrz: bool
    second_surname_mrz: bool
    given_names_mrz: bool

    @classmethod
    def of(cls, person: Identity) -> _Components:
        return cls(
            surname=name_components(person.surname),
            second_surname=name_components(person.second_surname),
            given_names=name_components(person.given_names),
            surname_mrz=in_mrz_form(person.surname),
            second_surname_mrz=in_mrz_form(person.second_surname),
            given_names_mrz=in_mrz_form(person.given_names),
        )

    @property
    def any_mrz(self) -> bool:
        return self.surname_mrz or self.second_surname_mrz or self.given_names_mrz

    def surnames(self) -> list[tuple[str, bool]]:
        return [(word, self.surname_mrz) for word in self.surname] + [
            (word, self.second_surname_mrz) for word in self.second_surname
        ]

    def first_surname(self, length: int) -> list[tuple[str, bool]]:
        """The first surname to compare with one of ``length`` components: the surname field, or,
        for a surname field in MRZ form beside no second surname (it may hold both), its first
        ``length`` components."""
        words = [(word, self.surname_mrz) for word in self.surname]
        if self.second_surname or not self.surname_mrz:
            return words
        return words[:length]


def _same_component(a: tuple[str, bool], b: tuple[str, bool]) -> bool:
    (a_word, a_mrz), (b_word, b_mrz) = a, b
    if a_mrz and b_mrz:
        return mrz_skeleton(a_word) == mrz_skeleton(b_word)
    if a_mrz:
        return spells(a_word, b_word)
    if b_mrz:
        return spells(b_word, a_word)
    return normalise_words(a_word) == normalise_words(b_word)


def _same_components(a: Sequence[tuple[str, bool]], b: Sequence[tuple[str, bool]]) -> bool:
    return len(a) == len(b) and all(_same_component(x, y) for x, y in zip(a, b, strict=True))


def _lowered(words: Sequence[tuple[str, bool]]) -> tuple[str, ...]:
    return tuple(normalise_words(" ".join(word for word, _ in words)))


def _match_in_mrz_form(a: Identity, b: Identity) -> IdentityMatch | None:
    """The same-person rule with names in MRZ form compared as ICAO transliterations.

    Dates of birth are already equal. Only reached when the written rule did not match
    and one side has a name part in MRZ form.
    """
    ca, cb = a._components, b._components
    if not (ca.any_mrz or cb.any_mrz):
        return None
    ga = [(word, ca.given_names_mrz) for word in ca.given_names]
    gb = [(word, cb.given_names_mrz) for word in cb.given_names]
    if bool(ga) != bool(gb):
        return None
    shared = min(len(ga), len(gb))
    if not _same_components(ga[:shared], gb[:shared]):
        return None

    tolerances = {"mrz_transliteration"}
    sa, sb = ca.surnames(), cb.surnames()
    if _same_components(sa, sb):
        surname_words = _lowered(sa)
        if len(ca.surname) != len(cb.surname):
            tolerances.add("hyphenated_surname")
    else:
        surname_words = ()
        for dropped, other in ((ca, cb), (cb, ca)):
            if dropped.second_surname or not dropped.surname:
                continue
            words = [(word, dropped.surname_mrz) for word in dropped.surname]
            if _same_components(words, other.first_surname(len(words))):
                surname_words = _lowered(words)
                break
        if not surname_words:
            return None
        tolerances.add("second_surname_dropped")
    if len(ga) != len(gb):
        tolerances.add("given_names_shortened")
    return IdentityMatch(
        surname_words=surname_words,
        given_names_compared=_lowered(ga[:shared]),
        tolerances=tuple(t for t in TOLERANCES if t in tolerances),
        score=name_score(a, b),
    )


#: The tolerances a match may need, in the order they are reported.
TOLERANCES = (
    "exact",
    "accents_or_case",
    "mrz_transliteration",
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
    second surname and its surname words equal the other side's first surname words;
    failing that, the same rule with names in MRZ form read as ICAO transliterations
    (see the module's docstring).
    """
    if a.date_of_birth != b.date_of_birth:
        return None
    given = _given_names_agree(a, b)
    if given is None:
        return _match_in_mrz_form(a, b)

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
        return _match_in_mrz_form(a, b)

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
