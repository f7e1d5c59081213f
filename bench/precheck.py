"""Pre-check speed: a 250-passenger manifest checked in-process (median of many runs),
and `clearway check` as a new process (median wall time).

Targets (issue 2): <= 20 ms in-process, <= 0.25 s as a new process.

    .venv/bin/python bench/precheck.py [--runs 200] [--process-runs 20]
"""

from __future__ import annotations

import argparse
import csv
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
PASSENGERS = 250
AT = "2025-01-15T18:15:00Z"


def write_inputs(folder: Path) -> tuple[Path, Path, Path]:
    """A 250-row manifest grown from the clean example, a matching request and agreement."""
    from clearway.domain.dates import PartialDate
    from clearway.domain.mrz import MrzFormat
    from clearway.domain.mrz_writer import MrzFields, build_mrz

    with (EXAMPLES / "manifest-clean.csv").open(encoding="utf-8", newline="") as handle:
        template = list(csv.DictReader(handle))
    rows = []
    for seq in range(1, PASSENGERS + 1):
        row = dict(template[(seq - 1) % len(template)])
        born = PartialDate.parse(row["date_of_birth"])
        assert born is not None
        shifted = date(born.year, born.month or 1, born.day or 1) + timedelta(days=seq)
        # Each pass over the template is another set of families, so minors keep their adults.
        family = row["family_group"] and f"{row['family_group']}-{(seq - 1) // len(template)}"
        row.update(
            seq=str(seq),
            case_ref=f"B{seq:09d}",
            document_number=f"X{seq:07d}Z",
            date_of_birth=shifted.isoformat(),
            family_group=family,
        )
        if row["mrz"]:
            surname = " ".join(p for p in (row["surname"], row["second_surname"]) if p)
            row["mrz"] = build_mrz(
                MrzFormat.TD3,
                MrzFields(
                    "P",
                    row["document_issuer"],
                    surname,
                    row["given_names"],
                    row["document_number"],
                    row["nationality"],
                    shifted,
                    row["sex"],
                    date.fromisoformat(row["document_expiry"]),
                ),
                separator="|",
            )
        rows.append(row)
    manifest = folder / "manifest-250.csv"
    with manifest.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(template[0]))
        writer.writeheader()
        writer.writerows(rows)

    request = folder / "request-250.toml"
    text = (EXAMPLES / "request-clean.toml").read_text(encoding="utf-8")
    text = text.replace("seats = 73", "seats = 400").replace("escorts = 16", "escorts = 80")
    request.write_text(text.replace("declared_passengers = 47", f"declared_passengers = {PASSENGERS}"), "utf-8")

    agreement = folder / "agreement-250.toml"
    text = (EXAMPLES / "agreement-usa-mex.toml").read_text(encoding="utf-8")
    text = text.replace("passengers_per_flight = 150", "passengers_per_flight = 300")
    agreement.write_text(
        text.replace("third_country_max_per_flight = 7", "third_country_max_per_flight = 100"), "utf-8"
    )
    return request, manifest, agreement


def in_process(request: Path, manifest: Path, agreement: Path, runs: int) -> tuple[float, int]:
    """Median ms of reading the three files and running the pre-check (reference data warm)."""
    from clearway.domain.precheck import run_precheck
    from clearway.formats.agreement import read_agreements
    from clearway.formats.manifest import read_manifest
    from clearway.formats.request import read_request
    from clearway.reference import PackagedReferenceData

    at = datetime.fromisoformat(AT.replace("Z", "+00:00")).astimezone(UTC)
    reference = PackagedReferenceData()
    timings = []
    findings = 0
    for _ in range(runs):
        started = time.perf_counter()
        result = run_precheck(
            read_request(request), read_manifest(manifest), read_agreements([agreement]), reference, at=at
        )
        timings.append((time.perf_counter() - started) * 1000)
        findings = len(result.findings)
    return statistics.median(timings), findings


def new_process(request: Path, manifest: Path, agreement: Path, runs: int) -> float:
    command = [
        str(Path(sys.executable).parent / "clearway"),
        "check",
        "--request",
        str(request),
        "--manifest",
        str(manifest),
        "--agreement",
        str(agreement),
        "--at",
        AT,
        "--format",
        "json",
    ]
    subprocess.run(command, capture_output=True, check=False)  # warm the file cache
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        outcome = subprocess.run(command, capture_output=True, check=False)
        timings.append(time.perf_counter() - started)
        if outcome.returncode not in (0, 1):
            raise SystemExit(outcome.stderr.decode())
    return statistics.median(timings)


def machine() -> str:
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    import os

    return f"{model}, {os.cpu_count()} cores, Python {platform.python_version()}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--process-runs", type=int, default=20)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        files = write_inputs(Path(folder))
        median_ms, findings = in_process(*files, args.runs)
        wall = new_process(*files, args.process_runs)
    print(f"machine: {machine()}; {datetime.now(UTC):%Y-%m-%d}")
    print("| measure | median | target | runs |\n|---|---|---|---|")
    print(
        f"| pre-check of {PASSENGERS} passengers in-process (read files + rules; {findings} findings) "
        f"| {median_ms:.1f} ms | <= 20 ms | {args.runs} |"
    )
    print(f"| `clearway check --format json` as a new process | {wall:.3f} s | <= 0.25 s | {args.process_runs} |")


if __name__ == "__main__":
    main()
