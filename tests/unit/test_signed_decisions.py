"""Claims version 2 and keys bound to their issuer: every decision signed, local times, no names,
the development flag, version 1 still read, and the forgeries a key set must refuse."""

import base64
import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from cryptography.hazmat.primitives import serialization
from joserfc import jws
from joserfc.jwk import OKPKey

from clearway.commands.clearance import describe, verify_command
from clearway.domain.clearance import LEGACY_FORMAT, ClaimsInvalid, ClearanceClaims, DecisionKind
from clearway.domain.errors import UnusableInput
from clearway.domain.keys import KeyPurpose
from clearway.domain.snapshot import canonical_json
from clearway.keyset import key_entry, public_keys_from_file, read_key_set
from clearway.signing import (
    CHECKPOINT_TYPE,
    TOKEN_TYPE,
    ClearanceInvalid,
    SigningKeyMaterial,
    TrustedKey,
    generate_key,
    sign_clearance,
    sign_document,
    verify_clearance,
)
from tests.factories.versions import ISSUED_AT, claims, snapshot

SECRET = "a-random-secret-from-settings-0123456789"
ZONES = {"KHRL": ZoneInfo("America/Chicago"), "MMTJ": ZoneInfo("America/Tijuana")}
CREATED = datetime(2025, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
def mex() -> SigningKeyMaterial:
    return generate_key(SECRET)


@pytest.fixture(scope="module")
def gtm() -> SigningKeyMaterial:
    return generate_key(SECRET)


def owned(material: SigningKeyMaterial, country: str, **fields: object) -> TrustedKey:
    name = {"MEX": "Instituto Nacional de Migración", "GTM": "Instituto Guatemalteco de Migración"}[country]
    return TrustedKey(material.key_id, material.public_pem, organisation=name, country=country, **fields)  # type: ignore[arg-type]


def key_set(*keys: TrustedKey) -> dict[str, TrustedKey]:
    return {key.key_id: key for key in keys}


def signed(material: SigningKeyMaterial, **overrides: object) -> str:
    return sign_clearance(claims(key_id=material.key_id, **overrides), material.encrypted_private_pem, SECRET)


def refusal(token: str, keys: dict[str, TrustedKey]) -> str:
    with pytest.raises(ClearanceInvalid) as refused:
        verify_clearance(token, keys)
    return refused.value.reason


# --- claims, version 2 ---------------------------------------------------------------------------

NOT_A_GRANT = {"valid_from": None, "valid_until": None}


@pytest.mark.parametrize(
    ("decision", "fields"),
    [
        (DecisionKind.APPROVE, {}),
        (DecisionKind.APPROVE_RESTRICTED, {"excluded_seqs": (2,), "conditions": "Escorted."}),
        (DecisionKind.REQUEST_INFO, {**NOT_A_GRANT, "number": None, "reason_codes": ("OTHER",)}),
        (DecisionKind.DENY, {**NOT_A_GRANT, "number": None, "reason_codes": ("LEAD_TIME",)}),
        (DecisionKind.REVOKE, {"valid_from": None, "valid_until": None, "reason_codes": ("OTHER",)}),
    ],
)  # fmt: skip
def test_every_decision_has_its_claim_type_and_round_trips(decision: DecisionKind, fields: dict[str, object]) -> None:
    made = claims(decision=decision, **fields)
    document = made.to_claims_dict()
    assert (document["v"], document["d"], document["dev"]) == (2, str(decision), False)
    assert ("vf" in document) is decision.grants
    assert ClearanceClaims.from_claims_dict(document) == made


def test_each_leg_carries_the_utc_offset_at_both_airports() -> None:
    made = claims(zone_of=ZONES.get)  # 21 January: Harlingen UTC-6, Tijuana UTC-8
    assert [(leg.departure_offset, leg.arrival_offset) for leg in made.legs] == [(-360, -480)]
    assert made.to_claims_dict()["legs"][0][4:] == [-360, -480]
    leg_line = next(line for line in describe(made, "en") if line.startswith("Leg 1"))
    assert "2025-01-21 14:22 UTC-06:00 local" in leg_line and "2025-01-21 16:15 UTC-08:00 local" in leg_line


def test_an_airport_without_a_known_zone_has_no_offset() -> None:
    made = claims(zone_of={"KHRL": ZONES["KHRL"]}.get)
    assert (made.legs[0].departure_offset, made.legs[0].arrival_offset) == (-360, None)


def test_the_claims_count_passengers_and_name_excluded_seqs_but_never_people() -> None:
    version = snapshot()
    made = claims(version, excluded_seqs=(2,), conditions="Escorted.")
    payload = canonical_json(made.to_claims_dict()).decode()
    assert (made.passenger_count, made.excluded_seqs) == (3, (2,))
    for passenger in version.passengers:
        for part in (passenger.surname, passenger.given_names, passenger.document_number):
            assert part and part not in payload


@pytest.mark.parametrize(
    "change",
    [
        {"d": "deny"},  # a denial that carries a validity window and a number
        {"vf": None},
        {"d": "revoke", "vf": None, "vu": None, "no": None},
        {"legs": [["KHRL", "MMTJ", "2025-01-21T20:22:00Z", "2025-01-22T00:15:00Z", -360, 9999]]},
        {"legs": [["KHRL", "MMTJ", "2025-01-21T20:22:00Z", "2025-01-22T00:15:00Z"]]},
        {"rc": []},
    ],
)
def test_claims_a_decision_of_that_type_cannot_carry_are_refused(change: dict[str, object]) -> None:
    document = {**claims().to_claims_dict(), **change}
    document = {key: value for key, value in document.items() if value is not None}
    with pytest.raises(ClaimsInvalid):
        ClearanceClaims.from_claims_dict(document)


def test_restrictions_only_on_an_approval_with_restrictions() -> None:
    with pytest.raises(ValueError, match="restrictions"):
        claims(decision=DecisionKind.APPROVE, excluded_seqs=(2,))


def test_the_development_flag_is_signed_and_said(mex: SigningKeyMaterial) -> None:
    token = signed(mex, development_key=True)
    verified = verify_clearance(token, key_set(owned(mex, "MEX")))
    assert verified.development and verified.claims.development_key
    assert describe(verified.claims, "en")[0].startswith("WARNING: this was signed with a key protected only")
    assert describe(verified.claims, "es")[0].startswith("ADVERTENCIA")


def test_a_key_set_that_marks_the_key_as_development_flags_a_token_that_does_not_say_so(
    mex: SigningKeyMaterial,
) -> None:
    verified = verify_clearance(signed(mex), key_set(owned(mex, "MEX", development=True)))
    assert verified.development and not verified.claims.development_key


# --- version 1 tokens issued before --------------------------------------------------------------


def version_1_token(material: SigningKeyMaterial) -> str:
    legacy = replace(claims(key_id=material.key_id), format_version=LEGACY_FORMAT)
    return sign_document(
        legacy.to_claims_dict(), TOKEN_TYPE, material.encrypted_private_pem, SECRET, key_id=material.key_id
    )


def test_a_version_1_token_still_verifies_and_says_it_is_version_1(mex: SigningKeyMaterial) -> None:
    token = version_1_token(mex)
    payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert payload["v"] == 1 and "d" not in payload and len(payload["legs"][0]) == 4
    verified = verify_clearance(token, key_set(owned(mex, "MEX")))
    assert (verified.claims.format_version, verified.claims.decision) == (1, DecisionKind.APPROVE)
    assert any("version 1 token" in line for line in describe(verified.claims, "en"))


def test_a_version_1_token_is_bound_to_its_issuer_too(mex: SigningKeyMaterial, gtm: SigningKeyMaterial) -> None:
    assert refusal(version_1_token(gtm), key_set(owned(gtm, "GTM"))) == "wrong_issuer"


def test_new_tokens_are_never_signed_in_version_1(mex: SigningKeyMaterial) -> None:
    with pytest.raises(ValueError, match="format"):
        sign_clearance(replace(claims(key_id=mex.key_id), format_version=1), mex.encrypted_private_pem, SECRET)


# --- the key is bound to its issuer --------------------------------------------------------------


def test_a_token_signed_with_guatemalas_key_that_claims_mexico_is_refused(
    mex: SigningKeyMaterial, gtm: SigningKeyMaterial
) -> None:
    forged = signed(gtm)  # the default claims name Mexico's authority
    assert refusal(forged, key_set(owned(mex, "MEX"), owned(gtm, "GTM"))) == "wrong_issuer"


def test_a_token_naming_another_organisation_of_the_same_country_is_refused(mex: SigningKeyMaterial) -> None:
    forged = signed(mex, issuer_name="Another Mexican authority")
    assert refusal(forged, key_set(owned(mex, "MEX"))) == "wrong_issuer"


def test_a_kid_naming_mexicos_key_on_a_token_signed_by_guatemala_is_a_bad_signature(
    mex: SigningKeyMaterial, gtm: SigningKeyMaterial
) -> None:
    private = serialization.load_pem_private_key(gtm.encrypted_private_pem.encode(), SECRET.encode())
    payload = canonical_json(claims(key_id=mex.key_id).to_claims_dict())
    header = {"alg": "Ed25519", "kid": mex.key_id, "typ": TOKEN_TYPE}
    spoofed = jws.serialize_compact(header, payload, OKPKey.import_key(private), algorithms=["Ed25519"])
    assert refusal(spoofed, key_set(owned(mex, "MEX"), owned(gtm, "GTM"))) == "bad_signature"


def test_a_bare_key_without_an_issuer_verifies_nothing(mex: SigningKeyMaterial) -> None:
    assert refusal(signed(mex), {mex.key_id: TrustedKey(mex.key_id, mex.public_pem)}) == "unbound_key"


def test_the_audit_key_does_not_sign_decisions(mex: SigningKeyMaterial) -> None:
    audit_key = TrustedKey(mex.key_id, mex.public_pem, purpose=KeyPurpose.AUDIT)
    assert refusal(signed(mex), key_set(audit_key)) == "wrong_key"


def test_a_checkpoint_signature_does_not_pass_for_a_clearance(mex: SigningKeyMaterial) -> None:
    payload = claims(key_id=mex.key_id).to_claims_dict()
    other_type = sign_document(payload, CHECKPOINT_TYPE, mex.encrypted_private_pem, SECRET, key_id=mex.key_id)
    assert refusal(other_type, key_set(owned(mex, "MEX"))) == "malformed"


@pytest.mark.parametrize(
    "header",
    [
        {"alg": "EdDSA", "typ": TOKEN_TYPE},
        {"alg": "none", "typ": TOKEN_TYPE},
        {"alg": "HS256", "typ": TOKEN_TYPE},
        {"alg": "Ed25519", "typ": TOKEN_TYPE, "jwk": {"kty": "OKP"}},  # a token bringing its own key
        {"alg": "Ed25519", "typ": TOKEN_TYPE, "jku": "https://attacker.example/keys"},
    ],
    ids=["EdDSA", "none", "HS256", "jwk", "jku"],
)
def test_headers_other_than_ours_are_refused_before_any_key_is_chosen(
    mex: SigningKeyMaterial, header: dict[str, object]
) -> None:
    token = signed(mex)
    forged_header = base64.urlsafe_b64encode(json.dumps({**header, "kid": mex.key_id}).encode()).rstrip(b"=").decode()
    assert refusal(forged_header + token[token.index(".") :], key_set(owned(mex, "MEX"))) == "malformed"


# --- retirement and revocation -------------------------------------------------------------------


def test_a_retired_key_still_verifies_what_it_signed_before(mex: SigningKeyMaterial) -> None:
    retired = owned(mex, "MEX", retired_at=ISSUED_AT + timedelta(days=1))
    assert verify_clearance(signed(mex), key_set(retired)).claims.issued_at == ISSUED_AT


def test_a_retired_key_does_not_verify_what_claims_to_be_signed_after(mex: SigningKeyMaterial) -> None:
    retired = owned(mex, "MEX", retired_at=ISSUED_AT - timedelta(seconds=1))
    assert refusal(signed(mex), key_set(retired)) == "retired_key"


def test_a_revoked_key_verifies_nothing_it_signed(mex: SigningKeyMaterial) -> None:
    moment = ISSUED_AT + timedelta(days=1)  # revoked after signing: still refused
    revoked = owned(mex, "MEX", retired_at=moment, revoked_at=moment)
    assert refusal(signed(mex), key_set(revoked)) == "revoked_key"


# --- the key set file ----------------------------------------------------------------------------


def write_set(tmp_path: Path, *keys: TrustedKey, tamper: dict[str, object] | None = None) -> Path:
    entries = [key_entry(key, CREATED) for key in keys]
    if tamper:
        entries[0] = {**entries[0], **tamper}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps({"keys": entries}))
    return path


def test_the_served_key_set_is_read_with_owner_and_status(
    tmp_path: Path, mex: SigningKeyMaterial, gtm: SigningKeyMaterial
) -> None:
    revoked = owned(gtm, "GTM", retired_at=CREATED, revoked_at=CREATED)
    path = write_set(tmp_path, owned(mex, "MEX"), revoked)
    assert public_keys_from_file(path) == key_set(owned(mex, "MEX"), revoked)
    assert public_keys_from_file(path, issuer="GTM") == key_set(revoked)


@pytest.mark.parametrize(
    "tamper",
    [
        {"key_id": "ffffffffffffffff"},  # an id that is not its key's
        {"status": "active", "revoked_at": None},  # a revocation dropped, the dates kept
        {"status": "retired"},  # a status that contradicts its dates
        {"country": None, "organisation": None},  # a decisions key owned by nobody
        {"development": "no"},
        {"extra": 1},
    ],
)
def test_a_key_set_that_contradicts_itself_is_refused_whole(
    tmp_path: Path, mex: SigningKeyMaterial, tamper: dict[str, object]
) -> None:
    revoked = owned(mex, "MEX", retired_at=CREATED, revoked_at=CREATED)
    with pytest.raises(UnusableInput) as error:
        public_keys_from_file(write_set(tmp_path, revoked, tamper=tamper))
    assert error.value.key == "clearance.key_invalid"


def test_a_key_set_entry_whose_pem_and_jwk_are_different_keys_is_refused(
    tmp_path: Path, mex: SigningKeyMaterial, gtm: SigningKeyMaterial
) -> None:
    path = write_set(tmp_path, owned(mex, "MEX"), tamper={"pem": gtm.public_pem})
    with pytest.raises(UnusableInput):
        public_keys_from_file(path)


def test_one_key_id_given_twice_with_different_owners_is_refused(mex: SigningKeyMaterial) -> None:
    first, second = key_entry(owned(mex, "MEX"), CREATED), key_entry(owned(mex, "GTM"), CREATED)
    with pytest.raises(ValueError, match="twice"):
        read_key_set({"keys": [first, second]})


# --- the command ---------------------------------------------------------------------------------

DURING = datetime(2025, 1, 22, tzinfo=UTC)


def test_verify_takes_the_served_key_set_and_refuses_the_cross_issuer_forgery(
    tmp_path: Path, mex: SigningKeyMaterial, gtm: SigningKeyMaterial, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_set(tmp_path, owned(mex, "MEX"), owned(gtm, "GTM"))
    assert verify_command(signed(mex), path, "en", now=DURING) == 0
    assert verify_command(signed(gtm), path, "es", now=DURING) == 1
    err = capsys.readouterr().err
    assert err.strip().splitlines()[-1].startswith("La clave") and "falsificación" in err


def test_verify_at_a_planned_date(tmp_path: Path, mex: SigningKeyMaterial, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_set(tmp_path, owned(mex, "MEX"))
    assert verify_command(signed(mex), path, "en", at="2025-01-22") == 0
    assert verify_command(signed(mex), path, "en", at="2025-02-01T00:00:00Z") == 1
    assert "expired" in capsys.readouterr().err
    with pytest.raises(UnusableInput) as error:
        verify_command(signed(mex), path, "en", at="next tuesday")
    assert error.value.key == "clearance.bad_at"


@pytest.mark.parametrize("text", ["hello", "a.b", "eyJ.e30.", "not a token at all"])
def test_input_that_is_not_a_token_is_unusable(tmp_path: Path, mex: SigningKeyMaterial, text: str) -> None:
    with pytest.raises(UnusableInput) as error:
        verify_command(text, write_set(tmp_path, owned(mex, "MEX")), "en", now=DURING)
    assert error.value.key == "clearance.not_a_token"


def test_a_development_token_does_not_pass_unless_allowed(
    tmp_path: Path, mex: SigningKeyMaterial, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_set(tmp_path, owned(mex, "MEX"))
    token = signed(mex, development_key=True)
    assert verify_command(token, path, "en", now=DURING) == 1
    assert "development secret" in capsys.readouterr().err
    assert verify_command(token, path, "en", now=DURING, allow_development=True) == 0


def test_a_signed_denial_is_described_but_is_not_a_clearance(
    tmp_path: Path, mex: SigningKeyMaterial, capsys: pytest.CaptureFixture[str]
) -> None:
    token = signed(
        mex, decision=DecisionKind.DENY, number=None, valid_from=None, valid_until=None, reason_codes=("OTHER",)
    )
    assert verify_command(token, write_set(tmp_path, owned(mex, "MEX")), "en", now=DURING) == 1
    out, err = capsys.readouterr()
    assert "denied the request" in out and "Reason codes: OTHER." in out
    assert "signed denial, not a clearance" in err


def test_a_revoked_key_in_the_key_set_refuses_offline(
    tmp_path: Path, mex: SigningKeyMaterial, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_set(tmp_path, owned(mex, "MEX", retired_at=DURING, revoked_at=DURING))
    assert verify_command(signed(mex), path, "en", now=DURING) == 1
    assert "revoked" in capsys.readouterr().err
