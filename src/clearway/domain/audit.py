"""The audit trail's hash chain (spec/workflow.md, "Audit").

Each record's hash covers its own content and the previous record's hash, so changing,
removing or reordering any record breaks every link after it. The chain alone cannot
show that records were cut from the *end*, or rewritten and re-hashed from some point
on; signed checkpoints (``clearway.domain.checkpoints``) can: a holder keeps the head it
was shown, and any later chain must still pass through it.

Two formats, told apart by ``content_hash``:

- format 1 (``content_hash`` None): ``hash = sha256(canonical JSON of the content with
  previous_hash)``. Still verified, never written any more.
- format 2: ``content_hash = sha256(canonical JSON of the content with a random salt)``
  and ``hash = sha256(previous_hash + "\n" + content_hash)``. A link can then be checked
  from the two hashes alone, so the chain's extension is provable to someone who sees
  no content (the salt keeps a content hash from being matched against guessed content).
  Once an entry of format 2 appears, an entry of format 1 after it is a broken link.
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
    content_hash: str | None = None  # None: format 1
    salt: str | None = None


class LinkProblem(StrEnum):
    HASH_MISMATCH = "hash does not match its content"
    PREVIOUS_MISMATCH = "previous_hash does not match the record before"
    SEQUENCE_GAP = "sequence gap"
    FORMAT_REGRESSION = "an entry of the old format follows one of the new"


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


def content_digest(
    *,
    salt: str,
    sequence: int,
    at: datetime,
    user_id: Id | None,
    organisation_id: Id | None,
    action: str,
    request_id: Id | None,
    version: int | None,
    details: Mapping[str, Any],
) -> str:
    """Format 2: ``sha256:`` + hex over the canonical JSON of the record's content and its salt."""
    content = {
        "salt": salt,
        "sequence": sequence,
        "at": iso_utc(at, microseconds=True),
        "user": user_id,
        "organisation": organisation_id,
        "action": action,
        "request": request_id,
        "version": version,
        "details": dict(details),
    }
    return "sha256:" + hashlib.sha256(canonical_json(content)).hexdigest()


def linked_hash(previous_hash: str, content_hash: str) -> str:
    """Format 2: a record's hash from the previous record's hash and its own content hash."""
    return "sha256:" + hashlib.sha256(f"{previous_hash}\n{content_hash}".encode("ascii")).hexdigest()


def record_content_hash(record: AuditRecord) -> str:
    """The content hash a format-2 record's content calls for (compare with ``record.content_hash``)."""
    return content_digest(
        salt=record.salt or "",
        sequence=record.sequence,
        at=record.at,
        user_id=record.user_id,
        organisation_id=record.organisation_id,
        action=record.action,
        request_id=record.request_id,
        version=record.version,
        details=record.details,
    )


def record_hash(record: AuditRecord) -> str:
    """The hash the record's content calls for (compare with ``record.hash``)."""
    if record.content_hash is not None:
        return linked_hash(record.previous_hash, record_content_hash(record))
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
    salt: str = "",
) -> AuditRecord:
    """The record (format 2) that follows ``previous`` (or starts the chain), sequence and hashes filled in.

    ``salt`` should be random (the service passes 16 random bytes as hex); it is stored
    with the record.
    """
    sequence = previous.sequence + 1 if previous else FIRST_SEQUENCE
    previous_hash = previous.hash if previous else GENESIS
    content = dict(details or {})
    own = content_digest(
        salt=salt,
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
        hash=linked_hash(previous_hash, own),
        content_hash=own,
        salt=salt,
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
    seen_format_2 = False
    for position, record in enumerate(records):
        if record.sequence != expected_sequence:
            return BrokenLink(
                record.sequence, position, LinkProblem.SEQUENCE_GAP, str(expected_sequence), str(record.sequence)
            )
        if record.previous_hash != expected_previous:
            return BrokenLink(
                record.sequence, position, LinkProblem.PREVIOUS_MISMATCH, expected_previous, record.previous_hash
            )
        if seen_format_2 and record.content_hash is None:
            return BrokenLink(record.sequence, position, LinkProblem.FORMAT_REGRESSION)
        try:
            own = record_content_hash(record) if record.content_hash is not None else None
            recomputed = record_hash(record)
        except (TypeError, ValueError):  # details no longer JSON, or a time without its zone
            own, recomputed = "", ""
        if own is not None and record.content_hash != own:
            return BrokenLink(
                record.sequence, position, LinkProblem.HASH_MISMATCH, own or "", record.content_hash or ""
            )
        if record.hash != recomputed:
            return BrokenLink(record.sequence, position, LinkProblem.HASH_MISMATCH, recomputed, record.hash)
        seen_format_2 = seen_format_2 or record.content_hash is not None
        expected_sequence, expected_previous = record.sequence + 1, record.hash
    return None
