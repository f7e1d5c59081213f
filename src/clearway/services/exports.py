"""Exports of one request version (PAXLST, CSV, XLSX, ...): the same access as reading the
version, and written to the personal-data access log, since every format carries the manifest."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.errors import UnusableInput
from clearway.formats.exports import EXPORT_FORMATS, ExportInput
from clearway.formats.paxlst_write import DEFAULT_PART_SIZE
from clearway.reference import PackagedReferenceData
from clearway.services.access import visible
from clearway.services.actor import Actor
from clearway.services.errors import Invalid, NotFound
from clearway.services.requests import read_version, snapshot_of
from clearway.store.models import ClearanceRequest, Organisation, utcnow


@dataclass(frozen=True)
class ExportedFile:
    file_name: str
    media_type: str
    content: bytes
    version: int
    passengers: int


def export_version(
    session: Session,
    actor: Actor,
    public_id: str,
    number: int | None,
    format_name: str,
    *,
    part_size: int = DEFAULT_PART_SIZE,
) -> ExportedFile:
    """Version ``number`` (the current one when ``None``) written in ``format_name``; the view is logged."""
    export_format = EXPORT_FORMATS.get(format_name)
    if export_format is None:
        raise Invalid(
            "service.export_unknown_format", field="format", value=format_name, known=", ".join(EXPORT_FORMATS)
        )
    request, version = read_version(session, actor, public_id, number)
    snapshot = snapshot_of(version)
    source = ExportInput(
        snapshot=snapshot,
        version=version.number,
        manifest_hash=version.manifest_hash,
        findings=version.findings,
        prepared_at=utcnow(),
        reference=PackagedReferenceData(),
        part_size=part_size,
    )
    try:
        content = export_format.write(source)
    except UnusableInput as error:
        raise Invalid(error.key, field="part_size", **error.params) from None
    return ExportedFile(
        file_name=export_format.file_name(request.reference, version.number),
        media_type=export_format.media_type,
        content=content,
        version=version.number,
        passengers=len(snapshot.passengers),
    )


def request_id_by_reference(session: Session, actor: Actor, organisation: str, reference: str) -> str:
    """The public id of the sending organisation's request with this reference, if the actor sees it."""
    found = session.scalars(
        select(ClearanceRequest.public_id)
        .join(Organisation, Organisation.id == ClearanceRequest.sending_org_id)
        .where(Organisation.name == organisation, ClearanceRequest.reference == reference, visible(actor))
    ).one_or_none()
    if found is None:
        raise NotFound("service.request_not_found", request=f"{organisation} {reference}")
    return found
