"""Public keys of the receiving organisations (anyone may fetch them, to verify offline), and rotation."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from clearway.domain.workflow import Permission
from clearway.services import clearances
from clearway.signing import public_jwk
from clearway.store.models import Organisation, SigningKey
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, Writer, needs
from clearway.web.api.errors import ERROR_RESPONSES

router = ApiRouter(prefix="/keys", tags=["keys"], responses=ERROR_RESPONSES)


class PublicKey(BaseModel):
    key_id: str
    organisation: str
    country: str | None
    created_at: datetime
    retired_at: datetime | None = Field(description="Retired keys no longer sign; their clearances still verify.")
    pem: str
    jwk: dict[str, str] = Field(description="RFC 8037 OKP key (Ed25519).")


class KeySet(BaseModel):
    keys: list[PublicKey]


def _out(key: SigningKey, organisation: Organisation) -> PublicKey:
    return PublicKey(
        key_id=key.key_id,
        organisation=organisation.name,
        country=organisation.country,
        created_at=key.created_at,
        retired_at=key.retired_at,
        pem=key.public_pem,
        jwk=public_jwk(key.public_pem),
    )


@router.get(
    "",
    operation_id="listKeys",
    summary="Every signing key's public half, current and retired, as PEM and JWK (no sign-in needed)",
    openapi_extra=needs(PUBLIC),
)
def list_keys(ctx: PublicReader) -> KeySet:
    return KeySet(keys=[_out(key, organisation) for key, organisation in clearances.public_keys(ctx.session)])


@router.post(
    "",
    operation_id="rotateKey",
    status_code=201,
    summary="A new signing key for the caller's organisation; the old one is retired, not deleted",
    openapi_extra=needs(Permission.KEYS_MANAGE),
)
def rotate_key(ctx: Writer) -> PublicKey:
    key = clearances.rotate_key(ctx.session, ctx.actor, ctx.settings.secret_key)
    organisation = ctx.session.get(Organisation, key.organisation_id)
    assert organisation is not None  # a foreign key
    return _out(key, organisation)
