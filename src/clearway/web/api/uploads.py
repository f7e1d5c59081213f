"""Files sent as the raw request body (a CSV hold list, a TOML agreement), streamed to a temporary file.

Raw bodies rather than multipart forms: ``curl --data-binary @file`` is all a client needs,
and the store's readers take a path, so a large hold list never sits whole in memory.

Before a byte is written, the caller's token and permission are checked, and a declared
``Content-Length`` above the kind's limit (``InputLimits``) is refused; while the body
streams in, it is counted, so a body that does not declare its length stops at the limit too.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Annotated, Any, ClassVar

import anyio
from fastapi import Depends, Query, Request

from clearway.domain.errors import UnusableInput
from clearway.domain.workflow import Permission
from clearway.services.errors import ServiceError
from clearway.settings import InputLimits
from clearway.web.api.deps import Writer, refuse_unknown_caller

FileName = Annotated[
    str | None, Query(max_length=255, description="The file's name, kept as its source (default: by content type).")
]


class UploadTooLarge(ServiceError):
    """The body is larger than this kind of file may be; nothing was kept."""

    status: ClassVar[int] = 413
    code: ClassVar[str] = "too_large"


def _megabytes(size: int) -> str:
    from clearway.formats.files import megabytes

    return megabytes(size)


def uploaded_file(permission: Permission, limit: Callable[[InputLimits], int]) -> Any:
    """A dependency giving the body as a file, for a caller holding ``permission``, up to ``limit`` bytes."""

    async def upload(request: Request, ctx: Writer, filename: FileName = None) -> AsyncIterator[Path]:
        # Only the last part of the name is used: the caller never chooses a path on the server.
        name = Path(filename or "").name or _default_name(request.headers.get("content-type", ""))
        await refuse_unknown_caller(ctx.unit, permission)  # before a byte is written to disk
        most = limit(ctx.settings.limits)
        declared = request.headers.get("content-length", "")
        if declared.isascii() and declared.isdigit() and int(declared) > most:
            raise UploadTooLarge("upload.too_large", limit_mb=_megabytes(most))
        with tempfile.TemporaryDirectory(prefix="clearway-upload-") as folder:
            path = Path(folder) / name
            received = 0
            async with await anyio.open_file(path, "wb") as handle:
                async for chunk in request.stream():
                    received += len(chunk)
                    if received > most:
                        raise UploadTooLarge("upload.too_large", limit_mb=_megabytes(most))
                    await handle.write(chunk)
            try:
                yield path
            except UnusableInput as error:
                if "path" in error.params:
                    error.params["path"] = name  # the caller's file name, not the temporary one
                raise

    return Depends(upload, scope="function")


def _default_name(content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind.endswith("json"):
        return "upload.json"
    if kind.endswith("csv"):
        return "upload.csv"
    return "upload.toml"


#: An agreement file (TOML or JSON) sent by a caller who may manage agreements.
AgreementUpload = Annotated[Path, uploaded_file(Permission.AGREEMENT_MANAGE, lambda limits: limits.document_bytes)]
#: A legal-hold list (CSV) sent by a caller who may manage hold lists.
HoldsUpload = Annotated[Path, uploaded_file(Permission.HOLDS_MANAGE, lambda limits: limits.holds_bytes)]


def raw_body(*media_types: str) -> dict[str, Any]:
    """``openapi_extra`` documenting a raw body of these media types."""
    content = {media: {"schema": {"type": "string", "format": "binary"}} for media in media_types}
    return {"requestBody": {"required": True, "content": content}}
