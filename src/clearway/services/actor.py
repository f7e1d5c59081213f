"""Who is acting: a user of one organisation with one role, and what that role may do."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from clearway.domain.findings import Phrase
from clearway.domain.workflow import ROLE_PERMISSIONS, OrgKind, Permission, Role, permissions_of
from clearway.services.errors import Forbidden, Unauthenticated
from clearway.store.models import Organisation, User


@dataclass(frozen=True)
class Actor:
    user_id: int
    organisation_id: int
    organisation_name: str
    kind: OrgKind
    role: Role
    country: str | None  # a receiving authority's country

    @property
    def permissions(self) -> frozenset[Permission]:
        return permissions_of(self.kind, self.role)

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions

    def require(self, permission: Permission) -> None:
        """Refuse (403) unless the role holds ``permission``; a permission that only the other side of a
        flight has (a receiver submitting, a sender deciding) is refused as such, not as a matter of role."""
        if permission in self.permissions:
            return
        sides = sides_with(permission)
        if sides and self.kind not in sides:
            raise Forbidden(
                "service.wrong_side",
                permission=str(permission),
                side=Phrase(tuple(f"side.{kind}" for kind in sorted(sides))),
                own=Phrase((f"side.{self.kind}",)),
            )
        raise Forbidden("service.forbidden", permission=str(permission), role=str(self.role))


@dataclass(frozen=True)
class SystemActor:
    """The deployment's operator, acting outside any organisation: the command line, the demo's setup.

    Named, so that the audit trail says who acted; it sets up what no organisation's user can
    (an organisation's first users, agreements, hold lists by organisation name). Services take
    it explicitly, never as a missing actor."""

    name: str

    def audit_details(self) -> dict[str, str]:
        return {"by": self.name}


COMMAND_LINE = SystemActor("command line")
DEMO_SETUP = SystemActor("demo setup")


def sides_with(permission: Permission) -> frozenset[OrgKind]:
    """The kinds of organisation of which some role holds ``permission``."""
    return frozenset(kind for (kind, _), granted in ROLE_PERMISSIONS.items() if permission in granted)


def actor_for(session: Session, user_id: int) -> Actor:
    """The actor for an active user, or ``Unauthenticated``."""
    user = session.get(User, user_id)
    if user is None or not user.active:
        raise Unauthenticated("service.unauthenticated")
    organisation = session.get(Organisation, user.organisation_id)
    assert organisation is not None  # a foreign key
    return actor_of(user, organisation)


def actor_of(user: User, organisation: Organisation) -> Actor:
    """The actor for a user and their organisation, both already read (and the user active)."""
    return Actor(
        user_id=user.id,
        organisation_id=organisation.id,
        organisation_name=organisation.name,
        kind=organisation.kind,
        role=user.role,
        country=organisation.country,
    )
