"""Signed checkpoints of the audit chain, and the proof that a later chain extends one.

A checkpoint is the chain's head (sequence, hash, the head entry's time) signed by the
instance's audit key and countersigned by organisations that fetched it. Whoever keeps
a checkpoint can later ask for the entry hashes from its sequence on (hashes only, no
content) and check, without the database, that today's chain still passes through the
head it was shown: a cut tail lacks the checkpoint's sequence, and a rewrite re-hashed
from some entry on gives that entry another hash. ``docs/audit-checkpoints.md``
documents the formats for outside verifiers.

Claims (canonical JSON, signed as ``checkpoint+jws`` / ``countersignature+jws``):

    checkpoint         {"v": 1, "seq": N, "h": "sha256:…", "at": head entry time, "ts": signed at, "kid": …}
    countersignature   {"v": 1, "seq": N, "h": "sha256:…", "ts": signed at,
                        "by": {"n": organisation, "c": country or null}, "kid": …}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from clearway.domain.audit import GENESIS, linked_hash
from clearway.domain.snapshot import iso_utc, parse_iso_utc

CHECKPOINT_FORMAT = 1
_HASH = re.compile(r"sha256:[0-9a-f]{64}")


class CheckpointInvalid(ValueError):
    """Claims that are not checkpoint (or countersignature) claims."""


@dataclass(frozen=True)
class Checkpoint:
    sequence: int  # 0 with GENESIS: the empty chain
    hash: str
    entry_at: datetime | None  # None for the empty chain
    signed_at: datetime
    key_id: str

    def to_claims(self) -> dict[str, Any]:
        return {
            "v": CHECKPOINT_FORMAT,
            "seq": self.sequence,
            "h": self.hash,
            "at": iso_utc(self.entry_at, microseconds=True) if self.entry_at else None,
            "ts": iso_utc(self.signed_at, microseconds=True),
            "kid": self.key_id,
        }

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Checkpoint:
        _exact(claims, {"v", "seq", "h", "at", "ts", "kid"})
        sequence, digest = _head(claims)
        entry_at = None if claims["at"] is None else _moment(claims["at"], "at")
        if (sequence == 0) != (entry_at is None):
            raise CheckpointInvalid("only the empty chain has no head time")
        return cls(sequence, digest, entry_at, _moment(claims["ts"], "ts"), _text(claims["kid"], "kid"))


@dataclass(frozen=True)
class Countersignature:
    sequence: int
    hash: str
    signed_at: datetime
    organisation: str
    country: str | None
    key_id: str

    def to_claims(self) -> dict[str, Any]:
        return {
            "v": CHECKPOINT_FORMAT,
            "seq": self.sequence,
            "h": self.hash,
            "ts": iso_utc(self.signed_at, microseconds=True),
            "by": {"n": self.organisation, "c": self.country},
            "kid": self.key_id,
        }

    @classmethod
    def from_claims(cls, claims: Mapping[str, Any]) -> Countersignature:
        _exact(claims, {"v", "seq", "h", "ts", "by", "kid"})
        sequence, digest = _head(claims)
        issuer = claims["by"]
        if not isinstance(issuer, Mapping) or set(issuer) != {"n", "c"}:
            raise CheckpointInvalid("by must be an object with keys n and c")
        country = issuer["c"]
        if country is not None and not isinstance(country, str):
            raise CheckpointInvalid("by.c must be a country code or null")
        return cls(
            sequence,
            digest,
            _moment(claims["ts"], "ts"),
            _text(issuer["n"], "by.n"),
            country,
            _text(claims["kid"], "kid"),
        )


@dataclass(frozen=True)
class ChainLink:
    """What the hash list gives for one entry: its sequence, content hash and hash (no content)."""

    sequence: int
    content_hash: str | None  # None for an entry of the chain's first format
    hash: str


class ExtensionProblem(StrEnum):
    EMPTY = "the hash list is empty"
    STARTS_ELSEWHERE = "the hash list does not start at the checkpoint's sequence"
    HEAD_CHANGED = "the entry at the checkpoint's sequence has another hash"
    SEQUENCE_GAP = "the hash list skips a sequence number"
    UNLINKED = "an entry's hash does not follow from the one before"


@dataclass(frozen=True)
class Extension:
    """The outcome of checking a hash list against a checkpoint."""

    problem: ExtensionProblem | None
    head_sequence: int  # the last sequence the list reached (or failed at)
    head_hash: str

    @property
    def extends(self) -> bool:
        return self.problem is None


def check_extension(checkpoint_sequence: int, checkpoint_hash: str, links: Iterable[ChainLink]) -> Extension:
    """Whether ``links`` (from the checkpoint's sequence on, in order) extend the checkpoint.

    The first link must be the checkpoint's own entry with the checkpoint's hash (for the
    empty chain's checkpoint, sequence 0, the list starts at entry 1 after GENESIS); every
    later one must have the next sequence and a hash that follows from the one before and
    its own content hash. Only hashes are needed, never content.
    """
    expected_sequence, previous = checkpoint_sequence, checkpoint_hash
    started = checkpoint_sequence == 0 and checkpoint_hash == GENESIS
    last = Extension(None, checkpoint_sequence, checkpoint_hash)
    if checkpoint_sequence == 0 and not started:
        return Extension(ExtensionProblem.HEAD_CHANGED, 0, checkpoint_hash)
    for link in links:
        if not started:
            if link.sequence != checkpoint_sequence:
                return Extension(ExtensionProblem.STARTS_ELSEWHERE, link.sequence, link.hash)
            if link.hash != checkpoint_hash:
                return Extension(ExtensionProblem.HEAD_CHANGED, link.sequence, link.hash)
            started = True
            last = Extension(None, link.sequence, link.hash)
            continue
        if link.sequence != expected_sequence + 1:
            return Extension(ExtensionProblem.SEQUENCE_GAP, link.sequence, link.hash)
        if link.content_hash is None or linked_hash(previous, link.content_hash) != link.hash:
            return Extension(ExtensionProblem.UNLINKED, link.sequence, link.hash)
        expected_sequence, previous = link.sequence, link.hash
        last = Extension(None, link.sequence, link.hash)
    if not started:
        return Extension(ExtensionProblem.EMPTY, checkpoint_sequence, checkpoint_hash)
    return last


def _exact(claims: Mapping[str, Any], keys: set[str]) -> None:
    if not isinstance(claims, Mapping) or set(claims) != keys:
        raise CheckpointInvalid(f"claims must have exactly the keys {sorted(keys)}")
    if claims["v"] != CHECKPOINT_FORMAT or type(claims["v"]) is not int:
        raise CheckpointInvalid(f"unsupported checkpoint format {claims['v']!r}")


def _head(claims: Mapping[str, Any]) -> tuple[int, str]:
    sequence, digest = claims["seq"], claims["h"]
    if type(sequence) is not int or sequence < 0:
        raise CheckpointInvalid("seq must be a sequence number")
    if not isinstance(digest, str) or not _HASH.fullmatch(digest):
        raise CheckpointInvalid("h must be sha256:<64 hex digits>")
    if (sequence == 0) != (digest == GENESIS):
        raise CheckpointInvalid("sequence 0 is the empty chain, whose hash is GENESIS")
    return sequence, digest


def _text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise CheckpointInvalid(f"{name} must be a string")
    return value


def _moment(value: object, name: str) -> datetime:
    try:
        return parse_iso_utc(_text(value, name))
    except ValueError as error:
        raise CheckpointInvalid(f"{name}: {error}") from None
