"""The domain stays pure: no storage, web, HTTP, CLI or file I/O (DESIGN.md)."""

import ast
from pathlib import Path

import clearway.domain

DOMAIN = Path(clearway.domain.__file__).parent
FORBIDDEN_MODULES = ("sqlalchemy", "fastapi", "starlette", "httpx", "requests", "jinja2", "typer", "rich",
                     "clearway.store", "clearway.services", "clearway.web", "clearway.cli", "clearway.formats",
                     "clearway.reference", "clearway.screening", "clearway.commands", "clearway.i18n",
                     "pathlib", "os", "io", "sqlite3", "shutil", "tempfile")  # fmt: skip
FORBIDDEN_CALLS = ("open",)


def domain_modules():
    return sorted(DOMAIN.rglob("*.py"))


def test_domain_imports_no_outer_layer_and_opens_no_file() -> None:
    problems = []
    for path in domain_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_MODULES):
                    problems.append(f"{path.name}: imports {name}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in FORBIDDEN_CALLS:
                problems.append(f"{path.name}:{node.lineno}: calls {node.func.id}()")
    assert problems == []
