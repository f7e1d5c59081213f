"""The input contract of ``clearway check`` (spec/cli.md), as assertions a fuzzing run can make.

- The exit status is 0, 1 or 2, whatever the files hold (3 is for bugs, never for input).
- Status 2: nothing on standard output, exactly one line on standard error.
- Status 0 or 1: nothing on standard error, one JSON object on standard output whose
  ``rows`` plus its ``ROW_UNREADABLE`` findings account for every record of the manifest.

``Case`` is one set of input files; a failing case found by ``make fuzz`` is kept under
``tests/fuzz/regressions/`` (``keep``) and replayed by ``test_regressions.py`` from then on.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from tests.conftest import EXAMPLES

REGRESSIONS = Path(__file__).parent / "regressions"
AT = "2025-01-15T18:15:00Z"
REQUEST = (EXAMPLES / "request-clean.toml").read_bytes()
MANIFEST = (EXAMPLES / "manifest-clean.csv").read_bytes()
AGREEMENT = (EXAMPLES / "agreement-usa-mex.toml").read_bytes()
#: Set by ``make fuzz``: keep each failing case's files as a regression.
KEEP_ENV = "CLEARWAY_FUZZ_KEEP"


@dataclass
class Case:
    """The files and options of one run; names carry the suffix a user's file would have."""

    manifest: bytes = MANIFEST
    manifest_name: str = "manifest.csv"
    request: bytes = REQUEST
    request_name: str = "request.toml"
    agreement: bytes = AGREEMENT
    agreement_name: str = "agreement.toml"
    holds: bytes | None = None
    at: str = AT
    lang: str = "en"
    environment: dict[str, str] = field(default_factory=dict)

    def files(self) -> dict[str, bytes]:
        files = {self.manifest_name: self.manifest, self.request_name: self.request}
        files[self.agreement_name] = self.agreement
        if self.holds is not None:
            files["holds.csv"] = self.holds
        return files


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str
    report: dict[str, Any] | None  # the JSON report, when there is one


def run(case: Case, output: str = "json") -> Outcome:
    """``clearway check`` in this process, on the case's files written to a temporary folder."""
    from clearway.cli import app

    with tempfile.TemporaryDirectory(prefix="clearway-fuzz-") as folder:
        paths = {name: Path(folder) / name for name in case.files()}
        for name, data in case.files().items():
            paths[name].write_bytes(data)
        args = ["check", "--request", paths[case.request_name], "--manifest", paths[case.manifest_name],
                "--agreement", paths[case.agreement_name], "--at", case.at, "--lang", case.lang,
                "--format", output]  # fmt: skip
        if case.holds is not None:
            args += ["--holds", paths["holds.csv"]]
        environment = {"CLEARWAY_CACHE_DIR": str(Path(folder) / "cache"), **case.environment}
        result = CliRunner().invoke(app, [str(arg) for arg in args], env=environment, catch_exceptions=False)
    report = None
    if result.exit_code in (0, 1) and output == "json":
        report = json.loads(result.stdout)
    return Outcome(result.exit_code, result.stdout, result.stderr, report)


def assert_contract(case: Case, output: str = "json") -> Outcome:
    """Run the case and check the contract; a failure under ``make fuzz`` is kept as a regression."""
    outcome = run(case, output)
    try:
        check_outcome(outcome)
    except AssertionError:
        keep(case)
        raise
    return outcome


def check_outcome(outcome: Outcome) -> None:
    assert outcome.exit_code in (0, 1, 2), f"exit {outcome.exit_code}: {outcome.stderr}"
    if outcome.exit_code == 2:
        assert outcome.stdout == "", outcome.stdout
        assert outcome.stderr.endswith("\n") and outcome.stderr.count("\n") == 1, repr(outcome.stderr)
        assert outcome.stderr.strip(), "an empty message"
        return
    assert outcome.stderr == "", repr(outcome.stderr)
    if outcome.report is not None:
        assert isinstance(outcome.report["rows"], int)


def unreadable_findings(outcome: Outcome) -> list[dict[str, Any]]:
    assert outcome.report is not None
    return [item for item in outcome.report["findings"] if item["code"] == "ROW_UNREADABLE"]


_SEQ_START = re.compile(rb"[0-9]+,")


def plain_row_lines(manifest: bytes) -> list[int]:
    """Lines of a CSV manifest that can only be a row: they start with a number, hold no quote
    and as many separators as the header. Each must be read as a row or named unreadable.

    Lines end at \\r\\n, \\n or \\r, as for the reader (and the csv module)."""
    lines = re.split(rb"\r\n|\n|\r", manifest)
    header = next((index for index, line in enumerate(lines) if line.strip(b" ,")), len(lines))
    if header == len(lines) or b'"' in lines[header]:
        return []
    width = lines[header].count(b",")
    return [
        number
        for number, line in enumerate(lines, start=1)
        if number > header + 1 and b'"' not in line and line.count(b",") == width and _SEQ_START.match(line)
    ]


def keep(case: Case) -> None:
    """Under ``make fuzz``, write the case that hypothesis settled on to ``tests/fuzz/regressions/``."""
    if not os.environ.get(KEEP_ENV):
        return
    from hypothesis.control import current_build_context

    try:
        if not current_build_context().is_final:
            return  # hypothesis is still shrinking: keep only the case it reports
    except Exception:
        pass  # not inside a hypothesis test: keep it
    files = case.files()
    digest = hashlib.sha256(b"".join(name.encode() + data for name, data in sorted(files.items()))).hexdigest()[:12]
    folder = REGRESSIONS / digest
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    options = {"at": case.at, "lang": case.lang, "environment": case.environment}
    (folder / "case.json").write_text(json.dumps(options, indent=1) + "\n", encoding="utf-8")


def load(folder: Path) -> Case:
    """A kept case, as ``keep`` wrote it."""
    options = json.loads((folder / "case.json").read_text(encoding="utf-8"))
    case = Case(at=options["at"], lang=options["lang"], environment=options.get("environment", {}))
    for path in folder.iterdir():
        if path.name == "case.json":
            continue
        data = path.read_bytes()
        if path.name.startswith("manifest"):
            case.manifest, case.manifest_name = data, path.name
        elif path.name.startswith("request"):
            case.request, case.request_name = data, path.name
        elif path.name.startswith("agreement"):
            case.agreement, case.agreement_name = data, path.name
        elif path.name == "holds.csv":
            case.holds = data
    return case
