"""The manifest table's rows and the pre-check's list of findings, written in Python.

A review screen of 250 passengers has some 3,000 cells and 800 finding lines. In a Jinja2
template each of them is an attribute lookup, an escape and a chunk yielded up through every
enclosing template; that was two thirds of the page's time (docs/benchmarks.md, "Web pages").
Here a row is one f-string whose fields are escaped, which is several times faster.

The words these parts show are translated in the templates that call them (``_manifest.html``
and ``_precheck.html`` pass them in as ``labels``), so every word stays in the gettext
catalogue and the translation checks still see it.

The manifest's own text (names, documents, findings' sentences) is plain ``str`` and goes
through ``html.escape``, twice as fast as ``markupsafe.escape`` and escaping the same five
characters; the labels may be ``Markup`` already (a macro's output) and go through
``markupsafe.escape``, which leaves safe markup alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape as text
from typing import Any

from markupsafe import Markup, escape

from clearway.domain.snapshot import Passenger, canonical_seq
from clearway.services.pages_views import RequestPage
from clearway.web.pages.wording import flight_field

#: Stands for the seq in a label translated once (``_("passenger %(seq)s", seq="__SEQ__")``).
SEQ_PLACEHOLDER = "__SEQ__"
#: Stands for the field in ``_("Flight: %(field)s", field="__FIELD__")``.
FIELD_PLACEHOLDER = "__FIELD__"
_MASKED = '<span class="cw-masked">••••</span>'


def manifest_rows(view: RequestPage, *, editable: bool, labels: Mapping[str, str]) -> Markup:
    """The ``<tr>`` of every passenger: the findings about them beside the row, personal data
    only when the page reveals it, an edit link when the reader may edit the manifest.

    ``labels``: ``error``/``warning``/``info`` (severity names), ``not_cleared``, ``yes``,
    ``edit``, ``passenger`` (with ``__SEQ__`` for the seq), and ``received``/``not_on_board``
    (the reception confirmed for the passenger), each already translated."""
    excluded = {str(seq) for seq in view.excluded_seqs}
    outcomes = {str(record.seq): str(record.outcome) for record in view.reception}
    outcome_tags = {
        "received": f' <span class="usa-tag cw-tag-received">{_label(labels, "received")}</span>',
        "not_on_board": f' <span class="usa-tag cw-tag-excluded">{_label(labels, "not_on_board")}</span>',
    }
    request_id = text(view.request.public_id)
    severity_names = {name: _label(labels, name) for name in ("error", "warning", "info")}
    not_cleared = f' <span class="usa-tag cw-tag-excluded">{_label(labels, "not_cleared")}</span>'
    yes, edit, passenger_label = _label(labels, "yes"), _label(labels, "edit"), _label(labels, "passenger")

    def finding_line(item: dict[str, Any]) -> str:
        severity = text(item["severity"])
        return (
            f'<p class="cw-finding cw-finding--{severity}"><span class="usa-sr-only">'
            f"{severity_names.get(item['severity'], severity)}:</span>"
            f'<span class="cw-code">{text(item["code"])}</span> {text(view.message(item))}</p>'
        )

    out: list[str] = []
    for passenger in view.snapshot.passengers:
        key = text(passenger.seq_key)
        seq = text(passenger.seq)
        severity = view.row_severity(passenger.seq)
        is_excluded = passenger.seq_key in excluded
        classes = " ".join(
            name
            for name in (f"cw-row--{severity}" if severity else "", "cw-row--excluded" if is_excluded else "")
            if name
        )
        class_attribute = f' class="{classes}"' if classes else ""
        findings = "".join(finding_line(item) for item in view.findings_for(passenger.seq))
        if view.revealed:
            person = _revealed_cells(passenger, findings)
            medical = text(passenger.medical)
        else:
            person = _masked_cells(passenger, findings)
            medical = yes if passenger.medical else ""
        action = ""
        if editable:
            link = f"/requests/{request_id}/rows/{key}/edit"
            action = (
                f'<a class="usa-button usa-button--unstyled" href="{link}" hx-get="{link}" '
                f'hx-target="#row-{key}" hx-swap="outerHTML">{edit}'
                f'<span class="usa-sr-only"> {passenger_label.replace(SEQ_PLACEHOLDER, seq)}</span></a>'
            )
        out.append(
            f'<tr id="row-{key}"{class_attribute}>'
            f'<th scope="row">{seq}{not_cleared if is_excluded else ""}'
            f"{outcome_tags.get(outcomes.get(passenger.seq_key, ''), '')}</th>"
            f"{person}<td>{text(passenger.family_group)}</td><td>{medical}</td><td>{action}</td></tr>\n"
        )
    return Markup("".join(out))


def _revealed_cells(passenger: Passenger, findings: str) -> str:
    second = f" {text(passenger.second_surname)}" if passenger.second_surname else ""
    return (
        f"<td>{text(passenger.surname)}{second}, {text(passenger.given_names)}</td>"
        f'<td class="cw-findings-cell">{findings}</td><td>{text(passenger.sex)}</td>'
        f"<td>{text(passenger.date_of_birth)}</td>"
        f"<td>{text(passenger.nationality)}</td>"
        f"<td>{text(passenger.document_type)} {text(passenger.document_number)} "
        f'<span class="cw-muted">{text(passenger.document_issuer)}</span></td>'
        f"<td>{text(passenger.document_expiry)}</td>"
    )


def _masked_cells(passenger: Passenger, findings: str) -> str:
    return (
        f'<td><span class="cw-masked">{text(mask(passenger.surname))}, {text(mask(passenger.given_names))}'
        f'</span></td><td class="cw-findings-cell">{findings}</td><td>{text(passenger.sex)}</td><td>{_MASKED}</td>'
        f"<td>{text(passenger.nationality)}</td><td>{text(passenger.document_type)} {_MASKED}</td>"
        f"<td>{_MASKED}</td>"
    )


def precheck_items(view: RequestPage, severity: str, *, labels: Mapping[str, str]) -> Markup:
    """The ``<li>`` of each finding of ``severity``, linked to the passenger's row or to the flight
    (a request key named as the flight form names it).

    ``labels``: ``passenger`` (with ``__SEQ__``) and ``flight`` (with ``__FIELD__``), translated."""
    passenger_label, flight_label = _label(labels, "passenger"), _label(labels, "flight")
    css = text(severity)
    out: list[str] = []
    for item in view.by_severity(severity):
        link = ""
        if item.get("seq") is not None:
            seq = str(item["seq"])
            link = (
                f'<a href="#row-{text(canonical_seq(seq))}">{passenger_label.replace(SEQ_PLACEHOLDER, text(seq))}</a>'
            )
        elif item.get("field"):
            named = text(flight_field(str(item["field"]), view.lang))
            link = f'<a href="#flight-heading">{flight_label.replace(FIELD_PLACEHOLDER, named)}</a>'
        out.append(
            f'<li class="cw-finding cw-finding--{css}"><span class="cw-code">{text(item["code"])}</span> '
            f"{text(view.message(item))} {link}</li>\n"
        )
    return Markup("".join(out))


def _label(labels: Mapping[str, str], name: str) -> str:
    # A plain str: Markup's own replace() would escape the (already escaped) seq a second time.
    return str(escape(labels[name]))


def mask(value: str) -> str:
    """Personal data hidden but for its first letter (``G•••``), so rows can still be told apart."""
    return f"{value[0]}•••" if value else ""
