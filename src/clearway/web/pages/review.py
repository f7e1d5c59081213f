"""The receiving side: the inbox by deadline, and the decisions taken on the review screen
(approve, with restrictions, ask for information, deny), revocation and reception."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Request, Response

from clearway.domain.workflow import Action
from clearway.services import pages_views, workflow
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.services.pages_actions import RECEPTION_OUTCOMES
from clearway.web.pages.kit import Flash, PageContext, form_errors, run
from clearway.web.pages.requests import render_request

router = APIRouter(include_in_schema=False)

DECISIONS = ("approve", "approve_restricted", "request_info", "deny")
DECISION_FIELDS = {
    "reason_codes": "reason_codes",
    "text": "decision_text",
    "excluded_seqs": "excluded_seqs",
    "action": "action",
}


@router.get("/inbox")
async def inbox_page(request: Request) -> Response:
    return await run(request, _inbox)


def _inbox(ctx: PageContext) -> Response:
    return ctx.render("review/inbox.html", rows=pages_views.inbox(ctx.session, ctx.actor))


def _seqs(text: str) -> tuple[list[int], list[str]]:
    numbers, bad = [], []
    for part in text.replace(";", ",").replace(" ", ",").split(","):
        if not part.strip():
            continue
        if part.strip().isdigit():
            numbers.append(int(part.strip()))
        else:
            bad.append(part.strip())
    return numbers, bad


@router.post("/requests/{request_id}/decision")
async def decide(request: Request, request_id: str) -> Response:
    return await run(request, _decide, request_id=request_id)


def _decide(ctx: PageContext, request_id: str) -> Response:
    action = ctx.value("action")
    codes = tuple(code for code in ctx.values("reason_codes") if code)
    text = ctx.value("decision_text") or None
    conditions = ctx.value("conditions") or None
    excluded, bad = _seqs(ctx.value("excluded_seqs"))
    errors: dict[str, str] = {}
    values = {
        "action": action,
        "decision_text": text or "",
        "conditions": conditions or "",
        "excluded_seqs": ctx.value("excluded_seqs"),
        "reply_by": ctx.value("reply_by"),
        "reason_codes": ",".join(codes),
    }
    if action not in DECISIONS:
        errors["action"] = ctx._("Choose a decision.")
    if bad:
        errors["excluded_seqs"] = ctx._("Write the seq numbers of the passengers, separated by commas.")
    reply_by = None
    if action == "request_info":
        try:
            reply_by = datetime.fromisoformat(ctx.value("reply_by")).replace(tzinfo=UTC)
        except ValueError:
            errors["reply_by"] = ctx._("Enter the date and time (UTC) by which the answer is due.")
        if reply_by is not None and reply_by <= datetime.now(UTC):
            errors["reply_by"] = ctx._("The reply-by time must be in the future.")
    if errors:
        return render_request(ctx, request_id, errors=errors, status=422, values=values)
    decision = workflow.DecisionInput(
        action=Action(action),
        reason_codes=codes,
        text=text if action != "approve_restricted" else (text or None),
        excluded_seqs=tuple(excluded),
        conditions=conditions,
        reply_by=reply_by,
    )
    try:
        result = workflow.decide(ctx.session, ctx.actor, request_id, decision, secret=ctx.settings.secret_key)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(
            ctx, request_id, errors=form_errors(ctx, error, DECISION_FIELDS), status=error.status, values=values
        )
    messages = {
        "approve": ctx._(
            "Approved. Clearance %(number)s is issued and signed.", number=result.get("clearance", {}).get("number", "")
        ),
        "approve_restricted": ctx._(
            "Approved with restrictions. Clearance %(number)s is issued and signed.",
            number=result.get("clearance", {}).get("number", ""),
        ),
        "request_info": ctx._("Your questions are sent to the sending side."),
        "deny": ctx._("The request is denied."),
    }
    return ctx.redirect(f"/requests/{request_id}", Flash("success", messages[action]))


@router.post("/requests/{request_id}/revoke")
async def revoke(request: Request, request_id: str) -> Response:
    return await run(request, _revoke, request_id=request_id)


def _revoke(ctx: PageContext, request_id: str) -> Response:
    codes = tuple(code for code in ctx.values("revoke_codes") if code)
    text = ctx.value("revoke_text") or None
    if not codes:
        return render_request(
            ctx, request_id, errors={"revoke_codes": ctx._("Choose at least one reason.")}, status=422
        )
    try:
        workflow.revoke(ctx.session, ctx.actor, request_id, codes, text, secret=ctx.settings.secret_key)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(ctx, request_id, errors={"revoke_codes": ctx.say(error)}, status=error.status)
    return ctx.redirect(f"/requests/{request_id}", Flash("success", ctx._("The clearance is revoked.")))


@router.post("/requests/{request_id}/reception")
async def reception(request: Request, request_id: str) -> Response:
    return await run(request, _reception, request_id=request_id)


def _reception(ctx: PageContext, request_id: str) -> Response:
    outcomes = {}
    form = ctx.form
    assert form is not None
    for name, value in form.multi_items():
        if name.startswith("outcome-") and name[8:].isdigit() and value in RECEPTION_OUTCOMES:
            outcomes[int(name[8:])] = RECEPTION_OUTCOMES[str(value)]
    try:
        result = workflow.confirm_reception(ctx.session, ctx.actor, request_id, outcomes)
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        return render_request(ctx, request_id, errors={"reception": ctx.say(error)}, status=error.status)
    return ctx.redirect(
        f"/requests/{request_id}",
        Flash(
            "success",
            ctx._(
                "Reception confirmed: %(received)s received, %(missing)s not on board. The request is closed.",
                received=result["received"],
                missing=result["not_on_board"],
            ),
        ),
    )
