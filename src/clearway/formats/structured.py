"""TOML and JSON documents: parsing, and typed access that names the key at fault."""

from __future__ import annotations

import json
import math
import re
import tomllib
from collections.abc import Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Phrase
from clearway.formats.files import decode_text, read_bytes
from clearway.settings import DEFAULT_LIMITS, InputLimits

#: Digits in the longest integer literal Python converts (a longer one is refused, not converted).
_INT_DIGITS = 4300
_AT_LINE = re.compile(r"at line ([0-9]+)")
#: The years a date-time may fall in: room on either side for time zones and lead times.
FIRST_YEAR, LAST_YEAR = 1000, 8999


def load_document(path: Path, kind: str, limits: InputLimits = DEFAULT_LIMITS) -> dict[str, Any]:
    """Parse a TOML or JSON file (JSON when it starts with ``{`` or is named ``.json``).

    ``kind`` ("request", "agreement") picks the wording of messages. The file's size, how
    deep it nests and how large its numbers are stay within ``limits``.
    """
    text = decode_text(read_bytes(path, limits.document_bytes), path)
    if not text.strip():
        raise UnusableInput(f"{kind}.empty", path=str(path))
    try:
        if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
            document = _parse_json(text, path, kind)
        else:
            document = _parse_toml(text, path, kind)
    except RecursionError:
        # The parsers recurse once per level; the limit is checked again below for what parsed.
        raise UnusableInput(f"{kind}.too_deep", path=str(path), limit=limits.nesting_depth) from None
    except _NumberTooLong:
        raise UnusableInput(f"{kind}.number_too_long", path=str(path), limit=_INT_DIGITS) from None
    _check_values(document, path, kind, limits)
    return document


class _NumberTooLong(Exception):
    """A number literal with more digits than Python converts (``sys.int_info.default_max_str_digits``)."""


def _bounded_int(literal: str) -> int:
    if len(literal.lstrip("+-")) > _INT_DIGITS:
        raise _NumberTooLong
    return int(literal)


def _parse_json(text: str, path: Path, kind: str) -> dict[str, Any]:
    try:
        document = json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        raise UnusableInput(f"{kind}.json_syntax", path=str(path), line=error.lineno, reason=error.msg) from None
    if not isinstance(document, dict):
        raise UnusableInput(f"{kind}.json_not_object", path=str(path))
    return document


def _parse_toml(text: str, path: Path, kind: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts "(at line N, column M)" or "(at end of document)" in its message.
        reason = str(error)
        line = getattr(error, "lineno", None) or _line_from_message(reason, text)
        raise UnusableInput(f"{kind}.toml_syntax", path=str(path), line=line, reason=reason) from None
    except ValueError:
        # Not a syntax error: int() refused a literal of more digits than it converts.
        raise _NumberTooLong from None


def _line_from_message(message: str, text: str) -> int:
    match = _AT_LINE.search(message)
    if match:
        return int(match.group(1))
    # "at end of document": the last line.
    return max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)


def _check_values(document: dict[str, Any], path: Path, kind: str, limits: InputLimits) -> None:
    """Refuse nesting deeper than the limit, and numbers that are not finite or too large.

    Iterative, so that a document deep enough to be refused cannot exhaust the stack here.
    """
    pending: list[tuple[Any, str, int]] = [(document, "", 0)]
    while pending:
        value, key, depth = pending.pop()
        if isinstance(value, dict | list):
            if depth > limits.nesting_depth:
                raise UnusableInput(f"{kind}.too_deep", path=str(path), limit=limits.nesting_depth)
            items = value.items() if isinstance(value, dict) else ((f"[{i}]", item) for i, item in enumerate(value))
            for name, item in items:
                child = f"{key}{name}" if str(name).startswith("[") else _join(key, str(name))
                pending.append((item, child, depth + 1))
        elif isinstance(value, float) and not math.isfinite(value):
            raise UnusableInput(f"{kind}.not_finite", path=str(path), key=key, value=value)
        elif isinstance(value, int | float) and not isinstance(value, bool) and abs(value) > limits.number_magnitude:
            shown = f"{value:.3g}" if isinstance(value, float) else _short_number(value)
            raise UnusableInput(
                f"{kind}.number_too_large", path=str(path), key=key, value=shown, limit=limits.number_magnitude
            )


def _short_number(value: int) -> str:
    text = str(value)
    return text if len(text) <= 24 else f"{text[:12]}…({len(text)} digits)"


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

    def text(self, parent: Mapping[str, Any], name: str, where: str = "", *, required: bool = True) -> str | None:
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
        if isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
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
            moment = parse_moment(text)
            if moment is None:
                raise self.fail("bad_time", key, value=text)
            value = moment
        if not isinstance(value, datetime):
            raise self.fail("bad_time", key, value=str(value))
        if value.tzinfo is None or value.utcoffset() is None:
            raise self.fail("time_without_zone", key, value=value.isoformat())
        moment = in_utc(value)
        if moment is None:
            raise self.fail("time_out_of_range", key, value=value.isoformat(), first=FIRST_YEAR, last=LAST_YEAR)
        return moment


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# ASCII digits only: fromisoformat also takes other scripts' digits (١٩٧٩), a field may not.
_ISO_MOMENT = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,6})?)?"  # date and time
    r"([zZ]|[+-][0-9]{2}:?[0-9]{2}(:[0-9]{2})?)?"  # zone
)


def parse_moment(text: str) -> datetime | None:
    """``YYYY-MM-DDTHH:MM[:SS[.ffffff]]`` with ``Z`` or an offset (or none), or ``None``."""
    if not _ISO_MOMENT.fullmatch(text):
        return None
    try:
        return datetime.fromisoformat(text[:-1] + "+00:00" if text[-1:] in "zZ" else text)
    except ValueError:
        return None


def in_utc(moment: datetime) -> datetime | None:
    """The moment in UTC, or ``None`` outside ``FIRST_YEAR``..``LAST_YEAR`` (where the calendar ends)."""
    try:
        utc = moment.astimezone(UTC)
    except OverflowError:  # 9999-12-31T23:59-05:00 is in year 10000 in UTC
        return None
    return utc if FIRST_YEAR <= utc.year <= LAST_YEAR else None


def _join(where: str, name: str) -> str:
    return f"{where}.{name}" if where else name


def unknown_keys(document: Mapping[str, Any], known: set[str], where: str = "") -> list[str]:
    return [_join(where, key) for key in document if key not in known]
