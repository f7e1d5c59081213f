"""The sending organisation's legal-hold list: import a CSV (sending admins), and what is current."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission
from clearway.services import holds
from clearway.store.models import HoldList
from clearway.web.api.deps import ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES
from clearway.web.api.uploads import HoldsUpload, raw_body

router = ApiRouter(prefix="/holds", tags=["holds"], responses=ERROR_RESPONSES)


class InvalidLine(BaseModel):
    line: int
    reason: str = Field(description="date_of_birth, surname, until, columns or too_long.")


class HoldListSummary(BaseModel):
    source_name: str
    content_sha256: str
    imported_at: datetime
    row_count: int = Field(description="Readable entries stored.")
    invalid_row_count: int
    first_invalid_lines: list[InvalidLine]


class CurrentHolds(BaseModel):
    current: HoldListSummary | None = Field(description="None until the organisation imports a list.")


def _summary(row: HoldList) -> HoldListSummary:
    return HoldListSummary(
        source_name=row.source_name,
        content_sha256=row.content_sha256,
        imported_at=row.imported_at,
        row_count=row.row_count,
        invalid_row_count=row.invalid_row_count,
        first_invalid_lines=[InvalidLine(**item) for item in row.first_invalid_lines],
    )


@router.post(
    "",
    operation_id="importHolds",
    status_code=201,
    summary="Replace the organisation's hold list with the CSV sent as the body",
    openapi_extra={**needs(Permission.HOLDS_MANAGE), **raw_body("text/csv")},
)
def import_holds(ctx: Writer, upload: HoldsUpload) -> HoldListSummary:
    hold_list = holds.import_holds(ctx.session, ctx.actor, upload, source_name=upload.name, limits=ctx.settings.limits)
    return _summary(hold_list)


@router.get(
    "",
    operation_id="currentHolds",
    summary="The organisation's current hold list: counts and the first invalid lines",
    openapi_extra=needs(Permission.HOLDS_READ),
)
def current_holds(ctx: Reader) -> CurrentHolds:
    hold_list = holds.current_holds(ctx.session, ctx.actor)
    return CurrentHolds(current=_summary(hold_list) if hold_list is not None else None)
