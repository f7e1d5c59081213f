"""The Annex 9 paperwork of a request version, as PDF."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Path
from fastapi.responses import StreamingResponse

from clearway.domain.workflow import Permission
from clearway.services import annex9
from clearway.web.api.deps import ApiRouter, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/requests/{request_id}", tags=["versions"], responses=ERROR_RESPONSES)

PDF = "application/pdf"


@router.get(
    "/versions/{number}/annex9.pdf",
    operation_id="getAnnex9Pdf",
    summary="ICAO Annex 9 General Declaration (one per leg arriving in the receiving country) and Passenger "
    "Manifest of one version, with the clearance's QR code (personal data: written to the access log)",
    response_class=StreamingResponse,
    responses={200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}, "description": "The PDF."}},
    openapi_extra=needs(Permission.PERSONAL_DATA_READ),
)
def get_annex9_pdf(ctx: Writer, request_id: str, number: Annotated[int, Path(ge=1)]) -> StreamingResponse:
    source = annex9.annex9_source(ctx.session, ctx.actor, request_id, number, ctx.settings.secret_key)

    def rendered() -> Iterator[bytes]:
        # Iterated by the server after this route has returned and its unit of work (and database slot) is
        # released: a 9,999-passenger PDF takes seconds of CPU and must not hold a slot while it is drawn.
        yield source.render()

    return StreamingResponse(
        rendered(), media_type=PDF, headers={"Content-Disposition": f'attachment; filename="{source.filename}"'}
    )
