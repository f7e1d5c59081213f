"""A PAXLST (UN/EDIFACT) message read as a manifest (spec/manifest-paxlst.md).

Tolerant of what gateways do to a message (transport lines, footers, folded lines: see
``clearway.formats.edifact``) and strict about people: every ``NAD+FL``/``NAD+DDU`` is a
row, in message order, and a count or reference that disagrees with the message is kept
as a ``Disagreement`` for ``MESSAGE_INCONSISTENT``. What makes the message unusable as a
whole raises ``UnusableInput`` naming the segment by its tag and position.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.domain.manifest_message import Disagreement, MessageFacts, ReportedLeg, ReportedPlace
from clearway.domain.people import MANIFEST_COLUMNS, Manifest
from clearway.formats.edifact import EdifactError, Interchange, Segment, find_start, read_interchange
from clearway.formats.paxlst_people import CREW_QUALIFIERS, PASSENGER_QUALIFIERS, Person, read_people
from clearway.settings import DEFAULT_LIMITS, InputLimits

PASSENGER_LIST = "745"
CREW_LIST = "250"

# UNB syntax identifiers and how their bytes are read. UNOA/UNOB are ASCII; a byte of 0x80
# and above in them is read as Latin-1 and kept (the spec's rule for gateway residue).
_ENCODINGS = {
    "UNOA": "latin-1", "UNOB": "latin-1", "UNOC": "latin-1", "UNOD": "iso8859-2",
    "UNOE": "iso8859-5", "UNOF": "iso8859-7", "UNOG": "iso8859-3", "UNOH": "iso8859-4",
    "UNOI": "iso8859-6", "UNOJ": "iso8859-8", "UNOK": "iso8859-9", "UNOW": "utf-8", "UNOY": "utf-8",
}  # fmt: skip


def looks_like_paxlst(data: bytes) -> bool:
    """Whether the bytes hold an EDIFACT interchange (possibly after transport lines)."""
    head = data[:4096].decode("latin-1")
    start = find_start(head)
    if start is None:
        return False
    # The interchange begins a line: after transport lines, never in the middle of a CSV cell.
    before = head[: start[0]].rstrip(" \t\x00\x01\x02\x03\x1e\x1f")
    return not before or before.endswith(("\n", "\r"))


def read_paxlst(data: bytes, path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Manifest:
    """The manifest in a PAXLST interchange; ``UnusableInput`` when it is unusable as a whole.

    The caller has kept the file to ``limits.manifest_bytes``; the person count is kept to
    ``limits.manifest_rows`` as a CSV's rows are.
    """
    source = str(path)
    interchange = _interchange(data, source)
    messages = _messages(interchange, source)
    parts = _ordered_parts(messages, source)
    disagreements: list[Disagreement] = list(_envelope_disagreements(interchange, messages))
    people: list[Person] = []
    for message in parts:
        people.extend(read_people(message.segments, source))
    if not people:
        raise UnusableInput("paxlst.no_passenger", path=source)
    if len(people) > limits.manifest_rows:
        raise UnusableInput("manifest.too_many_rows", path=source, limit=limits.manifest_rows)
    for message in parts:
        disagreements.extend(_count_disagreements(message, len(people)))
    first = parts[0]
    legs = _legs(first.segments)
    reference_day = _reference_day(legs)
    rows = tuple(person.row(index, reference_day) for index, person in enumerate(people, start=1))
    return Manifest(
        source=source,
        header=MANIFEST_COLUMNS,
        columns=frozenset(MANIFEST_COLUMNS),
        unknown_columns=(),
        rows=rows,
        message=MessageFacts(
            syntax="PAXLST",
            legs=legs,
            disagreements=tuple(disagreements),
            parts=len(parts),
            people=len(people),
        ),
    )


# --- the envelope ------------------------------------------------------------------------


def _interchange(data: bytes, source: str) -> Interchange:
    data = data.removeprefix(b"\xef\xbb\xbf")
    text = data.decode("latin-1")  # every byte is a character: structure first, charset next
    try:
        interchange = read_interchange(text)
    except EdifactError as error:
        raise _unusable(error, source) from None
    if not interchange.segments or interchange.segments[0].tag != "UNB":
        first = interchange.segments[0] if interchange.segments else None
        raise UnusableInput(
            "paxlst.no_unb", path=source, tag=first.tag if first else "", position=first.position if first else 1
        )
    syntax = interchange.segments[0].value(1).strip().upper()
    encoding = _ENCODINGS.get(syntax, "latin-1")
    if encoding != "latin-1":
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            before = data[: error.start].decode("latin-1")
            # Segments end before the bad byte: it sits in the next one (UNB is 1).
            position = before.count(interchange.characters.terminator) - (1 if interchange.has_una else 0) + 1
            raise UnusableInput(
                "paxlst.bad_bytes", path=source, syntax=syntax, position=max(position, 1), offset=error.start
            ) from None
        try:
            interchange = read_interchange(text)
        except EdifactError as error:
            raise _unusable(error, source) from None
    if interchange.segments[-1].tag != "UNZ":
        last = interchange.segments[-1]
        raise UnusableInput("paxlst.no_unz", path=source, tag=last.tag, position=last.position)
    if find_start(interchange.trailing) is not None:
        raise UnusableInput(
            "paxlst.second_interchange", path=source, tag="UNB", position=interchange.segments[-1].position + 1
        )
    return interchange


def _unusable(error: EdifactError, source: str) -> UnusableInput:
    if error.problem == "not_edifact":
        return UnusableInput("paxlst.not_edifact", path=source)
    return UnusableInput("paxlst.truncated", path=source, tag=error.tag or "?", position=error.position or 1)


@dataclass
class _Message:
    """One UNH..UNT message, its group, and what its header declares."""

    unh: Segment
    segments: list[Segment] = field(default_factory=list)  # UNH..UNT inclusive
    unt: Segment | None = None

    @property
    def reference(self) -> str:
        return self.unh.value(1)

    @property
    def common_access_reference(self) -> str:
        return self.unh.value(3)

    @property
    def part(self) -> tuple[int | None, str]:
        number, flag = self.unh.value(4, 1).strip(), self.unh.value(4, 2).strip().upper()
        return (int(number) if number.isdigit() else None), flag


def _messages(interchange: Interchange, source: str) -> list[_Message]:
    messages: list[_Message] = []
    current: _Message | None = None
    for segment in interchange.segments[1:-1]:
        if segment.tag == "UNH":
            if current is not None:  # a UNH before the previous message's UNT
                messages.append(current)
            current = _Message(unh=segment, segments=[segment])
            if not segment.value(2, 1).strip().upper() == "PAXLST":
                raise UnusableInput(
                    "paxlst.not_paxlst",
                    path=source,
                    tag="UNH",
                    position=segment.position,
                    kind=segment.value(2, 1),
                )
        elif current is not None:
            current.segments.append(segment)
            if segment.tag == "UNT":
                current.unt = segment
                messages.append(current)
                current = None
    if current is not None:
        messages.append(current)
    if not messages:
        raise UnusableInput("paxlst.no_message", path=source)
    for message in messages:
        bgm = next((segment for segment in message.segments if segment.tag == "BGM"), None)
        code = bgm.value(1).strip() if bgm is not None else ""
        if code == CREW_LIST:
            assert bgm is not None
            raise UnusableInput("paxlst.crew_list", path=source, tag="BGM", position=bgm.position)
        if code != PASSENGER_LIST:
            where = bgm or message.unh
            raise UnusableInput(
                "paxlst.not_passenger_list", path=source, tag=where.tag, position=where.position, code=code
            )
    return messages


def _ordered_parts(messages: list[_Message], source: str) -> list[_Message]:
    """The messages as the parts of one report, in sequence order; a lone part is refused."""
    numbered = [(message.part, message) for message in messages]
    if all(number is None for (number, _), _ in numbered):
        return messages
    ordered = sorted(messages, key=lambda message: message.part[0] or 0)
    numbers = [message.part[0] for message in ordered]
    first_flag, last_flag = ordered[0].part[1], ordered[-1].part[1]
    contiguous = numbers == list(range(1, len(ordered) + 1))
    if len(ordered) == 1:
        complete = contiguous and first_flag != "C"  # "01:F", or "01" alone: a report in one part
    else:
        complete = contiguous and first_flag == "C" and last_flag == "F"
    if not complete:
        where = ordered[0].unh
        raise UnusableInput(
            "paxlst.lone_part",
            path=source,
            tag="UNH",
            position=where.position,
            parts=", ".join(f"{number if number is not None else '?'}" for number in numbers),
            count=len(numbers),
        )
    return ordered


def _envelope_disagreements(interchange: Interchange, messages: list[_Message]) -> list[Disagreement]:
    found: list[Disagreement] = []
    unb, unz = interchange.segments[0], interchange.segments[-1]
    groups = [segment for segment in interchange.segments if segment.tag == "UNG"]
    for message in messages:
        actual = len(message.segments)
        if message.unt is None:
            found.append(Disagreement("missing_unt", "UNH", message.unh.position, message.reference, ""))
            continue
        declared = message.unt.value(1).strip()
        if not declared.isdigit() or int(declared) != actual:
            found.append(Disagreement("unt_count", "UNT", message.unt.position, declared, str(actual)))
        if message.unt.value(2) != message.reference:
            found.append(
                Disagreement("unt_reference", "UNT", message.unt.position, message.unt.value(2), message.reference)
            )
    found.extend(_group_disagreements(interchange))
    counted = len(groups) if groups else len(messages)
    declared_count = unz.value(1).strip()
    if not declared_count.isdigit() or int(declared_count) != counted:
        found.append(Disagreement("unz_count", "UNZ", unz.position, declared_count, str(counted)))
    if unz.value(2) != unb.value(5):
        found.append(Disagreement("unz_reference", "UNZ", unz.position, unz.value(2), unb.value(5)))
    references = {message.common_access_reference for message in messages}
    if len(references) > 1:
        found.append(
            Disagreement("common_access_reference", "UNH", messages[1].unh.position, ", ".join(sorted(references)), "")
        )
    return found


def _group_disagreements(interchange: Interchange) -> list[Disagreement]:
    found: list[Disagreement] = []
    group: Segment | None = None
    count = 0
    for segment in interchange.segments:
        if segment.tag == "UNG":
            group, count = segment, 0
        elif segment.tag == "UNH" and group is not None:
            count += 1
        elif segment.tag == "UNE":
            declared = segment.value(1).strip()
            if not declared.isdigit() or int(declared) != count:
                found.append(Disagreement("une_count", "UNE", segment.position, declared, str(count)))
            expected = group.value(5) if group is not None else ""
            if segment.value(2) != expected:
                found.append(Disagreement("une_reference", "UNE", segment.position, segment.value(2), expected))
            group = None
    return found


def _count_disagreements(message: _Message, people: int) -> list[Disagreement]:
    found: list[Disagreement] = []
    for segment in message.segments:
        if segment.tag != "CNT":
            continue
        qualifier, total = segment.value(1, 1).strip(), segment.value(1, 2).strip()
        if not total:
            found.append(Disagreement("cnt_malformed", "CNT", segment.position, _as_written(segment), ""))
        elif qualifier != "42":
            found.append(Disagreement("cnt_qualifier", "CNT", segment.position, qualifier, "42"))
        elif not total.isdigit() or int(total) != people:
            found.append(Disagreement("cnt_total", "CNT", segment.position, total, str(people)))
    return found


def _as_written(segment: Segment) -> str:
    return "+".join([segment.tag, *(":".join(element) for element in segment.elements)])


# --- the flight --------------------------------------------------------------------------


def _legs(segments: Sequence[Segment]) -> tuple[ReportedLeg, ...]:
    """The TDT legs of a message's header (before the first person)."""
    legs: list[ReportedLeg] = []
    journey: Segment | None = None
    places: list[tuple[Segment, Segment | None]] = []

    def close() -> None:
        if journey is not None:
            legs.append(_leg(journey, places))

    for index, segment in enumerate(segments):
        if segment.tag == "NAD" and segment.value(1).strip().upper() in (*PASSENGER_QUALIFIERS, *CREW_QUALIFIERS):
            break
        if segment.tag == "TDT":
            close()
            journey, places = segment, []
        elif segment.tag == "LOC" and journey is not None:
            following = segments[index + 1] if index + 1 < len(segments) else None
            places.append((segment, following if following is not None and following.tag == "DTM" else None))
    close()
    return tuple(legs)


def _leg(tdt: Segment, places: list[tuple[Segment, Segment | None]]) -> ReportedLeg:
    departure: ReportedPlace | None = None
    arrival: ReportedPlace | None = None
    routing: list[ReportedPlace] = []
    for loc, dtm in places:
        qualifier = loc.value(1).strip()
        time_qualifier = dtm.value(1, 1).strip() if dtm is not None else ""
        text = dtm.value(1, 2) if dtm is not None else ""
        place = ReportedPlace(
            airport=loc.value(2).strip(),
            time_text=text,
            local_time=_leg_time(text, dtm.value(1, 3).strip() if dtm is not None else ""),
            position=loc.position,
        )
        if qualifier == "125" or time_qualifier == "189":
            departure = departure or place
        elif qualifier in ("87", "130") or time_qualifier == "232":
            arrival = arrival or place
        elif qualifier == "92":
            routing.append(place)
    for place in routing:  # LOC+92 without a time: first the departure, then the arrival
        if departure is None:
            departure = place
        elif arrival is None:
            arrival = place
    return ReportedLeg(journey=tdt.value(2).strip(), position=tdt.position, departure=departure, arrival=arrival)


def _leg_time(text: str, format_code: str) -> datetime | None:
    digits = text.replace(" ", "")
    if not digits.isdigit():
        return None
    try:
        if format_code == "203" or len(digits) == 12:
            return datetime.strptime(digits, "%Y%m%d%H%M")
        if len(digits) == 10:
            return datetime.strptime(digits, "%y%m%d%H%M")
    except ValueError:
        return None
    return None


def _reference_day(legs: tuple[ReportedLeg, ...]) -> date:
    """The message's arrival date: it fixes the century of two-digit years."""
    for leg in legs:
        for place in (leg.arrival, leg.departure):
            if place is not None and place.local_time is not None:
                return place.local_time.date()
    return date.today()
