"""Which amendments need a new decision (spec/workflow.md, "Material changes").

The classifier reads the version diff, so it sees exactly the changes the reviewer
sees. Every path the diff can produce has a rule below; a path without one is
material, because "an approval never extends to a change that the receiving side has
not seen" and an unforeseen field is such a change.

Decisions where the spec is silent (each is the side that keeps the approval honest):

- ``reference``, ``operator``, ``sending_authority``, ``receiving_country``: material.
  The reference is printed on the signed clearance and is how both sides name the
  flight; the operator is who answers for the aircraft; the other two choose the
  agreement and the authority that decides.
- ``submitted_at``: not material. It records when the sender submitted, not anything
  about the flight; the lead-time rule re-runs on every version anyway.
- a departure moved: material beyond the same tolerance as an arrival. The clearance
  carries every leg's departure, and a clearance that misstates the flight would not
  describe what was approved; the agreement's tolerance is its measure of "the same time".
- counts lowered (crew, escorts, medical staff, monitors, seats): material. The spec lists
  only *raised* counts as not material; fewer escorts, medical staff or monitors weakens
  the safeguards the approval relied on, and fewer seats may not fit who was approved.
- ``declared_passengers`` lowered: not material; it follows passengers removed, which the
  spec says is not material.
- ``family_group``: material. It decides which minors are accompanied and which families
  travel together, safeguards the receiving side judged when it approved.
- ``medical_escort``: not material, like the ``medical`` text it flags (the spec's own
  "not material" list); the pre-check still re-runs the medical staff rule.
- ``case_ref``, a ``seq`` rewritten to the same number (``7`` as ``07``) and unknown columns:
  not material. They are the sender's bookkeeping and say nothing about who the person
  is; a change of person always shows in the identity fields, which are material.
- Text is compared exactly: ``mmtj`` corrected to ``MMTJ`` is material. Deciding that two
  spellings name the same thing is a judgement the receiving side has not seen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from clearway.domain.diff import FieldChange, FieldValue, diff_versions
from clearway.domain.snapshot import RequestSnapshot, parse_iso_utc

#: Passenger fields that say who the person is (spec: names, sex, date of birth, nationality, document).
IDENTITY_FIELDS = (
    "surname",
    "second_surname",
    "given_names",
    "sex",
    "date_of_birth",
    "nationality",
    "document_type",
    "document_number",
    "document_issuer",
    "document_expiry",
    "mrz",
)
#: Passenger fields whose change is material although they are not identity (see the module docstring).
SAFEGUARD_FIELDS = ("family_group",)
#: Passenger fields whose change alone never needs a new decision.
NON_MATERIAL_PASSENGER_FIELDS = ("seq", "case_ref", "medical", "medical_escort", "notes")


@dataclass(frozen=True)
class ChangeClass:
    """Whether an amendment needs a new decision, and why (stable words, one reason per change)."""

    material: bool
    reasons: list[str] = field(default_factory=list)


# A flight rule looks at one change and returns the reason it is material, or None.
_Rule = Callable[[FieldChange, timedelta | None], str | None]


def _always(change: FieldChange, _tolerance: timedelta | None) -> str | None:
    return change.path


def _never(_change: FieldChange, _tolerance: timedelta | None) -> str | None:
    return None


def _when_lowered(change: FieldChange, _tolerance: timedelta | None) -> str | None:
    return f"{change.path} lowered" if _count(change.new) < _count(change.old) else None


def _when_increased(change: FieldChange, _tolerance: timedelta | None) -> str | None:
    return f"{change.path} increased" if _count(change.new) > _count(change.old) else None


def _when_moved_beyond(change: FieldChange, tolerance: timedelta | None) -> str | None:
    moved = abs(parse_iso_utc(_text(change.new)) - parse_iso_utc(_text(change.old)))
    if tolerance is not None and moved <= tolerance:  # "more than the tolerance": equal is within it
        return None
    return f"{change.path} moved {moved.total_seconds() / 60:g} min"


def _leg_added_or_removed(change: FieldChange, _tolerance: timedelta | None) -> str | None:
    return f"{change.path} {'added' if change.old is None else 'removed'}"


#: Every flight path the diff produces, with leg indexes written as ``[]``.
FLIGHT_RULES: dict[str, _Rule] = {
    "reference": _always,
    "sending_authority": _always,
    "receiving_country": _always,
    "operator": _always,
    "submitted_at": _never,
    "aircraft.type": _always,
    "aircraft.registration": _always,
    "aircraft.callsign": _always,
    "aircraft.flight_number": _always,
    "aircraft.category": _always,
    "aircraft.seats": _when_lowered,
    "legs[]": _leg_added_or_removed,
    "legs[].from": _always,
    "legs[].to": _always,
    "legs[].departure": _when_moved_beyond,
    "legs[].arrival": _when_moved_beyond,
    "people.crew": _when_lowered,
    "people.escorts": _when_lowered,
    "people.medical_staff": _when_lowered,
    "people.monitors": _when_lowered,
    "people.declared_passengers": _when_increased,
}

_INDEX = re.compile(r"\[\d+\]")


def classify_change(old: RequestSnapshot, new: RequestSnapshot, time_tolerance_minutes: int | None) -> ChangeClass:
    """Classify the amendment from ``old`` (the version decided on) to ``new``.

    ``time_tolerance_minutes`` is the agreement's; ``None`` (no agreement, or the key
    absent) makes any move of a time material.
    """
    if time_tolerance_minutes is not None and time_tolerance_minutes < 0:
        raise ValueError("time_tolerance_minutes cannot be negative")
    tolerance = timedelta(minutes=time_tolerance_minutes) if time_tolerance_minutes is not None else None
    diff = diff_versions(old, new)
    reasons: list[str] = []
    for change in diff.flight_changes:
        rule = FLIGHT_RULES.get(_INDEX.sub("[]", change.path), _always)
        if (reason := rule(change, tolerance)) is not None:
            reasons.append(reason)
    reasons += [f"passenger added: seq {seq}" for seq in diff.passengers_added]
    for passenger in diff.passengers_changed:
        for change in passenger.changes:
            if change.path in IDENTITY_FIELDS:
                reasons.append(f"passenger {passenger.seq} identity: {change.path}")
            elif change.path in NON_MATERIAL_PASSENGER_FIELDS or change.path.startswith("extra."):
                continue
            else:  # family_group, and any column added to the format later
                reasons.append(f"passenger {passenger.seq} {change.path}")
    return ChangeClass(material=bool(reasons), reasons=reasons)


def _count(value: FieldValue) -> int:
    if not isinstance(value, int):
        raise TypeError(f"expected a count, got {value!r}")
    return value


def _text(value: FieldValue) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a time, got {value!r}")
    return value
