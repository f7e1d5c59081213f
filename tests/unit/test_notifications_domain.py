"""Which actions are events, and how long a failed delivery waits."""

import random
from datetime import timedelta

from clearway.domain.notifications import EventType, events_for_action, retry_delay

BASE, CAP = timedelta(seconds=30), timedelta(hours=6)


def test_housekeeping_is_no_event() -> None:
    assert events_for_action("token_created", {}) == []
    assert events_for_action("version_saved", {}) == []


def test_a_material_amendment_is_two_events() -> None:
    types = [item.type for item in events_for_action("material_amendment", {"reasons": ["x"]})]
    assert types == [EventType.REQUEST_AMENDED, EventType.CLEARANCE_SUPERSEDED]


def test_a_delay_doubles_with_each_attempt_within_its_jitter() -> None:
    rng = random.Random(7)
    for attempt in range(1, 8):
        step = BASE * 2 ** (attempt - 1)
        delay = retry_delay(attempt, base=BASE, cap=CAP, rng=rng)
        assert step / 2 <= delay <= step


def test_the_delay_is_capped() -> None:
    assert retry_delay(40, base=BASE, cap=CAP) <= CAP


def test_jitter_spreads_the_retries() -> None:
    rng = random.Random(1)
    delays = {retry_delay(3, base=BASE, cap=CAP, rng=rng) for _ in range(20)}
    assert len(delays) > 10
