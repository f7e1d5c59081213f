"""What the web pages show, read in one place: the flights list, a request's page, the inbox,
the timeline and the access log. Who may see what is decided by ``access``, as for the API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from clearway.domain.agreements import Agreement
from clearway.domain.diff import VersionDiff, diff_versions
from clearway.domain.material import classify_change
from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import RequestSnapshot, canonical_seq
from clearway.domain.workflow import Action, OrgKind, Permission, State
from clearway.i18n import DEFAULT_LANGUAGE, finding_title
from clearway.services import agreements
from clearway.services import conversation as conversation_service
from clearway.services.access import (
    find_request,
    log_personal_data_view,
    may_read_personal_data,
    require_personal_data,
    shown_version,
    visible,
)
from clearway.services.actor import Actor
from clearway.services.precheck import finding_message
from clearway.services.requests import snapshot_of, version_row, visible_version
from clearway.store.models import (
    AccessLogEntry,
    AuditEntry,
    Clearance,
    ClearanceRequest,
    Decision,
    FlightEvent,
    Organisation,
    ReceptionRecord,
    RequestVersion,
    User,
    VersionArrival,
    VersionSubmission,
    utcnow,
)

SORTS = ("updated", "reference", "state", "arrival")
PAGE_SIZE = 25
_DECIDING = frozenset({Action.APPROVE, Action.APPROVE_RESTRICTED, Action.REQUEST_INFO, Action.DENY})


@dataclass(frozen=True)
class FlightRow:
    public_id: str
    reference: str
    receiving_country: str
    state: str
    destination: str | None
    arrival_day: date | None
    version: int
    updated_at: datetime


@dataclass(frozen=True)
class FlightsPage:
    rows: list[FlightRow]
    total: int
    page: int
    pages: int


def list_flights(
    session: Session,
    actor: Actor,
    *,
    state: State | None = None,
    destination: str | None = None,
    arrival_from: date | None = None,
    arrival_to: date | None = None,
    sort: str = "updated",
    descending: bool = True,
    page: int = 1,
) -> FlightsPage:
    """The flights the actor may see, filtered, sorted and one page of ``PAGE_SIZE``."""
    actor.require(Permission.REQUEST_READ)
    first_arrival = (
        select(
            VersionArrival.version_id,
            func.min(VersionArrival.local_date).label("day"),
            func.min(VersionArrival.airport).label("airport"),
        )
        .group_by(VersionArrival.version_id)
        .subquery()
    )
    conditions: list[Any] = [visible(actor)]
    if state is not None:
        conditions.append(ClearanceRequest.state == state)
    if destination:
        conditions.append(first_arrival.c.airport == destination.strip().upper())
    if arrival_from is not None:
        conditions.append(first_arrival.c.day >= arrival_from)
    if arrival_to is not None:
        conditions.append(first_arrival.c.day <= arrival_to)
    joined: Select[Any] = (
        select(ClearanceRequest, first_arrival.c.day, first_arrival.c.airport)
        .join(
            RequestVersion,
            and_(
                RequestVersion.request_id == ClearanceRequest.id,
                RequestVersion.number == ClearanceRequest.current_version,
            ),
        )
        .outerjoin(first_arrival, first_arrival.c.version_id == RequestVersion.id)
        .where(*conditions)
    )
    total = session.scalar(select(func.count()).select_from(joined.subquery())) or 0
    column: Any = {
        "reference": ClearanceRequest.reference,
        "state": ClearanceRequest.state,
        "arrival": first_arrival.c.day,
        "updated": ClearanceRequest.updated_at,
    }.get(sort, ClearanceRequest.updated_at)
    order = [column.desc() if descending else column.asc(), ClearanceRequest.id.desc()]
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(max(1, page), pages)
    rows = session.execute(joined.order_by(*order).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE))
    return FlightsPage(
        rows=[
            FlightRow(
                public_id=request.public_id,
                reference=request.reference,
                receiving_country=request.receiving_country,
                state=str(request.state),
                destination=airport,
                arrival_day=day,
                version=request.current_version,
                updated_at=request.updated_at,
            )
            for request, day, airport in rows
        ],
        total=total,
        page=page,
        pages=pages,
    )


@dataclass(frozen=True)
class ConversationItem:
    kind: str  # question or answer
    at: datetime
    who: str
    organisation: str
    text: str
    reply_by: datetime | None = None
    reason_codes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RowFindings:
    by_column: dict[str, str]
    elsewhere: list[dict[str, Any]]


@dataclass(frozen=True)
class RequestPage:
    """Everything a request's page shows; ``passengers`` hold personal data only when ``revealed``."""

    request: ClearanceRequest
    version: RequestVersion
    snapshot: RequestSnapshot
    findings: list[dict[str, Any]]
    revealed: bool
    #: The reader may see the personal data (role and, for an observer, a grant that includes it).
    may_reveal: bool
    #: The reader's current version: the sender's latest, the last one put before the others.
    latest_version: int
    decisions: list[Decision]
    clearance: Clearance | None
    events: list[FlightEvent]
    reception: list[ReceptionRecord]
    conversation: list[ConversationItem]
    justification: str | None
    #: The sending side's latest written reason for submitting despite errors, whatever the version.
    last_justification: str | None
    last_decided: int | None
    diff: VersionDiff | None  # against the version last decided, when it differs
    material_reasons: tuple[str, ...]
    agreement: Agreement | None
    sender_name: str
    lang: str = DEFAULT_LANGUAGE
    decided_by: dict[int, str] = field(default_factory=dict)
    #: The findings of each passenger by seq, grouped once (a manifest has hundreds of rows).
    findings_by_seq: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    #: Each finding's sentence once rendered (a finding shows in the pre-check panel and beside its row).
    _messages: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def findings_for(self, seq: str) -> list[dict[str, Any]]:
        # A finding names the passenger by the seq as a number: a row written '007' is passenger 7.
        return self.findings_by_seq.get(canonical_seq(seq), [])

    def row_severity(self, seq: str) -> str:
        """``error`` when a finding of the row is an error, ``warning`` when it has any other, else ''."""
        found = self.findings_for(seq)
        if not found:
            return ""
        return "error" if any(item["severity"] == "error" for item in found) else "warning"

    @property
    def flight_findings(self) -> list[dict[str, Any]]:
        return [item for item in self.findings if item.get("seq") is None]

    def row_findings(self, seq: str) -> RowFindings:
        """A row's findings for its edit form: the errors' sentences by the manifest column each names (a
        failed MRZ check digit names a field of the MRZ, so the fault is in the ``mrz`` column),
        and the other findings (warnings, and errors that name no column)."""
        by_column: dict[str, list[str]] = {}
        elsewhere = []
        for item in self.findings_for(seq):
            column = "mrz" if item["code"] == "MRZ_CHECK_DIGIT" else item.get("field")
            if column in MANIFEST_COLUMNS and item["severity"] == "error":
                by_column.setdefault(column, []).append(self.message(item))
            else:
                elsewhere.append(item)
        return RowFindings({column: " ".join(found) for column, found in by_column.items()}, elsewhere)

    @property
    def finding_codes(self) -> list[str]:
        """The codes of the findings, each once in the order first found (a denial's reasons)."""
        return list(dict.fromkeys(item["code"] for item in self.findings))

    def by_severity(self, severity: str) -> list[dict[str, Any]]:
        return [item for item in self.findings if item["severity"] == severity]

    def message(self, item: dict[str, Any]) -> str:
        """The finding's sentence, rendered now in the page's language. A passenger's sentence may
        name them or their document, and the manifest's personal data is shown only when revealed
        (and then logged): until then the finding's title stands for it."""
        if item.get("scope") == "passenger" and not self.revealed and item.get("seq") is not None:
            return finding_title(str(item["code"]), self.lang)  # says what is wrong, names nobody
        shown = self._messages.get(id(item))  # the page's own finding dicts: alive while it renders
        if shown is None:
            shown = self._messages[id(item)] = finding_message(item, self.lang)
        return shown

    @property
    def excluded_seqs(self) -> set[int]:
        for decision in reversed(self.decisions):
            if decision.action in (Action.APPROVE, Action.APPROVE_RESTRICTED) and decision.restrictions:
                return {int(seq) for seq in decision.restrictions.get("excluded_seqs", [])}
            if decision.action in (Action.APPROVE, Action.APPROVE_RESTRICTED):
                return set()
        return set()


def request_page(
    session: Session, actor: Actor, public_id: str, lang: str, *, reveal: bool = False, number: int | None = None
) -> RequestPage:
    """A request as its page shows it. ``reveal``: show the personal data (written to the access log).

    The same rules as the API's reads: the receiving side and observers see only versions put before
    the receiving side (a draft after them answers as a missing version), and personal data only when
    the role allows it and, for an observer, the grant includes it."""
    request = find_request(session, actor, public_id)
    latest = shown_version(actor, request)
    version = visible_version(session, actor, request, latest if number is None else number)
    may_reveal = may_read_personal_data(session, actor, request)
    if reveal:
        require_personal_data(session, actor, request)
        log_personal_data_view(session, actor, request, version.number)
    snapshot = snapshot_of(version)
    decisions = list(
        session.scalars(
            select(Decision).where(Decision.request_id == request.id).order_by(Decision.decided_at, Decision.id)
        )
    )
    clearance = session.scalars(
        select(Clearance)
        .where(Clearance.request_id == request.id)
        .order_by(Clearance.issued_at.desc(), Clearance.id.desc())
    ).first()
    events = list(
        session.scalars(select(FlightEvent).where(FlightEvent.request_id == request.id).order_by(FlightEvent.at))
    )
    reception = list(
        session.scalars(
            select(ReceptionRecord).where(ReceptionRecord.request_id == request.id).order_by(ReceptionRecord.seq)
        )
    )
    names = _user_names(session, {decision.decided_by for decision in decisions})
    conversation = [
        ConversationItem(
            "question" if message.kind == "question" else "answer",
            message.at,
            message.author,
            message.organisation,
            message.text,
            message.reply_by,
            tuple(message.reason_codes),
        )
        for message in conversation_service.messages_of(session, request)
    ]
    # Why it was submitted despite errors: written with the submission of this version.
    justification = session.scalar(
        select(VersionSubmission.justification)
        .where(
            VersionSubmission.request_id == request.id,
            VersionSubmission.version == version.number,
            VersionSubmission.justification.is_not(None),
        )
        .order_by(VersionSubmission.id.desc())
        .limit(1)
    )
    last_justification = justification
    if last_justification is None and request.state is State.INFO_REQUESTED:
        # Offered again when answering: the errors it explained may remain in a newer version.
        last_justification = session.scalar(
            select(VersionSubmission.justification)
            .where(VersionSubmission.request_id == request.id, VersionSubmission.justification.is_not(None))
            .order_by(VersionSubmission.id.desc())
            .limit(1)
        )
    conversation.sort(key=lambda item: item.at)
    decided = [decision.version for decision in decisions if decision.action in _DECIDING]
    last_decided = decided[-1] if decided else None
    agreement = _agreement_of(session, version, request.receiving_country)
    diff = None
    reasons: tuple[str, ...] = ()
    if last_decided is not None and last_decided != version.number:
        older = snapshot_of(version_row(session, request, last_decided))
        diff = diff_versions(older, snapshot)
        tolerance = agreement.time_tolerance_minutes if agreement is not None else None
        reasons = tuple(classify_change(older, snapshot, tolerance).reasons)
    sender = session.get(Organisation, request.sending_org_id)
    return RequestPage(
        request=request,
        version=version,
        snapshot=snapshot,
        findings=list(version.findings),
        revealed=reveal,
        may_reveal=may_reveal,
        latest_version=latest,
        decisions=decisions,
        clearance=clearance,
        events=events,
        reception=reception,
        conversation=conversation,
        justification=justification,
        last_justification=last_justification,
        last_decided=last_decided,
        diff=diff,
        material_reasons=reasons,
        agreement=agreement,
        sender_name=sender.name if sender is not None else "",
        lang=lang,
        decided_by={user_id: value[0] for user_id, value in names.items()},
        findings_by_seq=_by_seq(version.findings),
    )


def _by_seq(findings: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for item in findings:
        if item.get("seq") is not None:
            grouped.setdefault(str(item["seq"]), []).append(item)
    return grouped


def _agreement_of(session: Session, version: RequestVersion, receiving_country: str) -> Agreement | None:
    return agreements.judged_by(session, receiving_country, version.agreement_code, version.agreement_version)


def _user_names(session: Session, user_ids: set[int]) -> dict[int, tuple[str, str]]:
    if not user_ids:
        return {}
    rows = session.execute(
        select(User.id, User.display_name, Organisation.name)
        .join(Organisation, Organisation.id == User.organisation_id)
        .where(User.id.in_(user_ids))
    )
    return {user_id: (name, organisation) for user_id, name, organisation in rows}


def _audit_of(session: Session, request_id: int) -> Sequence[tuple[AuditEntry, str | None, str | None]]:
    rows = session.execute(
        select(AuditEntry, User.display_name, Organisation.name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .outerjoin(Organisation, Organisation.id == AuditEntry.organisation_id)
        .where(AuditEntry.request_id == request_id)
        .order_by(AuditEntry.sequence)
    )
    return [(entry, user, organisation) for entry, user, organisation in rows]


@dataclass(frozen=True)
class TimelineEntry:
    sequence: int
    at: datetime
    action: str
    version: int | None
    who: str
    organisation: str
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class AccessEntry:
    at: datetime
    who: str
    organisation: str
    version: int


@dataclass(frozen=True)
class RequestRecords:
    request: ClearanceRequest
    timeline: list[TimelineEntry]
    access: list[AccessEntry]


def request_records(session: Session, actor: Actor, public_id: str) -> RequestRecords:
    """The request's audit trail (every action, who and when) and its access log."""
    request = find_request(session, actor, public_id)
    timeline = [
        TimelineEntry(
            entry.sequence,
            entry.at,
            entry.action,
            entry.version,
            user or "",
            organisation or "",
            entry.details,
            entry.hash,
        )
        for entry, user, organisation in _audit_of(session, request.id)
    ]
    access = [
        AccessEntry(entry.at, user, organisation, entry.version)
        for entry, user, organisation in session.execute(
            select(AccessLogEntry, User.display_name, Organisation.name)
            .join(User, User.id == AccessLogEntry.user_id)
            .join(Organisation, Organisation.id == AccessLogEntry.organisation_id)
            .where(AccessLogEntry.request_id == request.id)
            .order_by(AccessLogEntry.at.desc(), AccessLogEntry.id.desc())
            .limit(500)
        )
    ]
    return RequestRecords(request, timeline, access)


@dataclass(frozen=True)
class InboxRow:
    public_id: str
    reference: str
    sender: str
    state: str
    version: int
    first_arrival: datetime | None
    airport: str | None
    decide_by: datetime | None  # the arrival less the agreement's lead time
    reply_by: datetime | None
    passengers: int
    errors: int

    @property
    def deadline(self) -> datetime | None:
        return self.reply_by or self.decide_by

    @property
    def time_left(self) -> timedelta | None:
        return self.deadline - utcnow() if self.deadline is not None else None


INBOX_STATES = (State.SUBMITTED, State.INFO_REQUESTED)


def inbox(session: Session, actor: Actor) -> list[InboxRow]:
    """Requests waiting for the receiving side, the nearest deadline first."""
    actor.require(Permission.REQUEST_READ)
    if actor.kind is not OrgKind.RECEIVING:
        return []
    rows = session.execute(
        select(ClearanceRequest, RequestVersion, Organisation.name)
        .join(
            RequestVersion,
            and_(
                RequestVersion.request_id == ClearanceRequest.id,
                RequestVersion.number == ClearanceRequest.current_version,
            ),
        )
        .join(Organisation, Organisation.id == ClearanceRequest.sending_org_id)
        .where(visible(actor), ClearanceRequest.state.in_(INBOX_STATES))
    ).all()
    lead_times: dict[tuple[str, str | None, int | None], float | None] = {}
    result = []
    for request, version, sender in rows:
        snapshot = snapshot_of(version)
        legs = snapshot.flight.legs
        first = legs[-1] if legs else None  # the leg that lands in the receiving country
        key = (request.receiving_country, version.agreement_code, version.agreement_version)
        if key not in lead_times:
            agreement = _agreement_of(session, version, request.receiving_country)
            lead_times[key] = agreement.lead_time_min_hours if agreement is not None else None
        lead = lead_times[key]
        decide_by = None
        if first is not None:
            decide_by = first.arrival - timedelta(hours=lead) if lead else first.arrival
        reply_by = None
        if request.state is State.INFO_REQUESTED:
            reply_by = session.scalar(
                select(Decision.reply_by)
                .where(Decision.request_id == request.id, Decision.action == Action.REQUEST_INFO)
                .order_by(Decision.decided_at.desc())
                .limit(1)
            )
        result.append(
            InboxRow(
                public_id=request.public_id,
                reference=request.reference,
                sender=sender,
                state=str(request.state),
                version=version.number,
                first_arrival=first.arrival if first else None,
                airport=first.destination if first else None,
                decide_by=decide_by,
                reply_by=reply_by,
                passengers=len(snapshot.passengers),
                errors=sum(1 for item in version.findings if item["severity"] == "error"),
            )
        )
    far = datetime.max.replace(tzinfo=utcnow().tzinfo)
    result.sort(key=lambda row: row.deadline or far)
    return result
