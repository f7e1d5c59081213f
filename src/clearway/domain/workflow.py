"""The clearance request workflow (spec/workflow.md): states, actions, who may do what.

Permissions are data: one enum and one table from (organisation kind, role) to the
permissions that role holds. Every entry point asks this module, so the API, the
pages and the services refuse the same things.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class State(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    APPROVED_RESTRICTED = "approved_restricted"
    INFO_REQUESTED = "info_requested"
    DENIED = "denied"
    DEPARTED = "departed"
    ARRIVED = "arrived"
    CLOSED = "closed"
    CANCELLED = "cancelled"
    REVOKED = "revoked"


FINAL_STATES = frozenset({State.DENIED, State.REVOKED, State.CANCELLED, State.CLOSED})
APPROVED_STATES = frozenset({State.APPROVED, State.APPROVED_RESTRICTED})


class OrgKind(StrEnum):
    SENDING = "sending"
    RECEIVING = "receiving"
    OBSERVER = "observer"


class Role(StrEnum):
    ADMIN = "admin"  # manages users, keys, agreements
    OFFICER = "officer"  # acts
    VIEWER = "viewer"  # reads


class Permission(StrEnum):
    REQUEST_READ = "request:read"
    PERSONAL_DATA_READ = "request:read_personal_data"
    REQUEST_CREATE = "request:create"  # create, edit drafts, amend, copy
    REQUEST_SUBMIT = "request:submit"
    REQUEST_CANCEL = "request:cancel"
    REQUEST_DECIDE = "request:decide"  # approve (with restrictions), request information, deny
    REQUEST_REVOKE = "request:revoke"
    EVENT_DEPARTURE = "event:departure"
    EVENT_ARRIVAL = "event:arrival"
    EVENT_RECEPTION = "event:reception"
    AGREEMENT_READ = "agreement:read"
    AGREEMENT_MANAGE = "agreement:manage"
    HOLDS_READ = "holds:read"
    HOLDS_MANAGE = "holds:manage"
    KEYS_MANAGE = "keys:manage"
    USERS_MANAGE = "users:manage"
    AUDIT_READ = "audit:read"
    OBSERVERS_MANAGE = "observers:manage"  # give and withdraw observer grants


_P = Permission
_READ = frozenset({_P.REQUEST_READ, _P.PERSONAL_DATA_READ, _P.AGREEMENT_READ})

ROLE_PERMISSIONS: dict[tuple[OrgKind, Role], frozenset[Permission]] = {
    (OrgKind.SENDING, Role.VIEWER): _READ | {_P.HOLDS_READ},
    (OrgKind.SENDING, Role.OFFICER): _READ
    | {
        _P.HOLDS_READ,
        _P.REQUEST_CREATE,
        _P.REQUEST_SUBMIT,
        _P.REQUEST_CANCEL,
        _P.EVENT_DEPARTURE,
        _P.EVENT_ARRIVAL,
    },
    (OrgKind.SENDING, Role.ADMIN): _READ
    | {_P.HOLDS_READ, _P.HOLDS_MANAGE, _P.USERS_MANAGE, _P.AUDIT_READ, _P.OBSERVERS_MANAGE, _P.KEYS_MANAGE},
    (OrgKind.RECEIVING, Role.VIEWER): _READ,
    (OrgKind.RECEIVING, Role.OFFICER): _READ
    | {_P.REQUEST_DECIDE, _P.REQUEST_REVOKE, _P.EVENT_ARRIVAL, _P.EVENT_RECEPTION},
    (OrgKind.RECEIVING, Role.ADMIN): _READ
    | {_P.AGREEMENT_MANAGE, _P.KEYS_MANAGE, _P.USERS_MANAGE, _P.AUDIT_READ, _P.OBSERVERS_MANAGE},
    (OrgKind.OBSERVER, Role.VIEWER): _READ,
    (OrgKind.OBSERVER, Role.OFFICER): _READ,
    (OrgKind.OBSERVER, Role.ADMIN): _READ | {_P.USERS_MANAGE},
}


def permissions_of(kind: OrgKind, role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[(kind, role)]


class Action(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    APPROVE_RESTRICTED = "approve_restricted"
    REQUEST_INFO = "request_info"
    DENY = "deny"
    RESUBMIT = "resubmit"  # amend and resubmit after a request for information
    MATERIAL_AMENDMENT = "material_amendment"
    NON_MATERIAL_AMENDMENT = "non_material_amendment"
    REVOKE = "revoke"
    DEPART = "depart"
    ARRIVE = "arrive"
    CONFIRM_RECEPTION = "confirm_reception"
    CANCEL = "cancel"


@dataclass(frozen=True)
class Transition:
    source: frozenset[State]
    target: State | None  # None: the state does not change
    permission: Permission


_ANY_OPEN = frozenset({State.DRAFT, State.SUBMITTED, State.INFO_REQUESTED, *APPROVED_STATES})

TRANSITIONS: dict[Action, Transition] = {
    Action.SUBMIT: Transition(frozenset({State.DRAFT}), State.SUBMITTED, _P.REQUEST_SUBMIT),
    Action.APPROVE: Transition(frozenset({State.SUBMITTED}), State.APPROVED, _P.REQUEST_DECIDE),
    Action.APPROVE_RESTRICTED: Transition(frozenset({State.SUBMITTED}), State.APPROVED_RESTRICTED, _P.REQUEST_DECIDE),
    Action.REQUEST_INFO: Transition(frozenset({State.SUBMITTED}), State.INFO_REQUESTED, _P.REQUEST_DECIDE),
    Action.DENY: Transition(frozenset({State.SUBMITTED}), State.DENIED, _P.REQUEST_DECIDE),
    Action.RESUBMIT: Transition(frozenset({State.INFO_REQUESTED}), State.SUBMITTED, _P.REQUEST_SUBMIT),
    Action.MATERIAL_AMENDMENT: Transition(APPROVED_STATES, State.SUBMITTED, _P.REQUEST_SUBMIT),
    Action.NON_MATERIAL_AMENDMENT: Transition(APPROVED_STATES, None, _P.REQUEST_CREATE),
    Action.REVOKE: Transition(APPROVED_STATES, State.REVOKED, _P.REQUEST_REVOKE),
    Action.DEPART: Transition(APPROVED_STATES, State.DEPARTED, _P.EVENT_DEPARTURE),
    Action.ARRIVE: Transition(frozenset({State.DEPARTED}), State.ARRIVED, _P.EVENT_ARRIVAL),
    Action.CONFIRM_RECEPTION: Transition(frozenset({State.ARRIVED}), State.CLOSED, _P.EVENT_RECEPTION),
    Action.CANCEL: Transition(_ANY_OPEN, State.CANCELLED, _P.REQUEST_CANCEL),
}


class TransitionRefused(Exception):
    """The action is not possible from the request's current state; nothing changes."""

    def __init__(self, action: Action, current: State) -> None:
        super().__init__(f"{action} is not possible from {current}")
        self.action = action
        self.current = current


def next_state(current: State, action: Action) -> State:
    """The state after ``action``, or ``TransitionRefused`` naming the current state."""
    transition = TRANSITIONS[action]
    if current not in transition.source:
        raise TransitionRefused(action, current)
    return transition.target or current
