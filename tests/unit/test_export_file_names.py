"""The names of exported files: safe in any file system and in an HTTP header."""

from __future__ import annotations

import pytest

from clearway.formats.exports import EXPORT_FORMATS


@pytest.mark.parametrize("format_name", sorted(EXPORT_FORMATS))
def test_a_reference_with_letters_beyond_latin_1_gives_an_ascii_file_name(format_name: str) -> None:
    name = EXPORT_FORMATS[format_name].file_name("RF-Łódź/ 1", 2)
    assert name.isascii() and "/" not in name and " " not in name
    assert name.startswith("RF-__d___1-v2.")
