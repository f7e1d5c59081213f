"""What someone must hear of: the event types of webhooks, e-mail and feeds, and which
audited action gives which events (pure: no database, no HTTP).

Event types are dotted, as receivers of Standard Webhooks expect, and stable: they are part
of the public contract. A body never carries personal data; the receiver fetches what it
may see through the API.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from typing import Any

from clearway.domain.audit_events import AuditAction


class EventType(StrEnum):
    REQUEST_SUBMITTED = "request.submitted"
    REQUEST_AMENDED = "request.amended"
    REQUEST_INFO_REQUESTED = "request.info_requested"
    REQUEST_ANSWERED = "request.answered"
    REQUEST_CANCELLED = "request.cancelled"
    DECISION_MADE = "decision.made"
    CLEARANCE_REVOKED = "clearance.revoked"
    CLEARANCE_SUPERSEDED = "clearance.superseded"
    FLIGHT_DEPARTED = "flight.departed"
    FLIGHT_ARRIVED = "flight.arrived"
    RECEPTION_CONFIRMED = "reception.confirmed"
    DEADLINE_APPROACHING = "deadline.approaching"


class DeadlineKind(StrEnum):
    REPLY_BY = "reply_by"  # the sending side must answer an information request
    LEAD_TIME = "lead_time"  # the last moment to submit so the agreement's lead time is met


@dataclass(frozen=True)
class Derived:
    """One event an action gives, with the extra (non-personal) fields of its body's ``data``."""

    type: EventType
    extra: Mapping[str, Any]


#: Audited actions (the audit entry's ``action``) and the event each gives; an action not
#: listed here (a version saved on a draft, a token created) is nobody else's business.
_SIMPLE: dict[AuditAction, EventType] = {
    AuditAction.SUBMIT: EventType.REQUEST_SUBMITTED,
    # A resubmission after questions is submitted again; its answer in words, written in the
    # same transaction or before, is its own audited action and its own event.
    AuditAction.RESUBMIT: EventType.REQUEST_SUBMITTED,
    AuditAction.ANSWER: EventType.REQUEST_ANSWERED,
    AuditAction.REQUEST_INFO: EventType.REQUEST_INFO_REQUESTED,
    AuditAction.APPROVE: EventType.DECISION_MADE,
    AuditAction.APPROVE_RESTRICTED: EventType.DECISION_MADE,
    AuditAction.DENY: EventType.DECISION_MADE,
    AuditAction.REVOKE: EventType.CLEARANCE_REVOKED,
    AuditAction.CANCEL: EventType.REQUEST_CANCELLED,
    AuditAction.DEPART: EventType.FLIGHT_DEPARTED,
    AuditAction.ARRIVE: EventType.FLIGHT_ARRIVED,
    AuditAction.CONFIRM_RECEPTION: EventType.RECEPTION_CONFIRMED,
}
_DECISIONS = frozenset({AuditAction.APPROVE, AuditAction.APPROVE_RESTRICTED, AuditAction.DENY})


def events_for_action(action: AuditAction, details: Mapping[str, Any]) -> list[Derived]:
    """The events an audited action on a request gives (none for most housekeeping)."""
    name = action
    if name == AuditAction.MATERIAL_AMENDMENT:
        return [
            Derived(EventType.REQUEST_AMENDED, {"material": True}),
            Derived(EventType.CLEARANCE_SUPERSEDED, {}),
        ]
    if name == AuditAction.NON_MATERIAL_AMENDMENT:
        return [Derived(EventType.REQUEST_AMENDED, {"material": False})]
    event = _SIMPLE.get(name)
    if event is None:
        return []
    extra: dict[str, Any] = {}
    if name in _DECISIONS or name == AuditAction.REQUEST_INFO:
        extra["decision"] = str(name)
        if details.get("clearance"):
            extra["clearance_number"] = details["clearance"]
    if name == AuditAction.RESUBMIT:
        extra["resubmission"] = True
    if name == AuditAction.DEPART:
        extra["registration_mismatch"] = bool(details.get("registration_mismatch", False))
    if name == AuditAction.REVOKE:
        extra["reason_codes"] = list(details.get("reason_codes", []))
    return [Derived(event, extra)]


def retry_delay(attempt: int, *, base: timedelta, cap: timedelta, rng: random.Random | None = None) -> timedelta:
    """How long to wait after failed attempt number ``attempt`` (1, 2, ...): exponential, capped,
    with "equal jitter" (half the step fixed, half random) so that many receivers failing at
    once do not all come back at the same instant, and no retry comes back at once."""
    step = min(cap.total_seconds(), base.total_seconds() * 2 ** max(0, attempt - 1))
    chooser = rng or random.Random()
    return timedelta(seconds=step / 2 + chooser.uniform(0, step / 2))
