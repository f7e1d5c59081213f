"""Browser tests: Playwright driving Debian's Chromium (never a browser Playwright downloads) against the app
served on this test's database (the API tests' fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.api.conftest import *  # noqa: F403  (app, client, world, server_url and their database)

CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def playwright() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium; .ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as started:
        yield started


def launch(playwright: Any, *arguments: str) -> Any:
    """Debian's Chromium, headless, by its path."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=list(arguments))


@pytest.fixture(scope="session")
def browser(playwright: Any) -> Iterator[Any]:
    launched = launch(playwright)
    try:
        yield launched
    finally:
        launched.close()
