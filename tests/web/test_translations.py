"""The gettext catalogues (domain ``messages``): every message of the pages and every keyed message
of ``clearway/i18n/catalog`` in Spanish with its placeholders, the compiled files fresh, no
template text left unmarked."""

from __future__ import annotations

import io
import re
import string
from gettext import GNUTranslations
from pathlib import Path
from typing import Any

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from clearway.i18n import LOCALE_DIR
from clearway.web.pages.templating import TEMPLATES
from tests.conftest import REPO

LANGUAGES = ("en", "es")
SPANISH = LOCALE_DIR / "es" / "LC_MESSAGES" / "messages.po"
#: The keywords of ``make translations``: the gettext defaults, and the catalogue modules' own.
KEYWORDS: dict[str, Any] = {**DEFAULT_KEYWORDS, "_p": ((1, "c"), 2), "_np": ((1, "c"), 2, 3)}
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
Identity = tuple[str | None, object]


def _catalog(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return read_po(handle, locale=lang)


def _identity(context: str | None, message: object) -> Identity:
    return context, message if isinstance(message, str) else tuple(message)  # type: ignore[call-overload]


def _extracted() -> set[Identity]:
    """What ``make translations`` extracts (the mapping of ``babel.cfg``): (msgctxt, msgid)."""
    with (LOCALE_DIR / "babel.cfg").open(encoding="utf-8") as handle:
        method_map, options = parse_mapping_cfg(handle)
    found = set()
    for _, _, message, _, context in extract_from_dir(str(REPO), method_map, options, keywords=KEYWORDS):
        found.add(_identity(context, message))
    return found


def _messages(lang: str) -> dict[Identity, Any]:
    return {_identity(message.context, message.id): message for message in _catalog(lang) if message.id}


def test_the_keyed_messages_are_extracted_with_their_key_as_context() -> None:
    from clearway.i18n import messages

    extracted = _extracted()
    for key, message in messages().items():
        source = message.english if message.plural is None else (message.english, message.plural)
        assert (key, source) in extracted, f"{key} is not extracted as written in its catalogue module"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_extracted_message_is_in_the_catalogue_and_nothing_else(lang: str) -> None:
    messages = _messages(lang)
    extracted = _extracted()
    missing = sorted(str(item) for item in extracted - set(messages))
    assert not missing, f"not in {lang}/messages.po: run `make translations` and translate {missing}"
    stale = sorted(str(item) for item in set(messages) - extracted)
    assert not stale, f"in {lang}/messages.po but no longer in the source: run `make translations`: {stale}"


def test_every_message_is_translated_in_spanish_and_none_is_fuzzy() -> None:
    untranslated = [
        str(key)
        for key, message in _messages("es").items()
        if not message.string or (isinstance(message.string, tuple) and not all(message.string)) or message.fuzzy
    ]
    assert not untranslated, f"untranslated or fuzzy in {SPANISH}: {untranslated}"


def test_spanish_plurals_have_every_form_of_the_language() -> None:
    catalog = _catalog("es")
    for message in catalog:
        if message.pluralizable:
            assert len(message.string) == catalog.num_plurals and all(message.string), message.id


def _placeholders(text: str, keyed: bool) -> list[str]:
    """The ``%(name)s`` of a page message, or the ``{name}`` of a keyed message (one with a msgctxt)."""
    if keyed:
        return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)
    return sorted(re.findall(r"%\(\w+\)s", text))


def test_placeholders_are_kept_in_spanish() -> None:
    for message in _catalog("es"):
        if not message.id:
            continue
        keyed = message.context is not None
        sources = [message.id] if isinstance(message.id, str) else list(message.id)
        expected = _placeholders(sources[-1], keyed)
        assert all(_placeholders(source, keyed) == expected for source in sources), message.id
        targets = [message.string] if isinstance(message.string, str) else list(message.string)
        for target in targets:
            assert _placeholders(target, keyed) == expected, (message.context, message.id, target)


def test_the_placeholder_check_sees_a_lost_or_renamed_placeholder() -> None:
    assert _placeholders("There is no request {request}.", True) != _placeholders("No existe la solicitud.", True)
    assert _placeholders("{count} row", True) != _placeholders("{cuenta} fila", True)
    assert _placeholders("%(num)s flight", False) == _placeholders("%(num)s vuelo", False)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_compiled_catalogue_is_fresh(lang: str) -> None:
    compiled = LOCALE_DIR / lang / "LC_MESSAGES" / "messages.mo"
    fresh = io.BytesIO()
    write_mo(fresh, _catalog(lang))
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
