"""Reading a user's file: one place that says what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from clearway.domain.errors import UnusableInput

XLSX_MAGIC = b"PK\x03\x04"
_UTF8_BOM = "\ufeff"


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ``UnusableInput`` saying why it cannot be read."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise UnusableInput("file.missing", path=str(path)) from None
    except IsADirectoryError:
        raise UnusableInput("file.is_directory", path=str(path)) from None
    except OSError as error:
        raise UnusableInput("file.unreadable", path=str(path), reason=error.strerror) from None


def decode_text(data: bytes, path: Path) -> str:
    """UTF-8 text (a BOM is accepted and dropped); binary or other encodings are refused."""
    if b"\x00" in data:
        raise UnusableInput("file.binary", path=str(path))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnusableInput("file.not_utf8", path=str(path), offset=error.start) from None
    return text.removeprefix(_UTF8_BOM)


def line_of_offset(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1
