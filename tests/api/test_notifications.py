"""Notifications through the API: endpoints with a secret shown once, deliveries and dead
letters with replay, one's own e-mail choices, calendar feeds behind a revocable secret URL."""

from __future__ import annotations

from typing import Any

from icalendar import Calendar

from clearway.domain.workflow import Role
from clearway.services import outbox
from clearway.store.db import session_scope
from clearway.store.models import utcnow
from tests.api.conftest import envelope
from tests.api.support import API, World

HOOK = "https://127.0.0.1/hook"


def fan_out(world: World) -> None:
    """What a worker does first: find each new event's recipients."""
    with session_scope(world.engine) as session:
        outbox.fan_out(session, utcnow(), lock=False)


def admin(world: World, org: str = "receiver") -> dict[str, str]:
    return world[(org, Role.ADMIN)].headers


def test_an_endpoint_is_registered_with_its_secret_shown_once(client: Any, world: World) -> None:
    created = client.post(
        f"{API}/webhooks/endpoints", json={"url": HOOK, "event_types": ["decision.made"]}, headers=admin(world)
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["secret"].startswith("whsec_") and body["event_types"] == ["decision.made"]
    listed = client.get(f"{API}/webhooks/endpoints", headers=admin(world)).json()["items"]
    assert [item["id"] for item in listed] == [body["id"]]
    assert "secret" not in listed[0]


def test_an_endpoint_must_be_https_outside_development(client: Any, world: World) -> None:
    refused = client.post(f"{API}/webhooks/endpoints", json={"url": "http://127.0.0.1/hook"}, headers=admin(world))
    assert refused.status_code == 422
    assert envelope(refused)["details"]["message_key"] == "notify.url_scheme"


def test_an_unknown_event_type_is_refused_by_name(client: Any, world: World) -> None:
    refused = client.post(
        f"{API}/webhooks/endpoints", json={"url": HOOK, "event_types": ["request.eaten"]}, headers=admin(world)
    )
    assert refused.status_code == 422


def test_a_submission_shows_up_in_the_receivers_deliveries(client: Any, world: World) -> None:
    client.post(f"{API}/webhooks/endpoints", json={"url": HOOK}, headers=admin(world))
    public_id = world.drive("submitted")
    fan_out(world)
    page = client.get(f"{API}/webhooks/deliveries", headers=admin(world)).json()
    assert page["total"] == 1
    [item] = page["items"]
    assert (item["event_type"], item["request_id"], item["status"]) == ("request.submitted", public_id, "pending")
    assert client.get(f"{API}/webhooks/deliveries?status=dead", headers=admin(world)).json()["total"] == 0
    # Another organisation sees none of it.
    assert client.get(f"{API}/webhooks/deliveries", headers=admin(world, "sender")).json()["total"] == 0


def test_replaying_what_is_not_a_dead_letter_is_a_conflict(client: Any, world: World) -> None:
    client.post(f"{API}/webhooks/endpoints", json={"url": HOOK}, headers=admin(world))
    world.drive("submitted")
    fan_out(world)
    [item] = client.get(f"{API}/webhooks/deliveries", headers=admin(world)).json()["items"]
    refused = client.post(f"{API}/webhooks/deliveries/{item['message_id']}/replay", headers=admin(world))
    assert (refused.status_code, envelope(refused)["code"]) == (409, "conflict")


def test_email_choices_are_ones_own(client: Any, world: World) -> None:
    me = world[("receiver", Role.VIEWER)].headers
    assert client.get(f"{API}/notifications/email", headers=me).json() == {"language": "en", "event_types": []}
    saved = client.put(
        f"{API}/notifications/email", json={"language": "es", "event_types": ["decision.made"]}, headers=me
    )
    assert saved.json() == {"language": "es", "event_types": ["decision.made"]}
    assert client.get(f"{API}/notifications/email", headers=me).json()["language"] == "es"
    other = world[("receiver", Role.OFFICER)].headers
    assert client.get(f"{API}/notifications/email", headers=other).json()["event_types"] == []


def test_a_calendar_feed_answers_ics_until_it_is_revoked(client: Any, world: World) -> None:
    world.drive("submitted")
    created = client.post(f"{API}/calendar/feeds", json={"name": "Tijuana"}, headers=admin(world)).json()
    feed = client.get(created["path"])  # no sign-in: the secret address is the credential
    assert feed.status_code == 200 and feed.headers["content-type"].startswith("text/calendar")
    document = Calendar.from_ical(feed.content)
    assert len(document.walk("VEVENT")) == 1 and str(document["x-wr-calname"]) == "Tijuana"
    assert client.delete(f"{API}/calendar/feeds/{created['id']}", headers=admin(world)).status_code == 200
    gone = client.get(created["path"])
    assert (gone.status_code, envelope(gone)["code"]) == (404, "not_found")


def test_an_unknown_feed_secret_answers_404(client: Any) -> None:
    missing = client.get(f"{API}/calendar/cal_not-a-feed.ics")
    assert (missing.status_code, envelope(missing)["code"]) == (404, "not_found")
