"""``/verify``: an installable page that checks a clearance in the browser, offline, against the keys it holds.

Self-contained: its template, script, stylesheet, service worker and the vendored QR
decoder (jsQR, Apache-2.0, ``static/jsqr/``) live in this folder, apart from the main
web application. The page is served with the key set embedded (the document
``GET /api/v1/keys`` answers) and both languages' sentences, so it needs nothing more
once opened; the service worker (``/verify/sw.js``, scope ``/verify``) keeps the page,
its files and the key set for use without a network, and fetches them afresh when online.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from clearway.i18n import LANGUAGES, catalogue
from clearway.web.api import PREFIX
from clearway.web.api import keys as key_routes
from clearway.web.api.deps import PUBLIC, ApiRouter, PublicReader, language_of, needs

HERE = Path(__file__).parent
STATIC = HERE / "static"
PAGE_PATH = "/verify"
KEYS_URL = f"{PREFIX}/keys"
#: Files the service worker keeps (the licence texts are not needed to run the page).
_CACHED_STATIC = ("verify.js", "verify.css", "jsqr/jsQR.js", "icon-192.png", "icon-512.png")

router = ApiRouter(include_in_schema=False)


@router.get(PAGE_PATH, response_class=HTMLResponse, openapi_extra=needs(PUBLIC))
def verify_page(ctx: PublicReader) -> HTMLResponse:
    keys = key_routes.list_keys(ctx)  # the very document /api/v1/keys serves
    bootstrap = {
        "language": ctx.lang,
        "messages": _messages(),
        "keys": keys.model_dump(mode="json"),
        "keys_fetched_at": datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "keys_url": KEYS_URL,
    }
    page = _template().substitute(
        lang=ctx.lang,
        title=_messages()[ctx.lang]["verify.title"],
        bootstrap=_script_json(bootstrap),
    )
    # The page is network-first in the service worker: a cached copy must not be trusted as fresh.
    return HTMLResponse(page, headers={"Cache-Control": "no-cache", "Vary": "Accept-Language"})


def service_worker(request: Request) -> Response:
    return Response(
        _service_worker(),
        media_type="text/javascript",
        # Served under /verify/ but controlling /verify itself, and always checked for a new version.
        headers={"Service-Worker-Allowed": PAGE_PATH, "Cache-Control": "no-cache"},
    )


def web_manifest(request: Request) -> Response:
    lang = language_of(request)
    manifest = {
        "name": f"Clearway · {_messages()[lang]['verify.title']}",
        "short_name": "Clearway",
        "lang": lang,
        "start_url": PAGE_PATH,
        "scope": PAGE_PATH,
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#162e51",
        "icons": [
            {"src": f"{PAGE_PATH}/static/icon-{size}.png", "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ],
    }
    return Response(json.dumps(manifest, ensure_ascii=False), media_type="application/manifest+json")


def install_verify_page(app: FastAPI) -> None:
    """Mount ``/verify``, its service worker, its web manifest and its static files on ``app``."""
    app.include_router(router)
    app.add_api_route(f"{PAGE_PATH}/sw.js", service_worker, include_in_schema=False)
    app.add_api_route(f"{PAGE_PATH}/manifest.webmanifest", web_manifest, include_in_schema=False)
    app.mount(f"{PAGE_PATH}/static", StaticFiles(directory=STATIC), name="verify-static")


@cache
def _messages() -> dict[str, dict[str, str]]:
    entries = {key: texts for key, texts in catalogue().items() if key.startswith("verify.")}
    return {lang: {key: texts[lang] for key, texts in entries.items()} for lang in LANGUAGES}


@cache
def _template() -> Template:
    return Template((HERE / "page.html").read_text(encoding="utf-8"))


@cache
def _service_worker() -> str:
    files = [f"{PAGE_PATH}/static/{name}" for name in _CACHED_STATIC]
    digest = hashlib.sha256()
    for name in (*_CACHED_STATIC, "sw.js"):
        digest.update((STATIC / name).read_bytes())
    digest.update((HERE / "page.html").read_bytes())
    script = (STATIC / "sw.js").read_text(encoding="utf-8")
    return (
        script.replace("__BUILD__", digest.hexdigest()[:12])
        .replace("__KEYS_URL__", KEYS_URL)
        .replace("__STATIC_FILES__", ", ".join(json.dumps(name) for name in files))
    )


def _script_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` element: no ``</script>`` or ``<!--`` can end or change it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
