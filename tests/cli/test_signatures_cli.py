"""`clearway audit checkpoint`, `clearway audit verify --checkpoint`, `clearway audit extends`,
`clearway keys rotate` and `clearway serve`'s checks of the secret, on SQLite and PostgreSQL."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from clearway.commands.service import prepare_keys, serve_command
from clearway.domain.errors import UnusableInput
from clearway.domain.workflow import OrgKind
from clearway.services import checkpoints, keys, people
from clearway.services.actor import COMMAND_LINE
from clearway.settings import DEVELOPMENT_SECRET_KEY
from clearway.store.db import make_engine, session_scope, upgrade

SECRET = "a-production-secret-that-is-long-enough-0123456789"


@pytest.fixture
def database(empty_db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """A migrated database with two organisations and their keys, made under the configured secret."""
    upgrade(empty_db_url)
    monkeypatch.setenv("CLEARWAY_SECRET_KEY", SECRET)
    monkeypatch.setenv("CLEARWAY_DATABASE_URL", empty_db_url)
    engine = make_engine(empty_db_url)
    with session_scope(engine) as session:
        people.create_organisation(session, COMMAND_LINE, "Instituto Nacional de Migración", OrgKind.RECEIVING, "MEX")
        people.create_organisation(session, COMMAND_LINE, "ICE Air Operations", OrgKind.SENDING, "USA")
        keys.ensure_keys(session, SECRET)
    engine.dispose()
    return empty_db_url


def run_sql(url: str, *statements: str) -> None:
    engine = make_engine(url)
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_entries DISABLE TRIGGER USER"))
        else:
            connection.execute(text("DROP TRIGGER IF EXISTS trg_audit_entries_no_delete"))
        for statement in statements:
            connection.execute(text(statement))
        if engine.dialect.name == "postgresql":
            connection.execute(text("ALTER TABLE audit_entries ENABLE TRIGGER USER"))
    engine.dispose()


def test_a_checkpoint_file_verifies_while_the_chain_only_grows(clearway, database: str, tmp_path: Path) -> None:
    kept = tmp_path / "checkpoint.json"
    taken = clearway("audit", "checkpoint", "--output", kept)
    assert taken.exit_code == 0 and "keep it where the database cannot change it" in taken.stdout
    engine = make_engine(database)
    with session_scope(engine) as session:
        people.create_organisation(session, COMMAND_LINE, "A later organisation", OrgKind.OBSERVER)
    engine.dispose()
    verified = clearway("audit", "verify", "--checkpoint", kept, "--lang", "es")
    assert verified.exit_code == 0, verified.stderr
    assert "Extiende el punto de control" in verified.stdout


def test_a_cut_tail_fails_against_the_checkpoint_file(clearway, database: str, tmp_path: Path) -> None:
    kept = tmp_path / "checkpoint.json"
    assert clearway("audit", "checkpoint", "--output", kept).exit_code == 0
    sequence = json.loads(kept.read_text())["sequence"]
    run_sql(database, f"DELETE FROM audit_entries WHERE sequence >= {sequence}")
    assert clearway("audit", "verify").exit_code == 0  # without the checkpoint: "intact"
    outcome = clearway("audit", "verify", "--checkpoint", kept)
    assert outcome.exit_code == 1
    assert f"the checkpoint covers entry {sequence}, but the chain now ends at entry {sequence - 1}" in outcome.stderr


def test_a_checkpoint_file_with_a_forged_token_is_refused(clearway, database: str, tmp_path: Path) -> None:
    kept = tmp_path / "checkpoint.json"
    assert clearway("audit", "checkpoint", "--output", kept).exit_code == 0
    document = json.loads(kept.read_text())
    header, payload, signature = document["token"].split(".")
    document["token"] = f"{header}.{payload}.{signature[:-4]}AAAA"
    kept.write_text(json.dumps(document))
    outcome = clearway("audit", "verify", "--checkpoint", kept)
    assert outcome.exit_code == 1 and "cannot be trusted" in outcome.stderr


def test_a_missing_checkpoint_file_is_unusable_input(clearway, database: str, tmp_path: Path) -> None:
    outcome = clearway("audit", "verify", "--checkpoint", tmp_path / "absent.json")
    assert (outcome.exit_code, outcome.stdout) == (2, "")
    assert "absent.json" in outcome.stderr


def test_the_extension_is_checked_offline_from_the_hash_list(clearway, database: str, tmp_path: Path) -> None:
    kept, hashes, key_set = tmp_path / "checkpoint.json", tmp_path / "hashes.json", tmp_path / "keys.json"
    assert clearway("audit", "checkpoint", "--output", kept).exit_code == 0
    sequence = json.loads(kept.read_text())["sequence"]
    engine = make_engine(database)
    with session_scope(engine) as session:
        people.create_organisation(session, COMMAND_LINE, "Another organisation", OrgKind.OBSERVER)
        listed = checkpoints.hashes_since(session, sequence)
        entries = keys.key_set(session, SECRET)
    engine.dispose()
    hashes.write_text(json.dumps({"since": sequence, "hashes": [link.__dict__ for link in listed]}))
    key_set.write_text(json.dumps({"keys": entries}))
    extends = clearway("audit", "extends", "--checkpoint", kept, "--hashes", hashes, "--key", key_set)
    assert extends.exit_code == 0, extends.stderr
    listed_text = json.loads(hashes.read_text())
    listed_text["hashes"][0]["hash"] = "sha256:" + "0" * 63 + "1"
    hashes.write_text(json.dumps(listed_text))
    changed = clearway("audit", "extends", "--checkpoint", kept, "--hashes", hashes, "--key", key_set)
    assert changed.exit_code == 1 and "no longer has the hash the checkpoint signed" in changed.stderr


def test_a_database_moved_to_another_secret_refuses_to_start_and_keys_rotate_fixes_it(
    clearway, database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    moved = "the-secret-of-the-new-home-0123456789abcdef"
    with pytest.raises(UnusableInput) as refused:
        prepare_keys(database, moved)
    assert refused.value.params == {"command": "clearway keys rotate"}
    monkeypatch.setenv("CLEARWAY_SECRET_KEY", moved)
    blocked = clearway("serve", "--checkpoint-every", "0")
    assert blocked.exit_code == 2 and "clearway keys rotate" in blocked.stderr
    rotated = clearway("keys", "rotate")
    assert rotated.exit_code == 0 and rotated.stdout.count("Retired key") == 3  # two organisations and the audit
    prepare_keys(database, moved)  # starts now
    assert "nothing to rotate" in clearway("keys", "rotate").stdout


def test_serve_warns_on_every_start_without_a_configured_secret(
    database: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("CLEARWAY_SECRET_KEY")
    engine = make_engine(database)
    with session_scope(engine) as session:
        # A development database: keys under the development secret.
        keys.rekey(session, COMMAND_LINE, DEVELOPMENT_SECRET_KEY)
    engine.dispose()
    started: list[object] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: started.append(app))
    for _ in range(2):
        assert serve_command(database, "127.0.0.1", 8120, "en", checkpoint_minutes=0) == 0
    warnings = capsys.readouterr().err.count("no secret is configured")
    assert (len(started), warnings) == (2, 2)


def test_keys_revoke_from_the_command_line(clearway, database: str) -> None:
    engine = make_engine(database)
    with session_scope(engine) as session:
        key_id = next(key.key_id for key, org in keys.published_keys(session, SECRET) if org is not None)
    engine.dispose()
    outcome = clearway("keys", "revoke", key_id)
    assert outcome.exit_code == 0 and key_id in outcome.stdout
    unknown = clearway("keys", "revoke", "ffffffffffffffff")
    assert unknown.exit_code == 2 and "ffffffffffffffff" in unknown.stderr


def test_the_command_line_is_named_in_the_audit_when_it_rotates_and_revokes_keys(clearway, database: str) -> None:
    """The operator acts as a named system actor, not as a missing one: the trail says who."""
    from sqlalchemy import select

    from clearway.store.models import AuditEntry

    engine = make_engine(database)
    with session_scope(engine) as session:
        mexico = next(entry for entry in keys.key_set(session, SECRET) if entry["organisation"])
    engine.dispose()
    assert clearway("keys", "revoke", mexico["key_id"]).exit_code == 0
    engine = make_engine(database)
    with session_scope(engine) as session:
        entries = session.scalars(select(AuditEntry).order_by(AuditEntry.sequence)).all()
        by_action = {entry.action: entry for entry in entries}
        assert by_action["key_revoked"].details["by"] == "command line"
        assert by_action["key_rotated"].details["by"] == "command line"
        assert by_action["key_revoked"].user_id is None
    engine.dispose()
