"""The UN/EDIFACT syntax layer (ISO 9735): an interchange's segments, read and written.

Why not pydifact, the library DESIGN.md names: it was evaluated and is kept as the test
oracle and the benchmark's baseline, but it cannot read what gateways deliver, and the
workarounds would cost more than this module:

- it looks for ``UNA`` only at the very start of the text (or after a ``'``), so a
  message behind Type B address lines or e-mail headers, or with another terminator
  (``UNA:*.? $``), is read with the default service characters and fails;
- it keeps line breaks inside a segment as data (``KHO\\nURY``) and raises on a fold
  after a release character, while spec/manifest-paxlst.md says a fold is read through
  anywhere, even inside a tag;
- it reports no positions: a truncated file gives "Unexpected end of EDI messages" with
  no segment named, and the spec wants the segment's tag and its position;
- it raises on text after the last terminator (a gateway footer such as ``13Nov09``).

This reader splits on the service characters with ``str.split`` and rejoins the pieces a
release character joined, which also makes it several times faster than pydifact's
character-by-character tokenizer (docs/benchmarks.md, "PAXLST"). The writer escapes
``? + : '`` (and the repetition separator when one is declared).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

#: The default service characters (ISO 9735 syntax 4), in UNA order: component, element,
#: decimal mark, release, repetition (space: none), terminator.
DEFAULT_UNA = ":+.? '"

# A line break and the spaces that start the next line: gateway folding, read through.
_FOLD = re.compile(r"\r\n?[ \t]*|\n[ \t]*")


@dataclass(frozen=True, slots=True)
class ServiceCharacters:
    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str = "?"
    repetition: str = " "
    terminator: str = "'"

    @classmethod
    def from_una(cls, six: str) -> ServiceCharacters:
        return cls(*six)

    @property
    def una(self) -> str:
        return "UNA" + self.component + self.element + self.decimal + self.release + self.repetition + self.terminator


@dataclass(frozen=True, slots=True)
class Segment:
    """One segment: its tag, its elements (each a tuple of components, unescaped) and its
    position in the interchange, counted from 1 at ``UNB`` (``UNA`` is not a segment)."""

    tag: str
    elements: tuple[tuple[str, ...], ...]
    position: int

    def element(self, index: int) -> tuple[str, ...]:
        """Element ``index`` (1 = the first after the tag); ``()`` when absent."""
        return self.elements[index - 1] if 0 < index <= len(self.elements) else ()

    def value(self, index: int, component: int = 1) -> str:
        """One component's text ('' when absent); ``index`` and ``component`` count from 1."""
        try:
            return self.elements[index - 1][component - 1]
        except IndexError:
            return ""


class EdifactError(ValueError):
    """The text is not a readable interchange; ``problem`` names what, ``position`` where."""

    def __init__(self, problem: str, *, position: int | None = None, tag: str = "", **params: object) -> None:
        super().__init__(problem)
        self.problem = problem
        self.position = position
        self.tag = tag
        self.params = params


@dataclass(frozen=True)
class Interchange:
    """The segments from ``UNB`` to the first ``UNZ`` (or to the end), and what surrounds them."""

    characters: ServiceCharacters
    has_una: bool
    segments: tuple[Segment, ...]
    leading: str  # transport lines before UNA/UNB, as found
    trailing: str  # text after the final terminator, folds removed


_UNA_THEN_UNB = re.compile(r"UNA(.{6})[\s\x00-\x1f]*U", re.S)


def find_start(text: str) -> tuple[int, ServiceCharacters, bool] | None:
    """Where the interchange starts (its ``UNA`` or ``UNB``), its characters and whether it has UNA.

    Transport lines before it (Type B addresses, e-mail headers, control characters) are
    skipped. ``None`` when the text holds no interchange.
    """
    for match in _UNA_THEN_UNB.finditer(text):
        characters = ServiceCharacters.from_una(match.group(1))
        rest = _FOLD.sub("", text[match.end() - 1 : match.end() + 8]).lstrip()
        if rest.startswith("UNB") and rest[3:].lstrip(" ")[:1] == characters.element:
            return match.start(), characters, True
    characters = ServiceCharacters()
    unb = re.search(r"UNB[ ]*\+", text)
    if unb is None:
        return None
    return unb.start(), characters, False


def split_released(text: str, separator: str, release: str) -> list[str]:
    """``text`` split on ``separator`` where it is not preceded by an unreleased release character."""
    parts = text.split(separator)
    if release not in text:
        return parts
    joined: list[str] = []
    carry: str | None = None
    for part in parts:
        piece = part if carry is None else carry + separator + part
        # An odd number of release characters at the end releases the separator that follows.
        if (len(piece) - len(piece.rstrip(release))) % 2 == 1:
            carry = piece
        else:
            joined.append(piece)
            carry = None
    if carry is not None:
        joined.append(carry)
    return joined


def unescape(text: str, release: str) -> str:
    """Remove release characters: ``?+`` is ``+``, ``??`` is ``?``."""
    if release not in text:
        return text
    out: list[str] = []
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        if char == release and index + 1 < length:
            out.append(text[index + 1])
            index += 2
        else:
            out.append(char)
            index += 1
    return "".join(out)


def read_interchange(text: str) -> Interchange:
    """Split the interchange in ``text`` into segments, ending at the first ``UNZ``.

    Raises ``EdifactError`` when no interchange is found or it ends inside a segment.
    """
    start = find_start(text)
    if start is None:
        raise EdifactError("not_edifact")
    offset, characters, has_una = start
    leading = text[:offset]
    body = text[offset:]
    if has_una:
        body = body[body.index("UNA") + 9 :]
    body = _FOLD.sub("", body)
    release, terminator = characters.release, characters.terminator
    pieces = split_released(body, terminator, release)
    # The last piece follows the last terminator: empty, a footer, or a truncated segment.
    tail = pieces.pop() if pieces else ""
    segments: list[Segment] = []
    trailing = tail
    element_separator, component_separator = characters.element, characters.component
    released = release in body  # most messages release nothing: then plain splits are exact
    for index, raw in enumerate(pieces):
        position = index + 1
        if released:
            fields = split_released(raw.lstrip(" "), element_separator, release)
            tag = unescape(fields[0], release).strip()
            elements = tuple(
                tuple(unescape(part, release) for part in split_released(field, component_separator, release))
                for field in fields[1:]
            )
        else:
            fields = raw.lstrip(" ").split(element_separator)
            tag = fields[0].strip()
            elements = tuple(tuple(field.split(component_separator)) for field in fields[1:])
        segments.append(Segment(tag, elements, position))
        if tag == "UNZ":
            trailing = terminator.join([*pieces[index + 1 :], tail]) if index + 1 < len(pieces) else tail
            break
    else:
        if tail.strip():
            head = tail.strip()
            tag = head.split(element_separator, 1)[0].strip()[:3]
            raise EdifactError("truncated", position=len(segments) + 1, tag=tag)
    return Interchange(
        characters=characters,
        has_una=has_una,
        segments=tuple(segments),
        leading=leading,
        trailing=trailing,
    )


# --- writing ---------------------------------------------------------------------------


@lru_cache(maxsize=8)
def _specials(characters: ServiceCharacters) -> re.Pattern[str]:
    special = {characters.release, characters.component, characters.element, characters.terminator}
    if characters.repetition != " ":
        special.add(characters.repetition)
    return re.compile("[" + re.escape("".join(sorted(special))) + "]")


def escape(text: str, characters: ServiceCharacters) -> str:
    """``text`` with a release character before every service character it holds."""
    pattern = _specials(characters)
    if pattern.search(text) is None:
        return text
    release = characters.release
    return pattern.sub(lambda match: release + match.group(0), text)


def write_segment(tag: str, elements: Sequence[Sequence[str] | str], characters: ServiceCharacters) -> str:
    """One segment with its terminator; trailing empty elements and components are left out."""
    written: list[str] = []
    for element in elements:
        components = [element] if isinstance(element, str) else list(element)
        while components and components[-1] == "":
            components.pop()
        written.append(characters.component.join(escape(part, characters) for part in components))
    while written and written[-1] == "":
        written.pop()
    return characters.element.join([tag, *written]) + characters.terminator


def write_segments(segments: Iterable[tuple[str, Sequence[Sequence[str] | str]]], characters: ServiceCharacters) -> str:
    """Segments one per line (the guide's layout: readable, and every gateway passes it)."""
    return "\n".join(write_segment(tag, elements, characters) for tag, elements in segments)
