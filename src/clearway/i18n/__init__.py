"""Messages in English and Spanish: one gettext catalogue per language, shared by Python and templates.

Every sentence of a language is in ``locale/<lang>/LC_MESSAGES/messages.po`` (domain
``messages``), compiled to the ``messages.mo`` next to it; the pages' templates read the same
files (``clearway.web.pages.templating``). A keyed message (a finding, a service's refusal, a
line of the command line) is declared in a module under ``catalog/`` with its English and its
key::

    "service.bad_login": _p("service.bad_login", "The email address or the password is not right."),
    "export.written": _np("export.written", "Wrote {path} ({count} passenger).",
                          "Wrote {path} ({count} passengers).", "count"),

``make translations`` extracts these with the key as ``msgctxt``, so a message's key (the API's
``message_key``) is its context in every language and never depends on its English. English is
the source language: its text is the ``msgid``. ``str.format`` placeholders (``{path}``) are kept
in every language; a plural message picks its form by the number in its counting parameter (``count``),
with the plural rules of the language (``Plural-Forms`` of its ``.po``).

To add a message: write it in the right ``catalog/*.py`` module, run ``make translations``,
translate the new, empty ``msgstr`` (or the ``msgstr[n]`` of a plural) in
``locale/es/LC_MESSAGES/messages.po`` (a changed English sentence comes back ``#, fuzzy``:
check the translation and remove the flag), and run ``make translations`` again to compile. The
tests fail while a message is missing or fuzzy in Spanish, has other placeholders than its
English, or the committed ``.mo`` is not what the ``.po`` compiles to.

The catalogues are read once per process: ``catalogue()`` is a dictionary by key, so
``translate`` costs a few dictionary look-ups, even for every finding of a large manifest.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from importlib.resources import files
from pathlib import Path
from typing import Any

from babel.support import NullTranslations, Translations

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Finding, Phrase
from clearway.i18n.message import Message

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
LOCALE_DIR = Path(str(files("clearway") / "locale"))
DOMAIN = "messages"
_CATALOG_MODULES = (
    "findings",
    "inputs",
    "holds",
    "report",
    "clearance",
    "signatures",
    "service",
    "store",
    "commands",
    "paxlst",
    "spreadsheet",
    "record",
    "web",
    "api",
    "notify",
    "annex9",
    "finding_titles",
    "verify",
    "limits",
)


@cache
def translations(lang: str) -> NullTranslations:
    """The compiled catalogue (``messages.mo``) of ``lang``; English, the source language, may have none."""
    found = Translations.load(str(LOCALE_DIR), [lang], domain=DOMAIN)
    return found if isinstance(found, Translations) else NullTranslations()


@cache
def messages() -> dict[str, Message]:
    """Every keyed message as the ``catalog/*.py`` modules declare it, in English."""
    merged: dict[str, Message] = {}
    for name in _CATALOG_MODULES:
        module = import_module(f"clearway.i18n.catalog.{name}")
        for key, message in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (catalog/{name}.py)")
            if not isinstance(message, Message):
                raise RuntimeError(f"message {key!r} in catalog/{name}.py is not declared with _p() or _np()")
            if key != message.key:
                raise RuntimeError(f"message {key!r} in catalog/{name}.py is declared with the key {message.key!r}")
            merged[key] = message
    return merged


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every keyed message's sentence by key, in every language (read once from the ``.mo`` files).

    A message that counts something gives its plural form here (the form for 2); ``translate``
    picks the form for its count."""
    result: dict[str, dict[str, str]] = {}
    for key, message in messages().items():
        texts: dict[str, str] = {}
        for lang in LANGUAGES:
            compiled = translations(lang)
            if message.plural is None:
                texts[lang] = str(compiled.pgettext(key, message.english))
            else:
                texts[lang] = compiled.npgettext(key, message.english, message.plural, 2)
        result[key] = texts
    return result


@cache
def _plurals() -> dict[str, Message]:
    return {key: message for key, message in messages().items() if message.plural is not None}


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence for ``key`` in ``lang`` with its placeholders filled.

    ``Phrase`` parameters are translated too; ``None`` shows as an empty string. A message that
    counts something takes the form for the number in its count parameter.
    """
    plural = _plurals().get(key)
    if plural is None:
        texts = catalogue()[key]
        template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    else:
        template = _counted(plural, lang if lang in LANGUAGES else DEFAULT_LANGUAGE, params.get(plural.counter or ""))
    shown = {name: _shown(value, lang) for name, value in params.items()}
    return template.format(**shown)


def _counted(message: Message, lang: str, count: Any) -> str:
    try:
        number = int(count)
    except (TypeError, ValueError):
        number = 2  # no number to count by: the plural form
    assert message.plural is not None
    return translations(lang).npgettext(message.key, message.english, message.plural, number)


def _shown(value: Any, lang: str) -> Any:
    if isinstance(value, Phrase):
        return ", ".join(_term(key, lang) for key in value.keys)
    if value is None:
        return ""
    return value


def _term(key: str, lang: str) -> str:
    texts = catalogue().get(f"term.{key}")
    if texts is None:
        return key.replace("_", " ")  # a value of the user's own (a hold type, say): as written
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def finding_title(code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The short title of a finding code in ``lang`` (``catalog/finding_titles.py``), or the code
    itself for one this version does not know (a record written by a newer one)."""
    texts = catalogue().get(f"finding_title.{code}")
    if texts is None:
        return code
    return texts.get(lang) or texts[DEFAULT_LANGUAGE]


def render_finding(finding: Finding, lang: str = DEFAULT_LANGUAGE) -> str:
    """The finding's message in ``lang``."""
    key = finding.message_key
    if key not in catalogue():  # a variant without its own sentence uses the code's
        key = str(finding.code)
    return translate(key, lang, seq=finding.seq, field=finding.field, **finding.params)


def render_unusable(error: UnusableInput, lang: str = DEFAULT_LANGUAGE) -> str:
    """The one sentence that says why an input cannot be used."""
    return translate(error.key, lang, **error.params)
