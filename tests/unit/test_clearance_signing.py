"""Clearance claims, Ed25519 keys, compact JWS tokens, and `clearway clearance verify`."""

import base64
import json
import string
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from joserfc import jws
from joserfc.jwk import OKPKey

from clearway.commands.clearance import describe, verify_command
from clearway.domain.clearance import ClaimsInvalid, ClearanceClaims, clearance_number
from clearway.domain.clearance_text import coverage
from clearway.domain.errors import UnusableInput
from clearway.domain.snapshot import canonical_json, manifest_hash
from clearway.i18n import catalogue
from clearway.i18n.catalog import clearance as clearance_catalog
from clearway.keyset import public_keys_from_file
from clearway.signing import (
    ClearanceInvalid,
    SigningKeyMaterial,
    SigningKeyUnusable,
    TrustedKey,
    generate_key,
    key_id_of,
    public_jwk,
    sign_clearance,
    verify_clearance,
)
from tests.factories.versions import claims, snapshot

#: The messages of ``catalog/clearance.py`` in every language.
MESSAGES = {key: catalogue()[key] for key in clearance_catalog.MESSAGES}

SECRET = "a-random-secret-from-settings-0123456789"


@pytest.fixture(scope="module")
def key() -> SigningKeyMaterial:
    return generate_key(SECRET)


@pytest.fixture(scope="module")
def token(key: SigningKeyMaterial) -> str:
    return sign_clearance(claims(key_id=key.key_id), key.encrypted_private_pem, SECRET)


def keys_of(*materials: SigningKeyMaterial, country: str | None = "MEX") -> dict[str, TrustedKey]:
    """The keys as a verifier trusts them: each one Mexico's (the issuer the default claims name)."""
    return {
        material.key_id: TrustedKey(material.key_id, material.public_pem, country=country) for material in materials
    }


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def refusal(token: str, keys: dict[str, str]) -> str:
    with pytest.raises(ClearanceInvalid) as refused:
        verify_clearance(token, keys)
    return refused.value.reason


# --- numbers and claims ----------------------------------------------------------------------


def test_clearance_number_is_country_year_and_six_digit_serial() -> None:
    assert clearance_number("mex", 2025, 123) == "MEX-2025-000123"


@pytest.mark.parametrize(("country", "year", "serial"), [("MX", 2025, 1), ("MEX", 2025, 0), ("M3X", 2025, 1)])
def test_clearance_number_refuses_what_is_not_one(country: str, year: int, serial: int) -> None:
    with pytest.raises(ValueError):
        clearance_number(country, year, serial)


def test_claims_come_from_the_version_they_clear() -> None:
    version = snapshot()
    made = claims(version)
    assert (made.request_reference, made.aircraft_registration, made.aircraft_callsign, made.aircraft_type) == (
        "RF-2025-0123",
        "N316AC",
        "EXA476",
        "B738",
    )
    assert made.manifest_hash == manifest_hash(version)
    assert made.passenger_count == 3
    assert [(leg.origin, leg.destination) for leg in made.legs] == [("KHRL", "MMTJ")]


def test_claims_dict_is_compact_and_round_trips() -> None:
    made = claims(excluded_seqs=(3, 2), conditions="Seq 1 to be met by a consular officer.")
    document = made.to_claims_dict()
    assert document["rx"] == {"ex": [2, 3], "c": "Seq 1 to be met by a consular officer."}
    assert document["legs"] == [["KHRL", "MMTJ", "2025-01-21T20:22:00Z", "2025-01-22T00:15:00Z", None, None]]
    assert json.loads(canonical_json(document)) == document
    assert ClearanceClaims.from_claims_dict(document) == made


def test_claims_without_restrictions_leave_rx_out() -> None:
    document = claims().to_claims_dict()
    assert "rx" not in document
    assert ClearanceClaims.from_claims_dict(document) == claims()


@pytest.mark.parametrize(
    "change",
    [
        {"extra": 1},  # an unknown claim might be a restriction this reader would silently drop
        {"v": 3},
        {"v": True},
        {"d": "approve_sometimes"},
        {"dev": 0},
        {"by": {"n": "Instituto Nacional de Migración", "c": "mex"}},
        {"ver": "3"},
        {"legs": []},
        {"legs": [["KHRL", "MMTJ", "2025-01-21T20:22:00Z"]]},
        {"vf": "2025-01-21T00:00:00"},
        {"ac": {"reg": "N316AC", "cs": "EXA476"}},
        {"rx": {"ex": ["2"], "c": ""}},
    ],
)
def test_claims_not_in_format_2_are_refused(change: dict[str, object]) -> None:
    with pytest.raises(ClaimsInvalid):
        ClearanceClaims.from_claims_dict({**claims().to_claims_dict(), **change})


def test_a_missing_claim_is_refused() -> None:
    document = claims().to_claims_dict()
    del document["mh"]
    with pytest.raises(ClaimsInvalid, match="mh"):
        ClearanceClaims.from_claims_dict(document)


# --- keys --------------------------------------------------------------------------------------


def test_key_id_is_the_first_16_hex_of_the_raw_public_key_hash(key: SigningKeyMaterial) -> None:
    import hashlib

    public = serialization.load_pem_public_key(key.public_pem.encode())
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert key.key_id == hashlib.sha256(raw).hexdigest()[:16] == key_id_of(key.public_pem)


def test_the_private_key_is_stored_encrypted(key: SigningKeyMaterial) -> None:
    assert key.encrypted_private_pem.startswith("-----BEGIN ENCRYPTED PRIVATE KEY-----")
    with pytest.raises(TypeError):  # cryptography: "Password was not given but private key is encrypted"
        serialization.load_pem_private_key(key.encrypted_private_pem.encode(), password=None)


def test_a_short_secret_is_refused() -> None:
    with pytest.raises(ValueError, match="16 bytes"):
        generate_key("short")


def test_signing_with_the_wrong_secret_is_refused(key: SigningKeyMaterial) -> None:
    with pytest.raises(SigningKeyUnusable):
        sign_clearance(claims(key_id=key.key_id), key.encrypted_private_pem, SECRET + "x")


def test_claims_naming_another_key_are_not_signed(key: SigningKeyMaterial) -> None:
    with pytest.raises(ValueError, match="name key"):
        sign_clearance(claims(key_id="ffffffffffffffff"), key.encrypted_private_pem, SECRET)


# --- signing and verifying ---------------------------------------------------------------------


def test_a_signed_clearance_verifies_to_its_claims(key: SigningKeyMaterial, token: str) -> None:
    assert verify_clearance(token, keys_of(key)).claims == claims(key_id=key.key_id)


def test_the_token_is_a_compact_jws_naming_its_key(key: SigningKeyMaterial, token: str) -> None:
    header_segment, payload_segment, _ = token.split(".")
    header = json.loads(base64.urlsafe_b64decode(header_segment + "=="))
    assert header == {"alg": "Ed25519", "kid": key.key_id, "typ": "clearance+jws"}
    payload = base64.urlsafe_b64decode(payload_segment + "=" * (-len(payload_segment) % 4))
    assert payload == canonical_json(claims(key_id=key.key_id).to_claims_dict())


def test_old_keys_still_verify_after_a_rotation(key: SigningKeyMaterial, token: str) -> None:
    newer = generate_key(SECRET)
    assert verify_clearance(token, keys_of(newer, key)).claims.key_id == key.key_id


def test_a_key_not_given_is_named(key: SigningKeyMaterial, token: str) -> None:
    with pytest.raises(ClearanceInvalid) as refused:
        verify_clearance(token, keys_of(generate_key(SECRET)))
    assert (refused.value.reason, refused.value.key_id) == ("unknown_key", key.key_id)


def test_another_key_under_the_same_id_is_refused(key: SigningKeyMaterial, token: str) -> None:
    impostor = TrustedKey(key.key_id, generate_key(SECRET).public_pem, country="MEX")
    assert refusal(token, {key.key_id: impostor}) == "unknown_key"  # a key set whose id does not name its key


def test_changed_claims_with_the_original_signature_are_refused(key: SigningKeyMaterial, token: str) -> None:
    header, _, signature = token.split(".")
    forged = claims(key_id=key.key_id, excluded_seqs=(9,)).to_claims_dict()
    assert refusal(f"{header}.{b64(canonical_json(forged))}.{signature}", keys_of(key)) == "bad_signature"


@pytest.mark.parametrize("text", ["", "abc", "a.b", "a.b.c.d", "eyJ.e30.", " . . "])
def test_what_is_not_a_token_is_malformed(key: SigningKeyMaterial, text: str) -> None:
    assert refusal(text, keys_of(key)) == "malformed"


def test_a_token_of_another_type_is_malformed(key: SigningKeyMaterial, token: str) -> None:
    other = b64(json.dumps({"alg": "Ed25519", "kid": key.key_id, "typ": "JWT"}).encode())
    assert refusal(other + token[token.index(".") :], keys_of(key)) == "malformed"


def signed_raw(key: SigningKeyMaterial, payload: bytes) -> str:
    private = serialization.load_pem_private_key(key.encrypted_private_pem.encode(), SECRET.encode())
    header = {"alg": "Ed25519", "kid": key.key_id, "typ": "clearance+jws"}
    return jws.serialize_compact(header, payload, OKPKey.import_key(private), algorithms=["Ed25519"])


def test_signed_contents_that_are_not_claims_are_refused_as_claims(key: SigningKeyMaterial) -> None:
    assert refusal(signed_raw(key, b"not json"), keys_of(key)) == "claims"
    assert refusal(signed_raw(key, b'{"v":1}'), keys_of(key)) == "claims"


def test_claims_naming_another_key_than_the_header_are_refused(key: SigningKeyMaterial) -> None:
    payload = canonical_json(claims(key_id="ffffffffffffffff").to_claims_dict())
    assert refusal(signed_raw(key, payload), keys_of(key)) == "claims"


_REPLACEMENTS = st.sampled_from(string.ascii_letters + string.digits + "-_.=+/ é\x00")


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=300)
@given(position=st.integers(min_value=0), replacement=_REPLACEMENTS)
def test_any_single_character_changed_is_refused(
    key: SigningKeyMaterial, token: str, position: int, replacement: str
) -> None:
    position %= len(token)
    if token[position] == replacement:
        replacement = "A" if replacement != "A" else "B"
    tampered = token[:position] + replacement + token[position + 1 :]
    with pytest.raises(ClearanceInvalid):
        verify_clearance(tampered, keys_of(key))


def test_changing_the_last_signature_character_to_an_alias_is_refused(key: SigningKeyMaterial, token: str) -> None:
    # 64 signature bytes end in a character carrying 4 unused bits: a lax decoder reads "...A"
    # and "...B" as the same bytes. The token as written must still be the one that was signed.
    alphabet = string.ascii_uppercase + string.ascii_lowercase + string.digits + "-_"
    alias = alphabet[alphabet.index(token[-1]) + 1]
    assert base64.urlsafe_b64decode(token.split(".")[2] + "==") == base64.urlsafe_b64decode(
        token.split(".")[2][:-1] + alias + "=="
    )
    assert refusal(token[:-1] + alias, keys_of(key)) == "malformed"


# --- key files -----------------------------------------------------------------------------------


def test_a_pem_file_gives_its_key_by_id(tmp_path: Path, key: SigningKeyMaterial) -> None:
    path = tmp_path / "mex.pem"
    path.write_text(key.public_pem)
    assert public_keys_from_file(path) == keys_of(key, country=None)
    assert public_keys_from_file(path, issuer="mex") == keys_of(key)


def test_a_pem_file_may_hold_several_keys(tmp_path: Path, key: SigningKeyMaterial) -> None:
    newer = generate_key(SECRET)
    path = tmp_path / "mex.pem"
    path.write_text(key.public_pem + "\n" + newer.public_pem)
    assert public_keys_from_file(path, issuer="MEX") == keys_of(key, newer)


def test_a_jwk_and_a_jwk_set_give_the_same_key(tmp_path: Path, key: SigningKeyMaterial) -> None:
    single, many = tmp_path / "key.jwk", tmp_path / "keys.json"
    single.write_text(json.dumps(public_jwk(key.public_pem)))
    many.write_text(json.dumps({"keys": [public_jwk(key.public_pem)]}))
    assert public_keys_from_file(single) == public_keys_from_file(many) == keys_of(key, country=None)


def test_a_missing_key_file_is_unusable_input(tmp_path: Path) -> None:
    with pytest.raises(UnusableInput) as error:
        public_keys_from_file(tmp_path / "absent.pem")
    assert (error.value.key, error.value.params) == ("clearance.key_missing", {"path": str(tmp_path / "absent.pem")})


@pytest.mark.parametrize(
    "content", ["hello", "{}", '{"kty": "RSA"}', "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----"]
)
def test_a_file_without_an_ed25519_public_key_is_unusable_input(tmp_path: Path, content: str) -> None:
    path = tmp_path / "key.pem"
    path.write_text(content)
    with pytest.raises(UnusableInput) as error:
        public_keys_from_file(path)
    assert error.value.key == "clearance.key_invalid"


def test_a_private_key_file_is_not_accepted_as_a_public_key(tmp_path: Path, key: SigningKeyMaterial) -> None:
    path = tmp_path / "private.pem"
    path.write_text(key.encrypted_private_pem)
    with pytest.raises(UnusableInput):
        public_keys_from_file(path)


# --- what it covers, and the command ----------------------------------------------------------


def test_every_coverage_line_has_a_sentence_in_both_languages() -> None:
    restricted = claims(excluded_seqs=(2,), conditions="Escorted to the terminal.")
    for line in coverage(restricted) + coverage(claims()):
        assert set(MESSAGES[line.key]) == {"en", "es"}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_catalogue_keys_are_prefixed_and_translated_with_the_same_placeholders() -> None:
    for key_name, texts in MESSAGES.items():
        assert key_name.startswith("clearance.")
        assert texts["en"] != texts["es"]
        assert placeholders(texts["en"]) == placeholders(texts["es"]), key_name


def test_describe_names_version_aircraft_legs_and_restrictions() -> None:
    text = "\n".join(describe(claims(excluded_seqs=(2,), conditions="Escorted to the terminal."), "en"))
    for expected in ("MEX-2025-000123", "version 3", "N316AC", "EXA476", "B738", "KHRL", "MMTJ",
                     "2025-01-22 00:15 UTC", "seq: 2", "Escorted to the terminal.", "revocation"):  # fmt: skip
        assert expected in text
    assert "no restrictions" not in text


def test_describe_in_spanish() -> None:
    lines = describe(claims(), "es")
    assert lines[0].startswith("Autorización MEX-2025-000123, expedida por Instituto Nacional de Migración")
    assert any("No hay restricciones" in line for line in lines)


def write_key(tmp_path: Path, key: SigningKeyMaterial) -> Path:
    path = tmp_path / "mex.pem"
    path.write_text(key.public_pem)
    return path


DURING = datetime(2025, 1, 22, tzinfo=UTC)


def test_verify_command_prints_what_it_covers(
    tmp_path: Path, key: SigningKeyMaterial, token: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert verify_command(token, write_key(tmp_path, key), "en", issuer="MEX", now=DURING) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("The signature is valid")
    assert "Clearance MEX-2025-000123" in out
    assert err == ""


def test_verify_command_refuses_in_one_sentence(
    tmp_path: Path, key: SigningKeyMaterial, token: str, capsys: pytest.CaptureFixture[str]
) -> None:
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    assert verify_command(tampered, write_key(tmp_path, key), "es", issuer="MEX", now=DURING) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("La firma no coincide")


def test_verify_command_reads_the_token_from_a_file_or_stdin(
    tmp_path: Path, key: SigningKeyMaterial, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "token.txt").write_text(token + "\n")
    assert verify_command(f"@{tmp_path / 'token.txt'}", write_key(tmp_path, key), "en", issuer="MEX", now=DURING) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO(token))
    assert verify_command("-", write_key(tmp_path, key), "en", issuer="MEX", now=DURING) == 0


def test_verify_command_with_a_missing_token_file_is_unusable_input(tmp_path: Path, key: SigningKeyMaterial) -> None:
    with pytest.raises(UnusableInput) as error:
        verify_command(f"@{tmp_path / 'absent'}", write_key(tmp_path, key), "en")
    assert error.value.key == "clearance.token_missing"


def test_verify_command_with_a_missing_key_file_is_unusable_input(tmp_path: Path, token: str) -> None:
    with pytest.raises(UnusableInput) as error:
        verify_command(token, tmp_path / "absent.pem", "en")
    assert error.value.key == "clearance.key_missing"


@pytest.mark.parametrize(
    ("now", "sentence"),
    [(datetime(2025, 1, 24, tzinfo=UTC), "expired on 2025-01-23 00:00 UTC"),
     (datetime(2025, 1, 20, tzinfo=UTC), "valid only from 2025-01-21 00:00 UTC")],
)  # fmt: skip
def test_a_genuine_clearance_outside_its_validity_exits_1(
    tmp_path: Path, key: SigningKeyMaterial, token: str, capsys: pytest.CaptureFixture[str], now: datetime,
    sentence: str
) -> None:  # fmt: skip
    assert verify_command(token, write_key(tmp_path, key), "en", issuer="MEX", now=now) == 1
    out, err = capsys.readouterr()
    assert "Clearance MEX-2025-000123" in out
    assert sentence in err


def test_times_with_seconds_and_microseconds_round_trip() -> None:
    later = replace(claims(), valid_until=datetime(2025, 1, 23, 12, 30, 15, 500, tzinfo=UTC))
    assert ClearanceClaims.from_claims_dict(later.to_claims_dict()) == later
