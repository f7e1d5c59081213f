"""Every case a fuzzing run (``make fuzz``) once failed on, kept under ``regressions/``, replayed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.contract import REGRESSIONS, check_outcome, load, run

KEPT = sorted(path for path in REGRESSIONS.iterdir() if path.is_dir()) if REGRESSIONS.is_dir() else []


@pytest.mark.parametrize("folder", KEPT, ids=[path.name for path in KEPT])
def test_a_kept_case_keeps_the_contract(folder: Path) -> None:
    check_outcome(run(load(folder)))
