"""The audit chain verifies when whole and names the first broken link otherwise, in constant memory."""

import weakref
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest

from clearway.domain.audit import (
    GENESIS,
    AuditRecord,
    BrokenLink,
    LinkProblem,
    chain_hash,
    content_digest,
    first_broken_link,
    next_record,
    record_content_hash,
    record_hash,
)

START = datetime(2025, 1, 15, 18, 15, 0, 123456, tzinfo=UTC)


def chain(length: int) -> Iterator[AuditRecord]:
    """A whole chain, built lazily: each record is made only when the consumer asks for it."""
    previous = None
    for index in range(length):
        previous = next_record(
            previous,
            at=START + timedelta(seconds=index),
            user_id=f"user-{index % 3}",
            organisation_id="org-usa",
            action="submit" if index % 2 else "amend",
            request_id="req-1",
            version=index + 1,
            details={"index": index, "note": "Revisión ñ"},
        )
        yield previous


def records(length: int = 5) -> list[AuditRecord]:
    return list(chain(length))


def fields_of(record: AuditRecord) -> dict[str, Any]:
    return {
        "sequence": record.sequence,
        "at": record.at,
        "user_id": record.user_id,
        "organisation_id": record.organisation_id,
        "action": record.action,
        "request_id": record.request_id,
        "version": record.version,
        "details": record.details,
    }


def test_a_whole_chain_verifies() -> None:
    assert first_broken_link(records(20)) is None


def test_an_empty_chain_verifies() -> None:
    assert first_broken_link([]) is None


def test_the_chain_starts_at_one_after_genesis() -> None:
    first = records(1)[0]
    assert (first.sequence, first.previous_hash) == (1, GENESIS)
    assert GENESIS == "sha256:" + "0" * 64


def test_each_record_links_to_the_one_before() -> None:
    first, second = records(2)
    assert second.previous_hash == first.hash
    assert second.sequence == 2


def test_hash_is_sha256_hex_of_the_content() -> None:
    record = records(1)[0]
    assert record.hash == record_hash(record)
    assert record.hash.startswith("sha256:")
    assert len(record.hash) == 7 + 64


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("sequence", 9),
        ("at", START + timedelta(microseconds=1)),
        ("user_id", "user-9"),
        ("organisation_id", "org-mex"),
        ("action", "deny"),
        ("request_id", "req-2"),
        ("version", 99),
        ("details", {"index": 0, "note": "Revisión n"}),
    ],
)
def test_every_field_is_covered_by_the_hash(field: str, value: object) -> None:
    record = records(1)[0]
    assert chain_hash(GENESIS, **{**fields_of(record), field: value}) != record.hash


def test_the_previous_hash_is_covered_by_the_hash() -> None:
    record = records(1)[0]
    assert chain_hash("sha256:" + "1" * 64, **fields_of(record)) != record.hash


def test_the_same_instant_in_another_zone_hashes_the_same() -> None:
    record = records(1)[0]
    elsewhere = record.at.astimezone(timezone(timedelta(hours=-6)))
    assert chain_hash(GENESIS, **{**fields_of(record), "at": elsewhere}) == chain_hash(GENESIS, **fields_of(record))
    assert content_digest(salt="", **{**fields_of(record), "at": elsewhere}) == record.content_hash


def test_a_time_without_a_zone_cannot_be_hashed() -> None:
    with pytest.raises(ValueError):
        chain_hash(GENESIS, **{**fields_of(records(1)[0]), "at": datetime(2025, 1, 15, 18, 15)})


def test_details_must_be_json() -> None:
    with pytest.raises(TypeError):
        chain_hash(GENESIS, **{**fields_of(records(1)[0]), "details": {"at": START}})


def test_a_record_edited_in_place_breaks_its_own_hash() -> None:
    chain_records = records()
    chain_records[2] = replace(chain_records[2], action="approve")
    assert first_broken_link(chain_records) == BrokenLink(
        3, 2, LinkProblem.HASH_MISMATCH, record_content_hash(chain_records[2]), chain_records[2].content_hash or ""
    )


def test_a_record_of_the_first_format_edited_in_place_breaks_its_own_hash() -> None:
    first = records(1)[0]
    legacy = replace(first, content_hash=None, salt=None, hash=chain_hash(GENESIS, **fields_of(first)))
    assert first_broken_link([legacy]) is None
    edited = replace(legacy, action="approve")
    assert first_broken_link([edited]) == BrokenLink(1, 0, LinkProblem.HASH_MISMATCH, record_hash(edited), legacy.hash)


def test_a_first_format_record_after_a_second_format_one_is_a_broken_link() -> None:
    chain_records = records(2)
    second = chain_records[1]
    chain_records[1] = replace(
        second, content_hash=None, salt=None, hash=chain_hash(second.previous_hash, **fields_of(second))
    )
    assert first_broken_link(chain_records) == BrokenLink(2, 1, LinkProblem.FORMAT_REGRESSION)


def test_a_record_rewritten_with_a_fresh_hash_breaks_the_next_link() -> None:
    chain_records = records()
    forged = replace(chain_records[2], user_id="someone-else")
    forged = replace(forged, content_hash=record_content_hash(forged))
    chain_records[2] = replace(forged, hash=record_hash(forged))
    broken = first_broken_link(chain_records)
    assert broken is not None
    assert (broken.sequence, broken.position, broken.reason) == (4, 3, LinkProblem.PREVIOUS_MISMATCH)


def test_a_removed_record_is_a_sequence_gap() -> None:
    chain_records = records()
    del chain_records[1]
    assert first_broken_link(chain_records) == BrokenLink(3, 1, LinkProblem.SEQUENCE_GAP, "2", "3")


def test_a_removed_first_record_is_a_sequence_gap() -> None:
    assert first_broken_link(records()[1:]) == BrokenLink(2, 0, LinkProblem.SEQUENCE_GAP, "1", "2")


def test_swapped_records_break_at_the_first_of_them() -> None:
    chain_records = records()
    chain_records[1], chain_records[2] = chain_records[2], chain_records[1]
    broken = first_broken_link(chain_records)
    assert broken is not None
    assert (broken.position, broken.reason) == (1, LinkProblem.SEQUENCE_GAP)


def test_a_first_record_not_after_genesis_is_refused() -> None:
    first = records(1)[0]
    forged = replace(first, previous_hash="sha256:" + "f" * 64)
    broken = first_broken_link([replace(forged, hash=record_hash(forged))])
    assert broken is not None
    assert broken.reason == LinkProblem.PREVIOUS_MISMATCH


def test_details_that_are_no_longer_json_are_a_hash_mismatch() -> None:
    chain_records = records(2)
    chain_records[1] = replace(chain_records[1], details={"at": START})
    broken = first_broken_link(chain_records)
    assert broken is not None
    assert broken.reason == LinkProblem.HASH_MISMATCH


def test_verification_streams_without_holding_the_chain() -> None:
    alive = 0
    most_alive = 0

    def released() -> None:
        nonlocal alive
        alive -= 1

    def watched() -> Iterator[AuditRecord]:
        nonlocal alive, most_alive
        for record in chain(20_000):
            alive += 1
            most_alive = max(most_alive, alive)
            weakref.finalize(record, released)
            yield record

    assert first_broken_link(watched()) is None
    assert most_alive <= 4  # the record being checked, the one before, and the generators' own


def test_numeric_ids_are_hashed_as_numbers() -> None:
    record = next_record(None, at=START, user_id=5, organisation_id=2, action="approve", request_id=17, version=1)
    assert first_broken_link([record]) is None
    assert chain_hash(GENESIS, **{**fields_of(record), "user_id": "5"}) != record.hash
