"""Versions of a request: save a new one (edit or amendment), list, read one, compare two."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path, Query
from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission
from clearway.services import request_views, requests
from clearway.web.api import views
from clearway.web.api.bodies import EditBody
from clearway.web.api.content import NewVersionContent, content_body
from clearway.web.api.deps import MAX_ROW_ID, ApiRouter, Reader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/requests/{request_id}", tags=["versions"], responses=ERROR_RESPONSES)

VersionNumber = Annotated[int, Path(ge=1, le=MAX_ROW_ID)]


class VersionList(BaseModel):
    items: list[views.VersionSummary]


class VersionDetail(views.VersionSummary):
    flight: dict[str, Any] = Field(description="As in a request file (legs use from/to).")
    passengers: list[dict[str, Any]] = Field(description="Manifest rows as written; unknown columns in extra.")
    findings: list[views.Finding]


class SavedVersion(BaseModel):
    request: views.RequestSummary
    version: views.VersionSummary
    findings: list[views.Finding]
    material_reasons: list[str] = Field(
        description="After an approval: why the change needs a new decision (empty: the decision stays)."
    )


class FieldChange(BaseModel):
    path: str
    old: Any
    new: Any


class PassengerChange(BaseModel):
    seq: str
    changes: list[FieldChange]


class VersionDiff(BaseModel):
    from_version: int = Field(alias="from")
    to_version: int = Field(alias="to")
    flight_changes: list[FieldChange]
    passengers_added: list[str]
    passengers_removed: list[str]
    passengers_changed: list[PassengerChange]


@router.post(
    "/versions",
    operation_id="saveVersion",
    status_code=201,
    summary="Save a new version made from based_on_version (a stale one: 409 with the current number); "
    "JSON (a version document as GET returns it, too) or a request file and a manifest file",
    openapi_extra={**needs(Permission.REQUEST_CREATE), **content_body(EditBody, with_base=True)},
)
def save_version(ctx: Writer, request_id: str, sent: NewVersionContent) -> SavedVersion:
    content = sent.read_edit()
    assert content.based_on_version is not None  # read_edit insists
    saved = request_views.save_version(
        ctx.session,
        ctx.actor,
        request_id,
        content.based_on_version,
        content.snapshot,
        justification=content.justification,
    )
    return SavedVersion(
        request=views.summary(saved.request),
        version=views.version_summary(saved.version),
        findings=views.findings(saved.version.findings, ctx.lang),
        material_reasons=saved.material_reasons,
    )


@router.get(
    "/versions",
    operation_id="listVersions",
    summary="Every version of the request, oldest first (no personal data)",
    openapi_extra=needs(Permission.REQUEST_READ),
)
def list_versions(ctx: Reader, request_id: str) -> VersionList:
    versions = request_views.list_versions(ctx.session, ctx.actor, request_id)
    return VersionList(items=[views.version_summary(version) for version in versions])


@router.get(
    "/versions/{number}",
    operation_id="getVersion",
    summary="One version with its manifest (personal data: the view is written to the access log)",
    openapi_extra=needs(Permission.PERSONAL_DATA_READ),
)
def get_version(ctx: Writer, request_id: str, number: VersionNumber) -> VersionDetail:
    version = request_views.read_version(ctx.session, ctx.actor, request_id, number)
    return VersionDetail(
        **views.version_summary(version).model_dump(),
        flight=version.flight,
        passengers=version.passengers,
        findings=views.findings(version.findings, ctx.lang, personal_data=True),
    )


@router.get(
    "/diff",
    operation_id="diffVersions",
    summary="What changed between two versions (default: from the version last decided on to the current one; "
    "personal data: written to the access log)",
    openapi_extra=needs(Permission.PERSONAL_DATA_READ),
)
def diff_versions(
    ctx: Writer,
    request_id: str,
    from_version: Annotated[int | None, Query(alias="from", ge=1, le=MAX_ROW_ID)] = None,
    to_version: Annotated[int | None, Query(alias="to", ge=1, le=MAX_ROW_ID)] = None,
) -> VersionDiff:
    compared = requests.compare(ctx.session, ctx.actor, request_id, from_version, to_version)
    return VersionDiff.model_validate({"from": compared.old, "to": compared.new, **compared.diff.to_document()})
