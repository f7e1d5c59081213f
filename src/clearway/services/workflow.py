"""The workflow's transitions (spec/workflow.md), each one transaction with its audit entry.

Every function takes the request by its public id, locks it, checks the actor's
permission and the current state (``TransitionRefused`` names it; nothing changes),
then records what happened.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import (
    DECISION_EVENTS,
    Arrived,
    Cancelled,
    Departed,
    ReceptionConfirmed,
    Resubmitted,
    Revoked,
    Submitted,
)
from clearway.domain.clearance import DecisionKind
from clearway.domain.findings import Code
from clearway.domain.workflow import TRANSITIONS, Action, State, TransitionRefused, next_state
from clearway.services import audit, clearances, conversation, idempotency
from clearway.services.access import find_request
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, Invalid
from clearway.services.precheck import has_errors, precheck_snapshot, stored_findings
from clearway.services.requests import current_version, share_version, snapshot_of, version_row
from clearway.services.transition_results import (
    DecideResult,
    DepartureResult,
    IssuedClearance,
    ReceptionResult,
    RevokeResult,
    StateResult,
    SubmitResult,
)
from clearway.store.models import (
    Clearance,
    ClearanceRequest,
    ClearanceStatus,
    Decision,
    FlightEvent,
    FlightEventKind,
    ReceptionOutcome,
    ReceptionRecord,
    utcnow,
)

OTHER = "OTHER"
MAX_REGISTRATION = 16  # the longest registrations (military serials) fit; the column holds 16
_FINDING_CODES = frozenset(str(code) for code in Code)


def _begin(session: Session, actor: Actor, public_id: str, action: Action) -> tuple[ClearanceRequest, State]:
    """The locked request and the state ``action`` leads to; nothing is changed yet, so a
    refusal found later (a missing reason, say) leaves the request exactly as it was."""
    request = find_request(session, actor, public_id, for_update=True)
    return request, _target(request, actor, action)


def _target(request: ClearanceRequest, actor: Actor, action: Action) -> State:
    actor.require(TRANSITIONS[action].permission)
    try:
        return next_state(request.state, action)
    except TransitionRefused as refused:
        raise Conflict("service.transition_refused", action=str(action), state=str(refused.current)) from None


def _move(request: ClearanceRequest, target: State) -> None:
    request.state = target
    request.updated_at = utcnow()


def submit(
    session: Session,
    actor: Actor,
    public_id: str,
    *,
    justification: str | None = None,
    answer: str | None = None,
) -> dict[str, Any]:
    """``submitted`` as a plain dictionary, for the callers that still take one (the pages' actions)."""
    return dict(submitted(session, actor, public_id, justification=justification, answer=answer))


def submitted(
    session: Session,
    actor: Actor,
    public_id: str,
    *,
    justification: str | None = None,
    answer: str | None = None,
) -> SubmitResult:
    """Submit a draft, or resubmit after a request for information.

    Refused without a manifest (a version with no passenger), and while the pre-check (run
    again now: the lead time depends on this moment) has errors, unless the officer writes a
    justification, which is stored with the version and shown to the receiving side. A
    resubmission answers the questions: in words (``answer``, or an answer written since the
    question), with a new version, or both; with neither it is refused.
    """
    request = find_request(session, actor, public_id, for_update=True)
    action = Action.RESUBMIT if request.state is State.INFO_REQUESTED else Action.SUBMIT
    target = _target(request, actor, action)
    justification = conversation.clean_text(justification, "justification")
    answer = conversation.clean_text(answer, "answer")
    if answer is not None and action is not Action.RESUBMIT:
        raise Invalid("service.nothing_to_answer", field="answer")
    version = current_version(session, request)
    snapshot = snapshot_of(version)
    if not snapshot.passengers:  # no justification can stand for the manifest itself
        raise Conflict("service.manifest_empty", field="manifest")
    result = precheck_snapshot(
        session, snapshot, sending_org_id=request.sending_org_id, at=utcnow(), request_id=request.id
    )
    findings = stored_findings(result)
    errors = [item["code"] for item in findings if item["severity"] == "error"]
    if has_errors(findings) and justification is None:
        raise Conflict("service.precheck_errors", count=len(errors), codes=", ".join(sorted(set(errors))))
    if action is Action.RESUBMIT:
        question = conversation.latest_question(session, request)
        new_version = question is not None and request.current_version > question.version
        answered = question is not None and conversation.answered_since(session, request, question)
        if answer is None and not new_version and not answered:
            raise Conflict("service.resubmit_needs_answer")
        if answer is not None:
            conversation.write_answer(session, actor, request, answer)
    _move(request, target)
    share_version(session, actor, request, version.number, action, justification)
    kind = Resubmitted if action is Action.RESUBMIT else Submitted
    event = kind(findings=tuple(errors), justification=justification, submitted_at=_iso(utcnow()))
    audit.record(session, actor, event, request=request, version=version.number)
    return {"state": str(request.state), "version": version.number, "findings": findings, "override": justification}


@dataclass(frozen=True)
class DecisionInput:
    action: Action  # approve, approve_restricted, request_info or deny
    reason_codes: tuple[str, ...] = ()
    text: str | None = None
    excluded_seqs: tuple[int, ...] = ()
    conditions: str | None = None
    reply_by: datetime | None = None


def decide(session: Session, actor: Actor, public_id: str, decision: DecisionInput, *, secret: str) -> DecideResult:
    """The receiving side's decision on the submitted version; an approval issues a signed clearance."""
    if decision.action not in (Action.APPROVE, Action.APPROVE_RESTRICTED, Action.REQUEST_INFO, Action.DENY):
        raise Invalid("service.not_a_decision", field="action", action=str(decision.action))
    _check_reasons(decision)
    if decision.action is Action.REQUEST_INFO:
        conversation.check_reply_by(decision.reply_by)
    request, target = _begin(session, actor, public_id, decision.action)
    version = current_version(session, request)
    manifest_seqs = {int(p.seq) for p in snapshot_of(version).passengers if p.seq.strip().isdigit()}
    unknown = sorted(set(decision.excluded_seqs) - manifest_seqs)
    if unknown:
        raise Invalid("service.unknown_seqs", field="excluded_seqs", seqs=", ".join(map(str, unknown)))
    _move(request, target)
    restrictions = None
    if decision.action is Action.APPROVE_RESTRICTED:
        restrictions = {"excluded_seqs": list(decision.excluded_seqs), "conditions": decision.conditions or ""}
    row = Decision(
        request_id=request.id,
        version=version.number,
        action=decision.action,
        reason_codes=list(decision.reason_codes),
        text=decision.text,
        restrictions=restrictions,
        reply_by=decision.reply_by,
        decided_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    if decision.action is Action.REQUEST_INFO:
        conversation.ask(
            session,
            actor,
            request,
            text=(decision.text or "").strip(),
            reason_codes=decision.reason_codes,
            reply_by=decision.reply_by,
            version=version.number,
        )
    number = None
    issued: IssuedClearance | None = None
    if decision.action in (Action.APPROVE, Action.APPROVE_RESTRICTED):
        clearance = clearances.issue(
            session,
            actor,
            request,
            version,
            row,
            excluded_seqs=tuple(sorted(decision.excluded_seqs)),
            conditions=decision.conditions or "",
            reason_codes=decision.reason_codes,
            secret=secret,
        )
        number = clearance.number
        issued = {"number": clearance.number, "token": clearance.token, "key_id": clearance.key_id}
    else:  # every decision is signed, not only approvals (spec/README.md, "Decision")
        terms = clearances.DecisionTerms(DecisionKind(decision.action), reason_codes=decision.reason_codes)
        clearances.sign_decision(session, actor, request, version, row, terms, secret=secret)
    result: DecideResult = {
        "state": str(request.state),
        "version": version.number,
        "decision": row.id,
        "signature": {"token": row.signature, "key_id": row.key_id},
    }
    if issued is not None:
        result["clearance"] = issued
    event = DECISION_EVENTS[str(decision.action)](decision.reason_codes, number, row.key_id or "")
    audit.record(session, actor, event, request=request, version=version.number)
    return result


def _check_reasons(decision: DecisionInput) -> None:
    bad = [code for code in decision.reason_codes if code != OTHER and code not in _FINDING_CODES]
    if bad:
        raise Invalid("service.unknown_reason_codes", field="reason_codes", codes=", ".join(bad))
    if OTHER in decision.reason_codes and not (decision.text or "").strip():
        raise Invalid("service.other_needs_text", field="text")
    if decision.action is Action.DENY and not decision.reason_codes:
        raise Invalid("service.reason_required", field="reason_codes")
    if decision.action is Action.REQUEST_INFO and not (decision.text or "").strip():
        raise Invalid("service.questions_required", field="text")
    if decision.action is Action.APPROVE_RESTRICTED and not (
        decision.excluded_seqs or (decision.conditions or "").strip()
    ):
        raise Invalid("service.restrictions_required", field="excluded_seqs")


def revoke(
    session: Session,
    actor: Actor,
    public_id: str,
    reason_codes: Iterable[str],
    text: str | None,
    *,
    secret: str,
) -> RevokeResult:
    """Withdraw a clearance before departure, with reason codes; the revocation is signed too."""
    codes = tuple(reason_codes)
    _check_reasons(DecisionInput(Action.DENY, codes, text))
    request, target = _begin(session, actor, public_id, Action.REVOKE)
    withdrawn = clearances.current_clearance(session, request)
    _move(request, target)
    for clearance in session.scalars(
        select(Clearance).where(Clearance.request_id == request.id, Clearance.status == ClearanceStatus.CURRENT)
    ):
        clearance.status = ClearanceStatus.REVOKED
        clearance.status_changed_at = utcnow()
    decided_version = withdrawn.version if withdrawn is not None else request.current_version
    row = Decision(
        request_id=request.id,
        version=decided_version,
        action=Action.REVOKE,
        reason_codes=list(codes),
        text=text,
        decided_by=actor.user_id,
    )
    session.add(row)
    session.flush()
    version = version_row(session, request, decided_version)
    number = withdrawn.number if withdrawn is not None else None
    terms = clearances.DecisionTerms(DecisionKind.REVOKE, reason_codes=codes, number=number)
    clearances.sign_decision(session, actor, request, version, row, terms, secret=secret)
    audit.record(session, actor, Revoked(codes, number, row.key_id or ""), request=request, version=decided_version)
    return {"state": str(request.state), "signature": {"token": row.signature, "key_id": row.key_id}}


def cancel(session: Session, actor: Actor, public_id: str, text: str | None = None) -> StateResult:
    """The sending side withdraws the request; any clearance stops being current. The reason is
    kept with the request and shown to both sides."""
    reason = conversation.clean_text(text, "text")
    request, target = _begin(session, actor, public_id, Action.CANCEL)
    _move(request, target)
    request.cancel_reason = reason
    for clearance in session.scalars(
        select(Clearance).where(Clearance.request_id == request.id, Clearance.status == ClearanceStatus.CURRENT)
    ):
        clearance.status = ClearanceStatus.REVOKED
        clearance.status_changed_at = utcnow()
    audit.record(session, actor, Cancelled(reason), request=request, version=request.current_version)
    return {"state": str(request.state)}


#: How far in the future a recorded departure or arrival may lie: the recorder's clock may run ahead.
DEFAULT_CLOCK_SKEW = timedelta(minutes=5)


def _check_event_time(at: datetime, field: str, *, previous: datetime | None, allowed_skew: timedelta) -> None:
    """A flight event happened: not in the future (beyond ``allowed_skew``), not before the event before it."""
    now = utcnow()
    if at > now + allowed_skew:
        raise Invalid("service.event_in_future", field=field, value=_iso(at), now=_iso(now))
    if previous is not None and at < previous:
        raise Invalid("service.event_before_previous", field=field, value=_iso(at), previous=_iso(previous))


def record_departure(
    session: Session,
    actor: Actor,
    public_id: str,
    *,
    at: datetime,
    actual_registration: str,
    allowed_skew: timedelta = DEFAULT_CLOCK_SKEW,
) -> DepartureResult:
    """Departure with the actual time and registration. Another registration than the cleared one,
    and a departure outside the clearance's validity window, are flagged at once to both sides
    (on the request, and in the audit trail)."""
    if len(actual_registration.strip()) > MAX_REGISTRATION:
        raise Invalid(
            "service.registration_too_long",
            field="actual_registration",
            value=actual_registration,
            maximum=MAX_REGISTRATION,
        )
    request, target = _begin(session, actor, public_id, Action.DEPART)
    clearance = session.scalars(
        select(Clearance).where(Clearance.request_id == request.id, Clearance.status == ClearanceStatus.CURRENT)
    ).first()
    approved_at = session.scalar(
        select(Decision.decided_at)
        .where(Decision.request_id == request.id, Decision.action.in_((Action.APPROVE, Action.APPROVE_RESTRICTED)))
        .order_by(Decision.decided_at.desc(), Decision.id.desc())
        .limit(1)
    )
    # The approval's time is the server's, the departure's the recorder's: the same allowance for their clocks.
    earliest = approved_at - allowed_skew if approved_at is not None else None
    _check_event_time(at, "at", previous=earliest, allowed_skew=allowed_skew)
    _move(request, target)
    cleared_version = clearance.version if clearance is not None else request.current_version
    cleared = snapshot_of(version_row(session, request, cleared_version)).flight.aircraft.registration
    mismatch = _registration(actual_registration) != _registration(cleared)
    outside = clearance is not None and not (clearance.valid_from <= at <= clearance.valid_until)
    session.add(
        FlightEvent(
            request_id=request.id,
            kind=FlightEventKind.DEPARTURE,
            at=at,
            actual_registration=actual_registration.strip(),
            registration_mismatch=mismatch,
            outside_validity=outside,
            recorded_by=actor.user_id,
        )
    )
    details: DepartureResult = {
        "state": str(request.state),
        "at": _iso(at),
        "actual_registration": actual_registration.strip(),
        "registration_mismatch": mismatch,
        "outside_validity": outside,
    }
    if mismatch:
        details["cleared_registration"] = cleared
    if outside and clearance is not None:
        details["valid_from"], details["valid_until"] = _iso(clearance.valid_from), _iso(clearance.valid_until)
    event = Departed(
        at=details["at"],
        actual_registration=details["actual_registration"],
        registration_mismatch=mismatch,
        cleared_registration=details.get("cleared_registration"),
        outside_validity=outside,
        valid_from=details.get("valid_from"),
        valid_until=details.get("valid_until"),
    )
    audit.record(session, actor, event, request=request, version=request.current_version)
    return details


def _registration(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def record_arrival(
    session: Session, actor: Actor, public_id: str, *, at: datetime, allowed_skew: timedelta = DEFAULT_CLOCK_SKEW
) -> StateResult:
    """Arrival, recorded by either side: not in the future, not before the departure."""
    request, target = _begin(session, actor, public_id, Action.ARRIVE)
    departed_at = session.scalar(
        select(FlightEvent.at).where(
            FlightEvent.request_id == request.id, FlightEvent.kind == FlightEventKind.DEPARTURE
        )
    )
    _check_event_time(at, "at", previous=departed_at, allowed_skew=allowed_skew)
    _move(request, target)
    session.add(FlightEvent(request_id=request.id, kind=FlightEventKind.ARRIVAL, at=at, recorded_by=actor.user_id))
    audit.record(session, actor, Arrived(_iso(at)), request=request, version=request.current_version)
    return {"state": str(request.state)}


def confirm_reception(
    session: Session, actor: Actor, public_id: str, given: Mapping[int, ReceptionOutcome | str]
) -> ReceptionResult:
    """Who was received and who was not on board, for every passenger of the cleared manifest."""
    outcomes = {seq: ReceptionOutcome(outcome) for seq, outcome in given.items()}
    request, target = _begin(session, actor, public_id, Action.CONFIRM_RECEPTION)
    seqs = {int(p.seq) for p in snapshot_of(current_version(session, request)).passengers if p.seq.strip().isdigit()}
    unknown = sorted(set(outcomes) - seqs)
    missing = sorted(seqs - set(outcomes))
    if unknown:
        raise Invalid("service.unknown_seqs", field="passengers", seqs=", ".join(map(str, unknown)))
    if missing:
        raise Invalid("service.reception_incomplete", field="passengers", seqs=", ".join(map(str, missing)))
    _move(request, target)
    for seq, outcome in sorted(outcomes.items()):
        session.add(ReceptionRecord(request_id=request.id, seq=seq, outcome=outcome, recorded_by=actor.user_id))
    received = sum(1 for value in outcomes.values() if value is ReceptionOutcome.RECEIVED)
    not_on_board = sum(1 for value in outcomes.values() if value is ReceptionOutcome.NOT_ON_BOARD)
    event = ReceptionConfirmed(received, not_on_board)
    audit.record(session, actor, event, request=request, version=request.current_version)
    return {"state": str(request.state), "received": received, "not_on_board": not_on_board}


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


# The transitions a caller may repeat with an ``Idempotency-Key``. The request is locked first,
# then the key is looked up: two calls with one key run one after the other, and the second
# finds the first one's result instead of acting again.


def submit_once(
    session: Session,
    actor: Actor,
    public_id: str,
    key: str | None,
    payload: Any,
    *,
    justification: str | None = None,
    answer: str | None = None,
) -> tuple[SubmitResult, bool]:
    """``submitted``, once per ``key`` (``payload``: the call as made, to refuse a reused key);
    (result, replayed)."""
    find_request(session, actor, public_id, for_update=True)
    return idempotency.once(
        session,
        actor,
        key,
        "submit",
        payload,
        lambda: submitted(session, actor, public_id, justification=justification, answer=answer),
    )


def decide_once(
    session: Session,
    actor: Actor,
    public_id: str,
    decision: DecisionInput,
    key: str | None,
    payload: Any,
    *,
    secret: str,
) -> tuple[DecideResult, bool]:
    """``decide``, once per ``key`` (``payload``: the call as made); (result, replayed)."""
    find_request(session, actor, public_id, for_update=True)
    return idempotency.once(
        session, actor, key, "decide", payload, lambda: decide(session, actor, public_id, decision, secret=secret)
    )
