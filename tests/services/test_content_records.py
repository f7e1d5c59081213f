"""A version's manifest keeps every record: one the reader could not read is refused, not dropped."""

from __future__ import annotations

import pytest

from clearway.services.content import UploadedPart, snapshot_from_files
from clearway.services.errors import Invalid
from tests.conftest import EXAMPLES

FLIGHT = UploadedPart("request.toml", (EXAMPLES / "request-clean.toml").read_bytes())
LINES = (EXAMPLES / "manifest-clean.csv").read_text(encoding="utf-8").replace("\r\n", "\n").splitlines()


def manifest(lines: list[str]) -> UploadedPart:
    return UploadedPart("manifest.csv", ("\n".join(lines) + "\n").encode())


def test_a_clean_manifest_keeps_all_its_rows() -> None:
    assert len(snapshot_from_files(FLIGHT, manifest(LINES)).passengers) == 47


def test_a_record_that_cannot_be_read_is_refused_naming_it() -> None:
    lines = list(LINES)
    lines[10] += '"'  # a quote left open in line 11's last cell
    with pytest.raises(Invalid) as refused:
        snapshot_from_files(FLIGHT, manifest(lines))
    assert refused.value.key == "service.manifest_record_unreadable"
    assert (refused.value.params["unit"], refused.value.params["position"]) == ("line", 11)


def test_a_cell_too_long_to_keep_is_refused_naming_it() -> None:
    lines = list(LINES)
    lines[3] += "x" * 10_000  # the notes of line 4
    with pytest.raises(Invalid) as refused:
        snapshot_from_files(FLIGHT, manifest(lines))
    assert refused.value.key == "service.manifest_cell_too_long"
    assert (refused.value.params["line"], refused.value.params["column"]) == (4, "notes")
