"""The workflow through the services, on SQLite and PostgreSQL: every transition, its
refusals, versions, material changes, clearances and the audit trail."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, text

from clearway.domain.workflow import Action, Role, State
from clearway.services import access, requests, workflow
from clearway.services.audit import verify_chain
from clearway.services.clearances import verify_online
from clearway.services.errors import Conflict, Forbidden, NotFound
from clearway.store.models import AuditEntry, ReceptionOutcome
from tests.services.conftest import OPERATOR, SECRET, future_flight, with_reference


def approve(world, public_id, **options):
    decision = workflow.DecisionInput(Action.APPROVE, **options)
    return workflow.decide(world.session, world.actor("mex"), public_id, decision, secret=SECRET)


def submitted(world, snapshot=None):
    created = requests.create_request(world.session, world.actor("usa"), snapshot or future_flight())
    workflow.submit(world.session, world.actor("usa"), created.public_id)
    return created


def test_a_flight_from_draft_to_closed(world) -> None:
    sender, receiver = world.actor("usa"), world.actor("mex")
    created = requests.create_request(world.session, sender, future_flight())
    assert created.state is State.DRAFT and created.current_version == 1
    workflow.submit(world.session, sender, created.public_id)
    result = approve(world, created.public_id)
    assert result["state"] == "approved" and result["clearance"]["number"].startswith("MEX-")
    assert verify_online(world.session, result["clearance"]["token"], SECRET).status == "current"
    departure = workflow.record_departure(
        world.session,
        sender,
        created.public_id,
        at=datetime.now(UTC),
        actual_registration="N999ZZ",
    )
    assert departure["registration_mismatch"] is True and departure["cleared_registration"] == "N316AC"
    workflow.record_arrival(world.session, receiver, created.public_id, at=datetime.now(UTC))
    outcomes = {1: ReceptionOutcome.RECEIVED, 2: ReceptionOutcome.RECEIVED, 3: ReceptionOutcome.NOT_ON_BOARD}
    closed = workflow.confirm_reception(world.session, receiver, created.public_id, outcomes)
    assert closed == {"state": "closed", "received": 2, "not_on_board": 1}
    checked, broken = verify_chain(world.session)
    assert broken is None and checked > 5


def test_submission_is_refused_while_the_precheck_has_errors_unless_justified(world) -> None:
    sender = world.actor("usa")
    flawed = future_flight(people={"monitors": 0, "declared_passengers": 3})
    created = requests.create_request(world.session, sender, flawed)
    with pytest.raises(Conflict) as refused:
        workflow.submit(world.session, sender, created.public_id)
    assert "MONITOR_MISSING" in refused.value.params["codes"]
    result = workflow.submit(world.session, sender, created.public_id, justification="Monitor boards at KHRL.")
    assert result["override"] == "Monitor boards at KHRL." and result["state"] == "submitted"


def test_a_request_without_a_manifest_is_not_submitted_whatever_the_justification(world) -> None:
    sender = world.actor("usa")
    created = requests.create_request(world.session, sender, future_flight(passengers=0))
    with pytest.raises(Conflict) as refused:
        workflow.submit(world.session, sender, created.public_id, justification="The manifest follows by e-mail.")
    assert refused.value.key == "service.manifest_empty"
    assert access.find_request(world.session, sender, created.public_id).state is State.DRAFT


@pytest.mark.parametrize(
    ("org", "role"), [("usa", Role.OFFICER), ("mex", Role.VIEWER), ("mex", Role.ADMIN), ("monitor", Role.OFFICER)]
)
def test_only_a_receiving_officer_decides(world, org, role) -> None:
    created = submitted(world)
    decision = workflow.DecisionInput(Action.APPROVE)
    with pytest.raises((Forbidden, NotFound)):
        workflow.decide(world.session, world.actor(org, role), created.public_id, decision, secret=SECRET)


def test_a_transition_from_the_wrong_state_names_the_current_state(world) -> None:
    created = requests.create_request(world.session, world.actor("usa"), future_flight())
    workflow.submit(world.session, world.actor("usa"), created.public_id)
    with pytest.raises(Conflict) as refused:
        workflow.record_departure(
            world.session, world.actor("usa"), created.public_id, at=future_flight().flight.legs[0].departure,
            actual_registration="N316AC",
        )  # fmt: skip
    assert refused.value.params == {"action": "depart", "state": "submitted"}


def test_an_edit_from_a_stale_version_is_refused_with_the_current_version(world) -> None:
    sender = world.actor("usa")
    created = requests.create_request(world.session, sender, future_flight())
    requests.save_edit(world.session, sender, created.public_id, 1, future_flight(people={"escorts": 20}))
    with pytest.raises(Conflict) as refused:
        requests.save_edit(world.session, sender, created.public_id, 1, future_flight(people={"escorts": 21}))
    assert refused.value.params == {"based_on": 1, "current": 2}


def test_a_material_amendment_supersedes_the_clearance(world) -> None:
    created = submitted(world)
    token = approve(world, created.public_id)["clearance"]["token"]
    changed = future_flight(aircraft={"registration": "N777AC"})
    request, _, reasons = requests.save_edit(world.session, world.actor("usa"), created.public_id, 1, changed)
    assert request.state is State.SUBMITTED and "aircraft.registration" in reasons
    assert verify_online(world.session, token, SECRET).status == "superseded"


def test_a_non_material_amendment_keeps_the_decision(world) -> None:
    created = submitted(world)
    token = approve(world, created.public_id)["clearance"]["token"]
    more_escorts = future_flight(people={"escorts": 30, "declared_passengers": 3})
    request, version, reasons = requests.save_edit(
        world.session, world.actor("usa"), created.public_id, 1, more_escorts
    )
    assert request.state is State.APPROVED and version.number == 2 and reasons == []
    assert verify_online(world.session, token, SECRET).status == "current"


def test_revocation_and_a_tampered_token(world) -> None:
    created = submitted(world)
    token = approve(world, created.public_id)["clearance"]["token"]
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    assert verify_online(world.session, tampered, SECRET).status == "invalid"
    workflow.revoke(world.session, world.actor("mex"), created.public_id, ["OTHER"], "Runway closed.", secret=SECRET)
    assert verify_online(world.session, token, SECRET).status == "revoked"


def test_receiving_side_sees_only_submitted_requests_to_its_country(world) -> None:
    draft = requests.create_request(world.session, world.actor("usa"), future_flight())
    sent = submitted(world, with_reference(future_flight(), "RF-SENT"))
    for org in ("mex", "gtm", "usa2", "monitor"):
        with pytest.raises(NotFound):
            access.find_request(world.session, world.actor(org), draft.public_id)
    assert access.find_request(world.session, world.actor("mex"), sent.public_id).id == sent.id
    for org in ("gtm", "usa2", "monitor"):
        with pytest.raises(NotFound):
            access.find_request(world.session, world.actor(org), sent.public_id)


def test_observer_sees_what_it_was_granted(world) -> None:
    from clearway.services.people import grant_observer
    from clearway.store.models import Organisation

    sent = submitted(world)
    grantor = world.session.get(Organisation, world.orgs["usa"])
    assert grantor is not None
    grant_observer(world.session, OPERATOR, world.orgs["monitor"], request_id=sent.id, grantor=grantor)
    assert access.find_request(world.session, world.actor("monitor", Role.VIEWER), sent.public_id).id == sent.id
    with pytest.raises(Forbidden):
        workflow.cancel(world.session, world.actor("monitor"), sent.public_id)


def test_reading_personal_data_is_logged(world) -> None:
    from clearway.store.models import AccessLogEntry

    created = submitted(world)
    before = world.session.scalar(select(func.count()).select_from(AccessLogEntry))
    requests.read_version(world.session, world.actor("mex", Role.VIEWER), created.public_id)
    assert world.session.scalar(select(func.count()).select_from(AccessLogEntry)) == before + 1


def test_daily_caps_count_arrivals_per_local_day_across_utc_midnight(world) -> None:
    from clearway.services.precheck import precheck_snapshot
    from clearway.store.models import utcnow

    # Four submitted flights arrive at Tijuana during one local day (16:00-22:00 UTC).
    for hour in (16, 18, 20, 22):
        submitted(world, with_reference(future_flight(arrival_hour=hour), f"RF-CAP-{hour}"))
    # 04:00 UTC the next day is still the evening before in Tijuana (UTC-7 or UTC-8): a fifth
    # arrival on that local day, over the agreement's four.
    evening = with_reference(future_flight(days=11, arrival_hour=4), "RF-EVENING")
    found = precheck_snapshot(world.session, evening, sending_org_id=world.orgs["usa"], at=utcnow())
    assert "DAILY_FLIGHT_CAP" in {str(f.code) for f in found.findings}
    # The same flight a day later is alone on its local day.
    later = with_reference(future_flight(days=12, arrival_hour=4), "RF-LATER")
    found = precheck_snapshot(world.session, later, sending_org_id=world.orgs["usa"], at=utcnow())
    assert "DAILY_FLIGHT_CAP" not in {str(f.code) for f in found.findings}


def test_audit_verify_finds_a_tampered_entry(world) -> None:
    submitted(world)
    session = world.session
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
    else:
        session.execute(text("DROP TRIGGER trg_audit_entries_no_update"))
    target = session.scalars(select(AuditEntry).order_by(AuditEntry.sequence.desc()).limit(1)).one()
    session.execute(text("UPDATE audit_entries SET action = 'approve' WHERE id = :id"), {"id": target.id})
    session.expire_all()
    _, broken = verify_chain(session)
    assert broken is not None and broken.sequence == target.sequence


def test_copy_makes_a_linked_draft(world) -> None:
    created = submitted(world)
    workflow.decide(
        world.session, world.actor("mex"), created.public_id,
        workflow.DecisionInput(Action.DENY, ("AIRCRAFT_CATEGORY_NOT_ALLOWED",)), secret=SECRET,
    )  # fmt: skip
    copy = requests.copy_request(world.session, world.actor("usa"), created.public_id, None)
    assert copy.state is State.DRAFT and copy.copied_from_id == created.id and copy.reference.endswith("-2")
