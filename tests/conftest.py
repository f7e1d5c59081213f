"""Shared fixtures: where ../shared is, and a command-line runner."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    """One Playwright per test process: its sync API runs an event loop of its own, and a second one
    started while the first is open refuses to start ("Sync API inside the asyncio loop")."""
    if not CHROMIUM.exists():
        pytest.skip(f"the browser tests drive Debian's chromium at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def clearway(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run ``clearway ARGS...`` in-process; the hold-list cache goes to a temporary folder."""
    from clearway.cli import app

    monkeypatch.setenv("CLEARWAY_CACHE_DIR", str(tmp_path / "cache"))
    runner = CliRunner()

    def run(*args: str | Path) -> Outcome:
        result = runner.invoke(app, [str(arg) for arg in args], catch_exceptions=False)
        return Outcome(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def samples() -> Path:
    folder = SHARED / "samples"
    if not folder.is_dir():
        pytest.skip(f"the shared samples are not beside this checkout ({folder})")
    return folder


# Database fixtures (SQLite always; PostgreSQL when CLEARWAY_TEST_POSTGRES_URL is set), for
# every test that asks for them: store, services and API tests share one migrated schema.
from tests.database import *  # noqa: E402, F403


@pytest.fixture(autouse=True)
def fast_password_hashing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2 with the smallest cost: tests create many users; the real cost is for real passwords."""
    from argon2 import PasswordHasher

    import clearway.services.people as people

    monkeypatch.setattr(people, "_hasher", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
