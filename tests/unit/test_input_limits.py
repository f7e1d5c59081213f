"""Input limits: one set, read from the environment, and kept by the hold-list reader."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from clearway.domain.errors import UnusableInput
from clearway.screening.holdlist import HoldRow, InvalidRow, read_rows
from clearway.settings import DEFAULT_LIMITS, InputLimits, load_settings

HEADER = "hold_ref,surname,second_surname,given_names,date_of_birth,nationality,hold_type,until\n"
ROW = "H1,GARCIA,,JOSE,1980-01-01,MEX,court_order,\n"


def test_limits_come_from_clearway_limit_variables() -> None:
    limits = InputLimits.from_environment({"CLEARWAY_LIMIT_CELL_CHARS": "100"})
    assert limits.cell_chars == 100
    assert limits.columns == DEFAULT_LIMITS.columns


@pytest.mark.parametrize("value", ["0", "-5", "ten", "1e6"])
def test_a_limit_that_is_not_a_positive_whole_number_is_refused(value: str) -> None:
    with pytest.raises(UnusableInput) as refused:
        InputLimits.from_environment({"CLEARWAY_LIMIT_COLUMNS": value})
    assert refused.value.key == "settings.bad_limit"


def test_the_api_settings_carry_the_same_limits() -> None:
    settings = load_settings({"database_url": "sqlite:///x.db"}, environ={"CLEARWAY_LIMIT_HOLDS_BYTES": "123"})
    assert settings.limits.holds_bytes == 123


def test_a_hold_list_line_longer_than_the_limit_is_an_invalid_row_and_the_next_is_read() -> None:
    text = io.StringIO(HEADER + "x" * 50_000 + "\n" + ROW, newline="")
    rows = list(read_rows(text, Path("holds.csv"), InputLimits(hold_line_chars=1000)))
    assert rows[0] == InvalidRow(2, "too_long")
    assert isinstance(rows[1], HoldRow) and rows[1].line == 3


def test_a_hold_list_header_with_too_many_columns_is_refused() -> None:
    text = io.StringIO(HEADER.rstrip("\n") + ",x" * 200 + "\n" + ROW, newline="")
    with pytest.raises(UnusableInput) as refused:
        list(read_rows(text, Path("holds.csv")))
    assert refused.value.key == "holds.too_many_columns"
