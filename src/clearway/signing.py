"""Ed25519 keys and signed documents (compact JWS), verifiable offline with a public key.

Token: ``BASE64URL(header) . BASE64URL(payload) . BASE64URL(signature)`` where the header is
exactly ``{"alg": "Ed25519", "kid": <key id>, "typ": <type>}`` and the payload is canonical
JSON. Three types, so that a signature made for one purpose never passes for another:
``clearance+jws`` (a decision, ``clearway.domain.clearance``), ``checkpoint+jws`` (the
audit chain's head, signed by the instance) and ``countersignature+jws`` (an
organisation's witness of a checkpoint).

Why ``alg: Ed25519`` rather than ``EdDSA``: RFC 9864 deprecates the polymorphic ``EdDSA``
identifier in favour of the fully specified ``Ed25519`` (joserfc warns on every use of
the old one). The signature bytes are the same Ed25519 signature either way. Nothing
else is accepted: the verifier fixes the algorithm and the key type, so a token cannot
choose ``none``, an HMAC over a public key, or a key of its own.

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
import hmac
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jws
from joserfc.errors import BadSignatureError, JoseError
from joserfc.jwk import OKPKey

from clearway.domain.clearance import CLAIMS_FORMAT, ClaimsInvalid, ClearanceClaims
from clearway.domain.clearance_qr import QrTokenInvalid, compact_token
from clearway.domain.keys import KeyPurpose, KeyStatus
from clearway.domain.snapshot import canonical_json

ALGORITHM = "Ed25519"
TOKEN_TYPE = "clearance+jws"
CHECKPOINT_TYPE = "checkpoint+jws"
COUNTERSIGNATURE_TYPE = "countersignature+jws"
TOKEN_TYPES = frozenset({TOKEN_TYPE, CHECKPOINT_TYPE, COUNTERSIGNATURE_TYPE})
MINIMUM_SECRET_BYTES = 16
_SEGMENT = re.compile(r"[A-Za-z0-9_-]*")
_KEY_ID = re.compile(r"[0-9a-f]{16}")
_PEM_BLOCK = re.compile(r"-----BEGIN ([A-Z ]+)-----.+?-----END \1-----", re.DOTALL)

Reason = Literal[
    "malformed",  # not a token of the expected type
    "unknown_key",  # signed by a key not in the set
    "bad_signature",
    "claims",  # signed, but not claims of a known format
    "revoked_key",  # the key was revoked: nothing it signed verifies
    "retired_key",  # signed after its key was retired
    "wrong_issuer",  # the key's owner is not the issuer the claims name
    "wrong_key",  # a key for another purpose (the audit key signing a decision, say)
    "unbound_key",  # the verifier did not say whose key this is
]


class ClearanceInvalid(Exception):
    """A signed document that is refused; ``reason`` is a ``Reason`` (catalogue key
    ``clearance.refused.<reason>``)."""

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


def secret_fingerprint(secret: bytes | str) -> str:
    """A short public name for a secret, stored beside each key: which secret protects it.

    Lets the service tell, without decrypting anything, that its keys were made under
    another secret (a database moved from development to production) and say which
    command re-keys, instead of failing on the first signature. The secret is at least
    16 random bytes, so its hash gives nothing away.
    """
    return hashlib.sha256(b"clearway-secret-fingerprint\x00" + _secret_bytes(secret)).hexdigest()[:16]


def key_endorsement(secret: bytes | str, fields: Mapping[str, Any]) -> str:
    """HMAC-SHA256, under the server secret, of a stored key's public half, owner and state.

    The database alone cannot make one: a key row added, or a revocation cleared, by
    someone who can write the database but does not hold the secret no longer matches, and
    such a key is neither served in the key set nor trusted.
    """
    message = b"clearway-key-endorsement\x00" + canonical_json(dict(fields))
    return hmac.new(_secret_bytes(secret), message, hashlib.sha256).hexdigest()


def can_open(encrypted_private_pem: str | bytes, secret: bytes | str) -> bool:
    """Whether ``secret`` opens the stored private key."""
    try:
        _load_private(encrypted_private_pem, secret)
    except (SigningKeyUnusable, ValueError):
        return False
    return True


@dataclass(frozen=True)
class TrustedKey:
    """A public key and whose it is: what the verifier trusts it to sign.

    ``country`` and ``organisation`` bind the key to its issuer: a token is accepted only
    when the issuer it claims is the key's owner. A key read from a bare PEM or JWK has no
    owner until the verifier names one (``clearway clearance verify --issuer``).
    """

    key_id: str
    public_pem: str
    purpose: KeyPurpose = KeyPurpose.DECISIONS
    organisation: str | None = None
    country: str | None = None
    retired_at: datetime | None = None
    revoked_at: datetime | None = None
    development: bool = False  # protected only by the published development secret

    @property
    def status(self) -> KeyStatus:
        if self.revoked_at is not None:
            return KeyStatus.REVOKED
        return KeyStatus.RETIRED if self.retired_at is not None else KeyStatus.ACTIVE


KeySet = Mapping[str, TrustedKey]


@dataclass(frozen=True)
class VerifiedClearance:
    """A genuine signed decision, and the key that signed it."""

    claims: ClearanceClaims
    key: TrustedKey

    @property
    def development(self) -> bool:
        """Signed under the development secret, by the token's word or the key set's."""
        return self.claims.development_key or self.key.development


def sign_clearance(claims: ClearanceClaims, encrypted_private_pem: str | bytes, secret: bytes | str) -> str:
    """The compact JWS of ``claims``, signed with the stored key (whose id the claims must name)."""
    if claims.format_version != CLAIMS_FORMAT:
        raise ValueError(f"only claims format {CLAIMS_FORMAT} is signed now")
    return sign_document(claims.to_claims_dict(), TOKEN_TYPE, encrypted_private_pem, secret, key_id=claims.key_id)


def sign_document(
    payload: Mapping[str, Any], token_type: str, encrypted_private_pem: str | bytes, secret: bytes | str, *, key_id: str
) -> str:
    """The compact JWS of ``payload`` (canonical JSON) with header type ``token_type``."""
    if token_type not in TOKEN_TYPES:
        raise ValueError(f"unknown token type {token_type!r}")
    private_key = _load_private(encrypted_private_pem, secret)
    actual = _key_id(private_key.public_key())
    if key_id != actual:
        raise ValueError(f"the claims name key {key_id}, but this key is {actual}")
    header = {"alg": ALGORITHM, "kid": actual, "typ": token_type}
    return jws.serialize_compact(
        header, canonical_json(dict(payload)), OKPKey.import_key(private_key), algorithms=[ALGORITHM]
    )


def verify_document(token: str, token_type: str, keys: KeySet) -> tuple[dict[str, Any], TrustedKey]:
    """The JSON payload of a genuine token of ``token_type`` and the key that signed it, else ClearanceInvalid.

    Only the header's ``kid`` picks the key, and only among ``keys``: a token cannot bring
    its own key (no ``jwk``, ``jku`` or ``x5c`` header is accepted), and the algorithm is
    fixed, whatever the header says. A revoked key verifies nothing.
    """
    text = token.strip()
    header = _read_header(text, token_type)
    key_id = header["kid"]
    key = keys.get(key_id)
    if key is None:
        raise ClearanceInvalid("unknown_key", key_id=key_id)
    if key.key_id != key_id or key_id_of(key.public_pem) != key_id:  # a key set that lies about its ids
        raise ClearanceInvalid("unknown_key", key_id=key_id)
    public_key = OKPKey.import_key(_load_public(key.public_pem))
    try:
        verified = jws.deserialize_compact(text, public_key, algorithms=[ALGORITHM])
    except BadSignatureError:
        raise ClearanceInvalid("bad_signature", key_id=key_id) from None
    except (JoseError, ValueError) as error:
        raise ClearanceInvalid("malformed", key_id=key_id, detail=str(error)) from None
    if key.status is KeyStatus.REVOKED:  # after the signature: a forgery is named as one, not as revoked
        raise ClearanceInvalid("revoked_key", key_id=key_id)
    try:
        payload = json.loads(verified.payload)
    except ValueError as error:  # not JSON, or not UTF-8
        raise ClearanceInvalid("claims", key_id=key_id, detail=str(error)) from None
    if not isinstance(payload, dict):
        raise ClearanceInvalid("claims", key_id=key_id, detail="not an object")
    if payload.get("kid") != key_id:  # the signed content must agree with the header that chose the key
        raise ClearanceInvalid("claims", key_id=key_id, detail="kid differs between header and claims")
    return payload, key


def verify_clearance(token: str, keys: KeySet) -> VerifiedClearance:
    """The claims of a genuine decision signed by its issuer's key among ``keys``, else ClearanceInvalid.

    Several keys may be given: after a rotation the retired public keys stay in the set so
    that what they signed before it still verifies. Refused besides a bad signature: a key
    that is not an organisation's decision key, a key owned by another issuer than the one
    the claims name, a revoked key, and a retired key's signature dated after its retirement.
    """
    payload, key = verify_document(token_from_text(token), TOKEN_TYPE, keys)
    try:
        claims = ClearanceClaims.from_claims_dict(payload)
    except ClaimsInvalid as error:
        raise ClearanceInvalid("claims", key_id=key.key_id, detail=str(error)) from None
    if key.purpose is not KeyPurpose.DECISIONS:
        raise ClearanceInvalid("wrong_key", key_id=key.key_id)
    if key.country is None:
        raise ClearanceInvalid("unbound_key", key_id=key.key_id)
    if key.country != claims.issuer_country or (key.organisation not in (None, claims.issuer_name)):
        raise ClearanceInvalid("wrong_issuer", key_id=key.key_id, detail=f"key of {key.country}")
    if key.retired_at is not None and claims.issued_at > key.retired_at:
        raise ClearanceInvalid("retired_key", key_id=key.key_id)
    return VerifiedClearance(claims, key)


def token_from_text(text: str) -> str:
    """The compact JWS from a clearance as given: the JWS itself, or what the QR code holds
    (``CW1:``, clearway.domain.clearance_qr), which is the same JWS packed."""
    try:
        return compact_token(text)
    except QrTokenInvalid as error:
        raise ClearanceInvalid("malformed", detail=str(error)) from None


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


def public_pem_of_jwk(jwk: Mapping[str, Any]) -> str:
    """The PEM of a public Ed25519 JWK; ValueError for anything else (a private JWK included)."""
    if jwk.get("kty") != "OKP" or jwk.get("crv") != "Ed25519" or "d" in jwk or not isinstance(jwk.get("x"), str):
        raise ValueError("not an Ed25519 public JWK")
    if jwk.get("alg", ALGORITHM) != ALGORITHM:
        raise ValueError("a JWK for another algorithm")
    if not _canonical_b64url(jwk["x"]):
        raise ValueError("x is not canonical base64url")
    pem = _public_pem(Ed25519PublicKey.from_public_bytes(_b64url_decode(jwk["x"])))
    if "kid" in jwk and jwk["kid"] != key_id_of(pem):
        raise ValueError("the JWK's kid is not its key's id")
    return pem


def public_pems_in(text: str) -> list[str]:
    """The public keys of PEM text (ValueError for a private key or a broken block)."""
    pems = []
    for block in _PEM_BLOCK.finditer(text):
        if block.group(1) != "PUBLIC KEY":  # a private key in a verifier's hands is a mistake, not a key file
            raise ValueError(f"{block.group(1)} is not a public key")
        pem = block.group(0) + "\n"
        _load_public(pem)
        pems.append(pem)
    return pems


# --- helpers -----------------------------------------------------------------------------


def _read_header(token: str, token_type: str) -> dict[str, str]:
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
    if header["alg"] != ALGORITHM or header["typ"] != token_type:
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
