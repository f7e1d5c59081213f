"""The pages without a browser: sign-in, sessions, CSRF, tenancy and the error pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from clearway.services import web_sessions
from clearway.services.errors import Unauthenticated
from clearway.store.db import make_engine, session_scope
from tests.web.pages_client import csrf_token, demo_app, request_ids, signed_in

#: Every form of the pages, with a path a test can post to (ids filled in per test).
UNSAFE_PAGES = (
    "/sign-out",
    "/language",
    "/flights/new",
    "/requests/{id}/flight",
    "/requests/{id}/manifest",
    "/requests/{id}/rows/1",
    "/requests/{id}/submit",
    "/requests/{id}/answer",
    "/requests/{id}/cancel",
    "/requests/{id}/copy",
    "/requests/{id}/departure",
    "/requests/{id}/arrival",
    "/requests/{id}/decision",
    "/requests/{id}/revoke",
    "/requests/{id}/reception",
    "/admin/users",
    "/admin/users/1/deactivate",
    "/admin/grants",
    "/admin/grants/1/withdraw",
    "/account/tokens",
    "/account/tokens/1/revoke",
)


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    with demo_app(tmp_path_factory.mktemp("pages")) as built:
        yield built


def test_the_root_is_the_sign_in_page_for_a_visitor(app: object) -> None:
    response = TestClient(app).get("/")  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert 'action="/sign-in"' in response.text


def test_the_root_is_the_home_of_a_signed_in_user(app: object) -> None:
    assert signed_in(app, "officer@mex.demo").get("/", follow_redirects=False).headers["location"] == "/inbox"
    assert signed_in(app, "officer@usa.demo").get("/", follow_redirects=False).headers["location"] == "/flights"


def test_the_session_cookie_is_http_only_and_same_site_lax(app: object) -> None:
    client = TestClient(app)  # type: ignore[arg-type]
    page = client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"email": "officer@usa.demo", "password": "clearway-demo-2026", "csrf_token": csrf_token(page.text)},
        follow_redirects=False,
    )
    cookie = next(
        value
        for name, value in response.headers.multi_items()
        if name == "set-cookie" and value.startswith("clearway_session=")
    )
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # development: the demo is served over plain HTTP


def test_outside_development_the_session_cookie_is_secure(tmp_path: Path) -> None:
    with demo_app(tmp_path, environment="test") as app:
        client = TestClient(app, base_url="https://testserver")
        page = client.get("/sign-in")
        response = client.post(
            "/sign-in",
            data={"email": "officer@usa.demo", "password": "clearway-demo-2026", "csrf_token": csrf_token(page.text)},
            follow_redirects=False,
        )
    cookie = next(
        value
        for name, value in response.headers.multi_items()
        if name == "set-cookie" and value.startswith("clearway_session=")
    )
    assert "Secure" in cookie


def test_a_wrong_password_is_said_beside_the_form(app: object) -> None:
    client = TestClient(app)  # type: ignore[arg-type]
    page = client.get("/sign-in")
    response = client.post(
        "/sign-in", data={"email": "officer@usa.demo", "password": "wrong", "csrf_token": csrf_token(page.text)}
    )
    assert response.status_code == 401
    assert "The email address or the password is not right." in response.text
    assert 'id="error-summary"' in response.text


def test_a_page_asks_a_visitor_to_sign_in_and_comes_back(app: object) -> None:
    response = TestClient(app).get("/flights?state=draft", follow_redirects=False)  # type: ignore[arg-type]
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in?next=%2Fflights%3Fstate%3Ddraft"


def test_signing_out_ends_the_session_for_every_copy_of_the_cookie(app: object) -> None:
    client = signed_in(app, "officer@usa.demo")
    stolen = client.cookies.get("clearway_session")
    token = csrf_token(client.get("/flights").text)
    client.post("/sign-out", data={"csrf_token": token})
    replay = TestClient(app, cookies={"clearway_session": stolen})  # type: ignore[arg-type]
    assert replay.get("/flights", follow_redirects=False).headers["location"].startswith("/sign-in")


def test_an_idle_session_expires(app: object) -> None:
    client = signed_in(app, "officer@usa.demo")
    secret = client.cookies.get("clearway_session")
    engine = make_engine(app.state.settings.database_url)  # type: ignore[attr-defined]
    with session_scope(engine) as session:
        signed = web_sessions.authenticate(session, secret)
        later = signed.actor and web_sessions.IDLE_LIMIT + timedelta(minutes=1)
        from clearway.store.models import utcnow

        with pytest.raises(Unauthenticated):
            web_sessions.authenticate(session, secret, now=utcnow() + later)
    engine.dispose()


@pytest.mark.parametrize("path", UNSAFE_PAGES)
def test_a_cross_site_form_post_is_refused(app: object, path: str) -> None:
    client = signed_in(app, "officer@usa.demo")
    target = path.format(id=request_ids(client)[0])
    token = csrf_token(client.get("/flights").text)
    response = client.post(
        target, data={"csrf_token": token}, headers={"Sec-Fetch-Site": "cross-site"}, follow_redirects=False
    )
    assert response.status_code == 403
    assert "Form refused" in response.text


@pytest.mark.parametrize("path", UNSAFE_PAGES)
def test_a_form_without_the_session_token_is_refused(app: object, path: str) -> None:
    client = signed_in(app, "officer@usa.demo")
    target = path.format(id=request_ids(client)[0])
    response = client.post(target, data={"csrf_token": "forged"}, follow_redirects=False)
    assert response.status_code == 403


def test_a_post_from_another_origin_is_refused_without_fetch_metadata(app: object) -> None:
    client = signed_in(app, "officer@usa.demo")
    token = csrf_token(client.get("/flights").text)
    response = client.post(
        "/language", data={"csrf_token": token, "language": "es"}, headers={"Origin": "https://evil.example"}
    )
    assert response.status_code == 403


def test_guatemala_opening_a_mexican_flight_gets_the_page_of_a_missing_one(app: object) -> None:
    mexico = signed_in(app, "officer@mex.demo")
    guatemala = signed_in(app, "officer@gtm.demo")
    mexican = request_ids(mexico)[0]
    assert mexico.get(f"/requests/{mexican}").status_code == 200
    theirs = guatemala.get(f"/requests/{mexican}")
    missing = guatemala.get("/requests/00000000-0000-0000-0000-000000000000")
    assert theirs.status_code == missing.status_code == 404
    # Alike but for the address the user typed, which the page's language switch returns to.
    assert theirs.text.replace(mexican, "00000000-0000-0000-0000-000000000000") == missing.text


def test_an_observer_cannot_post_a_decision(app: object) -> None:
    observer = signed_in(app, "officer@monitor.demo")
    granted = request_ids(observer)
    assert granted, "the demo grants the monitor the USA-GTM agreement"
    page = observer.get(f"/requests/{granted[0]}")
    assert page.status_code == 200
    assert "/decision" not in page.text
    response = observer.post(
        f"/requests/{granted[0]}/decision", data={"csrf_token": csrf_token(page.text), "action": "approve"}
    )
    assert response.status_code == 403
    assert observer.get(f"/requests/{granted[0]}").text.count("cw-state--") == page.text.count("cw-state--")


def test_an_unknown_page_is_an_html_404(app: object) -> None:
    response = TestClient(app).get("/no-such-page")  # type: ignore[arg-type]
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_the_api_keeps_its_json_404(app: object) -> None:
    response = TestClient(app).get("/api/v1/no-such-route")  # type: ignore[arg-type]
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_a_server_error_page_gives_a_reference_and_nothing_internal(
    app: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    from clearway.services import pages_views

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("database password is hunter2")

    monkeypatch.setattr(pages_views, "list_flights", broken)
    client = signed_in(app, "officer@usa.demo")
    client_raising = TestClient(app, raise_server_exceptions=False, cookies=client.cookies)  # type: ignore[arg-type]
    response = client_raising.get("/flights")
    assert response.status_code == 500
    assert re.search(r'id="error-reference">[0-9A-F]{12}<', response.text)
    assert "hunter2" not in response.text
    assert "Traceback" not in response.text


def test_the_language_is_the_browser_s_until_the_user_chooses(app: object) -> None:
    client = signed_in(app, "viewer@usa.demo", lang="es")
    page = client.get("/flights")
    assert '<html lang="es">' in page.text
    client.post("/language", data={"csrf_token": csrf_token(page.text), "language": "en", "next": "/flights"})
    fresh = signed_in(app, "viewer@usa.demo", lang="es")
    assert '<html lang="en">' in fresh.get("/flights").text  # the saved choice wins over the browser's


def _state(html: str) -> str:
    found = re.search(r"cw-state--(\w+)", html)
    assert found is not None
    return found.group(1)


def test_an_amendment_after_approval_is_previewed_as_material_before_it_is_saved(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo")
    approved = next(i for i in request_ids(sender) if _state(sender.get(f"/requests/{i}").text) == "approved")
    page = sender.get(f"/requests/{approved}/flight")
    form = {name: value for name, value in re.findall(r'id="([^"]+)" name="\1"[^>]*? value="([^"]*)"', page.text)}
    form.update(csrf_token=csrf_token(page.text), category="civil_charter", registration="N777ZZ")
    form["based_on"] = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    preview = sender.post(f"/requests/{approved}/flight", data=form)
    assert preview.status_code == 200
    assert 'id="amendment-preview"' in preview.text
    assert "This change is material" in preview.text
    assert _state(sender.get(f"/requests/{approved}").text) == "approved"  # nothing saved by the preview
    saved = sender.post(f"/requests/{approved}/flight", data={**form, "confirm": "yes"})
    assert "The change is material" in saved.text
    assert _state(saved.text) == "submitted"


def _surnames() -> set[str]:
    """Every surname of the demo's manifests (they are all drawn from the demo's template rows)."""
    text = (files("clearway") / "demo_data" / "manifest-clean.csv").read_text(encoding="utf-8")
    return {line.split(",")[1] for line in text.splitlines()[1:] if line}


def _mexican_flights_of_the_monitor(app: object) -> tuple[TestClient, list[str]]:
    observer = signed_in(app, "officer@monitor.demo")
    mexico = set(request_ids(signed_in(app, "officer@mex.demo")))
    return observer, [i for i in request_ids(observer) if i in mexico]


def test_an_observer_whose_grant_excludes_personal_data_sees_no_name_and_cannot_reveal(app: object) -> None:
    observer, flights = _mexican_flights_of_the_monitor(app)
    assert flights, "the demo grants the monitor the sender's USA-MEX flights without personal data"
    page = observer.get(f"/requests/{flights[0]}")
    assert page.status_code == 200
    assert 'id="no-personal-data"' in page.text and 'id="reveal-personal-data"' not in page.text
    assert not {name for name in _surnames() if name in page.text}
    asked = observer.get(f"/requests/{flights[0]}?personal=shown")
    assert asked.status_code == 403
    assert not {name for name in _surnames() if name in asked.text}


def test_an_observer_whose_grant_includes_personal_data_may_reveal_it(app: object) -> None:
    observer = signed_in(app, "officer@monitor.demo")
    guatemala = set(request_ids(signed_in(app, "officer@gtm.demo")))
    granted = [i for i in request_ids(observer) if i in guatemala]
    page = observer.get(f"/requests/{granted[0]}?personal=shown")
    assert page.status_code == 200
    assert {name for name in _surnames() if name in page.text}


def _draft_after_the_question(app: object) -> tuple[str, int]:
    """A Mexican flight awaiting information, with a new version the sender saved and has not resubmitted."""
    sender = signed_in(app, "officer@usa.demo")
    mexico = set(request_ids(signed_in(app, "officer@mex.demo")))
    waiting = next(
        i for i in request_ids(sender) if i in mexico and _state(sender.get(f"/requests/{i}").text) == "info_requested"
    )
    page = sender.get(f"/requests/{waiting}/flight")
    form = {name: value for name, value in re.findall(r'id="([^"]+)" name="\1"[^>]*? value="([^"]*)"', page.text)}
    form.update(csrf_token=csrf_token(page.text), category="civil_charter", registration="N777ZZ", confirm="yes")
    form["based_on"] = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    saved = sender.post(f"/requests/{waiting}/flight", data=form)
    assert saved.status_code == 200, saved.text
    return waiting, int(form["based_on"]) + 1


def test_the_receiving_side_cannot_open_a_version_never_put_before_it(app: object) -> None:
    public_id, draft = _draft_after_the_question(app)
    receiver = signed_in(app, "officer@mex.demo")
    assert receiver.get(f"/requests/{public_id}?version={draft}").status_code == 404
    assert receiver.get(f"/requests/{public_id}?version={draft}&personal=shown").status_code == 404
    shown = receiver.get(f"/requests/{public_id}")
    assert shown.status_code == 200 and "N777ZZ" not in shown.text


CLEARED = ("approved", "approved_restricted")


def _approved_flight(app: object) -> tuple[TestClient, str]:
    """A flight cleared with or without restrictions that no test has amended yet (the tests of a module
    share its demo, which has five; each amendment sends one back to the receiving side)."""
    sender = signed_in(app, "officer@usa.demo")
    approved = next(i for i in request_ids(sender) if _state(sender.get(f"/requests/{i}").text) in CLEARED)
    return sender, approved


def _post_manifest(sender: TestClient, public_id: str, content: bytes) -> object:
    page = sender.get(f"/requests/{public_id}")
    based_on = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    return sender.post(
        f"/requests/{public_id}/manifest",
        data={"csrf_token": csrf_token(page.text), "based_on": based_on, "state": "approved"},
        files={"manifest": ("replacement.csv", content, "text/csv")},
    )


def test_a_manifest_replacing_an_approved_one_is_previewed_and_saved_only_when_confirmed(app: object) -> None:
    sender, approved = _approved_flight(app)
    number = re.search(r"/versions/(\d+)/files/csv", sender.get(f"/requests/{approved}").text).group(1)  # type: ignore[union-attr]
    current = sender.get(f"/requests/{approved}/versions/{number}/files/csv").text
    header, *lines = current.splitlines()
    columns = header.split(",")
    # A new identity for a passenger without an MRZ (a renamed MRZ holder would be an error to justify).
    index = next(i for i, line in enumerate(lines) if not line.split(",")[columns.index("mrz")])
    surname = lines[index].split(",")[columns.index("surname")]
    lines[index] = lines[index].replace(surname, surname + "-RENAMED", 1)
    replacement = "\n".join([header, *lines]).encode()
    preview = _post_manifest(sender, approved, replacement)
    assert preview.status_code == 200  # type: ignore[attr-defined]
    assert 'id="amendment-preview"' in preview.text and "This change is material" in preview.text  # type: ignore[attr-defined]
    assert _state(sender.get(f"/requests/{approved}").text) in CLEARED  # nothing saved by the preview
    carried = re.search(r'name="manifest_carried" value="([^"]+)"', preview.text).group(1)  # type: ignore[attr-defined,union-attr]
    form = dict(re.findall(r'name="(based_on|state|confirm|manifest_name)" value="([^"]*)"', preview.text))  # type: ignore[attr-defined]
    confirmed = sender.post(
        f"/requests/{approved}/manifest",
        data={**form, "csrf_token": csrf_token(preview.text), "manifest_carried": carried},  # type: ignore[attr-defined]
    )
    assert confirmed.status_code == 200
    assert _state(confirmed.text) == "submitted"
    assert surname + "-RENAMED" in sender.get(f"/requests/{approved}?personal=shown").text


def test_a_preview_file_sent_back_altered_is_refused_with_a_message(app: object) -> None:
    sender, approved = _approved_flight(app)
    page = sender.get(f"/requests/{approved}")
    response = sender.post(
        f"/requests/{approved}/manifest",
        data={"csrf_token": csrf_token(page.text), "confirm": "yes", "manifest_carried": "not base64!"},
    )
    assert response.status_code == 422
    assert "Choose the manifest file again" in response.text
    assert _state(sender.get(f"/requests/{approved}").text) in CLEARED


def _access_lines(client: TestClient, public_id: str) -> int:
    return client.get(f"/requests/{public_id}/timeline").text.split('id="access-heading"')[1].count("<tr><td>")


def test_the_paperwork_of_a_version_downloads_from_its_page_and_each_download_is_logged(app: object) -> None:
    receiver = signed_in(app, "officer@mex.demo")
    # Departed: cleared and flown (the approved ones are amended by the tests before this one).
    public_id = next(i for i in request_ids(receiver) if _state(receiver.get(f"/requests/{i}").text) == "departed")
    page = receiver.get(f"/requests/{public_id}").text
    links = re.findall(r'href="(/requests/[^"]+/versions/\d+/(?:annex9\.pdf|files/[a-z-]+))"', page)
    assert len(links) == 5, links
    before = _access_lines(receiver, public_id)
    for link in links:
        downloaded = receiver.get(link)
        assert downloaded.status_code == 200, link
        assert downloaded.headers["content-disposition"].startswith("attachment;")
        assert downloaded.headers["cache-control"] == "no-store"
    assert receiver.get(links[0]).content.startswith(b"%PDF")
    assert _access_lines(receiver, public_id) == before + len(links) + 1  # the PDF was read twice


def test_paperwork_is_not_offered_nor_served_without_personal_data(app: object) -> None:
    observer, flights = _mexican_flights_of_the_monitor(app)
    page = observer.get(f"/requests/{flights[0]}").text
    assert 'id="paperwork"' not in page
    version = re.search(r"Version (\d+) of", page).group(1)  # type: ignore[union-attr]
    assert observer.get(f"/requests/{flights[0]}/versions/{version}/annex9.pdf").status_code == 403
    assert observer.get(f"/requests/{flights[0]}/versions/{version}/files/csv").status_code == 403
    assert observer.get(f"/requests/{flights[0]}/versions/x/files/csv").status_code == 404


def test_a_replaced_manifest_with_errors_goes_back_only_with_a_justification(app: object) -> None:
    sender, approved = _approved_flight(app)
    number = re.search(r"/versions/(\d+)/files/csv", sender.get(f"/requests/{approved}").text).group(1)  # type: ignore[union-attr]
    header, *lines = sender.get(f"/requests/{approved}/versions/{number}/files/csv").text.splitlines()
    columns = header.split(",")
    index = next(i for i, line in enumerate(lines) if line.split(",")[columns.index("mrz")])
    surname = lines[index].split(",")[columns.index("surname")]
    lines[index] = lines[index].replace(surname, surname + "X", 1)  # no longer what the MRZ says: an error
    preview = _post_manifest(sender, approved, "\n".join([header, *lines]).encode())
    assert 'id="justification"' in preview.text  # type: ignore[attr-defined]
    form = dict(
        re.findall(r'name="(based_on|state|confirm|manifest_name|manifest_carried)" value="([^"]*)"', preview.text)
    )  # type: ignore[attr-defined]
    form["csrf_token"] = csrf_token(preview.text)  # type: ignore[attr-defined]
    refused = sender.post(f"/requests/{approved}/manifest", data=form)
    assert refused.status_code == 409 and "MRZ_MISMATCH" in refused.text
    assert _state(sender.get(f"/requests/{approved}").text) in CLEARED
    justified = sender.post(
        f"/requests/{approved}/manifest", data={**form, "justification": "The passport was renewed; MRZ to follow."}
    )
    assert justified.status_code == 200 and _state(justified.text) == "submitted"
    assert "The passport was renewed; MRZ to follow." in sender.get(f"/requests/{approved}").text


# Notifications: endpoints, deliveries, feeds (admins) and each user's e-mail choice.


def _form_post(client: TestClient, page: str, action: str, data: dict[str, object]) -> object:
    token = csrf_token(client.get(page).text)
    return client.post(action, data={"csrf_token": token, **data})


def test_only_admins_manage_notifications(app: object) -> None:
    assert signed_in(app, "officer@mex.demo").get("/admin/notifications").status_code == 403
    admin = signed_in(app, "admin@mex.demo")
    page = admin.get("/admin/notifications")
    assert page.status_code == 200 and 'id="endpoints"' in page.text and 'href="/admin/notifications"' in page.text
    assert 'href="/admin/notifications"' not in signed_in(app, "officer@mex.demo").get("/flights").text


def test_a_webhook_endpoint_is_registered_its_secret_shown_once_and_disabled(app: object) -> None:
    admin = signed_in(app, "admin@mex.demo")
    registered = _form_post(
        admin,
        "/admin/notifications",
        "/admin/notifications/endpoints",
        {
            "url": "https://93.184.216.34/clearway",
            "description": "Reception planning",
            "event_types": ["decision.made"],
        },
    )
    assert registered.status_code == 200  # type: ignore[attr-defined]
    secret = re.search(r'id="new-secret" readonly value="(whsec_[^"]+)"', registered.text)  # type: ignore[attr-defined]
    assert secret is not None
    again = admin.get("/admin/notifications").text
    assert secret.group(1) not in again and "https://93.184.216.34/clearway" in again
    # The disable button of this endpoint's row (other tests of the module register endpoints too).
    row = re.search(r"<code>https://93\.184\.216\.34/clearway</code>.*?/endpoints/([^/\"]+)/disable", again, re.S)
    assert row is not None
    endpoint = row.group(1)
    disabled = _form_post(admin, "/admin/notifications", f"/admin/notifications/endpoints/{endpoint}/disable", {})
    assert disabled.status_code == 200 and "Nothing more is sent to https://93.184.216.34/clearway" in disabled.text  # type: ignore[attr-defined]


def test_an_endpoint_on_a_private_address_is_refused_beside_its_field(app: object) -> None:
    admin = signed_in(app, "admin@mex.demo")
    refused = _form_post(
        admin, "/admin/notifications", "/admin/notifications/endpoints", {"url": "http://127.0.0.1:9/hook"}
    )
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert 'id="url-error"' in refused.text and 'value="http://127.0.0.1:9/hook"' in refused.text  # type: ignore[attr-defined]


def test_a_dead_letter_is_listed_and_replayed_with_the_same_webhook_id(app: object) -> None:
    from sqlalchemy import select

    from clearway.store.models import (
        Channel,
        MessageStatus,
        Organisation,
        OutboxEvent,
        OutboxMessage,
        WebhookEndpoint,
    )

    engine = app.state.engine  # type: ignore[attr-defined]
    with session_scope(engine) as session:
        mexico = session.scalars(select(Organisation).where(Organisation.country == "MEX")).one()
        endpoint = WebhookEndpoint(
            organisation_id=mexico.id, url="https://93.184.216.34/dead", event_types=[], encrypted_secret="x"
        )
        event = OutboxEvent(type="decision.made", body={"type": "decision.made"})
        session.add_all([endpoint, event])
        session.flush()
        dead = OutboxMessage(
            event_id=event.id,
            organisation_id=mexico.id,
            channel=Channel.WEBHOOK,
            endpoint_id=endpoint.id,
            status=MessageStatus.DEAD,
            attempts=8,
            last_status_code=503,
        )
        session.add(dead)
        session.flush()
        webhook_id = dead.message_id
    admin = signed_in(app, "admin@mex.demo")
    listed = admin.get("/admin/notifications?status=dead").text
    assert webhook_id in listed and "HTTP 503" in listed
    replayed = _form_post(admin, "/admin/notifications", f"/admin/notifications/deliveries/{webhook_id}/replay", {})
    assert f"Message {webhook_id} is queued again" in replayed.text  # type: ignore[attr-defined]
    assert webhook_id in admin.get("/admin/notifications?status=pending").text
    assert webhook_id not in admin.get("/admin/notifications?status=dead").text
    assert signed_in(app, "admin@gtm.demo").post(
        f"/admin/notifications/deliveries/{webhook_id}/replay",
        data={"csrf_token": csrf_token(signed_in(app, "admin@gtm.demo").get("/admin/notifications").text)},
    ).status_code in (403, 404)


def test_a_calendar_feed_address_is_shown_once_serves_ics_and_stops_when_revoked(app: object) -> None:
    admin = signed_in(app, "admin@mex.demo")
    created = _form_post(admin, "/admin/notifications", "/admin/notifications/feeds", {"feed_name": "Tijuana"})
    address = re.search(r'id="new-feed" readonly value="([^"]+)"', created.text).group(1)  # type: ignore[attr-defined,union-attr]
    path = "/" + address.split("/", 3)[3]
    feed = TestClient(app).get(path)  # type: ignore[arg-type]
    assert feed.status_code == 200 and feed.text.startswith("BEGIN:VCALENDAR")
    feed_id = re.findall(r"/admin/notifications/feeds/(\d+)/revoke", admin.get("/admin/notifications").text)[-1]
    _form_post(admin, "/admin/notifications", f"/admin/notifications/feeds/{feed_id}/revoke", {})
    assert TestClient(app).get(path).status_code == 404  # type: ignore[arg-type]


def test_a_user_chooses_the_events_and_language_of_their_e_mails(app: object) -> None:
    officer = signed_in(app, "officer@mex.demo", lang="es")
    saved = _form_post(
        officer, "/account/email", "/account/email", {"event_types": ["request.submitted"], "language": "es"}
    )
    assert "Sus preferencias de correo están guardadas." in saved.text  # type: ignore[attr-defined]
    page = officer.get("/account/email").text
    assert re.search(r'value="request.submitted" checked', page) and '<option value="es" selected>' in page
    refused = _form_post(officer, "/account/email", "/account/email", {"event_types": ["no.such"], "language": "es"})
    assert refused.status_code == 422  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", ["..", ".", "a\x00b.csv", "..\\..\\evil.csv", "/etc/passwd"])
def test_a_manifest_file_name_that_is_no_file_name_is_still_read(app: object, name: str) -> None:
    sender = signed_in(app, "officer@usa.demo")
    draft = next(i for i in request_ids(sender) if _state(sender.get(f"/requests/{i}").text) == "draft")
    page = sender.get(f"/requests/{draft}")
    based_on = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    content = b"seq,surname\n1,X\n"
    response = sender.post(
        f"/requests/{draft}/manifest",
        data={"csrf_token": csrf_token(page.text), "based_on": based_on, "state": "draft"},
        files={"manifest": (name, content, "text/csv")},
    )
    assert response.status_code in (200, 422), response.text[:300]


def test_a_row_amendment_refused_for_its_errors_keeps_the_preview_and_goes_back_when_justified(app: object) -> None:
    sender, approved = _approved_flight(app)
    page = sender.get(f"/requests/{approved}?personal=shown").text
    number = re.search(r"/versions/(\d+)/files/csv", page).group(1)  # type: ignore[union-attr]
    header, *lines = sender.get(f"/requests/{approved}/versions/{number}/files/csv").text.splitlines()
    columns = header.lstrip("\ufeff").split(",")  # the CSV starts with a byte-order mark for spreadsheets
    row = next(line.split(",") for line in lines if line.split(",")[columns.index("mrz")])
    seq = row[columns.index("seq")]
    edit = sender.get(f"/requests/{approved}/rows/{seq}/edit").text
    values = dict(re.findall(r'id="([a-z_]+)" name="\1" type="text" value="([^"]*)"', edit))
    values["surname"] += "X"  # no longer what the MRZ says: an error
    form = {**values, "csrf_token": csrf_token(edit)}
    form["based_on"] = re.search(r'name="based_on" value="(\d+)"', edit).group(1)  # type: ignore[union-attr]
    preview = sender.post(f"/requests/{approved}/rows/{seq}", data=form)
    assert 'id="amendment-preview"' in preview.text and 'id="justification"' in preview.text
    refused = sender.post(f"/requests/{approved}/rows/{seq}", data={**form, "confirm": "yes"})
    assert refused.status_code == 409
    assert 'id="amendment-preview"' in refused.text and 'id="justification"' in refused.text
    justified = sender.post(
        f"/requests/{approved}/rows/{seq}", data={**form, "confirm": "yes", "justification": "New passport issued."}
    )
    assert justified.status_code == 200 and _state(justified.text) == "submitted"


def _new_draft(sender: TestClient, reference: str) -> str:
    """A new flight of the sending side, arriving in Tijuana in 20 days, with no manifest yet."""
    page = sender.get("/flights/new").text
    day = (datetime.now(UTC) + timedelta(days=20)).strftime("%Y-%m-%d")
    form = {
        "csrf_token": csrf_token(page),
        "reference": reference,
        "receiving_country": "MEX",
        "operator": "Test Air",
        "aircraft_type": "B738",
        "registration": "N123TA",
        "callsign": "TST123",
        "category": "civil_charter",
        "seats": "180",
        "leg0_from": "KHRL",
        "leg0_departure": f"{day}T14:00",
        "leg0_to": "MMTJ",
        "leg0_arrival": f"{day}T18:00",
        "declared_passengers": "1",
        "crew": "6",
        "escorts": "1",
        "medical_staff": "1",
        "monitors": "1",
    }
    created = sender.post("/flights/new", data=form, follow_redirects=False)
    assert created.status_code == 303, created.text[:500]
    found = re.fullmatch(r"/requests/([0-9a-f-]{36}).*", created.headers["location"])
    assert found is not None, created.headers["location"]
    return found.group(1)


def _upload_to_a_draft(sender: TestClient, content: bytes) -> str:
    """The draft's page after its manifest is replaced by ``content`` (personal data shown)."""
    draft = next(i for i in request_ids(sender) if _state(sender.get(f"/requests/{i}").text) == "draft")
    return _upload_to(sender, draft, content)


def _upload_to(sender: TestClient, draft: str, content: bytes) -> str:
    page = sender.get(f"/requests/{draft}")
    based_on = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    response = sender.post(
        f"/requests/{draft}/manifest",
        data={"csrf_token": csrf_token(page.text), "based_on": based_on, "state": "draft"},
        files={"manifest": ("manifest.csv", content, "text/csv")},
    )
    assert response.status_code == 200, response.text[:300]
    return response.text


def _first_demo_row() -> tuple[str, list[str]]:
    """The header and the first row's cells of the demo's clean manifest."""
    header, first = (files("clearway") / "demo_data" / "manifest-clean.csv").read_text("utf-8").splitlines()[:2]
    return header, first.split(",")


def _a_draft_with_no_such_date_of_birth(sender: TestClient) -> str:
    """A draft's page (personal data shown) once its manifest is one row born on 30 February."""
    header, cells = _first_demo_row()
    cells[5] = "1979-02-30"
    return _upload_to_a_draft(sender, "\n".join([header, ",".join(cells)]).encode())


def _row(html: str, key: str) -> str:
    found = re.search(rf'<tr id="row-{key}"[^>]*>.*?</tr>', html, re.S)
    assert found is not None, f"no row {key}"
    return found.group(0)


def test_a_row_written_with_a_zero_padded_seq_shows_its_findings_beside_it(app: object) -> None:
    header, cells = _first_demo_row()
    cells[0], cells[5] = "007", "1979-02-30"  # no such day: an error about this passenger
    html = _upload_to_a_draft(signed_in(app, "officer@usa.demo"), "\n".join([header, ",".join(cells)]).encode())
    row = _row(html, "7")
    assert "cw-row--error" in row and "cw-finding--error" in row
    assert re.search(r'<a href="#row-7">Passenger 7</a>', html)  # the pre-check panel links to that row


def test_a_name_in_the_manifest_is_shown_as_text_never_as_markup(app: object) -> None:
    header, cells = _first_demo_row()
    cells[1], cells[3] = "<img src=x onerror=alert(1)>", "Ana & <b>Eva</b>"
    html = _upload_to_a_draft(signed_in(app, "officer@usa.demo"), "\n".join([header, ",".join(cells)]).encode())
    row = _row(html, "1")
    assert "<img" not in row and "<b>" not in row
    assert "&lt;img src=x onerror=" in row and "Ana &amp; &lt;b&gt;Eva&lt;/b&gt;" in row


def test_a_row_s_edit_form_puts_each_error_beside_the_field_it_names_and_focuses_it(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo")
    html = _a_draft_with_no_such_date_of_birth(sender)
    edit = re.search(r'href="(/requests/[0-9a-f-]{36}/rows/1/edit)"', html).group(1)  # type: ignore[union-attr]
    form = sender.get(edit, headers={"HX-Request": "true"}).text
    birth = re.search(r'<input class="usa-input[^"]*" id="date_of_birth"[^>]*>', form).group(0)  # type: ignore[union-attr]
    assert "usa-input--error" in birth and "autofocus" in birth
    assert re.search(r'id="date_of_birth-error" role="alert">[^<]*1979-02-30', form)
    surname = re.search(r'<input class="usa-input[^"]*" id="surname"[^>]*>', form).group(0)  # type: ignore[union-attr]
    assert "usa-input--error" not in surname and "autofocus" not in surname


def _ask_for_information(receiver: TestClient, public_id: str, questions: str) -> Any:
    """The receiving side's decision form posted to ask for information (the answer due in 2099)."""
    page = receiver.get(f"/requests/{public_id}").text
    form = {"csrf_token": csrf_token(page), "action": "request_info", "decision_text": questions}
    return receiver.post(f"/requests/{public_id}/decision", data={**form, "reply_by": "2099-01-01T12:00"})


def test_a_refusal_on_a_page_names_the_page_s_field_not_the_api_s(app: object) -> None:
    receiver = signed_in(app, "officer@mex.demo")
    inbox = receiver.get("/inbox").text
    waiting = re.findall(r'href="/requests/([0-9a-f-]{36})"', inbox)
    submitted = next(i for i in waiting if _state(receiver.get(f"/requests/{i}").text) == "submitted")
    refused = _ask_for_information(receiver, submitted, "")
    assert refused.status_code == 422
    beside = re.search(r'id="decision_text-error" role="alert">([^<]*)<', refused.text)
    assert beside is not None and beside.group(1) == "Write your questions for the sending side."
    assert "'text'" not in refused.text


def test_with_personal_data_hidden_a_passenger_s_finding_says_what_is_wrong_and_names_nobody(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo")
    shown = _a_draft_with_no_such_date_of_birth(sender)
    draft = re.search(r'href="/requests/([0-9a-f-]{36})/rows/1/edit"', shown).group(1)  # type: ignore[union-attr]
    row = _row(sender.get(f"/requests/{draft}").text, "1")
    assert "FIELD_FORMAT_INVALID</span> Value that cannot be read</p>" in row
    assert "1979-02-30" not in row


def test_a_finding_about_the_flight_links_to_it_in_the_flight_form_s_words(app: object) -> None:
    header, cells = _first_demo_row()
    html = _upload_to_a_draft(signed_in(app, "officer@usa.demo"), "\n".join([header, ",".join(cells)]).encode())
    assert '<a href="#flight-heading">Flight: Passengers (returnees) declared</a>' in html  # one row, more declared
    assert "people.declared_passengers</a>" not in html


def _receiver_flight_in(app: object, state: str) -> tuple[TestClient, str, str]:
    receiver = signed_in(app, "officer@mex.demo")
    ids = sorted(set(re.findall(r'href="/requests/([0-9a-f-]{36})"', receiver.get("/flights").text)))
    for public_id in ids:
        page = receiver.get(f"/requests/{public_id}").text
        if _state(page) == state:
            return receiver, public_id, page
    raise AssertionError(f"the demo has no {state} flight for Mexico")


def test_the_reception_form_names_each_passenger_masked_until_revealed(app: object) -> None:
    receiver, arrived, page = _receiver_flight_in(app, "arrived")
    form = re.search(r'<form[^>]*id="reception".*?</form>', page, re.S).group(0)  # type: ignore[union-attr]
    assert form.count('<span class="cw-masked">') == form.count('type="radio"') // 2 > 0
    revealed = receiver.get(f"/requests/{arrived}?personal=shown").text
    form = re.search(r'<form[^>]*id="reception".*?</form>', revealed, re.S).group(0)  # type: ignore[union-attr]
    assert '<span class="cw-masked">' not in form and any(name in form for name in _surnames())


def test_after_the_reception_each_row_says_received_or_not_on_board(app: object) -> None:
    _, _, page = _receiver_flight_in(app, "closed")
    tags = re.findall(
        r'<tr id="row-[^"]+"[^>]*><th scope="row">[^<]*<span class="usa-tag cw-tag-(received|excluded)">', page
    )
    assert tags and "received" in tags


def test_an_empty_flight_form_lists_each_problem_by_its_field_in_the_page_s_order(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo")
    page = sender.get("/flights/new").text
    refused = sender.post("/flights/new", data={"csrf_token": csrf_token(page)})
    assert refused.status_code == 422
    summary = re.search(r'id="error-summary".*?</ul>', refused.text, re.S).group(0)  # type: ignore[union-attr]
    linked = re.findall(r'<a href="#([a-z0-9_]+)">([^<]+)</a>', summary)
    fields = [name for name, _ in linked]
    messages = [message for _, message in linked]
    assert len(set(messages)) == len(messages), "two problems read the same: which field is which?"
    fields_on_the_page = re.findall(r'<(?:input|select) class="usa-[a-z]+[^"]*" id="([a-z0-9_]+)"', refused.text)
    assert fields == [name for name in fields_on_the_page if name in fields]


def test_answering_a_question_offers_the_justification_written_with_the_submission(app: object) -> None:
    header, cells = _first_demo_row()
    cells[5] = "1979-02-30"  # an error, submitted anyway
    sender = signed_in(app, "officer@usa.demo")
    draft = _new_draft(sender, "RF-TEST-JUSTIFIED")
    html = _upload_to(sender, draft, "\n".join([header, ",".join(cells)]).encode())
    assert "cw-row--error" in html
    reason = "The passport office confirms the date; a corrected MRZ follows."
    page = sender.get(f"/requests/{draft}").text
    sender.post(f"/requests/{draft}/submit", data={"csrf_token": csrf_token(page), "justification": reason})
    receiver = signed_in(app, "officer@mex.demo")
    asked = _ask_for_information(receiver, draft, "Which date of birth is right?")
    assert _state(asked.text) == "info_requested"
    answer_form = re.search(r'action="/requests/[^"]+/answer".*?</form>', sender.get(f"/requests/{draft}").text, re.S)
    assert answer_form is not None
    assert re.search(rf'<textarea[^>]*id="justification"[^>]*>{re.escape(reason)}</textarea>', answer_form.group(0))


def test_an_amendment_s_preview_names_each_change_in_the_form_s_words(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo", lang="es")
    _, approved = _approved_flight(app)
    page = sender.get(f"/requests/{approved}/flight")
    form = {name: value for name, value in re.findall(r'id="([^"]+)" name="\1"[^>]*? value="([^"]*)"', page.text)}
    form.update(csrf_token=csrf_token(page.text), category="civil_charter", registration="N777ZZ")
    form["based_on"] = re.search(r'name="based_on" value="(\d+)"', page.text).group(1)  # type: ignore[union-attr]
    arrival = datetime.fromisoformat(form["leg0_arrival"]) + timedelta(hours=3)
    form["leg0_arrival"] = arrival.strftime("%Y-%m-%dT%H:%M")
    preview = re.search(
        r'id="amendment-preview".*?</section>', sender.post(f"/requests/{approved}/flight", data=form).text, re.S
    )
    assert preview is not None
    shown = preview.group(0)
    assert "<li>Matrícula: cambió</li>" in shown and "<li>Llegada (tramo 1): movido 180 min</li>" in shown
    assert '<th scope="row">Matrícula</th>' in shown and '<th scope="row">Llegada (tramo 1)</th>' in shown
    assert "aircraft.registration" not in shown and "legs[0]" not in shown
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", shown)  # moments in the language, not ISO 8601


def _grant(admin: TestClient, **fields: str) -> object:
    page = admin.get("/admin/users").text
    return admin.post("/admin/grants", data={"csrf_token": csrf_token(page), **fields})


def test_an_admin_grants_an_observer_one_request_with_its_personal_data(app: object) -> None:
    admin = signed_in(app, "admin@usa.demo")
    sender = signed_in(app, "officer@usa.demo")
    # A flight to Guatemala, whose flights the monitor already sees whole: other tests' grants stay as they are.
    listing = sender.get("/flights").text
    reference = re.search(r'href="/requests/[0-9a-f-]{36}">(RF-[^<]+)</a></th>(?:(?!</tr>).)*GTM', listing, re.S).group(
        1
    )  # type: ignore[union-attr]
    granted = _grant(
        admin, observer="Independent Flight Monitor (demo)", request_reference=reference, personal_data="yes"
    )
    row = re.search(
        rf"<tr><th scope=\"row\">Independent Flight Monitor \(demo\)</th><td>{reference}</td><td>([^<]+)</td>",
        granted.text,
    )  # type: ignore[attr-defined]
    assert row is not None and row.group(1) == "Included"


def test_a_grant_for_a_reference_that_does_not_exist_is_said_beside_the_field(app: object) -> None:
    refused = _grant(
        signed_in(app, "admin@usa.demo"), observer="Independent Flight Monitor (demo)", request_reference="RF-NO-SUCH"
    )
    assert refused.status_code == 422  # type: ignore[attr-defined]
    beside = re.search(r'id="request_reference-error" role="alert">([^<]+)<', refused.text)  # type: ignore[attr-defined]
    assert beside is not None and beside.group(1) == "None of your requests has the reference RF-NO-SUCH."
    assert 'value="RF-NO-SUCH"' in refused.text  # type: ignore[attr-defined]


def test_a_revoked_clearance_is_said_first_in_red_with_its_reasons(app: object) -> None:
    _, _, page = _receiver_flight_in(app, "revoked")
    banner = re.search(
        r'<div class="usa-alert usa-alert--error[^"]*"[^>]*id="clearance-revoked">.*?</div>\s*</div>', page, re.S
    )
    assert banner is not None
    assert "is revoked" in banner.group(0) and "Revoked on" in banner.group(0)
    assert page.index('id="clearance-revoked"') < page.index('id="clearance-heading"')


def test_the_e_mail_language_is_the_page_s_until_the_user_chooses(app: object) -> None:
    officer = signed_in(app, "viewer@mex.demo", lang="es")
    page = officer.get("/account/email").text
    assert '<option value="es" selected>' in page


def test_a_cancelled_request_says_why_it_was_cancelled(app: object) -> None:
    sender = signed_in(app, "officer@usa.demo")
    draft = _new_draft(sender, "RF-TEST-CANCELLED")
    page = sender.get(f"/requests/{draft}").text
    reason = "The charter was cancelled by the operator."
    cancelled = sender.post(f"/requests/{draft}/cancel", data={"csrf_token": csrf_token(page), "reason": reason})
    assert _state(cancelled.text) == "cancelled"
    assert re.search(
        rf'<h2 class="usa-alert__heading">Cancelled by the sending side</h2>\s*<p class="usa-alert__text">{reason}</p>',
        cancelled.text,
    )
    assert "put right what was refused" not in cancelled.text
