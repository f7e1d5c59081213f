"""The application itself: it refuses an unmigrated database, and its OpenAPI document is the committed one."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from openapi_spec_validator import validate

from clearway.domain.errors import UnusableInput
from clearway.settings import load_settings
from clearway.web.app import create_app
from clearway.web.openapi import REGENERATE, document, render
from tests.api.conftest import TestClient
from tests.api.routes import ROUTES
from tests.conftest import REPO

COMMITTED = REPO / "docs" / "openapi.json"


def test_refuses_to_start_on_an_unmigrated_database(empty_db_url: str) -> None:
    app = create_app(load_settings({"database_url": empty_db_url}, environ={}))
    with pytest.raises(UnusableInput) as refused, TestClient(app):
        pass
    assert refused.value.key == "db.not_migrated"


def test_building_the_app_touches_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "never-created.db"
    create_app(load_settings({"database_url": f"sqlite:///{missing}"}, environ={}))
    assert not missing.exists()


def test_the_committed_openapi_document_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render(document()), (
        f"docs/openapi.json differs from the app's API: run `{REGENERATE}` and commit the result"
    )


def test_operation_ids_are_unique_and_versioned() -> None:
    ids = [route.operation_id for route in ROUTES]
    assert len(ids) == len(set(ids))
    assert all(route.path.startswith("/api/v1/") for route in ROUTES)


def test_every_error_response_is_documented_as_the_envelope() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert "HTTPValidationError" not in schema["components"]["schemas"]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorEnvelope"), (method, path, status)


def test_the_committed_document_is_valid_openapi() -> None:
    validate(json.loads(COMMITTED.read_text(encoding="utf-8")))


#: What any operation can answer: unreadable body, unknown caller, role or side, unseen or missing,
#: moved-on state, oversized body, unusable input.
EVERY_OPERATION = {"400", "401", "403", "404", "409", "413", "422"}


def test_every_operation_documents_its_refusals_and_says_what_it_does() -> None:
    schema = json.loads(COMMITTED.read_text(encoding="utf-8"))
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert set(operation["responses"]) >= EVERY_OPERATION, (where, sorted(operation["responses"]))
            assert len(operation.get("description", "")) > 40, where


def test_the_documentation_page_needs_nothing_from_the_internet(tmp_path: Path) -> None:
    app = create_app(load_settings({"database_url": f"sqlite:///{tmp_path / 'unused.db'}"}, environ={}))
    client = TestClient(app)  # no lifespan: the page touches no database
    page = client.get("/api/v1/docs")
    assert page.status_code == 200
    linked = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert linked and all(url.startswith("/api/v1/") for url in linked), linked
    for url in linked:
        assert client.get(url).status_code == 200, url
    assert "/api/v1/openapi.json" in page.text
