"""The input contract under hostile files (tests/fuzz/contract.py), with a small example budget.

``make fuzz`` runs the same tests for minutes (``CLEARWAY_FUZZ_EXAMPLES``) and keeps every
failing case under ``tests/fuzz/regressions/`` for ``test_regressions.py``.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings

from clearway.domain.errors import UnusableInput
from clearway.formats.manifest import read_manifest
from tests.fuzz.contract import Case, assert_contract, keep, plain_row_lines, unreadable_findings
from tests.fuzz.strategies import hostile_csv_cases, hostile_document_cases, hostile_hold_list_cases, hostile_xlsx

EXAMPLES = int(os.environ.get("CLEARWAY_FUZZ_EXAMPLES", "15"))
budget = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def read_in_place(case: Case) -> object:
    """The manifest as the reader returns it, or the refusal."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / case.manifest_name
        path.write_bytes(case.manifest)
        try:
            return read_manifest(path)
        except UnusableInput as error:
            return error


@budget
@given(hostile_csv_cases())
def test_every_plain_csv_row_is_read_or_named(case: Case) -> None:
    outcome = assert_contract(case)
    if outcome.exit_code == 2:
        return
    manifest = read_in_place(case)
    assert not isinstance(manifest, UnusableInput)
    accounted = {row.line for row in manifest.rows} | {record.position for record in manifest.unreadable}  # type: ignore[attr-defined]
    lost = [line for line in plain_row_lines(case.manifest) if line not in accounted]
    if lost:
        keep(case)
    assert not lost, f"lines read as nothing: {lost}"
    assert outcome.report is not None
    assert outcome.report["rows"] == len(manifest.rows)  # type: ignore[attr-defined]
    assert len(unreadable_findings(outcome)) == len(manifest.unreadable)  # type: ignore[attr-defined]


@budget
@given(hostile_xlsx())
def test_every_xlsx_row_with_a_value_is_read_or_named(drawn: tuple[Case, int]) -> None:
    case, with_values = drawn
    outcome = assert_contract(case)
    if outcome.exit_code == 2:
        return
    assert outcome.report is not None
    accounted = outcome.report["rows"] + len(unreadable_findings(outcome)) + 1  # the header
    if accounted != with_values:
        keep(case)
    assert accounted == with_values


@budget
@given(hostile_document_cases())
def test_hostile_requests_and_agreements_keep_the_contract(case: Case) -> None:
    assert_contract(case)


@budget
@given(hostile_hold_list_cases())
def test_hostile_hold_lists_keep_the_contract(case: Case) -> None:
    assert_contract(case)
