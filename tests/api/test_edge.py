"""The API's front door: identity and size before the body, the headers every answer carries,
and methods an address does not accept."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from clearway.domain.workflow import Role, State
from clearway.settings import Settings, load_settings
from clearway.web.app import create_app
from tests.api.conftest import SECRET, TestClient, envelope
from tests.api.support import API, World, content

BIG = 100 * 1024 * 1024


class Endless:
    """A body that fails the test if more than its first chunk is read."""

    def __init__(self) -> None:
        self.chunks_read = 0

    def __iter__(self) -> Iterator[bytes]:
        while True:
            self.chunks_read += 1
            yield b"x" * 65536


def test_an_unauthenticated_huge_body_is_refused_without_being_read(client: Any) -> None:
    body = Endless()
    response = client.post(
        f"{API}/requests", content=body, headers={"Content-Type": "application/json", "Content-Length": str(BIG)}
    )
    assert (response.status_code, envelope(response)["code"]) == (401, "unauthenticated")
    assert body.chunks_read <= 1


def test_an_invalid_token_with_a_body_is_refused_before_it_is_read(client: Any) -> None:
    body = Endless()
    response = client.post(
        f"{API}/holds",
        content=body,
        headers={"Authorization": "Bearer cw_nobody", "Content-Type": "text/csv", "Content-Length": str(BIG)},
    )
    assert (response.status_code, envelope(response)["code"]) == (401, "unauthenticated")
    assert body.chunks_read <= 1


@pytest.fixture
def small_limit(settings: Settings) -> Settings:
    return load_settings(
        {
            "database_url": settings.database_url,
            "secret_key": SECRET,
            "environment": "test",
            "cache_dir": settings.cache_dir,
        },
        environ={"CLEARWAY_LIMIT_BODY_BYTES": "1000"},
    )


@pytest.fixture
def limited_client(small_limit: Settings, world: World) -> Iterator[Any]:
    with TestClient(create_app(small_limit)) as test_client:
        yield test_client


def test_a_declared_length_over_the_limit_is_413_before_anything_is_read(limited_client: Any, world: World) -> None:
    body = Endless()
    response = limited_client.post(
        f"{API}/users",  # a JSON body only: held to the body limit itself
        content=body,
        headers={**world.officer.headers, "Content-Type": "application/json", "Content-Length": str(BIG)},
    )
    assert (response.status_code, envelope(response)["code"]) == (413, "payload_too_large")
    assert envelope(response)["details"]["limit"] == 1000
    assert body.chunks_read <= 1


def test_a_body_without_a_length_is_cut_off_at_the_limit(
    limited_client: Any, small_limit: Settings, world: World
) -> None:
    limits = small_limit.limits
    form_limit = limits.body_bytes + limits.document_bytes + limits.manifest_bytes

    def chunks() -> Iterator[bytes]:
        yield from (b"x" * 65536 for _ in range(form_limit // 65536 + 2))

    response = limited_client.post(
        f"{API}/requests", content=chunks(), headers={**world.officer.headers, "Content-Type": "application/json"}
    )
    assert (response.status_code, envelope(response)["code"]) == (413, "payload_too_large")


def test_the_limit_is_said_in_the_callers_language(limited_client: Any, world: World) -> None:
    response = limited_client.post(
        f"{API}/users",
        content=b"x" * 2000,
        headers={**world.officer.headers, "Content-Type": "application/json", "Accept-Language": "es"},
    )
    assert envelope(response)["message"].startswith("El cuerpo de la petición supera")


def test_a_body_within_the_limit_goes_through(limited_client: Any, world: World) -> None:
    response = limited_client.post(f"{API}/tokens", json={"name": "small"}, headers=world.officer.headers)
    assert response.status_code == 201


def test_personal_data_is_never_cached_and_never_sniffed(client: Any, world: World) -> None:
    public_id = world.create()
    for response in (
        client.get(f"{API}/requests/{public_id}", headers=world.officer.headers),
        client.get(f"{API}/requests", headers=world.officer.headers),
        client.get(f"{API}/users", headers=world[("sender", Role.ADMIN)].headers),
        client.get(f"{API}/requests/{public_id}"),  # an error too
    ):
        assert response.headers["cache-control"] == "no-store", response.url
        assert response.headers["x-content-type-options"] == "nosniff", response.url


def _docs_client(tmp_path: Path) -> TestClient:
    return TestClient(create_app(load_settings({"database_url": f"sqlite:///{tmp_path / 'unused.db'}"}, environ={})))


def test_the_documentation_page_has_a_restrictive_policy_that_allows_its_own_script(tmp_path: Path) -> None:
    page = _docs_client(tmp_path).get(f"{API}/docs")
    policy = page.headers["content-security-policy"]
    assert "default-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-eval" not in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    inline = re.findall(r"<script>(.*?)</script>", page.text, flags=re.DOTALL)
    assert inline, "the page starts Swagger UI with an inline script"
    assert policy.count("'sha256-") == len(inline)


@pytest.mark.parametrize(
    ("path", "allowed"),
    [("/requests", "GET, POST"), ("/tokens", "GET, POST"), ("/keys", "GET, POST"), ("/session", "POST")],
)
def test_options_and_wrong_methods_answer_405_with_every_allowed_method(
    client: Any, world: World, path: str, allowed: str
) -> None:
    for method in ("OPTIONS", "PATCH", "PUT"):
        response = client.request(method, f"{API}{path}", headers=world.officer.headers)
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == allowed
        assert envelope(response)["code"] == "method_not_allowed"


def test_a_bad_query_parameter_is_not_called_the_request_body(client: Any, world: World) -> None:
    response = client.get(f"{API}/requests", params={"limit": "many"}, headers=world.officer.headers)
    error = envelope(response)
    assert error["details"]["message_key"] == "service.invalid_parameters"
    assert "body" not in error["message"] and "limit" in error["message"]


def test_validation_details_are_in_the_callers_language(client: Any, world: World) -> None:
    body = content()
    del body["flight"]["aircraft"]["registration"]
    response = client.post(f"{API}/requests", json=body, headers={**world.officer.headers, "Accept-Language": "es"})
    error = envelope(response)
    assert "obligatorio, pero falta" in error["message"]
    assert "Field required" not in error["message"] and "Field required" not in str(error["details"])


def test_an_unreadable_body_is_400_in_the_envelope(client: Any, world: World) -> None:
    response = client.post(
        f"{API}/tokens",
        content=b"\xff\xfe\x00{",
        headers={**world.officer.headers, "Content-Type": "application/json"},
    )
    assert response.status_code in (400, 422)
    assert envelope(response)["code"] in ("unreadable_body", "invalid")


def test_a_refusal_for_the_other_side_of_a_flight_says_so(client: Any, world: World) -> None:
    public_id = world.drive(State.SUBMITTED)
    for lang, words in (("en", "Only the receiving side"), ("es", "Solo la parte de recepción")):
        response = client.post(
            f"{API}/requests/{public_id}/decision",
            json={"action": "approve"},
            headers={**world.officer.headers, "Accept-Language": lang},
        )
        error = envelope(response)
        assert (response.status_code, error["details"]["message_key"]) == (403, "service.wrong_side")
        assert error["message"].startswith(words), error["message"]


def test_the_app_runs_with_the_middleware(app: FastAPI) -> None:
    assert any(middleware.cls.__name__ == "ApiEdge" for middleware in app.user_middleware)


def test_a_form_route_is_held_to_what_its_files_may_weigh_not_read_without_end(
    limited_client: Any, small_limit: Settings, world: World
) -> None:
    # POST /requests takes a multipart form with a manifest file: its limit is the form's fields,
    # a request file and a manifest file, each within its own limit, and never no limit at all.
    limits = small_limit.limits
    body = Endless()
    response = limited_client.post(
        f"{API}/requests",
        content=body,
        headers={**world.officer.headers, "Content-Type": "application/json", "Content-Length": str(BIG)},
    )
    assert (response.status_code, envelope(response)["code"]) == (413, "payload_too_large")
    assert envelope(response)["details"]["limit"] == limits.body_bytes + limits.document_bytes + limits.manifest_bytes
    assert body.chunks_read <= 1
