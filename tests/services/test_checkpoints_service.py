"""Signed checkpoints of the audit chain, on SQLite and PostgreSQL: someone with write access to the
database cuts the tail, or rewrites an entry and re-hashes everything after it; both are caught against
a checkpoint taken before, in the database and from the hash list alone."""

import itertools
from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from clearway.domain.audit import GENESIS, content_digest, linked_hash
from clearway.domain.checkpoints import Checkpoint, ExtensionProblem, check_extension
from clearway.domain.workflow import Role
from clearway.services import checkpoints, keys
from clearway.services.audit import verify_chain
from clearway.services.checkpoints import CheckpointProblem
from clearway.signing import CHECKPOINT_TYPE, ClearanceInvalid, sign_document
from clearway.store.models import AuditEntry, utcnow
from tests.services.conftest import OPERATOR, SECRET, World, future_flight, with_reference
from tests.services.test_workflow_service import approve, submitted

_references = itertools.count(1)


def with_history(world: World) -> None:
    """A request submitted and approved: a few more entries on the chain."""
    created = submitted(world, with_reference(future_flight(), f"RF-CHECK-{next(_references)}"))
    approve(world, created.public_id)


def kept(world: World) -> Checkpoint:
    """A checkpoint taken now and read back from its signed token, as a holder keeps it."""
    row = checkpoints.take(world.session, SECRET)
    document = checkpoints.document(world.session, row)
    return checkpoints.read_checkpoint(document, keys.trusted_keys(world.session, SECRET)).checkpoint


def allow_tampering(session: Session) -> None:
    """What an attacker with the database does first: switch off the append-only triggers."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
    else:
        session.execute(text("DROP TRIGGER trg_audit_entries_no_update"))
        session.execute(text("DROP TRIGGER trg_audit_entries_no_delete"))


def cut_tail(session: Session, after: int) -> None:
    allow_tampering(session)
    session.execute(text("DELETE FROM audit_entries WHERE sequence > :after"), {"after": after})
    session.expire_all()


def rewrite_and_rehash(session: Session, sequence: int, action: str) -> None:
    """Change one entry and recompute every hash from it on, so the chain is whole again."""
    allow_tampering(session)
    entries = session.scalars(select(AuditEntry).where(AuditEntry.sequence >= sequence).order_by(AuditEntry.sequence))
    previous = session.scalar(select(AuditEntry.hash).where(AuditEntry.sequence == sequence - 1)) or GENESIS
    for entry in list(entries):
        new_action = action if entry.sequence == sequence else entry.action
        own = content_digest(
            salt=entry.salt or "",
            sequence=entry.sequence,
            at=entry.at,
            user_id=entry.user_id,
            organisation_id=entry.organisation_id,
            action=new_action,
            request_id=entry.request_id,
            version=entry.version,
            details=entry.details,
        )
        digest = linked_hash(previous, own)
        session.execute(
            text(
                "UPDATE audit_entries SET action = :action, previous_hash = :previous, content_hash = :own, "
                "hash = :digest WHERE id = :id"
            ),
            {"action": new_action, "previous": previous, "own": own, "digest": digest, "id": entry.id},
        )
        previous = digest
    session.expire_all()


def test_an_untouched_chain_extends_its_checkpoint(world: World) -> None:
    with_history(world)
    checkpoint = kept(world)
    with_history(world)  # the chain goes on after the checkpoint
    verdict = checkpoints.verify_against(world.session, checkpoint)
    assert verdict.problem is None and verdict.head > checkpoint.sequence


def test_a_cut_tail_is_caught_against_an_earlier_checkpoint(world: World) -> None:
    with_history(world)
    checkpoint = kept(world)
    cut_tail(world.session, after=checkpoint.sequence - 2)
    assert verify_chain(world.session)[1] is None  # the chain alone still says intact
    verdict = checkpoints.verify_against(world.session, checkpoint)
    assert (verdict.problem, verdict.head) == (CheckpointProblem.TAIL_CUT, checkpoint.sequence - 2)


def test_a_rewrite_rehashed_to_the_end_is_caught_against_an_earlier_checkpoint(world: World) -> None:
    with_history(world)
    checkpoint = kept(world)
    rewrite_and_rehash(world.session, sequence=2, action="deny")
    assert verify_chain(world.session)[1] is None  # whole again, to the chain alone
    verdict = checkpoints.verify_against(world.session, checkpoint)
    assert verdict.problem is CheckpointProblem.REWRITTEN


def test_an_entry_changed_without_rehashing_is_a_broken_link(world: World) -> None:
    with_history(world)
    checkpoint = kept(world)
    allow_tampering(world.session)
    world.session.execute(text("UPDATE audit_entries SET action = 'deny' WHERE sequence = 2"))
    world.session.expire_all()
    verdict = checkpoints.verify_against(world.session, checkpoint)
    assert verdict.problem is CheckpointProblem.BROKEN and verdict.broken is not None
    assert verdict.broken.sequence == 2


def test_the_extension_is_checked_from_the_served_hash_list_alone(world: World) -> None:
    with_history(world)
    checkpoint = kept(world)
    with_history(world)
    listed = checkpoints.hashes_since(world.session, checkpoint.sequence)
    assert check_extension(checkpoint.sequence, checkpoint.hash, listed).extends
    rewrite_and_rehash(world.session, sequence=checkpoint.sequence - 1, action="deny")
    rewritten = checkpoints.hashes_since(world.session, checkpoint.sequence)
    problem = check_extension(checkpoint.sequence, checkpoint.hash, rewritten).problem
    assert problem is ExtensionProblem.HEAD_CHANGED


def test_the_hash_list_holds_hashes_only(world: World) -> None:
    with_history(world)
    listed = checkpoints.hashes_since(world.session, 1)
    assert [link.sequence for link in listed] == list(range(1, len(listed) + 1))
    assert all(link.hash.startswith("sha256:") and (link.content_hash or "").startswith("sha256:") for link in listed)


def test_a_checkpoint_signed_by_an_organisations_key_is_refused(world: World) -> None:
    with_history(world)
    genuine = checkpoints.document(world.session, checkpoints.take(world.session, SECRET))
    mexico = keys.active_key(world.session, world.orgs["mex"], SECRET)
    forged_claims = Checkpoint(1, genuine["hash"], utcnow(), utcnow(), mexico.key_id).to_claims()
    forged_claims["seq"] = genuine["sequence"]
    token = sign_document(forged_claims, CHECKPOINT_TYPE, mexico.encrypted_private_pem, SECRET, key_id=mexico.key_id)
    with pytest.raises(ClearanceInvalid) as refused:
        checkpoints.read_checkpoint({**genuine, "token": token}, keys.trusted_keys(world.session, SECRET))
    assert refused.value.reason == "wrong_key"


def test_the_unsigned_fields_of_a_checkpoint_file_are_not_trusted(world: World) -> None:
    with_history(world)
    genuine = checkpoints.document(world.session, checkpoints.take(world.session, SECRET))
    edited = {**genuine, "sequence": 1, "hash": GENESIS}  # a holder's file edited to an older head
    checkpoint = checkpoints.read_checkpoint(edited, keys.trusted_keys(world.session, SECRET)).checkpoint
    assert (checkpoint.sequence, checkpoint.hash) == (genuine["sequence"], genuine["hash"])


def test_a_checkpoint_signed_by_a_revoked_audit_key_is_refused(world: World) -> None:
    with_history(world)
    document = checkpoints.document(world.session, checkpoints.take(world.session, SECRET))
    keys.revoke_key(world.session, OPERATOR, document["key_id"], SECRET)
    with pytest.raises(ClearanceInvalid) as refused:
        checkpoints.read_checkpoint(document, keys.trusted_keys(world.session, SECRET))
    assert refused.value.reason == "revoked_key"


def test_fetching_countersigns_for_sending_and_receiving_organisations(world: World) -> None:
    with_history(world)
    checkpoints.take(world.session, SECRET)
    checkpoints.fetch_latest(world.session, world.actor("usa", Role.VIEWER), SECRET)
    checkpoints.fetch_latest(world.session, world.actor("mex"), SECRET)
    checkpoints.fetch_latest(world.session, world.actor("mex", Role.ADMIN), SECRET)  # once per organisation
    document = checkpoints.fetch_latest(world.session, world.actor("monitor", Role.VIEWER), SECRET)
    witnesses = checkpoints.read_checkpoint(document, keys.trusted_keys(world.session, SECRET)).witnesses
    assert sorted(witness.organisation for witness in witnesses) == ["Org mex", "Org usa"]


def test_a_countersignature_of_another_head_is_refused(world: World) -> None:
    with_history(world)
    checkpoints.take(world.session, SECRET)
    first = checkpoints.fetch_latest(world.session, world.actor("usa"), SECRET)
    with_history(world)
    checkpoints.take(world.session, SECRET)
    second = checkpoints.fetch_latest(world.session, world.actor("mex"), SECRET)
    spliced = {**second, "countersignatures": first["countersignatures"]}
    with pytest.raises(ClearanceInvalid) as refused:
        checkpoints.read_checkpoint(spliced, keys.trusted_keys(world.session, SECRET))
    assert refused.value.reason == "claims"


def test_checkpoints_are_taken_at_intervals_only_when_the_chain_moved(world: World) -> None:
    with_history(world)
    now = utcnow()
    first = checkpoints.take_if_due(world.session, SECRET, timedelta(hours=1), now=now)
    assert first is not None
    assert checkpoints.take_if_due(world.session, SECRET, timedelta(hours=1), now=now + timedelta(minutes=5)) is None
    later = now + timedelta(hours=2)
    assert checkpoints.take_if_due(world.session, SECRET, timedelta(hours=1), now=later) is None  # nothing new
    with_history(world)
    assert checkpoints.take_if_due(world.session, SECRET, timedelta(hours=1), now=later) is not None
