"""Manifest files (spec/manifest-csv.md, spec/manifest-paxlst.md): the kind is recognised
from the content, then read by that kind's reader into one result type, ``Manifest``.

Adding a format is a reader and one entry in ``MANIFEST_FORMATS``::

    def read_paxlst(data: bytes, path: Path, limits: InputLimits) -> Manifest: ...

    ManifestFormat("paxlst", recognises=looks_like_edifact, read=read_paxlst)

A reader's contract: it returns a ``Manifest`` in which every physical record of the file
is either a row or an ``UnreadableRecord`` (reported as ``ROW_UNREADABLE``), and raises
``UnusableInput`` (exit status 2) only for a file that is not a manifest at all. It keeps
to ``limits`` before it spends the memory they guard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from clearway.domain.errors import UnusableInput
from clearway.domain.people import MANIFEST_COLUMNS, Manifest
from clearway.formats.csv_table import read_csv_table
from clearway.formats.files import XLSX_MAGIC, decode_text, megabytes, read_bytes
from clearway.formats.table import table_to_manifest
from clearway.settings import DEFAULT_LIMITS, InputLimits

ManifestReader = Callable[[bytes, Path, InputLimits], Manifest]


@dataclass(frozen=True)
class ManifestFormat:
    """One kind of manifest file: how to recognise its content, and its reader."""

    name: str
    recognises: Callable[[bytes], bool]  # given the file's bytes (non-empty)
    read: ManifestReader


def looks_like_xlsx(data: bytes) -> bool:
    return data.startswith(XLSX_MAGIC)


def looks_like_edifact(data: bytes) -> bool:
    return data.lstrip().removeprefix(b"\xef\xbb\xbf").lstrip()[:3] in (b"UNA", b"UNB")


def read_xlsx(data: bytes, path: Path, limits: InputLimits) -> Manifest:
    from clearway.formats.xlsx_table import read_xlsx_table  # only for spreadsheets

    return table_to_manifest(path, read_xlsx_table(data, path, limits), limits)


def read_csv(data: bytes, path: Path, limits: InputLimits) -> Manifest:
    return table_to_manifest(path, read_csv_table(decode_text(data, path), path, limits), limits)


def _paxlst_not_supported(data: bytes, path: Path, limits: InputLimits) -> Manifest:
    raise UnusableInput("manifest.paxlst_not_supported", path=str(path))


#: The kinds of manifest, tried in order; the first that recognises the content reads it.
#: CSV recognises anything, so it stays last.
MANIFEST_FORMATS: tuple[ManifestFormat, ...] = (
    ManifestFormat("xlsx", looks_like_xlsx, read_xlsx),
    ManifestFormat("paxlst", looks_like_edifact, _paxlst_not_supported),
    ManifestFormat("csv", lambda data: True, read_csv),
)


def read_manifest(path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Manifest:
    """Read a manifest file, recognising its kind from the content, not the file name."""
    return read_manifest_bytes(read_bytes(path, limits.manifest_bytes), path, limits)


def read_manifest_bytes(data: bytes, path: Path, limits: InputLimits = DEFAULT_LIMITS) -> Manifest:
    """Read a manifest already in memory (an upload); ``path`` names it in messages."""
    if len(data) > limits.manifest_bytes:
        raise UnusableInput("file.too_large", path=str(path), limit_mb=megabytes(limits.manifest_bytes))
    if not data.strip():
        raise UnusableInput("manifest.empty", path=str(path))
    kind = next(kind for kind in MANIFEST_FORMATS if kind.recognises(data))
    return kind.read(data, path, limits)


def columns_in_order(names: Iterable[str]) -> list[str]:
    """Known column names in the documented order (for messages listing columns)."""
    wanted = set(names)
    return [name for name in MANIFEST_COLUMNS if name in wanted]
