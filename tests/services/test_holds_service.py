"""One hold-list import for the API and the command line: the same list stored, counted and audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from clearway.domain.errors import UnusableInput
from clearway.domain.workflow import Role
from clearway.services import holds
from clearway.store.models import AuditEntry
from tests.conftest import EXAMPLES
from tests.services.conftest import OPERATOR, World

SAMPLE = EXAMPLES / "holds-sample.csv"


def test_the_operators_import_is_the_admins_import(world: World) -> None:
    by_operator = holds.import_holds_by_operator(world.session, OPERATOR, "Org usa", SAMPLE)
    by_admin = holds.import_holds(world.session, world.actor("usa2", Role.ADMIN), SAMPLE, source_name=SAMPLE.name)
    same = ("source_name", "content_sha256", "row_count", "invalid_row_count", "first_invalid_lines")
    assert [getattr(by_operator, name) for name in same] == [getattr(by_admin, name) for name in same]
    assert holds.current_holds(world.session, world.actor("usa", Role.VIEWER)) == by_operator
    actions = world.session.scalars(select(AuditEntry.action).where(AuditEntry.action == "holds_imported")).all()
    assert len(actions) == 2


def test_the_operator_names_a_sending_organisation(world: World) -> None:
    for name in ("Org mex", "No such org"):
        with pytest.raises(UnusableInput) as refused:
            holds.import_holds_by_operator(world.session, OPERATOR, name, SAMPLE)
        assert refused.value.key == "holds.unknown_organisation"
