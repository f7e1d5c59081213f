"""Ed25519 keys and signed clearances (compact JWS), verifiable offline with a public key.

Token: ``BASE64URL(header) . BASE64URL(claims) . BASE64URL(signature)`` where the header is
``{"alg": "Ed25519", "kid": <key id>, "typ": "clearance+jws"}`` and the claims are the
canonical JSON of ``ClearanceClaims.to_claims_dict()``.

Why ``alg: Ed25519`` rather than ``EdDSA``: RFC 9864 deprecates the polymorphic ``EdDSA``
identifier in favour of the fully specified ``Ed25519`` (joserfc warns on every use of
the old one). The signature bytes are the same Ed25519 signature either way.

Private keys are stored as PKCS#8 PEM encrypted under a server secret
(``BestAvailableEncryption``: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC), so a copy of the
database alone does not let anyone sign, and the key can still be exported with standard
tools (``openssl pkey -in key.pem``). PBKDF2 there is not slow enough to protect a
guessable password, which is why a secret shorter than 16 bytes is refused: it must be a
random value from the settings, not something a person made up.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import OKPKey

from clearway.domain.clearance import ClaimsInvalid, ClearanceClaims
from clearway.domain.clearance_qr import QrTokenInvalid, compact_token
from clearway.domain.errors import UnusableInput
from clearway.domain.snapshot import canonical_json

ALGORITHM = "Ed25519"
TOKEN_TYPE = "clearance+jws"
MINIMUM_SECRET_BYTES = 16
_SEGMENT = re.compile(r"[A-Za-z0-9_-]*")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z ]+)-----.+?-----END \1-----", re.DOTALL)

Reason = Literal["malformed", "unknown_key", "bad_signature", "claims"]


class ClearanceInvalid(Exception):
    """A clearance that is refused; ``reason`` is one of ``malformed``, ``unknown_key``,
    ``bad_signature``, ``claims`` (catalogue key ``clearance.refused.<reason>``)."""

    def __init__(self, reason: Reason, *, key_id: str = "", detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason: Reason = reason
        self.key_id = key_id  # the key the token names, for "unknown_key"


class SigningKeyUnusable(Exception):
    """The stored private key cannot be opened with this secret (wrong secret, or damaged)."""


@dataclass(frozen=True)
class SigningKeyMaterial:
    """A new key pair: the public half in clear, the private half encrypted under the secret."""

    key_id: str
    public_pem: str
    encrypted_private_pem: str


def generate_key(secret: bytes | str) -> SigningKeyMaterial:
    """A fresh Ed25519 key pair, its private half encrypted under ``secret``."""
    private_key = Ed25519PrivateKey.generate()
    encrypted = private_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_secret_bytes(secret)),
    )
    public_pem = _public_pem(private_key.public_key())
    return SigningKeyMaterial(
        key_id=key_id_of(public_pem), public_pem=public_pem, encrypted_private_pem=encrypted.decode("ascii")
    )


def key_id_of(public_pem: str | bytes) -> str:
    """The key id: the first 16 hex digits of the SHA-256 of the raw 32-byte public key."""
    return _key_id(_load_public(public_pem))


def sign_clearance(claims: ClearanceClaims, encrypted_private_pem: str | bytes, secret: bytes | str) -> str:
    """The compact JWS of ``claims``, signed with the stored key (whose id the claims must name)."""
    private_key = _load_private(encrypted_private_pem, secret)
    key_id = _key_id(private_key.public_key())
    if claims.key_id != key_id:
        raise ValueError(f"the claims name key {claims.key_id}, but this key is {key_id}")
    header = {"alg": ALGORITHM, "kid": key_id, "typ": TOKEN_TYPE}
    payload = canonical_json(claims.to_claims_dict())
    return jws.serialize_compact(header, payload, OKPKey.import_key(private_key), algorithms=[ALGORITHM])


def verify_clearance(token: str, public_keys: Mapping[str, str | bytes]) -> ClearanceClaims:
    """The claims of a genuine token signed by one of ``public_keys`` (key id → PEM), else ClearanceInvalid.

    Several keys may be given: after a rotation the old public keys stay here so that
    clearances signed before it still verify. ``token`` may also be the QR code's form
    (``CW1:``, clearway.domain.clearance_qr), which holds the same JWS.
    """
    text = token_from_text(token)
    header = _read_header(text)
    key_id = header["kid"]
    if key_id not in public_keys:
        raise ClearanceInvalid("unknown_key", key_id=key_id)
    public_key = OKPKey.import_key(_load_public(public_keys[key_id]))
    try:
        verified = jws.deserialize_compact(text, public_key, algorithms=[ALGORITHM])
    except BadSignatureError:
        raise ClearanceInvalid("bad_signature", key_id=key_id) from None
    except (JoseError, ValueError) as error:
        raise ClearanceInvalid("malformed", key_id=key_id, detail=str(error)) from None
    try:
        claims = ClearanceClaims.from_claims_dict(json.loads(verified.payload))
    except (ClaimsInvalid, ValueError) as error:  # ValueError: not JSON, or not UTF-8
        raise ClearanceInvalid("claims", key_id=key_id, detail=str(error)) from None
    if claims.key_id != key_id:  # the signed claims must agree with the header that chose the key
        raise ClearanceInvalid("claims", key_id=key_id, detail="kid differs between header and claims")
    return claims


def token_from_text(text: str) -> str:
    """The compact JWS from a clearance as given: the JWS itself, or what the QR code holds."""
    try:
        return compact_token(text)
    except QrTokenInvalid as error:
        raise ClearanceInvalid("malformed", detail=str(error)) from None


def public_keys_from_file(path: Path) -> dict[str, str]:
    """Public keys by key id from a file: PEM (one or several blocks), a JWK, or a JWK set.

    ``UnusableInput`` with ``clearance.key_missing`` when the file cannot be read, and
    ``clearance.key_invalid`` when it holds no Ed25519 public key.
    """
    try:
        data = path.read_bytes()
    except OSError:
        raise UnusableInput("clearance.key_missing", path=str(path)) from None
    try:
        text = data.decode("utf-8")
        pems = _pems_in(text) if "-----BEGIN" in text else _pems_from_jwk(json.loads(text))
    except (ValueError, TypeError, KeyError):
        raise UnusableInput("clearance.key_invalid", path=str(path)) from None
    if not pems:
        raise UnusableInput("clearance.key_invalid", path=str(path))
    return {key_id_of(pem): pem for pem in pems}


def public_jwk(public_pem: str | bytes) -> dict[str, str]:
    """The public key as a JWK (RFC 8037), for publishing alongside the PEM."""
    raw = _load_public(public_pem).public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return {
        "kty": "OKP",
        "crv": "Ed25519",
        "x": base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii"),
        "kid": key_id_of(public_pem),
        "alg": ALGORITHM,
        "use": "sig",
    }


# --- helpers -----------------------------------------------------------------------------


def _read_header(token: str) -> dict[str, str]:
    # Everything the signature does not protect is checked strictly here, before a key is
    # chosen: three segments of canonical base64url (a lax decoder would accept a changed
    # final character that decodes to the same bytes), and a header of exactly our shape.
    segments = token.split(".")
    if len(segments) != 3 or not all(segment and _canonical_b64url(segment) for segment in segments):
        raise ClearanceInvalid("malformed", detail="not three base64url segments")
    try:
        header = json.loads(_b64url_decode(segments[0]))
    except ValueError:
        raise ClearanceInvalid("malformed", detail="header is not JSON") from None
    if not isinstance(header, dict) or set(header) != {"alg", "kid", "typ"}:
        raise ClearanceInvalid("malformed", detail="unexpected header")
    if header["alg"] != ALGORITHM or header["typ"] != TOKEN_TYPE:
        raise ClearanceInvalid("malformed", detail="not a Clearway clearance")
    if not isinstance(header["kid"], str) or not _KEY_ID.fullmatch(header["kid"]):
        raise ClearanceInvalid("malformed", detail="bad key id")
    return header


def _canonical_b64url(segment: str) -> bool:
    if not _SEGMENT.fullmatch(segment) or len(segment) % 4 == 1:
        return False
    try:
        decoded = _b64url_decode(segment)
    except (binascii.Error, ValueError):
        return False
    return base64.urlsafe_b64encode(decoded).rstrip(b"=").decode("ascii") == segment


def _b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _secret_bytes(secret: bytes | str) -> bytes:
    value = secret.encode("utf-8") if isinstance(secret, str) else bytes(secret)
    if len(value) < MINIMUM_SECRET_BYTES:
        raise ValueError(f"the signing-key secret must be at least {MINIMUM_SECRET_BYTES} bytes of random data")
    return value


def _load_private(encrypted_pem: str | bytes, secret: bytes | str) -> Ed25519PrivateKey:
    data = encrypted_pem.encode("ascii") if isinstance(encrypted_pem, str) else encrypted_pem
    try:
        key = serialization.load_pem_private_key(data, password=_secret_bytes(secret))
    except (ValueError, TypeError) as error:
        raise SigningKeyUnusable(str(error)) from None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyUnusable("not an Ed25519 key")
    return key


def _load_public(pem: str | bytes) -> Ed25519PublicKey:
    key = serialization.load_pem_public_key(pem.encode("ascii") if isinstance(pem, str) else pem)
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 public key")
    return key


def _public_pem(key: Ed25519PublicKey) -> str:
    pem = key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return pem.decode("ascii")


def _key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def _pems_in(text: str) -> list[str]:
    pems = []
    for block in _PEM_BLOCK.finditer(text):
        if block.group(1) != "PUBLIC KEY":  # a private key in a verifier's hands is a mistake, not a key file
            raise ValueError(f"{block.group(1)} is not a public key")
        pem = block.group(0) + "\n"
        _load_public(pem)
        pems.append(pem)
    return pems


def _pems_from_jwk(document: Any) -> list[str]:
    keys = document["keys"] if isinstance(document, dict) and "keys" in document else [document]
    pems = []
    for jwk in keys:
        if not isinstance(jwk, dict) or jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or "d" in jwk:
            raise ValueError("not an Ed25519 public JWK")
        raw = _b64url_decode(jwk["x"])
        pems.append(_public_pem(Ed25519PublicKey.from_public_bytes(raw)))
    return pems
