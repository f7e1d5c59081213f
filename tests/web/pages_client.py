"""An in-process client of the pages on demo data (no browser), signed in through the sign-in form."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from clearway.services import demo
from clearway.settings import load_settings
from clearway.store.db import make_engine, session_scope, upgrade
from clearway.web.app import create_app

_TOKEN = re.compile(r'name="csrf_token" value="([^"]*)"')


@contextmanager
def demo_app(folder: Path, environment: str = "development") -> Iterator[object]:
    settings = load_settings({"database_url": str(folder / "pages.db"), "environment": environment})
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        demo.seed(session, secret=settings.secret_key)
    engine.dispose()
    app = create_app(settings)
    with TestClient(app):  # runs the lifespan once: every client of this app shares its engine
        yield app


def csrf_token(html: str) -> str:
    found = _TOKEN.search(html)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def signed_in(app: object, email: str, lang: str = "en") -> TestClient:
    client = TestClient(app, headers={"Accept-Language": lang})  # type: ignore[arg-type]
    client.__enter__()
    page = client.get("/sign-in")
    response = client.post(
        "/sign-in",
        data={"email": email, "password": demo.DEMO_PASSWORD, "csrf_token": csrf_token(page.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client


def request_ids(client: TestClient) -> list[str]:
    return sorted(set(re.findall(r'href="/requests/([0-9a-f-]{36})"', client.get("/flights").text)))
