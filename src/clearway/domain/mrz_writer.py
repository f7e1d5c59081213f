"""Writing a machine-readable zone from field values (test factories, later PAXLST/export).

The zone follows shared/standards/mrz.md: fields padded with ``<``, check digits computed,
long TD1/TD2 document numbers continued in the optional data, and the name transliterated
(recommended forms) and truncated to the field as Doc 9303 Parts 4-7 describe.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from clearway.domain.dates import PartialDate
from clearway.domain.mrz import MrzFormat, check_digit, normalise_document_number, parse_mrz
from clearway.domain.mrz_names import mrz_name

_NAME_WIDTH = {
    MrzFormat.TD1: 30,
    MrzFormat.TD2: 31,
    MrzFormat.TD3: 39,
    MrzFormat.MRVA: 39,
    MrzFormat.MRVB: 31,
}
_OPTIONAL_WIDTH = {MrzFormat.TD2: 7, MrzFormat.TD3: 14, MrzFormat.MRVA: 16, MrzFormat.MRVB: 8}
_STATE = re.compile(r"[A-Z]{1,3}")
_DOCUMENT_CODE = re.compile(r"[A-Z][A-Z<]?")
_MRZ_TEXT = re.compile(r"[A-Z0-9<]*")
_YYMMDD = re.compile(r"([0-9][0-9]|<<){3}")


@dataclass(frozen=True)
class MrzFields:
    """What goes into a zone. Names as people write them; they are transliterated here.

    ``surname`` holds every family name (``García López``). Dates are ``YYMMDD`` strings
    (``<<`` for an unknown birth-date part), dates, or for the birth date a PartialDate.
    Sex ``X`` is written ``<``, as Doc 9303 asks.
    """

    document_code: str
    issuing_state: str
    surname: str
    given_names: str
    document_number: str
    nationality: str
    birth_date: str | date | PartialDate
    sex: str
    expiry_date: str | date
    optional_data: str = ""
    optional_data_2: str = ""  # TD1 only


def build_mrz(fmt: MrzFormat, fields: MrzFields, separator: str = "\n") -> str:
    """A valid zone of ``fmt`` for ``fields``, lines joined by ``separator``.

    Raises ValueError for a value the zone cannot hold (too long, bad code, no such date).
    """
    lines = _lines(fmt, fields)
    parse_mrz("\n".join(lines))  # refuses what the reader would refuse (31 April, say)
    return separator.join(lines)


def _lines(fmt: MrzFormat, fields: MrzFields) -> tuple[str, ...]:
    visa = fmt in (MrzFormat.MRVA, MrzFormat.MRVB)
    code = fields.document_code.upper()
    if not _DOCUMENT_CODE.fullmatch(code) or (code[0] == "V") != visa:
        raise ValueError(f"document code {fields.document_code!r} does not suit {fmt}")
    code = code.ljust(2, "<")
    state = _state(fields.issuing_state)
    nationality = _state(fields.nationality)
    birth = _birth_date(fields.birth_date)
    expiry = _yymmdd(fields.expiry_date)
    sex = {"M": "M", "F": "F", "X": "<", "<": "<"}.get(fields.sex.upper())
    if sex is None:
        raise ValueError(f"sex {fields.sex!r}")
    number = normalise_document_number(fields.document_number)
    if not number:
        raise ValueError("empty document number")
    if visa:
        number = number[:9]  # Part 7: a visa shows only the first 9 characters
    name = name_field(mrz_name(fields.surname), mrz_name(fields.given_names), _NAME_WIDTH[fmt])
    born = f"{birth}{check_digit(birth)}"
    expires = f"{expiry}{check_digit(expiry)}"
    if fmt is MrzFormat.TD1:
        number_part = _number_with_extension(number, _text(fields.optional_data), 15)
        line1 = f"{code}{state}{number_part}"
        line2 = f"{born}{sex}{expires}{nationality}{_pad(fields.optional_data_2, 11)}"
        line2 += str(check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]))
        return (line1, line2, name)
    if fields.optional_data_2:
        raise ValueError(f"{fmt} has no second optional data field")
    line1 = f"{code}{state}{name}"
    if fmt is MrzFormat.TD2:
        number_part = _number_with_extension(number, _text(fields.optional_data), 7)
        line2 = f"{number_part[:10]}{nationality}{born}{sex}{expires}{number_part[10:]}"
        line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:35]))
        return (line1, line2)
    if len(number) > 9:
        raise ValueError(f"{fmt} holds document numbers of at most 9 characters")
    number_part = f"{_pad(number, 9)}{check_digit(_pad(number, 9))}"
    line2 = f"{number_part}{nationality}{born}{sex}{expires}"
    optional = _pad(fields.optional_data, _OPTIONAL_WIDTH[fmt])
    if fmt is MrzFormat.TD3:
        line2 += f"{optional}{check_digit(optional)}"  # 0 for an empty personal number
        line2 += str(check_digit(line2[0:10] + line2[13:20] + line2[21:43]))
    else:
        line2 += optional
    return (line1, line2)


def name_field(primary: str, secondary: str, width: int) -> str:
    """The name field (MRZ-form identifiers, ``<`` between components) padded or truncated.

    Truncation (Doc 9303 Parts 4-7): the primary identifier's components are shortened
    first until ``<<`` and a letter of the secondary fit, then the field is cut so that
    its last position is a letter, the sign that the name may be truncated.
    """
    primaries = [part for part in primary.split("<") if part]
    secondaries = [part for part in secondary.split("<") if part]

    def joined() -> str:
        text = "<".join(primaries)
        return f"{text}<<{'<'.join(secondaries)}" if secondaries else text

    while len(joined()) > width and secondaries and len("<".join(primaries)) > width - 3:
        if not _shorten(primaries):
            raise ValueError(f"name cannot be truncated to {width} positions")
    while len(joined()) > width and joined()[width - 1] == "<":
        # Shortening a primary component moves the cut by one position.
        if not (_shorten(primaries) or _shorten(secondaries)):
            raise ValueError(f"name cannot be truncated to {width} positions")
    return joined()[:width].ljust(width, "<")


def _shorten(components: list[str]) -> bool:
    """Drop the last letter of the longest component (the issuer's choice; this is ours)."""
    longest = max(range(len(components)), key=lambda i: len(components[i]), default=None)
    if longest is None or len(components[longest]) < 2:
        return False
    components[longest] = components[longest][:-1]
    return True


def _number_with_extension(number: str, optional: str, area_width: int) -> str:
    """Number, check digit and optional-data area; long numbers continue in the area."""
    if len(number) <= 9:
        head = _pad(number, 9)
        return f"{head}{check_digit(head)}{_pad(optional, area_width)}"
    # The check digit covers the whole number, not the "<" left in its usual place.
    area = f"{number[9:]}{check_digit(number)}"
    if optional:
        area += f"<{optional}"
    if len(area) > area_width:
        raise ValueError(f"document number {number!r} and optional data do not fit")
    return f"{number[:9]}<{_pad(area, area_width)}"


def _text(value: str) -> str:
    text = value.upper()
    if not _MRZ_TEXT.fullmatch(text):
        raise ValueError(f"not MRZ text: {value!r}")
    return text.rstrip("<")


def _pad(value: str, width: int) -> str:
    text = _text(value)
    if len(text) > width:
        raise ValueError(f"{value!r} is longer than {width} positions")
    return text.ljust(width, "<")


def _state(value: str) -> str:
    code = value.strip().upper().rstrip("<")
    if not _STATE.fullmatch(code):
        raise ValueError(f"state code {value!r}")
    return code.ljust(3, "<")


def _birth_date(value: str | date | PartialDate) -> str:
    if isinstance(value, PartialDate):
        month = "<<" if value.month is None else f"{value.month:02d}"
        day = "<<" if value.day is None else f"{value.day:02d}"
        return f"{value.year % 100:02d}{month}{day}"
    return _yymmdd(value)


def _yymmdd(value: str | date) -> str:
    if isinstance(value, date):
        return value.strftime("%y%m%d")
    if not _YYMMDD.fullmatch(value):
        raise ValueError(f"date {value!r} is not YYMMDD")
    return value
