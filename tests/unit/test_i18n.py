"""Every message exists in English and Spanish, with the same placeholders, and every
finding code and variant the rules can produce has its sentence. English is declared in the
catalogue modules, Spanish read from the compiled gettext catalogue (``es/messages.mo``); the
checks of the ``.po`` files themselves are in ``tests/web/test_translations.py``."""

import re
import string
from pathlib import Path

import pytest

from clearway.domain.findings import CODE_PROFILE, Code
from clearway.i18n import LANGUAGES, catalogue, messages, translate, translations
from clearway.i18n.message import Message


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


KEYS_BEFORE_GETTEXT = Path(__file__).with_name("message_keys.txt")
_BRACKETED = re.compile(r"\w\((?:s|es|as|os)\)")


def test_every_key_there_was_still_resolves_in_both_languages() -> None:
    keys = [line for line in KEYS_BEFORE_GETTEXT.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert len(keys) == 641
    spanish = translations("es")
    missing = [key for key in keys if key not in catalogue()]
    assert not missing, f"message keys are part of the API (message_key); these no longer resolve: {missing}"
    for key in keys:
        message = messages()[key]
        assert all(catalogue()[key][lang] for lang in LANGUAGES), key
        if message.plural is None:
            assert spanish.pgettext(key, message.english) == catalogue()[key]["es"], key
        if not key.startswith("term."):
            assert catalogue()[key]["es"] != message.english, f"{key} has no Spanish in es/messages.po"


def test_the_spanish_sentences_come_from_the_compiled_catalogue() -> None:
    assert translate("service.bad_login", "es") == "La dirección de correo o la contraseña no son correctas."
    assert translate("service.bad_login", "en") == "The email address or the password is not right."
    assert translate("service.request_not_found", "es", request="R-1") == "No existe la solicitud R-1."


@pytest.mark.parametrize(
    ("count", "english", "spanish"),
    [
        (0, "Wrote m.xml (paxlst, version 2, 0 passengers).", "Se ha escrito m.xml (paxlst, versión 2, 0 pasajeros)."),
        (1, "Wrote m.xml (paxlst, version 2, 1 passenger).", "Se ha escrito m.xml (paxlst, versión 2, 1 pasajero)."),
        (2, "Wrote m.xml (paxlst, version 2, 2 passengers).", "Se ha escrito m.xml (paxlst, versión 2, 2 pasajeros)."),
    ],
)
def test_a_message_that_counts_takes_the_form_of_its_number(count: int, english: str, spanish: str) -> None:
    params = {"path": "m.xml", "format": "paxlst", "version": 2, "count": count}
    assert translate("export.written", "en", **params) == english
    assert translate("export.written", "es", **params) == spanish


def test_the_count_of_a_plural_message_is_its_own_parameter() -> None:
    one = translate("MRZ_MALFORMED.line_count", "es", seq=4, mrz_lines=1)
    assert one.startswith("Fila con seq 4: la MRZ tiene 1 línea;")
    assert "tiene 4 líneas;" in translate("MRZ_MALFORMED.line_count", "es", seq=4, mrz_lines=4)
    assert "the MRZ has 1 line;" in translate("MRZ_MALFORMED.line_count", "en", seq=4, mrz_lines=1)


def test_the_report_summary_counts_each_kind_of_finding_in_its_own_words() -> None:
    def summary(lang: str, errors: int, warnings: int, infos: int) -> str:
        return translate(
            "report.summary.errors",
            lang,
            errors=translate("report.count.errors", lang, count=errors),
            warnings=translate("report.count.warnings", lang, count=warnings),
            infos=translate("report.count.notes", lang, count=infos),
        )

    assert summary("en", 1, 2, 0).startswith("1 error, 2 warnings, 0 notes: ")
    assert summary("es", 1, 2, 0).startswith("1 error, 2 advertencias, 0 notas: ")
    assert summary("es", 3, 1, 1).startswith("3 errores, 1 advertencia, 1 nota: ")


def test_nothing_is_counted_with_a_bracketed_plural() -> None:
    bracketed = [key for key, texts in catalogue().items() if any(_BRACKETED.search(text) for text in texts.values())]
    assert not bracketed, f"write these as plural messages with _np(), not with '(s)': {bracketed}"


def test_the_catalogue_modules_hold_english_only() -> None:
    for key, message in messages().items():
        assert isinstance(message, Message) and message.key == key
