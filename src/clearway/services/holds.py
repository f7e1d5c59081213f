"""Legal-hold lists of sending organisations: importing one as the current list, reading it.

One import for every entry point: the API (a sending admin) and the command line (an
operator naming the organisation) both go through ``_import``, so the list is stored,
counted and audited the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.audit_events import HoldsImported
from clearway.domain.errors import UnusableInput
from clearway.domain.workflow import OrgKind, Permission
from clearway.services import audit
from clearway.services.actor import Actor, SystemActor
from clearway.services.errors import Forbidden
from clearway.settings import DEFAULT_LIMITS, InputLimits
from clearway.store.holds import Progress, current_hold_list, import_hold_list
from clearway.store.models import HoldList, Organisation


@dataclass(frozen=True)
class InvalidLine:
    line: int
    reason: str


@dataclass(frozen=True)
class HoldListView:
    """A stored hold list as its organisation sees it: counts, not entries."""

    source_name: str
    content_sha256: str
    imported_at: datetime
    row_count: int
    invalid_row_count: int
    first_invalid_lines: tuple[InvalidLine, ...]

    @classmethod
    def of(cls, row: HoldList) -> HoldListView:
        lines = tuple(InvalidLine(int(item["line"]), str(item["reason"])) for item in row.first_invalid_lines)
        return cls(row.source_name, row.content_sha256, row.imported_at, row.row_count, row.invalid_row_count, lines)


def import_holds(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    source_name: str,
    progress: Progress | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> HoldListView:
    """Replace the actor's organisation's hold list with the file at ``path`` (an admin of a sender)."""
    actor.require(Permission.HOLDS_MANAGE)
    if actor.kind is not OrgKind.SENDING:
        raise Forbidden("service.only_sending", role=str(actor.role))
    return _import(
        session, actor, actor.organisation_id, path, source_name=source_name, progress=progress, limits=limits
    )


def import_holds_by_operator(
    session: Session, operator: SystemActor, organisation_name: str, path: Path, *, progress: Progress | None = None
) -> HoldListView:
    """Replace the named organisation's hold list (the operator of the deployment, from the command line)."""
    found = session.scalars(select(Organisation).where(Organisation.name == organisation_name)).one_or_none()
    if found is None or found.kind is not OrgKind.SENDING:
        raise UnusableInput("holds.unknown_organisation", organisation=organisation_name)
    return _import(session, operator, found.id, path, source_name=path.name, progress=progress)


def _import(
    session: Session,
    actor: Actor | SystemActor,
    organisation_id: int,
    path: Path,
    *,
    source_name: str,
    progress: Progress | None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> HoldListView:
    user = actor if isinstance(actor, Actor) else None
    hold_list = import_hold_list(
        session,
        organisation_id,
        path,
        source_name=source_name,
        imported_by=user.user_id if user is not None else None,
        progress=progress,
        limits=limits,
    )
    imported = HoldsImported(source=source_name, rows=hold_list.row_count, invalid=hold_list.invalid_row_count)
    audit.record(session, actor, imported)
    return HoldListView.of(hold_list)


def current_holds(session: Session, actor: Actor) -> HoldListView | None:
    """The actor's organisation's current hold list, if it has one."""
    actor.require(Permission.HOLDS_READ)
    row = current_hold_list(session, actor.organisation_id)
    return HoldListView.of(row) if row is not None else None
