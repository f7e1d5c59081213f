"""Notifications: an organisation's webhook endpoints (the signing secret shown once), its deliveries
with failures and dead letters to replay, and its calendar feeds (the secret address shown once), for
its admins; and every user's own e-mail choice."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request, Response

from clearway.i18n import translate
from clearway.services import calendar, notify_deliveries, notify_email, pages_notifications, webhooks
from clearway.services.errors import Forbidden, NotFound, ServiceError
from clearway.web.pages.kit import Flash, PageContext, form_errors, run

router = APIRouter(include_in_schema=False)
PAGE = "/admin/notifications"


def _event_labels(lang: str) -> dict[str, str]:
    return {kind: translate(f"notify.event.{kind}", lang) for kind in pages_notifications.EVENT_TYPES}


@router.get(PAGE)
async def notifications(request: Request) -> Response:
    return await run(request, _notifications)


def _notifications(
    ctx: PageContext,
    *,
    errors: dict[str, str] | None = None,
    values: dict[str, Any] | None = None,
    new_secret: str | None = None,
    new_feed_url: str | None = None,
    status: int = 200,
) -> Response:
    offset = ctx.request.query_params.get("offset", "0")
    view = pages_notifications.overview(
        ctx.session,
        ctx.actor,
        ctx.request.query_params.get("status", "all"),
        int(offset) if offset.isdigit() and len(offset) < 10 else 0,
    )
    return ctx.render(
        "admin/notifications.html",
        status_code=status,
        view=view,
        events=_event_labels(ctx.lang),
        errors=errors or {},
        values=values or {},
        new_secret=new_secret,
        new_feed_url=new_feed_url,
        filters=[str(item) for item in notify_deliveries.DeliveryFilter],
    )


@router.post(f"{PAGE}/endpoints")
async def register_endpoint(request: Request) -> Response:
    return await run(request, _register_endpoint)


def _register_endpoint(ctx: PageContext) -> Response:
    chosen = ctx.values("event_types")
    url, description = ctx.value("url"), ctx.value("description")
    values: dict[str, Any] = {"url": url, "description": description, "event_types": chosen}
    try:
        registered = webhooks.register_endpoint(
            ctx.session,
            ctx.actor,
            url,
            chosen or None,
            description=description,
            server_secret=ctx.settings.secret_key,
            https_only=ctx.settings.environment != "development",
            allow_private=ctx.settings.delivery.webhook_allow_private,
        )
    except (Forbidden, NotFound):  # the error pages, not a message beside a field
        raise
    except ServiceError as error:
        ctx.unit.session.rollback()
        fields = {"url": "url", "event_types": "event_types"}
        return _notifications(ctx, errors=form_errors(ctx, error, fields), values=values, status=error.status)
    # Shown on this response only (never redirected with it): the secret is stored encrypted, never shown again.
    return _notifications(ctx, new_secret=registered.secret)


@router.post(PAGE + "/endpoints/{endpoint_id}/disable")
async def disable_endpoint(request: Request, endpoint_id: str) -> Response:
    return await run(request, _disable_endpoint, endpoint_id=endpoint_id)


def _disable_endpoint(ctx: PageContext, endpoint_id: str) -> Response:
    disabled = webhooks.disable_endpoint(ctx.session, ctx.actor, endpoint_id)
    message = ctx._("Nothing more is sent to %(url)s.", url=disabled.url)
    return ctx.redirect(PAGE + "#endpoints", Flash("success", message))


@router.post(PAGE + "/deliveries/{message_id}/replay")
async def replay(request: Request, message_id: str) -> Response:
    return await run(request, _replay, message_id=message_id)


def _replay(ctx: PageContext, message_id: str) -> Response:
    try:
        notify_deliveries.replay(ctx.session, ctx.actor, message_id)
    except (Forbidden, NotFound):
        raise
    except ServiceError as error:  # not a dead letter (any more)
        ctx.unit.session.rollback()
        return ctx.redirect(PAGE + "#deliveries", Flash("error", ctx.say(error)))
    message = ctx._("Message %(id)s is queued again, with the same webhook-id.", id=message_id)
    return ctx.redirect(PAGE + "?status=pending#deliveries", Flash("success", message))


@router.post(f"{PAGE}/feeds")
async def create_feed(request: Request) -> Response:
    return await run(request, _create_feed)


def _create_feed(ctx: PageContext) -> Response:
    name = ctx.value("feed_name")
    if not name or len(name) > 100:
        errors = {"feed_name": ctx._("Give the feed a name of at most 100 characters.")}
        return _notifications(ctx, errors=errors, values={"feed_name": name}, status=422)
    created = calendar.create_feed(ctx.session, ctx.actor, name)
    address = str(ctx.request.base_url).rstrip("/") + f"/api/v1/calendar/{created.secret}.ics"
    return _notifications(ctx, new_feed_url=address)


@router.post(PAGE + "/feeds/{feed_id}/revoke")
async def revoke_feed(request: Request, feed_id: str) -> Response:
    return await run(request, _revoke_feed, feed_id=feed_id)


def _revoke_feed(ctx: PageContext, feed_id: str) -> Response:
    if not feed_id.isdigit() or len(feed_id) > 9:
        raise NotFound("notify.feed_not_found", feed=feed_id)
    revoked = calendar.revoke_feed(ctx.session, ctx.actor, int(feed_id))
    message = ctx._("The feed %(name)s is revoked: its address no longer answers.", name=revoked.name)
    return ctx.redirect(PAGE + "#feeds", Flash("success", message))


@router.get("/account/email")
async def email(request: Request) -> Response:
    return await run(request, _email)


def _email(ctx: PageContext, errors: dict[str, str] | None = None, status: int = 200) -> Response:
    return ctx.render(
        "admin/email.html",
        status_code=status,
        preferences=notify_email.get_preferences(ctx.session, ctx.actor, default_language=ctx.lang),
        events=_event_labels(ctx.lang),
        errors=errors or {},
    )


@router.post("/account/email")
async def save_email(request: Request) -> Response:
    return await run(request, _save_email)


def _save_email(ctx: PageContext) -> Response:
    try:
        notify_email.set_preferences(ctx.session, ctx.actor, ctx.value("language"), ctx.values("event_types"))
    except ServiceError as error:
        ctx.unit.session.rollback()
        fields = {"language": "language", "event_types": "event_types"}
        return _email(ctx, errors=form_errors(ctx, error, fields), status=error.status)
    chosen = ctx.values("event_types")
    message = ctx._("Your e-mail choices are saved.") if chosen else ctx._("You will receive no e-mail from Clearway.")
    return ctx.redirect("/account/email", Flash("success", message))
