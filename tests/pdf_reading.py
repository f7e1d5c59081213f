"""Reading a PDF back as an official would: its text (pypdf), its pages as images, their QR codes (zxing-cpp)."""

from __future__ import annotations

import io
import re

import pypdfium2
import zxingcpp
from pypdf import PdfReader

#: 200 dpi, a common office scan; a QR code that decodes at this resolution scans from paper.
SCAN_SCALE = 200 / 72


def page_texts(pdf: bytes) -> list[str]:
    """Each page's text, runs of white space made one space (a caption wrapped in its box reads as one line)."""
    reader = PdfReader(io.BytesIO(pdf))
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in reader.pages]


def qr_codes(pdf: bytes, page_index: int) -> list[str]:
    """The text of every QR code zxing-cpp finds on the page rendered at ``SCAN_SCALE``."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[page_index].render(scale=SCAN_SCALE).to_pil()
    finally:
        document.close()
    return [found.text for found in zxingcpp.read_barcodes(image) if found.format == zxingcpp.BarcodeFormat.QRCode]


def embedded_fonts(pdf: bytes) -> set[str]:
    """The base names of the fonts whose program is embedded in the file (FontFile2: TrueType)."""
    reader = PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", []):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                if "/FontFile2" in descriptor:
                    names.add(str(descriptor["/FontName"]).split("+")[-1])
    return names
