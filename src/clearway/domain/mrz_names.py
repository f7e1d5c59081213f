"""Names in MRZ form: ICAO Doc 9303 Part 3 §6 transliteration and truncation-aware matching.

The issuing State chooses among the transliterations Doc 9303 allows (``Ü`` as ``UE``,
``UXX`` or ``U``), so a manifest name cannot be turned into *the* MRZ name. Matching
therefore walks the row's name character by character, trying every allowed form at each
position (a small automaton), instead of listing all spellings: a name full of ``Ü`` costs
no more than any other. See shared/standards/mrz.md §4 and §8.
"""

from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

# One input character becomes one of these alternatives; the first is Doc 9303's
# recommended form (used when writing an MRZ).
Forms = tuple[str, ...]

_REMOVED: Forms = ("",)
_NO_FORM: Forms = ()

_LATIN: dict[str, Forms] = {
    # Doc 9303 Part 3 §6 Table A: characters with several allowed forms.
    "Ä": ("AE", "A"),
    "Å": ("AA", "A"),
    "Ñ": ("N", "NXX"),
    "Ö": ("OE", "O"),
    "Ü": ("UE", "UXX", "U"),
    # Multi-letter outputs. Ø is OE in the 8th edition; older tables and issuers use O.
    "Æ": ("AE",),
    "Ø": ("OE", "O"),
    "Þ": ("TH",),
    "Ĳ": ("IJ",),
    "Œ": ("OE",),
    "ẞ": ("SS",),
    # ß is not in the table; SS by analogy with ẞ, and some issuers wrote S. It is
    # listed in lower case because "ß".upper() is already "SS" and would hide the S form.
    "ß": ("SS", "S"),
    # Letters of the table that Unicode does not decompose, so NFKD cannot strip them.
    "Ð": ("D",),
    "Đ": ("D",),
    "Ħ": ("H",),
    "Ŀ": ("L",),
    "Ł": ("L",),
    "Ŋ": ("N",),
    "Ŧ": ("T",),
    # Romanian comma-below letters: not in the table, S and T by analogy with Ş and Ţ.
    "Ș": ("S",),
    "Ț": ("T",),
}

# Doc 9303 Part 3 §6 Table B (Cyrillic), with the national alternatives as extra forms.
_CYRILLIC = (
    "А:A Б:B В:V Г:G|H Ґ:G Д:D Е:E Ё:E|IO Є:IE|YE Ж:ZH|Z З:Z И:I|Y І:I Ї:I|YI Й:I|Y К:K "
    "Л:L М:M Н:N О:O П:P Р:R С:S Т:T У:U Ў:U Ф:F Х:KH|H Ц:TS|C Ч:CH|C Ш:SH|S Щ:SHCH|SHT "
    "Ъ:IE Ы:Y Ь: Э:E Ю:IU|YU Я:IA|YA Ђ:D Ѕ:DZ Ј:J Љ:LJ Њ:NJ Ќ:K|KJ Џ:DZ|DJ Ѫ:U Ѵ:Y Һ:C "
    "Ғ:G|GJ Ѓ:G|GJ"
)

# Apostrophes vanish with no filler (O'CONNOR -> OCONNOR); Doc 9303 Part 3 §4.6.
_APOSTROPHES = frozenset("'’‘ʼʻ`´′")
# Comma and hyphen separate components like a space does (MARIE-ELISE -> MARIE<ELISE).
_SEPARATORS = frozenset(",<")


def _table() -> dict[str, Forms]:
    table: dict[str, Forms] = {c: (c,) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    table.update({c.lower(): (c,) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"})
    table.update(_LATIN)
    for entry in _CYRILLIC.split():
        char, _, forms = entry.partition(":")
        table[char] = tuple(forms.split("|")) if forms else _REMOVED
    return table


_FORMS = _table()


def _char_forms(char: str) -> Forms | None:
    """The MRZ forms of one character; None for a component separator."""
    if char in _FORMS:
        return _FORMS[char]
    if char.isspace() or char in _SEPARATORS:
        return None
    if char in _APOSTROPHES:
        return _REMOVED
    category = unicodedata.category(char)
    if category == "Pd":  # every kind of hyphen and dash
        return None
    if category[0] in "PSM":  # other punctuation, symbols, stray combining marks
        return _REMOVED
    if category[0] != "L":  # digits and the rest have no place in an ICAO name
        return _NO_FORM
    upper = char.upper()
    if upper != char:  # lower case: the table lists upper-case letters
        forms: Forms = ("",)
        for part in upper:  # "ŉ".upper() is two characters
            part_forms = _char_forms(part)
            if part_forms is None:
                return _NO_FORM
            forms = tuple(a + b for a in forms for b in part_forms)
        return forms
    # Fallback for any other Latin letter: NFKD with the combining marks dropped. It
    # runs only after the table, which is why Ä is AE and not just A.
    decomposed = unicodedata.normalize("NFKD", char)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c)).upper()
    if letters and all("A" <= c <= "Z" for c in letters):
        return (letters,)
    return _NO_FORM


# Characters with several MRZ forms, filled by _OnlyForms as they are met.
_SEVERAL: dict[str, Forms] = {}


class _OnlyForms(dict[int, str]):
    """A ``str.translate`` table, filled on demand, that writes a name in MRZ letters.

    A character with one form becomes that form, a separator a space, a character with
    no form U+0001 (which no MRZ holds, so it matches nothing). A character with several
    forms stays as it is, its forms in ``_SEVERAL``: only words holding one need the
    automaton, so most manifest names (García, O'Connor, De la Cruz) take one C-speed pass.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        forms = _char_forms(char)
        if forms is None:
            only = " "
        elif not forms:
            only = _UNWRITABLE
        elif len(forms) == 1:
            only = forms[0]
        else:
            _SEVERAL[char] = forms
            only = char
        if len(self) < _TABLE_LIMIT:  # hostile input must not grow it without bound
            self[code] = only
        return only


_UNWRITABLE = "\x01"
_TABLE_LIMIT = 8192
_ONLY_FORMS = _OnlyForms()


def _words(text: str) -> list[str]:
    """The name's components in MRZ letters, except characters with several forms."""
    # NFC first, so that a decomposed "U" + combining diaeresis is still Ü.
    return unicodedata.normalize("NFC", text).translate(_ONLY_FORMS).split()


def _forms(char: str) -> Forms:
    return _SEVERAL.get(char) or (char,)


def mrz_name(text: str) -> str:
    """The recommended MRZ form of a name part (``De la Cruz`` -> ``DE<LA<CRUZ``).

    Raises ValueError when a character has no MRZ form (a digit, a script without a table).
    """
    words = _words(text)
    if any(_UNWRITABLE in word for word in words):
        raise ValueError(f"no MRZ form for a character of {text!r}")
    return "<".join(word if word.isascii() else "".join(_forms(c)[0] for c in word) for word in words)


MAX_VARIANTS = 64


def mrz_name_variants(text: str) -> set[str]:
    """Every MRZ spelling of a name part, at most ``MAX_VARIANTS`` (recommended forms first).

    Empty when a character has no MRZ form. Matching does not use this list (see
    ``mrz_name_matches``), so the cap never makes a comparison wrong.
    """
    words = _words(text)
    if any(_UNWRITABLE in word for word in words):
        return set()
    joined = "<".join(words)
    if joined.isascii():
        return {joined}
    spellings = [""]
    for char in joined:
        spellings = [spelling + form for spelling in spellings for form in _forms(char)]
        del spellings[MAX_VARIANTS:]
    return set(spellings)


_PIECES = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")


def _word_matches(mrz: str, word: str, prefix: bool) -> bool:
    if word.isascii():
        return word.startswith(mrz) if prefix else word == mrz
    end = len(mrz)
    # The positions of the MRZ text reachable after reading the row's word so far, read
    # a run of plain letters or one character with several forms at a time.
    positions = {0}
    for piece in _PIECES.findall(word):
        if prefix and end in positions:
            return True
        reached = set()
        for position in positions:
            for form in _forms(piece):
                if mrz.startswith(form, position):
                    reached.add(position + len(form))
                elif prefix and form.startswith(mrz[position:]):
                    return True  # the MRZ was cut inside this character's form (UXX -> UX)
        if not reached:
            return False
        positions = reached
    return end in positions


def mrz_name_matches(mrz_part: str, row_text: str, possibly_truncated: bool = False) -> bool:
    """Whether an MRZ name part (``<`` or spaces between components) spells the row's name.

    Every form Doc 9303 allows is accepted. When ``possibly_truncated``, each MRZ
    component may be a prefix of the row's component in the same place and trailing
    components may be missing, but the MRZ is never longer than the row's name.
    """
    mrz_words = mrz_part.replace("<", " ").split()
    row_words = _words(row_text)
    if possibly_truncated:
        if len(mrz_words) > len(row_words):
            return False
        if row_words and not mrz_words:
            return False  # Doc 9303 keeps at least the first letter of each identifier
    elif row_words == mrz_words:
        return True  # the common case, kept cheap
    elif len(row_words) != len(mrz_words):
        return False
    return all(_word_matches(mrz, row, possibly_truncated) for mrz, row in zip(mrz_words, row_words, strict=False))


# --- names compared in MRZ form (spec/manifest-paxlst.md, "Reading") --------------------

#: A name part written only with what an MRZ or a PAXLST message holds: capital letters
#: A-Z, fillers, spaces, and the hyphens, apostrophes, dots and commas gateways leave in.
_MRZ_FORM_CHARACTERS = re.compile(r"[A-Z<' .,\-]+")
_CAPITAL = re.compile(r"[A-Z]")


def in_mrz_form(text: str) -> bool:
    """Whether a name part is in MRZ form (``NUNEZ<PENA``, ``OBRIEN``), not as written.

    A written name in capitals without accents carries no more than its MRZ form, so
    it is read as one; ``Núñez`` and ``Nunez`` are written names.
    """
    # Two linear scans (one pattern with a letter in the middle would backtrack on long text).
    return _MRZ_FORM_CHARACTERS.fullmatch(text) is not None and _CAPITAL.search(text) is not None


def name_components(text: str) -> tuple[str, ...]:
    """The components of a name part as :func:`mrz_name_matches` compares them.

    Letters with one MRZ form are written in it, those with several are kept as they
    are (``Núñez`` -> ``("NUñEZ",)``); apostrophes vanish, hyphens and fillers separate.
    """
    return tuple(_words(text))


def spells(mrz_component: str, component: str) -> bool:
    """Whether an MRZ component spells a component of :func:`name_components` (every ICAO form)."""
    return _word_matches(mrz_component, component, False)


def mrz_skeleton(mrz_component: str) -> str:
    """What two MRZ spellings of one written name share, letter by letter.

    Doc 9303 lets an issuer write Ü as ``UE``, ``UXX`` or ``U``, Ä as ``AE`` or ``A``,
    Å as ``AA`` or ``A``, Ö and Ø as ``OE`` or ``O``, Ñ as ``N`` or ``NXX``, ß as ``SS``
    or ``S``. The skeleton drops what some form adds: an E after U, A or O, an A after
    A, an S after S, an X after U or N (each judged against the last letter kept), so
    ``OEVERGAARD`` and ``OVERGARD`` are both ``OVERGARD``. It may join two MRZ names no
    single written name spells (``HAAS``, ``HAS``: both spell ``Hås``); it never parts two
    spellings of the same name, since each form reduces to the letter it stands for.
    """
    kept: list[str] = []
    for char in mrz_component:
        last = kept[-1] if kept else ""
        if (
            (char == "E" and last in ("U", "A", "O"))
            or (char == "A" and last == "A")
            or (char == "S" and last == "S")
            or (char == "X" and last in ("U", "N"))
        ):
            continue
        kept.append(char)
    return "".join(kept)


def _letter_classes() -> dict[str, str]:
    """Each capital letter's class: letters that begin forms of one character are one class.

    Cyrillic Г is written ``G`` or ``H``, Х ``KH`` or ``H``: so G, H and K are one class,
    and a name's first letter, by class, is the same in every spelling of it.
    """
    parent = {letter: letter for letter in string.ascii_uppercase}

    def root(letter: str) -> str:
        while parent[letter] != letter:
            letter = parent[letter]
        return letter

    for forms in _FORMS.values():
        firsts = sorted({form[0] for form in forms if form})
        for other in firsts[1:]:
            a, b = sorted((root(firsts[0]), root(other)))
            parent[b] = a
    return {letter: root(letter) for letter in parent}


_LETTER_CLASS = _letter_classes()


@lru_cache(maxsize=4096)
def key_letter(char: str) -> str:
    """The class of a name's first letter (lower case), alike in a written name and its MRZ forms.

    ``é``, ``E`` and ``É`` are ``e``; ``Г``, ``G``, ``H`` and ``K`` are one class. A
    character with no MRZ form (a digit) is itself.
    """
    forms = _char_forms(char)
    firsts = [form[0] for form in forms or () if form]
    if not firsts or not "A" <= firsts[0] <= "Z":
        return char
    return _LETTER_CLASS[firsts[0]].lower()
