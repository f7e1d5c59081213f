"""How a catalogue module declares a message: its key and its English, marked for extraction.

``_p(key, english)`` and ``_np(key, singular, plural, count)`` are the ``pgettext``/``npgettext``
of the catalogue modules: ``make translations`` extracts them (``-k _p:1c,2 -k _np:1c,2,3``) into
the ``messages`` domain with the key as ``msgctxt``, so the key the API reports as
``message_key`` is the context of the message in every language's ``.po``. The English here is
the ``msgid``; the other languages live only in ``locale/<lang>/LC_MESSAGES/messages.po``.
"""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    """One keyed message as written in the source: English, with ``str.format`` placeholders."""

    key: str
    english: str
    #: The English plural (``msgid_plural``) of a message that counts something, else None.
    plural: str | None = None
    #: The parameter whose number picks the plural form (``count``, say).
    counter: str | None = None


def _p(key: str, english: str) -> Message:
    """A message, found by ``key`` (its ``msgctxt``)."""
    return Message(key, english)


def _np(key: str, singular: str, plural: str, count: str) -> Message:
    """A message that counts something: the form is chosen by the number in parameter ``count``."""
    return Message(key, singular, plural, count)
