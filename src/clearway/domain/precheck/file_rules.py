"""File-scope rules: the manifest's columns, the request's keys, repeated seq, hold rows."""

from __future__ import annotations

from collections import defaultdict

from clearway.domain.findings import Code, Finding, Phrase, finding
from clearway.domain.people import REQUIRED_COLUMNS
from clearway.domain.precheck.context import CheckContext

_MAX_LINES_NAMED = 10


def missing_columns(context: CheckContext) -> list[Finding]:
    return [
        finding(Code.MISSING_COLUMN, field=column, column=column, file=context.manifest.source)
        for column in REQUIRED_COLUMNS
        if column not in context.manifest.columns
    ]


def unknown_columns(context: CheckContext) -> list[Finding]:
    return [
        finding(Code.UNKNOWN_COLUMN, field=column, column=column, file=context.manifest.source)
        for column in context.manifest.unknown_columns
    ]


def unknown_keys(context: CheckContext) -> list[Finding]:
    return [finding(Code.UNKNOWN_KEY, field=key, key=key) for key in context.request.unknown_keys]


def repeated_seq(context: CheckContext) -> list[Finding]:
    lines_by_seq: dict[int, list[int]] = defaultdict(list)
    for returnee in context.returnees:
        if returnee.seq is not None:
            lines_by_seq[returnee.seq].append(returnee.row.line)
    return [
        finding(
            Code.SEQ_DUPLICATE,
            seq=seq,
            field="seq",
            details={"rows": lines},
            lines=", ".join(str(line) for line in lines),
        )
        for seq, lines in sorted(lines_by_seq.items())
        if len(lines) > 1
    ]


def unreadable_records(context: CheckContext) -> list[Finding]:
    """One finding per record the reader could not read as a row: no one drops out unseen."""
    return [
        finding(
            Code.ROW_UNREADABLE,
            details=record.details(),
            variant=record.reason,
            unit=Phrase((f"unit_{record.unit}",)),
            position=record.position,
            file=context.manifest.source,
        )
        for record in context.manifest.unreadable
    ]


def invalid_hold_rows(context: CheckContext) -> list[Finding]:
    holds = context.holds
    if holds is None or holds.invalid_row_count == 0:
        return []
    lines = list(holds.first_invalid_lines[:_MAX_LINES_NAMED])
    return [
        finding(
            Code.HOLD_ROW_INVALID,
            details={"count": holds.invalid_row_count, "first_lines": lines},
            count=holds.invalid_row_count,
            lines=", ".join(str(line) for line in lines),
        )
    ]


RULES = (missing_columns, unknown_columns, unknown_keys, unreadable_records, repeated_seq, invalid_hold_rows)
