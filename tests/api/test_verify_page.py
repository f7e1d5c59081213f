"""/verify as served: the key set and both languages embedded, a service worker allowed to control the page,
an installable web manifest. (What the page does with them is tested in a browser: tests/browser.)"""

from __future__ import annotations

import json
import re
from typing import Any

from clearway.domain.workflow import State
from clearway.i18n import catalogue
from clearway.i18n.catalog import verify as verify_catalog
from tests.api.support import API, World

#: The messages of ``catalog/verify.py`` in every language.
MESSAGES = {key: catalogue()[key] for key in verify_catalog.MESSAGES}


def bootstrap(page: str) -> dict[str, Any]:
    found = re.search(r'<script type="application/json" id="bootstrap">(.*?)</script>', page, re.DOTALL)
    assert found, page[:500]
    return dict(json.loads(found.group(1)))


def test_the_page_embeds_the_key_set_the_api_serves_and_both_languages(client: Any, world: World) -> None:
    world.drive(State.APPROVED)  # the receiving organisation's decision key exists from its first approval
    served = client.get("/verify", headers={"Accept-Language": "es"})
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/html")
    data = bootstrap(served.text)
    assert data["keys"] == client.get(f"{API}/keys").json()
    assert ("decisions", "MEX") in {(key["purpose"], key["country"]) for key in data["keys"]["keys"]}
    assert (data["language"], data["keys_url"]) == ("es", f"{API}/keys")
    assert data["messages"]["es"] == {key: texts["es"] for key, texts in MESSAGES.items()}
    assert data["messages"]["en"]["verify.ok"] == MESSAGES["verify.ok"]["en"]
    assert '<html lang="es">' in served.text


def test_embedded_text_cannot_close_the_script_element(client: Any, world: World) -> None:
    page = client.get("/verify").text
    body = page.split('id="bootstrap">', 1)[1].split("</script>", 1)[0]
    assert "<" not in body and ">" not in body


def test_the_service_worker_may_control_the_page_and_caches_its_files(client: Any) -> None:
    worker = client.get("/verify/sw.js")
    assert worker.headers["service-worker-allowed"] == "/verify"
    assert worker.headers["content-type"].startswith("text/javascript")
    for path in re.findall(r'"(/verify/static/[^"]+)"', worker.text):
        assert client.get(path).status_code == 200, path
    assert f'"{API}/keys"' in worker.text and "__" not in worker.text


def test_the_web_manifest_makes_the_page_installable(client: Any) -> None:
    manifest = client.get("/verify/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    document = manifest.json()
    assert (document["start_url"], document["scope"], document["display"]) == ("/verify", "/verify", "standalone")
    assert {icon["sizes"] for icon in document["icons"]} == {"192x192", "512x512"}
    for icon in document["icons"]:
        assert client.get(icon["src"]).headers["content-type"] == "image/png"
