"""The shared record around a request: answers to questions, observer grants, the audit
entries and the access log."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from clearway.domain.workflow import Permission
from clearway.services import conversation, observers, record
from clearway.web.api import views
from clearway.web.api.deps import ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(tags=["record"], responses=ERROR_RESPONSES)


class AnswerBody(BaseModel):
    text: str = Field(min_length=1, max_length=conversation.MAX_TEXT, description="The answer, in words.")
    in_reply_to: str | None = Field(default=None, description="The question's id (default: the latest question).")


@router.post(
    "/requests/{request_id}/answers",
    operation_id="answerQuestions",
    status_code=201,
    summary="Answer the receiving side's questions in words (the request stays info_requested until resubmitted)",
    openapi_extra=needs(Permission.REQUEST_SUBMIT),
)
def answer_questions(ctx: Writer, request_id: str, body: AnswerBody) -> views.Message:
    written = conversation.answer(ctx.session, ctx.actor, request_id, body.text, body.in_reply_to)
    return views.message(written)


class GrantBody(BaseModel):
    observer_organisation: int | str = Field(description="The observer organisation's id or exact name.")
    request_id: str | None = Field(default=None, description="One request (its id) ...")
    agreement_id: str | None = Field(
        default=None, description="... or one agreement: your organisation's requests under it."
    )
    personal_data: bool = Field(default=False, description="Without it: the flight, counts and safeguards only.")

    @model_validator(mode="after")
    def _one_target(self) -> GrantBody:
        if (self.request_id is None) == (self.agreement_id is None):
            raise ValueError("give request_id or agreement_id, not both and not neither")
        return self

    def target(self) -> observers.GrantTarget:
        return observers.GrantTarget(
            observer_organisation=self.observer_organisation,
            request_id=self.request_id,
            agreement_id=self.agreement_id,
            personal_data=self.personal_data,
        )


class WithdrawBody(BaseModel):
    observer_organisation: int | str
    request_id: str | None = None
    agreement_id: str | None = None

    @model_validator(mode="after")
    def _one_target(self) -> WithdrawBody:
        if (self.request_id is None) == (self.agreement_id is None):
            raise ValueError("give request_id or agreement_id, not both and not neither")
        return self


class Grant(BaseModel):
    id: int
    observer_organisation: str
    request_id: str | None
    agreement_id: str | None
    personal_data: bool
    granted_by_organisation: str | None
    granted_at: datetime
    withdrawn_at: datetime | None


class GrantList(BaseModel):
    items: list[Grant]


def _grant(view: observers.GrantView) -> Grant:
    return Grant.model_validate(view, from_attributes=True)


@router.post(
    "/observer-grants",
    operation_id="grantObserver",
    status_code=201,
    summary="Give an observer read-only access to one request or to your requests under one agreement",
    openapi_extra=needs(Permission.OBSERVERS_MANAGE),
)
def grant_observer(ctx: Writer, body: GrantBody) -> Grant:
    return _grant(observers.grant(ctx.session, ctx.actor, body.target()))


@router.delete(
    "/observer-grants",
    operation_id="withdrawObserverGrant",
    summary="Withdraw your organisation's grant to an observer for one request or one agreement",
    openapi_extra=needs(Permission.OBSERVERS_MANAGE),
)
def withdraw_observer_grant(ctx: Writer, body: WithdrawBody) -> GrantList:
    target = observers.GrantTarget(body.observer_organisation, body.request_id, body.agreement_id)
    return GrantList(items=[_grant(view) for view in observers.withdraw(ctx.session, ctx.actor, target)])


@router.get(
    "/requests/{request_id}/observer-grants",
    operation_id="listObserverGrants",
    summary="The observer grants covering this request, withdrawn ones included (the request's organisations)",
    openapi_extra=needs(Permission.REQUEST_READ),
)
def list_observer_grants(ctx: Reader, request_id: str) -> GrantList:
    return GrantList(items=[_grant(view) for view in observers.grants_of_request(ctx.session, ctx.actor, request_id)])


class AuditLine(BaseModel):
    sequence: int
    at: datetime
    action: str
    version: int | None
    user: str | None
    organisation: str | None
    details: dict[str, Any]
    hash: str
    previous_hash: str


class AuditList(BaseModel):
    items: list[AuditLine]


class AccessLine(BaseModel):
    at: datetime
    version: int
    user: str
    organisation: str


class AccessList(BaseModel):
    items: list[AccessLine]


@router.get(
    "/requests/{request_id}/audit",
    operation_id="requestAudit",
    summary="The request's audit entries, oldest first (its sending and receiving organisations)",
    openapi_extra=needs(Permission.REQUEST_READ),
)
def request_audit(ctx: Reader, request_id: str) -> AuditList:
    lines = record.audit_of_request(ctx.session, ctx.actor, request_id)
    return AuditList(items=[AuditLine.model_validate(line, from_attributes=True) for line in lines])


@router.get(
    "/requests/{request_id}/access-log",
    operation_id="requestAccessLog",
    summary="Who viewed the request's personal data, and when (its sending and receiving organisations)",
    openapi_extra=needs(Permission.REQUEST_READ),
)
def request_access_log(ctx: Reader, request_id: str) -> AccessList:
    lines = record.access_log_of_request(ctx.session, ctx.actor, request_id)
    return AccessList(items=[AccessLine.model_validate(line, from_attributes=True) for line in lines])
