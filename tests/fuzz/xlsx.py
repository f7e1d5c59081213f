"""Writing XLSX files part by part, so that a test can make any part hostile.

``Workbook`` holds the parts of a minimal, valid workbook (one worksheet, shared strings,
styles with a date format); a test replaces or breaks one of them and calls ``to_bytes``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
WORKSHEET = f"{DOC_RELS}/worksheet"
CHARTSHEET = f"{DOC_RELS}/chartsheet"

DATE_STYLE = 1  # cellXfs index of the yyyy-mm-dd format below


@dataclass
class Cell:
    """One ``<c>``: ``ref`` None leaves the reference out; ``kind`` is the ``t`` attribute."""

    value: str
    kind: str | None = "inlineStr"
    ref: str | None = None
    style: int | None = None

    def xml(self) -> str:
        attrs = ""
        if self.ref is not None:
            attrs += f" r={quoteattr(self.ref)}"
        if self.kind is not None:
            attrs += f" t={quoteattr(self.kind)}"
        if self.style is not None:
            attrs += f' s="{self.style}"'
        if self.kind == "inlineStr":
            return f'<c{attrs}><is><t xml:space="preserve">{escape(self.value)}</t></is></c>'
        return f"<c{attrs}><v>{escape(self.value)}</v></c>"


@dataclass
class Row:
    """One ``<row>``: ``number`` None leaves ``r`` out (the row after the one before)."""

    cells: Sequence[Cell]
    number: str | None = None

    def xml(self) -> str:
        attrs = f" r={quoteattr(self.number)}" if self.number is not None else ""
        return f"<row{attrs}>{''.join(cell.xml() for cell in self.cells)}</row>"


def text_row(values: Sequence[str], number: int | str | None = None) -> Row:
    """A row of inline-string cells with references (``A5``, ``B5``, ...) when the number is known."""
    cells = []
    for column, value in enumerate(values):
        ref = f"{column_letters(column + 1)}{number}" if isinstance(number, int) else None
        cells.append(Cell(value, ref=ref))
    return Row(cells, str(number) if number is not None else None)


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def sheet_xml(rows: Sequence[Row]) -> str:
    body = "".join(row.xml() for row in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>{body}</sheetData></worksheet>'


def shared_strings_xml(strings: Sequence[str]) -> str:
    items = "".join(f"<si><t>{escape(text)}</t></si>" for text in strings)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{len(strings)}">{items}</sst>'


STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{MAIN}">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>'
    '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>'
)


@dataclass
class Workbook:
    """The parts of a workbook, by name; ``sheets`` are (name, relationship type, target) in order."""

    parts: dict[str, bytes] = field(default_factory=dict)
    sheets: list[tuple[str, str, str]] = field(
        default_factory=lambda: [("Manifest", WORKSHEET, "worksheets/sheet1.xml")]
    )
    compression: int = zipfile.ZIP_DEFLATED
    #: Parts left out of the archive (any of them, the structure's included).
    dropped: set[str] = field(default_factory=set)

    @classmethod
    def with_rows(cls, rows: Sequence[Row], shared: Sequence[str] = ()) -> Workbook:
        workbook = cls()
        workbook.parts["xl/worksheets/sheet1.xml"] = sheet_xml(rows).encode()
        workbook.parts["xl/sharedStrings.xml"] = shared_strings_xml(shared).encode()
        workbook.parts["xl/styles.xml"] = STYLES.encode()
        return workbook

    def structure(self) -> dict[str, bytes]:
        sheets = "".join(
            f'<sheet name={quoteattr(name)} sheetId="{i + 1}" r:id="rId{i + 1}"/>'
            for i, (name, _, _) in enumerate(self.sheets)
        )
        relations = "".join(
            f'<Relationship Id="rId{i + 1}" Type="{kind}" Target={quoteattr(target)}/>'
            for i, (_, kind, target) in enumerate(self.sheets)
        )
        extra = len(self.sheets)
        relations += (
            f'<Relationship Id="rId{extra + 1}" Type="{DOC_RELS}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId{extra + 2}" Type="{DOC_RELS}/styles" Target="styles.xml"/>'
        )
        return {
            "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
            "_rels/.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">'
                f'<Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
            ).encode(),
            "xl/workbook.xml": (
                f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}">'
                f"<sheets>{sheets}</sheets></workbook>"
            ).encode(),
            "xl/_rels/workbook.xml.rels": (
                f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{RELS}">{relations}</Relationships>'
            ).encode(),
        }

    def to_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", self.compression) as archive:
            for name, data in {**self.structure(), **self.parts}.items():
                if name not in self.dropped:
                    archive.writestr(name, data)
        return out.getvalue()
