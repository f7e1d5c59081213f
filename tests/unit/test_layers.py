"""The web edge stays thin: it reaches the database only through the services (DESIGN.md).

``clearway.web`` imports neither SQLAlchemy, nor ``clearway.store``, nor the command line;
the services are where queries, locks and rules live. The few modules still waiting for
their typed views are listed with the reason, and the list may only shrink.
"""

import ast
from pathlib import Path

import clearway.web

WEB = Path(clearway.web.__file__).parent
FORBIDDEN_MODULES = ("sqlalchemy", "clearway.store", "clearway.commands", "clearway.cli")

#: module (relative to clearway/web) -> what it still imports. Only ever shorter.
NOT_YET: dict[str, set[str]] = {
    # The request views still read the store's rows (and views.py runs the request-detail
    # SELECTs); they were just rewritten with the shared record, and their typed views and
    # queries move to the request services next.
    "api/views.py": {"sqlalchemy", "sqlalchemy.orm", "clearway.store.models"},
    "api/requests.py": {"clearway.store.models"},
    "api/events.py": {"clearway.store.models"},
}


def _imports(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
    return names


def test_the_web_reaches_the_database_only_through_the_services() -> None:
    problems = []
    for path in sorted(WEB.rglob("*.py")):
        where = path.relative_to(WEB).as_posix()
        for name in _imports(path):
            forbidden = any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_MODULES)
            if forbidden and name not in NOT_YET.get(where, set()):
                problems.append(f"{where}: imports {name}")
    assert problems == []


def test_the_list_of_modules_not_yet_thin_is_current() -> None:
    for where, names in NOT_YET.items():
        for name in names:
            assert name in _imports(WEB / where), f"{where} no longer imports {name}: remove it from NOT_YET"
