"""Message catalogues in English and Spanish.

Each feature keeps its sentences in its own module under ``catalog/`` as
``MESSAGES = {key: {"en": ..., "es": ...}}`` with ``str.format`` placeholders.
Whole sentences are translated, never a title over English text. A test checks
that every key has both languages with the same placeholders.

Why not gettext .po files: the catalogue is small and keyed by stable finding
codes, and Python dictionaries need no compile step on a fresh machine; the
parity test does what a translation tool's "untranslated" report would.
"""

from __future__ import annotations

from functools import cache
from importlib import import_module
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.findings import Finding, Phrase

LANGUAGES = ("en", "es")
DEFAULT_LANGUAGE = "en"
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
    "verify",
    "limits",
)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """Every message by key, in every language: the compiled ``keyed`` catalogues where they
    exist (``clearway.i18n.keyed``), over the Python catalogues."""
    from clearway.i18n.keyed import overlay

    return overlay(python_catalogue(), LANGUAGES)


@cache
def python_catalogue() -> dict[str, dict[str, str]]:
    """The messages of the Python catalogue modules (``catalog/*.py``)."""
    merged: dict[str, dict[str, str]] = {}
    for name in _CATALOG_MODULES:
        module = import_module(f"clearway.i18n.catalog.{name}")
        for key, texts in module.MESSAGES.items():
            if key in merged:
                raise RuntimeError(f"message key {key!r} is defined twice (catalog/{name}.py)")
            merged[key] = texts
    return merged


def translate(key: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence for ``key`` in ``lang`` with its placeholders filled.

    ``Phrase`` parameters are translated too; ``None`` shows as an empty string.
    """
    texts = catalogue()[key]
    template = texts.get(lang) or texts[DEFAULT_LANGUAGE]
    shown = {name: _shown(value, lang) for name, value in params.items()}
    return template.format(**shown)


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


def render_finding(finding: Finding, lang: str = DEFAULT_LANGUAGE) -> str:
    """The finding's message in ``lang``."""
    key = finding.message_key
    if key not in catalogue():  # a variant without its own sentence uses the code's
        key = str(finding.code)
    return translate(key, lang, seq=finding.seq, field=finding.field, **finding.params)


def render_unusable(error: UnusableInput, lang: str = DEFAULT_LANGUAGE) -> str:
    """The one sentence that says why an input cannot be used."""
    return translate(error.key, lang, **error.params)
