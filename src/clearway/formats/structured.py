"""TOML and JSON documents: parsing, and typed access that names the key at fault."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Phrase
from clearway.formats.files import decode_text, read_bytes


def load_document(path: Path, kind: str) -> dict[str, Any]:
    """Parse a TOML or JSON file (JSON when it starts with ``{`` or is named ``.json``).

    ``kind`` ("request", "agreement") picks the wording of messages.
    """
    text = decode_text(read_bytes(path), path)
    if not text.strip():
        raise UnusableInput(f"{kind}.empty", path=str(path))
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            document = json.loads(text)
        except json.JSONDecodeError as error:
            raise UnusableInput(f"{kind}.json_syntax", path=str(path), line=error.lineno, reason=error.msg) from None
        if not isinstance(document, dict):
            raise UnusableInput(f"{kind}.json_not_object", path=str(path))
        return document
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts "(at line N, column M)" in its message; keep it as the reason.
        reason = str(error)
        line = getattr(error, "lineno", None) or _line_from_message(reason, text)
        raise UnusableInput(f"{kind}.toml_syntax", path=str(path), line=line, reason=reason) from None


def _line_from_message(message: str, text: str) -> int | str:
    marker = "line "
    if marker in message:
        digits = message.split(marker, 1)[1].split(",", 1)[0].split(")", 1)[0]
        if digits.isdigit():
            return int(digits)
    return "?"


class Reader:
    """Typed access to one document: every refusal names the file and the key's full path."""

    def __init__(self, path: Path, kind: str) -> None:
        self.path = path
        self.kind = kind

    def fail(self, problem: str, key: str, **params: Any) -> UnusableInput:
        return UnusableInput(f"{self.kind}.{problem}", path=str(self.path), key=key, **params)

    def table(
        self, parent: Mapping[str, Any], name: str, where: str, *, required: bool = True
    ) -> dict[str, Any] | None:
        key = _join(where, name)
        if name not in parent:
            if required:
                raise self.fail("missing_key", key)
            return None
        value = parent[name]
        if not isinstance(value, dict):
            raise self.fail("wrong_type", key, expected=Phrase(("type_table",)))
        return value

    def text(
        self,
        parent: Mapping[str, Any],
        name: str,
        where: str = "",
        *,
        required: bool = True,
        max_length: int | None = None,
        single_line: bool = False,
    ) -> str | None:
        """Text; ``single_line`` (a reference, a code) refuses control and text-direction characters."""
        key = _join(where, name)
        if name not in parent:
            if required:
                raise self.fail("missing_key", key)
            return None
        value = parent[name]
        if not isinstance(value, str):
            raise self.fail("wrong_type", key, expected=Phrase(("type_text",)))
        if required and not value.strip():
            raise self.fail("empty_value", key)
        if max_length is not None and len(value) > max_length:
            raise self.fail("too_long", key, length=len(value), maximum=max_length)
        hidden = invisible_character(value) if single_line else None
        if hidden is not None:
            raise self.fail("control_character", key, character=f"U+{ord(hidden):04X}")
        return value

    def integer(
        self, parent: Mapping[str, Any], name: str, where: str = "", *, required: bool = True, minimum: int | None = 0
    ) -> int | None:
        key = _join(where, name)
        if name not in parent:
            if required:
                raise self.fail("missing_key", key)
            return None
        value = parent[name]
        # bool is an int in Python; `seats = true` is still not a number of seats.
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail("wrong_type", key, expected=Phrase(("type_integer",)))
        if minimum is not None and value < minimum:
            raise self.fail("below_minimum", key, value=value, minimum=minimum)
        if value > MAX_INTEGER:
            raise self.fail("above_maximum", key, value=value, maximum=MAX_INTEGER)
        return value

    def number(self, parent: Mapping[str, Any], name: str, where: str = "") -> float | None:
        key = _join(where, name)
        if name not in parent:
            return None
        value = parent[name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise self.fail("wrong_type", key, expected=Phrase(("type_number",)))
        if value < 0:
            raise self.fail("below_minimum", key, value=value, minimum=0)
        return value

    def flag(self, parent: Mapping[str, Any], name: str, where: str = "") -> bool | None:
        key = _join(where, name)
        if name not in parent:
            return None
        value = parent[name]
        if not isinstance(value, bool):
            raise self.fail("wrong_type", key, expected=Phrase(("type_flag",)))
        return value

    def text_list(self, parent: Mapping[str, Any], name: str, where: str = "") -> tuple[str, ...] | None:
        key = _join(where, name)
        if name not in parent:
            return None
        value = parent[name]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise self.fail("wrong_type", key, expected=Phrase(("type_text_list",)))
        return tuple(value)

    def day(self, parent: Mapping[str, Any], name: str, where: str = "", *, required: bool = True) -> date | None:
        key = _join(where, name)
        if name not in parent:
            if required:
                raise self.fail("missing_key", key)
            return None
        value = parent[name]
        if isinstance(value, datetime):
            raise self.fail("wrong_type", key, expected=Phrase(("type_date",)))
        if isinstance(value, date):
            return value
        if isinstance(value, str):
            try:
                return date.fromisoformat(value.strip())
            except ValueError:
                pass
        raise self.fail("bad_date", key, value=str(value))

    def moment(
        self, parent: Mapping[str, Any], name: str, where: str = "", *, required: bool = True
    ) -> datetime | None:
        """A date-time with a zone offset, converted to UTC; one without a zone is refused."""
        key = _join(where, name)
        if name not in parent:
            if required:
                raise self.fail("missing_key", key)
            return None
        value = parent[name]
        if isinstance(value, str):
            text = value.strip()
            try:
                value = datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "zZ" and text else text)
            except ValueError:
                raise self.fail("bad_time", key, value=text) from None
        if not isinstance(value, datetime):
            raise self.fail("bad_time", key, value=str(value))
        if value.tzinfo is None or value.utcoffset() is None:
            raise self.fail("time_without_zone", key, value=value.isoformat())
        # Far from the calendar's edges, so that converting it or adding a day cannot overflow.
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise self.fail("time_out_of_range", key, value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
        return value.astimezone(UTC)


#: The largest whole number a file may give: it fits every integer column of the database.
MAX_INTEGER = 2**31 - 1
#: The years a date and time may fall in.
FIRST_YEAR, LAST_YEAR = 1900, 2999
#: Control characters (C0, DEL, C1) and the Unicode text-direction controls (embeddings,
#: overrides, isolates, marks), which can make a reference read differently from what it is.
_INVISIBLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def invisible_character(text: str) -> str | None:
    """The first control or text-direction character of ``text``, if any."""
    found = _INVISIBLE.search(text)
    return found.group() if found else None


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def unknown_keys(document: Mapping[str, Any], known: set[str], where: str = "") -> list[str]:
    return [_join(where, key) for key in document if key not in known]
