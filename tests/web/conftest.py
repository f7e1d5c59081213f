"""Fixtures of the browser tests: the app on demo data, Debian's Chromium driven by Playwright."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.server import CHROMIUM, PASSWORD, LiveServer, live_server

SignIn = Callable[..., "Page"]  # noqa: F821 - Playwright's Page, imported lazily


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    with live_server(tmp_path_factory.mktemp("web")) as running:
        yield running


@pytest.fixture(scope="module")
def browser(playwright: Any) -> Iterator[object]:
    launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
    yield launched
    launched.close()


@pytest.fixture
def sign_in(browser: object, server: LiveServer) -> Iterator[Callable[..., object]]:
    """``sign_in(email, lang="en", javascript=True)``: a page of a new browser context, signed in."""
    contexts: list[object] = []

    def open_as(email: str, lang: str = "en", *, javascript: bool = True) -> object:
        context = browser.new_context(  # type: ignore[attr-defined]
            locale="es-MX" if lang == "es" else "en-US",
            java_script_enabled=javascript,
            viewport={"width": 1400, "height": 1000},
        )
        contexts.append(context)
        page = context.new_page()
        page.goto(server.url + "/")
        page.fill("#email", email)
        page.fill("#password", PASSWORD)
        page.click("form[action='/sign-in'] button[type=submit]")
        page.wait_for_load_state()
        return page

    yield open_as
    for context in contexts:
        context.close()  # type: ignore[attr-defined]


def upload(page: object, content: bytes, name: str = "manifest.csv") -> None:
    page.set_input_files("#manifest-file", files=[{"name": name, "mimeType": "text/csv", "buffer": content}])  # type: ignore[attr-defined]
    with page.expect_navigation():  # type: ignore[attr-defined]
        page.click("form[data-upload] button[type=submit]")  # type: ignore[attr-defined]


def path_of(page: object) -> str:
    return str(Path(page.url.split("?")[0].split("#")[0]).as_posix())  # type: ignore[attr-defined]
