"""Events reach the outbox in the transaction of the change, for those who may see the request."""

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from clearway.domain.notifications import EventType
from clearway.domain.workflow import Action, Role, State
from clearway.services import people, requests, workflow
from clearway.store.models import Channel, ClearanceRequest, MessageStatus, Organisation, OutboxEvent
from tests.notify.support import (
    approved,
    endpoint_for,
    events_of,
    messages_by_org,
    opt_in,
    personal_data,
    submitted,
)
from tests.services.conftest import OPERATOR, SECRET, future_flight


def test_a_submission_is_an_event_with_the_documented_body(world) -> None:
    public_id = submitted(world)
    [event] = events_of(world.session, "request.submitted")
    assert event.body["type"] == "request.submitted"
    assert event.body["data"] == {"request_id": public_id, "version": 1, "state": "submitted"}
    assert datetime.fromisoformat(event.body["timestamp"].replace("Z", "+00:00")) <= datetime.now(UTC)


def test_a_draft_is_nobody_elses_business(world) -> None:
    endpoint_for(world, "mex")
    requests.create_request(world.session, world.actor("usa"), future_flight())
    assert world.session.scalars(select(OutboxEvent)).all() == []


def test_the_receiving_side_hears_of_a_submission_to_its_country_only(world) -> None:
    endpoint_for(world, "mex")
    endpoint_for(world, "gtm")
    endpoint_for(world, "usa")
    submitted(world)
    by_org = messages_by_org(world.session, "request.submitted")
    assert set(by_org) == {world.orgs["mex"], world.orgs["usa"]}
    [message] = by_org[world.orgs["mex"]]
    assert (message.channel, message.status, message.attempts) == (Channel.WEBHOOK, MessageStatus.PENDING, 0)
    assert message.message_id.startswith("msg_")


def test_an_observer_hears_by_its_grant(world) -> None:
    endpoint_for(world, "monitor")
    submitted(world)
    assert messages_by_org(world.session, "request.submitted") == {}
    grantor = world.session.get(Organisation, world.orgs["usa"])
    people.grant_observer(world.session, OPERATOR, world.orgs["monitor"], grantor=grantor, agreement_code="USA-MEX")
    submitted(world, reference="RF-OBSERVED")
    assert set(messages_by_org(world.session, "request.submitted")) == {world.orgs["monitor"]}


def test_an_endpoint_hears_only_the_events_it_chose(world) -> None:
    endpoint_for(world, "mex", events=["decision.made"])
    public_id = approved(world)
    assert messages_by_org(world.session, "request.submitted") == {}
    [decided] = events_of(world.session, "decision.made")
    assert decided.body["data"]["decision"] == "approve"
    assert decided.body["data"]["clearance_number"].startswith("MEX-")
    assert decided.body["data"]["request_id"] == public_id
    assert set(messages_by_org(world.session, "decision.made")) == {world.orgs["mex"]}


def test_a_material_amendment_supersedes_the_clearance_and_says_so(world) -> None:
    public_id = approved(world)
    moved = future_flight(aircraft={"registration": "N999ZZ"})
    requests.save_edit(world.session, world.actor("usa"), public_id, 1, moved)
    [amended] = events_of(world.session, "request.amended")
    assert amended.body["data"] == {"request_id": public_id, "version": 2, "state": "submitted", "material": True}
    assert len(events_of(world.session, "clearance.superseded")) == 1


def test_a_non_material_amendment_is_announced_and_keeps_the_decision(world) -> None:
    public_id = approved(world)
    fewer = future_flight(passengers=2, people={"declared_passengers": 2})
    requests.save_edit(world.session, world.actor("usa"), public_id, 1, fewer)
    [amended] = events_of(world.session, "request.amended")
    assert amended.body["data"]["material"] is False and amended.body["data"]["state"] == "approved"
    assert events_of(world.session, "clearance.superseded") == []


def test_a_registration_mismatch_at_departure_is_flagged_to_both_sides(world) -> None:
    endpoint_for(world, "usa")
    endpoint_for(world, "mex")
    public_id = approved(world)
    workflow.record_departure(
        world.session, world.actor("usa"), public_id, at=datetime.now(UTC), actual_registration="XA-ABC"
    )
    [departed] = events_of(world.session, "flight.departed")
    assert departed.body["data"]["registration_mismatch"] is True
    assert set(messages_by_org(world.session, "flight.departed")) == {world.orgs["usa"], world.orgs["mex"]}


def test_every_step_of_a_flight_is_an_event(world) -> None:
    sender, receiver = world.actor("usa"), world.actor("mex")
    created = requests.create_request(world.session, sender, future_flight())
    workflow.submit(world.session, sender, created.public_id)
    reply_by = datetime.now(UTC) + timedelta(days=2)
    ask = workflow.DecisionInput(Action.REQUEST_INFO, text="Which escort?", reply_by=reply_by)
    workflow.decide(world.session, receiver, created.public_id, ask, secret=SECRET)
    workflow.submit(world.session, sender, created.public_id, answer="Officer J. Doe escorts.")
    workflow.decide(world.session, receiver, created.public_id, workflow.DecisionInput(Action.APPROVE), secret=SECRET)
    workflow.record_departure(
        world.session, sender, created.public_id, at=datetime.now(UTC), actual_registration="N316AC"
    )
    workflow.record_arrival(world.session, receiver, created.public_id, at=datetime.now(UTC))
    outcomes = dict.fromkeys((1, 2, 3), workflow.ReceptionOutcome.RECEIVED)
    workflow.confirm_reception(world.session, receiver, created.public_id, outcomes)
    types = [event.type for event in world.session.scalars(select(OutboxEvent).order_by(OutboxEvent.id))]
    assert types == [
        "request.submitted",
        "request.info_requested",
        "request.answered",
        "request.submitted",
        "decision.made",
        "flight.departed",
        "flight.arrived",
        "reception.confirmed",
    ]
    departed = events_of(world.session, "flight.departed")[0]
    assert departed.body["data"]["registration_mismatch"] is False
    assert events_of(world.session, "request.submitted")[1].body["data"]["resubmission"] is True


def test_a_revocation_is_an_event(world) -> None:
    public_id = approved(world)
    workflow.revoke(world.session, world.actor("mex"), public_id, ["OTHER"], "Runway closed", secret=SECRET)
    [revoked] = events_of(world.session, "clearance.revoked")
    assert revoked.body["data"] == {
        "request_id": public_id,
        "version": 1,
        "state": "revoked",
        "reason_codes": ["OTHER"],
    }


def test_no_body_carries_personal_data(world) -> None:
    endpoint_for(world, "mex")
    public_id = approved(world)
    workflow.record_departure(
        world.session, world.actor("usa"), public_id, at=datetime.now(UTC), actual_registration="X"
    )
    bodies = json.dumps([event.body for event in world.session.scalars(select(OutboxEvent))], ensure_ascii=False)
    personal = personal_data(world.session)
    assert personal  # the control: there is personal data to leak
    assert [value for value in personal if value in bodies] == []


def test_people_who_opted_in_get_an_email_message_for_their_events_only(world) -> None:
    opt_in(world, world.actor("mex", Role.VIEWER), events=["request.submitted"])
    opt_in(world, world.actor("mex", Role.OFFICER), events=["decision.made"])
    opt_in(world, world.actor("gtm", Role.OFFICER))
    submitted(world)
    [message] = messages_by_org(world.session, "request.submitted")[world.orgs["mex"]]
    assert (message.channel, message.user_id) == (Channel.EMAIL, world.actor("mex", Role.VIEWER).user_id)


def test_a_disabled_endpoint_gets_nothing_more(world) -> None:
    from clearway.services import webhooks

    endpoint_for(world, "mex")
    [endpoint] = webhooks.list_endpoints(world.session, world.actor("mex", Role.ADMIN))
    webhooks.disable_endpoint(world.session, world.actor("mex", Role.ADMIN), endpoint.id)
    submitted(world)
    assert messages_by_org(world.session, "request.submitted") == {}


def test_the_event_is_rolled_back_with_the_change(world) -> None:
    public_id = submitted(world)
    savepoint = world.session.begin_nested()
    workflow.cancel(world.session, world.actor("usa"), public_id)
    assert events_of(world.session, str(EventType.REQUEST_CANCELLED))
    savepoint.rollback()
    assert events_of(world.session, str(EventType.REQUEST_CANCELLED)) == []
    assert world.session.scalars(select(ClearanceRequest.state)).all() == [State.SUBMITTED]


def test_recipients_are_found_once_per_event(world) -> None:
    endpoint_for(world, "mex")
    submitted(world)
    assert len(messages_by_org(world.session, "request.submitted")[world.orgs["mex"]]) == 1
    assert len(messages_by_org(world.session, "request.submitted")[world.orgs["mex"]]) == 1  # fanned out again: no more
