"""The audit trail's hash chain (spec/workflow.md, "Audit").

Each record's hash covers its own content and the previous record's hash, so changing,
removing or reordering any record breaks every link after it. The chain alone cannot
show that records were cut from the *end*; whoever stores it should also keep the
latest hash somewhere the database cannot rewrite (a signed checkpoint, say).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from clearway.domain.snapshot import canonical_json, iso_utc

#: The ``previous_hash`` of the first record.
GENESIS = "sha256:" + "0" * 64
#: A database id, numeric or textual (a UUID, say).
Id = int | str
FIRST_SEQUENCE = 1


@dataclass(frozen=True)
class AuditRecord:
    """One entry: when (UTC), who, what, and the hashes that chain it to the one before."""

    sequence: int
    at: datetime
    # Ids are hashed as given: pass the type the store returns (5 and "5" hash differently).
    user_id: Id | None  # None for the system acting on its own (a scheduled expiry, say)
    organisation_id: Id | None
    action: str
    request_id: Id | None  # None for actions on no request (a key rotated, a user added)
    version: int | None
    details: Mapping[str, Any]
    previous_hash: str
    hash: str


class LinkProblem(StrEnum):
    HASH_MISMATCH = "hash does not match its content"
    PREVIOUS_MISMATCH = "previous_hash does not match the record before"
    SEQUENCE_GAP = "sequence gap"


@dataclass(frozen=True)
class BrokenLink:
    """The first record that does not follow from the ones before it, and why."""

    sequence: int  # as the record states it
    position: int  # 0-based place in the verified stream
    reason: LinkProblem
    expected: str = field(default="")  # what the chain required, for the report
    found: str = field(default="")


def chain_hash(
    previous_hash: str,
    *,
    sequence: int,
    at: datetime,
    user_id: Id | None,
    organisation_id: Id | None,
    action: str,
    request_id: Id | None,
    version: int | None,
    details: Mapping[str, Any],
) -> str:
    """``sha256:`` + hex over the canonical JSON of the record's content and the previous hash.

    ``at`` is written with microseconds in UTC, so the hash does not depend on how a
    database returns the time. ``details`` must be JSON-safe (TypeError otherwise).
    The sequence number is hashed too, so a renumbered record is detected as changed.
    """
    content = {
        "sequence": sequence,
        "at": iso_utc(at, microseconds=True),
        "user": user_id,
        "organisation": organisation_id,
        "action": action,
        "request": request_id,
        "version": version,
        "details": dict(details),
        "previous_hash": previous_hash,
    }
    return "sha256:" + hashlib.sha256(canonical_json(content)).hexdigest()


def record_hash(record: AuditRecord) -> str:
    """The hash the record's content calls for (compare with ``record.hash``)."""
    return chain_hash(
        record.previous_hash,
        sequence=record.sequence,
        at=record.at,
        user_id=record.user_id,
        organisation_id=record.organisation_id,
        action=record.action,
        request_id=record.request_id,
        version=record.version,
        details=record.details,
    )


def next_record(
    previous: AuditRecord | None,
    *,
    at: datetime,
    user_id: Id | None,
    organisation_id: Id | None,
    action: str,
    request_id: Id | None = None,
    version: int | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditRecord:
    """The record that follows ``previous`` (or starts the chain), sequence and hashes filled in."""
    sequence = previous.sequence + 1 if previous else FIRST_SEQUENCE
    previous_hash = previous.hash if previous else GENESIS
    content = dict(details or {})
    digest = chain_hash(
        previous_hash,
        sequence=sequence,
        at=at,
        user_id=user_id,
        organisation_id=organisation_id,
        action=action,
        request_id=request_id,
        version=version,
        details=content,
    )
    return AuditRecord(
        sequence=sequence,
        at=at,
        user_id=user_id,
        organisation_id=organisation_id,
        action=action,
        request_id=request_id,
        version=version,
        details=content,
        previous_hash=previous_hash,
        hash=digest,
    )


def first_broken_link(records: Iterable[AuditRecord]) -> BrokenLink | None:
    """The first record in sequence order that breaks the chain, or None when it is whole.

    Streaming: only the record before is kept, so a generator over millions of rows is
    verified in constant memory. Checks, in this order, because each explains the next:
    a missing record shows first as a gap in the sequence, a record rewritten together
    with its hash shows as the next record's ``previous_hash`` no longer matching, and a
    record edited in place shows as its own hash not matching its content.
    """
    expected_sequence, expected_previous = FIRST_SEQUENCE, GENESIS
    for position, record in enumerate(records):
        if record.sequence != expected_sequence:
            return BrokenLink(
                record.sequence, position, LinkProblem.SEQUENCE_GAP, str(expected_sequence), str(record.sequence)
            )
        if record.previous_hash != expected_previous:
            return BrokenLink(
                record.sequence, position, LinkProblem.PREVIOUS_MISMATCH, expected_previous, record.previous_hash
            )
        try:
            recomputed = record_hash(record)
        except (TypeError, ValueError):  # details no longer JSON, or a time without its zone
            recomputed = ""
        if record.hash != recomputed:
            return BrokenLink(record.sequence, position, LinkProblem.HASH_MISMATCH, recomputed, record.hash)
        expected_sequence, expected_previous = record.sequence + 1, record.hash
    return None
