"""The Annex 9 PDF read back: every field and name in its text, fonts embedded, and a QR code that verifies."""

from __future__ import annotations

from dataclasses import replace

import pytest

from clearway.domain.annex9 import mrz_form, printed_name
from clearway.domain.clearance import DecisionKind
from clearway.domain.clearance_qr import pack, unpack
from clearway.domain.snapshot import RequestSnapshot, manifest_hash, snapshot_from
from clearway.formats.annex9 import PrintedClearance, write_annex9_pdf
from clearway.i18n import catalogue, translate
from clearway.i18n.catalog import annex9 as annex9_catalog
from clearway.signing import (
    ClearanceInvalid,
    KeySet,
    SigningKeyMaterial,
    TrustedKey,
    generate_key,
    sign_clearance,
    verify_clearance,
)
from tests.factories import leg, people, request, row_values
from tests.factories.versions import ISSUED_AT, claims
from tests.pdf_reading import embedded_fonts, page_texts, qr_codes

#: The messages of ``catalog/annex9.py`` in every language.
MESSAGES = {key: catalogue()[key] for key in annex9_catalog.MESSAGES}

SECRET = "a-random-secret-from-settings-0123456789"
#: Names as people write them: accents, ñ, a diaeresis, particles, hyphens, an apostrophe, two surnames.
NAMES = [
    {"surname": "Núñez", "second_surname": "Ibáñez", "given_names": "José Ángel"},
    {"surname": "Ajú", "second_surname": "Xicará", "given_names": "María José"},
    {"surname": "De la Cruz", "second_surname": "", "given_names": "Nayeli"},
    {"surname": "Gómez-Peña", "second_surname": "Argüello", "given_names": "Zoë Inés"},
    {"surname": "K'ayab", "second_surname": "Tzul", "given_names": "Ixchel"},
    {"surname": "Çelik", "second_surname": "", "given_names": "Øyvind Åge"},
]
FLIGHT_FIELDS = ("operator", "registration", "flight_number", "date")
#: Every fixed caption of each form (sentences with values are checked with their values below).
DECLARATION_CAPTIONS = [
    key
    for key, texts in MESSAGES.items()
    if key.startswith(("annex9.gd.", "annex9.routing.", "annex9.health.", "annex9.declaration.", "annex9.official_use"))
    and "{" not in texts["en"]
] + [f"annex9.field.{name}" for name in (*FLIGHT_FIELDS, "aircraft_type", "departure_from", "arrival_at")]
MANIFEST_CAPTIONS = [
    key for key, texts in MESSAGES.items() if key.startswith("annex9.manifest.") and "{" not in texts["en"]
] + [f"annex9.field.{name}" for name in (*FLIGHT_FIELDS, "embarkation", "disembarkation")]


@pytest.fixture(scope="module")
def key() -> SigningKeyMaterial:
    return generate_key(SECRET)


def version(*legs_: tuple[str, str, str, str]) -> RequestSnapshot:
    legs = [leg(*spec) for spec in legs_] or None
    rows = [row_values(seq, **names) for seq, names in enumerate(NAMES, start=1)]
    return snapshot_from(request(legs=legs, people={"declared_passengers": len(rows)}), people(*rows))


def cleared(
    snapshot: RequestSnapshot, key: SigningKeyMaterial, *, version: int, **overrides: object
) -> PrintedClearance:
    """A clearance granted for ``version`` (whose content is ``snapshot``), signed with ``key``."""
    granted = replace(claims(snapshot, key_id=key.key_id, **overrides), version=version)
    return PrintedClearance(token=sign_clearance(granted, key.encrypted_private_pem, SECRET), claims=granted)


def mexicos(key: SigningKeyMaterial, **state: object) -> KeySet:
    """``key`` as a verifier trusts it: the decision key of Mexico, the issuer the factory's claims name."""
    return {key.key_id: TrustedKey(key.key_id, key.public_pem, country="MEX", **state)}  # type: ignore[arg-type]


def texts(pdf: bytes) -> tuple[list[str], str]:
    pages = page_texts(pdf)
    return pages, " ".join(pages)


VIA_GUATEMALA = (
    ("KHRL", "MGGT", "2025-01-21T14:00:00Z", "2025-01-21T17:30:00Z"),
    ("MGGT", "MMTJ", "2025-01-21T19:00:00Z", "2025-01-22T00:15:00Z"),
)


def test_one_general_declaration_per_leg_arriving_in_the_receiving_country_then_the_manifest(
    key: SigningKeyMaterial,
) -> None:
    two_arrivals = version(
        ("KHRL", "MMMX", "2025-01-21T14:00:00Z", "2025-01-21T18:30:00Z"),
        ("MMMX", "MMTJ", "2025-01-21T20:00:00Z", "2025-01-21T23:15:00Z"),
    )
    pages, _ = texts(write_annex9_pdf(two_arrivals, version=1, clearance=cleared(two_arrivals, key, version=1)))
    assert ["GENERAL DECLARATION" in page for page in pages] == [True, True, False]
    assert "PASSENGER MANIFEST / MANIFIESTO DE PASAJEROS" in pages[2]
    assert "Leg 1 of 2" in pages[0] and "Leg 2 of 2" in pages[1]


def test_a_leg_arriving_elsewhere_gets_no_general_declaration(key: SigningKeyMaterial) -> None:
    via = version(*VIA_GUATEMALA)
    pages, _ = texts(write_annex9_pdf(via, version=1))
    assert ["GENERAL DECLARATION" in page for page in pages] == [True, False]
    assert "Leg 2 of 2" in pages[0]
    assert "MGGT La Aurora" in pages[0]  # the stop is still in the routing


def test_every_caption_of_the_forms_is_printed_in_english_and_spanish(key: SigningKeyMaterial) -> None:
    snapshot = version()
    restricted = cleared(snapshot, key, version=1, excluded_seqs=(1,))  # so that the EXCLUDED mark is printed
    declaration, manifest = texts(write_annex9_pdf(snapshot, version=1, clearance=restricted))[0]
    for form, captions in ((declaration, DECLARATION_CAPTIONS), (manifest, MANIFEST_CAPTIONS)):
        for caption in captions:
            for lang in ("en", "es"):
                assert translate(caption, lang) in form, (caption, lang)


def test_every_field_clearway_holds_is_on_the_general_declaration(key: SigningKeyMaterial) -> None:
    snapshot = version(*VIA_GUATEMALA)
    pages, _ = texts(write_annex9_pdf(snapshot, version=1, clearance=cleared(snapshot, key, version=1)))
    flight = snapshot.flight
    declaration = pages[0]
    for value in (flight.operator, flight.aircraft.registration, flight.aircraft.callsign, flight.aircraft.type):
        assert value in declaration
    assert "2025-01-21" in declaration  # the leg's date at its origin
    assert "MMTJ General Abelardo L. Rodriguez International Airport" in declaration
    # Local time and offset at each airport, and UTC: Tijuana is UTC−08:00 in January.
    assert "2025-01-21 16:15 UTC−08:00 (00:15 UTC)" in declaration
    assert "2025-01-21 08:00 UTC−06:00 (14:00 UTC)" in declaration  # Harlingen, Texas
    assert translate("annex9.routing.others", "en", escorts=16, medical_staff=1, monitors=1) in declaration


def test_fields_clearway_does_not_hold_are_left_blank_for_completion_by_hand(key: SigningKeyMaterial) -> None:
    snapshot = version()
    declaration = texts(write_annex9_pdf(snapshot, version=1))[0][0]
    health = declaration.split(translate("annex9.health.ill", "es"))[1].split(translate("annex9.health.other", "en"))[0]
    assert health.strip() == ""  # no one's illness is printed: the crew writes it in
    signature = declaration.split(translate("annex9.declaration.pilot", "es"))[1]
    assert signature.split(translate("annex9.declaration.name", "en"))[0].strip() == ""


def test_every_name_is_printed_exactly_as_written_with_its_mrz_form(key: SigningKeyMaterial) -> None:
    snapshot = version()
    manifest = texts(write_annex9_pdf(snapshot, version=1))[0][-1]
    for passenger in snapshot.passengers:
        assert f"{passenger.seq} {printed_name(passenger)} {mrz_form(passenger)}" in manifest
    assert "Núñez Ibáñez, José Ángel NUNEZ<IBANEZ<<JOSE<ANGEL" in manifest
    assert "Çelik, Øyvind Åge CELIK<<OEYVIND<AAGE" in manifest  # Doc 9303's transliteration of Ø and Å


def test_the_fonts_with_every_letter_are_embedded() -> None:
    assert embedded_fonts(write_annex9_pdf(version(), version=1)) == {
        "DejaVuSansCondensed",
        "DejaVuSansCondensedBold",
    }


def test_every_page_names_the_version_its_manifest_hash_the_clearance_and_page_x_of_y(key: SigningKeyMaterial) -> None:
    many = snapshot_from(request(), people(*[row_values(seq) for seq in range(1, 101)]))
    pages, _ = texts(write_annex9_pdf(many, version=4, clearance=cleared(many, key, version=4)))
    assert len(pages) == 4  # a General Declaration, then 100 passengers on three pages
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of 4 / Página {number} de 4" in page
        assert "Request RF-2025-0123, version 4 / Solicitud RF-2025-0123, versión 4" in page
        assert manifest_hash(many) in page
        assert "MEX-2025-000123" in page
    listed = " ".join(pages[1:])
    assert all(f" {seq} Hernández Reyes, Tomás " in listed for seq in range(1, 101))


def test_the_qr_code_holds_the_signed_clearance_and_verifies(key: SigningKeyMaterial) -> None:
    snapshot = version()
    clearance = cleared(snapshot, key, version=1)
    pdf = write_annex9_pdf(snapshot, version=1, clearance=clearance)
    (scanned,) = qr_codes(pdf, 0)
    assert unpack(scanned) == clearance.token
    assert verify_clearance(scanned, mexicos(key)).claims == clearance.claims


def test_a_restricted_clearance_marks_its_excluded_passengers(key: SigningKeyMaterial) -> None:
    snapshot = version()
    restricted = cleared(snapshot, key, version=1, excluded_seqs=(2, 5), conditions="Seq 4 travels with an escort.")
    pages, _ = texts(write_annex9_pdf(snapshot, version=1, clearance=restricted))
    declaration, manifest = pages
    assert "Excluded passengers (seq): 2, 5. / Pasajeros excluidos (seq): 2, 5." in declaration
    assert "Conditions: Seq 4 travels with an escort." in declaration
    # Four of the six are cleared to travel: the routing counts them, the manifest marks the other two.
    assert translate("annex9.routing.excluded", "en", count=2) in declaration
    assert "Embarcan" in declaration and " 4 " in declaration
    for passenger in snapshot.passengers:
        marked = f"{mrz_form(passenger)} ✗ EXCLUDED / EXCLUIDO" in manifest
        assert marked == (passenger.seq in ("2", "5")), passenger.seq


def test_a_version_amended_without_a_new_decision_prints_the_clearance_of_the_version_decided_on(
    key: SigningKeyMaterial,
) -> None:
    decided = version()
    amended = snapshot_from(
        request(people={"escorts": 20}), people(*[row_values(seq, **n) for seq, n in enumerate(NAMES, 1)])
    )
    clearance = cleared(decided, key, version=2)
    pdf = write_annex9_pdf(amended, version=3, clearance=clearance)
    pages, whole = texts(pdf)
    assert "Cleared for version 2 / Autorizado para la versión 2" in pages[0]
    assert "Request RF-2025-0123, version 3" in pages[0]
    assert "This is version 3, amended after the decision" in whole
    assert verify_clearance(qr_codes(pdf, 0)[0], mexicos(key)).claims.version == 2


def test_without_a_clearance_it_says_not_cleared_and_has_no_qr_code() -> None:
    pdf = write_annex9_pdf(version(), version=1)
    pages, _ = texts(pdf)
    assert all("not cleared / sin autorización" in page for page in pages)
    assert "NOT CLEARED: no clearance has been issued for this version." in pages[0]
    assert qr_codes(pdf, 0) == []


def test_a_printed_clearance_is_one_that_verifies(key: SigningKeyMaterial) -> None:
    snapshot = version()
    token = cleared(snapshot, key, version=1).token
    assert PrintedClearance.verified(pack(token), mexicos(key)).token == token  # the QR's form is taken too
    with pytest.raises(ClearanceInvalid):
        PrintedClearance.verified(token, mexicos(generate_key(SECRET)))


def test_a_clearance_signed_by_a_revoked_key_is_not_printed(key: SigningKeyMaterial) -> None:
    token = cleared(version(), key, version=1).token
    with pytest.raises(ClearanceInvalid) as refused:
        PrintedClearance.verified(token, mexicos(key, revoked_at=ISSUED_AT))
    assert refused.value.reason == "revoked_key"


def test_a_signed_denial_is_not_printed_as_a_clearance(key: SigningKeyMaterial) -> None:
    denial = claims(
        version(),
        key_id=key.key_id,
        decision=DecisionKind.DENY,
        number=None,
        valid_from=None,
        valid_until=None,
        reason_codes=("DOCUMENT_EXPIRED",),
    )
    token = sign_clearance(denial, key.encrypted_private_pem, SECRET)
    with pytest.raises(ClearanceInvalid) as refused:
        PrintedClearance.verified(token, mexicos(key))
    assert refused.value.reason == "claims"
    pdf = write_annex9_pdf(version(), version=1, clearance=PrintedClearance(token=token, claims=denial))
    pages, _ = texts(pdf)
    assert all("not cleared / sin autorización" in page for page in pages)
    assert qr_codes(pdf, 0) == []
