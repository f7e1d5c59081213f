"""Agreements: every stored version, and loading a new one from its file (receiving admins)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Response
from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission
from clearway.services import agreements
from clearway.store.models import AgreementVersion
from clearway.web.api.deps import ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES
from clearway.web.api.uploads import AgreementUpload, raw_body

router = ApiRouter(prefix="/agreements", tags=["agreements"], responses=ERROR_RESPONSES)


class AgreementOut(BaseModel):
    id: str
    version: int
    sending_authority: str
    receiving_country: str
    effective_from: date
    effective_until: date | None
    source_name: str
    loaded_at: datetime
    document: dict[str, Any] = Field(description="The file's content as JSON.")


class AgreementList(BaseModel):
    items: list[AgreementOut]


class AgreementLoaded(BaseModel):
    created: bool = Field(description="False: the same file was already stored (nothing changed).")
    agreement: AgreementOut


def _out(row: AgreementVersion) -> AgreementOut:
    return AgreementOut(
        id=row.agreement_code,
        version=row.version,
        sending_authority=row.sending_authority,
        receiving_country=row.receiving_country,
        effective_from=row.effective_from,
        effective_until=row.effective_until,
        source_name=row.source_name,
        loaded_at=row.loaded_at,
        document=row.document,
    )


@router.get(
    "",
    operation_id="listAgreements",
    summary="Every agreement version, newest first within each agreement",
    openapi_extra=needs(Permission.AGREEMENT_READ),
)
def list_agreements(ctx: Reader) -> AgreementList:
    return AgreementList(items=[_out(row) for row in agreements.list_agreements(ctx.session, ctx.actor)])


@router.post(
    "",
    operation_id="uploadAgreement",
    status_code=201,
    summary="Store an agreement version from its TOML (or JSON) file, sent as the body",
    responses={200: {"model": AgreementLoaded, "description": "The same file was already stored."}},
    openapi_extra={**needs(Permission.AGREEMENT_MANAGE), **raw_body("application/toml", "application/json")},
)
def upload_agreement(ctx: Writer, upload: AgreementUpload, response: Response) -> AgreementLoaded:
    row, created = agreements.load_agreement_file(ctx.session, ctx.actor, upload)
    if not created:
        response.status_code = 200
    return AgreementLoaded(created=created, agreement=_out(row))
