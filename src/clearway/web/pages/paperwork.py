"""A version's paperwork, downloaded from its page: the Annex 9 PDF and the files other systems read
(PAXLST, the manifest as CSV or XLSX, the findings as CSV). The same services as the API's downloads:
each is personal data, so each download is written to the access log."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi import APIRouter, Request, Response
from fastapi.responses import StreamingResponse

from clearway.services import annex9, exports
from clearway.services.errors import NotFound
from clearway.web.pages.kit import PageContext, run

router = APIRouter(include_in_schema=False)

#: The files a page offers, by the name in their address (the export formats' names).
FILE_FORMATS = ("paxlst", "csv", "xlsx", "findings-csv")


def _attachment(content: bytes, media_type: str, file_name: str) -> Response:
    return Response(
        content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{file_name}"'}
    )


@router.get("/requests/{request_id}/versions/{number}/annex9.pdf")
async def annex9_pdf(request: Request, request_id: str, number: str) -> Response:
    return await run(request, _annex9_pdf, write=True, request_id=request_id, number=number)


def _annex9_pdf(ctx: PageContext, request_id: str, number: str) -> Response:
    source = annex9.annex9_source(
        ctx.session, ctx.actor, request_id, _number(request_id, number), ctx.settings.secret_key
    )

    def rendered() -> Iterator[bytes]:
        # Drawn after the handler returns, its database slot given back (a large manifest takes seconds).
        yield source.render()

    return StreamingResponse(
        rendered(),
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{source.filename}"'},
    )


@router.get("/requests/{request_id}/versions/{number}/files/{format_name}")
async def version_file(request: Request, request_id: str, number: str, format_name: str) -> Response:
    return await run(request, _version_file, write=True, request_id=request_id, number=number, format_name=format_name)


def _version_file(ctx: PageContext, request_id: str, number: str, format_name: str) -> Response:
    if format_name not in FILE_FORMATS:
        raise NotFound("service.request_not_found", request=request_id)  # an address no page links to
    exported = exports.export_version(
        ctx.session,
        ctx.actor,
        request_id,
        _number(request_id, number),
        format_name,
        part_size=ctx.settings.paxlst_part_size,
    )
    return _attachment(exported.content, exported.media_type, exported.file_name)


def _number(request_id: str, text: str) -> int:
    if not text.isdigit() or len(text) > 9:
        raise NotFound("service.version_not_found", request=request_id, version=text)
    return int(text)
