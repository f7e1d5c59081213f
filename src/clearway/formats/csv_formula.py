"""CSV cells that a spreadsheet would take as a formula, neutralised on writing and restored on reading.

A spreadsheet program opening a CSV evaluates a cell that starts with ``=``, ``+``, ``-``
or ``@`` (and, in some programs, a tab or a carriage return before one): a manifest note
``=HYPERLINK(...)`` would become a live formula on an official's screen (OWASP, "CSV
Injection"). OWASP's remedy is a single quote in front of such a cell, which spreadsheets
show as text. A manifest CSV that Clearway wrote must still read back as exactly the same
people, so the reader takes that quote away again, and the writer also quotes a cell that
already starts with quotes and then one of those characters, so that nothing is lost:

- writing: a cell starting with one of ``= + - @``, tab or carriage return, or with one or
  more ``'`` followed by one of them, gets one more ``'`` in front;
- reading: a cell starting with one or more ``'`` followed by one of them loses its first
  ``'``.

``restore(neutralise(text)) == text`` for every text. A hand-made CSV keeps any other
leading apostrophe (``'t Hooft``); only a quote before a formula character is read as the
spreadsheet convention for "this is text", not as part of the value. docs/spreadsheets.md
states the rule for people who read or write these files.
"""

from __future__ import annotations

#: What a spreadsheet may read as the start of a formula (OWASP's list).
FORMULA_STARTS = frozenset("=+-@\t\r")
_QUOTE = "'"


def _escaped(text: str) -> bool:
    """Whether ``text`` is quotes followed by a formula character (``'=``, ``''+``)."""
    rest = text.lstrip(_QUOTE)
    return len(rest) < len(text) and rest[:1] in FORMULA_STARTS


def neutralise(text: str) -> str:
    """The cell as written to a CSV: never the start of a formula, and :func:`restore` gives ``text`` back."""
    if text[:1] in FORMULA_STARTS or (text[:1] == _QUOTE and _escaped(text)):
        return _QUOTE + text
    return text


def restore(cell: str) -> str:
    """The value a cell read from a CSV stands for: the quote :func:`neutralise` adds taken away."""
    if cell[:1] == _QUOTE and _escaped(cell):
        return cell[1:]
    return cell


def neutralise_row(cells: list[str]) -> list[str]:
    return [neutralise(cell) for cell in cells]
