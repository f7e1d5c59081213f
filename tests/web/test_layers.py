"""The pages stay an edge: they parse, call a service and render (DESIGN.md "Web pages")."""

from __future__ import annotations

import ast
from pathlib import Path

from fastapi.routing import APIRoute

import clearway.web.pages
from clearway.web.pages import FEATURES
from clearway.web.pages.kit import run

PAGES = Path(clearway.web.pages.__file__).parent
FORBIDDEN = ("sqlalchemy", "clearway.store", "clearway.commands")
#: Pages a visitor who has not signed in may open.
PUBLIC = {("GET", "/"), ("GET", "/sign-in"), ("POST", "/sign-in"), ("POST", "/language")}


def test_the_pages_import_neither_the_database_nor_the_store() -> None:
    problems = []
    for path in sorted(PAGES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            problems += [
                f"{path.name}: {name}"
                for name in names
                if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN)
            ]
    assert problems == []


def test_every_page_but_the_sign_in_ones_needs_a_signed_in_user() -> None:
    """Each page route hands its work to ``kit.run``; only the sign-in pages say ``public=True``."""
    pages = [route for feature in FEATURES for route in feature.router.routes if isinstance(route, APIRoute)]
    assert len(pages) > 20
    for route in pages:
        source = ast.parse(Path(route.endpoint.__code__.co_filename).read_text(encoding="utf-8"))
        function = next(
            node
            for node in ast.walk(source)
            if isinstance(node, ast.AsyncFunctionDef) and node.name == route.endpoint.__name__
        )
        calls = [
            node
            for node in ast.walk(function)
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == run.__name__
        ]
        assert len(calls) == 1, f"{route.path}: a page hands its work to kit.run once"
        public = any(
            keyword.arg == "public" and getattr(keyword.value, "value", False) for keyword in calls[0].keywords
        )
        for method in route.methods:
            assert public == ((method, route.path) in PUBLIC), f"{method} {route.path}: public={public}"
