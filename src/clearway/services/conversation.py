"""A request's conversation (spec/workflow.md "Questions and answers"): the receiving side's
questions, with reason codes and a reply-by time, and the sending side's answers in words."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import Answered
from clearway.domain.workflow import OrgKind, Permission, State
from clearway.services import audit
from clearway.services.access import find_request
from clearway.services.actor import Actor
from clearway.services.errors import Conflict, Forbidden, Invalid, NotFound
from clearway.store.models import ClearanceRequest, MessageKind, Organisation, RequestMessage, User, utcnow

MAX_TEXT = 10_000


@dataclass(frozen=True)
class Message:
    """One message as both sides see it."""

    id: str
    kind: str
    text: str
    reason_codes: tuple[str, ...]
    reply_by: datetime | None
    in_reply_to: str | None
    author: str
    organisation: str
    at: datetime


def clean_text(text: str | None, field: str) -> str | None:
    """The text stripped, None when blank; ``Invalid`` naming ``field`` when too long."""
    cleaned = (text or "").strip()
    if len(cleaned) > MAX_TEXT:
        raise Invalid("service.text_too_long", field=field, maximum=MAX_TEXT)
    return cleaned or None


def ask(
    session: Session,
    actor: Actor,
    request: ClearanceRequest,
    *,
    text: str,
    reason_codes: Sequence[str],
    reply_by: datetime | None,
    version: int,
) -> RequestMessage:
    """The receiving side's questions on ``version`` (the decision has checked the reply-by time)."""
    question = RequestMessage(
        request_id=request.id,
        kind=MessageKind.QUESTION,
        text=text,
        reason_codes=list(reason_codes),
        reply_by=reply_by,
        version=version,
        author_id=actor.user_id,
        organisation_id=actor.organisation_id,
    )
    session.add(question)
    session.flush()
    return question


def check_reply_by(reply_by: datetime | None) -> None:
    """A reply-by time must lie in the future."""
    if reply_by is not None and reply_by <= utcnow():
        raise Invalid("service.reply_by_past", field="reply_by", value=reply_by.isoformat())


def latest_question(session: Session, request: ClearanceRequest) -> RequestMessage | None:
    return session.scalars(
        select(RequestMessage)
        .where(RequestMessage.request_id == request.id, RequestMessage.kind == MessageKind.QUESTION)
        .order_by(RequestMessage.id.desc())
        .limit(1)
    ).first()


def answered_since(session: Session, request: ClearanceRequest, question: RequestMessage) -> bool:
    """Whether the sending side has answered in words since ``question`` was asked."""
    found = session.scalar(
        select(RequestMessage.id)
        .where(
            RequestMessage.request_id == request.id,
            RequestMessage.kind == MessageKind.ANSWER,
            RequestMessage.id > question.id,
        )
        .limit(1)
    )
    return found is not None


def write_answer(
    session: Session, actor: Actor, request: ClearanceRequest, text: str, in_reply_to: str | None = None
) -> RequestMessage:
    """Append an answer to the request's latest question, or to the question named by ``in_reply_to``."""
    actor.require(Permission.REQUEST_SUBMIT)
    if actor.kind is not OrgKind.SENDING:
        raise Forbidden("service.only_sending_answers")
    if request.state is not State.INFO_REQUESTED:
        raise Conflict("service.transition_refused", action="answer", state=str(request.state))
    if in_reply_to is None:
        question = latest_question(session, request)
    else:
        question = session.scalars(
            select(RequestMessage).where(
                RequestMessage.public_id == in_reply_to,
                RequestMessage.request_id == request.id,
                RequestMessage.kind == MessageKind.QUESTION,
            )
        ).one_or_none()
    if question is None:
        raise NotFound("service.question_not_found", question=in_reply_to or "")
    answer = RequestMessage(
        request_id=request.id,
        kind=MessageKind.ANSWER,
        text=text,
        reason_codes=[],
        in_reply_to=question.id,
        version=request.current_version,
        author_id=actor.user_id,
        organisation_id=actor.organisation_id,
    )
    session.add(answer)
    session.flush()
    audit.record(session, actor, Answered(message=answer.public_id), request=request, version=request.current_version)
    return answer


def answer(session: Session, actor: Actor, public_id: str, text: str, in_reply_to: str | None = None) -> Message:
    """The sending side answers the receiving side's questions in words (``POST .../answers``)."""
    request = find_request(session, actor, public_id, for_update=True)
    cleaned = clean_text(text, "text")
    if cleaned is None:
        raise Invalid("service.answer_required", field="text")
    written = write_answer(session, actor, request, cleaned, in_reply_to)
    return messages_of(session, request, only=written.id)[0]


def messages_of(session: Session, request: ClearanceRequest, *, only: int | None = None) -> list[Message]:
    """The conversation, oldest first, with who wrote each message and for which organisation."""
    query = (
        select(RequestMessage, User.display_name, Organisation.name)
        .join(User, User.id == RequestMessage.author_id)
        .join(Organisation, Organisation.id == RequestMessage.organisation_id)
        .where(RequestMessage.request_id == request.id)
        .order_by(RequestMessage.id)
    )
    if only is not None:
        query = query.where(RequestMessage.id == only)
    rows = session.execute(query).all()
    public_ids = {
        row_id: public
        for row_id, public in session.execute(
            select(RequestMessage.id, RequestMessage.public_id).where(RequestMessage.request_id == request.id)
        )
    }
    return [
        Message(
            id=message.public_id,
            kind=str(message.kind),
            text=message.text,
            reason_codes=tuple(message.reason_codes or ()),
            reply_by=message.reply_by,
            in_reply_to=public_ids.get(message.in_reply_to) if message.in_reply_to is not None else None,
            author=author,
            organisation=organisation,
            at=message.at,
        )
        for message, author, organisation in rows
    ]
