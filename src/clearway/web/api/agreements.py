"""Agreements: every stored version, and loading a new one from its file (receiving admins)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from fastapi import Response
from pydantic import BaseModel, ConfigDict, Field

from clearway.domain.workflow import Permission
from clearway.services import agreements
from clearway.web.api.deps import ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES
from clearway.web.api.uploads import AgreementUpload, raw_body

router = ApiRouter(prefix="/agreements", tags=["agreements"], responses=ERROR_RESPONSES)


class AgreementOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

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


@router.get(
    "",
    operation_id="listAgreements",
    summary="Every agreement version, newest first within each agreement",
    openapi_extra=needs(Permission.AGREEMENT_READ),
)
def list_agreements(ctx: Reader) -> AgreementList:
    views = agreements.agreement_views(ctx.session, ctx.actor)
    return AgreementList(items=[AgreementOut.model_validate(view) for view in views])


@router.post(
    "",
    operation_id="uploadAgreement",
    status_code=201,
    summary="Store an agreement version from its TOML (or JSON) file, sent as the body",
    responses={200: {"model": AgreementLoaded, "description": "The same file was already stored."}},
    openapi_extra={**needs(Permission.AGREEMENT_MANAGE), **raw_body("application/toml", "application/json")},
)
def upload_agreement(ctx: Writer, upload: AgreementUpload, response: Response) -> AgreementLoaded:
    loaded = agreements.upload_agreement(ctx.session, ctx.actor, upload)
    if not loaded.created:
        response.status_code = 200
    return AgreementLoaded(created=loaded.created, agreement=AgreementOut.model_validate(loaded.agreement))
