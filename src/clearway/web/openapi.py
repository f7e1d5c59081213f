"""Write the committed OpenAPI document: ``python -m clearway.web.openapi [PATH]`` (default docs/openapi.json)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from clearway.settings import load_settings

DEFAULT_PATH = Path("docs/openapi.json")
REGENERATE = "python -m clearway.web.openapi"


def document() -> dict[str, Any]:
    """The API's OpenAPI document; building it needs no database and reads no environment."""
    from clearway.web.app import create_app

    settings = load_settings({"database_url": "sqlite:///unused.db"}, environ={})
    return create_app(settings).openapi()


def render(schema: dict[str, Any]) -> str:
    """The document as committed: sorted keys, indent 2, a trailing newline (stable diffs)."""
    return json.dumps(schema, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else DEFAULT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(document()), encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
