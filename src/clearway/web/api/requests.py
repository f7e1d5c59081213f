"""Clearance requests: create, read, list, copy, and pre-check a content without storing it."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Response
from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission, State
from clearway.services import request_views, requests
from clearway.web.api import views
from clearway.web.api.bodies import RequestBody
from clearway.web.api.content import NewRequestContent, content_body
from clearway.web.api.deps import MAX_ROW_ID, ApiRouter, Reader, Writer, json_response, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/requests", tags=["requests"], responses=ERROR_RESPONSES)


class RequestPage(BaseModel):
    items: list[views.RequestSummary]
    total: int = Field(description="How many requests match, over all pages.")
    limit: int
    offset: int


class CopyBody(BaseModel):
    reference: str | None = Field(
        default=None, min_length=1, max_length=64, description="Default: the source's reference with -2, -3..."
    )


class PrecheckOutcome(BaseModel):
    findings: list[views.Finding]
    finding_counts: views.FindingCounts
    agreement: views.AgreementRef | None


@router.post(
    "",
    operation_id="createRequest",
    status_code=201,
    summary="Create a draft request (version 1), pre-checked: JSON, or a request file and a manifest file",
    openapi_extra={**needs(Permission.REQUEST_CREATE), **content_body(RequestBody, with_base=False)},
)
def create_request(ctx: Writer, sent: NewRequestContent) -> views.RequestDetail:
    return views.detail(request_views.create_request(ctx.session, ctx.actor, sent.read().snapshot), ctx.lang)


@router.get(
    "",
    operation_id="listRequests",
    summary="The requests the caller may see, newest first",
    openapi_extra=needs(Permission.REQUEST_READ),
    response_model=RequestPage,
)
def list_requests(
    ctx: Reader,
    state: State | None = None,
    reference: Annotated[str | None, Query(max_length=64)] = None,
    receiving_country: Annotated[str | None, Query(min_length=3, max_length=3)] = None,
    limit: Annotated[int, Query(ge=1, le=requests.MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_ROW_ID)] = 0,
) -> Response:
    page = request_views.list_requests(
        ctx.session,
        ctx.actor,
        state=state,
        reference=reference,
        receiving_country=receiving_country,
        limit=limit,
        offset=offset,
    )
    items = [views.summary(row) for row in page.items]
    return json_response(RequestPage(items=items, total=page.total, limit=limit, offset=offset))


@router.get(
    "/{request_id}",
    operation_id="getRequest",
    summary="A request: state, current version, findings, decisions, clearance and flight events",
    openapi_extra=needs(Permission.REQUEST_READ),
    response_model=views.RequestDetail,
)
def get_request(ctx: Reader, request_id: str) -> Response:
    return json_response(views.detail(request_views.read_request(ctx.session, ctx.actor, request_id), ctx.lang))


@router.post(
    "/{request_id}/copy",
    operation_id="copyRequest",
    status_code=201,
    summary="A new draft with the same flight and manifest, linked to this request",
    openapi_extra=needs(Permission.REQUEST_CREATE),
)
def copy_request(ctx: Writer, request_id: str, body: CopyBody | None = None) -> views.RequestDetail:
    copied = request_views.copy_request(ctx.session, ctx.actor, request_id, body.reference if body else None)
    return views.detail(copied, ctx.lang)


@router.post(
    "/{request_id}/precheck",
    operation_id="precheckRequest",
    summary="The findings a content would have as this request's next version; nothing is stored",
    openapi_extra=needs(Permission.REQUEST_CREATE),
)
def precheck_request(ctx: Reader, request_id: str, body: RequestBody) -> PrecheckOutcome:
    checked = request_views.precheck_next_version(ctx.session, ctx.actor, request_id, body.document())
    return PrecheckOutcome(
        findings=views.findings(checked.findings, ctx.lang),
        finding_counts=views.finding_counts(checked.findings),
        agreement=views.agreement_ref(checked.agreement),
    )
