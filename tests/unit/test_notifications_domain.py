"""Which actions are events, and how long a failed delivery waits."""

import random
from datetime import timedelta

from clearway.domain.audit_events import AuditAction, Decided, Departed, Revoked
from clearway.domain.notifications import EventType, events_for_action, retry_delay

BASE, CAP = timedelta(seconds=30), timedelta(hours=6)


def test_housekeeping_is_no_event() -> None:
    assert events_for_action(AuditAction.TOKEN_CREATED, {}) == []
    assert events_for_action(AuditAction.VERSION_SAVED, {}) == []


def test_a_material_amendment_is_two_events() -> None:
    types = [item.type for item in events_for_action(AuditAction.MATERIAL_AMENDMENT, {"reasons": ["x"]})]
    assert types == [EventType.REQUEST_AMENDED, EventType.CLEARANCE_SUPERSEDED]


def test_an_approval_names_the_clearance_it_issued() -> None:
    approval = Decided(reason_codes=(), clearance="CLR-0001", signature_key="0123456789abcdef")
    (derived,) = events_for_action(approval.action, approval.details())
    assert derived.extra == {"decision": "approve", "clearance_number": "CLR-0001"}


def test_a_departure_tells_whether_the_registration_differs() -> None:
    departure = Departed(
        at="2026-12-01T10:00:00Z",
        actual_registration="EC-XYZ",
        registration_mismatch=True,
        cleared_registration="EC-ABC",
        outside_validity=False,
        valid_from=None,
        valid_until=None,
    )
    (derived,) = events_for_action(departure.action, departure.details())
    assert derived.extra == {"registration_mismatch": True}


def test_a_revocation_carries_its_reason_codes() -> None:
    revocation = Revoked(reason_codes=("SECURITY",), clearance=None, signature_key="0123456789abcdef")
    (derived,) = events_for_action(revocation.action, revocation.details())
    assert derived.extra == {"reason_codes": ["SECURITY"]}


def test_a_delay_doubles_with_each_attempt_within_its_jitter() -> None:
    rng = random.Random(7)
    for attempt in range(1, 8):
        step = BASE * 2 ** (attempt - 1)
        delay = retry_delay(attempt, base=BASE, cap=CAP, rng=rng)
        assert step / 2 <= delay <= step


def test_the_delay_is_capped() -> None:
    assert retry_delay(40, base=BASE, cap=CAP) <= CAP


def test_jitter_spreads_the_retries() -> None:
    rng = random.Random(1)
    delays = {retry_delay(3, base=BASE, cap=CAP, rng=rng) for _ in range(20)}
    assert len(delays) > 10
