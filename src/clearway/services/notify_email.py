"""E-mail notifications: who opted in to which events, in which language, and the message.

A message names the event, the request's own reference, its state and version, and links
to the request's page; never anyone on board (names, documents, counts of a manifest).
Sent through SMTP (``DeliverySettings``: host, port, STARTTLS, credentials).
"""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Any

from sqlalchemy.orm import Session

from clearway.domain.notifications import EventType
from clearway.i18n import LANGUAGES, translate
from clearway.services.actor import Actor
from clearway.services.errors import Invalid
from clearway.services.outbox import Outcome
from clearway.settings import DeliverySettings
from clearway.store.models import EmailSubscription, utcnow


@dataclass(frozen=True)
class EmailPreferences:
    language: str
    event_types: tuple[str, ...]  # empty: no e-mail


def get_preferences(session: Session, actor: Actor, default_language: str = "en") -> EmailPreferences:
    """The actor's own choice (none until they opt in; until then the e-mails would be in
    ``default_language``, the one they read the pages in)."""
    found = session.get(EmailSubscription, actor.user_id)
    if found is None:
        return EmailPreferences(language=default_language, event_types=())
    return EmailPreferences(language=found.language, event_types=tuple(found.event_types))


def set_preferences(session: Session, actor: Actor, language: str, event_types: list[str]) -> EmailPreferences:
    """Opt in to (or, with no event types, out of) e-mail for the actor's own account."""
    if language not in LANGUAGES:
        raise Invalid("notify.unknown_language", field="language", language=language, allowed=", ".join(LANGUAGES))
    known = [str(item) for item in EventType]
    unknown = sorted(set(event_types) - set(known))
    if unknown:
        raise Invalid("notify.unknown_event_types", field="event_types", types=", ".join(unknown))
    chosen = [item for item in known if item in event_types]
    found = session.get(EmailSubscription, actor.user_id)
    if found is None:
        session.add(EmailSubscription(user_id=actor.user_id, language=language, event_types=chosen))
    else:
        found.language = language
        found.event_types = chosen
        found.updated_at = utcnow()
    session.flush()
    return EmailPreferences(language=language, event_types=tuple(chosen))


@dataclass(frozen=True)
class EmailJob:
    message_id: str
    to: str
    language: str
    event_type: str
    reference: str
    request_public_id: str
    body: dict[str, Any]


def compose(job: EmailJob, settings: DeliverySettings) -> EmailMessage:
    """The message in the recipient's language; ``Message-ID`` stays the same on every attempt."""
    data = job.body.get("data", {})
    lang = job.language if job.language in LANGUAGES else "en"
    event = translate(f"notify.event.{job.event_type}", lang)
    link = f"{settings.public_base_url}/requests/{job.request_public_id}"
    message = EmailMessage()
    message["Subject"] = translate("notify.email.subject", lang, event=event, reference=job.reference)
    message["From"] = settings.smtp_sender
    message["To"] = job.to
    message["Message-ID"] = f"<{job.message_id}@clearway>"
    lines = [
        translate("notify.email.opening", lang, event=event, reference=job.reference),
        translate("notify.email.state", lang, state=data.get("state", ""), version=data.get("version", "")),
    ]
    if data.get("registration_mismatch"):
        lines.append(translate("notify.email.registration_mismatch", lang))
    if job.event_type == EventType.DEADLINE_APPROACHING:
        lines.append(
            translate(
                f"notify.email.deadline.{data.get('deadline', 'reply_by')}",
                lang,
                due=_when(data.get("due_at", "")),
            )
        )
    lines += ["", translate("notify.email.link", lang, link=link), "", translate("notify.email.why", lang)]
    message.set_content("\n".join(lines))
    message["Content-Language"] = lang  # after set_content, which replaces every Content-* header
    return message


def _when(text: str) -> str:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).strftime("%Y-%m-%d %H:%M UTC")
    except ValueError:
        return text


def send(job: EmailJob, settings: DeliverySettings) -> Outcome:
    """One attempt through the configured SMTP server."""
    if not settings.smtp_host:
        return Outcome(False, error="no SMTP server is configured (CLEARWAY_SMTP_HOST)")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.webhook_timeout_seconds) as smtp:
            if settings.smtp_starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.smtp_username:
                smtp.login(settings.smtp_username, settings.smtp_password or "")
            smtp.send_message(compose(job, settings))
    except (OSError, smtplib.SMTPException) as error:
        return Outcome(False, error=f"{type(error).__name__}: {error}")
    return Outcome(True)
