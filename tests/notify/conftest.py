"""Notifications tests reuse the services' small world (organisations, users, agreements)."""

from tests.services.conftest import world  # noqa: F401
