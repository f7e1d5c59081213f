"""Paperwork speed: a 9,999-passenger PAXLST written and read by Clearway, beside pydifact's
plain parse of the same message (pydifact is the library DESIGN.md names for EDIFACT).

Target (issue 13): reading the message as a manifest within 2x pydifact's plain parse.
Then the Annex 9 PDF for 250 and 9,999 passengers and the QR code's size (bench/paperwork_pdf.py,
run as its own process so that each part's figures start from a fresh interpreter).
The runs are interleaved (write, read, pydifact, write, ...) so that a change in the
machine's load falls on the three alike.

    .venv/bin/python bench/paperwork.py [--runs 5] [--passengers 9999]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import time
import warnings
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def snapshot(passengers: int):  # type: ignore[no-untyped-def]
    """The clean example request with the example manifest grown to ``passengers`` rows."""
    from clearway.domain.snapshot import Passenger, RequestSnapshot, snapshot_from
    from clearway.formats.manifest import read_manifest
    from clearway.formats.request import read_request

    request = read_request(REPO / "examples" / "request-clean.toml")
    template = snapshot_from(request, read_manifest(REPO / "examples" / "manifest-clean.csv")).passengers
    grown = []
    for seq in range(1, passengers + 1):
        base = template[(seq - 1) % len(template)].as_row()
        born = date(1960, 1, 1) + timedelta(days=seq)
        base.update(
            seq=str(seq), case_ref=f"B{seq:09d}", document_number=f"X{seq:07d}Z", date_of_birth=born.isoformat()
        )
        grown.append(Passenger.from_values(base))
    return RequestSnapshot(flight=request, passengers=tuple(grown))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--passengers", type=int, default=9999)
    arguments = parser.parse_args()

    from pydifact.parser import Parser  # type: ignore[import-untyped]

    from clearway.formats.paxlst import read_paxlst
    from clearway.formats.paxlst_write import PaxlstOptions, write_paxlst
    from clearway.reference import PackagedReferenceData

    content = snapshot(arguments.passengers)
    reference = PackagedReferenceData()
    options = PaxlstOptions(version=1, prepared_at=datetime(2025, 1, 15, 12, 0, tzinfo=UTC))
    data = write_paxlst(content, reference, options)
    text = data.decode("ascii")
    segments = text.count("'") - 1  # the UNA's own terminator character is not a segment's end
    manifest = read_paxlst(data, Path("bench.edi"))
    assert len(manifest.rows) == arguments.passengers and manifest.message is not None
    assert manifest.message.disagreements == ()

    writes, reads, plain = [], [], []
    warnings.simplefilter("ignore")  # pydifact warns that it has no directory files to validate with
    for _ in range(arguments.runs):
        start = time.perf_counter()
        write_paxlst(content, reference, options)
        writes.append(time.perf_counter() - start)
        start = time.perf_counter()
        read_paxlst(data, Path("bench.edi"))
        reads.append(time.perf_counter() - start)
        start = time.perf_counter()
        parsed = list(Parser().parse(text))
        plain.append(time.perf_counter() - start)
        assert len(parsed) == segments + 1  # pydifact yields UNA as a segment too

    read_median, plain_median = statistics.median(reads), statistics.median(plain)
    print(f"machine: {platform.processor() or platform.machine()}, Python {platform.python_version()}")
    print(f"load average: {' '.join(f'{value:.1f}' for value in __import__('os').getloadavg())}")
    print(f"message: {arguments.passengers} passengers, {segments} segments, {len(data):,} bytes")
    print(f"write PAXLST (Clearway)           median {statistics.median(writes):.3f} s  (runs {arguments.runs})")
    print(f"read as a manifest (Clearway)     median {read_median:.3f} s")
    print(f"plain parse (pydifact {_version()})      median {plain_median:.3f} s")
    print(f"read / pydifact plain parse: {read_median / plain_median:.2f}x (target <= 2x)")
    sys.stdout.flush()
    subprocess.run([sys.executable, str(Path(__file__).with_name("paperwork_pdf.py"))], check=True)


def _version() -> str:
    from importlib.metadata import version

    return version("pydifact")


if __name__ == "__main__":
    main()
