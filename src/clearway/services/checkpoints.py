"""Signed checkpoints of the audit chain: taken, countersigned, served, and checked against the database.

A checkpoint is only as good as the place it is kept: it is meant to be fetched and kept
by the organisations (which countersign it when they fetch it) and by anyone else who
wants to check the chain later without trusting the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, TypedDict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clearway.domain.audit import GENESIS, BrokenLink
from clearway.domain.checkpoints import ChainLink, Checkpoint, CheckpointInvalid, Countersignature
from clearway.domain.keys import KeyPurpose
from clearway.domain.snapshot import iso_utc
from clearway.services import audit, keys
from clearway.services.actor import Actor
from clearway.services.errors import Invalid, NotFound
from clearway.signing import (
    CHECKPOINT_TYPE,
    COUNTERSIGNATURE_TYPE,
    ClearanceInvalid,
    KeySet,
    sign_document,
    verify_document,
)
from clearway.store.models import AuditCheckpoint, AuditEntry, CheckpointCountersignature, Organisation, utcnow

#: Checkpoints taken by ``clearway serve`` on its own, at most this often (and only when the chain moved).
DEFAULT_INTERVAL = timedelta(hours=1)
#: Hashes served per page: about 200 bytes each.
MAX_HASHES = 10_000


def take(session: Session, secret: str, *, now: datetime | None = None) -> AuditCheckpoint:
    """Sign the chain's head now with the instance's audit key (``clearway audit checkpoint``)."""
    key = keys.active_key(session, None, secret)  # first: making the key is itself an entry of the chain
    audit.serialise(session)  # the head read here is the head signed
    head = session.execute(
        select(AuditEntry.sequence, AuditEntry.hash, AuditEntry.at).order_by(AuditEntry.sequence.desc()).limit(1)
    ).first()
    sequence, digest, entry_at = (head[0], head[1], head[2]) if head else (0, GENESIS, None)
    checkpoint = Checkpoint(sequence, digest, entry_at, now or utcnow(), key.key_id)
    token = sign_document(checkpoint.to_claims(), CHECKPOINT_TYPE, key.encrypted_private_pem, secret, key_id=key.key_id)
    row = AuditCheckpoint(
        sequence=sequence,
        hash=digest,
        entry_at=entry_at or checkpoint.signed_at,
        signed_at=checkpoint.signed_at,
        key_id=key.key_id,
        token=token,
    )
    session.add(row)
    session.flush()
    return row


def take_if_due(
    session: Session, secret: str, interval: timedelta = DEFAULT_INTERVAL, *, now: datetime | None = None
) -> AuditCheckpoint | None:
    """A new checkpoint when the last one is older than ``interval`` and the chain has moved since; else None."""
    moment = now or utcnow()
    latest = latest_checkpoint(session)
    head = session.scalar(select(func.max(AuditEntry.sequence))) or 0
    if latest is not None and (moment - latest.signed_at < interval or latest.sequence == head):
        return None
    return take(session, secret, now=moment)


class WitnessEntry(TypedDict):
    organisation: str
    key_id: str
    token: str


class CheckpointFile(TypedDict):
    """The checkpoint document, as served and kept (``clearway audit verify --checkpoint FILE``)."""

    sequence: int
    hash: str
    signed_at: str
    key_id: str
    token: str
    countersignatures: list[WitnessEntry]


def latest_checkpoint(session: Session) -> AuditCheckpoint | None:
    return session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)).first()


def fetch_latest(session: Session, actor: Actor, secret: str) -> CheckpointFile:
    """The latest checkpoint with its countersignatures; the actor's organisation countersigns it
    first if it has a signing key (sending and receiving organisations) and has not yet."""
    checkpoint = latest_checkpoint(session)
    if checkpoint is None:
        checkpoint = take(session, secret)
    if actor.kind in keys.KEYED_KINDS:
        _countersign(session, actor, checkpoint, secret)
    return document(session, checkpoint)


def _countersign(session: Session, actor: Actor, checkpoint: AuditCheckpoint, secret: str) -> None:
    existing = session.scalars(
        select(CheckpointCountersignature).where(
            CheckpointCountersignature.checkpoint_id == checkpoint.id,
            CheckpointCountersignature.organisation_id == actor.organisation_id,
        )
    ).first()
    if existing is not None:
        return
    key = keys.active_key(session, actor.organisation_id, secret)
    witness = Countersignature(
        checkpoint.sequence, checkpoint.hash, utcnow(), actor.organisation_name, actor.country, key.key_id
    )
    token = sign_document(
        witness.to_claims(), COUNTERSIGNATURE_TYPE, key.encrypted_private_pem, secret, key_id=key.key_id
    )
    session.add(
        CheckpointCountersignature(
            checkpoint_id=checkpoint.id,
            organisation_id=actor.organisation_id,
            key_id=key.key_id,
            token=token,
            signed_at=witness.signed_at,
        )
    )
    session.flush()


def document(session: Session, checkpoint: AuditCheckpoint) -> CheckpointFile:
    """The checkpoint as served and kept: the signed token, its countersignatures, and their
    claims repeated for reading (a verifier trusts only the tokens)."""
    witnesses = session.execute(
        select(CheckpointCountersignature, Organisation)
        .join(Organisation, Organisation.id == CheckpointCountersignature.organisation_id)
        .where(CheckpointCountersignature.checkpoint_id == checkpoint.id)
        .order_by(CheckpointCountersignature.id)
    )
    return {
        "sequence": checkpoint.sequence,
        "hash": checkpoint.hash,
        "signed_at": iso_utc(checkpoint.signed_at, microseconds=True),
        "key_id": checkpoint.key_id,
        "token": checkpoint.token,
        "countersignatures": [
            {"organisation": organisation.name, "key_id": row.key_id, "token": row.token}
            for row, organisation in witnesses
        ],
    }


def hashes_since(session: Session, sequence: int, limit: int = MAX_HASHES) -> list[ChainLink]:
    """The entry hashes from ``sequence`` on (that entry included), in order; no content."""
    if sequence < 0:
        raise Invalid("service.bad_sequence", field="since", value=sequence)
    rows = session.execute(
        select(AuditEntry.sequence, AuditEntry.content_hash, AuditEntry.hash)
        .where(AuditEntry.sequence >= sequence)
        .order_by(AuditEntry.sequence)
        .limit(min(max(limit, 1), MAX_HASHES))
    )
    return [ChainLink(row[0], row[1], row[2]) for row in rows]


# --- checking a kept checkpoint -----------------------------------------------------------------


@dataclass(frozen=True)
class VerifiedCheckpoint:
    checkpoint: Checkpoint
    witnesses: tuple[Countersignature, ...]


def read_checkpoint(document_: Any, trusted: KeySet) -> VerifiedCheckpoint:
    """The checkpoint a kept document proves, from its signed tokens alone; ClearanceInvalid if
    the token is not a genuine checkpoint signed by an audit key of ``trusted``, or a
    countersignature is not its organisation's signature of this same head."""
    if not isinstance(document_, dict) or not isinstance(document_.get("token"), str):
        raise ClearanceInvalid("malformed", detail="not a checkpoint document")
    payload, key = verify_document(document_["token"], CHECKPOINT_TYPE, trusted)
    if key.purpose is not KeyPurpose.AUDIT:
        raise ClearanceInvalid("wrong_key", key_id=key.key_id)
    try:
        checkpoint = Checkpoint.from_claims(payload)
    except CheckpointInvalid as error:
        raise ClearanceInvalid("claims", key_id=key.key_id, detail=str(error)) from None
    if key.retired_at is not None and checkpoint.signed_at > key.retired_at:
        raise ClearanceInvalid("retired_key", key_id=key.key_id)
    witnesses = []
    for item in document_.get("countersignatures") or []:
        if not isinstance(item, dict) or not isinstance(item.get("token"), str):
            raise ClearanceInvalid("malformed", detail="not a countersignature")
        signed, witness_key = verify_document(item["token"], COUNTERSIGNATURE_TYPE, trusted)
        try:
            witness = Countersignature.from_claims(signed)
        except CheckpointInvalid as error:
            raise ClearanceInvalid("claims", key_id=witness_key.key_id, detail=str(error)) from None
        if witness_key.purpose is not KeyPurpose.DECISIONS or (witness_key.organisation, witness_key.country) != (
            witness.organisation,
            witness.country,
        ):
            raise ClearanceInvalid("wrong_issuer", key_id=witness_key.key_id)
        if (witness.sequence, witness.hash) != (checkpoint.sequence, checkpoint.hash):
            raise ClearanceInvalid("claims", key_id=witness_key.key_id, detail="countersigns another head")
        witnesses.append(witness)
    return VerifiedCheckpoint(checkpoint, tuple(witnesses))


class CheckpointProblem(StrEnum):
    TAIL_CUT = "tail_cut"  # the chain no longer reaches the checkpoint's sequence
    REWRITTEN = "rewritten"  # the entry at the checkpoint's sequence has another hash
    BROKEN = "broken"  # a link of the chain is broken (BrokenLink says where)


@dataclass(frozen=True)
class CheckpointVerdict:
    checked: int  # entries read
    head: int  # the chain's last sequence now
    problem: CheckpointProblem | None
    broken: BrokenLink | None = None
    found_hash: str = ""


def verify_against(session: Session, checkpoint: Checkpoint) -> CheckpointVerdict:
    """Whether the database's chain is whole, passes through the checkpoint's head unchanged and so extends it."""
    head = session.scalar(select(func.max(AuditEntry.sequence))) or 0
    if checkpoint.sequence > 0:
        found = session.scalar(select(AuditEntry.hash).where(AuditEntry.sequence == checkpoint.sequence))
        if found is None:
            return CheckpointVerdict(0, head, CheckpointProblem.TAIL_CUT)
        if found != checkpoint.hash:
            return CheckpointVerdict(0, head, CheckpointProblem.REWRITTEN, found_hash=found)
    checked, broken = audit.verify_chain(session)
    if broken is not None:
        return CheckpointVerdict(checked, head, CheckpointProblem.BROKEN, broken)
    return CheckpointVerdict(checked, head, None)


def checkpoint_by_sequence(session: Session, sequence: int) -> AuditCheckpoint:
    found = session.scalars(
        select(AuditCheckpoint).where(AuditCheckpoint.sequence == sequence).order_by(AuditCheckpoint.id.desc())
    ).first()
    if found is None:
        raise NotFound("service.checkpoint_not_found", sequence=sequence)
    return found
