"""What each feature answers: reading, listing, versions and their diff, agreements, holds, users and tokens."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from clearway.domain.workflow import Role, State
from clearway.store.db import session_scope
from clearway.store.models import AccessLogEntry
from tests.api.conftest import envelope
from tests.api.support import API, World, content
from tests.conftest import EXAMPLES


def access_log_size(world: World) -> int:
    with session_scope(world.engine, read_only=True) as session:
        return session.scalar(select(func.count()).select_from(AccessLogEntry)) or 0


def test_a_request_shows_its_version_findings_decisions_and_clearance(client: Any, world: World) -> None:
    public_id = world.drive(State.APPROVED_RESTRICTED)
    seen = client.get(f"{API}/requests/{public_id}", headers=world[("observer", Role.VIEWER)].headers).json()
    assert (seen["state"], seen["current_version"], seen["version"]["passenger_count"]) == ("approved_restricted", 1, 3)
    assert seen["version"]["agreement"] == {"id": "USA-MEX", "version": 3}
    assert seen["findings"] == [] and seen["version"]["finding_counts"] == {"error": 0, "warning": 0, "info": 0}
    assert [d["action"] for d in seen["decisions"]] == ["approve_restricted"]
    assert seen["decisions"][0]["restrictions"] == {"excluded_seqs": [2], "conditions": ""}
    assert seen["clearance"]["status"] == "current" and seen["clearance"]["token"].count(".") == 2
    assert (seen["events"], seen["registration_mismatch"]) == ([], False)


def test_findings_are_given_in_the_callers_language(client: Any, world: World) -> None:
    body = content()
    body["flight"]["people"]["monitors"] = 0
    public_id = world.create(body)
    for lang, words in (("en", "monitor"), ("es-MX", "observador")):
        seen = client.get(f"{API}/requests/{public_id}", headers={**world.officer.headers, "Accept-Language": lang})
        finding = next(item for item in seen.json()["findings"] if item["code"] == "MONITOR_MISSING")
        assert words in finding["message"].lower()


def test_the_list_filters_and_pages(client: Any, world: World) -> None:
    drafts = [world.drive(State.DRAFT) for _ in range(3)]
    submitted = world.drive(State.SUBMITTED)
    headers = world.officer.headers
    page = client.get(f"{API}/requests", params={"limit": 2, "offset": 0}, headers=headers).json()
    rest = client.get(f"{API}/requests", params={"limit": 2, "offset": 2}, headers=headers).json()
    assert (page["total"], len(page["items"]), len(rest["items"])) == (4, 2, 2)
    assert {item["id"] for item in page["items"] + rest["items"]} == {*drafts, submitted}
    only = client.get(f"{API}/requests", params={"state": "submitted"}, headers=headers).json()
    assert [item["id"] for item in only["items"]] == [submitted]
    reference = only["items"][0]["reference"]
    assert client.get(f"{API}/requests", params={"reference": reference}, headers=headers).json()["total"] == 1
    assert client.get(f"{API}/requests", params={"receiving_country": "gtm"}, headers=headers).json()["total"] == 0
    # The receiving side lists only what was submitted to it.
    theirs = client.get(f"{API}/requests", headers=world.receiving_officer.headers).json()
    assert [item["id"] for item in theirs["items"]] == [submitted]
    bad = client.get(f"{API}/requests", params={"state": "flying", "limit": 0}, headers=headers)
    assert {item["field"] for item in envelope(bad)["details"]["errors"]} == {"state", "limit"}


def test_versions_list_read_and_compare(client: Any, world: World) -> None:
    body = content()
    public_id = world.create(body)
    headers = world.officer.headers
    changed = {**body, "based_on_version": 1, "passengers": body["passengers"][:2]}
    changed["flight"] = {**body["flight"], "operator": "Other Charter"}
    client.post(f"{API}/requests/{public_id}/versions", json=changed, headers=headers)
    logged = access_log_size(world)

    listed = client.get(f"{API}/requests/{public_id}/versions", headers=headers).json()["items"]
    assert [v["number"] for v in listed] == [1, 2]
    assert access_log_size(world) == logged  # no personal data in the list

    version = client.get(f"{API}/requests/{public_id}/versions/2", headers=headers).json()
    assert version["flight"]["operator"] == "Other Charter" and len(version["passengers"]) == 2
    assert version["passengers"][0]["surname"] == body["passengers"][0]["surname"]
    assert access_log_size(world) == logged + 1

    diff = client.get(f"{API}/requests/{public_id}/diff", params={"from": 1, "to": 2}, headers=headers).json()
    assert (diff["from"], diff["to"]) == (1, 2)
    assert diff["flight_changes"][0] == {"path": "operator", "old": "Example Air Charter", "new": "Other Charter"}
    assert diff["passengers_removed"] == ["3"]
    assert access_log_size(world) == logged + 3  # both versions seen

    missing = client.get(f"{API}/requests/{public_id}/versions/9", headers=headers)
    assert envelope(missing)["details"]["message_key"] == "service.version_not_found"


def test_agreements_upload_once_and_list(client: Any, world: World, tmp_path: Any) -> None:
    admin = world[("receiver", Role.ADMIN)].headers
    text = (EXAMPLES / "agreement-usa-mex.toml").read_text(encoding="utf-8")  # version 3 of 2025: not yet stored
    other = text.replace("version = 3", "version = 2")
    url = f"{API}/agreements"
    created = client.post(url, params={"filename": "../usa-mex-v2.toml"}, content=other, headers=admin)
    assert created.status_code == 201, created.text
    assert created.json()["agreement"]["source_name"] == "usa-mex-v2.toml"  # never a path of the caller's
    again = client.post(url, content=other, headers=admin)
    assert (again.status_code, again.json()["created"]) == (200, False)
    conflict = client.post(url, content=text, headers=admin)  # USA-MEX 3 is stored with other dates
    assert envelope(conflict)["details"]["message_key"] == "service.agreement_conflict"
    broken = client.post(url, params={"filename": "broken.toml"}, content="id = ", headers=admin)
    error = envelope(broken)
    assert (broken.status_code, error["details"]["path"]) == (422, "broken.toml")
    listed = client.get(url, headers=world.officer.headers).json()["items"]
    assert [(item["id"], item["version"]) for item in listed] == [("USA-MEX", 3), ("USA-MEX", 2)]


def test_a_hold_list_import_reports_counts_and_invalid_lines(client: Any, world: World) -> None:
    admin = world[("sender", Role.ADMIN)].headers
    assert client.get(f"{API}/holds", headers=admin).json() == {"current": None}
    csv = (EXAMPLES / "holds-sample.csv").read_text(encoding="utf-8")
    csv += "H9999999,Nadie,,Nobody,not-a-date,MEX,court_order,\n"
    imported = client.post(
        f"{API}/holds", params={"filename": "holds.csv"}, content=csv, headers={**admin, "Content-Type": "text/csv"}
    )
    assert imported.status_code == 201, imported.text
    summary = imported.json()
    assert summary["row_count"] == len(csv.splitlines()) - 2
    assert summary["invalid_row_count"] == 1
    assert summary["first_invalid_lines"] == [{"line": len(csv.splitlines()), "reason": "date_of_birth"}]
    current = client.get(f"{API}/holds", headers=world.officer.headers).json()["current"]
    assert current == summary
    empty = client.post(f"{API}/holds", params={"filename": "empty.csv"}, content=b"", headers=admin)
    assert (empty.status_code, envelope(empty)["details"]["path"]) == (422, "empty.csv")
    assert client.get(f"{API}/holds", headers=admin).json()["current"] == summary  # nothing changed


def test_admins_manage_the_users_of_their_own_organisation(client: Any, world: World) -> None:
    admin = world[("receiver", Role.ADMIN)].headers
    made = client.post(
        f"{API}/users",
        json={"email": "New.Officer@MEX.test", "display_name": "N", "role": "officer", "password": "long enough pass"},
        headers=admin,
    )
    assert made.status_code == 201, made.text
    assert made.json()["email"] == "new.officer@mex.test"
    emails = [user["email"] for user in client.get(f"{API}/users", headers=admin).json()["items"]]
    assert "new.officer@mex.test" in emails and all(
        email.endswith("@receiver.test") or "mex" in email for email in emails
    )
    short = client.post(
        f"{API}/users",
        json={"email": "x@mex.test", "display_name": "X", "role": "viewer", "password": "short"},
        headers=admin,
    )
    assert envelope(short)["details"] == {
        "message_key": "service.password_too_short",
        "field": "password",
        "minimum": 12,
    }
    taken = client.post(
        f"{API}/users",
        json={"email": "new.officer@mex.test", "display_name": "N", "role": "viewer", "password": "long enough pass"},
        headers=admin,
    )
    assert taken.status_code == 409


def test_tokens_are_shown_once_and_can_be_revoked(client: Any, world: World) -> None:
    admin, officer = world[("sender", Role.ADMIN)], world.officer
    made = client.post(f"{API}/tokens", json={"name": "ci"}, headers=officer.headers).json()
    headers = {"Authorization": f"Bearer {made['token']}"}
    assert client.get(f"{API}/requests", headers=headers).status_code == 200
    # The admin sees and revokes tokens of users of their organisation, not of another one.
    listed = client.get(f"{API}/tokens", params={"user_id": officer.user_id}, headers=admin.headers).json()["items"]
    assert made["id"] in [item["id"] for item in listed]
    outsider = world[("other_sender", Role.ADMIN)].headers
    assert client.get(f"{API}/tokens", params={"user_id": officer.user_id}, headers=outsider).status_code == 404
    assert client.delete(f"{API}/tokens/{made['id']}", headers=outsider).status_code == 404
    revoked = client.delete(f"{API}/tokens/{made['id']}", headers=admin.headers).json()
    assert revoked["revoked_at"] is not None
    assert client.get(f"{API}/requests", headers=headers).status_code == 401


def test_a_read_records_when_its_token_was_last_used(client: Any, world: World) -> None:
    officer = world.officer
    made = client.post(f"{API}/tokens", json={"name": "reader"}, headers=officer.headers).json()
    headers = {"Authorization": f"Bearer {made['token']}"}

    def last_used() -> str | None:
        items = client.get(f"{API}/tokens", headers=officer.headers).json()["items"]
        return next(item["last_used_at"] for item in items if item["id"] == made["id"])

    assert last_used() is None
    assert client.get(f"{API}/requests", headers=headers).status_code == 200  # a read-only call
    first = last_used()
    assert first is not None
    assert client.get(f"{API}/requests", headers=headers).status_code == 200
    assert last_used() == first  # kept to the minute or so: reads do not all become writes
