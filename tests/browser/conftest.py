"""Browser tests: Playwright driving Debian's Chromium (never a browser Playwright downloads) against the app
served on this test's database (the API tests' fixtures)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.api.conftest import *  # noqa: F403  (app, client, world, server_url and their database)
from tests.conftest import CHROMIUM


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
