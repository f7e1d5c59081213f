"""A usage error of the command line is one sentence on standard error, in the --lang language."""

from __future__ import annotations

import subprocess
import sys

import pytest

RUN_MAIN = "import sys; from clearway.cli import main; sys.argv[0] = 'clearway'; main()"


def run_clearway(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", RUN_MAIN, *arguments], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (("check", "--request", "r.toml"), "the option --manifest is required"),
        (("check", "--request", "r.toml", "--lang", "es"), "la opción --manifest es obligatoria"),
        (("check", "--bogus", "--lang=es"), "no existe la opción --bogus"),
        (("check", "--request", "r.toml", "--manifest", "m.csv", "--agreement", "a", "--format", "xml"), "--format"),
    ],
)
def test_a_usage_error_is_one_line_in_the_language_asked_for(arguments: tuple[str, ...], expected: str) -> None:
    outcome = run_clearway(*arguments)

    assert outcome.returncode == 2
    assert outcome.stdout == ""
    assert outcome.stderr.count("\n") == 1
    assert expected in outcome.stderr
    assert outcome.stderr.startswith("clearway check:")


def test_help_still_exits_zero() -> None:
    outcome = run_clearway("check", "--help")

    assert outcome.returncode == 0
    assert "--manifest" in outcome.stdout
