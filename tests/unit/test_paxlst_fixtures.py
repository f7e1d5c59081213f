"""The public PAXLST samples in ../shared/fixtures/external/paxlst/, read as the spec says and
checked against the facts of paxlst-expected.json (computed there by an independent tokenizer)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from clearway.domain.errors import UnusableInput
from clearway.formats.edifact import Segment, read_interchange
from clearway.formats.manifest import read_manifest
from tests.conftest import SHARED

FOLDER = SHARED / "fixtures" / "external" / "paxlst"
EXPECTED = FOLDER / "paxlst-expected.json"


def _facts() -> dict[str, Any]:
    if not EXPECTED.is_file():
        return {}
    facts: dict[str, Any] = json.loads(EXPECTED.read_text(encoding="utf-8"))["files"]
    return facts


FACTS = _facts()
NAMES = sorted(FACTS) or ["(no fixtures)"]

#: What spec/manifest-paxlst.md makes of each sample: read (with the disagreements it holds),
#: or unusable as a whole (and why). The facts themselves come from the JSON file.
VERDICTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "paxlst-gtas-apisMessage.edi": ("read", ()),
    "paxlst-gtas-multiple-flight-leg.edi": ("read", ()),
    "paxlst-gtas-airline2.edi": ("paxlst.lone_part", ()),  # 10:F, its other parts absent
    "paxlst-gtas-test1-crew.edi": ("paxlst.crew_list", ()),
    "paxlst-gtas-test3-large.edi": ("paxlst.lone_part", ()),  # 01:C, its other parts absent
    "paxlst-jetway-wco-guide-5.1-single-sector.edi": ("read", ("cnt_total",)),  # CNT+42:160, one listed
    "paxlst-jetway-wco-guide-5.2-crew.edi": ("paxlst.crew_list", ()),
    "paxlst-jetway-wco-guide-5.3-progressive.edi": ("read", ()),
}


@pytest.fixture(params=NAMES)
def sample(request: pytest.FixtureRequest) -> tuple[Path, dict[str, Any]]:
    if not FACTS:
        pytest.skip(f"the PAXLST fixtures are not beside this checkout ({EXPECTED} is absent)")
    name = request.param
    path = FOLDER / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    return path, FACTS[name]


def _messages(segments: tuple[Segment, ...]) -> list[list[Segment]]:
    messages: list[list[Segment]] = []
    for segment in segments:
        if segment.tag == "UNH":
            messages.append([])
        if messages and (not messages[-1] or messages[-1][-1].tag != "UNT"):
            messages[-1].append(segment)
    return messages


def _joined(segment: Segment, index: int) -> str:
    return ":".join(segment.element(index))


def test_the_syntax_layer_finds_the_facts(sample: tuple[Path, dict[str, Any]]) -> None:
    path, facts = sample
    data = path.read_bytes()
    assert len(data) == facts["bytes"]
    interchange = read_interchange(data.decode("latin-1"))
    characters = interchange.characters
    assert {
        "component": characters.component,
        "element": characters.element,
        "decimal": characters.decimal,
        "release": characters.release,
        "repetition_or_reserved": characters.repetition,
        "segment_terminator": characters.terminator,
    } == facts["service_characters"]
    assert interchange.has_una == facts["has_una"]
    assert len(interchange.segments) == facts["segment_count_total"]
    assert (interchange.trailing.strip() or None) == facts["trailing_data_after_last_terminator"]
    segments = interchange.segments
    assert [segment.value(1) for segment in segments if segment.tag == "BGM"] == facts["bgm"][:1]
    for message, expected in zip(_messages(segments), facts["messages"], strict=True):
        unh, unt = message[0], message[-1]
        assert unh.value(1) == expected["unh_reference"]
        assert _joined(unh, 2) == expected["message_identifier"]
        assert (unh.value(3) or None) == expected["common_access_reference"]
        assert (_joined(unh, 4) or None) == expected["status_of_transfer"]
        assert len(message) == expected["segments_unh_to_unt_actual"]
        assert unt.value(1) == expected["unt_declared_count"]
        assert unt.value(2) == expected["unt_reference"]
    persons = [segment for segment in segments if segment.tag == "NAD" and segment.value(1) != "MS"]
    assert len(persons) == facts["person_nad_count"]
    assert sorted({segment.value(1) for segment in persons}) == facts["person_qualifiers"]
    assert ":".join(persons[0].element(4)) == facts["first_person_name"]
    assert [segment.value(2) for segment in segments if segment.tag == "TDT"] == facts["tdt_legs"]


def test_read_as_the_spec_says(sample: tuple[Path, dict[str, Any]]) -> None:
    path, facts = sample
    verdict, disagreements = VERDICTS[path.name]
    if verdict != "read":
        with pytest.raises(UnusableInput) as caught:
            read_manifest(path)
        assert caught.value.key == verdict
        assert caught.value.params["position"] >= 1 and caught.value.params["tag"]
        return
    manifest = read_manifest(path)
    assert manifest.message is not None
    # Every person of the message is a row: none lost, none invented.
    assert len(manifest.rows) == facts["person_nad_count"] == manifest.message.people
    surname, *given = facts["first_person_name"].split(":")
    assert manifest.rows[0].get("surname") == surname
    assert manifest.rows[0].get("given_names") == " ".join(part for part in given if part)
    assert [leg.journey for leg in manifest.message.legs] == facts["tdt_legs"]
    assert tuple(item.kind for item in manifest.message.disagreements) == disagreements
