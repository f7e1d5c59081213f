"""``clearway demo`` prints a webhook endpoint and working calendar feed addresses with the logins."""

from __future__ import annotations

import re
from pathlib import Path

from icalendar import Calendar
from sqlalchemy import func, select

from clearway.services import calendar
from clearway.store.db import make_engine, session_scope
from clearway.store.models import WebhookEndpoint


def test_the_demo_prints_its_endpoint_and_feeds(clearway, tmp_path: Path) -> None:
    database = tmp_path / "demo.db"
    result = clearway("demo", "--no-serve", "--db", database, "--port", "8172")
    assert result.exit_code == 0, result.stderr
    assert "go to http://127.0.0.1:8173/webhooks (signing secret whsec_" in result.stdout
    feeds = re.findall(r"http://127\.0\.0\.1:8172/api/v1/calendar/(cal_[\w-]+)\.ics", result.stdout)
    assert len(feeds) == 3  # the sending and the two receiving authorities
    engine = make_engine(str(database))
    try:
        with session_scope(engine, read_only=True) as session:
            assert session.scalar(select(func.count()).select_from(WebhookEndpoint)) == 1
            document = Calendar.from_ical(calendar.feed_ics(session, feeds[1], base_url="http://127.0.0.1:8172"))
    finally:
        engine.dispose()
    assert document.walk("VEVENT")  # the Mexican authority's arrivals
