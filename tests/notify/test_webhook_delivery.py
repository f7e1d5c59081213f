"""Webhooks delivered to a real HTTP receiver on 127.0.0.1, signatures checked with the
standardwebhooks library; retries with backoff, dead letters, replay, refusals of unsafe addresses."""

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from clearway.domain.workflow import Role
from clearway.services import notify_deliveries, outbox
from clearway.services.errors import Conflict
from clearway.services.notify_deliveries import DeliveryFilter
from clearway.services.notify_worker import Worker
from clearway.settings import DeliverySettings
from clearway.store.models import MessageStatus, OutboxEvent, OutboxMessage
from tests.notify.support import endpoint_for, receiver, submitted
from tests.services.conftest import SECRET

BASE = timedelta(seconds=60)
SETTINGS = DeliverySettings(
    webhook_allow_private=True,
    webhook_timeout_seconds=5,
    max_attempts=3,
    retry_base_seconds=BASE.total_seconds(),
    retry_cap_seconds=3600,
    idle_sleep_seconds=0.01,
)


@pytest.fixture
def session(live_session):
    return live_session


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now


def only_message(session) -> OutboxMessage:
    session.expire_all()
    [message] = session.scalars(select(OutboxMessage)).all()
    session.commit()
    return message


def test_a_webhook_arrives_signed_as_standard_webhooks_says(world, live_engine) -> None:
    with receiver() as hook:
        secret = endpoint_for(world, "mex", hook.url)
        public_id = submitted(world)
        world.session.commit()
        with Worker(live_engine, SETTINGS, SECRET) as worker:
            worker.fan_out()
            assert worker.deliver_one() is True
            assert worker.deliver_one() is False
        [event] = hook.verified(secret)
    assert event["type"] == "request.submitted"
    assert event["data"] == {"request_id": public_id, "version": 1, "state": "submitted"}
    message = only_message(world.session)
    assert hook.ids() == [message.message_id]
    assert (message.status, message.attempts, message.last_status_code) == (MessageStatus.DELIVERED, 1, 204)
    assert hook.calls[0].headers["content-type"] == "application/json"


def test_a_signature_made_with_another_secret_does_not_verify(world, live_engine) -> None:
    """The control for the test above: the receiver's check does refuse."""
    from standardwebhooks.webhooks import WebhookVerificationError

    with receiver() as hook:
        endpoint_for(world, "mex", hook.url)
        other = endpoint_for(world, "gtm", "http://127.0.0.1:9/unused")
        submitted(world)
        world.session.commit()
        with Worker(live_engine, SETTINGS, SECRET) as worker:
            worker.fan_out()
            worker.deliver_one()
        with pytest.raises(WebhookVerificationError):
            hook.verified(other)


def test_a_failing_receiver_is_retried_with_growing_jittered_delays_then_dead(world, live_engine) -> None:
    with receiver(status=500) as hook:
        endpoint_for(world, "mex", hook.url)
        submitted(world)
        world.session.commit()
        clock = Clock()
        with Worker(live_engine, SETTINGS, SECRET, clock=clock) as worker:
            worker.fan_out()
            assert worker.deliver_one() is True
            first = only_message(world.session)
            assert (first.status, first.attempts, first.last_status_code) == (MessageStatus.PENDING, 1, 500)
            assert clock.now + BASE / 2 <= first.next_attempt_at <= clock.now + BASE
            assert worker.deliver_one() is False  # not due yet

            clock.now = first.next_attempt_at
            assert worker.deliver_one() is True
            second = only_message(world.session)
            assert clock.now + BASE <= second.next_attempt_at <= clock.now + 2 * BASE

            clock.now = second.next_attempt_at
            assert worker.deliver_one() is True
            dead = only_message(world.session)
            assert (dead.status, dead.attempts, dead.last_error) == (MessageStatus.DEAD, 3, "HTTP 500")
            clock.now += timedelta(days=1)
            assert worker.deliver_one() is False  # a dead letter is never tried again by itself
    assert len(set(hook.ids())) == 1 and len(hook.ids()) == 3  # one webhook-id, three attempts


def test_an_admin_sees_the_dead_letter_and_replays_it_under_the_same_webhook_id(world, live_engine) -> None:
    admin = world.actor("mex", Role.ADMIN)
    with receiver(status=503) as hook:
        secret = endpoint_for(world, "mex", hook.url)
        submitted(world)
        world.session.commit()
        clock = Clock()
        with Worker(
            live_engine, DeliverySettings(**{**SETTINGS.__dict__, "max_attempts": 1}), SECRET, clock=clock
        ) as w:
            w.fan_out()
            w.deliver_one()
            dead, total = notify_deliveries.list_deliveries(world.session, admin, DeliveryFilter.DEAD)
            assert total == 1 and dead[0].status == "dead" and dead[0].last_status_code == 503
            assert (
                notify_deliveries.list_deliveries(world.session, world.actor("usa", Role.ADMIN), DeliveryFilter.DEAD)[1]
                == 0
            )
            notify_deliveries.replay(world.session, admin, dead[0].message_id)
            world.session.commit()
            hook.status = 204
            clock.now = datetime.now(UTC)  # the replay is due from the moment it was asked for
            assert w.deliver_one() is True
        events = hook.verified(secret)
    assert hook.ids() == [dead[0].message_id, dead[0].message_id] and len(events) == 2
    delivered = only_message(world.session)
    assert (delivered.status, delivered.attempts) == (MessageStatus.DELIVERED, 1)


def test_only_a_dead_letter_can_be_replayed(world, live_engine) -> None:
    endpoint_for(world, "mex")
    submitted(world)
    outbox.fan_out(world.session, datetime.now(UTC), lock=False)
    world.session.commit()
    message = only_message(world.session)
    with pytest.raises(Conflict):
        notify_deliveries.replay(world.session, world.actor("mex", Role.ADMIN), message.message_id)


def test_failing_messages_are_listed_apart(world, live_engine) -> None:
    with receiver(status=500) as hook:
        endpoint_for(world, "mex", hook.url)
        submitted(world)
        world.session.commit()
        clock = Clock()
        with Worker(live_engine, SETTINGS, SECRET, clock=clock) as worker:
            worker.fan_out()
            worker.deliver_one()
    admin = world.actor("mex", Role.ADMIN)
    failing, total = notify_deliveries.list_deliveries(world.session, admin, DeliveryFilter.FAILING)
    assert total == 1 and failing[0].attempts == 1 and failing[0].next_attempt_at is not None
    assert notify_deliveries.list_deliveries(world.session, admin, DeliveryFilter.DELIVERED)[1] == 0


def test_an_unreachable_receiver_is_a_failure_with_its_reason(world, live_engine) -> None:
    with receiver() as hook:
        url = hook.url
    endpoint_for(world, "mex", url)  # the server is gone: the port refuses connections
    submitted(world)
    world.session.commit()
    with Worker(live_engine, SETTINGS, SECRET) as worker:
        worker.fan_out()
        worker.deliver_one()
    message = only_message(world.session)
    assert message.status is MessageStatus.PENDING and "ConnectError" in (message.last_error or "")


def test_the_address_is_checked_again_at_delivery(world, live_engine) -> None:
    """An endpoint that passed once (allowed then) is not called once private addresses are refused."""
    with receiver() as hook:
        endpoint_for(world, "mex", hook.url)
        submitted(world)
        world.session.commit()
        strict = DeliverySettings(**{**SETTINGS.__dict__, "webhook_allow_private": False})
        with Worker(live_engine, strict, SECRET) as worker:
            worker.fan_out()
            worker.deliver_one()
        assert hook.calls == []
    message = only_message(world.session)
    assert "not a public address" in (message.last_error or "")


def test_on_stop_the_delivery_in_flight_finishes_and_is_recorded(world, live_engine) -> None:
    with receiver() as hook:
        endpoint_for(world, "mex", hook.url)
        for number in range(3):
            submitted(world, reference=f"RF-STOP-{number}")
        world.session.commit()
        stop = threading.Event()
        with Worker(live_engine, SETTINGS, SECRET) as worker:
            worker.fan_out()
            answer = hook.hold = threading.Event()
            thread = threading.Thread(target=worker.run, args=(stop,))
            thread.start()
            assert hook.held.wait(10)
            stop.set()  # as SIGTERM does, while the first delivery waits for its answer
            answer.set()
            thread.join(10)
            assert not thread.is_alive()
    world.session.expire_all()
    statuses = sorted(str(status) for status in world.session.scalars(select(OutboxMessage.status)))
    assert statuses == ["delivered", "pending", "pending"]
    assert len(hook.calls) == 1


def test_every_event_has_its_own_id(world, live_engine) -> None:
    endpoint_for(world, "mex")
    submitted(world)
    submitted(world, reference="RF-OTHER")
    world.session.commit()
    ids = world.session.scalars(select(OutboxEvent.event_id)).all()
    assert len(ids) == len(set(ids)) == 2
