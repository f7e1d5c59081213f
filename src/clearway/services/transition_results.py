"""What the workflow's transitions answer (``services.workflow``).

Dictionaries with typed keys rather than dataclasses: the result of an idempotent call is
stored as JSON and answered again as it was (``idempotency.once``), and the pages read them
by key.
"""

from typing import Any, NotRequired, TypedDict


class SubmitResult(TypedDict):
    state: str
    version: int
    findings: list[dict[str, Any]]  # stored findings (``services.precheck.stored_findings``)
    override: str | None


class IssuedClearance(TypedDict):
    number: str
    token: str
    key_id: str


class Signature(TypedDict):
    token: str | None
    key_id: str | None


class DecideResult(TypedDict):
    state: str
    version: int
    decision: int
    clearance: NotRequired[IssuedClearance]
    signature: Signature


class RevokeResult(TypedDict):
    state: str
    signature: Signature


class StateResult(TypedDict):
    state: str


class DepartureResult(TypedDict):
    state: str
    at: str
    actual_registration: str
    registration_mismatch: bool
    outside_validity: bool
    cleared_registration: NotRequired[str]
    valid_from: NotRequired[str]
    valid_until: NotRequired[str]


class ReceptionResult(TypedDict):
    state: str
    received: int
    not_on_board: int
