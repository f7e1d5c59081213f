"""Layout pieces for fpdf2 documents: a QR code as vector paths, captions in boxes, paragraphs and text fitted to
a width. Fixed text is wrapped once per process (``wrapped``) and placed with ``text()``: fpdf2's line layout
is most of the time a page of forms takes when it runs for every caption on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import segno
from fpdf import FPDF

#: Text wrapped to a width, by (text, width, style, size).
_WRAPPED: dict[tuple[str, float, str, float], list[str]] = {}


def draw_qr(pdf: FPDF, text: str, x: float, y: float, size: float) -> None:
    """The QR code as one filled path of its dark runs: vector, sharp at any zoom.

    One path filled once, not a rectangle filled per run: separately filled rectangles leave faint seams
    between rows when a page is rasterised, and those defeat some decoders (jsQR on /verify among them).
    fpdf2's own path API takes seconds for the few thousand runs of a clearance, so the operators are
    written directly (``re`` rectangles in points, origin at the bottom left, then one ``f`` fill).
    """
    matrix = segno.make_qr(text, error="m", boost_error=False).matrix
    quiet = 4  # the quiet zone ISO/IEC 18004 asks for, in modules
    module = size / (len(matrix) + 2 * quiet)
    scale = pdf.k
    rectangles = []
    for row_index, row in enumerate(matrix):
        top = pdf.h - (y + (quiet + row_index) * module)
        column = 0
        while column < len(row):
            if not row[column]:
                column += 1
                continue
            start = column
            while column < len(row) and row[column]:
                column += 1
            left, width = x + (quiet + start) * module, (column - start) * module
            rectangles.append(f"{left * scale:.3f} {top * scale:.3f} {width * scale:.3f} {-module * scale:.3f} re")
    pdf._out("q 0 g " + " ".join(rectangles) + " f Q")


def blank_lines(pdf: FPDF, x: float, y: float, width: float, count: int) -> float:
    pdf.set_draw_color(150)
    for _ in range(count):
        y += 4.2
        pdf.line(x, y, x + width, y)
    pdf.set_draw_color(0)
    return y + 0.8


def header_cell(pdf: FPDF, x: float, y: float, width: float, height: float, text: str) -> None:
    """A caption centred in its box, wrapped as needed."""
    pdf.rect(x, y, width, height)
    lines = wrapped(pdf, text, width - 1)
    pdf.set_xy(x + 0.5, y + max(0.4, (height - 2.6 * len(lines)) / 2))
    paragraph(pdf, width - 1, 2.6, text, centred=True)


def wrapped(pdf: FPDF, text: str, width: float) -> list[str]:
    """The lines ``multi_cell`` would break ``text`` into, in the current font (worked out once per process:
    the forms' fixed captions and paragraphs are the same on every page of every document)."""
    key = (text, width, pdf.font_style, pdf.font_size_pt)
    lines = _WRAPPED.get(key)
    if lines is None:
        lines = cast(list[str], pdf.multi_cell(width, 3, text, dry_run=True, output="LINES"))
        _WRAPPED[key] = lines
    return lines


def paragraph(pdf: FPDF, width: float, line_height: float, text: str, *, centred: bool = False) -> None:
    """``multi_cell`` for fixed text: the wrapped lines placed with text(); the position moves below them."""
    x, y = pdf.get_x(), pdf.get_y()
    lines = wrapped(pdf, text, width)
    for index, line in enumerate(lines):
        baseline = y + line_height * index + line_height / 2 + pdf.font_size / 3
        offset = (width - pdf.get_string_width(line)) / 2 if centred else pdf.c_margin
        pdf.text(x + offset, baseline, line)
    pdf.set_xy(x, y + line_height * len(lines))


def fitted_cell(
    pdf: FPDF, width: float, height: float, text: str, sizes: Sequence[float], *, bold: bool = False
) -> None:
    """The text whole at the largest size that fits the width; at the smallest, wrapped onto two lines."""
    style = "B" if bold else ""
    for size in sizes:
        pdf.set_font(pdf.font_family, style, size)
        if pdf.get_string_width(text) <= width:
            pdf.cell(width, height, text)
            return
    x, y = pdf.get_x(), pdf.get_y()
    pdf.multi_cell(width, height / 2, text, max_line_height=height / 2)
    pdf.set_xy(x + width, y)
