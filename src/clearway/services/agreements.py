"""Agreements stored in the database: loaded from their TOML files, versioned, listed,
and applied by date through the same domain rules as the offline check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.agreements import Agreement
from clearway.domain.audit_events import AgreementLoaded
from clearway.domain.workflow import OrgKind, Permission
from clearway.formats.agreement import parse_agreement
from clearway.formats.structured import Reader, load_document
from clearway.services import audit
from clearway.services.actor import Actor, SystemActor
from clearway.services.errors import Conflict, Forbidden, Invalid, NotFound
from clearway.store.models import AgreementVersion


@dataclass(frozen=True)
class AgreementView:
    """A stored agreement version as listed: its identity, its dates and the file's content."""

    id: str
    version: int
    sending_authority: str
    receiving_country: str
    effective_from: date
    effective_until: date | None
    source_name: str
    loaded_at: datetime
    document: dict[str, Any]

    @classmethod
    def of(cls, row: AgreementVersion) -> AgreementView:
        return cls(
            row.agreement_code,
            row.version,
            row.sending_authority,
            row.receiving_country,
            row.effective_from,
            row.effective_until,
            row.source_name,
            row.loaded_at,
            row.document,
        )


@dataclass(frozen=True)
class AgreementStored:
    agreement: AgreementView
    created: bool  # False: the same file was stored already


def upload_agreement(session: Session, actor: Actor, path: Path) -> AgreementStored:
    """Store an agreement version from a file a receiving admin sent (``load_agreement_file``)."""
    row, created = load_agreement_file(session, actor, path)
    return AgreementStored(AgreementView.of(row), created)


def agreement_views(session: Session, actor: Actor) -> list[AgreementView]:
    """``list_agreements`` as views."""
    return [AgreementView.of(row) for row in list_agreements(session, actor)]


def load_agreement_file(session: Session, actor: Actor | SystemActor, path: Path) -> tuple[AgreementVersion, bool]:
    """Store an agreement version from its file; (row, created). The same file twice is no change;
    another content under the same id and version is a conflict. A receiving admin loads their own
    country's agreements; the operator (``SystemActor``) any."""
    user = actor if isinstance(actor, Actor) else None
    if user is not None:
        user.require(Permission.AGREEMENT_MANAGE)
    document = load_document(path, "agreement")
    agreement = parse_agreement(document, Reader(path, "agreement"))
    if user is not None and agreement.receiving_country.strip().upper() != user.country:
        # An organisation loads only its own country's agreements (one without a country, none).
        raise Forbidden(
            "service.agreement_other_country",
            id=agreement.id,
            country=agreement.receiving_country,
            own=user.country or "-",
        )
    # Agreement ids are scoped by receiving country, so another country's id is never taken over nor
    # blocked. Within the country an id belongs to the sender of its first version: a new version for
    # another sender would decide that sender's requests under the old one's name.
    receiving_country = agreement.receiving_country.strip().upper()
    same_id = (AgreementVersion.receiving_country == receiving_country, AgreementVersion.agreement_code == agreement.id)
    owner = session.execute(
        select(AgreementVersion.sending_authority, AgreementVersion.receiving_country).where(*same_id).limit(1)
    ).first()
    parties = (agreement.sending_authority.strip().upper(), receiving_country)
    if owner is not None and (owner[0].strip().upper(), owner[1].strip().upper()) != parties:
        raise Forbidden(
            "service.agreement_id_taken",
            id=agreement.id,
            sending_authority=owner[0],
            receiving_country=owner[1],
        )
    existing = session.scalars(
        select(AgreementVersion).where(*same_id, AgreementVersion.version == agreement.version)
    ).one_or_none()
    if existing is not None:
        if existing.document != document:
            raise Conflict(
                "service.agreement_conflict", id=agreement.id, version=agreement.version, other=existing.source_name
            )
        return existing, False
    row = AgreementVersion(
        agreement_code=agreement.id,
        version=agreement.version,
        sending_authority=agreement.sending_authority,
        receiving_country=receiving_country,
        effective_from=agreement.effective_from,
        effective_until=agreement.effective_until,
        document=document,
        source_text=path.read_text(encoding="utf-8"),
        source_name=path.name,
        loaded_by=user.user_id if user is not None else None,
    )
    session.add(row)
    session.flush()
    audit.record(session, actor, AgreementLoaded(id=agreement.id, version=agreement.version))
    return row, True


def as_domain(row: AgreementVersion) -> Agreement:
    """The stored agreement as the rules read it."""
    return parse_agreement(row.document, Reader(Path(row.source_name), "agreement"))


def receiving_country_of(session: Session, code: str, kind: OrgKind, country: str | None) -> str:
    """The receiving country of the agreement ``code`` to which an organisation (its kind and country) is a
    party: its own country for a receiving organisation; for a sending one, the one country that has an
    agreement of that id with it. ``NotFound`` when it is party to none; ``Invalid`` when the id names
    agreements with several countries (grant per request then)."""
    if country is None:
        raise NotFound("service.agreement_not_found", id=code)
    party = (
        AgreementVersion.sending_authority == country
        if kind is OrgKind.SENDING
        else AgreementVersion.receiving_country == country
    )
    countries = sorted(
        set(
            session.scalars(
                select(AgreementVersion.receiving_country).where(AgreementVersion.agreement_code == code, party)
            )
        )
    )
    if not countries:
        raise NotFound("service.agreement_not_found", id=code)
    if len(countries) > 1:
        raise Invalid(
            "service.grant_agreement_ambiguous", field="agreement_id", id=code, countries=", ".join(countries)
        )
    return countries[0]


def judged_by(session: Session, receiving_country: str, code: str | None, version: int | None) -> Agreement | None:
    """The agreement version a request version was judged by (ids are their receiving country's own);
    None when it was judged by none."""
    if code is None or version is None:
        return None
    row = session.scalars(
        select(AgreementVersion).where(
            AgreementVersion.receiving_country == receiving_country,
            AgreementVersion.agreement_code == code,
            AgreementVersion.version == version,
        )
    ).first()
    return as_domain(row) if row is not None else None


def agreements_between(session: Session, sending_authority: str, receiving_country: str) -> list[Agreement]:
    """Every stored version for this sender and receiving country (the rules pick the one in force)."""
    rows = session.scalars(
        select(AgreementVersion).where(
            AgreementVersion.sending_authority == sending_authority.strip().upper(),
            AgreementVersion.receiving_country == receiving_country.strip().upper(),
        )
    )
    return [as_domain(row) for row in rows]


def list_agreements(session: Session, actor: Actor) -> list[AgreementVersion]:
    """All agreement versions, newest first within each agreement."""
    actor.require(Permission.AGREEMENT_READ)
    return list(
        session.scalars(
            select(AgreementVersion).order_by(
                AgreementVersion.receiving_country, AgreementVersion.agreement_code, AgreementVersion.version.desc()
            )
        )
    )
