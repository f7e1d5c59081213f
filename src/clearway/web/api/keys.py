"""Public keys of the receiving organisations (anyone may fetch them, to verify offline), and rotation."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from clearway.domain.workflow import Permission
from clearway.services import key_views
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/keys", tags=["keys"], responses=ERROR_RESPONSES)


class PublicKey(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    key_id: str
    organisation: str
    country: str | None
    created_at: datetime
    retired_at: datetime | None = Field(description="Retired keys no longer sign; their clearances still verify.")
    pem: str
    jwk: dict[str, str] = Field(description="RFC 8037 OKP key (Ed25519).")


class KeySet(BaseModel):
    keys: list[PublicKey]


@router.get(
    "",
    operation_id="listKeys",
    summary="Every signing key's public half, current and retired, as PEM and JWK (no sign-in needed)",
    openapi_extra=needs(PUBLIC),
)
def list_keys(ctx: PublicReader) -> KeySet:
    return KeySet(keys=[PublicKey.model_validate(key) for key in key_views.published_keys(ctx.session)])


@router.post(
    "",
    operation_id="rotateKey",
    status_code=201,
    summary="A new signing key for the caller's organisation; the old one is retired, not deleted",
    openapi_extra=needs(Permission.KEYS_MANAGE),
)
def rotate_key(ctx: Writer) -> PublicKey:
    return PublicKey.model_validate(key_views.rotate(ctx.session, ctx.actor, ctx.settings.secret_key))
