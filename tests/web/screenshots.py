"""Regenerate docs/screenshots/: the main pages in English and Spanish, on demo data, in Chromium.

Run with ``make screenshots`` (``python -m tests.web.screenshots``).
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from tests.conftest import REPO
from tests.web.server import CHROMIUM, PASSWORD, future_arrival, live_server, manifest_csv

OUT = REPO / "docs" / "screenshots"


def _sign_in(browser: object, url: str, email: str, lang: str) -> Page:
    context = browser.new_context(locale="es-MX" if lang == "es" else "en-US", viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    page: Page = context.new_page()
    page.goto(url + "/sign-in")
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    page.click("form[action='/sign-in'] button[type=submit]")
    page.wait_for_load_state()
    return page


def _shoot(page: Page, name: str, lang: str, *, full: bool = False) -> None:
    page.screenshot(path=str(OUT / f"{lang}-{name}.png"), full_page=full)


def take(lang: str, url: str, browser: object) -> None:
    anonymous = browser.new_context(
        locale="es-MX" if lang == "es" else "en-US", viewport={"width": 1280, "height": 900}
    )  # type: ignore[attr-defined]
    first = anonymous.new_page()
    first.goto(url + "/")
    _shoot(first, "sign-in", lang)
    sender = _sign_in(browser, url, "officer@usa.demo", lang)
    _shoot(sender, "flights", lang)
    sender.goto(url + "/flights/new")
    sender.fill("#leg0_to", "MMTJ")
    sender.wait_for_selector("#leg0_to-airport .cw-airport-name")
    _shoot(sender, "new-flight", lang)
    # A draft with a finding beside its row.
    sender.goto(url + "/flights?state=draft")
    draft = next(match for match in re.findall(r'href="(/requests/[0-9a-f-]{36})"', sender.content()))
    sender.goto(url + draft)
    sender.set_input_files(
        "#manifest-file",
        files=[
            {
                "name": "manifest.csv",
                "mimeType": "text/csv",
                "buffer": manifest_csv(14, arrival=future_arrival(8), defect_on=2),
            }
        ],
    )
    with sender.expect_navigation():
        sender.click("form[data-upload] button[type=submit]")
    sender.goto(sender.url.split("#")[0] + "#precheck")
    _shoot(sender, "request-precheck", lang, full=True)
    receiver = _sign_in(browser, url, "officer@mex.demo", lang)
    _shoot(receiver, "inbox", lang)
    waiting = re.findall(r'href="(/requests/[0-9a-f-]{36})"', receiver.content())[0]
    receiver.goto(url + waiting + "?personal=shown")
    _shoot(receiver, "review", lang, full=True)
    receiver.goto(url + waiting + "/timeline")
    _shoot(receiver, "timeline", lang)
    admin = _sign_in(browser, url, "admin@mex.demo", lang)
    admin.goto(url + "/admin/notifications")
    _shoot(admin, "notifications", lang, full=True)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with (
        tempfile.TemporaryDirectory(prefix="clearway-screenshots-") as folder,
        live_server(Path(folder)) as server,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        for lang in ("en", "es"):
            take(lang, server.url, browser)
        browser.close()
    print(f"screenshots written to {OUT}")


if __name__ == "__main__":
    main()
