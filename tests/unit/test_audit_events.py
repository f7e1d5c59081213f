"""Audit actions are one StrEnum, and each has a typed event whose details are what the entry stores."""

import json

from clearway.domain import audit_events
from clearway.domain.audit_events import AuditAction, AuditEvent, Departed, RequestCopied, Submitted


def event_classes() -> list[type[AuditEvent]]:
    found = [value for value in vars(audit_events).values() if isinstance(value, type)]
    return [cls for cls in found if issubclass(cls, AuditEvent) and cls is not AuditEvent]


def test_every_action_has_an_event_and_every_event_an_action() -> None:
    assert {cls.action for cls in event_classes()} == set(AuditAction)


def test_details_are_the_fields_as_json() -> None:
    event = Submitted(
        findings=("MONITOR_MISSING",), justification="Boards at KHRL.", submitted_at="2025-01-15T18:15:00Z"
    )
    details = event.details()
    assert details == {
        "findings": ["MONITOR_MISSING"],
        "justification": "Boards at KHRL.",
        "submitted_at": "2025-01-15T18:15:00Z",
    }
    assert json.loads(json.dumps(details)) == details


def test_a_field_may_be_stored_under_another_name() -> None:
    assert RequestCopied(source="4f1c2a9e").details() == {"from": "4f1c2a9e"}


def test_an_optional_detail_is_stored_as_null() -> None:
    departed = Departed("2025-01-21T20:22:00Z", "N316AC", False, None, False, None, None)
    assert departed.details()["cleared_registration"] is None
