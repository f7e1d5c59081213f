"""Uploads: the caller's permission and the kind's size limit are checked before the body is kept."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from clearway.domain.workflow import Role
from clearway.settings import InputLimits, Settings, load_settings
from tests.api.conftest import SECRET, envelope
from tests.api.support import API, World
from tests.conftest import EXAMPLES

HOLDS = (EXAMPLES / "holds-sample.csv").read_bytes()
# A version the test world has not stored yet (same length as the sample's).
AGREEMENT = (EXAMPLES / "agreement-usa-mex.toml").read_bytes().replace(b"version = 3", b"version = 9")


@pytest.fixture
def settings(api_db_url: str, tmp_path: Path) -> Settings:
    """The API's settings with small upload limits, so that a test body can pass them."""
    base = load_settings(
        {"database_url": api_db_url, "secret_key": SECRET, "environment": "test", "cache_dir": tmp_path / "cache"},
        environ={},
    )
    return dataclasses.replace(base, limits=InputLimits(holds_bytes=len(HOLDS) + 10, document_bytes=len(AGREEMENT)))


def test_a_role_without_the_permission_is_refused_before_the_body_is_kept(client: Any, world: World) -> None:
    viewer = world[("sender", Role.VIEWER)].headers
    # Larger than the limit too: the permission is checked first, before the body's size is even looked at.
    body = HOLDS + b"x" * 100
    refused = client.post(f"{API}/holds", content=body, headers={**viewer, "Content-Type": "text/csv"})
    assert refused.status_code == 403
    assert envelope(refused)["code"] == "forbidden"


def test_a_hold_list_larger_than_its_limit_is_refused_with_413(client: Any, world: World) -> None:
    admin = world[("sender", Role.ADMIN)].headers
    too_large = client.post(f"{API}/holds", content=HOLDS + b"x" * 100, headers={**admin, "Content-Type": "text/csv"})
    assert too_large.status_code == 413
    assert envelope(too_large)["code"] == "too_large"
    assert client.get(f"{API}/holds", headers=admin).json() == {"current": None}


def test_a_body_without_a_declared_length_is_counted_as_it_streams(client: Any, world: World) -> None:
    admin = world[("sender", Role.ADMIN)].headers

    def chunks() -> Any:
        yield HOLDS
        yield b"x" * 100

    too_large = client.post(f"{API}/holds", content=chunks(), headers={**admin, "Content-Type": "text/csv"})
    assert too_large.status_code == 413


def test_an_agreement_within_its_limit_is_stored(client: Any, world: World) -> None:
    admin = world[("receiver", Role.ADMIN)].headers
    stored = client.post(f"{API}/agreements", content=AGREEMENT, headers={**admin, "Content-Type": "application/toml"})
    assert stored.status_code == 201, stored.text
    larger = client.post(
        f"{API}/agreements", content=AGREEMENT + b"\n", headers={**admin, "Content-Type": "application/toml"}
    )
    assert larger.status_code == 413
