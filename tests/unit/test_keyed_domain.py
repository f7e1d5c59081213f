"""The ``keyed`` gettext domain: compiled sentences are read by key (``msgctxt``) and laid over
the Python catalogues; a key the compiled file lacks still has its Python sentence."""

from __future__ import annotations

from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo

from clearway.i18n.keyed import overlay, read_compiled


def _compile(folder: Path, lang: str, entries: dict[str, tuple[str, str]]) -> None:
    catalog = Catalog(locale=lang, domain="keyed")
    for key, (english, text) in entries.items():
        catalog.add(english, text, context=key)
    target = folder / lang / "LC_MESSAGES"
    target.mkdir(parents=True)
    with (target / "keyed.mo").open("wb") as handle:
        write_mo(handle, catalog)


def test_without_compiled_files_the_python_catalogue_is_used(tmp_path: Path) -> None:
    python = {"demo.hello": {"en": "Hello.", "es": "Hola."}}
    assert read_compiled("es", tmp_path) is None
    assert overlay(python, ("en", "es"), tmp_path) == python


def test_compiled_sentences_are_found_by_their_key(tmp_path: Path) -> None:
    _compile(tmp_path, "es", {"demo.hello": ("Hello.", "¡Hola!")})
    assert read_compiled("es", tmp_path) == {"demo.hello": "¡Hola!"}


def test_compiled_sentences_win_and_a_key_they_lack_keeps_its_python_sentence(tmp_path: Path) -> None:
    _compile(tmp_path, "es", {"demo.hello": ("Hello.", "¡Hola!")})
    python = {"demo.hello": {"en": "Hello.", "es": "Hola."}, "demo.new": {"en": "New.", "es": "Nuevo."}}
    merged = overlay(python, ("en", "es"), tmp_path)
    assert merged["demo.hello"] == {"en": "Hello.", "es": "¡Hola!"}
    assert merged["demo.new"] == {"en": "New.", "es": "Nuevo."}
