"""Signed decisions and keys through the services, on SQLite and PostgreSQL: every decision signed,
the cross-issuer forgery refused online, revocation against retirement, superseded clearances never
valid, and a secret that changed under the database."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from clearway.domain.clearance import DecisionKind
from clearway.domain.workflow import Action, Role
from clearway.services import keys, requests, workflow
from clearway.services.clearances import verify_online
from clearway.services.keys import KeysNeedRotation
from clearway.settings import DEVELOPMENT_SECRET_KEY
from clearway.signing import TOKEN_TYPE, generate_key, sign_clearance, sign_document, verify_clearance
from clearway.store.models import AuditEntry, Clearance, Decision, SigningKey, utcnow
from tests.factories.versions import with_aircraft
from tests.services.conftest import OPERATOR, SECRET, World, future_flight, with_reference
from tests.services.test_workflow_service import approve, submitted

OTHER_SECRET = "another-secret-after-the-move-0123456789abcdef"


def decide(world: World, public_id: str, action: Action, secret: str = SECRET, **fields: object) -> dict:
    decision = workflow.DecisionInput(action, **fields)  # type: ignore[arg-type]
    return workflow.decide(world.session, world.actor("mex"), public_id, decision, secret=secret)


def signature_of(world: World, decision_id: int) -> str:
    token = world.session.scalars(select(Decision.signature).where(Decision.id == decision_id)).one()
    assert token is not None
    return token


@pytest.mark.parametrize(
    ("action", "fields", "kind"),
    [
        (Action.APPROVE, {}, DecisionKind.APPROVE),
        (Action.APPROVE_RESTRICTED, {"excluded_seqs": (2,)}, DecisionKind.APPROVE_RESTRICTED),
        (Action.REQUEST_INFO, {"text": "Which escorts?", "reason_codes": ("OTHER",)}, DecisionKind.REQUEST_INFO),
        (Action.DENY, {"reason_codes": ("OTHER",), "text": "Closed."}, DecisionKind.DENY),
    ],
)
def test_every_decision_is_signed_with_its_claim_type(
    world: World, action: Action, fields: dict[str, object], kind: DecisionKind
) -> None:
    created = submitted(world)
    result = decide(world, created.public_id, action, **fields)
    verified = verify_clearance(signature_of(world, result["decision"]), keys.trusted_keys(world.session, SECRET))
    assert (verified.claims.decision, verified.claims.request_id) == (kind, created.public_id)
    assert (verified.claims.issuer_country, verified.key.country) == ("MEX", "MEX")
    assert verified.claims.legs[0].arrival_offset == -480  # Tijuana, from the airport's time zone
    entry = world.session.scalars(select(AuditEntry).order_by(AuditEntry.sequence.desc()).limit(1)).one()
    assert (entry.action, entry.details["signature_key"]) == (str(action), verified.key.key_id)


def test_a_revocation_is_signed_and_names_the_clearance_it_withdraws(world: World) -> None:
    created = submitted(world)
    number = approve(world, created.public_id)["clearance"]["number"]
    result = workflow.revoke(world.session, world.actor("mex"), created.public_id, ["OTHER"], "Closed.", secret=SECRET)
    verified = verify_clearance(result["signature"]["token"], keys.trusted_keys(world.session, SECRET))
    assert (verified.claims.decision, verified.claims.number) == (DecisionKind.REVOKE, number)
    assert verify_online(world.session, result["signature"]["token"], SECRET).status == "recorded"


def test_a_token_signed_with_guatemalas_key_that_claims_mexico_is_refused_online(world: World) -> None:
    created = submitted(world)
    genuine = verify_clearance(
        approve(world, created.public_id)["clearance"]["token"], keys.trusted_keys(world.session, SECRET)
    )
    guatemala = keys.active_key(world.session, world.orgs["gtm"], SECRET)
    forged_claims = replace(genuine.claims, key_id=guatemala.key_id)  # Mexico's clearance, Guatemala's key
    forged = sign_clearance(forged_claims, guatemala.encrypted_private_pem, SECRET)
    verdict = verify_online(world.session, forged, SECRET)
    assert (verdict.valid, verdict.genuine, verdict.status, verdict.reason) == (False, False, "invalid", "wrong_issuer")


def test_a_sending_organisation_has_a_key_too(world: World) -> None:
    made = keys.ensure_keys(world.session, SECRET)
    owners = {key.organisation_id for key in made}
    assert {world.orgs["usa"], world.orgs["mex"], world.orgs["gtm"], None} <= owners
    assert world.orgs["monitor"] not in owners  # an observer neither decides nor witnesses


def test_a_retired_key_still_verifies_and_a_revoked_one_does_not(world: World) -> None:
    first, second = submitted(world), submitted(world, with_reference(future_flight(days=11), "RF-2025-0124"))
    before_rotation = approve(world, first.public_id)["clearance"]["token"]
    keys.rotate_key(world.session, world.actor("mex", Role.ADMIN), SECRET)
    after_rotation = approve(world, second.public_id)["clearance"]["token"]
    assert verify_online(world.session, before_rotation, SECRET).genuine  # retired: still verifies
    new_key = verify_online(world.session, after_rotation, SECRET).key_id
    keys.revoke_key(world.session, world.actor("mex", Role.ADMIN), new_key, SECRET)
    refused = verify_online(world.session, after_rotation, SECRET)
    assert (refused.valid, refused.reason) == (False, "revoked_key")
    assert verify_online(world.session, before_rotation, SECRET).genuine


def test_revoking_the_active_key_puts_a_new_one_in_its_place(world: World) -> None:
    admin = world.actor("mex", Role.ADMIN)
    active = keys.active_key(world.session, admin.organisation_id, SECRET)
    keys.revoke_key(world.session, admin, active.key_id, SECRET)
    replacement = keys.active_key(world.session, admin.organisation_id, SECRET)
    assert replacement.key_id != active.key_id and active.revoked_at is not None and active.retired_at is not None


def test_a_superseded_clearance_is_never_valid(world: World) -> None:
    flight = future_flight(days=3)
    created = submitted(world, flight)
    token = approve(world, created.public_id)["clearance"]["token"]
    assert verify_online(world.session, token, SECRET).valid
    amended = with_aircraft(flight, callsign="EXA999")
    requests.save_edit(world.session, world.actor("usa"), created.public_id, 1, amended)
    verdict = verify_online(world.session, token, SECRET)
    assert (verdict.valid, verdict.genuine, verdict.status) == (False, True, "superseded")


def test_a_clearance_from_a_development_key_is_flagged_and_never_valid(world: World) -> None:
    created = submitted(world, future_flight(days=3))
    decision = workflow.DecisionInput(Action.APPROVE)
    token = workflow.decide(
        world.session, world.actor("mex"), created.public_id, decision, secret=DEVELOPMENT_SECRET_KEY
    )["clearance"]["token"]
    verdict = verify_online(world.session, token, DEVELOPMENT_SECRET_KEY)  # an instance without a real secret
    assert verdict.claims is not None and verdict.claims.development_key
    assert (verdict.valid, verdict.genuine, verdict.development, verdict.reason) == (
        False,
        True,
        True,
        "development_key",
    )


def test_a_secret_that_changed_is_a_clear_refusal_and_keys_rotate_fixes_it(world: World) -> None:
    keys.ensure_keys(world.session, DEVELOPMENT_SECRET_KEY)  # made in development
    assert keys.keys_needing_rotation(world.session, OTHER_SECRET)  # the database moved to production
    created = submitted(world)
    with pytest.raises(KeysNeedRotation) as refused, world.session.begin_nested():  # the call's unit rolls back
        decide(world, created.public_id, Action.APPROVE, secret=OTHER_SECRET)
    assert refused.value.params == {"command": "clearway keys rotate"} and refused.value.status == 409
    changes = keys.rekey(world.session, OPERATOR, OTHER_SECRET)
    assert changes and all(change.new.development_secret is False for change in changes)
    assert keys.keys_needing_rotation(world.session, OTHER_SECRET) == []
    result = decide(world, created.public_id, Action.APPROVE, secret=OTHER_SECRET)
    assert verify_online(world.session, result["clearance"]["token"], OTHER_SECRET).development is False


def test_keys_rotate_replaces_development_keys_even_when_the_secret_opens_them(world: World) -> None:
    keys.ensure_keys(world.session, DEVELOPMENT_SECRET_KEY)
    replaced = keys.rekey(world.session, OPERATOR, OTHER_SECRET, revoke_old=True)
    old = [change.old for change in replaced if change.old is not None]
    assert old and all(key.revoked_at is not None for key in old)
    active = world.session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None))).all()
    assert active and not any(key.development_secret for key in active)


def test_a_key_from_before_fingerprints_is_checked_by_opening_it(world: World) -> None:
    key = keys.active_key(world.session, world.orgs["mex"], SECRET)
    key.secret_fingerprint = None
    world.session.flush()
    assert keys.keys_needing_rotation(world.session, SECRET) == []
    assert keys.keys_needing_rotation(world.session, OTHER_SECRET) == [key]


def test_key_changes_are_in_the_audit_trail(world: World) -> None:
    admin = world.actor("mex", Role.ADMIN)
    keys.active_key(world.session, admin.organisation_id, SECRET)
    rotated = keys.rotate_key(world.session, admin, SECRET)
    keys.revoke_key(world.session, admin, rotated.key_id, SECRET)
    actions = world.session.scalars(select(AuditEntry.action).order_by(AuditEntry.sequence)).all()
    assert actions[-3:] == ["key_rotated", "key_rotated", "key_revoked"]  # a revoked active key is replaced
    assert "key_created" in actions


def test_online_verification_checks_the_token_is_the_one_issued(world: World) -> None:
    created = submitted(world, future_flight(days=3))
    genuine = approve(world, created.public_id)["clearance"]["token"]
    claims = verify_clearance(genuine, keys.trusted_keys(world.session, SECRET)).claims
    mexico = keys.active_key(world.session, world.orgs["mex"], SECRET)
    # Mexico's own key, the same number, a later validity: genuine, but not what was issued
    reissued = replace(claims, valid_until=claims.valid_until + timedelta(days=30) if claims.valid_until else None)
    token = sign_clearance(reissued, mexico.encrypted_private_pem, SECRET)
    verdict = verify_online(world.session, token, SECRET)
    assert (verdict.valid, verdict.status, verdict.reason) == (False, "unknown", "not_issued_here")


def test_a_version_1_clearance_issued_before_still_verifies_online_and_says_so(world: World) -> None:
    created = submitted(world, future_flight(days=3))
    number = approve(world, created.public_id)["clearance"]["number"]
    stored = world.session.scalars(select(Clearance).where(Clearance.number == number)).one()
    current = verify_clearance(stored.token, keys.trusted_keys(world.session, SECRET)).claims
    mexico = keys.active_key(world.session, world.orgs["mex"], SECRET)
    legacy = replace(current, format_version=1, legs=tuple(replace(leg, departure_offset=None, arrival_offset=None)
                                                        for leg in current.legs))  # fmt: skip
    stored.token = sign_document(legacy.to_claims_dict(), TOKEN_TYPE, mexico.encrypted_private_pem, SECRET,
                                 key_id=mexico.key_id)  # fmt: skip
    world.session.flush()
    verdict = verify_online(world.session, stored.token, SECRET)
    assert verdict.valid and verdict.claims is not None and verdict.claims.format_version == 1


def test_a_key_added_to_the_database_without_the_secret_is_neither_served_nor_trusted(world: World) -> None:
    created = submitted(world, future_flight(days=3))
    genuine = approve(world, created.public_id)["clearance"]["token"]
    claims = verify_clearance(genuine, keys.trusted_keys(world.session, SECRET)).claims
    intruder = generate_key(SECRET)  # someone with write access to the database, not the secret
    world.session.add(
        SigningKey(
            organisation_id=world.orgs["mex"],
            key_id=intruder.key_id,
            public_pem=intruder.public_pem,
            encrypted_private_pem=intruder.encrypted_private_pem,
            retired_at=utcnow(),  # retired: the unique active key is left alone
        )
    )
    world.session.flush()
    forged = sign_clearance(replace(claims, key_id=intruder.key_id), intruder.encrypted_private_pem, SECRET)
    assert intruder.key_id not in keys.trusted_keys(world.session, SECRET)
    assert intruder.key_id not in {entry["key_id"] for entry in keys.key_set(world.session, SECRET)}
    verdict = verify_online(world.session, forged, SECRET)
    assert (verdict.valid, verdict.reason) == (False, "unknown_key")


def test_a_revocation_cleared_in_the_database_does_not_bring_the_key_back(world: World) -> None:
    created = submitted(world, future_flight(days=3))
    token = approve(world, created.public_id)["clearance"]["token"]
    admin = world.actor("mex", Role.ADMIN)
    key_id = verify_online(world.session, token, SECRET).key_id
    revoked = keys.revoke_key(world.session, admin, key_id, SECRET)
    revoked.revoked_at = None  # written straight to the row, without the secret
    world.session.flush()
    verdict = verify_online(world.session, token, SECRET)
    assert (verdict.valid, verdict.genuine, verdict.reason) == (False, False, "unknown_key")
    assert revoked in keys.keys_needing_rotation(world.session, SECRET)  # and the service refuses to start


def _validity_opens(world: World, days: int) -> tuple[datetime, datetime, datetime]:
    """(approved no earlier than, the clearance's valid-from, the first arrival)."""
    created = submitted(world, future_flight(days=days))
    before = utcnow().replace(microsecond=0)
    token = approve(world, created.public_id)["clearance"]["token"]
    claims = verify_clearance(token, keys.trusted_keys(world.session, SECRET)).claims
    assert claims.valid_from is not None
    return before, claims.valid_from, future_flight(days=days).flight.legs[0].arrival


def test_a_clearance_approved_less_than_a_week_before_the_flight_is_valid_from_its_approval(world: World) -> None:
    approved_after, valid_from, _ = _validity_opens(world, days=3)
    assert approved_after <= valid_from <= utcnow()


def test_a_clearance_approved_well_ahead_is_valid_from_a_week_before_the_first_arrival(world: World) -> None:
    _, valid_from, arrival = _validity_opens(world, days=12)
    assert valid_from == arrival - timedelta(days=7)
