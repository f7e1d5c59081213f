"""Registering a webhook endpoint: HTTPS outside development, public addresses only (SSRF)."""

import pytest

from clearway.domain.workflow import Role
from clearway.services import webhooks
from clearway.services.errors import Forbidden, Invalid
from tests.services.conftest import SECRET


def register(world, url: str, *, https_only: bool = True, allow_private: bool = False, role: Role = Role.ADMIN):
    return webhooks.register_endpoint(
        world.session,
        world.actor("mex", role),
        url,
        None,
        server_secret=SECRET,
        https_only=https_only,
        allow_private=allow_private,
    )


@pytest.mark.parametrize(
    "url",
    [
        "https://127.0.0.1/hook",
        "https://localhost/hook",
        "https://10.1.2.3/hook",
        "https://192.168.0.10/hook",
        "https://169.254.169.254/latest/meta-data",  # a cloud metadata service
        "https://[::1]/hook",
    ],
)
def test_a_private_address_is_refused(world, url) -> None:
    with pytest.raises(Invalid) as refused:
        register(world, url)
    assert refused.value.key == "notify.url_unsafe" and refused.value.params["field"] == "url"


def test_a_setting_allows_private_addresses(world) -> None:
    registered = register(world, "https://127.0.0.1:8443/hook", allow_private=True)
    assert registered.endpoint.url == "https://127.0.0.1:8443/hook"
    assert registered.secret.startswith("whsec_")


def test_plain_http_is_refused_outside_development(world) -> None:
    with pytest.raises(Invalid) as refused:
        register(world, "http://127.0.0.1/hook", allow_private=True)
    assert refused.value.key == "notify.url_scheme"
    assert register(world, "http://127.0.0.1/hook", https_only=False, allow_private=True).endpoint.url


@pytest.mark.parametrize("url", ["ftp://127.0.0.1/hook", "https:///no-host", "https://user:pw@127.0.0.1/hook"])
def test_other_unusable_addresses_are_refused(world, url) -> None:
    with pytest.raises(Invalid):
        register(world, url, allow_private=True)


def test_a_name_that_does_not_resolve_is_refused(world) -> None:
    with pytest.raises(Invalid) as refused:
        register(world, "https://no-such-host.invalid/hook")
    assert "does not resolve" in refused.value.params["reason"]


def test_only_an_admin_registers_endpoints(world) -> None:
    with pytest.raises(Forbidden):
        register(world, "https://127.0.0.1/hook", allow_private=True, role=Role.OFFICER)


def test_the_secret_is_kept_encrypted_and_signs_again_after_a_restart(world) -> None:
    from sqlalchemy import select

    from clearway.store.models import WebhookEndpoint

    registered = register(world, "https://127.0.0.1/hook", allow_private=True)
    stored = world.session.scalars(select(WebhookEndpoint)).one()
    assert registered.secret not in stored.encrypted_secret
    assert webhooks.decrypt_secret(stored.encrypted_secret, SECRET) == registered.secret


def test_a_delivery_setting_that_cannot_be_read_names_its_variable() -> None:
    from clearway.domain.errors import UnusableInput
    from clearway.settings import load_delivery_settings

    with pytest.raises(UnusableInput) as refused:
        load_delivery_settings(environ={"CLEARWAY_SMTP_PORT": "twenty-five"})
    assert refused.value.params == {"name": "CLEARWAY_SMTP_PORT", "value": "twenty-five"}
    assert load_delivery_settings(
        environ={"CLEARWAY_DEADLINE_THRESHOLDS_HOURS": "2, 48"}
    ).deadline_thresholds_hours == (
        48.0,
        2.0,
    )
