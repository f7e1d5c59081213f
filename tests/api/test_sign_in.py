"""Signing in under attack: throttled per account and per address, in the caller's language, and the
password hashing never holds a database slot nor takes more than its share of the machine."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from fastapi import FastAPI

from clearway.domain.workflow import Role
from clearway.services import people, sessions
from clearway.settings import Settings
from clearway.store.db import session_scope
from clearway.store.models import User
from clearway.web.api.deps import DATABASE_SLOTS, HASHING_THREADS
from clearway.web.app import create_app
from tests.api.conftest import envelope
from tests.api.server import at_once, running
from tests.api.support import API, OPERATOR, World

PASSWORD = "the right password"


@pytest.fixture
def account(world: World) -> str:
    """A sending officer who can sign in with ``PASSWORD``."""
    with session_scope(world.engine) as session:
        organisation_id = session.get(User, world.officer.user_id).organisation_id  # type: ignore[union-attr]
        people.create_user(session, OPERATOR, organisation_id, "pilot@sender.test", "P", Role.OFFICER, PASSWORD)
    return "pilot@sender.test"


def _login(client: Any, email: str, password: str, **headers: str) -> Any:
    return client.post(f"{API}/session", json={"email": email, "password": password}, headers=headers)


def test_an_account_is_throttled_after_repeated_failures(client: Any, account: str) -> None:
    for _ in range(sessions.ACCOUNT_LIMIT):
        assert _login(client, account, "wrong password").status_code == 401
    refused = _login(client, account, PASSWORD)  # even the right password, until the window passes
    assert refused.status_code == 429
    assert envelope(refused)["details"]["message_key"] == "service.too_many_logins"
    assert 0 < int(refused.headers["retry-after"]) <= sessions.WINDOW.total_seconds()


def test_an_unknown_address_is_throttled_exactly_like_a_known_one(client: Any, account: str) -> None:
    answers = []
    for email in (account, "nobody@sender.test"):
        for _ in range(sessions.ACCOUNT_LIMIT):
            _login(client, email, "wrong password")
        refused = _login(client, email, "wrong password")
        answers.append((refused.status_code, envelope(refused)["details"]["message_key"]))
    assert answers[0] == answers[1] == (429, "service.too_many_logins")


def test_the_throttle_speaks_the_callers_language(client: Any, account: str) -> None:
    for _ in range(sessions.ACCOUNT_LIMIT):
        _login(client, account, "wrong password")
    refused = _login(client, account, "wrong password", **{"Accept-Language": "es"})
    assert envelope(refused)["message"].startswith("Demasiados intentos fallidos")


def test_a_success_forgets_the_accounts_failures(client: Any, account: str) -> None:
    for _ in range(sessions.ACCOUNT_LIMIT - 1):
        _login(client, account, "wrong password")
    assert _login(client, account, PASSWORD).status_code == 201
    for _ in range(sessions.ACCOUNT_LIMIT - 1):
        _login(client, account, "wrong password")
    assert _login(client, account, PASSWORD).status_code == 201


def test_one_address_is_throttled_across_accounts(client: Any, account: str) -> None:
    for number in range(sessions.ADDRESS_LIMIT):
        _login(client, f"guess{number}@sender.test", "wrong password")
    refused = _login(client, account, PASSWORD)
    assert refused.status_code == 429


class HashingWatch:
    """Wraps the password check: how many run at once, and how many database slots are free meanwhile."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.app: FastAPI | None = None
        self.calls = 0
        self.most_at_once = 0
        self.slots_free: list[int] = []
        self._running = 0
        self._lock = threading.Lock()
        self._verify = people.verify_password
        monkeypatch.setattr(people, "verify_password", self._watched)

    def _watched(self, password_hash: str, password: str) -> bool:
        with self._lock:
            self._running += 1
            self.calls += 1
            self.most_at_once = max(self.most_at_once, self._running)
            assert self.app is not None
            self.slots_free.append(int(self.app.state.database_slots.value))
        try:
            return bool(self._verify(password_hash, password))
        finally:
            with self._lock:
                self._running -= 1


def test_a_password_is_hashed_holding_no_database_slot(
    client: Any, app: FastAPI, account: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = HashingWatch(monkeypatch)
    watch.app = app
    assert _login(client, account, "wrong password").status_code == 401
    assert _login(client, account, PASSWORD).status_code == 201
    assert watch.slots_free == [DATABASE_SLOTS, DATABASE_SLOTS]


def test_parallel_bad_logins_hash_one_at_a_time(
    settings: Settings, account: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    watch = HashingWatch(monkeypatch)
    watch.app = create_app(settings)
    with running(watch.app) as url:
        responses = at_once(
            [
                lambda http, n=n: http.post(
                    f"{url}{API}/session", json={"email": f"someone{n}@sender.test", "password": "wrong"}
                )
                for n in range(24)
            ]
        )
    assert [response.status_code for response in responses] == [401] * 24
    assert watch.calls == 24
    assert watch.most_at_once == HASHING_THREADS
