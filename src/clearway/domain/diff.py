"""Comparison of two versions of a request (spec/workflow.md, "Versions").

The receiving side reviews a new version as a diff against the one it last decided
on, so the diff names every change, however small: what counts as material is
decided separately (``clearway.domain.material``), from this same list.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from clearway.domain.people import MANIFEST_COLUMNS
from clearway.domain.snapshot import Passenger, RequestSnapshot, flight_document, seq_order

#: A value as it appears in a stored document: text, a count, a whole leg, or absent.
FieldValue = str | int | dict[str, str] | None

# Paths under the flight that are compared, in the order a reviewer reads them. ``unknown_keys``
# is left out on purpose: it lists key names the request file had and the format ignores, which
# is about the file, not about the flight the receiving side is asked to clear.
_FLIGHT_SCALARS = ("reference", "sending_authority", "receiving_country", "operator", "submitted_at")
_NESTED_TABLES = ("aircraft", "people")
_LEG_FIELDS = ("from", "to", "departure", "arrival")


@dataclass(frozen=True)
class FieldChange:
    """One field whose value differs: ``path`` as in the request file (``legs[1].arrival``)."""

    path: str
    old: FieldValue
    new: FieldValue

    def to_document(self) -> dict[str, Any]:
        return {"path": self.path, "old": self.old, "new": self.new}


@dataclass(frozen=True)
class PassengerChange:
    """The fields that changed for one passenger, matched by ``seq`` across the two versions."""

    seq: str
    changes: list[FieldChange]

    def to_document(self) -> dict[str, Any]:
        return {"seq": self.seq, "changes": [change.to_document() for change in self.changes]}


@dataclass(frozen=True)
class VersionDiff:
    """Everything that differs between two versions; passenger seqs in seq order."""

    flight_changes: list[FieldChange] = field(default_factory=list)
    passengers_added: list[str] = field(default_factory=list)
    passengers_removed: list[str] = field(default_factory=list)
    passengers_changed: list[PassengerChange] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        """True when the two versions have the same content."""
        return not (self.flight_changes or self.passengers_added or self.passengers_removed or self.passengers_changed)

    def to_document(self) -> dict[str, Any]:
        """JSON-safe form for the API and the review screen."""
        return {
            "flight_changes": [change.to_document() for change in self.flight_changes],
            "passengers_added": list(self.passengers_added),
            "passengers_removed": list(self.passengers_removed),
            "passengers_changed": [change.to_document() for change in self.passengers_changed],
        }


def diff_versions(old: RequestSnapshot, new: RequestSnapshot) -> VersionDiff:
    """What changed from ``old`` to ``new``: flight fields, passengers added, removed and changed.

    Seqs are given as ``Passenger.seq_key`` (digits without leading zeros, or the text as
    written when it is not a number), so a seq rewritten as ``007`` is still passenger 7.
    """
    added, removed, changed = _passenger_changes(old.passengers, new.passengers)
    return VersionDiff(
        flight_changes=_flight_changes(old, new),
        passengers_added=added,
        passengers_removed=removed,
        passengers_changed=changed,
    )


def _flight_changes(old: RequestSnapshot, new: RequestSnapshot) -> list[FieldChange]:
    before, after = flight_document(old.flight), flight_document(new.flight)
    changes = [FieldChange(name, before[name], after[name]) for name in _FLIGHT_SCALARS if before[name] != after[name]]
    for table in _NESTED_TABLES:
        # Keys in the order the document writes them; an optional key (aircraft.flight_number)
        # may be on one side only.
        names = dict.fromkeys([*before[table], *after[table]])
        changes += [
            FieldChange(f"{table}.{name}", before[table].get(name), after[table].get(name))
            for name in names
            if before[table].get(name) != after[table].get(name)
        ]
    # Legs are compared by position: inserting a leg in the middle shows as every later leg
    # changed plus one added at the end, which is what the receiving side must re-read anyway.
    old_legs, new_legs = before["legs"], after["legs"]
    for index in range(max(len(old_legs), len(new_legs))):
        old_leg = old_legs[index] if index < len(old_legs) else None
        new_leg = new_legs[index] if index < len(new_legs) else None
        if old_leg is None or new_leg is None:
            changes.append(FieldChange(f"legs[{index}]", old_leg, new_leg))
            continue
        changes += [
            FieldChange(f"legs[{index}].{name}", old_leg[name], new_leg[name])
            for name in _LEG_FIELDS
            if old_leg[name] != new_leg[name]
        ]
    return changes


def _passenger_changes(
    old: tuple[Passenger, ...], new: tuple[Passenger, ...]
) -> tuple[list[str], list[str], list[PassengerChange]]:
    old_by_seq, new_by_seq = _by_seq(old), _by_seq(new)
    added: list[str] = []
    removed: list[str] = []
    changed: list[PassengerChange] = []
    for seq in sorted(old_by_seq.keys() | new_by_seq.keys(), key=seq_order):
        before, after = old_by_seq.get(seq, []), new_by_seq.get(seq, [])
        # A seq should be unique (SEQ_DUPLICATE otherwise); when it is not, rows sharing it are
        # paired in manifest order, and any left over are added or removed.
        for old_passenger, new_passenger in zip(before, after, strict=False):
            if fields := passenger_field_changes(old_passenger, new_passenger):
                changed.append(PassengerChange(seq, fields))
        added += [seq] * max(0, len(after) - len(before))
        removed += [seq] * max(0, len(before) - len(after))
    return added, removed, changed


def _by_seq(passengers: tuple[Passenger, ...]) -> dict[str, list[Passenger]]:
    grouped: dict[str, list[Passenger]] = defaultdict(list)
    for passenger in passengers:
        grouped[passenger.seq_key].append(passenger)
    return grouped


def passenger_field_changes(old: Passenger, new: Passenger) -> list[FieldChange]:
    """Column by column, then unknown columns as ``extra.<name>`` (None where a version lacks it)."""
    changes = [
        FieldChange(column, old.get(column), new.get(column))
        for column in MANIFEST_COLUMNS
        if old.get(column) != new.get(column)
    ]
    names = list(dict.fromkeys([*old.extra, *new.extra]))
    changes += [
        FieldChange(f"extra.{name}", old.extra.get(name), new.extra.get(name))
        for name in names
        if old.extra.get(name) != new.extra.get(name)
    ]
    return changes
