"""Properties of the MRZ writer, reader and check digits over generated zones."""

from __future__ import annotations

from datetime import date

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from clearway.domain.dates import PartialDate
from clearway.domain.mrz import (
    MrzFormat,
    MrzMalformed,
    MrzRowView,
    check_digit,
    compare_with_row,
    parse_mrz,
)
from clearway.domain.mrz_names import mrz_name, mrz_name_matches, mrz_name_variants
from clearway.domain.mrz_writer import MrzFields, build_mrz

ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<"
VALUE = {char: (0 if char == "<" else int(char, 36)) for char in ALPHABET}
ARRIVAL = date(2025, 6, 1)
MODERATE = settings(max_examples=150, deadline=None)

# Letters a manifest may hold, accented ones included (all have an MRZ form).
NAME_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜÅÑØßÉÈÇŁŽŠáéíóúüñçøæþœĳș"

words = st.text(NAME_LETTERS, min_size=1, max_size=12)
names = st.builds(
    lambda parts, glue: glue.join(parts),
    st.lists(words, min_size=1, max_size=4),
    st.sampled_from([" ", "-", " - ", ", "]),
)
alnum = st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", min_size=1, max_size=9)
states = st.from_regex(r"[A-Z]{1,3}", fullmatch=True)
# Within 50 years of ARRIVAL, the window that gives the expiry its century.
expiries = st.dates(date(1976, 1, 1), date(2074, 12, 31))
birth_dates = st.one_of(
    st.dates(date(1900, 1, 1), date(2025, 12, 31)),
    st.builds(
        lambda day, unknown: PartialDate(
            day.year, None if unknown == "month" else day.month, None if unknown else day.day
        ),
        st.dates(date(1900, 1, 1), date(2025, 12, 31)),
        st.sampled_from(["day", "month"]),
    ),
    st.just("<<<<<<"),
)


def _optional(max_size: int) -> st.SearchStrategy[str]:
    return st.text(ALPHABET, max_size=max_size).map(lambda text: text.rstrip("<"))


@st.composite
def zones(draw: st.DrawFn) -> tuple[MrzFormat, MrzFields]:
    fmt = draw(st.sampled_from(list(MrzFormat)))
    visa = fmt in (MrzFormat.MRVA, MrzFormat.MRVB)
    first = "V" if visa else draw(st.sampled_from("ACIP"))
    code = first + draw(st.sampled_from("ABCDEFGHIJKLMNOPQRSTUWXYZ<"))
    number = draw(alnum)
    optional, optional_2 = "", ""
    if fmt in (MrzFormat.TD1, MrzFormat.TD2):
        area = 15 if fmt is MrzFormat.TD1 else 7
        # Long numbers continue in the optional data, followed by their digit and a filler.
        number += draw(st.text("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", max_size=area - 2))
        room = area if len(number) <= 9 else area - (len(number) - 9) - 2
        optional = draw(_optional(room))
        if fmt is MrzFormat.TD1:
            optional_2 = draw(_optional(11))
    else:
        width = {MrzFormat.TD3: 14, MrzFormat.MRVA: 16, MrzFormat.MRVB: 8}[fmt]
        optional = draw(_optional(width))
    fields = MrzFields(
        document_code=code,
        issuing_state=draw(states),
        surname=draw(names),
        given_names=draw(st.one_of(st.just(""), names)),
        document_number=number,
        nationality=draw(states),
        birth_date=draw(birth_dates),
        sex=draw(st.sampled_from("MFX<")),
        expiry_date=draw(expiries),
        optional_data=optional,
        optional_data_2=optional_2,
    )
    return fmt, fields


def _yymmdd(value: str | date | PartialDate) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, PartialDate):
        month = "<<" if value.month is None else f"{value.month:02d}"
        day = "<<" if value.day is None else f"{value.day:02d}"
        return f"{value.year % 100:02d}{month}{day}"
    return value.strftime("%y%m%d")


@MODERATE
@given(zones())
def test_written_zone_reads_back_its_fields(zone: tuple[MrzFormat, MrzFields]) -> None:
    fmt, fields = zone
    parsed = parse_mrz(build_mrz(fmt, fields))

    assert parsed.format is fmt
    assert parsed.failed_check_digits() == []
    assert parsed.document_code == fields.document_code.ljust(2, "<")
    assert (parsed.issuing_state, parsed.nationality) == (fields.issuing_state, fields.nationality)
    visa = fmt in (MrzFormat.MRVA, MrzFormat.MRVB)
    number = fields.document_number[:9] if visa else fields.document_number
    assert parsed.document_number == number
    assert parsed.long_document_number == (len(number) > 9)
    assert parsed.birth_date_raw == _yymmdd(fields.birth_date)
    assert parsed.expiry_date_raw == _yymmdd(fields.expiry_date)
    assert parsed.sex == ("<" if fields.sex == "X" else fields.sex)
    assert (parsed.optional_data, parsed.optional_data_2) == (
        fields.optional_data,
        fields.optional_data_2,
    )
    if not parsed.name_possibly_truncated:
        assert parsed.primary == mrz_name(fields.surname).replace("<", " ")
        assert parsed.secondary == mrz_name(fields.given_names).replace("<", " ")
    row = MrzRowView(
        surname=fields.surname,
        given_names=fields.given_names,
        sex=fields.sex.replace("<", "X"),
        nationality=fields.nationality,
        document_number=fields.document_number,
        document_issuer=fields.issuing_state,
        document_expiry=fields.expiry_date if isinstance(fields.expiry_date, date) else None,
    )
    assert compare_with_row(parsed, row, ARRIVAL) == []


def _covered(fmt: MrzFormat) -> list[tuple[int, int]]:
    """(line, column) of every character under a check digit, check digits excluded."""
    spans = {
        MrzFormat.TD1: [(0, 5, 14), (0, 15, 30), (1, 0, 6), (1, 8, 14), (1, 18, 29)],
        MrzFormat.TD2: [(1, 0, 9), (1, 13, 19), (1, 21, 27), (1, 28, 35)],
        MrzFormat.TD3: [(1, 0, 9), (1, 13, 19), (1, 21, 27), (1, 28, 42)],
        MrzFormat.MRVA: [(1, 0, 9), (1, 13, 19), (1, 21, 27)],
        MrzFormat.MRVB: [(1, 0, 9), (1, 13, 19), (1, 21, 27)],
    }[fmt]
    return [(line, column) for line, start, end in spans for column in range(start, end)]


# Where a long TD1/TD2 number's extension is: there, a filler ends the extension, so
# trading a filler for a character moves the check digit (a change of structure, not of
# value, which this property is not about).
EXTENSION_AREA = {MrzFormat.TD1: (0, range(15, 30)), MrzFormat.TD2: (1, range(28, 35))}


@MODERATE
@given(zones(), st.data())
def test_single_change_is_caught_exactly_when_the_731_scheme_can(
    zone: tuple[MrzFormat, MrzFields], data: st.DataObject
) -> None:
    fmt, fields = zone
    lines = build_mrz(fmt, fields).split("\n")
    written = parse_mrz("\n".join(lines))
    line, column = data.draw(st.sampled_from(_covered(fmt)))
    in_extension = False
    if written.long_document_number:
        area_line, area = EXTENSION_AREA[fmt]
        in_extension = line == area_line and column in area
        # The long number's own check digit sits in the area: a digit, not data.
        assume(not in_extension or column != area.start + len(written.document_number) - 9)
    original = lines[line][column]
    for replacement in ALPHABET.replace(original, ""):
        if in_extension and "<" in (original, replacement):
            continue
        changed = list(lines)
        changed[line] = lines[line][:column] + replacement + lines[line][column + 1 :]
        try:
            parsed = parse_mrz("\n".join(changed))
        except MrzMalformed:
            continue  # an unreadable date is refused before any digit is checked
        # Weights 7, 3 and 1 are coprime to 10: a change is invisible exactly when the
        # character's value moves by a multiple of 10 ("<" and "0", "1" and "B", ...).
        detectable = (VALUE[replacement] - VALUE[original]) % 10 != 0
        assert bool(parsed.failed_check_digits()) is detectable, (changed, replacement)


@given(st.text(ALPHABET, min_size=1, max_size=60))
def test_check_digit_is_the_weighted_sum(chars: str) -> None:
    weights = (7, 3, 1)
    expected = sum(VALUE[c] * weights[i % 3] for i, c in enumerate(chars)) % 10
    assert check_digit(chars) == expected


@settings(max_examples=100, deadline=None)
@given(names)
def test_every_variant_matches_the_name_and_so_does_every_cut(name: str) -> None:
    variants = mrz_name_variants(name)
    assert mrz_name(name) in variants
    for variant in variants:
        assert mrz_name_matches(variant, name)
        components = variant.split("<")
        for cut in range(1, len(components[-1])):
            truncated = "<".join([*components[:-1], components[-1][:cut]])
            assert mrz_name_matches(truncated, name, possibly_truncated=True)
