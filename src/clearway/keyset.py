"""Key files for offline verification: the key set ``/api/v1/keys`` serves, a JWK (set), or PEM.

The key set is the one to use: besides each public key it says whose it is
(organisation and country, or the instance's audit key), whether it was retired or
revoked and since when, and whether it was protected only by the development secret.
A bare PEM or JWK says none of that, so a verifier who uses one must name the issuer
(``--issuer``) and cannot learn of a revocation.

Reading is strict, because a key file is what a verifier trusts: every entry's key id,
its JWK and its PEM must name the same key, an id may not appear twice, and an entry
with a private key or another algorithm refuses the whole file.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from clearway.domain.errors import UnusableInput
from clearway.domain.keys import KeyPurpose, KeyStatus
from clearway.domain.snapshot import iso_utc, parse_iso_utc
from clearway.signing import (
    TrustedKey,
    key_id_of,
    public_jwk,
    public_pem_of_jwk,
    public_pems_in,
)

_ENTRY_FIELDS = frozenset(
    {
        "key_id",
        "purpose",
        "organisation",
        "country",
        "status",
        "created_at",
        "retired_at",
        "revoked_at",
        "development",
        "pem",
        "jwk",
    }
)


def key_entry(key: TrustedKey, created_at: datetime) -> dict[str, Any]:
    """One key of the published key set (the shape ``/api/v1/keys`` serves and ``read_key_set`` reads)."""
    return {
        "key_id": key.key_id,
        "purpose": str(key.purpose),
        "organisation": key.organisation,
        "country": key.country,
        "status": str(key.status),
        "created_at": iso_utc(created_at, microseconds=True),
        "retired_at": iso_utc(key.retired_at, microseconds=True) if key.retired_at else None,
        "revoked_at": iso_utc(key.revoked_at, microseconds=True) if key.revoked_at else None,
        "development": key.development,
        "pem": key.public_pem,
        "jwk": public_jwk(key.public_pem),
    }


def public_keys_from_file(path: Path, *, issuer: str | None = None) -> dict[str, TrustedKey]:
    """Trusted keys by key id from a key file; ``issuer`` (alpha-3) owns keys the file does not assign.

    With a key set, ``issuer`` keeps only that country's keys. ``UnusableInput``:
    ``clearance.key_missing`` when the file cannot be read, ``clearance.key_invalid``
    when it holds no usable Ed25519 public key or contradicts itself.
    """
    try:
        data = path.read_bytes()
    except OSError:
        raise UnusableInput("clearance.key_missing", path=str(path)) from None
    country = issuer.upper() if issuer else None
    try:
        text = data.decode("utf-8")
        if text.lstrip().startswith("{"):  # JSON; a key set holds PEM text too, so look at the start
            keys = _keys_of_json(json.loads(text), country)
        else:
            keys = [TrustedKey(key_id_of(pem), pem, country=country) for pem in public_pems_in(text)]
        by_id = _by_id(keys)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise UnusableInput("clearance.key_invalid", path=str(path)) from None
    if not by_id:
        raise UnusableInput("clearance.key_invalid", path=str(path))
    return by_id


def read_key_set(document: Mapping[str, Any]) -> dict[str, TrustedKey]:
    """The keys of a published key set document (ValueError when it is not one)."""
    return _by_id(_read_entry(entry) for entry in _entries(document))


def _keys_of_json(document: Any, country: str | None) -> list[TrustedKey]:
    if isinstance(document, dict) and isinstance(document.get("keys"), list) and document["keys"]:
        if all(isinstance(entry, dict) and "jwk" in entry for entry in document["keys"]):
            keys = list(read_key_set(document).values())
            return [key for key in keys if country is None or key.country == country]
        jwks = document["keys"]
    else:
        jwks = [document]
    keys = []
    for jwk in jwks:
        if not isinstance(jwk, dict):
            raise ValueError("not a JWK")
        pem = public_pem_of_jwk(jwk)
        keys.append(TrustedKey(key_id_of(pem), pem, country=country))
    return keys


def _entries(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    if not isinstance(document, Mapping) or not isinstance(document.get("keys"), list):
        raise ValueError("a key set is an object with a list of keys")
    return list(document["keys"])


def _read_entry(entry: Mapping[str, Any]) -> TrustedKey:
    if not isinstance(entry, Mapping) or set(entry) != _ENTRY_FIELDS:
        raise ValueError("a key set entry has exactly the published fields")
    pem = public_pems_in(entry["pem"])
    if len(pem) != 1 or public_pem_of_jwk(entry["jwk"]) != pem[0] or key_id_of(pem[0]) != entry["key_id"]:
        raise ValueError("the entry's key id, PEM and JWK do not name one key")
    purpose = KeyPurpose(entry["purpose"])
    country, organisation = entry["country"], entry["organisation"]
    if purpose is KeyPurpose.DECISIONS and not (isinstance(organisation, str) and isinstance(country, str | None)):
        raise ValueError("an organisation's key names its organisation (and its country, if it has one)")
    if purpose is KeyPurpose.AUDIT and (country is not None or organisation is not None):
        raise ValueError("the audit key belongs to no organisation")
    if type(entry["development"]) is not bool:
        raise ValueError("development is true or false")
    key = TrustedKey(
        key_id=entry["key_id"],
        public_pem=pem[0],
        purpose=purpose,
        organisation=organisation,
        country=country,
        retired_at=_moment_or_none(entry["retired_at"]),
        revoked_at=_moment_or_none(entry["revoked_at"]),
        development=entry["development"],
    )
    if KeyStatus(entry["status"]) is not key.status:
        raise ValueError("the entry's status contradicts its dates")
    return key


def _moment_or_none(value: object) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError("a time is ISO 8601 text")
    return parse_iso_utc(value)


def _by_id(keys: Any) -> dict[str, TrustedKey]:
    by_id: dict[str, TrustedKey] = {}
    for key in keys:
        if key.key_id in by_id and by_id[key.key_id] != key:
            raise ValueError(f"key {key.key_id} appears twice, differently")
        by_id[key.key_id] = key
    return by_id
