"""Online verification of a clearance token: genuine, and still the current clearance? (no sign-in needed)"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from clearway.domain.clearance import coverage
from clearway.i18n import translate
from clearway.services import clearances
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/clearances", tags=["clearances"], responses=ERROR_RESPONSES)


class TokenBody(BaseModel):
    token: str = Field(
        min_length=1,
        max_length=20_000,
        description="The clearance as issued (compact JWS), or as its QR code holds it (CW1:...).",
    )


class Verification(BaseModel):
    valid: bool = Field(description="The signature verifies against a published key.")
    status: str = Field(description="current, superseded, revoked, unknown (not issued here) or invalid.")
    reason: str | None = Field(description="Why it is invalid, or outside_validity / not_issued_here.")
    message: str = Field(description="The verdict on the signature, in the caller's language.")
    covers: list[str] = Field(description="What the clearance covers, sentence by sentence (empty when invalid).")
    claims: dict[str, Any] | None = Field(description="The signed claims (compact keys), when the signature verifies.")


@router.post(
    "/verify",
    operation_id="verifyClearance",
    summary="Whether a clearance is genuine and still current, and what it covers",
    openapi_extra=needs(PUBLIC),
)
def verify_clearance(ctx: PublicReader, body: TokenBody) -> Verification:
    result = clearances.verify_online(ctx.session, body.token)
    message = translate(result.message_key, ctx.lang, key_id=result.key_id)
    covers = [translate(line.key, ctx.lang, **line.params) for line in coverage(result.claims)] if result.claims else []
    document = result.to_document()
    return Verification(
        valid=result.valid,
        status=result.status,
        reason=result.reason,
        message=message,
        covers=covers,
        claims=document["claims"],
    )
