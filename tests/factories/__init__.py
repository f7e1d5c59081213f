"""Valid inputs to vary one thing at a time.

Defaults mirror the clean sample: a USA→MEX charter arriving at Tijuana (MMTJ)
at 16:15 local time on 2025-01-21, judged by an agreement like agreement-usa-mex.toml.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from fractions import Fraction
from pathlib import Path
from typing import Any

from clearway.domain.agreements import Agreement, OperatingHours
from clearway.domain.dates import PartialDate
from clearway.domain.flights import Aircraft, FlightRequest, Leg, PeopleOnBoard
from clearway.domain.mrz import MrzFormat
from clearway.domain.mrz_writer import MrzFields, build_mrz
from clearway.domain.people import MANIFEST_COLUMNS, Manifest, ManifestRow
from clearway.domain.precheck import PrecheckResult, run_precheck
from clearway.reference import PackagedReferenceData

REFERENCE = PackagedReferenceData()
CHECKED_AT = datetime(2025, 1, 15, 18, 15, tzinfo=UTC)
ARRIVAL_DATE = date(2025, 1, 21)  # local date at MMTJ of the default arrival


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def hours(text: str) -> OperatingHours:
    opens, closes = text.split("-")
    close = time.max if closes == "24:00" else time.fromisoformat(closes)
    return OperatingHours(opens=time.fromisoformat(opens), closes=close, text=text)


def agreement(**overrides: Any) -> Agreement:
    base = Agreement(
        id="USA-MEX",
        version=3,
        sending_authority="USA",
        receiving_country="MEX",
        effective_from=date(2025, 1, 1),
        effective_until=date(2025, 12, 31),
        source="agreement.toml",
        lead_time_min_hours=72,
        entry_airports={
            "MMMX": hours("07:00-19:00"),
            "MMTJ": hours("06:00-22:00"),
            "MMVR": hours("00:00-24:00"),
        },
        flights_per_day=4,
        passengers_per_day=600,
        passengers_per_flight=150,
        aircraft_categories=("civil_charter", "military"),
        own_nationality="MEX",
        third_country_nationalities=("GTM", "HND", "SLV"),
        third_country_max_per_flight=7,
        accepted_document_types=("P", "C", "E"),
        expired_passport_ok_for_own=True,
        mrz_required_for=("P",),
        adult_age=18,
        unaccompanied_minors=False,
        escorts_per_returnee=Fraction("0.3"),
        medical_staff_if_medical=True,
        monitor_required=True,
        time_tolerance_minutes=60,
    )
    return replace(base, **overrides)


def leg(origin: str = "KHRL", destination: str = "MMTJ", departure: str = "2025-01-21T20:22:00Z",
        arrival: str = "2025-01-22T00:15:00Z") -> Leg:  # fmt: skip
    return Leg(origin=origin, destination=destination, departure=utc(departure), arrival=utc(arrival))


def request(*, legs: Sequence[Leg] | None = None, aircraft: dict[str, Any] | None = None,
            people: dict[str, Any] | None = None, **overrides: Any) -> FlightRequest:  # fmt: skip
    on_board = {"crew": 6, "escorts": 16, "medical_staff": 1, "monitors": 1, "declared_passengers": 3}
    plane = {"type": "B738", "registration": "N316AC", "callsign": "EXA476", "category": "civil_charter",
             "seats": 73}  # fmt: skip
    fields: dict[str, Any] = {
        "reference": "RF-2025-0123",
        "sending_authority": "USA",
        "receiving_country": "MEX",
        "operator": "Example Air Charter",
        "submitted_at": None,
        "aircraft": Aircraft(**{**plane, **(aircraft or {})}),
        "legs": tuple(legs) if legs is not None else (leg(),),
        "people": PeopleOnBoard(**{**on_board, **(people or {})}),
    }
    fields.update(overrides)
    return FlightRequest(**fields)


def passport_mrz(values: dict[str, str], fmt: MrzFormat = MrzFormat.TD3) -> str:
    """A valid MRZ that agrees with the row's values."""
    surname = " ".join(part for part in (values["surname"], values.get("second_surname", "")) if part)
    return build_mrz(
        fmt,
        MrzFields(
            document_code="P" if fmt is MrzFormat.TD3 else "I",
            issuing_state=values["document_issuer"],
            surname=surname,
            given_names=values["given_names"],
            document_number=values["document_number"],
            nationality=values["nationality"],
            birth_date=PartialDate.parse(values["date_of_birth"]) or values["date_of_birth"],
            sex=values["sex"],
            expiry_date=date.fromisoformat(values["document_expiry"]),
        ),
        separator="|",
    )


_ROW_DEFAULTS = {
    "surname": "Hernández",
    "second_surname": "Reyes",
    "given_names": "Tomás",
    "sex": "M",
    "nationality": "MEX",
    "document_type": "P",
    "document_issuer": "MEX",
    "document_expiry": "2029-10-05",
    "family_group": "",
    "medical": "",
    "medical_escort": "N",
    "notes": "",
}


def row_values(seq: int = 1, *, with_mrz: bool = True, **values: str) -> dict[str, str]:
    """A valid manifest row as text; ``mrz`` agrees with the other values unless given."""
    # Each seq is another person: its own date of birth, document and case reference.
    born = date(1960, 1, 1) + timedelta(days=97 * seq)
    row = {
        "seq": str(seq),
        **_ROW_DEFAULTS,
        "date_of_birth": born.isoformat(),
        "document_number": f"K{seq:07d}A",
        "case_ref": f"A{seq:09d}",
    }
    row.update(values)
    if "mrz" not in values:
        row["mrz"] = passport_mrz(row) if with_mrz and row["document_type"].upper() == "P" else ""
    return row


def people(*rows: dict[str, str]) -> Manifest:
    """A manifest of these rows (by default: three unrelated adults)."""
    table = rows or (
        row_values(1),
        row_values(
            2, surname="Ajú", second_surname="Xicará", given_names="María José", sex="F", date_of_birth="1984-09-24"
        ),
        row_values(
            3,
            surname="De la Cruz",
            second_surname="",
            given_names="Nayeli",
            sex="F",
            date_of_birth="1977-05-23",
            document_type="C",
        ),
    )
    manifest_rows = tuple(
        ManifestRow(line=index + 2, values={k: v for k, v in values.items() if k in MANIFEST_COLUMNS})
        for index, values in enumerate(table)
    )
    return Manifest(
        source="manifest.csv",
        header=MANIFEST_COLUMNS,
        columns=frozenset(MANIFEST_COLUMNS),
        unknown_columns=(),
        rows=manifest_rows,
    )


def precheck(*, flight: FlightRequest | None = None, manifest: Manifest | None = None,
             agreements: Sequence[Agreement] | None = None, at: datetime = CHECKED_AT,
             **options: Any) -> PrecheckResult:  # fmt: skip
    manifest = manifest or people()
    flight = flight or request(people={"declared_passengers": len(manifest.rows)})
    return run_precheck(
        flight,
        manifest,
        agreements if agreements is not None else [agreement()],
        REFERENCE,
        at=at,
        **options,
    )


def codes(result: PrecheckResult) -> list[tuple[str, int | None, str | None]]:
    """(code, seq, field) of every error and warning (infos are not part of "clean")."""
    return [(str(f.code), f.seq, f.field) for f in result.findings if f.severity != "info"]


def write_csv(path: Path, rows: Sequence[dict[str, str]], header: Sequence[str] | None = None) -> Path:
    out = io.StringIO()
    columns = list(header or MANIFEST_COLUMNS)
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for values in rows:
        writer.writerow([values.get(column, "") for column in columns])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path
