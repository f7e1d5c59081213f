"""/verify in a real browser with the network cut: a genuine clearance verifies against the keys the page holds,
a tampered one and one signed with a revoked key are refused, and the QR code is read from a picture."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pypdfium2
import pytest

from clearway.domain.clearance_qr import pack
from clearway.domain.workflow import Role, State
from clearway.formats import annex9
from clearway.signing import generate_key, public_jwk, sign_clearance
from tests.api.conftest import SECRET
from tests.api.support import API, World
from tests.browser.conftest import launch
from tests.factories.versions import claims
from tests.pdf_reading import SCAN_SCALE

KEYS = f"{API}/keys"


def approval_token(client: Any, world: World) -> tuple[str, str]:
    """A request approved through the service (the receiving organisation's key is made then), and its token."""
    public_id = world.drive(State.APPROVED)
    seen = client.get(f"{API}/requests/{public_id}", headers=world.officer.headers).json()
    return public_id, str(seen["clearance"]["token"])


@pytest.fixture
def revoked_key_token(client: Any, world: World) -> tuple[str, dict[str, Any]]:
    """A clearance whose signing key the receiving organisation's admin then revoked (a compromised key: a new
    one takes its place), and that key's entry in the key set the server now serves."""
    _, token = approval_token(client, world)
    key_id = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))["kid"]
    revoked = client.post(f"{KEYS}/{key_id}/revoke", headers=world[("receiver", Role.ADMIN)].headers)
    assert (revoked.status_code, revoked.json()["status"]) == (200, "revoked"), revoked.text
    (entry,) = [key for key in client.get(KEYS).json()["keys"] if key["key_id"] == key_id]
    return token, entry


@pytest.fixture
def approved(client: Any, world: World, revoked_key_token: tuple[str, dict[str, Any]]) -> tuple[str, str]:
    """A request approved after the revocation, so signed with the key that replaced the revoked one."""
    return approval_token(client, world)


def tampered(token: str) -> str:
    """The token with one character of its claims changed (still canonical base64url, so the signature fails)."""
    header, body, signature = token.split(".")
    middle = len(body) // 2
    return ".".join((header, body[:middle] + ("B" if body[middle] != "B" else "C") + body[middle + 1 :], signature))


@pytest.fixture
def foreign_key_token() -> tuple[str, dict[str, Any]]:
    """A clearance claiming Mexico as issuer, signed with a key the key set says is Guatemala's."""
    material = generate_key(SECRET)
    signed = sign_clearance(claims(key_id=material.key_id), material.encrypted_private_pem, SECRET)
    entry = {
        "key_id": material.key_id,
        "organisation": "Instituto Guatemalteco de Migración",
        "country": "GTM",
        "created_at": "2025-01-01T00:00:00.000000Z",
        "retired_at": None,
        "pem": material.public_pem,
        "jwk": public_jwk(material.public_pem),
    }
    return signed, entry


@pytest.fixture
def camera_feed(client: Any, world: World, approved: tuple[str, str], tmp_path: Path) -> Path:
    """A video (Y4M, the format Chromium's fake camera plays) of the QR code of an approved version's PDF."""
    public_id, _ = approved
    pdf = client.get(f"{API}/requests/{public_id}/versions/1/annex9.pdf", headers=world.officer.headers).content
    document = pypdfium2.PdfDocument(pdf)
    left, top, right = (annex9.PAGE_WIDTH - annex9.MARGIN - annex9.QR_SIZE - 6, 6, annex9.PAGE_WIDTH - 6)
    scale = 300 / 72  # a phone's camera sees the corner of the page at least this sharply
    box = tuple(round(mm * scale * 72 / 25.4) for mm in (left, top, right, top + annex9.QR_SIZE + 12))
    frame = document[0].render(scale=scale).to_pil().crop(box).convert("RGB")
    document.close()
    frame = frame.resize((frame.width // 2 * 2, frame.height // 2 * 2))
    luma, blue, red = frame.convert("YCbCr").split()
    half = (frame.width // 2, frame.height // 2)
    planes = luma.tobytes() + blue.resize(half).tobytes() + red.resize(half).tobytes()
    feed = tmp_path / "camera.y4m"
    header = f"YUV4MPEG2 W{frame.width} H{frame.height} F10:1 Ip A1:1 C420jpeg\n".encode("ascii")
    feed.write_bytes(header + b"".join(b"FRAME\n" + planes for _ in range(5)))
    return feed


@pytest.fixture
def browser_with_camera(playwright: Any, camera_feed: Path) -> Iterator[Any]:
    """Chromium whose camera plays ``camera_feed`` (its fake capture device), permission granted."""
    launched = launch(
        playwright,
        "--use-fake-ui-for-media-stream",
        "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={camera_feed}",
    )
    try:
        yield launched
    finally:
        launched.close()


@pytest.fixture
def page(
    browser: Any,
    server_url: str,
    revoked_key_token: tuple[str, dict[str, Any]],
    foreign_key_token: tuple[str, dict[str, Any]],
) -> Iterator[Any]:
    """/verify opened online once, its service worker in control and its key set refreshed; then offline."""
    context = browser.new_context(locale="en-GB")

    def keys_with_another_countrys(route: Any) -> None:
        # The key set as the server serves it (the revoked key included, as revoked), plus a key it says is
        # Guatemala's: this server holds no Guatemalan key that signs what claims to be Mexico's.
        response = route.fetch()
        document = response.json()
        document["keys"] += [foreign_key_token[1]]
        route.fulfill(response=response, body=json.dumps(document))

    context.route(f"{server_url}{KEYS}", keys_with_another_countrys)
    opened = context.new_page()
    opened.goto(f"{server_url}/verify")
    opened.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)
    opened.wait_for_function(
        "JSON.parse(localStorage.getItem('clearway.verify.keys') || '{\"keys\": []}').keys.length >= 3"
    )
    context.set_offline(True)
    opened.reload()  # from the service worker's cache: the network is gone
    try:
        yield opened
    finally:
        context.close()


def check(page: Any, text: str) -> str:
    # The previous verdict is cleared first: waiting for "a verdict" would otherwise return the last one.
    page.evaluate("document.querySelector('#result').replaceChildren()")
    page.fill("#token", text)
    page.click("#paste button[type=submit]")
    page.wait_for_selector("#result .verdict")
    return str(page.inner_text("#result"))


def test_the_page_works_offline_once_visited(page: Any) -> None:
    assert page.evaluate("navigator.onLine") is False
    assert page.inner_text("h1") == "Verify a clearance"
    assert "Offline: the keys fetched on" in page.inner_text("#keys")


def test_a_genuine_clearance_verifies_offline_and_says_what_it_covers(page: Any, approved: tuple[str, str]) -> None:
    _, token = approved
    shown = check(page, pack(token))
    today = datetime.now(UTC).date().isoformat()
    assert f"Verified offline against keys fetched on {today}" in shown
    assert "registration N316AC, callsign EXA476, type B738" in shown
    assert "KHRL → MMTJ" in shown
    assert "Passengers on the manifest\n3" in shown
    assert check(page, token).startswith("Verified offline")  # the token itself, pasted, verifies the same


def test_a_tampered_clearance_is_refused(page: Any, approved: tuple[str, str]) -> None:
    _, token = approved
    assert check(page, pack(tampered(token))).startswith("Refused: the signature does not match.")
    assert check(page, tampered(token)).startswith("Refused: the signature does not match.")
    assert check(page, pack(token)[:-3]).startswith("Refused: this is not a Clearway clearance")


def test_a_clearance_signed_with_a_revoked_key_is_refused(
    page: Any, revoked_key_token: tuple[str, dict[str, Any]]
) -> None:
    token, entry = revoked_key_token
    assert entry["status"] == "revoked"
    shown = check(page, pack(token))
    revoked_on = entry["revoked_at"][:10]
    assert shown.startswith(f"Refused: the key that signed it ({entry['key_id']}) was revoked on {revoked_on} ")


def test_a_clearance_signed_with_another_issuers_key_is_refused(
    page: Any, foreign_key_token: tuple[str, dict[str, Any]]
) -> None:
    shown = check(page, pack(foreign_key_token[0]))
    assert shown.startswith(
        "Refused: it claims to be issued by Instituto Nacional de Migración (MEX), "
        "but the key that signed it belongs to Instituto Guatemalteco de Migración (GTM)."
    )


def test_the_qr_code_is_read_from_a_picture_of_the_paper(
    page: Any, client: Any, world: World, approved: tuple[str, str], tmp_path: Path
) -> None:
    public_id, _ = approved
    pdf = client.get(f"{API}/requests/{public_id}/versions/1/annex9.pdf", headers=world.officer.headers).content
    document = pypdfium2.PdfDocument(pdf)
    picture = tmp_path / "declaration.png"
    # The corner of the General Declaration that holds the QR code, as a phone would frame it.
    left, top, right = (annex9.PAGE_WIDTH - annex9.MARGIN - annex9.QR_SIZE - 6, 6, annex9.PAGE_WIDTH - 6)
    box = tuple(round(mm * SCAN_SCALE * 72 / 25.4) for mm in (left, top, right, top + annex9.QR_SIZE + 12))
    document[0].render(scale=SCAN_SCALE).to_pil().crop(box).save(picture)
    document.close()
    page.set_input_files("#photo", str(picture))
    page.wait_for_selector("#result .verdict")
    assert page.inner_text("#result .verdict").startswith("Verified offline")
    assert page.input_value("#token").startswith("CW1:")


def test_the_camera_reads_the_qr_code(browser_with_camera: Any, server_url: str, approved: tuple[str, str]) -> None:
    context = browser_with_camera.new_context(locale="en-GB", permissions=["camera"])
    try:
        opened = context.new_page()
        opened.goto(f"{server_url}/verify")
        opened.click("#scan")
        opened.wait_for_selector("#result .verdict", timeout=30_000)
        assert opened.inner_text("#result .verdict").startswith("Verified offline")
        assert opened.input_value("#token") == pack(approved[1])
    finally:
        context.close()


def test_the_page_speaks_spanish_offline(page: Any, approved: tuple[str, str]) -> None:
    _, token = approved
    page.click("#language")
    shown = check(page, pack(token))
    assert shown.startswith("Verificada sin conexión con las claves obtenidas el")
    assert "matrícula N316AC" in shown
    assert check(page, pack(tampered(token))).startswith("Rechazada: la firma no coincide.")


def test_a_signed_denial_is_genuine_but_does_not_clear_the_flight(page: Any, client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    decided = client.post(
        f"{API}/requests/{public_id}/decision",
        json={"action": "deny", "reason_codes": ["OTHER"], "text": "Airport closed."},
        headers=world.receiving_officer.headers,
    )
    assert decided.status_code == 200, decided.text
    shown = check(page, pack(decided.json()["signature"]["token"]))
    assert shown.startswith("Genuine, but this signed decision does not clear the flight: it is a denial.")


def test_the_legs_show_local_times_from_the_offsets_the_token_carries(page: Any, approved: tuple[str, str]) -> None:
    _, token = approved
    (leg,) = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))["legs"]
    shown = check(page, token)
    # The test flights fly on any day of the coming year: the expected offsets are those of that day.
    for airport_zone, moment in (("America/Chicago", leg[2]), ("America/Tijuana", leg[3])):
        offset = datetime.fromisoformat(moment.replace("Z", "+00:00")).astimezone(ZoneInfo(airport_zone)).utcoffset()
        assert offset is not None
        hours, minutes = divmod(abs(int(offset.total_seconds())) // 60, 60)
        assert f"UTC−{hours:02d}:{minutes:02d}" in shown  # KHRL (Harlingen) departs, MMTJ (Tijuana) arrives
