"""Online verification of a clearance token: genuine, and still the current clearance? (no sign-in needed)"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from clearway.domain.clearance_text import coverage
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
    valid: bool = Field(
        description="A genuine clearance that is current, inside its validity and not signed under the development "
        "secret: never true for a revoked, superseded or expired one."
    )
    genuine: bool = Field(description="The signature verifies against its issuer's published, unrevoked key.")
    status: str = Field(
        description="current, superseded, revoked, recorded (a signed decision other than an approval), "
        "unknown (not issued here) or invalid."
    )
    reason: str | None = Field(
        description="Why it is invalid (malformed, unknown_key, bad_signature, claims, revoked_key, retired_key, "
        "wrong_issuer, wrong_key), or outside_validity / not_issued_here / development_key."
    )
    development: bool = Field(description="Signed by a key protected only by the development secret.")
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
    result = clearances.verify_online(ctx.session, body.token, ctx.settings.secret_key)
    message = translate(result.message_key, ctx.lang, key_id=result.key_id)
    covers = (
        [
            translate(line.key, ctx.lang, **line.params)
            for line in coverage(result.claims, development_key=result.development)
        ]
        if result.claims
        else []
    )
    document = result.to_document()
    return Verification(
        valid=result.valid,
        genuine=result.genuine,
        status=result.status,
        development=result.development,
        reason=result.reason,
        message=message,
        covers=covers,
        claims=document["claims"],
    )
