"""The Annex 9 paperwork of a request version, as PDF."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from fastapi.responses import Response

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
    response_class=Response,
    responses={200: {"content": {PDF: {"schema": {"type": "string", "format": "binary"}}}, "description": "The PDF."}},
    openapi_extra=needs(Permission.PERSONAL_DATA_READ),
)
def get_annex9_pdf(ctx: Writer, request_id: str, number: Annotated[int, Path(ge=1)]) -> Response:
    document = annex9.annex9_pdf(ctx.session, ctx.actor, request_id, number)
    return Response(
        document.pdf,
        media_type=PDF,
        headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
    )
