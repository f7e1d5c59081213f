"""Reading a user's file: one place that says what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from clearway.domain.errors import UnusableInput

XLSX_MAGIC = b"PK\x03\x04"
_UTF8_BOM = "\ufeff"


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, or ``UnusableInput`` saying why it cannot be read.

    With ``limit``, a file larger than that many bytes is refused before it is read.
    """
    try:
        with open(path, "rb") as handle:
            if limit is None:
                return handle.read()
            # Read one byte more than allowed: a file that grows or lies about its size is still caught.
            data = handle.read(limit + 1)
    except FileNotFoundError:
        raise UnusableInput("file.missing", path=str(path)) from None
    except IsADirectoryError:
        raise UnusableInput("file.is_directory", path=str(path)) from None
    except OSError as error:
        raise UnusableInput("file.unreadable", path=str(path), reason=error.strerror) from None
    if len(data) > limit:
        raise UnusableInput("file.too_large", path=str(path), limit_mb=megabytes(limit))
    return data


def megabytes(size: int) -> str:
    """A limit in MB for messages (one decimal below 10 MB)."""
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.1f}" if megabytes < 10 else str(round(megabytes))


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
