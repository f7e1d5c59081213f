"""Webhook endpoints: registration (HTTPS, no private addresses, against SSRF), the signing
secret shown once, and delivery signed per Standard Webhooks with the ``standardwebhooks`` library.

The address is checked twice: when an endpoint is registered, and again at every delivery
against the address the name resolves to then; the request is sent to that checked address
(with the name kept for ``Host`` and TLS), so a name that later resolves elsewhere (DNS
rebinding) cannot point a delivery at an internal service.
"""

from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import select
from sqlalchemy.orm import Session
from standardwebhooks import Webhook

from clearway.domain.audit_events import WebhookEndpointCreated, WebhookEndpointDisabled
from clearway.domain.notifications import EventType
from clearway.domain.workflow import Permission
from clearway.services import audit
from clearway.services.actor import Actor
from clearway.services.errors import Invalid, NotFound
from clearway.services.outbox import Outcome
from clearway.store.models import WebhookEndpoint, utcnow

MAX_URL = 2000
USER_AGENT = "Clearway-Webhooks/1"


class UnsafeAddress(Exception):
    """The endpoint's address may not be called (private, loopback, link-local, unresolvable)."""


@dataclass(frozen=True)
class EndpointView:
    id: str
    url: str
    event_types: tuple[str, ...]
    description: str
    created_at: datetime
    disabled_at: datetime | None


@dataclass(frozen=True)
class RegisteredEndpoint:
    endpoint: EndpointView
    #: ``whsec_...``: shown this once; receivers verify signatures with it.
    secret: str


def _view(endpoint: WebhookEndpoint) -> EndpointView:
    return EndpointView(
        id=endpoint.public_id,
        url=endpoint.url,
        event_types=tuple(endpoint.event_types),
        description=endpoint.description,
        created_at=endpoint.created_at,
        disabled_at=endpoint.disabled_at,
    )


def register_endpoint(
    session: Session,
    actor: Actor,
    url: str,
    event_types: list[str] | None,
    *,
    description: str = "",
    server_secret: str,
    https_only: bool,
    allow_private: bool,
) -> RegisteredEndpoint:
    """A new endpoint of the actor's organisation for ``event_types`` (all when None)."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    chosen = _event_types(event_types)
    checked = check_url(url, https_only=https_only, allow_private=allow_private)
    secret = new_secret()
    endpoint = WebhookEndpoint(
        organisation_id=actor.organisation_id,
        url=checked,
        event_types=chosen,
        description=description.strip()[:200],
        encrypted_secret=encrypt_secret(secret, server_secret),
        created_by=actor.user_id,
    )
    session.add(endpoint)
    session.flush()
    audit.record(session, actor, WebhookEndpointCreated(endpoint=endpoint.public_id))
    return RegisteredEndpoint(_view(endpoint), secret)


def _event_types(event_types: list[str] | None) -> list[str]:
    known = [str(item) for item in EventType]
    if event_types is None:
        return known
    unknown = sorted(set(event_types) - set(known))
    if unknown:
        raise Invalid("notify.unknown_event_types", field="event_types", types=", ".join(unknown))
    if not event_types:
        raise Invalid("notify.no_event_types", field="event_types")
    return [item for item in known if item in event_types]


def list_endpoints(session: Session, actor: Actor) -> list[EndpointView]:
    """The organisation's endpoints, the disabled ones too (their deliveries stay listed)."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    rows = session.scalars(
        select(WebhookEndpoint)
        .where(WebhookEndpoint.organisation_id == actor.organisation_id)
        .order_by(WebhookEndpoint.id)
    )
    return [_view(row) for row in rows]


def disable_endpoint(session: Session, actor: Actor, endpoint_id: str) -> EndpointView:
    """No more messages for this endpoint; those already queued are still delivered."""
    actor.require(Permission.NOTIFICATIONS_MANAGE)
    endpoint = session.scalars(
        select(WebhookEndpoint).where(
            WebhookEndpoint.public_id == endpoint_id, WebhookEndpoint.organisation_id == actor.organisation_id
        )
    ).one_or_none()
    if endpoint is None:
        raise NotFound("notify.endpoint_not_found", endpoint=endpoint_id)
    if endpoint.disabled_at is None:
        endpoint.disabled_at = utcnow()
        audit.record(session, actor, WebhookEndpointDisabled(endpoint=endpoint.public_id))
    return _view(endpoint)


# -- secrets ---------------------------------------------------------------------------------------------------


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode("ascii")


def _fernet(server_secret: str) -> Fernet:
    key = hashlib.sha256(b"clearway webhook secrets\0" + server_secret.encode("utf-8")).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def encrypt_secret(secret: str, server_secret: str) -> str:
    return _fernet(server_secret).encrypt(secret.encode("ascii")).decode("ascii")


def decrypt_secret(encrypted: str, server_secret: str) -> str:
    try:
        return _fernet(server_secret).decrypt(encrypted.encode("ascii")).decode("ascii")
    except InvalidToken:
        raise RuntimeError("a webhook secret does not decrypt: the server secret changed") from None


# -- addresses -------------------------------------------------------------------------------------------------


def check_url(url: str, *, https_only: bool, allow_private: bool) -> str:
    """``url`` normalised, or ``Invalid`` naming why it may not be an endpoint."""
    text = url.strip()
    if len(text) > MAX_URL:
        raise Invalid("notify.url_too_long", field="url", maximum=MAX_URL)
    parts = urlsplit(text)
    allowed = ("https",) if https_only else ("https", "http")
    if parts.scheme.lower() not in allowed or not parts.hostname:
        raise Invalid("notify.url_scheme", field="url", url=text, schemes=", ".join(allowed))
    if parts.username or parts.password:
        raise Invalid("notify.url_credentials", field="url")
    try:
        resolve_safely(parts.hostname, parts.port or _default_port(parts.scheme), allow_private=allow_private)
    except UnsafeAddress as refused:
        raise Invalid("notify.url_unsafe", field="url", url=text, reason=str(refused)) from None
    return urlunsplit((parts.scheme.lower(), parts.netloc, parts.path or "/", parts.query, ""))


def _default_port(scheme: str) -> int:
    return 443 if scheme.lower() == "https" else 80


def resolve_safely(host: str, port: int, *, allow_private: bool) -> str:
    """The first address ``host`` resolves to; ``UnsafeAddress`` if any of them is not public."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise UnsafeAddress(f"{host} does not resolve ({error})") from None
    addresses = [str(item[4][0]) for item in found]
    if not allow_private:
        for address in addresses:
            ip = ipaddress.ip_address(address.split("%")[0])
            if not ip.is_global or ip.is_multicast:
                raise UnsafeAddress(f"{host} resolves to {address}, which is not a public address")
    return addresses[0]


# -- delivery --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookJob:
    message_id: str
    url: str
    secret: str
    body: dict[str, Any]


def signed_headers(job: WebhookJob, at: datetime) -> dict[str, str]:
    """The Standard Webhooks headers for one attempt (a new timestamp each time, the same id)."""
    payload = _payload(job.body)
    return {
        "webhook-id": job.message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(job.secret).sign(job.message_id, at, payload),
        "content-type": "application/json",
        "user-agent": USER_AGENT,
    }


def _payload(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"), sort_keys=True, ensure_ascii=False)


def send(client: httpx.Client, job: WebhookJob, at: datetime, *, allow_private: bool) -> Outcome:
    """One attempt: any 2xx is delivered; anything else (a refusal, a timeout) is a failure to retry."""
    parts = urlsplit(job.url)
    host = parts.hostname or ""
    port = parts.port or _default_port(parts.scheme)
    try:
        address = resolve_safely(host, port, allow_private=allow_private)
    except UnsafeAddress as refused:
        return Outcome(False, error=str(refused))
    pinned = f"[{address}]" if ":" in address else address
    target = urlunsplit((parts.scheme, f"{pinned}:{port}", parts.path or "/", parts.query, ""))
    headers = signed_headers(job, at)
    headers["host"] = parts.netloc
    try:
        response = client.post(
            target,
            content=_payload(job.body).encode("utf-8"),
            headers=headers,
            extensions={"sni_hostname": host},
        )
    except httpx.HTTPError as error:
        return Outcome(False, error=f"{type(error).__name__}: {error}")
    if 200 <= response.status_code < 300:
        return Outcome(True, status_code=response.status_code)
    return Outcome(False, status_code=response.status_code, error=f"HTTP {response.status_code}")
