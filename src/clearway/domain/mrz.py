"""ICAO Doc 9303 machine-readable zones: check digits, parsing, comparison with a manifest row.

Positions, check-digit ranges and the reading rules are those of
shared/standards/mrz.md (a summary of Doc 9303 8th ed., Parts 3-7). Everything here is
strict ICAO: national variants (the Belgian long-number digit, filler counted) fail.
Names in MRZ form live in ``mrz_names``; writing a zone is ``mrz_writer``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any

from clearway.domain.dates import PartialDate
from clearway.domain.mrz_names import mrz_name_matches


class MrzFormat(StrEnum):
    TD1 = "TD1"
    TD2 = "TD2"
    TD3 = "TD3"
    MRVA = "MRV-A"
    MRVB = "MRV-B"


class MrzMalformed(ValueError):
    """The text is not a TD1, TD2, TD3, MRV-A or MRV-B zone (finding ``MRZ_MALFORMED``).

    ``reason`` is a stable word for the message catalogue; ``detail`` holds its values.
    """

    def __init__(self, reason: str, detail: dict[str, Any]) -> None:
        super().__init__(f"{reason} {detail}")
        self.reason = reason
        self.detail = detail


# The names of MRZ_CHECK_DIGIT's `field`, in the order findings are reported.
CHECK_DIGIT_FIELDS = ("document_number", "date_of_birth", "expiry", "optional", "composite")

# Byte value -> MRZ character value; 255 marks a byte outside the alphabet. Translating a
# whole field at once and summing each weight class in C is several times faster than a
# per-character loop, and check digits run five times for every manifest row.
_VALUE_TABLE = bytes(
    (byte - 48) if 48 <= byte <= 57 else (byte - 55) if 65 <= byte <= 90 else 0 if byte == 60 else 255
    for byte in range(256)
)


def _weighted(values: bytes) -> int:
    return (7 * sum(values[0::3]) + 3 * sum(values[1::3]) + sum(values[2::3])) % 10


def check_digit(chars: str) -> int:
    """The Doc 9303 check digit (weights 7, 3, 1; ``<`` = 0, A = 10 .. Z = 35) of ``chars``.

    Raises ValueError for empty input or a character outside A-Z, 0-9 and ``<``.
    """
    values = chars.encode("ascii", errors="replace").translate(_VALUE_TABLE)  # "?" -> 255
    if not values or 255 in values:
        raise ValueError(f"not a string of MRZ characters: {chars!r}")
    return _weighted(values)


def _values(mrz_text: str) -> bytes:
    """The character values of text already checked to hold only A-Z, 0-9 and ``<``."""
    return mrz_text.encode("ascii").translate(_VALUE_TABLE)


def _digit_ok(values: bytes, digit: str) -> bool:
    """Whether ``digit`` is the check digit of the characters whose ``values`` are given."""
    # "<" or a letter where the digit belongs is a failure, never "no check".
    return "0" <= digit <= "9" and ord(digit) - 48 == _weighted(values)


@dataclass(frozen=True)
class ParsedMrz:
    """A zone read into its fields; dates stay ``YYMMDD`` as written (no century)."""

    format: MrzFormat
    document_code: str  # two characters as written: "P<", "ID", "V<"
    issuing_state: str  # fillers stripped: "D<<" -> "D"
    document_number: str  # fillers stripped, joined across the TD1/TD2 extension
    long_document_number: bool
    nationality: str
    primary: str  # components separated by spaces
    secondary: str
    name_possibly_truncated: bool  # the name field ends with a letter
    birth_date_raw: str  # "<" for unknown parts
    sex: str  # "M", "F", "<" or "X"
    expiry_date_raw: str
    optional_data: str  # TD1: optional data 1 (after a long number's extension)
    optional_data_2: str  # TD1 line 2 only; "" for the other formats
    check_digits: dict[str, bool] = field(hash=False)

    @property
    def is_visa(self) -> bool:
        return self.format in (MrzFormat.MRVA, MrzFormat.MRVB)

    def failed_check_digits(self) -> list[str]:
        """The fields whose check digit fails, in ``CHECK_DIGIT_FIELDS`` order."""
        return [name for name in CHECK_DIGIT_FIELDS if self.check_digits.get(name) is False]

    def expiry_date(self, reference: date) -> date:
        """The expiry (a visa's valid-until), its year in ``reference.year - 49 .. + 50``."""
        raw = self.expiry_date_raw
        yy, month, day = int(raw[0:2]), int(raw[2:4]), int(raw[4:6])
        year = reference.year - (reference.year - yy + 50) % 100 + 50
        if month == 2 and day == 29 and not calendar.isleap(year):
            year -= 100  # 2100 is not a leap year; the zone can only mean 2000
        return date(year, month, day)


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_MRZ_LINE = re.compile(r"[A-Z0-9<]*")
_CODE = re.compile(r"[A-Z]{1,3}<{0,2}")
_SHAPES = {(3, 30): MrzFormat.TD1, (2, 36): MrzFormat.TD2, (2, 44): MrzFormat.TD3}
_VISAS = {MrzFormat.TD2: MrzFormat.MRVB, MrzFormat.TD3: MrzFormat.MRVA}


def parse_mrz(text: str) -> ParsedMrz:
    """Read a zone whose lines are joined by ``|`` or newlines; MrzMalformed if it is not one.

    Check-digit failures do not raise: they are in ``check_digits``.
    """
    whole = text.strip()
    lines = [line.strip() for line in whole.replace("\r\n", "\n").replace("\r", "\n").replace("|", "\n").split("\n")]
    if lines == [""]:
        lines = []
    if len(lines) not in (2, 3):
        raise MrzMalformed("line_count", {"lines": len(lines)})
    width = len(lines[0])
    shape = _SHAPES.get((len(lines), width))
    if shape is None or len(lines[1]) != width or len(lines[-1]) != width:
        raise MrzMalformed("line_length", {"lines": len(lines), "lengths": [len(line) for line in lines]})
    if not _MRZ_LINE.fullmatch("".join(lines)):
        for number, line in enumerate(lines, start=1):
            for position, char in enumerate(line, start=1):
                if char not in _ALPHABET:
                    reason = "lowercase" if char.islower() else "charset"
                    raise MrzMalformed(reason, {"line": number, "position": position, "char": char})
    if shape is MrzFormat.TD1:
        return _parse_td1(*lines)
    return _parse_two_lines(_VISAS[shape] if lines[0][0] == "V" else shape, lines[0], lines[1])


def _code(value: str, name: str) -> str:
    if not _CODE.fullmatch(value):
        raise MrzMalformed("code", {"field": name, "value": value})
    return value.rstrip("<")


def _sex(value: str) -> str:
    if value not in ("M", "F", "<", "X"):  # X is not ICAO but some issuers print it
        raise MrzMalformed("sex", {"value": value})
    return value


_MONTH_DAYS = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _date_ok(raw: str, unknown_allowed: bool) -> bool:
    if raw.isdigit():
        month, day = int(raw[2:4]), int(raw[4:6])
        if not (1 <= month <= 12 and 1 <= day <= _MONTH_DAYS[month]):
            return False
        # 29 February exists when 20YY is a leap year (YY % 4 == 0, 2000 included).
        return not (month == 2 and day == 29 and int(raw[0:2]) % 4)
    pairs = (raw[0:2], raw[2:4], raw[4:6])
    if not unknown_allowed or not all(pair.isdigit() or pair == "<<" for pair in pairs):
        return False
    # Some part is unknown: check the parts that are known.
    yy, known_month, known_day = (None if pair == "<<" else int(pair) for pair in pairs)
    if known_month is not None and not 1 <= known_month <= 12:
        return False
    if known_day is None:
        return True
    if known_month == 2 and known_day == 29 and yy is not None and yy % 4:
        return False
    return 1 <= known_day <= _MONTH_DAYS[known_month or 1]


def _birth_date(raw: str) -> str:
    if not _date_ok(raw, unknown_allowed=True):
        raise MrzMalformed("birth_date", {"value": raw})
    return raw


def _expiry_date(raw: str) -> str:
    if not _date_ok(raw, unknown_allowed=False):
        raise MrzMalformed("expiry_date", {"value": raw})
    return raw


def _name(name_field: str) -> tuple[str, str, bool]:
    truncated = "A" <= name_field[-1] <= "Z"
    primary, _, secondary = name_field.rstrip("<").partition("<<")
    # Splitting at whitespace also collapses stray repeated fillers.
    return " ".join(primary.replace("<", " ").split()), " ".join(secondary.replace("<", " ").split()), truncated


def _document_number(head: str, digit: str, area: str) -> tuple[str, bool, str, bool]:
    """(number, its check digit verifies, the rest of the optional data, long number).

    Doc 9303 Part 5 §4.2.4 / Part 6 note j: a number over 9 characters leaves ``<`` in
    the digit's place and continues at the start of the optional data, followed by its
    check digit and a filler. The digit covers head + extension, not that ``<``.
    """
    if digit == "<" and area[:1] not in ("", "<"):
        extension = area.split("<", 1)[0]
        number = head + extension[:-1]
        rest = area[len(extension) + 1 :]
        return number.rstrip("<"), _digit_ok(_values(number), extension[-1]), rest.rstrip("<"), True
    return head.rstrip("<"), _digit_ok(_values(head), digit), area.rstrip("<"), False


def _parse_td1(line1: str, line2: str, line3: str) -> ParsedMrz:
    issuing_state = _code(line1[2:5], "issuing_state")
    birth = _birth_date(line2[0:6])
    sex = _sex(line2[7])
    expiry = _expiry_date(line2[8:14])
    nationality = _code(line2[15:18], "nationality")
    number, number_ok, optional, long_number = _document_number(line1[5:14], line1[14], line1[15:30])
    primary, secondary, truncated = _name(line3)
    values1, values2 = _values(line1), _values(line2)
    return ParsedMrz(
        format=MrzFormat.TD1,
        document_code=line1[0:2],
        issuing_state=issuing_state,
        document_number=number,
        long_document_number=long_number,
        nationality=nationality,
        primary=primary,
        secondary=secondary,
        name_possibly_truncated=truncated,
        birth_date_raw=birth,
        sex=sex,
        expiry_date_raw=expiry,
        optional_data=optional,
        optional_data_2=line2[18:29].rstrip("<"),
        check_digits={
            "document_number": number_ok,
            "date_of_birth": _digit_ok(values2[0:6], line2[6]),
            "expiry": _digit_ok(values2[8:14], line2[14]),
            "composite": _digit_ok(values1[5:30] + values2[0:7] + values2[8:15] + values2[18:29], line2[29]),
        },
    )


def _parse_two_lines(fmt: MrzFormat, line1: str, line2: str) -> ParsedMrz:
    """TD2, TD3, MRV-A and MRV-B share line 1 and positions 1-28 of line 2."""
    issuing_state = _code(line1[2:5], "issuing_state")
    nationality = _code(line2[10:13], "nationality")
    birth = _birth_date(line2[13:19])
    sex = _sex(line2[20])
    expiry = _expiry_date(line2[21:27])
    primary, secondary, truncated = _name(line1[5:])
    values = _values(line2)
    if fmt is MrzFormat.TD2:
        number, number_ok, optional, long_number = _document_number(line2[0:9], line2[9], line2[28:35])
    else:
        number, number_ok, long_number = line2[0:9].rstrip("<"), _digit_ok(values[0:9], line2[9]), False
        # TD3: the personal number; visas: optional data without a check digit.
        optional = line2[28 : 42 if fmt is MrzFormat.TD3 else None].rstrip("<")
    checks = {
        "document_number": number_ok,
        "date_of_birth": _digit_ok(values[13:19], line2[19]),
        "expiry": _digit_ok(values[21:27], line2[27]),
    }
    if fmt is MrzFormat.TD3:
        personal, digit = line2[28:42], line2[42]
        # An empty personal number may carry "<" instead of its digit 0 (Part 4 note).
        checks["optional"] = personal == "<" * 14 if digit == "<" else _digit_ok(values[28:42], digit)
        checks["composite"] = _digit_ok(values[0:10] + values[13:20] + values[21:43], line2[43])
    elif fmt is MrzFormat.TD2:
        checks["composite"] = _digit_ok(values[0:10] + values[13:20] + values[21:35], line2[35])
    return ParsedMrz(
        format=fmt,
        document_code=line1[0:2],
        issuing_state=issuing_state,
        document_number=number,
        long_document_number=long_number,
        nationality=nationality,
        primary=primary,
        secondary=secondary,
        name_possibly_truncated=truncated,
        birth_date_raw=birth,
        sex=sex,
        expiry_date_raw=expiry,
        optional_data=optional,
        optional_data_2="",
        check_digits=checks,
    )


# --- comparison with a manifest row -------------------------------------------------


@dataclass(frozen=True)
class MrzRowView:
    """The row values an MRZ is compared with; None (or "") means "not comparable, skip".

    Exception: ``given_names`` "" is a real value (a person with no given name, as the
    manifest allows) and is compared; pass None to skip it.
    """

    surname: str | None = None
    second_surname: str | None = None
    given_names: str | None = None
    sex: str | None = None
    date_of_birth: PartialDate | None = None
    nationality: str | None = None
    document_number: str | None = None
    document_issuer: str | None = None
    document_expiry: date | None = None


@dataclass(frozen=True)
class MrzMismatch:
    """The MRZ disagrees with a row column (finding ``MRZ_MISMATCH``; ``field`` is the column)."""

    field: str
    mrz_value: str
    row_value: str


def mrz_birth_date_matches(raw: str, row: PartialDate) -> bool:
    """Whether MRZ ``YYMMDD`` (``<<`` = unknown, no century) can be the row's date of birth.

    An MRZ ``<<`` pair matches anything; a part the row leaves unknown (``00``) matches
    only ``<<``. The century is not coded, so only the last two digits of the year count.
    """
    yy, month, day = raw[0:2], raw[2:4], raw[4:6]
    return (
        (yy == "<<" or int(yy) == row.year % 100)
        and (month == "<<" or int(month) == row.month)
        and (day == "<<" or int(day) == row.day)
    )


def normalise_document_number(text: str) -> str:
    """A document number as the MRZ writes it: upper case, other characters ``<``, no tail."""
    upper = text.strip().upper()
    if not (upper.isascii() and upper.isalnum()):
        upper = "".join(c if c in _ALPHABET else "<" for c in upper)
    return upper.rstrip("<")


def _canonical_code(code: str) -> str:
    code = code.strip().upper().rstrip("<")
    return "D" if code == "DEU" else code  # ICAO keeps D for Germany where ISO has DEU


def _same_code(mrz_code: str, row_code: str) -> bool:
    return mrz_code == row_code or _canonical_code(mrz_code) == _canonical_code(row_code)


def compare_with_row(mrz: ParsedMrz, row: MrzRowView, reference_date: date) -> list[MrzMismatch]:
    """Every row column the zone disagrees with, in the order of spec/findings.md.

    Names are compared after ICAO transliteration (every allowed form) and truncation;
    a visa is compared for names, date of birth, nationality and sex only.
    ``reference_date`` (the arrival date) fixes the century of the expiry date.
    """
    mismatches: list[MrzMismatch] = []
    truncated = mrz.name_possibly_truncated
    visa = mrz.is_visa
    if row.surname:
        # Both family names sit in one primary identifier: GARCIA<LOPEZ.
        surnames = f"{row.surname} {row.second_surname}" if row.second_surname else row.surname
        if not mrz_name_matches(mrz.primary, surnames, truncated):
            mismatches.append(MrzMismatch("surname", mrz.primary, surnames))
    given = row.given_names
    if given is not None and not mrz_name_matches(mrz.secondary, given, truncated):
        mismatches.append(MrzMismatch("given_names", mrz.secondary, given))
    number = row.document_number
    if number and not visa and normalise_document_number(number) != mrz.document_number:
        mismatches.append(MrzMismatch("document_number", mrz.document_number, number))
    born = row.date_of_birth
    if born is not None and not mrz_birth_date_matches(mrz.birth_date_raw, born):
        mismatches.append(MrzMismatch("date_of_birth", mrz.birth_date_raw, born.iso()))
    expiry = row.document_expiry
    if expiry is not None and not visa and mrz.expiry_date(reference_date) != expiry:
        mismatches.append(MrzMismatch("document_expiry", mrz.expiry_date_raw, expiry.isoformat()))
    if row.nationality and not _same_code(mrz.nationality, row.nationality):
        mismatches.append(MrzMismatch("nationality", mrz.nationality, row.nationality))
    if row.sex and row.sex.strip().upper() != ("X" if mrz.sex in ("<", "X") else mrz.sex):
        mismatches.append(MrzMismatch("sex", mrz.sex, row.sex))
    issuer = row.document_issuer
    if issuer and not visa and not _same_code(mrz.issuing_state, issuer):
        mismatches.append(MrzMismatch("document_issuer", mrz.issuing_state, issuer))
    return mismatches
