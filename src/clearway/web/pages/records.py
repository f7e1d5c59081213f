"""A request's records: the timeline (every version, decision, answer and event, who and when),
the audit trail with its hashes, and the access log of its personal data."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from clearway.services import pages_views
from clearway.web.pages.kit import PageContext, run

router = APIRouter(include_in_schema=False)


@router.get("/requests/{request_id}/timeline")
async def timeline(request: Request, request_id: str) -> Response:
    return await run(request, _timeline, request_id=request_id)


def _timeline(ctx: PageContext, request_id: str) -> Response:
    records = pages_views.request_records(ctx.session, ctx.actor, request_id)
    return ctx.render("records/timeline.html", records=records)
