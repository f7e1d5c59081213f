"""PAXLST messages made by the project's own writer from the factories' request and rows,
so a test states only what it changes in the text."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from clearway.domain.flights import FlightRequest
from clearway.domain.people import Manifest
from clearway.domain.snapshot import snapshot_from
from clearway.formats.paxlst import read_paxlst
from clearway.formats.paxlst_write import DEFAULT_PART_SIZE, PaxlstOptions, write_paxlst
from tests.factories import REFERENCE, people, request

PREPARED_AT = datetime(2025, 1, 15, 12, 0, tzinfo=UTC)


def paxlst_text(
    flight: FlightRequest | None = None, manifest: Manifest | None = None, *, part_size: int = DEFAULT_PART_SIZE
) -> str:
    """The interchange for this request and manifest (by default the factories' three adults)."""
    manifest = manifest or people()
    flight = flight or request(people={"declared_passengers": len(manifest.rows)})
    options = PaxlstOptions(version=1, prepared_at=PREPARED_AT, part_size=part_size)
    return write_paxlst(snapshot_from(flight, manifest), REFERENCE, options).decode("latin-1")


def read_text(text: str, name: str = "manifest.edi") -> Manifest:
    return read_paxlst(text.encode("latin-1"), Path(name))


def changed(text: str, old: str, new: str) -> str:
    """``text`` with ``old`` replaced once; fails when ``old`` is not there (a test that changes nothing)."""
    assert old in text, f"{old!r} is not in the message"
    return text.replace(old, new, 1)
