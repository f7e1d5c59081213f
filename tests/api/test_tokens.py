"""Tokens and users under an admin's control: expiry, deactivation, and no probing across organisations."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from sqlalchemy import update

from clearway.domain.workflow import Role
from clearway.services import people
from clearway.store.db import session_scope
from clearway.store.models import ApiToken, User, utcnow
from tests.api.conftest import envelope
from tests.api.support import API, OPERATOR, World


def _new_token(client: Any, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    response = client.post(f"{API}/tokens", json={"name": "t", **body}, headers=headers)
    assert response.status_code == 201, response.text
    made: dict[str, Any] = response.json()
    return made


def test_a_token_may_be_given_an_expiry(client: Any, world: World) -> None:
    made = _new_token(client, world.officer.headers, expires_in_days=7)
    assert made["expires_at"] is not None
    headers = {"Authorization": f"Bearer {made['token']}"}
    assert client.get(f"{API}/requests", headers=headers).status_code == 200
    with session_scope(world.engine) as session:  # a week later
        session.execute(update(ApiToken).where(ApiToken.id == made["id"]).values(expires_at=utcnow() - timedelta(1)))
    assert client.get(f"{API}/requests", headers=headers).status_code == 401


def test_an_expiry_beyond_a_year_is_refused(client: Any, world: World) -> None:
    response = client.post(
        f"{API}/tokens", json={"name": "t", "expires_in_days": 10_000}, headers=world.officer.headers
    )
    assert (response.status_code, envelope(response)["code"]) == (422, "invalid")


def test_deactivating_a_user_revokes_every_token_they_hold(client: Any, world: World) -> None:
    viewer = world[("sender", Role.VIEWER)]
    extra = _new_token(client, viewer.headers)
    admin = world[("sender", Role.ADMIN)].headers
    response = client.post(f"{API}/users/{viewer.user_id}/deactivate", headers=admin)
    assert response.status_code == 200 and response.json()["active"] is False
    for token in (viewer.token, extra["token"]):
        assert client.get(f"{API}/requests", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    listed = client.get(f"{API}/tokens", params={"user_id": viewer.user_id}, headers=admin).json()["items"]
    assert listed and all(item["revoked_at"] is not None for item in listed)


def test_a_deactivated_user_cannot_sign_in(client: Any, world: World) -> None:
    with session_scope(world.engine) as session:
        organisation_id = session.get(User, world.officer.user_id).organisation_id  # type: ignore[union-attr]
        user = people.create_user(session, OPERATOR, organisation_id, "gone@sender.test", "G", Role.VIEWER, "p" * 12)
        user_id = user.id
    admin = world[("sender", Role.ADMIN)].headers
    assert client.post(f"{API}/users/{user_id}/deactivate", headers=admin).status_code == 200
    refused = client.post(f"{API}/session", json={"email": "gone@sender.test", "password": "p" * 12})
    assert (refused.status_code, envelope(refused)["details"]["message_key"]) == (401, "service.bad_login")


def test_an_admin_cannot_deactivate_themselves(client: Any, world: World) -> None:
    admin = world[("sender", Role.ADMIN)]
    response = client.post(f"{API}/users/{admin.user_id}/deactivate", headers=admin.headers)
    assert response.status_code == 409


def _answer(response: Any) -> tuple[int, str, str]:
    error = envelope(response)
    return response.status_code, error["code"], error["details"]["message_key"]


def test_another_organisations_token_answers_as_a_missing_one(client: Any, world: World) -> None:
    theirs = _new_token(client, world[("receiver", Role.OFFICER)].headers)["id"]
    missing = 2**31 - 1
    admin = world[("sender", Role.ADMIN)].headers
    for headers in (admin, world.officer.headers):
        assert _answer(client.delete(f"{API}/tokens/{theirs}", headers=headers)) == _answer(
            client.delete(f"{API}/tokens/{missing}", headers=headers)
        )


def test_a_colleagues_token_answers_as_a_missing_one_to_a_non_admin(client: Any, world: World) -> None:
    colleagues = _new_token(client, world[("sender", Role.VIEWER)].headers)["id"]
    officer = world.officer.headers
    assert _answer(client.delete(f"{API}/tokens/{colleagues}", headers=officer)) == _answer(
        client.delete(f"{API}/tokens/{2**31 - 1}", headers=officer)
    )


def test_another_organisations_user_answers_as_a_missing_one(client: Any, world: World) -> None:
    theirs = world[("receiver", Role.VIEWER)].user_id
    admin = world[("sender", Role.ADMIN)].headers
    missing = 2**31 - 1
    for call in (
        lambda user_id: client.get(f"{API}/tokens", params={"user_id": user_id}, headers=admin),
        lambda user_id: client.post(f"{API}/users/{user_id}/deactivate", headers=admin),
    ):
        assert _answer(call(theirs)) == _answer(call(missing))
    assert client.get(f"{API}/requests", headers=world[("receiver", Role.VIEWER)].headers).status_code == 200
