"""The API's front door, an ASGI middleware: who is calling and how much they send, before any route runs.

FastAPI reads and parses a route's body before its dependencies run, so a check made in
a dependency comes too late: an unknown caller's 100 MB body would be read, parsed and
only then refused. This middleware answers first, in the one error envelope:

- 413 when ``Content-Length`` is above ``InputLimits.body_bytes`` (nothing is read), or as
  soon as a body without a length passes the limit; a file upload (a hold list, an
  agreement) is limited instead by its own kind's limit (``uploads.uploaded_file``), which
  may be larger;
- 401 when a route that needs a signed-in caller gets no bearer token, and, for a call
  that carries a body, when the token is not valid (checked in a short unit of its own,
  before a byte of the body is read); a call without a body is authenticated by its
  route's unit of work, before the route runs, as before.

It also sets the headers every answer carries: ``X-Content-Type-Options: nosniff`` and
``Cache-Control: no-store`` (the API's answers hold personal data; no proxy or browser
may keep them), and a restrictive ``Content-Security-Policy`` on the documentation page.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass

import anyio.to_thread
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from clearway.services.errors import PayloadTooLarge, Unauthenticated
from clearway.web.api import operations_at
from clearway.web.api.deps import PUBLIC, UnitOfWork, bearer_token, language_of
from clearway.web.api.errors import service_error_response

#: Paths under the API prefix that are not operations: the document and its page.
_DOCUMENTATION = ("/openapi.json", "/docs", "/docs-files")
_STATIC_DOCUMENTATION = "/docs-files"


@dataclass(frozen=True)
class _Door:
    """What the middleware knows of the operation a call is for."""

    public: bool
    takes_file: bool = False
    takes_form: bool = False


class ApiEdge:
    """Refuse, before the route, an unknown caller (401) or a body above the limit (413); set the headers."""

    def __init__(self, app: ASGIApp, *, prefix: str, docs_path: str) -> None:
        self.app = app
        self.prefix = prefix
        self.docs_path = docs_path
        self._docs_policy: str | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        send = self._with_headers(scope, send)
        if not path.startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        settings = request.app.state.settings
        limit: int | None = settings.limits.body_bytes
        try:
            # An unknown caller learns nothing, not even the limit: identity first.
            declared = _declared_length(scope)
            door = self._door(request)
            if door is not None and door.takes_file:
                limit = None  # the upload counts against its own kind's limit
            elif door is not None and door.takes_form:
                # The form's fields, its request file and its manifest file, each within its own limit.
                limits = settings.limits
                limit = limits.body_bytes + limits.document_bytes + limits.manifest_bytes
            if door is not None and not door.public:
                token = bearer_token(request.headers.get("authorization"))
                if token is None:
                    raise Unauthenticated("service.unauthenticated")
                if _has_body(scope, declared):
                    await _verify(request, token)
            if limit is not None and declared is not None and declared > limit:
                raise PayloadTooLarge("service.body_too_large", limit=limit)
        except (PayloadTooLarge, Unauthenticated) as refusal:
            response = service_error_response(refusal, language_of(request))
            await response(scope, receive, send)
            return
        await self.app(scope, receive if limit is None else _limited(receive, limit), send)

    def _door(self, request: Request) -> _Door | None:
        """The operation the call is for, or None (documentation, or no such operation: the router answers)."""
        relative = request.scope["path"][len(self.prefix) :]
        if relative.startswith(_DOCUMENTATION):
            return None
        method = request.scope["method"]
        for operation in operations_at(request.app, request.scope["path"]):
            if method in operation.methods:
                return _Door(
                    public=operation.permission == PUBLIC,
                    takes_file=operation.takes_file,
                    takes_form=operation.takes_form,
                )
        return None

    def _with_headers(self, scope: Scope, send: Send) -> Send:
        path: str = scope["path"]
        personal = path.startswith(self.prefix) and not path.startswith(self.prefix + _STATIC_DOCUMENTATION)
        docs_page = path == self.docs_path
        held: list[Message] = []  # the documentation page's start, until its body gives the script hashes

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers: list[tuple[bytes, bytes]] = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.append((b"x-content-type-options", b"nosniff"))
                if personal and b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
                if docs_page:
                    held.append(message)
                    return
            elif docs_page and held and message["type"] == "http.response.body":
                start = held.pop()
                # The page is small and sent in one piece; its inline script is allowed by its hash.
                policy = DOCS_POLICY.format(scripts=" ".join(script_hashes(message.get("body", b"").decode())))
                await send({**start, "headers": [*start["headers"], (b"content-security-policy", policy.encode())]})
            await send(message)

        return sending


#: The documentation page runs Swagger UI from the package's own files and calls only this
#: API: nothing from elsewhere, no frames, no forms, no plugins. Its one inline script (the
#: page's start-up) is allowed by its hash, computed when the page is served (``docs_page``).
DOCS_POLICY = (
    "default-src 'none'; script-src 'self' {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _declared_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _has_body(scope: Scope, declared: int | None) -> bool:
    if declared is not None:
        return declared > 0
    return any(name == b"transfer-encoding" for name, _ in scope.get("headers", []))


async def _verify(request: Request, token: str) -> None:
    """``Unauthenticated`` unless ``token`` is valid: one short read, holding a database slot only for it."""
    state = request.app.state
    unit = UnitOfWork(state.engine, state.database_slots, token, read_only=True)
    await unit.take_slot()
    try:
        valid = await anyio.to_thread.run_sync(unit.token_is_valid)
    finally:
        unit.give_back_slot()
    if not valid:
        raise Unauthenticated("service.unauthenticated")


def _limited(receive: Receive, limit: int) -> Receive:
    """``receive`` that raises ``PayloadTooLarge`` once the body passes ``limit`` (a body without a length)."""
    seen = 0

    async def receiving() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise PayloadTooLarge("service.body_too_large", limit=limit)
        return message

    return receiving


def script_hashes(page: str) -> list[str]:
    """The CSP ``'sha256-...'`` source of each inline ``<script>`` of ``page``."""
    sources = []
    for body in re.findall(r"<script>(.*?)</script>", page, flags=re.DOTALL):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        sources.append(f"'sha256-{digest}'")
    return sources
