"""Legal-hold lists of sending organisations: importing one as the current list, reading it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from clearway.domain.audit_events import HoldsImported
from clearway.domain.workflow import OrgKind, Permission
from clearway.services import audit
from clearway.services.actor import Actor
from clearway.services.errors import Forbidden
from clearway.settings import DEFAULT_LIMITS, InputLimits
from clearway.store.holds import Progress, current_hold_list, import_hold_list
from clearway.store.models import HoldList


def import_holds(
    session: Session,
    actor: Actor,
    path: Path,
    *,
    source_name: str,
    progress: Progress | None = None,
    limits: InputLimits = DEFAULT_LIMITS,
) -> HoldList:
    """Replace the actor's organisation's hold list with the file at ``path`` (an admin of a sender)."""
    actor.require(Permission.HOLDS_MANAGE)
    if actor.kind is not OrgKind.SENDING:
        raise Forbidden("service.only_sending", role=str(actor.role))
    hold_list = import_hold_list(
        session,
        actor.organisation_id,
        path,
        source_name=source_name,
        imported_by=actor.user_id,
        progress=progress,
        limits=limits,
    )
    imported = HoldsImported(source=source_name, rows=hold_list.row_count, invalid=hold_list.invalid_row_count)
    audit.record(session, actor, imported)
    return hold_list


def current_holds(session: Session, actor: Actor) -> HoldList | None:
    """The actor's organisation's current hold list, if it has one."""
    actor.require(Permission.HOLDS_READ)
    return current_hold_list(session, actor.organisation_id)
