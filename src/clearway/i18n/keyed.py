"""The ``keyed`` gettext domain: the message catalogues as ``.po``/``.mo`` files, each message's
key (``service.bad_login``) kept as its ``msgctxt`` so the API's ``message_key`` never changes.

``locale/<lang>/LC_MESSAGES/keyed.mo`` is read when present; a key it lacks (added to a
Python catalogue since the files were last built) is taken from the Python catalogue, so a
message is never missing. The files are built by the converter that merges the Python
catalogues into ``keyed.po`` and compiles it.
"""

from __future__ import annotations

from gettext import GNUTranslations
from importlib.resources import files
from pathlib import Path

DOMAIN = "keyed"
LOCALE_DIR = Path(str(files("clearway") / "locale"))
_CONTEXT_SEPARATOR = "\x04"


def compiled_path(lang: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"


def read_compiled(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str] | None:
    """``{key: sentence}`` of one language's compiled catalogue, or None when there is none."""
    path = compiled_path(lang, locale_dir)
    if not path.exists():
        return None
    with path.open("rb") as handle:
        compiled = GNUTranslations(handle)
    messages: dict[str, str] = {}
    catalog: dict[object, str] = compiled._catalog  # type: ignore[attr-defined]  # the parsed .mo, by msgid
    for msgid, text in catalog.items():
        if not isinstance(msgid, str) or _CONTEXT_SEPARATOR not in msgid:
            continue  # the header, or a message without a key
        key, english = msgid.split(_CONTEXT_SEPARATOR, 1)
        messages[key] = text or english
    return messages


def overlay(
    python: dict[str, dict[str, str]], languages: tuple[str, ...], locale_dir: Path = LOCALE_DIR
) -> dict[str, dict[str, str]]:
    """The Python catalogue with every sentence the compiled catalogues hold put over it."""
    merged = {key: dict(texts) for key, texts in python.items()}
    for lang in languages:
        compiled = read_compiled(lang, locale_dir)
        if compiled is None:
            continue
        for key, text in compiled.items():
            merged.setdefault(key, {})[lang] = text
    return merged
