"""A kept checkpoint and a hash list are enough to tell that today's chain extends it: no content needed."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from clearway.domain.audit import GENESIS, AuditRecord, next_record, record_content_hash, record_hash
from clearway.domain.checkpoints import (
    ChainLink,
    Checkpoint,
    CheckpointInvalid,
    ExtensionProblem,
    check_extension,
)

START = datetime(2025, 1, 15, 18, 15, tzinfo=UTC)


def chain(length: int, *, salt: str = "s") -> list[AuditRecord]:
    records: list[AuditRecord] = []
    for index in range(length):
        previous = records[-1] if records else None
        at = START + timedelta(minutes=index)
        records.append(
            next_record(previous, at=at, user_id=1, organisation_id=2, action="submit", salt=f"{salt}{index}")
        )
    return records


def links(records: list[AuditRecord], since: int) -> list[ChainLink]:
    """What GET /api/v1/audit/hashes?since=N serves."""
    return [ChainLink(r.sequence, r.content_hash, r.hash) for r in records if r.sequence >= since]


def rehashed_from(records: list[AuditRecord], position: int, **change: object) -> list[AuditRecord]:
    """The chain rewritten at ``position`` and every hash after it recomputed: whole again, but different."""
    out = records[:position]
    for record in records[position:]:
        previous = out[-1].hash if out else GENESIS
        edited = replace(record, previous_hash=previous, **(change if record is records[position] else {}))
        edited = replace(edited, content_hash=record_content_hash(edited))
        out.append(replace(edited, hash=record_hash(edited)))
    return out


def test_a_chain_that_grew_extends_its_checkpoint() -> None:
    kept = chain(5)[2]  # the head at sequence 3 was signed; two entries were added since
    extension = check_extension(kept.sequence, kept.hash, links(chain(5), since=3))
    assert (extension.extends, extension.head_sequence, extension.head_hash) == (True, 5, chain(5)[-1].hash)


def test_an_unchanged_chain_extends_its_checkpoint() -> None:
    records = chain(3)
    assert check_extension(3, records[-1].hash, links(records, since=3)).extends


def test_the_empty_chain_checkpoint_is_extended_from_the_first_entry() -> None:
    assert check_extension(0, GENESIS, links(chain(3), since=1)).extends


def test_a_cut_tail_does_not_reach_the_checkpoint() -> None:
    records = chain(5)
    extension = check_extension(5, records[-1].hash, links(records[:3], since=5))
    assert extension.problem is ExtensionProblem.EMPTY


def test_a_cut_tail_grown_again_has_another_hash_at_the_checkpoint() -> None:
    records = chain(5)
    regrown = chain(3) + chain(5, salt="other")[3:]  # cut after 3, two other entries appended
    regrown = rehashed_from(regrown, 3)
    extension = check_extension(5, records[-1].hash, links(regrown, since=5))
    assert extension.problem is ExtensionProblem.HEAD_CHANGED


def test_a_rewrite_rehashed_from_before_the_checkpoint_is_caught() -> None:
    records = chain(6)
    rewritten = rehashed_from(records, 1, action="approve")
    assert [r.hash for r in rewritten][:1] == [records[0].hash]  # whole again from entry 2 on...
    extension = check_extension(4, records[3].hash, links(rewritten, since=4))
    assert extension.problem is ExtensionProblem.HEAD_CHANGED  # ...but not through the signed head


def test_a_rewrite_after_the_checkpoint_that_is_not_rehashed_does_not_link() -> None:
    records = chain(6)
    listed = links(records, since=3)
    listed[2] = replace(listed[2], content_hash="sha256:" + "f" * 64)  # content changed, hash kept
    extension = check_extension(3, records[2].hash, listed)
    assert (extension.problem, extension.head_sequence) == (ExtensionProblem.UNLINKED, 5)


def test_a_missing_entry_in_the_list_is_a_gap() -> None:
    records = chain(6)
    listed = links(records, since=3)
    del listed[1]
    assert check_extension(3, records[2].hash, listed).problem is ExtensionProblem.SEQUENCE_GAP


def test_a_list_from_elsewhere_is_refused() -> None:
    records = chain(6)
    assert check_extension(3, records[2].hash, links(records, since=4)).problem is ExtensionProblem.STARTS_ELSEWHERE


def test_checkpoint_claims_round_trip_and_refuse_what_they_are_not() -> None:
    made = Checkpoint(3, chain(3)[-1].hash, START, START + timedelta(hours=1), "0123456789abcdef")
    assert Checkpoint.from_claims(made.to_claims()) == made
    for change in ({"seq": -1}, {"h": "sha256:xyz"}, {"seq": 0}, {"v": 2}, {"extra": 1}):
        with pytest.raises(CheckpointInvalid):
            Checkpoint.from_claims({**made.to_claims(), **change})
