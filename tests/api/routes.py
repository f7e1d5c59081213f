"""The API's routes as the tests see them: method, path, operation id and the permission each states."""

from __future__ import annotations

from dataclasses import dataclass

from clearway.settings import load_settings
from clearway.web.api.deps import PERMISSION_EXTENSION, PUBLIC
from clearway.web.app import create_app


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    operation_id: str
    permission: str

    @property
    def public(self) -> bool:
        return self.permission == PUBLIC

    @property
    def on_request(self) -> bool:
        return "{request_id}" in self.path

    def url(self, **params: object) -> str:
        return self.path.format(**params)

    def __str__(self) -> str:
        return self.operation_id


_METHODS = ("get", "put", "post", "delete", "patch")


def api_routes() -> list[Route]:
    """Every operation of the app, read from its OpenAPI document (FastAPI keeps included routers
    lazily, so the document is the one public list of them). Built without a database."""
    app = create_app(load_settings({"database_url": "sqlite:///unused.db"}, environ={}))
    found = []
    for path, operations in app.openapi()["paths"].items():
        for method, operation in operations.items():
            assert method in _METHODS, f"{method} {path}"
            permission = operation.get(PERMISSION_EXTENSION)
            assert permission, f"{method.upper()} {path} states no {PERMISSION_EXTENSION}"
            found.append(Route(method.upper(), path, operation["operationId"], str(permission)))
    return found


ROUTES = api_routes()
