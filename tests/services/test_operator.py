"""The operator (the command line, the demo's setup) acts as a named system actor, never as a
missing one: what only the operator may do takes it explicitly, and the audit names it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clearway.domain.workflow import OrgKind, Role
from clearway.services import keys, people
from clearway.services.actor import DEMO_SETUP
from clearway.services.errors import NotFound
from clearway.store.models import AuditEntry, Organisation, User
from tests.services.conftest import OPERATOR, SECRET, World


def _last(world: World, action: str) -> AuditEntry:
    entry = world.session.scalars(
        select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.sequence.desc()).limit(1)
    ).one()
    assert isinstance(entry, AuditEntry)
    return entry


def test_an_organisation_and_an_observer_grant_set_up_by_the_operator_name_it(world: World) -> None:
    people.create_organisation(world.session, DEMO_SETUP, "A new observer", OrgKind.OBSERVER)
    created = _last(world, "organisation_created")
    assert (created.details["by"], created.user_id) == ("demo setup", None)
    grantor = world.session.get(Organisation, world.orgs["mex"])
    assert grantor is not None
    people.grant_observer(world.session, OPERATOR, world.orgs["monitor"], grantor=grantor, agreement_code="USA-MEX")
    assert _last(world, "observer_granted").details["by"] == "tests"


def test_a_token_made_by_the_operator_names_it(world: World) -> None:
    user = world.session.get(User, world.actor("usa").user_id)
    assert user is not None
    people.create_token(world.session, user, "set up", actor=OPERATOR)
    assert _last(world, "token_created").details["by"] == "tests"


def test_the_operator_revokes_any_key_an_admin_only_their_own(world: World) -> None:
    mexico = keys.active_key(world.session, world.orgs["mex"], SECRET)
    with pytest.raises(NotFound):  # another organisation's key answers as a missing one
        keys.revoke_key(world.session, world.actor("gtm", Role.ADMIN), mexico.key_id, SECRET)
    revoked = keys.revoke_key(world.session, OPERATOR, mexico.key_id, SECRET)
    assert revoked.revoked_at is not None
    assert _last(world, "key_revoked").details["by"] == "tests"
    rotated = _last(world, "key_rotated").details
    assert (rotated["by"], rotated["replaced"], rotated["reason"]) == ("tests", mexico.key_id, "revoked")
