"""The signed clearance in the form a QR code holds: the same compact JWS, packed smaller.

``CW1:`` + Base45 (RFC 9285) of zlib (RFC 1950) of::

    signature (64 bytes) || header JSON || "\\n" || claims JSON

The header and claims are the exact bytes the JWS's base64url segments decode to, so the
compact JWS is rebuilt losslessly (``unpack``) and verified with its own signature: no
second signature, no second token to store, one verification routine everywhere (CLI,
API, the /verify page). Base45 keeps the text in the QR code's alphanumeric mode
(5.5 bits a character instead of 8); why this rather than COSE_Sign1 is measured in
docs/benchmarks.md ("The clearance in the QR code").

Canonical JSON never holds a raw newline (it is escaped inside strings), so the first
``\\n`` after the signature separates the two documents.
"""

from __future__ import annotations

import base64
import zlib

PREFIX = "CW1:"
SIGNATURE_BYTES = 64
#: A packed clearance is a few hundred bytes; refusing more stops a zlib bomb at the door.
MAX_UNPACKED_BYTES = 64 * 1024
_BASE45 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_BASE45_VALUE = {character: value for value, character in enumerate(_BASE45)}


class QrTokenInvalid(ValueError):
    """Text that starts like a packed clearance but is not one."""


def is_packed(text: str) -> bool:
    return text.strip().startswith(PREFIX)


def pack(token: str) -> str:
    """The QR form of a compact JWS (``header.claims.signature``, base64url)."""
    segments = token.strip().split(".")
    if len(segments) != 3:
        raise ValueError("a compact JWS has three segments")
    header, claims, signature = (_b64url_decode(segment) for segment in segments)
    if len(signature) != SIGNATURE_BYTES or b"\n" in header:
        raise ValueError("not an Ed25519 compact JWS")
    return PREFIX + b45encode(zlib.compress(signature + header + b"\n" + claims, 9))


def unpack(text: str) -> str:
    """The compact JWS a QR form holds; ``QrTokenInvalid`` when it cannot be read back."""
    body = text.strip().removeprefix(PREFIX)
    try:
        packed = b45decode(body)
        inflater = zlib.decompressobj()
        raw = inflater.decompress(packed, MAX_UNPACKED_BYTES)
    except (ValueError, zlib.error) as error:
        raise QrTokenInvalid(f"not a packed clearance: {error}") from None
    if inflater.unconsumed_tail or not inflater.eof or inflater.unused_data:
        raise QrTokenInvalid("not a packed clearance: its data is truncated, too long or followed by more")
    signature, rest = raw[:SIGNATURE_BYTES], raw[SIGNATURE_BYTES:]
    header, separator, claims = rest.partition(b"\n")
    if len(signature) != SIGNATURE_BYTES or not separator:
        raise QrTokenInvalid("not a packed clearance: no signature, header and claims")
    return ".".join(_b64url_encode(part) for part in (header, claims, signature))


def compact_token(text: str) -> str:
    """A clearance as given (compact JWS or its QR form) as the compact JWS."""
    return unpack(text) if is_packed(text) else text.strip()


def b45encode(data: bytes) -> str:
    """Base45 (RFC 9285): two bytes to three characters, a last odd byte to two."""
    out = []
    for index in range(0, len(data) - 1, 2):
        value = data[index] * 256 + data[index + 1]
        value, c = divmod(value, 45)
        e, d = divmod(value, 45)
        out.append(_BASE45[c] + _BASE45[d] + _BASE45[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out.append(_BASE45[c] + _BASE45[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """The bytes of Base45 text; ``ValueError`` on a character or group RFC 9285 does not allow."""
    try:
        values = [_BASE45_VALUE[character] for character in text]
    except KeyError as error:
        raise ValueError(f"{error.args[0]!r} is not a Base45 character") from None
    if len(values) % 3 == 1:
        raise ValueError("Base45 text cannot have a length of 3n+1")
    out = bytearray()
    for index in range(0, len(values), 3):
        group = values[index : index + 3]
        if len(group) == 3:
            value = group[0] + group[1] * 45 + group[2] * 45 * 45
            if value > 0xFFFF:
                raise ValueError("Base45 group out of range")
            out += value.to_bytes(2, "big")
        else:
            value = group[0] + group[1] * 45
            if value > 0xFF:
                raise ValueError("Base45 group out of range")
            out.append(value)
    return bytes(out)


def _b64url_decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")
