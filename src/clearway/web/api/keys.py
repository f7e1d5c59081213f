"""The key set (anyone may fetch it, to verify offline), rotation and revocation."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from clearway.domain.workflow import Permission
from clearway.services import keys
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/keys", tags=["keys"], responses=ERROR_RESPONSES)


class PublicKey(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key_id: str
    purpose: str = Field(description="decisions (an organisation's key) or audit (the instance's checkpoint key).")
    organisation: str | None = Field(description="The owner; a token naming another issuer is refused. None: audit.")
    country: str | None
    status: str = Field(description="active, retired (what it signed still verifies) or revoked (nothing does).")
    created_at: datetime
    retired_at: datetime | None = Field(description="Since when it signs no more; later signatures are refused.")
    revoked_at: datetime | None = Field(description="Since when it is revoked: nothing it signed verifies.")
    development: bool = Field(description="Protected only by the published development secret: proves nothing.")
    pem: str
    jwk: dict[str, str] = Field(description="RFC 8037 OKP key (Ed25519).")


class KeySet(BaseModel):
    """Save this document to a file and give it to ``clearway clearance verify --key``."""

    keys: list[PublicKey]


@router.get(
    "",
    operation_id="listKeys",
    summary="Every signing key's public half, whose it is, and whether retired or revoked (no sign-in needed)",
    openapi_extra=needs(PUBLIC),
)
def list_keys(ctx: PublicReader) -> KeySet:
    return KeySet(keys=[PublicKey.model_validate(key) for key in keys.published(ctx.session, ctx.settings.secret_key)])


@router.post(
    "",
    operation_id="rotateKey",
    status_code=201,
    summary="A new signing key for the caller's organisation; the old one is retired, not deleted",
    openapi_extra=needs(Permission.KEYS_MANAGE),
)
def rotate_key(ctx: Writer) -> PublicKey:
    return PublicKey.model_validate(keys.rotate_own_key(ctx.session, ctx.actor, ctx.settings.secret_key))


@router.post(
    "/{key_id}/revoke",
    operation_id="revokeKey",
    summary="Revoke one of the caller's organisation's keys (compromised): nothing it signed verifies any more",
    openapi_extra=needs(Permission.KEYS_MANAGE),
)
def revoke_key(ctx: Writer, key_id: str) -> PublicKey:
    return PublicKey.model_validate(keys.revoke_own_key(ctx.session, ctx.actor, key_id, ctx.settings.secret_key))
