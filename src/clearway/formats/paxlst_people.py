"""The people of a PAXLST message: one manifest row per NAD+FL/NAD+DDU (spec/manifest-paxlst.md)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from clearway.domain.errors import UnusableInput
from clearway.domain.people import MANIFEST_COLUMNS, ManifestRow
from clearway.formats.edifact import Segment

PASSENGER_QUALIFIERS = ("FL", "DDU")
CREW_QUALIFIERS = ("FM", "DDT")
_MAX_SEQ = 9999

#: DOC type codes (WCO guide list) and the manifest's document_type they become.
_TRAVEL_DOCUMENTS = {"P": "P", "I": "I", "A": "I", "C": "I", "IP": "I", "F": "C"}
_VISA = "V"


@dataclass
class Document:
    type: str
    number: str
    expiry: str = ""
    expiry_format: str = ""
    issuer: str = ""


@dataclass
class Person:
    nad: Segment
    sex: str = ""
    birth: str = ""
    birth_format: str = ""
    nationality: str = ""
    abo: str = ""
    case_ref: str = ""
    documents: list[Document] = field(default_factory=list)

    def row(self, position: int, reference_day: date) -> ManifestRow:
        name = self.nad.element(4)
        surname = name[0] if name else ""
        given = " ".join(part for part in name[1:] if part.strip())
        seq_text = self.abo.strip()
        seq = seq_text if seq_text.isascii() and seq_text.isdigit() and 1 <= int(seq_text) <= _MAX_SEQ else ""
        document = next((doc for doc in self.documents if doc.type.upper() != _VISA), None)
        values = dict.fromkeys(MANIFEST_COLUMNS, "")
        values.update(
            seq=seq or str(position),
            surname=surname,
            given_names=given,
            sex=_sex(self.sex),
            date_of_birth=read_birth_date(self.birth, self.birth_format, reference_day),
            nationality=self.nationality,
            case_ref=self.case_ref,
        )
        if document is None:
            values["document_type"] = "N"
        else:
            values.update(
                document_type=_TRAVEL_DOCUMENTS.get(document.type.upper(), document.type),
                document_number=document.number,
                document_expiry=read_expiry_date(document.expiry, document.expiry_format, reference_day),
                document_issuer=document.issuer,
            )
        return ManifestRow(line=self.nad.position, values=values)


def read_people(segments: Sequence[Segment], source: str) -> list[Person]:
    """Every person of one message in order; a crew member or an unplaceable party is refused."""
    people: list[Person] = []
    person: Person | None = None
    document: Document | None = None
    for segment in segments:
        tag = segment.tag
        if tag == "NAD":
            qualifier = segment.value(1).strip().upper()
            if qualifier in CREW_QUALIFIERS:
                raise UnusableInput(
                    "paxlst.crew_member", path=source, tag="NAD", position=segment.position, qualifier=qualifier
                )
            if qualifier in PASSENGER_QUALIFIERS:
                person, document = Person(nad=segment), None
                people.append(person)
            elif person is not None:
                raise UnusableInput(
                    "paxlst.unknown_party", path=source, tag="NAD", position=segment.position, qualifier=qualifier
                )
            continue
        if tag in ("CNT", "UNT"):
            person = document = None
            continue
        if person is None:
            continue
        qualifier = segment.value(1, 1).strip()
        if tag == "ATT" and qualifier == "2":
            person.sex = segment.value(3, 1)
        elif tag == "DTM" and qualifier == "329":
            person.birth, person.birth_format = segment.value(1, 2), segment.value(1, 3)
        elif tag == "NAT" and qualifier == "2":
            person.nationality = segment.value(2)
        elif tag == "RFF" and qualifier == "ABO":
            person.abo = segment.value(1, 2)
        elif tag == "RFF" and qualifier == "AEA":
            person.case_ref = segment.value(1, 2)
        elif tag == "DOC":
            document = Document(type=segment.value(1, 1).strip(), number=segment.value(2, 1).strip())
            person.documents.append(document)
        elif tag == "DTM" and qualifier == "36" and document is not None:
            document.expiry, document.expiry_format = segment.value(1, 2), segment.value(1, 3)
        elif tag == "LOC" and qualifier == "91" and document is not None:
            document.issuer = segment.value(2).strip() or segment.value(2, 4).strip()
    return people


def _sex(code: str) -> str:
    value = code.strip()
    if value.upper() in ("M", "F"):
        return value.upper()
    if value.upper() in ("X", "U"):
        return "X"
    return value  # kept as written: the pre-check reports FIELD_FORMAT_INVALID


def read_birth_date(text: str, format_code: str, reference_day: date) -> str:
    """``YYMMDD`` (the century as standards/mrz.md §5 says) or ``CCYYMMDD:102`` as YYYY-MM-DD.

    An unknown day or month (``00``) is kept as ``00``; text that is no such date is kept as
    written, so the pre-check reports it as it would a CSV cell.
    """
    digits = text.strip()
    if not digits.isdigit():
        return text
    if format_code == "102" or len(digits) == 8:
        if len(digits) != 8:
            return text
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
    if len(digits) != 6:
        return text
    year = 2000 + int(digits[:2])
    born = f"{year:04d}{digits[2:]}"
    if _later_than(born, reference_day):
        year -= 100
    return f"{year:04d}-{digits[2:4]}-{digits[4:]}"


def _later_than(yyyymmdd: str, day: date) -> bool:
    year, month, dom = int(yyyymmdd[:4]), int(yyyymmdd[4:6]), int(yyyymmdd[6:])
    return (year, month, dom) > (day.year, day.month, day.day)


def read_expiry_date(text: str, format_code: str, reference_day: date) -> str:
    """``YYMMDD`` as ``20YY`` unless that is more than 50 years from the arrival date."""
    digits = text.strip()
    if not digits.isdigit():
        return text
    if format_code == "102" or len(digits) == 8:
        return f"{digits[:4]}-{digits[4:6]}-{digits[6:]}" if len(digits) == 8 else text
    if len(digits) != 6:
        return text
    year = 2000 + int(digits[:2])
    if year - reference_day.year > 50:
        year -= 100
    return f"{year:04d}-{digits[2:4]}-{digits[4:]}"
