"""The QR code's form of a clearance (CW1: + Base45 + zlib) holds the same JWS and verifies the same way."""

from __future__ import annotations

import zlib
from pathlib import Path

import base45
import pytest
from hypothesis import given
from hypothesis import strategies as st

from clearway.commands.clearance import verify_command
from clearway.domain.clearance_qr import PREFIX, QrTokenInvalid, b45decode, b45encode, compact_token, pack, unpack
from clearway.signing import (
    ClearanceInvalid,
    KeySet,
    SigningKeyMaterial,
    TrustedKey,
    generate_key,
    sign_clearance,
    verify_clearance,
)
from tests.factories.versions import claims

SECRET = "a-random-secret-from-settings-0123456789"


@pytest.fixture(scope="module")
def key() -> SigningKeyMaterial:
    return generate_key(SECRET)


def mexicos(key: SigningKeyMaterial) -> KeySet:
    """``key`` as a verifier trusts it: Mexico's decision key (the issuer the factory's claims name)."""
    return {key.key_id: TrustedKey(key.key_id, key.public_pem, country="MEX")}


@pytest.fixture(scope="module")
def token(key: SigningKeyMaterial) -> str:
    return sign_clearance(
        claims(key_id=key.key_id, excluded_seqs=(2,), conditions="Escort for seq 3."), key.encrypted_private_pem, SECRET
    )


@pytest.mark.parametrize(("data", "text"), [(b"AB", "BB8"), (b"Hello!!", "%69 VD92EX0"), (b"ietf!", "QED8WEX0")])
def test_base45_matches_the_examples_of_rfc_9285(data: bytes, text: str) -> None:
    assert (b45encode(data), b45decode(text)) == (text, data)


@given(st.binary(max_size=300))
def test_base45_agrees_with_the_base45_package(data: bytes) -> None:
    assert b45encode(data) == base45.b45encode(data).decode("ascii")
    assert b45decode(b45encode(data)) == data


@pytest.mark.parametrize(
    "text", ["GGW", "A", "::", "ab"], ids=["group over 65535", "3n+1 length", "pair over 255", "lower case"]
)
def test_base45_refuses_what_rfc_9285_does_not_allow(text: str) -> None:
    with pytest.raises(ValueError):
        b45decode(text)


def test_the_qr_form_gives_back_the_very_same_token(token: str) -> None:
    packed = pack(token)
    assert packed.startswith(PREFIX) and set(packed[len(PREFIX) :]) <= set(
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
    )
    assert unpack(packed) == token
    assert compact_token(packed) == compact_token(token) == token


def test_the_qr_form_verifies_against_the_same_key(token: str, key: SigningKeyMaterial) -> None:
    assert verify_clearance(pack(token), mexicos(key)) == verify_clearance(token, mexicos(key))


def test_a_changed_claim_inside_the_qr_form_fails_the_signature(token: str, key: SigningKeyMaterial) -> None:
    header, body, signature = token.split(".")
    forged_claims = body[:-4] + ("AAAA" if body[-4:] != "AAAA" else "BBBB")
    forged = pack(".".join((header, forged_claims, signature)))
    with pytest.raises(ClearanceInvalid) as refused:
        verify_clearance(forged, mexicos(key))
    assert refused.value.reason in ("bad_signature", "claims")


@pytest.mark.parametrize("cut", [1, 2, 10], ids=["last character", "last two", "ten"])
def test_a_truncated_qr_form_is_malformed_not_a_crash(token: str, key: SigningKeyMaterial, cut: int) -> None:
    with pytest.raises(ClearanceInvalid) as refused:
        verify_clearance(pack(token)[:-cut], mexicos(key))
    assert refused.value.reason == "malformed"


def test_a_zlib_bomb_is_refused_before_it_is_inflated() -> None:
    with pytest.raises(QrTokenInvalid):
        unpack(PREFIX + b45encode(zlib.compress(b"\0" * 10_000_000)))


def test_clearway_clearance_verify_accepts_what_the_qr_holds(
    token: str, key: SigningKeyMaterial, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key_file = tmp_path / "key.pem"
    key_file.write_text(key.public_pem, encoding="utf-8")
    moment = claims(key_id=key.key_id).valid_from
    assert verify_command(pack(token), key_file, "en", issuer="MEX", now=moment) == 0
    assert "MEX-2025-000123" in capsys.readouterr().out
