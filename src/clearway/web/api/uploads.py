"""Files sent as the raw request body (a CSV hold list, a TOML agreement), streamed to a temporary file.

Raw bodies rather than multipart forms: ``curl --data-binary @file`` is all a client needs,
and the store's readers take a path, so a large hold list never sits whole in memory.
"""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Annotated, Any

import anyio
from fastapi import Depends, Query, Request

from clearway.domain.errors import UnusableInput
from clearway.web.api.deps import Writer, refuse_unknown_caller

FileName = Annotated[
    str | None,
    Query(
        max_length=255,
        # No control characters (a NUL cannot name a file); a path is reduced to its last part below.
        pattern=r"^[^\x00-\x1f\x7f]*$",
        description="The file's name, kept as its source (default: by content type).",
    ),
]


async def _upload(request: Request, ctx: Writer, filename: FileName = None) -> AsyncIterator[Path]:
    # Only the last part of the name is used: the caller never chooses a path on the server.
    name = Path(filename or "").name
    if name in ("", ".", ".."):  # "..": the last part of a path that names no file
        name = _default_name(request.headers.get("content-type", ""))
    await refuse_unknown_caller(ctx.unit)  # before a byte is written to disk
    with tempfile.TemporaryDirectory(prefix="clearway-upload-") as folder:
        path = Path(folder) / name
        async with await anyio.open_file(path, "wb") as handle:
            async for chunk in request.stream():
                await handle.write(chunk)
        try:
            yield path
        except UnusableInput as error:
            if "path" in error.params:
                error.params["path"] = name  # the caller's file name, not the temporary one
            raise


def _default_name(content_type: str) -> str:
    kind = content_type.split(";")[0].strip().lower()
    if kind.endswith("json"):
        return "upload.json"
    if kind.endswith("csv"):
        return "upload.csv"
    return "upload.toml"


#: The uploaded body as a file, removed when the call ends.
UploadedFile = Annotated[Path, Depends(_upload, scope="function")]


def raw_body(*media_types: str) -> dict[str, Any]:
    """``openapi_extra`` documenting a raw body of these media types."""
    content = {media: {"schema": {"type": "string", "format": "binary"}} for media in media_types}
    return {"requestBody": {"required": True, "content": content}}
