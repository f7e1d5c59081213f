"""The Annex 9 paperwork of a request version: General Declarations and Passenger Manifest as one PDF."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from clearway.domain.reference import ReferenceData
from clearway.domain.snapshot import RequestSnapshot
from clearway.formats.annex9 import PrintedClearance, write_annex9_pdf
from clearway.services.actor import Actor
from clearway.services.keys import trusted_keys
from clearway.services.requests import read_version, snapshot_of
from clearway.signing import ClearanceInvalid
from clearway.store.models import Clearance, ClearanceRequest, ClearanceStatus


@dataclass(frozen=True)
class Annex9Source:
    """Everything the PDF of one version is made from, read from the database (rendering needs none of it)."""

    reference: str
    version: int
    snapshot: RequestSnapshot
    clearance: PrintedClearance | None

    @property
    def filename(self) -> str:
        """``annex9-<reference>-v<version>.pdf``, the reference kept to characters safe in any file name."""
        safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_.") else "_" for c in self.reference)
        return f"annex9-{safe}-v{self.version}.pdf"

    def render(self, reference_data: ReferenceData | None = None) -> bytes:
        """The PDF (CPU-bound: seconds for thousands of passengers, so done outside the unit of work)."""
        return write_annex9_pdf(
            self.snapshot, version=self.version, clearance=self.clearance, reference_data=reference_data
        )


def annex9_source(session: Session, actor: Actor, public_id: str, number: int | None, secret: str) -> Annex9Source:
    """What the PDF of version ``number`` (the one the caller is shown when ``None``) prints, for a caller who
    may read its manifest (the view goes to the access log, as for the version itself); a request or version
    the caller may not see answers as one that does not exist."""
    request, version = read_version(session, actor, public_id, number)
    return Annex9Source(
        reference=request.reference,
        version=version.number,
        snapshot=snapshot_of(version),
        clearance=covering_clearance(session, request, version.number, secret),
    )


def covering_clearance(
    session: Session, request: ClearanceRequest, number: int, secret: str
) -> PrintedClearance | None:
    """The clearance that covers version ``number``: the request's current clearance when it was granted for
    this version or an earlier one (a later version is covered only through non-material amendments: a
    material one supersedes the clearance). None when nothing current covers it, and when the stored token
    does not verify against the published keys (endorsed under ``secret``, a revoked one verifying nothing):
    the paper never carries a clearance that would be refused."""
    stored = session.scalars(
        select(Clearance).where(
            Clearance.request_id == request.id,
            Clearance.status == ClearanceStatus.CURRENT,
            Clearance.version <= number,
        )
    ).one_or_none()
    if stored is None:
        return None
    try:
        return PrintedClearance.verified(stored.token, trusted_keys(session, secret))
    except ClearanceInvalid:
        return None
