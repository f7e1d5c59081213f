"""Downloads of a request version in the formats other systems and officials read (PAXLST,
CSV, XLSX), and the empty XLSX manifest template."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Path, Query, Response

from clearway.domain.workflow import Permission
from clearway.formats.exports import EXPORT_FORMATS, XLSX_MEDIA_TYPE
from clearway.services import exports
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(tags=["exports"], responses=ERROR_RESPONSES)

#: The formats offered, from the one registry the command line uses too.
ExportFormatName = StrEnum("ExportFormatName", {name.replace("-", "_"): name for name in EXPORT_FORMATS})  # type: ignore[misc]


def _download(content: bytes, media_type: str, file_name: str) -> Response:
    return Response(
        content,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{file_name}"', "Cache-Control": "no-store"},
    )


@router.get(
    "/requests/{request_id}/versions/{number}/export",
    operation_id="exportVersion",
    summary="One version as a file: PAXLST, manifest CSV, findings CSV or XLSX "
    "(personal data: the download is written to the access log)",
    response_class=Response,
    responses={
        200: {
            "description": "The file, as an attachment.",
            "content": {
                kind.media_type.split(";")[0]: {"schema": {"type": "string", "format": "binary"}}
                for kind in EXPORT_FORMATS.values()
            },
        }
    },
    openapi_extra=needs(Permission.PERSONAL_DATA_READ),
)
def export_version(
    ctx: Writer,
    request_id: str,
    number: Annotated[int, Path(ge=1)],
    format: Annotated[ExportFormatName, Query(description="The file's format.")],
) -> Response:
    exported = exports.export_version(
        ctx.session, ctx.actor, request_id, number, str(format.value), part_size=ctx.settings.paxlst_part_size
    )
    return _download(exported.content, exported.media_type, exported.file_name)


@router.get(
    "/manifest-template.xlsx",
    operation_id="manifestTemplate",
    summary="The empty XLSX manifest template: headers, text columns, validations, column guide (en/es)",
    response_class=Response,
    responses={200: {"content": {XLSX_MEDIA_TYPE: {"schema": {"type": "string", "format": "binary"}}}}},
    openapi_extra=needs(PUBLIC),
)
def manifest_template(ctx: PublicReader) -> Response:
    from clearway.formats.spreadsheet import template_xlsx

    return _download(template_xlsx(), XLSX_MEDIA_TYPE, "clearway-manifest-template.xlsx")
