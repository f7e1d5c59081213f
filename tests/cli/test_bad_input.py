"""Input that cannot be used at all: exit status 2, nothing on standard output, and one
plain sentence on standard error naming the file and the problem, in the --lang language."""

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.factories import row_values, write_csv

REQUEST = EXAMPLES / "request-clean.toml"
MANIFEST = EXAMPLES / "manifest-clean.csv"
AGREEMENT = EXAMPLES / "agreement-usa-mex.toml"
AT = "2025-01-15T18:15:00Z"


def refused(outcome, *words: str) -> None:
    assert outcome.exit_code == 2, outcome.stdout + outcome.stderr
    assert outcome.stdout == ""
    message = outcome.stderr.strip()
    assert "\n" not in message and "Traceback" not in message
    for word in words:
        assert word in message, message


def check(clearway, request=REQUEST, manifest=MANIFEST, agreements=(AGREEMENT,), *extra: str):
    args = ["check", "--request", request, "--manifest", manifest, "--at", AT]
    for agreement in agreements:
        args += ["--agreement", agreement]
    return clearway(*args, *extra)


def manifest_with(tmp_path: Path, text: str | bytes, name: str = "manifest.csv") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


HEADER = "seq,surname,second_surname,given_names,sex,date_of_birth,nationality,document_type,"
HEADER += "document_number,document_issuer,document_expiry,mrz,case_ref\n"


@pytest.mark.parametrize(
    ("content", "words_en", "words_es"),
    [
        (b"", ("is empty",), ("está vacío",)),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", ("not a text file",), ("no es un archivo de texto",)),
        ("seq,surname\n1,Garc\xeda\n".encode("latin-1"), ("not UTF-8",), ("no es texto UTF-8",)),
        (b"1,Garcia,Lopez,Jose\n", ("no header row",), ("no tiene fila de encabezado",)),
        (b"surname,given_names\nGarcia,Jose\n", ("no 'seq' column",), ("columna «seq»",)),
        (HEADER.encode(), ("header but no rows",), ("ninguna fila",)),
        (b"seq,surname,Surname \n1,a,b\n", ("twice",), ("dos veces",)),
        (b"UNA:+.? 'UNB+UNOA:4+X+Y+250101:1200+1'", ("PAXLST",), ("PAXLST",)),
    ],
    ids=["empty", "binary", "latin-1", "no-header", "no-seq", "no-rows", "repeated-column", "paxlst"],
)
def test_unusable_manifest(clearway, tmp_path, content, words_en, words_es) -> None:
    path = manifest_with(tmp_path, content)
    refused(check(clearway, REQUEST, path), str(path), *words_en)
    refused(check(clearway, REQUEST, path, (AGREEMENT,), "--lang", "es"), str(path), *words_es)


def test_missing_file(clearway, tmp_path) -> None:
    missing = tmp_path / "nowhere.csv"
    refused(check(clearway, REQUEST, missing), str(missing), "does not exist")
    refused(check(clearway, REQUEST, missing, (AGREEMENT,), "--lang", "es"), "no existe")


def request_with(tmp_path: Path, replace: tuple[str, str] | None = None, append: str = "") -> Path:
    text = REQUEST.read_text(encoding="utf-8")
    if replace:
        assert replace[0] in text
        text = text.replace(*replace)
    path = tmp_path / "request.toml"
    path.write_text(text + append, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (('arrival = "2025-01-22T00:15:00Z"', 'arrival = "2025-01-22T00:15:00"'), ("legs[0].arrival", "time zone")),
        (('arrival = "2025-01-22T00:15:00Z"', "arrival = 2025-01-22T00:15:00"), ("legs[0].arrival", "time zone")),
        (('to = "MMTJ"', 'to = "KSAN"'), ("no leg arriving in MEX",)),
        (('category = "civil_charter"', 'category = "balloon"'), ("aircraft.category", "balloon")),
        (("seats = 73", 'seats = "73"'), ("aircraft.seats", "whole number")),
        (("seats = 73", "seats = true"), ("aircraft.seats", "whole number")),
        (('callsign = "EXA476"\n', ""), ("aircraft.callsign", "lacks")),
        (("crew = 6", "crew = "), ("not valid TOML", "line")),
    ],
    ids=[
        "no-zone-string",
        "no-zone-toml",
        "no-arrival-in-country",
        "category",
        "seats-text",
        "seats-bool",
        "missing-key",
        "malformed",
    ],
)
def test_unusable_request(clearway, tmp_path, change, words) -> None:
    path = request_with(tmp_path, change)
    refused(check(clearway, path), str(path), *words)


def test_malformed_json_request(clearway, tmp_path) -> None:
    path = tmp_path / "request.json"
    path.write_text('{"reference": "RF-1",', encoding="utf-8")
    refused(check(clearway, path), str(path), "not valid JSON")


def test_unknown_request_key_is_a_warning_not_a_refusal(clearway, tmp_path) -> None:
    path = request_with(tmp_path, append='\n[extra]\ncolour = "blue"\n')
    outcome = check(clearway, path, MANIFEST, (AGREEMENT,), "--format", "json")
    assert outcome.exit_code == 0
    assert '"UNKNOWN_KEY"' in outcome.stdout and '"extra"' in outcome.stdout


def agreement_with(tmp_path: Path, old: str, new: str, name: str = "agreement.toml") -> Path:
    text = AGREEMENT.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("min_hours = 72", "min_hourz = 72", ("lead_time.min_hourz",)),
        ('hours = "07:00-19:00"', 'hours = "7-19"', ("entry_airports.MMMX.hours", "7-19")),
        ("adult_age = 18", 'adult_age = "18"', ("safeguards.adult_age",)),
        ('accepted_types = ["P", "C", "E"]', 'accepted_types = ["P", "Q"]', ("documents.accepted_types", "Q")),
        ("version = 3", "", ("version",)),
    ],
)
def test_malformed_agreement_is_refused_naming_the_key(clearway, tmp_path, old, new, words) -> None:
    path = agreement_with(tmp_path, old, new)
    refused(check(clearway, REQUEST, MANIFEST, (path,)), str(path), *words)


def test_two_agreements_with_same_id_and_version_but_other_content_conflict(clearway, tmp_path) -> None:
    other = agreement_with(tmp_path, "passengers_per_flight = 150", "passengers_per_flight = 100")
    refused(check(clearway, REQUEST, MANIFEST, (AGREEMENT, other)), str(AGREEMENT), str(other))


def test_the_same_agreement_twice_is_not_a_conflict(clearway, tmp_path) -> None:
    copy = agreement_with(tmp_path, "version = 3", "version = 3")
    assert check(clearway, REQUEST, MANIFEST, (AGREEMENT, copy)).exit_code == 0


def test_bad_at(clearway) -> None:
    refused(check(clearway, REQUEST, MANIFEST, (AGREEMENT,), "--at", "yesterday"), "--at")


def test_bad_rows_become_findings_and_nothing_is_lost(clearway, tmp_path) -> None:
    rows = [row_values(1), {**row_values(2, with_mrz=False, document_type="C"), "sex": "?"}]
    header = [*list(rows[0]), "remarks"]
    rows[0]["remarks"] = "kept verbatim"
    path = write_csv(tmp_path / "m.csv", rows, header)
    text = path.read_text(encoding="utf-8").replace("kept verbatim\n", "kept verbatim,surplus\n", 1)
    path.write_text(text, encoding="utf-8")
    request = request_with(tmp_path, ("declared_passengers = 47", "declared_passengers = 2"))
    outcome = check(clearway, request, path, (AGREEMENT,), "--format", "json")
    assert outcome.exit_code == 1
    assert '"UNKNOWN_COLUMN"' in outcome.stdout
    assert '"surplus"' in outcome.stdout  # a cell beyond the header is reported, not dropped
    assert '"seq": 2' in outcome.stdout and '"field": "sex"' in outcome.stdout
