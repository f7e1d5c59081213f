"""Every message exists in English and Spanish, with the same placeholders, and every
finding code and variant the rules can produce has its sentence."""

import string

import pytest

from clearway.domain.findings import CODE_PROFILE, Code
from clearway.i18n import LANGUAGES, catalogue, translate


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(catalogue()))
def test_both_languages_with_the_same_placeholders(key: str) -> None:
    texts = catalogue()[key]
    assert set(texts) == set(LANGUAGES)
    assert placeholders(texts["en"]) == placeholders(texts["es"])
    if not key.startswith("term."):
        assert texts["en"] != texts["es"], "the Spanish sentence is a copy of the English one"


def test_every_code_has_a_message() -> None:
    keys = catalogue()
    for code in Code:
        assert code in CODE_PROFILE
        assert code in keys or any(key.startswith(f"{code}.") for key in keys), code


def test_unknown_terms_are_shown_as_written() -> None:
    from clearway.domain.findings import Phrase

    assert translate("term.court_order", "es") == "orden judicial"
    assert "deportation_pause" not in translate(
        "LEGAL_HOLD_MATCH.open", "en", seq=1, name="A", born="1990-01-01", hold_ref="H1",
        hold_type=Phrase(("deportation_pause",)), hold_name="A", how=Phrase(("exact",)),
    )  # fmt: skip
