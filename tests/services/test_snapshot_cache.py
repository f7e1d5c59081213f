"""Parsed snapshots kept per process by the hash of a version's content (versions never change)."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from clearway.domain.snapshot import RequestSnapshot, canonical_json, from_document
from clearway.services import requests
from clearway.services.snapshot_cache import SnapshotCache
from tests.services.conftest import World, future_flight


def test_a_saved_version_carries_the_hash_of_its_content(world: World) -> None:
    created = requests.create_request(world.session, world.actor("usa"), future_flight(passengers=3))
    version = requests.current_version(world.session, created)
    assert version.content_sha256 == hashlib.sha256(canonical_json(version.content)).hexdigest()


def test_a_version_is_parsed_once_and_read_back_equal(world: World) -> None:
    created = requests.create_request(world.session, world.actor("usa"), future_flight(passengers=3))
    version = requests.current_version(world.session, created)
    first, second = requests.snapshot_of(version), requests.snapshot_of(version)
    assert first is second
    assert first == from_document(version.content)


def test_a_version_without_a_hash_is_parsed_each_time(world: World) -> None:
    created = requests.create_request(world.session, world.actor("usa"), future_flight(passengers=3))
    version = requests.current_version(world.session, created)
    version.content_sha256 = None  # as written before the hash existed (not flushed: the rows are append-only)
    assert requests.snapshot_of(version) is not requests.snapshot_of(version)
    world.session.expire(version)


def _parsed(passengers: int) -> RequestSnapshot:
    return future_flight(passengers=passengers)


def test_the_cache_drops_the_least_recently_used_beyond_its_passenger_bound() -> None:
    cache = SnapshotCache(max_passengers=10)
    four, five, three = _parsed(4), _parsed(5), _parsed(3)
    cache.get("a", lambda: four)
    cache.get("b", lambda: five)
    cache.get("a", lambda: four)  # "a" is now the most recently used
    cache.get("c", lambda: three)  # 12 > 10: "b" goes
    assert cache.get("a", lambda: replace(four)) is four
    assert cache.get("c", lambda: replace(three)) is three
    assert cache.get("b", lambda: replace(five)) is not five


def test_a_snapshot_larger_than_the_whole_cache_is_not_kept() -> None:
    cache = SnapshotCache(max_passengers=2)
    big = _parsed(3)
    assert cache.get("big", lambda: big) is big
    assert cache.get("big", lambda: replace(big)) is not big
