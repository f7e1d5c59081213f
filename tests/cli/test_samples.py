"""Every sample in ../shared/samples gives the findings its expected file lists,
read as ../shared/samples/README.md says."""

import json
from pathlib import Path

import pytest


def expected(samples: Path, name: str) -> dict:
    return json.loads((samples / name).read_text(encoding="utf-8"))


def run_json(clearway, *args):
    outcome = clearway("check", *args, "--format", "json")
    assert outcome.exit_code in (0, 1), outcome.stderr
    return outcome, json.loads(outcome.stdout)


def assert_matches(report: dict, wanted: list[dict]) -> None:
    found = [f for f in report["findings"] if f["severity"] != "info"]
    for item in wanted:
        assert any(
            f["code"] == item["code"]
            and (item["seq"] is None or f["seq"] == item["seq"])
            and (item["field"] is None or f["field"] == item["field"])
            for f in found
        ), f"missing {item}"
    for f in found:
        listed = any(f["code"] == item["code"] and (item["seq"] is None or f["seq"] == item["seq"]) for item in wanted)
        # a failed field check digit also fails the composite: reporting that too is right
        composite = f["code"] == "MRZ_CHECK_DIGIT" and f["field"] == "composite"
        assert listed or composite, f"unexpected {f['code']} seq={f['seq']} field={f['field']}"


@pytest.mark.parametrize(
    ("request_file", "manifest_file"),
    [
        ("request-clean.toml", "manifest-clean.csv"),
        ("request-clean.json", "manifest-clean.csv"),
        ("request-clean.toml", "manifest-clean.xlsx"),
        ("request-multileg.toml", "manifest-clean.csv"),
    ],
)
def test_clean_sample(clearway, samples: Path, request_file: str, manifest_file: str) -> None:
    wanted = expected(samples, "expected-clean.json")
    outcome, report = run_json(
        clearway,
        "--request", samples / request_file,
        "--manifest", samples / manifest_file,
        "--agreement", samples / "agreement-usa-mex.toml",
        "--at", wanted["at"],
    )  # fmt: skip
    assert outcome.exit_code == 0
    assert_matches(report, wanted["expected_findings"])
    assert report["agreement"] == {"id": "USA-MEX", "version": 3}
    assert report["counts"]["info"] > 0  # expired passports of own nationals, accepted


@pytest.mark.parametrize("lang", ["en", "es"])
def test_defects_sample(clearway, samples: Path, lang: str) -> None:
    wanted = expected(samples, "expected-defects.json")
    outcome, report = run_json(
        clearway,
        "--request", samples / "request-defects.toml",
        "--manifest", samples / "manifest-defects.csv",
        "--agreement", samples / "agreement-defects.toml",
        "--holds", samples / "holds-sample.csv",
        "--at", wanted["at"],
        "--lang", lang,
    )  # fmt: skip
    assert outcome.exit_code == 1
    assert_matches(report, wanted["expected_findings"])
    hold = next(f for f in report["findings"] if f["code"] == "LEGAL_HOLD_MATCH")
    assert set(hold["details"]) >= {"hold_ref", "hold_type", "until", "match"}


def test_examples_in_the_repo_are_the_samples(samples: Path) -> None:
    examples = Path(__file__).resolve().parents[2] / "examples"
    for example in examples.iterdir():
        assert example.read_bytes() == (samples / example.name).read_bytes(), example.name


@pytest.mark.parametrize(
    ("lang", "summary"),
    [
        ("en", "No errors (0 warnings, {infos} notes): the request can be submitted."),
        ("es", "Sin errores (0 advertencias, {infos} notas): la solicitud puede presentarse."),
    ],
)
def test_the_text_report_counts_in_real_plurals(clearway, samples: Path, lang: str, summary: str) -> None:
    wanted = expected(samples, "expected-clean.json")
    args = (
        "--request", samples / "request-clean.toml",
        "--manifest", samples / "manifest-clean.csv",
        "--agreement", samples / "agreement-usa-mex.toml",
        "--at", wanted["at"],
    )  # fmt: skip
    _, report = run_json(clearway, *args)
    outcome = clearway("check", *args, "--lang", lang)
    assert outcome.exit_code == 0, outcome.stderr
    assert outcome.stdout.strip().splitlines()[-1] == summary.format(infos=report["counts"]["info"])
    assert "(s)" not in outcome.stdout
