"""The page catalogues: every message in Spanish, the compiled files fresh, no template text left unmarked."""

from __future__ import annotations

import io
import re
from gettext import GNUTranslations
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from clearway.web.pages.templating import LOCALE_DIR, TEMPLATES
from tests.conftest import REPO

LANGUAGES = ("en", "es")
SPANISH = LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po"
#: Attributes whose text a person reads or hears.
_READ_ATTRIBUTES = re.compile(r'\b(?:aria-label|title|alt|placeholder)="([^"{]*)"')
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_ENTITY = re.compile(r"&[a-z]+;|&#\d+;")
#: Text that is the same in every language: names and symbols.
_UNTRANSLATED = {
    "Clearway",
    "English",
    "Español",
    "*",
    "·",
    "→",
    "•••",
    "••••",
    "#",
    "…",
    "▼",
    "▲",
    "UTC",
    ",",
    "(",
    ")",
    ":",
}


def _catalog(lang: str) -> object:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _extracted() -> set[object]:
    method_map = [("src/clearway/web/pages/**.py", "python"), ("src/clearway/web/templates/**.html", "jinja2")]
    options = {
        "src/clearway/web/templates/**.html": {
            "extensions": "jinja2.ext.i18n",
            "trim_blocks": "true",
            "lstrip_blocks": "true",
        }
    }
    found = set()
    for _, _, message, _, _ in extract_from_dir(
        str(REPO), method_map, options, keywords={"_": None, "ngettext": (1, 2)}
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def test_every_marked_message_is_in_the_spanish_catalogue_and_translated() -> None:
    catalog = _catalog("es")
    messages = {
        message.id if isinstance(message.id, str) else tuple(message.id): message for message in catalog if message.id
    }  # type: ignore[attr-defined]
    missing = sorted(str(item) for item in _extracted() - set(messages))
    assert not missing, f"not in {SPANISH.name}: run `make translations` and translate {missing}"
    untranslated = [
        str(key)
        for key, message in messages.items()
        if not message.string or (isinstance(message.string, tuple) and not all(message.string)) or message.fuzzy
    ]
    assert not untranslated, f"untranslated or fuzzy in Spanish: {untranslated}"


def test_spanish_plurals_have_every_form_of_the_language() -> None:
    catalog = _catalog("es")
    for message in catalog:  # type: ignore[attr-defined]
        if message.pluralizable:
            assert len(message.string) == catalog.num_plurals and all(message.string), message.id  # type: ignore[attr-defined]


def test_placeholders_are_kept_in_spanish() -> None:
    for message in _catalog("es"):  # type: ignore[attr-defined]
        if not message.id:
            continue
        source = message.id if isinstance(message.id, str) else message.id[-1]
        targets = [message.string] if isinstance(message.string, str) else list(message.string)
        for target in targets:
            assert sorted(re.findall(r"%\(\w+\)s", source)) == sorted(re.findall(r"%\(\w+\)s", target)), message.id


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_is_fresh(lang: str) -> None:
    compiled = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo"
    fresh = io.BytesIO()
    write_mo(fresh, _catalog(lang))  # type: ignore[arg-type]
    fresh.seek(0)
    with compiled.open("rb") as handle:
        committed = GNUTranslations(handle)
    assert committed._catalog == GNUTranslations(fresh)._catalog, f"run `make translations`: {compiled} is stale"  # type: ignore[attr-defined]


_TRANS_BLOCK = re.compile(r"{%-?\s*trans\b.*?{%-?\s*endtrans\s*-?%}", re.DOTALL)
_JINJA = re.compile(r"{{.*?}}|{%.*?%}|{#.*?#}", re.DOTALL)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1>", re.DOTALL)


def _unmarked_text(source: str) -> list[str]:
    """Text a person would read in a template that is not inside ``_()``/``ngettext()``/``{% trans %}``.

    Every Jinja expression and statement becomes a placeholder, so what is left between and
    inside the HTML tags is the template's own literal text."""
    text = _JINJA.sub("\x00", _TRANS_BLOCK.sub("\x00", source))
    text = _SCRIPT.sub(" ", text)
    pieces = _READ_ATTRIBUTES.findall(text) + _TAG.split(text)
    found = []
    for piece in pieces:
        for part in re.split(r"\x00|\n", _ENTITY.sub(" ", piece)):
            part = part.strip()
            words = " ".join(word for word in part.split() if word not in _UNTRANSLATED)
            if re.search(r"[A-Za-zÁÉÍÓÚáéíóúñ]{2,}", words):
                found.append(part)
    return sorted(found)


def test_no_template_text_is_left_unmarked_for_translation() -> None:
    problems = {}
    for path in sorted(Path(TEMPLATES).rglob("*.html")):
        unmarked = _unmarked_text(path.read_text(encoding="utf-8"))
        if unmarked:
            problems[str(path.relative_to(TEMPLATES))] = unmarked
    assert not problems, f"mark these for translation with _(): {problems}"


def test_the_checker_finds_unmarked_text_and_ignores_marked_text() -> None:
    assert _unmarked_text('<p>Hello there</p><img alt="A plane">') == ["A plane", "Hello there"]
    assert _unmarked_text('<p>{{ _("Hello") }}</p><img alt="{{ _(\'A plane\') }}">') == []
