"""The transitions that decide a request's fate: submit, decide, revoke, cancel.

Submit and decide accept an ``Idempotency-Key``: a repeated call answers the first one's
result (``services.workflow.submit_once`` and ``decide_once``), with the replay header.
"""

from __future__ import annotations

from typing import Literal

from fastapi import Response
from pydantic import AwareDatetime, BaseModel, Field

from clearway.domain.workflow import Action, Permission
from clearway.services import workflow
from clearway.web.api import views
from clearway.web.api.deps import REPLAYED_HEADER, ApiRouter, IdempotencyKey, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/requests/{request_id}", tags=["decisions"], responses=ERROR_RESPONSES)

_REPLAY_DOC = {"headers": {REPLAYED_HEADER: {"description": "true when this repeats the first result of the key"}}}


class SubmitBody(BaseModel):
    justification: str | None = Field(
        default=None, description="Required to submit despite pre-check errors; shown to the receiving side."
    )
    answer: str | None = Field(
        default=None,
        description="Resubmission: the answer to the questions, in words. A resubmission needs an answer "
        "(here or written since the question) or a new version.",
    )


class Submitted(BaseModel):
    state: str
    version: int
    findings: list[views.Finding] = Field(description="The pre-check, run again at submission.")
    override: str | None = Field(description="The justification recorded for submitting despite errors.")


class DecisionBody(BaseModel):
    action: Literal["approve", "approve_restricted", "request_info", "deny"]
    reason_codes: list[str] = Field(default=[], description="Finding codes, or OTHER with text.")
    text: str | None = Field(default=None, description="Questions (request_info), or the explanation of OTHER.")
    excluded_seqs: list[int] = Field(default=[], description="approve_restricted: passengers not cleared.")
    conditions: str | None = Field(default=None, description="approve_restricted: conditions in text.")
    reply_by: AwareDatetime | None = Field(
        default=None, description="request_info: when the answer is due (in the future)."
    )


class IssuedClearance(BaseModel):
    number: str
    token: str
    key_id: str


class DecisionSignature(BaseModel):
    token: str = Field(description="The decision signed by the deciding organisation (compact JWS, claims v2).")
    key_id: str


class Decided(BaseModel):
    state: str
    version: int = Field(description="The version decided on.")
    clearance: IssuedClearance | None = Field(default=None, description="Issued by an approval.")
    signature: DecisionSignature | None = Field(
        default=None, description="Every decision is signed; verify it at /api/v1/clearances/verify or offline."
    )


class ReasonsBody(BaseModel):
    reason_codes: list[str] = Field(min_length=1, description="Finding codes, or OTHER with text.")
    text: str | None = None


class CancelBody(BaseModel):
    text: str | None = Field(default=None, description="Why; shown to both sides.")


def _mark_replayed(response: Response, replayed: bool) -> None:
    if replayed:
        response.headers[REPLAYED_HEADER] = "true"


@router.post(
    "/submit",
    operation_id="submitRequest",
    summary="Submit a draft, or resubmit after a request for information",
    responses={200: _REPLAY_DOC},
    openapi_extra=needs(Permission.REQUEST_SUBMIT),
)
def submit_request(
    ctx: Writer, request_id: str, response: Response, key: IdempotencyKey = None, body: SubmitBody | None = None
) -> Submitted:
    justification = body.justification if body else None
    answer = body.answer if body else None
    result, replayed = workflow.submit_once(
        ctx.session,
        ctx.actor,
        request_id,
        key,
        {"request": request_id, "justification": justification, "answer": answer},
        justification=justification,
        answer=answer,
    )
    _mark_replayed(response, replayed)
    return Submitted(
        state=result["state"],
        version=result["version"],
        findings=views.findings(result["findings"], ctx.lang),  # passenger findings: code and seq only
        override=result["override"],
    )


@router.post(
    "/decision",
    operation_id="decideRequest",
    summary="Approve, approve with restrictions, request information, or deny the submitted version",
    responses={200: _REPLAY_DOC},
    openapi_extra=needs(Permission.REQUEST_DECIDE),
)
def decide_request(
    ctx: Writer, request_id: str, body: DecisionBody, response: Response, key: IdempotencyKey = None
) -> Decided:
    decision = workflow.DecisionInput(
        action=Action(body.action),
        reason_codes=tuple(body.reason_codes),
        text=body.text,
        excluded_seqs=tuple(body.excluded_seqs),
        conditions=body.conditions,
        reply_by=body.reply_by,
    )
    result, replayed = workflow.decide_once(
        ctx.session,
        ctx.actor,
        request_id,
        decision,
        key,
        {"request": request_id, **body.model_dump(mode="json")},
        secret=ctx.settings.secret_key,
    )
    _mark_replayed(response, replayed)
    return Decided.model_validate(result)


@router.post(
    "/revoke",
    operation_id="revokeRequest",
    summary="Withdraw the clearance before departure, with reason codes",
    openapi_extra=needs(Permission.REQUEST_REVOKE),
)
def revoke_request(ctx: Writer, request_id: str, body: ReasonsBody) -> views.NewState:
    result = workflow.revoke(
        ctx.session, ctx.actor, request_id, body.reason_codes, body.text, secret=ctx.settings.secret_key
    )
    return views.NewState.model_validate(result)


@router.post(
    "/cancel",
    operation_id="cancelRequest",
    summary="The sending side withdraws the request",
    openapi_extra=needs(Permission.REQUEST_CANCEL),
)
def cancel_request(ctx: Writer, request_id: str, body: CancelBody | None = None) -> views.NewState:
    result = workflow.cancel(ctx.session, ctx.actor, request_id, body.text if body else None)
    return views.NewState.model_validate(result)
