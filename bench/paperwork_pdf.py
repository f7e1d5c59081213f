"""The Annex 9 PDF and the clearance in its QR code.

1. The QR code: the clearance of a 250-passenger flight with restrictions, three ways — the compact
   JWS as issued; COSE_Sign1 + CBOR + zlib + Base45 (the EU Digital COVID Certificate's pattern,
   hand-built with cbor2 and cryptography); and the JWS packed for the QR (clearway.domain.clearance_qr:
   Base45 of zlib of the JWS's own bytes). Bytes, characters and the QR version each needs (segno,
   error correction L, M and Q).
2. The PDF of that flight, and of a 9,999-passenger one (median wall time of several runs, in-process).

Target (issue 13): the 250-passenger PDF under 1 s.

    .venv/bin/python -m pip install -e '.[dev,bench]'
    .venv/bin/python bench/paperwork_pdf.py [--runs 7] [--large-runs 3]
"""

from __future__ import annotations

import argparse
import io
import os
import platform
import statistics
import sys
import time
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # the test factories build valid flights and manifests

SECRET = "bench-secret-0123456789abcdef"
EXCLUDED = (4, 17, 58, 101, 202, 233)
CONDITIONS = "Passengers 4, 17, 58, 101, 202 and 233 may not board; a medical escort accompanies seq 12."


def flight(passengers: int) -> Any:
    """A request version: KHRL → MGGT → MMTJ (a stop outside the receiving country), ``passengers`` returnees."""
    from clearway.domain.snapshot import snapshot_from
    from tests.factories import leg, people, request, row_values

    legs = [
        leg("KHRL", "MGGT", "2025-01-21T14:00:00Z", "2025-01-21T17:30:00Z"),
        leg("MGGT", "MMTJ", "2025-01-21T19:00:00Z", "2025-01-22T00:15:00Z"),
    ]
    rows = [row_values(seq) for seq in range(1, passengers + 1)]
    return snapshot_from(request(legs=legs, people={"declared_passengers": passengers}), people(*rows))


def signed_clearance(snapshot: Any) -> tuple[Any, Any, str]:
    from clearway.domain.clearance import DecisionKind, claims_for, clearance_number
    from clearway.signing import generate_key, sign_clearance

    key = generate_key(SECRET)
    claims = claims_for(
        snapshot,
        decision=DecisionKind.APPROVE_RESTRICTED,  # a flight with restrictions: the larger token
        number=clearance_number("MEX", 2025, 123),
        request_id="4f1c2a9e-7b3d-4c55-9a61-2d8e0f7b1c33",
        version=3,
        excluded_seqs=EXCLUDED,
        conditions=CONDITIONS,
        valid_from=datetime(2025, 1, 15, tzinfo=UTC),
        valid_until=datetime(2025, 1, 23, tzinfo=UTC),
        issuer_name="Instituto Nacional de Migración",
        issuer_country="MEX",
        issued_at=datetime(2025, 1, 17, 15, 2, 11, tzinfo=UTC),
        key_id=key.key_id,
    )
    return key, claims, sign_clearance(claims, key.encrypted_private_pem, SECRET)


def cose_sign1(claims: Any, key: Any) -> str:
    """The same claims as the EU DCC carries its payload: COSE_Sign1 (EdDSA) of CBOR, zlib, Base45, a prefix."""
    import base45
    import cbor2
    from cryptography.hazmat.primitives import serialization

    private = serialization.load_pem_private_key(key.encrypted_private_pem.encode(), password=SECRET.encode())
    protected = cbor2.dumps({1: -8})  # alg: EdDSA
    payload = cbor2.dumps(claims.to_claims_dict())
    to_sign = cbor2.dumps(["Signature1", protected, b"", payload])
    signature = private.sign(to_sign)  # an Ed25519 key: sign(data)
    message = cbor2.dumps(cbor2.CBORTag(18, [protected, {4: bytes.fromhex(key.key_id)}, payload, signature]))
    return "CW1:" + base45.b45encode(zlib.compress(message, 9)).decode("ascii")


def qr_versions(text: str) -> str:
    import segno

    found = []
    for level in "LMQ":
        code = segno.make_qr(text, error=level, boost_error=False)
        found.append(f"{level} {code.version} ({code.mode}, {len(code.matrix)} modules)")
    return "; ".join(found)


def median_seconds(runs: int, work: Any) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (the second is what a busy machine inflates least)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        work()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--large-runs", type=int, default=3)
    options = parser.parse_args()

    from clearway.domain.clearance_qr import pack
    from clearway.formats.annex9 import PrintedClearance, write_annex9_pdf
    from clearway.reference import PackagedReferenceData

    print(f"Python {platform.python_version()} on {platform.machine()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    small = flight(250)
    key, claims, token = signed_clearance(small)
    packed = pack(token)
    cose = cose_sign1(claims, key)
    print("\n| form | bytes / characters | QR version by error correction (mode, modules a side) |")
    print("|---|---|---|")
    print(f"| compact JWS as issued | {len(token)} | {qr_versions(token)} |")
    print(f"| COSE_Sign1 + CBOR + zlib + Base45 | {len(cose)} | {qr_versions(cose)} |")
    print(f"| JWS packed (Base45 of zlib of the JWS's bytes) | {len(packed)} | {qr_versions(packed)} |")

    reference = PackagedReferenceData()
    printed = PrintedClearance(token=token, claims=claims)
    large = flight(9_999)
    large_claims = replace(claims, passenger_count=9_999)
    large_printed = PrintedClearance(token=token, claims=large_claims)  # the QR's bytes do not change the timing
    write_annex9_pdf(small, version=3, clearance=printed, reference_data=reference)  # imports and first use
    small_pdf = write_annex9_pdf(small, version=3, clearance=printed, reference_data=reference)
    small_time = median_seconds(
        options.runs, lambda: write_annex9_pdf(small, version=3, clearance=printed, reference_data=reference)
    )
    large_pdf = write_annex9_pdf(large, version=3, clearance=large_printed, reference_data=reference)
    large_time = median_seconds(
        options.large_runs,
        lambda: write_annex9_pdf(large, version=3, clearance=large_printed, reference_data=reference),
    )
    from pypdf import PdfReader

    print(f"\nload average before the PDF runs: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
    print("\n| PDF | pages | size | median wall | median CPU | runs | target |")
    print("|---|---|---|---|---|---|---|")
    for label, pdf, (wall, cpu), runs, target in (
        ("250 passengers", small_pdf, small_time, options.runs, "< 1 s"),
        ("9,999 passengers", large_pdf, large_time, options.large_runs, ""),
    ):
        pages = len(PdfReader(io.BytesIO(pdf)).pages)
        print(f"| {label} | {pages} | {len(pdf) / 1024:.0f} KiB | {wall:.3f} s | {cpu:.3f} s | {runs} | {target} |")


if __name__ == "__main__":
    main()
