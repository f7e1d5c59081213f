"""Deadline warnings: written by the scan once per deadline and threshold, at configurable thresholds."""

from datetime import UTC, datetime, timedelta

from clearway.domain.workflow import Action
from clearway.services import requests, workflow
from clearway.services.notify_deadlines import scan_deadlines
from tests.notify.support import endpoint_for, events_of, messages_by_org, submitted
from tests.services.conftest import SECRET, future_flight

THRESHOLDS = (24.0, 2.0)


def asked(world, reply_by: datetime) -> str:
    public_id = submitted(world)
    ask = workflow.DecisionInput(Action.REQUEST_INFO, text="Which escort?", reply_by=reply_by)
    workflow.decide(world.session, world.actor("mex"), public_id, ask, secret=SECRET)
    return public_id


def warnings(world) -> list[dict]:
    return [event.body["data"] for event in events_of(world.session, "deadline.approaching")]


def test_a_reply_by_far_off_gives_no_warning_yet(world) -> None:
    now = datetime.now(UTC)
    asked(world, now + timedelta(hours=30))
    assert scan_deadlines(world.session, now, THRESHOLDS) == 0


def test_a_reply_by_within_a_day_warns_once_however_often_the_scan_runs(world) -> None:
    now = datetime.now(UTC)
    reply_by = now + timedelta(hours=20)
    public_id = asked(world, reply_by)
    assert scan_deadlines(world.session, now, THRESHOLDS) == 1
    assert scan_deadlines(world.session, now + timedelta(minutes=5), THRESHOLDS) == 0
    [warning] = warnings(world)
    assert warning["request_id"] == public_id and warning["deadline"] == "reply_by"
    assert warning["hours_before"] == 24.0 and warning["state"] == "info_requested"


def test_each_threshold_warns_in_its_turn(world) -> None:
    now = datetime.now(UTC)
    reply_by = now + timedelta(hours=20)
    asked(world, reply_by)
    scan_deadlines(world.session, now, THRESHOLDS)
    assert scan_deadlines(world.session, reply_by - timedelta(hours=1), THRESHOLDS) == 1
    assert [item["hours_before"] for item in warnings(world)] == [24.0, 2.0]
    assert scan_deadlines(world.session, reply_by + timedelta(minutes=1), THRESHOLDS) == 0  # past: nothing more


def test_the_thresholds_are_a_setting(world) -> None:
    now = datetime.now(UTC)
    asked(world, now + timedelta(hours=20))
    assert scan_deadlines(world.session, now, (6.0,)) == 0
    assert scan_deadlines(world.session, now, (48.0,)) == 1


def test_an_answered_request_has_no_reply_by_deadline(world) -> None:
    now = datetime.now(UTC)
    public_id = asked(world, now + timedelta(hours=20))
    workflow.submit(world.session, world.actor("usa"), public_id, answer="Officer J. Doe escorts.")
    assert scan_deadlines(world.session, now, THRESHOLDS) == 0


def test_a_draft_is_warned_before_its_lead_time_runs_out_and_only_its_sender_hears(world) -> None:
    endpoint_for(world, "usa")
    endpoint_for(world, "mex")
    # The demo agreement (USA-MEX v4) asks for 72 hours' notice: the deadline is 72 h before arrival.
    created = requests.create_request(world.session, world.actor("usa"), future_flight(days=4))
    arrival = future_flight(days=4).flight.legs[0].arrival
    due = arrival - timedelta(hours=72)
    assert scan_deadlines(world.session, due - timedelta(hours=25), THRESHOLDS) == 0
    assert scan_deadlines(world.session, due - timedelta(hours=23), THRESHOLDS) == 1
    [warning] = warnings(world)
    assert warning["deadline"] == "lead_time" and warning["request_id"] == created.public_id
    assert warning["due_at"] == due.isoformat().replace("+00:00", "Z")
    assert set(messages_by_org(world.session, "deadline.approaching")) == {world.orgs["usa"]}
