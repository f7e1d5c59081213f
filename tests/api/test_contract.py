"""The API keeps its own contract: Schemathesis calls the demo from the committed OpenAPI document, signed
in as each kind of organisation, and every check passes but ``positive_data_acceptance`` (business rules
refuse some schema-valid bodies with a documented 422: an unknown request id, a state that moved on).

A small budget (a couple of generated cases per operation, plus Schemathesis's coverage phase, which
sends the edge values of every parameter and every method an address does not accept), so that it
runs in every ``make test``; a fixed seed makes a failure reproducible with the command it prints.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clearway.services.demo import seed
from clearway.settings import load_settings
from clearway.store.db import make_engine, session_scope, upgrade
from clearway.web.app import create_app
from tests.api.server import running

#: One user per kind of organisation, from the demo's logins.
KINDS = {"sending": "officer@usa.demo", "receiving": "officer@mex.demo", "observer": "officer@monitor.demo"}
EXAMPLES_PER_OPERATION = 2
SEED = 20261201


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """The demo served on a free port, and the API token of each demo user by address."""
    settings = load_settings(
        {"database_url": str(tmp_path / "demo.db"), "environment": "test", "cache_dir": tmp_path / "cache"},
        environ={},
    )
    upgrade(settings.database_url)
    engine = make_engine(settings.database_url)
    with session_scope(engine) as session:
        tokens = {login.email: login.token for login in seed(session, secret=settings.secret_key)}
    engine.dispose()
    with running(create_app(settings)) as url:
        yield url, tokens


@pytest.mark.parametrize("kind", KINDS)
def test_schemathesis_finds_nothing(demo: tuple[str, dict[str, str]], kind: str, tmp_path: Path) -> None:
    url, tokens = demo
    command = [
        sys.executable,
        "-c",
        "import sys; from schemathesis.cli import schemathesis; sys.exit(schemathesis())",
        "run",
        f"{url}/api/v1/openapi.json",
        "--header",
        f"Authorization: Bearer {tokens[KINDS[kind]]}",
        "--checks",
        "all",
        "--exclude-checks",
        "positive_data_acceptance",
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--seed",
        str(SEED),
        "--workers",
        "1",
        "--no-color",
    ]
    done = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-20000:] + done.stderr[-5000:]
