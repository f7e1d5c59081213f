"""Signed checkpoints of the audit chain and the entry hashes since one (hashes only, no content)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import BaseModel, Field

from clearway.services import checkpoints
from clearway.web.api.deps import AUTHENTICATED, ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/audit", tags=["audit"], responses=ERROR_RESPONSES)


class Witness(BaseModel):
    organisation: str
    key_id: str
    token: str = Field(description="A countersignature+jws over the same sequence and hash.")


class CheckpointDocument(BaseModel):
    """Keep this document: ``clearway audit verify --checkpoint FILE`` checks a chain against it."""

    sequence: int
    hash: str
    signed_at: str
    key_id: str
    token: str = Field(description="The checkpoint+jws signed by the instance's audit key; trust only this.")
    countersignatures: list[Witness]


class Link(BaseModel):
    sequence: int
    content_hash: str | None = Field(description="sha256 of the entry's salted content (None: first format).")
    hash: str = Field(description="sha256(previous hash + newline + content_hash).")


class HashList(BaseModel):
    since: int
    hashes: list[Link]
    complete: bool = Field(description="False when more entries follow: ask again from the last sequence.")


@router.post(
    "/checkpoint",
    operation_id="fetchCheckpoint",
    summary="The latest signed checkpoint of the audit chain, countersigned by the caller's organisation",
    openapi_extra=needs(AUTHENTICATED),
)
def fetch_checkpoint(ctx: Writer) -> CheckpointDocument:
    return CheckpointDocument.model_validate(checkpoints.fetch_latest(ctx.session, ctx.actor, ctx.settings.secret_key))


@router.get(
    "/hashes",
    operation_id="listAuditHashes",
    summary="The audit entries' hashes from a sequence on (that entry included): enough to check a checkpoint",
    openapi_extra=needs(AUTHENTICATED),
)
def list_hashes(ctx: Reader, since: Annotated[int, Query(ge=0)] = 1) -> HashList:
    links = checkpoints.hashes_since(ctx.session, since)
    return HashList(
        since=since,
        hashes=[Link(sequence=link.sequence, content_hash=link.content_hash, hash=link.hash) for link in links],
        complete=len(links) < checkpoints.MAX_HASHES,
    )
