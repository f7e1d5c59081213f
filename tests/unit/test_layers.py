"""The web edge stays thin: it reaches the database only through the services (DESIGN.md).

``clearway.web`` imports neither SQLAlchemy, nor ``clearway.store``, nor the command line;
the services are where queries, locks and rules live, and what they answer is typed. No
module is excepted: the session a route passes on comes from ``clearway.services.database``
(the unit of work), so even the dependency wiring names no SQLAlchemy.
"""

import ast
import subprocess
import sys
from pathlib import Path

import clearway.web

WEB = Path(clearway.web.__file__).parent
FORBIDDEN_MODULES = ("sqlalchemy", "clearway.store", "clearway.commands", "clearway.cli")
COMMAND_LINE = ("clearway.cli", "clearway.commands")


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
            if forbidden:
                problems.append(f"{where}: imports {name}")
    assert problems == []


def test_the_web_application_does_not_load_the_command_line() -> None:
    """Not even through another module: serving the web needs neither Typer nor the commands."""
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, clearway.web.app; print('\\n'.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert [name for name in loaded if name.split(".")[0] == "typer" or name.startswith(COMMAND_LINE)] == []
