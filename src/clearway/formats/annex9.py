"""The ICAO Annex 9 General Declaration and Passenger Manifest of one request version, as PDF.

Made with fpdf2 (pure Python, installs from the package index alone); the DejaVu fonts
under ``fonts/`` are embedded (subset), so every name prints as written, diacritics
included, on any machine. What the forms say is decided by ``clearway.domain.annex9``;
this module only lays it out: A4 portrait, every caption in English and Spanish.

Every page's footer names the request, the version, its manifest hash, the clearance
number and "page x of y". Each General Declaration page carries the clearance's QR code
(``clearway.domain.clearance_qr``: the signed JWS, packed), so an official can verify it
offline with the /verify page or ``clearway clearance verify``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from fpdf import FPDF

from clearway.domain.annex9 import (
    Annex9Forms,
    GeneralDeclaration,
    ManifestLine,
    Moment,
    Place,
    annex9_forms,
)
from clearway.domain.clearance import ClearanceClaims
from clearway.domain.clearance_qr import pack
from clearway.domain.clearance_text import shown_time
from clearway.domain.reference import ReferenceData
from clearway.domain.snapshot import RequestSnapshot
from clearway.formats.pdf_layout import blank_lines, draw_qr, fitted_cell, header_cell, paragraph
from clearway.i18n import translate
from clearway.signing import ClearanceInvalid, KeySet, token_from_text, verify_clearance

FONTS = Path(__file__).parent / "fonts"
SANS = "DejaVuSansCondensed"
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 210.0, 297.0, 12.0
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN
FOOTER_TOP = PAGE_HEIGHT - 16.0
QR_SIZE = 52.0  # mm: about 0.55 mm a module at the version a clearance needs (docs/benchmarks.md)
#: Passenger Manifest columns (mm): seq, name as written, MRZ form, operator's, official's.
COLUMNS = (11.0, 57.0, 58.0, 30.0, 30.0)
ROW_HEIGHT = 5.6
NAME_SIZES = (8.0, 7.0, 6.0, 5.2)  # a long name is printed smaller, never cut
EXCLUDED_SHADE = (225, 225, 225)


@dataclass(frozen=True)
class PrintedClearance:
    """The clearance a PDF prints: the compact JWS as issued and its (verified) claims."""

    token: str
    claims: ClearanceClaims
    development: bool = False  # signed under the published development secret: proves nothing

    @classmethod
    def verified(cls, token: str, keys: KeySet) -> PrintedClearance:
        """The clearance ``token`` (the JWS, or what a QR code holds) once it verifies against ``keys`` (its
        issuer's key, not revoked) and grants the landing; ``clearway.signing.ClearanceInvalid`` otherwise: a
        PDF never prints a clearance that would be refused, nor a denial or request for information as one."""
        compact = token_from_text(token)
        verified = verify_clearance(compact, keys)
        claims = verified.claims
        if not claims.decision.grants or claims.number is None:
            raise ClearanceInvalid("claims", key_id=claims.key_id, detail=f"a {claims.decision} is not a clearance")
        return cls(token=compact, claims=claims, development=verified.development)


def write_annex9_pdf(
    snapshot: RequestSnapshot,
    *,
    version: int,
    clearance: PrintedClearance | None = None,
    reference_data: ReferenceData | None = None,
) -> bytes:
    """The Annex 9 PDF of one request version.

    ``snapshot`` is the version's content (flight and manifest, ``RequestSnapshot``) and
    ``version`` its number. ``clearance`` is the one that covers it: the clearance granted
    for this version, or, for a version amended after approval without a new decision, the
    one granted for the version decided on (the PDF then says "cleared for version N");
    ``None`` prints "not cleared" and no QR code. ``reference_data`` finds the airports'
    countries and time zones (default: the packaged airportsdata/pycountry tables).
    Returns the PDF's bytes.
    """
    if reference_data is None:
        from clearway.reference import PackagedReferenceData  # reads package data only when needed

        reference_data = PackagedReferenceData()
    forms = annex9_forms(snapshot, version, reference_data, clearance.claims if clearance else None)
    development = clearance is not None and (clearance.development or clearance.claims.development_key)
    pdf = _Annex9Document(forms, development=development)
    for declaration in forms.declarations:
        pdf.add_page()
        _general_declaration(pdf, forms, declaration, clearance)
    for page_number, lines in enumerate(_manifest_pages(forms.passengers)):
        pdf.add_page()
        _passenger_manifest(pdf, forms, lines, first=page_number == 0)
    return bytes(pdf.output())


def both(key: str, **params: object) -> str:
    """A caption in English and Spanish, ``English / Español`` (once when they are the same)."""
    english, spanish = translate(key, "en", **params), translate(key, "es", **params)
    return english if english == spanish else f"{english} / {spanish}"


class _Annex9Document(FPDF):
    def __init__(self, forms: Annex9Forms, *, development: bool = False) -> None:
        super().__init__(orientation="P", unit="mm", format="A4")
        self.forms = forms
        #: The clearance was signed with a key only the published development secret protects.
        self.development = development
        self.set_margins(MARGIN, MARGIN, MARGIN)
        self.set_auto_page_break(False)
        self.add_font(SANS, "", str(FONTS / "DejaVuSansCondensed.ttf"))
        self.add_font(SANS, "B", str(FONTS / "DejaVuSansCondensed-Bold.ttf"))
        self.set_title(f"{both('annex9.gd.title')} · {both('annex9.manifest.title')} · {forms.reference}")
        self.set_creator("Clearway")
        self.alias_nb_pages()

    def header(self) -> None:
        if self.development:
            _development_warning(self)

    def footer(self) -> None:
        if self.development:
            _development_mark(self)
        forms = self.forms
        self.set_draw_color(0)
        self.line(MARGIN, FOOTER_TOP, PAGE_WIDTH - MARGIN, FOOTER_TOP)
        self.set_xy(MARGIN, FOOTER_TOP + 1)
        self.set_font(SANS, "", 7)
        number = forms.clearance.number if forms.clearance else both("annex9.footer.not_cleared")
        cleared = ""
        if forms.cleared_version is not None:
            cleared = " · " + both("annex9.clearance.cleared_for", version=forms.cleared_version)
        fitted_cell(
            self,
            CONTENT_WIDTH,
            3.5,
            f"{both('annex9.footer.request', reference=forms.reference, version=forms.version)} · "
            f"{both('annex9.footer.clearance')} {number}{cleared}",
            (7.0, 6.5, 6.0, 5.5),
        )
        self.set_xy(MARGIN, FOOTER_TOP + 5)
        label = both("annex9.footer.manifest") + ": "
        self.set_font(SANS, "", 7)
        label_width = self.get_string_width(label)
        self.cell(label_width, 3.5, label)
        self.set_font(SANS, "", 6.5)
        self.cell(self.get_string_width(forms.manifest_hash) + 1, 3.5, forms.manifest_hash)
        self.set_font(SANS, "B", 7)
        page = both("annex9.footer.page", page=self.page_no(), pages="{nb}")
        self.set_x(PAGE_WIDTH - MARGIN - 45)
        self.cell(45, 3.5, page, align="R")


def _development_warning(pdf: FPDF) -> None:
    """On every page of a demonstration PDF: a red banner in the top margin, in both languages (and, with
    the footer, :func:`_development_mark`)."""
    pdf.set_font(SANS, "B", 8)
    with pdf.local_context(text_color=(190, 0, 0), draw_color=(190, 0, 0), line_width=0.6):
        pdf.rect(MARGIN, 1.5, CONTENT_WIDTH, 9.5)
        for line, lang in enumerate(("en", "es")):
            pdf.set_xy(MARGIN + 1, 2.2 + line * 4.3)
            fitted_cell(
                pdf, CONTENT_WIDTH - 2, 4, translate("annex9.development.banner", lang), (8.0, 7.5, 7.0, 6.5, 6.0),
                bold=True,
            )  # fmt: skip
    pdf.set_xy(MARGIN, MARGIN)


def _development_mark(pdf: FPDF) -> None:
    """A large DEMO across the lower page, clear of the QR code (which still scans), drawn with the footer
    over the page's content, translucent so that what it covers stays legible."""
    with pdf.local_context(text_color=(190, 0, 0), fill_opacity=0.16):
        pdf.set_font(SANS, "B", 64)
        mark = "DEMO"
        centre_x, centre_y = PAGE_WIDTH / 2, PAGE_HEIGHT * 0.62
        with pdf.rotation(30, centre_x, centre_y):
            pdf.text(centre_x - pdf.get_string_width(mark) / 2, centre_y + 8, mark)


# --- General Declaration ------------------------------------------------------------------


def _general_declaration(
    pdf: _Annex9Document, forms: Annex9Forms, declaration: GeneralDeclaration, clearance: PrintedClearance | None
) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font(SANS, "B", 14)
    pdf.cell(CONTENT_WIDTH - QR_SIZE - 4, 7, both("annex9.gd.title"))
    pdf.ln(7.5)
    _direction(pdf)
    pdf.set_font(SANS, "", 7)
    pdf.set_x(MARGIN)
    pdf.cell(0, 4, both("annex9.gd.leg", number=declaration.leg_number, count=len(declaration.routing) - 1))
    pdf.ln(5)
    width = CONTENT_WIDTH - QR_SIZE - 4
    half = width / 2
    top = pdf.get_y()
    boxes = [
        ("annex9.field.operator", declaration.operator, MARGIN, top, width),
        ("annex9.field.registration", declaration.registration, MARGIN, top + 11, half),
        ("annex9.field.aircraft_type", declaration.aircraft_type, MARGIN + half, top + 11, half),
        ("annex9.field.flight_number", declaration.flight_number, MARGIN, top + 22, half),
        ("annex9.field.date", declaration.flight_date, MARGIN + half, top + 22, half),
        ("annex9.field.departure_from", _place(declaration.departure_place), MARGIN, top + 33, half),
        ("annex9.field.arrival_at", _place(declaration.arrival_place), MARGIN + half, top + 33, half),
    ]
    for key, value, x, y, box_width in boxes:
        _field_box(pdf, key, value, x, y, box_width)
    panel_bottom = _clearance_panel(pdf, forms, clearance, MARGIN + width + 4, MARGIN)
    pdf.set_xy(MARGIN, max(top + 46, panel_bottom + 1.5))
    _routing_table(pdf, forms, declaration)
    _health_and_declaration(pdf)


def _direction(pdf: FPDF) -> None:
    """Outward/Inward, with Outward struck out: these forms are for arrival in the receiving country."""
    pdf.set_font(SANS, "B", 10)
    outward = both("annex9.gd.outward")
    x, y = pdf.get_x(), pdf.get_y()
    pdf.cell(pdf.get_string_width(outward) + 1, 5, outward)
    pdf.line(x, y + 2.6, x + pdf.get_string_width(outward) + 1, y + 2.6)
    pdf.cell(6, 5, "  ✗")
    pdf.cell(0, 5, "   " + both("annex9.gd.inward") + "  ✓")
    pdf.ln(6)


def _field_box(pdf: FPDF, key: str, value: str, x: float, y: float, width: float) -> None:
    pdf.rect(x, y, width, 10)
    pdf.set_xy(x + 1, y + 0.6)
    fitted_cell(pdf, width - 2, 3, both(key), (6.5, 6.0, 5.5, 5.0))
    pdf.set_xy(x + 1, y + 4.2)
    fitted_cell(pdf, width - 2, 5, value, (10.0, 9.0, 8.0, 7.0, 6.0), bold=True)


def _clearance_panel(pdf: FPDF, forms: Annex9Forms, clearance: PrintedClearance | None, x: float, y: float) -> float:
    """The QR code and the clearance number above the right margin; returns where the panel ends."""
    pdf.rect(x, y, QR_SIZE, QR_SIZE)
    claims = forms.clearance
    if clearance is None or claims is None:
        pdf.set_xy(x + 2, y + QR_SIZE / 2 - 8)
        pdf.set_font(SANS, "B", 9)
        pdf.multi_cell(QR_SIZE - 4, 4, both("annex9.clearance.none"), align="C")
        return y + QR_SIZE
    draw_qr(pdf, pack(clearance.token), x, y, QR_SIZE)
    pdf.set_xy(x, y + QR_SIZE + 1)
    pdf.set_font(SANS, "B", 8)
    pdf.multi_cell(QR_SIZE, 3.6, both("annex9.clearance.number", number=claims.number), align="C")
    pdf.set_x(x)
    pdf.multi_cell(QR_SIZE, 3.6, both("annex9.clearance.cleared_for", version=claims.version), align="C")
    pdf.set_x(x)
    pdf.set_font(SANS, "", 6)
    paragraph(pdf, QR_SIZE, 2.6, both("annex9.clearance.scan"), centred=True)
    return pdf.get_y()


def _routing_table(pdf: FPDF, forms: Annex9Forms, declaration: GeneralDeclaration) -> None:
    pdf.set_font(SANS, "B", 9)
    pdf.cell(0, 5, both("annex9.routing.title"))
    pdf.ln(5.5)
    widths = (64.0, 18.0, 21.0, 21.0, 21.0, 21.0, CONTENT_WIDTH - 166.0)
    x, y = MARGIN, pdf.get_y()
    pdf.set_font(SANS, "", 6)
    # Two header rows: the passenger columns sit under "Number of passengers on this stage".
    header_cell(pdf, x, y, widths[0], 16, both("annex9.routing.place"))
    header_cell(pdf, x + widths[0], y, widths[1], 16, both("annex9.routing.crew"))
    passengers_x = x + widths[0] + widths[1]
    header_cell(pdf, passengers_x, y, sum(widths[2:6]), 4.5, both("annex9.routing.passengers"))
    header_cell(pdf, passengers_x, y + 4.5, widths[2] + widths[3], 3.5, both("annex9.routing.departure_place"))
    header_cell(
        pdf, passengers_x + widths[2] + widths[3], y + 4.5, widths[4] + widths[5], 3.5,
        both("annex9.routing.arrival_place"),
    )  # fmt: skip
    sub = (
        "annex9.routing.embarking",
        "annex9.routing.through",
        "annex9.routing.disembarking",
        "annex9.routing.through",
    )
    column_x = passengers_x
    for width, key in zip(widths[2:6], sub, strict=True):
        header_cell(pdf, column_x, y + 8, width, 8, both(key))
        column_x += width
    header_cell(pdf, column_x, y, widths[6], 16, both("annex9.routing.cargo"))
    y += 16
    for stage in declaration.routing:
        height = 9.0
        highlighted = stage.place.icao in (declaration.departure_place.icao, declaration.arrival_place.icao)
        values = (
            str(stage.crew),
            _count(stage.embarking),
            _count(stage.through_departing),
            _count(stage.disembarking),
            _count(stage.through_arriving),
            "",  # cargo: Clearway holds none; completed by hand
        )
        pdf.rect(x, y, widths[0], height)
        pdf.set_xy(x + 1, y + 0.5)
        pdf.set_font(SANS, "B" if highlighted else "", 8)
        fitted_cell(pdf, widths[0] - 2, 3.5, _place(stage.place), (8.0, 7.0, 6.0, 5.0), bold=highlighted)
        pdf.set_font(SANS, "", 6)
        for offset, (word, moment) in enumerate(
            (("annex9.routing.arrives", stage.arrival), ("annex9.routing.departs", stage.departure))
        ):
            if moment is not None:
                pdf.set_xy(x + 1, y + 4 + offset * 2.4)
                pdf.cell(widths[0] - 2, 2.4, f"{both(word)} {_moment(moment)}")
        column_x = x + widths[0]
        for width, value in zip(widths[1:], values, strict=True):
            pdf.rect(column_x, y, width, height)
            pdf.set_xy(column_x, y)
            pdf.set_font(SANS, "B", 10)
            pdf.cell(width, height, value, align="C")
            column_x += width
        y += height
    pdf.set_xy(MARGIN, y + 0.8)
    pdf.set_font(SANS, "", 6.5)
    pdf.multi_cell(
        CONTENT_WIDTH,
        3,
        both(
            "annex9.routing.others",
            escorts=declaration.escorts,
            medical_staff=declaration.medical_staff,
            monitors=declaration.monitors,
        ),
    )
    if forms.excluded_count:
        pdf.set_x(MARGIN)
        pdf.multi_cell(CONTENT_WIDTH, 3, both("annex9.routing.excluded", count=forms.excluded_count))
    pdf.set_x(MARGIN)
    pdf.set_font(SANS, "B", 6.5)
    pdf.multi_cell(CONTENT_WIDTH, 3, _clearance_summary(forms, conditions=True))
    pdf.ln(1.5)


def _health_and_declaration(pdf: FPDF) -> None:
    top = pdf.get_y()
    official_width = 48.0
    width = CONTENT_WIDTH - official_width - 3
    pdf.set_font(SANS, "B", 9)
    pdf.set_xy(MARGIN, top)
    pdf.cell(width, 5, both("annex9.health.title"))
    y = top + 5.5
    for key, lines in (("annex9.health.ill", 3), ("annex9.health.other", 2), ("annex9.health.disinsection", 2)):
        for lang in ("en", "es"):
            pdf.set_xy(MARGIN, y)
            pdf.set_font(SANS, "", 6.3 if lang == "en" else 6.0)
            paragraph(pdf, width, 2.7, translate(key, lang))
            y = pdf.get_y()
        y = blank_lines(pdf, MARGIN, y + 0.5, width, lines)
    pdf.set_xy(MARGIN, y + 0.5)
    pdf.set_font(SANS, "", 6.3)
    paragraph(pdf, width, 2.7, both("annex9.health.signed"))
    y = blank_lines(pdf, MARGIN, pdf.get_y(), width, 1)
    pdf.rect(MARGIN + width + 3, top, official_width, y - top)
    pdf.set_xy(MARGIN + width + 4, top + 1)
    pdf.set_font(SANS, "B", 7)
    paragraph(pdf, official_width - 2, 3, both("annex9.official_use"))
    y += 2
    for lang in ("en", "es"):
        pdf.set_xy(MARGIN, y)
        pdf.set_font(SANS, "", 6.5 if lang == "en" else 6.2)
        paragraph(pdf, CONTENT_WIDTH, 2.9, translate("annex9.declaration.text", lang))
        y = pdf.get_y() + 0.3
    bottom = y + 14
    pdf.set_font(SANS, "B", 8)
    pdf.set_xy(MARGIN, y + 1)
    pdf.cell(40, 4, both("annex9.declaration.signature"))
    pdf.set_font(SANS, "", 7)
    pdf.cell(4, 4, "☐")
    pdf.cell(45, 4, both("annex9.declaration.agent"))
    pdf.cell(4, 4, "☐")
    pdf.cell(45, 4, both("annex9.declaration.pilot"))
    for index, key in enumerate(("annex9.declaration.name", "annex9.declaration.when")):
        x = MARGIN + index * (CONTENT_WIDTH / 2)
        pdf.line(x, bottom, x + CONTENT_WIDTH / 2 - 6, bottom)
        pdf.set_xy(x, bottom + 0.3)
        pdf.set_font(SANS, "", 6.5)
        pdf.cell(CONTENT_WIDTH / 2 - 6, 3, both(key))


# --- Passenger Manifest -------------------------------------------------------------------

_MANIFEST_HEAD = 60.0  # mm used above the table on the first manifest page
_CONTINUED_HEAD = 22.0


def _manifest_pages(lines: Sequence[ManifestLine]) -> Iterator[Sequence[ManifestLine]]:
    table_bottom = FOOTER_TOP - 3
    first = int((table_bottom - MARGIN - _MANIFEST_HEAD) // ROW_HEIGHT)
    later = int((table_bottom - MARGIN - _CONTINUED_HEAD) // ROW_HEIGHT)
    yield lines[:first]
    for start in range(first, len(lines), later):
        yield lines[start : start + later]


def _passenger_manifest(
    pdf: _Annex9Document, forms: Annex9Forms, lines: Sequence[ManifestLine], *, first: bool
) -> None:
    pdf.set_xy(MARGIN, MARGIN)
    pdf.set_font(SANS, "B", 14)
    pdf.cell(0, 7, both("annex9.manifest.title"))
    pdf.ln(8)
    if first:
        top = pdf.get_y()
        half = CONTENT_WIDTH / 2
        boxes = [
            ("annex9.field.operator", forms.operator, MARGIN, top, half),
            ("annex9.field.registration", forms.registration, MARGIN + half, top, half),
            ("annex9.field.flight_number", forms.flight_number, MARGIN, top + 11, half),
            ("annex9.field.date", forms.flight_date, MARGIN + half, top + 11, half),
            ("annex9.field.embarkation", _place(forms.embarkation), MARGIN, top + 22, half),
            ("annex9.field.disembarkation", _place(forms.disembarkation), MARGIN + half, top + 22, half),
        ]
        for key, value, x, y, width in boxes:
            _field_box(pdf, key, value, x, y, width)
        pdf.set_xy(MARGIN, top + 33.5)
        pdf.set_font(SANS, "", 7)
        pdf.multi_cell(
            CONTENT_WIDTH, 3, both("annex9.manifest.count", count=len(forms.passengers), excluded=forms.excluded_count)
        )
        pdf.set_x(MARGIN)
        pdf.set_font(SANS, "B", 7)
        pdf.multi_cell(CONTENT_WIDTH, 3, _clearance_summary(forms, conditions=False))
        pdf.set_y(MARGIN + _MANIFEST_HEAD - 2)
    _manifest_header(pdf)
    y = pdf.get_y()
    for line in lines:
        _manifest_row(pdf, line, y)
        y += ROW_HEIGHT


def _clearance_summary(forms: Annex9Forms, *, conditions: bool) -> str:
    """The clearance in words: number, version, validity, restrictions (conditions text only where asked)."""
    claims = forms.clearance
    if claims is None:
        return both("annex9.clearance.none")
    parts = [
        both("annex9.clearance.number", number=claims.number) + ".",
        both("annex9.clearance.cleared_for", version=claims.version) + ".",
    ]
    if conditions and claims.valid_from is not None and claims.valid_until is not None:  # every approval has both
        issued = both(
            "annex9.clearance.issued",
            issuer=claims.issuer_name,
            country=claims.issuer_country,
            issued_at=shown_time(claims.issued_at),
            valid_from=shown_time(claims.valid_from),
            valid_until=shown_time(claims.valid_until),
        )
        parts.append(issued)
    if claims.version != forms.version:
        parts.append(both("annex9.clearance.later_version", version=forms.version, cleared=claims.version))
    if claims.excluded_seqs:
        parts.append(both("annex9.clearance.excluded", seqs=", ".join(str(seq) for seq in claims.excluded_seqs)))
    if conditions and claims.conditions:
        parts.append(both("annex9.clearance.conditions", conditions=claims.conditions))
    return " ".join(parts)


def _manifest_header(pdf: FPDF) -> None:
    keys = (
        "annex9.manifest.seq",
        "annex9.manifest.name",
        "annex9.manifest.mrz",
        "annex9.manifest.operator_use",
        "annex9.manifest.official_use",
    )
    x, y = MARGIN, pdf.get_y()
    pdf.set_font(SANS, "B", 6.5)
    for width, key in zip(COLUMNS, keys, strict=True):
        header_cell(pdf, x, y, width, 9, both(key))
        x += width
    pdf.set_y(y + 9)


def _manifest_row(pdf: FPDF, line: ManifestLine, y: float) -> None:
    # Text is placed with text() at its baseline rather than through cell(): a 9,999-passenger manifest
    # has 40,000 of these, and cell()'s line layout is most of the time a page takes.
    x = MARGIN
    if line.excluded:
        pdf.set_fill_color(*EXCLUDED_SHADE)
        pdf.rect(x, y, sum(COLUMNS), ROW_HEIGHT, style="F")
    for width in COLUMNS:
        pdf.rect(x, y, width, ROW_HEIGHT)
        x += width
    pdf.set_font(SANS, "", 8)
    _centred_text(pdf, MARGIN, COLUMNS[0], y, line.seq)
    _fitted_text(pdf, MARGIN + COLUMNS[0] + 0.8, y, COLUMNS[1] - 1.6, line.name, NAME_SIZES)
    pdf.set_font(SANS, "", 6.8)
    _baseline_text(pdf, MARGIN + COLUMNS[0] + COLUMNS[1] + 0.8, y, line.mrz_name)
    if line.excluded:
        mark = "✗ " + both("annex9.manifest.excluded")
        _fitted_text(pdf, MARGIN + sum(COLUMNS[:3]) + 0.8, y, COLUMNS[3] - 1.6, mark, (7.0, 6.0, 5.0), bold=True)


def _baseline_text(pdf: FPDF, x: float, row_top: float, text: str) -> None:
    """Text vertically centred in a manifest row (the baseline a third of the font size below the middle)."""
    pdf.text(x, row_top + ROW_HEIGHT / 2 + pdf.font_size / 3, text)


def _centred_text(pdf: FPDF, x: float, width: float, row_top: float, text: str) -> None:
    _baseline_text(pdf, x + (width - pdf.get_string_width(text)) / 2, row_top, text)


def _fitted_text(
    pdf: FPDF, x: float, row_top: float, width: float, text: str, sizes: Sequence[float], *, bold: bool = False
) -> None:
    """``_fitted_cell`` for a manifest row: the largest size at which the text fits, wrapped at the smallest."""
    style = "B" if bold else ""
    for size in sizes:
        pdf.set_font(SANS, style, size)
        if pdf.get_string_width(text) <= width:
            _baseline_text(pdf, x, row_top, text)
            return
    pdf.set_xy(x, row_top)
    fitted_cell(pdf, width, ROW_HEIGHT, text, sizes[-1:], bold=bold)


# --- helpers ------------------------------------------------------------------------------


def _place(place: Place) -> str:
    return f"{place.icao} {place.name}".strip()


def _moment(moment: Moment) -> str:
    """Local time at the airport with its offset, then UTC: ``2025-01-21 14:22 UTC−06:00 (20:22 UTC)``.

    The UTC time alone when the airport's zone is unknown.
    """
    utc_text = shown_time(moment.utc)
    if moment.local is None:
        return utc_text
    return f"{moment.local:%Y-%m-%d %H:%M} {_offset(moment.local)} ({utc_text[11:]})"


def _offset(local: datetime) -> str:
    offset = local.utcoffset()
    assert offset is not None  # an aware time from an airport's zone
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)
