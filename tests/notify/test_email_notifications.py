"""E-mail through a real SMTP server (aiosmtpd) on 127.0.0.1: who receives what, in which
language, with a link to the page and no one's personal data."""

from __future__ import annotations

import email
import email.policy
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.message import EmailMessage
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from clearway.domain.workflow import Action, Role
from clearway.services import workflow
from clearway.services.notify_worker import Worker
from clearway.settings import DeliverySettings
from tests.notify.support import opt_in, personal_data, submitted
from tests.services.conftest import SECRET

BASE_URL = "https://clearway.example.gov"


@pytest.fixture
def session(live_session):
    return live_session


@dataclass
class Mailbox:
    port: int
    messages: list[tuple[list[str], EmailMessage]] = field(default_factory=list)
    logins: list[str] = field(default_factory=list)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append((list(envelope.rcpt_tos), parsed))
        return "250 OK"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for recipients, message in self.messages if address in recipients]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox(_free_port())

    def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
        ok = isinstance(data, LoginPassword) and (data.login, data.password) == (b"clearway", b"mail-secret")
        if ok:
            box.logins.append(data.login.decode())
        return AuthResult(success=ok)

    controller = Controller(
        box, hostname="127.0.0.1", port=box.port, authenticator=authenticate, auth_require_tls=False
    )
    controller.start()
    try:
        yield box
    finally:
        controller.stop()


def settings_for(box: Mailbox, **changes: Any) -> DeliverySettings:
    values: dict[str, Any] = {
        "smtp_host": "127.0.0.1",
        "smtp_port": box.port,
        "smtp_starttls": False,
        "smtp_username": "clearway",
        "smtp_password": "mail-secret",
        "smtp_sender": "notifications@clearway.example.gov",
        "public_base_url": BASE_URL,
        **changes,
    }
    return DeliverySettings(**values)


def deliver_all(engine: Any, settings: DeliverySettings) -> None:
    with Worker(engine, settings, SECRET) as worker:
        worker.fan_out()
        while worker.deliver_one():
            pass


def email_of(world: Any, org: str, role: Role) -> str:
    return f"{role}@{org}.test"


def test_the_people_who_opted_in_get_the_event_in_their_language(world, live_engine, mailbox) -> None:
    opt_in(world, world.actor("mex", Role.VIEWER), "es", ["request.submitted"])
    opt_in(world, world.actor("mex", Role.OFFICER), "en", ["decision.made"])
    opt_in(world, world.actor("gtm", Role.OFFICER), "en")  # another country: never sees this request
    public_id = submitted(world)
    world.session.commit()
    deliver_all(live_engine, settings_for(mailbox))
    [(recipients, message)] = mailbox.messages
    assert recipients == ["viewer@mex.test"]
    assert message["Subject"].startswith("Clearway: Solicitud presentada, solicitud RF-")
    assert message["Content-Language"] == "es"
    text = message.get_content()
    assert "La solicitud está ahora en estado submitted (versión 1)." in text
    assert f"{BASE_URL}/requests/{public_id}" in text
    assert mailbox.logins == ["clearway"]


def test_each_person_gets_only_the_events_they_chose(world, live_engine, mailbox) -> None:
    opt_in(world, world.actor("mex", Role.VIEWER), "es", ["request.submitted"])
    opt_in(world, world.actor("mex", Role.OFFICER), "en", ["decision.made"])
    public_id = submitted(world)
    workflow.decide(world.session, world.actor("mex"), public_id, workflow.DecisionInput(Action.APPROVE), secret=SECRET)
    world.session.commit()
    deliver_all(live_engine, settings_for(mailbox))
    [decided] = mailbox.to("officer@mex.test")
    assert decided["Subject"].startswith("Clearway: Decision made, request RF-")
    assert "The request is now approved (version 1)." in decided.get_content()
    assert len(mailbox.to("viewer@mex.test")) == 1


def test_no_message_names_anyone_on_board(world, live_engine, mailbox) -> None:
    opt_in(world, world.actor("usa", Role.VIEWER), "en")
    opt_in(world, world.actor("mex", Role.VIEWER), "es")
    public_id = submitted(world)
    workflow.decide(world.session, world.actor("mex"), public_id, workflow.DecisionInput(Action.APPROVE), secret=SECRET)
    world.session.commit()
    deliver_all(live_engine, settings_for(mailbox))
    assert len(mailbox.messages) == 4  # submitted and decided, each to both sides
    everything = "\n".join(message.as_string() for _, message in mailbox.messages)
    personal = personal_data(world.session)
    assert personal
    assert [value for value in personal if value in everything] == []


def test_without_an_smtp_server_messages_wait_as_failures(world, live_engine) -> None:
    from sqlalchemy import select

    from clearway.store.models import OutboxMessage

    opt_in(world, world.actor("mex", Role.VIEWER), "en")
    submitted(world)
    world.session.commit()
    with Worker(live_engine, DeliverySettings(), SECRET) as worker:
        worker.fan_out()
        worker.deliver_one()
    world.session.expire_all()
    [message] = world.session.scalars(select(OutboxMessage)).all()
    assert message.attempts == 1 and "CLEARWAY_SMTP_HOST" in (message.last_error or "")


def test_wrong_credentials_are_a_failure_to_retry(world, live_engine, mailbox) -> None:
    opt_in(world, world.actor("mex", Role.VIEWER), "en")
    submitted(world)
    world.session.commit()
    deliver_all(live_engine, settings_for(mailbox, smtp_password="wrong"))
    assert mailbox.messages == []
