"""The EDIFACT syntax layer as properties: whatever the data holds, release characters make
it come back exactly, and on plain interchanges it reads what pydifact reads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clearway.formats.edifact import (
    ServiceCharacters,
    escape,
    read_interchange,
    split_released,
    unescape,
    write_segment,
)

DEFAULT = ServiceCharacters()
# Data may hold anything but a line break: line breaks are gateway folding and read through.
_DATA = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"), max_size=12)
_SPECIAL_HEAVY = st.text(st.sampled_from(list("?+:'* AZ09éñ")), max_size=12)
_VALUE = st.one_of(_DATA, _SPECIAL_HEAVY)
_COMPONENTS = st.lists(_VALUE, min_size=1, max_size=4)
_ELEMENTS = st.lists(_COMPONENTS, min_size=1, max_size=5)
_TAGS = st.sampled_from(["NAD", "RFF", "DOC", "FTX", "COM"])
_CHARACTER_SETS = st.sampled_from(
    [DEFAULT, ServiceCharacters(element="*", terminator="$"), ServiceCharacters(repetition="*")]
)


def _trimmed(elements: list[list[str]]) -> tuple[tuple[str, ...], ...]:
    """What the writer sends: trailing empty components and elements are left out."""
    out = []
    for components in elements:
        kept = list(components)
        while kept and kept[-1] == "":
            kept.pop()
        out.append(tuple(kept) or ("",))
    while out and out[-1] == ("",):
        out.pop()
    return tuple(out)


@settings(max_examples=300)
@given(_VALUE, _CHARACTER_SETS)
def test_escape_then_unescape_is_the_identity(value: str, characters: ServiceCharacters) -> None:
    escaped = escape(value, characters)
    assert unescape(escaped, characters.release) == value
    # No service character is left unreleased in the escaped text.
    for separator in (characters.element, characters.component, characters.terminator):
        assert [unescape(part, characters.release) for part in split_released(escaped, separator, "?")] == [value]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_TAGS, _ELEMENTS), min_size=1, max_size=6), _CHARACTER_SETS)
def test_written_segments_read_back(segments: list[tuple[str, list[list[str]]]], characters: ServiceCharacters) -> None:
    unb = write_segment("UNB", [["UNOY", "4"], "A", "B", ["250101", "1200"], "1"], characters)
    body = [write_segment(tag, elements, characters) for tag, elements in segments]
    unz = write_segment("UNZ", ["0", "1"], characters)
    text = "\n".join([characters.una, unb, *body, unz])
    interchange = read_interchange(text)
    read = [(segment.tag, segment.elements) for segment in interchange.segments[1:-1]]
    expected = []
    for tag, elements in segments:
        trimmed = _trimmed(elements)
        expected.append((tag, tuple(element for element in trimmed)))
    # A segment whose elements were all empty was written as the bare tag.
    assert [(tag, elements or ()) for tag, elements in read] == [(tag, elements) for tag, elements in expected]


_PLAIN = st.text(st.sampled_from(list("ABCXYZ019 .-/éñ?+:'")), min_size=1, max_size=10)


@pytest.mark.filterwarnings("ignore:segments.xml not found")  # pydifact's directory check, not used here
@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.tuples(_TAGS, st.lists(st.lists(_PLAIN, min_size=1, max_size=3), min_size=1, max_size=4)), max_size=5)
)
def test_pydifact_reads_the_same_segments(segments: list[tuple[str, list[list[str]]]]) -> None:
    from pydifact.segmentcollection import RawSegmentCollection  # type: ignore[import-untyped]

    body = [write_segment(tag, elements, DEFAULT) for tag, elements in segments]
    text = "".join([DEFAULT.una, "UNB+UNOY:4+A+B+250101:1200+1'", *body, "UNZ+0+1'"])
    ours = [(segment.tag, segment.elements) for segment in read_interchange(text).segments]
    theirs = []
    for segment in RawSegmentCollection.from_str(text).segments:
        if segment.tag == "UNA":
            continue
        elements = tuple(tuple(element) if isinstance(element, list) else (element,) for element in segment.elements)
        theirs.append((segment.tag, elements))
    assert ours == theirs
